"""Write a brief as one self-contained HTML page to share: the brief beside its sources, each sentence
one click from its exact span in its article, and the other sources' corroborating sentences one more.

The page is built server-side as plain escaped HTML (it reads, prints and shows the first sentence's
source without JavaScript); the small inline script only toggles classes and attributes, never parses
text as HTML. A Content-Security-Policy allows nothing but this page's own style and script (by hash):
no request leaves the page, and markup smuggled into an article could not run even if it got in.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib.resources import files

from ..clustering.stories import TITLED_STORIES
from ..records import Brief, BriefSentence, Document, Sentence
from ..text.story_copies import brief_originals
from ..version import __version__
from ..wording import plural
from .html_chart import coverage_chart, reports_by_source, span_id
from .render import (
    NOT_ADDRESSED,
    NOT_FOUND_ELSEWHERE,
    NOTHING_FITS,
    ONE_ARTICLE,
    ONLY_SOURCE,
    article_start,
    brief_title,
    empty_brief_note,
    only_note,
    source_number,
    story_parts,
)
from .safety import printable


def text(value: str) -> str:
    """Text content, escaped: `<`, `>` and `&` can never open markup."""
    return escape(printable(value), quote=False)


def attribute(value: str) -> str:
    """A double-quoted attribute value, escaped (quotes included)."""
    return escape(printable(value), quote=True)


@dataclass(frozen=True)
class Mark:
    """A note on a brief sentence beyond its corroborations: `kind` names its style (`disagrees`,
    `single-source`), `label` is what the reader sees ("[3] gives 9,000 dead", "only [4]"), and
    `sentence`, when there is one, is the sentence it refers to (shown one click away)."""

    kind: str
    label: str
    sentence: Sentence | None = None


def reader_marks(item: BriefSentence) -> tuple[Mark, ...]:
    """A brief sentence's marks for the reader: each source that gives the same event other numbers,
    dates or names (drawn beside the citations and in the evidence list, one click from its sentence).
    A development only its source reports is marked on its own citation ("only [4]"), not here."""
    return tuple(
        Mark("disagrees", f"[{source_number(d.sentence.document)}] {d.what}", d.sentence) for d in item.disagrees
    )


def cited_sentences(brief: Brief) -> Iterable[Sentence]:
    """Every sentence the page links to: the brief's, their corroborations, their marks'."""
    for item in brief.sentences:
        yield item.sentence
        yield from (c.sentence for c in item.also_in)
        yield from (m.sentence for m in reader_marks(item) if m.sentence is not None)


# --- the brief --------------------------------------------------------------------------------------


def cite_button(number: int, sentence: Sentence, label: str, kind: str, current: bool = False) -> str:
    pressed = ' aria-current="true"' if current else ""
    return (
        f'<button type="button" class="cite {kind}" data-item="{number}" data-span="{span_id(sentence)}"{pressed}'
        f' title="Show it in source [{source_number(sentence.document)}]">{text(label)}</button>'
    )


def mark_badge(number: int, mark: Mark) -> str:
    if mark.sentence is None:
        return f'<span class="mark mark-{attribute(mark.kind)}">{text(mark.label)}</span>'
    return cite_button(number, mark.sentence, mark.label, f"mark mark-{attribute(mark.kind)}")


def sentence_item(number: int, item: BriefSentence, current: bool) -> str:
    """One brief sentence: the sentence itself (a button), its source [n] and the sources that also
    report it (one button per source: its most similar sentence), then any marks."""
    own = item.sentence
    first_per_source = reports_by_source(item)
    if item.only_source:  # the source named once, as markdown's "(only [4])": not "[4]" beside "only [4]"
        cites = cite_button(number, own, only_note(item), "own mark-single-source", current)
    else:
        cites = cite_button(number, own, f"[{source_number(own.document)}]", "own", current)
    if first_per_source:
        others = "".join(
            cite_button(number, first_per_source[d], f"[{source_number(d)}]", "also") for d in sorted(first_per_source)
        )
        cites += f' <span class="also-in">also {others}</span>'
    cites += "".join(" " + mark_badge(number, mark) for mark in reader_marks(item))
    pressed = ' aria-current="true"' if current else ""
    return (
        f'<li class="item" id="item-{number}" value="{number}">'
        f'<button type="button" class="sentence" data-item="{number}" data-span="{span_id(own)}"{pressed}>'
        f"{text(own.text)}</button>"
        f' <span class="cites">{cites}</span></li>'
    )


def sentence_list(brief: Brief, members: Iterable[int]) -> str:
    items = "".join(sentence_item(i + 1, brief.sentences[i], current=i == 0) for i in members)
    return f'<ol class="sentences">{items}</ol>'


def sections_html(brief: Brief) -> str:
    """A sectioned brief: each section's heading, its sentences (under speaker names when grouped),
    or why it has none."""
    parts = []
    for section in brief.sections:
        body = ""
        for group in section.groups:
            body += f'<h4 class="group">{text(group.title)}</h4>' + sentence_list(brief, group.sentences)
        if not section.groups and section.sentences:
            body = sentence_list(brief, section.sentences)
        if not section.sentences:
            body = f'<p class="empty">{text(NOT_ADDRESSED if not section.addressed else NOTHING_FITS)}</p>'
        parts.append(f'<section class="brief-section"><h3>{text(section.title)}</h3>{body}</section>')
    return "".join(parts)


def brief_body(brief: Brief) -> str:
    notes = ""
    if len(brief.documents) == 1:
        notes += f'<p class="note">{ONE_ARTICLE}</p>'
    if not brief.sentences and not brief.sections:
        notes += f'<p class="note">{text(empty_brief_note(brief))}</p>'
    if brief.sections:
        return notes + sections_html(brief)
    parts = story_parts(brief)  # separate stories: each under its own headline, as in markdown
    if parts:
        return notes + "".join(
            f'<section class="brief-section"><h3>{text(title)}</h3>'
            + (sentence_list(brief, members) if members else f'<p class="note">{NOTHING_FITS}</p>')
            + "</section>"
            for place, (title, _, members) in enumerate(parts)
            if members or place < TITLED_STORIES
        )
    return notes + (sentence_list(brief, range(len(brief.sentences))) if brief.sentences else "")


# --- the source pane ----------------------------------------------------------------------------------


def source_label(document: Document) -> str:
    """Where an article came from: its URL when fetched from the web, else its path."""
    return document.url if document.url is not None else document.path


def article_text(document: Document, linked: list[Sentence], current: Sentence | None) -> str:
    """The article exactly as read, from its first line of text (a markdown file's YAML front matter is
    not the article), each linked sentence wrapped in a span (the current one marked)."""
    parts, at = [], article_start(document.text)
    for sentence in sorted(set(linked), key=lambda s: (s.start, s.end)):
        if sentence.start < at:  # sentences of one text never overlap; if some did, one could not be wrapped
            continue
        state = " current" if sentence == current else ""
        parts.append(text(document.text[at : sentence.start]))
        words = text(document.text[sentence.start : sentence.end])
        parts.append(f'<span class="span{state}" id="{span_id(sentence)}">{words}</span>')
        at = sentence.end
    parts.append(text(document.text[at:]))
    return "".join(parts)


def articles_html(brief: Brief) -> str:
    """Every article, each under its own header; only the first brief sentence's is shown at first."""
    linked: dict[int, list[Sentence]] = {}
    for sentence in cited_sentences(brief):
        linked.setdefault(sentence.document, []).append(sentence)
    first = brief.sentences[0].sentence if brief.sentences else None
    parts = []
    for number, document in enumerate(brief.documents):
        hidden = "" if number == (first.document if first is not None else 0) else " hidden"
        n = source_number(number)
        parts.append(
            f'<article class="source-text" id="source-text-{n}" aria-labelledby="source-title-{n}"{hidden}>'
            f'<header><p class="source-kicker">Source [{n}]</p>'
            f'<h2 id="source-title-{n}">{text(document.title)}</h2>'
            f'<p class="source-path">{text(source_label(document))}</p></header>'
            f'<div class="text">{article_text(document, linked.get(number, []), first)}</div></article>'
        )
    return "".join(parts)


def evidence_entry(
    number: int, sentence: Sentence, brief: Brief, kind: str, label: str = "", current: bool = False
) -> str:
    """A button that shows `sentence` in its article: its source and outlet, what it is (`label`, when
    not simply another report), and its words (unless it is the brief's own, already on screen)."""
    source = source_number(sentence.document)
    pressed = ' aria-current="true"' if current else ""
    tag = f' <span class="evidence-kind">{text(label)}</span>' if label else ""
    quote = "" if kind == "own" else f'<span class="quote">{text(sentence.text)}</span>'
    outlet = text(brief.documents[sentence.document].title)
    return (
        f'<li><button type="button" class="evidence-link {kind}" data-item="{number}"'
        f' data-span="{span_id(sentence)}"{pressed}>'
        f'<span class="badge">[{source}]</span><span class="evidence-body">'
        f'<span class="outlet-line"><span class="outlet">{outlet}</span>{tag}</span>'
        f"{quote}</span></button></li>"
    )


def evidence_html(brief: Brief) -> str:
    """For each brief sentence: its own source, then each corroborating sentence and each mark."""
    panels = []
    several = len(brief.documents) > 1
    for index, item in enumerate(brief.sentences):
        number = index + 1
        entries = [evidence_entry(number, item.sentence, brief, "own", "quoted in the brief", current=True)]
        entries += [evidence_entry(number, c.sentence, brief, "also") for c in item.also_in]
        entries += [
            evidence_entry(number, m.sentence, brief, f"mark mark-{attribute(m.kind)}", m.label)
            for m in reader_marks(item)
            if m.sentence is not None
        ]
        alone = ONLY_SOURCE if item.only_source else NOT_FOUND_ELSEWHERE
        lonely = f'<p class="lonely">{alone}</p>' if several and not item.also_in else ""
        count = len({c.sentence.document for c in item.also_in})
        heading = f"Sentence {number} · in {count + 1} {plural(count + 1, 'source')}"
        hidden = "" if index == 0 else " hidden"
        panels.append(
            f'<section class="evidence" id="evidence-{number}" aria-label="Sources of sentence {number}"{hidden}>'
            f"<h3>{heading}</h3><ul>{''.join(entries)}</ul>{lonely}</section>"
        )
    return "".join(panels)


# --- sources list and page ------------------------------------------------------------------------------


def web_link(url: str) -> str:
    """A link only for a web address: any other scheme (javascript:, data:) is shown as text."""
    if url.lower().startswith(("https://", "http://")):
        return f'<a href="{attribute(url)}" rel="noopener noreferrer">{text(url)}</a>'
    return f'<span class="url">{text(url)}</span>'


def sources_html(brief: Brief) -> str:
    originals = brief_originals(brief)
    rows = []
    for number, (document, original) in enumerate(zip(brief.documents, originals)):
        n = source_number(number)
        where = f'<span class="path">{text(document.path)}</span>'
        if document.url is not None and document.url != document.path:
            where += " " + web_link(document.url)
        elif document.url is not None:
            where = web_link(document.url)
        copy = ""
        if original is not None:
            copy = f' <span class="copy">the same story as [{source_number(original)}]</span>'
        rows.append(
            f'<li id="source-{n}"><span class="badge">[{n}]</span> <span class="source-entry">'
            f'<button type="button" class="read" data-source="{n}">{text(document.title)}</button>{copy}'
            f"<br>{where}</span></li>"
        )
    return f'<ol class="source-list">{"".join(rows)}</ol>'


@cache
def asset(name: str) -> str:
    return (files("summarize") / "data" / "html" / name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def to_html(brief: Brief) -> str:
    """The whole page; the same brief gives the same bytes."""
    style, script = asset("page.css"), asset("page.js")
    policy = (
        f"default-src 'none'; style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    title = brief_title(brief)
    count = len(brief.documents)
    byline = (
        f"Briefing from {count} {plural(count, 'source')}{' (a single article)' if count == 1 else ''}"
        f" · {brief.words} words"
    )
    focus = f'<p class="focus">Question: {text(brief.focus)}</p>' if brief.focus is not None else ""
    pane = articles_html(brief) if brief.documents else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="summarize {__version__}">\n'
        f"<title>{text(title)} · briefing</title>\n<style>{style}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#source-pane">Skip to the source</a>\n<div class="layout">\n<div class="reading">\n'
        f'<header class="masthead"><p class="kicker">{text(byline)}</p><h1>{text(title)}</h1>{focus}'
        '<p class="how">Every sentence is quoted word for word from one article. Select one to see it in its'
        ' source, beside what the other sources say. <span class="keys"><kbd>↑</kbd> <kbd>↓</kbd> or <kbd>j</kbd>'
        " <kbd>k</kbd> move, <kbd>Enter</kbd> goes to the sources, <kbd>Esc</kbd> comes back.</span></p></header>\n"
        "<main>\n"
        '<section class="brief" aria-labelledby="brief-heading"><h2 id="brief-heading" class="visually-hidden">'
        f"Brief</h2>{brief_body(brief)}</section>\n"
        '<section class="coverage" aria-labelledby="coverage-heading"><h2 id="coverage-heading">Who reports what</h2>'
        f"{coverage_chart(brief)}</section>\n"
        '<section class="sources" aria-labelledby="sources-heading"><h2 id="sources-heading">Sources</h2>'
        f"{sources_html(brief)}</section>\n"
        "</main>\n"
        f'<footer class="colophon">Extractive briefing by summarize {__version__} · method {text(brief.method)}'
        f" · model {text(brief.model)} · budget {brief.budget} words</footer>\n</div>\n"
        '<aside class="pane" id="source-pane" aria-label="Source" tabindex="-1">'
        f'<div class="scroller" id="article-scroller">{pane}</div>'
        f'<div class="evidence-box">{evidence_html(brief)}</div>'
        '<p class="visually-hidden" id="pane-status" role="status" aria-live="polite"></p></aside>\n'
        f"</div>\n<script>{script}</script>\n</body>\n</html>\n"
    )
