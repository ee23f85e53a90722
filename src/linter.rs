//! The engine: a [`Linter`] built once from rule packs, then used to lint any number of notes.
//!
//! How a field is linted:
//! 1. It is normalised once ([`Normalized`]): a *folded* copy (width, case, compatibility forms,
//!    traditional → simplified, invisible characters removed) and a *compact* copy of that with
//!    spaces, punctuation, symbols and emoji skipped, both mapped back to original bytes.
//! 2. One Aho-Corasick automaton holding every term, exception and allow-list entry of every pack
//!    (folded the same way) runs over the compact copy, reporting overlapping matches.
//! 3. The few regex patterns run over the folded copy.
//! 4. Each hit is checked: bounded gaps, ASCII word boundaries, `before`/`after` cues, and
//!    exceptions (a hit inside an exception's span is dropped). Spans are original byte ranges.
//! 5. Overlapping hits of one category are reported once (most severe, then longest), and
//!    categories that escalate are raised when several hits stack up in a note.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::brief::{self, Brief, CompiledBrief};
use crate::context::{self, Lexicon, Scope, Why};
use crate::error::Error;
use crate::format::{self, FormatLimits};
use crate::normalize::{Normalized, fold_term};
use crate::note::Note;
use crate::pack::{Escalate, Pack, Read, Rule};
use crate::patterns::{LazyRegex, Patterns};
use crate::sound::{How, SoundIndex};
use crate::span::Span;
use crate::violation::{Category, Field, Reading, Severity, Violation};
use crate::words;

/// The most original characters that may stand between two characters of one term
/// (`加 . 微 . 信` has gaps of 3) before the two are taken as unrelated words.
pub const MAX_GAP: usize = 4;

/// A character that stands alone as a word this often in the dictionary's corpus (`都`,
/// `心`, `新`, `点`) is taken as itself, not as a same-sounding stand-in for a term's character.
const COMMON_CHAR: usize = 10_000;

/// A compiled set of rules. Immutable, `Send + Sync`, and cheap to clone (clones share the
/// compiled automata), so build one and share it across threads.
///
/// ```
/// use redlint::{Linter, Note, Category};
///
/// let linter = Linter::builtin();
/// let note = Note::from_body("全网最低价，加我微信下单").sponsored(true);
/// let found = linter.lint(&note);
/// assert!(found.iter().any(|v| v.category == Category::BannedWord));
/// assert!(found.iter().any(|v| v.category == Category::OffPlatform));
/// for v in &found {
///     assert_eq!(&note.body[v.span.range()], v.matched); // spans point into the original
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Linter {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    rules: Vec<CompiledRule>,
    /// Every term, exception and allow-list entry, folded, in one automaton over compact text.
    automaton: AhoCorasick,
    /// What each automaton pattern stands for (a folded string can be a term of several rules).
    roles: Vec<Vec<Role>>,
    /// The terms of rules that are also read by sound or initials.
    sound: SoundIndex,
    /// Each automaton pattern's id by its folded text: a text read by sound as a term, but
    /// written as another term or exception (`微信` read like the listed disguise `薇信`), is
    /// that other term and left to its own rule.
    ids: HashMap<String, usize>,
    /// Right before / right after a medical word: an efficacy construction (`能`, `效果`).
    efficacy_before: Option<LazyRegex>,
    efficacy_after: Option<LazyRegex>,
    /// The rules' regexes over folded text, run only where their prefix literals occur.
    patterns: Patterns,
    escalations: Vec<(Category, Escalate)>,
    /// The limits of the engine's own `format` rules.
    format: FormatLimits,
    /// The campaign brief the `brief` rules check, if one is set.
    brief: Option<CompiledBrief>,
}

#[derive(Debug)]
struct CompiledRule {
    rule: Rule,
    enabled: bool,
    /// Folded `before` cues.
    before: Vec<String>,
    /// `after`, anchored at the start of the slice it is run on.
    after: Option<LazyRegex>,
    /// `exception_patterns`, run only on fields where the rule has a hit.
    exception_patterns: Vec<LazyRegex>,
}

#[derive(Debug, Clone, Copy)]
enum Role {
    Term {
        rule: u32,
        term: u32,
    },
    Exception {
        rule: u32,
    },
    Allow,
    /// A claim-context word (`rules/context.toml`).
    Anchor(Anchor),
    /// A gate literal of the pack regexes (see `patterns.rs`): they may match from here.
    Gate(u32),
}

/// What a claim-context word tells about its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// It is about a product, shop, price, purchase or effect.
    Commercial,
    /// It is about a person's illness or care.
    Narrative,
    /// It recommends something to readers.
    Promotion,
    /// It warns or reports (避雷, 被骗, 千万别): a note-level cue.
    Warning,
}

/// What a field tells about its note (see [`Stance`]).
#[derive(Debug, Clone, Copy, Default)]
struct FieldFacts {
    /// Which field it is.
    field: Option<Field>,
    /// How many different things sold it names: commercial words, products of the packs,
    /// sales calls.
    commercial: usize,
    /// How many recommending words it holds.
    promotion: usize,
    /// How many warning words it holds.
    warning: usize,
    /// How many words of a person's illness or care (a doctor, a hospital, a diagnosis).
    narrative: usize,
    /// Whether it names something sold in words of its own (not inside a violation: a title
    /// that names a drug is about that drug, not a sale of it).
    names_goods: bool,
}

/// What a note as a whole does, decided once from all its fields: the law binds what
/// promotes, and a warning quotes what it warns about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stance {
    /// It reviews, recommends or sells: a product or a price named in its title, tags or
    /// body, or a recommending word. A claim anywhere in it counts.
    Promoting,
    /// It warns or reports more than it recommends: what it quotes is information.
    Warning,
    /// A person's illness or treatment (a doctor, a hospital, a diagnosis, twice or more) that
    /// recommends nothing: a drug or an injection named in it was prescribed, not sold.
    Care,
    /// Neither: a diary, a story. Claims count only where their sentence sells something.
    Narrating,
}

impl Stance {
    /// A note promotes when its title or a tag names something sold (it is about it), when
    /// it recommends (推荐, 测评, 回购) and names two things sold, when it recommends twice
    /// (a 空瓶 note where 下单 was easy), or when it names four (a
    /// review: the product, its texture, its price, where it was bought). One commercial word
    /// in a diary (门票, 店) does not make it a review.
    fn of(facts: &[FieldFacts], sponsored: bool) -> Stance {
        let about = facts.iter().any(|f| f.field != Some(Field::Body) && f.commercial > 0);
        let commercial: usize = facts.iter().map(|f| f.commercial).sum();
        let promotion: usize = facts.iter().map(|f| f.promotion).sum();
        let warning: usize = facts.iter().map(|f| f.warning).sum();
        let narrative: usize = facts.iter().map(|f| f.narrative).sum();
        if sponsored {
            Stance::Promoting
        } else if warning > 0 && warning >= promotion {
            Stance::Warning
        } else if narrative >= 2
            && promotion == 0
            && !facts.iter().any(|f| f.field != Some(Field::Body) && f.names_goods)
        {
            Stance::Care
        } else if about || (promotion > 0 && commercial >= 2) || promotion >= 2 || commercial >= 4 {
            Stance::Promoting
        } else {
            Stance::Narrating
        }
    }
}

/// A hit that passed every check but exceptions.
#[derive(Debug, Clone, Copy)]
struct Hit {
    rule: usize,
    span: Span,
    term: Option<usize>,
    /// Read in disguise: the sound-index term, and how it was written.
    reading: Option<(u32, How)>,
}

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

    /// Builds for a quick start rather than for throughput: the term automaton is a contiguous
    /// NFA (built in about a third of the time of the default DFA, and smaller) instead of a
    /// DFA (faster to search). For one-off checks of a few notes and for editors; batches want
    /// the default. Results are the same either way.
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
                let exception_patterns = rule.exception_patterns.iter().cloned().map(LazyRegex::new).collect();
                rules.push(CompiledRule {
                    exception_patterns,
                    before: rule.before.iter().map(|c| fold_term(c)).collect(),
                    after,
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

        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut strings: Vec<String> = Vec::new();
        let mut roles: Vec<Vec<Role>> = Vec::new();
        let mut add = |text: String, role: Role| {
            let id = *ids.entry(text).or_insert_with_key(|k| {
                strings.push(k.clone());
                roles.push(Vec::new());
                strings.len() - 1
            });
            roles[id].push(role);
        };
        let mut patterns = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            let rule = i as u32;
            for (t, term) in r.rule.terms.iter().enumerate() {
                add(fold_term(term), Role::Term { rule, term: t as u32 });
            }
            for e in &r.rule.exceptions {
                add(fold_term(e), Role::Exception { rule });
            }
            for p in &r.rule.patterns {
                patterns.push((i, p.clone()));
            }
        }
        // the regexes' gate literals (the packs' regex syntax read, the most costly part of a
        // build) and the sound index, on two cores; the literals that survive compaction are
        // found with the terms
        let kept = |c: char| {
            let mut buf = [0; 4];
            let c = &*c.encode_utf8(&mut buf);
            Normalized::new(c).compact() == c
        };
        let (patterns, sound) = crate::split::join(
            || Patterns::new(patterns, kept),
            || {
                let mut sound = SoundIndex::default();
                for (i, r) in rules.iter().enumerate() {
                    let (by_sound, by_initials) = (
                        r.rule.read.contains(&Read::Sound),
                        r.rule.read.contains(&Read::Initials),
                    );
                    if by_sound || by_initials {
                        // the default guards hold for a rule read by default without cues
                        let guarded = r.rule.read_default && r.before.is_empty() && r.after.is_none();
                        for (t, term) in r.rule.terms.iter().enumerate() {
                            let folded = fold_term(term);
                            sound.add_read(i as u32, Some(t as u32), &folded, by_sound, by_initials, guarded);
                        }
                    }
                    for term in &r.rule.disguised_terms {
                        sound.add(i as u32, None, &fold_term(term), true, true);
                    }
                }
                sound
            },
        );
        for (words, anchor) in [
            (&lexicon.commercial, Anchor::Commercial),
            (&lexicon.narrative, Anchor::Narrative),
            (&lexicon.promotion, Anchor::Promotion),
            (&lexicon.warning, Anchor::Warning),
        ] {
            for w in words {
                add(fold_term(w), Role::Anchor(anchor));
            }
        }
        let either = |list: &[String]| {
            (!list.is_empty()).then(|| {
                let joined = list.iter().map(|p| format!("(?:{p})")).collect::<Vec<_>>().join("|");
                LazyRegex::new(joined)
            })
        };
        let (efficacy_before, efficacy_after) = (either(&lexicon.efficacy_before), either(&lexicon.efficacy_after));
        for a in &self.allow {
            let folded = fold_term(a);
            if folded.is_empty() {
                return Err(Error::EmptyAllow(a.clone()));
            }
            add(folded, Role::Allow);
        }
        for (k, literal) in patterns.shared_literals() {
            add(literal.to_owned(), Role::Gate(k));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(if self.quick_start {
                AhoCorasickKind::ContiguousNFA
            } else {
                AhoCorasickKind::DFA
            }))
            .build(&strings)
            .expect("a few thousand short terms fit a DFA");
        Ok(Linter {
            inner: Arc::new(Inner {
                rules,
                automaton,
                roles,
                sound,
                ids,
                efficacy_before,
                efficacy_after,
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

impl Linter {
    /// The linter of the builtin packs with every rule on. Built once per process; later calls
    /// return a clone that shares it.
    pub fn builtin() -> Linter {
        static BUILTIN: OnceLock<Linter> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                LinterBuilder::new()
                    .build()
                    .expect("the builtin packs are checked by the test suite")
            })
            .clone()
    }

    /// [`Linter::builtin`] built for a quick start ([`LinterBuilder::quick_start`]): what a
    /// one-off check or an editor wants. Built once per process.
    pub fn builtin_quick_start() -> Linter {
        static QUICK: OnceLock<Linter> = OnceLock::new();
        QUICK
            .get_or_init(|| {
                LinterBuilder::new()
                    .quick_start(true)
                    .build()
                    .expect("the builtin packs are checked by the test suite")
            })
            .clone()
    }

    /// A builder starting from the builtin packs.
    pub fn builder() -> LinterBuilder {
        LinterBuilder::new()
    }

    /// Every loaded rule (on or off), in pack order.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.inner.rules.iter().map(|r| &r.rule)
    }

    /// A rule by id or name.
    pub fn rule(&self, key: &str) -> Option<&Rule> {
        self.rules()
            .find(|r| r.id == key || r.name == key || r.id.eq_ignore_ascii_case(key))
    }

    /// How a category escalates when several of its hits stack up in one note, if it does.
    pub fn escalation(&self, category: Category) -> Option<Escalate> {
        self.inner
            .escalations
            .iter()
            .find(|(c, _)| *c == category)
            .map(|&(_, e)| e)
    }

    /// Whether a rule is switched on.
    pub fn is_enabled(&self, id: &str) -> bool {
        self.inner.rules.iter().any(|r| r.enabled && r.rule.id == id)
    }

    /// Lints the body of an organic note.
    pub fn lint_text(&self, text: &str) -> Vec<Violation> {
        self.lint(&Note::from_body(text))
    }

    /// The limits of the `format` rules (the brief's, where it sets them).
    pub fn format_limits(&self) -> &FormatLimits {
        &self.inner.format
    }

    /// The campaign brief notes are checked against, if one is set.
    pub fn brief(&self) -> Option<&Brief> {
        self.inner.brief.as_ref().map(CompiledBrief::brief)
    }

    /// Lints a note: title, body and every tag, and its shape (the `format` rules). Violations
    /// come sorted by field, then position.
    pub fn lint(&self, note: &Note) -> Vec<Violation> {
        self.lint_with(note, true)
    }

    /// `merge`: report overlapping hits of one category once. Off only for rule self-tests,
    /// where each rule must be seen to fire on its own examples.
    fn lint_with(&self, note: &Note, merge: bool) -> Vec<Violation> {
        let mut out = Vec::new();
        let mut facts = Vec::with_capacity(2 + note.tags.len());
        facts.push(self.lint_field(&note.title, Field::Title, note.sponsored, merge, &mut out));
        facts.push(self.lint_field(&note.body, Field::Body, note.sponsored, merge, &mut out));
        for (i, tag) in note.tags.iter().enumerate() {
            facts.push(self.lint_field(tag, Field::Tag(i), note.sponsored, merge, &mut out));
        }
        self.apply_stance(Stance::of(&facts, note.sponsored), &mut out);
        for &(category, Escalate { count, to }) in &self.inner.escalations {
            let stacked = out
                .iter()
                .filter(|v| v.category == category && v.severity >= Severity::Warning)
                .count();
            if stacked >= count {
                for v in out
                    .iter_mut()
                    .filter(|v| v.category == category && v.severity >= Severity::Warning && v.severity < to)
                {
                    v.severity = to;
                    v.why = Some(Why::Stacked(count));
                    v.context = Some(Why::Stacked(count).message());
                }
            }
        }
        let inner = &*self.inner;
        let native = |category: Category| {
            move |id: &str| {
                inner
                    .rules
                    .iter()
                    .find(|r| r.enabled && r.rule.category == category && r.rule.id == id)
                    .map(|r| &r.rule)
            }
        };
        let before = out.len();
        format::check(note, &inner.format, native(Category::Format), &mut out);
        if let Some(b) = &inner.brief {
            brief::check(note, b, native(Category::Brief), &mut out);
        }
        if out.len() > before {
            out.sort_by(|a, b| {
                (a.field, a.span.start, a.span.end, &a.rule).cmp(&(b.field, b.span.start, b.span.end, &b.rule))
            });
        }
        out
    }

    /// Lints one field into `out`; returns what it tells about the note's stance.
    fn lint_field(
        &self,
        text: &str,
        field: Field,
        sponsored: bool,
        merge: bool,
        out: &mut Vec<Violation>,
    ) -> FieldFacts {
        if text.is_empty() {
            return FieldFacts::default();
        }
        let inner = &*self.inner;
        let norm = Normalized::new(text);
        let compact = norm.compact();
        let active = |rule: usize| {
            let r = &inner.rules[rule];
            r.enabled && r.rule.applies_to(sponsored)
        };
        let mut hits: Vec<Hit> = Vec::new();
        let mut exceptions: Vec<(Option<usize>, Span)> = Vec::new();
        let mut anchors: Vec<(Anchor, Span)> = Vec::new();
        let mut gates: Vec<(u32, u32)> = Vec::new();
        for m in inner.automaton.find_overlapping_iter(compact) {
            let mut checked: Option<bool> = None;
            let span: Span = norm.compact_to_original(m.start(), m.end()).into();
            for &role in &inner.roles[m.pattern().as_usize()] {
                match role {
                    Role::Anchor(a) => anchors.push((a, span)),
                    Role::Exception { rule } => exceptions.push((Some(rule as usize), span)),
                    Role::Allow => exceptions.push((None, span)),
                    Role::Gate(k) => gates.push((k, norm.original_to_folded(span.start) as u32)),
                    Role::Term { rule, term } => {
                        let rule = rule as usize;
                        if !active(rule) {
                            continue;
                        }
                        let shape_ok = *checked.get_or_insert_with(|| {
                            gaps_ok(text, &norm, m.start(), m.end())
                                && on_word_boundaries(text, span, &compact[m.start()..m.end()])
                        });
                        if shape_ok && self.cues_ok(rule, &norm, m.start(), span) {
                            hits.push(Hit {
                                rule,
                                span,
                                term: Some(term as usize),
                                reading: None,
                            });
                        }
                    }
                }
            }
        }
        inner.patterns.find(norm.folded(), &mut gates, active, |rule, m| {
            hits.push(Hit {
                rule,
                span: norm.folded_to_original(m.start, m.end).into(),
                term: None,
                reading: None,
            })
        });
        self.read_disguises(text, &norm, &active, &mut hits);
        // regex exceptions of the rules that have a hit here (rarely any)
        let mut with_hits: Vec<usize> = hits.iter().map(|h| h.rule).collect();
        with_hits.sort_unstable();
        with_hits.dedup();
        for rule in with_hits {
            for re in &inner.rules[rule].exception_patterns {
                for m in re.find_iter(norm.folded()).filter(|m| !m.is_empty()) {
                    exceptions.push((Some(rule), norm.folded_to_original(m.start(), m.end()).into()));
                }
            }
        }
        // exceptions are short: only those starting shortly before a hit can contain it
        exceptions.sort_unstable_by_key(|(_, e)| e.start);
        let longest = exceptions.iter().map(|(_, e)| e.len()).max().unwrap_or(0);
        hits.retain(|h| {
            let upto = exceptions.partition_point(|(_, e)| e.start <= h.span.start);
            !exceptions[..upto]
                .iter()
                .rev()
                .take_while(|(_, e)| e.start + longest >= h.span.start)
                .any(|(rule, e)| rule.is_none_or(|r| r == h.rule) && e.contains(h.span))
        });
        self.anchor_hits(&hits, &mut anchors);
        self.refuse_split_claims(&norm, &mut hits);
        let mut found: Vec<Violation> = hits
            .into_iter()
            .map(|h| self.violation_in_context(&h, field, text, &norm, sponsored, &anchors))
            .collect();
        if merge {
            found = merge_overlapping(found);
        }
        let first = out.len();
        out.extend(found);
        out[first..].sort_by(|a, b| (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule)));
        // recommending and warning words inside a violation are what the note says, not how
        // it says it (链接 of a quoted 点击链接): they do not decide its stance. What the
        // violations cover, as disjoint sorted ranges (they are sorted by start):
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for v in &out[first..] {
            match covered.last_mut() {
                Some(last) if v.span.start <= last.1 => last.1 = last.1.max(v.span.end),
                _ => covered.push((v.span.start, v.span.end)),
            }
        }
        let inside = |s: Span| {
            let i = covered.partition_point(|&(start, _)| start <= s.start);
            i > 0 && covered[i - 1].1 >= s.end
        };
        let count = |kind: Anchor| anchors.iter().filter(|&&(a, s)| a == kind && !inside(s)).count();
        let mut things: Vec<&str> = anchors
            .iter()
            .filter(|&&(a, _)| a == Anchor::Commercial)
            .map(|(_, s)| &text[s.range()])
            .collect();
        things.sort_unstable();
        things.dedup();
        FieldFacts {
            field: Some(field),
            commercial: things.len(),
            promotion: count(Anchor::Promotion),
            warning: count(Anchor::Warning),
            narrative: count(Anchor::Narrative),
            names_goods: count(Anchor::Commercial) > 0,
        }
    }

    /// The note's stance, applied to the violations of all its fields: in a note that
    /// promotes, a claim lowered for want of a product in its sentence counts (the product is
    /// the note's); in a note that warns, what it quotes is information. Pattern hits of the
    /// redirect pack (a number, a handle, a link) are the writer's own contact whatever the
    /// note says, and stay.
    fn apply_stance(&self, stance: Stance, out: &mut [Violation]) {
        if stance == Stance::Narrating || out.is_empty() {
            return;
        }
        // a product recommended only where it is (a drink): the note is about it when it is
        // named in the title or a tag, or recommended in a clause of its own
        let mut promoted: Vec<String> = Vec::new();
        if stance == Stance::Promoting && out.iter().any(|v| v.why == Some(Why::NotPromoted)) {
            promoted = out
                .iter()
                .filter(|v| v.field != Field::Body || (v.why.is_none() && v.severity >= Severity::Warning))
                .map(|v| v.rule.clone())
                .collect();
            promoted.sort_unstable();
            promoted.dedup();
        }
        for v in out.iter_mut() {
            let lowered = match v.why {
                Some(Why::NoProduct) => true,
                Some(Why::NotPromoted) => promoted.binary_search(&v.rule).is_ok(),
                _ => false,
            };
            match stance {
                Stance::Promoting if lowered => {
                    if let Some(r) = self.rule(&v.rule) {
                        v.severity = r.severity_for(false);
                        v.why = Some(Why::Promotes);
                        v.context = Some(Why::Promotes.message());
                    }
                }
                Stance::Warning if v.severity >= Severity::Warning && v.why != Some(Why::Sponsored) => {
                    // a number, handle or link (a pattern's), or a disguised channel: the
                    // writer's own, not a quote
                    let own_contact = v.category == Category::OffPlatform && {
                        let inner = &*self.inner;
                        let plain_term = inner.ids.get(&fold_term(&v.matched)).is_some_and(|&id| {
                            inner.roles[id].iter().any(|role| {
                                matches!(role, Role::Term { rule, .. } if inner.rules[*rule as usize].rule.id == v.rule)
                            })
                        });
                        !plain_term
                    };
                    if matches!(
                        v.category,
                        Category::BannedWord
                            | Category::ProhibitedProduct
                            | Category::Advertorial
                            | Category::OffPlatform
                    ) && !own_contact
                    {
                        v.severity = Severity::Info;
                        v.why = Some(Why::Warns);
                        v.context = Some(Why::Warns.message());
                    }
                }
                Stance::Care
                    if v.severity >= Severity::Warning
                        && matches!(v.category, Category::BannedWord | Category::ProhibitedProduct) =>
                {
                    v.severity = Severity::Info;
                    v.why = Some(Why::IllnessStory);
                    v.context = Some(Why::IllnessStory.message());
                }
                _ => {}
            }
        }
    }

    /// Claim context, stage 1: a product the packs know (水光针) or a sales call (秒杀, 领券)
    /// makes its sentence commercial as much as any word of the lexicon. Leaves `anchors`
    /// sorted by start.
    fn anchor_hits(&self, hits: &[Hit], anchors: &mut Vec<(Anchor, Span)>) {
        let inner = &*self.inner;
        anchors.extend(hits.iter().flat_map(|h| {
            match inner.rules[h.rule].rule.category {
                Category::ProhibitedProduct => &[Anchor::Commercial][..],
                Category::Advertorial => &[Anchor::Commercial, Anchor::Promotion][..],
                _ => &[][..],
            }
            .iter()
            .map(move |&a| (a, h.span))
        }));
        if !anchors.is_sorted_by_key(|&(_, s)| s.start) {
            anchors.sort_unstable_by_key(|&(_, s)| s.start);
        }
    }

    /// Claim context, stage 2: a claim term that cuts a word of the text in two is not that
    /// term (包|好好看). Hits close together share one segmentation of the text around them.
    fn refuse_split_claims(&self, norm: &Normalized, hits: &mut Vec<Hit>) {
        let inner = &*self.inner;
        let mut claims: Vec<(usize, usize, usize)> = hits
            .iter()
            .enumerate()
            .filter(|(_, h)| h.term.is_some() && h.reading.is_none() && inner.rules[h.rule].rule.scope.is_some())
            .map(|(i, h)| {
                (
                    norm.original_to_folded(h.span.start),
                    norm.original_to_folded(h.span.end),
                    i,
                )
            })
            .collect();
        if claims.is_empty() {
            return;
        }
        claims.sort_unstable();
        let mut cut = vec![false; hits.len()];
        let mut k = 0;
        while k < claims.len() {
            let (from, mut to) = (claims[k].0, claims[k].1);
            let mut j = k + 1;
            while j < claims.len() && claims[j].0 <= to + 24 {
                to = to.max(claims[j].1);
                j += 1;
            }
            let words = words::words_around(norm.folded(), from, to);
            for &(s, e, i) in &claims[k..j] {
                cut[i] = words::splits(&words, s, e);
            }
            k = j;
        }
        let mut i = 0;
        hits.retain(|_| {
            i += 1;
            !cut[i - 1]
        });
    }

    /// Claim context, stage 3: the violation of a hit, at the severity its note and sentence
    /// give it (with the reason when that is not the rule's own), and how it was read.
    fn violation_in_context(
        &self,
        h: &Hit,
        field: Field,
        text: &str,
        norm: &Normalized,
        sponsored: bool,
        anchors: &[(Anchor, Span)],
    ) -> Violation {
        let inner = &*self.inner;
        let rule = &inner.rules[h.rule].rule;
        let mut v = rule.violation(field, text, h.span, sponsored, h.term);
        if sponsored {
            if rule.sponsored_severity > rule.severity {
                v.why = Some(Why::Sponsored);
                v.context = Some(Why::Sponsored.message());
            }
        } else if let Some(scope) = rule.scope.filter(|_| !disguised(text, norm, h)) {
            if let Some(why) = self.unclaimed(scope, text, norm, h.span, anchors) {
                v.severity = v.severity.min(Severity::Info);
                v.why = Some(why);
                v.context = Some(why.message());
            }
        }
        if let Some((t, how)) = h.reading {
            v.reading = Some(Reading {
                term: inner.sound.term(t).text.clone(),
                how: how.names().into_iter().map(str::to_owned).collect(),
            });
        }
        v
    }

    /// Terms written in disguise (read by sound, initials or emoji): each candidate of the
    /// sound index must keep its characters close (as a term's), satisfy the rule's cues, and
    /// not be an ordinary word. A candidate made of Han characters only (`威信`, `私心`, `竹叶`)
    /// that is a word of the dictionary, or that cuts a word of the text in two (`公主页面`), is
    /// that word, not a disguise, unless the rule's cues say otherwise.
    fn read_disguises(&self, text: &str, norm: &Normalized, active: &impl Fn(usize) -> bool, hits: &mut Vec<Hit>) {
        let inner = &*self.inner;
        let readings = inner.sound.scan(norm.folded());
        if readings.is_empty() {
            return;
        }
        // the literal hits by start, to find one inside a reading in logarithmic time
        let mut literals: Vec<(usize, usize, usize)> = hits
            .iter()
            .filter(|h| h.reading.is_none())
            .map(|h| (h.span.start, h.span.end, h.rule))
            .collect();
        literals.sort_unstable();
        for h in readings {
            let st = inner.sound.term(h.term);
            let rule = st.rule as usize;
            if !active(rule) {
                continue;
            }
            let units: Vec<std::ops::Range<usize>> = h
                .units
                .iter()
                .map(|u| norm.folded_to_original(u.start, u.end))
                .collect();
            let span = Span::from(units[0].start..units[units.len() - 1].end);
            if !gaps_between_ok(text, units.iter().cloned()) || !on_word_boundaries(text, span, &st.text) {
                continue;
            }
            let written: String = h
                .units
                .iter()
                .flat_map(|u| norm.folded()[u.clone()].chars())
                .filter(|c| !c.is_whitespace())
                .collect();
            let spelled_as_term = inner.ids.get(&written).is_some_and(|&id| {
                inner.roles[id]
                    .iter()
                    .any(|r| matches!(r, Role::Term { .. } | Role::Exception { .. }))
            });
            if written != st.text && spelled_as_term {
                continue;
            }
            let r = &inner.rules[rule];
            let cued = !r.before.is_empty() || r.after.is_some();
            if !self.cues_ok(rule, norm, norm.original_to_compact(span.start), span) {
                continue;
            }
            // a term of the same rule written plainly inside (最强 of 最强哒) is that term,
            // and the literal matcher's: the rest is not a disguise
            let from = literals.partition_point(|&(start, _, _)| start < span.start);
            if literals[from..]
                .iter()
                .take_while(|&&(start, _, _)| start < span.end)
                .any(|&(_, end, r)| r == rule && end <= span.end)
            {
                continue;
            }
            if !latin_reading_ok(text, norm, &h)
                || (r.rule.read_default && st.term.is_some() && !cued && !default_reading_ok(norm, &h))
            {
                continue;
            }
            if !cued && !h.swapped.is_empty() {
                // two characters, one swapped for a same-sounding one (蜜我, 小燕, 四我): as
                // often a word or a name as a disguise; it takes the rule's cues
                if h.term_chars == 2 {
                    continue;
                }
                // a swapped character that is a common word on its own (都, 心, 新) is more
                // likely itself than a stand-in: 肉都不吃 is not 肉毒
                if h.swapped.iter().any(|&c| words::char_frequency(c) >= COMMON_CHAR) {
                    continue;
                }
                // swapped characters that make a word together (弟弟 in 弟弟我) are that word
                if h.swapped_runs.iter().any(|w| words::is_word(w)) {
                    continue;
                }
                if h.how.kinds() == How::HOMOPHONE {
                    let (fs, fe) = (h.units[0].start, h.units[h.units.len() - 1].end);
                    if words::is_word(&written) || !words::is_whole_words(norm.folded(), fs, fe) {
                        continue;
                    }
                }
            }
            hits.push(Hit {
                rule,
                span,
                term: st.term.map(|t| t as usize),
                reading: Some((h.term, h.how)),
            });
        }
    }

    /// Whether a hit of a scoped rule, in an organic note, makes no claim: `None` when its
    /// sentence sells something (a commercial anchor, or for `efficacy` an efficacy
    /// construction and no illness story), otherwise the reason it is lowered.
    fn unclaimed(
        &self,
        scope: Scope,
        text: &str,
        norm: &Normalized,
        span: Span,
        anchors: &[(Anchor, Span)],
    ) -> Option<Why> {
        let (from, to) = if scope == Scope::Promotion {
            context::clause(text, span.start, span.end)
        } else {
            context::sentence(text, span.start, span.end)
        };
        // anchors are sorted by start: look only at those starting in the sentence
        let first = anchors.partition_point(|&(_, s)| s.start < from);
        let here = |kind: Anchor| {
            anchors[first..]
                .iter()
                .take_while(|&&(_, s)| s.start < to)
                .any(|&(a, s)| a == kind && s.end <= to)
        };
        if scope == Scope::Promotion {
            return (!here(Anchor::Promotion)).then_some(Why::NotPromoted);
        }
        if here(Anchor::Commercial) {
            return None;
        }
        match scope {
            Scope::Commercial | Scope::Promotion => Some(Why::NoProduct),
            Scope::Efficacy => {
                let inner = &*self.inner;
                let (fs, fe) = (norm.original_to_folded(span.start), norm.original_to_folded(span.end));
                let folded = norm.folded();
                // the few characters right before the hit (the regexes end in `$`)
                let near = folded[..fs].char_indices().rev().nth(7).map_or(0, |(i, _)| i);
                let efficacy = inner
                    .efficacy_before
                    .as_ref()
                    .is_some_and(|re| re.is_match(&folded[near..fs]))
                    || inner
                        .efficacy_after
                        .as_ref()
                        .is_some_and(|re| re.is_match(&folded[fe..]));
                if here(Anchor::Narrative) {
                    Some(Why::IllnessStory)
                } else if efficacy {
                    None
                } else {
                    Some(Why::NoProduct)
                }
            }
        }
    }

    /// `before` / `after` cues: when a rule has either, one of them must hold.
    fn cues_ok(&self, rule: usize, norm: &Normalized, compact_start: usize, span: Span) -> bool {
        let r = &self.inner.rules[rule];
        if r.before.is_empty() && r.after.is_none() {
            return true;
        }
        let before = &norm.compact()[..compact_start];
        if r.before.iter().any(|cue| before.ends_with(cue.as_str())) {
            return true;
        }
        r.after.as_ref().is_some_and(|re| {
            let at = norm.original_to_folded(span.end);
            re.is_match(&norm.folded()[at..])
        })
    }

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

/// Reports overlapping violations of one category once: the most severe, then the longest,
/// then the first. One sweep per category over violations sorted by position.
fn merge_overlapping(mut found: Vec<Violation>) -> Vec<Violation> {
    found.sort_by(|a, b| {
        (a.category, a.span.start, b.span.end, &a.rule).cmp(&(b.category, b.span.start, a.span.end, &b.rule))
    });
    let rank = |x: &Violation| (x.severity, x.span.len());
    let mut kept: Vec<Violation> = Vec::with_capacity(found.len());
    for v in found {
        match kept.last_mut() {
            Some(last) if last.category == v.category && last.span.overlaps(v.span) => {
                if rank(&v) > rank(last) {
                    *last = v;
                }
            }
            _ => kept.push(v),
        }
    }
    kept
}

/// The guards on readings a rule did not ask for (its `read` is the default): a term is read
/// by sound, pinyin, initials mixed with characters and emoji beside characters, but not
/// - by initials alone under four letters (`zyx`, `wzj`: initials of names as often as of
///   terms), or by initials beside fewer than two characters written as themselves (`s级`,
///   `ss级`, `有xl`: grades and sizes; `SoundIndex::add_read` does not index these),
/// - by emoji alone (`🤗✌`: every pair of pictures reads as something),
/// - with more than half its characters swapped (`万物伊始` is not `万无一失`),
/// - when characters written as themselves beside a disguise cut a word of their text in two
///   (`w一天`, `💩上学期`: the word is what was written).
fn default_reading_ok(norm: &Normalized, h: &crate::sound::SoundHit) -> bool {
    // initials alone: four letters at least (smgl is no name's initials as zyx is)
    let alone = h.initials == h.term_chars && h.term_chars >= 4;
    if (h.initials > 0 && h.plain < 2 && !alone) || h.swapped.len() * 2 > h.term_chars {
        return false;
    }
    if h.emoji > 0 && h.plain == 0 && !h.how.contains(How::PINYIN) && h.initials == 0 {
        return false;
    }
    let folded = norm.folded();
    let (fs, fe) = (h.units[0].start, h.units[h.units.len() - 1].end);
    if h.plain > 0 && h.plain < h.term_chars && !words::is_whole_words(folded, fs, fe) {
        return false;
    }
    true
}

/// The guards on Latin letters in any reading: a letter glued to other letters or digits is
/// part of a word or a model (`3D打印` holds no `D打`), and one capital letter for a character
/// is a name or a grade (`大S发`, `S级`), not a syllable's initial.
fn latin_reading_ok(text: &str, norm: &Normalized, h: &crate::sound::SoundHit) -> bool {
    let folded = norm.folded();
    let (fs, fe) = (h.units[0].start, h.units[h.units.len() - 1].end);
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let latin_at = |u: &std::ops::Range<usize>| folded[u.clone()].bytes().all(|b| b.is_ascii_alphabetic());
    if latin_at(&h.units[0]) && glued(folded[..fs].chars().next_back()) {
        return false;
    }
    if latin_at(&h.units[h.units.len() - 1]) && glued(folded[fe..].chars().next()) {
        return false;
    }
    !h.units.iter().any(|u| {
        latin_at(u)
            && u.len() == 1
            && text[norm.folded_to_original(u.start, u.end)]
                .chars()
                .any(char::is_uppercase)
    })
}

/// Sentence punctuation: a gap holding one of these is a clause break, not a disguise, unless
/// every character of the term is set apart the same way (`电，子，烟`).
const CLAUSE_BREAKS: &[char] = &['，', '。', '！', '？', '；', '：', '、', ',', '!', '?', ';', '…'];

/// Whether a hit was written in disguise: read by sound, or its characters set apart by
/// symbols or invisible characters (`治-疗`, `最\u{200d}好`). Nobody writes a word like that
/// by accident, so its claim needs no product in the sentence to count.
fn disguised(text: &str, norm: &Normalized, h: &Hit) -> bool {
    if h.reading.is_some() {
        return true;
    }
    if h.term.is_none() {
        return false; // a pattern's span may hold punctuation of its own
    }
    let (cs, ce) = (
        norm.original_to_compact(h.span.start),
        norm.original_to_compact(h.span.end),
    );
    let compact_chars = norm.compact()[cs..ce].chars().count();
    text[h.span.range()].chars().count() > compact_chars
}

/// The gaps inside a term hit (compact bytes `start..end`): see [`gaps_between_ok`].
fn gaps_ok(text: &str, norm: &Normalized, start: usize, end: usize) -> bool {
    let compact = norm.compact();
    let units = compact[start..end]
        .char_indices()
        .map(|(i, c)| norm.compact_to_original(start + i, start + i + c.len_utf8()));
    gaps_between_ok(text, units)
}

/// The gaps between the units of a hit (original byte ranges, in order): none may hold more
/// than [`MAX_GAP`] original characters, and a clause break may only sit between the units of
/// a term of three or more that are *all* set apart (`电，子，烟`), so that `物流超快，下单` does
/// not hold `快下单` and `到手，价格` does not hold `到手价`.
fn gaps_between_ok(text: &str, units: impl IntoIterator<Item = std::ops::Range<usize>>) -> bool {
    let mut prev_end: Option<usize> = None;
    let (mut chars, mut gaps, mut clause_break) = (0, 0, false);
    for at in units {
        chars += 1;
        if let Some(prev) = prev_end.filter(|&p| at.start > p) {
            let gap = &text[prev..at.start];
            if gap.chars().count() > MAX_GAP {
                return false;
            }
            gaps += 1;
            clause_break |= gap.contains(CLAUSE_BREAKS);
        }
        prev_end = Some(prev_end.map_or(at.end, |p| p.max(at.end)));
    }
    !clause_break || (chars >= 3 && gaps == chars - 1)
}

/// A term that starts (ends) with an ASCII letter or digit must not continue a word of the
/// original text before (after) it: `wx` is not in `twxyz`, `tb` is not in `atb`.
fn on_word_boundaries(text: &str, span: Span, folded: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let bytes = folded.as_bytes();
    let starts_ascii = bytes.first().is_some_and(u8::is_ascii_alphanumeric);
    let ends_ascii = bytes.last().is_some_and(u8::is_ascii_alphanumeric);
    let joins_before = starts_ascii && alnum(text[..span.start].chars().next_back());
    let joins_after = ends_ascii && alnum(text[span.end..].chars().next());
    !joins_before && !joins_after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::violation::Suggestion;

    const PACK: &str = r#"
[pack]
category = "off-platform"
escalate = { count = 2, to = "error" }

[[rule]]
id = "O901"
name = "x-plain"
severity = "warning"
sponsored = "error"
message = { zh = "测", en = "t" }
basis = "b"
terms = ["微信", "wx"]
exceptions = ["微信支付"]
fixes = { "微信" = "站内私信" }
fix_safety = "safe"

[[rule]]
id = "O902"
name = "x-cued"
severity = "error"
message = { zh = "测", en = "t" }
basis = "b"
terms = ["威信"]
before = ["加"]
after = '\s*[:：]\s*[a-z0-9]{4,}'

[[rule]]
id = "O903"
name = "x-organic"
severity = "warning"
applies = "organic"
message = { zh = "测", en = "t" }
basis = "b"
terms = ["恰饭"]
patterns = ['1[3-9]\d{9}']
exception_patterns = ['订单号\s*[:：]?\s*\d+']

[[rule]]
id = "O904"
name = "x-clause"
severity = "info"
message = { zh = "测", en = "t" }
basis = "b"
terms = ["到手价", "电子烟"]
"#;

    fn linter() -> Linter {
        let mut b = LinterBuilder::new();
        b.without_builtin().add_pack_str("test.toml", PACK).unwrap();
        b.build().unwrap()
    }

    fn rules(l: &Linter, note: &Note) -> Vec<(String, String)> {
        l.lint(note).into_iter().map(|v| (v.rule, v.matched)).collect()
    }

    #[test]
    fn terms_exceptions_and_spans() {
        let l = linter();
        let note = Note::from_body("可以用微信支付，或者加微信");
        let v = l.lint(&note);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(&note.body[v[0].span.range()], "微信");
        assert_eq!(v[0].span.start, note.body.rfind("微信").unwrap());
        assert_eq!(
            v[0].suggestions,
            [Suggestion {
                replacement: "站内私信".into(),
                safe: true
            }]
        );
        assert_eq!(v[0].severity, Severity::Warning);
        assert_eq!(l.lint(&note.clone().sponsored(true))[0].severity, Severity::Error);
    }

    #[test]
    fn gaps_are_bounded_and_ascii_terms_need_word_boundaries() {
        let l = linter();
        assert_eq!(
            rules(&l, &Note::from_body("加微 ❤ 信")),
            [("O901".into(), "微 ❤ 信".into())]
        );
        assert!(rules(&l, &Note::from_body("微。。。。。。。信")).is_empty());
        assert_eq!(rules(&l, &Note::from_body("wx: abc")).len(), 1);
        assert!(rules(&l, &Note::from_body("twx owxo wxy")).is_empty());
    }

    #[test]
    fn cues_before_or_after() {
        let l = linter();
        assert!(rules(&l, &Note::from_body("他很有威信")).is_empty());
        assert_eq!(rules(&l, &Note::from_body("加威信")), [("O902".into(), "威信".into())]);
        assert_eq!(rules(&l, &Note::from_body("威信：mimi2023")).len(), 1);
        assert!(rules(&l, &Note::from_body("威信：好")).is_empty());
    }

    #[test]
    fn applies_patterns_and_escalation() {
        let l = linter();
        let organic = Note::from_body("恰饭了 13912345678");
        let v = l.lint(&organic);
        assert_eq!(v.len(), 2);
        // two off-platform hits stack up: both raised to error
        assert!(v.iter().all(|v| v.severity == Severity::Error), "{v:?}");
        assert!(l.lint(&organic.sponsored(true)).iter().all(|v| v.rule != "O903"));
        assert_eq!(l.lint(&Note::from_body("恰饭"))[0].severity, Severity::Warning);
    }

    #[test]
    fn clause_breaks_split_terms_unless_every_character_is_set_apart() {
        let l = linter();
        assert!(rules(&l, &Note::from_body("刚刚到手，价格还行")).is_empty());
        assert!(rules(&l, &Note::from_body("刚刚到手。价格还行")).is_empty());
        assert_eq!(
            rules(&l, &Note::from_body("电，子，烟")),
            [("O904".into(), "电，子，烟".into())]
        );
        assert_eq!(rules(&l, &Note::from_body("到 手 价")).len(), 1);
        assert_eq!(rules(&l, &Note::from_body("到-手价")).len(), 1);
    }

    #[test]
    fn exception_patterns_cover_what_literals_cannot() {
        let l = linter();
        assert!(rules(&l, &Note::from_body("订单号：13912345678 已发货")).is_empty());
        assert_eq!(rules(&l, &Note::from_body("电话 13912345678")).len(), 1);
    }

    #[test]
    fn builder_settings() {
        let mut b = LinterBuilder::new();
        b.without_builtin().add_pack_str("test.toml", PACK).unwrap();
        let l = b.clone().disable("x-plain").build().unwrap();
        assert!(l.lint_text("加微信").is_empty());
        let l = b.clone().allow("微信群主").build().unwrap();
        assert!(l.lint_text("我是微信群主").is_empty());
        assert!(matches!(b.clone().disable("nope").build(), Err(Error::UnknownRule(_))));
        let l = b
            .clone()
            .set_severity("O901", Severity::Info, Severity::Info)
            .build()
            .unwrap();
        assert_eq!(l.lint_text("微信")[0].severity, Severity::Info);
        let dup = b.add_pack_str("other.toml", PACK).unwrap().build().unwrap_err();
        assert!(dup.to_string().contains("duplicate rule O901"), "{dup}");
    }

    #[test]
    fn fields_are_linted_separately_and_ordered() {
        let l = linter();
        let note = Note::from_body("微信").with_title("wx").with_tags(["恰饭", "ok"]);
        let v = l.lint(&note);
        let fields: Vec<Field> = v.iter().map(|v| v.field).collect();
        assert_eq!(fields, [Field::Title, Field::Body, Field::Tag(0)]);
    }

    #[test]
    fn linter_is_send_sync() {
        fn check<T: Send + Sync + Clone>() {}
        check::<Linter>();
    }
}
