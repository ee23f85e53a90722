//! The note corpora the benchmarks share: one generated here, deterministically, and the real
//! text of `../shared/corpora/` when that folder exists (read from there, never copied).

use redlint::Note;

const FRAGMENTS: &[&str] = &[
    "今天去了一家新开的咖啡店",
    "拿铁的奶泡很细腻",
    "周末和朋友去爬山，山顶的风景特别好看",
    "这款面霜用了两周，皮肤没有那么干了",
    "质地比较清爽，夏天用刚好",
    "价格一百多，学生党也能接受",
    "第一次尝试这种风格的穿搭",
    "最近天气转凉，记得多穿点",
    "房间收拾好之后心情都变好了",
    "推荐给同样是油皮的姐妹",
    "包装很精致，送人也合适",
    "地铁二号线出来走五分钟就到",
    "烤箱预热一百八十度，烤二十分钟",
    "the texture is light and the scent is subtle",
    "weekend vlog: coffee, books and a long walk",
    "步骤一：洗脸；步骤二：拍水；步骤三：涂乳液",
    "酒店的早餐很丰富，服务也很周到",
    "画了一个淡淡的烟熏妆",
    "可以用微信支付，也可以刷卡",
    "一共花了三百二十元",
];

const EMOJI: &[&str] = &["🙂", "✨", "🥰", "🔥", "👍", "🌸", "☕️", "👩‍👩‍👧", "💄", "🏔️"];

const VIOLATIONS: &[&str] = &[
    "这是全网最好用的面霜",
    "加我微信领取",
    "电子烟新手入门",
    "限时秒杀，手慢无",
    "根治痘痘，七天见效",
    "高仿包包",
];

/// A deterministic, endless stream of notes of a few hundred characters each: mostly Chinese,
/// with emoji, English, numbers, and a violation in about one fragment of 25.
pub fn notes() -> impl Iterator<Item = Note> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    std::iter::repeat(()).map(move |()| {
        let mut body = String::new();
        for _ in 0..(8 + next(10)) {
            body.push_str(FRAGMENTS[next(FRAGMENTS.len())]);
            if next(4) == 0 {
                body.push_str(EMOJI[next(EMOJI.len())]);
            }
            if next(25) == 0 {
                body.push_str(VIOLATIONS[next(VIOLATIONS.len())]);
            }
            body.push_str(if next(5) == 0 { "\n" } else { "，" });
        }
        Note::from_body(body)
            .with_title(FRAGMENTS[next(FRAGMENTS.len())].chars().take(12).collect::<String>())
            .with_tags(["好物分享", "日常"])
    })
}

/// Real notes: the `text` of the first 3,000 lines of each `../shared/corpora/*.jsonl`
/// (hotel and shopping reviews, food delivery, Weibo, game-chat and QQ-group ads), or none
/// when the folder is not there.
pub fn real_notes() -> Vec<Note> {
    // beside the workspace: from the engine's benches and from the command line's (cli/)
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = [
        manifest.join("../shared/corpora"),
        manifest.join("../../shared/corpora"),
    ]
    .into_iter()
    .find(|d| d.is_dir())
    .unwrap_or_else(|| manifest.join("../shared/corpora"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut notes = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for line in text.lines().take(3000) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(t) = v["text"].as_str()
            {
                notes.push(Note::from_body(t));
            }
        }
    }
    notes
}

/// The yardstick the benches measure redlint against: a bare Aho-Corasick DFA of every term
/// and exception of `linter`'s rules, searched as is (no folding, no checks).
pub fn bare_automaton(linter: &redlint::Linter) -> aho_corasick::AhoCorasick {
    let terms: Vec<&str> = linter
        .rules()
        .flat_map(|r| r.terms.iter().chain(&r.exceptions))
        .map(String::as_str)
        .collect();
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::Standard)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&terms)
        .expect("terms compile")
}
