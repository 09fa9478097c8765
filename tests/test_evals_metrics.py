"""Eval metrics: worked examples, edge cases and properties (pure functions, no index)."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evals import metrics as m

A, B, C, D = ("bb-a", "x.md"), ("bb-b", "y.md"), ("bb-c", "z.md"), ("bb-d", "w.md")



def test_normalise_matches_markdown_source_to_plain_answer():
    src = "**Consent  Record**: a `signed`\n agreement&#x20;that is \\*tamper-proof\\*"
    assert m.normalise(src) == "consent record: a signed agreement that is tamper-proof"
    assert m.normalise(None) == ""


def test_retrieval_metrics_on_a_ranked_list():
    ranked = [C, A, A, B]
    assert m.first_relevant_rank(ranked, {A, B}) == 2
    assert (m.hit_at_k(ranked, {A}, 1), m.hit_at_k(ranked, {A}, 2)) == (0.0, 1.0)
    assert m.reciprocal_rank(ranked, {B}) == 0.25
    assert m.reciprocal_rank(ranked, {D}) == 0.0
    # both expected files found, at ranks 2 and 4 (the repeat of A at rank 3 earns nothing)
    dcg = 1 / math.log2(3) + 1 / math.log2(5)
    idcg = 1 + 1 / math.log2(3)
    assert m.ndcg_at_k(ranked, {A, B}, 5) == pytest.approx(dcg / idcg)
    assert m.ndcg_at_k(ranked, {A, B}, 3) == pytest.approx((1 / math.log2(3)) / idcg)
    assert m.ndcg_at_k([A, B], {A, B}, 5) == pytest.approx(1.0)


@given(st.lists(st.sampled_from([A, B, C, D]), max_size=12), st.sets(st.sampled_from([A, B, C, D]), min_size=1),
       st.integers(1, 12))
def test_retrieval_metric_properties(ranked, expected, k):
    n = m.ndcg_at_k(ranked, expected, k)
    assert 0.0 <= n <= 1.0 + 1e-9
    # hit@k is monotone in k, and MRR is positive exactly when something relevant was retrieved
    assert m.hit_at_k(ranked, expected, k) <= m.hit_at_k(ranked, expected, k + 1)
    assert (m.reciprocal_rank(ranked, expected) > 0) == any(s in expected for s in ranked)
    assert (n > 0) == (m.hit_at_k(ranked, expected, k) == 1.0)


def test_key_fact_recall_uses_alternatives_and_normalisation():
    answer = "Each **Consent Record** is kept under `version control` with tamper-proof revisions [1]."
    facts = [["under version control"], ["tamper proof", "tamper-proof revisions"], ["right to be forgotten"]]
    assert m.facts_found(answer, facts) == [True, True, False]
    assert m.key_fact_recall(answer, facts) == pytest.approx(2 / 3)
    assert m.key_fact_recall(answer, []) is None
    assert m.facts_found("anything", [[""]]) == [False]  # an empty alternative matches nothing


def test_citation_precision_and_validity():
    assert m.citation_precision([A, B, A], {A}) == pytest.approx(2 / 3)
    assert m.citation_precision([], {A}) is None
    assert m.citation_validity([A, B, C], lambda f, p: f != "bb-b") == (2, 3)


def test_abstention_rates_separate_answerable_from_unanswerable():
    pairs = [(False, True), (False, True), (False, False), (True, True), (True, False), (True, False), (True, False)]
    assert m.abstention_accuracy(pairs) == pytest.approx(2 / 3)
    assert m.false_abstention_rate(pairs) == pytest.approx(1 / 4)
    assert m.abstention_accuracy([(True, False)]) is None


def test_suggestion_set_metrics():
    assert m.set_prf({"a", "b"}, {"a", "c"}) == (0.5, 0.5, 0.5)
    assert m.set_f1([], ["a"]) == 0.0
    per = m.per_label_scores([({"gis", "identity"}, {"gis"}), ({"identity"}, {"identity", "wallet"}),
                              (set(), {"wallet"})])
    assert per["gis"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1, "predicted": 1}
    assert per["identity"]["precision"] == 0.5 and per["identity"]["recall"] == 1.0
    assert per["wallet"]["f1"] == 0.0 and per["wallet"]["support"] == 2
    assert m.macro_f1(per) == pytest.approx((1.0 + 2 / 3 + 0.0) / 3)
    # rare-BB F1 only averages the rare blocks that occur: gis (1.0) and wallet (0.0)
    assert m.macro_f1(per, m.RARE_BBS) == pytest.approx(0.5)
    assert m.macro_f1({}, m.RARE_BBS) is None


def test_core_recall_counts_only_the_top_core_plus_two():
    ranked = ["identity", "consent", "messaging", "registration", "payments"]
    assert m.core_recall(ranked, ["registration"]) == 0.0  # top 3 only
    assert m.core_recall(ranked, ["registration", "identity"]) == 1.0  # top 4
    assert m.core_recall(ranked, []) is None


def test_percentiles_and_histogram():
    xs = list(range(1, 101))
    assert m.percentile(xs, 50) == pytest.approx(50.5)
    assert m.percentile(xs, 95) == pytest.approx(95.05)
    assert m.percentile([7], 95) == 7.0
    h = m.histogram(xs, bins=10)
    assert len(h) == 10 and sum(c for _, _, c in h) == 100 and h[-1][1] == 100


def _qa(category, bb, answerable=True, hit=1.0, kf=1.0, abst=False, passed=True, lat=100.0):
    r = {"category": category, "bb": bb, "answerable": answerable, "abstained": abst, "passed": passed,
         "latency_ms": lat, "citations_valid": 1, "citations_total": 1}
    if answerable:
        r.update({"hit@1": hit, "hit@3": hit, "hit@5": hit, "rr": hit, "ndcg@5": hit, "key_fact_recall": kf,
                  "citation_precision": None if abst else 1.0})
    return r


def test_summaries_and_breakdowns_per_category_and_bb():
    recs = [_qa("api", ["consent"]), _qa("api", ["payments"], hit=0.0, kf=0.0, passed=False, lat=300.0),
            _qa("definition", ["consent", "identity"], abst=True, kf=0.0, passed=False),
            _qa("definition", [], answerable=False, abst=True)]
    s = m.summarize_qa(recs)
    assert s["n"] == 4 and s["n_answerable"] == 3
    assert s["hit@5"] == pytest.approx(2 / 3)
    assert s["false_abstention_rate"] == pytest.approx(1 / 3) and s["abstention_accuracy"] == 1.0
    assert s["citation_precision"] == 1.0  # the abstained item is left out
    assert s["pass_rate"] == 0.5
    by_bb = m.breakdown(recs, lambda r: r["bb"] or "cross-cutting", m.summarize_qa)
    assert set(by_bb) == {"consent", "payments", "identity", "cross-cutting"}
    assert by_bb["consent"]["n"] == 2 and by_bb["payments"]["hit@5"] == 0.0
    by_cat = m.breakdown(recs, lambda r: r["category"], m.summarize_qa)
    assert by_cat["api"]["latency_p95_ms"] == pytest.approx(290.0)


def test_suggest_summary_skips_errored_items():
    recs = [{"selected": ["gis"], "expected": ["gis"], "ranked": ["gis"], "core": ["gis"], "passed": True,
             "latency_ms": 5.0},
            {"selected": [], "expected": ["wallet"], "ranked": [], "core": ["wallet"], "passed": False,
             "error": "boom"}]
    s = m.summarize_suggest(recs)
    assert s["n"] == 2 and s["errors"] == 1 and s["set_f1"] == 1.0 and s["pass_rate"] == 0.5
