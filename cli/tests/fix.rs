//! `redlint fix`: in place for text notes, to stdout or a file for JSONL, `--diff`, `--unsafe`;
//! a fixed note checked again does not raise what was fixed.

mod common;

use common::*;

const PACK: &str = r#"
[pack]
category = "banned-word"

[[rule]]
id = "B901"
name = "house-unsafe"
severity = "warning"
message = { zh = "测", en = "test" }
basis = "test"
terms = ["锟斤拷"]
fixes = { "锟斤拷" = "乱码" }
fix_safety = "unsafe"
"#;

fn rules_in(path: &str) -> Vec<String> {
    let o = redlint(&["check", "--format", "jsonl", "--input-format", "text", path]);
    rules_of(&json_lines(&stdout(&o))[0])
}

#[test]
fn text_notes_are_fixed_in_place_keeping_front_matter() {
    let dir = scratch("fix-text");
    let original = "---\r\ntitle: 这款最好用\r\ndate: 2026-03-01\r\ntags: [护肤]\r\n---\r\n第一行\r\n这款面霜最好用，最好吃的早餐\r\n";
    let path = write(&dir, "a.md", original);
    let before = rules_in(&path);
    assert!(before.iter().filter(|r| *r == "B101").count() >= 2, "{before:?}");
    // --diff shows and writes nothing
    let o = redlint(&["fix", "--diff", &path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let diff = stdout(&o);
    assert!(
        diff.contains("-title: 这款最好用") && diff.contains("+title: 这款很好用"),
        "{diff}"
    );
    assert!(diff.starts_with(&format!("--- {path}")), "{diff}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    // fix writes
    let o = redlint(&["fix", &path]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("fixed 3 violations in 1 file"), "{}", stderr(&o));
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        "---\r\ntitle: 这款很好用\r\ndate: 2026-03-01\r\ntags: [护肤]\r\n---\r\n第一行\r\n这款面霜很好用，很好吃的早餐\r\n"
    );
    assert!(!rules_in(&path).contains(&"B101".to_owned()), "{:?}", rules_in(&path));
    // nothing left: a second run changes nothing
    let o = redlint(&["fix", &path]);
    assert!(stderr(&o).contains("fixed 0 violations"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file left");
}

#[test]
fn unsafe_fixes_only_when_asked() {
    let dir = scratch("fix-unsafe");
    let pack = write(&dir, "p.toml", PACK);
    let path = write(&dir, "a.txt", "这段文字是锟斤拷");
    let o = redlint(&["fix", "--pack", &pack, &path]);
    assert!(
        stderr(&o).contains("only unsafe fixes (use --unsafe)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "这段文字是锟斤拷");
    let o = redlint(&["fix", "--pack", &pack, "--unsafe", &path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "这段文字是乱码");
}

#[test]
fn jsonl_notes_are_written_out_not_in_place() {
    let dir = scratch("fix-jsonl");
    let input = "{\"id\":\"a\",\"title\":\"最好用\",\"body\":\"这款面霜最好用\",\"extra\":{\"k\":1}}\n{\"id\":\"b\",\"body\":\"今天天气很好\"}\nnot json\n{\"id\":\"c\",\"body\":\"最好吃的早餐\",\"tags\":[\"最好用\"]}\n";
    let path = write(&dir, "n.jsonl", input);
    let o = redlint(&["fix", &path]);
    assert_eq!(o.status.code(), Some(2), "a bad line is trouble");
    assert!(stderr(&o).contains("line 3"), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "one line per input line: {out}");
    assert_eq!(
        lines[0], "{\"id\":\"a\",\"title\":\"很好用\",\"body\":\"这款面霜很好用\",\"extra\":{\"k\":1}}",
        "keys keep their order"
    );
    assert_eq!(
        lines[1], "{\"id\":\"b\",\"body\":\"今天天气很好\"}",
        "unchanged byte for byte"
    );
    assert_eq!(lines[2], "not json");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), input, "the input is untouched");
    // --output, then the fixed notes re-checked raise no B101
    let fixed = dir.join("fixed.jsonl").display().to_string();
    let o = redlint(&["fix", "--output", &fixed, &path]);
    assert!(o.stdout.is_empty());
    let checked = json_lines(&stdout(&redlint(&["check", "--format", "jsonl", &fixed])));
    for line in checked.iter().filter(|l| l.get("violations").is_some()) {
        assert!(!rules_of(line).contains(&"B101".to_owned()), "{line}");
    }
    // never over the input
    let o = redlint(&["fix", "--output", &path, &path]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is one of the inputs"), "{}", stderr(&o));
    // --diff: one hunk per changed record
    let diff = stdout(&redlint(&["fix", "--diff", &path]));
    assert!(
        diff.contains("@@ -1 +1 @@") && diff.contains("@@ -4 +4 @@") && !diff.contains("@@ -2"),
        "{diff}"
    );
}

#[test]
fn bad_inputs_to_fix() {
    let dir = scratch("fix-bad");
    let d = dir.display().to_string();
    for (path, message) in [
        ("/no/such.md".to_owned(), "no such file"),
        (d, "is a directory"),
        (write(&dir, "bad.txt", b"\xff\xfe"), "not valid UTF-8"),
        (write(&dir, "empty.md", b""), "empty file"),
    ] {
        let o = redlint(&["fix", &path]);
        assert_eq!(o.status.code(), Some(2), "{path}");
        assert!(stderr(&o).contains(message), "{path}: {}", stderr(&o));
    }
    // stdin: the fixed note on stdout
    let o = redlint_in(None, &["fix", "-"], Some("这款面霜最好用".as_bytes()));
    assert_eq!(stdout(&o), "这款面霜很好用");
}

#[test]
fn every_rule_example_once_fixed_does_not_raise_the_fixed_violations_again() {
    use redlint::{Linter, Note, fix};
    let linter = Linter::builtin();
    let mut fixed_any = 0;
    for rule in linter.rules() {
        for ex in &rule.examples {
            let note = Note::from_body(ex.text()).sponsored(ex.sponsored());
            let fixed = fix::fix_note(&linter, &note, true);
            fixed_any += fixed.applied.len();
            let again = linter.lint(&fixed.value);
            for a in &fixed.applied {
                assert!(
                    !again.iter().any(|v| v.rule == a.rule && v.matched == a.from),
                    "{}: fixing {:?} → {:?} in {:?} left {:?}",
                    a.rule,
                    a.from,
                    a.to,
                    ex.text(),
                    fixed.value.body
                );
            }
        }
    }
    assert!(fixed_any >= 3, "the packs have fixes to test: {fixed_any}");
}

/// A fix must read as Chinese where it lands: every fix of every rule, applied to its term in
/// a few sentence frames, never leaves a doubled particle or degree word (很很, 的的) or an
/// adverb glued to a noun (很好选择: 很好 before a noun needs 的; the frames catch it).
#[test]
fn fixes_read_as_chinese_in_their_sentences() {
    use redlint::Linter;
    let linter = Linter::builtin();
    let frames = ["这是{}的面霜", "秋冬{}选择", "效果{}", "{}，推荐"];
    let mut bad = Vec::new();
    for rule in linter.rules() {
        for (term, with) in &rule.fixes {
            for frame in frames {
                let before = frame.replace("{}", term);
                let after = frame.replace("{}", with);
                let doubles = |t: &str| {
                    ["很很", "的的", "了了", "非常很", "很非常"]
                        .iter()
                        .any(|d| t.contains(d))
                };
                // the frame fits the term (not 最好的 before 的)
                let doubled = doubles(&after) && !doubles(&before);
                // an adverb of degree right before a noun (很好选择, 很强选择) does not read, where
                // the term before it did (最好选择); a term with 是 is a predicate, not before nouns
                let adverb_noun =
                    !term.starts_with('是') && ["很好选择", "很好面霜", "很强选择"].iter().any(|d| after.contains(d));
                if doubled || adverb_noun {
                    bad.push(format!("{}: {before} → {after}", rule.id));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
