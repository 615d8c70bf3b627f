"""Batch on a Dask cluster (a LocalCluster of two worker processes here): same output, in order."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.batch.local import batch_record, brief_clusters
from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.inputs.jsonl import read_clusters
from summarize.pipeline import BriefSettings
from tests.batch.test_batch import cluster_line
from tests.fakes import HashingEmbedder

distributed = pytest.importorskip("distributed")

# Where the embedders below leave their marks; set before the cluster starts, so workers inherit it.
MARKS = "SUMMARIZE_TEST_MARKS"


class RecordingEmbedder(HashingEmbedder):
    """Leaves one file per construction, named by process: tells how often each worker built one."""

    def __init__(self):
        super().__init__()
        marks = Path(os.environ[MARKS])
        (marks / f"built-{os.getpid()}-{len(list(marks.glob(f'built-{os.getpid()}-*')))}").touch()


class CrashOnceEmbedder(HashingEmbedder):
    """Kills its worker process the first time any worker embeds: the scheduler must move the work."""

    def embed(self, texts):
        try:
            handle = os.open(Path(os.environ[MARKS]) / "crashed", os.O_CREAT | os.O_EXCL)
        except FileExistsError:
            return super().embed(texts)
        os.close(handle)
        os._exit(1)


@pytest.fixture(scope="module")
def marks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("marks")
    os.environ[MARKS] = str(folder)
    yield folder
    os.environ.pop(MARKS, None)


@pytest.fixture(scope="module")
def client(marks):
    from summarize.batch.dask_cluster import close, connect

    client = connect("local:2")
    yield client
    close(client)


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "clusters.jsonl"
    lines = [cluster_line(f"cluster-{n}") for n in range(7)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def local_records(data, words=50):
    return [
        batch_record(cluster, brief)
        for cluster, brief in brief_clusters(read_clusters(data), HashingEmbedder(), BriefSettings(words=words))
    ]


def test_dask_gives_the_local_records_in_input_order_and_builds_one_embedder_per_worker(client, data, marks):
    from summarize.batch.dask_cluster import brief_clusters_dask

    clusters = list(read_clusters(data))
    states = []
    results = list(
        brief_clusters_dask(
            clusters,
            client,
            RecordingEmbedder,
            BriefSettings(words=50),
            use_cache=False,
            progress=states.append,
            group_characters=1,  # one cluster per task: seven tasks
        )
    )
    assert [cluster.id for cluster, _ in results] == [f"cluster-{n}" for n in range(7)]
    assert [record for _, record in results] == local_records(data)
    built = sorted(path.name for path in marks.glob("built-*"))
    workers = {name.split("-")[1] for name in built}
    assert len(built) == len(workers) <= 2, built  # once per worker process, not once per task
    assert states[-1].clusters_done == 7


def test_a_crashed_worker_s_clusters_are_retried_elsewhere(client, data, marks):
    from summarize.batch.dask_cluster import brief_clusters_dask

    clusters = list(read_clusters(data))
    results = list(
        brief_clusters_dask(
            clusters, client, CrashOnceEmbedder, BriefSettings(words=50), use_cache=False, group_characters=1
        )
    )
    assert (marks / "crashed").exists()
    assert [record for _, record in results] == local_records(data)


def test_bad_input_on_a_worker_is_one_clear_error(client, tmp_path):
    from summarize.batch.dask_cluster import brief_clusters_dask
    from summarize.records import SummarizeError

    data = tmp_path / "bad.jsonl"
    data.write_text(
        cluster_line("fine") + "\n" + json.dumps({"id": "nav", "documents": [{"text": "Home | News | Sport"}]}) + "\n"
    )
    with pytest.raises(SummarizeError, match="cluster nav: no prose sentences"):
        # read unchecked (reading would refuse it first): the worker's own error is what is tested
        list(
            brief_clusters_dask(
                list(read_clusters(data, checked=False)), client, HashingEmbedder, BriefSettings(), use_cache=False
            )
        )


def test_the_batch_command_on_a_local_dask_cluster_writes_what_the_local_run_writes(data, tmp_path, monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", HashingEmbedder)
    runner = CliRunner()
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert runner.invoke(main, ["batch", str(data), "-o", str(local), "--words", "50"]).exit_code == 0
    result = runner.invoke(main, ["batch", str(data), "-o", str(remote), "--words", "50", "--dask", "local:2"])
    assert result.exit_code == 0, result.output
    assert remote.read_bytes() == local.read_bytes()
    assert [json.loads(line)["id"] for line in remote.read_text().splitlines()] == [f"cluster-{n}" for n in range(7)]


@pytest.mark.parametrize("address", ["local:0", "local:x"])
def test_a_bad_dask_address_is_a_usage_error(data, tmp_path, address):
    result = CliRunner().invoke(main, ["batch", str(data), "-o", str(tmp_path / "o.jsonl"), "--dask", address])
    assert result.exit_code == 2 and "local:N" in result.output
