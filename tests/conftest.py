"""Shared fixtures: the tiny fixture corpus, a hash-embedded index built from it, and the real corpus when configured."""
import os
import shutil
from pathlib import Path

import pytest

FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def pytest_collection_modifyitems(config, items):
    corpus = os.environ.get("GOVSTACK_CORPUS")
    live = os.environ.get("GOVSTACK_LLM")
    for item in items:
        if "corpus" in item.keywords and not (corpus and Path(corpus).is_dir()):
            item.add_marker(pytest.mark.skip(reason="set GOVSTACK_CORPUS to the GovStack snapshot"))
        if "live" in item.keywords and not live:
            item.add_marker(pytest.mark.skip(reason="set GOVSTACK_LLM to run against a live model"))


@pytest.fixture
def fixture_corpus(tmp_path) -> Path:
    """A writable copy of the fixture corpus (tests edit files to check incremental ingest)."""
    dst = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, dst)
    return dst


@pytest.fixture
def hash_embedder():
    from ingest.embed import HashEmbedder

    return HashEmbedder(dim=128)


@pytest.fixture
def settings(tmp_path):
    from assistant.config import Settings

    return Settings(index_dir=tmp_path / "index", embedding_model="hash:128", cache_dir=tmp_path / "cache",
                    feedback_file=tmp_path / "feedback.jsonl")


@pytest.fixture
def built_index(settings, fixture_corpus, hash_embedder):
    """Settings whose index holds the fixture corpus (latest and 23Q4), embedded with the hash embedder."""
    from assistant.api import ingest

    ingest(settings, releases=["latest", "23Q4"], corpus=fixture_corpus, embedder=hash_embedder)
    return settings


@pytest.fixture(scope="session")
def shared_fixture_index(tmp_path_factory):
    """The fixture corpus (latest + 23Q4) ingested once per test session with the hash embedder.
    Read-only: tests that change an index copy it or use `built_index`."""
    from assistant.api import ingest
    from assistant.config import Settings
    from ingest.embed import HashEmbedder

    root = tmp_path_factory.mktemp("shared-fixture-index")
    corpus = root / "corpus"
    shutil.copytree(FIXTURE_CORPUS, corpus)
    s = Settings(index_dir=root / "index", embedding_model="hash:128", cache_dir=root / "cache",
                 feedback_file=root / "feedback.jsonl")
    ingest(s, releases=["latest", "23Q4"], corpus=corpus, embedder=HashEmbedder(dim=128))
    return s


@pytest.fixture
def failing_llm():
    """A LangChain fake chat model whose every call fails (an LLM endpoint that times out)."""
    return failing_chat_model()


def failing_chat_model(exc: Exception | None = None):
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

    err = exc or TimeoutError("endpoint timed out")

    class Failing(GenericFakeChatModel):
        def _stream(self, *a, **k):
            raise err

        def _generate(self, *a, **k):
            raise err

    return Failing(messages=iter([]))


@pytest.fixture(scope="session")
def real_corpus() -> Path:
    return Path(os.environ.get("GOVSTACK_CORPUS", "../shared/govstack-corpus"))


@pytest.fixture(scope="session")
def real_index(tmp_path_factory, real_corpus):
    """The real snapshot (latest) ingested with the real model; reused through GOVSTACK_TEST_INDEX when set."""
    from assistant.api import ingest
    from assistant.config import Settings

    path = Path(os.environ.get("GOVSTACK_TEST_INDEX") or tmp_path_factory.mktemp("real-index"))
    s = Settings(index_dir=path)
    rep = ingest(s, releases=["latest"], corpus=real_corpus)
    return s, rep


@pytest.fixture(scope="session")
def shared_fixture_assistant(shared_fixture_index):
    """An Assistant over the shared fixture index (hash embedder, no LLM); read-only like the index."""
    from assistant.service import Assistant
    from ingest.embed import HashEmbedder

    return Assistant(shared_fixture_index, embedder=HashEmbedder(dim=128))


@pytest.fixture(scope="session")
def http_client(shared_fixture_index, shared_fixture_assistant):
    """The HTTP API over the shared fixture assistant, without auth."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from ui.http import create_http_app

    return TestClient(create_http_app(shared_fixture_assistant, shared_fixture_index))

