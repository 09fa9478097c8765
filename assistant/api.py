"""The façade every consumer calls: ingest(), Assistant.ask(), Assistant.suggest()."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

from assistant.config import Settings, default_corpus_candidates
from assistant.errors import CorpusNotFound


def resolve_corpus(settings: Settings, corpus: Path | None) -> Path:
    """--corpus, else GOVSTACK_CORPUS, else ../shared/govstack-corpus when present."""
    if corpus:
        return Path(corpus).expanduser()
    if settings.corpus:
        return Path(settings.corpus)
    for c in default_corpus_candidates():
        if (c / "MANIFEST.json").is_file():
            return c.resolve()
    raise CorpusNotFound("No corpus found: pass --corpus PATH (a GovStack snapshot), set GOVSTACK_CORPUS, or use --from-github.")


def ingest(settings: Settings, releases: list[str] | None = None, corpus: Path | None = None,
           from_github: bool = False, github_base: str | None = None,
           progress: Callable[[str, int], Any] | None = None, embedder=None) -> "IngestReport":  # noqa: F821
    """Build or update the index for the releases (default: latest). Returns the ingest report."""
    from ingest.embed import WordPieceCounter, make_embedder
    from ingest.pipeline import run_ingest
    from ingest.sources import discover, fetch_from_github
    from ingest.store import IndexStore

    releases = releases or [settings.release]
    if from_github:
        root = fetch_from_github(settings.cache_dir, releases, github_base=github_base)
    else:
        root = resolve_corpus(settings, corpus)
    layout = discover(root, releases)
    store = IndexStore(settings.index_dir, settings.chroma_url, create=True)
    emb = embedder or make_embedder(settings.embedding_model, settings.embedding_backend, settings.cache_dir, lazy=True)
    count = None
    if not emb.name.startswith("hash"):
        try:
            count = WordPieceCounter(settings.embedding_model)  # fast tokenizer-only counting for splitting
        except Exception:
            count = None
    return run_ingest(layout, store, emb, releases, progress=progress, count_tokens=count)


def __getattr__(name):
    if name == "Assistant":
        from assistant.service import Assistant

        return Assistant
    raise AttributeError(name)
