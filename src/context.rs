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
    let lo = floor_boundary(text, start.saturating_sub(SENTENCE_REACH));
    let hi = ceil_boundary(text, (end + SENTENCE_REACH).min(text.len()));
    let from = text[lo..start]
        .rfind(ends)
        .map_or(lo, |i| lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8));
    let to = text[end..hi].find(ends).map_or(hi, |i| end + i);
    (from, to)
}

/// Quotation marks around a quoted word, (opening, closing).
pub(crate) const QUOTES: &[(char, char)] = &[('“', '”'), ('「', '」'), ('『', '』'), ('‘', '’'), ('"', '"')];

/// The most characters inside the marks of a word quoted as a word (a term, not a sentence).
const QUOTED_WORD_MAX: usize = 8;

/// Words before a quoted word (in its clause) that say it is talked about as a word: what not
/// to write, an example of a kind of word, a label to tick (不要写“最好”, 比如“根治”, 勾选“品牌合作”).
/// (Not 说 or 用 alone:
/// 店员说“最好”, quoting a seller, still sells; nor 换成: 换成这个“小烟” names a thing by its
/// nickname in marks.)
const WORD_TALK: &[&str] = &[
    "不要",
    "不能",
    "不得",
    "不让",
    "不可以",
    "别写",
    "别说",
    "别用",
    "禁止",
    "禁用",
    "违禁",
    "极限词",
    "敏感词",
    "违规词",
    "字眼",
    "比如",
    "例如",
    "类似",
    "诸如",
    "勾选",
    "标注",
    "注明",
];

/// Whether `start..end` of `text` is a word quoted as a word, not used: the whole of what a
/// pair of quotation marks holds (a character more at most), in a list of quoted words
/// (不要写“最好”“第一”“顶级”) or after words that talk about words (禁用“根治”, 比如“药妆”). A
/// compliance lesson lists the words it warns against; a note that uses one does not put it
/// in marks beside its neighbours. (A quoted word in a sentence that uses it, 广告法不让说“最好”，
/// 但它真的是最好用的, leaves the unquoted one a claim.)
pub(crate) fn quoted_as_a_word(text: &str, start: usize, end: usize) -> bool {
    // (every look is bounded: a quoted word is short, so its marks stand within a few
    // characters of it, and a note of any length costs the same per hit)
    let back = floor_boundary(text, start.saturating_sub(QUOTE_REACH));
    let ahead = ceil_boundary(text, (end + QUOTE_REACH).min(text.len()));
    // the nearest quotation mark before the word on its line must open a quote
    let Some((open_at, mark)) = text[back..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c != '\n')
        .find(|&(_, c)| QUOTES.iter().any(|q| q.0 == c || q.1 == c))
        .map(|(i, c)| (back + i, c))
    else {
        return false;
    };
    let Some(&(open, close)) = QUOTES.iter().find(|q| q.0 == mark) else {
        return false;
    };
    // (a straight quote opens when an even number of them stands before it in its sentence)
    if open == close && text[sentence(text, open_at, open_at).0..open_at].matches(open).count() % 2 == 1 {
        return false;
    }
    let inner_start = open_at + open.len_utf8();
    let Some(close_at) = text[end..ahead]
        .char_indices()
        .take_while(|&(_, c)| c != '\n')
        .find(|&(_, c)| c == close)
        .map(|(i, _)| end + i)
    else {
        return false;
    };
    let inner = text[inner_start..close_at].trim().chars().count();
    let extra = inner.saturating_sub(text[start..end].trim().chars().count());
    if inner > QUOTED_WORD_MAX || extra > 1 || text[inner_start..close_at].contains(SENTENCE_ENDS) {
        return false;
    }
    let joiner =
        |c: char| c.is_whitespace() && c != '\n' || matches!(c, '、' | '，' | ',' | '/' | '和' | '或' | '与' | '及');
    let after_close = close_at + close.len_utf8();
    let listed_after = text[after_close..ceil_boundary(text, (after_close + QUOTE_REACH).min(text.len()))]
        .trim_start_matches(joiner)
        .starts_with(|c: char| QUOTES.iter().any(|q| q.0 == c));
    let listed_before = text[floor_boundary(text, open_at.saturating_sub(QUOTE_REACH))..open_at]
        .trim_end_matches(joiner)
        .ends_with(|c: char| QUOTES.iter().any(|q| q.1 == c));
    if listed_after || listed_before {
        return true;
    }
    let (from, _) = clause(text, open_at, open_at);
    // (or a few characters after it say it is a word: “药妆”只是营销词, “根治”这个说法)
    let next = &text[after_close..ceil_boundary(text, (after_close + WORD_TALK_REACH).min(text.len()))];
    let next = &next[..next.find(SENTENCE_ENDS).unwrap_or(next.len())];
    WORD_TALK.iter().any(|w| text[from..open_at].contains(w)) || WORD_TALK_AFTER.iter().any(|w| next.contains(w))
}

/// Words right after a quoted word (within [`WORD_TALK_REACH`] bytes, in its sentence) that say
/// it is a word, a label or a notion, not a claim made (“药妆”只是营销词, “根治”这个说法不科学).
const WORD_TALK_AFTER: &[&str] = &[
    "营销词",
    "营销用语",
    "噱头",
    "概念",
    "这个词",
    "这种词",
    "这个说法",
    "这种说法",
    "一词",
    "二字",
    "两个字",
    "这个字眼",
    "字样",
    "的说法",
];

/// How far after a quoted word's closing mark [`WORD_TALK_AFTER`] is looked for: a few characters.
const WORD_TALK_REACH: usize = 18;

/// How far (in bytes) from a word its quotation marks and a neighbouring quote are looked for:
/// [`QUOTED_WORD_MAX`] characters of four bytes and a few spaces.
const QUOTE_REACH: usize = 4 * QUOTED_WORD_MAX + 8;

/// The nearest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest char boundary of `text` at or after `i`.
fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_quoted_as_words() {
        let quoted = |t: &str, w: &str| {
            let s = t.find(w).unwrap();
            quoted_as_a_word(t, s, s + w.len())
        };
        // a list of quoted words, and a word after words about words
        assert!(quoted("笔记里不要写“最好”“第一”“顶级”", "第一"));
        assert!(quoted("笔记里不要写“最好”“第一”“顶级”", "最好"));
        assert!(quoted("功效词：「祛斑」、「消炎」都不能写", "消炎"));
        assert!(quoted("化妆品禁用“药妆”这个说法", "药妆"));
        assert!(quoted("比如\"根治\"就是违规的", "根治"));
        assert!(quoted("发布时勾选\"品牌合作\"", "品牌合作"));
        // a quoted word used in its sentence, a quoted sentence, a word outside the marks
        assert!(!quoted("闺蜜说“这是全网最好的面霜”", "最好"));
        assert!(!quoted("店员说“最好”的就是这款", "最好"));
        assert!(!quoted("广告法不让说“最好”，但它真的是最好用的", "最好用"));
        assert!(!quoted("“好用”“便宜”，这款是第一", "第一"));
        assert!(!quoted("后来换成这个“小烟”，口感顺", "小烟"));
        // straight quotes closed before the word are no quote around it
        assert!(!quoted("\"a\" \"b\" 第一 \"c\"", "第一"));
    }

    #[test]
    fn sentences() {
        let t = "第一句。这款最好！第三句";
        let s = t.find("最好").unwrap();
        let (a, b) = sentence(t, s, s + 6);
        assert_eq!(&t[a..b], "这款最好");
        assert_eq!(sentence("最好", 0, 6), (0, 6));
    }
}
