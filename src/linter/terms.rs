//! Stage 3's matcher of the folded strings (terms, exceptions, allowed entries, context words,
//! gate literals) in a field's compact copy: every occurrence of every string, overlapping.
//!
//! Two builds, the same matches in the same order:
//! - an Aho-Corasick contiguous NFA, for batches. (A DFA of these strings is 7.5 MB, and its
//!   rows, read at random, were out of the cache by the next note, evicted by the other
//!   stages' automata: over 53,000 real notes the CLI was 6% faster with the NFA, whose
//!   states are packed and whose hot ones, near the root, stay cached; it also builds faster.)
//! - for a quick start (a check of a few notes, `fix`): a table of the strings' byte lengths
//!   by their first character, each place of the text looked up in the linter's map of strings
//!   for those lengths only. Building it costs a pass over the strings (the automaton of some
//!   8,000 strings took 8 ms, a fifth of a one-note check); a search costs a few hash lookups a
//!   character, which a note of a few hundred characters does not feel.

use crate::FastMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// The strings' matcher (see the module docs).
#[derive(Debug)]
pub(super) enum Terms {
    Automaton(AhoCorasick),
    /// Per first character, the byte lengths of the strings it starts, longest first.
    Table(FastMap<char, Box<[usize]>>),
}

impl Terms {
    /// The matcher of `strings` (each once: its index is its id); `quick`: the table.
    pub(super) fn new(strings: &[String], quick: bool) -> Terms {
        if !quick {
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(strings)
                .expect("a few thousand short terms fit an automaton");
            return Terms::Automaton(automaton);
        }
        let mut lens: FastMap<char, Vec<usize>> = FastMap::default();
        for s in strings {
            if let Some(c) = s.chars().next() {
                lens.entry(c).or_default().push(s.len());
            }
        }
        Terms::Table(
            lens.into_iter()
                .map(|(c, mut l)| {
                    l.sort_unstable_by(|a, b| b.cmp(a));
                    l.dedup();
                    (c, l.into_boxed_slice())
                })
                .collect(),
        )
    }

    /// Calls `found(start, end, id)` for every occurrence in `text` of every string, by end,
    /// and at one end the longest first (the order of an overlapping Aho-Corasick search).
    /// `ids`: each string's id by its text (the table looks places up in it).
    pub(super) fn each_overlapping(
        &self,
        text: &str,
        ids: &FastMap<String, usize>,
        mut found: impl FnMut(usize, usize, usize),
    ) {
        match self {
            Terms::Automaton(ac) => {
                for m in ac.find_overlapping_iter(text) {
                    found(m.start(), m.end(), m.pattern().as_usize());
                }
            }
            Terms::Table(lens) => {
                let mut hits: Vec<(usize, usize, usize)> = Vec::new();
                for (at, c) in text.char_indices() {
                    let Some(lens) = lens.get(&c) else { continue };
                    for &len in lens.iter() {
                        let end = at + len;
                        if let Some(&id) = text.get(at..end).and_then(|s| ids.get(s)) {
                            hits.push((at, end, id));
                        }
                    }
                }
                // by end; at one end the longest first (starts ascending)
                hits.sort_by_key(|&(start, end, _)| (end, start));
                for (start, end, id) in hits {
                    found(start, end, id);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(terms: &Terms, text: &str, ids: &FastMap<String, usize>) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        terms.each_overlapping(text, ids, |s, e, id| out.push((s, e, id)));
        out
    }

    #[test]
    fn the_table_finds_what_the_automaton_finds_in_its_order() {
        let strings: Vec<String> = [
            "最好",
            "最好用",
            "好用",
            "用",
            "微信",
            "信",
            "1",
            "12",
            "123",
            "qq",
            "q",
            "a货",
            "🐧",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let ids: FastMap<String, usize> = strings.iter().enumerate().map(|(i, s)| (s.clone(), i)).collect();
        let (dfa, table) = (Terms::new(&strings, false), Terms::new(&strings, true));
        for text in [
            "",
            "最好用的微信",
            "qqq1234最好最好用",
            "a货🐧信用",
            "x",
            "好用最好用用",
        ] {
            assert_eq!(matches(&table, text, &ids), matches(&dfa, text, &ids), "{text}");
        }
        assert_eq!(
            matches(&table, "最好用", &ids),
            vec![(0, 6, 0), (0, 9, 1), (3, 9, 2), (6, 9, 3)]
        );
    }
}
