"""Plain data types shared by every stage: Chunk, Citation, Answer, Suggestion (no heavy imports)."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Mapping


def field_of(obj: Any, name: str, default: Any = None) -> Any:
    """A field of a result type or of its dict (to_dict, the HTTP API's JSON): renderers take either."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


# The chunk kinds the index knows. Retrieval boosts and filters speak this vocabulary.
CHUNK_KINDS = (
    "prose",
    "api_operation",
    "api_schema",
    "glossary_term",
    "requirement",
    "use_case",
    "use_case_step",
    "framework_bb",
    "framework_workflow",
    "framework_use_case",
    "sdg_target",
)


def content_hash(*parts: str) -> str:
    """Stable hash of text parts; used for chunk ids so re-writing the same chunk is harmless.

    >>> content_hash("a", "b") == content_hash("a", "b") != content_hash("ab")
    True
    """
    h = hashlib.sha1()
    for p in parts:
        h.update(p.encode("utf-8", "replace"))
        h.update(b"\x1f")  # separator so ("a","b") != ("ab",)
    return h.hexdigest()


# the last line of the head a later part of a cut sequence diagram repeats (a mermaid comment; see Chunk.embed_text)
DIAGRAM_CONTINUED = "%% continued"
_DIAGRAM_HEAD = re.compile(r"(?m)^```mermaid\nsequenceDiagram\n(?:(?:participant|actor) .*\n)*" + DIAGRAM_CONTINUED + r"\n?")


def without_diagram_head(text: str) -> str:
    r"""The text without the head a later part of a cut sequence diagram repeats for its readers (ingest.split): what
    is searched and what takes chunk budget.

    >>> without_diagram_head("```mermaid\nsequenceDiagram\nparticipant A as Applicant\n%% continued\nA ->> B : go")
    'A ->> B : go'
    """
    return _DIAGRAM_HEAD.sub("", text).strip() if DIAGRAM_CONTINUED in text else text


def label_name(text: str) -> str:
    """An option's name as a bold label line gives it, the same whether ingest reads the line or an answer reads the
    passage ("1. OpenID Connect based Single Sign-On (SSO):" → "OpenID Connect based Single Sign-On (SSO)").

    >>> label_name("3. Key-based, decentralized Authentication:")
    'Key-based, decentralized Authentication'
    """
    return re.sub(r"^\s*\d{1,2}[.)]\s*", "", text).strip().rstrip(":. ")


@dataclass
class Chunk:
    """One retrievable unit of the spec, with everything needed to cite it."""

    text: str  # display text (clean markdown), what answers quote
    release: str
    repo: str  # GitHub owner/name
    folder: str  # repo folder name, e.g. "bb-consent"
    path: str  # path inside the repo, e.g. "spec/3-terminology.md"
    kind: str  # one of CHUNK_KINDS
    bb: str | None = None  # canonical building-block id, or None
    chapter: str | None = None  # page title, e.g. "3 Terminology"
    heading_path: list[str] = field(default_factory=list)  # ["Consent", "4 Key Digital Functionalities", "4.2 …"]
    url: str | None = None  # published spec page
    commit: str | None = None  # source commit
    extra: dict[str, Any] = field(default_factory=dict)  # kind-specific fields (method, api_path, term, level…)

    @property
    def section(self) -> str:
        return " › ".join(self.heading_path)

    @property
    def api_title(self) -> str:
        """For an API operation, the title of its API (its heading's parent: "Bill Inquiry API for Payer FI"): two APIs
        can define the same method and path."""
        return self.heading_path[-2] if self.kind == "api_operation" and len(self.heading_path) > 2 else ""

    @property
    def embed_text(self) -> str:
        """What the embedder and BM25 read: the heading path gives a passage its context. The head a later part of a
        cut sequence diagram repeats for its readers (ingest.split._diagram_head) is not read: it would make every
        part of the diagram alike."""
        head, text = self.section, without_diagram_head(self.text)
        return f"{head}\n{text}" if head else text

    @cached_property
    def id(self) -> str:
        # Release is part of the id: the same text in two releases is two citable chunks.
        # Cached: the pipeline asks for it many times per chunk; a chunk's text never changes after creation.
        return content_hash(self.release, self.folder, self.path, self.kind, self.section, self.text)

    def metadata(self) -> dict[str, Any]:
        """Flat, Chroma-compatible metadata (str/int/float/bool only; no None, no lists)."""
        md: dict[str, Any] = {
            "release": self.release,
            "repo": self.repo,
            "folder": self.folder,
            "path": self.path,
            "kind": self.kind,
            "bb": self.bb or "",
            "chapter": self.chapter or "",
            "heading_path": json.dumps(self.heading_path, ensure_ascii=False),
            "url": self.url or "",
            "commit": self.commit or "",
            "content_hash": content_hash(self.text),
            "source_key": source_key(self.release, self.folder, self.path),
        }
        for k, v in self.extra.items():
            if v is None:
                continue
            md[f"x_{k}"] = v if isinstance(v, (str, int, float, bool)) else json.dumps(v, ensure_ascii=False)
        return md

    @classmethod
    def from_metadata(cls, text: str, md: dict[str, Any]) -> "Chunk":
        extra = {}
        for k, v in md.items():
            if k.startswith("x_"):
                extra[k[2:]] = v
        return cls(
            text=text,
            release=md.get("release", ""),
            repo=md.get("repo", ""),
            folder=md.get("folder", ""),
            path=md.get("path", ""),
            kind=md.get("kind", "prose"),
            bb=md.get("bb") or None,
            chapter=md.get("chapter") or None,
            heading_path=json.loads(md.get("heading_path") or "[]"),
            url=md.get("url") or None,
            commit=md.get("commit") or None,
            extra=extra,
        )


def source_key(release: str, folder: str, path: str) -> str:
    """Identity of one source file in one release (the unit of incremental re-ingest)."""
    return f"{release}:{folder}/{path}"


@dataclass
class Citation:
    n: int
    repo: str
    folder: str
    path: str
    release: str
    bb: str | None
    title: str
    section: str
    url: str | None
    snippet: str
    chunk_id: str = ""
    kind: str = "prose"
    score: float = 0.0


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    retrieved: list[Citation] = field(default_factory=list)
    abstained: bool = False
    timings_ms: dict[str, float] = field(default_factory=dict)
    release: str | None = None
    backend: str = "offline"
    notice: str | None = None  # e.g. "LLM endpoint failed; offline answer shown"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass
class BuildingBlockScore:
    id: str
    name: str
    score: float
    selected: bool
    reasons: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


@dataclass
class SuggestionStep:
    text: str
    workflows: list[str] = field(default_factory=list)
    building_blocks: list[str] = field(default_factory=list)


@dataclass
class SimilarUseCase:
    id: str
    title: str
    score: float
    building_blocks: list[str]
    source: str = "govstack"  # "govstack" product use case or "sdg-framework"
    url: str | None = None


@dataclass
class Suggestion:
    description: str
    building_blocks: list[BuildingBlockScore] = field(default_factory=list)
    steps: list[SuggestionStep] = field(default_factory=list)
    similar_use_cases: list[SimilarUseCase] = field(default_factory=list)
    sdg_targets: list[dict[str, Any]] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    guidance: str | None = None  # set when the input is not a service description
    focus: str | None = None  # the selected BB the description itself revolves around (None: no single one)
    spelled: list[tuple[str, str]] = field(default_factory=list)  # typos read as spec words: (typed, read as)
    unread_chars: int = 0  # a description over MAX_DESCRIPTION_CHARS: how much of its end was not read

    @property
    def selected(self) -> list[str]:
        return [b.id for b in self.building_blocks if b.selected]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
