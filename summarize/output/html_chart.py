"""The HTML page's coverage chart: the brief's sentences by sources, which source reports what, as
inline SVG (no plotting library, nothing fetched). Colours come from the page's stylesheet, so the
chart follows light and dark mode; a cell of a reporting source is one click from its sentence."""

from __future__ import annotations

from html import escape

from ..records import Brief, BriefSentence, Sentence
from .render import source_number

CELL = 22
GAP = 4
LABEL = 30  # the row numbers' column and the column labels' row


def span_id(sentence: Sentence) -> str:
    """The page's id of a sentence's span in its article (the chart and the page link to it)."""
    return f"s{source_number(sentence.document)}-{sentence.start}-{sentence.end}"


def reports_by_source(item: BriefSentence) -> dict[int, Sentence]:
    """Each source that also reports a brief sentence, with its most similar sentence there (the one
    the brief's `[n]` and the chart's cell show)."""
    first: dict[int, Sentence] = {}
    for corroboration in item.also_in:
        first.setdefault(corroboration.sentence.document, corroboration.sentence)
    return first


def cell_sentence(brief: Brief, row: int, document: int) -> tuple[str, Sentence | None]:
    """What a cell shows: the sentence's own source, a source that also reports it, or one that does not."""
    item = brief.sentences[row]
    if item.sentence.document == document:
        return "own", item.sentence
    reported = reports_by_source(item).get(document)
    return ("also", reported) if reported is not None else ("none", None)


def coverage_chart(brief: Brief) -> str:
    rows, columns = len(brief.sentences), len(brief.documents)
    if not rows or not columns:
        return '<p class="note">No sentence to chart.</p>'
    width = LABEL + columns * (CELL + GAP)
    height = LABEL + rows * (CELL + GAP)
    parts = [
        (
            f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
            f' viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title">'
            f'<title id="chart-title">Coverage: for each of the {rows} brief sentences, the source it is quoted'
            f" from and the sources that also report it</title>"
        )
    ]
    for document in range(columns):
        x = LABEL + document * (CELL + GAP) + CELL / 2
        label = f"[{source_number(document)}]"
        parts.append(f'<text class="axis" x="{x:g}" y="{LABEL - 10}" text-anchor="middle">{label}</text>')
    for row in range(rows):
        y = LABEL + row * (CELL + GAP)
        parts.append(f'<text class="axis" x="{LABEL - 8}" y="{y + CELL / 2 + 4:g}" text-anchor="end">{row + 1}</text>')
        for document in range(columns):
            kind, sentence = cell_sentence(brief, row, document)
            x = LABEL + document * (CELL + GAP)
            what = {"own": "quoted from", "also": "also reported by", "none": "not found in"}[kind]
            link = f' data-item="{row + 1}" data-span="{span_id(sentence)}"' if sentence else ""
            parts.append(
                f'<rect class="cell {kind}" x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="4"{link}>'
                f"<title>Sentence {row + 1}: {escape(what)} [{source_number(document)}]</title></rect>"
            )
    parts.append("</svg>")
    legend = (
        '<p class="legend"><span class="key own"></span> quoted from <span class="key also"></span> also reports it'
        ' <span class="key none"></span> does not report it</p>'
    )
    return f'<div class="chart-box">{"".join(parts)}</div>{legend}'
