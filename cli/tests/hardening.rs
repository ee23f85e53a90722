//! What a new user broke on the first day, each with a test that failed before its fix
//! (issue "Hardening"): closed stdout, byte order marks, pipes, hostile notes.

use std::io::Read;
use std::process::{Command, Stdio};

mod common;
use common::{json_lines, redlint_in, scratch, stdout, write};

/// Every command that prints stops quietly when its reader goes away (`redlint rules | head`).
#[test]
fn a_closed_stdout_is_not_a_panic() {
    for args in [
        &["rules"][..],
        &["rules", "--json"],
        &["rules", "--self-test"],
        &["explain", "B101"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_redlint"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        drop(child.stdout.take()); // the reader goes away before anything is written
        let status = child.wait().expect("it finishes");
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        assert_ne!(status.code(), Some(101), "{args:?} panicked: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// A UTF-8 byte order mark before JSON is not part of the note, in a file or on stdin.
#[test]
fn a_byte_order_mark_before_json_is_skipped() {
    let dir = scratch("bom");
    let jsonl = write(
        &dir,
        "n.jsonl",
        "\u{feff}{\"id\":\"a\",\"body\":\"最好的面霜\"}\n{\"id\":\"b\",\"body\":\"加我微信\"}\n",
    );
    let out = redlint_in(None, &["check", "--format", "jsonl", &jsonl], None);
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines[0]["id"], "a", "{lines:?}");
    assert_eq!(
        lines[0]["violations"][0]["start"], 0,
        "offsets are into the body, not the raw JSON"
    );
    let json = write(&dir, "n.json", "\u{feff}{\"id\":\"c\",\"body\":\"最好的面霜\"}");
    let out = redlint_in(None, &["check", "--format", "jsonl", &json], None);
    assert_eq!(json_lines(&stdout(&out))[0]["id"], "c");
    let out = redlint_in(
        None,
        &["check", "--format", "jsonl", "-"],
        Some("\u{feff}{\"id\":\"x\",\"body\":\"最好的面霜\"}".as_bytes()),
    );
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines[0]["id"], "x", "stdin JSON with a BOM read as JSON: {lines:?}");
    assert_eq!(lines[0]["violations"][0]["start"], 0);
}

/// A pipe has no size: it is read, not refused as empty.
#[test]
fn a_pipe_is_not_an_empty_file() {
    let out = Command::new("bash")
        .args([
            "-c",
            &format!(
                "{} check --format line <(printf '最好的面霜\\n')",
                env!("CARGO_BIN_EXE_redlint")
            ),
        ])
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("B101"),
        "stdout: {text} stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A note made of one violation repeated is checked and printed: output is linear in the
/// violations (the cost itself is measured by `cargo bench --bench report`).
#[test]
fn a_hostile_note_is_printed_in_full() {
    let dir = scratch("hostile");
    let body = "最好的面霜加我微信abc123电子烟".repeat(2000);
    let line = serde_json::json!({"id": "h", "body": body}).to_string();
    let path = write(
        &dir,
        "h.jsonl",
        format!("{line}\n{{\"id\":\"next\",\"body\":\"ok\"}}\n"),
    );
    let out = redlint_in(None, &["check", "--format", "jsonl", &path], None);
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["violations"].as_array().unwrap().len() >= 6000);
    assert_eq!(lines[1]["id"], "next");
}

/// `fix` on a symlink fixes its target and leaves the link a link.
#[cfg(unix)]
#[test]
fn fix_follows_a_symlink() {
    let dir = scratch("symlink");
    let target = write(&dir, "target.md", "秋冬最好用的面霜\n");
    let link = dir.join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = redlint_in(None, &["fix", link.to_str().unwrap()], None);
    assert!(out.status.success(), "{out:?}");
    assert!(
        std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(),
        "the link was replaced"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "秋冬很好用的面霜\n");
}

/// `--jobs` takes 1 to 256 threads; 0 or a runaway number is a usage error.
#[test]
fn jobs_are_bounded() {
    for n in ["0", "100000"] {
        let out = redlint_in(None, &["check", "--jobs", n, "-"], Some("最好".as_bytes()));
        assert_eq!(out.status.code(), Some(2), "--jobs {n}: {out:?}");
    }
    let out = redlint_in(None, &["check", "--jobs", "2", "-"], Some("你好".as_bytes()));
    assert_eq!(out.status.code(), Some(0));
}

/// The language server keeps serving after a message it cannot read.
#[test]
fn the_language_server_survives_a_malformed_message() {
    let frame = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let input = [
        "Content-Length: 8\r\n\r\nnot json".to_owned(),
        frame(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#),
        frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
        frame(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#),
        frame(r#"{"jsonrpc":"2.0","method":"exit"}"#),
    ]
    .concat();
    let out = redlint_in(None, &["lsp"], Some(input.as_bytes()));
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout {text} stderr {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("\"id\":1") && text.contains("capabilities"), "{text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not JSON-RPC"));
}

/// User packs are held to what the pack format documents.
#[test]
fn user_packs_are_validated_as_documented() {
    let dir = scratch("packs");
    let rule = |id: &str, examples: &str| {
        format!(
            "[pack]\ncategory = \"banned-word\"\n[[rule]]\nid = \"{id}\"\nname = \"house-word\"\nseverity = \"warning\"\nmessage = {{ zh = \"内部词\", en = \"House word\" }}\nbasis = \"house\"\nterms = [\"锟斤拷\"]\n{examples}"
        )
    };
    // no examples: the self-test fails and says why
    let bare = write(&dir, "bare.toml", rule("B901", ""));
    let out = redlint_in(None, &["rules", "--self-test", "--pack", &bare], None);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("B901: no `examples`"), "{}", stdout(&out));
    // an id whose letter is not its category's is refused, naming file and line
    let wrong = write(
        &dir,
        "wrong.toml",
        rule("P901", "examples = [\"锟斤拷\"]\ncounter_examples = [\"你好\"]\n"),
    );
    let out = redlint_in(None, &["rules", "--pack", &wrong], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("wrong.toml:4") && err.contains("must start with `B`"),
        "{err}"
    );
    // a failed example says what was found, or that nothing was
    let failing = write(
        &dir,
        "failing.toml",
        rule("B902", "examples = [\"什么都没有\"]\ncounter_examples = [\"你好\"]\n"),
    );
    let out = redlint_in(None, &["rules", "--self-test", "--pack", &failing], None);
    assert!(stdout(&out).contains("(found: nothing)"), "{}", stdout(&out));
}

/// `explain` of a format rule is short: long examples are shown by their start.
#[test]
fn explain_shows_long_examples_by_their_start() {
    let out = redlint_in(None, &["explain", "F502"], None);
    let text = stdout(&out);
    assert!(text.len() < 3000, "{} bytes", text.len());
    assert!(text.contains("(1001 characters)") && !text.contains("(("), "{text}");
}

/// F501/F502 echo the start of the overflow, not all of it, and never start inside a cluster.
#[test]
fn overflow_is_echoed_briefly_on_grapheme_boundaries() {
    let linter = redlint::Linter::builtin();
    let note = redlint::Note::from_body("好".repeat(200_000));
    let v = linter.lint(&note).into_iter().find(|v| v.rule == "F502").expect("F502");
    assert_eq!(v.matched.chars().count(), redlint::format::MAX_OVERFLOW_SHOWN);
    // 19 characters, then a family emoji (a ZWJ sequence) across the 20-character limit when
    // every code point counts one
    let title = format!("{}👩‍👩‍👧好", "好".repeat(19));
    let note = redlint::Note::from_body("正文").with_title(&title);
    let mut chars = redlint::LinterBuilder::new();
    chars.format_limits(redlint::FormatLimits {
        counting: redlint::format::Counting::Chars,
        ..Default::default()
    });
    let v = chars
        .build()
        .unwrap()
        .lint(&note)
        .into_iter()
        .find(|v| v.rule == "F501")
        .expect("F501");
    assert!(v.matched.starts_with('👩'), "{:?}", v.matched);
    assert_eq!(&title[v.span.range()], v.matched);
    // as the platform counts, the emoji is one character: the 21st is the last 好
    let v = linter.lint(&note).into_iter().find(|v| v.rule == "F501").expect("F501");
    assert_eq!(v.matched, "好");
    assert_eq!(&title[v.span.range()], v.matched);
}

/// A record's line tells apart `{"id":5}` on line 1 from the note without an id on line 5.
#[test]
fn records_carry_their_line() {
    let dir = scratch("ids");
    let path = write(
        &dir,
        "ids.jsonl",
        "{\"id\":5,\"body\":\"最好的面霜\"}\n{}\n{}\n{}\n{\"body\":\"最好的面霜\"}\n",
    );
    let lines = json_lines(&stdout(&redlint_in(None, &["check", "--format", "jsonl", &path], None)));
    assert_eq!((lines[0]["id"].clone(), lines[0]["line"].clone()), (5.into(), 1.into()));
    assert_eq!((lines[4]["id"].clone(), lines[4]["line"].clone()), (5.into(), 5.into()));
}

/// In `human` and `line` output a plain-text note's violations come in file order: a tag in
/// the front matter before the body's.
#[test]
fn text_note_violations_come_in_file_order() {
    let dir = scratch("order");
    let path = write(
        &dir,
        "n.md",
        "---\ntitle: 标题\ntags: [好物, 最好的]\n---\n正文\n\n这款面霜是最好的\n",
    );
    let out = stdout(&redlint_in(None, &["check", "--format", "line", &path], None));
    let at: Vec<&str> = out.lines().map(|l| l.split(':').nth(1).unwrap_or_default()).collect();
    assert_eq!(at, ["3", "7"], "{out}");
}

/// Input is read for what it unambiguously is: one tag as a string, an array of notes in a
/// `.json` file; what is not a note is refused by name, and a body is never lost to an odd
/// side field.
#[test]
fn odd_input_is_read_or_refused_clearly() {
    let dir = scratch("odd");
    let arr = write(
        &dir,
        "a.json",
        "[{\"id\":\"a\",\"body\":\"最好的面霜\"},{\"id\":\"b\",\"tags\":\"护肤\",\"body\":\"加我微信\"}]",
    );
    let lines = json_lines(&stdout(&redlint_in(None, &["check", "--format", "jsonl", &arr], None)));
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[1]["id"], "b");
    let odd = write(
        &dir,
        "o.jsonl",
        "[\"a\",\"b\"]\n{\"id\":1,\"body\":\"x\" ,\n{\"tags\":42,\"body\":\"最好的面霜\"}\n",
    );
    let lines = json_lines(&stdout(&redlint_in(None, &["check", "--format", "jsonl", &odd], None)));
    assert!(
        lines[0]["error"].as_str().unwrap().contains("a note is a JSON object"),
        "{lines:?}"
    );
    let bad = lines[1]["error"].as_str().unwrap();
    assert!(
        bad.starts_with("line 2: invalid JSON at column") && !bad.contains("at line 1"),
        "{bad}"
    );
    assert!(
        !lines[2]["violations"].as_array().unwrap().is_empty(),
        "the body is linted: {lines:?}"
    );
}

/// Messages speak the user's words, not Rust's.
#[test]
fn wording_is_plain() {
    let dir = scratch("wording");
    let cases = [
        ("[rules]\nB101 = { organic = \"fatal\" }\n", "unknown severity `fatal`"),
        ("[rules]\nB101 = { organc = \"info\" }\n", "unknown key `organc`"),
        ("[format]\nmax_tags = -1\n", "expected a whole number"),
    ];
    for (i, (config, want)) in cases.iter().enumerate() {
        let path = write(&dir, &format!("c{i}.toml"), *config);
        let out = redlint_in(None, &["check", "--config", &path, "-"], Some("你好".as_bytes()));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(want) && !err.contains("usize") && !err.contains("Severity"),
            "{err}"
        );
    }
    let out = redlint_in(None, &["check", "--fail-on", "Warning", "-"], Some("你好".as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = redlint_in(None, &["init", "/nonexistent/dir"], None);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not a directory"),
        "{out:?}"
    );
}

/// `rules` keeps its columns aligned whatever the names, and speaks the chosen language.
#[test]
fn the_rules_table_stays_aligned() {
    let dir = scratch("rules-table");
    let pack = write(
        &dir,
        "long.toml",
        "[pack]\ncategory = \"banned-word\"\n[[rule]]\nid = \"B901\"\nname = \"a-very-long-house-rule-name-that-goes-on-and-on\"\nseverity = \"warning\"\nmessage = { zh = \"内部词\", en = \"House word\" }\nbasis = \"house\"\nterms = [\"锟斤拷\"]\n",
    );
    let out = stdout(&redlint_in(None, &["rules", "--lang", "zh", "--pack", &pack], None));
    let column = |l: &str| l.find("banned-word").or_else(|| l.find("category"));
    let at: Vec<usize> = out.lines().filter_map(column).collect();
    assert!(at.len() > 10 && at.iter().all(|&c| c == at[0]), "{out}");
    assert!(out.contains("内部词") && out.contains("绝对化用语"), "{out}");
}

/// `fix --diff` on JSONL is a unified diff with file headers, one hunk per fixed record.
#[test]
fn fix_diff_on_jsonl_has_headers() {
    let dir = scratch("diff");
    let path = write(
        &dir,
        "n.jsonl",
        "{\"id\":1,\"body\":\"秋冬最好用的面霜\"}\n{\"id\":2,\"body\":\"你好\"}\n{\"id\":3,\"body\":\"最好用的口红\"}\n",
    );
    let out = stdout(&redlint_in(None, &["fix", "--diff", &path], None));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("--- {path}"), "{out}");
    assert_eq!(lines[1], format!("+++ {path}"), "{out}");
    assert_eq!(out.matches("@@ -").count(), 2, "{out}");
    assert_eq!(out.matches("--- ").count(), 1, "{out}");
}
