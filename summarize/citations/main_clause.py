"""The main clause of a news sentence: what it mainly reports, without who says so ("..., police
said", "Officials said that ...") and without the clauses that carry background (", who came to
office in 1992,", "when JonBenet was found", "(...)"). A candidate that has the sentence's words
only in that background ("Hariri, who headed five governments, resigned" against "He headed five
governments") reports a part of it, not its main fact (`bench/corroboration/`, PARTIAL)."""

from __future__ import annotations

import re
from functools import lru_cache

# A relative, temporal, causal or participial clause, to the next comma; or a parenthesis.
_BACKGROUND = re.compile(
    r",\s+(?:who|which|whose|where|when|while|after|before|since|because|as|although|though|saying"
    r"|according\s+to|including)\b[^,]*"
    r"|\s(?:when|after|before|since|because|while|although)\s[^,]*"
    r"|\([^)]*\)",
    re.IGNORECASE,
)
_SAYS = r"(?:said|says|told\s[\w ]{0,40}|reported|announced|added)"
# "..., the ministry said Monday." / "Officials said Monday that ...": the source, not the fact.
_SOURCE_AFTER = re.compile(rf",?\s+(?:[\w.'’ -]{{0,80}}?\s)?{_SAYS}(?:\s+(?:on\s+)?\w+day)?\s*\.?$", re.IGNORECASE)
_SOURCE_BEFORE = re.compile(
    r"^(?:[\w.'’ -]{0,80}?\s)?(?:said|says|say|told\s[\w ]{0,30}|announced|reported)(?:\s+\w+day)?\s+(?:that\s+)?",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)  # a brief's sentence is read against many candidates
def main_clause(text: str) -> str:
    """The sentence less its attribution and background clauses; the whole sentence when nothing is left."""
    core = _SOURCE_BEFORE.sub("", _SOURCE_AFTER.sub("", text))
    core = _BACKGROUND.sub(" ", core)
    return core if core.strip() else text
