"""HTTP API: a FastAPI app over the Assistant — POST /ask, POST /suggest, GET /health, GET /buildingblocks.

The JSON bodies are the CLI's (`answer_record`, `suggestion_record` in assistant/cli.py), so a script can move
from `govstack-assistant ask --json` to HTTP without changing its parser. Library errors become
`{"error": "<one sentence>", "retryable": bool}` here, at the edge, and nowhere else.

Why answering is serialised per process: `Assistant.ask` keeps per-call state on shared objects (the
extractive answerer), so two concurrent calls in one process corrupt each other (measured: "Set changed
size during iteration" with 8 threads). Answering is CPU-bound (~50-80 ms) and holds the GIL anyway, so one
call at a time per process costs nothing; several processes (`--workers`) use several cores. Waiting
requests queue in the event loop (not in threads), so /health answers while /ask is busy.

FastAPI and uvicorn are imported inside functions: the CLI imports this module to register `serve`, and
`govstack-assistant ask` must not pay for a web framework.
"""
import asyncio
import base64
import hmac
import logging
import os
import sys
import threading
import time
import traceback
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from assistant.config import Settings
from assistant.errors import (
    AssistantError,
    BadQuestion,
    CorpusNotFound,
    IndexCorrupted,
    IndexMissing,
    IndexNotWritable,
    LLMUnavailable,
    SourceUnreachable,
    UnknownRelease,
)

log = logging.getLogger("govstack.http")

MAX_BODY_BYTES = 1_000_000  # larger bodies get 413 before any JSON parsing
MAX_TEXT_CHARS = 50_000  # a question/description up to this is accepted (the core then truncates and says so)
MAX_HISTORY_TURNS = 50
MAX_QUEUE = 128  # requests waiting for the answering slot of one process; beyond that 503 + Retry-After
HEALTH_TIMEOUT_S = 5.0
RELOAD_AFTER_S = 2.0  # after a failed load, the next attempt waits this long (requests meanwhile get the same 503)
RELEASE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"  # names like latest, 23Q4, 2024.1 — never a path
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8080


# ------------------------------------------------------------------------------------------------
# Errors at the edge
# ------------------------------------------------------------------------------------------------
class ApiError(Exception):
    """An error already decided at the edge: HTTP status, one sentence, whether retrying can help."""

    def __init__(self, status: int, message: str, retryable: bool = False, retry_after: int | None = None):
        super().__init__(message)
        self.status, self.message, self.retryable, self.retry_after = status, message, retryable, retry_after


# status, retryable, Retry-After seconds — per library error type (most specific first)
_LIBRARY_ERRORS: list[tuple[type, int, bool, int | None]] = [
    (BadQuestion, 422, False, None),
    (UnknownRelease, 422, False, None),
    (IndexMissing, 503, True, 30),
    (IndexCorrupted, 503, True, 30),
    (LLMUnavailable, 503, False, None),
    (SourceUnreachable, 503, True, 30),
    (CorpusNotFound, 503, False, None),
    (IndexNotWritable, 503, False, None),
]

# Exceptions that mean "the index store did not answer" (a Chroma server restarting, a locked SQLite file):
# the client should retry. Matched by module because chromadb/httpx raise many types of their own.
_STORE_MODULES = ("chromadb", "httpx", "httpcore", "sqlite3", "requests", "urllib3", "grpc")


def _is_store_failure(exc: BaseException) -> bool:
    if isinstance(exc, (ConnectionError, TimeoutError)):
        return True
    if type(exc).__module__.split(".")[0] in _STORE_MODULES:
        return True
    tb = exc.__traceback__
    frames = traceback.extract_tb(tb) if tb is not None else []
    # raised inside the store layer (ingest/store.py) or the Chroma client itself
    return any(f.filename.replace("\\", "/").endswith("ingest/store.py") or "/chromadb/" in f.filename for f in frames[-3:])


def to_api_error(exc: BaseException) -> ApiError:
    """Library error → (status, one sentence, retryable); anything else → 503 (store) or 500 (bug), no traceback."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, AssistantError):
        for typ, status, retryable, after in _LIBRARY_ERRORS:
            if isinstance(exc, typ):
                return ApiError(status, _one_line(str(exc)), retryable, after)
        return ApiError(400, _one_line(str(exc)), False)
    if _is_store_failure(exc):
        log.warning("index store failure: %s", type(exc).__name__)
        return ApiError(503, f"The index store did not answer ({type(exc).__name__}); try again in a few seconds.", True, 5)
    ref = uuid.uuid4().hex[:12]
    # the traceback goes to the server log (it holds code lines and the message, never headers or keys)
    log.error("unexpected error (ref %s)", ref, exc_info=(type(exc), exc, exc.__traceback__))
    return ApiError(500, f"Internal error (reference {ref}); the server log has the details.", False)


def _one_line(s: str) -> str:
    return " ".join(s.split())[:500]


def _redactor(settings: Settings) -> Callable[[str], str]:
    """Error sentences name the index folder (useful on a terminal); over HTTP only its last part is shown,
    so clients do not learn the server's directory layout. The full sentence goes to the server log."""
    pairs = []
    for p in (settings.index_dir, settings.cache_dir):
        if p is None:
            continue
        p = Path(p)
        for form in {str(p), str(p.expanduser().resolve())}:
            if len(form) > 1:
                pairs.append((form, f"…/{p.name}"))
    home = str(Path.home())
    pairs.sort(key=lambda kv: -len(kv[0]))

    def redact(msg: str) -> str:
        for full, short in pairs:
            msg = msg.replace(full, short)
        return msg.replace(home + "/", "~/") if len(home) > 1 else msg

    return redact


def _error_response(err: ApiError, redact: Callable[[str], str] | None = None):
    from fastapi.responses import JSONResponse

    if redact is not None and err.status >= 500:
        redacted = redact(err.message)
        if redacted != err.message:
            log.warning("%s", err.message)
        err = ApiError(err.status, redacted, err.retryable, err.retry_after)
    headers = {"Retry-After": str(err.retry_after)} if err.retry_after else None
    if err.status == 401:
        headers = {"WWW-Authenticate": 'Bearer realm="govstack-assistant"'}
    return JSONResponse({"error": err.message, "retryable": err.retryable}, status_code=err.status, headers=headers)


# ------------------------------------------------------------------------------------------------
# Authentication (optional): GOVSTACK_API_TOKEN (Bearer) and/or GOVSTACK_BASIC_AUTH=user:pass
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HttpAuth:
    token: str | None = None
    basic_user: str | None = None
    basic_password: str | None = None

    def __repr__(self) -> str:  # never print a secret, not even in a debugger or a log line
        return f"HttpAuth(token={'set' if self.token else 'unset'}, basic={'set' if self.basic_user else 'unset'})"

    __str__ = __repr__

    @property
    def enabled(self) -> bool:
        return bool(self.token or self.basic_user)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "HttpAuth":
        env = os.environ if environ is None else environ
        token = (env.get("GOVSTACK_API_TOKEN") or "").strip() or None
        basic = env.get("GOVSTACK_BASIC_AUTH") or ""
        user = pw = None
        if basic:
            if ":" not in basic:
                raise AssistantError("GOVSTACK_BASIC_AUTH must look like user:password.")
            user, pw = basic.split(":", 1)
            if not user or not pw:
                raise AssistantError("GOVSTACK_BASIC_AUTH must look like user:password (both non-empty).")
        return cls(token, user, pw)

    def check(self, authorization: str | None) -> bool:
        """Constant-time comparison of the Authorization header against the configured credentials."""
        if not self.enabled:
            return True
        if not authorization:
            return False
        scheme, _, value = authorization.strip().partition(" ")
        value = value.strip()
        if scheme.lower() == "bearer" and self.token:
            return hmac.compare_digest(value.encode("utf-8", "replace"), self.token.encode("utf-8"))
        if scheme.lower() == "basic" and self.basic_user:
            try:
                raw = base64.b64decode(value, validate=True)
            except (ValueError, TypeError):
                return False
            user, sep, pw = raw.partition(b":")
            ok_user = hmac.compare_digest(user, self.basic_user.encode("utf-8"))
            ok_pw = hmac.compare_digest(pw, self.basic_password.encode("utf-8"))
            return bool(sep) and ok_user and ok_pw
        return False


# ------------------------------------------------------------------------------------------------
# The Assistant, loaded once per process, and the one answering slot
# ------------------------------------------------------------------------------------------------
class AssistantHolder:
    """Gives the Assistant; loads it from a factory on first use and retries after a failure
    (an index built after the server started is picked up without a restart)."""

    def __init__(self, factory_or_instance: Any):
        if callable(factory_or_instance) and not hasattr(factory_or_instance, "ask"):
            self._factory, self._instance = factory_or_instance, None
        else:
            self._factory, self._instance = None, factory_or_instance
        self._lock = threading.Lock()
        self.loading = False
        self.last_error: str | None = None
        self._failure: tuple[float, BaseException] | None = None

    @property
    def loaded(self):
        return self._instance

    def get(self):
        if self._instance is not None:
            return self._instance
        with self._lock:
            if self._instance is None:
                if self._failure and time.monotonic() - self._failure[0] < RELOAD_AFTER_S:
                    # a burst of requests against a missing index (or an unreachable Chroma server) does not
                    # retry the load once per request: they share the last failure for a moment
                    raise self._failure[1]
                self.loading = True
                try:
                    t0 = time.perf_counter()
                    self._instance = self._factory()
                    self.last_error, self._failure = None, None
                    log.info("assistant loaded in %.1f s", time.perf_counter() - t0)
                except Exception as e:
                    self.last_error = _one_line(str(e)) if isinstance(e, AssistantError) else type(e).__name__
                    self._failure = (time.monotonic(), e)
                    raise
                finally:
                    self.loading = False
        return self._instance


class AnswerGate:
    """One answering call at a time per process; waiters queue in the event loop, bounded by max_queue."""

    def __init__(self, max_queue: int = MAX_QUEUE):
        self.max_queue = max_queue
        self.waiting = 0
        self._sem: asyncio.Semaphore | None = None
        self._loop = None

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if self._sem is None or self._loop is not loop:  # a TestClient runs each client on its own loop
            self._sem, self._loop = asyncio.Semaphore(1), loop
        return self._sem

    async def run(self, fn: Callable[[], Any]) -> Any:
        from starlette.concurrency import run_in_threadpool

        if self.waiting >= self.max_queue:
            raise ApiError(503, f"The server is busy ({self.waiting} requests waiting); try again in a second.", True, 1)
        self.waiting += 1
        try:
            async with self._semaphore():
                return await run_in_threadpool(fn)
        finally:
            self.waiting -= 1


# ------------------------------------------------------------------------------------------------
# Request/response schemas (built lazily: pydantic and FastAPI are imported only when serving)
# ------------------------------------------------------------------------------------------------
_SCHEMAS: dict[str, Any] = {}


def _schemas() -> dict[str, Any]:
    if _SCHEMAS:
        return _SCHEMAS
    from typing import Literal, Optional, Union

    from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

    from assistant import registry
    from assistant.types import CHUNK_KINDS, BuildingBlockScore, Citation, SimilarUseCase, SuggestionStep

    BBId = Literal[tuple(registry.bb_ids())]  # type: ignore[valid-type]
    Kind = Literal[CHUNK_KINDS]  # type: ignore[valid-type]
    Id = Optional[Union[StrictInt, StrictStr]]  # strict: `"id": false` must not come back as 0

    class Turn(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=True)
        role: Literal["user", "assistant"]
        content: str = Field(max_length=MAX_TEXT_CHARS)

    class Filters(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=True)
        release: Optional[str] = Field(None, pattern=RELEASE_PATTERN, description="release to answer from (default: the server's)")
        bb: Optional[list[BBId]] = Field(None, max_length=15, description="restrict to these building blocks")
        kind: Optional[list[Kind]] = Field(None, max_length=len(CHUNK_KINDS), description="restrict to these chunk kinds")

    class AskRequest(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [{"question": "What is a consent record?"}]})
        question: str = Field(max_length=MAX_TEXT_CHARS, description="the question (long ones are truncated and the answer says so)")
        history: list[Turn] = Field(default_factory=list, max_length=MAX_HISTORY_TURNS, description="earlier turns, oldest first")
        filters: Optional[Filters] = None
        id: Id = Field(None, description="echoed back as `id`, like `ask --batch`")

    class SuggestRequest(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={
            "examples": [{"description": "Farmers register, get SMS advice and receive subsidy vouchers"}]})
        description: str = Field(max_length=MAX_TEXT_CHARS, description="the service, in your own words")
        exclude_use_cases: list[str] = Field(default_factory=list, max_length=100,
                                             description="reference use-case ids to leave out (for evaluations)")
        id: Id = Field(None, description="echoed back as `id`, like `suggest --batch`")

    class ErrorOut(BaseModel):
        error: str = Field(description="one sentence: what went wrong and what to do")
        retryable: bool = Field(description="true when the same request may succeed later (index loading, store restarting)")

    class AnswerOut(BaseModel):
        id: Id = None
        answer: str
        citations: list[Citation]
        retrieved: list[Citation]
        abstained: bool
        timings_ms: dict[str, float]
        release: Optional[str]
        backend: str
        notice: Optional[str]

    class SuggestionOut(BaseModel):
        id: Id = None
        building_blocks: list[BuildingBlockScore]
        steps: list[SuggestionStep]
        similar_use_cases: list[SimilarUseCase]
        sdg_targets: list[dict[str, Any]]
        timings_ms: dict[str, float]
        guidance: Optional[str]
        focus: Optional[str] = None  # the building block the description centres on, if one stands out
        spelled: list[list[str]] = []  # typos read as spec words: [typed, read as]
        unread_chars: int = 0  # a description over the advisor's limit: characters of its end not read

    class HealthOut(BaseModel):
        status: Literal["ok"]
        chunks: int
        releases: list[str]
        default_release: str
        backend: str
        embedding_model: Optional[str] = None

    class BBCounts(BaseModel):
        chunks: int
        api_operations: int
        glossary_terms: int

    class BuildingBlockOut(BaseModel):
        id: str
        name: str
        aliases: list[str]
        description: str
        counts: BBCounts

    class BuildingBlocksOut(BaseModel):
        release: str
        building_blocks: list[BuildingBlockOut]

    _SCHEMAS.update({k: v for k, v in locals().items() if isinstance(v, type) and issubclass(v, BaseModel)})
    return _SCHEMAS


def _filters_for_core(f) -> dict | None:
    if f is None:
        return None
    out: dict[str, Any] = {}
    if f.release:
        out["release"] = f.release
    if f.bb:
        out["bb"] = list(f.bb)
    if f.kind:
        out["kind"] = list(f.kind)
    return out or None


def building_block_counts(assistant, release: str) -> dict[str, dict[str, int]]:
    """Per building block: chunks, distinct API operations and distinct glossary terms in one release."""
    chunks: dict[str, int] = {}
    ops: dict[str, set] = {}
    terms: dict[str, set] = {}
    for c in assistant.index.chunks.values():
        if c.release != release or not c.bb:
            continue
        chunks[c.bb] = chunks.get(c.bb, 0) + 1
        if c.kind == "api_operation":
            ops.setdefault(c.bb, set()).add((c.folder, c.extra.get("method"), c.extra.get("api_path")))
        elif c.kind == "glossary_term":
            terms.setdefault(c.bb, set()).add((c.folder, c.path, c.extra.get("term")))
    return {bb: {"chunks": chunks.get(bb, 0), "api_operations": len(ops.get(bb, ())), "glossary_terms": len(terms.get(bb, ()))}
            for bb in set(chunks) | set(ops) | set(terms)}


# ------------------------------------------------------------------------------------------------
# ASGI middleware: body size limit (413) and response hardening headers
# ------------------------------------------------------------------------------------------------
class BodyLimitMiddleware:
    """Rejects request bodies over `limit` bytes with 413 — by Content-Length, or while reading a chunked body."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.limit
            except ValueError:
                return await self._reject(send, 400, "The Content-Length header is not a number.")
            if too_big:
                return await self._reject(send, 413, f"The request body is larger than {self.limit} bytes; send less text.")
        # read the body here (bounded) and replay it, so a chunked upload cannot grow without limit
        body, more = bytearray(), True
        while more:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body += msg.get("body", b"")
            more = msg.get("more_body", False)
            if len(body) > self.limit:
                return await self._reject(send, 413, f"The request body is larger than {self.limit} bytes; send less text.")
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _reject(send, status: int, message: str):
        import json

        payload = json.dumps({"error": message, "retryable": False}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": payload})


class HardeningMiddleware:
    """Headers on every response: no MIME sniffing, no caching of answers, no framing; JSON only, so a strict CSP."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        docs = scope.get("path", "") in ("/docs", "/redoc", "/docs/oauth2-redirect")

        async def send_with_headers(msg):
            if msg["type"] == "http.response.start":
                extra = [(b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store"),
                         (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer")]
                if not docs:  # the interactive docs page loads Swagger UI; everything else is JSON
                    extra.append((b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"))
                msg = dict(msg)
                msg["headers"] = list(msg.get("headers") or []) + extra
            await send(msg)

        await self.app(scope, receive, send_with_headers)


# ------------------------------------------------------------------------------------------------
# The app
# ------------------------------------------------------------------------------------------------
def create_http_app(assistant_factory_or_instance: Any, settings: Settings | None = None, auth: HttpAuth | None = None,
                    max_queue: int = MAX_QUEUE, max_body_bytes: int = MAX_BODY_BYTES, preload: bool = True):
    """The FastAPI app. `assistant_factory_or_instance`: an Assistant (or anything with ask/suggest/index/store),
    or a no-argument callable returning one (loaded once, at startup when `preload`, else on first use).
    `auth`: credentials required on /ask, /suggest and /buildingblocks (None = open; read it with HttpAuth.from_env()
    at the edge). /health, /openapi.json and /docs stay open so load balancers and clients can probe them."""
    from contextlib import asynccontextmanager

    from fastapi import Depends, FastAPI, Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from fastapi.security import HTTPBasic, HTTPBearer
    from starlette.concurrency import run_in_threadpool
    from starlette.exceptions import HTTPException as StarletteHTTPException

    from assistant.cli import answer_record, suggestion_record

    S = _schemas()
    settings = settings or Settings()
    auth = auth or HttpAuth()
    holder = AssistantHolder(assistant_factory_or_instance)
    gate = AnswerGate(max_queue)
    redact = _redactor(settings)
    bb_cache: dict[tuple[int, str], dict] = {}

    @asynccontextmanager
    async def lifespan(app):
        if preload and holder.loaded is None:
            # load in the background: the server accepts connections (and /health says "loading") meanwhile
            threading.Thread(target=_preload, name="assistant-preload", daemon=True).start()
        yield

    def _preload():
        try:
            holder.get()
        except Exception as e:  # reported by /health and by every request until the index is usable
            log.warning("assistant not loaded: %s", _one_line(str(e)) if isinstance(e, AssistantError) else type(e).__name__)

    error_responses = {
        422: {"model": S["ErrorOut"], "description": "bad input (one sentence says what)"},
        413: {"model": S["ErrorOut"], "description": "request body over the size limit"},
        500: {"model": S["ErrorOut"], "description": "unexpected error (no details; see the server log)"},
        503: {"model": S["ErrorOut"], "description": "index missing/loading/unreachable or server busy; see retryable and Retry-After"},
    }
    if auth.enabled:
        error_responses[401] = {"model": S["ErrorOut"], "description": "missing or wrong credentials"}

    app = FastAPI(
        title="GovStack assistant API",
        version="0.1.0",
        description=("Cited answers and building-block suggestions over the GovStack specification. "
                     "JSON bodies match `govstack-assistant ask --json` and `suggest --json`. "
                     "Errors are `{\"error\": one sentence, \"retryable\": bool}`."),
        lifespan=lifespan,
    )
    app.state.holder, app.state.gate, app.state.auth = holder, gate, auth

    bearer, basic = HTTPBearer(auto_error=False), HTTPBasic(auto_error=False)

    async def require_auth(request: Request, _b=Depends(bearer), _u=Depends(basic)):
        # the security dependencies document the schemes in OpenAPI; the check itself is constant-time in HttpAuth
        if not auth.check(request.headers.get("authorization")):
            raise ApiError(401, "Authentication required: send 'Authorization: Bearer <token>' or HTTP basic credentials.")

    protected = [Depends(require_auth)] if auth.enabled else []

    # ----- error handlers: every error is {"error", "retryable"} ---------------------------------------
    @app.exception_handler(ApiError)
    async def _api_error(request, exc: ApiError):
        return _error_response(exc, redact)

    @app.exception_handler(AssistantError)
    async def _library_error(request, exc: AssistantError):
        return _error_response(to_api_error(exc), redact)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request, exc: RequestValidationError):
        return _error_response(ApiError(422, _validation_sentence(exc.errors()), False))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request, exc: StarletteHTTPException):
        status = exc.status_code
        msg = {404: "No such endpoint: use POST /ask, POST /suggest, GET /health or GET /buildingblocks (see /docs).",
               405: "This endpoint does not accept that method (see /docs)."}.get(status, _one_line(str(exc.detail)))
        if status == 400 and request.method == "POST":  # FastAPI could not decode the body (not UTF-8 JSON)
            status, msg = 422, "The request body is not valid JSON (UTF-8)."
        resp = _error_response(ApiError(status, msg, False))
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(Exception)
    async def _unexpected(request, exc: Exception):  # last line of defence: one sentence, no traceback
        return _error_response(to_api_error(exc), redact)

    async def call(fn: Callable[[Any], Any]) -> Any:
        """Run fn(assistant) in the answering slot; every failure becomes an ApiError."""
        def work():
            return fn(holder.get())

        try:
            return await gate.run(work)
        except ApiError:
            raise
        except Exception as e:
            raise to_api_error(e) from None

    async def loaded_assistant(wait: bool = True):
        """The Assistant for read-only endpoints (no answering slot needed); /health does not wait for a load."""
        if holder.loaded is not None:
            return holder.loaded
        if holder.loading and not wait:
            raise ApiError(503, "The index is still loading; try again in a few seconds.", True, 5)
        try:
            return await run_in_threadpool(holder.get)
        except Exception as e:
            raise to_api_error(e) from None

    # ----- endpoints ----------------------------------------------------------------------------------
    @app.post("/ask", dependencies=protected, response_model=None, responses={200: {"model": S["AnswerOut"]}, **error_responses},
              summary="Answer a question with numbered citations (same JSON as `ask --json`)")
    async def ask(req: S["AskRequest"]):  # type: ignore[valid-type]
        history = [t.model_dump() for t in req.history]
        filters = _filters_for_core(req.filters)
        ans = await call(lambda a: a.ask(req.question, history=history, filters=filters))
        return JSONResponse(answer_record(ans, req.id))

    @app.post("/suggest", dependencies=protected, response_model=None,
              responses={200: {"model": S["SuggestionOut"]}, **error_responses},
              summary="Building blocks for a described service (same JSON as `suggest --json`)")
    async def suggest(req: S["SuggestRequest"]):  # type: ignore[valid-type]
        exclude = list(req.exclude_use_cases) or None
        s = await call(lambda a: a.suggest(req.description, exclude_use_cases=exclude))
        return JSONResponse(suggestion_record(s, req.id))

    @app.get("/health", response_model=None,
             responses={200: {"model": S["HealthOut"]}, 503: error_responses[503], 500: error_responses[500]},
             summary="Is the index reachable? Chunk count, releases, answer backend")
    async def health():
        import anyio

        a = await loaded_assistant(wait=False)

        def probe():
            n = a.store.count()
            try:  # the embedding model the index was built with: nice to know, not a reason to fail
                meta = a.store.meta() if hasattr(a.store, "meta") else {}
            except Exception:
                meta = {}
            return n, meta

        try:
            # abandon_on_cancel: a hung store must not hold the health check (the probe thread only reads)
            with anyio.fail_after(HEALTH_TIMEOUT_S):
                n, meta = await anyio.to_thread.run_sync(probe, abandon_on_cancel=True)
        except TimeoutError:
            raise ApiError(503, f"The index store did not answer within {HEALTH_TIMEOUT_S:.0f} s; try again shortly.", True, 5)
        except Exception as e:
            err = to_api_error(e)
            if err.status == 500:  # any failure to count chunks means the store is not usable right now
                err = ApiError(503, f"The index store is unreachable ({type(e).__name__}); try again in a few seconds.", True, 5)
            raise err from None
        llm = getattr(a, "llm", None)
        return JSONResponse({
            "status": "ok",
            "chunks": int(n),
            "releases": list(a.index.releases),
            "default_release": a.settings.release,
            "backend": llm.name if llm is not None else "offline",
            "embedding_model": meta.get("embedding_model"),
        })

    @app.get("/buildingblocks", dependencies=protected, response_model=None,
             responses={200: {"model": S["BuildingBlocksOut"]}, **error_responses},
             summary="The 15 building blocks with aliases, descriptions and what the index holds for each")
    async def buildingblocks(release: str | None = Query(None, pattern=RELEASE_PATTERN, description="default: the server's release")):
        from assistant import registry

        a = await loaded_assistant()
        rel = release or a.settings.release
        if rel not in a.index.releases:
            raise ApiError(422, f"Release {rel!r} is not in the index (it has: {', '.join(a.index.releases)}).")
        key = (id(a), rel)
        if key not in bb_cache:
            bb_cache[key] = await run_in_threadpool(building_block_counts, a, rel)
        counts = bb_cache[key]
        out = [{"id": b.id, "name": b.name, "aliases": list(b.aliases), "description": b.description,
                "counts": counts.get(b.id, {"chunks": 0, "api_operations": 0, "glossary_terms": 0})}
               for b in registry.building_blocks()]
        return JSONResponse({"release": rel, "building_blocks": out})

    app.add_middleware(BodyLimitMiddleware, limit=max_body_bytes)
    app.add_middleware(HardeningMiddleware)
    return app


def _validation_sentence(errors) -> str:
    """FastAPI's validation error list → one sentence naming the first problem (never echoing the input)."""
    if not errors:
        return "The request is not valid."
    import re

    e = errors[0]
    # the location may hold a client-chosen key (an unknown field's name): shown only when it is a plain identifier
    parts = [str(x) for x in e.get("loc", ()) if x not in ("body", "query")]
    loc = ".".join(x if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,40}|\d{1,6}", x) else "…" for x in parts) or "body"
    typ = e.get("type", "")
    if typ == "json_invalid":
        return "The request body is not valid JSON."
    if typ == "missing":
        return f"Missing field '{loc}'."
    if typ == "extra_forbidden":
        return f"Unknown field '{loc}'."
    if typ == "string_too_long":
        limit = (e.get("ctx") or {}).get("max_length")
        return f"Field '{loc}' is too long (the limit is {limit} characters)."
    if typ == "too_long":
        limit = (e.get("ctx") or {}).get("max_length")
        return f"Field '{loc}' has too many items (the limit is {limit})."
    if typ == "literal_error":
        expected = (e.get("ctx") or {}).get("expected", "")
        return f"Field '{loc}' must be one of: {str(expected)[:400]}."
    if typ == "string_pattern_mismatch":
        return f"Field '{loc}' is not a valid name (letters, digits, '.', '_' and '-' only)."
    msg = _one_line(str(e.get("msg", "invalid value")))
    extra = f" ({len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return f"Field '{loc}': {msg}{extra}."


# ------------------------------------------------------------------------------------------------
# Entry points: `govstack-assistant serve` and an import-string factory for uvicorn workers
# ------------------------------------------------------------------------------------------------
def _assistant_factory(settings: Settings) -> Callable[[], Any]:
    def make():
        import threading

        from assistant.service import Assistant

        a = Assistant(settings)
        # the advisor's reference data (which-block questions, /suggest) and the answerer's sentence vectors are built
        # in the background, not by the first request that needs them
        threading.Thread(target=a.warm, name="warm-up", daemon=True).start()
        return a

    return make


def app_from_env():
    """`uvicorn --factory ui.http:app_from_env`: settings and credentials from the environment (one Assistant per worker)."""
    settings = Settings.from_env()
    return create_http_app(_assistant_factory(settings), settings, auth=HttpAuth.from_env())


def cmd_serve(args) -> int:
    from dataclasses import replace

    try:
        import uvicorn
    except ImportError as e:
        raise AssistantError("The HTTP API needs fastapi and uvicorn: pip install fastapi uvicorn.") from e

    auth = HttpAuth.from_env()  # fail early on a malformed GOVSTACK_BASIC_AUTH
    workers = args.workers or int(os.environ.get("GOVSTACK_HTTP_WORKERS") or 1)
    settings = Settings.from_env(index_dir=Path(args.index) if args.index else None, chroma_url=args.chroma_url, llm=args.llm)
    if args.release:
        settings = replace(settings, release=args.release)
    loopback = args.host in ("127.0.0.1", "localhost", "::1")
    if not loopback and not auth.enabled:
        print(f"warning: serving on {args.host} without authentication; set GOVSTACK_API_TOKEN or GOVSTACK_BASIC_AUTH "
              "(see docs/operations.md).", file=sys.stderr)
    print(f"GovStack assistant API on http://{args.host}:{args.port} (docs at /docs; index {settings.chroma_url or settings.index_dir}; "
          f"{workers} worker(s); auth {'on' if auth.enabled else 'off'})", file=sys.stderr)
    common = dict(host=args.host, port=args.port, log_level=args.log_level, access_log=args.access_log,
                  timeout_graceful_shutdown=10, limit_concurrency=args.limit_concurrency)
    if workers <= 1:
        uvicorn.run(create_http_app(_assistant_factory(settings), settings, auth=auth), **common)
        return 0
    # several processes: each worker builds its own app (and loads its own Assistant) from the environment,
    # so the command-line choices are handed over as the environment variables Settings.from_env() reads
    env = {"GOVSTACK_INDEX_DIR": str(settings.index_dir), "GOVSTACK_RELEASE": settings.release}
    if settings.chroma_url:
        env["GOVSTACK_CHROMA_URL"] = settings.chroma_url
    if settings.llm:
        env["GOVSTACK_LLM"] = settings.llm
    os.environ.update(env)
    uvicorn.run("ui.http:app_from_env", factory=True, workers=workers, **common)
    return 0


def register(sub, common) -> None:
    """Adds `govstack-assistant serve` to the CLI (called from assistant/cli.py)."""
    sp = sub.add_parser("serve", help="serve the HTTP API (POST /ask, POST /suggest, GET /health, GET /buildingblocks)")
    common(sp, llm=True)
    sp.add_argument("--host", default=DEFAULT_HOST, help="interface to listen on (default 127.0.0.1, this machine only)")
    sp.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8080)")
    sp.add_argument("--release", help="release answered from by default (default: GOVSTACK_RELEASE or latest)")
    sp.add_argument("--workers", type=int, default=None,
                    help="processes, each with its own copy of the index in memory (~0.9 GB each); "
                         "use one per CPU core (default 1, or GOVSTACK_HTTP_WORKERS)")
    sp.add_argument("--limit-concurrency", type=int, default=None,
                    help="refuse connections (503) beyond this many per worker (default: unlimited; queued requests "
                         f"beyond {MAX_QUEUE} per worker get 503 anyway)")
    sp.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    sp.add_argument("--no-access-log", dest="access_log", action="store_false", help="do not log one line per request")
    sp.set_defaults(func=cmd_serve)
