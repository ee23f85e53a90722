//! Milliseconds per image: a drawn 1080×1440 picture with ten lines of text and a QR code,
//! read on one core: detection, recognition of its lines, and QR decoding, each alone (and QR
//! decoding of a picture without a code). The first picture's time, plans compiled, is printed.
//!
//! Needs the OCR models (`REDLINT_OCR_MODELS`, else `target/ocr-models`) and Debian's
//! `fonts-noto-cjk`; without them only the QR bench runs.
//! `cargo bench --bench images` (criterion; one thread: tract runs on the calling thread).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/common/draw.rs"]
mod draw;

use redlint::image::{ImageEngine, Ocr, OcrModels, qr};

const LINES: [&str; 10] = [
    "周末探店｜藏在巷子里的咖啡馆",
    "店里的拿铁真的很好喝",
    "环境安静适合看书工作",
    "人均消费大概三十五元",
    "营业时间早上九点到晚上十点",
    "推荐指数：五颗星",
    "老板人很好会介绍豆子",
    "下次还想来试试手冲",
    "地址在地铁站出口旁边",
    "加微信lily2024领优惠券",
];

fn picture() -> image::RgbImage {
    let mut img = draw::background(1080, 1440, [250, 246, 240], [228, 220, 210], 9);
    if let Some(font) = draw::font_bytes() {
        for (i, t) in LINES.iter().enumerate() {
            let line = draw::Line {
                text: t,
                x: 60,
                y: 80 + 110 * i as u32,
                size: [44.0, 36.0, 52.0][i % 3],
                colour: [40, 30, 30],
                angle: 0.0,
            };
            draw::draw_line(&mut img, &font, &line);
        }
    }
    draw::draw_qr(&mut img, "https://u.wechat.com/EHr3xYz9", 700, 1150, 6);
    img
}

fn models_dir() -> PathBuf {
    std::env::var_os("REDLINT_OCR_MODELS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/ocr-models"))
}

fn bench(c: &mut Criterion) {
    let img = picture();
    let mut g = c.benchmark_group("image");
    g.sample_size(10);
    g.bench_function("qr", |b| b.iter(|| black_box(qr::find_codes(black_box(&img)))));
    // most pictures have no code: every scale is searched
    let plain = draw::background(1080, 1440, [250, 246, 240], [228, 220, 210], 9);
    g.bench_function("qr-none", |b| b.iter(|| black_box(qr::find_codes(black_box(&plain)))));
    let ocr = OcrModels::from_dir(&models_dir()).and_then(Ocr::new);
    let Ok(ocr) = ocr else {
        eprintln!("note: no OCR models, benching QR codes only");
        return;
    };
    // the plans for this picture's shapes are compiled before the clock starts: the first
    // picture a process reads pays for them
    let start = Instant::now();
    let boxes = ocr.detect(&img).expect("detection runs");
    let detected = start.elapsed();
    for b in &boxes {
        ocr.recognize(&img, *b).expect("recognition runs");
    }
    eprintln!(
        "{} lines detected; first picture, plans compiled: detection {} ms, recognition {} ms",
        boxes.len(),
        detected.as_millis(),
        (start.elapsed() - detected).as_millis()
    );
    g.bench_function("detect", |b| b.iter(|| black_box(ocr.detect(black_box(&img)).unwrap())));
    g.bench_function("recognize-all-lines", |b| {
        b.iter(|| {
            for bx in &boxes {
                black_box(ocr.recognize(&img, *bx).unwrap());
            }
        })
    });
    let engine = ImageEngine::new(Some(ocr));
    let png = draw::png(&img);
    g.bench_function("whole-image-from-png", |b| {
        b.iter(|| black_box(engine.read(black_box(&png)).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
