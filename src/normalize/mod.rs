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
//!    `weixin`, `①` → `1`, `⑴` → `(1)`, `¹` → `1`, `㊀` → `一`, `，` → `,`, `…` → `...`,
//!    ideographic space → space), plus a small table of forms NFKC leaves alone: dingbat and
//!    negative / double circled digits `❶➀➊⓫⓵⓿` → digits, negative circled / squared
//!    Latin letters `🅐🅰` and regional indicators `🇦` → letters.
//! 3. **Lowercase** (Unicode simple lowercase).
//! 4. **Traditional → simplified** Chinese, char by char (`電子菸` → `电子烟`), from a table
//!    generated from the `fast2s` crate.
//!
//! Look-alike variants (`蕞` for `最`, `薇` for `微`) are not folded: they belong to the rule
//! packs.
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
//! Every output byte of both views records the original char it came from, so any range
//! of either view maps back to a range of the original that lies on char boundaries and
//! covers exactly the source chars (expansions such as `⑴` → `(1)` and removed chars are
//! handled). [`Normalized::max_gap`] tells how far apart two consecutive compact chars were
//! in the original, so the engine can refuse to join words that are far apart.
//!
//! # Performance
//!
//! ASCII and CJK ideographs (U+3400–U+4DBF, U+4E00–U+9FFF) take fast paths (a bitmap test
//! finds the traditional chars); every other char of planes 0 and 1 is one lookup in a cache
//! of fold results computed 256 code points at a time on first use. Run
//! `cargo bench --bench normalize` for figures.

mod fold;
mod t2s_table;
mod tables;
mod trad;

use std::ops::Range;

pub use tables::STAND_IN_EMOJI;

/// A normalised working copy of one text, with maps back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// All folds applied, separators kept.
    folded: String,
    /// `folded` without separators.
    compact: String,
    /// Per output byte of each view, the original char it came from.
    maps: Maps,
    /// Length in bytes of the original text.
    original_len: usize,
}

/// The per-byte maps of both views, packed as narrowly as the original's length allows.
#[derive(Debug, Clone)]
enum Maps {
    /// Originals shorter than 1 GiB (every real note).
    Narrow {
        /// Per byte of `folded`.
        folded: Vec<u32>,
        /// Per byte of `compact`.
        compact: Vec<u32>,
    },
    /// Longer originals.
    Wide {
        /// Per byte of `folded`.
        folded: Vec<u64>,
        /// Per byte of `compact`.
        compact: Vec<u64>,
    },
}

/// The source char of one output byte: its original start offset and its UTF-8 length,
/// packed as `start << 2 | (len - 1)`.
trait Packed: Copy {
    /// The longest original whose offsets this packing holds.
    const MAX_ORIGINAL_LEN: usize;
    /// Packs a source char starting at `start` that is `len` (1..=4) bytes long.
    fn pack(start: usize, len: usize) -> Self;
    /// Original byte offset where the source char starts.
    fn start(self) -> usize;
    /// Original byte offset just past the source char.
    fn end(self) -> usize;
}

impl Packed for u32 {
    const MAX_ORIGINAL_LEN: usize = (u32::MAX >> 2) as usize;

    #[inline]
    fn pack(start: usize, len: usize) -> u32 {
        ((start as u32) << 2) | (len as u32 - 1)
    }

    #[inline]
    fn start(self) -> usize {
        (self >> 2) as usize
    }

    #[inline]
    fn end(self) -> usize {
        (self >> 2) as usize + (self & 3) as usize + 1
    }
}

impl Packed for u64 {
    const MAX_ORIGINAL_LEN: usize = (u64::MAX >> 2) as usize;

    #[inline]
    fn pack(start: usize, len: usize) -> u64 {
        ((start as u64) << 2) | (len as u64 - 1)
    }

    #[inline]
    fn start(self) -> usize {
        (self >> 2) as usize
    }

    #[inline]
    fn end(self) -> usize {
        (self >> 2) as usize + (self & 3) as usize + 1
    }
}

/// Which ASCII bytes (after lowercasing) the compact view keeps: letters, digits and the
/// line terminators `\n`, `\r`, VT, FF. Must agree with `tables::keeps` (tested).
static ASCII_KEEPS: [bool; 128] = {
    let mut keep = [false; 128];
    let mut b = 0;
    while b < 128 {
        keep[b] = (b as u8).is_ascii_alphanumeric() || matches!(b, 0x0A..=0x0D);
        b += 1;
    }
    keep
};

/// Are all chars of this range CJK ideographs that fold to themselves or, if traditional, to
/// their simplified form, and are kept in `compact`? (U+4DC0–4DFF, the Yijing hexagram
/// symbols, sit between the two ranges and are not.) Checked against `fold::fold_char` for
/// every code point by a test.
#[inline]
fn is_plain_cjk(u: u32) -> bool {
    (0x4E00..=0x9FFF).contains(&u) || (0x3400..=0x4DBF).contains(&u)
}

/// The two views and their maps while they are being built.
struct Sink<P> {
    /// The folded view.
    folded: String,
    /// Per byte of `folded`.
    fmap: Vec<P>,
    /// The compact view.
    compact: String,
    /// Per byte of `compact`.
    cmap: Vec<P>,
}

impl<P: Packed> Sink<P> {
    /// Appends one output char from source char `p`, to `compact` too if `keep`.
    #[inline]
    fn push(&mut self, ch: char, keep: bool, p: P) {
        let n = ch.len_utf8();
        self.folded.push(ch);
        self.fmap.extend_from_slice(&[p; 4][..n]);
        if keep {
            self.compact.push(ch);
            self.cmap.extend_from_slice(&[p; 4][..n]);
        }
    }
}

/// Folds `original` into both views in one pass.
fn build<P: Packed>(original: &str) -> Sink<P> {
    let n = original.len();
    let mut s = Sink {
        folded: String::with_capacity(n),
        fmap: Vec::with_capacity(n),
        compact: String::with_capacity(n),
        cmap: Vec::with_capacity(n),
    };
    for (i, c) in original.char_indices() {
        let u = c as u32;
        if u < 0x80 {
            let b = (u as u8).to_ascii_lowercase();
            let p = P::pack(i, 1);
            s.folded.push(b as char);
            s.fmap.push(p);
            if ASCII_KEEPS[b as usize] {
                s.compact.push(b as char);
                s.cmap.push(p);
            }
        } else if is_plain_cjk(u) {
            let t = trad::to_simplified(c);
            let p = P::pack(i, 3);
            s.folded.push(t);
            s.fmap.extend_from_slice(&[p, p, p]);
            s.compact.push(t);
            s.cmap.extend_from_slice(&[p, p, p]);
        } else {
            let p = P::pack(i, c.len_utf8());
            match fold::block(u) {
                Some(block) => {
                    let e = block.entry(u);
                    match e.kind {
                        fold::Kind::Remove => {}
                        fold::Kind::Drop => s.push(e.ch, false, p),
                        fold::Kind::Keep => s.push(e.ch, true, p),
                        fold::Kind::Multi => {
                            for &(d, keep) in block.multi(e) {
                                s.push(d, keep, p);
                            }
                        }
                    }
                }
                None => fold::fold_char(c, &mut |d, keep| s.push(d, keep, p)),
            }
        }
    }
    s
}

/// Maps the view range `[start, end)` to the original (see [`Normalized::folded_to_original`]).
fn to_original<P: Packed>(map: &[P], start: usize, end: usize, original_len: usize) -> Range<usize> {
    let end = end.min(map.len());
    if start >= end {
        let at = map.get(start).map_or(original_len, |p| p.start());
        return at..at;
    }
    map[start].start()..map[end - 1].end()
}

/// The first view offset whose source char starts at or after `offset`.
fn from_original<P: Packed>(map: &[P], offset: usize) -> usize {
    map.partition_point(|p| p.start() < offset)
}

/// See [`Normalized::max_gap`].
fn max_gap<P: Packed>(view: &str, map: &[P], original: &str, start: usize, end: usize) -> usize {
    let end = end.min(map.len()).min(view.len());
    let bytes = view.as_bytes();
    let mut prev: Option<P> = None;
    let mut max = 0;
    for k in start..end {
        // A char starts at every byte that is not a UTF-8 continuation byte.
        if (bytes[k] as i8) < -0x40 {
            continue;
        }
        let p = map[k];
        if let Some(q) = prev
            && q.start() != p.start()
        {
            max = max.max(skipped(original, q.end(), p.start()));
        }
        prev = Some(p);
    }
    max
}

/// Number of original chars in `[from, to)` that count as skipped (`tables::counts_in_gap`).
fn skipped(original: &str, from: usize, to: usize) -> usize {
    if from >= to {
        return 0;
    }
    match original.get(from..to) {
        Some(gap) => gap.chars().filter(|&c| tables::counts_in_gap(c)).count(),
        // Not the text this was built from: answer in bytes rather than panic.
        None => to - from,
    }
}

impl Normalized {
    /// Normalises `original`: folds every char and builds both views and their maps.
    ///
    /// Never panics; cost is linear in the length of `original`.
    pub fn new(original: &str) -> Normalized {
        if original.len() <= <u32 as Packed>::MAX_ORIGINAL_LEN {
            let s = build::<u32>(original);
            Normalized {
                folded: s.folded,
                compact: s.compact,
                maps: Maps::Narrow {
                    folded: s.fmap,
                    compact: s.cmap,
                },
                original_len: original.len(),
            }
        } else {
            Self::new_wide(original)
        }
    }

    /// [`Normalized::new`] with 64-bit maps (originals of 1 GiB and more).
    fn new_wide(original: &str) -> Normalized {
        let s = build::<u64>(original);
        Normalized {
            folded: s.folded,
            compact: s.compact,
            maps: Maps::Wide {
                folded: s.fmap,
                compact: s.cmap,
            },
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
    /// `start < end`, both on folded char boundaries, is the intended use: the result then
    /// lies on original char boundaries, has `start < end`, and covers exactly the source
    /// chars of those folded chars. Offsets inside a char are treated as that char; `end` is
    /// clamped to `folded().len()`; an empty or inverted range maps to an empty range at the
    /// source of `start` (or at the end of the original).
    pub fn folded_to_original(&self, start: usize, end: usize) -> Range<usize> {
        match &self.maps {
            Maps::Narrow { folded, .. } => to_original(folded, start, end, self.original_len),
            Maps::Wide { folded, .. } => to_original(folded, start, end, self.original_len),
        }
    }

    /// Original byte range covered by compact bytes `[start, end)`; same contract as
    /// [`Normalized::folded_to_original`].
    pub fn compact_to_original(&self, start: usize, end: usize) -> Range<usize> {
        match &self.maps {
            Maps::Narrow { compact, .. } => to_original(compact, start, end, self.original_len),
            Maps::Wide { compact, .. } => to_original(compact, start, end, self.original_len),
        }
    }

    /// Byte offset in `folded` of the first folded char whose source char starts at or after
    /// original byte `offset` (`folded().len()` if none). Always a folded char boundary.
    pub fn original_to_folded(&self, offset: usize) -> usize {
        match &self.maps {
            Maps::Narrow { folded, .. } => from_original(folded, offset),
            Maps::Wide { folded, .. } => from_original(folded, offset),
        }
    }

    /// Byte offset in `compact` of the first compact char whose source char starts at or
    /// after original byte `offset` (`compact().len()` if none). Always a compact char
    /// boundary.
    pub fn original_to_compact(&self, offset: usize) -> usize {
        match &self.maps {
            Maps::Narrow { compact, .. } => from_original(compact, offset),
            Maps::Wide { compact, .. } => from_original(compact, offset),
        }
    }

    /// For the compact range `[start, end)`: the largest number of original characters
    /// skipped between two consecutive compact chars of the range (0 when they are adjacent
    /// in the original, or come from the same original char).
    ///
    /// `original` must be the text this was built from. Invisible chars (those removed by
    /// fold 1: zero-width, variation selectors, ZWJ, skin tones…) and non-spacing /
    /// enclosing combining marks are not counted, so stuffing them between two characters
    /// does not widen the gap: `最 好` and `最\u{200B}\u{200B} 好` both have a gap of 1, `微❤️信`
    /// (with U+FE0F) has 1.
    pub fn max_gap(&self, original: &str, start: usize, end: usize) -> usize {
        match &self.maps {
            Maps::Narrow { compact, .. } => max_gap(&self.compact, compact, original, start, end),
            Maps::Wide { compact, .. } => max_gap(&self.compact, compact, original, start, end),
        }
    }
}

/// The compact form of a pack term, so terms and text meet in the same form:
/// `Normalized::new(term).compact().to_owned()`.
pub fn fold_term(term: &str) -> String {
    Normalized::new(term).compact
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The folded view of `s`.
    fn folded(s: &str) -> String {
        Normalized::new(s).folded().to_owned()
    }

    /// Asserts `folded(input) == want` for every pair.
    fn assert_folds(cases: &[(&str, &str)]) {
        for &(input, want) in cases {
            assert_eq!(folded(input), want, "folded({input:?})");
        }
    }

    /// Asserts `fold_term(input) == want` for every pair.
    fn assert_compacts(cases: &[(&str, &str)]) {
        for &(input, want) in cases {
            assert_eq!(fold_term(input), want, "compact({input:?})");
        }
    }

    /// What `fold::fold_char` makes of `s`, char by char: (folded, compact).
    fn reference(s: &str) -> (String, String) {
        let (mut f, mut c) = (String::new(), String::new());
        for ch in s.chars() {
            fold::fold_char(ch, &mut |d, keep| {
                f.push(d);
                if keep {
                    c.push(d);
                }
            });
        }
        (f, c)
    }

    // ---------------------------------------------------------------- folds

    #[test]
    fn fold_width() {
        assert_folds(&[
            ("ＡＢＣ１２３", "abc123"),
            ("ｗｅｉｘｉｎ：ａｂｃ＿１２３", "weixin:abc_123"),
            ("Ｖ　Ｘ", "v x"),
            ("！？（）［］＠＃％", "!?()[]@#%"),
            ("ｶﾀｶﾅ", "カタカナ"),
            ("\u{3000}", " "),
        ]);
    }

    #[test]
    fn fold_case() {
        assert_folds(&[
            ("WeiXin VX", "weixin vx"),
            ("ÀÉÎÕÜ", "àéîõü"),
            ("ΣΑΣ Ωmega", "σασ ωmega"),
            ("İSTANBUL", "istanbul"),
            ("ДЕНЬГИ", "деньги"),
            ("\u{212A}", "k"), // KELVIN SIGN: NFKC to K, then lowercase
        ]);
    }

    #[test]
    fn fold_math_alphanumerics() {
        assert_folds(&[
            ("𝐰𝐞𝐢𝐱𝐢𝐧", "weixin"),
            ("𝕍𝕏", "vx"),
            ("𝓌𝑒𝒾𝓍𝒾𝓃", "weixin"),
            ("𝟏𝟖𝟖𝟎", "1880"),
            ("𝙌𝙌", "qq"),
            ("ℍ𝔼𝕃𝕃𝕆", "hello"),
        ]);
    }

    #[test]
    fn fold_enclosed_digits_and_letters() {
        assert_folds(&[
            ("①②⑩⑳㉑㊿", "1210202150"),
            ("⑴⒇", "(1)(20)"),
            ("⒈⒉", "1.2."),
            ("❶❿", "110"),
            ("➀➉", "110"),
            ("➊➓", "110"),
            ("⓫⓴", "1120"),
            ("⓵⓾", "110"),
            ("⓿", "0"),
            ("🄋🄌", "00"),
            ("Ⓐⓑ⒜", "ab(a)"),
            ("🄰🅉", "az"),
            ("🅐🅩", "az"),
            ("🅰🆉🅿️", "azp"),
            ("🇨🇳", "cn"),
            ("🇻🇽", "vx"),
            ("㊀㊁", "一二"),
            ("1️⃣8️⃣", "18"),
        ]);
    }

    #[test]
    fn fold_superscripts_and_subscripts() {
        assert_folds(&[("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890"), ("₁₂₃", "123"), ("ᵛˣ", "vx"), ("m²", "m2")]);
    }

    #[test]
    fn fold_traditional() {
        assert_folds(&[
            ("電子菸", "电子烟"),
            ("香菸", "香烟"),
            ("點擊", "点击"),
            ("搶購", "抢购"),
            ("價", "价"),
            ("薦", "荐"),
            ("優惠", "优惠"),
            ("號", "号"),
            ("聯繫", "联系"),
            ("網", "网"),
            ("微信號", "微信号"),
            // simplified text is left alone
            ("电子烟点击抢购", "电子烟点击抢购"),
            // compatibility ideographs go through NFKC first
            ("\u{F900}", "岂"),
        ]);
    }

    #[test]
    fn fold_removals() {
        assert_folds(&[
            ("微\u{200B}信", "微信"),
            ("\u{FEFF}加\u{200D}微\u{2060}信\u{00AD}", "加微信"),
            ("\u{200C}\u{200E}\u{200F}a", "a"),
            ("\u{202E}abc\u{202C}", "abc"),
            ("\u{2066}x\u{2069}", "x"),
            ("❤\u{FE0F}", "❤"),
            ("\u{E0100}a", "a"),
            ("1\u{FE0F}\u{20E3}", "1"),
            ("👍🏻👍🏿", "👍👍"),
            ("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "🏴"),
            ("\u{3164}\u{115F}\u{FFA0}", ""),
            ("\u{034F}\u{061C}\u{180E}", ""),
        ]);
    }

    #[test]
    fn fold_keeps_look_alikes() {
        // Look-alikes are the packs' business, not global folds.
        assert_folds(&[("蕞好", "蕞好"), ("薇信", "薇信")]);
    }

    #[test]
    fn compact_drops_separators() {
        assert_compacts(&[
            ("最 好 用", "最好用"),
            ("治-疗", "治疗"),
            ("加.微.信", "加微信"),
            ("微❤️信", "微信"),
            ("微❤信", "微信"),
            ("电 子 烟", "电子烟"),
            ("V.X", "vx"),
            ("Ｖ．Ｘ", "vx"),
            ("加，微。信！", "加微信"),
            ("《最好》【用】“的”‘吗’…—·～", "最好用的吗"),
            ("加\u{3000}微\t信", "加微信"),
            ("微✨信★☆♥", "微信"),
            ("a+b=c<d>e|f~g^h", "abcdefgh"),
            ("¥100$5€", "1005"),
            ("加→微←信", "加微信"),
            ("┃微┃信", "微信"),
            ("■微▲信●", "微信"),
            ("微😀信👨\u{200D}👩\u{200D}👧加", "微信加"),
            ("微\u{336}信\u{336}", "微信"),
            ("＠微＃信％", "微信"),
            ("々〇ー", "々〇ー"),
        ]);
    }

    #[test]
    fn compact_keeps_stand_in_emoji() {
        assert_compacts(&[
            ("🍑宝", "🍑宝"),
            ("🍑️宝", "🍑宝"),
            ("🐶东", "🐶东"),
            ("🐧号", "🐧号"),
            ("闲🐟", "闲🐟"),
            ("小🍠", "小🍠"),
            ("天🐱", "天🐱"),
            ("🛰️", "🛰"),
        ]);
        for &(e, _) in STAND_IN_EMOJI {
            assert_eq!(fold_term(&e.to_string()), e.to_string());
            assert_eq!(e.len_utf8(), 4, "{e:?} must be one emoji char, without VS16");
        }
    }

    #[test]
    fn compact_keeps_line_breaks() {
        assert_compacts(&[
            ("最\n好", "最\n好"),
            ("最\r\n好", "最\r\n好"),
            ("最\u{2028}好", "最\u{2028}好"),
        ]);
    }

    #[test]
    fn compact_keeps_letters_digits_scripts() {
        assert_compacts(&[
            ("カタカナ ひらがな", "カタカナひらがな"),
            ("한국어 텍스트", "한국어텍스트"),
            ("abc 123", "abc123"),
            ("𠀀𠀁", "𠀀𠀁"),
        ]);
    }

    #[test]
    fn fold_term_is_compact() {
        for s in ["電子菸", "最 好", "🍑宝", "", "ＶＸ：abc"] {
            assert_eq!(fold_term(s), Normalized::new(s).compact());
        }
    }

    // ---------------------------------------------------------------- exhaustive

    /// The fast paths (ASCII, CJK) and the block cache agree with the reference fold for
    /// every code point.
    #[test]
    fn fast_paths_and_cache_agree_with_reference() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            let n = Normalized::new(s);
            let (f, k) = reference(s);
            assert_eq!(n.folded(), f, "folded of U+{:04X}", c as u32);
            assert_eq!(n.compact(), k, "compact of U+{:04X}", c as u32);
        }
    }

    /// No code point folds to more than 18 chars (U+FDFA), which the cache's entries hold.
    #[test]
    fn expansion_is_bounded() {
        let mut max = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut n = 0;
            fold::fold_char(c, &mut |_, _| n += 1);
            max = max.max(n);
        }
        assert_eq!(max, 18);
    }

    /// Folding is idempotent, char by char: folding folded text changes nothing, so a term
    /// written in folded form still meets the text.
    #[test]
    fn folding_is_idempotent() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let n = Normalized::new(c.encode_utf8(&mut buf));
            assert_eq!(folded(n.folded()), n.folded(), "U+{:04X}", c as u32);
            assert_eq!(fold_term(n.compact()), n.compact(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn ascii_keeps_agrees_with_tables() {
        for b in 0u8..128 {
            assert_eq!(ASCII_KEEPS[b as usize], tables::keeps(b as char), "byte {b}");
        }
    }

    #[test]
    fn extra_compat_table() {
        assert!(tables::extra_compat_is_sorted());
        assert_eq!(tables::extra_compat('\u{3000}'), Some(" "));
        assert_eq!(tables::extra_compat('❶'), Some("1"));
        assert_eq!(tables::extra_compat('❿'), Some("10"));
        assert_eq!(tables::extra_compat('⓴'), Some("20"));
        assert_eq!(tables::extra_compat('🆉'), Some("z"));
        assert_eq!(tables::extra_compat('🇿'), Some("z"));
        assert_eq!(tables::extra_compat('🆊'), None);
        assert_eq!(tables::extra_compat('a'), None);
        assert_eq!(tables::extra_compat('\u{10FFFF}'), None);
    }

    // ---------------------------------------------------------------- traditional

    /// The `(traditional, simplified)` pairs `fast2s` applies to single chars.
    fn fast2s_pairs() -> Vec<(char, char)> {
        (0x800..=0xFFFFu32)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let s = fast2s::convert(&c.to_string());
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(d), None) if d != c => Some((c, d)),
                    _ => None,
                }
            })
            .collect()
    }

    /// The generated table must equal what `fast2s` does; regenerate with
    /// `cargo test --lib regenerate_t2s_table -- --ignored` when `fast2s` changes.
    #[test]
    fn t2s_table_matches_fast2s() {
        assert_eq!(trad::pairs(), fast2s_pairs().as_slice());
    }

    /// Writes `src/normalize/t2s_table.rs` from the `fast2s` crate.
    #[test]
    #[ignore = "generator: writes src/normalize/t2s_table.rs"]
    fn regenerate_t2s_table() {
        let pairs = fast2s_pairs();
        let mut src = String::from(T2S_HEADER);
        src.push_str(&format!(
            "#[rustfmt::skip]\npub(super) static T2S: [(char, char); {}] = [\n",
            pairs.len()
        ));
        for line in pairs.chunks(8) {
            src.push_str("   ");
            for (t, s) in line {
                src.push_str(&format!(" ('{t}', '{s}'),"));
            }
            src.push('\n');
        }
        src.push_str("];\n");
        let path = std::path::Path::new(file!()).with_file_name("t2s_table.rs");
        std::fs::write(&path, src).unwrap();
    }

    /// Head of the generated `t2s_table.rs`.
    const T2S_HEADER: &str = "\
//! Traditional → simplified Chinese pairs for fold 4. GENERATED by
//! `cargo test --lib regenerate_t2s_table -- --ignored` (in `normalize/mod.rs`): do not edit.
//!
//! Source: the `fast2s` crate (0.3.1), <https://github.com/tyrchen/fast2s>: every char of
//! U+0800–U+FFFF that `fast2s::convert` changes when given that char alone. The test
//! `t2s_table_matches_fast2s` keeps this file and the crate in sync. Its licence:
//!
//! Copyright <2021> <Tyr Chen>
//!
//! Permission is hereby granted, free of charge, to any person obtaining a copy of this
//! software and associated documentation files (the \"Software\"), to deal in the Software
//! without restriction, including without limitation the rights to use, copy, modify,
//! merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
//! persons to whom the Software is furnished to do so, subject to the following conditions:
//!
//! The above copyright notice and this permission notice shall be included in all copies or
//! substantial portions of the Software.
//!
//! THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
//! INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
//! PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
//! FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
//! OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
//! DEALINGS IN THE SOFTWARE.

/// `(traditional, simplified)` pairs, sorted by the traditional char.
";
}
