//! Campaign briefs (the `brief` category, C601-C607) through the library (the config file and
//! the command line: cli/tests/brief.rs). Keyword spellings are generated (traditional
//! characters from the `fast2s` table read backwards, full-width letters, case, spaces,
//! symbols, invisible characters), so every position is checked against spellings nobody
//! typed in by hand.

use std::collections::HashMap;

use redlint::{Brief, Category, Field, LinterBuilder, Note, Violation};

/// Simplified -> one traditional form, from `fast2s` (an independent table: redlint's own
/// folding uses OpenCC's data), over the CJK block.
fn traditional_of() -> HashMap<char, char> {
    let mut out = HashMap::new();
    for u in 0x4E00..=0x9FFF_u32 {
        let Some(t) = char::from_u32(u) else { continue };
        let s: Vec<char> = fast2s::convert(&t.to_string()).chars().collect();
        if let [s] = s[..]
            && s != t
        {
            out.entry(s).or_insert(t);
        }
    }
    out
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap(),
            c => c,
        })
        .collect()
}

/// Every way a writer might spell `word` that still is `word`.
fn spellings(word: &str, trad: &HashMap<char, char>) -> Vec<(&'static str, String)> {
    let chars: Vec<char> = word.chars().collect();
    let join = |sep: &str| chars.iter().map(char::to_string).collect::<Vec<_>>().join(sep);
    let mut out = vec![
        ("as written", word.to_owned()),
        ("spaced", join(" ")),
        ("dotted", join("·")),
        ("slashed", join("/")),
        ("zero-width", join("\u{200B}")),
        ("full-width", full_width(word)),
        ("upper case", word.to_uppercase()),
        ("lower case", word.to_lowercase()),
    ];
    let traditional: String = chars.iter().map(|c| *trad.get(c).unwrap_or(c)).collect();
    if traditional != word {
        out.push(("traditional", traditional));
    }
    out.retain(|(how, s)| *how == "as written" || s != word);
    out
}

/// Keywords as briefs write them: Chinese with traditional forms, Latin, mixed.
const KEYWORDS: &[&str] = &[
    "面霜",
    "保湿",
    "补水",
    "修护精华",
    "敏感肌",
    "MINI",
    "Vc精华",
    "氨基酸洁面",
];

fn linter(brief: &str) -> redlint::Linter {
    let brief = Brief::parse("test-brief.toml", brief).unwrap_or_else(|e| panic!("{e}"));
    LinterBuilder::new().brief(brief).build().unwrap()
}

fn brief_hits(linter: &redlint::Linter, note: &Note) -> Vec<Violation> {
    linter
        .lint(note)
        .into_iter()
        .filter(|v| v.category == Category::Brief)
        .collect()
}

fn rules_of(found: &[Violation]) -> Vec<&str> {
    found.iter().map(|v| v.rule.as_str()).collect()
}

#[test]
fn generated_spellings_satisfy_every_position() {
    let trad = traditional_of();
    let mut checked = 0;
    for word in KEYWORDS {
        let l = linter(&format!(
            "[brief]\ntitle = [\"{word}\"]\nfirst_paragraph = [\"{word}\"]\nkeywords = [\"{word}\"]\nhashtags = [\"{word}\"]\n"
        ));
        for (how, spelled) in spellings(word, &trad) {
            // each position on its own: the others are left empty, so each one's rule must fire
            let title = Note::from_body("").with_title(format!("秋冬{spelled}分享"));
            assert!(
                !rules_of(&brief_hits(&l, &title)).contains(&"C601"),
                "{how} {spelled:?} in the title"
            );
            let lead = Note::from_body(format!("\n今天聊聊{spelled}，\n第二段"));
            let found = brief_hits(&l, &lead);
            assert!(
                !rules_of(&found).contains(&"C602"),
                "{how} {spelled:?} leads: {found:?}"
            );
            assert!(!rules_of(&found).contains(&"C603"), "{how} {spelled:?} is in the body");
            let tag = Note::from_body("好用").with_tags([format!("#{spelled}")]);
            let found = brief_hits(&l, &tag);
            assert!(
                !rules_of(&found).contains(&"C604"),
                "{how} {spelled:?} as a tag: {found:?}"
            );
            assert!(!rules_of(&found).contains(&"C603"), "{how} {spelled:?} is in a tag");
            // (a space ends a #话题 written in the body)
            let inline = Note::from_body(format!("好用\n#{spelled} #其他"));
            assert!(
                spelled.contains(' ') || !rules_of(&brief_hits(&l, &inline)).contains(&"C604"),
                "{how} {spelled:?} as #话题 in the body"
            );
            // and away from its place, each is missed
            let elsewhere = Note::from_body(format!("第一段没有\n第二段才说{spelled}")).with_title("秋冬分享");
            let found = rules_of(&brief_hits(&l, &elsewhere)).join(" ");
            assert_eq!(
                found, "C601 C602 C604",
                "{how} {spelled:?} only in the second paragraph"
            );
            checked += 1;
        }
    }
    assert!(checked >= 50, "only {checked} spellings generated");
}

#[test]
fn any_one_of_a_group_will_do() {
    let l = linter("[brief]\nfirst_paragraph = [[\"保湿\", \"补水\", \"水润\"], \"面霜\"]\n");
    for w in ["保湿", "補水", "水 润"] {
        let found = brief_hits(&l, &Note::from_body(format!("这款面霜很{w}")));
        assert!(found.is_empty(), "{w}: {found:?}");
    }
    let found = brief_hits(&l, &Note::from_body("这款面霜很清爽\n保湿也不错"));
    assert_eq!(rules_of(&found), ["C602"]);
    assert_eq!(found[0].item.as_deref(), Some("保湿 / 补水 / 水润"));
    assert_eq!(found[0].matched, "这款面霜很清爽", "the span is the first paragraph");
    assert!(
        found[0].message.zh.ends_with("保湿 / 补水 / 水润"),
        "{:?}",
        found[0].message
    );
}

#[test]
fn forbidden_names_are_found_in_every_spelling_on_the_users_characters() {
    let trad = traditional_of();
    for name in ["某竞品", "旧品名", "ACME", "小棕瓶"] {
        let l = linter(&format!("[brief]\nforbidden = [\"{name}\"]\n"));
        for (how, spelled) in spellings(name, &trad) {
            let body = format!("对比了🙂{spelled}，还是这款好");
            let note = Note::from_body(body.clone())
                .with_title(format!("不输{spelled}"))
                .with_tags([spelled.clone()]);
            let found = brief_hits(&l, &note);
            let fields: Vec<Field> = found.iter().map(|v| v.field).collect();
            assert_eq!(
                fields,
                [Field::Title, Field::Body, Field::Tag(0)],
                "{how} {spelled:?}: {found:?}"
            );
            for v in &found {
                assert_eq!(v.rule, "C606");
                assert_eq!(v.matched, spelled, "{how}: the span is the writer's own characters");
                assert_eq!(&note.field_text(v.field)[v.span.range()], v.matched);
            }
        }
    }
    // a name's characters apart in different words are not the name
    let l = linter("[brief]\nforbidden = [\"某竞品\"]\n");
    assert!(brief_hits(&l, &Note::from_body("某天试了竞争对手的品牌")).is_empty());
}

#[test]
fn disclosure_is_required_only_of_sponsored_notes() {
    let l = linter("[brief]\ndisclosure = [\"合作\", \"赞助\", \"#ad\"]\n");
    let body = "这款面霜很好用";
    assert!(
        brief_hits(&l, &Note::from_body(body)).is_empty(),
        "organic notes need none"
    );
    let found = brief_hits(&l, &Note::from_body(body).sponsored(true));
    assert_eq!(rules_of(&found), ["C605"]);
    assert_eq!((found[0].field, found[0].span.len()), (Field::Body, 0));
    for disclosed in [
        Note::from_body("本篇与品牌合作，这款面霜很好用").sponsored(true),
        Note::from_body(body).with_title("贊助｜面霜").sponsored(true),
        Note::from_body(body).with_tags(["AD"]).sponsored(true),
    ] {
        assert!(brief_hits(&l, &disclosed).is_empty(), "{disclosed:?}");
    }
    // the label: every campaign note must be declared sponsored
    let l = linter("[brief]\nlabel = true\n");
    assert_eq!(rules_of(&brief_hits(&l, &Note::from_body(body))), ["C607"]);
    assert!(brief_hits(&l, &Note::from_body(body).sponsored(true)).is_empty());
}

#[test]
fn missing_hashtags_are_appended_by_a_safe_fix() {
    let l = linter("[brief]\nhashtags = [\"秋冬护肤\", \"#面霜测评\", [\"好物分享\", \"好物推荐\"]]\n");
    for body in ["这款面霜很好用", "这款面霜很好用\n", "这款面霜很好用\n#日常", ""] {
        let note = Note::from_body(body).with_tags(["好物推荐"]);
        let found = brief_hits(&l, &note);
        assert_eq!(rules_of(&found), ["C604", "C604"], "{body:?}");
        let fixed = redlint::fix::fix_note(&l, &note, false);
        assert!(brief_hits(&l, &fixed.value).is_empty(), "{:?}", fixed.value.body);
        assert!(
            fixed.value.body.starts_with(body),
            "only appended: {:?}",
            fixed.value.body
        );
        let added = &fixed.value.body[body.len()..];
        assert_eq!(
            added.trim(),
            "#秋冬护肤 #面霜测评",
            "{body:?} -> {:?}",
            fixed.value.body
        );
    }
}

#[test]
fn a_brief_overrides_the_format_limits_and_rules_are_configurable() {
    let l = linter("[brief]\nmax_title_chars = 8\nmax_tags = 2\n");
    let note = Note::from_body("好")
        .with_title("一二三四五六七八九")
        .with_tags(["a", "b", "c"]);
    let found: Vec<String> = l.lint(&note).into_iter().map(|v| v.rule).collect();
    assert_eq!(found, ["F501", "F503"]);
    assert_eq!(
        l.format_limits().max_body_chars,
        1000,
        "unset limits keep the project's"
    );
    // brief rules re-levelled and switched off like any rule
    let brief = Brief::parse("b.toml", "[brief]\ntitle = [\"面霜\"]\nforbidden = [\"某竞品\"]\n").unwrap();
    let l = LinterBuilder::new()
        .brief(brief)
        .disable("missing-title-keyword")
        .set_severity("C606", redlint::Severity::Warning, redlint::Severity::Warning)
        .build()
        .unwrap();
    let found = brief_hits(&l, &Note::from_body("某竞品").with_title("秋冬"));
    assert_eq!(rules_of(&found), ["C606"]);
    assert_eq!(found[0].severity, redlint::Severity::Warning);
    // without a brief the rules exist (for `explain`) and never fire
    let plain = redlint::Linter::builtin();
    assert!(plain.rule("C601").is_some() && plain.brief().is_none());
    assert!(brief_hits(&plain, &Note::from_body("某竞品").sponsored(true)).is_empty());
}
