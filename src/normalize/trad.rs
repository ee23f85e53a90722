//! Fold 4: traditional → simplified Chinese, one char to one char.
//!
//! The pairs live in the generated file `t2s_table.rs` (from the `fast2s` crate, see there).
//! Every key lies in U+3400–U+9FFF, so a 3.4 KiB bitmap over that block answers "is this a
//! traditional char?" with one bit test; only the few chars that are traditional go on to a
//! rank computation (a popcount plus a prefix count per 64-bit word) that gives their index
//! in the sorted pair table. Both the bitmap and the prefix counts are built at compile time.

use super::t2s_table::T2S;

/// First code point covered by the bitmap (CJK Extension A).
const START: u32 = 0x3400;
/// One past the last code point covered by the bitmap (end of the CJK Unified block).
const END: u32 = 0xA000;
/// Number of 64-bit words in the bitmap.
const WORDS: usize = ((END - START) / 64) as usize;

/// Bit `c - START` is set when `c` is a key of [`T2S`].
static IS_TRADITIONAL: [u64; WORDS] = bitmap();

/// Builds [`IS_TRADITIONAL`] at compile time; fails to compile if a key is outside the bitmap.
const fn bitmap() -> [u64; WORDS] {
    let mut bits = [0u64; WORDS];
    let mut i = 0;
    while i < T2S.len() {
        let c = T2S[i].0 as u32;
        assert!(c >= START && c < END, "T2S key outside U+3400..U+A000");
        if i > 0 {
            assert!((T2S[i - 1].0 as u32) < c, "T2S keys must be sorted and unique");
        }
        let k = (c - START) as usize;
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
}

/// Number of keys before each word of [`IS_TRADITIONAL`], so that the key of bit `k` is
/// `T2S[RANK[k / 64] + (bits below k in its word)]`.
static RANK: [u16; WORDS] = rank();

/// Builds [`RANK`] at compile time.
const fn rank() -> [u16; WORDS] {
    let mut rank = [0u16; WORDS];
    let mut total = 0;
    let mut w = 0;
    while w < WORDS {
        rank[w] = total;
        total += IS_TRADITIONAL[w].count_ones() as u16;
        w += 1;
    }
    rank
}

/// The simplified form of code point `u` if it is a traditional char: a bit test, then (for
/// traditional chars only) a rank computation and one table read.
#[inline]
pub(super) fn simplified_of(u: u32) -> Option<char> {
    let k = u.wrapping_sub(START);
    if k >= END - START {
        return None;
    }
    let word = IS_TRADITIONAL[(k / 64) as usize];
    let bit = 1u64 << (k % 64);
    if word & bit == 0 {
        return None;
    }
    let index = RANK[(k / 64) as usize] as usize + (word & (bit - 1)).count_ones() as usize;
    T2S.get(index).map(|&(_, s)| s)
}

/// The simplified form of `c`, or `c` itself.
#[inline]
pub(super) fn to_simplified(c: char) -> char {
    simplified_of(c as u32).unwrap_or(c)
}

/// The whole table, for tests.
#[cfg(test)]
pub(super) fn pairs() -> &'static [(char, char)] {
    &T2S
}
