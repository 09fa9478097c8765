"""The Gradio app: four tabs laid out over a UIController; create_app() builds it, launch() serves it.

Gradio is imported here (and in ui/cli.py at run time) only. Every event calls one UIController method;
this module only lays out components and routes values.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from assistant.config import Settings
from ui.controller import ROLE_CHOICES, UIController
from ui.render import FEEDBACK_HEADERS
from ui.style import CSS

ASK_EXAMPLES = [
    "What does the Consent building block do?",
    "Which API creates a consent record?",
    "What is a consent record?",
    "How does the Information Mediator secure data exchange?",
]
ADVISOR_EXAMPLES = [
    "Farmers register with their national ID, receive SMS advice, and are paid subsidies by mobile money; "
    "officers check their land on a map.",
    "Citizens book an appointment at the passport office, pay the fee online and get an SMS reminder the day before.",
    "A ministry publishes tenders, suppliers submit signed bids electronically and the winner is paid after delivery.",
]
DEFAULT_CONCURRENCY = 8  # ≥ 8 users at once; CPU-bound work beyond that only queues


def create_app(assistant: Any | None, settings: Settings | None = None, *, controller: UIController | None = None,
               report_dir: Path | str | None = None, corpus: Path | str | None = None,
               concurrency: int = DEFAULT_CONCURRENCY) -> gr.Blocks:
    """The app over an Assistant (or None: the app then explains how to build the index)."""
    settings = settings or (getattr(assistant, "settings", None) or Settings())
    ctrl = controller or UIController(assistant, settings, report_dir=report_dir, corpus=corpus)

    with gr.Blocks(title="GovStack assistant", analytics_enabled=False) as demo:
        demo.controller = ctrl  # for tests and launch()
        banner = gr.HTML(ctrl.banner(), elem_id="gs-banner", padding=False)
        with gr.Column(elem_id="gs-title"):
            gr.Markdown("# GovStack assistant\nCited answers about the GovStack specification, building-block advice, "
                        "and a guided start.")
            header = gr.Markdown(ctrl.header_markdown(), elem_id="gs-header")

        with gr.Tabs(selected="ask", elem_id="gs-tabs", overflow_behavior="wrap") as tabs:
            # ---------------------------------------------------------------- Ask
            with gr.Tab("Ask", id="ask", elem_id="tab-ask"):
                turns = gr.State([])
                last_answer = gr.Textbox(visible=False, elem_id="ask-last")
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=300):
                        with gr.Accordion("Filters — release and building blocks", open=False, elem_id="ask-filters"):
                            with gr.Row():
                                release = gr.Dropdown(choices=ctrl.releases(), value=ctrl.default_release(),
                                                      label="Release", elem_id="ask-release", scale=1, min_width=120)
                                bbs = gr.Dropdown(choices=ctrl.bb_choices(), value=[], multiselect=True, scale=3,
                                                  label="Only these building blocks (empty = all)", elem_id="ask-bbs")
                        chatbot = gr.Chatbot(
                            label="Conversation", show_label=False, elem_id="ask-chat", height=500, min_height=260,
                            buttons=["copy", "copy_all"], feedback_options=None, sanitize_html=True, layout="panel",
                            placeholder="**Ask about the GovStack specification.** Answers quote the spec and cite "
                                        "numbered sources; follow-up questions keep the context.")
                        with gr.Row(equal_height=True):
                            question = gr.Textbox(show_label=False, label="Your question", elem_id="ask-input", scale=5,
                                                  placeholder="e.g. What does the Consent building block do?",
                                                  lines=1, max_lines=6, autofocus=True, min_width=180)
                            send = gr.Button("Ask", variant="primary", scale=1, min_width=70, elem_id="ask-send")
                        with gr.Row(elem_id="ask-examples"):
                            ex_buttons = [gr.Button(q, size="sm", min_width=140) for q in ASK_EXAMPLES]
                        with gr.Row(equal_height=True):
                            copy_btn = gr.Button("Copy answer", size="sm", min_width=110, elem_id="ask-copy")
                            up_btn = gr.Button("✓ Helpful", size="sm", min_width=100, elem_id="ask-up")
                            down_btn = gr.Button("✗ Not helpful", size="sm", min_width=110, elem_id="ask-down")
                            new_btn = gr.Button("New conversation", size="sm", min_width=120, elem_id="ask-new")
                        comment = gr.Textbox(label="Comment on the latest answer (optional, saved with Helpful / Not helpful)",
                                             lines=1, max_lines=4, elem_id="ask-comment")
                        fb_status = gr.Markdown(elem_id="ask-feedback-status")
                    with gr.Column(scale=2, min_width=280):
                        sources = gr.HTML(ctrl.last_sources([]), elem_id="ask-sources", padding=False)

            # ---------------------------------------------------------------- Advisor
            with gr.Tab("Building-block advisor", id="advisor", elem_id="tab-advisor"):
                gr.Markdown("Describe a service in your own words — who uses it and what happens, step by step. "
                            "The advisor scores all fifteen building blocks, says why, maps them to the steps and "
                            "finds similar reference use cases.")
                desc = gr.Textbox(label="Service description", lines=4, max_lines=14, elem_id="adv-input",
                                  placeholder=ADVISOR_EXAMPLES[1])
                with gr.Row():
                    adv_btn = gr.Button("Suggest building blocks", variant="primary", elem_id="adv-run", scale=2)
                    adv_clear = gr.Button("Clear", scale=1, min_width=80)
                with gr.Row(elem_id="adv-examples"):
                    adv_ex = [gr.Button(e[:70] + "…", size="sm", min_width=160) for e in ADVISOR_EXAMPLES]
                adv_summary = gr.Markdown(elem_id="adv-summary")
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=300):
                        adv_table = gr.HTML(elem_id="adv-table", padding=False)
                    with gr.Column(scale=2, min_width=280):
                        adv_diagram = gr.HTML(elem_id="adv-diagram", padding=False)
                        adv_similar = gr.HTML(elem_id="adv-similar", padding=False)
                adv_steps = gr.HTML(elem_id="adv-steps", padding=False)
                with gr.Accordion("Export (Markdown, JSON)", open=False, elem_id="adv-export"):
                    adv_files = gr.File(label="Download", file_count="multiple", interactive=False, elem_id="adv-files")
                    adv_md = gr.Code(language="markdown", label="Markdown", interactive=False, lines=8, max_lines=30)

            # ---------------------------------------------------------------- Get started
            with gr.Tab("Get started", id="start", elem_id="tab-start") as start_tab:
                with gr.Row(equal_height=False):
                    role = gr.Radio(choices=ROLE_CHOICES, value="official", label="I am a…", elem_id="start-role", scale=3)
                path_md = gr.Markdown(elem_id="start-path")
                lesson_idx = gr.State(0)
                lesson_progress = gr.HTML(elem_id="start-progress", padding=False)
                lesson_body = gr.Markdown(elem_id="lesson-body", container=True, padding=True)
                with gr.Row():
                    prev_btn = gr.Button("← Previous lesson", elem_id="lesson-prev", min_width=120)
                    next_btn = gr.Button("Next lesson →", variant="primary", elem_id="lesson-next", min_width=120)
                gr.Markdown("**Ask next** — opens the question in the Ask tab:")
                with gr.Row(elem_id="lesson-suggested"):
                    sug_btns = [gr.Button("", size="sm", min_width=160, visible=False) for _ in range(3)]
                with gr.Accordion("Glossary — every building block's terminology", open=True, elem_id="start-glossary"):
                    with gr.Row():
                        gl_query = gr.Textbox(label="Search terms and definitions", placeholder="e.g. consent, voucher, API",
                                              scale=3, elem_id="glossary-input")
                        gl_bb = gr.Dropdown(choices=[("All building blocks", "")] + ctrl.bb_choices(), value="",
                                            label="Building block", scale=2, min_width=160)
                    gl_out = gr.HTML(elem_id="glossary-out", padding=False, max_height=520)
                with gr.Accordion("Building-block catalogue", open=True, elem_id="start-catalogue"):
                    cat_query = gr.Textbox(label="Filter building blocks", placeholder="e.g. payment, map, sign")
                    cat_out = gr.HTML(elem_id="catalogue-out", padding=False)

            # ---------------------------------------------------------------- Maintainers
            with gr.Tab("Maintainers", id="maint", elem_id="tab-maint") as maint_tab:
                with gr.Accordion("Index status", open=True):
                    status_md = gr.HTML(elem_id="maint-status", padding=False)
                    with gr.Row():
                        status_btn = gr.Button("Refresh status", size="sm")
                        reload_btn = gr.Button("Reload index", size="sm")
                with gr.Accordion("Re-ingest the corpus", open=False):
                    with gr.Row():
                        ing_rel = gr.Textbox(label="Releases (space or comma separated)", value=settings.release, scale=1)
                        ing_corpus = gr.Textbox(label="Corpus folder (snapshot)", value=ctrl.default_corpus(), scale=2)
                    ing_btn = gr.Button("Re-ingest", variant="primary")
                    ing_prog = gr.HTML(padding=False)
                    ing_log = gr.Markdown()
                with gr.Accordion("Evaluation", open=True):
                    gr.Markdown("Runs the gold questions and use cases through this app's assistant and writes the "
                                "results JSON, Markdown and HTML reports; the committed baseline gives the deltas.")
                    with gr.Row(equal_height=False):
                        ev_suite = gr.Dropdown(choices=["smoke", "qa", "suggest", "all"], value="smoke", label="Suite",
                                               scale=2, min_width=120)
                        ev_btn = gr.Button("Run eval suite", variant="primary", scale=1, min_width=120, size="md")
                    ev_prog = gr.HTML(padding=False)
                    ev_log = gr.Markdown()
                    with gr.Row(equal_height=False):
                        ev_reports = gr.Dropdown(choices=ctrl.report_choices(), label="Open a report (results JSON)",
                                                 scale=3, min_width=200, elem_id="maint-reports")
                        ev_open = gr.Button("Open report", scale=1, min_width=110, size="md")
                    report = gr.State({})
                    ev_headline = gr.HTML(padding=False, elem_id="maint-headline")
                    ev_charts = gr.HTML(padding=False)
                    with gr.Accordion("Deltas vs baseline", open=False):
                        ev_deltas = gr.HTML(padding=False)
                    ev_fail_table = gr.HTML(padding=False, max_height=420)
                    ev_fail = gr.Dropdown(choices=[], label="Drill into a failing item", elem_id="maint-fail")
                    ev_fail_md = gr.Markdown()
                with gr.Accordion("Feedback log", open=True):
                    fb_table = gr.Dataframe(headers=FEEDBACK_HEADERS, value=[], interactive=False, wrap=True,
                                            max_height=420, elem_id="maint-feedback", datatype="str")
                    with gr.Row():
                        fb_refresh = gr.Button("Refresh feedback", size="sm")
                    gr.Markdown(f"The log is `{ctrl.feedback.path}` (JSON lines: ts, question, answer, citations, "
                                "rating, comment, release).")

        # ================================================================= events
        ask_outputs = [chatbot, sources, turns, last_answer, question]

        def on_ask(q, t, rel, bb_ids):
            first = True
            for chat, src, new_turns, text in ctrl.ask_stream(q, t, rel, bb_ids):
                yield chat, src, new_turns, text, ("" if first else gr.skip())
                first = False

        def on_ask_new_topic(q, t, rel, bb_ids):  # example / suggested questions: self-contained
            first = True
            for chat, src, new_turns, text in ctrl.ask_stream(q, t, rel, bb_ids, new_topic=True):
                yield chat, src, new_turns, text, ("" if first else gr.skip())
                first = False

        ask_kw = dict(fn=on_ask, inputs=[question, turns, release, bbs], outputs=ask_outputs,
                      concurrency_id="ask", show_progress="minimal")
        ask_new_kw = {**ask_kw, "fn": on_ask_new_topic}
        question.submit(**ask_kw, api_name="ask")
        send.click(**ask_kw, api_visibility="private")
        for b in ex_buttons:
            b.click(lambda v: v, [b], [question], queue=False, api_visibility="private").then(
                **ask_new_kw, api_visibility="private")
        copy_btn.click(None, [last_answer], None, api_visibility="private",
                       js="(t) => { if (t && navigator.clipboard) { navigator.clipboard.writeText(t); } return []; }")
        copy_btn.click(lambda t: "Answer copied to the clipboard." if t else "No answer to copy yet.", [last_answer],
                       [fb_status], queue=False, api_visibility="private")
        up_btn.click(lambda t, c: (ctrl.record_feedback(t, "up", c), ""), [turns, comment], [fb_status, comment],
                     api_name="feedback_up")
        down_btn.click(lambda t, c: (ctrl.record_feedback(t, "down", c), ""), [turns, comment], [fb_status, comment],
                       api_name="feedback_down")
        new_btn.click(lambda: ([], ctrl.last_sources([]), [], "", ""), None, [chatbot, sources, turns, last_answer, fb_status],
                      queue=False, api_visibility="private")

        adv_outputs = [adv_summary, adv_table, adv_diagram, adv_similar, adv_steps, adv_files, adv_md]

        def on_suggest(text):
            r = ctrl.suggest(text)
            return r["summary"], r["table"], r["diagram"], r["similar"], r["steps"], r["files"], r["markdown"]

        adv_btn.click(on_suggest, [desc], adv_outputs, api_name="suggest", concurrency_id="suggest")
        desc.submit(on_suggest, [desc], adv_outputs, api_visibility="private", concurrency_id="suggest")
        adv_clear.click(lambda: ("",) + ("",) * 5 + (None, ""), None, [desc] + adv_outputs, queue=False,
                        api_visibility="private")
        for b, full in zip(adv_ex, ADVISOR_EXAMPLES):
            b.click(lambda full=full: full, None, [desc], queue=False, api_visibility="private").then(
                on_suggest, [desc], adv_outputs, api_visibility="private", concurrency_id="suggest")

        lesson_outputs = [lesson_idx, path_md, lesson_progress, lesson_body, prev_btn, next_btn] + sug_btns

        def show_lesson(r, i):
            d = ctrl.lesson(r, i)
            sug = [gr.update(value=q, visible=True) for q in d["suggested"][:3]]
            sug += [gr.update(visible=False)] * (3 - len(sug))
            return [d["index"], "**Your path:** " + d["path"], d["progress"], d["body"],
                    gr.update(interactive=not d["first"]), gr.update(interactive=not d["last"])] + sug

        role.change(lambda r: show_lesson(r, 0), [role], lesson_outputs, api_visibility="private")
        prev_btn.click(lambda r, i: show_lesson(r, i - 1), [role, lesson_idx], lesson_outputs, api_visibility="private")
        next_btn.click(lambda r, i: show_lesson(r, i + 1), [role, lesson_idx], lesson_outputs, api_name="lesson")
        for b in sug_btns:
            b.click(lambda v: (gr.Tabs(selected="ask"), v), [b], [tabs, question], queue=False,
                    api_visibility="private").then(**ask_new_kw, api_visibility="private")

        gl_query.change(ctrl.glossary, [gl_query, gl_bb], [gl_out], api_name="glossary", trigger_mode="always_last",
                        show_progress="hidden")
        gl_bb.change(ctrl.glossary, [gl_query, gl_bb], [gl_out], api_visibility="private", show_progress="hidden")
        cat_query.change(ctrl.catalogue, [cat_query], [cat_out], api_visibility="private", trigger_mode="always_last",
                         show_progress="hidden")

        def open_start(r, i):
            return show_lesson(r, i) + [ctrl.glossary("", ""), ctrl.catalogue("")]

        start_tab.select(open_start, [role, lesson_idx], lesson_outputs + [gl_out, cat_out], api_visibility="private")

        # maintainers
        def report_view(doc):
            v = ctrl.report_view(doc)
            return (doc, v["headline"], v["charts"], v["deltas"], v["failures"],
                    gr.update(choices=v["choices"], value=None), ctrl.failure_detail({}, None))

        report_outputs = [report, ev_headline, ev_charts, ev_deltas, ev_fail_table, ev_fail, ev_fail_md]

        def open_report(path):
            try:
                doc = ctrl.load_report(path)
            except Exception as e:  # AssistantError carries the sentence to show
                gr.Warning(str(e))
                doc = {}
            return report_view(doc)

        def open_maint():
            choices = ctrl.report_choices()
            latest = choices[0][1] if choices else None
            return [ctrl.status_html(), gr.update(choices=choices, value=latest), ctrl.feedback_rows(),
                    ctrl.job_markdown("ingest"), ctrl.job_markdown("eval")] + list(open_report(latest))

        maint_tab.select(open_maint, None, [status_md, ev_reports, fb_table, ing_log, ev_log] + report_outputs,
                         api_visibility="private")
        status_btn.click(ctrl.status_html, None, [status_md], api_visibility="private")
        reload_btn.click(lambda: (ctrl.reload(), ctrl.status_html(), ctrl.banner(), ctrl.header_markdown(),
                                  gr.update(choices=ctrl.releases(), value=ctrl.default_release())),
                         None, [ing_log, status_md, banner, header, release], api_visibility="private")
        ev_open.click(open_report, [ev_reports], report_outputs, api_visibility="private")
        ev_fail.change(ctrl.failure_detail, [report, ev_fail], [ev_fail_md], api_visibility="private")
        fb_refresh.click(ctrl.feedback_rows, None, [fb_table], api_visibility="private")

        def poll(kind):
            import time as _t

            while True:
                job = ctrl.jobs.get(kind)
                yield ctrl.job_progress_html(kind), ctrl.job_markdown(kind)
                if job is None or not job.running:
                    return
                _t.sleep(1.0)

        def run_ingest(rels, corpus_dir):
            ctrl.start_reingest(rels, corpus_dir)
            yield from poll("ingest")

        def after_ingest():
            return (ctrl.status_html(), ctrl.banner(), ctrl.header_markdown(),
                    gr.update(choices=ctrl.releases(), value=ctrl.default_release()))

        ing_btn.click(run_ingest, [ing_rel, ing_corpus], [ing_prog, ing_log], api_visibility="private",
                      concurrency_id="jobs", concurrency_limit=2).then(
            after_ingest, None, [status_md, banner, header, release], api_visibility="private")

        def run_eval(suite):
            ctrl.start_eval(suite)
            yield from poll("eval")

        def after_eval():
            job = ctrl.jobs.get("eval")
            choices = ctrl.report_choices()
            path = job.result if job is not None and job.result else (choices[0][1] if choices else None)
            return [gr.update(choices=choices, value=path)] + list(open_report(path))

        ev_btn.click(run_eval, [ev_suite], [ev_prog, ev_log], api_visibility="private", concurrency_id="jobs",
                     concurrency_limit=2).then(after_eval, None, [ev_reports] + report_outputs, api_visibility="private")

        # every page load: the current state of the index (it may have been rebuilt since the app started)
        demo.load(lambda: (ctrl.banner(), ctrl.header_markdown(),
                           gr.update(choices=ctrl.releases(), value=ctrl.default_release())),
                  None, [banner, header, release], api_visibility="private", queue=False)

    demo.queue(default_concurrency_limit=concurrency, max_size=256)
    return demo


def theme() -> gr.themes.Base:
    # System fonts: nothing to download, and the bundled web font lacks some bold glyphs (seen as a lighter
    # "B" or "A" at the start of bold text in Chromium).
    return gr.themes.Default(primary_hue="blue", font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "Helvetica Neue",
                                                      "Arial", "sans-serif"],
                             font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"])


def launch(demo: gr.Blocks, host: str = "127.0.0.1", port: int = 7860, *, prevent_thread_lock: bool = False,
           quiet: bool = False, max_threads: int = 40):
    """Serve the app (Gradio 6: theme and CSS are launch() options)."""
    ctrl = getattr(demo, "controller", None)
    allowed = [str(ctrl._export_dir)] if ctrl is not None else None
    return demo.launch(server_name=host, server_port=port, prevent_thread_lock=prevent_thread_lock, quiet=quiet,
                       show_error=False, css=CSS, theme=theme(), ssr_mode=False, auth=ui_auth(),
                       allowed_paths=allowed, max_threads=max_threads, footer_links=["api", "settings"])


def ui_auth(environ=None):
    """Optional login for the app: GOVSTACK_BASIC_AUTH=user:password (the same variable the HTTP API reads)."""
    import os

    raw = (environ if environ is not None else os.environ).get("GOVSTACK_BASIC_AUTH", "")
    if ":" not in raw:
        return None
    user, password = raw.split(":", 1)
    return (user, password) if user and password else None
