//! `redlint fix`: applies suggestions. Text notes are rewritten in place (atomically: a
//! temporary file beside it, then a rename); JSONL notes are written to stdout or `--output`,
//! one line per input line, unchanged lines byte for byte; `--diff` prints a unified diff and
//! writes nothing.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use redlint::fix::{self, FixOptions, Fixed};
use redlint::{Field, Note};

use crate::input::{self, Chunks};
use crate::settings::{ConfigArgs, Resolver, Settings};
use crate::{EXIT_TROUBLE, InputFormat, PackArgs};

#[derive(Debug, clap::Args)]
pub struct FixArgs {
    /// Notes to fix: text files in place, `.jsonl` to stdout (or `--output`); `-` reads stdin
    /// and writes the fixed note to stdout.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print a unified diff of the fixes instead of writing them.
    #[arg(long)]
    diff: bool,
    /// Also apply suggestions marked unsafe (they change what the note says: read the diff).
    #[arg(long = "unsafe")]
    unsafe_too: bool,
    /// Fix violations at or above this severity (a violation the linter lowered to info is
    /// one it judged innocent).
    #[arg(long, value_name = "SEVERITY", default_value = "warning", value_parser = crate::parse_severity)]
    fix_on: redlint::Severity,
    /// Where fixed JSONL notes go (default: stdout). Never the input itself.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// Treat every note as sponsored.
    #[arg(long)]
    sponsored: bool,
    /// No summary on stderr.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    packs: PackArgs,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Default)]
struct Tally {
    files: usize,
    fixes: usize,
    unsafe_left: usize,
    overlapping: usize,
    trouble: bool,
}

impl Tally {
    fn add<T>(&mut self, f: &Fixed<T>) {
        self.fixes += f.applied.len();
        self.unsafe_left += f.unsafe_left;
        self.overlapping += f.overlapping;
    }
}

impl FixArgs {
    fn options(&self) -> FixOptions {
        FixOptions {
            unsafe_too: self.unsafe_too,
            min_severity: self.fix_on,
        }
    }
}

pub fn run(args: &FixArgs) -> Result<u8, String> {
    let mut resolver = Resolver::new(&args.packs, &args.config, None).quick_start(true);
    let mut plan = Vec::new();
    for path in &args.paths {
        plan.push((path, resolver.for_path(path)?));
    }
    let jsonl_inputs = plan.iter().filter(|(p, _)| is_jsonl(p, args.input_format)).count();
    if let Some(out) = &args.output {
        if jsonl_inputs == 0 {
            return Err("--output is for JSONL inputs; text notes are fixed in place".to_owned());
        }
        if args.paths.iter().any(|p| same_file(p, out)) {
            return Err(format!(
                "--output {} is one of the inputs; write elsewhere",
                out.display()
            ));
        }
    }
    let stdout = io::stdout();
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) if !args.diff => Box::new(BufWriter::new(
            File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?,
        )),
        _ => Box::new(BufWriter::new(stdout.lock())),
    };
    let mut tally = Tally::default();
    // a reader that went away (`redlint fix notes.jsonl | head`) ends the output quietly
    let mut gone = false;
    for (path, settings) in plan {
        let name = path.display().to_string();
        let result = if is_jsonl(path, args.input_format) {
            fix_jsonl(path, &name, &settings, args, &mut out, &mut tally)
        } else {
            fix_text_file(path, &name, &settings, args, &mut out, &mut tally)
        };
        match result {
            Ok(()) => {}
            Err(Stop::Gone) => {
                gone = true;
                break;
            }
            Err(Stop::Trouble(message)) => {
                if let Err(e) = out.flush() {
                    gone |= crate::reader_gone(&e);
                }
                crate::say(&format!("redlint: {message}"));
                tally.trouble = true;
            }
        }
    }
    if !gone {
        match out.flush() {
            Err(e) if crate::reader_gone(&e) => gone = true,
            other => other.map_err(|e| format!("writing: {e}"))?,
        }
    }
    if !args.quiet && !gone {
        let verb = if args.diff { "would fix" } else { "fixed" };
        let mut line = format!(
            "{verb} {} in {}",
            plural(tally.fixes, "violation", None),
            plural(tally.files, "file", None)
        );
        if tally.unsafe_left > 0 {
            line.push_str(&format!(
                "; {} only unsafe fixes (use --unsafe)",
                plural(tally.unsafe_left, "violation has", Some("violations have"))
            ));
        }
        if tally.overlapping > 0 {
            line.push_str(&format!(
                "; {} overlapping another, left",
                plural(tally.overlapping, "fix", Some("fixes"))
            ));
        }
        crate::say(&line);
    }
    Ok(if tally.trouble { EXIT_TROUBLE } else { 0 })
}

/// Why fixing a source stopped early.
enum Stop {
    /// Something to report (the other sources are still fixed).
    Trouble(String),
    /// The reader of the output went away: the output ends quietly, nothing more is read.
    Gone,
}

impl From<String> for Stop {
    fn from(message: String) -> Stop {
        Stop::Trouble(message)
    }
}

/// A failed write of the output.
fn written(e: io::Error) -> Stop {
    if crate::reader_gone(&e) {
        Stop::Gone
    } else {
        Stop::Trouble(format!("writing: {e}"))
    }
}

fn plural(n: usize, one: &str, many: Option<&str>) -> String {
    match many {
        Some(many) if n != 1 => format!("{n} {many}"),
        None if n != 1 => format!("{n} {one}s"),
        _ => format!("{n} {one}"),
    }
}

fn is_jsonl(path: &Path, format: InputFormat) -> bool {
    match format {
        InputFormat::Jsonl => true,
        InputFormat::Auto => matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson")),
        _ => false,
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn fix_text_file(
    path: &Path,
    name: &str,
    settings: &Settings,
    args: &FixArgs,
    out: &mut dyn Write,
    tally: &mut Tally,
) -> Result<(), Stop> {
    let stdin = name == "-";
    let text = read_text(path, name)?;
    let sponsored = settings.sponsored || args.sponsored;
    let fixed = fix::fix_text_with(&settings.linter, &text, sponsored, &args.options())
        .map_err(|e| Stop::from(format!("{name}: front matter: {e}")))?;
    tally.add(&fixed);
    if fixed.changed() {
        tally.files += 1;
    }
    let w = written;
    if args.diff {
        if fixed.changed() {
            let diff = similar::TextDiff::from_lines(&text, &fixed.value);
            write!(out, "{}", diff.unified_diff().context_radius(2).header(name, name)).map_err(w)?;
        }
    } else if stdin {
        out.write_all(fixed.value.as_bytes()).map_err(w)?;
    } else if fixed.changed() {
        write_atomically(path, fixed.value.as_bytes()).map_err(|e| Stop::from(format!("{name}: cannot write: {e}")))?;
    }
    Ok(())
}

fn read_text(path: &Path, name: &str) -> Result<String, String> {
    if name != "-" && path.is_dir() {
        return Err(format!("{name}: is a directory (pass the files in it)"));
    }
    let mut bytes = Vec::new();
    let read = if name == "-" {
        io::Read::read_to_end(
            &mut io::Read::take(io::stdin(), input::MAX_NOTE_BYTES as u64 + 1),
            &mut bytes,
        )
    } else {
        let file = File::open(path).map_err(|e| format!("{name}: {}", input::io_message(&e)))?;
        io::Read::read_to_end(&mut io::Read::take(file, input::MAX_NOTE_BYTES as u64 + 1), &mut bytes)
    };
    read.map_err(|e| format!("{name}: {}", input::io_message(&e)))?;
    if bytes.len() > input::MAX_NOTE_BYTES {
        return Err(format!(
            "{name}: too large for one note (over {} MiB)",
            input::MAX_NOTE_BYTES >> 20
        ));
    }
    input::note_text(bytes, name, "fix")
}

/// Replaces `path` with `bytes` through a temporary file in the same directory, keeping the
/// file's permissions: a crash leaves the old note or the new one, never half of one. A
/// symlink is followed: its target is fixed and the link stays a link.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let resolved = std::fs::canonicalize(path)?;
    let path = resolved.as_path();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.redlint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Fixes each JSONL record: a record with fixes is written with its `title`, `body` and `tags`
/// replaced (other fields kept); every other line is written byte for byte.
fn fix_jsonl(
    path: &Path,
    name: &str,
    settings: &Settings,
    args: &FixArgs,
    out: &mut dyn Write,
    tally: &mut Tally,
) -> Result<(), Stop> {
    let source = input::open(path, InputFormat::Jsonl, false)?;
    let input::Source::Lines(reader, _) = source else {
        return Err(Stop::from(format!("{name}: not read as JSONL")));
    };
    let w = written;
    let mut changed_any = false;
    let mut headed = false;
    let mut bad = Vec::new();
    for chunk in Chunks::new(reader, name) {
        let chunk = chunk?;
        for (i, raw) in chunk.lines.into_iter().enumerate() {
            let line = chunk.first_line + i;
            let raw = match raw {
                Ok(raw) => raw,
                Err(message) => {
                    bad.push(message);
                    continue;
                }
            };
            let fixed = fix_record(&raw, settings, args);
            if let Ok((_, fixed)) = &fixed {
                // an unchanged record may still have violations with only unsafe fixes
                tally.add(fixed);
            }
            match fixed {
                Ok((Some(fixed_line), _)) => {
                    changed_any = true;
                    if args.diff {
                        // a unified diff `patch` takes: file headers once, then a hunk per record
                        if !headed {
                            writeln!(out, "--- {name}\n+++ {name}").map_err(w)?;
                            headed = true;
                        }
                        let old = String::from_utf8_lossy(&raw);
                        writeln!(
                            out,
                            "@@ -{line} +{line} @@\n-{}\n+{fixed_line}",
                            old.trim_end_matches(['\n', '\r'])
                        )
                        .map_err(w)?;
                    } else {
                        writeln!(out, "{fixed_line}").map_err(w)?;
                    }
                }
                Ok((None, _)) if !args.diff => {
                    out.write_all(&raw).map_err(w)?;
                    if !raw.ends_with(b"\n") {
                        out.write_all(b"\n").map_err(w)?;
                    }
                }
                Ok((None, _)) => {}
                Err(message) => {
                    bad.push(format!("line {line}: {message}"));
                    if !args.diff {
                        out.write_all(&raw).map_err(w)?;
                        if !raw.ends_with(b"\n") {
                            out.write_all(b"\n").map_err(w)?;
                        }
                    }
                }
            }
        }
    }
    if changed_any {
        tally.files += 1;
    }
    if !bad.is_empty() {
        out.flush().map_err(written)?;
        for m in &bad {
            let what = if args.diff {
                "left out of the diff"
            } else {
                "written unchanged"
            };
            crate::say(&format!("redlint: {name}: {m} ({what})"));
        }
        return Err(Stop::from(format!(
            "{name}: {} could not be read",
            plural(bad.len(), "line", None)
        )));
    }
    Ok(())
}

/// The fixed record's line (`None`: nothing was fixed) and what fixing did.
type FixedRecord = (Option<String>, Fixed<Note>);

fn fix_record(raw: &[u8], settings: &Settings, args: &FixArgs) -> Result<FixedRecord, String> {
    let text = std::str::from_utf8(raw).map_err(|_| "not valid UTF-8".to_owned())?;
    let text = text.trim_end_matches(['\n', '\r']);
    let mut object: Ordered = serde_json::from_str(text).map_err(|e| format!("not a JSON note: {e}"))?;
    let mut note: Note = serde_json::from_str(text).map_err(|e| format!("not a note: {e}"))?;
    if !note.sponsored && (args.sponsored || (settings.sponsored && !Note::json_declares_sponsored(text))) {
        note.sponsored = true;
    }
    let fixed = fix::fix_note_with(&settings.linter, &note, &args.options());
    if !fixed.changed() {
        return Ok((None, fixed));
    }
    let fields: std::collections::BTreeSet<Field> = fixed.applied.iter().map(|a| a.field).collect();
    if fields.contains(&Field::Title) {
        object.insert("title", fixed.value.title.clone().into());
    }
    if fields.contains(&Field::Body) {
        object.insert("body", fixed.value.body.clone().into());
    }
    if fields.iter().any(|f| matches!(f, Field::Tag(_))) {
        object.insert("tags", fixed.value.tags.clone().into());
    }
    let line = serde_json::to_string(&object).expect("plain data");
    Ok((Some(line), fixed))
}

/// A JSON object with its keys in their original order, so that a fixed record differs from
/// the input only in the fixed fields.
struct Ordered(Vec<(String, serde_json::Value)>);

impl Ordered {
    fn insert(&mut self, key: &str, value: serde_json::Value) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key.to_owned(), value)),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        d.deserialize_map(Visitor)
    }
}

impl serde::Serialize for Ordered {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
