//! Pack regexes, compiled on first use and run only where they can match.
//!
//! Most notes hold nothing a pack regex looks for (a phone number, a link, a QQ group), so
//! running every regex over every note (even as one `RegexSet` pass) is most of the work of a
//! lint, and compiling them all is most of a cold start. Instead, each regex's *prefix
//! literals* (every match starts with one of them: `qq`, `q`, `群`, `http`, `@`, a digit) are
//! read off its syntax tree, and one Aho-Corasick automaton over all of them says which
//! regexes can match a text at all, and where: a gated regex is run *anchored* at each place
//! one of its literals starts (a match must start there), never as a pass over the whole text.
//! That matters because `{digit}` counts 一, 两 and 三 as digits, which open the number regexes
//! on most Chinese sentences: anchored, each such opening costs a step or two of the automaton.
//! Each regex is compiled the first time it is needed. A regex whose matches can start
//! anywhere (no finite prefix set) runs over every text. Without the union (a one-off check,
//! and a rule's exception patterns), a regex is also compiled and asked only when the text may
//! hold one of its *required literals* (one of which every match holds: 微信 or vx after 加;
//! [`super::required`]): a one-note check opened 248 regexes and compiled them all, most of its
//! start.

use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use std::panic::{RefUnwindSafe, UnwindSafe};

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchError, hybrid};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use crate::pack::{compile_regex, expand, expand_with_gap};

/// A pack regex, compiled the first time it is used. Its source was checked when its pack was
/// parsed (user packs are compiled then; the builtin packs by the test suite).
///
/// Most uses ask where a match starting at a known place ends, or whether a short text holds
/// one: a forward lazy DFA answers both, and compiling it (one forward NFA, no captures) costs
/// half of what a full regex costs (which also compiles a reverse NFA for match starts and
/// engines for captures), and compiling is most of a cold start. The full regex is compiled
/// only for [`LazyRegex::find_iter`] (regexes without a gate), or
/// if the forward DFA cannot be built (a Unicode word boundary).
#[derive(Debug)]
pub(crate) struct LazyRegex {
    source: String,
    forward: OnceLock<Option<Forward>>,
    full: OnceLock<Regex>,
}

/// How many bytes [`Forward::dies_early`] steps through before leaving it to a search.
const PEEK: usize = 12;

/// The most memory the union's lazy DFA may hold per thread before it is cleared: over the
/// 17,765 notes of the bench's real text it holds about 20 MB (resident memory fell from
/// 217 to 163 MB against one union per set of regexes a literal opens).
const UNION_CACHE: usize = 64 << 20;

/// A forward lazy DFA, with a pool of caches for concurrent searches.
struct Forward {
    dfa: hybrid::dfa::DFA,
    caches: Pool<hybrid::dfa::Cache, CacheFn>,
}

type CacheFn = Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl std::fmt::Debug for Forward {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Forward").finish_non_exhaustive()
    }
}

impl Forward {
    fn new(source: &str) -> Option<Forward> {
        Forward::build(&[source], regex_automata::MatchKind::LeftmostFirst)
    }

    /// One automaton of every regex in `sources`, which says only whether one of them matches
    /// (where a match ends is not any one regex's).
    fn union(sources: &[&str]) -> Option<Forward> {
        Forward::build(sources, regex_automata::MatchKind::All)
    }

    fn build(sources: &[&str], kind: regex_automata::MatchKind) -> Option<Forward> {
        // the union of every gated regex reaches many more states than one regex: a cache
        // that holds them all, so that it is not cleared and refilled (each refill computes
        // the closure of a start state over a thousand regexes)
        let capacity = if sources.len() > 1 { UNION_CACHE } else { 2 << 20 };
        let expanded: Vec<std::borrow::Cow<'_, str>> = sources.iter().map(|s| expand(s)).collect();
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .which_captures(thompson::WhichCaptures::None)
                    .nfa_size_limit(Some((8 << 20) * sources.len())),
            )
            .build_many(&expanded)
            .ok()?;
        let dfa = hybrid::dfa::DFA::builder()
            .configure(hybrid::dfa::Config::new().match_kind(kind).cache_capacity(capacity))
            .build_from_nfa(nfa)
            .ok()?;
        let for_caches = dfa.clone();
        let caches = Pool::new(Box::new(move || for_caches.create_cache()) as CacheFn);
        Some(Forward { dfa, caches })
    }

    /// Whether a search from `input`'s start reaches the dead state within its first
    /// [`PEEK`] bytes without passing a match: then nothing matches there. Most places a gate
    /// literal opens fail at the next character (`一` of `一个` is no phone number); stepping
    /// the automaton by hand over those bytes costs a fraction of a search's setup.
    fn dies_early(&self, cache: &mut hybrid::dfa::Cache, input: &Input<'_>) -> bool {
        let Ok(mut sid) = self.dfa.start_state_forward(cache, input) else {
            return false;
        };
        for &b in input.haystack()[input.start()..].iter().take(PEEK) {
            // tagged: dead, quit, or a match (start states are not tagged; `next_state`
            // computes unknown ones)
            if sid.is_tagged() {
                return sid.is_dead();
            }
            match self.dfa.next_state(cache, sid, b) {
                Ok(next) => sid = next,
                Err(_) => return false,
            }
        }
        sid.is_dead()
    }

    /// Whether a match starts at `at` in `text` (a union's question; `true` when the DFA gave
    /// up, so that the regexes themselves are asked).
    fn matches_at(&self, text: &str, at: usize, cache: &mut Option<hybrid::dfa::Cache>) -> bool {
        let input = Input::new(text).range(at..).anchored(Anchored::Yes).earliest(true);
        let cache = cache.get_or_insert_with(|| self.dfa.create_cache());
        !self.dies_early(cache, &input) && self.search(Some(cache), &input).map_or(true, |end| end.is_some())
    }

    /// The end of the first match `input` holds, searched with `cache` (the shared pool's
    /// when `None`). `Err`: the DFA gave up (it cannot with the default configuration; the
    /// caller then asks the full regex).
    fn search(&self, cache: Option<&mut hybrid::dfa::Cache>, input: &Input<'_>) -> Result<Option<usize>, MatchError> {
        let found = match cache {
            Some(cache) => self.dfa.try_search_fwd(cache, input)?,
            None => self.dfa.try_search_fwd(&mut self.caches.get(), input)?,
        };
        Ok(found.map(|m| m.offset()))
    }
}

impl LazyRegex {
    pub(crate) fn new(source: String) -> LazyRegex {
        LazyRegex {
            source,
            forward: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    fn full(&self) -> &Regex {
        self.full
            .get_or_init(|| compile_regex(&self.source).expect("checked when the pack was parsed"))
    }

    /// Whether the forward automaton was built.
    fn is_compiled(&self) -> bool {
        self.forward.get().is_some()
    }

    fn forward(&self) -> Option<&Forward> {
        self.forward.get_or_init(|| Forward::new(&self.source)).as_ref()
    }

    /// Every match, leftmost-first, not overlapping.
    pub(crate) fn find_iter<'h>(&self, haystack: &'h str) -> regex::Matches<'_, 'h> {
        self.full().find_iter(haystack)
    }

    /// Whether `haystack` holds a match.
    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        self.forward()
            .and_then(|f| f.search(None, &Input::new(haystack).earliest(true)).ok())
            .map_or_else(|| self.full().is_match(haystack), |end| end.is_some())
    }

    /// The end of the leftmost-first match that starts at `at`, if one does (look-arounds see
    /// the text before `at`). `cache`: this regex's slot of the caller's scratch (filled on
    /// first use), so that a search costs no trip to the shared pool.
    pub(crate) fn match_at(&self, text: &str, at: usize, cache: &mut Option<hybrid::dfa::Cache>) -> Option<usize> {
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let found = self.forward().and_then(|f| {
            let cache = cache.get_or_insert_with(|| f.dfa.create_cache());
            if f.dies_early(cache, &input) {
                return Some(None);
            }
            f.search(Some(cache), &input).ok()
        });
        found.unwrap_or_else(|| {
            let m = self.full().find_at(text, at).filter(|m| m.start() == at);
            m.map(|m| m.end())
        })
    }
}

/// The prefix literals of `pattern` (as [`compile_regex`] expands it), each a whole number of
/// characters, or `None` when its matches can start with too many different texts (or with
/// nothing at all).
#[cfg(test)]
fn prefixes(pattern: &str) -> Option<Vec<String>> {
    prefixes_of(&parse_for_gates(pattern)?)
}

/// A regex's gate literals ([`prefixes_of`], `None`: it has none) and whether its matches all
/// start at an ASCII word boundary: read from the table the builtin packs' regexes were
/// analysed into (`gates_table.rs`) when it holds `source`, so a start-up parses none of them;
/// else by parsing it (a pack of the user's, or a builtin regex changed since the table).
fn gates_of(source: &str) -> Gates {
    if let Some(known) = gates_table::lookup(source) {
        return known;
    }
    analyse(source)
}

/// What a regex's syntax says about where it can match: its gate literals (`None`: its matches
/// can start anywhere), whether they all start at an ASCII word boundary, and the literals one
/// of which every match holds ([`super::required`]; `None`: none worth asking beside the gate).
struct Gates {
    literals: Option<Vec<String>>,
    bounded: bool,
    required: Option<Vec<String>>,
}

/// [`gates_of`] by parsing `source`: what the table holds for the builtin regexes.
fn analyse(source: &str) -> Gates {
    let hir = parse_for_gates(source);
    let bounded = hir.as_ref().is_some_and(starts_at_ascii_boundary);
    let literals = hir.as_ref().and_then(prefixes_of);
    // (`{gap}` is read as any character, which widens a class it stands in positively; in a
    // negated class or a set difference it would narrow it, and a required set read so could
    // skip a regex where it matches: none then. The builtin packs write it positively only.)
    let narrowed = ["^{gap}", "--{gap}", "~~{gap}"].iter().any(|p| source.contains(p));
    let required = hir
        .as_ref()
        .filter(|_| !narrowed)
        .and_then(|h| super::required::required_of(h, literals.as_deref()));
    Gates {
        literals,
        bounded,
        required,
    }
}

#[path = "gates_table.rs"]
mod gates_generated;

/// The builtin regexes' gates, analysed ahead of time (`gates_table.rs`, rewritten by
/// `REDLINT_BLESS=1 cargo test --lib gates_table`), found by a hash of the regex source and
/// checked against its length.
mod gates_table {
    use super::gates_generated as generated;

    /// FNV-1a, 64 bits: stable across builds and platforms (the table is committed).
    pub(super) fn hash(s: &str) -> u64 {
        s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    pub(super) fn lookup(source: &str) -> Option<super::Gates> {
        let h = hash(source);
        let i = generated::GATES.binary_search_by_key(&h, |e| e.0).ok()?;
        let &(_, len, bounded, lits, required) = &generated::GATES[i];
        let owned = |l: Option<&[&str]>| l.map(|l| l.iter().map(|&s| s.to_owned()).collect());
        (len as usize == source.len()).then(|| super::Gates {
            literals: owned(lits),
            bounded,
            required: owned(required),
        })
    }
}

/// `pattern`'s syntax tree with `{gap}` read as any char: the same prefixes (a class of more
/// than 64 chars ends them either way), without translating a class of 14,000 chars and its
/// set operations.
fn parse_for_gates(pattern: &str) -> Option<regex_syntax::hir::Hir> {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(&expand_with_gap(pattern, r"[\x{0}-\x{10FFFF}]"))
        .ok()
}

/// Whether every match of the regex starts with an ASCII word boundary (`(?-u:\b)` first in
/// the whole pattern, not in one alternative): then it cannot match where a letter or digit
/// follows another (inside `abc123` it can start only at `a`).
fn starts_at_ascii_boundary(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{HirKind, Look};
    match hir.kind() {
        HirKind::Look(Look::WordAscii) => true,
        HirKind::Concat(parts) => parts.first().is_some_and(starts_at_ascii_boundary),
        HirKind::Capture(c) => starts_at_ascii_boundary(&c.sub),
        _ => false,
    }
}

/// [`prefixes`] of a parsed pattern.
fn prefixes_of(hir: &regex_syntax::hir::Hir) -> Option<Vec<String>> {
    // long prefixes when there are few of them; else the first character's set (`[a-z0-9]`
    // then more classes is too many strings, but 36 first characters is a fine gate). Lengths
    // are in bytes: 3 is one Han character, 1 one ASCII character.
    [6, 3, 1]
        .into_iter()
        .find_map(|len| starting_literals(hir, 64, len, 400))
}

/// The literals every match of `hir` starts with, extracted within these limits, each cut to
/// its whole characters (still a prefix), sorted and deduplicated (`None`: infinitely many,
/// none, or one of them empty). Gates and required literals are both read so.
pub(super) fn starting_literals(
    hir: &regex_syntax::hir::Hir,
    limit_class: usize,
    limit_literal_len: usize,
    limit_total: usize,
) -> Option<Vec<String>> {
    let mut seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_class(limit_class)
        .limit_repeat(4)
        .limit_literal_len(limit_literal_len)
        .limit_total(limit_total)
        .extract(hir);
    // (not `optimize_for_prefix_by_preference`: it gives up on many short literals, which
    // make a poor search prefilter but a sound gate)
    seq.dedup();
    let mut literals: Vec<String> = seq
        .literals()?
        .iter()
        .map(|l| {
            let b = l.as_bytes();
            let whole = std::str::from_utf8(b).map_or_else(|e| &b[..e.valid_up_to()], |_| b);
            String::from_utf8(whole.to_vec()).expect("cut on a character boundary")
        })
        .collect();
    if literals.is_empty() || literals.iter().any(String::is_empty) {
        return None;
    }
    literals.sort_unstable();
    literals.dedup();
    Some(literals)
}

/// The pack regexes of a linter, each with its rule.
///
/// The gate literals made only of characters the compact view keeps (`qq`, `群`, `13`) are
/// found by the caller's term automaton, in the same pass as the terms, and handed to
/// [`Patterns::find`]; single ASCII characters (`1`, `v`, `@`) by a table lookup per byte of
/// the folded text, and the few others (`¥`, `€`) by a small automaton of their own.
#[derive(Debug)]
pub(crate) struct Patterns {
    regexes: Vec<(usize, LazyRegex)>,
    /// Every gate literal.
    literals: Vec<String>,
    /// For each gate literal, the regexes it opens.
    opens: Vec<Vec<u32>>,
    /// For each gate literal, whether every regex it opens is compiled: then the texts it
    /// opens need no compiling check (a warm linter's case, at every opening).
    warm: Vec<AtomicBool>,
    /// One automaton of every gated regex, compiled on first use: asked first at each
    /// opening, so that a place where none of the regexes its literal opens can match (nearly
    /// every place: a digit, 一, 是, a comma) costs one automaton's steps, not one per regex,
    /// and a regex is compiled only once the union matches where it was opened. Anchored
    /// where the literal starts, a match of the union is a match of some regex starting there,
    /// which may be one the literal does not open (one another literal at that place opens):
    /// then each of its own regexes is asked and none matches, so the union only filters.
    /// One union of them all, not one per set of regexes a literal opens: there were 859
    /// such sets, 4,607 regexes in all over 1,050 distinct ones, and compiling them was half
    /// of a batch's start; one union is also faster per opening (its cache holds what many
    /// held, see [`UNION_CACHE`]).
    union: (Vec<u32>, OnceLock<Option<Forward>>),
    /// The literals found by the caller (indices into `literals`).
    shared: Vec<u32>,
    /// The literals that are one ASCII character, by that byte (`u32::MAX`: none).
    ascii: [u32; 128],
    /// The literals that are one CJK ideograph (一, 是, 加: most openings), sorted, with a bit
    /// per ideograph ([`han_gate`]) saying which are: found by a pass over the folded text's
    /// bytes with the ASCII ones, not as matches of the caller's automaton (each of which it
    /// maps back through the compact copy).
    han: Vec<(char, u32)>,
    han_bits: Vec<u64>,
    /// An automaton over the other literals, and for each of its patterns the literal.
    own: Option<(AhoCorasick, Vec<u32>)>,
    /// Regexes without a finite prefix set: they run on every text.
    always: Vec<u32>,
    /// For each regex, whether every match starts at an ASCII word boundary: not tried where
    /// a letter or digit follows another (a run of letters opens it once, not once a letter).
    bounded: Vec<bool>,
    /// For each regex, the literals one of which every match holds (indices into
    /// `required_literals`; `None`: no set worth asking beside its gate): without the union,
    /// where the text holds none of them the regex is neither compiled nor asked.
    required: Vec<Option<Box<[u32]>>>,
    /// Each required literal, and its keys in a text's [sketch](super::required::Sketch).
    required_literals: Vec<(String, Box<[u16]>)>,
    /// Per thread, what [`Patterns::find`] needs for each regex (taken once per call).
    scratch: Pool<Scratch, ScratchFn>,
}

/// Per regex: its lazy DFA cache (made on first use), where its last match in the text at hand
/// ended (matches do not overlap), and whether it can match there (the text's sketch).
#[derive(Debug)]
struct Scratch {
    caches: Vec<Option<hybrid::dfa::Cache>>,
    /// The union's lazy DFA cache.
    union_cache: Option<hybrid::dfa::Cache>,
    last_end: Vec<usize>,
    /// The regexes whose `last_end` a text set: cleared before the next text, in proportion
    /// to its matches (clearing all of `last_end` for every field cost more than the searches).
    touched: Vec<u32>,
    /// The text at hand's sketch, made when a required literal is first asked.
    sketch: super::required::Sketch,
    sketched: bool,
    /// For each regex, whether it can match in the text at hand (`None`: not asked yet).
    can: Vec<Option<bool>>,
    /// The regexes whose `can` the text at hand set.
    can_looked: Vec<u32>,
}

impl Scratch {
    /// Whether `text` can hold a match of regex `i`: it holds one of its required literals.
    fn can_match(&mut self, p: &Patterns, i: u32, text: &str) -> bool {
        let Some(lits) = &p.required[i as usize] else {
            return true;
        };
        if let Some(known) = self.can[i as usize] {
            return known;
        }
        if !self.sketched {
            self.sketch.make(text);
            self.sketched = true;
        }
        let can = lits
            .iter()
            .any(|&k| self.sketch.may_hold(&p.required_literals[k as usize].1));
        self.can[i as usize] = Some(can);
        self.can_looked.push(i);
        can
    }
}

/// The ideographs a one-character gate literal is looked up among by a bit (CJK Unified
/// Ideographs, U+4E00 to U+9FFF: the characters of nearly every Chinese text): how many there
/// are, and a code point's place among them.
const HAN_LEN: usize = 0x9FFF - 0x4E00 + 1;
fn han_gate(c: u32) -> Option<usize> {
    c.checked_sub(0x4E00).map(|i| i as usize).filter(|&i| i < HAN_LEN)
}

type ScratchFn = Box<dyn Fn() -> Scratch + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl Patterns {
    /// `patterns`: (rule index, regex source). `kept(c)`: whether the caller's view of the text
    /// keeps character `c`; gate literals are cut before the first character it drops (`vx:`
    /// and `vx ` become `vx`), and those then not empty are the caller's to find (every
    /// occurrence in the folded text, by byte offset there; see [`Patterns::find`]). The
    /// others are cut to their first character (`@1` to `@`) and found here.
    ///
    /// `unions`: whether every opening is first asked of one automaton of all the regexes
    /// (see `Patterns::union`): faster over many notes, but compiling the union on top of the
    /// regexes a note opens costs a one-note check more than its start.
    pub(crate) fn new(patterns: Vec<(usize, String)>, kept: impl Fn(char) -> bool + Sync, unions: bool) -> Patterns {
        // each regex's gate literals, cut: (literal, shared); on two cores, half of them there
        let gates = crate::split::map(
            &patterns,
            8,
            |(_, source)| source.len(),
            |(_, source)| {
                let cut = |lit: String| {
                    let cut = lit.find(|c| !kept(c)).unwrap_or(lit.len());
                    // the others are found by their first character alone (`@`, `+`, `¥`)
                    if cut > 0 {
                        (lit[..cut].to_owned(), true)
                    } else {
                        (lit.chars().take(1).collect(), false)
                    }
                };
                let g = gates_of(source);
                (
                    g.literals.map(|lits| lits.into_iter().map(cut).collect::<Vec<_>>()),
                    g.bounded,
                    g.required,
                )
            },
        );
        // each regex's gate literals, whether it starts at a boundary, and its required
        // literals as ids into `required_literals` (each literal once)
        let mut ids: crate::FastMap<String, u32> = crate::FastMap::default();
        let mut required_literals: Vec<(String, Box<[u16]>)> = Vec::new();
        let (mut bounded, mut required, mut gated) = (Vec::new(), Vec::new(), Vec::new());
        for (lits, starts_bounded, req) in gates {
            bounded.push(starts_bounded);
            gated.push(lits);
            required.push(req.map(|req| {
                req.into_iter()
                    .map(|l| {
                        *ids.entry(l).or_insert_with_key(|l| {
                            required_literals.push((l.clone(), super::required::keys(l)));
                            (required_literals.len() - 1) as u32
                        })
                    })
                    .collect::<Box<[u32]>>()
            }));
        }
        // literal -> (shared, regexes it opens); hashed, then sorted once (a sorted map compared
        // the 45,000 literals of the builtin regexes a dozen times each: a tenth of a cold start)
        let mut gate: crate::FastMap<String, (bool, Vec<u32>)> = crate::FastMap::default();
        let mut always = Vec::new();
        for (i, lits) in gated.into_iter().enumerate() {
            match lits {
                None => always.push(i as u32),
                Some(lits) => {
                    for (lit, shared) in lits {
                        gate.entry(lit).or_insert((shared, Vec::new())).1.push(i as u32);
                    }
                }
            }
        }
        let mut gate: Vec<(String, (bool, Vec<u32>))> = gate.into_iter().collect();
        gate.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut literals = Vec::with_capacity(gate.len());
        let mut opens = Vec::with_capacity(gate.len());
        let (mut shared, mut own, mut ascii) = (Vec::new(), Vec::new(), [u32::MAX; 128]);
        let mut han: Vec<(char, u32)> = Vec::new();
        for (k, (lit, (is_shared, mut regexes))) in gate.into_iter().enumerate() {
            regexes.sort_unstable();
            regexes.dedup();
            let mut chars = lit.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii() => ascii[c as usize] = k as u32,
                (Some(c), None) if han_gate(c as u32).is_some() => han.push((c, k as u32)),
                _ if is_shared => shared.push(k as u32),
                _ => own.push(k as u32),
            }
            literals.push(lit);
            opens.push(regexes);
        }
        han.sort_unstable();
        let mut han_bits = vec![0u64; HAN_LEN.div_ceil(64)];
        for i in han.iter().filter_map(|&(c, _)| han_gate(c as u32)) {
            han_bits[i / 64] |= 1 << (i % 64);
        }
        let own = (!own.is_empty()).then(|| {
            // single characters: a plain search finds every one (none overlaps another)
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(own.iter().map(|&k| &literals[k as usize]))
                .expect("a few characters fit an automaton");
            (ac, own)
        });
        let n = patterns.len();
        let warm = opens.iter().map(|_| AtomicBool::new(false)).collect();
        let mut members: Vec<u32> = if unions {
            opens.iter().flatten().copied().collect()
        } else {
            Vec::new()
        };
        members.sort_unstable();
        members.dedup();
        Patterns {
            regexes: patterns
                .into_iter()
                .map(|(r, source)| (r, LazyRegex::new(source)))
                .collect(),
            scratch: Pool::new(Box::new(move || Scratch {
                caches: (0..n).map(|_| None).collect(),
                union_cache: None,
                last_end: vec![0; n],
                touched: Vec::new(),
                sketch: super::required::Sketch::new(),
                sketched: false,
                can: vec![None; n],
                can_looked: Vec::new(),
            }) as ScratchFn),
            required,
            required_literals,
            literals,
            opens,
            warm,
            union: (members, OnceLock::new()),
            shared,
            ascii,
            han,
            han_bits,
            own,
            always,
            bounded,
        }
    }

    /// The gate literals the caller finds: (literal id, text).
    pub(crate) fn shared_literals(&self) -> impl Iterator<Item = (u32, &str)> {
        self.shared.iter().map(|&k| (k, self.literals[k as usize].as_str()))
    }

    /// Every match of the regexes whose rule is `active`, as `(rule, range)`: for each regex,
    /// its leftmost-first matches from left to right, not overlapping, none empty (as
    /// `find_iter` gives them). Gated regexes are tried only where one of their prefix
    /// literals starts, anchored there. `starts`: (literal id, folded offset) of every
    /// occurrence of the [shared literals](Patterns::shared_literals) in `text` (any order;
    /// reused as scratch space).
    pub(crate) fn find(
        &self,
        text: &str,
        starts: &mut Vec<(u32, u32)>,
        active: impl Fn(usize) -> bool,
        mut found: impl FnMut(usize, Range<usize>),
    ) {
        for &i in &self.always {
            let (rule, re) = &self.regexes[i as usize];
            let can_match = || {
                self.required[i as usize].as_ref().is_none_or(|lits| {
                    lits.iter()
                        .any(|&k| text.contains(self.required_literals[k as usize].0.as_str()))
                })
            };
            if active(*rule) && can_match() {
                for m in re.find_iter(text).filter(|m| !m.is_empty()) {
                    found(*rule, m.range());
                }
            }
        }
        // one pass over the bytes: ASCII literals by table, ideographs (3-byte sequences led by
        // E4 to E9) by their bit, then their literal
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            if b < 0x80 {
                let k = self.ascii[b as usize];
                if k != u32::MAX {
                    starts.push((k, at as u32));
                }
                at += 1;
                continue;
            }
            if (0xE4..=0xE9).contains(&b) && at + 2 < bytes.len() {
                let c = (u32::from(b & 0x0F) << 12)
                    | (u32::from(bytes[at + 1] & 0x3F) << 6)
                    | u32::from(bytes[at + 2] & 0x3F);
                if let Some(i) = han_gate(c)
                    && self.han_bits[i / 64] & (1 << (i % 64)) != 0
                    && let Ok(j) = self.han.binary_search_by_key(&c, |&(h, _)| h as u32)
                {
                    starts.push((self.han[j].1, at as u32));
                }
                at += 3;
                continue;
            }
            at += match b {
                0xF0.. => 4,
                0xE0.. => 3,
                0xC0.. => 2,
                _ => 1,
            };
        }
        if let Some((ac, own)) = &self.own {
            starts.extend(
                ac.find_iter(text)
                    .map(|m| (own[m.pattern().as_usize()], m.start() as u32)),
            );
        }
        if starts.is_empty() {
            return;
        }
        if !starts.is_sorted_by_key(|&(_, at)| at) {
            starts.sort_unstable_by_key(|&(_, at)| at);
        }
        let mut scratch = self.scratch.get();
        let scratch = &mut *scratch;
        for i in scratch.touched.drain(..) {
            scratch.last_end[i as usize] = 0;
        }
        scratch.sketched = false;
        for i in scratch.can_looked.drain(..) {
            scratch.can[i as usize] = None;
        }
        // the regexes this text opens that were never compiled and can match in it: on two
        // cores, both compile them (a cold start opens a dozen; a warm linter none). With the
        // union, a regex is compiled only where the union matches, one at a time, and the
        // union is one automaton.
        if !self.united() && crate::split::two_cores() {
            let mut cold: Vec<u32> = Vec::new();
            for &(lit, _) in starts.iter() {
                let warm = &self.warm[lit as usize];
                if warm.load(Ordering::Relaxed) {
                    continue;
                }
                let mut all = true;
                for &i in &self.opens[lit as usize] {
                    let (rule, re) = &self.regexes[i as usize];
                    if !re.is_compiled() {
                        all = false;
                        if !cold.contains(&i) && active(*rule) && scratch.can_match(self, i, text) {
                            cold.push(i);
                        }
                    }
                }
                if all {
                    warm.store(true, Ordering::Relaxed);
                }
            }
            if cold.len() > 1 {
                crate::split::map(
                    &cold,
                    2,
                    |&i| self.regexes[i as usize].1.source.len(),
                    |&i| {
                        self.regexes[i as usize].1.forward();
                    },
                );
            }
        }
        let bytes = text.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        for &(lit, at) in starts.iter() {
            let at = at as usize;
            // inside a run of ASCII word characters: no ASCII word boundary here
            let inside_word = at > 0 && is_word(bytes[at]) && is_word(bytes[at - 1]);
            // nearly every opening: none of the regexes this literal opens can match here
            if self.united()
                && let Some(union) = self.union()
                && !union.matches_at(text, at, &mut scratch.union_cache)
            {
                continue;
            }
            for &i in &self.opens[lit as usize] {
                let (rule, re) = &self.regexes[i as usize];
                if at < scratch.last_end[i as usize] || (inside_word && self.bounded[i as usize]) || !active(*rule) {
                    continue;
                }
                // without the union (a one-off check, a rule's exceptions), a regex whose
                // required literals the text does not hold is neither compiled nor asked (with
                // it, the union's answer costs less than the sketch: measured)
                if !self.united() && !scratch.can_match(self, i, text) {
                    continue;
                }
                if let Some(end) = re.match_at(text, at, &mut scratch.caches[i as usize]) {
                    scratch.last_end[i as usize] = end;
                    scratch.touched.push(i);
                    found(*rule, at..end);
                }
            }
        }
    }

    /// Whether the union is asked first at every opening (else each regex is asked): it was
    /// asked for and holds the gated regexes.
    fn united(&self) -> bool {
        !self.union.0.is_empty()
    }

    /// The union of the gated regexes, compiled on first use (`None`: it cannot be built;
    /// then each regex is asked).
    fn union(&self) -> Option<&Forward> {
        let (members, union) = &self.union;
        union
            .get_or_init(|| {
                let sources: Vec<&str> = members
                    .iter()
                    .map(|&i| self.regexes[i as usize].1.source.as_str())
                    .collect();
                Forward::union(&sources)
            })
            .as_ref()
    }

    /// How many regexes run on every text (no finite prefix set).
    #[cfg(test)]
    pub(crate) fn ungated(&self) -> usize {
        self.always.len()
    }
}

#[cfg(test)]
mod tests {
    /// The table of the builtin regexes' gates, as the parser reads them now; rewritten with
    /// `REDLINT_BLESS=1`. A stale table costs start-up time, never a match: a regex it does not
    /// hold is parsed.
    #[test]
    fn gates_table_is_current() {
        type Row = (u64, usize, bool, Option<Vec<String>>, Option<Vec<String>>);
        let mut rows: Vec<Row> = crate::Pack::builtin()
            .into_iter()
            .flat_map(|p| p.rules)
            .flat_map(|r| r.patterns.into_iter().chain(r.exception_patterns))
            .map(|source| {
                let g = super::analyse(&source);
                (
                    super::gates_table::hash(&source),
                    source.len(),
                    g.bounded,
                    g.literals,
                    g.required,
                )
            })
            .collect();
        rows.sort();
        rows.dedup();
        assert!(
            rows.windows(2).all(|w| w[0].0 != w[1].0),
            "two builtin regexes share a hash"
        );
        let mut out = String::from(
            "// @generated by `REDLINT_BLESS=1 cargo test --lib gates_table` from the builtin packs' regexes\n\
             // and exception patterns: (FNV-1a hash of the source, its length, starts at an ASCII word boundary, gate literals,\n\
             // literals one of which every match holds).\n\
             // Do not edit.\n\n",
        );
        out += &format!(
            "#[rustfmt::skip]\n\
             pub(super) type Row = (u64, u32, bool, Option<&'static [&'static str]>, Option<&'static [&'static str]>);\n\n\
             #[rustfmt::skip]\n\
             pub(super) static GATES: [Row; {}] = [\n",
            rows.len()
        );
        let list = |l: &Option<Vec<String>>| match l {
            None => "None".to_owned(),
            Some(l) => format!(
                "Some(&[{}])",
                l.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ")
            ),
        };
        for (h, len, bounded, lits, required) in &rows {
            out += &format!(
                "    ({h:#018x}, {len}, {bounded}, {}, {}),\n",
                list(lits),
                list(required)
            );
        }
        out += "];\n";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/linter/gates_table.rs");
        if std::env::var_os("REDLINT_BLESS").is_some() {
            std::fs::write(path, &out).expect("write the gates table");
        }
        let now = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            now == out,
            "src/linter/gates_table.rs is stale: run `REDLINT_BLESS=1 cargo test --lib gates_table`"
        );
    }

    use super::*;

    #[test]
    fn prefixes_of_pack_shapes() {
        let p = prefixes(r"(?-u:\b)(?:https?|ftp)\s?:\s?/\s?/").unwrap();
        assert!(p.iter().any(|l| l.starts_with("http")), "{p:?}");
        let q = prefixes(r"(?:qq|(?-u:\b)q|(?-u:\b)qun)x").unwrap();
        assert!(q.iter().all(|l| l.starts_with('q')), "{q:?}");
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

    /// `find` with every gate literal found by its own automaton, or with those made of
    /// letters, digits and Han characters found by a naive search handed in (as the linter's
    /// term automaton does): the same matches either way.
    fn found(p: &Patterns, t: &str) -> Vec<String> {
        let mut v = Vec::new();
        let mut starts = Vec::new();
        for (k, lit) in p.shared_literals() {
            starts.extend(t.match_indices(lit).map(|(at, _)| (k, at as u32)));
        }
        p.find(t, &mut starts, |_| true, |rule, r| v.push(format!("{rule}:{}", &t[r])));
        v
    }

    #[test]
    fn gated_regexes_run_only_where_they_can_match() {
        let patterns = || {
            vec![
                (0, r"(?-u:\b)(?:https?|ftp)\s?:\s?/\s?/".to_owned()),
                (1, "群[1-9][0-9]{5}".to_owned()),
                (2, r"\p{Han}好".to_owned()),
                (3, r"@[1-9][0-9]{5,10}".to_owned()),
            ]
        };
        let alone = Patterns::new(patterns(), |_| false, false);
        let shared = Patterns::new(patterns(), char::is_alphanumeric, false);
        let united = Patterns::new(patterns(), char::is_alphanumeric, true);
        assert_eq!(alone.ungated(), 1);
        assert_eq!(alone.shared_literals().count(), 0);
        assert!(shared.shared_literals().any(|(_, l)| l.starts_with('群')));
        assert!(!shared.shared_literals().any(|(_, l)| l.contains('@')));
        for p in [&alone, &shared, &united] {
            assert!(found(p, "今天天气").is_empty());
            assert_eq!(
                found(p, "看 http://x 和群123456, 群1234567 很好 @1234567"),
                ["2:很好", "0:http://", "1:群123456", "1:群123456", "3:@1234567"]
            );
            // leftmost-first and not overlapping, as find_iter: 群群123456 matches once
            assert_eq!(found(p, "群群123456"), ["1:群123456"]);
        }
        // the union of every regex only filters: where it matches for a regex another
        // literal opens (群聊 at 群), the regexes of this literal are asked and do not match
        let two = || {
            vec![
                (0, "群[1-9][0-9]{5}".to_owned()),
                (1, "群聊|群主".to_owned()),
                (2, "主[0-9]".to_owned()),
            ]
        };
        for p in [
            Patterns::new(two(), |_| false, false),
            Patterns::new(two(), |_| false, true),
            Patterns::new(two(), char::is_alphanumeric, true),
        ] {
            assert_eq!(
                found(&p, "群聊 群主 群123456 主1"),
                ["1:群聊", "1:群主", "0:群123456", "2:主1"]
            );
        }
        // anchored where a literal starts, yet look-arounds see the text before it
        let b = Patterns::new(vec![(0, r"(?-u:\b)qq[0-9]{5}".to_owned())], |_| false, false);
        assert_eq!(found(&b, "aqq12345 qq12345"), ["0:qq12345"]);
    }

    #[test]
    fn without_the_union_a_regex_runs_only_where_the_text_may_hold_its_required_literals() {
        let p = Patterns::new(
            vec![(0, r"加\s?(?:微信|vx)[0-9]".to_owned()), (1, "加油".to_owned())],
            |_| false,
            false,
        );
        // 加 opens both; the text holds neither 微信 nor vx: the first is never compiled
        assert_eq!(found(&p, "加油加油，加把劲"), ["1:加油", "1:加油"]);
        assert!(!p.regexes[0].1.is_compiled());
        assert_eq!(found(&p, "加油 加 vx1"), ["1:加油", "0:加 vx1"]);
        assert!(p.regexes[0].1.is_compiled());
        // each text is sketched anew
        assert_eq!(found(&p, "加微信"), Vec::<String>::new());
        assert_eq!(found(&p, "加微信2"), ["0:加微信2"]);
    }

    #[test]
    fn no_required_literals_where_gap_narrows_a_class() {
        // `{gap}` is analysed as any character: sound where it widens a class, not in a
        // negated one (`[^{gap}]` would read as nothing, and `(?:[^{gap}]|x)y` as `xy`)
        assert!(analyse("(?:[^{gap}]|x)y").required.is_none());
        assert_eq!(analyse("加{gap}?(?:微信|vx)").required.unwrap(), ["vx", "微信"]);
    }

    #[test]
    fn literals_are_whole_characters() {
        // a class of Han characters: one literal per character, not a byte of one
        let p = prefixes("[一二三四五六七八九十两0-9]+天").unwrap();
        assert!(p.contains(&"一".to_owned()) && p.contains(&"7".to_owned()), "{p:?}");
        assert!(p.iter().all(|l| !l.is_empty()));
    }

    /// Every builtin regex over generated texts (digits in every style, handles, links, the
    /// cue characters, separators): the gated, anchored search finds exactly what a plain
    /// `find_iter` of each regex finds, with the literals made of letters, digits and Han
    /// characters handed in as the term automaton hands them, and with none handed in.
    mod generated {
        use proptest::prelude::*;

        use super::*;

        const PIECES: &[&str] = &[
            "1", "3", "8", "9", "0", "13", "86", "一", "三", "八", "两", "幺", "壹", "q", "v", "x", "w", "qq", "vx",
            "wx", "ab", "com", "http", "www", "@", "+", "¥", "$", ".", ":", "/", " ", "-", "群", "裙", "加", "微",
            "信", "号", "最", "好", "天", "见效", "满", "减", "前", "名", "下单", "原价", "现价", "月入", "万", "日",
            "赚", "高仿", "复刻", "链接", "\n", "。", "，", "的", "我",
        ];

        /// The builtin regexes compiled plainly (with their index), and gated three ways: the
        /// literals handed in (with and without the unions of the regexes one opens), none.
        type Built = (Vec<(usize, Regex)>, [Patterns; 3]);

        /// [`Built`], built once.
        fn builtin() -> &'static Built {
            static BUILT: OnceLock<Built> = OnceLock::new();
            BUILT.get_or_init(|| {
                let sources: Vec<(usize, String)> = crate::Pack::builtin()
                    .into_iter()
                    .flat_map(|p| p.rules)
                    .flat_map(|r| r.patterns)
                    .enumerate()
                    .collect();
                let plain = sources
                    .iter()
                    .map(|(rule, s)| (*rule, compile_regex(s).expect("builtin regexes compile")))
                    .collect();
                let kept = |c: char| c.is_alphanumeric() || c == '\n';
                (
                    plain,
                    [
                        Patterns::new(sources.clone(), kept, true),
                        Patterns::new(sources.clone(), kept, false),
                        Patterns::new(sources, |_| false, true),
                    ],
                )
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            #[test]
            fn same_matches_as_find_iter(parts in prop::collection::vec(0..PIECES.len(), 0..60)) {
                let text: String = parts.iter().map(|&i| PIECES[i]).collect();
                let (plain, gated) = builtin();
                let mut want: Vec<(usize, Range<usize>)> = Vec::new();
                for (rule, re) in plain {
                    want.extend(re.find_iter(&text).filter(|m| !m.is_empty()).map(|m| (*rule, m.range())));
                }
                want.sort_by_key(|(r, m)| (*r, m.start));
                for p in gated {
                    let mut starts = Vec::new();
                    for (k, lit) in p.shared_literals() {
                        for (at, _) in text.char_indices().filter(|(at, _)| text[*at..].starts_with(lit)) {
                            starts.push((k, at as u32));
                        }
                    }
                    let mut got = Vec::new();
                    p.find(&text, &mut starts, |_| true, |rule, m| got.push((rule, m)));
                    got.sort_by_key(|(r, m)| (*r, m.start));
                    prop_assert_eq!(&got, &want, "{:?}", text);
                }
            }
        }
    }
}
