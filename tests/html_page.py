"""What the HTML page tests share: literal briefs built by hand, hostile articles, and a parser that
reads a page back (its tags and attributes, each linked span's text, each article's text)."""

from __future__ import annotations

from html.parser import HTMLParser

from summarize.records import (
    Brief,
    BriefSentence,
    Cluster,
    Corroboration,
    Document,
    Sentence,
)


def sentence_in(documents: tuple[Document, ...], number: int, words: str, position: int = 0) -> Sentence:
    """The sentence `words` of document `number`, with its exact span."""
    start = documents[number].text.index(words)
    return Sentence(number, start, start + len(words), " ".join(words.split()), position)


def literal_brief(documents: tuple[Document, ...], picks, **extra) -> Brief:
    """A brief of `picks`: (sentence, [(corroborating sentence, similarity), ...]) pairs."""
    items = tuple(
        BriefSentence(own, number, 1.0 - number / 10, tuple(Corroboration(s, sim) for s, sim in others))
        for number, (own, others) in enumerate(picks)
    )
    clusters = tuple(
        Cluster(
            item.cluster, (0,), tuple(sorted({item.sentence.document} | {c.sentence.document for c in item.also_in}))
        )
        for item in items
    )
    return Brief(documents, items, clusters, budget=extra.pop("budget", 60), method="concepts", model="fake", **extra)


STORM = (
    Document(
        "Storm hits the coast",
        "Storm hits the coast\n\nA powerful storm hit the northern coast on Monday.\n\n"
        "Officials said winds reached 120 miles per hour.",
        "news/a.txt",
    ),
    Document(
        "Thousands flee",
        "Thousands flee\n\nThousands fled as a powerful storm struck the northern coast on Monday.\n\n"
        "Power was cut to 50,000 homes, the company said.",
        "news/b.txt",
        url="https://example.com/b",
    ),
    Document(
        "Storm damage",
        "Storm damage\n\nThe storm hit the coast on Monday,  forcing\nthousands to flee.\n\n"
        "Forecasters expect the storm to weaken.",
        "news/c.txt",
    ),
)


def storm_brief() -> Brief:
    lead = sentence_in(STORM, 0, "A powerful storm hit the northern coast on Monday.")
    fled = sentence_in(STORM, 1, "Thousands fled as a powerful storm struck the northern coast on Monday.")
    hit = sentence_in(STORM, 2, "The storm hit the coast on Monday,  forcing\nthousands to flee.")
    power = sentence_in(STORM, 1, "Power was cut to 50,000 homes, the company said.", 1)
    return literal_brief(STORM, [(lead, [(fled, 0.81), (hit, 0.77)]), (power, [])])


PAYLOAD = "<script>window.pwned=1;alert(1)</script>"
HOSTILE = (
    Document(
        f"Storm </title>{PAYLOAD}<textarea>",
        'Storm\n\nA powerful storm hit the coast on Monday <img src=x onerror="window.pwned=2;alert(2)">'
        " and officials said </textarea></script><script>alert(3)</script> it was strong.\n\n"
        'Read <a href="javascript:alert(4)">the report</a> & "more" at \'home\' <!-- <b>',
        f"evil/</script>{PAYLOAD}.txt",
        url="javascript:alert(5)",
    ),
    Document(
        "Storm <b onmouseover=alert(6)>two</b>",
        "Storm two\n\nThe storm hit the coast on Monday, officials said <svg onload=alert(7)>.\n\n"
        "<style>body{display:none}</style> Winds reached ]]> 120 mph.",
        'evil/two"onclick="alert(8).txt',
        url="https://example.com/?q=<script>&x=\"'",
    ),
)


def hostile_brief() -> Brief:
    first = HOSTILE[0].text.split("\n\n")[1]
    second = HOSTILE[1].text.split("\n\n")[1]
    return literal_brief(
        HOSTILE,
        [
            (sentence_in(HOSTILE, 0, first), [(sentence_in(HOSTILE, 1, second), 0.8)]),
            (sentence_in(HOSTILE, 1, HOSTILE[1].text.split("\n\n")[2], 1), []),
        ],
    )


class Page(HTMLParser):
    """A page read back: every start tag with its attributes, the text of each span inside an
    article's text, each article's text, and the scripts' and styles' contents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.spans: dict[str, str] = {}
        self.articles: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._open_span: str | None = None
        self._text_depth = 0
        self._raw: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in ("script", "style"):
            self._raw = tag
            (self.scripts if tag == "script" else self.styles).append("")
        if self._text_depth:
            self._text_depth += 1
        if tag == "div" and attributes.get("class") == "text":
            self._text_depth = 1
            self.articles.append("")
        if tag == "span" and "span" in (attributes.get("class") or "").split() and self._text_depth:
            self._open_span = attributes["id"]
            self.spans[self._open_span] = ""

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._raw = None
        if tag == "span":
            self._open_span = None
        if self._text_depth:
            self._text_depth -= 1

    def handle_data(self, data):
        if self._raw is not None:
            (self.scripts if self._raw == "script" else self.styles)[-1] += data
        if self._text_depth:
            self.articles[-1] += data
        if self._open_span is not None:
            self.spans[self._open_span] += data

    def tags_in_class(self, name: str) -> list[dict[str, str | None]]:
        """The attributes of every tag with the class `name`, in page order."""
        return [attrs for _, attrs in self.tags if name in (attrs.get("class") or "").split()]

    def having(self, **wanted: str) -> list[dict[str, str | None]]:
        """The attributes of every tag whose attributes include `wanted` (class_ for class)."""
        wanted = {key.rstrip("_"): value for key, value in wanted.items()}
        return [attrs for _, attrs in self.tags if all(attrs.get(k) == v for k, v in wanted.items())]


def read_page(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page
