//! Symbols set between two characters of a phrase (`推👀广`, `接了条推-广`, `限🕐时抢购`): the
//! pack regexes do not read across them, nor the term automaton across a picture that is read
//! as a word (its compact copy keeps 🕐 for 时), so a field holding such an insertion is also
//! scanned with the symbols taken out, and a hit that spans a removed symbol is kept at the
//! writer's own characters. A symbol is one
//! that no sentence needs between two Han characters: a picture, an emoji, a sign or a
//! separator (`*`, `-`, `~`, `·`), at most three in a row; never punctuation, a letter, a
//! digit or a space.

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
        let removed: Vec<Range<usize>> = inserted_runs(text).collect();
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
        ) && !matches!(c, '¥' | '￥' | '$' | '+' | '=' | '|' | '<' | '>' | '×')
}
