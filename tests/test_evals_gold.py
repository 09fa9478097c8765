"""Gold sets: schema and size (no corpus needed), the validator on the fixture corpus, and on the real snapshot."""
import json
from pathlib import Path

import pytest

from evals import gold, suites

FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def qa():
    return gold.load_qa()


@pytest.fixture(scope="module")
def novel():
    return gold.load_novel_use_cases()


def test_gold_files_meet_the_schema_and_size_requirements(qa, novel):
    assert gold.check_qa_schema(qa) == []
    assert gold.check_use_case_schema(novel) == []
    assert gold.check_sizes(qa, novel) == []
    s = gold.summary(qa, novel)
    assert s["questions"] >= 150 and s["multi_turn"] >= 15 and s["unanswerable"] >= 15 and s["novel_use_cases"] >= 15
    assert all(it.get("release") == "latest" for it in qa)


def test_dev_and_test_use_cases_meet_the_schema_and_do_not_overlap(novel):
    dev, test = gold.load_dev_use_cases(), gold.load_test_use_cases() + gold.load_test2_use_cases()
    scope = gold.load_jsonl(gold.GOLD_DIR / "usecases_test_scope.jsonl")
    steps = [it for name in ("usecases_dev_steps.jsonl", "usecases_dev_steps2.jsonl")
             for it in gold.load_jsonl(gold.GOLD_DIR / name)]  # two steps-listing writers
    assert gold.check_use_case_schema(dev) == [] and gold.check_use_case_schema(test) == []
    assert gold.check_use_case_schema(scope) == [] and gold.check_use_case_schema(steps) == []
    assert len(dev) >= 60 and len(test) >= 60 and len(scope) >= 30 and len(steps) == 60
    # its core is derived from its own step lists: the blocks in at least half of them
    for it in steps:
        used = [{b.strip() for b in s.split("→")[-1].split(",")} for s in it["steps"]]
        assert sorted(it["core"]) == sorted(b for b in it["expected"] if 2 * sum(b in u for u in used) >= len(used)), it["id"]
    test = test + scope + steps
    ids = [it["id"] for it in novel + dev + test]
    assert len(ids) == len(set(ids)), "use-case ids must be unique across novel, dev and test"
    texts = {it["description"] for it in novel + dev}
    assert not any(it["description"] in texts for it in test), "a test description leaked into the fitting data"
    # an item that does not judge a BB cannot also expect it
    bad = dict(test[0], unlabelled=list(test[0]["expected"][:1]))
    assert gold.check_use_case_schema([bad])


def test_probe_use_cases_meet_the_schema_and_share_no_description_with_a_test_set(novel):
    probe = gold.load_jsonl(gold.GOLD_DIR / "usecases_probe.jsonl")
    assert gold.check_use_case_schema(probe) == [] and len(probe) == 215
    assert {it["style"] for it in probe} == {"novel", "long", "short", "esl", "shall", "citizen"}
    assert all("focus" in it for it in probe if it["style"] == "short")
    test = (gold.load_test_use_cases() + gold.load_test2_use_cases() + gold.load_short_requests()
            + gold.load_jsonl(gold.GOLD_DIR / "usecases_test_scope.jsonl"))
    assert not {it["description"] for it in probe} & {it["description"] for it in test}
    others = [it["id"] for it in novel + gold.load_dev_use_cases() + test]
    assert not {it["id"] for it in probe} & set(others)


def test_need_clauses_are_labelled_with_known_blocks_and_do_not_overlap():
    """The hand-labelled step clauses (bench: need → building blocks; the dev files fit the need model and are the
    lexicon's step examples): known ids, expected and acceptable apart, clauses that need no block in
    the scored files, and no clause in two files (a test clause among the examples would be scored against itself)."""
    files = {h: gold.GOLD_DIR / f"needs_{h}.jsonl" for h in ("dev", "dev2", "dev3", "dev4", "test", "test2")}
    halves = {h: gold.load_jsonl(p) for h, p in files.items() if p.exists()}
    assert {"dev", "test"} <= set(halves), "evals/gold/needs_dev.jsonl or needs_test.jsonl is missing"
    for h, items in halves.items():
        assert len(items) >= 90 and len({it["id"] for it in items}) == len(items)
        for it in items:
            labels = set(it["expected"]) | set(it.get("acceptable") or [])
            assert labels <= gold.known_bbs() and not set(it["expected"]) & set(it.get("acceptable") or []), it["id"]
            assert 2 <= len(it["text"].split()) <= 25 and len(it["expected"]) <= 2, it["id"]
        if h != "dev2":
            assert sum(not it["expected"] for it in items) >= 5
    texts = [t for items in halves.values() for t in {it["text"].lower() for it in items}]
    assert len(texts) == len(set(texts))


def test_short_requests_name_one_focus_per_item_two_per_block(novel):
    dev = gold.load_jsonl(gold.GOLD_DIR / "usecases_short_dev.jsonl")
    test = gold.load_short_requests()
    assert gold.check_use_case_schema(dev) == [] and gold.check_use_case_schema(test) == []
    for items in (dev, test):
        assert len(items) == 30
        assert sorted(it["focus"] for it in items) == sorted(list(gold.known_bbs()) * 2)
        assert all(it["core"] == [it["focus"]] and len(it["description"].split()) <= 60 for it in items)
    assert all(it["source"] == "short-request" for it in test)
    ids = [it["id"] for it in novel + gold.load_dev_use_cases() + gold.load_test_use_cases() + gold.load_test2_use_cases()
           + dev + test]
    ids += [it["id"] for it in gold.load_jsonl(gold.GOLD_DIR / "usecases_test_scope.jsonl")
            + gold.load_jsonl(gold.GOLD_DIR / "usecases_dev_steps.jsonl")
            + gold.load_jsonl(gold.GOLD_DIR / "usecases_dev_steps2.jsonl")]
    assert len(ids) == len(set(ids))
    assert not {it["description"] for it in dev} & {it["description"] for it in test}
    bad = dict(test[0], focus="wallet" if test[0]["focus"] != "wallet" else "gis")
    assert gold.check_use_case_schema([bad]) == [f"{bad['id']}: focus must be expected and core"]


def test_smoke_subset_is_fixed_stratified_and_exists(qa):
    by_id = {it["id"]: it for it in qa}
    assert set(suites.SMOKE_QA_IDS) <= set(by_id), "smoke ids missing from qa.jsonl: run python -m evals.suites"
    items = suites.qa_items("smoke")
    assert 35 <= len(items) <= 45
    assert {it["category"] for it in items} == set(gold.CATEGORIES)
    assert sum(1 for it in items if it.get("turns")) >= 3
    assert sum(1 for it in items if not it["answerable"]) >= 3
    # the committed list is what the selection procedure gives for the current gold (so it can be regenerated)
    assert list(suites.SMOKE_QA_IDS) == suites.select_smoke(qa)


def test_schema_checker_reports_each_kind_of_problem():
    good = {"id": "q1", "question": "What?", "category": "api", "bb": "consent", "answerable": True,
            "release": "latest", "expected_sources": [{"folder": "bb-consent", "path": "spec/README.md"}],
            "key_facts": [["auditable trail"]]}
    items = [good, dict(good),  # duplicate id
             dict(good, id="q2", turns=["a", "b"]),  # both question and turns
             dict(good, id="q3", category="gossip", bb="blockchain"),
             dict(good, id="q4", answerable=False),  # unanswerable with sources
             dict(good, id="q5", key_facts=[[]])]
    errs = "\n".join(gold.check_qa_schema(items))
    for needle in ("q1: duplicate id", "q2: needs exactly one", "unknown category 'gossip'",
                   "unknown building block 'blockchain'", "q4: an unanswerable item", "q5: key_facts"):
        assert needle in errs
    assert gold.check_sizes(items, []) and "need at least 150" in gold.check_sizes(items, [])[0]


def test_validator_on_the_fixture_corpus():
    items = [
        {"id": "ok-term", "release": "latest", "answerable": True,
         "expected_sources": [{"folder": "bb-consent", "path": "spec/3-terminology.md"}],
         "key_facts": [["**Revocation Ticket**"], ["short-lived proof"]]},
        {"id": "ok-api", "release": "latest", "answerable": True,
         "expected_sources": [{"folder": "bb-consent", "path": "api/consent.yaml"}],
         "key_facts": [["POST /tokens/{tokenId}/revoke"], ["revoke a consent token"]]},
        {"id": "bad-fact", "release": "latest", "answerable": True,
         "expected_sources": [{"folder": "bb-consent", "path": "spec/3-terminology.md"}],
         "key_facts": [["short-lived proof", "a long-lived proof"]]},
        {"id": "bad-source", "release": "latest", "answerable": True,
         "expected_sources": [{"folder": "bb-consent", "path": "spec/9-nothing.md"}], "key_facts": [["x"]]},
    ]
    errs = gold.validate_against_corpus(items, FIXTURE_CORPUS)
    assert not any(e.startswith("ok-") for e in errs), errs
    assert any(e.startswith("bad-fact") and "a long-lived proof" in e for e in errs)
    assert any(e.startswith("bad-source") and "spec/9-nothing.md" in e for e in errs)
    # the same gold checked against the older release: the renamed term no longer holds there
    old = gold.validate_against_corpus(items[:1], FIXTURE_CORPUS, release="23Q4")
    assert len(old) == 1 and "revocation ticket" in old[0].lower()


def test_product_use_cases_derive_gold_from_the_corpus():
    items = gold.product_use_cases(FIXTURE_CORPUS, "latest")
    assert [it["id"] for it in items] == ["TST-1"]
    it = items[0]
    assert it["expected"] == ["consent", "payments"] and it["exclude_use_cases"] == ["TST-1"]
    assert sorted(it["core"]) == ["consent", "payments"]  # each is used in 1 of 2 steps: half counts
    assert "monthly benefit" in it["description"]
    assert "bb-payments" not in it["description"] and "Building Blocks" not in it["description"]


def test_broken_gold_line_is_reported_with_its_line(tmp_path):
    p = tmp_path / "qa.jsonl"
    p.write_text(json.dumps({"id": "a"}) + "\n\n{not json\n")
    with pytest.raises(gold.GoldError, match=r"qa.jsonl:3"):
        gold.load_jsonl(p)


def test_independent_question_sets_meet_the_schema_and_are_run_by_the_qa_suite(qa):
    dev2, test = gold.load_qa_dev2(), gold.load_qa_test()
    assert len(dev2) == 4370 and gold.check_qa_schema(dev2) == []
    assert gold.check_qa_schema(test) == [] and {it["source"] for it in test} == {"independent", "independent2", "independent3"}
    assert {it["source"] for it in qa} == {"dev"} and {it["source"] for it in dev2} == {"dev-independent"}
    ids = [it["id"] for it in qa + dev2 + test]
    assert len(ids) == len(set(ids))
    assert not {gold.question_of(it) for it in qa} & {gold.question_of(it) for it in dev2 + test}
    run = suites.qa_items("qa")
    assert len(run) == len(qa) + len(dev2) + len(test)
    assert len(suites.qa_items("smoke")) == len(suites.SMOKE_QA_IDS)  # the smoke subset stays the dev one


@pytest.mark.corpus
def test_gold_holds_in_the_real_corpus(qa, novel, real_corpus):
    assert gold.validate_against_corpus(qa + gold.load_qa_dev2() + gold.load_qa_test(), real_corpus) == []
    assert gold.validate_use_cases_against_corpus(novel, real_corpus) == []
    products = gold.product_use_cases(real_corpus, "latest")
    assert len(products) == 16
    assert all(set(p["core"]) <= set(p["expected"]) for p in products)


def test_negation_sets_name_known_blocks_and_each_item_is_a_decline_or_a_trap():
    """usecases_declined.jsonl (dev) and usecases_declined_test*.jsonl (held out): a service and a sentence ruling
    blocks out (`declined`), or a trap whose negation rules nothing out and whose `kept` blocks must stay."""
    from assistant import registry

    dev = gold.load_jsonl(gold.GOLD_DIR / "usecases_declined.jsonl")
    test = gold.load_jsonl(gold.GOLD_DIR / "usecases_declined_test.jsonl")
    test2 = gold.load_jsonl(gold.GOLD_DIR / "usecases_declined_test2.jsonl")
    test3 = gold.load_jsonl(gold.GOLD_DIR / "usecases_declined_test3.jsonl")
    ids = [it["id"] for it in dev + test + test2 + test3]
    assert len(ids) == len(set(ids)) and len(dev) == 945 and len(test) == 40 and len(test2) == 40 and len(test3) == 120
    test = test + test2 + test3
    known = set(registry.bb_ids())
    for it in dev + test:
        assert it["service"].strip() and set(it["declined"]) <= known and set(it["kept"]) <= known, it["id"]
        # a decline (which may name blocks it keeps: "pay the county, but nothing is bought through the system"), or a
        # trap with blocks to keep
        assert (it["declined"] or it["kept"]) and not set(it["declined"]) & set(it["kept"]), it["id"]
    assert not {it["service"] for it in dev} & {it["service"] for it in test}
