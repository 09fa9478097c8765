"""The OpenAPI document: served at /openapi.json, valid, and true — schemathesis generates requests from it
(valid and invalid) and checks every response against it, in-process over ASGI, with bounded examples."""
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from assistant.config import Settings  # noqa: E402
from ui.http import HttpAuth, create_http_app  # noqa: E402

TOKEN = "schema-test-token"


@pytest.fixture(scope="module")
def http_index(shared_fixture_index):
    return shared_fixture_index


@pytest.fixture(scope="module")
def app(http_index, shared_fixture_assistant):
    return create_http_app(shared_fixture_assistant, http_index)


def _schema_of(app):
    # A schema-valid request may still be refused with 422 for what a schema cannot say: a release name that is
    # well formed but not in this index, a question of only whitespace. Everything else must be accepted.
    config = schemathesis.Config.from_dict({"checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "422"]}}})
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


def test_openapi_document_is_served_and_describes_every_endpoint(app):
    doc = TestClient(app).get("/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) == {"/ask", "/suggest", "/health", "/buildingblocks"}
    ask = doc["paths"]["/ask"]["post"]
    assert {"200", "413", "422", "500", "503"} <= set(ask["responses"])
    err = ask["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert set(doc["components"]["schemas"][err]["required"]) == {"error", "retryable"}
    req = doc["components"]["schemas"]["AskRequest"]
    assert req["properties"]["question"]["maxLength"] == 50_000 and req["additionalProperties"] is False


def test_openapi_document_names_the_auth_schemes_when_auth_is_on(http_index):
    app = create_http_app(lambda: None, http_index, auth=HttpAuth(token="x"), preload=False)
    doc = TestClient(app).get("/openapi.json").json()
    assert {"HTTPBearer", "HTTPBasic"} <= set(doc["components"]["securitySchemes"])
    assert "401" in doc["paths"]["/ask"]["post"]["responses"]
    assert "security" not in doc["paths"]["/health"]["get"]  # health stays open for load balancers


schemathesis = pytest.importorskip("schemathesis")


@pytest.fixture(scope="module")
def api_schema(app):
    return _schema_of(app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_api_conforms_to_its_openapi_document(case):
    """No 5xx, documented status codes and content types, bodies match their schemas, bad input is rejected."""
    case.call_and_validate()


@pytest.fixture(scope="module")
def api_schema_with_auth(http_index, shared_fixture_assistant):
    return _schema_of(create_http_app(shared_fixture_assistant, http_index, auth=HttpAuth(token=TOKEN)))


schema_with_auth = schemathesis.pytest.from_fixture("api_schema_with_auth")


@schema_with_auth.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_api_with_auth_conforms_and_enforces_it(case):
    """With a token configured, the same properties hold, and schemathesis' ignored_auth check confirms that
    the protected operations refuse requests without (or with wrong) credentials."""
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})
