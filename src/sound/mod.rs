//! Matching terms by how they read: `威❤信`, `weixin`, `wei信`, `薇信` all read `wei xin`, and
//! `gzh` is the initials of 公众号; `闲🐟` reads `xian yu`.
//!
//! A pack opts a rule's terms in (`read = ["sound", "initials"]`, see `rules/README.md`). Each
//! such term is read once, at build time, into every sequence of syllables it can be read as
//! (all readings of a polyphonic character), and those sequences go into one trie.
//!
//! A text is read into a small lattice over its *folded* view: one node between two readable
//! units, one edge per reading of a unit. Han characters, in terms and in text, are read in
//! their main reading only: a writer picks a stand-in by how it usually sounds. A unit is a Han character (an edge per reading), a
//! run of Latin letters (an edge per syllable of every way of spelling the whole run as
//! pinyin, and, when a term wants initials, one edge per letter), or an emoji that stands for
//! a one- or two-character word (CLDR). Separators (spaces, punctuation, symbols) are skipped
//! as in the compact view; anything else that cannot be read as part of a term (digits, other
//! scripts, a line break, a Han character whose readings are in no term) breaks the lattice.
//! Only syllables that occur in some term make edges, so ordinary text makes few.
//!
//! The trie is walked from every node. What comes out is a candidate: the engine still checks
//! gaps, cues, exceptions and whether the candidate is an ordinary word (see `linter/disguise.rs`).
//! Candidates that are the term spelled plainly are left to the literal matcher.

use std::ops::Range;

mod lattice;

use lattice::{Froms, Lattice, Next, Pending, Regions, Unit, Units};

use crate::normalize::reading::{self, Syllable};

/// Trie keys: a syllable, or `INITIAL | letter` for an initial written as a Latin letter.
const INITIAL: u32 = 1 << 16;

/// How a term hit was read, as flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct How(u8);

impl How {
    /// A Han character of another sound-alike character (`薇` for `微`).
    pub const HOMOPHONE: How = How(1);
    /// Pinyin written in Latin letters (`dou音`).
    pub const PINYIN: How = How(2);
    /// Initials (`gzh`).
    pub const INITIALS: How = How(4);
    /// An emoji for a character or a word (`闲🐟`, `🍺`).
    pub const EMOJI: How = How(8);
    /// The characters set apart by symbols or spaces (`淘❤宝`).
    pub const SPACED: How = How(16);
    /// A numeral written as a digit (`唯1`, `第1`).
    pub const DIGIT: How = How(32);
    /// One inner character masked by a symbol or an `x` (`奥x司他`, `电*烟`).
    pub const MASKED: How = How(64);
    /// Digits written for the letters they look like inside a Latin word (`v4pe`, `b0tox`).
    pub const LOOKALIKE: How = How(128);

    /// The flags but [`How::SPACED`]: how the characters themselves were written.
    pub fn kinds(self) -> How {
        How(self.0 & !How::SPACED.0)
    }

    /// Whether every flag of `other` is set.
    pub fn contains(self, other: How) -> bool {
        self.0 & other.0 == other.0
    }

    /// The names of the flags, for reports: `sound`, `pinyin`, `initials`, `emoji`.
    pub fn names(self) -> Vec<&'static str> {
        [
            (How::HOMOPHONE, "sound"),
            (How::PINYIN, "pinyin"),
            (How::INITIALS, "initials"),
            (How::EMOJI, "emoji"),
            (How::SPACED, "spaced"),
            (How::DIGIT, "digit"),
            (How::MASKED, "masked"),
            (How::LOOKALIKE, "look-alike"),
        ]
        .into_iter()
        .filter(|&(f, _)| self.contains(f))
        .map(|(_, n)| n)
        .collect()
    }
}

impl std::ops::BitOrAssign for How {
    fn bitor_assign(&mut self, rhs: How) {
        self.0 |= rhs.0;
    }
}

/// Which readings of a term [`SoundIndex::add_read`] leaves out because the linter's guards
/// would refuse them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// None: the rule asked for its readings, or has cues.
    Off,
    /// The default readings' guards.
    Default {
        /// The term names a thing (a brand, a drug, a procedure), also read as its first
        /// character and the initial of its second (`悦k` for 悦刻, `肉d` for 肉毒).
        named: bool,
    },
}

/// A term read by sound.
#[derive(Debug, Clone)]
pub struct SoundTerm {
    /// The rule it belongs to (index in the linter).
    pub rule: u32,
    /// Its index in the rule's `terms`, or `None` for a `disguised_terms` entry.
    pub term: Option<u32>,
    /// The folded term (`微信`).
    pub text: String,
    chars: Vec<char>,
    /// A term of two characters that may be read with both swapped (a platform said again by
    /// its sound before a cue: 斗阴 for 抖音); see [`SoundIndex::respell_pair`].
    pair_respelled: bool,
}

#[derive(Debug, Default, Clone)]
struct TrieNode {
    /// (key, child), sorted by key.
    children: Vec<(u32, u32)>,
    /// Indices into `SoundIndex::terms` of the terms that end here.
    ends: Vec<u32>,
}

/// Every opted-in term's readings, in one trie.
#[derive(Debug, Clone)]
pub struct SoundIndex {
    nodes: Vec<TrieNode>,
    terms: Vec<SoundTerm>,
    /// `live[s]`: syllable `s` occurs in some term.
    live: Vec<bool>,
    /// Letters that are the initial of a syllable of some initials-opted term.
    live_initials: [bool; 26],
    /// Bit `a * live.len() + b` of `pairs`: syllable `b` follows syllable `a` in some term. A Han
    /// character that makes no such pair with its neighbours cannot be part of a reading and
    /// is not put into the lattice (most characters of ordinary text).
    pairs: Vec<u64>,
    /// The trie node after the root for each key a term starts with (`u32::MAX`: none),
    /// indexed by key (syllables, then `INITIAL | letter`): one array read per edge.
    root: Vec<u32>,
    /// The terms of three characters or more by each inner character masked out (see
    /// [`SoundIndex::masked`]), built the first time a text holds a mask.
    masked: std::sync::OnceLock<crate::FastMap<u64, Vec<u32>>>,
    /// `other_readings[s]`: the main readings of the terms' polyphones that also read `s` (血,
    /// xue, also read xie): a Latin syllable is read as those too, so that pinyin typed as
    /// the character is said (降xie压) reads as the term; a Han character stands for its main
    /// reading only.
    other_readings: Vec<Vec<Syllable>>,
}

/// Most reading sequences one term goes into the trie as (a guard for long polyphonic terms).
const MAX_READINGS: usize = 64;

/// A term read in a text.
#[derive(Debug, Clone)]
pub struct SoundHit {
    /// Index into [`SoundIndex::term`].
    pub term: u32,
    /// The folded-view byte range of each unit of the text that was read, in order.
    pub units: Vec<Range<usize>>,
    /// How it was written.
    pub how: How,
    /// The Han characters that stand for another character of the same sound (`薇` of `薇信`).
    pub swapped: Vec<char>,
    /// How many characters the term has.
    pub term_chars: usize,
    /// Runs of two or more swapped characters in a row (`弟弟` of `弟弟我` read as 滴滴我):
    /// if such a run is a word, the text is that word.
    pub swapped_runs: Vec<String>,
    /// How many characters of the term are written as themselves (`烟` of `dz烟`).
    pub plain: usize,
    /// How many are written as an initial letter.
    pub initials: usize,
    /// How many are written as an emoji.
    pub emoji: usize,
}

impl SoundHit {
    /// The folded-view bytes the reading covers, from its first unit's start to its last's end.
    pub fn folded_span(&self) -> (usize, usize) {
        (self.units[0].start, self.units[self.units.len() - 1].end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Han(char),
    /// A digit for this numeral.
    Digit(char),
    Latin,
    /// Pinyin read as another reading of a polyphone (xie for 血): in a term of three
    /// characters or more only, where the others say what was meant (降xie压; 完bo is no 完爆).
    LatinOther,
    Initial,
    Emoji,
}

#[derive(Debug, Clone)]
struct Edge {
    from: u32,
    to: u32,
    key: u32,
    kind: Kind,
    /// Folded-view bytes of the unit this edge reads.
    unit: Range<usize>,
}

impl Default for SoundIndex {
    fn default() -> Self {
        SoundIndex {
            nodes: vec![TrieNode::default()],
            terms: Vec::new(),
            live: vec![false; reading::count()],
            pairs: vec![0; (reading::count() * reading::count()).div_ceil(64)],
            live_initials: [false; 26],
            root: vec![u32::MAX; (INITIAL + 128) as usize],
            masked: std::sync::OnceLock::new(),
            other_readings: vec![Vec::new(); reading::count()],
        }
    }
}

impl SoundIndex {
    /// Whether no term was added.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// How many terms were added (the next one's index).
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Lets term `i`, of two characters, be read with both swapped for same-sounding ones
    /// (斗阴 for 抖音): for names a rule's cue follows, which the linter checks, with the
    /// words both characters would make.
    pub fn respell_pair(&mut self, i: u32) {
        let t = &mut self.terms[i as usize];
        t.pair_respelled = t.chars.len() == 2;
    }

    /// The terms that `chars` are with the character at `at` masked out (`奥?司他` with `at` 1
    /// for 奥利司他). Only characters that are not the first or the last are masked: the ends
    /// hold a term's shape. The index (term, masked position) is built the first time a text
    /// holds a mask, keyed by a hash of the characters around the mask; candidates are checked
    /// character by character.
    pub fn masked<'a>(&'a self, chars: &'a [char], at: usize) -> impl Iterator<Item = u32> + 'a {
        let map = self.masked.get_or_init(|| {
            let mut map: crate::FastMap<u64, Vec<u32>> = crate::FastMap::default();
            for (i, t) in self.terms.iter().enumerate() {
                for p in 1..t.chars.len().saturating_sub(1) {
                    map.entry(masked_key(&t.chars, p)).or_default().push(i as u32);
                }
            }
            map
        });
        map.get(&masked_key(chars, at))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(move |&t| {
                let term = &self.terms[t as usize].chars;
                term.len() == chars.len() && term.iter().zip(chars).enumerate().all(|(j, (a, b))| j == at || a == b)
            })
    }

    /// A term by its index in hits.
    pub fn term(&self, i: u32) -> &SoundTerm {
        &self.terms[i as usize]
    }

    /// Adds a folded term of two or more Han characters, read by sound (every reading) and,
    /// if `initials`, by initials too (all of them, or mixed with syllables: `dz烟`). Returns
    /// false (and adds nothing) for a term that is not all Han.
    pub fn add(&mut self, rule: u32, term: Option<u32>, folded: &str, sound: bool, initials: bool) -> bool {
        self.add_read(rule, term, folded, sound, initials, Guard::Off)
    }

    /// [`SoundIndex::add`], and when `guard` is [`Guard::Default`] (a term read by default,
    /// without cues: see `default_reading_ok` in `linter/disguise.rs`) the key sequences its
    /// guards refuse anyway (initials beside fewer than two syllables, initials alone under
    /// four characters) are not indexed, so the trie and its build stay small.
    pub fn add_read(
        &mut self,
        rule: u32,
        term: Option<u32>,
        folded: &str,
        sound: bool,
        initials: bool,
        guard: Guard,
    ) -> bool {
        let chars: Vec<char> = folded.chars().collect();
        if chars.len() < 2 || chars.iter().any(|&c| reading::han(c).is_empty()) {
            return false;
        }
        let index = self.terms.len() as u32;
        // per char, its keys in its main reading (the first of the table: 微信 is disguised as
        // wei xin, not in a rare reading of 信): the syllable (sound), then the initial
        let keys: Vec<Vec<u32>> = chars
            .iter()
            .map(|&c| {
                let s = reading::han(c)[0];
                let mut k = Vec::with_capacity(2);
                if sound {
                    k.push(u32::from(s));
                }
                if initials {
                    k.push(INITIAL | u32::from(reading::initial(s)));
                }
                k
            })
            .collect();
        // (a polyphone's other readings, for pinyin typed as the character is said)
        if sound {
            for &c in &chars {
                let Some((&main, others)) = reading::han(c).split_first() else {
                    continue;
                };
                for &o in others.iter().filter(|&&o| o != main) {
                    if !self.other_readings[o as usize].contains(&main) {
                        self.other_readings[o as usize].push(main);
                    }
                }
            }
        }
        // two syllables side by side in a term open a reading of the text there
        let n = self.live.len();
        if sound {
            // (and a character said in the other accent beside its neighbour: 电纸 of 电纸烟)
            let said = |k: u32| [Some(k), reading::accent_twin(k as Syllable).map(u32::from)];
            for w in keys.windows(2) {
                for a in said(w[0][0]).into_iter().flatten() {
                    for b in said(w[1][0]).into_iter().flatten() {
                        let bit = a as usize * n + b as usize;
                        self.pairs[bit / 64] |= 1 << (bit % 64);
                    }
                }
            }
        }
        self.terms.push(SoundTerm {
            rule,
            term,
            text: folded.to_owned(),
            chars,
            pair_respelled: false,
        });
        // every sequence of keys, depth first so that a shared prefix is walked once, in the
        // order the first MAX_READINGS of them are kept (syllables before initials)
        let mut walk = Walk {
            keys: &keys,
            index,
            guarded: guard != Guard::Off,
            named: guard == Guard::Default { named: true },
            left: MAX_READINGS,
        };
        walk.from(self, 0, 0, 0, true);
        true
    }

    /// Keeps `folded` as a term only named in readings found elsewhere (a Latin word read with
    /// digits for letters), not read by sound: its index, for [`SoundIndex::term`].
    pub fn add_named(&mut self, rule: u32, term: Option<u32>, folded: &str) -> u32 {
        self.terms.push(SoundTerm {
            rule,
            term,
            text: folded.to_owned(),
            chars: folded.chars().collect(),
            pair_respelled: false,
        });
        (self.terms.len() - 1) as u32
    }

    /// Reads `folded` (a folded view) and returns every term read in it that is not simply
    /// the term written plainly.
    pub fn scan(&self, folded: &str) -> Vec<SoundHit> {
        if self.is_empty() {
            return Vec::new();
        }
        // this thread's buffers, kept from one text to the next (a fresh set when they are in
        // use, which nothing here does)
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => self.scan_with(folded, &mut scratch),
            Err(_) => self.scan_with(folded, &mut Scratch::default()),
        })
    }

    /// [`SoundIndex::scan`] with buffers to reuse.
    fn scan_with(&self, folded: &str, scratch: &mut Scratch) -> Vec<SoundHit> {
        let mut hits: Vec<SoundHit> = Vec::new();
        let Scratch { regions, lattice, path } = scratch;
        path.clear();
        self.regions_into(folded, regions);
        for region in regions.iter() {
            self.lattice_into(&folded[region.clone()], lattice);
            let lattice = &*lattice;
            let first = hits.len();
            for (e, edge) in lattice.edges.iter().enumerate() {
                let next = self.root[edge.key as usize];
                if next == u32::MAX || lattice.internal[edge.from as usize] {
                    continue;
                }
                path.push(e);
                self.walk(lattice, next as usize, edge.to, path, &mut hits);
                path.pop();
            }
            for u in hits[first..].iter_mut().flat_map(|h| h.units.iter_mut()) {
                *u = u.start + region.start..u.end + region.start;
            }
        }
        if hits.is_empty() {
            return hits;
        }
        hits.sort_by_key(|h| (h.units[0].start, h.units.last().map_or(0, |u| u.end), h.term));
        hits.dedup_by_key(|h| (h.units[0].start, h.units.last().map_or(0, |u| u.end), h.term));
        hits
    }

    /// The parts of `folded` that may read as a term, each read into a lattice of its own: runs
    /// of units (Han characters, Latin runs, emoji standing for words) each joined to the next
    /// as some term's readings can be: two Han characters whose main readings follow each
    /// other in some term, or anything beside Latin letters or an emoji. A reading never
    /// crosses from one run to the next (no term has the syllables on either side in a row),
    /// so most of a text (about nine characters in ten of real notes) is passed over by this
    /// cheap pass and never built into a lattice. Units are classified as `lattice` does.
    /// They go into `regions`, cleared first.
    fn regions_into(&self, folded: &str, regions: &mut Vec<Range<usize>>) {
        regions.clear();
        let mut r = Regions {
            pair: |a, b| self.pair(a, b),
            regions: std::mem::take(regions),
            open: None,
            last: None,
        };
        for unit in self.units(folded) {
            match unit {
                Unit::Latin(at) | Unit::Emoji(_, at) | Unit::Zhuyin(_, at) => r.unit(None, at),
                Unit::Han(_, s, at) | Unit::Digit(_, s, at) => r.unit(Some(s), at),
                Unit::Break => r.cut(),
            }
        }
        r.cut();
        *regions = r.regions;
    }

    fn walk(&self, lat: &Lattice, trie: usize, node: u32, path: &mut Vec<usize>, hits: &mut Vec<SoundHit>) {
        let ends = &self.nodes[trie].ends;
        // text written plainly as one of the same-sounding terms that end here (微信 among 维信,
        // 微心…) is that term: the literal matcher's, not a disguise of the others
        if !ends.is_empty() && !lat.internal[node as usize] && !ends.iter().any(|&t| self.as_written(lat, t, path)) {
            for &t in ends {
                if let Some(hit) = self.hit(lat, t, path) {
                    hits.push(hit);
                }
            }
        }
        let from = lat.first_edge(node);
        for e in from..lat.edges.len() {
            let edge = &lat.edges[e];
            if edge.from != node {
                break;
            }
            let children = &self.nodes[trie].children;
            if let Ok(i) = children.binary_search_by_key(&edge.key, |&(k, _)| k) {
                path.push(e);
                self.walk(lat, children[i].1 as usize, edge.to, path, hits);
                path.pop();
            }
        }
    }

    /// A candidate for term `t` along `path`, unless it is the plain term or too weak a reading.
    fn hit(&self, lat: &Lattice, t: u32, path: &[usize]) -> Option<SoundHit> {
        let term = &self.terms[t as usize];
        let mut how = How::default();
        let mut swapped = Vec::new();
        let mut swapped_runs: Vec<String> = Vec::new();
        let mut run = String::new();
        let (mut initials, mut as_written, mut emoji) = (0, 0, 0);
        for (pos, &e) in path.iter().enumerate() {
            match lat.edges[e].kind {
                Kind::Han(c) if c != term.chars[pos] => {
                    swapped.push(c);
                    run.push(c);
                    how |= How::HOMOPHONE;
                }
                Kind::Han(_) => as_written += 1,
                // a digit stands for its own numeral only (唯1), never for a sound-alike
                Kind::Digit(c) if c != term.chars[pos] => return None,
                Kind::Digit(_) => how |= How::DIGIT,
                Kind::Latin => how |= How::PINYIN,
                Kind::LatinOther if term.chars.len() < 3 => return None,
                Kind::LatinOther => how |= How::PINYIN,
                Kind::Initial => {
                    initials += 1;
                    how |= How::INITIALS;
                }
                Kind::Emoji => {
                    emoji += 1;
                    how |= How::EMOJI;
                }
            }
            let swapped_here = matches!(lat.edges[e].kind, Kind::Han(c) if c != term.chars[pos]);
            if !swapped_here || pos + 1 == path.len() {
                if run.chars().count() >= 2 {
                    swapped_runs.push(std::mem::take(&mut run));
                }
                run.clear();
            }
        }
        let n = path.len();
        for pair in path.windows(2) {
            if lat.edges[pair[0]].unit.end < lat.edges[pair[1]].unit.start {
                how |= How::SPACED;
            }
        }
        // the term as written, characters side by side: the literal matcher's
        let plain = how == How::default();
        // one disguise at a time: a swapped character beside pinyin, initials or an emoji
        // (`w拍`, `x银`, `鲜粥☺`) reads too loosely to be a term
        let kinds = how.kinds();
        let mixed = !swapped.is_empty() && kinds != How::HOMOPHONE;
        // an emoji alone (😁 for 笑眼, read as 小烟) is a picture, not a word
        let lone_emoji = kinds == How::EMOJI && path.iter().all(|&e| lat.edges[e].unit == lat.edges[path[0]].unit);
        // all initials: three letters at least (`gzh`, `pyq`); two letters are too common
        let weak_initials = initials == n && n < 3;
        // every character swapped for another: a different word (or a name), not a disguise;
        // in three characters or more, left to the linter, which reads a product's name so
        // (爱思佐伦 for 艾司唑仑: `respelled_name` in `linter/disguise.rs`)
        let all_swapped = swapped.len() == n && n < 3 && !term.pair_respelled;
        if plain || weak_initials || all_swapped || mixed || lone_emoji {
            return None;
        }
        // a unit is one Latin run, one emoji or one character: merge edges of one run
        let mut units: Vec<Range<usize>> = Vec::with_capacity(n);
        for &e in path {
            let u = lat.edges[e].unit.clone();
            match units.last_mut() {
                Some(last) if last.end > u.start => last.end = last.end.max(u.end),
                _ => units.push(u),
            }
        }
        Some(SoundHit {
            term: t,
            units,
            how,
            swapped,
            term_chars: n,
            swapped_runs,
            plain: as_written,
            initials,
            emoji,
        })
    }

    /// Whether `path` is term `t` as written, its characters side by side.
    fn as_written(&self, lat: &Lattice, t: u32, path: &[usize]) -> bool {
        let chars = &self.terms[t as usize].chars;
        path.iter()
            .enumerate()
            .all(|(pos, &e)| lat.edges[e].kind == Kind::Han(chars[pos]))
            && path
                .windows(2)
                .all(|w| lat.edges[w[0]].unit.end == lat.edges[w[1]].unit.start)
    }

    /// [`SoundIndex::lattice_into`] a new lattice.
    #[cfg(test)]
    fn lattice(&self, folded: &str) -> Lattice {
        let mut lat = Lattice::default();
        self.lattice_into(folded, &mut lat);
        lat
    }

    /// The lattice of readings over `folded` (see the module doc), into `lat` (cleared first).
    fn lattice_into(&self, folded: &str, lat: &mut Lattice) {
        lat.edges.clear();
        lat.internal.clear();
        lat.internal.push(false); // node 0, before the text
        // The nodes the next unit's edges start from: the node after the last unit, and after
        // an emoji also the node before it (an emoji may be read, or skipped as decoration).
        let mut froms = Froms::one(0);
        // A Han character waits here until its right neighbour is known: it goes into the
        // lattice only if it pairs with a neighbour as in some term, or stands beside pinyin or
        // an emoji; otherwise it is a break.
        let mut pending: Option<Pending> = None;
        for unit in self.units(folded) {
            match unit {
                Unit::Latin(at) => {
                    self.flush(lat, &mut froms, &mut pending, Next::Other);
                    // (a run set between two Han characters, 降xie压: a character typed in pinyin)
                    let han = |c: Option<char>| c.is_some_and(reading::is_han);
                    let inside = han(folded[..at.start].chars().next_back()) && han(folded[at.end..].chars().next());
                    let to = self.latin(lat, froms.as_slice(), &folded[at.clone()], at.start, inside);
                    froms = Froms::one(to);
                }
                unit @ (Unit::Han(..) | Unit::Digit(..)) => {
                    let digit = matches!(unit, Unit::Digit(..));
                    let (Unit::Han(c, key, unit) | Unit::Digit(c, key, unit)) = unit else {
                        unreachable!("matched above")
                    };
                    let after_other = match pending.as_ref() {
                        Some(p) => p.key.is_some_and(|a| self.pair(a, key)),
                        None => froms.as_slice() != [lat.last()] || lat.last_has_edges(),
                    };
                    self.flush(lat, &mut froms, &mut pending, Next::Han(key));
                    pending = Some(Pending {
                        c,
                        key: Some(key),
                        unit,
                        digit,
                        paired: after_other,
                    });
                }
                Unit::Emoji(words, unit) => {
                    self.flush(lat, &mut froms, &mut pending, Next::Other);
                    if let Some(to) = self.emoji(lat, froms.as_slice(), words, unit) {
                        froms.push(to);
                    }
                }
                Unit::Zhuyin(s, unit) => {
                    self.flush(lat, &mut froms, &mut pending, Next::Other);
                    let to = lat.node(false);
                    for &from in froms.as_slice() {
                        lat.edge(from, to, u32::from(s), Kind::Latin, unit.clone());
                    }
                    froms = Froms::one(to);
                }
                Unit::Break => {
                    self.flush(lat, &mut froms, &mut pending, Next::Break);
                    froms = Froms::one(lat.break_node());
                }
            }
        }
        self.flush(lat, &mut froms, &mut pending, Next::Break);
        if lat.edges.is_empty() {
            return;
        }
        if !lat.edges.is_sorted_by_key(|e| e.from) {
            lat.edges.sort_by_key(|e| e.from); // only emoji words make edges out of order
        }
    }

    /// The units of folded text as every reading sees them: the one classifier that
    /// [`SoundIndex::regions_into`] and [`SoundIndex::lattice_into`] share.
    fn units<'t>(&'t self, folded: &'t str) -> Units<'t> {
        Units {
            ix: self,
            folded,
            mains: reading::mains(),
            i: 0,
        }
    }

    fn pair(&self, a: Syllable, b: Syllable) -> bool {
        let bit = a as usize * self.live.len() + b as usize;
        self.pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Puts the pending Han character into the lattice (or a break), knowing what follows it.
    #[inline]
    fn flush(&self, lat: &mut Lattice, froms: &mut Froms, pending: &mut Option<Pending>, next: Next) {
        let Some(p) = pending.take() else { return };
        let keep = p.key.is_some_and(|k| {
            p.paired
                || match next {
                    Next::Han(n) => self.pair(k, n),
                    Next::Other => true,
                    Next::Break => false,
                }
        });
        let to = match (keep, p.key) {
            (true, Some(k)) => {
                let to = lat.node(false);
                for &from in froms.as_slice() {
                    let kind = if p.digit { Kind::Digit(p.c) } else { Kind::Han(p.c) };
                    lat.edge(from, to, u32::from(k), kind, p.unit.clone());
                    // a character may stand for its accent twin (纸 for 子): a same-sounding
                    // character, under the guards of every sound-alike
                    if let Some(t) = reading::accent_twin(k).filter(|&t| !p.digit && self.live[t as usize]) {
                        lat.edge(from, to, u32::from(t), kind, p.unit.clone());
                    }
                }
                to
            }
            _ => lat.break_node(),
        };
        *froms = Froms::one(to);
    }

    /// Adds the edges of a Latin run at folded byte `at`; returns the node after it.
    fn latin(&self, lat: &mut Lattice, froms: &[u32], run: &str, at: usize, inside: bool) -> u32 {
        // (each syllable as itself; and a run between two Han characters that is one syllable
        // alone, a character typed in pinyin, also as the main reading of a term's polyphone it
        // is another reading of: xie as xue, for 血; never a syllable of a longer run, a handle's)
        let spelled: Vec<(usize, usize, Syllable, Kind)> = reading::spell(run)
            .into_iter()
            .flat_map(|(i, j, s)| {
                let whole = inside && i == 0 && j == run.len();
                std::iter::once((i, j, s, Kind::Latin)).chain(
                    self.other_readings[s as usize]
                        .iter()
                        .filter(move |_| whole)
                        .map(move |&m| (i, j, m, Kind::LatinOther)),
                )
            })
            .filter(|&(_, _, s, _)| self.live[s as usize])
            .collect();
        let initials = run.len() <= 5 && run.bytes().all(|b| self.live_initials[(b - b'a') as usize]);
        if spelled.is_empty() && !initials {
            return lat.break_node();
        }
        // nodes for the byte offsets 1..len of the run: internal but for the last
        let base = lat.internal.len() as u32;
        for k in 1..=run.len() {
            lat.node(k < run.len());
        }
        let node = |k: usize| base + k as u32 - 1;
        let mut edge = |i: usize, j: usize, key: u32, kind: Kind| {
            if i == 0 {
                for &from in froms {
                    lat.edge(from, node(j), key, kind, at..at + j);
                }
            } else {
                lat.edge(node(i), node(j), key, kind, at + i..at + j);
            }
        };
        for (i, j, s, kind) in spelled {
            edge(i, j, u32::from(s), kind);
        }
        if initials {
            for (k, b) in run.bytes().enumerate() {
                edge(k, k + 1, INITIAL | u32::from(b), Kind::Initial);
            }
        }
        node(run.len())
    }

    /// Adds the edges of an emoji standing for `words`; returns the node after it, or `None`
    /// when none of its words is in a term (it is then a separator).
    fn emoji(&self, lat: &mut Lattice, froms: &[u32], words: &str, unit: Range<usize>) -> Option<u32> {
        let live = |c: char| -> Vec<Syllable> {
            reading::han(c)[..1]
                .iter()
                .copied()
                .filter(|&s| self.live[s as usize])
                .collect()
        };
        let mut to = None;
        for word in words.split(' ') {
            let mut cs = word.chars();
            let (Some(a), b) = (cs.next(), cs.next()) else { continue };
            let first = live(a);
            let second = b.map(live);
            if first.is_empty() || second.as_ref().is_some_and(Vec::is_empty) {
                continue;
            }
            let end = *to.get_or_insert_with(|| lat.node(false));
            let mid = match second {
                Some(second) => {
                    let mid = lat.node(true);
                    for s in second {
                        lat.edge(mid, end, u32::from(s), Kind::Emoji, unit.clone());
                    }
                    mid
                }
                None => end,
            };
            for s in first {
                for &from in froms {
                    lat.edge(from, mid, u32::from(s), Kind::Emoji, unit.clone());
                }
            }
        }
        to
    }
}

/// The buffers of [`SoundIndex::scan`], kept per thread.
#[derive(Debug, Default)]
struct Scratch {
    regions: Vec<Range<usize>>,
    lattice: Lattice,
    path: Vec<usize>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// The depth-first insertion of a term's key sequences (see [`SoundIndex::add_read`]).
struct Walk<'a> {
    keys: &'a [Vec<u32>],
    index: u32,
    guarded: bool,
    /// A two-character name may end in an initial (`悦k`).
    named: bool,
    /// How many more sequences may be kept (the first [`MAX_READINGS`] in order).
    left: usize,
}

impl Walk<'_> {
    /// Extends the path that reached `node` after `pos` characters, `initials` of them
    /// written as initials, all before any syllable when `lead`.
    fn from(&mut self, ix: &mut SoundIndex, node: usize, pos: usize, initials: usize, lead: bool) {
        let n = self.keys.len();
        if self.left == 0 {
            return;
        }
        if pos == n {
            self.left -= 1;
            if !ix.nodes[node].ends.contains(&self.index) {
                ix.nodes[node].ends.push(self.index);
            }
            return;
        }
        for &k in &self.keys[pos] {
            let initial = k & INITIAL != 0;
            // an initial after a syllable: the initials no longer lead
            let lead = lead && !(initial && pos > initials);
            let initials = initials + usize::from(initial);
            let syllables = pos + 1 - initials;
            // the default guards' refusals, known from the prefix: initials need two
            // syllables beside them, or to be all of four or more characters, or to lead a
            // term of three or more as two or more letters before its head (`sg针`, `dz烟`)
            let head = lead && n >= 3 && (initials >= 2 || syllables == 0);
            // or, for a name of two characters, to follow its first written out (`悦k`)
            let tail = self.named && n == 2 && pos == 1 && initial && syllables == 1;
            // or its first, before its second written out (`r毒`, `s美`), which its reader
            // takes only in a note on the name's topic (`default_reading_ok`)
            let first = self.named && n == 2 && lead && initials == 1;
            // or, for a name of three, to stand at both ends of its middle written out (`s诺s`)
            let sandwich = self.named && n == 3 && pos == 2 && initial && initials == 2 && syllables == 1;
            let allowed = (syllables == 0 && n >= 4) || head || tail || first || sandwich;
            if self.guarded && initials > 0 && !allowed && syllables + (n - pos - 1) < 2 {
                // the sequences of the subtree still count against the cap, as when listed
                let below: usize = self.keys[pos + 1..].iter().map(Vec::len).product();
                self.left = self.left.saturating_sub(below);
                continue;
            }
            if k & INITIAL != 0 {
                ix.live_initials[(k as u8 - b'a') as usize] = true;
            } else {
                ix.live[k as usize] = true;
                // a character of the text in the other accent is read as this one
                if let Some(t) = reading::accent_twin(k as Syllable) {
                    ix.live[t as usize] = true;
                }
            }
            let child = match ix.nodes[node].children.binary_search_by_key(&k, |&(key, _)| key) {
                Ok(i) => ix.nodes[node].children[i].1 as usize,
                Err(i) => {
                    let child = ix.nodes.len();
                    ix.nodes.push(TrieNode::default());
                    ix.nodes[node].children.insert(i, (k, child as u32));
                    child
                }
            };
            if node == 0 {
                ix.root[k as usize] = child as u32;
            }
            self.from(ix, child, pos + 1, initials, lead);
        }
    }
}

#[cfg(test)]
mod tests;

/// FNV-1a over the characters of a term with the one at `at` left out (and its place kept).
fn masked_key(chars: &[char], at: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (j, &c) in chars.iter().enumerate() {
        let v = if j == at { 0 } else { c as u32 };
        for b in v.to_le_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}
