//! Unit tests of reading by sound.

use super::*;

fn index(terms: &[(&str, bool)]) -> SoundIndex {
    let mut ix = SoundIndex::default();
    for (i, &(t, initials)) in terms.iter().enumerate() {
        assert!(ix.add(0, Some(i as u32), t, true, initials), "{t}");
    }
    ix
}

fn read(ix: &SoundIndex, text: &str) -> Vec<(String, String, Vec<&'static str>)> {
    ix.scan(text)
        .into_iter()
        .map(|h| {
            let span = h.units[0].start..h.units.last().unwrap().end;
            (ix.term(h.term).text.clone(), text[span].to_owned(), h.how.names())
        })
        .collect()
}

#[test]
fn reads_homophones_pinyin_initials_and_emoji() {
    let ix = index(&[
        ("微信", false),
        ("公众号", true),
        ("闲鱼", false),
        ("抖音", false),
        ("绿泡泡", false),
    ]);
    assert_eq!(read(&ix, "加薇信"), [("微信".into(), "薇信".into(), vec!["sound"])]);
    // ❤ reads 心 (xin) or is skipped as decoration; 威❤ as wei xin mixes a swapped
    // character with an emoji and is too loose a reading
    let hearts: Vec<String> = read(&ix, "加 威 ❤ 信").into_iter().map(|h| h.1).collect();
    assert_eq!(hearts, ["威 ❤ 信"]);
    assert_eq!(read(&ix, "dou音搜")[0].2, ["pinyin"]);
    assert_eq!(read(&ix, "weixin")[0].0, "微信");
    assert_eq!(read(&ix, "关注gzh")[0].0, "公众号");
    assert_eq!(read(&ix, "公仲号")[0].0, "公众号");
    assert_eq!(read(&ix, "闲🐟上")[0], ("闲鱼".into(), "闲🐟".into(), vec!["emoji"]));
    assert_eq!(read(&ix, "🟢泡泡")[0].0, "绿泡泡");
}

#[test]
fn plain_terms_and_weak_readings_are_left_out() {
    let ix = index(&[("微信", true), ("闲鱼", false)]);
    assert!(read(&ix, "加微信").is_empty(), "plain: the literal matcher's");
    assert!(read(&ix, "威心").is_empty(), "both characters swapped");
    assert!(read(&ix, "wx").is_empty(), "two initials");
    assert!(read(&ix, "微1信").is_empty(), "a digit breaks");
    assert!(read(&ix, "weixinabc").is_empty(), "a run is read whole or not at all");
    assert!(read(&ix, "咸\n鱼").is_empty(), "a line break breaks");
}

/// The whole text read into one lattice, as before `regions` (the reference).
fn scan_whole(ix: &SoundIndex, folded: &str) -> Vec<(u32, Vec<Range<usize>>)> {
    let lattice = ix.lattice(folded);
    let (mut hits, mut path) = (Vec::new(), Vec::new());
    for (e, edge) in lattice.edges.iter().enumerate() {
        let next = ix.root[edge.key as usize];
        if next != u32::MAX && !lattice.internal[edge.from as usize] {
            path.push(e);
            ix.walk(&lattice, next as usize, edge.to, &mut path, &mut hits);
            path.pop();
        }
    }
    let mut v: Vec<(u32, Vec<Range<usize>>)> = hits.into_iter().map(|h| (h.term, h.units)).collect();
    v.sort_by_key(|(t, u)| (u[0].start, u.last().map_or(0, |u| u.end), *t));
    v.dedup_by_key(|(t, u)| (u[0].start, u.last().map_or(0, |u| u.end), *t));
    v
}

mod generated {
    use proptest::prelude::*;

    use super::*;

    /// Terms' characters and their same-sounding stand-ins, pinyin, initials, emoji
    /// standing for words, digits, line breaks, separators and ordinary characters.
    const PIECES: &[&str] = &[
        "微", "信", "威", "薇", "心", "新", "加", "我", "家", "私", "聊", "淘", "宝", "桃", "包", "闲", "鱼", "咸",
        "的", "是", "了", "好", "wei", "xin", "weixin", "v", "x", "gzh", "tb", "🐟", "🍑", "❤", "💰", "1", "3", "\n",
        " ", ".", "·", "，", "😀", "天", "气",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn regions_read_as_the_whole_text(parts in prop::collection::vec(0..PIECES.len(), 0..40)) {
            static IX: std::sync::OnceLock<SoundIndex> = std::sync::OnceLock::new();
            let ix = IX.get_or_init(|| {
                index(&[("微信", true), ("加我", true), ("私聊", true), ("淘宝", true), ("闲鱼", true), ("公众号", true)])
            });
            let text: String = parts.iter().map(|&i| PIECES[i]).collect();
            let folded = crate::normalize::Normalized::new(&text).folded().to_owned();
            let got: Vec<(u32, Vec<Range<usize>>)> = ix.scan(&folded).into_iter().map(|h| (h.term, h.units)).collect();
            prop_assert_eq!(got, scan_whole(ix, &folded), "{:?}", text);
        }
    }
}
