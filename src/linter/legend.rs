//! A stand-in explained: a handle or a number written with a symbol in place of a character,
//! and a legend that says which (`soap✿✿21（✿换成9）`, `138★★★★5678，★=0`, `把#改成a`). No
//! filter reads the handle as written, and the writer counts on the reader to swap the
//! symbol back. So a field holding such a legend is also scanned with every stand-in beside a
//! letter or a digit replaced as the legend says, and a hit that spans a replaced symbol is
//! kept at the writer's own characters.

use std::sync::OnceLock;

use regex::Regex;

use super::rewritten::Rewritten;
use super::{Hit, Linter};
use crate::normalize::Normalized;

/// A character every word of swapping holds (换成, 替换为: 换; 改成, 改为: 改; 代表, 表示: 表;
/// =, ＝): a field without one holds no legend, told in one pass.
const SWAP_MARKS: [char; 5] = ['换', '改', '表', '=', '＝'];

/// A legend: a symbol (a picture, a sign, `*`, `#`), a word of swapping, and the one letter,
/// digit or Chinese numeral it stands for.
fn legend() -> &'static Regex {
    static LEGEND: OnceLock<Regex> = OnceLock::new();
    LEGEND.get_or_init(|| {
        Regex::new(
            r"([*#]|[^\p{L}\p{N}\p{P}\s])\x{FE0F}?\s?(?:换成|改成|替换成|替换为|换为|改为|代表|表示|=|＝)\s?([0-9a-zA-Z零〇一二三四五六七八九])",
        )
        .expect("the legend regex compiles")
    })
}

impl Linter {
    /// The hits of `text` with its explained stand-ins swapped back, at the writer's
    /// characters, that span a swapped symbol and are not among `hits` already.
    pub(super) fn read_legend(&self, text: &str, active: &impl Fn(usize) -> bool, hits: &mut Vec<Hit>) {
        if !text.contains(SWAP_MARKS) {
            return;
        }
        let Some(swapped) = swapped(text) else {
            return;
        };
        let norm = Normalized::new(&swapped.text);
        let mut scan = self.scan(&swapped.text, &norm, active);
        self.read_numbers(&swapped.text, &norm, active, &mut scan.hits);
        self.keep_rewritten(&swapped, scan.hits, hits);
    }
}

/// `text` with its explained stand-ins swapped back, if it holds a legend and a stand-in beside
/// a letter, a digit or another stand-in outside it.
fn swapped(text: &str) -> Option<Rewritten> {
    // each legend: the symbol, what it stands for, and where the legend itself stands
    let legends: Vec<(char, char, std::ops::Range<usize>)> = legend()
        .captures_iter(text)
        .filter_map(|c| {
            let symbol = c.get(1)?.as_str().chars().next()?;
            let letter = match c.get(2)?.as_str().chars().next()? {
                '零' | '〇' => '0',
                d @ '一'..='九' => {
                    char::from_digit("一二三四五六七八九".chars().position(|n| n == d)? as u32 + 1, 10)?
                }
                d => d,
            };
            Some((symbol, letter, c.get(0)?.range()))
        })
        .collect();
    if legends.is_empty() {
        return None;
    }
    let swap = |c: char| legends.iter().find(|&&(s, ..)| s == c).map(|&(_, l, _)| l);
    let in_legend = |i: usize| legends.iter().any(|(.., r)| r.contains(&i));
    // a stand-in counts beside a letter, a digit or another stand-in (inside a handle or a
    // number), outside the legends
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let joined = |k: Option<&(usize, char)>| k.is_some_and(|&(_, c)| c.is_ascii_alphanumeric() || swap(c).is_some());
    let mut out = Rewritten::with_capacity(text.len());
    for (k, &(i, c)) in chars.iter().enumerate() {
        let end = i + c.len_utf8();
        match swap(c).filter(|_| {
            !in_legend(i) && (joined(k.checked_sub(1).and_then(|p| chars.get(p))) || joined(chars.get(k + 1)))
        }) {
            Some(l) => out.swap(l, i..end),
            None => out.keep(text, i..end),
        }
    }
    out.finish(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn stand_ins_beside_letters_and_digits_are_swapped_as_the_legend_says() {
        let text = "订购加我：soap✿✿21（✿换成9）";
        let s = swapped(text).expect("a legend");
        assert!(s.text.starts_with("订购加我：soap9921（✿换成9）"), "{}", s.text);
        let at = s.text.find("soap9921").unwrap();
        let span = s.original(Span::new(at, at + "soap9921".len()));
        assert_eq!(&text[span.range()], "soap✿✿21");
        assert!(s.holds_change(span));
        // a numeral in the legend, and a symbol standing alone (not beside a letter or a
        // digit) is left as it is
        let s = swapped("电话138★★★★5678 ★=零 ★好评").unwrap();
        assert_eq!(s.text, "电话13800005678 ★=零 ★好评");
        // no legend, nothing to swap
        assert!(swapped("soap✿✿21").is_none());
        assert!(swapped("评分⭐换成6分").is_none());
    }
}
