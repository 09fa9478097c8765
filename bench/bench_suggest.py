"""Benchmark of building-block suggestion: accuracy on two gold sets, latency, ablations, and the model fit.

    python bench/bench_suggest.py --index /tmp/idx --corpus ../shared/govstack-corpus          # report
    python bench/bench_suggest.py --index /tmp/idx --fit                                      # + print MODEL

Gold sets
- product (leave-one-out): the 16 GovStack product use cases. Description = summary + step descriptions,
  with building-block names removed; expected = its BB list; core = BBs used in at least half of its steps.
  The use case itself is excluded from every reference signal (`exclude_use_cases=[id]`).
- novel: evals/gold/usecases_novel.jsonl (services GovStack has no use case for).

Metrics (per set)
- set F1: mean over descriptions of the F1 between selected and expected BBs;
- macro F1: per-BB F1 over all (description, BB) decisions, averaged over BBs that are expected or selected at least once;
- rare F1: F1 pooled over the decisions for GIS, E-Signature, E-Marketplace, Wallet, Content Management, Cloud Infrastructure;
- core recall: share of core BBs ranked within the top |core|+2;
- latency p50/p95 of Suggester.suggest (warm).

Model fit: logistic regression (shared weights, one intercept per BB shrunk towards a common one), fitted
on both sets. Reported numbers are leave-one-description-out cross-validated (the fit never sees the
description it is scored on); "in-sample" rows use the fit on everything (what MODEL ships).
Ablations refit the model without one signal group, cross-validated the same way.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import registry  # noqa: E402
from assistant import suggest as S  # noqa: E402

RARE = ("gis", "esignature", "emarketplace", "wallet", "content-management", "cloud-infrastructure")


# ----------------------------------------------------------------------------------------------------------
# gold


def strip_bb_names(text: str) -> str:
    """Remove what names a building block: "the Payments BB", "Information Mediator building block", "GIS"…"""
    out = text
    for b in registry.building_blocks():
        names = sorted({b.name, b.id.replace("-", " "), *b.aliases}, key=len, reverse=True)
        for a in names:
            out = re.sub(r"(?<![\w-])(the\s+)?" + re.escape(a) + r"(\s+\(?(bb|building[\s-]blocks?)\)?)(?![\w-])", " ",
                         out, flags=re.I)
    unambiguous = ["Information Mediator", "Digital Registries", "Digital Registry", "E-Marketplace", "eMarketplace",
                   "E-Signature", "eSignature", "Content Management System", "Cloud Infrastructure", "GIS", "X-Road",
                   "Scheduler", "Consent Management"]
    for a in unambiguous:
        out = re.sub(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])", " ", out)
    return re.sub(r"[ \t]+", " ", out)


def product_gold(corpus: Path) -> list[dict]:
    from ingest.usecases import load_use_cases

    recs, _ = load_use_cases(corpus / "latest" / "product-use-cases")
    gold = []
    for r in recs:
        desc = strip_bb_names(r.summary + "\n\n" + "\n\n".join(s.description for s in r.steps))
        n = len(r.steps)
        counts: dict[str, int] = {}
        for s in r.steps:
            for b in s.building_blocks:
                counts[b] = counts.get(b, 0) + 1
        core = [b for b, c in counts.items() if c >= n / 2]
        gold.append({"id": r.id, "set": "product", "description": desc, "expected": list(r.building_blocks),
                     "core": core, "exclude": [r.id]})
    return gold


def novel_gold(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append({"id": d["id"], "set": "novel", "description": d["description"], "expected": d["expected"],
                        "core": d.get("core", []), "exclude": []})
    return out


# ----------------------------------------------------------------------------------------------------------
# metrics


def f1(pred: set, gold: set) -> float:
    if not pred and not gold:
        return 1.0
    tp = len(pred & gold)
    return 2 * tp / (len(pred) + len(gold)) if (pred or gold) else 1.0


def metrics(items: list[dict], preds: list[set], ranks: list[list[str]]) -> dict:
    ids = registry.bb_ids()
    set_f1 = statistics.mean(f1(p, set(it["expected"])) for it, p in zip(items, preds))
    per_bb = []
    for b in ids:
        tp = sum(1 for it, p in zip(items, preds) if b in p and b in it["expected"])
        fp = sum(1 for it, p in zip(items, preds) if b in p and b not in it["expected"])
        fn = sum(1 for it, p in zip(items, preds) if b not in p and b in it["expected"])
        if tp + fp + fn:
            per_bb.append((b, 2 * tp / (2 * tp + fp + fn)))
    rtp = sum(1 for it, p in zip(items, preds) for b in RARE if b in p and b in it["expected"])
    rfp = sum(1 for it, p in zip(items, preds) for b in RARE if b in p and b not in it["expected"])
    rfn = sum(1 for it, p in zip(items, preds) for b in RARE if b not in p and b in it["expected"])
    rare = 2 * rtp / (2 * rtp + rfp + rfn) if (rtp + rfp + rfn) else float("nan")
    hit = tot = 0
    for it, r in zip(items, ranks):
        core = it["core"]
        top = set(r[: len(core) + 2])
        hit += sum(1 for b in core if b in top)
        tot += len(core)
    return {"set_f1": set_f1, "macro_f1": statistics.mean(v for _, v in per_bb) if per_bb else float("nan"),
            "rare_f1": rare, "core_recall": hit / tot if tot else float("nan"), "per_bb": dict(per_bb)}


# ----------------------------------------------------------------------------------------------------------
# model fit


def design(features: dict[str, np.ndarray], names: tuple[str, ...]) -> np.ndarray:
    return np.stack([features[f] for f in names], axis=1).astype(np.float64)


def fit(X: np.ndarray, Y: np.ndarray, names: tuple[str, ...], l2_w: float = 0.05, l2_b: float = 0.3,
        sample_w: np.ndarray | None = None) -> dict:
    """X: (n_items, n_bbs, n_features); Y: (n_items, n_bbs). Returns a MODEL dict."""
    from scipy.optimize import minimize

    n, nb, nf = X.shape
    flat = X.reshape(-1, nf)
    mu = flat.mean(axis=0)
    sd = flat.std(axis=0)
    sd[sd < 1e-6] = 1.0
    Z = (X - mu) / sd
    sw = np.ones(n) if sample_w is None else sample_w
    sw = sw / sw.mean()

    def loss(theta):
        w, b0, b = theta[:nf], theta[nf], theta[nf + 1:]
        z = Z @ w + b0 + b[None, :]
        p = 1 / (1 + np.exp(-z))
        eps = 1e-9
        ll = -(Y * np.log(p + eps) + (1 - Y) * np.log(1 - p + eps))
        L = (ll * sw[:, None]).mean() + l2_w * (w ** 2).sum() + l2_b * (b ** 2).mean()
        g = (p - Y) * sw[:, None] / (n * nb)
        gw = np.einsum("ij,ijk->k", g, Z) + 2 * l2_w * w
        gb0 = g.sum()
        gb = g.sum(axis=0) + 2 * l2_b * b / nb
        return L, np.concatenate([gw, [gb0], gb])

    theta0 = np.zeros(nf + 1 + nb)
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B")
    th = res.x
    ids = registry.bb_ids()
    return {"weights": {f: round(float(th[k]), 4) for k, f in enumerate(names)},
            "means": {f: round(float(mu[k]), 5) for k, f in enumerate(names)},
            "scales": {f: round(float(sd[k]), 5) for k, f in enumerate(names)},
            "intercepts": {b: round(float(th[nf] + th[nf + 1 + j]), 4) for j, b in enumerate(ids)},
            "threshold": 0.5, "thresholds": {}}


def predict(model: dict, feats: dict[str, np.ndarray]) -> np.ndarray:
    ids = registry.bb_ids()
    z = np.zeros(len(ids))
    for f, w in model["weights"].items():
        z += w * (feats[f] - model["means"].get(f, 0.0)) / (model["scales"].get(f, 1.0) or 1.0)
    z += np.asarray([model["intercepts"][b] for b in ids])
    return 1 / (1 + np.exp(-z))


def tune_threshold(P: np.ndarray, Y: np.ndarray) -> float:
    best, bt = -1.0, 0.5
    for t in np.arange(0.2, 0.81, 0.025):
        s = statistics.mean(f1(set(np.flatnonzero(p >= t)), set(np.flatnonzero(y))) for p, y in zip(P, Y))
        if s > best + 1e-9:
            best, bt = s, float(t)
    return bt


def ranked(ids, scores) -> list[str]:
    return [ids[j] for j in np.argsort(-scores, kind="stable")]


def cross_validate(items, analyses, names, cov: float, tune: bool, l2_w: float, l2_b: float):
    """Leave-one-description-out: predictions for each item from a model fitted on all the others."""
    ids = registry.bb_ids()
    X = np.stack([design(a.features, names) for a in analyses])
    Y = np.stack([[1.0 if b in it["expected"] else 0.0 for b in ids] for it in items])
    preds, ranks, probs = [], [], []
    for i in range(len(items)):
        tr = [j for j in range(len(items)) if j != i]
        m = fit(X[tr], Y[tr], names, l2_w, l2_b)
        if tune:
            Ptr = np.stack([predict(m, analyses[j].features) for j in tr])
            m["threshold"] = tune_threshold(Ptr, Y[tr])
        p = predict(m, analyses[i].features)
        share = (analyses[i].need_bb >= S.NEED_MIN_EVIDENCE).mean(axis=0)
        score = (1 - cov) * p + cov * share
        preds.append({ids[j] for j in np.flatnonzero(p >= m["threshold"])})
        ranks.append(ranked(ids, score))
        probs.append(p)
    return preds, ranks, probs


def report_rows(items, preds, ranks) -> dict:
    out = {}
    for name in ("product", "novel"):
        idx = [i for i, it in enumerate(items) if it["set"] == name]
        out[name] = metrics([items[i] for i in idx], [preds[i] for i in idx], [ranks[i] for i in idx])
    out["all"] = metrics(items, preds, ranks)
    return out


def fmt(m: dict) -> str:
    return f"{m['set_f1']:.3f}   {m['macro_f1']:.3f}   {m['rare_f1']:.3f}   {m['core_recall']:.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", default="data/index")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "govstack-corpus"))
    ap.add_argument("--novel", default=str(ROOT / "evals" / "gold" / "usecases_novel.jsonl"))
    ap.add_argument("--fit", action="store_true", help="print the MODEL fitted on all gold")
    ap.add_argument("--no-ablation", action="store_true")
    ap.add_argument("--coverage", type=float, default=None, help="ranking: weight of need coverage (default MODEL's)")
    ap.add_argument("--l2w", type=float, default=0.05)
    ap.add_argument("--l2b", type=float, default=0.3)
    ap.add_argument("--tune-threshold", action="store_true")
    ap.add_argument("--errors", action="store_true", help="print the wrong decisions per description")
    args = ap.parse_args(argv)

    from assistant.config import Settings
    from assistant.service import Assistant

    t = time.perf_counter()
    a = Assistant(Settings(index_dir=Path(args.index)))
    load_s = time.perf_counter() - t
    sug = S.Suggester(a)
    t = time.perf_counter()
    ref = sug.reference()
    ref_s = time.perf_counter() - t
    items = product_gold(Path(args.corpus)) + novel_gold(Path(args.novel))
    ids = registry.bb_ids()
    print(f"index loaded in {load_s:.1f} s; reference built in {ref_s:.1f} s "
          f"({len(ref.funcs)} functionality sentences, {len(ref.steps)} step sentences, "
          f"{sum(1 for u in ref.use_cases if u.source == 'govstack')} product use cases, {len(ref.workflows)} workflows)")
    print(f"gold: {sum(it['set'] == 'product' for it in items)} product (leave-one-out), "
          f"{sum(it['set'] == 'novel' for it in items)} novel")

    # latency: the whole public call, warm
    lat = []
    for it in items:
        t = time.perf_counter()
        sug.suggest(it["description"], exclude_use_cases=it["exclude"])
        lat.append((time.perf_counter() - t) * 1000)
    analyses = [sug.analyze(it["description"], it["exclude"]) for it in items]
    cov = S.MODEL.get("coverage_weight", 0.0) if args.coverage is None else args.coverage

    # baselines
    print("\n== baselines (no model) ==")
    print(f"{'':34} {'set F1':>6}  {'macro':>6}  {'rare':>6}  {'core@+2':>7}")
    prev = {b: sum(b in it["expected"] for it in items) for b in ids}
    common9 = set(sorted(ids, key=lambda b: -prev[b])[:9])
    for name in ("product", "novel"):
        idx = [i for i, it in enumerate(items) if it["set"] == name]
        m = metrics([items[i] for i in idx], [common9] * len(idx), [sorted(ids, key=lambda b: -prev[b])] * len(idx))
        print(f"{'always 9 most common — ' + name:34} {fmt(m)}")
    for name in ("product", "novel"):
        idx = [i for i, it in enumerate(items) if it["set"] == name]
        pr = [{b for b in ids if analyses[i].features["cue"][ids.index(b)] > 0} for i in idx]
        rk = [ranked(ids, analyses[i].features["cue"] + 0.01 * analyses[i].features["prior"]) for i in idx]
        m = metrics([items[i] for i in idx], pr, rk)
        print(f"{'strong cue only — ' + name:34} {fmt(m)}")

    names = S.FEATURES
    print("\n== model (leave-one-description-out cross-validation) ==")
    preds, ranks, probs = cross_validate(items, analyses, names, cov, args.tune_threshold, args.l2w, args.l2b)
    rows = report_rows(items, preds, ranks)
    print(f"{'set':34} {'set F1':>6}  {'macro':>6}  {'rare':>6}  {'core@+2':>7}   p50 ms  p95 ms")
    for name in ("product", "novel", "all"):
        idx = [i for i, it in enumerate(items) if name == "all" or it["set"] == name]
        ls = sorted(lat[i] for i in idx)
        p50 = statistics.median(ls)
        p95 = ls[min(len(ls) - 1, int(round(0.95 * (len(ls) - 1))))]
        print(f"{name:34} {fmt(rows[name])}   {p50:6.0f}  {p95:6.0f}")
    print("per-BB F1 (all): " + ", ".join(f"{b} {v:.2f}" for b, v in rows["all"]["per_bb"].items()))

    # the shipped model, in-sample
    X = np.stack([design(an.features, names) for an in analyses])
    Y = np.stack([[1.0 if b in it["expected"] else 0.0 for b in ids] for it in items])
    full = fit(X, Y, names, args.l2w, args.l2b)
    if args.tune_threshold:
        full["threshold"] = tune_threshold(np.stack([predict(full, an.features) for an in analyses]), Y)
    full["coverage_weight"] = cov
    ins_p = [predict(full, an.features) for an in analyses]
    ins_preds = [{ids[j] for j in np.flatnonzero(p >= full["threshold"])} for p in ins_p]
    ins_ranks = [ranked(ids, (1 - cov) * p + cov * (an.need_bb >= S.NEED_MIN_EVIDENCE).mean(axis=0))
                 for p, an in zip(ins_p, analyses)]
    ins = report_rows(items, ins_preds, ins_ranks)
    print("\n== fitted on all (in-sample, for reference) ==")
    for name in ("product", "novel"):
        print(f"{name:34} {fmt(ins[name])}")
    shipped = [S.Suggester(a, model=S.MODEL)]
    del shipped

    if args.errors:
        print("\n== errors (cross-validated) ==")
        for it, p, r, pr in zip(items, preds, ranks, probs):
            exp = set(it["expected"])
            fp, fn = sorted(p - exp), sorted(exp - p)
            core_miss = [b for b in it["core"] if b not in r[: len(it["core"]) + 2]]
            if fp or fn or core_miss:
                fmtp = lambda bs: ", ".join(f"{b}({pr[ids.index(b)]:.2f})" for b in bs)  # noqa: E731
                print(f"{it['id']:9} FP: {fmtp(fp) or '-'} | FN: {fmtp(fn) or '-'} | core missed: {core_miss or '-'}")

    if not args.no_ablation:
        print("\n== ablation: each signal removed, model refitted (cross-validated) ==")
        print(f"{'removed':34} {'prodF1':>6}  {'novF1':>6}  {'macro':>6}  {'rare':>6}  {'core':>6}")
        base = rows
        print(f"{'(none)':34} {base['product']['set_f1']:.3f}   {base['novel']['set_f1']:.3f}   "
              f"{base['all']['macro_f1']:.3f}   {base['all']['rare_f1']:.3f}   {base['all']['core_recall']:.3f}")
        for group, feats in S.SIGNAL_GROUPS.items():
            sub = tuple(f for f in names if f not in feats)
            pr, rk, _ = cross_validate(items, analyses, sub, cov, args.tune_threshold, args.l2w, args.l2b)
            r = report_rows(items, pr, rk)
            print(f"{group:34} {r['product']['set_f1']:.3f}   {r['novel']['set_f1']:.3f}   "
                  f"{r['all']['macro_f1']:.3f}   {r['all']['rare_f1']:.3f}   {r['all']['core_recall']:.3f}")

    if args.fit:
        print("\n== MODEL (paste into assistant/suggest.py) ==")
        print(json.dumps(full, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
