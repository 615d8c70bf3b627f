"""What a sentence needs before it in a brief, so that none points back to something the brief has not said
(the reader rules; what gives a sentence that support and the order a reader takes the brief in:
summarize.selection.support; the chosen sentences that report one fact: summarize.selection.same_fact).

A sentence *leans* on the one before it in its article when its subject or reference is there: it opens
with a pronoun or a demonstrative ("He said ...", "This ...", "Their ..."), gives its words to a bare
pronoun ("“These actions ...,” he said"), continues a quotation opened before it, or is a whole
quotation that names no speaker ("“We told everyone this levee would fail.”" after "“...,” Okafor
said."). Such a sentence may enter a brief only right after the sentence it leans on. A sentence that
opens with a demonstrative noun ("This decision ...") or with a definite noun and names nothing else
("The expulsion was the second of its sort in recent years") points back more loosely: it needs a brief
sentence before it that mentions that noun (or the one before it in its article). Two more point back
strictly: a sentence that opens with an event noun and no complement ("The Kremlin’s response on
Thursday came ...": the response the article has just told) needs the sentence before it in its article
(so does one whose event noun a name owns: "Moscow’s response ..."); one whose speaker is definite and
unnamed ("..., the NATO official told the AP": introduced earlier) needs the previous sentence, and only
when that sentence mentions the speaker's role. So does one that opens with a connective ("In fact,
these prospects ...", "But ...", "As a result, ..."): it says how it follows from the sentence before
it. A sentence that names its speaker by surname only ("Peskov said"; the articles call him "Dmitry
Peskov") points back loosely too: it needs a brief sentence before it that gives the speaker's given
name, which introduces them. A sentence that gives what a loose lean needs must itself stand alone: one
that leans on something the brief may not say introduces nothing. A sentence that opens a quotation it
does not close ('Gates wrote: "This is good news.') never enters a brief: the rest of the quotation is
in the sentences after it.

`stands_in_section` says which of these a section of a sectioned brief (whose order is its own) admits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Analysis, Sentence
from ..text.bigrams import STOP_WORDS, content_tokens, sentence_tokens
from ..text.cues import (
    OPENING_QUOTES,
    SPEECH_VERB,
    leaves_a_quotation_open,
    opens_inside_quote,
    outside_quotes,
    starts_with_speaker_pronoun,
    unattributed_quotation,
)
from ..text.speakers import attributed, people_named_in_full, speaker_names, unintroduced_name, unintroduced_subject
from .features import self_containment

_POINTING_START = re.compile(r"^(?:he|she|they|it|his|her|their|its|this|these|those|that|such)\b", re.IGNORECASE)
_PRONOUN_SPEAKER = re.compile(
    rf"\b(?:he|she|they)\s+(?:also\s+)?{SPEECH_VERB}\b|\b(?:said|says|added)\s+(?:he|she|they)\b", re.IGNORECASE
)
_DEFINITE_START = re.compile(r"^the\s+(?P<noun>[a-z][\w-]*)", re.IGNORECASE)
# "This decision ...", "These actions ...": a demonstrative before a noun points back like "the decision";
# before a verb ("This is", "That's because") it stands for what was said before.
_DEMONSTRATIVE_NOUN = re.compile(r"^(?:this|that|these|those|such)\s+(?P<noun>[a-z][\w-]*)", re.IGNORECASE)
_NOT_NOUNS = frozenset(
    (
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "do",
        "does",
        "did",
        "not",
        "also",
        "means",
        "meant",
        "comes",
        "came",
        "made",
        "makes",
        "led",
        "leads",
        "shows",
        "showed",
        "marks",
        "marked",
        "follows",
        "followed",
    )
)
_NAMED = re.compile(r"\s[A-Z]|\d")
# "The Kremlin’s response on Thursday came ...", "The decision was ...": an event noun with no complement
# ("The decision to expel ..." says which) stands for the event the article has just told.
_EVENT_NOUNS = (
    "response|reaction|decision|move|announcement|comments|remarks|statement|warning|retaliation|"
    "countermeasures?|step|measures?|accusations?|criticism|threat"
)
# Its owner is "the ...", or a name in the possessive ("Moscow’s response ...", "Russian President
# Vladimir Putin's reaction ..."), not a preposition before one ("After Moscow’s response, ...").
_EVENT_START = re.compile(
    rf"^(?:the\s+(?:[A-Z][\w.’'-]*\s+)*?(?:[A-Z][\w.-]*['’]s\s+)?"
    r"|(?!(?:after|before|despite|since|with|without|in|on|at|for|by|as|until|following|amid|over|under|upon)\b)"
    r"(?:(?-i:[A-Z])[\w.-]*\s+){0,4}(?-i:[A-Z])[\w.-]*['’]s\s+)"
    rf"(?:{_EVENT_NOUNS})\b"
    r"(?!\s+(?:to|that|of|by|for|over|against|in|from|which|who)\b)",
    re.IGNORECASE,
)
# "In fact, these prospects ...", "As a result, the airport ...", "But the move ...": a connective that
# opens a sentence says how it follows from the one before, which the reader needs right before it (read
# after another, "As a result, ..." claims a cause that sentence does not give). Not those that add news
# of their own: "Also,", "In addition,", "Moreover,", "Meanwhile,", "At the same time,".
_CONNECTIVE = re.compile(
    r"^(?:(?:in\s+fact|however|indeed|instead|still|nevertheless|nonetheless|"
    r"in\s+turn|in\s+response|as\s+a\s+result|even\s+so|"
    r"by\s+contrast|in\s+contrast|on\s+the\s+other\s+hand|for\s+(?:his|her|their|its)\s+part|then|thus)\s*,\s*"
    r"|(?:but|and|yet|so|then)(?:\s*,)?\s+(?!far\b|much\b|many\b))",
    re.IGNORECASE,
)
# "Finally, ..." is the last of the steps the sentences before it list ("First, ...", "Second, ...") and
# leans on them; with no such list it is news's "at last" ("Finally, after 12 years of delays, the
# bridge opened"), which stands alone.
_LAST_STEP = re.compile(r"^(?:finally|lastly)\s*,\s*(?!after\b|at\s+last\b)", re.IGNORECASE)
_EARLIER_STEP = re.compile(r"^(?:first|firstly|second|secondly|third|thirdly|next)\s*,", re.IGNORECASE)
# "..., the NATO official told the Associated Press": a speaker the article introduced before, unnamed here.
_ROLES = "officials?|spokes(?:man|woman|person)|sources?|diplomats?|aides?|minister|officers?|envoy|analyst"
_UNNAMED_SPEAKER = re.compile(
    rf"\b[Tt]he\s+(?:(?:[A-Z][\w.-]*|senior|top|former|same|other)\s+)*(?P<role>{_ROLES})\s+(?:also\s+)?{SPEECH_VERB}\b"
    rf"|\b(?:said|says|added|told)\s+the\s+(?:(?:[A-Z][\w.-]*|senior|top|former|same|other)\s+)*(?P<after>{_ROLES})\b",
)


@dataclass(frozen=True)
class Leaning:
    """What one sentence needs before it in a brief. `previous`: the sentence before it in its
    article, which must come right before it (None: it stands alone). `noun`: for a sentence that opens
    with a definite noun and names nothing else, that noun's stem, which an earlier brief sentence
    (or `previous`, anywhere before it) must mention; for one that names its speaker by surname only,
    the stem of the speaker's given name (`introduction_needed`)."""

    previous: int | None = None
    noun: str | None = None

    @property
    def strict(self) -> bool:
        return self.previous is not None and self.noun is None


STANDS_ALONE = Leaning()


def opens_with_connective(text: str) -> bool:
    """Whether the sentence (inside a quotation too) opens with a connective: "In fact, ...", "But ..."."""
    return _CONNECTIVE.match(text.lstrip(OPENING_QUOTES)) is not None


def closes_a_list(analysis: Analysis, index: int) -> bool:
    """Whether the sentence opens with "Finally,"/"Lastly," after sentences of its article that open
    with the steps before it ("First,", "Second,", "Next,")."""
    sentence = analysis.sentences[index]
    if not _LAST_STEP.match(sentence.text.lstrip(OPENING_QUOTES)):
        return False
    return any(
        earlier.document == sentence.document and _EARLIER_STEP.match(earlier.text.lstrip(OPENING_QUOTES))
        for earlier in analysis.sentences[:index]
    )


def points_back(sentence: Sentence, document_text: str) -> bool:
    """Whether the sentence's subject or speaker is in the sentence before it (see the module)."""
    text = sentence.text
    opening = text.lstrip(OPENING_QUOTES)
    if _POINTING_START.match(opening) and _demonstrative_noun(opening) is None:
        return True
    if opens_inside_quote(document_text, sentence) or unattributed_quotation(text):
        return True
    return bool(_PRONOUN_SPEAKER.search(outside_quotes(text))) and attributed(text) is None


def _demonstrative_noun(text: str) -> str | None:
    match = _DEMONSTRATIVE_NOUN.match(text)
    if match is None or match.group("noun").lower() in _NOT_NOUNS or "’" in match.group("noun"):
        return None
    return match.group("noun")


def _stem(word: str) -> str | None:
    stems = [t for t in content_tokens(word) if t not in STOP_WORDS]
    return stems[0] if stems else None


def definite_noun(sentence: Sentence) -> str | None:
    """The stem of the noun a sentence opens with, when that noun points back: after a demonstrative
    ("This decision ...", in a quotation too), or after "The" when the sentence names nothing else (no
    capitalised word after its first, no number: "The expulsion was the second ...")."""
    opening = sentence.text.lstrip(OPENING_QUOTES)
    noun = _demonstrative_noun(opening)
    if noun is not None:
        return _stem(noun)
    match = _DEFINITE_START.match(sentence.text)
    if match is None or _NAMED.search(sentence.text):
        return None
    return _stem(match.group("noun"))


def opens_with_event(text: str) -> bool:
    """Whether the sentence opens with an event noun that has no complement ("The Kremlin’s response on
    Thursday came ...", not "The decision to expel ..."): the event the article has just told."""
    return bool(_EVENT_START.match(text))


def unnamed_speaker(text: str) -> str | None:
    """The stem of the role of a definite, unnamed speaker ("the NATO official told ...", "said the
    spokesman"), who is introduced earlier in the article; None when the speaker is named or indefinite."""
    bare = outside_quotes(text)
    match = _UNNAMED_SPEAKER.search(bare)
    if match is None:
        return None  # no definite role (most sentences: the speaker patterns are not read then)
    named = attributed(text)
    if named is not None and not set(named) <= set(match.group(0).split()):
        return None  # a name besides its modifiers ("the NATO official" names no one)
    if re.match(r",\s+[A-Z]", bare[match.end() :]):
        return None  # "said the spokesman, John Smith"
    return _stem(match.group("role") or match.group("after"))


def leaning(analysis: Analysis, index: int) -> Leaning:
    """What sentence `index` needs before it in a brief."""
    sentence = analysis.sentences[index]
    previous = index - 1
    has_previous = previous >= 0 and analysis.sentences[previous].document == sentence.document
    text = sentence.text
    if leaves_a_quotation_open(sentence, analysis.documents[sentence.document].text):
        return Leaning(-1)  # half a quotation: the rest is in the sentences after it, which no rule brings
    if (
        points_back(sentence, analysis.documents[sentence.document].text)
        or opens_with_event(text)
        or opens_with_connective(text)
        or closes_a_list(analysis, index)
    ):
        return Leaning(previous if has_previous else -1)
    role = unnamed_speaker(sentence.text)
    if role is not None:  # only right after the sentence that introduces the speaker, if it is the previous one
        return Leaning(previous if has_previous and role in stems(analysis)[previous] else -1)
    noun = definite_noun(sentence)
    if noun is not None:
        return Leaning(previous if has_previous else None, noun)
    given = introduction_needed(analysis, index)
    return Leaning(None, given) if given is not None else STANDS_ALONE


def introduction_needed(analysis: Analysis, index: int) -> str | None:
    """For a sentence that names its speaker by surname only when the articles give their full name
    ("Peskov said": "Dmitry Peskov"), or whose subject is a person's surname alone ("Garzon is also
    investigating ...": "Baltasar Garzon", `people_named_in_full`), the stem of the given name a
    sentence before it in a brief must mention to introduce them (a given name is taken for the
    person: two people of one given name in a story are rare); None otherwise."""
    full_names = analysis.derived("leaning.full_names", lambda: speaker_names(analysis.sentences))
    text = analysis.sentences[index].text
    given = unintroduced_name(text, full_names)
    if given is None and attributed(text) is None:  # a speaker's name is the speaker rule's
        given = unintroduced_subject(text, analysis.derived("leaning.people", lambda: _introducible(analysis)))
    return _stem(given) if given is not None else None


def _introducible(analysis: Analysis) -> dict[str, str]:
    """`people_named_in_full` whom a sentence that stands alone names in full: a surname subject waits
    for an introduction only when a brief can hold one ("It is the largest recall since Henry Ford II"
    introduces no one, and must not make "Ford is recalling ..." unchoosable)."""
    texts = [document.text for document in analysis.documents]
    people = people_named_in_full([sentence.text for sentence in analysis.sentences])
    return {
        surname: given
        for surname, given in people.items()
        if any(
            f"{given} {surname}" in sentence.text and self_containment(sentence, texts[sentence.document]) == 1.0
            for sentence in analysis.sentences
        )
    }


def leanings(analysis: Analysis) -> tuple[Leaning, ...]:
    """`leaning` of every sentence, computed once per analysis. A `previous` of -1: the sentence
    leans on something before its article's first prose sentence and can never enter a brief."""
    return analysis.derived(
        "leaning.leanings", lambda: tuple(leaning(analysis, i) for i in range(len(analysis.sentences)))
    )


def stems(analysis: Analysis) -> list[set[str]]:
    """Every sentence's stemmed words, computed once per analysis."""
    return analysis.derived("leaning.stems", lambda: [set(tokens) for tokens in sentence_tokens(analysis)])


def stands_in_section(analysis: Analysis, index: int, grouped_by_speaker: bool) -> bool:
    """Whether a sentence can enter a section of a sectioned brief, whose order is the section's own:
    one that stands alone or points back only loosely (a definite noun: the sections say what it is
    about), or, under its speaker's name (`grouped_by_speaker`), one whose only lean is that speaker
    ("He said ...", "“...,” he said")."""
    if not leanings(analysis)[index].strict:
        return True
    sentence = analysis.sentences[index]
    text = sentence.text
    if not grouped_by_speaker or opens_inside_quote(analysis.documents[sentence.document].text, sentence):
        return False
    return starts_with_speaker_pronoun(text) or bool(_PRONOUN_SPEAKER.search(outside_quotes(text)))
