"""Benchmark of building-block suggestion: accuracy on the gold sets, latency, ablations, and the model fit.

    python bench/bench_suggest.py --index /tmp/idx --corpus ../shared/govstack-corpus          # report
    python bench/bench_suggest.py --index /tmp/idx --fit --write                              # + refit MODEL

Gold sets (see evals/gold.py for the files and the labelling convention)
- product (leave-one-out): the 16 GovStack product use cases. Description = summary + step descriptions,
  with building-block names removed; expected = its BB list; core = BBs used in at least half of its steps.
  The use case itself is excluded from every reference signal (`exclude_use_cases=[id]`).
- novel (20) and dev (81: novel services and paraphrases of product use cases, 30 of them by an independent
  writer): the fitting pool, together with product.
- test 2 (30, evals/gold/usecases_test2.jsonl): a fourth independent writer, same brief, written after the model was
  final; its core labels weigh consent less and messaging more than the other writers'.
- test (30, evals/gold/usecases_test.jsonl): an independent writer's novel services and paraphrases. Never in
  the fit, never looked at when the cue lexicon was written: its row is the honest estimate.

Labels follow the product use cases' convention: a service is labelled with every BB its implementation would
use, so the cross-cutting blocks are nearly always expected. Paraphrases are scored as a user would meet them,
with their original in the reference set (test) — and, for the product rows, with it removed.

Metrics (per set; BBs an item lists as `unlabelled` are not scored for it)
- set F1: mean over descriptions of the F1 between selected and expected BBs;
- macro F1: per-BB F1 over all (description, BB) decisions, averaged over BBs that are expected or selected at least once;
- rare F1: F1 pooled over the decisions for GIS, E-Signature, E-Marketplace, Wallet, Content Management, Cloud Infrastructure;
- core recall: share of core BBs ranked within the top |core|+2;
- latency p50/p95 of Suggester.suggest (warm).

Model fit: logistic regression (shared weights, one intercept per BB shrunk towards a common one) on the
fitting pool, plus copies of the short descriptions with cue features randomly zeroed (--cue-dropout) so the
model does not lean on the lexicon alone. Pool numbers are 10-fold cross-validated (a paraphrase is in the
same fold as its original); the test row uses the model fitted on the whole pool. Ablations refit without one
signal group.
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
from evals import gold as G  # noqa: E402

RARE = ("gis", "esignature", "emarketplace", "wallet", "content-management", "cloud-infrastructure")

# Inputs that must get guidance and no selection; and short real descriptions that must not.
BAD_INPUTS = ["", "   ", "payments", "hello", "what is the weather", "asdkjh qwe zxcmnb plokij",
              "What is the Consent building block?", "Tell me about the history of the Roman empire and its emperors.",
              "The quick brown fox jumps over the lazy dog.", "lorem ipsum dolor sit amet consectetur adipiscing elit",
              # sentences about something other than a service (they set Suggester SERVICE_MIN_SIM)
              "I went to the market yesterday and bought apples and bread for the family.",
              "Please summarise this document for me in three bullet points.",
              "My laptop is very slow since the last update, how do I fix it?",
              "Football is the most popular sport in Brazil and Argentina.",
              "The weather will be sunny tomorrow with a light breeze from the north.",
              "Our team meeting is moved to Thursday because the manager is travelling.",
              "I think the new government policy on fuel prices is unfair to farmers.",
              "Yesterday the minister opened a new bridge over the river in the capital.",
              # (2026-12-06, with the request rule of Suggester._looks_like_service)
              "The printer on our floor keeps jamming and nobody fixes it.",
              "The government announced a new budget with higher spending on roads.",
              "The meeting notes are attached, please review them before Friday.",
              "I am feeling tired today and want to go home early.",
              "Inflation rose to seven percent in the last quarter according to the central bank.",
              "My daughter starts school in September and she is very excited."]
# service descriptions in the languages of GovStack's partner countries: the advisor reads English only, and says so
FOREIGN = ["Les agriculteurs s'inscrivent en ligne, reçoivent des conseils par SMS et sont payés par mobile money.",
           "Los ciudadanos solicitan un permiso de construcción en línea, pagan la tasa y reciben el permiso firmado.",
           "Os pais registam o nascimento do filho no hospital e recebem a certidão por SMS.",
           "Wakulima wanajiandikisha mtandaoni, wanapokea ushauri kwa SMS na wanalipwa ruzuku kwa pesa za simu.",
           "يسجل المزارعون عبر الإنترنت ويتلقون النصائح عبر الرسائل القصيرة ويحصلون على الدعم عبر الهاتف المحمول."]
GOOD_SHORT = ["Citizens pay their property tax online and get a receipt by SMS.",
              "Farmers register, get SMS advice and receive subsidy vouchers by mobile money.",
              # requests in plain words, just under SERVICE_MIN_SIM (refused as "not a service" before 2026-12-06)
              "Court clerks need to give each case a hearing date when both the judge and a courtroom are free.",
              "Let loan officers look up who currently owns a house plot and whether it already carries a mortgage.",
              "Residents need a way to text a short number to report a broken street light and get a reply.",
              "Each permit file should pass from the planning officer to a fire inspector and then the chief engineer."]


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
        gold.append({"id": r.id, "set": "product", "description": desc,
                     "expected": list(r.building_blocks) + [b for b in core if b not in r.building_blocks],
                     "core": core, "exclude": [r.id], "unlabelled": [], "group": r.id})
    G.mark_unjudged(gold)
    return gold


def file_gold(path: Path, set_name: str) -> list[dict]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append({"id": d["id"], "set": set_name, "description": d["description"], "expected": d["expected"],
                        "core": d.get("core", []), "exclude": [], "unlabelled": d.get("unlabelled", []),
                        "group": d.get("paraphrase_of") or d["id"], "paraphrase_of": d.get("paraphrase_of"),
                        "focus": d.get("focus")})
    return out


def writer_of(it: dict) -> str:
    """Who labelled an item: its id's prefix ("A-07" → "A", "dev3-02" → "dev3"); product use cases are "product"."""
    return "product" if it["set"] == "product" else re.sub(r"[-_]?\d+$", "", it["id"])


def core_rates(items: list[dict], ids: list[str]) -> dict[str, float]:
    """Share of novel services whose writer calls each block core, averaged over writers (each writer counts once:
    writers disagree most on core, see S.CORE_RATES)."""
    by: dict[str, list[dict]] = {}
    for it in items:
        if it["set"] != "product" and not it.get("paraphrase_of"):
            by.setdefault(writer_of(it), []).append(it)
    per = [[sum(b in it["core"] for it in its) / len(its) for b in ids] for its in by.values()]
    return {b: round(float(np.mean([p[j] for p in per])), 3) for j, b in enumerate(ids)} if per else {}


def novel_gold(path: Path) -> list[dict]:
    return file_gold(path, "novel")


# ----------------------------------------------------------------------------------------------------------
# metrics


def f1(pred: set, gold: set) -> float:
    if not pred and not gold:
        return 1.0
    tp = len(pred & gold)
    return 2 * tp / (len(pred) + len(gold)) if (pred or gold) else 1.0


def metrics(items: list[dict], preds: list[set], ranks: list[list[str]]) -> dict:
    ids = registry.bb_ids()
    # short requests name their focus block: is it ranked first among all 15 (nothing filtered)?
    with_focus = [(it, r) for it, r in zip(items, ranks) if it.get("focus")]
    focus_first = statistics.mean(r[:1] == [it["focus"]] for it, r in with_focus) if with_focus else float("nan")
    # what an item's writer did not judge is not scored
    preds = [set(p) - set(it.get("unlabelled") or ()) for it, p in zip(items, preds)]
    ranks = [[b for b in r if b not in set(it.get("unlabelled") or ())] for it, r in zip(items, ranks)]
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
            "rare_f1": rare, "core_recall": hit / tot if tot else float("nan"), "per_bb": dict(per_bb),
            "focus_first": focus_first}


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
    # sample_w: one weight per item, or per (item, BB) cell (0 where the gold writer did not judge the BB)
    sw = np.ones((n, nb)) if sample_w is None else np.asarray(sample_w, dtype=np.float64)
    sw = (sw[:, None] if sw.ndim == 1 else sw) * np.ones((1, nb))
    sw = sw / sw.mean()

    def loss(theta):
        w, b0, b = theta[:nf], theta[nf], theta[nf + 1:]
        z = Z @ w + b0 + b[None, :]
        p = 1 / (1 + np.exp(-z))
        eps = 1e-9
        ll = -(Y * np.log(p + eps) + (1 - Y) * np.log(1 - p + eps))
        L = (ll * sw).mean() + l2_w * (w ** 2).sum() + l2_b * (b ** 2).mean()
        g = (p - Y) * sw / (n * nb)
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


CUE_FEATURES = ("cue", "cue_weak", "cue*L", "cue_weak*L")


def fit_robust(X: np.ndarray, Y: np.ndarray, names: tuple[str, ...], l2_w: float, l2_b: float, cue_dropout: float,
               copies: int = 4, seed: int = 0, W: np.ndarray | None = None) -> dict:
    """fit() on the data plus `copies` copies of the short descriptions in which each BB's cue features are zeroed
    with probability `cue_dropout` (the copies weigh as much as one original together).

    Why: the lexicon was written with the gold descriptions in view, so on them it never misses and a plain fit
    trusts it completely; unseen descriptions phrase needs in ways it does not know. Simulated misses teach the
    model to fall back on the semantic and reference signals when no cue fires.
    """
    cols = [names.index(c) for c in CUE_FEATURES if c in names]
    W = np.ones(Y.shape) if W is None else W
    if cue_dropout <= 0 or not cols:
        return fit(X, Y, names, l2_w, l2_b, sample_w=W)
    rng = np.random.default_rng(seed)
    short = X[:, :, names.index("long")] < 0.5 if "long" in names else np.ones(X.shape[:2], dtype=bool)
    Xs, Ys, Ws = [X], [Y], [W]
    for _ in range(copies):
        Xa = X.copy()
        drop = (rng.random(X.shape[:2]) < cue_dropout) & short
        for c in cols:
            Xa[:, :, c] = np.where(drop, 0.0, Xa[:, :, c])
        Xs.append(Xa)
        Ys.append(Y)
        Ws.append(W / copies)
    return fit(np.concatenate(Xs), np.concatenate(Ys), names, l2_w, l2_b, sample_w=np.concatenate(Ws))


def predict(model: dict, feats: dict[str, np.ndarray]) -> np.ndarray:
    return S.logistic(feats, model, model["weights"])


def tune_threshold(P: np.ndarray, Y: np.ndarray) -> float:
    best, bt = -1.0, 0.5
    for t in np.arange(0.2, 0.81, 0.025):
        s = statistics.mean(f1(set(np.flatnonzero(p >= t)), set(np.flatnonzero(y))) for p, y in zip(P, Y))
        if s > best + 1e-9:
            best, bt = s, float(t)
    return bt


def ranked(ids, scores) -> list[str]:
    return [ids[j] for j in np.argsort(-scores, kind="stable")]


def labels(items) -> tuple[np.ndarray, np.ndarray]:
    """Y (expected 0/1) and W (1, or 0 for the BBs an item's writer did not judge), both (n_items, n_bbs)."""
    ids = registry.bb_ids()
    Y = np.asarray([[1.0 if b in it["expected"] else 0.0 for b in ids] for it in items])
    W = np.asarray([[0.0 if b in (it.get("unlabelled") or ()) else 1.0 for b in ids] for it in items])
    return Y, W


def folds(items, k: int = 10) -> list[list[int]]:
    """k folds over the items; a paraphrase shares the fold of its original (and of other paraphrases of it)."""
    groups: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        groups.setdefault(str(it.get("group") or it["id"]).upper(), []).append(i)
    out: list[list[int]] = [[] for _ in range(k)]
    for n, g in enumerate(sorted(groups)):
        out[n % k].extend(groups[g])
    return [f for f in out if f]


def rates_array(rates: dict | None) -> np.ndarray | None:
    return np.asarray([float(rates.get(b, 0.0)) for b in registry.bb_ids()], dtype=np.float32) if rates else None


def predict_rank(model: dict, an, rates: dict | None = None) -> tuple[np.ndarray, set[str], list[str]]:
    """Selection and ranking as Suggester.suggest makes them; `rates` (core rates) replace the model's own, so that a
    writer's items are ranked without their own labels in the rates."""
    ids = registry.bb_ids()
    p = predict(model, an.features)
    sel = S.decide(p, model["threshold"], an, S._lexicon(str(S.CUES_FILE)).named_only)
    share = an.step_share(core_rates=rates_array(rates if rates is not None else model.get("core_rates")))
    return p, {ids[j] for j in np.flatnonzero(sel)}, ranked(ids, S.rank_scores(p, sel, share, model["threshold"],
                                                                            an.focus_first(sel)))


def cross_validate(items, analyses, names, tune: bool, l2_w: float, l2_b: float, cue_dropout: float = 0.0,
                   rates_for=None):
    """k-fold: predictions for each item from a model fitted on the other folds (and ranked with the core rates
    `rates_for(item)` gives: those of the other writers)."""
    X = np.stack([design(a.features, names) for a in analyses])
    Y, W = labels(items)
    preds: list = [None] * len(items)
    ranks: list = [None] * len(items)
    probs: list = [None] * len(items)
    for fold in folds(items):
        tr = [j for j in range(len(items)) if j not in set(fold)]
        m = fit_robust(X[tr], Y[tr], names, l2_w, l2_b, cue_dropout, W=W[tr])
        if tune:
            Ptr = np.stack([predict(m, analyses[j].features) for j in tr])
            m["threshold"] = tune_threshold(Ptr, Y[tr])
        for i in fold:
            probs[i], preds[i], ranks[i] = predict_rank(m, analyses[i], rates_for(items[i]) if rates_for else {})
    return preds, ranks, probs


def report_rows(items, preds, ranks, sets=("product", "novel", "dev", "short")) -> dict:
    out = {}
    for name in sets:
        idx = [i for i, it in enumerate(items) if it["set"] == name]
        if not idx:
            continue
        out[name] = metrics([items[i] for i in idx], [preds[i] for i in idx], [ranks[i] for i in idx])
    out["all"] = metrics(items, preds, ranks)
    return out


def fmt(m: dict) -> str:
    ff = m.get("focus_first", float("nan"))
    return (f"{m['set_f1']:.3f}   {m['macro_f1']:.3f}   {m['rare_f1']:.3f}   {m['core_recall']:.3f}"
            + (f"   {ff:.3f}" if ff == ff else ""))


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


HEAD = f"{'':34} {'set F1':>6}  {'macro':>6}  {'rare':>6}  {'core@+2':>7}  {'focus@1':>7}"


def named_blocks(need_bb: np.ndarray) -> set[str]:
    """The blocks one need's evidence names (≥ NEED_MIN_EVIDENCE): what the per-step table shows, before it keeps
    only the selected ones."""
    ids = registry.bb_ids()
    return {ids[j] for j in np.flatnonzero(need_bb >= S.NEED_MIN_EVIDENCE)}


def step_mapping(sug) -> dict[str, float]:
    """Need → SDG-framework workflows and need → building blocks, scored on the reference steps themselves: each
    product use case's step sentences are read as a description with that use case left out, and the workflows and
    blocks named for each sentence (evidence ≥ NEED_MIN_EVIDENCE) are compared with the ones its step lists. A step
    lists every block its whole step uses, cross-cutting ones included, so block recall is counted per step over
    the union of its sentences' blocks and is bounded well below 1."""
    ref = sug.reference()
    p1 = r3 = n = empty = 0
    n_sent = named = named_ok = bb_none = 0
    step_got: dict[tuple[str, str], set[str]] = {}
    step_gold: dict[tuple[str, str], set[str]] = {}
    for uc in ref.uc_rows:
        rows = [int(i) for i in ref.uc_rows[uc]]
        an = sug.analyze("\n".join(ref.step_texts[i] for i in rows), exclude_use_cases=[uc])
        gold_of = {ref.step_texts[i]: {w for w in ref.steps[i].workflows if w in ref.workflows} for i in rows}
        step_of = {ref.step_texts[i]: ref.steps[i] for i in rows}
        for k, (need, wfs) in enumerate(zip(an.needs, an.need_wfs)):
            st = step_of.get(need)
            if st is not None and st.bbs:
                got = named_blocks(an.need_bb[k])
                n_sent += 1
                named += len(got)
                named_ok += len(got & set(st.bbs))
                bb_none += not got
                key = (st.uc_id, st.title)
                step_got.setdefault(key, set()).update(got)
                step_gold[key] = set(st.bbs)
            gold = gold_of.get(need)
            if not gold:
                continue  # re-split differently, or a step with no framework workflow
            n += 1
            if not wfs:
                empty += 1
                continue
            p1 += wfs[0] in gold
            r3 += len(set(wfs[:3]) & gold) / len(gold)
    rec = float(np.mean([len(step_got[k] & step_gold[k]) / len(step_gold[k]) for k in step_gold])) if step_gold else 0.0
    print("\n== need → framework workflows (reference steps, their use case left out) ==")
    print(f"step sentences scored: {n}; first workflow listed by the step: {p1 / max(1, n):.3f}; "
          f"recall of the step's workflows in the top 3: {r3 / max(1, n):.3f}; none named: {empty / max(1, n):.3f}")
    print("== need → building blocks (same sentences) ==")
    print(f"sentences: {n_sent}, blocks named per sentence: {named / max(1, n_sent):.2f}; precision (a named block is "
          f"in its step's list): {named_ok / max(1, named):.3f}; naming none: {bb_none / max(1, n_sent):.3f}; "
          f"recall of a step's blocks by its sentences ({len(step_gold)} steps): {rec:.3f}")
    return {"bb_precision": named_ok / max(1, named), "bb_recall": rec}


def clause_mapping(sug, path: Path, show_errors: bool = False) -> dict[str, float] | None:
    """Need → building blocks on hand-labelled step clauses (evals/gold/needs_*.jsonl: one step as an official
    writes it inside a description — "have district officers approve it" — with the blocks whose scope it falls in,
    the ones a reader could also accept, and clauses that need no block). Each clause is read as a description;
    a block is named when its evidence ≥ NEED_MIN_EVIDENCE (what the per-step table shows). The dev clauses fit
    NEED_MODEL (bench/bench_needs.py: their leave-one-writer-out figures); needs_test.jsonl is the honest one."""
    from bench_needs import score_clauses

    if not path.exists():
        return None
    items = G.load_jsonl(path)
    evidence = [an.need_bb.max(axis=0) for an in (sug.analyze(it["text"]) for it in items)]
    m, errors = score_clauses(items, evidence)
    n_none = sum(not it["expected"] for it in items)
    print(f"\n== need → building blocks, hand-labelled clauses ({path.name}: {len(items) - n_none} with a block, "
          f"{n_none} without) ==")
    print(f"strongest block acceptable: {m['top1']:.3f}; expected blocks named: {m['recall']:.3f}; "
          f"named blocks acceptable: {m['precision']:.3f}; no-block clauses naming none: {m['none']:.3f}")
    if show_errors:
        print("\n".join(errors))
    return m


def sdg_goal_scores(sug, corpus: Path, sets: dict[str, list[dict]], show_errors: bool = False) -> None:
    """Related SDG targets: are their goals the ones the use case lists? A product use case is scored with itself out
    of the reference (as any novel service would be); a paraphrase against its original's list. Goal precision and
    recall over the items whose use case lists goals."""
    from ingest.usecases import load_use_cases

    recs, _ = load_use_cases(corpus / "latest" / "product-use-cases")
    goals = {r.id: set(S.sdg_goals("; ".join(r.sdgs))) for r in recs}
    for name, items in sets.items():
        n = shown = tp = fp = fn = 0
        for it in items:
            gold = goals.get(it.get("paraphrase_of") or it["id"]) or set()
            if not gold:
                continue
            s = sug.suggest(it["description"], exclude_use_cases=it.get("exclude"))
            pred = {str(t.get("goal")) for t in s.sdg_targets}
            n, shown = n + 1, shown + bool(pred)
            tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
            if show_errors and pred != gold:
                print(f"  {it['id']}: listed {sorted(gold, key=int)}, shown {[t.get('target') for t in s.sdg_targets]}")
        if n:
            p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
            print(f"{name:<40} {n:3d} items, a target shown for {shown}; goal precision {p:.3f}, recall {r:.3f}")


def said_not_needed(sug, path: Path, show_errors: bool = False) -> None:
    """usecases_declined.jsonl: a service, then a sentence saying it does without a block ("No login is required")
    — or, as a trap, a negation about some people or cases ("Drivers who do not pay … get a reminder"), where the
    blocks in `kept` must stay selected. Scored: the blocks said not needed left out; the rest of the selection the
    same as for the service alone; the traps' blocks kept."""
    items = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    left = declinable = selected_alone = same = n_rest = kept = n_kept = read = outright = 0
    misses: list[str] = []
    for it in items:
        # (the sentence alone, as the suggester's negation reader sees it: where a miss comes from)
        found: dict[str, str] = {}
        whole: dict[str, str] = {}
        for need in S.split_needs(it["negation"]) or [it["negation"]]:
            f, w = sug.lexicon.declines_both(need)
            found.update(f)
            whole.update(w)
        read += len(set(it["declined"]) & set(found))
        outright += len(set(it["declined"]) & set(whole))
        full = {b.id for b in sug.suggest(f"{it['service']} {it['negation']}").building_blocks if b.selected}
        alone = {b.id for b in sug.suggest(it["service"]).building_blocks if b.selected}
        dec = set(it["declined"])
        declinable += len(dec)
        left += len(dec - full)
        selected_alone += len(dec & alone)
        n_rest += 1
        same += (full - dec) == (alone - dec)
        n_kept += len(it["kept"])
        kept += len(set(it["kept"]) & full)
        if dec & full or set(it["kept"]) - full:
            misses.append(f"{it['id']}: still selected {sorted(dec & full)}, lost {sorted(set(it['kept']) - full)}")
    print(f"\n== said not needed ({path.name}: a service, then a sentence that rules a block out, or a trap "
          "negation about some people) ==")
    print(f"blocks said not needed left out: {left}/{declinable} (selected for the service alone: {selected_alone}); "
          f"rest of the selection as for the service alone: {same}/{n_rest}; traps' blocks kept: {kept}/{n_kept}")
    print(f"the negation sentence alone: blocks read as said not needed {read}/{declinable}, of them for the whole "
          f"service {outright}")
    if show_errors:
        for m in misses:
            print("  ", m)


_TYPO_WORD = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")


def with_typos(text: str, seed: str, rate: float = 0.15) -> str:
    """`text` with about `rate` of its lower-case words of five letters or more mistyped, as hurried typing does: two
    neighbouring letters swapped, one dropped or one doubled (never the first letter). Deterministic per `seed`.

    >>> with_typos("citizens register online and receive reminders", "x", rate=1.0) != "citizens register online and receive reminders"
    True
    """
    import random

    rng = random.Random(seed)

    def slip(m: re.Match) -> str:
        w = m.group(0)
        if rng.random() >= rate:
            return w
        i = rng.randrange(1, len(w) - 1)
        op = rng.choice(("swap", "drop", "double"))
        if op == "swap":
            return w[:i] + w[i + 1] + w[i] + w[i + 2:]
        return w[:i] + w[i + 1:] if op == "drop" else w[:i] + w[i] + w[i:]

    return _TYPO_WORD.sub(slip, text)


def typo_robustness(sug, items: list[dict]) -> None:
    """The dev descriptions (every block labelled) with one long word in seven mistyped (with_typos): set F1 and
    recall read as typed (S.SPELLING off) and with the typos repaired (Suggester.repair_spelling), against the clean
    text; and how many words the repair changes in the clean text, where every change is a mistake."""
    def run(texts: list[str], spelling: bool) -> tuple[float, float, int]:
        saved, S.SPELLING = S.SPELLING, spelling
        try:
            f, hit, tot, changed = [], 0, 0, 0
            for it, t in zip(items, texts):
                s = sug.suggest(t)
                sel, exp = set(s.selected), set(it["expected"])
                f.append(f1(sel, exp))
                hit, tot, changed = hit + len(sel & exp), tot + len(exp), changed + len(s.spelled)
            return float(np.mean(f)), hit / max(1, tot), changed
        finally:
            S.SPELLING = saved

    clean = [it["description"] for it in items]
    typed = [with_typos(t, it["id"]) for t, it in zip(clean, items)]
    n_slips = sum(a != b for t, u in zip(clean, typed) for a, b in zip(t.split(), u.split()))
    c = run(clean, True)
    raw = run(typed, False)
    fixed = run(typed, True)
    print(f"\n== typos ({len(items)} dev descriptions, {n_slips} words mistyped: set F1 / recall) ==")
    print(f"clean {c[0]:.3f} / {c[1]:.3f} (words the repair changed: {c[2]}); with typos read as typed "
          f"{raw[0]:.3f} / {raw[1]:.3f}; repaired {fixed[0]:.3f} / {fixed[1]:.3f} ({fixed[2]} words repaired)")


def probe_sets(sug, path: Path, show_errors: bool = False) -> None:
    """usecases_probe.jsonl: 215 services written by helpers from the BB scopes alone (2026-12-06; 30 more citizens'
    wishes 2026-12-07) in styles the other sets have few of — problem statements, user stories, numbered lists, a pasted document, one-line requests in plain
    words, long rambling paragraphs, English as a second language with typos, requirement excerpts ("The system
    shall …"), citizens' first-person wishes. Their `expected` lists only what a step clearly requires (the cross-cutting
    blocks only when the text implies them), so only recall is scored, and focus@1 for the short requests; a guidance
    reply ("not a description of a service") counts as nothing found. Used to find cue and reading gaps: dev."""
    items = G.load_jsonl(path)
    by: dict[str, list[int]] = {}
    refused, focus, n_short, misses = 0, 0, 0, []
    for it in items:
        s = sug.suggest(it["description"])
        sel = {b.id for b in s.building_blocks if b.selected}
        exp = set(it["expected"])
        r = by.setdefault(it["style"], [0, 0, 0])
        r[0] += len(exp & sel)
        r[1] += len(exp)
        r[2] += 1
        refused += bool(s.guidance)
        if "focus" in it:
            n_short += 1
            focus += bool(s.building_blocks and s.building_blocks[0].selected and s.building_blocks[0].id == it["focus"])
        if exp - sel:
            misses.append(f"{it['id']}: missing {sorted(exp - sel)}" + (" (guidance)" if s.guidance else ""))
    print("\n== probe sets (usecases_probe.jsonl: written from the BB scopes in unusual styles; recall of the blocks a "
          "step clearly requires) ==")
    hit = sum(r[0] for r in by.values())
    tot = sum(r[1] for r in by.values())
    print("recall " + "; ".join(f"{k} ({r[2]}) {r[0] / r[1]:.3f}" for k, r in by.items()) + f"; all {hit / tot:.3f}"
          f"; guidance instead of a suggestion {refused}/{len(items)}; short requests focus@1 "
          f"{focus / max(1, n_short):.3f}")
    if show_errors:
        for m in misses:
            print("  ", m)


def named_use_cases(sug, path: Path, show_errors: bool = False) -> None:
    """short_names.jsonl: 60 services named in 2–4 words by a helper who saw no code (2026-12-07, sixty-fifth session),
    30 of them one of the 16 reference use cases in other words ("vaccination drive": HLTC-3), 30 none of them (some
    near misses: "hospital bed booking"). A name too short to analyse gets the use case it names beside the guidance
    (Suggester._named_use_case): the closest GovStack use case when at least NAMED_USE_CASE_MIN close. Scored here for
    every name, whatever its length. First run, threshold set before: 24/30 named right, none shown for the 30 others,
    no wrong use case."""
    items = G.load_jsonl(path)
    ref = sug.reference()
    rows = []
    for it in items:
        near = [u for u in sug._similar(sug.analyze(it["name"], None), ref, None, k=5) if u.source == "govstack"][:1]
        rows.append((it, near[0].id if near else None, near[0].score if near else 0.0))
    pos = sum(1 for it, _, _ in rows if it["match"])
    print("\n== services named in a few words (short_names.jsonl: the reference use case a name names) ==")
    for t in sorted({S.NAMED_USE_CASE_MIN, 0.4, 0.5}):
        shown = [(it, uid) for it, uid, sc in rows if sc >= t]
        right = sum(1 for it, uid in shown if uid == it["match"])
        other = sum(1 for it, uid in shown if it["match"] is None)
        wrong = sum(1 for it, uid in shown if it["match"] is not None and uid != it["match"])
        print(f"at {t:.2f}{' (shipped)' if t == S.NAMED_USE_CASE_MIN else ''}: named right {right}/{pos}; shown for a "
              f"name of no use case {other}/{len(rows) - pos}; a wrong use case {wrong}")
    if show_errors:
        for it, uid, sc in rows:
            if (sc >= S.NAMED_USE_CASE_MIN) != bool(it["match"]) or (it["match"] and uid != it["match"]):
                print(f"   {it['id']} {it['name']!r}: expected {it['match']}, closest {uid} {sc:.2f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", default="data/index")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "govstack-corpus"))
    ap.add_argument("--gold-dir", default=str(ROOT / "evals" / "gold"))
    ap.add_argument("--fit", action="store_true", help="print the MODEL fitted on the whole pool")
    ap.add_argument("--write", action="store_true", help="with --fit: write the fitted MODEL into assistant/suggest.py")
    ap.add_argument("--no-ablation", action="store_true")
    ap.add_argument("--l2w", type=float, default=0.003, help="L2 penalty on the shared weights")
    ap.add_argument("--l2b", type=float, default=0.1, help="L2 penalty pulling per-BB intercepts together")
    ap.add_argument("--tune-threshold", action="store_true", help="choose the selection threshold by CV too")
    ap.add_argument("--cue-dropout", type=float, default=0.15,
                    help="share of cue features zeroed in augmented copies of the short descriptions (0 = plain fit)")
    ap.add_argument("--errors", action="store_true", help="print the wrong decisions per description")
    ap.add_argument("--short-fit", action="store_true",
                    help="add the short requests (usecases_short_dev.jsonl) to the fitting pool (measured: no gain)")
    args = ap.parse_args(argv)

    import os

    from assistant.config import Settings
    from assistant.service import Assistant

    t = time.perf_counter()
    a = Assistant(Settings(index_dir=Path(args.index)))
    load_s = time.perf_counter() - t
    sug = S.Suggester(a)
    t = time.perf_counter()
    ref = sug.reference()
    ref_s = time.perf_counter() - t
    gd = Path(args.gold_dir)
    pool = (product_gold(Path(args.corpus)) + file_gold(gd / "usecases_novel.jsonl", "novel")
            + file_gold(gd / "usecases_dev.jsonl", "dev"))
    if args.short_fit:
        pool += file_gold(gd / "usecases_short_dev.jsonl", "short")
    short_dev = [] if args.short_fit else file_gold(gd / "usecases_short_dev.jsonl", "short")
    short_test = file_gold(gd / "usecases_short_test.jsonl", "short test")
    test = file_gold(gd / "usecases_test.jsonl", "test")
    test2 = file_gold(gd / "usecases_test2.jsonl", "test2") if (gd / "usecases_test2.jsonl").exists() else []
    scope = file_gold(gd / "usecases_test_scope.jsonl", "scope")
    steps_set = file_gold(gd / "usecases_dev_steps.jsonl", "steps") if (gd / "usecases_dev_steps.jsonl").exists() else []
    steps2 = file_gold(gd / "usecases_dev_steps2.jsonl", "steps2") if (gd / "usecases_dev_steps2.jsonl").exists() else []
    ids = registry.bb_ids()
    print(f"index loaded in {load_s:.1f} s; reference built in {ref_s:.1f} s (embedding cache: "
          f"{a.settings.cache_dir}/suggest) — {len(ref.funcs)} functionality sentences, {len(ref.steps)} step "
          f"sentences, {sum(1 for u in ref.use_cases if u.source == 'govstack')} product use cases, "
          f"{len(ref.workflows)} framework workflows, {len(ref.targets)} SDG targets")
    print(f"fitting pool: {sum(it['set'] == 'product' for it in pool)} product (leave-one-out), "
          f"{sum(it['set'] == 'novel' for it in pool)} novel, {sum(it['set'] == 'dev' for it in pool)} dev, "
          f"{sum(it['set'] == 'short' for it in pool)} short requests; "
          f"test: {len(test)} ({sum(1 for it in test if it['paraphrase_of'])} paraphrases); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

    analyses = [sug.analyze(it["description"], it["exclude"]) for it in pool]
    test_an = [sug.analyze(it["description"]) for it in test]
    scope_an = [sug.analyze(it["description"]) for it in scope]
    short_an = [sug.analyze(it["description"]) for it in short_test + short_dev]
    names = S.FEATURES
    test_sets = {"test — paraphrases": [i for i, it in enumerate(test) if it["paraphrase_of"]],
                 "test — novel": [i for i, it in enumerate(test) if not it["paraphrase_of"]],
                 "test — all": list(range(len(test)))}

    def rows_of(its, preds, ranks, idx):
        return metrics([its[i] for i in idx], [preds[i] for i in idx], [ranks[i] for i in idx])

    print("\n== baselines (no model) ==")
    print(HEAD)
    prev = {b: sum(b in it["expected"] for it in pool) for b in ids}
    by_prev = sorted(ids, key=lambda b: -prev[b])
    for name in ("product", "novel", "dev"):
        idx = [i for i, it in enumerate(pool) if it["set"] == name]
        print(f"{'always 9 most common — ' + name:34} {fmt(rows_of(pool, [set(by_prev[:9])] * len(pool), [by_prev] * len(pool), idx))}")
    print(f"{'always 9 most common — test':34} {fmt(metrics(test, [set(by_prev[:9])] * len(test), [by_prev] * len(test)))}")
    for name in ("product", "novel", "dev"):
        idx = [i for i, it in enumerate(pool) if it["set"] == name]
        pr = [{b for b in ids if analyses[i].features["cue"][ids.index(b)] > 0} for i in idx]
        rk = [ranked(ids, analyses[i].features["cue"] + 0.01 * analyses[i].features["prior"]) for i in idx]
        print(f"{'explicit cue only — ' + name:34} {fmt(metrics([pool[i] for i in idx], pr, rk))}")

    # core rates (S.CORE_RATE_WEIGHT) from the writers of the pool and of the steps-listed set; an item is ranked
    # with the rates of the other writers only
    rated = pool + steps_set
    rates_without = {w: core_rates([it for it in rated if writer_of(it) != w], ids) for w in {writer_of(it) for it in rated}}

    def rates_for(it):
        return rates_without.get(writer_of(it)) or core_rates(rated, ids)

    print("\n== model, 10-fold cross-validated on the pool (the fit never sees the scored description; ranked with the "
          "other writers' core rates) ==")
    preds, ranks, probs = cross_validate(pool, analyses, names, args.tune_threshold, args.l2w, args.l2b, args.cue_dropout,
                                         rates_for)
    rows = report_rows(pool, preds, ranks)
    print(HEAD)
    for name in ("product", "novel", "dev", "short", "all"):
        if name in rows:
            print(f"{name + ' (CV)':34} {fmt(rows[name])}")

    X = np.stack([design(an.features, names) for an in analyses])
    Y, W = labels(pool)
    full = fit_robust(X, Y, names, args.l2w, args.l2b, args.cue_dropout, W=W)
    full["core_rates"] = core_rates(rated, ids)
    if args.tune_threshold:
        full["threshold"] = tune_threshold(np.stack([predict(full, an.features) for an in analyses]), Y)
    model = full if args.fit else S.MODEL
    print(f"\n== {'the model just fitted on the whole pool' if args.fit else 'the shipped MODEL'} on the "
          "independent test set (never in any fit; paraphrases scored with their original in the reference) ==")
    print(HEAD)
    t_out = [predict_rank(model, an) for an in test_an]
    t_preds, t_ranks = [o[1] for o in t_out], [o[2] for o in t_out]
    for name, idx in test_sets.items():
        print(f"{name:34} {fmt(rows_of(test, t_preds, t_ranks, idx))}")
    if test2:
        t2 = [predict_rank(model, sug.analyze(it["description"])) for it in test2]
        for name, idx in (("test 2 — paraphrases", [i for i, it in enumerate(test2) if it["paraphrase_of"]]),
                          ("test 2 — novel", [i for i, it in enumerate(test2) if not it["paraphrase_of"]]),
                          ("test 2 — all", list(range(len(test2))))):
            print(f"{name:34} {fmt(rows_of(test2, [o[1] for o in t2], [o[2] for o in t2], idx))}")
    print("per-BB F1 (test): " + ", ".join(f"{b} {v:.2f}" for b, v in metrics(test, t_preds, t_ranks)["per_bb"].items()))
    sh_out = [predict_rank(model, an) for an in short_an]
    shorts = short_test + short_dev
    for name in ("short test", "short"):
        idx = [i for i, it in enumerate(shorts) if it["set"] == name]
        if idx:
            print(f"{'short requests — ' + ('test (independent)' if name == 'short test' else 'dev, not fitted'):34} "
                  f"{fmt(rows_of(shorts, [o[1] for o in sh_out], [o[2] for o in sh_out], idx))}")
    print("(short requests: one or two sentences with one obvious focus block; expected = the focus and what the text\n"
          " states; the cross-cutting blocks a full service would also use are not judged; focus@1 = the focus ranks first)")
    s_out = [predict_rank(model, an) for an in scope_an]
    for name, idx in (("paraphrases", [i for i, it in enumerate(scope) if it["paraphrase_of"]]),
                      ("novel", [i for i, it in enumerate(scope) if not it["paraphrase_of"]])):
        print(f"{'scope-reasoned labels — ' + name:34} "
              f"{fmt(rows_of(scope, [o[1] for o in s_out], [o[2] for o in s_out], idx))}")
    print("(scope-reasoned: a third writer who labelled novel services from the BB scopes alone, without the use cases'\n"
          " convention — 5.3 BBs per novel service instead of 9, core = the 1–3 blocks the service stands on; shown to\n"
          " measure how much the numbers depend on the labelling convention, not fitted on)")
    def listed_rows(label: str, its: list[dict], rates) -> tuple[list, list]:
        """The rows of a steps-listed writer's set (paraphrases, novel, all); each item ranked with `rates(item)`."""
        ans = [sug.analyze(it["description"]) for it in its]
        out = [predict_rank(model, an, rates(it)) for it, an in zip(its, ans)]
        for name, idx in (("paraphrases", [i for i, it in enumerate(its) if it["paraphrase_of"]]),
                          ("novel", [i for i, it in enumerate(its) if not it["paraphrase_of"]]),
                          ("all", list(range(len(its))))):
            print(f"{label + ' — ' + name:34} {fmt(rows_of(its, [o[1] for o in out], [o[2] for o in out], idx))}")
        return ans, out

    if steps_set:
        steps_an, st_out = listed_rows("core from listed steps", steps_set, rates_for)
        print("(core from listed steps: a fifth writer, the use cases' convention for expected, who listed each service's\n"
              " steps with the blocks each uses and took core = blocks in at least half of them — 2.4 per service, mostly\n"
              " workflow, registries, maps, messaging; not fitted on, looked at after its first run; ranked with the\n"
              " other writers' core rates)")
    if steps2:
        listed_rows("listed steps, 2nd writer", steps2, lambda it: model.get("core_rates"))
        print("(listed steps, 2nd writer: a sixth writer, same brief as the fifth — 2.2 core blocks per service, mostly\n"
              " messaging, workflow, identity; in no fit and no core rate; ranked with the shipped model's rates)")

    print("\n== core rates, one writer left out: core recall on each writer's novel services, ranked with the other "
          "writers' rates at each weight ==")
    scored = [(it, an, pr) for it, an, pr in zip(pool, analyses, probs) if it["set"] != "product"]
    scored += [(it, an, o[0]) for it, an, o in zip(steps_set, steps_an, st_out)] if steps_set else []
    scored = [x for x in scored if not x[0].get("paraphrase_of")]
    named = sorted({writer_of(it) for it, _, _ in scored})
    outside = [("test", test, test_an, [o[0] for o in t_out])]
    print(f"{'weight':>6}  " + "  ".join(f"{w:>6}" for w in named) + f"  {'mean':>6}  {'test':>6}")
    for cw in (0.0, 0.25, 0.5, 1.0):
        row = []
        for w in named:
            sub = [(it, an, pr) for it, an, pr in scored if writer_of(it) == w]
            rk = [ranked(ids, S.rank_scores(pr, pr >= 0.5, an.step_share(core_rates=rates_array(rates_for(it)), core_weight=cw),
                                            0.5, an.focus_first(pr >= 0.5))) for it, an, pr in sub]
            row.append(metrics([x[0] for x in sub], [set()] * len(sub), rk)["core_recall"])
        for _, its, ans, prs in outside:
            rk = [ranked(ids, S.rank_scores(pr, pr >= 0.5, an.step_share(core_rates=rates_array(model.get("core_rates")),
                                                                         core_weight=cw), 0.5, an.focus_first(pr >= 0.5)))
                  for an, pr in zip(ans, prs)]
            test_cr = metrics(its, [set()] * len(its), rk)["core_recall"]
        mark = "  ← shipped" if cw == S.CORE_RATE_WEIGHT else ""
        print(f"{cw:>6.2f}  " + "  ".join(f"{x:>6.3f}" for x in row) + f"  {np.mean(row):>6.3f}  {test_cr:>6.3f}{mark}")

    print("\n== ranking: core recall within top |core|+2 by the weights of Analysis.step_share, and the focus block ranked first or not ==")
    print(f"{'own needs':>9}  {'aligned uc':>10}  {'focus first':>11}  {'pool (CV)':>9}  {'test':>6}  "
          f"{'scope-reasoned novel':>20}  {'short test focus@1':>18}")
    scope_novel = [i for i, it in enumerate(scope) if not it["paraphrase_of"]]
    for own in (0.0, 0.25, 0.5, 0.75):
        for al in (0.0, 0.5, 1.0):
            for focus_label, max_needs in (("no", -1), (f"≤{S.SHORT_FOCUS_NEEDS} needs", S.SHORT_FOCUS_NEEDS),
                                           ("always", 10**6)):
                out = []
                st = [i for i, it in enumerate(shorts) if it["set"] == "short test"]
                for its, ans, pr in ((pool, analyses, probs), (test, test_an, [o[0] for o in t_out]),
                                     ([scope[i] for i in scope_novel], [scope_an[i] for i in scope_novel],
                                      [s_out[i][0] for i in scope_novel]),
                                     ([shorts[i] for i in st], [short_an[i] for i in st], [sh_out[i][0] for i in st])):
                    rk = [ranked(ids, S.rank_scores(p, p >= 0.5, an.step_share(
                        al, own, core_rates=rates_array(rates_for(it) if it["set"] in ("product", "novel", "dev")
                                                        else model.get("core_rates"))), 0.5,
                        an.focus_first(p >= 0.5, max_needs))) for p, an, it in zip(pr, ans, its)]
                    m = metrics(its, [set()] * len(its), rk)
                    out.append(m["focus_first"] if its and its[0]["set"] == "short test" else m["core_recall"])
                mark = "  ← shipped" if (al, own, max_needs) == (S.ALIGN_SHARE, S.OWN_SHARE, S.SHORT_FOCUS_NEEDS) else ""
                print(f"{own:>9.2f}  {al:>10.2f}  {focus_label:>11}  {out[0]:>9.3f}  {out[1]:>6.3f}  "
                      f"{out[2]:>20.3f}  {out[3]:>18.3f}{mark}")

    shipped = S.Suggester(a, model=model)
    shipped._refs = sug._refs
    print("\n== bad input ==")
    ok_bad = sum(1 for x in BAD_INPUTS if (r := shipped.suggest(x)).guidance and not r.selected)
    ok_good = sum(1 for x in GOOD_SHORT if not (r := shipped.suggest(x)).guidance and r.selected)
    print(f"guidance and nothing selected: {ok_bad}/{len(BAD_INPUTS)} bad inputs; "
          f"a real suggestion: {ok_good}/{len(GOOD_SHORT)} short real descriptions")
    told = sum(1 for x in FOREIGN if "English" in ((r := shipped.suggest(x)).guidance or "") and not r.selected)
    print(f"another language: told to write in English {told}/{len(FOREIGN)}")
    real = [it for it in test + test2 + scope + short_test + short_dev + pool if it["set"] != "product"]
    refused = [it["id"] for it in real if shipped.suggest(it["description"]).guidance]
    print(f"guidance instead of a suggestion for a real description (every gold set): {len(refused)}/{len(real)}"
          + (f" — {', '.join(refused)}" if refused else ""))

    said_not_needed(shipped, gd / "usecases_declined.jsonl", args.errors)
    said_not_needed(shipped, gd / "usecases_declined_test.jsonl")  # never looked at item by item: no errors printed
    # (a seventh writer, 2026-12-07, told to say no plainly and indirectly in ten voices; kept blind the same way)
    said_not_needed(shipped, gd / "usecases_declined_test2.jsonl")
    # (three more writers, 2026-12-07, sixty-second session: a grant proposal, a group chat, a filled-in questionnaire;
    # measured once on the code of the session's start and once after its changes, never read)
    said_not_needed(shipped, gd / "usecases_declined_test3.jsonl")
    probe_sets(shipped, gd / "usecases_probe.jsonl", args.errors)
    named_use_cases(shipped, gd / "short_names.jsonl", args.errors)
    typo_robustness(shipped, [it for it in pool if it["set"] in ("dev", "novel")])

    print("\n== SDG goals of the related targets (the use case's own list; product use cases left out of the reference) ==")
    sdg_goal_scores(shipped, Path(args.corpus), {
        "product use cases (left out)": [it for it in pool if it["set"] == "product"],
        "dev paraphrases": [it for it in pool if it.get("paraphrase_of")],
        "test paraphrases (never tuned on)": [it for it in test + test2 if it.get("paraphrase_of")]}, args.errors)

    step_mapping(shipped)
    clause_mapping(shipped, gd / "needs_dev.jsonl", args.errors)
    clause_mapping(shipped, gd / "needs_test.jsonl")  # never looked at item by item: no errors printed

    lat_short, lat_long = [], []
    for it in pool + test:
        t = time.perf_counter()
        shipped.suggest(it["description"], exclude_use_cases=it["exclude"])
        (lat_long if it["set"] == "product" else lat_short).append((time.perf_counter() - t) * 1000)
    print("\n== latency of Suggester.suggest, warm (ms) ==")
    print(f"descriptions (novel, dev, test; n={len(lat_short)}): p50 {pct(lat_short, .5):.0f}  p95 {pct(lat_short, .95):.0f}")
    print(f"long use cases (product, 30–190 needs, n={len(lat_long)}): p50 {pct(lat_long, .5):.0f}  p95 {pct(lat_long, .95):.0f}")

    if args.errors:
        print("\n== errors (pool: cross-validated; test: the model above) ==")
        for it, p, r in list(zip(pool, preds, ranks)) + list(zip(test, t_preds, t_ranks)):
            unl = set(it.get("unlabelled") or ())
            exp, p = set(it["expected"]), set(p) - unl
            r = [b for b in r if b not in unl]
            fp, fn = sorted(p - exp), sorted(exp - p)
            core_miss = [b for b in it["core"] if b not in r[: len(it["core"]) + 2]]
            if fp or fn or core_miss:
                print(f"{it['id']:9} {it['set'][:8]:8} FP: {', '.join(fp) or '-'} | FN: {', '.join(fn) or '-'} | "
                      f"core missed: {', '.join(core_miss) or '-'}")

    if not args.no_ablation:
        def nocue(an):
            f = dict(an.features)
            for c in CUE_FEATURES:
                f[c] = np.zeros_like(f[c])
            return f

        def test_f1(m, feats_of=lambda an: an.features) -> float:
            ps = [{ids[j] for j in np.flatnonzero(predict(m, feats_of(an)) >= m["threshold"])} for an in test_an]
            return metrics(test, ps, [ids] * len(ps))["set_f1"]

        print("\n== ablation: one signal group removed, model refitted (pool: cross-validated; test: fitted on the pool) ==")
        print(f"{'removed':34} {'prodF1':>6}  {'poolF1':>6}  {'macro':>6}  {'rare':>6}  {'core':>6}  {'testF1':>6}  {'test, no cue fires':>6}")

        def row(label, r, m):
            print(f"{label:34} {r['product']['set_f1']:.3f}   {r['all']['set_f1']:.3f}   "
                  f"{r['all']['macro_f1']:.3f}   {r['all']['rare_f1']:.3f}   {r['all']['core_recall']:.3f}   "
                  f"{test_f1(m):.3f}   {test_f1(m, nocue):.3f}")

        row("(none)", rows, full)
        for group, feats in S.SIGNAL_GROUPS.items():
            sub = tuple(f for f in names if f not in feats)
            pr, rk, _ = cross_validate(pool, analyses, sub, args.tune_threshold, args.l2w, args.l2b, args.cue_dropout)
            Xs = np.stack([design(an.features, sub) for an in analyses])
            row(group, report_rows(pool, pr, rk), fit_robust(Xs, Y, sub, args.l2w, args.l2b, args.cue_dropout, W=W))
        if args.cue_dropout > 0:
            pr, rk, _ = cross_validate(pool, analyses, names, args.tune_threshold, args.l2w, args.l2b, 0.0)
            row("(training without cue dropout)", report_rows(pool, pr, rk), fit(X, Y, names, args.l2w, args.l2b, sample_w=W))

    if args.fit:
        print("\n== MODEL fitted on the whole pool ==")
        print(json.dumps(full))
        if args.write:
            write_model(full)
            print(f"written to {S.__file__}")
    return 0

def write_model(model: dict, var: str = "MODEL", marker: str = "MODEL") -> None:
    """Replace the generated `var` block (between "# BEGIN <marker> (generated)" and "# END <marker>") in
    assistant/suggest.py."""
    path = Path(S.__file__)
    src = path.read_text(encoding="utf-8")
    body = "{\n" + "".join(f"    {json.dumps(k)}: {json.dumps(v)},\n" for k, v in model.items()) + "}"
    block = f"# BEGIN {marker} (generated)\n{var}: dict[str, Any] = {body}\n# END {marker}"
    new = re.sub(rf"# BEGIN {marker} \(generated\).*?# END {marker}", lambda m: block, src, count=1, flags=re.S)
    if new == src and block not in src:
        raise SystemExit(f"no '# BEGIN {marker} (generated)' block in {path}")
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
