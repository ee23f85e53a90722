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

/// The text boxes in a `mw` × `mh` probability map, in the picture's pixels
/// (`img_w` × `img_h`), in reading order.
pub fn boxes(map: &[f32], mw: usize, mh: usize, img_w: u32, img_h: u32) -> Vec<BoxXywh> {
    let mut label = vec![0u32; map.len()];
    let mut found: Vec<(f32, f32, f32, f32)> = Vec::new();
    let mut stack = Vec::new();
    let mut next = 0u32;
    for start in 0..map.len() {
        if label[start] != 0 || map[start] <= THRESHOLD {
            continue;
        }
        next += 1;
        label[start] = next;
        stack.push(start);
        let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
        let (mut n, mut sum) = (0usize, 0f32);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % mw, i / mw);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            n += 1;
            sum += map[i];
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
        // DB shrank the text when it was trained: widen the region back by its
        // area × ratio / perimeter (the region's own pixels stand for its area)
        let d = (n as f32) * UNCLIP / (2.0 * (bw + bh));
        found.push((x0 as f32 - d, y0 as f32 - d, x1 as f32 + 1.0 + d, y1 as f32 + 1.0 + d));
    }
    let (sx, sy) = (img_w as f32 / mw as f32, img_h as f32 / mh as f32);
    let mut out: Vec<BoxXywh> = found
        .into_iter()
        .filter_map(|(x0, y0, x1, y1)| {
            let (x0, y0) = ((x0 * sx).max(0.0) as u32, (y0 * sy).max(0.0) as u32);
            let (x1, y1) = (
                ((x1 * sx).ceil() as u32).min(img_w),
                ((y1 * sy).ceil() as u32).min(img_h),
            );
            (x1 > x0 + 2 && y1 > y0 + 2).then_some([x0, y0, x1 - x0, y1 - y0])
        })
        .collect();
    reading_order(&mut out);
    out
}

/// Top to bottom; boxes whose middles are within half a line's height of each other are on
/// one line, left to right.
fn reading_order(boxes: &mut [BoxXywh]) {
    boxes.sort_by_key(|b| (b[1] + b[3] / 2, b[0]));
    let mut i = 0;
    while i < boxes.len() {
        let mid = boxes[i][1] + boxes[i][3] / 2;
        let mut j = i + 1;
        while j < boxes.len() && boxes[j][1] + boxes[j][3] / 2 <= mid + boxes[i][3] / 2 {
            j += 1;
        }
        boxes[i..j].sort_by_key(|b| b[0]);
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
        let b = boxes(&map, mw, mh, 80, 40);
        assert_eq!(b.len(), 2);
        assert!(b[0][1] < b[1][1]);
        // widened: the box holds the region and a little more
        assert!(b[0][0] < 10 && b[0][2] > 60);
    }
}
