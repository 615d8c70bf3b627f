"""The screen in front of the judge: it never hides a pair the judge would call one fact, it reads the
judge's own numbers, and it does spare the judge most pairs."""

import numpy as np
import pytest

from summarize.citations.corroboration import FactJudge, Verdict, _judged, candidates, evidence
from summarize.citations.pair_facts import FEATURES, features, pair_facts
from summarize.citations.same_fact_screen import EXACT, ScreenedJudge, _exact_features, screened
from summarize.inputs.documents import sample_documents
from summarize.pipeline import analyze
from summarize.selection.same_fact import same_fact_pairs

# The shipped threshold, and lower ones: many more pairs are "the same fact" to those.
THRESHOLDS = (FactJudge().threshold, 0.5, 0.2, 0.05)


@pytest.fixture(scope="module")
def analysis():
    from tests.fakes import HashingEmbedder

    return analyze(sample_documents(), HashingEmbedder())


def other_source_pairs(analysis, sentences):
    document = [analysis.sentences[i].document for i in sentences]
    return [
        (a, b) for a in range(len(sentences)) for b in range(len(sentences)) if a != b and document[a] != document[b]
    ]


def test_the_exact_features_are_the_judge_s_own(analysis):
    sentences = list(range(0, len(analysis.sentences), 2))
    exact = _exact_features(analysis, sentences)
    for a, b in other_source_pairs(analysis, sentences)[::7]:
        values = features(pair_facts(analysis, sentences[a], sentences[b]))
        for name in EXACT:
            assert exact[name][a, b] == pytest.approx(values[FEATURES.index(name)], abs=1e-6), name


@pytest.mark.parametrize("threshold", THRESHOLDS)
def test_no_pair_the_judge_calls_one_fact_is_screened_out(analysis, threshold):
    judge = FactJudge(threshold=threshold)
    sentences = list(range(len(analysis.sentences)))
    possible = ScreenedJudge(judge).possible(analysis, sentences)
    same = [(a, b) for a, b in other_source_pairs(analysis, sentences) if judge.judge(analysis, a, b).same]
    assert all(possible[a, b] for a, b in same)
    if threshold < 0.5:
        assert same, "a low threshold lists some pairs: the test can fail"
    spared = 1.0 - possible.mean()
    assert spared > 0.5, f"the screen spares the judge only {spared:.0%} of the pairs"


def test_the_screen_reads_the_judge_s_threshold(analysis):
    sentences = list(range(len(analysis.sentences)))
    strict = ScreenedJudge(FactJudge()).possible(analysis, sentences)
    lenient = ScreenedJudge(FactJudge(threshold=0.05)).possible(analysis, sentences)
    assert (strict <= lenient).all() and lenient.sum() > strict.sum()


def test_a_judge_the_screen_cannot_bound_is_not_screened(analysis):
    sentences = list(range(20))
    names_help = FactJudge(weights=(*FactJudge().weights, ("new_names", 0.5)))
    unknown = FactJudge(weights=(("similarity", 1.0), ("a_new_feature", -1.0)))
    for judge in (names_help, unknown, FactJudge(threshold=1.0), FactJudge(threshold=0.0)):
        assert ScreenedJudge(judge).possible(analysis, sentences).all()

    class Stricter(FactJudge):
        pass

    assert not isinstance(screened(Stricter()), ScreenedJudge), "a subclass may decide on other grounds"
    assert isinstance(screened(FactJudge()), ScreenedJudge)


class Counting:
    def __init__(self, judge):
        self.inner, self.asked = judge, 0

    def judge(self, analysis, sentence, candidate):
        self.asked += 1
        return self.inner.judge(analysis, sentence, candidate)


@pytest.mark.parametrize("threshold", THRESHOLDS)
def test_the_screened_pairs_are_the_judge_s_pairs_in_its_order(analysis, threshold):
    judge = FactJudge(threshold=threshold)
    chosen = list(range(len(analysis.sentences) - 1, -1, -3))  # not in index order
    everyone, screen = Counting(judge), ScreenedJudge(judge)
    expected = same_fact_pairs(analysis, chosen, everyone)
    spared = Counting(judge)
    assert same_fact_pairs(analysis, chosen, spared, screen) == expected
    assert spared.asked < everyone.asked / 2


@pytest.fixture(scope="module")
def counts():
    """Three reports of one blast, two of them with another death toll: candidates with disagreements."""
    from summarize.inputs.document import text_document
    from tests.fakes import HashingEmbedder

    texts = (
        "A car bomb exploded outside a police station in Kirkuk on Monday. At least 17 people were killed in "
        "the blast in Kirkuk, police said. The attack came a week after the elections.",
        "At least 25 people were killed in the blast outside a police station in Kirkuk on Monday, officials said. "
        "A car bomb exploded in the city. Residents said the attack shook their homes.",
        "The car bomb killed 17 people and wounded 40 others outside the police station. Officials blamed "
        "insurgents for the attack on Monday.",
    )
    documents = [text_document(text, str(i), f"blast{i}.txt", f"Blast {i}") for i, text in enumerate(texts)]
    return analyze(documents, HashingEmbedder())


# Judges that find more: a lower threshold lists more pairs, a lower `same_event` reads more pairs
# with other figures as disagreements.
EVIDENCE_JUDGES = (FactJudge(), FactJudge(threshold=0.2), FactJudge(same_event=0.6), FactJudge(same_event=0.0))


@pytest.mark.parametrize("judge", EVIDENCE_JUDGES)
def test_no_candidate_the_judge_finds_evidence_in_is_screened_out(analysis, counts, judge):
    assert _checked_candidates(counts, judge)[1], "two sources disagree on a toll: the test can fail"
    _checked_candidates(analysis, judge)


def _checked_candidates(analysis, judge):
    """Checks the screen on every sentence's candidates; how many it lets through, how many the judge
    finds the same fact in, how many it finds a disagreement in."""
    screen, asked, same, conflicts = ScreenedJudge(judge), 0, 0, 0
    for index in range(len(analysis.sentences)):
        others = candidates(analysis, index)
        possible = screen.evidence_possible(analysis, index, others)
        for other, flag in zip(others, possible):
            verdict = judge.judge(analysis, index, other)
            same, conflicts = same + verdict.same, conflicts + bool(verdict.conflicts)
            assert flag or not (verdict.same or verdict.conflicts), (index, other)
        asked += int(possible.sum())
    total = sum(len(candidates(analysis, index)) for index in range(len(analysis.sentences)))
    if judge == FactJudge() and total > 100:
        assert asked < total / 2, f"the screen spares the shipped judge only {1 - asked / total:.0%} of the candidates"
    return same, conflicts


@pytest.mark.parametrize("judge", EVIDENCE_JUDGES)
def test_a_screened_judge_gives_the_same_evidence(analysis, counts, judge):
    for story in (analysis, counts):
        counting = Counting(judge)
        for index in range(len(story.sentences)):
            assert evidence(story, index, ScreenedJudge(judge)) == _judged(story, index, counting)


def test_a_judge_the_screen_cannot_bound_is_asked_about_every_candidate(analysis):
    unscreenable = FactJudge(weights=(("similarity", 1.0), ("a_new_feature", -1.0)))
    assert ScreenedJudge(unscreenable).evidence_possible(analysis, 0, candidates(analysis, 0)).all()


def test_a_judge_weighing_no_exact_feature_is_screened_pair_by_pair(analysis):
    sentences = list(range(12))
    judge = FactJudge(weights=(("same_detail", 1.0),), intercept=0.0, threshold=0.9)  # never reaches 0.9
    possible = ScreenedJudge(judge).possible(analysis, sentences)
    assert possible.shape == (12, 12) and not possible.any()


def test_evidence_is_kept_for_any_judge_of_the_same_settings(monkeypatch):
    """The pipeline cites with the screened judge; a caller passing `FactJudge()` (or none) afterwards gets
    the same evidence without judging again (it was keyed by the judge object); another setting judges."""
    from tests.fakes import HashingEmbedder

    story = analyze(sample_documents(), HashingEmbedder())
    sentences = range(0, len(story.sentences), 7)
    cited = [evidence(story, index, ScreenedJudge(FactJudge())) for index in sentences]
    asked = []
    monkeypatch.setattr(FactJudge, "judge", lambda judge, *pair: asked.append(pair) or Verdict(False))
    assert [evidence(story, index, FactJudge()) for index in sentences] == cited
    assert [evidence(story, index) for index in sentences] == cited and asked == []
    evidence(story, next(i for i in sentences if candidates(story, i)), FactJudge(threshold=0.01))
    assert asked


def test_the_kept_screen_answers_as_a_fresh_one(analysis):
    """The rounds of a solve and re-briefs ask about overlapping sentences: the pairs kept with the analysis
    (`ScreenMemory`) give the matrix a screen computing everything afresh gives."""
    from tests.fakes import HashingEmbedder

    judge = FactJudge(threshold=0.5)
    kept = ScreenedJudge(judge)
    count = len(analysis.sentences)
    sets = [list(range(0, 40)), list(range(20, 60)), list(range(10, 70, 2)), list(range(count - 1, 0, -3))]
    for sentences in sets:
        fresh = ScreenedJudge(judge).possible(analyze(sample_documents(), HashingEmbedder()), sentences)
        possible = kept.possible(analysis, sentences)
        apart = ~np.eye(len(sentences), dtype=bool)
        assert (possible[apart] == fresh[apart]).all()
        assert 0 < possible[apart].mean() < 1, "some pairs screened out, some not: the test can fail"
