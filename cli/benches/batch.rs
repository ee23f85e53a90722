//! Batch throughput: the `redlint` binary over a generated JSONL of notes, with 1 and 2 threads,
//! in MB/s of input. Run: `cargo bench --bench batch` (100 MB; `REDLINT_BENCH_MB=N` for
//! another size). The corpus is generated in a temporary directory, deterministically; the
//! output (`--format jsonl`) goes to /dev/null, so what is measured is reading, parsing,
//! linting, rendering and ordering.
//!
//! Peak memory is measured separately on a 1 GB file with `/usr/bin/time -v` (see README).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[path = "../../benches/corpus/mod.rs"]
mod corpus;

/// Writes at least `mb` megabytes of JSONL notes from `corpus::notes` to `path`.
pub fn generate(path: &Path, mb: usize) -> std::io::Result<u64> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let target = (mb as u64) << 20;
    let mut written = 0u64;
    for note in corpus::notes() {
        if written >= target {
            break;
        }
        let line = serde_json::to_string(&note).expect("a note serialises");
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        written += line.len() as u64 + 1;
    }
    out.flush()?;
    Ok(written)
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: keep that instant
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let mb: usize = std::env::var("REDLINT_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let dir: PathBuf = std::env::temp_dir().join(format!("redlint-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("notes.jsonl");
    let bytes = generate(&path, mb).expect("generate the corpus");
    let size = bytes as f64 / 1e6;
    println!("batch: {size:.0} MB of JSONL notes, `redlint check --format jsonl` to /dev/null");
    for jobs in [1, 2] {
        let best = run_cli(&path, jobs, 2);
        println!("  --jobs {jobs}: {best:.2} s, {:.1} MB/s", size / best);
    }
    real_text(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The best of `runs` wall times of `redlint check --format jsonl` over `path`.
fn run_cli(path: &Path, jobs: usize, runs: usize) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_redlint"))
            .args([
                "check",
                "--format",
                "jsonl",
                "--quiet",
                "--no-config",
                "--jobs",
                &jobs.to_string(),
            ])
            .arg(path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run redlint");
        assert!(matches!(status.code(), Some(0 | 1)), "redlint failed: {status}");
        best = best.min(start.elapsed().as_secs_f64());
    }
    best
}

/// End to end against in process, on the real notes the lint bench reads (repeated to about
/// 20 MB): the CLI with 1 and 2 jobs beside `Linter::lint` over the same notes in this
/// process, in one run, as ratios; and what two threads give the engine alone and a bare
/// Aho-Corasick scan on this machine (the ceiling for `--jobs 2`).
fn real_text(dir: &Path) {
    let real = corpus::real_notes();
    if real.is_empty() {
        println!("real text: ../shared/corpora not found, skipped");
        return;
    }
    let text_bytes: usize = real.iter().map(|n| n.body.len()).sum();
    let copies = (20_000_000 / text_bytes.max(1)).max(1);
    let notes: Vec<&redlint::Note> = (0..copies).flat_map(|_| real.iter()).collect();
    let path = dir.join("real.jsonl");
    let mut out = BufWriter::new(std::fs::File::create(&path).expect("create"));
    for n in &notes {
        serde_json::to_writer(&mut out, n).expect("a note serialises");
        out.write_all(b"\n").expect("write");
    }
    out.flush().expect("flush");
    drop(out);
    let size = (text_bytes * copies) as f64 / 1e6;
    let linter = redlint::Linter::builtin();
    let bare = corpus::bare_automaton(&linter);
    // every `step`-th note from `skip`: all of them on one thread, alternate ones on two
    let lint = |skip: usize, step: usize| {
        let picked = notes.iter().skip(skip).step_by(step);
        picked
            .map(|n| linter.lint(std::hint::black_box(n)).len())
            .sum::<usize>()
    };
    let scan = |skip: usize, step: usize| {
        let picked = notes.iter().skip(skip).step_by(step);
        picked
            .map(|n| {
                bare.find_overlapping_iter(std::hint::black_box(n.body.as_str()))
                    .count()
            })
            .sum::<usize>()
    };
    let in_process = best_of(2, || on_one_thread(&lint));
    // the ceiling for 2 jobs: the engine alone on two threads (no I/O), and a bare
    // Aho-Corasick scan of the packs' terms on one and two (the machine)
    let in_two = best_of(2, || on_two_threads(&lint));
    let bare_one = best_of(3, || on_one_thread(&scan));
    let bare_two = best_of(3, || on_two_threads(&scan));
    let one = run_cli(&path, 1, 2);
    let two = run_cli(&path, 2, 2);
    println!("real text: {} notes, {size:.1} MB of note text", notes.len());
    println!(
        "  in process (Linter::lint, one thread): {in_process:.2} s, {:.1} MB/s",
        size / in_process
    );
    println!(
        "  CLI --jobs 1: {one:.2} s, {:.1} MB/s, {:.2}x in process",
        size / one,
        in_process / one
    );
    println!(
        "  CLI --jobs 2: {two:.2} s, {:.1} MB/s, {:.2}x --jobs 1",
        size / two,
        one / two
    );
    println!(
        "  two threads over one, in process: Linter::lint {:.2}x; bare aho-corasick scan {:.2}x",
        in_process / in_two,
        bare_one / bare_two
    );
}

/// `work(0, 1)`: every note on this thread.
fn on_one_thread(work: &(impl Fn(usize, usize) -> usize + Sync)) {
    std::hint::black_box(work(0, 1));
}

/// `work(0, 2)` here and `work(1, 2)` on a second thread: alternate notes, so both halves
/// hold the same mix.
fn on_two_threads(work: &(impl Fn(usize, usize) -> usize + Sync)) {
    std::thread::scope(|s| {
        let other = s.spawn(|| work(1, 2));
        std::hint::black_box(work(0, 2) + other.join().expect("no panic"));
    })
}

/// The best wall time of `runs` calls of `f`.
fn best_of(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}
