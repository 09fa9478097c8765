"""OpenAPI / Swagger documents → one ApiOperation record per HTTP operation."""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "ApiField",
    "ApiOperation",
    "ApiLoadResult",
    "ApiSchema",
    "load_openapi_text",
    "load_openapi_file",
    "find_operation",
    "render_operation",
    "render_schema",
]

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
PARAM_LOCATIONS = ("path", "query", "header", "cookie")
# Field name used when a body is a single value (e.g. `type: string`) rather than an object.
BARE_BODY = "(body)"

# How deep nested objects are expanded into dotted field names ("a.b.c.d").
# Deeper levels rarely add meaning for retrieval and blow up the field count.
MAX_DEPTH = 4
# Hard cap on fields collected from one schema: a few GovStack schemas are very wide and
# deeply shared, and an operation record is for reading, not for validation.
MAX_FIELDS_PER_SCHEMA = 400
# A schema record lists at most this many of its own fields (the widest GovStack schema has 40)
MAX_SCHEMA_FIELDS = 80
# Files with more `$ref` hops than this are treated as a ref chain gone wrong.
MAX_REF_HOPS = 50

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class ApiField:
    name: str  # dotted path for nested fields, e.g. "payer.account.id"; "[]" for array items
    location: str  # "path" | "query" | "header" | "cookie" | "body" | "response:200" ...
    type: str | None
    required: bool
    description: str | None


@dataclass
class ApiOperation:
    method: str  # upper-case GET/POST/...
    path: str  # as written in the file, e.g. "/config/policy/{policyId}/"
    summary: str | None
    description: str | None
    operation_id: str | None
    tags: list[str]
    parameters: list[ApiField]  # path/query/header/cookie params
    request_fields: list[ApiField]  # request body fields (v3 requestBody, v2 in:body / formData)
    responses: dict[str, str]  # status code -> description
    response_fields: list[ApiField]  # fields of the main success (2xx) response schema
    api_title: str | None  # info.title
    api_version: str | None  # info.version
    servers: list[str]
    request_description: str | None = None  # the request body's own description ("initial 'state' for the process")
    # status code -> what its headers say ("WWW-AUTHENTICATE: … an access token that was not recognized"): where a
    # response's description is only the status's name ("Unauthorized"), its headers say what went wrong
    response_headers: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class ApiSchema:
    """A named data schema of the document ("ConsentRecord"): its own properties, one level deep (a property that is
    another schema is named by its type), as a developer reads it to learn what an object's fields mean."""
    name: str
    description: str | None
    fields: list[ApiField]  # location "schema"
    api_title: str | None
    api_version: str | None


@dataclass
class ApiLoadResult:
    operations: list[ApiOperation]
    error: str | None  # None when parsed, else a one-line reason the file was skipped
    warnings: list[str] = field(default_factory=list)  # lenient fixes applied, unresolved refs
    schemas: list[ApiSchema] = field(default_factory=list)  # components.schemas / definitions with properties


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def load_openapi_text(text: str, filename: str = "") -> ApiLoadResult:
    """Parse one OpenAPI 3.x / Swagger 2.0 document given as text; never raises.

    >>> r = load_openapi_text('{"openapi": "3.0.0", "paths": {"/a": {"get": {"summary": "A"}}}}')
    >>> [(o.method, o.path, o.summary) for o in r.operations], r.error
    ([('GET', '/a', 'A')], None)
    """
    return _load(text, filename, base_dir=None, warnings=_Warnings())


def load_openapi_file(path: str | Path) -> ApiLoadResult:
    """Read a file (UTF-8, falling back to latin-1) and parse it; never raises.

    Relative-file `$ref`s (e.g. `./Other.yml#/X`) are resolved against the file's directory.
    """
    warnings = _Warnings()
    try:
        p = Path(path)
        data = p.read_bytes()
    except Exception as exc:  # noqa: BLE001 - the contract is "never raises"
        return ApiLoadResult([], f"cannot read file: {_one_line(exc)}", [])
    text = _decode(data, warnings)
    return _load(text, p.name, base_dir=p.parent, warnings=warnings)


def find_operation(ops: list[ApiOperation], path: str, method: str) -> ApiOperation | None:
    """Find the operation for `method path`, tolerating trailing slashes, method case,
    differently named `{params}` and concrete values in place of `{params}`.

    Stricter matches win: exact, then normalised, then template-insensitive, then concrete.
    """
    want_method = (method or "").strip().upper()
    candidates = [op for op in ops if op.method.upper() == want_method]
    if not candidates:
        return None
    want = _norm_path(path)
    # Each key forgives a bit more: as written, trailing slashes, {param} names, letter case.
    for key in (str.strip, _norm_path, _template_key, lambda p: _template_key(p).lower()):
        target = key(path or "")
        for op in candidates:
            if key(op.path) == target:
                return op
    # Last resort: the caller passed a concrete URL path ("/policy/42") for a template.
    want_segments = want.lower().split("/")
    for op in candidates:
        segments = _norm_path(op.path).lower().split("/")
        if len(segments) == len(want_segments) and all(
            s == w or _is_template_segment(s) for s, w in zip(segments, want_segments)
        ):
            return op
    return None


def render_operation(op: ApiOperation, max_fields: int = 40) -> str:
    """Readable markdown-ish text for one operation, for retrieval and answering.

    The first line is always "METHOD path — summary" (or "METHOD path" without a summary).
    """
    head = f"{op.method} {op.path}"
    summary = _clean_text(op.summary)
    description = _clean_text(op.description)
    if not summary and description:
        # No summary in the file (about a third of GovStack operations): the first sentence
        # of the description is the best title for retrieval.
        summary = _first_sentence(description)
    if summary:
        head += f" — {_truncate(summary, 200)}"
    lines = [head]
    # Many GovStack files repeat the summary as the description; say it once.
    if description and description.rstrip(".") != (summary or "").rstrip("."):
        lines.append(_truncate(description, 1500))
    if op.api_title or op.api_version:
        api = op.api_title or ""
        if op.api_version:
            api = f"{api} (version {op.api_version})".strip()
        lines.append(f"API: {api}")
    if op.operation_id:
        lines.append(f"Operation ID: {op.operation_id}")
    if op.tags:
        lines.append("Tags: " + ", ".join(op.tags))
    for loc in PARAM_LOCATIONS:
        params = [f for f in op.parameters if f.location == loc]
        if params:
            lines.append(f"{loc.capitalize()} parameters: " + _render_fields(params, max_fields))
    request_about = _clean_text(op.request_description)
    if request_about and not _is_bare_body(op.request_fields):  # a bare body's line carries it already
        lines.append(f"Request body description: {_truncate(request_about, 300)}")
    if _is_bare_body(op.request_fields):
        lines.append("Request body: " + _render_fields(op.request_fields, max_fields, bare=True))
    elif op.request_fields:
        lines.append("Request body fields: " + _render_fields(op.request_fields, max_fields))
    if op.responses:
        parts = []
        for code, desc in op.responses.items():
            desc = _truncate(_clean_text(desc) or "", 120)
            said = "; ".join(_truncate(_clean_text(h) or "", 200) for h in op.response_headers.get(code, []))
            parts.append(f"{code} {desc}".strip() + (f" ({said})" if said else ""))
        lines.append("Responses: " + "; ".join(parts))
    if op.response_fields:
        code = op.response_fields[0].location.partition(":")[2]
        bare = _is_bare_body(op.response_fields)
        label = "Response body" if bare else "Response fields"
        if code and code != "200":
            label += f" ({code})"
        lines.append(f"{label}: " + _render_fields(op.response_fields, max_fields, bare=bare))
    if op.servers:
        lines.append("Servers: " + ", ".join(op.servers[:3]))
    return "\n".join(lines)


def render_schema(schema: ApiSchema) -> str:
    """Readable text for one named schema: what it is, then one table row per field (name, type, required, meaning).

    >>> f = [ApiField("optIn", "schema", "boolean", False, "True: the individual has opted in.")]
    >>> print(render_schema(ApiSchema("ConsentRecord", "A Consent Record expresses consent.", f, "Consent BB", "1.0")))
    ConsentRecord (consent record): a data schema of the Consent BB API, version 1.0. A Consent Record expresses consent.
    <BLANKLINE>
    | Field | Type | Required | Description |
    |---|---|---|---|
    | `optIn` | boolean | no | True: the individual has opted in. |
    """
    words = " ".join(re.sub(r"(?<=[a-z0-9])(?=[A-Z])|_", " ", schema.name).lower().split())
    head = schema.name + (f" ({words})" if words != schema.name.lower() else "")
    api = (schema.api_title or "").strip()
    if api and not re.search(r"\bapi\b", api, re.I):
        api += " API"
    # (no " — " in it: that is how a field entry reads, "name (type) — meaning", and the answerer reads those)
    head += f": a data schema of the {api}" if api else ": a data schema"
    if schema.api_version:
        head += f", version {schema.api_version}"
    desc = _clean_text(schema.description)
    lines = [head + "." + (f" {_truncate(desc, 600)}" if desc else ""), "",
             "| Field | Type | Required | Description |", "|---|---|---|---|"]
    for f in schema.fields:
        cell = (_truncate(_clean_text(f.description) or "", 300)).replace("|", "/")
        lines.append(f"| `{f.name}` | {f.type or ''} | {'yes' if f.required else 'no'} | {cell} |")  # (code: as written)
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Loading: text → document → operations
# ---------------------------------------------------------------------------


class _Warnings(list):
    """A list of warnings that ignores duplicates (one bad $ref can be hit 100 times)."""

    def add(self, message: str) -> None:
        if message not in self:
            self.append(message)


def _load(text: Any, filename: str, base_dir: Path | None, warnings: _Warnings) -> ApiLoadResult:
    try:
        if isinstance(text, (bytes, bytearray)):
            text = _decode(bytes(text), warnings)
        doc, error = _parse_document(str(text), filename, warnings)
        if error:
            return ApiLoadResult([], error, list(warnings))
        error = _classify(doc)
        if error:
            return ApiLoadResult([], error, list(warnings))
        reader = _DocumentReader(doc, base_dir, warnings)
        ops = reader.operations()
        if not ops:
            return ApiLoadResult([], "no operations under paths", list(warnings))
        return ApiLoadResult(ops, None, list(warnings), reader.schemas())
    except RecursionError:
        return ApiLoadResult([], "document too deeply nested", list(warnings))
    except Exception as exc:  # noqa: BLE001 - a bad file must never stop an ingest
        return ApiLoadResult([], f"internal error: {type(exc).__name__}: {_one_line(exc)}", list(warnings))


def _decode(data: bytes, warnings: _Warnings) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.add("not valid UTF-8; decoded as latin-1")
        return data.decode("latin-1")


_FENCE_RE = re.compile(r"```[ \t]*(?:ya?ml|json|openapi)?[ \t]*\r?\n(.*?)(?:\r?\n[ \t]*```|\Z)", re.S | re.I)


def _parse_document(text: str, filename: str, warnings: _Warnings) -> tuple[Any, str | None]:
    """Parse JSON or YAML leniently. Returns (document, None) or (None, one-line error).

    Each fallback is only tried when the plain parse failed, and records a warning, so a
    clean file produces no warnings. The error reported is the one from the parser the
    file claims to be (by extension, or by a leading "{"), since that is what a human fixes.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        return None, "empty file"
    suffix = Path(filename).suffix.lower() if filename else ""
    looks_json = suffix == ".json" or (suffix not in (".yaml", ".yml") and text.lstrip()[:1] in "{[")

    json_error: str | None = None
    yaml_error: str | None = None

    def try_json(candidate: str, note: str | None) -> Any:
        nonlocal json_error
        try:
            # strict=False accepts raw tabs/newlines inside strings, common in hand-edited specs.
            doc = json.loads(candidate, strict=False)
        except json.JSONDecodeError as exc:
            json_error = json_error or f"invalid JSON at line {exc.lineno}: {exc.msg}"
            return _FAIL
        except Exception as exc:  # noqa: BLE001
            json_error = json_error or f"invalid JSON: {_one_line(exc)}"
            return _FAIL
        if note and isinstance(doc, dict):
            warnings.add(note)
        return doc

    def try_yaml(candidate: str, note: str | None) -> Any:
        nonlocal yaml_error
        try:
            doc = yaml.load(candidate, Loader=_SafeLoader)  # noqa: S506 - safe loader
        except yaml.YAMLError as exc:
            yaml_error = yaml_error or _yaml_error_line(exc)
            return _FAIL
        except Exception as exc:  # noqa: BLE001
            yaml_error = yaml_error or f"invalid YAML: {_one_line(exc)}"
            return _FAIL
        if note and isinstance(doc, dict):
            warnings.add(note)
        return doc

    # Candidates are built lazily: the fixes cost a pass over the text and clean files
    # (nearly all of them) succeed on the first attempt.
    json_attempts = [
        (try_json, lambda: text, None),
        (try_json, lambda: _strip_trailing_commas(text), "removed trailing commas in JSON"),
        (try_json, lambda: _strip_comment_lines(text), "ignored comment lines in JSON"),
    ]
    yaml_attempts = [
        (try_yaml, lambda: text, "parsed JSON file as YAML" if looks_json else None),
        # YAML forbids tabs in indentation; hand-edited files indented with tabs hit this.
        (try_yaml, lambda: text.replace("\t", "  "), "replaced tabs with spaces"),
    ]
    attempts = json_attempts + yaml_attempts if looks_json else yaml_attempts + json_attempts
    has_fence = "```" in text
    scalar: Any = _FAIL  # a parse that is not a document (prose, a bare value): last resort
    for parse, candidate, note in attempts:
        doc = parse(candidate(), None)
        if doc is _FAIL:
            continue
        if isinstance(doc, (dict, list)) and not (has_fence and not _looks_openapi(doc)):
            if note:
                warnings.add(note)
            return _normalise(doc), None
        if scalar is _FAIL:
            scalar = _normalise(doc)

    # Generated specs are sometimes committed with chat/markdown framing around a code fence
    # (bb-payments/api/P2G API YAMLs/billInquiryBillerResponse.yml). Use the fenced block.
    if has_fence:
        for block in _FENCE_RE.findall(text):
            if not block.strip():
                continue
            for parse in (try_yaml, try_json):
                doc = parse(block, "extracted document from a markdown ``` code fence")
                if isinstance(doc, dict):
                    return _normalise(doc), None

    if "`" in text:
        # `code` is markdown, but a YAML plain scalar may not start with a backtick; quote
        # such values, and drop stray ``` lines left from a copy-paste.
        fixed = _quote_backtick_values(text.replace("\t", "  "))
        fixed = "\n".join(line for line in fixed.splitlines() if not line.lstrip().startswith("```"))
        doc = try_yaml(fixed, None)
        if isinstance(doc, dict):
            warnings.add("quoted YAML values starting with a backtick")
            return _normalise(doc), None

    if scalar is not _FAIL:
        return scalar, None
    error = (json_error or yaml_error) if looks_json else (yaml_error or json_error)
    return None, error or "could not parse as JSON or YAML"


_FAIL = object()


def _looks_openapi(doc: Any) -> bool:
    return isinstance(doc, dict) and any(k in doc for k in ("openapi", "swagger", "paths"))


def _yaml_error_line(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or _one_line(exc)
    where = f" at line {mark.line + 1}" if mark is not None else ""
    return f"invalid YAML{where}: {_one_line(problem)}"


_BACKTICK_VALUE_RE = re.compile(r"^(\s*(?:-\s+)?(?:[^\s:#`'\"][^:#\n]*:\s+)?)(`[^\n]*)$", re.M)


def _quote_backtick_values(text: str) -> str:
    """Single-quote YAML values that start with a backtick.

    >>> _quote_backtick_values("description: `id` is the key")
    "description: '`id` is the key'"
    """
    def quote(m: re.Match) -> str:
        value = m.group(2).rstrip()
        if value.startswith("```"):
            return m.group(0)  # a fence line, handled separately
        return m.group(1) + "'" + value.replace("'", "''") + "'"

    return _BACKTICK_VALUE_RE.sub(quote, text)


def _strip_trailing_commas(text: str) -> str:
    """Drop commas that directly precede `}` or `]`, ignoring commas inside strings.

    >>> _strip_trailing_commas('{"a": [1, 2,], "b": "x,]",}')
    '{"a": [1, 2], "b": "x,]"}'
    """
    out: list[str] = []
    in_string = escaped = False
    pending_comma: int | None = None  # index in `out` of a comma we may drop
    for ch in text:
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch in "}]" and pending_comma is not None:
            del out[pending_comma]
            pending_comma = None
        elif ch == ",":
            pending_comma = len(out)
        elif not ch.isspace():
            pending_comma = None
        if ch == '"':
            in_string = True
        out.append(ch)
    return "".join(out)


def _strip_comment_lines(text: str) -> str:
    return "\n".join(
        "" if line.lstrip().startswith(("#", "//")) else line for line in text.splitlines()
    )


def _normalise(node: Any) -> Any:
    """Make YAML output JSON-like: string keys (YAML reads `200:` as int), plain scalars."""
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, str) else k: _normalise(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_normalise(v) for v in node]
    if isinstance(node, (str, int, float, bool)) or node is None:
        return node
    return str(node)  # dates and timestamps, e.g. `version: 2023-10-01`


def _classify(doc: Any) -> str | None:
    """Return why `doc` yields no operations, or None when it has a usable `paths` map."""
    if not isinstance(doc, dict):
        kind = type(doc).__name__ if doc is not None else "nothing"
        return f"not an OpenAPI document (top level is {kind})"
    paths = doc.get("paths")
    if isinstance(paths, dict) and paths:
        return None
    is_openapi = "openapi" in doc or "swagger" in doc
    schemaish = (
        "components" in doc
        or "definitions" in doc
        or "$schema" in doc
        or "properties" in doc
        or any(k in doc for k in ("allOf", "oneOf", "anyOf"))
        or doc.get("type") in ("object", "array")
    )
    if schemaish:
        return "no paths (schema-only file)"
    if is_openapi:
        return "no paths"
    return "not an OpenAPI document"


class _DocumentReader:
    """Walks one parsed document and builds ApiOperation records, resolving `$ref`s."""

    def __init__(self, doc: dict, base_dir: Path | None, warnings: _Warnings):
        self.root = doc
        self.base_dir = base_dir
        self.warnings = warnings
        # External documents loaded for relative-file refs, keyed by resolved path ("" = root).
        self.docs: dict[str, Any] = {"": doc}
        self._truncated_depth = False
        self._where = ""  # "METHOD path" of the operation being read, for warnings
        self._shallowed: list[str] = []  # schemas cut short by MAX_FIELDS_PER_SCHEMA

    # ----- operations -----

    def operations(self) -> list[ApiOperation]:
        info = self.root.get("info") if isinstance(self.root.get("info"), dict) else {}
        title = _str_or_none(info.get("title"))
        version = _str_or_none(info.get("version"))
        doc_servers = self._servers(self.root) or self._swagger2_servers()
        ops: list[ApiOperation] = []
        for path, item in self.root["paths"].items():
            item, ctx = self._deref(item, "")
            if not isinstance(item, dict):
                continue
            path_params = item.get("parameters") if isinstance(item.get("parameters"), list) else []
            path_servers = self._servers(item)
            for key, raw_op in item.items():
                # Only HTTP verbs are operations; `parameters`, `summary`, `servers`, `x-*` are not.
                if not isinstance(key, str) or key.lower() not in HTTP_METHODS:
                    continue
                if not isinstance(raw_op, dict):
                    self.warnings.add(f"{key.upper()} {path}: operation is not a mapping; skipped")
                    continue
                self._where = f"{key.upper()} {path}"
                ops.append(
                    self._operation(str(path), key, raw_op, path_params, ctx, title, version,
                                    self._servers(raw_op) or path_servers or doc_servers)
                )
        if self._shallowed:
            # One summary line, not one per schema: these files reuse the same huge schemas.
            self.warnings.add(
                f"{len(self._shallowed)} schema(s) over {MAX_FIELDS_PER_SCHEMA} fields kept only "
                f"their shallower levels, e.g. {self._shallowed[0]}"
            )
        return ops

    def schemas(self) -> list[ApiSchema]:
        """The document's named object schemas (OpenAPI 3 components.schemas, Swagger 2 definitions), in file order."""
        info = self.root.get("info") if isinstance(self.root.get("info"), dict) else {}
        components = self.root.get("components") if isinstance(self.root.get("components"), dict) else {}
        v3 = isinstance(components.get("schemas"), dict)
        named = components.get("schemas") if v3 else self.root.get("definitions")
        out: list[ApiSchema] = []
        for name, node in (named or {}).items() if isinstance(named, dict) else ():
            self._where = f"schema {name}"
            ref = {"$ref": f"#/{'components/schemas' if v3 else 'definitions'}/{name}"}
            fields: list[ApiField] = []
            if isinstance(node, dict):
                self._walk(ref, "", "schema", "", 0, 1, (), fields)  # its own properties only
            fields = fields[:MAX_SCHEMA_FIELDS]
            if fields:
                out.append(ApiSchema(str(name), _str_or_none(node.get("description")), fields,
                                     _str_or_none(info.get("title")), _str_or_none(info.get("version"))))
        return out

    def _operation(self, path, method, raw, path_params, ctx, title, version, servers) -> ApiOperation:
        where = f"{method.upper()} {path}"
        params, request_fields = self._parameters(path_params, raw.get("parameters"), ctx, where)
        body = raw.get("requestBody")
        request_description = None
        if body is not None:
            request_fields.extend(self._request_body(body, ctx))
            resolved = self._deref(body, ctx)[0]
            request_description = _str_or_none(resolved.get("description")) if isinstance(resolved, dict) else None
        responses, response_fields, response_headers = self._responses(raw.get("responses"), ctx)
        tags = raw.get("tags") if isinstance(raw.get("tags"), list) else []
        return ApiOperation(
            method=method.upper(),
            path=path,
            summary=_str_or_none(raw.get("summary")),
            description=_str_or_none(raw.get("description")),
            operation_id=_str_or_none(raw.get("operationId")),
            tags=[str(t) for t in tags if t is not None],
            parameters=params,
            request_fields=request_fields,
            responses=responses,
            response_fields=response_fields,
            api_title=title,
            api_version=version,
            servers=servers,
            request_description=request_description,
            response_headers=response_headers,
        )

    def _parameters(self, path_level, op_level, ctx, where) -> tuple[list[ApiField], list[ApiField]]:
        # Operation-level parameters override path-level ones with the same (name, in).
        merged: dict[tuple[str, str], tuple[dict, str]] = {}
        for group in (path_level, op_level):
            if not isinstance(group, list):
                continue
            for raw in group:
                param, pctx = self._deref(raw, ctx)
                if not isinstance(param, dict):
                    continue
                name = str(param.get("name", "")).strip()
                loc = str(param.get("in", "")).strip()
                if not name and loc != "body":
                    continue
                merged[(name, loc)] = (param, pctx)

        params: list[ApiField] = []
        body_fields: list[ApiField] = []
        for (name, loc), (param, pctx) in merged.items():
            description = _str_or_none(param.get("description"))
            required = bool(param.get("required")) or loc == "path"
            schema = param.get("schema")
            if loc == "body" or (loc == "query" and name == "body" and self._is_object_schema(schema, pctx)):
                # Swagger 2 body parameter. Some GovStack files (bb-messaging) declare the body
                # as `in: query, name: body` with an object schema inside an OpenAPI 3 document;
                # it is clearly the request body, so it is read as one.
                if loc != "body":
                    self.warnings.add(f"{where}: parameter 'body' declared in: query read as request body")
                fields = self._schema_fields(schema, pctx, "body")
                body_fields.extend(fields or [ApiField(BARE_BODY, "body", self._type_name(schema, pctx), required, description)])
                continue
            if loc == "formData":
                body_fields.append(ApiField(name, "body", self._param_type(param, pctx), required, description))
                continue
            if loc not in PARAM_LOCATIONS:
                self.warnings.add(f"{where}: parameter '{name}' has unknown location '{loc}'")
            params.append(ApiField(name, loc or "query", self._param_type(param, pctx), required, description))
            if self._is_object_schema(schema, pctx):
                # An object passed in the query (bb-scheduler's `qry`): its members are what a
                # reader needs, listed as "qry.details.name".
                params.extend(self._schema_fields(schema, pctx, loc or "query", prefix=name))
        return params, body_fields

    def _param_type(self, param: dict, ctx: str) -> str | None:
        if "schema" in param:
            return self._type_name(param.get("schema"), ctx)
        return self._type_name(param, ctx)  # Swagger 2: type/format/items sit on the parameter

    def _request_body(self, body: Any, ctx: str) -> list[ApiField]:
        body, bctx = self._deref(body, ctx)
        if not isinstance(body, dict):
            return []
        schema = _pick_media_schema(body.get("content"))
        if schema is None and "schema" in body:  # loose files put the schema directly on requestBody
            schema = body["schema"]
        if schema is None:
            return []
        fields = self._schema_fields(schema, bctx, "body")
        if not fields:
            type_name = self._type_name(schema, bctx)
            if type_name:
                description = _str_or_none(body.get("description")) or self._description(
                    self._deref(schema, bctx)[0])
                fields = [ApiField(BARE_BODY, "body", type_name, bool(body.get("required")), description)]
        return fields

    def _responses(self, raw: Any, ctx: str) -> tuple[dict[str, str], list[ApiField], dict[str, list[str]]]:
        """(status → description, the main response's fields, status → its headers that have a description, as
        "NAME: description")."""
        if not isinstance(raw, dict):
            return {}, [], {}
        responses: dict[str, str] = {}
        headers: dict[str, list[str]] = {}
        resolved: dict[str, tuple[dict, str]] = {}
        for code, resp in raw.items():
            code = str(code)
            if code.startswith("x-"):
                continue
            resp, rctx = self._deref(resp, ctx)
            if not isinstance(resp, dict):
                responses[code] = ""
                continue
            responses[code] = _str_or_none(resp.get("description")) or ""
            resolved[code] = (resp, rctx)
            for name, header in (resp["headers"].items() if isinstance(resp.get("headers"), dict) else ()):
                header, _ = self._deref(header, rctx)
                about = _str_or_none(header.get("description")) if isinstance(header, dict) else None
                if about:
                    headers.setdefault(code, []).append(f"{name}: {about}")
        responses = dict(sorted(responses.items(), key=lambda kv: _status_sort_key(kv[0])))

        fields: list[ApiField] = []
        success = [c for c in responses if c.startswith("2")]
        if not success and "default" in responses:
            # Some specs (bb-emarketplace) describe the normal reply only as `default`.
            success = ["default"]
        for code in success:  # first 2xx that has a schema with fields
            resp, rctx = resolved.get(code, ({}, ctx))
            schema = _pick_media_schema(resp.get("content"))
            if schema is None:
                schema = resp.get("schema")  # Swagger 2
            if schema is None:
                continue
            fields = self._schema_fields(schema, rctx, f"response:{code}")
            if not fields:
                type_name = self._type_name(schema, rctx)
                if type_name:
                    fields = [ApiField(BARE_BODY, f"response:{code}", type_name, False,
                                       self._description(self._deref(schema, rctx)[0]))]
            if fields:
                break
        return responses, fields, headers

    def _servers(self, node: dict) -> list[str]:
        servers = node.get("servers") if isinstance(node, dict) else None
        if not isinstance(servers, list):
            return []
        urls = []
        for s in servers:
            url = s.get("url") if isinstance(s, dict) else s
            if isinstance(url, str) and url.strip():
                urls.append(url.strip())
        return urls

    def _swagger2_servers(self) -> list[str]:
        host = _str_or_none(self.root.get("host"))
        base = _str_or_none(self.root.get("basePath")) or ""
        if not host and not base:
            return []
        if not host:
            return [base]
        schemes = self.root.get("schemes") if isinstance(self.root.get("schemes"), list) else ["https"]
        return [f"{scheme}://{host}{base}" for scheme in schemes]

    # ----- schemas -----

    def _schema_fields(self, schema: Any, ctx: str, location: str, prefix: str = "") -> list[ApiField]:
        """Flatten a schema into dotted fields, as deep as fits under MAX_FIELDS_PER_SCHEMA.

        Shared, deeply nested schemas (bb-emarketplace's Order embeds Provider, Item,
        Fulfillment, ... at every level) explode combinatorially. Cutting a depth-first walk
        at a field cap would keep `provider.*` to depth 4 and drop every later top-level
        field, so instead we deepen one level at a time and keep the deepest complete result.
        """
        best: list[ApiField] = []
        for max_depth in range(1, MAX_DEPTH + 1):
            out: list[ApiField] = []
            self._truncated_depth = False
            complete = self._walk(schema, ctx, location, prefix, 0, max_depth, (), out)
            if not complete:
                if not best:  # even the top level is huge: keep what fits
                    best = out
                self._shallowed.append(f"{self._where} {location}")
                break
            best = out
            if not self._truncated_depth:
                break  # nothing was cut at this depth, going deeper changes nothing
        return best

    def _walk(self, schema, ctx, location, prefix, depth, max_depth, stack, out) -> bool:
        """Append one ApiField per property of `schema` (and nested objects) to `out`.

        Returns False when the field cap was hit. Sets `_truncated_depth` when some object
        was not expanded because of `max_depth`.
        """
        node, nctx, refs = self._deref_chain(schema, ctx)
        if not isinstance(node, dict):
            return True
        if any(r in stack for r in refs):
            return True  # circular: the parent field already names the type
        stack = stack + tuple(refs)
        if self._is_array(node):
            return self._walk(node.get("items"), nctx, location, f"{prefix}[]", depth, max_depth, stack, out)
        properties, required = self._collect_properties(node, nctx, stack)
        for name, (prop, pctx) in properties.items():
            if len(out) >= MAX_FIELDS_PER_SCHEMA:
                return False
            full = f"{prefix}.{name}" if prefix else name  # "payer.id", "items[].amount", "[].id"
            resolved, _, prop_refs = self._deref_chain(prop, pctx)
            circular = any(r in stack for r in prop_refs)
            type_name = self._type_name(prop, pctx)
            if circular and type_name:
                type_name += " (recursive)"
            out.append(ApiField(full, location, type_name, name in required, self._description(resolved)))
            if circular:
                continue
            if depth + 1 >= max_depth:
                if self._has_children(resolved, pctx, stack + tuple(prop_refs)):
                    self._truncated_depth = True
                continue
            if not self._walk(prop, pctx, location, full, depth + 1, max_depth, stack, out):
                return False
        return True

    def _has_children(self, node: Any, ctx: str, stack: tuple) -> bool:
        """Whether expanding `node` one more level would add fields."""
        for _ in range(MAX_DEPTH):  # arrays of arrays of objects
            if not isinstance(node, dict):
                return False
            if not self._is_array(node):
                break
            node, ctx, refs = self._deref_chain(node.get("items"), ctx)
            stack = stack + tuple(refs)
        if not isinstance(node, dict):
            return False
        return bool(self._collect_properties(node, ctx, stack)[0])

    def _collect_properties(self, node: dict, ctx: str, stack: tuple) -> tuple[dict[str, tuple[Any, str]], set[str]]:
        """Properties and required names of an object schema, merging allOf and oneOf/anyOf.

        allOf: every part applies, so properties and required lists are merged.
        oneOf/anyOf: we list the union of the variants' properties (a reader wants to see every
        field that may appear); a field is required only if every variant requires it.
        """
        props: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()
        if isinstance(node.get("properties"), dict):
            for name, prop in node["properties"].items():
                props[str(name)] = (prop, ctx)
        if isinstance(node.get("required"), list):
            required.update(str(r) for r in node["required"])
        for part in node.get("allOf") or []:
            part, pctx, refs = self._deref_chain(part, ctx)
            if not isinstance(part, dict) or any(r in stack for r in refs):
                continue
            p_props, p_req = self._collect_properties(part, pctx, stack + tuple(refs))
            for name, value in p_props.items():
                props.setdefault(name, value)
            required |= p_req
        for key in ("oneOf", "anyOf"):
            variants = node.get(key)
            if not isinstance(variants, list) or not variants:
                continue
            variant_required: list[set[str]] = []
            for part in variants:
                part, pctx, refs = self._deref_chain(part, ctx)
                if not isinstance(part, dict) or any(r in stack for r in refs):
                    continue
                p_props, p_req = self._collect_properties(part, pctx, stack + tuple(refs))
                if not p_props:
                    continue
                for name, value in p_props.items():
                    props.setdefault(name, value)
                variant_required.append(p_req)
            if variant_required:
                required |= set.intersection(*variant_required)
        return props, required

    def _is_array(self, node: dict) -> bool:
        t = node.get("type")
        return t == "array" or (isinstance(t, list) and "array" in t) or (t is None and "items" in node and "properties" not in node)

    def _is_object_schema(self, schema: Any, ctx: str) -> bool:
        node, _, _ = self._deref_chain(schema, ctx)
        return isinstance(node, dict) and (
            node.get("type") == "object" or "properties" in node or "allOf" in node
        )

    def _type_name(self, schema: Any, ctx: str, _depth: int = 0) -> str | None:
        """A short human type: "string", "string<date-time>", "array[Policy]", "Policy"."""
        if _depth > 3:
            return None
        ref_name = None
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref_name = _ref_name(schema["$ref"])
            if not _is_named_ref(schema["$ref"]):
                # "#/components/schemas/Item/properties/refund_terms/items" names no type;
                # describe the target's own type instead of calling it "items".
                node, nctx, _ = self._deref_chain(schema, ctx)
                if node is not None:
                    return self._type_name(node, nctx, _depth + 1)
        node, nctx, refs = self._deref_chain(schema, ctx)
        if node is None and ref_name:
            return f"ref:{ref_name}"  # unresolved (e.g. another file): keep the name we know
        if not isinstance(node, dict):
            return None
        t = node.get("type")
        if isinstance(t, list):  # OpenAPI 3.1: ["string", "null"]
            t = "|".join(str(x) for x in t if x != "null") or "null"
        if t == "array" or (t is None and "items" in node and "properties" not in node):
            inner = self._type_name(node.get("items"), nctx, _depth + 1)
            return f"array[{inner}]" if inner else "array"
        if ref_name and (t in (None, "object") or "properties" in node or "allOf" in node):
            return ref_name
        if t and t != "object":
            fmt = node.get("format")
            return f"{t}<{fmt}>" if isinstance(fmt, str) and fmt else str(t)
        for key in ("oneOf", "anyOf"):
            if isinstance(node.get(key), list) and not node.get("properties"):
                names = []
                for v in node[key]:
                    n = self._type_name(v, nctx, _depth + 1)
                    if n and n not in names:
                        names.append(n)
                if names:
                    return " | ".join(names[:5]) + (" | …" if len(names) > 5 else "")
        if isinstance(node.get("allOf"), list) and len(node["allOf"]) == 1 and not node.get("properties"):
            return self._type_name(node["allOf"][0], nctx, _depth + 1)
        if t == "object" or "properties" in node or "allOf" in node or "additionalProperties" in node:
            extra = node.get("additionalProperties")
            if not node.get("properties") and isinstance(extra, dict):
                inner = self._type_name(extra, nctx, _depth + 1)
                return f"map[string, {inner}]" if inner else "object"
            return "object"
        return None

    def _description(self, node: Any) -> str | None:
        if not isinstance(node, dict):
            return None
        desc = _str_or_none(node.get("description")) or _str_or_none(node.get("title"))
        enum = node.get("enum")
        if isinstance(enum, list) and enum:
            values = ", ".join(str(v) for v in enum[:12]) + (", …" if len(enum) > 12 else "")
            desc = f"{desc.rstrip()} (one of: {values})" if desc else f"One of: {values}"
        return desc

    # ----- $ref resolution -----

    def _deref(self, node: Any, ctx: str) -> tuple[Any, str]:
        node, ctx, _ = self._deref_chain(node, ctx)
        return node, ctx

    def _deref_chain(self, node: Any, ctx: str) -> tuple[Any, str, list[tuple[str, str]]]:
        """Follow `$ref`s from `node`; return (target, its document key, refs followed).

        Sibling keys next to a `$ref` (a `description` overriding the target's, allowed in
        OpenAPI 3.1 and common in practice) are kept on top of the target. A ref that points
        back into the chain stops the walk, so `A → B → A` terminates.
        """
        refs: list[tuple[str, str]] = []
        overrides: dict = {}
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"].strip()
            key = (ctx, ref)
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            overrides = {**siblings, **overrides}
            if key in refs or len(refs) >= MAX_REF_HOPS:
                self.warnings.add(f"circular $ref '{ref}'")
                return None, ctx, refs
            refs.append(key)
            node, ctx = self._lookup(ref, ctx)
            if node is None:
                return None, ctx, refs
        if overrides and isinstance(node, dict):
            node = {**node, **overrides}
        return node, ctx, refs

    def _lookup(self, ref: str, ctx: str) -> tuple[Any, str]:
        file_part, _, pointer = ref.partition("#")
        if file_part:
            doc_key = self._load_external(file_part, ctx)
            if doc_key is None:
                self.warnings.add(f"external $ref '{ref}' not resolved (kept as ref:{_ref_name(ref)})")
                return None, ctx
        else:
            doc_key = ctx
        target = _resolve_pointer(self.docs[doc_key], pointer)
        if target is _MISSING:
            self.warnings.add(f"unresolved $ref '{ref}'")
            return None, ctx
        return target, doc_key

    def _load_external(self, file_part: str, ctx: str) -> str | None:
        """Load a relative-file ref (`./Other.yml`) from the same directory tree, once."""
        if self.base_dir is None or re.match(r"^[a-z][a-z0-9+.-]*://", file_part, re.I):
            return None  # text input or a URL: we never fetch from the network
        base = Path(ctx).parent if ctx else self.base_dir
        target = (base / file_part).resolve()
        key = str(target)
        if key in self.docs:
            return key if self.docs[key] is not None else None
        self.docs[key] = None  # mark as in-progress/failed until it parses
        try:
            text = _decode(target.read_bytes(), self.warnings)
        except OSError:
            return None
        doc, error = _parse_document(text, target.name, self.warnings)
        if error or doc is None:
            return None
        self.docs[key] = doc
        return key


_MISSING = object()


def _resolve_pointer(doc: Any, pointer: str) -> Any:
    """Resolve a JSON pointer ("/components/schemas/A") in `doc`; _MISSING when absent."""
    from urllib.parse import unquote

    pointer = unquote(pointer)
    if pointer in ("", "/"):
        return doc
    node = doc
    for part in pointer.lstrip("/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return _MISSING
    return node


def _ref_name(ref: str) -> str:
    """The short name of a ref: '#/components/schemas/Policy' → 'Policy', './Other.yml' → 'Other'."""
    file_part, _, pointer = ref.partition("#")
    if pointer.strip("/"):
        return pointer.rstrip("/").rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
    return Path(file_part).stem or ref


def _is_named_ref(ref: str) -> bool:
    """Whether a ref points at a named, reusable schema (its last segment is a type name)."""
    file_part, _, pointer = ref.partition("#")
    parts = [p for p in pointer.split("/") if p]
    if not parts:
        return bool(file_part)  # a whole external file: named after the file
    return (
        (len(parts) == 3 and parts[0] == "components")
        or (len(parts) == 2 and parts[0] in ("definitions", "$defs", "parameters", "responses"))
    )


def _pick_media_schema(content: Any) -> Any:
    """The schema of the most useful media type: JSON first, then forms, then anything."""
    if not isinstance(content, dict) or not content:
        return None
    media = [(str(k).lower(), v) for k, v in content.items() if isinstance(v, dict)]

    def rank(item: tuple[str, dict]) -> int:
        name = item[0]
        if name == "application/json":
            return 0
        if "json" in name:
            return 1
        if "form" in name:
            return 2
        return 3

    for _, value in sorted(media, key=rank):
        if "schema" in value:
            return value["schema"]
    return None


def _status_sort_key(code: str) -> tuple[int, str]:
    return (0, code) if code[:1].isdigit() else (1, code)


# ---------------------------------------------------------------------------
# Matching and rendering helpers
# ---------------------------------------------------------------------------

_TEMPLATE_RE = re.compile(r"\{[^}/]*\}")


def _norm_path(path: str) -> str:
    path = (path or "").strip().split("?", 1)[0]
    if not path.startswith("/"):
        path = "/" + path
    path = re.sub(r"/{2,}", "/", path)
    return path.rstrip("/") or "/"


def _template_key(path: str) -> str:
    return _TEMPLATE_RE.sub("{}", _norm_path(path))


def _is_template_segment(segment: str) -> bool:
    return bool(_TEMPLATE_RE.fullmatch(segment)) or segment.startswith(":")


def _is_bare_body(fields: list[ApiField]) -> bool:
    """A body that is one un-named value (a string, a file, ...) rather than an object."""
    return len(fields) == 1 and fields[0].name == BARE_BODY


def _render_fields(fields: list[ApiField], max_fields: int, bare: bool = False) -> str:
    """"name (type, required) — description; ..." for at most `max_fields` fields.

    When there are too many, the shallowest fields are kept (a reader needs `order.id`
    before `order.provider.descriptor.images[].url`), shown in their original order.
    """
    max_fields = max(max_fields, 0)
    shown = fields
    if len(fields) > max_fields:
        by_depth = sorted(range(len(fields)), key=lambda i: (_field_depth(fields[i].name), i))
        keep = set(by_depth[:max_fields])
        shown = [f for i, f in enumerate(fields) if i in keep]
    parts = []
    for f in shown:
        attrs = [a for a in (f.type, "required" if f.required else None) if a]
        if bare:
            text = ", ".join(attrs) or "unspecified"
        else:
            text = f"{f.name} ({', '.join(attrs)})" if attrs else f.name
        desc = _clean_text(f.description)
        if desc:
            text += f" — {_truncate(desc, 150)}"
        parts.append(text)
    rest = len(fields) - len(parts)
    if rest > 0:
        parts.append(f"(+{rest} more fields)")
    return "; ".join(parts)


def _field_depth(name: str) -> int:
    return name.count(".") + name.count("[]")


def _first_sentence(text: str, limit: int = 120) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return _truncate(sentence, limit)


def _clean_text(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"<br\s*/?>", " ", str(text), flags=re.I)  # GitBook/Stoplight line breaks
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:  # prefer a word boundary when there is one nearby
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def _str_or_none(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _one_line(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip()[:300]


# ---------------------------------------------------------------------------
# Survey: `python -m ingest.openapi DIR...` prints one row per file
# ---------------------------------------------------------------------------


def _survey(roots: list[str]) -> int:
    total_ops = 0
    for root in roots:
        root_path = Path(root)
        files = sorted(p for p in root_path.glob("*/api/**/*") if p.is_file())
        unique: dict[str, set[tuple[str, str]]] = {}
        root_ops = 0
        print(f"\n## {root_path}  ({len(files)} files)\n")
        print(f"{'file':<90} {'ops':>4}  error / warnings")
        for p in files:
            result = load_openapi_file(p)
            rel = p.relative_to(root_path)
            repo = rel.parts[0]
            note = result.error or "; ".join(result.warnings[:3])
            if result.warnings and len(result.warnings) > 3:
                note += f"; (+{len(result.warnings) - 3} more warnings)"
            print(f"{str(rel):<90} {len(result.operations):>4}  {note}")
            root_ops += len(result.operations)
            for op in result.operations:
                unique.setdefault(repo, set()).add((op.method, _template_key(op.path).lower()))
        n_unique = sum(len(v) for v in unique.values())
        print(f"\nTOTAL {root_path.name}: {root_ops} operations in files; "
              f"{n_unique} unique (method, path) per repository")
        for repo, keys in sorted(unique.items()):
            print(f"  {repo:<32} {len(keys):>4} unique")
        total_ops += root_ops
    return 0


if __name__ == "__main__":
    sys.exit(_survey(sys.argv[1:] or ["."]))
