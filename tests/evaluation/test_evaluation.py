"""The evaluation harness and `summarize eval`: every method scored on the same clusters, in one table."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.evaluation.harness import (
    ALL_METHODS,
    OURS,
    PEER_METHODS,
    check_methods,
    evaluate,
    our_ranker,
    our_summaries,
    report_table,
)
from summarize.inputs.document import make_document
from summarize.inputs.jsonl import ClusterInput
from summarize.records import SummarizeError
from tests import fakes
from tests.conftest import STORY

QUAKE = [
    (
        "Quake shakes the city",
        "A strong earthquake shook the city early on Tuesday, damaging old buildings in the centre.\n\n"
        "Rescue teams searched the rubble of two collapsed houses for survivors.\n\n"
        "The quake had a magnitude of 6.1, the national seismology institute said.",
    ),
    (
        "Buildings damaged",
        "Two houses collapsed and dozens of old buildings were damaged when the earthquake struck on Tuesday.\n\n"
        "Schools in the city centre will stay closed while engineers check them, the mayor said.",
    ),
]
ELECTION = [
    (
        "Vote count begins",
        "Officials began counting votes on Sunday night after a national election with a high turnout.\n\n"
        "Early results gave the opposition party a narrow lead in the capital.",
    ),
    (
        "Turnout high",
        "Turnout in the national election reached 71 percent, the highest in twenty years, officials said.\n\n"
        "The opposition leader told supporters that the early results were encouraging.",
    ),
]


def _cluster(cluster_id: str, articles, summaries) -> ClusterInput:
    documents = tuple(make_document(text, f"{cluster_id}/{n}", title) for n, (title, text) in enumerate(articles))
    return ClusterInput(cluster_id, documents, tuple(summaries))


CLUSTERS = [
    _cluster("storm", STORY, ["A powerful storm hit the northern coast on Monday. Thousands fled their homes."]),
    _cluster(
        "quake",
        QUAKE,
        [
            "An earthquake of magnitude 6.1 damaged buildings in the city on Tuesday.",
            "A quake shook the city; houses collapsed.",
        ],
    ),
    _cluster("election", ELECTION, ["The opposition led early results of a national election with high turnout."]),
]


@pytest.fixture(autouse=True)
def fake_embedder(monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)


def test_every_method_gets_a_row_with_scores_in_range():
    done: list[str] = []
    results = evaluate(CLUSTERS, ALL_METHODS, words=40, on_cluster_done=done.append)
    assert [r.method for r in results] == list(ALL_METHODS)
    assert sorted(done) == sorted(m for m in ALL_METHODS for _ in CLUSTERS)  # one tick per method and cluster
    for result in results:
        assert result.clusters == len(CLUSTERS)
        assert result.seconds >= 0
        for scores in (result.rouge, result.rouge_whole_references):
            assert 0 < scores.r1 <= 1 and 0 <= scores.r2 <= scores.r1, result
    table = report_table(results, 40)
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| method")]
    assert sorted(row.split(" | ")[0][2:] for row in rows) == sorted(ALL_METHODS)
    assert "3 clusters" in table and "at 40 words" in table
    # best ROUGE-2 first, and the table says so
    r2 = [float(row.split(" | ")[2]) for row in rows]
    assert r2 == sorted(r2, reverse=True)
    assert "Rows: best R2 first." in table.splitlines()[0]


def test_a_peer_whose_summary_is_the_reference_scores_100():
    # one short document: every peer returns all of it (within 100 words), which is the reference
    text = "Heavy rain flooded the valley on Friday. Farmers lost much of the harvest. The river is falling now."
    cluster = _cluster("rain", [("Rain", text)], [text])
    for result in evaluate([cluster], PEER_METHODS):
        assert (result.rouge.r1, result.rouge.r2) == (1.0, 1.0), result
        assert (result.rouge_whole_references.r1, result.rouge_whole_references.r2) == (1.0, 1.0), result


def test_our_brief_as_the_reference_scores_100():
    ours = our_summaries(CLUSTERS, 60, our_ranker(OURS, CLUSTERS)[0], fakes.HashingEmbedder(), lambda: None)
    assert all(ours)
    mirrored = [ClusterInput(c.id, c.documents, (summary,)) for c, summary in zip(CLUSTERS, ours)]
    (result,) = evaluate(mirrored, [OURS], words=60)
    assert (result.rouge.r1, result.rouge.r2) == (1.0, 1.0)


def test_scoring_uses_wordnet_exceptions_and_cuts_references_only_in_the_first_columns():
    # lead returns the document; "said" -> "say" only through WordNet's table:
    # reference bigrams "he will" "will say" "say no" (3), hit "say no" -> R2 1/3
    cluster = _cluster("said", [("Said", "He said no.")], ["He will say no."])
    (result,) = evaluate([cluster], ["lead"])
    assert result.rouge.r2 == pytest.approx(1 / 3)
    # a reference longer than the budget: cut to 3 words ("He will say") it has 3 unigrams, of which
    # "he" and "say" (from "said") are hits; whole it has 6 unigrams and the same 2 hits
    cluster = _cluster("long", [("Said", "He said no.")], ["He will say it again tomorrow."])
    (result,) = evaluate([cluster], ["lead"], words=3)
    assert result.rouge.r1 == pytest.approx(2 / 3)
    assert result.rouge_whole_references.r1 == pytest.approx(2 / 6)


def test_unknown_empty_or_repeated_methods_are_refused():
    with pytest.raises(SummarizeError, match="unknown method oracle; choose from ours, concepts-plain, lead"):
        evaluate(CLUSTERS, ["lead", "oracle"])
    with pytest.raises(SummarizeError, match="no method"):
        check_methods([])
    with pytest.raises(SummarizeError, match="twice"):
        check_methods(["lead", "lead"])


def test_a_cluster_without_reference_summaries_is_named():
    clusters = [*CLUSTERS[:2], ClusterInput("no-refs", CLUSTERS[2].documents, ())]
    with pytest.raises(SummarizeError, match="cluster no-refs has no reference summaries"):
        evaluate(clusters, ["lead"])
    with pytest.raises(SummarizeError, match="no clusters"):
        evaluate([], ["lead"])


def test_several_clusters_without_reference_summaries_are_not_put_on_the_first_one_s_line():
    """It said "FILE:1: cluster a, b has no reference summaries", as if both were on line 1."""
    clusters = [ClusterInput(f"bare{n}", CLUSTERS[n].documents, (), where=f"x.jsonl:{n + 1}") for n in range(3)]
    with pytest.raises(SummarizeError) as refused:
        evaluate(clusters, ["lead"])
    assert str(refused.value) == (
        "x.jsonl:1: cluster bare0 has no reference summaries to score against (nor do 2 more: bare1, bare2)"
    )


def _write_data(path, clusters):
    lines = [
        json.dumps(
            {
                "id": c.id,
                "documents": [{"id": d.path, "title": d.title, "text": d.text} for d in c.documents],
                "summaries": list(c.summaries),
            }
        )
        for c in clusters
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_eval_command_writes_the_table(tmp_path, monkeypatch):
    data = tmp_path / "clusters.jsonl"
    _write_data(data, CLUSTERS)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(data), "--methods", "ours,lead", "--limit", "2", "-o", "report.md"])
    assert result.exit_code == 0, result.output
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert report in result.output  # the same table printed and written
    assert "2 clusters" in report and "at 100 words" in report
    assert "| method | R1 | R2 | R1 whole refs | R2 whole refs | seconds |" in report
    rows = [line for line in report.splitlines() if line.startswith(("| ours |", "| lead |"))]
    assert len(rows) == 2
    for row in rows:
        cells = [float(cell) for cell in row.strip("| ").split(" | ")[1:]]
        assert len(cells) == 5 and all(0 <= value <= 100 for value in cells[:4])


def test_eval_command_reports_bad_methods_and_missing_summaries(tmp_path):
    data = tmp_path / "clusters.jsonl"
    _write_data(data, [CLUSTERS[0], ClusterInput("no-refs", CLUSTERS[1].documents, ())])
    runner = CliRunner()
    result = runner.invoke(main, ["eval", str(data), "--methods", "lead,oracle"])
    assert result.exit_code == 2 and "unknown method oracle" in result.output
    result = runner.invoke(main, ["eval", str(data), "--methods", "lead"])
    assert result.exit_code == 2 and "cluster no-refs has no reference summaries" in result.output


def test_eval_refuses_a_cluster_without_references_before_any_work(tmp_path, monkeypatch):
    from summarize.cli import eval as eval_command

    def no_model(*args, **kwargs):
        raise AssertionError("the model was asked for before the clusters were checked")

    monkeypatch.setattr(eval_command, "embedder_factory", no_model)
    data = tmp_path / "clusters.jsonl"
    _write_data(data, [CLUSTERS[0], ClusterInput("no-refs", CLUSTERS[1].documents, ())])
    result = CliRunner().invoke(main, ["eval", str(data), "--methods", "lead"])
    assert result.exit_code == 2, result.output
    # one line, naming the file and line: no progress bar drawn first
    assert result.stderr == f"Error: {data}:2: cluster no-refs has no reference summaries to score against\n"


def test_eval_command_scores_several_sets_and_variants_with_a_mean_over_sets(tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    _write_data(first, CLUSTERS[:2])
    _write_data(second, CLUSTERS[2:])
    result = CliRunner().invoke(
        main, ["eval", str(first), str(second), "--methods", "ours,concepts-plain,lead", "--variant", "notitle,both"]
    )
    assert result.exit_code == 0, result.output
    headings = [line for line in result.output.splitlines() if line.startswith("## ")]
    assert headings == [
        "## first",
        "## second",
        "## Mean over 2 sets",
        "## first, headlines blanked",
        "## second, headlines blanked",
        "## Mean over 2 sets, headlines blanked",
        "## first, headlines blanked and paragraph breaks removed",
        "## second, headlines blanked and paragraph breaks removed",
        "## Mean over 2 sets, headlines blanked and paragraph breaks removed",
    ]
    tables = result.output.split("## ")[1:]
    assert "2 clusters" in tables[0] and "1 clusters" in tables[1] and "3 clusters" in tables[2]

    def r2(table: str, method: str) -> float:
        (row,) = [line for line in table.splitlines() if line.startswith(f"| {method} |")]
        return float(row.split(" | ")[2])

    for method in ("ours", "concepts-plain", "lead"):  # the mean weighs each set once, not each cluster
        assert r2(tables[2], method) == pytest.approx((r2(tables[0], method) + r2(tables[1], method)) / 2, abs=0.011)


@pytest.mark.parametrize(
    "argument, environment, expected",
    [([], None, "onnx"), (["--backend", "static"], None, "static"), ([], "torch", "torch")],
)
def test_eval_command_embeds_on_the_backend_asked_for(tmp_path, monkeypatch, argument, environment, expected):
    data = tmp_path / "clusters.jsonl"
    _write_data(data, CLUSTERS[:1])
    asked = []

    def fake_backend(backend, on_build=None):
        asked.append(backend)
        return fakes.HashingEmbedder()

    if environment is None:
        monkeypatch.delenv("SUMMARIZE_BACKEND", raising=False)
    else:
        monkeypatch.setenv("SUMMARIZE_BACKEND", environment)
    monkeypatch.setattr(embedding, "default_embedder", embedding._DEFAULT_EMBEDDER)  # the real choice, a fake model
    monkeypatch.setattr(embedding, "embedder_for", fake_backend)
    result = CliRunner().invoke(main, ["eval", str(data), "--methods", "ours", "--no-cache", *argument])
    assert result.exit_code == 0, result.output
    assert set(asked) == {expected}  # (static is made once more to build its model first)


def test_eval_command_refuses_an_unknown_backend(tmp_path):
    data = tmp_path / "clusters.jsonl"
    _write_data(data, CLUSTERS[:1])
    result = CliRunner().invoke(main, ["eval", str(data), "--methods", "lead", "--backend", "gpu"])
    assert result.exit_code == 2 and "'gpu' is not one of 'torch', 'onnx', 'static'" in result.output


def test_eval_command_refuses_an_unknown_variant_or_a_set_given_twice(tmp_path):
    data = tmp_path / "clusters.jsonl"
    _write_data(data, CLUSTERS)
    result = CliRunner().invoke(main, ["eval", str(data), "--methods", "lead", "--variant", "flat,upside-down"])
    assert result.exit_code == 2 and "unknown variant upside-down; choose from notitle, flat, both" in result.output
    result = CliRunner().invoke(main, ["eval", str(data), str(data), "--methods", "lead"])
    assert result.exit_code == 2 and "a set is given twice" in result.output


def test_variants_blank_headlines_and_flatten_paragraphs_but_keep_the_words():
    from summarize.evaluation.variants import apply_variant

    cluster = CLUSTERS[1]
    untitled, flat, both = (apply_variant(cluster, v) for v in ("notitle", "flat", "both"))
    for variant in (untitled, flat, both):
        assert variant.id == cluster.id and variant.summaries == cluster.summaries
        assert [d.text.split() for d in variant.documents] == [d.text.split() for d in cluster.documents]
    untitled_titles = [make_document(d.text, d.path).title for d in cluster.documents]  # as for any untitled text
    assert [d.title for d in untitled.documents] == untitled_titles != [d.title for d in cluster.documents]
    assert [d.text for d in untitled.documents] == [d.text for d in cluster.documents]
    assert [d.title for d in flat.documents] == [d.title for d in cluster.documents]
    assert all("\n" not in d.text for d in flat.documents + both.documents)
    assert [d.title for d in both.documents] == [make_document(d.text, d.path).title for d in both.documents]
    with pytest.raises(ValueError, match="unknown variant"):
        apply_variant(cluster, "upside-down")
