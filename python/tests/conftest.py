"""Shared fixtures: notes of our own (generated, not copied from any evaluation set), the
command-line binary to compare against, and a local Spark session."""

import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

CLEAN = [
    "周末去公园散步，银杏叶黄了，拍了好多照片。",
    "第一次自己做番茄炒蛋，火候还要练。",
    "这家酒店离地铁近，早餐一般，房间干净。",
    "烟熏妆新手教程：眼影从浅到深一层层晕开。",
    "烟酰胺精华用了两周，肤感清爽不黏。",
    "今天的晚霞是粉紫色的🌇",
    "微信支付付款的时候卡了一下，后来好了。",
]
BAD = [
    "这款面霜是全网最好用的，没有之一！",
    "有需要的姐妹加我薇信 abc_12345 拿货",
    "电子烟新口味到了，戒烟党冲",
    "限时秒杀，点击链接领券到手价99",
    "品牌方寄来的新品，恰饭也要真诚",
    "这个精华能根治痘痘，三天见效",
    "一比一高仿包包，细节拉满",
    "V❤：xiaohong8888，备注小红书",
]


def make_notes(n, seed=7):
    """``n`` notes: mixes of clean and violating sentences, titles, tags, sponsored flags."""
    rng = random.Random(seed)
    notes = []
    for i in range(n):
        body = "\n".join(rng.choice(BAD if rng.random() < 0.35 else CLEAN) for _ in range(rng.randint(1, 4)))
        notes.append(
            {
                "id": f"n{i}",
                "title": rng.choice(["秋冬护肤分享", "周末日常", "全网最低价面霜", "读书笔记", "👩‍👩‍👧亲子游"]),
                "body": body,
                "tags": rng.choice([["护肤"], ["日常", "生活"], [], ["国家级好物"]]),
                "sponsored": rng.random() < 0.25,
            }
        )
    return notes


@pytest.fixture(scope="session")
def binary():
    """The Rust `redlint` binary (REDLINT_BIN from the cargo test that runs pytest), else the one
    on PATH."""
    path = os.environ.get("REDLINT_BIN") or shutil.which("redlint")
    assert path, "no redlint binary: set REDLINT_BIN"
    return path


@pytest.fixture(scope="session")
def cli_jsonl(binary, tmp_path_factory):
    """Runs the binary's `check --format jsonl` over notes; returns the parsed lines."""

    def run(notes, *args):
        path = tmp_path_factory.mktemp("cli") / "notes.jsonl"
        path.write_text("".join(json.dumps(n, ensure_ascii=False) + "\n" for n in notes), encoding="utf-8")
        out = subprocess.run([binary, "check", "--format", "jsonl", "--no-config", *args, str(path)], capture_output=True)
        assert out.returncode in (0, 1), out.stderr.decode()
        return [json.loads(line) for line in out.stdout.decode().splitlines()]

    return run


@pytest.fixture(scope="session")
def spark():
    import sys

    from pyspark.sql import SparkSession

    # the workers run this interpreter (the one redlint and pyarrow are installed in)
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable

    session = (
        SparkSession.builder.master("local[2]")
        .appName("redlint-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "500")
        .getOrCreate()
    )
    yield session
    session.stop()
