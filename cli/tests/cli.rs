//! The binary from outside: exit codes, every format, the JSONL contract, bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn redlint(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redlint"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().expect("stdin");
    // the binary may exit before it reads its input (a usage error): a broken pipe is fine
    let _ = pipe.write_all(stdin.unwrap_or_default());
    drop(pipe);
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// A scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("redlint-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p.display().to_string()
}

#[test]
fn exit_codes_follow_fail_on() {
    let dir = scratch("exit");
    let clean = write(&dir, "clean.txt", "今天去公园散步，银杏很好看".as_bytes());
    let warn = write(&dir, "warn.txt", "这是我用过最好用的面霜".as_bytes());
    let err = write(&dir, "err.txt", "需要的姐妹加我微信哦".as_bytes());
    assert_eq!(redlint(&["check", &clean], None).status.code(), Some(0));
    assert_eq!(redlint(&["check", &warn], None).status.code(), Some(0));
    assert_eq!(
        redlint(&["check", "--fail-on", "warning", &warn], None).status.code(),
        Some(1)
    );
    assert_eq!(redlint(&["check", &err], None).status.code(), Some(1));
    assert_eq!(
        redlint(&["check", "--fail-on", "info", &clean], None).status.code(),
        Some(0)
    );
    // a sponsored note escalates the superlative to an error
    let sponsored = write(
        &dir,
        "sp.md",
        "---\nsponsored: true\n---\n这是我用过最好用的面霜".as_bytes(),
    );
    assert_eq!(redlint(&["check", &sponsored], None).status.code(), Some(1));
    assert_eq!(redlint(&["check", "--sponsored", &warn], None).status.code(), Some(1));
}

#[test]
fn usage_and_input_errors_exit_2() {
    let dir = scratch("bad");
    assert_eq!(redlint(&["check", "--format", "xml"], None).status.code(), Some(2));
    assert_eq!(redlint(&["frobnicate"], None).status.code(), Some(2));
    let missing = redlint(&["check", "/no/such/note.txt"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no such file"), "{}", stderr(&missing));
    let d = redlint(&["check", &dir.display().to_string()], None);
    assert_eq!(d.status.code(), Some(2));
    assert!(stderr(&d).contains("is a directory"));
    let empty = write(&dir, "empty.txt", b"");
    let o = redlint(&["check", &empty], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("empty file"));
    let latin1 = write(&dir, "latin1.txt", b"caf\xe9 au lait");
    let o = redlint(&["check", &latin1], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not valid UTF-8"), "{}", stderr(&o));
    let bad_pack = write(
        &dir,
        "bad.toml",
        b"[pack]\ncategory = \"banned-word\"\n[[rule]]\nid = \"X101\"\n",
    );
    let o = redlint(&["check", "--pack", &bad_pack, "-"], Some("x".as_bytes()));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.toml:3:1: rule X101"), "{}", stderr(&o));
    // one unreadable file does not stop the others from being checked
    let ok = write(&dir, "ok.txt", "加我微信".as_bytes());
    let o = redlint(&["check", "--format", "line", "/no/such.txt", &ok], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("ok.txt:1:"), "{}", stdout(&o));
}

#[test]
fn jsonl_contract_one_line_per_input_line_in_order() {
    let dir = scratch("jsonl");
    let input = [
        r#"{"id": "a", "title": "", "body": "全网最低价", "tags": [], "sponsored": false}"#,
        r#"{"body": "今天天气很好"}"#,
        r#"{"id": 7, "body": "broken"#,
        "[1, 2]",
        "",
        r#"{"id": "z", "title": "加vx领资料", "body": "🙂第一行\n电子烟新手入门"}"#,
    ]
    .join("\n");
    let mut bytes = input.into_bytes();
    bytes.extend_from_slice(b"\n{\"body\": \"\xff\xfe\"}\n");
    let path = write(&dir, "notes.jsonl", &bytes);
    let o = redlint(&["check", "--format", "jsonl", &path], None);
    assert_eq!(o.status.code(), Some(2), "bad lines make the exit code 2");
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 7, "{out}");
    let ids: Vec<String> = lines.iter().map(|l| l["id"].to_string()).collect();
    assert_eq!(ids, ["\"a\"", "2", "3", "4", "5", "\"z\"", "7"]);
    assert!(lines[0]["violations"].as_array().is_some_and(|v| !v.is_empty()));
    assert_eq!(lines[1]["violations"], serde_json::json!([]));
    for i in [2, 3, 4, 6] {
        assert!(
            lines[i]["error"].as_str().is_some_and(|e| !e.is_empty()),
            "line {i}: {}",
            lines[i]
        );
        assert!(lines[i].get("violations").is_none());
    }
    assert!(lines[2]["error"].as_str().unwrap().contains("invalid JSON"));
    assert!(lines[6]["error"].as_str().unwrap().contains("UTF-8"));
    // spans are byte offsets into the field's original text; line/column are 1-based chars
    let z = &lines[5];
    let body = "🙂第一行\n电子烟新手入门";
    let mut seen_title = false;
    for v in z["violations"].as_array().unwrap() {
        let field = v["field"].as_str().unwrap();
        let text = if field == "title" { "加vx领资料" } else { body };
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], v["matched"].as_str().unwrap());
        for key in [
            "rule",
            "category",
            "severity",
            "message",
            "basis",
            "suggestions",
            "line",
            "column",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {v}");
        }
        if v["matched"] == "电子烟" {
            assert_eq!((v["line"].as_u64(), v["column"].as_u64()), (Some(2), Some(1)));
        }
        seen_title |= field == "title";
    }
    assert!(seen_title, "{z}");
}

#[test]
fn every_format_renders() {
    let note = "---\ntitle: 面霜测评\ntags: [护肤]\n---\n🙂这是最好用的面霜\n加我微信";
    let human = redlint(&["check", "--lang", "en", "-"], Some(note.as_bytes()));
    let h = stdout(&human);
    assert!(h.contains("  --> -:5:3 (body)"), "{h}"); // 是最好用, after 🙂这
    assert!(h.contains("5 | 🙂这是最好用的面霜"), "{h}");
    assert!(stderr(&human).starts_with("checked 1 note: "), "{}", stderr(&human));
    let quiet = redlint(&["check", "-q", "-"], Some(note.as_bytes()));
    assert!(stderr(&quiet).is_empty());
    let line = stdout(&redlint(&["check", "--format", "line", "-"], Some(note.as_bytes())));
    assert!(line.lines().all(|l| l.starts_with("-:") && l.ends_with(']')), "{line}");
    assert!(
        line.lines().any(|l| l.starts_with("-:6:") && l.contains(": error: ")),
        "{line}"
    );
    let json = stdout(&redlint(&["check", "--format", "json", "-"], Some(note.as_bytes())));
    let doc: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
    assert_eq!(doc["summary"]["notes"], 1);
    assert!(doc["notes"][0]["violations"].as_array().is_some_and(|v| v.len() >= 2));
    // a JSON object on stdin is one note
    let o = redlint(
        &["check", "--format", "jsonl", "-"],
        Some(r#"{"id":"x","body":"加我微信"}"#.as_bytes()),
    );
    assert!(stdout(&o).starts_with(r#"{"id":"x","violations":[{"#), "{}", stdout(&o));
}

#[test]
fn rules_and_explain() {
    let o = redlint(&["rules"], None);
    assert_eq!(o.status.code(), Some(0));
    let list = stdout(&o);
    for cat in ["banned-word", "prohibited-product", "off-platform", "advertorial"] {
        assert!(list.contains(cat), "{cat} missing from\n{list}");
    }
    let json: serde_json::Value = serde_json::from_slice(&redlint(&["rules", "--json"], None).stdout).unwrap();
    let first = json[0]["id"].as_str().expect("an id").to_owned();
    let e = redlint(&["explain", &first], None);
    assert_eq!(e.status.code(), Some(0));
    let text = stdout(&e);
    assert!(
        text.contains("basis:") && text.contains("flagged:") && text.contains("not flagged:"),
        "{text}"
    );
    assert_eq!(redlint(&["explain", "Z999"], None).status.code(), Some(2));
    let st = redlint(&["rules", "--self-test"], None);
    assert_eq!(st.status.code(), Some(0), "{}", stdout(&st));
    assert!(stdout(&st).trim_end().ends_with("0 failed"));
}
