#!/usr/bin/env bash
# ROUGE of this tool, the plain concept program and sumy's summarizers on the three development sets,
# as given and with headlines blanked / paragraph breaks removed, in one run (see bench/README.md).
# Usage: bench/quality.sh [extra `summarize eval` options]
# The data are licensed for evaluation only: they are read from ../shared, never copied here.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/bench
python -m summarize eval "$data/duc2002.jsonl" "$data/duc2003.jsonl" "$data/tac2010.jsonl" \
    --variant notitle,flat,both --words 100 -o bench/quality.md "$@"
