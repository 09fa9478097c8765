"""Fit the learned half of the reading-path detector (corpus/reading_path_model.json): whether a chat question asks
how to approach the GovStack material itself (where to start reading, in what order, a study plan), read from its
sentence embedding where the patterns of assistant/reading_path.py say nothing.

    python bench/fit_reading_path.py --index /tmp/idx              # leave-one-writer-out cross-validation
    python bench/fit_reading_path.py --index /tmp/idx --write      # + refit on everything: the shipped model

Examples: evals/gold/reading_path.jsonl (three writers who saw no code, ids RA-/RB-/RC-: 130 such questions and 130
that share their words but ask about the spec's content: "Where does the signing process start?", "In which sequence
are the payment APIs called?"), and every dev QA question (evals/gold/qa.jsonl, qa_dev*.jsonl: none asks for a reading
path) as negatives. Logistic regression with an L2 penalty (Newton, bench/fit_declines.fit), the embedding as the
features. Cross-validation leaves one writer out at a time (the QA questions split in halves by file, one half held
out with each writer) and prints, per threshold, the writer's questions read as reading-path questions (the patterns
alone, the model alone, either) and the other questions read wrongly.

First runs, each writer measured before it was read (session 65): the patterns written on RA read 17 of RB's 40 and
12 of RC's 40, no wrong reads; the model fitted on RA + RB (L2 0.1, threshold 0.5) read 27 of RC's 40, either 31,
no wrong read of RC's 40 near-misses. The shipped model is fitted on all three writers at threshold 0.7, where the
cross-validation reads no near-miss and no QA question wrongly (at 0.5 and 0.6: one of RA's near-misses, and at 0.5
one QA question).
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from _common import index_option, open_assistant  # noqa: E402
from fit_declines import fit  # noqa: E402

from assistant import reading_path as RP  # noqa: E402
from evals.gold import load_jsonl as load  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evals" / "gold"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
L2 = 0.1
THRESHOLD = 0.7


def qa_questions() -> list[tuple[str, str]]:
    """(file, question) of every dev QA item (a multi-turn item's last turn); the held-out qa_test* are not read."""
    out = []
    for f in sorted(GOLD.glob("qa*.jsonl")):
        if "test" in f.name:
            continue
        out += [(f.name, (it.get("turns") or [it["question"]])[-1]) for it in load(f)]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    index_option(ap)
    ap.add_argument("--write", action="store_true", help="refit on everything and write corpus/reading_path_model.json")
    args = ap.parse_args(argv)
    asst = open_assistant(args.index)

    def embed(texts: list[str]) -> np.ndarray:
        return np.asarray(asst.embedder.embed(texts), dtype=np.float64)

    items = load(GOLD / "reading_path.jsonl")
    writers = sorted({it["id"].split("-")[0] for it in items})
    X = embed([it["question"] for it in items])
    y = np.asarray([1.0 if it["reading_path"] else 0.0 for it in items])
    by = np.asarray([it["id"].split("-")[0] for it in items])
    pattern = np.asarray([RP.asks_reading_path(it["question"]) for it in items])
    qa = qa_questions()
    Q = embed([q for _, q in qa])
    files = sorted({f for f, _ in qa})
    half = np.asarray([files.index(f) % 2 for f, _ in qa])
    qa_pattern = int(sum(RP.asks_reading_path(q) for _, q in qa))
    print(f"{len(items)} examples ({int(y.sum())} reading-path questions), writers {', '.join(writers)}; "
          f"{len(qa)} dev QA questions as negatives (the patterns read {qa_pattern} of them)")

    def prob(w: np.ndarray, Z: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(Z @ w[:-1] + w[-1])))

    print(f"\nleave one writer out (L2 {L2}): writer's questions read / its near-misses read / held-out QA questions read")
    for k, out in enumerate(writers):
        tr, te = by != out, by == out
        qtr = half != k % 2
        w = fit(np.vstack([X[tr], Q[qtr]]), np.concatenate([y[tr], np.zeros(int(qtr.sum()))]), l2=L2)
        p, pq = prob(w, X[te]), prob(w, Q[~qtr])
        pos, neg = te & (y == 1), te & (y == 0)
        print(f"  {out}: patterns {int(pattern[pos].sum())}/{int(pos.sum())}, wrong {int(pattern[neg].sum())}/{int(neg.sum())}")
        for t in THRESHOLDS:
            m = p >= t
            yt = y[te] == 1
            either = m | pattern[te]
            print(f"    t {t:.1f}: model {int(m[yt].sum())}/{int(yt.sum())} wrong {int(m[~yt].sum())}/{int((~yt).sum())} · "
                  f"either {int(either[yt].sum())}/{int(yt.sum())} wrong {int(either[~yt].sum())} · "
                  f"QA wrong {int((pq >= t).sum())}/{len(pq)}")
    if args.write:
        w = fit(np.vstack([X, Q]), np.concatenate([y, np.zeros(len(Q))]), l2=L2)
        RP.MODEL_FILE.write_text(json.dumps({
            "threshold": THRESHOLD, "bias": round(float(w[-1]), 6), "weights": [round(float(v), 6) for v in w[:-1]],
            "examples": int(len(y) + len(Q)), "embedding_dim": int(X.shape[1])}) + "\n", encoding="utf-8")
        p = prob(w, np.vstack([X, Q]))
        print(f"\nwrote {RP.MODEL_FILE.relative_to(ROOT)}: on its own examples, {int((p[:len(y)][y == 1] >= THRESHOLD).sum())}"
              f"/{int(y.sum())} read, wrong {int((p[:len(y)][y == 0] >= THRESHOLD).sum())} + "
              f"{int((p[len(y):] >= THRESHOLD).sum())} QA")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
