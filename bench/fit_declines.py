"""Fit the learned fallback of the negation reader (corpus/decline_model.json): whether a clause with a negation word
rules out each block it names, where no frame of CueLexicon.declines_both (and no loose reading) says anything.

    python bench/fit_declines.py --index /tmp/idx                 # writer-grouped cross-validation
    python bench/fit_declines.py --index /tmp/idx --write         # + refit on everything and write the model
    python bench/fit_declines.py --index /tmp/idx --skip I,P,BJ   # without some writers (id prefixes)

The reader decides per (clause, block): the features are the clause's embedding, the embedding of the words around
the block's cue, and each word of the clause by its side of the cue and its distance (S.decline_features), in a
logistic regression (scikit-learn, C 1.0, threshold 0.9). Measured in session 64, leaving one writer out, in the
clauses no frame reads (where the reader is used): 30 of the 82 dev declines read, 3 of 57 trap blocks and none of 21
description clauses wrongly; the earlier model over the clause's embedding alone read 19, with 4 and 0 wrong.
Earlier models: session 62 fitted the clause-only model on the 665 dev items of then; session 63's refits on 785
items were not kept (a dev trap, T-16, read as a decline).

Examples: each clause with a negation word of evals/gold/usecases_declined.jsonl, paired with each block it cues
(a strong cue, or any cue of a block a service has only when it says so); positive when the item rules that block
out. Negatives also from the dev and product descriptions: a clause with a negation word cueing a block the service
is labelled with ("citizens who do not pay on time get a reminder"). Cross-validation leaves one writer (id prefix)
out at a time, the descriptions' clauses as one group, and prints, per threshold, the dev declines read and the
clauses read wrongly, in the clauses no frame reads. The shipped model is fitted on every dev item (785).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from _common import open_assistant  # noqa: E402

import bench_suggest as B  # noqa: E402
from assistant import suggest as S  # noqa: E402
from evals.gold import load_jsonl as load  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evals" / "gold"
THRESHOLDS = (0.7, 0.8, 0.85, 0.9, 0.95)
THRESHOLD = 0.9
C = 1.0


def examples(lex: S.CueLexicon, corpus: Path, skip: frozenset[str] = frozenset()) -> list[tuple[str, str, str, int]]:
    """(group, clause, block, label) for every clause with a negation word and every block it cues (not from the
    writers in `skip`, by id prefix)."""
    out = []
    for it in load(GOLD / "usecases_declined.jsonl"):
        if it["id"].split("-")[0] in skip:
            continue
        for n in S.split_needs(it["negation"]) or [it["negation"]]:
            for b in S.declinable_cues(lex, n):
                out.append((it["id"].split("-")[0], n, b, int(b in it["declined"])))
    files = [Path(f) for f in glob.glob(str(GOLD / "usecases_*.jsonl"))
             if not any(k in f for k in ("test", "declined", "probe", "short"))]
    descriptions = [d for f in files for d in load(f)] + B.product_gold(corpus)
    for d in descriptions:
        for n in S.split_needs(d.get("description") or ""):
            for b in S.declinable_cues(lex, n):
                if b in d.get("expected", []):
                    out.append(("descriptions", n, b, 0))
    return out


def design(a, lex: S.CueLexicon, ex: list[tuple[str, str, str, int]], vocab: dict[str, int] | None = None):
    """The features of each (clause, block) pair as the reader computes them: the words around the cue by side and
    distance (S.decline_features; columns from `vocab`, built here when None), then the clause's embedding, then the
    embedding of the words around the cue. Returns (X as a sparse matrix, vocab, embedding dimension)."""
    from scipy.sparse import csr_matrix, hstack

    wins, feats = zip(*[S.decline_features(lex, e[1], e[2]) for e in ex])
    if vocab is None:
        vocab = {k: j for j, k in enumerate(sorted({k for f in feats for k in f}))}
    rows, cols, vals = [], [], []
    for r, f in enumerate(feats):
        for k, v in f.items():
            if k in vocab:
                rows.append(r), cols.append(vocab[k]), vals.append(v)
    sparse = csr_matrix((vals, (rows, cols)), shape=(len(ex), len(vocab)))
    texts = sorted({e[1] for e in ex} | set(wins))
    vec = dict(zip(texts, np.asarray(a.embedder.embed(texts), dtype=np.float64)))
    clause = np.stack([vec[e[1]] for e in ex])
    window = np.stack([vec[w] for w in wins])
    return hstack([sparse, csr_matrix(clause), csr_matrix(window)]).tocsr(), vocab, clause.shape[1]


def fit(X, y: np.ndarray, c: float):
    """Logistic regression with an L2 penalty (scikit-learn, a dependency of sentence-transformers)."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000).fit(X, y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "govstack-corpus"))
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    ap.add_argument("--c", type=float, default=C, help="inverse L2 penalty (scikit-learn's C)")
    ap.add_argument("--skip", default="", help="writers (id prefixes, comma-separated) whose items are left out")
    args = ap.parse_args()
    a = open_assistant(args.index)
    lex = S.CueLexicon.load()
    ex = examples(lex, Path(args.corpus), frozenset(w for w in args.skip.split(",") if w))
    X, vocab, dim = design(a, lex, ex)
    y = np.array([e[3] for e in ex], dtype=np.float64)
    groups = np.array([e[0] for e in ex])
    # the reader's own domain: clauses no frame and no loose reading reads, and not about some people only
    domain = np.array([not lex.declines_both(e[1])[0] and not S._LOOSE_RESTRICTED.search(e[1]) for e in ex])
    print(f"{len(ex)} (clause, block) pairs: {int(y.sum())} ruled out, {int((groups == 'descriptions').sum())} from "
          f"the dev and product descriptions (none ruled out); {int(domain.sum())} in clauses no frame reads "
          f"({int(y[domain].sum())} ruled out); {len(vocab)} word features")
    pred = np.zeros(len(ex))
    for g in sorted(set(groups)):
        held = groups == g
        pred[held] = fit(X[~held], y[~held], args.c).predict_proba(X[held])[:, 1]
    print("leave one writer out (C %.2f); in clauses no frame reads, which is where the reader is used:" % args.c)
    print("threshold  dev declines read  wrongly read (declined sets)  wrongly read (descriptions)")
    for th in THRESHOLDS:
        s = (pred >= th) & domain
        neg = domain & (y == 0)
        print(f"  {th:.2f}      {int((s & (y == 1)).sum())}/{int((domain & (y == 1)).sum())}"
              f"                {int((s & neg & (groups != 'descriptions')).sum())}/"
              f"{int((neg & (groups != 'descriptions')).sum())}"
              f"                          {int((s & (groups == 'descriptions')).sum())}/"
              f"{int((domain & (groups == 'descriptions')).sum())}")
    if args.write:
        m = fit(X, y, args.c)
        coef = m.coef_[0]
        nv = len(vocab)
        model = {"threshold": args.threshold, "bias": round(float(m.intercept_[0]), 6),
                 "weights": [round(float(v), 6) for v in coef[nv:nv + dim]],
                 "window_weights": [round(float(v), 6) for v in coef[nv + dim:]],
                 "features": {k: round(float(coef[j]), 5) for k, j in sorted(vocab.items())
                              if abs(coef[j]) >= 1e-4},
                 "c": args.c, "examples": len(ex), "embedding_dim": dim}
        S.DECLINE_MODEL_FILE.write_text(json.dumps(model) + "\n", encoding="utf-8")
        print(f"wrote {S.DECLINE_MODEL_FILE} ({len(model['features'])} word features)")


if __name__ == "__main__":
    main()
