"""The dates a sentence mentions, read simply: "October 7", "Oct. 18", "7 October 2021", "April 2014",
"in April", "2014", "on Monday". Enough to put a brief's sentences in time order; not a date parser.

Articles rarely give the year of their own events ("on October 7"). The story's year is taken from a
weekday the articles pair with a date ("Monday (Oct. 18)" is a Monday only in some years: the first
such year from the story's), else it is the latest year the articles' own dates give (front matter
`date:`), else the latest year their texts mention. In an article with its own date, a year-less
date is in the year that puts it nearest that date (on or after it when the sentence tells of it
as to come). A bare weekday ("on Wednesday") is the date with that weekday the articles mention,
else (for a timeline) the last such day up to the article's own date (the next after it when the
sentence tells of it as to come: "will vote on Friday"; sections.story leaves an article's weekday
undated when it has no date of its own but other articles do), else the nearest such day to the latest date the articles give a weekday of, else it
is ordered after the story year's dated events, by weekday.
Nothing depends on today's date.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),  # October 7(, 2021)
    re.compile(rf"\b{_DAY}\s+{_MONTH}(?:\s+{_YEAR}\b)?"),  # 7 October( 2021)
    re.compile(rf"\b{_MONTH}\s*,?\s+{_YEAR}\b"),  # April 2014
    re.compile(rf"\b(?:in|since|from|until|by|early|late|mid|last|this|next|of|during)[\s-]+{_MONTH}\b"),  # in April
    re.compile(rf"(?<![\d,.$€£-]){_YEAR}(?![\d-]|,\d|\.\d)"),  # 2014
    re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
]


@dataclass(frozen=True)
class Mention:
    start: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    end: int | None = None  # where the expression ends in the text


def mentions(text: str) -> list[Mention]:
    """The date expressions in a text, in reading order; overlapping ones keep the most precise."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            groups = match.groupdict()
            month = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else None
            taken.append(span)
            found.append(
                Mention(
                    start=span[0],
                    year=int(groups["year"]) if groups.get("year") else None,
                    month=month,
                    day=int(groups["day"]) if groups.get("day") else None,
                    weekday=WEEKDAYS[groups["weekday"].lower()] if groups.get("weekday") else None,
                    end=span[1],
                )
            )
    found.sort(key=lambda m: m.start)
    return found


@dataclass(frozen=True)
class Calendar:
    """What the articles say about their own time: the story's year and what each weekday means."""

    year: int | None
    weekdays: dict[int, tuple[int, int]]  # weekday -> (month, day)

    def key(
        self, text: str, anchor: datetime.date | None = None, relative: bool = False
    ) -> tuple[int, int, int] | None:
        """(year, month, day) of the first date the text mentions, unknown parts as 0; None if none.
        A weekday no date of the articles names is the last such day up to `anchor` (the article's
        own date: "Tuesday" in an article of Wednesday, November 25, is November 24; the next such day
        after it when the text tells of it as to come); with no anchor
        and `relative`, the nearest such day to the latest date the articles give a weekday of ("on
        Friday" beside "Tuesday, February 23": February 26), else after the story year's dated
        events, in weekday order."""
        for mention in mentions(text):
            resolved = self.resolve(mention, anchor, relative, ahead=is_ahead(text, mention.start))
            if resolved is not None:
                return resolved
        return None

    def resolve(
        self, mention: Mention, anchor: datetime.date | None = None, relative: bool = False, ahead: bool = False
    ) -> tuple[int, int, int] | None:
        """`ahead`: the text tells of the mention in the future ("will vote on Friday"): a weekday
        anchored on an article's date is then the next such day after it, not the last up to it."""
        if mention.weekday is not None:
            if mention.weekday not in self.weekdays:
                if anchor is not None:
                    if ahead:
                        when = anchor + datetime.timedelta(days=(mention.weekday - anchor.weekday()) % 7 or 7)
                    else:
                        when = anchor - datetime.timedelta(days=(anchor.weekday() - mention.weekday) % 7)
                    return (when.year, when.month, when.day)
                if not relative:
                    return None
                known = self._latest_weekday_date()
                if known is not None:  # the week the articles date: the nearest such day to it
                    forward = (mention.weekday - known.weekday()) % 7
                    near = known + datetime.timedelta(days=forward if forward <= 3 else forward - 7)
                    return (near.year, near.month, near.day)
                return (self.year or 0, 13, mention.weekday + 1)
            month, day = self.weekdays[mention.weekday]
            return (self.year or 0, month, day)
        if mention.year is None and mention.month is not None and anchor is not None:
            return (_year_near(anchor, mention.month, mention.day, ahead), mention.month, mention.day or 0)
        return (mention.year or self.year or 0, mention.month or 0, mention.day or 0)

    def _latest_weekday_date(self) -> datetime.date | None:
        """The latest date the articles give a weekday of (in the story's year), if any."""
        if self.year is None:
            return None
        dates = [_valid(self.year, month, day) for month, day in self.weekdays.values()]
        return max((date for date in dates if date is not None), default=None)


# What tells of a time to come ("will vote", "is to open", "is scheduled", "next week"), and what
# reports a saying: "said on Friday that it will pay" dates the saying, not what is to come.
_AHEAD = re.compile(r"\b(?:will|won't|shall|(?:is|are) (?:to|due|scheduled|set to|expected to)|next)\b", re.IGNORECASE)
_SAYING = re.compile(r"\b(?:said|says|told|announced|reported|added)\b", re.IGNORECASE)


def is_ahead(text: str, start: int) -> bool:
    """Whether the text tells of what comes at `start` (a date's place in it) as still to come: a
    future cue before it in its clause, and no saying between the two."""
    before = re.split(r"[;:,]", text[:start])[-1]
    cues = list(_AHEAD.finditer(before))
    return bool(cues) and not _SAYING.search(before[cues[-1].end() :])


def _year_near(anchor: datetime.date, month: int, day: int | None, ahead: bool) -> int:
    """The year of a year-less month (and day) an article dated `anchor` mentions: the one nearest its
    date ("March 3" in an article of November 25, 2026, is in 2027), the first on or after it when
    the sentence tells of it as to come."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        date = _valid(year, month, day or 15) or _valid(year, month, 28)
        if date is not None and (not ahead or date >= anchor or (day is None and date.month == anchor.month)):
            candidates.append((abs((date - anchor).days), year))
    return min(candidates)[1] if candidates else anchor.year


def _weekday_pairs(found: list[Mention]) -> Iterable[tuple[int, int, int, int | None]]:
    """(weekday, month, day, year) for a weekday written next to a date: "Monday (Oct. 18)", among a
    text's `mentions`."""
    for first, second in pairwise(found):
        weekday, date = (first, second) if first.weekday is not None else (second, first)
        if weekday.weekday is None or date.day is None or date.month is None:
            continue
        if second.start - first.start > 24:
            continue
        yield weekday.weekday, date.month, date.day, date.year


def _valid(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def calendar(texts: Sequence[str]) -> Calendar:
    """Read the story's year and weekdays from all the texts of a story: the year the articles' own
    dates give (front matter), else the latest their texts mention (an article's history, "opened
    in 1968", is no year of the story an article dates itself in)."""
    found = [mentions(text) for text in texts]  # each text read once (an article's dates: three uses)
    own = [date for date in (own_date(text) for text in texts) if date is not None]
    years = [m.year for text in found for m in text if m.year is not None]
    latest = max(own).year if own else max(years) if years else None
    pairs = [pair for text in found for pair in _weekday_pairs(text)]
    year = next((given for _, _, _, given in pairs if given is not None), None)
    if year is None and latest is not None:
        # The first year from the latest one mentioned in which the paired weekday and date agree.
        for weekday, month, day, _ in pairs:
            year = next(
                (
                    y
                    for y in range(latest, latest + 40)
                    if (date := _valid(y, month, day)) is not None and date.weekday() == weekday
                ),
                None,
            )
            if year is not None:
                break
    year = year or latest
    weekdays: dict[int, tuple[int, int]] = {
        weekday: (month, day) for weekday, month, day, given in reversed(pairs) if given in (None, year)
    }
    if year is not None:
        dates = sorted(
            {
                (m.month, m.day)
                for text in found
                for m in text
                if m.month and m.day and (m.year in (None, year)) and _valid(year, m.month, m.day)
            }
        )
        for month, day in dates:
            valid = _valid(year, month, day)
            if valid is not None:  # always: `dates` holds valid dates only
                weekdays.setdefault(valid.weekday(), (month, day))
    return Calendar(year, weekdays)


# An article's own date as its front matter gives it ("date: 2026-11-25", a time may follow).
_OWN_DATE = re.compile(r"\A---\s*\n(?:.*\n)*?date:\s*[\"']?(?P<date>\d{4}-\d{2}-\d{2})")


def own_date(text: str) -> datetime.date | None:
    """The date an article gives itself in its front matter (`date: 2026-11-25`); None if none."""
    match = _OWN_DATE.match(text)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.group("date").split("-"))
    return _valid(year, month, day)


def is_past(text: str, calendar: Calendar) -> bool:
    """Whether the text mentions a year before the story's."""
    return calendar.year is not None and any(m.year is not None and m.year < calendar.year for m in mentions(text))
