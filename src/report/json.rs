//! The `json` and `jsonl` formats.
//!
//! `jsonl` is the contract pipelines rely on: for each input note exactly one line, in input
//! order:
//!
//! ```json
//! {"id": "n1", "violations": [{"rule": "B101", "name": "superlative-claim",
//!   "category": "banned-word", "severity": "warning", "field": "body", "start": 6, "end": 12,
//!   "line": 1, "column": 3, "matched": "最好", "message": {"zh": "…", "en": "…"},
//!   "basis": "…", "suggestions": [{"replacement": "很好", "safe": true}]}]}
//! ```
//!
//! Three keys appear only when they apply: `reading` (`{"term": "微信", "how": ["sound"]}`) for
//! a term written in disguise, `context` (`{"zh": "…", "en": "…"}`) when the note's context
//! raised or lowered the rule's severity, and `item` (`"保湿 / 补水"`) for a `brief` violation:
//! the brief item it is about.
//!
//! A note with `images` adds `"images": [{"image": 0, "path": "cover.jpg", "width": …,
//! "height": …, "ocr_text": "…", "text_checked": true}]` (`"error"` for an image that could
//! not be read; `"text_checked": false` when no OCR models were found: only its QR codes were
//! read), and its violations in an image have `"field": "images[N]"`, `start`/`end` into that
//! image's `ocr_text`, and `"box": [x, y, width, height]` in its pixels (a QR code's: an empty
//! span, its payload in `matched`).
//!
//! `start`/`end` are byte offsets into the field's original text; `line`/`column` are 1-based,
//! the column counted in characters. A record that cannot be read yields
//! `{"id": <line number>, "error": "<what is wrong>"}` in its place. `json` is one document:
//! `{"notes": [<the same objects, each with "path">], "summary": {...}}`.

use serde::Serialize;

use super::{NoteReport, Summary};
use crate::violation::{Category, Field, Message, Reading, Severity, Suggestion, Violation};

/// A violation as the JSON formats write it.
#[derive(Debug, Serialize)]
pub struct JsonViolation<'a> {
    /// Rule code.
    pub rule: &'a str,
    /// Rule name.
    pub name: &'a str,
    /// Category.
    pub category: Category,
    /// Severity.
    pub severity: Severity,
    /// Field.
    pub field: Field,
    /// Byte offset of the start in the field's original text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// 1-based line in the field.
    pub line: usize,
    /// 1-based column in the field, in characters.
    pub column: usize,
    /// The original text of the span.
    pub matched: &'a str,
    /// The message in both languages.
    pub message: &'a Message,
    /// The law article or platform rule.
    pub basis: &'a str,
    /// Proposed rewrites.
    pub suggestions: &'a [Suggestion],
    /// For a term written in disguise: the term it was read as, and how.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<&'a Reading>,
    /// Why the note's context changed the rule's severity, when it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<&'a Message>,
    /// For a `brief` violation: the brief item it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<&'a str>,
    /// For a violation in an image: `[x, y, width, height]` in its pixels.
    #[serde(rename = "box", skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[u32; 4]>,
}

impl<'a> JsonViolation<'a> {
    /// The JSON shape of `v`, a violation of `report`'s note.
    pub fn new(report: &NoteReport<'_>, v: &'a Violation) -> JsonViolation<'a> {
        let (line, column) = report.field_position_in(v, crate::span::ColumnUnit::Char);
        JsonViolation {
            rule: &v.rule,
            name: &v.name,
            category: v.category,
            severity: v.severity,
            field: v.field,
            start: v.span.start,
            end: v.span.end,
            line,
            column,
            matched: &v.matched,
            message: &v.message,
            basis: &v.basis,
            suggestions: &v.suggestions,
            reading: v.reading.as_ref(),
            context: v.context.as_ref(),
            item: v.item.as_deref(),
            bbox: v.bbox,
        }
    }
}

#[derive(Serialize)]
struct JsonNote<'a> {
    id: &'a serde_json::Value,
    /// The record's line in a JSONL input: tells apart a note whose `id` is 5 from the note
    /// without an `id` on line 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    violations: Vec<JsonViolation<'a>>,
    /// The note's pictures as checked: the text read in each (`ocr_text`), or why not.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    images: &'a [super::images::ImageReport],
}

fn note_object<'a>(report: &'a NoteReport<'_>, with_path: bool) -> JsonNote<'a> {
    JsonNote {
        id: &report.id,
        line: match report.origin {
            super::Origin::Record { line } => Some(line),
            _ => None,
        },
        path: with_path.then_some(report.path),
        violations: report
            .violations
            .iter()
            .map(|v| JsonViolation::new(report, v))
            .collect(),
        images: report.images,
    }
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("report values are plain data")
}

/// One `jsonl` line (without the newline) for a checked note.
pub fn jsonl_line(report: &NoteReport<'_>) -> String {
    to_json(&note_object(report, false))
}

/// One `jsonl` line (without the newline) for a record that could not be read.
pub fn jsonl_error(id: &serde_json::Value, error: &str) -> String {
    to_json(&serde_json::json!({ "id": id, "error": error }))
}

/// The `json` document for every checked note, errors included as `{"id", "path", "error"}`.
pub fn document(items: &[Result<NoteReport<'_>, (String, serde_json::Value, String)>], summary: &Summary) -> String {
    let entries: Vec<String> = items
        .iter()
        .map(|item| match item {
            Ok(report) => document_note(report),
            Err((path, id, error)) => document_error(path, id, error),
        })
        .collect();
    format!("{}{}{}", document_begin(), entries.join(",\n"), document_end(summary))
}

/// The start of a `json` document written as a stream: `{"notes": [`. Then come the entries
/// ([`document_note`], [`document_error`]) separated by commas, then [`document_end`]. A
/// stream cut short is not valid JSON, so it cannot pass for a complete report.
pub fn document_begin() -> &'static str {
    "{\"notes\": [\n"
}

/// A `json` document entry for a checked note (one line, with `path`).
pub fn document_note(report: &NoteReport<'_>) -> String {
    to_json(&note_object(report, true))
}

/// A `json` document entry for a note or source that could not be read.
pub fn document_error(path: &str, id: &serde_json::Value, error: &str) -> String {
    to_json(&serde_json::json!({ "id": id, "path": path, "error": error }))
}

/// The end of a `json` document: the summary.
pub fn document_end(summary: &Summary) -> String {
    format!("\n],\n\"summary\": {}\n}}\n", to_json(&summary_json(summary)))
}

/// The summary as JSON: notes, unreadable, violations, by_severity, by_category, and with a
/// brief `"brief": {"name", "items": [{"rule", "item", "notes"}]}` (`notes`: how many notes
/// raised the item: missed a keyword, or named a forbidden name).
pub fn summary_json(summary: &Summary) -> serde_json::Value {
    use std::collections::BTreeMap;
    let mut out = serde_json::json!({
        "notes": summary.notes,
        "unreadable": summary.errors,
        "violations": summary.total(),
        "by_severity": summary.by_severity.iter().map(|(k, v)| (k.as_str(), v)).collect::<BTreeMap<_, _>>(),
        "by_category": summary.by_category.iter().map(|(k, v)| (k.as_str(), v)).collect::<BTreeMap<_, _>>(),
    });
    let items = summary.brief_items();
    if !items.is_empty() {
        out["brief"] = serde_json::json!({
            "name": summary.brief.as_ref().map_or("", |b| b.0.as_str()),
            "items": items
                .iter()
                .map(|(rule, item, notes)| serde_json::json!({"rule": rule, "item": item, "notes": notes}))
                .collect::<Vec<_>>(),
        });
    }
    out
}

/// `--format jsonl`: one JSON object per note or unreadable record, in input order; a source
/// that cannot be read at all has no input line to stand in for, and goes to stderr.
#[derive(Debug, Clone, Copy)]
pub struct Jsonl;

impl super::Renderer for Jsonl {
    fn note(&self, note: &NoteReport<'_>, _options: &super::Options, _key: &str, out: &mut super::Rendered) {
        out.text = jsonl_line(note) + "\n";
    }

    fn error(
        &self,
        _path: &str,
        id: &serde_json::Value,
        _line: Option<usize>,
        message: &str,
        out: &mut super::Rendered,
    ) {
        out.text = jsonl_error(id, message) + "\n";
    }

    fn source_error(&self, _path: &str, message: &str, out: &mut super::Rendered) {
        out.stderr.push(message.to_owned());
    }
}

/// `--format json`: one document, its notes and unreadable records as they come, the summary
/// at the end.
#[derive(Debug, Clone, Copy)]
pub struct Json;

impl super::Renderer for Json {
    fn begin(&self) -> String {
        document_begin().to_owned()
    }

    fn note(&self, note: &NoteReport<'_>, _options: &super::Options, _key: &str, out: &mut super::Rendered) {
        out.entries.push(document_note(note));
    }

    fn error(
        &self,
        path: &str,
        id: &serde_json::Value,
        _line: Option<usize>,
        message: &str,
        out: &mut super::Rendered,
    ) {
        out.entries.push(document_error(path, id, message));
    }

    fn end(&self, end: &super::Ending<'_>) -> String {
        document_end(end.summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Origin;
    use crate::{Linter, Note};

    #[test]
    fn jsonl_has_the_contract_keys() {
        let note = Note::from_body("第一行\n🙂最好用");
        let vs = Linter::builtin().lint(&note);
        let r = NoteReport::new("x.jsonl", serde_json::json!(3), &note, Origin::Record { line: 3 }, &vs);
        let v: serde_json::Value = serde_json::from_str(&jsonl_line(&r)).unwrap();
        assert_eq!(v["id"], 3);
        let first = &v["violations"][0];
        for key in [
            "rule",
            "category",
            "severity",
            "field",
            "start",
            "end",
            "line",
            "column",
            "matched",
            "message",
            "basis",
            "suggestions",
        ] {
            assert!(first.get(key).is_some(), "missing {key}: {first}");
        }
        assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(2), Some(2)));
        let (s, e) = (
            first["start"].as_u64().unwrap() as usize,
            first["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&note.body[s..e], first["matched"].as_str().unwrap());
        let err: serde_json::Value = serde_json::from_str(&jsonl_error(&serde_json::json!(9), "bad")).unwrap();
        assert_eq!(err, serde_json::json!({"id": 9, "error": "bad"}));
    }
}
