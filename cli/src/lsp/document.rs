//! A document's text, its edits, and from its text to LSP diagnostics and code actions. No
//! I/O and no server state, so the benchmark (`cli/benches/lsp.rs`) measures exactly this code.
//!
//! Positions: violations carry byte spans into their field; [`redlint::TextNote::file_span`]
//! moves them into the document (the body after the front matter, the title and each tag on
//! its own front-matter line), and [`LineIndex`] turns those bytes into the negotiated column
//! unit (UTF-8 or UTF-16) and back.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, Location, NumberOrString, Position, Range, TextDocumentContentChangeEvent, TextEdit, Uri,
    WorkspaceEdit,
};
use redlint::{ColumnUnit, FrontMatterError, Lang, LineIndex, Linter, Note, Severity, Span, Violation};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "redlint";
/// The command behind "allow this term in this workspace".
pub const ALLOW_COMMAND: &str = "redlint.allow";
/// The code of the diagnostic for a front-matter header that cannot be read.
pub const FRONT_MATTER_CODE: &str = "front-matter";

/// How diagnostics are written for this client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Language of messages; `None`: both, `中文 / English`.
    pub lang: Option<Lang>,
    /// The negotiated position encoding.
    pub unit: ColumnUnit,
    /// Whether the client shows `relatedInformation` (the basis goes there); else the basis
    /// is appended to the message.
    pub related_information: bool,
}

/// One violation and where it is in the document.
#[derive(Debug, Clone)]
pub struct Found {
    /// What the linter said.
    pub violation: Violation,
    /// Byte range in the document's text.
    pub span: Span,
}

/// A linted document.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// Every violation, in the linter's order.
    pub found: Vec<Found>,
    /// Why the front matter could not be read (then the whole text was linted as the body).
    pub front_matter: Option<FrontMatterError>,
}

/// Lints a document: a plain-text or Markdown note with an optional front-matter header, as
/// `redlint check` reads it. `sponsored` forces the note to be treated as sponsored.
pub fn check(linter: &Linter, text: &str, sponsored: bool) -> Checked {
    match Note::from_text(text) {
        Ok(parsed) => {
            let mut note = parsed.note.clone();
            note.sponsored |= sponsored;
            let found = linter
                .lint(&note)
                .into_iter()
                .filter_map(|v| {
                    let span = parsed.file_span(v.field, v.span)?;
                    Some(Found { violation: v, span })
                })
                .collect();
            Checked {
                found,
                front_matter: None,
            }
        }
        Err(e) => {
            // while a header is being typed it is often unclosed: still lint what is there
            let note = Note::from_body(text).sponsored(sponsored);
            let found = linter
                .lint(&note)
                .into_iter()
                .map(|v| Found {
                    span: v.span,
                    violation: v,
                })
                .collect();
            Checked {
                found,
                front_matter: Some(e),
            }
        }
    }
}

/// An LSP range from a byte span.
pub fn range(index: &LineIndex<'_>, span: Span, unit: ColumnUnit) -> Range {
    let ((l0, c0), (l1, c1)) = index.range(span, unit);
    Range::new(Position::new(l0 as u32, c0 as u32), Position::new(l1 as u32, c1 as u32))
}

/// The byte span of an LSP range (clamped to the text, snapped to characters).
pub fn span(index: &LineIndex<'_>, range: Range, unit: ColumnUnit) -> Span {
    let p = |p: Position| (p.line as usize, p.character as usize);
    index.span(p(range.start), p(range.end), unit)
}

/// Applies one change of a `textDocument/didChange`: the whole text, or a range replaced (the
/// range in the negotiated unit, converted exactly; a client's changes apply in order).
pub fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent, unit: ColumnUnit) {
    match change.range {
        None => *text = change.text,
        Some(r) => {
            let at = span(&LineIndex::new(text), r, unit);
            text.replace_range(at.range(), &change.text);
        }
    }
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

fn message(v: &Violation, lang: Option<Lang>) -> String {
    redlint::report::Options {
        lang,
        ..Default::default()
    }
    .message(v)
}

fn basis_label(lang: Option<Lang>) -> &'static str {
    match lang {
        Some(Lang::Zh) => "依据",
        Some(Lang::En) => "Basis",
        None => "依据 / Basis",
    }
}

/// The diagnostics of a linted document.
pub fn diagnostics(uri: &Uri, index: &LineIndex<'_>, checked: &Checked, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::with_capacity(checked.found.len() + 1);
    if let Some(e) = &checked.front_matter {
        let line = e.line.saturating_sub(1);
        let end = index.line_start(line) + index.line_text(line).len();
        let message = match options.lang {
            Some(Lang::Zh) => format!("无法读取文件头：{}", e.message),
            _ => format!("front matter: {}", e.message),
        };
        out.push(Diagnostic {
            range: range(index, Span::new(index.line_start(line), end), options.unit),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String(FRONT_MATTER_CODE.to_owned())),
            source: Some(SOURCE.to_owned()),
            message,
            ..Diagnostic::default()
        });
    }
    for f in &checked.found {
        out.push(diagnostic(uri, index, f, options));
    }
    out
}

/// The diagnostic of one violation.
pub fn diagnostic(uri: &Uri, index: &LineIndex<'_>, f: &Found, options: &Options) -> Diagnostic {
    let v = &f.violation;
    let range = range(index, f.span, options.unit);
    let basis = format!("{}: {}", basis_label(options.lang), v.basis);
    let (message, related) = if v.basis.is_empty() {
        (message(v, options.lang), None)
    } else if options.related_information {
        let related = DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range),
            message: basis,
        };
        (message(v, options.lang), Some(vec![related]))
    } else {
        (format!("{} ({basis})", message(v, options.lang)), None)
    };
    Diagnostic {
        range,
        severity: Some(severity(v.severity)),
        code: Some(NumberOrString::String(v.rule.clone())),
        code_description: None,
        source: Some(SOURCE.to_owned()),
        message,
        related_information: related,
        tags: None,
        data: Some(serde_json::json!({ "name": v.name, "category": v.category, "matched": v.matched })),
    }
}

/// The code actions for the violations that touch `span` (byte range of the request): one
/// quick fix per suggestion (the first safe one preferred), then "allow this term in this
/// workspace" per distinct term.
pub fn code_actions(
    uri: &Uri,
    index: &LineIndex<'_>,
    checked: &Checked,
    span: Span,
    options: &Options,
) -> Vec<CodeActionOrCommand> {
    let mut fixes = Vec::new();
    let mut allows: Vec<CodeActionOrCommand> = Vec::new();
    let mut allowed: Vec<&str> = Vec::new();
    for f in &checked.found {
        // a cursor (empty range) at either end of a violation still asks about it
        if !(f.span.start <= span.end && span.start <= f.span.end) {
            continue;
        }
        let v = &f.violation;
        let diagnostic = diagnostic(uri, index, f, options);
        let range = diagnostic.range;
        let mut preferred_taken = false;
        for s in &v.suggestions {
            let preferred = s.safe && !preferred_taken;
            preferred_taken |= preferred;
            let edit = TextEdit::new(range, s.replacement.clone());
            fixes.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix_title(&v.matched, &s.replacement, options.lang),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(preferred),
                ..CodeAction::default()
            }));
        }
        if allowed.contains(&v.matched.as_str()) {
            continue;
        }
        allowed.push(&v.matched);
        let title = allow_title(&v.matched, options.lang);
        allows.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: title.clone(),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            command: Some(Command {
                title,
                command: ALLOW_COMMAND.to_owned(),
                arguments: Some(vec![serde_json::json!({ "term": v.matched, "uri": uri.as_str() })]),
            }),
            is_preferred: Some(false),
            ..CodeAction::default()
        }));
    }
    fixes.extend(allows);
    fixes
}

fn fix_title(matched: &str, replacement: &str, lang: Option<Lang>) -> String {
    let zh = if replacement.is_empty() {
        format!("删除「{matched}」")
    } else {
        format!("将「{matched}」改为「{replacement}」")
    };
    let en = if replacement.is_empty() {
        format!("Delete “{matched}”")
    } else {
        format!("Replace “{matched}” with “{replacement}”")
    };
    match lang {
        Some(Lang::Zh) => zh,
        Some(Lang::En) => en,
        None => format!("{zh} / {en}"),
    }
}

fn allow_title(term: &str, lang: Option<Lang>) -> String {
    let zh = format!("在本工作区允许「{term}」（写入 redlint.toml）");
    let en = format!("Allow “{term}” in this workspace (redlint.toml)");
    match lang {
        Some(Lang::Zh) => zh,
        Some(Lang::En) => en,
        None => format!("{zh} / {en}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri() -> Uri {
        "file:///tmp/note.md".parse().expect("a uri")
    }

    #[test]
    fn ranges_cover_the_term_in_body_title_and_tags() {
        let text =
            "---\r\ntitle: 🙂全网最低价\r\ntags: [#👩‍👩‍👧好物, 国家级]\r\n---\r\n👍🏽今天分享\r\n这是最好用的面霜，加我微信";
        let checked = check(&Linter::builtin(), text, false);
        assert!(checked.front_matter.is_none());
        let index = LineIndex::new(text);
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16] {
            let options = Options {
                lang: Some(Lang::En),
                unit,
                related_information: true,
            };
            let ds = diagnostics(&uri(), &index, &checked, &options);
            assert_eq!(ds.len(), checked.found.len());
            for (d, f) in ds.iter().zip(&checked.found) {
                // the range, converted back, is exactly the matched text
                assert_eq!(&text[span(&index, d.range, unit).range()], f.violation.matched);
                assert_eq!(d.source.as_deref(), Some(SOURCE));
                assert_eq!(d.code, Some(NumberOrString::String(f.violation.rule.clone())));
            }
            let lines: Vec<u32> = ds.iter().map(|d| d.range.start.line).collect();
            assert!(
                lines.contains(&1) && lines.contains(&2) && lines.contains(&5),
                "{lines:?}"
            );
        }
        // UTF-16: on `这是最好用的面霜，加我微信` 加 is at column 9; the title's term is after `🙂`
        let options = Options {
            lang: Some(Lang::Zh),
            unit: ColumnUnit::Utf16,
            related_information: false,
        };
        let ds = diagnostics(&uri(), &index, &checked, &options);
        let wechat = ds
            .iter()
            .find(|d| d.range.start.line == 5 && d.range.start.character == 9);
        assert!(wechat.is_some(), "{ds:#?}");
        assert!(wechat.unwrap().message.contains("依据"), "basis in the message");
        let title = ds.iter().find(|d| d.range.start.line == 1).expect("a title diagnostic");
        assert!(title.range.start.character >= "title: 🙂".encode_utf16().count() as u32);
    }

    #[test]
    fn broken_front_matter_is_reported_and_the_text_still_linted() {
        let text = "---\ntitle: x\n加我微信";
        let checked = check(&Linter::builtin(), text, false);
        let options = Options {
            lang: None,
            unit: ColumnUnit::Utf16,
            related_information: true,
        };
        let ds = diagnostics(&uri(), &LineIndex::new(text), &checked, &options);
        assert_eq!(ds[0].code, Some(NumberOrString::String(FRONT_MATTER_CODE.into())));
        assert!(ds.iter().any(|d| d.range.start.line == 2));
    }

    #[test]
    fn incremental_changes_land_on_the_right_characters() {
        let edit = |l0, c0, l1, c1, text: &str| TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
            range_length: None,
            text: text.to_owned(),
        };
        let start = "👩‍👩‍👧最好\r\n👍🏽第一";
        // UTF-16: the family is 8 units; replace 最好 with 很好
        let mut doc = start.to_owned();
        apply_change(&mut doc, edit(0, 8, 0, 10, "很好"), ColumnUnit::Utf16);
        assert_eq!(doc, "👩‍👩‍👧很好\r\n👍🏽第一");
        // then join the lines (the CRLF goes) and insert after 👍🏽 (4 units)
        apply_change(&mut doc, edit(0, 10, 1, 0, ""), ColumnUnit::Utf16);
        assert_eq!(doc, "👩‍👩‍👧很好👍🏽第一");
        apply_change(&mut doc, edit(0, 14, 0, 14, "🙂"), ColumnUnit::Utf16);
        assert_eq!(doc, "👩‍👩‍👧很好👍🏽🙂第一");
        // UTF-8: the same edits in bytes
        let mut doc = start.to_owned();
        apply_change(&mut doc, edit(0, 18, 0, 24, "很好"), ColumnUnit::Utf8);
        apply_change(&mut doc, edit(1, 8, 1, 8, "🙂"), ColumnUnit::Utf8);
        assert_eq!(doc, "👩‍👩‍👧很好\r\n👍🏽🙂第一");
        // a whole-text change
        apply_change(
            &mut doc,
            TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "新".to_owned(),
            },
            ColumnUnit::Utf8,
        );
        assert_eq!(doc, "新");
    }

    #[test]
    fn code_actions_fix_and_allow() {
        let text = "🙂它最好用";
        let checked = check(&Linter::builtin(), text, false);
        let index = LineIndex::new(text);
        let options = Options {
            lang: Some(Lang::En),
            unit: ColumnUnit::Utf16,
            related_information: true,
        };
        let at = text.find("最好").unwrap();
        let actions = code_actions(&uri(), &index, &checked, Span::new(at, at), &options);
        let titles: Vec<&str> = actions
            .iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a.title.as_str(),
                CodeActionOrCommand::Command(c) => c.title.as_str(),
            })
            .collect();
        assert!(titles.iter().any(|t| t.starts_with("Replace")), "{titles:?}");
        assert!(titles.last().unwrap().starts_with("Allow"), "{titles:?}");
        // nothing away from the violation
        assert!(code_actions(&uri(), &index, &checked, Span::new(0, 0), &options).is_empty());
    }
}
