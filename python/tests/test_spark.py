"""`redlint.spark.lint_dataframe` on a real local Spark (local[2]), checked against the
command line's JSONL output over the same notes."""

import json
from pathlib import Path

from conftest import make_notes

import redlint
from redlint.spark import SCHEMA, lint_dataframe

N = 3000


def frame(spark, notes):
    rows = [(n["id"], n["title"], n["body"], n["tags"], n["sponsored"]) for n in notes]
    return spark.createDataFrame(rows, "note_id string, title string, content string, tags array<string>, is_ad boolean")


def test_violations_equal_the_command_lines(spark, cli_jsonl):
    notes = make_notes(N, seed=11)
    df = frame(spark, notes).repartition(4)
    found = lint_dataframe(
        df, id_col="note_id", title_col="title", body_col="content", tags_col="tags", sponsored_col="is_ad"
    )
    assert found.schema.simpleString() == "struct<" + ",".join(
        f.strip().replace(" ", ":") for f in SCHEMA.replace("long", "bigint").split(",")
    ) + ">"
    ours = sorted(
        (r.id, r.rule, r.category, r.severity, r.field, r.start, r.end, r.line, r.column, r.matched, r.message)
        for r in found.collect()
    )
    cli = sorted(
        (line["id"], v["rule"], v["category"], v["severity"], v["field"], v["start"], v["end"], v["line"],
         v["column"], v["matched"], v["message"]["en"])
        for line in cli_jsonl(notes)
        for v in line["violations"]
    )
    assert len(cli) > N // 2
    assert ours == cli


def test_group_by_and_parquet_just_work(spark, tmp_path):
    notes = make_notes(500, seed=3)
    found = lint_dataframe(frame(spark, notes), id_col="note_id", body_col="content", lang="zh", threads=2)
    by_category = {r["category"]: r["count"] for r in found.groupBy("category").count().collect()}
    assert by_category.get("banned-word", 0) > 0 and by_category.get("off-platform", 0) > 0
    path = str(tmp_path / "violations.parquet")
    found.write.parquet(path)
    back = spark.read.parquet(path)
    assert back.count() == found.count() == sum(by_category.values())
    assert any("绝对化" in r.message for r in back.select("message").collect())


def test_a_bad_brief_fails_on_the_driver(spark, tmp_path):
    brief = tmp_path / "brief.toml"
    brief.write_text("[brief]\ntitle = 3\n", encoding="utf-8")
    df = frame(spark, make_notes(5))
    try:
        lint_dataframe(df, id_col="note_id", body_col="content", brief=str(brief))
    except redlint.RedlintError as e:
        assert "brief.toml:2" in str(e)
    else:
        raise AssertionError("a bad brief must raise before any job runs")


def test_a_brief_on_spark(spark, tmp_path):
    brief = tmp_path / "brief.toml"
    brief.write_text('[brief]\ntitle = ["面霜"]\n', encoding="utf-8")
    notes = make_notes(200, seed=5)
    found = lint_dataframe(frame(spark, notes), id_col="note_id", title_col="title", body_col="content", brief=str(brief))
    missing = {r.id for r in found.where("rule = 'C601'").collect()}
    assert missing == {n["id"] for n in notes if "面霜" not in n["title"]}


def test_a_worker_interpreter_without_redlint_is_named_on_the_driver(tmp_path):
    import sys

    from redlint.spark import _worker_python_problem

    assert _worker_python_problem(sys.executable) is None
    assert _worker_python_problem(str(tmp_path / "no-such-python"))
    # an interpreter that runs but has no redlint: the import error is the reason given
    bare = tmp_path / "bare-python"
    bare.write_text("#!/bin/sh\necho \"ModuleNotFoundError: No module named 'redlint'\" >&2\nexit 1\n")
    bare.chmod(0o755)
    assert "No module named 'redlint'" in _worker_python_problem(str(bare))


def test_an_images_column_of_paths_or_bytes(spark, tmp_path, monkeypatch):
    # no OCR models here: the QR code is read, as in Linter.lint (a warning says text was not)
    monkeypatch.delenv("REDLINT_OCR_MODELS", raising=False)
    png = (Path(__file__).parent / "data" / "wechat-qr.png").read_bytes()
    path = tmp_path / "qr.png"
    path.write_bytes(png)
    rows = [("a", "早餐吃燕麦", [str(path)]), ("b", "今天下雨", None), ("c", "加我微信", [])]
    df = spark.createDataFrame(rows, "id string, body string, images array<string>")
    found = sorted((r.id, r.rule, r.field, r.severity, r.matched) for r in lint_dataframe(df, images_col="images").collect())
    assert ("a", "O309", "images[0]", "error", "https://u.wechat.com/EHr3xYz9") in found
    assert all(r[0] != "b" for r in found)
    assert any(r[0] == "c" and r[2] == "body" for r in found)
    binary = spark.createDataFrame([("a", "早餐吃燕麦", [bytearray(png)])], "id string, body string, images array<binary>")
    again = sorted((r.id, r.rule, r.field, r.severity, r.matched) for r in lint_dataframe(binary, images_col="images").collect())
    assert again == [r for r in found if r[0] == "a"]
