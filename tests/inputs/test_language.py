"""The language check on texts too short for a share of English function words (under MIN_WORDS):
read for another language's function words, never for the names English news borrows from them."""

from __future__ import annotations

import pytest

from summarize.inputs.documents import read_documents
from summarize.inputs.language import MIN_WORDS, not_english_reason
from summarize.records import SummarizeError


@pytest.mark.parametrize(
    "text, reason",
    [
        (
            "Die NATO hat acht Mitglieder der russischen Mission ausgewiesen. Moskau kritisierte die Entscheidung "
            "scharf.",
            r"\(3 of its 14 words are common in another language: der, die; 0 are common English words\)",
        ),
        (
            "Der Hund läuft schnell. Die Katze schläft im Haus.",  # only capitalised, opening each sentence
            r"\(2 of its 9 words are common in another language: der, die; 0 are common English words\)",
        ),
        ("Die Regierung ist zurückgetreten.", "common in another language: ist, die; 0 are common English words"),
        # The cost, in the README: two sentences opened by such names, with too little English around them.
        ("Le Monde reported it. La Repubblica agreed.", "common in another language: le, la; 1 are common English"),
        (
            "L'OTAN a expulsé huit membres de la mission russe. Moscou a vivement critiqué cette décision.",
            "common in another language: de, la, cette; 2 are common English words",
        ),
        (
            "De NAVO heeft acht leden van de Russische missie uitgezet. Moskou bekritiseerde het besluit.",
            "common in another language: de, het; 0 are common English words",
        ),
    ],
)
def test_two_short_sentences_in_another_language_are_refused_by_name(tmp_path, text, reason):
    assert len(text.split()) < MIN_WORDS
    path = tmp_path / "short.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SummarizeError, match=reason) as caught:
        read_documents([path])
    assert str(caught.value).startswith(f"{path}: the text is not English")


@pytest.mark.parametrize(
    "text",
    [
        "Ursula von der Leyen spoke.",
        "Los Angeles: El Niño hits La Paz and Las Vegas.",
        "Le Monde and Die Zeit said the talks in Den Haag had failed.",
        "La Paz is the capital of Bolivia, officials said.",
        "Die-hard fans waited. Los Angeles won the game on Sunday.",
        "NATO expels eight Russian diplomats",
        "Storm update. Ouragan, tempête!",
    ],
)
def test_short_english_with_borrowed_names_passes(text):
    assert not_english_reason(text) is None


@pytest.mark.parametrize(
    "text, reason",
    [
        ("O governo caiu.", 'a sentence opens "O governo", an article of another language before a noun'),
        ("El gobierno cayó.", 'a sentence opens "El gobierno", an article'),
        ("Il governo è caduto.", "common in another language: è, il; 0 are common English words"),
        ("La policía detuvo a dos hombres.", "common in another language: dos, la; 1 are common English words"),
        ("O governo caiu ontem. A oposição venceu.", 'opens "O governo"'),
    ],
)
def test_a_short_romance_sentence_is_refused(text, reason):
    assert reason in (not_english_reason(text) or "")


@pytest.mark.parametrize(
    "text",
    ["El Niño strengthened.", "Los Angeles police said.", "O'Brien won.", "La Niña returns.", "Le Pen lost the vote."],
)
def test_a_romance_article_before_a_name_is_no_other_language(text):
    assert not_english_reason(text) is None
