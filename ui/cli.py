"""`govstack-assistant ui`: build the index when it is missing (with progress), then serve the Gradio app."""
from __future__ import annotations

import sys
import threading
from pathlib import Path


def register(sub, common) -> None:
    sp = sub.add_parser("ui", help="start the web app (builds the index first when it is missing)",
                        description="Serve the Gradio app: Ask, Building-block advisor, Get started, Maintainers.")
    common(sp, llm=True)
    sp.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1; 0.0.0.0 for all)")
    sp.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    sp.add_argument("--corpus", help="corpus snapshot used when the index has to be built "
                                     "(default GOVSTACK_CORPUS or ../shared/govstack-corpus)")
    sp.add_argument("--release", help="release answered from by default (default latest)")
    sp.add_argument("--no-build", action="store_true",
                    help="do not build a missing index; the app then shows how to build it")
    sp.add_argument("--report-dir", default="evals/reports", metavar="DIR",
                    help="where eval reports are read and written (default evals/reports)")
    sp.add_argument("--concurrency", type=int, default=None,
                    help="requests of each kind processed at once (default 8); more wait in the queue")
    sp.set_defaults(func=cmd_ui)


def _progress(desc: str, total: int):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="file", file=sys.stderr, leave=False, disable=None)


def load_or_build(settings, corpus: Path | None, build: bool = True, log=print):
    """The Assistant for these settings; a missing index is first built from the corpus when `build`.
    Returns (assistant or None, message explaining why there is none)."""
    from assistant.errors import IndexMissing
    from assistant.service import Assistant

    try:
        assistant = Assistant(settings)
    except IndexMissing as e:
        if not build or settings.chroma_url:
            return None, str(e)
    else:
        return _updated_if_stale(assistant, settings, corpus, build, log), None
    from assistant.api import ingest, resolve_corpus
    from assistant.errors import CorpusNotFound

    try:
        root = resolve_corpus(settings, corpus)
    except CorpusNotFound as e:
        raise CorpusNotFound(f"No index at {settings.index_dir} and no corpus to build it from: pass --corpus PATH, "
                             "set GOVSTACK_CORPUS, or build it with `govstack-assistant ingest --from-github`.") from e
    if not Path(root).is_dir():
        raise CorpusNotFound(f"No index at {settings.index_dir}, and the corpus folder {root} does not exist: pass "
                             "--corpus PATH to a GovStack snapshot, or build the index with "
                             "`govstack-assistant ingest --from-github`.")
    log(f"No index at {settings.index_dir}: building it from {root} (release {settings.release}; "
        "about two minutes on a 2-core machine) …")
    rep = ingest(settings, releases=[settings.release], corpus=root, progress=_progress)
    d = rep.to_dict()
    log(f"Index built: {d['chunks']['total']} chunks in {d['seconds']:.0f} s "
        f"({len(d['files']['skipped'])} files skipped).")
    return Assistant(settings), None


def _updated_if_stale(assistant, settings, corpus: Path | None, build: bool, log):
    """An index built by an older pipeline (ingest.documents.PIPELINE_VERSION: how pages are read and cut) is brought up
    to date from the corpus first, when there is one: only passages that changed are embedded again."""
    from assistant.api import ingest, resolve_corpus
    from assistant.service import Assistant
    from ingest.documents import PIPELINE_VERSION

    meta = assistant.store.meta()
    built_by = str(meta.get("pipeline_version") or "")
    if built_by == PIPELINE_VERSION or not built_by:
        return assistant
    try:
        root = resolve_corpus(settings, corpus)
    except Exception:
        root = None
    if not build or settings.chroma_url or root is None or not Path(root).is_dir():
        log(f"note: the index was built by an older version of the ingest pipeline ({built_by}, now {PIPELINE_VERSION}); "
            "run `govstack-assistant ingest` to bring it up to date.")
        return assistant
    log(f"The index was built by an older version of the ingest pipeline ({built_by}, now {PIPELINE_VERSION}): "
        f"updating it from {root} (only changed passages are embedded again) …")
    releases = list(meta.get("releases") or [settings.release])  # every release the index holds
    try:
        rep = ingest(settings, releases=releases, corpus=root, progress=_progress).to_dict()
    except Exception as e:  # a corpus without one of those releases, a full disk: the index as it is still serves
        log(f"note: could not update the index ({e}); it is served as it is.")
        return assistant
    log(f"Index updated: {rep['chunks']['total']} chunks in {rep['seconds']:.0f} s.")
    return Assistant(settings)


def cmd_ui(args) -> int:
    from dataclasses import replace

    from assistant.config import Settings

    settings = Settings.from_env(index_dir=Path(args.index) if args.index else None, chroma_url=args.chroma_url,
                                 llm=args.llm)
    if args.release:
        settings = replace(settings, release=args.release)
    corpus = Path(args.corpus).expanduser() if args.corpus else None
    say = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    assistant, why = load_or_build(settings, corpus, build=not args.no_build, log=say)
    if assistant is None:
        say(f"warning: {why} The app starts anyway and shows how to build the index.")
    else:
        threading.Thread(target=assistant.warm, name="warm-up", daemon=True).start()

    from ui.app import DEFAULT_CONCURRENCY, create_app, launch  # gradio is imported only now

    demo = create_app(assistant, settings, report_dir=args.report_dir, corpus=corpus,
                      concurrency=args.concurrency or DEFAULT_CONCURRENCY)
    say(f"GovStack assistant on http://{args.host}:{args.port} (Ctrl-C to stop)")
    try:
        launch(demo, host=args.host, port=args.port, quiet=True)
    except OSError as e:  # port in use, cannot bind …
        from assistant.errors import AssistantError

        raise AssistantError(f"Cannot serve on {args.host}:{args.port} ({e}); choose another with --port.") from e
    return 0
