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

/// The first violation of `category` found in `text` (at warning or above).
fn first_of(linter: &Linter, text: &str, category: Category) -> Violation {
    found(linter, text)
        .into_iter()
        .find(|v| v.category == category)
        .unwrap_or_else(|| panic!("no {category:?} in {text:?}"))
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
        "领券后到手价99，{}！",
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

#[test]
fn a_house_beside_a_copys_grade_or_passing_for_the_original() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "新到的{}，实拍见图",
        &[
            &["卡地亚", "驴家", "D家", "梵克", "小香"],
            &["手镯", "老花包", ""],
            &["对版", "纯原", "一比一", "堪比正品", "认不出"],
        ],
        Category::ProhibitedProduct,
    );
    assert_flags(
        &linter,
        "{}，放心冲",
        &[
            &["柜台", "鉴定师", "正品"],
            &["都", "也", "放一起"],
            &["认不出", "验不出", "分辨不出来"],
        ],
        Category::ProhibitedProduct,
    );
    assert_quiet(
        &linter,
        &[
            "货不对版，申请退货",
            "卡地亚的手镯是老公送的结婚礼物",
            "欧米茄复刻了1957年的三杰，官方出品",
            "莆田的荔枝和卤面都好吃",
            "这家厂子的工人待遇很好",
            "我是莆田人，周末回家",
            "我家狗子一比一还原了表情包",
        ],
        Category::ProhibitedProduct,
    );
}

#[test]
fn injected_or_filled_with_a_dose_or_a_quote_between() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "前两天{}，消肿很快",
        &[
            &["打", "注射", "扎", "填"],
            &["了", ""],
            &["", "个", "1ml", "两支", "一点"],
            &["肉毒", "嗨体", "玻·尿·酸", "“玻玻”", "水光"],
        ],
        Category::ProhibitedProduct,
    );
    assert_quiet(
        &linter,
        &[
            "打了个电话给妈妈",
            "填了点资料就通过了",
            "这支玻尿酸面霜很保湿",
            "打完水光肌底妆好服帖",
        ],
        Category::ProhibitedProduct,
    );
}

#[test]
fn a_drug_by_its_short_name_taken_for_a_time_or_by_the_dose() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "{}，效果明显",
        &[
            &["吃了", "服了", "嗑了"],
            &["", "三个月", "两粒", "半片"],
            &["度他", "右佐", "舍曲林", "「米氮平」"],
        ],
        Category::ProhibitedProduct,
    );
    assert_quiet(
        &linter,
        &["吃了安定的日子才知道幸福", "并非那一年的事", "社会安定团结"],
        Category::ProhibitedProduct,
    );
}

#[test]
fn a_call_with_a_short_channel_name_and_no_handle() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "手绘头像可以定制，{}",
        &[
            &["加", "+", "戳"],
            &["", "我"],
            &["vx", "薇", "绿泡泡", "扣扣", "企鹅"],
            &["", "备注", "了解"],
        ],
        Category::OffPlatform,
    );
    assert_quiet(
        &linter,
        &[
            "周末去看企鹅馆",
            "薇薇安的新歌真好听",
            "小时候最爱吃QQ糖",
            "吹了一院子的泡泡",
        ],
        Category::OffPlatform,
    );
}

#[test]
fn a_phone_number_set_apart_with_mixed_separators() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "上门服务预约 {}",
        &[
            &["1 3 7", "137", "1 8 6"],
            &[" - ", "·", " "],
            &["0 0 0 1", "0001"],
            &[" - ", "·"],
            &["2 3 4 5", "2345"],
        ],
        Category::OffPlatform,
    );
    assert_quiet(
        &linter,
        &[
            "版本 1.61.62300400 已更新",
            "尺码 35 36 37 38 39 40 都有",
            "出货1.6-1.4-2000-500",
        ],
        Category::OffPlatform,
    );
}

#[test]
fn a_reward_for_buying_or_praising() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这款香薰蜡烛{}",
        &[
            &["拍下", "报名", "加购", "晒图", "付定金"],
            &["", "即", "再"],
            &["立减30", "送化妆包", "返5元", "享8折"],
        ],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &[
            "好评送上，店家服务很好",
            "下单赠品没收到，客服说补发",
            "下单送货很快，第二天就到",
        ],
        Category::Advertorial,
    );
}

#[test]
fn a_brand_sending_or_the_note_as_its_collaboration() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "{}，用了一周",
        &[
            &["品牌方", "官方", "甲方", "金主"],
            &["的运营", "", "的小姐姐"],
            &["送来", "寄", "投喂"],
        ],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "{}，说的都是真实感受",
        &[
            &["本期", "这篇", "这条"],
            &["是", ""],
            &["与", "跟", "和"],
            &["某护肤品牌", "小熊家", "官方"],
            &["的合作", "合作"],
        ],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "{}，但真的好用",
        &[&["恰", "小小恰"], &["个", "点", "一口", "了个"], &["饭", "🍚"]],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &[
            "爸爸送我的生日礼物",
            "店家送了一碟小菜",
            "和同事的合作很顺利",
            "下班去恰个饭",
            "宝宝自己恰了个饭",
            "没有广，纯自费",
        ],
        Category::Advertorial,
    );
}

#[test]
fn first_after_a_product_is_a_claim_even_before_a_space_a_motto_is_not() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "{} 真的值得",
        &[&["这款", "国货"], &["面霜", "吹风机", "跑鞋"], &["第一", "第1名"]],
        Category::BannedWord,
    );
    assert_quiet(
        &linter,
        &[
            "出门在外安全第一 大家注意",
            "做生意诚信第一，这家店老板人好",
            "感受：第一 位置好，第二 早餐丰富",
            "第一，房间太小；第二，隔音差",
            "他跑了第一 真厉害",
        ],
        Category::BannedWord,
    );
}

#[test]
fn buy_so_many_get_so_many_and_a_password_for_a_discount() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这款洗衣液{}，囤起来",
        &[
            &["拍", "买"],
            &["一", "2", "两"],
            &["发", "送", "赠"],
            &["二", "1", "三"],
        ],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "到店{}，周末也能用",
        &[
            &["报", "说"],
            &["暗号", "口令"],
            &["「小红薯」", ""],
            &["立减20", "送小菜", "打8折"],
        ],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &[
            "说好的送耳机没送",
            "买两份送朋友",
            "快递员说送货要等两天",
            "和朋友对暗号玩游戏",
        ],
        Category::Advertorial,
    );
}

#[test]
fn a_long_term_with_one_sound_alike_but_not_a_function_word() {
    let linter = Linter::builtin();
    for text in ["这款精华保正见效", "用了立杆见影"] {
        let got = found(&linter, text);
        assert!(
            got.iter().any(|v| v.category == Category::BannedWord),
            "{text:?}: {got:?}"
        );
    }
    assert_quiet(
        &linter,
        &["我说要去割个双眼皮，还在犹豫", "现在在也不用等了"],
        Category::ProhibitedProduct,
    );
}

#[test]
fn a_contact_put_in_a_place_of_the_profile_or_hung_on_another_platform() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "定制请看这里：{}",
        &[
            &["联系方式", "购买方式", "店名", "电话"],
            &["都", ""],
            &["在", "写在", "放"],
            &["昵称", "签名", "简介"],
        ],
        Category::OffPlatform,
    );
    assert_flags(
        &linter,
        "闲置的书{}",
        &[
            &["都挂", "挂在", "已经挂到"],
            &["小黄鱼", "闲鱼", "海鲜市场", "转转"],
            &["了", "，自取"],
        ],
        Category::OffPlatform,
    );
    assert_quiet(
        &linter,
        &[
            "色号放评论区了",
            "在微博上挂我几天",
            "把衣服挂在阳台",
            "海鲜市场里的皮皮虾很新鲜",
            "我的签名是一句诗",
        ],
        Category::OffPlatform,
    );
}

#[test]
fn a_guarantee_answered_by_a_refund_in_any_wording() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这套课程{}",
        &[
            &["保证", "保证你"],
            &["一个月", "三周"],
            &["瘦8斤", "长高3cm", "减10公斤"],
        ],
        Category::BannedWord,
    );
    assert_flags(
        &linter,
        "精华用了{}",
        &[
            &["不管用", "没效果", "瘦不下来", "反弹了"],
            &["", "就"],
            &["全额退", "包退", "学费全退"],
        ],
        Category::BannedWord,
    );
    assert_quiet(
        &linter,
        &[
            "保证睡眠充足很重要",
            "不过退房的时候前台很热情",
            "香港其实很方便，不过退税要排队",
        ],
        Category::BannedWord,
    );
}

#[test]
fn a_brand_thanked_for_its_support_but_not_a_shop_by_its_customer() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "{}，这次的新品也很好用",
        &[
            &["谢谢", "感谢"],
            &["小熊家", "某某家", "XX家"],
            &["一直以来的", "长期的", ""],
            &["支持", "宠爱"],
        ],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &[
            "妈妈说非常好，谢谢店家，会继续支持",
            "感谢您对本店的支持",
            "感谢大家的支持",
            "一本蕴含广博学问的书",
            "这次网上预定还送了早餐，很划算",
        ],
        Category::Advertorial,
    );
}

/// The trade's words for a paid post, plain or disguised as creators write them (initials,
/// one character by its initial, one spelled), in the shapes that admit one: a deal taken, the
/// note said to be one, a brand's deal, what the deals brought.
#[test]
fn a_paid_post_by_the_trades_words_in_any_disguise() {
    let linter = Linter::builtin();
    let words: &[&str] = &[
        "商单", "sd", "商d", "s单", "shang单", "hz", "h作", "合z", "tg", "推g", "z助", "qf", "sw",
    ];
    assert_flags(
        &linter,
        "小博主也有春天，{}，是一款保温杯",
        &[&["接到了", "接了个", "接到了人生第一个", "接到了小"], words],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "先说一句{}，但推荐是真心的",
        &[&["这条是", "这篇是", "本期是", "这篇算"], words],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "{}来了，跑鞋很轻",
        &[&["这次和运动品牌的", "和护肤品牌的", "跟官方的"], words],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &[
            "公司接了个合作项目，加班到很晚",
            "很多人问小博主怎么接商单，先把内容做垂直",
            "负责推广产品的工作，每天跑客户",
            "这条是广告吗？看着不像",
            "这个月的好物合集来啦",
            "童年的饮料广告合集，看哭了",
            "酒店与这家旅行社的合作不太顺",
            "作业写完了，hz说明天交",
            "sd卡坏了，照片全没了",
        ],
        Category::Advertorial,
    );
}

/// Goods counted as they are bought: a spirit's house by the bottle or the case, a cigarette
/// brand by the carton or the pack; the same names uncounted, or counted as something else,
/// are a place, a fish, a mural.
#[test]
fn spirits_and_cigarettes_counted_by_the_bottle_or_the_carton() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "过年{}送长辈有面子",
        &[
            &["囤了两瓶", "带了一箱", "备了3瓶", "入了两支"],
            &["飞天，", "茅台，", "五粮液，", "麦卡伦，", "国窖，"],
        ],
        Category::ProhibitedProduct,
    );
    assert_flags(
        &linter,
        "{}给老丈人拜年",
        &[
            &["备了两条", "买了一条", "送了三条软", "拿了两包"],
            &["华子，", "中华，", "玉溪，", "芙蓉王，", "黄鹤楼，"],
        ],
        Category::ProhibitedProduct,
    );
    assert_quiet(
        &linter,
        &[
            "纪录片里拍了两条中华鲟",
            "一包白沙糖做了蛋糕",
            "三瓶茅台镇的酱油",
            "敦煌的飞天壁画太美了",
            "两条南京路都逛了",
        ],
        Category::ProhibitedProduct,
    );
}

/// A product crowned on what it is sold on, and a discount for a word put in the order.
#[test]
fn a_crown_on_a_selling_point_and_a_discount_for_a_word_in_the_order() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这支真的是{}，冲",
        &[
            &["性价比", "持妆", "国货", "续航", "平价"],
            &["之王", "之神", "界的天花板", "中的王者"],
        ],
        Category::BannedWord,
    );
    assert_flags(
        &linter,
        "我家手工辣酱，{}，每周只做一百罐",
        &[
            &["下单备注「小熊」", "拍下备注暗号", "输入优惠码BEAR", "下单时备注小红书"],
            &["立减10", "再减5元", "打9折", "送一瓶"],
        ],
        Category::Advertorial,
    );
    assert_quiet(&linter, &["榴莲是水果之王", "狮子是森林之王"], Category::BannedWord);
    assert_quiet(
        &linter,
        &["下单备注马上送出，结果送了一小时", "下单备注了不要香菜，还是放了"],
        Category::Advertorial,
    );
}

/// A construction read through one syllable spelled in pinyin: each character of its key word
/// written as its main reading in turn (秒sha, miao杀), the rest as written. Generated from
/// the readings table; every variant must raise what the plain sentence raises.
#[test]
fn constructions_read_a_syllable_spelled_in_pinyin() {
    use redlint::normalize::reading;
    let linter = Linter::builtin();
    let cases: &[(&str, &str, Category)] = &[
        ("今晚8点秒杀，面膜一块钱一片", "秒杀", Category::Advertorial),
        ("手工辣酱上新，下单备注暗号立减五元", "立减", Category::Advertorial),
        ("这是我用过最好用的面霜，冲", "最好", Category::BannedWord),
        ("过年囤了两瓶茅台送长辈", "茅台", Category::ProhibitedProduct),
        ("粉丝刚过一千就接到了商单，是一款台灯", "商单", Category::Advertorial),
    ];
    for &(plain, word, category) in cases {
        assert!(found(&linter, plain).iter().any(|v| v.category == category), "{plain}");
        for (k, c) in word.chars().enumerate() {
            let spelled: String = word
                .chars()
                .enumerate()
                .map(|(j, d)| {
                    if j == k {
                        reading::name(reading::han(c)[0]).to_owned()
                    } else {
                        d.to_string()
                    }
                })
                .collect();
            let text = plain.replacen(word, &spelled, 1);
            let got = found(&linter, &text);
            assert!(
                got.iter().any(|v| v.category == category),
                "{category:?} not raised in {text:?}: {got:?}"
            );
        }
    }
}

/// Round 3's shapes, each crossed with its own parts and beside its look-alikes: the brand as
/// dad's house or its side, an ad owned up to by half, a sponsor named, a sale's hour, a
/// house's copy, a filler by its needle, a drug taken to slim, a DM or a handle pointed to, a
/// cure promised at the root.
#[test]
fn round_three_shapes_and_their_look_alikes() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "{}新品，用了一周",
        &[&["爸爸家", "粑粑家", "爸比家"], &["又寄来了", "寄来的", "送的"]],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "{}，但是东西是真的好用",
        &[&["带点", "有点", "小小"], &["小广", "广", "gg"]],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "{}，大家冲",
        &[
            &["今晚八点", "明晚8点", "今晚"],
            &["空气炸锅秒杀", "吹风机秒sha", "秒杀"],
        ],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "{}，五金很重",
        &[&["gucci", "驴家", "香奶奶"], &["腰带复刻版", "复刻款", "的复刻货"]],
        Category::ProhibitedProduct,
    );
    assert_flags(
        &linter,
        "{}，网上买了一盒",
        &[&["听说二甲双胍", "螺内酯", "吃泻药"], &["能减肥", "瘦了五斤", "掉秤快"]],
        Category::ProhibitedProduct,
    );
    assert_flags(
        &linter,
        "这款喷雾{}，比吃药管用",
        &[&["能根本解决", "彻底告别", "一次性根除"], &["失眠", "鼻炎", "脚气"]],
        Category::BannedWord,
    );
    assert_quiet(
        &linter,
        &[
            "我爸爸家寄来的腊肉，年味满满",
            "今晚用貂蝉一套秒杀对面",
            "八点多看到秒杀，已经抢完了",
            "电视剧由某乳业冠名播出",
            "猫咪一听到开罐头就秒杀过来",
        ],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &["二甲双胍是治糖尿病的药，医生开的", "我爸糖尿病，医生开了二甲双胍控血糖"],
        Category::ProhibitedProduct,
    );
}

/// Round 4's shapes and look-alikes: a brand that arranged or a hidden brand (某X) that sent
/// it, a small ad taken, a request to note where the reader came from, a search in another
/// platform's own shop; a person's parcel, a meal late at night, an ask quoted, a picture
/// after a word of its own.
#[test]
fn round_four_shapes_and_their_look_alikes() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "{}，用了一周",
        &[
            &["品牌安排的", "官方安排了", "感谢某步送的", "谢谢某东寄的"],
            &["新品", "学习机"],
        ],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "需要的{}小红书",
        &[&["加我备注", "添加好友时备注", "申请好友请备注", "加v备注"], &["", " "]],
        Category::OffPlatform,
    );
    assert_quiet(
        &linter,
        &[
            "收到妈妈寄来的包裹，全是家乡的特产",
            "加班到九点才恰饭，累瘫",
            "年假最后3小时，明天上班",
        ],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &["面试官让我加他微信，正常吗", "今天又是被猫抢镜的一天🐈"],
        Category::OffPlatform,
    );
}

/// A pack's exceptions are the innocent contexts of a word written plainly: the same word with
/// a syllable spelled in pinyin was written to slip past review, and its exceptions do not
/// apply (怎么接商单 is the trade as a topic; 怎么接商dan is not written so by chance).
#[test]
fn a_spelled_syllable_is_no_innocent_context() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "{}，今天说说",
        &[
            &["很多人问怎么接", "新手怎么接", "聊聊接", "第一次接"],
            &["商dan", "shang单"],
        ],
        Category::Advertorial,
    );
    assert_quiet(&linter, &["很多人问怎么接商单，今天说说"], Category::Advertorial);
}

/// Round 5's shapes and look-alikes: a channel as an emoji or a homophone before a handle, a
/// call and a channel set off from the handle by a space, a sample sent to be tested, a stay
/// in exchange, a price got after a sale, a weekday evening's sale.
#[test]
fn round_five_shapes_and_their_look_alikes() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "代购接单，{}",
        &[&["加🛰：", "+🌐：", "加v ", "➕🇻 "], &["kr_buy_22", "tokyo_mimi"]],
        Category::OffPlatform,
    );
    assert_flags(
        &linter,
        "{}，五档力度",
        &[
            &["商家寄样给我测的", "品牌寄样来的", "收到了寄样的", "店家寄样给"],
            &["筋膜枪", "按摩仪"],
        ],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "真丝睡衣{}，颜色好看",
        &[
            &["今天活动到手才", "到手只要", "活动到手仅", "券后到手才"],
            &["199元", "89块"],
        ],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &[
            "说好的16G内存，到手才10G",
            "单位寄样品给客户，跑了三趟快递",
            "加一点盐：少许就好",
        ],
        Category::Advertorial,
    );
    assert_quiet(&linter, &["加一点盐：少许就好", "+1：同意楼上"], Category::OffPlatform);
}

/// Round 6's shapes and look-alikes: an ad tag in brackets, a brand thanked for the chance to
/// try, the note owned up to as one by any of the trade's words, a sale's last hours behind a
/// clock, a live room to board, a pointer to the profile by an arrow; a handmade thing that is
/// one of a kind, a salary got, an exam's countdown, a cruise ship named 公主号.
#[test]
fn round_six_shapes_and_their_look_alikes() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "新品香水{}，前调柑橘",
        &[&["（ad）", "(广告)", "（合作）", "(ad)"], &["", "～"]],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "{}，东西很好用",
        &[&["这是条", "本条", "这是一篇"], &["sd", "tg", "商单"]],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "约稿开放，{}",
        &[&["联系方式👉", "微信➡️", "价格👇", "链接→"], &["主页", "简介"]],
        Category::OffPlatform,
    );
    assert_quiet(
        &linter,
        &["实习工资到手才3000，只能吃食堂", "考研倒计时最后30天，冲"],
        Category::Advertorial,
    );
    assert_quiet(&linter, &["每一对耳环都是独一无二的款式"], Category::BannedWord);
    assert_quiet(&linter, &["坐钻石公主号邮轮去了日本"], Category::OffPlatform);
}

/// 最好 as advice before what to do, and "the best thing is…" as a verdict on a remark, are no
/// ranking; "the best is this one" is.
#[test]
fn advice_and_a_verdict_are_no_ranking() {
    let linter = Linter::builtin();
    assert_quiet(
        &linter,
        &[
            "去住的话最好是住朝南的房间",
            "最好的是，隔壁就是车站",
            "最赞的是房间够大",
        ],
        Category::BannedWord,
    );
    let got = found(&linter, "这款面霜真的好用，我试过的里面最好的就是这个牌子");
    assert!(got.iter().any(|v| v.category == Category::BannedWord), "{got:?}");
}

#[test]
fn a_condition_waved_goodbye_or_treated_by_the_product() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这款茶我喝了三个月，{}，推荐给家里人",
        &[
            &["三高", "尿酸", "转氨酶", "湿疹", "老寒腿"],
            &["", "都", "直接"],
            &["拜拜", "👋", "说再见", "byebye"],
        ],
        Category::BannedWord,
    );
    assert_flags(
        &linter,
        "这款喷雾{}，宠物店老板推荐的",
        &[&["能", "可以", "专"], &["治"], &["猫藓", "耳螨", "湿疹", "皮肤病"]],
        Category::BannedWord,
    );
    assert_quiet(
        &linter,
        &[
            "跟高三说拜拜，终于毕业了",
            "医生说尿酸高要少吃海鲜",
            "和前任说再见的第一百天",
            "治猫藓要去宠物医院，别自己乱用药",
        ],
        Category::BannedWord,
    );
}

#[test]
fn an_effect_at_once_by_any_word_for_at_once() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这款祛痘凝胶{}，姐妹们冲",
        &[
            &["立马", "当场", "秒", "一抹", "隔天", "立🐎"],
            &["", "就"],
            &["见效", "起效", "显效"],
        ],
        Category::BannedWord,
    );
    assert_quiet(
        &linter,
        &["医生说药要吃一周才见效", "立马出发去机场", "骑🐎去草原看日落"],
        Category::BannedWord,
    );
}

#[test]
fn nothing_lower_or_better_anywhere() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这款洗脸巾{}，囤了十包",
        &[
            &["全网", "市面上", "别家"],
            &["找不到", "买不到", "没有"],
            &["更低的", "更便宜的", "比它更划算的"],
        ],
        Category::BannedWord,
    );
    assert_quiet(
        &linter,
        &["没有更好的办法了，只能等", "找不到更好的词形容今天的晚霞"],
        Category::BannedWord,
    );
}

#[test]
fn moving_readers_over_to_another_platform_or_to_wechat_by_its_colour() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "闲置都在那边，{}看看",
        &[
            &["移步", "转战", "移驾"],
            &["", "我的"],
            &["淘宝", "某鱼", "海鲜市场", "鱼塘", "🍑"],
        ],
        Category::OffPlatform,
    );
    assert_flags(
        &linter,
        "价格不方便说，{}",
        &[
            &["去", "上", "来"],
            &["", "那个"],
            &["绿色软件", "绿色的app", "绿泡泡"],
            &["聊", "找我", "详聊"],
        ],
        Category::OffPlatform,
    );
    assert_quiet(
        &linter,
        &[
            "去淘宝买了个收纳盒，好用",
            "绿色的app图标看着很舒服",
            "能把苹果搬到京东上来卖就好了",
            "公园里的鱼塘边钓了一下午",
        ],
        Category::OffPlatform,
    );
}

#[test]
fn a_sale_announced_by_its_sign_its_initials_or_its_hour_after_it() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这款蓝牙耳机{}，手慢无",
        &[&["🈹后", "券后", "卷后"], &["", "价", "只要"], &["59", "99.9"]],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "{}，定好闹钟",
        &[
            &["秒杀", "⚡秒⚡杀⚡", "秒🔥杀"],
            &[" ", ""],
            &["今晚十点", "明天8点", "周五"],
        ],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &[
            "对面貂蝉一套技能直接把我秒杀，今天连跪五把",
            "春运抢票简直像秒杀\n六点整刷新",
            "说什么秒杀，今天又涨回去了，某些平台真会玩",
            "豪标在前台打折价265，携程263",
            "2025最后3小时，写给自己",
            "这个网络延迟只有10ms价格也便宜",
        ],
        Category::Advertorial,
    );
}

#[test]
fn sponsorship_owned_up_to_as_an_ingredient_a_deal_or_a_brands_marketing() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "{}，但面霜是真的好用",
        &[&["本篇含", "这条有", ""], &["广告", "gg", "推广"], &["成分", "元素"]],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "{}，这款精华今天半价",
        &[
            &["跟", "找"],
            &["品牌", "官方", "商家"],
            &["给大家", ""],
            &["谋了", "争取了"],
            &["福利", "专属价"],
        ],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &[
            "这款面霜的成分很简单，没有香精",
            "给员工争取了福利，年假多了三天",
            "公司市场部找我开会",
        ],
        Category::Advertorial,
    );
}

#[test]
fn a_word_spaced_out_letter_by_letter_is_read_by_the_constructions() {
    // a construction's regex reads 玻 尿 酸 as 玻尿酸: the spaces of a letter-spaced word go in
    // the folded view, as they do for terms; a lone space between two words stays
    let linter = Linter::builtin();
    let spaced = |w: &str| w.chars().map(String::from).collect::<Vec<_>>().join(" ");
    let (fillers, drugs) = (["玻尿酸", "水光针", "童颜针"], ["二甲双胍", "螺内酯"]);
    let fillers: Vec<String> = fillers.iter().map(|w| spaced(w)).collect();
    let drugs: Vec<String> = drugs.iter().map(|w| spaced(w)).collect();
    let fillers: Vec<&str> = fillers.iter().map(String::as_str).collect();
    let drugs: Vec<&str> = drugs.iter().map(String::as_str).collect();
    assert_flags(
        &linter,
        "上周去{}，恢复很快",
        &[&["打了 ", "注射了 ", "扎了 "], &fillers],
        Category::ProhibitedProduct,
    );
    assert_flags(
        &linter,
        "{}，一个月瘦了八斤",
        &[&drugs, &["吃了减肥", " 瘦身"], &["", "中"]],
        Category::ProhibitedProduct,
    );
    assert_quiet(
        &linter,
        &["今天 打了 一场球 好累", "二甲 双胍是医生开的降糖药，按时吃"],
        Category::ProhibitedProduct,
    );
}

#[test]
fn a_sponsorship_cue_denied_is_none_and_the_party_that_paid_by_any_name() {
    let linter = Linter::builtin();
    // a denial (the lexicon's `denial_before`) before any sponsorship cue: dropped
    let cues: &[&str] = &["品牌赞助", "商单", "广告合作", "品牌合作", "恰饭", "金主爸爸"];
    let denials: &[&str] = &["没有", "不是", "拒绝了", "推掉了", "从来没接过", "无任何", "不接受"];
    for text in cross(&[&["说明一下："], denials, cues, &["，全部自费"]]) {
        let got: Vec<Violation> = found(&linter, &text).into_iter().filter(|v| v.rule == "A405").collect();
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
    // ...and the same cues owned up to still count
    for cue in cues {
        let text = format!("说明一下：{cue}，不过写的都是真实感受");
        assert!(found(&linter, &text).iter().any(|v| v.rule == "A405"), "{text:?}");
    }
    // the party that paid, by any of its names, and what it gave
    assert_flags(
        &linter,
        "这次的{}，体验下来还不错",
        &[
            &["厂商", "厂家", "商家", "品牌方", "金主"],
            &["赞助", "的赞助", "的邀约"],
        ],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "{}，新款扫地机先用为敬",
        &[
            &["感谢", "谢谢"],
            &["官方", "品牌方", "厂家"],
            &["的信任", "信任", "的邀请", "的青睐"],
        ],
        Category::Advertorial,
    );
}

#[test]
fn a_numeral_slot_reads_financial_numerals_and_a_rank_by_its_medal() {
    let linter = Linter::builtin();
    // any numeral class of a pack regex names the financial forms too (dialect::fold_classes)
    assert_flags(
        &linter,
        "面膜买一送一，{}，手慢无",
        &[
            &["最后"],
            &["叁", "肆", "伍", "陆", "捌", "玖", "拾"],
            &["小时", "个小时"],
        ],
        Category::Advertorial,
    );
    assert_flags(
        &linter,
        "这瓶精华{}，油皮放心冲",
        &[&["是", "排", "稳坐", "堪称"], &["", "妥妥的", "当之无愧的"], &["🥇"]],
        Category::BannedWord,
    );
    assert_quiet(
        &linter,
        &[
            "大陆的朋友们好，队伍集合了",
            "收拾了一下午房间，累瘫",
            "运动会拿了🥇，孩子开心坏了",
            "夜班最后叁小时，护士站的咖啡续命",
            "开黑车队还差一个，想上车的来",
            "副本的boss被我们一套秒杀",
        ],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &["运动会拿了🥇，孩子开心坏了", "省钱第一，能不买就不买"],
        Category::BannedWord,
    );
}

#[test]
fn a_disguised_name_counts_when_a_syllable_is_spelled_or_its_characters_set_apart() {
    let linter = Linter::builtin();
    // `disguised_terms` are not terms (玻尿酸 is a serum's ingredient as written), but a
    // syllable spelled in pinyin or the characters set apart is a name hidden from review
    assert_flags(
        &linter,
        "最近{}好火，姐妹们冲",
        &[&[
            "bo尿酸",
            "玻niao酸",
            "玻尿suan",
            "玻 尿 酸",
            "shui光",
            "水 光",
            "rou毒",
            "肉 毒",
        ]],
        Category::ProhibitedProduct,
    );
    assert_quiet(
        &linter,
        &["这瓶玻尿酸精华很保湿", "水光肌底妆教程", "玻尿酸是一种保湿成分"],
        Category::ProhibitedProduct,
    );
}

/// Session 28, round 1: a Latin word glued to a price (`vape100r`) is the word and the price,
/// but a letter or two before digits is a model or a level (`vx600`, `加v5`) and letters after
/// digits a unit (`2tb`); a bare host is an address when it is one (a host under a name, a name
/// of letters and digits, a domain sold for such sites), not a company named by its site; a
/// character written for WeChat as a label before a number in any digits.
#[test]
fn words_glued_to_prices_bare_hosts_and_labelled_numbers() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "闲置{}，私聊",
        &[&["出个", "出二手", "转"], &["vape", "relx"], &["100r", "80元", "99"]],
        Category::ProhibitedProduct,
    );
    assert_flags(
        &linter,
        "资源都在{}自取",
        &[
            &["dl.", "pan.", "m."],
            &["tuku-hub.cn", "mm520.top", "ziyuan88.com", "xiaoyu.vip"],
        ],
        Category::OffPlatform,
    );
    assert_flags(
        &linter,
        "需要的联系，{}{}",
        &[
            &["微：", "威：", "卫：", "维："],
            &["八九四二六六三六八", "玖壹贰叁肆伍陆柒捌"],
        ],
        Category::OffPlatform,
    );
    assert_quiet(
        &linter,
        &[
            "vx600x毕竟不是VX600，多个X就差了好多",
            "2tb的移动硬盘够用了",
            "我的163.com邮箱又满了",
            "去年在Booking.com订的民宿",
            "稍微一二三四五六七八地数着拍子",
            "轻微 12345678 的差距看不出来",
        ],
        Category::OffPlatform,
    );
}

/// A numeral typed by its sound is a number typed: an ordinal stays an ordinal however its
/// numeral is spelled (第yi次), while a ranking (第yi名) and a word spelled around an innocent
/// phrase (国家ji非遗) stay claims; a doctor's advice told is advice however the treatment is
/// spelled, a family's testimonial is not.
#[test]
fn a_spelled_numeral_keeps_its_ordinal_and_advice_keeps_its_doctor() {
    let linter = Linter::builtin();
    assert_quiet(
        &linter,
        &[
            "带娃第yi次去看海，晒黑了",
            "今天是第yi天上班，有点紧张",
            "医生说要住院zhi疗，不能拖",
            "医生建议先zhi疗再复查",
        ],
        Category::BannedWord,
    );
    assert_flags(
        &linter,
        "这款面霜{}",
        &[
            &["是第yi名", "销量第yi名", "是国家ji非遗配方"],
            &["", "，推荐", "，闭眼入"],
            &["", "！"],
        ],
        Category::BannedWord,
    );
    assert_flags(
        &linter,
        "我爸喝了两个月，{}",
        &[
            &["降xue压", "jiang血压", "降血ya"],
            &["真的有用", "比吃药还好", "效果明显"],
        ],
        Category::BannedWord,
    );
}

/// A rule's Latin word read with digits for the letters they look like (`v4pe`, `r3lx`,
/// `1qos`), the reading saying `look-alike`; a handle's digits and a number stay digits.
#[test]
fn latin_words_with_digits_for_letters() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "最近迷上{}",
        &[
            &["v4pe", "r3lx", "1qos", "v4p3"],
            &["芒果冰", " 一支用三天", "，颜值高"],
        ],
        Category::ProhibitedProduct,
    );
    let got = found(&linter, "出个 v4pe100r 私聊");
    let reading = got.iter().find_map(|v| v.reading.as_ref()).expect("read");
    assert_eq!(
        (reading.term.as_str(), reading.how.as_slice()),
        ("vape", &["look-alike".to_owned()][..])
    );
    assert_quiet(
        &linter,
        &[
            "我的id是lily0707",
            "h3llo world",
            "c4t lover 一枚",
            "model 4pe1 的说明书",
        ],
        Category::ProhibitedProduct,
    );
}

/// A contact the writer says to read backwards (倒着念, 反过来输, 倒過來讀) is read from its end,
/// with the words of its clause before the cue (群号我倒着写：…); the violation covers the
/// writer's characters and its reading says `reversed`. Backwards as "upside down" or
/// "inside out", and a palindrome read both ways, stay quiet.
#[test]
fn contacts_written_backwards() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "想预约的{}",
        &[
            &["倒着念：", "反过来输👉 ", "倒過來讀：", "倒着写了："],
            &["8765 4321 831", "88gnauh :xv", "0202_imim ：信微"],
        ],
        Category::OffPlatform,
    );
    let text = "群号我倒着写：9 6 7 8 1 2 3 4 5，备注来意";
    let v = first_of(&linter, text, Category::OffPlatform);
    assert_eq!(&text[v.span.range()], "9 6 7 8 1 2 3 4 5");
    assert_eq!(
        v.reading.as_ref().map(|r| r.how.clone()),
        Some(vec!["reversed".to_owned()])
    );
    assert_quiet(
        &linter,
        &[
            "上海自来水来自海上，倒着读一样",
            "衣服反过来洗，不容易起球",
            "杯子倒过来摇也不漏，上班带着",
            "乐谱倒着弹：12345 54321 好好听",
            "单词倒着背：apple banana cherry",
        ],
        Category::OffPlatform,
    );
}

/// A picture, an emoji or a separator set between two characters of a construction
/// (`接了条推👀广`, `到手-价只要`) is read across as the term automaton reads across it, a
/// picture read as a word included (`限🕐时抢购`); a plus, a slash or a title's bar joining two
/// phrases is not taken out.
#[test]
fn constructions_read_across_inserted_symbols() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "{}，不过东西是真的好用",
        &[
            &["接了条推", "接了个推", "接了一条推"],
            &["👀", "-", "~", "🌟"],
            &["广"],
        ],
        Category::Advertorial,
    );
    let got = found(&linter, "这款今天到✨手价只要39");
    let v = got
        .iter()
        .find(|v| v.category == Category::Advertorial)
        .expect("read across ✨");
    assert!(v.matched.contains('✨'), "{v:?}");
    assert_quiet(
        &linter,
        &[
            "燕麦+魔芋，很顶饱，早/晚都能吃",
            "周末探店|巷子里的咖啡馆",
            "爱丁堡-高地-天空岛，一路都是风景",
        ],
        Category::Advertorial,
    );
}

/// Letters a pack term holds as its own beside its character (bo托, bo毒针, hi体) stay that
/// term's wherever they are glued, not read as a syllable of another word (打了bo托 is not
/// 打了玻托, though 打bo尿酸 is 打玻尿酸).
#[test]
fn a_terms_own_letters_are_not_read_as_a_syllable() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "{}，三周后下颌线出来了",
        &[
            &["咬肌打了", "上周去打了", "脸上打过", "又去补了"],
            &["bo托", "bo毒针", "bo针"],
        ],
        Category::ProhibitedProduct,
    );
    assert_flags(
        &linter,
        "去{}，{}",
        &[
            &["打bo尿酸", "打了bo尿酸", "注射bo尿酸"],
            &["苹果肌", "泪沟填了一支", "鼻子垫高了"],
        ],
        Category::ProhibitedProduct,
    );
}

/// Words before a cue that says to read them backwards (`号信微（倒着读）`, `单商，反过来读`)
/// are read from their end, for any category where they read as a pack writes the word; a
/// sentence that only talks about reading backwards, or a palindrome, stays quiet.
#[test]
fn words_before_a_backwards_cue() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "有需要的{}：mimi_0202",
        &[
            &["号信微", "号信威", "号信v"],
            &["（倒着读）", "(反过来看)", "，倒过来读"],
        ],
        Category::OffPlatform,
    );
    assert_flags(
        &linter,
        "这款面霜挺好用，{}，懂的都懂",
        &[
            &["本篇是单商", "这是作合牌品", "这条算单商"],
            &["反过来读", "倒着看", "倒过来念"],
        ],
        Category::Advertorial,
    );
    // (and the words after the cue, or on the next line when the cue ends its own, as a pack
    // writes them)
    assert_flags(
        &linter,
        "这支眼霜{}，黑眼圈都淡了",
        &[
            &["倒着读：", "倒过来看👀\n", "反过来读 \n"],
            &["的好最上界世", "的好最上网全", "的强最上史"],
        ],
        Category::BannedWord,
    );
    let text = "悄悄说：这条是单商，反过来读哈";
    let v = first_of(&linter, text, Category::Advertorial);
    assert_eq!(&text[v.span.range()], "单商");
    assert_quiet(
        &linter,
        &[
            "上海自来水来自海上，倒着读一样",
            "这首诗反过来读也通顺，很妙",
            "把单词表倒过来背，效果更好",
            "地图倒着看就找不到北了",
        ],
        Category::Advertorial,
    );
}

/// Digits written as their English names (`four one six, five five five, …`) and numbers said
/// in groups with commas between are read as the number; a count in words is no number.
#[test]
fn numbers_in_english_words_and_comma_groups() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "上门维修{}，随叫随到",
        &[
            &["请call我：", "电话：", "手机 "],
            &[
                "four one six, five five five, zero one nine eight",
                "one three nine zero zero two one seven seven five eight",
                "一三八，一二三四，五六七八",
            ],
        ],
        Category::OffPlatform,
    );
    assert_quiet(
        &linter,
        &[
            "one two three four five, once I caught a fish alive",
            "买了两件，一件三十，一件五十",
            "第一，第二，第三，第四，第五，排好队",
        ],
        Category::OffPlatform,
    );
}

/// A syllable typed in full-width letters (`秒ｓｈａ`) is read as the same letters in ASCII are
/// (`秒sha`): every rule, constructions included, reads the word.
#[test]
fn full_width_syllables() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "挂烫机{}¥99",
        &[&["今晚八点", "今天", "限时"], &["秒ｓｈａ", "到ｓｈｏｕ价", "ｈｅ作款"]],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &["ｍａｍａ说要多喝水", "今天学了ｓｈａ这个音节"],
        Category::Advertorial,
    );
}

/// Promotion mechanics (领券, 立减, 买一送一) sell where their sentence or their note sells
/// something (a product, a price, a shop; 先到先得 and 清仓 only beside a hard sell, see
/// tests/stance.rs); told in a day's story (a mother learning to take
/// coupons, an office's clear-out, seats taken early) they are what happened, reported at info.
#[test]
fn promotion_mechanics_count_where_something_is_sold() {
    let linter = Linter::builtin();
    assert_flags(
        &linter,
        "这款面霜{}，冲",
        &[&["今天", "直播间", "下单前"], &["先领券再买", "立减50元", "买一送一"]],
        Category::Advertorial,
    );
    assert_quiet(
        &linter,
        &[
            "妈妈学会了领券，开心得像个孩子",
            "年底公司清仓式大扫除，旧文件都扔了",
            "先到先得的座位，我们早上六点就去排队了",
            "早上用银行卡付早餐，直接立减5块，打工人的小确幸",
        ],
        Category::Advertorial,
    );
}

/// A nickname in quotation marks (“小白袋”, 「大拉」) in a note that stands by a prohibited-product
/// rule is that thing, marked at its rule's level: generated over products flagged, quote marks
/// and invented nicknames; quiet where the note is flagged for nothing (the same quotes in a
/// diary), and where the quoted words are a phrase, a shop's name or a line of dialogue.
#[test]
fn a_nickname_in_quotes_is_the_thing_where_its_rule_stands() {
    let linter = Linter::builtin();
    let flagged = ["朋友推荐的电子烟，口味很多", "在工作室打了玻尿酸，效果自然"];
    let marks = [("“", "”"), ("「", "」"), ("『", "』")];
    let nicknames = ["小蓝条", "阿月月", "云朵棒", "Q弹弹"];
    let mut checked = 0;
    for lead in flagged {
        for (open, close) in marks {
            for nick in nicknames {
                let text = format!("{lead}。后来又入了{open}{nick}{close}，回购");
                let at = text.find(nick).expect("in the text");
                let got = found(&linter, &text);
                assert!(
                    got.iter().any(|v| v.category == Category::ProhibitedProduct
                        && v.span.start == at
                        && v.span.end == at + nick.len()),
                    "{text}: the nickname not marked: {got:?}"
                );
                // the same quotes in a note flagged for nothing
                let diary = format!("周末去公园散步。后来又入了{open}{nick}{close}，回购");
                assert!(found(&linter, &diary).is_empty(), "{diary}");
                checked += 1;
            }
        }
        for quiet in ["“又不是真烟”", "「阿杰小铺」", "“它怕油死。”", "“12987”"] {
            let text = format!("{lead}。朋友说{quiet}");
            let at = text.find(quiet).expect("in the text");
            let got = found(&linter, &text);
            assert!(
                !got.iter().any(|v| v.span.start > at && v.span.start < at + quiet.len()),
                "{text}: a phrase or a shop marked: {got:?}"
            );
        }
    }
    assert_eq!(checked, 24);
}
