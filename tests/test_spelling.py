"""Typo repair: typos are read as the corpus word they stand for; names, real words and word forms are left alone."""
from assistant.spelling import Speller, model_words

CORPUS = ["The accessibility guidelines (WCAG) apply to every service.", "accessibility testing",
          "What is the difference between registration and registries?", "the difference", "supported languages",
          "languages and translations", "tracks and routes", "tracks", "patch management", "patch releases"]


def test_typos_are_read_as_the_corpus_word_one_edit_away():
    s = Speller(CORPUS, known_words={"trucks"})
    text, fixes = s.correct("which accesibility standard? whats the diffrence? what langauges are supported?")
    assert text == "which accessibility standard? whats the difference? what languages are supported?"
    assert fixes == [("accesibility", "accessibility"), ("diffrence", "difference"), ("langauges", "languages")]


def test_names_real_words_and_word_forms_are_left_alone():
    s = Speller(CORPUS, known_words={"trucks"})
    for q in ("Do trucks need tracking?", "Does Accesibility apply?", "is the network patchy?", "ACCESIBILITY?"):
        assert s.correct(q) == (q, []), q


def test_model_words_reads_a_wordpiece_vocabulary(tmp_path):
    (tmp_path / "vocab.txt").write_text("[PAD]\n##ing\ntrucks\nhello\n", encoding="utf-8")
    assert model_words(tmp_path) == {"trucks", "hello"}
    assert model_words(tmp_path / "missing") == set() and model_words(None) == set()
