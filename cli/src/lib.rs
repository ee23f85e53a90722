//! The `redlint` command: parses arguments, reads notes, prints reports. The checking and the
//! rendering live in the engine (the `redlint` crate); this crate is the command's plumbing,
//! a library too so that every way of shipping the command (the `redlint` binary, the Python
//! wheel's `redlint` script) runs the same code: [`run`].

mod audit;
mod check;
mod fix;
mod images;
mod init;
mod input;
mod lsp;
mod progress;
mod rules;
mod settings;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use redlint::{Lang, Linter, LinterBuilder, Severity};

/// Lints Xiaohongshu (小红书) notes: banned words, prohibited products, off-platform
/// redirects and advertorials.
#[derive(Debug, Parser)]
#[command(name = "redlint", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check notes: `.jsonl` (one note per line), `.json` (one note object), anything else a
    /// plain-text note with an optional front-matter header. `-` or no path reads stdin.
    Check(CheckArgs),
    /// List every rule: id, category, severities, one line of description.
    Rules(RulesArgs),
    /// Apply the suggested fixes: text notes in place, JSONL notes to stdout or `--output`.
    Fix(fix::FixArgs),
    /// Audit accounts: sponsored notes per author and calendar month against the platform's 20%
    /// cap, and notes with undeclared sponsorship. Reads JSONL with `author` and `published_at`.
    Audit(audit::AuditArgs),
    /// Write a commented starter `redlint.toml` into DIR (default: the current directory).
    Init {
        /// Where to write it.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print a rule's full description, basis, examples and counter-examples.
    Explain {
        /// Rule id (B101) or name (superlative-claim).
        rule: String,
        #[command(flatten)]
        packs: PackArgs,
    },
    /// Language server over stdio: lints notes in your editor as you type.
    Lsp(lsp::LspArgs),
}

/// Which rules: builtin packs plus extra ones, some switched off.
#[derive(Debug, Clone, clap::Args)]
struct PackArgs {
    /// Load an extra rule pack (repeatable).
    #[arg(long = "pack", value_name = "FILE")]
    packs: Vec<PathBuf>,
    /// Switch a rule off, by id or name (repeatable).
    #[arg(long = "disable", value_name = "RULE")]
    disabled: Vec<String>,
    /// Check every note against this campaign brief (keywords, hashtags, disclosure, forbidden
    /// names; overrides `brief` in redlint.toml).
    #[arg(long, value_name = "FILE")]
    brief: Option<PathBuf>,
}

impl PackArgs {
    fn linter(&self) -> Result<Linter, redlint::Error> {
        if self.is_default() {
            return Ok(Linter::builtin());
        }
        let mut b = LinterBuilder::new();
        self.apply(&mut b)?;
        b.build()
    }

    /// No extra pack, rule switched off or brief: the builtin linter will do.
    fn is_default(&self) -> bool {
        self.packs.is_empty() && self.disabled.is_empty() && self.brief.is_none()
    }

    /// Puts the packs, switches and brief into `b` (on top of a config's settings).
    fn apply(&self, b: &mut LinterBuilder) -> Result<(), redlint::Error> {
        for p in &self.packs {
            b.add_pack_file(p)?;
        }
        for r in &self.disabled {
            b.disable(r);
        }
        if let Some(brief) = &self.brief {
            b.brief_file(brief)?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For people: the line with the span underlined.
    Human,
    /// One JSON document.
    Json,
    /// One JSON object per note, one line each, in input order.
    Jsonl,
    /// `path:line:col: severity: message [rule]`, for editors.
    Line,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions annotations (`::error file=…,line=…::…`).
    Github,
    /// One self-contained HTML page for reviewers: summary chart, highlighted notes, filters.
    Html,
}

impl Format {
    /// The format's renderer: the one registration of each format.
    fn renderer(self) -> &'static dyn redlint::report::Renderer {
        use redlint::report;
        match self {
            Format::Human => &report::human::HUMAN,
            Format::Json => &report::json::Json,
            Format::Jsonl => &report::json::Jsonl,
            Format::Line => &report::line::LINE,
            Format::Sarif => &report::sarif::Sarif,
            Format::Github => &report::github::Github,
            Format::Html => &report::html::Html,
        }
    }
}

/// How `--format human` and `--format line` count columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Columns {
    /// Characters (Unicode scalar values): Emacs, VS Code.
    Char,
    /// UTF-8 bytes: Vim's `%c` in `errorformat`.
    Byte,
}

impl From<Columns> for redlint::ColumnUnit {
    fn from(c: Columns) -> redlint::ColumnUnit {
        match c {
            Columns::Char => redlint::ColumnUnit::Char,
            Columns::Byte => redlint::ColumnUnit::Utf8,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// By extension (`.jsonl`, `.json`, else text); stdin by content.
    Auto,
    /// Plain text with optional front matter.
    Text,
    /// One JSON note object.
    Json,
    /// One JSON note per line.
    Jsonl,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files to check (`-` for stdin; none: stdin).
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// How the human and line formats count columns (Vim's `errorformat` reads bytes).
    #[arg(long, value_enum, default_value_t = Columns::Char)]
    columns: Columns,
    /// Exit 1 when a violation at or above this severity is found.
    #[arg(long, value_name = "SEVERITY", default_value = "error", value_parser = parse_severity)]
    fail_on: Severity,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// Treat every note as sponsored (declared 品牌合作).
    #[arg(long)]
    sponsored: bool,
    /// Language of messages in human and line output (default: both).
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// No summary line and no progress bar on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Threads for JSONL inputs (default: the cores available; 1 to 256).
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    #[command(flatten)]
    packs: PackArgs,
    #[command(flatten)]
    config: settings::ConfigArgs,
}

#[derive(Debug, clap::Args)]
struct RulesArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Run every rule's examples and counter-examples; exit 1 if one misbehaves.
    #[arg(long)]
    self_test: bool,
    /// Language of the messages in the table (default: English).
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(flatten)]
    packs: PackArgs,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse().map_err(|e: redlint::violation::UnknownName| e.to_string())
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse().map_err(|e: redlint::violation::UnknownName| e.to_string())
}

/// Exit codes: 0 clean, 1 violations at or above `--fail-on`, 2 usage, input or pack errors.
const EXIT_VIOLATIONS: u8 = 1;
const EXIT_TROUBLE: u8 = 2;

/// Writes `text` to stdout. A reader that went away (`redlint rules | head -1`) ends the output
/// quietly instead of panicking; any other write error is reported.
fn print_out(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if !reader_gone(&e) => Err(format!("writing to stdout: {e}")),
        _ => Ok(()),
    }
}

/// Writes `line` and a line break to stderr. Unlike `eprintln!` it never panics: when stderr
/// is gone too (`redlint check … 2>&1 | head`), there is nobody left to tell.
fn say(line: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(format!("{line}\n").as_bytes());
}

/// Whether a write failed because its reader went away (a closed pipe): the output then ends
/// quietly, and nothing more is read or checked.
fn reader_gone(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

/// Runs the command with `args` (the program name first, as `std::env::args_os` gives them) and
/// returns its exit code: 0 clean, 1 violations at or above `--fail-on`, 2 usage, input or
/// pack errors.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_TROUBLE } else { 0 };
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Rules(args) => rules::list(&args),
        Command::Explain { rule, packs } => rules::explain(&rule, &packs),
        Command::Lsp(args) => lsp::run(&args),
        Command::Init { dir } => init::run(&dir),
        Command::Fix(args) => fix::run(&args),
        Command::Audit(args) => audit::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            say(&format!("redlint: {message}"));
            EXIT_TROUBLE
        }
    }
}
