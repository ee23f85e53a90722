//! Generated: a note's stance decides what its words do. The parts are crossed, not listed as
//! sentences: every warning frame with every quoted violation must report it at `info` with
//! the note's reason; every promoting frame with every claim that names no product in its own
//! sentence must report it at warning; diaries and care notes stay quiet; and a redirect's own
//! number or disguise stays an error whatever the note says. Written for this project (not
//! taken from any evaluation set).

use redlint::context::Why;
use redlint::{Category, Linter, Note, Severity, Violation};

fn lint(linter: &Linter, note: &Note) -> Vec<Violation> {
    linter
        .lint(note)
        .into_iter()
        .filter(|v| v.category != Category::Format)
        .collect()
}

/// The violations of `category` in `found` at warning or above.
fn raised(found: &[Violation], category: Category) -> Vec<&Violation> {
    found
        .iter()
        .filter(|v| v.category == category && v.severity >= Severity::Warning)
        .collect()
}

/// Whether `found` holds a violation of `category` at warning or above.
fn flags(found: &[Violation], category: Category) -> bool {
    !raised(found, category).is_empty()
}

/// Whether `found` holds a banned-word claim at warning or above.
fn claims(found: &[Violation]) -> bool {
    flags(found, Category::BannedWord)
}

/// A test of `found` for one category ([`flags`], [`informs`]).
type Holds = fn(&[Violation], Category) -> bool;

/// Every frame with its `{}` filled by every filler, linted as a note's body: the filler, the
/// body and what was found.
fn fill_frames<'a>(
    linter: &'a Linter,
    frames: &'a [&str],
    fillers: &'a [&str],
) -> impl Iterator<Item = (&'a str, String, Vec<Violation>)> + 'a {
    frames.iter().flat_map(move |frame| {
        fillers.iter().map(move |&filler| {
            let body = frame.replace("{}", filler);
            let found = lint(linter, &Note::from_body(&body));
            (filler, body, found)
        })
    })
}

/// The violations of `category` in `found`, at any severity.
fn of(found: &[Violation], category: Category) -> Vec<&Violation> {
    found.iter().filter(|v| v.category == category).collect()
}

/// Whether every violation of `category` in `found` is information.
fn informs(found: &[Violation], category: Category) -> bool {
    of(found, category).iter().all(|v| v.severity == Severity::Info)
}

/// Sentences that warn or report, with `{}` where the quoted thing goes.
const WARNING_FRAMES: &[&str] = &[
    "姐妹们避雷！有人跟我说{}，千万别信",
    "作为药师提醒一下：网上说{}的都是骗局",
    "差点被骗😨 对方说{}，我直接拉黑了",
    "新闻说有人因为{}住院了，大家警惕",
    "交了智商税才知道，{}都是假的",
    "在儿子书包里翻出来的，上面写着{}，气死我了",
    "楼下那家店被查封了，老板以前天天说{}",
];

/// What a warning quotes: product words, claims and sales calls, each with its category.
const QUOTED: &[(&str, Category)] = &[
    ("电子烟新口味", Category::ProhibitedProduct),
    ("打水光针不伤皮肤", Category::ProhibitedProduct),
    ("司美格鲁肽一个月瘦十斤", Category::ProhibitedProduct),
    ("高仿包和专柜一样", Category::ProhibitedProduct),
    ("这个茶能降血压", Category::BannedWord),
    ("全网最低价", Category::BannedWord),
    ("无效退款", Category::BannedWord),
    ("点击链接领奖", Category::Advertorial),
    ("拍下立减两百", Category::Advertorial),
    ("加我微信详聊", Category::OffPlatform),
];

#[test]
fn what_a_warning_quotes_is_information() {
    let linter = Linter::builtin();
    let mut checked = 0;
    for frame in WARNING_FRAMES {
        for &(quoted, category) in QUOTED {
            let body = frame.replace("{}", quoted);
            let found = lint(&linter, &Note::from_body(&body));
            let of_category: Vec<&Violation> = found.iter().filter(|v| v.category == category).collect();
            assert!(!of_category.is_empty(), "{body}: {category} not reported at all");
            for v in of_category {
                assert_eq!(v.severity, Severity::Info, "{body}: {} {:?} counts", v.rule, v.matched);
                assert!(
                    matches!(v.why, Some(Why::Warns | Why::NoProduct | Why::NotPromoted)),
                    "{body}: {} lowered without the note's reason ({:?})",
                    v.rule,
                    v.why
                );
            }
            // the same words said by someone selling them count
            let selling = format!("{quoted}，这款我回购了三次，推荐给大家");
            let found = lint(&linter, &Note::from_body(&selling));
            assert!(
                found
                    .iter()
                    .any(|v| v.category == category && v.severity >= Severity::Warning),
                "{selling}: {category} not flagged outside a warning: {found:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 60);
}

/// A note hooked by a warning (别乱买, 避坑) that then praises its own pick in the writer's
/// voice, in the first person (这是我用过最好的) or of the thing pointed at (这款是…首选), makes
/// that claim: generated over hooks and praises; while the same claim said as someone else's
/// (号称, 宣传), asked, or warned of in its sentence stays the warning's information.
#[test]
fn a_warning_notes_own_pick_is_claimed() {
    let linter = Linter::builtin();
    let hooks = ["面霜真的别乱买", "选台灯避坑指南", "千万别跟风买贵的"];
    let praised = [
        "这是我用过最好的一款",
        "真心觉得它是同价位里的顶级",
        "这台是学生党的首选",
        "这款是我心中的第一名",
    ];
    let told = [
        "店家号称这台是全网第一",
        "这款是不是全网最好的",
        "宣传说这款是顶级配方",
        "别信这款是第一名的说法",
    ];
    let mut checked = 0;
    for hook in hooks {
        for claim in praised {
            let body = format!("{hook}\n{claim}，用了三个月");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(
                flags(&found, Category::BannedWord),
                "{body}: the writer's own claim lowered: {found:?}"
            );
            checked += 1;
        }
        for claim in told {
            let body = format!("{hook}\n{claim}，用了三个月");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(
                !flags(&found, Category::BannedWord),
                "{body}: someone else's claim counts: {found:?}"
            );
        }
    }
    assert_eq!(checked, 12);
}

/// A product's name by two initials (`rd` 肉毒, `yk` 悦刻) is the trade's own short name, which
/// a warning writes too: in a note that warns it is information, as the name written out is;
/// in a note that recommends it, it counts.
#[test]
fn two_initials_in_a_warning_are_information() {
    let linter = Linter::builtin();
    for (warning, selling) in [
        (
            "医美避雷：小作坊打的rd，脸僵了半年，千万别贪便宜",
            "医美分享：在工作室打的rd，脸小了一圈，推荐给大家",
        ),
        (
            "戒烟第三十天，提醒大家别碰yk，越抽越上瘾",
            "戒烟失败😂 换了yk，真的顺，推荐给大家",
        ),
    ] {
        let found = lint(&linter, &Note::from_body(warning));
        let read: Vec<&Violation> = of(&found, Category::ProhibitedProduct)
            .into_iter()
            .filter(|v| v.reading.is_some())
            .collect();
        assert!(!read.is_empty(), "{warning}: the initials not read: {found:?}");
        assert!(
            read.iter().all(|v| v.severity == Severity::Info),
            "{warning}: counts: {read:?}"
        );
        let found = lint(&linter, &Note::from_body(selling));
        assert!(
            raised(&found, Category::ProhibitedProduct)
                .iter()
                .any(|v| v.reading.is_some() && v.matched.bytes().all(|b| b.is_ascii_lowercase())),
            "{selling}: not flagged: {found:?}"
        );
    }
}

/// A contact of the writer's own (a number, a handle, a disguised channel) is no quotation.
#[test]
fn a_warning_note_keeps_the_writers_own_contact() {
    let linter = Linter::builtin();
    for frame in WARNING_FRAMES {
        for contact in ["vx：lily_0909", "电话13912345678", "薇❤信 lily0909"] {
            let body = format!("{}\n有问题找我 {contact}", frame.replace("{}", "电子烟"));
            let found = lint(&linter, &Note::from_body(&body));
            assert!(
                found
                    .iter()
                    .any(|v| v.category == Category::OffPlatform && v.severity == Severity::Error),
                "{body}: the writer's contact was lowered: {found:?}"
            );
        }
    }
}

/// ...but a contact inside quotation marks, in a note that warns, is what the scammer said:
/// every warning frame with every handle quoted in every kind of mark is information.
#[test]
fn a_contact_quoted_in_a_warning_note_is_information() {
    let linter = Linter::builtin();
    for frame in WARNING_FRAMES {
        for contact in ["加我微信 wx_hr2024", "vx：lily_0909", "电话13912345678"] {
            for (open, close) in [("“", "”"), ("「", "」"), ("\"", "\"")] {
                let body = frame.replace("{}", &format!("{open}{contact} 带你赚钱{close}"));
                let found = lint(&linter, &Note::from_body(&body));
                let raised = raised(&found, Category::OffPlatform);
                assert!(raised.is_empty(), "{body}: {raised:?}");
            }
        }
    }
}

/// ...and so is a handle said to be someone else's, the one who asked to be added (让我加他vx：…,
/// 对方的微信号是…), written plainly in a warning note.
#[test]
fn a_contact_said_to_be_someone_elses_in_a_warning_note_is_information() {
    let linter = Linter::builtin();
    for frame in WARNING_FRAMES {
        for told in [
            "接着让我加他vx：lily_0909",
            "对方的微信号是 wx_hr2024",
            "骗子的电话13912345678",
        ] {
            let body = format!("{}\n{told}", frame.replace("{}", "刷单返利"));
            let found = lint(&linter, &Note::from_body(&body));
            let raised = raised(&found, Category::OffPlatform);
            assert!(raised.is_empty(), "{body}: {raised:?}");
        }
    }
}

/// Claims with no product in their own sentence (它, 这个, nothing at all), in notes whose title,
/// tags or body name what they review.
const PROMOTING: &[(&str, &str, &[&str])] = &[
    ("面霜测评", "{}\n质地很轻薄，秋冬也不干", &["护肤"]),
    ("", "入手三个月了，{}\n价格一百出头，回购了两次", &[]),
    ("蛋白粉分享", "练了三年的老铁说句实话\n{}", &["健身"]),
    ("", "这是我的空瓶记录\n{}\n下单的时候还有赠品", &["空瓶"]),
];

const UNANCHORED_CLAIMS: &[&str] = &[
    "它是我用过最好的",
    "真的是全网最低了",
    "真的立竿见影",
    "七天瘦十斤不是梦",
    "绝对放心冲",
    "一周就根治了",
    "排名第一实至名归",
];

#[test]
fn in_a_promoting_note_a_claim_anywhere_counts() {
    let linter = Linter::builtin();
    for &(title, body, tags) in PROMOTING {
        for claim in UNANCHORED_CLAIMS {
            let body = body.replace("{}", claim);
            let note = Note::from_body(&body).with_title(title).with_tags(tags.iter().copied());
            let found = lint(&linter, &note);
            assert!(claims(&found), "{title} | {body}: claim not counted: {found:?}");
            // the same claim in a diary that promotes nothing is no advertising claim (one that
            // says it was used, 用过, names a product of its own)
            if claim.contains("用过") {
                continue;
            }
            let diary = format!("今天下雨了，在家发呆。{claim}");
            let quiet = lint(&linter, &Note::from_body(&diary));
            assert!(
                quiet
                    .iter()
                    .filter(|v| v.category == Category::BannedWord)
                    .all(|v| v.severity == Severity::Info),
                "{diary}: {quiet:?}"
            );
        }
    }
}

/// A person's illness or care: the drug or the injection was prescribed, not sold.
#[test]
fn care_notes_name_treatments_without_promoting_them() {
    let linter = Linter::builtin();
    let treatments = ["安眠药", "司美格鲁肽", "肉毒素", "玻尿酸注射", "非那雄胺"];
    let frames = [
        "去医院看了，医生诊断后开了{}，要按时复查",
        "我妈住院一周，出院时医生让她继续用{}",
        "确诊以后在门诊用了{}，医生说慢慢来",
    ];
    for (t, body, found) in fill_frames(&linter, &frames, &treatments) {
        assert!(
            found.iter().all(|v| v.severity == Severity::Info
                || !matches!(v.category, Category::ProhibitedProduct | Category::BannedWord)),
            "{body}: {found:?}"
        );
        // sold, the same drug counts
        let sold = format!("{t}代购，一盒三百，需要的私信");
        assert!(
            flags(&lint(&linter, &Note::from_body(&sold)), Category::ProhibitedProduct),
            "{sold}"
        );
    }
}

/// A drug or an injection a note is flagged for, and effects it tells, crossed: the thing is
/// the violation, its effects are its own (info, with the reason); the same effect told of a
/// cream or a tea, with no such thing in the note, is still a claim.
#[test]
fn the_effects_of_a_prohibited_thing_are_that_things() {
    let linter = Linter::builtin();
    let things = [
        "每周打一针司美格鲁肽",
        "上个月去打了瘦脸针",
        "每天一片非那雄胺",
        "朋友带我打了水光针",
    ];
    let effects = ["两个月瘦了14斤", "头发生发明显", "除皱效果明显", "祛斑效果很好"];
    for thing in things {
        for effect in effects {
            let body = format!("{thing}，{effect}，姐妹们可以试试");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(flags(&found, Category::ProhibitedProduct), "{body}: {found:?}");
            for v in found.iter().filter(|v| v.category == Category::BannedWord) {
                assert!(
                    v.severity == Severity::Info && v.why == Some(Why::ProductsEffect)
                        || v.why == Some(Why::Promotes) && v.rule == "B105",
                    "{body}: {v:?}"
                );
            }
        }
    }
    // the claim twin: the same effects of a cream still count
    for effect in effects {
        let body = format!("这款面霜用了一个月，{effect}，姐妹们可以试试");
        let found = lint(&linter, &Note::from_body(&body));
        assert!(claims(&found), "{body}: {found:?}");
    }
}

/// A warning word that is the second half of an A-not-A question (要不要买, 该不该买) asks
/// whether to buy: it does not make a review a warning.
#[test]
fn a_question_whether_to_buy_is_no_warning() {
    let linter = Linter::builtin();
    for question in ["纠结了好久要不要买", "一直在想该不该买", "犹豫要不要入"] {
        for claim in ["这台洗碗机是首选", "这款面霜是全网最低价"] {
            let body = format!("{question}\n{claim}\n容量大，烘干也好");
            let found = lint(&linter, &Note::from_body(&body).with_title("洗碗机测评"));
            assert!(claims(&found), "{body}: {found:?}");
        }
    }
}

/// An effect said of the thing (能降血压, 可以抗癌) is a claim even where the sentence tells a
/// relative's illness, the family testimonial health food is sold by; a doctor's or a hospital's
/// sentence stays care.
#[test]
fn a_family_testimonial_of_an_effect_is_a_claim_a_doctors_advice_is_not() {
    let linter = Linter::builtin();
    for (who, effect) in [("我爸", "能降血压"), ("我妈", "可以抗癌"), ("家里老人", "能降血糖")] {
        let body = format!("给爸妈囤的苦荞茶，包装很大气\n{who}每天喝两杯，{effect}\n送长辈很有面子");
        let found = lint(&linter, &Note::from_body(&body));
        assert!(claims(&found), "{body}: {found:?}");
    }
    let advice = "体检查出幽门螺杆菌，医生说要吃两周四联药，规范治疗才能根治";
    let found = lint(&linter, &Note::from_body(advice));
    assert!(!claims(&found), "{advice}: {found:?}");
    // a product a doctor prescribed, no effect said of it, is the treatment told
    for (who, what) in [("皮肤科医生", "一支药膏"), ("门诊的大夫", "两盒药"), ("医生", "喷雾")] {
        let told = format!("{who}说是湿疹，给开了{what}治疗，过两周复查");
        let found = lint(&linter, &Note::from_body(&told));
        assert!(!claims(&found), "{told}: {found:?}");
    }
}

/// Warnings said by construction, crossed from their parts: a don't with its manner, those at
/// risk told what they may not do, readers told, and what came of it. Each makes a note that
/// quotes a prohibited thing or a claim a warning.
fn warnings_by_construction() -> Vec<String> {
    let mut frames = Vec::new();
    for neg in ["不要", "千万别", "切勿", "不能"] {
        for manner in ["随便", "私自", "在网上", "盲目"] {
            for verb in ["买", "服用", "网购", "尝试"] {
                frames.push(format!("这种东西{neg}{manner}{verb}：{{}}"));
            }
        }
    }
    for who in ["孕妇", "哺乳期", "未成年", "学生"] {
        for dont in ["不能", "禁止", "千万别"] {
            frames.push(format!("{who}{dont}碰！{{}}"));
        }
    }
    for readers in ["姐妹们", "宝妈们", "家长们", "大家"] {
        frames.push(format!("提醒{readers}：{{}}"));
    }
    for harm in ["差点出事", "进了医院", "被罚款"] {
        frames.push(format!("{{}}，结果我朋友{harm}"));
    }
    frames
}

#[test]
fn a_warning_said_by_construction_quotes_information() {
    let linter = Linter::builtin();
    let mut checked = 0;
    for frame in warnings_by_construction() {
        for &(quoted, category) in QUOTED
            .iter()
            .filter(|(_, c)| matches!(c, Category::ProhibitedProduct | Category::BannedWord))
        {
            let body = frame.replace("{}", quoted);
            let found = lint(&linter, &Note::from_body(&body));
            let of_category: Vec<&Violation> = found.iter().filter(|v| v.category == category).collect();
            assert!(!of_category.is_empty(), "{body}: {category} not reported at all");
            for v in of_category {
                assert_eq!(v.severity, Severity::Info, "{body}: {v:?}");
                assert_eq!(v.why, Some(Why::Warns), "{body}: {v:?}");
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked}");
}

#[test]
fn a_dont_that_sells_the_cure_is_no_warning() {
    // 别再乱买 points the reader at the writer's pick: the claim about it counts
    let linter = Linter::builtin();
    for lead in ["别再乱买面霜了", "不要再乱用精华了", "别再随便囤了"] {
        let body = format!("{lead}，这款是我用过最好的，认准它");
        let found = lint(&linter, &Note::from_body(&body));
        assert!(claims(&found), "{body}: {found:?}");
    }
}

#[test]
fn a_fear_the_note_goes_past_and_a_profession_are_no_warning() {
    // 怕踩雷 is a hedge before a purchase; a pharmacist or a doctor recommending is promoting
    let linter = Linter::builtin();
    for lead in [
        "之前怕踩雷一直没买",
        "一直担心翻车",
        "当了妈妈又是药师",
        "药师聊聊益生菌",
    ] {
        for claim in ["这款是我用过最好用的", "这款面霜全网最低价"] {
            let body = format!("{lead}，后来入手了这款面霜。{claim}，推荐给大家");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(claims(&found), "{body}: {found:?}");
        }
    }
}

#[test]
fn a_cure_told_as_a_construction_in_a_promoting_note_is_its_testimonial() {
    let linter = Linter::builtin();
    for cure in ["结节小了一半", "比吃药强多了", "血压都降下来了"] {
        let body = format!("朋友推荐的这款花草茶我每天喝。喝了三个月去医院复查，{cure}！有需要的姐妹可以试试");
        let found = lint(&linter, &Note::from_body(&body));
        assert!(claims(&found), "{body}: {found:?}");
    }
    // a hospital stay told beside a review: the medical word stays the story's
    let body = "孩子肺炎住院治疗了一周。出院后买了这款加湿器，推荐给宝妈们";
    let found = lint(&linter, &Note::from_body(body));
    assert!(!claims(&found), "{body}: {found:?}");
}

#[test]
fn found_at_home_warns_a_diary_looking_back_does_not() {
    let linter = Linter::builtin();
    // a parent who found it, where or what (书包里翻出, 翻出一支): what the note quotes is information
    for lead in ["在儿子书包里翻出来的", "从抽屉里翻到的", "翻出一支"] {
        let body = format!("{lead}：电子烟新口味，气死我了");
        let found = lint(&linter, &Note::from_body(&body));
        assert!(informs(&found, Category::ProhibitedProduct), "{body}: {found:?}");
    }
    // 翻出来看看 is a memory kept for later: the claim before it counts
    let body = "这款面霜是我用过最好用的，推荐给大家。记录一下，以后翻出来看看";
    let found = lint(&linter, &Note::from_body(body));
    assert!(claims(&found), "{body}: {found:?}");
}

/// A consumable named by how it is taken (每天一勺, 睡前一条, 喝了两罐) is a product, and a
/// reader asked to join in (一起冲, 姐妹们可以试试) is recommended it: crossed, each makes the
/// claim of its note count; the same claims in a diary of a person's own weight or a relative's
/// illness stay lowered.
#[test]
fn a_consumable_by_its_dose_and_readers_asked_to_join_make_a_promoting_note() {
    let linter = Linter::builtin();
    let doses = ["每天一勺", "睡前一条", "喝了两罐", "早上冲一杯"];
    let calls = ["姐妹们一起冲", "想瘦的可以试试", "准新娘们不妨试试"];
    let claims_said = ["一周瘦十斤", "还能抗癌"];
    for dose in doses {
        for call in calls {
            for claim in claims_said {
                let body = format!("最近在喝这个粉\n{dose}，{claim}\n{call}");
                let found = lint(&linter, &Note::from_body(&body));
                assert!(claims(&found), "{body}: {found:?}");
            }
        }
    }
    for diary in [
        "今天称了一下，这周瘦了两斤，继续加油",
        "外婆住院化疗，医生说抗癌是场持久战",
    ] {
        let found = lint(&linter, &Note::from_body(diary));
        assert!(!claims(&found), "{diary}: {found:?}");
    }
}

/// A care note lowers the claims it tells (a doctor, a hospital, a diagnosis), but not a claim
/// written in disguise: nobody hides a word from review in a diary of an illness.
#[test]
fn a_claim_in_disguise_is_no_care_notes_word() {
    let linter = Linter::builtin();
    let frame =
        |claim: &str| format!("我妈住院复查，医生说指标稳定\n家里人都在喝这个茶，说能{claim}\n出院那天天气很好");
    for claim in ["kang癌", "降xue压", "xiao炎"] {
        let body = frame(claim);
        let found = lint(&linter, &Note::from_body(&body));
        assert!(claims(&found), "{body}: {found:?}");
    }
    for claim in ["抗癌", "降血压", "消炎"] {
        let body = frame(claim);
        let found = lint(&linter, &Note::from_body(&body));
        assert!(!claims(&found), "{body}: {found:?}");
    }
}

/// What a doctor, a nurse or a dietitian recommends in a care note is their advice, not the
/// writer recommending: every adviser with every piece of advice leaves the care note's
/// treatment at info; the writer's own recommendation in the same note makes it promote.
#[test]
fn an_advisers_recommendation_is_care_not_promotion() {
    let linter = Linter::builtin();
    let advisers = ["医生", "大夫", "营养师", "护士", "主任"];
    let joins = ["", "还", "也"];
    let advice = ["推荐了放松训练", "推荐每天散步半小时", "推荐睡前别看手机"];
    for adviser in advisers {
        for join in joins {
            for said in advice {
                let body = format!("连着失眠一个月，去医院挂了号\n医生开了少量助眠药\n{adviser}{join}{said}");
                let found = lint(&linter, &Note::from_body(&body));
                assert!(informs(&found, Category::ProhibitedProduct), "{body}: {found:?}");
                // the writer recommending the pills is no care note
                let own = format!("{body}\n我也推荐大家买这个助眠药，姐妹们冲");
                assert!(
                    flags(&lint(&linter, &Note::from_body(&own)), Category::ProhibitedProduct),
                    "{own}"
                );
            }
        }
    }
}

/// Readers told to buy it for their family recommend it: a claim anywhere in such a note
/// counts, whoever it is bought for.
#[test]
fn readers_told_to_buy_it_for_their_family_make_a_promoting_note() {
    let linter = Linter::builtin();
    let modals = ["可以", "记得", "建议", "都可以"];
    let whom = ["给长辈", "给爸妈", "买给父母", "给家里老人"];
    for modal in modals {
        for to in whom {
            let body = format!("苦荞茶每天泡一杯，配全麦面包当早餐\n喝了两个月 血压降下来了\n{modal}{to}");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(claims(&found), "{body}: {found:?}");
        }
    }
    // a diary of what was bought is no call
    let diary = "苦荞茶每天泡一杯，配全麦面包当早餐\n喝了两个月 血压降下来了\n今天陪爸妈去公园散步";
    assert!(!claims(&lint(&linter, &Note::from_body(diary))), "{diary}");
}

/// In a note that warns, a place named after the writer's own call (戳头像, 看主页) is the
/// writer redirecting; the same call reported as someone else's (骗子让我戳头像) is information.
#[test]
fn a_warning_note_keeps_the_writers_own_call_to_a_place() {
    let linter = Linter::builtin();
    let calls = ["戳头像", "翻我主页", "瞅瞅简介", "点我头像"];
    for frame in WARNING_FRAMES {
        for call in calls {
            let own = format!("{}\n要完整版的{call}", frame.replace("{}", "电子烟"));
            let found = lint(&linter, &Note::from_body(&own));
            assert!(
                flags(&found, Category::OffPlatform),
                "{own}: the writer's call was lowered: {found:?}"
            );
            let reported = format!("{}\n骗子让我{call}", frame.replace("{}", "电子烟"));
            let found = lint(&linter, &Note::from_body(&reported));
            assert!(informs(&found, Category::OffPlatform), "{reported}: {found:?}");
        }
    }
}

/// A caveat said to a part of the readers (胃不好的姐妹不建议空腹喝) belongs to the recommendation
/// it qualifies: the note still promotes, and its guarantee counts. Said of a condition (想看夜景
/// 的话不建议住这里) the same word still warns.
#[test]
fn a_caveat_for_some_readers_is_no_warning() {
    let linter = Linter::builtin();
    let groups = ["胃不好的姐妹", "容易过敏的人", "皮肤薄的宝子", "敏感肌", "油皮的朋友"];
    let caveats = ["不建议空腹用", "不推荐晚上用", "慎用"];
    for group in groups {
        for caveat in caveats {
            let body = format!("这款纤体茶我喝了两周，店家说坚持一个月保证见效。{group}{caveat}。");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(claims(&found), "{body}: the guarantee was lowered: {found:?}");
        }
    }
    for caveat in ["不建议喝", "不建议空腹喝"] {
        let body = format!("这款纤体茶店家说坚持一个月保证见效，胃不好的话{caveat}，我喝完胃疼了好几天。");
        let found = lint(&linter, &Note::from_body(&body));
        assert!(informs(&found, Category::BannedWord), "{body}: {found:?}");
    }
}

/// The news watched as a pastime (边吃早饭边看十分钟新闻, 看新闻联播) reports nothing; news told as
/// the source of what the note says (看到新闻说, 新闻里报道) makes it a report.
#[test]
fn the_news_watched_is_no_report() {
    let linter = Linter::builtin();
    let claim = "这款燃脂咖啡坚持一个月保证见效。";
    for pastime in [
        "每天早上边喝边看十分钟新闻。",
        "晚上陪我爸看新闻联播。",
        "通勤路上听新闻。",
    ] {
        let body = format!("{claim}{pastime}");
        let found = lint(&linter, &Note::from_body(&body));
        assert!(claims(&found), "{body}: {found:?}");
    }
    for report in ["看到新闻说", "新闻里报道", "新闻："] {
        let body = format!("{report}有人卖燃脂咖啡，说坚持一个月保证见效，大家别信。");
        let found = lint(&linter, &Note::from_body(&body));
        assert!(informs(&found, Category::BannedWord), "{body}: {found:?}");
    }
}

/// A warning word of two characters whose second character begins the next word (没收|拾:
/// 收拾, not 没收), or whose first ends a more common word before it (晚上|当: 晚上, not
/// 上当), is not that word: the note does not warn.
#[test]
fn a_warning_word_cut_by_the_next_word_is_none() {
    let linter = Linter::builtin();
    let selling = "帮老爸带了两条华子，免税店比国内便宜一半，抽烟的朋友出国记得带。";
    for (cut, whole) in [
        ("行李都没收拾好就出门了", "过安检的时候被没收了两条"),
        ("房间还没收拾", "带多了会被海关没收"),
        // ...or whose first ends the word before (晚上|当: 晚上, not 上当)
        ("晚上当夜宵吃也行", "买之前千万别上当"),
    ] {
        let found = lint(&linter, &Note::from_body(format!("{selling}{cut}。")));
        assert!(flags(&found, Category::ProhibitedProduct), "{cut}: {found:?}");
        let found = lint(&linter, &Note::from_body(format!("{selling}{whole}。")));
        assert!(informs(&found, Category::ProhibitedProduct), "{whole}: {found:?}");
    }
}

/// A tag, or a hashtag in the body, that repeats a word the text uses innocently (来长沙就是为了
/// 恰饭: eating) is that word too; a tag whose word the text never uses, or flags, keeps its hit.
#[test]
fn a_tag_is_read_as_its_text_reads_it() {
    let linter = Linter::builtin();
    let meals = [
        "来长沙就是为了恰饭！",
        "下班了，和同事去恰饭",
        "晚上好好恰饭，别老吃外卖",
    ];
    for meal in meals {
        let with_hashtag = format!("{meal}\n口味虾真香\n#长沙美食 #恰饭");
        let note = Note::from_body(&with_hashtag).with_tags(["长沙美食", "恰饭"]);
        let found = lint(&linter, &note);
        assert!(!flags(&found, Category::Advertorial), "{with_hashtag}: {found:?}");
    }
    // the tag alone, or beside a paid post owned up to, keeps it
    let alone = Note::from_body("这款扫地机器人吸力很强，边角也扫得干净").with_tags(["恰饭"]);
    assert!(flags(&lint(&linter, &alone), Category::Advertorial));
    let paid = Note::from_body("本期恰饭，这款扫地机器人吸力很强\n#恰饭").with_tags(["恰饭"]);
    let found = lint(&linter, &paid);
    assert!(
        found.iter().filter(|v| v.category == Category::Advertorial).count() >= 2,
        "{found:?}"
    );
}

/// An illness named only to say who should try the thing (家里有病人的可以试试) addresses readers:
/// the effect claimed in that sentence counts. A doctor in the sentence keeps it advice.
#[test]
fn the_sick_told_to_try_it_are_readers_recommended() {
    let linter = Linter::builtin();
    let effects = ["抗癌防癌", "能降血压", "降血糖"];
    let readers = ["家里有病人的可以试试", "身边有患者的可以试试看", "老人生病了可以考虑"];
    for effect in effects {
        for reader in readers {
            let body = format!("山里自家种的灵芝孢子粉，良心货。{effect}，{reader}");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(claims(&found), "{body}: {found:?}");
        }
        let advice = format!("我爸住院了，{effect}的事医生说要规范治疗，家里有病人的可以试试多问医生");
        let found = lint(&linter, &Note::from_body(&advice));
        assert!(!claims(&found), "{advice}: {found:?}");
    }
}

/// In a warning note, a channel followed by the writer's own name to look up there (小绿软件搜一搜
/// 「…」, 某鱼：handle) is the writer's contact; the same said of a scammer is what happened.
#[test]
fn a_warning_note_keeps_a_channel_with_the_writers_name_to_find() {
    let linter = Linter::builtin();
    let frames = ["装修避坑清单整理好了，模板在{}", "踩雷无数总结的避雷指南，完整版在{}"];
    let named = ["小绿软件搜一搜「避坑小站」", "小绿软件：bikeng_2024"];
    for (name, body, found) in fill_frames(&linter, &frames, &named) {
        assert!(flags(&found, Category::OffPlatform), "{body}: {found:?}");
        let reported = format!("差点被骗，骗子让我去{name}，千万别信");
        let found = lint(&linter, &Note::from_body(&reported));
        assert!(informs(&found, Category::OffPlatform), "{reported}: {found:?}");
    }
}

#[test]
fn an_old_belief_the_note_overturns_is_no_warning() {
    // 以前觉得…是智商税，用了…: the warning word is the belief the writer held before
    let linter = Linter::builtin();
    for marker in ["以前觉得", "原以为", "一直以为", "本来觉得"] {
        for (object, warning) in [("扫地机", "是智商税"), ("这种网红款", "会翻车"), ("国货", "肯定踩雷")]
        {
            let body = format!("{marker}{object}{warning}，用了一个月。这款是我用过最好用的");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(claims(&found), "{body}: {found:?}");
        }
    }
    // said as the writer's verdict, it still warns (a praise in the writer's own voice after
    // it is the writer's pick: a_warning_notes_own_pick_is_claimed)
    let body = "扫地机是智商税，用了一个月。这款最好用的说法是商家吹出来的";
    assert!(!claims(&lint(&linter, &Note::from_body(body))), "{body}");
}

/// A countdown (`A406`) is a sales call only where something is sold: every countdown in
/// every frame of an exam, a trip, an exhibition or a game is information; the same countdown
/// beside a product, a price or a shopping festival warns, and in a note that sells a product
/// it warns whatever its own sentence names.
#[test]
fn a_countdown_sells_only_where_something_is_sold() {
    let linter = Linter::builtin();
    let countdowns = ["最后3小时", "只剩最后两天", "最后2h", "错过再等一年", "限时抢购"];
    let told = [
        "展期{}，请了半天假去看壁画",
        "游戏的限定活动{}，我还差两个成就",
        "旅行{}，坐在海边发呆",
        "离期末{}，图书馆座无虚席",
    ];
    let selling = [
        "这款面霜{}",
        "{}，双11尾款记得付",
        "{}，到手价59",
        // a note that sells a product: the countdown in a sentence of its own still warns
        "这款精华液我回购了三瓶，推荐给干皮姐妹，质地很好吸收\n{}！",
    ];
    let expected: [(&[&str], Holds); 2] = [(&told, informs), (&selling, flags)];
    for c in countdowns {
        for (frames, holds) in expected {
            for frame in frames {
                let body = frame.replace("{}", c);
                let found = lint(&linter, &Note::from_body(&body));
                assert!(holds(&found, Category::Advertorial), "{body}: {found:?}");
            }
        }
    }
}

/// A word with an everyday sense (恰饭: a meal, or a paid post) is that sense in a note that
/// promotes nothing, and a sponsorship cue in one that reviews or sells: every eater and every
/// meal frame crossed, against every promoting frame.
#[test]
fn an_everyday_word_is_its_everyday_sense_where_nothing_is_promoted() {
    let linter = Linter::builtin();
    let eaters = ["我家胖橘", "隔壁的小狗", "一岁的崽", "室友", "爷爷"];
    let meals = [
        "每天最开心的就是看{}恰饭",
        "{}今天恰饭特别香",
        "周末的快乐：和{}一起恰饭",
    ];
    for (_, body, found) in fill_frames(&linter, &meals, &eaters) {
        assert!(informs(&found, Category::Advertorial), "{body}: {found:?}");
        assert!(
            found
                .iter()
                .filter(|v| v.category == Category::Advertorial)
                .all(|v| v.why == Some(Why::Everyday)),
            "{body}: {found:?}"
        );
    }
    // ...and the paid sense where the note reviews or sells something
    let paid = [
        "这篇恰饭，但这款面霜我真的回购了三瓶，推荐",
        "恰饭！这款防晒到手价59，姐妹们冲",
        "恰饭笔记：这支口红的质地很好，推荐黄皮",
    ];
    for body in paid {
        let found = lint(&linter, &Note::from_body(body));
        assert!(flags(&found, Category::Advertorial), "{body}: {found:?}");
    }
}

/// A reader urged to buy (an adverb of haste or trust before a verb of buying) in a note that
/// sells nothing itself is a reviewer's enthusiasm, reported at info with its reason; beside
/// anything that sells (a coupon, a price's mechanics, a link, a cart, a contact) the same
/// words are the sale's call. Every urging crossed with every recommending frame and every
/// selling one.
#[test]
fn a_reader_urged_to_buy_is_a_sale_only_where_something_is_sold() {
    let linter = Linter::builtin();
    let urgings = [
        "快去买",
        "赶紧囤起来",
        "姐妹们快冲",
        "直接下单",
        "赶紧入手",
        "闭眼下单",
        "速度冲",
        "快去买吧",
    ];
    let recommending = [
        "这款青梅酒冰镇后酸酸甜甜，周末追剧来一杯，{}",
        "这支防晒清爽不搓泥，油皮夏天的救星，{}",
        "用了半年头顶密了好多，网上药店就能买，{}",
    ];
    for (_, body, found) in fill_frames(&linter, &recommending, &urgings) {
        let urged = of(&found, Category::Advertorial);
        assert!(!urged.is_empty(), "{body}: nothing found");
        assert!(
            urged
                .iter()
                .all(|v| v.severity == Severity::Info && v.why == Some(Why::Urged)),
            "{body}: {found:?}"
        );
    }
    let selling = [
        "这款青梅酒领券后到手价59，{}",
        "这支防晒点左下角小黄车，{}",
        "这款面膜今天拍下立减二十，{}",
        "这款猫粮想要的加我vx：mao_food88，{}",
    ];
    for (urging, body, found) in fill_frames(&linter, &selling, &urgings) {
        let words = urging.trim_start_matches("姐妹们");
        assert!(
            raised(&found, Category::Advertorial)
                .iter()
                .any(|v| words.contains(v.matched.as_str()) || v.matched.contains(words)),
            "{body}: {found:?}"
        );
    }
    // a declared sponsored note is the brand's, and says so: the call is judged as it stands
    let note = Note::from_body("这款青梅酒冰镇后酸酸甜甜，快去买").sponsored(true);
    assert!(lint(&linter, &note).iter().all(|v| v.why != Some(Why::Urged)));
}

/// A sale told but nobody called to it (清仓, 先到先得) is a seller's plain word alone in a
/// note, even beside the seller's contact, and counts beside a hard sell: every sale word
/// crossed with frames of each kind.
#[test]
fn a_sale_told_counts_only_beside_a_hard_sell() {
    let linter = Linter::builtin();
    let told = ["清仓", "先到先得", "秒杀", "秒杀价"];
    let alone = [
        "多肉大棚{}，桃美人五块一颗，小苗老桩都有",
        "宝宝衣服{}，九成新，同城自提",
        "这批纯棉T恤{}，39一件，想要的加我微信 tong_zhuang88",
    ];
    for (_, body, found) in fill_frames(&linter, &alone, &told) {
        let sale = of(&found, Category::Advertorial);
        assert!(!sale.is_empty(), "{body}: nothing found");
        // (lowered as alone, or before that for want of a product in its sentence)
        assert!(sale.iter().all(|v| v.severity == Severity::Info), "{body}: {found:?}");
        if body.contains("微信") {
            assert!(sale.iter().all(|v| v.why == Some(Why::Alone)), "{body}: {found:?}");
        }
    }
    // (and a flash sale told in a game or a review's past is no sale either)
    for body in ["今晚用貂蝉一套秒杀对面，上分太爽了", "上次秒杀的时候买的，第二天就到了"]
    {
        let found = lint(&linter, &Note::from_body(body));
        assert!(!flags(&found, Category::Advertorial), "{body}: {found:?}");
    }
    let beside = [
        "多肉大棚{}，拍下立减十元",
        "童装{}，点左下角小黄车",
        "围巾{}，领券后到手价59",
    ];
    for (word, body, found) in fill_frames(&linter, &beside, &told) {
        assert!(
            raised(&found, Category::Advertorial).iter().any(|v| v.matched == word),
            "{body}: {found:?}"
        );
    }
    // the link to an item named tells where it is sold: beside a redirect alone the redirect is
    // the violation, beside a hard sell it counts
    let links = ["同款链接", "商品链接", "购买链接"];
    let pointed = ["很多姐妹问，{}我放主页简介了", "好多人私信要{}，在我主页简介里"];
    for (_, body, found) in fill_frames(&linter, &pointed, &links) {
        assert!(flags(&found, Category::OffPlatform), "{body}: {found:?}");
        assert!(informs(&found, Category::Advertorial), "{body}: {found:?}");
    }
    let sold = ["{}在这，今天拍下立减二十", "{}在这，领券后到手价59"];
    for (word, body, found) in fill_frames(&linter, &sold, &links) {
        assert!(
            raised(&found, Category::Advertorial)
                .iter()
                .any(|v| v.matched.contains(word)),
            "{body}: {found:?}"
        );
    }
}

/// A tag names a kind of goods by its head (#电竞椅, #驱蚊液, #除螨仪): in a note that also
/// recommends or names something sold, a claim anywhere is the review's; a tag headed so that
/// names no goods (#红绿灯, #同桌, #跳伞) says nothing, and a tagged note that recommends nothing
/// stays a diary.
#[test]
fn a_tag_headed_by_a_kind_of_goods_makes_a_review_about_it() {
    let linter = Linter::builtin();
    let goods = ["电竞椅", "驱蚊液", "除螨仪", "暴汗服", "通勤包", "冲锋衣"];
    let not_goods = ["红绿灯", "同桌", "跳伞", "世界杯", "国服"];
    // a claim with no product in its sentence, and a recommending word elsewhere
    let body = "入手两个月了\n这是我心里的No.1";
    for tag in goods {
        let note = Note::from_body(body).with_tags([tag]);
        let found = lint(&linter, &note);
        assert!(claims(&found), "#{tag}: {found:?}");
    }
    for tag in not_goods {
        let note = Note::from_body(body).with_tags([tag]);
        let found = lint(&linter, &note);
        assert!(!claims(&found), "#{tag}: {found:?}");
    }
    // a diary tagged with a thing: nothing recommended, nothing sold named
    for tag in goods {
        let note = Note::from_body("今天下雨，在家发呆\n这是我心里的No.1").with_tags([tag]);
        let found = lint(&linter, &note);
        assert!(!claims(&found), "#{tag}: {found:?}");
    }
}

/// A thing held up with a demonstrative and its kind (这个瘦腿霜, 这款按摩仪) is the product a
/// claim is said of: in the claim's own sentence, or in the line before a claim that opens its
/// line. A demonstrative before no kind of goods (这个月, 这个机会) or before a word the kind's
/// last character begins (这个机会: 机会) holds up nothing.
#[test]
fn a_claim_is_said_of_a_thing_held_up() {
    let linter = Linter::builtin();
    let kinds = ["这个瘦腿霜", "这款按摩仪", "这盒泡脚包", "这支紧致膏", "这套瘦身贴"];
    let frames = ["每晚睡前用{}\n7天瘦10斤，腿围小了", "用了{}7天瘦10斤"];
    // (the engine of session 22's start lowered every one of these: no product in its sentence)
    for (kind, body, found) in fill_frames(&linter, &frames, &kinds) {
        assert!(claims(&found), "{kind}: {body}: {found:?}");
    }
    // a demonstrative before no kind of goods holds up nothing
    let quiet = ["这个月", "这个机会", "这个体贴的人", "这件事", "这条路"];
    let frames = ["{}太难了\n7天瘦10斤，累的", "{}真好，7天瘦10斤"];
    for (word, body, found) in fill_frames(&linter, &frames, &quiet) {
        assert!(!claims(&found), "{word}: {body}: {found:?}");
    }
    // a claim a few words into its line is the line above's result, unless someone is said to
    // say it (the engine of session 23's start lowered the first: more than two characters
    // before the claim)
    for lead in ["坚持一个月", "三个月下来孩子", "我和老公都"] {
        let body = format!("每晚睡前用这个瘦腿霜\n{lead}7天瘦10斤");
        let found = lint(&linter, &Note::from_body(&body));
        assert!(claims(&found), "{body}: {found:?}");
    }
    // (someone else's word in a note that holds up nothing is hers; in a note that holds up a
    // product it is that product's testimonial: the note reviews it)
    let found = lint(&linter, &Note::from_body("周末回家吃饭\n我妈说她7天瘦10斤"));
    assert!(!claims(&found), "{found:?}");
    let found = lint(&linter, &Note::from_body("每晚睡前用这个瘦腿霜\n我妈说她7天瘦10斤"));
    assert!(claims(&found), "{found:?}");
}

/// A note that holds up a thing with a demonstrative anywhere (这个喷雾, 这款面霜) reviews it:
/// its claims count wherever they stand, as in a note that names a product in its title.
/// (The engine of session 23's end lowered each of these: no product in the claim's sentence,
/// nor a held-up one right above it.)
#[test]
fn a_note_that_holds_up_a_thing_reviews_it() {
    let linter = Linter::builtin();
    let kinds = ["这个喷雾", "这台按摩仪", "这个泡脚包", "这个眼罩", "这罐足浴粉"];
    let frames = [
        "每天睡前拿{}用一用\n坚持了半个月\n说真的百分百有效",
        "每天睡前拿{}用一用\n坚持了半个月\n我和闺蜜都7天瘦10斤",
    ];
    for (kind, body, found) in fill_frames(&linter, &frames, &kinds) {
        assert!(claims(&found), "{kind}: {body}: {found:?}");
    }
    // a demonstrative before no kind of goods holds up nothing: the diary stays a diary
    let quiet = ["这个周末", "这个城市", "这件事"];
    let frames = [
        "{}我想了很久\n早晚各跑一次步\n朋友也在跑\n说真的百分百有效",
        "{}过得很充实\n每天都在爬山\n7天瘦10斤不是梦",
    ];
    for (word, body, found) in fill_frames(&linter, &frames, &quiet) {
        assert!(!claims(&found), "{word}: {body}: {found:?}");
    }
}

#[test]
fn a_thing_recommended_in_its_own_sentence_counts_under_a_warning_hook() {
    // a hook that warns (避坑, 戒烟打卡, 别乱买) over a sentence that calls readers to take the
    // thing up: that sentence recommends it; the same sentence with a warning in it does not
    let linter = Linter::builtin();
    let hooks = ["装修避坑第三弹", "戒烟打卡第20天，真的不容易", "别乱买了，踩雷太多次"];
    let picks = [
        (
            "换成雾化杆以后轻松多了，想戒的兄弟可以试试",
            Category::ProhibitedProduct,
        ),
        ("这瓶精华敏感肌首选，强烈推荐", Category::BannedWord),
        ("高仿包做工一流，闭眼入", Category::ProhibitedProduct),
    ];
    for hook in hooks {
        for (pick, category) in picks {
            let body = format!("{hook}\n{pick}");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(flags(&found, category), "{body}: {found:?}");
            // ...and the old engine's reading: under the hook alone, the wall below stays quiet
            let warned = format!("{hook}\n有人说{pick}，千万别信");
            let found = lint(&linter, &Note::from_body(&warned));
            assert!(informs(&found, category), "{warned}: {found:?}");
        }
    }
}

/// Ways of talking about words: a list of quoted words, or one after words about words.
const WORD_TALK_FRAMES: &[&str] = &[
    "给新人博主的建议：笔记里不要写{}“好用”这类词",
    "整理了一份违禁词：{}、“闭眼入”，发笔记前自查",
    "化妆品禁用{}这种说法，平台会限流",
    "极限词比如{}，哪怕是真心话也别写",
    // (or words after it that call it a word: “药妆”只是营销词, “根治”这个说法)
    "皮肤科医生说{}只是营销词，别被带节奏",
    "博主们总爱用{}这个说法，其实没有依据",
];

/// Words of every category, each as a reviewer would quote it.
const QUOTED_WORDS: &[(&str, Category)] = &[
    ("最好", Category::BannedWord),
    ("全网第一", Category::BannedWord),
    ("根治", Category::BannedWord),
    ("药妆", Category::BannedWord),
    ("无效退款", Category::BannedWord),
    ("秒杀", Category::Advertorial),
    ("恰饭", Category::Advertorial),
    ("加微信", Category::OffPlatform),
];

#[test]
fn a_word_quoted_as_a_word_is_talked_about_not_used() {
    let linter = Linter::builtin();
    for frame in WORD_TALK_FRAMES {
        for &(word, category) in QUOTED_WORDS {
            for (open, close) in [("“", "”"), ("「", "」"), ("\"", "\"")] {
                let body = frame.replace("{}", &format!("{open}{word}{close}"));
                let found = lint(&linter, &Note::from_body(&body));
                assert!(
                    !flags(&found, category),
                    "{body}: a quoted word counts: {:?}",
                    raised(&found, category)
                );
            }
        }
    }
    // ...but a quoted word used in its sentence, or a word beside the quoted one, still counts
    for body in [
        "广告法不让说“最好”，但这款面霜真的是最好用的",
        "闺蜜说“这是全网第一的面霜”，我回购了三次",
        "这款精华号称“最好”，用了一个月确实是最好用的",
    ] {
        let found = lint(&linter, &Note::from_body(body));
        assert!(
            flags(&found, Category::BannedWord),
            "{body}: the claim was lost: {found:?}"
        );
    }
}

/// A treatment told as a doctor's advice, in simplified or traditional characters, and a drink
/// in the title of a note whose writer does not drink, are information; the same words selling
/// still count.
#[test]
fn doctors_advice_and_a_writer_who_does_not_drink_are_information() {
    let linter = Linter::builtin();
    for body in [
        "湿疹发作去看皮肤科，医生说要用药膏治疗两周",
        "濕疹發作去看皮膚科，醫生說要用藥膏治療兩週",
        "去看了身心科，医生很温柔，开了短期安眠药",
    ] {
        let found = lint(&linter, &Note::from_body(body));
        for category in [Category::BannedWord, Category::ProhibitedProduct] {
            assert!(!flags(&found, category), "{body}: {:?}", raised(&found, category));
        }
    }
    for (title, body) in [
        (
            "慕尼黑啤酒节初体验",
            "第一次去啤酒节，我不太会喝酒，点了苹果汽水\n帐篷里大家一起唱歌",
        ),
        (
            "28岁生日的一杯梅酒",
            "一个人过生日，买了蛋糕，我平时滴酒不沾，今天倒了一小杯梅酒",
        ),
        (
            "香槟这个名字的由来",
            "冷知识：只有法国香槟区产的起泡酒才能叫香槟\n别的地方的只能叫起泡酒",
        ),
        (
            "京都的一顿怀石料理",
            "晚饭是怀石料理，服务员推荐了当地的清酒，我喝了一小杯脸就红了",
        ),
    ] {
        let found = lint(&linter, &Note::from_body(body).with_title(title));
        assert!(
            !flags(&found, Category::ProhibitedProduct),
            "{title} / {body}: {:?}",
            raised(&found, Category::ProhibitedProduct)
        );
    }
    for body in [
        "医生说这个药膏能根治湿疹，姐妹们冲",
        "后来在网路上买柔沛，一天一颗，吃了半年发际线长回来\n比去医院挂号方便很多",
    ] {
        let found = lint(&linter, &Note::from_body(body));
        assert!(
            flags(&found, Category::BannedWord) || flags(&found, Category::ProhibitedProduct),
            "{body}: the claim was lost: {found:?}"
        );
    }
}

/// A review written in Cantonese says its recommending and selling words the Cantonese way
/// (好食, 呢款, 必饮, 唔系智商税): the claim beside them counts as it does beside 好吃 or 这款,
/// and the same sentence in a diary stays a diary.
#[test]
fn a_review_in_written_cantonese_is_read_in_its_own_words() {
    let linter = Linter::builtin();
    let reviews = [
        "呢間嘅菠蘿包係全城最好食嘅",
        "呢款潤唇膏我覺得係最好嘅",
        "嗰間嘅奶茶必飲，係全區第一",
        "呢支精華真係唔係智商稅，頂級",
    ];
    for body in reviews {
        let found = lint(&linter, &Note::from_body(body));
        assert!(claims(&found), "{body}: {found:?}");
    }
    for body in ["今日落雨，喺屋企發呆，最好嘅朋友打電話嚟", "呢排好攰，第一次咁早瞓"] {
        let found = lint(&linter, &Note::from_body(body));
        assert!(!claims(&found), "{body}: {found:?}");
    }
}

/// A warning that quotes a disguised name in quotation marks quotes how the thing was sold:
/// the name is information, as a plain one would be; unquoted, the disguise is the writer's.
#[test]
fn a_disguise_quoted_in_a_warning_is_the_sellers_word() {
    let linter = Linter::builtin();
    let quoted = "药师提醒：网上那种号称吃了就睡的“安mian药”千万别买，来源不明，吃出问题没人负责";
    let found = lint(&linter, &Note::from_body(quoted));
    assert!(!flags(&found, Category::ProhibitedProduct), "{quoted}: {found:?}");
    let own = "失眠好久了，安mian药找我拿，可以试试";
    let found = lint(&linter, &Note::from_body(own));
    assert!(flags(&found, Category::ProhibitedProduct), "{own}: {found:?}");
}

/// A claim lowered for its own sentence (no product there) counts in a note that stands by
/// another claim at warning or above: the note makes claims, and this is one of them
/// ([`Why::Kindred`]). Beside a violation of another category only (a contact), or with
/// nothing beside it, it stays at info; a bare medical word of an illness told stays the
/// story's. Every lowered sentence crossed with every companion.
#[test]
fn a_claim_beside_another_of_its_kind_counts() {
    let linter = Linter::builtin();
    let lowered = ["我们村是整个镇上唯一能看到银河的地方", "老板说他家是全城第一家做这个的"];
    let claims_beside = ["春天来赏樱是醉佳的选择", "这里的日落是全城zui美的"];
    let other_beside = ["想要的加vx：abc12345"];
    for sentence in lowered {
        let alone = lint(&linter, &Note::from_body(sentence));
        assert!(
            !claims(&alone) && informs(&alone, Category::BannedWord),
            "{sentence}: {alone:?}"
        );
        for companion in claims_beside {
            let body = format!("{sentence}。{companion}");
            let found = lint(&linter, &Note::from_body(&body));
            let kindred: Vec<_> = of(&found, Category::BannedWord)
                .into_iter()
                .filter(|v| v.why == Some(Why::Kindred))
                .collect();
            assert!(
                !kindred.is_empty() && kindred.iter().all(|v| v.severity >= Severity::Warning),
                "{body}: {found:?}"
            );
        }
        for companion in other_beside {
            let body = format!("{sentence}，{companion}");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(flags(&found, Category::OffPlatform), "{body}: {found:?}");
            assert!(!claims(&found), "{body}: {found:?}");
        }
    }
    // an illness told beside a claim stays the story's
    let body = "孩子住院治疗了一周。用下来zui好用的就是它";
    let found = lint(&linter, &Note::from_body(body));
    assert!(
        of(&found, Category::BannedWord)
            .iter()
            .all(|v| !v.matched.contains("治疗") || v.severity == Severity::Info),
        "{body}: {found:?}"
    );
}

/// A prescription drug its sentence lowered (an illness told, nothing recommended) counts in
/// a note that gives its own contact at warning or above: the drug is sold through it
/// (`sold_by_contact`). Alone, or beside an app named in passing (at info), it stays at info.
/// Every lowered sentence crossed with every contact.
#[test]
fn a_drug_beside_the_notes_own_contact_is_sold() {
    let linter = Linter::builtin();
    let lowered = ["我爸失眠好几年，医生开了艾司唑仑", "脱发去了医院，医生开了非那雄胺"];
    let contacts = ["需要的加v：sleep2046", "有渠道，私我看主页"];
    for sentence in lowered {
        let alone = lint(&linter, &Note::from_body(sentence));
        assert!(!flags(&alone, Category::ProhibitedProduct), "{sentence}: {alone:?}");
        let passing = format!("{sentence}，复诊用微信挂号很方便");
        let found = lint(&linter, &Note::from_body(&passing));
        assert!(!flags(&found, Category::ProhibitedProduct), "{passing}: {found:?}");
        for contact in contacts {
            let body = format!("{sentence}。{contact}");
            let found = lint(&linter, &Note::from_body(&body));
            assert!(flags(&found, Category::OffPlatform), "{body}: {found:?}");
            let sold: Vec<_> = of(&found, Category::ProhibitedProduct)
                .into_iter()
                .filter(|v| v.why == Some(Why::Kindred) && v.severity >= Severity::Warning)
                .collect();
            assert!(!sold.is_empty(), "{body}: {found:?}");
        }
    }
}

/// A warning word before a chance to miss urges (千万别错过, 别再犹豫): the note recommends,
/// and its claims count; the same warning word before a harm keeps the note a warning.
#[test]
fn a_warning_word_before_a_chance_to_miss_urges() {
    let linter = Linter::builtin();
    for urge in ["千万别错过", "别再犹豫了", "千万不要错过"] {
        let body = format!("这款祛斑霜用了一个月，坚持用能根治黄褐斑！有斑的姐妹{urge}");
        let found = lint(&linter, &Note::from_body(&body));
        assert!(claims(&found), "{body}: {found:?}");
    }
    let body = "有人说这款祛斑霜能根治黄褐斑，千万别信，去皮肤科看医生";
    let found = lint(&linter, &Note::from_body(body));
    assert!(!claims(&found), "{body}: {found:?}");
}

/// A product's two-character name by its two initials (yk 悦刻, gf 高仿, rd 肉毒) is marked in
/// a note that stands by the same rule at warning or above, each place the writer names it;
/// the same letters in a note not flagged for the rule (a girlfriend, a personal trainer, a
/// brand's initials) stay quiet, so no note is flagged for them.
#[test]
fn two_initials_name_the_thing_a_note_stands_by() {
    let linter = Linter::builtin();
    for (body, pair, term) in [
        ("戒纸烟换了电子烟，身上没味了。最近在用yk，续航还行", "yk", "悦刻"),
        ("高仿老花包到了，这只gf的五金很重", "gf", "高仿"),
        ("瘦肩针打了两次，RD 50u 效果很明显", "RD", "肉毒"),
    ] {
        let found = lint(&linter, &Note::from_body(body));
        let marked = of(&found, Category::ProhibitedProduct).into_iter().any(|v| {
            v.matched == pair && v.reading.as_ref().is_some_and(|r| r.term == term) && v.severity >= Severity::Warning
        });
        assert!(marked, "{body}: {found:?}");
    }
    for quiet in [
        "周末和gf去看了展，拍照很出片",
        "健身房的pt今天教了硬拉，腰不酸了",
        "YK家的新款连衣裙到了，面料舒服",
        "rd部门今天团建，吃了火锅",
    ] {
        let found = lint(&linter, &Note::from_body(quiet));
        assert!(!flags(&found, Category::ProhibitedProduct), "{quiet}: {found:?}");
    }
}
