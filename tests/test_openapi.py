"""Tests for ingest.openapi: OpenAPI/Swagger files → one record per operation."""
from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from ingest.openapi import (
    ApiField,
    ApiOperation,
    find_operation,
    load_openapi_file,
    load_openapi_text,
    render_operation,
)


def _yaml(text: str) -> str:
    return textwrap.dedent(text).lstrip()


def _by_name(fields: list[ApiField]) -> dict[str, ApiField]:
    return {f.name: f for f in fields}


SWAGGER2 = json.dumps({
    "swagger": "2.0",
    "info": {"title": "Pets", "version": "1.2"},
    "host": "api.example.org",
    "basePath": "/v1",
    "schemes": ["https"],
    "paths": {
        "/pets/{petId}/": {
            "parameters": [{"name": "petId", "in": "path", "type": "string", "description": "Pet id"}],
            "put": {
                "summary": "Update a pet",
                "operationId": "updatePet",
                "tags": ["pets"],
                "parameters": [
                    {"name": "dryRun", "in": "query", "type": "boolean"},
                    {"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Pet"}},
                ],
                "responses": {
                    "200": {"description": "OK", "schema": {"$ref": "#/definitions/Pet"}},
                    "404": {"description": "Not found"},
                },
            },
            "post": {
                "summary": "Upload a photo",
                "consumes": ["multipart/form-data"],
                "parameters": [
                    {"name": "file", "in": "formData", "type": "file", "required": True},
                    {"name": "caption", "in": "formData", "type": "string"},
                ],
                "responses": {"201": {"description": "Created"}},
            },
        }
    },
    "definitions": {
        "Pet": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "description": "The pet's name"},
                "tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}},
                "born": {"type": "string", "format": "date"},
            },
        },
        "Tag": {"type": "object", "properties": {"label": {"type": "string"}}},
    },
})


OPENAPI3 = _yaml("""
    openapi: 3.0.1
    info: {title: Consent API, version: 1.0.0}
    servers:
      - url: https://consent.example.org/api
    paths:
      /config/policy/{policyId}/:
        summary: not an operation
        description: not an operation either
        x-internal: true
        servers:
          - url: https://override.example.org
        parameters:
          - $ref: '#/components/parameters/PolicyId'
          - name: trace
            in: header
            schema: {type: string}
            description: path-level header
        get:
          summary: Read a policy
          tags: [Config]
          parameters:
            - name: trace
              in: header
              required: true
              schema: {type: string}
              description: operation-level header wins
            - name: revision
              in: query
              schema: {type: integer}
          responses:
            '200':
              $ref: '#/components/responses/PolicyResponse'
            '400':
              description: Bad request
        put:
          summary: Update a policy
          requestBody:
            $ref: '#/components/requestBodies/PolicyBody'
          responses:
            '200': {description: OK}
    components:
      parameters:
        PolicyId:
          name: policyId
          in: path
          required: true
          description: Unique ID of a policy
          schema: {type: string}
      requestBodies:
        PolicyBody:
          required: true
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Policy'}
      responses:
        PolicyResponse:
          description: The policy
          content:
            application/json:
              schema:
                type: object
                properties:
                  policy: {$ref: '#/components/schemas/Policy'}
      schemas:
        Policy:
          type: object
          required: [name]
          properties:
            id: {type: string, description: Identifier}
            name: {type: string, description: Name of the policy}
            payer:
              type: object
              properties:
                account:
                  type: object
                  properties:
                    id: {type: string}
            items:
              type: array
              items:
                type: object
                properties:
                  amount: {type: number}
            status:
              type: string
              enum: [draft, active]
    """)


# --- Swagger 2.0 -----------------------------------------------------------


def test_swagger2_body_param_definitions_and_path_level_params():
    result = load_openapi_text(SWAGGER2, "pets.json")
    assert result.error is None
    op = find_operation(result.operations, "/pets/{petId}/", "PUT")
    assert op is not None
    assert (op.summary, op.operation_id, op.tags) == ("Update a pet", "updatePet", ["pets"])
    assert (op.api_title, op.api_version) == ("Pets", "1.2")
    assert op.servers == ["https://api.example.org/v1"]

    params = _by_name(op.parameters)
    assert params["petId"].location == "path" and params["petId"].required  # path-level merged
    assert params["dryRun"].type == "boolean" and not params["dryRun"].required
    assert "body" not in params  # the body parameter is the request body, not a parameter

    body = _by_name(op.request_fields)
    assert body["name"].required and body["name"].type == "string"
    assert body["tags"].type == "array[Tag]"
    assert body["tags[].label"].location == "body"
    assert body["born"].type == "string<date>"

    assert op.responses == {"200": "OK", "404": "Not found"}
    assert {f.name for f in op.response_fields} == {"name", "tags", "tags[].label", "born"}
    assert all(f.location == "response:200" for f in op.response_fields)


def test_swagger2_form_data_becomes_request_fields():
    op = find_operation(load_openapi_text(SWAGGER2).operations, "/pets/{petId}/", "post")
    assert [(f.name, f.type, f.required, f.location) for f in op.request_fields] == [
        ("file", "file", True, "body"),
        ("caption", "string", False, "body"),
    ]
    assert [f.name for f in op.parameters] == ["petId"]


# --- OpenAPI 3 ---------------------------------------------------------------


def test_openapi3_components_refs_and_nested_fields():
    result = load_openapi_text(OPENAPI3, "consent.yaml")
    assert result.error is None, result.error
    assert result.warnings == []
    assert sorted((o.method, o.path) for o in result.operations) == [
        ("GET", "/config/policy/{policyId}/"),
        ("PUT", "/config/policy/{policyId}/"),
    ]
    get = find_operation(result.operations, "/config/policy/{policyId}/", "GET")
    params = _by_name(get.parameters)
    assert params["policyId"].description == "Unique ID of a policy"  # components/parameters
    assert params["trace"].required and params["trace"].description == "operation-level header wins"
    assert len([p for p in get.parameters if p.name == "trace"]) == 1
    assert params["revision"].type == "integer"
    assert get.servers == ["https://override.example.org"]  # path-level servers win
    assert get.responses == {"200": "The policy", "400": "Bad request"}  # components/responses

    resp = _by_name(get.response_fields)
    assert resp["policy"].type == "Policy"
    assert resp["policy.payer.account.id"].type == "string"
    assert resp["policy.items[].amount"].type == "number"
    assert "one of: draft, active" in resp["policy.status"].description.lower()

    put = find_operation(result.operations, "/config/policy/{policyId}/", "PUT")
    body = _by_name(put.request_fields)  # components/requestBodies
    assert body["name"].required and not body["id"].required
    assert body["payer.account.id"].location == "body"


def test_named_schemas_are_read_with_their_own_fields_and_rendered_as_a_table():
    from ingest.openapi import render_schema

    result = load_openapi_text(OPENAPI3, "consent.yaml")
    (policy,) = result.schemas
    assert policy.name == "Policy" and policy.api_title
    # its own properties only: nested objects are named by their type, not expanded ("payer.account.id" is not one)
    assert [f.name for f in policy.fields] == ["id", "name", "payer", "items", "status"]
    assert _by_name(policy.fields)["name"].required and not _by_name(policy.fields)["id"].required
    text = render_schema(policy)
    assert text.splitlines()[0].startswith("Policy: a data schema of the")
    assert "| `status` | string | no | One of: draft, active |" in text


def test_object_query_parameter_lists_its_members():
    doc = _yaml("""
        openapi: 3.0.1
        paths:
          /event/new:
            post:
              parameters:
                - {name: qry, in: query, required: true, schema: {$ref: '#/components/schemas/Qry'}}
              responses:
                '200':
                  description: success
                  content:
                    application/json:
                      schema: {type: string, description: ID of created event}
        components:
          schemas:
            Qry:
              type: object
              properties:
                details: {type: object, properties: {name: {type: string}}}
    """)
    op = load_openapi_text(doc).operations[0]
    assert [(f.name, f.location, f.type) for f in op.parameters] == [
        ("qry", "query", "Qry"),
        ("qry.details", "query", "object"),
        ("qry.details.name", "query", "string"),
    ]
    assert "Response body: string — ID of created event" in render_operation(op).splitlines()


def test_non_method_keys_under_a_path_are_skipped():
    ops = load_openapi_text(OPENAPI3).operations
    assert {o.method for o in ops} == {"GET", "PUT"}


def test_all_of_merges_properties_and_required():
    doc = _yaml("""
        openapi: 3.0.0
        paths:
          /a:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      allOf:
                        - $ref: '#/components/schemas/Base'
                        - type: object
                          required: [extra]
                          properties:
                            extra: {type: integer}
              responses: {'200': {description: OK}}
        components:
          schemas:
            Base:
              type: object
              required: [id]
              properties:
                id: {type: string}
    """)
    op = load_openapi_text(doc).operations[0]
    assert [(f.name, f.type, f.required) for f in op.request_fields] == [
        ("id", "string", True),
        ("extra", "integer", True),
    ]


def test_one_of_takes_the_union_of_variant_properties():
    doc = _yaml("""
        openapi: 3.0.0
        paths:
          /pay:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      oneOf:
                        - {type: object, required: [iban, amount], properties: {iban: {type: string}, amount: {type: number}}}
                        - {type: object, required: [msisdn, amount], properties: {msisdn: {type: string}, amount: {type: number}}}
              responses: {'202': {description: Accepted}}
    """)
    fields = _by_name(load_openapi_text(doc).operations[0].request_fields)
    assert set(fields) == {"iban", "amount", "msisdn"}
    assert fields["amount"].required  # required in every variant
    assert not fields["iban"].required  # only in one


def test_circular_refs_terminate():
    doc = _yaml("""
        openapi: 3.0.0
        paths:
          /tree:
            get:
              responses:
                '200':
                  description: A tree
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Node'}
          /loop:
            get:
              responses:
                '200':
                  description: Refs pointing at each other
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/A'}
        components:
          schemas:
            Node:
              type: object
              properties:
                name: {type: string}
                children:
                  type: array
                  items: {$ref: '#/components/schemas/Node'}
                parent: {$ref: '#/components/schemas/Node'}
            A: {$ref: '#/components/schemas/B'}
            B: {$ref: '#/components/schemas/A'}
    """)
    result = load_openapi_text(doc)
    assert result.error is None
    tree = find_operation(result.operations, "/tree", "get")
    fields = _by_name(tree.response_fields)
    assert set(fields) == {"name", "children", "parent"}
    assert fields["parent"].type == "Node (recursive)"
    loop = find_operation(result.operations, "/loop", "get").response_fields
    assert [(f.name, f.type) for f in loop] == [("(body)", "ref:A")]  # named, not expanded
    assert any("circular $ref" in w for w in result.warnings)


def test_unresolved_and_external_refs_are_warnings_not_errors():
    doc = _yaml("""
        openapi: 3.0.0
        paths:
          /x:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        payer: {$ref: './Party.yml#/components/schemas/Party'}
                        missing: {$ref: '#/components/schemas/Nope'}
              responses: {'200': {description: OK}}
    """)
    result = load_openapi_text(doc)
    assert result.error is None
    fields = _by_name(result.operations[0].request_fields)
    assert fields["payer"].type == "ref:Party"
    assert fields["missing"].type == "ref:Nope"
    assert any("./Party.yml" in w for w in result.warnings)
    assert any("#/components/schemas/Nope" in w for w in result.warnings)


def test_relative_file_refs_are_resolved_by_load_openapi_file(tmp_path: Path):
    (tmp_path / "Party.yml").write_text(_yaml("""
        components:
          schemas:
            Party:
              type: object
              properties:
                id: {type: string}
                address: {$ref: '#/components/schemas/Address'}
            Address:
              type: object
              properties:
                city: {type: string}
    """))
    (tmp_path / "api.yml").write_text(_yaml("""
        openapi: 3.0.0
        paths:
          /x:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        payer: {$ref: './Party.yml#/components/schemas/Party'}
              responses: {'200': {description: OK}}
    """))
    result = load_openapi_file(tmp_path / "api.yml")
    assert result.error is None and result.warnings == []
    assert [f.name for f in result.operations[0].request_fields] == ["payer", "payer.id", "payer.address", "payer.address.city"]
    assert result.operations[0].request_fields[0].type == "Party"


# --- lenient parsing and errors ---------------------------------------------------


def test_json_with_tabs_and_control_characters_in_strings():
    text = '{\n\t"openapi": "3.0.0",\n\t"paths": {"/a": {"get": {"summary": "tab\there\nnewline", "responses": {}}}}\n}'
    result = load_openapi_text(text, "a.json")
    assert result.error is None
    assert result.operations[0].summary == "tab\there\nnewline"


def test_json_with_trailing_commas():
    text = '{"openapi": "3.0.0", "paths": {"/a": {"get": {"summary": "A, ]",},},},}'
    result = load_openapi_text(text, "a.json")
    assert result.error is None
    assert result.operations[0].summary == "A, ]"
    assert "removed trailing commas in JSON" in result.warnings


def test_yaml_indented_with_tabs():
    text = "openapi: 3.0.0\npaths:\n\t/a:\n\t\tget:\n\t\t\tsummary: A\n"
    result = load_openapi_text(text, "a.yaml")
    assert result.error is None
    assert result.operations[0].summary == "A"
    assert "replaced tabs with spaces" in result.warnings


def test_yaml_values_starting_with_backticks_are_quoted():
    text = _yaml("""
        openapi: 3.0.0
        paths:
          /a:
            get:
              summary: `id` lookup
              responses: {'200': {description: OK}}
    """)
    result = load_openapi_text(text, "a.yaml")
    assert result.error is None
    assert result.operations[0].summary == "`id` lookup"
    assert result.warnings == ["quoted YAML values starting with a backtick"]


def test_yaml_wrapped_in_a_markdown_code_fence():
    text = "Here's the OpenAPI description you asked for:\n\n```yaml\n" + _yaml("""
        openapi: 3.0.0
        paths:
          /bills/{billId}:
            get:
              summary: Bill details
              responses: {'202': {description: Accepted}}
    """) + "```\nLet me know if you need more.\n"
    result = load_openapi_text(text, "bill.yml")
    assert result.error is None
    assert result.operations[0].path == "/bills/{billId}"
    assert any("code fence" in w for w in result.warnings)


def test_unparseable_yaml_gives_a_one_line_reason():
    result = load_openapi_text("openapi: 3.0.0\npaths: [unclosed\n  - {\n", "bad.yaml")
    assert result.operations == []
    assert result.error.startswith("invalid YAML at line")
    assert "\n" not in result.error


def test_invalid_json_reports_the_json_error():
    result = load_openapi_text('{"openapi": "3.0.0", "paths": {"/a": }', "bad.json")
    assert result.error.startswith("invalid JSON at line 1")


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\ufeff"])
def test_empty_file(text):
    result = load_openapi_text(text, "x.yaml")
    assert result.error == "empty file" and result.operations == []


def test_empty_file_on_disk(tmp_path: Path):
    (tmp_path / "swagger.json").write_bytes(b"")
    assert load_openapi_file(tmp_path / "swagger.json").error == "empty file"


def test_bom_is_ignored(tmp_path: Path):
    (tmp_path / "a.json").write_bytes(b"\xef\xbb\xbf" + json.dumps({"openapi": "3.0.0", "paths": {"/a": {"get": {}}}}).encode())
    result = load_openapi_file(tmp_path / "a.json")
    assert result.error is None and len(result.operations) == 1


@pytest.mark.parametrize("text", [
    _yaml("""
        type: object
        properties:
          amount: {type: number}
    """),
    _yaml("""
        openapi: 3.0.0
        info: {title: Schemas only, version: '1'}
        components:
          schemas:
            Payment: {type: object}
    """),
])
def test_schema_only_file_is_an_error(text):
    result = load_openapi_text(text, "Payment.yml")
    assert result.error == "no paths (schema-only file)"
    assert result.operations == []


def test_example_payload_is_not_an_openapi_document():
    text = '# can be used as an example payload\n\n{\n\t"numberOfRegistrations": 1,\n\t"userid": "abc"\n}\n'
    result = load_openapi_text(text, "ExamplePayload.json")
    assert result.error == "not an OpenAPI document"


def test_garbage_bytes_never_raise(tmp_path: Path):
    garbage = bytes(range(256)) * 4 + b"\x00\xff\xfe{[::"
    path = tmp_path / "garbage.yaml"
    path.write_bytes(garbage)
    result = load_openapi_file(path)
    assert result.operations == [] and result.error
    assert "not valid UTF-8; decoded as latin-1" in result.warnings
    assert load_openapi_text(garbage.decode("latin-1")).error


def test_missing_file_is_an_error_not_an_exception(tmp_path: Path):
    result = load_openapi_file(tmp_path / "nope.yaml")
    assert result.error.startswith("cannot read file")


@pytest.mark.parametrize("text", [
    "[1, 2, 3]",
    "just some prose",
    "openapi: 3.0.0\npaths:\n  /a: 5\n  /b: {get: 7}\n",
    "openapi: 3.0.0\npaths: {'/a': {get: {parameters: 5, requestBody: [], responses: [1]}}}",
    "openapi: 3.0.0\npaths: {'/a': {get: {parameters: [5, {name: x}], responses: {'200': 5}}}}",
])
def test_odd_shapes_never_raise(text):
    result = load_openapi_text(text)
    assert isinstance(result.error, (str, type(None)))


# --- find_operation ------------------------------------------------------------


def test_find_operation_is_tolerant():
    ops = load_openapi_text(OPENAPI3).operations
    put = find_operation(ops, "/config/policy/{policyId}/", "PUT")
    assert find_operation(ops, "/config/policy/{policyId}", "put") is put  # trailing slash, case
    assert find_operation(ops, "config/policy/{id}", "Put") is put  # param name, leading slash
    assert find_operation(ops, "/config/policy/42/", "put") is put  # concrete value
    assert find_operation(ops, "/config/policy/", "put") is None
    assert find_operation(ops, "/config/policy/{policyId}/", "DELETE") is None


def test_find_operation_prefers_the_exact_path():
    def op(path: str) -> ApiOperation:
        return ApiOperation("GET", path, None, None, None, [], [], [], {}, [], None, None, [])

    ops = [op("/a/{x}"), op("/a/me")]
    assert find_operation(ops, "/a/me", "GET").path == "/a/me"
    assert find_operation(ops, "/a/{id}", "GET").path == "/a/{x}"


# --- render_operation ---------------------------------------------------------------


def test_render_operation_reads_well():
    ops = load_openapi_text(OPENAPI3).operations
    text = render_operation(find_operation(ops, "/config/policy/{policyId}/", "GET"))
    lines = text.splitlines()
    assert lines[0] == "GET /config/policy/{policyId}/ — Read a policy"
    assert "Tags: Config" in lines
    assert "Path parameters: policyId (string, required) — Unique ID of a policy" in lines
    assert "Responses: 200 The policy; 400 Bad request" in lines
    assert any(l.startswith("Response fields: policy (Policy)") for l in lines)
    assert "policy.payer.account.id (string)" in text


def test_render_operation_truncates_fields_and_descriptions():
    fields = [ApiField(f"f{i}", "body", "string", False, "word " * 100) for i in range(50)]
    op = ApiOperation("POST", "/x", None, "Makes an x. More text follows.", None, [], [], fields,
                      {"200": "OK"}, [], None, None, [])
    text = render_operation(op, max_fields=10)
    assert text.startswith("POST /x — Makes an x.")
    body = next(l for l in text.splitlines() if l.startswith("Request body fields:"))
    assert body.endswith("(+40 more fields)")
    assert body.count("f") >= 10 and "f10 " not in body
    first = body.split("; ")[0]
    assert first.endswith("…") and len(first) < 200


def test_render_operation_keeps_shallow_fields_first_when_truncating():
    fields = [ApiField("a", "body", "A", False, None)]
    fields += [ApiField(f"a.f{i}", "body", "string", False, None) for i in range(5)]
    fields += [ApiField("b", "body", "string", True, None)]
    op = ApiOperation("POST", "/x", "X", None, None, [], [], fields, {}, [], None, None, [])
    body = render_operation(op, max_fields=3).splitlines()[1]
    assert body == "Request body fields: a (A); a.f0 (string); b (string, required); (+4 more fields)"


def test_render_operation_without_summary_or_fields():
    op = ApiOperation("DELETE", "/x/{id}", None, None, None, [], [], [], {}, [], None, None, [])
    assert render_operation(op) == "DELETE /x/{id}"


# --- the real corpus ------------------------------------------------------------------

CORPUS = os.environ.get("GOVSTACK_CORPUS")


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS, reason="set GOVSTACK_CORPUS to the corpus snapshot")
def test_corpus_latest_has_at_least_350_operations_and_no_file_raises():
    root = Path(CORPUS) / "latest"
    files = sorted(p for p in root.glob("*/api/**/*") if p.is_file())
    assert files
    total = 0
    errors = {}
    for path in files:
        result = load_openapi_file(path)  # must not raise
        total += len(result.operations)
        if result.error:
            errors[str(path.relative_to(root))] = result.error
        for op in result.operations:
            assert render_operation(op).startswith(f"{op.method} {op.path}")
    assert total >= 350, (total, errors)
    assert not any(e.startswith("internal error") for e in errors.values()), errors
    # The only skipped files are empty placeholders and non-OpenAPI payload/config files.
    assert set(errors.values()) <= {"empty file", "not an OpenAPI document"}, errors


def test_a_request_bodys_own_description_is_rendered(tmp_path):
    from ingest.openapi import load_openapi_file, render_operation

    spec = tmp_path / "wf.yaml"
    spec.write_text("""openapi: 3.0.0
info: {title: Workflow, version: "1"}
paths:
  /processes/{processId}/start:
    post:
      summary: instantiates a process execution
      requestBody:
        description: Process instance initiation payload (initial 'state' for the process)
        content:
          application/json:
            schema:
              type: object
              properties:
                processStartedBy: {type: string}
      responses:
        '201':
          description: Process started
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string, description: The unique process instance ID.}
""")
    text = render_operation(load_openapi_file(spec).operations[0])
    assert "Request body description: Process instance initiation payload (initial 'state' for the process)" in text
    assert "Request body fields: processStartedBy (string)" in text and "Response fields (201): id (string)" in text


def test_a_response_header_says_what_went_wrong():
    """An error response named only by its status ("Unauthorized") is explained by its headers' descriptions."""
    doc = textwrap.dedent("""
        openapi: 3.0.0
        info: {title: IdP, version: "1"}
        paths:
          /oidc/userinfo:
            get:
              summary: UserInfo Endpoint
              responses:
                '200': {description: OK}
                '401':
                  description: Unauthorized
                  headers:
                    WWW-AUTHENTICATE:
                      schema: {type: string}
                      description: 'Bearer error=invalid_token: the access token was not recognized.'
                    X-Empty:
                      schema: {type: string}
        """)
    op = load_openapi_text(doc).operations[0]
    assert op.response_headers == {"401": ["WWW-AUTHENTICATE: Bearer error=invalid_token: the access token was not "
                                           "recognized."]}
    assert ("Responses: 200 OK; 401 Unauthorized (WWW-AUTHENTICATE: Bearer error=invalid_token: the access token was "
            "not recognized.)") in render_operation(op)
