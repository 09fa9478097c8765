"""A cheap test that a regular expression cannot match a text, so the advisor and the search skip most of their
hundreds of cue patterns per sentence.

Python's `re` tries every position of the text for every pattern; a sentence of 150 characters costs ~15 µs a pattern,
and the cue lexicon and the phrasal rewrites are ~530 patterns, read for each of the 60–190 needs of a long use case.
Most patterns need a literal word somewhere (`\\b(jump|skip)s? the queue` cannot match a text without "the queue"), and
`str.__contains__` finds one in a fraction of a microsecond. `needles(pattern)` reads the pattern's parse tree for
such a set of strings, one of which every match contains; `may_match(pattern, folded)` is False only when the
text has none of them. It never rules out a text the pattern matches: a pattern it cannot read has no needles and
is always run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # the parser `re` itself uses (Python ≥ 3.11), else its older public name
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

_ZERO_WIDTH = {_C.AT}  # \b, ^, $: they match no character, so a run of literals goes on across them
_REPEATS = {op for op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)) if op is not None}


def _most_selective(options: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """Of several sets any of which would do, the one whose shortest string is longest (fewest false alarms)."""
    known = [o for o in options if o]
    return max(known, key=lambda s: (min(map(len, s)), -len(s))) if known else None


def _required(seq) -> frozenset[str] | None:
    """A set of (case-folded) strings one of which every match of the parsed pattern `seq` contains, or None."""
    options: list[frozenset[str] | None] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        if op is _C.LITERAL and av < 128:  # (an ASCII letter: `fold` gives every character `re` takes for it)
            run.append(chr(av).casefold())
            continue
        if op in _ZERO_WIDTH:
            continue
        end_run()
        if op is _C.SUBPATTERN:
            options.append(_required(av[-1]))
        elif op is _C.BRANCH:
            alternatives = [_required(b) for b in av[1]]
            options.append(None if any(a is None for a in alternatives) else frozenset().union(*alternatives))
        elif op in _REPEATS and av[0] >= 1:  # a part repeated at least once is required once
            options.append(_required(av[2]))
        # anything else (a class, a look-around, an optional part, a backreference) requires no known string
    end_run()
    return _most_selective(options)


_NEEDLES: dict[re.Pattern, frozenset[str] | None] = {}  # per pattern, filled on first use (threads may race: same value)


def needles(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings, case-folded, one of which occurs in every text `pattern` matches (None: no such set is known).

    >>> sorted(needles(re.compile(r"\\b(jump|skip)s? (the |a )?(queue|line)\\b", re.I)))
    ['jump', 'skip']
    >>> sorted(needles(re.compile(r"\\bpay(ment)?s? at (the )?counter", re.I)))
    ['counter']
    >>> needles(re.compile(r"\\w+@\\w+")) is None
    False
    >>> needles(re.compile(r"[a-z]+\\d?")) is None
    True
    """
    if pattern not in _NEEDLES:
        try:
            _NEEDLES[pattern] = _required(_P.parse(pattern.pattern, pattern.flags))
        except Exception:  # a pattern the parser version cannot read is simply always run
            _NEEDLES[pattern] = None
    return _NEEDLES[pattern]


def fold(text: str) -> str:
    """The text as `may_match` compares it: case-folded, as the needles are, and with the two letters `re` takes for
    an ASCII letter under IGNORECASE that casefold does not make one ("İ" and "ı" for "i").

    >>> fold("İstanbul Kİosk ıd")
    'istanbul kiosk id'
    """
    folded = text.casefold()
    return folded if folded.isascii() else folded.replace("i\u0307", "i").replace("ı", "i")


def may_match(pattern: re.Pattern, folded: str) -> bool:
    """False only if `pattern` cannot match the text whose `fold` is `folded`.

    >>> p = re.compile(r"\\bsubsid(y|ies)\\b", re.I)
    >>> may_match(p, fold("Farmers get SUBSIDIES")), may_match(p, fold("farmers get vouchers"))
    (True, False)
    """
    n = _NEEDLES.get(pattern, False)
    if n is False:
        n = needles(pattern)
    return n is None or any(s in folded for s in n)
