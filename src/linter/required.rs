//! The literals every match of a regex holds somewhere: a text that holds none of them cannot
//! match, so the regex is neither compiled nor asked there.
//!
//! A gate literal ([`super::patterns`]) says where a match may *start*; most places it opens
//! hold no match (`一` of 一个 opens the number regexes, `加` of 加油 the contact ones). A
//! required set says whether a match can be anywhere in the text at all: `加{gap}?(?:微信|vx)`
//! needs 微信 or vx, `{digit}{6,}[群裙]` needs 群 or 裙. It is read off the syntax tree: the
//! prefixes of each suffix of a concatenation (what follows a part must match somewhere), the
//! union of the alternatives' sets, a repetition's body when it repeats at least once. Of the
//! candidate sets, the one whose lightest literal weighs most is kept (a character outside ASCII
//! weighs two), and only when the gate does not imply it already (every gate literal holding one
//! of its literals). Whether a text holds one is asked of its [`Sketch`], a few bit tests.

use regex_syntax::hir::{Hir, HirKind};

/// The most literals a required set may have: a set of many short literals is a poor filter.
const MAX_LITERALS: usize = 24;

/// The required set of `hir` worth keeping beside `gates` (its gate literals), if any.
pub(super) fn required_of(hir: &Hir, gates: Option<&[String]>) -> Option<Vec<String>> {
    let implied =
        |set: &Vec<String>| gates.is_some_and(|g| g.iter().all(|lit| set.iter().any(|r| lit.contains(r.as_str()))));
    let mut found = Vec::new();
    candidates(hir, &mut found);
    found.into_iter().filter(|s| !implied(s)).max_by_key(|s| score(s))
}

/// How rare a set's literals are: the lightest literal's weight (a character outside ASCII
/// weighs two, an ASCII one one: 微 is rarer than v, vx than 加), then fewer literals.
fn score(set: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    let weight = |l: &String| l.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    let lightest = set.iter().map(weight).min().unwrap_or(0);
    (lightest, std::cmp::Reverse(set.len()))
}

/// Every set of literals found such that each match of `hir` holds one literal of the set.
fn candidates(hir: &Hir, out: &mut Vec<Vec<String>>) {
    match hir.kind() {
        HirKind::Concat(parts) => {
            out.extend(starts(hir));
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    out.extend(starts(&Hir::concat(parts[i..].to_vec())));
                }
                candidates(part, out);
            }
        }
        HirKind::Alternation(alts) => {
            out.extend(starts(hir));
            // one literal of each alternative's rarest set
            let mut union: Vec<String> = Vec::new();
            for alt in alts {
                let mut of_alt = Vec::new();
                candidates(alt, &mut of_alt);
                let Some(rarest) = of_alt.into_iter().max_by_key(|s| score(s)) else {
                    return;
                };
                union.extend(rarest);
                if union.len() > MAX_LITERALS {
                    return;
                }
            }
            union.sort_unstable();
            union.dedup();
            // a literal holding another adds nothing: the shorter is found wherever it is
            let kept: Vec<String> = union
                .iter()
                .filter(|l| !union.iter().any(|o| o != *l && l.contains(o.as_str())))
                .cloned()
                .collect();
            out.push(kept);
        }
        HirKind::Repetition(rep) if rep.min >= 1 => candidates(&rep.sub, out),
        HirKind::Capture(cap) => candidates(&cap.sub, out),
        HirKind::Literal(_) | HirKind::Class(_) => out.extend(starts(hir)),
        _ => {}
    }
}

/// The literals a match of `hir` starts with, each cut to whole characters (`None`: too many,
/// none, infinitely many, or one of them empty).
fn starts(hir: &Hir) -> Option<Vec<String>> {
    super::patterns::starting_literals(hir, 16, 9, 64).filter(|l| l.len() <= MAX_LITERALS)
}

/// How many bits a [`Sketch`] has (a power of two).
const SKETCH_BITS: usize = 4096;

/// A text's characters and its pairs of adjacent characters, each hashed to one bit: a
/// literal one of whose [keys](keys) is not set is not in the text (a set bit may be another
/// pair's, so a literal whose keys are all set may still be absent). Made once per text, in
/// one pass over its characters, when a required literal is first asked.
#[derive(Debug)]
pub(super) struct Sketch(Box<[u64; SKETCH_BITS / 64]>);

impl Sketch {
    pub(super) fn new() -> Sketch {
        Sketch(Box::new([0; SKETCH_BITS / 64]))
    }

    /// Sketches `text`, forgetting the text before.
    pub(super) fn make(&mut self, text: &str) {
        self.0.fill(0);
        let mut prev = None;
        for c in text.chars() {
            self.set(one(c));
            if let Some(p) = prev {
                self.set(pair(p, c));
            }
            prev = Some(c);
        }
    }

    fn set(&mut self, key: u16) {
        self.0[usize::from(key) / 64] |= 1 << (key % 64);
    }

    /// Whether the sketched text may hold the literal of these keys.
    pub(super) fn may_hold(&self, keys: &[u16]) -> bool {
        keys.iter().all(|&k| self.0[usize::from(k) / 64] & (1 << (k % 64)) != 0)
    }
}

fn hash(x: u32) -> u16 {
    (x.wrapping_mul(0x9E37_79B1) >> (32 - SKETCH_BITS.trailing_zeros())) as u16
}

fn one(c: char) -> u16 {
    hash(c as u32)
}

fn pair(a: char, b: char) -> u16 {
    hash((a as u32).wrapping_mul(0x0101_0101) ^ (b as u32).rotate_left(16) ^ 0x5bd1_e995)
}

/// The keys a text holding `literal` has set in its [`Sketch`]: its character, or each pair of
/// adjacent characters.
pub(super) fn keys(literal: &str) -> Box<[u16]> {
    let chars: Vec<char> = literal.chars().collect();
    match chars.as_slice() {
        [c] => Box::new([one(*c)]),
        _ => chars.windows(2).map(|w| pair(w[0], w[1])).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The required set of `pattern` beside the gate of its first character.
    fn req(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::ParserBuilder::new().build().parse(pattern).unwrap();
        let gate: String = pattern.chars().take(1).collect();
        required_of(&hir, Some(&[gate]))
    }

    #[test]
    fn the_rarest_part_every_match_holds() {
        assert_eq!(req(r"加\s*(?:微信|vx)\s*[0-9]+").unwrap(), ["vx", "微信"]);
        assert_eq!(req(r"1[0-9]{6,}[群裙]").unwrap(), ["群", "裙"]);
        // alternatives: one literal of each
        assert_eq!(req(r"(?:买|卖)高仿|复刻款").unwrap(), ["买高仿", "卖高仿", "复刻款"]);
        // an optional part is no requirement; a repeated one is
        assert!(req(r"(?:私信)?[0-9]{5}").is_none_or(|s| !s.contains(&"私信".to_owned())));
        assert_eq!(req(r"(?:私聊)+我").unwrap(), ["私聊"]);
        assert_eq!(req(r"找(?:私聊)+我").unwrap(), ["找私聊"]);
        // nothing every match holds
        assert!(req(r"\p{Han}{2}").is_none());
        // case folded: both cases
        let folded = req(r"x(?i)vx").unwrap();
        assert_eq!(folded, ["xVX", "xVx", "xvX", "xvx"]);
    }

    #[test]
    fn a_set_the_gate_implies_is_not_kept() {
        let hir = regex_syntax::ParserBuilder::new().build().parse("微信号").unwrap();
        assert!(required_of(&hir, Some(&["微信".to_owned()])).is_some());
        assert!(required_of(&hir, Some(&["微信号".to_owned()])).is_none());
    }

    #[test]
    fn a_literal_in_the_text_is_always_found() {
        let text = "今天去公园散步，加我vx：abc123，最好用的面霜🧴";
        let mut s = Sketch::new();
        s.make(text);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for i in 0..chars.len() {
            for j in i + 1..=chars.len() {
                let end = chars.get(j).map_or(text.len(), |&(at, _)| at);
                assert!(s.may_hold(&keys(&text[chars[i].0..end])));
            }
        }
        // and most literals not in it are not
        let absent = ["微信", "群号", "私聊", "根治", "高仿", "淘宝", "电子烟", "复刻"];
        assert!(absent.iter().filter(|l| s.may_hold(&keys(l))).count() <= 1);
        // a new text forgets the old
        s.make("加油");
        assert!(!s.may_hold(&keys("vx")));
    }
}
