"""How many short English texts the language check refuses: every text of one, two or three
consecutive sentences (Punkt, as a brief splits them) of the development sets' English articles that
is under the check's MIN_WORDS words and has a word, run through `not_english_reason`.

    python bench/language_short_texts.py

Prints the count of such texts and of those refused, with the first few refused and why. The data are
read from ../shared, never copied here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.inputs.language import _WORD, MIN_WORDS, not_english_reason
from summarize.text.sentences import PunktSplitter

SETS = ("duc2002", "duc2003", "tac2010")


def short_texts(path: Path, splitter: PunktSplitter) -> list[str]:
    """The short texts of one set's English articles (an article the check refuses whole is left out)."""
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for document in json.loads(line)["documents"]:
            text = document["text"]
            if not_english_reason(text) is not None:
                continue
            sentences = [text[start:end] for start, end in splitter.split(text)]
            for size in (1, 2, 3):
                for first in range(len(sentences) - size + 1):
                    piece = " ".join(sentences[first : first + size])
                    if _WORD.search(piece) and len(_WORD.findall(piece)) < MIN_WORDS:
                        texts.append(piece)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench", help="folder of the sets")
    arguments = parser.parse_args()
    splitter = PunktSplitter()
    total = 0
    for name in SETS:
        texts = short_texts(arguments.data / f"{name}.jsonl", splitter)
        refused = [(text, reason) for text in texts if (reason := not_english_reason(text)) is not None]
        total += len(refused)
        print(f"{name}: {len(texts):,} short texts, {len(refused)} refused")
        for text, reason in refused[:5]:
            print(f"  {text!r}: {reason}")
    print(f"refused in all: {total}")


if __name__ == "__main__":
    main()
