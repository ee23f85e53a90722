//! Property tests: whatever the input, every violation's span lies on char boundaries of the
//! ORIGINAL field text, is non-empty, and `matched` is exactly that slice.

use proptest::prelude::*;
use redlint::{Linter, Note};

/// Characters that exercise the normaliser and the matcher: CJK (simplified and traditional,
/// terms' own characters), full-width and maths letters, circled digits, emoji with ZWJ and
/// skin tones, variation selectors, zero-width and bidi controls, combining marks, CRLF.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '最', '好', '佳', '第', '一', '微', '信', '薇', '加', '电', '子', '烟', '菸', '電', '治', '疗', '秒', '杀',
            '领', '券', 'V', 'x', 'w', 'q', '❤', '\u{fe0f}', '\u{200d}', '\u{200b}', '\u{202e}', '🙂', '👩', '🏽',
            '🍑', '宝', '①', '⑴', '❶', 'Ｖ', 'ｘ', '𝐰', '１', '３', '８', '幺', '三', '八', ' ', '.', '-', '：', '\n',
            '\r', 'a', '\u{301}', '号', '搜', '淘', '群',
        ]),
        any::<char>(),
        prop::char::range('0', '9'),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..80).prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn spans_point_at_the_original_text(title in text(), body in text(), tag in text(), sponsored in any::<bool>()) {
        let note = Note::from_body(body).with_title(title).with_tags([tag]).sponsored(sponsored);
        for v in Linter::builtin().lint(&note) {
            let field = note.field_text(v.field);
            // only an empty body has nothing to point at
            let empty_body = v.rule == "F504" && field.trim().is_empty();
            prop_assert!(v.span.start < v.span.end || (empty_body && field.is_empty()), "empty span {:?}", v);
            prop_assert!(v.span.end <= field.len());
            prop_assert!(field.is_char_boundary(v.span.start) && field.is_char_boundary(v.span.end));
            prop_assert_eq!(&field[v.span.range()], v.matched.as_str());
        }
    }
}

#[test]
fn huge_and_degenerate_inputs_do_not_panic() {
    let linter = Linter::builtin();
    let huge = "最好用的面霜，加我微信🙂 ".repeat(50_000);
    assert!(!linter.lint_text(&huge).is_empty());
    for s in [
        "",
        "\u{feff}",
        "\u{301}",
        "\u{200d}\u{200d}",
        "\r\n\r\n",
        "🏽🏽🏽",
        "\u{10ffff}",
    ] {
        let _ = linter.lint(&Note::from_body(s).with_title(s).with_tags([s]));
    }
}
