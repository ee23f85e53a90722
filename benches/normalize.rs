//! Throughput of `Normalized::new` on realistic note text.
//!
//! The text is generated here (deterministic, about 1 MB): mostly simplified Chinese with
//! CJK punctuation, some traditional chars, emoji (with VS16, skin tones and ZWJ
//! sequences), English words, prices, hashtags, full-width forms and line breaks.
//! Run with `cargo bench --bench normalize`; after Criterion's figures it prints the best of
//! 200 runs on the 1 MB text, which is robust against other load on a shared machine.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group};
use redlint::normalize::{Normalized, fold_term};

/// Common simplified characters of beauty / lifestyle notes.
const HANZI: &str = "的一是了我不在人们有来他这上着个地到大里说就去子得也和那要下看天时过出小么起你都\
把好还多没为又可家学只以主会样年想生同老中十从自面前头道它后然走很像见两用她国动进成回什边作对开而已些现\
山民候经发工向事命给长水几义三声于高手知理眼志点心战二问但身方实吃做叫当住听革打呢真全才四已所敌之最光产\
情路分总条白话东席次亲如被花口放儿常气五第使写军吧文运再果怎定许快明行因别飞外树物活部门无往船望新带队先\
力完却站代员机更九您每风级跟笑啊孩万少直意夜比阶连车重便斗马哪化太指变社似士者干石满日决百原拿群究各六本\
思解立河村八难早论吗根共让相研今其书坐接应关信觉步反处记将千找争领或师结块跑谁草越字加脚紧爱等习阵怕月青\
半火法题建赶位唱海七女任件感准张团屋离色脸片科倒睛利世刚且由送切星导晚表够整认响雪流未场该并底深刻平伟忙\
提确近亮轻讲农古黑告界拉名呀土清阳照办史改历转画造嘴此治北必服雨穿内识验传业菜爬睡兴形量咱观苦体众通冲合\
破友度术饭公旁房极南枪读沙岁线野坚空收算至政城劳落钱特围弟胜教热展包歌类渐强数乡呼性音答哥际旧神座章帮啦\
受系令跳非何牛取入岸敢掉忽种装顶急林停息句区衣般报叶压慢叔背细护肤面霜精华乳液防晒妆容口红眼影粉底腮红\
效果推荐种草测评真的绝了好用平价学生党敏感肌姐妹们冲鸭宝藏分享日常穿搭";

/// Traditional characters sprinkled in (about 1 in 60 CJK chars).
const TRADITIONAL: &str = "電子菸點擊搶購價薦優惠號聯繫網質還無們來這說時後會過個發實學";

/// Punctuation as written in Chinese notes.
const PUNCT: &[&str] = &[
    "，", "。", "！", "？", "、", "“", "”", "……", "～", "：", "（", "）", "~", "!",
];

/// Emoji, some with VS16, skin tones or ZWJ.
const EMOJI: &[&str] = &[
    "😂",
    "✨",
    "💕",
    "👍🏻",
    "❤️",
    "🔥",
    "🌟",
    "💯",
    "🥰",
    "😭",
    "🙏🏻",
    "👀",
    "🎉",
    "💄",
    "🧴",
    "🍑",
    "👩\u{200D}🦰",
    "☀️",
    "🌸",
    "😍",
];

/// English words, brands and slang.
const WORDS: &[&str] = &[
    "OK",
    "vlog",
    "iPhone",
    "SPF50+",
    "ootd",
    "yyds",
    "YSL",
    "Dior",
    "amazing",
    "nice",
    "PA++++",
    "VX",
    "ｖｘ",
    "ＤＩＹ",
];

/// A small deterministic PRNG (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// About `target` bytes of note-like text.
fn note_text(target: usize) -> String {
    let hanzi: Vec<char> = HANZI.chars().collect();
    let trad: Vec<char> = TRADITIONAL.chars().collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut s = String::with_capacity(target + 64);
    let mut line = 0;
    while s.len() < target {
        let roll = rng.below(1000);
        match roll {
            0..=819 => {
                let c = if rng.below(60) == 0 {
                    trad[rng.below(trad.len())]
                } else {
                    hanzi[rng.below(hanzi.len())]
                };
                s.push(c);
            }
            820..=909 => s.push_str(rng.pick(PUNCT)),
            910..=939 => s.push_str(rng.pick(EMOJI)),
            940..=964 => {
                s.push(' ');
                s.push_str(rng.pick(WORDS));
                s.push(' ');
            }
            965..=984 => {
                let n = rng.below(1000);
                s.push_str(&format!("{}{n}", if n % 3 == 0 { "¥" } else { "" }));
            }
            _ => s.push_str("#护肤[话题]# "),
        }
        line += 1;
        if line > 40 + rng.below(80) {
            s.push('\n');
            line = 0;
        }
    }
    s
}

fn bench_normalize(c: &mut Criterion) {
    let big = note_text(1 << 20);
    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("new/1MB note text", |b| b.iter(|| Normalized::new(black_box(&big))));
    group.finish();

    let note = note_text(1500);
    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(note.len() as u64));
    group.bench_function("new/one 1.5KB note", |b| b.iter(|| Normalized::new(black_box(&note))));
    group.finish();

    c.bench_function("fold_term/电子烟", |b| b.iter(|| fold_term(black_box("電子菸"))));
}

/// Best-of-N wall-clock throughput on the 1 MB text. Criterion reports a mean, which on a
/// shared machine includes the time this process was not running; the minimum over many
/// runs is the usual robust estimate for CPU-bound code under outside load.
fn best_of_report() {
    let big = note_text(1 << 20);
    let mut best = f64::MAX;
    for _ in 0..200 {
        let t = Instant::now();
        black_box(Normalized::new(black_box(&big)));
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "normalize/new/1MB note text: best of 200 runs {:.3} ms = {:.0} MB/s ({:.0} MiB/s)",
        best * 1e3,
        big.len() as f64 / best / 1e6,
        big.len() as f64 / best / (1u64 << 20) as f64
    );
}

criterion_group!(benches, bench_normalize);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // Only when benchmarking (`cargo bench`), not in `cargo test --benches`.
    if std::env::args().any(|a| a == "--bench") {
        best_of_report();
    }
}
