//! Unit tests of the engine: terms, exceptions, spans, gaps, cues, escalation, settings.

use super::*;
use crate::error::Error;
use crate::violation::Suggestion;

const PACK: &str = r#"
[pack]
category = "off-platform"
escalate = { count = 2, to = "error" }

[[rule]]
id = "O901"
name = "x-plain"
severity = "warning"
sponsored = "error"
message = { zh = "测", en = "t" }
basis = "b"
terms = ["微信", "wx"]
exceptions = ["微信支付"]
fixes = { "微信" = "站内私信" }
fix_safety = "safe"

[[rule]]
id = "O902"
name = "x-cued"
severity = "error"
message = { zh = "测", en = "t" }
basis = "b"
terms = ["威信"]
before = ["加"]
after = '\s*[:：]\s*[a-z0-9]{4,}'

[[rule]]
id = "O903"
name = "x-organic"
severity = "warning"
applies = "organic"
message = { zh = "测", en = "t" }
basis = "b"
terms = ["恰饭"]
patterns = ['1[3-9]\d{9}']
exception_patterns = ['订单号\s*[:：]?\s*\d+']

[[rule]]
id = "O904"
name = "x-clause"
severity = "info"
message = { zh = "测", en = "t" }
basis = "b"
terms = ["到手价", "电子烟"]
"#;

fn linter() -> Linter {
    linter_of(PACK)
}

/// A linter of `pack` alone.
fn linter_of(pack: &str) -> Linter {
    let mut b = LinterBuilder::new();
    b.without_builtin().add_pack_str("test.toml", pack).unwrap();
    b.build().unwrap()
}

/// The highest level `rule` is reported at in `note`, if it is.
fn level_of(l: &Linter, note: &Note, rule: &str) -> Option<Severity> {
    l.lint(note)
        .into_iter()
        .filter(|v| v.rule == rule)
        .map(|v| v.severity)
        .max()
}

fn rules(l: &Linter, note: &Note) -> Vec<(String, String)> {
    l.lint(note).into_iter().map(|v| (v.rule, v.matched)).collect()
}

#[test]
fn terms_exceptions_and_spans() {
    let l = linter();
    let note = Note::from_body("可以用微信支付，或者加微信");
    let v = l.lint(&note);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(&note.body[v[0].span.range()], "微信");
    assert_eq!(v[0].span.start, note.body.rfind("微信").unwrap());
    assert_eq!(
        v[0].suggestions,
        [Suggestion {
            replacement: "站内私信".into(),
            safe: true
        }]
    );
    assert_eq!(v[0].severity, Severity::Warning);
    assert_eq!(l.lint(&note.clone().sponsored(true))[0].severity, Severity::Error);
}

#[test]
fn gaps_are_bounded_and_ascii_terms_need_word_boundaries() {
    let l = linter();
    assert_eq!(
        rules(&l, &Note::from_body("加微 ❤ 信")),
        [("O901".into(), "微 ❤ 信".into())]
    );
    assert!(rules(&l, &Note::from_body("微。。。。。。。信")).is_empty());
    assert_eq!(rules(&l, &Note::from_body("wx: abc")).len(), 1);
    assert!(rules(&l, &Note::from_body("twx owxo wxy")).is_empty());
}

#[test]
fn cues_before_or_after() {
    let l = linter();
    assert!(rules(&l, &Note::from_body("他很有威信")).is_empty());
    assert_eq!(rules(&l, &Note::from_body("加威信")), [("O902".into(), "威信".into())]);
    assert_eq!(rules(&l, &Note::from_body("威信：mimi2023")).len(), 1);
    assert!(rules(&l, &Note::from_body("威信：好")).is_empty());
    // a plus sign written for 加, plain or heavy
    for text in ["要的+威信", "要的 ➕ 威信"] {
        assert_eq!(
            rules(&l, &Note::from_body(text)),
            [("O902".into(), "威信".into())],
            "{text}"
        );
    }
    assert!(rules(&l, &Note::from_body("1+1，他很有威信")).is_empty());
    // a call declined is none
    for text in ["不加威信", "群里只聊天，无需加威信", "别加 威信"] {
        assert!(rules(&l, &Note::from_body(text)).is_empty(), "{text}");
    }
    // ...but a suggestion or a question is a call
    for text in ["要不加威信", "加不加威信"] {
        assert_eq!(rules(&l, &Note::from_body(text)).len(), 1, "{text}");
    }
}

#[test]
fn applies_patterns_and_escalation() {
    let l = linter();
    let organic = Note::from_body("恰饭了 13912345678");
    let v = l.lint(&organic);
    assert_eq!(v.len(), 2);
    // two off-platform hits stack up: both raised to error
    assert!(v.iter().all(|v| v.severity == Severity::Error), "{v:?}");
    assert!(l.lint(&organic.sponsored(true)).iter().all(|v| v.rule != "O903"));
    assert_eq!(l.lint(&Note::from_body("恰饭"))[0].severity, Severity::Warning);
}

#[test]
fn clause_breaks_split_terms_unless_every_character_is_set_apart() {
    let l = linter();
    assert!(rules(&l, &Note::from_body("刚刚到手，价格还行")).is_empty());
    assert!(rules(&l, &Note::from_body("刚刚到手。价格还行")).is_empty());
    assert_eq!(
        rules(&l, &Note::from_body("电，子，烟")),
        [("O904".into(), "电，子，烟".into())]
    );
    assert_eq!(rules(&l, &Note::from_body("到 手 价")).len(), 1);
    assert_eq!(rules(&l, &Note::from_body("到-手价")).len(), 1);
}

#[test]
fn exception_patterns_cover_what_literals_cannot() {
    let l = linter();
    assert!(rules(&l, &Note::from_body("订单号：13912345678 已发货")).is_empty());
    assert_eq!(rules(&l, &Note::from_body("电话 13912345678")).len(), 1);
}

#[test]
fn builder_settings() {
    let mut b = LinterBuilder::new();
    b.without_builtin().add_pack_str("test.toml", PACK).unwrap();
    let l = b.clone().disable("x-plain").build().unwrap();
    assert!(l.lint_text("加微信").is_empty());
    let l = b.clone().allow("微信群主").build().unwrap();
    assert!(l.lint_text("我是微信群主").is_empty());
    assert!(matches!(b.clone().disable("nope").build(), Err(Error::UnknownRule(_))));
    let l = b
        .clone()
        .set_severity("O901", Severity::Info, Severity::Info)
        .build()
        .unwrap();
    assert_eq!(l.lint_text("微信")[0].severity, Severity::Info);
    let dup = b.add_pack_str("other.toml", PACK).unwrap().build().unwrap_err();
    assert!(dup.to_string().contains("duplicate rule O901"), "{dup}");
}

#[test]
fn fields_are_linted_separately_and_ordered() {
    let l = linter();
    let note = Note::from_body("微信").with_title("wx").with_tags(["恰饭", "ok"]);
    let v = l.lint(&note);
    let fields: Vec<Field> = v.iter().map(|v| v.field).collect();
    assert_eq!(fields, [Field::Title, Field::Body, Field::Tag(0)]);
}

#[test]
fn linter_is_send_sync() {
    fn check<T: Send + Sync + Clone>() {}
    check::<Linter>();
}

#[test]
fn overlapping_hits_of_a_category_keep_every_one_no_kept_hit_overlaps() {
    // a chain 限时秒杀 · 秒杀 今晚 · 今晚十二点结束: the longest wins its overlaps, and the first,
    // which does not overlap it, is kept too
    let linter = Linter::builtin();
    let found: Vec<String> = linter
        .lint(&Note::from_body("周年庆限时秒杀 今晚十二点结束"))
        .into_iter()
        .filter(|v| v.category == Category::Advertorial)
        .map(|v| v.matched)
        .collect();
    assert_eq!(found, ["限时秒杀", "今晚十二点结束"]);
}

/// A rule that counts only on its topic (`only_on_topic`): its terms flag in a note that holds a
/// topic word in any field (title, body, tags; a `{family}` entry is each of the family's
/// words), never elsewhere; and a rule's topic lets a two-character term read with a character
/// said alike (月刻 for 悦刻), which a note on anything else refuses.
#[test]
fn topic_words_anywhere_in_the_note_decide() {
    const TOPICAL: &str = r#"
[pack]
category = "prohibited-product"

[families.houses]
source = "test"
words = ["劳力士", "卡地亚"]

[[rule]]
id = "P901"
name = "grade"
severity = "warning"
only_on_topic = true
message = { zh = "测", en = "t" }
basis = "b"
terms = ["超a"]
topic = ["{houses}", "名表"]

[[rule]]
id = "P902"
name = "vape"
severity = "error"
message = { zh = "测", en = "t" }
basis = "b"
terms = ["悦刻"]
topic = ["戒烟", "纸烟"]
"#;
    let l = linter_of(TOPICAL);
    let body = "入了只超A的，走时很准";
    assert!(rules(&l, &Note::from_body(body)).is_empty());
    for note in [
        Note::from_body(format!("一直想要劳力士。{body}")),
        Note::from_body(body).with_title("名表分享"),
        Note::from_body(body).with_tags(["卡地亚"]),
    ] {
        assert_eq!(rules(&l, &note), [("P901".into(), "超A".into())], "{note:?}");
    }
    // the term of a rule with a topic but not only on it counts anywhere; its sound-alike only
    // on the topic
    assert_eq!(rules(&l, &Note::from_body("悦刻真好")).len(), 1);
    assert!(rules(&l, &Note::from_body("换成月刻以后，口味很多")).is_empty());
    assert_eq!(
        rules(&l, &Note::from_body("换成月刻以后再没碰过纸烟")),
        [("P902".into(), "月刻".into())]
    );
    // a topic needed but not given is a pack error, as is a family nobody defined
    let needs = TOPICAL.replace("topic = [\"{houses}\", \"名表\"]\n", "");
    assert!(matches!(
        LinterBuilder::new().without_builtin().add_pack_str("t.toml", &needs),
        Err(Error::Pack(e)) if e.kind == crate::error::PackErrorKind::EmptyField("topic")
    ));
    let unknown = TOPICAL.replace("{houses}", "{nowhere}");
    assert!(matches!(
        LinterBuilder::new().without_builtin().add_pack_str("t.toml", &unknown),
        Err(Error::Pack(e)) if e.kind == crate::error::PackErrorKind::UnknownFamily("nowhere".into())
    ));
}

#[test]
fn a_thing_made_at_home_or_not_bought_anchors_no_claim() {
    let l = Linter::builtin();
    let severity = |text: &str| {
        l.lint(&Note::from_body(text))
            .into_iter()
            .find(|v| v.category == Category::BannedWord)
            .map(|v| v.severity)
    };
    for (text, expected) in [
        ("派对上最受欢迎的是这家店的纸杯蛋糕", Severity::Warning),
        ("派对上最受欢迎的是我自己做的纸杯蛋糕", Severity::Info),
        ("这款代餐三个月瘦了14斤", Severity::Warning),
        ("三个月瘦了14斤，没吃任何药也没买代餐", Severity::Info),
    ] {
        assert_eq!(severity(text), Some(expected), "{text}");
    }
}

/// A care note (illness, a clinic, treatment) lowers the claims in it, unless the writer speaks
/// in it as the business that sells: a clinic's superlative about itself is its advertising,
/// while a clinic saying what it does not do is care still.
#[test]
fn a_clinic_speaking_of_itself_is_no_care_note() {
    let l = Linter::builtin();
    let level = |text: &str, rule: &str| level_of(&l, &Note::from_body(text), rule);
    // (the same sentences without the business's voice are lowered as care)
    assert_eq!(
        level(
            "我们是本区唯一一家夜间坐诊的宠物医院。猫狗急症、术后护理，主治医生都能处理",
            "B104"
        ),
        Some(Severity::Warning)
    );
    assert_eq!(
        level(
            "我家猫住院那周，主治医生说这是本区唯一一家夜间坐诊的宠物医院，术后护理很细心",
            "B104"
        ),
        Some(Severity::Info)
    );
    assert!(
        level(
            "患者问能不能打瘦脸针，我们是口腔诊所，不做这类项目，医生建议去正规医院",
            "P203"
        )
        .is_none_or(|s| s < Severity::Warning)
    );
}

/// A squared or circled ideograph (🉑 🈚 🉐) folds to its character and is read as it; put
/// where a character of another sound was left out it masks one, like any picture: every
/// banned-word term of four characters or more, its second character written 🉑 (可), is read
/// (`masked`), and the ideographs standing for their own characters stay quiet.
#[test]
fn a_squared_ideograph_masks_a_character_of_another_sound() {
    let l = Linter::builtin();
    let (mut generated, mut read) = (0, 0);
    for rule in l.rules().filter(|r| r.category == Category::BannedWord) {
        for term in &rule.terms {
            let chars: Vec<char> = term.chars().collect();
            if chars.len() < 4 || !chars.iter().all(|&c| crate::normalize::reading::is_han(c)) || chars[1] == '可' {
                continue;
            }
            let masked: String = chars
                .iter()
                .enumerate()
                .map(|(i, &c)| if i == 1 { '🉑' } else { c })
                .collect();
            generated += 1;
            let found = l.lint(&Note::from_body(format!("这款面霜{masked}，推荐给大家")));
            if found
                .iter()
                .any(|v| v.rule == rule.id && v.reading.as_ref().is_some_and(|r| r.how.iter().any(|h| h == "masked")))
            {
                read += 1;
            }
        }
    }
    // (the old engine read none: the folded 可 was a character of the text, no mask)
    assert!(generated > 100, "{generated}");
    assert!(read * 10 >= generated * 8, "{read} of {generated} read");
    // the quiet wall: the ideographs said as their own characters
    for quiet in [
        "这个价格🉑以接受",
        "周末🈶空一起去爬山",
        "终于🉐到了心仪的offer",
        "🈚️论如何都要试一次",
    ] {
        let found = l.lint(&Note::from_body(quiet));
        assert!(
            found.iter().all(|v| v.category != Category::BannedWord),
            "{quiet}: {found:?}"
        );
    }
}

/// Pinyin typed between two characters as a polyphone's other reading (xie for 血, as it is
/// said) reads as the term, in terms of three characters or more; never a syllable of a
/// longer run (a handle), pinyin set apart by spaces (a number read aloud), or a term of two
/// (完bo is no 完爆).
#[test]
fn pinyin_of_a_polyphones_other_reading_between_characters() {
    let l = Linter::builtin();
    let rules_of = |text: &str| -> Vec<String> {
        l.lint(&Note::from_body(text))
            .into_iter()
            .filter(|v| v.severity >= Severity::Warning)
            .map(|v| v.rule)
            .collect()
    };
    assert!(rules_of("这款茶降xie压的效果很明显，推荐").contains(&"B108".to_string()));
    for quiet in [
        "他说话总是xie里xie气的",
        "周末打完bo球赛去吃火锅",
        "师傅电话 yao san ba ling ling qi wu san er yao ba",
        "我的小店名字叫xiaoyu手作",
    ] {
        let r = rules_of(quiet);
        assert!(!r.iter().any(|r| r.starts_with('B')), "{quiet}: {r:?}");
    }
}

/// A drink its own sentence recommends to nobody counts in a note that sells on the same line
/// (a bar's deal on its drinks); a drink named as a flavour on another line than the note's
/// discount code stays a mention.
#[test]
fn a_drink_on_the_line_of_a_sale_is_sold() {
    let l = Linter::builtin();
    let drink = |text: &str| level_of(&l, &Note::from_body(text), "P208");
    assert_eq!(
        drink("周五来店里玩，全场白啤黑啤买一送一，限时抢购今晚截止\n有驻唱，氛围很好"),
        Some(Severity::Warning)
    );
    assert!(
        drink("手工蜡烛店上新，粉丝专属折扣码 CANDLE20 立减20%\n冬季香调：雪松、桂花、热红酒")
            .is_none_or(|s| s < Severity::Warning)
    );
}

/// The market (市面上) and one model among goods (一款) make a claim's sentence commercial;
/// in a note that warns, a claim said of the writer's own pick earlier in its sentence
/// (定了这家…，国家级…) is the writer's.
#[test]
fn the_market_a_model_and_the_writers_pick_anchor_a_claim() {
    let l = Linter::builtin();
    let level = |note: Note, rule: &str| level_of(&l, &note, rule);
    assert_eq!(
        level(Note::from_body("这是市面上唯一一款能同时记账和提醒还款的应用"), "B104"),
        Some(Severity::Warning)
    );
    let mut pick = Note::from_body("纠结了两个月，最后定了这家地板，国家级环保标准，脚感也好");
    pick.title = "装修选地板避坑".into();
    assert_eq!(level(pick, "B103"), Some(Severity::Warning));
    let mut heard = Note::from_body("销售说这家地板是国家级环保标准，结果味道大得很");
    heard.title = "装修选地板避坑".into();
    assert!(level(heard, "B103").is_none_or(|s| s < Severity::Warning));
}

/// A drink tasted on its own line (its strength, how it drinks) in a note whose body recommends
/// in a clause of its own is the note's recommendation, wherever it is named; a drink named in
/// passing (a novel's 香槟, a diary's 冰啤酒, a ritual's 三三九度) is tasted nowhere and stays a
/// mention.
#[test]
fn a_drink_tasted_in_a_note_that_recommends_is_recommended() {
    let l = Linter::builtin();
    let drink = |text: &str| level_of(&l, &Note::from_body(text), "P208");
    assert_eq!(
        drink("周五晚上的犒劳🍺\n开了一罐荔枝味的小甜水，7度，气泡很足\n楼下便利店就有，推荐大家下班带一罐"),
        Some(Severity::Warning)
    );
    for quiet in [
        "周末读完了一本小说，主角每晚开香槟派对\n推荐秋天读，很治愈",
        "成都三天流水账\n晚上吃火锅，和朋友喝了两杯冰啤酒\n推荐大家去宽窄巷子逛逛",
        "参加了朋友的婚礼，新人三三九度喝清酒\n推荐大家有机会去看看这种仪式",
    ] {
        assert!(drink(quiet).is_none_or(|s| s < Severity::Warning), "{quiet}");
    }
}

/// In a note that promotes, a plain medical word its sentence lowered as an illness told counts
/// when the note tells a course of the thing taken (妈妈喝了两个月): the family's testimonial
/// is how health food is sold; an illness told beside a review with no course of anything
/// taken (住院治疗了一周 … 这款保温杯) stays the story's.
#[test]
fn a_course_taken_makes_the_illness_a_testimonial() {
    let l = Linter::builtin();
    let level = |text: &str, rule: &str| level_of(&l, &Note::from_body(text), rule);
    assert_eq!(
        level(
            "给妈妈买的这款苦瓜粉，每天一杯\n妈妈喝了两个月，复查空腹血糖稳了，这个降血糖真的有用\n家里有长辈的可以备着",
            "B108"
        ),
        Some(Severity::Warning)
    );
    assert_eq!(
        level(
            "孩子上个月肺炎住院治疗了一周\n出院后给他买了这款保温杯，推荐，很好用",
            "B106"
        ),
        Some(Severity::Info)
    );
}

#[test]
fn a_habit_given_up_is_told_not_sold() {
    // a quitting story names the brand it gave up: information, not promotion; a quitting aid
    // pitched in the same words still sells, and a reseller who "has quit" still sells
    let l = Linter::builtin();
    let level = |title: &str, body: &str| level_of(&l, &Note::from_body(body).with_title(title), "P202");
    let quit = level(
        "我爸戒掉电子烟了",
        "我爸抽悦刻抽了五年，每天两颗弹\n今年下定决心，当天就把杆子和弹全扔了\n现在一个月了，天天嗑瓜子，想戒的朋友可以试试让家里人盯着",
    );
    assert!(quit.is_none_or(|s| s < Severity::Warning), "{quit:?}");
    let aid = level("戒烟神器", "想戒烟的朋友试试悦刻，我就是靠它过渡的，口味多，闭眼入");
    assert!(aid.is_some_and(|s| s >= Severity::Warning), "{aid:?}");
    let resold = level("出闲置", "朋友送的悦刻一代，两颗弹没拆，我已经戒了用不上，原价出");
    assert!(resold.is_some_and(|s| s >= Severity::Warning), "{resold:?}");
}

#[test]
fn a_letter_leads_a_two_character_name_on_its_topic() {
    // the initial of a name's first character before its second written out (r毒 for 肉毒, s美
    // for 司美) reads as the name in a note on its topic (an injection to slim the face, a
    // weight-loss drug), and only there: a letter before a character is as often a word of its
    // own, and without the topic the two are nothing
    let l = Linter::builtin();
    let level = |body: &str, rule: &str| level_of(&l, &Note::from_body(body), rule);
    let on_topic = [("想瘦脸的姐妹，新到一批r毒", "P203"), ("控糖减肥的都在用s美", "P204")];
    for (body, rule) in on_topic {
        assert!(level(body, rule).is_some_and(|s| s >= Severity::Warning), "{body}");
    }
    // the same letters off the topic, and the words a letter leads (c位, x光, k歌, e人)
    let quiet = [
        ("周末团建唱k歌，我抢到了c位", "P203"),
        ("体检拍了x光，医生说肺很干净", "P203"),
        ("测出来我是e人，朋友说一点不意外", "P204"),
        ("这个s美是打错字了吗", "P204"),
        ("审美这件事s美说了算", "P204"),
    ];
    for (body, rule) in quiet {
        assert!(level(body, rule).is_none(), "{body}: {:?}", level(body, rule));
    }
}
