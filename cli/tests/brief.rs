//! Campaign briefs through the config file and the command line (the library's side, with
//! generated keyword spellings, is tests/brief.rs).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("redlint-brief-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

const BRIEF: &str = r#"[brief]
name = "秋冬面霜 campaign"
title = ["面霜"]                     # each must appear in the title
first_paragraph = [["保湿", "补水"]]  # a list inside means: any one of these
hashtags = ["秋冬护肤"]
forbidden = ["某竞品"]
disclosure = ["合作", "赞助"]         # a sponsored note must carry one of these
"#;

const CAMPAIGN: &str = concat!(
    r#"{"id":"a","title":"秋冬面霜","body":"很补水，本篇合作\n#秋冬护肤","sponsored":true}"#,
    "\n",
    r#"{"id":"b","title":"秋冬护肤","body":"很清爽\n比某竞品好","sponsored":true}"#,
    "\n",
    r#"{"id":"c","title":"麵霜","body":"超級保濕","tags":["秋冬 护肤"],"sponsored":false}"#,
    "\n",
    "{broken\n",
    r#"{"id":"d","title":"面霜","body":"补水","sponsored":true}"#,
    "\n"
);

#[test]
fn a_campaign_batch_counts_the_notes_missing_each_item() {
    let dir = scratch("batch");
    std::fs::write(dir.join("brief.toml"), BRIEF).unwrap();
    std::fs::write(dir.join("notes.jsonl"), CAMPAIGN).unwrap();
    let out = run(
        &dir,
        &["check", "--brief", "brief.toml", "--format", "json", "notes.jsonl"],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "a broken line is trouble, the rest is checked"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = doc["summary"]["brief"]["items"].as_array().unwrap();
    let count = |rule: &str| {
        items
            .iter()
            .find(|i| i["rule"] == rule)
            .map(|i| i["notes"].as_u64().unwrap())
    };
    assert_eq!(doc["summary"]["brief"]["name"], "秋冬面霜 campaign");
    // b misses the title keyword and the lead keyword, b and d the hashtag and disclosure
    assert_eq!(count("C601"), Some(1));
    assert_eq!(count("C602"), Some(1));
    assert_eq!(count("C604"), Some(2));
    assert_eq!(count("C605"), Some(2));
    assert_eq!(count("C606"), Some(1));
    let b = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "b")
        .unwrap();
    let forbidden = b["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["rule"] == "C606")
        .unwrap();
    assert_eq!(
        (forbidden["matched"].as_str(), forbidden["item"].as_str()),
        (Some("某竞品"), Some("某竞品"))
    );
    // the same through redlint.toml, human output: the per-item lines after the summary
    std::fs::write(dir.join("redlint.toml"), "brief = \"brief.toml\"\n").unwrap();
    let out = run(&dir, &["check", "notes.jsonl"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("brief \"秋冬面霜 campaign\", per item:"), "{err}");
    assert!(
        err.contains("C605 missing-disclosure `合作 / 赞助`: missed by 2 of 4 notes"),
        "{err}"
    );
    assert!(err.contains("C606 forbidden-name `某竞品`: in 1 of 4 notes"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_brief_is_a_usage_error_naming_file_and_line() {
    let dir = scratch("bad");
    std::fs::write(
        dir.join("brief.toml"),
        "[brief]\ntitle = [\"面霜\"]\nhashtag = [\"x\"]\n",
    )
    .unwrap();
    std::fs::write(dir.join("n.md"), "面霜").unwrap();
    let out = run(&dir, &["check", "--brief", "brief.toml", "n.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("brief.toml:3:") && err.contains("hashtag"), "{err}");
    assert!(
        out.stdout.is_empty(),
        "nothing checked with a brief that cannot be read"
    );
    // a brief named in redlint.toml that is not there: the config line that names it
    std::fs::write(dir.join("redlint.toml"), "sponsored = true\nbrief = \"nope.toml\"\n").unwrap();
    let out = run(&dir, &["check", "n.md"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("redlint.toml:2") && err.contains("nope.toml"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fix_appends_the_missing_hashtags_to_a_file() {
    let dir = scratch("fix");
    std::fs::write(dir.join("brief.toml"), BRIEF).unwrap();
    let text = "---\ntitle: 面霜\nsponsored: true\n---\n很保湿，品牌合作\n";
    std::fs::write(dir.join("n.md"), text).unwrap();
    let out = run(&dir, &["fix", "--brief", "brief.toml", "n.md"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let fixed = std::fs::read_to_string(dir.join("n.md")).unwrap();
    assert_eq!(fixed, format!("{text}#秋冬护肤"));
    let out = run(&dir, &["check", "--brief", "brief.toml", "n.md"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}
