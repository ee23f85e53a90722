//! Stage 6, claims in context: a product or a sales call anchors its sentence, a claim that
//! cuts a word in two is not that claim, and a scoped claim in an organic note counts only
//! where its sentence sells something (the lexicon is `crate::context`).

use super::disguise::disguised;
use super::{Anchor, Hit, Linter, severity};
use crate::context::{self, Scope, Why};
use crate::normalize::Normalized;
use crate::span::Span;
use crate::violation::{Category, Field, Reading, Violation};
use crate::words;

/// Words of a doctor's or a hospital's voice: a sentence that holds one tells care, not a sale.
const CLINICAL: [&str; 9] = ["医生", "大夫", "医院", "医嘱", "住院", "门诊", "诊断", "手术", "处方"];

/// A doctor's prescription told (开了药膏, 给我开的药): with [`CLINICAL`], the sentence tells a
/// treatment.
const PRESCRIBED: [&str; 6] = ["开了", "开的", "开药", "给开", "配了", "处方"];

/// A doctor's advice told (医生说要用药膏治疗两周, 医生建议): the treatment is the doctor's word,
/// whatever the medicine, not a product's claim. (Not 医生说 alone: 医生说指标稳定了 reports a
/// result, the testimonial health food is sold by.)
const DOCTOR_SAID: [&str; 12] = [
    "医生说要",
    "医生说需要",
    "医生说得",
    "医生让",
    "医生建议",
    "医生叮嘱",
    "医生嘱咐",
    "医生交代",
    "大夫说要",
    "大夫让",
    "医师说要",
    "医嘱",
];

/// Whether `sentence` tells a doctor's advice (see [`DOCTOR_SAID`]).
fn advised(sentence: &str) -> bool {
    DOCTOR_SAID.iter().any(|w| sentence.contains(w))
}

/// A use or a purchase denied, right before a thing (没吃任何, 没买过, 不靠).
const DENIED_USE: [&str; 17] = [
    "没吃",
    "没买",
    "没用",
    "没喝",
    "没靠",
    "没抹",
    "没有吃",
    "没有买",
    "没有用",
    "没有喝",
    "不靠",
    "不用吃",
    "不用买",
    "不需要吃",
    "不需要买",
    "无需吃",
    "无需买",
];

/// Right before a thing: made by the writer or the family, not bought (自己做的, 外婆做的).
const HOMEMADE: [&str; 12] = [
    "自己做的",
    "我做的",
    "亲手做的",
    "自制的",
    "自己烤的",
    "亲手烤的",
    "我烤的",
    "亲手织的",
    "我妈做的",
    "妈妈做的",
    "外婆做的",
    "奶奶做的",
];

/// Whether `before` (the text up to a thing) ends in a maker at home and at most four Han
/// characters of the thing's own name (自己做的纸杯|蛋糕).
fn homemade(before: &str) -> bool {
    // (the name's characters stripped one by one from the end, then the maker looked for)
    let mut rest = before;
    for _ in 0..=4 {
        if HOMEMADE.iter().any(|w| rest.ends_with(w)) {
            return true;
        }
        match rest.chars().next_back() {
            Some(c) if crate::normalize::reading::is_han(c) => rest = &rest[..rest.len() - c.len_utf8()],
            _ => return false,
        }
    }
    false
}

/// Whether `before` (the text up to a thing) ends in a use or a purchase of it denied, with
/// any (任何, 什么) or ever (过) between.
fn denied_use(before: &str) -> bool {
    let b = before.trim_end();
    let b = b.strip_suffix("任何").or_else(|| b.strip_suffix("什么")).unwrap_or(b);
    let b = b.strip_suffix('过').unwrap_or(b);
    DENIED_USE.iter().any(|w| b.ends_with(w))
}

/// How many characters of the folded text `span` (of the original) covers.
fn norm_chars(norm: &Normalized, span: Span) -> usize {
    let (s, e) = (norm.original_to_folded(span.start), norm.original_to_folded(span.end));
    norm.folded()[s..e].chars().count()
}

impl Linter {
    /// Claim context, stage 1: a product the packs know (水光针) or a sales call (秒杀, 领券)
    /// makes its sentence commercial as much as any word of the lexicon (not a call scoped to
    /// need one itself: a countdown, `A406`). Leaves `anchors`
    /// sorted by start.
    pub(super) fn anchor_hits(&self, hits: &[Hit], anchors: &mut Vec<(Anchor, Span)>) {
        let inner = &*self.inner;
        anchors.extend(hits.iter().flat_map(|h| {
            let rule = &inner.rules[h.rule].rule;
            match rule.category {
                Category::ProhibitedProduct => &[Anchor::Commercial][..],
                // a sales call that itself needs a sale around it (a countdown: 最后3小时) anchors
                // nothing, least of all itself or the note it stands in
                Category::Advertorial if rule.scope.is_some() => &[][..],
                Category::Advertorial => &[Anchor::Commercial, Anchor::Promotion][..],
                _ => &[][..],
            }
            .iter()
            .map(move |&a| (a, h.span))
        }));
        if !anchors.is_sorted_by_key(|&(_, s)| s.start) {
            anchors.sort_unstable_by_key(|&(_, s)| s.start);
        }
    }

    /// Claim context, stage 1b: a thing its sentence says was not taken, bought or relied on
    /// (没吃任何药也没买代餐, 不靠代餐) sells nothing there: its commercial anchor goes.
    pub(super) fn drop_denied_anchors(text: &str, anchors: &mut Vec<(Anchor, Span)>) {
        // (the thing, or the purchase itself: 没买 of 也没买代餐); and a thing made at home
        // (我自己做的纸杯蛋糕) is no goods
        anchors.retain(|&(a, s)| {
            a != Anchor::Commercial
                || !(denied_use(&text[..s.start])
                    || DENIED_USE.iter().any(|w| text[..s.end].ends_with(w))
                    || homemade(&text[..s.start]))
        });
    }

    /// Claim context, stage 2: a claim term that cuts a word of the text in two is not that
    /// term (包|好好看). Hits close together share one segmentation of the text around them.
    pub(super) fn refuse_split_claims(&self, norm: &Normalized, hits: &mut Vec<Hit>) {
        let inner = &*self.inner;
        let mut claims: Vec<(usize, usize, usize)> = hits
            .iter()
            .enumerate()
            // (a name of four characters or more is that name whatever word its edge meets:
            // 莫斯卡托|起泡, not 托起; and a sales call is the call whatever word it meets: 先令卷
            // is 先 and a coupon misspelt, not a shilling)
            .filter(|(_, h)| {
                h.term.is_some()
                    && h.reading.is_none()
                    && inner.rules[h.rule].rule.scope.is_some()
                    && inner.rules[h.rule].rule.category != crate::violation::Category::Advertorial
                    && !(inner.rules[h.rule].rule.names_things() && norm_chars(norm, h.span) >= 4)
            })
            .map(|(i, h)| {
                (
                    norm.original_to_folded(h.span.start),
                    norm.original_to_folded(h.span.end),
                    i,
                )
            })
            .collect();
        if claims.is_empty() {
            return;
        }
        claims.sort_unstable();
        let mut cut = vec![false; hits.len()];
        let mut k = 0;
        while k < claims.len() {
            let (from, mut to) = (claims[k].0, claims[k].1);
            let mut j = k + 1;
            while j < claims.len() && claims[j].0 <= to + 24 {
                to = to.max(claims[j].1);
                j += 1;
            }
            let words = words::words_around(norm.folded(), from, to);
            for &(s, e, i) in &claims[k..j] {
                cut[i] = words::splits(norm.folded(), &words, s, e);
            }
            k = j;
        }
        let mut i = 0;
        hits.retain(|_| {
            i += 1;
            !cut[i - 1]
        });
    }

    /// Claim context, stage 3: the violation of a hit, at the severity its note and sentence
    /// give it (with the reason when that is not the rule's own), and how it was read. `texts`
    /// is the field's text and the same in simplified characters at the same offsets (for the
    /// words around the hit).
    pub(super) fn violation_in_context(
        &self,
        h: &Hit,
        field: Field,
        (text, plain): (&str, &str),
        norm: &Normalized,
        sponsored: bool,
        anchors: &[(Anchor, Span)],
    ) -> Violation {
        let inner = &*self.inner;
        let rule = &inner.rules[h.rule].rule;
        let mut v = rule.violation(field, text, h.span, sponsored, h.term);
        if sponsored {
            if rule.sponsored_severity > rule.severity {
                severity::settle(&mut v, Why::Sponsored, || Some(rule));
            }
        } else if let Some(scope) = rule.scope {
            // a claim written in disguise needs no product in its sentence to count; only a
            // doctor's advice told (医生说要住院zhi疗) is no claim however it was spelled
            let hidden = disguised(text, norm, h);
            let why = self.unclaimed(scope, plain, norm, h.span, anchors);
            let advice = || {
                let (from, to) = context::sentence(plain, h.span.start, h.span.end);
                advised(&plain[from..to])
            };
            if let Some(why) = why.filter(|&w| !hidden || (w == Why::IllnessStory && advice())) {
                severity::settle(&mut v, why, || Some(rule));
            }
        }
        if let Some((t, how)) = h.reading {
            v.reading = Some(Reading {
                term: inner.sound.term(t).text.clone(),
                how: how.names().into_iter().map(str::to_owned).collect(),
            });
        }
        v
    }

    /// Whether the claim at `start` is said of a product held up just before it: its own
    /// sentence (from `from`) shows one with a demonstrative (用这个瘦腿霜7天瘦10斤), or the claim
    /// opens its sentence (two Han characters before it at most, or a dozen with nobody said to
    /// say it) and the sentence before shows one (每天睡前贴这个瘦腿贴 / 7天瘦10斤): a note's claim
    /// is often the predicate of the line above. (A product only named in the sentence before is
    /// not enough: 送的外壳很垃圾。唯一5星只剩物流.)
    fn product_before(&self, text: &str, from: usize, start: usize) -> bool {
        let heads = &self.inner.goods_heads;
        let lead = &text[from..start];
        if heads.shown(lead) {
            return true;
        }
        // (三个月孩子增高5厘米 is the line above's result; 我妈说她7天瘦10斤 is her word)
        let han = lead.chars().filter(|&c| crate::normalize::reading::is_han(c)).count();
        let opens = han <= 2 || (han <= 12 && !lead.contains('说'));
        // the sentence before, past the marks that ended it
        let prev_end = text[..from].trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        if !opens || prev_end == 0 {
            return false;
        }
        let (pf, pt) = context::sentence(text, prev_end, prev_end);
        heads.shown(&text[pf..pt])
    }

    /// Whether the writer speaks as the business that sells in the sentence from `from` to
    /// `to` (original offsets): the lexicon's `seller_voice` on its folded text. A service sold
    /// names itself so (我们是本市唯一一家…的写真馆, 来我们…的作文班), as a product is named by
    /// its kind: a claim in that sentence is the seller's.
    pub(super) fn business_speaking(&self, norm: &Normalized, from: usize, to: usize) -> bool {
        self.inner
            .seller_voice
            .as_ref()
            .is_some_and(|re| re.is_match(&norm.folded()[norm.original_to_folded(from)..norm.original_to_folded(to)]))
    }

    /// Whether a hit of a scoped rule, in an organic note, makes no claim: `None` when its
    /// sentence sells something (a commercial anchor, or for `efficacy` an efficacy
    /// construction and no illness story), otherwise the reason it is lowered.
    pub(super) fn unclaimed(
        &self,
        scope: Scope,
        text: &str,
        norm: &Normalized,
        span: Span,
        anchors: &[(Anchor, Span)],
    ) -> Option<Why> {
        let (from, to) = if scope == Scope::Promotion {
            context::clause(text, span.start, span.end)
        } else {
            context::sentence(text, span.start, span.end)
        };
        // anchors are sorted by start: look only at those starting in the sentence
        let first = anchors.partition_point(|&(_, s)| s.start < from);
        // whether an anchor of `kind` inside the sentence passes `keep`
        let here_if = |kind: Anchor, keep: &dyn Fn(Span) -> bool| {
            anchors[first..]
                .iter()
                .take_while(|&&(_, s)| s.start < to)
                .any(|&(a, s)| a == kind && s.end <= to && keep(s))
        };
        let here = |kind: Anchor| here_if(kind, &|_| true);
        if scope == Scope::Promotion {
            // (a waiter's or a guide's recommendation told is not the writer's: 服务员推荐了当地的清酒)
            let promoted = here_if(Anchor::Promotion, &|s| !super::stance::served(text, s));
            return (!promoted).then_some(Why::NotPromoted);
        }
        let commercial = here(Anchor::Commercial)
            || self.product_before(text, from, span.start)
            || self.business_speaking(norm, from, to);
        match scope {
            _ if commercial && scope != Scope::Efficacy => None,
            Scope::Commercial | Scope::Promotion => Some(Why::NoProduct),
            Scope::Efficacy => {
                let inner = &*self.inner;
                let (fs, fe) = (norm.original_to_folded(span.start), norm.original_to_folded(span.end));
                let folded = norm.folded();
                // the few characters right before the hit (the regexes end in `$`)
                let near = folded[..fs].char_indices().rev().nth(7).map_or(0, |(i, _)| i);
                let efficacy = inner
                    .efficacy_before
                    .as_ref()
                    .is_some_and(|re| re.is_match(&folded[near..fs]))
                    || inner
                        .efficacy_after
                        .as_ref()
                        .is_some_and(|re| re.is_match(&folded[fe..]));
                // an effect said of the thing (能降血压, 可以根治) is a claim even in a sentence that
                // tells a person's illness: the family testimonial is how health food is sold (a
                // note that only tells an illness is a care note, lowered by its stance)
                // (unless a doctor or a hospital is in the sentence: 医生说规范治疗才能根治 is advice)
                // (`text` is in simplified characters: 醫生 written in traditional ones is 医生)
                let sentence = &text[from..to];
                let clinical = || CLINICAL.iter().any(|w| sentence.contains(w));
                // (and a product a doctor prescribed, no effect said of it, is the treatment
                // told: 医生说是湿疹，开了药膏治疗; a product the family bought and a check-up
                // approved is the testimonial health food is sold by)
                let prescribed = || PRESCRIBED.iter().any(|w| sentence.contains(w));
                // (an effect said of the thing, 医生说这个药膏能根治湿疹, is the endorsement the law
                // forbids, and a thing held up beside the advice, 这款面霜也一样, is sold: only a
                // treatment told as advice is the doctor's word)
                let advice = || advised(sentence) && !inner.goods_heads.shown(&text[from..to]);
                let sold =
                    commercial && (efficacy || !(here(Anchor::Narrative) && clinical() && (prescribed() || advice())));
                // (and the sick told to try it, no doctor in the sentence, are readers recommended
                // the thing: 家里有病人的可以试试)
                let recommended = || here(Anchor::Narrative) && here(Anchor::Promotion) && !clinical();
                if sold || (efficacy && !(here(Anchor::Narrative) && clinical())) || recommended() {
                    None
                } else if here(Anchor::Narrative) {
                    Some(Why::IllnessStory)
                } else {
                    Some(Why::NoProduct)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_business_speaking_names_what_it_sells() {
        let linter = crate::Linter::builtin();
        let business_speaking = |sentence: &str| {
            let norm = crate::normalize::Normalized::new(sentence);
            linter.business_speaking(&norm, 0, sentence.len())
        };
        for sells in [
            "我们是全城唯一一家做宠物殡葬的团队",
            "我们是本市最早的手工皮具工作室。",
            "来我们全区口碑第一的书法班",
            "首选我们家的上门保洁服务",
        ] {
            assert!(business_speaking(sells), "{sells}");
        }
        for member in [
            "我们班第一个考上清华的",
            "我们是全班第一个交卷的",
            "我们公司是行业第一，但是工资很低",
            "我们是来旅游的，不是来购物的",
        ] {
            assert!(!business_speaking(member), "{member}");
        }
    }
}
