"""Prompt files: the format, its errors (with file and line), the shipped prompts, and the CLI."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from summarize.cli.main import main
from summarize.embedding import backends as embedding
from summarize.records import SummarizeError
from summarize.sections.prompts import (
    Prompt,
    PromptSection,
    focus_prompt,
    load_prompt,
    parse_prompt,
    prompt_names,
    prompt_text,
    shipped_prompts,
)
from tests import fakes
from tests.test_import_hygiene import assert_command_imports_nothing_heavy

VALID = """\
# Briefing
The story in three parts.
words: 200

## What happened
- What happened?
- What was decided?
share: 50%

## Reactions
* What did each side say?
group: speaker

## Timeline
order: date
- When did it happen?
"""


def test_a_valid_prompt_reads_into_its_sections():
    prompt = parse_prompt(VALID, "mine.md")
    assert prompt == Prompt(
        name="mine",
        title="Briefing",
        description="The story in three parts.",
        sections=(
            PromptSection("What happened", ("What happened?", "What was decided?"), 0.5),
            PromptSection("Reactions", ("What did each side say?",), None, group="speaker"),
            PromptSection("Timeline", ("When did it happen?",), None, order="date"),
        ),
        path="mine.md",
        words=200,
    )
    # Sections without a share split what the others leave.
    assert prompt.shares() == pytest.approx((0.5, 0.25, 0.25))


def test_shares_are_scaled_up_when_all_are_given_and_fall_short_of_the_whole():
    prompt = parse_prompt("# T\nd\n## A\n- a?\nshare: 30%\n## B\n- b?\nshare: 10\n", "p.md")
    assert prompt.shares() == pytest.approx((0.75, 0.25))


def test_blank_lines_a_byte_order_mark_and_windows_line_ends_are_fine():
    prompt = parse_prompt("\ufeff\r\n# T\r\n\r\nd\r\n\r\n## A\r\n\r\n- a?\r\n", "p.md")
    assert prompt.title == "T" and prompt.sections[0].questions == ("a?",)


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("", 1, "the prompt is empty"),
        ("\n\n", 1, "the prompt is empty"),
        ("Briefing\n", 1, "starts with its title line"),
        ("## Briefing\n", 1, "starts with its title line"),
        ("#\nd\n", 1, "the title line is empty"),
        ("# T\n", 1, "followed by a one-line description"),
        ("# T\n## A\n- a?\n", 2, "followed by a one-line description"),
        ("# T\nd\n", 2, "has no sections"),
        ("# T\nd\nmore description\n## A\n- a?\n", 3, "the description is one line"),
        ("# T\nd\nwords: many\n## A\n- a?\n", 3, "words must be a positive whole number"),
        ("# T\nd\nwords: 0\n## A\n- a?\n", 3, "words must be a positive whole number"),
        ("# T\nd\nwords: 100\nwords: 200\n## A\n- a?\n", 4, "'words' is given twice"),
        ("# T\nd\n## A\n", 3, "section 'A' has no questions"),
        ("# T\nd\n## A\n## B\n- b?\n", 3, "section 'A' has no questions"),
        ("# T\nd\n##\n- a?\n", 3, "the section heading is empty"),
        ("# T\nd\n## A\n- a?\n## a\n- b?\n", 5, "the section 'a' appears twice"),
        ("# T\nd\n## A\n- a?\n### Deeper\n", 5, "only '## ' headings start sections"),
        ("# T\nd\n## A\n- a?\n# Another title\n", 5, "a prompt has one '# ' title"),
        ("# T\nd\n## A\n-\n", 4, "the question is empty"),
        ("# T\nd\n## A\nWhat happened?\n", 4, "expected a question ('- What happened?')"),
        ("# T\nd\n## A\n- a?\nshare: lots\n", 5, "the share must be a percentage"),
        ("# T\nd\n## A\n- a?\nshare: 0%\n", 5, "the share must be a percentage"),
        ("# T\nd\n## A\n- a?\nshare: 150%\n", 5, "the share must be a percentage"),
        ("# T\nd\n## A\n- a?\nshare: 60%\n## B\n- b?\nshare: 50%\n", 8, "add up to 110%, more than 100%"),
        ("# T\nd\n## A\n- a?\nshare: 100%\n## B\n- b?\n", 6, "leaving nothing for 'B'"),
        ("# T\nd\n## A\n- a?\nshare: 40%\nshare: 50%\n", 6, "'share' is given twice"),
        ("# T\nd\n## A\n- a?\norder: random\n", 5, "the order must be one of importance, date"),
        ("# T\nd\n## A\n- a?\ngroup: topic\n", 5, "the group must be one of speaker"),
        ("# T\nd\n## A\n- a?\ncolour: blue\n", 5, "unknown setting 'colour'"),
    ],
)
def test_a_mistake_is_reported_with_its_file_and_line(text, line, message):
    with pytest.raises(SummarizeError) as raised:
        parse_prompt(text, "prompts/mine.md")
    assert str(raised.value).startswith(f"prompts/mine.md:{line}: ")
    assert message in str(raised.value)


def test_the_shipped_prompts_parse_and_describe_themselves():
    assert set(prompt_names()) >= {"briefing", "reactions", "timeline"}
    for prompt in shipped_prompts():
        assert prompt.description and prompt.sections and prompt.words
        assert prompt.path == f"prompts/{prompt.name}.md"
        assert abs(sum(prompt.shares()) - 1.0) < 1e-9
    briefing = load_prompt("briefing")
    assert [s.title for s in briefing.sections] == [
        "What happened",
        "How each side responded",
        "Background and context",
    ]
    assert load_prompt("timeline").sections[0].order == "date"
    assert load_prompt("reactions").sections[0].group == "speaker"
    assert prompt_text("briefing").startswith("# Briefing\n")


def test_a_prompt_file_is_found_by_path(tmp_path, monkeypatch):
    (tmp_path / "mine.md").write_text(VALID, encoding="utf-8")
    assert load_prompt(tmp_path / "mine.md").name == "mine"
    assert load_prompt(str(tmp_path / "mine.md")).title == "Briefing"
    monkeypatch.chdir(tmp_path)
    assert load_prompt("mine.md").sections[0].share == 0.5
    (tmp_path / "plain").write_text(VALID, encoding="utf-8")
    assert load_prompt("plain").name == "plain"  # not a shipped name, but a file here
    assert load_prompt("briefing").path == "prompts/briefing.md"  # a shipped name wins


@pytest.mark.parametrize(
    "given, message",
    [
        ("nonsense", "no prompt named 'nonsense'; the prompts are briefing, reactions, timeline"),
        ("missing.md", "missing.md: no such prompt file"),
        ("folder.md", "folder.md: is a folder, not a prompt file"),
        ("latin1.md", "latin1.md: not UTF-8 text"),
    ],
)
def test_a_prompt_that_cannot_be_found_or_read_is_a_clear_error(tmp_path, monkeypatch, given, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder.md").mkdir()
    (tmp_path / "latin1.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    with pytest.raises(SummarizeError, match=message):
        load_prompt(given)


def test_a_focus_question_is_a_one_section_prompt():
    prompt = focus_prompt("  How did   Russia respond? ")
    assert prompt.title == "How did Russia respond?"
    assert prompt.sections == (PromptSection("How did Russia respond?", ("How did Russia respond?",)),)
    with pytest.raises(SummarizeError, match="the focus question is empty"):
        focus_prompt("   ")


def test_reading_prompts_imports_nothing_heavy():
    code = (
        "import sys; from summarize.sections.prompts import shipped_prompts; shipped_prompts();"
        "heavy = {'numpy', 'scipy', 'torch', 'sentence_transformers', 'textual'} & set(sys.modules);"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# The CLI, with the fake embedder in place of the model.


@pytest.fixture
def fake_model(monkeypatch):
    monkeypatch.setattr(embedding, "default_embedder", fakes.HashingEmbedder)


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_prompts_lists_each_prompt_with_its_description():
    result = run("prompts")
    assert result.exit_code == 0
    for prompt in shipped_prompts():
        assert f"{prompt.name}  " in result.output and prompt.description in result.output
    assert "Sections: What happened, How each side responded, Background and context." in result.output


def test_prompts_name_shows_the_file_to_copy():
    result = run("prompts", "timeline")
    assert result.exit_code == 0 and result.output == prompt_text("timeline")
    unknown = run("prompts", "nonsense")
    assert unknown.exit_code == 2
    assert "no prompt named 'nonsense'; the prompts are briefing, reactions, timeline" in unknown.output


def test_brief_with_a_prompt_has_its_sections(fake_model):
    result = run("brief", "--prompt", "briefing")
    assert result.exit_code == 0, result.output
    headings = [line for line in result.output.splitlines() if line.startswith("## ")]
    assert headings == ["## What happened", "## How each side responded", "## Background and context", "## Sources"]
    data = json.loads(run("brief", "--prompt", "briefing", "--format", "json").output)
    assert data["budget"] == load_prompt("briefing").words  # the prompt's own length, when none is asked
    assert [s["title"] for s in data["sections"]] == [
        "What happened",
        "How each side responded",
        "Background and context",
    ]
    assert "focus" not in data
    assert json.loads(run("brief", "--prompt", "briefing", "--words", "90", "--format", "json").output)["budget"] == 90


def test_brief_with_ones_own_prompt_file(fake_model, tmp_path):
    mine = tmp_path / "mine.md"
    mine.write_text("# Mine\nJust the facts.\n\n## The facts\n- What happened?\n", encoding="utf-8")
    result = run("brief", "--prompt", str(mine), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["budget"] == 150 and [s["title"] for s in data["sections"]] == ["The facts"]


def test_brief_with_a_focus_question(fake_model):
    data = json.loads(run("brief", "--focus", "What did Stoltenberg say?", "--format", "json").output)
    assert data["focus"] == "What did Stoltenberg say?"
    assert [s["title"] for s in data["sections"]] == ["What did Stoltenberg say?"]
    assert data["sentences"] and all(i < len(data["sentences"]) for i in data["sections"][0]["sentences"])
    off_topic = run("brief", "--focus", "Who won the football match?")
    assert off_topic.exit_code == 0
    assert "## Who won the football match?\n\nNo article addresses this.\n" in off_topic.output


def test_plain_brief_json_keeps_its_shape(fake_model):
    data = json.loads(run("brief", "--format", "json").output)
    assert "sections" not in data and "focus" not in data and data["budget"] == 150


@pytest.mark.parametrize(
    "args, message",
    [
        (["--prompt", "nonsense"], "no prompt named 'nonsense'; the prompts are briefing, reactions, timeline"),
        (["--prompt", "missing.md"], "missing.md: no such prompt file"),
        (["--prompt", "briefing", "--focus", "Why?"], "--prompt and --focus do not go together"),
        (["--focus", "  "], "--focus: the question is empty"),
        (["--prompt", "briefing", "--method", "salience"], "leave out --method salience"),
    ],
)
def test_bad_prompt_options_are_one_clear_line(fake_model, args, message):
    result = run("brief", *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_an_invalid_prompt_file_names_its_line(fake_model, tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("# Bad\nA prompt.\n\n## One\nshare: 50%\n- Why?\nshare: 60%\n", encoding="utf-8")
    result = run("brief", "--prompt", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:7: 'share' is given twice in section 'One'" in result.output


def test_help_shows_the_prompt_options_and_stays_light():
    text = " ".join(run("brief", "--help").output.split())  # as read, whatever the wrapping
    for option in ("--prompt", "--focus", "summarize prompts", "the prompt's own"):
        assert option in text
    assert "summarize prompts" in run("--help").output
    assert_command_imports_nothing_heavy("prompts")
