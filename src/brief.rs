//! Campaign briefs, the `brief` category: does a note carry what the brand asked for?
//!
//! An agency briefs its creators: keywords the title and the first paragraph must carry
//! (Xiaohongshu search ranks on them), the hashtags to use, the disclosure a sponsored note
//! must show, names that must not appear (a competitor, the product's old name), and tighter
//! length limits. A [`Brief`] is that brief as data, read from a TOML file:
//!
//! ```toml
//! [brief]
//! name = "秋冬面霜 campaign"
//! title = ["面霜"]                     # each must appear in the title
//! first_paragraph = [["保湿", "补水"]]  # a list inside means: any one of these
//! keywords = ["成分"]                  # each must appear somewhere (title, body or tags)
//! hashtags = ["秋冬护肤"]               # each must be a hashtag (tags or #话题 in the body)
//! forbidden = ["某竞品"]                # must appear nowhere
//! disclosure = ["合作", "赞助"]         # a sponsored note must carry one of these
//! label = true                         # every note must be declared sponsored
//! max_title_chars = 18                 # limits of the format rules F501-F503, for this campaign
//! max_body_chars = 800
//! max_tags = 8
//! ```
//!
//! Every text is matched the way rule packs match terms: on the folded, compact copy of the
//! note (full-width, case, traditional characters, spaces and symbols in between all count),
//! and a forbidden name is reported on the user's own characters. The first paragraph is the
//! body's first line with text in it (Xiaohongshu shows each line break as a paragraph).
//!
//! The checks are rules of the engine, like the `format` rules: ids `C601`..`C607`, listed by
//! `redlint rules`, explained by `redlint explain`, switched off or re-levelled like any other
//! rule, and silent unless a brief is set ([`crate::LinterBuilder::brief`], `--brief FILE`, or
//! `brief = "…"` in `redlint.toml`). A violation of a brief item says which item in
//! [`crate::Violation::item`], so a batch can count how many notes miss each one.
//!
//! ```
//! use redlint::{Brief, LinterBuilder, Note};
//!
//! let brief = Brief::parse("brief.toml", "[brief]\ntitle = [\"面霜\"]\nforbidden = [\"某竞品\"]\n").unwrap();
//! let linter = LinterBuilder::new().brief(brief).build().unwrap();
//! let note = Note::from_body("比某 竞品好用").with_title("秋冬护肤");
//! let found: Vec<_> = linter.lint(&note).into_iter().filter(|v| v.rule.starts_with('C')).collect();
//! assert_eq!(found[0].rule, "C601"); // the title lacks 面霜
//! assert_eq!(found[1].matched, "某 竞品"); // the user's own characters
//! ```

use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

use crate::format::{FormatLimits, body_hashtags};
use crate::normalize::{Normalized, fold_term};
use crate::note::Note;
use crate::pack::{FixSafety, Rule};
use crate::span::{LineIndex, Span};
use crate::violation::{Category, Field, Message, Severity, Suggestion, Violation};

/// A title keyword is missing.
pub const TITLE_KEYWORD: &str = "C601";
/// A first-paragraph keyword is missing.
pub const LEAD_KEYWORD: &str = "C602";
/// A keyword is missing from the whole note.
pub const KEYWORD: &str = "C603";
/// A required hashtag is missing.
pub const HASHTAG: &str = "C604";
/// A sponsored note lacks the disclosure.
pub const DISCLOSURE: &str = "C605";
/// A forbidden name appears.
pub const FORBIDDEN: &str = "C606";
/// A campaign note is not declared sponsored.
pub const LABEL: &str = "C607";

/// Where the brief rules say they are defined.
pub const ORIGIN: &str = "(engine: src/brief.rs)";

/// One required item: any one of its spellings satisfies it (`"面霜"`, or `["保湿", "补水"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The accepted texts, as the brief writes them.
    pub any_of: Vec<String>,
}

impl Item {
    /// An item satisfied by any of `texts`.
    pub fn any_of<I: IntoIterator<Item = S>, S: Into<String>>(texts: I) -> Item {
        Item {
            any_of: texts.into_iter().map(Into::into).collect(),
        }
    }
}

impl fmt::Display for Item {
    /// `面霜`, or `保湿 / 补水` for a group: the key a batch summary counts by.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.any_of.join(" / "))
    }
}

impl From<&str> for Item {
    fn from(text: &str) -> Item {
        Item::any_of([text])
    }
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Item, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text, or a list of texts of which any one will do")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Item, E> {
                Ok(Item::from(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Item, A::Error> {
                let mut any_of = Vec::new();
                while let Some(text) = seq.next_element::<String>()? {
                    any_of.push(text);
                }
                if any_of.is_empty() {
                    return Err(de::Error::custom("an empty list: give at least one text"));
                }
                Ok(Item { any_of })
            }
        }
        d.deserialize_any(ItemVisitor)
    }
}

/// A campaign brief: what every note of the campaign must and must not carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Brief {
    /// The campaign's name, shown in reports.
    pub name: String,
    /// Each must appear in the title.
    pub title: Vec<Item>,
    /// Each must appear in the first paragraph of the body.
    pub first_paragraph: Vec<Item>,
    /// Each must appear somewhere: title, body or tags.
    pub keywords: Vec<Item>,
    /// Each must be one of the note's hashtags (its `tags`, or a `#话题` in the body).
    pub hashtags: Vec<Item>,
    /// Names that must appear nowhere in the note.
    pub forbidden: Vec<String>,
    /// A sponsored note must carry one of these (title, body or tags).
    pub disclosure: Vec<String>,
    /// Every note of the campaign must be declared sponsored (the platform's partnership
    /// label: `sponsored: true`).
    pub label: bool,
    /// Limits of the `format` rules for this campaign; `None` keeps the project's.
    pub max_title_chars: Option<usize>,
    /// See [`Brief::max_title_chars`].
    pub max_body_chars: Option<usize>,
    /// See [`Brief::max_title_chars`].
    pub max_tags: Option<usize>,
}

pub use crate::error::BriefError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    brief: Spanned<RawBrief>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBrief {
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: Vec<Spanned<Item>>,
    #[serde(default)]
    first_paragraph: Vec<Spanned<Item>>,
    #[serde(default)]
    keywords: Vec<Spanned<Item>>,
    #[serde(default)]
    hashtags: Vec<Spanned<Item>>,
    #[serde(default)]
    forbidden: Vec<Spanned<String>>,
    #[serde(default)]
    disclosure: Vec<Spanned<String>>,
    #[serde(default)]
    label: bool,
    max_title_chars: Option<usize>,
    max_body_chars: Option<usize>,
    max_tags: Option<usize>,
}

impl Brief {
    /// Parses the text of a brief file; `file` names it in errors. A text that folds to
    /// nothing (only spaces or punctuation) is an error naming its line, as is an unknown key.
    pub fn parse(file: impl AsRef<Path>, text: &str) -> Result<Brief, BriefError> {
        let file = file.as_ref().display().to_string();
        let index = LineIndex::new(text);
        let line_of = |offset: usize| index.position(offset.min(text.len())).line + 1;
        let error = |line: Option<usize>, message: String| BriefError {
            file: file.clone(),
            line,
            message,
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let message = e
                .message()
                .trim_end()
                .replace("expected usize", "expected a whole number");
            let message = if message.contains("missing field `brief`") || message.contains("expected `brief`") {
                format!("{message}: a brief file's keys go in a `[brief]` table")
            } else {
                message
            };
            error(e.span().map(|s| line_of(s.start)), message)
        })?;
        let raw = raw.brief.into_inner();
        let check = |what: &str, text: &Spanned<String>| {
            if fold_term(text.get_ref()).is_empty() {
                Err(error(
                    Some(line_of(text.span().start)),
                    format!(
                        "{what} `{}` is empty once spaces and punctuation are skipped",
                        text.get_ref()
                    ),
                ))
            } else {
                Ok(text.get_ref().clone())
            }
        };
        let items = |what: &str, list: Vec<Spanned<Item>>| -> Result<Vec<Item>, BriefError> {
            list.into_iter()
                .map(|item| {
                    let span = item.span();
                    let item = item.into_inner();
                    for t in &item.any_of {
                        check(what, &Spanned::new(span.clone(), t.clone()))?;
                    }
                    Ok(item)
                })
                .collect()
        };
        let texts = |what: &str, list: Vec<Spanned<String>>| -> Result<Vec<String>, BriefError> {
            list.iter().map(|t| check(what, t)).collect()
        };
        Ok(Brief {
            name: raw.name,
            title: items("title keyword", raw.title)?,
            first_paragraph: items("first-paragraph keyword", raw.first_paragraph)?,
            keywords: items("keyword", raw.keywords)?,
            hashtags: items("hashtag", raw.hashtags)?,
            forbidden: texts("forbidden name", raw.forbidden)?,
            disclosure: texts("disclosure", raw.disclosure)?,
            label: raw.label,
            max_title_chars: raw.max_title_chars,
            max_body_chars: raw.max_body_chars,
            max_tags: raw.max_tags,
        })
    }

    /// Reads and parses a brief file.
    pub fn load(path: impl AsRef<Path>) -> Result<Brief, BriefError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| BriefError {
            file: path.display().to_string(),
            line: None,
            message: format!("cannot read the brief: {e}"),
        })?;
        Brief::parse(path, &text)
    }

    /// `limits` with this brief's overrides (marked in [`FormatLimits::set_by_brief`], so that
    /// their violations' basis names the brief).
    pub fn limits(&self, mut limits: FormatLimits) -> FormatLimits {
        limits.max_title_chars = self.max_title_chars.unwrap_or(limits.max_title_chars);
        limits.max_body_chars = self.max_body_chars.unwrap_or(limits.max_body_chars);
        limits.max_tags = self.max_tags.unwrap_or(limits.max_tags);
        limits.set_by_brief.title |= self.max_title_chars.is_some();
        limits.set_by_brief.body |= self.max_body_chars.is_some();
        limits.set_by_brief.tags |= self.max_tags.is_some();
        limits
    }

    /// Every item a note can miss, with the rule that reports it, in brief order: the keys of
    /// a batch's per-item summary. Forbidden names are not here (a note does not miss them).
    pub fn items(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (rule, list) in [
            (TITLE_KEYWORD, &self.title),
            (LEAD_KEYWORD, &self.first_paragraph),
            (KEYWORD, &self.keywords),
            (HASHTAG, &self.hashtags),
        ] {
            out.extend(list.iter().map(|i| (rule, i.to_string())));
        }
        if !self.disclosure.is_empty() {
            out.push((DISCLOSURE, self.disclosure.join(" / ")));
        }
        if self.label {
            out.push((LABEL, "sponsored".to_owned()));
        }
        out.extend(self.forbidden.iter().map(|f| (FORBIDDEN, f.clone())));
        out
    }
}

/// A brief with its texts folded, ready to check notes.
#[derive(Debug, Clone)]
pub(crate) struct CompiledBrief {
    brief: Brief,
    title: Vec<Vec<String>>,
    lead: Vec<Vec<String>>,
    keywords: Vec<Vec<String>>,
    hashtags: Vec<Vec<String>>,
    forbidden: Vec<String>,
    disclosure: Vec<String>,
}

fn fold_items(items: &[Item]) -> Vec<Vec<String>> {
    items
        .iter()
        .map(|i| i.any_of.iter().map(|t| fold_term(t)).collect())
        .collect()
}

/// A hashtag's name folded: `#秋冬 护肤` and `秋冬护肤` are the same tag.
fn fold_tag(tag: &str) -> String {
    fold_term(tag.trim().trim_start_matches(['#', '＃']))
}

impl CompiledBrief {
    pub(crate) fn new(brief: Brief) -> CompiledBrief {
        CompiledBrief {
            title: fold_items(&brief.title),
            lead: fold_items(&brief.first_paragraph),
            keywords: fold_items(&brief.keywords),
            hashtags: brief
                .hashtags
                .iter()
                .map(|i| i.any_of.iter().map(|t| fold_tag(t)).collect())
                .collect(),
            forbidden: brief.forbidden.iter().map(|t| fold_term(t)).collect(),
            disclosure: brief.disclosure.iter().map(|t| fold_term(t)).collect(),
            brief,
        }
    }

    pub(crate) fn brief(&self) -> &Brief {
        &self.brief
    }
}

/// The span of the body's first paragraph: its first line with text in it, without the
/// blanks around it (an empty span at 0 for a blank body).
pub fn first_paragraph(body: &str) -> Span {
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if !trimmed.trim_end().is_empty() {
            let start = at + (line.len() - trimmed.len());
            return Span::new(start, start + trimmed.trim_end().len());
        }
        at += line.len();
    }
    Span::new(0, 0)
}

fn msg(zh: &str, en: &str) -> Message {
    Message::new(zh, en)
}

fn rule(id: &str, name: &str, severity: Severity, message: Message, description: Message) -> Rule {
    let basis = "品牌方的投放 brief（蒲公英合作笔记要求；《互联网广告管理办法》第九条：广告应当具有可识别性） / the campaign brief; Internet Advertising Measures art. 9 (ads must be identifiable)";
    let mut r = Rule::engine(id, name, Category::Brief, severity, message, description, basis, ORIGIN);
    r.fix_safety = FixSafety::Safe;
    r
}

/// The seven `brief` rules, with their default severities. They fire only when a brief is set.
pub fn rules() -> Vec<Rule> {
    vec![
        rule(
            TITLE_KEYWORD,
            "missing-title-keyword",
            Severity::Warning,
            msg(
                "标题缺少 brief 要求的关键词",
                "The title lacks a keyword the brief requires",
            ),
            msg(
                "brief 的 `title` 中的每一项都必须出现在标题里（一组同义词中出现一个即可）。小红书搜索按标题和首段的关键词排序，缺了关键词的合作笔记搜不到。span 指向整个标题。比较前会统一全半角、大小写、繁简体并忽略空格和符号。修改：把关键词写进标题。",
                "Each item of the brief's `title` must appear in the title (any one word of a group will do). Xiaohongshu search ranks on the title and the first paragraph: a campaign note without its keywords is not found. The span is the whole title. Width, case, traditional characters, spaces and symbols do not matter. Fix: put the keyword in the title.",
            ),
        ),
        rule(
            LEAD_KEYWORD,
            "missing-lead-keyword",
            Severity::Warning,
            msg(
                "首段缺少 brief 要求的关键词",
                "The first paragraph lacks a keyword the brief requires",
            ),
            msg(
                "brief 的 `first_paragraph` 中的每一项都必须出现在正文第一段（正文中第一行有字的内容）。span 指向第一段。修改：把关键词写进第一段。",
                "Each item of the brief's `first_paragraph` must appear in the body's first paragraph (its first line with text). The span is that paragraph. Fix: put the keyword in it.",
            ),
        ),
        rule(
            KEYWORD,
            "missing-keyword",
            Severity::Warning,
            msg(
                "笔记缺少 brief 要求的关键词",
                "The note lacks a keyword the brief requires",
            ),
            msg(
                "brief 的 `keywords` 中的每一项都必须出现在笔记中（标题、正文或话题）。span 是正文开头的一个位置。修改：在笔记中写上关键词。",
                "Each item of the brief's `keywords` must appear somewhere in the note (title, body or tags). The span is an empty place at the start of the body. Fix: mention the keyword.",
            ),
        ),
        rule(
            HASHTAG,
            "missing-hashtag",
            Severity::Warning,
            msg("缺少 brief 要求的话题", "A hashtag the brief requires is missing"),
            msg(
                "brief 的 `hashtags` 中的每一项都必须是笔记的话题（tags 字段或正文中的 #话题）。span 是正文末尾；建议在正文末尾加上该话题（安全修改，redlint fix 会自动添加）。",
                "Each item of the brief's `hashtags` must be one of the note's hashtags (its `tags`, or a #topic in the body). The span is the end of the body; the suggestion appends the hashtag there (a safe fix: `redlint fix` applies it).",
            ),
        ),
        rule(
            DISCLOSURE,
            "missing-disclosure",
            Severity::Error,
            msg(
                "合作笔记缺少 brief 要求的合作声明",
                "The sponsored note lacks the disclosure the brief requires",
            ),
            msg(
                "广告应当具有可识别性（《互联网广告管理办法》第九条）；平台会下架未声明合作的商业笔记。一篇声明为合作（sponsored）的笔记必须在标题、正文或话题中带有 brief 的 `disclosure` 之一。span 是正文开头的一个位置。修改：写明合作关系，例如“本篇与品牌合作”。",
                "Ads must be identifiable as ads (Internet Advertising Measures art. 9), and the platform takes down commercial notes that hide it. A note declared sponsored must carry one of the brief's `disclosure` texts in its title, body or tags. The span is an empty place at the start of the body. Fix: state the partnership, e.g. “本篇与品牌合作”.",
            ),
        ),
        rule(
            FORBIDDEN,
            "forbidden-name",
            Severity::Error,
            msg("出现了 brief 禁止的名称", "A name the brief forbids appears"),
            msg(
                "brief 的 `forbidden` 列出不得出现的名称（竞品、产品旧名）。比较前会统一全半角、大小写、繁简体并忽略中间的空格和符号，span 指向原文中的写法。修改：删除或改写。",
                "The brief's `forbidden` lists names that must not appear (competitors, the product's old name). Width, case, traditional characters and spaces or symbols in between do not hide one; the span is the user's own characters. Fix: remove or rephrase.",
            ),
        ),
        rule(
            LABEL,
            "missing-partnership-label",
            Severity::Error,
            msg(
                "campaign 笔记没有声明为合作笔记",
                "The campaign note is not declared sponsored",
            ),
            msg(
                "brief 设置了 `label = true`：campaign 的每篇笔记都必须带平台的合作标识（sponsored: true，即蒲公英“品牌合作”标签）。未声明的商业笔记属于隐性广告。span 是正文开头的一个位置。修改：发布时选择品牌合作，并在数据中标记 sponsored。",
                "The brief says `label = true`: every note of the campaign must carry the platform's partnership label (`sponsored: true`, the 品牌合作 tag). An undeclared commercial note is a hidden ad. The span is an empty place at the start of the body. Fix: publish it as a brand partnership and mark it sponsored.",
            ),
        ),
    ]
}

/// The brief setting that switches a `brief` rule on, as a brief file writes it (for
/// `redlint explain`).
pub fn setting(rule: &str) -> Option<&'static str> {
    Some(match rule {
        TITLE_KEYWORD => r#"title = ["面霜"]                     # each must appear in the title"#,
        LEAD_KEYWORD => r#"first_paragraph = [["保湿", "补水"]]  # any one of a group will do"#,
        KEYWORD => r#"keywords = ["成分"]                  # somewhere: title, body or tags"#,
        HASHTAG => r#"hashtags = ["秋冬护肤"]               # tags, or #话题 in the body"#,
        DISCLOSURE => r#"disclosure = ["合作", "赞助"]         # a sponsored note carries one"#,
        FORBIDDEN => r#"forbidden = ["某竞品"]                # appears nowhere"#,
        LABEL => r#"label = true                         # every note declared sponsored"#,
        _ => return None,
    })
}

/// The folded compact copies of a note's fields, made once per check.
struct Folded {
    title: Normalized,
    body: Normalized,
    tags: Vec<Normalized>,
}

impl Folded {
    fn new(note: &Note) -> Folded {
        Folded {
            title: Normalized::new(&note.title),
            body: Normalized::new(&note.body),
            tags: note.tags.iter().map(|t| Normalized::new(t)).collect(),
        }
    }

    fn fields(&self) -> impl Iterator<Item = (Field, &Normalized)> {
        [(Field::Title, &self.title), (Field::Body, &self.body)]
            .into_iter()
            .chain(self.tags.iter().enumerate().map(|(i, t)| (Field::Tag(i), t)))
    }

    fn anywhere(&self, text: &str) -> bool {
        self.fields().any(|(_, n)| n.compact().contains(text))
    }
}

/// The text that appends `tag` to `body` as a hashtag: on the hashtag line if the body ends
/// with one, else on a line of its own.
fn append_tag(body: &str, tag: &str) -> String {
    let tag = tag.trim().trim_start_matches(['#', '＃']);
    let last = body.trim_end().rsplit('\n').next().unwrap_or("");
    if body.trim().is_empty() {
        format!("#{tag}")
    } else if last.trim_start().starts_with(['#', '＃']) {
        let sep = if body.ends_with(char::is_whitespace) { "" } else { " " };
        format!("{sep}#{tag}")
    } else {
        let sep = if body.ends_with('\n') { "" } else { "\n" };
        format!("{sep}#{tag}")
    }
}

/// Checks `note` against the brief; `rule` gives each enabled `brief` rule by id.
pub(crate) fn check<'a>(
    note: &Note,
    brief: &CompiledBrief,
    rule: impl Fn(&str) -> Option<&'a Rule>,
    out: &mut Vec<Violation>,
) {
    let folded = Folded::new(note);
    let mut push = |id: &str, field: Field, span: Span, item: String, suggestion: Option<String>| {
        let Some(r) = rule(id) else {
            return;
        };
        let mut v = r.violation(field, note.field_text(field), span, note.sponsored, None);
        v.message = Message {
            zh: format!("{}：{item}", v.message.zh),
            en: format!("{}: {item}", v.message.en),
        };
        v.suggestions = suggestion
            .map(|replacement| Suggestion {
                replacement,
                safe: true,
            })
            .into_iter()
            .collect();
        v.item = Some(item);
        out.push(v);
    };
    let present = |variants: &[String], text: &str| variants.iter().any(|v| text.contains(v.as_str()));
    let b = &brief.brief;
    for (item, variants) in b.title.iter().zip(&brief.title) {
        if !present(variants, folded.title.compact()) {
            push(
                TITLE_KEYWORD,
                Field::Title,
                Span::new(0, note.title.len()),
                item.to_string(),
                None,
            );
        }
    }
    if !brief.lead.is_empty() {
        let lead = first_paragraph(&note.body);
        let from = folded.body.original_to_compact(lead.start);
        let to = folded.body.original_to_compact(lead.end);
        let text = &folded.body.compact()[from..to];
        for (item, variants) in b.first_paragraph.iter().zip(&brief.lead) {
            if !present(variants, text) {
                push(LEAD_KEYWORD, Field::Body, lead, item.to_string(), None);
            }
        }
    }
    for (item, variants) in b.keywords.iter().zip(&brief.keywords) {
        if !variants.iter().any(|v| folded.anywhere(v)) {
            push(KEYWORD, Field::Body, Span::new(0, 0), item.to_string(), None);
        }
    }
    if !brief.hashtags.is_empty() {
        let have: Vec<String> = note
            .tags
            .iter()
            .map(|t| fold_tag(t))
            .chain(body_hashtags(&note.body).into_iter().map(|(t, _)| fold_tag(t)))
            .collect();
        let end = Span::new(note.body.len(), note.body.len());
        let mut appended = String::new();
        for (item, variants) in b.hashtags.iter().zip(&brief.hashtags) {
            if !variants.iter().any(|v| have.contains(v)) {
                // each suggestion appends after the ones before it, as `redlint fix` applies them
                let add = append_tag(&format!("{}{appended}", note.body), &item.any_of[0]);
                appended.push_str(&add);
                push(HASHTAG, Field::Body, end, item.to_string(), Some(add));
            }
        }
    }
    if note.sponsored && !brief.disclosure.is_empty() && !brief.disclosure.iter().any(|d| folded.anywhere(d)) {
        push(DISCLOSURE, Field::Body, Span::new(0, 0), b.disclosure.join(" / "), None);
    }
    if b.label && !note.sponsored {
        push(LABEL, Field::Body, Span::new(0, 0), "sponsored".to_owned(), None);
    }
    for (name, folded_name) in b.forbidden.iter().zip(&brief.forbidden) {
        for (field, norm) in folded.fields() {
            for (at, _) in norm.compact().match_indices(folded_name.as_str()) {
                let range = norm.compact_to_original(at, at + folded_name.len());
                push(FORBIDDEN, field, Span::new(range.start, range.end), name.clone(), None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_paragraph_is_the_first_line_with_text() {
        let body = "\n  \n  保湿面霜分享  \n第二段";
        assert_eq!(&body[first_paragraph(body).range()], "保湿面霜分享");
        assert_eq!(first_paragraph(" \n "), Span::new(0, 0));
    }

    #[test]
    fn hashtags_are_appended_where_they_read_naturally() {
        assert_eq!(append_tag("", "秋冬护肤"), "#秋冬护肤");
        assert_eq!(append_tag("好用", "#秋冬护肤"), "\n#秋冬护肤");
        assert_eq!(append_tag("好用\n#面霜", "秋冬护肤"), " #秋冬护肤");
        assert_eq!(append_tag("好用\n#面霜 ", "秋冬护肤"), "#秋冬护肤");
        assert_eq!(append_tag("好用\n", "秋冬护肤"), "#秋冬护肤");
    }

    #[test]
    fn a_brief_names_its_line_when_it_is_wrong() {
        let e = Brief::parse("b.toml", "[brief]\ntitle = [\"面霜\"]\nforbiden = [\"x\"]\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("forbiden"), "{e}");
        let e = Brief::parse("b.toml", "[brief]\nhashtags = [\"ok\",\n  \"  ！\"]\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.to_string().starts_with("b.toml:3: hashtag `  ！` is empty"), "{e}");
        let e = Brief::parse("b.toml", "title = [\"x\"]\n").unwrap_err();
        assert!(e.message.contains("[brief]"), "{e}");
        let e = Brief::parse("b.toml", "[brief]\nfirst_paragraph = [[]]\n").unwrap_err();
        assert!(e.message.contains("at least one"), "{e}");
    }

    #[test]
    fn items_are_listed_in_brief_order() {
        let b = Brief::parse(
            "b.toml",
            "[brief]\ntitle = [\"面霜\"]\nfirst_paragraph = [[\"保湿\", \"补水\"]]\ndisclosure = [\"合作\"]\n",
        )
        .unwrap();
        assert_eq!(
            b.items(),
            [
                (TITLE_KEYWORD, "面霜".to_owned()),
                (LEAD_KEYWORD, "保湿 / 补水".to_owned()),
                (DISCLOSURE, "合作".to_owned())
            ]
        );
    }
}
