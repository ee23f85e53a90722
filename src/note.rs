//! The input: a [`Note`], and reading one from a plain-text file with a front-matter header.

use serde::{Deserialize, Deserializer, Serialize};

use crate::span::Span;
use crate::violation::Field;

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
    /// Hashtags, without or with their leading `#`. On input a single string is one tag, and
    /// numbers in the list are taken as text: an odd side field never costs a note its body.
    #[serde(default, deserialize_with = "lenient_tags")]
    pub tags: Vec<String>,
    /// Whether the note is declared as sponsored (品牌合作 / 广告). The law binds commercial
    /// notes, so several rules are more severe in a sponsored note. On input `true`/`false`,
    /// `1`/`0` and the strings `"true"`, `"yes"`, `"1"` (and their negatives) are read.
    #[serde(default, deserialize_with = "lenient_flag")]
    pub sponsored: bool,
    /// The note's pictures, in order: paths (in a JSON note or a front matter, relative to the
    /// file that holds the note) or, from the library, bytes. Read by the `images` feature.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<ImageSource>,
}

/// Where one of a note's pictures comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ImageSource {
    /// A file (JPEG, PNG or WebP), as the note names it.
    Path(std::path::PathBuf),
    /// The image's bytes.
    Bytes(Vec<u8>),
}

impl ImageSource {
    /// How a report names it: the path as written, or `<N bytes>`.
    pub fn name(&self) -> String {
        match self {
            ImageSource::Path(p) => p.display().to_string(),
            ImageSource::Bytes(b) => format!("<{} bytes>", b.len()),
        }
    }
}

fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Tags as pipelines write them: a list of strings (or numbers), one string, or nothing.
fn lenient_tags<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    use serde::de::Error;
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::Array(items) => items
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| text(v).ok_or_else(|| D::Error::custom("`tags` holds something that is not text")))
            .collect(),
        serde_json::Value::Object(_) => Err(D::Error::custom("`tags` must be a list of strings, not an object")),
        scalar => Ok(text(&scalar).into_iter().collect()),
    }
}

/// A yes/no flag as pipelines write it.
fn lenient_flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    use serde::de::Error;
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => Ok(false),
        serde_json::Value::Bool(b) => Ok(b),
        serde_json::Value::Number(n) if n.as_f64() == Some(0.0) => Ok(false),
        serde_json::Value::Number(n) if n.as_f64() == Some(1.0) => Ok(true),
        serde_json::Value::String(s) => match s.trim().to_lowercase().as_str() {
            "true" | "yes" | "1" | "y" | "是" => Ok(true),
            "false" | "no" | "0" | "n" | "否" | "" => Ok(false),
            other => Err(D::Error::custom(format!(
                "`sponsored` must be true or false, not \"{other}\""
            ))),
        },
        other => Err(D::Error::custom(format!(
            "`sponsored` must be true or false, not {other}"
        ))),
    }
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
            // an image's text is what was read in it: see `report::NoteReport::field_text`
            crate::Field::Image(_) => "",
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

    /// Builder-style: adds a picture (a path or bytes).
    pub fn with_image(mut self, image: impl Into<ImageSource>) -> Note {
        self.images.push(image.into());
        self
    }

    /// Builder-style: declares the note sponsored or not.
    pub fn sponsored(mut self, sponsored: bool) -> Note {
        self.sponsored = sponsored;
        self
    }

    /// Whether a JSON note object says whether it is sponsored (has a non-null `sponsored`),
    /// so that a default (`sponsored` in `redlint.toml`) applies only to notes that do not.
    ///
    /// ```
    /// assert!(redlint::Note::json_declares_sponsored(r#"{"body":"x","sponsored":false}"#));
    /// assert!(!redlint::Note::json_declares_sponsored(r#"{"body":"sponsored"}"#));
    /// ```
    pub fn json_declares_sponsored(json: &str) -> bool {
        #[derive(Deserialize)]
        struct Declared {
            #[serde(default)]
            sponsored: Option<serde::de::IgnoredAny>,
        }
        json.contains("\"sponsored\"") && serde_json::from_str::<Declared>(json).is_ok_and(|d| d.sponsored.is_some())
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
                title_span: None,
                tag_spans: Vec::new(),
                sponsored_line: None,
            });
        };
        let mut note = Note::default();
        let mut offset = text.len() - after_open.len();
        let mut title_line = None;
        let mut tag_lines = Vec::new();
        let mut title_span = None;
        let mut tag_spans = Vec::new();
        // where a slice of `text` starts in the file (the BOM included)
        let at = |part: &str| Span::new(0, part.len()).shift(bom + (part.as_ptr() as usize - text.as_ptr() as usize));
        let mut sponsored_line = None;
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
                    title_span,
                    tag_spans,
                    sponsored_line,
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
                    let title = unquote(value);
                    note.title = title.to_owned();
                    title_line = Some(line_no);
                    title_span = Some(at(title));
                }
                "tags" => {
                    let list = value.trim_start_matches('[').trim_end_matches(']');
                    let tags: Vec<&str> = list
                        .split([',', '，'])
                        .map(|t| unquote(t.trim()).trim_start_matches('#').trim())
                        .filter(|t| !t.is_empty())
                        .collect();
                    note.tags = tags.iter().map(|t| (*t).to_owned()).collect();
                    tag_lines = vec![line_no; note.tags.len()];
                    tag_spans = tags.iter().map(|t| at(t)).collect();
                }
                "images" => {
                    let list = value.trim_start_matches('[').trim_end_matches(']');
                    note.images = list
                        .split([',', '，'])
                        .map(|t| unquote(t.trim()))
                        .filter(|t| !t.is_empty())
                        .map(|t| ImageSource::Path(t.into()))
                        .collect();
                }
                "sponsored" => {
                    sponsored_line = Some(line_no);
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

impl From<std::path::PathBuf> for ImageSource {
    fn from(p: std::path::PathBuf) -> ImageSource {
        ImageSource::Path(p)
    }
}

impl From<&std::path::Path> for ImageSource {
    fn from(p: &std::path::Path) -> ImageSource {
        ImageSource::Path(p.to_path_buf())
    }
}

impl From<&str> for ImageSource {
    fn from(p: &str) -> ImageSource {
        ImageSource::Path(p.into())
    }
}

impl From<Vec<u8>> for ImageSource {
    fn from(b: Vec<u8>) -> ImageSource {
        ImageSource::Bytes(b)
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
    /// Byte range of the title's value in the file's text (inside its quotes, if any).
    pub title_span: Option<Span>,
    /// Byte range of each tag in the file's text (without its `#` and quotes).
    pub tag_spans: Vec<Span>,
    /// 1-based line of the `sponsored:` key, when the note says whether it is sponsored.
    pub sponsored_line: Option<usize>,
}

impl TextNote {
    /// Where a span of one of the note's fields lies in the file's text: the body follows
    /// `body_offset`, the title and the tags sit on their front-matter lines. `None` for a
    /// title or a tag the file does not have.
    ///
    /// ```
    /// use redlint::{Linter, Note};
    ///
    /// let text = "---\ntitle: 全网最低价\ntags: [好物, 第一名]\n---\n这是最好用的面霜";
    /// let parsed = Note::from_text(text).unwrap();
    /// for v in Linter::builtin().lint(&parsed.note) {
    ///     let span = parsed.file_span(v.field, v.span).unwrap();
    ///     assert_eq!(&text[span.range()], v.matched); // the user's own characters, in the file
    /// }
    /// ```
    pub fn file_span(&self, field: Field, span: Span) -> Option<Span> {
        let start = match field {
            Field::Body => self.body_offset,
            Field::Title => self.title_span?.start,
            Field::Tag(i) => self.tag_spans.get(i)?.start,
            Field::Image(_) => return None,
        };
        Some(span.shift(start))
    }
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
        // what is unambiguous is read: one tag as a string, numbers as text, flags as words
        let n: Note = serde_json::from_str(r#"{"tags":"护肤","sponsored":"yes"}"#).unwrap();
        assert_eq!((n.tags, n.sponsored), (vec!["护肤".to_owned()], true));
        let n: Note = serde_json::from_str(r#"{"tags":42,"body":"x"}"#).unwrap();
        assert_eq!((n.tags, n.body), (vec!["42".to_owned()], "x".to_owned()));
        let n: Note = serde_json::from_str(r#"{"tags":["a",7,null]}"#).unwrap();
        assert_eq!(n.tags, ["a", "7"]);
        assert!(serde_json::from_str::<Note>(r#"{"tags":{"a":1}}"#).is_err());
        assert!(serde_json::from_str::<Note>(r#"{"sponsored":"maybe"}"#).is_err());
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
        let t = Note::from_text("---\nimages: [cover.jpg, 'b c.png']\n---\nx").unwrap();
        assert_eq!(
            t.note.images,
            [ImageSource::from("cover.jpg"), ImageSource::from("b c.png")]
        );
        let n: Note = serde_json::from_str(r#"{"images":["a.webp"],"body":"x"}"#).unwrap();
        assert_eq!(n.images, [ImageSource::from("a.webp")]);
    }

    #[test]
    fn field_spans_point_at_the_values_in_the_file() {
        let text = "\u{feff}---\r\ntitle:  \"🙂最好\" \r\ntags: [#好物, '第一名'，👩‍👩‍👧]\r\n---\r\n正文";
        let t = Note::from_text(text).unwrap();
        assert_eq!(&text[t.title_span.unwrap().range()], "🙂最好");
        let tags: Vec<&str> = t.tag_spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(tags, ["好物", "第一名", "👩‍👩‍👧"]);
        let best = Span::new(4, 10); // 最好 inside the title
        assert_eq!(&text[t.file_span(Field::Title, best).unwrap().range()], "最好");
        assert_eq!(
            &text[t.file_span(Field::Tag(1), Span::new(0, 6)).unwrap().range()],
            "第一"
        );
        assert_eq!(&text[t.file_span(Field::Body, Span::new(0, 3)).unwrap().range()], "正");
        assert_eq!(t.file_span(Field::Tag(3), Span::new(0, 1)), None);
        let plain = Note::from_text("\u{feff}最好").unwrap();
        assert_eq!(plain.file_span(Field::Body, Span::new(0, 3)), Some(Span::new(3, 6)));
        assert_eq!(plain.file_span(Field::Title, Span::new(0, 3)), None);
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
