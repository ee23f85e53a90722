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
    let text = "这是我见过最好的风景";
    let checked = json_lines(&stdout(&redlint_in(
        None,
        &["check", "--format", "jsonl", "-"],
        Some(text.as_bytes()),
    )));
    assert_eq!(checked[0]["violations"][0]["severity"], "info", "{checked:?}");
    let out = redlint_in(None, &["fix", "-"], Some(text.as_bytes()));
    assert_eq!(stdout(&out), text, "{}", stderr(&out));
    let out = redlint_in(None, &["fix", "--fix-on", "info", "-"], Some(text.as_bytes()));
    assert_eq!(stdout(&out), "这是我见过很好的风景");
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

/// P208's English message says the rule is an error in sponsored notes, as the Chinese one
/// does, instead of reading as if it did not apply to them.
#[test]
fn the_alcohol_rule_says_it_is_forbidden_in_sponsored_notes() {
    let out = redlint_in(
        None,
        &["check", "--sponsored", "--format", "jsonl", "-"],
        Some("这瓶红酒单宁柔和，配牛排刚好".as_bytes()),
    );
    let lines = json_lines(&stdout(&out));
    let v = &lines[0]["violations"][0];
    assert_eq!(
        (v["rule"].as_str(), v["severity"].as_str()),
        (Some("P208"), Some("error"))
    );
    let en = v["message"]["en"].as_str().unwrap_or_default();
    assert!(!en.contains("not in a sponsored"), "{en}");
    assert!(en.contains("forbidden in sponsored notes"), "{en}");
}

/// The `format` violations of each note, checked as JSONL with `extra` arguments.
fn format_hits(dir: &std::path::Path, notes: &[serde_json::Value], extra: &[&str]) -> Vec<Vec<serde_json::Value>> {
    let text: String = notes.iter().map(|n| format!("{n}\n")).collect();
    let path = write(dir, "notes.jsonl", text);
    let mut args = vec!["check", "--format", "jsonl"];
    args.extend_from_slice(extra);
    args.push(&path);
    json_lines(&stdout(&redlint(&args)))
        .into_iter()
        .map(|line| {
            line["violations"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|v| v["category"] == "format")
                .cloned()
                .collect()
        })
        .collect()
}

/// F501 counts a title as Xiaohongshu does (an ASCII letter or digit half a character, an emoji
/// sequence one), says the count and the limit, and `counting = "chars"` counts code points.
#[test]
fn titles_are_counted_as_the_platform_counts() {
    let dir = scratch("count-title");
    let han = |n: usize| "好".repeat(n);
    let notes = [
        format!("{}OOTD", han(18)), // 18 + 4 halves = 20
        format!("{}❤️", han(19)),   // an emoji with its selector is one
        format!("{}👩‍👩‍👧", han(19)),   // a ZWJ family is one
        format!("{}ab", han(20)),   // 21 (rounded up)
        han(23),
    ]
    .map(|title| serde_json::json!({"title": title, "body": "今天的早餐"}));
    let hits = format_hits(&dir, &notes, &[]);
    assert!(
        hits[0].is_empty() && hits[1].is_empty() && hits[2].is_empty(),
        "{hits:?}"
    );
    assert_eq!(hits[3][0]["rule"], "F501");
    assert_eq!(hits[3][0]["matched"], "ab");
    assert_eq!(hits[3][0]["message"]["zh"], "标题超过字数上限：21/20 字");
    assert_eq!(hits[3][0]["message"]["en"], "Title is too long: 21/20 characters");
    assert_eq!(hits[4][0]["message"]["zh"], "标题超过字数上限：23/20 字");
    // counting every code point, as an option
    let config = write(&dir, "redlint.toml", "[format]\ncounting = \"chars\"\n");
    let hits = format_hits(&dir, &notes, &["--config", &config]);
    assert_eq!(hits[0][0]["message"]["zh"], "标题超过字数上限：22/20 字", "{hits:?}");
    assert_eq!(hits[1][0]["message"]["zh"], "标题超过字数上限：21/20 字", "{hits:?}");
}

/// F502 counts a body the same way, without the `[话题]#` decoration the editor does not show.
#[test]
fn bodies_are_counted_as_the_platform_counts() {
    let dir = scratch("count-body");
    let topics: String = (0..8).map(|i| format!(" #话题{i}[话题]#")).collect();
    let notes = [
        "a".repeat(1500),                            // 750
        format!("{}{topics}", "好".repeat(960)),     // 960 + 8 × 2.5 = 980
        format!("{}\n{}", "好".repeat(1000), "abc"), // 1002
    ]
    .map(|body| serde_json::json!({"body": body}));
    let hits = format_hits(&dir, &notes, &[]);
    assert!(hits[0].is_empty() && hits[1].is_empty(), "{hits:?}");
    assert_eq!(hits[2][0]["rule"], "F502");
    assert_eq!(hits[2][0]["message"]["zh"], "正文超过字数上限：1002/1000 字");
}

/// F503 counts topics as the platform does: in a body it wrote (`#话题[话题]#`) a bare `#word`
/// is text, and a tag listed in `tags` with its decoration is the same topic as in the body.
#[test]
fn hashtags_are_counted_as_the_platform_counts() {
    let dir = scratch("count-tags");
    let names: Vec<String> = (0..8).map(|i| format!("话题{i}")).collect();
    let decorated: String = names.iter().map(|n| format!("#{n}[话题]# ")).collect();
    let notes = [
        serde_json::json!({
            "body": format!("第#1名 #OOTD #早餐 #打卡 #日常 #周末\n{decorated}"),
            "tags": names.iter().map(|n| format!("#{n}[话题]#")).collect::<Vec<_>>(),
        }),
        serde_json::json!({"body": (0..12).map(|i| format!("#话题{i}")).collect::<Vec<_>>().join(" ")}),
    ];
    let hits = format_hits(&dir, &notes, &[]);
    assert!(hits[0].is_empty(), "{hits:?}");
    assert_eq!(hits[1][0]["rule"], "F503");
    assert_eq!(hits[1][0]["message"]["zh"], "话题标签过多：12/10 个");
    assert_eq!(hits[1][0]["message"]["en"], "Too many hashtags: 12/10");
}

/// A brief that sets its own limit: the message and the basis give the brief's limit.
#[test]
fn a_briefs_limit_is_the_one_quoted() {
    let dir = scratch("brief-limit");
    let brief = write(&dir, "brief.toml", "[brief]\nname = \"秋冬\"\nmax_title_chars = 18\n");
    let notes = [serde_json::json!({"title": "好".repeat(19), "body": "今天的早餐"})];
    let hits = format_hits(&dir, &notes, &["--brief", &brief]);
    let v = &hits[0][0];
    assert_eq!(v["message"]["zh"], "标题超过字数上限：19/18 字", "{v}");
    let basis = v["basis"].as_str().unwrap_or_default();
    assert!(basis.contains("brief") && basis.contains("18"), "{basis}");
}

/// A term found through separators or a fold says how it was written, as a reading by sound
/// does; a term written as the pack writes it says nothing.
#[test]
fn every_disguise_found_says_how_it_was_written() {
    let lines = [
        "加w.e.i.x.i.n",
        "加薇❤信",
        "加ＶＸ",
        "電子菸新口味",
        "加 微 信",
        "电子烟新口味",
    ];
    let out = redlint_in(
        None,
        &["check", "--format", "jsonl", "--input-format", "jsonl", "-"],
        Some(
            lines
                .iter()
                .map(|l| format!("{}\n", serde_json::json!({"body": l})))
                .collect::<String>()
                .as_bytes(),
        ),
    );
    let found = json_lines(&stdout(&out));
    let how = |i: usize| -> Vec<String> {
        let v = &found[i]["violations"][0];
        assert!(!v.is_null(), "{}: nothing found", lines[i]);
        v["reading"]["how"]
            .as_array()
            .map(|a| a.iter().map(|h| h.as_str().unwrap_or_default().to_owned()).collect())
            .unwrap_or_default()
    };
    assert_eq!(how(0), ["spaced"]);
    assert_eq!(found[0]["violations"][0]["reading"]["term"], "weixin");
    assert_eq!(how(1), ["spaced"]);
    assert_eq!(how(2), ["folded"]);
    assert_eq!(how(3), ["folded"]);
    assert_eq!(how(4), ["spaced"]);
    assert!(found[5]["violations"][0]["reading"].is_null(), "{:?}", found[5]);
}

/// The README says how to install the command from this repository (it is not on crates.io),
/// lists every format, and says what is true of 最好的朋友.
#[test]
fn the_readme_says_how_to_install_and_what_is_true() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    assert!(
        readme.contains("cargo install --locked --path cli"),
        "the install from a clone"
    );
    assert!(
        readme.contains("cargo install --locked --git "),
        "the install without a clone"
    );
    assert!(!readme.contains("cargo install redlint"), "not on crates.io");
    let options = readme.lines().find(|l| l.starts_with("Options: `--format")).unwrap();
    assert!(options.contains("|html`"), "{options}");
    assert!(readme.contains("PYSPARK_PYTHON"));
    // what it says of a superlative in a sentence that sells nothing
    assert!(readme.contains("最好的朋友 is not reported"));
    for (text, severity) in [
        ("最好的朋友", None),
        // (a place ranked by its size is geography: no claim at all, not even at info)
        ("中国第一长河", None),
        ("医生说要住院治疗", Some("info")),
    ] {
        let out = redlint_in(None, &["check", "--format", "jsonl", "-"], Some(text.as_bytes()));
        let line = &json_lines(&stdout(&out))[0];
        let found = line["violations"].as_array().unwrap();
        assert_eq!(
            found.first().map(|v| v["severity"].as_str().unwrap()),
            severity,
            "{text}: {line}"
        );
        if severity.is_some() {
            assert!(found[0]["context"]["en"].is_string(), "the reason: {line}");
        }
    }
}
