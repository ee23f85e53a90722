//! What a new user broke in the second week, and limits counted the way the platform counts
//! (issue "Hardening II"): each with a test that failed before its fix, through the binary.

use std::process::Command;

mod common;
use common::{json_lines, redlint, redlint_in, scratch, stderr, stdout, write};

const BIN: &str = env!("CARGO_BIN_EXE_redlint");

/// A note with thousands of violations: its report is far larger than a pipe holds, so a
/// reader that stops after a few bytes leaves the binary writing into a closed pipe.
fn hostile_note(dir: &std::path::Path) -> String {
    write(dir, "hostile.md", "最好的面霜加我微信abc123电子烟".repeat(2000))
}

/// Runs `pipeline` in bash; returns its stdout.
fn bash(pipeline: &str) -> String {
    let out = Command::new("bash").args(["-c", pipeline]).output().expect("bash runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `redlint check … 2>&1 | head -2`: stderr goes into the closed pipe too, and nothing
/// panics; the exit code is that of what was checked (the note has errors: 1).
#[test]
fn a_closed_pipe_with_stderr_in_it_is_not_a_panic() {
    let dir = scratch("pipe-both");
    let note = hostile_note(&dir);
    for args in ["check", "check --format line", "check --format jsonl"] {
        let code = bash(&format!(
            "'{BIN}' {args} '{note}' 2>&1 | head -2 >/dev/null; echo ${{PIPESTATUS[0]}}"
        ));
        assert_eq!(code.trim(), "1", "{args}: exit {code} (101 is a panic)");
    }
}

/// With stderr apart, a reader that goes away ends the output quietly in every format: no
/// "Broken pipe" message, and the exit code of what was checked.
#[test]
fn a_reader_that_goes_away_ends_every_format_quietly() {
    let dir = scratch("pipe-quiet");
    let note = hostile_note(&dir);
    let lines: String = (0..3000)
        .map(|i| format!("{{\"id\":{i},\"body\":\"最好的面霜加我微信abc123电子烟最好的面霜加我微信abc123\"}}\n"))
        .collect();
    let jsonl = write(&dir, "many.jsonl", lines);
    let err = dir.join("err.txt").display().to_string();
    for format in ["human", "json", "jsonl", "line", "sarif", "github", "html"] {
        for input in [&note, &jsonl] {
            let code = bash(&format!(
                "'{BIN}' check --format {format} '{input}' 2>'{err}' | head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}}"
            ));
            let said = std::fs::read_to_string(&err).unwrap_or_default();
            assert!(said.is_empty(), "{format} {input}: {said}");
            assert_eq!(code.trim(), "1", "{format} {input}: exit {code}");
        }
    }
    // fix writes JSONL to stdout: the same
    let code = bash(&format!(
        "'{BIN}' fix '{jsonl}' 2>'{err}' | head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}}"
    ));
    let said = std::fs::read_to_string(&err).unwrap_or_default();
    assert!(said.is_empty(), "fix: {said}");
    assert_eq!(code.trim(), "0", "fix: exit {code}");
}

/// `--format line` writes one violation on one line, even when the quoted text holds a line
/// break (the overflow of a long body with paragraphs).
#[test]
fn the_line_format_keeps_one_violation_a_line() {
    let dir = scratch("line-breaks");
    let note = write(&dir, "long.md", "今天去公园散步，银杏很好看。\n\n".repeat(100));
    let found = json_lines(&stdout(&redlint(&["check", "--format", "jsonl", &note])));
    let count = found[0]["violations"].as_array().map_or(0, Vec::len);
    assert!(
        found[0]["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["rule"] == "F502" && v["matched"].as_str().unwrap_or_default().contains('\n')),
        "the test needs a quoted line break: {found:?}"
    );
    let out = stdout(&redlint(&["check", "--format", "line", &note]));
    // the problem matcher the README gives VS Code
    let pattern = regex::Regex::new(r"^(.+?):(\d+):(\d+): (error|warning|info): (.*) \[([A-Za-z0-9-]+)\]$").unwrap();
    assert_eq!(out.lines().count(), count, "{out}");
    for line in out.lines() {
        assert!(pattern.is_match(line), "{line}");
    }
    assert!(out.contains("\\n"), "the break is written as an escape: {out}");
}

/// A hit the linter lowered to info (no product in the sentence) is not rewritten by `fix`,
/// unless the user asks for that level.
#[test]
fn fix_leaves_what_the_linter_judged_innocent() {
    let text = "这是我做得最好的一次";
    let checked = json_lines(&stdout(&redlint_in(
        None,
        &["check", "--format", "jsonl", "-"],
        Some(text.as_bytes()),
    )));
    assert_eq!(checked[0]["violations"][0]["severity"], "info", "{checked:?}");
    let out = redlint_in(None, &["fix", "-"], Some(text.as_bytes()));
    assert_eq!(stdout(&out), text, "{}", stderr(&out));
    let out = redlint_in(None, &["fix", "--fix-on", "info", "-"], Some(text.as_bytes()));
    assert_eq!(stdout(&out), "这是我做得很好的一次");
    // a warning is still fixed by default
    let out = redlint_in(None, &["fix", "-"], Some("这款面霜最好用".as_bytes()));
    assert_eq!(stdout(&out), "这款面霜很好用");
    // and in JSONL
    let dir = scratch("fix-info");
    let jsonl = write(&dir, "n.jsonl", format!("{{\"id\":1,\"body\":\"{text}\"}}\n"));
    let out = redlint(&["fix", &jsonl]);
    assert_eq!(stdout(&out), format!("{{\"id\":1,\"body\":\"{text}\"}}\n"));
}

/// `fix` on JSONL says when a violation has only unsafe fixes, as it does for a text note.
#[test]
fn fix_on_jsonl_says_what_only_unsafe_fixes_would_change() {
    let dir = scratch("fix-unsafe");
    let body = "这款面霜是顶级品质";
    let md = write(&dir, "n.md", body);
    let jsonl = write(&dir, "n.jsonl", format!("{{\"id\":1,\"body\":\"{body}\"}}\n"));
    let said = "1 violation has only unsafe fixes (use --unsafe)";
    assert!(stderr(&redlint(&["fix", "--diff", &md])).contains(said));
    let out = redlint(&["fix", &jsonl]);
    assert!(stderr(&out).contains(said), "{}", stderr(&out));
}

/// `audit` on a text note says once that it reads JSONL with `author` and `published_at`,
/// not a JSON error per line.
#[test]
fn audit_on_a_text_note_says_what_it_reads() {
    let dir = scratch("audit-text");
    let note = write(&dir, "note.md", "---\ntitle: 早餐\n---\n燕麦\n牛奶\n香蕉\n");
    let out = redlint(&["audit", &note]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("JSONL") && err.contains("`author`") && err.contains("`published_at`"),
        "{err}"
    );
    assert!(!err.contains("expected value"), "{err}");
}
