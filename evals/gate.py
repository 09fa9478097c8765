"""The regression gate: compare a results document with a saved baseline (metric deltas and item flips)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Gated metrics: +1 = higher is better, -1 = lower is better. Rates are in [0, 1]; the default tolerance
# (absolute) absorbs floating-point and tie-order noise, not real changes. The offline answerer is
# deterministic, so on the same index a real change shows up as item flips as well.
GATED: dict[str, dict[str, int]] = {
    "qa": {"hit@5": 1, "mrr": 1, "key_fact_recall": 1, "abstention_accuracy": 1, "false_abstention_rate": -1,
           "citation_precision": 1, "citation_validity": 1, "pass_rate": 1},
    "suggest": {"set_f1": 1, "bb_macro_f1": 1, "rare_bb_f1": 1, "core_recall": 1, "focus_at_1": 1, "pass_rate": 1},
}
# Reported with deltas but never gated: latency depends on the machine, not on the change under test.
REPORTED: dict[str, dict[str, int]] = {
    "qa": {"hit@1": 1, "hit@3": 1, "ndcg@5": 1, "latency_p50_ms": -1, "latency_p95_ms": -1},
    "suggest": {"precision": 1, "recall": 1, "latency_p50_ms": -1, "latency_p95_ms": -1},
}
DEFAULT_TOLERANCE = 0.02


class BaselineError(ValueError):
    """The baseline file cannot be used (missing, not a results document)."""


def load_results(path: Path | str) -> dict:
    p = Path(path)
    if not p.is_file():
        raise BaselineError(f"Baseline {p} not found; create one with `govstack-assistant eval --suite smoke "
                            f"--write-baseline {p}`.")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except ValueError as e:
        raise BaselineError(f"Baseline {p} is not JSON ({e}).") from e
    if not isinstance(data, dict) or "metrics" not in data or "items" not in data:
        raise BaselineError(f"Baseline {p} is not an eval results file (no 'metrics'/'items').")
    return data


_SLIM_DROP = ("timings_ms", "scores", "notice", "backend", "facts_found")


def slim(results: dict, answer_chars: int = 400, retrieved: int = 5) -> dict:
    """A results document cut down for committing as a baseline: metrics and breakdowns whole; per item the
    pass verdict, why, scores and a short answer/top sources (enough to read a flip, small enough to diff)."""
    out = {k: v for k, v in results.items() if k not in ("items", "naive_baseline", "compare")}
    if results.get("naive_baseline"):
        out["naive_baseline"] = {k: v for k, v in results["naive_baseline"].items() if k != "items"}
    items = []
    for it in results.get("items", []):
        it = {k: v for k, v in it.items() if k not in _SLIM_DROP}
        if isinstance(it.get("answer"), str) and len(it["answer"]) > answer_chars:
            it["answer"] = it["answer"][:answer_chars] + " …"
        if it.get("retrieved"):
            it["retrieved"] = [f"{r['folder']}/{r['path']}" for r in it["retrieved"][:retrieved]]
        if it.get("citations"):
            it["citations"] = [f"{c['folder']}/{c['path']}" for c in it["citations"]]
        items.append(it)
    out["items"] = items
    return out


@dataclass
class MetricDelta:
    suite: str
    metric: str
    baseline: float | None
    current: float | None
    direction: int
    tolerance: float
    gated: bool

    @property
    def delta(self) -> float | None:
        if self.baseline is None or self.current is None:
            return None
        return self.current - self.baseline

    @property
    def regressed(self) -> bool:
        """Worse than the baseline by more than the tolerance (a gated metric that vanished also counts)."""
        if not self.gated or self.baseline is None:
            return False
        if self.current is None:
            return True
        return (self.delta or 0.0) * self.direction < -self.tolerance - 1e-12

    @property
    def improved(self) -> bool:
        d = self.delta
        return d is not None and d * self.direction > self.tolerance + 1e-12

    def to_dict(self) -> dict[str, Any]:
        return {"suite": self.suite, "metric": self.metric, "baseline": self.baseline, "current": self.current,
                "delta": self.delta, "direction": self.direction, "tolerance": self.tolerance, "gated": self.gated,
                "regressed": self.regressed, "improved": self.improved}


def compare(current: dict, baseline: dict, tolerance: float = DEFAULT_TOLERANCE,
            tolerances: dict[str, float] | None = None, max_flips: int = 0) -> dict[str, Any]:
    """Per-metric deltas and per-item flips between two results documents; `regressed` says whether to fail.

    Fails when a gated metric drops by more than its tolerance, or when more than `max_flips` items that
    passed in the baseline fail now. Items only in one of the two are listed, never counted as flips.
    """
    tolerances = tolerances or {}
    deltas: list[MetricDelta] = []
    for suite in sorted(set(current.get("metrics", {})) | set(baseline.get("metrics", {}))):
        cur, base = current.get("metrics", {}).get(suite) or {}, baseline.get("metrics", {}).get(suite) or {}
        for table, gated in ((GATED.get(suite, {}), True), (REPORTED.get(suite, {}), False)):
            for m, direction in table.items():
                if m not in cur and m not in base:
                    continue
                deltas.append(MetricDelta(suite, m, base.get(m), cur.get(m), direction,
                                          tolerances.get(m, tolerance if gated else 0.0), gated))
    key = lambda r: (r.get("suite", "qa"), r.get("id"))  # noqa: E731
    cur_items = {key(r): r for r in current.get("items", [])}
    base_items = {key(r): r for r in baseline.get("items", [])}
    pass_to_fail, fail_to_pass = [], []
    for k in sorted(set(cur_items) & set(base_items), key=str):
        was, now = bool(base_items[k].get("passed")), bool(cur_items[k].get("passed"))
        if was and not now:
            pass_to_fail.append({"suite": k[0], "id": k[1], "question": cur_items[k].get("question", ""),
                                 "why": cur_items[k].get("why", [])})
        elif now and not was:
            fail_to_pass.append({"suite": k[0], "id": k[1], "question": cur_items[k].get("question", "")})
    reasons = [f"{d.suite} {d.metric} fell from {d.baseline:.3f} to {d.current:.3f} (tolerance {d.tolerance:.3f})"
               if d.current is not None else f"{d.suite} {d.metric} is missing (baseline {d.baseline:.3f})"
               for d in deltas if d.regressed]
    if len(pass_to_fail) > max_flips:
        reasons.append(f"{len(pass_to_fail)} item(s) passed in the baseline and fail now: "
                       + ", ".join(f["id"] for f in pass_to_fail[:12]) + (" …" if len(pass_to_fail) > 12 else "")
                       + (f" (allowed: {max_flips})" if max_flips else ""))
    warnings = []
    if current.get("suite") != baseline.get("suite"):
        warnings.append(f"baseline is from suite {baseline.get('suite')!r}, this run is {current.get('suite')!r}")
    if (current.get("gold") or {}).get("qa") != (baseline.get("gold") or {}).get("qa"):
        warnings.append("the question gold file changed since the baseline; compare item flips with care")
    for a, b in (("release", "release"), ("backend", "backend")):
        if current.get(a) != baseline.get(b):
            warnings.append(f"{a}: baseline {baseline.get(b)!r}, now {current.get(a)!r}")
    return {
        "baseline": {"created": baseline.get("created"), "suite": baseline.get("suite"), "path": baseline.get("_path")},
        "metrics": [d.to_dict() for d in deltas],
        "pass_to_fail": pass_to_fail,
        "fail_to_pass": fail_to_pass,
        "only_in_baseline": sorted(f"{s}:{i}" for s, i in set(base_items) - set(cur_items)),
        "only_in_current": sorted(f"{s}:{i}" for s, i in set(cur_items) - set(base_items)),
        "regressed": bool(reasons),
        "reasons": reasons,
        "warnings": warnings,
        "max_flips": max_flips,
    }
