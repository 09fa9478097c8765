"""The UI over a fake core object (unit level) and over the fixture index through Gradio's HTTP API."""
import json
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import BadQuestion
from assistant.types import Answer, BuildingBlockScore, Chunk, Citation, SimilarUseCase, Suggestion, SuggestionStep
from ui import render
from ui.controller import UIController, build_command
from ui.feedback import FeedbackLog
from ui.onboarding import CORE, ROLES, path_for


def _cit(n=1, chunk_id="c1"):
    return Citation(n=n, repo="GovStackWorkingGroup/bb-consent", folder="bb-consent", path="spec/3-terminology.md",
                    release="latest", bb="consent", title="Consent — 3 Terminology", section="Consent › 3 Terminology › Consent Record",
                    url="https://specs.govstack.global/consent/3-terminology", snippet="It represents a signed consent agreement.",
                    chunk_id=chunk_id, kind="glossary_term")


class FakeIndex:
    releases = ["23Q4", "latest"]

    def __init__(self):
        self.chunks = {
            "c1": Chunk(text="**Consent Record**: It represents a signed consent agreement.", release="latest", repo="r",
                        folder="bb-consent", path="spec/3-terminology.md", kind="glossary_term", bb="consent",
                        heading_path=["Consent", "3 Terminology", "Consent Record"],
                        url="https://specs.govstack.global/consent/3-terminology", extra={"term": "Consent Record"}),
            "k1": Chunk(text="t", release="latest", repo="r", folder="bb-consent", path="spec/4-key-digital-functionalities.md",
                        kind="prose", bb="consent", heading_path=["Consent", "4 Key Digital Functionalities", "4.1 Admin"],
                        url="https://specs.govstack.global/consent/4-key-digital-functionalities"),
            "a1": Chunk(text="t", release="latest", repo="r", folder="bb-consent", path="api/c.yaml", kind="api_operation",
                        bb="consent", extra={"method": "POST", "api_path": "/records"}),
        }


class FakeAssistant:
    """The public surface the UI uses: settings, index, llm, ask, ask_stream, suggest, status."""

    def __init__(self, settings, llm=None, tokens=("A consent record ", "is signed [1]."), notice=None):
        self.settings = settings
        self.index = FakeIndex()
        self.llm = llm
        self.tokens = tokens
        self.notice = notice
        self.calls: list[tuple] = []
        self.lock = threading.Lock()

    def _answer(self, q, filters):
        rel = (filters or {}).get("release") or "latest"
        return Answer(question=q, text="".join(self.tokens) + f"\n\n*Source: GovStack specification, release `{rel}`.*",
                      citations=[_cit()], retrieved=[_cit(), _cit(2, "c9")], release=rel, notice=self.notice)

    def ask_stream(self, question, history=None, filters=None):
        with self.lock:
            self.calls.append(("ask", question, history, filters))
        if question == "bad":
            raise BadQuestion("Please type a question, e.g. “What does the Consent building block do?”")
        if question == "boom":
            raise RuntimeError("internal detail that must not be shown")
        yield from self.tokens if self.llm else ["".join(self.tokens)]
        yield self._answer(question, filters)

    def ask(self, question, history=None, filters=None):
        *_, last = self.ask_stream(question, history, filters)
        return last

    def suggest(self, description, exclude_use_cases=None):
        with self.lock:
            self.calls.append(("suggest", description))
        if len(description.split()) < 3:
            return Suggestion(description=description, guidance="That is too short to tell what the service does.")
        return Suggestion(
            description=description,
            building_blocks=[BuildingBlockScore("payments", "Payments", 0.9, True, ["need 'pay' → Payments"], [_cit()]),
                             BuildingBlockScore("information-mediator", "Information Mediator", 0.6, True, []),
                             BuildingBlockScore("gis", "GIS", 0.1, False, [])],
            steps=[SuggestionStep("pay the fee", ["Financial Services"], ["payments"])],
            similar_use_cases=[SimilarUseCase("INST-1", "Cash transfer", 0.4, ["payments"], "govstack", "https://x.org/inst-1")],
            timings_ms={"total": 5.0})

    def status(self):
        return {"index": str(self.settings.index_dir), "backend": "offline", "chunks": 3,
                "by_release": {"latest": {"glossary_term": 1, "prose": 1, "api_operation": 1}}, "records": {}, "meta": {}}


@pytest.fixture
def ui_settings(tmp_path):
    return Settings(index_dir=tmp_path / "index", feedback_file=tmp_path / "fb" / "feedback.jsonl")


@pytest.fixture
def fake(ui_settings):
    return FakeAssistant(ui_settings)


@pytest.fixture
def ctrl(fake, ui_settings, tmp_path):
    return UIController(fake, ui_settings, report_dir=tmp_path / "reports", export_dir=tmp_path / "exports")


# ----- Ask ------------------------------------------------------------------------------------------------

def test_ask_shows_the_question_then_the_cited_answer(ctrl, fake):
    steps = list(ctrl.ask_stream("What is a consent record?", [], "latest", ["consent"]))
    chat0, src0, turns0, _ = steps[0]
    assert chat0[-2] == {"role": "user", "content": "What is a consent record?"} and "Searching" in chat0[-1]["content"]
    chat, src, turns, text = steps[-1]
    assert [m["role"] for m in chat] == ["user", "assistant"]
    assert "[[1]](https://specs.govstack.global/consent/3-terminology" in chat[-1]["content"]
    assert 'href="https://specs.govstack.global/consent/3-terminology"' in src and "<mark>" in src
    assert text == "A consent record is signed [1]."  # copy text: no release footer
    assert fake.calls[-1] == ("ask", "What is a consent record?", [], {"release": "latest", "bb": ["consent"]})


def test_follow_up_sends_the_conversation_history(ctrl, fake):
    *_, (chat, _, turns, _) = ctrl.ask_stream("What is a consent record?", [], "latest", [])
    list(ctrl.ask_stream("And who signs it?", turns, "latest", []))
    hist = fake.calls[-1][2]
    assert hist[0] == {"role": "user", "content": "What is a consent record?"}
    assert hist[1]["role"] == "assistant" and hist[1]["content"].startswith("A consent record is signed [1].")


def test_example_and_suggested_questions_start_a_new_topic(ctrl, fake):
    *_, (_, _, turns, _) = ctrl.ask_stream("What is a consent record?", [], None, None)
    *_, (_, _, turns, _) = ctrl.ask_stream("What is a reference use case?", turns, None, None, new_topic=True)
    assert fake.calls[-1][2] == []  # no context from the consent question
    list(ctrl.ask_stream("Who manages them?", turns, None, None))
    assert [h["content"] for h in fake.calls[-1][2] if h["role"] == "user"] == ["What is a reference use case?"]


def test_streaming_with_an_llm_yields_partial_answers(ui_settings, tmp_path):
    import ui.controller as c

    fake = FakeAssistant(ui_settings, llm=object(), tokens=tuple(f"tok{i} " for i in range(6)))
    ctrl = UIController(fake, ui_settings, export_dir=tmp_path)
    old, c.STREAM_EVERY_S = c.STREAM_EVERY_S, 0.0
    try:
        steps = list(ctrl.ask_stream("q?", [], None, None))
    finally:
        c.STREAM_EVERY_S = old
    partial = [s[0][-1]["content"] for s in steps[1:-1]]
    assert len(partial) == 6 and partial[0].startswith("tok0") and partial[-1].endswith("▌")
    assert "tok5" in steps[-1][0][-1]["content"] and "▌" not in steps[-1][0][-1]["content"]
    assert "LLM" in ctrl.header_markdown()


def test_llm_failure_notice_is_shown_with_the_offline_answer(ui_settings, tmp_path):
    fake = FakeAssistant(ui_settings, notice="The LLM endpoint failed (ConnectError); offline answer shown.")
    ctrl = UIController(fake, ui_settings, export_dir=tmp_path)
    *_, (chat, *_rest) = ctrl.ask_stream("q?", [], None, None)
    assert "⚠" in chat[-1]["content"] and "offline answer shown" in chat[-1]["content"]


def test_errors_become_one_clear_line_and_the_chat_goes_on(ctrl):
    *_, (chat, src, turns, _) = ctrl.ask_stream("bad", [], None, None)
    assert chat[-1]["content"].startswith("⚠ Please type a question")
    *_, (chat, src, turns, _) = ctrl.ask_stream("boom", turns, None, None)
    assert "Something went wrong" in chat[-1]["content"] and "internal detail" not in chat[-1]["content"]
    *_, (chat, src, turns, _) = ctrl.ask_stream("What is a consent record?", turns, None, None)
    assert len(chat) == 6 and "gs-src-title" in src
    assert ctrl.history(turns) == [{"role": "user", "content": "What is a consent record?"},
                                   {"role": "assistant", "content": turns[-1]["text"]}]


def test_blank_question_does_nothing(ctrl, fake):
    steps = list(ctrl.ask_stream("   ", [], None, None))
    assert len(steps) == 1 and steps[0][0] == [] and fake.calls == []


def test_user_text_is_escaped_in_the_chat(ctrl):
    *_, (chat, *_r) = ctrl.ask_stream('<img src=x onerror="alert(1)">?', [], None, None)
    assert "<img" not in chat[0]["content"] and "&lt;img" in chat[0]["content"]


def test_feedback_is_appended_to_the_jsonl_log(ctrl, ui_settings):
    assert "Ask a question first" in ctrl.record_feedback([], "up", "")
    *_, (_, _, turns, _) = ctrl.ask_stream("What is a consent record?", [], "latest", None)
    assert "saved as helpful" in ctrl.record_feedback(turns, "up", "")
    assert "with your comment" in ctrl.record_feedback(turns, "down", "cites the wrong page")
    lines = [json.loads(x) for x in ui_settings.feedback_file.read_text().splitlines()]
    assert [r["rating"] for r in lines] == ["up", "down"] and lines[1]["comment"] == "cites the wrong page"
    assert set(lines[0]) == {"ts", "question", "answer", "citations", "rating", "comment", "release"}
    assert lines[0]["question"] == "What is a consent record?" and lines[0]["release"] == "latest"
    assert lines[0]["citations"][0]["url"] == "https://specs.govstack.global/consent/3-terminology"
    assert ctrl.feedback_rows()[0][1] == "✗ not helpful"


def test_feedback_log_survives_concurrent_appends_and_bad_lines(tmp_path):
    log = FeedbackLog(tmp_path / "f.jsonl")
    with ThreadPoolExecutor(8) as ex:
        list(ex.map(lambda i: log.append({"i": i, "text": "x" * 5000}), range(200)))
    with (tmp_path / "f.jsonl").open("a") as f:
        f.write("not json\n")
    recs = log.read(limit=None)
    assert sorted(r["i"] for r in recs) == list(range(200))


# ----- Advisor --------------------------------------------------------------------------------------------

def test_suggest_renders_tables_diagram_and_exports(ctrl):
    r = ctrl.suggest("Citizens pay the fee online and get a receipt")
    assert "Payments" in r["summary"] and "gs-bb-table" in r["table"] and "<svg" in r["diagram"]
    assert "gs-matrix" in r["steps"] and "INST-1" in r["similar"]
    md_path, js_path = map(Path, r["files"])
    assert md_path.read_text().startswith("# Building-block suggestion") and md_path.suffix == ".md"
    assert json.loads(js_path.read_text())["building_blocks"][0]["id"] == "payments"


def test_default_export_folder_is_removed_with_the_controller(fake, ui_settings):
    import gc

    c = UIController(fake, ui_settings)
    folder = Path(c.suggest("Citizens pay the fee online and get a receipt")["files"][0]).parent.parent
    assert folder.is_dir() and folder.name.startswith("govstack-ui-")
    del c
    gc.collect()
    assert not folder.exists()


def test_suggest_guidance_for_bad_input(ctrl):
    r = ctrl.suggest("hello")
    assert "too short" in r["summary"] and r["table"] == "" and r["files"] is None


# ----- Get started ----------------------------------------------------------------------------------------

def test_every_role_has_a_path_of_the_core_lessons_plus_its_own():
    for role in ROLES:
        p = path_for(role)
        assert [x.key for x in p[:len(CORE)]] == ["govstack", "framework", "bb", "bbs", "interop", "usecases",
                                                     "reading"]
        assert len(p) == len(CORE) + 1 and all(x.questions and len(x.suggested) == 3 for x in p)
        assert all(role in x.why or x.why for x in p)


def test_lessons_are_grounded_cached_and_navigable(ctrl, fake):
    d = ctrl.lesson("developer", 0)
    assert d["index"] == 0 and d["first"] and not d["last"] and "Lesson 1 of 8" in d["progress"]
    assert "[[1]](https://specs.govstack.global/consent/3-terminology" in d["body"] and len(d["suggested"]) == 3
    n_calls = len(fake.calls)
    ctrl.lesson("architect", 0)  # same question, other role: served from the cache
    assert len(fake.calls) == n_calls
    last = ctrl.lesson("developer", 99)
    assert last["index"] == 7 and last["last"] and "Standards" in last["body"]
    bbs = ctrl.lesson("official", 3)
    assert "Information Mediator" in bbs["body"]  # the fifteen blocks are listed


def test_lesson_cache_computes_each_question_once_under_concurrency(ctrl, fake):
    with ThreadPoolExecutor(8) as ex:
        list(ex.map(lambda _: ctrl.lesson("official", 1), range(16)))
    asked = [c for c in fake.calls if c[0] == "ask"]
    assert len(asked) == 1


def test_glossary_and_catalogue(ctrl):
    html = ctrl.glossary("consent", "")
    assert "Consent Record" in html and "It represents a signed consent agreement." in html
    assert "No term matches" in ctrl.glossary("zzz", "")
    cat = ctrl.catalogue("")
    assert cat.count("<article") == 15 and "1 API operation" in cat and "Admin" in cat


# ----- missing index --------------------------------------------------------------------------------------

def test_missing_index_banner_and_messages(ui_settings, tmp_path):
    ctrl = UIController(None, ui_settings, export_dir=tmp_path)
    assert "govstack-assistant ingest --index" in ctrl.banner() and "role='alert'" in ctrl.banner()
    *_, (chat, *_r) = ctrl.ask_stream("What is a consent record?", [], None, None)
    assert "No index" in chat[-1]["content"] and "govstack-assistant ingest" in chat[-1]["content"]
    assert "No index" in ctrl.suggest("Citizens pay the fee online")["summary"]
    assert "No index" in ctrl.lesson("official", 0)["body"]
    assert "No index" in ctrl.status_html()
    assert build_command(Settings()) == "govstack-assistant ingest"
    assert build_command(Settings(chroma_url="http://h:8000")).endswith("--chroma-url http://h:8000")


# ----- Maintainers ----------------------------------------------------------------------------------------

def test_reports_list_load_view_and_drill_down(ctrl, tmp_path):
    from tests.test_ui_render import RESULTS

    ctrl.report_dir.mkdir(parents=True)
    p = ctrl.report_dir / "custom-latest.json"
    p.write_text(json.dumps({**RESULTS, "suite": "custom"}))
    assert str(p) in [v for _, v in ctrl.report_choices()]
    doc = ctrl.load_report(str(p))
    v = ctrl.report_view(doc)
    assert "0.667" in v["headline"] and "payments" in v["charts"] and "Failing items (2)" in v["failures"]
    assert [k for _, k in v["choices"]] == ["qa:q1", "suggest:u1"]
    assert "no expected source" in ctrl.failure_detail(doc, "qa:q1")
    (tmp_path / "bad.json").write_text("[1, 2]")
    from assistant.errors import AssistantError

    with pytest.raises(AssistantError):
        ctrl.load_report(str(tmp_path / "bad.json"))


def test_eval_job_runs_through_the_public_runner(ctrl, fake, monkeypatch):
    import time

    import evals.runner as runner

    seen = {}

    def fake_run_suite(assistant, suite, **kw):
        seen["suite"] = suite
        assistant.ask("q")  # the counting proxy forwards to the real object
        return runner.build_results(suite, [], [], meta={"release": kw["release"]})

    monkeypatch.setattr(runner, "run_suite", fake_run_suite)
    monkeypatch.setattr("ui.controller.baseline_path", lambda suite: None)
    job = ctrl.start_eval("smoke")
    for _ in range(100):
        if not job.running:
            break
        time.sleep(0.05)
    assert job.error is None, job.log
    assert seen["suite"] == "smoke" and Path(job.result).is_file() and job.done == 1
    assert "finished" in ctrl.job_markdown("eval")


def test_reingest_job_reports_progress_and_swaps_the_assistant(ui_settings, tmp_path, monkeypatch):
    import time

    import assistant.api as api

    class Rep:
        def to_dict(self):
            return {"chunks": {"total": 3, "added": 3}, "files": {"skipped": []}}

    def fake_ingest(settings, releases=None, corpus=None, progress=None, **kw):
        bar = progress("latest: reading", 4)
        for _ in range(4):
            bar.update(1)
        bar.close()
        return Rep()

    monkeypatch.setattr(api, "ingest", fake_ingest)
    new = FakeAssistant(ui_settings)
    ctrl = UIController(None, ui_settings, export_dir=tmp_path, assistant_factory=lambda s: new)
    assert ctrl.banner()
    job = ctrl.start_reingest("latest", str(tmp_path))
    for _ in range(100):
        if not job.running:
            break
        time.sleep(0.05)
    assert job.error is None, job.log
    assert ctrl.assistant is new and ctrl.banner() == "" and "3 chunks" in ctrl.job_markdown("ingest")


# ----- the Gradio app -------------------------------------------------------------------------------------

def test_create_app_builds_blocks_over_a_fake_core(fake, ui_settings):
    import gradio as gr

    from ui.app import create_app

    demo = create_app(fake, ui_settings)
    assert isinstance(demo, gr.Blocks)
    ids = {getattr(b, "elem_id", None) for b in demo.blocks.values()}
    assert {"ask-input", "ask-chat", "ask-sources", "adv-input", "adv-table", "lesson-body", "glossary-out",
            "maint-status"} <= ids
    names = {d.api_name for d in demo.fns.values() if d.api_name}
    assert {"ask", "suggest", "glossary"} <= names
    assert create_app(None, ui_settings) is not None  # no index: the app still builds (and shows the banner)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_app_over_the_fixture_index_serves_concurrent_users(built_index, hash_embedder, tmp_path):
    """The real Assistant on the fixture corpus, served by Gradio, driven through its HTTP API by 8 users at once."""
    from gradio_client import Client

    from assistant.service import Assistant
    from ui.app import create_app, launch

    a = Assistant(built_index, embedder=hash_embedder)
    demo = create_app(a, built_index, report_dir=tmp_path / "reports")
    port = _free_port()
    launch(demo, port=port, prevent_thread_lock=True, quiet=True)
    try:
        url = f"http://127.0.0.1:{port}/"

        def user(i):
            c = Client(url, verbose=False)
            chat, sources, _last, _q = c.predict("What is a consent token?", "latest", [], api_name="/ask")
            assert "gs-src-title" in sources, sources[:300]
            assert chat and chat[-1]["role"] == "assistant"
            html = c.predict("consent", "", api_name="/glossary")
            assert "Consent Token" in html
            return True

        with ThreadPoolExecutor(8) as ex:
            assert all(ex.map(user, range(8)))
        c = Client(url, verbose=False)
        old = c.predict("What is a withdrawal slip?", "23Q4", [], api_name="/ask")
        assert "release `23Q4`" in old[0][-1]["content"][0]["text"] if isinstance(old[0][-1]["content"], list) \
            else "release `23Q4`" in old[0][-1]["content"]
    finally:
        demo.close()


# ----- the real Assistant on the fixture index, with LangChain fake chat models ---------------------------

def _fake_llm(responses):
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    return GenericFakeChatModel(messages=iter([AIMessage(r) for r in responses]))


def test_llm_tokens_stream_into_the_chat(built_index, hash_embedder, tmp_path, monkeypatch):
    import ui.controller as c
    from assistant.service import Assistant

    monkeypatch.setattr(c, "STREAM_EVERY_S", 0.0)
    a = Assistant(built_index, embedder=hash_embedder, chat_model=_fake_llm(["Tokens prove consent [1] and can be revoked [2]."]))
    ctrl = UIController(a, built_index, export_dir=tmp_path)
    steps = list(ctrl.ask_stream("What is a consent token?", [], "latest", None))
    partial = [s[0][-1]["content"] for s in steps[1:-1]]
    assert len(partial) > 3 and all(p.endswith("▌") for p in partial)
    final = steps[-1]
    assert final[0][-1]["content"].startswith("Tokens prove consent [[1]](") and "gs-src-title" in final[1]


def test_llm_endpoint_failure_shows_notice_and_offline_answer(built_index, hash_embedder, tmp_path, failing_llm):
    from assistant.service import Assistant

    a = Assistant(built_index, embedder=hash_embedder, chat_model=failing_llm)
    ctrl = UIController(a, built_index, export_dir=tmp_path)
    *_, (chat, src, turns, _) = ctrl.ask_stream("What is a consent token?", [], "latest", None)
    msg = chat[-1]["content"]
    assert msg.startswith("**Consent Token**") and "> ⚠" in msg and "failed" in msg and "gs-src-title" in src


def test_real_assistant_is_safe_to_share_between_threads(built_index, hash_embedder, tmp_path):
    """The app shares one Assistant between sessions: concurrent asks and suggestions must all succeed."""
    from assistant.service import Assistant

    a = Assistant(built_index, embedder=hash_embedder)
    ctrl = UIController(a, built_index, export_dir=tmp_path)
    qs = ["What is a consent token?", "Which endpoint revokes a consent token?", "What does the Payments BB do?"]

    def work(i):
        if i % 4 == 3:
            r = ctrl.suggest("Citizens register, give consent and pay the fee online")
            return not r["summary"].startswith("⚠") and "gs-bb-table" in r["table"]
        *_, (chat, src, turns, _) = ctrl.ask_stream(qs[i % 3], [], "latest", None)
        return not turns[-1]["error"] and "gs-src-title" in src

    with ThreadPoolExecutor(12) as ex:
        assert all(ex.map(work, range(48)))


def test_ui_login_from_environment():
    from ui.app import ui_auth

    assert ui_auth({}) is None
    assert ui_auth({"GOVSTACK_BASIC_AUTH": "officer:s3cret"}) == ("officer", "s3cret")
    assert ui_auth({"GOVSTACK_BASIC_AUTH": "no-colon"}) is None


def test_a_cited_sequence_diagram_reads_as_steps_in_the_sources_panel(ctrl, fake):
    fake.index.chunks["c1"] = Chunk(text="Login:\n```mermaid\nsequenceDiagram\nUser->>+App: Click <br>log in\nApp-->>User: Show page\n```",
                                    release="latest", repo="r", folder="bb-identity", path="spec/9-workflows.md", kind="prose",
                                    bb="identity", heading_path=["Identity", "9 Internal Workflows"])
    cit = _cit(1, "c1")
    cit.snippet = "App → User: Show page."
    passages = ctrl._passages([cit])
    assert passages["c1"] == "Login:\n\n\n* User → App: Click log in\n* App → User: Show page"
    html = render.sources_html([cit], passages)
    assert "<mark>App → User: Show page</mark>" in html and "sequenceDiagram" not in html and "-&gt;&gt;" not in html


def test_the_baseline_is_found_where_an_evals_reports_folder_shadows_the_package(tmp_path):
    """`python -m assistant eval` writes ./evals/reports by default; started from that folder, the UI had crashed on a
    namespace package "evals" with no file (TypeError) instead of finding the committed smoke baseline."""
    import subprocess
    import sys

    (tmp_path / "evals" / "reports").mkdir(parents=True)
    out = subprocess.run([sys.executable, "-c", "from ui.controller import baseline_path; print(baseline_path('smoke'))"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("smoke.json") and Path(out.stdout.strip()).exists(), out.stdout
