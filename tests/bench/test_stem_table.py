"""The shipped stem table is what `bench/stem_table.py` writes, and every line is NLTK's Porter stem."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from summarize.text import lightnltk

lightnltk.prepare()
from nltk.stem.porter import PorterStemmer  # noqa: E402 (after prepare(), above)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "summarize" / "data" / "porter_stems.txt"


def test_every_line_is_the_words_porter_stem():
    stemmer = PorterStemmer()  # a stemmer of its own: `bigrams.stem` may answer from the table itself
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 20_000
    for line in lines:
        word, _, stemmed = line.partition(" ")
        assert stemmer.stem(word) == (stemmed or word), line
        assert stemmed != word, f"{line}: a word that is its own stem is written alone"


def test_the_script_writes_the_shipped_table():
    spec = importlib.util.spec_from_file_location("stem_table", ROOT / "bench" / "stem_table.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.stem_lines() == SHIPPED.read_text(encoding="utf-8").splitlines()
