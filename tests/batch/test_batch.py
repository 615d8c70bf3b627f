"""Batch mode: JSON-lines clusters in, one brief per cluster out, in input order."""

import json
import time

import pytest
from click.testing import CliRunner

from summarize.batch.local import batch_record, brief_clusters
from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import BriefSettings
from summarize.records import SummarizeError
from tests import fakes
from tests.conftest import STORY


def cluster_line(cluster_id, documents=STORY, summaries=("A storm hit the coast.",)):
    return json.dumps(
        {
            "id": cluster_id,
            "documents": [{"id": f"{cluster_id}-{n}", "title": t, "text": x} for n, (t, x) in enumerate(documents)],
            "summaries": list(summaries),
        }
    )


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "clusters.jsonl"
    path.write_text("\n".join(cluster_line(c) for c in ("first", "second", "third")) + "\n", encoding="utf-8")
    return path


def test_read_clusters_keeps_order_titles_and_summaries(data):
    clusters = list(read_clusters(data))
    assert [c.id for c in clusters] == ["first", "second", "third"]
    assert clusters[0].documents[0].title == "Storm hits the coast"
    assert clusters[0].documents[0].path == "first-0"
    assert clusters[0].summaries == ("A storm hit the coast.",)


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "clusters.jsonl:2: not valid JSON"),
        ('{"id": "x", "documents": []}', 'clusters.jsonl:2: "documents" must be a non-empty list'),
        ('{"id": "x", "documents": [{"title": "t"}]}', 'clusters.jsonl:2: document 1 needs a "text" string'),
        ("[1, 2]", "clusters.jsonl:2: expected a JSON object"),
    ],
)
def test_a_malformed_line_is_named(tmp_path, line, message):
    path = tmp_path / "clusters.jsonl"
    path.write_text(cluster_line("ok") + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(SummarizeError, match=message.replace("[", r"\[")):
        list(read_clusters(path))


def test_clusters_are_embedded_together_and_briefed_in_order(data, embedder, monkeypatch):
    from summarize.batch import local as batch

    monkeypatch.setattr(batch, "EMBED_BATCH_SENTENCES", 10**6)
    results = list(brief_clusters(read_clusters(data), embedder, BriefSettings(words=40)))
    assert len(embedder.calls) == 1, "one embedding call for all three clusters"
    assert [cluster.id for cluster, _ in results] == ["first", "second", "third"]
    record = batch_record(*results[0])
    assert record["summary"] == " ".join(s["text"] for s in record["brief"]["sentences"])
    assert 0 < record["brief"]["words"] <= 40


def test_each_distinct_sentence_is_embedded_once(data, embedder):
    """Three copies of one cluster: the embedder is asked for one copy's sentences, not three."""
    results = list(brief_clusters(read_clusters(data), embedder, BriefSettings(words=40)))
    asked = [text for call in embedder.calls for text in call]
    assert len(asked) == len(set(asked))
    assert len(results) == 3


def test_a_worker_reports_a_bad_cluster_as_the_local_path_does(tmp_path):
    from summarize.batch.processes import brief_group
    from summarize.inputs.document import make_document
    from summarize.inputs.jsonl import ClusterInput

    path = tmp_path / "clusters.jsonl"
    path.write_text(cluster_line("good") + "\n", encoding="utf-8")
    clusters = [*read_clusters(path), ClusterInput("bad", (make_document("Home | News | Sport", "bad/0"),))]
    with pytest.raises(SummarizeError) as raised:
        list(brief_clusters(clusters, fakes.HashingEmbedder(), BriefSettings()))
    records = brief_group(clusters, fakes.HashingEmbedder, BriefSettings(), None, use_cache=False)
    assert records == [{"error": str(raised.value)}]
    assert str(raised.value).startswith("cluster bad: ")


def test_batch_command_writes_one_line_per_cluster(data, tmp_path, monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(data), "-o", str(out), "--words", "50"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["first", "second", "third"]
    assert all(line["brief"]["budget"] == 50 for line in lines)


def test_batch_command_counts_what_it_wrote_in_words_a_reader_expects(data, tmp_path, monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)
    one = tmp_path / "one.jsonl"
    one.write_text(data.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(one), "-o", str(out), "--words", "50"])
    assert result.exit_code == 0, result.output
    assert f"Wrote 1 brief to {out}." in result.output


def test_batch_command_strict_reports_a_bad_line_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)
    data = tmp_path / "bad.jsonl"
    data.write_text(cluster_line("ok") + "\n{oops\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(data), "-o", str(out), "--strict"])
    assert result.exit_code == 2 and "bad.jsonl:2: not valid JSON" in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [data]


def test_batch_without_an_output_says_what_to_give(data):
    result = CliRunner().invoke(main, ["batch", str(data)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: give -o OUT.jsonl, where the briefs go (one JSON line per cluster; -o - : standard output)"
    )


def test_stopping_workers_never_started_leaves_every_other_child_alone():
    import multiprocessing

    from summarize.batch.processes import Workers

    other = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(30,))
    other.start()
    try:
        Workers(1).stop()  # as the CLI's exit stack does when an error comes before `start`
        assert other.is_alive()
    finally:
        other.kill()
        other.join()
