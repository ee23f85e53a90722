//! `redlint check`: read every source, lint every note, print in the chosen format. JSONL
//! sources stream through `redlint::batch::map_ordered` on `--jobs` threads.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use redlint::report::{self, NoteReport, Options, Summary};
use redlint::{Rule, Severity};

use crate::input::{self, Chunks, Item, Source};
use crate::progress::Progress;
use crate::settings::{Resolver, Settings};
use crate::{CheckArgs, EXIT_TROUBLE, EXIT_VIOLATIONS, Format};

/// What the checking of one note or one chunk of notes produced, ready to print.
#[derive(Default)]
struct Rendered {
    /// Output of the streamed formats.
    text: String,
    /// Entries of the document formats (json notes, sarif results).
    entries: Vec<String>,
    /// Errors for stderr (human and line formats).
    stderr: Vec<String>,
    /// SARIF notifications for records that could not be read.
    notifications: Vec<serde_json::Value>,
    summary: Summary,
    worst: Option<Severity>,
    trouble: bool,
}

impl Rendered {
    fn merge(&mut self, other: Rendered) {
        self.text.push_str(&other.text);
        self.entries.extend(other.entries);
        self.stderr.extend(other.stderr);
        self.notifications.extend(other.notifications);
        self.summary.merge(other.summary);
        self.worst = self.worst.max(other.worst);
        self.trouble |= other.trouble;
    }
}

/// Checks one item and renders it in `format`.
fn render(item: Item, path: &str, settings: &Settings, args: &CheckArgs) -> Rendered {
    let (format, force_sponsored) = (args.format, args.sponsored);
    let mut r = Rendered::default();
    let options = Options {
        lang: settings.lang,
        columns: args.columns.into(),
    };
    match item {
        Item::Error { id, line, message } => {
            r.trouble = true;
            r.summary.errors += 1;
            match format {
                Format::Jsonl => r.text = report::json::jsonl_error(&id, &message) + "\n",
                Format::Json => r.entries.push(report::json::document_error(path, &id, &message)),
                Format::Sarif => r.notifications.push(report::sarif::notification(path, line, &message)),
                Format::Github => r.text = report::github::error(path, line, &message),
                Format::Human | Format::Line => r.stderr.push(format!("{path}: {message}")),
            }
        }
        Item::Note { id, mut note, origin } => {
            note.sponsored |= force_sponsored;
            let violations = settings.linter.lint(&note);
            r.summary.add(&violations);
            r.worst = violations.iter().map(|v| v.severity).max();
            let nr = NoteReport::new(path, id, &note, origin, &violations);
            match format {
                Format::Human => r.text = report::human::render(&nr, &options),
                Format::Line => r.text = report::line::render(&nr, &options),
                Format::Github => r.text = report::github::render(&nr, &options),
                Format::Jsonl => r.text = report::json::jsonl_line(&nr) + "\n",
                Format::Json => r.entries.push(report::json::document_note(&nr)),
                Format::Sarif => r.entries = report::sarif::results(&nr, &options),
            }
        }
    }
    r
}

/// Prints rendered output in order, keeping the document formats well-formed.
struct Printer<W: Write> {
    out: W,
    format: Format,
    entries: usize,
    total: Rendered,
}

impl<W: Write> Printer<W> {
    fn begin(&mut self) -> io::Result<()> {
        match self.format {
            Format::Json => self.out.write_all(report::json::document_begin().as_bytes()),
            Format::Sarif => self.out.write_all(report::sarif::begin().as_bytes()),
            _ => Ok(()),
        }
    }

    fn print(&mut self, mut r: Rendered) -> io::Result<()> {
        self.out.write_all(r.text.as_bytes())?;
        for e in r.entries.drain(..) {
            if self.entries > 0 {
                self.out.write_all(b",\n")?;
            }
            self.out.write_all(e.as_bytes())?;
            self.entries += 1;
        }
        if !r.stderr.is_empty() {
            self.out.flush()?;
            for e in r.stderr.drain(..) {
                eprintln!("redlint: {e}");
            }
        }
        r.text.clear();
        self.total.merge(r);
        Ok(())
    }

    /// A source that could not be read at all.
    fn source_error(&mut self, path: &str, message: String) -> io::Result<()> {
        let r = match self.format {
            // for jsonl there is no input line to stand in for: it goes to stderr
            Format::Human | Format::Line | Format::Jsonl => {
                let mut r = Rendered {
                    trouble: true,
                    stderr: vec![message],
                    ..Rendered::default()
                };
                r.summary.errors += 1;
                r
            }
            _ => {
                let message = message
                    .strip_prefix(&format!("{path}: "))
                    .unwrap_or(&message)
                    .to_owned();
                render_error_only(path, message, self.format)
            }
        };
        self.print(r)
    }

    fn end(&mut self, rules: Vec<&Rule>) -> io::Result<()> {
        match self.format {
            Format::Json => self
                .out
                .write_all(report::json::document_end(&self.total.summary).as_bytes())?,
            Format::Sarif => self
                .out
                .write_all(report::sarif::end(rules, &self.total.notifications).as_bytes())?,
            _ => {}
        }
        self.out.flush()
    }
}

/// Renders an unreadable source (json, sarif, github), which needs no linter.
fn render_error_only(path: &str, message: String, format: Format) -> Rendered {
    let mut r = Rendered {
        trouble: true,
        ..Rendered::default()
    };
    r.summary.errors += 1;
    let id = serde_json::Value::from(path);
    match format {
        Format::Json => r.entries.push(report::json::document_error(path, &id, &message)),
        Format::Sarif => r.notifications.push(report::sarif::notification(path, None, &message)),
        Format::Github => r.text = report::github::error(path, None, &message),
        _ => r.stderr.push(format!("{path}: {message}")),
    }
    r
}

pub fn run(args: &CheckArgs) -> Result<u8, String> {
    let mut resolver = Resolver::new(&args.packs, &args.config, args.lang);
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    // settings first: a bad config or pack is a usage error, before any output
    let mut plan = Vec::new();
    for path in &paths {
        plan.push((path, resolver.for_path(path)?));
    }
    let jobs = args.jobs.map_or_else(redlint::batch::default_jobs, usize::from);
    let stdout = io::stdout();
    let mut printer = Printer {
        out: io::BufWriter::with_capacity(1 << 16, stdout.lock()),
        format: args.format,
        entries: 0,
        total: Rendered::default(),
    };
    // a brief's items are all shown in the summary, those no note missed too
    if let Some(brief) = plan.iter().find_map(|(_, s)| s.linter.brief()) {
        printer.total.summary.set_brief(brief);
    }
    let io_err = |e: io::Error| format!("writing the report: {e}");
    printer.begin().map_err(io_err)?;
    for (path, settings) in plan {
        check_source(path, &settings, args, jobs, &mut printer).map_err(io_err)?;
    }
    let mut rules: BTreeMap<&str, &Rule> = BTreeMap::new();
    for linter in resolver.linters() {
        for r in linter.rules() {
            rules.entry(r.id.as_str()).or_insert(r);
        }
    }
    printer.end(rules.into_values().collect()).map_err(io_err)?;
    let total = &printer.total;
    if args.format == Format::Human && !args.quiet {
        eprintln!("{}", total.summary);
    }
    Ok(if total.trouble {
        EXIT_TROUBLE
    } else if total.worst.is_some_and(|w| w >= args.fail_on) {
        EXIT_VIOLATIONS
    } else {
        0
    })
}

fn check_source<W: Write>(
    path: &Path,
    settings: &Settings,
    args: &CheckArgs,
    jobs: usize,
    printer: &mut Printer<W>,
) -> io::Result<()> {
    let name = path.display().to_string();
    let source = match input::open(path, args.input_format, settings.sponsored) {
        Ok(s) => s,
        Err(message) => return printer.source_error(&name, message),
    };
    match source {
        Source::One(item) => printer.print(render(item, &name, settings, args)),
        Source::Lines(reader, size) => {
            let mut progress = Progress::new(size, args.quiet);
            let mut failed: Option<io::Error> = None;
            let work = |chunk: input::Chunk| {
                let mut out = Rendered::default();
                for (i, raw) in chunk.lines.into_iter().enumerate() {
                    let line = chunk.first_line + i;
                    let item = match raw {
                        Ok(bytes) => input::parse_line(&bytes, line, settings.sponsored),
                        Err(message) => Item::Error {
                            id: line.into(),
                            line: Some(line),
                            message,
                        },
                    };
                    out.merge(render(item, &name, settings, args));
                }
                (out, chunk.bytes)
            };
            // a failed write (a closed pipe) stops the reading too
            let stop = std::sync::atomic::AtomicBool::new(false);
            let chunks = Chunks::new(reader, &name).take_while(|_| !stop.load(std::sync::atomic::Ordering::Relaxed));
            let result = redlint::batch::map_ordered(chunks, jobs, work, |(r, bytes)| {
                if failed.is_none() {
                    if !r.stderr.is_empty() {
                        progress.clear();
                    }
                    failed = printer.print(r).err();
                    if failed.is_some() {
                        stop.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                    progress.advance(bytes);
                }
            });
            progress.clear();
            if let Some(e) = failed {
                return Err(e);
            }
            match result {
                Ok(()) => Ok(()),
                Err(message) => printer.source_error(&name, message),
            }
        }
    }
}
