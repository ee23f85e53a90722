//! A redirect hidden as an acrostic (藏头): the first characters of consecutive lines spell it,
//! written out or said alike (`加油吧…⏎薇风吹过…⏎芯里装着…`: 加薇芯, 加微信). No line holds
//! anything a filter sees, and the reader who is told to look finds the call. So a field of
//! three lines or more that begin with a Han character is also read down its first column,
//! for the off-platform rules only (a call or a place, three characters or more: one line per
//! character, so two lines' chance meeting, 私…⏎我…, is not read), and a hit is kept from its
//! first line's first character to its last line's.

use super::{COMMON_CHAR, Hit, Linter};
use crate::normalize::Normalized;
use crate::normalize::reading::is_han;
use crate::span::Span;
use crate::violation::Category;

/// Fewest lines an acrostic is read over (and fewest characters of a hit read there).
const LINES: usize = 3;

impl Linter {
    /// The off-platform hits spelled by the first characters of `text`'s lines, three or more
    /// consecutive lines each beginning with a Han character, not among `hits` already.
    pub(super) fn read_acrostic(
        &self,
        text: &str,
        active: &impl Fn(usize) -> bool,
        on_topic: &impl Fn(usize) -> bool,
        hits: &mut Vec<Hit>,
    ) {
        if text.bytes().filter(|&b| b == b'\n').count() + 1 < LINES {
            return;
        }
        let inner = &*self.inner;
        let redirects = |rule: usize| active(rule) && inner.rules[rule].rule.category == Category::OffPlatform;
        for run in first_columns(text) {
            let column: String = run.iter().map(|&(_, c)| c).collect();
            let norm = Normalized::new(&column);
            let mut scan = self.scan(&column, &norm, &redirects);
            self.read_disguises(&column, &norm, &redirects, on_topic, &mut scan.hits);
            // (the column's characters are one a line: its byte offsets map to the lines')
            let starts: Vec<usize> = column.char_indices().map(|(i, _)| i).collect();
            let line_of = |byte: usize| starts.partition_point(|&s| s < byte);
            for h in scan.hits {
                let (first, last) = (line_of(h.span.start), line_of(h.span.end) - 1);
                if last + 1 - first < LINES {
                    continue;
                }
                // a line head said alike for the term's character is a rare one, chosen for
                // it (薇 and 芯 for 微信): a common opener (第…, 我…) read by sound is chance
                if let Some((id, _)) = h.reading {
                    let term = &inner.sound.term(id).text;
                    let chance = column[h.span.range()]
                        .chars()
                        .zip(term.chars())
                        .any(|(written, meant)| {
                            written != meant && crate::words::frequency(written.encode_utf8(&mut [0; 4])) >= COMMON_CHAR
                        });
                    if chance {
                        continue;
                    }
                }
                let (at, c) = run[last];
                let span = Span::new(run[first].0, at + c.len_utf8());
                if !hits.iter().any(|o| o.rule == h.rule && o.span.overlaps(span)) {
                    hits.push(Hit { span, ..h });
                }
            }
        }
    }
}

/// The runs of [`LINES`] or more consecutive lines that each begin (spaces aside) with a Han
/// character: each line's first character and its byte offset.
fn first_columns(text: &str) -> Vec<Vec<(usize, char)>> {
    let mut runs = Vec::new();
    let mut run: Vec<(usize, char)> = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start_matches([' ', '\u{3000}']).len();
        match line[lead..].chars().next() {
            Some(c) if is_han(c) => run.push((start + lead, c)),
            _ => {
                if run.len() >= LINES {
                    runs.push(std::mem::take(&mut run));
                }
                run.clear();
            }
        }
        start += line.len() + 1;
    }
    if run.len() >= LINES {
        runs.push(run);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_column_is_read_over_three_lines_or_more() {
        let text = "开心的一天\n  关门前去了趟花市\n注意到新到的绿萝\n\n公园里\n众人\n号外";
        let runs = first_columns(text);
        assert_eq!(runs.len(), 2);
        let column: String = runs[0].iter().map(|&(_, c)| c).collect();
        assert_eq!(column, "开关注");
        assert_eq!(&text[runs[0][1].0..runs[0][1].0 + 3], "关");
        let column: String = runs[1].iter().map(|&(_, c)| c).collect();
        assert_eq!(column, "公众号");
        // two lines, or a line that opens with a letter, a digit or a picture, end a run
        assert!(first_columns("加油\n微笑").is_empty());
        assert!(first_columns("加油\n🌿微风\n信心").is_empty());
    }
}
