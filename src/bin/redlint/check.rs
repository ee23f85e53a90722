//! `redlint check`: read every source, lint every note, print in the chosen format.

use std::io::{self, Write};
use std::path::PathBuf;

use redlint::report::{self, NoteReport, Options, Summary};
use redlint::{Note, Severity, Violation};

use crate::input::{self, Item};
use crate::{CheckArgs, EXIT_TROUBLE, EXIT_VIOLATIONS, Format};

/// A note kept for the `json` document, which is printed once at the end.
type Kept =
    Result<(String, serde_json::Value, Note, report::Origin, Vec<Violation>), (String, serde_json::Value, String)>;

pub fn run(args: &CheckArgs) -> Result<u8, String> {
    let linter = args.packs.linter().map_err(|e| e.to_string())?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let options = Options { lang: args.lang };
    let mut summary = Summary::default();
    let mut trouble = false;
    let mut worst: Option<Severity> = None;
    let mut kept: Vec<Kept> = Vec::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for path in &paths {
        let name = path.display().to_string();
        let items = match input::open(path, args.input_format) {
            Ok(items) => items,
            Err(message) => {
                eprintln!("redlint: {message}");
                trouble = true;
                summary.errors += 1;
                continue;
            }
        };
        for item in items {
            match item {
                Item::Error { id, message } => {
                    trouble = true;
                    summary.errors += 1;
                    match args.format {
                        Format::Jsonl => writeln!(out, "{}", report::json::jsonl_error(&id, &message)),
                        Format::Json => {
                            kept.push(Err((name.clone(), id, message)));
                            Ok(())
                        }
                        Format::Human | Format::Line => {
                            out.flush().ok();
                            eprintln!("redlint: {name}: {message}");
                            Ok(())
                        }
                    }
                    .map_err(|e| e.to_string())?;
                }
                Item::Note { id, mut note, origin } => {
                    note.sponsored |= args.sponsored;
                    let violations = linter.lint(&note);
                    summary.add(&violations);
                    worst = worst.max(violations.iter().map(|v| v.severity).max());
                    let r = NoteReport {
                        path: &name,
                        id,
                        note: &note,
                        origin,
                        violations: &violations,
                    };
                    let text = match args.format {
                        Format::Human => report::human::render(&r, &options),
                        Format::Line => report::line::render(&r, &options),
                        Format::Jsonl => report::json::jsonl_line(&r) + "\n",
                        Format::Json => {
                            let NoteReport { id, origin, .. } = r;
                            kept.push(Ok((name.clone(), id, note, origin, violations)));
                            String::new()
                        }
                    };
                    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
                }
            }
        }
    }
    if args.format == Format::Json {
        let items: Vec<Result<NoteReport<'_>, (String, serde_json::Value, String)>> = kept
            .iter()
            .map(|k| match k {
                Ok((path, id, note, origin, violations)) => Ok(NoteReport {
                    path,
                    id: id.clone(),
                    note,
                    origin: origin.clone(),
                    violations,
                }),
                Err(e) => Err(e.clone()),
            })
            .collect();
        out.write_all(report::json::document(&items, &summary).as_bytes())
            .map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    if args.format == Format::Human && !args.quiet {
        eprintln!("{summary}");
    }
    Ok(if trouble {
        EXIT_TROUBLE
    } else if worst.is_some_and(|w| w >= args.fail_on) {
        EXIT_VIOLATIONS
    } else {
        0
    })
}
