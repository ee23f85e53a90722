//! Note-format limits, the `format` category: a title over 20 characters, a body over 1,000
//! characters, too many hashtags, an empty body.
//!
//! These are checks of a note's shape, not of its words, so they cannot be written as a rule
//! pack; they are rules of the engine itself, with the same [`Rule`] metadata as pack rules (ids
//! `F501`..`F504`, listed by `redlint rules`, explained by `redlint explain`, switched off or
//! re-levelled like any other rule). The limits are a [`FormatLimits`], set through
//! [`crate::LinterBuilder::format_limits`] or the `[format]` table of `redlint.toml`.
//!
//! Lengths are counted as the platform counts them ([`Counting::Platform`], the default): a
//! Chinese character, a full-width character or an emoji is one, an ASCII letter, digit, space
//! or half-width punctuation mark half, and a topic's `[话题]#` decoration in a body nothing;
//! [`Counting::Chars`] counts Unicode scalar values instead. The message states the count and
//! the limit (`标题超过字数上限：23/20 字`). The span of a length violation is the overflow (what
//! comes after the limit), so an editor underlines exactly what has to go; the span of an empty
//! body is the whole (blank) body.
//!
//! Hashtags are counted as the platform counts topics: the note's `tags` and the `#话题` in its
//! body, each name once. In a body the platform wrote (its topics carry the `#话题[话题]#`
//! decoration), a `#word` without it is text, not a topic.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::note::Note;
use crate::pack::{Example, Rule};
use crate::span::Span;
use crate::violation::{Category, Field, Message, Severity, Violation};

/// Id of the title-length rule.
pub const TITLE_TOO_LONG: &str = "F501";
/// Id of the body-length rule.
pub const BODY_TOO_LONG: &str = "F502";
/// Id of the hashtag-count rule.
pub const TOO_MANY_TAGS: &str = "F503";
/// Id of the empty-body rule.
pub const EMPTY_BODY: &str = "F504";

/// Where the engine's own rules say they are defined.
pub const ORIGIN: &str = "(engine: src/format.rs)";

/// How the `format` rules count the length of a title or a body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Counting {
    /// As Xiaohongshu counts (the default): a Chinese character, a full-width character or an
    /// emoji (a whole sequence: ZWJ, skin tone, flag, keycap) is one; an ASCII letter, digit,
    /// space or half-width punctuation mark, or any other narrow character, is half; the total
    /// is rounded up. A topic's `[话题]#` decoration in a body is not counted (the editor shows
    /// a topic as `#话题`).
    #[default]
    Platform,
    /// One per Unicode scalar value (code point), every character alike.
    Chars,
}

impl Counting {
    /// The name in `redlint.toml` (`counting = "platform"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Counting::Platform => "platform",
            Counting::Chars => "chars",
        }
    }
}

/// The limits the `format` rules check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FormatLimits {
    /// Most characters in a title (Xiaohongshu: 20), counted as [`FormatLimits::counting`] says.
    pub max_title_chars: usize,
    /// Most characters in a body (Xiaohongshu: 1,000), counted the same way.
    pub max_body_chars: usize,
    /// Most hashtags, from `tags` and `#话题` written in the body (Xiaohongshu: 10).
    pub max_tags: usize,
    /// Whether an empty (or blank) body is reported.
    pub empty_body: bool,
    /// How lengths are counted (default: as the platform counts).
    pub counting: Counting,
    /// Which of the limits a campaign brief set ([`crate::Brief::limits`]): the basis of their
    /// violations names the brief.
    #[serde(skip)]
    pub set_by_brief: BriefLimits,
}

/// Which limits of [`FormatLimits`] a campaign brief set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BriefLimits {
    /// `max_title_chars`.
    pub title: bool,
    /// `max_body_chars`.
    pub body: bool,
    /// `max_tags`.
    pub tags: bool,
}

/// The platform's own limits: most characters in a title and a body, most hashtags.
pub const PLATFORM_LIMITS: (usize, usize, usize) = (20, 1000, 10);

impl Default for FormatLimits {
    fn default() -> Self {
        FormatLimits {
            max_title_chars: PLATFORM_LIMITS.0,
            max_body_chars: PLATFORM_LIMITS.1,
            max_tags: PLATFORM_LIMITS.2,
            empty_body: true,
            counting: Counting::Platform,
            set_by_brief: BriefLimits::default(),
        }
    }
}

fn msg(zh: &str, en: &str) -> Message {
    Message::new(zh, en)
}

/// The basis of the `format` rules: the platform's limits.
const BASIS: &str =
    "小红书笔记发布规范（标题不超过20字、正文不超过1000字、话题数量） / Xiaohongshu note publishing limits";

fn rule(id: &str, name: &str, message: Message, description: Message, examples: &[String], counter: &[String]) -> Rule {
    let basis = BASIS;
    let mut r = Rule::engine(
        id,
        name,
        Category::Format,
        Severity::Warning,
        message,
        description,
        basis,
        ORIGIN,
    );
    r.examples = examples.iter().cloned().map(Example::Text).collect();
    r.counter_examples = counter.iter().cloned().map(Example::Text).collect();
    r
}

/// The four `format` rules, with their default severities.
pub fn rules() -> Vec<Rule> {
    let tags = |n: usize| (0..n).map(|i| format!("#话题{i}")).collect::<Vec<_>>().join(" ");
    let decorated = |n: usize| (0..n).map(|i| format!("#主题{i}[话题]#")).collect::<Vec<_>>().join(" ");
    vec![
        rule(
            TITLE_TOO_LONG,
            "title-too-long",
            msg("标题超过字数上限", "Title is too long"),
            msg(
                "小红书笔记标题最多20个字，超出的部分无法发布或会被截断。按平台的算法计数：汉字、全角字符、emoji 算1个字，英文字母、数字、空格、半角标点算半个，合计向上取整（[format] counting = \"chars\" 改为逐字符计数）。消息给出字数和上限（标题超过字数上限：23/20 字）；span 指向超出上限的部分（最多40个字符，从完整字符簇开始）。修改：精简标题。上限可在 redlint.toml 的 [format] max_title_chars 或 brief 中调整。",
                "A Xiaohongshu title takes at most 20 characters; the rest cannot be published or is cut off. Counted as the platform counts: a Chinese character, a full-width character or an emoji is one, an ASCII letter, digit, space or half-width punctuation mark half, the total rounded up (`counting = \"chars\"` in `[format]` counts every character as one). The message gives the count and the limit (Title is too long: 23/20 characters); the span is the part past the limit (its first 40 characters, starting on a whole grapheme). Fix: shorten the title. The limit is `max_title_chars` in the `[format]` table of redlint.toml, or in a brief.",
            ),
            &[],
            &[],
        ),
        rule(
            BODY_TOO_LONG,
            "body-too-long",
            msg("正文超过字数上限", "Body is too long"),
            msg(
                "小红书笔记正文最多1000个字，计数方法同标题（英文字母、数字、半角标点算半个；话题的 [话题]# 标记不计）。消息给出字数和上限；span 指向超出上限的部分（最多40个字符，从完整字符簇开始）。修改：删减正文或拆成多篇笔记。上限可在 [format] max_body_chars 或 brief 中调整。",
                "A Xiaohongshu body takes at most 1,000 characters, counted as the title is (ASCII letters, digits and half-width punctuation count half; a topic's `[话题]#` decoration does not count). The message gives the count and the limit; the span is the part past the limit (its first 40 characters, starting on a whole grapheme). Fix: cut the body or split the note. The limit is `max_body_chars` in `[format]`, or in a brief.",
            ),
            &["好".repeat(1001), "今天的早餐🍳".repeat(200), "a".repeat(5000)],
            &[
                "好".repeat(1000),
                "今天的早餐🍳".repeat(100),
                "a".repeat(2000),
                "短短一句".to_owned(),
            ],
        ),
        rule(
            TOO_MANY_TAGS,
            "too-many-tags",
            msg("话题标签过多", "Too many hashtags"),
            msg(
                "一篇笔记的话题（tags 字段和正文中的 #话题，同名只算一次）最多10个，堆砌话题会被限流。平台写出的正文里话题带 #话题[话题]# 标记，这时没有标记的 #词 只是文字，不算话题。消息给出话题数和上限；span 指向第一个超出上限的话题。修改：只保留最相关的话题。上限可在 [format] max_tags 或 brief 中调整。",
                "A note takes at most 10 hashtags (its `tags` and the #topics written in the body, each name once); stuffing them gets the note throttled. In a body the platform wrote, whose topics carry the `#话题[话题]#` decoration, a `#word` without it is text, not a topic. The message gives the count and the limit; the span is the first hashtag past the limit. Fix: keep the most relevant ones. The limit is `max_tags` in `[format]`, or in a brief.",
            ),
            &[tags(11), format!("早餐打卡 {}", tags(15)), tags(30)],
            &[
                tags(10),
                format!("{} {}", tags(8), tags(8)),
                "第#1名，排第#2".to_owned(),
                format!("{} {}", decorated(10), tags(5)),
            ],
        ),
        rule(
            EMPTY_BODY,
            "empty-body",
            msg("正文为空", "Empty body"),
            msg(
                "笔记正文为空（或只有空白）。修改：补充正文。可在 [format] 中设 empty_body = false 关闭。",
                "The note has no body (or only blanks). Fix: write one. Switch the check off with `empty_body = false` in `[format]`.",
            ),
            &[String::new(), "  \n ".to_owned(), "\u{3000}".to_owned()],
            &["今天的早餐".to_owned(), "🙂".to_owned(), "#早餐".to_owned()],
        ),
    ]
}

/// The byte offset of the character after the first `chars` characters, if the text is longer.
fn overflow_start(text: &str, chars: usize) -> Option<usize> {
    // a text of at most `chars` bytes has at most `chars` chars: no need to count them
    if text.len() <= chars {
        return None;
    }
    text.char_indices().nth(chars).map(|(i, _)| i)
}

/// How many halves of a character a grapheme is, as the platform counts: an ASCII character
/// (and a CR LF) half, a wide one (Chinese, full-width, an emoji sequence) one, another narrow
/// one half, an invisible one (zero width) nothing.
fn halves(g: &str) -> usize {
    if g.len() == 1 || g == "\r\n" {
        return 1;
    }
    match g.width() {
        0 => 0,
        1 => 1,
        _ => 2,
    }
}

/// What is too long in a field: its length as counted, and where the overflow starts (a byte
/// offset on a grapheme boundary).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TooLong {
    count: usize,
    at: usize,
}

/// Whether `text` is longer than `limit` as `counting` counts, with `skip` (sorted byte ranges,
/// decorations the editor does not show) not counted.
fn too_long(text: &str, limit: usize, counting: Counting, skip: &[Span]) -> Option<TooLong> {
    // every character counts one at most: a text of at most `limit` of them is within it
    if text.len() <= limit || text.chars().count() <= limit {
        return None;
    }
    match counting {
        Counting::Chars => overflow_start(text, limit).map(|at| TooLong {
            count: text.chars().count(),
            at,
        }),
        Counting::Platform => {
            let budget = limit.saturating_mul(2);
            let (mut total, mut at) = (0usize, None);
            let mut skip = skip.iter().peekable();
            for (i, g) in text.grapheme_indices(true) {
                while skip.next_if(|s| s.end <= i).is_some() {}
                if skip.peek().is_some_and(|s| s.start <= i) {
                    continue;
                }
                total += halves(g);
                if at.is_none() && total > budget {
                    at = Some(i);
                }
            }
            at.map(|at| TooLong {
                count: total.div_ceil(2),
                at,
            })
        }
    }
}

/// The most characters of an overflow a violation spans (and echoes in `matched`): a 5 MB
/// body over the limit is reported by the start of what is too much, not copied whole.
pub const MAX_OVERFLOW_SHOWN: usize = 40;

/// The span of the part of `text` from byte `at` (the first character past the limit): it
/// starts on a grapheme boundary (never inside an emoji ZWJ sequence or a base and its marks,
/// so it may start a little before the limit) and holds at most [`MAX_OVERFLOW_SHOWN`]
/// characters.
fn overflow(text: &str, at: usize) -> Span {
    use unicode_segmentation::GraphemeCursor;
    let mut at = at;
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    if !cursor.is_boundary(text, 0).unwrap_or(true) {
        at = cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(at);
    }
    let end = text[at..]
        .char_indices()
        .nth(MAX_OVERFLOW_SHOWN)
        .map_or(text.len(), |(i, _)| at + i);
    let mut cursor = GraphemeCursor::new(end, text.len(), true);
    let end = if cursor.is_boundary(text, 0).unwrap_or(true) {
        end
    } else {
        cursor.next_boundary(text, 0).ok().flatten().unwrap_or(text.len())
    };
    Span::new(at, end)
}

/// A hashtag written in a body.
struct BodyTag<'a> {
    /// Its name (`话题`).
    name: &'a str,
    /// The whole hashtag, decoration included.
    span: Span,
    /// The `[话题]#` decoration the platform writes after a topic's name, if any.
    decoration: Option<Span>,
}

fn scan_hashtags(body: &str) -> Vec<BodyTag<'_>> {
    let mut out = Vec::new();
    // most bodies have no `#` at all: two memchr-speed searches say so
    if !body.contains('#') && !body.contains('＃') {
        return out;
    }
    // only the `#` signs are looked at, not every char of the body
    for (i, sign) in body.match_indices(['#', '＃']) {
        let c = sign.chars().next().unwrap_or('#');
        let prev = body[..i].chars().next_back();
        let starts = prev.is_none_or(|p| !p.is_alphanumeric() && !matches!(p, '#' | '＃' | ']'));
        if !starts {
            continue;
        }
        let from = i + c.len_utf8();
        let rest = &body[from..];
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '#' | '＃' | '[' | ',' | '，' | '。'))
            .unwrap_or(rest.len());
        let name = &rest[..len];
        if name.is_empty() || name.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let mut end = from + len;
        let mut decoration = None;
        // `#话题[话题]#`: take the decoration into the span
        if let Some(deco) = body[end..].strip_prefix('[')
            && let Some(close) = deco.find("]#")
            && !deco[..close].contains(char::is_whitespace)
        {
            decoration = Some(Span::new(end, end + 1 + close + 2));
            end += 1 + close + 2;
        }
        out.push(BodyTag {
            name,
            span: Span::new(i, end),
            decoration,
        });
    }
    out
}

/// Hashtags written in a body: `#` at the start or after a space or punctuation, then a run of characters up
/// to a space, a `#` or a `[` (Xiaohongshu writes `#话题[话题]#`). Digit-only runs (`#1`) are
/// not hashtags. Returns `(tag text, span of the whole hashtag)`.
pub fn body_hashtags(body: &str) -> Vec<(&str, Span)> {
    scan_hashtags(body).into_iter().map(|t| (t.name, t.span)).collect()
}

/// The name a hashtag is counted by: without `#` signs, a `[话题]` decoration or spaces
/// around it, in lower case (`#面霜[话题]#`, `面霜` and `#面霜` are one).
fn tag_name(t: &str) -> String {
    let t = t.trim().trim_start_matches(['#', '＃']).trim_end_matches(['#', '＃']);
    let t = match t.rfind('[') {
        Some(open) if open > 0 && t.ends_with(']') => &t[..open],
        _ => t,
    };
    t.trim().to_lowercase()
}

/// The basis of a `format` violation: the platform's, after the brief's or the project's own
/// limit when that is another one (`what`: the limit's name in the brief and `[format]`).
fn basis(rule: &Rule, limit: usize, platform: usize, from_brief: bool, what: &str) -> String {
    if from_brief {
        format!(
            "campaign brief 上限 / the brief's limit: {what} = {limit}; {}",
            rule.basis
        )
    } else if limit != platform {
        format!("项目设置的上限 / the project's limit: {what} = {limit}; {}", rule.basis)
    } else {
        rule.basis.clone()
    }
}

/// Checks a note's shape; `rule` gives each enabled `format` rule by id.
pub(crate) fn check<'a>(
    note: &Note,
    limits: &FormatLimits,
    rule: impl Fn(&str) -> Option<&'a Rule>,
    out: &mut Vec<Violation>,
) {
    let (title_max, body_max, tags_max) = PLATFORM_LIMITS;
    let from = limits.set_by_brief;
    let mut push = |id: &str, field: Field, span: Span, said: Option<(Message, String)>| {
        let Some(r) = rule(id) else {
            return;
        };
        if !r.applies_to(note.sponsored) {
            return;
        }
        let mut v = r.violation(field, note.field_text(field), span, note.sponsored, None);
        if let Some((message, basis)) = said {
            v.message = message;
            v.basis = basis;
        }
        out.push(v);
    };
    let inline = scan_hashtags(&note.body);
    if let Some(t) = too_long(&note.title, limits.max_title_chars, limits.counting, &[]) {
        let limit = limits.max_title_chars;
        let said = (
            msg(
                &format!("标题超过字数上限：{}/{limit} 字", t.count),
                &format!("Title is too long: {}/{limit} characters", t.count),
            ),
            rule(TITLE_TOO_LONG).map_or_else(String::new, |r| {
                basis(r, limit, title_max, from.title, "max_title_chars")
            }),
        );
        push(TITLE_TOO_LONG, Field::Title, overflow(&note.title, t.at), Some(said));
    }
    let decorations: Vec<Span> = match limits.counting {
        Counting::Platform => inline.iter().filter_map(|t| t.decoration).collect(),
        Counting::Chars => Vec::new(),
    };
    if let Some(t) = too_long(&note.body, limits.max_body_chars, limits.counting, &decorations) {
        let limit = limits.max_body_chars;
        let said = (
            msg(
                &format!("正文超过字数上限：{}/{limit} 字", t.count),
                &format!("Body is too long: {}/{limit} characters", t.count),
            ),
            rule(BODY_TOO_LONG).map_or_else(String::new, |r| basis(r, limit, body_max, from.body, "max_body_chars")),
        );
        push(BODY_TOO_LONG, Field::Body, overflow(&note.body, t.at), Some(said));
    }
    if limits.empty_body && note.body.trim().is_empty() {
        push(EMPTY_BODY, Field::Body, Span::new(0, note.body.len()), None);
    }
    // hashtags: the `tags` list first, then the ones in the body, each name counted once; in a
    // body the platform wrote (its topics decorated), an undecorated `#word` is text
    let platform_text = inline.iter().any(|t| t.decoration.is_some());
    let inline: Vec<&BodyTag<'_>> = inline
        .iter()
        .filter(|t| !platform_text || t.decoration.is_some())
        .collect();
    if note.tags.len() + inline.len() <= limits.max_tags {
        return; // within the limit even if every name is distinct
    }
    let mut seen = HashSet::new();
    let mut first_over = None;
    let listed = note
        .tags
        .iter()
        .enumerate()
        .map(|(i, t)| (tag_name(t), Field::Tag(i), Span::new(0, t.len())));
    let inline = inline.into_iter().map(|t| (tag_name(t.name), Field::Body, t.span));
    for (name, field, span) in listed.chain(inline) {
        if name.is_empty() || !seen.insert(name) {
            continue;
        }
        if seen.len() > limits.max_tags && first_over.is_none() {
            first_over = Some((field, span));
        }
    }
    if let Some((field, span)) = first_over {
        let (count, limit) = (seen.len(), limits.max_tags);
        let said = (
            msg(
                &format!("话题标签过多：{count}/{limit} 个"),
                &format!("Too many hashtags: {count}/{limit}"),
            ),
            rule(TOO_MANY_TAGS).map_or_else(String::new, |r| basis(r, limit, tags_max, from.tags, "max_tags")),
        );
        push(TOO_MANY_TAGS, field, span, Some(said));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_in_a_body() {
        let body = "#护肤 #面霜[话题]# 第#1名 #1 ＃好物,#早八";
        let tags: Vec<&str> = body_hashtags(body).into_iter().map(|(t, _)| t).collect();
        assert_eq!(tags, ["护肤", "面霜", "好物", "早八"]);
        let (_, s) = body_hashtags(body)[1];
        assert_eq!(&body[s.range()], "#面霜[话题]#");
    }

    #[test]
    fn overflow_is_counted_in_chars() {
        assert_eq!(overflow_start("一二三", 3), None);
        assert_eq!(overflow_start("一二三四", 3), Some(9));
    }
}
