//! End to end in a real editor: Neovim, headless, attaches `redlint lsp` to an emoji-rich note
//! and reads back `vim.diagnostic.get()` (lines and byte columns, as Neovim stores them), edits
//! the line, applies the quick fix; and reads `redlint check --format line` output into the
//! quickfix list. The Lua halves are in `tests/neovim/`.
//!
//! Needs `nvim` (Debian package `neovim`; `.ci/run` installs it). It is looked for when the tests
//! run: without it they say so and return, except when `CI` is set: then they fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod lsp_support;
use lsp_support::{Expected, NOTE, assert_fixture_covers, expected};

fn nvim() -> Option<String> {
    let found = Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    Some(
        String::from_utf8_lossy(&found.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned(),
    )
}

/// `Some(version)`, or `None` to skip (not in CI); panics in CI.
fn require_nvim() -> Option<String> {
    match nvim() {
        Some(v) => Some(v),
        None if std::env::var_os("CI").is_some() => {
            panic!("nvim is not installed: CI must install Debian's `neovim` package (see .ci/run)")
        }
        None => {
            eprintln!("note: nvim not found, skipping the Neovim end-to-end test (apt-get install neovim)");
            None
        }
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("redlint-nvim-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `nvim --headless -u NONE -S script` with `env`, within a time limit, and returns the
/// JSON the script wrote.
fn run_nvim(script: &str, dir: &Path, env: &[(&str, &str)]) -> Value {
    let out = dir.join("out.json");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/neovim").join(script);
    let mut cmd = Command::new("nvim");
    cmd.args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-S"])
        .arg(&script)
        .current_dir(dir)
        .env("REDLINT_OUT", &out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("nvim did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let text = std::fs::read_to_string(&out)
        .unwrap_or_else(|e| panic!("nvim ({status}) wrote no result to {}: {e}", out.display()));
    serde_json::from_str(&text).expect("JSON from the script")
}

/// 0-based line and byte column of byte `at`, as Neovim stores diagnostics.
fn byte_position(text: &str, at: usize) -> (u64, u64) {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (text[..at].matches('\n').count() as u64, (at - line_start) as u64)
}

fn step<'a>(result: &'a Value, name: &str) -> &'a [Value] {
    let steps = result["steps"].as_array().expect("steps");
    let s = steps
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("step {name} in {result:#}"));
    s["diagnostics"].as_array().map_or(&[], Vec::as_slice)
}

/// Neovim's diagnostics are exactly the expected violations, at exactly their bytes.
fn assert_diagnostics(step: &str, diagnostics: &[Value], text: &str, want: &[Expected]) {
    let mut got: Vec<(String, u64, u64, u64, u64)> = diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d["source"], "redlint");
            let n = |k: &str| d[k].as_u64().unwrap_or_else(|| panic!("{k} in {d}"));
            (
                d["code"].as_str().unwrap().to_owned(),
                n("lnum"),
                n("col"),
                n("end_lnum"),
                n("end_col"),
            )
        })
        .collect();
    got.sort();
    let mut expected: Vec<(String, u64, u64, u64, u64)> = want
        .iter()
        .map(|e| {
            let (l0, c0) = byte_position(text, e.start);
            let (l1, c1) = byte_position(text, e.end);
            (e.rule.clone(), l0, c0, l1, c1)
        })
        .collect();
    expected.sort();
    assert_eq!(got, expected, "{step}: {diagnostics:#?}");
}

fn session(utf8: bool) {
    let Some(version) = require_nvim() else {
        return;
    };
    let found = expected(NOTE);
    assert_fixture_covers(NOTE, &found);
    // the edit: 🙂 at the start of the line of the fixable violation; then the fix there
    let fixable = found.iter().find(|e| e.fix.is_some()).unwrap();
    let (edit_line, _) = byte_position(NOTE, fixable.start);
    let line_start = NOTE[..fixable.start].rfind('\n').map_or(0, |i| i + 1);
    let mut edited = NOTE.to_owned();
    edited.insert(line_start, '🙂');
    let after_edit = expected(&edited);
    let moved = after_edit.iter().find(|e| e.fix.is_some()).unwrap();
    let (fix_line, fix_col) = byte_position(&edited, moved.start);
    let inside = fix_col + moved.matched.chars().next().unwrap().len_utf8() as u64;
    let line_end = edited[line_start..].find('\n').map_or(edited.len(), |i| line_start + i);
    let fixed_line = format!(
        "{}{}{}",
        &edited[line_start..moved.start],
        moved.fix.as_deref().unwrap(),
        &edited[moved.end..line_end]
    );

    let dir = scratch(if utf8 { "utf8" } else { "utf16" });
    let note = dir.join("note.md");
    std::fs::write(&note, NOTE).unwrap();
    let result = run_nvim(
        "lsp.lua",
        &dir,
        &[
            ("REDLINT_BIN", env!("CARGO_BIN_EXE_redlint")),
            ("REDLINT_ROOT", dir.to_str().unwrap()),
            ("REDLINT_NOTE", note.to_str().unwrap()),
            ("REDLINT_UTF8", if utf8 { "1" } else { "0" }),
            ("REDLINT_COUNT", &found.len().to_string()),
            ("REDLINT_EDIT_LINE", &edit_line.to_string()),
            ("REDLINT_FIX_LINE", &fix_line.to_string()),
            ("REDLINT_FIX_COL", &inside.to_string()),
        ],
    );
    eprintln!("{version}: {} {}", result["api"], result["offset_encoding"]);
    assert!(result["error"].is_null(), "the Lua script failed: {}", result["error"]);
    let encoding = if utf8 { "utf-8" } else { "utf-16" };
    assert_eq!(result["offset_encoding"], encoding);
    assert_eq!(result["server_encoding"], encoding);

    // as opened: each term exactly, wherever it is (title, tags, body after emoji)
    assert_diagnostics("open", step(&result, "open"), NOTE, &found);
    let o301 = step(&result, "open")
        .iter()
        .find(|d| d["code"] == "O301")
        .expect("O301");
    assert!(
        o301["message"].as_str().unwrap().starts_with("Off-platform"),
        "English, as set"
    );
    // after Neovim sent the edit: the terms on that line moved by the 🙂's 4 bytes
    assert_diagnostics("edit", step(&result, "edit"), &edited, &after_edit);
    // the quick fix, applied by Neovim, replaced exactly the term
    assert_eq!(result["fixed_line"], fixed_line.trim_end_matches('\r'));
    assert_eq!(step(&result, "fixed").len(), found.len() - 1);
    let titles: Vec<&str> = result["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with(&format!("Allow “{}”", moved.matched))),
        "{titles:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn neovim_diagnostics_edit_and_quick_fix_utf16() {
    session(false);
}

#[test]
fn neovim_diagnostics_edit_and_quick_fix_utf8() {
    session(true);
}

#[test]
fn line_format_reads_into_vim_quickfix() {
    if require_nvim().is_none() {
        return;
    }
    let dir = scratch("quickfix");
    let note = dir.join("note.md");
    std::fs::write(&note, NOTE).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_redlint"))
        .args([
            "check",
            "--format",
            "line",
            "--columns",
            "byte",
            "--lang",
            "en",
            "note.md",
        ])
        .current_dir(&dir)
        .output()
        .expect("redlint runs");
    let lines = String::from_utf8(out.stdout).unwrap();
    // the line format lists a text note's violations in file order
    let mut found = expected(NOTE);
    found.sort_by_key(|e| e.start);
    let count = found.len();
    assert_eq!(lines.lines().count(), count, "{lines}");
    let path = dir.join("lines.txt");
    std::fs::write(&path, &lines).unwrap();
    let result = run_nvim("quickfix.lua", &dir, &[("REDLINT_LINES", path.to_str().unwrap())]);
    for (efm, typed) in [("default", false), ("suggested", true)] {
        let list = result[efm].as_array().unwrap_or_else(|| panic!("{efm} in {result:#}"));
        assert_eq!(list.len(), count, "{efm}: {list:#?}");
        for (entry, line) in list.iter().zip(lines.lines()) {
            assert_eq!(entry["valid"], 1, "{efm}: {line}");
            assert_eq!(entry["file"], "note.md", "{efm}: {line}");
            // line:col as printed
            let mut parts = line.splitn(4, ':');
            let (_, l, c) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
            assert_eq!(entry["lnum"].as_u64(), l.parse().ok(), "{efm}: {line}");
            assert_eq!(entry["col"].as_u64(), c.parse().ok(), "{efm}: {line}");
            let text = entry["text"].as_str().unwrap();
            if typed {
                let severity = line.split(':').nth(3).unwrap().trim();
                let want = &severity[..1]; // e, w or i
                assert_eq!(entry["type"], want, "{line}");
                assert!(
                    !text.starts_with(' ') && !text.contains(": warning: ") && !text.contains(": error: "),
                    "{text}"
                );
            } else {
                assert!(
                    ["warning: ", "error: ", "info: "].iter().any(|s| text.contains(s)),
                    "{text}"
                );
            }
            assert!(text.ends_with(']'), "the rule id ends the message: {text}");
        }
    }
    // `:cc` lands on the term itself, in the body as in the front matter: Vim reads `%c` as a
    // byte column, which `--columns byte` prints (as the README says)
    let jumps = result["jumps"].as_array().expect("jumps");
    assert_eq!(jumps.len(), count, "{jumps:#?}");
    for ((jump, e), line) in jumps.iter().zip(&found).zip(lines.lines()) {
        assert!(line.ends_with(&format!("[{}]", e.rule)), "{line}");
        let line_start = NOTE[..e.start].rfind('\n').map_or(0, |i| i + 1);
        let want = (NOTE[..e.start].matches('\n').count() + 1, e.start - line_start + 1);
        assert_eq!(
            (jump["lnum"].as_u64(), jump["col"].as_u64()),
            (Some(want.0 as u64), Some(want.1 as u64)),
            "{line}"
        );
        let rest = jump["rest"].as_str().unwrap();
        assert!(
            rest.starts_with(&e.matched),
            "{line}: the cursor is at {rest:?}, not {}",
            e.matched
        );
    }
    assert!(
        found.iter().any(|e| e.field != redlint::Field::Body),
        "a title or tag term too"
    );
    // the WeChat contact: on line 6 of the file
    let o301 = result["suggested"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"].as_str().unwrap().ends_with("[O301]"))
        .unwrap();
    assert_eq!(o301["lnum"], 6);
    let _ = std::fs::remove_dir_all(&dir);
}
