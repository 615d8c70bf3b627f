"""The CLI as a user runs it, with the fake embedder in place of the model."""

import json

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from summarize.embedding import backends as embedding
from tests import fakes
from tests.test_import_hygiene import assert_command_imports_nothing_heavy


@pytest.fixture(autouse=True)
def fake_model(monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write_story(folder, story):
    paths = []
    for number, document in enumerate(story):
        path = folder / f"{number}.txt"
        path.write_text(document.title + "\n\n" + document.text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_no_paths_briefs_the_built_in_sample():
    result = run("brief", "--words", "80")
    assert result.exit_code == 0
    assert "## Sources" in result.output and "sample/000_0b5c9c80ee66a672.txt" in result.output


def test_files_and_folders_and_json_output(tmp_path, story):
    paths = write_story(tmp_path, story)
    from_files = json.loads(run("brief", *paths, "--format", "json", "--words", "60").output)
    from_folder = json.loads(run("brief", str(tmp_path), "--format", "json", "--words", "60").output)
    assert from_files == from_folder
    assert from_files["words"] <= 60 and len(from_files["sources"]) == 3
    assert from_files["sources"][0]["title"] == "Storm hits the coast"


def test_output_file_is_written_and_inputs_are_never_overwritten(tmp_path, story):
    paths = write_story(tmp_path, story)
    out = tmp_path / "brief.md"
    result = run("brief", *paths, "-o", str(out))
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# ")
    before = (tmp_path / "0.txt").read_text(encoding="utf-8")
    refused = run("brief", *paths, "-o", paths[0])
    assert refused.exit_code == 2 and "overwrite an input" in refused.output
    assert (tmp_path / "0.txt").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing.txt"], "no such file"),
        (["--words", "0"], "0 is not in the range"),
        (["--words", "many"], "not a valid integer"),
        (["--format", "pdf"], "'pdf' is not one of"),
        (["-o", "no/such/folder/brief.md"], "does not exist"),
    ],
)
def test_bad_input_is_one_clear_line(args, message):
    result = run("brief", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_help_is_instant_and_imports_nothing_heavy():
    assert_command_imports_nothing_heavy("brief", "--help")


def test_help_explains_every_option():
    text = run("brief", "--help").output
    for option in ("--words", "--format", "--output", "built-in sample"):
        assert option in text


def test_the_eval_help_says_how_its_tables_are_sorted():
    assert "best R2 first" in " ".join(run("eval", "--help").output.split())


def test_a_brief_the_articles_cannot_fill_says_so_in_one_line():
    short = CliRunner().invoke(main, ["brief", "--words", "5000"])
    assert short.exit_code == 0
    (note,) = [line for line in short.stderr.splitlines() if line.startswith("Note:")]
    words = int(short.stdout.split("sources, ")[1].split(" words")[0])
    assert (
        note
        == f"Note: the brief has {words} of the 5000 words asked for: the articles hold no other sentence that adds to it and fits in the {5000 - words:,} words left."
    )
    assert "Note:" not in CliRunner().invoke(main, ["brief", "--words", "300"]).stderr


@pytest.mark.parametrize("group", [[], ["cache"]])
def test_the_command_lists_say_what_each_command_does_without_cutting_it(group):
    listing = run(*group, "--help").output.split("Commands:\n")[1]
    lines = [line for line in listing.splitlines() if line.strip()]
    assert lines and not [line for line in lines if line.rstrip().endswith("...")]


@pytest.mark.parametrize("command", ["brief", "batch", "eval"])
def test_the_backend_help_gives_the_static_model_s_measured_rouge(command):
    text = " ".join(run(command, "--help").output.split())
    assert "ROUGE-2 within 0.24 of the transformer's on every development set" in text


@pytest.mark.parametrize(
    "group, usage", [([], "Usage: summarize [OPTIONS] COMMAND"), (["cache"], "Usage: summarize cache")]
)
def test_a_group_run_without_a_command_shows_its_help_as_help_not_as_a_one_line_error(group, usage):
    result = CliRunner().invoke(main, group, prog_name="summarize")
    assert result.exit_code == 0  # help asked for by giving no command, not click 8.2's usage error
    assert result.stdout.startswith(usage) and "\nCommands:\n" in result.stdout
    assert result.stdout == CliRunner().invoke(main, [*group, "--help"], prog_name="summarize").stdout
    assert result.stderr == ""


@pytest.mark.parametrize("command", [["brief"], ["batch", "data.jsonl", "-o", "-"], ["eval", "data.jsonl"], ["tui"]])
def test_a_word_budget_that_is_no_whole_number_is_called_so(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.jsonl").write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(main, [*command, "--words", "abc"])
    assert result.exit_code == 2
    assert "'abc' is not a valid integer." in result.output, result.output  # click said "integer range"
    assert "INTEGER RANGE" not in CliRunner().invoke(main, [command[0], "--help"]).output


def test_the_line_after_writing_a_file_counts_one_source_as_one(tmp_path, story):
    paths = write_story(tmp_path, story)
    out = tmp_path / "brief.md"
    result = run("brief", paths[0], "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr.strip().endswith(" words from 1 source).")  # it said "1 sources"
    assert run("brief", *paths, "-o", str(out)).stderr.strip().endswith(f" words from {len(paths)} sources).")


@pytest.mark.parametrize(
    "command", [[], ["brief"], ["batch"], ["eval"], ["cache"], ["cache", "info"], ["prompts"], ["tui"]]
)
def test_every_help_fits_an_80_column_terminal(command):
    """The examples of `summarize --help` and batch's line formats ran to 98 columns, and an
    80-column terminal wrapped them to the left margin, mid-example."""
    text = run(*command, "--help").output
    assert [line for line in text.splitlines() if len(line) > 80] == []


def test_the_tui_help_names_the_key_that_adds_articles():
    text = " ".join(run("tui", "--help").output.split())
    assert "with the a key" in text
