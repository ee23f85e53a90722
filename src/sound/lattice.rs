//! The units of folded text as readings see them (one classifier), the cheap pass that finds
//! the runs worth reading, and the lattice of readings built over a run.

use std::ops::Range;

use super::{Edge, Kind, SoundIndex};
use crate::normalize::reading::{self, Syllable};

/// A unit of folded text, as the readings see it.
#[derive(Debug, Clone)]
pub(super) enum Unit {
    /// A run of Latin letters: pinyin, initials, or neither.
    Latin(Range<usize>),
    /// A Han character whose main reading is a syllable of some term. A character is read in
    /// its main reading, as a writer picks a stand-in by how it usually sounds: 机 (ji, rarely
    /// wei) does not stand for 微.
    Han(char, Syllable, Range<usize>),
    /// A syllable of zhuyin, Taiwan's phonetic letters (`私ㄒㄩㄣˋ` for 私讯): read as the same
    /// syllable in pinyin is.
    Zhuyin(Syllable, Range<usize>),
    /// An emoji with words (CLDR), which may be read or skipped as decoration.
    Emoji(&'static str, Range<usize>),
    /// A digit on its own written for its Chinese numeral inside a word (`唯1` for 唯一, `第1`):
    /// the numeral and its main reading. Only the numeral itself is read so, no sound-alike.
    Digit(char, Syllable, Range<usize>),
    /// Something no reading goes across: a digit, a line break, a letter of another script, a
    /// Han character read as no term's syllable (most characters).
    Break,
}

/// The Chinese numeral of each digit.
const NUMERALS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The units of a folded text, separators (spaces, punctuation, other symbols) skipped.
pub(super) struct Units<'t> {
    pub(super) ix: &'t SoundIndex,
    pub(super) folded: &'t str,
    pub(super) mains: &'static [Syllable],
    pub(super) i: usize,
}

impl Iterator for Units<'_> {
    type Item = Unit;

    #[inline(always)]
    fn next(&mut self) -> Option<Unit> {
        let bytes = self.folded.as_bytes();
        while self.i < bytes.len() {
            let b = bytes[self.i];
            if b.is_ascii_lowercase() {
                let start = self.i;
                while self.i < bytes.len() && bytes[self.i].is_ascii_lowercase() {
                    self.i += 1;
                }
                return Some(Unit::Latin(start..self.i));
            }
            if b.is_ascii_digit() {
                // a digit alone (not in a number, a decimal, a ratio, a fraction, a range or a
                // percent: 1.5, 1:1, 1/2, 1-3, 1~3, 1%)
                let lone = |c: Option<&u8>| !c.is_some_and(|c| c.is_ascii_alphanumeric() || b".:/%-~".contains(c));
                if lone(bytes.get(self.i + 1)) && (self.i == 0 || lone(bytes.get(self.i - 1))) {
                    let numeral = NUMERALS[usize::from(b - b'0')];
                    let s = reading::han(numeral)[0];
                    let at = self.i..self.i + 1;
                    self.i += 1;
                    if self.ix.live[s as usize] {
                        return Some(Unit::Digit(numeral, s, at));
                    }
                    return Some(Unit::Break);
                }
            }
            if b < 0x80 {
                self.i += 1;
                if b.is_ascii_alphanumeric() || matches!(b, b'\n' | b'\r' | 0x0B | 0x0C) {
                    return Some(Unit::Break);
                }
                continue;
            }
            // a three-byte character (every Han character of the table) decoded in place
            let c = match bytes.get(self.i..self.i + 3) {
                Some(&[b0 @ 0xE0..=0xEF, b1, b2]) => {
                    let u = (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
                    char::from_u32(u)?
                }
                _ => self.folded[self.i..].chars().next()?,
            };
            let at = self.i..self.i + c.len_utf8();
            self.i = at.end;
            let u = c as u32;
            if let Some(&s) = u
                .checked_sub(reading::MAINS_START)
                .and_then(|k| self.mains.get(k as usize))
            {
                return Some(if s != reading::NONE && self.ix.live[s as usize] {
                    Unit::Han(c, s, at)
                } else {
                    Unit::Break
                });
            }
            // (zhuyin, below the ideographs: looked for only once they are passed)
            if crate::normalize::ZHUYIN.contains(&u) {
                let Some((len, pinyin)) = crate::normalize::zhuyin_syllable(self.folded, at.start) else {
                    return Some(Unit::Break);
                };
                self.i = at.start + len;
                let whole = reading::spell(&pinyin)
                    .into_iter()
                    .find(|&(i, j, _)| i == 0 && j == pinyin.len())
                    .map(|(_, _, s)| s)
                    .filter(|&s| self.ix.live[s as usize]);
                return Some(match whole {
                    Some(s) => Unit::Zhuyin(s, at.start..self.i),
                    None => Unit::Break,
                });
            }
            // CJK and full-width punctuation: separators, never emoji
            let punctuation = (0x3000..0x3030).contains(&u) || (0xFF00..0xFFF0).contains(&u);
            if u >= 0x2000 && !punctuation {
                if let Some(words) = reading::emoji_words(c) {
                    return Some(Unit::Emoji(words, at));
                }
            }
            if c.is_alphanumeric() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
                // other scripts, digits, Han outside the table
                return Some(Unit::Break);
            }
            // anything else is a separator: skipped
        }
        None
    }
}

/// The runs of joined units of a text, as `SoundIndex::regions_into` finds them.
pub(super) struct Regions<P: Fn(Syllable, Syllable) -> bool> {
    /// Whether the second syllable follows the first in some term.
    pub(super) pair: P,
    pub(super) regions: Vec<Range<usize>>,
    /// The run that holds the last unit, if that unit is joined to something.
    pub(super) open: Option<Range<usize>>,
    /// The last unit: its syllable (`None`: Latin or an emoji, which joins anything) and start.
    pub(super) last: Option<(Option<Syllable>, usize)>,
}

impl<P: Fn(Syllable, Syllable) -> bool> Regions<P> {
    /// The next unit, at `at`, read as `key`.
    #[inline]
    pub(super) fn unit(&mut self, key: Option<Syllable>, at: Range<usize>) {
        let joined = self.last.is_some_and(|(lk, _)| match (lk, key) {
            (Some(a), Some(b)) => (self.pair)(a, b),
            _ => true,
        });
        if joined {
            match &mut self.open {
                Some(o) => o.end = at.end,
                None => self.open = Some(self.last.map_or(at.start, |(_, s)| s)..at.end),
            }
        } else {
            self.regions.extend(self.open.take());
            if key.is_none() {
                self.open = Some(at.clone());
            }
        }
        self.last = Some((key, at.start));
    }

    /// Something no reading goes across (a digit, a line break, an unreadable character).
    pub(super) fn cut(&mut self) {
        self.regions.extend(self.open.take());
        self.last = None;
    }
}

/// A Han character waiting for its right neighbour (see `SoundIndex::lattice`).
#[derive(Debug)]
pub(super) struct Pending {
    pub(super) c: char,
    /// Its main reading, if some term has it.
    pub(super) key: Option<Syllable>,
    pub(super) unit: Range<usize>,
    /// It is a digit written for this numeral (`Unit::Digit`).
    pub(super) digit: bool,
    /// It pairs with the unit before it (as in some term), or that unit is pinyin or an emoji.
    pub(super) paired: bool,
}

/// What follows a pending Han character.
#[derive(Debug, Clone, Copy)]
pub(super) enum Next {
    /// A Han character read as this syllable of some term.
    Han(Syllable),
    /// Pinyin or an emoji: it may continue a reading.
    Other,
    /// Nothing that can continue a reading.
    Break,
}

/// The nodes the next unit's edges start from (at most a few: one, plus one per emoji that
/// may be read or skipped just before).
#[derive(Debug, Clone, Copy)]
pub(super) struct Froms {
    pub(super) n: usize,
    pub(super) nodes: [u32; 4],
}

impl Froms {
    pub(super) fn one(node: u32) -> Froms {
        Froms {
            n: 1,
            nodes: [node, 0, 0, 0],
        }
    }

    pub(super) fn push(&mut self, node: u32) {
        if self.n == self.nodes.len() {
            *self = Froms::one(node);
        } else {
            self.nodes[self.n] = node;
            self.n += 1;
        }
    }

    pub(super) fn as_slice(&self) -> &[u32] {
        &self.nodes[..self.n]
    }
}

#[derive(Debug, Default)]
pub(super) struct Lattice {
    pub(super) edges: Vec<Edge>,
    /// Per node: inside a unit (a Latin run, a two-character emoji word); no match starts or
    /// ends there.
    pub(super) internal: Vec<bool>,
}

impl Lattice {
    pub(super) fn node(&mut self, internal: bool) -> u32 {
        self.internal.push(internal);
        (self.internal.len() - 1) as u32
    }

    pub(super) fn edge(&mut self, from: u32, to: u32, key: u32, kind: Kind, unit: Range<usize>) {
        self.edges.push(Edge {
            from,
            to,
            key,
            kind,
            unit,
        });
    }

    /// The newest node.
    pub(super) fn last(&self) -> u32 {
        (self.internal.len() - 1) as u32
    }

    /// Whether an edge ends at the newest node (a unit was read just before).
    pub(super) fn last_has_edges(&self) -> bool {
        self.edges.last().is_some_and(|e| e.to == self.last())
    }

    pub(super) fn first_edge(&self, node: u32) -> usize {
        self.edges.partition_point(|e| e.from < node)
    }

    /// A node that breaks the lattice: a new one, unless the newest node is already unused.
    pub(super) fn break_node(&mut self) -> u32 {
        let last = self.last();
        if !self.internal[last as usize] && self.edges.last().is_none_or(|e| e.from != last && e.to != last) {
            last
        } else {
            self.node(false)
        }
    }
}
