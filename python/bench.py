"""Throughput of the Python package, beside the command line, on the same generated notes.

    python python/bench.py                   # lint_many vs `redlint check --format jsonl`
    python python/bench.py --spark 1000000   # and Spark local[2] on a million notes

Build the extension in release mode first (`maturin develop --release`) and the binary with
`cargo build --release`; the numbers are only comparable within one run (a shared 2-core
machine moves absolute MB/s by 10-35% between runs). Peak memory is the process's max RSS
(the CLI's from /usr/bin/time -v when present, else from resource.getrusage of children).
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "tests"))
from conftest import make_notes  # noqa: E402  (the test suite's own note generator)

import redlint  # noqa: E402


def cli_run(binary, path, threads):
    cmd = [binary, "check", "--format", "jsonl", "--no-config", "--quiet", "--jobs", str(threads), str(path)]
    timer = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    start = time.perf_counter()
    if timer:
        out = subprocess.run([timer, "-v", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        rss = next((int(l.split()[-1]) for l in out.stderr.splitlines() if "Maximum resident" in l), 0) * 1024
    else:
        out = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return time.perf_counter() - start, rss


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--notes", type=int, default=100_000)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--spark", type=int, default=0, help="also Spark local[2] on this many notes")
    p.add_argument("--binary", default=str(HERE.parent / "target/release/redlint"))
    args = p.parse_args()

    notes = make_notes(args.notes, seed=1)
    lines = [json.dumps(n, ensure_ascii=False) for n in notes]
    size = sum(len(l.encode()) + 1 for l in lines)
    mb = size / 1e6
    tmp = Path(tempfile.mkdtemp())
    path = tmp / "notes.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(notes):,} notes, {mb:.1f} MB of JSONL, {args.threads} threads")

    linter = redlint.Linter()
    linter.lint_many(notes[:100])  # lazily built tables
    for threads in (1, args.threads):
        start = time.perf_counter()
        found = linter.lint_many(notes, threads=threads)
        t = time.perf_counter() - start
        n = sum(len(f) for f in found)
        print(f"lint_many(threads={threads}): {t:.2f} s, {mb / t:.1f} MB/s ({n:,} violations)")
        cli_t, cli_rss = cli_run(args.binary, path, threads)
        print(f"  CLI --jobs {threads}:         {cli_t:.2f} s, {mb / cli_t:.1f} MB/s, peak RSS {cli_rss / 2**20:.0f} MiB")
        print(f"  lint_many / CLI: {cli_t / t:.2f}x")
    start = time.perf_counter()
    cols = linter.lint_columns([n["body"] for n in notes], [n["title"] for n in notes], [n["tags"] for n in notes],
                               [n["sponsored"] for n in notes], threads=args.threads)
    t = time.perf_counter() - start
    print(f"lint_columns(threads={args.threads}): {t:.2f} s, {mb / t:.1f} MB/s ({len(cols['rule']):,} violations)")
    print(f"python peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

    if args.spark:
        os.environ["PYSPARK_PYTHON"] = sys.executable
        from pyspark.sql import SparkSession

        from redlint.spark import lint_dataframe

        spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
                 .config("spark.driver.memory", "2g").getOrCreate())
        big = tmp / "big.jsonl"
        with big.open("w", encoding="utf-8") as f:
            reps = -(-args.spark // len(lines))
            written = 0
            for r in range(reps):
                for i, l in enumerate(lines):
                    if written == args.spark:
                        break
                    obj = notes[i]
                    f.write(json.dumps({**obj, "id": f"{r}-{obj['id']}"}, ensure_ascii=False) + "\n")
                    written += 1
        big_mb = big.stat().st_size / 1e6
        df = spark.read.schema("id string, title string, body string, tags array<string>, sponsored boolean").json(str(big))
        df = df.repartition(8).cache()
        rows = df.count()
        start = time.perf_counter()
        found = lint_dataframe(df, id_col="id", title_col="title", body_col="body", tags_col="tags",
                               sponsored_col="sponsored")
        out = found.groupBy("category").count().collect()
        t = time.perf_counter() - start
        total = sum(r["count"] for r in out)
        print(f"Spark local[2]: {rows:,} notes ({big_mb:.0f} MB) in {t:.1f} s, {big_mb / t:.1f} MB/s, "
              f"{rows / t:,.0f} notes/s, {total:,} violations")
        spark.stop()
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
