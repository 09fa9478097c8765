"""Typo repair for questions, before they are analysed and searched.

A lower-case word of five letters or more that neither the corpus nor the embedding model's vocabulary knows
("accesibility", "diffrence", "langauges") is read as the corpus word one edit away (a swap of two neighbouring
letters counts as one edit) that starts with the same letter, the most frequent if several do. Left alone: names
and acronyms (any capital letter), words the model knows though the spec never uses them ("trucks" is not
"tracks"), and forms of the same word, which the stemmed search already matches ("patchy" is not "patch").

Nor are the forms of a word either knows ("cloned", "cloning" of "clone": "I cloned the repo" is not "closed").

On the 864 dev questions it changes 11 words in 11 questions, every one a typo or a British spelling the spec writes
the American way ("licences" → "licenses"); before forms were recognised, "cloned" was the one wrong repair.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from assistant.retrieve import _stem  # the search's own stemmer: one notion of "the same word"

MIN_LEN = 5  # shorter words have too many neighbours one edit away
MIN_DF = 2  # a correction must be a word at least this many passages use
_WORD = re.compile(r"[A-Za-z]{3,}")
_LOWER = re.compile(r"(?<![\w'’-])[a-z]{%d,}(?![\w'’-])" % MIN_LEN)


class Speller:
    def __init__(self, texts: Iterable[str], known_words: Iterable[str] = ()):
        df: Counter[str] = Counter()
        for t in texts:
            df.update({w.lower() for w in _WORD.findall(t)})
        self.df = df
        self.known = set(known_words)
        self.candidates = [w for w, n in df.items() if n >= MIN_DF and len(w) >= MIN_LEN]

    def fix(self, word: str) -> str | None:
        """The corpus word a typo stands for, or None.

        >>> s = Speller(["accessibility of services", "the accessibility guidelines", "patch management", "patch it",
        ...              "register", "register online", "registry", "the registry", "a registry"])
        >>> s.fix("accesibility"), s.fix("patchy"), s.fix("accessibility"), s.fix("zzzzzz"), s.fix("registre")
        ('accessibility', None, None, None, 'register')
        """
        if len(word) < MIN_LEN or word in self.df or word in self.known or self._inflects(word):
            return None
        found = process.extract(word, self.candidates, scorer=OSA.distance, score_cutoff=1, limit=8)
        ok = [(c, d) for c, d, _ in found if c[0] == word[0] and not (c.startswith(word) or word.startswith(c))
              and _stem(c) != _stem(word)]
        # of words as near, one with the same letters first (two keys swapped is the commonest slip: "registre" is
        # "register", not "registry"), then the most used
        return min(ok, key=lambda p: (p[1], sorted(p[0]) != sorted(word), -self.df[p[0]], p[0]))[0] if ok else None

    def _inflects(self, word: str) -> bool:
        """Whether the word is a form of a word the corpus or the model knows ("cloned", "cloning": "clone"), which is
        no typo though neither knows the form itself ("cloned" is not "closed").

        A plural or third-person -s is one too ("complains", "strays", "storeys" of words either knows are not
        "complaints", "stays", "stores"), and so is the plural of an -er noun ("leavers": "leave").

        >>> s = Speller(["a clone of the repository", "plan the release", "they complain", "leave the office"])
        >>> s._inflects("cloned"), s._inflects("cloning"), s._inflects("planned"), s._inflects("clsoed")
        (True, True, True, False)
        >>> s._inflects("complains"), s._inflects("leavers"), s._inflects("releases"), s._inflects("relaeses")
        (True, True, True, False)
        """
        bases = set()
        for end, add in (("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y"), ("er", ""),
                         ("er", "e"), ("s", ""), ("es", ""), ("ers", ""), ("ers", "e")):
            if word.endswith(end):
                base = word[: -len(end)] + add
                bases |= {base, base[:-1]} if len(base) > 2 and base[-1] == base[-2] else {base}  # "planned": "plan"
        return any(len(b) >= 4 and (b in self.df or b in self.known) for b in bases)

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The text with its typos repaired, and the (typed, read as) pairs.

        >>> Speller(["the difference between them", "a difference"]).correct("whats the diffrence? Diffrence")
        ('whats the difference? Diffrence', [('diffrence', 'difference')])
        """
        fixes: list[tuple[str, str]] = []

        def repl(m: re.Match) -> str:
            to = self.fix(m.group(0))
            if to is None:
                return m.group(0)
            if (m.group(0), to) not in fixes:
                fixes.append((m.group(0), to))
            return to

        return _LOWER.sub(repl, text), fixes


def model_words(model_path: str | Path | None) -> set[str]:
    """The whole words of a WordPiece model's vocabulary (vocab.txt beside the model), lower-case; empty without one."""
    try:
        p = Path(str(model_path)) / "vocab.txt"
        return {w for w in (ln.strip() for ln in p.read_text(encoding="utf-8").splitlines()) if w.isalpha()}
    except (OSError, TypeError, ValueError):
        return set()


def spelled_note(spelled) -> str:
    """“Read “registraton” as “registration”.” for the typos a description was read with ("" for none).

    >>> spelled_note([("paymnet", "payment")]), spelled_note([])
    ('Read “paymnet” as “payment”.', '')
    """
    return ("Read " + ", ".join(f"“{a}” as “{b}”" for a, b in spelled) + ".") if spelled else ""
