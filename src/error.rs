//! Errors. Only building a [`crate::Linter`] can fail; linting cannot.

use std::path::PathBuf;

/// Why a [`crate::Linter`] could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A rule pack is malformed.
    #[error(transparent)]
    Pack(#[from] PackError),
    /// A pack file could not be read.
    #[error("cannot read rule pack {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A setting names a rule that no loaded pack has.
    #[error("unknown rule `{0}` (see `redlint rules` for the list)")]
    UnknownRule(String),
    /// A campaign brief that cannot be read or parsed.
    #[error(transparent)]
    Brief(#[from] BriefError),
    /// An allow-list entry that folds to nothing.
    #[error("allow-list entry `{0}` is empty once spaces and punctuation are removed")]
    EmptyAllow(String),
}

/// A malformed rule pack: which file, which rule, where, and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {}{kind}", rule.as_ref().map(|r| format!("rule {r}: ")).unwrap_or_default())]
pub struct PackError {
    /// The pack's file name (or the origin given to [`crate::LinterBuilder::add_pack_str`]).
    pub file: String,
    /// The rule's id, when the error is inside one.
    pub rule: Option<String>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub kind: PackErrorKind,
}

/// What is wrong in a rule pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PackErrorKind {
    /// Not valid TOML, or a field of the wrong type, or an unknown field.
    #[error("{0}")]
    Syntax(String),
    /// A term, exception or cue that is empty once spaces, punctuation and symbols are skipped.
    #[error("{what} `{text}` is empty once spaces, punctuation and symbols are skipped")]
    EmptyTerm {
        /// `term`, `exception`, `before cue` or `topic word`.
        what: &'static str,
        /// The text as written.
        text: String,
    },
    /// A term made of digits only would match every number; write a pattern instead.
    #[error("term `{0}` is only digits once folded; write it as a pattern with context")]
    DigitsOnlyTerm(String),
    /// A regex that does not compile.
    #[error("invalid regex `{pattern}`: {message}")]
    InvalidRegex {
        /// The pattern as written.
        pattern: String,
        /// The regex crate's message.
        message: String,
    },
    /// A pattern that matches the empty string would flag every note.
    #[error("pattern `{0}` matches the empty string")]
    EmptyMatch(String),
    /// Two rules share an id or a name.
    #[error("duplicate rule {0} (already defined in {1})")]
    DuplicateRule(String, String),
    /// A rule id must be capital letters followed by digits (`B101`).
    #[error("rule id `{0}` must be capital letters followed by digits, like B101")]
    BadId(String),
    /// A rule id must start with its pack category's letter (B, P, O, A).
    #[error("rule id `{0}` must start with `{1}`, the letter of its pack's category `{2}`")]
    IdNotOfCategory(String, char, crate::violation::Category),
    /// A rule name must be kebab-case.
    #[error("rule name `{0}` must be kebab-case ASCII, like superlative-claim")]
    BadName(String),
    /// A rule with neither terms nor patterns.
    #[error("rule has neither `terms` nor `patterns`")]
    NothingToMatch,
    /// A required text is empty.
    #[error("`{0}` must not be empty")]
    EmptyField(&'static str),
    /// A disguised term that cannot be read by sound (not two or more Han characters).
    #[error("disguised term `{0}` must be two or more Han characters, to be read by sound")]
    NotReadable(String),
    /// An `everyday` or `supporting` word that is none of its rule's terms.
    #[error("everyday or supporting word `{0}` is not one of the rule's terms")]
    NotATerm(String),
    /// A `promoted_by` id that is no rule of the pack.
    #[error("`promoted_by` names `{0}`, which is no rule of this pack")]
    UnknownRule(String),
    /// A regex names a word family (`{name}`) its pack does not define.
    #[error("`{{{0}}}` names no word family of this pack (define it under [families.{0}])")]
    UnknownFamily(String),
    /// A word family without its source or without words.
    #[error("word family `{family}` needs `{what}`")]
    EmptyFamilyField {
        /// The family's name.
        family: String,
        /// `source` or `words`.
        what: &'static str,
    },
    /// A fix for a term the rule does not have.
    #[error("`fixes` names `{0}`, which is not one of the rule's terms")]
    FixForUnknownTerm(String),
}

/// A brief file that cannot be used: which file, which line, what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct BriefError {
    /// The brief's file name.
    pub file: String,
    /// 1-based line, when the error has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}
