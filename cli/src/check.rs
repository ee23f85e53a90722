//! `redlint check`: read every source, lint every note, print in the chosen format. JSONL
//! sources stream through `redlint::batch::map_ordered` on `--jobs` threads.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use redlint::audit::{Audit, AuditNote, Month};
use redlint::report::{self, Ending, NoteReport, Options, Rendered, Renderer, Summary};
use redlint::{Rule, Severity};

use crate::input::{self, Chunks, Item, Source};
use crate::progress::Progress;
use crate::settings::{Resolver, Settings};
use crate::{CheckArgs, EXIT_TROUBLE, EXIT_VIOLATIONS, Format};

/// What the checking of one note or one chunk of notes produced: its rendering, ready to
/// print, and what the run counts.
#[derive(Default)]
struct Checked {
    out: Rendered,
    /// The notes with an author and a date, for the audit of a one-page format.
    audit: Vec<AuditNote>,
    summary: Summary,
    worst: Option<Severity>,
    trouble: bool,
}

impl Checked {
    fn merge(&mut self, other: Checked) {
        self.out.merge(other.out);
        self.audit.extend(other.audit);
        self.summary.merge(other.summary);
        self.worst = self.worst.max(other.worst);
        self.trouble |= other.trouble;
    }

    /// An unreadable record or source.
    fn trouble() -> Checked {
        let mut c = Checked {
            trouble: true,
            ..Checked::default()
        };
        c.summary.errors += 1;
        c
    }
}

/// What a one-page format needs to know of an item besides the note: a key unique in the
/// page, and the author and month of a record that has them (for the audit in the summary).
#[derive(Default)]
struct PageInfo {
    key: String,
    author_month: Option<(String, Month)>,
}

/// Checks one item and renders it.
fn render(item: Item, path: &str, settings: &Settings, args: &CheckArgs, page: PageInfo) -> Checked {
    let renderer = args.format.renderer();
    let options = Options {
        lang: settings.lang,
        columns: args.columns.into(),
    };
    match item {
        Item::Error { id, line, message } => {
            let mut c = Checked::trouble();
            renderer.error(path, &id, line, &message, &mut c.out);
            c
        }
        Item::Note { id, mut note, origin } => {
            let mut c = Checked::default();
            note.sponsored |= args.sponsored;
            let mut violations = settings.linter.lint(&note);
            // the note's pictures: their text and codes, as fields `images[N]`
            let images = crate::images::check(&note, path, settings, renderer.one_page());
            violations.extend(images.violations);
            if !images.errors.is_empty() {
                c.trouble = true;
                if renderer.errors_on_stderr() {
                    c.out.stderr.extend(images.errors);
                }
            }
            c.summary.add(&violations);
            c.worst = violations.iter().map(|v| v.severity).max();
            let nr = NoteReport::new(path, id, &note, origin, &violations).with_images(&images.reports);
            renderer.note(&nr, &options, &page.key, &mut c.out);
            if let Some((author, month)) = page.author_month {
                let cues = match redlint::audit::cue_rule(&settings.linter) {
                    Some(rule) if !note.sponsored => violations
                        .iter()
                        .filter(|v| v.rule == rule.id)
                        .map(|v| v.matched.clone())
                        .collect(),
                    _ => Vec::new(),
                };
                c.audit.push(AuditNote {
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
            c
        }
    }
}

/// Prints rendered output in input order, keeping the document formats well-formed; what a
/// format writes at the end is kept in `total`.
struct Printer<W: Write> {
    out: W,
    renderer: &'static dyn Renderer,
    entries: usize,
    total: Checked,
}

impl<W: Write> Printer<W> {
    fn begin(&mut self) -> io::Result<()> {
        self.out.write_all(self.renderer.begin().as_bytes())
    }

    fn print(&mut self, mut c: Checked) -> io::Result<()> {
        let (text, entries, stderr) = (
            std::mem::take(&mut c.out.text),
            std::mem::take(&mut c.out.entries),
            std::mem::take(&mut c.out.stderr),
        );
        // counted before it is written: when the reader goes away midway, the exit code is
        // still that of everything checked
        self.total.merge(c);
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
                crate::say(&format!("redlint: {e}"));
            }
        }
        Ok(())
    }

    /// A source that could not be read at all.
    fn source_error(&mut self, path: &str, message: String) -> io::Result<()> {
        let mut c = Checked::trouble();
        self.renderer.source_error(path, &message, &mut c.out);
        self.print(c)
    }

    fn end(&mut self, rules: Vec<&Rule>, options: &Options) -> io::Result<()> {
        let audit = (self.renderer.one_page() && !self.total.audit.is_empty()).then(|| {
            let mut audit = Audit::new(redlint::audit::SPONSORED_CAP);
            for n in self.total.audit.drain(..) {
                audit.add(n);
            }
            audit.report()
        });
        let ending = Ending {
            summary: &self.total.summary,
            rules,
            options,
            kept: &self.total.out,
            audit: audit.as_ref(),
        };
        self.out.write_all(self.renderer.end(&ending).as_bytes())?;
        self.out.flush()
    }
}

/// JSONL input larger than this is linted with the linter built for throughput.
const BATCH_BYTES: u64 = 512 << 10;

pub fn run(args: &CheckArgs) -> Result<u8, String> {
    // a few notes: start fast; JSONL from stdin or JSONL files of more than half a megabyte:
    // scan fast (the quick start's table of terms costs a pass over them to build, the DFA
    // about 8 ms more, and the table scans ~50 ms/MB slower: measured even at 500 KB of real
    // notes)
    let jsonl = |p: &PathBuf| {
        args.input_format == crate::InputFormat::Jsonl || p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
    };
    let batch = args.paths.is_empty() && args.input_format == crate::InputFormat::Jsonl
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
    let jobs = args.jobs.map_or_else(redlint::batch::default_jobs, usize::from);
    let stdout = io::stdout();
    let mut printer = Printer {
        out: io::BufWriter::with_capacity(1 << 16, stdout.lock()),
        renderer: args.format.renderer(),
        entries: 0,
        total: Checked::default(),
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
        crate::say(&total.summary.to_string());
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
        Err(e) if crate::reader_gone(&e) => {
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
                let mut out = Checked::default();
                for (i, raw) in chunk.lines.into_iter().enumerate() {
                    let line = chunk.first_line + i;
                    let mut page = PageInfo::default();
                    let item = match raw {
                        Ok(bytes) => {
                            if args.format.renderer().one_page() {
                                page.key = format!("n{nth}-{line}");
                                page.author_month =
                                    std::str::from_utf8(&bytes).ok().and_then(redlint::audit::author_month);
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
            let result = redlint::batch::map_ordered(chunks, jobs, work, |(r, bytes)| {
                if failed.is_none() {
                    if !r.out.stderr.is_empty() {
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
