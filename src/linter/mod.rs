//! The engine: a [`Linter`] built once from rule packs, then used to lint any number of notes.
//!
//! The whole path a note takes, stage by stage, each in a file of its own:
//! 1. **Build** (`build.rs` of this folder): [`LinterBuilder`] reads the packs (`crate::pack`: the TOML format,
//!    the regex dialect, the context lexicon) and the engine's own families (`crate::format`,
//!    `crate::brief`) into one Aho-Corasick automaton of every term, exception, allow-list entry,
//!    context word and regex gate (folded), a sound index of the terms read in disguise, and the
//!    regexes. Building can fail, with file, rule and line; nothing after it can.
//! 2. **Normalise** each field once (`crate::normalize`): a *folded* copy (width, case,
//!    compatibility forms, traditional → simplified, variants, look-alikes, invisible characters
//!    removed) and a *compact* copy without spaces, punctuation, symbols and emoji, both mapped
//!    back to the original bytes.
//! 3. **Scan** (`scan.rs`): the automaton over the compact copy (bounded gaps, ASCII word
//!    boundaries, `before`/`after` cues), the regexes over the folded copy where their gate
//!    literals occur; a field with pictures or separators set between two Han characters is
//!    scanned again with them taken out (`joined.rs`: 接了条推👀广).
//! 4. **Disguises** (`disguise.rs`): terms read by sound, pinyin, initials and emoji
//!    (`crate::sound`), and whether a disguise counts (cues, guards, ordinary words).
//! 5. **Exceptions** (`scan.rs`): a hit inside an exception's or allowed entry's span is dropped,
//!    and so is one the words around it take back (a denial before it, a claim word talked about).
//!    A tag that repeats a word its text uses innocently is read the same way (after every field).
//! 6. **Claims in context** (`claims.rs`): a claim that cuts a word in two is not that claim;
//!    a scoped claim in an organic note counts where its sentence sells something
//!    (`crate::context`).
//! 7. **Overlaps** (`scan.rs`): overlapping hits of one category are reported once.
//! 8. **Stance** (`stance.rs`): what each field tells about the note, and the note's stance
//!    (promoting, warning, care, narrating) applied to all its violations; a prohibited
//!    thing's own name and effects are reported as that thing, not as claims besides. Text
//!    the writer says to read backwards (倒着念：…) is read from its end for redirects
//!    (`reversed.rs`).
//! 9. **Severity** (`severity.rs`): every level a violation ends at that is not its rule's own
//!    is set there, from a typed reason ([`Why`]): lowered, promoted, sponsored, stacked.
//! 10. **Format and brief**: the engine's own rules over the whole note (`crate::format`,
//!     `crate::brief`).
//!
//! `selftest.rs` runs every rule's examples and counter-examples; `tests.rs` holds the unit
//! tests. Every span is a byte range of the field's original text.

mod acrostic;
mod build;
mod claims;
mod disguise;
mod joined;
mod kindred_names;
mod legend;
mod numbers;
mod patterns;
mod required;
mod reversed;
mod rewritten;
mod scan;
mod selftest;
mod severity;
mod stance;
mod terms;
#[cfg(test)]
mod tests;

use crate::FastMap;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::brief::{self, Brief, CompiledBrief};
use crate::context::{self, Why};
use crate::format::{self, FormatLimits};
use crate::normalize::{Normalized, reading};
use crate::note::Note;
use crate::pack::{Escalate, Rule};
use crate::sound::{How, SoundIndex};
use crate::span::Span;
use crate::violation::{Category, Field, Severity, Violation};
use patterns::{LazyRegex, Patterns};

pub use build::LinterBuilder;
pub use selftest::ExampleFailure;
use stance::{FieldFacts, Stance};

/// The most original characters that may stand between two characters of one term
/// (`加 . 微 . 信` has gaps of 3) before the two are taken as unrelated words.
pub const MAX_GAP: usize = 4;

/// A character that stands alone as a word this often in the dictionary's corpus (`都`,
/// `心`, `新`, `点`) is taken as itself, not as a same-sounding stand-in for a term's character.
const COMMON_CHAR: usize = crate::words::COMMON_CHAR;
/// A character this frequent (个, 在, 之, 只: jieba frequency ≥ 50,000) is a function word:
/// never a stand-in, even in a long term.
const FUNCTION_CHAR: usize = 50_000;

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
    /// Every term, exception and allow-list entry, folded, in one matcher over compact text.
    automaton: terms::Terms,
    /// What each automaton pattern stands for (a folded string can be a term of several rules).
    roles: Vec<Vec<Role>>,
    /// The terms of rules that are also read by sound or initials.
    sound: SoundIndex,
    /// Each automaton pattern's id by its folded text: a text read by sound as a term, but
    /// written as another term or exception (`微信` read like the listed disguise `薇信`), is
    /// that other term and left to its own rule.
    ids: FastMap<String, usize>,
    /// The rules' Latin words of four letters or more by their folded text (`vape`): the
    /// sound-index entries they are named by when read with digits for letters (`v4pe`).
    lookalike: FastMap<String, Vec<u32>>,
    /// The names of things of the rules with a `topic`, by the initials of their syllables
    /// (`zpt`): the sound-index entries they are read as, alone, in a note on that topic (see
    /// `Linter::read_initials_on_topic`).
    topical_initials: FastMap<String, Vec<u32>>,
    /// The two-character names of things by their two initials (`yk` for 悦刻): the rules and
    /// names they are read as, only in a note that stands by that rule (see `kindred_names.rs`).
    pair_initials: FastMap<[u8; 2], Vec<(u32, String)>>,
    /// Right before / right after a medical word: an efficacy construction (`能`, `效果`).
    efficacy_before: Option<LazyRegex>,
    efficacy_after: Option<LazyRegex>,
    /// Right before a hit of a `deniable` rule: a denial (`没有`, `拒绝了`).
    denial_before: Option<LazyRegex>,
    /// Right before / right after a claim: the word talked about (`所谓`, `这个词`).
    mention_before: Option<LazyRegex>,
    mention_after: Option<LazyRegex>,
    /// Anywhere in a claim's sentence: the writer speaking as the business that sells.
    seller_voice: Option<LazyRegex>,
    /// The last characters of goods' names, and the tags that end so but name none (folded):
    /// a note tagged with a kind of thing sold is about it (see [`stance::GoodsHeads`]).
    goods_heads: stance::GoodsHeads,
    /// The rules' `everyday` words, folded, with their rule's id (see [`Linter::everyday`]).
    everyday: Vec<(String, String)>,
    /// The rules' `supporting` words, folded, with their rule's id (see
    /// [`Linter::unsupported`]).
    supporting: Vec<(String, String)>,
    /// The rules' regexes over folded text, run only where their prefix literals occur.
    patterns: Patterns,
    /// The rules numbers in mixed digit styles are reported by.
    numbers: numbers::NumberRules,
    /// The rules' `topic` words (`None`: no rule has any).
    topics: Option<Topics>,
    escalations: Vec<(Category, Escalate)>,
    /// The limits of the engine's own `format` rules.
    format: FormatLimits,
    /// The campaign brief the `brief` rules check, if one is set.
    brief: Option<CompiledBrief>,
}

/// The `topic` words of every rule that has some, in one automaton over the compact copy of
/// each field, asked once per note: which rules' topics the note holds.
#[derive(Debug)]
struct Topics {
    automaton: aho_corasick::AhoCorasick,
    /// For each pattern of the automaton, the rules whose topic word it is.
    rules: Vec<Vec<u32>>,
}

impl Topics {
    fn new(rules: &[CompiledRule]) -> Option<Topics> {
        let mut words: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, r) in rules.iter().enumerate() {
            for w in &r.rule.topic {
                words.entry(crate::normalize::fold_term(w)).or_default().push(i as u32);
            }
        }
        if words.is_empty() {
            return None;
        }
        let (words, rules): (Vec<String>, Vec<Vec<u32>>) = words.into_iter().unzip();
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&words)
            .expect("topic words fit an automaton");
        Some(Topics { automaton, rules })
    }

    /// The rules (sorted, each once) one of whose topic words a compact text of the note holds.
    fn held<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Vec<u32> {
        let mut held: Vec<u32> = texts
            .into_iter()
            .flat_map(|t| self.automaton.find_overlapping_iter(t))
            .flat_map(|m| self.rules[m.pattern().as_usize()].iter().copied())
            .collect();
        held.sort_unstable();
        held.dedup();
        held
    }
}

#[derive(Debug)]
struct CompiledRule {
    rule: Rule,
    enabled: bool,
    /// Folded `before` cues.
    before: Vec<String>,
    /// `after`, anchored at the start of the slice it is run on.
    after: Option<LazyRegex>,
    /// `urging`, anchored at both ends (a hit's whole folded text).
    urging: Option<LazyRegex>,
    /// The rule's `exception_patterns` as [`Patterns`] (each tried only where one of its gate
    /// literals starts, as the rules' patterns are, not over the whole text): built the first
    /// time the rule has a hit, as most rules have none in a batch.
    exceptions: OnceLock<Patterns>,
}

impl CompiledRule {
    /// The rule's exception patterns, found where their literals start (`None`: it has none).
    /// `rule`: its index, which the matches carry.
    fn exceptions(&self, rule: usize) -> Option<&Patterns> {
        let patterns = &self.rule.exception_patterns;
        (!patterns.is_empty()).then(|| {
            self.exceptions.get_or_init(|| {
                let sources = patterns.iter().map(|s| (rule, s.clone())).collect();
                // every literal found by the patterns' own pass (none by the term automaton),
                // and no union: a rule has a few exception patterns
                Patterns::new(sources, |_| false, false)
            })
        })
    }
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
    /// A `disguised_terms` entry as the automaton finds it: it counts only where the writer
    /// spelled a syllable of it or set its characters apart (bo尿酸, 水 光 针); read by sound
    /// or initials it is found by the sound index instead.
    Disguised {
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

/// A hit that passed every check but exceptions.
#[derive(Debug, Clone, Copy)]
struct Hit {
    rule: usize,
    span: Span,
    term: Option<usize>,
    /// Read in disguise: the sound-index term, and how it was written.
    reading: Option<(u32, How)>,
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
        let fields: Vec<(&str, Field)> = [(note.title.as_str(), Field::Title), (note.body.as_str(), Field::Body)]
            .into_iter()
            .chain(note.tags.iter().enumerate().map(|(i, t)| (t.as_str(), Field::Tag(i))))
            .collect();
        let norms: Vec<Normalized> = fields.iter().map(|&(text, _)| Normalized::new(text)).collect();
        // the rules whose topic the note holds (see `Rule::topic`): looked for the first time a
        // hit of a rule with a topic asks, which most notes never do
        let topical: std::cell::OnceCell<Vec<u32>> = std::cell::OnceCell::new();
        let on_topic = |rule: usize| {
            if self.inner.rules[rule].rule.topic.is_empty() {
                return false;
            }
            let held = topical.get_or_init(|| match &self.inner.topics {
                Some(t) => t.held(norms.iter().map(Normalized::compact)),
                None => Vec::new(),
            });
            held.binary_search(&(rule as u32)).is_ok()
        };
        let mut facts = Vec::with_capacity(fields.len());
        for (&(text, field), norm) in fields.iter().zip(&norms) {
            facts.push(self.lint_field(text, norm, field, note.sponsored, merge, &on_topic, &mut out));
        }
        tags_read_as_text(note, &mut out, |v| self.is_plain_term(v));
        let stance = Stance::of(&facts, note.sponsored);
        // (a care note may be a clinic's own: asked of care notes only, which are few, in the
        // fields that tell of care)
        let business = stance == Stance::Care
            && fields
                .iter()
                .zip(&norms)
                .zip(&facts)
                .any(|((&(text, _), norm), f)| f.tells_care() && self.business_speaking(norm, 0, text.len()));
        self.apply_stance(stance, business, &facts, note, &mut out);
        words_quoted_as_words(note, &mut out);
        self.read_reversed(note, &mut out);
        if merge {
            self.names_hold_their_words(&mut out);
        }
        if !note.sponsored {
            self.urged_without_a_sale(&mut out);
            self.unsupported(&mut out);
        }
        self.kindred(note, &mut out);
        if merge {
            self.read_pairs_where_standing(&fields, &mut out);
            self.read_quoted_where_standing(&fields, &mut out);
        }
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
                    severity::settle(v, Why::Stacked { count, to }, || None);
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

    /// Lints one field into `out`, stage by stage (see the module doc); returns what the field
    /// tells about the note's stance.
    /// `norm`: the field's normalised copies; `on_topic(rule)`: whether the note holds one of
    /// the rule's topic words.
    #[allow(clippy::too_many_arguments)]
    fn lint_field(
        &self,
        text: &str,
        norm: &Normalized,
        field: Field,
        sponsored: bool,
        merge: bool,
        on_topic: &impl Fn(usize) -> bool,
        out: &mut Vec<Violation>,
    ) -> FieldFacts {
        if text.is_empty() {
            return FieldFacts::default();
        }
        let inner = &*self.inner;
        let active = |rule: usize| {
            let r = &inner.rules[rule];
            r.enabled && r.rule.applies_to(sponsored) && (!r.rule.only_on_topic || on_topic(rule))
        };
        let mut scan = self.scan(text, norm, &active);
        self.read_across_symbols(text, &active, &mut scan.hits);
        self.read_legend(text, &active, &mut scan.hits);
        self.read_acrostic(text, &active, on_topic, &mut scan.hits);
        self.read_disguises(text, norm, &active, on_topic, &mut scan.hits);
        self.read_numbers(text, norm, &active, &mut scan.hits);
        self.drop_excepted(text, norm, &mut scan);
        self.drop_taken_back(norm, &mut scan.hits);
        let mut hits = scan.hits;
        let mut anchors = scan.anchors;
        self.anchor_hits(&hits, &mut anchors);
        Self::drop_denied_anchors(text, &mut anchors);
        self.refuse_split_claims(norm, &mut hits);
        // the words around a hit are read in simplified characters, at the same offsets
        let plain = crate::normalize::simplified_in_place(text);
        let mut found: Vec<Violation> = hits
            .iter()
            .map(|h| self.violation_in_context(h, field, (text, &plain), norm, sponsored, &anchors))
            .collect();
        if merge {
            found = scan::merge_overlapping(found);
        }
        let first = out.len();
        out.extend(found);
        out[first..].sort_by(|a, b| (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule)));
        FieldFacts::of(field, &plain, &anchors, &out[first..], &inner.goods_heads, |v| {
            self.everyday(v) || self.supports(v)
        })
    }
}

/// A word quoted as a word in the title or the body (不要写“最好”“第一”, 禁用“药妆”) is talked
/// about, not used: lowered to info (see [`context::quoted_as_a_word`]), so that it neither
/// counts nor stacks up with the note's other hits.
fn words_quoted_as_words(note: &Note, out: &mut [Violation]) {
    for v in out.iter_mut().filter(|v| v.severity >= Severity::Warning) {
        let text = match v.field {
            Field::Title => &note.title,
            Field::Body => &note.body,
            _ => continue,
        };
        if context::quoted_as_a_word(text, v.span.start, v.span.end) {
            severity::settle(v, Why::Quoted, || None);
        }
    }
}

/// A tag that repeats a word its note's title or body uses is read as they read it: where the
/// text holds the word outside its hashtags and no rule flags it there (恰饭 of 来长沙就是为了
/// 恰饭, eating), the tag (#恰饭, a tag field or a hashtag in the body) is that word too, and
/// its hits go. A tag whose word the text never uses, or uses as flagged, keeps them. A title
/// is read so for the advertorial pack alone: a sponsorship word's sense (恰饭, eating or paid)
/// is the note's, so a title's 恰饭 over a body that eats is eating (a term's or a word's of
/// three characters at most: a construction, 这条有🍚, says what it is wherever it stands); a
/// claim's word stands in its own phrase (国家级配方 over a body's 国家级非遗 is still the claim).
fn tags_read_as_text(note: &Note, out: &mut Vec<Violation>, plain_term: impl Fn(&Violation) -> bool) {
    let tagged = |v: &Violation| match v.field {
        Field::Tag(_) => true,
        Field::Body => in_hashtag(&note.body, v.span.start),
        Field::Title => in_hashtag(&note.title, v.span.start),
        _ => false,
    };
    let titled = |v: &Violation| {
        v.field == Field::Title
            && v.category == Category::Advertorial
            && !tagged(v)
            && (plain_term(v) || (v.matched.chars().count() <= 3 && v.matched.chars().all(reading::is_han)))
    };
    // where a hit's word is read: a tag's in the title and the body, a title's in the body
    let read_in = |v: &Violation| -> &[Field] {
        if tagged(v) {
            &[Field::Title, Field::Body]
        } else if titled(v) {
            &[Field::Body]
        } else {
            &[]
        }
    };
    if out.iter().all(|v| read_in(v).is_empty()) {
        return;
    }
    // the word used in those fields outside a hashtag, where no hit of the rule stands
    let innocent: Vec<bool> = out
        .iter()
        .map(|v| {
            let fields = read_in(v);
            !fields.is_empty()
                && !v.matched.is_empty()
                && fields.iter().any(|&f| {
                    let text = note.field_text(f);
                    text.match_indices(v.matched.as_str())
                        .any(|(at, _)| !in_hashtag(text, at))
                })
                && !out
                    .iter()
                    .any(|w| w.rule == v.rule && fields.contains(&w.field) && !tagged(w))
        })
        .collect();
    let mut innocent = innocent.into_iter();
    out.retain(|_| !innocent.next().unwrap_or(false));
}

/// Whether byte `at` of `text` stands inside a hashtag: a `#` before it on the same run of
/// text, no space or other `#` between.
fn in_hashtag(text: &str, at: usize) -> bool {
    text.get(..at).is_some_and(|before| {
        before
            .rfind(|c: char| c == '#' || c == '＃' || c.is_whitespace())
            .is_some_and(|i| matches!(before[i..].chars().next(), Some('#' | '＃')))
    })
}
