//! Text the writer says to read backwards (`倒着念：6543 2178 931`, `倒过来读：8102_nauy`,
//! `号信微（倒着读）`, `单商，反过来读`): the contact after such a cue, or the words before it,
//! read from their end, are linted again, and a violation found there points at the writer's
//! own characters, its reading saying `reversed`. Redirects are looked for in any reading; the
//! other categories only as a pack writes their words (a jumble of characters read backwards is
//! what other readings, by sound or by initials, would take for words).

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
const LEAD: &str = "了啦的就是行吧哦：:，,👉👇→ \u{3000}）)";

/// Longest stretch read backwards, in characters.
const LONGEST: usize = 40;

impl Linter {
    /// The violations of the stretches of `note`'s title and body that a cue says to read
    /// backwards, into `out` (not where a violation of that category already covers the same
    /// characters).
    pub(super) fn read_reversed(&self, note: &Note, out: &mut Vec<Violation>) {
        for (text, field) in [(note.title.as_str(), Field::Title), (note.body.as_str(), Field::Body)] {
            for stretch in stretches(text) {
                self.lint_reversed(note, text, field, &stretch, out);
            }
        }
    }

    fn lint_reversed(&self, note: &Note, text: &str, field: Field, stretch: &Stretch, out: &mut Vec<Violation>) {
        // the text to lint, and for each of its chars where it starts in `read` and the byte
        // range in `text` it came from (none for a space put in)
        let mut read = String::new();
        let mut chars: Vec<(usize, Option<(usize, usize)>)> = Vec::new();
        let mut push = |range: Span, reverse: bool| {
            let mut part: Vec<(usize, char)> = text[range.range()].char_indices().collect();
            if reverse {
                part.reverse();
            }
            for (i, c) in part {
                chars.push((read.len(), Some((range.start + i, range.start + i + c.len_utf8()))));
                read.push(c);
            }
            chars.push((read.len(), None));
            read.push(' ');
        };
        // the words of the clause before the cue: backwards too when the cue follows them
        // (号信微（倒着读）, 单商，反过来读), else as written (群号我倒着写：… is 群号我 …)
        push(stretch.before, stretch.before_reversed);
        if let Some(after) = stretch.after {
            push(after, true);
        }
        for mut v in self.lint(&Note::from_body(read.as_str())) {
            if v.severity < Severity::Warning {
                continue;
            }
            // only redirects, or a word of the packs as written (a jumble read by sound is
            // no word), and no undeclared sponsorship in a declared note
            let redirect = v.category == Category::OffPlatform;
            let read_so = redirect && stretch.contact;
            if (v.reading.is_some() && !read_so) || note.sponsored && v.category == Category::Advertorial {
                continue;
            }
            let ks = chars.partition_point(|&(s, _)| s < v.span.start);
            let ke = chars.partition_point(|&(s, _)| s < v.span.end);
            // the writer's chars the violation covers, and whether one of them was read backwards
            let covered: Vec<(usize, usize)> = chars[ks..ke].iter().filter_map(|&(_, o)| o).collect();
            let backwards = |&(s, _): &(usize, usize)| {
                let within = |span: Span| span.start <= s && s < span.end;
                stretch.after.is_some_and(within) || stretch.before_reversed && within(stretch.before)
            };
            if !covered.iter().any(backwards) {
                continue;
            }
            let (Some(first), Some(last)) = (covered.iter().map(|c| c.0).min(), covered.iter().map(|c| c.1).max())
            else {
                continue;
            };
            let original = Span::new(first, last);
            let already = out
                .iter()
                .any(|o| o.field == field && o.category == v.category && o.span.overlaps(original));
            if already {
                continue;
            }
            let term: String = read[chars[ks].0..chars.get(ke).map_or(read.len(), |&(s, _)| s)]
                .trim()
                .to_owned();
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

/// A place a cue says to read backwards: the words of the clause before the cue, and the
/// stretch after it when it holds a contact.
#[derive(Debug, PartialEq, Eq)]
struct Stretch {
    /// The words before the cue, back to the clause's start (the clause before when the cue
    /// starts one: 单商，反过来读).
    before: Span,
    /// Whether those words are read backwards: when nothing that reads as a contact follows
    /// the cue, or the cue stands in brackets after them (号信微（倒着读）：…).
    before_reversed: bool,
    /// The stretch after the cue, read backwards (the next line's when the cue ends its own:
    /// 倒着读👀⏎…).
    after: Option<Span>,
    /// Whether that stretch holds five ASCII letters or digits at least, as a contact does: a
    /// redirect read there by sound or initials counts too.
    contact: bool,
}

/// The places of `text` a cue says to read backwards (see [`Stretch`]): after the cue, its
/// verb and what may stand between, to the end of the clause (a stop, a comma, a line break),
/// at most [`LONGEST`] characters; and the words before the cue.
fn stretches(text: &str) -> Vec<Stretch> {
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
            let clause = |from: usize| -> usize {
                plain[from..]
                    .chars()
                    .take_while(|&c| !CLAUSE_END.contains(c))
                    .take(LONGEST)
                    .map(char::len_utf8)
                    .sum()
            };
            let mut len = clause(from);
            // (a cue that ends its line, but for pictures: the next line)
            if !plain[from..from + len].chars().any(char::is_alphanumeric) && plain[from + len..].starts_with('\n') {
                from += len + 1;
                len = clause(from);
            }
            let contact = text[from..from + len].bytes().filter(u8::is_ascii_alphanumeric).count() >= 5;
            let after = plain[from..from + len]
                .chars()
                .any(char::is_alphanumeric)
                .then(|| Span::new(from, from + len));
            // the words before the cue, and whether the cue stands in brackets after them
            let mut end = at;
            let bracketed = plain[..end].ends_with(['（', '(']);
            end -= plain[..end]
                .chars()
                .rev()
                .take_while(|&c| " \u{3000}（(".contains(c))
                .map(char::len_utf8)
                .sum::<usize>();
            // (the clause before, when the cue starts its own: 单商，反过来读)
            let starts_clause = plain[..end].ends_with(|c: char| "，,；;".contains(c));
            if starts_clause {
                end -= plain[..end].chars().next_back().map_or(0, char::len_utf8);
            }
            let begin = plain[..end]
                .char_indices()
                .rev()
                .take(LONGEST)
                .take_while(|&(_, c)| !CLAUSE_END.contains(c))
                .last()
                .map_or(end, |(i, _)| i);
            let before_reversed = bracketed || starts_clause || !contact;
            if after.is_none() && begin == end {
                continue;
            }
            found.push(Stretch {
                before: Span::new(begin, end),
                before_reversed,
                after,
                contact,
            });
        }
    }
    found
}

/// The chars that end a clause.
const CLAUSE_END: &str = "，,。！？!?；;\n";
