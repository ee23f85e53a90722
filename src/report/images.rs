//! What reports say of a note's pictures: per image, its name, size, the text read in it (or
//! why not), and a picture to show with the violations' boxes drawn (html).

use std::fmt::Write;

use serde::Serialize;

use crate::violation::{Field, Violation};

/// One of a note's pictures, as checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImageReport {
    /// Its 0-based index in the note's `images` (the `N` of the field `images[N]`).
    pub image: usize,
    /// The path as the note gives it (or `<N bytes>`).
    pub path: String,
    /// Width in pixels (0 when it could not be read).
    #[serde(skip_serializing_if = "is_zero")]
    pub width: u32,
    /// Height in pixels.
    #[serde(skip_serializing_if = "is_zero")]
    pub height: u32,
    /// The recognised text, lines joined by `\n`: what the spans of its violations point into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocr_text: Option<String>,
    /// Whether its text was read and checked (false without OCR models: only its QR codes
    /// were).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_checked: Option<bool>,
    /// Why it could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// For the html format: a picture of it (a data URI, scaled down), shown with the boxes
    /// drawn over it in the image's own pixels.
    #[serde(skip)]
    pub picture: Option<String>,
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

impl ImageReport {
    /// The text its violations' spans point into (empty when none was read).
    pub fn text(&self) -> &str {
        self.ocr_text.as_deref().unwrap_or("")
    }
}

/// `data:<mime>;base64,<bytes>`.
pub fn data_uri(mime: &str, bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4 + mime.len() + 13);
    let _ = write!(out, "data:{mime};base64,");
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// How the human formats name where a violation in an image stands: `images[1] (2.png) box
/// [x, y, w, h]`.
pub fn location(images: &[ImageReport], v: &Violation) -> Option<String> {
    let Field::Image(i) = v.field else { return None };
    let name = images
        .iter()
        .find(|r| r.image == i)
        .map_or(String::new(), |r| format!(" ({})", r.path));
    Some(match v.bbox {
        Some([x, y, w, h]) => format!("images[{i}]{name} box [{x}, {y}, {w}, {h}]"),
        None => format!("images[{i}]{name}"),
    })
}

/// What starts each picture in the html (the page allows data-URI images when it has one).
pub const FIGURE: &str = "<figure class=\"pic\"";

/// The html of the pictures of a note: each image as an SVG, the picture under the boxes of
/// its violations, each box a link to its violation (`{key}-v{index}`), with the text read.
/// Only presentation attributes, no inline style (the page's CSP allows none).
pub fn html_figures(images: &[ImageReport], violations: &[(usize, &Violation)], key: &str) -> String {
    let mut out = String::new();
    if images.is_empty() {
        return out;
    }
    out.push_str("<div class=\"f images\"><span class=\"fl\">images</span><div class=\"tx\">\n");
    for img in images {
        let _ = write!(out, "{FIGURE} id=\"{key}-img{}\">", img.image);
        if let (Some(pic), true) = (&img.picture, img.width > 0 && img.height > 0) {
            let (w, h) = (img.width, img.height);
            let shown = 360u32;
            let stroke = (w.max(h) / 300).max(2);
            let _ = write!(
                out,
                "<svg viewBox=\"0 0 {w} {h}\" width=\"{shown}\" height=\"{}\" role=\"img\"><image href=\"{pic}\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\"/>",
                (shown as u64 * h as u64 / w as u64).max(1)
            );
            for (i, v) in violations.iter().filter(|(_, v)| v.field == Field::Image(img.image)) {
                let Some([x, y, bw, bh]) = v.bbox else { continue };
                let colour = match v.severity {
                    crate::Severity::Error => "#d1242f",
                    crate::Severity::Warning => "#bf8700",
                    crate::Severity::Info => "#0969da",
                };
                let _ = write!(
                    out,
                    "<a href=\"#{key}-v{i}\"><rect x=\"{x}\" y=\"{y}\" width=\"{bw}\" height=\"{bh}\" fill=\"{colour}\" fill-opacity=\"0.12\" stroke=\"{colour}\" stroke-width=\"{stroke}\"><title>{}</title></rect></a>",
                    super::html::escape(&format!("{} {}", v.rule, v.matched))
                );
            }
            out.push_str("</svg>");
        }
        let _ = write!(
            out,
            "<figcaption>images[{}] {}",
            img.image,
            super::html::escape(&img.path)
        );
        if let Some(e) = &img.error {
            let _ = write!(out, ": <b>{}</b>", super::html::escape(e));
        } else if img.text_checked == Some(false) {
            out.push_str(": text not checked (no OCR models)");
        }
        if let Some(t) = img.ocr_text.as_deref().filter(|t| !t.is_empty()) {
            let _ = write!(out, "<pre>{}</pre>", super::html::escape(t));
        }
        out.push_str("</figcaption></figure>\n");
    }
    out.push_str("</div></div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_the_rfc_gives_it() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(data_uri("x/y", raw.as_bytes()), format!("data:x/y;base64,{enc}"));
        }
    }
}
