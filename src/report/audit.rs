//! The account audit (`redlint audit`) as JSON and for people; the audit itself is
//! `crate::audit`, its HTML page `html.rs`.

use std::fmt::Write;

use crate::audit::{AuditReport, AuthorMonth, BadRecord};

/// The audit as a JSON document: the report, plus the records that could not be audited.
pub fn json(report: &AuditReport, bad: &[BadRecord]) -> String {
    let mut value = serde_json::to_value(report).expect("plain data");
    value["over_cap"] = serde_json::to_value(report.over_cap().collect::<Vec<_>>()).expect("plain data");
    value["unreadable"] = serde_json::to_value(bad).expect("plain data");
    let mut s = serde_json::to_string_pretty(&value).expect("plain data");
    s.push('\n');
    s
}

/// The audit for people: the author-months over the cap, the authors with undeclared
/// sponsorship, and a closing line.
pub fn human(report: &AuditReport, bad: &[BadRecord]) -> String {
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    let mut out = String::new();
    let over: Vec<&AuthorMonth> = report.over_cap().collect();
    if !over.is_empty() {
        let _ = writeln!(
            out,
            "sponsored share over the {} cap (商业笔记占比超过 {}):",
            pct(report.cap),
            pct(report.cap)
        );
        for m in &over {
            let _ = writeln!(
                out,
                "  {}  {}  {} of {} notes sponsored ({}): {} declared, {} undeclared with sponsorship cues",
                m.author,
                m.month,
                m.declared + m.undeclared_with_cues,
                m.notes,
                pct(m.sponsored_share),
                m.declared,
                m.undeclared_with_cues
            );
        }
        out.push('\n');
    }
    if !report.undeclared.is_empty() {
        let _ = writeln!(
            out,
            "notes not declared sponsored that carry sponsorship cues (未报备的商业合作):"
        );
        for a in &report.undeclared {
            let n = a.notes.len();
            let _ = writeln!(out, "  {} ({n} note{})", a.author, if n == 1 { "" } else { "s" });
            for n in &a.notes {
                let id = match &n.id {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let _ = writeln!(out, "    line {} [{}] {}: {}", n.line, id, n.month, n.cues.join("、"));
            }
        }
        out.push('\n');
    }
    let authors: std::collections::BTreeSet<&str> = report.author_months.iter().map(|m| m.author.as_str()).collect();
    let n = super::plural;
    let _ = write!(
        out,
        "audited {} by {} in {}: {} over the {} cap, {} with undeclared sponsorship",
        n(report.notes, "note"),
        n(authors.len(), "author"),
        n(report.author_months.len(), "author-month"),
        over.len(),
        pct(report.cap),
        n(report.undeclared.len(), "author")
    );
    if !bad.is_empty() {
        let _ = write!(out, "; {} could not be read", n(bad.len(), "record"));
    }
    out.push('\n');
    out
}
