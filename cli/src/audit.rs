//! `redlint audit`: the share of sponsored notes per author and calendar month, from JSONL
//! notes with `author` and `published_at`.

use std::path::PathBuf;

use redlint::audit::{self, Audit, AuditNote, BadRecord, Month};
use redlint::{Linter, Note};

use crate::input::{self, Chunks, Source};
use crate::settings::{ConfigArgs, Resolver};
use crate::{EXIT_TROUBLE, EXIT_VIOLATIONS, InputFormat, PackArgs};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    /// For people.
    Human,
    /// One JSON document.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// JSONL files of notes with `author` and `published_at` (RFC 3339 or YYYY-MM-DD); `-`
    /// reads stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = AuditFormat::Human)]
    format: AuditFormat,
    /// The cap on the sponsored share of an author's month, in percent.
    #[arg(long, value_name = "PERCENT", default_value_t = 20.0)]
    cap: f64,
    /// Threads (default: the cores available).
    #[arg(long, short, value_name = "N")]
    jobs: Option<usize>,
    #[command(flatten)]
    packs: PackArgs,
    #[command(flatten)]
    config: ConfigArgs,
}

/// What a worker makes of one line.
type Parsed = Result<Option<AuditNote>, BadRecord>;

/// What a line that is not JSON at all is called (a source with nothing else is not JSONL).
const NOT_JSON: &str = "not a JSON note";

/// What is said, once, of a source with no JSON line at all (a text note).
const NOT_JSONL: &str = "not JSONL: `redlint audit` reads JSONL notes, one JSON object a line with `author` and \
                         `published_at` (check a text note with `redlint check`)";

fn parse(raw: Result<Vec<u8>, String>, line: usize, path: &str, linter: &Linter, sponsored: bool) -> Parsed {
    let bad = |error: String| BadRecord {
        path: path.to_owned(),
        line: Some(line),
        error,
    };
    let raw = raw.map_err(bad)?;
    let text = std::str::from_utf8(&raw).map_err(|_| bad("not valid UTF-8".into()))?;
    let text = text.trim_end_matches(['\n', '\r']);
    if text.trim().is_empty() {
        return Ok(None); // blank lines are skipped
    }
    #[derive(serde::Deserialize)]
    struct Meta {
        author: Option<serde_json::Value>,
        published_at: Option<String>,
    }
    let meta: Meta = serde_json::from_str(text).map_err(|e| bad(format!("{NOT_JSON}: {e}")))?;
    let author = match meta.author {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(bad("no `author`".into())),
    };
    let published = meta.published_at.ok_or_else(|| bad("no `published_at`".into()))?;
    let month: Month = published.parse().map_err(|e| bad(format!("`published_at`: {e}")))?;
    let mut note: Note = serde_json::from_str(text).map_err(|e| bad(format!("not a note: {e}")))?;
    if sponsored && !note.sponsored && !Note::json_declares_sponsored(text) {
        note.sponsored = true;
    }
    Ok(Some(AuditNote {
        cues: audit::cues(linter, &note),
        author,
        month,
        sponsored: note.sponsored,
        id: note.id.clone().unwrap_or_else(|| line.into()),
        line,
    }))
}

pub fn run(args: &AuditArgs) -> Result<u8, String> {
    if !(0.0..=100.0).contains(&args.cap) {
        return Err(format!("--cap {} is not a percentage", args.cap));
    }
    let mut resolver = Resolver::new(&args.packs, &args.config, None);
    let mut plan = Vec::new();
    for path in &args.paths {
        plan.push((path, resolver.for_path(path)?));
    }
    let jobs = args.jobs.map_or_else(redlint::batch::default_jobs, usize::from);
    let mut audit = Audit::new(args.cap / 100.0);
    let mut bad: Vec<BadRecord> = Vec::new();
    let mut read_any = false;
    for (path, settings) in plan {
        let name = path.display().to_string();
        let source_error = |error: String| BadRecord {
            path: name.clone(),
            line: None,
            error: error.strip_prefix(&format!("{name}: ")).unwrap_or(&error).to_owned(),
        };
        let reader = match input::open(path, InputFormat::Jsonl, settings.sponsored) {
            Ok(Source::Lines(reader, _)) => reader,
            Ok(Source::One(_)) => unreachable!("opened as JSONL"),
            Err(e) => {
                bad.push(source_error(e));
                continue;
            }
        };
        let linter = &settings.linter;
        let (before, mut read_here) = (bad.len(), false);
        let work = |chunk: input::Chunk| -> Vec<Parsed> {
            let first = chunk.first_line;
            chunk
                .lines
                .into_iter()
                .enumerate()
                .map(|(i, raw)| parse(raw, first + i, &name, linter, settings.sponsored))
                .collect()
        };
        let result = redlint::batch::map_ordered(Chunks::new(reader, &name), jobs, work, |parsed| {
            for p in parsed {
                match p {
                    Ok(Some(note)) => {
                        read_here = true;
                        audit.add(note);
                    }
                    Ok(None) => {}
                    Err(b) => bad.push(b),
                }
            }
        });
        if let Err(e) = result {
            bad.push(source_error(e));
        }
        read_any |= read_here;
        // a text note (or any file without one JSON line) is one error, not one per line
        let here = &bad[before..];
        if !read_here && !here.is_empty() && here.iter().all(|b| b.line.is_some() && b.error.starts_with(NOT_JSON)) {
            bad.truncate(before);
            bad.push(BadRecord {
                path: name.clone(),
                line: None,
                error: NOT_JSONL.to_owned(),
            });
        }
    }
    let report = audit.report();
    let text = match args.format {
        AuditFormat::Human => {
            for b in &bad {
                let at = b.line.map(|l| format!(":{l}")).unwrap_or_default();
                crate::say(&format!("redlint: {}{at}: {}", b.path, b.error));
            }
            redlint::report::audit::human(&report, &bad)
        }
        AuditFormat::Json => redlint::report::audit::json(&report, &bad),
    };
    crate::print_out(&text)?;
    Ok(if !bad.is_empty() || !read_any {
        EXIT_TROUBLE
    } else if !report.is_clean() {
        EXIT_VIOLATIONS
    } else {
        0
    })
}
