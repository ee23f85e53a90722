//! End to end in a real editor: Neovim, headless, attaches `redlint lsp` to an emoji-rich note
//! and reads back `vim.diagnostic.get()` (lines and byte columns, as Neovim stores them), edits
//! the line, applies the quick fix; and reads `redlint check --format line` output into the
//! quickfix list. The Lua halves are in `tests/neovim/`.
//!
//! Needs `nvim` (Debian package `neovim`; `.ci/run` installs it). Without it the tests fail
//! when `CI` is set and are skipped, with a note, otherwise.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The emoji-rich note: the family emoji is 18 bytes, 8 UTF-16 units, 5 chars.
const NOTE: &str =
    "---\ntitle: 👩‍👩‍👧全网最低价\ntags: [#👍🏽好物, \"🙂国家级\"]\n---\n🙂🙂今天分享👍🏽\n这是👩‍👩‍👧最好用的面霜，加我微信\n";

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

/// 0-based line and byte column of `needle` in `text`, as Neovim stores diagnostics.
fn byte_position(text: &str, needle: &str) -> (u64, u64, u64) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} in the note"));
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count() as u64;
    let col = (at - line_start) as u64;
    (line, col, col + needle.len() as u64)
}

fn step<'a>(result: &'a Value, name: &str) -> &'a [Value] {
    let steps = result["steps"].as_array().expect("steps");
    let s = steps
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("step {name} in {result:#}"));
    s["diagnostics"].as_array().map_or(&[], Vec::as_slice)
}

fn assert_at(diagnostics: &[Value], code: &str, (line, col, end): (u64, u64, u64)) {
    let d = diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("{code} in {diagnostics:#?}"));
    assert_eq!(
        (
            d["lnum"].as_u64(),
            d["col"].as_u64(),
            d["end_lnum"].as_u64(),
            d["end_col"].as_u64()
        ),
        (Some(line), Some(col), Some(line), Some(end)),
        "{code}: {d}"
    );
    assert_eq!(d["source"], "redlint");
}

fn session(utf8: bool) {
    let Some(version) = require_nvim() else {
        return;
    };
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
        ],
    );
    eprintln!("{version}: {} {}", result["api"], result["offset_encoding"]);
    assert!(result["error"].is_null(), "the Lua script failed: {}", result["error"]);
    let encoding = if utf8 { "utf-8" } else { "utf-16" };
    assert_eq!(result["offset_encoding"], encoding);
    assert_eq!(result["server_encoding"], encoding);

    // as opened: each term exactly, wherever it is (title, tags, body after emoji)
    let open = step(&result, "open");
    assert_eq!(open.len(), 4, "{open:#?}");
    assert_at(open, "B105", byte_position(NOTE, "全网最低"));
    assert_at(open, "B103", byte_position(NOTE, "国家级"));
    assert_at(open, "B101", byte_position(NOTE, "最好用"));
    assert_at(open, "O301", byte_position(NOTE, "加我微信"));
    let b101 = open.iter().find(|d| d["code"] == "B101").unwrap();
    assert!(
        b101["message"].as_str().unwrap().starts_with("Absolute claim"),
        "English, as set"
    );

    // after Neovim sent the edit (🙂 at the start of the line): the body terms moved
    let edited = NOTE.replacen("这是", "🙂这是", 1);
    let after = step(&result, "edit");
    assert_at(after, "B101", byte_position(&edited, "最好用"));
    assert_at(after, "O301", byte_position(&edited, "加我微信"));
    assert_at(after, "B105", byte_position(&edited, "全网最低"));

    // the quick fix, applied by Neovim, replaced exactly the term
    assert_eq!(result["fixed_line"], "🙂这是👩‍👩‍👧很好用的面霜，加我微信");
    let fixed = step(&result, "fixed");
    assert!(fixed.iter().all(|d| d["code"] != "B101"), "{fixed:#?}");
    let titles: Vec<&str> = result["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(titles.iter().any(|t| t.starts_with("Allow “最好用”")), "{titles:?}");
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
        .args(["check", "--format", "line", "--lang", "en", "note.md"])
        .current_dir(&dir)
        .output()
        .expect("redlint runs");
    let lines = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines.lines().count(), 4, "{lines}");
    let path = dir.join("lines.txt");
    std::fs::write(&path, &lines).unwrap();
    let result = run_nvim("quickfix.lua", &dir, &[("REDLINT_LINES", path.to_str().unwrap())]);
    for (efm, typed) in [("default", false), ("suggested", true)] {
        let list = result[efm].as_array().unwrap_or_else(|| panic!("{efm} in {result:#}"));
        assert_eq!(list.len(), 4, "{efm}: {list:#?}");
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
                let want = if line.contains(": error: ") { "e" } else { "w" };
                assert_eq!(entry["type"], want, "{line}");
                assert!(
                    text.starts_with("Absolute claim") || text.starts_with("Off-platform"),
                    "{text}"
                );
            } else {
                assert!(text.contains("warning: ") || text.contains("error: "), "{text}");
            }
            assert!(text.ends_with(']'), "the rule id ends the message: {text}");
        }
    }
    // the body line of B101: line 6 of the file
    let b101 = result["suggested"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"].as_str().unwrap().ends_with("[B101]"))
        .unwrap();
    assert_eq!(b101["lnum"], 6);
    let _ = std::fs::remove_dir_all(&dir);
}
