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

const FRAGMENTS: &[&str] = &[
    "今天去了一家新开的咖啡店",
    "拿铁的奶泡很细腻",
    "周末和朋友去爬山，山顶的风景特别好看",
    "这款面霜用了两周，皮肤没有那么干了",
    "质地比较清爽，夏天用刚好",
    "价格一百多，学生党也能接受",
    "第一次尝试这种风格的穿搭",
    "房间收拾好之后心情都变好了",
    "the texture is light and the scent is subtle",
    "步骤一：洗脸；步骤二：拍水；步骤三：涂乳液",
    "酒店的早餐很丰富，服务也很周到",
    "可以用微信支付，也可以刷卡",
    "🙂✨🥰",
];

const VIOLATIONS: &[&str] = &[
    "这是全网最好用的面霜",
    "加我微信领取",
    "电子烟新手入门",
    "限时秒杀，手慢无",
    "根治痘痘，七天见效",
    "感谢金主爸爸，这期小小恰饭一下",
];

/// Writes `mb` megabytes of JSONL notes (a few hundred characters each) to `path`.
pub fn generate(path: &Path, mb: usize) -> std::io::Result<u64> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let target = (mb as u64) << 20;
    let mut written = 0u64;
    let mut i = 0u64;
    while written < target {
        let mut body = String::new();
        for _ in 0..(6 + next(10)) {
            body.push_str(FRAGMENTS[next(FRAGMENTS.len())]);
            body.push('，');
        }
        if next(4) == 0 {
            body.push_str(VIOLATIONS[next(VIOLATIONS.len())]);
        }
        let line = serde_json::json!({
            "id": format!("n{i}"),
            "title": format!("笔记{i}"),
            "body": body,
            "tags": ["日常", "分享"],
            "sponsored": next(5) == 0,
        })
        .to_string();
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        written += line.len() as u64 + 1;
        i += 1;
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
