//! Which settings apply to a checked file: `--config`, else the nearest `redlint.toml` above
//! it, with the command line on top (`--pack`, `--disable`, `--sponsored`, `--lang`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use redlint::{Config, Lang, Linter, LinterBuilder};

use crate::PackArgs;

/// The settings for one file.
#[derive(Debug)]
pub struct Settings {
    pub linter: Linter,
    /// Default for notes that do not say whether they are sponsored.
    pub sponsored: bool,
    pub lang: Option<Lang>,
    /// `ocr_models` of the config file.
    pub ocr_models: Option<PathBuf>,
}

/// Finds and builds settings, once per config file.
#[derive(Debug)]
pub struct Resolver {
    packs: PackArgs,
    lang: Option<Lang>,
    explicit: Option<PathBuf>,
    no_config: bool,
    /// Build for a quick start (a few text notes) rather than for throughput (batches).
    quick_start: bool,
    cache: HashMap<Option<PathBuf>, Arc<Settings>>,
}

/// Config selection flags shared by the commands that lint.
#[derive(Debug, Clone, clap::Args)]
pub struct ConfigArgs {
    /// Use this config file instead of the nearest `redlint.toml` above each file.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore every `redlint.toml`.
    #[arg(long)]
    pub no_config: bool,
}

impl Resolver {
    pub fn new(packs: &PackArgs, config: &ConfigArgs, lang: Option<Lang>) -> Resolver {
        Resolver {
            packs: packs.clone(),
            lang,
            explicit: config.config.clone(),
            no_config: config.no_config,
            quick_start: false,
            cache: HashMap::new(),
        }
    }

    /// Linters built from now on start quickly rather than scan fast (see
    /// `LinterBuilder::quick_start`): for a check of a few text notes.
    pub fn quick_start(mut self, quick: bool) -> Resolver {
        self.quick_start = quick;
        self
    }

    /// The settings for `path` (`-`: stdin, whose config is searched from the working
    /// directory).
    pub fn for_path(&mut self, path: &Path) -> Result<Arc<Settings>, String> {
        let config = if self.no_config {
            None
        } else if let Some(explicit) = &self.explicit {
            Some(explicit.clone())
        } else {
            let dir = if path.as_os_str() == "-" {
                Path::new(".")
            } else {
                path.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
            };
            Config::find(dir)
        };
        if let Some(s) = self.cache.get(&config) {
            return Ok(s.clone());
        }
        let settings = Arc::new(self.build(config.as_deref())?);
        self.cache.insert(config, settings.clone());
        Ok(settings)
    }

    fn build(&self, config: Option<&Path>) -> Result<Settings, String> {
        let config = config.map(Config::load).transpose().map_err(|e| e.to_string())?;
        let mut builder = LinterBuilder::new();
        builder.quick_start(self.quick_start);
        if let Some(c) = &config {
            c.apply_to(&mut builder).map_err(|e| e.to_string())?;
        }
        self.packs.apply(&mut builder).map_err(|e| e.to_string())?;
        let linter = match &config {
            Some(c) => builder.build().map_err(|e| c.error(e).to_string())?,
            None if self.packs.is_default() && self.quick_start => Linter::builtin_quick_start(),
            None if self.packs.is_default() => Linter::builtin(),
            None => builder.build().map_err(|e| e.to_string())?,
        };
        Ok(Settings {
            linter,
            sponsored: config.as_ref().and_then(|c| c.sponsored).unwrap_or(false),
            lang: self.lang.or(config.as_ref().and_then(|c| c.lang)),
            ocr_models: config.as_ref().and_then(|c| c.ocr_models.clone()),
        })
    }

    /// Every linter built so far (for the rule list of a SARIF log).
    pub fn linters(&self) -> impl Iterator<Item = &Linter> {
        self.cache.values().map(|s| &s.linter)
    }
}
