//! Rendering cost against the number of violations in one field: a hostile note made of one
//! violating phrase repeated, at two sizes (3,001 and 30,001 violations). Linear rendering
//! shows as the same throughput at both sizes (before the fix, 8x the text took 25x the time),
//! and the HTML report stays within a few times the JSONL line (before its fix, 3x the
//! violations took 30x the time: each piece of the highlighted text looked through every
//! violation). Run: `cargo bench --bench report`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use redlint::report::{NoteReport, Options, Origin, html, human, json};
use redlint::{Linter, Note};

fn bench(c: &mut Criterion) {
    let linter = Linter::builtin();
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for repeat in [1_000usize, 10_000] {
        let note = Note::from_body("最好的面霜加我微信abc123电子烟".repeat(repeat));
        let violations = linter.lint(&note);
        group.throughput(Throughput::Elements(violations.len() as u64));
        let report = || {
            NoteReport::new(
                "n.jsonl",
                serde_json::json!(1),
                &note,
                Origin::Record { line: 1 },
                &violations,
            )
        };
        group.bench_function(format!("jsonl, {} violations", violations.len()), |b| {
            b.iter(|| json::jsonl_line(black_box(&report())).len())
        });
        let md = || NoteReport::new("n.md", serde_json::json!(1), &note, Origin::body_at(1), &violations);
        group.bench_function(format!("human, {} violations", violations.len()), |b| {
            b.iter(|| human::render(black_box(&md()), &Options::default()).len())
        });
        group.bench_function(format!("html, {} violations", violations.len()), |b| {
            b.iter(|| html::note_article(black_box(&report()), &Options::default(), "n1").len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
