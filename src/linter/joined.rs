//! Symbols set between two characters of a phrase (`推👀广`, `接了条推-广`, `限🕐时抢购`): the
//! pack regexes do not read across them, nor the term automaton across a picture that is read
//! as a word (its compact copy keeps 🕐 for 时), so a field holding such an insertion is also
//! scanned with the symbols taken out, and a hit that spans a removed symbol is kept at the
//! writer's own characters. A symbol is one
//! that no sentence needs between two Han characters: a picture, an emoji, a sign or a
//! separator (`*`, `-`, `~`, `·`), at most three in a row; never punctuation, a letter, a
//! digit or a space, nor a plus, an equals sign or a bar of either width (`姐妹＋薇` is a call).
//!
//! The same is done for an ID spaced out after a colon (`＋薇：hua hua 0717`, `q：12 34 56 78`):
//! groups of letters and digits, one space between each, holding a digit, are one account
//! name to whoever types it, and the writer spaced it so that no filter would read it.

use std::ops::Range;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use super::rewritten::Rewritten;
use super::{Hit, Linter};
use crate::normalize::Normalized;
use crate::normalize::reading::is_han;

/// Most symbols in a row taken out between two Han characters.
const RUN: usize = 3;

impl Linter {
    /// The hits of `text` with the symbols between its Han characters taken out, at the
    /// writer's characters, that span a symbol taken out and are not among `hits` already.
    pub(super) fn read_across_symbols(&self, text: &str, active: &impl Fn(usize) -> bool, hits: &mut Vec<Hit>) {
        // (collecting none allocates nothing: most fields hold none)
        let mut removed: Vec<Range<usize>> = inserted_runs(text).collect();
        let spaced = spaced_ids(text);
        if !spaced.is_empty() {
            removed.extend(spaced);
            removed.sort_unstable_by_key(|r| r.start);
        }
        if removed.is_empty() {
            return;
        }
        let mut joined = Rewritten::with_capacity(text.len());
        let mut from = 0;
        for r in removed {
            joined.keep(text, from..r.start);
            from = r.end;
            joined.take_out(r);
        }
        joined.keep(text, from..text.len());
        let Some(joined) = joined.finish(text.len()) else {
            return;
        };
        let norm = Normalized::new(&joined.text);
        let scan = self.scan(&joined.text, &norm, active);
        self.keep_rewritten(&joined, scan.hits.into_iter().filter(|h| h.reading.is_none()), hits);
    }
}

/// The runs of [`inserted`] symbols, [`RUN`] at most, between two Han characters of `text`, in
/// one pass.
fn inserted_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    let mut prev_han = false;
    std::iter::from_fn(move || {
        while let Some((at, c)) = chars.next() {
            if !(prev_han && inserted(c)) {
                prev_han = is_han(c);
                continue;
            }
            // a run of symbols after a Han character: taken out if a Han character ends it
            let (mut end, mut n) = (at + c.len_utf8(), 1);
            while let Some(&(i, d)) = chars.peek().filter(|&&(_, d)| inserted(d)) {
                chars.next();
                (end, n) = (i + d.len_utf8(), n + 1);
            }
            prev_han = false;
            if n <= RUN && chars.peek().is_some_and(|&(_, d)| is_han(d)) {
                return Some(at..end);
            }
        }
        None
    })
}

/// The spaces inside an ID spaced out after a colon: two groups or more of ASCII letters and
/// digits, one space between each, 6 to 20 of them in all and a digit among them (`hua hua
/// 0717`; not `iPhone Pro Max`, nor a time or a price, `10 30` being under six).
fn spaced_ids(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for (colon, c) in text.match_indices([':', '：']) {
        let mut at = colon + c.len();
        while bytes.get(at) == Some(&b' ') {
            at += 1;
        }
        let (mut spaces, mut len, mut digit) = (Vec::new(), 0, false);
        loop {
            let start = at;
            while bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
                digit |= bytes[at].is_ascii_digit();
                at += 1;
            }
            if at == start {
                break;
            }
            len += at - start;
            if bytes.get(at) == Some(&b' ') && bytes.get(at + 1).is_some_and(|b| b.is_ascii_alphanumeric()) {
                spaces.push(at..at + 1);
                at += 1;
            } else {
                break;
            }
        }
        if !spaces.is_empty() && digit && (6..=20).contains(&len) {
            out.extend(spaces);
        }
    }
    out
}

/// Whether `c` is a symbol no phrase needs between two Han characters (see the module).
fn inserted(c: char) -> bool {
    use GeneralCategory as G;
    // (the common cases first, without a table: ASCII, and the ideographs and kana)
    if c.is_ascii() {
        return matches!(c, '*' | '-' | '~' | '_' | '^');
    }
    if ('\u{3040}'..='\u{9fff}').contains(&c) {
        return false;
    }
    // (not +, / or |: 燕麦+魔芋, 早/晚 and a title's 探店|咖啡 join two phrases)
    matches!(c, '*' | '-' | '~' | '·' | '_' | '^' | '\u{200d}' | '\u{fe0f}')
        || matches!(
            c.general_category(),
            G::OtherSymbol | G::MathSymbol | G::ModifierSymbol | G::CurrencySymbol
        ) && !matches!(
            c,
            '¥' | '￥' | '$' | '+' | '=' | '|' | '<' | '>' | '×' | '＋' | '＝' | '｜' | '＜' | '＞'
        )
}

#[cfg(test)]
mod tests {
    use super::spaced_ids;

    /// The spaces of an ID spaced out after a colon, and none of a model's name, a time, a
    /// price or a word list.
    #[test]
    fn spaced_ids_are_an_id_after_a_colon() {
        fn spaces(text: &str) -> Vec<&str> {
            spaced_ids(text)
                .into_iter()
                .map(|r| &text[r.start.saturating_sub(2)..r.end + 1])
                .collect()
        }
        assert_eq!(spaces("加薇：hua hua 0717"), ["ua h", "ua 0"]);
        assert_eq!(spaces("q： 12 34 56 78"), ["12 3", "34 5", "56 7"]);
        assert_eq!(spaces("号：lin_ 2024，备注"), ["n_ 2"]);
        for quiet in [
            "型号：iPhone Pro Max",
            "营业时间：10 30",
            "价格：99 199",
            "尺码：s m l",
            "配置：8 256，",
            "时间：2024 ",
            "备注：",
        ] {
            assert!(spaces(quiet).is_empty(), "{quiet}");
        }
    }
}
