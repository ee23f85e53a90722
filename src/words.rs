//! Chinese words: where a text's word boundaries are, and whether a string is a word.
//!
//! Backed by jieba (`jieba-rs`, MIT) and its dictionary of about 350,000 words with
//! frequencies, loaded on first use (about 0.1 s) and only when a check needs it: a hit read
//! by sound, or a claim whose boundaries are in question. Segmentation runs on a short window
//! around a hit, never on a whole note.

use std::sync::OnceLock;

use jieba_rs::Jieba;

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// How often `c` is a word on its own in the dictionary's corpus (`的` 318,825; `薇` 894).
pub fn char_frequency(c: char) -> usize {
    let mut buf = [0; 4];
    jieba().suggest_freq(c.encode_utf8(&mut buf)).saturating_sub(1)
}

/// How many characters of context on each side of a hit are segmented with it.
const WINDOW: usize = 8;

/// Whether `s` is a word of the dictionary.
pub fn is_word(s: &str) -> bool {
    jieba().has_word(s)
}

/// The words of `text` around `start..end` (byte offsets on char boundaries), segmented in a
/// window of a few characters each side: `(start, end)` byte ranges of `text`.
pub fn words_around(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let from = text[..start]
        .char_indices()
        .rev()
        .take(WINDOW)
        .last()
        .map_or(start, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .nth(WINDOW)
        .map_or(text.len(), |(i, _)| end + i);
    jieba()
        .cut(&text[from..to], false)
        .into_iter()
        .map(|t| (from + t.byte_start, from + t.byte_end))
        .collect()
}

/// Whether `start..end` cuts a word of `text` in two: a boundary of the range falls inside a
/// word that reaches beyond the range (`包好` in `这个包好好看`: 包|好好看). A range inside one
/// word (`第一` in `第一名`) cuts nothing.
pub fn splits_word(text: &str, start: usize, end: usize) -> bool {
    splits(&words_around(text, start, end), start, end)
}

/// [`splits_word`] against words already segmented around `start..end` (several hits close
/// together share one segmentation).
pub fn splits(words: &[(usize, usize)], start: usize, end: usize) -> bool {
    if words.iter().any(|&(s, e)| s <= start && end <= e) {
        return false;
    }
    words
        .iter()
        .any(|&(s, e)| (s < start && start < e) || (s < end && end < e))
}

/// Whether `start..end` is made of whole words of `text`: no word of the text around it
/// crosses either end or holds it (`机信号` is not, inside 手机信号; `薇信` is, as 薇|信).
pub fn is_whole_words(text: &str, start: usize, end: usize) -> bool {
    words_around(text, start, end)
        .iter()
        .all(|&(s, e)| e <= start || s >= end || (start <= s && e <= end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, term: &str) -> bool {
        let start = text.find(term).unwrap();
        splits_word(text, start, start + term.len())
    }

    #[test]
    fn splits() {
        assert!(cut("这个包好好看", "包好"));
        assert!(!cut("这款面霜效果最好", "最好"));
        assert!(!cut("我是第一次来", "第一"), "inside one word");
        assert!(!cut("加我威信", "威信"));
        let whole = |text: &str, part: &str| {
            let start = text.find(part).unwrap();
            is_whole_words(text, start, start + part.len())
        };
        assert!(!whole("手机信号不好", "机信号"));
        assert!(!whole("索尼爱立信手机", "立信"));
        assert!(whole("加我薇信", "薇信"));
    }

    #[test]
    fn words() {
        assert!(is_word("威信") && is_word("咸鱼"));
        assert!(!is_word("薇信") && !is_word("公仲号"));
    }
}
