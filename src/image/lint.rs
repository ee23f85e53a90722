//! Checking what was read in an image with the note's linter.

use super::Reading;
use crate::span::Span;
use crate::violation::{Category, Field, Message, Violation};
use crate::{Linter, Note};

/// What separates the note's body from an image's text when the text is linted in the body's
/// context: a paragraph break, which no term or pattern runs across.
const SEPARATOR: &str = "\n\n";

/// The rule a QR code that leads off the platform breaks.
pub const QR_RULE: &str = "O309";

/// The violations in image `index` of `note`, from what was `read` in it: the recognised text
/// linted as the field `images[index]` (with the note's title, body, tags and sponsorship as
/// context), and each QR code that leads off the platform. Each has its box in the image.
pub fn lint_image(linter: &Linter, note: &Note, index: usize, read: &Reading) -> Vec<Violation> {
    let field = Field::Image(index);
    let mut out = Vec::new();
    let text = read.text();
    if !text.trim().is_empty() {
        // the image's text after the note's body: the body's context counts (a product named
        // there, a sponsored note), while what is only in the body is the text check's
        // (the pictures themselves are not part of the context: no copy of their bytes)
        let mut context = Note {
            id: None,
            title: note.title.clone(),
            body: String::with_capacity(note.body.len() + SEPARATOR.len() + text.len()),
            tags: note.tags.clone(),
            sponsored: note.sponsored,
            images: Vec::new(),
        };
        context.body.push_str(&note.body);
        context.body.push_str(SEPARATOR);
        let offset = context.body.len();
        context.body.push_str(&repair_confusions(&text));
        for mut v in linter.lint(&context) {
            if v.field != Field::Body
                || v.span.start < offset
                || matches!(v.category, Category::Format | Category::Brief)
            {
                continue;
            }
            v.field = field;
            v.span = Span::new(v.span.start - offset, v.span.end - offset);
            v.matched = text[v.span.range()].to_owned();
            v.bbox = read.text_box(v.span.start, v.span.end);
            out.push(v);
        }
    }
    let rule = linter.rules().find(|r| r.id == QR_RULE && linter.is_enabled(&r.id));
    if let Some(rule) = rule {
        for code in &read.codes {
            let lints_off = |payload: &str| {
                linter
                    .lint_text(payload)
                    .iter()
                    .any(|v| v.category == Category::OffPlatform && v.severity == crate::Severity::Error)
            };
            let Some(why) = super::qr::off_platform(&code.payload, lints_off) else {
                continue;
            };
            let mut v = rule.violation(
                field,
                &code.payload,
                Span::new(0, code.payload.len()),
                note.sponsored,
                None,
            );
            // the payload is not in the recognised text: the span is empty, `matched` holds it
            v.span = Span::new(0, 0);
            v.context = Some(Message {
                zh: format!("图中二维码（{}）", why_zh(why)),
                en: format!("QR code in the image ({why})"),
            });
            v.bbox = Some(code.bbox);
            out.push(v);
        }
    }
    out
}

fn why_zh(why: &str) -> &'static str {
    match why {
        "a WeChat code" => "微信码",
        "a link off the platform" => "站外链接",
        "a phone number" => "电话号码",
        "an e-mail address" => "邮箱",
        "a contact card" => "名片",
        "an Alipay code" => "支付宝码",
        "a shop link" => "店铺链接",
        "a Douyin link" => "抖音链接",
        "a QQ code" => "QQ码",
        _ => "站外联系方式",
    }
}

/// The text with OCR's usual confusions undone inside runs of digits, byte for byte (so spans
/// still fit the text as read): in a run of ASCII letters and digits that is mostly digits,
/// `O`/`o` is read as `0` and `l`/`I`/`|` as `1` (`138l234567O` is a phone number).
pub fn repair_confusions(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let confusable = |b: u8| matches!(b, b'O' | b'o' | b'l' | b'I' | b'|');
    let mut i = 0;
    while i < bytes.len() {
        if !(bytes[i].is_ascii_alphanumeric() || bytes[i] == b'|') {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'|') {
            i += 1;
        }
        let run = &bytes[start..i];
        let digits = run.iter().filter(|b| b.is_ascii_digit()).count();
        let others = run.iter().filter(|&&b| !b.is_ascii_digit() && !confusable(b)).count();
        if digits >= 4 && others == 0 && digits * 2 > run.len() {
            for (o, &b) in out[start..i].iter_mut().zip(run) {
                *o = match b {
                    b'O' | b'o' => b'0',
                    b'l' | b'I' | b'|' => b'1',
                    b => b,
                };
            }
        }
    }
    String::from_utf8(out).expect("ASCII replaced by ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::{Code, TextLine};

    fn reading(lines: &[&str], codes: &[&str]) -> Reading {
        Reading {
            width: 1000,
            height: 1000,
            lines: lines
                .iter()
                .enumerate()
                .map(|(i, t)| TextLine {
                    text: (*t).to_owned(),
                    bbox: [100, 100 + 60 * i as u32, 40 * t.chars().count() as u32, 50],
                    score: 0.99,
                    chars: Vec::new(),
                })
                .collect(),
            codes: codes
                .iter()
                .map(|p| Code {
                    payload: (*p).to_owned(),
                    bbox: [500, 500, 200, 200],
                })
                .collect(),
            text_checked: true,
        }
    }

    #[test]
    fn confusions_are_undone_in_numbers_only() {
        assert_eq!(repair_confusions("电话138l234567O"), "电话13812345670");
        assert_eq!(repair_confusions("Hello 2024 lOl"), "Hello 2024 lOl");
        assert_eq!(repair_confusions("QQ: 2O24l234 IO12O3"), "QQ: 20241234 IO12O3");
    }

    #[test]
    fn image_text_is_linted_as_its_own_field_with_boxes() {
        let linter = Linter::builtin();
        let note = Note::from_body("今天分享一款面霜");
        let read = reading(&["水润不油腻", "加微信abc12345领取"], &[]);
        let vs = lint_image(&linter, &note, 2, &read);
        assert!(!vs.is_empty(), "{vs:?}");
        let text = read.text();
        for v in &vs {
            assert_eq!(v.field, Field::Image(2));
            assert_eq!(&text[v.span.range()], v.matched);
            let b = v.bbox.unwrap();
            assert!(b[1] >= 160 && b[1] < 210, "{b:?}: on the second line");
        }
        assert!(vs.iter().any(|v| v.category == Category::OffPlatform));
        // the body's own violations are not the image's
        let quiet = lint_image(
            &linter,
            &Note::from_body("加微信abc12345"),
            0,
            &reading(&["早餐吃燕麦"], &[]),
        );
        assert!(quiet.is_empty(), "{quiet:?}");
    }

    #[test]
    fn off_platform_codes_are_errors_with_their_payload() {
        let linter = Linter::builtin();
        let read = reading(
            &[],
            &["https://u.wechat.com/abc", "https://www.xiaohongshu.com/x", "早安"],
        );
        let vs = lint_image(&linter, &Note::default(), 0, &read);
        assert_eq!(vs.len(), 1, "{vs:?}");
        assert_eq!(vs[0].matched, "https://u.wechat.com/abc");
        assert_eq!(vs[0].severity, crate::Severity::Error);
        assert_eq!(vs[0].bbox, Some([500, 500, 200, 200]));
    }
}
