"""Need → building blocks: the per-need model (assistant.suggest.NEED_MODEL), its fit and its figures.

    python bench/bench_needs.py --index /tmp/idx                 # leave-one-writer-out figures + the shipped model
    python bench/bench_needs.py --index /tmp/idx --grid          # + the penalties tried
    python bench/bench_needs.py --index /tmp/idx --write         # refit on every dev file, write NEED_MODEL

The gold: hand-labelled step clauses ("have district officers approve it" → Workflow; Registration acceptable;
"officers visit the farm" → no block), one file per writer, none of whom saw the code (evals/gold.py):
needs_dev (100), needs_dev2 (149, ten per block), needs_dev3 (99), needs_dev4 (103, the steps of twenty service
paragraphs in the paragraph's own words) fit the model; needs_test (100) and needs_test2 (107, a sixth writer with the
fifth's brief, 2026-12-05) are never fitted on nor read item by item.

Each clause is read as a description (Suggester.analyze) with its own step example left out (the dev files' one-block
clauses are the cue lexicon's `examples`); its features are the max over its needs of NEED_FEATURES. Label 1 for an
expected block, 0 for a block neither expected nor acceptable; an acceptable block is not judged (weight 0).

Figures, at NEED_MIN_EVIDENCE (what the per-step table shows):
- strongest block acceptable: among clauses that need a block, the highest-evidence block is expected or acceptable;
- expected blocks named: share of expected blocks with evidence ≥ the threshold;
- named blocks acceptable: share of named blocks that are expected or acceptable;
- no-block clauses naming none.
Leave-one-writer-out: each dev file scored by a model fitted on the other three, its clauses out of the step examples
for that fold — the honest estimate for a new writer. The shipped model (fitted on all four) is scored on every file;
only the needs_test and needs_test2 rows are held out.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, index_option, open_assistant  # noqa: E402

import assistant.suggest as S  # noqa: E402
from assistant import registry  # noqa: E402
from evals import gold as G  # noqa: E402
from evals import metrics as M  # noqa: E402

DEV_FILES = ("needs_dev", "needs_dev2", "needs_dev3", "needs_dev4")
TEST_FILES = ("needs_test", "needs_test2")  # held out: never fitted on, never read item by item
L2_W, L2_B = 0.003, 0.01  # penalties of the shipped fit (--grid shows the others tried)


def clause_rows(sug, items: list[dict], leave_out_examples: bool = True, ignore_examples: frozenset[str] = frozenset()):
    """Per clause its needs' NEED_FEATURES (n_needs, n_bbs, n_features), for scoring as the product reads it; and for
    the fit X (n_items, n_bbs, n_features): the max over the clause's needs; Y expected (0/1); W 0 where a block
    is only acceptable."""
    ids = registry.bb_ids()
    per_need, Y, W = [], [], []
    for it in items:
        an = sug.analyze(it["text"], leave_out_examples=leave_out_examples, ignore_examples=ignore_examples)
        per_need.append(np.stack([an.need_feats[f] for f in S.NEED_FEATURES], axis=2).astype(np.float64))
        exp, acc = set(it["expected"]), set(it.get("acceptable") or [])
        Y.append([float(b in exp) for b in ids])
        W.append([0.0 if b in acc and b not in exp else 1.0 for b in ids])
    X = np.asarray([f.max(axis=0) for f in per_need], np.float64)
    return per_need, X, np.asarray(Y, np.float64), np.asarray(W, np.float64)


def predict(per_need: list[np.ndarray], model: dict) -> list[np.ndarray]:
    """Per clause the (n_bbs,) evidence `model` gives it: each need's probabilities, max over its needs (as the
    per-step table and Suggester.analyze read a clause)."""
    return [S.need_evidence({f: x[:, :, k] for k, f in enumerate(S.NEED_FEATURES)}, model).max(axis=0)
            for x in per_need]


def score_clauses(items: list[dict], evidence) -> tuple[dict[str, float], list[str]]:
    """The four figures (evals.metrics.need_clause_scores) at NEED_MIN_EVIDENCE, and the clauses got wrong."""
    return M.need_clause_scores(items, evidence, registry.bb_ids(), S.NEED_MIN_EVIDENCE)


def fmt(m: dict[str, float]) -> str:
    return " ".join(f"{m[k]:9.3f}" if m[k] == m[k] else f"{'–':>9s}" for k in ("top1", "recall", "precision", "none"))


def fit_need_model(X, Y, W, l2_w: float = L2_W, l2_b: float = L2_B) -> dict:
    from bench_suggest import fit

    m = fit(X, Y, S.NEED_FEATURES, l2_w, l2_b, sample_w=W)
    m.pop("threshold", None)
    m.pop("thresholds", None)
    return m


def leave_one_writer_out(sug, files: dict[str, list[dict]], grid: list[tuple[float, float]]
                         ) -> dict[tuple[float, float], dict[str, dict[str, float]]]:
    """Each writer scored by a model fitted on the others, with that writer's clauses out of the step examples
    too (for the fit's rows and the scored ones): per penalty pair, per file, the four figures."""
    out: dict[tuple[float, float], dict[str, dict[str, float]]] = {g: {} for g in grid}
    for name, items in files.items():
        held = frozenset(it["text"].strip().lower() for it in items)
        rows = {o: clause_rows(sug, its, ignore_examples=held) for o, its in files.items()}
        per_need = rows[name][0]
        rest = [rows[o] for o in files if o != name]
        for l2_w, l2_b in grid:
            model = fit_need_model(*(np.concatenate([r[k] for r in rest]) for k in (1, 2, 3)), l2_w, l2_b)
            out[(l2_w, l2_b)][name] = score_clauses(items, predict(per_need, model))[0]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    index_option(ap)
    ap.add_argument("--gold-dir", default=str(ROOT / "evals" / "gold"))
    ap.add_argument("--grid", action="store_true", help="also show leave-one-writer-out for other penalties")
    ap.add_argument("--write", action="store_true", help="refit on every dev file and write NEED_MODEL")
    ap.add_argument("--errors", action="store_true", help="print the shipped model's wrong clauses on the dev files")
    args = ap.parse_args(argv)
    gd = Path(args.gold_dir)
    sug = S.Suggester(open_assistant(args.index))
    t = time.perf_counter()
    files = {n: G.load_jsonl(gd / f"{n}.jsonl") for n in DEV_FILES if (gd / f"{n}.jsonl").exists()}
    head = f"{'':34s}      top1 exp.named  named.ok      none"
    grid = [(L2_W, L2_B)] + ([(w, b) for w in (0.0003, 0.001, 0.003, 0.01, 0.03) for b in (0.01, 0.1, 1.0)
                              if (w, b) != (L2_W, L2_B)] if args.grid else [])
    lowo = leave_one_writer_out(sug, files, grid)
    print(f"{sum(map(len, files.values()))} dev clauses from {len(files)} writers, read {len(files) + 1} times in "
          f"{time.perf_counter() - t:.1f} s; a block is named at evidence ≥ {S.NEED_MIN_EVIDENCE}")
    print("\n== leave one writer out (fitted on the other dev files, their clauses alone the step examples) ==\n" + head)
    for l2_w, l2_b in grid:
        res = lowo[(l2_w, l2_b)]
        mean = {k: float(np.nanmean([r[k] for r in res.values()])) for k in next(iter(res.values()))}
        tag = " ← shipped" if (l2_w, l2_b) == (L2_W, L2_B) else ""
        if (l2_w, l2_b) == (L2_W, L2_B):
            for name, m in res.items():
                print(f"{name:34s}  {fmt(m)}")
        print(f"{f'mean (l2 {l2_w:g} / {l2_b:g})':34s}  {fmt(mean)}{tag}")
    data = {n: (items, *clause_rows(sug, items)) for n, items in files.items()}
    model = S.NEED_MODEL
    if args.write:
        model = fit_need_model(*(np.concatenate([d[k] for d in data.values()]) for k in (2, 3, 4)))
        from bench_suggest import write_model

        write_model(model, "NEED_MODEL", "NEED MODEL")
        print("\nNEED_MODEL written to assistant/suggest.py")
    print("\n== the shipped model (fitted on every dev file; the needs_test files never) ==\n" + head)
    for name, (items, per_need, *_) in data.items():
        m, errs = score_clauses(items, predict(per_need, model))
        print(f"{name + ' (fitted)':34s}  {fmt(m)}")
        if args.errors:
            print("\n".join(errs))
    for name in TEST_FILES:
        if (gd / f"{name}.jsonl").exists():
            items = G.load_jsonl(gd / f"{name}.jsonl")
            per_need = clause_rows(sug, items, leave_out_examples=False)[0]
            print(f"{name + ' (held out)':34s}  {fmt(score_clauses(items, predict(per_need, model))[0])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
