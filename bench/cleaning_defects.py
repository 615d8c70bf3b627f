"""How many candidate sentences of each development set carry each kind of cleaning defect, and how
many of them a set of 100-word briefs chose (the eighth pass, bench/README.md).

    python bench/cleaning_defects.py [--tree DIR] [--variant both] [--briefs FILE FILE FILE]

Each kind is a pattern that flags a candidate; the flags were checked by reading them (a flag is a
count of likely defects, not a proof). `--tree` splits with another source tree's code (for example
main's, to compare); `--briefs` are `summarize batch` outputs of duc2002, duc2003 and tac2010, in that
order (the chosen sentences are found by their spans). The data are read from ../shared, never
copied here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ("duc2002", "duc2003", "tac2010")
SPEECH = re.compile(r"\b(?:said|says|asked|told|added|shouted|wrote|declared|replied)\b")
TITLE_OR_INITIALS_END = re.compile(
    r"(?:\b(?:Gov|Govs|Sen|Sens|Rep|Reps|Gen|Dist|Atty|Brig|Pfc|Spc|Mr|Mrs|Ms|Dr|Lt|Col|Capt|Sgt|Fr)"
    r"|(?:^|(?<!,)[\s(])(?!U\.S|U\.N|U\.K|D\.C)(?:[A-Z]\.){1,2})\.?$"
)
Check = Callable[[str, str], bool]  # (sentence, the sentence before it in its article) -> flagged

KINDS: dict[str, Check] = {
    "list mark, fact-box label or Q/A at the start": lambda s, before: bool(
        re.match(r"(?:--|[–—_•*]|-\s|\((?:check|box)\)|[A-Z][A-Z&'/.-]*(?: [A-Z][A-Z&'/.-]*){0,4}:\s)", s)
    ),
    "wire slug or agency dateline inside": lambda s, before: bool(
        re.search(r"\((?:AP|Reuters|AFP|UPI|Xinhua|XINHUA)\)\s*(?:--|-|_)\s|^(?:BC-|[A-Z0-9]+(?:-[A-Z0-9]+){2,} )", s)
    ),
    "byline or copyright notice": lambda s, before: bool(
        re.fullmatch(r"By(?: [A-Z][\w.'-]*| and){2,6}\.?", s) or re.search(r"(?i)copyright \d{4}|©", s)
    ),
    "false split: starts in lower case": lambda s, before: s[0].islower(),
    "false split: ends on a title or initials (no state)": lambda s, before: bool(TITLE_OR_INITIALS_END.search(s)),
    "false split: the speaker of a quoted question alone": lambda s, before: bool(
        re.search(r"[?!][\"”’']$", before) and len(s.split()) <= 12 and SPEECH.search(s) and '"' not in s
    ),
    "false split: a shard of a spaced ellipsis": lambda s, before: (
        s.startswith(".") or (s.endswith(" .") and not s.endswith(". ."))
    ),
    "half a quotation (odd number of double quotes)": lambda s, before: len(re.findall(r"[\"“”]", s)) % 2 == 1,
    "the writer's own question": lambda s, before: bool(re.search(r"\?[)\]]*$", s)),
    "chronology entry ('May 4 --', 'July 17:')": lambda s, before: bool(
        re.match(r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)\w*\.? \d{1,2}(?:, \d{4})?\s*(?::|--)", s)
    ),
    "numbered list item ('11. Who ...')": lambda s, before: bool(re.match(r"\d{1,2}[.)]\s", s)),
    "fraction residue ('2{ years')": lambda s, before: bool(re.search(r"\d\{", s)),
    "detokenization residue (do n't, U.S ., `` '')": lambda s, before: bool(
        re.search(r" n't\b|\w 's\b|\bU\.S \.|``|''", s)
    ),
}


def chosen_spans(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Each cluster's chosen sentences as (document index, start) from a `summarize batch` output."""
    chosen: dict[str, set[tuple[int, int]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        sentences = (record.get("brief") or {}).get("sentences", [])
        chosen[record["id"]] = {(s["source"] - 1, s["start"]) for s in sentences}
    return chosen


def count(setname: str, variant: str, briefs: Path | None) -> tuple[int, Counter[str], Counter[str]]:
    from summarize.evaluation.variants import apply_variant
    from summarize.inputs.jsonl import read_clusters
    from summarize.pipeline import split_documents
    from summarize.text.sentences import PunktSplitter

    chosen = chosen_spans(briefs) if briefs else {}
    splitter = PunktSplitter()
    flagged: Counter[str] = Counter()
    picked: Counter[str] = Counter()
    total = 0
    for cluster in read_clusters(ROOT.parent / "shared" / "bench" / f"{setname}.jsonl", lenient=True):
        if variant != "given":
            cluster = apply_variant(cluster, variant)
        sentences = split_documents(cluster.documents, splitter)
        for index, sentence in enumerate(sentences):
            total += 1
            before = sentences[index - 1].text if index and sentences[index - 1].document == sentence.document else ""
            for kind, check in KINDS.items():
                if check(sentence.text, before):
                    flagged[kind] += 1
                    picked[kind] += (sentence.document, sentence.start) in chosen.get(cluster.id, set())
    return total, flagged, picked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="the source tree whose splitter to use")
    parser.add_argument("--variant", default="given", choices=["given", "both"])
    parser.add_argument("--briefs", type=Path, nargs=3, help="batch outputs of duc2002, duc2003, tac2010")
    args = parser.parse_args()
    sys.path.insert(0, str(args.tree.resolve()))
    results = [count(name, args.variant, args.briefs[i] if args.briefs else None) for i, name in enumerate(SETS)]
    print(f"Candidate sentences flagged (chosen in the briefs), {args.variant}, tree {args.tree}:\n")
    print("| kind | " + " | ".join(SETS) + " |")
    print("|---|" + "---:|" * len(SETS))
    for kind in KINDS:
        cells = [
            f"{flagged[kind]} ({picked[kind]})" if args.briefs else str(flagged[kind]) for _, flagged, picked in results
        ]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    print("| candidate sentences | " + " | ".join(str(total) for total, _, _ in results) + " |")


if __name__ == "__main__":
    main()
