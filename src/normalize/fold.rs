//! The per-char fold pipeline, and a lazily filled cache of its results.
//!
//! [`fold_char`] is the single definition of what one source char folds to. Because it runs
//! NFKC, a case mapping, a table lookup and a general-category lookup, it is too slow to call
//! for every char of a note, so [`block`] caches its results for planes 0 and 1 (which hold
//! all punctuation, symbols, emoji, letters and the compatibility forms) in blocks of 256
//! code points, each computed once per process on first use. Tests check that the cache agrees
//! with [`fold_char`] for every code point.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::{tables, trad, variants};

/// Folds one source char: calls `emit(ch, keep)` for each output char, where `keep` says
/// whether the char is also part of the compact view. Emits nothing for removed chars.
///
/// The folds, in order: removal ([`tables::is_removed`]), compatibility (the manual
/// [`tables::extra_compat`] table, else NFKC of the char alone), simple lowercase,
/// tone marks and accents off Latin letters ([`strip_tone`]), traditional → simplified
/// ([`trad::to_simplified`]), look-alike letters and variant characters ([`variants::to_standard`]).
pub(super) fn fold_char(c: char, emit: &mut impl FnMut(char, bool)) {
    if tables::is_removed(c) {
        return;
    }
    if let Some(s) = tables::extra_compat(c) {
        for d in s.chars() {
            finish(d, emit);
        }
        return;
    }
    for d in std::iter::once(c).nfkc() {
        if !tables::is_removed(d) {
            finish(d, emit);
        }
    }
}

/// Folds 3 and 4 on one char of the compatibility output, then classifies it.
#[inline]
fn finish(d: char, emit: &mut impl FnMut(char, bool)) {
    let t = variants::to_standard(trad::to_simplified(simple_lowercase(variants::greek_capital(
        strip_tone(d),
    ))));
    emit(t, tables::keeps(t));
}

/// A Latin letter with a tone mark or another accent, as its plain letter: pinyin is written
/// with tone marks (`顶jí`, `增gāo`, `lǜ泡泡`), and a reading by sound reads the syllable, not
/// the tone. Only the Latin-1 and Latin Extended-A/B letters whose canonical decomposition is
/// one ASCII letter and combining marks.
#[inline]
fn strip_tone(c: char) -> char {
    if !('\u{C0}'..='\u{24F}').contains(&c) {
        return c;
    }
    let mut d = std::iter::once(c).nfd();
    match d.next() {
        // pinyin's ü (lǜ) is typed v, as the readings spell it
        Some('u' | 'U') if d.any(|m| m == '\u{308}') => 'v',
        Some(base) if base.is_ascii_alphabetic() => base,
        _ => c,
    }
}

/// The Unicode simple lowercase mapping of `c` (one char to one char).
///
/// `char::to_lowercase` is the full mapping; the only char whose full lowercase has more than
/// one char is U+0130 (İ → i + U+0307), whose simple lowercase is the first char, `i`.
#[inline]
pub(super) fn simple_lowercase(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    c.to_lowercase().next().unwrap_or(c)
}

/// What one cached code point folds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Removed: no output.
    Remove,
    /// One output char, not in the compact view.
    Drop,
    /// One output char, also in the compact view.
    Keep,
    /// Several output chars, see [`Block::multi`].
    Multi,
}

/// One cached code point.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    /// The output char for [`Kind::Drop`] / [`Kind::Keep`].
    pub(super) ch: char,
    /// The shape of the output.
    pub(super) kind: Kind,
    /// For [`Kind::Multi`]: index of the first output char in `Block::multi`.
    start: u16,
    /// For [`Kind::Multi`]: number of output chars.
    all: u8,
    /// For [`Kind::Multi`]: number of those kept in the compact view (they follow the
    /// output chars in `Block::multi`).
    kept: u8,
}

/// The fold results of 256 consecutive code points.
#[derive(Debug)]
pub(super) struct Block {
    /// One entry per code point of the block.
    entries: [Entry; 256],
    /// For each [`Kind::Multi`] entry: its output chars, then those of them kept in the
    /// compact view.
    multi: Vec<char>,
}

impl Block {
    /// The entry of code point `c` (only its low 8 bits are used).
    #[inline]
    pub(super) fn entry(&self, c: u32) -> Entry {
        self.entries[(c & 0xFF) as usize]
    }

    /// The output chars of a [`Kind::Multi`] entry, and those kept in the compact view.
    #[inline]
    pub(super) fn multi(&self, e: Entry) -> (&[char], &[char]) {
        let start = e.start as usize;
        let mid = start + e.all as usize;
        let end = mid + e.kept as usize;
        (
            self.multi.get(start..mid).unwrap_or(&[]),
            self.multi.get(mid..end).unwrap_or(&[]),
        )
    }

    /// Computes block number `hi` (code points `hi * 256 .. hi * 256 + 256`).
    fn compute(hi: u32) -> Block {
        let mut entries = [Entry {
            ch: '\0',
            kind: Kind::Remove,
            start: 0,
            all: 0,
            kept: 0,
        }; 256];
        let mut multi = Vec::new();
        let mut out: Vec<(char, bool)> = Vec::with_capacity(32);
        for (lo, entry) in entries.iter_mut().enumerate() {
            let Some(c) = char::from_u32(hi << 8 | lo as u32) else {
                // Surrogates cannot occur in a `str`.
                continue;
            };
            out.clear();
            fold_char(c, &mut |d, keep| out.push((d, keep)));
            match *out.as_slice() {
                [] => {}
                [(d, keep)] => {
                    entry.ch = d;
                    entry.kind = if keep { Kind::Keep } else { Kind::Drop };
                }
                _ => {
                    // At most 18 chars per code point (U+FDFA), 256 code points per block:
                    // the counts fit, checked for every code point by a test.
                    entry.kind = Kind::Multi;
                    entry.start = multi.len() as u16;
                    entry.all = out.len() as u8;
                    multi.extend(out.iter().map(|&(d, _)| d));
                    let before = multi.len();
                    multi.extend(out.iter().filter(|&&(_, keep)| keep).map(|&(d, _)| d));
                    entry.kept = (multi.len() - before) as u8;
                }
            }
        }
        Block { entries, multi }
    }
}

/// Number of cached blocks: planes 0 and 1.
const BLOCKS: usize = 0x20000 >> 8;

/// The cache, one lazily computed block per 256 code points.
static CACHE: [OnceLock<Box<Block>>; BLOCKS] = [const { OnceLock::new() }; BLOCKS];

/// The cached block holding code point `c`, or `None` above plane 1.
#[inline]
pub(super) fn block(c: u32) -> Option<&'static Block> {
    let hi = c >> 8;
    let cell = CACHE.get(hi as usize)?;
    Some(cell.get_or_init(|| Box::new(Block::compute(hi))))
}
