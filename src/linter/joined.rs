//! Symbols set between two characters of a phrase (`推👀广`, `接了条推-广`, `限🕐时抢购`): the
//! pack regexes do not read across them, nor the term automaton across a picture that is read
//! as a word (its compact copy keeps 🕐 for 时), so a field holding such an insertion is also
//! scanned with the symbols taken out, and a hit that spans a removed symbol is kept at the
//! writer's own characters. A symbol is one
//! that no sentence needs between two Han characters: a picture, an emoji, a sign or a
//! separator (`*`, `-`, `~`, `·`), at most three in a row; never punctuation, a letter, a
//! digit or a space.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use super::{Hit, Linter};
use crate::normalize::Normalized;
use crate::normalize::reading::is_han;
use crate::span::Span;

/// Most symbols in a row taken out between two Han characters.
const RUN: usize = 3;

impl Linter {
    /// The hits of `text` with the symbols between its Han characters taken out, at the
    /// writer's characters, that span a symbol taken out and are not among `hits` already.
    pub(super) fn read_across_symbols(&self, text: &str, active: &impl Fn(usize) -> bool, hits: &mut Vec<Hit>) {
        let Some(joined) = Joined::of(text) else {
            return;
        };
        let norm = Normalized::new(&joined.text);
        let scan = self.scan(&joined.text, &norm, active);
        for h in scan.hits.into_iter().filter(|h| h.reading.is_none()) {
            let span = joined.original(h.span);
            let new = joined.removed.iter().any(|&r| span.contains(Span::new(r, r + 1)))
                && !hits.iter().any(|o| o.rule == h.rule && o.span.overlaps(span));
            if new {
                hits.push(Hit { span, ..h });
            }
        }
    }
}

/// A field's text with the symbols between its Han characters taken out.
struct Joined {
    text: String,
    /// For each byte of `text` and one past its end, the byte of the original it came from.
    at: Vec<usize>,
    /// Where a removed symbol started in the original.
    removed: Vec<usize>,
}

impl Joined {
    fn of(text: &str) -> Option<Joined> {
        if !has_insertion(text) {
            return None;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut drop = vec![false; chars.len()];
        let mut any = false;
        let mut i = 1;
        while i < chars.len() {
            if is_han(chars[i - 1].1) {
                let run = chars[i..].iter().take_while(|&&(_, c)| inserted(c)).count();
                if (1..=RUN).contains(&run) && chars.get(i + run).is_some_and(|&(_, c)| is_han(c)) {
                    drop[i..i + run].iter_mut().for_each(|d| *d = true);
                    any = true;
                    i += run;
                    continue;
                }
            }
            i += 1;
        }
        if !any {
            return None;
        }
        let mut joined = Joined {
            text: String::with_capacity(text.len()),
            at: Vec::with_capacity(text.len() + 1),
            removed: Vec::new(),
        };
        for (k, &(off, c)) in chars.iter().enumerate() {
            if drop[k] {
                joined.removed.push(off);
                continue;
            }
            joined.text.push(c);
            joined.at.extend(off..off + c.len_utf8());
        }
        joined.at.push(text.len());
        Some(joined)
    }

    /// The original span of a span of the joined text.
    fn original(&self, span: Span) -> Span {
        let end = if span.end == 0 {
            0
        } else {
            // one past the original byte of the span's last byte
            self.at[span.end - 1] + 1
        };
        Span::new(self.at[span.start], end)
    }
}

/// Whether `text` holds a run of [`inserted`] symbols, [`RUN`] at most, between two Han
/// characters: one pass, nothing allocated (most fields hold none).
fn has_insertion(text: &str) -> bool {
    let (mut prev_han, mut run) = (false, 0);
    for c in text.chars() {
        if run > 0 {
            if is_han(c) {
                return true;
            }
            if inserted(c) && run < RUN {
                run += 1;
                continue;
            }
            run = 0;
        } else if prev_han && inserted(c) {
            run = 1;
            prev_han = false;
            continue;
        }
        prev_han = is_han(c);
    }
    false
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
