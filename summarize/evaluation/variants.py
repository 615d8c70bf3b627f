"""The same clusters as real input often comes: without headlines, without paragraph breaks.

A ranker that leans on a set's headlines or paragraph structure scores well there and badly on text
pasted from elsewhere; evaluating each set again under these variants shows it.
"""

from __future__ import annotations

from ..inputs.document import make_document
from ..inputs.jsonl import ClusterInput

VARIANTS = {
    "notitle": "headlines blanked",
    "flat": "paragraph breaks removed",
    "both": "headlines blanked and paragraph breaks removed",
}


def check_variants(variants: list[str]) -> None:
    from ..records import SummarizeError

    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        raise SummarizeError(f"unknown variant {', '.join(unknown)}; choose from {', '.join(VARIANTS)}")
    if len(set(variants)) != len(variants):
        raise SummarizeError(f"a variant is given twice: {', '.join(variants)}")


def apply_variant(cluster: ClusterInput, variant: str) -> ClusterInput:
    """`cluster` with its headlines blanked ("notitle"), its text on one line ("flat"), or both.

    A blanked headline is replaced as for any untitled input (`summarize.inputs.document.make_document`)."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}")
    documents = []
    for document in cluster.documents:
        text = " ".join(document.text.split()) if variant in ("flat", "both") else document.text
        title = None if variant in ("notitle", "both") else document.title
        documents.append(make_document(text, document.path, title))
    return ClusterInput(cluster.id, tuple(documents), cluster.summaries)
