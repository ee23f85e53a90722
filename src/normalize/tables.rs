//! Small, documented character tables used by the folds.
//!
//! Everything here is data plus trivial lookups; the fold pipeline itself lives in
//! [`super::fold`].

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Fold 1: is `c` removed from the working copy altogether?
///
/// Invisible characters that carry no text of their own and are used to split words apart
/// without the reader noticing:
///
/// * every Unicode `Default_Ignorable_Code_Point` (DerivedCoreProperties.txt): soft hyphen
///   U+00AD, combining grapheme joiner U+034F, Arabic letter mark U+061C, Hangul fillers
///   U+115F, U+1160, U+3164, U+FFA0, Khmer inherent vowels U+17B4–17B5, Mongolian free
///   variation selectors and vowel separator U+180B–180F, zero-width space / non-joiner /
///   joiner and LRM/RLM U+200B–200F, bidi embeddings and overrides U+202A–202E, word joiner,
///   invisible operators, bidi isolates and deprecated format controls U+2060–206F,
///   variation selectors U+FE00–FE0F, BOM / zero-width no-break space U+FEFF, U+FFF0–FFF8,
///   shorthand format controls U+1BCA0–1BCA3, musical formatting U+1D173–1D17A, tag
///   characters and variation selectors supplement U+E0000–E0FFF;
/// * the combining enclosing keycap U+20E3 (`1️⃣` folds to `1`);
/// * emoji skin-tone modifiers U+1F3FB–1F3FF (`👍🏻` folds to `👍`).
#[inline]
pub(super) fn is_removed(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x20E3
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0x1F3FB..=0x1F3FF
            | 0xE0000..=0xE0FFF
    )
}

/// What a run of [`EXTRA_COMPAT`] folds to.
#[derive(Clone, Copy)]
enum Extra {
    /// The run stands for consecutive numbers starting at this value.
    Number(u8),
    /// The run stands for the letters `a`–`z`.
    Letter,
    /// Every char of the run folds to this string.
    Same(&'static str),
}

/// Fold 2, manual part: forms that NFKC leaves alone but people use as plain digits, letters
/// or spaces. `(first, last, folds to)`, sorted, non-overlapping; outputs are already in
/// their final (lowercase) form.
static EXTRA_COMPAT: &[(u32, u32, Extra)] = &[
    // Ⅰ–Ⅻ ROMAN NUMERAL ONE–TWELVE and ⅰ–ⅻ SMALL ROMAN NUMERAL ONE–TWELVE: numbers (排名第Ⅰ),
    // not the letters NFKC gives them
    // (Ⅴ and Ⅹ are left to NFKC: written for the letters V and X as often, ＋Ⅴ for +V)
    (0x2160, 0x2163, Extra::Number(1)),
    (0x2165, 0x2168, Extra::Number(6)),
    (0x216A, 0x216B, Extra::Number(11)),
    (0x2170, 0x2173, Extra::Number(1)),
    (0x2175, 0x2178, Extra::Number(6)),
    (0x217A, 0x217B, Extra::Number(11)),
    // ⊕ CIRCLED PLUS: a plus drawn for a call (⊕V), as written with +
    (0x2295, 0x2295, Extra::Same("+")),
    // ⑴–⒇ PARENTHESIZED DIGIT ONE–NUMBER TWENTY: digits, not "(1)" (NFKC), so that a number
    // written in them reads as one number
    (0x2474, 0x2487, Extra::Number(1)),
    // ⒈–⒛ DIGIT ONE FULL STOP–NUMBER TWENTY FULL STOP: digits, not "1." (NFKC)
    (0x2488, 0x249B, Extra::Number(1)),
    // ⓫–⓴ NEGATIVE CIRCLED NUMBER ELEVEN–TWENTY
    (0x24EB, 0x24F4, Extra::Number(11)),
    // ⓵–⓾ DOUBLE CIRCLED DIGIT ONE–NUMBER TEN
    (0x24F5, 0x24FE, Extra::Number(1)),
    // ⓿ NEGATIVE CIRCLED DIGIT ZERO
    (0x24FF, 0x24FF, Extra::Number(0)),
    // ╋ BOX DRAWINGS HEAVY VERTICAL AND HORIZONTAL, ✙–✜ the outlined and heavy crosses: the
    // same plus
    (0x254B, 0x254B, Extra::Same("+")),
    (0x2719, 0x271C, Extra::Same("+")),
    // ❶–❿ DINGBAT NEGATIVE CIRCLED DIGIT ONE–NUMBER TEN
    (0x2776, 0x277F, Extra::Number(1)),
    // ➀–➉ DINGBAT CIRCLED SANS-SERIF DIGIT ONE–NUMBER TEN
    (0x2780, 0x2789, Extra::Number(1)),
    // ➊–➓ DINGBAT NEGATIVE CIRCLED SANS-SERIF DIGIT ONE–NUMBER TEN
    (0x278A, 0x2793, Extra::Number(1)),
    // ➕ HEAVY PLUS SIGN: the plus of a call (➕V, ➕我), as written with +
    (0x2795, 0x2795, Extra::Same("+")),
    // ⨁ N-ARY CIRCLED PLUS OPERATOR: the same plus
    (0x2A01, 0x2A01, Extra::Same("+")),
    // ⼁ KANGXI RADICAL LINE, which NFKC makes 丨: the bar too (see U+4E28 below)
    (0x2F01, 0x2F01, Extra::Same("|")),
    // U+3000 IDEOGRAPHIC SPACE → ' ' (NFKC does this too; listed so the intent is explicit).
    (0x3000, 0x3000, Extra::Same(" ")),
    // ㄅ–ㄙ BOPOMOFO initials, as the first letter of their pinyin initial: the zhuyin a
    // syllable is abbreviated by, read like a Latin initial (ㄉ一名 for 第一名)
    (0x3105, 0x3105, Extra::Same("b")),
    (0x3106, 0x3106, Extra::Same("p")),
    (0x3107, 0x3107, Extra::Same("m")),
    (0x3108, 0x3108, Extra::Same("f")),
    (0x3109, 0x3109, Extra::Same("d")),
    (0x310A, 0x310A, Extra::Same("t")),
    (0x310B, 0x310B, Extra::Same("n")),
    (0x310C, 0x310C, Extra::Same("l")),
    (0x310D, 0x310D, Extra::Same("g")),
    (0x310E, 0x310E, Extra::Same("k")),
    (0x310F, 0x310F, Extra::Same("h")),
    (0x3110, 0x3110, Extra::Same("j")),
    (0x3111, 0x3111, Extra::Same("q")),
    (0x3112, 0x3112, Extra::Same("x")),
    (0x3113, 0x3113, Extra::Same("z")),
    (0x3114, 0x3114, Extra::Same("c")),
    (0x3115, 0x3115, Extra::Same("s")),
    (0x3116, 0x3116, Extra::Same("r")),
    (0x3117, 0x3117, Extra::Same("z")),
    (0x3118, 0x3118, Extra::Same("c")),
    (0x3119, 0x3119, Extra::Same("s")),
    // 丨 CJK UNIFIED IDEOGRAPH-4E28, the vertical stroke: written as a bar between words
    // (好物丨分享) and inside them to break a word up (奥利丨司他), a separator like |
    (0x4E28, 0x4E28, Extra::Same("|")),
    // 🄋 🄌 DINGBAT (NEGATIVE) CIRCLED SANS-SERIF DIGIT ZERO
    (0x1F10B, 0x1F10C, Extra::Same("0")),
    // 🄰–🅉 SQUARED LATIN CAPITAL LETTER A–Z (NFKC agrees; listed for the whole family)
    (0x1F130, 0x1F149, Extra::Letter),
    // 🅐–🅩 NEGATIVE CIRCLED LATIN CAPITAL LETTER A–Z
    (0x1F150, 0x1F169, Extra::Letter),
    // 🅰–🆉 NEGATIVE SQUARED LATIN CAPITAL LETTER A–Z (🅰️ 🅱️ 🅾️ 🅿️ emoji included)
    (0x1F170, 0x1F189, Extra::Letter),
    // 🇦–🇿 REGIONAL INDICATOR SYMBOL LETTER A–Z (so a flag 🇨🇳 folds to "cn")
    (0x1F1E6, 0x1F1FF, Extra::Letter),
    // 🈹 SQUARED CJK UNIFIED IDEOGRAPH-5272 stays itself: NFKC gives 割 (Japanese 割引, a
    // discount), but Chinese sellers write it for a discount or a cut (🈹后价, 立🈹五十) where
    // 折 or 割 would be a narrated price (打折价265): the packs read the sign itself. The
    // other squared ideographs are the characters NFKC gives (🈶 有, 🈚 无, 🉐 得).
    (0x1F239, 0x1F239, Extra::Same("🈹")),
    // 🉐 CIRCLED IDEOGRAPH ADVANTAGE stays itself too: NFKC gives 得, but a seller's 🉐价 is
    // a deal price (お得), not the verb
    (0x1F250, 0x1F250, Extra::Same("🉐")),
    // Pictographs that stand for one word by what they show, as sellers write them in place of
    // it: 🚬 a cigarette for 烟 (电子🚬), 🪡 a needle for 针 (瘦脸🪡), a horse for 马. Only these:
    // a picture whose name is also read by sound for other characters stays a picture (🔗 链接
    // is 脸 in 瘦🔗针, 🍶 清酒 is 久 in 永🍶, 🔪 菜刀 is 到 in 🔪手价 as often as 杀 in 秒🔪); a
    // horse read by sound is 马 and 吗, as the character 马 is.
    // 🐎 HORSE and 🐴 HORSE FACE for 马, the character they draw: 立🐎见效, 🐎上抢 (马上)
    (0x1F40E, 0x1F40E, Extra::Same("马")),
    (0x1F434, 0x1F434, Extra::Same("马")),
    // 🔟 KEYCAP TEN (the other keycaps are a digit + U+20E3, removed above)
    (0x1F51F, 0x1F51F, Extra::Number(10)),
    (0x1F6AC, 0x1F6AC, Extra::Same("烟")),
    (0x1FAA1, 0x1FAA1, Extra::Same("针")),
];

/// The digit zero of every script's decimal digits (Unicode general category Nd) that NFKC
/// leaves alone, each followed by one to nine: Arabic-Indic ١٣٩, Extended Arabic-Indic ۱۳۹,
/// Devanagari १३९, Thai ๑๓๙, Khmer, Mongolian, Myanmar and the rest of planes 0 and 1. A phone
/// number typed in another script's digits is the same number. Generated from Python's
/// `unicodedata` (Unicode 14.0.0): every Nd char with decimal value 0 whose
/// NFKC is itself.
static SCRIPT_DIGIT_ZEROS: &[u32] = &[
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20,
    0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
    0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1E140, 0x1E2F0, 0x1E950,
];

/// A decimal digit of another script as its ASCII digit (see [`SCRIPT_DIGIT_ZEROS`]).
fn script_digit(u: u32) -> Option<&'static str> {
    let i = SCRIPT_DIGIT_ZEROS.partition_point(|&z| z <= u).checked_sub(1)?;
    NUMBERS
        .get(usize::try_from(u - SCRIPT_DIGIT_ZEROS[i]).ok().filter(|&k| k < 10)?)
        .copied()
}

/// Decimal spellings of 0–20, for [`Extra::Number`].
static NUMBERS: [&str; 21] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
];

/// The lowercase Latin alphabet, for [`Extra::Letter`].
static LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";

/// Is [`EXTRA_COMPAT`] sorted and free of overlaps? (For a test.)
#[cfg(test)]
pub(super) fn extra_compat_is_sorted() -> bool {
    EXTRA_COMPAT.windows(2).all(|w| w[0].0 <= w[0].1 && w[0].1 < w[1].0)
}

/// Fold 2, manual part: the replacement of `c` if it is in [`EXTRA_COMPAT`].
pub(super) fn extra_compat(c: char) -> Option<&'static str> {
    let u = c as u32;
    let i = EXTRA_COMPAT.partition_point(|&(_, last, _)| last < u);
    let Some(&(first, _, extra)) = EXTRA_COMPAT.get(i).filter(|&&(first, _, _)| first <= u) else {
        return script_digit(u);
    };
    let k = (u - first) as usize;
    Some(match extra {
        Extra::Number(base) => NUMBERS.get(base as usize + k)?,
        Extra::Letter => LETTERS.get(k..k + 1)?,
        Extra::Same(s) => s,
    })
}

/// Emoji kept in the compact view because people write them as stand-ins for characters of
/// platform names. Pack terms may use them (`🍑宝` = 淘宝). Every other emoji is a separator.
pub const STAND_IN_EMOJI: &[(char, &str)] = &[
    ('🍑', "桃 → 淘: 🍑宝 = 淘宝"),
    ('🐶', "京东's dog: 🐶东 = 京东"),
    ('🐧', "the penguin: QQ / 腾讯 (企鹅)"),
    ('🐟', "鱼: 闲🐟 / 咸🐟 = 闲鱼"),
    ('🍠', "红薯: 小🍠 / 小红🍠 = 小红书"),
    ('🐱', "天猫's cat: 天🐱 = 天猫"),
    ('🛰', "卫星 → 微信: 🛰️ = WeChat"),
];

/// Is `c` one of [`STAND_IN_EMOJI`]?
#[inline]
fn is_stand_in(c: char) -> bool {
    STAND_IN_EMOJI.iter().any(|&(e, _)| e == c)
}

/// Is a folded char `c` kept in the compact view?
///
/// Kept: letters (general category L*), numbers (N*), spacing combining marks (Mc), the
/// [`STAND_IN_EMOJI`], and line terminators (`\n`, `\r`, VT, FF, NEL, U+2028, U+2029) so that
/// a term never matches across a line break. Everything else is a separator: whitespace,
/// punctuation (P*), symbols (S*, which covers emoji, dingbats, arrows, box drawing,
/// geometric shapes, currency, math), non-spacing and enclosing marks (Mn, Me), controls,
/// format characters, private-use and unassigned code points.
#[inline]
pub(super) fn keeps(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, '\n' | '\r' | '\x0B' | '\x0C');
    }
    if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') || is_stand_in(c) {
        return true;
    }
    use GeneralCategory as G;
    matches!(
        c.general_category(),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
            | G::DecimalNumber
            | G::LetterNumber
            | G::OtherNumber
            | G::SpacingMark
    )
}

/// Does an original char between two compact chars count as a skipped char for
/// `Normalized::max_gap`? Invisible chars ([`is_removed`]) and non-spacing / enclosing marks
/// (which draw on the char before them) do not: `最\u{200B}\u{200B}好` and `最\u{336}好` have a
/// gap of 0.
#[inline]
pub(super) fn counts_in_gap(c: char) -> bool {
    if c.is_ascii() || ('\u{3400}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    !is_removed(c)
        && !matches!(
            c.general_category(),
            GeneralCategory::NonspacingMark | GeneralCategory::EnclosingMark
        )
}
