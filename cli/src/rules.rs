//! `redlint rules` and `redlint explain`.

use std::fmt::Write;

use redlint::pack::{Applies, Example};

use crate::{EXIT_TROUBLE, EXIT_VIOLATIONS, PackArgs, RulesArgs, print_out};

pub fn list(args: &RulesArgs) -> Result<u8, String> {
    let linter = args.packs.linter().map_err(|e| e.to_string())?;
    if args.self_test {
        let failures = linter.check_examples();
        let mut out = String::new();
        for f in &failures {
            let _ = writeln!(out, "{f}");
        }
        let examples: usize = linter
            .rules()
            .map(|r| r.examples.len() + r.counter_examples.len())
            .sum();
        let _ = writeln!(out, "{} passed, {} failed", examples - failures.len(), failures.len());
        print_out(&out)?;
        return Ok(if failures.is_empty() { 0 } else { EXIT_VIOLATIONS });
    }
    let mut out = String::new();
    if args.json {
        let rules: Vec<serde_json::Value> = linter
            .rules()
            .map(|r| {
                serde_json::json!({
                    "id": r.id, "name": r.name, "category": r.category,
                    "severity": r.severity, "sponsored_severity": r.sponsored_severity,
                    "applies": r.applies, "enabled": linter.is_enabled(&r.id),
                    "message": r.message, "basis": r.basis,
                })
            })
            .collect();
        out = serde_json::to_string_pretty(&rules).map_err(|e| e.to_string())?;
        out.push('\n');
    } else {
        // columns as wide as their longest entry: a user pack's long names keep the rows aligned
        let width =
            |f: &dyn Fn(&redlint::Rule) -> usize, head: &str| linter.rules().map(f).max().unwrap_or(0).max(head.len());
        let (wi, wn) = (width(&|r| r.id.len(), "id"), width(&|r| r.name.len(), "name"));
        let _ = writeln!(
            out,
            "{:<wi$} {:<wn$} {:<19} {:<17} message",
            "id", "name", "category", "organic/sponsored"
        );
        let lang = args.lang.unwrap_or(redlint::Lang::En);
        for r in linter.rules() {
            let sev = format!("{}/{}", r.severity, r.sponsored_severity);
            let off = if linter.is_enabled(&r.id) { "" } else { " (off)" };
            let _ = writeln!(
                out,
                "{:<wi$} {:<wn$} {:<19} {:<17} {}{off}",
                r.id,
                r.name,
                r.category.as_str(),
                sev,
                r.message.get(lang)
            );
        }
    }
    print_out(&out)?;
    Ok(0)
}

pub fn explain(key: &str, packs: &PackArgs) -> Result<u8, String> {
    let linter = packs.linter().map_err(|e| e.to_string())?;
    let Some(r) = linter.rule(key) else {
        crate::say(&format!("redlint: unknown rule `{key}` (see `redlint rules`)"));
        return Ok(EXIT_TROUBLE);
    };
    let mut out = String::new();
    let _ = writeln!(out, "{} {} ({})", r.id, r.name, r.category);
    let _ = writeln!(out, "{}\n{}\n", r.message.zh, r.message.en);
    let applies = match r.applies {
        Applies::All => "every note",
        Applies::Organic => "notes NOT declared sponsored",
        Applies::Sponsored => "notes declared sponsored",
    };
    let _ = writeln!(
        out,
        "severity: {} in an organic note, {} in a sponsored note; applies to {applies}",
        r.severity, r.sponsored_severity
    );
    if let Some(scope) = r.scope {
        let d = scope.describe();
        let _ = writeln!(
            out,
            "scope ({}): {}\n       {}",
            format!("{scope:?}").to_lowercase(),
            d.zh,
            d.en
        );
    }
    if let Some(esc) = linter.escalation(r.category) {
        let _ = writeln!(
            out,
            "escalation: with {} or more {} hits at warning or above in one note, each is raised to {}",
            esc.count, r.category, esc.to
        );
    }
    let _ = writeln!(out, "basis: {}\n", r.basis);
    let _ = writeln!(out, "{}\n\n{}\n", r.description.zh.trim(), r.description.en.trim());
    if !r.terms.is_empty() {
        let _ = writeln!(out, "terms ({}): {}", r.terms.len(), r.terms.join("、"));
    }
    if !r.read.is_empty() {
        let how: Vec<String> = r.read.iter().map(|m| format!("{m:?}").to_lowercase()).collect();
        let _ = writeln!(
            out,
            "terms also read by: {} (同音字、拼音、首字母、emoji)",
            how.join(", ")
        );
    }
    if !r.disguised_terms.is_empty() {
        let _ = writeln!(
            out,
            "disguised terms (only when written by sound, pinyin, initials or emoji): {}",
            r.disguised_terms.join("、")
        );
    }
    for p in &r.patterns {
        let _ = writeln!(out, "pattern: {p}");
    }
    if !r.exceptions.is_empty() {
        let _ = writeln!(out, "allowed contexts: {}", r.exceptions.join("、"));
    }
    if !r.fixes.is_empty() {
        let fixes: Vec<String> = r.fixes.iter().map(|(k, v)| format!("{k} → {v}")).collect();
        let _ = writeln!(out, "fixes ({:?}): {}", r.fix_safety, fixes.join(", "));
    }
    let show = |e: &Example| {
        // a long example (the format rules' 1,001-character bodies) is shown by its start
        let n = e.text().chars().count();
        let text = if n > 60 {
            format!("{}… ({n} characters)", e.text().chars().take(24).collect::<String>())
        } else {
            e.text().to_owned()
        };
        if e.sponsored() {
            format!("{text} (sponsored)")
        } else {
            text
        }
    };
    if let Some(key) = redlint::brief::setting(&r.id) {
        let _ = writeln!(
            out,
            "\nin a brief file (--brief FILE, or brief = \"…\" in redlint.toml):\n  [brief]\n  {key}"
        );
    }
    if !r.examples.is_empty() {
        let _ = writeln!(out, "\nflagged:");
        for e in &r.examples {
            let _ = writeln!(out, "  ✗ {}", show(e));
        }
    }
    if !r.counter_examples.is_empty() {
        let _ = writeln!(out, "not flagged:");
        for e in &r.counter_examples {
            let _ = writeln!(out, "  ✓ {}", show(e));
        }
    }
    if r.line == 0 {
        let _ = writeln!(
            out,
            "\nbuilt into the engine: {}",
            r.origin.trim_matches(['(', ')']).trim_start_matches("engine: ")
        );
    } else {
        let _ = writeln!(out, "\ndefined in {}:{}", r.origin, r.line);
    }
    print_out(&out)?;
    Ok(0)
}
