"""The main clause of a news sentence: what it mainly reports, without who says so ("..., police
said", "Officials said that ...") and without the clauses that carry background (", who came to
office in 1992,", "when JonBenet was found", "(...)"). A candidate that has the sentence's words
only in that background ("Hariri, who headed five governments, resigned" against "He headed five
governments") reports a part of it, not its main fact (`bench/corroboration/`, PARTIAL)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.boilerplate import dateline_length
from ..text.dates import MONTHS

# "since 1996", "after May 30", "before the 1980s": a time, part of the fact; not a clause to leave out
# (a month's name or abbreviation whole: "after marching 5 miles" is a clause).
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_NOT_A_CLAUSE = rf"(?!\s*(?:\d|the\s+\d|(?:{_MONTH_NAMES})\b\.?\s+\d))"
# A relative, temporal, causal or participial clause, to the next comma; or a parenthesis.
_BACKGROUND = re.compile(
    r",\s+(?:who|which|whose|where|when|while|after|before|since|because|as|although|though|saying"
    rf"|according\s+to|including)\b{_NOT_A_CLAUSE}[^,]*"
    rf"|\s(?:when|after|before|since|because|while|although){_NOT_A_CLAUSE}\s[^,]*"
    r"|\s(?:who|whom|whose)\s[^,]*"  # "a former user who testified that ..., had maintained": no comma before "who"
    r"|\([^)]*\)",
    re.IGNORECASE,
)
# "In addition to ...,", "Like Thursday's earthquake in Iran,": an opening that compares or adds, not the news.
_OPENING = re.compile(r"^(?:in\s+addition\s+to|besides|like|unlike|apart\s+from|despite)\b[^,]*,\s*", re.IGNORECASE)
# The verbs that name a source, after the fact or before it: one list, so a verb added is read on both sides.
# The present tense too ("..., officials say."), but not the forms that are also nouns ("reports",
# "claims", "notes", "states": "the United States" ends many a fact).
# "claimed" before a toll is the fact itself, not a source: "It already has claimed 20 more lives",
# "claimed at least 497 lives", "claimed the lives of ...".
_CLAIMED = (
    r"claimed(?!\s+(?:(?:at\s+least|more\s+than|about|nearly|almost|over|some|up\s+to)\s+)?(?:\d|(?:the\s+)?lives\b))"
)
_SPEECH_VERBS = (
    r"said|says|say|reported|announced|announces|announce|warned|warns|warn|insisted|insists|insist"
    rf"|noted|stated|{_CLAIMED}|confirmed|confirms|confirm|acknowledged|acknowledges|acknowledge"
)
# After the fact: "..., police said", "..., he adds"; never "to say" or "not say" ("..., he declined to say.").
_SAYS = rf"(?<!\bto\s)(?<!\bnot\s)(?:{_SPEECH_VERBS}|added|adds|told\s[\w. ]{{0,40}})"
# "..., the ministry said Monday." / "“...,” Peskov said.": the source, not the fact. It follows a comma or
# a closing quotation mark; with neither, only a bare "he said" ("... in the rain he said."): a longer run
# of words before a verb at the end is the fact ("The storm was stronger than forecasters had warned.").
_SOURCE_AFTER = re.compile(
    rf"(?:(?:,|(?<=[”\"’']))\s+(?:[\w.'’ -]{{0,80}}?\s)?|\s+(?:he|she|they|it|we|i)\s+)"
    rf"(?:{_SAYS}(?:\s+(?:on\s+)?\w+day)?|according\s+to\s[\w.'’ -]{{0,80}})\s*\.?$",
    re.IGNORECASE,
)
_SOURCE_BEFORE = re.compile(
    r"^(?:[\w.'’ -]{0,80}?\s)?(?:told\s[\w.'’ -]{0,40}?\sthat\s+"  # "told U.N. officials that ..."
    rf"|(?:{_SPEECH_VERBS}|told\s[\w ]{{0,30}})(?:\s+\w+day)?\s+(?:that\s+)?)",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)  # a brief's sentence is read against many candidates
def main_clause(text: str) -> str:
    """The sentence less its dateline, attribution, opening comparison and background clauses; the
    whole sentence when nothing is left."""
    core = text[dateline_length(text) :]
    core = _SOURCE_BEFORE.sub("", _SOURCE_AFTER.sub("", _OPENING.sub("", core)))
    core = _BACKGROUND.sub(" ", core)
    return core if core.strip() else text
