//! The offset map of one view (folded or compact) back to the original text.
//!
//! Each original char folds to zero or more view chars, and every view byte belongs to one
//! source char. Storing that per byte would cost four or eight bytes per byte of text; most
//! of a note folds to itself or to chars of the same length (`電` → `电`, `A` → `a`), so the
//! map is stored as *segments* instead:
//!
//! * an **identity** segment is a run of view chars that are each exactly as long as their
//!   source char, with the source chars adjacent in the original: view byte `v + d` comes
//!   from original byte `o + d`, char boundaries included;
//! * an **atomic** segment is all the output of one source char whose output has another
//!   length or several chars (`，` → `,`, `⑴` → `(1)`): every byte maps to that char.
//!
//! A new segment starts after every removed or dropped char (so segment boundaries are the
//! only places where view-adjacent chars are not original-adjacent, which is what
//! `max_gap` needs). Lookups are binary searches over the segments.

use std::ops::Range;

use super::tables;

/// An offset type for the maps: `u32` for originals up to [`NARROW_MAX`], else `u64`.
pub(super) trait Offset: Copy + std::fmt::Debug {
    /// Converts from `usize` (the caller guarantees it fits).
    fn from_usize(v: usize) -> Self;
    /// Converts to `usize`.
    fn to_usize(self) -> usize;
}

impl Offset for u32 {
    #[inline]
    fn from_usize(v: usize) -> u32 {
        v as u32
    }

    #[inline]
    fn to_usize(self) -> usize {
        self as usize
    }
}

impl Offset for u64 {
    #[inline]
    fn from_usize(v: usize) -> u64 {
        v as u64
    }

    #[inline]
    fn to_usize(self) -> usize {
        self as usize
    }
}

/// The longest original that `u32` maps hold: segment origins are packed as `start << 5`,
/// and no char folds to more than 11 times its UTF-8 length (tested), so both original and
/// view offsets stay below 2^32.
pub(super) const NARROW_MAX: usize = 1 << 27;

/// Bit of [`Segment::orig`] marking an atomic segment.
const ATOMIC: usize = 16;

/// The longest source of one atomic segment, in bytes: a character's two parts joined, or a
/// syllable of zhuyin with its tone mark (ㄒㄩㄝˇ, eleven bytes).
pub(super) const ATOMIC_MAX: usize = 16;

/// One segment: where it starts in the view, and its origin packed as
/// `start << 5 | atomic << 4 | (source length - 1)` (the length, at most [`ATOMIC_MAX`] bytes:
/// one char, a character's two parts joined or a zhuyin syllable, is used by atomic segments
/// only).
#[derive(Clone, Copy, Debug)]
pub(super) struct Segment<P> {
    /// View byte offset of the segment's first byte.
    view: P,
    /// Packed origin, see the type's docs.
    orig: P,
}

impl<P: Offset> Segment<P> {
    /// View offset where the segment starts.
    #[inline]
    fn view(self) -> usize {
        self.view.to_usize()
    }

    /// Original offset of the segment's first source char.
    #[inline]
    fn orig_start(self) -> usize {
        self.orig.to_usize() >> 5
    }

    /// Is this an atomic segment?
    #[inline]
    fn is_atomic(self) -> bool {
        self.orig.to_usize() & ATOMIC != 0
    }

    /// UTF-8 length of the source of an atomic segment (a char, or two parts joined).
    #[inline]
    fn atomic_len(self) -> usize {
        (self.orig.to_usize() & (ATOMIC - 1)) + 1
    }
}

/// Builds one view and its segments, char by char.
pub(super) struct ViewBuilder<P> {
    /// The view so far.
    text: String,
    /// The segments so far.
    segments: Vec<Segment<P>>,
    /// Original offset at which the last identity segment would continue (`usize::MAX`
    /// after an atomic segment or at the start).
    next_orig: usize,
}

impl<P: Offset> ViewBuilder<P> {
    /// A builder for a view with room for `capacity` bytes.
    pub(super) fn new(capacity: usize) -> Self {
        ViewBuilder {
            text: String::with_capacity(capacity),
            segments: Vec::with_capacity(capacity / 16 + 1),
            next_orig: usize::MAX,
        }
    }

    /// The source char at `i` folds to itself, `s`.
    #[inline]
    pub(super) fn verbatim(&mut self, i: usize, s: &str) {
        if self.next_orig != i {
            self.start_identity(i);
        }
        self.text.push_str(s);
        self.next_orig = i + s.len();
    }

    /// The source char at `i` folds to `ch`, of the same UTF-8 length (often `ch` itself).
    #[inline]
    pub(super) fn same_len(&mut self, i: usize, ch: char) {
        if self.next_orig != i {
            self.start_identity(i);
        }
        self.text.push(ch);
        self.next_orig = i + ch.len_utf8();
    }

    /// Starts an identity segment at source offset `i`.
    #[inline(never)]
    fn start_identity(&mut self, i: usize) {
        self.segments.push(Segment {
            view: P::from_usize(self.text.len()),
            orig: P::from_usize(i << 5),
        });
    }

    /// The source char at `i`, `len` bytes long, folds to `out` (in this view).
    #[inline]
    pub(super) fn chars(&mut self, i: usize, len: usize, out: &[char]) {
        match *out {
            [] => {}
            [ch] => self.one(i, len, ch),
            _ => {
                self.start_atomic(i, len);
                for &ch in out {
                    self.text.push(ch);
                }
            }
        }
    }

    /// The source char at `i`, `len` bytes long, folds to exactly one char `ch` (in this
    /// view).
    #[inline]
    pub(super) fn one(&mut self, i: usize, len: usize, ch: char) {
        if ch.len_utf8() == len {
            self.same_len(i, ch);
        } else {
            self.start_atomic(i, len);
            self.text.push(ch);
        }
    }

    /// Starts an atomic segment for the source char at `i`, `len` bytes long; the caller
    /// then pushes its output.
    fn start_atomic(&mut self, i: usize, len: usize) {
        self.segments.push(Segment {
            view: P::from_usize(self.text.len()),
            orig: P::from_usize(i << 5 | ATOMIC | (len - 1)),
        });
        self.next_orig = usize::MAX;
    }

    /// The finished view and its segments.
    pub(super) fn finish(self) -> (String, Vec<Segment<P>>) {
        (self.text, self.segments)
    }
}

/// A finished view with its segments, for lookups.
#[derive(Clone, Copy)]
pub(super) struct ViewMap<'a, P> {
    /// The view's text.
    pub(super) text: &'a str,
    /// Its segments: sorted by view offset and by origin; the first starts at view offset 0.
    pub(super) segments: &'a [Segment<P>],
}

/// UTF-8 length of the char whose first byte is `b`.
#[inline]
fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

impl<P: Offset> ViewMap<'_, P> {
    /// View offset just past segment `j`.
    #[inline]
    fn view_end(&self, j: usize) -> usize {
        self.segments.get(j + 1).map_or(self.text.len(), |s| s.view())
    }

    /// Original offset just past the source chars of segment `j`.
    #[inline]
    fn orig_end(&self, j: usize) -> usize {
        let s = self.segments[j];
        if s.is_atomic() {
            s.orig_start() + s.atomic_len()
        } else {
            s.orig_start() + (self.view_end(j) - s.view())
        }
    }

    /// Index of the segment holding view byte `k` (`k < text.len()`).
    #[inline]
    fn segment_of(&self, k: usize) -> usize {
        self.segments.partition_point(|s| s.view() <= k).saturating_sub(1)
    }

    /// Original range of the source char of view byte `k` (`k < text.len()`).
    fn source(&self, k: usize) -> Range<usize> {
        let Some(&s) = self.segments.get(self.segment_of(k)) else {
            return 0..0;
        };
        if s.is_atomic() {
            return s.orig_start()..s.orig_start() + s.atomic_len();
        }
        // Identity: chars line up with their source chars.
        let bytes = self.text.as_bytes();
        let mut k = k;
        while k > s.view() && (bytes[k] as i8) < -0x40 {
            k -= 1;
        }
        let start = s.orig_start() + (k - s.view());
        start..start + utf8_len(bytes[k])
    }

    /// See `Normalized::folded_to_original`.
    pub(super) fn range_in_original(&self, start: usize, end: usize, original_len: usize) -> Range<usize> {
        let end = end.min(self.text.len());
        if start >= end {
            let at = if start < self.text.len() {
                self.source(start).start
            } else {
                original_len
            };
            return at..at;
        }
        self.source(start).start..self.source(end - 1).end
    }

    /// See `Normalized::original_to_folded`.
    pub(super) fn offset_from_original(&self, offset: usize) -> usize {
        // The first segment whose source chars do not all lie before `offset`.
        let (mut lo, mut hi) = (0, self.segments.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.orig_end(mid) <= offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let Some(&s) = self.segments.get(lo) else {
            return self.text.len();
        };
        if offset <= s.orig_start() {
            s.view()
        } else if s.is_atomic() {
            self.view_end(lo)
        } else {
            let mut k = s.view() + (offset - s.orig_start());
            while !self.text.is_char_boundary(k) {
                k += 1;
            }
            k
        }
    }

    /// See `Normalized::max_gap`.
    pub(super) fn max_gap(&self, original: &str, start: usize, end: usize) -> usize {
        let end = end.min(self.text.len());
        if start >= end {
            return 0;
        }
        // Within a segment, consecutive chars are adjacent in the original or share their
        // source char; only segment boundaries can skip original chars.
        let (first, last) = (self.segment_of(start), self.segment_of(end - 1));
        (first..last)
            .map(|j| skipped(original, self.orig_end(j), self.segments[j + 1].orig_start()))
            .max()
            .unwrap_or(0)
    }
}

/// Number of original chars in `[from, to)` that count as skipped: not invisible, not a
/// combining mark (`tables::counts_in_gap`), and not joined to the char before by a ZWJ (an
/// emoji ZWJ sequence such as 👨‍👩‍👧 is one picture and counts once).
pub(super) fn skipped(original: &str, from: usize, to: usize) -> usize {
    if from >= to {
        return 0;
    }
    let Some(gap) = original.get(from..to) else {
        // Not the text this was built from: answer in bytes rather than panic.
        return to - from;
    };
    let mut n = 0;
    let mut joined = false;
    for c in gap.chars() {
        if !joined && tables::counts_in_gap(c) {
            n += 1;
        }
        joined = c == '\u{200D}';
    }
    n
}
