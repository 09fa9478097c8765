"""Runner, reports and regression gate against a fake assistant (no index, no model)."""
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from assistant.types import Answer, BuildingBlockScore, Citation, Suggestion
from evals import gate, report, runner
from evals.gold import CorpusRelease

FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "corpus"
TERMS = ("bb-consent", "spec/3-terminology.md")
README = ("bb-consent", "spec/README.md")
PAY = ("bb-payments", "spec/README.md")

ITEMS = [
    {"id": "t1", "question": "What is a revocation ticket?", "category": "terminology", "bb": "consent",
     "answerable": True, "release": "latest", "expected_sources": [{"folder": TERMS[0], "path": TERMS[1]}],
     "key_facts": [["takes back an earlier agreement"], ["revocation ticket"]]},
    {"id": "t2", "turns": ["Tell me about Consent.", "And how does it pay benefits?"], "category": "definition",
     "bb": ["consent", "payments"], "answerable": True, "release": "latest",
     "expected_sources": [{"folder": PAY[0], "path": PAY[1]}], "key_facts": [["benefit disbursements"], ["vouchers"]]},
    {"id": "u1", "question": "Who won the World Cup?", "category": "onboarding", "bb": None, "answerable": False,
     "release": "latest", "expected_sources": [], "key_facts": []},
    {"id": "u2", "question": "What does the Blockchain BB do?", "category": "definition", "bb": None,
     "answerable": False, "release": "latest", "expected_sources": [], "key_facts": []},
]


def cit(n, src, section="s"):
    return Citation(n=n, repo="GovStackWorkingGroup/" + src[0], folder=src[0], path=src[1], release="latest",
                    bb="consent", title="t", section=section, url=None, snippet="…")


class FakeAssistant:
    """Scripted answers per question; records every call so tests can check history and filters."""

    def __init__(self, script, suggestions=None):
        self.script = script
        self.suggestions = suggestions or {}
        self.calls = []

    def ask(self, question, history=None, filters=None):
        self.calls.append({"question": question, "history": history, "filters": filters})
        text, retrieved, cited, abstained = self.script[question]
        return Answer(question=question, text=text, retrieved=[cit(i, s) for i, s in enumerate(retrieved, 1)],
                      citations=[cit(i, s) for i, s in enumerate(cited, 1)], abstained=abstained,
                      timings_ms={"total": 10.0 * len(self.calls)})

    def suggest(self, description, exclude_use_cases=None):
        self.calls.append({"description": description, "exclude": exclude_use_cases})
        ranked = self.suggestions[description]
        return Suggestion(description=description, timings_ms={"total": 5.0}, building_blocks=[
            BuildingBlockScore(id=b, name=b, score=1.0 - i / 10, selected=sel) for i, (b, sel) in enumerate(ranked)])


SCRIPT = {
    # pass: expected source at rank 2, both facts (one needs normalisation of the markdown)
    "What is a revocation ticket?": ("A **Revocation Ticket** is the record created when a person *takes back an "
                                     "earlier agreement* [1].", [README, TERMS, TERMS], [TERMS], False),
    "Tell me about Consent.": ("Consent records agreements [1].", [README], [README], False),
    # fail: right page at rank 1 but only one of two key facts
    "And how does it pay benefits?": ("Payments handles benefit disbursements [1].", [PAY, README],
                                      [PAY, ("bb-consent", "spec/gone.md")], False),
    "Who won the World Cup?": ("The GovStack specification does not cover this.", [README], [README], True),
    "What does the Blockchain BB do?": ("Blockchain is great [1].", [README], [README], False),
}


@pytest.fixture
def qa_records():
    fake = FakeAssistant(SCRIPT)
    recs = runner.run_qa(fake, ITEMS, release="latest", corpus_release=CorpusRelease(FIXTURE_CORPUS, "latest"),
                         show_progress=False)
    return fake, recs


def test_items_are_scored_with_pass_and_why(qa_records):
    fake, recs = qa_records
    r = {x["id"]: x for x in recs}
    assert r["t1"]["passed"] and r["t1"]["hit@5"] == 1.0 and r["t1"]["rr"] == 0.5 and r["t1"]["key_fact_recall"] == 1.0
    assert r["t1"]["why"] == [] and r["t1"]["retrieved"][1]["relevant"] is True
    assert r["t2"]["passed"] is True  # hit@5 and exactly half the key facts: passes (≥ 0.5)
    assert r["t2"]["facts_missing"] == ["vouchers"]
    assert r["t2"]["citations_valid"] == 1 and r["t2"]["citations_total"] == 2  # spec/gone.md does not exist
    assert r["t2"]["citation_precision"] == 0.5
    assert r["u1"]["passed"] and not r["u2"]["passed"]
    assert "should abstain" in r["u2"]["why"][0]
    assert r["t2"]["type"] == "multi-turn" and r["u1"]["type"] == "unanswerable"


def test_multi_turn_feeds_history_and_release_filter(qa_records):
    fake, _ = qa_records
    second = next(c for c in fake.calls if c["question"] == "And how does it pay benefits?")
    assert second["history"] == [{"role": "user", "content": "Tell me about Consent."},
                                 {"role": "assistant", "content": "Consent records agreements [1]."}]
    assert all(c["filters"] == {"release": "latest"} for c in fake.calls)
    first = next(c for c in fake.calls if c["question"] == "Tell me about Consent.")
    assert first["history"] == []


def test_a_failing_item_records_its_error_and_the_run_goes_on():
    class Broken(FakeAssistant):
        def ask(self, question, history=None, filters=None):
            if "revocation" in question:
                raise RuntimeError("index exploded")
            return super().ask(question, history, filters)

    recs = runner.run_qa(Broken(SCRIPT), ITEMS, show_progress=False)
    assert len(recs) == 4
    bad = recs[0]
    assert not bad["passed"] and "index exploded" in bad["error"] and bad["hit@5"] == 0.0


def test_retrieval_miss_and_abstention_are_explained():
    script = dict(SCRIPT)
    script["What is a revocation ticket?"] = ("The GovStack specification does not cover this.", [PAY] * 6 + [TERMS],
                                              [], True)
    r = runner.run_qa(FakeAssistant(script), ITEMS[:1], show_progress=False)[0]
    assert not r["passed"] and r["first_relevant_rank"] == 7
    why = " | ".join(r["why"])
    assert "first at rank 7" in why and "key facts 0/2" in why and "abstained" in why


def test_an_api_expected_as_json_is_found_in_its_indexed_yaml_copy():
    item = dict(ITEMS[0], expected_sources=[{"folder": "bb-messaging", "path": "api/swagger.json"}])
    script = {item["question"]: ("It takes back an earlier agreement: a revocation ticket [1].",
                                 [PAY, ("bb-messaging", "api/swagger.yaml")], [("bb-messaging", "api/swagger.yaml")], False)}
    r = runner.run_qa(FakeAssistant(script), [item], show_progress=False)[0]
    assert r["first_relevant_rank"] == 2 and r["passed"]
    assert r["expected_sources"] == ["bb-messaging/api/swagger.json"]  # reported as the gold has it


def test_suggestions_scored_leave_one_out():
    items = [{"id": "UC-1", "description": "d1", "expected": ["identity", "payments", "gis"], "core": ["gis"],
              "source": "product", "exclude_use_cases": ["UC-1"]},
             {"id": "novel-1", "description": "d2", "expected": ["wallet", "identity"], "core": ["wallet"]}]
    fake = FakeAssistant({}, {"d1": [("identity", True), ("payments", True), ("gis", True), ("messaging", True)],
                              "d2": [("identity", True), ("payments", True), ("consent", False), ("wallet", False)]})
    recs = runner.run_suggest(fake, items, show_progress=False)
    assert fake.calls[0]["exclude"] == ["UC-1"] and fake.calls[1]["exclude"] is None
    a, b = recs
    assert a["passed"] and a["f1"] == pytest.approx(6 / 7) and a["core_recall"] == 1.0
    assert not b["passed"] and b["core_recall"] == 0.0 and b["missing"] == ["wallet"] and b["extra"] == ["payments"]
    assert "core not in top 3: wallet" in b["why"][0]
    res = runner.build_results("suggest", [], recs)
    assert res["metrics"]["suggest"]["rare_bb_f1"] == pytest.approx((1.0 + 0.0) / 2)  # gis 1.0, wallet 0.0
    assert res["breakdowns"]["suggest"]["bb"]["wallet"]["support"] == 1
    assert res["metrics"]["suggest"]["focus_at_1"] is None  # no short request in this run


def test_short_requests_are_scored_on_their_focus_among_all_fifteen():
    """A short request's focus must rank first even among blocks its writer did not judge (unlabelled)."""
    items = [{"id": "S-1", "description": "s1", "expected": ["gis"], "core": ["gis"], "focus": "gis",
              "unlabelled": ["identity", "messaging"], "source": "short-request"},
             {"id": "S-2", "description": "s2", "expected": ["wallet"], "core": ["wallet"], "focus": "wallet",
              "unlabelled": ["identity"], "source": "short-request"}]
    fake = FakeAssistant({}, {"s1": [("gis", True), ("identity", True), ("messaging", True)],
                              "s2": [("identity", True), ("wallet", True), ("gis", False)]})
    a, b = runner.run_suggest(fake, items, show_progress=False)
    assert a["passed"] and a["focus_first"] == 1.0
    # wallet is second only to an unlabelled block: core recall (judged blocks) is fine, the focus check is not
    assert b["core_recall"] == 1.0 and b["focus_first"] == 0.0 and not b["passed"]
    assert "focus wallet not ranked first (identity is)" in b["why"][0]
    assert runner.build_results("suggest", [], [a, b])["metrics"]["suggest"]["focus_at_1"] == 0.5


@pytest.fixture
def results(qa_records):
    _, recs = qa_records
    return runner.build_results("qa", recs, [], meta={"release": "latest", "created": "now", "backend": "offline",
                                                      "gold": {"qa": "abc"}})


def test_results_document_has_headline_breakdowns_and_items(results):
    q = results["metrics"]["qa"]
    assert q["n"] == 4 and q["abstention_accuracy"] == 0.5 and q["false_abstention_rate"] == 0.0
    assert q["citation_validity"] == pytest.approx(4 / 5)
    assert set(results["breakdowns"]["qa"]["bb"]) == {"consent", "payments", "cross-cutting"}
    assert results["worst_groups"][0]["pass_rate"] < 1.0
    json.dumps(results)  # serialisable as is


def test_reports_are_self_contained(results, tmp_path):
    g = gate.compare(results, results)
    paths = report.write_reports(results, tmp_path, g)
    page = paths["html"].read_text()
    assert "<script" not in page and "<link" not in page and "http" not in page.split("<body>")[0]
    assert page.count("<svg") >= 3  # per-category, per-BB, latency histogram (+ deltas)
    for svg in page.split("<svg")[1:]:
        ET.fromstring("<svg" + svg.split("</svg>")[0] + "</svg>")  # each chart is well-formed XML
    md = paths["md"].read_text()
    assert "| hit@5 |" in md and "Regression gate: pass" in md and "`u2`" in md
    assert json.loads(paths["json"].read_text())["gate"]["regressed"] is False


def test_gate_flags_metric_drops_and_item_flips(results):
    worse = json.loads(json.dumps(results))
    worse["items"][0]["passed"] = False
    worse["metrics"]["qa"]["hit@5"] -= 0.1
    worse["metrics"]["qa"]["false_abstention_rate"] += 0.01  # within tolerance
    worse["metrics"]["qa"]["latency_p95_ms"] *= 10  # reported, never gated
    g = gate.compare(worse, results)
    assert g["regressed"]
    assert [f["id"] for f in g["pass_to_fail"]] == ["t1"]
    reasons = " ".join(g["reasons"])
    assert "hit@5 fell" in reasons and "false_abstention_rate" not in reasons and "latency" not in reasons
    # one flip allowed and a looser tolerance: passes
    assert not gate.compare(worse, results, tolerance=0.2, max_flips=1)["regressed"]
    # lower-is-better metrics regress upwards
    more_abst = json.loads(json.dumps(results))
    more_abst["metrics"]["qa"]["false_abstention_rate"] = 0.5
    assert any("false_abstention_rate" in r for r in gate.compare(more_abst, results)["reasons"])
    better = json.loads(json.dumps(results))
    better["items"][3]["passed"] = True
    g2 = gate.compare(better, results)
    assert not g2["regressed"] and [f["id"] for f in g2["fail_to_pass"]] == ["u2"]


def test_baseline_file_errors_say_what_to_do(tmp_path):
    with pytest.raises(gate.BaselineError, match="--write-baseline"):
        gate.load_results(tmp_path / "none.json")
    (tmp_path / "x.json").write_text("{}")
    with pytest.raises(gate.BaselineError, match="not an eval results file"):
        gate.load_results(tmp_path / "x.json")


def test_committed_smoke_baseline_is_a_results_file():
    p = Path(__file__).parents[1] / "evals" / "baselines" / "smoke.json"
    base = gate.load_results(p)
    from evals import suites

    qa_ids = {it["id"] for it in base["items"] if it.get("suite", "qa") == "qa"}
    assert qa_ids == set(suites.SMOKE_QA_IDS)
    assert base["suite"] == "smoke" and base["metrics"]["qa"]["n"] == len(suites.SMOKE_QA_IDS)
