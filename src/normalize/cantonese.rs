//! Mandarin words as written Cantonese says them, for the word lists that are matched as
//! written (the context words: 好吃 is 好食, 这款 is 呢款, 不是智商税 is 唔系智商税).
//!
//! Fold 5 (`variants.rs`) already reads the characters only Cantonese writes (嘅, 咗, 睇, 冇,
//! 喺, 佢, 哋, 搵) as their Mandarin words, in the text itself. The characters here are the
//! other kind: Mandarin uses them too, in another sense (食 of 食品, 饮 of 饮料, 呢 the particle,
//! 唔 "hmm", 系 of 关系), so the text cannot be folded; instead a Mandarin word of a list is
//! also looked for as Cantonese writes it. Each word yields its fully Cantonese form and one
//! form per single change (writers mix: 呢个好吃), none shorter than two characters.
//!
//! Source: the function words and verbs of written Cantonese that differ from Mandarin's in
//! every grammar of it (e.g. Matthews & Yip, *Cantonese: A Comprehensive Grammar*, ch. 1), kept
//! to those whose Cantonese form is no Mandarin word of its own in a list's place.

/// `(Mandarin, Cantonese)`, longest Mandarin first where one holds another.
const FORMS: [(&str, &str); 16] = [
    ("这家", "呢间"),
    ("那家", "嗰间"),
    ("这里", "呢度"),
    ("什么", "乜嘢"),
    ("东西", "嘢"),
    ("现在", "而家"),
    ("一起", "一齐"),
    ("没有", "没"),
    ("不", "唔"),
    ("吃", "食"),
    ("喝", "饮"),
    ("这", "呢"),
    ("那", "嗰"),
    ("是", "系"),
    ("还", "仲"),
    ("很", "好"),
];

/// The few of [`FORMS`] a rule's term is also read in: the verbs and negators whose Cantonese
/// form no Mandarin phrase holds (最好食, 唔见效, 好饮), not the function words (是 as 系 would
/// read 关系最好 as 是最好).
const TERM_FORMS: [(&str, &str); 4] = [("没有", "没"), ("不", "唔"), ("吃", "食"), ("喝", "饮")];

/// The forms written Cantonese gives `word` (folded, simplified Mandarin), not `word` itself:
/// empty when it has no Mandarin word of [`FORMS`].
pub(crate) fn forms(word: &str) -> Vec<String> {
    forms_by(word, &FORMS, &FORMS_FIRST)
}

/// [`forms`] for a rule's term: only the changes of [`TERM_FORMS`].
pub(crate) fn term_forms(word: &str) -> Vec<String> {
    forms_by(word, &TERM_FORMS, &TERM_FORMS_FIRST)
}

/// The first character of each Mandarin word of a table, as a code point: a word none of whose
/// characters is one of them has nothing to change, known without comparing strings (a build
/// asks this of some 40,000 words, few of which change).
const fn first_chars<const N: usize>(table: &[(&str, &str); N]) -> [u32; N] {
    let mut firsts = [0; N];
    let mut i = 0;
    while i < N {
        firsts[i] = first_char(table[i].0);
        i += 1;
    }
    firsts
}

/// The code point of a word's first character (the tables' words are two- and three-byte UTF-8).
const fn first_char(word: &str) -> u32 {
    let b = word.as_bytes();
    if b[0] < 0x80 {
        b[0] as u32
    } else if b[0] < 0xE0 {
        ((b[0] as u32 & 0x1F) << 6) | (b[1] as u32 & 0x3F)
    } else {
        ((b[0] as u32 & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F)
    }
}

const FORMS_FIRST: [u32; FORMS.len()] = first_chars(&FORMS);
const TERM_FORMS_FIRST: [u32; TERM_FORMS.len()] = first_chars(&TERM_FORMS);

/// The forms of `word` under `table` (`firsts`: its [`first_chars`]): every change at once, and
/// each change alone where there are several; none shorter than two characters, none `word` itself.
fn forms_by(word: &str, table: &[(&str, &str)], firsts: &[u32]) -> Vec<String> {
    if !word.chars().any(|c| firsts.contains(&u32::from(c))) {
        return Vec::new();
    }
    let changes: Vec<(usize, usize, &str)> = {
        let mut at = Vec::new();
        let mut i = 0;
        while i < word.len() {
            // (the first character compared first: a build asks this of 40,000 words)
            let Some(first) = word[i..].chars().next() else {
                break;
            };
            match (0..table.len()).find(|&k| firsts[k] == u32::from(first) && word[i..].starts_with(table[k].0)) {
                Some(k) => {
                    let (m, c) = table[k];
                    at.push((i, i + m.len(), c));
                    i += m.len();
                }
                None => i += word[i..].chars().next().map_or(1, char::len_utf8),
            }
        }
        at
    };
    if changes.is_empty() {
        return Vec::new();
    }
    let apply = |which: &dyn Fn(usize) -> bool| {
        let mut out = String::with_capacity(word.len() + 6);
        let mut last = 0;
        for (k, &(from, to, c)) in changes.iter().enumerate() {
            if which(k) {
                out.push_str(&word[last..from]);
                out.push_str(c);
                last = to;
            }
        }
        out.push_str(&word[last..]);
        out
    };
    let mut out: Vec<String> = Vec::new();
    out.push(apply(&|_| true));
    if changes.len() > 1 {
        out.extend((0..changes.len()).map(|k| apply(&|j| j == k)));
    }
    out.retain(|f| f.chars().count() >= 2 && f != word);
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::{forms, term_forms};

    #[test]
    fn mandarin_words_in_written_cantonese() {
        assert_eq!(forms("好吃"), ["好食"]);
        assert_eq!(forms("这款"), ["呢款"]);
        assert_eq!(forms("这家"), ["呢间"]);
        // fully Cantonese, and each change alone (writers mix)
        assert_eq!(forms("不是智商税"), ["不系智商税", "唔是智商税", "唔系智商税"]);
        // nothing to change, or too short once changed
        assert!(forms("推荐").is_empty());
        assert!(forms("东西").is_empty());
        // a term changes only its verbs and negators
        assert_eq!(term_forms("最好吃"), ["最好食"]);
        assert!(term_forms("是最好").is_empty());
    }

    #[test]
    fn the_first_characters_are_read_whole() {
        use super::{FORMS, first_char, first_chars};
        for (m, _) in FORMS {
            assert_eq!(Some(first_char(m)), m.chars().next().map(u32::from), "{m}");
        }
        assert_eq!(first_char("a"), 'a' as u32);
        assert_eq!(first_char("é"), 'é' as u32);
        assert_eq!(
            first_chars(&[("这里", "呢度"), ("吃", "食")]),
            ['这' as u32, '吃' as u32]
        );
    }
}
