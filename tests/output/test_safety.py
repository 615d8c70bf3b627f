"""What outputs make inert is one set of control characters, written once (summarize/text/controls.py)."""

import json
from pathlib import Path

from summarize.output.safety import json_escaped, printable
from summarize.text.controls import CONTROL

EVERY_CHARACTER = "".join(map(chr, range(0x110000)))
PACKAGE = Path(__file__).resolve().parents[2] / "summarize"


def test_json_output_carries_no_control_character_raw_and_escapes_nothing_else():
    raw = json_escaped(json.dumps(EVERY_CHARACTER, ensure_ascii=False))
    assert not CONTROL.search(raw)
    paired = EVERY_CHARACTER[:0xD800] + EVERY_CHARACTER[0xE000:]  # JSON reads two surrogates' escapes as one
    assert json.loads(json_escaped(json.dumps(paired, ensure_ascii=False))) == paired  # the data is unchanged
    left_raw = set(raw)
    assert left_raw == set(printable(EVERY_CHARACTER)) - set("\n\t")  # JSON escapes these two itself


def test_the_control_character_set_is_written_in_one_module():
    writing_it = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "\\x7f-\\x9f" in path.read_text(encoding="utf-8")
    ]
    assert writing_it == ["text/controls.py"]
