//! A field's text rewritten for a second scan (symbols taken out: `joined.rs`; stand-ins
//! swapped back: `legend.rs`), with the origin of every byte, so that a hit found in it is
//! kept at the writer's own characters, and only where it spans something rewritten.

use std::ops::Range;

use super::{Hit, Linter};
use crate::span::Span;

/// A rewritten text and where each of its bytes came from.
pub(super) struct Rewritten {
    pub(super) text: String,
    /// For each byte of `text`, the original character it came from (start, end); one past
    /// the last, the original's end (an empty span there).
    from: Vec<(usize, usize)>,
    /// The original ranges taken out or swapped, in order.
    changed: Vec<Range<usize>>,
}

impl Rewritten {
    pub(super) fn with_capacity(len: usize) -> Rewritten {
        Rewritten {
            text: String::with_capacity(len),
            from: Vec::with_capacity(len + 1),
            changed: Vec::new(),
        }
    }

    /// Copies `range` of `original` as it is.
    pub(super) fn keep(&mut self, original: &str, range: Range<usize>) {
        self.text.push_str(&original[range.clone()]);
        self.from.extend(range.map(|i| (i, i + 1)));
    }

    /// Takes `range` of the original out.
    pub(super) fn take_out(&mut self, range: Range<usize>) {
        self.changed.push(range);
    }

    /// Writes `c` for the original character at `range`.
    pub(super) fn swap(&mut self, c: char, range: Range<usize>) {
        self.text.push(c);
        self.from
            .extend(std::iter::repeat_n((range.start, range.end), c.len_utf8()));
        self.changed.push(range);
    }

    /// Ends the text: `original_len` is the original's length.
    pub(super) fn finish(mut self, original_len: usize) -> Option<Rewritten> {
        self.from.push((original_len, original_len));
        (!self.changed.is_empty()).then_some(self)
    }

    /// The original span of a span of the rewritten text.
    pub(super) fn original(&self, span: Span) -> Span {
        let end = if span.end == 0 { 0 } else { self.from[span.end - 1].1 };
        Span::new(self.from[span.start].0, end)
    }

    /// Whether `span` of the original holds something taken out or swapped.
    pub(super) fn holds_change(&self, span: Span) -> bool {
        self.changed.iter().any(|r| span.contains(Span::from(r.clone())))
    }
}

impl Linter {
    /// The hits `found` in `rewritten`, at the writer's characters, that span something
    /// rewritten and are not among `hits` already (no hit of their rule overlaps them).
    pub(super) fn keep_rewritten(
        &self,
        rewritten: &Rewritten,
        found: impl IntoIterator<Item = Hit>,
        hits: &mut Vec<Hit>,
    ) {
        for h in found {
            let span = rewritten.original(h.span);
            if rewritten.holds_change(span) && !hits.iter().any(|o| o.rule == h.rule && o.span.overlaps(span)) {
                hits.push(Hit { span, ..h });
            }
        }
    }
}
