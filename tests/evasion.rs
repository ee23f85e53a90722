//! Table tests for every disguise people use to slip a violation past a filter: each row is a
//! note, the category it must raise at warning or above, and the exact original text the span
//! must cover. Written for this project (not taken from any evaluation set).

use redlint::{Category, Linter, Note, Severity};

use Category::{Advertorial as A, BannedWord as B, OffPlatform as O, ProhibitedProduct as P};

/// (note body, category, the original text a violation's span must overlap)
const CASES: &[(&str, Category, &str)] = &[
    // width and case
    ("加ＶＸ详聊", O, "ＶＸ"),
    ("ｗｘ：lily0909", O, "ｗｘ"),
    ("WX: lily0909", O, "WX"),
    ("这款是ＴＯＰ１的粉底", B, "ＴＯＰ１"),
    // mathematical alphanumerics and other compatibility forms
    ("𝐰𝐞𝐢𝐱𝐢𝐧：lily0909", O, "𝐰𝐞𝐢𝐱𝐢𝐧"),
    ("𝐯𝐱同号", O, "𝐯𝐱"),
    // letters of other scripts drawn like Latin ones (Unicode's confusables: IPA ɡ, Lisu ꓦ,
    // the logical-or ∨, Armenian օ)
    ("资料放在ɡzh「小桔备考笔记」了", O, "ɡzh"),
    ("想要的加ꓦx：abc12345", O, "ꓦx"),
    ("想要的加∨x：abc12345", O, "∨x"),
    ("想要的加wechаt：abc12345", O, "wechаt"),
    ("搜tаօbао店铺「小林家」", O, "tаօbао"),
    // a stand-in explained by a legend (⭐换成6, ★=0)
    ("手工皂接单，订购加我：soap✿✿21（✿换成9）", O, "soap✿✿21"),
    ("电话138★★★★5678，★=0", O, "138★★★★5678"),
    // an acrostic: the first characters of the lines spell the call, written out or said alike
    ("加油打工人\n薇风不燥\n芯情很好\n今天也要努力", O, "加油打工人"),
    ("关上电脑\n注意身体\n公司楼下\n众多小店\n号称好吃", O, "关上电脑"),
    // a word written down the page, one character a line
    ("想要的\n加\n微\n信\nabc12345", O, "加\n微\n信"),
    ("电\n子\n烟\n新口味到了", P, "电\n子\n烟"),
    ("这款面霜是\n最\n好\n用\n的", B, "最\n好\n用"),
    // traditional characters
    ("電子菸新口味到貨", P, "電子菸"),
    ("香菸禮盒", P, "香菸"),
    ("點擊鏈接馬上購買", A, "點擊鏈接"),
    ("限時搶購中", A, "搶購"),
    ("全網最低價", B, "最低價"),
    // invisible characters inside a term
    ("电\u{200b}子\u{200b}烟", P, "电\u{200b}子\u{200b}烟"),
    ("最\u{200d}好用的面霜", B, "最\u{200d}好用"),
    ("微\u{fe0f}信号lily0909", O, "微\u{fe0f}信号"),
    // spaces, punctuation, symbols and emoji between the characters
    ("性价比最 高的一款", B, "最 高"),
    ("能根*治湿疹的药膏", B, "根*治"),
    ("治-疗痘痘", B, "治-疗"),
    ("加.微.信领资料", O, "微.信"),
    ("电 子 烟入门", P, "电 子 烟"),
    ("微❤信：lily0909", O, "微❤信"),
    ("限时秒 杀", A, "秒 杀"),
    ("肉 毒 素除皱", P, "肉 毒 素"),
    ("折 扣 码：GOOD", A, "折 扣 码"),
    // homophones and look-alikes, with their cues
    ("加薇：lily0909", O, "加薇"),
    ("薇信号lily0909", O, "薇信"),
    ("加威信详聊", O, "威信"),
    ("威❤：lily0909", O, "威❤"),
    ("扣扣：12345678", O, "扣扣"),
    ("扣 扣：12345678", O, "扣 扣"),
    ("企鹅号 12345678", O, "企鹅号"),
    ("某宝搜店名就有", O, "某宝搜"),
    ("🍑宝搜同款", O, "🍑宝搜"),
    ("拼夕夕搜同款更便宜", O, "拼夕夕搜"),
    ("某东上买更便宜", O, "某东"),
    ("蕞好用的眼霜", B, "蕞好用"),
    // pinyin and initials
    ("weixin: lily0909", O, "weixin"),
    ("wei xin: lily0909", O, "wei xin"),
    ("V.X：lily0909", O, "V.X"),
    ("vx号在主页", O, "vx"),
    ("有问题dd我", O, "dd我"),
    // phone numbers in every digit style
    ("电话15912345678", O, "15912345678"),
    ("１５９１２３４５６７８", O, "１５９１２３４５６７８"),
    ("联系138-1234-5678", O, "138-1234-5678"),
    ("联系139 1234 5678", O, "139 1234 5678"),
    ("幺三九一二三四五六七八九", O, "幺三九一二三四五六七八九"),
    ("①③⑧①②③④⑤⑥⑦⑧", O, "①③⑧①②③④⑤⑥⑦⑧"),
    ("1三8一二三四5六7八", O, "1三8一二三四5六7八"),
    // QQ numbers after a cue
    ("QQ：12345678", O, "12345678"),
    ("q群：987654321", O, "987654321"),
    // English redirects
    ("DM me for the link", O, "DM me"),
    ("add my WeChat for details", O, "add my WeChat"),
    ("link in bio", O, "link in bio"),
    ("whatsapp me for the price", O, "whatsapp me"),
    // digits switching style part-way, after a cue too
    ("13八一二三四五六七八", O, "13八一二三四五六七八"),
    ("一3八1234五六78", O, "一3八1234五六78"),
    ("扣扣：二八三七四六五九一", O, "二八三七四六五九一"),
    ("QQ：2八3七4六5九", O, "2八3七4六5九"),
    // bare claims now that advice and enumerations are exception patterns
    ("这家烤鸭全城最好没有之一", B, "最好"),
    ("这家烤鸭第❤一的好吃", B, "第❤一"),
    ("蕞便宜的一家", B, "蕞便宜"),
    // short imperatives, now that a clause break splits a term (beside a sale: an urging alone
    // in a note that sells nothing is a reviewer's, at info)
    ("拍下立减二十，喜欢的姐妹快下单吧", A, "快下单"),
];

/// Ordinary notes that share characters with the disguises: they must stay quiet.
const QUIET: &[(&str, Category)] = &[
    // Greek, Russian and Armenian written in their own letters stay themselves
    ("在雅典看到的招牌ΣΑΣ ΤΑΒΕΡΝΑ，希腊菜很好吃", O),
    ("俄语课学了Где вы живёте，老师说发音不错", O),
    ("亚美尼亚的字母很好看，比如Բարեւ", O),
    // a legend with nothing of a handle or a number to swap
    ("评分：⭐⭐⭐⭐（⭐代表一分）", O),
    ("这道题⭐换成6就对了，数学真有意思", O),
    // lines that open with common words said like a call's (第…第…我: 滴滴我) are chance
    ("第三名：清爽\n第二名：不闷\n我心中的第一名是它", O),
    ("家里的猫\n为了吃的\n新买的罐头都吃完了", O),
    // two short lines, or short lines that spell nothing of a pack, stay lines
    ("问他要不要\n微\n信\n他说不用了", O),
    ("今天的菜单\n鸡\n鸭\n鱼\n都很新鲜", P),
    ("他在村里很有威信", O),
    ("院子里的蔷薇开了", O),
    ("微笑面对生活", O),
    ("今天走了12345步", O),
    ("一共花了13800元", O),
    ("订单号：13912345678 已发货", O),
    ("2023年12月25日", O),
    ("卫星发射成功了", O),
    ("东西在京东买的", O),
    ("在淘宝买的，物流很快", O),
    ("最近入手的口红", B),
    ("第一次做饭", B),
    ("你最好先问清楚再去", B),
    ("最好别在周末去，人太多", B),
    ("最好笑的是卫生间没有插座", B),
    ("第一，房间太小；第二，隔音差", B),
    ("物流超快，下单第二天就到了", A),
    ("火速下单了，第二天就到", A),
    ("一共138元，三四个人吃", O),
];

fn flagged(note: &Note, category: Category) -> Vec<(String, String)> {
    Linter::builtin()
        .lint(note)
        .into_iter()
        .filter(|v| v.category == category && v.severity >= Severity::Warning)
        .map(|v| (v.rule, v.matched))
        .collect()
}

#[test]
fn every_disguise_is_seen_and_the_span_is_the_users_own_text() {
    let mut failures = Vec::new();
    for &(body, category, want) in CASES {
        let note = Note::from_body(body);
        let at = body.find(want).expect("the case names its own text");
        let want_span = at..at + want.len();
        let found: Vec<(String, String)> = Linter::builtin()
            .lint(&note)
            .into_iter()
            .filter(|v| v.category == category && v.severity >= Severity::Warning)
            .filter(|v| v.span.start < want_span.end && want_span.start < v.span.end)
            .map(|v| (v.rule, v.matched))
            .collect();
        if found.is_empty() {
            let all = flagged(&note, category);
            failures.push(format!("{body:?}: want {category} on {want:?}, found {all:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} disguises missed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn look_alike_words_stay_quiet() {
    let mut failures = Vec::new();
    for &(body, category) in QUIET {
        let found = flagged(&Note::from_body(body), category);
        if !found.is_empty() {
            failures.push(format!("{body:?}: {found:?}"));
        }
    }
    assert!(failures.is_empty(), "flagged:\n{}", failures.join("\n"));
}

/// Generated: a call to write privately, whatever its words: who is invited or how they are
/// urged, times the private channel, times what the message is for; and the same channels
/// told about (someone wrote to me, we talked privately), which call no one.
#[test]
fn dm_calls_are_seen_by_construction() {
    let linter = Linter::builtin();
    let dm = |text: &str| {
        linter
            .lint(&Note::from_body(text))
            .into_iter()
            .any(|v| v.rule == "O313" && v.severity >= Severity::Warning)
    };
    let mut wrong = Vec::new();
    let channels = ["私信", "私聊", "私讯", "私戳", "小窗", "滴滴"];
    let invited = [
        "需要的",
        "有意者",
        "感兴趣的",
        "有兴趣的",
        "欢迎",
        "可以",
        "请",
        "直接",
        "速",
    ];
    let purposes = ["发送", "领取", "获取", "咨询", "问价", "详谈", "下单", "报名"];
    // the channel also written with a separator inside, as handles are (私 聊, 滴.滴)
    let split = |channel: &str, k: usize| {
        let sep = ["", " ", ".", "❤", "·"][k % 5];
        let mut c = channel.chars();
        let first = c.next().expect("a channel word");
        format!("{first}{sep}{}", c.as_str())
    };
    for (i, who) in invited.iter().enumerate() {
        let channel = split(channels[i % channels.len()], i);
        let text = format!("出闲置面霜九成新，{who}{channel}");
        if !dm(&text) {
            wrong.push(format!("{text}: missed"));
        }
    }
    for (i, what) in purposes.iter().enumerate() {
        let channel = split(channels[(i + 2) % channels.len()], i + 1);
        let text = format!("资料整理好了，{channel}{what}");
        if !dm(&text) {
            wrong.push(format!("{text}: missed"));
        }
    }
    for told in [
        "昨天和闺蜜私聊了很久",
        "收到好多私信，谢谢大家",
        "朋友私聊跟我说这家店关门了",
        "他又来私信问我要不要一起去",
        "小窗口坐着看书很舒服",
    ] {
        if dm(told) {
            wrong.push(format!("{told}: flagged"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
