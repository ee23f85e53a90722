//! The claim-context lexicon (`rules/context.toml`, and a `[context]` table in any pack or
//! `redlint.toml`): the words that tell what a sentence is about, and the scopes a rule's hits
//! need around them. How the engine uses them: `crate::context`.

use serde::{Deserialize, Serialize};

use super::dialect::check_regex;
use crate::error::{PackError, PackErrorKind};
use crate::normalize::fold_term;
use crate::span::line_col;
use crate::violation::Message;

/// What a rule's hits need around them to count at their organic severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// A commercial anchor in the sentence.
    Commercial,
    /// A commercial anchor, or an efficacy construction and no narrative marker.
    Efficacy,
    /// A recommendation to readers (`推荐`, `这款`, `回购`, a price, where to buy), or a sales
    /// call of the advertorial pack: what promoting a drink looks like.
    Promotion,
}

impl Scope {
    /// What the scope asks, for `explain`.
    pub fn describe(self) -> Message {
        match self {
            Scope::Commercial => Message {
                zh: "仅当所在句子与商品、品牌、店铺、价格、购买或效果有关时才按规则级别报告；否则（事实、成语、日常感叹）降为提示。赞助笔记一律按规则级别。".into(),
                en: "Counts at its level only when its sentence is about a product, brand, shop, price, purchase or effect; otherwise (a fact, an idiom, everyday praise) it is reported at info. Sponsored notes always count.".into(),
            },
            Scope::Promotion => Message {
                zh: "仅当所在句子向读者推荐（推荐、这款、回购、价格、在哪买）时才按规则级别报告；日常记录、旅行见闻、做菜用酒降为提示。赞助笔记一律按规则级别。".into(),
                en: "Counts at its level only when its sentence recommends it to readers (推荐, 这款, 回购, a price, where to buy); a diary, a trip or a recipe is reported at info. Sponsored notes always count.".into(),
            },
            Scope::Efficacy => Message {
                zh: "仅当所在句子提到商品，或有功效说法（能治疗、可以根治、淡斑效果）且不是个人病情叙述（病人、家人、医生建议、住院）时才按规则级别报告；否则降为提示。赞助笔记一律按规则级别。".into(),
                en: "Counts at its level only when its sentence names a product, or makes an efficacy claim (能治疗, 可以根治, 淡斑效果) and is not a person's illness (a patient, a relative, a doctor's advice, a hospital stay); otherwise it is reported at info. Sponsored notes always count.".into(),
            },
        }
    }
}

/// The words that tell what a sentence is about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Products, categories, brands, shops, prices, purchase and effect words.
    #[serde(default)]
    pub commercial: Vec<String>,
    /// A person's illness or care: patients, relatives, doctors, hospitals.
    #[serde(default)]
    pub narrative: Vec<String>,
    /// Recommending to readers: 推荐, 这款, 回购, where to buy (`scope = "promotion"`).
    #[serde(default)]
    pub promotion: Vec<String>,
    /// A note that warns or reports: 避雷, 被骗, 千万别, 智商税, a professional's warning, news.
    /// Anywhere in the note, they make it a warning unless it recommends more than it warns.
    #[serde(default)]
    pub warning: Vec<String>,
    // Any word of these lists may be a construction: `{a|b}` is either alternative, `{a|}`
    // an optional part (`{不要|别}{随便|}{买|吃}` is 不要买, 不要随便买, 别买, ...); see
    // [`expand_word`].
    /// Regexes (folded text) that, right before a hit, make it an efficacy claim (`能`, `可以`).
    #[serde(default)]
    pub efficacy_before: Vec<String>,
    /// Regexes (folded text) that, right after a hit, make it an efficacy claim (`效果`).
    #[serde(default)]
    pub efficacy_after: Vec<String>,
    /// Regexes (folded text) that, right before a hit of a `deniable` rule, deny it (`没有`,
    /// `不是`, `拒绝了`): the hit is dropped.
    #[serde(default)]
    pub denial_before: Vec<String>,
    /// Regexes (folded text) that, right before a hit of a claim rule (one with a `scope`),
    /// make it a word talked about (`所谓`, `什么是`): the hit is dropped.
    #[serde(default)]
    pub mention_before: Vec<String>,
    /// Regexes (folded text) that, right after a hit of a claim rule, make it a word talked
    /// about (`这个词`, `到底是啥`, `的说法`): the hit is dropped.
    #[serde(default)]
    pub mention_after: Vec<String>,
    /// Regexes (folded text) that, anywhere in a claim's sentence, have the writer speak as
    /// the business that sells (`我们是…的工作室`, `来我们…的作文班`): the sentence names what it
    /// sells, as a product's name would, so a claim in it is the seller's.
    #[serde(default)]
    pub seller_voice: Vec<String>,
    /// The last characters of goods' names (`衣`, `椅`, `仪`, `膜`): a hashtag or a tag of two
    /// to eight characters that ends with one names a kind of thing sold (#暴汗服, #电竞椅,
    /// #除螨仪), and a note tagged so is about it.
    #[serde(default)]
    pub goods_heads: Vec<String>,
    /// Tags that end with a goods head and name no goods (`飞机`, `司机`, `红包`).
    #[serde(default)]
    pub goods_heads_not: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    context: Lexicon,
}

/// The builtin lexicon file.
pub const BUILTIN: (&str, &str) = ("rules/context.toml", include_str!("../../rules/context.toml"));

impl Lexicon {
    /// Parses a lexicon file (a `[context]` table); `origin` names it in errors.
    pub fn parse(origin: &str, text: &str) -> Result<Lexicon, PackError> {
        Lexicon::parse_checked(origin, text, true)
    }

    fn parse_checked(origin: &str, text: &str, compile: bool) -> Result<Lexicon, PackError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let (line, column) = line_col(text, e.span().map_or(0, |s| s.start));
            PackError {
                file: origin.to_owned(),
                rule: None,
                line,
                column,
                kind: PackErrorKind::Syntax(e.message().trim().to_owned()),
            }
        })?;
        raw.context.check(origin, text, compile)?;
        Ok(raw.context)
    }

    /// The builtin lexicon.
    pub fn builtin() -> Lexicon {
        Lexicon::parse_checked(BUILTIN.0, BUILTIN.1, false).expect("the builtin lexicon is checked by the test suite")
    }

    /// When `compile` (a user's file), checks words (well-formed templates, non-empty once
    /// folded) and regexes (they compile and never match empty). The builtin lexicon is checked
    /// so by the test suite, not at every start-up, which would expand and fold each of its
    /// words once more than the build does.
    pub(crate) fn check(&self, origin: &str, text: &str, compile: bool) -> Result<(), PackError> {
        if !compile {
            return Ok(());
        }
        let at = |needle: &str, kind: PackErrorKind| {
            let (line, column) = line_col(text, text.find(needle).unwrap_or(0));
            PackError {
                file: origin.to_owned(),
                rule: None,
                line,
                column,
                kind,
            }
        };
        for template in self
            .commercial
            .iter()
            .chain(&self.narrative)
            .chain(&self.promotion)
            .chain(&self.warning)
            .chain(&self.goods_heads)
            .chain(&self.goods_heads_not)
        {
            let words = expand_word(template).map_err(|()| {
                at(
                    template,
                    PackErrorKind::Syntax(format!(
                        "context word `{template}`: a `{{` without its `}}`, or a brace inside braces"
                    )),
                )
            })?;
            if let Some(w) = words.iter().find(|w| fold_term(w).is_empty()) {
                return Err(at(
                    w,
                    PackErrorKind::EmptyTerm {
                        what: "context word",
                        text: w.clone(),
                    },
                ));
            }
        }
        for p in self
            .efficacy_before
            .iter()
            .chain(&self.efficacy_after)
            .chain(&self.denial_before)
            .chain(&self.mention_before)
            .chain(&self.mention_after)
            .chain(&self.seller_voice)
        {
            check_regex(p).map_err(|k| at(p, k))?;
        }
        Ok(())
    }

    /// Adds another lexicon's words and regexes.
    pub fn extend(&mut self, other: &Lexicon) {
        self.commercial.extend(other.commercial.iter().cloned());
        self.narrative.extend(other.narrative.iter().cloned());
        self.promotion.extend(other.promotion.iter().cloned());
        self.warning.extend(other.warning.iter().cloned());
        self.efficacy_before.extend(other.efficacy_before.iter().cloned());
        self.efficacy_after.extend(other.efficacy_after.iter().cloned());
        self.denial_before.extend(other.denial_before.iter().cloned());
        self.mention_before.extend(other.mention_before.iter().cloned());
        self.mention_after.extend(other.mention_after.iter().cloned());
        self.seller_voice.extend(other.seller_voice.iter().cloned());
        self.goods_heads.extend(other.goods_heads.iter().cloned());
        self.goods_heads_not.extend(other.goods_heads_not.iter().cloned());
    }
}

/// The words a context word stands for: every choice of one alternative in each `{a|b|…}`
/// group, in order (an empty alternative leaves the part out). A word without braces is itself.
/// `Err` for a `{` without its `}` (or a `}` without its `{`), or braces inside braces.
pub(crate) fn expand_word(template: &str) -> Result<Vec<String>, ()> {
    let mut words = vec![String::new()];
    let mut rest = template;
    while !rest.is_empty() {
        let open = rest.find('{').unwrap_or(rest.len());
        let literal = &rest[..open];
        if literal.contains('}') {
            return Err(());
        }
        for w in &mut words {
            w.push_str(literal);
        }
        rest = &rest[open..];
        if rest.is_empty() {
            break;
        }
        let close = rest.find('}').ok_or(())?;
        let group = &rest[1..close];
        if group.contains('{') {
            return Err(());
        }
        words = words
            .iter()
            .flat_map(|w| group.split('|').map(move |alt| format!("{w}{alt}")))
            .collect();
        rest = &rest[close + 1..];
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_words_expand_their_groups() {
        assert_eq!(expand_word("避雷").unwrap(), ["避雷"]);
        assert_eq!(
            expand_word("{不要|别}{随便|}买").unwrap(),
            ["不要随便买", "不要买", "别随便买", "别买"]
        );
        assert!(expand_word("{不要|别").is_err());
        assert!(expand_word("不要}").is_err());
        assert!(expand_word("{a{b}}").is_err());
        let e = Lexicon::parse("c.toml", "[context]\nwarning = ['{提醒|']\n").unwrap_err();
        assert!(e.to_string().contains("c.toml:2"), "{e}");
    }

    #[test]
    fn builtin_lexicon_parses() {
        let l = Lexicon::builtin();
        assert!(l.commercial.len() > 100 && l.narrative.len() > 20);
    }

    #[test]
    fn bad_lexicons_name_the_file() {
        let e = Lexicon::parse("c.toml", "[context]\nefficacy_before = ['(']\n").unwrap_err();
        assert!(e.to_string().contains("c.toml:2"), "{e}");
        let e = Lexicon::parse("c.toml", "[context]\nnope = 1\n").unwrap_err();
        assert!(e.to_string().contains("c.toml"), "{e}");
    }
}
