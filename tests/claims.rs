//! Claims in context: a superlative or a medical word is a claim when its sentence sells
//! something. Sentences written for this project, per family: the ordinary ones stay at
//! `info` or below, their commercial twins (a product, a price, a sponsored note) still flag.

use redlint::{Category, Linter, Note, Severity};

/// Facts, records, idioms, jokes, life stories, illness and medical advice, set phrases:
/// superlatives and medical words that sell nothing.
const ORDINARY: &[&str] = &[
    // geography, records, news
    "长江是中国第一长河",
    "这是世界最高的桥，开车经过的时候腿都软了",
    "今年夏天是有记录以来最热的，空调开了一整天",
    "全国最高！北京平均气温三十八度",
    "她拿了全市第一，我们都替她高兴",
    "顶级科学家聚在一起讨论黑洞",
    // idioms, ordinary praise, feelings
    "最美的烟花在除夕夜",
    "你是我最好的朋友，认识十年了",
    "最好的时光是和家人在一起",
    "这是我人生第一只小龙虾",
    "零差评的城市，下次还来",
    "他笑起来是全世界最好看的",
    "今天是最开心的一天",
    // jokes
    "我是宇宙第一懒人，周末只想躺着",
    "论吃，我天下第一",
    // illness stories and medical advice
    "我妈做完手术，医生说要住院治疗一周",
    "奶奶在医院复查，医生说恢复得很好，已经治愈了",
    "确诊以后一直在治疗，病友们互相鼓励",
    "医生建议多喝水、多休息，感冒会自己痊愈",
    "住院的那几天，护士每天来换药消炎",
    // a slang sense: healing as heart-warming
    "这部动画片太治愈了",
];

/// The same words selling something: each must raise a banned-word warning (organic note).
const COMMERCIAL: &[&str] = &[
    "这款面霜是中国第一，效果最好",
    "这家店的火锅是全城最好吃的",
    "顶级面料的外套，只要199元",
    "这款精华能治疗痘痘，一抹见效",
    "这个牌子的洗发水可以根治脱发",
    "全网最低价，赶紧入手",
    "这款茶可以降血压，买它",
];

fn banned(linter: &Linter, note: &Note) -> Vec<(String, Severity, Option<String>)> {
    linter
        .lint(note)
        .into_iter()
        .filter(|v| v.category == Category::BannedWord)
        .map(|v| (v.matched, v.severity, v.context.map(|c| c.en)))
        .collect()
}

#[test]
fn ordinary_sentences_stay_at_info() {
    let linter = Linter::builtin();
    let mut loud = Vec::new();
    for &s in ORDINARY {
        let found = banned(&linter, &Note::from_body(s));
        if found.iter().any(|(_, sev, _)| *sev > Severity::Info) {
            loud.push(format!("{s}: {found:?}"));
        }
    }
    assert!(
        loud.is_empty(),
        "{} of {} flagged:\n{}",
        loud.len(),
        ORDINARY.len(),
        loud.join("\n")
    );
}

#[test]
fn the_same_words_selling_something_flag() {
    let linter = Linter::builtin();
    for &s in COMMERCIAL {
        let found = banned(&linter, &Note::from_body(s));
        assert!(
            found.iter().any(|(_, sev, _)| *sev >= Severity::Warning),
            "{s}: {found:?}"
        );
    }
}

/// Generated: every lowered hit of an ordinary sentence says why, and flags again when the
/// note is sponsored (commercial by declaration) or when a product is named in the sentence.
#[test]
fn lowered_hits_say_why_and_come_back_in_commercial_notes() {
    let linter = Linter::builtin();
    let mut lowered = 0;
    for &s in ORDINARY {
        for (matched, sev, why) in banned(&linter, &Note::from_body(s)) {
            if sev != Severity::Info {
                continue;
            }
            lowered += 1;
            assert!(why.is_some(), "{s}: {matched} lowered without a reason");
            let sponsored = banned(&linter, &Note::from_body(s).sponsored(true));
            assert!(
                sponsored
                    .iter()
                    .any(|(m, sev, _)| *m == matched && *sev >= Severity::Warning),
                "sponsored {s}: {sponsored:?}"
            );
            let selling = format!("{s}，这款面霜也一样");
            let found = banned(&linter, &Note::from_body(&selling));
            assert!(
                found
                    .iter()
                    .any(|(m, sev, _)| *m == matched && *sev >= Severity::Warning),
                "{selling}: {found:?}"
            );
        }
    }
    assert!(
        lowered >= 10,
        "only {lowered} hits lowered: the sentences no longer test scope"
    );
}

#[test]
fn a_claim_term_that_cuts_a_word_is_not_matched() {
    let linter = Linter::builtin();
    for (s, not) in [("这个包好好看", "包好"), ("点赞特效", "特效")] {
        let found = banned(&linter, &Note::from_body(s));
        assert!(
            found.iter().all(|(m, sev, _)| m != not || *sev == Severity::Info),
            "{s}: {found:?}"
        );
    }
}

#[test]
fn explain_documents_the_scope() {
    let linter = Linter::builtin();
    let scoped: Vec<&str> = linter
        .rules()
        .filter(|r| r.scope.is_some())
        .map(|r| r.id.as_str())
        .collect();
    assert!(scoped.contains(&"B101") && scoped.contains(&"B106"), "{scoped:?}");
}

/// Alcohol: promoting a drink to readers is a warning in an organic note; drinking told in a
/// diary, a trip or a recipe stays a hint; places and things named after wine stay clean.
#[test]
fn alcohol_is_a_warning_when_promoted() {
    let linter = Linter::builtin();
    let alcohol = |s: &str| -> Option<Severity> {
        linter
            .lint_text(s)
            .into_iter()
            .filter(|v| v.rule == "P208")
            .map(|v| v.severity)
            .max()
    };
    for s in [
        "这款精酿啤酒推荐给大家，果香很足",
        "回购了三次的梅子酒，链接在这",
        "这瓶红酒一百多块钱，性价比很高",
    ] {
        assert_eq!(alcohol(s), Some(Severity::Warning), "{s}");
    }
    for s in [
        "周末和朋友在江边喝啤酒聊天",
        "在京都的小酒馆喝了一杯清酒",
        "我们家过年都喝黄酒",
    ] {
        assert_eq!(alcohol(s), Some(Severity::Info), "{s}");
    }
    for s in ["这家酒店的早餐很好", "酒红色的口红", "笑起来有酒窝", "出门带了酒精湿巾"] {
        assert_eq!(alcohol(s), None, "{s}");
    }
}

/// Vocabulary families the packs gained, one sentence each (not the packs' own examples).
#[test]
fn new_vocabulary_families() {
    let linter = Linter::builtin();
    for (s, rule) in [
        ("要同款的q我，发你图", "O313"),
        ("想要的评论区扣1，我小窗私你", "O313"),
        ("这批是厂货，和专柜一个料", "P207"),
        ("一手货源，支持看货", "P207"),
        ("这支是品牌方给的，用了一周", "A405"),
        ("仅限今天，明天恢复原价", "A401"),
        ("朋友在吃氯卡色林减肥", "P204"),
    ] {
        let found: Vec<String> = linter.lint_text(s).into_iter().map(|v| v.rule).collect();
        assert!(found.iter().any(|r| r == rule), "{s}: want {rule}, found {found:?}");
    }
}

/// The rule ids of the banned-word hits at warning or above in a sponsored note (where no
/// context lowers anything: what is left out is left out by the rule itself).
fn flagged_sponsored(linter: &Linter, text: &str) -> Vec<String> {
    linter
        .lint(&Note::from_body(text).sponsored(true))
        .into_iter()
        .filter(|v| v.category == Category::BannedWord && v.severity >= Severity::Warning)
        .map(|v| format!("{} {}", v.rule, v.matched))
        .collect()
}

/// Generated: words that look like claims but rank a remark (唯一 in a verdict), count
/// (第一 before a classifier) or describe (a degree adverb before 治愈 / 有效率) are no claims,
/// in any combination of frame and word; their claim twins, built from the same parts, are.
#[test]
fn verdicts_ordinals_and_adjectives_are_not_claims() {
    let linter = Linter::builtin();
    let mut wrong = Vec::new();
    let mut check = |text: String, rule: &str, want: bool| {
        let found = flagged_sponsored(&linter, &text);
        if found.iter().any(|f| f.starts_with(rule)) != want {
            wrong.push(format!("{text}: expected {rule} {want}, got {found:?}"));
        }
    };
    // 唯一 in a verdict: before an evaluation word of its clause, before 是, or in a cleft
    let lead = ["这家酒店总体不错，", "面霜用了一个月，", ""];
    let evaluation = [
        "缺点",
        "小缺点",
        "不足之处",
        "瑕疵",
        "毛病",
        "遗憾",
        "槽点",
        "让人失望的地方",
        "可取之处",
        "亮点",
    ];
    for (i, e) in evaluation.iter().enumerate() {
        let de = if i % 2 == 0 { "的" } else { "" };
        check(
            format!("{}唯一{de}{e}是包装太简陋", lead[i % lead.len()]),
            "B104",
            false,
        );
    }
    for (i, is) in ["是", "就是", "的就是", "便是"].iter().enumerate() {
        check(format!("{}唯一{is}早餐一般", lead[i % lead.len()]), "B104", false);
    }
    for (i, judged) in ["满意", "值得表扬", "觉得不错", "比较好"].iter().enumerate() {
        check(
            format!("{}唯一{judged}的是前台服务", lead[i % lead.len()]),
            "B104",
            false,
        );
    }
    // ...and 唯一 that claims the product is the only one
    for what in ["唯一一款", "唯一指定", "唯一的正品渠道", "全网唯一"] {
        check(format!("这款面霜是市面上{what}含这种成分的"), "B104", true);
    }
    // 第一 before a classifier counts; before a field or a market it ranks
    for c in "个次班单批款种道段页辆台家句点".chars() {
        check(format!("这款面霜是我买的第一{c}，用着还行"), "B102", false);
    }
    for rank in ["全网第一", "销量第一", "行业第一", "全国第一"] {
        check(format!("这款面霜{rank}，用着还行"), "B102", true);
    }
    // a degree adverb makes 治愈 and 有效率 adjectives; the treatment and the rate are claims
    for (i, deg) in ["很", "太", "真", "超级", "非常", "特别", "比较", "这么"]
        .iter()
        .enumerate()
    {
        let word = ["治愈", "有效率"][i % 2];
        check(format!("这款面霜的包装{deg}{word}"), "B106", false);
    }
    // a treatment or an effect said not to happen is no claim; said to happen, it is
    let negators = ["不", "没", "没有", "不会", "并没有", "一点都没有", "根本不能"];
    let effects = [
        ("B106", "止痒"),
        ("B106", "消炎"),
        ("B106", "根治"),
        ("B109", "生发"),
        ("B109", "祛斑"),
    ];
    for (i, (rule, effect)) in effects.iter().enumerate() {
        for (j, neg) in negators.iter().enumerate() {
            let tail = ["的效果", "，有点失望", ""][(i + j) % 3];
            check(format!("这款洗发水用了一个月，{neg}{effect}{tail}"), rule, false);
        }
        check(format!("这款洗发水用了一个月，能{effect}"), rule, true);
    }
    check("这款面霜能治愈湿疹".to_owned(), "B106", true);
    check("这款面霜临床有效率达98%".to_owned(), "B106", true);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
