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

use std::sync::LazyLock;

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
    static FIRSTS: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(&FORMS));
    forms_by(word, &FORMS, &FIRSTS)
}

/// [`forms`] for a rule's term: only the changes of [`TERM_FORMS`].
pub(crate) fn term_forms(word: &str) -> Vec<String> {
    static FIRSTS: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(&TERM_FORMS));
    forms_by(word, &TERM_FORMS, &FIRSTS)
}

/// The first character of each Mandarin word of a table: a character is compared with the
/// table's words only where it is one of them (a build asks this of some 40,000 words, few of
/// which change).
fn first_chars(table: &[(&str, &str)]) -> Vec<char> {
    table
        .iter()
        .map(|(m, _)| m.chars().next().expect("no empty word"))
        .collect()
}

/// The forms of `word` under `table` (`firsts`: its [`first_chars`]): every change at once, and
/// each change alone where there are several; none shorter than two characters, none `word` itself.
fn forms_by(word: &str, table: &[(&str, &str)], firsts: &[char]) -> Vec<String> {
    let changes: Vec<(usize, usize, &str)> = {
        let mut at = Vec::new();
        let mut i = 0;
        while i < word.len() {
            let Some(first) = word[i..].chars().next() else {
                break;
            };
            if !firsts.contains(&first) {
                i += first.len_utf8();
                continue;
            }
            match table
                .iter()
                .zip(firsts)
                .find(|&(&(m, _), &f)| f == first && word[i..].starts_with(m))
            {
                Some((&(m, c), _)) => {
                    at.push((i, i + m.len(), c));
                    i += m.len();
                }
                None => i += first.len_utf8(),
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
}
