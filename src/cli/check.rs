//! `redlint check`: read every source, lint every note, print in the chosen format. JSONL
//! sources stream through `crate::batch::map_ordered` on `--jobs` threads.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::audit::{Audit, AuditNote, Month};
use crate::report::{self, NoteReport, Options, Summary};
use crate::{Rule, Severity};

use crate::cli::input::{self, Chunks, Item, Source};
use crate::cli::progress::Progress;
use crate::cli::settings::{Resolver, Settings};
use crate::cli::{CheckArgs, EXIT_TROUBLE, EXIT_VIOLATIONS, Format};

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
    /// html: clean notes' lines, unreadable records' lines (the notes with findings are
    /// `entries`), and the notes with an author and a date, for the audit in the summary.
    clean: Vec<String>,
    unreadable: Vec<String>,
    audit: Vec<AuditNote>,
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
        self.clean.extend(other.clean);
        self.unreadable.extend(other.unreadable);
        self.audit.extend(other.audit);
        self.summary.merge(other.summary);
        self.worst = self.worst.max(other.worst);
        self.trouble |= other.trouble;
    }
}

/// What the html format needs to know of an item besides the note: a key unique in the page,
/// and the author and month of a record that has them (for the audit in the summary).
#[derive(Default)]
struct PageInfo {
    key: String,
    author_month: Option<(String, Month)>,
}

/// Checks one item and renders it in `format`.
fn render(item: Item, path: &str, settings: &Settings, args: &CheckArgs, page: PageInfo) -> Rendered {
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
                Format::Html => r.unreadable.push(report::html::error_item(path, &id, &message)),
                Format::Human | Format::Line => r.stderr.push(format!("{path}: {message}")),
            }
        }
        Item::Note { id, mut note, origin } => {
            note.sponsored |= force_sponsored;
            let mut violations = settings.linter.lint(&note);
            // the note's pictures: their text and codes, as fields `images[N]`
            let images = crate::cli::images::check(&note, path, settings, format == Format::Html);
            violations.extend(images.violations);
            if !images.errors.is_empty() {
                r.trouble = true;
                if matches!(format, Format::Human | Format::Line) {
                    r.stderr.extend(images.errors);
                }
            }
            r.summary.add(&violations);
            r.worst = violations.iter().map(|v| v.severity).max();
            let nr = NoteReport::new(path, id, &note, origin, &violations).with_images(&images.reports);
            match format {
                Format::Human => r.text = report::human::render(&nr, &options),
                Format::Line => r.text = report::line::render(&nr, &options),
                Format::Github => r.text = report::github::render(&nr, &options),
                Format::Jsonl => r.text = report::json::jsonl_line(&nr) + "\n",
                Format::Json => r.entries.push(report::json::document_note(&nr)),
                Format::Sarif => r.entries = report::sarif::results(&nr, &options),
                Format::Html if violations.is_empty() => r.clean.push(report::html::clean_note(&nr)),
                Format::Html => r.entries.push(report::html::note_article(&nr, &options, &page.key)),
            }
            if let Some((author, month)) = page.author_month {
                let cues = match crate::audit::cue_rule(&settings.linter) {
                    Some(rule) if !note.sponsored => violations
                        .iter()
                        .filter(|v| v.rule == rule.id)
                        .map(|v| v.matched.clone())
                        .collect(),
                    _ => Vec::new(),
                };
                r.audit.push(AuditNote {
                    author,
                    month,
                    sponsored: note.sponsored,
                    cues,
                    id: nr.id.clone(),
                    line: match nr.origin {
                        report::Origin::Record { line } => line,
                        _ => 0,
                    },
                });
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
    /// html: the notes with findings, in input order.
    findings: Vec<String>,
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
        if self.format == Format::Html {
            // one page: everything is written at the end, the summary on top
            self.findings.append(&mut r.entries);
        }
        let (text, entries, stderr) = (
            std::mem::take(&mut r.text),
            std::mem::take(&mut r.entries),
            std::mem::take(&mut r.stderr),
        );
        // counted before it is written: when the reader goes away midway, the exit code is
        // still that of everything checked
        self.total.merge(r);
        self.out.write_all(text.as_bytes())?;
        for e in entries {
            if self.entries > 0 {
                self.out.write_all(b",\n")?;
            }
            self.out.write_all(e.as_bytes())?;
            self.entries += 1;
        }
        if !stderr.is_empty() {
            self.out.flush()?;
            for e in stderr {
                crate::cli::say(&format!("redlint: {e}"));
            }
        }
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

    fn end(&mut self, rules: Vec<&Rule>, options: &Options) -> io::Result<()> {
        match self.format {
            Format::Html => {
                let audit = (!self.total.audit.is_empty()).then(|| {
                    let mut audit = Audit::new(crate::audit::SPONSORED_CAP);
                    for n in self.total.audit.drain(..) {
                        audit.add(n);
                    }
                    audit.report()
                });
                let extras = report::html::Extras {
                    audit: audit.as_ref(),
                    rules,
                };
                let page = report::html::document(
                    &self.total.summary,
                    &extras,
                    options,
                    &self.findings,
                    &self.total.clean,
                    &self.total.unreadable,
                );
                self.out.write_all(page.as_bytes())?;
            }
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
        Format::Html => r.unreadable.push(report::html::error_item(path, &id, &message)),
        _ => r.stderr.push(format!("{path}: {message}")),
    }
    r
}

/// JSONL input larger than this is linted with the linter built for throughput.
const BATCH_BYTES: u64 = 3 << 20;

pub fn run(args: &CheckArgs) -> Result<u8, String> {
    // a few notes: start fast; JSONL from stdin or JSONL files of more than a few megabytes:
    // scan fast (the DFA costs ~10 ms more to build and scans ~4 ms/MB faster on one core, so
    // it pays from about 3.5 MB of real notes on)
    let jsonl = |p: &PathBuf| {
        args.input_format == crate::cli::InputFormat::Jsonl
            || p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
    };
    let batch = args.paths.is_empty() && args.input_format == crate::cli::InputFormat::Jsonl
        || args.paths.iter().any(|p| p.as_os_str() == "-")
        || args
            .paths
            .iter()
            .filter(|p| jsonl(p))
            .map(|p| std::fs::metadata(p).map_or(u64::MAX, |m| m.len()))
            .fold(0u64, u64::saturating_add)
            > BATCH_BYTES;
    let mut resolver = Resolver::new(&args.packs, &args.config, args.lang).quick_start(!batch);
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
    let jobs = args.jobs.map_or_else(crate::batch::default_jobs, usize::from);
    let stdout = io::stdout();
    let mut printer = Printer {
        out: io::BufWriter::with_capacity(1 << 16, stdout.lock()),
        format: args.format,
        entries: 0,
        total: Rendered::default(),
        findings: Vec::new(),
    };
    // a brief's items are all shown in the summary, those no note missed too
    if let Some(brief) = plan.iter().find_map(|(_, s)| s.linter.brief()) {
        printer.total.summary.set_brief(brief);
    }
    // a reader that went away (`redlint check … | head`) ends the output quietly: nothing more
    // is read or checked, and the exit code is that of what was checked until then
    let mut gone = false;
    written(printer.begin(), &mut gone)?;
    // the page's language: the command line's, else the first config's
    let page_lang = plan.iter().find_map(|(_, s)| s.lang);
    for (source, (path, settings)) in plan.into_iter().enumerate() {
        if gone {
            break;
        }
        written(
            check_source(path, source, &settings, args, jobs, &mut printer),
            &mut gone,
        )?;
    }
    let mut rules: BTreeMap<&str, &Rule> = BTreeMap::new();
    for linter in resolver.linters() {
        for r in linter.rules() {
            rules.entry(r.id.as_str()).or_insert(r);
        }
    }
    let options = Options {
        lang: page_lang,
        columns: args.columns.into(),
    };
    if !gone {
        written(printer.end(rules.into_values().collect(), &options), &mut gone)?;
    }
    let total = &printer.total;
    if args.format == Format::Human && !args.quiet && !gone {
        crate::cli::say(&total.summary.to_string());
    }
    Ok(if total.trouble {
        EXIT_TROUBLE
    } else if total.worst.is_some_and(|w| w >= args.fail_on) {
        EXIT_VIOLATIONS
    } else {
        0
    })
}

/// The outcome of writing the report: a reader that went away sets `gone` (the output ends
/// quietly); any other failure is an error.
fn written(result: io::Result<()>, gone: &mut bool) -> Result<(), String> {
    match result {
        Err(e) if crate::cli::reader_gone(&e) => {
            *gone = true;
            Ok(())
        }
        other => other.map_err(|e| format!("writing the report: {e}")),
    }
}

fn check_source<W: Write>(
    path: &Path,
    nth: usize,
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
        Source::One(item) => {
            let page = PageInfo {
                key: format!("n{nth}"),
                author_month: None,
            };
            printer.print(render(*item, &name, settings, args, page))
        }
        Source::Lines(reader, size) => {
            let mut progress = Progress::new(size, args.quiet);
            let mut failed: Option<io::Error> = None;
            let work = |chunk: input::Chunk| {
                let mut out = Rendered::default();
                for (i, raw) in chunk.lines.into_iter().enumerate() {
                    let line = chunk.first_line + i;
                    let mut page = PageInfo::default();
                    let item = match raw {
                        Ok(bytes) => {
                            if args.format == Format::Html {
                                page.key = format!("n{nth}-{line}");
                                page.author_month =
                                    std::str::from_utf8(&bytes).ok().and_then(crate::audit::author_month);
                            }
                            input::parse_line(&bytes, line, settings.sponsored)
                        }
                        Err(message) => Item::Error {
                            id: line.into(),
                            line: Some(line),
                            message,
                        },
                    };
                    out.merge(render(item, &name, settings, args, page));
                }
                (out, chunk.bytes)
            };
            // a failed write (a closed pipe) stops the reading too
            let stop = std::sync::atomic::AtomicBool::new(false);
            let chunks = Chunks::new(reader, &name).take_while(|_| !stop.load(std::sync::atomic::Ordering::Relaxed));
            let result = crate::batch::map_ordered(chunks, jobs, work, |(r, bytes)| {
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
