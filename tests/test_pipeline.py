"""Ingest pipeline properties: kinds and metadata, incremental re-ingest, bad files skipped, kill-safety."""
import json

import pytest

from assistant.api import ingest
from assistant.errors import IndexCorrupted, IndexMissing, IndexNotWritable
from ingest.store import IndexStore


def _kinds(rep):
    return rep.to_dict()["kinds"]


def test_first_ingest_builds_every_kind(settings, fixture_corpus, hash_embedder):
    rep = ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder)
    k = _kinds(rep)
    for kind in ("prose", "api_operation", "glossary_term", "requirement", "use_case", "use_case_step",
                 "framework_bb", "framework_workflow", "framework_use_case", "sdg_target"):
        assert k.get(kind, 0) > 0, kind
    d = rep.to_dict()
    assert d["chunks"]["added"] == d["chunks"]["total"] == hash_embedder.calls
    assert any(s["path"].endswith("api/broken.json") for s in d["files"]["skipped"])  # malformed: skipped with reason
    store = IndexStore(settings.index_dir)
    chunks = [c for _, c in store.all_chunks()]
    term = next(c for c in chunks if c.kind == "glossary_term" and c.extra["term"] == "Consent Token")
    assert term.heading_path[0] == "Consent" and term.bb == "consent" and term.release == "latest"
    assert term.url == "https://specs.govstack.global/consent/3-terminology" and term.commit == "1" * 40
    op = next(c for c in chunks if c.kind == "api_operation" and c.extra["api_path"] == "/tokens/{tokenId}/revoke")
    assert op.text.startswith("POST /tokens/{tokenId}/revoke") and op.extra["method"] == "POST"
    req = next(c for c in chunks if c.kind == "requirement")
    assert "REQUIRED" in req.extra["levels"] and req.extra["section_no"] == "6.1"
    # the swagger block in the service-API page is resolved to the operation from api/
    page = next(c for c in chunks if c.path == "spec/8-service-apis.md")
    assert "POST /tokens/{tokenId}/revoke" in page.text and "{% swagger" not in page.text
    step = next(c for c in chunks if c.kind == "use_case_step" and c.extra.get("step") == "2")
    assert step.extra["step_bbs"] == "payments" and step.extra["uc_id"] == "TST-1"


def test_unchanged_reingest_embeds_nothing(settings, fixture_corpus, hash_embedder):
    first = ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder).to_dict()
    calls = hash_embedder.calls
    again = ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder).to_dict()
    assert hash_embedder.calls == calls
    assert again["chunks"]["embedded"] == 0 and again["chunks"]["added"] == 0 and again["chunks"]["deleted"] == 0
    assert again["chunks"]["unchanged"] == first["chunks"]["total"] == again["chunks"]["total"]


def test_editing_one_file_reembeds_only_its_chunks(settings, fixture_corpus, hash_embedder):
    ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder)
    f = fixture_corpus / "latest/bb-payments/spec/README.md"
    f.write_text(f.read_text() + "\n\n## Refunds\n\nRefunds are returned to the payer's original account.\n")
    calls = hash_embedder.calls
    rep = ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder).to_dict()
    assert 0 < hash_embedder.calls - calls <= 2
    assert rep["chunks"]["added"] + rep["chunks"]["updated"] == hash_embedder.calls - calls
    texts = [c.text for _, c in IndexStore(settings.index_dir).all_chunks()]
    assert any("Refunds are returned" in t for t in texts)


def test_removed_file_chunks_are_deleted(settings, fixture_corpus, hash_embedder):
    ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder)
    (fixture_corpus / "latest/specifications/security-requirements/2-description.md").unlink()
    rep = ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder).to_dict()
    assert rep["chunks"]["deleted"] >= 1
    assert not any(c.folder == "specifications" for _, c in IndexStore(settings.index_dir).all_chunks())


def test_releases_live_side_by_side(built_index):
    chunks = [c for _, c in IndexStore(built_index.index_dir).all_chunks()]
    terms = {(c.release, c.extra.get("term")) for c in chunks if c.kind == "glossary_term"}
    assert ("latest", "Revocation Ticket") in terms and ("23Q4", "Withdrawal Slip") in terms
    assert ("23Q4", "Revocation Ticket") not in terms


def _dying_commit(monkeypatch):
    """Make the pipeline 'die' right after writing its first batch of chunks."""
    import ingest.pipeline as pl

    real_commit = pl._commit
    state = {"dead": False}

    def dying(pending, *a, **kw):
        if not state["dead"] and any(p.chunks for p in pending):
            first = next(i for i, p in enumerate(pending) if p.chunks)
            real_commit(pending[: first + 1], *a, **kw)
            state["dead"] = True
            raise KeyboardInterrupt
        return real_commit(pending, *a, **kw)

    monkeypatch.setattr(pl, "EMBED_BATCH", 1)
    monkeypatch.setattr(pl, "_commit", dying)
    return lambda: monkeypatch.setattr(pl, "_commit", real_commit)


def test_killed_ingest_keeps_the_previous_index_and_is_resumed(settings, fixture_corpus, hash_embedder, monkeypatch):
    ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder)
    before = {c.text for _, c in IndexStore(settings.index_dir).all_chunks()}
    readme = fixture_corpus / "latest/bb-payments/spec/README.md"
    readme.write_text(readme.read_text() + "\n\n## Refunds\n\nRefunds go back to the payer's account.\n")
    (fixture_corpus / "latest/bb-consent/spec/6-functional-requirements.md").write_text(
        "# 6 Functional Requirements\n\n* Tokens shall expire after one day (REQUIRED)\n")
    restore = _dying_commit(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder)
    # readers still see the complete previous version, nothing half-written
    assert {c.text for _, c in IndexStore(settings.index_dir).all_chunks()} == before
    restore()
    calls = hash_embedder.calls
    rep = ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder).to_dict()
    texts = [c.text for _, c in IndexStore(settings.index_dir).all_chunks()]
    assert any("Refunds go back" in t for t in texts) and any("expire after one day" in t for t in texts)
    assert hash_embedder.calls - calls == rep["chunks"]["embedded"] >= 1  # only the rest was embedded
    again = ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder).to_dict()
    assert again["chunks"]["embedded"] == 0 and again["chunks"]["total"] == len(texts)


def test_failed_write_leaves_previous_index_usable(settings, fixture_corpus, hash_embedder, monkeypatch):
    """Disk full (or any write error) mid-ingest: the error surfaces, the old index still answers."""
    from ingest.store import IndexStore as S

    ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder)
    n = S(settings.index_dir).count()
    (fixture_corpus / "latest/bb-payments/spec/README.md").write_text("# Payments\n\nCompletely new text about refunds.\n")

    def disk_full(self, chunks, embeddings):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(S, "upsert", disk_full)
    with pytest.raises(OSError):
        ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder)
    monkeypatch.undo()
    store = S(settings.index_dir)
    assert store.count() == n and not any("refunds" in c.text for _, c in store.all_chunks())


def test_non_utf8_file_is_read_with_a_warning(settings, fixture_corpus, hash_embedder):
    (fixture_corpus / "latest/bb-payments/spec/2-description.md").write_bytes("# 2 Description\n\nCaf\xe9 payments in \xa3.\n".encode("latin-1"))
    d = ingest(settings, releases=["latest"], corpus=fixture_corpus, embedder=hash_embedder).to_dict()
    assert any("not UTF-8" in w["warning"] for w in d["files"]["warnings"])
    assert any("Café" in c.text for _, c in IndexStore(settings.index_dir).all_chunks())


def test_index_errors_say_what_to_do(tmp_path):
    with pytest.raises(IndexMissing, match="govstack-assistant ingest"):
        IndexStore(tmp_path / "none")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises((IndexCorrupted, IndexMissing)):
        IndexStore(bad)
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    import os
    if os.geteuid() != 0:  # root ignores permission bits
        with pytest.raises(IndexNotWritable):
            IndexStore(ro / "idx", create=True)


def test_cli_ingest_json_is_one_object(settings, fixture_corpus, capsys, monkeypatch):
    from assistant.cli import main

    monkeypatch.setenv("GOVSTACK_EMBEDDING_MODEL", "hash:64")
    rc = main(["ingest", "--corpus", str(fixture_corpus), "--index", str(settings.index_dir), "--json"])
    out = capsys.readouterr().out.strip().splitlines()
    assert rc == 0 and len(out) == 1
    d = json.loads(out[0])
    assert set(d) >= {"releases", "seconds", "files", "chunks", "kinds", "sentences"}
    assert set(d["chunks"]) >= {"total", "added", "updated", "deleted", "unchanged"}
    # the answer sentences were embedded ahead into the cache folder; --no-warm leaves that to the first questions
    assert d["sentences"]["vectors"] > 0 and "error" not in d["sentences"], d["sentences"]
    rc = main(["ingest", "--corpus", str(fixture_corpus), "--index", str(settings.index_dir), "--json", "--no-warm"])
    assert rc == 0 and "sentences" not in json.loads(capsys.readouterr().out)


def test_cli_errors_are_one_line(tmp_path, capsys):
    from assistant.cli import main

    rc = main(["ingest", "--corpus", str(tmp_path / "missing"), "--index", str(tmp_path / "i")])
    err = capsys.readouterr().err
    assert rc == 2 and err.startswith("error: ") and "Traceback" not in err and err.count("\n") == 1
    rc = main(["ask", "--index", str(tmp_path / "noindex"), "hello"])
    err = capsys.readouterr().err
    assert rc == 2 and "govstack-assistant ingest" in err


def test_output_piped_into_a_reader_that_stops_early_ends_quietly(monkeypatch, capsys):
    """`govstack-assistant ask … | head -2`: the closed pipe is not reported as an error."""
    from assistant import cli

    def closed_pipe(args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli, "cmd_ask", closed_pipe)
    assert cli.main(["ask", "What does the Consent BB do?"]) == 0
    assert capsys.readouterr().err == ""


def test_the_app_brings_an_index_built_by_an_older_pipeline_up_to_date_before_serving(built_index, fixture_corpus):
    """`govstack-assistant ui` (ui.cli.load_or_build) on an index an older ingest pipeline built: with the corpus at hand
    it updates the index first; without building it says how, and serves the index as it is."""
    from assistant.service import Assistant
    from ingest.documents import PIPELINE_VERSION
    from ui.cli import load_or_build

    store = Assistant(built_index).store
    store.set_meta(dict(store.meta(), pipeline_version="0"))
    said: list[str] = []
    assistant, why = load_or_build(built_index, fixture_corpus, build=False, log=said.append)
    assert why is None and assistant.store.meta()["pipeline_version"] == "0"
    assert any("run `govstack-assistant ingest`" in m for m in said)
    said.clear()
    assistant, why = load_or_build(built_index, fixture_corpus, build=True, log=said.append)
    assert why is None and assistant.store.meta()["pipeline_version"] == PIPELINE_VERSION
    assert any("updating it from" in m for m in said) and any("Index updated" in m for m in said)
    assert assistant.ask("What is a consent record?").citations  # it still answers from the updated index
    said.clear()
    load_or_build(built_index, fixture_corpus, build=True, log=said.append)
    assert said == []  # up to date: nothing to do


def test_an_older_index_the_corpus_cannot_update_is_served_as_it_is(built_index, fixture_corpus):
    from assistant.service import Assistant
    from ui.cli import load_or_build

    store = Assistant(built_index).store
    store.set_meta(dict(store.meta(), pipeline_version="0", releases=["latest", "24Q9"]))  # 24Q9: not in the corpus
    said: list[str] = []
    assistant, why = load_or_build(built_index, fixture_corpus, build=True, log=said.append)
    assert why is None and assistant is not None and any("could not update the index" in m for m in said)
