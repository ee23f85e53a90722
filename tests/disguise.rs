//! Generated disguises: for every term a pack reads by sound (`read`, `disguised_terms`), the
//! ways people write it are produced here, not listed: each character swapped for a
//! same-sounding one, written as pinyin (one character or all), as initials, as an emoji that
//! reads like it, set apart with symbols, in full-width letters. Each must be flagged with a
//! span over the writer's own characters. A wall of ordinary sentences full of sound-alike
//! words must stay quiet. Coverage per family is printed (`cargo test --test disguise --
//! --nocapture`) and held above a floor.

use std::collections::BTreeMap;

use redlint::normalize::{fold_term, reading};
use redlint::pack::{Applies, Read};
use redlint::{Category, Linter, Note, Severity, words};

/// A term opted into reading, with what its rule needs around it.
struct Subject {
    rule: String,
    category: Category,
    term: String,
    initials: bool,
    /// A cue the rule needs before its terms (`加`), if any.
    cue: String,
    /// A tail the rule's `after` needs (a handle), if any.
    tail: &'static str,
    /// A word of the rule's topic, for a rule that counts only in a note on it.
    topic: String,
    /// The rule is read by default (its guards apply; accent twins are read only so).
    default_read: bool,
    /// Lint as a sponsored note (every rule but those that apply to organic notes only), so
    /// that scoped claims need no product in the carrier sentence.
    sponsored: bool,
}

fn subjects(linter: &Linter) -> Vec<Subject> {
    let mut out = Vec::new();
    for r in linter.rules() {
        let by_rule = r.read.contains(&Read::Sound);
        let terms = r
            .terms
            .iter()
            .filter(|_| by_rule)
            // initials alone only where a rule asks for them: the default reading refuses them
            // (`zyx`, `wzj` are names' initials as often as a term's)
            .map(|t| (t, r.read.contains(&Read::Initials) && !r.read_default));
        for (t, initials) in terms.chain(r.disguised_terms.iter().map(|t| (t, true))) {
            let folded = fold_term(t);
            let n = folded.chars().count();
            if n < 2 || !folded.chars().all(|c| !reading::han(c).is_empty()) {
                continue;
            }
            out.push(Subject {
                rule: r.id.clone(),
                category: r.category,
                term: folded,
                initials,
                cue: r.before.first().cloned().unwrap_or_default(),
                topic: if r.only_on_topic {
                    format!("{}。", r.topic[0])
                } else {
                    String::new()
                },
                tail: if r.after.is_some() && r.before.is_empty() {
                    "：lily0909"
                } else {
                    ""
                },
                sponsored: r.applies != Applies::Organic,
                default_read: r.read_default && r.before.is_empty() && r.after.is_none(),
            });
        }
    }
    out
}

/// Characters by main reading, each with how often it is a word on its own.
fn by_sound() -> BTreeMap<reading::Syllable, Vec<(char, usize)>> {
    let mut map: BTreeMap<reading::Syllable, Vec<(char, usize)>> = BTreeMap::new();
    for u in 0x4E00u32..0x9FA6 {
        let c = char::from_u32(u).unwrap();
        if let Some(&s) = reading::han(c).first() {
            map.entry(s).or_default().push((c, 0));
        }
    }
    map
}

/// A stand-in for `c`: another character of the same main reading that people would pick (in
/// use, but not a common word on its own), or `None`.
fn stand_in(c: char, table: &BTreeMap<reading::Syllable, Vec<(char, usize)>>) -> Option<char> {
    let s = *reading::han(c).first()?;
    table
        .get(&s)?
        .iter()
        .map(|&(d, _)| (d, words::char_frequency(d)))
        .filter(|&(d, f)| d != c && (200..5000).contains(&f))
        .max_by_key(|&(_, f)| f)
        .map(|(d, _)| d)
}

/// A stand-in for `c` said exactly as it is, tone and all (罪 for 最, both zuì), chosen as
/// [`stand_in`] chooses and never a numeral, or `None`.
fn in_tone(c: char, table: &BTreeMap<reading::Syllable, Vec<(char, usize)>>) -> Option<char> {
    in_tone_within(c, table, 200..5000)
}

/// [`in_tone`] among the characters whose frequency as a word on their own is in `freq`.
fn in_tone_within(
    c: char,
    table: &BTreeMap<reading::Syllable, Vec<(char, usize)>>,
    freq: std::ops::Range<usize>,
) -> Option<char> {
    let s = *reading::han(c).first()?;
    let tone = reading::main_tone(c);
    table
        .get(&s)?
        .iter()
        .map(|&(d, _)| (d, words::char_frequency(d)))
        .filter(|&(d, f)| {
            d != c
                && tone != 0
                && reading::main_tone(d) == tone
                && freq.contains(&f)
                && !"一二三四五六七八九十百千万两".contains(d)
        })
        .max_by_key(|&(_, f)| f)
        .map(|(d, _)| d)
}

/// A stand-in for `c` said in the other accent (纸 for 子: the flat and the retroflex initial),
/// chosen as [`stand_in`] chooses, or `None`.
fn accent_in(c: char, table: &BTreeMap<reading::Syllable, Vec<(char, usize)>>) -> Option<char> {
    let twin = reading::accent_twin(*reading::han(c).first()?)?;
    table
        .get(&twin)?
        .iter()
        .map(|&(d, _)| (d, words::char_frequency(d)))
        .filter(|&(_, f)| (200..5000).contains(&f))
        .max_by_key(|&(_, f)| f)
        .map(|(d, _)| d)
}

/// An emoji that reads like `c` (CLDR gives it a one-character word of the same sound).
fn emoji_for(c: char) -> Option<char> {
    let s = *reading::han(c).first()?;
    ('\u{1F300}'..='\u{1FAFF}').find(|&e| {
        reading::emoji_words(e).is_some_and(|ws| {
            ws.split(' ').any(|w| {
                w.chars().count() == 1 && w.chars().next().and_then(|d| reading::han(d).first().copied()) == Some(s)
            })
        })
    })
}

fn pinyin(c: char) -> String {
    reading::name(reading::han(c)[0]).to_owned()
}

/// A pinyin syllable in zhuyin (注音), Taiwan's phonetic letters, as a keyboard there types it
/// (yan ㄧㄢ, xian ㄒㄧㄢ, zhi ㄓ, ju ㄐㄩ), built from the two systems' tables, not from the
/// engine's; `None` for a spelling this converter does not know.
fn zhuyin(py: &str) -> Option<String> {
    const INITIALS: [(&str, char); 21] = [
        ("zh", 'ㄓ'),
        ("ch", 'ㄔ'),
        ("sh", 'ㄕ'),
        ("b", 'ㄅ'),
        ("p", 'ㄆ'),
        ("m", 'ㄇ'),
        ("f", 'ㄈ'),
        ("d", 'ㄉ'),
        ("t", 'ㄊ'),
        ("n", 'ㄋ'),
        ("l", 'ㄌ'),
        ("g", 'ㄍ'),
        ("k", 'ㄎ'),
        ("h", 'ㄏ'),
        ("j", 'ㄐ'),
        ("q", 'ㄑ'),
        ("x", 'ㄒ'),
        ("r", 'ㄖ'),
        ("z", 'ㄗ'),
        ("c", 'ㄘ'),
        ("s", 'ㄙ'),
    ];
    const FINALS: [(&str, &str); 35] = [
        ("a", "ㄚ"),
        ("o", "ㄛ"),
        ("e", "ㄜ"),
        ("ai", "ㄞ"),
        ("ei", "ㄟ"),
        ("ao", "ㄠ"),
        ("ou", "ㄡ"),
        ("an", "ㄢ"),
        ("en", "ㄣ"),
        ("ang", "ㄤ"),
        ("eng", "ㄥ"),
        ("er", "ㄦ"),
        ("i", "ㄧ"),
        ("ia", "ㄧㄚ"),
        ("ie", "ㄧㄝ"),
        ("iao", "ㄧㄠ"),
        ("iu", "ㄧㄡ"),
        ("ian", "ㄧㄢ"),
        ("in", "ㄧㄣ"),
        ("iang", "ㄧㄤ"),
        ("ing", "ㄧㄥ"),
        ("iong", "ㄩㄥ"),
        ("u", "ㄨ"),
        ("ua", "ㄨㄚ"),
        ("uo", "ㄨㄛ"),
        ("uai", "ㄨㄞ"),
        ("ui", "ㄨㄟ"),
        ("uan", "ㄨㄢ"),
        ("un", "ㄨㄣ"),
        ("uang", "ㄨㄤ"),
        ("ong", "ㄨㄥ"),
        ("v", "ㄩ"),
        ("ve", "ㄩㄝ"),
        ("ue", "ㄩㄝ"),
        ("van", "ㄩㄢ"),
    ];
    const BARE: [(&str, &str); 23] = [
        ("yi", "ㄧ"),
        ("ya", "ㄧㄚ"),
        ("ye", "ㄧㄝ"),
        ("yao", "ㄧㄠ"),
        ("you", "ㄧㄡ"),
        ("yan", "ㄧㄢ"),
        ("yin", "ㄧㄣ"),
        ("yang", "ㄧㄤ"),
        ("ying", "ㄧㄥ"),
        ("yong", "ㄩㄥ"),
        ("yu", "ㄩ"),
        ("yue", "ㄩㄝ"),
        ("yuan", "ㄩㄢ"),
        ("yun", "ㄩㄣ"),
        ("wu", "ㄨ"),
        ("wa", "ㄨㄚ"),
        ("wo", "ㄨㄛ"),
        ("wai", "ㄨㄞ"),
        ("wei", "ㄨㄟ"),
        ("wan", "ㄨㄢ"),
        ("wen", "ㄨㄣ"),
        ("wang", "ㄨㄤ"),
        ("weng", "ㄨㄥ"),
    ];
    if let Some(&(_, z)) = BARE.iter().find(|&&(p, _)| p == py) {
        return Some(z.to_owned());
    }
    let (initial, rest) = match INITIALS.iter().find(|&&(p, _)| py.starts_with(p)) {
        Some(&(p, z)) => (Some((p, z)), &py[p.len()..]),
        None => (None, py),
    };
    let jqx = matches!(initial, Some(("j" | "q" | "x", _)));
    // (ju, que, xuan, jun: a u after j, q, x is ü)
    let rest = match rest {
        "u" | "ue" | "uan" | "un" if jqx => format!("v{}", &rest[1..]),
        "un" => "un".to_owned(),
        r => r.to_owned(),
    };
    let fin = match (initial, rest.as_str()) {
        // zhi, chi, shi, ri, zi, ci, si: the initial alone
        (Some(("zh" | "ch" | "sh" | "r" | "z" | "c" | "s", _)), "i") => String::new(),
        (_, "vn") => "ㄩㄣ".to_owned(),
        (_, r) => FINALS.iter().find(|&&(p, _)| p == r)?.1.to_owned(),
    };
    Some(format!(
        "{}{fin}",
        initial.map(|(_, z)| z.to_string()).unwrap_or_default()
    ))
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                char::from_u32(c as u32 + 0xFEE0).unwrap()
            } else {
                c
            }
        })
        .collect()
}

/// Every disguise of a subject: (family, the disguised term as written).
fn disguises(s: &Subject, table: &BTreeMap<reading::Syllable, Vec<(char, usize)>>) -> Vec<(&'static str, String)> {
    let chars: Vec<char> = s.term.chars().collect();
    let n = chars.len();
    let with = |i: usize, x: &str| -> String {
        chars
            .iter()
            .enumerate()
            .map(|(j, c)| if j == i { x.to_owned() } else { c.to_string() })
            .collect()
    };
    let mut out = Vec::new();
    // a same-sounding character for one character (two-character terms: only after the
    // rule's cues, which these subjects lack unless they have a cue)
    if n >= 3 || !s.cue.is_empty() {
        if let Some((i, d)) = chars
            .iter()
            .enumerate()
            .find_map(|(i, &c)| stand_in(c, table).map(|d| (i, d)))
        {
            out.push(("homophone", with(i, &d.to_string())));
        }
    }
    // a two-character term read by default, one character swapped for one said in the same
    // tone (罪强, 丰凶) beside one that is no function word
    if n == 2 && s.cue.is_empty() && s.default_read {
        if let Some((i, d)) = chars.iter().enumerate().find_map(|(i, &c)| {
            let other = chars[1 - i];
            (words::char_frequency(other) < 50_000)
                .then(|| in_tone(c, table).map(|d| (i, d)))
                .flatten()
        }) {
            out.push(("tone", with(i, &d.to_string())));
        }
    }
    // one character said in the other accent (电纸烟), for the terms read by default
    if n >= 3 && s.cue.is_empty() && s.default_read {
        if let Some((i, d)) = chars
            .iter()
            .enumerate()
            .find_map(|(i, &c)| accent_in(c, table).map(|d| (i, d)))
        {
            out.push(("accent", with(i, &d.to_string())));
        }
    }
    // a product's name of four characters or more spelled again by its sound, every character
    // swapped (爱思佐伦 for 艾司唑仑), where no two neighbours make a word
    if n >= 4 && s.cue.is_empty() && s.default_read && s.category == Category::ProhibitedProduct {
        let respelled: Option<Vec<char>> = chars.iter().map(|&c| stand_in(c, table)).collect();
        if let Some(r) = respelled.filter(|r| !r.windows(2).any(|w| words::is_word(&String::from_iter(w)))) {
            out.push(("respelled", r.into_iter().collect()));
        }
    }
    // a product's name of three by the initials of its ends around its middle (s诺s)
    if n == 3 && s.cue.is_empty() && s.default_read && s.category == Category::ProhibitedProduct {
        out.push((
            "sandwich",
            format!("{}{}{}", &pinyin(chars[0])[..1], chars[1], &pinyin(chars[2])[..1]),
        ));
    }
    // one character as pinyin, and the whole term as pinyin (joined, and spaced)
    out.push(("pinyin-one", with(n - 1, &pinyin(chars[n - 1]))));
    // ...or in zhuyin (加熱ㄧㄢ, ㄢ眠藥)
    if let Some(z) = zhuyin(&pinyin(chars[n - 1])) {
        out.push(("zhuyin-one", with(n - 1, &z)));
    }
    // ...followed by an amount glued to it (增gao5, 立jian30)
    out.push(("pinyin-number", format!("{}30", with(n - 1, &pinyin(chars[n - 1])))));
    out.push(("pinyin-all", chars.iter().map(|&c| pinyin(c)).collect()));
    out.push((
        "pinyin-spaced",
        chars.iter().map(|&c| pinyin(c)).collect::<Vec<_>>().join(" "),
    ));
    out.push((
        "full-width",
        full_width(&chars.iter().map(|&c| pinyin(c)).collect::<String>()),
    ));
    if s.initials && (3..=5).contains(&n) {
        out.push(("initials", chars.iter().map(|&c| pinyin(c)[..1].to_owned()).collect()));
    }
    if let Some((i, e)) = chars
        .iter()
        .enumerate()
        .find_map(|(i, &c)| emoji_for(c).map(|e| (i, e)))
    {
        out.push(("emoji", with(i, &e.to_string())));
    }
    // a numeral written as a digit (唯1, 独1无2)
    let numerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if chars.iter().any(|c| numerals.contains(c)) && chars.iter().any(|c| !numerals.contains(c)) {
        let written: String = chars
            .iter()
            .map(|&c| match numerals.iter().position(|&n| n == c) {
                Some(d) => char::from(b'0' + d as u8),
                None => c,
            })
            .collect();
        out.push(("digit", written));
    }
    // a character written as its two parts (微亻言, 电子火因)
    if let Some((i, (a, b))) = chars
        .iter()
        .enumerate()
        .find_map(|(i, &c)| redlint::normalize::parts_of(c).map(|p| (i, p)))
    {
        out.push(("split", with(i, &format!("{a}{b}"))));
    }
    // an inner character masked (奥x司他, 电*烟), or named away with 某 (保某适)
    if n >= 3 {
        out.push(("masked", with(1, "x")));
        out.push(("masked", with(n - 2, "*")));
        if !chars.contains(&'某') {
            out.push(("masked", with(1, "某")));
        }
    }
    out.push((
        "separators",
        chars.iter().map(char::to_string).collect::<Vec<_>>().join("❤"),
    ));
    out
}

/// The share of generated zhuyin spellings that must be read: 0.920 when the reading was added
/// as a fold (the rest were syllables the spelled-syllable table does not hold beside that
/// neighbour: 最ㄏㄠ), 0.998 once the readings by sound read a zhuyin syllable as its pinyin
/// (session 26); the engine before either read none.
const ZHUYIN_FLOOR: f64 = 0.95;

#[test]
fn zhuyin_spells_as_pinyin_does() {
    for (py, z) in [
        ("yan", "ㄧㄢ"),
        ("xian", "ㄒㄧㄢ"),
        ("zhi", "ㄓ"),
        ("ju", "ㄐㄩ"),
        ("feng", "ㄈㄥ"),
        ("an", "ㄢ"),
    ] {
        assert_eq!(zhuyin(py).as_deref(), Some(z), "{py}");
    }
}

#[test]
fn generated_disguises_are_read() {
    let linter = Linter::builtin();
    let table = by_sound();
    let mut tried: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut by_rule: BTreeMap<(String, &str), (usize, usize)> = BTreeMap::new();
    let mut missed: Vec<String> = Vec::new();
    let subjects = subjects(&linter);
    assert!(subjects.len() > 50, "{} terms read by sound", subjects.len());
    for s in &subjects {
        for (family, written) in disguises(s, &table) {
            let body = format!("{}姐妹们 {}{}{} 哦", s.topic, s.cue, written, s.tail);
            let start = body.find(&written).unwrap();
            let end = start + written.len();
            let found = linter.lint(&Note::from_body(&body).sponsored(s.sponsored));
            let hit = found.iter().any(|v| {
                v.category == s.category && v.severity >= Severity::Warning && v.span.start < end && start < v.span.end
            });
            if std::env::var_os("DISGUISE_SHOW").is_some() {
                println!("  {family:12} {} {:8} {body}", s.rule, s.term);
            }
            let e = tried.entry(family).or_default();
            e.0 += 1;
            let r = by_rule.entry((s.rule.clone(), family)).or_default();
            r.0 += 1;
            if hit {
                e.1 += 1;
                r.1 += 1;
            } else {
                missed.push(format!("{family}: {} {} ← {body}", s.rule, s.term));
            }
        }
    }
    println!("disguise coverage per family ({} terms):", subjects.len());
    for (family, (n, ok)) in &tried {
        println!("  {family:14} {ok:4}/{n:<4} {:5.1}%", 100.0 * *ok as f64 / *n as f64);
    }
    for m in missed.iter().take(60) {
        println!("  missed {m}");
    }
    coverage_table_is_current(&linter, &tried, &by_rule);
    for (family, (n, ok)) in &tried {
        let floor = match *family {
            "homophone" => 0.6,
            "emoji" => 0.6,
            "zhuyin-one" => ZHUYIN_FLOOR,
            _ => 0.85,
        };
        assert!(
            *ok as f64 >= floor * *n as f64,
            "{family}: {ok}/{n} below {floor}; run with --nocapture for the misses"
        );
    }
}

/// The coverage table of `rules/README.md` (every rule x every reading: generated terms read /
/// generated), held equal to what this run measured; `REDLINT_BLESS=1` rewrites it.
fn coverage_table_is_current(
    linter: &Linter,
    tried: &BTreeMap<&str, (usize, usize)>,
    by_rule: &BTreeMap<(String, &str), (usize, usize)>,
) {
    let families: Vec<&str> = tried.keys().copied().collect();
    let mut table = String::from("| rule | read | ");
    table += &families.join(" | ");
    table += " |\n|---|---|";
    table += &"---|".repeat(families.len());
    table += "\n";
    for r in linter
        .rules()
        .filter(|r| !r.terms.is_empty() || !r.disguised_terms.is_empty())
    {
        let read = if r.read.is_empty() {
            "as written".to_owned()
        } else if r.read_default {
            "default".to_owned()
        } else {
            r.read
                .iter()
                .map(|m| format!("{m:?}").to_lowercase())
                .collect::<Vec<_>>()
                .join("+")
        };
        table += &format!("| {} {} | {read} |", r.id, r.name);
        for f in &families {
            match by_rule.get(&(r.id.clone(), *f)) {
                Some((n, ok)) => table += &format!(" {ok}/{n} |"),
                None => table += " – |",
            }
        }
        table += "\n";
    }
    let (start, end) = ("<!-- coverage:start -->\n", "<!-- coverage:end -->");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let (a, b) = (
        readme.find(start).expect("coverage markers in rules/README.md") + start.len(),
        readme.find(end).expect("coverage markers in rules/README.md"),
    );
    if std::env::var_os("REDLINT_BLESS").is_some() {
        std::fs::write(path, format!("{}{table}{}", &readme[..a], &readme[b..])).unwrap();
    } else {
        assert_eq!(
            &readme[a..b],
            table,
            "rules/README.md's coverage table is stale: run `REDLINT_BLESS=1 cargo test --test disguise`"
        );
    }
}

/// Ordinary sentences full of words that sound like redirect and product terms.
const SOUND_ALIKES: &[&str] = &[
    "今晚能看到卫星过境，好浪漫",
    "老师在班里很有威信",
    "周末在家煮饺子，韭菜馅的",
    "小时候最喜欢看公主的动画片",
    "宿舍手机信号太差了",
    "索尼爱立信是我第一部手机",
    "咸鱼翻身的故事谁不爱听",
    "做人不能有私心",
    "竹叶青茶泡出来很香",
    "明治维新是历史课的重点",
    "我们心心相印",
    "投桃报李，礼尚往来",
    "谢谢我的好弟弟",
    "甜如蜜 我好开心",
    "小燕子飞回来了",
    "这家店的鱼香肉丝很好吃",
    "都要开心呀，肉都不想吃了",
    "微微一笑很倾城",
    "维信金融的广告",
    "心里一阵温暖，信心满满",
    "公众场合请保持安静",
    "朋友送的圈圈发绳",
    "淘气的小猫打翻了杯子",
    "抖一抖衣服上的灰",
    "今天去京郊露营了",
    "天冷了，猫咪窝在被子里",
    "眼看就要下雨了",
    "盐焗鸡的做法分享",
    "玻璃杯里插了一枝花",
    "他的主业是摄影",
    "二维平面设计作业",
    "大家都说这个电影好看",
    "私人订制的旅行路线",
    "爸爸抽屉里有老照片",
];

/// Asserts that no sentence of a wall raises what `raised` picks, each linted as `note`.
fn assert_quiet(walls: &[&str], note: impl Fn(&str) -> Note, raised: impl Fn(&redlint::Violation) -> bool) {
    let linter = Linter::builtin();
    for &s in walls {
        let found: Vec<String> = linter
            .lint(&note(s))
            .into_iter()
            .filter(|v| v.severity >= Severity::Warning && raised(v))
            .map(|v| format!("{}({} read as {:?})", v.rule, v.matched, v.reading.map(|r| r.term)))
            .collect();
        assert!(found.is_empty(), "{s}: {found:?}");
    }
}

#[test]
fn sound_alike_words_stay_quiet() {
    assert_quiet(
        SOUND_ALIKES,
        |s| Note::from_body(s),
        |v| matches!(v.category, Category::OffPlatform | Category::ProhibitedProduct),
    );
}

/// What the default readings (every rule's terms, `read` unset) must leave alone: names'
/// initials, grades and sizes, letters glued to digits, one capital for a character, pictures
/// read as words, idioms with most characters swapped, a word cut in two beside a disguise,
/// and a plain term with a particle (最强哒 is 最强, left to the literal and its context).
const DEFAULT_READING_WALL: &[&str] = &[
    "记得之前八组溜zyx好几次",
    "再给wzj送钱我就是傻",
    "研发出一批3D打印的船",
    "大S发微博晒出当年的剧照",
    "还能典当75万元的奔驰S级轿车",
    "八万元宝送蓝水晶紫水晶ss级同伴",
    "肩刚好合适，长度能有xl的长度了",
    "给我你的姓氏，还你一个故事🤗👇",
    "万物伊始，世间只有一颗星",
    "超腻的一天w一天的少女心都爆棚",
    "你是最强哒！最棒哒！",
    // one letter repeated before a head character is a grade or a size, not initials
    "这把是ss级的武器，sss级更难出",
    "xx码的衣服偏大",
    "可以随便去b战看看大主播",
];

/// A two-character term with one character swapped reads only when the stand-in is said in
/// the same tone, is no numeral, and stands beside a character that is no function word; and
/// never where the pair is an ordinary word of its own. (Sponsored: no claim needs a product.)
#[test]
fn two_characters_one_swapped_need_the_same_tone() {
    assert_quiet(
        &[
            // another tone: 卫 wèi is no 唯 wéi, 寺 sì no 私 sī, 房 fáng no 仿 fǎng
            "新家是三室两卫一厅，采光很好",
            "周末去寺我们一起拜拜",
            "这次订的是高房，视野好",
            // a numeral: a number or a name
            "夏天去九水公园避暑",
            "隔壁的小九今天来串门",
            // a function word written as itself
            "周末去芭蕉林拍照",
            "这道题对板书的同学来说很简单",
            // ordinary words the segmenter does not know
            "手机支持快充，半小时充满",
            "豆腐猫砂结团快，不粘底",
            "用抵价券买的电影票",
            "这件衣服货不对板，退了",
            "个人观点，不喜勿喷",
            "闲余时间学学画画",
            "最近在看原耽小说",
        ],
        |s| Note::from_body(s).sponsored(true),
        |v| v.reading.is_some(),
    );
}

#[test]
fn digits_in_ordinals_numbers_and_ranges_are_not_numerals_of_a_claim() {
    assert_quiet(
        &[
            "第1次来这家店，第1天就下雨",
            "第1-3天比较难熬，第4天就好了",
            "价格涨了1.5元，比例是1:1",
            "中译本略去了第1卷第1章",
            "这局打了个第1名",
            "第1，位置好；第2，早餐丰富",
        ],
        |s| Note::from_body(s),
        |v| v.category == Category::BannedWord,
    );
}

#[test]
fn parts_side_by_side_in_ordinary_text_stay_apart() {
    // two parts of a pack character that meet across a word boundary join nothing
    assert_quiet(
        &[
            "一口都没吃完就饱了",
            "着火因为电线老化",
            "这个锅大可不必买",
            "日子过得红红火火",
            "一个人从小就爱吃辣",
            "我们约了明天一起去喝茶",
            "大米大豆都涨价了",
        ],
        |s| Note::from_body(s),
        |v| v.category != Category::Format,
    );
}

#[test]
fn handles_and_models_are_not_pinyin_before_a_number() {
    // all letters before the digits: a handle or a model, whatever its letters spell
    assert_quiet(
        &[
            "我的id是xiaozhi8862",
            "yiwan046的新视频",
            "mate60很好用",
            "zhiliao123是我的账号",
            "买了iphone15",
        ],
        |s| Note::from_body(s),
        |v| v.reading.is_some(),
    );
}

#[test]
fn default_readings_leave_ordinary_text_alone() {
    // sponsored: a claim needs no product around it, so only the reading decides
    assert_quiet(
        DEFAULT_READING_WALL,
        |s| Note::from_body(s).sponsored(true),
        |v| v.reading.is_some(),
    );
}

/// Initials leading a head character (`sg针` for 水光针, `dz烟` for 电子烟): generated for
/// every term of three to five Han characters of the injectables and drug rules (read by
/// default),
/// the head written as itself and the rest as distinct lowercase initials.
#[test]
fn initials_before_a_head_character_are_read() {
    let linter = Linter::builtin();
    let mut checked = 0;
    for id in ["P203", "P204"] {
        let rule = linter.rule(id).expect("the rule");
        for term in &rule.terms {
            let chars: Vec<char> = term.chars().collect();
            if !(3..=5).contains(&chars.len()) || !chars.iter().all(|&c| !reading::han(c).is_empty()) {
                continue;
            }
            let head = chars.len() - 1;
            let initials: String = chars[..head]
                .iter()
                .map(|&c| pinyin(c).chars().next().expect("a syllable"))
                .collect();
            // one letter repeated reads as a grade (guarded): not generated
            let first = initials.chars().next().expect("two or more initials");
            if initials.chars().all(|c| c == first) {
                continue;
            }
            let written = format!("{initials}{}", chars[head]);
            let text = format!("上个月去弄了{written}，效果还行");
            let found = linter.lint(&Note::from_body(&text).sponsored(true));
            assert!(
                found
                    .iter()
                    .any(|v| v.category == Category::ProhibitedProduct && v.matched == written),
                "{id} {term}: {text:?} -> {found:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
}

/// A product's two-character name as its first character and the initial of its second
/// (`悦k` for 悦刻, `肉d` for 肉毒): generated for every two-character Han term of the
/// prohibited-product rules read by default; a claim's terms are not names and stay unread so
/// (`最h` is not 最好), nor is a numeral before w or k (an amount: `5百w`).
#[test]
fn a_products_two_character_name_may_end_in_an_initial() {
    let linter = Linter::builtin();
    let mut checked = 0;
    let mut missed = Vec::new();
    for rule in linter
        .rules()
        .filter(|r| r.category == Category::ProhibitedProduct && r.read_default)
    {
        for term in &rule.terms {
            let chars: Vec<char> = term.chars().collect();
            if chars.len() != 2 || !chars.iter().all(|&c| !reading::han(c).is_empty()) {
                continue;
            }
            let written = format!("{}{}", chars[0], &pinyin(chars[1])[..1]);
            // refused on purpose: a numeral before a letter is an amount (百w), and another
            // rule's term written plainly is that term (微x is WeChat's)
            let plain_term = linter.rules().any(|r| r.terms.contains(&written));
            if "一二三四五六七八九十百千万亿两".contains(chars[0]) || plain_term {
                continue;
            }
            // (a rule that counts only on its topic is read in a note on it)
            let topic = if rule.only_on_topic { rule.topic[0].as_str() } else { "" };
            let text = format!("{topic}上个月入了{written}，还行");
            let found = linter.lint(&Note::from_body(&text).sponsored(true));
            if !found
                .iter()
                .any(|v| v.category == Category::ProhibitedProduct && v.matched == written)
            {
                missed.push(format!("{} {term} as {written}", rule.id));
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
    assert!(missed.is_empty(), "{} of {checked} not read: {missed:?}", missed.len());
    for text in ["这款面霜是我用过最h的", "一共5百w钻", "牛肉d分量很足", "打了肉D"] {
        let found = linter.lint(&Note::from_body(text).sponsored(true));
        assert!(
            found
                .iter()
                .all(|v| v.reading.is_none() || v.category != Category::ProhibitedProduct),
            "{text:?}: {found:?}"
        );
    }
}

#[test]
fn a_violation_says_how_it_was_read() {
    let linter = Linter::builtin();
    let v = linter.lint_text("这个公仲号每天更新");
    let read = v.iter().find_map(|v| v.reading.as_ref()).expect("read by sound");
    assert_eq!(read.term, "公众号");
    assert_eq!(read.how, ["sound"]);
    let v = linter.lint_text("dou音搜同名");
    let r = v.iter().find(|v| v.reading.is_some()).expect("read");
    assert_eq!(r.matched, "dou音搜");
    assert_eq!(r.reading.as_ref().unwrap().how, ["pinyin"]);
}

/// A digit in one of the styles people write numbers in.
fn digit(style: usize, d: u32) -> String {
    let c = |base: u32, k: u32| char::from_u32(base + k).unwrap().to_string();
    match style {
        0 => d.to_string(),
        1 => c(0xFF10, d), // full-width
        2 => {
            if d == 0 {
                "⓪".into()
            } else {
                c(0x2460, d - 1)
            }
        } // circled
        3 => {
            if d == 0 {
                "〇".into()
            } else {
                c(0x2474, d - 1)
            }
        } // parenthesised ⑴
        4 => {
            if d == 0 {
                "0".into()
            } else {
                c(0x2488, d - 1)
            }
        } // full stop ⒈
        5 => {
            if d == 0 {
                "⓿".into()
            } else {
                c(0x2776, d - 1)
            }
        } // dingbat ❶
        6 => c(0x1D7CE, d), // maths bold 𝟏
        7 => "〇一二三四五六七八九".chars().nth(d as usize).unwrap().to_string(),
        8 => "零壹贰叁肆伍陆柒捌玖".chars().nth(d as usize).unwrap().to_string(), // financial
        _ => unreachable!(),
    }
}

const STYLES: usize = 9;

#[test]
fn phone_numbers_in_every_digit_style_and_grouping() {
    let linter = Linter::builtin();
    let number = "13912345678";
    let mut missed = Vec::new();
    let mut tried = 0;
    // one style throughout, and mixed styles (each digit in the next style)
    for style in 0..=STYLES {
        let digits: Vec<String> = number
            .chars()
            .enumerate()
            .map(|(i, ch)| {
                digit(
                    if style == STYLES { i % STYLES } else { style },
                    ch.to_digit(10).unwrap(),
                )
            })
            .collect();
        for sep in ["", "-", ".", " ", "·"] {
            let grouped = format!(
                "{}{sep}{}{sep}{}",
                digits[..3].concat(),
                digits[3..7].concat(),
                digits[7..].concat()
            );
            let body = format!("有事打 {grouped} 找我");
            tried += 1;
            let start = body.find(&grouped).unwrap();
            let end = start + grouped.len();
            let hit = linter.lint_text(&body).iter().any(|v| {
                v.category == Category::OffPlatform
                    && v.severity >= Severity::Warning
                    && v.span.start < end
                    && start < v.span.end
            });
            if !hit {
                missed.push(body);
            }
        }
    }
    println!("phone numbers: {}/{tried} read", tried - missed.len());
    assert!(missed.is_empty(), "{} missed:\n{}", missed.len(), missed.join("\n"));
}

#[test]
fn ordinary_numbers_are_not_phone_numbers() {
    let linter = Linter::builtin();
    for s in [
        "订单号：13912345678",
        "2024.05.01 12:30 见",
        "价格 139.00 元，重 12.5 斤",
        "第⑴条和第⑵条",
    ] {
        let v: Vec<String> = linter
            .lint_text(s)
            .into_iter()
            .filter(|v| v.category == Category::OffPlatform && v.severity >= Severity::Warning)
            .map(|v| v.matched)
            .collect();
        assert!(v.is_empty(), "{s}: {v:?}");
    }
}

/// Every separator a writer can type, from the blocks `{gap}` covers (ASCII and CJK
/// punctuation, symbols, dingbats, combining marks, emoji, ...), set between the characters of
/// a WeChat or QQ handle: one, two or three of them, different each time. Which chars are
/// separators is the normaliser's call (its compact view drops them), not a list here.
#[test]
fn handles_read_through_any_inserted_separators() {
    use redlint::normalize::Normalized;
    use redlint::pack::GAP_BLOCKS;
    let linter = Linter::builtin();
    let separators: Vec<char> = GAP_BLOCKS
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .filter(|c| !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}'))
        .filter(|&c| {
            let n = Normalized::new(c.encode_utf8(&mut [0u8; 4]));
            // one char once folded (`…` is three dots, three of the three gaps allowed)
            n.folded().chars().count() == 1 && n.compact().is_empty()
        })
        .collect();
    assert!(separators.len() > 5_000, "{} separators", separators.len());
    // a stride prime to the block sizes samples every block; three per note
    let pick = |k: usize| separators[(k * 7_919) % separators.len()];
    let mut missed = Vec::new();
    let notes = separators.len() / 8;
    for k in 0..notes {
        let (a, b, c) = (pick(3 * k), pick(3 * k + 1), pick(3 * k + 2));
        let gaps = [a.to_string(), format!("{a}{b}"), format!("{a}{b}{c}")];
        let g = &gaps[k % 3];
        for (category, body) in [
            (Category::OffPlatform, format!("喜欢的姐妹 加我微{g}信{c}tmm0061 哦")),
            (Category::OffPlatform, format!("有问题问我 企鹅{g}2047442341 哦")),
        ] {
            let found = linter.lint(&Note::from_body(&body));
            if !found.iter().any(|v| v.category == category) {
                missed.push(body);
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {} missed: {:#?}",
        missed.len(),
        2 * notes,
        &missed[..missed.len().min(20)]
    );
}

/// A mask between Han characters stands for the one character of a term it hides; masks in
/// ordinary text (sizes, numbers and names hidden, a function word) read nothing.
#[test]
fn a_masked_character_is_read_and_ordinary_masks_are_not() {
    let linter = Linter::builtin();
    for (text, term) in [
        ("网上买的奥x司他，饭后一粒", "奥利司他"),
        ("朋友送我的电*烟", "电子烟"),
        ("上周去打了水○针", "水光针"),
        ("加我微X号聊", "微信号"),
        ("我打的是进口保某适，100单位", "保妥适"),
    ] {
        let found = linter.lint(&Note::from_body(text));
        assert!(
            found.iter().any(|v| v.severity >= Severity::Warning
                && v.reading
                    .as_ref()
                    .is_some_and(|r| r.term == term && r.how == ["masked"])),
            "{text}: {found:?}"
        );
    }
    assert_quiet(
        &[
            "格子是3x5的，正好放书",
            "尺寸是长x宽x高",
            "还没有*一斤的好吃",
            "获奖的是王*明同学",
            "男x女的双打比赛",
            "第*名的奖品是一本书",
            "曾经某某多年前说过的话",
            "某天去了某地，某些人很热情",
        ],
        |s| Note::from_body(s),
        |_| true,
    );
}

/// A picture read beside a character that a number counts (第100天🐱) belongs to the number;
/// beside any other character after a number (199到🖐价) it is still read.
#[test]
fn a_picture_after_a_counted_unit_is_no_stand_in() {
    let linter = Linter::builtin();
    let found = linter.lint(&Note::from_body("原价199到🖐价79，这件羽绒服太值了"));
    assert!(
        found
            .iter()
            .any(|v| v.category == Category::Advertorial && v.severity >= Severity::Warning),
        "{found:?}"
    );
    assert_quiet(
        &["投喂流浪猫的第100天🐱，它终于让我摸了", "宝宝3岁🐱啦"],
        |s| Note::from_body(s),
        |v| v.category == Category::OffPlatform,
    );
}

/// A platform's name said again by its sound before a call written as itself (`斗因搜` for
/// 抖音搜): generated for every term of the search rule that is a two-character platform and
/// 搜, each character of the name swapped for a same-sounding one; and a quiet wall where two
/// characters side by side make a word (`简洁又大气` is no 简介有) or only one is swapped.
#[test]
fn a_platform_said_again_by_its_sound_before_its_call_is_read() {
    let linter = Linter::builtin();
    let table = by_sound();
    let rule = linter.rule("O310").expect("the search rule");
    let mut checked = 0;
    for term in &rule.terms {
        let chars: Vec<char> = term.chars().collect();
        if chars.len() != 3 || chars[2] != '搜' || !chars.iter().all(|&c| !reading::han(c).is_empty()) {
            continue;
        }
        let (Some(a), Some(b)) = (stand_in(chars[0], &table), stand_in(chars[1], &table)) else {
            continue;
        };
        let written = format!("{a}{b}搜");
        let text = format!("完整版太长了，去{written}我的同名");
        let found = linter.lint(&Note::from_body(&text));
        let pair: String = [a, b].iter().collect();
        if words::is_word(&pair) {
            continue;
        }
        assert!(
            found.iter().any(|v| v.category == Category::OffPlatform),
            "{term}: {text:?} -> {found:?}"
        );
        checked += 1;
    }
    assert!(checked >= 3, "{checked}");
    assert_quiet(
        &[
            "包装很好，简洁又大气，很实惠",
            "小博主也有春天，接到了第一个合作",
            "我们经常搜不到想要的",
        ],
        |t: &str| Note::from_body(t),
        |v| v.category == Category::OffPlatform,
    );
}

/// A product's name of two characters or more by the initials of its syllables alone
/// (`zpt` for 唑吡坦, `r m j` spelled apart, `yk` for 悦刻), in a note on its rule's `topic`:
/// generated for every such name of every rule with a topic, in its main reading, joined and
/// spelled apart (two letters only where no common word has them: `sm` is 什么 first); and a
/// quiet wall: the same letters in a note on nothing, inside a handle, an address or a longer
/// word, two letters that a common word has (`sm`, `lq`), and a flag's regional letters (🇬🇧).
#[test]
fn a_names_initials_alone_are_read_in_a_note_on_its_topic() {
    let linter = Linter::builtin();
    let (mut checked, mut missed) = (0, Vec::new());
    let mut spelled_by_rule: Vec<(String, String, String)> = Vec::new();
    // the initials of the commonest two-character words (said 20,000 times or more)
    let common: std::collections::HashSet<String> = redlint::words::all()
        .filter(|&(w, f)| f >= 20_000 && w.chars().count() == 2 && w.chars().all(reading::is_han))
        .map(|(w, _)| {
            w.chars()
                .map(|c| reading::initial(reading::han(c)[0]) as char)
                .collect()
        })
        .collect();
    let (mut pairs, mut pairs_missed) = (0, 0);
    for r in linter.rules() {
        let Some(topic) = r.topic.iter().find(|t| !t.contains('{')) else {
            continue;
        };
        if r.category != Category::ProhibitedProduct || r.only_on_topic || !r.read.contains(&Read::Sound) {
            continue;
        }
        for t in &r.terms {
            let folded = fold_term(t);
            let n = folded.chars().count();
            if !(2..=6).contains(&n) || !folded.chars().all(|c| !reading::han(c).is_empty()) {
                continue;
            }
            let letters: String = folded
                .chars()
                .map(|c| reading::initial(reading::han(c)[0]) as char)
                .collect();
            if n == 2 && common.contains(&letters) {
                continue;
            }
            let apart: String = letters.chars().map(String::from).collect::<Vec<_>>().join(" ");
            for written in [letters.clone(), apart] {
                let text = format!("说说我的{topic}经历。朋友给的{written}，用了一阵");
                let found = linter.lint(&Note::from_body(&text));
                checked += 1;
                pairs += usize::from(n == 2);
                if !found
                    .iter()
                    .any(|v| v.category == Category::ProhibitedProduct && v.severity >= Severity::Warning)
                {
                    pairs_missed += usize::from(n == 2);
                    missed.push(format!("{} {folded}: {text}", r.id));
                }
            }
            spelled_by_rule.push((r.id.clone(), letters, topic.clone()));
        }
    }
    assert!(checked >= 100, "{checked}");
    assert!(
        pairs >= 20 && pairs_missed * 50 <= pairs,
        "two letters: {pairs_missed} of {pairs} missed"
    );
    // (a name whose initials are those of a longer word of the text, or whose rule's
    // exceptions hold them, may stay quiet: at most one in fifty)
    assert!(
        missed.len() * 50 <= checked,
        "{} of {checked} missed: {missed:#?}",
        missed.len()
    );
    // three letters in a note on nothing, or any joined to something else
    let mut wall: Vec<String> = Vec::new();
    // (three letters: four or more are read alone anywhere, smgl being no one's name)
    for (_, letters, topic) in spelled_by_rule.iter().filter(|s| s.1.len() <= 3).step_by(3) {
        wall.push(format!("今天的快递单号尾号是{letters}，周末去公园"));
        wall.push(format!("{topic}的事以后再说。关注了@mel_{letters}的账号"));
        wall.push(format!("{topic}的事以后再说。网址是www.{letters}.com"));
        wall.push(format!("{topic}的事以后再说。她的英文名是{letters}ie"));
    }
    // ...and two letters, in notes on the topic
    let wall: Vec<&str> = wall
        .iter()
        .map(String::as_str)
        .chain([
            "减肥第三周，sm都不想吃，瘦了两斤",
            "补水面膜，今天lq再减十块，一片不到三块",
            "医生说宝宝要补ad，一天一粒",
            // (a common word's initials in notes on the topic; a flag's letters)
            "戒烟第十天，yg人熬过来了",
            "戒烟的事以后再说。这次去🇬🇧玩了一周",
            "医美的事以后再说。这次去🇷🇺玩了一周",
            // (a person's letters after a word that takes a person; another rule's letters)
            "周末陪gf去奥莱，她在专柜买了条围巾",
            "给bf挑了一块正品表，专柜买的",
            "本期为qf视频，推荐的都是专柜正品",
        ])
        .collect();
    assert_quiet(
        &wall,
        |t: &str| Note::from_body(t),
        |v| v.category == Category::ProhibitedProduct,
    );
}

/// A common character said exactly as the one it stands for, tone and all, in a claim's or a
/// call's term of two or three characters (`手选` for 首选, `跟治` for 根治): generated for every
/// such term of the rules that name no thing, with the most common same-tone stand-in of each
/// character in turn; and a quiet wall where the stand-in belongs to a word of the text, is a
/// function word, is set apart, or names a shop.
#[test]
fn a_common_character_said_alike_stands_in_for_a_claims_character() {
    let linter = Linter::builtin();
    let table = by_sound();
    // (a common character: one the default guards took as itself before)
    let common_in_tone = |c: char| in_tone_within(c, &table, words::COMMON_CHAR..50_000);
    let (mut checked, mut found) = (0, 0);
    for s in subjects(&linter) {
        let n = s.term.chars().count();
        if !s.default_read || s.category == Category::ProhibitedProduct || !(2..=3).contains(&n) {
            continue;
        }
        let chars: Vec<char> = s.term.chars().collect();
        for i in 0..n {
            let Some(d) = common_in_tone(chars[i]) else { continue };
            let mut w = chars.clone();
            w[i] = d;
            let written: String = w.iter().collect();
            if words::is_word(&written) {
                continue;
            }
            let text = format!("这款面霜，{written}，大家冲");
            checked += 1;
            if linter
                .lint(&Note::from_body(&text).sponsored(true))
                .iter()
                .any(|v| v.rule == s.rule && v.reading.is_some())
            {
                found += 1;
            }
        }
    }
    println!("common stand-ins said alike: {found} of {checked} read");
    assert!(checked >= 50 && found * 10 >= checked * 6, "{found} of {checked}");
    assert_quiet(
        &[
            "我跟治疗师聊了很久，心情好多了",
            "危机公关和危机管理都要学",
            "看到这题[摊手]选了A又改成B",
            "秦岭阿福家的土蜂蜜，冲水喝很香",
            "熬夜党手机不离手，眼睛好干",
        ],
        |t: &str| Note::from_body(t).sponsored(true),
        |v| v.reading.is_some() && v.severity >= Severity::Warning,
    );
}

/// A number told in parts, set out with a symbol between dashes, a mobile's first ten digits
/// all in dress, and the cues of Hong Kong's and QQ's numbers (📲, w・a, wts ap, q：, 丘丘):
/// read as the contact they are; rooms, timestamps and a question's label stay numbers.
#[test]
fn numbers_told_in_parts_or_dressed_whole_are_contacts() {
    let linter = Linter::builtin();
    let contact = |s: &str| -> Vec<String> {
        linter
            .lint_text(s)
            .into_iter()
            .filter(|v| v.category == Category::OffPlatform && v.severity >= Severity::Warning)
            .map(|v| v.matched)
            .collect()
    };
    for (s, want) in [
        ("约课打 一五九 再接 2468 最后是 1357", "一五九 再接 2468 最后是 1357"),
        ("师傅电话 186-☆-3579-☆-2468 随时打", "186-☆-3579-☆-2468"),
        ("上门服务 / 壹伍玖 贰肆陆 捌壹叁伍 / 周末也约", "壹伍玖 贰肆陆 捌壹叁伍"),
        ("试课免费 ①⑤⑨②④⑥⑧①③⑤ 可线上", "①⑤⑨②④⑥⑧①③⑤"),
        ("有兴趣📲 9123 4567", "9123 4567"),
        ("报名可以 W・A 我 6️⃣2️⃣3️⃣4️⃣ 5️⃣6️⃣7️⃣8️⃣", "6️⃣2️⃣3️⃣4️⃣ 5️⃣6️⃣7️⃣8️⃣"),
        ("要的 丘丘：二四六 八一三 五七九", "二四六 八一三 五七九"),
        ("换卡请加 q：2 4 6 ➕ 8 1 3 ➕ 5 7", "2 4 6 ➕ 8 1 3 ➕ 5 7"),
    ] {
        assert!(contact(s).iter().any(|m| m == want), "{s}: {:?}", contact(s));
    }
    for s in [
        "酒店给我们148、246、324三间房，都在顶楼",
        "日志里的时间戳1386668888对不上",
        "Q：这家店在哪？A：在2号线旁边",
        "买了12件然后又退了5件",
    ] {
        assert!(contact(s).is_empty(), "{s}: {:?}", contact(s));
    }
}

/// A platform's two characters both said again by their sound (`斗阴` for 抖音) before its rule's
/// cue, and the writer's presence there told in the clause after a platform (有我的小店, 开了
/// 小窗, 直播间带货, 搜我同名, 名字一样): generated for every two-character platform of the
/// pointer rule; and a quiet wall where the pair is a function word's, or a kind of goods is
/// searched for after a purchase told.
#[test]
fn a_platform_said_again_whole_before_a_pointer_is_read() {
    let linter = Linter::builtin();
    let table = by_sound();
    let rule = linter.rule("O319").expect("the platform pointer rule");
    let (mut checked, mut found) = (0, 0);
    for term in &rule.terms {
        let chars: Vec<char> = term.chars().collect();
        if chars.len() != 2 || !chars.iter().all(|&c| !reading::han(c).is_empty()) {
            continue;
        }
        let (Some(a), Some(b)) = (stand_in(chars[0], &table), stand_in(chars[1], &table)) else {
            continue;
        };
        let written: String = [a, b].iter().collect();
        if words::is_word(&written) {
            continue;
        }
        let text = format!("完整版放在{written}了，名字一样");
        checked += 1;
        if linter
            .lint(&Note::from_body(&text))
            .iter()
            .any(|v| v.rule == "O319" && v.reading.is_some())
        {
            found += 1;
        }
    }
    println!("platforms said again whole: {found} of {checked} read");
    assert!(checked >= 15 && found * 10 >= checked * 6, "{found} of {checked}");
    for s in [
        "我在快手开了个小店，衣服都在那",
        "今晚在抖音直播间带货，来蹲",
        "京东上有我家的旗舰店",
        "更多图去微博看，名字和这里一样",
    ] {
        assert!(linter.lint(&Note::from_body(s)).iter().any(|v| v.rule == "O319"), "{s}");
    }
    assert_quiet(
        &[
            "就看你诚不诚心了，不行就换一个账户",
            "收纳盒是在淘宝买的，搜“透明收纳盒”一大堆",
            "在抖音看到一个视频说这个面膜好",
        ],
        |t: &str| Note::from_body(t),
        |v| v.category == Category::OffPlatform,
    );
}
