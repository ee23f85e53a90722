//! Cold start: process start to the last byte of output, for `redlint check` on one note,
//! beside `redlint --version` (the same process doing no work) as the yardstick. Run:
//! `cargo bench --bench startup`.
//!
//! Three notes: a clean one (builds the linter, lints, prints), one with claims and a disguise
//! (also loads the word dictionary and the pinyin tables those checks need), and a one-line
//! JSONL batch (built for throughput: a DFA instead of the quick-start NFA).

use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

fn run(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_redlint"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("redlint-startup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let clean = dir.join("clean.md");
    std::fs::write(
        &clean,
        "---\ntitle: 周末日常\n---\n今天去公园散步，银杏叶黄了，拍了好多照片。\n",
    )
    .unwrap();
    let claims = dir.join("claims.md");
    std::fs::write(
        &claims,
        "---\ntitle: 面霜测评\n---\n这款面霜是全网最好用的，能根治湿疹，加我薇❤信 abc123\n",
    )
    .unwrap();
    let batch = dir.join("one.jsonl");
    std::fs::write(&batch, "{\"body\":\"今天去公园散步\"}\n").unwrap();
    let (clean, claims, batch) = (
        clean.to_str().unwrap(),
        claims.to_str().unwrap(),
        batch.to_str().unwrap(),
    );

    let mut g = c.benchmark_group("cold start");
    g.sample_size(20);
    g.bench_function("redlint --version (yardstick)", |b| b.iter(|| run(&["--version"])));
    g.bench_function("check a clean note", |b| {
        b.iter(|| run(&["check", "--no-config", clean]))
    });
    g.bench_function("check a note with claims and a disguise", |b| {
        b.iter(|| run(&["check", "--no-config", claims]))
    });
    g.bench_function("check a one-line JSONL batch", |b| {
        b.iter(|| run(&["check", "--no-config", batch]))
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
