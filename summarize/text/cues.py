"""The surface cues news text gives about a sentence, in one place: quotation marks, the verbs that
attribute speech, and the opening words that lean on the sentence before.

Every stage that asks "is this quoted?", "does it say who said it?" or "does it lean on its
context?" reads these, so a sentence counts as attributed (or leaning) in all stages or in none.
"""

from __future__ import annotations

import re

from ..records import Sentence

# Quotation marks. A sentence opening with one of these opens a quotation (a closing single mark
# or apostrophe, "’90s", does not).
OPENING_QUOTES = "\"“‘'"
DOUBLE_QUOTES = re.compile(r"[\"“”]")


def quotation_marks(text: str) -> list[re.Match[str]]:
    """The double quotation marks of a text, less the inch marks of a measurement ('the 6'8" center',
    '12" of snow'): a straight mark right after a digit, where no quotation is open, opens none."""
    marks = []
    inside = False
    for mark in DOUBLE_QUOTES.finditer(text):
        if mark.group() == '"' and not inside and mark.start() > 0 and text[mark.start() - 1].isdigit():
            continue
        marks.append(mark)
        inside = not inside if mark.group() == '"' else mark.group() == "“"
    return marks


# Verbs (and phrases) that attribute a statement to someone: "Stoltenberg said", "..., he warned",
# "according to the Kremlin". One list for every stage: speaker detection, the self-containment of
# a quotation, the kind of sentence a "what did they say" question asks for.
SPEECH_VERBS = (
    "said says say saying told tells added adds stated states accused accuses complained complains "
    "warned warns claimed claims dismissed dismisses reiterated reiterates insisted insists argued argues "
    "denied denies urged urges wrote writes regretted regrets regret slammed slams criticized criticised "
    "criticizes criticises condemned condemns praised praises welcomed welcomes defended defends "
    "responded responds replied replies described describes cited cites noted notes explained explains "
    "confirmed confirms asked asks declared declares reported reports called calls"
).split()
# For a speaker pattern ("Name <verb>"), case-sensitive like the name before it. "X quoted Y" makes
# Y the speaker, not X: only "was quoted" names its subject's words.
SPEECH_VERB = "(?:" + "|".join(SPEECH_VERBS) + r"|(?:was|were)\s+quoted)"
ATTRIBUTION = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS) + r"|quoted|according(?:\s+to)?)\b", re.IGNORECASE)

# Opening words that lean on the sentence before, in three widening circles:
# a personal pronoun names a speaker given before ("He said"); a referring word names what the
# sentence is about ("This", "It"); a connective or possessive needs the sentence before to be read
# at all ("But", "Their"). Each stage asks the question it needs answered.
SPEAKER_PRONOUNS = ("he", "she", "they", "we", "i")
REFERRING_WORDS = (*SPEAKER_PRONOUNS, "it", "this", "that", "these", "those")
DANGLING_WORDS = REFERRING_WORDS + tuple(
    "his her its their our us but and or so also however meanwhile still yet instead then there here such".split()
)


def _start(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(words) + r")\b", re.IGNORECASE)


_SPEAKER_PRONOUN_START = _start(SPEAKER_PRONOUNS)
_REFERRING_START = _start(REFERRING_WORDS)
_DANGLING_START = _start(DANGLING_WORDS)


def starts_with_speaker_pronoun(text: str) -> bool:
    """ "He said ...": the speaker is named in a sentence nearby."""
    return bool(_SPEAKER_PRONOUN_START.match(text))


def starts_referring(text: str) -> bool:
    """ "This ...", "They ...": what the sentence is about is named in the sentence before."""
    return bool(_REFERRING_START.match(text))


def starts_dangling(text: str) -> bool:
    """ "But ...", "Their ...": the sentence cannot be read without the one before."""
    return bool(_DANGLING_START.match(text))


def is_attributed(text: str) -> bool:
    """Whether the text has a verb or phrase that attributes speech."""
    return bool(ATTRIBUTION.search(text))


def opens_inside_quote(document_text: str, sentence: Sentence) -> bool:
    """Whether the sentence continues a quotation opened earlier in its paragraph."""
    paragraph_start = document_text.rfind("\n", 0, sentence.start) + 1
    before = document_text[paragraph_start : sentence.start]
    if "“" in before or "”" in before:
        return before.count("“") > before.count("”")
    return len(quotation_marks(before)) % 2 == 1


def unattributed_quotation(text: str) -> bool:
    """Whether the sentence is one quotation, whole, with no word outside it ("“We told everyone this
    levee would fail.”" after "“...,” Okafor said."): who says it is in a sentence around it (a speech
    verb inside the quotation, "We told everyone", names no speaker)."""
    text = text.strip()
    return len(text) > 1 and text[0] in '"“' and text[-1] in '"”' and len(quotation_marks(text)) == 2


def asks_a_question(text: str) -> bool:
    """Whether the sentence is the writer's own question ("How do you clear your name?"): it tells the
    reader nothing. A quoted question is someone's words ('"Why now?" he asked.')."""
    return outside_quotes(text).rstrip(" )]").endswith("?")


def has_half_quote(text: str) -> bool:
    """An odd number of double quotation marks: half of a quotation that spans sentences."""
    return len(quotation_marks(text)) % 2 == 1


def leaves_a_quotation_open(sentence: Sentence, document_text: str) -> bool:
    """Whether the sentence opens a quotation it does not close ('Gates wrote: "This is good news.'):
    the quotation goes on in the sentences after it. One that continues a quotation opened before it is
    `opens_inside_quote`'s."""
    if opens_inside_quote(document_text, sentence):
        return False
    inside = False
    for mark in quotation_marks(sentence.text):
        inside = not inside if mark.group() == '"' else mark.group() == "“"
    return inside


def in_quotation(sentence: Sentence, document_text: str) -> bool:
    """Whether the sentence is (part of) a quotation: it opens with a quotation mark, continues one
    opened before it in its paragraph, or closes one opened in an earlier paragraph."""
    first = next((c for c in sentence.text if c in "“”"), None)
    return sentence.text[0] in OPENING_QUOTES or first == "”" or opens_inside_quote(document_text, sentence)


def outside_quotes(text: str) -> str:
    """The text with quoted words blanked out: a name inside a quotation is not its speaker. Every
    quotation mark and every character inside a quotation becomes one space (the text keeps its length)."""
    marks = quotation_marks(text)
    if not marks:
        return text
    inside = marks[0].group() == "”"  # the sentence continues a quotation opened before it
    kept = []
    position = 0
    for mark in marks:  # a run between two marks is kept or blanked whole: far fewer steps than characters
        run = text[position : mark.start()]
        kept += [" " * len(run) if inside else run, " "]
        inside = not inside if mark.group() == '"' else mark.group() == "“"
        position = mark.end()
    rest = text[position:]
    kept.append(" " * len(rest) if inside else rest)
    return "".join(kept)
