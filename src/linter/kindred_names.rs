//! Names of a thing marked where its rule already stands: in a note flagged at warning or above
//! for a prohibited product, the writer names the thing again in the trade's short forms, which
//! alone are as often something else's, so no reading takes them anywhere else:
//!
//! - **by its two initials** (`yk` for 悦刻, `gf` for 高仿, `rd` for 肉毒, `Y K`): two letters
//!   alone are as often a word's (`gf` a girlfriend, `pt` a personal trainer, `sm` 什么);
//! - **by a nickname in quotation marks** (“小白袋”, 「大拉」, “科技”): writers set the trade's
//!   slang in quotes to say it is slang; alone, a quoted word is anything (a shop, a saying).
//!
//! Each is reported at the standing violation's level (why: [`Why::Kindred`]), so that each place
//! the writer names the thing is marked; a note not flagged for the rule stays as it was, and the
//! passes cannot flag a note for a category it did not hold.

use crate::FastMap;

use super::Linter;
use super::disguise::initials_of;
use crate::context::{QUOTES, Why};
use crate::span::Span;
use crate::violation::{Category, Field, Reading, Severity, Violation};

/// The two-character names of things (prohibited-product terms written in Han characters) by
/// the lowercase initials of their syllables, every reading of a polyphone counted
/// ([`initials_of`]): the index of the rule and the name.
pub(super) fn pair_initials<'a>(names: impl Iterator<Item = (u32, &'a str)>) -> FastMap<[u8; 2], Vec<(u32, String)>> {
    let mut out: FastMap<[u8; 2], Vec<(u32, String)>> = FastMap::default();
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

/// The words in quotation marks ([`QUOTES`]: “…”, 「…」, 『…』, ‘…’, "…") that may be a thing's
/// nickname: two to six characters with a Han character or a letter, not a number, not a
/// sentence (a function word inside: 又不是真烟, 吃了就瘦) and not a shop's or a workshop's name
/// (阿杰球鞋铺, 好眠研究所): their spans inside the marks.
fn quoted_names(text: &str) -> impl Iterator<Item = Span> + '_ {
    // (a function word or a pronoun makes it a phrase)
    const PHRASE: &str = "了是不很我你他她们的就也都在有没吗呢吧啊过着被把让给和与";
    // (and a sentence's punctuation: a line of dialogue, “它怕油死。”)
    const SENTENCE_MARKS: &str = "。，！？；、…,!?;";
    const SHOP: [&str; 16] = [
        "店",
        "铺",
        "舖",
        "坊",
        "馆",
        "社",
        "仓",
        "所",
        "站",
        "屋",
        "室",
        "选",
        "家居",
        "数码",
        "美学",
        "工作室",
    ];
    text.char_indices().filter_map(move |(i, open)| {
        let close = QUOTES.iter().find(|(o, _)| *o == open)?.1;
        let from = i + open.len_utf8();
        let len = text[from..].find([close, '\n'])?;
        if !text[from + len..].starts_with(close) {
            return None;
        }
        let inner = &text[from..from + len];
        let name = inner.trim();
        let n = name.chars().count();
        let named = (2..=6).contains(&n)
            && name
                .chars()
                .any(|c| crate::normalize::reading::is_han(c) || c.is_ascii_alphabetic())
            && !name.chars().any(|c| PHRASE.contains(c) || SENTENCE_MARKS.contains(c))
            && !SHOP.iter().any(|s| name.ends_with(s));
        let at = from + (inner.len() - inner.trim_start().len());
        named.then(|| Span::from(at..at + name.len()))
    })
}

/// The note's prohibited-product violations at warning or above: what it stands by.
fn standing(out: &[Violation]) -> Vec<&Violation> {
    out.iter()
        .filter(|v| v.category == Category::ProhibitedProduct && v.severity >= Severity::Warning)
        .collect()
}

/// `standing` again at `span` of `field` (whose text is `text`), as the writer named it there:
/// the same rule and level, raised for the note it stands in (why: kindred).
fn named_again(standing: &Violation, field: Field, text: &str, span: Span, reading: Option<Reading>) -> Violation {
    let mut v = standing.clone();
    v.field = field;
    v.span = span;
    v.matched = text[span.range()].to_string();
    v.suggestions = Vec::new();
    v.item = None;
    v.bbox = None;
    v.reading = reading;
    v.why = Some(Why::Kindred);
    v.context = Some(Why::Kindred.message());
    v
}

/// Adds `found` to `out`, in the note's order (field, then place, then rule).
fn add_in_order(out: &mut Vec<Violation>, found: Vec<Violation>) {
    if !found.is_empty() {
        out.extend(found);
        out.sort_by(|a, b| {
            (a.field, a.span.start, a.span.end, &a.rule).cmp(&(b.field, b.span.start, b.span.end, &b.rule))
        });
    }
}

impl Linter {
    /// Marks every nickname in quotation marks (see [`quoted_names`]) in a note that already
    /// stands by a prohibited-product rule, as the nearest such violation (the same field
    /// first): after the note's severities are settled, before its violations stack up. A name
    /// already marked there, by any rule (a quoted claim, “顶级”), is left as it is.
    pub(super) fn read_quoted_where_standing(&self, fields: &[(&str, Field)], out: &mut Vec<Violation>) {
        let standing = standing(out);
        if standing.is_empty() {
            return;
        }
        let mut found = Vec::new();
        for &(text, field) in fields.iter().filter(|(_, f)| matches!(f, Field::Title | Field::Body)) {
            for span in quoted_names(text) {
                if out.iter().any(|v| v.field == field && v.span.overlaps(span)) {
                    continue;
                }
                // the nearest standing violation: in this field by distance, else the first
                let w = standing
                    .iter()
                    .filter(|w| w.field == field)
                    .min_by_key(|w| w.span.start.abs_diff(span.start))
                    .unwrap_or(&standing[0]);
                found.push(named_again(w, field, text, span, None));
            }
        }
        add_in_order(out, found);
    }

    /// Marks every two-letter name of a thing whose rule the note already stands by (see the
    /// module): after the note's severities are settled, before its violations stack up.
    pub(super) fn read_pairs_where_standing(&self, fields: &[(&str, Field)], out: &mut Vec<Violation>) {
        let pairs = &self.inner.pair_initials;
        if pairs.is_empty() {
            return;
        }
        // the first violation of each prohibited-product rule at warning or above
        let mut standing = standing(out);
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
                        v.category == Category::ProhibitedProduct && v.field == field && v.span.overlaps(span)
                    });
                    if taken {
                        continue;
                    }
                    let reading = Reading {
                        term: name.clone(),
                        how: vec!["initials".into()],
                    };
                    found.push(named_again(w, field, text, span, Some(reading)));
                }
            }
        }
        add_in_order(out, found);
    }
}

#[cfg(test)]
mod tests {
    use super::{letter_pairs, quoted_names};

    #[test]
    fn quoted_names_are_short_names_not_phrases_nor_shops() {
        let names = |text: &str| -> Vec<String> { quoted_names(text).map(|s| text[s.range()].to_string()).collect() };
        assert_eq!(names("我现在用“小白袋”，薄荷味"), ["小白袋"]);
        assert_eq!(names("带了一批「大拉」和『 茅子 』"), ["大拉", "茅子"]);
        assert_eq!(names("上了点\"科技\"，周期8周"), ["科技"]);
        for quiet in [
            "“又不是真烟”",
            "“吃了就瘦”",
            "店名“阿杰球鞋铺”",
            "“好眠研究所”",
            "“12987”",
            "“A”",
            "“这是一句很长很长的话”",
            "“它怕油死。”",
            "没有闭合的“小白袋",
            "断行的“小白\n袋”",
        ] {
            assert!(names(quiet).is_empty(), "{quiet}: {:?}", names(quiet));
        }
    }

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
