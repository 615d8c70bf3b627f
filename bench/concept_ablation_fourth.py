"""Fourth pass of the leave-one-set-out ablation (bench/README.md): fewer content words as concepts.

    python bench/concept_ablation_fourth.py                  # every setting below, sets as given
    python bench/concept_ablation_fourth.py --variant both   # headlines blanked, paragraph breaks removed
    python bench/concept_ablation_fourth.py --rouge-stems    # every concept stemmed as ROUGE-1.5.5 -m stems

The third pass's best setting (a bigram model over the 14 features and their pairwise products, plus
every content word two articles mention as a concept at 0.2 x a word model's predicted reference
share) doubled the integer program. Here only the words several articles stress are concepts: those
two or more articles' leads mention, or those three or more articles mention. Each learned part is
fitted on two sets and the third is briefed at 100 words, as in `bench/concept_ablation.py` (whose
harness this reuses); stderr also gives each setting's CPU time to brief a set.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any

import numpy as np
from concept_ablation import (
    MIN_DOCUMENTS,
    LearnedRanker,
    Predictor,
    Setting,
    Training,
    Transform,
    identity,
    logistic,
    main,
    pairwise,
)

from summarize.records import Analysis
from summarize.selection import concept_features as features_module
from summarize.selection.concept_features import FEATURES, concept_features
from summarize.selection.concepts import Prepared
from summarize.selection.features import containment
from summarize.text import bigrams as concept_units
from summarize.text.bigrams import bigrams, content_words

DOCUMENT_SHARE, LEAD_SHARE = FEATURES.index("document_share"), FEATURES.index("lead_share")
LOG_ARTICLES = FEATURES.index("log_articles")


def stressed_words(t: Training, articles: int) -> Predictor:
    """The word model fitted only on the words `articles` articles mention (the ones it will weigh)."""
    rows = np.vstack([e.unigram_rows for e in t.examples])
    shares = np.concatenate([e.unigram_share for e in t.examples])
    n = np.rint(np.exp(rows[:, LOG_ARTICLES]))
    kept = np.rint(rows[:, DOCUMENT_SHARE] * n) >= np.minimum(articles, n)
    return logistic(rows[kept], shares[kept])


class FewerWordsRanker(LearnedRanker):
    """Bigram weights from `predict` (over `transform`ed features); a content word is a concept only
    when `lead_articles` articles mention it in their lead and `articles` articles mention it at all."""

    def __init__(
        self,
        predict: Predictor,
        transform: Transform,
        unigrams: Predictor,
        scale: float,
        lead_articles: int,
        articles: int,
        share: float = 0.0,
        **options: Any,
    ) -> None:
        super().__init__(predict, transform, predict_unigram=unigrams, unigram_scale=scale, **options)
        self.lead_articles, self.articles, self.share = lead_articles, articles, share

    def prepared(self, analysis: Analysis) -> Prepared:
        standalone = containment(analysis)
        pairs = [bigrams(s.text) for s in analysis.sentences]
        weights = self._weights(analysis, pairs, standalone, self.predict, self.transform)
        words = [content_words(s.text) for s in analysis.sentences]
        threshold = min(MIN_DOCUMENTS, len(analysis.documents))
        kept, rows = concept_features(analysis.documents, analysis.sentences, words, standalone, threshold)
        if kept:
            n = len(analysis.documents)
            stressed = (
                (np.rint(rows[:, LEAD_SHARE] * n) >= min(self.lead_articles, n))
                & (np.rint(rows[:, DOCUMENT_SHARE] * n) >= min(self.articles, n))
                & (rows[:, DOCUMENT_SHARE] >= self.share - 1e-9)
            )
            predicted = self.predict_unigram(rows) if self.predict_unigram else np.zeros(len(kept))
            chosen = {w: float(v) for w, v, keep in zip(kept, predicted, stressed) if keep}
            weights.update((w, self.unigram_scale * v) for w, v in chosen.items())
            words = [{w for w in held if w in chosen} for held in words]
        return Prepared(standalone, [p | w for p, w in zip(pairs, words)], weights)


def fewer_words(
    lead_articles: int,
    articles: int,
    scale: float = 0.2,
    fitted_on_kept: bool = False,
    transform: Transform = pairwise,
    share: float = 0.0,
) -> Setting:
    return lambda t: FewerWordsRanker(
        logistic(*t.stack(transform=transform)),
        transform,
        stressed_words(t, articles) if fitted_on_kept else t.unigrams(),
        scale,
        lead_articles,
        articles,
        share,
    )


FOURTH: dict[str, Setting] = {
    "learned, bigrams only (shipped)": lambda t: LearnedRanker(logistic(*t.stack())),
    "third pass: pairwise products + content words x 0.2": lambda t: LearnedRanker(
        logistic(*t.stack(transform=pairwise)), pairwise, predict_unigram=t.unigrams(), unigram_scale=0.2
    ),
    "+ words 2 articles' leads mention x 0.2": fewer_words(2, 2),
    "+ words 3 articles mention x 0.2": fewer_words(0, 3),
    "+ words 2 leads and 3 articles mention x 0.2": fewer_words(2, 3),
    "+ words 3 articles mention x 0.1": fewer_words(0, 3, 0.1),
    "+ words 3 articles mention x 0.2, word model fitted on those": fewer_words(0, 3, 0.2, True),
    "pairwise products alone": lambda t: LearnedRanker(logistic(*t.stack(transform=pairwise)), pairwise),
    "bigram model without products + words 3 articles mention x 0.2": fewer_words(0, 3, transform=identity),
    "bigram model without products + words 30% of articles mention x 0.2": fewer_words(
        0, 2, transform=identity, share=0.3
    ),
}


@cache
def rouge_stem(word: str) -> str:
    """A word stemmed as ROUGE-1.5.5 -m does: WordNet's exceptions, then its Porter, on 4+ letters."""
    from summarize.evaluation.rouge import rouge_porter_stem, wordnet_exceptions

    return word if len(word) <= 3 else wordnet_exceptions().get(word) or rouge_porter_stem(word)


if __name__ == "__main__":
    if "--rouge-stems" in sys.argv:
        sys.argv.remove("--rouge-stems")
        concept_units.stem = rouge_stem  # every concept, feature and training target
        features_module.stem = rouge_stem  # the capitalised-words feature looks words up by stem
        FOURTH = {f"{name}, ROUGE's stems": setting for name, setting in FOURTH.items()}
    main(FOURTH, __doc__)
