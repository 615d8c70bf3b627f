"""How often the reader rules that point back fire: on every sentence of the development sets, and on
the sentences of their 100-word briefs before the rules (the concept ranker without reader rules).

    python bench/reader_rules_count.py

Rules (summarize.selection.leaning): `pronoun/quote` (opens with a pronoun or demonstrative, a bare
"he said", a continued quotation), `definite noun` ("The expulsion was ..."), `event noun` ("The
Kremlin's response on Thursday came ...": needs the sentence before it), `unnamed speaker` ("..., the
NATO official told the AP": needs the previous sentence, if it introduces the speaker), `connective`
("In fact, ...", "But ...", "As a result, ...": needs the sentence before it). The data are read from
../shared, never copied here.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tables import settings_table

from summarize.embedding.backends import default_embedder
from summarize.embedding.cache import with_cache
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import analyze, compose_brief
from summarize.records import Analysis
from summarize.selection.concept_model import model_not_trained_on
from summarize.selection.concepts import ConceptRanker
from summarize.selection.leaning import (
    definite_noun,
    opens_with_connective,
    opens_with_event,
    points_back,
    unnamed_speaker,
)

SETS = ("duc2002", "duc2003", "tac2010")
RULES = ("pronoun/quote", "definite noun", "event noun", "unnamed speaker", "connective")


def fired(analysis: Analysis, index: int) -> str | None:
    """The first rule that fires on the sentence, in the order `leaning` tries them."""
    sentence = analysis.sentences[index]
    if points_back(sentence, analysis.documents[sentence.document].text):
        return RULES[0]
    if opens_with_event(sentence.text):
        return RULES[2]
    if opens_with_connective(sentence.text):
        return RULES[4]
    if unnamed_speaker(sentence.text) is not None:
        return RULES[3]
    if definite_noun(sentence) is not None:
        return RULES[1]
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--words", type=int, default=100)
    args = parser.parse_args()
    embedder = with_cache(default_embedder())
    columns: dict[str, list[str]] = {rule: [] for rule in RULES}
    for held in SETS:
        clusters = list(read_clusters(args.data / f"{held}.jsonl", checked=False))
        ranker = ConceptRanker(model=model_not_trained_on([c.id for c in clusters]), reader_fit=False)
        every, in_briefs = Counter[str](), Counter[str]()
        for cluster in clusters:
            analysis = analyze(cluster.documents, embedder)
            every.update(rule for i in range(len(analysis.sentences)) if (rule := fired(analysis, i)))
            index = {s: i for i, s in enumerate(analysis.sentences)}
            chosen = [index[item.sentence] for item in compose_brief(analysis, args.words, ranker).sentences]
            in_briefs.update(rule for i in chosen if (rule := fired(analysis, i)))
        for rule in RULES:
            columns[rule].append(f"{every[rule]} / {in_briefs[rule]}")
    print(settings_table(f"rule (sentences / in {args.words}-word briefs without reader rules)", SETS, columns))


if __name__ == "__main__":
    main()
