//! Generated numbers in disguise: phone and QQ numbers drawn at random, each digit written in a
//! style of its own (ASCII, Chinese, financial, circled, full-width, pinyin, the letter for 0),
//! with separators of any kind between some of them, after the cues people use. Each must be
//! flagged at error with a span over the writer's own characters. A wall of ordinary numbers
//! (dates, prices, sizes, counts, hotlines, invoice and order numbers) must stay quiet.
//!
//! Without that stage (`src/linter/numbers.rs`), the pack regexes alone, which read one digit
//! style at a time, missed 342 of the 400 generated numbers; the wall was quiet either way.

use redlint::{Category, Linter, Note, Severity};

/// A small deterministic generator (xorshift), so that a failure names its case.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// One digit in a style chosen by `style`.
fn dress(d: u8, style: usize) -> String {
    let d = d as usize;
    match style {
        0 => d.to_string(),
        1 => ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"][d].to_owned(),
        2 => ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"][d].to_owned(),
        3 => ["⓪", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"][d].to_owned(),
        4 => char::from_u32(0xFF10 + d as u32).unwrap().to_string(),
        // pinyin, and the letter people type for zero
        _ => ["O", "yi", "er", "san", "si", "wu", "liu", "qi", "ba", "jiu"][d].to_owned(),
    }
}

/// `digits` written with mixed styles (at least two) and separators between some digits.
fn disguise(rng: &mut Rng, digits: &[u8]) -> String {
    let seps = [" ", "-", ".", "·", "  ", "/", "~", "✨", "*"];
    let styles = [rng.below(6), rng.below(5)];
    let mut out = String::new();
    for (i, &d) in digits.iter().enumerate() {
        if i > 0 && rng.below(3) == 0 {
            out += seps[rng.below(seps.len())];
        }
        // a pinyin syllable before a pinyin one would read as one word: keep them apart
        let style = styles[rng.below(2)];
        let written = dress(d, style);
        if style == 5 && out.ends_with(|c: char| c.is_ascii_alphabetic()) {
            out += " ";
        }
        out += &written;
    }
    out
}

/// Whether an error covers the number written at byte `at` over its first digits (a regex may
/// claim the number with its cue and stop where the dress changes; the overlap is reported
/// once).
fn covers_number(found: &[(Severity, String, std::ops::Range<usize>)], at: usize) -> bool {
    found
        .iter()
        .any(|(s, _, span)| *s == Severity::Error && span.start <= at + 3 && span.end > at + 3)
}

/// `body`, with what was found in it, when no error covers the number `written` into it.
fn missed_number(linter: &Linter, body: &str, written: &str) -> Option<String> {
    let at = body.find(written).expect("written into the body");
    let found = off_platform(linter, body);
    (!covers_number(&found, at)).then(|| format!("{body} -> {found:?}"))
}

/// The off-platform violations of a note with `body`: severity, matched text, byte span.
fn off_platform(linter: &Linter, body: &str) -> Vec<(Severity, String, std::ops::Range<usize>)> {
    let note = Note {
        body: body.to_owned(),
        ..Note::default()
    };
    linter
        .lint(&note)
        .into_iter()
        .filter(|v| v.category == Category::OffPlatform)
        .map(|v| (v.severity, v.matched, v.span.start..v.span.end))
        .collect()
}

#[test]
fn mixed_phone_and_qq_numbers_are_read() {
    let linter = Linter::builtin();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut missed = Vec::new();
    for case in 0..400 {
        let (cue, digits): (&str, Vec<u8>) = if case % 2 == 0 {
            let mut d = vec![1, [3, 5, 7, 8, 9][rng.below(5)]];
            d.extend((0..9).map(|_| rng.below(10) as u8));
            (rng.pick(&["电话：", "📞", "手机", "联系我：", "预约电话", ""]), d)
        } else {
            let n = 6 + rng.below(5);
            let mut d = vec![1 + rng.below(9) as u8];
            d.extend((1..n).map(|_| rng.below(10) as u8));
            (rng.pick(&["qq：", "扣扣", "🐧我：", "群号：", "QQ群", "企鹅号"]), d)
        };
        let written = disguise(&mut rng, &digits);
        let body = format!("接单中，需要的{cue}{written}，价格私聊");
        missed.extend(missed_number(&linter, &body, &written));
    }
    assert!(
        missed.len() <= 8,
        "{} of 400 missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// The letters typed for 0 and 1 (O, o, l, I) in runs of them inside a number, between groups of
/// digits (139-OO12-8866, l38 OO12 3456): the number is read.
#[test]
fn letters_typed_for_zero_and_one_are_read_in_numbers() {
    let linter = Linter::builtin();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut missed = Vec::new();
    for _ in 0..200 {
        let mut digits = vec![1, [3, 5, 7, 8, 9][rng.below(5)]];
        digits.extend((0..9).map(|_| [0, 1, rng.below(10) as u8][rng.below(3)]));
        // (at most four letters in a row: a longer run is a word, not a number)
        let (mut written, mut letters) = (String::new(), 0);
        for (i, &d) in digits.iter().enumerate() {
            if i == 3 || i == 7 {
                written += ["-", " ", ""][rng.below(3)];
            }
            let dressed = match d {
                0 if letters < 4 => rng.pick(&["O", "o", "0"]),
                1 if letters < 4 => rng.pick(&["l", "I", "1"]),
                _ => "",
            };
            let dressed = if dressed.is_empty() {
                d.to_string()
            } else {
                dressed.to_owned()
            };
            letters = if dressed.starts_with(|c: char| c.is_ascii_alphabetic()) {
                letters + 1
            } else {
                0
            };
            written += &dressed;
        }
        let body = format!("上门服务电话：{written}，随时联系");
        missed.extend(missed_number(&linter, &body, &written));
    }
    assert!(
        missed.is_empty(),
        "{} of 200 missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// The digit zero of some scripts whose decimal digits NFKC leaves alone (Arabic-Indic,
/// Extended Arabic-Indic, Devanagari, Bengali, Thai, Khmer, Mongolian, Myanmar).
const SCRIPT_ZEROS: [u32; 8] = [0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0x17E0, 0x1810, 0x1040];

#[test]
fn phone_numbers_in_another_scripts_digits_are_read() {
    let linter = Linter::builtin();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut missed = Vec::new();
    for case in 0..64 {
        let zero = SCRIPT_ZEROS[case % SCRIPT_ZEROS.len()];
        let mut digits = vec![1u8, [3, 5, 7, 8, 9][rng.below(5)]];
        digits.extend((0..9).map(|_| rng.below(10) as u8));
        let written: String = digits
            .iter()
            .enumerate()
            .flat_map(|(i, &d)| {
                let sep = (i == 3 || i == 7).then_some(' ');
                sep.into_iter().chain(char::from_u32(zero + u32::from(d)))
            })
            .collect();
        let body = format!(
            "上门修空调，{}{written}，十几年的老师傅",
            rng.pick(&["师傅电话 ", "📞", "手机："])
        );
        let found = off_platform(&linter, &body);
        if !found
            .iter()
            .any(|(s, m, _)| *s == Severity::Error && m.contains(&written[..6]))
        {
            missed.push(format!("{body} -> {found:?}"));
        }
    }
    assert!(
        missed.is_empty(),
        "{} of 64 missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
    // a price or a count in those digits is no number to call
    for quiet in ["价格 ٣٠ 元，很便宜", "等了 ๑๕ 分钟", "第 ١ 名"] {
        let found = off_platform(&linter, quiet);
        assert!(
            found.iter().all(|(s, _, _)| *s < Severity::Warning),
            "{quiet}: {found:?}"
        );
    }
}

#[test]
fn a_number_read_backwards_on_request() {
    let linter = Linter::builtin();
    let found = off_platform(&linter, "预约电话倒着念：8577 1200 931");
    assert!(found.iter().any(|(s, _, _)| *s == Severity::Error), "{found:?}");
}

#[test]
fn ordinary_numbers_stay_quiet() {
    let linter = Linter::builtin();
    let wall = [
        "2023.10.01 去了一趟西湖，人山人海",
        "身高体重165/100，穿S码刚好",
        "一二三四五六七八九十，宝宝都会数了",
        "心理援助热线12356，接线的老师很温柔",
        "发票号码：02840189，金额8591元",
        "订单号 1 3 9 0 0 2 1 7 7 5 8 已经发货",
        "i5 12400 配 32G 内存，打游戏够用",
        "今天有折扣，我165/100斤穿M",
        "群里有12345个人，太热闹了",
        "价格：1 2 9 9 元，比去年便宜",
        "第一二三四五名都是我们班的",
        "跑了5.2.1公里，配速六分半",
        "房号 1208，楼层 12，电梯很快",
        "尺寸 120 x 200 x 35 cm，放客厅正好",
        "2024-05-20 到 2024-05-27 的行程",
        "版本号 1.61.62300400 已更新",
        "快递单号 1 3 9 0 0 2 1 7 7 5 8，明天到",
    ];
    let loud: Vec<String> = wall
        .iter()
        .filter_map(|t| {
            let found = off_platform(&linter, t);
            found
                .iter()
                .any(|(s, _, _)| *s >= Severity::Warning)
                .then(|| format!("{t} -> {found:?}"))
        })
        .collect();
    assert!(loud.is_empty(), "flagged:\n{}", loud.join("\n"));
}
