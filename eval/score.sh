#!/usr/bin/env sh
# Scores the release binary on the held-out sets (all of them, or the ones given).
# Extra arguments after the sets go to score.py (--verbose, --min-recall ...).
set -eu
cd "$(dirname "$0")/.."
bin="${REDLINT_BIN:-target/release/redlint}"
score="${REDLINT_SCORE:-../shared/eval/score.py}"
sets=""; rest=""
for a in "$@"; do case "$a" in *.jsonl) sets="$sets $a" ;; *) rest="$rest $a" ;; esac; done
[ -n "$sets" ] || sets=$(ls eval/*.jsonl)
for s in $sets; do
    echo "== $s"
    python3 "$score" "$s" --bin "$bin" $rest || true
done
