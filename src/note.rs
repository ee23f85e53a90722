//! The input: a [`Note`], and reading one from a plain-text file with a front-matter header.

use serde::{Deserialize, Deserializer, Serialize};

/// A Xiaohongshu note as it will be published.
///
/// Every field is optional on input (a missing or `null` field is empty) and unknown fields are
/// ignored, so records from any pipeline deserialize as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The pipeline's own id, echoed back in reports (a string or a number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// The title (Xiaohongshu allows 20 characters).
    #[serde(default, deserialize_with = "null_as_default")]
    pub title: String,
    /// The body text.
    #[serde(default, deserialize_with = "null_as_default")]
    pub body: String,
    /// Hashtags, without or with their leading `#`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub tags: Vec<String>,
    /// Whether the note is declared as sponsored (品牌合作 / 广告). The law binds commercial
    /// notes, so several rules are more severe in a sponsored note.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sponsored: bool,
}

fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

impl Note {
    /// A note with only a body.
    pub fn from_body(body: impl Into<String>) -> Note {
        Note {
            body: body.into(),
            ..Note::default()
        }
    }

    /// The text of one field (empty for a tag index that does not exist).
    pub fn field_text(&self, field: crate::Field) -> &str {
        match field {
            crate::Field::Title => &self.title,
            crate::Field::Body => &self.body,
            crate::Field::Tag(i) => self.tags.get(i).map_or("", String::as_str),
        }
    }

    /// Builder-style: sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Note {
        self.title = title.into();
        self
    }

    /// Builder-style: sets the tags.
    pub fn with_tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Note {
        self.tags = tags.into_iter().map(Into::into).collect();
        self
    }

    /// Builder-style: declares the note sponsored or not.
    pub fn sponsored(mut self, sponsored: bool) -> Note {
        self.sponsored = sponsored;
        self
    }

    /// Reads a plain-text or Markdown note. An optional front-matter header between two `---`
    /// lines at the very top sets `title`, `tags` (`[a, b]` or `a, b`, `#` optional) and
    /// `sponsored` (`true`/`false`/`yes`/`no`); other keys are ignored. The rest is the body.
    ///
    /// ```
    /// let text = "---\ntitle: 早餐打卡\ntags: [早餐, 打卡]\nsponsored: false\n---\n燕麦加牛奶";
    /// let parsed = redlint::Note::from_text(text).unwrap();
    /// assert_eq!(parsed.note.title, "早餐打卡");
    /// assert_eq!(parsed.note.tags, ["早餐", "打卡"]);
    /// assert_eq!(parsed.note.body, "燕麦加牛奶");
    /// assert_eq!(&text[parsed.body_offset..], "燕麦加牛奶");
    /// ```
    pub fn from_text(text: &str) -> Result<TextNote, FrontMatterError> {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let text = &text[bom..];
        let Some(after_open) = strip_fence(text) else {
            return Ok(TextNote {
                note: Note::from_body(text),
                body_offset: bom,
                title_line: None,
                tag_lines: Vec::new(),
            });
        };
        let mut note = Note::default();
        let mut offset = text.len() - after_open.len();
        let mut title_line = None;
        let mut tag_lines = Vec::new();
        for (n, line) in after_open.split_inclusive('\n').enumerate() {
            let line_no = n + 2;
            offset += line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            if content.trim_end() == "---" {
                note.body = text[offset..].to_owned();
                return Ok(TextNote {
                    note,
                    body_offset: bom + offset,
                    title_line,
                    tag_lines,
                });
            }
            let Some((key, value)) = content.split_once(':') else {
                if content.trim().is_empty() || content.trim_start().starts_with('#') {
                    continue;
                }
                return Err(FrontMatterError {
                    line: line_no,
                    message: format!("expected `key: value`, found `{content}`"),
                });
            };
            let value = value.trim();
            match key.trim() {
                "title" => {
                    note.title = unquote(value).to_owned();
                    title_line = Some(line_no);
                }
                "tags" => {
                    let list = value.trim_start_matches('[').trim_end_matches(']');
                    note.tags = list
                        .split([',', '，'])
                        .map(|t| unquote(t.trim()).trim_start_matches('#').trim().to_owned())
                        .filter(|t| !t.is_empty())
                        .collect();
                    tag_lines = vec![line_no; note.tags.len()];
                }
                "sponsored" => {
                    note.sponsored = match unquote(value).to_ascii_lowercase().as_str() {
                        "true" | "yes" | "1" => true,
                        "false" | "no" | "0" | "" => false,
                        other => {
                            return Err(FrontMatterError {
                                line: line_no,
                                message: format!("`sponsored` must be true or false, found `{other}`"),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        Err(FrontMatterError {
            line: 1,
            message: "front matter opened with `---` is never closed".to_owned(),
        })
    }
}

fn strip_fence(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.strip_prefix('\r').unwrap_or(rest);
    rest.strip_prefix('\n')
}

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

/// A note read from a text file, with where its parts were in that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextNote {
    /// The note.
    pub note: Note,
    /// Byte offset of the body in the file's text.
    pub body_offset: usize,
    /// 1-based line of the `title:` key, when there is one.
    pub title_line: Option<usize>,
    /// 1-based line of each tag's `tags:` key.
    pub tag_lines: Vec<usize>,
}

/// A front-matter header that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct FrontMatterError {
    /// 1-based line in the file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_fields_are_optional_and_unknown_ones_ignored() {
        let n: Note = serde_json::from_str(r#"{"body":"x","extra":1,"tags":null}"#).unwrap();
        assert_eq!(n, Note::from_body("x"));
        let n: Note = serde_json::from_str(r#"{}"#).unwrap();
        assert_eq!(n, Note::default());
        let n: Note = serde_json::from_str(r#"{"id":7,"title":"t","sponsored":true,"tags":["a"]}"#).unwrap();
        assert_eq!(n.id, Some(serde_json::json!(7)));
        assert!(n.sponsored);
        assert!(serde_json::from_str::<Note>(r#"{"tags":"a"}"#).is_err());
    }

    #[test]
    fn plain_text_is_all_body() {
        let t = Note::from_text("最好用的面霜\n第二行").unwrap();
        assert_eq!(t.note.body, "最好用的面霜\n第二行");
        assert_eq!(t.body_offset, 0);
        // a lone `---` that is not at the top is body text
        let t = Note::from_text("a\n---\nb").unwrap();
        assert_eq!(t.note.body, "a\n---\nb");
    }

    #[test]
    fn front_matter_with_crlf_and_quotes() {
        let text = "---\r\ntitle: \"标题\"\r\ntags: #好物, '护肤'，早餐\r\nsponsored: yes\r\ndate: 2026\r\n---\r\n正文";
        let t = Note::from_text(text).unwrap();
        assert_eq!(t.note.title, "标题");
        assert_eq!(t.note.tags, ["好物", "护肤", "早餐"]);
        assert!(t.note.sponsored);
        assert_eq!(t.note.body, "正文");
        assert_eq!(&text[t.body_offset..], "正文");
        assert_eq!(t.title_line, Some(2));
    }

    #[test]
    fn broken_front_matter_is_an_error_with_a_line() {
        let e = Note::from_text("---\ntitle: x\nsponsored: maybe\n---\n").unwrap_err();
        assert_eq!(e.line, 3);
        let e = Note::from_text("---\ntitle: x\n").unwrap_err();
        assert!(e.message.contains("never closed"));
        let e = Note::from_text("---\njust words\n---\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
