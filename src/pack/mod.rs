//! Rule packs: TOML data files (see `rules/README.md` for the format), parsed and checked.
//!
//! Parsing checks everything that can be checked without the other packs: TOML shape, unknown
//! fields, ids and names, empty or digits-only terms, regexes that do not compile or match the
//! empty string, fixes for unknown terms. Every error names the file, the rule and the line.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

pub mod dialect;
pub mod lexicon;

use dialect::check_regex;
pub use dialect::{DIGIT_CLASS, GAP_BLOCKS, NEGATION, gap_class};
pub(crate) use dialect::{compile_regex, expand, expand_with_gap};
pub(crate) use lexicon::expand_word;
pub use lexicon::{Lexicon, Scope};

use crate::error::{PackError, PackErrorKind};
use crate::normalize::{fold_term, reading};
use crate::span::Span;
use crate::violation::{Category, Field, Message, Reading, Severity, Suggestion, Violation};

/// The packs shipped with redlint, embedded at compile time: `(file name, text)`.
pub const BUILTIN: &[(&str, &str)] = &[
    ("rules/banned-word.toml", include_str!("../../rules/banned-word.toml")),
    (
        "rules/prohibited-product.toml",
        include_str!("../../rules/prohibited-product.toml"),
    ),
    ("rules/off-platform.toml", include_str!("../../rules/off-platform.toml")),
    ("rules/advertorial.toml", include_str!("../../rules/advertorial.toml")),
];

/// A parsed, checked rule pack.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Pack {
    /// Where it came from (a file name).
    pub origin: String,
    /// The category of its rules.
    pub category: Category,
    /// What the pack covers.
    pub description: String,
    /// Raising the severity of a category when several of its violations stack up in a note.
    pub escalate: Option<Escalate>,
    /// Words this pack adds to the claim-context lexicon (`[context]`).
    pub context: Option<Lexicon>,
    /// The rules, in file order.
    pub rules: Vec<Rule>,
}

/// When a note has at least `count` violations of a pack's category, each is raised to `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalate {
    /// How many violations (at warning or above) make a stack.
    pub count: usize,
    /// The severity they are raised to.
    pub to: Severity,
}

/// Which notes a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applies {
    /// Every note.
    #[default]
    All,
    /// Only notes not declared sponsored (sponsorship cues in an undeclared ad).
    Organic,
    /// Only notes declared sponsored.
    Sponsored,
}

/// Whether a rule's fixes may be applied without a person looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixSafety {
    /// The replacement keeps the meaning and makes no claim: `redlint fix` applies it.
    Safe,
    /// The replacement changes what the note says: applied only with `--unsafe`.
    #[default]
    Unsafe,
}

/// Ways a rule's terms are also read in a text, besides as written (see `src/sound.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Read {
    /// By sound: every Han character of a term may be written as another character of the
    /// same toneless pinyin (`薇信`), as pinyin (`weixin`, `wei信`), or as an emoji standing for
    /// it (`闲🐟`).
    Sound,
    /// By initials: `gzh` for 公众号, also mixed with characters (`dz烟`).
    Initials,
}

/// An example note of a rule: its body, and whether it is sponsored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Example {
    /// A body, in an organic note.
    Text(String),
    /// A body and the sponsored flag.
    Note {
        /// The body.
        text: String,
        /// Whether the note is sponsored.
        #[serde(default)]
        sponsored: bool,
    },
}

impl Example {
    /// The body text.
    pub fn text(&self) -> &str {
        match self {
            Example::Text(t) | Example::Note { text: t, .. } => t,
        }
    }

    /// Whether the example note is sponsored.
    pub fn sponsored(&self) -> bool {
        matches!(self, Example::Note { sponsored: true, .. })
    }
}

/// One rule, as written in its pack.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Rule {
    /// Stable code, e.g. `B101`.
    pub id: String,
    /// Kebab-case name, e.g. `superlative-claim`.
    pub name: String,
    /// Category.
    pub category: Category,
    /// Severity in an organic note.
    pub severity: Severity,
    /// Severity in a sponsored note.
    pub sponsored_severity: Severity,
    /// Which notes it applies to.
    pub applies: Applies,
    /// One-line message.
    pub message: Message,
    /// Full description (falls back to the message).
    pub description: Message,
    /// The law article or platform rule.
    pub basis: String,
    /// Literal terms.
    pub terms: Vec<String>,
    /// Regexes over the folded text.
    pub patterns: Vec<String>,
    /// Allowed contexts.
    pub exceptions: Vec<String>,
    /// Allowed contexts as regexes over the folded text (spaces and punctuation kept), for
    /// contexts a literal cannot say (`最好` as advice before a verb, digits after `订单号`).
    pub exception_patterns: Vec<String>,
    /// Cues one of which must come right before a term (when `before` or `after` is set).
    pub before: Vec<String>,
    /// Regex that must match right after a term (when `before` or `after` is set).
    pub after: Option<String>,
    /// How the terms are read besides as written.
    pub read: Vec<Read>,
    /// Whether `read` is the default (the pack said nothing): every reading, under the guards
    /// for readings nobody asked for (no term spelled by initials alone, no term made of
    /// emoji alone, at most half the characters swapped). `read = [...]` asks for its readings
    /// without them; `read = []` reads the terms as written only.
    pub read_default: bool,
    /// What a hit needs in its sentence to count at the organic severity (see
    /// `crate::context`); `None`: every hit counts.
    pub scope: Option<Scope>,
    /// The rule names things taken or injected for their effects (drugs, injectables): in a
    /// note flagged for one, the efficacy claims are that thing's effects (`effects = true`).
    pub effects: bool,
    /// The rule names things bought from a person, not a shop (prescription drugs): a hit its
    /// sentence lowered (an illness told, nothing recommended) counts in a note that gives its
    /// own contact at warning or above, the way to buy them (`sold_by_contact = true`).
    pub sold_by_contact: bool,
    /// A hit right after a denial (`没有`, `不是`, `拒绝了`, `从不接`: the context lexicon's
    /// `denial_before`) is dropped: the note says it is not so (没有品牌赞助, 拒绝了商单).
    pub deniable: bool,
    /// Terms that count only when written in disguise (read by sound and by initials), never
    /// as written:
    /// a platform name is a mention, its disguise an attempt to slip past review.
    pub disguised_terms: Vec<String>,
    /// Words that say a note is about this rule's kind of thing (a luxury house for a
    /// replica's grade, a drink or its strength for a spirit's nickname, smoking for a vape
    /// brand), matched like terms anywhere in the note's title, body or tags. In a note that
    /// holds one, a two-character term with a character swapped for a same-sounding one counts
    /// as if a cue stood beside it (月刻 for 悦刻 in a note about quitting cigarettes), and a
    /// thing's name of three characters or more counts by the initials of its syllables
    /// alone (`zpt` for 唑吡坦 in a note about sleep).
    pub topic: Vec<String>,
    /// Terms with an everyday sense besides the rule's (恰饭: eating, or a paid post): in a
    /// note that promotes nothing they are that sense, reported at info, and they make no
    /// sales call of the note (`everyday = [...]`, each one of the rule's terms).
    pub everyday: Vec<String>,
    /// A regex over a hit's folded text, matched whole, that says the hit only urges a reader
    /// to buy (快去买, 赶紧囤, 直接下单) and offers nothing itself: such a hit counts in a note
    /// that sells something (another advertorial or redirect violation at warning or above,
    /// a link, a cart, a coupon, a contact) and is reported at info in a note that only
    /// recommends (`urging = '…'`).
    pub urging: Option<String>,
    /// Terms that tell of a sale without calling anyone to it (清仓, 先到先得): they count only
    /// beside another violation of the rule's category at warning or above, and alone are
    /// reported at info (`supporting = [...]`, each one of the rule's terms).
    pub supporting: Vec<String>,
    /// Rules of the same pack whose violation, at warning or above anywhere in a note that
    /// promotes, makes this rule's hits lowered for want of a recommendation count: a drink
    /// named in one clause is promoted by a call to buy it in another (`promoted_by = ["P212"]`:
    /// 这罐精酿…姐妹们冲).
    pub promoted_by: Vec<String>,
    /// The rule's hits count only in a note that holds one of its `topic` words: its terms
    /// name the thing only among its kind (超A is a replica's grade beside a watch, and a
    /// compliment elsewhere; 小烧 a spirit in a note about drinking).
    pub only_on_topic: bool,
    /// Replacement per term.
    pub fixes: BTreeMap<String, String>,
    /// Whether the fixes are safe to apply automatically.
    pub fix_safety: FixSafety,
    /// Notes that must raise this rule.
    pub examples: Vec<Example>,
    /// Notes that must not raise this rule.
    pub counter_examples: Vec<Example>,
    /// The pack file it came from.
    pub origin: String,
    /// 1-based line of its `[[rule]]` table in that file.
    pub line: usize,
}

impl Rule {
    /// Severity of this rule in a note that is (or is not) sponsored.
    pub fn severity_for(&self, sponsored: bool) -> Severity {
        if sponsored {
            self.sponsored_severity
        } else {
            self.severity
        }
    }

    /// A violation of this rule at `span` of a field's original `text`, as severe as the rule
    /// is for a note that is (or is not) sponsored. `term`: the index of the term that matched,
    /// whose fix (if any) becomes the suggestion; when the text does not write it as the pack
    /// does, the violation's [`Reading`] says how it was written (`spaced`, `folded`).
    pub fn violation(&self, field: Field, text: &str, span: Span, sponsored: bool, term: Option<usize>) -> Violation {
        let matched = &text[span.range()];
        Violation {
            rule: self.id.clone(),
            name: self.name.clone(),
            category: self.category,
            severity: self.severity_for(sponsored),
            field,
            span,
            matched: matched.to_owned(),
            message: self.message.clone(),
            basis: self.basis.clone(),
            suggestions: term
                .and_then(|t| self.fixes.get(&self.terms[t]))
                .map(|with| Suggestion {
                    replacement: with.clone(),
                    safe: self.fix_safety == FixSafety::Safe,
                })
                .into_iter()
                .collect(),
            reading: term.and_then(|t| written(&self.terms[t], matched)),
            context: None,
            why: None,
            item: None,
            bbox: None,
        }
    }

    /// A rule of the engine itself (the `format` and `brief` rules): no terms or patterns, the
    /// same severity in organic and sponsored notes, no examples (set them after), defined at
    /// `origin`, line 0.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn engine(
        id: &str,
        name: &str,
        category: Category,
        severity: Severity,
        message: Message,
        description: Message,
        basis: &str,
        origin: &str,
    ) -> Rule {
        Rule {
            id: id.to_owned(),
            name: name.to_owned(),
            category,
            severity,
            sponsored_severity: severity,
            applies: Applies::All,
            message,
            description,
            basis: basis.to_owned(),
            terms: Vec::new(),
            patterns: Vec::new(),
            exceptions: Vec::new(),
            exception_patterns: Vec::new(),
            before: Vec::new(),
            after: None,
            read: Vec::new(),
            read_default: false,
            scope: None,
            effects: false,
            sold_by_contact: false,
            deniable: false,
            disguised_terms: Vec::new(),
            topic: Vec::new(),
            everyday: Vec::new(),
            urging: None,
            supporting: Vec::new(),
            promoted_by: Vec::new(),
            only_on_topic: false,
            fixes: Default::default(),
            fix_safety: FixSafety::Unsafe,
            examples: Vec::new(),
            counter_examples: Vec::new(),
            origin: origin.to_owned(),
            line: 0,
        }
    }

    /// Whether the rule's terms name things (brands, drugs, procedures: the prohibited
    /// products), which are read in more disguises than a claim's words (`悦k`, `RZ针`).
    pub fn names_things(&self) -> bool {
        self.category == Category::ProhibitedProduct
    }

    /// Whether the rule applies to a note that is (or is not) sponsored.
    pub fn applies_to(&self, sponsored: bool) -> bool {
        match self.applies {
            Applies::All => true,
            Applies::Organic => !sponsored,
            Applies::Sponsored => sponsored,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: RawHeader,
    context: Option<Lexicon>,
    /// word families the pack's regexes name as `{name}` (see [`Family`])
    #[serde(default)]
    families: BTreeMap<String, Spanned<Family>>,
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    category: Category,
    #[serde(default)]
    description: String,
    escalate: Option<Escalate>,
}

type Texts = Vec<Spanned<String>>;

/// A family of words a pack's constructions share (the houses of luxury goods, the channels of
/// a redirect, the verbs of an injection), with where its words come from. A regex of the pack
/// names it as `{name}` and reads any one of its words there (written folded: lowercase,
/// simplified), so a construction is written once and its vocabulary grows in one place.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Family {
    /// Where the words come from (a catalogue, a public list, how buyers write): required.
    source: String,
    words: Vec<String>,
    /// Whether its words are also read with a symbol or an emoji between two characters
    /// (玻💉尿酸): for families whose words people split to slip past review; each split word
    /// costs its regexes automaton states, so only those.
    #[serde(default)]
    split: bool,
    /// Whether its words of Han characters are also read by the initials of their syllables
    /// (`zpt` for 唑吡坦, `fn` for 非那) and, four characters or more, by the initials of their
    /// first three or more (`smgl` for 司美格鲁肽): for names people abbreviate so. An initials
    /// form is read between ASCII word boundaries only (`fn键` is a key).
    #[serde(default)]
    initials: bool,
    /// Whether its words of Han characters are also read with one character spelled in pinyin
    /// (`fei那` for 非那, `玻niao酸` for 玻尿酸), or, for a two-character word, one of its two by its
    /// initial (`复k`, `z助`), for a longer one an inner character by its initial (`玻n酸`): the
    /// disguise a construction's own vocabulary meets most.
    #[serde(default)]
    pinyin: bool,
}

/// The pinyin forms of a family word ([`Family::pinyin`]): none unless every character is Han
/// and there are two or more; each with one character written as its main reading, and a
/// two-character word also with its second, or its first, as an initial. Bounded on the Latin
/// side.
fn pinyin_forms(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 2 || chars.iter().any(|&c| reading::han(c).is_empty()) {
        return Vec::new();
    }
    let spell = |c: char| reading::name(reading::han(c)[0]);
    let mut forms = Vec::new();
    for i in 0..chars.len() {
        let head: String = chars[..i].iter().collect();
        let tail: String = chars[i + 1..].iter().collect();
        forms.push(bounded(&head, spell(chars[i]), &tail));
    }
    if chars.len() == 2 {
        let initial = &spell(chars[1])[..1];
        forms.push(bounded(&chars[0].to_string(), initial, ""));
        // ...or its first (z助 for 赞助, h作 for 合作)
        forms.push(bounded("", &spell(chars[0])[..1], &chars[1].to_string()));
    }
    // a longer word's inner character by its initial, its ends written (玻n酸)
    for i in 1..chars.len().saturating_sub(1) {
        let head: String = chars[..i].iter().collect();
        let tail: String = chars[i + 1..].iter().collect();
        forms.push(bounded(&head, &spell(chars[i])[..1], &tail));
    }
    forms
}

/// `latin` between the characters `head` and `tail`, with an ASCII word boundary on each side
/// where it meets no character (`(?-u:\b)fu刻`, `(?-u:\b)fn(?-u:\b)`), as a regex.
fn bounded(head: &str, latin: &str, tail: &str) -> String {
    let before = if head.is_empty() { "(?-u:\\b)" } else { "" };
    let after = if tail.is_empty() { "(?-u:\\b)" } else { "" };
    format!("{}{before}{latin}{after}{}", regex::escape(head), regex::escape(tail))
}

/// The initials forms of a family word ([`Family::initials`]): none unless every character is
/// Han; the initials of every syllable, and of each first three or more of a longer word.
fn initials_forms(word: &str) -> Vec<String> {
    let letters: Option<String> = word
        .chars()
        .map(|c| reading::han(c).first().map(|&s| char::from(reading::initial(s))))
        .collect();
    let Some(letters) = letters else { return Vec::new() };
    let n = letters.len();
    if n < 2 {
        return Vec::new();
    }
    let shortest = if n >= 4 { 3 } else { n };
    (shortest..=n).map(|k| letters[..k].to_owned()).collect()
}

/// What may stand between two Han characters of a family's word: a space, a dot or dash, a
/// symbol or an emoji (玻💉尿酸), no line or clause break. A small class on purpose: the full
/// `{gap}` class in every word made the packs' regexes twice as costly to compile and run.
const INSIDE_WORD: &str = r"[\s·•・*_~|/\-\x{2600}-\x{27BF}\x{1F300}-\x{1FAFF}]?";

/// Each family's words as one regex alternation (folded, longest first, so that a regex
/// prefers the whole word; a `split` family's words also with a symbol between two Han
/// characters), built once per pack.
fn family_alternations(families: &BTreeMap<String, Spanned<Family>>) -> BTreeMap<&str, String> {
    families
        .iter()
        .map(|(name, family)| {
            let family = family.get_ref();
            let mut words: Vec<String> = family
                .words
                .iter()
                .map(|w| crate::normalize::Normalized::new(w).folded().to_owned())
                .collect();
            words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            words.dedup();
            let mut alternation = String::from("(?:");
            if family.pinyin {
                for form in words.iter().flat_map(|w| pinyin_forms(w)) {
                    alternation.push_str(&form);
                    alternation.push('|');
                }
            }
            if family.initials {
                let mut forms: Vec<String> = words.iter().flat_map(|w| initials_forms(w)).collect();
                forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
                forms.dedup();
                for form in forms {
                    alternation.push_str(&bounded("", &form, ""));
                    alternation.push('|');
                }
            }
            for (i, word) in words.iter().enumerate() {
                if i > 0 {
                    alternation.push('|');
                }
                let mut prev: Option<char> = None;
                for c in word.chars() {
                    // between two Han characters only: a Latin name is not split so (and every
                    // separator class costs the automaton states)
                    if family.split && prev.is_some_and(|p| !reading::han(p).is_empty()) && !reading::han(c).is_empty()
                    {
                        alternation.push_str(INSIDE_WORD);
                    }
                    prev = Some(c);
                    alternation.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
                }
            }
            alternation.push(')');
            (name.as_str(), alternation)
        })
        .collect()
}

/// `pattern` with each `{name}` of a family replaced by its alternation
/// ([`family_alternations`]); the dialect's own shorthands (`{gap}`, `{digit}`, `{negation}`)
/// and repetitions (`{2,4}`) are left as they are.
fn expand_families(pattern: &str, families: &BTreeMap<&str, String>) -> Result<String, PackErrorKind> {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let name = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        // `{~字}`: 字 or a character said like it (see `dialect::sound_class`)
        let mut said = name.strip_prefix('~').unwrap_or_default().chars();
        if let (Some(c), None) = (said.next(), said.next()) {
            let class = dialect::sound_class(c).ok_or_else(|| PackErrorKind::UnknownFamily(name.to_owned()))?;
            out.push_str(&class);
            rest = &rest[close + 1..];
            continue;
        }
        let is_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-');
        if is_name && !dialect::SHORTHANDS.contains(&name) {
            let alternation = families
                .get(name)
                .ok_or_else(|| PackErrorKind::UnknownFamily(name.to_owned()))?;
            out.push_str(alternation);
        } else {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    name: Spanned<String>,
    severity: Severity,
    sponsored: Option<Severity>,
    #[serde(default)]
    applies: Applies,
    message: Spanned<Message>,
    description: Option<Message>,
    basis: Spanned<String>,
    #[serde(default)]
    terms: Texts,
    #[serde(default)]
    patterns: Texts,
    #[serde(default)]
    exceptions: Texts,
    #[serde(default)]
    exception_patterns: Texts,
    #[serde(default)]
    before: Texts,
    after: Option<Spanned<String>>,
    /// absent: every reading (the default); `read = []` opts a rule out
    read: Option<Vec<Read>>,
    scope: Option<Scope>,
    #[serde(default)]
    effects: bool,
    #[serde(default)]
    sold_by_contact: bool,
    #[serde(default)]
    deniable: bool,
    #[serde(default)]
    disguised_terms: Texts,
    #[serde(default)]
    topic: Texts,
    #[serde(default)]
    everyday: Texts,
    urging: Option<Spanned<String>>,
    #[serde(default)]
    supporting: Texts,
    #[serde(default)]
    promoted_by: Texts,
    #[serde(default)]
    only_on_topic: bool,
    fixes: Option<Spanned<BTreeMap<String, String>>>,
    #[serde(default)]
    fix_safety: FixSafety,
    #[serde(default)]
    examples: Vec<Example>,
    #[serde(default)]
    counter_examples: Vec<Example>,
}

impl Pack {
    /// Parses and checks a pack. `origin` names it in errors (a file name).
    pub fn parse(origin: &str, text: &str) -> Result<Pack, PackError> {
        Pack::parse_checked(origin, text, true)
    }

    /// [`Pack::parse`]; `compile`: check its regexes and its folded terms now (see
    /// [`check_regex`]; only the builtin packs, checked by the test suite, are parsed without).
    pub(crate) fn parse_checked(origin: &str, text: &str, compile: bool) -> Result<Pack, PackError> {
        let lines = crate::span::LineIndex::new(text);
        let at = |rule: Option<&str>, offset: usize, kind: PackErrorKind| {
            let p = lines.position(offset);
            let (line, column) = (p.line + 1, p.char_col + 1);
            PackError {
                file: origin.to_owned(),
                rule: rule.map(str::to_owned),
                line,
                column,
                kind,
            }
        };
        let raw: RawPack = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            // the rule whose table holds the error, when the error is inside one
            let rule = rule_id_before(text, offset);
            at(
                rule.as_deref(),
                offset,
                PackErrorKind::Syntax(e.message().trim().to_owned()),
            )
        })?;
        for (name, family) in &raw.families {
            let f = family.get_ref();
            let what = if f.source.trim().is_empty() {
                Some("source")
            } else if f.words.is_empty() {
                Some("words")
            } else {
                None
            };
            if let Some(what) = what {
                let kind = PackErrorKind::EmptyFamilyField {
                    family: name.clone(),
                    what,
                };
                return Err(at(None, family.span().start, kind));
            }
        }
        let families = family_alternations(&raw.families);
        let mut rules = Vec::with_capacity(raw.rule.len());
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        // (each rule's `promoted_by` ids, checked once every rule is known)
        let mut promoters: Vec<(String, usize, String)> = Vec::new();
        for spanned in raw.rule {
            let start = spanned.span().start;
            let r = spanned.into_inner();
            let id = r.id.get_ref().clone();
            let err = |offset: usize, kind| at(Some(&id), offset, kind);
            if !is_rule_id(&id) {
                return Err(err(r.id.span().start, PackErrorKind::BadId(id.clone())));
            }
            let letter = raw.pack.category.letter();
            if !id.starts_with(letter) {
                return Err(err(
                    r.id.span().start,
                    PackErrorKind::IdNotOfCategory(id.clone(), letter, raw.pack.category),
                ));
            }
            let name = r.name.get_ref();
            if name.is_empty()
                || !name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return Err(err(r.name.span().start, PackErrorKind::BadName(name.clone())));
            }
            for key in [&id, name] {
                if let Some(&line) = seen.get(key) {
                    let first = format!("{origin}:{line}");
                    return Err(err(start, PackErrorKind::DuplicateRule(key.clone(), first)));
                }
            }
            let line = lines.position(start).line + 1;
            seen.insert(id.clone(), line);
            seen.insert(name.clone(), line);
            let msg = r.message.get_ref();
            if msg.zh.trim().is_empty() || msg.en.trim().is_empty() {
                return Err(err(r.message.span().start, PackErrorKind::EmptyField("message")));
            }
            if r.basis.get_ref().trim().is_empty() {
                return Err(err(r.basis.span().start, PackErrorKind::EmptyField("basis")));
            }
            // (the checks of folded terms, here and below, only with `compile`: each folds its
            // words, as costly as the parse; the builtin packs' are made by the test suite)
            if compile {
                for t in &r.disguised_terms {
                    let folded = fold_term(t.get_ref());
                    if folded.chars().count() < 2 || !folded.chars().all(|c| !reading::han(c).is_empty()) {
                        return Err(err(t.span().start, PackErrorKind::NotReadable(t.get_ref().clone())));
                    }
                }
            }
            if r.terms.is_empty() && r.patterns.is_empty() && r.disguised_terms.is_empty() {
                return Err(err(start, PackErrorKind::NothingToMatch));
            }
            if r.only_on_topic && r.topic.is_empty() {
                return Err(err(start, PackErrorKind::EmptyField("topic")));
            }
            if compile {
                // an everyday or a supporting word is one of the rule's terms: its sense is the term's
                let terms: Vec<String> = r.terms.iter().map(|t| fold_term(t.get_ref())).collect();
                if let Some(w) =
                    (r.everyday.iter().chain(&r.supporting)).find(|w| !terms.contains(&fold_term(w.get_ref())))
                {
                    return Err(err(w.span().start, PackErrorKind::NotATerm(w.get_ref().clone())));
                }
                for (what, list) in [
                    ("term", &r.terms),
                    ("exception", &r.exceptions),
                    ("before cue", &r.before),
                    ("topic word", &r.topic),
                ] {
                    for t in list {
                        let folded = fold_term(t.get_ref());
                        if folded.is_empty() {
                            let text = t.get_ref().clone();
                            return Err(err(t.span().start, PackErrorKind::EmptyTerm { what, text }));
                        }
                        if what == "term" && folded.bytes().all(|b| b.is_ascii_digit()) {
                            return Err(err(t.span().start, PackErrorKind::DigitsOnlyTerm(t.get_ref().clone())));
                        }
                    }
                }
            }
            let mut r = r;
            for p in r
                .patterns
                .iter_mut()
                .chain(&mut r.exception_patterns)
                .chain(&mut r.after)
                .chain(&mut r.urging)
            {
                let start = p.span().start;
                if p.get_ref().contains('{') {
                    let expanded = expand_families(p.get_ref(), &families).map_err(|k| err(start, k))?;
                    *p.get_mut() = expanded;
                }
                if let Some(classes) = dialect::fold_classes(p.get_ref()) {
                    *p.get_mut() = classes;
                }
            }
            if compile {
                for p in r.patterns.iter().chain(&r.exception_patterns) {
                    check_regex(p.get_ref()).map_err(|k| err(p.span().start, k))?;
                }
                // (`after` may match empty: it is a cue right after the term; `urging` is
                // matched against a hit's whole text)
                for a in r.after.iter().chain(&r.urging) {
                    compile_regex(a.get_ref()).map_err(|k| err(a.span().start, k))?;
                }
            }
            // a topic word `{name}` is every word of that family (the houses, the spirits)
            let mut topic: Vec<String> = Vec::new();
            for t in &r.topic {
                let w = t.get_ref();
                match w.strip_prefix('{').and_then(|n| n.strip_suffix('}')) {
                    Some(name) => {
                        let family = raw
                            .families
                            .get(name)
                            .ok_or_else(|| err(t.span().start, PackErrorKind::UnknownFamily(name.to_owned())))?;
                        topic.extend(family.get_ref().words.iter().cloned());
                    }
                    None => topic.push(w.clone()),
                }
            }
            let terms: Vec<String> = r.terms.into_iter().map(Spanned::into_inner).collect();
            if let Some(fixes) = &r.fixes {
                if let Some(unknown) = fixes.get_ref().keys().find(|k| !terms.contains(k)) {
                    return Err(err(
                        fixes.span().start,
                        PackErrorKind::FixForUnknownTerm(unknown.clone()),
                    ));
                }
            }
            let message = r.message.into_inner();
            promoters.extend(
                r.promoted_by
                    .iter()
                    .map(|t| (id.clone(), t.span().start, t.get_ref().clone())),
            );
            rules.push(Rule {
                name: r.name.into_inner(),
                category: raw.pack.category,
                severity: r.severity,
                sponsored_severity: r.sponsored.unwrap_or(r.severity),
                applies: r.applies,
                description: r.description.unwrap_or_else(|| message.clone()),
                message,
                basis: r.basis.into_inner(),
                terms,
                patterns: r.patterns.into_iter().map(Spanned::into_inner).collect(),
                exceptions: r.exceptions.into_iter().map(Spanned::into_inner).collect(),
                exception_patterns: r.exception_patterns.into_iter().map(Spanned::into_inner).collect(),
                before: r.before.into_iter().map(Spanned::into_inner).collect(),
                after: r.after.map(Spanned::into_inner),
                read_default: r.read.is_none(),
                read: r.read.unwrap_or_else(|| vec![Read::Sound, Read::Initials]),
                scope: r.scope,
                effects: r.effects,
                sold_by_contact: r.sold_by_contact,
                deniable: r.deniable,
                disguised_terms: r.disguised_terms.into_iter().map(Spanned::into_inner).collect(),
                topic,
                everyday: r.everyday.into_iter().map(Spanned::into_inner).collect(),
                urging: r.urging.map(Spanned::into_inner),
                supporting: r.supporting.into_iter().map(Spanned::into_inner).collect(),
                promoted_by: r.promoted_by.iter().map(|t| t.get_ref().clone()).collect(),
                only_on_topic: r.only_on_topic,
                fixes: r.fixes.map(Spanned::into_inner).unwrap_or_default(),
                fix_safety: r.fix_safety,
                examples: r.examples,
                counter_examples: r.counter_examples,
                origin: origin.to_owned(),
                line,
                id,
            });
        }
        if let Some((id, offset, target)) = promoters
            .into_iter()
            .find(|(_, _, target)| !is_rule_id(target) || !seen.contains_key(target))
        {
            return Err(at(Some(&id), offset, PackErrorKind::UnknownRule(target)));
        }
        if let Some(c) = &raw.context {
            c.check(origin, text, compile)?;
        }
        Ok(Pack {
            context: raw.context,
            origin: origin.to_owned(),
            category: raw.pack.category,
            description: raw.pack.description,
            escalate: raw.pack.escalate,
            rules,
        })
    }

    /// The packs embedded in redlint, parsed.
    pub fn builtin() -> Vec<Pack> {
        // The builtin packs are checked by the test suite (their regexes compiled too:
        // `builtin_packs_compile`), so this cannot fail in a release; their regexes are
        // compiled when first needed. Half of them (by size) are parsed on a second core.
        crate::split::map(
            BUILTIN,
            2,
            |(_, text)| text.len(),
            |(origin, text)| {
                Pack::parse_checked(origin, text, false).unwrap_or_else(|e| panic!("builtin pack is malformed: {e}"))
            },
        )
    }
}

fn is_rule_id(id: &str) -> bool {
    let letters = id.bytes().take_while(u8::is_ascii_uppercase).count();
    letters > 0 && letters < id.len() && id.bytes().skip(letters).all(|b| b.is_ascii_digit())
}

/// The `id = "..."` of the last `[[rule]]` table that starts before `offset`.
fn rule_id_before(text: &str, offset: usize) -> Option<String> {
    // an error at the `[[rule]]` header itself (a missing field) belongs to that rule
    let mut end = (offset + "[[rule]]".len()).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let table = head.rfind("[[rule]]")?;
    let id_line = text[table..].lines().find(|l| l.trim_start().starts_with("id"))?;
    let value = id_line.split_once('=')?.1.trim();
    Some(value.trim_matches(['"', '\'']).to_owned())
}

/// How a term was written when the text does not write it as the pack does: set apart by
/// spaces, symbols or emoji (`w.e.i.x.i.n`, `薇❤信`: `spaced`), or in other forms that fold to
/// it (full-width, case, traditional, compatibility forms, invisible characters: `folded`).
/// `None` when the text is the term itself.
fn written(term: &str, matched: &str) -> Option<Reading> {
    if matched == term {
        return None;
    }
    let norm = crate::normalize::Normalized::new(matched);
    let mut how = Vec::new();
    // (letter-spaced Han loses its spaces in the folded view too: 加 微 信 folds to 加微信)
    let unspaced: String = matched.chars().filter(|&c| c != ' ').collect();
    if norm.folded() != norm.compact() || unspaced.len() != matched.len() {
        how.push("spaced".to_owned());
    }
    if norm.folded() != matched && norm.folded() != unspaced {
        how.push("folded".to_owned());
    }
    (!how.is_empty()).then(|| Reading {
        term: term.to_owned(),
        how,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[pack]
category = "banned-word"

[[rule]]
id = "B191"
name = "test-rule"
severity = "warning"
sponsored = "error"
message = { zh = "测试", en = "test" }
basis = "test basis"
terms = ["最好", "最佳"]
exceptions = ["最好的朋友"]
fixes = { "最好" = "很好" }
fix_safety = "safe"
examples = ["最好", { text = "最佳", sponsored = true }]
"#;

    fn parse_err(text: &str) -> PackError {
        Pack::parse("t.toml", text).unwrap_err()
    }

    /// `{gap}` is exactly the chars of [`GAP_BLOCKS`] that are no letter and no number:
    /// every char of planes 0 and 1 is tried.
    #[test]
    fn gap_class_is_the_separators_of_its_blocks() {
        let re = compile_regex("^{gap}$").unwrap();
        // letters and numbers by the regex crate's own Unicode tables
        let word = regex::Regex::new(r"^[\p{L}\p{N}]$").unwrap();
        let mut gaps = 0;
        let mut buf = [0u8; 4];
        for c in (0..0x20000u32).filter_map(char::from_u32) {
            let c = c.encode_utf8(&mut buf);
            let in_blocks = GAP_BLOCKS
                .iter()
                .any(|&(a, b)| (a..=b).contains(&c.chars().next().unwrap()));
            let gap = in_blocks && !word.is_match(c);
            assert_eq!(re.is_match(c), gap, "{c:?}");
            gaps += usize::from(gap);
        }
        assert!(gaps > 10_000, "{gaps}");
        // a gap that is no line break, as the packs write it
        let re = compile_regex("^[{gap}&&[^\\n]]$").unwrap();
        assert!(re.is_match("❤") && re.is_match(" ") && !re.is_match("\n") && !re.is_match("信"));
    }

    #[test]
    fn a_good_pack_parses() {
        let p = Pack::parse("t.toml", GOOD).unwrap();
        let r = &p.rules[0];
        assert_eq!((r.id.as_str(), r.line), ("B191", 5));
        assert_eq!(r.severity_for(true), Severity::Error);
        assert_eq!(
            r.examples[1],
            Example::Note {
                text: "最佳".into(),
                sponsored: true
            }
        );
        assert_eq!(r.description, r.message);
    }

    #[test]
    fn a_windows_full_width_stops_are_its_ascii_stops_too() {
        // the folded text has `,` where the writer typed `，`: a class naming one names both
        let folded = dialect::fold_classes("[^，。！？\\n]{0,8}(?:点|：)").unwrap();
        assert_eq!(folded, "[^，,。！!？?\\n]{0,8}(?:点|：)");
        assert_eq!(dialect::fold_classes("不[瘦白]"), None);
        // ...and a numeral's slot names its financial form (最后叁小时)
        assert_eq!(
            dialect::fold_classes("最后[0-9一三]小时").unwrap(),
            "最后[0-9一壹三叁]小时"
        );
        let pack = GOOD.replace("terms = [", "patterns = ['好用[^，。]{0,4}推荐']\nterms = [");
        let rule = &Pack::parse("t.toml", &pack).unwrap().rules[0];
        let re = compile_regex(&rule.patterns[0]).unwrap();
        assert!(re.is_match("好用的推荐"));
        assert!(!re.is_match("好用,推荐"), "the folded comma stops the window");
    }

    /// The first pattern of a pack that defines `family` (a `[families.NAME]` table) and has
    /// `pattern`, as expanded and compiled.
    fn family_regex(family: &str, pattern: &str) -> (String, regex::Regex) {
        let pack = GOOD
            .replacen("[[rule]]", &format!("{family}\n\n[[rule]]"), 1)
            .replace("terms = [", &format!("patterns = ['{pattern}']\nterms = ["));
        let source = Pack::parse("t.toml", &pack).unwrap().rules[0].patterns[0].clone();
        let re = compile_regex(&source).unwrap();
        (source, re)
    }

    #[test]
    fn a_family_reads_one_character_in_pinyin_when_asked() {
        let forms = pinyin_forms("复刻");
        assert_eq!(
            forms,
            ["(?-u:\\b)fu刻", "复ke(?-u:\\b)", "复k(?-u:\\b)", "(?-u:\\b)f刻"]
        );
        assert_eq!(pinyin_forms("玻尿酸")[1], "玻niao酸");
        assert!(pinyin_forms("AJ").is_empty() && pinyin_forms("药").is_empty());
        let family = "[families.names]\npinyin = true\nsource = \"test\"\nwords = [\"非那\"]";
        let (_, re) = family_regex(family, "吃\\s?{names}");
        assert!(re.is_match("吃fei那") && re.is_match("吃非na") && re.is_match("吃非n") && re.is_match("吃非那"));
        assert!(!re.is_match("吃xfei那") && !re.is_match("吃非nax"));
    }

    #[test]
    fn a_family_reads_its_names_by_initials_when_asked() {
        assert_eq!(initials_forms("司美格鲁肽"), ["smg", "smgl", "smglt"]);
        assert_eq!(initials_forms("非那"), ["fn"]);
        assert_eq!(initials_forms("唑吡坦"), ["zbt"]);
        assert!(initials_forms("AD").is_empty() && initials_forms("药").is_empty());
        let family = "[families.names]\ninitials = true\nsource = \"test\"\nwords = [\"非那雄胺\"]";
        let (_, re) = family_regex(family, "吃\\s?{names}");
        assert!(re.is_match("吃fnxa") && re.is_match("吃fnx") && re.is_match("吃非那雄胺"));
        assert!(!re.is_match("吃fnxab"));
    }

    #[test]
    fn a_family_is_read_wherever_a_regex_names_it() {
        let family = "[families.houses]\nsplit = true\nsource = \"test\"\nwords = [\"卡地亚\", \"Gucci\"]";
        // folded words, longest first, a separator or two allowed inside a word
        let (source, re) = family_regex(family, "{houses}对版");
        for text in ["卡地亚对版", "卡·地·亚对版", "gucci对版"] {
            assert!(re.is_match(text), "{text}: {source}");
        }
        assert!(!re.is_match("卡，地亚对版"));

        let e = parse_err(&GOOD.replace("terms = [", "patterns = ['{nowhere}x']\nterms = ["));
        assert_eq!(e.kind, PackErrorKind::UnknownFamily("nowhere".into()), "{e}");
        assert_eq!((e.rule.as_deref(), e.line), (Some("B191"), 12));
        let e = parse_err(&GOOD.replacen(
            "[[rule]]",
            "[families.x]\nsource = \" \"\nwords = [\"a\"]\n\n[[rule]]",
            1,
        ));
        assert!(
            matches!(e.kind, PackErrorKind::EmptyFamilyField { what: "source", .. }),
            "{e}"
        );
    }

    /// `{~字}` reads 字 or a character said like it, neither too rare to be typed nor a common
    /// word of its own; a character without a reading is an error.
    #[test]
    fn a_character_said_alike_is_read_where_a_regex_asks() {
        let class = dialect::sound_class('微').unwrap();
        for c in ['微', '薇', '魏', '威', '维', '卫', '唯'] {
            assert!(class.contains(c), "{c}: {class}");
        }
        // 为 and 位 are words of their own; 峞 and 巍 too rare to be typed alone, 闈 never in
        // folded text
        for c in ['为', '位', '峞', '巍', '闈', '信'] {
            assert!(!class.contains(c), "{c}: {class}");
        }
        let pack = GOOD.replace("terms = [", "patterns = ['加{~微}[:：]?[a-z0-9]{5,}']\nterms = [");
        let p = Pack::parse("t.toml", &pack).unwrap();
        let re = compile_regex(&p.rules[0].patterns[0]).unwrap();
        assert!(re.is_match("加魏:abc123") && re.is_match("加薇abc123") && !re.is_match("加为abc123"));
        let e = parse_err(&GOOD.replace("terms = [", "patterns = ['{~a}x']\nterms = ["));
        assert_eq!(e.kind, PackErrorKind::UnknownFamily("~a".into()), "{e}");
    }

    #[test]
    fn an_everyday_word_must_be_a_term_of_its_rule() {
        let ok = GOOD.replace("exceptions = [", "everyday = [\"最佳\"]\nexceptions = [");
        assert_eq!(Pack::parse("t.toml", &ok).unwrap().rules[0].everyday, ["最佳"]);
        let e = parse_err(&GOOD.replace("exceptions = [", "everyday = [\"最棒\"]\nexceptions = ["));
        assert_eq!(e.kind, PackErrorKind::NotATerm("最棒".into()), "{e}");
        assert_eq!((e.rule.as_deref(), e.line), (Some("B191"), 13), "{e}");
    }

    #[test]
    fn a_rule_is_promoted_by_rules_of_its_pack_only() {
        let e = parse_err(&GOOD.replace("exceptions = [", "promoted_by = [\"B999\"]\nexceptions = ["));
        assert_eq!(e.kind, PackErrorKind::UnknownRule("B999".into()), "{e}");
        assert_eq!((e.rule.as_deref(), e.line), (Some("B191"), 13), "{e}");
        let ok = GOOD.replace("exceptions = [", "promoted_by = [\"B191\"]\nexceptions = [");
        assert_eq!(Pack::parse("t.toml", &ok).unwrap().rules[0].promoted_by, ["B191"]);
    }

    #[test]
    fn a_supporting_word_must_be_a_term_and_an_urging_a_regex() {
        let ok = GOOD.replace(
            "exceptions = [",
            "supporting = [\"最佳\"]\nurging = '最(?:佳|好)'\nexceptions = [",
        );
        let rule = &Pack::parse("t.toml", &ok).unwrap().rules[0];
        assert_eq!(
            (rule.supporting.as_slice(), rule.urging.as_deref()),
            (&["最佳".to_owned()][..], Some("最(?:佳|好)"))
        );
        let e = parse_err(&GOOD.replace("exceptions = [", "supporting = [\"最棒\"]\nexceptions = ["));
        assert_eq!(e.kind, PackErrorKind::NotATerm("最棒".into()), "{e}");
        let e = parse_err(&GOOD.replace("exceptions = [", "urging = '最(佳'\nexceptions = ["));
        assert!(matches!(e.kind, PackErrorKind::InvalidRegex { .. }), "{e}");
        assert_eq!((e.rule.as_deref(), e.line), (Some("B191"), 13), "{e}");
    }

    #[test]
    fn errors_name_file_rule_and_line() {
        let e = parse_err(&GOOD.replace(r#""最好", "最佳""#, r#""最好", " ""#));
        assert_eq!(
            (e.file.as_str(), e.rule.as_deref(), e.line),
            ("t.toml", Some("B191"), 12)
        );
        assert!(matches!(e.kind, PackErrorKind::EmptyTerm { .. }), "{e}");
        assert!(e.to_string().starts_with("t.toml:12:"), "{e}");

        let e = parse_err(&GOOD.replace("terms = [", "patterns = ['(']\nterms = ["));
        assert!(matches!(e.kind, PackErrorKind::InvalidRegex { .. }), "{e}");
        assert_eq!(e.line, 12);

        let e = parse_err(&GOOD.replace("terms = [", "patterns = ['a*']\nterms = ["));
        assert!(matches!(e.kind, PackErrorKind::EmptyMatch(_)), "{e}");

        let e = parse_err(&format!("{GOOD}\n{}", &GOOD[GOOD.find("[[rule]]").unwrap()..]));
        assert!(matches!(e.kind, PackErrorKind::DuplicateRule(..)), "{e}");
        assert!(e.to_string().contains("t.toml:5"), "{e}");

        let e = parse_err(&GOOD.replace("severity = \"warning\"", "severity = \"fatal\""));
        assert_eq!((e.rule.as_deref(), e.line), (Some("B191"), 8));
        assert!(e.to_string().contains("unknown severity `fatal`"), "{e}");

        let e = parse_err(&GOOD.replace("basis =", "bassis ="));
        assert!(matches!(e.kind, PackErrorKind::Syntax(_)), "{e}");
        assert_eq!(e.rule.as_deref(), Some("B191"));

        let e = parse_err(&GOOD.replace("\"B191\"", "\"t-1\""));
        assert!(matches!(e.kind, PackErrorKind::BadId(_)), "{e}");
        let e = parse_err(&GOOD.replace("\"最好\" = ", "\"最差\" = "));
        assert!(matches!(e.kind, PackErrorKind::FixForUnknownTerm(_)), "{e}");
        let e = parse_err(&GOOD.replace("\"最好\", \"最佳\"", "\"１２３\""));
        assert!(matches!(e.kind, PackErrorKind::DigitsOnlyTerm(_)), "{e}");
        let e = parse_err("[pack]\ncategory = \"x\"\n");
        assert_eq!(e.line, 2, "{e}");
        let e = parse_err("not toml at all [");
        assert!(matches!(e.kind, PackErrorKind::Syntax(_)));
    }

    #[test]
    fn digit_class_reads_every_digit_style() {
        let re = compile_regex("^[1一幺]{digit}{10}$").unwrap();
        for phone in [
            "13912345678",
            "一三九一二三四五六七八",
            "幺3八零〇两3四5六7",
            "1三9一2三4五6七8",
        ] {
            assert!(re.is_match(phone), "{phone}");
        }
        assert!(!re.is_match("1三九一二三四五六七"));
        assert!(!re.is_match("1三九一二三四五六七a"));
    }

    #[test]
    fn builtin_packs_parse() {
        let packs = Pack::builtin();
        assert_eq!(packs.len(), BUILTIN.len());
        assert!(packs.iter().all(|p| !p.rules.is_empty()));
    }
}
