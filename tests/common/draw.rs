//! Pictures for the image tests and the bench: text drawn with Noto Sans CJK (Debian's
//! `fonts-noto-cjk`) and QR codes drawn by an encoder, with where each was put.
#![allow(dead_code)]

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use image::{Rgb, RgbImage};

/// Where Debian installs the font.
pub const FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
/// The face of the collection for simplified Chinese.
const FACE: u32 = 2;

/// The font's bytes, or `None` when it is not installed.
pub fn font_bytes() -> Option<Vec<u8>> {
    std::fs::read(FONT).ok()
}

/// One line to draw.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub text: &'a str,
    pub x: u32,
    pub y: u32,
    /// Pixel height of the font.
    pub size: f32,
    pub colour: [u8; 3],
    /// Degrees, clockwise, about the line's left end.
    pub angle: f32,
}

/// Draws `line` on `img`; returns the box it covers `[x, y, w, h]`.
pub fn draw_line(img: &mut RgbImage, font_data: &[u8], line: &Line<'_>) -> [u32; 4] {
    let font = FontRef::try_from_slice_and_index(font_data, FACE).expect("the Noto CJK collection");
    let scale = PxScale::from(line.size);
    let scaled = font.as_scaled(scale);
    let width: f32 = line.text.chars().map(|c| scaled.h_advance(font.glyph_id(c))).sum();
    let (lw, lh) = (
        width.ceil() as usize + 2,
        (scaled.ascent() - scaled.descent()).ceil() as usize + 2,
    );
    // coverage of the unrotated line
    let mut cov = vec![0f32; lw * lh];
    let mut pen = 0f32;
    for c in line.text.chars() {
        let id = font.glyph_id(c);
        let glyph = id.with_scale_and_position(scale, ab_glyph::point(pen, scaled.ascent()));
        if let Some(outline) = font.outline_glyph(glyph) {
            let b = outline.px_bounds();
            outline.draw(|gx, gy, v| {
                let (x, y) = (b.min.x as i64 + gx as i64, b.min.y as i64 + gy as i64);
                if x >= 0 && y >= 0 && (x as usize) < lw && (y as usize) < lh {
                    let p = &mut cov[y as usize * lw + x as usize];
                    *p = (*p + v).min(1.0);
                }
            });
        }
        pen += scaled.h_advance(id);
    }
    let (sin, cos) = line.angle.to_radians().sin_cos();
    // the rotated line's bounds, then each pixel sampled back in the line (bilinear)
    let corners = [(0.0, 0.0), (lw as f32, 0.0), (0.0, lh as f32), (lw as f32, lh as f32)]
        .map(|(u, v)| (u * cos - v * sin, u * sin + v * cos));
    let minx = corners.iter().map(|c| c.0).fold(f32::MAX, f32::min).floor();
    let maxx = corners.iter().map(|c| c.0).fold(f32::MIN, f32::max).ceil();
    let miny = corners.iter().map(|c| c.1).fold(f32::MAX, f32::min).floor();
    let maxy = corners.iter().map(|c| c.1).fold(f32::MIN, f32::max).ceil();
    let sample = |u: f32, v: f32| -> f32 {
        if u < 0.0 || v < 0.0 || u >= (lw - 1) as f32 || v >= (lh - 1) as f32 {
            return 0.0;
        }
        let (iu, iv) = (u as usize, v as usize);
        let (fu, fv) = (u - iu as f32, v - iv as f32);
        let at = |x: usize, y: usize| cov[y * lw + x];
        at(iu, iv) * (1.0 - fu) * (1.0 - fv)
            + at(iu + 1, iv) * fu * (1.0 - fv)
            + at(iu, iv + 1) * (1.0 - fu) * fv
            + at(iu + 1, iv + 1) * fu * fv
    };
    let (mut bx0, mut by0, mut bx1, mut by1) = (u32::MAX, u32::MAX, 0, 0);
    for dy in miny as i64..maxy as i64 {
        for dx in minx as i64..maxx as i64 {
            let (fx, fy) = (dx as f32 + 0.5, dy as f32 + 0.5);
            // inverse rotation
            let (u, v) = (fx * cos + fy * sin, -fx * sin + fy * cos);
            let a = sample(u, v);
            if a <= 0.0 {
                continue;
            }
            let (x, y) = (line.x as i64 + dx, line.y as i64 + dy);
            if x < 0 || y < 0 || x >= img.width() as i64 || y >= img.height() as i64 {
                continue;
            }
            let (x, y) = (x as u32, y as u32);
            let p = img.get_pixel_mut(x, y);
            for c in 0..3 {
                p.0[c] = (p.0[c] as f32 * (1.0 - a) + line.colour[c] as f32 * a).round() as u8;
            }
            if a > 0.3 {
                (bx0, by0, bx1, by1) = (bx0.min(x), by0.min(y), bx1.max(x), by1.max(y));
            }
        }
    }
    if bx1 < bx0 {
        return [line.x, line.y, 0, 0];
    }
    [bx0, by0, bx1 - bx0 + 1, by1 - by0 + 1]
}

/// A plain background, or a vertical gradient between two colours, with a little noise.
pub fn background(w: u32, h: u32, top: [u8; 3], bottom: [u8; 3], seed: u32) -> RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    RgbImage::from_fn(w, h, |_, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 7) as i32 - 3;
        let t = y as f32 / h.max(1) as f32;
        Rgb(std::array::from_fn(|c| {
            let v = top[c] as f32 * (1.0 - t) + bottom[c] as f32 * t;
            (v as i32 + noise).clamp(0, 255) as u8
        }))
    })
}

/// Draws a QR code of `payload` with its top-left at (x, y), `module` pixels a module and a
/// quiet zone of four modules; returns its box (without the quiet zone).
pub fn draw_qr(img: &mut RgbImage, payload: &str, x: u32, y: u32, module: u32) -> [u32; 4] {
    let code = qrcode::QrCode::new(payload.as_bytes()).expect("the payload fits a QR code");
    let n = code.width() as u32;
    let quiet = 4 * module;
    for py in 0..(n * module + 2 * quiet) {
        for px in 0..(n * module + 2 * quiet) {
            let (mx, my) = (px as i64 - quiet as i64, py as i64 - quiet as i64);
            let dark = mx >= 0
                && my >= 0
                && (mx as u32) < n * module
                && (my as u32) < n * module
                && code[((mx as u32 / module) as usize, (my as u32 / module) as usize)] == qrcode::Color::Dark;
            if x + px < img.width() && y + py < img.height() {
                img.put_pixel(x + px, y + py, if dark { Rgb([0, 0, 0]) } else { Rgb([255, 255, 255]) });
            }
        }
    }
    [x + quiet, y + quiet, n * module, n * module]
}

/// Encodes a picture as PNG.
pub fn png(img: &RgbImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).expect("PNG encodes");
    out.into_inner()
}

/// Encodes a picture as JPEG (quality 90).
pub fn jpeg(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88)
        .encode_image(img)
        .expect("JPEG encodes");
    out
}

/// Whether two boxes overlap.
pub fn overlap(a: [u32; 4], b: [u32; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// Edit distance between two texts, in characters.
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut prev = row[0];
        row[0] = i;
        for j in 1..=b.len() {
            let cur = row[j];
            row[j] = (row[j] + 1)
                .min(row[j - 1] + 1)
                .min(prev + usize::from(a[i - 1] != b[j - 1]));
            prev = cur;
        }
    }
    row[b.len()]
}
