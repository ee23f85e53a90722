//! A product's two-character name by its two initials (`yk` for 悦刻, `gf` for 高仿, `rd` for
//! 肉毒, `Y K`), in a note that already stands by the same rule at warning or above. Two
//! letters alone are as often a word's (`gf` a girlfriend, `pt` a personal trainer, `sm` 什么),
//! so no reading takes them anywhere else; but a note flagged for selling e-cigarettes names
//! its device again by the brand's initials, and a counterfeit's seller says `gf` for the grade
//! twice. Reported at the standing violation's level (why: [`Why::Kindred`]), so that each place
//! the writer names the thing is marked; a note not flagged for the rule stays as it was, and
//! the pass cannot flag a note for a category it did not hold.

use std::collections::HashMap;

use super::Linter;
use super::disguise::initials_of;
use crate::context::Why;
use crate::span::Span;
use crate::violation::{Category, Field, Reading, Severity, Violation};

/// The two-character names of things (prohibited-product terms written in Han characters) by
/// the lowercase initials of their syllables, every reading of a polyphone counted
/// ([`initials_of`]): the index of the rule and the name.
pub(super) fn pair_initials<'a>(names: impl Iterator<Item = (u32, &'a str)>) -> HashMap<[u8; 2], Vec<(u32, String)>> {
    let mut out: HashMap<[u8; 2], Vec<(u32, String)>> = HashMap::new();
    for (rule, name) in names.filter(|(_, name)| name.chars().count() == 2) {
        for key in initials_of(name) {
            let Ok(key) = <[u8; 2]>::try_from(key.as_bytes()) else {
                continue;
            };
            let entry = out.entry(key).or_default();
            if !entry.iter().any(|(r, n)| *r == rule && n == name) {
                entry.push((rule, name.to_string()));
            }
        }
    }
    out
}

/// The two letters standing alone in `text` (`yk`, `YK`, `Y K`; not part of a longer Latin word,
/// a number, a handle or an address), lowercased, with their span.
fn letter_pairs(text: &str) -> impl Iterator<Item = ([u8; 2], Span)> + '_ {
    let bytes = text.as_bytes();
    let joined = |b: u8| b.is_ascii_alphanumeric() || b"_@/\\=&%#.'-".contains(&b);
    (0..bytes.len()).filter_map(move |i| {
        let first = bytes[i];
        if !first.is_ascii_alphabetic() || (i > 0 && joined(bytes[i - 1])) {
            return None;
        }
        // the second letter right after, or after one space between two capitals (Y K)
        let j = match bytes.get(i + 1) {
            Some(b) if b.is_ascii_alphabetic() => i + 1,
            Some(b' ') if first.is_ascii_uppercase() && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase) => i + 2,
            _ => return None,
        };
        if bytes.get(j + 1).is_some_and(|&b| joined(b)) {
            return None;
        }
        Some((
            [first.to_ascii_lowercase(), bytes[j].to_ascii_lowercase()],
            Span::from(i..j + 1),
        ))
    })
}

impl Linter {
    /// Marks every two-letter name of a thing whose rule the note already stands by (see the
    /// module): after the note's severities are settled, before its violations stack up.
    pub(super) fn read_pairs_where_standing(&self, fields: &[(&str, Field)], out: &mut Vec<Violation>) {
        let pairs = &self.inner.pair_initials;
        if pairs.is_empty() {
            return;
        }
        // the first violation of each prohibited-product rule at warning or above
        let mut standing: Vec<&Violation> = out
            .iter()
            .filter(|v| v.category == Category::ProhibitedProduct && v.severity >= Severity::Warning)
            .collect();
        if standing.is_empty() {
            return;
        }
        standing.sort_by(|a, b| a.rule.cmp(&b.rule));
        standing.dedup_by(|a, b| a.rule == b.rule);
        let mut found = Vec::new();
        for &(text, field) in fields {
            for (key, span) in letter_pairs(text) {
                let Some(names) = pairs.get(&key) else { continue };
                for (rule, name) in names {
                    let id = &self.inner.rules[*rule as usize].rule.id;
                    let Some(w) = standing.iter().find(|w| &w.rule == id) else {
                        continue;
                    };
                    let taken = out.iter().chain(&found).any(|v: &Violation| {
                        v.category == Category::ProhibitedProduct
                            && v.field == field
                            && v.span.start < span.end
                            && span.start < v.span.end
                    });
                    if taken {
                        continue;
                    }
                    let mut v = (*w).clone();
                    v.field = field;
                    v.span = span;
                    v.matched = text[span.range()].to_string();
                    v.suggestions = Vec::new();
                    v.item = None;
                    v.bbox = None;
                    v.reading = Some(Reading {
                        term: name.clone(),
                        how: vec!["initials".into()],
                    });
                    v.why = Some(Why::Kindred);
                    v.context = Some(Why::Kindred.message());
                    found.push(v);
                }
            }
        }
        if !found.is_empty() {
            out.extend(found);
            out.sort_by(|a, b| {
                (a.field, a.span.start, a.span.end, &a.rule).cmp(&(b.field, b.span.start, b.span.end, &b.rule))
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::letter_pairs;

    #[test]
    fn letter_pairs_stand_alone() {
        let keys = |text: &str| -> Vec<String> {
            letter_pairs(text)
                .map(|(k, s)| format!("{}{}@{}", k[0] as char, k[1] as char, s.start))
                .collect()
        };
        assert_eq!(keys("我的yk，西瓜冰"), ["yk@6"]);
        assert_eq!(keys("Y K 的弹"), ["yk@0"]);
        assert_eq!(keys("是GF的"), ["gf@3"]);
        for quiet in ["ykk", "yk2", "mia_yk", "yk.com", "y k", "a", "abc de1", "x-yk"] {
            assert!(keys(quiet).is_empty(), "{quiet}: {:?}", keys(quiet));
        }
    }
}
