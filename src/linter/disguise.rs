//! Stage 4, disguises: the terms the sound index reads in a field (by sound, pinyin, initials,
//! emoji: `crate::sound`), and whether each counts: its characters close together, the rule's
//! cues, the guards on readings nobody asked for, and not an ordinary word of the text.

use super::scan::{gaps_between_ok, on_word_boundaries};
use super::{COMMON_CHAR, FUNCTION_CHAR, Hit, Linter, Role};
use crate::normalize::{Normalized, reading};
use crate::sound::{How, SoundHit, SoundTerm};
use crate::span::Span;
use crate::violation::Category;
use crate::words;

impl Hit {
    /// Sound-index term `id` (`st`) read at `span`, written `how`.
    fn read(st: &SoundTerm, id: u32, span: Span, how: How) -> Hit {
        Hit {
            rule: st.rule as usize,
            span,
            term: st.term.map(|t| t as usize),
            reading: Some((id, how)),
        }
    }
}

impl Linter {
    /// Terms written in disguise (read by sound, initials or emoji): each candidate of the
    /// sound index must keep its characters close (as a term's), satisfy the rule's cues, and
    /// not be an ordinary word. A candidate made of Han characters only (`威信`, `私心`, `竹叶`)
    /// that is a word of the dictionary, or that cuts a word of the text in two (`公主页面`), is
    /// that word, not a disguise, unless the rule's cues say otherwise.
    pub(super) fn read_disguises(
        &self,
        text: &str,
        norm: &Normalized,
        active: &impl Fn(usize) -> bool,
        on_topic: &impl Fn(usize) -> bool,
        hits: &mut Vec<Hit>,
    ) {
        let inner = &*self.inner;
        self.read_masked(text, norm, active, hits);
        self.read_lookalike_digits(norm, active, hits);
        self.read_initials_on_topic(text, norm, active, on_topic, hits);
        let readings = inner.sound.scan(norm.folded());
        if readings.is_empty() {
            return;
        }
        // the literal hits by start, to find one inside a reading in logarithmic time
        let mut literals: Vec<(usize, usize, usize)> = hits
            .iter()
            .filter(|h| h.reading.is_none())
            .map(|h| (h.span.start, h.span.end, h.rule))
            .collect();
        literals.sort_unstable();
        for h in readings {
            let st = inner.sound.term(h.term);
            let rule = st.rule as usize;
            if !active(rule) {
                continue;
            }
            let units: Vec<std::ops::Range<usize>> = h
                .units
                .iter()
                .map(|u| norm.folded_to_original(u.start, u.end))
                .collect();
            let span = Span::from(units[0].start..units[units.len() - 1].end);
            if !gaps_between_ok(text, units.iter().cloned()) || !on_word_boundaries(text, span, &st.text) {
                continue;
            }
            let written: String = h
                .units
                .iter()
                .flat_map(|u| norm.folded()[u.clone()].chars())
                .filter(|c| !c.is_whitespace())
                .collect();
            let spelled_as_term = inner.ids.get(&written).is_some_and(|&id| {
                inner.roles[id]
                    .iter()
                    .any(|r| matches!(r, Role::Term { .. } | Role::Exception { .. }))
            });
            if written != st.text && spelled_as_term {
                continue;
            }
            let r = &inner.rules[rule];
            let cued = !r.before.is_empty() || r.after.is_some();
            if !self.cues_ok(rule, norm, norm.original_to_compact(span.start), span) {
                continue;
            }
            // a term of the same rule written plainly inside (最强 of 最强哒) is that term,
            // and the literal matcher's: the rest is not a disguise
            let from = literals.partition_point(|&(start, _, _)| start < span.start);
            if literals[from..]
                .iter()
                .take_while(|&&(start, _, _)| start < span.end)
                .any(|&(_, end, r)| r == rule && end <= span.end)
            {
                continue;
            }
            // a character standing for its accent twin (纸 for 子) reads only for rules read by
            // default, under their guards: a cued rule's terms are short words in calls (微信搜),
            // and its cue says nothing of accents (京东售的 is no 京东搜)
            let by_accent = h.swapped.iter().any(|&c| {
                let said = reading::han(c).first();
                !st.text.chars().any(|t| reading::han(t).first() == said)
            });
            if by_accent && (cued || !r.rule.read_default) {
                continue;
            }
            // a cued term said like a word of its own in another tone (看…简洁 is no 简介) is that
            // word: a cue says where to look, not that the word is a stand-in. In the same tone
            // (加威信), or with a handle after it (加微星：abc123), the word is the disguise
            if cued
                && h.how.kinds() == How::HOMOPHONE
                && !h.swapped.is_empty()
                && words::is_word(&written)
                && !said_alike(norm, &h, &st.text)
                && !text[span.end..]
                    .trim_start_matches(|c: char| c.is_whitespace() || ":：-".contains(c))
                    .starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                continue;
            }
            // ...and a cued term said with characters that belong to a longer word of the text
            // (充电宝：10000毫安 holds no 电报 before a handle) is part of that word: nobody
            // disguises a name by gluing it into another
            if cued && h.how.kinds() == How::HOMOPHONE && !h.swapped.is_empty() {
                let (fs, fe) = h.folded_span();
                if !words::is_whole_words(norm.folded(), fs, fe) {
                    continue;
                }
            }
            let named = r.rule.names_things();
            // (a platform said again by its sound before a call written as itself, 斗因搜 for
            // 抖音搜, though more than half its characters are swapped: the call says where to
            // look, as a cue does; no two characters side by side make a word, 简洁又 is no 简介有)
            // (or a name's two characters both said again, 斗阴 for 抖音, 蔚欣 for 微信, where its
            // rule's cue after it says where to look: the two make no word)
            let platform_respelled = r.rule.category == Category::OffPlatform
                && h.how.kinds() == How::HOMOPHONE
                && (h.plain > 0 || (cued && h.term_chars == 2))
                && (h.swapped.len() < h.term_chars || h.term_chars == 2)
                && h.swapped.len() * 2 > h.term_chars
                && makes_no_word(written.chars())
                && !words::is_word(&written)
                // (no function word among them: 你诚 is no 昵称)
                && (h.plain > 0 || h.swapped.iter().all(|&c| words::char_frequency(c) < FUNCTION_CHAR));
            let respelled = respelled_name(norm, &h, named) || platform_respelled;
            // every character swapped is a name spelled again by its sound, or another word
            if h.swapped.len() == h.term_chars && !respelled {
                continue;
            }
            if !latin_reading_ok(text, norm, &h, named)
                || (r.rule.read_default
                    && st.term.is_some()
                    && !cued
                    && !default_reading_ok(norm, &h, named, respelled, on_topic(rule) && !r.rule.only_on_topic))
            {
                continue;
            }
            if !cued && !h.swapped.is_empty() {
                // in a note about the rule's kind of thing (its `topic`), the note says what
                // was meant as a cue would: the two guards below are for notes about anything.
                // (Not for a rule that counts only on its topic: its words are nicknames, each
                // ambiguous already, and a name said like one is a name: 牛尔 is no 牛二.)
                let topical = on_topic(rule) && !r.rule.only_on_topic;
                // two characters, one swapped for a same-sounding one (蜜我, 小燕, 四我): as
                // often a word or a name as a disguise; it takes the rule's cues, unless the
                // stand-in is said exactly as what it stands for, in the same tone, beside the
                // other written as itself (罪强, 丰凶), under every guard below
                // (a note on the topic says what was meant of a character said alike, not of one
                // said in the other accent: 湿美 of a foundation's finish is no 司美)
                if (by_accent || !topical)
                    && h.term_chars == 2
                    && !(h.how.kinds() == How::HOMOPHONE && said_alike(norm, &h, &st.text))
                {
                    continue;
                }
                // a swapped character that is a common word on its own (都, 心, 新) is more
                // likely itself than a stand-in: 肉都不吃 is not 肉毒. In a term of four
                // characters or more the other three say what was meant (保正见效), unless the
                // stand-in is a function word (个, 在, 之: 割个双眼皮 is no 割双眼皮)
                let common = if h.term_chars < 4 { COMMON_CHAR } else { FUNCTION_CHAR };
                // (unless it stands for a character as common, said alike in the same tone: 她 for
                // 他 of 奥利司他 is a pronoun for a pronoun, the swap writers make most; not 好 for 号)
                // (in a term of four characters or more, where the other three say what was
                // meant: 元单 is a price, not 原单)
                let twin_of_common = |c: char| {
                    h.term_chars >= 4
                        && st.text.chars().any(|t| {
                            t != c
                                && reading::han(t).first() == reading::han(c).first()
                                && reading::main_tone(t) == reading::main_tone(c)
                                && words::char_frequency(t) >= common
                        })
                };
                // (nor in a name spelled again by its sound, every character swapped and no
                // two a word: 爱思佐伦, where 爱 is as common as a word gets)
                // (nor one said exactly as the character it stands for, in the same tone, in a
                // term of two or three whose other characters are written as themselves: 手选 for
                // 首选, 跟治 for 根治; the checks below keep it only where it is no word and cuts
                // none of the text's: 跟治疗师 is 跟 and 治疗师. Not in a thing's name: 阿福家 is
                // a shop, no 福佳 beer; nor a function word, 公关和 is no 公关盒, nor set apart, 手]选)
                let alike = !named
                    && h.term_chars <= 3
                    && h.how.kinds() == How::HOMOPHONE
                    && h.swapped.len() == 1
                    && h.units.windows(2).all(|w| w[0].end == w[1].start)
                    && h.swapped.iter().all(|&c| words::char_frequency(c) < FUNCTION_CHAR)
                    && said_alike(norm, &h, &st.text);
                if !topical
                    && !respelled
                    && !alike
                    && h.swapped
                        .iter()
                        .any(|&c| words::char_frequency(c) >= common && !twin_of_common(c))
                {
                    continue;
                }
                // swapped characters that make a word together (弟弟 in 弟弟我) are that word
                if h.swapped_runs.iter().any(|w| words::is_word(w)) {
                    continue;
                }
                if h.how.kinds() == How::HOMOPHONE {
                    let (fs, fe) = h.folded_span();
                    if words::is_word(&written) || !words::is_whole_words(norm.folded(), fs, fe) {
                        continue;
                    }
                }
            }
            // a term only set apart (快 手) whose edge makes a word with the character beside it
            // (那么快 手机: 手机) is those words
            if h.how == How::SPACED && super::scan::edge_joins_a_word(text, span) {
                continue;
            }
            // a picture beside a character that belongs to a word of its own (一天🐈 is no 天猫)
            // ...or to a number (第100天🐱 is no 天猫; nor 第二个月✍ 月瘦: a measure word counts too)
            if h.how.contains(How::EMOJI) && h.plain > 0 {
                let (fs, fe) = h.folded_span();
                // (a unit a number counts: 天, 年, 岁, 个, 元 …; 199到🖐价 is still 到手价)
                let counted = norm.folded()[..fs]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_digit() || NUMERALS.contains(c) || c == '个')
                    && norm.folded()[fs..].chars().next().is_some_and(|c| COUNTED.contains(c));
                if counted || !words::is_whole_words(norm.folded(), fs, fe) {
                    continue;
                }
            }
            hits.push(Hit::read(st, h.term, span, h.how));
        }
    }
}

/// The fewest letters a product's name is read by from its initials alone, in a note on its
/// topic (two letters are as often a word's: `sm` 什么, `lq` 领券, `ad` vitamins A and D).
pub(super) const TOPICAL_INITIALS_MIN: usize = 2;

/// Two initials that are those of a word everyone abbreviates so (`sm` 什么, `zm` 怎么, `yg`
/// 一个, `yj` 已经): the two-character words of the dictionary said at least 20,000 times (the
/// few hundred commonest: 什么 59,317, 一定 25,293), by the initials of their main readings,
/// sorted (generated and held to the dictionary by the test
/// `common_word_initials_are_the_dictionarys`). Two such letters are that word before they are
/// a product's name.
pub(super) const COMMON_WORD_INITIALS: &[&str] = &[
    "bf", "bj", "bk", "bn", "bs", "bt", "bx", "cj", "cl", "cp", "cs", "cw", "cx", "db", "df", "dq", "ds", "dx", "eq",
    "fl", "fm", "fs", "fx", "fz", "gd", "gj", "gl", "gs", "gx", "gy", "gz", "hb", "hd", "hy", "jb", "jd", "jg", "jj",
    "jl", "js", "jx", "jy", "jz", "kn", "ks", "ky", "ld", "lg", "ls", "mg", "mj", "my", "mz", "nm", "qg", "qk", "ql",
    "qt", "qy", "qz", "rb", "rg", "rk", "rm", "rw", "sc", "sd", "sh", "sj", "sm", "sr", "ss", "sy", "tc", "tg", "tm",
    "ts", "wg", "wh", "wl", "wm", "wt", "xc", "xd", "xs", "xt", "xy", "xz", "yb", "yc", "yd", "yg", "yh", "yj", "yq",
    "ys", "yw", "yx", "yy", "yz", "zc", "zd", "zf", "zg", "zh", "zj", "zl", "zm", "zr", "zw", "zx", "zy", "zz",
];

/// Two letters that are also a person in chat (gf a girlfriend, bf a boyfriend, bb a baby, mm
/// 妈妈 or 妹妹, gg 哥哥, jj 姐姐, dd 弟弟)...
const PERSON_LETTERS: [&str; 7] = ["gf", "bf", "bb", "mm", "gg", "jj", "dd"];

/// ...and the words after which they are that person (陪gf, 给bf, 我的gf), not a thing's initials.
const PERSON_BEFORE: [&str; 16] = [
    "陪", "给", "和", "跟", "与", "带", "送", "帮", "替", "约", "叫", "我", "我的", "他的", "她的", "你的",
];

/// The most letters a name is read by from its initials alone (a name of six characters).
pub(super) const TOPICAL_INITIALS_MAX: usize = 6;

/// Separators between single letters spelled apart (`z p t`, `z.p.t`, `z·p·t`).
const LETTER_GAPS: &[u8] = b" .-";

impl Linter {
    /// A product's name of three characters or more written as the initials of its syllables
    /// alone (`zpt` for 唑吡坦, `rmj` for 热玛吉, `z p t` spelled apart), in a note about its
    /// kind of thing (the rule's `topic`: sleep, a prescription, an injection, smoking): the
    /// note says what the letters stand for, as a cue would. Letters standing alone only: not
    /// part of a longer Latin word, a handle (`mel_daigou_amy`), an address or a number.
    fn read_initials_on_topic(
        &self,
        text: &str,
        norm: &Normalized,
        active: &impl Fn(usize) -> bool,
        on_topic: &impl Fn(usize) -> bool,
        hits: &mut Vec<Hit>,
    ) {
        let inner = &*self.inner;
        if inner.topical_initials.is_empty() {
            return;
        }
        let folded = norm.folded();
        let bytes = folded.as_bytes();
        // a letter, digit or a handle's or an address's joint beside the run: part of something else
        let joined = |b: u8| b.is_ascii_alphanumeric() || b"_@/\\=&%#".contains(&b);
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_lowercase() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_lowercase() {
                i += 1;
            }
            let before_ok = start == 0 || !(joined(bytes[start - 1]) || bytes[start - 1] == b'.');
            // single letters set apart by one separator each (z p t): read as one run
            let mut key: Vec<u8> = bytes[start..i].to_vec();
            let mut end = i;
            if i - start == 1 {
                while end + 1 < bytes.len()
                    && LETTER_GAPS.contains(&bytes[end])
                    && bytes[end + 1].is_ascii_lowercase()
                    && !bytes.get(end + 2).is_some_and(|&b| b.is_ascii_alphanumeric())
                    && key.len() < TOPICAL_INITIALS_MAX
                {
                    key.push(bytes[end + 1]);
                    end += 2;
                }
                i = end;
            }
            // (a run's dot before more letters is an address's, 'zpt.com'; after letters set
            // apart it ends them)
            let spaced = key.len() != end - start;
            let after_ok = end == bytes.len()
                || !(joined(bytes[end])
                    || (!spaced && bytes[end] == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)));
            if !before_ok || !after_ok || !(TOPICAL_INITIALS_MIN..=TOPICAL_INITIALS_MAX).contains(&key.len()) {
                continue;
            }
            let Some((key, ids)) = std::str::from_utf8(&key)
                .ok()
                .and_then(|k| Some((k, inner.topical_initials.get(k)?)))
            else {
                continue;
            };
            let span = Span::from(norm.folded_to_original(start, end));
            // two letters are read only where they may name a thing, and only as a name that
            // counts anywhere: a name that counts only on its topic (a nickname, a call) is
            // already a guess there, its initials a guess of a guess
            let pair = key.len() == 2;
            if pair && !pair_may_name_a_thing(text, span, key, hits) {
                continue;
            }
            for &id in ids {
                let st = inner.sound.term(id);
                let rule = st.rule as usize;
                if pair && inner.rules[rule].rule.only_on_topic {
                    continue;
                }
                if !active(rule) || !on_topic(rule) || hits.iter().any(|h| h.rule == rule && h.span == span) {
                    continue;
                }
                hits.push(Hit::read(st, id, span, How::INITIALS));
            }
        }
    }
}

/// Whether the two letters at `span` of `text` (lowercased: `key`) may name a thing by its
/// initials: typed as letters (not a flag's regional letters, 🇬🇧), in lowercase or set apart
/// (Y.K: two capitals together are as often a country's or a firm's, SG, UK); not the initials
/// of a common word ([`COMMON_WORD_INITIALS`]); not held by another rule's hit (qf of qf视频);
/// and not a person's letters after a word that takes a person (陪gf, 给bf, 我的gf).
fn pair_may_name_a_thing(text: &str, span: Span, key: &str, hits: &[Hit]) -> bool {
    let written = &text[span.range()];
    let typed = written
        .bytes()
        .all(|b| b.is_ascii_alphabetic() || LETTER_GAPS.contains(&b))
        && (written.bytes().all(|b| !b.is_ascii_uppercase()) || written.len() > 2);
    typed
        && COMMON_WORD_INITIALS.binary_search(&key).is_err()
        && !hits.iter().any(|h| h.span.overlaps(span))
        && !(PERSON_LETTERS.contains(&key) && PERSON_BEFORE.iter().any(|w| text[..span.start].trim_end().ends_with(w)))
}

/// The ways a name of Han characters is written by the initials of its syllables, every
/// reading of a polyphonic character counted (唑吡坦: `zbt`, and `zpt` as 吡 is often said pǐ),
/// at most eight: empty unless it is of [`TOPICAL_INITIALS_MIN`] to [`TOPICAL_INITIALS_MAX`]
/// characters (see [`initials_of`]).
pub(super) fn initials_spellings(term: &str) -> Vec<String> {
    if !(TOPICAL_INITIALS_MIN..=TOPICAL_INITIALS_MAX).contains(&term.chars().count()) {
        return Vec::new();
    }
    initials_of(term)
}

/// The ways a name of Han characters of any length is written by the initials of its
/// syllables, every reading of a polyphone counted, at most eight; empty unless it is Han only.
pub(super) fn initials_of(term: &str) -> Vec<String> {
    if !term.chars().all(reading::is_han) {
        return Vec::new();
    }
    let mut out: Vec<String> = vec![String::new()];
    for c in term.chars() {
        // (each letter once: 长's zhang and chang give z and c)
        let mut letters: Vec<u8> = Vec::new();
        for l in reading::han(c).iter().map(|&s| reading::initial(s)) {
            if !letters.contains(&l) {
                letters.push(l);
            }
        }
        out = out
            .iter()
            .flat_map(|p| letters.iter().map(move |&l| format!("{p}{}", l as char)))
            .take(8)
            .collect();
    }
    out
}

/// What people write for a character they leave out (`奥x司他`, `电*烟`, `水○针`), folded
/// (`X` and `＊` are folded to these; `?` is as often a character the encoding lost), and
/// 某, "a certain", the word Chinese masks a name with (某宝, 保某适 for 保妥适).
const MASKS: &[char] = &['x', '*', '×', '✕', '✖', '○', '□', '■', '某'];

/// A picture put where a character was left out (立✨见影 for 立竿见影): read as a mask only in a
/// term of four characters or more, where the three written around it say what was meant (in
/// a shorter one a picture beside characters is as often a picture: 国家🌟级 is no mask), or in
/// a product's name of three (水🌊针: a brand, a drug, a procedure is named, not described).
fn picture_mask(c: char) -> bool {
    // emoji and pictographs of plane 1, and the symbols and dingbats drawn as emoji (✨ ❤ ⭐)
    ('\u{1F000}'..='\u{1FAFF}').contains(&c)
        || ('\u{2600}'..='\u{27BF}').contains(&c)
        || ('\u{2B00}'..='\u{2BFF}').contains(&c)
}

/// The fewest characters of a term a picture masks one of (see [`picture_mask`]).
const PICTURE_MASKED_MIN: usize = 4;

/// Longest term a mask is read in, in characters.
const MASKED_MAX: usize = 8;

impl Linter {
    /// Terms of three characters or more with one inner character masked (`奥x司他` for
    /// 奥利司他): a mask between Han characters, the characters around it written as the term's
    /// own. Nobody masks a character of an ordinary word by accident.
    fn read_masked(&self, text: &str, norm: &Normalized, active: &impl Fn(usize) -> bool, hits: &mut Vec<Hit>) {
        let folded = norm.folded();
        // (a squared or circled ideograph, 🉑 🈚 🉐, folds to its character, 可 无 得, and is read
        // as it; put where a character of another sound was left out, 立🉑见影, it is a
        // picture masking one: where the folded text holds its character, a picture's mask)
        let enclosed: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), b"\xF0\x9F")
            .filter(|&i| matches!(text.as_bytes().get(i + 2), Some(0x88 | 0x89)))
            .map(|i| norm.original_to_folded(i))
            .collect();
        // where a mask may be, by a vectorised byte search: x, * and × (lead byte C3), ○ and □
        let bytes = folded.as_bytes();
        // (the shapes ✕ ✖ ○ □ ■ all start with E2 9C or E2 96/97; E2 80 is punctuation)
        let mut at: Vec<usize> = memchr::memchr3_iter(b'x', b'*', 0xC3, bytes).collect();
        // (and the symbols and dingbats drawn as emoji: E2 98 to E2 9E, E2 AC to E2 AF)
        at.extend(
            memchr::memchr_iter(0xE2, bytes)
                .filter(|&i| matches!(bytes.get(i + 1), Some(0x96 | 0x97 | 0x98..=0x9E | 0xAC..=0xAF))),
        );
        at.extend(memchr::memmem::find_iter(bytes, "某".as_bytes()));
        // (pictures: the lead byte of plane 1)
        at.extend(memchr::memchr_iter(0xF0, bytes));
        at.extend(&enclosed);
        if at.is_empty() {
            return;
        }
        at.sort_unstable();
        at.dedup();
        let inner = &*self.inner;
        let han = |c: &char| ('\u{4e00}'..='\u{9fff}').contains(c);
        let masks = at.into_iter().filter_map(|i| {
            let m = folded.get(i..)?.chars().next()?;
            let picture = picture_mask(m) || enclosed.contains(&i);
            (picture || MASKS.contains(&m)).then_some((i, m, picture))
        });
        for (i, m, picture) in masks {
            let end = i + m.len_utf8();
            let before: Vec<(usize, char)> = folded[..i]
                .char_indices()
                .rev()
                .take_while(|(_, c)| han(c))
                .take(MASKED_MAX - 2)
                .collect();
            let after: Vec<(usize, char)> = folded[end..]
                .char_indices()
                .take_while(|(_, c)| han(c))
                .take(MASKED_MAX - 2)
                .map(|(j, c)| (end + j, c))
                .collect();
            // a mask beside a numeral hides a number (没有*一斤, 第*名), not a character
            let numeral = |c: Option<&(usize, char)>| c.is_some_and(|&(_, c)| NUMERALS.contains(c));
            if numeral(before.first()) || numeral(after.first()) {
                continue;
            }
            // 某某 is "so-and-so", a word of its own, not a mask beside a 某 of a term (某某多年前)
            let other = |c: Option<&(usize, char)>| c.is_some_and(|&(_, c)| c == '某');
            if m == '某' && (other(before.first()) || other(after.first())) {
                continue;
            }
            for b in 1..=before.len() {
                for a in 1..=after.len().min(MASKED_MAX - 1 - b) {
                    let key: Vec<char> = before[..b]
                        .iter()
                        .rev()
                        .map(|&(_, c)| c)
                        .chain(std::iter::once('\0'))
                        .chain(after[..a].iter().map(|&(_, c)| c))
                        .collect();
                    for t in inner.sound.masked(&key, b) {
                        let st = inner.sound.term(t);
                        // a picture masks a character of a term of three only in a product's name,
                        // or in a price's name before its amount (到❤价39, 秒🔪价 ¥9.9)
                        let (last_at, last_c) = after[a - 1];
                        let priced = || {
                            folded[last_at + last_c.len_utf8()..]
                                .trim_start()
                                .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '¥' | '￥' | '$'))
                        };
                        if picture
                            && b + a + 1 < PICTURE_MASKED_MIN
                            && !inner.rules[st.rule as usize].rule.names_things()
                            && !priced()
                        {
                            continue;
                        }
                        // ...and a mask for a numeral (第*名) hides a number too
                        if st.text.chars().nth(b).is_some_and(|c| NUMERALS.contains(c)) {
                            continue;
                        }
                        let rule = st.rule as usize;
                        let (fs, (last, c)) = (before[b - 1].0, after[a - 1]);
                        let span = Span::from(norm.folded_to_original(fs, last + c.len_utf8()));
                        if !active(rule) || !self.cues_ok(rule, norm, norm.original_to_compact(span.start), span) {
                            continue;
                        }
                        hits.push(Hit::read(st, t, span, How::MASKED));
                    }
                }
            }
        }
    }

    /// A rule's Latin word of four letters or more written with a digit for a letter it looks
    /// like (`v4pe`, `b0tox`, `1qos`): in a run of letters and digits, a stretch of letters and
    /// single digits (a digit beside another is a number: `vape100r`) that reads as the word
    /// once 4, 3, 0, 1, 5, 7 are a, e, o, i, s, t (or 1 an l).
    fn read_lookalike_digits(&self, norm: &Normalized, active: &impl Fn(usize) -> bool, hits: &mut Vec<Hit>) {
        let inner = &*self.inner;
        let folded = norm.folded();
        let bytes = folded.as_bytes();
        if inner.lookalike.is_empty() || !bytes.iter().any(|b| b"430157".contains(b)) {
            return;
        }
        let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            // the stretches of a run of letters and digits between its numbers (two digits
            // side by side or more)
            let mut from = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                if digit_at(i) && digit_at(i + 1) {
                    self.lookalike_stretch(norm, from, i, active, hits);
                    while digit_at(i) {
                        i += 1;
                    }
                    from = i;
                } else {
                    i += 1;
                }
            }
            self.lookalike_stretch(norm, from, i, active, hits);
        }
    }

    /// One stretch of letters and single digits (see [`Linter::read_lookalike_digits`]).
    fn lookalike_stretch(
        &self,
        norm: &Normalized,
        from: usize,
        to: usize,
        active: &impl Fn(usize) -> bool,
        hits: &mut Vec<Hit>,
    ) {
        let stretch = &norm.folded().as_bytes()[from..to];
        let letters = stretch.iter().filter(|b| b.is_ascii_alphabetic()).count();
        if stretch.len() < 4 || letters < 2 || letters == stretch.len() {
            return;
        }
        let read = |one: u8| -> String {
            stretch
                .iter()
                .map(|&b| match b {
                    b'4' => 'a',
                    b'3' => 'e',
                    b'0' => 'o',
                    b'1' => one as char,
                    b'5' => 's',
                    b'7' => 't',
                    b => b as char,
                })
                .collect()
        };
        let inner = &*self.inner;
        for word in [read(b'i'), read(b'l')] {
            let Some(ids) = inner.lookalike.get(&word) else {
                continue;
            };
            let span = Span::from(norm.folded_to_original(from, to));
            for &t in ids {
                let rule = inner.sound.term(t).rule as usize;
                if !active(rule) || !self.cues_ok(rule, norm, norm.original_to_compact(span.start), span) {
                    continue;
                }
                hits.push(Hit::read(inner.sound.term(t), t, span, How::LOOKALIKE));
            }
            return;
        }
    }
}

/// Units a number counts (第100天, 3岁, 5个): after a number, a character of these belongs to it.
const COUNTED: &str = "天日月年号岁个只元块斤次点分秒周期层楼件张瓶盒";

/// Numerals and the words that count them (两, 几, 万): beside them a character is part of a
/// number or an amount.
const NUMERALS: &str = "〇零一二三四五六七八九十百千万亿两几";

/// Whether every character of a reading that stands for another of `term` is said exactly as
/// that one: the same main syllable in the same tone (罪 zuì for 最 zuì, not 卫 wèi for 唯 wéi,
/// nor an accent twin).
///
/// A numeral (九 for 酒 in 北九水) is a number or a name far more often than a stand-in, and a
/// character written as itself that is a function word (去, 对, 我: 去芭洲 is no 去疤) says
/// nothing of what its neighbour stands for, except 我 ending a call to the writer (丝我 for 私我:
/// the verb is the stand-in, 我 its object).
fn said_alike(norm: &Normalized, h: &SoundHit, term: &str) -> bool {
    let last = h.units.len().saturating_sub(1);
    h.units.len() == term.chars().count()
        && h.units.iter().zip(term.chars()).enumerate().all(|(i, (u, t))| {
            let Some(w) = norm.folded()[u.clone()].chars().next() else {
                return false;
            };
            if w == t {
                // (glued to the stand-in, which ends no word begun before it: 蜜 我 of 甜如蜜 我
                // is two phrases, 丝我 of 粉丝我 is 粉丝)
                return words::char_frequency(w) < FUNCTION_CHAR
                    || (i == last
                        && i > 0
                        && w == '我'
                        && h.units[i - 1].end == u.start
                        && !super::scan::pair_is_word(
                            norm.folded()[..h.units[i - 1].start].chars().next_back(),
                            norm.folded()[h.units[i - 1].clone()].chars().next(),
                        ));
            }
            reading::han(w).first() == reading::han(t).first()
                && reading::main_tone(w) != 0
                && reading::main_tone(w) == reading::main_tone(t)
                && !NUMERALS.contains(w)
        })
}

/// The guards on readings a rule did not ask for (its `read` is the default): a term is read
/// by sound, pinyin, initials mixed with characters and emoji beside characters, but not
/// - by initials alone under four letters (`zyx`, `wzj`: initials of names as often as of
///   terms), or by initials beside fewer than two characters written as themselves (`s级`,
///   `ss级`, `有xl`: grades and sizes; `SoundIndex::add_read` does not index these),
///   A product's two-character name may be its first character and the initial of its second
///   (`named`: `悦k`, `肉d`), a letter on its own, lowercase (`latin_reading_ok`), or, in a note
///   on its topic, the initial of its first before its second (`r毒`, `s美`),
/// - by emoji alone (`🤗✌`: every pair of pictures reads as something),
/// - with more than half its characters swapped (`万物伊始` is not `万无一失`), unless it is a
///   product's name spelled again by its sound ([`respelled_name`]: `爱思佐伦`),
/// - when characters written as themselves beside a disguise cut a word of their text in two
///   (`w一天`, `💩上学期`: the word is what was written).
///
/// `respelled`: the hit is a product's name spelled again by its sound ([`respelled_name`]);
/// `topical`: the note is on the topic of the term's rule.
pub(super) fn default_reading_ok(norm: &Normalized, h: &SoundHit, named: bool, respelled: bool, topical: bool) -> bool {
    // initials alone: four letters at least (smgl is no name's initials as zyx is)
    let alone = h.initials == h.term_chars && h.term_chars >= 4;
    let folded = norm.folded();
    // a unit that is one lowercase letter, an initial typed on its own
    let letter = |u: &std::ops::Range<usize>| u.len() == 1 && folded.as_bytes()[u.start].is_ascii_lowercase();
    // the character before a unit
    let before = |u: &std::ops::Range<usize>| folded[..u.start].chars().next_back();
    // two or more initials leading a term of three or more, its head written as itself
    // (`sg针`, `dz烟`: a kind of thing named by its head character, the rest abbreviated)
    let head = h.initials >= 2
        && h.term_chars > h.initials
        && h.term_chars >= 3
        && h.units.len() > h.initials
        && h.plain == h.term_chars - h.initials
        && h.units[..h.initials].iter().all(letter)
        // one letter repeated is a grade or a size (`ss级`, `xx码`), not an abbreviation
        && h.units[1..h.initials]
            .iter()
            .any(|u| folded.as_bytes()[u.start] != folded.as_bytes()[h.units[0].start]);
    // a product's two-character name, one character an initial and the other written as itself
    let pair =
        named && h.term_chars == 2 && h.plain == 1 && h.initials == 1 && h.swapped.is_empty() && h.units.len() == 2;
    // ...its first written out, then the initial of its second (`悦k`); a numeral and a letter
    // is an amount (5百w, 3千k): w and k count ten thousands
    let tail =
        pair && letter(&h.units[1]) && !before(&h.units[1]).is_some_and(|c| c.is_ascii_digit() || NUMERALS.contains(c));
    // ...or the initial of its first before its second written as itself (`r毒` for 肉毒, `s美`
    // for 司美), in a note on the name's topic only: a letter before a character is as often
    // a word of its own (`c位`, `k歌`, `x光`, `e人`)
    let lead = pair
        && topical
        && letter(&h.units[0])
        && h.units[0].end == h.units[1].start
        && !before(&h.units[0]).is_some_and(|c| c.is_ascii_alphanumeric());
    // a product's name of three by the initials of its ends around its middle written as
    // itself (`s诺s` for 思诺思, `a司w` for 阿司匹林's kin): the middle says which name
    let sandwich = named
        && h.term_chars == 3
        && h.initials == 2
        && h.plain == 1
        && h.units.len() == 3
        && letter(&h.units[0])
        && letter(&h.units[2]);
    if (h.initials > 0 && h.plain < 2 && !alone && !head && !tail && !lead && !sandwich)
        || (h.swapped.len() * 2 > h.term_chars && !respelled)
    {
        return false;
    }
    if h.emoji > 0 && h.plain == 0 && !h.how.contains(How::PINYIN) && h.initials == 0 {
        return false;
    }
    let (fs, mut fe) = (h.units[0].start, h.units[h.units.len() - 1].end);
    // a number glued to the spelled syllable (增gao3cm) is the segmenter's word with it: the
    // words are judged up to the end of that run
    fe += folded[fe..].bytes().take_while(u8::is_ascii_alphanumeric).count();
    if h.plain > 0 && h.plain < h.term_chars && !words::is_whole_words(folded, fs, fe) {
        return false;
    }
    true
}

/// Whether a hit with most of its characters swapped is a product's name spelled again by its
/// sound (爱思佐伦 for 艾司唑仑, 佐必坦 for 唑吡坦): a name of three characters or more (a drug's, a procedure's,
/// a brand's: most are transliterations, their characters chosen for sound alone, so any
/// other characters of the same sound spell them as well), every character said alike, and
/// no two neighbours written a word (万物伊始 is 万物 and 伊始, not 万无一失).
fn respelled_name(norm: &Normalized, h: &SoundHit, named: bool) -> bool {
    if !named || h.term_chars < 3 || h.how.kinds() != How::HOMOPHONE || h.units.len() != h.term_chars {
        return false;
    }
    let folded = norm.folded();
    let written: Vec<char> = h
        .units
        .iter()
        .filter_map(|u| folded[u.clone()].chars().next())
        .collect();
    written.len() == h.term_chars
        && makes_no_word(written.iter().copied())
        // (a name of three spelled again holds no word of grammar: 佐必坦 for 唑吡坦, not 眼都是
        // or 就贵九, a sentence's words that happen to sound like a name)
        && (h.term_chars >= 4 || !written.iter().any(|&c| GRAMMAR_CHARS.contains(c)))
}

/// Whether no two characters side by side in `written` make a word (万物伊始 holds 万物).
fn makes_no_word(written: impl Iterator<Item = char> + Clone) -> bool {
    !written
        .clone()
        .zip(written.skip(1))
        .any(|(a, b)| super::scan::pair_is_word(Some(a), Some(b)))
}

/// Characters of grammar (particles, adverbs, pronouns, common verbs) and numerals (英二真 is a
/// paper of an exam, not 婴儿针): a run of three that holds one is a sentence's words, not a
/// name spelled again by its sound.
const GRAMMAR_CHARS: &str = "的得地了着过是都就也还在有和与及不没很太又再才把被让给对从向到说要会能可这那我你他她它们个吗呢吧啊呀哦嘛一二两三四五六七八九十零百千万";

/// The guards on Latin letters in any reading: a letter glued to other letters or digits is
/// part of a word or a model (`3D打印` holds no `D打`; a spelled syllable may be followed by a
/// number), and one capital letter for a character
/// at a term's edge is a name or a grade (`大S`, `S级`), not a syllable's initial; inside a
/// product's name of three or more (`唑P坦`) or among other initials (`RZ针`) it is one.
pub(super) fn latin_reading_ok(text: &str, norm: &Normalized, h: &SoundHit, named: bool) -> bool {
    let folded = norm.folded();
    let (fs, fe) = h.folded_span();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let latin_at = |u: &std::ops::Range<usize>| folded[u.clone()].bytes().all(|b| b.is_ascii_alphabetic());
    if latin_at(&h.units[0]) && glued(folded[..fs].chars().next_back()) {
        return false;
    }
    // ...but a syllable spelled out may be followed by a number (立jian50, 增gao3cm): an amount
    // or a tone, not the rest of a model name
    let last_unit = &h.units[h.units.len() - 1];
    // (beside characters written as themselves: all pinyin before digits is a handle, xiaozhi88)
    let spelled = h.plain > 0 && last_unit.len() >= 2 && folded[fe..].starts_with(|c: char| c.is_ascii_digit());
    if latin_at(last_unit) && glued(folded[fe..].chars().next()) && !spelled {
        return false;
    }
    // in a product's name a capital stands for a syllable inside a longer term (唑P坦, 奥L司他),
    // among other initials (RZ针), or for the first or the last of three or more beside two
    // written as themselves (W士忌, 五粮Y, 热玛J); never alone at a short name's edge; elsewhere
    // capitals are names (看 JJ is no 看简介, 大S no 大使)
    let last = h.units.len() - 1;
    // (and in any term of four or more, two capitals for the two characters after two
    // written as themselves: 整点MS for 整点秒杀, a shout more than a name)
    let capital_ok = |i: usize| {
        (named
            && (h.initials >= 2
                || (h.term_chars >= 3 && i > 0 && i < last)
                || (h.term_chars >= 3 && (i == last || i == 0) && h.plain >= 2)))
            || (h.term_chars >= 4 && h.initials >= 2 && h.plain >= 2)
            // (and one capital after the first character of a term of four or more, the rest
            // written as themselves: 全网最D价, a word with one character masked, not a name)
            || (h.term_chars >= 4 && h.initials == 1 && h.plain + 1 == h.term_chars && i > 0)
    };
    !h.units.iter().enumerate().any(|(i, u)| {
        latin_at(u)
            && u.len() == 1
            && !capital_ok(i)
            && text[norm.folded_to_original(u.start, u.end)]
                .chars()
                .any(char::is_uppercase)
    })
}

/// Whether a hit was written in disguise: read by sound, or its characters set apart by
/// symbols or invisible characters (`治-疗`, `最\u{200d}好`). Nobody writes a word like that
/// by accident, so its claim needs no product in the sentence to count.
pub(super) fn disguised(text: &str, norm: &Normalized, h: &Hit) -> bool {
    if let Some((_, how)) = h.reading {
        // a numeral written as a digit (7天, 第1) is how everyone writes it
        return how.kinds() != How::DIGIT;
    }
    if h.term.is_none() {
        // a pattern's span may hold punctuation of its own; a syllable spelled in pinyin for a
        // character of it (增gao神器) is a disguise all the same
        return super::scan::spelled_in(text, norm, h.span);
    }
    let (cs, ce) = (
        norm.original_to_compact(h.span.start),
        norm.original_to_compact(h.span.end),
    );
    let compact_chars = norm.compact()[cs..ce].chars().count();
    text[h.span.range()].chars().count() > compact_chars
}

#[cfg(test)]
mod tests {
    use super::COMMON_WORD_INITIALS;
    use crate::normalize::reading;

    /// How often a two-character word is said for its initials to be taken as it.
    const COMMON_WORD_FREQUENCY: usize = 20_000;

    /// [`COMMON_WORD_INITIALS`] is generated from the word dictionary and the readings table:
    /// on a change of either, this test prints the table to paste.
    #[test]
    fn common_word_initials_are_the_dictionarys() {
        let mut keys: Vec<String> = crate::words::all()
            .filter(|&(w, f)| f >= COMMON_WORD_FREQUENCY && w.chars().count() == 2 && w.chars().all(reading::is_han))
            .map(|(w, _)| {
                w.chars()
                    .map(|c| reading::initial(reading::han(c)[0]) as char)
                    .collect()
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(COMMON_WORD_INITIALS, keys, "paste: {keys:?}");
    }
}
