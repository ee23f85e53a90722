//! `redlint.toml`: a project's settings, read from the checked file's directory or the nearest
//! one above it.
//!
//! ```toml
//! sponsored = false               # default for notes that do not say
//! lang = "zh"                     # message language in human and line output: zh | en
//! packs = ["rules/extra.toml"]    # extra rule packs, relative to this file
//! allow = ["最好莱坞"]            # terms allowed everywhere (brand and product names)
//! brief = "briefs/autumn.toml"    # a campaign brief every note is checked against
//!
//! [rules]                         # by id or name: off | info | warning | error
//! B101 = "off"
//! call-to-action = "error"
//! O301 = { organic = "warning", sponsored = "error" }
//!
//! [format]                        # limits of the `format` rules
//! max_title_chars = 20
//! max_body_chars = 1000
//! max_tags = 10
//! empty_body = true
//! counting = "platform"           # as Xiaohongshu counts (ASCII half a character) | "chars"
//! severity = "warning"            # of all four format rules ([rules] F50x overrides)
//! ```
//!
//! Unknown keys are errors naming the line. The same settings reach the library through
//! [`Config::apply`] on a [`LinterBuilder`].
//!
//! ```
//! use redlint::config::Config;
//!
//! let config = Config::parse("redlint.toml", "allow = [\"最好莱坞\"]\n[rules]\nB101 = \"error\"\n").unwrap();
//! let linter = config.linter().unwrap();
//! assert!(linter.lint_text("最好莱坞影城").iter().all(|v| v.rule != "B101"));
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::Error;
use crate::format::FormatLimits;
use crate::linter::{Linter, LinterBuilder};
use crate::span::LineIndex;
use crate::violation::{Lang, Severity};

/// The file name searched for.
pub const FILE_NAME: &str = "redlint.toml";

/// What `redlint init` writes: every setting, commented, with its default.
pub const STARTER: &str = r#"# redlint.toml: settings for redlint (https://crates.io/crates/redlint).
# redlint reads the nearest redlint.toml at or above each checked file's directory.
# Every key is optional; unknown keys are an error.

# Default for notes that do not say whether they are sponsored (front matter `sponsored:`
# or the JSON field "sponsored").
sponsored = false

# Language of messages in human and line output: "zh" or "en" (default: both).
# lang = "zh"

# Extra rule packs, relative to this file (format: rules/README.md in the redlint sources).
packs = []

# Terms allowed everywhere: brand and product names that contain banned characters.
# A violation lying inside one of these is not reported.
allow = [
  # "最好莱坞",
]

# A campaign brief every note is checked against (keywords, hashtags, disclosure, forbidden
# names; the format is in the README), relative to this file.
# brief = "campaign-brief.toml"

# Rules switched off or re-levelled, by id or name (see `redlint rules`):
# "off", "info", "warning", "error", or { organic = "...", sponsored = "..." }.
[rules]
# B101 = "off"
# call-to-action = "error"
# O301 = { organic = "warning", sponsored = "error" }

# Note-format limits (the `format` rules F501-F504).
[format]
max_title_chars = 20
max_body_chars = 1000
max_tags = 10
empty_body = true
# counting = "platform"     # as Xiaohongshu counts: Chinese, full-width, emoji 1; ASCII 1/2.
                            # "chars": every character (code point) 1
# severity = "warning"      # of all four; a [rules] entry for one of them wins
"#;

/// A rule's setting in `[rules]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSetting {
    /// Switched off.
    Off,
    /// Severities in organic and sponsored notes; `None` keeps the rule's own.
    Level {
        /// In organic notes.
        organic: Option<Severity>,
        /// In sponsored notes.
        sponsored: Option<Severity>,
    },
}

impl<'de> Deserialize<'de> for RuleSetting {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        const EXPECTED: &str =
            "expected \"off\", \"info\", \"warning\", \"error\" or { organic = \"...\", sponsored = \"...\" }";
        let severity = |v: &toml::Value, key: &str| -> Result<Severity, D::Error> {
            let s = v
                .as_str()
                .ok_or_else(|| D::Error::custom(format!("`{key}` must be a string: {EXPECTED}")))?;
            s.parse().map_err(|e| D::Error::custom(format!("{e}")))
        };
        match toml::Value::deserialize(d)? {
            toml::Value::String(s) if s.eq_ignore_ascii_case("off") => Ok(RuleSetting::Off),
            toml::Value::String(s) => {
                let sev: Severity = s
                    .parse()
                    .map_err(|_| D::Error::custom(format!("unknown level `{s}`: {EXPECTED}")))?;
                Ok(RuleSetting::Level {
                    organic: Some(sev),
                    sponsored: Some(sev),
                })
            }
            toml::Value::Table(t) => {
                let (mut organic, mut sponsored) = (None, None);
                for (k, v) in &t {
                    match k.as_str() {
                        "organic" => organic = Some(severity(v, k)?),
                        "sponsored" => sponsored = Some(severity(v, k)?),
                        other => {
                            return Err(D::Error::custom(format!(
                                "unknown key `{other}` in a rule setting (expected `organic` or `sponsored`)"
                            )));
                        }
                    }
                }
                Ok(RuleSetting::Level { organic, sponsored })
            }
            _ => Err(D::Error::custom(EXPECTED)),
        }
    }
}

/// The `[format]` table: the limits, plus one severity for all four rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FormatSettings {
    /// The limits (missing keys keep the defaults).
    pub limits: FormatLimits,
    /// Severity of every `format` rule.
    pub severity: Option<Severity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    sponsored: Option<bool>,
    lang: Option<Lang>,
    #[serde(default)]
    packs: Vec<Spanned<String>>,
    #[serde(default)]
    allow: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, RuleSetting>,
    brief: Option<Spanned<String>>,
    format: Option<RawFormat>,
    context: Option<crate::context::Lexicon>,
    ocr_models: Option<String>,
}

/// `[format]` as written: `deny_unknown_fields` does not mix with `flatten`, so the keys are
/// spelled out here.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFormat {
    max_title_chars: Option<usize>,
    max_body_chars: Option<usize>,
    max_tags: Option<usize>,
    empty_body: Option<bool>,
    counting: Option<crate::format::Counting>,
    severity: Option<Severity>,
}

/// Settings read from a `redlint.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Config {
    /// The file it was read from (names it in errors; packs are relative to its directory).
    pub path: PathBuf,
    /// Default `sponsored` for notes that do not say.
    pub sponsored: Option<bool>,
    /// Message language.
    pub lang: Option<Lang>,
    /// Extra pack files, resolved against the config file's directory, with their lines.
    pub packs: Vec<(PathBuf, usize)>,
    /// Terms allowed everywhere, with their lines.
    pub allow: Vec<(String, usize)>,
    /// Rule settings in file order: (rule id or name, setting, line).
    pub rules: Vec<(String, RuleSetting, usize)>,
    /// `[format]`.
    pub format: FormatSettings,
    /// The campaign brief, resolved against the config file's directory, with its line.
    pub brief: Option<(PathBuf, usize)>,
    /// `[context]`: words added to the claim-context lexicon (see [`crate::context`]).
    pub context: Option<crate::context::Lexicon>,
    /// `ocr_models`: the folder of the OCR models that read text in notes' pictures,
    /// resolved against the config file's directory.
    pub ocr_models: Option<PathBuf>,
}

/// A `redlint.toml` that cannot be used: which file, which line, what.
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ConfigError {
    /// The config file.
    pub path: PathBuf,
    /// 1-based line, when the error has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl Config {
    /// Parses the text of a config file; `path` names it in errors and anchors `packs`.
    pub fn parse(path: impl AsRef<Path>, text: &str) -> Result<Config, ConfigError> {
        let path = path.as_ref().to_path_buf();
        let index = LineIndex::new(text);
        let line_of = |offset: usize| index.position(offset.min(text.len())).line + 1;
        let raw: Raw = toml::from_str(text).map_err(|e| ConfigError {
            line: e.span().map(|s| line_of(s.start)),
            // serde speaks Rust: say what a user writes
            message: e
                .message()
                .trim_end()
                .replace("expected usize", "expected a whole number, 0 or more")
                .replace("expected u64", "expected a whole number, 0 or more"),
            path: path.clone(),
        })?;
        if let Some(c) = &raw.context {
            c.check(&path.display().to_string(), text, true)
                .map_err(|e| ConfigError {
                    line: Some(e.line),
                    message: e.kind.to_string(),
                    path: path.clone(),
                })?;
        }
        let base = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let format = match raw.format {
            None => FormatSettings::default(),
            Some(f) => {
                let d = FormatLimits::default();
                FormatSettings {
                    limits: FormatLimits {
                        max_title_chars: f.max_title_chars.unwrap_or(d.max_title_chars),
                        max_body_chars: f.max_body_chars.unwrap_or(d.max_body_chars),
                        max_tags: f.max_tags.unwrap_or(d.max_tags),
                        empty_body: f.empty_body.unwrap_or(d.empty_body),
                        counting: f.counting.unwrap_or(d.counting),
                        set_by_brief: d.set_by_brief,
                    },
                    severity: f.severity,
                }
            }
        };
        let mut rules: Vec<(String, RuleSetting, usize)> = raw
            .rules
            .into_iter()
            .map(|(k, v)| (k.get_ref().clone(), v, line_of(k.span().start)))
            .collect();
        rules.sort_by_key(|r| r.2);
        Ok(Config {
            sponsored: raw.sponsored,
            lang: raw.lang,
            packs: raw
                .packs
                .into_iter()
                .map(|p| (base.join(p.get_ref()), line_of(p.span().start)))
                .collect(),
            allow: raw
                .allow
                .into_iter()
                .map(|a| (a.get_ref().clone(), line_of(a.span().start)))
                .collect(),
            rules,
            format,
            brief: raw.brief.map(|b| (base.join(b.get_ref()), line_of(b.span().start))),
            context: raw.context,
            ocr_models: raw.ocr_models.map(|m| base.join(m)),
            path,
        })
    }

    /// Reads and parses a config file.
    pub fn load(path: impl AsRef<Path>) -> Result<Config, ConfigError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_owned(),
            line: None,
            message: format!("cannot read: {e}"),
        })?;
        Config::parse(path, &text)
    }

    /// The nearest `redlint.toml` in `dir` or a directory above it.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        let start = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
        start.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }

    /// Puts the linter settings into `builder`: packs, allow-list, rules, format limits. Fails
    /// only on a pack file that cannot be read or parsed.
    pub fn apply(&self, builder: &mut LinterBuilder) -> Result<(), Error> {
        for (pack, _) in &self.packs {
            builder.add_pack_file(pack)?;
        }
        for (term, _) in &self.allow {
            builder.allow(term);
        }
        if let Some(c) = &self.context {
            builder.add_context(c.clone());
        }
        builder.format_limits(self.format.limits);
        if let Some((brief, _)) = &self.brief {
            builder.brief_file(brief)?;
        }
        if let Some(sev) = self.format.severity {
            for r in crate::format::rules() {
                builder.set_severity(&r.id, sev, sev);
            }
        }
        for (rule, setting, _) in &self.rules {
            match *setting {
                RuleSetting::Off => builder.disable(rule),
                RuleSetting::Level { organic, sponsored } => builder.set_severity_for(rule, organic, sponsored),
            };
        }
        Ok(())
    }

    /// A linter of the builtin packs with these settings. Errors name the config file and the
    /// line of the setting at fault.
    pub fn linter(&self) -> Result<Linter, ConfigError> {
        let mut builder = LinterBuilder::new();
        self.apply_to(&mut builder)?;
        builder.build().map_err(|e| self.error(e))
    }

    /// [`Config::apply`], with errors as [`ConfigError`]s.
    pub fn apply_to(&self, builder: &mut LinterBuilder) -> Result<(), ConfigError> {
        self.apply(builder).map_err(|e| self.error(e))
    }

    /// An error from applying these settings, with the line of the setting at fault.
    pub fn error(&self, e: Error) -> ConfigError {
        let line = match &e {
            Error::UnknownRule(key) => self.rules.iter().find(|r| &r.0 == key).map(|r| r.2),
            Error::EmptyAllow(term) => self.allow.iter().find(|a| &a.0 == term).map(|a| a.1),
            Error::Io { path, .. } => self.packs.iter().find(|p| &p.0 == path).map(|p| p.1),
            // a brief that cannot be read at all: the line that names it
            Error::Brief(b) if b.line.is_none() => self.brief.as_ref().map(|b| b.1),
            _ => None,
        };
        ConfigError {
            path: self.path.clone(),
            line,
            message: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_file_parses_to_the_defaults() {
        let c = Config::parse("redlint.toml", STARTER).unwrap();
        assert_eq!(c.sponsored, Some(false));
        assert!(c.rules.is_empty() && c.allow.is_empty() && c.packs.is_empty());
        assert_eq!(c.format.limits, FormatLimits::default());
        c.linter().unwrap();
    }

    #[test]
    fn every_key() {
        let text = r#"
sponsored = true
lang = "en"
packs = ["extra/p.toml"]
allow = ["最好莱坞"]

[rules]
B101 = "off"
call-to-action = "error"
O301 = { sponsored = "info" }

[format]
max_title_chars = 15
severity = "info"
"#;
        let c = Config::parse("proj/redlint.toml", text).unwrap();
        assert_eq!(c.sponsored, Some(true));
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.packs, [(PathBuf::from("proj/extra/p.toml"), 4)]);
        assert_eq!(c.allow, [("最好莱坞".to_owned(), 5)]);
        assert_eq!(c.rules[0], ("B101".to_owned(), RuleSetting::Off, 8));
        assert_eq!(
            c.rules[2],
            (
                "O301".to_owned(),
                RuleSetting::Level {
                    organic: None,
                    sponsored: Some(Severity::Info)
                },
                10
            )
        );
        assert_eq!(c.format.limits.max_title_chars, 15);
        assert_eq!(c.format.limits.max_body_chars, 1000);
        assert_eq!(c.format.severity, Some(Severity::Info));
    }

    #[test]
    fn context_words_extend_the_lexicon() {
        let c = Config::parse("redlint.toml", "[context]\ncommercial = [\"露营装备\"]\n").unwrap();
        let linter = c.linter().unwrap();
        let v = linter.lint_text("露营装备里的帐篷最好");
        assert!(
            v.iter()
                .any(|v| v.rule == "B101" && v.severity == crate::Severity::Warning),
            "{v:?}"
        );
        let plain = Config::parse("redlint.toml", "").unwrap().linter().unwrap();
        let v = plain.lint_text("露营里的帐篷最好");
        assert!(
            v.iter()
                .all(|v| v.rule != "B101" || v.severity == crate::Severity::Info),
            "{v:?}"
        );
        let e = Config::parse("redlint.toml", "[context]\nefficacy_after = ['(']\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
    }

    #[test]
    fn errors_name_the_line() {
        let e = Config::parse("r.toml", "sponsored = false\nfoo = 1\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.to_string().starts_with("r.toml:2: "), "{e}");
        assert!(e.message.contains("foo"), "{e}");
        let e = Config::parse("r.toml", "[format]\nmax_title = 3\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let e = Config::parse("r.toml", "[rules]\nB101 = \"loud\"\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let e = Config::parse("r.toml", "\n\n[rules]\nZ999 = \"off\"\n")
            .unwrap()
            .linter()
            .unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.contains("Z999"), "{e}");
    }

    #[test]
    fn settings_reach_the_linter() {
        let c = Config::parse(
            "r.toml",
            "allow = [\"最好莱坞\"]\n[rules]\nO301 = \"off\"\n[format]\nmax_title_chars = 2\n",
        )
        .unwrap();
        let l = c.linter().unwrap();
        assert!(!l.is_enabled("O301"));
        let note = crate::Note::from_body("最好莱坞影城").with_title("三个字");
        let v = l.lint(&note);
        assert!(v.iter().all(|v| v.rule != "B101"), "{v:?}");
        assert!(v.iter().any(|v| v.rule == "F501" && v.matched == "字"), "{v:?}");
    }
}
