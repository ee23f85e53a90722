//! What the editor tests expect: the emoji-rich note, and where the library's violations must
//! land in it, placed here by hand (not with the library's own mapping) so the server's
//! positions are checked against an independent count.
#![allow(dead_code)]

use redlint::{Field, Linter, Note};

/// A note full of what goes wrong when columns are counted wrong: the family emoji (5 chars,
/// 8 UTF-16 units, 18 bytes), skin tones, CJK, a CRLF line, front matter with a title and tags.
pub const NOTE: &str = "---\ntitle: 👩‍👩‍👧全网最低价\ntags: [#👍🏽好物, \"🙂国家级\"]\n---\n🙂🙂今天分享👍🏽\r\n这是👩‍👩‍👧全网最好用的面霜，加我微信\n";

/// One violation where an editor must show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// The rule id (the diagnostic's code).
    pub rule: String,
    /// Byte range in the document.
    pub start: usize,
    pub end: usize,
    /// The document's text there.
    pub matched: String,
    /// The first safe suggestion, if any.
    pub fix: Option<String>,
    /// Whether it is in the title, a tag, or the body.
    pub field: Field,
}

/// Byte offset where the line starting with `prefix` starts.
fn line_starting(text: &str, prefix: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with(prefix) {
            return at;
        }
        at += line.len();
    }
    panic!("no line starting with {prefix}");
}

/// The builtin linter's violations of the note in `text`, placed in the document.
pub fn expected(text: &str) -> Vec<Expected> {
    let note = Note::from_text(text).expect("the note reads").note;
    let body_start = if text.starts_with("---\n") {
        let close = text[3..].find("\n---").expect("a closing fence") + 3 + 4;
        close + text[close..].find('\n').expect("a line end after the fence") + 1
    } else {
        0
    };
    Linter::builtin()
        .lint(&note)
        .into_iter()
        .map(|v| {
            let base = match v.field {
                Field::Body => body_start,
                Field::Title => {
                    let line = line_starting(text, "title:");
                    let value = &text[line + "title:".len()..];
                    line + "title:".len() + (value.len() - value.trim_start_matches([' ', '"']).len())
                }
                Field::Tag(i) => {
                    let line = line_starting(text, "tags:");
                    let mut from = line;
                    for (j, tag) in note.tags.iter().enumerate().take(i + 1) {
                        from += text[from..].find(tag.as_str()).expect("the tag on its line");
                        if j < i {
                            from += tag.len();
                        }
                    }
                    from
                }
                Field::Image(_) => unreachable!("a text note has no pictures"),
            };
            let (start, end) = (base + v.span.start, base + v.span.end);
            assert_eq!(&text[start..end], v.matched, "placed by hand: {v:?}");
            Expected {
                rule: v.rule.clone(),
                start,
                end,
                matched: v.matched.clone(),
                fix: v.suggestions.iter().find(|s| s.safe).map(|s| s.replacement.clone()),
                field: v.field,
            }
        })
        .collect()
}

/// Asserts that the fixture still exercises what the tests are for: a violation in the title,
/// one in a tag, one in the body after an emoji on its line, and one with a safe quick fix.
pub fn assert_fixture_covers(text: &str, found: &[Expected]) {
    let after_emoji = |e: &Expected| {
        let line_start = text[..e.start].rfind('\n').map_or(0, |i| i + 1);
        text[line_start..e.start].chars().any(|c| c.len_utf16() == 2)
    };
    assert!(
        found.iter().any(|e| e.field == Field::Title),
        "a title violation in {found:#?}"
    );
    assert!(
        found.iter().any(|e| matches!(e.field, Field::Tag(_))),
        "a tag violation in {found:#?}"
    );
    assert!(
        found.iter().any(|e| e.field == Field::Body && after_emoji(e)),
        "a body violation after an emoji in {found:#?}"
    );
    assert!(
        found.iter().any(|e| e.fix.is_some()),
        "a violation with a safe fix in {found:#?}"
    );
}
