//! `redlint audit`: the 20% cap on sponsored notes per author and calendar month.

mod common;

use common::*;

fn note(id: &str, author: &str, at: &str, sponsored: Option<bool>, body: &str) -> String {
    let mut v = serde_json::json!({ "id": id, "author": author, "published_at": at, "body": body });
    if let Some(s) = sponsored {
        v["sponsored"] = s.into();
    }
    v.to_string()
}

fn corpus() -> String {
    let mut lines = Vec::new();
    // 小雨, March: 10 notes, 2 declared: exactly 20%, allowed
    for i in 0..10 {
        lines.push(note(
            &format!("y{i}"),
            "小雨",
            &format!("2026-03-{:02}T10:00:00+08:00", i + 1),
            Some(i < 2),
            "今天的早餐很好吃",
        ));
    }
    // 小雨, April: 4 notes, 1 declared and 1 undeclared with a cue: 50%
    lines.push(note("y10", "小雨", "2026-04-02", Some(true), "品牌合作的面霜"));
    lines.push(note(
        "y11",
        "小雨",
        "2026-04-03",
        None,
        "感谢金主爸爸，这期小小恰饭一下",
    ));
    lines.push(note("y12", "小雨", "2026-04-04", Some(false), "周末爬山"));
    lines.push(note("y13", "小雨", "2026-04-30T23:30:00-05:00", None, "看书"));
    // 阿杰: 5 organic notes in one month, one with a cue: 20%, allowed, but reported as undeclared
    for i in 0..5 {
        let body = if i == 0 {
            "品牌方送的试用装，先说结论"
        } else {
            "随手拍"
        };
        lines.push(note(&format!("j{i}"), "阿杰", "2026-03-15", None, body));
    }
    lines.join("\n") + "\n"
}

#[test]
fn author_months_over_the_cap_and_undeclared_cues() {
    let dir = scratch("audit");
    let path = write(&dir, "notes.jsonl", corpus());
    let o = redlint(&["audit", "--format", "json", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(r["notes"], 19);
    let over = r["over_cap"].as_array().unwrap();
    assert_eq!(over.len(), 1, "{r:#}");
    assert_eq!(
        (over[0]["author"].as_str(), over[0]["month"].as_str()),
        (Some("小雨"), Some("2026-04"))
    );
    assert_eq!(
        (over[0]["declared"].as_u64(), over[0]["undeclared_with_cues"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(over[0]["sponsored_share"], 0.5);
    let march = r["author_months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["author"] == "小雨" && m["month"] == "2026-03")
        .unwrap();
    assert_eq!(march["over_cap"], false, "exactly 20% is allowed");
    let undeclared: Vec<&str> = r["undeclared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["author"].as_str().unwrap())
        .collect();
    assert_eq!(undeclared, ["小雨", "阿杰"]);
    // human
    let o = redlint(&["audit", &path]);
    let out = stdout(&o);
    assert!(out.contains("小雨  2026-04  2 of 4 notes sponsored (50%)"), "{out}");
    assert!(out.contains("  阿杰 (1 note)\n    line 15 [j0] 2026-03: "), "{out}");
    assert!(
        out.lines().last().unwrap().starts_with("audited 19 notes by 2 authors"),
        "{out}"
    );
    // a higher cap: only the undeclared cues remain (exit 1), none over
    let o = redlint(&["audit", "--cap", "60", "--format", "json", &path]);
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["over_cap"], serde_json::json!([]));
}

#[test]
fn bad_lines_are_reported_and_the_rest_audited() {
    let dir = scratch("audit-bad");
    let mut text = corpus();
    text.push_str("{\"id\":\"x\",\"body\":\"no author\",\"published_at\":\"2026-01-01\"}\n");
    text.push_str("{\"id\":\"y\",\"author\":\"a\",\"published_at\":\"2026-02-30\"}\n");
    text.push_str("not json\n");
    let path = write(&dir, "notes.jsonl", text);
    let o = redlint(&["audit", "--format", "json", &path]);
    assert_eq!(o.status.code(), Some(2));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["notes"], 19, "the good lines are still audited");
    let bad: Vec<(u64, String)> = r["unreadable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["line"].as_u64().unwrap(), b["error"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(bad.iter().map(|b| b.0).collect::<Vec<_>>(), [20, 21, 22], "{bad:?}");
    assert!(
        bad[0].1.contains("author") && bad[1].1.contains("published_at"),
        "{bad:?}"
    );
    let o = redlint(&["audit", &path]);
    assert!(stderr(&o).contains(":21: `published_at`"), "{}", stderr(&o));
    assert!(stdout(&o).contains("3 records could not be read"), "{}", stdout(&o));
    // nothing readable at all
    let o = redlint(&["audit", "--format", "json", "/no/such.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        r["unreadable"][0]["error"].as_str().unwrap().contains("no such file"),
        "{r}"
    );
    let empty = write(&dir, "empty.jsonl", "");
    assert_eq!(redlint(&["audit", &empty]).status.code(), Some(2));
}

#[test]
fn one_of_each_is_singular() {
    let dir = scratch("audit-one");
    let path = write(
        &dir,
        "one.jsonl",
        note("a", "小雨", "2026-03-01", Some(false), "随手拍") + "\n",
    );
    let o = redlint(&["audit", &path]);
    let last = stdout(&o).lines().last().unwrap_or_default().to_owned();
    assert!(
        last.starts_with("audited 1 note by 1 author in 1 author-month:"),
        "{last}"
    );
    assert!(last.ends_with("0 authors with undeclared sponsorship"), "{last}");
}
