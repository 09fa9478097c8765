"""Where the corpus comes from: a local snapshot, a folder of repo checkouts, or GitHub clones.

Produces RepoSource/SourceFile records (release, repo, commit, published URL) for the loaders;
knows nothing about parsing.
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.errors import CorpusNotFound, SourceUnreachable, UnknownRelease
from corpus import SOURCES_FILE

MD_SKIP = {"SUMMARY.md"}
API_EXT = (".yaml", ".yml", ".json")


def load_manifest() -> dict:
    return yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))


@dataclass
class RepoSource:
    release: str
    folder: str
    repo: str  # owner/name on GitHub
    bb: str | None
    kind: str  # building-block | specification | use-cases | implementation-playbook
    root: Path
    ref: str
    commit: str | None
    published: str  # base URL of the published pages
    gitbook_root: str = ""  # e.g. "spec/" from .gitbook.yaml


@dataclass
class SourceFile:
    repo: RepoSource
    path: str  # relative to the repo root, posix
    abspath: Path
    duplicates: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return page_url(self.repo, self.path)


@dataclass
class CorpusLayout:
    repos: list[RepoSource]
    framework_dir: Path | None
    skipped: list[dict] = field(default_factory=list)

    @property
    def releases(self) -> list[str]:
        return sorted({r.release for r in self.repos})


def page_url(repo: RepoSource, path: str) -> str:
    """Published page for a file: GitBook pages by their path under the gitbook root; other files on GitHub.

    >>> r = RepoSource("latest", "bb-consent", "GovStackWorkingGroup/bb-consent", "consent", "building-block",
    ...                Path("."), "main", None, "https://specs.govstack.global/consent", "spec/")
    >>> page_url(r, "spec/3-terminology.md")
    'https://specs.govstack.global/consent/3-terminology'
    >>> page_url(r, "spec/README.md")
    'https://specs.govstack.global/consent'
    """
    root = repo.gitbook_root
    if path.endswith(".md") and path.startswith(root):
        page = path[len(root):-3]
        if page == "README" or page.endswith("/README"):
            page = page[: -len("README")].rstrip("/")
        base = repo.published.rstrip("/")
        return f"{base}/{page}" if page else base
    return f"https://github.com/{repo.repo}/blob/{repo.commit or repo.ref}/{path}"


def _gitbook_root(repo_dir: Path) -> str:
    cfg = repo_dir / ".gitbook.yaml"
    if cfg.is_file():
        m = re.search(r"root:\s*\.?/?([^\s]*)", cfg.read_text(encoding="utf-8", errors="replace"))
        if m and m.group(1).strip("/"):
            return m.group(1).strip("/") + "/"
    return ""


def _git_commit(repo_dir: Path) -> str | None:
    if not (repo_dir / ".git").exists():
        return None
    try:
        out = subprocess.run(["git", "-C", str(repo_dir), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=20)
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def _published(entry: dict, manifest: dict) -> str:
    p = entry.get("published") or ""
    if p.startswith("http"):
        return p
    return f"{manifest['published_base'].rstrip('/')}/{p}".rstrip("/")


def _repo_source(release: str, entry: dict, repo_dir: Path, manifest: dict, commit: str | None, ref: str | None) -> RepoSource:
    return RepoSource(
        release=release,
        folder=entry["folder"],
        repo=f"{manifest['github_org']}/{entry['folder']}",
        bb=entry.get("bb"),
        kind=entry.get("kind", "building-block"),
        root=repo_dir,
        ref=ref or manifest["releases"].get(release, {}).get("ref", "main"),
        commit=commit or _git_commit(repo_dir),
        published=_published(entry, manifest),
        gitbook_root=_gitbook_root(repo_dir),
    )


def discover(corpus: Path, releases: list[str]) -> CorpusLayout:
    """Find the repositories of the requested releases in a local corpus folder."""
    corpus = Path(corpus).expanduser()
    if not corpus.exists():
        raise CorpusNotFound(f"Corpus folder {corpus} does not exist: pass --corpus PATH to a GovStack snapshot or use --from-github.")
    if not corpus.is_dir() or not any(corpus.iterdir()):
        raise CorpusNotFound(f"Corpus folder {corpus} is empty: pass --corpus PATH to a GovStack snapshot or use --from-github.")
    manifest = load_manifest()
    entries = {e["folder"]: e for e in manifest["repositories"]}
    snap_meta: dict[tuple[str, str], dict] = {}
    mf = corpus / "MANIFEST.json"
    if mf.is_file():
        try:
            data = json.loads(mf.read_text(encoding="utf-8"))
            for rel, items in data.get("releases", {}).items():
                for it in items:
                    snap_meta[(rel, it["folder"])] = it
        except (ValueError, KeyError, TypeError):
            pass  # a broken manifest only costs us commit ids; the folders still say what is there

    release_dirs = {d.name: d for d in corpus.iterdir() if d.is_dir() and any((d / f).is_dir() for f in entries)}
    repos: list[RepoSource] = []
    if release_dirs:  # snapshot layout: one folder per release
        for rel in releases:
            if rel not in release_dirs:
                raise UnknownRelease(f"Release {rel!r} is not in {corpus}; available: {', '.join(sorted(release_dirs))}.")
            for folder in sorted(entries):
                d = release_dirs[rel] / folder
                if d.is_dir():
                    meta = snap_meta.get((rel, folder), {})
                    repos.append(_repo_source(rel, entries[folder], d, manifest, meta.get("commit"), meta.get("ref")))
    else:  # a plain folder of repo checkouts is one release
        if len(releases) != 1:
            raise UnknownRelease(f"{corpus} is a single checkout of the repositories; ingest one --release at a time.")
        for folder in sorted(entries):
            d = corpus / folder
            if d.is_dir():
                repos.append(_repo_source(releases[0], entries[folder], d, manifest, None, None))
    if not repos:
        raise CorpusNotFound(f"No GovStack repositories (bb-*, specifications, …) found in {corpus}.")
    fw_name = manifest["framework"]["folder"]
    fw = next((p for p in [corpus / fw_name, corpus / "exchange-backend" / "data" / "json"] if p.is_dir()), None)
    return CorpusLayout(repos, fw)


def _summary_pages(repo_dir: Path) -> set[str]:
    """Pages listed in any SUMMARY.md (GitBook's table of contents), relative to the repo root."""
    pages: set[str] = set()
    for s in repo_dir.rglob("SUMMARY.md"):
        base = s.parent.relative_to(repo_dir)
        for m in re.finditer(r"\]\(([^)#\s]+\.md)", s.read_text(encoding="utf-8", errors="replace")):
            pages.add((base / m.group(1)).as_posix().lstrip("./"))
    return pages


def list_files(repo: RepoSource) -> list[SourceFile]:
    """Markdown pages and API files of one repo; byte-identical copies are kept once (the one in SUMMARY.md)."""
    files: list[Path] = []
    for p in sorted(repo.root.rglob("*")):
        if not p.is_file() or any(part.startswith(".") for part in p.relative_to(repo.root).parts):
            continue
        rel = p.relative_to(repo.root).as_posix()
        if p.suffix == ".md" and p.name not in MD_SKIP:
            # a block repo's other Markdown (test plans, examples) is not the spec; its README is kept: how to run the
            # block's tests against its mock server, how to build and deploy a reference server (see
            # ingest.documents.repo_readme for the shared template text it leaves out)
            if repo.kind == "building-block" and repo.gitbook_root and not rel.startswith(repo.gitbook_root) \
                    and rel != "README.md":
                continue
            files.append(p)
        elif repo.kind == "building-block" and rel.startswith("api/") and p.suffix.lower() in API_EXT:
            files.append(p)
    in_summary = _summary_pages(repo.root)
    by_hash: dict[str, list[Path]] = {}
    for p in files:
        h = hashlib.sha1(p.read_bytes()).hexdigest()
        by_hash.setdefault(h, []).append(p)
    out: list[SourceFile] = []
    for group in by_hash.values():
        rels = [p.relative_to(repo.root).as_posix() for p in group]
        keep = next((r for r in rels if r in in_summary), rels[-1] if len(rels) > 1 else rels[0])
        out.append(SourceFile(repo, keep, repo.root / keep, [r for r in rels if r != keep]))
    return sorted(out, key=lambda f: f.path)


def fetch_from_github(cache_dir: Path, releases: list[str], github_base: str | None = None,
                      framework_url: str | None = None) -> Path:
    """Clone or update every repository of the releases at its ref into cache_dir/<release>/<folder>.

    Returns a snapshot-shaped folder that discover() reads. github_base may be a file:// URL (tests).
    """
    manifest = load_manifest()
    base = (github_base or f"{manifest['github_base']}/{manifest['github_org']}").rstrip("/")
    cache_dir = Path(cache_dir).expanduser()
    cache_dir.mkdir(parents=True, exist_ok=True)
    failures = []
    for rel in releases:
        if rel not in manifest["releases"]:
            raise UnknownRelease(f"Release {rel!r} is not in corpus/sources.yaml; known: {', '.join(manifest['releases'])}.")
        ref = manifest["releases"][rel]["ref"]
        for e in manifest["repositories"]:
            if rel not in e.get("releases", []):
                continue
            dest = cache_dir / rel / e["folder"]
            url = f"{base}/{e['folder']}.git" if not base.startswith("file://") else f"{base}/{e['folder']}"
            err = _clone_or_update(url, ref, dest)
            if err:
                failures.append(f"{e['folder']}: {err}")
    fw = manifest["framework"]
    fw_dest = cache_dir / "exchange-backend"
    if framework_url is not False:
        default_fw = f"{github_base.rstrip('/')}/exchange-backend" if github_base else f"{manifest['github_base']}/{fw['repo']}.git"
        err = _clone_or_update(framework_url or default_fw, "main", fw_dest)
        if not err and (fw_dest / fw["path"]).is_dir():
            link = cache_dir / fw["folder"]
            if not link.exists():
                link.symlink_to(fw_dest / fw["path"], target_is_directory=True)
    ok = [d for rel in releases for d in (cache_dir / rel).glob("*") if d.is_dir()] if any((cache_dir / r).is_dir() for r in releases) else []
    if not ok:
        raise SourceUnreachable(
            "Could not fetch any GovStack repository from GitHub (" + "; ".join(failures[:3]) +
            "). Check the network, or pass --corpus PATH to a local snapshot.")
    return cache_dir


def _clone_or_update(url: str, ref: str, dest: Path) -> str | None:
    """git clone --depth 1 at ref, or fetch + checkout when already cloned; returns an error line or None."""
    try:
        if (dest / ".git").exists():
            cmds = [["git", "-C", str(dest), "fetch", "--depth", "1", "origin", ref],
                    ["git", "-C", str(dest), "checkout", "-q", "--force", "FETCH_HEAD"]]
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            cmds = [["git", "clone", "-q", "--depth", "1", "--branch", ref, url, str(dest)]]
        for c in cmds:
            r = subprocess.run(c, capture_output=True, text=True, timeout=300, env={"GIT_TERMINAL_PROMPT": "0", "PATH": "/usr/bin:/bin:/usr/local/bin"})
            if r.returncode != 0:
                return (r.stderr.strip().splitlines() or ["git failed"])[-1][:200]
    except (OSError, subprocess.SubprocessError) as e:
        return str(e)[:200]
    return None
