//! # redlint
//!
//! Checks a Xiaohongshu (小红书, RED) note before it is published and says exactly what breaks
//! the rules, where, why, and how to fix it: banned words (absolute and medical claims,
//! Advertising Law art. 9, 16-18, 28), prohibited products, off-platform redirects (引流) and
//! advertorials.
//!
//! ```
//! use redlint::{Linter, Note, Severity};
//!
//! let linter = Linter::builtin(); // the embedded rule packs, compiled once
//! let note = Note::from_body("这是市面上最好用的面霜").with_title("面霜测评");
//! for v in linter.lint(&note) {
//!     // the span is a byte range into the ORIGINAL text of the field
//!     assert_eq!(&note.body[v.span.range()], v.matched);
//!     println!("{} {} {}: {}", v.severity, v.rule, v.matched, v.message.en);
//! }
//! ```
//!
//! The pieces: [`Note`] is the input; [`Linter`] (built by [`LinterBuilder`] from
//! [`pack::Pack`]s) is the engine, immutable and infallible once built; [`Violation`] is the
//! output, with a [`Span`] of byte offsets that [`span::LineIndex`] turns into lines and columns
//! (chars, UTF-16 or UTF-8) and back; [`report`] renders violations in every output format;
//! [`normalize`] is the evasion-folding copy of the text with its offset map.
#![deny(missing_docs)]

pub mod audit;
pub mod batch;
pub mod brief;
pub mod config;
pub mod context;
pub mod error;
pub mod fix;
pub mod format;
#[cfg(feature = "images")]
pub mod image;
pub mod linter;
pub mod normalize;
pub mod note;
pub mod pack;

pub mod report;
pub mod sound;
pub mod span;
mod split;
pub mod violation;
pub mod words;

pub use brief::{Brief, BriefError};
pub use config::Config;
pub use error::{Error, PackError, PackErrorKind};
pub use format::FormatLimits;
pub use linter::{ExampleFailure, Linter, LinterBuilder};
pub use note::{FrontMatterError, ImageSource, Note, TextNote};
pub use pack::{Pack, Rule};
pub use span::{ColumnUnit, LineIndex, Span};
pub use violation::{Category, Field, Lang, Message, Reading, Severity, Suggestion, Violation};

/// The maps of a build and a lint, keyed by the packs' terms, literals and characters (FxHash: a
/// few instructions a key where SipHash takes a hundred; the keys are the packs', not an attacker's).
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;

/// The README's Rust examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
