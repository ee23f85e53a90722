//! Throughput of a full lint over a realistic corpus of notes (mostly Chinese, with emoji,
//! English, numbers and a few violations), beside a bare Aho-Corasick scan of the same terms
//! over the same text as the yardstick. Run: `cargo bench --bench lint`.
//!
//! The corpus is generated here, deterministically; no external data is read.

use std::hint::black_box;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use redlint::{Linter, Note};

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

/// A deterministic corpus of `count` notes of a few hundred characters each.
fn corpus(count: usize) -> Vec<Note> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    (0..count)
        .map(|_| {
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
        .collect()
}

fn bytes(notes: &[Note]) -> u64 {
    notes
        .iter()
        .map(|n| (n.title.len() + n.body.len() + n.tags.iter().map(String::len).sum::<usize>()) as u64)
        .sum()
}

fn bench(c: &mut Criterion) {
    let linter = Linter::builtin();
    let notes = corpus(4000);
    let size = bytes(&notes);
    eprintln!("corpus: {} notes, {:.1} MB", notes.len(), size as f64 / 1e6);

    let terms: Vec<&str> = linter
        .rules()
        .flat_map(|r| r.terms.iter().chain(&r.exceptions))
        .map(String::as_str)
        .collect();
    let bare = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&terms)
        .expect("terms compile");

    let mut group = c.benchmark_group("lint");
    group.throughput(Throughput::Bytes(size));
    group.sample_size(20);
    group.bench_function("full lint (normalise + match + checks)", |b| {
        b.iter(|| notes.iter().map(|n| linter.lint(black_box(n)).len()).sum::<usize>())
    });
    group.bench_function("bare aho-corasick scan of the same terms", |b| {
        b.iter(|| {
            notes
                .iter()
                .map(|n| {
                    [&n.title, &n.body]
                        .iter()
                        .chain(n.tags.iter().collect::<Vec<_>>().iter())
                        .map(|t| bare.find_overlapping_iter(black_box(t.as_str())).count())
                        .sum::<usize>()
                })
                .sum::<usize>()
        })
    });
    group.finish();

    let one = Note::from_body(
        corpus(40)
            .into_iter()
            .map(|n| n.body)
            .collect::<String>()
            .chars()
            .take(1000)
            .collect::<String>(),
    );
    let mut single = c.benchmark_group("one note");
    single.throughput(Throughput::Bytes(one.body.len() as u64));
    single.bench_function("lint a 1,000-character note", |b| {
        b.iter(|| linter.lint(black_box(&one)))
    });
    single.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
