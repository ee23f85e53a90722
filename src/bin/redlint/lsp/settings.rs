//! What the linter of the language server is built from: the client's settings
//! (`initializationOptions`, `workspace/didChangeConfiguration`, `workspace/configuration`) and
//! the project's `redlint.toml` at the workspace root.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use redlint::{Lang, Linter, LinterBuilder, Severity};
use serde_json::Value;

/// The project's config file, at the workspace root.
pub const CONFIG_FILE: &str = "redlint.toml";

/// The client's settings: `{"lang": "zh"|"en", "disable": ["B101"], "sponsored": bool,
/// "packs": ["path.toml"]}`, at the top level or under a `"redlint"` key.
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
        if !["lang", "disable", "sponsored", "packs"]
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

/// The parts of `redlint.toml` the server uses: `allow`, `sponsored`, `lang`, `packs` and the
/// `[rules]` table (rule id or name → `"off" | "info" | "warning" | "error"`). Other keys are
/// left to the commands that use them.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct ProjectConfig {
    /// Terms allowed everywhere (brand names and the like).
    #[serde(default)]
    pub allow: Vec<String>,
    /// Treat every note as sponsored.
    #[serde(default)]
    pub sponsored: Option<bool>,
    /// Language of messages.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Extra rule packs, relative to the config file.
    #[serde(default)]
    pub packs: Vec<PathBuf>,
    /// Per-rule level: `"off"`, a severity, or `{ organic = "…", sponsored = "…" }`.
    #[serde(default)]
    pub rules: BTreeMap<String, toml::Value>,
}

impl ProjectConfig {
    /// Reads `redlint.toml` in `root`; a missing file is the empty config.
    pub fn load(root: &Path) -> Result<ProjectConfig, String> {
        let path = root.join(CONFIG_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ProjectConfig::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
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

/// Reads the project's config and builds the linter. Never panics: a bad pack, an unknown rule
/// or a bad config file is an `Err` with a message for the user.
pub fn build(inputs: &Inputs) -> Result<Built, String> {
    let project = match &inputs.root {
        Some(root) => ProjectConfig::load(root)?,
        None => ProjectConfig::default(),
    };
    let s = &inputs.settings;
    let base = inputs.root.clone().unwrap_or_default();
    let mut b = LinterBuilder::new();
    for p in &project.packs {
        b.add_pack_file(base.join(p)).map_err(|e| e.to_string())?;
    }
    for p in &s.packs {
        b.add_pack_file(base.join(p)).map_err(|e| e.to_string())?;
    }
    for (rule, level) in &project.rules {
        let bad = |what: String| format!("{CONFIG_FILE}: [rules] {rule}: {what}");
        let severity = |v: Option<&toml::Value>| -> Result<Option<Severity>, String> {
            v.map(|v| {
                v.as_str()
                    .ok_or_else(|| bad(format!("expected a severity, found {v}")))?
                    .parse()
                    .map_err(|e: redlint::violation::UnknownName| bad(format!("{e} (or \"off\")")))
            })
            .transpose()
        };
        match level {
            toml::Value::String(off) if off == "off" => {
                b.disable(rule);
            }
            toml::Value::String(_) => {
                let sev = severity(Some(level))?.expect("a string");
                b.set_severity(rule, sev, sev);
            }
            toml::Value::Table(t) => {
                // a side left out keeps the rule's own severity
                let own = Linter::builtin().rule(rule).map(|r| (r.severity, r.sponsored_severity));
                let organic = severity(t.get("organic"))?.or(own.map(|o| o.0));
                let sponsored = severity(t.get("sponsored"))?.or(own.map(|o| o.1));
                match (organic, sponsored) {
                    (Some(o), Some(s)) => {
                        b.set_severity(rule, o, s);
                    }
                    (Some(one), None) | (None, Some(one)) => {
                        b.set_severity(rule, one, one);
                    }
                    (None, None) => {}
                }
            }
            other => return Err(bad(format!("expected \"off\", a severity or a table, found {other}"))),
        }
    }
    for r in &s.disable {
        b.disable(r);
    }
    for a in &project.allow {
        b.allow(a);
    }
    let linter = if project == ProjectConfig::default() && s.packs.is_empty() && s.disable.is_empty() {
        Linter::builtin() // compiled once per process
    } else {
        b.build().map_err(|e| e.to_string())?
    };
    Ok(Built {
        linter,
        lang: s.lang.or(project.lang),
        sponsored: s.sponsored || project.sponsored.unwrap_or(false),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn settings_at_the_top_or_under_redlint() {
        let want = Settings {
            lang: Some(Lang::En),
            disable: vec!["B101".into()],
            sponsored: true,
            packs: vec![PathBuf::from("extra.toml")],
        };
        let flat = json!({"lang": "en", "disable": ["B101"], "sponsored": true, "packs": ["extra.toml"]});
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
            "# ours\nlang = \"zh\"\nfuture = 1\nallow = [\"最好的朋友\"]\n[rules]\nO301 = \"off\"\nB101 = \"error\"\nB103 = { sponsored = \"info\" }\n[format]\nmax_tags = 5\n",
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
        assert!(build(&inputs).unwrap_err().contains("loud"));
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
