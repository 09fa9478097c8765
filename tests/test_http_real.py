"""The HTTP API on the real corpus with the real model: what an integrating system gets."""
import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def client(real_index):
    from assistant.service import Assistant
    from ui.http import create_http_app

    settings, _ = real_index
    return TestClient(create_http_app(Assistant(settings), settings))


def test_real_buildingblocks_have_index_counts(client):
    body = client.get("/buildingblocks").json()
    bbs = {b["id"]: b for b in body["building_blocks"]}
    assert len(bbs) == 15
    # the BBs with an OpenAPI description in the spec expose operations; most have a terminology chapter
    assert sum(1 for b in bbs.values() if b["counts"]["api_operations"] > 0) >= 8
    assert sum(1 for b in bbs.values() if b["counts"]["glossary_terms"] > 0) >= 8
    assert bbs["consent"]["counts"]["api_operations"] > 0 and bbs["payments"]["counts"]["chunks"] > 50


def test_real_ask_and_health(client):
    h = client.get("/health").json()
    assert h["status"] == "ok" and h["chunks"] > 1000 and "latest" in h["releases"]
    r = client.post("/ask", json={"question": "Which endpoint do I call to revoke consent?"})
    assert r.status_code == 200
    body = r.json()
    assert not body["abstained"] and body["citations"]
    assert all(c["url"] and c["url"].startswith("https://") for c in body["citations"])
    r = client.post("/ask", json={"question": "What does the GovStack Blockchain Ledger building block specify?"})
    assert r.status_code == 200 and r.json()["abstained"]


def test_real_suggest(client):
    r = client.post("/suggest", json={"description": "Farmers register with their national ID, receive SMS advice "
                                                     "and are paid subsidies by mobile money."})
    assert r.status_code == 200
    selected = {b["id"] for b in r.json()["building_blocks"] if b["selected"]}
    assert {"payments", "messaging"} <= selected
