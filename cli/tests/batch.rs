//! Batch runs: JSONL checked on several threads with the output in input order, and bad input
//! of every kind handled without a panic or a report that looks complete.

mod common;

use common::*;

/// A JSONL corpus with violations, clean notes and bad lines mixed in.
fn corpus(lines: usize) -> String {
    let bodies = [
        "这是我用过最好用的面霜",
        "今天去公园散步，银杏很好看",
        "需要的姐妹加我微信哦",
        "限时秒杀，手慢无",
        "电子烟新手入门",
        "🙂周末和朋友去爬山",
    ];
    let mut out = String::new();
    for i in 0..lines {
        match i % 97 {
            13 => out.push_str("{\"body\": broken\n"),
            41 => out.push_str("[1, 2]\n"),
            _ => out.push_str(&format!(
                "{{\"id\":\"n{i}\",\"title\":\"第{i}篇\",\"body\":\"{}\",\"sponsored\":{}}}\n",
                bodies[i % bodies.len()],
                i % 5 == 0
            )),
        }
    }
    out
}

#[test]
fn parallel_output_is_identical_and_in_input_order() {
    let dir = scratch("batch-order");
    let n = 3000;
    let path = write(&dir, "notes.jsonl", corpus(n));
    let one = redlint(&["check", "--format", "jsonl", "--jobs", "1", &path]);
    let two = redlint(&["check", "--format", "jsonl", "--jobs", "2", &path]);
    let four = redlint(&["check", "--format", "jsonl", "-j", "4", &path]);
    assert_eq!(one.status.code(), Some(2), "bad lines make it 2");
    assert_eq!(stdout(&one), stdout(&two));
    assert_eq!(stdout(&one), stdout(&four));
    let lines = json_lines(&stdout(&two));
    assert_eq!(lines.len(), n);
    for (i, l) in lines.iter().enumerate() {
        let expected = match i % 97 {
            13 | 41 => serde_json::json!(i + 1),
            _ => serde_json::json!(format!("n{i}")),
        };
        assert_eq!(l["id"], expected, "line {}", i + 1);
    }
    // the other formats agree across thread counts too
    for format in ["line", "json", "sarif", "github"] {
        let a = redlint(&["check", "--format", format, "-j", "1", &path]);
        let b = redlint(&["check", "--format", format, "-j", "2", &path]);
        assert_eq!(stdout(&a), stdout(&b), "{format}");
    }
    let human = redlint(&["check", "-j", "2", &path]);
    assert!(
        stderr(&human)
            .lines()
            .last()
            .unwrap()
            .starts_with(&format!("checked {} notes", n - 2 * (n / 97 + 1))),
        "{}",
        stderr(&human)
    );
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = scratch("batch-progress");
    let path = write(&dir, "notes.jsonl", corpus(3000));
    let o = redlint(&["check", "--format", "jsonl", &path]);
    assert!(
        !stderr(&o).contains('\r') && !stderr(&o).contains('%'),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_inputs_are_reported_clearly() {
    let dir = scratch("batch-bad");
    let d = dir.display().to_string();
    let cases: Vec<(String, &str)> = vec![
        ("/no/such/notes.jsonl".into(), "no such file"),
        (d.clone(), "is a directory"),
        (write(&dir, "latin1.txt", b"caf\xe9"), "not valid UTF-8"),
        (write(&dir, "empty.txt", b""), "empty file"),
        (write(&dir, "empty.jsonl", b""), "empty file"),
        (write(&dir, "blank.md", b"  \n\n"), "empty file"),
        (write(&dir, "doc.json", b"{\"body\": 3}"), "not a note"),
    ];
    let good = write(&dir, "good.txt", "加我微信");
    for format in ["human", "jsonl", "json", "sarif", "github", "line"] {
        // every bad source in one run, beside a good one that is still checked
        let mut args = vec!["check", "--format", format, good.as_str()];
        args.extend(cases.iter().map(|(p, _)| p.as_str()));
        let o = redlint(&args);
        assert_eq!(o.status.code(), Some(2), "{format}");
        let all = stdout(&o) + &stderr(&o);
        for (path, message) in &cases {
            let sarif_uri = path.replace(' ', "%20");
            assert!(
                all.lines()
                    .any(|l| (l.contains(path.as_str()) || l.contains(&sarif_uri)) && l.contains(message)),
                "{format} {path}: {all}"
            );
        }
        match format {
            "json" | "sarif" => {
                let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("a complete document");
                let text = doc.to_string();
                for (_, message) in &cases {
                    assert!(text.contains(message), "{format}: {message} missing from {text}");
                }
            }
            "github" => assert_eq!(
                stdout(&o).matches("::error file=").count(),
                cases.len() + 1,
                "{}",
                stdout(&o)
            ),
            _ => assert!(!stdout(&o).is_empty(), "the good note is reported"),
        }
        // alone, a bad source leaves no report on stdout in the streamed formats
        let o = redlint(&["check", "--format", format, &cases[0].0]);
        assert_eq!(o.status.code(), Some(2));
        if matches!(format, "human" | "jsonl" | "line") {
            assert!(o.stdout.is_empty(), "{format}: {}", stdout(&o));
        }
    }
    // stdin: empty, and invalid UTF-8 on a JSONL line
    let o = redlint_in(None, &["check", "-"], Some(b""));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("empty"), "{}", stderr(&o));
    let o = redlint_in(
        None,
        &["check", "--input-format", "jsonl", "--format", "jsonl", "-"],
        Some(b"{\"body\":\"\xff\"}\n{\"body\":\"ok\"}\n"),
    );
    let lines = json_lines(&stdout(&o));
    assert!(lines[0]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[1]["violations"], serde_json::json!([]));
}

#[test]
fn a_100_mb_note_is_refused_without_reading_it_whole() {
    let dir = scratch("batch-huge");
    let body = "好".repeat(35_000_000); // 105 MB
    let txt = write(&dir, "huge.txt", &body);
    let o = redlint(&["check", &txt]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("too large for one note (105.0 MB)"),
        "{}",
        stderr(&o)
    );
    // as one JSONL line between two good ones: that line is an error, the others are checked
    let mut jl = String::from("{\"id\":\"a\",\"body\":\"加我微信\"}\n{\"body\":\"");
    jl.push_str(&body);
    jl.push_str("\"}\n{\"id\":\"c\",\"body\":\"今天很好\"}\n");
    drop(body);
    let path = write(&dir, "huge.jsonl", jl);
    let o = redlint(&["check", "--format", "jsonl", &path]);
    assert_eq!(o.status.code(), Some(2));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert!(
        lines[1]["error"].as_str().unwrap().contains("too large"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["id"], "c");
    let _ = std::fs::remove_dir_all(&dir);
}
