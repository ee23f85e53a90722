//! Arbitrary notes through the builtin linter: no panic, and every span is a non-empty slice
//! of its field's original text on char boundaries, equal to `matched`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use redlint::{Linter, Note};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // split the input into title / body / tags at the first two U+0001 bytes, if any
    let mut parts = text.splitn(3, '\u{1}');
    let title = parts.next().unwrap_or_default();
    let body = parts.next().unwrap_or(text);
    let tags: Vec<&str> = parts.next().map(|t| t.split('\u{2}').collect()).unwrap_or_default();
    let note = Note::from_body(body).with_title(title).with_tags(tags).sponsored(data.len() % 2 == 0);
    for v in Linter::builtin().lint(&note) {
        let field = note.field_text(v.field);
        assert!(v.span.start < v.span.end && v.span.end <= field.len(), "{v:?}");
        assert!(field.is_char_boundary(v.span.start) && field.is_char_boundary(v.span.end));
        assert_eq!(&field[v.span.range()], v.matched);
    }
    // the front-matter reader must not panic either, and its body offset must be exact
    if let Ok(parsed) = Note::from_text(text) {
        assert_eq!(&text[parsed.body_offset..], parsed.note.body);
    }
});
