"""The order a news editor gives the sentences a brief has chosen, beyond what they lean on
(summarize.selection.support.reading_order puts each after what it leans on, the rest most
important first).

An *elaboration* follows what it elaborates. A writer tells a fact and then, in the next sentence, what
it meant ("NATO also halved Russia's mission to 10." then "The expulsions meant that half of the Moscow
team were barred from the headquarters."). When the brief holds the sentence before it in its article,
or another article's sentence of that one's cluster (the same content, told by another outlet), and
ranks it higher, the elaboration is read right after it: ranked on its own it may land paragraphs later,
after the background, far from the fact it explains (another outlet's sentence that names another day
than that one tells of another day's event: the same story's news of two days is alike enough for one
cluster). Adjacency alone is not enough: a quotation or a reaction (quotation marks, a speech verb)
answers the fact rather than tells what it meant, and a paragraph break opens a new point (unless the
article gives every sentence a paragraph of its own, as the wire does). A statement that goes on with
the speaker of the sentence before it is that statement's continuation, though, and follows it: the same
speaker named again ("Syria has accused Turkey of ..." then "Damascus also accuses Turkey of ...": a
capital speaks for its country), or a speaker described rather than named ("..., diver Li Na said." then
"The 14-year-old told reporters that ..."). An accusation is a statement like any other: "accuses" stays
one of the speech verbs (summarize.text.cues).

The news comes before the *background*: a sentence whose main clause tells what has held since an
earlier time ("Relations have been strained since the annexation of Crimea in 2014.", "Russia has
long had an observer mission ...", "Official talks have been limited in recent years.") goes after
the sentences that tell what happened, whatever its rank (with what leans on it or elaborates it). A
clause of its own ("Iran, which has had no ties with the United States since 1979, said ...") is not
the sentence's news, and an event told in the present perfect is news whatever time phrase follows
("has filed for bankruptcy after struggling for years", "has killed 3,000 people since 2020", "has
caused the worst damage since 1990"). In doubt a sentence is news: background left in rank order
costs the reader little, a lead moved last costs much.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..records import Analysis
from ..text.counts import FIGURE_COUNT
from ..text.cues import SPEECH_VERB, in_quotation, is_attributed, quotation_marks
from ..text.dates import Mention, mentions
from ..text.speakers import attributed, speaker_key
from .leaning import unnamed_speaker

# The main clause's verb after "has"/"have": a state ("have been strained", "has long had", "have
# remained"), a trend ("have declined") or what has not happened ("have not taken place"). An event
# told in the present perfect ("has filed", "has killed", "have arrested") is news, whatever time
# phrase follows it.
_PERFECT = re.compile(r"\b(?:has|have)\s+((?:(?:not|never|long|\w+ly)\s+)*)([a-z]+)\b", re.IGNORECASE)
_STATE_VERBS = frozenset(
    "been had remained stayed held kept existed lived served lagged languished stalled "
    "collapsed declined deteriorated worsened dwindled".split()
)
# What has held from a time before the story's: "since (...) 2014", "for decades", "in recent years".
_SINCE_EARLIER = re.compile(
    r"\bsince\s+(?:[^.;]*?\b)?(?:1[89]|20)\d\d\b|\bfor\s+(?:many\s+|several\s+)?(?:years|decades|generations)\b"
    r"|\bin\s+recent\s+(?:years|decades)\b",
    re.IGNORECASE,
)
# Between the verb and the time phrase, what makes the time phrase another clause's ("after
# struggling for years", "the man who had evaded them for decades") or a record's ("the deepest cuts
# in recent years", "the worst damage since 1990"); anywhere before it, a count ("12 people have
# been hurt since 2019", "has killed 3,000 people since 2020"): the sentence tells an event.
_NOT_A_STATE = re.compile(
    r"\b(?:who|which|that|whose|whom|when|while|after|before|as|because|until|following|most|least|first|\w+est)\b|,",
    re.IGNORECASE,
)
# A state told in the present, then a perfect participle that gives its time ("is stalled, having met
# only twice since 2019"): the state is the main clause's.
_STATE_HAVING = re.compile(r"\b(?:is|are|remains?)\s+((?:\w+ly\s+)*)([a-z]+),\s+having\b", re.IGNORECASE)
# An appositive right after the sentence's subject, its first comma pair: ", the town's water authority,".
_APPOSITIVE = re.compile(r"^([^,;]*\w)(,\s+(?:the|a|an)\s(?:[^,;]|(?<=\d),(?=\d))*?,)(?=\s)", re.IGNORECASE)
# Before the verb, a clause of its own (a relative or subordinate clause, a comma but ", but"): the
# background is that clause's, not the sentence's.
_CLAUSE_BEFORE = re.compile(r"\b(?:who|which|that|whose|when|while|after|before|as)\b|,(?!\s+but\b)", re.IGNORECASE)


def elaborated(analysis: Analysis, index: int, earlier: Sequence[int]) -> int | None:
    """The sentence of `earlier` (brief sentences ranked above sentence `index`, most important first)
    that sentence `index` elaborates: the sentence before it in its article, else the most important
    one of that sentence's cluster; None when neither is there."""
    previous = index - 1
    sentences = analysis.sentences
    if previous < 0 or sentences[previous].document != sentences[index].document:
        return None  # an article's first sentence opens a story of its own
    if _new_paragraph(analysis, previous, index):
        return None
    if _is_reaction(analysis, index) and not continues_speaker(sentences[previous].text, sentences[index].text):
        return None
    if previous in earlier:
        return previous
    told = analysis.cluster_of[previous]
    if told == analysis.cluster_of[index]:
        return None  # the two say one thing: the sentence is the cluster's telling, not an elaboration of it
    tells = sentences[previous].text
    return next(
        (i for i in earlier if analysis.cluster_of[i] == told and not _other_day(tells, sentences[i].text)), None
    )


# The time of the telling, not of the event: a day within a few words after a speech verb ("..., the
# council said on Tuesday", "told reporters Wednesday"; not "said it would vote on Tuesday").
_TOLD_ON = re.compile(
    rf"\b{SPEECH_VERB}(?:\s+(?!(?:would|will|to|that|it|he|she|they|was|were|is|be|could|may|might)\b)"
    r"[\w’'-]+){0,3}\s+$"
)
# A weekday in a name ("the Sunday Times", "Black Friday", "Super Tuesday", "Good Friday Agreement"):
# a capitalised word before it that is no time word, or one right after it.
_TIME_WORDS = frozenset("on last next this since by until till before after from early late each every".split())


def _the_events_day(text: str, mention: Mention) -> bool:
    """Whether a date mention tells the day of the event: not the day of the telling, not a name."""
    before = text[: mention.start]
    if _TOLD_ON.search(before):
        return False
    if mention.weekday is None:
        return True
    word = re.search(r"\b([A-Z][\w’'-]*)\s+$", before)
    return (word is None or word.group(1).lower() in _TIME_WORDS) and not re.match(
        r"\s+[A-Z]", text[mention.end or mention.start :]
    )


def _days(text: str) -> tuple[set[int], set[tuple[int, int]]]:
    """The days of the event a sentence tells: its weekdays ("on Sunday") and its dates ("April 10"),
    not the day it was said on or a weekday in a name (`_the_events_day`)."""
    found = [mention for mention in mentions(text) if _the_events_day(text, mention)]
    return (
        {mention.weekday for mention in found if mention.weekday is not None},
        {(mention.month, mention.day) for mention in found if mention.month and mention.day},
    )


def _other_day(text: str, other: str) -> bool:
    """Whether two sentences of one cluster tell of different days: both name weekdays, or both dates,
    and none is the other's ("... returned Sunday for a second attempt to launch" and "... was freed
    Wednesday"). A weekday against a date tells nothing ("March 24" may be a Thursday)."""
    (weekdays, dates), (other_weekdays, other_dates) = _days(text), _days(other)
    if weekdays & other_weekdays or dates & other_dates:
        return False
    return bool(weekdays and other_weekdays) or bool(dates and other_dates)


def _is_reaction(analysis: Analysis, index: int) -> bool:
    """A quotation or what someone said ("..., Peskov told reporters."): a voice on the news, not what
    the sentence before it meant."""
    sentence = analysis.sentences[index]
    text = sentence.text
    return (
        is_attributed(text)
        or bool(quotation_marks(text))
        or in_quotation(sentence, analysis.documents[sentence.document].text)
    )


# A speaker described, not named, as the sentence's subject, by what fits one person: "The diminutive
# 14-year-old, ..., told", "The 54-year-old minister", "The veteran coach". Not any definite noun
# phrase: "The company's rivals", "The team", "The union" are other speakers.
_ONE_PERSON = (
    r"\d+-year-old|man|woman|boy|girl|teenager|veteran|champion|coach|swimmer|diver|runner|player|striker|"
    r"actor|actress|singer|author|writer|lawyer|judge|mayor|senator|governor|father|mother|son|daughter|widow"
)
_DESCRIBED_SPEAKER = re.compile(rf"^The\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_ONE_PERSON})\b(?![’'-])")


def continues_speaker(previous: str, text: str) -> bool:
    """Whether the statement `text` goes on with the named speaker of `previous`, the sentence before it:
    it names the same speaker (`speaker_key`: "Damascus" is Syria), or describes one without a name
    ("The 14-year-old told ..."; a role, "the official said", has its own rule: leaning.unnamed_speaker)."""
    before = attributed(previous)
    if before is None or not is_attributed(text):
        return False
    named = attributed(text)
    if named is not None:
        return speaker_key(named) == speaker_key(before)
    return _DESCRIBED_SPEAKER.match(text) is not None and unnamed_speaker(text) is None


def _new_paragraph(analysis: Analysis, previous: int, index: int) -> bool:
    """Whether a paragraph break (a line break: the pipeline reads a line as a paragraph) parts two
    adjacent sentences of an article that gives its paragraphs several sentences: such a writer opens
    a paragraph for a new point. In an article of one sentence a paragraph (the wire's style), the
    break tells nothing."""
    sentences, text = analysis.sentences, analysis.documents[analysis.sentences[index].document].text
    if "\n" not in text[sentences[previous].end : sentences[index].start]:
        return False
    return not (_alone_in_paragraph(analysis, previous) and _alone_in_paragraph(analysis, index))


def _alone_in_paragraph(analysis: Analysis, index: int) -> bool:
    """Whether the sentence is its paragraph's only sentence."""
    sentences = analysis.sentences
    sentence, text = sentences[index], analysis.documents[sentences[index].document].text
    paragraph_start = text.rfind("\n", 0, sentence.start) + 1
    paragraph_end = text.find("\n", sentence.end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    return not any(
        other.document == sentence.document and paragraph_start <= other.start < paragraph_end
        for other in sentences[max(index - 1, 0) : index + 2]
        if other is not sentence
    )


def with_elaborations(
    analysis: Analysis, ranked: Sequence[int], parent: dict[int, int], introduced: Callable[[int], bool]
) -> dict[int, int]:
    """`parent` (each brief sentence of `ranked` that must follow another: what it leans on) with each
    other sentence's `elaborated` sentence added as its parent, unless that one already follows it
    (through `parent`: what a sentence leans on comes first) or the move would take a sentence that
    is not `introduced` (it names a speaker by surname: "Peskov said") with it, perhaps before the
    sentence that introduces them."""
    linked = dict(parent)
    children: dict[int, list[int]] = {}
    for child, above in parent.items():
        children.setdefault(above, []).append(child)

    def moves_unintroduced(index: int) -> bool:
        moved, seen = [index], {index}
        while moved:
            current = moved.pop()
            if not introduced(current):
                return True
            moved += [child for child in children.get(current, []) if child not in seen]
            seen.update(children.get(current, []))
        return False

    for rank, index in enumerate(ranked):
        if index in linked:
            continue
        told = elaborated(analysis, index, ranked[:rank])
        ancestor, seen = told, set()
        while ancestor is not None and ancestor != index and ancestor not in seen:
            seen.add(ancestor)
            ancestor = linked.get(ancestor)
        if told is not None and ancestor is None and not moves_unintroduced(index):
            linked[index] = told
    return linked


def is_background(text: str) -> bool:
    """Whether the sentence's main clause tells what has held since an earlier time (see the module):
    its first "has"/"have" opens the main clause and tells a state since then ("is stalled, having met
    only twice since 2019" too); in doubt, news. An appositive after the subject ("The board, the
    town's only water authority, has ...") is not a clause of its own."""
    text = _APPOSITIVE.sub(lambda match: match.group(1) + " " * len(match.group(2)), text)
    perfect = _PERFECT.search(text)
    state = _STATE_HAVING.search(text)
    if state is not None and (perfect is None or state.start() < perfect.start()):
        perfect = state  # "is stalled, having met ...": the state is the main clause's, the time the participle's
    if perfect is None or _CLAUSE_BEFORE.search(text, 0, perfect.start()) is not None:
        return False
    modifiers, verb = perfect.group(1).lower().split(), perfect.group(2).lower()
    if "long" in modifiers:
        return True  # "has long had": no time phrase needed
    told_as_state = perfect is state and not verb.endswith("ing")  # "are deadlocked, having": any state
    if verb not in _STATE_VERBS and not {"not", "never"} & set(modifiers) and not told_as_state:
        return False
    since = _SINCE_EARLIER.search(text, perfect.end())
    return (
        since is not None
        and _NOT_A_STATE.search(text, perfect.end(), since.start()) is None
        and FIGURE_COUNT.search(text, 0, since.start()) is None
    )


def news_first(analysis: Analysis, ranked: Sequence[int]) -> list[int]:
    """`ranked` (brief sentences, most important first) with the background after the news, each
    part most important first."""
    background = analysis.derived(
        "news_order.background", lambda: [is_background(sentence.text) for sentence in analysis.sentences]
    )
    return sorted(ranked, key=lambda i: background[i])
