//! The account audit: Xiaohongshu allows sponsored notes to be at most 20% of a creator's notes
//! in a calendar month.
//!
//! Each note counts towards its author's month as sponsored when it is declared sponsored, or
//! when it is not but carries sponsorship cues (the advertorial rule for undeclared sponsorship,
//! `undeclared-sponsorship`): such a note is an undeclared advertisement, and counts towards
//! the share too. The month is the calendar month of `published_at` as written (the creator's
//! local date: an RFC 3339 timestamp's own offset is kept, not converted to UTC).
//!
//! ```
//! use redlint::audit::{Audit, AuditNote, Month};
//!
//! let mut audit = Audit::new(0.2);
//! let month: Month = "2026-03-14T09:30:00+08:00".parse().unwrap();
//! for i in 0..5 {
//!     audit.add(AuditNote { author: "小雨".into(), month, sponsored: i == 0, cues: vec![], id: i.into(), line: i + 1 });
//! }
//! audit.add(AuditNote { author: "小雨".into(), month, sponsored: false, cues: vec!["恰饭".into()], id: 9.into(), line: 6 });
//! let report = audit.report();
//! assert_eq!(report.over_cap().count(), 1); // 2 of 6 is 33%
//! assert_eq!(report.undeclared[0].author, "小雨");
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::linter::Linter;
use crate::note::Note;
use crate::pack::Rule;
use crate::violation::Category;

/// The platform's cap on the share of sponsored notes in a creator's calendar month.
pub const SPONSORED_CAP: f64 = 0.20;

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year.
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

impl FromStr for Month {
    type Err = String;

    /// The month of a `YYYY-MM-DD` date or an RFC 3339 timestamp
    /// (`YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, `T` or a space), checked to be a real date
    /// and time.
    fn from_str(s: &str) -> Result<Month, String> {
        let bad = || format!("`{s}` is not a date (YYYY-MM-DD) or an RFC 3339 timestamp");
        let s = s.trim();
        let (date, time) = match s.find(['T', 't', ' ']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let mut parts = date.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let (year, month, day) = (
            digits(y, 4).ok_or_else(bad)?,
            digits(m, 2).ok_or_else(bad)?,
            digits(d, 2).ok_or_else(bad)?,
        );
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(bad()),
        };
        if day == 0 || day > days {
            return Err(bad());
        }
        if let Some(time) = time {
            let (clock, offset) = match time.find(['Z', 'z', '+', '-']) {
                Some(i) => time.split_at(i),
                None => return Err(bad()),
            };
            let hms = clock.split('.').next().unwrap_or_default();
            let fraction_ok = clock
                .split_once('.')
                .is_none_or(|(_, f)| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
            let mut t = hms.split(':');
            let (Some(h), Some(mi), Some(se), None) = (t.next(), t.next(), t.next(), t.next()) else {
                return Err(bad());
            };
            let ok_time = matches!((digits(h, 2), digits(mi, 2), digits(se, 2)), (Some(h), Some(m), Some(s)) if h < 24 && m < 60 && s <= 60);
            let ok_offset = match offset {
                "Z" | "z" => true,
                o => {
                    let o = &o[1..];
                    matches!(o.split_once(':'), Some((h, m)) if digits(h, 2).is_some_and(|h| h < 24) && digits(m, 2).is_some_and(|m| m < 60))
                }
            };
            if !(ok_time && ok_offset && fraction_ok) {
                return Err(bad());
            }
        }
        Ok(Month {
            year: year as u16,
            month: month as u8,
        })
    }
}

/// One note as the audit sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditNote {
    /// The author.
    pub author: String,
    /// The calendar month it was published in.
    pub month: Month,
    /// Declared sponsored.
    pub sponsored: bool,
    /// Sponsorship cues found in it (matched texts), when it is not declared sponsored.
    pub cues: Vec<String>,
    /// The note's id.
    pub id: serde_json::Value,
    /// Its 1-based line in the input.
    pub line: usize,
}

/// The rule whose hits are sponsorship cues: the advertorial rule about undeclared
/// sponsorship (`undeclared-sponsorship`, A405 in the builtin packs).
pub fn cue_rule(linter: &Linter) -> Option<&Rule> {
    linter
        .rules()
        .find(|r| r.category == Category::Advertorial && r.name.contains("sponsor"))
}

/// The sponsorship cues in a note not declared sponsored (none for a declared one).
pub fn cues(linter: &Linter, note: &Note) -> Vec<String> {
    if note.sponsored {
        return Vec::new();
    }
    let Some(rule) = cue_rule(linter) else {
        return Vec::new();
    };
    linter
        .lint(note)
        .into_iter()
        .filter(|v| v.rule == rule.id)
        .map(|v| v.matched)
        .collect()
}

/// A JSON note's `author` (a non-blank string or a number) and the month of its
/// `published_at`, when it has both: what makes a record part of an audit.
pub fn author_month(json: &str) -> Option<(String, Month)> {
    #[derive(serde::Deserialize)]
    struct Meta {
        author: Option<serde_json::Value>,
        published_at: Option<String>,
    }
    if !json.contains("\"author\"") {
        return None;
    }
    let meta: Meta = serde_json::from_str(json).ok()?;
    let author = match meta.author? {
        serde_json::Value::String(s) if !s.trim().is_empty() => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    Some((author, meta.published_at?.parse().ok()?))
}

/// Counts per author and month.
#[derive(Debug, Clone)]
pub struct Audit {
    cap: f64,
    months: BTreeMap<(String, Month), Counts>,
    undeclared: BTreeMap<String, Vec<CuedNote>>,
    notes: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    notes: usize,
    declared: usize,
    cued: usize,
}

/// One author-month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuthorMonth {
    /// The author.
    pub author: String,
    /// The month.
    pub month: Month,
    /// Notes published.
    pub notes: usize,
    /// Declared sponsored.
    pub declared: usize,
    /// Not declared, with sponsorship cues.
    pub undeclared_with_cues: usize,
    /// (declared + undeclared with cues) / notes.
    pub sponsored_share: f64,
    /// Whether the share is over the cap.
    pub over_cap: bool,
}

/// A note not declared sponsored that carries sponsorship cues.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CuedNote {
    /// The note's id.
    pub id: serde_json::Value,
    /// Its line in the input.
    pub line: usize,
    /// The month it was published in.
    pub month: Month,
    /// The cues found.
    pub cues: Vec<String>,
}

/// An author whose unmarked notes carry sponsorship cues.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UndeclaredAuthor {
    /// The author.
    pub author: String,
    /// The notes.
    pub notes: Vec<CuedNote>,
}

/// What the audit found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditReport {
    /// The cap used.
    pub cap: f64,
    /// Notes audited.
    pub notes: usize,
    /// Every author-month, by author then month.
    pub author_months: Vec<AuthorMonth>,
    /// Authors whose unmarked notes carry sponsorship cues.
    pub undeclared: Vec<UndeclaredAuthor>,
}

impl AuditReport {
    /// The author-months over the cap.
    pub fn over_cap(&self) -> impl Iterator<Item = &AuthorMonth> {
        self.author_months.iter().filter(|m| m.over_cap)
    }

    /// Whether nothing breaks the rule.
    pub fn is_clean(&self) -> bool {
        self.over_cap().next().is_none() && self.undeclared.is_empty()
    }
}

impl Audit {
    /// An empty audit with a cap (a share, `0.2` for 20%).
    pub fn new(cap: f64) -> Audit {
        Audit {
            cap,
            months: BTreeMap::new(),
            undeclared: BTreeMap::new(),
            notes: 0,
        }
    }

    /// Counts one note.
    pub fn add(&mut self, note: AuditNote) {
        self.notes += 1;
        let c = self.months.entry((note.author.clone(), note.month)).or_default();
        c.notes += 1;
        if note.sponsored {
            c.declared += 1;
        } else if !note.cues.is_empty() {
            c.cued += 1;
            self.undeclared.entry(note.author).or_default().push(CuedNote {
                id: note.id,
                line: note.line,
                month: note.month,
                cues: note.cues,
            });
        }
    }

    /// The findings.
    pub fn report(&self) -> AuditReport {
        let author_months = self
            .months
            .iter()
            .map(|((author, month), c)| {
                let share = (c.declared + c.cued) as f64 / c.notes as f64;
                AuthorMonth {
                    author: author.clone(),
                    month: *month,
                    notes: c.notes,
                    declared: c.declared,
                    undeclared_with_cues: c.cued,
                    sponsored_share: (share * 10_000.0).round() / 10_000.0,
                    // exact: declared + cued > cap × notes, without float noise at the edge
                    over_cap: (c.declared + c.cued) as f64 > self.cap * c.notes as f64 + 1e-9,
                }
            })
            .collect();
        AuditReport {
            cap: self.cap,
            notes: self.notes,
            author_months,
            undeclared: self
                .undeclared
                .iter()
                .map(|(author, notes)| UndeclaredAuthor {
                    author: author.clone(),
                    notes: notes.clone(),
                })
                .collect(),
        }
    }
}

/// A record that could not be audited: where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRecord {
    /// The file.
    pub path: String,
    /// The 1-based line, when the record is a line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What is wrong.
    pub error: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_from_dates_and_timestamps() {
        let m = |s: &str| s.parse::<Month>().map(|m| m.to_string());
        assert_eq!(m("2026-03-01").unwrap(), "2026-03");
        assert_eq!(m("2026-03-31T23:59:59+08:00").unwrap(), "2026-03");
        assert_eq!(m("2024-02-29 10:00:00.123Z").unwrap(), "2024-02");
        for bad in [
            "2026-13-01",
            "2025-02-29",
            "2026-3-1",
            "yesterday",
            "2026-03-01T25:00:00Z",
            "2026-03-01T10:00:00",
            "",
        ] {
            assert!(m(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_cap_is_exclusive() {
        let month: Month = "2026-01-05".parse().unwrap();
        let mut a = Audit::new(SPONSORED_CAP);
        for i in 0..10 {
            a.add(AuditNote {
                author: "a".into(),
                month,
                sponsored: i < 2,
                cues: vec![],
                id: i.into(),
                line: i + 1,
            });
        }
        assert!(a.report().is_clean(), "2 of 10 is exactly 20%: allowed");
        a.add(AuditNote {
            author: "a".into(),
            month,
            sponsored: false,
            cues: vec!["恰饭".into()],
            id: 10.into(),
            line: 11,
        });
        let r = a.report();
        assert_eq!(r.over_cap().count(), 1, "3 of 11");
        assert_eq!(r.author_months[0].undeclared_with_cues, 1);
    }

    #[test]
    fn the_cue_rule_is_found_and_used() {
        let linter = Linter::builtin();
        assert!(cue_rule(&linter).is_some());
        assert!(!cues(&linter, &Note::from_body("感谢金主爸爸，这期小小恰饭一下")).is_empty());
        assert!(
            cues(
                &linter,
                &Note::from_body("感谢金主爸爸，这期小小恰饭一下").sponsored(true)
            )
            .is_empty()
        );
        assert!(cues(&linter, &Note::from_body("今天的早餐")).is_empty());
    }
}
