//! The self-test: every rule's examples must raise it and its counter-examples must not
//! (`redlint rules --check`, and the packs' tests).

use super::Linter;
use crate::note::Note;

impl Linter {
    /// Runs every rule's examples and counter-examples; returns what did not behave.
    pub fn check_examples(&self) -> Vec<ExampleFailure> {
        let mut failures = Vec::new();
        for cr in self.inner.rules.iter().filter(|r| r.enabled) {
            let r = &cr.rule;
            // (the engine's own format rules, line 0, test titles their body examples cannot show)
            if r.line != 0 && (r.examples.is_empty() || r.counter_examples.is_empty()) {
                // a rule that shows nothing tests nothing: that is a failure, not a pass
                failures.push(ExampleFailure {
                    rule: r.id.clone(),
                    text: String::new(),
                    expected_flag: r.examples.is_empty(),
                    found: Vec::new(),
                });
            }
            for (must_flag, list) in [(true, &r.examples), (false, &r.counter_examples)] {
                for ex in list {
                    let note = Note::from_body(ex.text()).sponsored(ex.sponsored());
                    let found = self.lint_with(&note, false);
                    let flagged = found.iter().any(|v| v.rule == r.id);
                    if flagged != must_flag {
                        failures.push(ExampleFailure {
                            rule: r.id.clone(),
                            text: ex.text().to_owned(),
                            expected_flag: must_flag,
                            found: found.iter().map(|v| format!("{}({})", v.rule, v.matched)).collect(),
                        });
                    }
                }
            }
        }
        failures
    }
}

/// A rule example that was not flagged, or a counter-example that was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The rule.
    pub rule: String,
    /// The example's text.
    pub text: String,
    /// `true`: an example that should have raised the rule; `false`: a counter-example that did.
    pub expected_flag: bool,
    /// What was raised instead, as `RULE(matched)`.
    pub found: Vec<String>,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.text.is_empty() {
            let what = if self.expected_flag {
                "examples"
            } else {
                "counter_examples"
            };
            return write!(
                f,
                "{}: no `{what}`: a rule must show what it flags and what it does not",
                self.rule
            );
        }
        let what = if self.expected_flag {
            "example not flagged"
        } else {
            "counter-example flagged"
        };
        let found = if self.found.is_empty() {
            "nothing".to_owned()
        } else {
            self.found.join(", ")
        };
        write!(f, "{}: {what}: {:?} (found: {found})", self.rule, self.text)
    }
}
