"""The Assistant: one object that loads the index once and answers (ask) and advises (suggest)."""
from __future__ import annotations

import dataclasses
import itertools
import logging
import re
import threading
import time
from functools import lru_cache
from itertools import takewhile
from typing import Any, Callable, Iterator

from langchain_core.runnables import RunnableLambda

from assistant import reading_path, registry
from assistant.abstain import (NOT_ABOUT, NOT_DISCUSSED, abstention_text, asked_job, asks_figure, should_abstain,
                               states_figure, unmentioned_by_block)
from assistant.answer.evidence import Evidence, heading_title, title_in_term, titled_for, to_citation, units_of
from assistant.answer.offline import (FAILURE_REACH, FAILURE_RULE_LEADS, HANDLES_FAILURE, OPTION_LIST, OPTION_REACH,
                                      POINTS_AHEAD, WORKFLOW_HITS, Draft, ExtractiveAnswerer, asks_failure, disclaims_job)
from assistant.config import Settings
from assistant.errors import BadQuestion, IndexMissing, UnknownRelease
from assistant.language import english_only_message, foreign_language, warm_language_model
from assistant.query import (ASKS_BLOCK_ROLES, ASKS_DIFFERENCE, ASKS_OPTIONS, ASKS_SCOPE, LISTS_ENDPOINTS, MAX_QUESTION_CHARS, analyze, asks_for_advice,
                             ask_part, defined_term, detect_intent, noun_pattern, plain_words, search_form)
from assistant.retrieve import (FRAMEWORK_KINDS, RENDERED_OP, SCOPE_SECTION, CorpusIndex, HybridRetriever,
                                HybridSearch, continues, hands_over, norm_path)
from assistant.spelling import spelled_note
from assistant.types import Answer

log = logging.getLogger(__name__)

ADVICE_MORE = ("*The advisor's full analysis — each step of your service mapped to blocks, scores, similar reference use "
               "cases — is in the **Building-block advisor** (the app's second tab) or `govstack-assistant suggest \"…\"`.*")
ADVICE_THIN = ("To suggest building blocks for your service, the **Building-block advisor** needs a short description of "
               "it, here or in the app's second tab.")
ADVICE_POINTER = ("*For building blocks suggested for your own service, describe it in a few sentences (who uses it, what "
                  "happens step by step) to the **Building-block advisor** — the app's second tab, or "
                  "`govstack-assistant suggest \"…\"`.*")
# an endpoint question whose top passages describe operations in prose gets the operations those sections document
# (answers changed on 2 of 438 questions, metrics unchanged: "send the same email to a whole group of patients at
# once — which endpoint?" now names POST /send/email/batch instead of quoting the user story)
SECTION_OP_HITS = 3
BLOCK_OP = True  # … and, when those sections document none, the named block's best-matching operation
# "What send endpoints does the Messaging BB define?" lists the named block's operations: its best-matching ones (at
# most this many) come along, not only those the question's words ranked (a33-033 listed POST /callback/email alone)
LIST_BLOCK_OPS = 8
OP_CUT_CONTINUED = True  # …and an operation passage cut inside its field lists, the passage that goes on with it
# …and what the spec page's section rendering the top operation says of it in its own words ("Instantiate (start) a
# process instance": "Responds with instance Universal Unique Identifier. Process variables … may be supplied in the
# request body."), which the OpenAPI file does not say
OP_PAGE_PROSE = True
TOP_SECTION_STEPS = True  # a process answer's top passage without steps brings the steps that follow it in its section
OWN_STEPS_NEAR = True  # … and marks them its own when they were retrieved near the top too
CONTINUE_HITS = 3  # top passages whose split list is completed from the next passage
FOLLOW_POINTERS = True  # … or that point at what follows ("Below is shown how …")
# "how long is that temporary certificate valid?": a figure question whose top passages state no figure on its subject
# reads on in the best passage's section, where the chunker may have cut the paragraph ("… a short-lived (1-minute)
# certificate")
FIGURE_READS_ON = True
# "Does the Messaging BB handle the timing, or is that a different BB?": the named block's scope sections that hand a job
# to another block come along (the answer opens with them: ExtractiveAnswerer._scope_handover)
SCOPE_HANDOVER = True
# … and the block's scope sections that disclaim the job asked about come along too, for the answer's lead: h57-001's "…
# can the Scheduler itself keep re-sending the reminder …, or do we have to build that somewhere else?" ranked "2.2 Out
# of Scope" 17th
SCOPE_DISCLAIMED = True
SCOPE_DISCLAIMED_WORDS = 2  # (…sharing two of its words: with one, "Alerts based on human decision are out of scope" led
# x15-019's answer, which asked which block delivers the alerts)
# two things compared get their sections even when the glossary defines one of them, and sections whose titles the
# terms use but for a word like 'approach' (Assistant._sections_for_terms)
SECTIONS_BESIDE_GLOSSARY = SECTIONS_NAMED_LOOSELY = True
# the sub-sections a top passage names by their titles come along, each by its passage closest to the question
POINTED_SECTIONS, POINTED_REACH = True, 3
# "Where should a newcomer start reading the specification?" is answered by a reading path (assistant.reading_path)
READING_PATH = True
NEED_BLOCK_SEARCH = True  # a which-block answer's other passages are searched for with the block it names
ACRONYMS = True  # a question spelling out a name the glossaries abbreviate also searches for the acronym
SPELLING = True  # typos in a question are repaired before it is read (assistant/spelling.py); said in the answer's notice
# a follow-up the spec seems not to discuss is searched once more with the question it follows (see _retrieve)
FOLLOWUP_WITH_PREVIOUS = True
USE_CASE_STEP_BLOCKS = True  # a question on what a use case's blocks do in it gets each step's blocks (query.ASKS_BLOCK_ROLES)
FOLLOWUP_PREVIOUS_GLOSSED = True  # … that question's chat words read in the spec's, as they were when it was asked
OPTION_PASSAGES = 30  # a comparison of options a page lays out under bold labels brings that page's labelled passages
# "Which of those approaches does GovStack actually recommend?": the passage of an options page that says which one the
# spec recommends leads (Assistant._recommended_option; c104-039)
RECOMMENDED_OPTION = True
ASKS_RECOMMENDED = re.compile(r"\b(which|what)\b[^?]{0,60}?\b(recommend|recommends|recommended|prefer|prefers|preferred|"
                              r"advise|advises|advised|favou?r|favou?rs|favou?red)\b", re.I)
_RECOMMENDS = re.compile(r"\b(GovStack|we|it|this specification)\s+(generally\s+|strongly\s+)?(recommends|prefers|advises)\b"
                         r"|\b(is|are)\s+(the\s+)?(recommended|preferred)\s+(option|approach|mechanism|model|method|choice)\b")
OPTION_PAGE_INTRO = True  # … as does a top passage of such a page that is not under a label (its intro; b77-036)
# Data questions bring the other tables of the data-structure page a top passage is on (with the answerer's table
# choice: dev pass 0.857 -> 0.863, es-data-001 and reg-data-001)
DATA_HITS = 3  # a data question: the tables of the data-structure page one of these top passages is on
_DATA_PAGE = re.compile(r"data-structures|data-models", re.I)
COMPARISON_EDGE_CHUNKS = 2  # per block in a comparison: passages of its description and functionalities naming the other
COMPARISON_SCOPE_CHUNKS = 2  # … and of its scope sections naming the other (dev-independent +1, f9-009; key-fact recall +0.001)
LIST_SECTION_HITS = 5  # "What … scenarios does the spec describe?": the sections of a top-5 passage's page
LIST_SECTION_MAX = 12
TERM_SECTIONS = True  # two things compared that the block's spec has a section each for: those sections come along
MORE_ASK_HITS = 2  # a second question in the message ("… ? Could one block read another's database?"): its best passages
# … or the sub-sections of the one section named for them, when it has at least this many ("6.1 Adaptors" has two,
# "Key Components and Definitions" and "Adaptor Requirements", which are not kinds of adaptor; "4.1 Design Principles" seven)
LIST_SECTION_CHILDREN = 3
# Sentence rescue. A passage can hold the one sentence that answers a question yet rank low, because the rest of it is
# about something else ("Logs generated should NEVER contain the voucher numbers" in a six-item storage section). For a
# question about one block, when the best-matching sentence of all that block's pages (the answerer's sentence vectors)
# beats every sentence of the first five passages by RESCUE_MARGIN, its passage becomes the RESCUE_RANK-th. Measured
# (dev / dev-independent / independent / independent2 / independent3 pass): 0.920/0.801/0.800/0.783/0.850 →
# 0.920/0.804/0.800/0.783/0.850, key-fact recall dev-independent 0.688 → 0.692; margin 0.05: dev −1 and dev-independent
# +6/−3; 0.1: +2 only; rank 6 instead of 5 gained nothing; every block's pages instead of the named one's lost an
# independent2 answer (docs/evals.md)
RESCUE_MARGIN, RESCUE_RANK = 0.075, 5
MAX_INPUT_CHARS = 50_000 * 4  # beyond this we do not even read the question


def _clean_history(history) -> list[dict]:
    out = []
    for h in history or []:
        if isinstance(h, dict) and h.get("role") in ("user", "assistant") and isinstance(h.get("content"), str):
            out.append({"role": h["role"], "content": h["content"][:MAX_QUESTION_CHARS]})
        elif isinstance(h, (list, tuple)) and len(h) == 2:  # (user, assistant) pairs
            if h[0]:
                out.append({"role": "user", "content": str(h[0])[:MAX_QUESTION_CHARS]})
            if h[1]:
                out.append({"role": "assistant", "content": str(h[1])[:MAX_QUESTION_CHARS]})
    return out


@lru_cache(maxsize=4096)
def _n_units(text: str, kind: str = "item") -> int:
    """How many list items (or sequence-diagram steps), or table rows (kind "row"), a passage holds."""
    return sum(u.kind == kind for u in units_of(text, 0))


@lru_cache(maxsize=4096)
def _ends_with_item(text: str) -> bool:
    """The passage ends inside a list: the chunker may have cut it, and the next passage goes on with it."""
    units = units_of(text, 0)
    return bool(units) and units[-1].kind == "item"


def _nearest_topics(hits: list, ev: Evidence, topics: int = 3, reach: int = 5) -> list[tuple[str, str]]:
    """The sections of the best passages, for a declined question: each once (two passages of one section are one
    topic, cited by both), up to `topics` of them from the first `reach` passages."""
    out: dict[str, str] = {}
    for hi, h in enumerate(hits[:reach]):
        label = h.chunk.section or h.chunk.path
        if label not in out and len(out) >= topics:
            continue
        mark = f"[{ev.cite(hi)}]"
        if mark not in out.get(label, ""):
            out[label] = out.get(label, "") + mark
    return list(out.items())


def _rescuable(c) -> bool:
    """Whether a passage is one of its block's specification pages the sentence rescue reads (the SDG framework's
    records carry a block too, but the specification is the authority: retrieve ranks them ×0.7)."""
    return bool(c.bb) and c.kind not in FRAMEWORK_KINDS


def _single_thread_blas() -> None:
    """numpy's products here are small (a question against 6,553 vectors, a description's needs against 1,503
    functionality sentences): one BLAS thread does them as fast, and OpenBLAS threads spin-waiting after each product
    took the 2 cores from ONNX Runtime's embedding of the next texts. bench_ask on a 2-core machine, alternating runs
    in one session: total p50 243/244 -> 178/160 ms; bench_suggest p50 141 -> 56 ms. Applies to the whole process, as
    BLAS threads are global."""
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    except Exception:  # no threadpoolctl, or a BLAS it does not know: only slower
        pass


def sections_pointed_at(index, qa, chunk, release: str) -> list:
    """When a passage of a section (before its sub-sections) names at least two of them by their titles, the passage
    of each named sub-section most similar to the question, with that similarity."""
    page = index.chunks_of(chunk.release, chunk.folder, "^" + re.escape(chunk.path) + "$")
    depth = len(chunk.heading_path)
    under: dict[str, list] = {}
    for c in page:
        if len(c.heading_path) > depth and c.heading_path[:depth] == chunk.heading_path:
            under.setdefault(c.heading_path[depth], []).append(c)
    text = " ".join(chunk.text.lower().split())
    named = [t for t in under if len(heading_title(t)) >= 5 and heading_title(t).lower() in text]
    if len(named) < 2:
        return []
    vec = qa.vectors.get(qa.standalone)  # (the search embedded the question)
    if vec is None or getattr(index, "vectors", None) is None:
        return []
    sims = index.vectors.similarity(vec, release, {c.id for t in named for c in under[t]})
    best = [max(under[t], key=lambda c: sims.get(c.id, -1.0)) for t in named if any(c.id in sims for c in under[t])]
    return [(c, sims[c.id]) for c in best]


class Assistant:
    """Loads the index (and the embedding model) once; ask() and suggest() are then fast."""

    def __init__(self, settings: Settings | None = None, embedder=None, chat_model=None):
        from ingest.embed import make_embedder
        from ingest.store import IndexStore

        self.settings = settings or Settings()
        _single_thread_blas()
        self.store = IndexStore(self.settings.index_dir, self.settings.chroma_url, create=False)
        self._refresh_lock = threading.Lock()
        self._checked_at = time.monotonic()
        if self.store.count() == 0:
            raise IndexMissing(f"The index at {self.settings.chroma_url or self.settings.index_dir} is empty: run `govstack-assistant ingest`.")
        meta = self.store.meta()
        model_name = meta.get("embedding_model") or self.settings.embedding_model
        # the question must be embedded by the model that embedded the index
        self.embedder = embedder or make_embedder(model_name, self.settings.embedding_backend, self.settings.cache_dir)
        self.index = CorpusIndex(self.store)
        self.index.vectors  # read now, not on the first question
        self.searcher = HybridSearch(self.index, self.embedder)
        rel0 = self.settings.release if self.settings.release in self.index.releases else None
        self.idf: dict[str, float] = self.index.idf.get(rel0 or (self.index.releases[0] if self.index.releases else ""), {})
        self.offline = ExtractiveAnswerer(self.idf, embed=self.embedder.embed if self.settings.sentence_scoring else None,
                                          template=self.index.template_keys)
        self.llm = None
        if chat_model is not None or self.settings.llm:
            from assistant.answer.llm import LLMAnswerer, make_chat_model

            model = chat_model if chat_model is not None else make_chat_model(self.settings.llm, self.settings.llm_timeout_s)
            self.llm = LLMAnswerer(model, self.offline, name=self.settings.llm or "chat-model")
        self._suggester = None
        self._sentences: dict = {}  # see _block_sentences
        self._spellers: dict = {}  # see speller

    # ----- index updates --------------------------------------------------------------------------
    REFRESH_EVERY_S = 5.0

    def refresh(self, force: bool = False) -> bool:
        """Pick up a newer index generation (an ingest elsewhere switched it); True when reloaded.
        Queries in flight keep the old generation, which the switch leaves in place."""
        now = time.monotonic()
        if not force and now - self._checked_at < self.REFRESH_EVERY_S:
            return False
        self._checked_at = now
        if not self.store.changed_since_open() and not force:
            return False
        with self._refresh_lock:
            from ingest.store import IndexStore

            store = IndexStore(self.settings.index_dir, self.settings.chroma_url, create=False)
            index = CorpusIndex(store)
            index.vectors  # read before the swap: no question waits for them
            searcher = HybridSearch(index, self.embedder)
            self.store, self.index, self.searcher = store, index, searcher  # one swap, readers see old or new
            self.offline.template = index.template_keys
        return True

    # ----- LangChain views ---------------------------------------------------------------------------
    def retriever(self, release: str | None = None, k: int | None = None, filters: dict | None = None) -> HybridRetriever:
        return HybridRetriever(searcher=self.searcher, release=release or self.settings.release,
                               k=k or self.settings.top_k, filters=filters or {})

    def chain(self):
        """question dict → Answer, as LangChain runnables: prepare | retrieve | answer | finalize."""
        return (RunnableLambda(self._prepare) | RunnableLambda(self._retrieve) | RunnableLambda(self._answer)
                | RunnableLambda(self._finalize))

    # ----- public API --------------------------------------------------------------------------------
    def ask(self, question: str, history: list[dict] | None = None, filters: dict | None = None) -> Answer:
        return self.chain().invoke({"question": question, "history": history, "filters": filters})

    def ask_stream(self, question: str, history: list[dict] | None = None, filters: dict | None = None) -> Iterator[Any]:
        """Yields text pieces as they are produced, then the final Answer."""
        tokens: list[str] = []
        state = self._retrieve(self._prepare({"question": question, "history": history, "filters": filters}))
        if self.llm is not None and not state.get("abstain"):
            import queue
            import threading

            q: "queue.Queue[Any]" = queue.Queue()
            result: dict = {}

            def run():
                try:
                    result["state"] = self._answer(state, on_token=q.put)
                finally:
                    q.put(None)

            t = threading.Thread(target=run, daemon=True)
            t.start()
            while (tok := q.get()) is not None:
                tokens.append(tok)
                yield tok
            t.join()
            yield self._finalize(result["state"])
            return
        ans = self._finalize(self._answer(state))
        yield ans.text
        yield ans

    def suggest(self, description: str, exclude_use_cases: list[str] | None = None):
        """Building blocks for a described service (exclude_use_cases: reference use cases to leave out, for evals)."""
        return self._suggester_instance().suggest(description, exclude_use_cases=exclude_use_cases)

    def chunk(self, chunk_id: str):
        """The stored passage behind a citation (None when it is not in the loaded index)."""
        return self.index.chunks.get(chunk_id)

    def status(self) -> dict:
        st = self.store.stats()
        st["index"] = str(self.settings.chroma_url or self.settings.index_dir)
        st["backend"] = self.llm.name if self.llm else "offline"
        return st

    # ----- chain steps -------------------------------------------------------------------------------
    def _prepare(self, inp: dict) -> dict:
        t0 = time.perf_counter()
        question = inp.get("question")
        if not isinstance(question, str):
            raise BadQuestion("Please type a question as text.")
        if len(question) > MAX_INPUT_CHARS:
            question = question[:MAX_INPUT_CHARS]
        if not question.strip():
            raise BadQuestion("Please type a question, e.g. “What does the Consent building block do?”")
        if (lang := foreign_language(question)) is not None:
            # (before the spelling corrector, which would "correct" French into English words)
            raise BadQuestion(english_only_message(lang, "question"))
        history = _clean_history(inp.get("history"))
        try:
            self.refresh()
        except Exception:
            pass  # a store hiccup while checking must not fail the question; the current index still answers
        filters = dict(inp.get("filters") or {})
        release = filters.pop("release", None) or self.settings.release
        if release not in self.index.releases:
            raise UnknownRelease(f"Release {release!r} is not in the index (it has: {', '.join(self.index.releases)}); "
                                 f"ingest it with `govstack-assistant ingest --release {release}`.")
        if isinstance(filters.get("bb"), str):
            filters["bb"] = [filters["bb"]]
        if isinstance(filters.get("kind"), str):
            filters["kind"] = [filters["kind"]]
        spelled: list[tuple[str, str]] = []
        if SPELLING:
            question, spelled = self.speller(release).correct(question)  # "accesibility" → "accessibility"
        qa = analyze(question, history)
        if self.llm is not None and history and (qa.carried_bbs or qa.standalone != qa.question):
            # a follow-up: the model rewrites it as a standalone question (the rule-based one is the fallback)
            qa.standalone = self.llm.condense(question, history) or qa.standalone
        if ACRONYMS:
            qa.standalone = self.index.with_acronyms(qa.standalone, release)  # "hardware security module" → also "HSM"
        return {"qa": qa, "release": release, "filters": filters, "t0": t0, "spelled": spelled}

    def speller(self, release: str):
        """The typo repairer for a release's vocabulary (built once per index generation and release)."""
        from assistant.spelling import Speller, model_words
        from ingest.embed import resolve_model_path

        index = self.index
        cache = self._spellers
        if "known" not in cache:
            try:
                cache["known"] = model_words(resolve_model_path(self.store.meta().get("embedding_model")
                                                                or self.settings.embedding_model))
            except Exception:
                cache["known"] = set()  # a model without a WordPiece vocabulary: the corpus alone decides
        if cache.get("index") is not index:  # a new index generation: new vocabulary
            cache.update(index=index, by_release={})
        by_release = cache["by_release"]
        if release not in by_release:
            by_release[release] = Speller((c.text for c in index.chunks.values() if c.release == release), cache["known"])
        return by_release[release]

    def _retrieve(self, state: dict) -> dict:
        t = time.perf_counter()
        qa = state["qa"]

        def found(q):
            return self._augment(q, self.searcher.search(q, state["release"], k=self.settings.top_k,
                                                         filters=state["filters"]), state["release"], state["filters"])

        hits = found(qa)
        abstain, reason = should_abstain(qa, hits, self.idf)
        if abstain and reason in (NOT_ABOUT, NOT_DISCUSSED) and qa.previous and FOLLOWUP_WITH_PREVIOUS:
            # "ok and does that cover deaths?" has few words of its own: searched with the question it follows, it is
            # judged again (its own words still measure the coverage), and answered from those passages when covered
            # (the question it follows read as the question itself is: its chat words in the spec's)
            previous = search_form(qa.previous) if FOLLOWUP_PREVIOUS_GLOSSED else qa.previous
            wider = dataclasses.replace(qa, standalone=f"{qa.standalone} ({previous})", ask_again="", vectors={})
            more = found(wider)
            if not should_abstain(wider, more, self.idf)[0]:
                qa, hits, abstain, reason = wider, more, False, ""
                state["qa"] = qa
        if not abstain and len(qa.bbs) == 1:
            missing = unmentioned_by_block(qa, hits, self.index.block_text(state["release"], qa.bbs[0]))
            if missing:
                abstain, reason = True, f"the {registry.name_of(qa.bbs[0])} specification never mentions {', '.join(missing[:2])}"
        chapters = reading_path.asks_chapters(qa.question) if READING_PATH else ()
        if READING_PATH and not state["filters"].get("bb") and (reading_path.asks_catalogue(qa.question) or chapters
                                                                or self._asks_reading_path(qa)):
            hits = self._reading_path(qa, hits, state["release"], chapters)
            if qa.reading_path:
                abstain, reason = False, ""  # the path answers it, page by page
        if asks_for_advice(qa.question) and not state["filters"].get("bb") and not qa.reading_path:
            hits = self._advise(qa, hits, state["release"])
            if qa.advice or qa.advice_guidance:
                abstain, reason = False, ""  # the advisor has answered the question the asker has (or asked for more)
        if qa.bb_need and not qa.unknown_bb and not state["filters"].get("bb") and not qa.reading_path:
            hits = self._blocks_for_need(qa, hits, state["release"])
            if qa.need_blocks:
                # it asks for a block, and one is called for: the job's particulars ("the licence fee", "their
                # phone", "the Ministry of Education") are not what it asks the specification about
                abstain, reason = False, ""
                if NEED_BLOCK_SEARCH and not qa.bbs:
                    # the rest of the answer is about the block named, as if the question had named it: searched
                    # again with it ("… carry proof of their status on their phones" found the Wallet, then a Digital
                    # Registries page about employment records)
                    named = list(dict.fromkeys(b for b, _, _ in qa.need_blocks))
                    first = [h for h in hits if "need-block" in h.why]
                    seen = {h.id for h in first}
                    focused = found(dataclasses.replace(qa, bbs=named))
                    # (taken in turn with the question's own passages: the block named may not be the only one meant)
                    both = [h for pair in itertools.zip_longest(focused, hits[len(first):]) for h in pair if h is not None]
                    hits = first + [h for h in both if not (h.id in seen or seen.add(h.id))]
        if RECOMMENDED_OPTION and not abstain and ASKS_RECOMMENDED.search(ask_part(qa.question)):
            hits = self._recommended_option(hits)
        if not abstain and RESCUE_MARGIN is not None and len(qa.bbs) == 1 and not (qa.need_blocks or qa.advice or qa.reading_path) \
                and qa.intent not in ("overview", "term", "comparison"):  # (these want the pages about the whole thing)
            hits = self._rescue(qa, hits, state["release"])
        state.update(hits=hits, abstain=abstain, reason=reason, t_retrieve=(time.perf_counter() - t) * 1000)
        return state

    def _recommended_option(self, hits):
        """"Which of those approaches does GovStack actually recommend?": a top passage's page lays out options under bold
        labels, and one of its passages says which the spec recommends ("In general GovStack recommends option 1 or
        option 4."); that passage leads (c104-039)."""
        from assistant.retrieve import Hit

        for h in hits[:OPTION_REACH]:
            page = self.index.chunks_of(h.chunk.release, h.chunk.folder, "^" + re.escape(h.chunk.path) + "$")
            if sum(bool(c.extra.get("label")) for c in page) < 2:
                continue
            said = next((c for c in page if _RECOMMENDS.search(c.text)), None)
            if said is None:
                return hits
            # (its paragraph alone: the passage opens with the end of the last option's sequence diagram)
            para = next(p for p in re.split(r"\n\s*\n", said.text) if _RECOMMENDS.search(p)).strip()
            # (…with the options it names by number named by their labels, the page's labels in page order: "option 1 or
            # option 4" means nothing without them)
            labels = list(dict.fromkeys(str(c.extra["label"]) for c in sorted(page, key=lambda c: int(c.extra.get("seq", 0) or 0))
                                        if c.extra.get("label")))
            named = [int(n) for n in re.findall(r"\boptions?\s+(\d)\b", para, re.I) if 0 < int(n) <= len(labels)]
            if named:
                para += " (" + "; ".join(f"option {n}: {labels[n - 1]}" for n in dict.fromkeys(named)) + ".)"
            lead = Hit(said.id, dataclasses.replace(said, text=para), 0.0, h.dense, 0.0, ["recommended-option"])
            return [lead] + [x for x in hits if x.id != said.id]
        return hits

    def _rescue(self, qa, hits, release):
        """The passage with the named block's best-matching sentence, at RESCUE_RANK when it is not among the first
        RESCUE_RANK passages and that sentence beats every sentence of theirs by RESCUE_MARGIN (see there)."""
        import numpy as np

        from assistant.answer.offline import unit_text
        from assistant.retrieve import Hit

        if self.offline.embed is None or len(hits) < RESCUE_RANK:
            return hits
        ids, vectors = self._block_sentences(release, qa.bbs[0])
        q = qa.vectors.get(qa.standalone)
        if not ids or q is None:
            return hits
        q = np.asarray(q, dtype=np.float32)
        sims = vectors @ q
        best = int(np.argmax(sims))
        if any(h.id == ids[best] for h in hits[:RESCUE_RANK]):
            return hits
        texts = [unit_text(u) for h in hits[:RESCUE_RANK] for u in units_of(h.chunk.text, 0)]
        beaten = max((float(v @ q) for v in self.offline.unit_vectors(texts).values()), default=0.0)
        if float(sims[best]) < beaten + RESCUE_MARGIN:
            return hits
        rest = [h for h in hits if h.id != ids[best]]
        hit = next((h for h in hits if h.id == ids[best]), None) or Hit(ids[best], self.index.chunks[ids[best]], 0.0,
                                                                          float(sims[best]), 0.0, [])
        hit.why.append("rescue")
        return rest[: RESCUE_RANK - 1] + [hit] + rest[RESCUE_RANK - 1:]

    def _block_sentences(self, release: str, bb: str):
        """The passage id and vector of every sentence of a block's pages in a release (computed once per index: the
        vectors are the answerer's, stored under the cache folder by `warm_answers` or `ingest`, else embedded now)."""
        from ingest.embed import embed_cached

        key = (id(self.index), release, bb)
        if key not in self._sentences:
            pairs = self._sentence_pairs(c for c in self.index.chunks.values()
                                         if c.release == release and c.bb == bb and _rescuable(c))
            texts = [t for _, t in pairs]
            self._keep_block(key, pairs, embed_cached(self.embedder, texts, self.settings.cache_dir, "answers") if texts else [])
        return self._sentences[key]

    @staticmethod
    def _sentence_pairs(chunks) -> list[tuple[str, str]]:
        """(passage id, sentence as the answerer embeds it) for each sentence of the passages, each pair once."""
        from assistant.answer.offline import unit_text

        return list(dict.fromkeys((c.id, unit_text(u)) for c in chunks for u in units_of(c.text, 0)))

    def _keep_block(self, key: tuple, pairs: list[tuple[str, str]], vectors) -> None:
        import numpy as np

        self._sentences = {k: v for k, v in self._sentences.items() if k[0] == key[0]}  # an older index's go
        self._sentences[key] = ([i for i, _ in pairs], np.stack(vectors) if pairs else np.zeros((0, 0), np.float32))

    def _blocks_for_need(self, qa, hits, release):
        """"Which building block sends reminders?": the blocks the advisor maps that need to, each with the spec
        functionality closest to it, which becomes the first retrieved passage (the answer leads with it)."""
        from assistant.retrieve import Hit

        sug = self._suggester_instance()
        if sug.release != release:
            return hits  # the advisor reads the default release only
        have = {h.id: h for h in hits}
        extra = []
        qa.need_matched = True
        # two jobs asked for ("which bb decides when … and which one sends …"): the blocks of each, the first job's first
        found = [x for need in (qa.bb_needs if len(qa.bb_needs) > 1 else [qa.bb_need]) for x in sug.blocks_for(need)]
        named: set[str] = set()
        for bb, _, f in found:
            if f is None or bb in named:
                continue
            named.add(bb)
            c = self.index.chunks.get(f.chunk_id)
            if c is None:
                continue
            qa.need_blocks.append((bb, c.id, f"{f.label}: {f.text}" if f.label else f.text))
            if c.id in have:
                have[c.id].why.append("need-block")
                extra.append(have[c.id])
            else:
                extra.append(Hit(c.id, c, 0.0, 0.0, 0.0, ["need-block"]))
                have[c.id] = extra[-1]
        first = {h.id for h in extra}
        return extra + [h for h in hits if h.id not in first]

    def _asks_reading_path(self, qa) -> bool:
        """Whether the question asks where to start reading (reading_path: its patterns, else its model on the
        question's embedding, as the search computed it: the question's own, or the standalone form of a first
        question, which reads the same; a follow-up's is its context's, and the patterns alone decide)."""
        vector = qa.vectors.get(qa.question)
        if vector is None and not qa.previous:
            vector = qa.vectors.get(qa.standalone)
        return reading_path.asks_reading_path(qa.question, vector)

    def _reading_path(self, qa, hits, release, chapters: tuple[int, ...] = ()):
        """"Where should a newcomer start reading the specification?": the pages of the reading path (reading_path), the
        passage each is quoted from first among the retrieved passages, in the path's order; "How many building blocks
        are there?": the catalogue's pages, one per block; "How is a building block's specification organised?" (or
        "… chapter 4 and chapter 6?", the `chapters` reading_path.asks_chapters read): those chapters, each page's first
        passage and what the chapter template says it is for."""
        from assistant.retrieve import Hit

        if reading_path.asks_catalogue(qa.question):
            block, steps = "", reading_path.catalogue(self.index, release)
            qa.reading_kind = "catalogue"
            found = [(step, reading_path.passage(step, chunks), None) for step, chunks in steps]
        elif chapters:
            block, found = reading_path.chapters(self.index, release, qa.bbs, chapters)
            qa.reading_kind = "chapters"
        else:
            block, steps = reading_path.pages(self.index, release, qa.bbs)
            qa.reading_kind = "block" if block else "path"
            found = [(step, reading_path.passage(step, chunks), None) for step, chunks in steps]
        front = []
        for step, c, quotes in found:
            qa.reading_path.append((c.id, step.title, step.why, step.bb))
            if quotes is not None:
                qa.reading_quotes[c.id] = quotes
            front.append(Hit(c.id, c, 0.0, 0.0, 0.0, ["reading-path"]))
        qa.reading_block = block
        seen = {h.id for h in front}
        return front + [h for h in hits if h.id not in seen]

    def _advise(self, qa, hits, release):
        """"We want farmers to register online, get SMS advice … Which building blocks do we need?": the advisor's
        selected blocks for the service described, each with its reason and the spec passage behind it, which go
        first among the retrieved passages (the answer leads with them). A question that describes too little for
        the advisor (its guidance) keeps the usual answer and the pointer to the advisor."""
        from assistant.retrieve import Hit

        sug = self._suggester_instance()
        if sug.release != release:
            return hits
        try:
            result = self.suggest(qa.question)  # (the advisor reads the service the request describes: described_service)
        except Exception:  # the advisor is an extra here: the answer from the spec still stands
            log.exception("advisor failed on a chat question")
            return hits
        if result.guidance:
            qa.advice_guidance = result.guidance  # the answer says what to describe, not a passage about something else
            if result.similar_use_cases:  # (a service named in a few words that names a reference use case)
                u = result.similar_use_cases[0]
                qa.advice_use_case = (u.id, u.title, list(u.building_blocks))
            return hits
        from assistant.suggest import SIMILAR_CLOSE, held_reason, selection_groups

        have = {h.id: h for h in hits}
        front = []
        groups = dict(selection_groups(result))  # the table's order: the blocks the steps call for, then the others
        qa.advice_named = {b.id for b in groups.get("named", [])}
        for b in groups.get("named", []) + groups.get("assumed", []):
            if not b.citations or not b.reasons:
                continue
            cid = b.citations[0].chunk_id
            c = self.index.chunks.get(cid)
            if c is None:
                continue
            qa.advice.append((b.id, cid, b.reasons[0]))
            if cid not in have:
                have[cid] = Hit(cid, c, 0.0, 0.0, 0.0, ["advice"])
            elif "advice" not in have[cid].why:
                have[cid].why.append("advice")
            if have[cid] not in front:
                front.append(have[cid])
        # a block similar services use that this one never mentions ("no step says that money changes hands")
        qa.advice_held = [(b.id, why) for b in result.building_blocks if (why := held_reason(b))]
        uc = next((u for u in result.similar_use_cases if u.source == "govstack"), None)
        if qa.advice and uc and uc.score >= SIMILAR_CLOSE:  # (a use case far from the service is no guide to it)
            qa.advice_use_case = (uc.id, uc.title, list(uc.building_blocks))
        first = {h.id for h in front}
        return front + [h for h in hits if h.id not in first]

    def warm_advisor(self) -> None:
        """Build the advisor's reference data now (embedded once into the cache: about 7 s on a fresh machine), so the
        first suggestion or "Which building block …?" question does not wait for it. For a server's start-up thread."""
        try:
            self._suggester_instance().reference()
        except Exception:  # the first real request retries and reports any error itself
            pass

    def warm_answers(self) -> int:
        """Embed every sentence of the index the answerer may score by meaning, now, reusing the vectors an earlier
        process stored under the cache folder (`answers/`): a question then embeds nothing but itself, and the sentence
        rescue finds each block's sentences ready. The first time on a fresh machine this takes about 2 minutes on 2
        cores (19,379 sentences in `latest`); later starts read the file (33 MB) in about a second. For a server's
        start-up thread and the end of `ingest`; returns how many vectors were loaded."""
        try:
            from ingest.embed import embed_cached

            if self.offline.embed is None:
                return 0
            pairs = self._sentence_pairs(self.index.chunks.values())  # each passage's sentences, split once
            texts = list(dict.fromkeys(t for _, t in pairs))
            vectors = embed_cached(self.embedder, texts, self.settings.cache_dir, "answers")
            self.offline.preload(texts, vectors)
            # …and each block's, stacked for the sentence rescue (_rescue)
            known = dict(zip(texts, vectors))
            blocks: dict[tuple, list[tuple[str, str]]] = {}
            for i, t in pairs:
                c = self.index.chunks[i]
                if _rescuable(c):
                    blocks.setdefault((id(self.index), c.release, c.bb), []).append((i, t))
            for key, block in blocks.items():
                self._keep_block(key, block, [known[t] for _, t in block])
            return len(texts)
        except Exception:  # a question embeds its sentences itself, as without the warm-up
            return 0

    def warm(self) -> None:
        """Everything a server builds ahead, in its start-up thread: the advisor's reference, then the sentence vectors."""
        self.warm_advisor()
        self.warm_answers()
        warm_language_model()  # (about 1 s; the first question with few English function words would wait for it)

    def _suggester_instance(self):
        if self._suggester is None:
            from assistant.suggest import Suggester

            self._suggester = Suggester(self)
        return self._suggester

    def _augment(self, qa, hits, release, filters: dict | None = None):
        """Evidence some intents need beyond the top-k: a BB's description and key-functionality pages,
        or the list of its API operations (they become retrieved passages, so citations stay grounded)."""
        from assistant.retrieve import Hit

        extra = []
        have = {h.id for h in hits}

        def bring(c, why: str, dense: float = 0.0, mark: bool = False) -> bool:
            """Adds passage c for this reason; one already among the passages gets the reason too when `mark`."""
            if c.id not in have:
                extra.append(Hit(c.id, c, 0.0, dense, 0.0, [why]))
                have.add(c.id)
                return True
            if mark:
                next(x for x in hits + extra if x.id == c.id).why.append(why)
            return False

        if USE_CASE_STEP_BLOCKS and qa.intent == "use_case" and ASKS_BLOCK_ROLES.search(qa.question):
            # what a use case's blocks do in it, step by step: all its steps come along (each ends with its blocks)
            uc = next((h.chunk.extra.get("uc_id") for h in hits[:3] if h.chunk.kind in ("use_case", "use_case_step")), None)
            _, ids = self.index.use_cases(release).get(str(uc), ("", []))
            for c in (self.index.chunks[i] for i in ids):
                if c.kind == "use_case_step":
                    bring(c, "use-case-steps")
        if qa.intent in ("overview", "comparison") and qa.bbs:
            for bb in qa.bbs[:3]:
                folder = self.index.bb_folders.get((release, bb))
                if not folder:
                    continue
                pages = self.index.chunks_of(release, folder, r"(^spec/README\.md|description\.md|key-digital-functionalities\.md)$")
                # the opening of the description page (document order), then the BB's landing page
                desc = [c for c in pages if "description" in c.path][:2] + [c for c in pages if c.path.endswith("README.md")][:1]
                if qa.intent == "comparison":  # where its description or functionalities speak of the other block's job
                    others = [o for o in qa.bbs[:3] if o != bb]
                    job = registry.job_words(others)
                    desc += [c for c in pages if not c.path.endswith("README.md") and job and job.search(c.text)][:COMPARISON_EDGE_CHUNKS]
                    # … and where its scope sections send a job to the other block ("Long-term storing of registration
                    # data … is not covered in this Building Block. See Digital Registries Building Block")
                    desc += [c for c in self.index.chunks_of(release, folder, r"^spec/")
                             if SCOPE_SECTION.search(c.section or "") and set(registry.find_bbs(c.text)) & set(others)
                             ][:COMPARISON_SCOPE_CHUNKS]
                kdf = [c for c in pages if c.path.endswith("key-digital-functionalities.md")][:10] if qa.intent == "overview" else []
                for c in desc + kdf:
                    bring(c, "augment")
        # "How does GovStack suggest we make our API line up, and how is conformance checked?": a top passage that says
        # what its section's sub-sections describe ("The first section describes 'Adaptors' … Finally we describe the
        # GovStack Testing Harness"): of each sub-section it names, the passage closest to the question comes along
        if POINTED_SECTIONS:
            for h in hits[:POINTED_REACH]:
                for c, sim in sections_pointed_at(self.index, qa, h.chunk, release):
                    bring(c, "pointed-section", sim, mark=True)
        # "Does the Messaging BB handle the timing, or is that a different BB?": where the named block's scope sections
        # hand a job to another block ("Scheduling messages … is out of the scope of this Building Block because is done
        # by Scheduler Building Block") comes along, however it ranked (ExtractiveAnswerer._scope_handover quotes it)
        if SCOPE_HANDOVER and len(qa.bbs) == 1 and ASKS_SCOPE.search(qa.question):
            folder = self.index.bb_folders.get((release, qa.bbs[0]))
            job = asked_job(qa)
            scope = [c for c in (self.index.chunks_of(release, folder, r"^spec/") if folder else [])
                     if SCOPE_SECTION.search(c.section or "")]
            for c in scope:
                if hands_over(c.text, qa.bbs):
                    bring(c, "scope-handover", mark=True)
                # … and so does where they disclaim the job asked about ("Any logical evaluations … are out of scope.
                # (e.g. repeating an alert if acknowledgement is not received …)"), for its lead (_scope_disclaimer)
                elif SCOPE_DISCLAIMED and any(disclaims_job(u.text, job, SCOPE_DISCLAIMED_WORDS)
                                              for u in units_of(c.text, 0)):
                    bring(c, "scope-disclaimer")
        # a list the top passages end in mid-way goes on in the next passage of the section: bring it along
        # (…and, for a question what happens when something fails, those of the first FAILURE_REACH that say what
        # happens in a failure: the rules for the failures that follow "… if certain Subscribers are offline" are there)
        failing = FAILURE_RULE_LEADS and asks_failure(ask_part(qa.question))
        for k, h in enumerate(hits[:max(CONTINUE_HITS, FAILURE_REACH if failing else 0)]):
            units = units_of(h.chunk.text, 0)
            if not units or not (units[-1].kind == "item" or units[-1].text.rstrip().endswith(":")):
                continue
            if k >= CONTINUE_HITS and not any(HANDLES_FAILURE.search(u.text) for u in units):
                continue
            n = self.index.next_in_section(h.chunk)
            if n is not None and n.id not in have:
                nxt = units_of(n.text, 0)
                if nxt and nxt[0].kind == "item":
                    bring(n, "continues")
        if FIGURE_READS_ON and hits and asks_figure(qa.question) and not states_figure(qa, hits):
            # (the best passage's only: from the third, na-007's "Steps: 1 User Inquiry …" passed for a figure)
            n = self.index.next_in_section(hits[0].chunk)
            if n is not None and states_figure(qa, [Hit(n.id, n, 0.0, hits[0].dense, 0.0, [])]):
                bring(n, "figure", hits[0].dense, mark=True)
        # a top passage that ends by pointing at what follows ("Below is shown how a pre-registration use of Consent's
        # Workflow works.") goes on in the next passage, often the first sub-section: bring it along
        if FOLLOW_POINTERS:
            for h in hits[:CONTINUE_HITS]:
                units = units_of(h.chunk.text, 0)
                if not units or not POINTS_AHEAD.search(max(units, key=lambda u: u.order).text):
                    continue
                n = self.index.next_in_section(h.chunk, into_subsections=True)
                if n is not None:
                    bring(n, "follows", mark=True)  # (retrieved already, lower down: marked)
        # a process question whose best passages introduce the flow but list no steps: the steps (a list or sequence
        # diagram) often follow in the next passage of the top passage's section
        # … and the top passage's own steps follow it even when another passage lists steps ("9.2.2 Presenting
        # Credentials Cross Device" says what the flow is for; its diagram is the next passage, and the same-device
        # flow's diagram above it answered "… to an officer whose computer is a separate device")
        if qa.intent == "workflow":
            near = hits[:WORKFLOW_HITS] + extra
            steps_in = {h.id: _n_units(h.chunk.text) for h in near}  # (each passage parsed once)
            listed = any(n >= 3 for n in steps_in.values())
            # (…also when they were retrieved among the first few: "9.1.2 Verification without user claims" ranked
            # first, its diagram fourth, and the claims flow's diagram, with more of the question's words, had the lead)
            own = TOP_SECTION_STEPS and listed and bool(hits) and steps_in[hits[0].id] < 3 and (OWN_STEPS_NEAR or not any(
                steps_in[h.id] >= 3 and continues(hits[0].chunk, h.chunk) for h in near))
            # (the top passage alone, for its own steps; the first few, when none of them lists steps)
            for h in hits[:1] if own else [] if listed else hits[:WORKFLOW_HITS]:
                n = self.index.next_in_section(h.chunk)
                if n is None or _n_units(n.text) < 3:
                    continue
                lower = next((x for x in hits[1 if own else WORKFLOW_HITS:] if x.id == n.id), None)
                if lower is not None:
                    lower.why.append("steps")  # retrieved, but ranked below where the process answer looks
                elif not bring(n, "steps", h.dense):
                    continue
                if own:  # (the process answer takes these steps over any other passage's: see ExtractiveAnswerer)
                    (lower or extra[-1]).why.append("own-steps")
                # and where the chunker split those steps (a long sequence diagram), the rest of them
                for _ in range(2):
                    n = self.index.next_in_section(n) if _ends_with_item(n.text) else None
                    if n is None or n.id in have or _n_units(n.text) < 2:
                        break
                    bring(n, "continues")
                break
        # an endpoint question whose best passages describe an operation in prose ("send identical emails to many
        # recipients at once") gets the operation that section documents, so the answer can name it
        if qa.intent == "api" and not any(h.chunk.kind == "api_operation" for h in hits[:SECTION_OP_HITS]):
            for h in hits[:SECTION_OP_HITS]:
                for op in self.index.section_operations(h.chunk)[:1]:
                    bring(op, "section-api", h.dense)
            # …and when those sections document none (a workflow page tells the flow, not the call), the named
            # block's operation that best matches the question, searched among its operations alone
            if BLOCK_OP and qa.bbs and not any("section-api" in h.why for h in extra):
                for op in self.searcher.search(qa, release, k=1, filters={"bb": qa.bbs[:1], "kind": ["api_operation"]}):
                    bring(op.chunk, "block-api", op.dense, mark=True)
        if LIST_BLOCK_OPS and qa.intent == "api" and qa.bbs and not qa.api_path and LISTS_ENDPOINTS.search(qa.question):
            for op in self.searcher.search(qa, release, k=LIST_BLOCK_OPS, filters={"bb": qa.bbs[:1], "kind": ["api_operation"]}):
                bring(op.chunk, "block-ops", op.dense)
        top = next((h.chunk for h in hits[:SECTION_OP_HITS] + extra if h.chunk.kind == "api_operation"), None) \
            if qa.intent == "api" else None
        # an operation the spec page only lists ("POST /share-credential" under "8.3 Credential Management") is
        # described by its section's prose: that comes along however the passages ranked
        if top is not None and top.extra.get("from_page") and len(top.heading_path) > 1:
            for c in self.index.chunks_of(release, top.folder, "^" + re.escape(top.path) + "$"):
                if c.kind == "prose" and c.heading_path == top.heading_path[:-1]:
                    bring(c, "op-section")
        if OP_PAGE_PROSE and top is not None and not top.extra.get("from_page"):
            for c in _page_prose(self.index, top, release):
                bring(c, "op-page", mark=True)
        # the other passages of the top operation: a long operation is split, and its fields, responses or headers
        # may be in a passage that did not rank ("… and what does a successful response look like?")
        if top is not None:
            for i in self.index.api_paths.get((release, norm_path(str(top.extra.get("api_path", "")))), []):
                c = self.index.chunks[i]
                if c.path == top.path and c.extra.get("method") == top.extra.get("method"):
                    bring(c, "op-detail")
        # an operation passage cut inside its field lists ("… Information-Mediator-Client (string, required) — Format is:")
        # goes on in the operation's next passage ("INSTANCE/CLASS/MEMBER/SUBSYSTEM Request body fields: …")
        if OP_CUT_CONTINUED and qa.intent == "api":
            for h in hits[:SECTION_OP_HITS * 2]:
                n = self.index.next_in_section(h.chunk) if h.chunk.kind == "api_operation" else None
                if n is not None and n.extra.get("api_path") == h.chunk.extra.get("api_path") \
                        and not n.text.startswith(f"{n.extra.get('method')} "):  # (a continuation opens with no method)
                    bring(n, "op-detail")
        # "What fields describe a registration Service?": the data-structure page a top passage is on has the table
        # titled with the object asked about, though another of its tables ranked higher
        if qa.intent == "data":
            for h in hits[:DATA_HITS]:
                if not _DATA_PAGE.search(h.chunk.path):
                    continue
                for c in self.index.chunks_of(h.chunk.release, h.chunk.folder, "^" + re.escape(h.chunk.path) + "$"):
                    if _n_units(c.text, "row") >= 2:
                        bring(c, "data-table")
                break
        # "What payment infrastructure scenarios does the spec describe?": a top passage's page has a section for each
        # kind asked about; the opening passage of every such section comes along, in page order (the answer lists them)
        if qa.enumerates:
            listed = self._listed_sections(qa, hits, release)
            qa.listed_total = len(listed)
            for c in listed[:LIST_SECTION_MAX]:
                bring(c, "section-list", mark=True)
        # "What's the difference between the one-time signature approach and the SCD-based approach?": two things the
        # block's pages have a section each for, and no glossary entry; each section's opening comes along
        if TERM_SECTIONS and len(qa.terms) == 2 and len(qa.bbs) == 1 and not qa.terms_defined:
            for c in self._sections_for_terms(qa.terms, qa.bbs[0], release):
                bring(c, "term-section", mark=True)
        # "How does OpenID Connect SSO compare with the iframe-based secure proxy?": a top passage's page lays out options
        # under bold labels (the chunk's "label"); every passage of that page under a label comes along (the answer
        # quotes each option's best points, ExtractiveAnswerer._option_comparison)
        if OPTION_PASSAGES and (ASKS_DIFFERENCE.search(qa.question) or OPTION_LIST and ASKS_OPTIONS.search(ask_part(qa.question))):
            def page_of(h):
                return self.index.chunks_of(h.chunk.release, h.chunk.folder, "^" + re.escape(h.chunk.path) + "$")

            top = next((h for h in hits[:OPTION_REACH] if h.chunk.extra.get("label")), None)
            if top is None and OPTION_PAGE_INTRO:
                # (…or a top passage introduces them: "A few authentication mechanisms relevant to UI level switching
                # between independent applications are discussed below", on a page with two labelled options or more)
                top = next((h for h in hits[:OPTION_REACH] if sum(bool(c.extra.get("label")) for c in page_of(h)) >= 2),
                           None)
            if top is not None:
                page = page_of(top)
                for c in [c for c in page if c.extra.get("label")][:OPTION_PASSAGES]:
                    bring(c, "option")
        # a second question in the same message: its own best passages come along (marked when retrieved already), so
        # that the answer can answer it too (searched as the whole message with that question read twice: alone,
        # "Could one block read another block's database?" loses what the message is about)
        for ask in qa.more_asks if MORE_ASK_HITS else []:
            # (…with the kind of answer that question wants: "and what happens to the API version?" after "which endpoint
            # …?" wants a sentence, not more operations)
            # (read in the spec's words, as the question is: "take it back" is withdrawing it)
            # (…and a definition asked for is looked up as the term it names: "… and what do you mean by a 'building
            # block'?" after "What is GovStack")
            sub = dataclasses.replace(qa, ask_again=plain_words(ask), vectors=dict(qa.vectors),
                                      intent=detect_intent(ask, qa.bbs), term=defined_term(ask) or qa.term)
            for h in self.searcher.search(sub, release, k=MORE_ASK_HITS, filters=filters):
                bring(h.chunk, "next-ask", h.dense, mark=True)
        return hits + extra

    def _listed_sections(self, qa, hits, release) -> list:
        """The sections a listing question asks for: those of the first top passage's page that has two or more
        (_sections_titled), else the glossary entries of that kind of the one block the question is about ("Event
        Status", "Alert Status" for "What statuses can an event go through in the scheduler?")."""
        for h in hits[:LIST_SECTION_HITS]:
            sections = self._sections_titled(h.chunk, qa.enumerates)
            if len(sections) >= 2:
                return sections
        about = set(qa.bbs[:1]) or registry.mentioned_loosely(qa.question)  # "… in the scheduler?"
        if len(about) != 1:
            return []
        word = noun_pattern(qa.enumerates)
        entries = sorted((c for c in self.index.chunks.values() if c.kind == "glossary_term" and c.release == release
                          and c.bb in about and word.search(str(c.extra.get("term", "")))),
                         key=lambda c: (c.path, int(c.extra.get("seq", 0) or 0)))
        return entries if len(entries) >= 2 else []

    def _sections_for_terms(self, terms: list[str], bb: str, release: str) -> list:
        """The opening passage of the block's spec section titled with each term ("2.2.1 One-Time Signature Approach"
        for "one-time signature approach"), when every term has one, or of two sibling sections whose titles the two
        terms use loosely (see below); [] when every term has a glossary entry."""
        if (all if SECTIONS_BESIDE_GLOSSARY else any)(self.index.glossary(release, t) for t in terms):
            return []
        folder = self.index.bb_folders.get((release, bb))
        if not folder:
            return []
        pages = [c for c in self.index.chunks_of(release, folder, r"^spec/") if c.kind == "prose"]
        opening = lambda cs: min(cs, key=lambda c: (c.path, int(c.extra.get("seq", 0) or 0)))  # noqa: E731
        exact = [[c for c in pages if titled_for(c.heading_path, t)] for t in terms]
        if all(exact):
            return [opening(cs) for cs in exact]
        if not SECTIONS_NAMED_LOOSELY or len(terms) != 2:
            return []
        # "the one-time signature" and "signing with a signature creation device (SCD)": sections whose titles the
        # terms use but for words like "approach" (2.2.1 One-Time Signature Approach, 2.2.2 SCD-based approach), two
        # sibling sections, options of one thing (not "4.6 Signature Creation Device Signing" on another page)
        def sections(i: int) -> dict[tuple, tuple[int, list]]:
            out: dict[tuple, tuple[int, list]] = {}
            for c in exact[i] or [c for c in pages if title_in_term(c.heading_path, terms[i])]:
                score = 100 if exact[i] else title_in_term(c.heading_path, terms[i])
                out.setdefault((c.path, tuple(c.heading_path)), (score, []))[1].append(c)
            return out
        first, second = sections(0), sections(1)
        pairs = [(s1 + s2, opening(c1), opening(c2)) for k1, (s1, c1) in first.items() for k2, (s2, c2) in second.items()
                 if k1 != k2 and k1[0] == k2[0] and k1[1][:-1] == k2[1][:-1]]
        if not pairs:
            return []
        best = max(pairs, key=lambda p: p[0])
        return [best[1], best[2]]

    def _sections_titled(self, chunk, noun: str) -> list:
        """The opening passage of each section on the chunk's page whose title names the noun ("Payment Infrastructure
        Scenario 2-A" for "scenario"), innermost sections only (not "Payment infrastructure scenarios" above them); or,
        with fewer than two such, of each sub-section (at least LIST_SECTION_CHILDREN) of the section named for them."""
        word = noun_pattern(noun)
        every: dict[tuple, object] = {}  # heading path → the section's opening passage, in page order
        for c in self.index.chunks_of(chunk.release, chunk.folder, "^" + re.escape(chunk.path) + "$"):
            every.setdefault(tuple(c.heading_path), c)
        keys = [k for k in every if len(k) > 1 and word.search(k[-1])]
        inner = [k for k in keys if not any(o != k and o[:len(k)] == k for o in keys)]
        if len(inner) >= 2:
            return [every[k] for k in inner]
        # … or the sub-sections of a section named for them ("4.1 Design Principles": 4.1.1 Citizen-Centric, 4.1.2 Open …)
        for k in keys:
            children = [every[o] for o in every if len(o) == len(k) + 1 and o[:len(k)] == k]
            # (numbered sections are the items; an unnumbered one among them is an aside: "Other Considerations"
            # after "5.1 …" to "5.28 …")
            numbered = [c for c in children if re.match(r"\d+(\.\d+)+\s", c.heading_path[-1])]
            if len(numbered) >= LIST_SECTION_CHILDREN and len(numbered) >= 0.8 * len(children):
                children = numbered
            if len(children) >= LIST_SECTION_CHILDREN:
                return children
        return [every[k] for k in inner]

    def _answer(self, state: dict, on_token: Callable[[str], None] | None = None) -> dict:
        t = time.perf_counter()
        qa, hits = state["qa"], state["hits"]
        notice = None
        if state["abstain"]:
            ev = Evidence(hits)
            draft = Draft(abstention_text(qa, state["reason"], _nearest_topics(hits, ev)), ev, {}, abstained=True)
        elif qa.advice_guidance and not state["filters"].get("bb"):
            # "Which building blocks do I need for an online marriage certificate service?": too little to analyse, and
            # the spec passages sharing its words answer another question
            how = qa.advice_guidance[qa.advice_guidance.find("Describe"):] if "Describe" in qa.advice_guidance else qa.advice_guidance
            near = ""
            if qa.advice_use_case:  # "… for a cash transfer programme?": the reference use case it names
                from assistant.suggest import near_use_case_note
                uid, title, bbs = qa.advice_use_case
                near = near_use_case_note({"id": uid, "title": title, "building_blocks": bbs}) + " "
            draft = Draft(f"{ADVICE_THIN} {near}{how}", Evidence(hits), {})
        elif self.llm is not None and not (qa.advice or qa.reading_path):  # the advisor's list and the reading path
            # are shown as they are, whichever backend
            draft, notice = self.llm.stream(qa, hits, on_token)
        else:
            draft = self.offline.answer(qa, hits)
            if not draft.text:
                ev = Evidence(hits)
                draft = Draft(abstention_text(qa, "no passage answers it directly", _nearest_topics(hits, ev)), ev, {},
                              abstained=True)
        state.update(draft=draft, notice=notice, t_answer=(time.perf_counter() - t) * 1000)
        return state

    def _finalize(self, state: dict) -> Answer:
        qa, draft = state["qa"], state["draft"]
        text = draft.text
        notices = [state.get("notice")] if state.get("notice") else []
        if qa.truncated:
            notices.append(f"Your question was long; only its first {MAX_QUESTION_CHARS} characters were used.")
        if state.get("spelled"):
            notices.append(spelled_note(state["spelled"]))
        if asks_for_advice(qa.question):  # answered or not, the advisor is what this asker needs
            if not qa.advice_guidance:
                text += f"\n\n{ADVICE_MORE if qa.advice and not draft.abstained else ADVICE_POINTER}"
        if not qa.advice_guidance:  # (the advisor's request for a description quotes no specification)
            text += f"\n\n*Source: GovStack specification, release `{state['release']}`.*"
        total = (time.perf_counter() - state["t0"]) * 1000
        return Answer(
            question=qa.question,
            text=text,
            citations=draft.evidence.citations(draft.snippets),
            retrieved=[to_citation(h, i + 1) for i, h in enumerate(state["hits"])],
            abstained=draft.abstained,
            timings_ms={"retrieve": round(state["t_retrieve"], 1), "answer": round(state["t_answer"], 1), "total": round(total, 1)},
            release=state["release"],
            backend=self.llm.name if self.llm and not draft.abstained and not state.get("notice") else "offline",
            notice=" ".join(notices) or None,
        )


def _page_prose(index: CorpusIndex, op, release: str) -> list:
    """The passages of the spec page section that renders an operation (retrieve.CorpusIndex.rendered_on), up to the one
    rendering it: what the page says of the operation in its own words. None when the section renders several."""
    at = index.rendered_on.get((release, op.bb, str(op.extra.get("method", "")).upper(),
                                norm_path(str(op.extra.get("api_path", "")))))
    page = index.chunks.get(at) if at else None
    if page is None or len(page.heading_path) < 3:  # (a page's own top section is the whole page)
        return []
    section = [c for c in index.chunks_of(release, page.folder, "^" + re.escape(page.path) + "$")
               if c.heading_path == page.heading_path]
    if len({" ".join(m.group(0).split()) for c in section for m in RENDERED_OP.finditer(c.text)}) != 1:
        return []  # a section rendering several operations does not say which its prose is about
    # its passages up to the one rendering it (after that, they go on with its field lists)
    before = list(takewhile(lambda c: not RENDERED_OP.search(c.text), section))
    return before + section[len(before):len(before) + 1]
