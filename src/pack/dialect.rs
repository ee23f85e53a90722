//! The packs' regex dialect: the `regex` crate's syntax over folded text, with `{digit}`,
//! `{gap}` and `{neg}` shorthands expanded before compiling; checked when a pack loads.

use crate::error::PackErrorKind;

/// The dialect's own shorthands; any other `{name}` is a word family of the pack.
pub(crate) const SHORTHANDS: &[&str] = &["digit", "gap", "negation"];

/// What `{~字}` stands for in a pack regex: 字 or a character said like it, the way writers swap
/// a word's character for another of the same sound to slip past a list (薇 or 魏 for 微 in
/// 微信, 芯 for 信), or its syllable spelled in pinyin (秒sha). A group of a class of 字 and every
/// Han character whose main reading is 字's (toneless, from the pinyin table), but those too
/// rare to be typed (fewer than [`SOUND_RARE`] uses in jieba's dictionary), never in folded text
/// (a traditional form) or too common to be stand-ins (a word of their own, as the reading
/// guards count them: 为, 新, 心); then the syllable. `None` when 字 has no reading.
pub(crate) fn sound_class(c: char) -> Option<String> {
    use crate::normalize::reading;
    let at = |ch: char| (ch as u32).checked_sub(reading::MAINS_START).map(|i| i as usize);
    let main = *reading::mains().get(at(c)?)?;
    if main == reading::NONE {
        return None;
    }
    let mut alike: Vec<(usize, char)> = reading::mains()
        .iter()
        .enumerate()
        .filter(|&(_, &s)| s == main)
        .filter_map(|(i, _)| char::from_u32(reading::MAINS_START + i as u32))
        .map(|ch| (crate::words::char_frequency(ch), ch))
        .filter(|&(f, ch)| ch != c && (SOUND_RARE..crate::words::COMMON_CHAR).contains(&f))
        // only characters the folded text can hold (not 闈, which it reads as 闱)
        .filter(|&(_, ch)| {
            let mut buf = [0; 4];
            crate::normalize::Normalized::new(ch.encode_utf8(&mut buf))
                .folded()
                .starts_with(ch)
        })
        .collect();
    alike.sort_unstable_by(|a, b| b.cmp(a));
    alike.truncate(SOUND_MOST);
    let mut class = String::from("(?:[");
    class.push(c);
    class.extend(alike.iter().map(|&(_, ch)| ch));
    class.push_str("]|");
    // ...and the syllable spelled out in pinyin (秒sha, weixin), the folded text's lowercase
    class.push_str(reading::name(main));
    class.push(')');
    Some(class)
}

/// Fewer uses than this in jieba's dictionary: too rare a character to be typed as a stand-in.
const SOUND_RARE: usize = 300;

/// The most stand-ins a `{~字}` class holds (the most used first): each is a gate literal of
/// its regex.
const SOUND_MOST: usize = 40;

/// What `{digit}` stands for in a pack regex: one digit in any style people write phone and QQ
/// numbers in. Full-width, circled, superscript and maths digits are already ASCII in the
/// folded text; Chinese numerals (一三八, 幺 for 1, 两 for 2, 〇/零 for 0) are not, since they are
/// words elsewhere, so patterns that read numbers say `{digit}` to accept them, mixed or not.
pub const DIGIT_CLASS: &str = "[0-9〇零一幺二两三四五六七八九壹贰叁肆伍陆柒捌玖]";

/// What `{negation}` stands for in a pack regex: a negator (不, 没有, 并没有, 一点都没...) and
/// the modal or 有 that may follow it before its verb (不会, 没有什么). An exception pattern
/// `{negation}(?:止痒|消炎)` says the effect did not happen (一点都没有止痒), whatever the
/// negator's wording.
pub const NEGATION: &str = r"(?:不|没有?|无法|不能|不会|并不|并没有?|毫无|根本不|根本没有?|一点都不|一点都没有?|一点也不|一点也没有?|都没有?)\s?(?:能\s?|会\s?|有\s?|什么\s?)?";

/// The blocks a `{gap}` char comes from: the separators people type between the characters
/// of a handle or a word (`微 信`, `微❤信`, `微·信`, `v̶x`): ASCII and Latin-1 punctuation,
/// spaces and symbols, spacing modifiers and combining diacritics; general and supplemental
/// punctuation, letterlike and number forms, arrows, maths, technical, box drawing, shapes,
/// dingbats; CJK radicals, description characters, CJK symbols and punctuation, kanbun,
/// strokes, enclosed CJK and compatibility squares; private use; variation selectors,
/// vertical and small forms; half-width and full-width forms and specials; musical symbols;
/// and the emoji and legacy-computing blocks of plane 1.
///
/// Left out: the punctuation of other scripts (Arabic, Indic, Thai, Tibetan, Ethiopic, ...)
/// and of plane 1's historic scripts. `[^\p{L}\p{N}]` has those too, and they cost: its UTF-8
/// automaton is 2.3 times the size, the most expensive thing about compiling the pack
/// regexes, and nobody hides a WeChat handle behind a Tibetan mark.
pub const GAP_BLOCKS: &[(char, char)] = &[
    ('\u{0}', '\u{36F}'),
    ('\u{2000}', '\u{2BFF}'),
    ('\u{2E00}', '\u{2FFF}'),
    ('\u{3000}', '\u{33FF}'),
    ('\u{E000}', '\u{F8FF}'),
    ('\u{FE00}', '\u{FE6F}'),
    ('\u{FF00}', '\u{FFFF}'),
    ('\u{1D000}', '\u{1D24F}'),
    ('\u{1F000}', '\u{1FBFF}'),
];

/// What `{gap}` stands for in a pack regex: one separator, that is a char of [`GAP_BLOCKS`]
/// that is no letter (L*) and no number (N*). `{gap}{0,3}` allows up to three inserted
/// symbols; write `[{gap}&&[^\n]]` for one that is no line break.
pub fn gap_class() -> &'static str {
    static CLASS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    CLASS.get_or_init(|| {
        let ranges: String = GAP_BLOCKS
            .iter()
            .map(|&(a, b)| format!("\\x{{{:X}}}-\\x{{{:X}}}", a as u32, b as u32))
            .collect();
        format!("[[{ranges}]&&[^\\p{{L}}\\p{{N}}]]")
    })
}

/// A pack regex as the regex engine reads it: `{digit}` expanded to [`DIGIT_CLASS`],
/// `{negation}` to [`NEGATION`] and `{gap}` to [`gap_class`].
pub(crate) fn expand(pattern: &str) -> std::borrow::Cow<'_, str> {
    expand_with_gap(pattern, gap_class())
}

/// [`expand`] with `{gap}` standing for `gap`.
pub(crate) fn expand_with_gap<'a>(pattern: &'a str, gap: &str) -> std::borrow::Cow<'a, str> {
    if !pattern.contains('{') {
        return pattern.into();
    }
    pattern
        .replace("{digit}", DIGIT_CLASS)
        .replace("{negation}", NEGATION)
        .replace("{gap}", gap)
        .into()
}

/// What a character class names, it names in every form the folded text may hold it in:
/// - the full-width punctuation a writer types (，！？；：) is its ASCII form in the folded text
///   the regexes run on, so a class that names it (`[^，。！？\n]`, a window that stops at a
///   clause) names the ASCII form too;
/// - a Chinese numeral is also written in its financial form (叁 for 三, 陆 for 六, 拾 for 十,
///   on cheques and by people hiding a number), so a class of numerals (`最后[0-9一二三]小时`)
///   names those too. Only inside a class: 陆 and 伍 are words elsewhere (大陆, 队伍), but in a
///   numeral's slot they are numerals.
///
/// `Some` of the pattern with each such class member doubled, `None` when there is none.
pub(crate) fn fold_classes(pattern: &str) -> Option<String> {
    const FOLDS: [(char, char); 17] = [
        ('，', ','),
        ('！', '!'),
        ('？', '?'),
        ('；', ';'),
        ('：', ':'),
        ('一', '壹'),
        ('二', '贰'),
        ('三', '叁'),
        ('四', '肆'),
        ('五', '伍'),
        ('六', '陆'),
        ('七', '柒'),
        ('八', '捌'),
        ('九', '玖'),
        ('十', '拾'),
        ('百', '佰'),
        ('千', '仟'),
    ];
    let mut out = String::with_capacity(pattern.len() + 8);
    let (mut depth, mut escaped, mut changed) = (0usize, false, false);
    for c in pattern.chars() {
        out.push(c);
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '[' {
            depth += 1;
        } else if c == ']' && depth > 0 {
            depth -= 1;
        } else if depth > 0 {
            if let Some(&(_, other)) = FOLDS.iter().find(|&&(f, _)| f == c) {
                out.push(other);
                changed = true;
            }
        }
    }
    changed.then_some(out)
}

/// Compiles a pack regex: expands `{digit}`, `{negation}` and `{gap}` ([`expand`]). The text it runs on is already
/// folded (lowercase, half-width, simplified), so patterns are written in that form. The
/// financial numerals (壹贰叁…玖, used on cheques and by people hiding a number) are digits
/// here; `⑴` and `⒈` are plain digits already in the folded text.
pub(crate) fn compile_regex(pattern: &str) -> Result<regex::Regex, PackErrorKind> {
    regex::RegexBuilder::new(&expand(pattern))
        .size_limit(8 << 20)
        .build()
        .map_err(|e| PackErrorKind::InvalidRegex {
            pattern: pattern.to_owned(),
            message: e.to_string(),
        })
}

/// Checks a user's pack regex: it compiles as the linter will compile it (a regex too big is
/// an error now, not at lint time), and it cannot match the empty string. (The builtin packs'
/// regexes are checked so by the test suite, and parsed without it: they compile on first use.)
pub(crate) fn check_regex(pattern: &str) -> Result<(), PackErrorKind> {
    if compile_regex(pattern)?.is_match("") {
        return Err(PackErrorKind::EmptyMatch(pattern.to_owned()));
    }
    Ok(())
}
