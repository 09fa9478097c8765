"""Evaluation metrics: pure functions over ranked sources, answer texts and building-block sets.

Conventions used throughout:

* A *source* is a `(folder, path)` pair, e.g. `("bb-consent", "spec/3-terminology.md")`.
* Retrieval metrics read the ranked list of retrieved passages (chunks) as the answerer saw them; a passage is
  relevant when its source is one of the item's `expected_sources`. Several passages of one file can be
  retrieved: hit@k and MRR look for the first relevant passage, nDCG credits each relevant *file* once
  (at its best rank), so retrieving the same page five times does not look like five good results.
* Aggregates ignore `None` (a metric that does not apply to an item, e.g. citation precision of an abstention).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any, Callable, Hashable, Iterable, Mapping, Sequence

Source = tuple[str, str]

# Building blocks that few use cases need; a suggester that only learns the popular ones scores badly here.
RARE_BBS = ("gis", "esignature", "emarketplace", "wallet", "content-management", "cloud-infrastructure")

_STRIP = re.compile(r"[*\\`]")
_ENTITY_SPACE = re.compile(r"&#x20;|&nbsp;|&#160;", re.I)
_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The text form key facts are matched in: lowercase, no `*`, `\\` or backticks, whitespace collapsed.

    The gold validator uses the same function on the source files, so a fact that validates can be found in an
    answer that quotes the source (markdown emphasis and escapes differ between the two).

    >>> normalise("**Consent  Record**: a `signed`\\n agreement&#x20;")
    'consent record: a signed agreement'
    """
    t = _ENTITY_SPACE.sub(" ", text or "").lower()
    t = _STRIP.sub("", t)
    return _WS.sub(" ", t).strip()


# ------------------------------------------------------------------------------------------------------------
# retrieval


def first_relevant_rank(retrieved: Sequence[Source], expected: Iterable[Source]) -> int | None:
    """1-based rank of the first retrieved passage whose source is expected; None when there is none.

    >>> first_relevant_rank([("a", "x"), ("b", "y"), ("b", "y")], {("b", "y")})
    2
    >>> first_relevant_rank([("a", "x")], {("b", "y")}) is None
    True
    """
    exp = set(map(tuple, expected))
    for i, s in enumerate(retrieved, 1):
        if tuple(s) in exp:
            return i
    return None


def hit_at_k(retrieved: Sequence[Source], expected: Iterable[Source], k: int) -> float:
    """1.0 when an expected source is among the first k passages, else 0.0.

    >>> hit_at_k([("a", "x"), ("b", "y")], [("b", "y")], 1), hit_at_k([("a", "x"), ("b", "y")], [("b", "y")], 2)
    (0.0, 1.0)
    """
    r = first_relevant_rank(retrieved[:k], expected)
    return 1.0 if r is not None else 0.0


def reciprocal_rank(retrieved: Sequence[Source], expected: Iterable[Source], k: int | None = None) -> float:
    """1/rank of the first relevant passage (within the first k when given), 0.0 when none is retrieved.

    >>> reciprocal_rank([("a", "x"), ("b", "y"), ("c", "z")], [("c", "z")])
    0.3333333333333333
    >>> reciprocal_rank([("a", "x"), ("b", "y"), ("c", "z")], [("c", "z")], k=2)
    0.0
    """
    r = first_relevant_rank(retrieved[:k] if k else retrieved, expected)
    return 1.0 / r if r else 0.0


def ndcg_at_k(retrieved: Sequence[Source], expected: Iterable[Source], k: int) -> float:
    """Binary-relevance nDCG@k where each expected file earns gain once, at the first rank it appears.

    The ideal ranking puts min(|expected|, k) relevant files at the top.

    >>> ndcg_at_k([("a", "x"), ("b", "y")], [("a", "x")], 5)
    1.0
    >>> round(ndcg_at_k([("n", "1"), ("a", "x")], [("a", "x")], 5), 4)  # 1/log2(3)
    0.6309
    >>> ndcg_at_k([("a", "x"), ("a", "x")], [("a", "x"), ("b", "y")], 2) < 1.0  # a repeat earns nothing
    True
    >>> ndcg_at_k([("a", "x")], [], 5)
    0.0
    """
    exp = set(map(tuple, expected))
    if not exp:
        return 0.0
    seen: set[Source] = set()
    dcg = 0.0
    for i, s in enumerate(retrieved[:k], 1):
        s = tuple(s)
        if s in exp and s not in seen:
            seen.add(s)
            dcg += 1.0 / math.log2(i + 1)
    idcg = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(exp), k) + 1))
    return dcg / idcg


# ------------------------------------------------------------------------------------------------------------
# answers


def facts_found(answer: str, facts: Sequence[Sequence[str]]) -> list[bool]:
    """For each key fact (a list of alternative phrasings): does any alternative occur in the normalised answer?

    >>> facts_found("The **Consent** record is `signed`.", [["consent record"], ["is signed", "was signed"], ["audit"]])
    [True, True, False]
    """
    text = normalise(answer)
    return [any(normalise(alt) in text for alt in fact if normalise(alt)) for fact in facts]


def key_fact_recall(answer: str, facts: Sequence[Sequence[str]]) -> float | None:
    """Share of key facts found in the answer; None when the item has no key facts.

    >>> key_fact_recall("pays a monthly benefit", [["monthly"], ["yearly", "annual"]])
    0.5
    >>> key_fact_recall("anything", []) is None
    True
    """
    if not facts:
        return None
    found = facts_found(answer, facts)
    return sum(found) / len(found)


def citation_precision(cited: Sequence[Source], expected: Iterable[Source]) -> float | None:
    """Share of cited passages whose source is expected; None when nothing is cited.

    >>> citation_precision([("a", "x"), ("b", "y"), ("a", "x"), ("c", "z")], [("a", "x")])
    0.5
    >>> citation_precision([], [("a", "x")]) is None
    True
    """
    if not cited:
        return None
    exp = set(map(tuple, expected))
    return sum(1 for s in cited if tuple(s) in exp) / len(cited)


def citation_validity(cited: Sequence[Source], exists: Callable[[str, str], bool]) -> tuple[int, int]:
    """(valid, total): how many cited sources exist in the corpus release (exists(folder, path) says).

    >>> citation_validity([("a", "x"), ("a", "gone")], lambda f, p: p != "gone")
    (1, 2)
    """
    valid = sum(1 for f, p in cited if exists(f, p))
    return valid, len(cited)


def abstention_accuracy(pairs: Iterable[tuple[bool, bool]]) -> float | None:
    """Among unanswerable items, the share the assistant abstained on. pairs = (answerable, abstained).

    >>> abstention_accuracy([(False, True), (False, False), (True, True)])
    0.5
    """
    xs = [ab for ans, ab in pairs if not ans]
    return sum(xs) / len(xs) if xs else None


def false_abstention_rate(pairs: Iterable[tuple[bool, bool]]) -> float | None:
    """Among answerable items, the share the assistant wrongly abstained on (lower is better).

    >>> false_abstention_rate([(True, True), (True, False), (True, False), (False, True)])
    0.3333333333333333
    """
    xs = [ab for ans, ab in pairs if ans]
    return sum(xs) / len(xs) if xs else None


# ------------------------------------------------------------------------------------------------------------
# building-block suggestions


def set_prf(predicted: Iterable[Hashable], expected: Iterable[Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1) of a predicted set against an expected set (empty vs empty is perfect).

    >>> set_prf({"a", "b", "c"}, {"a", "b", "d", "e"})
    (0.6666666666666666, 0.5, 0.5714285714285715)
    >>> set_prf([], [])
    (1.0, 1.0, 1.0)
    """
    p, e = set(predicted), set(expected)
    if not p and not e:
        return 1.0, 1.0, 1.0
    tp = len(p & e)
    prec = tp / len(p) if p else 0.0
    rec = tp / len(e) if e else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def set_f1(predicted: Iterable[Hashable], expected: Iterable[Hashable]) -> float:
    """F1 of one suggestion's selected set against the expected set.

    >>> set_f1(["identity", "payments"], ["identity", "payments", "messaging", "consent"])
    0.6666666666666666
    """
    return set_prf(predicted, expected)[2]


def per_label_scores(pairs: Iterable[tuple[Iterable[str], Iterable[str]]]) -> dict[str, dict[str, float]]:
    """Per label (building block) precision/recall/F1 over many (predicted, expected) pairs.

    support = how many items expect the label; predicted = how many items predicted it.

    >>> s = per_label_scores([({"a", "b"}, {"a"}), ({"a"}, {"a", "c"})])
    >>> s["a"]["f1"], s["b"]["f1"], s["c"]["f1"], s["c"]["support"]
    (1.0, 0.0, 0.0, 1)
    """
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    labels: set[str] = set()
    for pred, exp in pairs:
        p, e = set(pred), set(exp)
        labels |= p | e
        for x in p & e:
            tp[x] += 1
        for x in p - e:
            fp[x] += 1
        for x in e - p:
            fn[x] += 1
    out = {}
    for x in sorted(labels):
        prec = tp[x] / (tp[x] + fp[x]) if tp[x] + fp[x] else 0.0
        rec = tp[x] / (tp[x] + fn[x]) if tp[x] + fn[x] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[x] = {"precision": prec, "recall": rec, "f1": f1, "support": tp[x] + fn[x], "predicted": tp[x] + fp[x]}
    return out


def macro_f1(per_label: Mapping[str, Mapping[str, float]], labels: Iterable[str] | None = None) -> float | None:
    """Unweighted mean F1 over labels (all labels seen, or the given ones that occur at all); None if none occur.

    >>> macro_f1({"a": {"f1": 1.0}, "b": {"f1": 0.0}})
    0.5
    >>> macro_f1({"a": {"f1": 1.0}, "b": {"f1": 0.0}}, labels=["b", "z"])  # "z" never occurs: not counted
    0.0
    """
    keys = [x for x in (labels if labels is not None else per_label) if x in per_label]
    if not keys:
        return None
    return sum(per_label[x]["f1"] for x in keys) / len(keys)


def core_recall(ranked: Sequence[str], core: Iterable[str], slack: int = 2) -> float | None:
    """Share of the core building blocks found in the top |core|+slack of the ranked suggestion.

    >>> core_recall(["identity", "payments", "messaging", "registration"], ["registration"])  # top 3
    0.0
    >>> core_recall(["identity", "payments", "registration"], ["registration", "gis"])  # top 4
    0.5
    """
    c = list(dict.fromkeys(core))
    if not c:
        return None
    top = set(ranked[: len(c) + slack])
    return sum(1 for x in c if x in top) / len(c)


def need_clause_scores(items: Sequence[Mapping[str, Any]], evidence: Sequence[Sequence[float]], labels: Sequence[str],
                       threshold: float) -> tuple[dict[str, float], list[str]]:
    """Need → building blocks on hand-labelled step clauses (items with `expected`, optional `acceptable`; an empty
    `expected` is a clause that needs no block): per clause its evidence for each of `labels`, a block named at
    evidence ≥ `threshold`. Returns the four figures and one line per clause the evidence gets wrong:
    top1 — among clauses that need a block, the strongest block is expected or acceptable; recall — share of expected
    blocks named; precision — share of named blocks that are expected or acceptable; none — no-block clauses naming
    none (NaN without such clauses).

    >>> items = [{"id": "a", "text": "pay the fee", "expected": ["payments"]},
    ...          {"id": "b", "text": "hold a meeting", "expected": []}]
    >>> m, errors = need_clause_scores(items, [[0.9, 0.5], [0.1, 0.2]], ["payments", "gis"], 0.4)
    >>> m["top1"], m["recall"], m["precision"], m["none"]
    (1.0, 1.0, 0.5, 1.0)
    >>> errors
    ["  a: 'pay the fee' expected ['payments'] named ['gis', 'payments']"]
    """
    top1 = n_lab = named_n = named_ok = got_exp = n_exp = none_ok = n_none = 0
    errors = []
    for it, ev in zip(items, evidence):
        ev = list(ev)
        named = {b for b, e in zip(labels, ev) if e >= threshold}
        exp = set(it["expected"])
        ok = exp | set(it.get("acceptable") or [])
        if not exp:
            n_none += 1
            none_ok += not named
        else:
            n_lab += 1
            top1 += labels[max(range(len(ev)), key=ev.__getitem__)] in ok
            n_exp += len(exp)
            got_exp += len(exp & named)
        named_n += len(named)
        named_ok += len(named & ok)
        if named - ok or exp - named:
            errors.append(f"  {it['id']}: {it['text']!r} expected {sorted(exp)} named {sorted(named)}")
    return ({"top1": top1 / max(1, n_lab), "recall": got_exp / max(1, n_exp), "precision": named_ok / max(1, named_n),
             "none": none_ok / n_none if n_none else float("nan")}, errors)


# ------------------------------------------------------------------------------------------------------------
# latency and aggregation


def percentile(values: Sequence[float], q: float) -> float | None:
    """q-th percentile (0–100) by linear interpolation between closest ranks (numpy's default).

    >>> percentile([10, 20, 30, 40], 50), percentile([10, 20, 30, 40], 95), percentile([], 50) is None
    (25.0, 38.5, True)
    """
    xs = sorted(float(v) for v in values if v is not None)
    if not xs:
        return None
    pos = (len(xs) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not None; None when there are none.

    >>> mean([1, None, 0]), mean([None]) is None
    (0.5, True)
    """
    xs = [float(v) for v in values if v is not None]
    return sum(xs) / len(xs) if xs else None


def group_by(records: Iterable[dict], key: Callable[[dict], Any]) -> dict[str, list[dict]]:
    """Records by group; key may return one group name or a list of them (an item about two BBs is in both).

    >>> sorted(group_by([{"bb": "a"}, {"bb": ["a", "b"]}, {"bb": None}], lambda r: r["bb"]).items())
    [('(none)', [{'bb': None}]), ('a', [{'bb': 'a'}, {'bb': ['a', 'b']}]), ('b', [{'bb': ['a', 'b']}])]
    """
    out: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        k = key(r)
        for g in (k if isinstance(k, (list, tuple)) else [k]):
            out[str(g) if g is not None else "(none)"].append(r)
    return dict(out)


def summarize_qa(records: Sequence[dict]) -> dict[str, Any]:
    """Headline QA metrics from per-item records (see evals.runner.score_answer for the fields).

    Retrieval, key-fact and citation-precision metrics are over answerable items; citation precision skips
    items that cite nothing or abstained; citation validity counts every citation of every item.

    >>> recs = [{"answerable": True, "abstained": False, "hit@1": 1.0, "hit@3": 1.0, "hit@5": 1.0, "rr": 1.0,
    ...          "ndcg@5": 1.0, "key_fact_recall": 0.5, "citation_precision": 1.0, "citations_valid": 2,
    ...          "citations_total": 2, "latency_ms": 100.0, "passed": True},
    ...         {"answerable": False, "abstained": True, "citations_valid": 1, "citations_total": 1,
    ...          "latency_ms": 50.0, "passed": True}]
    >>> s = summarize_qa(recs)
    >>> s["hit@5"], s["abstention_accuracy"], s["false_abstention_rate"], s["citation_validity"], s["pass_rate"]
    (1.0, 1.0, 0.0, 1.0, 1.0)
    """
    ans = [r for r in records if r.get("answerable")]
    pairs = [(bool(r.get("answerable")), bool(r.get("abstained"))) for r in records]
    cited = sum(r.get("citations_total", 0) for r in records)
    lat = [r.get("latency_ms") for r in records if r.get("latency_ms") is not None]
    return {
        "n": len(records),
        "n_answerable": len(ans),
        "n_unanswerable": len(records) - len(ans),
        "hit@1": mean(r.get("hit@1") for r in ans),
        "hit@3": mean(r.get("hit@3") for r in ans),
        "hit@5": mean(r.get("hit@5") for r in ans),
        "mrr": mean(r.get("rr") for r in ans),
        "ndcg@5": mean(r.get("ndcg@5") for r in ans),
        "key_fact_recall": mean(r.get("key_fact_recall") for r in ans),
        "citation_precision": mean(r.get("citation_precision") for r in ans if not r.get("abstained")),
        "citation_validity": (sum(r.get("citations_valid", 0) for r in records) / cited) if cited else None,
        "abstention_accuracy": abstention_accuracy(pairs),
        "false_abstention_rate": false_abstention_rate(pairs),
        "pass_rate": mean(1.0 if r.get("passed") else 0.0 for r in records),
        "latency_p50_ms": percentile(lat, 50),
        "latency_p95_ms": percentile(lat, 95),
    }


def summarize_suggest(records: Sequence[dict]) -> dict[str, Any]:
    """Headline suggestion metrics: mean set F1, per-BB macro F1, rare-BB macro F1, core recall, latency.

    >>> recs = [{"selected": ["gis", "identity"], "expected": ["gis", "identity"], "ranked": ["gis", "identity"],
    ...          "core": ["gis"], "latency_ms": 10.0, "passed": True},
    ...         {"selected": ["identity"], "expected": ["identity", "wallet"], "ranked": ["identity", "payments"],
    ...          "core": ["wallet"], "latency_ms": 30.0, "passed": False}]
    >>> s = summarize_suggest(recs)
    >>> round(s["set_f1"], 3), s["rare_bb_f1"], s["core_recall"], s["latency_p50_ms"]
    (0.833, 0.5, 0.5, 20.0)
    """
    ok = [r for r in records if not r.get("error")]
    per = per_label_scores((r["selected"], r["expected"]) for r in ok)
    lat = [r.get("latency_ms") for r in ok if r.get("latency_ms") is not None]
    focus = [r["focus_first"] for r in ok if r.get("focus_first") is not None]
    return {
        "n": len(records),
        "errors": len(records) - len(ok),
        "set_f1": mean(set_f1(r["selected"], r["expected"]) for r in ok),
        "precision": mean(set_prf(r["selected"], r["expected"])[0] for r in ok),
        "recall": mean(set_prf(r["selected"], r["expected"])[1] for r in ok),
        "bb_macro_f1": macro_f1(per),
        "rare_bb_f1": macro_f1(per, RARE_BBS),
        "core_recall": mean(core_recall(r["ranked"], r["core"]) for r in ok),
        "focus_at_1": mean(focus) if focus else None,  # short requests: their focus block ranks first
        "pass_rate": mean(1.0 if r.get("passed") else 0.0 for r in records),
        "latency_p50_ms": percentile(lat, 50),
        "latency_p95_ms": percentile(lat, 95),
    }


def breakdown(records: Sequence[dict], key: Callable[[dict], Any],
              summarize: Callable[[Sequence[dict]], dict]) -> dict[str, dict]:
    """The same summary for every group, e.g. per category: breakdown(recs, lambda r: r["category"], summarize_qa).

    >>> b = breakdown([{"c": "x", "v": 1}, {"c": "y", "v": 3}, {"c": "x", "v": 2}], lambda r: r["c"],
    ...               lambda rs: {"n": len(rs), "v": mean(r["v"] for r in rs)})
    >>> b
    {'x': {'n': 2, 'v': 1.5}, 'y': {'n': 1, 'v': 3.0}}
    """
    return {g: summarize(rs) for g, rs in sorted(group_by(records, key).items())}


def histogram(values: Sequence[float], bins: int = 12) -> list[tuple[float, float, int]]:
    """(low, high, count) bins spanning the values; the last bin includes its upper edge.

    >>> histogram([0, 1, 2, 3], bins=2)
    [(0.0, 1.5, 2), (1.5, 3.0, 2)]
    >>> histogram([], 3)
    []
    """
    xs = [float(v) for v in values if v is not None]
    if not xs:
        return []
    lo, hi = min(xs), max(xs)
    if hi == lo:
        return [(lo, hi, len(xs))]
    w = (hi - lo) / bins
    counts = [0] * bins
    for x in xs:
        counts[min(int((x - lo) / w), bins - 1)] += 1
    return [(lo + i * w, lo + (i + 1) * w, c) for i, c in enumerate(counts)]
