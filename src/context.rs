//! Claims in context: a superlative or a medical word is a claim when its sentence sells
//! something.
//!
//! The Advertising Law binds advertising. `这款面霜效果最好` is a claim; `中国第一长河`,
//! `最美的烟花` and `医生说要住院治疗` are not. A rule with a `scope` (see `rules/README.md`)
//! keeps its organic severity only when the sentence of its hit shows what it is about:
//!
//! * `scope = "commercial"`: a **commercial anchor** in the sentence: a product or category
//!   noun, `这款`, a brand, a shop, a price, a purchase word, an effect (`rules/context.toml`).
//!   An anchor inside the hit counts (`最低价` names a price, `全球首发` a launch).
//! * `scope = "promotion"` (alcohol): a **promotion** word (推荐, 这款, 回购, a price, where to
//!   buy) or a sales call of the advertorial pack in the same *clause*: a drink in a diary is
//!   no promotion, nor is a minibar beer three clauses before a room price.
//! * `scope = "efficacy"` (medical and efficacy words): a commercial anchor, or an **efficacy
//!   construction** around the hit (`能治疗`, `可以根治`, `淡斑效果`), and not a person's illness:
//!   a sentence with a **narrative marker** (a patient, a relative, a doctor, a hospital stay)
//!   and no product is a life story, not a claim.
//!
//! Without them the hit is reported at `info`, with the reason in [`Violation::context`].
//! Sponsored notes are commercial by declaration: no anchor needed.
//!
//! The lexicons are data: `rules/context.toml`, extended by a `[context]` table in any pack
//! and in `redlint.toml`.
//!
//! [`Violation::context`]: crate::Violation::context

pub use crate::pack::lexicon::{BUILTIN, Lexicon, Scope};
pub use crate::violation::Why;

/// Characters that end a sentence: the span of text a hit's context is looked for in.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '\n', '\r'];

/// The most bytes looked at on either side of a hit for the end of its sentence: a run-on
/// "sentence" is cut there, so that the cost per hit stays bounded on any text.
const SENTENCE_REACH: usize = 600;

/// Characters that end a clause: a sentence end, or a comma.
const CLAUSE_ENDS: &[char] = &[
    '。', '！', '？', '!', '?', '；', ';', '\n', '\r', '，', ',', '、', '~', '～',
];

/// The byte range of the sentence of `text` holding `start..end` (at most
/// [`SENTENCE_REACH`] bytes on either side).
pub(crate) fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    bounded(text, start, end, SENTENCE_ENDS)
}

/// The byte range of the clause of `text` holding `start..end` (what a promotion scope looks
/// at: in a long review, a price three clauses away is not about the drink).
pub(crate) fn clause(text: &str, start: usize, end: usize) -> (usize, usize) {
    bounded(text, start, end, CLAUSE_ENDS)
}

fn bounded(text: &str, start: usize, end: usize, ends: &[char]) -> (usize, usize) {
    let mut lo = start.saturating_sub(SENTENCE_REACH);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (end + SENTENCE_REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let from = text[lo..start]
        .rfind(ends)
        .map_or(lo, |i| lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8));
    let to = text[end..hi].find(ends).map_or(hi, |i| end + i);
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences() {
        let t = "第一句。这款最好！第三句";
        let s = t.find("最好").unwrap();
        let (a, b) = sentence(t, s, s + 6);
        assert_eq!(&t[a..b], "这款最好");
        assert_eq!(sentence("最好", 0, 6), (0, 6));
    }
}
