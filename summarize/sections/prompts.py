"""Briefing prompts: small markdown files that describe a brief's sections as questions.

A prompt file is a title line, a one-line description, optionally `words: N` (the word budget it
suggests when none is asked for), then one `## Section` heading per section, each
followed by its questions and, optionally, `share: N%` (its part of the word budget), `order: date`
(show its sentences in the order of the dates they mention) and `group: speaker` (show who said what,
under each speaker's name):

    # Briefing
    What happened, how each side responded, and the background.
    words: 250

    ## What happened
    - What happened?
    share: 40%

The shipped prompts live in the top-level `prompts` package (package data); `load_prompt` takes one of
their names or the path of a user's own file. This module reads text only: no numpy, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..inputs.files import read_limited
from ..records import SummarizeError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

PROMPT_SUFFIX = ".md"
MAX_PROMPT_BYTES = 1024 * 1024  # a prompt is a page of questions; more is a wrong file (or /dev/zero)
ORDERS = ("importance", "date")  # how a section's sentences are shown: most important first, or by date
GROUPS = ("speaker",)  # how a section's sentences may be grouped under sub-headings

_TITLE = re.compile(r"^#(?!#)\s*(.*)$")
_SECTION = re.compile(r"^##(?!#)\s*(.*)$")
_DEEPER = re.compile(r"^###")
_QUESTION = re.compile(r"^[-*+]\s+(.*)$|^[-*+]$")
_SETTING = re.compile(r"^([A-Za-z][\w -]*?)\s*:\s*(.*)$")
_SHARE = re.compile(r"^(\d+(?:\.\d+)?)\s*%?$")


@dataclass(frozen=True)
class PromptSection:
    title: str
    questions: tuple[str, ...]
    share: float | None = None  # fraction of the word budget; None: an equal part of what is left
    order: str = "importance"  # one of ORDERS
    group: str | None = None  # one of GROUPS: "speaker" shows who said what, under each speaker's name


@dataclass(frozen=True)
class Prompt:
    name: str  # what `--prompt` takes: the file name without `.md`
    title: str
    description: str
    sections: tuple[PromptSection, ...]
    path: str = ""  # where it was read from, for messages
    words: int | None = None  # the word budget it suggests when none is asked for (`words: 250`)

    def shares(self) -> tuple[float, ...]:
        """Each section's fraction of the word budget; they add up to 1. Sections without a share
        split what the others leave; if every section has one and they add up to less than 100 %,
        they are scaled up in proportion."""
        given = sum(s.share for s in self.sections if s.share is not None)
        missing = [s for s in self.sections if s.share is None]
        rest = max(0.0, 1.0 - given) / len(missing) if missing else 0.0
        raw = [s.share if s.share is not None else rest for s in self.sections]
        total = sum(raw)
        if total <= 0:
            return tuple(1.0 / len(raw) for _ in raw)
        return tuple(value / total for value in raw)


def _fail(path: str, line: int, message: str) -> SummarizeError:
    return SummarizeError(f"{path}:{line}: {message}")


def parse_prompt(text: str, path: str = "<prompt>", name: str | None = None) -> Prompt:
    """Read a prompt file's text; `path` and line numbers name the place of any mistake."""
    name = name if name is not None else Path(path).stem
    lines = text.lstrip("\ufeff").splitlines()
    title: str | None = None
    description: str | None = None
    sections: list[PromptSection] = []
    # The section being read: title, its heading's line, questions, share, order, and settings seen.
    current: dict[str, Any] | None = None
    shares_total = 0.0
    words: int | None = None
    heading_lines: dict[str, int] = {}

    def close() -> None:
        if current is None:
            return
        if not current["questions"]:
            raise _fail(
                path,
                current["line"],
                f"section '{current['title']}' has no questions; add lines such as '- What happened?' under it",
            )
        sections.append(
            PromptSection(
                current["title"], tuple(current["questions"]), current["share"], current["order"], current["group"]
            )
        )

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if title is None:
            match = _TITLE.match(line)
            if not match or line.startswith("##"):
                raise _fail(path, number, "a prompt starts with its title line, such as '# Briefing'")
            title = match.group(1).strip()
            if not title:
                raise _fail(path, number, "the title line is empty; write it as '# Briefing'")
            continue
        if description is None:
            if line.startswith("#"):
                raise _fail(
                    path,
                    number,
                    "the title must be followed by a one-line description of the prompt, before any '## ' section",
                )
            description = line
            continue
        if _DEEPER.match(line):
            raise _fail(path, number, "only '## ' headings start sections ('###' and deeper are not used)")
        section = _SECTION.match(line)
        if section:
            close()
            heading = section.group(1).strip()
            if not heading:
                raise _fail(path, number, "the section heading is empty; write it as '## What happened'")
            if any(s.title.lower() == heading.lower() for s in sections):
                raise _fail(path, number, f"the section '{heading}' appears twice")
            heading_lines[heading] = number
            current = {
                "title": heading,
                "line": number,
                "questions": [],
                "share": None,
                "order": "importance",
                "group": None,
                "settings": set(),
            }
            continue
        if _TITLE.match(line):
            raise _fail(path, number, "a prompt has one '# ' title; start sections with '## '")
        if current is None:
            setting = _SETTING.match(line)
            if setting and setting.group(1).strip().lower() == "words":
                value = setting.group(2).strip()
                if words is not None:
                    raise _fail(path, number, "'words' is given twice")
                if not value.isdigit() or int(value) < 1:
                    raise _fail(
                        path, number, f"words must be a positive whole number, such as 'words: 250', not '{value}'"
                    )
                words = int(value)
                continue
            raise _fail(
                path,
                number,
                "the description is one line; start the first section with a heading such as '## What happened'"
                " (before it, only 'words: N' may follow the description)",
            )
        question = _QUESTION.match(line)
        if question:
            asked = (question.group(1) or "").strip()
            if not asked:
                raise _fail(path, number, "the question is empty")
            current["questions"].append(asked)
            continue
        setting = _SETTING.match(line)
        if setting:
            key, value = setting.group(1).strip().lower(), setting.group(2).strip()
            if key in current["settings"]:
                raise _fail(path, number, f"'{key}' is given twice in section '{current['title']}'")
            current["settings"].add(key)
            if key == "share":
                amount = _SHARE.match(value)
                if not amount or not 0 < float(amount.group(1)) <= 100:
                    raise _fail(
                        path,
                        number,
                        f"the share must be a percentage between 1% and 100%, such as 'share: 40%', not '{value}'",
                    )
                shares_total += float(amount.group(1))
                if shares_total > 100 + 1e-9:
                    raise _fail(path, number, f"the sections' shares add up to {shares_total:g}%, more than 100%")
                current["share"] = float(amount.group(1)) / 100
                continue
            if key == "order":
                if value.lower() not in ORDERS:
                    raise _fail(path, number, f"the order must be one of {', '.join(ORDERS)}, not '{value}'")
                current["order"] = value.lower()
                continue
            if key == "group":
                if value.lower() not in GROUPS:
                    raise _fail(path, number, f"the group must be one of {', '.join(GROUPS)}, not '{value}'")
                current["group"] = value.lower()
                continue
            raise _fail(
                path,
                number,
                f"unknown setting '{key}'; a section takes 'share: N%', 'order: date' and 'group: speaker'",
            )
        raise _fail(
            path,
            number,
            f"expected a question ('- What happened?'), 'share: N%' or 'order: date' in section "
            f"'{current['title']}', or a '## ' heading",
        )
    end = len(lines) or 1
    if title is None:
        raise _fail(path, 1, "the prompt is empty; it starts with a title line such as '# Briefing'")
    if description is None:
        raise _fail(path, end, "the title must be followed by a one-line description of the prompt")
    if current is None:
        raise _fail(path, end, "the prompt has no sections; add one such as '## What happened' with questions under it")
    close()
    unshared = [s for s in sections if s.share is None]
    if unshared and shares_total >= 100 - 1e-9:
        raise _fail(
            path,
            heading_lines[unshared[0].title],
            f"the other sections' shares already add up to 100%, leaving nothing for '{unshared[0].title}'",
        )
    return Prompt(name, title, description, tuple(sections), path, words)


def read_prompt(path: str | Path) -> Prompt:
    """A user's prompt file."""
    path = Path(path)
    if path.is_dir():
        raise SummarizeError(f"{path}: is a folder, not a prompt file")
    if not path.exists():
        raise SummarizeError(f"{path}: no such prompt file")
    data = read_limited(path, str(path), MAX_PROMPT_BYTES)
    if data is None:
        raise SummarizeError(f"{path}: too large for a prompt (over {MAX_PROMPT_BYTES // 1024} KB)")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        raise SummarizeError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    return parse_prompt(text, str(path))


def _shipped_files() -> dict[str, Traversable]:
    folder = resources.files("prompts")
    return {
        entry.name[: -len(PROMPT_SUFFIX)]: entry
        for entry in folder.iterdir()
        if entry.name.endswith(PROMPT_SUFFIX) and entry.is_file()
    }


def prompt_names() -> tuple[str, ...]:
    """The names of the shipped prompts, sorted."""
    return tuple(sorted(_shipped_files()))


def shipped_prompts() -> tuple[Prompt, ...]:
    """Every shipped prompt, by name."""
    return tuple(shipped_prompt(name) for name in prompt_names())


def shipped_prompt(name: str) -> Prompt:
    files = _shipped_files()
    if name not in files:
        raise SummarizeError(
            f"no prompt named '{name}'; the prompts are {', '.join(sorted(files))} "
            f"(or give the path of your own {PROMPT_SUFFIX} file)"
        )
    return parse_prompt(files[name].read_text(encoding="utf-8"), f"prompts/{name}{PROMPT_SUFFIX}", name)


def prompt_text(name: str) -> str:
    """A shipped prompt's file, to show or to copy as the start of one's own."""
    shipped_prompt(name)  # the same error for an unknown name
    return _shipped_files()[name].read_text(encoding="utf-8")


def load_prompt(name_or_path: str | Path) -> Prompt:
    """A shipped prompt by name (`briefing`), or a prompt file by path (`mine.md`, `./prompts/x`)."""
    value = str(name_or_path)
    looks_like_path = isinstance(name_or_path, Path) or "/" in value or "\\" in value or value.endswith(PROMPT_SUFFIX)
    if looks_like_path or (value not in _shipped_files() and Path(value).is_file()):
        return read_prompt(Path(value))
    return shipped_prompt(value)


def focus_prompt(question: str) -> Prompt:
    """A one-section prompt that answers one question."""
    question = " ".join(question.split())
    if not question:
        raise SummarizeError("the focus question is empty")
    return Prompt("focus", question, "A brief that answers one question.", (PromptSection(question, (question,)),))
