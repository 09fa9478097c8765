"""Which language a question or a service description is written in, when it is clearly not English.

The search, the cue lexicon and the embedding model (all-MiniLM-L6-v2) read English only. Asked in French ("Qu'est-ce
que le bloc de construction Identité ?"), the chat used to answer that the specification does not cover the Identity
building block, and the advisor that the text is not a service description. Both now say that they read English, and
in which language the text looks written.

English text is recognised without a model: most English sentences have many of its function words ("what", "the",
"do", "for": 35 % of the words or more in two thirds of the gold texts). Only a text with fewer is passed to py3langid
(a bundled n-gram model, loaded on first use or by a server's warm-up), and it must be fairly sure (probability 0.6):
acronyms, product names and short keyword queries ("IM vs X-Road", "MOSIP", "OpenIMIS") stay English. On the 4,233
English questions and descriptions of the gold sets it never gives another language 0.6 or more
(`tests/test_language.py` checks that none is refused).
"""

from __future__ import annotations

import re
import threading
import unicodedata

# English function words: a text with enough of them is English whatever else it holds
_ENGLISH = frozenset("""
a an the of to in on at for from by with about into over under between and or but not no nor if then than so as
is are was were be been being am do does did done have has had can could should would will shall must may might
what which who whom whose when where why how this that these those there here it its they them their we our us you
your i me my he she his her one all any each every some more most other such only also just very please
""".split())
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
ENGLISH_SHARE = 0.35  # at least this share of function words: English, no model asked
MIN_CONFIDENCE = 0.6  # the model's normalised probability for another language, below which the text stays English
MIN_LETTERS = 12  # shorter input is too little to tell ("hola", "merci") and is left to the other checks

# ISO 639 codes the model returns → names a user reads; anything else is "another language"
NAMES = {
    "fr": "French", "es": "Spanish", "pt": "Portuguese", "de": "German", "it": "Italian", "nl": "Dutch",
    "sw": "Swahili", "ar": "Arabic", "arz": "Arabic", "ary": "Arabic", "ru": "Russian", "uk": "Ukrainian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "am": "Amharic", "so": "Somali", "ti": "Tigrinya",
    "tr": "Turkish", "fa": "Persian", "hi": "Hindi", "bn": "Bengali", "ur": "Urdu", "id": "Indonesian",
    "ms": "Malay", "vi": "Vietnamese", "th": "Thai", "pl": "Polish", "ro": "Romanian", "rw": "Kinyarwanda",
    "ha": "Hausa", "yo": "Yoruba", "ig": "Igbo", "mg": "Malagasy", "ne": "Nepali", "tl": "Tagalog", "km": "Khmer",
    "lo": "Lao", "my": "Burmese", "ka": "Georgian", "hy": "Armenian", "el": "Greek", "he": "Hebrew", "la": "Latin",
}

_model = None
_lock = threading.Lock()


def _identifier():
    """The py3langid model with normalised probabilities, loaded once (about 1 s), or None when not installed."""
    global _model
    with _lock:
        if _model is None:
            try:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier
            except ImportError:  # an install without it: every text is read as English, as before
                _model = False
            else:
                _model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _model or None


def warm_language_model() -> None:
    """Load the model now (for a server's start-up thread)."""
    _identifier()


def _non_latin_script(text: str) -> bool:
    """A good part of the letters are outside the Latin script (Arabic, Cyrillic, Chinese, Ethiopic …): at least
    three different ones, and a quarter of all letters (a Latin product name does not make "Что такое GovStack?"
    English).

    >>> _non_latin_script("Что такое GovStack?"), _non_latin_script("µ µ µ"), _non_latin_script("What is µ?")
    (True, False, False)
    """
    if text.isascii():
        return False
    letters = [c for c in text if c.isalpha()]
    other = [c for c in letters if "LATIN" not in unicodedata.name(c, "LATIN")]
    # (three different letters at least: "µ µ µ", a symbol typed thrice, is no script)
    return len(set(other)) >= 3 and len(other) >= len(letters) / 4


def english_share(text: str) -> float:
    """Share of the words that are English function words.

    >>> round(english_share("What does the Identity building block do?"), 2)
    0.57
    >>> english_share("Qu'est-ce que le bloc de construction Identité ?")
    0.0
    """
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    return sum(1 for w in words if w in _ENGLISH) / len(words) if words else 0.0


def foreign_language(text: str) -> str | None:
    """The name of the language `text` is written in when it is clearly not English ("French", or "another
    language" when the model does not know its name), else None.

    >>> foreign_language("What does the Identity building block do?") is None
    True
    >>> foreign_language("IM vs X-Road") is None  # a keyword query: too few words to be sure of anything
    True
    """
    text = str(text or "")
    non_latin = _non_latin_script(text)
    if not non_latin and sum(1 for c in text if c.isalpha()) < MIN_LETTERS:
        return None
    if not non_latin and english_share(text) >= ENGLISH_SHARE:
        return None
    model = _identifier()
    if model is None:
        return None
    lang, prob = model.classify(text)
    if lang in ("en", "zxx"):  # ("zxx": no language at all, such as "qwrtz xkcd": left to the other checks)
        return None
    if prob >= MIN_CONFIDENCE or non_latin:
        return NAMES.get(lang, "another language")
    return None


def english_only_message(language: str, what: str) -> str:
    """What to tell a user who wrote in `language`; `what` is "question" or "description".

    >>> english_only_message("French", "question")[:60]
    'This looks like French. The assistant reads English only (th'
    """
    example = ("“What does the Identity building block do?”" if what == "question" else
               "“Farmers register with their national ID, receive SMS advice and are paid subsidies by mobile money.”")
    said = "This does not look like English" if language == "another language" else f"This looks like {language}"
    return (f"{said}. The assistant reads English only (the GovStack specification and its search "
            f"are in English), so please write your {what} in English, for example {example}")
