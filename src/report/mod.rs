//! Rendering violations: every output format lives here, one module each, so the binary only
//! reads, calls one of these, and prints.
//!
//! | format | module | for |
//! |---|---|---|
//! | `human` | [`human`] | people at a terminal: the line, the span underlined (CJK and emoji aligned) |
//! | `line` | [`line`](mod@line) | editors' error parsers: `path:line:col: severity: message [rule]` |
//! | `json` | [`json`] | one JSON document with every note |
//! | `jsonl` | [`json`] | pipelines: one line per note, in input order (a stable contract) |
//! | `sarif` | [`sarif`] | code-scanning tools: SARIF 2.1.0 with rule metadata and fixes |
//! | `github` | [`github`] | GitHub Actions: `::error file=…,line=…::…` annotations |
//! | `html` | [`html`] | reviewers: one self-contained page, summary chart, highlighted notes, filters |

pub mod audit;
pub mod github;
pub mod html;
pub mod human;
pub mod images;
pub mod json;
pub mod line;
pub mod sarif;

mod renderer;
pub use renderer::{Ending, Rendered, Renderer, Text};

use std::collections::BTreeMap;

use crate::note::{Note, TextNote};
use crate::span::{ColumnUnit, LineIndex, Span};
use crate::violation::{Category, Field, Lang, Severity, Violation};

/// Where a note came from, so positions can be given in the file's own lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A plain-text note: the body starts at 1-based line `body_line` of the file (at its first
    /// column), the title and tags sit in the front matter at the given byte ranges.
    /// [`Origin::text`] builds one from what [`Note::from_text`] read.
    Text {
        /// 1-based file line of the body's first line.
        body_line: usize,
        /// The file's text before the body: the front matter with its fences (and a BOM, if
        /// any); empty when the file has none.
        front_matter: String,
        /// Byte range of the title's value in `front_matter` ([`TextNote::title_span`]).
        title_span: Option<Span>,
        /// Byte range of each tag in `front_matter` ([`TextNote::tag_spans`]).
        tag_spans: Vec<Span>,
    },
    /// One line of a JSONL file (1-based).
    Record {
        /// The line.
        line: usize,
    },
    /// A whole JSON document.
    Document,
}

impl Origin {
    /// The origin of a note read with [`Note::from_text`] from the file text `text`.
    ///
    /// ```
    /// use redlint::report::Origin;
    ///
    /// let text = "---\ntitle: 早餐\n---\n燕麦";
    /// let parsed = redlint::Note::from_text(text).unwrap();
    /// let Origin::Text { body_line, title_span, .. } = Origin::text(text, &parsed) else { panic!() };
    /// assert_eq!(body_line, 4);
    /// assert_eq!(&text[title_span.unwrap().range()], "早餐");
    /// ```
    pub fn text(text: &str, parsed: &TextNote) -> Origin {
        let front_matter = text.get(..parsed.body_offset).unwrap_or_default();
        let inside = |s: &Span| front_matter.get(s.range()).is_some();
        Origin::Text {
            body_line: front_matter.matches('\n').count() + 1,
            front_matter: front_matter.to_owned(),
            title_span: parsed.title_span.filter(inside),
            tag_spans: parsed.tag_spans.iter().copied().filter(inside).collect(),
        }
    }

    /// A plain-text note without front matter whose body starts at 1-based file line `line`.
    pub fn body_at(line: usize) -> Origin {
        Origin::Text {
            body_line: line,
            front_matter: String::new(),
            title_span: None,
            tag_spans: Vec::new(),
        }
    }
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
    /// The note's pictures as checked (empty for a note without any): the text read in each,
    /// which the spans of its violations point into.
    pub images: &'a [images::ImageReport],
    /// The body's line index, built once for all its violations (a note with thousands of
    /// violations must not be indexed thousands of times).
    body_index: std::cell::OnceCell<LineIndex<'a>>,
}

impl<'a> NoteReport<'a> {
    /// A report of `violations` of `note`, from `path`, as `id`, placed per `origin`.
    pub fn new(
        path: &'a str,
        id: serde_json::Value,
        note: &'a Note,
        origin: Origin,
        violations: &'a [Violation],
    ) -> NoteReport<'a> {
        NoteReport {
            path,
            id,
            note,
            origin,
            violations,
            images: &[],
            body_index: std::cell::OnceCell::new(),
        }
    }

    /// The same report with the note's pictures as checked.
    pub fn with_images(mut self, images: &'a [images::ImageReport]) -> NoteReport<'a> {
        self.images = images;
        self
    }

    /// The text of one of the note's fields: for an image, the text read in it.
    pub fn field_text(&self, field: Field) -> &'a str {
        match field {
            Field::Image(i) => self.images.iter().find(|r| r.image == i).map_or("", |r| r.text()),
            _ => self.note.field_text(field),
        }
    }

    /// The line index of `text`: the note's body's cached one when `text` is the body.
    pub fn index_of<'t>(&'t self, text: &'t str) -> std::borrow::Cow<'t, LineIndex<'t>> {
        if std::ptr::eq(text, self.note.body.as_str()) {
            std::borrow::Cow::Borrowed(self.body_index.get_or_init(|| LineIndex::new(&self.note.body)))
        } else {
            std::borrow::Cow::Owned(LineIndex::new(text))
        }
    }

    /// The violations in the order a reader meets them in the file: a plain-text note's by
    /// file line and column (a tag in the front matter before the body), a JSON note's as
    /// linted (by field, then position).
    pub fn in_file_order(&self) -> Vec<&'a Violation> {
        type Placed<'v> = (Option<(usize, usize)>, usize, &'v Violation);
        let mut ordered: Vec<Placed<'a>> = self
            .violations
            .iter()
            .enumerate()
            .map(|(i, v)| (self.file_position_in(v, ColumnUnit::Utf8), i, v))
            .collect();
        // a violation in a picture has no place in the file: the pictures' come after the text's
        let image = |v: &Violation| matches!(v.field, Field::Image(_));
        if ordered.iter().all(|(at, _, v)| at.is_some() || image(v)) {
            ordered.sort_by_key(|&(at, i, v)| (image(v), at, i));
        }
        ordered.into_iter().map(|(_, _, v)| v).collect()
    }

    /// A violation's position inside its field: 1-based line and 1-based column in `unit`.
    pub fn field_position_in(&self, v: &Violation, unit: ColumnUnit) -> (usize, usize) {
        let index = self.index_of(self.field_text(v.field));
        let (line, col) = index.line_col(v.span.start, unit);
        (line + 1, col + 1)
    }
}

/// Options shared by the human-facing formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Language of messages; `None` shows both (`zh / en`).
    pub lang: Option<Lang>,
    /// How the `human` and `line` formats count the columns they print: characters (the
    /// default), or bytes (what Vim's `%c` in `errorformat` reads).
    pub columns: ColumnUnit,
}

impl Options {
    /// The message of `v` in the chosen language(s).
    pub fn message(&self, v: &Violation) -> String {
        self.text(&v.message)
    }

    /// A bilingual text in the chosen language, or both.
    pub fn text(&self, m: &crate::violation::Message) -> String {
        match self.lang {
            Some(lang) => m.get(lang).to_owned(),
            None => format!("{} / {}", m.zh, m.en),
        }
    }
}

/// A violation placed in its file's own text: the text it lies in, its span there, and the file
/// line that text starts on. See [`NoteReport::placed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed<'t> {
    /// The body, or the front matter (for a title or a tag).
    pub text: &'t str,
    /// The violation's byte range in `text`.
    pub span: Span,
    /// 1-based file line of `text`'s first line, which starts at the file line's first column.
    pub first_line: usize,
}

impl Placed<'_> {
    /// The 1-based file line and 1-based column in `unit` of byte `offset` of `text`.
    fn line_col(&self, index: &LineIndex<'_>, offset: usize, unit: ColumnUnit) -> (usize, usize) {
        let (line, col) = index.line_col(offset, unit);
        (self.first_line + line, col + 1)
    }
}

impl NoteReport<'_> {
    /// Where a violation lies in the file's own text, when the file's lines are the note's own
    /// (a plain-text note): a body violation in the body, a title or tag violation in the front
    /// matter, at the term itself. `None` for JSON notes, and for a title or tag the front
    /// matter does not have.
    pub fn placed(&self, v: &Violation) -> Option<Placed<'_>> {
        let Origin::Text {
            body_line,
            front_matter,
            title_span,
            tag_spans,
        } = &self.origin
        else {
            return None;
        };
        let (text, at, first_line) = match v.field {
            Field::Body => (self.note.body.as_str(), 0, *body_line),
            Field::Title => (front_matter.as_str(), title_span.as_ref()?.start, 1),
            Field::Tag(i) => (front_matter.as_str(), tag_spans.get(i)?.start, 1),
            Field::Image(_) => return None,
        };
        let span = v.span.shift(at);
        text.get(span.range())?; // a span that does not fit (a mismatched origin) is not placed
        Some(Placed { text, span, first_line })
    }

    /// A violation's position in the file, when the file's lines are the note's own: 1-based
    /// line and column in chars. `None` for JSON notes.
    pub fn file_position(&self, v: &Violation) -> Option<(usize, usize)> {
        self.file_position_in(v, ColumnUnit::Char)
    }

    /// A violation's position in the file as [`NoteReport::file_position`], the column counted
    /// in `unit`.
    pub fn file_position_in(&self, v: &Violation, unit: ColumnUnit) -> Option<(usize, usize)> {
        let p = self.placed(v)?;
        Some(p.line_col(&self.index_of(p.text), p.span.start, unit))
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
    /// only the line is known (a JSONL record).
    pub char_cols: Option<(usize, usize)>,
    /// The same columns in UTF-16 code units.
    pub utf16_cols: Option<(usize, usize)>,
    /// The same columns in bytes.
    pub byte_cols: Option<(usize, usize)>,
}

impl NoteReport<'_> {
    /// The region of a violation in the file: exact for the body, title and tags of a
    /// plain-text note, the record's line for a JSONL record, `None` for a JSON document.
    pub fn file_region(&self, v: &Violation) -> Option<Region> {
        if let Some(p) = self.placed(v) {
            let index = self.index_of(p.text);
            let cols = |unit| {
                let (a, b) = (
                    p.line_col(&index, p.span.start, unit),
                    p.line_col(&index, p.span.end, unit),
                );
                ((a.0, b.0), (a.1, b.1))
            };
            let ((start_line, end_line), char_cols) = cols(ColumnUnit::Char);
            return Some(Region {
                start_line,
                end_line,
                char_cols: Some(char_cols),
                utf16_cols: Some(cols(ColumnUnit::Utf16).1),
                byte_cols: Some(cols(ColumnUnit::Utf8).1),
            });
        }
        match self.origin {
            Origin::Record { line } => Some(Region {
                start_line: line,
                end_line: line,
                char_cols: None,
                utf16_cols: None,
                byte_cols: None,
            }),
            _ => None,
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
    /// Violations per rule id.
    pub by_rule: BTreeMap<String, usize>,
    /// Notes with at least one violation.
    pub notes_with_findings: usize,
    /// Notes raising each brief item, by (rule, item): a note that names a forbidden name
    /// twice counts once.
    pub by_brief_item: BTreeMap<(String, String), usize>,
    /// The brief the notes were checked against: its name and items in brief order (so that
    /// an item no note missed is shown too).
    pub brief: Option<(String, Vec<(String, String)>)>,
}

impl Summary {
    /// Counts one checked note.
    pub fn add(&mut self, violations: &[Violation]) {
        self.notes += 1;
        self.notes_with_findings += usize::from(!violations.is_empty());
        let mut items: Vec<(&str, &str)> = Vec::new();
        for v in violations {
            match self.by_rule.get_mut(&v.rule) {
                Some(n) => *n += 1,
                None => {
                    self.by_rule.insert(v.rule.clone(), 1);
                }
            }
            *self.by_severity.entry(v.severity).or_default() += 1;
            *self.by_category.entry(v.category).or_default() += 1;
            if let Some(item) = &v.item
                && !items.contains(&(&v.rule, item))
            {
                items.push((&v.rule, item));
                *self.by_brief_item.entry((v.rule.clone(), item.clone())).or_default() += 1;
            }
        }
    }

    /// Adds the counts of `other` (the summary of another part of the input).
    pub fn merge(&mut self, other: Summary) {
        self.notes += other.notes;
        self.notes_with_findings += other.notes_with_findings;
        self.errors += other.errors;
        for (k, v) in other.by_rule {
            *self.by_rule.entry(k).or_default() += v;
        }
        for (k, v) in other.by_severity {
            *self.by_severity.entry(k).or_default() += v;
        }
        for (k, v) in other.by_category {
            *self.by_category.entry(k).or_default() += v;
        }
        for (k, v) in other.by_brief_item {
            *self.by_brief_item.entry(k).or_default() += v;
        }
        self.brief = self.brief.take().or(other.brief);
    }

    /// Shows every item of `brief` in the summary, those no note raised included.
    pub fn set_brief(&mut self, brief: &crate::Brief) {
        let items = brief.items().into_iter().map(|(r, i)| (r.to_owned(), i)).collect();
        self.brief = Some((brief.name.clone(), items));
    }

    /// Per brief item: (rule, item, notes raising it), in brief order, then any item raised
    /// that the brief outline does not list.
    pub fn brief_items(&self) -> Vec<(&str, &str, usize)> {
        let mut out: Vec<(&str, &str, usize)> = Vec::new();
        if let Some((_, items)) = &self.brief {
            for (rule, item) in items {
                let n = self
                    .by_brief_item
                    .get(&(rule.clone(), item.clone()))
                    .copied()
                    .unwrap_or(0);
                out.push((rule, item, n));
            }
        }
        for ((rule, item), n) in &self.by_brief_item {
            if !out.iter().any(|(r, i, _)| r == rule && i == item) {
                out.push((rule, item, *n));
            }
        }
        out
    }

    /// Total violations.
    pub fn total(&self) -> usize {
        self.by_severity.values().sum()
    }
}

/// A suggestion of `v` as the people-facing formats show it: `最好 → 很好`, `remove it`, or
/// `insert ⏎#话题` (an insertion, line breaks shown).
pub fn fix_text(v: &Violation, s: &crate::Suggestion) -> String {
    if s.replacement.is_empty() {
        "remove it".to_owned()
    } else if v.matched.is_empty() {
        format!("insert {}", s.replacement.replace('\n', "⏎"))
    } else {
        format!("{} → {}", v.matched, s.replacement)
    }
}

/// `1 note`, `2 notes`: a count with its word, in the singular for one.
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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
        let items = self.brief_items();
        if !items.is_empty() {
            let name = self.brief.as_ref().map_or("", |b| b.0.as_str());
            let name = if name.is_empty() {
                String::new()
            } else {
                format!(" \"{name}\"")
            };
            write!(f, "\nbrief{name}, per item:")?;
            for (rule, item, n) in items {
                let name = crate::brief::rules()
                    .into_iter()
                    .find(|r| r.id == rule)
                    .map_or_else(String::new, |r| r.name);
                let how = if rule == crate::brief::FORBIDDEN {
                    "in"
                } else {
                    "missed by"
                };
                write!(
                    f,
                    "\n  {rule} {name} `{item}`: {how} {n} of {}",
                    plural(self.notes, "note")
                )?;
            }
        }
        Ok(())
    }
}

/// Test support for the format modules: lints `body` as a plain-text note at `path` whose
/// body starts on file line `body_line`, renders it with `render` in English, and returns the
/// output with the violations.
#[cfg(test)]
pub(crate) fn render_body_en(
    body: &str,
    path: &str,
    body_line: usize,
    render: fn(&NoteReport<'_>, &Options) -> String,
) -> (String, Vec<Violation>) {
    let note = Note::from_body(body);
    let violations = crate::Linter::builtin().lint(&note);
    let report = NoteReport::new(
        path,
        serde_json::json!(path),
        &note,
        Origin::body_at(body_line),
        &violations,
    );
    let options = Options {
        lang: Some(Lang::En),
        ..Options::default()
    };
    (render(&report, &options), violations)
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
        let text = "\u{feff}---\r\ntitle: 🙂最好的\r\ntags: [早餐, \"🙂国家级\"]\r\n---\r\n第一行\r\n这是最好用的";
        let parsed = Note::from_text(text).unwrap();
        let vs = Linter::builtin().lint(&parsed.note);
        let r = NoteReport::new(
            "n.md",
            serde_json::json!("n.md"),
            &parsed.note,
            Origin::text(text, &parsed),
            &vs,
        );
        let find = |field: Field| vs.iter().find(|v| v.field == field).expect("a violation there");
        let (body, title, tag) = (find(Field::Body), find(Field::Title), find(Field::Tag(1)));
        assert_eq!(r.file_position(body), Some((6, 2))); // 是最好用 starts at column 2
        // `title: 🙂` is 8 chars, 9 UTF-16 units, 11 bytes
        assert_eq!(r.file_position(title), Some((2, 9)));
        assert_eq!(r.file_position_in(title, ColumnUnit::Utf8), Some((2, 12)));
        let region = r.file_region(title).unwrap();
        assert_eq!((region.start_line, region.end_line), (2, 2));
        assert_eq!(title.matched, "最好的");
        assert_eq!(region.char_cols, Some((9, 12)));
        assert_eq!(region.utf16_cols, Some((10, 13)));
        assert_eq!(region.byte_cols, Some((12, 21)));
        // `tags: [早餐, "🙂` is 13 chars
        assert_eq!(r.file_position(tag), Some((3, 14)));
        let placed = r.placed(tag).unwrap();
        assert_eq!(&placed.text[placed.span.range()], tag.matched);
        // a JSON note has no file position; a record has its line
        let record = NoteReport {
            origin: Origin::Record { line: 7 },
            ..r.clone()
        };
        assert_eq!(record.file_position(title), None);
        assert_eq!(
            record.file_region(title).map(|g| (g.start_line, g.char_cols)),
            Some((7, None))
        );
        // a title the origin does not have is not placed
        let bare = NoteReport {
            origin: Origin::body_at(1),
            ..r
        };
        assert_eq!(bare.file_position(title), None);
        assert_eq!(bare.file_position(body), Some((2, 2)));
    }
}
