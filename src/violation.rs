//! What the linter reports: [`Violation`] and the small types it is made of.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::span::Span;

/// Declares a closed string enum whose `as_str` is the one source of truth for its names:
/// `Display`, `FromStr`, `Serialize` and `Deserialize` all go through it.
macro_rules! string_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable kebab-case name used in packs, config files and every output format.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                // names are lowercase ASCII; `Warning` and `WARNING` mean `warning`
                match s.to_ascii_lowercase().as_str() {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownName {
                        kind: stringify!($name),
                        given: s.to_owned(),
                        expected: &[$($text,)+],
                    }),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A name that is not one of a string enum's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {} `{given}` (expected one of: {})", kind.to_lowercase(), expected.join(", "))]
pub struct UnknownName {
    kind: &'static str,
    given: String,
    expected: &'static [&'static str],
}

string_enum! {
    /// What kind of rule a violation breaks.
    pub enum Category {
        /// Absolute, superlative, medical and guarantee claims (Advertising Law art. 9, 16-18, 28).
        BannedWord => "banned-word",
        /// Tobacco, e-cigarettes, injectables, prescription drugs, counterfeits, alcohol promotion.
        ProhibitedProduct => "prohibited-product",
        /// Contacts and pointers that take readers off the platform (引流).
        OffPlatform => "off-platform",
        /// Hard-sell calls to action and undeclared sponsorship.
        Advertorial => "advertorial",
        /// The note's own shape: length of title and body, number of tags.
        Format => "format",
        /// What a campaign brief asks for: keywords, hashtags, disclosure, forbidden names.
        Brief => "brief",
    }
}

impl Category {
    /// The letter every rule id of the category starts with (`B101`, `P201`, `O301`, `A401`,
    /// `F501`, `C601`: C for campaign).
    pub const fn letter(self) -> char {
        match self {
            Category::BannedWord => 'B',
            Category::ProhibitedProduct => 'P',
            Category::OffPlatform => 'O',
            Category::Advertorial => 'A',
            Category::Format => 'F',
            Category::Brief => 'C',
        }
    }
}

string_enum! {
    /// How serious a violation is. Ordered: `Info < Warning < Error`.
    pub enum Severity {
        /// Worth knowing; does not block publishing.
        Info => "info",
        /// Likely to be limited or taken down by the platform.
        Warning => "warning",
        /// Breaks the law or a hard platform rule.
        Error => "error",
    }
}

/// Which part of a note a violation lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The note's title.
    Title,
    /// The note's body.
    Body,
    /// The hashtag with this 0-based index in [`crate::Note::tags`].
    Tag(usize),
    /// The text read in the image with this 0-based index in [`crate::Note::images`] (its
    /// recognised lines joined by `\n`).
    Image(usize),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Title => f.write_str("title"),
            Field::Body => f.write_str("body"),
            Field::Tag(i) => write!(f, "tags[{i}]"),
            Field::Image(i) => write!(f, "images[{i}]"),
        }
    }
}

impl FromStr for Field {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "title" => Ok(Field::Title),
            "body" => Ok(Field::Body),
            _ => {
                let index = |prefix: &str| {
                    s.strip_prefix(prefix)
                        .and_then(|r| r.strip_suffix(']'))
                        .and_then(|n| n.parse().ok())
                };
                index("tags[")
                    .map(Field::Tag)
                    .or_else(|| index("images[").map(Field::Image))
                    .ok_or_else(|| format!("unknown field `{s}` (expected title, body, tags[N] or images[N])"))
            }
        }
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A message in both languages redlint speaks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Message {
    /// A message from its two texts.
    pub fn new(zh: &str, en: &str) -> Message {
        Message {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

string_enum! {
    /// Language of messages in human-facing output.
    pub enum Lang {
        /// 中文.
        Zh => "zh",
        /// English.
        En => "en",
    }
}

/// A proposed edit of a violation's span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The text that replaces the violation's span (empty: delete it).
    pub replacement: String,
    /// Whether applying it automatically keeps the note's meaning (`redlint fix` applies only
    /// safe ones unless told `--unsafe`).
    pub safe: bool,
}

/// One problem found in a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// Stable rule code, e.g. `B101`.
    pub rule: String,
    /// The rule's kebab-case name, e.g. `superlative-claim`.
    pub name: String,
    /// The rule's category.
    pub category: Category,
    /// Severity for this note (depends on whether the note is sponsored).
    pub severity: Severity,
    /// The part of the note the span points into.
    pub field: Field,
    /// Byte range into the field's ORIGINAL text.
    #[serde(flatten)]
    pub span: Span,
    /// Exactly `field_text[span]`.
    pub matched: String,
    /// What is wrong, in both languages.
    pub message: Message,
    /// The law article or platform rule this rests on.
    pub basis: String,
    /// Proposed rewrites of the span.
    pub suggestions: Vec<Suggestion>,
    /// When the span is a term written in disguise: the term it was read as, and how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
    /// When the note's context changed the rule's severity: why (`no product in this
    /// sentence`, `sponsored note`, `several hits stacked up`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Message>,
    /// The typed reason behind `context` (not serialized: the message is).
    #[serde(skip)]
    pub why: Option<Why>,
    /// For a `brief` violation: the brief item it is about, as the brief writes it (`面霜`,
    /// `保湿 / 补水` for a group of synonyms), so a batch can count the notes missing each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// For a violation in an image: where it stands, `[x, y, width, height]` in the image's
    /// pixels.
    #[serde(default, rename = "box", skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[u32; 4]>,
}

/// How a disguised span was read: `威❤信` read as `微信` by sound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    /// The term, as the pack writes it (folded).
    pub term: String,
    /// How it was written: `sound` (a same-sounding character), `pinyin`, `initials`, `emoji`,
    /// `spaced` (set apart by spaces, symbols or emoji), `folded` (full-width, case,
    /// traditional or compatibility forms).
    pub how: Vec<String>,
}

/// Why the note's context changed a violation's severity: a typed reason, with the
/// bilingual message the output shows ([`Violation::context`](Violation::context)).
/// The engine decides on these, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Why {
    /// No product, brand, shop or price in the sentence of a claim, in a note that promotes
    /// nothing: lowered to info.
    NoProduct,
    /// A product mentioned but recommended to nobody in its clause: lowered to info.
    NotPromoted,
    /// A person's illness or care, with no product or efficacy claim: lowered to info.
    IllnessStory,
    /// A word with an everyday sense besides the rule's (恰饭: eating) in a note that promotes
    /// nothing: read in that sense, lowered to info.
    Everyday,
    /// A reader urged to buy (快去买, 赶紧囤) in a note that sells nothing itself (no link,
    /// cart, coupon, price mechanics or contact): a reviewer's enthusiasm, lowered to info.
    Urged,
    /// A sale told but nobody called to it (清仓, 先到先得), with nothing else of its category
    /// at warning or above in the note: lowered to info.
    Alone,
    /// The note warns or reports (避雷, 被骗, a professional's warning, news): a product, a
    /// claim or a contact quoted in it is information: lowered to info.
    Warns,
    /// The word is quoted as a word, not used: in a list of quoted words or after words about
    /// words (不要写“最好”“第一”, 禁用“药妆”), as a compliance lesson lists what it warns
    /// against: lowered to info.
    Quoted,
    /// The note promotes something (a product, a price, 推荐, 测评): a claim anywhere in it
    /// counts, with or without a product in its own sentence.
    Promotes,
    /// The effect told is a prohibited product's (a drug, an injection, a procedure) that the
    /// note is flagged for: reported as that product, the effect lowered to info.
    ProductsEffect,
    /// Lowered by its own sentence's reading (no product there, recommended to nobody, an
    /// illness told, a warning note, an everyday sense, a reader urged), or a mention reported
    /// at info, in a note that stands by another violation of its category at warning or above:
    /// the note makes claims, sells the thing or redirects, and this is one more: raised to its
    /// rule's level, warning at least.
    Kindred,
    /// The note is declared sponsored: the stricter level applies.
    Sponsored,
    /// `count` hits of one category or more stacked up in the note: raised to `to`.
    Stacked {
        /// The pack's `escalate.count`.
        count: usize,
        /// The pack's `escalate.to`.
        to: Severity,
    },
}

impl Why {
    /// The message shown for this reason.
    pub fn message(self) -> Message {
        let (zh, en): (String, String) = match self {
            Why::NoProduct => (
                "句中没有商品、品牌、店铺或价格，不构成广告宣称，降为提示".into(),
                "no product, brand, shop or price in this sentence: not an advertising claim, lowered to info".into(),
            ),
            Why::NotPromoted => (
                "句中没有向读者推荐（推荐、这款、回购、价格、购买渠道），按日常分享降为提示".into(),
                "nothing recommended to readers in this sentence (推荐, 这款, 回购, a price, where to buy): lowered to info"
                    .into(),
            ),
            Why::Urged => (
                "只是催读者去买（快去买、赶紧囤），整篇笔记没有链接、购物车、优惠、价格话术或联系方式等售卖信息，按个人推荐降为提示".into(),
                "a reader urged to buy (快去买, 赶紧囤) in a note that sells nothing itself (no link, cart, coupon, price mechanics or contact): a reviewer's enthusiasm, lowered to info"
                    .into(),
            ),
            Why::Alone => (
                "只是说明在清仓或先到先得，没有叫读者购买，笔记里也没有其他同类违规，降为提示".into(),
                "a sale told (清仓, 先到先得) with no call to buy and nothing else of its kind in the note: lowered to info"
                    .into(),
            ),
            Why::Everyday => (
                "这个词日常另有意思（恰饭：吃饭），整篇笔记没有推荐任何东西，按日常用法降为提示".into(),
                "a word with an everyday sense (恰饭: eating) in a note that promotes nothing: read in that sense, lowered to info"
                    .into(),
            ),
            Why::IllnessStory => (
                "句中是个人病情或就医经历，没有商品或功效宣称，降为提示".into(),
                "a person's illness or treatment, with no product or efficacy claim: lowered to info".into(),
            ),
            Why::Warns => (
                "整篇笔记是提醒、避雷、曝光或受骗经历，文中提到的商品、说法或联系方式属于信息而非推广，降为提示".into(),
                "the note warns or reports (避雷, 被骗, 提醒, news): what it quotes is information, not promotion: lowered to info"
                    .into(),
            ),
            Why::Quoted => (
                "这个词加了引号、与其他引号词并列或跟在“不要写”“比如”之后，是在谈论这个词本身而不是使用它，降为提示".into(),
                "the word is quoted as a word (a list of quoted words, or after 不要写, 比如): talked about, not used: lowered to info"
                    .into(),
            ),
            Why::Promotes => (
                "整篇笔记在推荐或评测商品（标题、话题或正文提到商品、价格、推荐），宣称不论在哪句都算数".into(),
                "the note promotes or reviews something (a product, price or recommendation in its title, tags or body): a claim anywhere in it counts"
                    .into(),
            ),
            Why::ProductsEffect => (
                "所述功效属于笔记中已标出的违禁商品（药品、针剂、医美项目），按该商品处理，功效降为提示".into(),
                "the effect told is that of a prohibited product flagged in the note (a drug, an injection, a procedure): reported as that product, lowered to info"
                    .into(),
            ),
            Why::Kindred => (
                "笔记里已有同类问题被判为警告或错误（在作宣称、推销或引流），这一处同样算数，不再按所在句子降级".into(),
                "the note already stands by another violation of this category at warning or above (it claims, sells or redirects): this one counts too, not lowered for its own sentence"
                    .into(),
            ),
            Why::Sponsored => (
                "赞助笔记属于商业广告，按广告法从严".into(),
                "a sponsored note is advertising: the stricter level applies".into(),
            ),
            Why::Stacked { count, .. } => (
                format!("同类问题在一篇笔记中出现{count}处以上，升级"),
                format!("{count} or more hits of this category in one note: raised"),
            ),
        };
        Message { zh, en }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde_and_from_str() {
        for c in Category::ALL {
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), *c);
            assert_eq!(c.as_str().parse::<Category>().unwrap(), *c);
        }
        assert_eq!(Category::BannedWord.as_str(), "banned-word");
        let err = "banned".parse::<Category>().unwrap_err().to_string();
        assert!(err.contains("banned-word"), "{err}");
    }

    #[test]
    fn names_read_in_any_case_and_errors_speak_plainly() {
        assert_eq!("Warning".parse::<Severity>().unwrap(), Severity::Warning);
        let e = "fatal".parse::<Severity>().unwrap_err().to_string();
        assert_eq!(e, "unknown severity `fatal` (expected one of: info, warning, error)");
    }

    #[test]
    fn severity_is_ordered() {
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
        assert_eq!("warning".parse::<Severity>().unwrap(), Severity::Warning);
    }

    #[test]
    fn field_round_trips() {
        for f in [
            Field::Title,
            Field::Body,
            Field::Tag(0),
            Field::Tag(12),
            Field::Image(3),
        ] {
            assert_eq!(f.to_string().parse::<Field>().unwrap(), f);
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(serde_json::from_str::<Field>(&json).unwrap(), f);
        }
        assert!("tags[x]".parse::<Field>().is_err());
    }
}
