//! `--format html` in a real browser: headless Chromium (Debian's `chromium`, installed by
//! `.ci/run`) opens generated reports; the DOM it ends up with (after the page's script ran) is
//! checked against the JSONL output of the same notes: every violation highlighted over the
//! right characters, the summary's counts, the filters. Hostile notes must run nothing, which
//! is checked against a control page that does run, so the checks themselves can fail.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{ElementRef, Html, Selector};
use serde_json::{Value, json};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("redlint-html-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn redlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redlint"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Headless Chromium on `url` with `extra` flags (as this machine's closed network needs).
/// Whether headless Chromium is here: looked for when the test runs. Without it a test says
/// so and returns; under `CI` (which installs it) a missing Chromium is a failure.
fn require_chromium() -> bool {
    let found = Command::new("chromium")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed: CI must install Debian's `chromium` package (see .ci/run)"
        );
        eprintln!("note: chromium not found, skipping the HTML end-to-end test (apt-get install chromium)");
    }
    found
}

fn chromium(dir: &Path, url: &str, extra: &[&str]) -> Output {
    let profile = dir.join(format!("profile-{}", extra.len()));
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs (apt-get install chromium)");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The DOM after the page loaded and its script ran.
fn dom(dir: &Path, file: &Path, fragment: &str) -> (Html, String) {
    let url = format!("file://{}{fragment}", file.display());
    let out = chromium(dir, &url, &["--dump-dom"]);
    let text = String::from_utf8(out.stdout).expect("utf-8 DOM");
    (
        Html::parse_document(&text),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

// ---- a realistic batch, generated ----

const CLEAN: &[&str] = &[
    "周末去公园散步，银杏叶黄了，拍了好多照片。",
    "第一次自己做番茄炒蛋，火候还要练。",
    "这家酒店离地铁近，早餐一般，房间干净。",
    "烟熏妆新手教程：眼影从浅到深一层层晕开。",
    "最近在读一本小说，节奏很慢但很耐看。",
    "烟酰胺精华用了两周，肤感清爽不黏。",
    "今天的晚霞是粉紫色的🌇",
    "微信支付付款的时候卡了一下，后来好了。",
];
const BAD: &[&str] = &[
    "这款面霜是全网最好用的，没有之一！",
    "有需要的姐妹加我薇信 abc_12345 拿货",
    "电子烟新口味到了，戒烟党冲",
    "限时秒杀，点击链接领券到手价99",
    "品牌方寄来的新品，恰饭也要真诚",
    "这个精华能根治痘痘，三天见效",
    "一比一高仿包包，细节拉满",
    "水光针打完皮肤透亮，私我预约",
    "淘宝搜店铺名就能买到同款",
    "V❤：xiaohong8888，备注小红书",
];

/// Deterministic notes: mixes of clean and violating sentences, tags, sponsored flags,
/// authors and dates (for the audit in the summary), a few unreadable lines.
fn batch(n: usize) -> String {
    let mut seed: u64 = 0x5eed;
    let mut next = |m: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % m
    };
    let mut out = String::new();
    for i in 0..n {
        if i % 97 == 50 {
            out.push_str("{\"id\": \"broken\", \"body\": \n");
            continue;
        }
        let mut body = Vec::new();
        for _ in 0..1 + next(4) {
            body.push(if next(3) == 0 {
                BAD[next(BAD.len())]
            } else {
                CLEAN[next(CLEAN.len())]
            });
        }
        let title = ["秋冬护肤分享", "周末日常", "好物推荐", "全网最低价面霜", "读书笔记"][next(5)];
        let author = ["小雨", "阿青", "Momo"][next(3)];
        let tags: &[&str] = [&["护肤"][..], &["日常", "生活"], &[], &["好物"]][next(4)];
        let note = json!({
            "id": format!("note-{i}"),
            "title": title,
            "body": body.join("\n"),
            "tags": tags,
            "sponsored": next(4) == 0,
            "author": author,
            "published_at": format!("2026-{:02}-{:02}", 9 + next(3), 1 + next(28)),
        });
        out.push_str(&note.to_string());
        out.push('\n');
    }
    out
}

/// What the page shows for a text: characters that would act are shown as `⟨U+XXXX⟩`.
fn shown(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            0x202A..=0x202E | 0x2066..=0x2069 | 0x200B..=0x200F | 0x061C | 0xFEFF => format!("⟨U+{:04X}⟩", c as u32),
            _ => c.to_string(),
        })
        .collect()
}

struct Checked {
    jsonl: Vec<Value>,
    html: PathBuf,
}

fn reports(dir: &Path, notes: &str) -> Checked {
    let input = dir.join("notes.jsonl");
    std::fs::write(&input, notes).unwrap();
    let path = input.to_str().unwrap();
    let jsonl = redlint(&["check", "--format", "jsonl", "--jobs", "2", path]);
    let html = redlint(&["check", "--format", "html", "--jobs", "2", path]);
    assert_eq!(jsonl.status.code(), html.status.code(), "same exit code");
    let file = dir.join("report.html");
    std::fs::write(&file, &html.stdout).unwrap();
    let jsonl = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    Checked { jsonl, html: file }
}

fn violations(v: &Value) -> &[Value] {
    v["violations"].as_array().map_or(&[], Vec::as_slice)
}

/// The text of the marks standing for violation `id`, in page order.
fn marked(article: ElementRef<'_>, id: &str) -> (String, usize) {
    let mut text = String::new();
    let mut points = 0;
    for m in article.select(&sel("mark[data-v]")) {
        if m.value().attr("data-v").unwrap().split(' ').any(|v| v == id) {
            if m.value().classes().any(|c| c == "pt") {
                points += 1;
            }
            text.push_str(&m.text().collect::<String>());
        }
    }
    (text, points)
}

#[test]
fn every_violation_is_highlighted_over_its_characters_and_counts_match_jsonl() {
    if !require_chromium() {
        return;
    }
    let dir = scratch("batch");
    let c = reports(&dir, &batch(400));
    let (page, _) = dom(&dir, &c.html, "");
    let notes: Vec<&Value> = c.jsonl.iter().filter(|v| v.get("violations").is_some()).collect();
    let with: Vec<&&Value> = notes.iter().filter(|v| !violations(v).is_empty()).collect();
    let total: usize = notes.iter().map(|v| violations(v).len()).sum();
    let count = |key: &str| -> usize {
        let e = page.select(&sel(&format!("[data-count={key}]"))).next().unwrap();
        e.text().collect::<String>().parse().unwrap()
    };
    assert_eq!(count("notes"), notes.len());
    assert_eq!(count("with-findings"), with.len());
    assert_eq!(count("violations"), total);
    assert_eq!(count("unreadable"), c.jsonl.len() - notes.len());
    assert!(
        with.len() > 50 && with.len() < notes.len(),
        "a realistic mix: {} of {}",
        with.len(),
        notes.len()
    );
    let clean_items = page.select(&sel("#clean li")).count();
    assert_eq!(clean_items, notes.len() - with.len());
    let mut checked = 0;
    for n in with {
        let key = format!("n0-{}", n["line"]);
        let article = page
            .select(&sel(&format!("article#{key}")))
            .next()
            .unwrap_or_else(|| panic!("no article for {n}"));
        let items: Vec<ElementRef<'_>> = article.select(&sel("li.v")).collect();
        assert_eq!(items.len(), violations(n).len(), "{key}");
        for (i, (v, li)) in violations(n).iter().zip(&items).enumerate() {
            let id = format!("{key}-v{i}");
            let a = li.value();
            assert_eq!(a.attr("id"), Some(id.as_str()));
            assert_eq!(a.attr("data-rule"), v["rule"].as_str());
            assert_eq!(a.attr("data-start").unwrap(), v["start"].to_string());
            assert_eq!(a.attr("data-matched"), v["matched"].as_str());
            let matched = v["matched"].as_str().unwrap();
            let (text, points) = marked(article, &id);
            if matched.is_empty() {
                assert_eq!(points, 1, "{id}: an empty span is a point mark");
            } else {
                assert_eq!(text, shown(matched), "{id}: highlighted over its own characters");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, total);
    // a screenshot of the page, as a reviewer sees it
    let shot = dir.join("report.png");
    chromium(
        &dir,
        &format!("file://{}", c.html.display()),
        &[&format!("--screenshot={}", shot.display()), "--window-size=1280,1600"],
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{} bytes", png.len());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn filters_and_search_hide_and_show_notes() {
    if !require_chromium() {
        return;
    }
    let dir = scratch("filters");
    let c = reports(&dir, &batch(200));
    let notes: Vec<&Value> = c.jsonl.iter().filter(|v| !violations(v).is_empty()).collect();
    let visible = |fragment: &str| -> BTreeSet<String> {
        let (page, _) = dom(&dir, &c.html, fragment);
        let form = page.select(&sel("form#filters")).next().unwrap();
        assert!(form.value().attr("hidden").is_none(), "the script shows the filters");
        page.select(&sel("article.note"))
            .filter(|a| a.value().attr("hidden").is_none())
            .map(|a| a.value().attr("id").unwrap().to_owned())
            .collect()
    };
    let expect = |keep: &dyn Fn(&Value) -> bool| -> BTreeSet<String> {
        notes
            .iter()
            .filter(|n| violations(n).iter().any(keep))
            .map(|n| format!("n0-{}", n["line"]))
            .collect()
    };
    let all = visible("");
    assert_eq!(all.len(), notes.len());
    for cat in ["off-platform", "banned-word", "prohibited-product"] {
        let want = expect(&|v: &Value| v["category"] == cat);
        assert!(
            !want.is_empty() && want.len() < all.len(),
            "{cat}: a filter that filters"
        );
        assert_eq!(visible(&format!("#cat={cat}")), want, "#cat={cat}");
    }
    assert_eq!(visible("#sev=error"), expect(&|v: &Value| v["severity"] == "error"));
    assert_eq!(visible("#rule=O301"), expect(&|v: &Value| v["rule"] == "O301"));
    // search: notes whose text has the word, among those with findings
    let word = "薇信";
    let want: BTreeSet<String> = notes
        .iter()
        .filter(|n| {
            let line = n["line"].as_u64().unwrap() as usize;
            let input = std::fs::read_to_string(dir.join("notes.jsonl")).unwrap();
            input.lines().nth(line - 1).unwrap().contains(word)
        })
        .map(|n| format!("n0-{}", n["line"]))
        .collect();
    assert!(!want.is_empty());
    assert_eq!(visible(&format!("#q={}", "%E8%96%87%E4%BF%A1")), want, "search {word}");
    // a filtered-out violation's highlight is switched off
    let (page, _) = dom(&dir, &c.html, "#cat=off-platform");
    let off = page.select(&sel("article.note:not([hidden]) li.v[hidden]")).count();
    let dimmed = page.select(&sel("article.note:not([hidden]) mark.off")).count();
    assert!(off == 0 || dimmed > 0, "{off} hidden entries, {dimmed} dimmed marks");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Notes written to attack the page that shows them.
const HOSTILE: &[&str] = &[
    "<script>document.title='PWNED';console.log('PWNED')</script>最好用",
    "\"><img src=x onerror=\"document.title='PWNED';console.log('PWNED')\">加我微信",
    "<a href=\"javascript:console.log('PWNED')\">点击链接</a>",
    "javascript:console.log('PWNED')",
    "</textarea></style><svg onload=\"console.log('PWNED')\"><iframe src=\"javascript:console.log('PWNED')\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:console.log('PWNED')\">秒杀",
    "正常的一句话\u{202E}最好\u{202C}用，\u{2066}加微信\u{2069}",
    "<style>body{display:none}</style>{{constructor.constructor('console.log(1)')()}}",
];

#[test]
fn hostile_notes_render_as_text_and_run_nothing() {
    if !require_chromium() {
        return;
    }
    let dir = scratch("hostile");
    // the control: the same checks see a page that does run a script
    let control = dir.join("control.html");
    std::fs::write(
        &control,
        "<!doctype html><title>t</title><script>document.title='PWNED';console.log('PWNED')</script>",
    )
    .unwrap();
    let (page, log) = dom(&dir, &control, "");
    let title: String = page.select(&sel("title")).next().unwrap().text().collect();
    assert_eq!(title, "PWNED", "the control page runs");
    assert!(log.contains("PWNED"), "console output is seen: {log}");

    let mut notes = String::new();
    for (i, body) in HOSTILE.iter().enumerate() {
        let note = json!({"id": format!("<b>h{i}</b>"), "title": body, "body": body, "tags": [body]});
        notes.push_str(&note.to_string());
        notes.push('\n');
    }
    let c = reports(&dir, &notes);
    let (page, log) = dom(&dir, &c.html, "");
    let title: String = page.select(&sel("title")).next().unwrap().text().collect();
    assert_eq!(title, "redlint report");
    assert!(!log.contains("PWNED"), "a note ran script: {log}");
    for tag in [
        "img",
        "iframe",
        "svg script",
        "a[href]",
        "meta[http-equiv=refresh]",
        "textarea",
        "b:not([data-count])",
    ] {
        assert_eq!(page.select(&sel(tag)).count(), 0, "a <{tag}> from a note");
    }
    assert_eq!(page.select(&sel("script")).count(), 1, "only the page's own script");
    assert_eq!(page.select(&sel("style")).count(), 1, "only the page's own style sheet");
    assert_eq!(page.select(&sel("svg[onload]")).count(), 0);
    // each note is there as text, its violations still highlighted
    let text: String = page.root_element().text().collect();
    for body in HOSTILE {
        assert!(text.contains(&shown(body)), "shown as text: {body}");
    }
    assert!(text.contains("⟨U+202E⟩"), "a bidi override is shown, not obeyed");
    let policy = page
        .select(&sel("meta[http-equiv=Content-Security-Policy]"))
        .next()
        .expect("a Content-Security-Policy");
    assert!(
        policy
            .value()
            .attr("content")
            .unwrap()
            .starts_with("default-src 'none'")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ten_thousand_notes_open_with_every_note_counted() {
    if !require_chromium() {
        return;
    }
    let dir = scratch("scale");
    let c = reports(&dir, &batch(10_000));
    let size = std::fs::metadata(&c.html).unwrap().len();
    let notes = c.jsonl.iter().filter(|v| v.get("violations").is_some()).count();
    let with = c.jsonl.iter().filter(|v| !violations(v).is_empty()).count();
    eprintln!(
        "10,000-line batch: {size} bytes, {:.0} KB per 1,000 notes",
        size as f64 / notes as f64
    );
    let (page, _) = dom(&dir, &c.html, "");
    let shown: String = page.select(&sel("#shown")).next().unwrap().text().collect();
    assert_eq!(
        shown,
        format!("{with} of {with} notes shown"),
        "the script went through every note"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_page_is_whole_without_a_browser() {
    // (no Chromium needed) JavaScript off: every note and violation is in the markup, the
    // filters are hidden until the script shows them
    let dir = scratch("static");
    let c = reports(&dir, &batch(60));
    let text = std::fs::read_to_string(&c.html).unwrap();
    let page = Html::parse_document(&text);
    let total: usize = c.jsonl.iter().map(|v| violations(v).len()).sum();
    assert_eq!(page.select(&sel("li.v")).count(), total);
    let form = page.select(&sel("form#filters")).next().unwrap();
    assert!(form.value().attr("hidden").is_some());
    assert!(!text.contains("http://") && !text.contains("https://"), "no network");
    let _ = std::fs::remove_dir_all(&dir);
}
