//! Reading notes: plain-text files with front matter, JSON documents, JSONL streams.
//!
//! A source that cannot be read at all (missing, a directory, not UTF-8, empty, too large) is
//! one error; a JSONL line that cannot be read is an error for that line only, and the rest is
//! read. JSONL is read in chunks of lines, so that a large file streams through in bounded
//! memory and the chunks can be linted on several threads.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use redlint::Note;
use redlint::report::Origin;

use crate::InputFormat;

/// The largest note read: Xiaohongshu notes are at most 1,000 characters, so anything near this
/// is not a note, and is refused before it is read into memory.
pub const MAX_NOTE_BYTES: usize = 10 << 20;

/// One input note, or why a record could not be read.
pub enum Item {
    Note {
        id: serde_json::Value,
        note: Note,
        origin: Origin,
    },
    Error {
        id: serde_json::Value,
        /// The record's line in a JSONL source.
        line: Option<usize>,
        message: String,
    },
}

/// A readable source.
pub enum Source {
    /// One note (a text file or a JSON document), already read.
    One(Box<Item>),
    /// A JSONL stream and its size in bytes, when known.
    Lines(Box<dyn BufRead + Send>, Option<u64>),
}

/// What `--input-format` resolves to for `path`.
fn resolve(path: &Path, format: InputFormat) -> Option<InputFormat> {
    let stdin = path.as_os_str() == "-";
    match format {
        InputFormat::Auto if stdin => None,
        InputFormat::Auto => Some(match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => InputFormat::Jsonl,
            Some("json") => InputFormat::Json,
            _ => InputFormat::Text,
        }),
        f => Some(f),
    }
}

fn megabytes(n: u64) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

fn too_large(name: &str, size: Option<u64>) -> String {
    let size = size.map(|s| format!(" ({})", megabytes(s))).unwrap_or_default();
    format!(
        "{name}: too large for one note{size}: the limit is {} MiB (a Xiaohongshu note is at most 1,000 characters); put many notes in a .jsonl file, one per line",
        MAX_NOTE_BYTES >> 20
    )
}

/// Opens `path` (`-` is stdin), or says why the whole source is unreadable. `sponsored` is the
/// default for notes that do not say.
pub fn open(path: &Path, format: InputFormat, sponsored: bool) -> Result<Source, String> {
    let name = path.display().to_string();
    let stdin = name == "-";
    let format = resolve(path, format);
    if !stdin && path.is_dir() {
        return Err(format!("{name}: is a directory (pass the files in it)"));
    }
    let (reader, size): (Box<dyn BufRead + Send>, Option<u64>) = if stdin {
        (Box::new(BufReader::new(io::stdin())), None)
    } else {
        let file = File::open(path).map_err(|e| format!("{name}: {}", io_message(&e)))?;
        // only a regular file's size is its content's: a pipe (`<(…)`) or a device says 0
        let size = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 16, file)), size)
    };
    if size == Some(0) {
        return Err(format!("{name}: empty file, nothing to check"));
    }
    if format == Some(InputFormat::Jsonl) {
        return Ok(Source::Lines(reader, size));
    }
    if size.is_some_and(|s| s > MAX_NOTE_BYTES as u64) {
        return Err(too_large(&name, size));
    }
    let mut bytes = Vec::new();
    // stdin may be JSONL of any size: read it whole only up to a bound
    let limit = if stdin { 1 << 30 } else { MAX_NOTE_BYTES as u64 + 1 };
    reader
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {}", io_message(&e)))?;
    if bytes.len() as u64 >= limit {
        return Err(format!(
            "{name}: too much input to read whole; say `--input-format jsonl` to stream it"
        ));
    }
    let text = note_text(bytes, &name, "check")?;
    let format = format.unwrap_or_else(|| sniff(&text));
    if format != InputFormat::Jsonl && text.len() > MAX_NOTE_BYTES {
        return Err(too_large(&name, Some(text.len() as u64)));
    }
    match format {
        InputFormat::Jsonl => Ok(Source::Lines(Box::new(io::Cursor::new(text.into_bytes())), None)),
        InputFormat::Json => {
            let json = text.trim_start_matches('\u{feff}');
            // a JSON array of notes is read as that many records, numbered from 1
            if json.trim_start().starts_with('[') {
                let items: Vec<serde_json::Value> =
                    serde_json::from_str(json).map_err(|e| format!("{name}: invalid JSON: {e}"))?;
                let lines: String = items.iter().map(|v| v.to_string() + "\n").collect();
                return Ok(Source::Lines(Box::new(io::Cursor::new(lines.into_bytes())), None));
            }
            let mut note: Note = serde_json::from_str(json).map_err(|e| format!("{name}: not a note: {e}"))?;
            if sponsored && !Note::json_declares_sponsored(&text) {
                note.sponsored = true;
            }
            let id = note.id.clone().unwrap_or_else(|| name.clone().into());
            Ok(Source::One(Box::new(Item::Note {
                id,
                note,
                origin: Origin::Document,
            })))
        }
        InputFormat::Text | InputFormat::Auto => {
            let mut parsed = Note::from_text(&text).map_err(|e| format!("{name}: front matter: {e}"))?;
            if parsed.sponsored_line.is_none() {
                parsed.note.sponsored = sponsored;
            }
            let origin = Origin::text(&text, &parsed);
            Ok(Source::One(Box::new(Item::Note {
                id: name.into(),
                note: parsed.note,
                origin,
            })))
        }
    }
}

/// The bytes of a whole-file note as text: an error naming the file when they are not UTF-8
/// or hold nothing but white space (`verb`: what there is nothing to do).
pub fn note_text(bytes: Vec<u8>, name: &str, verb: &str) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err(format!("{name}: empty file, nothing to {verb}"));
    }
    Ok(text)
}

/// Stdin without a format: one JSON object, JSON lines, or text.
fn sniff(text: &str) -> InputFormat {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if !trimmed.starts_with('{') {
        InputFormat::Text
    } else if serde_json::from_str::<serde_json::Value>(trimmed).is_ok_and(|v| v.is_object()) {
        InputFormat::Json
    } else {
        InputFormat::Jsonl
    }
}

pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// A JSONL line's raw bytes, or why it was not read.
pub type RawLine = Result<Vec<u8>, String>;

/// A run of consecutive JSONL lines: each line's raw bytes, or why it was not read (too long).
pub struct Chunk {
    /// 1-based line number of the first line.
    pub first_line: usize,
    pub lines: Vec<RawLine>,
    /// Bytes of input the chunk covers.
    pub bytes: u64,
}

/// Lines per chunk, and bytes per chunk: enough work per chunk to make the threads worth it,
/// few enough that a handful of chunks in flight stay small.
const CHUNK_LINES: usize = 512;
const CHUNK_BYTES: u64 = 1 << 20;

/// Splits a JSONL stream into chunks. An I/O error ends the stream with `Err`; a stream with
/// no bytes at all is an error too (nothing to check).
pub struct Chunks {
    reader: Box<dyn BufRead + Send>,
    name: String,
    line: usize,
    total: u64,
    done: bool,
}

impl Chunks {
    pub fn new(reader: Box<dyn BufRead + Send>, name: &str) -> Chunks {
        Chunks {
            reader,
            name: name.to_owned(),
            line: 0,
            total: 0,
            done: false,
        }
    }

    /// Reads one line of at most `MAX_NOTE_BYTES`; a longer one is skipped to its end.
    /// `Ok(None)` at the end of the stream.
    fn read_line(&mut self) -> io::Result<Option<(RawLine, u64)>> {
        let mut buf = Vec::new();
        let n = (&mut self.reader)
            .take(MAX_NOTE_BYTES as u64 + 1)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        if buf.len() <= MAX_NOTE_BYTES || buf.ends_with(b"\n") {
            return Ok(Some((Ok(buf), n as u64)));
        }
        // too long: skip to the end of the line without keeping it
        let mut skipped = n as u64;
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                break;
            }
            let (used, end) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            self.reader.consume(used);
            skipped += used as u64;
            if end {
                break;
            }
        }
        let line = self.line + 1;
        let message = format!(
            "line {line}: too large for one note ({}): the limit is {} MiB",
            megabytes(skipped),
            MAX_NOTE_BYTES >> 20
        );
        Ok(Some((Err(message), skipped)))
    }
}

impl Iterator for Chunks {
    type Item = Result<Chunk, String>;

    fn next(&mut self) -> Option<Result<Chunk, String>> {
        if self.done {
            return None;
        }
        let mut chunk = Chunk {
            first_line: self.line + 1,
            lines: Vec::new(),
            bytes: 0,
        };
        while chunk.lines.len() < CHUNK_LINES && chunk.bytes < CHUNK_BYTES {
            match self.read_line() {
                Ok(Some((line, n))) => {
                    self.line += 1;
                    chunk.bytes += n;
                    chunk.lines.push(line);
                }
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(e) => {
                    self.done = true;
                    if chunk.lines.is_empty() {
                        return Some(Err(format!("{}: read error after line {}: {e}", self.name, self.line)));
                    }
                    // hand over what was read; the error comes next time
                    self.done = false;
                    self.reader = Box::new(FailingReader(Some(e)));
                    break;
                }
            }
        }
        self.total += chunk.bytes;
        if chunk.lines.is_empty() {
            return if self.total == 0 {
                Some(Err(format!("{}: empty file, nothing to check", self.name)))
            } else {
                None
            };
        }
        Some(Ok(chunk))
    }
}

/// A reader that fails once with the error it holds, then is empty.
struct FailingReader(Option<io::Error>);

impl Read for FailingReader {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        self.0.take().map_or(Ok(0), Err)
    }
}

impl BufRead for FailingReader {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.0.take().map_or(Ok(&[]), Err)
    }
    fn consume(&mut self, _: usize) {}
}

/// One JSONL record. `sponsored` is the default for a note that does not say.
pub fn parse_line(raw: &[u8], line: usize, sponsored: bool) -> Item {
    let id = serde_json::Value::from(line);
    let error = |message: String| Item::Error {
        id: id.clone(),
        line: Some(line),
        message,
    };
    let text = match std::str::from_utf8(raw) {
        // a UTF-8 byte order mark (first line of a file saved by some editors) is not JSON
        Ok(t) => t.trim_end_matches(['\n', '\r']).trim_start_matches('\u{feff}'),
        Err(e) => {
            return error(format!(
                "line {line}: not valid UTF-8 (bad byte at column {})",
                e.valid_up_to() + 1
            ));
        }
    };
    if text.trim().is_empty() {
        return error(format!("line {line}: empty line, expected a JSON note"));
    }
    // the common case, read straight into a note (an object: serde would read an array
    // positionally, so only a text opening with `{` is read this way)
    if text.trim_start().starts_with('{')
        && let Ok(note) = serde_json::from_str::<Note>(text)
    {
        return note_item(note, id, line, text, sponsored);
    }
    // otherwise, why not: an array or a string is refused by name, and serde's own "line 1
    // column N" is said as a column
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return error(format!(
                "line {line}: invalid JSON at column {}: {}",
                e.column(),
                bare(&e)
            ));
        }
    };
    if !value.is_object() {
        return error(format!(
            "line {line}: not a note: a note is a JSON object, this is {}",
            kind(&value)
        ));
    }
    match serde_json::from_value::<Note>(value) {
        Ok(note) => note_item(note, id, line, text, sponsored),
        Err(e) => error(format!("line {line}: not a note: {}", bare(&e))),
    }
}

/// The item of a note read from JSON `text` (record `line`; `id` unless it has its own).
fn note_item(mut note: Note, id: serde_json::Value, line: usize, text: &str, sponsored: bool) -> Item {
    if sponsored && !note.sponsored && !Note::json_declares_sponsored(text) {
        note.sponsored = true;
    }
    Item::Note {
        id: note.id.clone().unwrap_or(id),
        note,
        origin: Origin::Record { line },
    }
}

/// serde_json's message without its " at line L column C" tail.
fn bare(e: &serde_json::Error) -> String {
    let m = e.to_string();
    match m.rfind(" at line ") {
        Some(i) => m[..i].to_owned(),
        None => m,
    }
}

/// What a JSON value is, for messages.
fn kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Null => "null",
        serde_json::Value::Object(_) => "an object",
    }
}
