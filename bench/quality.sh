#!/usr/bin/env bash
# ROUGE of this tool and of sumy's summarizers on the development set, in one run.
# Usage: bench/quality.sh [DATA.jsonl] [extra `summarize eval` options]
# The DUC 2002 data is licensed for evaluation only: it is read from ../shared, never copied here.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/bench/duc2002.jsonl}"
shift || true
summarize eval "$data" --words 100 -o bench/quality.md "$@"
