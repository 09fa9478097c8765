"""GitBook markdown cleaning: GitBook-flavoured markdown → plain markdown that keeps its structure."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Callable

import yaml

__all__ = ["CleanPage", "clean_gitbook"]


@dataclass
class CleanPage:
    """One GitBook page after cleaning.

    ``body`` is markdown with headings kept as ``#`` lines, GitBook ``{% %}``
    tags, HTML and entities resolved into readable text; fenced code is unchanged.
    """

    title: str | None
    description: str | None
    body: str
    swagger_refs: list[dict] = field(default_factory=list)


ApiResolver = Callable[[dict], "str | None"]


# ---------------------------------------------------------------------------
# Placeholders.
#
# Fenced code, inline code and text returned by the API resolver must come out
# byte-for-byte unchanged, while every other step below rewrites the text with
# regexes.  So those pieces are swapped for an opaque token first and swapped
# back at the very end.  The token uses private-use code points, which are
# removed from the input beforehand so a page can never forge one.
# ---------------------------------------------------------------------------

# Block tokens (fenced code, resolved API text) stand on a line of their own;
# inline tokens (code spans) sit inside a line.
_TOK_BLOCK, _TOK_INLINE, _TOK_CLOSE = "\ue000", "\ue002", "\ue001"
_TOKEN_RE = re.compile("[" + _TOK_BLOCK + _TOK_INLINE + r"](\d+)" + _TOK_CLOSE)
_TOKEN_CHARS = (_TOK_BLOCK, _TOK_INLINE, _TOK_CLOSE)


class _Stash:
    def __init__(self) -> None:
        self.items: list[str] = []

    def put(self, text: str, block: bool = True) -> str:
        self.items.append(text)
        return f"{_TOK_BLOCK if block else _TOK_INLINE}{len(self.items) - 1}{_TOK_CLOSE}"

    def restore(self, text: str) -> str:
        # Stashed pieces can contain tokens themselves (inline code inside a
        # stashed block), hence a few rounds; bounded so junk cannot loop.
        for _ in range(5):
            if _TOK_CLOSE not in text:
                break
            text = _TOKEN_RE.sub(lambda m: self._get(int(m.group(1))), text)
        return text

    def _get(self, i: int) -> str:
        return self.items[i] if 0 <= i < len(self.items) else ""


# ---------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def _split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (description, text without front matter).

    >>> _split_front_matter("---\\ndescription: >-\\n  a\\n  b\\n---\\n# T")
    ('a b', '# T')
    """
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return None, text
    rest = text[m.end():]
    try:
        data = yaml.safe_load(m.group(1))
    except Exception:  # malformed YAML: fall back to a plain `description:` line
        data = None
        dm = re.search(r"^description:[ \t]*(.+)$", m.group(1), re.M)
        if dm:
            data = {"description": dm.group(1).strip().strip("'\"")}
    desc = data.get("description") if isinstance(data, dict) else None
    if desc is None:
        return None, rest
    desc = _clean_inline_text(str(desc))
    return (desc or None), rest


def _clean_inline_text(s: str) -> str:
    s = _unescape_entities(s)
    s = re.sub(r"\s+", " ", s)
    return s.strip()


# ---------------------------------------------------------------------------
# Code (protected first so nothing below can touch it)
# ---------------------------------------------------------------------------

_FENCE_OPEN_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")


def _stash_fenced_code(text: str, stash: _Stash) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        m = _FENCE_OPEN_RE.match(lines[i])
        # A backtick fence's info string may not contain backticks (CommonMark).
        if not m or (m.group(1)[0] == "`" and "`" in m.group(2)):
            out.append(lines[i])
            i += 1
            continue
        fence = m.group(1)
        close_re = re.compile(r"^[ \t]*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        j = i + 1
        while j < n and not close_re.match(lines[j]):
            j += 1
        block = lines[i : j + 1]  # an unclosed fence runs to the end, as in CommonMark
        out.append(stash.put("\n".join(block)))
        i = j + 1
    return "\n".join(out)


_INLINE_CODE_RE = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def _stash_inline_code(text: str, stash: _Stash) -> str:
    return _INLINE_CODE_RE.sub(lambda m: stash.put(m.group(0), block=False), text)


# ---------------------------------------------------------------------------
# GitBook liquid-style tags: {% name attrs %} ... {% endname %}
# ---------------------------------------------------------------------------

_ATTR_RE = re.compile(r"""([A-Za-z_][\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'%]+))""")
# `%` is allowed inside a tag as long as it is not `%}`: URLs carry `%2F`.
_TAG_BODY = r"(?:[^%]|%(?!\}))"


def _attrs(s: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR_RE.finditer(s or ""):
        val = next((g for g in m.groups()[1:] if g is not None), "")
        out[m.group(1)] = html.unescape(val)
    return out


_MERMAID_RE = re.compile(r"\{%\s*@mermaid/diagram\s+content=\"(.*?)\"\s*%\}", re.S)
_PLUGIN_RE = re.compile(r"\{%\s*@" + _TAG_BODY + r"{0,5000}?%\}")


def _replace_plugins(text: str, stash: _Stash) -> str:
    # The mermaid plugin carries a whole sequence diagram in an attribute;
    # it is the only text of those figures, so keep it as a fenced block.
    text = _MERMAID_RE.sub(lambda m: "\n" + stash.put("```mermaid\n" + m.group(1).strip("\n") + "\n```") + "\n", text)
    return _PLUGIN_RE.sub("", text)


# -- API operation blocks ----------------------------------------------------

# `openapi-operation` before `openapi`, and no `swagger-parameter` etc. as openers.
_API_KIND = r"(openapi-operation|openapi(?!-)|swagger(?!-))"
# A block's body may not contain another opener: an unclosed `{% swagger %}`
# must not swallow the next block (and its ref) up to that block's end tag.
_API_BODY = r"((?:(?!\{%\s*(?:openapi|swagger)(?!-)).)*?)"
_API_BLOCK_OR_OPENER_RE = re.compile(
    r"\{%\s*" + _API_KIND + r"\b(" + _TAG_BODY + r"{0,3000}?)%\}" + _API_BODY + r"\{%\s*end\1\s*%\}"
    r"|\{%\s*" + _API_KIND + r"\b(" + _TAG_BODY + r"{0,3000}?)%\}",
    re.S,
)
_SWAGGER_SUB_RE = re.compile(
    r"\{%\s*swagger-(description|parameter|response)\b(" + _TAG_BODY + r"*?)%\}(.*?)\{%\s*endswagger-\1\s*%\}",
    re.S,
)
_REF_KEYS = ("src", "path", "method", "spec")
# A line that is only a markdown link: GitBook repeats the spec file as one.
_LINK_ONLY_LINE_RE = re.compile(r"^\s*\[[^\]\n]*\]\((?:<[^>\n]*>|[^\n]*)\)\s*$")


class _ResolverError(Exception):
    """Carries an exception raised by the caller's resolver past the safety net."""


def _swagger_sub_block(m: re.Match) -> str:
    kind, a, inner = m.group(1), _attrs(m.group(2)), m.group(3).strip()
    if kind == "description":
        return "\n" + inner + "\n"
    if kind == "parameter":
        bits = [f"in {a['in']}"] if a.get("in") else []
        if a.get("type"):
            bits.append(a["type"])
        if a.get("required", "").lower() == "true":
            bits.append("required")
        desc = " ".join(inner.split()) or a.get("description", "")
        line = f"Parameter `{a.get('name', '?')}`" + (f" ({', '.join(bits)})" if bits else "")
        return "\n" + line + (f": {desc}" if desc else "") + "\n"
    status = a.get("status", "")
    head = "Response" + (f" {status}" if status else "")
    if a.get("description"):
        head += f": {a['description']}"
    return "\n" + head + ("\n\n" + inner if inner else "") + "\n"


def _api_block(kind: str, attr_text: str, inner: str, refs: list[dict], resolve_api: ApiResolver | None,
               stash: _Stash) -> str:
    a = _attrs(attr_text)
    ref = {k: a[k] for k in _REF_KEYS if k in a}
    refs.append(ref)
    if resolve_api is not None:
        try:
            resolved = resolve_api(dict(ref))
        except Exception as exc:  # a broken resolver is the caller's bug: let it surface
            raise _ResolverError() from exc
        if isinstance(resolved, str):
            return "\n\n" + stash.put(resolved.strip("\n")) + "\n\n"
    method = (a.get("method") or "").upper()
    line = "API operation: " + " ".join(p for p in (method, a.get("path", "")) if p)
    if not (method or a.get("path")):
        line = "API operation: " + (a.get("src") or a.get("spec") or kind)
    if a.get("summary"):
        line += f" — {a['summary']}"
    body = _SWAGGER_SUB_RE.sub(_swagger_sub_block, inner)
    # Drop GitBook's repeated "[spec.yaml](spec.yaml)" link lines; keep real prose.
    kept = [ln for ln in body.split("\n") if not _LINK_ONLY_LINE_RE.match(ln)]
    extra = "\n".join(kept).strip()
    return "\n\n" + line + ("\n\n" + extra if extra else "") + "\n\n"


def _replace_api_blocks(text: str, refs: list[dict], resolve_api: ApiResolver | None, stash: _Stash) -> str:
    # One pass over closed blocks and orphan openers alike keeps the refs in page order.
    def repl(m: re.Match) -> str:
        if m.group(1):
            return _api_block(m.group(1), m.group(2), m.group(3), refs, resolve_api, stash)
        return _api_block(m.group(4), m.group(5), "", refs, resolve_api, stash)

    text = _API_BLOCK_OR_OPENER_RE.sub(repl, text)
    return re.sub(r"\{%\s*endswagger-?\w*\s*%\}|\{%\s*end(?:openapi-operation|openapi)\s*%\}", "", text)


# -- hints, tabs, content-refs, embeds, files, columns ------------------------

_HINT_LABELS = {"info": "Note", "warning": "Warning", "danger": "Warning", "success": "Tip"}
_HINT_RE = re.compile(r"\{%\s*hint\b(" + _TAG_BODY + r"*?)%\}(.*?)\{%\s*endhint\s*%\}", re.S)
_CONTENT_REF_RE = re.compile(r"\{%\s*content-ref\b(" + _TAG_BODY + r"*?)%\}(.*?)\{%\s*endcontent-ref\s*%\}", re.S)
_TAB_RE = re.compile(r"\{%\s*tab\b(" + _TAG_BODY + r"{0,2000}?)%\}")
_EMBED_RE = re.compile(r"\{%\s*embed\b(" + _TAG_BODY + r"{0,3000}?)%\}")
_FILE_RE = re.compile(r"\{%\s*file\b(" + _TAG_BODY + r"{0,3000}?)%\}")
_ANY_TAG_RE = re.compile(r"\{%" + _TAG_BODY + r"{0,3000}?%\}")
_LINK_TEXT_RE = re.compile(r"\[([^\]\n]*)\]\([^\n]*?\)")


def _hint(m: re.Match) -> str:
    style = _attrs(m.group(1)).get("style", "info").lower()
    label = _HINT_LABELS.get(style, "Note")
    lines = m.group(2).strip("\n").split("\n")
    # Quote every line so the note stays one block; code tokens are left bare
    # because a quoted fence would alter the code.
    out, first = [], True
    for ln in lines:
        if ln.strip().startswith(_TOK_BLOCK) and _TOKEN_RE.fullmatch(ln.strip()):
            out.append(ln)
            continue
        if first and ln.strip():
            out.append(f"> **{label}:** {ln.strip()}")
            first = False
        else:
            out.append(("> " + ln) if ln.strip() else ">")
    if first:  # empty hint
        return ""
    return "\n\n" + "\n".join(out) + "\n\n"


def _content_ref(m: re.Match) -> str:
    inner = m.group(2).strip()
    lm = _LINK_TEXT_RE.search(inner)
    label = (lm.group(1) if lm else inner).strip() or _attrs(m.group(1)).get("url", "")
    return f"\n\nSee: {label}\n\n" if label else ""


def _basename(p: str) -> str:
    return re.split(r"[/\\]", p.rstrip("/"))[-1] if p else p


_COLUMNS_RE = re.compile(r"\{%\s*columns\b" + _TAG_BODY + r"{0,300}?%\}(.*?)\{%\s*endcolumns\s*%\}", re.S)
_LINK_ONLY_RE = re.compile(r"^\[([^\]\n]+)\]\([^)\s]*\)$")


def _columns(m: re.Match) -> str:
    """GitBook columns of bare links (the release's list of building blocks) → one line naming them all.

    As separate paragraphs, each name ("Consent", "Wallet") was too short to be quoted, and an answer to "which
    building blocks are specified?" listed none of them.

    >>> _columns(_COLUMNS_RE.search("{% columns %}{% column %}[Consent](c)\\n\\n[GIS](g){% endcolumn %}"
    ...                             "{% column %}[Wallet](w){% endcolumn %}{% endcolumns %}")).strip()
    'Consent; GIS; Wallet.'
    """
    inner = _ANY_TAG_RE.sub("\n\n", m.group(1))
    paras = [p.strip() for p in re.split(r"\n\s*\n", inner) if p.strip()]
    links = [_LINK_ONLY_RE.match(p) for p in paras]
    if len(paras) >= 2 and all(links):
        return "\n\n" + "; ".join(lm.group(1).strip() for lm in links) + ".\n\n"
    return "\n\n" + "\n\n".join(paras) + "\n\n"


def _replace_liquid(text: str) -> str:
    text = _COLUMNS_RE.sub(_columns, text)
    text = _HINT_RE.sub(_hint, text)
    text = _CONTENT_REF_RE.sub(_content_ref, text)
    text = _TAB_RE.sub(lambda m: "\n\n**" + (_attrs(m.group(1)).get("title", "").strip() or "Tab") + "**\n\n", text)
    text = _EMBED_RE.sub(lambda m: f"\n\n(Embedded: {_attrs(m.group(1)).get('url', '')})\n\n"
                         if _attrs(m.group(1)).get("url") else "", text)
    text = _FILE_RE.sub(lambda m: f"\n\n(File: {_basename(_attrs(m.group(1)).get('src', ''))})\n\n"
                        if _attrs(m.group(1)).get("src") else "", text)
    # tabs/endtab/columns/code/raw and any tag we do not know: drop the tag, keep the content.
    return _ANY_TAG_RE.sub("\n", text)


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

# Only real HTML element names are treated as tags: GitBook pages also write
# placeholders such as `<ID>`, `<token>` or `<Use the link>` that are text.
_HTML_TAGS = (
    "a|abbr|b|big|blockquote|br|caption|center|cite|code|col|colgroup|dd|del|details|div|dl|dt|em|"
    "figcaption|figure|font|h[1-6]|hr|i|iframe|img|input|ins|kbd|label|li|mark|ol|p|picture|pre|q|s|"
    "section|small|source|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul|video"
)
_TAG_RE = re.compile(r"(?<!\\)</?(?:" + _HTML_TAGS + r")\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*/?>", re.I)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_TABLE_RE = re.compile(r"(?<!\\)<table\b.*?</table\s*>", re.S | re.I)
_FIGURE_RE = re.compile(r"(?<!\\)<figure\b[^>]*>(.*?)</figure\s*>", re.S | re.I)
_FIGCAPTION_RE = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.S | re.I)
_IMG_RE = re.compile(r"(?<!\\)<img\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
_SUMMARY_RE = re.compile(r"(?<!\\)<summary\b[^>]*>(.*?)</summary\s*>", re.S | re.I)
_BR_RE = re.compile(r"(?<!\\)<br\s*/?>", re.I)


def _strip_tags(s: str) -> str:
    return _TAG_RE.sub("", s)


def _figure_label(caption: str, alt: str) -> str:
    label = " ".join(_strip_tags(caption or "").split()) or " ".join((alt or "").split())
    return f"[Figure: {label}]" if label else ""


def _img_alt(tag: str) -> str:
    return _attrs(tag).get("alt", "")


def _figure(m: re.Match) -> str:
    inner = m.group(1)
    cap = _FIGCAPTION_RE.search(inner)
    img = _IMG_RE.search(inner)
    return _figure_label(cap.group(1) if cap else "", _img_alt(img.group(0)) if img else "")


class _TableParser(HTMLParser):
    """Collects an HTML table as rows of flattened cell strings.

    Written by hand because none of our dependencies turns GitBook's HTML
    tables into pipe tables; the stdlib parser copes with its sloppy markup.
    """

    _SEP = "\x00"  # paragraph boundary inside a cell, resolved in _flatten_cell

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.header_rows = 0
        self.hidden_cols: set[int] = set()
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_thead = False
        self._depth = 0  # nested tables are flattened into the outer cell
        self._colspan = 1

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag == "table":
            self._depth += 1
            if self._depth > 1 and self._cell is not None:
                self._cell.append(self._SEP)
            return
        if self._depth > 1:
            if tag in ("td", "th", "tr", "br", "p", "li") and self._cell is not None:
                self._cell.append(self._SEP)
            return
        if tag == "thead":
            self._in_thead = True
        elif tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th"):
            if self._row is None:
                self._row = []
            self._end_cell()
            self._cell = []
            a = dict(attrs)
            if tag == "th" and "data-hidden" in a:
                self.hidden_cols.add(len(self._row))
            span = str(a.get("colspan") or "1")
            self._colspan = min(int(span), 20) if span.isdigit() and int(span) > 0 else 1
        elif self._cell is not None:
            if tag in ("br", "p", "li", "div", "ul", "ol"):
                self._cell.append(self._SEP)
            elif tag == "img":
                label = _figure_label("", dict(attrs).get("alt") or "")
                if label:
                    self._cell.append(label)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "table":
            self._depth -= 1
            if self._depth == 0:
                self._end_row()
            return
        if self._depth > 1:
            return
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "thead":
            self._end_row()
            self._in_thead = False
            self.header_rows = len(self.rows)
        elif tag in ("p", "li", "div") and self._cell is not None:
            self._cell.append(self._SEP)

    def handle_data(self, data):
        if self._cell is not None:
            # A markdown hard break (`\` at a line end) written inside an HTML cell.
            self._cell.append(re.sub(r"\\[ \t]*\n", self._SEP, data))

    def _end_cell(self):
        if self._cell is not None and self._row is not None:
            text = _flatten_cell("".join(self._cell))
            self._row.append(text)
            self._row.extend([""] * (self._colspan - 1))
        self._cell = None

    def _end_row(self):
        self._end_cell()
        if self._row is not None:
            self.rows.append(self._row)
        self._row = None


def _flatten_cell(s: str) -> str:
    """Join a cell's paragraphs into one line.

    >>> _flatten_cell("granting and\\x00restriction\\x00\\x00Second\\x00Third.\\x00Fourth")
    'granting and restriction; Second; Third. Fourth'
    """
    parts = [" ".join(p.split()) for p in s.split(_TableParser._SEP)]
    parts = [p for p in parts if p]
    out = ""
    for p in parts:
        if not out:
            out = p
        # GitBook splits sentences into <p>s mid-phrase, and a finished sentence
        # needs no separator: only a bare line break between phrases becomes "; ".
        elif re.search(r"[.:;!?]$", out) or p[0].islower():
            out += " " + p
        else:
            out += "; " + p
    return out


def _md_cell(s: str) -> str:
    # Re-escape for the later entity pass (so `<ID>` stays text and is
    # unescaped exactly once) and keep the cell from splitting the row.
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|")


HEADER_CELL_CHARS, HEADER_CELL_WORDS = 40, 6  # a column label is at most this long


def _looks_like_header(row: list[str]) -> bool:
    """Column labels ("Term or Acronym", "Name | Type | Description"), not a first record: every cell short.

    GitBook hides the header of tables whose first row is data (the security requirements' "5.12.1 OWASP Compliance;
    The custom developed applications … | REQUIRED"); taken for a header, that row was repeated in every chunk of the
    table and left out of every answer.

    >>> _looks_like_header(["Term or Acronym", "Meaning and Expansion", "Comments and Links"])
    True
    >>> _looks_like_header(["5.12.1 OWASP Compliance; The custom developed applications MUST take steps", "REQUIRED"])
    False
    """
    cells = [c for c in row if c]
    return bool(cells) and all(len(c) <= HEADER_CELL_CHARS and len(c.split()) <= HEADER_CELL_WORDS for c in cells)


def _html_table(m: re.Match) -> str:
    p = _TableParser()
    try:
        p.feed(m.group(0))
        p.close()
    except Exception:
        return "\n\n" + " ".join(_strip_tags(m.group(0)).split()) + "\n\n"
    rows = [r for r in p.rows if r]
    if not rows:
        return "\n"
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header_rows = p.header_rows if p.header_rows else 1
    # Drop GitBook's hidden "card target" columns and columns that are empty throughout.
    keep = [c for c in range(width) if c not in p.hidden_cols and any(r[c] for r in rows)]
    rows = [[r[c] for c in keep] for r in rows]
    head, body = rows[:header_rows], rows[header_rows:]
    head = [h for h in head if any(h)]
    if not head and body and _looks_like_header(body[0]):  # `data-header-hidden`: the first row may be the real header
        head, body = [body[0]], body[1:]
    if not keep:
        return "\n"
    if len(keep) == 1:  # a card grid or a one-column table reads best as a list
        items = [r[0] for r in head + body if r[0]]
        return "\n\n" + "\n".join(f"- {_md_cell(x)}" for x in items) + "\n\n"
    header = head[-1] if head else [""] * len(keep)
    lines = ["| " + " | ".join(_md_cell(c) for c in header) + " |", "| " + " | ".join("---" for _ in keep) + " |"]
    lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in body]
    return "\n\n" + "\n".join(lines) + "\n\n"


_PIPE_ROW_RE = re.compile(r"^[ \t]*(?:>[ \t]?)*\|")


def _cell_html(s: str) -> str:
    """Inline HTML inside a markdown pipe-table row → one line of text."""
    s = _FIGURE_RE.sub(_figure, s)
    s = _IMG_RE.sub(lambda m: _figure_label("", _img_alt(m.group(0))), s)
    s = re.sub(r"(?<!\\)</?(?:p|li|ul|ol|div)\b[^>]*>|(?<!\\)<br\s*/?>", "\x00", s, flags=re.I)
    s = re.sub(r"(?<!\\)</?(?:strong|b)\b[^>]*>", "**", s, flags=re.I)
    s = _strip_tags(s)
    # Rebuild paragraph joins per cell so `|` separators are untouched.
    return "|".join(_flatten_cell(c) if "\x00" in c else c for c in re.split(r"(?<!\\)\|", s))


def _convert_html(text: str) -> str:
    text = _COMMENT_RE.sub("", text)
    text = _TABLE_RE.sub(_html_table, text)
    # Pipe-table rows first, so no replacement below can put a newline inside a row.
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        if _PIPE_ROW_RE.match(ln) and "<" in ln:
            lines[i] = _cell_html(ln)
    text = "\n".join(lines)
    text = _FIGURE_RE.sub(_figure, text)
    text = _IMG_RE.sub(lambda m: _figure_label("", _img_alt(m.group(0))), text)
    text = _SUMMARY_RE.sub(lambda m: "\n\n**" + " ".join(_strip_tags(m.group(1)).split()) + "**\n\n", text)
    text = re.sub(r"(?<!\\)</?details\b[^>]*>", "\n\n", text, flags=re.I)
    text = _BR_RE.sub("\n", text)
    text = re.sub(r"(?<!\\)<h([1-6])\b[^>]*>", lambda m: "\n\n" + "#" * int(m.group(1)) + " ", text, flags=re.I)
    text = re.sub(r"(?<!\\)</(?:p|div|ul|ol|h[1-6]|blockquote|figure|pre)\s*>", "\n\n", text, flags=re.I)
    text = re.sub(r"(?<!\\)<li\b[^>]*>", "\n- ", text, flags=re.I)
    text = re.sub(r"(?<!\\)<hr\b[^>]*>", "\n\n---\n\n", text, flags=re.I)
    text = re.sub(r"(?<!\\)</?(?:strong|b)\b[^>]*>", "**", text, flags=re.I)
    return _strip_tags(text)


# ---------------------------------------------------------------------------
# Markdown inline syntax: images and links
# ---------------------------------------------------------------------------

_LINK_TARGET = r"\(\s*(?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
_LINK_LABEL = r"\[((?:[^\[\]\n]|\\[\[\]]|\[[^\[\]\n]*\])*)\]"
_MD_IMAGE_RE = re.compile(r"(?<!\\)!" + _LINK_LABEL + _LINK_TARGET)
_MD_LINK_RE = re.compile(r"(?<![\\!])" + _LINK_LABEL + _LINK_TARGET)
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]+)>", re.I)


def _convert_md_links(text: str) -> str:
    text = _MD_IMAGE_RE.sub(lambda m: _figure_label("", m.group(1)), text)
    # Link text is what a reader sees; when the text is itself a URL it already is the URL.
    text = _MD_LINK_RE.sub(lambda m: m.group(1), text)
    return _AUTOLINK_RE.sub(r"\1", text)


# ---------------------------------------------------------------------------
# Characters: entities, invisible spaces, backslash escapes
# ---------------------------------------------------------------------------

# GitBook emits broken references like `&#xNAN;` that html.unescape leaves alone.
_BAD_CHARREF_RE = re.compile(r"&#[xX]?[0-9A-Za-z]{0,10};")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_INVISIBLE.update({ord("\u00a0"): " ", ord("\u202f"): " ", ord("\u2007"): " "})


def _unescape_entities(s: str) -> str:
    s = html.unescape(s)
    s = _BAD_CHARREF_RE.sub("", s)
    return s.translate(_INVISIBLE)


_ESCAPABLE = r"!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~"
_BACKSLASH_RE = re.compile(r"\\([" + _ESCAPABLE + r"])")
_BACKSLASH_NO_PIPE_RE = re.compile(r"\\([" + _ESCAPABLE.replace("|", "") + r"])")


def _unescape_backslashes(line: str) -> str:
    line = re.sub(r"\\+$", "", line)  # GitBook's trailing `\` is a hard line break
    if _PIPE_ROW_RE.match(line):  # inside a pipe table `\|` must stay escaped
        return _BACKSLASH_NO_PIPE_RE.sub(r"\1", line)
    return _BACKSLASH_RE.sub(r"\1", line)


# ---------------------------------------------------------------------------
# Line-level tidy up
# ---------------------------------------------------------------------------

_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_EMPTY_HEADING_RE = re.compile(r"^#{1,6}[ \t]*$")
_SEPARATOR_CELL_RE = re.compile(r"^\s*:?-{1,}:?\s*$")


def _tidy_heading(text: str) -> str:
    text = text.replace("**", "").replace("__", "")
    return " ".join(text.split())


def _separator_cell(c: str) -> str:
    """`:-----:` → `:---:` (alignment colons survive, the padding does not)."""
    return (":" if c.startswith(":") else "") + "---" + (":" if c.endswith(":") and len(c) > 1 else "")


def _tidy_pipe_row(line: str) -> str:
    m = re.match(r"^([ \t]*(?:>[ \t]?)*)(.*)$", line)
    prefix, row = m.group(1), m.group(2)
    cells = re.split(r"(?<!\\)\|", row)
    if all(_SEPARATOR_CELL_RE.match(c) or not c.strip() for c in cells) and any("-" in c for c in cells):
        cells = [_separator_cell(c.strip()) if c.strip() else "" for c in cells]
    cells = [" ".join(c.split()) for c in cells]
    body = " | ".join(cells).strip()
    return prefix + body


def _tidy_lines(text: str) -> str:
    out = []
    for ln in text.split("\n"):
        ln = _unescape_backslashes(ln).rstrip()
        if _EMPTY_HEADING_RE.match(ln):
            continue
        hm = _HEADING_RE.match(ln)
        if hm:
            title = _tidy_heading(hm.group(2))
            ln = f"{hm.group(1)} {title}" if title else ""
        elif _PIPE_ROW_RE.match(ln):
            ln = _tidy_pipe_row(ln)
        elif not ln.strip():
            ln = ""
        out.append(ln)
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


def _first_h1(body: str) -> str | None:
    m = re.search(r"^# (.+)$", body, re.M)
    if not m:
        return None
    title = _TOKEN_RE.sub("", m.group(1)).replace("**", "").strip()
    return title or None


# ---------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------


def clean_gitbook(text: str, resolve_api: ApiResolver | None = None) -> CleanPage:
    """Clean one GitBook markdown page.

    ``resolve_api(ref)`` is called for every swagger/openapi block with
    ``{"src"|"spec", "path", "method"}`` (keys present when given); a returned
    string replaces the block verbatim, ``None`` gives a one-line fallback.
    Exceptions from the resolver propagate; anything wrong with ``text``
    itself never does: in the worst case the text comes back minimally cleaned.

    >>> clean_gitbook("# T\\n\\nA&#x20;\\\\_b <mark>c</mark>").body
    '# T\\n\\nA _b c'
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    elif not isinstance(text, str):
        text = "" if text is None else str(text)
    try:
        return _clean(text, resolve_api)
    except _ResolverError as exc:
        raise exc.__cause__ from None
    except Exception:  # pragma: no cover - safety net for inputs nobody foresaw
        return _minimal_clean(text)


def _clean(text: str, resolve_api: ApiResolver | None) -> CleanPage:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    for ch in _TOKEN_CHARS:
        text = text.replace(ch, "")
    description, text = _split_front_matter(text)

    stash = _Stash()
    text = _stash_fenced_code(text, stash)
    text = _replace_plugins(text, stash)
    text = _stash_inline_code(text, stash)

    refs: list[dict] = []
    text = _replace_api_blocks(text, refs, resolve_api, stash)
    text = _replace_liquid(text)
    text = _convert_html(text)
    text = _convert_md_links(text)
    text = _unescape_entities(text)
    text = _tidy_lines(text)

    title = _first_h1(text)
    body = stash.restore(text)
    if title:
        title = _clean_inline_text(title)
    return CleanPage(title=title or None, description=description, body=body, swagger_refs=refs)


def _minimal_clean(text: str) -> CleanPage:
    try:
        body = _unescape_entities(_strip_tags(text))
        body = re.sub(r"\n{3,}", "\n\n", body).strip()
    except Exception:
        body = text
    return CleanPage(title=None, description=None, body=body, swagger_refs=[])
