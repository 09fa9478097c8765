"""Glossary extraction: a cleaned terminology chapter → one record per defined term."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["GlossaryTerm", "is_terminology_page", "extract_terms"]


@dataclass
class GlossaryTerm:
    term: str
    definition: str
    heading_path: list[str] = field(default_factory=list)  # section headings above the term


_TERMINOLOGY_WORD = re.compile(r"terminolog|glossary", re.I)


def is_terminology_page(path: str, title: str | None) -> bool:
    """True for a chapter that defines terms.

    >>> [is_terminology_page(p, None) for p in ("spec/3-terminology.md", "spec/3-terminology/README.md",
    ...                                          "a/usct-04-eligibility-determination.md", "spec/SUMMARY.md")]
    [True, True, False, False]
    >>> is_terminology_page("x/intro.md", "Glossary of terms")
    True
    """
    path = (path or "").replace("\\", "/")
    parts = [p for p in path.split("/") if p]
    if parts and parts[-1].upper() == "SUMMARY.MD":  # the table of contents only *links* to terminology
        return False
    # Only the file and its folder count: `spec/3-terminology/README.md` is the chapter itself,
    # while a page deeper in an unrelated folder is not.
    if any(_TERMINOLOGY_WORD.search(p) for p in parts[-2:]):
        return True
    return bool(title and _TERMINOLOGY_WORD.search(title))


# ---------------------------------------------------------------------------
# Small text helpers
# ---------------------------------------------------------------------------

_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_PIPE_ROW_RE = re.compile(r"^\s*\|")
_SEPARATOR_ROW_RE = re.compile(r"^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")

# `**Term**` alone on a line (the playbook and several BBs define terms this way).
_BOLD_LINE_RE = re.compile(r"^\s*(?:\*\*|__)(?P<term>[^*_\n].*?)(?:\*\*|__)\s*:?\s*$")
# `**Term**: definition`, `**Term:** definition`, `**Term** - definition`.
_BOLD_INLINE_RE = re.compile(
    r"^(?:\*\*|__)(?P<term>[^*\n]+?)(?P<colon>:?)(?:\*\*|__)\s*(?P<sep>[:\-–—]?)\s*(?P<def>\S.*)$"
)

# Labels that introduce a part of a definition rather than a new term.
_LABEL_WORDS = re.compile(
    r"^(?:notes?|tip|warning|important|examples?(?: of .*)?|e\.g\.?|i\.e\.?|source|sources|see(?: also)?|"
    r"comments?|references?|related terms?|definition|description|meaning)$",
    re.I,
)
_LABEL_PREFIX = re.compile(r"^(?:e\.g\.|i\.e\.|for example|examples?\b|note\b)", re.I)
_SECTION_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)*\.?\s")

_HEADER_WORDS = re.compile(
    r"\b(?:terms?|descriptions?|definitions?|meaning|acronyms?|abbreviations?|explanations?|expansion|"
    r"comments?|concepts?|words?|names?)\b",
    re.I,
)
_TERM_HEADER = re.compile(r"\b(?:terms?|concepts?|words?|names?)\b", re.I)
_ACRONYM_HEADER = re.compile(r"\b(?:acronyms?|abbreviations?)\b", re.I)
_DEF_HEADER = re.compile(r"descr|defin|meaning|explan|expansion", re.I)


def _clean_term(s: str) -> str:
    """Strip emphasis and trailing colons from a term.

    >>> _clean_term(" **Consent Record:** ")
    'Consent Record'
    """
    s = s.replace("**", "").replace("__", "").replace("\\|", "|")
    s = " ".join(s.split()).strip()
    s = re.sub(r"^[*_]+|[*_]+$", "", s).strip()
    return s.rstrip(":").strip()


def _is_plausible_term(term: str) -> bool:
    if not term or len(term) < 2 or len(term) > 150:  # one letter = GitBook's A–Z tab labels
        return False
    if not re.search(r"\w", term) or _LABEL_WORDS.match(term) or _LABEL_PREFIX.match(term):
        return False
    return len(term.split()) <= 15


def _clean_definition(lines: list[str]) -> str:
    out = []
    for ln in lines:
        # Hints arrive as `> **Note:** …` blockquotes; the quote marker adds nothing here.
        ln = re.sub(r"^\s*>\s?", "", ln) if not ln.startswith("```") else ln
        out.append(ln.rstrip())
    text = "\n".join(out).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip().replace("\\|", "|") for c in _CELL_SPLIT_RE.split(row)]


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def _table_terms(rows: list[str], path: list[str]) -> list[GlossaryTerm]:
    data = [_cells(r) for r in rows if not _SEPARATOR_ROW_RE.match(r)]
    if not data:
        return []
    header = [_clean_term(c) for c in data[0]]
    if any(_HEADER_WORDS.search(h) for h in header) or not any(header):
        body = data[1:]
    else:  # no header words: the first row is already a term
        body, header = data, [""] * len(data[0])
    width = max(len(r) for r in data)
    header += [""] * (width - len(header))
    if width < 2:
        return []

    term_col = next((i for i, h in enumerate(header) if _TERM_HEADER.search(h)), 0)
    acr_col = next((i for i, h in enumerate(header) if i != term_col and _ACRONYM_HEADER.search(h)), None)
    used = {term_col, acr_col}
    def_col = next((i for i, h in enumerate(header) if i not in used and _DEF_HEADER.search(h)), None)
    if def_col is None:
        def_col = next((i for i in range(width) if i not in used), None)
    if def_col is None:
        return []
    extra_cols = [i for i in range(width) if i not in used and i != def_col]

    terms: list[GlossaryTerm] = []
    for r in body:
        r = r + [""] * (width - len(r))
        term = _clean_term(r[term_col])
        if acr_col is not None:
            acr = _clean_term(r[acr_col])
            if acr and acr.lower() not in term.lower():
                term = f"{term} ({acr})" if term else acr
        definition = r[def_col].strip()
        # Further columns (e.g. "Comments and Links") add context: keep them, labelled.
        for i in extra_cols:
            if r[i].strip():
                label = header[i] or "Note"
                definition += ("\n\n" if definition else "") + f"{label}: {r[i].strip()}"
        if not term and definition and terms:  # a continuation row of the previous term
            terms[-1].definition += "\n\n" + definition
            continue
        if definition and _is_plausible_term(term):
            terms.append(GlossaryTerm(term, definition, list(path)))
    return terms


def _looks_like_glossary_table(rows: list[str]) -> bool:
    first = _cells(rows[0]) if rows else []
    return any(_HEADER_WORDS.search(_clean_term(c)) for c in first)


# ---------------------------------------------------------------------------
# The walk over the page
# ---------------------------------------------------------------------------


@dataclass
class _Heading:
    level: int
    text: str
    is_term: bool = False


@dataclass
class _Pending:
    term: str
    path: list[str]
    heading: _Heading | None = None  # set when the term is a heading
    lines: list[str] = field(default_factory=list)
    from_item: bool = False  # defined inline in a list item: its sibling items are terms too

    def has_text(self) -> bool:
        return any(ln.strip() for ln in self.lines)


def extract_terms(clean_body: str) -> list[GlossaryTerm]:
    """Terms defined in a cleaned terminology chapter (``CleanPage.body``).

    Handles pipe tables (HTML tables arrive as pipe tables), heading terms
    followed by definition paragraphs, bold-line terms, and list items such as
    ``* **Term**: definition``.

    >>> [(t.term, t.definition) for t in extract_terms("# T\\n\\n### **API**\\n\\nA contract.\\n")]
    [('API', 'A contract.')]
    """
    if not isinstance(clean_body, str):
        return []
    lines = clean_body.replace("\r\n", "\n").split("\n")
    terms: list[GlossaryTerm] = []
    stack: list[_Heading] = []
    pending: _Pending | None = None

    def section_path() -> list[str]:
        # Term headings are not sections: a bold term after `#### Accessibility`
        # does not belong "under" Accessibility.
        return [h.text for h in stack if not h.is_term]

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            definition = _clean_definition(pending.lines)
            if definition and _is_plausible_term(pending.term):
                terms.append(GlossaryTerm(pending.term, definition, pending.path))
                if pending.heading is not None:
                    pending.heading.is_term = True
        pending = None

    def in_definition() -> bool:
        return pending is not None and pending.has_text()

    def item_may_start_term() -> bool:
        # A list inside a definition is part of it, unless the list *is* the glossary.
        return not in_definition() or pending.from_item

    i, n = 0, len(lines)
    while i < n:
        line = lines[i]

        fm = _FENCE_RE.match(line)
        if fm:  # code belongs to the current definition, never parsed for terms
            close = re.compile(r"^[ \t]*" + re.escape(fm.group(1)[0]) + "{%d,}\\s*$" % len(fm.group(1)))
            j = i + 1
            while j < n and not close.match(lines[j]):
                j += 1
            if pending is not None:
                pending.lines.extend(lines[i : j + 1])
            i = j + 1
            continue

        hm = _HEADING_RE.match(line)
        if hm:
            flush()
            level, text = len(hm.group(1)), _clean_term(hm.group(2))
            while stack and stack[-1].level >= level:
                stack.pop()
            heading = _Heading(level, text)
            # The page title, numbered sections and "Terminology" headings are
            # structure; any other heading may be a term if prose follows it.
            if level > 1 and not _SECTION_NUMBER_RE.match(text) and not _TERMINOLOGY_WORD.search(text):
                pending = _Pending(text, [h.text for h in stack], heading)
            stack.append(heading)
            i += 1
            continue

        if _PIPE_ROW_RE.match(line):
            j = i
            while j < n and _PIPE_ROW_RE.match(lines[j]):
                j += 1
            rows = lines[i:j]
            if in_definition() and not _looks_like_glossary_table(rows):
                pending.lines.extend(rows)
            else:
                if in_definition():
                    flush()
                elif pending is not None and pending.heading is not None:
                    pending = None  # a heading right above a glossary table is its section
                terms.extend(_table_terms(rows, section_path()))
            i = j
            continue

        stripped = line.strip()
        quoted = stripped.startswith(">")
        bm = None if quoted else _BOLD_LINE_RE.match(line)
        if bm and len(_clean_term(bm.group("term"))) == 1:
            flush()  # GitBook A–Z tab label (`**A**`): ends the previous definition, defines nothing
            i += 1
            continue
        # `**Some lead-in:**` inside a definition introduces more of that definition.
        lead_in = bm is not None and stripped.rstrip("*_").endswith(":") and in_definition()
        if bm and not lead_in and _is_plausible_term(_clean_term(bm.group("term"))) and len(stripped) <= 120 \
                and not re.search(r"[.!?]\**$", stripped):
            flush()
            pending = _Pending(_clean_term(bm.group("term")), section_path())
            i += 1
            continue

        item = _LIST_ITEM_RE.match(line)
        content = item.group(1) if item else stripped
        im = None if quoted else _BOLD_INLINE_RE.match(content)
        if im and (im.group("colon") or im.group("sep")) and _is_plausible_term(_clean_term(im.group("term"))) \
                and (not item or item_may_start_term()):
            flush()
            pending = _Pending(_clean_term(im.group("term")), section_path(), lines=[im.group("def")],
                               from_item=bool(item))
            i += 1
            continue
        if pending is not None:
            pending.lines.append(line)
        i += 1

    flush()
    return terms
