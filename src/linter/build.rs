//! Stage 1, the build: packs, lexicon and settings into the automaton, the sound index and the
//! regexes of a [`Linter`]. The only stage that can fail.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::patterns::{LazyRegex, Patterns};
use super::{Anchor, CompiledRule, Inner, Linter, Role};
use crate::FastMap;
use crate::brief::{self, Brief, CompiledBrief};
use crate::context::Lexicon;
use crate::error::Error;
use crate::format::{self, FormatLimits};
use crate::normalize::{Normalized, fold_term};
use crate::pack::{Pack, Read, Rule};
use crate::sound::{Guard, SoundIndex};
use crate::violation::Severity;

/// Builds a [`Linter`]: which packs, which rules off or re-levelled, which terms allowed.
///
/// ```
/// use redlint::{LinterBuilder, Note, Severity};
///
/// let linter = LinterBuilder::new()
///     .disable("B101")
///     .allow("最好的朋友")
///     .set_severity("O301", Severity::Warning, Severity::Error)
///     .build()
///     .unwrap();
/// assert!(linter.lint_text("这是最好的面霜").iter().all(|v| v.rule != "B101"));
/// ```
#[derive(Debug, Clone)]
pub struct LinterBuilder {
    builtin: bool,
    packs: Vec<Pack>,
    disabled: Vec<String>,
    severities: Vec<(String, Option<Severity>, Option<Severity>)>,
    allow: Vec<String>,
    context: Vec<Lexicon>,
    format: FormatLimits,
    brief: Option<Brief>,
    quick_start: bool,
}

impl Default for LinterBuilder {
    fn default() -> Self {
        LinterBuilder::new()
    }
}

impl LinterBuilder {
    /// A builder that starts from the builtin packs.
    pub fn new() -> LinterBuilder {
        LinterBuilder {
            builtin: true,
            packs: Vec::new(),
            disabled: Vec::new(),
            severities: Vec::new(),
            allow: Vec::new(),
            context: Vec::new(),
            format: FormatLimits::default(),
            brief: None,
            quick_start: false,
        }
    }

    /// Adds words to the claim-context lexicon (see [`crate::context`]): commercial anchors,
    /// narrative markers, efficacy constructions.
    pub fn add_context(&mut self, lexicon: Lexicon) -> &mut Self {
        self.context.push(lexicon);
        self
    }

    /// Leaves the builtin packs out (only packs added here are used), and the engine's own
    /// `format` rules with them.
    pub fn without_builtin(&mut self) -> &mut Self {
        self.builtin = false;
        self
    }

    /// Adds a pack from its text; `origin` names it in errors.
    pub fn add_pack_str(&mut self, origin: &str, text: &str) -> Result<&mut Self, Error> {
        self.packs.push(Pack::parse(origin, text)?);
        Ok(self)
    }

    /// Reads and adds a pack file.
    pub fn add_pack_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        self.add_pack_str(&path.display().to_string(), &text)
    }

    /// Switches a rule off, by id (`B101`) or name (`superlative-claim`).
    pub fn disable(&mut self, rule: &str) -> &mut Self {
        self.disabled.push(rule.to_owned());
        self
    }

    /// Sets a rule's severity in organic and in sponsored notes.
    pub fn set_severity(&mut self, rule: &str, organic: Severity, sponsored: Severity) -> &mut Self {
        self.set_severity_for(rule, Some(organic), Some(sponsored))
    }

    /// Sets a rule's severity in organic notes, in sponsored notes, or both; `None` keeps the
    /// rule's own.
    pub fn set_severity_for(
        &mut self,
        rule: &str,
        organic: Option<Severity>,
        sponsored: Option<Severity>,
    ) -> &mut Self {
        self.severities.push((rule.to_owned(), organic, sponsored));
        self
    }

    /// Sets the limits of the `format` rules (title and body length, hashtags, empty body).
    pub fn format_limits(&mut self, limits: FormatLimits) -> &mut Self {
        self.format = limits;
        self
    }

    /// Builds for a quick start rather than for throughput: the terms are found by a table of
    /// their lengths by first character (built in a pass over them) instead of an
    /// Aho-Corasick automaton (faster to search, slower to build). For one-off checks of a few notes
    /// and for editors; batches want the default. Results are the same either way.
    pub fn quick_start(&mut self, quick: bool) -> &mut Self {
        self.quick_start = quick;
        self
    }

    /// Checks every note against a campaign brief (the `brief` rules, `C601`..`C607`); its
    /// limits override [`LinterBuilder::format_limits`] where it sets them.
    pub fn brief(&mut self, brief: Brief) -> &mut Self {
        self.brief = Some(brief);
        self
    }

    /// Reads and sets a brief file (see [`LinterBuilder::brief`]).
    pub fn brief_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<&mut Self, Error> {
        self.brief = Some(Brief::load(path)?);
        Ok(self)
    }

    /// Allows a term everywhere: any hit lying inside it is dropped (brand and product names
    /// that contain banned characters).
    pub fn allow(&mut self, term: &str) -> &mut Self {
        self.allow.push(term.to_owned());
        self
    }

    /// Compiles the linter. Fails on duplicate rules across packs and unknown rule names.
    pub fn build(&self) -> Result<Linter, Error> {
        let mut packs = if self.builtin { Pack::builtin() } else { Vec::new() };
        packs.extend(self.packs.iter().cloned());
        let mut lexicon = if self.builtin {
            Lexicon::builtin()
        } else {
            Lexicon::default()
        };
        for l in packs.iter().filter_map(|p| p.context.as_ref()).chain(&self.context) {
            lexicon.extend(l);
        }
        let mut rules: Vec<CompiledRule> = Vec::new();
        let mut escalations = Vec::new();
        let mut owner: HashMap<String, String> = HashMap::new();
        let native = self.builtin.then(|| (None, format::rules()));
        let native_brief = (self.builtin || self.brief.is_some()).then(|| (None, brief::rules()));
        let packs = packs
            .into_iter()
            .map(|p| (p.escalate.map(|e| (p.category, e)), p.rules));
        for (escalate, pack_rules) in packs.chain(native).chain(native_brief) {
            escalations.extend(escalate);
            for rule in pack_rules {
                for key in [&rule.id, &rule.name] {
                    let here = format!("{}:{}", rule.origin, rule.line);
                    if let Some(first) = owner.insert(key.clone(), here) {
                        return Err(Error::Pack(crate::error::PackError {
                            file: rule.origin.clone(),
                            rule: Some(rule.id.clone()),
                            line: rule.line,
                            column: 1,
                            kind: crate::error::PackErrorKind::DuplicateRule(key.clone(), first),
                        }));
                    }
                }
                let after = rule.after.as_deref().map(|a| LazyRegex::new(format!("^(?:{a})")));
                let urging = rule.urging.as_deref().map(|u| LazyRegex::new(format!("^(?:{u})$")));
                rules.push(CompiledRule {
                    exceptions: OnceLock::new(),
                    before: rule.before.iter().map(|c| fold_term(c)).collect(),
                    after,
                    urging,
                    enabled: true,
                    rule,
                });
            }
        }
        let find = |rules: &[CompiledRule], key: &str| {
            rules
                .iter()
                .position(|r| r.rule.id == key || r.rule.name == key)
                .ok_or_else(|| Error::UnknownRule(key.to_owned()))
        };
        for key in &self.disabled {
            let i = find(&rules, key)?;
            rules[i].enabled = false;
        }
        for (key, organic, sponsored) in &self.severities {
            let i = find(&rules, key)?;
            let r = &mut rules[i].rule;
            r.severity = organic.unwrap_or(r.severity);
            r.sponsored_severity = sponsored.unwrap_or(r.sponsored_severity);
        }

        // the regexes' gate literals (the packs' regex syntax read, the most costly part of a
        // build) and the table of every string the automaton finds, on one core; the sound index
        // on the other; the literals that survive compaction are found with the terms. Whether a
        // char survives is asked of every char of every literal, some 26,000 times (a few
        // hundred chars): kept here
        let seen: std::sync::Mutex<FastMap<char, bool>> = std::sync::Mutex::default();
        let kept = |c: char| {
            if let Some(&k) = seen.lock().expect("not poisoned").get(&c) {
                return k;
            }
            let mut buf = [0; 4];
            let s = &*c.encode_utf8(&mut buf);
            let k = Normalized::new(s).compact() == s;
            seen.lock().expect("not poisoned").insert(c, k);
            k
        };
        let ((mut strings, patterns, latin_words), (mut sound, topical_initials)) = crate::split::join(
            || {
                let (strings, patterns, latin_words) = Strings::of_rules(&rules);
                (strings, Patterns::new(patterns, kept, !self.quick_start), latin_words)
            },
            || {
                let mut sound = SoundIndex::default();
                let mut topical_initials: FastMap<String, Vec<u32>> = FastMap::default();
                for (i, r) in rules.iter().enumerate() {
                    let (by_sound, by_initials) = (
                        r.rule.read.contains(&Read::Sound),
                        r.rule.read.contains(&Read::Initials),
                    );
                    if by_sound || by_initials {
                        // the default guards hold for a rule read by default without cues
                        let guard = if r.rule.read_default && r.before.is_empty() && r.after.is_none() {
                            Guard::Default {
                                named: r.rule.names_things(),
                            }
                        } else {
                            Guard::Off
                        };
                        let topical = !r.rule.topic.is_empty() && r.rule.names_things();
                        // (a platform pointed to by the cue after it may be said again whole)
                        let platform = r.rule.category == crate::Category::OffPlatform && r.after.is_some();
                        for (t, term) in r.rule.terms.iter().enumerate() {
                            let folded = fold_term(term);
                            if sound.add_read(i as u32, Some(t as u32), &folded, by_sound, by_initials, guard) {
                                let id = (sound.len() - 1) as u32;
                                if platform {
                                    sound.respell_pair(id);
                                }
                                if topical {
                                    for k in super::disguise::initials_spellings(&folded) {
                                        topical_initials.entry(k).or_default().push(id);
                                    }
                                }
                            }
                        }
                    }
                    for term in &r.rule.disguised_terms {
                        sound.add(i as u32, None, &fold_term(term), true, true);
                    }
                }
                (sound, topical_initials)
            },
        );
        let mut lookalike: FastMap<String, Vec<u32>> = FastMap::default();
        for (rule, term, word) in latin_words {
            let id = sound.add_named(rule, Some(term), &word);
            lookalike.entry(word).or_default().push(id);
        }
        let pair_initials = super::kindred_names::pair_initials(
            rules
                .iter()
                .enumerate()
                .filter(|(_, r)| r.rule.names_things())
                .flat_map(|(i, r)| {
                    r.rule
                        .terms
                        .iter()
                        .chain(&r.rule.disguised_terms)
                        .map(move |t| (i as u32, t.as_str()))
                }),
        );
        for (words, anchor) in [
            (&lexicon.commercial, Anchor::Commercial),
            (&lexicon.narrative, Anchor::Narrative),
            (&lexicon.promotion, Anchor::Promotion),
            (&lexicon.warning, Anchor::Warning),
        ] {
            // (checked when its file was read: every template expands)
            for w in words
                .iter()
                .flat_map(|t| crate::pack::expand_word(t).unwrap_or_default())
            {
                let w = fold_term(&w);
                // (and as written Cantonese says it: 好吃 is 好食, 这款 is 呢款)
                for c in crate::normalize::cantonese_forms(&w) {
                    strings.add(c, Role::Anchor(anchor));
                }
                strings.add(w, Role::Anchor(anchor));
            }
        }
        let either = |list: &[String]| {
            (!list.is_empty()).then(|| {
                let joined = list.iter().map(|p| format!("(?:{p})")).collect::<Vec<_>>().join("|");
                LazyRegex::new(joined)
            })
        };
        let (efficacy_before, efficacy_after) = (either(&lexicon.efficacy_before), either(&lexicon.efficacy_after));
        let denial_before = either(&lexicon.denial_before);
        let (mention_before, mention_after) = (either(&lexicon.mention_before), either(&lexicon.mention_after));
        let seller_voice = either(&lexicon.seller_voice);
        let goods_heads = super::stance::GoodsHeads::new(&lexicon.goods_heads, &lexicon.goods_heads_not);
        for a in &self.allow {
            let folded = fold_term(a);
            if folded.is_empty() {
                return Err(Error::EmptyAllow(a.clone()));
            }
            strings.add(folded, Role::Allow);
        }
        for (k, literal) in patterns.shared_literals() {
            strings.add(literal.to_owned(), Role::Gate(k));
        }
        let automaton = super::terms::Terms::new(&strings.strings, self.quick_start);
        let topics = super::Topics::new(&rules);
        // a list of words of each rule's, folded, with the rule's id (`everyday`, `supporting`)
        let words_of = |list: fn(&Rule) -> &Vec<String>| -> Vec<(String, String)> {
            rules
                .iter()
                .flat_map(|r| list(&r.rule).iter().map(|w| (r.rule.id.clone(), fold_term(w))))
                .collect()
        };
        let (everyday, supporting) = (words_of(|r| &r.everyday), words_of(|r| &r.supporting));
        let by_id = |id: &str| rules.iter().position(|r| r.rule.id == id);
        let numbers = super::numbers::NumberRules {
            phone: by_id("O306"),
            qq: by_id("O305"),
            contact: by_id("O318"),
        };
        Ok(Linter {
            inner: Arc::new(Inner {
                topics,
                numbers,
                rules,
                automaton,
                roles: strings.roles,
                sound,
                ids: strings.ids,
                lookalike,
                topical_initials,
                pair_initials,
                efficacy_before,
                efficacy_after,
                denial_before,
                mention_before,
                mention_after,
                seller_voice,
                goods_heads,
                everyday,
                supporting,
                patterns,
                escalations,
                format: match &self.brief {
                    Some(b) => b.limits(self.format),
                    None => self.format,
                },
                brief: self.brief.clone().map(CompiledBrief::new),
            }),
        })
    }
}

/// A rule's Latin word of four letters or more: (rule, term, folded word).
type LatinWord = (u32, u32, String);

/// Every string the automaton finds (terms, exceptions, context words, gate literals), each once,
/// with the roles it plays.
#[derive(Default)]
struct Strings {
    ids: FastMap<String, usize>,
    strings: Vec<String>,
    roles: Vec<Vec<Role>>,
}

impl Strings {
    /// The rules' terms (and the forms written Cantonese gives them), exceptions and disguised
    /// terms, folded; their regexes, by rule; and their Latin words of four letters or more, to
    /// be read with digits for letters (rule, term, folded word).
    fn of_rules(rules: &[CompiledRule]) -> (Strings, Vec<(usize, String)>, Vec<LatinWord>) {
        let mut strings = Strings::default();
        let mut patterns = Vec::new();
        let mut latin_words: Vec<LatinWord> = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            let rule = i as u32;
            for (t, term) in r.rule.terms.iter().enumerate() {
                let folded = fold_term(term);
                // (and as written Cantonese says its verbs and negators: 最好吃 is 最好食)
                for c in crate::normalize::cantonese_term_forms(&folded) {
                    strings.add(c, Role::Term { rule, term: t as u32 });
                }
                if folded.len() >= 4 && folded.bytes().all(|b| b.is_ascii_lowercase()) {
                    latin_words.push((rule, t as u32, folded.clone()));
                }
                strings.add(folded, Role::Term { rule, term: t as u32 });
            }
            for e in &r.rule.exceptions {
                strings.add(fold_term(e), Role::Exception { rule });
            }
            for d in &r.rule.disguised_terms {
                strings.add(fold_term(d), Role::Disguised { rule });
            }
            for p in &r.rule.patterns {
                patterns.push((i, p.clone()));
            }
        }
        (strings, patterns, latin_words)
    }

    /// Adds `text` once, with one more role.
    fn add(&mut self, text: String, role: Role) {
        let id = *self.ids.entry(text).or_insert_with_key(|k| {
            self.strings.push(k.clone());
            self.roles.push(Vec::new());
            self.strings.len() - 1
        });
        self.roles[id].push(role);
    }
}
