//! Chinese words: where a text's word boundaries are, and whether a string is a word.
//!
//! The dictionary is jieba's (about 350,000 words with frequencies, MIT), as a sorted table
//! generated into `dict.bin` by `tools/gen_words.py`: it is part of the binary and needs no
//! loading (jieba-rs builds a trie of it, about 0.1 s, on first use). Segmentation is jieba's
//! own algorithm without the HMM (`Jieba::cut(text, false)`): runs of CJK and ASCII
//! alphanumerics get a word graph from the dictionary and the path of the most probable words;
//! a test holds it to jieba-rs's output. It runs on a short window around a hit, never on a
//! whole note.

use std::sync::OnceLock;

static TABLE: &[u8] = include_bytes!("dict.bin");

/// The word table: sorted words with their frequencies.
struct Dict {
    n: usize,
    /// Where the words starting with each character are: most lookups then search a few
    /// dozen neighbouring words instead of the whole table (built at first use, ~2 ms).
    by_first: std::collections::HashMap<char, (u32, u32), CharHash>,
    log_total: f64,
    offsets: &'static [u8],
    freqs: &'static [u8],
    words: &'static [u8],
}

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(bytes[i * 4..i * 4 + 4].try_into().expect("4 bytes"))
}

/// The first character of UTF-8 bytes (`\0` for none).
fn first_char(w: &[u8]) -> char {
    let len = match w.first() {
        None => return '\0',
        Some(b) if *b < 0x80 => 1,
        Some(b) if *b >= 0xF0 => 4,
        Some(b) if *b >= 0xE0 => 3,
        Some(_) => 2,
    };
    std::str::from_utf8(&w[..len.min(w.len())])
        .ok()
        .and_then(|s| s.chars().next())
        .unwrap_or('\0')
}

fn dict() -> &'static Dict {
    static DICT: OnceLock<Dict> = OnceLock::new();
    DICT.get_or_init(|| {
        assert_eq!(&TABLE[..4], b"RLW1", "src/words/dict.bin is not a word table");
        let n = u32_at(&TABLE[4..8], 0) as usize;
        let total = u64::from_le_bytes(TABLE[8..16].try_into().expect("8 bytes"));
        let offsets = &TABLE[16..16 + 4 * (n + 1)];
        let freqs = &TABLE[16 + 4 * (n + 1)..16 + 4 * (2 * n + 1)];
        let words = &TABLE[16 + 4 * (2 * n + 1)..];
        let mut d = Dict {
            n,
            by_first: std::collections::HashMap::default(),
            log_total: (total as f64).ln(),
            offsets,
            freqs,
            words,
        };
        // the words are sorted by bytes, so those starting with one character are a run; its
        // end is found by galloping, then bisecting (some 7,000 runs among 360,000 words)
        let mut by_first = std::collections::HashMap::with_capacity_and_hasher(8192, CharHash);
        let mut i = 0;
        while i < n {
            let w = d.word(i);
            let first = first_char(w);
            let lead = &w[..first.len_utf8().min(w.len())];
            let in_run = |j: usize| d.word(j).starts_with(lead);
            let (mut good, mut step) = (i, 1);
            let bad = loop {
                let probe = good + step;
                if probe >= n || !in_run(probe) {
                    break probe.min(n);
                }
                good = probe;
                step *= 2;
            };
            let (mut lo, mut hi) = (good + 1, bad);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if in_run(mid) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            by_first.insert(first, (i as u32, lo as u32));
            i = lo;
        }
        d.by_first = by_first;
        d
    })
}

impl Dict {
    fn word(&self, i: usize) -> &'static [u8] {
        &self.words[u32_at(self.offsets, i) as usize..u32_at(self.offsets, i + 1) as usize]
    }

    fn freq_at(&self, i: usize) -> u32 {
        u32_at(self.freqs, i)
    }

    /// The words starting with `c`: a range of indices (empty for none).
    fn run_of(&self, c: char) -> (usize, usize) {
        self.by_first
            .get(&c)
            .map_or((self.n, self.n), |&(lo, hi)| (lo as usize, hi as usize))
    }

    /// The word's index, or where it would go (`Err(n)`: no word starts like it).
    fn find(&self, w: &[u8]) -> Result<usize, usize> {
        match self.run_of(first_char(w)) {
            (lo, hi) if lo < hi => self.find_in(w, lo, hi),
            _ => Err(self.n),
        }
    }

    /// [`Dict::find`] among the words `lo..hi`, which hold every word starting like `w`.
    ///
    /// Galloping from `lo` first: the word sought is most often near the start of the range (a
    /// character alone sorts first among the words it starts, and the segmenter then asks for
    /// a word one character longer, from where the shorter one was).
    fn find_in(&self, w: &[u8], mut lo: usize, mut hi: usize) -> Result<usize, usize> {
        // every word before `lo` is less than `w`, every word from `hi` on greater
        let mut step = 1;
        while lo < hi {
            let probe = lo + step - 1;
            if probe >= hi {
                break;
            }
            match self.word(probe).cmp(w) {
                std::cmp::Ordering::Less => {
                    lo = probe + 1;
                    step *= 2;
                }
                std::cmp::Ordering::Greater => {
                    hi = probe;
                    break;
                }
                std::cmp::Ordering::Equal => return Ok(probe),
            }
        }
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(w) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Ok(mid),
            }
        }
        Err(lo)
    }

    fn freq(&self, w: &str) -> Option<u32> {
        self.find(w.as_bytes()).ok().map(|i| self.freq_at(i))
    }

    /// Whether a word longer than `w` starts with it, given `w`'s search result.
    fn extends(&self, w: &[u8], found: Result<usize, usize>) -> bool {
        let next = match found {
            Ok(i) => i + 1,
            Err(i) => i,
        };
        next < self.n && self.word(next).starts_with(w)
    }
}

/// A hasher for the first-character table: one multiplication per char (a lookup per
/// character of every segmented window; SipHash was a fifth of segmenting).
#[derive(Debug, Clone, Copy, Default)]
struct CharHash;

impl std::hash::BuildHasher for CharHash {
    type Hasher = CharHasher;
    fn build_hasher(&self) -> CharHasher {
        CharHasher(0)
    }
}

#[derive(Debug)]
struct CharHasher(u64);

impl std::hash::Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u32(u32::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// jieba's `RE_HAN_DEFAULT` class: CJK ideographs, ASCII alphanumerics and `+#&._%-`, the
/// characters segmented with the dictionary.
fn is_han_default(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}' | '\u{2A700}'..='\u{2B73F}' | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}' | '\u{2CEB0}'..='\u{2EBEF}' | '\u{2F800}'..='\u{2FA1F}'
        | 'a'..='z' | 'A'..='Z' | '0'..='9' | '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

/// Segments a run of [`is_han_default`] characters: the word graph from the dictionary, the
/// most probable path through it, single ASCII alphanumerics joined. Pushes byte ranges
/// (offset by `base`).
fn cut_block(block: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    let d = dict();
    let at: Vec<usize> = block.char_indices().map(|(i, _)| i).chain([block.len()]).collect();
    let n = at.len() - 1;
    let bytes = block.as_bytes();
    // route[i]: (log probability of the best path from i, end of its first word)
    let mut route: Vec<(f64, usize)> = vec![(0.0, 0); n + 1];
    route[n] = (0.0, n);
    for i in (0..n).rev() {
        let mut best: Option<(f64, usize)> = None;
        // the words starting like `w` are a run of the sorted table, and the run of a longer
        // `w` lies inside that of a shorter one and after where the shorter would go
        let (mut lo, hi) = d.run_of(first_char(&bytes[at[i]..]));
        for end in i + 1..=n {
            if lo >= hi {
                break;
            }
            let w = &bytes[at[i]..at[end]];
            let found = d.find_in(w, lo, hi);
            lo = match found {
                Ok(k) | Err(k) => k,
            };
            if let Ok(k) = found {
                let p = f64::from(d.freq_at(k)).ln() - d.log_total + route[end].0;
                if best.is_none_or(|(bp, be)| p > bp || (p == bp && end > be)) {
                    best = Some((p, end));
                }
            }
            if !d.extends(w, found) {
                break;
            }
        }
        // no word starts here: the character alone, as if seen once
        route[i] = best.unwrap_or((-d.log_total + route[i + 1].0, i + 1));
    }
    let mut x = 0;
    let mut run: Option<usize> = None;
    while x < n {
        let y = route[x].1;
        let single_alnum = y - x == 1 && block[at[x]..].starts_with(|c: char| c.is_ascii_alphanumeric());
        if single_alnum {
            run.get_or_insert(x);
        } else {
            if let Some(s) = run.take() {
                out.push((base + at[s], base + at[x]));
            }
            out.push((base + at[x], base + at[y]));
        }
        x = y;
    }
    if let Some(s) = run {
        out.push((base + at[s], base + block.len()));
    }
}

/// The words of `text`, as jieba's `cut(text, false)` finds them: byte ranges in order.
pub fn cut(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut rest = text.char_indices().peekable();
    while let Some(&(start, c)) = rest.peek() {
        if is_han_default(c) {
            let mut end = start;
            while let Some(&(i, c)) = rest.peek() {
                if !is_han_default(c) {
                    break;
                }
                end = i + c.len_utf8();
                rest.next();
            }
            cut_block(&text[start..end], start, &mut out);
        } else {
            rest.next();
            // every other character is a word of its own; \r\n is one
            if c == '\r' && rest.peek().is_some_and(|&(_, n)| n == '\n') {
                rest.next();
                out.push((start, start + 2));
            } else {
                out.push((start, start + c.len_utf8()));
            }
        }
    }
    out
}

/// How often `c` is a word on its own in the dictionary's corpus (`的` 318,825; `薇` 894; 0
/// when it is not a word).
pub fn char_frequency(c: char) -> usize {
    frequency(c.encode_utf8(&mut [0; 4]))
}

/// A character that stands alone as a word this often in the dictionary's corpus (`都`,
/// `心`, `新`, `点`) is taken as itself, not as a same-sounding stand-in for another: the reading
/// guards (`crate::linter`) and the packs' `{~字}` classes (`crate::pack`) both hold to it.
pub const COMMON_CHAR: usize = 10_000;

/// How many characters of context on each side of a hit are segmented with it.
const WINDOW: usize = 8;

/// Whether `s` is a word of the dictionary.
pub fn is_word(s: &str) -> bool {
    dict().freq(s).is_some()
}

/// The words of `text` around `start..end` (byte offsets on char boundaries), segmented in a
/// window of a few characters each side: `(start, end)` byte ranges of `text`.
pub fn words_around(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let from = text[..start]
        .char_indices()
        .rev()
        .take(WINDOW)
        .last()
        .map_or(start, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .nth(WINDOW)
        .map_or(text.len(), |(i, _)| end + i);
    cut(&text[from..to])
        .into_iter()
        .map(|(s, e)| (from + s, from + e))
        .collect()
}

/// Whether `start..end` cuts a word of `text` in two: a boundary of the range falls inside a
/// word that reaches beyond the range (`包好` in `这个包好好看`: 包|好好看). A range inside one
/// word (`第一` in `第一名`) cuts nothing.
pub fn splits_word(text: &str, start: usize, end: usize) -> bool {
    splits(text, &words_around(text, start, end), start, end)
}

/// [`splits_word`] against words already segmented around `start..end` of `text` (several
/// hits close together share one segmentation).
///
/// A word the range cuts counts only if it is not far rarer than the range itself: when the
/// range is a common word and the word across its edge a rare entry of the dictionary
/// (`根治` 183 against `治口臭` 3 in 能根治口臭), the segmenter's choice is an accident of
/// the dictionary, not a reading of the sentence (`包好` 3 against `好好看` 3 still cuts).
pub fn splits(text: &str, words: &[(usize, usize)], start: usize, end: usize) -> bool {
    if words.iter().any(|&(s, e)| s <= start && end <= e) {
        return false;
    }
    let own = frequency(&text[start..end]);
    words
        .iter()
        .any(|&(s, e)| ((s < start && start < e) || (s < end && end < e)) && frequency(&text[s..e]) * RARER >= own)
}

/// How many times rarer than a term a word across its edge may be before it no longer
/// counts as cutting it (see [`splits`]).
const RARER: usize = 20;

/// Every word of the dictionary with its frequency, in byte order (for generating tables from
/// it; a scan of some 350,000 words).
pub fn all() -> impl Iterator<Item = (&'static str, usize)> {
    let d = dict();
    (0..d.n).filter_map(move |i| Some((std::str::from_utf8(d.word(i)).ok()?, d.freq_at(i) as usize)))
}

/// How often `s` is a word in the dictionary's corpus (0 when it is not a word).
pub fn frequency(s: &str) -> usize {
    dict().freq(s).map_or(0, |f| f as usize)
}

/// Whether `start..end` is made of whole words of `text`: no word of the text around it
/// crosses either end or holds it (`机信号` is not, inside 手机信号; `薇信` is, as 薇|信).
pub fn is_whole_words(text: &str, start: usize, end: usize) -> bool {
    words_around(text, start, end)
        .iter()
        .all(|&(s, e)| e <= start || s >= end || (start <= s && e <= end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts around the kinds of hits the segmenter is asked about, plus mixed scripts.
    const TEXTS: &[&str] = &[
        "这个包好好看，这款面霜效果最好，我是第一次来",
        "加我威信，手机信号不好，索尼爱立信手机，加我薇信abc123",
        "今天去公园散步🙂银杏叶黄了 拍了好多照片\r\n第二行 iPhone15 Pro Max 128GB",
        "医生说要住院治疗，我妈的高血压吃药控制住了；这款保健品能降血压",
        "限时秒杀到手价99.9元！点击链接领券，V❤：xiaohong_8888",
        "中国第一长河是长江，最好的朋友，国家级非物质文化遗产，顶级食材",
        "a+b=c #话题[话题]# 100%纯棉 e-mail: x.y@z.com 3.5折 C++ 和 C# 程序员",
    ];

    #[test]
    fn runs_of_first_characters_are_whole() {
        // the galloping index against a plain scan of every word
        let d = dict();
        let mut expected = std::collections::HashMap::with_hasher(CharHash);
        let mut i = 0;
        while i < d.n {
            let first = first_char(d.word(i));
            let mut j = i + 1;
            while j < d.n && first_char(d.word(j)) == first {
                j += 1;
            }
            expected.insert(first, (i as u32, j as u32));
            i = j;
        }
        assert_eq!(expected.len(), d.by_first.len());
        assert_eq!(expected, d.by_first);
    }

    #[test]
    fn cuts_as_jieba_does() {
        let jieba = jieba_rs::Jieba::new();
        let mut texts: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
        // every window of every text, as the linter cuts them
        for t in TEXTS {
            let chars: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
            for w in (0..chars.len()).step_by(3) {
                let end = chars[(w + 17).min(chars.len() - 1)];
                texts.push(t[chars[w]..end].to_owned());
            }
        }
        // and generated ones: random pieces of those texts and of a sentence pool glued together
        let pool: Vec<char> = TEXTS.concat().chars().collect();
        let mut seed: u64 = 0x9e3779b97f4a7c15;
        let mut next = |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..1 + next(4) {
                let from = next(pool.len());
                let len = 1 + next(8);
                t.extend(pool[from..(from + len).min(pool.len())].iter());
            }
            texts.push(t);
        }
        for t in &texts {
            let theirs: Vec<(usize, usize)> = jieba
                .cut(t, false)
                .into_iter()
                .map(|x| (x.byte_start, x.byte_end))
                .collect();
            let ours = super::cut(t);
            let show = |v: &[(usize, usize)]| v.iter().map(|&(s, e)| &t[s..e]).collect::<Vec<_>>().join("|");
            assert_eq!(show(&ours), show(&theirs), "{t}");
        }
        for w in ["威信", "咸鱼", "我们", "薇信", "公仲号", "的", "面霜", "iphone"] {
            assert_eq!(is_word(w), jieba.has_word(w), "{w}");
        }
        for c in ['的', '薇', '信', '霜', '🙂', 'a'] {
            let theirs = jieba.suggest_freq(&c.to_string()).saturating_sub(1);
            let ours = char_frequency(c);
            assert!(
                ours.abs_diff(theirs) <= 1 || (ours == 0 && theirs <= 1),
                "{c}: {ours} vs {theirs}"
            );
        }
    }

    fn cut(text: &str, term: &str) -> bool {
        let start = text.find(term).unwrap();
        splits_word(text, start, start + term.len())
    }

    #[test]
    fn splits() {
        assert!(cut("这个包好好看", "包好"));
        assert!(!cut("这款面霜效果最好", "最好"));
        assert!(!cut("我是第一次来", "第一"), "inside one word");
        assert!(!cut("加我威信", "威信"));
        // a rare dictionary entry across a common word's edge does not cut it (根|治口臭)
        assert!(!cut("这款牙膏能根治口臭", "根治"));
        assert!(cut("他最好看", "最好"));
        let whole = |text: &str, part: &str| {
            let start = text.find(part).unwrap();
            is_whole_words(text, start, start + part.len())
        };
        assert!(!whole("手机信号不好", "机信号"));
        assert!(!whole("索尼爱立信手机", "立信"));
        assert!(whole("加我薇信", "薇信"));
    }

    #[test]
    fn words() {
        assert!(is_word("威信") && is_word("咸鱼"));
        assert!(!is_word("薇信") && !is_word("公仲号"));
    }
}
