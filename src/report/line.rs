//! The `line` format: `path:line:col: severity: message [rule]`, one line per violation, which
//! Vim's `errorformat`, Emacs' compilation-mode and VS Code's problem matchers read as is.
//!
//! For a plain-text note, line and column are the file's (for the title and tags too: their
//! place in the front matter); for a JSON record they are the record's line and the column of
//! the violation inside its field. Columns are 1-based, in characters, or in bytes with
//! [`Options::columns`] (`--columns byte`, for Vim's `%c`).

use std::fmt::Write;

use super::{NoteReport, Options, Origin};

/// Renders every violation of one note.
pub fn render(report: &NoteReport<'_>, options: &Options) -> String {
    let mut out = String::new();
    for v in report.in_file_order() {
        let unit = options.columns;
        let (line, col) = match (report.file_position_in(v, unit), &report.origin) {
            (Some(pos), _) => pos,
            (None, Origin::Record { line }) => (*line, report.field_position_in(v, unit).1),
            (None, _) => report.field_position_in(v, unit),
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
    use crate::report::render_body_en;

    #[test]
    fn one_parsable_line_per_violation() {
        let (out, vs) = render_body_en("第一行\n加我微信", "a.txt", 1, render);
        let first = out.lines().next().expect("a line");
        assert!(first.starts_with("a.txt:2:") && first.contains(": error: "), "{out}");
        assert!(first.ends_with(']'), "{out}");
        assert_eq!(out.lines().count(), vs.len());
    }
}
