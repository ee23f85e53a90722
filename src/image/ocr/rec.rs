//! Recognition: a line's crop in, its characters out (greedy CTC).

use crate::image::BoxXywh;

/// The height the model reads lines at.
pub const HEIGHT: usize = 48;
/// A line read with a lower mean confidence is dropped as noise.
pub const MIN_SCORE: f32 = 0.5;
/// The widest line input; a longer line is squeezed to it.
const MAX_WIDTH: usize = 2560;

/// The width a line of `w` pixels at height 48 is padded to: a few sizes only, so that few
/// plans are compiled (about 12% padding on average).
pub fn bucket(w: usize) -> usize {
    let mut b = 64;
    while b < w && b < MAX_WIDTH {
        b = (b * 5 / 4).div_ceil(16) * 16;
    }
    b.min(MAX_WIDTH)
}

/// The normalised `[1, 3, 48, W]` input of the line in `bbox` (channels B, G, R, padded on
/// the right with 0), with its width W and the width of the line in it.
pub fn prepare(rgb: &image::RgbImage, bbox: BoxXywh) -> Option<(Vec<f32>, usize, usize)> {
    let [_, _, w, h] = bbox;
    if w < 2 || h < 2 {
        return None;
    }
    let scaled_w = ((w as f32 * HEIGHT as f32 / h as f32).ceil() as usize).clamp(8, MAX_WIDTH);
    let width = bucket(scaled_w);
    let scaled = super::resize::triangle(rgb, bbox, scaled_w as u32, HEIGHT as u32);
    let plane = HEIGHT * width;
    let mut data = vec![0f32; 3 * plane];
    for (py, row) in scaled.chunks_exact(scaled_w * 3).enumerate() {
        for (px, p) in row.chunks_exact(3).enumerate() {
            let i = py * width + px;
            for (c, rgb_c) in [2usize, 1, 0].into_iter().enumerate() {
                data[c * plane + i] = p[rgb_c] as f32 / 127.5 - 1.0;
            }
        }
    }
    Some((data, width, scaled_w))
}

/// The tilted rectangle `tilt` of `rgb` turned level: an upright picture of its length and
/// thickness, each pixel sampled bilinearly where it lies in the picture (the edges repeated
/// beyond it).
pub fn level(rgb: &image::RgbImage, tilt: &super::det::Tilt) -> image::RgbImage {
    let [w, h] = tilt.size.map(|v| v.round().max(2.0) as u32);
    let [ux, uy] = tilt.axis;
    let (vx, vy) = (-uy, ux);
    let (iw, ih) = (rgb.width() as f32, rgb.height() as f32);
    image::RgbImage::from_fn(w, h, |i, j| {
        let (a, b) = (i as f32 + 0.5 - w as f32 / 2.0, j as f32 + 0.5 - h as f32 / 2.0);
        let x = (tilt.centre[0] + a * ux + b * vx - 0.5).clamp(0.0, iw - 1.0);
        let y = (tilt.centre[1] + a * uy + b * vy - 0.5).clamp(0.0, ih - 1.0);
        let (x0, y0) = (x.floor(), y.floor());
        let (fx, fy) = (x - x0, y - y0);
        let (x0, y0) = (x0 as u32, y0 as u32);
        let (x1, y1) = ((x0 + 1).min(rgb.width() - 1), (y0 + 1).min(rgb.height() - 1));
        let px = |x: u32, y: u32| rgb.get_pixel(x, y).0.map(f32::from);
        let (p00, p10, p01, p11) = (px(x0, y0), px(x1, y0), px(x0, y1), px(x1, y1));
        image::Rgb(std::array::from_fn(|c| {
            let top = p00[c] + (p10[c] - p00[c]) * fx;
            let bottom = p01[c] + (p11[c] - p01[c]) * fx;
            (top + (bottom - top) * fy).round().clamp(0.0, 255.0) as u8
        }))
    })
}

/// One character read: its text, the output step it was read at, its probability.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    /// The character (a line of the keys file).
    pub text: String,
    /// The step of the output sequence (one a few input columns) it was first read at.
    pub step: usize,
    /// Its probability.
    pub p: f32,
}

/// Greedy CTC over `[T, classes]` logits: the best class at each step, repeats merged, blanks
/// (class 0) dropped; a character's probability is the softmax of its logit at its step.
pub fn ctc_greedy(logits: &[f32], classes: usize, keys: &[String]) -> Vec<Read> {
    let mut out = Vec::new();
    let mut last = 0usize;
    for (t, step) in logits.chunks_exact(classes).enumerate() {
        let (best, max) = step.iter().enumerate().fold(
            (0, f32::MIN),
            |(bi, bl), (i, &l)| if l > bl { (i, l) } else { (bi, bl) },
        );
        if best != 0 && best != last {
            if let Some(k) = keys.get(best) {
                out.push(Read {
                    text: k.clone(),
                    step: t,
                    p: 1.0 / step.iter().map(|&l| (l - max).exp()).sum::<f32>(),
                });
            }
        }
        last = best;
    }
    out
}

/// Each character's left and right edge, in steps: halfway to its neighbours' steps (the
/// first and last as wide as their neighbour gap, or `alone` steps for a single one).
pub fn extents(reads: &[Read], alone: f32) -> Vec<(f32, f32)> {
    let centre: Vec<f32> = reads.iter().map(|r| r.step as f32 + 0.5).collect();
    (0..centre.len())
        .map(|i| {
            let left_gap = if i > 0 { centre[i] - centre[i - 1] } else { f32::NAN };
            let right_gap = if i + 1 < centre.len() {
                centre[i + 1] - centre[i]
            } else {
                f32::NAN
            };
            let (l, r) = match (left_gap.is_nan(), right_gap.is_nan()) {
                (true, true) => (alone / 2.0, alone / 2.0),
                (true, false) => (right_gap / 2.0, right_gap / 2.0),
                (false, true) => (left_gap / 2.0, left_gap / 2.0),
                (false, false) => (left_gap / 2.0, right_gap / 2.0),
            };
            ((centre[i] - l).max(0.0), centre[i] + r)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_grow_and_hold_the_width() {
        let mut last = 0;
        for w in [1, 64, 65, 100, 300, 999, 2000, 2560, 9999] {
            let b = bucket(w);
            assert!(b >= w.min(MAX_WIDTH) && b >= last, "{w} -> {b}");
            assert_eq!(b % 16, 0);
            last = b;
        }
    }

    #[test]
    fn ctc_merges_repeats_and_drops_blanks() {
        let keys: Vec<String> = ["blank", "a", "b"].iter().map(|s| s.to_string()).collect();
        // steps: a a blank a b b; a logit of ln 18 over two of 0 is a probability of 0.9
        let onehot = |k: usize| {
            let mut v = vec![0.0; 3];
            v[k] = 18f32.ln();
            v
        };
        let logits: Vec<f32> = [1, 1, 0, 1, 2, 2].into_iter().flat_map(onehot).collect();
        let reads = ctc_greedy(&logits, 3, &keys);
        let text: String = reads.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(text, "aab");
        assert_eq!(reads.iter().map(|r| r.step).collect::<Vec<_>>(), [0, 3, 4]);
        assert!(reads.iter().all(|r| (r.p - 0.9).abs() < 1e-6));
        let e = extents(&reads, 2.0);
        assert_eq!(e[0], (0.0, 2.0));
        assert_eq!(e[1], (2.0, 4.0));
        assert_eq!(e[2], (4.0, 5.0));
    }

    #[test]
    fn a_tilted_strip_is_sampled_level() {
        // a red strip 120 long and 10 thick turned by 5° around (100, 60) on white
        let (sin, cos) = 5f32.to_radians().sin_cos();
        let rgb = image::RgbImage::from_fn(200, 120, |x, y| {
            let (dx, dy) = (x as f32 + 0.5 - 100.0, y as f32 + 0.5 - 60.0);
            let (s, t) = (dx * cos + dy * sin, -dx * sin + dy * cos);
            if s.abs() < 60.0 && t.abs() < 5.0 {
                image::Rgb([220, 20, 20])
            } else {
                image::Rgb([255, 255, 255])
            }
        });
        let tilt = crate::image::ocr::det::Tilt {
            centre: [100.0, 60.0],
            axis: [cos, sin],
            size: [110.0, 20.0],
        };
        let level = level(&rgb, &tilt);
        assert_eq!((level.width(), level.height()), (110, 20));
        // the middle rows are the strip end to end; the top and bottom rows are background
        for x in 0..110 {
            assert_eq!(level.get_pixel(x, 10).0, [220, 20, 20], "column {x}");
            assert_eq!(level.get_pixel(x, 0).0, [255, 255, 255], "column {x}");
            assert_eq!(level.get_pixel(x, 19).0, [255, 255, 255], "column {x}");
        }
    }
}
