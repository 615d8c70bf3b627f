"""The baseline summarizers we compare against, run the same way on every cluster.

``lead`` is ours; the others are sumy's (LexRank, TextRank, LSA, Luhn, KL-Sum,
SumBasic) with sumy's English stemmer and stop words. sumy has no
multi-document mode, so a cluster is given to it as one document: the
documents' paragraphs in order, separated by blank lines.

Sentences: every method works on the same sentence inventory. A document's
paragraphs are its blank-line separated blocks with runs of whitespace
collapsed to one space (what sumy's PlaintextParser does with line breaks
anyway); a paragraph that sumy would take for a heading (all upper case) is not
a candidate; the rest are cut into sentences by the splitter given. Returned
sentences are therefore verbatim sentences of the input up to whitespace
inside them, joined with single spaces.

Word budget: words are whitespace-separated tokens (as ROUGE's ``-l`` counts
them). Peers are run the way DUC systems were scored: sentences are taken until
the budget is reached and the summary is cut after ``words`` words, as
ROUGE-1.5.5 ``-l`` would cut it (the last sentence may be cut mid-way). Our own
briefs never cut a sentence, so this favours the peers slightly.

* sumy methods: sumy returns its top-k sentences in document order. We take
  the smallest k whose top-k sentences reach ``words`` words, and return what
  sumy returns for that k, cut to ``words`` words. The top-k sets are nested
  (sumy sorts all sentences by rating once, stably, and cuts), so one call
  ranks everything and gives the answer for every k; ``tests/evaluation/test_peers.py``
  checks that it equals a direct ``summarizer(document, k)`` call.
  KL-Sum is the exception to "one call": sumy orders all sentences greedily
  (14 minutes for DUC 2002's 59 clusters), so we run its greedy loop only as
  far as the budget needs, with the same result (see ``_kl_ranking_until``).
* lead: first sentences of all documents in order, then the second sentences,
  and so on, until the budget is reached; then cut to ``words`` words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from .rouge import rouge_words, truncate_words

__all__ = [
    "PEER_METHODS",
    "OfflineSumyTokenizer",
    "SpanSplitter",
    "cluster_paragraphs",
    "summarize_with_peer",
    "sumy_ranking",
    "word_count",
]

PEER_METHODS = ("lead", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")

_WHITESPACE = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
# sumy's Tokenizer keeps only tokens that look like words (letters, then
# letters, apostrophes or hyphens); the same filter keeps the two tokenizers alike.
_SUMY_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")


class SpanSplitter(Protocol):
    """Anything that cuts text into sentences given as (start, end) spans."""

    def split(self, text: str) -> list[tuple[int, int]]: ...


def word_count(text: str) -> int:
    """Whitespace-separated words, as the budget and ROUGE's ``-l`` count them."""
    return len(rouge_words(text))


class OfflineSumyTokenizer:
    """A sumy tokenizer that needs no downloaded data.

    sumy's parsers only call ``to_sentences(paragraph)`` and ``to_words(sentence)``.
    Sentences come from ``splitter.split`` (spans), words from nltk's
    ``NLTKWordTokenizer`` (the tokenizer behind ``nltk.word_tokenize``, which
    needs no data), filtered as sumy's own ``Tokenizer`` filters them.
    """

    def __init__(self, splitter: SpanSplitter) -> None:
        from nltk.tokenize import NLTKWordTokenizer

        self._splitter = splitter
        self._word_tokenizer = NLTKWordTokenizer()

    @property
    def language(self) -> str:
        return "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        sentences = (paragraph[start:end].strip() for start, end in self._splitter.split(paragraph))
        return tuple(s for s in sentences if s)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._word_tokenizer.tokenize(sentence) if _SUMY_WORD.match(w))


def _is_heading(paragraph: str) -> bool:
    # sumy's PlaintextParser._is_heading: such a line becomes a heading, not a sentence
    return paragraph.isupper() and all(not c.isalpha() or c.isupper() for c in paragraph)


def cluster_paragraphs(document: str) -> list[str]:
    """The candidate paragraphs of one document, whitespace-normalized, headings left out."""
    paragraphs = (_WHITESPACE.sub(" ", p).strip() for p in _PARAGRAPH_BREAK.split(document))
    return [p for p in paragraphs if p and not _is_heading(p)]


def cut_to_words(sentences: Sequence[str], words: int) -> str:
    """The sentences joined, cut after ``words`` words: what ROUGE's ``-l`` reads of a longer summary."""
    return truncate_words(" ".join(sentences), words) if words > 0 else ""


def _lead(documents: Sequence[str], words: int, tokenizer: OfflineSumyTokenizer) -> str:
    per_document = [
        [s for paragraph in cluster_paragraphs(d) for s in tokenizer.to_sentences(paragraph)] for d in documents
    ]
    chosen: list[str] = []
    used = 0
    for position in range(max((len(s) for s in per_document), default=0)):
        for sentences in per_document:
            if position < len(sentences) and used < words:
                chosen.append(sentences[position])
                used += word_count(sentences[position])
    return cut_to_words(chosen, words)


def _sumy_summarizer(method: str) -> Any:
    """sumy's summarizer for ``method`` with its English stemmer and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    if method == "lexrank":
        from sumy.summarizers.lex_rank import LexRankSummarizer as Summarizer
    elif method == "textrank":
        from sumy.summarizers.text_rank import TextRankSummarizer as Summarizer
    elif method == "lsa":
        from sumy.summarizers.lsa import LsaSummarizer as Summarizer
    elif method == "luhn":
        from sumy.summarizers.luhn import LuhnSummarizer as Summarizer
    elif method == "kl":
        from sumy.summarizers.kl import KLSummarizer as Summarizer
    elif method == "sumbasic":
        from sumy.summarizers.sum_basic import SumBasicSummarizer as Summarizer
    else:  # pragma: no cover - guarded by summarize_with_peer
        raise ValueError(method)
    summarizer = Summarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def _sumy_document(documents: Sequence[str], tokenizer: OfflineSumyTokenizer) -> Any:
    from sumy.parsers.plaintext import PlaintextParser

    text = "\n\n".join(p for d in documents for p in cluster_paragraphs(d))
    return PlaintextParser.from_string(text, tokenizer).document


class _RankRecorder:
    """Stands in for sumy's ``_get_best_sentences`` and keeps the full ranking.

    It does what sumy's does (rate each sentence once, in order; sort by rating,
    descending and stable; keep ``count``; restore document order) and also keeps
    the whole sorted list, so top-k for every k follows from one call.
    """

    def __init__(self) -> None:
        self.ranked: list[tuple[Any, int]] | None = None  # (sentence, document order)

    def __call__(self, sentences: Sequence[Any], count: Any, rating: Any, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
        from sumy.utils import ItemsCount

        rate: Callable[..., Any]
        if isinstance(rating, dict):
            assert not args and not kwargs
            rate = rating.__getitem__
        else:
            rate = rating
        infos = [(s, order, rate(s, *args, **kwargs)) for order, s in enumerate(sentences)]
        infos.sort(key=lambda info: info[2], reverse=True)
        self.ranked = [(s, order) for s, order, _ in infos]
        best = ItemsCount(count)(infos) if not callable(count) else count(infos)
        return tuple(s for s, _, _ in sorted(best, key=lambda info: info[1]))


def sumy_ranking(method: str, documents: Sequence[str], splitter: SpanSplitter) -> tuple[Any, list[tuple[Any, int]]]:
    """sumy's document for the cluster and all its sentences in ``method``'s rank order.

    Each entry is (sumy ``Sentence``, position in the document). Exposed for tests.
    """
    document = _sumy_document(documents, OfflineSumyTokenizer(splitter))
    summarizer = _sumy_summarizer(method)
    sentences = document.sentences
    if not sentences:
        return document, []
    recorder = _RankRecorder()
    # instance attribute shadows the static method that every summarizer calls
    summarizer._get_best_sentences = recorder
    summarizer(document, len(sentences))
    return document, recorder.ranked or []


def _kl_ranking_until(summarizer: Any, document: Any, words: int) -> list[tuple[Any, int]]:
    """The head of sumy's KL-Sum ranking, long enough to pass ``words`` words.

    sumy's ``KLSummarizer`` always orders *all* sentences, at a cost quadratic in
    their number (90-120 s for the largest DUC 2002 cluster), although the
    budget needs only the first few. This runs the same greedy loop with sumy's
    own methods and stops as soon as the settled head of the final ranking holds
    more than ``words`` words.

    What is settled: sumy's ratings are a dict keyed by sentence *text*, and
    pick number i writes ``ratings[s] = -len(ratings)``, so values never rise
    and a later pick of a duplicate text rewrites (lowers) the rating of every
    copy. Once all copies of a text are picked its rating is final, and every
    rating still to be written is at most ``-len(ratings)``. The sentences whose
    text is final with a rating above that bound are exactly the head of sumy's
    final ranking, in the same order (rating descending, ties in document
    order, as sumy's stable sort leaves them). Without duplicates the head is
    simply the picks so far.
    """
    sentences = document.sentences
    copies = Counter(sentences)
    word_freq = summarizer.compute_tf(sentences)
    remaining = list(sentences)
    remaining_words = [summarizer._get_content_words_in_sentence(s) for s in sentences]
    summary: list[Any] = []
    ratings: dict[Any, int] = {}
    picked: Counter[Any] = Counter()
    while remaining:
        summary_words = summarizer._get_all_words_in_doc(summary)
        kls = [summarizer._kl_divergence(summarizer._joint_freq(w, summary_words), word_freq) for w in remaining_words]
        index = summarizer._find_index_of_best_sentence(kls)
        best = remaining.pop(index)
        del remaining_words[index]
        summary.append(best)
        ratings[best] = -1 * len(ratings)
        picked[best] += 1
        bound = -len(ratings)
        head = [(s, order) for order, s in enumerate(sentences) if picked[s] == copies[s] and ratings[s] > bound]
        if sum(word_count(str(s)) for s, _ in head) > words:
            head.sort(key=lambda entry: ratings[entry[0]], reverse=True)
            return head
    ranked = list(zip(sentences, range(len(sentences))))
    ranked.sort(key=lambda entry: ratings[entry[0]], reverse=True)
    return ranked


def _ranking(method: str, documents: Sequence[str], words: int, splitter: SpanSplitter) -> list[tuple[Any, int]]:
    if method == "kl":
        document = _sumy_document(documents, OfflineSumyTokenizer(splitter))
        if not document.sentences:
            return []
        return _kl_ranking_until(_sumy_summarizer(method), document, words)
    return sumy_ranking(method, documents, splitter)[1]


def _sumy(method: str, documents: Sequence[str], words: int, splitter: SpanSplitter) -> str:
    ranked = _ranking(method, documents, words, splitter)
    used = 0
    k = 0
    for sentence, _ in ranked:
        if used >= words:
            break
        used += word_count(str(sentence))
        k += 1
    chosen = sorted(ranked[:k], key=lambda entry: entry[1])  # sumy's top k, in document order
    return cut_to_words([str(sentence) for sentence, _ in chosen], words)


def summarize_with_peer(method: str, documents: Sequence[str], words: int, splitter: SpanSplitter) -> str:
    """A summary of the cluster ``documents`` by baseline ``method``, cut to ``words`` words.

    It has exactly ``words`` words unless the documents have fewer (see the module docstring).

    ``method`` is one of :data:`PEER_METHODS`; ``splitter`` is any object whose
    ``split(text)`` returns sentence spans (for instance
    ``summarize.text.sentences.PunktSplitter()``).
    """
    if method not in PEER_METHODS:
        raise ValueError(f"unknown peer method {method!r}; valid methods: {', '.join(PEER_METHODS)}")
    if isinstance(documents, str):
        raise TypeError("documents must be a sequence of strings, not one string")
    if words < 0:
        raise ValueError(f"words must be >= 0, got {words}")
    if method == "lead":
        return _lead(documents, words, OfflineSumyTokenizer(splitter))
    return _sumy(method, documents, words, splitter)
