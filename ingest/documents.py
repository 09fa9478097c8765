"""Load one source file into chunks: GitBook pages, OpenAPI files, product use cases, SDG framework data.

This is the only module that knows which loader a file needs; each loader lives in its own
module (gitbook, glossary, openapi, usecases, framework) and knows nothing about chunks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from assistant import registry
from assistant.types import Chunk, label_name
from ingest.embed import approx_tokens
from ingest.sources import RepoSource, SourceFile, page_url
from ingest.split import split_markdown

# Bump when chunking or cleaning changes: every file is then re-chunked on the next ingest.
PIPELINE_VERSION = "15"

REQ_LEVEL = re.compile(r"\b(REQUIRED|RECOMMENDED|OPTIONAL|MUST NOT|MUST|SHALL NOT|SHALL|SHOULD NOT|SHOULD|MAY)\b")
UNRESOLVED_OP = re.compile(r"(?m)^API operation: (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+)", re.I)
MAX_FIELD_CHUNKS = 2
FIELD_LINE = re.compile(r"^(Path|Query|Header|Cookie) parameters|^Request body|^Responses?\b|^Response fields|^Servers:")
SECTION_NO = re.compile(r"^(\d+(?:\.\d+)*)\b")
# a line that is all bold, maybe numbered: "**2. IFRAME based Secure Proxy Authentication**", "3. **Key-based …**"
LABEL_LINE = re.compile(r"^\s*(?:\d{1,2}[.)]\s*)?\*\*(?:\d{1,2}[.)]\s*)?([^*\n]{2,80}?)\*\*\s*:?\s*$")


class SkipFile(Exception):
    """A file that cannot be used; its message is the reason shown in the ingest report."""


@dataclass
class LoadContext:
    """What loaders may need beyond the file itself, shared across the files of one repo."""

    count_tokens: Callable[[str], int] = approx_tokens
    max_tokens: int = 240
    _api_ops: dict = field(default_factory=dict)  # repo root -> list of ApiOperation

    def api_operations(self, repo: RepoSource) -> list:
        key = str(repo.root)
        if key not in self._api_ops:
            from ingest.openapi import load_openapi_file

            ops = []
            api = repo.root / "api"
            if api.is_dir():
                for p in sorted(api.rglob("*")):
                    if p.is_file() and p.suffix.lower() in (".yaml", ".yml", ".json"):
                        ops.extend(load_openapi_file(p).operations)
            self._api_ops[key] = ops
        return self._api_ops[key]


def read_text(path: Path) -> tuple[str, str | None]:
    """File text and an optional warning; binary files are skipped."""
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise SkipFile("binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        return data.decode("cp1252", errors="replace"), f"not UTF-8 (byte {e.start}); decoded as Windows-1252"


_SMALL_WORDS = {"and", "or", "of", "the", "for", "to", "in", "on", "a", "an", "with"}
_SPELLING = {"govstack": "GovStack", "ui": "UI", "ux": "UX", "api": "API", "apis": "APIs", "sdg": "SDG", "bb": "BB"}


def _pretty(name: str) -> str:
    """'architecture-and-nonfunctional-requirements' → 'Architecture and Nonfunctional Requirements'."""
    name = re.sub(r"\.(md|ya?ml|json)$", "", name)
    words = [w for w in re.split(r"[-_ ]+", name) if w]
    return " ".join(_SPELLING.get(w.lower()) or (w if w.isupper() else (w.lower() if i and w.lower() in _SMALL_WORDS
                                                                          else w.capitalize()))
                    for i, w in enumerate(words))


def doc_title(repo: RepoSource, path: str) -> str:
    """Top of every heading path: the BB's name, or the document family (e.g. "Security Requirements")."""
    if repo.bb:
        return registry.name_of(repo.bb)
    if repo.kind == "use-cases":
        return "Product Use Cases"
    if repo.kind == "implementation-playbook":
        return "Implementation Playbook"
    top = path.split("/")[0] if "/" in path else ""
    return _pretty(top) if top else "GovStack Specification"


def _base(sf: SourceFile, kind: str, **kw) -> dict:
    r = sf.repo
    return dict(release=r.release, repo=r.repo, folder=r.folder, path=sf.path, kind=kind, bb=r.bb,
                url=sf.url, commit=r.commit, **kw)


def load_chunks(sf: SourceFile, ctx: LoadContext) -> tuple[list[Chunk], list[str]]:
    """Chunks of one source file and warnings; raises SkipFile with a reason when unusable."""
    chunks, warnings = _load(sf, ctx)
    label, section = None, None
    for i, c in enumerate(chunks):
        c.extra["seq"] = i  # position in the file: answers quote a page's opening in its own order
        # the bold label line in force where the passage starts ("**2. IFRAME based Secure Proxy Authentication**"): one
        # of several options a section lays out under labels of their own, not headings (metadata only: not searched)
        if c.heading_path != section:
            label, section = None, c.heading_path
        if label:
            c.extra["label"] = label
        for line in c.text.splitlines():
            m = LABEL_LINE.match(line)
            if m:
                label = label_name(m.group(1))
    return chunks, warnings


def _load(sf: SourceFile, ctx: LoadContext) -> tuple[list[Chunk], list[str]]:
    if sf.path.startswith("api/"):
        return _load_api_file(sf, ctx)
    text, warn = read_text(sf.abspath)
    warnings = [warn] if warn else []
    if sf.repo.kind == "building-block" and sf.path == "README.md":
        text = repo_readme(text)
        if not text:
            return [], warnings
        chunks = _markdown_chunks(sf, text, ctx)
        for c in chunks:  # the template's own sections: kept, and marked so that search can tell them apart
            if any(h in _TEMPLATE_SECTIONS for h in c.heading_path) or c.heading_path[-1:] == [README_TITLE]:
                c.extra["repo_template"] = True
        return chunks, warnings
    if sf.repo.kind == "use-cases" and "/" in sf.path and sf.path.split("/")[0] == "use-cases":
        from ingest.usecases import parse_use_case

        uc = parse_use_case(text, sf.path)
        if uc is not None:
            return _use_case_chunks(sf, uc, ctx), warnings
    return _markdown_chunks(sf, text, ctx), warnings


# The README every block repo starts from (GovStackWorkingGroup's building-block template): its sections say the same
# in every repo (where the spec, api and test folders are, how GitBook publishes /spec). They are kept, under the title
# "Repository README", because a newcomer asks it of one block ("how is the messaging repo laid out?": five blind
# writers did); _load marks them (extra "repo_template") and the search keeps them down for
# any other question (assistant.retrieve.REPO_TEMPLATE_DEMOTE). What a repo adds is kept as it is.
TEMPLATE_TITLE = "GovStack Building Block Template"
README_TITLE = "Repository README"
_GITBOOK_NOTE = 'Gitbook and the published "Building Block Specifications" document'
_TEMPLATE_SECTIONS = {_GITBOOK_NOTE, "Repo Structure"}
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def repo_readme(text: str) -> str:
    r"""A block repo's README for the index, under the title "Repository README" unless it has a title of its own.

    >>> t = "# GovStack Building Block Template\nThis template …\n## Repo Structure\n```sh\n# not a heading\n```\n"
    >>> repo_readme(t + "## Run Cucumber tests\nLaunch the mock server.\n").splitlines()[:3]
    ['# Repository README', 'This template …', '```sh']
    >>> repo_readme(f"# GovStack Building Block Template\nbelow.\n## {_GITBOOK_NOTE}\nNote.\n## Repo Structure\nTree.\n"
    ...             "## Run\nRun.").splitlines()
    ['# Repository README', 'below.', 'Tree.', 'Note.', '## Run', 'Run.']
    >>> repo_readme("# ID Building Block\n## Building the server\nRun make.")[:20]
    '# ID Building Block\n'
    """
    lines = text.splitlines()
    for n, ln in enumerate(lines[:5]):
        m = _HEADING.match(ln)
        if m and m.group(2) == TEMPLATE_TITLE:
            lines[n] = f"{m.group(1)} {README_TITLE}"
            # the template's opening ends "… at least 4 main sections, outlined in the directory structure below": the
            # tree is the list that sentence introduces, and the GitBook note says how /spec is published; the three
            # make one passage (their headings dropped), a block's one answer to how its repo is laid out
            starts = [k for k, x in enumerate(lines) if re.match(r"^##\s", x)] + [len(lines)]
            sections = {_HEADING.match(lines[a]).group(2): (a, b) for a, b in zip(starts, starts[1:])}
            own = [sections[t] for t in ("Repo Structure", _GITBOOK_NOTE) if t in sections]
            if own:
                taken = {k for a, b in own for k in range(a, b)}
                lines = lines[:starts[0]] + [x for a, b in own for x in lines[a + 1:b]] + \
                    [x for k, x in enumerate(lines) if k >= starts[0] and k not in taken]
            break
    return "\n".join(_tree_as_list(lines)).strip()


_TREE_LINE = re.compile(r"^(\s*)([\w./-]+)\s*(?:#\s*(.*?))?\s*$")
_FENCE = re.compile(r"^\s*```")


def _tree_as_list(lines: list[str]) -> list[str]:
    """A fenced directory tree with comments ("/spec # the markdown files …") as a Markdown list of its lines, in their
    own words ("* /spec # the markdown files …"): the answerer quotes list items, not code. Other fenced blocks stay.

    >>> _tree_as_list(["```sh", "README.md", "/spec # the markdown files", "/test # the tests", "  plan.md", "    a.md", "```"])
    ['* README.md', '* /spec # the markdown files', '* /test # the tests']
    >>> _tree_as_list(["```", "yarn install", "```"])
    ['```', 'yarn install', '```']
    """
    out: list[str] = []
    n = 0
    while n < len(lines):
        if _FENCE.match(lines[n]):
            end = next((k for k in range(n + 1, len(lines)) if _FENCE.match(lines[k])), None)
            body = lines[n + 1:end] if end is not None else []
            rows = [_TREE_LINE.match(b) for b in body if b.strip()]
            if end is not None and rows and all(rows) and sum(bool(r.group(3)) for r in rows) >= 2:
                # (its top level: what is inside a folder, an example application's files, is the folder's business)
                out += [f"* {r.group(2)}" + (f" # {r.group(3)}" if r.group(3) else "") for r in rows if not r.group(1)]
                n = end + 1
                continue
        out.append(lines[n])
        n += 1
    return out


def _markdown_chunks(sf: SourceFile, text: str, ctx: LoadContext) -> list[Chunk]:
    from ingest.gitbook import clean_gitbook
    from ingest.glossary import extract_terms, is_terminology_page
    from ingest.openapi import find_operation, render_operation

    def resolve(ref: dict) -> str | None:
        if sf.repo.kind != "building-block" or not ref.get("path") or not ref.get("method"):
            return None
        op = find_operation(ctx.api_operations(sf.repo), ref["path"], ref["method"])
        return render_operation(op, max_fields=25) if op else None

    page = clean_gitbook(text, resolve_api=resolve)
    title = page.title or _pretty(Path(sf.path).name)
    top = doc_title(sf.repo, sf.path)
    base_path = [top] if top != title else []
    body = page.body
    if page.description and page.description.strip() not in body:
        # the front-matter description is the page's own summary: keep it right under the title
        body = re.sub(r"^(#\s+.*\n)", lambda m: m.group(1) + "\n" + page.description.strip() + "\n\n", body, count=1) \
            if body.lstrip().startswith("# ") else page.description.strip() + "\n\n" + body
    chunks: list[Chunk] = []
    is_req_page = "requirement" in Path(sf.path).name.lower()
    if is_terminology_page(sf.path, title):
        terms = extract_terms(body)
        if len(terms) >= 3:
            for t in terms:
                hp = base_path + (t.heading_path or [title]) + [t.term]
                txt = f"**{t.term}**: {t.definition}"
                for part in _fit(txt, hp, ctx):
                    chunks.append(Chunk(text=part, chapter=title, heading_path=hp,
                                        extra={"term": t.term}, **_base(sf, "glossary_term")))
            # the page's own prose (introductions, notes) still matters; the term tables are covered above
            names = {t.term for t in terms}
            rest = "\n".join(ln for ln in body.splitlines() if not ln.lstrip().startswith("|"))
            for piece in split_markdown(rest, base_path, ctx.max_tokens, ctx.count_tokens):
                if piece.heading_path and piece.heading_path[-1] in names or ctx.count_tokens(piece.text) < 15:
                    continue
                if any(f"**{n}**" in piece.text for n in names):
                    continue  # bold-term lists already became glossary records
                chunks.append(Chunk(text=piece.text, chapter=title, heading_path=piece.heading_path, **_base(sf, "prose")))
            return chunks
    for piece in split_markdown(body, base_path, ctx.max_tokens, ctx.count_tokens):
        kind = "prose"
        extra: dict = {}
        if is_req_page:
            # the level is often in the heading ("5.11 Use Web Hooks for Callbacks (REQUIRED)")
            levels = sorted(set(m.group(1) for m in REQ_LEVEL.finditer(piece.text + " " + " ".join(piece.heading_path))))
            if levels:
                kind = "requirement"
                extra["levels"] = ",".join(levels)
                nums = [SECTION_NO.match(h).group(1) for h in piece.heading_path if SECTION_NO.match(h)]
                if nums:
                    extra["section_no"] = nums[-1]
        for m in UNRESOLVED_OP.finditer(piece.text):
            # the page lists an operation whose OpenAPI file is not in the repo (GitBook assets):
            # still a citable API record, named by the heading it sits under
            method, path = m.group(1).upper(), m.group(2)
            name = re.sub(r"^[\d.]+\s*", "", piece.heading_path[-1]) if piece.heading_path else ""
            text = f"{method} {path}" + (f" — {name}" if name else "") + \
                f"\nListed in {title} of the {top} specification (section: {' › '.join(piece.heading_path[1:]) or title})."
            chunks.append(Chunk(text=text, chapter=title, heading_path=piece.heading_path + [f"{method} {path}"],
                                extra={"method": method, "api_path": path, "summary": name or None, "from_page": True},
                                **_base(sf, "api_operation")))
        if sf.repo.kind == "building-block" and re.search(r"(?m)^(GET|POST|PUT|PATCH|DELETE) /", piece.text):
            ops = re.findall(r"(?m)^(GET|POST|PUT|PATCH|DELETE) (/\S*)", piece.text)
            extra["api_paths"] = " ".join(p for _, p in ops)
        chunks.append(Chunk(text=piece.text, chapter=title, heading_path=piece.heading_path, extra=extra,
                            **_base(sf, kind)))
    return chunks


def _fit(text: str, heading_path: list[str], ctx: LoadContext) -> list[str]:
    """A record's text split (rarely) so that heading path + text stays within the model window."""
    pieces = split_markdown(text, [], ctx.max_tokens - ctx.count_tokens(" › ".join(heading_path)), ctx.count_tokens)
    return [p.text for p in pieces] or [text]


def _load_api_file(sf: SourceFile, ctx: LoadContext) -> tuple[list[Chunk], list[str]]:
    from ingest.openapi import load_openapi_file, render_operation, render_schema

    p = Path(sf.path)
    if p.suffix.lower() == ".json" and any((sf.repo.root / p.with_suffix(s)).is_file() for s in (".yaml", ".yml")):
        raise SkipFile(f"same API as {p.with_suffix('.yaml').name} (YAML copy indexed)")
    res = load_openapi_file(sf.abspath)
    if res.error:
        raise SkipFile(res.error)
    bb_name = registry.name_of(sf.repo.bb)
    # officials follow links to the published spec, so an operation links to the BB's Service APIs
    # page when the repo has one (the OpenAPI file itself stays the cited path)
    api_page = _service_api_page(sf.repo)
    url = page_url(sf.repo, api_page) if api_page else sf.url
    chunks = []
    seen = set()
    for op in res.operations:
        key = (op.method, op.path)
        if key in seen:
            continue
        seen.add(key)
        hp = [bb_name, "Service APIs", op.api_title or _pretty(p.name), f"{op.method} {op.path}"]
        text = render_operation(op, max_fields=30)
        # what the operation does and its field lists are separate chunks: long parameter lists
        # otherwise drown the summary in the embedding, and "which endpoint does X" stops finding it
        lines = text.splitlines()
        cut = next((i for i, ln in enumerate(lines) if i > 0 and FIELD_LINE.match(ln)), len(lines))
        head, rest = "\n".join(lines[:cut]), "\n".join(lines[cut:])
        parts = _fit(head, hp, ctx)
        if rest.strip():
            # at most two chunks of fields: beyond that (huge nested schemas) they add cost, not answers
            parts += _fit(f"{lines[0]}\n{rest}", hp, ctx)[:MAX_FIELD_CHUNKS]
        for part in parts:
            chunks.append(Chunk(text=part, chapter="Service APIs", heading_path=hp,
                                extra={"method": op.method, "api_path": op.path, "operation_id": op.operation_id,
                                       "summary": op.summary, "api_file": sf.path},
                                **dict(_base(sf, "api_operation"), url=url)))
    # the named data schemas, a table of fields each: "On a ConsentRecord, which field says the person agreed?" is
    # answered by the schema's own field descriptions, which an operation's record only lists (cut at 150 characters)
    for schema in res.schemas:
        hp = [bb_name, "Service APIs", schema.api_title or _pretty(p.name), schema.name]
        for part in _fit(render_schema(schema), hp, ctx):
            chunks.append(Chunk(text=part, chapter="Service APIs", heading_path=hp,
                                extra={"schema": schema.name, "api_file": sf.path},
                                **dict(_base(sf, "api_schema"), url=url)))
    return chunks, list(res.warnings[:5])


def _service_api_page(repo: RepoSource) -> str | None:
    root = repo.root / (repo.gitbook_root or "")
    for cand in sorted(root.glob("*service-api*")):
        rel = cand.relative_to(repo.root).as_posix()
        if cand.is_file() and cand.suffix == ".md":
            return rel
        if cand.is_dir() and (cand / "README.md").is_file():
            return rel + "/README.md"
    return None


def _use_case_chunks(sf: SourceFile, uc, ctx: LoadContext) -> list[Chunk]:
    names = ", ".join(registry.name_of(b) for b in uc.building_blocks)
    head = ["Product Use Cases", f"{uc.id} {uc.title}"]
    overview = (f"{uc.id} – {uc.title}. Sector: {uc.sector or 'n/a'}. "
                f"Building blocks: {names}. SDGs: {'; '.join(uc.sdgs) or 'n/a'}.\n\n{uc.summary}\n\n"
                "Steps: " + "; ".join(f"{s.number} {s.title}" for s in uc.steps))
    common = {"uc_id": uc.id, "uc_title": uc.title, "building_blocks": ",".join(uc.building_blocks)}
    chunks = [Chunk(text=t, chapter=uc.title, heading_path=head, extra=dict(common, sector=uc.sector),
                    **_base(sf, "use_case")) for t in _fit(overview, head, ctx)]
    for s in uc.steps:
        hp = head + [f"Step {s.number} {s.title}"]
        # (each block as the page lists it when the page says what it does in the step: "Registry (ChromaDB vector
        # storage)"; by its name otherwise)
        bbs = ", ".join(s.block_roles.get(b) or registry.name_of(b) for b in s.building_blocks)
        text = f"{s.description}\n\nWorkflows: {'; '.join(s.workflows) or 'n/a'}\nBuilding blocks: {bbs or 'n/a'}"
        for t in _fit(text, hp, ctx):
            chunks.append(Chunk(text=t, chapter=uc.title, heading_path=hp,
                                extra=dict(common, step=s.number, step_bbs=",".join(s.building_blocks),
                                           workflows="; ".join(s.workflows)),
                                **_base(sf, "use_case_step")))
    return chunks


# ----- SDG Digital Investment Framework ---------------------------------------------------------
FRAMEWORK_URL = "https://exchange.dial.global"


def framework_chunks(fw_dir: Path, release: str, ctx: LoadContext) -> tuple[dict[str, list[Chunk]], list[dict]]:
    """Framework records as chunks, grouped by source file name; plus skipped files with reasons."""
    from ingest.framework import load_framework

    data = load_framework(fw_dir)
    repo = "DIAL-Community/exchange-backend"
    folder = fw_dir.name

    def mk(kind, file, text, hp, url, extra):
        return [Chunk(text=t, release=release, repo=repo, folder=folder, path=file, kind=kind, bb=extra.get("govstack_bb"),
                      chapter=hp[1] if len(hp) > 1 else hp[0], heading_path=hp, url=url, extra=extra)
                for t in _fit(text, hp, ctx)]

    out: dict[str, list[Chunk]] = {}
    for b in data.building_blocks:
        extra = {"slug": b.slug, "govstack_bb": b.govstack_bb}
        out.setdefault("building-blocks.json", []).extend(
            mk("framework_bb", "building-blocks.json", b.text, ["SDG Digital Investment Framework", "ICT Building Blocks", b.name],
               f"{FRAMEWORK_URL}/building_blocks/{b.slug}", extra))
    for w in data.workflows:
        out.setdefault("workflows.json", []).extend(
            mk("framework_workflow", "workflows.json", w.text, ["SDG Digital Investment Framework", "Workflows", w.name],
               f"{FRAMEWORK_URL}/workflows/{w.slug}", {"slug": w.slug}))
    for u in data.use_cases:
        out.setdefault("use-cases.json", []).extend(
            mk("framework_use_case", "use-cases.json", u.text, ["SDG Digital Investment Framework", "Use Cases", u.name],
               f"{FRAMEWORK_URL}/use_cases/{u.slug}", {"slug": u.slug, "sector": u.sector}))
    for t in data.sdg_targets:
        text = f"SDG target {t.code}: {t.description}"
        if t.indicators:
            text += "\nIndicators: " + "; ".join(t.indicators)
        out.setdefault("sdgs.json", []).extend(
            mk("sdg_target", "sdgs.json", text, ["SDG Digital Investment Framework", f"SDG {t.goal_code}: {t.goal_description}", f"Target {t.code}"],
               f"https://sdgs.un.org/goals/goal{t.goal_code}", {"target": t.code, "goal": t.goal_code}))
    skipped = [{"path": f"{folder}/{f}", "reason": r} for f, r in data.skipped]
    return out, skipped
