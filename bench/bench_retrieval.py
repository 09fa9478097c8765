"""Retrieval ablation on the gold questions: dense only, BM25 only, fused (RRF), fused + query-analysis boosts.

    python bench/bench_retrieval.py --index data/index

Prints hit@1, hit@5, MRR@10 per configuration (single-turn answerable questions; multi-turn items
use their resolved standalone question), so every retrieval choice is backed by a number.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _common import index_option, open_assistant  # noqa: E402


# the gold sets written while building (qa) and by independent writers and already looked at (dev2-dev5); the
# blind set (qa_test) is left to the eval suite, so that no retrieval choice is made on it
GOLD_SETS = ("qa.jsonl", "qa_dev2.jsonl", "qa_dev3.jsonl", "qa_dev4.jsonl",
             "qa_dev5.jsonl")


def run(asst, configs: dict, gold: str) -> list:
    """hit@1, hit@5 and MRR@10 of each configuration on one gold set; returns its queries."""
    from assistant import retrieve
    from assistant.query import analyze

    mention_boost, between_boost, loose_boost = retrieve.MENTION_BOOST, retrieve.BETWEEN_BBS_BOOST, retrieve.LOOSE_BOOST
    items = [json.loads(l) for l in (ROOT / "evals/gold" / gold).read_text().splitlines() if l.strip()]
    items = [i for i in items if i["answerable"] and i["expected_sources"]]
    queries = []
    for it in items:
        hist = []
        for t in (it.get("turns") or [it["question"]])[:-1]:
            hist += [{"role": "user", "content": t}, {"role": "assistant", "content": ""}]
        queries.append((analyze((it.get("turns") or [it["question"]])[-1], hist),
                        {(s["folder"], s["path"]) for s in it["expected_sources"]}))
    print(f"\n{gold}")
    print(f"{'configuration':32s} {'hit@1':>6s} {'hit@5':>6s} {'MRR@10':>7s}   (n={len(queries)})")
    for name, searcher in configs.items():
        retrieve.DROP_BB_NAME = "name kept" not in name  # the named block's name left out of BM25 (the default)
        retrieve.MENTION_BOOST = 1.0 if "no mention boost" in name else mention_boost
        retrieve.BETWEEN_BBS_BOOST = 1.0 if "no between-blocks boost" in name else between_boost
        retrieve.LOOSE_BOOST = 1.0 if "no subject boost" in name else loose_boost
        h1 = h5 = mrr = 0.0
        for qa, exp in queries:
            hits = searcher.search(qa, "latest", k=10)
            ranks = [r for r, h in enumerate(hits) if (h.chunk.folder, h.chunk.path) in exp]
            if ranks:
                h1 += ranks[0] == 0
                h5 += ranks[0] < 5
                mrr += 1.0 / (ranks[0] + 1)
        n = len(queries)
        print(f"{name:32s} {h1 / n:6.3f} {h5 / n:6.3f} {mrr / n:7.3f}")
    retrieve.DROP_BB_NAME = True
    retrieve.MENTION_BOOST = mention_boost
    retrieve.BETWEEN_BBS_BOOST = between_boost
    retrieve.LOOSE_BOOST = loose_boost
    return queries


def main() -> None:
    ap = argparse.ArgumentParser()
    index_option(ap)
    asst = open_assistant(ap.parse_args().index)
    from assistant.retrieve import CorpusIndex, HybridSearch

    unstemmed = HybridSearch(CorpusIndex(asst.index.store, stem=False), asst.embedder, 1.0, 1.0, boosts=True)
    no_pairs = HybridSearch(CorpusIndex(asst.index.store, bigram_weight=0.0), asst.embedder, 1.0, 1.0, boosts=True)
    configs = {
        "dense only": HybridSearch(asst.index, asst.embedder, 1.0, 0.0, boosts=False),
        "BM25 only": HybridSearch(asst.index, asst.embedder, 0.0, 1.0, boosts=False),
        "dense + BM25 (RRF)": HybridSearch(asst.index, asst.embedder, 1.0, 1.0, boosts=False),
        "boosts, BB name kept in BM25": HybridSearch(asst.index, asst.embedder, 1.0, 1.0, boosts=True),
        "boosts, BM25 on plain words": unstemmed,
        "boosts, BM25 without word pairs": no_pairs,
        "boosts, no mention boost": HybridSearch(asst.index, asst.embedder, 1.0, 1.0, boosts=True),
        "boosts, no between-blocks boost": HybridSearch(asst.index, asst.embedder, 1.0, 1.0, boosts=True),
        "boosts, no subject boost": HybridSearch(asst.index, asst.embedder, 1.0, 1.0, boosts=True),
        "RRF + query-analysis boosts": HybridSearch(asst.index, asst.embedder, 1.0, 1.0, boosts=True),
    }
    queries = [run(asst, configs, gold) for gold in GOLD_SETS][0]
    print()
    # Chroma's HNSW search against exact search over the same stored vectors
    import numpy as np

    got = asst.index.store.chunks.get(include=["embeddings"], where={"release": "latest"})
    ids, mat = got["ids"], np.asarray(got["embeddings"], dtype=np.float32)
    rec10, top1, t_ann, t_exact = [], [], [], []
    for qa, _ in queries:
        qv = [float(x) for x in asst.embedder.embed([qa.standalone])[0]]
        t = time.perf_counter()
        ann = [i for i, _ in asst.index.store.query(qv, 60, {"release": "latest"})]
        t_ann.append(time.perf_counter() - t)
        t = time.perf_counter()
        exact = [ids[j] for j in np.argsort(-(mat @ np.asarray(qv, dtype=np.float32)))[:60]]
        t_exact.append(time.perf_counter() - t)
        rec10.append(len(set(exact[:10]) & set(ann[:10])) / 10)
        top1.append(exact[0] in ann[:5])
    print(f"\ndense search, Chroma HNSW vs exact over the same vectors: recall@10 {np.mean(rec10):.3f}, exact top "
          f"passage in Chroma's top 5 {np.mean(top1):.3f}; per query p50 {np.median(t_ann) * 1000:.1f} ms vs "
          f"{np.median(t_exact) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
