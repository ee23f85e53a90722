//! The `sarif` format: a SARIF 2.1.0 log, for code-scanning tools (GitHub code scanning, the VS
//! Code SARIF viewer, Azure DevOps).
//!
//! One run, `tool.driver.rules` with every rule's metadata, one result per violation. Columns
//! are in UTF-16 code units (`columnKind: "utf16CodeUnits"`, said explicitly on the run), 1-based,
//! `endColumn` the column after the last character. A violation of a plain-text note (in its body,
//! or its title or a tag in the front matter) has an exact region and its suggestions as `fixes`
//! (with `properties.safe`); a JSONL record's
//! violation has the record's line and, in `properties`, the note id, field and byte offsets.
//! Sources and records that could not be read are `toolExecutionNotifications` of the run's
//! invocation, whose `executionSuccessful` is then `false`.
//!
//! The log is written as a stream ([`begin`], [`results`] per note, [`end`]) so that a large
//! batch does not have to be kept in memory; [`log`] builds a whole one.

use serde_json::{Value, json};

use super::{NoteReport, Options};
use crate::pack::Rule;
use crate::violation::{Severity, Violation};

/// The schema URI written in `$schema`.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF's name for a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file path as a SARIF `uri`: relative paths stay relative (resolved against the checkout by
/// code-scanning tools), absolute ones become `file://` URIs; anything but unreserved
/// characters and `/` is percent-encoded. Stdin (`-`) is `stdin`.
pub fn uri(path: &str) -> String {
    if path == "-" {
        return "stdin".to_owned();
    }
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One entry of `tool.driver.rules`.
pub fn rule_descriptor(r: &Rule) -> Value {
    let full = |zh: &str, en: &str| format!("{}\n\n{}", en.trim(), zh.trim());
    json!({
        "id": r.id,
        "name": r.name,
        "shortDescription": { "text": format!("{} / {}", r.message.en, r.message.zh) },
        "fullDescription": { "text": full(&r.description.zh, &r.description.en) },
        "help": { "text": format!("{}\n\nBasis: {}", full(&r.description.zh, &r.description.en), r.basis) },
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": {
            "category": r.category,
            "tags": [r.category.as_str()],
            "sponsoredLevel": level(r.sponsored_severity),
            "basis": r.basis,
        },
    })
}

fn region_json(start_line: usize, end_line: usize, cols: Option<(usize, usize)>) -> Value {
    let mut region = json!({ "startLine": start_line, "endLine": end_line });
    if let Some((a, b)) = cols {
        region["startColumn"] = a.into();
        region["endColumn"] = b.into();
    }
    region
}

/// One result object for a violation of `report`'s note.
pub fn result(report: &NoteReport<'_>, v: &Violation, options: &Options) -> Value {
    let uri = uri(report.path);
    let mut physical = json!({ "artifactLocation": { "uri": uri } });
    let region = report.file_region(v);
    if let Some(r) = region {
        physical["region"] = region_json(r.start_line, r.end_line, r.utf16_cols);
    }
    let id = match &report.id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut result = json!({
        "ruleId": v.rule,
        "level": level(v.severity),
        "message": { "text": format!("{} ({}: {})", options.message(v), v.field, v.matched) },
        "locations": [{
            "physicalLocation": physical,
            "logicalLocations": [{ "name": v.field.to_string(), "fullyQualifiedName": format!("{id}/{}", v.field), "kind": "member" }],
        }],
        "properties": {
            "category": v.category,
            "noteId": report.id,
            "field": v.field,
            "start": v.span.start,
            "end": v.span.end,
            "matched": v.matched,
            "basis": v.basis,
        },
    });
    let exact = region.and_then(|r| r.utf16_cols.map(|c| (r, c)));
    if let Some((r, cols)) = exact
        && !v.suggestions.is_empty()
    {
        let fixes: Vec<Value> = v
            .suggestions
            .iter()
            .map(|s| {
                json!({
                    "description": { "text": if s.replacement.is_empty() {
                        format!("Remove “{}”", v.matched)
                    } else {
                        format!("Replace “{}” with “{}”", v.matched, s.replacement)
                    } },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri },
                        "replacements": [{
                            "deletedRegion": region_json(r.start_line, r.end_line, Some(cols)),
                            "insertedContent": { "text": s.replacement },
                        }],
                    }],
                    "properties": { "safe": s.safe },
                })
            })
            .collect();
        result["fixes"] = fixes.into();
    }
    result
}

/// The result objects of one note, each serialized on one line.
pub fn results(report: &NoteReport<'_>, options: &Options) -> Vec<String> {
    report
        .violations
        .iter()
        .map(|v| result(report, v, options).to_string())
        .collect()
}

/// A `toolExecutionNotifications` entry for a source or record that could not be read.
pub fn notification(path: &str, line: Option<usize>, message: &str) -> Value {
    let mut physical = json!({ "artifactLocation": { "uri": uri(path) } });
    if let Some(line) = line {
        physical["region"] = json!({ "startLine": line });
    }
    json!({
        "level": "error",
        "message": { "text": message },
        "locations": [{ "physicalLocation": physical }],
    })
}

/// The start of the log, up to the opening of `results`.
pub fn begin() -> String {
    format!(
        "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"columnKind\":\"utf16CodeUnits\",\"results\":[\n"
    )
}

/// The end of the log after the last result: the tool with `rules`, and the invocation with the
/// notifications for what could not be read.
pub fn end<'r>(rules: impl IntoIterator<Item = &'r Rule>, notifications: &[Value]) -> String {
    let rules: Vec<Value> = rules.into_iter().map(rule_descriptor).collect();
    let tool = json!({
        "driver": {
            "name": "redlint",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": "https://crates.io/crates/redlint",
            "rules": rules,
        }
    });
    let invocation = json!({
        "executionSuccessful": notifications.is_empty(),
        "toolExecutionNotifications": notifications,
    });
    format!("\n],\"tool\":{tool},\"invocations\":[{invocation}]}}]}}\n")
}

/// A whole log for `reports`, with `rules` as the driver's rules.
pub fn log<'r>(reports: &[NoteReport<'_>], rules: impl IntoIterator<Item = &'r Rule>, options: &Options) -> String {
    let items: Vec<String> = reports.iter().flat_map(|r| results(r, options)).collect();
    format!("{}{}{}", begin(), items.join(",\n"), end(rules, &[]))
}

/// `--format sarif`: one SARIF 2.1.0 log, results as they come, the rules and the unreadable
/// records (notifications) at the end.
#[derive(Debug, Clone, Copy)]
pub struct Sarif;

impl super::Renderer for Sarif {
    fn begin(&self) -> String {
        begin()
    }

    fn note(&self, note: &NoteReport<'_>, options: &Options, _key: &str, out: &mut super::Rendered) {
        out.entries.extend(results(note, options));
    }

    fn error(&self, path: &str, _id: &Value, line: Option<usize>, message: &str, out: &mut super::Rendered) {
        out.notifications.push(notification(path, line, message));
    }

    fn end(&self, end: &super::Ending<'_>) -> String {
        self::end(end.rules.iter().copied(), &end.kept.notifications)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("notes/a b.md"), "notes/a%20b.md");
        assert_eq!(uri("./x.md"), "x.md");
        assert_eq!(uri("/tmp/笔记.md"), "file:///tmp/%E7%AC%94%E8%AE%B0.md");
        assert_eq!(uri("-"), "stdin");
    }
}
