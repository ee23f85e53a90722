//! Note-format limits, the `format` category: a title over 20 characters, a body over 1,000
//! characters, too many hashtags, an empty body.
//!
//! These are checks of a note's shape, not of its words, so they cannot be written as a rule
//! pack; they are rules of the engine itself, with the same [`Rule`] metadata as pack rules (ids
//! `F501`..`F504`, listed by `redlint rules`, explained by `redlint explain`, switched off or
//! re-levelled like any other rule). The limits are a [`FormatLimits`], set through
//! [`crate::LinterBuilder::format_limits`] or the `[format]` table of `redlint.toml`.
//!
//! Lengths are counted in characters (Unicode scalar values). The span of a length violation
//! is the overflow (the characters after the limit), so an editor underlines exactly what has
//! to go; the span of an empty body is the whole (blank) body.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

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

/// The limits the `format` rules check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FormatLimits {
    /// Most characters in a title (Xiaohongshu: 20).
    pub max_title_chars: usize,
    /// Most characters in a body (Xiaohongshu: 1,000).
    pub max_body_chars: usize,
    /// Most hashtags, from `tags` and `#话题` written in the body (Xiaohongshu: 10).
    pub max_tags: usize,
    /// Whether an empty (or blank) body is reported.
    pub empty_body: bool,
}

impl Default for FormatLimits {
    fn default() -> Self {
        FormatLimits {
            max_title_chars: 20,
            max_body_chars: 1000,
            max_tags: 10,
            empty_body: true,
        }
    }
}

fn msg(zh: &str, en: &str) -> Message {
    Message::new(zh, en)
}

fn rule(id: &str, name: &str, message: Message, description: Message, examples: &[String], counter: &[String]) -> Rule {
    let basis = "小红书笔记发布规范（标题不超过20字、正文不超过1000字、话题数量） / Xiaohongshu note publishing limits";
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
    vec![
        rule(
            TITLE_TOO_LONG,
            "title-too-long",
            msg("标题超过字数上限", "Title is too long"),
            msg(
                "小红书笔记标题最多20个字符，超出的部分无法发布或会被截断。span 指向超出上限的部分（最多40个字符，从完整字符簇开始）。修改：精简标题。上限可在 redlint.toml 的 [format] max_title_chars 中调整。",
                "A Xiaohongshu title takes at most 20 characters; the rest cannot be published or is cut off. The span is the part past the limit (its first 40 characters, starting on a whole grapheme). Fix: shorten the title. The limit is `max_title_chars` in the `[format]` table of redlint.toml.",
            ),
            &[],
            &[],
        ),
        rule(
            BODY_TOO_LONG,
            "body-too-long",
            msg("正文超过字数上限", "Body is too long"),
            msg(
                "小红书笔记正文最多1000个字符。span 指向超出上限的部分（最多40个字符，从完整字符簇开始）。修改：删减正文或拆成多篇笔记。上限可在 [format] max_body_chars 中调整。",
                "A Xiaohongshu body takes at most 1,000 characters. The span is the part past the limit (its first 40 characters, starting on a whole grapheme). Fix: cut the body or split the note. The limit is `max_body_chars` in `[format]`.",
            ),
            &["好".repeat(1001), "今天的早餐🍳".repeat(200), "a".repeat(5000)],
            &["好".repeat(1000), "今天的早餐🍳".repeat(100), "短短一句".to_owned()],
        ),
        rule(
            TOO_MANY_TAGS,
            "too-many-tags",
            msg("话题标签过多", "Too many hashtags"),
            msg(
                "一篇笔记的话题（tags 字段和正文中的 #话题）最多10个，堆砌话题会被限流。span 指向第一个超出上限的话题。修改：只保留最相关的话题。上限可在 [format] max_tags 中调整。",
                "A note takes at most 10 hashtags (its `tags` and the #topics written in the body); stuffing them gets the note throttled. The span is the first hashtag past the limit. Fix: keep the most relevant ones. The limit is `max_tags` in `[format]`.",
            ),
            &[tags(11), format!("早餐打卡 {}", tags(15)), tags(30)],
            &[
                tags(10),
                format!("{} {}", tags(8), tags(8)),
                "第#1名，排第#2".to_owned(),
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

/// The most characters of an overflow a violation spans (and echoes in `matched`): a 5 MB
/// body over the limit is reported by the start of what is too much, not copied whole.
pub const MAX_OVERFLOW_SHOWN: usize = 40;

/// The span of the part of `text` past `chars` characters, if any: it starts on a grapheme
/// boundary (never inside an emoji ZWJ sequence or a base and its marks, so it may start a
/// little before the limit) and holds at most [`MAX_OVERFLOW_SHOWN`] characters.
fn overflow(text: &str, chars: usize) -> Option<Span> {
    use unicode_segmentation::GraphemeCursor;
    let mut at = overflow_start(text, chars)?;
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
    Some(Span::new(at, end))
}

/// Hashtags written in a body: `#` at the start or after a space or punctuation, then a run of characters up
/// to a space, a `#` or a `[` (Xiaohongshu writes `#话题[话题]#`). Digit-only runs (`#1`) are
/// not hashtags. Returns `(tag text, span of the whole hashtag)`.
pub fn body_hashtags(body: &str) -> Vec<(&str, Span)> {
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
        // `#话题[话题]#`: take the decoration into the span
        if let Some(deco) = body[end..].strip_prefix('[')
            && let Some(close) = deco.find("]#")
            && !deco[..close].contains(char::is_whitespace)
        {
            end += 1 + close + 2;
        }
        out.push((name, Span::new(i, end)));
    }
    out
}

/// Checks a note's shape; `rule` gives each enabled `format` rule by id.
pub(crate) fn check<'a>(
    note: &Note,
    limits: &FormatLimits,
    rule: impl Fn(&str) -> Option<&'a Rule>,
    out: &mut Vec<Violation>,
) {
    let mut push = |id: &str, field: Field, span: Span| {
        let Some(r) = rule(id) else {
            return;
        };
        if !r.applies_to(note.sponsored) {
            return;
        }
        out.push(r.violation(field, note.field_text(field), span, note.sponsored, None));
    };
    if let Some(span) = overflow(&note.title, limits.max_title_chars) {
        push(TITLE_TOO_LONG, Field::Title, span);
    }
    if let Some(span) = overflow(&note.body, limits.max_body_chars) {
        push(BODY_TOO_LONG, Field::Body, span);
    }
    if limits.empty_body && note.body.trim().is_empty() {
        push(EMPTY_BODY, Field::Body, Span::new(0, note.body.len()));
    }
    // hashtags: the `tags` list first, then the ones in the body, each name counted once
    let inline = body_hashtags(&note.body);
    if note.tags.len() + inline.len() <= limits.max_tags {
        return; // within the limit even if every name is distinct
    }
    let mut seen = HashSet::new();
    let mut count = 0;
    let norm = |t: &str| t.trim().trim_start_matches(['#', '＃']).to_lowercase();
    let listed = note
        .tags
        .iter()
        .enumerate()
        .map(|(i, t)| (norm(t), Field::Tag(i), Span::new(0, t.len())));
    let inline = inline.into_iter().map(|(t, s)| (norm(t), Field::Body, s));
    for (name, field, span) in listed.chain(inline) {
        if name.is_empty() || !seen.insert(name) {
            continue;
        }
        count += 1;
        if count > limits.max_tags {
            push(TOO_MANY_TAGS, field, span);
            break;
        }
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
