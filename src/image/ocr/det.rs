//! Detection: the picture in, the probability map's text regions out, one box a line.

use crate::image::BoxXywh;

const MEAN: [f32; 3] = [0.485, 0.456, 0.406];
const STD: [f32; 3] = [0.229, 0.224, 0.225];
/// A map pixel above this is text.
const THRESHOLD: f32 = 0.3;
/// A region whose mean probability is below this is dropped (PaddleOCR's `box_thresh`).
const BOX_THRESHOLD: f32 = 0.6;
/// How far a region is widened: its area × this / its perimeter (`unclip_ratio`).
const UNCLIP: f32 = 2.0;

/// The size detection sees the picture at: its longest side `side` at most, and never
/// enlarged past 1.5× (small text is read better a little larger), each side a multiple of 32.
pub fn input_size(w: u32, h: u32, side: u32) -> (usize, usize) {
    let longest = w.max(h) as f32;
    let scale = (side as f32 / longest).min(1.5);
    let round = |v: u32| (((v as f32 * scale) / 32.0).round() as usize).max(1) * 32;
    (round(h), round(w))
}

/// The normalised `[1, 3, h, w]` input, channels B, G, R; with its height and width.
pub fn prepare(rgb: &image::RgbImage, side: u32) -> (Vec<f32>, usize, usize) {
    let (h, w) = input_size(rgb.width(), rgb.height(), side);
    let whole = [0, 0, rgb.width(), rgb.height()];
    let scaled = super::resize::triangle(rgb, whole, w as u32, h as u32);
    let plane = h * w;
    let mut data = vec![0f32; 3 * plane];
    for (i, p) in scaled.chunks_exact(3).enumerate() {
        for (c, rgb_c) in [2usize, 1, 0].into_iter().enumerate() {
            data[c * plane + i] = (p[rgb_c] as f32 / 255.0 - MEAN[c]) / STD[c];
        }
    }
    (data, h, w)
}

/// A line found by detection: its box in the picture, and when it is tilted, the rectangle
/// along it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    /// The upright box around it, in the picture's pixels.
    pub bbox: BoxXywh,
    /// The rectangle along a tilted line (its axis more than [`MIN_TILT`] off the
    /// horizontal), which recognition reads turned level: an upright box around a line
    /// turned by 3° is taller than the text by a tenth of its length, and the model reads
    /// the strip squeezed.
    pub tilt: Option<Tilt>,
}

/// A rectangle turned in the picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tilt {
    /// Its centre, in the picture's pixels.
    pub centre: [f32; 2],
    /// The unit vector along its length (x positive).
    pub axis: [f32; 2],
    /// Its length along `axis` and its thickness across it.
    pub size: [f32; 2],
}

/// A line's axis this far from the horizontal (radians, about 1°) or more is read turned level.
pub const MIN_TILT: f32 = 0.017;
/// Nor more than this (about 20°): a steeper region is not one line of text read across.
const MAX_TILT: f32 = 0.35;

/// The text lines in a `mw` × `mh` probability map, in the picture's pixels
/// (`img_w` × `img_h`), in reading order.
pub fn regions(map: &[f32], mw: usize, mh: usize, img_w: u32, img_h: u32) -> Vec<Region> {
    let mut label = vec![0u32; map.len()];
    // each region's widened box in map pixels (x0, y0, x1, y1), and its tilt
    let mut found: Vec<([f32; 4], Option<Tilt>)> = Vec::new();
    let mut stack = Vec::new();
    let mut members = Vec::new();
    let mut next = 0u32;
    let (sx, sy) = (img_w as f32 / mw as f32, img_h as f32 / mh as f32);
    for start in 0..map.len() {
        if label[start] != 0 || map[start] <= THRESHOLD {
            continue;
        }
        next += 1;
        label[start] = next;
        stack.push(start);
        members.clear();
        let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
        let (mut n, mut sum) = (0usize, 0f32);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % mw, i / mw);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            n += 1;
            sum += map[i];
            members.push(i);
            let mut visit = |j: usize| {
                if label[j] == 0 && map[j] > THRESHOLD {
                    label[j] = next;
                    stack.push(j);
                }
            };
            if x > 0 {
                visit(i - 1);
            }
            if x + 1 < mw {
                visit(i + 1);
            }
            if y > 0 {
                visit(i - mw);
            }
            if y + 1 < mh {
                visit(i + mw);
            }
        }
        let (bw, bh) = ((x1 - x0 + 1) as f32, (y1 - y0 + 1) as f32);
        if bw.min(bh) < 3.0 || n < 10 || sum / (n as f32) < BOX_THRESHOLD {
            continue;
        }
        let d = widening(n as f32, bw, bh);
        let tilt = tilt(&members, mw, n as f32, [sx, sy]);
        found.push((
            [x0 as f32 - d, y0 as f32 - d, x1 as f32 + 1.0 + d, y1 as f32 + 1.0 + d],
            tilt,
        ));
    }
    let mut out: Vec<Region> = found
        .into_iter()
        .filter_map(|([x0, y0, x1, y1], tilt)| {
            let (x0, y0) = ((x0 * sx).max(0.0) as u32, (y0 * sy).max(0.0) as u32);
            let (x1, y1) = (
                ((x1 * sx).ceil() as u32).min(img_w),
                ((y1 * sy).ceil() as u32).min(img_h),
            );
            (x1 > x0 + 2 && y1 > y0 + 2).then_some(Region {
                bbox: [x0, y0, x1 - x0, y1 - y0],
                tilt,
            })
        })
        .collect();
    reading_order(&mut out);
    out
}

/// How far a region of `n` map pixels, `len` by `thick`, is widened on each side: DB shrank
/// the text when it was trained, so it is widened back by its area × ratio / perimeter (the
/// region's own pixels stand for its area).
fn widening(n: f32, len: f32, thick: f32) -> f32 {
    n * UNCLIP / (2.0 * (len + thick))
}

/// The rectangle along a region of `n` map pixels (`members`, a map `mw` wide) when its
/// axis (the principal axis of its pixels) is tilted, widened as its box is, in the
/// picture's pixels (`scale` per map pixel).
fn tilt(members: &[usize], mw: usize, n: f32, scale: [f32; 2]) -> Option<Tilt> {
    let point = |i: usize| [(i % mw) as f32 + 0.5, (i / mw) as f32 + 0.5];
    let mean = members.iter().fold([0f32; 2], |m, &i| {
        let p = point(i);
        [m[0] + p[0] / n, m[1] + p[1] / n]
    });
    let (mut cxx, mut cyy, mut cxy) = (0f32, 0f32, 0f32);
    for &i in members {
        let [x, y] = point(i);
        let (dx, dy) = (x - mean[0], y - mean[1]);
        (cxx, cyy, cxy) = (cxx + dx * dx, cyy + dy * dy, cxy + dx * dy);
    }
    let angle = 0.5 * (2.0 * cxy).atan2(cxx - cyy);
    if !(MIN_TILT..=MAX_TILT).contains(&angle.abs()) || cxx < 4.0 * cyy {
        return None;
    }
    let (u, v) = ([angle.cos(), angle.sin()], [-angle.sin(), angle.cos()]);
    let (mut s0, mut s1, mut t0, mut t1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for &i in members {
        let [x, y] = point(i);
        let (dx, dy) = (x - mean[0], y - mean[1]);
        let (s, t) = (dx * u[0] + dy * u[1], dx * v[0] + dy * v[1]);
        (s0, s1, t0, t1) = (s0.min(s), s1.max(s), t0.min(t), t1.max(t));
    }
    // each pixel spans half a pixel beyond its centre; widened as the upright box is
    let (len, thick) = (s1 - s0 + 1.0, t1 - t0 + 1.0);
    let d = widening(n, len, thick);
    let centre = [
        mean[0] + (s0 + s1) / 2.0 * u[0] + (t0 + t1) / 2.0 * v[0],
        mean[1] + (s0 + s1) / 2.0 * u[1] + (t0 + t1) / 2.0 * v[1],
    ];
    // into the picture's pixels (the two scales differ by the rounding to 32 only)
    let along = [u[0] * scale[0], u[1] * scale[1]];
    let across = [v[0] * scale[0], v[1] * scale[1]];
    let norm = |a: [f32; 2]| (a[0] * a[0] + a[1] * a[1]).sqrt();
    Some(Tilt {
        centre: [centre[0] * scale[0], centre[1] * scale[1]],
        axis: [along[0] / norm(along), along[1] / norm(along)],
        size: [(len + 2.0 * d) * norm(along), (thick + 2.0 * d) * norm(across)],
    })
}

/// Top to bottom; boxes whose middles are within half a line's height of each other are on
/// one line, left to right.
fn reading_order(regions: &mut [Region]) {
    regions.sort_by_key(|r| (r.bbox[1] + r.bbox[3] / 2, r.bbox[0]));
    let mut i = 0;
    while i < regions.len() {
        let b = regions[i].bbox;
        let mid = b[1] + b[3] / 2;
        let mut j = i + 1;
        while j < regions.len() && regions[j].bbox[1] + regions[j].bbox[3] / 2 <= mid + b[3] / 2 {
            j += 1;
        }
        regions[i..j].sort_by_key(|r| r.bbox[0]);
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_multiples_of_32_within_the_side() {
        assert_eq!(input_size(1080, 1440, 960), (960, 704 + 32));
        let (h, w) = input_size(100, 40, 960);
        assert_eq!((h % 32, w % 32), (0, 0));
        assert!(w <= 160);
    }

    #[test]
    fn two_regions_two_boxes_in_reading_order() {
        let (mw, mh) = (40, 20);
        let mut map = vec![0f32; mw * mh];
        for y in 12..16 {
            for x in 2..30 {
                map[y * mw + x] = 0.9;
            }
        }
        for y in 3..7 {
            for x in 5..35 {
                map[y * mw + x] = 0.9;
            }
        }
        let b: Vec<BoxXywh> = regions(&map, mw, mh, 80, 40).into_iter().map(|r| r.bbox).collect();
        assert_eq!(b.len(), 2);
        assert!(b[0][1] < b[1][1]);
        // widened: the box holds the region and a little more
        assert!(b[0][0] < 10 && b[0][2] > 60);
    }

    #[test]
    fn a_tilted_line_is_read_along_its_axis_and_a_level_one_as_it_stands() {
        let (mw, mh) = (200, 80);
        for degrees in [0.0f32, 3.0, -4.0, 10.0] {
            let (sin, cos) = degrees.to_radians().sin_cos();
            let mut map = vec![0f32; mw * mh];
            // a strip 150 long and 8 thick around (100, 40), turned by `degrees`
            for y in 0..mh {
                for x in 0..mw {
                    let (dx, dy) = (x as f32 + 0.5 - 100.0, y as f32 + 0.5 - 40.0);
                    let (s, t) = (dx * cos + dy * sin, -dx * sin + dy * cos);
                    if s.abs() < 75.0 && t.abs() < 4.0 {
                        map[y * mw + x] = 0.9;
                    }
                }
            }
            let r = regions(&map, mw, mh, 2 * mw as u32, 2 * mh as u32);
            assert_eq!(r.len(), 1, "{degrees}°");
            match r[0].tilt {
                None => assert!(degrees.abs() < 1.0, "{degrees}° read upright"),
                Some(t) => {
                    let got = t.axis[1].atan2(t.axis[0]).to_degrees();
                    assert!((got - degrees).abs() < 0.5, "{degrees}° read as {got}°");
                    // in the picture (twice the map): the strip widened as a box is, by its
                    // area × 2 / perimeter (7.6 map pixels) on each side: 165 × 23, centred
                    // where it was drawn
                    assert!(
                        (t.size[0] - 330.0).abs() < 6.0 && (t.size[1] - 46.0).abs() < 6.0,
                        "{t:?}"
                    );
                    assert!(
                        (t.centre[0] - 200.0).abs() < 3.0 && (t.centre[1] - 80.0).abs() < 3.0,
                        "{t:?}"
                    );
                }
            }
        }
    }
}
