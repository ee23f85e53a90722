//! Generated: constructions, not sentences. Each rule below is a shape (a verb, what may stand
//! between, what it acts on), and its parts are crossed so that every combination is checked,
//! with a quiet wall beside it: the same words in narration, idioms and ordinary talk. Written
//! for this project from the constructions' own parts (not taken from any evaluation set).

use redlint::{Category, Linter, Note, Severity, Violation};

fn found(linter: &Linter, text: &str) -> Vec<Violation> {
    linter
        .lint(&Note::from_body(text))
        .into_iter()
        .filter(|v| v.severity >= Severity::Warning && v.category != Category::Format)
        .collect()
}

/// Every combination of `parts` joined, with `frame` around it (`{}` marks the place).
fn cross(parts: &[&[&str]]) -> Vec<String> {
    parts.iter().fold(vec![String::new()], |acc, options| {
        acc.iter()
            .flat_map(|a| options.iter().map(move |o| format!("{a}{o}")))
            .collect()
    })
}

fn assert_flags(linter: &Linter, frame: &str, parts: &[&[&str]], category: Category) {
    let texts = cross(parts);
    assert!(texts.len() >= 8, "{} combinations", texts.len());
    for t in texts {
        let text = frame.replace("{}", &t);
        let got = found(linter, &text);
        assert!(
            got.iter()
                .any(|v| v.category == category && (v.matched.contains(t.trim()) || t.contains(&v.matched))),
            "{category:?} not raised over {t:?} in {text:?}: {got:?}"
        );
    }
}

fn assert_quiet(linter: &Linter, wall: &[&str], category: Category) {
    for text in wall {
        let got: Vec<Violation> = found(linter, text)
            .into_iter()
            .filter(|v| v.category == category)
            .collect();
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
}

#[test]
fn injected_with_aspect_and_count_between_verb_and_product() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "上个月{}，现在状态还不错",
        &[
            &["打", "注射", "扎"],
            &["了", "过", "完"],
            &["", "一次", "两针", "3次"],
            &["水光", "玻尿酸", "肉毒", "溶脂针", "童颜针"],
        ],
        Category::ProhibitedProduct,
    );
    assert_quiet(
        &linter,
        &[
            "打了一次羽毛球",
            "注射了两次疫苗",
            "扎了个马尾",
            "这瓶玻尿酸精华很补水",
            "打完水光肌的底妆",
        ],
        Category::ProhibitedProduct,
    );
}

#[test]
fn an_urgency_adverb_before_a_buying_verb_and_the_writers_own_purchase() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这个价格真的香，{}！",
        &[
            &["速速", "赶快", "抓紧", "快快", "立刻"],
            &["下单", "入手", "囤货", "拍下"],
        ],
        Category::Advertorial,
    );
    // told of the writer's own purchase, or an everyday act
    assert_quiet(
        &linter,
        &[
            "看到活动我就立刻下单了",
            "我也赶快入手了一套",
            "于是马上下单，第二天就到了",
            "马上拍照片发给妈妈",
            "赶快上车，要开了",
            "立刻冲了个澡",
        ],
        Category::Advertorial,
    );
}

#[test]
fn money_back_when_the_effect_fails() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这款茶{}，放心喝",
        &[
            &["不", "没"],
            &["瘦", "白", "见效", "长高"],
            &["包退", "退款", "全额退", "退钱"],
        ],
        Category::BannedWord,
    );
    assert_quiet(
        &linter,
        &["不满意的话可以退款", "衣服不合身退款了", "没收到货申请退款"],
        Category::BannedWord,
    );
}

#[test]
fn a_contact_said_to_be_in_a_picture() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "闲置转让，{}，同城自提",
        &[
            &["联系方式", "微信", "vx", "进群方式", "二维码"],
            &["见", "在", "放在"],
            &["图4", "第三张", "最后一张", "图片右下角"],
        ],
        Category::OffPlatform,
    );
    assert_quiet(
        &linter,
        &["效果见图4", "成分表在最后一张", "价格见第三张图", "路线图在图片右下角"],
        Category::OffPlatform,
    );
}

#[test]
fn a_copy_said_to_pass_for_the_original() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这只包{}，背出去没人知道",
        &[
            &["专柜", "柜台", "鉴定"],
            &["", "都", "根本"],
            &["验不出来", "看不出", "查不出真假"],
        ],
        Category::ProhibitedProduct,
    );
    assert_flags(
        &linter,
        "这双鞋{}，做工扎实",
        &[
            &["和", "跟"],
            &["正品", "原版", "专柜款"],
            &["放一起分不出", "对比看不出区别", "无差别"],
        ],
        Category::ProhibitedProduct,
    );
    assert_quiet(
        &linter,
        &[
            "是正品，实物跟图一模一样",
            "正版书和盗版一眼就看得出",
            "这蛋糕做得和真的一模一样",
            "鉴定结果出来了，是正品",
        ],
        Category::ProhibitedProduct,
    );
}

#[test]
fn a_drug_by_its_short_name_after_taking_or_buying_it() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "最近{}，感觉有用",
        &[&["每天", "每晚", "开了", "吃了"], &["非那", "右佐", "唑吡", "替尔泊"]],
        Category::ProhibitedProduct,
    );
    assert_quiet(
        &linter,
        &["并非那么简单", "这家店并非那么好吃", "每天非那么忙不可"],
        Category::ProhibitedProduct,
    );
}

#[test]
fn initials_before_a_head_and_platforms_by_nickname() {
    let linter = Linter::builtin();
    for (text, category) in [
        ("上周去补了sg针", Category::ProhibitedProduct),
        ("下巴打rz针", Category::ProhibitedProduct),
        ("详细攻略在我的公主号「小鹿旅行」", Category::OffPlatform),
        ("挂在海鲜市场了，搜同名就有", Category::OffPlatform),
    ] {
        assert!(
            found(&linter, text).iter().any(|v| v.category == category),
            "{text}: {:?}",
            found(&linter, text)
        );
    }
    assert_quiet(
        &linter,
        &["等钻石公主号靠岸", "京东“次日达”就是个笑话", "这把是ss级武器"],
        Category::OffPlatform,
    );
}

#[test]
fn sponsorship_by_tag_letter_and_sender() {
    let linter = Linter::builtin();
    for text in [
        "#gifted 这支口红很显白",
        "谢谢B家爸爸让我提前穿上新款",
        "甲方爸爸寄来的新品，先说优点",
        "置换来的香薰机，用着不错",
    ] {
        assert!(
            found(&linter, text).iter().any(|v| v.category == Category::Advertorial),
            "{text}: {:?}",
            found(&linter, text)
        );
    }
    assert_quiet(
        &linter,
        &[
            "爸爸寄来的包裹里是家里种的橘子",
            "宝宝自己恰饭了，吃得满脸都是",
            "老公就是我的金主爸爸哈哈",
            "not sponsored，全部自费",
        ],
        Category::Advertorial,
    );
}

#[test]
fn a_warning_word_denied_is_praise_not_a_warning() {
    let linter = Linter::builtin();
    let claims = ["是我用过最好用的", "最显白的一支", "效果第一名"];
    for denied in ["不翻车", "零踩雷", "没踩坑", "不是智商税"] {
        for claim in claims {
            let text = format!("这款真的{denied}，{claim}");
            let got = found(&linter, &text);
            assert!(
                got.iter().any(|v| v.category == Category::BannedWord),
                "{text:?}: the claim was lowered as if the note warned: {got:?}"
            );
        }
    }
    // the warning words themselves still warn
    for text in ["避雷！这款说是最好用的，千万别买", "踩雷了，号称第一名的面霜烂脸"] {
        let got = found(&linter, text);
        assert!(
            got.iter().all(|v| v.category != Category::BannedWord),
            "{text:?}: {got:?}"
        );
    }
}

#[test]
fn a_contact_label_set_off_from_its_handle_by_a_symbol() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "定制请{}，三天发货",
        &[
            &["v", "V", "vx", "wx"],
            &["❤", "☆", "💗", "✨"],
            &[" ", ""],
            &["mia_2024", "beadshop", "abc12345"],
        ],
        Category::OffPlatform,
    );
    assert_quiet(
        &linter,
        &["V❤ love you", "穿了件v❤领的毛衣", "v❤ 好看"],
        Category::OffPlatform,
    );
}
