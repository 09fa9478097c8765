"""assistant/language.py: a question or description in another language is told to use English; no English one is."""

import glob
import json
from pathlib import Path

import pytest

from assistant.language import english_only_message, foreign_language

GOLD = Path(__file__).resolve().parents[1] / "evals" / "gold"


def _gold_texts() -> list[str]:
    out = []
    for f in sorted(glob.glob(str(GOLD / "*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            item = json.loads(line)
            out += [item[k] for k in ("question", "description", "text") if isinstance(item.get(k), str)]
    return out


def test_no_english_gold_text_is_read_as_another_language():
    texts = _gold_texts()
    assert len(texts) > 4000
    foreign = [(lang, t) for t in texts if (lang := foreign_language(t))]
    assert foreign == []


@pytest.mark.parametrize("text", [
    "IM vs X-Road", "MOSIP", "OpenIMIS", "eSignet MOSIP OpenCRVS DHIS2", "KYC OTP eKYC", "hello", "Bonjour",
    "farmers register, get SMS, get paid", "What does ‘ምንድን’ mean in the Amharic UI?", "What is the Identity BB (身份)?",
    "Café payments — what is the résumé field?", "", None])
def test_keywords_names_and_english_with_a_foreign_word_stay_english(text):
    assert foreign_language(text) is None


@pytest.mark.parametrize("text, language", [
    ("Qu'est-ce que le bloc de construction Identité?", "French"),
    ("¿Cómo funciona el pago de subsidios?", "Spanish"),
    ("O que é o bloco de construção de pagamentos e como ele funciona?", "Portuguese"),
    ("Wie funktioniert der Zahlungsbaustein?", "German"),
    ("Wakulima wanajiandikisha mtandaoni na kupokea ushauri kwa SMS", "Swahili"),
    ("Что такое GovStack?", "Russian"),
    ("ما هو GovStack؟", "Arabic"),
    ("GovStack ምንድን ነው?", "Amharic"),
])
def test_other_languages_are_named(text, language):
    assert foreign_language(text) == language


def test_the_message_names_the_language_and_gives_an_english_example():
    msg = english_only_message("French", "question")
    assert msg.startswith("This looks like French.") and "English" in msg and "“What does" in msg
    assert english_only_message("another language", "description").startswith("This does not look like English.")
