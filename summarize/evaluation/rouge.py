"""ROUGE-N recall exactly as ROUGE-1.5.5 computes it with ``-n 2 -m -l 100 -f A``.

These are the DUC settings: stemming on (``-m``), stop words kept (no ``-s``), the
first 100 words of every summary (``-l 100``), model-average scoring (``-f A``).
Everything below was checked against the ROUGE-1.5.5.pl source (Chin-Yew Lin,
version dated 05/26/2005); the Perl names are quoted so each step can be found
there again.

Reading a summary (``readText``)
    Each line is lower-cased with ``tr/A-Z/a-z/`` (ASCII only). With ``-l N`` the
    words are counted by ``split(/\\s+/, $line)`` on that raw line, *before* any
    punctuation is removed, and text is kept up to the N-th word: whole lines
    while they fit, then the first words of the line that reaches N. The same
    limit is applied to the peer (system) summary *and* to every model
    (reference). "U.S.-led" therefore counts as one word and a lone "--" as one
    word, although neither yields that many tokens. The kept lines are joined
    with single spaces into one text.

Tokenizing (end of ``readText``, then ``createNGram``)
    ``s/\\-/ \\- /g; s/[^A-Za-z0-9\\-]/ /g``, split on whitespace, and only tokens
    matching ``/^[a-z0-9\\$]/`` are kept, which drops the ``-`` tokens. The net
    effect is ``s/[^a-z0-9]+/ /g`` on the lower-cased text: :func:`rouge_tokens`.
    N-grams are formed over that one token stream, so a bigram spans sentence
    boundaries and punctuation ("rain. Winds" gives "rain wind").

Stemming (``createNGram`` with ``-m``)
    ``if(length($stem)>3) { push(@m_tokens,&MorphStem($stem)); }``: only tokens
    of four or more characters are stemmed; shorter ones are kept as they are.
    ``MorphStem`` first looks the token up in the WordNet 2.0 exception database
    (``WordNet-2.0.exc.db``, irregular forms such as "said" -> "say", "were" ->
    "be") and returns the base form found there as it is; only otherwise does it
    call ``stem``, the Perl Porter stemmer bundled in the script. The functions
    here take that table as ``exceptions`` (inflected form -> base form) and
    skip the lookup without it; :func:`wordnet_exceptions` loads it from the
    ``py-rouge`` package (a dependency), whose ``wordnet_key_value.txt`` is its
    copy of that table (5,930 ``inflected|base`` lines). It is not copied into
    this project. ``summarize eval`` always passes it.

The Porter stemmer (``sub stem`` and ``sub initialise``)
    It is *not* identical to any mode of ``nltk.stem.PorterStemmer``:

    * step 2 has Porter's later rules ``bli -> ble`` (in place of the paper's
      ``abli -> able``) and ``logi -> log``, as in the tartarus.org
      implementations (nltk's ``MARTIN_EXTENSIONS``, not ``ORIGINAL_ALGORITHM``);
    * step 4 carries a change by Chin-Yew Lin dated 02/14/2004: ``ment`` and
      ``ent`` are not in the main suffix list but are tried afterwards, each on
      its own, so "element" -> "elem" and "agreement" -> "agreem" where every
      nltk mode leaves the word alone (the longest suffix, "ement", fails its
      m > 1 test and Porter stops there), and as the ``ion`` rule is now tied
      to ``ent`` alone, a word can lose two suffixes in step 4.

    :func:`rouge_porter_stem` is therefore a line-by-line port of the Perl
    ``stem`` routine, not a call to nltk. On the DUC 2002 texts and abstracts
    (19,019 word types longer than three characters) it differs from nltk's
    ``ORIGINAL_ALGORITHM`` mode on 112 types (737 of 209,827 tokens), from
    ``MARTIN_EXTENSIONS`` on 85 and from the default ``NLTK_EXTENSIONS`` on 413
    (e.g. "professional" -> "profess", "occasionally" -> "occas", where step 4
    removes both "al" and "ion").

Scoring (``computeNGramScore``, ``ngramScore``)
    For each model: hit = sum over the model's n-grams of min(peer count, model
    count) (clipping); with ``-f A`` hits and model n-gram counts are summed over
    the models, and recall = total hits / total model n-grams (0 when there are
    no model n-grams). A cluster's score is that ratio; the corpus score is the
    mean over clusters (``computeAverages``).

Cross-check: with :func:`wordnet_exceptions` as ``exceptions``, the per-cluster ROUGE-1 and ROUGE-2 recall on DUC 2002 (lead, LexRank and
SumBasic summaries; py-rouge with ``-l 100`` words, model average) are equal to
py-rouge's on all 59 clusters.

Known deviations, all small:

* Called without ``exceptions`` (the default of the functions below, so that
  they need no data file), there is no WordNet exception lookup: irregular
  forms with four or more letters ("were", "been", "said", "children") are
  Porter-stemmed instead of mapped to their base form. On DUC 2002 (baseline
  summaries of 100 words) that lowers ROUGE-1 by 0.2 to 0.5 points and
  ROUGE-2 by up to 0.05, more than the 0.3-point agreement the evaluation
  needs: pass ``exceptions=wordnet_exceptions()`` to score as ROUGE-1.5.5.
* py-rouge's *other* table (``wordnet_key_value_special_cases.txt``) is not
  WordNet: it patches nltk's Porter stemmer towards the Perl one, which
  :func:`rouge_porter_stem` ports directly, so it is not used.
* ROUGE-1.5.5 rounds each cluster's score to 5 decimals (``sprintf("%7.5f")``)
  and prints as "Average_R" the mean of 1000 bootstrap resamples of the cluster
  scores, which differs from the plain mean by a few 1e-4 (a few hundredths of
  a point on the x100 scale). We keep full precision and return the plain mean.
* Perl's ``split(/\\s+/)`` yields an empty first field for a line that starts
  with whitespace, which ROUGE counts as a word. A summary here is one string
  without ROUGE's line structure, so words are simply the non-empty runs of
  non-whitespace (ASCII whitespace, as Perl's byte-string ``\\s``).
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

__all__ = [
    "DUC_WORD_LIMIT",
    "RougeScores",
    "mean_scores",
    "ngram_counts",
    "rouge_n_recall",
    "rouge_porter_stem",
    "rouge_tokens",
    "score_summary",
    "truncate_words",
    "wordnet_exceptions",
]

DUC_WORD_LIMIT = 100

# ``tr/A-Z/a-z/``: ASCII letters only (str.lower would also map e.g. the Kelvin
# sign to "k", which ROUGE, reading bytes, turns into spaces).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Perl's \s on a byte string: ASCII whitespace only (not NBSP and the like).
_PERL_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
_TOKEN = re.compile(r"[a-z0-9]+")


def rouge_words(text: str) -> list[str]:
    """The words ROUGE-1.5.5's ``-l`` counts: runs of non-whitespace (ASCII whitespace, as Perl's \\s)."""
    return [w for w in _PERL_WHITESPACE.split(text) if w]


def truncate_words(text: str, limit: int | None) -> str:
    """The first ``limit`` words of ``text``, as ROUGE-1.5.5's ``-l`` keeps them.

    Words are runs of non-whitespace in the raw text (before punctuation is
    removed); the kept words are joined with single spaces. ``None`` keeps
    everything.
    """
    if limit is None:
        return text
    if limit < 1:
        raise ValueError(f"word limit must be a positive number of words or None, got {limit}")
    return " ".join(rouge_words(text)[:limit])


_WORDNET_TABLE = "wordnet_key_value.txt"


@cache
def wordnet_exceptions() -> Mapping[str, str]:
    """WordNet's exception table (inflected form -> base form), as ROUGE-1.5.5's ``MorphStem`` uses it.

    Read once from py-rouge's ``rouge/wordnet_key_value.txt`` (lines ``inflected|base``),
    found with ``importlib.util.find_spec("rouge")`` without importing py-rouge. Raises
    ``FileNotFoundError`` when that file is not there (py-rouge missing, or another
    package called ``rouge`` installed in its place).
    """
    spec = importlib.util.find_spec("rouge")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / _WORDNET_TABLE
        if path.is_file():
            break
    else:
        where = (
            f" (the 'rouge' found at {spec.origin or ', '.join(folders)} is not py-rouge)" if spec is not None else ""
        )
        raise FileNotFoundError(
            f"ROUGE needs WordNet's exception table {_WORDNET_TABLE} from py-rouge{where}; "
            "install it with: pip install py-rouge"
        )
    table: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        inflected, separator, base = line.strip().partition("|")
        if not separator or not inflected or not base or "|" in base:
            raise ValueError(f"{path}:{number}: expected 'inflected|base', got {line!r}")
        table[inflected] = base
    return MappingProxyType(table)


# --- ROUGE-1.5.5's Porter stemmer, ported from the Perl ``sub stem`` ---------------

_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")  # [C]VC... is m>0
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")  # [C]VC[V] is m=1
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")  # [C]VCVC... is m>1
_HAS_VOWEL = re.compile(f"^({_C})?{_v}")  # vowel in stem
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")

_STEP1A = re.compile(r"(ss|i)es$")
_STEP1A_S = re.compile(r"([^s])s$")
_STEP1B_EED = re.compile(r"eed$")
_STEP1B = re.compile(r"(ed|ing)$")
_STEP1B_ADD_E = re.compile(r"(at|bl|iz)$")
_STEP1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_STEP2 = re.compile(
    r"(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism"
    r"|iveness|fulness|ousness|aliti|iviti|biliti|logi)$"
)
_STEP2_MAP = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
    "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
    "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
    "logi": "log",
}  # fmt: skip
_STEP3 = re.compile(r"(icate|ative|alize|iciti|ical|ful|ness)$")
_STEP3_MAP = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_STEP4 = re.compile(r"(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")
_STEP4_MENT = re.compile(r"ment$")
_STEP4_ENT = re.compile(r"ent$")
_STEP4_ION = re.compile(r"(s|t)(ion)$")


@lru_cache(maxsize=65536)
def rouge_porter_stem(word: str) -> str:
    """Stem ``word`` (lower case) exactly as ROUGE-1.5.5's bundled Perl ``stem`` does.

    This is the stemmer alone: ROUGE calls it only for tokens longer than three
    characters (see :func:`rouge_tokens`).
    """
    w = word
    if len(w) < 3:
        return w
    # map initial y to Y so that the patterns never treat it as a vowel
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]

    # Step 1a
    if (m := _STEP1A.search(w)) or (m := _STEP1A_S.search(w)):
        w = w[: m.start()] + m.group(1)
    # Step 1b
    if m := _STEP1B_EED.search(w):
        if _MGR0.search(w[: m.start()]):
            w = w[:-1]
    elif m := _STEP1B.search(w):
        stem = w[: m.start()]
        if _HAS_VOWEL.search(stem):
            w = stem
            if _STEP1B_ADD_E.search(w):
                w += "e"
            elif _STEP1B_DOUBLE.search(w):
                w = w[:-1]
            elif _CVC.search(w):
                w += "e"
    # Step 1c
    if w.endswith("y"):
        stem = w[:-1]
        if _HAS_VOWEL.search(stem):
            w = stem + "i"
    # Step 2
    if m := _STEP2.search(w):
        stem = w[: m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP2_MAP[m.group(1)]
    # Step 3
    if m := _STEP3.search(w):
        stem = w[: m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP3_MAP[m.group(1)]
    # Step 4, with Chin-Yew Lin's 02/14/2004 change: "ment" and "ent" tried apart
    if m := _STEP4.search(w):
        stem = w[: m.start()]
        if _MGR1.search(stem):
            w = stem
    if m := _STEP4_MENT.search(w):
        stem = w[: m.start()]
        if _MGR1.search(stem):
            w = stem
    if m := _STEP4_ENT.search(w):
        stem = w[: m.start()]
        if _MGR1.search(stem):
            w = stem
    elif m := _STEP4_ION.search(w):
        stem = w[: m.start()] + m.group(1)
        if _MGR1.search(stem):
            w = stem
    # Step 5
    if w.endswith("e"):
        stem = w[:-1]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]
    # turn initial Y back to y
    if first == "y":
        w = "y" + w[1:]
    return w


def rouge_tokens(text: str, stem: bool = True, exceptions: Mapping[str, str] | None = None) -> list[str]:
    """ROUGE-1.5.5's token stream for ``text`` (already truncated, if it is to be).

    Lower-case (ASCII), every run of characters other than ``a-z0-9`` becomes a
    separator, and with ``stem`` (``-m``) tokens longer than three characters are
    looked up in ``exceptions`` (WordNet's irregular forms, as ``MorphStem``
    does) and otherwise go through :func:`rouge_porter_stem`.
    """
    tokens = _TOKEN.findall(text.translate(_ASCII_LOWER))
    if not stem:
        return tokens
    if exceptions:
        return [(exceptions.get(t) or rouge_porter_stem(t)) if len(t) > 3 else t for t in tokens]
    return [rouge_porter_stem(t) if len(t) > 3 else t for t in tokens]


def ngram_counts(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the contiguous ``n``-grams of ``tokens``."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _counts(
    text: str, n: int, word_limit: int | None, exceptions: Mapping[str, str] | None
) -> Counter[tuple[str, ...]]:
    return ngram_counts(rouge_tokens(truncate_words(text, word_limit), exceptions=exceptions), n)


def rouge_n_recall(
    summary: str,
    references: Sequence[str],
    n: int,
    word_limit: int | None = DUC_WORD_LIMIT,
    *,
    exceptions: Mapping[str, str] | None = None,
) -> float:
    """ROUGE-N recall of ``summary`` against ``references``, in 0..1.

    ``word_limit`` truncates the summary and every reference to that many
    words, as ``-l`` does; ``None`` truncates nothing. To truncate only the
    summary, pass ``truncate_words(summary, 100)`` with ``word_limit=None``.
    Hits are clipped per reference and pooled over references (``-f A``).
    ``exceptions`` is ROUGE's WordNet exception table (inflected form -> base
    form), if the caller has it.
    """
    if isinstance(references, str):
        raise TypeError("references must be a sequence of strings, not one string")
    peer = _counts(summary, n, word_limit, exceptions)
    hits = 0
    total = 0
    for reference in references:
        model = _counts(reference, n, word_limit, exceptions)
        total += sum(model.values())
        hits += sum(min(count, peer[gram]) for gram, count in model.items() if gram in peer)
    return hits / total if total else 0.0


@dataclass(frozen=True)
class RougeScores:
    """ROUGE-1 and ROUGE-2 recall, each in 0..1."""

    r1: float
    r2: float


def score_summary(
    summary: str,
    references: Sequence[str],
    word_limit: int | None = DUC_WORD_LIMIT,
    *,
    exceptions: Mapping[str, str] | None = None,
) -> RougeScores:
    """ROUGE-1 and ROUGE-2 recall of one summary (one cluster)."""
    return RougeScores(
        r1=rouge_n_recall(summary, references, 1, word_limit, exceptions=exceptions),
        r2=rouge_n_recall(summary, references, 2, word_limit, exceptions=exceptions),
    )


def mean_scores(scores: Sequence[RougeScores]) -> RougeScores:
    """Macro average over clusters, as ROUGE-1.5.5 averages per-cluster scores.

    Multiply by 100 for the figures usually reported.
    """
    if not scores:
        raise ValueError("no scores to average")
    return RougeScores(
        r1=sum(s.r1 for s in scores) / len(scores),
        r2=sum(s.r2 for s in scores) / len(scores),
    )
