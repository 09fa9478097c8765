#!/usr/bin/env bash
# Audit the project's Python dependencies for known vulnerabilities with pip-audit.
#
#   bash scripts/audit.sh            # the installed versions of everything govstack-assistant depends on (incl. [llm])
#   bash scripts/audit.sh --env      # every package in the current Python environment
#   bash scripts/audit.sh --service osv
#
# Exit 0: no known vulnerabilities — or the vulnerability database could not be reached (said clearly: offline
# machines and air-gapped CI must not fail on it). Exit 1: vulnerabilities found (listed with fixed versions).
# Bounded: installing pip-audit ≤ 45 s, the audit ≤ 75 s; it never waits longer than ~2 minutes.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
SCOPE=project
SERVICE=pypi
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) SCOPE=env ;;
    --service) SERVICE="${2:-pypi}"; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if ! $PY -m pip_audit --version >/dev/null 2>&1; then
  echo ">> installing pip-audit" >&2
  if ! timeout 45 $PY -m pip install -q pip-audit >/dev/null 2>&1; then
    echo "audit: NOT RUN — pip-audit is not installed and could not be installed (offline?). Install it with 'pip install pip-audit' and re-run."
    exit 0
  fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

args=(--progress-spinner off --timeout 15 -s "$SERVICE" -f json -o "$work/result.json" --desc off)
if [[ $SCOPE == project ]]; then
  # The installed versions of the project's dependency closure (pyproject.toml [project] + [llm]), pinned, so
  # pip-audit checks exactly what runs here without resolving anything from an index.
  if ! $PY - "$work/requirements.txt" <<'EOF'
import re, sys, tomllib
from importlib import metadata
from packaging.requirements import Requirement

project = tomllib.load(open("pyproject.toml", "rb"))["project"]
todo = [Requirement(r) for r in project["dependencies"] + project.get("optional-dependencies", {}).get("llm", [])]
pins, missing = {}, []
while todo:
    req = todo.pop()
    name = re.sub(r"[-_.]+", "-", req.name).lower()
    if name in pins or (req.marker and not req.marker.evaluate({"extra": ""})):
        continue
    try:
        dist = metadata.distribution(req.name)
    except metadata.PackageNotFoundError:
        missing.append(req.name)
        continue
    pins[name] = dist.version
    for extra in req.extras:  # e.g. package[extra]
        for r in dist.requires or []:
            rr = Requirement(r)
            if rr.marker and rr.marker.evaluate({"extra": extra}):
                todo.append(rr)
    for r in dist.requires or []:
        rr = Requirement(r)
        if not rr.marker or rr.marker.evaluate({"extra": ""}):
            todo.append(rr)
with open(sys.argv[1], "w") as f:
    f.writelines(f"{n}=={v}\n" for n, v in sorted(pins.items()))
print(f"audit: {len(pins)} installed packages in govstack-assistant's dependency closure"
      + (f" ({len(missing)} not installed: {', '.join(sorted(missing)[:8])})" if missing else ""))
EOF
  then
    echo "audit: could not list the project's dependencies; auditing the whole environment instead" >&2
    SCOPE=env
  else
    args+=(-r "$work/requirements.txt" --no-deps --disable-pip)
  fi
fi
[[ $SCOPE == env ]] && args+=(-l) && echo "audit: every package in $($PY -c 'import sys; print(sys.prefix)')"

echo "audit: asking the '$SERVICE' vulnerability service (pip-audit $($PY -m pip_audit --version 2>/dev/null | awk '{print $2}'))"
timeout 75 $PY -m pip_audit "${args[@]}" >"$work/out.txt" 2>"$work/err.txt"
rc=$?
if [[ $rc == 124 ]]; then
  echo "audit: NOT RUN — the vulnerability service did not answer within 75 s (offline or blocked). Nothing was checked."
  exit 0
fi
if grep -qiE "ConnectionError|NameResolution|Failed to resolve|Max retries|timed out|Temporary failure|Network is unreachable|SSLError|ProxyError" "$work/err.txt"; then
  echo "audit: NOT RUN — the vulnerability service cannot be reached from this machine:"
  grep -oiE "(Failed to resolve '[^']+'|Max retries exceeded with url: [^ ]+|Network is unreachable|timed out|SSLError[^)]*)" "$work/err.txt" | head -1 | sed 's/^/  /'
  other=osv; [[ $SERVICE == osv ]] && other=pypi
  echo "  Run it where the internet is reachable (CI), or try --service $other. Nothing was checked."
  exit 0
fi
if [[ ! -s "$work/result.json" ]]; then
  echo "audit: pip-audit failed (exit $rc):"
  tail -5 "$work/err.txt" | sed 's/^/  /'
  exit 1
fi

$PY - "$work/result.json" <<'EOF'
import json, sys

doc = json.load(open(sys.argv[1]))
deps = doc.get("dependencies", [])
skipped = [d for d in deps if d.get("skip_reason")]
audited = [d for d in deps if not d.get("skip_reason")]
vulns = [(d["name"], d["version"], v) for d in audited for v in d.get("vulns", [])]
if deps and not audited:
    print(f"audit: NOT RUN — the vulnerability service knows none of the {len(deps)} packages "
          f"(e.g. {skipped[0]['skip_reason']}); this machine probably sees a private mirror, not PyPI. Nothing was checked.")
    sys.exit(0)
print(f"audit: {len(audited)} packages checked, {len(skipped)} skipped, {len(vulns)} known vulnerabilities")
for d in skipped[:10]:
    print(f"  skipped {d['name']}: {d['skip_reason']}")
for name, version, v in sorted(vulns, key=lambda x: (x[0], x[2].get("id", ""))):
    fix = ", ".join(v.get("fix_versions") or []) or "no fixed release yet"
    aliases = ", ".join(a for a in v.get("aliases") or [] if a.startswith("CVE"))
    print(f"  {name} {version}: {v.get('id')}{' (' + aliases + ')' if aliases else ''} — fixed in {fix}")
sys.exit(1 if vulns else 0)
EOF
