//! The `github` format: GitHub Actions workflow commands, which the runner turns into
//! annotations on the pull request's files.
//!
//! ```text
//! ::warning file=notes/a.md,line=5,col=3,endLine=5,endColumn=5,title=B101 superlative-claim::绝对化用语 / Absolute claim (body: 最好)
//! ```
//!
//! `error` and `warning` keep their names, `info` is a `notice`. Columns are in characters,
//! `endColumn` the column after the last one. Values are escaped as the runner expects (`%`,
//! CR and LF everywhere; `:` and `,` in properties too).

use std::fmt::Write;

use super::{NoteReport, Options};
use crate::violation::Severity;

/// The workflow command of a severity.
pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One annotation per violation of one note.
pub fn render(report: &NoteReport<'_>, options: &Options) -> String {
    let mut out = String::new();
    for v in report.in_file_order() {
        let mut props = format!("file={}", escape_property(report.path));
        if let Some(r) = report.file_region(v) {
            let _ = write!(props, ",line={},endLine={}", r.start_line, r.end_line);
            if let Some((a, b)) = r.char_cols {
                let _ = write!(props, ",col={a},endColumn={b}");
            }
        }
        let _ = write!(props, ",title={}", escape_property(&format!("{} {}", v.rule, v.name)));
        let _ = writeln!(
            out,
            "::{} {props}::{}",
            command(v.severity),
            escape_data(&format!("{} ({}: {})", options.message(v), v.field, v.matched))
        );
    }
    out
}

/// An annotation for a source or record that could not be read.
pub fn error(path: &str, line: Option<usize>, message: &str) -> String {
    let line = line.map(|l| format!(",line={l}")).unwrap_or_default();
    format!(
        "::error file={}{line},title=redlint::{}\n",
        escape_property(path),
        escape_data(message)
    )
}

/// `--format github`: GitHub Actions annotations, unreadable records too.
#[derive(Debug, Clone, Copy)]
pub struct Github;

impl super::Renderer for Github {
    fn note(&self, note: &NoteReport<'_>, options: &Options, _key: &str, out: &mut super::Rendered) {
        out.text = render(note, options);
    }

    fn error(
        &self,
        path: &str,
        _id: &serde_json::Value,
        line: Option<usize>,
        message: &str,
        out: &mut super::Rendered,
    ) {
        out.text = error(path, line, message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::render_body_en;

    #[test]
    fn annotations_point_at_the_span() {
        let (out, _) = render_body_en("第一行\n这是最好用的", "a,b.md", 3, render);
        let first = out.lines().next().unwrap();
        assert!(
            first.starts_with("::warning file=a%2Cb.md,line=4,endLine=4,col=2,endColumn=5,title=B1"),
            "{first}"
        );
        assert_eq!(escape_data("a%\nb"), "a%25%0Ab");
    }
}
