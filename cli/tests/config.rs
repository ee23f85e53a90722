//! `redlint.toml` and the `format` rules, from outside the binary.

mod common;

use common::*;

fn jsonl_rules(o: &std::process::Output) -> Vec<Vec<String>> {
    json_lines(&stdout(o)).iter().map(rules_of).collect()
}

#[test]
fn the_nearest_config_above_each_file_applies() {
    let dir = scratch("cfg-nearest");
    write(
        &dir,
        "redlint.toml",
        "allow = [\"最好莱坞\"]\n[rules]\nO301 = \"off\"\n",
    );
    write(&dir, "sub/redlint.toml", "[rules]\nB101 = \"off\"\n");
    let top = write(&dir, "a/n.txt", "最好莱坞影城，这是最好用的");
    let deep = write(&dir, "sub/deeper/n.txt", "这是最好用的");
    let o = redlint(&["check", "--format", "jsonl", &top, &deep]);
    let rules = jsonl_rules(&o);
    // top: only the allowed term is dropped, the other superlative stays
    let top_hits: Vec<_> = json_lines(&stdout(&o))[0]["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["matched"].as_str().unwrap().to_owned())
        .collect();
    assert!(!top_hits.iter().any(|m| m.starts_with("最好莱")), "{top_hits:?}");
    assert!(rules[0].iter().any(|r| r.starts_with('B')), "{rules:?}");
    // deeper: the nearest config (sub/) switches B101 off, and only it applies
    assert!(!rules[1].contains(&"B101".to_owned()), "{rules:?}");
    // --no-config and --config
    let o = redlint(&["check", "--format", "jsonl", "--no-config", &deep]);
    assert!(jsonl_rules(&o)[0].iter().any(|r| r.starts_with('B')));
    let cfg = write(&dir, "other.toml", "[rules]\nsuperlative-claim = \"error\"\n");
    let o = redlint(&["check", "--format", "jsonl", "--config", &cfg, &deep]);
    let v = &json_lines(&stdout(&o))[0]["violations"][0];
    assert_eq!(v["severity"], "error", "{v}");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn unknown_keys_and_rules_are_errors_with_the_line() {
    let dir = scratch("cfg-bad");
    let note = write(&dir, "n.txt", "正文");
    write(
        &dir,
        "redlint.toml",
        "sponsored = false\ncolour = 3\n\n[rules]\nB101 = \"off\"\n",
    );
    let o = redlint(&["check", &note]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("redlint.toml:2:") && err.contains("colour"), "{err}");
    write(&dir, "redlint.toml", "[rules]\nB101 = \"loud\"\n");
    let err = stderr(&redlint(&["check", &note]));
    assert!(err.contains("redlint.toml:2:") && err.contains("\"warning\""), "{err}");
    assert!(stdout(&o).is_empty(), "nothing is checked under a broken config");
    write(&dir, "redlint.toml", "[rules]\nB101 = \"off\"\nZ999 = \"error\"\n");
    let err = stderr(&redlint(&["check", &note]));
    assert!(err.contains("redlint.toml:3:") && err.contains("Z999"), "{err}");
    write(&dir, "redlint.toml", "packs = [\"missing.toml\"]\n");
    let err = stderr(&redlint(&["check", &note]));
    assert!(err.contains("redlint.toml:1:") && err.contains("missing.toml"), "{err}");
}

#[test]
fn sponsored_default_lang_and_packs() {
    let dir = scratch("cfg-keys");
    write(
        &dir,
        "redlint.toml",
        "sponsored = true\nlang = \"en\"\npacks = [\"packs/x.toml\"]\n",
    );
    write(
        &dir,
        "packs/x.toml",
        "[pack]\ncategory = \"banned-word\"\n[[rule]]\nid = \"B901\"\nname = \"house-word\"\nseverity = \"warning\"\nmessage = { zh = \"内部词\", en = \"House word\" }\nbasis = \"house\"\nterms = [\"锟斤拷\"]\n",
    );
    let undeclared = write(&dir, "a.txt", "这是最好用的 锟斤拷");
    let declared = write(&dir, "b.md", "---\nsponsored: false\n---\n这是最好用的");
    let o = redlint(&["check", "--format", "line", &undeclared, &declared]);
    let out = stdout(&o);
    // a.txt does not say: the config's default makes it sponsored (superlative is an error)
    assert!(
        out.lines()
            .any(|l| l.contains("a.txt") && l.contains(": error: ") && l.contains("[B101]")),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.contains("a.txt") && l.contains("House word")),
        "{out}"
    );
    // b.md says it is not sponsored: a warning, message in English only
    let b: Vec<&str> = out.lines().filter(|l| l.contains("b.md")).collect();
    assert!(
        b.iter().all(|l| l.contains(": warning: ") && !l.contains('绝')),
        "{out}"
    );
    // JSONL: a record without `sponsored` takes the default, one with it keeps its own
    let jl = write(
        &dir,
        "n.jsonl",
        "{\"body\":\"这是最好用的\"}\n{\"body\":\"这是最好用的\",\"sponsored\":false}\n",
    );
    let lines = json_lines(&stdout(&redlint(&["check", "--format", "jsonl", &jl])));
    assert_eq!(lines[0]["violations"][0]["severity"], "error");
    assert_eq!(lines[1]["violations"][0]["severity"], "warning");
}

#[test]
fn init_writes_a_starter_that_parses_and_refuses_to_overwrite() {
    let dir = scratch("cfg-init");
    let d = dir.display().to_string();
    let o = redlint(&["init", &d]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.join("redlint.toml")).unwrap();
    assert!(text.contains("[rules]") && text.contains("max_title_chars"));
    redlint::Config::parse("redlint.toml", &text).expect("the starter parses");
    let note = write(&dir, "n.txt", "今天的早餐");
    assert_eq!(redlint(&["check", &note]).status.code(), Some(0));
    let o = redlint(&["init", &d]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.join("redlint.toml")).unwrap(), text);
}

#[test]
fn format_rules_fire_and_are_configurable() {
    let dir = scratch("cfg-format");
    let tags: Vec<String> = (0..12).map(|i| format!("\"t{i}\"")).collect();
    let notes = [
        format!("{{\"title\":\"{}\",\"body\":\"正文\"}}", "标".repeat(21)),
        format!("{{\"body\":\"{}\"}}", "字".repeat(1001)),
        format!("{{\"body\":\"正文\",\"tags\":[{}]}}", tags.join(",")),
        "{\"title\":\"只有标题\",\"body\":\"  \"}".to_owned(),
        format!(
            "{{\"title\":\"{}\",\"body\":\"{}\"}}",
            "标".repeat(20),
            "字".repeat(1000)
        ),
    ];
    let jl = write(&dir, "n.jsonl", notes.join("\n") + "\n");
    let o = redlint(&["check", "--format", "jsonl", &jl]);
    let lines = json_lines(&stdout(&o));
    assert_eq!(rules_of(&lines[0]), ["F501"]);
    let v = &lines[0]["violations"][0];
    assert_eq!(
        (v["field"].as_str(), v["matched"].as_str()),
        (Some("title"), Some("标"))
    );
    assert_eq!(v["severity"], "warning");
    assert_eq!(rules_of(&lines[1]), ["F502"]);
    assert_eq!(lines[1]["violations"][0]["column"], 1001);
    assert_eq!(rules_of(&lines[2]), ["F503"]);
    assert_eq!(lines[2]["violations"][0]["field"], "tags[10]");
    assert_eq!(rules_of(&lines[3]), ["F504"]);
    assert!(rules_of(&lines[4]).is_empty(), "at the limits: {}", lines[4]);
    // listed and explained like every rule
    let list = stdout(&redlint(&["rules"]));
    for id in ["F501", "F502", "F503", "F504"] {
        assert!(list.contains(id), "{list}");
    }
    let e = redlint(&["explain", "title-too-long"]);
    assert_eq!(e.status.code(), Some(0));
    assert!(stdout(&e).contains("max_title_chars"), "{}", stdout(&e));
    // the config moves the limits and the severities
    write(
        &dir,
        "redlint.toml",
        "[format]\nmax_title_chars = 30\nmax_tags = 20\nempty_body = false\nseverity = \"error\"\n[rules]\nF502 = \"info\"\n",
    );
    let lines = json_lines(&stdout(&redlint(&["check", "--format", "jsonl", &jl])));
    assert!(rules_of(&lines[0]).is_empty());
    assert_eq!(lines[1]["violations"][0]["severity"], "info");
    assert!(rules_of(&lines[2]).is_empty());
    assert!(rules_of(&lines[3]).is_empty());
}
