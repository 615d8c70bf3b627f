"""Write a brief as markdown for people or as JSON for programs (a stable contract)."""

from __future__ import annotations

import json
from typing import Any

from .records import Brief, BriefSentence


def source_number(document: int) -> int:
    """Sources are numbered from 1 in the order the documents were given."""
    return document + 1


def citation_markers(item: BriefSentence) -> str:
    marker = f"[{source_number(item.sentence.document)}]"
    others = sorted({c.sentence.document for c in item.also_in})
    if others:
        marker += " (also " + "".join(f"[{source_number(d)}]" for d in others) + ")"
    return marker


def brief_title(brief: Brief) -> str:
    """The headline of the source the most important sentence comes from."""
    if brief.sentences:
        return brief.documents[brief.sentences[0].sentence.document].title
    return "Briefing"


def to_markdown(brief: Brief) -> str:
    count = len(brief.documents)
    lines = [
        f"# {brief_title(brief)}",
        "",
        f"*Briefing from {count} source{'s' if count != 1 else ''}"
        f"{' (a single article)' if count == 1 else ''}, {brief.words} words.*",
        "",
    ]
    if not brief.sentences:
        lines += ["No sentence of the input fits this word budget.", ""]
    lines += [f"- {item.sentence.text} {citation_markers(item)}" for item in brief.sentences]
    lines += ["", "## Sources", ""]
    lines += [f"{source_number(i)}. {doc.title} — `{doc.path}`" for i, doc in enumerate(brief.documents)]
    return "\n".join(lines) + "\n"


def to_dict(brief: Brief) -> dict[str, Any]:
    cited = {item.cluster for item in brief.sentences}
    return {
        "budget": brief.budget,
        "words": brief.words,
        "method": brief.method,
        "model": brief.model,
        "sources": [
            {"id": source_number(i), "title": doc.title, "path": doc.path} for i, doc in enumerate(brief.documents)
        ],
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
            }
            for item in brief.sentences
        ],
        # Clusters that span several sources or stand behind a brief sentence: the story's themes.
        "clusters": [
            {"id": c.id, "sources": [source_number(d) for d in c.sources], "size": c.size}
            for c in brief.clusters
            if len(c.sources) > 1 or c.id in cited
        ],
    }


def to_json(brief: Brief) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=2) + "\n"
