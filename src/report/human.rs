//! The `human` format: one block per violation, the offending line with the span underlined.
//!
//! ```text
//! warning[B101]: 绝对化用语 / Absolute claim
//!   --> note.md:5:3 (body)
//!    |
//!  5 | 这是最好用的面霜
//!    |     ^^^^
//!    = basis: 《广告法》第九条第（三）项
//!    = fix (safe): 很好
//! ```
//! A term written in disguise adds `= read as: 微信 (written as 威❤信; by sound)`, and a severity
//! the note's context changed adds `= context: …` with the reason.
//! Columns are counted in terminal cells (`unicode-width`), so the carets sit under CJK and
//! emoji exactly. A plain-text note's title or tag violation is shown the same way, in its
//! front-matter line (`  --> note.md:2:8 (title)`); a JSON note's in its field, with the
//! field's own line numbers.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::{NoteReport, Options};

/// Renders every violation of one note.
pub fn render(report: &NoteReport<'_>, options: &Options) -> String {
    let mut out = String::new();
    for v in report.in_file_order() {
        // a plain-text note's violation is shown in the file's own line (a title or tag in its
        // front-matter line); a JSON note's in its field, counting the field's lines
        let placed = report.placed(v);
        let (text, span, first_line) = match placed {
            Some(p) => (p.text, p.span, p.first_line),
            None => (report.field_text(v.field), v.span, 1),
        };
        let index = report.index_of(text);
        let start = index.position(span.start);
        let gutter_no = first_line + start.line;
        let location = match placed {
            Some(_) => {
                let col = index.line_col(span.start, options.columns).1 + 1;
                format!("{}:{gutter_no}:{col} ({})", report.path, v.field)
            }
            None => {
                let (fline, fcol) = report.field_position_in(v, options.columns);
                let at = match &report.origin {
                    super::Origin::Record { line } => format!(":{line}"),
                    _ => String::new(),
                };
                format!(
                    "{}{at} [{}] {}:{fline}:{fcol}",
                    report.path,
                    id_text(&report.id),
                    v.field
                )
            }
        };
        let _ = writeln!(out, "{}[{}]: {}", v.severity, v.rule, options.message(v));
        let _ = writeln!(out, "  --> {location}");
        if let Some(at) = super::images::location(report.images, v) {
            let _ = writeln!(out, "   = image: {at}");
            if v.span.is_empty() && !v.matched.is_empty() {
                // a QR code: its payload is not in the text read
                let _ = writeln!(out, "   | QR code: {}", v.matched);
                super_notes(&mut out, v, options, "  ");
                continue;
            }
        }
        let line_text = index.line_text(start.line);
        let line_start = index.line_start(start.line);
        let line_end = line_start + line_text.len();
        let mark_end = span.end.min(line_end).max(span.start);
        // a long line is shown as a window around the span
        let (from, to) = window(text, line_start, line_end, span.start, mark_end);
        let before = &text[from..span.start];
        let marked = &text[span.start..mark_end.min(to)];
        let lead = if from > line_start { "…" } else { "" };
        let tail = if to < line_end { "…" } else { "" };
        // the underline copies the line's tabs so a terminal expands both alike
        let pad: String = lead
            .chars()
            .chain(before.chars())
            .map(|c| match c {
                '\t' => "\t".to_owned(),
                c => " ".repeat(unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)),
            })
            .collect();
        let carets = "^".repeat(marked.width().max(1));
        let gutter = " ".repeat(gutter_no.to_string().len());
        let _ = writeln!(out, "{gutter} |");
        let _ = writeln!(out, "{gutter_no} | {lead}{}{tail}", &text[from..to]);
        let _ = writeln!(out, "{gutter} | {pad}{carets}");
        super_notes(&mut out, v, options, &gutter);
    }
    out
}

/// The `=` lines under a violation (read as, context, basis, fixes) and the blank line after.
fn super_notes(out: &mut String, v: &crate::Violation, options: &Options, gutter: &str) {
    if let Some(r) = &v.reading {
        let how = r.how.join(", ");
        let _ = writeln!(
            out,
            "{gutter} = read as: {} (written as {}; by {how})",
            r.term, v.matched
        );
    }
    if let Some(why) = &v.context {
        let _ = writeln!(out, "{gutter} = context: {}", options.text(why));
    }
    let _ = writeln!(out, "{gutter} = basis: {}", v.basis);
    for s in &v.suggestions {
        let safety = if s.safe { "safe" } else { "unsafe" };
        let with = super::fix_text(v, s);
        let _ = writeln!(out, "{gutter} = fix ({safety}): {with}");
    }
    out.push('\n');
}

/// Most characters shown on either side of a span, and of a span itself.
const CONTEXT: usize = 40;

/// The byte range of the line `line_start..line_end` to show around the span `start..end`.
fn window(text: &str, line_start: usize, line_end: usize, start: usize, end: usize) -> (usize, usize) {
    let back = |from: usize, n: usize| {
        text[line_start..from]
            .char_indices()
            .rev()
            .nth(n.saturating_sub(1))
            .map_or(line_start, |(i, _)| line_start + i)
    };
    let fwd = |from: usize, n: usize| {
        text[from..line_end]
            .char_indices()
            .nth(n)
            .map_or(line_end, |(i, _)| from + i)
    };
    let from = if start - line_start > CONTEXT * 4 {
        back(start, CONTEXT)
    } else {
        line_start
    };
    let end = fwd(start, CONTEXT * 2).min(end.max(start)).max(start);
    let to = fwd(end, CONTEXT);
    (from, to)
}

fn id_text(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `--format human`: each note's violations with the line and the span underlined;
/// unreadable records on stderr.
pub static HUMAN: super::Text = super::Text(render);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::render_body_en;

    #[test]
    fn carets_keep_the_tabs_of_the_line() {
        let (text, _) = render_body_en("\t\t这是最好的面霜", "n.txt", 1, render);
        let lines: Vec<&str> = text.lines().collect();
        let src = lines.iter().position(|l| l.starts_with("1 | ")).expect("source line");
        assert!(lines[src + 1].starts_with("  | \t\t"), "{text}");
    }

    #[test]
    fn carets_align_under_cjk_and_emoji() {
        let (text, _) = render_body_en("🙂我觉得这是最好的面霜", "n.txt", 1, render);
        let lines: Vec<&str> = text.lines().collect();
        let src = lines.iter().position(|l| l.starts_with("1 | ")).expect("source line");
        let under = lines[src + 1];
        // the claim is 是最好: 🙂 is 2 cells, 我觉得这 8 cells, so the carets start at cell 10
        // after "  | ", and 是最好 is 6 cells wide
        assert_eq!(under, format!("  | {}{}", " ".repeat(10), "^".repeat(6)), "{text}");
        assert!(lines[0].starts_with("warning[B1"), "{text}");
        assert!(lines[1].contains("n.txt:1:6 (body)"), "{text}");
    }
}
