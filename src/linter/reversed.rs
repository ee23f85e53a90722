//! Text the writer says to read backwards (`倒着念：6543 2178 931`, `倒过来读：8102_nauy`): the
//! stretch after such a cue, read from its end, is linted for off-platform redirects, and a
//! violation found there points at the writer's own characters, its reading saying `reversed`.
//! Only redirects are looked for: a contact is what people write backwards, and any other text
//! read backwards is a jumble of characters that other readings would take for words.

use super::Linter;
use crate::normalize::simplified_in_place;
use crate::note::Note;
use crate::span::Span;
use crate::violation::{Category, Field, Reading, Severity, Violation};

/// The words that say "backwards" (in simplified characters).
const BACKWARDS: [&str; 7] = ["倒着", "倒过来", "反着", "反过来", "倒序", "从右往左", "从后往前"];

/// The verbs of reading or typing one of [`BACKWARDS`] must be followed by (倒着念, 反过来输): 反过来
/// alone is "conversely", 倒过来 "upside down".
const VERBS: &str = "读念看写输打填存加搜";

/// What may stand between the cue and its stretch (倒着写了：, 倒过来念👉).
const LEAD: &str = "了啦的就是行吧哦：:，,👉👇→ \u{3000}";

/// Longest stretch read backwards, in characters.
const LONGEST: usize = 40;

impl Linter {
    /// The off-platform violations of the stretches of `note`'s title and body that follow a
    /// cue to read them backwards, into `out` (not where a violation of that category already
    /// covers the same characters).
    pub(super) fn read_reversed(&self, note: &Note, out: &mut Vec<Violation>) {
        for (text, field) in [(note.title.as_str(), Field::Title), (note.body.as_str(), Field::Body)] {
            for (cue_at, span) in stretches(text) {
                self.lint_reversed(text, field, cue_at, span, out);
            }
        }
    }

    fn lint_reversed(&self, text: &str, field: Field, cue_at: usize, span: Span, out: &mut Vec<Violation>) {
        let stretch = &text[span.range()];
        // each char of the stretch by its byte range in `text`, and the stretch reversed
        let chars: Vec<(usize, usize)> = stretch
            .char_indices()
            .map(|(i, c)| (span.start + i, span.start + i + c.len_utf8()))
            .collect();
        // the stretch reversed, after the words of its clause before the cue (群号我倒着写：…
        // is read 群号我 …: the cue's own call or channel)
        let lead_from = text[..cue_at]
            .rfind(|c: char| "，,。！？!?；;\n".contains(c))
            .map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
        let mut read = format!("{} ", &text[lead_from..cue_at]);
        let offset = read.len();
        read.extend(stretch.chars().rev());
        let reversed = &read[offset..];
        // the byte offset in `reversed` of each of its chars
        let starts: Vec<usize> = reversed.char_indices().map(|(i, _)| i).collect();
        let n = chars.len();
        for mut v in self.lint(&Note::from_body(read.as_str())) {
            if v.category != Category::OffPlatform || v.severity < Severity::Warning || v.span.end <= offset {
                continue;
            }
            // (a violation from the lead into the stretch is taken from the stretch's first char)
            let (rs, re) = (v.span.start.max(offset) - offset, v.span.end - offset);
            // chars [ks, ke) of the reversed text are chars [n - ke, n - ks) of the stretch
            let ks = starts.partition_point(|&s| s < rs);
            let ke = starts.partition_point(|&s| s < re);
            if ke <= ks || ke > n {
                continue;
            }
            let original = Span::new(chars[n - ke].0, chars[n - ks - 1].1);
            let covered = out
                .iter()
                .any(|o| o.field == field && o.category == Category::OffPlatform && o.span.overlaps(original));
            if covered {
                continue;
            }
            let term = reversed[starts[ks]..starts.get(ke).copied().unwrap_or(reversed.len())].to_owned();
            v.field = field;
            v.span = original;
            v.matched = text[original.range()].to_owned();
            v.reading = Some(Reading {
                term,
                how: vec!["reversed".to_owned()],
            });
            out.push(v);
        }
    }
}

/// The stretches of `text` that a cue says to read backwards: after the cue, its verb and
/// what may stand between, to the end of the clause (a stop, a comma, a line break), at most
/// [`LONGEST`] characters, and only one holding five ASCII letters or digits at least; each
/// with where its cue starts.
fn stretches(text: &str) -> Vec<(usize, Span)> {
    // (every cue starts with one of these, in either script: most fields hold none)
    if !text.contains(['倒', '反', '从', '從']) {
        return Vec::new();
    }
    // (the text in simplified characters, at the same offsets: 倒過來 is 倒过来)
    let plain = simplified_in_place(text);
    let mut found = Vec::new();
    for cue in BACKWARDS {
        for (at, _) in plain.match_indices(cue) {
            let after = &plain[at + cue.len()..];
            let Some(verb) = after.chars().next().filter(|&c| VERBS.contains(c)) else {
                continue;
            };
            let mut from = at + cue.len() + verb.len_utf8();
            from += plain[from..]
                .chars()
                .take_while(|&c| LEAD.contains(c))
                .map(char::len_utf8)
                .sum::<usize>();
            let len: usize = plain[from..]
                .chars()
                .take_while(|&c| !"，,。！？!?；;\n".contains(c))
                .take(LONGEST)
                .map(char::len_utf8)
                .sum();
            let stretch = &text[from..from + len];
            if stretch.bytes().filter(u8::is_ascii_alphanumeric).count() >= 5 {
                found.push((at, Span::new(from, from + len)));
            }
        }
    }
    found
}
