//! The `html` format: one self-contained page for reviewers.
//!
//! No network, no framework: the page carries its own style sheet and a few lines of plain
//! JavaScript, and is complete without them (JavaScript only adds the filters, the search box
//! and focus-to-details). On top, the summary: notes checked and with findings, violations per
//! severity and per category as inline SVG bars, the rules that fired most, a brief's items,
//! and the authors over the sponsored cap when the notes carry `author` and `published_at`.
//! Then every note with findings as it was written, each violation highlighted on the user's
//! own characters (colour by category, strength by severity), with its rule, message, basis,
//! reading and fix; then the clean notes, grouped and folded.
//!
//! Note text is untrusted: every text is escaped, bidirectional and other invisible control
//! characters are shown as `⟨U+202E⟩` instead of acting, and a strict Content-Security-Policy
//! (`default-src 'none'`, the one script and style sheet allowed by their SHA-256) keeps
//! anything that slipped through from running or loading.
//!
//! Scale: notes are `content-visibility: auto`, so the browser lays out only what is on the
//! screen; a 10,000-note report opens and scrolls like a short one.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{NoteReport, Options, Summary};
use crate::audit::AuditReport;
use crate::pack::Rule;
use crate::span::ColumnUnit;
use crate::violation::{Category, Field, Severity, Violation};

/// The page's style sheet (its hash is in [`STYLE_HASH`]).
pub const STYLE: &str = include_str!("html/report.css");
/// The page's script (its hash is in [`SCRIPT_HASH`]).
pub const SCRIPT: &str = include_str!("html/report.js");
/// `sha256-` and the base64 SHA-256 of [`STYLE`], for the Content-Security-Policy (checked
/// by a test, which prints the right value when the style sheet changes).
pub const STYLE_HASH: &str = "sha256-nZbGm8e/k5xOEc4hUb8zEDWhDk5r68HorhsAY2pYrWY=";
/// `sha256-` and the base64 SHA-256 of [`SCRIPT`].
pub const SCRIPT_HASH: &str = "sha256-D3DcU6itW2uH645yd9IHys+V0A8ZNVWVqtriRjqvcVc=";

/// The page's Content-Security-Policy: nothing but its own style sheet and script.
pub fn content_security_policy() -> String {
    policy("'none'")
}

/// The Content-Security-Policy of a page that shows notes' pictures: images from data URIs
/// (embedded by the page itself) too.
pub fn content_security_policy_with_pictures() -> String {
    policy("data:")
}

fn policy(img_src: &str) -> String {
    format!(
        "default-src 'none'; script-src '{SCRIPT_HASH}'; style-src '{STYLE_HASH}'; img-src {img_src}; \
         base-uri 'none'; form-action 'none'"
    )
}

/// Escapes text for HTML (element content and quoted attribute values alike), and shows
/// characters that would act instead of print (bidi overrides and isolates, marks,
/// zero-width and C0/C1 controls other than line breaks and tabs) as `⟨U+XXXX⟩`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appended to `out`.
fn escape_into(out: &mut String, text: &str) {
    escaped(out, text, |out, c| match (entity(c), c) {
        (Some(e), _) => out.push_str(e),
        (_, '\n' | '\t') => out.push(c),
        (_, c) if acts(c) => {
            let _ = write!(out, "<span class=\"ctl\">⟨U+{:04X}⟩</span>", c as u32);
        }
        (_, c) => out.push(c),
    });
}

/// Escapes text for an attribute value: like [`escape`], controls shown as `U+XXXX` text.
fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    attr_into(&mut out, text);
    out
}

/// [`attr`], appended to `out`.
fn attr_into(out: &mut String, text: &str) {
    escaped(out, text, |out, c| match (entity(c), c) {
        (Some(e), _) => out.push_str(e),
        (_, '\n') => out.push_str("&#10;"),
        (_, c) if acts(c) => {
            let _ = write!(out, "U+{:04X}", c as u32);
        }
        (_, c) => out.push(c),
    });
}

/// The entity of one of the five HTML specials, in content and attributes alike.
fn entity(c: char) -> Option<&'static str> {
    Some(match c {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => return None,
    })
}

/// Appends `text` to `out`, each character that may need escaping written by `one`, the runs
/// between them copied whole. Which bytes may start such a character is a table lookup: the
/// five HTML specials, controls, and the lead bytes of the characters [`acts`] names; the text
/// of a note (CJK, letters) is copied as it is.
fn escaped(out: &mut String, text: &str, one: impl Fn(&mut String, char)) {
    const MAYBE: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            t[b] = true;
            b += 1;
        }
        t[b'&' as usize] = true;
        t[b'<' as usize] = true;
        t[b'>' as usize] = true;
        t[b'"' as usize] = true;
        t[b'\'' as usize] = true;
        t[0x7F] = true;
        // U+0080–U+009F, U+061C, U+2000–U+206F, U+FEFF and U+FFF9–U+FFFB
        t[0xC2] = true;
        t[0xD8] = true;
        t[0xE2] = true;
        t[0xEF] = true;
        t
    };
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !MAYBE[bytes[i] as usize] {
            i += 1;
            continue;
        }
        // a table byte is ASCII or a lead byte: a char boundary
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        let next = i + c.len_utf8();
        let plain = !c.is_ascii() && !acts(c);
        if !plain {
            out.push_str(&text[copied..i]);
            one(out, c);
            copied = next;
        }
        i = next;
    }
    out.push_str(&text[copied..]);
}

/// A character that changes how text around it is shown, or is not shown at all.
fn acts(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

/// A field's text with its violations highlighted: the text is cut at every span boundary,
/// and each piece that lies in a violation is a `<mark>` listing every violation over it
/// (`data-v`), coloured by the most severe. An empty span (a missing keyword's place) is an
/// empty `<mark class="pt">`.
///
/// One sweep over the cuts: the violations over a piece are those begun and not yet ended,
/// kept in a set as the sweep passes their start and end, so the work is the text plus the
/// marks written (a note with 30,000 violations is not 30,000 scans of 30,000).
fn highlighted(text: &str, vs: &[(usize, &Violation)], note: &str) -> String {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (_, v) in vs {
        cuts.push(v.span.start.min(text.len()));
        cuts.push(v.span.end.min(text.len()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    // positions in `vs` of the empty spans by where they are, and of the others by start and
    // by end: a piece [a, b) lies in a violation that starts at or before a and ends after a
    let mut points: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut starts: Vec<usize> = Vec::new();
    for (k, (_, v)) in vs.iter().enumerate() {
        if v.span.is_empty() {
            points.entry(v.span.start).or_default().push(k);
        } else {
            starts.push(k);
        }
    }
    let mut ends = starts.clone();
    starts.sort_by_key(|&k| vs[k].1.span.start);
    ends.sort_by_key(|&k| vs[k].1.span.end);
    let (mut next_start, mut next_end) = (0, 0);
    let mut active: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
    // the opening tag of a mark over `over`, written into `out`
    let mark = |out: &mut String, over: &[&(usize, &Violation)], point: bool| {
        let top = over
            .iter()
            .max_by_key(|(_, v)| (severity_rank(v.severity), std::cmp::Reverse(v.category)))
            .map(|(_, v)| *v)
            .expect("a mark covers a violation");
        let _ = write!(
            out,
            "<mark class=\"c-{} s-{}{}\" tabindex=\"0\" data-v=\"",
            top.category,
            top.severity,
            if point { " pt" } else { "" },
        );
        for (k, (i, _)) in over.iter().enumerate() {
            let _ = write!(out, "{}{note}-v{i}", if k > 0 { " " } else { "" });
        }
        out.push_str("\" title=\"");
        for (k, (_, v)) in over.iter().enumerate() {
            if k > 0 {
                out.push_str("; ");
            }
            attr_into(out, &v.rule);
            out.push(' ');
            attr_into(out, &v.name);
        }
        out.push_str("\">");
    };
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if let Some(here) = points.get(&a) {
            let here: Vec<&(usize, &Violation)> = here.iter().map(|&k| &vs[k]).collect();
            mark(&mut out, &here, true);
            out.push_str("</mark>");
        }
        while next_start < starts.len() && vs[starts[next_start]].1.span.start <= a {
            active.insert(starts[next_start]);
            next_start += 1;
        }
        while next_end < ends.len() && vs[ends[next_end]].1.span.end <= a {
            active.remove(&ends[next_end]);
            next_end += 1;
        }
        if a == b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        let over: Vec<&(usize, &Violation)> = active.iter().map(|&k| &vs[k]).collect();
        if over.is_empty() {
            escape_into(&mut out, &text[a..b]);
        } else {
            mark(&mut out, &over, false);
            escape_into(&mut out, &text[a..b]);
            out.push_str("</mark>");
        }
    }
    // empty spans at the very end (a missing hashtag's place), or in an empty field
    let end: Vec<&(usize, &Violation)> = vs
        .iter()
        .filter(|(_, v)| v.span.is_empty() && v.span.start >= text.len())
        .collect();
    if !end.is_empty() {
        mark(&mut out, &end, true);
        out.push_str("</mark>");
    }
    out
}

fn id_text(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Where the note is: `notes.jsonl:12`, or the path.
fn place(report: &NoteReport<'_>) -> String {
    match report.origin {
        super::Origin::Record { line } => format!("{}:{line}", report.path),
        _ => report.path.to_owned(),
    }
}

/// One note with findings, as an `<article>`; `key` makes its element ids unique in the page
/// (`n12`).
pub fn note_article(report: &NoteReport<'_>, options: &Options, key: &str) -> String {
    let note = report.note;
    let vs: Vec<(usize, &Violation)> = report.violations.iter().enumerate().collect();
    let mut cats: Vec<&str> = vs.iter().map(|(_, v)| v.category.as_str()).collect();
    cats.sort_unstable();
    cats.dedup();
    let worst = vs.iter().map(|(_, v)| v.severity).max().unwrap_or(Severity::Info);
    let mut out = String::with_capacity(1024 + note.body.len() * 2);
    let _ = writeln!(
        out,
        "<article class=\"note w-{worst}\" id=\"{key}\" data-cats=\"{}\">\n<h3><span class=\"nid\">{}</span> <span class=\"at\">{}</span> <span class=\"count\">{}</span>{}</h3>",
        cats.join(" "),
        escape(&id_text(&report.id)),
        escape(&place(report)),
        super::plural(vs.len(), "finding"),
        if note.sponsored {
            " <span class=\"tag-sp\">sponsored</span>"
        } else {
            ""
        },
    );
    let field_vs =
        |f: Field| -> Vec<(usize, &Violation)> { vs.iter().filter(|(_, v)| v.field == f).copied().collect() };
    let _ = writeln!(
        out,
        "<div class=\"f title\"><span class=\"fl\">title</span><div class=\"tx\">{}</div></div>",
        highlighted(&note.title, &field_vs(Field::Title), key)
    );
    let _ = writeln!(
        out,
        "<div class=\"f body\"><span class=\"fl\">body</span><div class=\"tx\">{}</div></div>",
        highlighted(&note.body, &field_vs(Field::Body), key)
    );
    if !note.tags.is_empty() {
        out.push_str("<div class=\"f tags\"><span class=\"fl\">tags</span><div class=\"tx\">");
        for (i, t) in note.tags.iter().enumerate() {
            let _ = write!(
                out,
                "<span class=\"tg\">{}</span> ",
                highlighted(t, &field_vs(Field::Tag(i)), key)
            );
        }
        out.push_str("</div></div>\n");
    }
    out.push_str(&super::images::html_figures(report.images, &vs, key));
    out.push_str("<ol class=\"vs\">\n");
    // per violation, written straight into the page (a note may have tens of thousands)
    for (i, v) in &vs {
        let (line, col) = report.field_position_in(v, ColumnUnit::Char);
        let (c, s) = (v.category, v.severity);
        let _ = write!(out, "<li id=\"{key}-v{i}\" class=\"v c-{c} s-{s}\" data-rule=\"");
        attr_into(&mut out, &v.rule);
        let _ = write!(
            out,
            "\" data-cat=\"{c}\" data-sev=\"{s}\" data-start=\"{}\" data-end=\"{}\" data-field=\"{}\" data-matched=\"",
            v.span.start, v.span.end, v.field
        );
        attr_into(&mut out, &v.matched);
        let _ = write!(out, "\"><span class=\"sev\">{s}</span> <code>");
        attr_into(&mut out, &v.rule);
        out.push_str("</code> <span class=\"rn\">");
        escape_into(&mut out, &v.name);
        let _ = write!(out, "</span> <span class=\"where\">{} {line}:{col}</span> <q>", v.field);
        escape_into(&mut out, &v.matched);
        out.push_str("</q><div class=\"msg\">");
        escape_into(&mut out, &options.message(v));
        out.push_str("</div><dl>");
        if let Some(r) = &v.reading {
            out.push_str("<dt>read as</dt><dd>");
            escape_into(&mut out, &r.term);
            out.push_str(" (by ");
            escape_into(&mut out, &r.how.join(", "));
            out.push_str(")</dd>");
        }
        if let Some(why) = &v.context {
            out.push_str("<dt>context</dt><dd>");
            escape_into(&mut out, &options.text(why));
            out.push_str("</dd>");
        }
        for s in &v.suggestions {
            let safety = if s.safe { "safe" } else { "unsafe" };
            let _ = write!(out, "<dt>fix ({safety})</dt><dd>");
            escape_into(&mut out, &super::fix_text(v, s));
            out.push_str("</dd>");
        }
        out.push_str("<dt>basis</dt><dd>");
        escape_into(&mut out, &v.basis);
        out.push_str("</dd></dl></li>\n");
    }
    out.push_str("</ol>\n</article>\n");
    out
}

/// A clean note's line in the folded group of notes without findings.
pub fn clean_note(report: &NoteReport<'_>) -> String {
    let title = if report.note.title.is_empty() {
        report.note.body.chars().take(40).collect::<String>()
    } else {
        report.note.title.clone()
    };
    format!(
        "<li><span class=\"nid\">{}</span> <span class=\"at\">{}</span> {}</li>\n",
        escape(&id_text(&report.id)),
        escape(&place(report)),
        escape(&title)
    )
}

/// An input record or source that could not be read.
pub fn error_item(path: &str, id: &serde_json::Value, message: &str) -> String {
    format!(
        "<li><span class=\"at\">{}</span> <span class=\"nid\">{}</span> {}</li>\n",
        escape(path),
        escape(&id_text(id)),
        escape(message)
    )
}

/// Horizontal bars as inline SVG: one row per `(label, class, count)`.
fn bars(rows: &[(String, String, usize)]) -> String {
    let max = rows.iter().map(|r| r.2).max().unwrap_or(0).max(1);
    let (row_h, label_w, bar_w) = (22, 150, 300);
    let height = rows.len() * row_h + 4;
    let mut out = format!(
        "<svg class=\"bars\" role=\"img\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\">",
        w = label_w + bar_w + 70
    );
    for (i, (label, class, n)) in rows.iter().enumerate() {
        let y = i * row_h + 2;
        let width = if *n == 0 { 0 } else { (bar_w * n / max).max(2) };
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{ty}\">{label}</text><rect class=\"{class}\" x=\"{label_w}\" y=\"{y}\" width=\"{width}\" height=\"{h}\"></rect><text x=\"{tx}\" y=\"{ty}\" class=\"n\">{n}</text>",
            ty = y + 15,
            h = row_h - 6,
            tx = label_w + width + 6,
            label = escape(label),
        );
    }
    out.push_str("</svg>");
    out
}

/// What the page shows besides the notes.
#[derive(Debug, Default)]
pub struct Extras<'a> {
    /// The audit of the notes' authors, when the notes carry `author` and `published_at`.
    pub audit: Option<&'a AuditReport>,
    /// The rules, for names of the rules that fired.
    pub rules: Vec<&'a Rule>,
}

fn summary_section(summary: &Summary, extras: &Extras<'_>, options: &Options) -> String {
    let mut out = String::new();
    let clean = summary.notes - summary.notes_with_findings;
    let _ = writeln!(
        out,
        "<section id=\"summary\"><h2>Summary</h2>\n<ul class=\"totals\"><li><b data-count=\"notes\">{}</b> notes checked</li><li><b data-count=\"with-findings\">{}</b> with findings</li><li><b data-count=\"clean\">{clean}</b> clean</li><li><b data-count=\"violations\">{}</b> violations</li>{}</ul>",
        summary.notes,
        summary.notes_with_findings,
        summary.total(),
        if summary.errors > 0 {
            format!(
                "<li><b data-count=\"unreadable\">{}</b> could not be read</li>",
                summary.errors
            )
        } else {
            String::new()
        }
    );
    out.push_str("<div class=\"charts\"><figure><figcaption>by severity</figcaption>");
    let row = |name: &str, class: String, n: Option<&usize>| (name.to_owned(), class, n.copied().unwrap_or(0));
    let sev: Vec<(String, String, usize)> = Severity::ALL
        .iter()
        .rev()
        .map(|s| row(s.as_str(), format!("s-{s}"), summary.by_severity.get(s)))
        .collect();
    out.push_str(&bars(&sev));
    out.push_str("</figure><figure><figcaption>by category</figcaption>");
    let cat: Vec<(String, String, usize)> = Category::ALL
        .iter()
        .filter(|c| summary.by_category.contains_key(c) || !matches!(c, Category::Brief | Category::Format))
        .map(|c| row(c.as_str(), format!("c-{c}"), summary.by_category.get(c)))
        .collect();
    out.push_str(&bars(&cat));
    out.push_str("</figure></div>\n");
    // the rules that fired most
    let mut top: Vec<(&String, &usize)> = summary.by_rule.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    if !top.is_empty() {
        out.push_str("<h3>Rules that fired most</h3><table class=\"top\"><thead><tr><th>rule</th><th>name</th><th>message</th><th>violations</th></tr></thead><tbody>");
        for (id, n) in top.iter().take(15) {
            let rule = extras.rules.iter().find(|r| &r.id == *id);
            let _ = write!(
                out,
                "<tr data-rule=\"{}\"><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"num\">{n}</td></tr>",
                attr(id),
                escape(id),
                escape(rule.map_or("", |r| r.name.as_str())),
                escape(&rule.map(|r| options.text(&r.message)).unwrap_or_default()),
            );
        }
        out.push_str("</tbody></table>\n");
    }
    let items = summary.brief_items();
    if !items.is_empty() {
        let name = summary.brief.as_ref().map_or("", |b| b.0.as_str());
        let _ = write!(
            out,
            "<h3>Brief {}</h3><table class=\"brief\"><thead><tr><th>rule</th><th>item</th><th>notes</th></tr></thead><tbody>",
            escape(name)
        );
        for (rule, item, n) in items {
            let _ = write!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"num\">{n} of {}</td></tr>",
                escape(rule),
                escape(item),
                summary.notes
            );
        }
        out.push_str("</tbody></table>\n");
    }
    if let Some(audit) = extras.audit {
        let over: Vec<_> = audit.over_cap().collect();
        let _ = write!(out, "<h3>Authors over the {:.0}% sponsored cap</h3>", audit.cap * 100.0);
        if over.is_empty() {
            out.push_str("<p class=\"none\">none</p>\n");
        } else {
            out.push_str("<table class=\"audit\"><thead><tr><th>author</th><th>month</th><th>notes</th><th>declared</th><th>undeclared with cues</th><th>share</th></tr></thead><tbody>");
            for m in over {
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.0}%</td></tr>",
                    escape(&m.author),
                    m.month,
                    m.notes,
                    m.declared,
                    m.undeclared_with_cues,
                    m.sponsored_share * 100.0
                );
            }
            out.push_str("</tbody></table>\n");
        }
    }
    out.push_str("</section>\n");
    out
}

fn filters(summary: &Summary, extras: &Extras<'_>) -> String {
    let mut out = String::from("<form id=\"filters\" hidden><fieldset><legend>category</legend>");
    for c in summary.by_category.keys() {
        let _ = write!(
            out,
            "<label class=\"c-{c}\"><input type=\"checkbox\" name=\"cat\" value=\"{c}\" checked> {c}</label>"
        );
    }
    out.push_str("</fieldset><fieldset><legend>severity</legend>");
    for s in Severity::ALL.iter().rev() {
        let _ = write!(
            out,
            "<label class=\"s-{s}\"><input type=\"checkbox\" name=\"sev\" value=\"{s}\" checked> {s}</label>"
        );
    }
    out.push_str("</fieldset><label>rule <select name=\"rule\"><option value=\"\">all</option>");
    let rules: BTreeMap<&String, &usize> = summary.by_rule.iter().collect();
    for (id, n) in rules {
        let name = extras
            .rules
            .iter()
            .find(|r| &r.id == id)
            .map_or("", |r| r.name.as_str());
        let _ = write!(
            out,
            "<option value=\"{}\">{} {} ({n})</option>",
            attr(id),
            escape(id),
            escape(name)
        );
    }
    out.push_str(
        "</select></label> <label>search <input type=\"search\" name=\"q\" placeholder=\"text, id, rule\"></label> <output id=\"shown\"></output></form>\n",
    );
    out
}

/// The whole page: the summary, the notes with findings (in input order), the clean notes
/// folded in one group, and the records that could not be read.
pub fn document(
    summary: &Summary,
    extras: &Extras<'_>,
    options: &Options,
    findings: &[String],
    clean: &[String],
    errors: &[String],
) -> String {
    let size = findings
        .iter()
        .chain(clean)
        .chain(errors)
        .map(String::len)
        .sum::<usize>();
    let mut out = String::with_capacity(size + STYLE.len() + SCRIPT.len() + 8192);
    let lang = match options.lang {
        Some(crate::Lang::En) => "en",
        _ => "zh-CN",
    };
    let _ = writeln!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>redlint report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header class=\"top\"><h1>redlint report</h1><p>{} · generated by redlint {}</p></header>",
        if findings.iter().any(|f| f.contains(super::images::FIGURE)) {
            content_security_policy_with_pictures()
        } else {
            content_security_policy()
        },
        super::plural(summary.notes, "note"),
        env!("CARGO_PKG_VERSION"),
    );
    out.push_str(&summary_section(summary, extras, options));
    out.push_str(&filters(summary, extras));
    let _ = writeln!(
        out,
        "<section id=\"findings\"><h2>Notes with findings ({})</h2>",
        findings.len()
    );
    for f in findings {
        out.push_str(f);
    }
    out.push_str("</section>\n");
    let mut group = |items: &[String], open: String, close: &str| {
        if !items.is_empty() {
            out.push_str(&open);
            for i in items {
                out.push_str(i);
            }
            out.push_str(close);
        }
    };
    group(
        clean,
        format!(
            "<section id=\"clean\"><details><summary>Notes without findings ({})</summary><ul>\n",
            clean.len()
        ),
        "</ul></details></section>\n",
    );
    group(
        errors,
        format!(
            "<section id=\"unreadable\"><h2>Could not be read ({})</h2><ul>\n",
            errors.len()
        ),
        "</ul></section>\n",
    );
    let _ = writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out
}

/// `--format html`: one page, written at the end (the summary goes on top).
#[derive(Debug, Clone, Copy)]
pub struct Html;

impl super::Renderer for Html {
    fn note(&self, note: &NoteReport<'_>, options: &Options, key: &str, out: &mut super::Rendered) {
        if note.violations.is_empty() {
            out.clean.push(clean_note(note));
        } else {
            out.findings.push(note_article(note, options, key));
        }
    }

    fn error(
        &self,
        path: &str,
        id: &serde_json::Value,
        _line: Option<usize>,
        message: &str,
        out: &mut super::Rendered,
    ) {
        out.unreadable.push(error_item(path, id, message));
    }

    fn end(&self, end: &super::Ending<'_>) -> String {
        let extras = Extras {
            audit: end.audit,
            rules: end.rules.clone(),
        };
        document(
            end.summary,
            &extras,
            end.options,
            &end.kept.findings,
            &end.kept.clean,
            &end.kept.unreadable,
        )
    }

    fn one_page(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_inert() {
        let s = escape("<script>alert(1)</script>\"><img src=x onerror=alert(1)>\u{202E}txt");
        assert!(!s.contains('<') || s.contains("<span class=\"ctl\">"), "{s}");
        assert!(
            !s.contains("<script") && !s.contains("<img") && !s.contains('\u{202E}'),
            "{s}"
        );
        assert!(s.contains("⟨U+202E⟩"), "{s}");
        assert_eq!(attr("a\"b\n\u{2066}"), "a&quot;b&#10;U+2066");
    }

    #[test]
    fn escaping_copies_plain_runs_and_escapes_the_rest_as_char_by_char() {
        // what the escapes were before they copied runs: one char at a time
        let reference = |text: &str, attribute: bool| {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' => out.push_str("&#39;"),
                    '\n' if attribute => out.push_str("&#10;"),
                    '\n' | '\t' if !attribute => out.push(c),
                    c if acts(c) && attribute => out.push_str(&format!("U+{:04X}", c as u32)),
                    c if acts(c) => out.push_str(&format!("<span class=\"ctl\">⟨U+{:04X}⟩</span>", c as u32)),
                    c => out.push(c),
                }
            }
            out
        };
        let texts = [
            "",
            "最好的面霜，加我微信",
            "a<b>&\"'\n\t\r\u{0}\u{7}\u{7F}\u{80}\u{85}\u{9F}\u{A0}é",
            "\u{61C}\u{600}\u{200A}\u{200B}\u{200F}\u{2010}“引号”—…\u{202A}\u{202E}\u{202F}\u{2060}\u{2069}\u{206A}",
            "\u{FEFF}\u{FEFE}\u{FFF8}\u{FFF9}\u{FFFB}\u{FFFC}（全角）\u{FF01}👩‍👩‍👧🇨🇳",
        ];
        for t in texts {
            assert_eq!(escape(t), reference(t, false), "{t:?}");
            assert_eq!(attr(t), reference(t, true), "{t:?}");
        }
    }

    fn csp_hash(text: &str) -> String {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(text.as_bytes());
        const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::from("sha256-");
        for chunk in digest.chunks(3) {
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(B64[(n >> (18 - 6 * i)) as usize & 63] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[test]
    fn the_policy_allows_exactly_the_pages_own_style_and_script() {
        assert_eq!(
            STYLE_HASH,
            csp_hash(STYLE),
            "report.css changed: put this hash in STYLE_HASH"
        );
        assert_eq!(
            SCRIPT_HASH,
            csp_hash(SCRIPT),
            "report.js changed: put this hash in SCRIPT_HASH"
        );
    }
}
