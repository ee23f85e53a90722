//! The normaliser: a folded working copy of a note, with exact maps back to the original.
//!
//! People dodge word filters with full-width letters (`ＶＸ`), maths letters (`𝐰𝐞𝐢𝐱𝐢𝐧`),
//! circled digits (`①⑧`), traditional characters (`電子菸`), zero-width characters and
//! separators between the characters of a word (`加.微.信`, `电 子 烟`, `微❤️信`). The engine
//! therefore matches pack terms against a normalised copy of the text, and reports every
//! hit with byte offsets of the ORIGINAL text.
//!
//! [`Normalized::new`] builds two views:
//!
//! * [`Normalized::folded`]: every char folded, with spaces, punctuation and symbols kept
//!   (for regexes over URLs, phone numbers, IDs);
//! * [`Normalized::compact`]: `folded` minus separators (for term matching).
//!
//! # Folds
//!
//! Each original char is folded on its own (no context), in this order:
//!
//! 1. **Removal** of invisible chars: zero-width chars, bidi controls, variation selectors,
//!    tag chars and every other `Default_Ignorable_Code_Point`, the enclosing keycap U+20E3 and
//!    emoji skin-tone modifiers (full list: `tables::is_removed`).
//! 2. **Compatibility**: NFKC of the char (full-width `ＡＢＣ１２３` → `ABC123`, `𝐰𝐞𝐢𝐱𝐢𝐧` →
//!    `weixin`, `①` → `1`, `⒜` → `(a)`, `¹` → `1`, `㊀` → `一`, `，` → `,`, `…` → `...`,
//!    ideographic space → space), plus a small table of forms NFKC leaves alone: dingbat and
//!    negative / double circled digits `❶➀➊⓫⓵⓿` and parenthesised / full-stop digits `⑴⒈`
//!    (NFKC: `(1)`, `1.`) → digits, negative circled / squared
//!    Latin letters `🅐🅰` and regional indicators `🇦` → letters.
//! 3. **Lowercase** (Unicode simple lowercase).
//! 4. **Traditional → simplified** Chinese, char by char (`電子菸` → `电子烟`), from a table
//!    generated from the `fast2s` crate.
//! 5. **Variants** (`variants.rs`): look-alike letters (Cyrillic `ѵх`) and variant characters
//!    written to dodge review (`蕞` for `最`, `冶` for `治`). Sound-alikes (`薇` for `微`) are
//!    not folded: the readings (`crate::sound`) read them where a term needs it.
//! 6. **Split characters** (`split.rs`), a fold that looks at its neighbours: two parts
//!    side by side (`亻言`, `火因`) join into the character they make where it completes a pack
//!    word with the character before or after (`微亻言` → 微信); the character maps back to
//!    both parts. An emoji that stands for a character (`💉` for 针) is read so the same way:
//!    `瘦脸💉` is 瘦脸针, `打疫苗💉` keeps its picture.
//! 7. **A syllable spelled for a character** (`spelled.rs`), folded the same way: a lowercase
//!    pinyin syllable glued to a Han character becomes the pack character of that reading that
//!    completes a word with it (`秒sha` → 秒杀, `dao手价` → 到手价); `ipad`, `DAO`, `ma` stay.
//!    So does a syllable in zhuyin, Taiwan's phonetic letters (`ㄢ眠藥` → 安眠药).
//! 8. **Letter-spaced Han** (`玻 尿 酸`): a space between two Han characters, next to another
//!    such space, is dropped from the folded view too (a separator in compact anyway), so
//!    that regexes read the spaced word as terms do; a lone space between words stays. So are
//!    letters spelled out one by one (`c o a c h`), and a lone pair of letters glued to Han on
//!    its left (`品牌的h z`, `加v x`: initials spaced apart); wide spaces (`\u{3000}`) count as
//!    spaces, and neighbours are judged as folded, so folding twice joins nothing more.
//!    A word written down the page, one character a line (`加⏎微⏎信`: three such lines or
//!    more), loses its line breaks from both views the same way (`vertical_break`).
//!
//! # Separators
//!
//! `compact` keeps letters (L*), numbers (N*), spacing marks (Mc), line terminators (`\n`,
//! `\r`, VT, FF, NEL, U+2028, U+2029: a term never matches across a line break) and the
//! [`STAND_IN_EMOJI`] (`🍑🐶🐧🐟🍠🐱🛰`). Everything else is a separator and is dropped:
//! whitespace, punctuation (ASCII, general and CJK, full-width), symbols (math, currency,
//! arrows, dingbats, box drawing, geometric shapes), emoji, non-spacing and enclosing marks
//! (Mn, Me), controls, private-use and unassigned code points.
//!
//! Note that full-width punctuation is folded by NFKC before it is classified, so `folded`
//! holds `,` `:` `!` `?` `(` `)` where the original has `，：！？（）`, while CJK punctuation
//! without a compatibility mapping (`。、“”‘’《》【】·—～`) stays as it is.
//!
//! # Maps
//!
//! Every output byte of both views belongs to one original char, so any range of either view
//! maps back to a range of the original that lies on char boundaries and covers exactly the
//! source chars (expansions such as `⒜` → `(a)` and removed chars are handled). The maps are
//! stored as runs ("segments", see `map.rs`) rather than per byte, so lookups are binary
//! searches: `O(log n)` per query. [`Normalized::max_gap`] tells how far apart two consecutive
//! compact chars were in the original, so the engine can refuse to join words that are far
//! apart.
//!
//! # Performance
//!
//! One pass builds both views. ASCII and the CJK ideographs U+4000–U+9FFF take fast paths
//! (a bitmap test finds the traditional chars, a rank lookup their simplified form); every
//! other char of planes 0 and 1 is one lookup in a cache of fold results computed 256 code
//! points at a time on first use (about 25 µs per block). Run `cargo bench --bench normalize`
//! for figures.

mod cantonese;
mod confusables_table;
mod fold;
mod map;
pub mod reading;
mod spelled;
mod spelled_table;
mod split;
mod split_table;
mod t2s_table;
mod tables;
mod trad;
mod variants;

use std::ops::Range;

use map::{NARROW_MAX, Offset, Segment, ViewBuilder, ViewMap};

pub(crate) use cantonese::{forms as cantonese_forms, term_forms as cantonese_term_forms};
pub(crate) use spelled::{ZHUYIN, zhuyin_syllable};
pub use tables::STAND_IN_EMOJI;

/// A normalised working copy of one text, with maps back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// All folds applied, separators kept.
    folded: String,
    /// `folded` without separators.
    compact: String,
    /// The segments mapping each view back to the original.
    maps: Maps,
    /// Length in bytes of the original text.
    original_len: usize,
}

/// The segments of both views, with offsets as narrow as the original's length allows.
#[derive(Debug, Clone)]
enum Maps {
    /// Originals up to 128 MiB (every real note).
    Narrow {
        /// Segments of `folded`.
        folded: Vec<Segment<u32>>,
        /// Segments of `compact`.
        compact: Vec<Segment<u32>>,
    },
    /// Longer originals.
    Wide {
        /// Segments of `folded`.
        folded: Vec<Segment<u64>>,
        /// Segments of `compact`.
        compact: Vec<Segment<u64>>,
    },
}

/// Runs `$body` with `$m` bound to the [`ViewMap`] of view `$view` (`folded` or `compact`).
macro_rules! with_map {
    ($self:ident, $view:ident, |$m:ident| $body:expr) => {
        match &$self.maps {
            Maps::Narrow { $view: segments, .. } => {
                let $m = ViewMap {
                    text: &$self.$view,
                    segments,
                };
                $body
            }
            Maps::Wide { $view: segments, .. } => {
                let $m = ViewMap {
                    text: &$self.$view,
                    segments,
                };
                $body
            }
        }
    };
}

/// Which ASCII bytes (after lowercasing) the compact view keeps: letters, digits and the
/// line terminators `\n`, VT, FF, `\r`. Must agree with `tables::keeps` (tested).
static ASCII_KEEPS: [bool; 128] = {
    let mut keep = [false; 128];
    let mut b = 0;
    while b < 128 {
        keep[b] = (b as u8).is_ascii_alphanumeric() || matches!(b, 0x0A..=0x0D);
        b += 1;
    }
    keep
};

/// Whether the ASCII space at byte `i` of `text` stands inside letter-spaced Han: one space
/// between two Han characters, with another such space right before or after (`玻 尿 酸`,
/// `海 鲜 市 场`, `二甲 双 胍`). A writer who spaces out every character of a word hides it
/// from a filter; Chinese puts no space between words otherwise, so nothing else is joined (a
/// single space between two words, `好吃 推荐`, stays).
///
/// The same for letters and digits spelled out one by one (`c o a c h _ d a l i`, `① ② ③ ④`,
/// `w w w`): a space between two single letters, digits or underscores, each standing alone
/// (no letter or digit glued to it on its other side), with another such space beside it. A
/// handle or a number written so is read as written whole; words of two letters or more
/// (`no time`, `A B 两款` has one space only) are not joined. A lone pair of letters right
/// after a Han character (`品牌的h z`, `加v x`) is initials spaced apart, and joined.
///
/// The space is `len` bytes at `i` (an ASCII space, or one NFKC folds to it: `\u{3000}`), and
/// its neighbours are judged as folded (removed chars skipped, a styled `𝐀` as `a`), so that
/// folding twice joins nothing the first fold left apart.
fn letter_spaced(text: &str, i: usize, len: usize) -> bool {
    let han = |c: Option<char>| c.is_some_and(spelled::is_han);
    // a single letter, digit or underscore: not glued to another on the far side
    let unit = |c: Option<char>| {
        c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || (c.is_numeric() && !spelled::is_han(c)))
    };
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let mut before = folded_chars(text[..i].chars().rev());
    let mut after = folded_chars(text[i + len..].chars());
    let (b1, a1) = (before.next(), after.next());
    // (most spaces stand between words: decided by the two neighbours, nothing farther folded)
    if han(b1) && han(a1) {
        let (b2, a2) = (before.next(), after.next());
        return (b2 == Some(' ') && han(before.next())) || (a2 == Some(' ') && han(after.next()));
    }
    if !(unit(b1) && unit(a1)) {
        return false;
    }
    let (b2, b3, b4) = (before.next(), before.next(), before.next());
    let (a2, a3, a4) = (after.next(), after.next(), after.next());
    // A lone pair of letters glued to Han on its left (品牌的h z, 加v x): initials spaced
    // apart, read as one word; a pair after a space or at the start (`A B 两款`) stays.
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    if letter(b1) && letter(a1) && han(b2) && !glued(a2) {
        return true;
    }
    // (and the spaced neighbour on one side a single one too: `iphone 1 2` is a model)
    !glued(b2)
        && !glued(a2)
        && ((b2 == Some(' ') && unit(b3) && !glued(b4)) || (a2 == Some(' ') && unit(a3) && !glued(a4)))
}

/// Whether the line break at byte `i` of `text` stands inside a word written down the page,
/// one character a line (`加⏎微⏎信`, `电⏎子⏎烟`): the lines on both sides of it hold one letter,
/// digit or Han character each (spaces aside), and so does a third line next to them, before
/// or after. A writer who stacks a word so hides it from a filter; two short lines (`好⏎的`, a
/// chat's replies) are not a word written down, three are.
fn vertical_break(text: &str, i: usize) -> bool {
    // the one character of a line, if it holds exactly one (spaces and a `\r` aside)
    let single = |line: &str| {
        let mut chars = line
            .trim_matches(|c: char| c == ' ' || c == '\r' || c == '\u{3000}')
            .chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphanumeric())
    };
    let before = &text[..i];
    let (prev_start, prev) = match before.rfind('\n') {
        Some(j) => (j, &before[j + 1..]),
        None => (0, before),
    };
    let after = &text[i + 1..];
    let (next, rest) = match after.find('\n') {
        Some(j) => (&after[..j], Some(&after[j + 1..])),
        None => (after, None),
    };
    if !single(prev) || !single(next) {
        return false;
    }
    // a third single line: the one before the previous, or the one after the next
    let third_before = prev_start > 0 && {
        let earlier = &text[..prev_start];
        single(earlier.rfind('\n').map_or(earlier, |j| &earlier[j + 1..]))
    };
    third_before || rest.is_some_and(|r| single(r.split('\n').next().unwrap_or("")))
}

/// The chars of `chars` as the fold sees them, one for one: removed chars skipped, an ASCII
/// char lowercased, any other its fold when that is a single char, else U+FFFD (neither a
/// letter, a digit, Han nor a space).
fn folded_chars(chars: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    chars.filter(|&c| !tables::is_removed(c)).map(|c| {
        if c.is_ascii() {
            return c.to_ascii_lowercase();
        }
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            return c; // an ideograph folds to an ideograph (its simplified form): Han either way
        }
        let (mut one, mut n) = ('\u{FFFD}', 0);
        fold::fold_char(c, &mut |d, _| {
            one = d;
            n += 1;
        });
        if n == 1 { one } else { '\u{FFFD}' }
    })
}

/// Whether `c` is a space other than ASCII's that NFKC folds to one (`\u{3000}`, `\u{00A0}`).
fn wide_space(c: u32) -> bool {
    matches!(c, 0xA0 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000)
}

/// Most chars one code point folds to (U+FDFA; checked by a test).
const MAX_EXPANSION: usize = 18;

/// Folds `original` into both views in one pass: (folded, its segments, compact, its
/// segments).
fn build<P: Offset>(original: &str) -> (String, Vec<Segment<P>>, String, Vec<Segment<P>>) {
    let mut f = ViewBuilder::<P>::new(original.len());
    let mut k = ViewBuilder::<P>::new(original.len());
    let bytes = original.as_bytes();
    // Chars that fold to themselves are not pushed one by one: each view keeps a pending run
    // `run..i` of such original bytes and copies it in one go when a char that changes (or,
    // for compact, a dropped char) ends the run.
    let (mut f_run, mut k_run) = (0, 0);
    let flush = |view: &mut ViewBuilder<P>, run: usize, to: usize| {
        if run < to {
            view.verbatim(run, &original[run..to]);
        }
    };
    let mut i = 0;
    while let Some(&b0) = bytes.get(i) {
        // A syllable spelled for a pack character beside its word's neighbour (秒sha).
        // (at the start of a run of letters, beside a character that is not ASCII)
        if b0.is_ascii_lowercase()
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && (i > 0 && bytes[i - 1] >= 0x80 || bytes[i..bytes.len().min(i + 8)].iter().any(|&b| b >= 0xE0))
        {
            if let Some((len, c)) = spelled::spelled_at(original, i) {
                one_in_both(original, &mut f, &mut k, (f_run, k_run), i, len, c);
                i += len;
                (f_run, k_run) = (i, i);
                continue;
            }
            // ...or said twice for a doubled word (家baba: 爸爸), a character for each
            if let Some((half, c)) = spelled::doubled_at(original, i) {
                one_in_both(original, &mut f, &mut k, (f_run, k_run), i, half, c);
                one_in_both(original, &mut f, &mut k, (i + half, i + half), i + half, half, c);
                i += 2 * half;
                (f_run, k_run) = (i, i);
                continue;
            }
        }
        // ...and one typed in full-width letters (秒ｓｈａ), read as the ASCII letters they are;
        // a capital or a full-width letter alone may be an initial as a lowercase one is (Ｇ仿)
        let wide = b0 == 0xEF
            && (bytes.get(i + 1) == Some(&0xBD) && bytes.get(i + 2).is_some_and(|b| (0x81..=0x9A).contains(b))
                || bytes.get(i + 1) == Some(&0xBC) && bytes.get(i + 2).is_some_and(|b| (0xA1..=0xBA).contains(b)));
        if (b0.is_ascii_uppercase() || wide)
            && let Some((len, c)) = spelled::initial_at(original, i)
        {
            one_in_both(original, &mut f, &mut k, (f_run, k_run), i, len, c);
            i += len;
            (f_run, k_run) = (i, i);
            continue;
        }
        if wide
            && bytes.get(i + 1) == Some(&0xBD)
            && let Some((len, c)) = spelled::spelled_wide_at(original, i)
        {
            one_in_both(original, &mut f, &mut k, (f_run, k_run), i, len, c);
            i += len;
            (f_run, k_run) = (i, i);
            continue;
        }
        // A space inside letter-spaced Han (玻 尿 酸, 二甲 双 胍), or a line break inside a word
        // written down the page one character a line (加/微/信): dropped from folded too, so
        // that the packs' regexes read the word as the terms do.
        if (b0 == b' ' && letter_spaced(original, i, 1)) || (b0 == b'\n' && vertical_break(original, i)) {
            flush(&mut f, f_run, i);
            flush(&mut k, k_run, i);
            i += 1;
            (f_run, k_run) = (i, i);
            continue;
        }
        // ASCII: lowercase; letters, digits and line breaks are kept in compact. A zero, a one
        // or a bang between two letters is the letter it is drawn like (b0tox, wh1sky, l!nk),
        // and so is a zero that opens a word of three letters or more (0zempic).
        if b0 < 0x80 {
            let between_letters =
                || i > 0 && bytes[i - 1].is_ascii_alphabetic() && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
            let opens_a_word = || {
                (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                    && bytes
                        .get(i + 1..i + 4)
                        .is_some_and(|w| w.iter().all(u8::is_ascii_alphabetic))
            };
            let lower = match b0 {
                b'0' if between_letters() || opens_a_word() => b'o',
                b'1' | b'!' if between_letters() => b'i',
                _ => b0.to_ascii_lowercase(),
            };
            if lower != b0 {
                flush(&mut f, f_run, i);
                f.same_len(i, lower as char);
                f_run = i + 1;
            }
            if !ASCII_KEEPS[lower as usize] || lower != b0 {
                flush(&mut k, k_run, i);
                if ASCII_KEEPS[lower as usize] {
                    k.same_len(i, lower as char);
                }
                k_run = i + 1;
            }
            i += 1;
            continue;
        }
        // Three-byte chars (U+0800–U+FFFF): CJK ideographs, CJK and full-width punctuation,
        // general punctuation and most symbols. Decoded here, ideographs copied directly.
        if let (0xE0..=0xEF, Some(s)) = (b0, original.get(i..i + 3)) {
            let sb = s.as_bytes();
            let u = decode3(b0, sb[1], sb[2]);
            // U+4000–U+9FFF, but for U+4DC0–4DFF (Yijing symbols) and 丨, the stroke written as
            // a bar (tables.rs: folded like any symbol, by the table)
            if (0x4000..0xA000).contains(&u) && !(0x4DC0..0x4E00).contains(&u) && u != 0x4E28 {
                if split::may_start(u) && next_may_join(bytes.get(i + 3..), u) {
                    if let Some((len, c)) = split::joined_at(original, i) {
                        one_in_both(original, &mut f, &mut k, (f_run, k_run), i, len, c);
                        i += len;
                        (f_run, k_run) = (i, i);
                        continue;
                    }
                }
                if let Some(t) = standard_of(u) {
                    flush(&mut f, f_run, i);
                    flush(&mut k, k_run, i);
                    f.same_len(i, t);
                    k.same_len(i, t);
                    (f_run, k_run) = (i + 3, i + 3);
                }
            } else if let Some((len, stood)) = standing_for_a_character(original, i, u) {
                one_in_both(original, &mut f, &mut k, (f_run, k_run), i, len, stood);
                i += len;
                (f_run, k_run) = (i, i);
                continue;
            } else if spelled::ZHUYIN.contains(&u)
                && (original[i + 3..].starts_with(|c: char| spelled::ZHUYIN.contains(&(c as u32)))
                    || spelled::whole_syllable_alone(original, i))
            {
                // a zhuyin letter that begins a syllable of several (ㄒㄩㄣ), read back as no pack
                // character, is kept as itself for the readings by sound, which read the
                // syllable as pinyin; an initial alone is an abbreviation, folded to its Latin
                // letter below (ㄉ一名), but one that is a syllable by itself (ㄓ zhi) and is
                // written as one (a tone after it, zhuyin syllables beside it: ㄖㄨㄥˊ ㄓ ㄓㄣ) is
                // kept too; the syllable's other letters and its tone go with it
                i += spelled::zhuyin_syllable(original, i).map_or(3, |(len, _)| len);
                continue;
            } else if wide_space(u) && letter_spaced(original, i, 3) {
                // a wide space inside letter-spaced Han or letters, as an ASCII one
                flush(&mut f, f_run, i);
                flush(&mut k, k_run, i);
                (f_run, k_run) = (i + 3, i + 3);
            } else if u == 0x30FC && between_digits(original, i, 3) {
                // the katakana length mark between digits is the dash of a Japanese number
                // (０９０ー１２３４ー５６７８), a separator like '-', not 一 as it reads elsewhere
                flush(&mut f, f_run, i);
                flush(&mut k, k_run, i);
                f.one(i, 3, '-');
                (f_run, k_run) = (i + 3, i + 3);
            } else {
                flush(&mut f, f_run, i);
                flush(&mut k, k_run, i);
                fold_other(&mut f, &mut k, i, u, 3);
                (f_run, k_run) = (i + 3, i + 3);
            }
            i += 3;
            continue;
        }
        let Some(c) = original.get(i..).and_then(|rest| rest.chars().next()) else {
            break; // unreachable: `i` is always on a char boundary
        };
        if let Some(stood) = (c as u32 >= 0x1F000)
            .then(|| split::stand_in_at(original, i, c))
            .flatten()
        {
            one_in_both(original, &mut f, &mut k, (f_run, k_run), i, c.len_utf8(), stood);
            i += c.len_utf8();
            (f_run, k_run) = (i, i);
            continue;
        }
        flush(&mut f, f_run, i);
        flush(&mut k, k_run, i);
        if !(wide_space(c as u32) && letter_spaced(original, i, c.len_utf8())) {
            fold_other(&mut f, &mut k, i, c as u32, c.len_utf8());
        }
        i += c.len_utf8();
        (f_run, k_run) = (i, i);
    }
    flush(&mut f, f_run, i);
    flush(&mut k, k_run, i);
    let (folded, fsegs) = f.finish();
    let (compact, csegs) = k.finish();
    (folded, fsegs, compact, csegs)
}

/// The `len` source bytes at `i` read as the one char `c` in both views (a joined split, a
/// spelled syllable, an emoji standing for a character), after each view's pending run of
/// unchanged source (`runs`).
#[inline(always)]
fn one_in_both<P: Offset>(
    original: &str,
    f: &mut ViewBuilder<P>,
    k: &mut ViewBuilder<P>,
    runs: (usize, usize),
    i: usize,
    len: usize,
    c: char,
) {
    for (view, run) in [(f, runs.0), (k, runs.1)] {
        if run < i {
            view.verbatim(run, &original[run..i]);
        }
        view.one(i, len, c);
    }
}

/// Whether the character after a first part `u` (three bytes on, past one space) may be its
/// second part: the pair filter, read on the bytes without decoding the text again.
#[inline]
fn next_may_join(rest: Option<&[u8]>, u: u32) -> bool {
    let Some(rest) = rest else { return false };
    let rest = if rest.first() == Some(&b' ') { &rest[1..] } else { rest };
    match *rest {
        [b0 @ 0xE0..=0xEF, b1, b2, ..] => split::may_join(u, decode3(b0, b1, b2)),
        _ => false,
    }
}

/// The code point of a three-byte UTF-8 sequence.
#[inline]
fn decode3(b0: u8, b1: u8, b2: u8) -> u32 {
    (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F)
}

/// A three-byte character that is no ideograph read as the character of a pack word it stands
/// for there: a syllable in zhuyin (ㄢ眠药) or a symbol (防♋: 防癌). Its source length (a zhuyin
/// syllable may run over several letters) and the character.
#[inline]
fn standing_for_a_character(original: &str, i: usize, u: u32) -> Option<(usize, char)> {
    if spelled::ZHUYIN.contains(&u) {
        return spelled::zhuyin_at(original, i);
    }
    split::stand_in_symbol(u)
        .and_then(|e| split::stand_in_at(original, i, e))
        .map(|c| (3, c))
}

/// The standard form of an ideograph that folds 4 and 5 change (traditional → simplified,
/// variants), or `None`.
#[inline]
fn standard_of(u: u32) -> Option<char> {
    trad::simplified_of(u).or_else(|| variants::han(u))
}

/// `text` with its traditional and variant ideographs in their simplified, standard form
/// (folds 4 and 5) and nothing else changed, so every byte offset stays the same: for reading
/// the words around a hit (醫生, 沒有, 唔好) with word lists written in simplified characters.
/// Borrowed when there is nothing to change.
pub fn simplified_in_place(text: &str) -> std::borrow::Cow<'_, str> {
    let first = text.char_indices().find(|&(_, c)| {
        let u = c as u32;
        (0x4000..0xA000).contains(&u) && standard_of(u).is_some_and(|t| t.len_utf8() == c.len_utf8())
    });
    let Some((at, _)) = first else {
        return std::borrow::Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..at]);
    for c in text[at..].chars() {
        let u = c as u32;
        match (0x4000..0xA000).contains(&u).then(|| standard_of(u)).flatten() {
            Some(t) if t.len_utf8() == c.len_utf8() => out.push(t),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The simplified, standard form of a character (folds 4 and 5), for looking at a neighbour.
fn simplified(ch: char) -> char {
    standard_of(ch as u32).unwrap_or(ch)
}

/// Whether the char of `len` bytes at `i` stands between two digits, ASCII or full-width.
fn between_digits(original: &str, i: usize, len: usize) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    digit(original[..i].chars().next_back()) && digit(original[i + len..].chars().next())
}

/// Folds the char `u`, `len` bytes long at `i`, that is neither ASCII nor a CJK ideograph of
/// U+4000–U+9FFF.
#[inline]
fn fold_other<P: Offset>(f: &mut ViewBuilder<P>, k: &mut ViewBuilder<P>, i: usize, u: u32, len: usize) {
    if let Some(block) = fold::block(u) {
        let e = block.entry(u);
        match e.kind {
            fold::Kind::Remove => {}
            fold::Kind::Drop => f.one(i, len, e.ch),
            fold::Kind::Keep => {
                f.one(i, len, e.ch);
                k.one(i, len, e.ch);
            }
            fold::Kind::Multi => {
                let (all, kept) = block.multi(e);
                f.chars(i, len, all);
                k.chars(i, len, kept);
            }
        }
        return;
    }
    let Some(c) = char::from_u32(u) else {
        return; // unreachable: decoded from valid UTF-8
    };
    // Above plane 1 (CJK extensions, tags, private use): rare, not cached.
    let (mut all, mut kept) = (['\0'; MAX_EXPANSION], ['\0'; MAX_EXPANSION]);
    let (mut na, mut nk) = (0, 0);
    fold::fold_char(c, &mut |d, keep| {
        if let Some(slot) = all.get_mut(na) {
            *slot = d;
            na += 1;
        }
        if let (true, Some(slot)) = (keep, kept.get_mut(nk)) {
            *slot = d;
            nk += 1;
        }
    });
    f.chars(i, len, &all[..na]);
    k.chars(i, len, &kept[..nk]);
}

impl Normalized {
    /// Normalises `original`: folds every char and builds both views and their maps.
    ///
    /// Never panics; cost is linear in the length of `original`.
    pub fn new(original: &str) -> Normalized {
        if original.len() <= NARROW_MAX {
            let (folded, f, compact, c) = build::<u32>(original);
            Normalized {
                folded,
                compact,
                maps: Maps::Narrow { folded: f, compact: c },
                original_len: original.len(),
            }
        } else {
            Self::new_wide(original)
        }
    }

    /// [`Normalized::new`] with 64-bit maps (originals over 128 MiB).
    fn new_wide(original: &str) -> Normalized {
        let (folded, f, compact, c) = build::<u64>(original);
        Normalized {
            folded,
            compact,
            maps: Maps::Wide { folded: f, compact: c },
            original_len: original.len(),
        }
    }

    /// All folds applied; spaces, punctuation, symbols kept (for regexes: URLs, phones, IDs).
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// `folded` minus separators (whitespace other than line breaks, punctuation, symbols,
    /// emoji other than [`STAND_IN_EMOJI`], non-spacing marks), for term matching.
    pub fn compact(&self) -> &str {
        &self.compact
    }

    /// Original byte range covered by folded bytes `[start, end)`.
    ///
    /// With `start < end`, both on folded char boundaries (the intended use), the result lies
    /// on original char boundaries, has `start < end`, and covers exactly the source chars
    /// of those folded chars. Never panics: an offset inside a char counts as that char,
    /// `end` is clamped to `folded().len()`, and an empty or inverted range maps to an empty
    /// range at the source of `start` (or at the end of the original).
    pub fn folded_to_original(&self, start: usize, end: usize) -> Range<usize> {
        with_map!(self, folded, |m| m.range_in_original(start, end, self.original_len))
    }

    /// Original byte range covered by compact bytes `[start, end)`; same contract as
    /// [`Normalized::folded_to_original`].
    pub fn compact_to_original(&self, start: usize, end: usize) -> Range<usize> {
        with_map!(self, compact, |m| m.range_in_original(start, end, self.original_len))
    }

    /// Byte offset in `folded` of the first folded char whose source char starts at or after
    /// original byte `offset` (`folded().len()` if none). Always a folded char boundary.
    pub fn original_to_folded(&self, offset: usize) -> usize {
        with_map!(self, folded, |m| m.offset_from_original(offset))
    }

    /// Byte offset in `compact` of the first compact char whose source char starts at or
    /// after original byte `offset` (`compact().len()` if none). Always a compact char
    /// boundary.
    pub fn original_to_compact(&self, offset: usize) -> usize {
        with_map!(self, compact, |m| m.offset_from_original(offset))
    }

    /// For the compact range `[start, end)`: the largest number of original characters
    /// skipped between two consecutive compact chars of the range (0 when they are adjacent
    /// in the original, or come from the same original char).
    ///
    /// `original` must be the text this was built from. Invisible chars (those removed by
    /// fold 1: zero-width, variation selectors, ZWJ, skin tones…) and non-spacing /
    /// enclosing combining marks are not counted, and an emoji ZWJ sequence counts as one
    /// char, so stuffing such chars between two characters does not widen the gap: `最 好`,
    /// `最\u{200B}\u{200B} 好`, `微❤️信` (with U+FE0F) and `加👨‍👩‍👧微` all have a gap of 1.
    pub fn max_gap(&self, original: &str, start: usize, end: usize) -> usize {
        with_map!(self, compact, |m| m.max_gap(original, start, end))
    }
}

/// The two parts a character of the builtin packs may be written as (拆字: 信 as `亻言`), when
/// the split table has it. The normaliser joins them back where the character completes a pack
/// word with its neighbour.
pub fn parts_of(c: char) -> Option<(char, char)> {
    split_table::SPLITS.iter().find(|e| e.2 == c).map(|e| (e.0, e.1))
}

/// The compact form of a pack term, so terms and text meet in the same form:
/// `Normalized::new(term).compact().to_owned()`.
pub fn fold_term(term: &str) -> String {
    Normalized::new(term).compact
}

#[cfg(test)]
mod tests;
