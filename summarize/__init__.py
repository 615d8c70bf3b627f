"""summarize: cited, extractive briefings of several news articles about one event.

The library's face: every name below is importable from `summarize` itself, e.g.

    from summarize import analyze, compose_brief, read_documents, to_markdown, embedder_for

Names are imported when first used (`import summarize` stays instant: the command line starts here).
The stages, in the order a brief is made, are the sub-packages: inputs, text, embedding, clustering,
selection, citations, sections, output (and batch, evaluation, cli around them)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .citations.corroboration import CorroborationJudge
    from .embedding.backends import default_embedder, embedder_for
    from .embedding.base import Embedder
    from .embedding.cache import with_cache
    from .embedding.torch_model import SentenceTransformerEmbedder
    from .inputs.document import make_document
    from .inputs.documents import read_documents, sample_documents
    from .inputs.jsonl import read_clusters
    from .output.formats import render_as
    from .output.html import to_html
    from .output.render import to_dict, to_json, to_markdown
    from .pipeline import BriefSettings, analyze, build_brief, compose_brief
    from .records import Analysis, Brief, BriefSentence, Document, Sentence, SummarizeError
    from .sections.prompts import Prompt, load_prompt, shipped_prompts
    from .selection.base import Ranker
    from .selection.concepts import ConceptRanker
    from .selection.registry import ranker_named
    from .selection.salience import SalienceRanker

# Each public name, by the module that defines it.
_HOMES = {
    # records
    "Analysis": "summarize.records",
    "Brief": "summarize.records",
    "BriefSentence": "summarize.records",
    "Document": "summarize.records",
    "Sentence": "summarize.records",
    "SummarizeError": "summarize.records",
    # the pipeline
    "BriefSettings": "summarize.pipeline",
    "analyze": "summarize.pipeline",
    "compose_brief": "summarize.pipeline",
    "build_brief": "summarize.pipeline",
    # inputs
    "read_documents": "summarize.inputs.documents",
    "sample_documents": "summarize.inputs.documents",
    "make_document": "summarize.inputs.document",
    "read_clusters": "summarize.inputs.jsonl",
    # embedding
    "Embedder": "summarize.embedding.base",
    "SentenceTransformerEmbedder": "summarize.embedding.torch_model",
    "embedder_for": "summarize.embedding.backends",
    "default_embedder": "summarize.embedding.backends",
    "with_cache": "summarize.embedding.cache",
    # selection
    "Ranker": "summarize.selection.base",
    "ranker_named": "summarize.selection.registry",
    "ConceptRanker": "summarize.selection.concepts",
    "SalienceRanker": "summarize.selection.salience",
    # citations
    "CorroborationJudge": "summarize.citations.corroboration",
    # sections
    "Prompt": "summarize.sections.prompts",
    "load_prompt": "summarize.sections.prompts",
    "shipped_prompts": "summarize.sections.prompts",
    # output
    "to_markdown": "summarize.output.render",
    "to_json": "summarize.output.render",
    "to_dict": "summarize.output.render",
    "to_html": "summarize.output.html",
    "render_as": "summarize.output.formats",
}

__all__ = [
    "Analysis",
    "Brief",
    "BriefSentence",
    "BriefSettings",
    "ConceptRanker",
    "CorroborationJudge",
    "Document",
    "Embedder",
    "Prompt",
    "Ranker",
    "SalienceRanker",
    "Sentence",
    "SentenceTransformerEmbedder",
    "SummarizeError",
    "__version__",
    "analyze",
    "build_brief",
    "compose_brief",
    "default_embedder",
    "embedder_for",
    "load_prompt",
    "make_document",
    "ranker_named",
    "read_clusters",
    "read_documents",
    "render_as",
    "sample_documents",
    "shipped_prompts",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
    "with_cache",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'summarize' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
