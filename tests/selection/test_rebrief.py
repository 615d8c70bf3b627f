"""Re-briefing one analysis at another length (the TUI's `+`/`-`) gives the brief a cold run gives at
that length, byte for byte; the budget-free program tables build the program the ranker documents."""

import numpy as np
import pytest

from summarize.inputs.documents import sample_documents
from summarize.output.render import to_json, to_markdown
from summarize.pipeline import analyze, compose_brief
from summarize.selection.concept_program import ConceptTable
from summarize.selection.concepts import MIN_STANDALONE, ConceptRanker
from summarize.selection.features import eligible

LENGTHS = (100, 40, 250, 120, 60, 400)


@pytest.fixture(scope="module")
def documents():
    return sample_documents()


def rendered(brief) -> tuple[str, str]:
    return to_markdown(brief), to_json(brief)


@pytest.mark.parametrize("pool", [1000, 12])  # 12: the program is solved over pre-selected candidates
def test_a_re_brief_at_any_length_is_the_cold_brief_at_that_length(embedder, documents, pool):
    kept = analyze(documents, embedder)
    warm = [rendered(compose_brief(kept, words, ConceptRanker(candidate_pool=pool))) for words in LENGTHS]
    for words, again in zip(LENGTHS, warm):
        cold = compose_brief(analyze(documents, embedder), words, ConceptRanker(candidate_pool=pool))
        assert rendered(cold) == again, f"the re-brief at {words} words differs from a cold brief"
    assert len({markdown for markdown, _ in warm}) == len(LENGTHS), "each length gives its own brief"


def reference_program(analysis, ranker: ConceptRanker, budget: int):
    """The program as the ranker documents it, built entry by entry (no tables, no numpy tricks)."""
    prepared = ranker.prepared(analysis)
    weights, concepts, standalone = prepared.weights, prepared.concepts, prepared.standalone
    candidates = [i for i, s in enumerate(analysis.sentences)
                  if eligible(s) and s.words <= budget and standalone[i] >= MIN_STANDALONE]
    names = sorted({c for i in candidates for c in concepts[i] if c in weights})
    n, m = len(candidates), len(names)
    groups: dict[int, list[int]] = {}
    for column, i in enumerate(candidates):
        groups.setdefault(analysis.cluster_of[i], []).append(column)
    shared = [columns for columns in groups.values() if len(columns) > 1]
    matrix = np.zeros((1 + m + len(shared), n + m))
    gain = np.zeros(n + m)
    for column, i in enumerate(candidates):
        matrix[0, column] = analysis.sentences[i].words
        covered = sum(weights[c] for c in sorted(concepts[i]) if c in weights)
        gain[column] = -ranker.context_penalty * (1.0 - standalone[i]) * covered
        for k, name in enumerate(names):
            if name in concepts[i]:
                matrix[1 + k, column] = -1.0
    for k, name in enumerate(names):
        matrix[1 + k, n + k] = 1.0
        gain[n + k] = weights[name]
    for r, columns in enumerate(shared):
        matrix[1 + m + r, columns] = 1.0
    return candidates, gain, matrix, np.concatenate([[budget], np.zeros(m), np.ones(len(shared))])


def test_the_tables_build_the_documented_program_entry_for_entry(embedder, documents):
    analysis = analyze(documents, embedder)
    ranker = ConceptRanker()
    table = ranker.table(analysis)
    assert isinstance(table, ConceptTable) and table is ranker.table(analysis), "kept per analysis"
    for budget in (15, 60, 200):
        candidates, gain, matrix, upper = reference_program(analysis, ranker, budget)
        chosen = table.candidates(budget, ranker.candidate_pool)
        assert chosen.tolist() == candidates
        standalone = ranker.prepared(analysis).standalone
        groups: dict[int, list[int]] = {}
        for column, i in enumerate(candidates):
            groups.setdefault(analysis.cluster_of[i], []).append(column)
        sentence_gain = -ranker.context_penalty * (1.0 - standalone[chosen]) * table.covered[chosen]
        program = table.program(chosen, budget, sentence_gain, [c for c in groups.values() if len(c) > 1])
        assert program is not None
        assert np.array_equal(program.gain, gain)
        assert np.array_equal(program.bounds, upper)
        assert np.array_equal(program.matrix.toarray(), matrix)
        assert program.binary.tolist() == [True] * len(candidates) + [False] * (len(gain) - len(candidates))


def test_no_candidate_means_no_program(embedder, documents):
    table = ConceptRanker().table(analyze(documents, embedder))
    chosen = table.candidates(3, 1000)  # no sentence of three words or fewer may be chosen
    assert len(chosen) == 0
    assert table.program(chosen, 3, np.zeros(0), []) is None


def test_a_length_asked_for_before_is_not_solved_again(embedder, documents, monkeypatch):
    from summarize.selection import concepts as concept_ranker

    solves = []
    solve = concept_ranker.solve
    monkeypatch.setattr(concept_ranker, "solve", lambda *a, **k: solves.append(1) or solve(*a, **k))
    analysis = analyze(documents, embedder)
    first = compose_brief(analysis, 100)
    compose_brief(analysis, 120)
    again = compose_brief(analysis, 100)
    assert len(solves) == 2 and rendered(again) == rendered(first)
    compose_brief(analysis, 100, ConceptRanker(context_penalty=0.0))
    assert len(solves) == 3, "another setting is solved afresh"


def test_a_re_brief_judges_only_the_sentences_new_to_it(embedder, documents):
    from summarize.citations.corroboration import FactJudge, Verdict

    class CountingJudge:
        def __init__(self) -> None:
            self.pairs: list[tuple[int, int]] = []

        def judge(self, analysis, sentence, candidate) -> Verdict:
            self.pairs.append((sentence, candidate))
            return FactJudge().judge(analysis, sentence, candidate)

    judge = CountingJudge()
    analysis = analyze(documents, embedder)
    short = compose_brief(analysis, 60, judge=judge)
    judged = len(judge.pairs)
    assert judged > 0
    long = compose_brief(analysis, 200, judge=judge)
    new = {item.sentence for item in long.sentences} - {item.sentence for item in short.sentences}
    assert new and len(new) < len(long.sentences), "the longer brief keeps some sentences and adds others"
    assert {analysis.sentences[s] for s, _ in judge.pairs[judged:]} == new, "only the new sentences are judged"
    cold = compose_brief(analyze(documents, embedder), 200, judge=CountingJudge())
    assert rendered(long) == rendered(cold)
