"""The ingest pipeline: the one module that knows the stage order (discover → load → embed → store), incremental by content hash."""
from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from assistant.types import Chunk, source_key
from ingest.documents import PIPELINE_VERSION, LoadContext, SkipFile, framework_chunks, load_chunks
from ingest.embed import Embedder
from ingest.sources import CorpusLayout, SourceFile, list_files
from ingest.store import IndexStore, now_iso

EMBED_BATCH = 512  # chunks embedded and written together (larger: better length bucketing); a kill loses ≤ 1 batch


@dataclass
class IngestReport:
    releases: list[str]
    seconds: float = 0.0
    files_read: int = 0
    skipped: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    total: int = 0
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    embedded: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)
    token_stats: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "releases": self.releases,
            "seconds": round(self.seconds, 2),
            "files": {"read": self.files_read, "skipped": self.skipped, "warnings": self.warnings},
            "chunks": {"total": self.total, "added": self.added, "updated": self.updated,
                       "deleted": self.deleted, "unchanged": self.unchanged, "embedded": self.embedded},
            "kinds": dict(sorted(self.kinds.items())),
            "records": self.records,
            "tokens": self.token_stats,
        }


@dataclass
class _Pending:
    key: str
    release: str
    file_hash: str
    chunks: list[Chunk]
    old_ids: list[str]
    old_sections: dict[str, str]


def _file_hash(data: bytes, extra: str, embedder_name: str) -> str:
    h = hashlib.sha1(data)
    h.update(f"|{PIPELINE_VERSION}|{embedder_name}|{extra}".encode())
    return h.hexdigest()


def _repo_api_fingerprint(sf: SourceFile) -> str:
    """Service-API pages embed operations from the repo's api/ files, so their hash must cover them."""
    api = sf.repo.root / "api"
    if not sf.path.endswith(".md") or not api.is_dir():
        return ""
    h = hashlib.sha1()
    for p in sorted(api.rglob("*")):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def run_ingest(layout: CorpusLayout, store: IndexStore, embedder: Embedder, releases: list[str],
               progress: Callable[[str, int], Any] | None = None, count_tokens: Callable[[str], int] | None = None,
               max_tokens: int = 240) -> IngestReport:
    """Bring the index in line with the corpus for the given releases; embeds only what changed."""
    t0 = time.perf_counter()
    report = IngestReport(releases=list(releases))
    active = store
    built_with = store.meta().get("embedding_model")
    if built_with and built_with != embedder.name and store.count():
        # chunk ids do not depend on the model, so the old vectors would silently stay
        from assistant.errors import AssistantError

        raise AssistantError(f"The index was built with the embedding model {built_with!r}, not {embedder.name!r}; "
                             "ingest into a new --index folder (or delete this one) to change models.")
    # Writes go to a staging generation, made on the first change (or resumed from a killed run);
    # readers keep using the active one until the switch at the end.
    writer_box: list[IndexStore] = [store.begin_build()] if store.staging_generation() else []

    def writer() -> IndexStore:
        if not writer_box:
            writer_box.append(active.begin_build())
        return writer_box[0]
    ctx = LoadContext(count_tokens=count_tokens or embedder.count_tokens, max_tokens=max_tokens)
    api_fp_cache: dict[str, str] = {}
    token_counts: list[int] = []

    for release in releases:
        states = (writer_box[0] if writer_box else active).source_states(release)
        seen: set[str] = set()
        pending: list[_Pending] = []
        repos = [r for r in layout.repos if r.release == release]
        files = [f for r in repos for f in list_files(r)]
        bar = progress(f"{release}: reading", len(files)) if progress else None

        def handle(key: str, file_hash: str, make: Callable[[], list[Chunk]], display: str):
            seen.add(key)
            old = states.get(key)
            if old and old["hash"] == file_hash:
                report.unchanged += len(old["chunk_ids"])
                return
            try:
                chunks = make()
            except Exception as e:  # SkipFile, or a loader bug on one file: it must not stop the ingest
                reason = str(e) if isinstance(e, SkipFile) else f"{type(e).__name__}: {str(e)[:160]}"
                if old:  # keep the last good version searchable rather than lose it
                    reason += " (previous version kept)"
                    report.unchanged += len(old["chunk_ids"])
                report.skipped.append({"path": display, "reason": reason})
                if old or not isinstance(e, SkipFile):
                    return  # no state written: the next ingest tries this file again
                chunks = []
            uniq: dict[str, Chunk] = {}
            for c in chunks:
                uniq.setdefault(c.id, c)
            pending.append(_Pending(key, release, file_hash, list(uniq.values()), old["chunk_ids"] if old else [], {}))

        for sf in files:
            report.files_read += 1
            key = source_key(release, sf.repo.folder, sf.path)
            try:
                data = sf.abspath.read_bytes()
            except OSError as e:
                report.skipped.append({"path": f"{sf.repo.folder}/{sf.path}", "reason": f"unreadable: {e.strerror}"})
                continue
            fp = api_fp_cache.setdefault(str(sf.repo.root), _repo_api_fingerprint(sf)) if sf.path.endswith(".md") else ""
            fh = _file_hash(data, fp, embedder.name)

            def make(sf=sf):
                chunks, warns = load_chunks(sf, ctx)
                for w in warns:
                    report.warnings.append({"path": f"{sf.repo.folder}/{sf.path}", "warning": w})
                return chunks

            handle(key, fh, make, f"{release}/{sf.repo.folder}/{sf.path}")
            if bar:
                bar.update(1)
            if sum(len(p.chunks) for p in pending) >= EMBED_BATCH:
                _commit(pending, writer(), embedder, report, token_counts, ctx)
                pending = []
        if bar:
            bar.close()

        if layout.framework_dir is not None:
            fw_dir = layout.framework_dir
            fw_files = sorted(p for p in fw_dir.glob("*.json"))
            fw_hash = hashlib.sha1(b"".join(p.read_bytes() for p in fw_files)).hexdigest()
            fw_keys = {f.name: source_key(release, fw_dir.name, f.name) for f in fw_files}
            report.files_read += len(fw_files)
            fh = _file_hash(fw_hash.encode(), "", embedder.name)
            loaded: dict = {}

            def fw_chunks(name: str) -> list[Chunk]:
                # the four files are parsed together, once, and only if one of them changed
                if "by_file" not in loaded:
                    try:
                        loaded["by_file"], skipped = framework_chunks(fw_dir, release, ctx)
                        report.skipped.extend(skipped)
                    except Exception as e:
                        loaded["by_file"], loaded["error"] = {}, e
                if "error" in loaded:
                    raise loaded["error"]
                return list(loaded["by_file"].get(name, []))

            for name, key in fw_keys.items():
                handle(key, fh, lambda name=name: fw_chunks(name), f"{fw_dir.name}/{name}")

        if pending:
            _commit(pending, writer(), embedder, report, token_counts, ctx)
        # files gone from the corpus: their chunks go, then their state
        gone = [k for k in states if k not in seen]
        if gone:
            w = writer()
            for k in gone:
                w.delete(states[k]["chunk_ids"])
                report.deleted += len(states[k]["chunk_ids"])
            w.delete_source_state(gone)

    if writer_box:
        active.commit_build(writer_box[0])  # the switch: readers now see the new generation
    st = active.stats()
    for rel in releases:
        for kind, n in st["by_release"].get(rel, {}).items():
            report.kinds[kind] = report.kinds.get(kind, 0) + n
    report.total = sum(report.kinds.values())
    for rel in releases:
        for k, v in st.get("records", {}).get(rel, {}).items():
            report.records[k] = report.records.get(k, 0) + v
    if token_counts:
        s = sorted(token_counts)
        report.token_stats = {"embedded_chunks": len(s), "median": s[len(s) // 2], "p95": s[int(len(s) * 0.95)],
                              "max": s[-1], "over_256": sum(1 for x in s if x > 254)}
    report.seconds = time.perf_counter() - t0
    meta = active.meta()
    meta.update({"last_ingest": now_iso(), "embedding_model": embedder.name, "pipeline_version": PIPELINE_VERSION,
                 "releases": sorted(set(meta.get("releases", [])) | set(releases)), "last_report": {
                     k: v for k, v in report.to_dict().items() if k != "files"}})
    meta["generation"] = active.generation
    active.set_meta(meta)
    return report


def _commit(pending: list[_Pending], store: IndexStore, embedder: Embedder, report: IngestReport,
            token_counts: list[int], ctx: LoadContext) -> None:
    """Embed new chunks, write them, drop stale ones, then record each file as done (in that order,
    so a killed ingest leaves the old or the new version of a file searchable, never neither)."""
    if not pending:
        return
    all_new = [c for p in pending for c in p.chunks]
    present = store.existing_ids([c.id for c in all_new])
    to_embed = [c for c in all_new if c.id not in present]
    kept = [c for c in all_new if c.id in present]
    if kept:
        store.update_metadata(kept)  # same text, maybe a new commit or URL
    if to_embed:
        vecs = embedder.embed([c.embed_text for c in to_embed])
        store.upsert(to_embed, vecs)
        report.embedded += len(to_embed)
        token_counts.extend(ctx.count_tokens(c.embed_text) for c in to_embed)
    for p in pending:
        new_ids = {c.id for c in p.chunks}
        old_ids = set(p.old_ids)
        stale = old_ids - new_ids
        fresh = new_ids - old_ids
        # a fresh chunk whose section existed before is an update of that section, not an addition
        n_upd = min(len(stale), len(fresh)) if old_ids else 0
        report.updated += n_upd
        report.added += len(fresh) - n_upd
        report.deleted += len(stale) - n_upd
        report.unchanged += len(new_ids & old_ids)
        store.delete(stale)
        store.set_source_state(p.key, p.release, p.file_hash, sorted(new_ids))
