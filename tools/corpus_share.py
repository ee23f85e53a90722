#!/usr/bin/env python3
"""Share of real texts flagged per category at warning or above, per corpus.

    python3 tools/corpus_share.py [--bin target/release/redlint] [--corpora ../shared/corpora] [--show CATEGORY]

The corpora are evaluation data and stay outside the repository (see their README). Each
record's `text` is checked as an organic note's body, with `redlint check --format jsonl`.
`--show` prints the flagged texts of one category (matched term and reading) to look at.
"""
import argparse
import collections
import json
import os
import subprocess
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/release/redlint")
ap.add_argument("--corpora", default="../shared/corpora")
ap.add_argument("--show")
ap.add_argument("--only")
ap.add_argument("--limit", type=int, default=40)
args = ap.parse_args()

files = sorted(f for f in os.listdir(args.corpora) if f.endswith(".jsonl"))
for name in files:
    if args.only and args.only not in name:
        continue
    rows = [json.loads(l) for l in open(os.path.join(args.corpora, name), encoding="utf-8")]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for i, r in enumerate(rows):
            tmp.write(json.dumps({"id": i, "body": r.get("text", "")}, ensure_ascii=False) + "\n")
    out = subprocess.run([args.bin, "check", "--quiet", "--format", "jsonl", tmp.name], capture_output=True, text=True).stdout
    os.unlink(tmp.name)
    flagged = collections.Counter()
    shown = 0
    for line in out.splitlines():
        rec = json.loads(line)
        cats = set()
        for v in rec.get("violations", []):
            if v["severity"] in ("warning", "error") and v["category"] != "format":
                cats.add(v["category"])
                if args.show == v["category"] and shown < args.limit:
                    shown += 1
                    text = rows[rec["id"]]["text"][:90].replace("\n", " ")
                    print(f"  [{name[:6]} {v['rule']} {v['matched']}{' <- ' + v['reading']['term'] if 'reading' in v else ''}] {text}")
        for c in cats:
            flagged[c] += 1
    n = len(rows)
    share = " ".join(f"{c}={flagged[c] / n:.2%}" for c in ["banned-word", "prohibited-product", "off-platform", "advertorial"])
    print(f"{name:32} n={n:6} {share}")
