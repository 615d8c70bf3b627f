"""Write a brief as markdown for people or as JSON for programs (a stable contract)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..clustering.stories import TITLED_STORIES, has_headline, story_groups
from ..records import MAX_SENTENCE_WORDS, MIN_SENTENCE_WORDS, Brief, BriefSection, BriefSentence, Document
from ..text.boilerplate import front_matter
from ..text.story_copies import brief_originals
from ..wording import plural
from .safety import json_escaped, one_line, printable

_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")


def source_number(document: int) -> int:
    """Sources are numbered from 1 in the order the documents were given."""
    return document + 1


def article_start(text: str) -> int:
    """Where an article's text starts when it is shown (the HTML page's and the TUI's source view):
    past a markdown file's YAML front matter, which is not the article (its title is the source's
    title), and the blank lines after it; 0 without one. Offsets into `text` stay as they are."""
    skip = front_matter(text)[0]
    blank = _BLANK_LINES.match(text, skip) if skip else None
    return blank.end() if blank else skip


def disagreement_notes(item: BriefSentence) -> list[str]:
    """`[3] gives 9,000 dead` for each source that gives the sentence's event another figure (its
    most similar such sentence)."""
    shown: dict[int, str] = {}
    for other in sorted(item.disagrees, key=lambda d: (d.sentence.document, -d.similarity)):
        shown.setdefault(other.sentence.document, other.what)
    return [f"[{source_number(d)}] {what}" for d, what in sorted(shown.items())]


def only_note(item: BriefSentence) -> str:
    """`only [4]` for a development only its source reports, else nothing."""
    return f"only [{source_number(item.sentence.document)}]" if item.only_source else ""


def citation_markers(item: BriefSentence) -> str:
    """`[2] (also [1][4]; [3] gives 9,000 dead)`: the source, those that report the same fact, and
    those that report it with another figure; `(only [4])` for a development only its source reports."""
    if item.only_source:
        return f"({only_note(item)})"
    marker = f"[{source_number(item.sentence.document)}]"
    others = sorted({c.sentence.document for c in item.also_in})
    notes = (["also " + "".join(f"[{source_number(d)}]" for d in others)] if others else []) + disagreement_notes(item)
    if notes:
        marker += " (" + "; ".join(notes) + ")"
    return marker


def brief_title(brief: Brief) -> str:
    """The story's headline: of the sources' own headlines (not made from a lead, not a file name),
    the one that shares the most content words with the others (a word scores once for each other
    headline that has it); on a tie, the earliest source's. It depends on the sources alone, so a
    brief keeps its title at every length, with any prompt or method. With no headline among them,
    the title of the most important sentence's source (its lead's first words). Articles on separate
    stories (summarize.clustering.stories: a storm page and an article on NATO) are titled so, each
    story by its own headline, the story of most articles first: "2 separate stories: Storm floods
    the coast; NATO expels eight Russians"."""
    groups = stories(brief)
    if len(groups) > 1:
        shown = [_story_title(brief, group, brief.documents[group[0]].title) for group in groups[:TITLED_STORIES]]
        more = len(groups) - len(shown)
        return f"{len(groups)} separate stories: " + "; ".join(shown + ([f"and {more} more"] if more else []))
    return _story_title(brief, range(len(brief.documents)), "Briefing")


def stories(brief: Brief) -> list[list[int]]:
    """The brief's documents grouped by story, the story of most articles first (one group, or none
    for a single article, when they tell one story: summarize.clustering.stories)."""
    return story_groups(brief.documents, brief.clusters, brief.originals)


def story_parts(brief: Brief) -> list[tuple[str, list[int], list[int]]]:
    """For a plain brief of separate stories: each story's headline, its documents and the indexes
    of its brief sentences (the brief tells them story by story); [] for one story."""
    groups = stories(brief)
    if len(groups) < 2:
        return []
    parts = []
    for group in groups:
        members = set(group)
        mine = [i for i, item in enumerate(brief.sentences) if item.sentence.document in members]
        parts.append((_story_title(brief, group, brief.documents[group[0]].title), group, mine))
    return parts


def _story_title(brief: Brief, documents: Sequence[int], otherwise: str) -> str:
    """The headline `brief_title` gives the story of these documents; `otherwise` when none has a
    headline and no brief sentence is theirs."""
    headlines = [brief.documents[d].title for d in documents if has_headline(brief.documents[d])]
    if headlines:
        from ..text.bigrams import content_words  # its stemmer is NLTK's: not imported until a brief is shown

        words = [content_words(headline) for headline in headlines]
        shared = Counter(word for some in words for word in some)
        best = max(range(len(headlines)), key=lambda k: (sum(shared[word] - 1 for word in words[k]), -k))
        return headlines[best]
    leading = [item.sentence.document for item in brief.sentences if item.sentence.document in documents]
    return brief.documents[leading[0]].title if leading else otherwise


def source_line(number: int, document: Document, original: int | None) -> str:
    """`1. Title — `path``, with the URL for a page saved from the web and a note on a copy."""
    line = f"{source_number(number)}. {one_line(document.title)} — `{one_line(document.path)}`"
    if document.url is not None and document.url != document.path:
        line += f" ({one_line(document.url)})"
    if original is not None:
        line += f" (the same story as [{source_number(original)}])"
    return line


NOT_ADDRESSED = "No article addresses this."
NOTHING_FITS = "Nothing on this fits the word budget."
NOT_FOUND_ELSEWHERE = "No other source was found to report this same fact."
ONLY_SOURCE = "Only this source reports this: it leads with it, and its headline has a word no other source uses."
ONE_ARTICLE = "Only one article was given, so no sentence is checked against another source."
NO_SENTENCE_FITS = "No sentence of the input fits this word budget."
NO_SENTENCE_CAN_BE_BRIEFED = (
    f"No sentence of the input can be briefed: each has fewer than {MIN_SENTENCE_WORDS} words or more than "
    f"{MAX_SENTENCE_WORDS}, or asks a question."
)
# The README's promise: a brief fills at least this share of its budget when the input has enough material.
FILLS_AT_LEAST = 0.8


def wider_budget_helps(brief: Brief) -> bool:
    """Whether a plain brief that holds no sentence would hold one at a larger budget."""
    return brief.shortest_choosable is not None and brief.shortest_choosable > brief.budget


def empty_brief_note(brief: Brief) -> str:
    """Why a plain brief holds no sentence: the input has none a brief may hold (a text of short
    sentences: any budget gives the same), the budget is below the shortest it has, or those that fit
    lean on their context (None: not worked out, as for a brief built by hand)."""
    shortest = brief.shortest_choosable
    if shortest == 0:
        return NO_SENTENCE_CAN_BE_BRIEFED
    if wider_budget_helps(brief):
        return (
            f"No sentence of the input fits in {brief.budget:,} words: the shortest that can be briefed has {shortest}."
        )
    if shortest is not None:
        return (
            f"No sentence of the input that fits in {brief.budget:,} words reads on its own: each leans on its "
            "context (a dangling “He”, an unattributed quote)."
        )
    return NO_SENTENCE_FITS


def shortfall_note(brief: Brief) -> str | None:
    """One line saying that the articles ran out (or that what is left does not fit), when a brief has
    less than FILLS_AT_LEAST of its
    budget (the brief is topped up with every sentence that adds something first); else None. The
    CLI prints it on stderr, the TUI under the brief."""
    if brief.words >= FILLS_AT_LEAST * brief.budget or not brief.sentences:  # none: the brief says why
        return None
    asked = "that adds to it"
    if brief.sections:
        asked = "that answers the question" if brief.focus else "that answers its questions"
    undated = sum(section.undated for section in brief.sections)
    repeated = sum(section.repeated for section in brief.sections)
    reasons = (
        [
            f"a timeline takes only sentences that give a date: {undated:,} other "
            f"{plural(undated, 'sentence gives', 'sentences give')} none"
        ]
        if undated
        else []
    ) + (
        [f"{repeated:,} dated {plural(repeated, 'sentence tells', 'sentences tell')} news the timeline already gives"]
        if repeated
        else []
    )
    dated = f" ({'; '.join(reasons)})" if reasons else ""
    # "fits": at a small budget the next sentence may be merely too long, not missing
    return (
        f"Note: the brief has {brief.words} of the {brief.budget} words asked for: the articles hold "
        f"no other sentence {asked} and fits in the {brief.budget - brief.words:,} words left{dated}."
    )


def section_lines(brief: Brief) -> list[str]:
    """Each section as a `## heading` with its bullets, or a line saying why it has none."""
    lines: list[str] = []
    for number, section in enumerate(brief.sections):
        if number:
            lines.append("")
        lines += [f"## {section.title}", ""]
        for group_number, group in enumerate(section.groups or [None]):
            if group is not None:  # grouped by speaker: the name in bold, then what they said
                lines += ([""] if group_number else []) + [f"**{group.title}**", ""]
            members = section.sentences if group is None else group.sentences
            items = [brief.sentences[i] for i in members]
            lines += [f"- {item.sentence.text} {citation_markers(item)}" for item in items]
        if not section.sentences:
            lines.append(NOT_ADDRESSED if not section.addressed else NOTHING_FITS)
    return lines


def to_markdown(brief: Brief) -> str:
    """The brief for people; article text comes out printable (no terminal escapes)."""
    count = len(brief.documents)
    lines = [
        f"# {one_line(brief_title(brief))}",
        "",
        f"*Briefing from {count} {plural(count, 'source')}"
        f"{' (a single article)' if count == 1 else ''}, {brief.words} words.*",
        "",
    ]
    if count == 1:
        lines += [ONE_ARTICLE, ""]
    if not brief.sentences and not brief.sections:
        lines += [empty_brief_note(brief), ""]
    if brief.sections:
        lines += section_lines(brief)
    else:
        parts = story_parts(brief)  # separate stories: each under its own headline
        for place, (title, _, members) in enumerate(parts or [("", [], list(range(len(brief.sentences))))]):
            if title and (members or place < TITLED_STORIES):  # a titled story without a sentence says so
                lines += ([""] if lines[-1] else []) + [f"## {one_line(title)}", ""]
            if title and not members and place < TITLED_STORIES:
                lines += [NOTHING_FITS]
            lines += [f"- {brief.sentences[i].sentence.text} {citation_markers(brief.sentences[i])}" for i in members]
    lines += ["", "## Sources", ""]
    originals = brief_originals(brief)
    lines += [source_line(i, doc, originals[i]) for i, doc in enumerate(brief.documents)]
    return printable("\n".join(lines)) + "\n"


def source_entry(number: int, document: Document, original: int | None) -> dict[str, Any]:
    """A source's JSON: `url`, `encoding` and `duplicate_of` only when they apply."""
    entry: dict[str, Any] = {"id": source_number(number), "title": document.title, "path": document.path}
    if document.url is not None:
        entry["url"] = document.url
    if document.encoding is not None:
        entry["encoding"] = document.encoding
    if original is not None:
        entry["duplicate_of"] = source_number(original)
    return entry


def section_entry(section: BriefSection) -> dict[str, Any]:
    """A section's JSON: its sentences are indexes into "sentences"; `addressed` is false when no
    article addresses its questions (an empty section whose material did not fit says true);
    `groups` only for a section grouped by speaker."""
    entry: dict[str, Any] = {
        "title": section.title,
        "questions": list(section.questions),
        "sentences": list(section.sentences),
        "addressed": section.addressed,
    }
    if section.groups:
        entry["groups"] = [{"title": g.title, "sentences": list(g.sentences)} for g in section.groups]
    if section.undated:
        entry["undated"] = section.undated
    if section.repeated:
        entry["repeated"] = section.repeated
    return entry


def to_dict(brief: Brief) -> dict[str, Any]:
    cited = {item.cluster for item in brief.sentences}
    originals = brief_originals(brief)
    single = {"single_source": True} if len(brief.documents) == 1 else {}
    return {
        "budget": brief.budget,
        "words": brief.words,
        "method": brief.method,
        "model": brief.model,
        **single,
        **({"focus": brief.focus} if brief.focus is not None else {}),
        # A program gets the reason a person reads (markdown, HTML and the TUI say it too).
        **({"empty": empty_brief_note(brief)} if not brief.sentences and not brief.sections else {}),
        "sources": [source_entry(i, doc, originals[i]) for i, doc in enumerate(brief.documents)],
        "sentences": [
            {
                "text": item.sentence.text,
                "source": source_number(item.sentence.document),
                "start": item.sentence.start,
                "end": item.sentence.end,
                "cluster": item.cluster,
                "score": item.score,
                "also_in": [
                    {
                        "source": source_number(c.sentence.document),
                        "text": c.sentence.text,
                        "start": c.sentence.start,
                        "end": c.sentence.end,
                        "similarity": c.similarity,
                    }
                    for c in item.also_in
                ],
                "disagrees": [
                    {
                        "source": source_number(d.sentence.document),
                        "text": d.sentence.text,
                        "start": d.sentence.start,
                        "end": d.sentence.end,
                        "what": d.what,
                    }
                    for d in item.disagrees
                ],
                "only_source": item.only_source,
            }
            for item in brief.sentences
        ],
        # Only for a sectioned or focused brief (see summarize.sections.prompts): plain briefs keep their shape.
        **({"sections": [section_entry(section) for section in brief.sections]} if brief.sections else {}),
        # Only for a plain brief of separate stories: each story's headline, sources and sentences.
        **(
            {
                "stories": [
                    {
                        "title": title,
                        "sources": [source_number(d) for d in group],
                        "sentences": members,
                        **({} if members else {"note": NOTHING_FITS}),
                    }
                    for title, group, members in story_parts(brief)
                ]
            }
            if not brief.sections and len(stories(brief)) > 1
            else {}
        ),
        # Clusters that span several sources or stand behind a brief sentence: the story's themes.
        "clusters": [
            {"id": c.id, "sources": [source_number(d) for d in c.sources], "size": c.size}
            for c in brief.clusters
            if len(c.sources) > 1 or c.id in cited
        ],
    }


def to_json(brief: Brief) -> str:
    """The brief for programs: the texts exactly as read, with every control character escaped."""
    return json_escaped(json.dumps(to_dict(brief), ensure_ascii=False, indent=2)) + "\n"
