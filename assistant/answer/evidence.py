"""Evidence: retrieved hits as numbered citable passages, and the sentence units answers are built from."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from assistant import registry
from assistant.retrieve import Hit, norm_term, stem_tokens, term_forms, tokenize
from assistant.types import Citation

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"“])")
# a full stop that ends an abbreviation ends no sentence: "documents (e.g. Request for Proposals)", "Dr. Ramkumar"
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|eg|ie|etc|vs|cf|approx|incl|no|nos|dr|mr|mrs|ms|prof|fig|ref|sec|art|para)\.|\b[A-Z]\.)$", re.I)
_FENCE = re.compile(r"```(\w*)[^\n`]*\n(.*?)(?:```|$)", re.S)  # ```mermaid fullWidth="false" too
# a participant's name may hold a hyphen ("e-Signature BB frontend->>ID BB: …"): the lazy name stops at the first arrow
_ARROW = re.compile(r"^\s*([^<>:\n]+?)\s*(-{1,2}>>?|-{1,2}\)|-x)\+?-?\s*([^:\n]+?)\s*:\s*(.+)$")
_ITEM = re.compile(r"^\s*([*+-]|\d{1,3}[.)]|\(\d{1,3}\)|\([a-z]\))\s+(.*)")  # "* a", "1. a", "(1) a", "(a) a"
_TABLE_SEP = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")
# line breaks inside diagram labels: Mermaid's <br>, PlantUML's "\n" ("Generate Verifiable\nPresentation")
_BR = re.compile(r"\s*(?:<br\s*/?>|\\n)\s*", re.I)


@dataclass
class Unit:
    """One sentence, list item or table row of a retrieved passage — the grain an answer quotes."""

    text: str
    hit_index: int  # position of its hit in the evidence list
    order: int  # position inside the passage
    kind: str = "sentence"  # sentence | item | row
    score: float = 0.0
    meaning: float = 0.0  # the part of `score` that comes from the unit's similarity in meaning to the question
    shown: str = ""  # how a table row reads with its columns named ("requestID — Type: String (12); M/O: M; …"), if so
    label: bool = False  # a bold line on its own ("**4. Hybrid Model**"): it names what follows and says nothing itself


@dataclass
class Evidence:
    hits: list[Hit]
    used: list[int] = field(default_factory=list)  # hit indexes in citation order

    def cite(self, hit_index: int) -> int:
        """Citation number for a hit (numbered in order of first use)."""
        if hit_index not in self.used:
            self.used.append(hit_index)
        return self.used.index(hit_index) + 1

    def citations(self, snippets: dict[int, list[str]] | None = None) -> list[Citation]:
        out = []
        for n, hi in enumerate(self.used, 1):
            h = self.hits[hi]
            snip = " … ".join((snippets or {}).get(hi, [])) or _snippet(h.chunk.text)
            out.append(to_citation(h, n, snip))
        return out


def to_citation(h: Hit, n: int, snippet: str | None = None) -> Citation:
    c = h.chunk
    title = c.chapter or (c.heading_path[0] if c.heading_path else c.path)
    if c.bb and title and registry.name_of(c.bb) not in title:
        title = f"{registry.name_of(c.bb)} — {title}"
    return Citation(n=n, repo=c.repo, folder=c.folder, path=c.path, release=c.release, bb=c.bb, title=title,
                    section=c.section, url=c.url, snippet=snippet if snippet is not None else _snippet(c.text),
                    chunk_id=h.id, kind=c.kind, score=round(float(h.score), 5))


def _snippet(text: str, n: int = 280) -> str:
    t = " ".join(strip_md(text).split())
    return t if len(t) <= n else t[: n - 1].rsplit(" ", 1)[0] + "…"


def strip_md(text: str) -> str:
    t = re.sub(r"\*\*|__|`", "", text)
    t = re.sub(r"^#+\s*", "", t, flags=re.M)
    t = re.sub(r"^(\s*>)+\s?", "", t, flags=re.M)  # quote markers of GitBook hints
    return t


_BRACKETED_EXAMPLE = re.compile(r"\((e\.g\.|eg\b|i\.e\.|for example|for instance|such as)[^()]*\)\.?$", re.I)


def sentences(text: str) -> list[str]:
    """Split prose into sentences, not at an abbreviation's full stop.

    >>> sentences("Publish tenders (e.g. Request for Proposals). Providers bid. Dr. Ramkumar wrote it.")
    ['Publish tenders (e.g. Request for Proposals).', 'Providers bid.', 'Dr. Ramkumar wrote it.']

    An example in brackets after a sentence's full stop belongs to that sentence:

    >>> sentences("A resource may serve many entities. (e.g. a doctor may work at two hospitals). Organizers book it.")
    ['A resource may serve many entities. (e.g. a doctor may work at two hospitals).', 'Organizers book it.']

    …and "ie." and "eg." without their inner full stop are abbreviations too:

    >>> sentences("Adaptors may transform data formats (ie. XML to json). They are tied to products.")
    ['Adaptors may transform data formats (ie. XML to json).', 'They are tied to products.']
    """
    out: list[str] = []
    for piece in _SENT.split(text):
        if out and (_ABBREV.search(out[-1]) or _BRACKETED_EXAMPLE.match(piece)):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


_BOLD_LABEL = re.compile(r"^\s*\*\*[^*\n]{1,80}\*\*:?\s*$")
_ALL_BOLD = re.compile(r"\*\*[^*\n]{2,80}\*\*:?")


_TASK_BOX = re.compile(r"^\[[ xX]\]\s+")
_OP_HEAD = re.compile(r"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\S* — ")
_OP_ID_LINE = re.compile(r"(Operation ID|Tags): ")


# a short code block right after a line that introduces it ("… use the following command:" + ```yarn test```)
_SHORT_CODE = re.compile(r":[ \t]*\n\s*```(?!mermaid)[\w-]*[^\n`]*\n((?:[^\n`]{1,100}\n){1,3})```")


def inline_short_code(text: str) -> str:
    r"""A command or value that a line introduces with ':' in a code block of up to three short lines, quoted at the end
    of that line: the sentence that says "run the following command:" says which.

    >>> inline_short_code("Then to run the tests use the following command:\n\n```\nyarn test\n```\n\nor")
    'Then to run the tests use the following command: "yarn test"\n\nor'
    >>> inline_short_code("The flow:\n```mermaid\nsequenceDiagram\n```")[:10]
    'The flow:\n'
    """
    return _SHORT_CODE.sub(lambda m: ": " + "; ".join(f'"{ln.strip()}"' for ln in m.group(1).splitlines()
                                                     if ln.strip()), text)


# a sentence of an API field list as ingest renders it (ingest.openapi.render_operation) that opens with the end of the
# previous field's description, cut from that field's name by a sentence split ("Displayed to the user.;
# dataAgreement.lawfulBasis (string, required) — …"); an entry's type is one word ("Pending (initial state …); Queued
# (…)" is no field list)
_ENTRY = r"[\w.\[\]#$@-]+ \([\w<>\[\].-]+(?: \(recursive\))?(?:, required)?\)"
_DESCRIPTION_END = re.compile(r"^(?:(?!" + _ENTRY + r")[^;]){1,300}?; (?=" + _ENTRY + r"(?: — |;|$))")


def from_field_name(text: str) -> str:
    """A sentence of an API field list as a reader can take it: from the name of its first field on, the end of the
    previous field's description it may open with left out (it says nothing without that field's name).

    >>> from_field_name("Displayed to the user.; a.lawfulBasis (string, required) — Lawful basis; a.dpia (string)")
    'a.lawfulBasis (string, required) — Lawful basis; a.dpia (string)'
    >>> from_field_name("Sent (messages sent); Failed (messages we gave up on)")
    'Sent (messages sent); Failed (messages we gave up on)'
    >>> from_field_name("Query parameters: userId (string, required) — User ID; databaseId (string, required)")  # whole
    'Query parameters: userId (string, required) — User ID; databaseId (string, required)'
    """
    return _DESCRIPTION_END.sub("", text, count=1)


_SAYS_WHAT_FOLLOWS = re.compile(r"\b(the following(?: [\w-]+){0,3}|as follows|the below list)\.$", re.I)


# the label GitBook shows on a collapsed block holding a diagram's source ("<summary>PlantUML Source</summary>")
_SOURCE_LABEL = re.compile(r"(plant-?uml|mermaid|diagram|sequence diagram|uml)( source( code)?)?|source( code)?", re.I)


def units_of(text: str, hit_index: int) -> list[Unit]:
    r"""Split a passage into sentences, list items and table rows (header rows dropped).

    >>> [u.text for u in units_of("**PlantUML Source**\n\n* Holder → Verifier: Interacts", 0)]
    ['Holder → Verifier: Interacts']
    >>> [u.text for u in units_of("> **Tip:** A reference use case for it is available here.\n\nThe Wallet scans it.", 0)]
    ['The Wallet scans it.']
    >>> [u.text for u in units_of("[Give details for how to manage data if they change their mind.]\n\nThey can opt out.", 0)]
    ['They can opt out.']
    """
    units: list[Unit] = []
    header: list[str] | None = None
    order = 0
    text = readable_diagrams(inline_short_code(text), keep_code=False)  # other code is not prose
    if _OP_HEAD.match(text):
        # an API operation's rendering (ingest.openapi.render_operation): its operation id and tags are labels, not
        # statements ("… API: Registration BB API Operation ID: uploadFile Tags: Applicant, Operator")
        text = "\n".join(ln for ln in text.splitlines() if not _OP_ID_LINE.match(ln))
    for para in re.split(r"\n\s*\n", text):
        lines = [ln for ln in para.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(ln.lstrip().startswith("|") for ln in lines):
            body = lines
            if len(lines) >= 2 and _TABLE_SEP.match(lines[1]):
                # the header row, even an empty one ("|  |  |" of a GitBook table with a hidden header, which the
                # separator pattern matches too: dropping "the first row" after it lost the first data row)
                header = [c.strip() for c in lines[0].strip().strip("|").split("|")]
                body = lines[2:]
            rows = [ln for ln in body if not _TABLE_SEP.match(ln)]
            for r in rows:
                marked = [c.strip() for c in r.strip().strip("|").split("|")]
                raw = [strip_md(c).strip() for c in marked]
                cells = [c for c in raw if c]
                if not cells:
                    continue
                txt = f"{cells[0]}: {'; '.join(cells[1:])}" if len(cells) > 1 else cells[0]
                shown = _row_shown(header, raw)
                if shown and re.fullmatch(r"`[^`]+`", marked[0]):  # a field's name as code: "`optIn` — Type: …"
                    shown = f"`{raw[0]}`{shown[len(raw[0]):]}"
                units.append(Unit(txt, hit_index, order, "row", shown=shown))
                order += 1
            continue
        if len(lines) == 1 and _BOLD_LABEL.match(lines[0]) and _SOURCE_LABEL.fullmatch(strip_md(lines[0]).strip(" :")):
            continue  # the summary line of a collapsed diagram source ("PlantUML Source"): page furniture
        if len(lines) == 1 and _BOLD_LABEL.match(lines[0]):
            # a bold line on its own is a sub-heading ("**Building Blocks Specifications**"): it introduces what follows,
            # and reads as such ("…:"), not as a sentence of its own
            units.append(Unit(strip_md(lines[0]).strip().rstrip(":") + ":", hit_index, order, label=True))
            order += 1
            continue
        buf: list[str] = []
        for ln in lines:
            if re.match(r"^\s*#+\s", ln):
                continue
            m = _ITEM.match(ln)
            if m:
                if buf:
                    for s in sentences(" ".join(buf)):
                        units.append(Unit(strip_md(s).strip(), hit_index, order))
                        order += 1
                    buf = []
                # (a GitBook task-list box, "[ ] Test for accessibility", is not part of the item's words; an item all in
                # bold, "3. **Key-based, decentralized Authentication**", is a label as a bold line is)
                units.append(Unit(_TASK_BOX.sub("", strip_md(m.group(2)).strip()), hit_index, order, "item",
                                  label=bool(_ALL_BOLD.fullmatch(m.group(2).strip()))))
                order += 1
            elif units and units[-1].kind == "item" and ln.startswith((" ", "\t")):
                units[-1].text += " " + strip_md(ln).strip()
            else:
                buf.append(ln.strip())
        if buf:
            for s in sentences(" ".join(buf)):
                units.append(Unit(strip_md(s).strip(), hit_index, order))
                order += 1
    # a sentence left open right before a list introduces it ("Validity of credentials means, that" + three items):
    # it reads as the intro it is, as a line ending in ':' does
    # (a trailing comma gives way: "including, but not limited to,"; a sentence ending in a link stays as it is)
    for u, v in zip(units, units[1:]):
        if u.kind == "sentence" and v.kind in ("item", "row") and not re.search(r"[.!?:;)\]/]$|://\S*$", u.text) \
                and len(u.text) >= 12:
            u.text = u.text.rstrip(",") + ":"
        # … and so does a line that says what follows ("…, storing at least the following information." + its items)
        elif v.kind == "item" and _SAYS_WHAT_FOLLOWS.search(u.text):
            u.text = u.text.rstrip()[:-1] + ":"
    return [u for u in units if len(u.text) >= 12 and not u.text.startswith(("[Figure", "See:", "(Embedded"))
            and not _META.match(u.text)]


def _row_shown(header: list[str] | None, cells: list[str]) -> str:
    """A row of a table of three or more named columns as it reads with the names of its columns: "paymentModality —
    Type: String (2); M/O: O; Description: 00 for Bank Account …" (a bare "String (2); O; …" says nothing of what
    "O" is). Two columns ("Term | Definition") read as "term: definition" already; so does a table whose header is
    missing or does not line up with the row ("" then).

    >>> _row_shown(["Field", "Type", "M/O", "Description"], ["requestID", "String (12)", "M", "Globally unique ID"])
    'requestID — Type: String (12); M/O: M; Description: Globally unique ID'
    >>> _row_shown(["Framework", "Accessibility", "RTL Support"], ["Vue.js", "Strong.", "No native RTL support."])
    'Vue.js — Accessibility: Strong; RTL Support: No native RTL support.'
    >>> _row_shown(["Term", "Definition"], ["Holder", "The person holding a credential"])
    ''
    """
    names = [strip_md(h).strip() for h in header or []]
    if len(names) < 3 or len(names) != len(cells) or not all(names[1:]) or not cells[0]:
        return ""
    shown = [f"{h}: {c}" for h, c in zip(names[1:], cells[1:]) if c]
    return f"{cells[0]} — " + "; ".join([re.sub(r"(?<!\.\.)\.$", "", c) for c in shown[:-1]] + shown[-1:])


def readable_diagrams(text: str, keep_code: bool = True) -> str:
    r"""Sequence diagrams as the steps answers quote them ("* A → B: message"), inside code fences or cut off from
    theirs by a chunk boundary; other code blocks kept (or dropped with keep_code=False).

    >>> readable_diagrams("Flow:\n```mermaid\nsequenceDiagram\nUser->>+App: Log in<br>with ID\n```\n```json\n{}\n```")
    'Flow:\n\n\n* User → App: Log in with ID\n\n\n```json\n{}\n```'

    The fence that closes a diagram cut off from its opening is no opening: the prose after it stays.

    >>> readable_diagrams("A ->> B : sign\n```\n\nThe results can be cached.")
    '* A → B: sign\n\n\nThe results can be cached.'
    """
    cut = re.match(r"(?s)((?:(?!```).)*?-{1,2}>>.*?)\n\s*```[ \t]*\n", text)
    if cut:  # a passage that opens inside a diagram (a chunk boundary): up to its closing fence, the diagram's lines
        return _mermaid_lines(cut.group(1)) + "\n\n" + readable_diagrams(text[cut.end():], keep_code)
    def fence(m: re.Match) -> str:
        names = dict(_ALIAS.findall(m.group(2)))
        steps = [st for st in _diagram_steps(m.group(2).splitlines(), names) if st]
        if steps:
            return "\n\n" + "\n".join(steps) + "\n\n"
        return m.group(0) if keep_code else "\n\n"

    return _mermaid_lines(_FENCE.sub(fence, text))


_MERMAID_NOISE = re.compile(r"^\s*(sequenceDiagram|autonumber|participant\b.*|actor\b.*|(de)?activate\b.*|end|"
                            r"alt\b.*|else\b.*|opt\b.*|loop\b.*|rect\b.*|par\b.*|and\b\s*\S*)\s*$")
_MERMAID_NOTE = re.compile(r"^\s*Note (?:over|left of|right of) ([^:]+):\s*(.+)$", re.I)


def _mermaid_lines(text: str) -> str:
    """Sequence-diagram lines a chunk boundary cut off from their fence: arrows become steps, notes become
    steps, diagram keywords go. Only applies where the text has a diagram arrow ("A->>B: …")."""
    if "->>" not in text and "-->" not in text:
        return text
    out = []
    lines = text.splitlines()
    for ln, step in zip(lines, _diagram_steps(lines)):
        if step:
            out.append(step)
        elif not _MERMAID_NOISE.match(ln):
            out.append(ln)
    return "\n".join(out)


# a diagram's block that holds steps under a condition ("alt Error 458", "else not found", "loop For each sub-batch")
_BLOCK_OPEN = re.compile(r"^\s*(alt|else|opt|loop|par|and|critical|break)\b\s*(.*?)\s*$")
_BLOCK_END = re.compile(r"^\s*end\s*$")
DIAGRAM_CONDITIONS = True


def _diagram_steps(lines: list[str], names: dict[str, str] | None = None) -> list[str | None]:
    """Each line as _diagram_step reads it, a step inside a block saying its condition in brackets first: the error a
    voucher redemption returns is only in the block's label ("alt Error 458 / Payment BB-->>Source BB: Voucher number
    already used" → "* (Error 458) Payment BB → Source BB: Voucher number already used").

    >>> _diagram_steps(["alt Error 458", "  P->>S: Voucher number already used", "end", "P->>F: Debit request"])
    [None, '* (Error 458) P → S: Voucher number already used', None, '* P → F: Debit request']
    """
    out: list[str | None] = []
    labels: list[str] = []
    for ln in lines:
        opened, step = _BLOCK_OPEN.match(ln), None
        if opened and opened.group(1) in ("else", "and"):
            if labels:
                labels[-1] = _BR.sub(" ", opened.group(2))
        elif opened:
            labels.append(_BR.sub(" ", opened.group(2)))
        elif _BLOCK_END.match(ln):
            if labels:
                labels.pop()
        else:
            step = _diagram_step(ln, names)
            label = next((x for x in reversed(labels) if x), "")
            if step and label and DIAGRAM_CONDITIONS:
                step = f"* ({label}) {step[2:]}"
        out.append(step)
    return out


# "participant SS1 as IM Security Server of Requestor": the name the diagram shows for an alias its arrows use
_ALIAS = re.compile(r"^\s*(?:participant|actor)\s+(\S+)\s+as\s+\"?([^\"\n]+?)\"?\s*$", re.M)


def _diagram_step(line: str, names: dict[str, str] | None = None) -> str | None:
    r"""A sequence-diagram line as a list item: "A->>B: msg" → "* A → B: msg", "Note over A: text" → "* (A) text"; a
    participant declared with a display name ("participant SS1 as IM Security Server of Requestor") is called by it.

    >>> _diagram_step("SS1 ->> SS2 : send document over TLS", {"SS1": "IM Security Server of Requestor", "SS2": "SS2"})
    '* IM Security Server of Requestor → SS2: send document over TLS'
    >>> _diagram_step(r"Wallet -> Wallet: Generate Verifiable\nPresentation")
    '* Wallet → Wallet: Generate Verifiable Presentation'
    """
    names = names or {}
    a = _ARROW.match(line)
    if a:
        msg = _BR.sub(" ", a.group(4)).strip()
        src, dst = a.group(1).strip(), a.group(3).strip(' +-')
        return f"* {names.get(src, src)} → {names.get(dst, dst)}: {msg}" if msg else None
    note = _MERMAID_NOTE.match(line)
    if note:
        who = ", ".join(names.get(w.strip(), w.strip()) for w in note.group(1).split(","))  # "Note over IP, L: …"
        return f"* ({who}) {_BR.sub(' ', note.group(2)).strip()}"
    return None


# Page furniture, not content: "This section provides context…", template hints left in the spec, author credits.
_META = re.compile(r"^(>\s*)*(\*\*)?(Tip|Note)?:?(\*\*)?\s*(This (section|page|chapter) (provides|describes|lists|contains|gives)|"
                   r"Set the context|The description should|If there are assumptions|"
                   r"Key Digital Functionalities describe the core|Developed by\b|"
                   # a pointer whose link the text lost: "A reference use case for cross-device sharing of credentials
                   # is available here."
                   r".*\b(is|are|can be) (available|found|described|seen|viewed|accessed) here\s*\.?\s*$|"
                   # an editor's placeholder in a page template: "[Give details for how to manage data if the user changes
                   # their mind.]" (the UI/UX consent page), "[This pattern is in the backlog]"
                   r"\\?\[[A-Z][^\]]*\]\s*\.?\s*$)", re.I)


STEMMED_OVERLAP = True  # the question's words meet a unit's on their stems, as in retrieval's BM25


def overlap(toks: list[str], qtoks: set[str], idf: dict[str, float]) -> float:
    """The question's words (weighted by rarity) that tokens use, met on their stems ("evaluating the bids" in "bid
    evaluation"); a stem two question words share weighs as the rarer of them.

    >>> overlap(["bid", "evaluation"], {"evaluating", "bids"}, {"evaluating": 4.0, "bids": 3.0})
    7.0
    """
    asked: dict[str, float] = {}
    for t, st in zip(qtoks, stem_tokens(list(qtoks))):
        asked[st] = max(asked.get(st, 0.0), idf.get(t, 1.0))
    return sum(asked[st] for st in set(stem_tokens(toks)) if st in asked)


def score_unit(u: Unit, qtoks: set[str], idf: dict[str, float]) -> float:
    """How much of the question (its words, weighted by rarity) a unit uses, for its length: "Who is responsible for
    evaluating the bids?" is about "The evaluation shall be conducted by the consumer …" as much as about a list item
    "Order management (i.e. contracts, appointments, bids, service requests)".

    >>> idf = {"evaluating": 4.0, "bids": 3.0}
    >>> round(score_unit(Unit("The bid evaluation shall be conducted by the consumer.", 0, 0), {"evaluating", "bids"}, idf), 2)
    2.47
    """
    toks = tokenize(u.text)
    if not toks:
        return 0.0
    said = overlap(toks, qtoks, idf) if STEMMED_OVERLAP else sum(idf.get(t, 1.0) for t in set(toks) & qtoks)
    return said / math.sqrt(max(8, len(toks)))


def heading_title(heading: str) -> str:
    """A section heading as a title, without its number: "6.1.2 Adaptor Requirements" → "Adaptor Requirements"."""
    return re.sub(r"^[\d.]+\s*", "", strip_md(heading)).strip(" :")


def titled_for(heading_path: list[str], term: str) -> bool:
    """Whether a passage's section is titled with the term, in any of its forms ("2.2.1 One-Time Signature Approach"
    for "one-time signature approach").

    >>> titled_for(["eSignature", "2.2.1 One-Time Signature Approach"], "one-time signature approach")
    True
    >>> titled_for(["eSignature", "2.2 eSignature Lifecycle"], "one-time signature approach")
    False
    """
    return bool(heading_path) and norm_term(heading_title(heading_path[-1])) in {norm_term(f) for f in term_forms(term)}


# words a section's title may hold that say only that it is one of several ("2.2.2 SCD-based approach")
_GENERIC_TITLE = {"approach", "approaches", "way", "ways", "method", "methods", "model", "models", "mode", "modes",
                  "option", "options", "type", "types", "kind", "kinds", "based",
                  "the", "a", "an", "of", "for", "with", "and"}


def title_in_term(heading_path: list[str], term: str) -> int:
    """How many words of a passage's section title a term uses, when it uses every one of them but words that only say
    the section is one of several ("the SCD-based way of signing" for "2.2.2 SCD-based approach"); 0 otherwise.

    >>> title_in_term(["eSignature", "2.2.2 SCD-based approach"], "SCD-based way of signing")
    1
    >>> title_in_term(["eSignature", "2.2.1 One-Time Signature Approach"], "the one-time signature")
    3
    >>> title_in_term(["eSignature", "2.2 eSignature Lifecycle"], "the one-time signature")
    0
    >>> title_in_term(["eSignature", "2.2.2 SCD-based approach"], "signing with a signature creation device (SCD)")
    1
    """
    if not heading_path:
        return 0
    title = set(stem_tokens([t for t in tokenize(heading_title(heading_path[-1])) if t not in _GENERIC_TITLE]))
    return len(title) if title and title <= set(stem_tokens(tokenize(term))) else 0


def clip(text: str, n: int = 320) -> str:
    """Shorten a long unit at a word boundary so answers quote, not copy."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
