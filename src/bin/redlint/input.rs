//! Reading notes: plain-text files with front matter, JSON documents, JSONL streams.
//!
//! A source that cannot be read at all (missing, a directory, not UTF-8, empty) is one error;
//! a JSONL line that cannot be read is an error for that line only, and the rest is read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use redlint::Note;
use redlint::report::Origin;

use crate::InputFormat;

/// One input note, or why a record could not be read.
pub enum Item {
    Note {
        id: serde_json::Value,
        note: Note,
        origin: Origin,
    },
    Error {
        id: serde_json::Value,
        message: String,
    },
}

/// The notes of one source, read lazily (a JSONL file is streamed line by line).
pub type Items = Box<dyn Iterator<Item = Item>>;

/// Opens `path` (`-` is stdin) and returns its notes, or why the whole source is unreadable.
pub fn open(path: &Path, format: InputFormat) -> Result<Items, String> {
    let name = path.display().to_string();
    let stdin = name == "-";
    let format = match format {
        InputFormat::Auto if stdin => None,
        InputFormat::Auto => Some(match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => InputFormat::Jsonl,
            Some("json") => InputFormat::Json,
            _ => InputFormat::Text,
        }),
        f => Some(f),
    };
    if !stdin && path.is_dir() {
        return Err(format!("{name}: is a directory (pass the files in it)"));
    }
    let reader: Box<dyn BufRead> = if stdin {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let file = File::open(path).map_err(|e| format!("{name}: {}", io_message(&e)))?;
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    if format == Some(InputFormat::Jsonl) {
        return Ok(Box::new(JsonLines { reader, line: 0, name }));
    }
    let mut bytes = Vec::new();
    let mut reader = reader;
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {}", io_message(&e)))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err(format!("{name}: empty file, nothing to check"));
    }
    let format = format.unwrap_or_else(|| sniff(&text));
    match format {
        InputFormat::Jsonl => {
            let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(text.into_bytes()));
            Ok(Box::new(JsonLines { reader, line: 0, name }))
        }
        InputFormat::Json => {
            let note: Note = serde_json::from_str(&text).map_err(|e| format!("{name}: not a note: {e}"))?;
            let id = note.id.clone().unwrap_or_else(|| name.clone().into());
            Ok(Box::new(std::iter::once(Item::Note {
                id,
                note,
                origin: Origin::Document,
            })))
        }
        InputFormat::Text | InputFormat::Auto => {
            let parsed = Note::from_text(&text).map_err(|e| format!("{name}: front matter: {e}"))?;
            let body_line = text[..parsed.body_offset].matches('\n').count() + 1;
            let origin = Origin::Text {
                body_line,
                title_line: parsed.title_line,
                tag_lines: parsed.tag_lines,
            };
            Ok(Box::new(std::iter::once(Item::Note {
                id: name.into(),
                note: parsed.note,
                origin,
            })))
        }
    }
}

/// Stdin without a format: one JSON object, JSON lines, or text.
fn sniff(text: &str) -> InputFormat {
    let trimmed = text.trim_start();
    if !trimmed.starts_with('{') {
        InputFormat::Text
    } else if serde_json::from_str::<serde_json::Value>(trimmed).is_ok_and(|v| v.is_object()) {
        InputFormat::Json
    } else {
        InputFormat::Jsonl
    }
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// A JSONL stream: one item per line, in order. A line's id is its `id` field or its 1-based
/// line number.
struct JsonLines {
    reader: Box<dyn BufRead>,
    line: usize,
    name: String,
}

impl Iterator for JsonLines {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let mut buf = Vec::new();
        match self.reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                self.line += 1;
                let message = format!("{}: read error: {e}", self.name);
                // the stream is broken: report it once and stop
                self.reader = Box::new(io::empty());
                return Some(Item::Error {
                    id: self.line.into(),
                    message,
                });
            }
        }
        self.line += 1;
        Some(parse_line(&buf, self.line))
    }
}

/// One JSONL record.
pub fn parse_line(raw: &[u8], line: usize) -> Item {
    let id = serde_json::Value::from(line);
    let text = match std::str::from_utf8(raw) {
        Ok(t) => t.trim_end_matches(['\n', '\r']),
        Err(e) => {
            let message = format!(
                "line {line}: not valid UTF-8 (bad byte at column {})",
                e.valid_up_to() + 1
            );
            return Item::Error { id, message };
        }
    };
    if text.trim().is_empty() {
        return Item::Error {
            id,
            message: format!("line {line}: empty line, expected a JSON note"),
        };
    }
    match serde_json::from_str::<Note>(text) {
        Ok(note) => Item::Note {
            id: note.id.clone().unwrap_or(id),
            note,
            origin: Origin::Record { line },
        },
        Err(e) if e.is_syntax() || e.is_eof() => Item::Error {
            id,
            message: format!("line {line}: invalid JSON: {e}"),
        },
        Err(e) => Item::Error {
            id,
            message: format!("line {line}: not a note: {e}"),
        },
    }
}
