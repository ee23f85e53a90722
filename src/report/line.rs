//! The `line` format: `path:line:col: severity: message [rule]`, one line per violation, which
//! Vim's `errorformat`, Emacs' compilation-mode and VS Code's problem matchers read as is.
//!
//! For a plain-text note, line and column are the file's; for a JSON record they are the
//! record's line and the column of the violation inside its field.

use std::fmt::Write;

use super::{NoteReport, Options, Origin, field_position};

/// Renders every violation of one note.
pub fn render(report: &NoteReport<'_>, options: &Options) -> String {
    let mut out = String::new();
    for v in report.violations {
        let (line, col) = match (report.file_position(v), &report.origin) {
            (Some(pos), _) => pos,
            (None, Origin::Record { line }) => (*line, field_position(report.note, v).1),
            (None, _) => field_position(report.note, v),
        };
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {}: {} ({}: {}) [{}]",
            report.path,
            v.severity,
            options.message(v),
            v.field,
            v.matched,
            v.rule
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lang, Linter, Note};

    #[test]
    fn one_parsable_line_per_violation() {
        let note = Note::from_body("第一行\n加我微信");
        let vs = Linter::builtin().lint(&note);
        let r = NoteReport {
            path: "a.txt",
            id: serde_json::json!("a.txt"),
            note: &note,
            origin: Origin::Text {
                body_line: 1,
                title_line: None,
                tag_lines: vec![],
            },
            violations: &vs,
        };
        let out = render(&r, &Options { lang: Some(Lang::En) });
        let first = out.lines().next().expect("a line");
        assert!(first.starts_with("a.txt:2:") && first.contains(": error: "), "{out}");
        assert!(first.ends_with(']'), "{out}");
        assert_eq!(out.lines().count(), vs.len());
    }
}
