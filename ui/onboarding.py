"""Onboarding paths: per role, a short sequence of lessons whose content is asked of the specification.

The framing sentences ("why this matters to you") are this project's words; everything a lesson *teaches*
comes from `Assistant.ask(question)` and so carries citations. Answers are cached per process, per
(release, question): a lesson is computed once, then served from memory to every visitor.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True)
class Lesson:
    key: str
    title: str
    questions: tuple[str, ...]  # asked of the spec; the answers are the lesson
    why: dict[str, str] = field(default_factory=dict)  # role → one framing sentence (ours)
    suggested: tuple[str, ...] = ()  # follow-up questions that open in the Ask tab
    list_bbs: bool = False  # add the 15 building blocks (registry) below the answer


ROLES = {
    "official": "Government official",
    "architect": "Enterprise / solution architect",
    "developer": "Developer",
    "procurement": "Procurement officer",
}

CORE = (
    Lesson("govstack", "What GovStack is", ("What is GovStack?",),
           {"official": "Start here: what GovStack offers a government that wants to digitise services.",
            "architect": "The initiative behind the specification you will design against.",
            "developer": "The context of the APIs and requirements you will implement.",
            "procurement": "What GovStack is, so you can reference it in tenders."},
           ("What does GovStack offer governments?", "How can governments adopt GovStack?",
            "Who is behind GovStack?")),
    Lesson("framework", "The SDG Digital Investment Framework layers",
           ("What are the layers of the SDG Digital Investment Framework?",),
           {"official": "The framework links development goals (SDG targets) to reusable technology investments.",
            "architect": "The four layers are the vocabulary that maps a service to building blocks.",
            "developer": "Use cases and workflows are where your component fits in the bigger picture.",
            "procurement": "The layers explain why buying reusable blocks beats buying one-off systems."},
           ("What is a reference use case?", "What is the Rural Advisory Service use case?",
            "What does Building Block mean?")),
    Lesson("bb", "What a building block is", ("What does Building Block mean?",),
           {"official": "Building blocks are the reusable pieces a government invests in once and uses many times.",
            "architect": "A building block is the unit of your architecture: autonomous, interoperable, reusable.",
            "developer": "A building block is a set of services with REST APIs you implement or consume.",
            "procurement": "A building block is what a supplier's product has to comply with."},
           ("What are the criteria for a building block?", "What does it mean that a building block is autonomous?",
            "What standards must every building block use?")),
    Lesson("bbs", "The building blocks", ("What are GovStack building blocks?",),
           {"official": "Fifteen building blocks cover what most government services need.",
            "architect": "Know the fifteen blocks and what each is responsible for.",
            "developer": "Each block has its own specification, APIs and data structures.",
            "procurement": "Each block is specified separately, so it can be procured separately."},
           ("What does the Payments building block do?", "What are the key digital functionalities of the Identity building block?",
            "What does the Registration building block do?"), list_bbs=True),
    Lesson("interop", "How building blocks interoperate",
           ("How do building blocks interoperate through the Information Mediator?",),
           {"official": "Blocks share data securely through one exchange layer instead of point-to-point links.",
            "architect": "The Information Mediator is the backbone of every GovStack architecture.",
            "developer": "Calls between blocks go through the Information Mediator: learn its role first.",
            "procurement": "Interoperability through the Information Mediator avoids vendor lock-in between blocks."},
           ("How does the Information Mediator log transactions?", "Can building blocks call each other directly?",
            "How does the Information Mediator secure data exchange?")),
    Lesson("usecases", "Use cases", ("What is a reference use case?",),
           {"official": "Reference use cases show complete services built from building blocks.",
            "architect": "Start a design from the closest reference use case and its step-to-block mapping.",
            "developer": "Use-case steps tell you which APIs are called in which order.",
            "procurement": "Use cases help you scope what to buy for a given service."},
           ("Which building blocks does the Unconditional Social Cash Transfer use case use?",
            "What are the steps of the construction permit use case?", "What is the Rural Advisory Service use case?")),
    Lesson("reading", "Where to read next", ("Where should a newcomer start reading the specification?",),
           {"official": "The pages to read, in order, once you know what GovStack offers.",
            "architect": "The architecture and cross-cutting pages come before any one block's specification.",
            "developer": "Every block's specification has the same chapters: read them in this order.",
            "procurement": "The pages a tender can refer to, in the order they build on each other."},
           ("Where do I start with the Payments spec?", "Where do I start with the Identity spec?",
            "What are the standard chapters of a building block specification?")),
)

ROLE_EXTRA = {
    "official": Lesson("adopt", "Adopting GovStack", ("How can governments adopt GovStack?",),
                       {"official": "The path from a strategy to services built on reusable blocks."},
                       ("What is the GovStack implementation playbook?", "What does GovStack offer governments?",
                        "What is a reference use case?")),
    "architect": Lesson("criteria", "Criteria and principles", ("What are the criteria for a building block?",),
                        {"architect": "The criteria every block (and your architecture) must meet."},
                        ("What standards must every building block use?",
                         "What security requirements apply to all building blocks?",
                         "What are the GovStack architecture components?")),
    "developer": Lesson("standards", "Standards you build against", ("What standards must every building block use?",),
                        {"developer": "The standards and API conventions every implementation follows."},
                        ("How are products onboarded to GovStack?", "Which API creates a consent record?",
                         "What is the GovStack testing harness?")),
    "procurement": Lesson("compliance", "Compliance and onboarding of products", ("How are products onboarded to GovStack?",),
                          {"procurement": "How a supplier's product is tested against the specification."},
                          ("What is the GovStack testing harness?", "What does the E-Marketplace building block do?",
                           "What standards must every building block use?")),
}


def path_for(role: str) -> list[Lesson]:
    """The lessons of a role: the common path, then one lesson for that role."""
    role = role if role in ROLES else "official"
    return list(CORE) + [ROLE_EXTRA[role]]


class LessonBook:
    """Lesson answers, computed on first use and cached for the process (thread-safe)."""

    def __init__(self, ask: Callable[[str, str | None], Any]):
        self._ask = ask
        self._cache: dict[tuple[str | None, str], Any] = {}
        self._lock = threading.Lock()
        self._inflight: dict[tuple[str | None, str], threading.Event] = {}

    def answer(self, question: str, release: str | None = None) -> Any:
        key = (release, question)
        while True:
            with self._lock:
                if key in self._cache:
                    return self._cache[key]
                ev = self._inflight.get(key)
                if ev is None:
                    ev = self._inflight[key] = threading.Event()
                    owner = True
                else:
                    owner = False
            if not owner:
                ev.wait(60)  # another visitor is computing this lesson: use their answer
                continue
            try:
                ans = self._ask(question, release)
                with self._lock:
                    self._cache[key] = ans
                return ans
            finally:
                with self._lock:
                    self._inflight.pop(key, None)
                ev.set()

    def answers(self, lesson: Lesson, release: str | None = None) -> list[Any]:
        return [self.answer(q, release) for q in lesson.questions]

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def __len__(self) -> int:
        return len(self._cache)
