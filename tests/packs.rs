//! The rule packs test themselves: every example of every rule must raise it, every
//! counter-example must not, and the data must be clean.

use std::collections::BTreeSet;

use redlint::normalize::fold_term;
use redlint::pack::{BUILTIN, Pack};
use redlint::{Category, Linter};

#[test]
fn every_example_and_counter_example_behaves() {
    let failures = Linter::builtin().check_examples();
    let report: Vec<String> = failures.iter().map(ToString::to_string).collect();
    assert!(
        failures.is_empty(),
        "{} example failures:\n{}",
        failures.len(),
        report.join("\n")
    );
}

#[test]
fn every_rule_is_documented_and_has_examples_both_ways() {
    // the engine's own `format` rules are about a note's shape (a title cannot be written as a
    // body example): tests/config.rs checks them; the `brief` rules need a brief: tests/brief.rs
    let packs = |r: &&redlint::Rule| !matches!(r.category, Category::Format | Category::Brief);
    for rule in Linter::builtin().rules().filter(packs) {
        assert!(rule.examples.len() >= 3, "{}: needs at least 3 examples", rule.id);
        assert!(
            rule.counter_examples.len() >= 3,
            "{}: needs at least 3 counter-examples",
            rule.id
        );
        for text in [
            &rule.message.zh,
            &rule.message.en,
            &rule.description.zh,
            &rule.description.en,
            &rule.basis,
        ] {
            assert!(
                !text.trim().is_empty(),
                "{}: empty message, description or basis",
                rule.id
            );
        }
    }
}

#[test]
fn rule_ids_follow_their_category() {
    let letter = |c: Category| match c {
        Category::BannedWord => "B",
        Category::ProhibitedProduct => "P",
        Category::OffPlatform => "O",
        Category::Advertorial => "A",
        Category::Format => "F",
        Category::Brief => "C",
    };
    for rule in Linter::builtin().rules() {
        assert!(
            rule.id.starts_with(letter(rule.category)),
            "{} is in {}",
            rule.id,
            rule.category
        );
    }
}

#[test]
fn term_lists_are_sorted_unique_and_not_shadowed() {
    for (origin, text) in BUILTIN {
        let pack = Pack::parse(origin, text).expect("builtin pack parses");
        for rule in &pack.rules {
            for (what, list) in [("terms", &rule.terms), ("exceptions", &rule.exceptions)] {
                let mut sorted = list.clone();
                sorted.sort();
                assert_eq!(list, &sorted, "{origin} {}: {what} are not sorted", rule.id);
                let unique: BTreeSet<&String> = list.iter().collect();
                assert_eq!(unique.len(), list.len(), "{origin} {}: duplicate {what}", rule.id);
                for t in list {
                    assert_eq!(
                        t.trim(),
                        t,
                        "{origin} {}: {what} entry {t:?} has surrounding space",
                        rule.id
                    );
                }
            }
            // two terms that fold to the same text are the same term written twice
            let folded: BTreeSet<String> = rule.terms.iter().map(|t| fold_term(t)).collect();
            assert_eq!(
                folded.len(),
                rule.terms.len(),
                "{origin} {}: terms that fold to the same text",
                rule.id
            );
            // an exception that is the term itself, or inside it, would always win: the term
            // could never be reported
            for term in &rule.terms {
                let t = fold_term(term);
                for e in &rule.exceptions {
                    let e = fold_term(e);
                    assert!(
                        !t.contains(&e),
                        "{origin} {}: exception {e:?} always covers term {term:?}",
                        rule.id
                    );
                }
            }
        }
    }
}
