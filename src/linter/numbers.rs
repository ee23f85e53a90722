//! Stage 4b, numbers in any dress: a phone or QQ number written in a mix of digit styles
//! (`yi3八-2六7五-O九四一`, `伍柒贰 叁捌陆 玖壹零`, `1.3.9-0.0.2.1-7.7.5.8`, `八八七六 5 4 3 2`) is
//! read as the digits it spells, whatever stands between them, and reported by the redirect
//! pack's number rules.
//!
//! A *run* is a sequence of digit units over the folded text: ASCII digits (full-width, circled
//! and styled digits are already ASCII there), Chinese numerals (`〇零一幺二两三…`, the
//! financial `壹贰叁…`), numerals spelled in pinyin (`yi`, `san`, `yao`) and, beside other
//! digits, the letters people type for 0 and 1 (`O`, `l`, `I`). Between two units stand at most
//! two separators (spaces, dots, dashes, slashes, stars, symbols and pictures; brackets round a
//! group of up to four digits, as an area code's or a digit's own: `183(1901)6820`, `⑼(0)⑴`). A run reads as
//! - a phone number when it holds eleven digits in a mobile number's shape (`1[3-9]…`), or
//!   holds them backwards after the writer says to read it backwards (`倒着念`);
//! - a QQ or group number when it holds five to twelve digits right after a QQ or group cue
//!   (`qq`, `扣扣`, `🐧`, `群号`), and any contact number after another contact cue (`联系`,
//!   `电话`, `找我`).
//!
//! Right after a contact cue, characters said like digits are read as them too (`薇：要伞巴
//! 舞领舞…` for 138 505…), seven or more in a row and never joined to plain digits. A run right
//! after a word that names another kind of number (`版本号`, `订单号`, `快递单号`, `发票`) is
//! that number, and a run in a mobile's shape with no cue that reads as a list of decimals
//! (`1.6-1.4-2000-500`) is a list.
//!
//! Numbers written plainly in one style are the pack regexes' (they carry the exceptions an
//! order number or a date needs); this stage adds the mixed and the spaced, and a hit it makes
//! goes through the same rule's exceptions.

use super::{Hit, Linter};
use crate::normalize::Normalized;
use crate::span::Span;

/// The rules a number is reported by (indices into the linter's rules), found when it is
/// built: a phone number, a QQ or group number, a number after another contact cue.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct NumberRules {
    pub(super) phone: Option<usize>,
    pub(super) qq: Option<usize>,
    pub(super) contact: Option<usize>,
}

/// Most separators between two digit units of one run.
const MAX_SEPARATORS: usize = 2;

/// Cues that a QQ or a group number follows (folded text).
/// (Not 扣 alone: 折扣, 扣分; nor 鹅 alone: 烧鹅, but the penguin's number 鹅号 and 加鹅.)
/// (And Q said as the label of its number, q：, and the nickname 球球 said alike: 丘丘, 秋秋.)
const QQ_CUES: [&str; 22] = [
    "qq", "q号", "扣扣", "抠抠", "蔻蔻", "寇寇", "口口", "🐧", "企鹅", "群号", "群", "裙号", "球球", "+扣", "加扣",
    "鹅号", "加鹅", "+鹅", "q.q", "q:", "丘丘", "秋秋",
];
/// Cues that a phone number or some other contact number follows (folded text). (Not 号码:
/// 发票号码, 订单号码; nor 热线: a public hotline is no redirect.)
/// (And the ways of asking for a call or a message where WhatsApp, LINE and texts carry
/// them: Hong Kong, Taiwan, Singapore, Malaysia: `WhatsApp 我：玖壹貳叁 肆伍陸柒`, `WS我`, `inbox`, `打給我`,
/// `text 我`, `簡訊`, `加賴`.)
const CONTACT_CUES: [&str; 54] = [
    "电话",
    // (a call asked for by its verb: 想订位的直接打 6612 3456; not 打 alone: 打了3折)
    "直接打",
    "请打",
    "欢迎打",
    // (a call asked for: 预约请电, 致电, 来电)
    "请电",
    "致电",
    "来电",
    // (and the chat apps of the Philippines and Korea named before a number: Viber, KakaoTalk;
    // not 拨 alone: 加拨17911, 拨长途)
    "viber",
    "kakao",
    "whatsapp",
    "whats app",
    // (and Vietnam's chat app: 加Zalo 0912 345 678)
    "zalo",
    // (and its spellings in Malaysia, Singapore, Hong Kong and Indonesia: wasap, watsap,
    // whatsap, wsap, wsp, w.a)
    "wsp",
    "w.a",
    "wasap",
    "watsap",
    "whatsap",
    "wsap",
    "ws我",
    "inbox",
    "打给我",
    "打俾我",
    "call我",
    "text",
    "简讯",
    "联络",
    "加赖",
    "手机",
    "📞",
    "☎",
    "📱",
    // (a phone with its arrow, and WhatsApp with the katakana dot or its short forms: w・a,
    // wts ap)
    "📲",
    "w・a",
    "w·a",
    "wts ap",
    "wtsap",
    "tel",
    "联系",
    "预约",
    "微信",
    "vx",
    "wx",
    "v信",
    "加我",
    "找我",
    "私我",
    "薇",
    // (and the other single characters written for WeChat as a label before its number, in
    // any digits: 微：八九四二六六三六八; not 稍微 or 轻微 before a count)
    "微:",
    "威:",
    "卫:",
    "维:",
    "威信",
    "卫星",
    "绿泡泡",
];
/// Words that name a number as something other than a contact (版本号 1.61.62300400, 订单号,
/// 快递单号): a run after one of them is that number.
const NOT_CONTACT: [&str; 17] = [
    "版本",
    "version",
    "ver",
    "型号",
    "编号",
    "单号",
    "订单",
    "快递",
    "运单",
    "工号",
    "发票",
    "身份证",
    "卡号",
    "条码",
    "序列号",
    "批号",
    "学号",
];
/// Words that say a number is to be read backwards.
const BACKWARDS: [&str; 6] = ["倒着", "反着", "倒过来", "反过来", "倒序", "倒读"];
/// How far before a run (in bytes of folded text) its cue may stand: about eight characters.
const CUE_REACH: usize = 24;

/// The digit a character stands for when it sounds like one (要伞巴 for 138), as people spell a
/// number after a contact cue: read only in a run that starts with one right after a cue and
/// holds seven or more digits (so a word after a plain number never lengthens it).
const fn digit_by_sound(c: char) -> Option<u8> {
    Some(match c {
        '令' | '玲' | '铃' | '领' | '灵' => 0,
        '幺' | '腰' | '妖' | '要' | '药' | '衣' | '依' | '伊' | '医' => 1,
        '儿' | '耳' | '尔' | '饵' => 2,
        '伞' | '散' | '山' | '衫' => 3,
        '死' | '寺' | '思' | '丝' | '斯' | '撕' => 4,
        '舞' | '午' | '武' | '吴' | '屋' | '无' | '捂' => 5,
        '柳' | '溜' | '留' | '流' | '刘' => 6,
        '期' | '妻' | '漆' | '其' | '奇' | '棋' | '起' => 7,
        '巴' | '吧' | '爸' | '扒' | '疤' | '芭' => 8,
        '酒' | '久' | '旧' | '韭' => 9,
        _ => return None,
    })
}

/// The digit a character stands for in a number.
const fn digit_of(c: char) -> Option<u8> {
    Some(match c {
        '0'..='9' => c as u8 - b'0',
        // (and the radio operator's digits, said so they cannot be misheard on a call: 洞 0,
        // 幺 1, 两 2, 拐 7, 勾 9: 幺三八 洞洞拐幺 …)
        '〇' | '零' | '洞' => 0,
        '一' | '幺' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        // (參, the financial 3 in traditional characters, simplifies to 参)
        '三' | '叁' | '参' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' | '拐' => 7,
        '八' | '捌' => 8,
        '九' | '玖' | '勾' => 9,
        // Cyrillic look-alikes typed for digits (1З9 for 139)
        'з' | 'З' => 3,
        'б' => 6,
        _ => return None,
    })
}

/// The digits a run of ASCII letters spells as pinyin numerals (`yisan` 13), or as the
/// letters typed for 0 and 1 (`o`, `l`, `i`, up to eight of them: `139-OO12`): `None` when it
/// spells anything else.
fn spelled_digits(word: &str) -> Option<Vec<u8>> {
    // (and a digit's English name, one word a digit: four one six, five five five)
    const ENGLISH: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    if let Some(d) = ENGLISH.iter().position(|w| *w == word) {
        return Some(vec![d as u8]);
    }
    if (1..=8).contains(&word.len()) && word.bytes().all(|b| matches!(b, b'o' | b'l' | b'i')) {
        return Some(word.bytes().map(|b| u8::from(b != b'o')).collect());
    }
    const SYLLABLES: [(&str, u8); 12] = [
        ("ling", 0),
        ("yao", 1),
        ("yi", 1),
        ("er", 2),
        ("san", 3),
        ("si", 4),
        ("wu", 5),
        ("liu", 6),
        ("qi", 7),
        ("ba", 8),
        ("jiu", 9),
        ("lin", 0),
    ];
    let mut out = Vec::new();
    let mut rest = word;
    while !rest.is_empty() {
        let (s, d) = SYLLABLES.iter().find(|(s, _)| rest.starts_with(s))?;
        out.push(*d);
        rest = &rest[s.len()..];
    }
    Some(out)
}

/// Whether `rest` starts, after at most [`MAX_SEPARATORS`] separators, with a digit or a word
/// spelling digits.
fn digit_follows(rest: &str) -> bool {
    let rest = rest.trim_start_matches(separator);
    let Some(c) = rest.chars().next() else {
        return false;
    };
    if digit_of(c).is_some() {
        return true;
    }
    let word: String = rest.chars().take_while(char::is_ascii_lowercase).collect();
    !word.is_empty() && spelled_digits(&word).is_some_and(|d| !d.is_empty()) && word.len() > 1
}

/// Whether `c` may stand between two digit units of a run.
fn separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '·' | '•' | '-' | '_' | '/' | '*' | '~' | '～' | '—' | '|' | '+' | '、'
        )
        || (!c.is_alphanumeric() && !c.is_ascii() && !matches!(c, '，' | '。' | '！' | '？' | '：' | '；'))
}

/// Whether `c` is a comma, ASCII or full-width.
fn comma(c: char) -> bool {
    matches!(c, ',' | '，')
}

/// Whether `rest` (after an opening bracket) holds one to four digits, or letters for 0 and 1
/// among them, and then the closing bracket: `(1901)`, `(0)`, `(o)`.
fn bracketed_digits(rest: &str) -> bool {
    let inside = rest
        .chars()
        .take_while(|&c| digit_of(c).is_some() || matches!(c, 'o' | 'l' | 'i'));
    let (count, bytes) = inside.fold((0, 0), |(n, b), c| (n + 1, b + c.len_utf8()));
    (1..=4).contains(&count) && rest[bytes..].starts_with([')', ']'])
}

/// A run of digit units: its folded byte range and the digits it spells.
#[derive(Debug, PartialEq, Eq)]
struct Run {
    start: usize,
    end: usize,
    digits: Vec<u8>,
    /// How many units are a Chinese numeral, a spelled syllable or a letter.
    dressed: usize,
    /// Whether separators stand inside it.
    spaced: bool,
    /// Whether a plain ASCII digit stands in it.
    plain_digit: bool,
    /// Whether a comma stands between two of its groups.
    comma: bool,
    /// Whether a word joins two of its groups (加上, 中间, 最后: see [`joiner_at`]).
    joined: bool,
}

/// Words that join the groups of a number told in parts (一八八 加上 0755 再接 2631, 幺叁捌
/// 中间 0011 最后 2233), each with 是 or a colon after it or not.
const JOINERS: [&str; 12] = [
    "加上",
    "再接",
    "接着",
    "然后",
    "后面",
    "中间",
    "最后",
    "尾号",
    "尾数",
    "末尾",
    "后四位",
    "中间四位",
];

/// The length of a joining word at the start of `rest` (see [`JOINERS`]), with a 是, 为 or
/// colon after it and the separators around, when a digit follows: `None` otherwise.
fn joiner_at(rest: &str) -> Option<usize> {
    let word = JOINERS.iter().filter(|w| rest.starts_with(*w)).map(|w| w.len()).max()?;
    let after = rest[word..].trim_start_matches(separator);
    let after = after
        .strip_prefix(['是', '为', ':'])
        .unwrap_or(after)
        .trim_start_matches(separator);
    let c = after.chars().next()?;
    digit_of(c).is_some().then_some(rest.len() - after.len())
}

/// The ideographs (U+4E00–U+9FFF) that are a digit or are said like one ([`digit_of`],
/// [`digit_by_sound`]), one bit each, computed from those two at compile time: a text's other
/// ideographs (nearly all of them) are passed over with one bit test.
static DIGITISH: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut k = 0;
    while k < 328 * 64 {
        if let Some(c) = char::from_u32(0x4E00 + k as u32)
            && (digit_of(c).is_some() || digit_by_sound(c).is_some())
        {
            bits[k / 64] |= 1 << (k % 64);
        }
        k += 1;
    }
    bits
};

/// Whether `c` is an ideograph that is neither a digit nor said like one (the common case).
#[inline]
fn plain_ideograph(c: char) -> bool {
    let u = c as u32;
    (0x4E00..0x4E00 + 328 * 64).contains(&u) && {
        let k = (u - 0x4E00) as usize;
        DIGITISH[k / 64] & (1 << (k % 64)) == 0
    }
}

/// Ends the current run: kept when it holds five digits or more (seven when some of them are
/// characters said like digits, or a comma stands between its groups: 九七八七,六位号 is no
/// number).
fn flush(current: &mut Option<Run>, sounded: &mut usize, out: &mut Vec<Run>) {
    if let Some(run) = current.take()
        && run.digits.len() >= 5
        && (*sounded == 0 && !run.comma || run.digits.len() >= 7)
    {
        out.push(run);
    }
    *sounded = 0;
}

/// Every run of `folded` with at least five digits.
fn runs(folded: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let bytes = folded.as_bytes();
    let mut current: Option<Run> = None;
    let mut pending_separators = 0;
    // how many units of the current run are characters said like digits
    let mut sounded = 0;
    // whether a bracket opened before a short group of digits that is not closed yet
    let mut open_bracket = false;
    let mut at = 0;
    while let Some(c) = folded[at..].chars().next() {
        let mut next = at + c.len_utf8();
        // a word that joins the groups of a number told in parts (一八八 加上 0755 再接 2631,
        // 幺叁捌 中间 0011 最后 2233) stands between them as a separator, where a digit follows
        if plain_ideograph(c)
            && let Some(run) = current.as_mut()
            && run.digits.len() >= 3
            && let Some(len) = joiner_at(&folded[at..])
        {
            run.spaced = true;
            run.joined = true;
            pending_separators = 1;
            at += len;
            continue;
        }
        if plain_ideograph(c) {
            flush(&mut current, &mut sounded, &mut out);
            pending_separators = 0;
            at = next;
            continue;
        }
        // a unit: one digit character, or a whole ASCII word spelling digits
        let mut digit: Option<(u8, bool)> = digit_of(c).map(|d| (d, !c.is_ascii_digit()));
        let mut spelled: Option<Vec<u8>> = None;
        // a character said like a digit continues a run of them, or starts one after a cue
        if digit.is_none()
            && let Some(d) = digit_by_sound(c)
            && (if current.is_some() {
                sounded > 0
            } else {
                after_cue(folded, at)
            })
        {
            digit = Some((d, true));
            sounded += 1;
        }
        // a numeral spelled in zhuyin (ㄌㄧㄥˊ九一二 for 0912), beside other digits
        if digit.is_none()
            && crate::normalize::ZHUYIN.contains(&(c as u32))
            && let Some((len, pinyin)) = crate::normalize::zhuyin_syllable(folded, at)
            && (current.is_some() || digit_follows(&folded[at + len..]))
        {
            spelled = spelled_digits(&pinyin).filter(|d| d.len() == 1 && pinyin.len() >= 2);
            next = at + len;
        }
        if digit.is_none() && spelled.is_none() && c.is_ascii_lowercase() {
            let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_lowercase()).count();
            // a letter word is part of a number only beside digits: it continues a run, or
            // a digit or another spelled numeral follows it (past a separator or two)
            let beside_digit = current.is_some() || digit_follows(&folded[end..]);
            if beside_digit {
                spelled = spelled_digits(&folded[at..end]);
            }
            next = end;
        }
        // a run of characters said like digits takes no plain digits (微信吧13232868610 is 吧
        // and a number, not a twelve-digit one)
        if sounded > 0 && c.is_ascii_digit() {
            flush(&mut current, &mut sounded, &mut out);
            pending_separators = 0;
        }
        if digit.is_some() || spelled.is_some() {
            let run = current.get_or_insert(Run {
                start: at,
                end: next,
                digits: Vec::new(),
                dressed: 0,
                spaced: false,
                plain_digit: false,
                comma: false,
                joined: false,
            });
            if pending_separators > 0 && !run.digits.is_empty() {
                run.spaced = true;
            }
            run.end = next;
            match (digit, spelled) {
                (Some((d, dressed)), _) => {
                    run.digits.push(d);
                    run.dressed += usize::from(dressed);
                    run.plain_digit |= !dressed;
                }
                (None, Some(ds)) => {
                    run.digits.extend(ds);
                    run.dressed += 1;
                }
                (None, None) => {}
            }
            pending_separators = 0;
        } else if c == '\n' && current.as_ref().is_some_and(|r| mobile(&r.digits)) {
            // a mobile number ends its line: the next line's numeral starts another thing
            // (…1357⏎两个师傅 is no twelve-digit number)
            flush(&mut current, &mut sounded, &mut out);
            pending_separators = 0;
        } else if matches!(c, '(' | '[') && pending_separators < MAX_SEPARATORS && bracketed_digits(&folded[next..]) {
            // a bracket opening a short group of digits stands between two units as a
            // separator (1799(1999-200) is a price and its sum, and stays apart)
            open_bracket = true;
            pending_separators += usize::from(current.is_some());
        } else if matches!(c, ')' | ']') && open_bracket && current.is_some() && pending_separators < MAX_SEPARATORS {
            open_bracket = false;
            pending_separators += 1;
        } else if let Some(run) = current.as_mut()
            && (separator(c)
                // (a comma between groups of a number written all in words or numerals, as a
                // number is said: 一三八，一二三四，… or four one six, five five five, …)
                || comma(c) && !run.plain_digit && pending_separators == 0)
            // (a third too, as after a dash spaced on both sides, 628 - 331, or a symbol set
            // between two dashes or spaces, 139-★-2211, 307 ➕ 551; never a fourth)
            && pending_separators <= MAX_SEPARATORS
        {
            pending_separators += 1;
            run.comma |= comma(c);
        } else {
            flush(&mut current, &mut sounded, &mut out);
            pending_separators = 0;
        }
        at = next;
    }
    flush(&mut current, &mut sounded, &mut out);
    out
}

/// Whether `raw` holds a decimal standing alone (`1.6` of `出货1.6-1.4-2000-500`): a list of
/// ratios or prices, not a number set apart digit by digit (`1.3.9-0.0.2.1`).
fn has_decimal(raw: &str) -> bool {
    let b = raw.as_bytes();
    let free = |i: Option<usize>| {
        i.and_then(|i| b.get(i))
            .is_none_or(|c| !c.is_ascii_digit() && *c != b'.')
    };
    (1..b.len().saturating_sub(1)).any(|i| {
        b[i] == b'.'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && free(i.checked_sub(2))
            && free(Some(i + 2))
    })
}

/// Whether `digits` have a phone number's shape: a mainland mobile (eleven from `1[3-9]`), or
/// a number as it is dialled inside its own country, from its trunk `0`: ten to twelve digits
/// from `0[1-9]` (Taiwan's 0912-345-678, Japan's 090, Korea's 010, Malaysia's 012-345 6789,
/// the Philippines' 0917, Indonesia's 0812-3456-7890, Thailand's and Vietnam's 08, Britain's
/// 07, a landline with its area code).
fn mobile(digits: &[u8]) -> bool {
    (digits.len() == 11 && digits[0] == 1 && (3..=9).contains(&digits[1]))
        || ((10..=12).contains(&digits.len()) && digits[0] == 0 && digits[1] != 0)
}

/// Whether `digits` are a mainland mobile's first ten (`1[3-9]` and eight more).
fn mobile_but_one(digits: &[u8]) -> bool {
    digits.len() == 10 && digits[0] == 1 && (3..=9).contains(&digits[1])
}

/// Country calling codes of the places that write Chinese and where their students and
/// sellers live (Hong Kong, Macau, Taiwan, Singapore, Malaysia, Japan, Korea, Australia, New
/// Zealand, Thailand, Vietnam, Indonesia, the Philippines, Britain, North America, France,
/// Germany, Italy, the mainland).
const COUNTRY_CODES: [&[u8]; 19] = [
    &[8, 5, 2],
    &[8, 5, 3],
    &[8, 8, 6],
    &[6, 5],
    &[6, 0],
    &[8, 1],
    &[8, 2],
    &[6, 1],
    &[6, 4],
    &[6, 6],
    &[8, 4],
    &[6, 2],
    &[6, 3],
    &[4, 4],
    &[1],
    &[3, 3],
    &[4, 9],
    &[3, 9],
    &[8, 6],
];

/// Whether a run is a number dialled from abroad: a `+` right before it, a country's calling
/// code and seven to eleven digits more (`+65 九一二三 四五六七`, `+852 9123 4567`).
fn international(folded: &str, run: &Run) -> bool {
    folded[..run.start].trim_end().ends_with('+')
        && COUNTRY_CODES
            .iter()
            .any(|cc| run.digits.starts_with(cc) && (7..=11).contains(&(run.digits.len() - cc.len())))
}

/// Whether one of `cues` stands right before `at` in `folded`: only words that link a cue to
/// its number (我, 号, 是, a colon, 加, 问, spaces and symbols; at most eight) between. Looked
/// back from `at`, a few comparisons where no cue stands.
fn cued(folded: &str, at: usize, cues: &[&str]) -> bool {
    let ends_with_cue = |b: usize| cues.iter().any(|cue| folded[..b].ends_with(cue));
    ends_with_cue(at)
        || folded[..at]
            .char_indices()
            .rev()
            .take(8)
            .take_while(|&(_, c)| linking(c))
            .any(|(i, _)| ends_with_cue(i))
}

/// Whether a contact or QQ cue ends right before `at` (see [`cued`]). Most characters said
/// like digits follow an ordinary word: the char before them, neither a cue's last char nor a
/// linking one, settles it.
fn after_cue(folded: &str, at: usize) -> bool {
    let Some(before) = folded[..at].chars().next_back() else {
        return false;
    };
    if !CUE_LAST.contains(before) && !linking(before) {
        return false;
    }
    cued(folded, at, &CONTACT_CUES) || cued(folded, at, &QQ_CUES)
}

/// The last characters of [`CONTACT_CUES`] and [`QQ_CUES`] (a test checks).
const CUE_LAST: &str = "r电话机📞☎📱📲l系约信xv薇:星泡我q号扣抠蔻寇口🐧鹅群球丘秋pt讯络赖ao打";

/// Whether `c` may stand between a cue and its number (see [`LINKERS`]).
fn linking(c: char) -> bool {
    LINKERS.contains(c) || separator(c) || matches!(c, ':' | '：')
}

/// Whether one of `words` stands within [`CUE_REACH`] bytes before `at` in `folded`.
fn near(folded: &str, at: usize, words: &[&str]) -> bool {
    let mut from = at.saturating_sub(CUE_REACH);
    while !folded.is_char_boundary(from) {
        from += 1;
    }
    words.iter().any(|w| folded[from..at].contains(w))
}

/// What may stand between a cue and its number (扣群号：, 🐧我：, 电话是, 加我问).
const LINKERS: &str = "我号码是为加问群搜私了的在找吧哦呀噢~";

impl Linter {
    /// The numbers of a field written in mixed or spaced digits (see the module): hits of the
    /// phone, QQ and contact rules, checked by those rules' exceptions like any other hit.
    pub(super) fn read_numbers(
        &self,
        text: &str,
        norm: &Normalized,
        active: &impl Fn(usize) -> bool,
        hits: &mut Vec<Hit>,
    ) {
        let rules = self.inner.numbers;
        let folded = norm.folded();
        for run in runs(folded) {
            // plain ASCII digits side by side are the pack regexes', unless a cue the regexes
            // do not know stands before them (🐧我：867234519)
            let plain = run.dressed == 0 && !run.spaced;
            if cued(folded, run.start, &NOT_CONTACT) {
                continue;
            }
            let qq = run.digits.len() <= 12 && cued(folded, run.start, &QQ_CUES);
            let contact = run.digits.len() <= 12 && cued(folded, run.start, &CONTACT_CUES);
            // a number in a mobile's shape needs no cue, unless it reads as a list of decimals;
            // nor a mobile's first ten digits all in dress, numerals or styled digits, as a
            // writer who lost or hid one sets it out (壹叁捌 捌捌捌 陆陆陆陆, ①③⑧⑥⑥⑥⑧⑧⑧⑧): a
            // plain one is a timestamp or an order's number as often
            // (every digit dressed alike: 148、246、324三间 is three rooms and a numeral)
            let but_one = mobile_but_one(&run.digits)
                && (run.dressed == run.digits.len()
                    || text[norm.folded_to_original(run.start, run.end)]
                        .chars()
                        .filter(|c| c.is_numeric())
                        .all(|c| !c.is_ascii()));
            let shaped =
                (mobile(&run.digits) || but_one) && (qq || contact || !has_decimal(&folded[run.start..run.end]));
            let backwards = || {
                let mut reversed = run.digits.clone();
                reversed.reverse();
                mobile(&reversed) && near(folded, run.start, &BACKWARDS)
            };
            let rule = if (!plain || but_one) && (shaped || backwards() || international(folded, &run)) {
                rules.phone
            } else if qq {
                rules.qq
            } else if contact {
                rules.contact
            } else {
                None
            };
            if let Some(rule) = rule.filter(|&r| active(r)) {
                // (a keycap's marks after its last digit are the digit's: 7️⃣)
                let range = norm.folded_to_original(run.start, run.end);
                let marks = text[range.end..]
                    .chars()
                    .take_while(|&c| matches!(c, '\u{FE0F}' | '\u{20E3}'))
                    .map(char::len_utf8)
                    .sum::<usize>();
                hits.push(Hit {
                    rule,
                    span: Span::from(range.start..range.end + marks),
                    term: None,
                    reading: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<String> {
        runs(s)
            .into_iter()
            .map(|r| r.digits.iter().map(|d| char::from(b'0' + d)).collect())
            .collect()
    }

    #[test]
    fn runs_read_every_dress() {
        assert_eq!(digits("yi3八-2六7五-o九四一"), ["13826750941"]);
        assert_eq!(digits("伍柒贰 叁捌陆 玖壹零"), ["572386910"]);
        assert_eq!(digits("1.3.9-0.0.2.1-7.7.5.8"), ["13900217758"]);
        assert_eq!(digits("八八七六 5 4 3 2"), ["88765432"]);
        assert_eq!(digits("幺三八 洞洞拐幺 二二三四"), ["13800712234"]);
        assert_eq!(digits("电话:13900217758。"), ["13900217758"]);
        // digits by sound, only after a cue and seven or more of them
        assert_eq!(digits("薇：要伞巴 舞领舞 柳酒期二"), ["1385056972"]);
        assert!(digits("我们五六个人一起去吧").is_empty());
        assert_eq!(digits("你加我微信吧13232868610"), ["13232868610"]);
        // letters read as digits only beside digits, and words that spell nothing are no run
        assert!(digits("yisan wuliu").is_empty());
        assert!(digits("hello 123").is_empty());
        // a digit's English name, and commas between the groups of a number said in words
        assert_eq!(
            digits("call me: four one six, five five five, zero one nine eight"),
            ["4165550198"]
        );
        assert_eq!(digits("一三八，一二三四，五六七八"), ["13812345678"]);
        assert!(digits("one of the two").is_empty());
        assert_eq!(digits("138，1234，5678"), Vec::<String>::new());
        assert!(digits("v信九七八七,六位号").is_empty());
        // three separators end a run
        assert_eq!(digits("12 -  345678"), ["345678"]);
        // a mobile number ends at its line's end; a number set over lines is still read
        assert_eq!(digits("电话138🌟2468🌟1357\n两个师傅"), ["13824681357"]);
        assert_eq!(digits("138\n2468\n1357"), ["13824681357"]);
        // brackets stand between digits as an area code's do, and round one digit
        assert_eq!(digits("183(1901)6820"), ["18319016820"]);
        assert_eq!(digits("(1)(8)(3)(1)(9)(0)(1)(6)(8)(2)(0)"), ["18319016820"]);
        assert_eq!(digits("[1]38 [2]468 [1]357"), ["13824681357"]);
        // but not a price and its sum, nor a date in brackets before a number
        assert_eq!(digits("1799(1999-200)"), ["1999200"]);
        assert_eq!(digits("[08/1/04 1:30]010-51236699"), ["081041", "01051236699"]);
    }

    #[test]
    fn every_cue_ends_in_a_listed_char() {
        for cue in CONTACT_CUES.iter().chain(&QQ_CUES) {
            let last = cue.chars().next_back().unwrap();
            assert!(CUE_LAST.contains(last), "{cue}");
        }
    }

    #[test]
    fn a_number_told_in_parts_is_read_whole() {
        // groups joined by words (加上, 中间, 最后) where a digit follows
        assert_eq!(digits("一八八 加上 0755 再接 2631"), ["18807552631"]);
        assert_eq!(digits("幺叁捌 中间 0011 最后 2233"), ["13800112233"]);
        assert_eq!(digits("138 后面是 2468 尾号是 1357"), ["13824681357"]);
        // ...not a word before no digit, nor a joiner after fewer than three digits
        assert!(digits("买了12件然后去吃饭").is_empty());
        assert_eq!(digits("第12然后345678"), ["345678"]);
        // a symbol set between two dashes or spaces is a third separator; a fourth ends a run
        assert_eq!(digits("139-★-2211-★-5687"), ["13922115687"]);
        assert_eq!(digits("307 ➕ 551 ➕ 928"), ["307551928"]);
        assert_eq!(digits("12 -  345678"), ["345678"]);
    }

    #[test]
    fn a_mobiles_first_ten_digits_all_in_dress_are_a_phone() {
        assert!(mobile_but_one(&[1, 3, 8, 8, 8, 8, 6, 6, 6, 6]));
        assert!(!mobile_but_one(&[1, 2, 8, 8, 8, 8, 6, 6, 6, 6]));
        assert!(!mobile_but_one(&[1, 3, 8, 8, 8, 8, 6, 6, 6]));
    }

    #[test]
    fn decimals() {
        assert!(has_decimal("1.6-1.4-2000-500"));
        assert!(!has_decimal("1.3.9-0.0.2.1-7.7.5.8"));
        assert!(!has_decimal("138 0013 8000"));
    }

    #[test]
    fn numbers_dialled_from_abroad() {
        let run = |s: &str| runs(s).into_iter().next().unwrap();
        let text = "whatsapp me +65 九一二三 四五六七";
        assert!(international(text, &run(text)));
        let text = "+852 9123 4567";
        assert!(international(text, &run(text)));
        // (no plus, or a code and too few digits after it)
        assert!(!international("65 九一二三 四五六七", &run("65 九一二三 四五六七")));
        assert!(!international("+65 1234", &run("+65 1234 5")));
    }

    #[test]
    fn shapes() {
        assert!(mobile(&[1, 3, 9, 0, 0, 2, 1, 7, 7, 5, 8]));
        assert!(!mobile(&[1, 2, 9, 0, 0, 2, 1, 7, 7, 5, 8]));
        assert!(mobile(&[0, 9, 1, 2, 3, 4, 5, 6, 7, 8]));
        assert!(mobile(&[0, 8, 1, 2, 3, 4, 5, 6, 7, 8]));
        assert!(mobile(&[0, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
        assert!(mobile(&[0, 9, 1, 7, 1, 2, 3, 4, 5, 6, 7]));
        assert!(mobile(&[0, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0]));
        // (not nine digits, nor thirteen, nor a run from 00)
        assert!(!mobile(&[0, 9, 1, 2, 3, 4, 5, 6, 7]));
        assert!(!mobile(&[0, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]));
        assert!(!mobile(&[0, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
        assert!(cued("扣群号:", "扣群号:".len(), &QQ_CUES));
        assert!(cued("🐧我：", "🐧我：".len(), &QQ_CUES));
        assert!(!cued("今天买了", "今天买了".len(), &QQ_CUES));
        // a cue with other words between is not this number's (群里有 12345 人)
        assert!(!cued("群里有", "群里有".len(), &QQ_CUES));
    }
}
