//! Fold 5: look-alike letters and variant characters that stand for a standard one.
//!
//! Two families, each a writer's way around a keyword list that no Unicode normalisation
//! undoes:
//!
//! * **Small capitals and a syllabic shaped like Latin letters** (`ɴᴏ.1`, `ᐯx`), and the
//!   katakana length mark drawn like 一 (`第ー`): styled text's
//!   stand-ins that NFKC leaves alone.
//! * **Cyrillic and Greek letters shaped like Latin ones** (`РR礼盒`, `ѵх`): the confusables of
//!   Unicode's `confusables.txt` (UTS #39) whose target is one lowercase ASCII letter, for the
//!   letters of the two scripts that have such a twin, and the few drawn for a Latin letter
//!   though Unicode lists no twin (`ωx`: ω, ѡ for w, ε for e, η for n). Applied after
//!   lowercasing, so only the lowercase forms are listed (`Р` lowercases to `р` first).
//! * **Cantonese written forms** of the function words (`嘅` for 的, `咗` for 了, `嚟` for 来,
//!   `畀` for 给, `睇` for 看, `喺` for 在, `冇` for 没, `佢` for 他, `哋` for 们, `搵` for 找): a note in
//!   written Cantonese (品牌寄嚟嘅, 睇我主页) says the Mandarin words the packs read. Only
//!   characters Mandarin text never uses for anything else (not 係, the traditional 系; not
//!   唔, also Mandarin's "hmm"; not 俾, in names).
//! * **Variant Han characters**: Japanese shinjitai that differ from the simplified Chinese
//!   form (`単` for `单`, `薬` for `药`, `売` for `卖`), and variants people type by mistake or on
//!   purpose (`劵` for `券`). The traditional → simplified fold (`trad.rs`) runs first, so
//!   only characters it leaves alone are here.
//!
//! * **Letters of every other script drawn like one Latin letter** (`ɡzh`, `ꓦx`, `∨x`):
//!   generated from Unicode's confusables data into `confusables_table.rs`
//!   (`tools/gen_confusables.py` says which), looked up after the hand-written ones.
//!
//! Sorted by code point (a test checks), looked up by binary search.

use super::confusables_table::CONFUSABLES;

/// Look-alike letters, `(variant, standard)`, sorted by variant.
static VARIANTS: &[(char, char)] = &[
    // small capital letters (IPA), as styled text writes ɴᴏ.1 for NO.1
    ('ɢ', 'g'),
    ('ɪ', 'i'),
    ('ɴ', 'n'),
    ('ʀ', 'r'),
    ('ʏ', 'y'),
    ('ʙ', 'b'),
    ('ʜ', 'h'),
    ('ʟ', 'l'),
    // Greek lowercase look-alikes (and, beyond confusables.txt, the ones drawn for a Latin
    // letter in handles: ε for e, η for n, ω for w, as in ωx)
    ('α', 'a'),
    ('ε', 'e'),
    ('η', 'n'),
    ('ι', 'i'),
    ('κ', 'k'),
    ('ν', 'v'),
    ('ο', 'o'),
    ('ρ', 'p'),
    ('τ', 't'),
    ('υ', 'u'),
    ('χ', 'x'),
    ('ω', 'w'),
    // Cyrillic lowercase look-alikes
    ('а', 'a'),
    ('в', 'b'),
    ('е', 'e'),
    ('к', 'k'),
    ('м', 'm'),
    ('н', 'h'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('т', 't'),
    ('у', 'y'),
    ('х', 'x'),
    ('ѕ', 's'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѡ', 'w'),
    ('ѵ', 'v'),
    ('ԁ', 'd'),
    ('ԛ', 'q'),
    ('ԝ', 'w'),
    // ᐯ CANADIAN SYLLABICS PE for V (ᐯx), and the small capitals of the phonetic extensions
    ('ᐯ', 'v'),
    ('ᴀ', 'a'),
    ('ᴄ', 'c'),
    ('ᴅ', 'd'),
    ('ᴇ', 'e'),
    ('ᴊ', 'j'),
    ('ᴋ', 'k'),
    ('ᴍ', 'm'),
    ('ᴏ', 'o'),
    ('ᴘ', 'p'),
    ('ᴛ', 't'),
    ('ᴜ', 'u'),
    ('ᴠ', 'v'),
    ('ᴡ', 'w'),
    ('ᴢ', 'z'),
    // ー KATAKANA-HIRAGANA PROLONGED SOUND MARK for 一, the stroke it is drawn as (全网第ー)
    ('ー', '一'),
    // ㄧ BOPOMOFO LETTER I for 一, the same stroke (唯ㄧ, 第ㄧ): Taiwan's keyboards type it
    ('ㄧ', '一'),
    ('ꜰ', 'f'),
    ('ꜱ', 's'),
];

/// Han variants: Japanese shinjitai and common stand-ins, `(variant, standard)` sorted.
static HAN: &[(char, char)] = &[
    // 丅, an old form of 下 drawn as a capital T (丅OP1): no text of today writes it for 下
    ('丅', 't'),
    ('仏', '佛'),
    ('佢', '他'),
    ('価', '价'),
    ('冇', '没'),
    // 冶 for 治: one dot short, written to slip a treatment claim past review (根冶, 冶疗)
    ('冶', '治'),
    ('処', '处'),
    ('剤', '剂'),
    ('劵', '券'),
    // 効 for 效, 増 for 增: Japanese forms (shinjitai), written to slip a claim past review (即効, 増高)
    ('効', '效'),
    ('単', '单'),
    ('咗', '了'),
    ('哋', '们'),
    // 啇 for 商: a rare character drawn like it, written to slip 商单 past review (啇单)
    ('啇', '商'),
    ('喺', '在'),
    ('嘅', '的'),
    ('嚟', '来'),
    // (増: see 効)
    ('増', '增'),
    ('売', '卖'),
    // 孑 and 孒 for 子: a hook short, written to slip a word past review (电孑烟, 電孒煙)
    ('孑', '子'),
    ('孒', '子'),
    ('広', '广'),
    // 惟 for 唯: the older form, still written in Taiwan and in set phrases (惟一, 惟有)
    ('惟', '唯'),
    ('搵', '找'),
    ('摂', '摄'),
    // 攞 for 拿: Cantonese's "take" (攞coupon, 攞货)
    ('攞', '拿'),
    ('栄', '荣'),
    ('楽', '乐'),
    ('歳', '岁'),
    ('気', '气'),
    // 氿 for 酒: the same water radical and 九, the liquor trade's stand-in (小甜氿)
    ('氿', '酒'),
    ('畀', '给'),
    ('発', '发'),
    ('睇', '看'),
    ('稲', '稻'),
    // 笫 for 第: one stroke apart, written to slip a ranking past review (笫一名); as itself only
    // in 床笫, a literary word
    ('笫', '第'),
    ('絵', '绘'),
    // 苐 for 第: the grass radical for the bamboo one, a form seen in old print and written to
    // slip a ranking past review (苐一名)
    ('苐', '第'),
    // 蕞 for 最: the same sound and top, 最 with a grass radical, written to slip an absolute
    // claim past review (蕞好用); as itself (蕞尔, "tiny") it is a literary rarity
    ('蕞', '最'),
    ('薬', '药'),
    ('覚', '觉'),
    ('読', '读'),
    ('転', '转'),
    ('酔', '醉'),
    ('鉄', '铁'),
    ('険', '险'),
];

/// Greek capitals drawn as a Latin capital whose lowercase is drawn as another letter (`Ν` is
/// N but `ν` is v, `Η` is H but `η` is n, `Υ` is Y but `υ` is u), and those whose lowercase
/// has no Latin twin (`Β`, `Ζ`, `Μ`): as the Latin letter, before lowercasing (`ΝΟ.1` is NO.1).
#[inline]
pub(super) fn greek_capital(c: char) -> char {
    match c {
        'Β' => 'b',
        'Ζ' => 'z',
        'Η' => 'h',
        'Μ' => 'm',
        'Ν' => 'n',
        'Υ' => 'y',
        _ => c,
    }
}

/// The standard form of `c`, or `c` itself.
#[inline]
pub(super) fn to_standard(c: char) -> char {
    // (below the first look-alike, ı U+0131: plain Latin, nothing to look up)
    if (c as u32) < 0x131 {
        return c;
    }
    han(c as u32).unwrap_or_else(|| match VARIANTS.binary_search_by_key(&c, |&(v, _)| v) {
        Ok(i) => VARIANTS[i].1,
        Err(_) => match CONFUSABLES.binary_search_by_key(&c, |&(v, _)| v) {
            Ok(i) => CONFUSABLES[i].1,
            Err(_) => c,
        },
    })
}

/// The first code point [`IS_VARIANT`] covers (CJK Unified Ideographs).
const HAN_START: u32 = 0x4E00;

/// One bit per ideograph of U+4E00–U+9FFF: set for the variants of [`HAN`], so that the
/// normaliser's fast path pays one bit test per character, not a search.
static IS_VARIANT: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut i = 0;
    while i < HAN.len() {
        let k = HAN[i].0 as u32 - HAN_START;
        bits[(k / 64) as usize] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// The standard form of the Han character `u`, if it is a variant (the normaliser's fast
/// path for ideographs asks this after the traditional table).
#[inline]
pub(super) fn han(u: u32) -> Option<char> {
    let k = u.wrapping_sub(HAN_START);
    if k >= 328 * 64 || IS_VARIANT[(k / 64) as usize] & (1 << (k % 64)) == 0 {
        return None;
    }
    let c = char::from_u32(u)?;
    HAN.binary_search_by_key(&c, |&(v, _)| v).ok().map(|i| HAN[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_single_step() {
        assert!(VARIANTS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(HAN.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(CONFUSABLES.windows(2).all(|w| w[0].0 < w[1].0));
        // the generated table maps no character the hand-written one does, and every entry is
        // reached (none below the fast path's bound)
        assert!(
            CONFUSABLES
                .iter()
                .all(|&(v, s)| to_standard(v) == s && s.is_ascii_lowercase())
        );
        assert_eq!(to_standard('ɡ'), 'g');
        assert_eq!(to_standard('ꓦ'), 'v');
        // every variant in the bitset's range, found by the fast path
        assert!(HAN.iter().all(|&(v, s)| han(v as u32) == Some(s)));
        assert_eq!(han('单' as u32), None);
        // a standard form is never itself a variant (one lookup is the whole fold)
        assert!(VARIANTS.iter().all(|&(_, s)| to_standard(s) == s));
    }
}
