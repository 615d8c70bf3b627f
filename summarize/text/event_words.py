"""Families of news words for one happening: "died", "killed", "dead" and "perished" all report deaths;
"injured", "hurt" and "wounded" injuries. A curated table, not a model's similarity: one word's embedding
places opposites close ("survived" and "died", 0.69 on the static model) and true synonyms apart
("perished" and "killed", 0.52). Read by the focus questions (`summarize.sections.related_words`) and
by the figures' context (`summarize.citations.figure_whose`), each through the words' stems."""

from __future__ import annotations

from .bigrams import content_tokens

# Family name -> its words. A word belongs to one family; a word with other everyday senses ("held",
# "fire", "toll") belongs to none.
FAMILIES: dict[str, tuple[str, ...]] = {
    "kill": ("die", "died", "dead", "killed", "perished", "death", "deaths", "victims", "fatalities"),
    "injur": ("injured", "injuries", "hurt", "wounded", "wounds"),
    "arrest": ("arrested", "detained", "custody"),
    "evacu": ("evacuated", "evacuation", "fled", "flee", "displaced"),
}


def _stems(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(stem for word in words for stem in content_tokens(word))


# Stem of a family's word -> the stems of its whole family (itself included).
FAMILY_STEMS: dict[str, frozenset[str]] = {stem: family for family in map(_stems, FAMILIES.values()) for stem in family}
# Stem of a family's word -> the family's name ("perish" -> "kill").
FAMILY_OF: dict[str, str] = {stem: name for name, words in FAMILIES.items() for stem in _stems(words)}
