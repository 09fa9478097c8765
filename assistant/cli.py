"""Command line: ingest, ask, chat, suggest, eval, ui — library errors become one clear line here."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from assistant.config import Settings
from assistant.errors import AssistantError


def _progress_factory(enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    def make(desc: str, total: int):
        return tqdm(total=total, desc=desc, unit="file", file=sys.stderr, leave=False)

    return make


def _settings(args) -> Settings:
    return Settings.from_env(
        index_dir=Path(args.index) if getattr(args, "index", None) else None,
        chroma_url=getattr(args, "chroma_url", None),
        llm=getattr(args, "llm", None),
    )


def cmd_ingest(args) -> int:
    from assistant.api import ingest

    s = _settings(args)
    show = not args.json and sys.stderr.isatty()
    if show:
        print(f"Ingesting {', '.join(args.release or [s.release])} into {s.chroma_url or s.index_dir} …", file=sys.stderr)
    rep = ingest(s, releases=args.release or None, corpus=Path(args.corpus) if args.corpus else None,
                 from_github=args.from_github, progress=_progress_factory(show))
    d = rep.to_dict()
    if not args.no_warm:
        # the answerer's sentence vectors, stored under the cache folder: the first `ask` after an ingest then embeds
        # only its question (about 2 minutes once per corpus on 2 cores; seconds when the corpus did not change)
        if show:
            print("Embedding the answer sentences ahead (once per corpus) …", file=sys.stderr)
        t = time.perf_counter()
        try:
            d["sentences"] = {"vectors": _assistant(args).warm_answers(), "seconds": round(time.perf_counter() - t, 1)}
        except Exception as e:  # the index is built: the first questions embed their sentences themselves
            d["sentences"] = {"vectors": 0, "seconds": round(time.perf_counter() - t, 1), "error": str(e)}
    if args.json:
        print(json.dumps(d, ensure_ascii=False))
        return 0
    c = d["chunks"]
    print(f"Ingested {', '.join(d['releases'])} in {d['seconds']:.1f} s: {d['files']['read']} files read, "
          f"{len(d['files']['skipped'])} skipped.")
    print(f"Chunks: {c['total']} in the index — {c['added']} added, {c['updated']} updated, {c['deleted']} deleted, "
          f"{c['unchanged']} unchanged ({c['embedded']} embedded).")
    print("By kind: " + ", ".join(f"{k} {v}" for k, v in d["kinds"].items()))
    if d.get("records"):
        print("Records: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in d["records"].items()))
    for s_ in d["files"]["skipped"][:50]:
        print(f"  skipped {s_['path']}: {s_['reason']}")
    if d.get("sentences", {}).get("error"):
        print(f"Answer sentences not embedded ahead ({d['sentences']['error']}); questions embed them as they come.")
    elif d.get("sentences"):
        print(f"Answer sentences: {d['sentences']['vectors']} vectors ready ({d['sentences']['seconds']:.1f} s).")
    return 0


def _assistant(args):
    from assistant.service import Assistant

    s = _settings(args)
    if getattr(args, "release", None) and not isinstance(args.release, list):
        from dataclasses import replace

        s = replace(s, release=args.release)
    return Assistant(s)


def answer_record(ans, id_=None) -> dict:
    d = ans.to_dict()
    out = {"id": id_} if id_ is not None else {}
    out.update({"answer": d["text"], "citations": d["citations"], "retrieved": d["retrieved"],
                "abstained": d["abstained"], "timings_ms": d["timings_ms"], "release": d["release"],
                "backend": d["backend"], "notice": d["notice"]})
    return out


def print_answer(ans) -> None:
    print(ans.text)
    if ans.notice:
        print(f"\n(note: {ans.notice})")
    if ans.citations:
        print("\nSources:")
        for ns, title, section, where in source_lines(ans.citations):
            print(f"  [{', '.join(map(str, ns))}] {title} — {section}\n      {where}")


def source_lines(citations) -> list[tuple[list[int], str, str, str]]:
    """The sources as a reader sees them: passages of the same section of the same page are one source, listed once
    with all their numbers ("[3, 4] Consent — UC-C-PIC-I …"), in the order first cited."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for c in citations:
        groups.setdefault((c.title, c.section, c.url or f"{c.folder}/{c.path}"), []).append(c.n)
    return [(ns, title, section, where) for (title, section, where), ns in groups.items()]


def _read_jsonl(path: str, plain_key: str):
    """Batch records: a JSON object per line, or — for a plain list — a line of text that does not start with
    `{`, read as {"id": line number, plain_key: text}. A line that starts like JSON but is not is an error."""
    p = Path(path)
    if not p.is_file():
        raise AssistantError(f"Batch file {path} not found.")
    for ln, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        if not line.lstrip().startswith(("{", "[", '"')):
            yield ln, {"id": ln, plain_key: line.strip()}, None
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("not an object")
        except ValueError as e:
            yield ln, None, f"line {ln}: not a JSON object ({e})"
            continue
        yield ln, obj, None


def cmd_ask(args) -> int:
    from assistant.errors import BadQuestion

    a = _assistant(args)
    filters = {"bb": args.bb} if args.bb else None
    if args.batch:
        for ln, obj, err in _read_jsonl(args.batch, "question"):
            if err:
                print(json.dumps({"id": None, "error": err}))
                continue
            id_ = obj.get("id", ln)
            try:
                if obj.get("turns"):
                    turns = [str(t) for t in obj["turns"]]
                    history: list = []
                    ans = None
                    for t in turns:
                        ans = a.ask(t, history=history, filters=filters)
                        history += [{"role": "user", "content": t}, {"role": "assistant", "content": ans.text}]
                else:
                    ans = a.ask(str(obj.get("question", "")), history=obj.get("history"), filters=filters)
                rec = answer_record(ans, id_)
            except AssistantError as e:
                rec = {"id": id_, "error": str(e)}
            print(json.dumps(rec, ensure_ascii=False), flush=True)
        return 0
    q = " ".join(args.question)
    if not q.strip():
        raise BadQuestion("Please give a question, e.g. govstack-assistant ask \"What does the Consent building block do?\"")
    ans = a.ask(q, filters=filters)
    if args.json:
        print(json.dumps(answer_record(ans), ensure_ascii=False))
    else:
        print_answer(ans)
    return 0


def cmd_chat(args) -> int:
    a = _assistant(args)
    print("GovStack assistant — ask about the GovStack specification. Empty line or Ctrl-D to quit.")
    history: list = []
    while True:
        try:
            q = input("\nyou> ").strip()
        except EOFError:
            print()
            return 0
        if not q or q.lower() in ("exit", "quit", ":q"):
            return 0
        try:
            ans = a.ask(q, history=history)
        except AssistantError as e:
            print(f"error: {e}")
            continue
        print()
        print_answer(ans)
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": ans.text}]


def cmd_suggest(args) -> int:
    from assistant.suggest import format_suggestion

    a = _assistant(args)
    if args.batch:
        for ln, obj, err in _read_jsonl(args.batch, "description"):
            if err:
                print(json.dumps({"id": None, "error": err}))
                continue
            s = a.suggest(str(obj.get("description", "")))
            print(json.dumps(suggestion_record(s, obj.get("id", ln)), ensure_ascii=False), flush=True)
        return 0
    s = a.suggest(" ".join(args.description))
    if args.json:
        print(json.dumps(suggestion_record(s), ensure_ascii=False))
    else:
        print(format_suggestion(s))
    return 0


def suggestion_record(s, id_=None) -> dict:
    d = s.to_dict()
    out = {"id": id_} if id_ is not None else {}
    out.update({"building_blocks": d["building_blocks"], "steps": d["steps"], "similar_use_cases": d["similar_use_cases"],
                "sdg_targets": d["sdg_targets"], "timings_ms": d["timings_ms"], "guidance": d["guidance"], "focus": d["focus"],
                "spelled": [list(p) for p in d.get("spelled") or []], "unread_chars": d.get("unread_chars") or 0})
    return out


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govstack-assistant", description="Cited answers over the GovStack specification.")
    sub = p.add_subparsers(dest="cmd", required=True)

    def common(sp, llm=False):
        sp.add_argument("--index", help="index folder (default: GOVSTACK_INDEX_DIR or ./data/index)")
        sp.add_argument("--chroma-url", help="use a Chroma server, e.g. http://localhost:8000")
        if llm:
            sp.add_argument("--llm", help="chat model 'provider:model' (openai:…, ollama:…); default offline")

    sp = sub.add_parser("ingest", help="build or update the index from the corpus")
    common(sp)
    src = sp.add_mutually_exclusive_group()
    src.add_argument("--corpus", help="snapshot folder (MANIFEST.json + releases) or a folder of repo checkouts")
    src.add_argument("--from-github", action="store_true", help="clone/fetch the repositories from GitHub")
    sp.add_argument("--release", action="append", help="release to ingest (repeatable; default latest)")
    sp.add_argument("--json", action="store_true", help="print one JSON report on stdout")
    sp.add_argument("--no-warm", action="store_true",
                    help="do not embed the answer sentences ahead (a server does it in the background at start)")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("ask", help="answer one question (or a --batch file) with citations")
    common(sp, llm=True)
    sp.add_argument("question", nargs="*", help="the question")
    sp.add_argument("--release", help="release to answer from (default latest)")
    sp.add_argument("--bb", action="append", help="restrict to a building block id (repeatable)")
    sp.add_argument("--batch", help="JSONL file: {id, question, history} or {id, turns} per line; or one plain question per line")
    sp.add_argument("--json", action="store_true", help="print JSON")
    sp.set_defaults(func=cmd_ask)

    sp = sub.add_parser("chat", help="interactive terminal conversation")
    common(sp, llm=True)
    sp.add_argument("--release", help="release to answer from (default latest)")
    sp.set_defaults(func=cmd_chat)

    sp = sub.add_parser("suggest", help="suggest building blocks for a described service")
    common(sp)
    sp.add_argument("description", nargs="*", help="the service, in your own words")
    sp.add_argument("--batch", help="JSONL file: {id, description} per line; or one plain description per line")
    sp.add_argument("--json", action="store_true", help="print JSON")
    sp.set_defaults(func=cmd_suggest)

    for extra in ("evals.cli", "ui.cli", "ui.http"):
        try:
            __import__(extra, fromlist=["register"]).register(sub, common)
        except ImportError:
            pass
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except AssistantError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted (the index still holds its previous complete version; run the command again to finish)", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `… | head` closed the pipe: the reader has what it wanted, as with any Unix tool
        try:  # no second error when Python flushes stdout at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # stdout is not a file (captured)
            pass
        return 0
    except OSError as e:
        if e.errno == 28:
            print("error: the disk is full; the previous index is unchanged — free some space and run the command again.", file=sys.stderr)
            return 2
        if os.environ.get("GOVSTACK_DEBUG"):
            raise
        print(f"error: {e.strerror or e} ({getattr(e, 'filename', '') or 'system error'})", file=sys.stderr)
        return 1
    except Exception as e:  # last line of defence: one sentence, no traceback (set GOVSTACK_DEBUG=1 for it)
        if os.environ.get("GOVSTACK_DEBUG"):
            raise
        print(f"error: unexpected {type(e).__name__}: {str(e)[:300]} (set GOVSTACK_DEBUG=1 for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
