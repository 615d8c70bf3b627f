"""Generic features of a cluster's concepts (content-word bigrams), for learned concept weights.

Every feature describes how the articles use a bigram, never which words it holds: how many articles
mention it, how early, in a lead or a headline, how often, whether its words are stop words, names or
numbers, and how self-contained its sentences are. A model over these features transfers to news on
other topics (Li, Qian & Liu 2013; Hong & Nenkova 2014); one that weighed particular words would not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain

import numpy as np

from ..records import Document, Sentence
from ..text.bigrams import STOP_WORDS, Concept, bigrams, stem

FEATURES = (
    "document_share",  # articles that mention it / articles
    "log_documents",  # log(1 + articles that mention it)
    "log_sentences",  # log(1 + sentences that mention it)
    "lead_share",  # articles that mention it in their first LEAD_SENTENCES sentences / articles
    "first_share",  # articles that mention it in their first sentence / articles
    "earliest",  # mean over the articles that mention it of 1 / (1 + position of its first mention)
    "title_share",  # articles whose headline (not one made from the lead) has the bigram / articles
    "title_word_share",  # mean over its content words of: articles whose headline has the word / articles
    "word_share",  # mean over its content words of: articles that mention the word / articles
    "stop_word",  # 1 when one of its two words is a stop word
    "capitalised",  # share of its content words written capitalised inside sentences (names)
    "number",  # 1 when one of its words is a number
    "standalone",  # mean self-containment of the sentences that mention it
    "log_articles",  # log(articles in the cluster): lets the other features scale with cluster size
)
LEAD_SENTENCES = 3
_CASED_WORD = re.compile(r"[A-Za-z0-9]+")


def _capitalised_share(sentences: Sequence[Sentence]) -> dict[str, float]:
    """For each stemmed content word, how often it is written capitalised when not opening a sentence."""
    # Counted per distinct spelling first: the stop-word test and the stemmer then run once a spelling.
    spellings = Counter(chain.from_iterable(_CASED_WORD.findall(sentence.text)[1:] for sentence in sentences))
    capitalised: dict[str, int] = {}
    seen: dict[str, int] = {}
    for word, count in spellings.items():
        lower = word.lower()
        if lower in STOP_WORDS:
            continue
        token = stem(lower)
        seen[token] = seen.get(token, 0) + count
        capitalised[token] = capitalised.get(token, 0) + count * word[0].isupper()
    return {token: capitalised[token] / count for token, count in seen.items()}


def _mean(values: list[int] | list[float]) -> float:
    """np.mean's value, bit for bit (a concept's words: one or two values), without its overhead."""
    if len(values) == 1:
        return float(values[0])
    if len(values) == 2:
        return (values[0] + values[1]) / 2
    return float(np.mean(values))


def concept_features(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    concepts: Sequence[set[Concept]],
    standalone: Sequence[float] | np.ndarray,
    min_documents: int = 1,
) -> tuple[list[Concept], np.ndarray]:
    """The bigrams that at least `min_documents` articles mention (sorted) and their feature rows
    (columns in the order of FEATURES). `concepts` and `standalone` are each sentence's bigrams and
    self-containment.

    Computed over arrays of mentions (a sentence's concept is a mention): a batch's clusters have
    hundreds of thousands. The two sums of fractions are taken in the order a loop over the sentences
    would take them (`earliest`: the articles in the order they first mention the bigram, summed as
    np.mean sums; `standalone`: the sentences in order), so the values do not depend on the method."""
    articles = len(documents)
    count = min(len(sentences), len(concepts), len(standalone))
    sentences, concepts = sentences[:count], concepts[:count]
    every = sorted(set().union(*concepts))
    number_of = {concept: number for number, concept in enumerate(every)}
    sizes = np.fromiter(map(len, concepts), dtype=np.int64, count=count)
    mentions = int(sizes.sum())
    concept = np.fromiter(map(number_of.__getitem__, chain.from_iterable(concepts)), dtype=np.int64, count=mentions)
    document = np.repeat(np.fromiter((s.document for s in sentences), dtype=np.int64, count=count), sizes)
    position = np.repeat(np.fromiter((s.position for s in sentences), dtype=np.int64, count=count), sizes)
    alone = np.repeat(np.array([float(value) for value in standalone[:count]], dtype=np.float64), sizes)

    # One entry per (bigram, article): where the article first mentions it, and its earliest position.
    pair = concept * (int(document.max(initial=0)) + 1) + document
    by_pair = np.argsort(pair, kind="stable")  # stable: a pair's first entry is its first mention
    starts = np.flatnonzero(np.r_[True, pair[by_pair][1:] != pair[by_pair][:-1]]) if mentions else np.zeros(0, int)
    pair_concept, first_mention = concept[by_pair][starts], by_pair[starts]
    earliest_position = np.minimum.reduceat(position[by_pair], starts) if mentions else np.zeros(0, np.int64)
    articles_of = np.bincount(pair_concept, minlength=len(every))
    in_lead = np.bincount(pair_concept[earliest_position < LEAD_SENTENCES], minlength=len(every))
    in_first = np.bincount(pair_concept[earliest_position == 0], minlength=len(every))
    in_order = np.lexsort((first_mention, pair_concept))  # each bigram's articles, in order of first mention
    earliness = 1.0 / (1.0 + earliest_position[in_order])
    earliness_start = np.concatenate(([0], np.cumsum(articles_of)))
    sentences_of = np.bincount(concept, minlength=len(every))
    standalone_sum = np.zeros(len(every))
    np.add.at(standalone_sum, concept, alone)  # unbuffered: in mention order, as a running sum

    document_concepts: dict[int, set[Concept]] = {}
    for sentence, sentence_concepts in zip(sentences, concepts):
        document_concepts.setdefault(sentence.document, set()).update(sentence_concepts)
    word_articles = Counter(chain.from_iterable({w for c in found for w in c} for found in document_concepts.values()))
    # A title made from the lead's first words is no headline: it would count the lead twice.
    titles = [set() if d.title_from_lead else bigrams(d.title) for d in documents]
    title_counts = Counter(chain.from_iterable(titles))
    title_words: dict[str, int] = {}
    for title in titles:
        for word in {w for pair in title for w in pair}:
            title_words[word] = title_words.get(word, 0) + 1
    capitalised = _capitalised_share(sentences)
    kept_numbers = np.flatnonzero(articles_of >= min_documents)
    kept = [every[number] for number in kept_numbers]
    rows = np.zeros((len(kept), len(FEATURES)))
    if not kept:
        return kept, rows
    kept_articles = articles_of[kept_numbers]
    rows[:, 0] = kept_articles / articles
    rows[:, 1] = np.log1p(kept_articles)
    rows[:, 2] = np.log1p(sentences_of[kept_numbers])
    rows[:, 3] = in_lead[kept_numbers] / articles
    rows[:, 4] = in_first[kept_numbers] / articles
    rows[:, 5] = [
        float(np.add.reduce(earliness[earliness_start[n] : earliness_start[n + 1]]) / articles_of[n])
        for n in kept_numbers
    ]
    rows[:, 12] = standalone_sum[kept_numbers] / sentences_of[kept_numbers]
    rows[:, 13] = np.log(articles)
    for row, bigram in zip(rows, kept):
        content = [w for w in bigram if w not in STOP_WORDS] or list(bigram)
        row[6] = title_counts[bigram] / articles
        row[7] = _mean([title_words.get(w, 0) for w in content]) / articles
        row[8] = _mean([word_articles[w] for w in content]) / articles
        row[9] = float(any(w in STOP_WORDS for w in bigram))
        row[10] = _mean([capitalised.get(w, 0.0) for w in content])
        row[11] = float(any(w.isdigit() for w in bigram))
    return kept, rows
