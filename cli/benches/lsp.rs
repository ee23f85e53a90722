//! The language server's work per keystroke: apply the edit, re-lint the whole document, and
//! turn the violations into LSP diagnostics with exact positions (UTF-16 and UTF-8), for a
//! 1,000-character note full of emoji and CJK with front matter and a few violations.
//! Run: `cargo bench --bench lsp`.
//!
//! It measures the server's own code: `cli/src/lsp/document.rs` is compiled in here
//! (its `crate::` paths find the library's items through the imports below).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lsp_types::{Position, Range, TextDocumentContentChangeEvent, Uri};
use redlint::{ColumnUnit, LineIndex, Linter, LinterBuilder};
#[allow(unused_imports)]
use redlint::{FrontMatterError, Lang, Note, Severity, Span, Violation, report};

#[allow(dead_code)]
#[path = "../src/lsp/document.rs"]
mod document;

const PIECES: &[&str] = &[
    "今天去了一家新开的咖啡店🙂",
    "拿铁的奶泡很细腻✨",
    "👩‍👩‍👧周末带家人去爬山，山顶的风景特别好看",
    "这款面霜用了两周👍🏽皮肤没有那么干了",
    "质地比较清爽，夏天用刚好🌸",
    "价格一百多，学生党也能接受",
    "第一次尝试这种风格的穿搭💄",
    "最近天气转凉，记得多穿点☕️",
    "the texture is light 🥰 and the scent is subtle",
];

const VIOLATIONS: &[&str] = &["这是全网最好用的面霜", "需要的姐妹加我微信", "限时秒杀🔥手慢无"];

/// A note of exactly 1,000 characters (front matter included), CRLF line ends.
fn note() -> String {
    let mut text = String::from("---\r\ntitle: 👩‍👩‍👧秋冬最好用的面霜\r\ntags: [#护肤, 好物分享]\r\n---\r\n");
    let mut i = 0;
    while text.chars().count() < 1000 {
        text.push_str(PIECES[i % PIECES.len()]);
        if i % 7 == 3 {
            text.push_str(VIOLATIONS[(i / 7) % VIOLATIONS.len()]);
        }
        text.push_str(if i % 3 == 2 { "\r\n" } else { "，" });
        i += 1;
    }
    text.chars().take(1000).collect()
}

fn bench(c: &mut Criterion) {
    let linter = Linter::builtin();
    let text = note();
    let uri: Uri = "file:///notes/%E7%AC%94%E8%AE%B0.md".parse().expect("a uri");
    let found = document::check(&linter, &text, false).found.len();
    eprintln!(
        "note: {} chars, {} bytes, {} UTF-16 units, {} lines, {found} violations",
        text.chars().count(),
        text.len(),
        text.encode_utf16().count(),
        text.lines().count()
    );
    assert!(found >= 5, "the note has violations to convert");

    let mut group = c.benchmark_group("lsp");
    for (name, unit) in [("utf-16", ColumnUnit::Utf16), ("utf-8", ColumnUnit::Utf8)] {
        let options = document::Options {
            lang: None,
            unit,
            related_information: true,
        };
        group.bench_function(format!("re-lint + diagnostics, 1,000-char note, {name}"), |b| {
            b.iter(|| {
                let checked = document::check(&linter, black_box(&text), false);
                document::diagnostics(&uri, &LineIndex::new(&text), &checked, &options)
            })
        });
    }
    // a keystroke: an incremental edit in the middle of a line, then the same work
    let options = document::Options {
        lang: None,
        unit: ColumnUnit::Utf16,
        related_information: true,
    };
    let line = 8;
    group.bench_function("keystroke: edit + re-lint + diagnostics, utf-16", |b| {
        b.iter_batched(
            || text.clone(),
            |mut doc| {
                let at = Position::new(line, 6);
                let change = TextDocumentContentChangeEvent {
                    range: Some(Range::new(at, at)),
                    range_length: None,
                    text: "好".to_owned(),
                };
                document::apply_change(&mut doc, change, ColumnUnit::Utf16);
                let checked = document::check(&linter, &doc, false);
                document::diagnostics(&uri, &LineIndex::new(&doc), &checked, &options)
            },
            criterion::BatchSize::SmallInput,
        )
    });
    // what a settings change costs (done on a worker thread, off the message loop)
    group.sample_size(10);
    group.bench_function("build a linter (settings change)", |b| {
        b.iter(|| {
            LinterBuilder::new()
                .disable("B101")
                .allow("品牌名")
                .build()
                .expect("builds")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
