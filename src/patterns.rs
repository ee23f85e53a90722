//! Pack regexes, compiled on first use and run only where they can match.
//!
//! Most notes hold nothing a pack regex looks for (a phone number, a link, a QQ group), so
//! running every regex over every note (even as one `RegexSet` pass) is most of the work of a
//! lint, and compiling them all is most of a cold start. Instead, each regex's *prefix
//! literals* (every match starts with one of them: `qq`, `q`, `群`, `http`, `@`, a digit) are
//! read off its syntax tree, and one Aho-Corasick automaton over all of them says which
//! regexes can match a text at all. Only those run, and each is compiled the first time it is
//! needed. A regex whose matches can start anywhere (no finite prefix set) runs on every text.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use crate::pack::{DIGIT_CLASS, compile_regex};

/// A regex compiled the first time it is used. Its source was checked when its pack was
/// parsed (user packs are compiled then; the builtin packs by the test suite).
#[derive(Debug)]
pub(crate) struct LazyRegex {
    source: String,
    compiled: OnceLock<Regex>,
}

impl LazyRegex {
    pub(crate) fn new(source: String) -> LazyRegex {
        LazyRegex {
            source,
            compiled: OnceLock::new(),
        }
    }

    pub(crate) fn get(&self) -> &Regex {
        self.compiled
            .get_or_init(|| compile_regex(&self.source).expect("checked when the pack was parsed"))
    }
}

/// The prefix literals of `pattern` (as [`compile_regex`] expands it), or `None` when its
/// matches can start with too many different texts (or with nothing at all).
fn prefixes(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(&pattern.replace("{digit}", DIGIT_CLASS))
        .ok()?;
    // long prefixes when there are few of them; else the first character's set (`[a-z0-9]`
    // then more classes is too many strings, but 36 first characters is a fine gate)
    [6, 1].into_iter().find_map(|len| {
        let mut seq = Extractor::new()
            .kind(ExtractKind::Prefix)
            .limit_class(64)
            .limit_repeat(4)
            .limit_literal_len(len)
            .limit_total(400)
            .extract(&hir);
        // (not `optimize_for_prefix_by_preference`: it gives up on many short literals, which
        // make a poor search prefilter but a sound gate)
        seq.dedup();
        let literals = seq.literals()?;
        if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
            return None;
        }
        Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
    })
}

/// The pack regexes of a linter, each with its rule.
#[derive(Debug)]
pub(crate) struct Patterns {
    regexes: Vec<(usize, LazyRegex)>,
    /// All prefix literals of the gated regexes.
    gate: Option<AhoCorasick>,
    /// For each gate literal, the regexes it opens.
    opens: Vec<Vec<u32>>,
    /// Regexes without a finite prefix set: they run on every text.
    always: Vec<u32>,
}

impl Patterns {
    /// `patterns`: (rule index, regex source).
    pub(crate) fn new(patterns: Vec<(usize, String)>) -> Patterns {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut index: std::collections::HashMap<Vec<u8>, usize> = std::collections::HashMap::new();
        let mut opens: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        for (i, (_, source)) in patterns.iter().enumerate() {
            match prefixes(source) {
                None => always.push(i as u32),
                Some(lits) => {
                    for lit in lits {
                        match index.get(&lit) {
                            Some(&k) => opens[k].push(i as u32),
                            None => {
                                index.insert(lit.clone(), literals.len());
                                literals.push(lit);
                                opens.push(vec![i as u32]);
                            }
                        }
                    }
                }
            }
        }
        let gate = (!literals.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&literals)
                .expect("a few hundred short literals fit a DFA")
        });
        Patterns {
            regexes: patterns.into_iter().map(|(r, s)| (r, LazyRegex::new(s))).collect(),
            gate,
            opens,
            always,
        }
    }

    /// The regexes that can match `text` (sorted, each once): (index, rule).
    pub(crate) fn candidates(&self, text: &str) -> Vec<(usize, usize)> {
        let mut on = vec![false; self.regexes.len()];
        for &i in &self.always {
            on[i as usize] = true;
        }
        if let Some(gate) = &self.gate {
            for m in gate.find_overlapping_iter(text) {
                for &i in &self.opens[m.pattern().as_usize()] {
                    on[i as usize] = true;
                }
            }
        }
        on.iter()
            .enumerate()
            .filter(|&(_, &o)| o)
            .map(|(i, _)| (i, self.regexes[i].0))
            .collect()
    }

    /// Regex `i`, compiled on first use.
    pub(crate) fn regex(&self, i: usize) -> &Regex {
        self.regexes[i].1.get()
    }

    /// How many regexes run on every text (no finite prefix set).
    #[cfg(test)]
    pub(crate) fn ungated(&self) -> usize {
        self.always.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_of_pack_shapes() {
        let p = prefixes(r"(?-u:\b)(?:https?|ftp)\s?:\s?/\s?/").unwrap();
        assert!(
            p.contains(&b"http".to_vec()) || p.iter().any(|l| l.starts_with(b"http")),
            "{p:?}"
        );
        let q = prefixes(r"(?:qq|(?-u:\b)q|(?-u:\b)qun)x").unwrap();
        assert!(q.iter().all(|l| l.starts_with(b"q")), "{q:?}");
        // a digit class is a finite set of starts
        assert!(prefixes("{digit}{6}").is_some());
        // matches that can start anywhere
        assert!(prefixes(r"\p{Han}{2}").is_none());
        assert!(prefixes(r"(?:a)?b").is_some());
    }

    #[test]
    fn builtin_packs_compile_and_most_regexes_are_gated() {
        // the builtin packs are parsed without compiling their regexes (they compile on first
        // use): here every one of them is compiled, as a user's pack would be
        for (origin, text) in crate::pack::BUILTIN {
            crate::Pack::parse(origin, text).unwrap_or_else(|e| panic!("{e}"));
        }
        crate::context::Lexicon::parse(crate::context::BUILTIN.0, crate::context::BUILTIN.1).unwrap();
        let patterns: Vec<(usize, String)> = crate::Pack::builtin()
            .into_iter()
            .flat_map(|p| p.rules)
            .flat_map(|r| r.patterns)
            .map(|p| (0, p))
            .collect();
        let n = patterns.len();
        let ungated: Vec<String> = patterns
            .iter()
            .filter(|(_, p)| prefixes(p).is_none())
            .map(|(_, p)| p.clone())
            .collect();
        assert!(
            ungated.len() <= 1,
            "{} of {n} regexes run on every text: {ungated:#?}",
            ungated.len()
        );
    }

    #[test]
    fn gated_regexes_run_only_where_they_can_match() {
        let p = Patterns::new(vec![
            (0, r"(?-u:\b)(?:https?|ftp)\s?:\s?/\s?/".to_owned()),
            (1, "群[1-9][0-9]{5}".to_owned()),
            (2, r"\p{Han}好".to_owned()),
        ]);
        assert_eq!(p.ungated(), 1);
        let c = |t: &str| p.candidates(t).into_iter().map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(c("今天天气"), [2]);
        assert_eq!(c("看 http://x 和群123456"), [0, 1, 2]);
        assert!(p.regex(1).is_match("群123456"));
    }
}
