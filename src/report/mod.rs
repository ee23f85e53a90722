//! Rendering violations: every output format lives here, one module each, so the binary only
//! reads, calls one of these, and prints.
//!
//! | format | module | for |
//! |---|---|---|
//! | `human` | [`human`] | people at a terminal: the line, the span underlined (CJK and emoji aligned) |
//! | `line` | [`line`] | editors' error parsers: `path:line:col: severity: message [rule]` |
//! | `json` | [`json`] | one JSON document with every note |
//! | `jsonl` | [`json`] | pipelines: one line per note, in input order (a stable contract) |
//! | `sarif` | [`sarif`] | code-scanning tools: SARIF 2.1.0 with rule metadata and fixes |
//! | `github` | [`github`] | GitHub Actions: `::error file=…,line=…::…` annotations |

pub mod github;
pub mod human;
pub mod json;
pub mod line;
pub mod sarif;

use std::collections::BTreeMap;

use crate::note::Note;
use crate::span::LineIndex;
use crate::violation::{Category, Field, Lang, Severity, Violation};

/// Where a note came from, so positions can be given in the file's own lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A plain-text note; the body starts at 1-based line `body_line` of the file, the title
    /// and tags sit on the given front-matter lines.
    Text {
        /// 1-based file line of the body's first line.
        body_line: usize,
        /// 1-based file line of `title:`.
        title_line: Option<usize>,
        /// 1-based file line of each tag.
        tag_lines: Vec<usize>,
    },
    /// One line of a JSONL file (1-based).
    Record {
        /// The line.
        line: usize,
    },
    /// A whole JSON document.
    Document,
}

/// One checked note, ready to render.
#[derive(Debug, Clone)]
pub struct NoteReport<'a> {
    /// The file it came from (`-` for stdin).
    pub path: &'a str,
    /// The note's id as reported: its own `id`, else its 1-based line in a JSONL file.
    pub id: serde_json::Value,
    /// The note.
    pub note: &'a Note,
    /// Where it sits in its file.
    pub origin: Origin,
    /// What the linter found.
    pub violations: &'a [Violation],
}

/// Options shared by the human-facing formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Language of messages; `None` shows both (`zh / en`).
    pub lang: Option<Lang>,
}

impl Options {
    /// The message of `v` in the chosen language(s).
    pub fn message(&self, v: &Violation) -> String {
        match self.lang {
            Some(lang) => v.message.get(lang).to_owned(),
            None => format!("{} / {}", v.message.zh, v.message.en),
        }
    }
}

/// A violation's position inside its field: 1-based line and 1-based column in chars.
pub fn field_position(note: &Note, v: &Violation) -> (usize, usize) {
    let p = LineIndex::new(note.field_text(v.field)).position(v.span.start);
    (p.line + 1, p.char_col + 1)
}

impl NoteReport<'_> {
    /// A violation's position in the file, when the file's lines are the note's own: 1-based
    /// line and column in chars. `None` for JSON records, whose fields are strings on one line.
    pub fn file_position(&self, v: &Violation) -> Option<(usize, usize)> {
        let Origin::Text {
            body_line,
            title_line,
            tag_lines,
        } = &self.origin
        else {
            return None;
        };
        let (line, col) = field_position(self.note, v);
        match v.field {
            Field::Body => Some((body_line + line - 1, col)),
            Field::Title => title_line.map(|l| (l, 1)),
            Field::Tag(i) => tag_lines.get(i).map(|&l| (l, 1)),
        }
    }
}

/// Where a violation lies in its file, when the file's lines are the note's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// 1-based line of the start.
    pub start_line: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based columns of the start and of the character after the end, in chars; `None` when
    /// only the line is known (a title or tag in front matter).
    pub char_cols: Option<(usize, usize)>,
    /// The same columns in UTF-16 code units.
    pub utf16_cols: Option<(usize, usize)>,
}

impl NoteReport<'_> {
    /// The region of a violation in the file: exact for the body of a plain-text note, the
    /// line for its front-matter title and tags, the record's line for a JSONL record, `None`
    /// for a JSON document.
    pub fn file_region(&self, v: &Violation) -> Option<Region> {
        let line_only = |line: usize| Region {
            start_line: line,
            end_line: line,
            char_cols: None,
            utf16_cols: None,
        };
        match (&self.origin, v.field) {
            (Origin::Record { line }, _) => Some(line_only(*line)),
            (Origin::Document, _) => None,
            (Origin::Text { body_line, .. }, Field::Body) => {
                let index = LineIndex::new(&self.note.body);
                let (a, b) = (index.position(v.span.start), index.position(v.span.end));
                Some(Region {
                    start_line: body_line + a.line,
                    end_line: body_line + b.line,
                    char_cols: Some((a.char_col + 1, b.char_col + 1)),
                    utf16_cols: Some((a.utf16_col + 1, b.utf16_col + 1)),
                })
            }
            (Origin::Text { .. }, _) => self.file_position(v).map(|(line, _)| line_only(line)),
        }
    }
}

/// Counts for the summary line: notes, violations per severity and per category.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Notes checked.
    pub notes: usize,
    /// Notes that could not be read.
    pub errors: usize,
    /// Violations per severity.
    pub by_severity: BTreeMap<Severity, usize>,
    /// Violations per category.
    pub by_category: BTreeMap<Category, usize>,
}

impl Summary {
    /// Counts one checked note.
    pub fn add(&mut self, violations: &[Violation]) {
        self.notes += 1;
        for v in violations {
            *self.by_severity.entry(v.severity).or_default() += 1;
            *self.by_category.entry(v.category).or_default() += 1;
        }
    }

    /// Total violations.
    pub fn total(&self) -> usize {
        self.by_severity.values().sum()
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        write!(
            f,
            "checked {}: {}",
            plural(self.notes, "note"),
            plural(self.total(), "violation")
        )?;
        if self.total() > 0 {
            let sev: Vec<String> = self.by_severity.iter().rev().map(|(s, n)| format!("{n} {s}")).collect();
            let cat: Vec<String> = self.by_category.iter().map(|(c, n)| format!("{c} {n}")).collect();
            write!(f, " ({}; {})", sev.join(", "), cat.join(", "))?;
        }
        if self.errors > 0 {
            write!(f, "; {} could not be read", plural(self.errors, "note"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linter;

    #[test]
    fn summary_counts_and_reads_well() {
        let linter = Linter::builtin();
        let mut s = Summary::default();
        s.add(&linter.lint_text("最好用的面霜，加我微信"));
        s.add(&[]);
        let text = s.to_string();
        assert!(text.starts_with("checked 2 notes: "), "{text}");
        assert!(text.contains("banned-word 1"), "{text}");
        assert_eq!(Summary::default().to_string(), "checked 0 notes: 0 violations");
    }

    #[test]
    fn file_positions_follow_the_front_matter() {
        let text = "---\ntitle: 标题\n---\n第一行\n这是最好用的";
        let parsed = Note::from_text(text).unwrap();
        let vs = Linter::builtin().lint(&parsed.note);
        let v = vs.iter().find(|v| v.matched.contains('最')).expect("a superlative");
        let r = NoteReport {
            path: "n.md",
            id: serde_json::json!("n.md"),
            note: &parsed.note,
            origin: Origin::Text {
                body_line: 4,
                title_line: parsed.title_line,
                tag_lines: vec![],
            },
            violations: &vs,
        };
        assert_eq!(r.file_position(v), Some((5, 2))); // 是最好用 starts at column 2
    }
}
