//! "Allow this term in this workspace": appends a term to the `allow` list of the project's
//! `redlint.toml`, keeping the file's comments and layout, creating the file if needed.

use std::path::Path;

use toml_edit::{Array, DocumentMut, Item, Value};

/// A new config file starts with this.
const HEADER: &str = "# redlint project settings: `allow` lists terms that are never reported.\n";

/// Adds `term` to `allow` in the TOML text; `Ok(None)` when it is already there.
pub fn add_to_text(text: &str, term: &str) -> Result<Option<String>, String> {
    let mut doc: DocumentMut = text.parse().map_err(|e| format!("not valid TOML: {e}"))?;
    let root = doc.as_table_mut();
    match root.get_mut("allow") {
        None => {
            let mut list = Array::new();
            list.push(term);
            // `allow` goes with the other top-level keys, before the first table
            root.insert("allow", Item::Value(Value::Array(list)));
        }
        Some(item) => {
            let Some(list) = item.as_array_mut() else {
                return Err("`allow` is not a list of strings".to_owned());
            };
            if list.iter().any(|v| v.as_str() == Some(term)) {
                return Ok(None);
            }
            let multiline = list.iter().any(|v| {
                v.decor()
                    .prefix()
                    .and_then(|p| p.as_str())
                    .is_some_and(|p| p.contains('\n'))
            });
            // an empty list laid out over lines, maybe with commented-out entries
            let trailing = list.trailing().as_str().unwrap_or("").to_owned();
            if list.is_empty() && trailing.contains('\n') {
                let indent = trailing
                    .lines()
                    .map(|l| &l[..l.len() - l.trim_start().len()])
                    .find(|i| !i.is_empty())
                    .unwrap_or("  ");
                list.push_formatted(Value::from(term).decorated(format!("\n{indent}"), ""));
                list.set_trailing_comma(true);
            } else if multiline {
                // one entry per line, as the file has it: the last entry's indentation (its prefix may also hold a comment: not that)
                let indent = list
                    .iter()
                    .last()
                    .and_then(|v| v.decor().prefix().and_then(|p| p.as_str()))
                    .and_then(|p| p.rsplit('\n').next())
                    .filter(|i| i.chars().all(char::is_whitespace))
                    .unwrap_or("    ");
                let prefix = format!("\n{indent}");
                list.push_formatted(Value::from(term).decorated(prefix, ""));
                list.set_trailing_comma(true);
            } else {
                list.push(term);
            }
        }
    }
    let mut out = doc.to_string();
    if text.trim().is_empty() {
        out.insert_str(0, HEADER);
    }
    Ok(Some(out))
}

/// Adds `term` to `allow` in `path` (created if missing). `Ok(false)` when it was already there.
pub fn add_to_file(path: &Path, term: &str) -> Result<bool, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    match add_to_text(&text, term).map_err(|e| format!("{}: {e}", path.display()))? {
        None => Ok(false),
        Some(new) => {
            std::fs::write(path, new).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_appends_and_never_duplicates() {
        let new = add_to_text("", "最好").unwrap().unwrap();
        assert_eq!(new, format!("{HEADER}allow = [\"最好\"]\n"));
        let again = add_to_text(&new, "第一").unwrap().unwrap();
        assert!(again.ends_with("allow = [\"最好\", \"第一\"]\n"), "{again}");
        assert_eq!(add_to_text(&again, "第一").unwrap(), None);
    }

    #[test]
    fn keeps_comments_and_puts_allow_before_tables() {
        let text = "# team config\nsponsored = false # organic by default\n\n[rules]\n# loud\nB101 = \"error\"\n";
        let out = add_to_text(text, "品牌名").unwrap().unwrap();
        assert!(
            out.starts_with("# team config\nsponsored = false # organic by default\nallow = [\"品牌名\"]\n"),
            "{out}"
        );
        assert!(out.contains("[rules]\n# loud\nB101 = \"error\"\n"), "{out}");
        let parsed: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(parsed["allow"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn multiline_lists_stay_one_per_line() {
        let text = "allow = [\n    \"甲\", # brand\n    \"乙\",\n]\n";
        let out = add_to_text(text, "丙").unwrap().unwrap();
        assert_eq!(out, "allow = [\n    \"甲\", # brand\n    \"乙\",\n    \"丙\",\n]\n");
        let parsed: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(parsed["allow"].as_array().unwrap().len(), 3);
    }

    #[test]
    fn an_empty_list_over_lines_gets_the_term_on_its_own_line() {
        let text = "allow = [\n  # \"最好莱坞\",\n]\n\n[rules]\n";
        let out = add_to_text(text, "品牌名").unwrap().unwrap();
        assert_eq!(out, "allow = [\n  \"品牌名\",\n  # \"最好莱坞\",\n]\n\n[rules]\n");
        let parsed: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(parsed["allow"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn the_file_redlint_init_writes_takes_the_term() {
        let out = add_to_text(redlint::config::STARTER, "品牌名").unwrap().unwrap();
        let config = redlint::config::Config::parse("redlint.toml", &out).expect("still a valid config");
        let allowed: Vec<&str> = config.allow.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(allowed, ["品牌名"]);
        // every comment kept
        let comments = |t: &str| t.lines().filter(|l| l.trim_start().starts_with('#')).count();
        assert_eq!(comments(&out), comments(redlint::config::STARTER));
    }

    #[test]
    fn refuses_what_it_cannot_edit() {
        assert!(add_to_text("allow = \"x\"", "y").is_err());
        assert!(add_to_text("allow = [", "y").is_err());
    }
}
