"""What the app's events do, as plain Python over the Assistant API (no gradio import, so tests call it directly).

`ui/app.py` lays out components and wires each event to one method here; every method returns plain
values (strings of safe HTML/Markdown, lists) built by `ui/render.py`.
"""
from __future__ import annotations

import json
import logging
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Iterator

from assistant.answer.evidence import readable_diagrams
from assistant.config import Settings
from assistant.errors import AssistantError
from ui import render
from ui.feedback import FeedbackLog
from ui.jobs import Jobs, JobState
from ui.onboarding import ROLES, LessonBook, path_for

log = logging.getLogger("govstack.ui")

STREAM_EVERY_S = 0.05  # at most ~20 chat updates per second while an LLM streams
DEFAULT_REPORT_DIR = Path("evals/reports")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def build_command(settings: Settings) -> str:
    """The command that builds the index these settings point at (shown when it is missing)."""
    if settings.chroma_url:
        return f"govstack-assistant ingest --chroma-url {settings.chroma_url}"
    idx = str(settings.index_dir)
    return "govstack-assistant ingest" + ("" if idx == "data/index" else f" --index {idx}")


class UIController:
    """The UI's state (the loaded Assistant, caches, background jobs) and the logic of every event."""

    def __init__(self, assistant: Any | None, settings: Settings, *, load_error: str | None = None,
                 report_dir: Path | str | None = None, corpus: Path | str | None = None,
                 assistant_factory: Callable[[Settings], Any] | None = None, export_dir: Path | None = None):
        self.settings = settings
        self._assistant = assistant
        self.load_error = load_error
        self.report_dir = Path(report_dir) if report_dir else DEFAULT_REPORT_DIR
        self.corpus = Path(corpus) if corpus else None
        self._factory = assistant_factory
        self._swap_lock = threading.Lock()
        self.feedback = FeedbackLog(settings.feedback_file)
        self.jobs = Jobs()
        self.lessons = LessonBook(self._ask_lesson)
        self._glossary: list[dict] | None = None
        self._cards: list[dict] | None = None
        # Suggestion exports (.md/.json downloads) go to a private temporary folder, removed when the controller is
        # garbage-collected or the process exits (TemporaryDirectory's finalizer), so runs leave nothing in /tmp.
        self._export_tmp = None if export_dir else tempfile.TemporaryDirectory(prefix="govstack-ui-")
        self._export_dir = Path(export_dir) if export_dir else Path(self._export_tmp.name)
        try:
            from assistant import registry

            self.bbs = list(registry.building_blocks())
        except Exception:  # the registry is part of the package; without it only ids are shown
            self.bbs = []
        self.names = {b.id: b.name for b in self.bbs}

    # ----- the core object ---------------------------------------------------------------------------
    @property
    def assistant(self) -> Any | None:
        return self._assistant

    @property
    def ready(self) -> bool:
        return self._assistant is not None

    def swap(self, assistant: Any) -> None:
        """Serve a freshly loaded Assistant (after a re-ingest); caches built from the old one are dropped."""
        with self._swap_lock:
            self._assistant = assistant
            self.load_error = None
            self._glossary = None
            self._cards = None
            self.lessons.clear()

    def missing_message(self) -> str:
        return self.load_error or (f"No index at {self.settings.chroma_url or self.settings.index_dir}. "
                                   "Build it with the command below (or in the Maintainers tab), then reload this page.")

    def banner(self) -> str:
        """The banner at the top of the page: index missing, or an LLM configured (answers may stream)."""
        if not self.ready:
            return render.banner_html(self.missing_message(), build_command(self.settings))
        return ""

    def header_markdown(self) -> str:
        a = self._assistant
        if a is None:
            return "Answers: unavailable until the index is built."
        backend = f"LLM `{render.md_text(self.settings.llm)}` (streams; falls back to offline answers if it fails)" \
            if getattr(a, "llm", None) is not None else "offline extractive (every sentence is quoted from the spec)"
        return f"Release **{render.md_text(self.default_release())}** · answers: {backend}"

    def releases(self) -> list[str]:
        a = self._assistant
        rels = list(getattr(getattr(a, "index", None), "releases", []) or []) if a is not None else []
        return rels or [self.settings.release]

    def default_release(self) -> str:
        rels = self.releases()
        return self.settings.release if self.settings.release in rels else rels[0]

    def bb_choices(self) -> list[tuple[str, str]]:
        return [(b.name, b.id) for b in sorted(self.bbs, key=lambda b: b.name.lower())]

    def _require(self) -> Any:
        if self._assistant is None:
            raise AssistantError(self.missing_message() + f" Command: {build_command(self.settings)}")
        return self._assistant

    def _passages(self, citations) -> dict[str, str]:
        chunks = getattr(getattr(self._assistant, "index", None), "chunks", None) or {}
        out = {}
        for c in citations:
            ch = chunks.get(getattr(c, "chunk_id", None) or "")
            if ch is not None:  # a sequence diagram reads as the steps the answer quotes, so they highlight in place
                out[c.chunk_id] = readable_diagrams(ch.text).strip()
        return out

    # ----- Ask ---------------------------------------------------------------------------------------
    @staticmethod
    def chat_messages(turns: list[dict], pending: tuple[str, str] | None = None) -> list[dict]:
        """Chatbot value (openai-style messages) from the conversation's turns (+ one being answered)."""
        msgs: list[dict] = []
        for t in turns:
            msgs.append({"role": "user", "content": render.safe_markdown(t["question"])})
            msgs.append({"role": "assistant", "content": t["md"]})
        if pending:
            msgs.append({"role": "user", "content": render.safe_markdown(pending[0])})
            msgs.append({"role": "assistant", "content": pending[1]})
        return msgs

    @staticmethod
    def history(turns: list[dict]) -> list[dict]:
        """The conversation so far, from the latest turn that started a new topic (example and suggested
        questions do: they are self-contained and must not inherit the previous topic)."""
        start = max((i for i, t in enumerate(turns) if t.get("new_topic")), default=0)
        h: list[dict] = []
        for t in turns[start:]:
            if t.get("error"):
                continue
            h += [{"role": "user", "content": t["question"]}, {"role": "assistant", "content": t["text"]}]
        return h

    def filters(self, release: str | None, bbs: list[str] | None) -> dict:
        f: dict[str, Any] = {}
        if release:
            f["release"] = release
        if bbs:
            f["bb"] = [b for b in bbs if b]
        return f

    def ask_stream(self, question: str, turns: list[dict] | None, release: str | None = None,
                   bbs: list[str] | None = None, new_topic: bool = False) -> Iterator[tuple[list[dict], str, list[dict], str]]:
        """Yields (chat messages, sources HTML, turns, answer text) — first with the question shown, then
        as tokens arrive (LLM), finally with the cited sources. Errors end the turn with one clear line.
        new_topic: answer without the earlier turns as context (they stay in the chat)."""
        turns = list(turns or [])
        q = (question or "").strip()
        if not q:
            yield self.chat_messages(turns), self.last_sources(turns), turns, self.last_answer_text(turns)
            return
        yield self.chat_messages(turns, (q, "_Searching the specification…_")), render.sources_html([]), turns, ""
        t0 = time.perf_counter()
        try:
            a = self._require()
            text = ""
            last = 0.0
            answer = None
            history = [] if new_topic else self.history(turns)
            for piece in a.ask_stream(q, history=history, filters=self.filters(release, bbs)):
                if isinstance(piece, str):
                    text += piece
                    now = time.perf_counter()
                    if now - last >= STREAM_EVERY_S:
                        last = now
                        yield (self.chat_messages(turns, (q, render.safe_markdown(text) + " ▌")),
                               render.sources_html([]), turns, text)
                else:
                    answer = piece
            if answer is None:
                raise AssistantError("The assistant returned no answer; please try again.")
            turn = {"question": q, "text": answer.text, "md": render.answer_markdown(answer), "answer": answer,
                    "release": answer.release or release, "ts": _now(), "error": False}
        except AssistantError as e:
            turn = {"question": q, "text": str(e), "md": render.error_markdown(str(e)), "answer": None,
                    "release": release, "ts": _now(), "error": True}
        except Exception as e:  # one sentence for the user, the traceback for the operator
            log.exception("ask failed")
            msg = f"Something went wrong while answering ({type(e).__name__}). Please try again or rephrase."
            turn = {"question": q, "text": msg, "md": render.error_markdown(msg), "answer": None,
                    "release": release, "ts": _now(), "error": True}
        turn["ms"] = round((time.perf_counter() - t0) * 1000, 1)
        turn["new_topic"] = new_topic
        turns = turns + [turn]
        yield self.chat_messages(turns), self.last_sources(turns), turns, self.last_answer_text(turns)

    def ask(self, question: str, turns: list[dict] | None = None, release: str | None = None,
            bbs: list[str] | None = None) -> tuple[list[dict], str, list[dict], str]:
        out = None
        for out in self.ask_stream(question, turns, release, bbs):
            pass
        return out  # type: ignore[return-value]

    def last_sources(self, turns: list[dict]) -> str:
        for t in reversed(turns or []):
            a = t.get("answer")
            if a is not None:
                return render.sources_html(a.citations, self._passages(a.citations), a.retrieved)
            if t.get("error"):
                return render.sources_html([])
        return render.sources_html([])

    @staticmethod
    def last_answer_text(turns: list[dict]) -> str:
        for t in reversed(turns or []):
            if t.get("answer") is not None:
                return runner_body(t["answer"].text)
        return ""

    def record_feedback(self, turns: list[dict], rating: str, comment: str | None) -> str:
        """Append thumbs up/down (+ comment) on the latest answer to the feedback log."""
        last = next((t for t in reversed(turns or []) if t.get("answer") is not None), None)
        if last is None:
            return "Ask a question first — feedback is about the latest answer."
        rec = render.feedback_record(_now(), last["question"], last["answer"], rating, comment, last.get("release"))
        try:
            self.feedback.append(rec)
        except OSError as e:
            return f"Could not save feedback to {self.feedback.path} ({e.strerror})."
        return ("Thanks — saved as " + ("helpful" if rating == "up" else "not helpful") + (" with your comment" if rec["comment"] else "")
                + ". Maintainers review it in the Maintainers tab.")

    # ----- Advisor -----------------------------------------------------------------------------------
    def suggest(self, description: str) -> dict[str, Any]:
        """Rendered pieces of a suggestion, plus Markdown and JSON export files."""
        empty = {"summary": "", "table": "", "steps": "", "similar": "", "diagram": "", "files": None, "markdown": ""}
        try:
            a = self._require()
            s = a.suggest(description or "")
        except AssistantError as e:
            return {**empty, "summary": render.error_markdown(str(e))}
        except Exception as e:
            log.exception("suggest failed")
            return {**empty, "summary": render.error_markdown(f"Something went wrong ({type(e).__name__}). Please try again.")}
        out = {**empty, "summary": render.suggestion_summary_markdown(s, self.names)}
        if s.guidance:
            if s.similar_use_cases:  # (a service named in a few words: the reference use case it names)
                out["similar"] = render.similar_use_cases_html(s, self.names)
            return out
        md = render.suggestion_markdown(s, self.names)
        stem = self._export_dir / uuid.uuid4().hex[:10]
        stem.mkdir(parents=True, exist_ok=True)
        md_path, js_path = stem / "govstack-building-blocks.md", stem / "govstack-building-blocks.json"
        md_path.write_text(md, encoding="utf-8")
        js_path.write_text(render.suggestion_json(s), encoding="utf-8")
        out.update(table=render.bb_table_html(s, self.names), steps=render.steps_matrix_html(s, self.names),
                   similar=render.similar_use_cases_html(s, self.names),
                   diagram=("<figure class='gs-figure'>" + render.bb_diagram_svg(s.selected, self.names)
                            + "<figcaption>Selected building blocks exchange data through the Information Mediator."
                            "</figcaption></figure>"),
                   files=[str(md_path), str(js_path)], markdown=md)
        return out

    # ----- Get started -------------------------------------------------------------------------------
    def _ask_lesson(self, question: str, release: str | None) -> Any:
        return self._require().ask(question, filters={"release": release} if release else None)

    def lesson(self, role: str, index: int) -> dict[str, Any]:
        lessons = path_for(role)
        i = max(0, min(int(index or 0), len(lessons) - 1))
        les = lessons[i]
        why = les.why.get(role) or next(iter(les.why.values()), "")
        try:
            answers = self.lessons.answers(les, self.default_release() if self.ready else None)
            extra = ""
            if les.list_bbs and self.bbs:
                extra = "**The fifteen building blocks** (our one-line summaries; see the catalogue below for details):\n\n" + \
                    "\n".join(f"- **{render.md_text(b.name)}** — {render.md_text(b.description.split(':')[0].split('. ')[0])}"
                              for b in self.bbs)
            body = render.lesson_markdown(les.title, why, answers, extra)
        except AssistantError as e:
            body = f"## {render.md_text(les.title)}\n\n" + render.error_markdown(str(e))
        except Exception as e:
            log.exception("lesson failed")
            body = f"## {render.md_text(les.title)}\n\n" + render.error_markdown(f"This lesson could not be built ({type(e).__name__}).")
        return {"index": i, "total": len(lessons), "progress": render.progress_html(i, len(lessons), [x.title for x in lessons]),
                "body": body, "suggested": list(les.suggested), "path": render.role_path_markdown(lessons),
                "first": i == 0, "last": i == len(lessons) - 1}

    def glossary_entries(self) -> list[dict]:
        if self._glossary is None:
            chunks = getattr(getattr(self._assistant, "index", None), "chunks", None) or {}
            self._glossary = render.glossary_entries(chunks.values(), self.names, self.default_release() if self.ready else None)
        return self._glossary

    def glossary(self, query: str, bb: str | None = None) -> str:
        entries = self.glossary_entries()
        res = render.search_glossary(entries, query or "", bb or None)
        return render.glossary_html(res, len(entries), query or "")

    def catalogue(self, query: str = "") -> str:
        if self._cards is None:
            chunks = getattr(getattr(self._assistant, "index", None), "chunks", None) or {}
            self._cards = render.catalogue_cards(chunks.values(), self.bbs, self.default_release() if self.ready else None)
        return render.catalogue_html(self._cards, query)

    # ----- Maintainers -------------------------------------------------------------------------------
    def status_html(self) -> str:
        a = self._assistant
        if a is None:
            return render.banner_html(self.missing_message(), build_command(self.settings))
        try:
            st = a.status()
        except Exception as e:
            return render.banner_html(f"Could not read the index status ({type(e).__name__}: {e}).")
        note = ""
        changed = getattr(getattr(a, "store", None), "changed_since_open", None)
        try:
            if callable(changed) and changed():
                note = "The index was updated by another process — press “Reload index” to serve it."
        except Exception:
            pass
        return render.status_html(st, note)

    def default_corpus(self) -> str:
        from assistant.api import resolve_corpus

        try:
            return str(resolve_corpus(self.settings, self.corpus))
        except AssistantError:
            return ""

    def _load(self) -> Any:
        if self._factory is not None:
            return self._factory(self.settings)
        from assistant.service import Assistant

        return Assistant(self.settings)

    def start_reingest(self, releases: str, corpus: str) -> JobState:
        rels = [r.strip() for r in (releases or "").replace(",", " ").split() if r.strip()] or [self.settings.release]
        corpus_path = Path(corpus).expanduser() if corpus and corpus.strip() else self.corpus

        def run(job: JobState):
            from assistant.api import ingest

            job.log.append(f"ingesting {', '.join(rels)} from {corpus_path or 'the default corpus'}")
            rep = ingest(self.settings, releases=rels, corpus=corpus_path, progress=Jobs.progress_factory(job))
            d = rep.to_dict()
            job.stage, job.total, job.done = "loading the new index", 0, 0
            self.swap(self._load())
            c = d.get("chunks", {})
            job.log.append(f"{c.get('total', 0)} chunks: {c.get('added', 0)} added, {c.get('updated', 0)} updated, "
                           f"{c.get('deleted', 0)} deleted, {c.get('unchanged', 0)} unchanged; "
                           f"{len(d.get('files', {}).get('skipped', []))} files skipped")
            return d

        job, _ = self.jobs.start("ingest", f"Re-ingest {', '.join(rels)}", run)
        return job

    def reload(self) -> str:
        try:
            self.swap(self._load())
        except AssistantError as e:
            return render.error_markdown(str(e))
        return "Index reloaded."

    def start_eval(self, suite: str) -> JobState:
        def run(job: JobState):
            from evals import gate as gate_mod
            from evals import report, runner

            a = self._require()
            corpus = None
            try:
                from assistant.api import resolve_corpus

                corpus = resolve_corpus(self.settings, self.corpus)
                if not corpus.is_dir():
                    corpus = None
            except AssistantError:
                corpus = None
            job.total = _eval_size(suite, corpus, self.default_release())
            job.stage = f"asking the {suite} suite"
            counted = _CountingAssistant(a, job)
            meta = {"backend": self.settings.llm or "offline", "index": str(self.settings.chroma_url or self.settings.index_dir)}
            results = runner.run_suite(counted, suite, corpus=corpus, release=self.default_release(),
                                       show_progress=False, meta=meta)
            gate = None
            base = baseline_path(suite)
            if base is not None and base.is_file():
                b = gate_mod.load_results(base)
                b["_path"] = str(base)
                gate = gate_mod.compare(results, b)
            job.stage = "writing the reports"
            paths = report.write_reports(results, self.report_dir, gate)
            return str(paths["json"])

        job, _ = self.jobs.start("eval", f"Eval suite {suite}", run)
        return job

    def job_markdown(self, kind: str) -> str:
        job = self.jobs.get(kind)
        if job is None:
            return ""
        lines = [("… " if job.running else ("⚠ " if job.error else "✓ ")) + render.md_text(job.summary())]
        lines += [f"- {render.md_text(x)}" for x in job.log if not x.startswith("Traceback")]
        return "\n".join(lines)

    def job_progress_html(self, kind: str) -> str:
        job = self.jobs.get(kind)
        if job is None or not job.running:
            return ""
        f = job.fraction
        if f is None:
            return f"<div class='gs-busy' role='status'>{render.esc(job.stage)}…</div>"
        return (f"<div class='gs-progress-bar' role='progressbar' aria-valuemin='0' aria-valuemax='100' "
                f"aria-valuenow='{f * 100:.0f}'><span style='width:{f * 100:.0f}%'></span></div>"
                f"<div class='gs-small gs-muted'>{render.esc(job.stage)} {job.done}/{job.total}</div>")

    def report_choices(self) -> list[tuple[str, str]]:
        """Results JSON files (newest first): reports from the report folder, then the committed baselines."""
        out = []
        files = []
        if self.report_dir.is_dir():
            files += sorted(self.report_dir.glob("*.json"), key=lambda p: -p.stat().st_mtime)
        bdir = baseline_path("smoke")
        if bdir is not None and bdir.parent.is_dir():
            files += sorted(bdir.parent.glob("*.json"))
        for p in files:
            tag = "baseline" if bdir is not None and p.parent == bdir.parent else time.strftime(
                "%Y-%m-%d %H:%M", time.localtime(p.stat().st_mtime))
            out.append((f"{p.name} ({tag})", str(p)))
        return out

    def load_report(self, path: str | None) -> dict:
        if not path:
            return {}
        # only results files under the report folder or the committed baselines: never an arbitrary path
        p = Path(path).resolve()
        allowed = [Path(self.report_dir).resolve()]
        base = baseline_path("smoke")
        if base is not None:
            allowed.append(base.resolve().parent)
        if p.suffix != ".json" or not any(p.is_relative_to(a) for a in allowed):
            raise AssistantError("Only eval results in the report folder or the committed baselines can be opened.")
        try:
            doc = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise AssistantError(f"Cannot read the report {path} ({type(e).__name__}).") from e
        if not isinstance(doc, dict) or "metrics" not in doc:
            raise AssistantError(f"{path} is not an eval results JSON (no 'metrics').")
        if "gate" not in doc and doc.get("suite"):
            # a report written without --baseline: compare with the committed baseline here, when there is one
            base = baseline_path(str(doc["suite"]))
            if base is not None and base.is_file() and Path(path).resolve() != base.resolve():
                try:
                    from evals import gate as gate_mod

                    b = gate_mod.load_results(base)
                    b["_path"] = str(base)
                    doc["gate"] = gate_mod.compare(doc, b)
                except Exception:
                    log.warning("baseline comparison failed", exc_info=True)
        return doc

    def report_view(self, results: dict) -> dict[str, Any]:
        if not results:
            return {"headline": render.eval_headline_html({}), "charts": "", "failures": "", "deltas": "", "choices": []}
        charts = "".join([
            render.bars_html(render.breakdown_rows(results, "bb"), "Questions: pass rate per building block"),
            render.bars_html(render.breakdown_rows(results, "category"), "Questions: pass rate per category"),
            render.bars_html(render.suggest_bb_rows(results), "Suggestions: F1 per building block", "F1"),
        ])
        return {"headline": render.eval_headline_html(results), "charts": f"<div class='gs-charts'>{charts}</div>",
                "failures": render.failures_table_html(results), "deltas": render.deltas_html(results),
                "choices": render.failure_choices(results)}

    @staticmethod
    def failure_detail(results: dict, key: str | None) -> str:
        if not results or not key:
            return render.failure_detail_markdown(None)
        suite, _, id_ = key.partition(":")
        item = next((it for it in results.get("items", []) if str(it.get("id")) == id_ and it.get("suite", "qa") == suite), None)
        return render.failure_detail_markdown(item)

    def feedback_rows(self) -> list[list[str]]:
        return render.feedback_table_rows(self.feedback.read())


def runner_body(text: str) -> str:
    """Answer text without the "*Source: … release …*" footer (for copying)."""
    import re

    return re.sub(r"\n+\*Source: GovStack specification, release `[^`]*`\.\*\s*$", "", text or "").strip()


def baseline_path(suite: str) -> Path | None:
    """The suite's committed baseline, found beside the evals package's modules (not through the package itself: a
    folder named "evals" where the UI is started, such as the one `eval` writes its reports to, shadows it as a
    namespace package with no file)."""
    try:
        from evals import gold

        return Path(gold.__file__).resolve().parent / "baselines" / f"{suite}.json"
    except ImportError:
        return None


def _eval_size(suite: str, corpus: Path | None, release: str) -> int:
    """How many ask()/suggest() calls a suite makes (multi-turn items ask once per turn), for the progress bar."""
    try:
        from evals import gold, suites

        n = sum(len(gold.turns_of(it)) for it in suites.qa_items(suite))
        n += len(suites.suggest_items(suite, corpus, release))
        return n
    except Exception:
        return 0


class _CountingAssistant:
    """The real Assistant, counting calls so a running eval can show progress."""

    def __init__(self, inner: Any, job: JobState):
        self._inner = inner
        self._job = job

    def ask(self, *a, **kw):
        try:
            return self._inner.ask(*a, **kw)
        finally:
            self._job.done += 1

    def suggest(self, *a, **kw):
        try:
            return self._inner.suggest(*a, **kw)
        finally:
            self._job.done += 1

    def __getattr__(self, name):
        return getattr(self._inner, name)


ROLE_CHOICES = [(v, k) for k, v in ROLES.items()]

__all__ = ["UIController", "build_command", "ROLE_CHOICES"]
