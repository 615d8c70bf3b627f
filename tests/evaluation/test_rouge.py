"""ROUGE-N recall as ROUGE-1.5.5 -n 2 -m -l 100 -f A computes it; every value worked by hand.

Words of three characters or fewer are never stemmed, so most cases use them to
keep the arithmetic visible.
"""

from __future__ import annotations

import dataclasses

import pytest

from summarize.evaluation.rouge import (
    RougeScores,
    mean_scores,
    ngram_counts,
    rouge_n_recall,
    rouge_porter_stem,
    rouge_tokens,
    score_summary,
    truncate_words,
    wordnet_exceptions,
)


def test_clipping_summary_repeats_a_word_more_often_than_the_reference() -> None:
    summary = "the cat the cat the cat"
    reference = "the cat sat on the mat"
    # unigrams: reference the:2 cat:1 sat:1 on:1 mat:1 = 6; summary the:3 cat:3
    # hits = min(3, 2) + min(3, 1) = 3 -> 3/6
    assert rouge_n_recall(summary, [reference], 1) == pytest.approx(3 / 6)
    # bigrams: reference "the cat" "cat sat" "sat on" "on the" "the mat" = 5;
    # summary "the cat" x3, "cat the" x2; hits = min(3, 1) = 1 -> 1/5
    assert rouge_n_recall(summary, [reference], 2) == pytest.approx(1 / 5)


def test_hits_and_counts_are_pooled_over_references_of_different_lengths() -> None:
    summary = "a big dog ran"
    references = ["a big dog sat", "the dog ran far and the cat ran too"]
    # unigrams: ref 1 has 4, hits a, big, dog = 3; ref 2 has 9, hits dog 1 + ran min(1, 2) = 2
    # pooled (3 + 2) / (4 + 9) = 5/13, not the mean of 3/4 and 2/9
    assert rouge_n_recall(summary, references, 1) == pytest.approx(5 / 13)
    # bigrams: summary "a big" "big dog" "dog ran"
    # ref 1: "a big" "big dog" "dog sat" = 3, hits 2
    # ref 2: "the dog" "dog ran" "ran far" "far and" "and the" "the cat" "cat ran" "ran too" = 8, hits 1
    # pooled (2 + 1) / (3 + 8) = 3/11
    assert rouge_n_recall(summary, references, 2) == pytest.approx(3 / 11)


def test_word_limit_truncates_summary_and_references() -> None:
    summary = "a b c d"
    reference = "d c x y"
    # limit 3: summary "a b c", reference "d c x"; hit c -> 1/3
    assert rouge_n_recall(summary, [reference], 1, word_limit=3) == pytest.approx(1 / 3)
    # no limit: reference d c x y = 4 unigrams, hits c and d -> 2/4
    assert rouge_n_recall(summary, [reference], 1, word_limit=None) == pytest.approx(2 / 4)
    # only the summary truncated (the reference kept whole): hit c of 4 -> 1/4
    assert rouge_n_recall(truncate_words(summary, 3), [reference], 1, word_limit=None) == pytest.approx(1 / 4)


def test_default_word_limit_is_100() -> None:
    summary = " ".join(["dog"] * 100 + ["cat"])
    reference = "cat"
    # the summary's 101st word ("cat") is cut, so the reference's one unigram gets no hit
    assert rouge_n_recall(summary, [reference], 1) == 0.0
    assert rouge_n_recall(summary, [reference], 1, word_limit=None) == 1.0


def test_words_are_counted_on_the_raw_text_before_punctuation_is_removed() -> None:
    # "U.S.-led" is one word for -l but three tokens (u, s, led) afterwards
    assert truncate_words("U.S.-led war won", 1) == "U.S.-led"
    assert rouge_tokens("U.S.-led") == ["u", "s", "led"]
    # reference cut to "U.S.-led": u s led = 3 unigrams, all in the summary -> 3/3
    assert rouge_n_recall("U.S.-led war won", ["U.S.-led talks"], 1, word_limit=1) == 1.0
    # a lone "--" uses up a word of the limit and gives no token: "-- big" -> [big]
    # reference "big dog" = 2 unigrams (not truncated), hit big -> 1/2
    assert rouge_n_recall(truncate_words("-- big dog", 2), ["big dog"], 1, word_limit=None) == pytest.approx(1 / 2)


def test_truncation_splits_on_ascii_whitespace_only() -> None:
    # Perl's \s on ROUGE's byte strings is ASCII whitespace: a no-break space joins words
    assert truncate_words("a\u00a0b c\td\ne", 2) == "a\u00a0b c"
    assert truncate_words("  a   b  ", 5) == "a b"
    assert truncate_words("a b", None) == "a b"
    with pytest.raises(ValueError):
        truncate_words("a b", 0)


def test_stemming_running_matches_runs() -> None:
    # running -> (step 1b) runn -> run; runs -> (step 1a) run
    assert rouge_porter_stem("running") == "run"
    assert rouge_porter_stem("runs") == "run"
    assert rouge_n_recall("running", ["runs"], 1) == 1.0
    # cats (4 letters) is stemmed to cat
    assert rouge_n_recall("cat", ["cats"], 1) == 1.0


def test_tokens_of_three_characters_or_fewer_are_not_stemmed() -> None:
    # Porter would take "its" to "it", but ROUGE only stems tokens longer than 3
    assert rouge_porter_stem("its") == "it"
    assert rouge_tokens("its cats") == ["its", "cat"]
    assert rouge_n_recall("it", ["its"], 1) == 0.0
    assert rouge_tokens("its cats", stem=False) == ["its", "cats"]


def test_porter_stemmer_follows_rouge_perl_not_the_paper() -> None:
    assert rouge_porter_stem("generalizations") == "gener"
    # step 2 "bli" -> "ble" and "logi" -> "log" (not in the 1980 paper)
    assert rouge_porter_stem("possibly") == "possibl"
    assert rouge_porter_stem("analogies") == "analog"
    # step 4 as changed by C.-Y. Lin: "ment" and "ent" tried apart from the main list,
    # so "-ement" words whose "ement" fails m > 1 still lose "ent" ...
    assert rouge_porter_stem("agreement") == "agreem"
    assert rouge_porter_stem("element") == "elem"
    # ... and "al" then "ion" can both go
    assert rouge_porter_stem("occasionally") == "occas"
    assert rouge_porter_stem("professional") == "profess"
    # initial y is a consonant
    assert rouge_porter_stem("yelling") == "yell"
    assert rouge_porter_stem("happy") == "happi"


def test_wordnet_exceptions_come_before_porter_and_are_not_stemmed_further() -> None:
    exceptions = {"were": "be", "children": "child", "did": "do"}
    # were -> be (exception), been -> been (Porter leaves it), did (3 letters) not looked up
    assert rouge_tokens("were been did children", exceptions=exceptions) == ["be", "been", "did", "child"]
    # without the table "were" (Porter: were) does not match "be": 0/1; with it 1/1
    assert rouge_n_recall("they were", ["be"], 1) == 0.0
    assert rouge_n_recall("they were", ["be"], 1, exceptions=exceptions) == 1.0
    assert score_summary("they were", ["be"], exceptions=exceptions) == RougeScores(1.0, 0.0)


def test_wordnet_table_from_py_rouge_maps_irregular_forms() -> None:
    table = wordnet_exceptions()
    assert table["were"] == "be"
    assert table["said"] == "say"
    assert table["children"] == "child"
    assert "says" not in table  # regular: Porter takes it to "sai"
    assert wordnet_exceptions() is table  # read once
    with pytest.raises(TypeError):
        table["were"] = "was"  # type: ignore[index]


def test_said_and_were_score_only_through_the_wordnet_table() -> None:
    table = wordnet_exceptions()
    # tokens: summary he said(-> say) no; reference he will say no
    # reference bigrams "he will" "will say" "say no" = 3; with the table "say no" is a hit -> 1/3
    assert rouge_n_recall("He said no.", ["He will say no."], 2) == 0.0
    assert rouge_n_recall("He said no.", ["He will say no."], 2, exceptions=table) == pytest.approx(1 / 3)
    # summary they were(-> be) here; reference they will be here:
    # unigrams they, be, here of 4 with the table (they, here without); bigrams "be here" of 3
    assert score_summary("They were here.", ["They will be here."]) == RougeScores(2 / 4, 0.0)
    assert score_summary("They were here.", ["They will be here."], exceptions=table) == RougeScores(3 / 4, 1 / 3)
    # "says" is not an exception: Porter gives "sai", which never matches "say" (as in ROUGE-1.5.5)
    assert rouge_n_recall("he said", ["he says"], 2, exceptions=table) == 0.0


@pytest.fixture
def fresh_wordnet_cache():
    wordnet_exceptions.cache_clear()
    yield
    wordnet_exceptions.cache_clear()


def test_missing_wordnet_table_says_to_install_py_rouge(monkeypatch, tmp_path, fresh_wordnet_cache) -> None:
    import importlib.machinery
    import importlib.util

    # no package "rouge" at all
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(FileNotFoundError, match="pip install py-rouge"):
        wordnet_exceptions()
    # another package called "rouge", without the table
    (tmp_path / "rouge").mkdir()
    (tmp_path / "rouge" / "__init__.py").write_text("")
    spec = importlib.machinery.ModuleSpec(
        "rouge", None, origin=str(tmp_path / "rouge" / "__init__.py"), is_package=True
    )
    spec.submodule_search_locations = [str(tmp_path / "rouge")]
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    with pytest.raises(FileNotFoundError, match=r"is not py-rouge.*pip install py-rouge"):
        wordnet_exceptions()
    # the same folder with a table is read, one "inflected|base" a line
    (tmp_path / "rouge" / "wordnet_key_value.txt").write_text("geese|goose\nwent|go\n")
    assert dict(wordnet_exceptions()) == {"geese": "goose", "went": "go"}


def test_punctuation_and_case_are_ignored() -> None:
    summary = "The STORM, it hit!"
    reference = "the storm hit."
    # tokens: summary the storm it hit; reference the storm hit
    # unigrams: 3 of 3 -> 1.0
    assert rouge_n_recall(summary, [reference], 1) == 1.0
    # bigrams: reference "the storm" "storm hit" = 2; summary has "the storm" only -> 1/2
    assert rouge_n_recall(summary, [reference], 2) == pytest.approx(1 / 2)


def test_only_ascii_letters_are_lowercased() -> None:
    # ROUGE lower-cases with tr/A-Z/a-z/; the Kelvin sign (which str.lower maps to "k")
    # is a non-ASCII byte sequence there, hence a separator
    assert rouge_tokens("\u212aing ABC caf\u00e9") == ["ing", "abc", "caf"]


def test_bigrams_span_punctuation_and_sentence_boundaries() -> None:
    # tokens big rain dog ran: bigrams "big rain" "rain dog" "dog ran"
    # reference "rain dog" is 1 bigram, matched across the full stop -> 1/1
    assert rouge_n_recall("big rain. Dog ran", ["Rain, dog"], 2) == 1.0
    # hyphens separate tokens too: "sea-dog" -> sea dog; reference "sea dog" -> 1/1
    assert rouge_n_recall("a sea-dog", ["sea dog"], 2) == 1.0


def test_empty_summary_scores_zero() -> None:
    assert rouge_n_recall("", ["the cat sat"], 1) == 0.0
    assert rouge_n_recall("  ... ", ["the cat sat"], 2) == 0.0
    assert score_summary("", ["the cat sat"]) == RougeScores(0.0, 0.0)


def test_no_reference_ngrams_scores_zero() -> None:
    assert rouge_n_recall("the cat", [], 1) == 0.0
    assert rouge_n_recall("the cat", ["cat"], 2) == 0.0  # one token: no bigram


def test_references_must_be_a_sequence_of_strings() -> None:
    with pytest.raises(TypeError):
        rouge_n_recall("the cat", "the cat", 1)  # type: ignore[arg-type]


def test_ngram_counts() -> None:
    assert ngram_counts(["a", "b", "a", "b"], 2) == {("a", "b"): 2, ("b", "a"): 1}
    assert ngram_counts(["a"], 2) == {}
    with pytest.raises(ValueError):
        ngram_counts(["a"], 0)


def test_score_summary_and_mean_scores() -> None:
    scores = score_summary("the cat the cat the cat", ["the cat sat on the mat"])
    # from the clipping case: R1 3/6, R2 1/5
    assert scores.r1 == pytest.approx(0.5)
    assert scores.r2 == pytest.approx(0.2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        scores.r1 = 1.0  # type: ignore[misc]
    # macro average: ((0.5 + 0.3) / 2, (0.2 + 0.1) / 2)
    mean = mean_scores([scores, RougeScores(r1=0.3, r2=0.1)])
    assert mean.r1 == pytest.approx(0.4)
    assert mean.r2 == pytest.approx(0.15)
    with pytest.raises(ValueError):
        mean_scores([])
