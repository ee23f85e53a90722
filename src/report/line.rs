//! The `line` format: `path:line:col: severity: message [rule]`, one line per violation, which
//! Vim's `errorformat`, Emacs' compilation-mode and VS Code's problem matchers read as is.
//!
//! For a plain-text note, line and column are the file's (for the title and tags too: their
//! place in the front matter). For a JSON note they are the file's too: the record's line in a
//! JSONL file (line 1 of a `.json` document), column 1, since the field's text sits escaped
//! inside the JSON; the violation's place inside its field follows the field's name, as
//! `(body 1:3: 最好)`. Columns are 1-based, in characters, or in bytes with
//! [`Options::columns`] (`--columns byte`, for Vim's `%c`).
//!
//! One violation is one line, whatever its text: a line break inside the path, the message or
//! the quoted term (the overflow of a long body spans paragraphs) is written `\n` (`\r`, and
//! `\u{2028}` for the other line separators), as the `github` format escapes its own.

use std::borrow::Cow;
use std::fmt::Write;

use super::{NoteReport, Options, Origin};

/// Renders every violation of one note.
pub fn render(report: &NoteReport<'_>, options: &Options) -> String {
    let mut out = String::new();
    for v in report.in_file_order() {
        let unit = options.columns;
        let (line, col, inside) = match (report.file_position_in(v, unit), &report.origin) {
            (Some((line, col)), _) => (line, col, String::new()),
            (None, origin) => {
                let (fl, fc) = report.field_position_in(v, unit);
                let line = if let Origin::Record { line } = origin { *line } else { 1 };
                (line, 1, format!(" {fl}:{fc}"))
            }
        };
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {}: {} ({}{inside}: {}) [{}]",
            one_line(report.path),
            v.severity,
            one_line(&options.message(v)),
            v.field,
            one_line(&v.matched),
            v.rule
        );
    }
    out
}

/// `text` on one line: line breaks and the other line separators written as escapes
/// (`\n`, `\r`, `\u{2028}`); a text without any is returned as it is.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let breaks = |c: char| matches!(c, '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}');
    if !text.contains(breaks) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if breaks(c) => {
                let _ = write!(out, "\\u{{{:04X}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `--format line`: `path:line:col: severity: message [rule]`; unreadable records on stderr.
pub static LINE: super::Text = super::Text(render);

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

    #[test]
    fn line_breaks_are_escaped() {
        assert_eq!(one_line("第一段\r\n第二段\u{2028}"), "第一段\\r\\n第二段\\u{2028}");
        assert!(matches!(one_line("最好"), Cow::Borrowed("最好")));
    }

    #[test]
    fn a_json_record_is_placed_at_its_line_and_its_field_position_said() {
        let note = crate::Note::from_body("你好，这是全网最低价");
        let vs = crate::Linter::builtin().lint(&note);
        let r = NoteReport::new("n.jsonl", serde_json::json!(1), &note, Origin::Record { line: 7 }, &vs);
        let out = render(&r, &Options::default());
        let first = out.lines().next().expect("a line");
        assert!(first.starts_with("n.jsonl:7:1: "), "{out}");
        assert!(first.contains("(body 1:8: 最低价)"), "{out}");
    }
}
