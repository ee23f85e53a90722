//! One trait for every output format: how a run begins, how a note and an unreadable record
//! render, and how the run ends. Adding a format is a file of its own in `report/` with an
//! implementation of [`Renderer`], and one registration (the command's `Format` → renderer
//! match, which the compiler checks for every variant).
//!
//! `note` and `error` run on any worker thread, in any order; what they return is printed in
//! input order, `entries` joined by `,\n` inside the document `begin` opens and `end` closes.

use crate::audit::AuditReport;
use crate::pack::Rule;

use super::{NoteReport, Options, Summary};

/// What a note or an unreadable record renders to.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Printed as it comes (human, line, github, jsonl).
    pub text: String,
    /// Entries of one document, joined by `,\n` (json notes, sarif results).
    pub entries: Vec<String>,
    /// Messages for stderr (the formats whose stdout has no place for an unreadable record).
    pub stderr: Vec<String>,
    /// SARIF notifications: the records that could not be read.
    pub notifications: Vec<serde_json::Value>,
    /// html: the notes with findings, the clean notes, the unreadable records.
    pub findings: Vec<String>,
    /// See [`Rendered::findings`].
    pub clean: Vec<String>,
    /// See [`Rendered::findings`].
    pub unreadable: Vec<String>,
}

impl Rendered {
    /// Appends `other` (the next note's or chunk's, in input order).
    pub fn merge(&mut self, other: Rendered) {
        self.text.push_str(&other.text);
        self.entries.extend(other.entries);
        self.stderr.extend(other.stderr);
        self.notifications.extend(other.notifications);
        self.findings.extend(other.findings);
        self.clean.extend(other.clean);
        self.unreadable.extend(other.unreadable);
    }
}

/// What the end of a run knows: everything the formats that write one document need.
#[derive(Debug)]
pub struct Ending<'a> {
    /// Counts over every note.
    pub summary: &'a Summary,
    /// Every rule of every linter the run used.
    pub rules: Vec<&'a Rule>,
    /// Language and columns.
    pub options: &'a Options,
    /// Everything the run rendered and kept for the end (see [`Rendered`]).
    pub kept: &'a Rendered,
    /// The audit of the notes' authors, when [`Renderer::one_page`] asked for it and the notes
    /// carry `author` and `published_at`.
    pub audit: Option<&'a AuditReport>,
}

/// An output format.
pub trait Renderer: Sync {
    /// Written before the first note.
    fn begin(&self) -> String {
        String::new()
    }

    /// A checked note. `key` is unique in the run (`n0`, `n1-17`): an anchor for one-page
    /// formats.
    fn note(&self, note: &NoteReport<'_>, options: &Options, key: &str, out: &mut Rendered);

    /// A record that could not be read: its file, its id (its line in a JSONL file), its
    /// 1-based line when it has one, and why.
    fn error(&self, path: &str, id: &serde_json::Value, line: Option<usize>, message: &str, out: &mut Rendered);

    /// A source that could not be read at all; `message` starts with `path: `.
    fn source_error(&self, path: &str, message: &str, out: &mut Rendered) {
        let message = message.strip_prefix(&format!("{path}: ")).unwrap_or(message);
        self.error(path, &serde_json::Value::from(path), None, message, out);
    }

    /// Written after the last note.
    fn end(&self, _end: &Ending<'_>) -> String {
        String::new()
    }

    /// Whether the format is one page that keys its notes and shows the authors' audit.
    fn one_page(&self) -> bool {
        false
    }

    /// Whether what cannot be read of a note (a picture) goes to stderr: the format's stdout
    /// has no place for it (the others carry it in the note's own output).
    fn errors_on_stderr(&self) -> bool {
        false
    }
}

/// A format that prints each note as text and has no place on stdout for an unreadable record,
/// which goes to stderr (human, line): the function renders a note.
#[derive(Debug, Clone, Copy)]
pub struct Text(pub fn(&NoteReport<'_>, &Options) -> String);

impl Renderer for Text {
    fn note(&self, note: &NoteReport<'_>, options: &Options, _key: &str, out: &mut Rendered) {
        out.text = (self.0)(note, options);
    }

    fn error(&self, path: &str, _id: &serde_json::Value, _line: Option<usize>, message: &str, out: &mut Rendered) {
        out.stderr.push(format!("{path}: {message}"));
    }

    fn source_error(&self, _path: &str, message: &str, out: &mut Rendered) {
        out.stderr.push(message.to_owned());
    }

    fn errors_on_stderr(&self) -> bool {
        true
    }
}
