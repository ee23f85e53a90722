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
        let mut best = f64::INFINITY;
        for _ in 0..2 {
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
                .arg(&path)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run redlint");
            assert!(matches!(status.code(), Some(0 | 1)), "redlint failed: {status}");
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!("  --jobs {jobs}: {best:.2} s, {:.1} MB/s", size / best);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
