//! What the linter of the language server is built from: the client's settings
//! (`initializationOptions`, `workspace/didChangeConfiguration`, `workspace/configuration`) and
//! the project's `redlint.toml` at the workspace root.

use std::path::PathBuf;

use redlint::config::Config;
pub use redlint::config::FILE_NAME as CONFIG_FILE;
use redlint::{Lang, Linter, LinterBuilder};
use serde_json::Value;

/// The client's settings: `{"lang": "zh"|"en", "disable": ["B101"], "sponsored": bool,
/// "packs": ["path.toml"], "brief": "brief.toml"}`, at the top level or under a `"redlint"` key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Language of messages (`None`: both).
    pub lang: Option<Lang>,
    /// Rules switched off, by id or name.
    pub disable: Vec<String>,
    /// Treat every document as sponsored.
    pub sponsored: bool,
    /// Extra rule packs (relative paths are taken from the workspace root).
    pub packs: Vec<PathBuf>,
    /// A campaign brief (relative to the workspace root); overrides `brief` in `redlint.toml`.
    pub brief: Option<PathBuf>,
}

impl Settings {
    /// Reads settings from a client's JSON. `None` when there are none to read (`null`, or an
    /// object without any of the keys), so an empty push does not wipe what the client gave
    /// before. Values of the wrong type are skipped with a warning each.
    pub fn from_json(value: &Value) -> Option<(Settings, Vec<String>)> {
        let v = match value.get("redlint") {
            Some(inner) if inner.is_object() => inner,
            _ => value,
        };
        let obj = v.as_object()?;
        if !["lang", "disable", "sponsored", "packs", "brief"]
            .iter()
            .any(|k| obj.contains_key(*k))
        {
            return None;
        }
        let mut s = Settings::default();
        let mut warnings = Vec::new();
        match obj.get("lang") {
            None | Some(Value::Null) => {}
            Some(Value::String(l)) if l == "both" || l.is_empty() => {}
            Some(Value::String(l)) => match l.parse() {
                Ok(lang) => s.lang = Some(lang),
                Err(e) => warnings.push(format!("setting `lang`: {e}")),
            },
            Some(other) => warnings.push(format!("setting `lang` must be \"zh\" or \"en\", found {other}")),
        }
        match string_list(obj.get("disable")) {
            Ok(list) => s.disable = list,
            Err(found) => warnings.push(format!("setting `disable` must be a list of rule ids, found {found}")),
        }
        match obj.get("sponsored") {
            None | Some(Value::Null) => {}
            Some(Value::Bool(b)) => s.sponsored = *b,
            Some(other) => warnings.push(format!("setting `sponsored` must be true or false, found {other}")),
        }
        match string_list(obj.get("packs")) {
            Ok(list) => s.packs = list.into_iter().map(PathBuf::from).collect(),
            Err(found) => warnings.push(format!("setting `packs` must be a list of files, found {found}")),
        }
        match obj.get("brief") {
            None | Some(Value::Null) => {}
            Some(Value::String(b)) if b.is_empty() => {}
            Some(Value::String(b)) => s.brief = Some(PathBuf::from(b)),
            Some(other) => warnings.push(format!("setting `brief` must be a file name, found {other}")),
        }
        Some((s, warnings))
    }
}

/// A string or a list of strings; `Err` with what was found instead.
fn string_list(v: Option<&Value>) -> Result<Vec<String>, String> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned).ok_or_else(|| i.to_string()))
            .collect(),
        Some(other) => Err(other.to_string()),
    }
}

/// Everything a linter is built from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// The client's settings.
    pub settings: Settings,
    /// The workspace root, where `redlint.toml` is and relative packs are taken from.
    pub root: Option<PathBuf>,
}

/// A built linter and what else the server needs from the settings and the project.
#[derive(Debug, Clone)]
pub struct Built {
    /// The linter.
    pub linter: Linter,
    /// Language of messages.
    pub lang: Option<Lang>,
    /// Treat every document as sponsored.
    pub sponsored: bool,
}

impl Inputs {
    /// The project's config file: the nearest `redlint.toml` at or above the workspace root
    /// (as `redlint check` finds it), else where one would be created, in the root.
    pub fn config_path(&self) -> Option<PathBuf> {
        let root = self.root.as_ref()?;
        Some(Config::find(root).unwrap_or_else(|| root.join(CONFIG_FILE)))
    }
}

/// Reads the project's config and builds the linter. Never panics: a bad pack, an unknown rule
/// or a bad config file is an `Err` with a message for the user.
pub fn build(inputs: &Inputs) -> Result<Built, String> {
    let config = match inputs.config_path().filter(|p| p.is_file()) {
        Some(path) => Some(Config::load(&path).map_err(|e| e.to_string())?),
        None => None,
    };
    let s = &inputs.settings;
    if config.is_none() && s.packs.is_empty() && s.disable.is_empty() && s.brief.is_none() {
        return Ok(Built {
            linter: Linter::builtin_quick_start(), // compiled once per process, quick to build
            lang: s.lang,
            sponsored: s.sponsored,
        });
    }
    let mut b = LinterBuilder::new();
    // an editor wants its first diagnostics (and a rebuild after a settings change) at once
    b.quick_start(true);
    if let Some(config) = &config {
        config.apply_to(&mut b).map_err(|e| e.to_string())?;
    }
    let base = inputs.root.clone().unwrap_or_default();
    for p in &s.packs {
        b.add_pack_file(base.join(p)).map_err(|e| e.to_string())?;
    }
    for r in &s.disable {
        b.disable(r);
    }
    if let Some(brief) = &s.brief {
        b.brief_file(base.join(brief)).map_err(|e| e.to_string())?;
    }
    let linter = b.build().map_err(|e| match &config {
        Some(config) => config.error(e).to_string(),
        None => e.to_string(),
    })?;
    Ok(Built {
        linter,
        lang: s.lang.or(config.as_ref().and_then(|c| c.lang)),
        sponsored: s.sponsored || config.as_ref().and_then(|c| c.sponsored).unwrap_or(false),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use redlint::Severity;
    use serde_json::json;

    #[test]
    fn settings_at_the_top_or_under_redlint() {
        let want = Settings {
            lang: Some(Lang::En),
            disable: vec!["B101".into()],
            sponsored: true,
            packs: vec![PathBuf::from("extra.toml")],
            brief: Some(PathBuf::from("brief.toml")),
        };
        let flat = json!({"lang": "en", "disable": ["B101"], "sponsored": true, "packs": ["extra.toml"], "brief": "brief.toml"});
        assert_eq!(Settings::from_json(&flat), Some((want.clone(), vec![])));
        let nested = json!({"redlint": flat});
        assert_eq!(Settings::from_json(&nested), Some((want, vec![])));
        assert_eq!(Settings::from_json(&Value::Null), None);
        assert_eq!(Settings::from_json(&json!({"other": 1})), None);
        let (s, warnings) = Settings::from_json(&json!({"lang": "fr", "disable": "B101", "sponsored": "yes"})).unwrap();
        assert_eq!(s.disable, ["B101"]);
        assert_eq!(s.lang, None);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn project_config_feeds_the_linter() {
        let dir = std::env::temp_dir().join(format!("redlint-lsp-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(CONFIG_FILE),
            "# ours\nlang = \"zh\"\nallow = [\"最好的朋友\"]\n[rules]\nO301 = \"off\"\nB101 = \"error\"\nB103 = { sponsored = \"info\" }\n[format]\nmax_tags = 5\n",
        )
        .unwrap();
        let inputs = Inputs {
            settings: Settings::default(),
            root: Some(dir.clone()),
        };
        let built = build(&inputs).expect("builds");
        assert_eq!(built.lang, Some(Lang::Zh));
        assert!(built.linter.lint_text("她是我最好的朋友").is_empty());
        let vs = built.linter.lint_text("这是最好用的");
        assert!(
            vs.iter().any(|v| v.rule == "B101" && v.severity == Severity::Error),
            "{vs:?}"
        );
        std::fs::write(dir.join(CONFIG_FILE), "[rules]\nB101 = \"loud\"\n").unwrap();
        let e = build(&inputs).unwrap_err();
        assert!(e.contains("redlint.toml:2"), "the file and line: {e}");
        // the nearest config above the workspace root counts, as for `redlint check`
        std::fs::write(dir.join(CONFIG_FILE), "allow = [\"最好的朋友\"]\n").unwrap();
        let sub = Inputs {
            settings: Settings::default(),
            root: Some(dir.join("notes")),
        };
        std::fs::create_dir_all(dir.join("notes")).unwrap();
        assert_eq!(sub.config_path(), Some(dir.join(CONFIG_FILE)));
        assert!(build(&sub).unwrap().linter.lint_text("她是我最好的朋友").is_empty());
        let bad_pack = Inputs {
            settings: Settings {
                packs: vec![PathBuf::from("missing.toml")],
                ..Settings::default()
            },
            root: Some(dir.clone()),
        };
        std::fs::remove_file(dir.join(CONFIG_FILE)).unwrap();
        assert!(build(&bad_pack).unwrap_err().contains("missing.toml"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
