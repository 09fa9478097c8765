"""Release comparison, the naive baseline and the `eval` command on the tiny fixture corpus (hash embedder)."""
import json
import shutil
from pathlib import Path

import pytest

from assistant.config import Settings
from evals import compare

FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "corpus"

ITEMS = [
    {"id": "rt", "question": "What is a Revocation Ticket in the Consent building block?", "category": "terminology",
     "bb": "consent", "answerable": True, "release": "latest",
     "expected_sources": [{"folder": "bb-consent", "path": "spec/3-terminology.md"}],
     "key_facts": [["revocation ticket"], ["takes back an earlier agreement"]]},
    {"id": "req", "question": "Must it be possible to revoke a consent token at any time?", "category": "requirement",
     "bb": "consent", "answerable": True, "release": "latest",
     "expected_sources": [{"folder": "bb-consent", "path": "spec/6-functional-requirements.md"}],
     "key_facts": [["revoke a consent token at any time"]]},
    {"id": "token", "question": "What is a consent token?", "category": "terminology", "bb": "consent",
     "answerable": True, "release": "latest",
     "expected_sources": [{"folder": "bb-consent", "path": "spec/3-terminology.md"}],
     "key_facts": [["short-lived proof"]]},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    dst = tmp_path_factory.mktemp("evc") / "corpus"
    shutil.copytree(FIXTURE_CORPUS, dst)
    return dst


@pytest.fixture(scope="module")
def comparison(tmp_path_factory, corpus):
    base = tmp_path_factory.mktemp("evc-index")
    s = Settings(index_dir=base / "index", embedding_model="hash:128", cache_dir=base / "cache")
    return s, compare.compare_releases(s, corpus, "23Q4", "latest", ITEMS, show_progress=False)


def test_page_changes_between_releases(corpus):
    ch = compare.page_changes(corpus, "23Q4", "latest")
    assert ch["changed"] == [("bb-consent", "spec/3-terminology.md")]
    assert ("bb-consent", "spec/6-functional-requirements.md") in ch["new"]
    assert ("bb-payments", "api/payments.yaml") in ch["new"] and ch["removed"] == []


def test_compare_reports_stale_gold_gaps_and_changed_answers(comparison):
    _, c = comparison
    assert c["releases"] == ["23Q4", "latest"]
    stale_old = {r["id"]: r for r in c["gold_to_update"]["23Q4"]}
    assert set(stale_old) == {"rt", "req"}  # "token" still holds in 23Q4
    assert stale_old["rt"]["kinds"] == ["missing_fact"] and "revocation ticket" in stale_old["rt"]["problems"][0]
    assert stale_old["req"]["kinds"] == ["missing_source"]
    assert c["gold_to_update"]["latest"] == []
    gaps = {g["page"] for g in c["coverage_gaps"]}
    assert "bb-consent/spec/8-service-apis.md" in gaps and "bb-payments/spec/README.md" in gaps
    assert "bb-consent/spec/3-terminology.md" not in gaps  # changed, but gold covers it
    covered = {g["page"]: g["items"] for g in c["covered_changes"]}
    assert covered["bb-consent/spec/3-terminology.md"] == ["rt", "token"]
    assert c["pages"]["changed"] == 1 and c["pages"]["new"] == len(c["coverage_gaps"]) + len(covered) - 1
    changed = {a["id"]: a for a in c["answers_changed"]}
    assert "rt" in changed  # the renamed term: answered from different text in the two releases
    assert changed["rt"]["old"]["answer"] != changed["rt"]["new"]["answer"]
    # each run was filtered to its own release
    assert all(x["release"] == "23Q4" for x in c["records"]["23Q4"][0]["retrieved"])
    assert all(x["release"] == "latest" for x in c["records"]["latest"][0]["retrieved"])
    assert c["metrics"]["latest"]["n"] == 3


def test_compare_is_incremental_on_a_second_run(comparison, corpus):
    from assistant.api import ingest

    s, _ = comparison
    rep = ingest(s, releases=["23Q4", "latest"], corpus=corpus).to_dict()
    assert rep["chunks"]["embedded"] == 0


def test_naive_baseline_builds_once_and_is_reused(tmp_path, corpus):
    from evals.naive import NaiveBaseline, run_naive

    nb = NaiveBaseline.build(corpus, "latest", tmp_path / "naive", model="hash:128", show_progress=False)
    assert nb.info["cached"] is False and nb.info["chunks"] >= nb.info["files"] == 7
    hits = nb.search("Revocation Ticket record takes back an earlier agreement", k=3)
    assert hits and all(len(h) == 3 for h in hits)
    assert ("bb-consent", "spec/3-terminology.md") in [(f, p) for f, p, _ in hits]
    again = NaiveBaseline.build(corpus, "latest", tmp_path / "naive", model="hash:128", show_progress=False)
    assert again.info["cached"] is True and again.info["fingerprint"] == nb.info["fingerprint"]
    res = run_naive(again, ITEMS + [{"id": "na", "question": "x", "answerable": False, "category": "api"}],
                    show_progress=False)
    assert res["metrics"]["n"] == 3  # unanswerable items are not asked
    assert 0.0 < res["metrics"]["hit@5"] <= 1.0 and res["metrics"]["key_fact_recall"] is not None
    # a changed corpus file means a new store
    (corpus / "latest/bb-payments/spec/README.md").write_text("# Payments\n\nChanged.\n")
    try:
        assert NaiveBaseline.build(corpus, "latest", tmp_path / "naive", model="hash:128",
                                   show_progress=False).info["cached"] is False
    finally:
        shutil.copy(FIXTURE_CORPUS / "latest/bb-payments/spec/README.md", corpus / "latest/bb-payments/spec/README.md")


def test_eval_command_end_to_end_with_gate(comparison, corpus, tmp_path, capsys, monkeypatch):
    from assistant.cli import main

    s, _ = comparison
    for k in ("GOVSTACK_INDEX_DIR", "GOVSTACK_LLM", "GOVSTACK_RELEASE", "GOVSTACK_EMBEDDING_MODEL"):
        monkeypatch.delenv(k, raising=False)
    rep = tmp_path / "rep"
    common = ["eval", "--index", str(s.index_dir), "--corpus", str(corpus), "--report", str(rep), "--limit", "4"]
    assert main(common + ["--suite", "smoke", "--write-baseline", str(tmp_path / "base.json")]) == 0
    out = capsys.readouterr().out
    assert "qa: 4 items" in out and "reports:" in out
    assert {p.name for p in rep.iterdir()} >= {"smoke-latest.json", "smoke-latest.md", "smoke-latest.html"}
    base = json.loads((tmp_path / "base.json").read_text())
    assert base["suite"] == "smoke" and len([i for i in base["items"] if i["suite"] == "qa"]) == 4
    # the baseline file is slimmed for committing: top sources as strings, no timings
    assert all(isinstance(x, str) for i in base["items"] for x in i.get("retrieved", []))
    assert not any("timings_ms" in i for i in base["items"]) and base["metrics"]["qa"]["n"] == 4
    # the same run against its own baseline passes the gate
    assert main(common + ["--suite", "smoke", "--baseline", str(tmp_path / "base.json"), "--fail-on-regression"]) == 0
    assert "gate: pass" in capsys.readouterr().out
    # a baseline in which a failing item passed (and hit@5 was higher) makes the gate fail with exit code 3
    failing = next(i for i in base["items"] if i["suite"] == "qa" and not i["passed"])
    failing["passed"] = True
    base["metrics"]["qa"]["hit@5"] = (base["metrics"]["qa"]["hit@5"] or 0) + 0.5
    (tmp_path / "better.json").write_text(json.dumps(base))
    code = main(common + ["--suite", "smoke", "--baseline", str(tmp_path / "better.json"), "--fail-on-regression"])
    out = capsys.readouterr().out
    assert code == 3 and "gate: FAIL" in out and failing["id"] in out
    # without --fail-on-regression the verdict is reported but the exit code stays 0
    assert main(common + ["--suite", "smoke", "--baseline", str(tmp_path / "better.json")]) == 0


def test_eval_command_compare_releases(comparison, corpus, tmp_path, capsys, monkeypatch):
    from assistant.cli import main

    s, _ = comparison
    monkeypatch.delenv("GOVSTACK_INDEX_DIR", raising=False)
    rep = tmp_path / "rep"
    code = main(["eval", "--index", str(s.index_dir), "--corpus", str(corpus), "--report", str(rep), "--limit", "3",
                 "--compare-releases", "23Q4", "latest"])
    out = capsys.readouterr().out
    assert code == 0 and "compare 23Q4 → latest" in out and "coverage gaps" in out
    # the index was extended with the model that built it (hash), not the settings' default model
    from ingest.store import IndexStore

    assert IndexStore(s.index_dir).meta()["embedding_model"] == "hash-128"
    md = (rep / "compare-23Q4-latest.md").read_text()
    assert "## Release comparison: `23Q4` → `latest`" in md and "Coverage gaps" in md
    html = (rep / "compare-23Q4-latest.html").read_text()
    assert "Release comparison" in html and "<script" not in html


def test_eval_command_errors_are_one_sentence(tmp_path, capsys):
    from assistant.cli import main

    assert main(["eval", "--index", str(tmp_path / "none"), "--suite", "qa", "--corpus", str(FIXTURE_CORPUS),
                 "--report", str(tmp_path / "r")]) == 2
    assert "govstack-assistant ingest" in capsys.readouterr().err
    assert main(["eval", "--index", str(tmp_path / "none"), "--baseline", str(tmp_path / "nope.json"),
                 "--corpus", str(FIXTURE_CORPUS)]) == 2
    assert "--write-baseline" in capsys.readouterr().err
