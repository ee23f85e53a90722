//! Spans and positions.
//!
//! redlint has **one** span type, [`Span`]: a half-open range of byte offsets into the original
//! text of one note field. Everything else (1-based line and column for people, character
//! offsets, UTF-16 code units for LSP clients) is derived from it at the edges with a
//! [`LineIndex`], and converted back the same way.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a field's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span moved `by` bytes to the right (a field's span into its place in a file).
    pub const fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// As a `Range`, for slicing.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// A position as people and editors count it. `line` is 0-based here; add 1 for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    /// 0-based line.
    pub line: usize,
    /// 0-based column in Unicode scalar values (chars).
    pub char_col: usize,
    /// 0-based column in UTF-16 code units (LSP's default).
    pub utf16_col: usize,
    /// 0-based column in bytes (LSP's `utf-8` position encoding).
    pub byte_col: usize,
}

/// How an editor counts columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ColumnUnit {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units.
    Utf16,
    /// Unicode scalar values (the default).
    #[default]
    Char,
}

/// Line starts of one text, for converting byte offsets to positions and back.
///
/// Lines end at `\n`; a `\r` before it belongs to the line ending, so `\r\n` texts get the same
/// positions as `\n` texts for every character before the line end.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last position computed: a query further along the same line counts on from there,
    /// so positions asked in increasing order cost linear time in all, even on one huge line.
    last: std::cell::Cell<Option<(usize, Position)>>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            last: std::cell::Cell::new(None),
        }
    }

    /// The text this index is for.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of lines (a text ending in `\n` has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The text of 0-based line `line`, without its line ending (`\n` or `\r\n`).
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.starts[line.min(self.starts.len() - 1)];
        let end = self.starts.get(line + 1).map_or(self.text.len(), |&s| s - 1);
        let l = &self.text[start..end.max(start)];
        l.strip_suffix('\r').unwrap_or(l)
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// Position of byte `offset` (clamped to the text and floored to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        if let Some((at, p)) = self.last.get().filter(|&(_, p)| p.line == line) {
            // count only the characters between the last position and this one, either way
            let (lo, hi) = (at.min(offset), at.max(offset));
            let between = &self.text[lo..hi];
            let (chars, utf16) = (
                between.chars().count(),
                between.chars().map(char::len_utf16).sum::<usize>(),
            );
            let p = if offset >= at {
                Position {
                    line,
                    char_col: p.char_col + chars,
                    utf16_col: p.utf16_col + utf16,
                    byte_col: p.byte_col + between.len(),
                }
            } else {
                Position {
                    line,
                    char_col: p.char_col - chars,
                    utf16_col: p.utf16_col - utf16,
                    byte_col: p.byte_col - between.len(),
                }
            };
            self.last.set(Some((offset, p)));
            return p;
        }
        let before = &self.text[self.starts[line]..offset];
        let p = Position {
            line,
            char_col: before.chars().count(),
            utf16_col: before.chars().map(char::len_utf16).sum(),
            byte_col: before.len(),
        };
        self.last.set(Some((offset, p)));
        p
    }

    /// Column of byte `offset` in `unit`, with its 0-based line.
    pub fn line_col(&self, offset: usize, unit: ColumnUnit) -> (usize, usize) {
        let p = self.position(offset);
        let col = match unit {
            ColumnUnit::Utf8 => p.byte_col,
            ColumnUnit::Utf16 => p.utf16_col,
            ColumnUnit::Char => p.char_col,
        };
        (p.line, col)
    }

    /// Byte offset of 0-based `line` and `col` counted in `unit`. A line past the end gives the
    /// text's length; a column past the line's end gives the line's end; a column inside a
    /// character (half of a surrogate pair, the middle of a UTF-8 sequence) gives that
    /// character's start.
    pub fn offset(&self, line: usize, col: usize, unit: ColumnUnit) -> usize {
        if line >= self.starts.len() {
            return self.text.len();
        }
        let start = self.starts[line];
        let text = self.line_text(line);
        let mut seen = 0;
        for (i, c) in text.char_indices() {
            let width = match unit {
                ColumnUnit::Utf8 => c.len_utf8(),
                ColumnUnit::Utf16 => c.len_utf16(),
                ColumnUnit::Char => 1,
            };
            if seen + width > col {
                return start + i;
            }
            seen += width;
        }
        start + text.len()
    }
}

impl LineIndex<'_> {
    /// Both ends of `span` as 0-based `(line, column)` pairs with columns counted in `unit`:
    /// an editor's range (LSP's `Range` with the negotiated position encoding).
    pub fn range(&self, span: Span, unit: ColumnUnit) -> ((usize, usize), (usize, usize)) {
        (self.line_col(span.start, unit), self.line_col(span.end, unit))
    }

    /// The byte span between two 0-based `(line, column)` positions counted in `unit`, each
    /// converted as [`LineIndex::offset`] does (clamped, snapped to a character's start); a
    /// reversed pair is put in order. The inverse of [`LineIndex::range`].
    pub fn span(&self, start: (usize, usize), end: (usize, usize), unit: ColumnUnit) -> Span {
        let a = self.offset(start.0, start.1, unit);
        let b = self.offset(end.0, end.1, unit);
        Span::new(a.min(b), a.max(b))
    }
}

/// The number of chars in `text[..offset]`.
pub fn char_offset(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].chars().count()
}

/// 1-based line and column (in chars) of byte `offset`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let index = LineIndex::new(text);
    let p = index.position(offset);
    (p.line + 1, p.char_col + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "第一行🙂ok\r\n👩‍👩‍👧 最好用\n\nend";

    #[test]
    fn positions_count_chars_and_utf16_units() {
        let idx = LineIndex::new(TEXT);
        assert_eq!(idx.line_count(), 4);
        let ok = TEXT.find("ok").unwrap();
        let p = idx.position(ok);
        assert_eq!((p.line, p.char_col, p.utf16_col, p.byte_col), (0, 4, 5, 13));
        let best = TEXT.find("最好").unwrap();
        let p = idx.position(best);
        // family emoji: 5 chars (3 people + 2 ZWJ), 8 UTF-16 units; then a space
        assert_eq!((p.line, p.char_col, p.utf16_col), (1, 6, 9));
        assert_eq!(idx.line_text(0), "第一行🙂ok");
        assert_eq!(idx.line_text(2), "");
        assert_eq!(idx.line_text(3), "end");
    }

    #[test]
    fn offsets_round_trip_in_every_unit() {
        let idx = LineIndex::new(TEXT);
        for (i, _) in TEXT.char_indices().chain([(TEXT.len(), ' ')]) {
            let p = idx.position(i);
            if TEXT[i..].starts_with('\n') && TEXT[..i].ends_with('\r') {
                continue; // the \n of a CRLF is past the line's end
            }
            for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char] {
                let (line, col) = idx.line_col(i, unit);
                assert_eq!(line, p.line);
                let back = idx.offset(line, col, unit);
                if TEXT[..i].ends_with('\r') || TEXT[i..].starts_with('\r') {
                    assert!(back <= i, "{unit:?} {i}");
                } else {
                    assert_eq!(back, i, "{unit:?} at byte {i}");
                }
            }
        }
    }

    #[test]
    fn offsets_clamp_and_snap() {
        let idx = LineIndex::new("a🙂b");
        // UTF-16 column 2 is inside the surrogate pair of 🙂: snaps to its start
        assert_eq!(idx.offset(0, 2, ColumnUnit::Utf16), 1);
        assert_eq!(idx.offset(0, 3, ColumnUnit::Utf16), 5);
        assert_eq!(idx.offset(0, 99, ColumnUnit::Char), 6);
        assert_eq!(idx.offset(7, 0, ColumnUnit::Char), 6);
        // a byte offset inside 🙂 floors to its start
        assert_eq!(idx.position(3).char_col, 1);
        assert_eq!(char_offset("最好🙂", 6), 2);
    }

    /// Columns of `needle`'s first occurrence, counted independently of [`LineIndex`]: the
    /// characters before it on its line, encoded by the standard library.
    fn expected(text: &str, needle: &str) -> (usize, usize, usize, usize) {
        let at = text.find(needle).unwrap();
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_start..at];
        let line = text[..at].matches('\n').count();
        (
            line,
            before.len(),
            before.encode_utf16().count(),
            before.chars().count(),
        )
    }

    #[test]
    fn emoji_cjk_and_crlf_in_every_unit_both_ways() {
        // 🙂: 1 char, 2 UTF-16 units, 4 bytes; 👍🏽: 2 chars, 4 units, 8 bytes; the family:
        // 5 chars, 8 units, 18 bytes; CJK: 1 char, 1 unit, 3 bytes
        let text = "🙂最好\r\n👍🏽👍🏽 第一\r\n👩‍👩‍👧👩‍👩‍👧加微信\n\r\n尾🙂";
        let idx = LineIndex::new(text);
        for (needle, want) in [
            ("最好", (0, 4, 2, 1)),
            ("第一", (1, 17, 9, 5)),
            ("加微信", (2, 36, 16, 10)),
            ("尾", (4, 0, 0, 0)),
            ("🙂最", (0, 0, 0, 0)),
        ] {
            assert_eq!(expected(text, needle), want, "{needle}");
            let at = text.find(needle).unwrap();
            let span = Span::new(at, at + needle.len());
            for (unit, col) in [
                (ColumnUnit::Utf8, want.1),
                (ColumnUnit::Utf16, want.2),
                (ColumnUnit::Char, want.3),
            ] {
                let (start, end) = idx.range(span, unit);
                assert_eq!(start, (want.0, col), "{needle} {unit:?}");
                let len = match unit {
                    ColumnUnit::Utf8 => needle.len(),
                    ColumnUnit::Utf16 => needle.encode_utf16().count(),
                    ColumnUnit::Char => needle.chars().count(),
                };
                assert_eq!(end, (want.0, col + len), "{needle} {unit:?}");
                assert_eq!(idx.span(start, end, unit), span, "{needle} {unit:?}");
                assert_eq!(idx.span(end, start, unit), span, "reversed {needle} {unit:?}");
            }
        }
        // the end of a CRLF line is before its \r, in every unit; the empty line 3 is empty
        assert_eq!(idx.line_text(0), "🙂最好");
        assert_eq!(idx.span((0, 99), (1, 0), ColumnUnit::Utf16), Span::new(10, 12));
        assert_eq!(idx.line_text(3), "");
        assert_eq!(idx.offset(3, 5, ColumnUnit::Utf16), text.find("\r\n尾").unwrap());
        // a column inside a surrogate pair or a UTF-8 sequence snaps to the character's start
        assert_eq!(idx.offset(0, 1, ColumnUnit::Utf16), 0);
        assert_eq!(idx.offset(0, 5, ColumnUnit::Utf8), 4);
        // past the last line: the end of the text
        assert_eq!(
            idx.span((4, 0), (9, 0), ColumnUnit::Char),
            Span::new(text.find('尾').unwrap(), text.len())
        );
    }

    proptest::proptest! {
        #[test]
        fn every_boundary_round_trips(parts in proptest::collection::vec(
            proptest::sample::select(vec!["a", "最", "好", "🙂", "👍🏽", "👩‍👩‍👧", "\n", "\r\n", " ", "é", "\u{200b}"]),
            0..40,
        )) {
            let text: String = parts.concat();
            let idx = LineIndex::new(&text);
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                if text[i..].starts_with('\n') && text[..i].ends_with('\r') {
                    continue; // inside a CRLF: no column of its own
                }
                let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                let before = &text[line_start..i];
                let line = text[..i].matches('\n').count();
                for (unit, col) in [
                    (ColumnUnit::Utf8, before.len()),
                    (ColumnUnit::Utf16, before.encode_utf16().count()),
                    (ColumnUnit::Char, before.chars().count()),
                ] {
                    proptest::prop_assert_eq!(idx.line_col(i, unit), (line, col));
                    let back = idx.offset(line, col, unit);
                    if text[i..].starts_with('\r') {
                        proptest::prop_assert!(back <= i); // a \r before \n is the line's end
                    } else {
                        proptest::prop_assert_eq!(back, i);
                    }
                }
            }
        }
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(2, 8)) && a.contains(Span::new(3, 5)));
        assert!(!a.contains(Span::new(1, 5)));
        assert!(a.overlaps(Span::new(7, 9)) && !a.overlaps(Span::new(8, 9)));
        assert_eq!(a.len(), 6);
    }
}
