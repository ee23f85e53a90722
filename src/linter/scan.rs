//! Stages 3, 5 and 7: the scan of a field (the automaton over its compact copy, the regexes
//! over its folded copy), exceptions, and overlapping hits reported once. The shape checks of
//! a hit live here too: gaps between its characters, ASCII word boundaries, cues.

use super::patterns::LazyRegex;
use super::{Anchor, Hit, Linter, MAX_GAP, Role};
use crate::normalize::Normalized;
use crate::span::Span;
use crate::violation::Violation;

/// What the scan of a field found: hits that passed their shape checks and cues, the spans of
/// exceptions and allowed entries (`None`: allowed for every rule), and context words.
#[derive(Debug, Default)]
pub(super) struct Scan {
    pub(super) hits: Vec<Hit>,
    pub(super) exceptions: Vec<(Option<usize>, Span)>,
    pub(super) anchors: Vec<(Anchor, Span)>,
}

impl Linter {
    /// The automaton over the compact copy (overlapping matches: a folded string can be a term
    /// of several rules, an exception and a context word at once), then the regexes over the
    /// folded copy where their gate literals occurred.
    pub(super) fn scan(&self, text: &str, norm: &Normalized, active: &impl Fn(usize) -> bool) -> Scan {
        let inner = &*self.inner;
        let compact = norm.compact();
        let mut scan = Scan::default();
        let mut gates: Vec<(u32, u32)> = Vec::new();
        inner.automaton.each_overlapping(compact, &inner.ids, |start, end, id| {
            let roles = &inner.roles[id];
            // a gate literal only (a digit, 一, qq): where it starts in the folded copy is all
            // that is needed, not the whole span
            if roles.iter().all(|r| matches!(r, Role::Gate(_))) {
                let start = norm.compact_to_original(start, start).start;
                let at = norm.original_to_folded(start) as u32;
                gates.extend(roles.iter().filter_map(|&r| match r {
                    Role::Gate(k) => Some((k, at)),
                    _ => None,
                }));
                return;
            }
            let mut checked: Option<bool> = None;
            let span: Span = norm.compact_to_original(start, end).into();
            for &role in roles {
                let (rule, term) = match role {
                    Role::Anchor(a) => {
                        scan.anchors.push((a, span));
                        continue;
                    }
                    Role::Exception { rule } => {
                        scan.exceptions.push((Some(rule as usize), span));
                        continue;
                    }
                    Role::Allow => {
                        scan.exceptions.push((None, span));
                        continue;
                    }
                    Role::Gate(k) => {
                        gates.push((k, norm.original_to_folded(span.start) as u32));
                        continue;
                    }
                    Role::Term { rule, term } => (rule as usize, Some(term as usize)),
                    Role::Disguised { rule } => (rule as usize, None),
                };
                if !active(rule) {
                    continue;
                }
                let shape_ok = *checked.get_or_insert_with(|| {
                    gaps_ok(text, norm, start, end) && on_word_boundaries(text, span, &compact[start..end])
                });
                // a `disguised_terms` entry counts only where the writer spelled a syllable of it
                // (bo尿酸) or set its characters apart (水 光): as written it names other things
                let shown = term.is_some()
                    || spelled_in(text, norm, span)
                    || (text[span.range()].chars().count() > compact[start..end].chars().count()
                        && !edge_joins_a_word(text, span));
                // a character told only by what follows it (薇：abc123) that ends a word with
                // the one before it (不敢恭维。（1708…）) is that word's
                let r = &inner.rules[rule];
                let own_word = r.before.is_empty() && r.after.is_some() && ends_a_word(text, span);
                if shape_ok && shown && !own_word && self.cues_ok(rule, norm, start, span) {
                    scan.hits.push(Hit {
                        rule,
                        span,
                        term,
                        reading: None,
                    });
                }
            }
        });
        inner.patterns.find(norm.folded(), &mut gates, active, |rule, m| {
            scan.hits.push(Hit {
                rule,
                span: norm.folded_to_original(m.start, m.end).into(),
                term: None,
                reading: None,
            })
        });
        scan
    }

    /// Drops every hit inside an exception of its rule or an allowed entry; the regex
    /// exceptions run only for the rules that have a hit here (rarely any). A pack's exceptions
    /// are the innocent contexts of a word written plainly: a hit with a syllable spelled in
    /// pinyin for one of its characters (接商dan, 恰fan) was written to slip past review, and
    /// only an allowed entry (the user's) drops it.
    pub(super) fn drop_excepted(&self, text: &str, norm: &Normalized, scan: &mut Scan) {
        let inner = &*self.inner;
        let exceptions = &mut scan.exceptions;
        let mut with_hits: Vec<usize> = scan.hits.iter().map(|h| h.rule).collect();
        with_hits.sort_unstable();
        with_hits.dedup();
        let mut starts = Vec::new();
        for rule in with_hits {
            if let Some(patterns) = inner.rules[rule].exceptions(rule) {
                starts.clear();
                patterns.find(
                    norm.folded(),
                    &mut starts,
                    |_| true,
                    |rule, m| {
                        exceptions.push((Some(rule), norm.folded_to_original(m.start, m.end).into()));
                    },
                );
            }
        }
        // exceptions are short: only those starting shortly before a hit can contain it
        exceptions.sort_unstable_by_key(|(_, e)| e.start);
        let longest = exceptions.iter().map(|(_, e)| e.len()).max().unwrap_or(0);
        scan.hits.retain(|h| {
            let upto = exceptions.partition_point(|(_, e)| e.start <= h.span.start);
            let mut containing = exceptions[..upto]
                .iter()
                .rev()
                .take_while(|(_, e)| e.start + longest >= h.span.start)
                .filter(|(rule, e)| rule.is_none_or(|r| r == h.rule) && e.contains(h.span));
            // whether the hit was spelled is asked only of one a rule's exception holds; a
            // numeral typed by its sound is a number typed, so an exception that makes such a
            // hit the head of a longer word holds (第yi次 is 第一次, an ordinal), while one that
            // sets a topic around a hit (怎么接商dan) or a word spelled (国家ji非遗) does not
            !containing.any(|(rule, e)| {
                rule.is_none()
                    || h.reading.is_some()
                    || (e.start == h.span.start && e.end > h.span.end && numeral_head(norm, h.span))
                    || !spelled_in(text, norm, h.span)
            })
        });
    }

    /// Drops every hit the words right around it take back, in one pass over the hits:
    /// - a hit of a `deniable` rule that a denial comes right before (没有品牌赞助, 拒绝了商单,
    ///   从不接广告合作): the lexicon's `denial_before`, on the few characters before the hit;
    /// - a hit of a claim rule (one with a `scope`) that is a word talked about, not said: the
    ///   lexicon's `mention_before` on the few characters before it (所谓药妆, 什么是根治) or
    ///   `mention_after` on the text after it (药妆到底是啥, 最好这个词, 根治的说法).
    ///
    /// Both read the folded text.
    pub(super) fn drop_taken_back(&self, norm: &Normalized, hits: &mut Vec<Hit>) {
        let inner = &*self.inner;
        let (denial, before, after) = (&inner.denial_before, &inner.mention_before, &inner.mention_after);
        if denial.is_none() && before.is_none() && after.is_none() {
            return;
        }
        let folded = norm.folded();
        // the start of the `n` characters of `folded` before byte `at`
        let back = |at: usize, n: usize| folded[..at].char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
        let matches = |re: &Option<LazyRegex>, hay: &str| re.as_ref().is_some_and(|re| re.is_match(hay));
        hits.retain(|h| {
            let rule = &inner.rules[h.rule].rule;
            let (deniable, claim) = (rule.deniable, rule.scope.is_some());
            if !deniable && !claim {
                return true;
            }
            let at = norm.original_to_folded(h.span.start);
            if deniable && matches(denial, &folded[back(at, 8)..at]) {
                return false;
            }
            if !claim {
                return true;
            }
            let end = norm.original_to_folded(h.span.end);
            let far = folded[end..]
                .char_indices()
                .nth(8)
                .map_or(folded.len(), |(i, _)| end + i);
            !(matches(before, &folded[back(at, 6)..at]) || matches(after, &folded[end..far]))
        });
    }

    /// `before` / `after` cues: when a rule has either, one of them must hold.
    pub(super) fn cues_ok(&self, rule: usize, norm: &Normalized, compact_start: usize, span: Span) -> bool {
        let r = &self.inner.rules[rule];
        if r.before.is_empty() && r.after.is_none() {
            return true;
        }
        let before = &norm.compact()[..compact_start];
        // a call declined is none (不加微信, 无需私我, 别加v), but not a suggestion (要不加微信)
        // or a question (加不加)
        let declined = |lead: &str, cue: &str| {
            CUE_DENIED.iter().any(|n| {
                lead.strip_suffix(n).is_some_and(|rest| {
                    *n != "不" || !(rest.ends_with('要') || cue.chars().next().is_some_and(|c| rest.ends_with(c)))
                })
            })
        };
        if r.before.iter().any(|cue| {
            before
                .strip_suffix(cue.as_str())
                .is_some_and(|lead| !declined(lead, cue))
        }) {
            return true;
        }
        // a plus sign is written for 加 (+v, ➕卫星): the compact copy drops it, the folded
        // one holds it (➕ folded to +)
        if r.before.iter().any(|cue| cue == "加") {
            let at = norm.original_to_folded(span.start);
            if norm.folded()[..at].trim_end().ends_with('+') {
                return true;
            }
        }
        r.after.as_ref().is_some_and(|re| {
            let at = norm.original_to_folded(span.end);
            re.is_match(&norm.folded()[at..])
        })
    }
}

/// Before a `before` cue, a denial of the call (不加, 无需私, 别加).
const CUE_DENIED: [&str; 11] = [
    "不",
    "别",
    "无需",
    "不用",
    "不要",
    "不必",
    "不需要",
    "拒绝",
    "禁止",
    "严禁",
    "千万别",
];

/// Whether an edge character of `span` makes a word with the character beside it outside
/// (快 手 of 那么快 手机里: 手机): a term set apart by a space or a symbol whose edge belongs to
/// the next word is those words, not the term written apart.
pub(super) fn edge_joins_a_word(text: &str, span: Span) -> bool {
    let inner = &text[span.range()];
    pair_is_word(inner.chars().next_back(), text[span.end..].chars().next())
        || pair_is_word(text[..span.start].chars().next_back(), inner.chars().next())
}

/// Whether a one-character hit ends a word begun by the character before it (维 of 恭维,
/// 薇 of 蔷薇) and is not written as a label (微abc123, 薇：abc123): a character told only by
/// what follows it is then that word's.
fn ends_a_word(text: &str, span: Span) -> bool {
    let mut inner = text[span.range()].chars();
    let (first, rest) = (inner.next(), inner.next());
    let label = text[span.end..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_alphanumeric() || c == ':' || c == '：');
    rest.is_none() && !label && pair_is_word(text[..span.start].chars().next_back(), first)
}

/// Whether two ideographs make a word of the segmenter's dictionary.
pub(super) fn pair_is_word(a: Option<char>, b: Option<char>) -> bool {
    use crate::normalize::reading::is_han;
    match (a, b) {
        (Some(a), Some(b)) if is_han(a) && is_han(b) => {
            let mut buf = [0; 8];
            let n = a.encode_utf8(&mut buf).len();
            let m = b.encode_utf8(&mut buf[n..]).len();
            std::str::from_utf8(&buf[..n + m]).is_ok_and(crate::words::is_word)
        }
        _ => false,
    }
}

/// Reports overlapping violations of one category once: the most severe, then the longest,
/// then the first is kept, and every other that overlaps one kept is dropped. (A sweep that
/// let each hit replace the last would lose the first of a chain `A–B–C` where only `C` is
/// kept, though `A` does not overlap it: 限时秒杀 beside 秒杀，今晚 beside 今晚十二点结束.)
/// The order returned is unspecified; callers sort.
pub(super) fn merge_overlapping(mut found: Vec<Violation>) -> Vec<Violation> {
    found.sort_by(|a, b| {
        (
            a.category,
            std::cmp::Reverse((a.severity, a.span.len())),
            a.span.start,
            &a.rule,
        )
            .cmp(&(
                b.category,
                std::cmp::Reverse((b.severity, b.span.len())),
                b.span.start,
                &b.rule,
            ))
    });
    let mut kept: Vec<Violation> = Vec::with_capacity(found.len());
    // the kept violations of the current category start here
    let mut from = 0;
    for v in found {
        if kept.get(from).is_some_and(|k| k.category != v.category) {
            from = kept.len();
        }
        if !kept[from..].iter().any(|k| k.span.overlaps(v.span)) {
            kept.push(v);
        }
    }
    kept
}

/// Sentence punctuation: a gap holding one of these is a clause break, not a disguise, unless
/// every character of the term is set apart the same way (`电，子，烟`).
/// (And `#`, a tag's start: `维港 #烟花` holds no 港烟.)
const CLAUSE_BREAKS: &[char] = &[
    '，', '。', '！', '？', '；', '：', '、', ',', '!', '?', ';', '…', '#', '＃',
];

/// The gaps inside a term hit (compact bytes `start..end`): see [`gaps_between_ok`].
pub(super) fn gaps_ok(text: &str, norm: &Normalized, start: usize, end: usize) -> bool {
    let compact = norm.compact();
    let units = compact[start..end]
        .char_indices()
        .map(|(i, c)| norm.compact_to_original(start + i, start + i + c.len_utf8()));
    gaps_between_ok(text, units)
}

/// The gaps between the units of a hit (original byte ranges, in order): none may hold more
/// than [`MAX_GAP`] original characters, and a clause break may only sit between the units of
/// a term of three or more that are *all* set apart (`电，子，烟`), so that `物流超快，下单` does
/// not hold `快下单` and `到手，价格` does not hold `到手价`.
pub(super) fn gaps_between_ok(text: &str, units: impl IntoIterator<Item = std::ops::Range<usize>>) -> bool {
    let mut prev_end: Option<usize> = None;
    let (mut chars, mut gaps, mut clause_break) = (0, 0, false);
    for at in units {
        chars += 1;
        if let Some(prev) = prev_end.filter(|&p| at.start > p) {
            let gap = &text[prev..at.start];
            if gap.chars().count() > MAX_GAP {
                return false;
            }
            gaps += 1;
            clause_break |= gap.contains(CLAUSE_BREAKS);
        }
        prev_end = Some(prev_end.map_or(at.end, |p| p.max(at.end)));
    }
    !clause_break || (chars >= 3 && gaps == chars - 1)
}

/// A term that starts (ends) with an ASCII letter or digit must not continue a word of the
/// original text before (after) it: `wx` is not in `twxyz`, `tb` is not in `atb` nor in `2tb`
/// (a unit after its number). Digits after a term's last word of letters start a word of their
/// own (`vape100r`: a vape for 100).
pub(super) fn on_word_boundaries(text: &str, span: Span, folded: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let bytes = folded.as_bytes();
    let starts_ascii = bytes.first().is_some_and(u8::is_ascii_alphanumeric);
    let after = text[span.end..].chars().next();
    let joins_before = starts_ascii && alnum(text[..span.start].chars().next_back());
    // (a word, not a letter or two: vx600, 加v5 are a model and a level)
    let word_tail = bytes.iter().rev().take_while(|b| b.is_ascii_alphabetic()).count() >= 3;
    let joins_after = bytes.last().is_some_and(|&b| match b {
        b'a'..=b'z' | b'A'..=b'Z' if word_tail => after.is_some_and(|c| c.is_ascii_alphabetic()),
        _ => b.is_ascii_alphanumeric() && alnum(after),
    });
    !joins_before && !joins_after
}

/// Whether the folded text of `span` holds a numeral (a syllable spelled there read as one).
fn numeral_head(norm: &Normalized, span: Span) -> bool {
    let (fs, fe) = (norm.original_to_folded(span.start), norm.original_to_folded(span.end));
    norm.folded()[fs..fe].contains(|c| "一二三四五六七八九十两".contains(c))
}

/// Whether the normaliser read a syllable spelled in pinyin as a character inside `span` (the
/// folded view there holds fewer Latin letters than the writer typed).
pub(super) fn spelled_in(text: &str, norm: &Normalized, span: Span) -> bool {
    let letters = |s: &str| s.bytes().filter(u8::is_ascii_alphabetic).count();
    let written = letters(&text[span.range()]);
    written >= 2 && {
        let (fs, fe) = (norm.original_to_folded(span.start), norm.original_to_folded(span.end));
        letters(&norm.folded()[fs..fe]) < written
    }
}
