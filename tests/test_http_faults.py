"""Faults at the HTTP edge: a failing LLM falls back (and says so), a missing/corrupted index is 503 with one line,
a store that fails mid-request is 503 retryable and the next request succeeds, a bug is 500 without a traceback."""
import logging
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from assistant.config import Settings  # noqa: E402
from ui.http import create_http_app  # noqa: E402

Q = {"question": "What is a consent token?"}


@pytest.fixture(scope="module")
def http_index(shared_fixture_index):
    return shared_fixture_index


def _assistant(settings, chat_model=None):
    from assistant.service import Assistant
    from ingest.embed import HashEmbedder

    return Assistant(settings, embedder=HashEmbedder(dim=128), chat_model=chat_model)


@pytest.fixture
def assistant(http_index):
    return _assistant(http_index)


def _is_error(r, status, retryable):
    body = r.json()
    assert r.status_code == status, r.text
    assert set(body) == {"error", "retryable"} and body["retryable"] is retryable
    assert "\n" not in body["error"] and "Traceback" not in body["error"] and 'File "' not in body["error"]
    return body["error"]


# ----- LLM endpoint faults (LangChain fake chat models) ------------------------------------------------
def _fake(responses):
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    return GenericFakeChatModel(messages=iter([AIMessage(r) for r in responses]))


def test_llm_answer_with_citations_is_served(http_index):
    a = _assistant(http_index, _fake(["A consent token is a short-lived proof of consent [1]."]))
    r = TestClient(create_http_app(a, http_index)).post("/ask", json=Q)
    assert r.status_code == 200 and r.json()["backend"] != "offline" and r.json()["notice"] is None


@pytest.mark.parametrize("garbage", ["I think it is something.", "\x00\x01\ufffd [999] [0] ]]]", "", "[" * 500])
def test_llm_returning_garbage_falls_back_to_the_offline_answer(http_index, garbage):
    a = _assistant(http_index, _fake([garbage]))
    r = TestClient(create_http_app(a, http_index)).post("/ask", json=Q)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["backend"] == "offline" and "offline answer" in body["notice"]
    assert body["answer"].startswith("**Consent Token**") and body["citations"]


def test_llm_timing_out_falls_back_to_the_offline_answer(http_index):
    import httpx

    from conftest import failing_chat_model

    # what langchain-openai raises when the endpoint hangs
    a = _assistant(http_index, failing_chat_model(httpx.ReadTimeout("timed out")))
    r = TestClient(create_http_app(a, http_index)).post("/ask", json=Q)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["backend"] == "offline" and "failed (ReadTimeout)" in body["notice"] and body["citations"]


# ----- missing / corrupted index -----------------------------------------------------------------------
def _factory(settings):
    return lambda: _assistant(settings)


def test_missing_index_is_503_with_one_line_then_recovers_when_built(tmp_path, http_index, monkeypatch):
    import ui.http

    monkeypatch.setattr(ui.http, "RELOAD_AFTER_S", 0.3)
    missing = Settings(index_dir=tmp_path / "not-built", embedding_model="hash:128", cache_dir=tmp_path / "cache")
    calls = []
    c = TestClient(create_http_app(lambda: calls.append(1) or _assistant(missing), missing, preload=False))
    for r in (c.get("/health"), c.post("/ask", json=Q), c.get("/buildingblocks")):
        msg = _is_error(r, 503, True)
        assert "govstack-assistant ingest" in msg and r.headers["retry-after"] == "30"
    assert len(calls) == 1  # a burst shares one failed load instead of retrying per request
    shutil.copytree(http_index.index_dir, missing.index_dir)  # the operator builds (here: restores) the index
    time.sleep(0.35)
    assert c.get("/health").status_code == 200
    assert c.post("/ask", json=Q).status_code == 200


def test_corrupted_index_is_503_with_one_line(tmp_path, http_index):
    bad = Settings(index_dir=tmp_path / "corrupt", embedding_model="hash:128", cache_dir=tmp_path / "cache")
    shutil.copytree(http_index.index_dir, bad.index_dir)
    (bad.index_dir / "chroma.sqlite3").write_bytes(b"this is not a database\x00" * 512)
    c = TestClient(create_http_app(_factory(bad), bad, preload=False))
    msg = _is_error(c.post("/ask", json=Q), 503, True)
    assert "index" in msg.lower() and "rebuild" in msg.lower() or "ingest" in msg


def test_unreachable_chroma_server_is_503(tmp_path):
    s = Settings(index_dir=tmp_path / "unused", chroma_url="http://127.0.0.1:9", embedding_model="hash:128")
    c = TestClient(create_http_app(_factory(s), s, preload=False))
    msg = _is_error(c.get("/health"), 503, True)
    assert "Chroma server" in msg and "127.0.0.1:9" in msg


def test_preload_failure_is_reported_by_health(tmp_path):
    missing = Settings(index_dir=tmp_path / "nothing", embedding_model="hash:128")
    with TestClient(create_http_app(_factory(missing), missing)) as c:  # lifespan starts the background load
        deadline = time.time() + 10
        while True:
            r = c.get("/health")
            if "loading" not in r.text or time.time() > deadline:
                break
            time.sleep(0.05)
        assert "No index at" in _is_error(r, 503, True)


# ----- the store failing mid-request ---------------------------------------------------------------------
def _raise_once(exc):
    state = {"n": 0}

    def broken(*a, **k):
        state["n"] += 1
        raise exc

    return broken, state


@pytest.mark.parametrize("exc", [
    pytest.param(sqlite3.OperationalError("database is locked"), id="sqlite-locked"),
    pytest.param(ConnectionError("connection reset by peer"), id="connection-reset"),
    pytest.param(__import__("httpx").ConnectError("[Errno 111] Connection refused"), id="chroma-server-down"),
])
def test_a_question_is_answered_from_memory_while_the_store_fails(assistant, http_index, monkeypatch, exc):
    """Passages and vectors are read into memory when the index loads (retrieve.ExactVectors): a store that fails
    afterwards (locked, reset, a Chroma server down) costs no question, and the refresh check's error is swallowed."""
    c = TestClient(create_http_app(assistant, http_index))
    broken, state = _raise_once(exc)

    class FlakyCollection:
        def __init__(self, real):
            self.real = real

        def __getattr__(self, name):
            return broken

    monkeypatch.setattr(assistant.store, "query", broken)
    monkeypatch.setattr(assistant.store, "chunks", FlakyCollection(assistant.store.chunks))
    monkeypatch.setattr(assistant.store, "changed_since_open", broken)
    monkeypatch.setattr(assistant, "_checked_at", -1e9)  # the refresh check runs on this question
    r = c.post("/ask", json=Q)
    assert r.status_code == 200 and r.json()["citations"], r.text
    assert state["n"] == 1  # the refresh check met the failure, and nothing else touched the store


def test_health_is_503_when_the_store_is_unreachable_or_hangs(assistant, http_index, monkeypatch):
    import ui.http

    c = TestClient(create_http_app(assistant, http_index))
    broken, _ = _raise_once(RuntimeError("no route to host"))
    monkeypatch.setattr(assistant.store, "count", broken)
    r = c.get("/health")
    assert "unreachable" in _is_error(r, 503, True) and r.headers["retry-after"]

    monkeypatch.setattr(assistant.store, "count", lambda: time.sleep(3.0) or 1)  # a hung store
    monkeypatch.setattr(ui.http, "HEALTH_TIMEOUT_S", 0.2)
    t = time.perf_counter()
    assert "did not answer" in _is_error(c.get("/health"), 503, True)
    assert time.perf_counter() - t < 2.0  # the health check does not wait for the hung call


# ----- bugs --------------------------------------------------------------------------------------------
def test_unexpected_error_is_500_without_traceback_and_logged(assistant, http_index, monkeypatch, caplog):
    def bug(*a, **k):
        raise KeyError("internal detail that must not leak")

    monkeypatch.setattr(assistant, "ask", bug)
    c = TestClient(create_http_app(assistant, http_index))
    with caplog.at_level(logging.ERROR, logger="govstack.http"):
        r = c.post("/ask", json=Q)
    msg = _is_error(r, 500, False)
    assert "internal detail" not in r.text and "KeyError" not in r.text and "reference" in msg
    ref = msg.split("reference ")[1].split(")")[0]
    assert any(ref in rec.getMessage() and rec.exc_info for rec in caplog.records)  # the operator can find it
