//! Fold 4: traditional → simplified Chinese, one char to one char.
//!
//! The pairs live in the generated file `t2s_table.rs` (from the `fast2s` crate, see there).
//! Every key lies in U+3400–U+9FFF, so a 3.4 KiB bitmap over that block answers "is this a
//! traditional char?" with one bit test; only the few chars that are traditional pay for a
//! binary search in the pair table.

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

/// Is `c` (any char) a traditional char with a simplified form?
#[inline]
pub(super) fn is_traditional(c: char) -> bool {
    let k = (c as u32).wrapping_sub(START);
    k < END - START && IS_TRADITIONAL[(k / 64) as usize] & (1 << (k % 64)) != 0
}

/// The simplified form of `c`, or `c` itself.
#[inline]
pub(super) fn to_simplified(c: char) -> char {
    if is_traditional(c) { lookup(c) } else { c }
}

/// Binary search in [`T2S`]; only called for chars whose bit is set.
fn lookup(c: char) -> char {
    match T2S.binary_search_by_key(&c, |&(t, _)| t) {
        Ok(i) => T2S[i].1,
        Err(_) => c,
    }
}

/// The whole table, for tests.
#[cfg(test)]
pub(super) fn pairs() -> &'static [(char, char)] {
    &T2S
}
