//! Stage 8, the note's stance: what each field tells about its note ([`FieldFacts`]), the
//! stance decided once from all of them ([`Stance`]), and applied to the violations of every
//! field; then what a prohibited thing flagged in the note says of its claims (its name's
//! words and its effects are the thing's).

use super::{Anchor, Linter, Role, severity};
use crate::context::{self, Why};
use crate::normalize::fold_term;
use crate::note::Note;
use crate::pack::Scope;
use crate::span::Span;
use crate::violation::{Category, Field, Severity, Violation};

/// Negators that turn a warning word into praise (不会踩雷).
const NEGATORS: [&str; 11] = [
    "不", "没", "没有", "不会", "不用", "从不", "从没", "绝不", "零", "毫无", "不怕",
];
/// What a writer who does not drink says (我不喝酒, 一口都没喝): a drink named in such a note's
/// title or tags is the scene of a trip or a birthday, not a recommendation.
const ABSTAINED: [&str; 12] = [
    "不喝酒",
    "不会喝酒",
    "不太会喝",
    "不怎么喝酒",
    "滴酒不沾",
    "我没喝",
    "一口都没喝",
    "一口没喝",
    "不能喝酒",
    "酒精过敏",
    "不碰酒",
    "戒酒",
];

/// What a note that teaches about a drink says (冷知识, 名字的由来): a drink named in its title
/// or tags is the lesson's subject, not a recommendation.
const TAUGHT: [&str; 8] = [
    "冷知识",
    "小知识",
    "涨知识",
    "的由来",
    "名字来自",
    "名字来源",
    "为什么叫",
    "的历史",
];

/// Calls to readers to take a thing up (可以试试, 推荐给, 闭眼入): said in a claim's or a product's
/// own sentence with no warning beside them, they recommend it, whatever the note's hook
/// (戒烟第30天…全靠这个过渡，想戒的可以试试; 别乱买…新手入门就买这瓶).
const TAKE_IT_UP: [&str; 26] = [
    // the writer's own praise of the thing, endorsed in the first person (这是我用过最好的,
    // 我心中的首选): no one says so of what they warn against
    "我用过最",
    "我喝过最",
    "我吃过最",
    "我试过最",
    "我穿过最",
    "我买过最",
    "我抽过最",
    "我心中的",
    "我心目中的",
    "真心觉得",
    "可以试试",
    "可以先试试",
    "都可以试试",
    "推荐给",
    "强烈推荐",
    "真心推荐",
    "闭眼入",
    "闭眼冲",
    "直接冲",
    "就买这",
    "认准这",
    "全靠这",
    "全靠它",
    "用这个过渡",
    "入门首选",
    "抄作业",
];
/// ...and the words that turn such a sentence into a warning again (千万别试试, 不推荐给).
const BUT_WARNED: [&str; 12] = [
    "别",
    "不要",
    "千万",
    "不能",
    "不建议",
    "不推荐",
    "谣言",
    "别信",
    "骗",
    "智商税",
    "危害",
    "违法",
];

/// Whether the sentence of `span` in `text` calls readers to take the thing up and warns of
/// nothing (see [`TAKE_IT_UP`]).
fn recommended_here(text: &str, span: Span) -> bool {
    let (from, to) = crate::context::sentence(text, span.start, span.end);
    let sentence = &text[from..to];
    TAKE_IT_UP.iter().any(|w| sentence.contains(w)) && !BUT_WARNED.iter().any(|w| sentence.contains(w))
}

/// The words that make a sentence's claim someone else's (号称, 宣传, 商家说) or a question
/// (是不是, 吗).
const HEARSAY: [&str; 15] = [
    "号称",
    "宣传",
    "说是",
    "所谓",
    "吹",
    "标榜",
    "自称",
    "据说",
    "听说",
    "说它",
    "说这",
    "广告",
    "是不是",
    "吗",
    "？",
];

/// Whether a claim's clause says it of the thing at hand, in the writer's voice: the thing
/// pointed at (这款, 这家, 这顶) is said to be it (这家是拍婚纱照的首选), with no one else's
/// word for it (号称, 宣传), no question and no warning (别, 智商税) in its sentence.
fn said_of_the_thing_at_hand(text: &str, span: Span) -> bool {
    let (from, to) = crate::context::sentence(text, span.start, span.end);
    let sentence = &text[from..to];
    // the clause before the claim
    let before = &text[from..span.start];
    let before = before.rfind(CLAUSE_ENDS).map_or(before, |i| {
        let c = before[i..].chars().next().map_or(1, char::len_utf8);
        &before[i + c..]
    });
    let pointed = before
        .char_indices()
        .find(|&(i, c)| c == '这' && before[i + c.len_utf8()..].starts_with(|k: char| POINTED.contains(k)));
    // (or, in an earlier clause of its sentence, the thing the writer chose or uses, named so:
    // 最后定了这家岩板，国家级品质; 我用的这支，…第一)
    let earlier = &text[from..span.start];
    let chosen = earlier.char_indices().any(|(i, c)| {
        c == '这'
            && earlier[i + c.len_utf8()..].starts_with(|k: char| POINTED.contains(k))
            && CHOSE.iter().any(|w| earlier[..i].ends_with(w))
    });
    (pointed.is_some_and(|(i, _)| before[i..].contains('是')) || chosen)
        && !HEARSAY.iter().any(|w| sentence.contains(w))
        && !BUT_WARNED.iter().any(|w| sentence.contains(w))
}

/// The verbs a writer tells their own choice with, right before the thing pointed at (定了这家,
/// 用的这款, 入了这台): what follows in the sentence is said of their pick.
const CHOSE: [&str; 14] = [
    "定了",
    "选了",
    "买了",
    "入了",
    "用的",
    "用了",
    "用着",
    "换了",
    "换成",
    "回购了",
    "选的",
    "买的",
    "入的",
    "留下了",
];

/// Whether the line of a drink at `span` tastes it as a drink: its strength (41度, 五十二度,
/// 3.5度; not 四十度 of a warmed drink's heat, said with 温到) or how it drinks (入口, 口感,
/// 泡沫, 果香, 绵柔, 不上头).
fn tasted(text: &str, span: Span) -> bool {
    let from = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let to = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    // (simplified in place: the same offsets)
    let line = crate::normalize::simplified_in_place(&text[from..to]);
    // how it drinks, said around the drink (a pattern's hit may hold tasting words of its own,
    // 十年陈…入口回甘 of a tea), or its strength anywhere on the line (快乐水，41度)
    let (before, after) = (&line[..span.start - from], &line[span.end - from..]);
    TASTED.iter().any(|w| before.contains(w) || after.contains(w))
        || line.match_indices('度').any(|(i, _)| {
            // a number right before 度, not a temperature (温到, 冰到, 加热到, 零下)
            let before = &line[..i];
            let number: Vec<char> = before
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || "一二三四五六七八九十两".contains(*c))
                .collect();
            // (a Chinese numeral of two characters or more holds 十: 三三九度 counts rounds)
            let numeral =
                number.iter().all(|c| c.is_ascii_digit() || *c == '.') || number.len() == 1 || number.contains(&'十');
            let prefix = &before[..before.len() - number.iter().map(|c| c.len_utf8()).sum::<usize>()];
            !number.is_empty()
                && numeral
                && !["温到", "冰到", "热到", "零下", "加到"]
                    .iter()
                    .any(|w| prefix.ends_with(w))
        })
}

/// How a drink drinks, for [`tasted`].
const TASTED: [&str; 16] = [
    "入口",
    "口感",
    "酒香",
    "果香",
    "麦香",
    "米香",
    "泡沫",
    "绵柔",
    "顺口",
    "不上头",
    "上头",
    "度数",
    "苦度",
    "回甘",
    "微醺",
    "酒精度",
];

/// Whether `text` tells a course of something taken or applied, by its length (喝了三个月,
/// 吃了半年, 坚持用了两周, 擦了三天): a testimonial's shape.
fn took_a_course(text: &str) -> bool {
    const TAKEN: [&str; 8] = ["喝了", "吃了", "用了", "擦了", "涂了", "抹了", "泡了", "服用了"];
    const SPANS: [&str; 6] = ["个月", "半年", "一年", "两年", "周", "星期"];
    TAKEN.iter().any(|t| {
        text.match_indices(t).any(|(i, _)| {
            let after: String = text[i + t.len()..].chars().take(5).collect();
            SPANS.iter().any(|s| after.contains(s))
        })
    })
}

/// What ends a clause, for [`said_of_the_thing_at_hand`].
const CLAUSE_ENDS: &[char] = &['，', '。', '！', '？', '；', ',', '.', '!', '?', ';', '\n'];

/// The measure words a thing at hand is pointed at with (这款, 这家, 这顶).
const POINTED: &str = "款家个瓶支顶罐台套只双件盒";

/// Before a recommending word, a denial that there is any (纯分享，没有任何产品推荐, 不是推荐):
/// the note says it recommends nothing.
const DISCLAIMERS: [&str; 12] = [
    "没有",
    "没有任何",
    "没有任何产品",
    "没有任何商品",
    "没有产品",
    "无任何",
    "不含任何",
    "不带任何",
    "不是",
    "并非",
    "没",
    "不",
];
/// ...except these, which make it a lesson learned (再也不上当).
const NEVER_AGAIN: [&str; 5] = ["再也不", "再不", "再也没", "再也不会", "再也不要"];
/// Before a warning word, a belief the note goes on to correct (还以为是骗子, 差点当成假货): the
/// word warns of nothing.
/// ...and a fear the note goes on past (之前怕踩雷一直没买: it was bought, and praised).
const MISBELIEF: [&str; 9] = [
    "以为",
    "以为是",
    "当成",
    "当成是",
    "怀疑是",
    "怕",
    "担心",
    "害怕",
    "生怕",
];
/// Earlier in a warning word's clause, a belief the writer held before and the note goes on
/// to overturn (以前觉得洗碗机是智商税, 原以为又是个坑): the word is that old belief.
const PAST_BELIEF: [&str; 10] = [
    "以前觉得",
    "之前觉得",
    "原来觉得",
    "本来觉得",
    "曾经觉得",
    "一度觉得",
    "一直以为",
    "原以为",
    "本以为",
    "还以为",
];
/// Who serves the writer on a trip or a night out (服务员推荐了当地的清酒, 导游推荐的): what they
/// recommend is told, the writer recommends nothing by it.
const SERVERS: [&str; 10] = [
    "服务员",
    "店员",
    "导游",
    "司机",
    "当地人",
    "侍酒师",
    "调酒师",
    "酒保",
    "服务员小哥",
    "服务员小姐姐",
];

/// Whether a recommending word at `span` of `text` is said by one of the [`SERVERS`] (服务员推荐).
pub(super) fn served(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end();
    SERVERS.iter().any(|w| before.ends_with(w))
}

/// Who gives advice in a care note: what they recommend (医生还推荐了认知行为疗法) is their
/// advice, a word of the care, not the writer recommending something.
const ADVISERS: [&str; 9] = [
    "医生",
    "大夫",
    "医师",
    "药师",
    "护士",
    "营养师",
    "主任",
    "专家",
    "治疗师",
];

/// Warning words that, said to a part of the readers (胃不好的姐妹不建议空腹喝, 敏感肌不推荐),
/// are a caveat of a recommendation, not a warning against the thing.
const CAVEATS: [&str; 5] = ["不建议", "不推荐", "慎用", "慎入", "慎买"];
/// ...and what names that part right before it: people defined by a clause (…的人, …的姐妹,
/// 介意的, 介意者), a skin type, a kind of reader (新手, 学生党) or of home (小厨房慎入); not a
/// condition (…的话: 看夜景的话不建议住这里 warns).
const SUBGROUPS: [&str; 18] = [
    "介意的",
    "介意者",
    "在意的",
    "的人",
    "的姐妹",
    "的姐妹们",
    "的朋友",
    "的宝子",
    "的宝宝",
    "的宝妈",
    "肌",
    "肤质",
    "新手",
    "小白",
    "孕妇",
    "党",
    "厨房",
    "户型",
];

/// What a field tells about its note (see [`Stance`]).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct FieldFacts {
    /// Which field it is.
    field: Option<Field>,
    /// How many different things sold it names: commercial words, products of the packs,
    /// sales calls.
    commercial: usize,
    /// How many recommending words it holds.
    promotion: usize,
    /// How many warning words it holds.
    warning: usize,
    /// Whether it makes a sales call of its own (a hard sell, a deal: the advertorial pack at
    /// warning or above, but for a word with an everyday sense: 恰饭 may be a meal).
    sells: bool,
    /// How many words of a person's illness or care (a doctor, a hospital, a diagnosis).
    narrative: usize,
    /// Whether it names something sold in words of its own (not inside a violation: a title
    /// that names a drug is about that drug, not a sale of it).
    names_goods: bool,
    /// Whether it is a tag, or holds a hashtag, that names a kind of goods by its head
    /// (#暴汗服, #除螨仪): one more thing sold the note names.
    tagged_goods: bool,
    /// Whether it holds up a thing with a demonstrative and its kind (这个喷雾, 这款面霜): a
    /// review's object, whatever each sentence names.
    shows_goods: bool,
}

/// The last characters of goods' names (`rules/context.toml`'s `goods_heads`: 衣, 椅, 仪, 膜)
/// and the tags that end with one but name no goods (`goods_heads_not`: 飞机, 红包), folded.
/// A tag is a short noun phrase, and a noun phrase's last character is its head: a tag of two
/// to eight characters headed by a goods head names a kind of thing sold, whatever its
/// modifiers (暴汗服, 电竞椅, 驱蚊液), where no list of products could hold every one.
#[derive(Debug, Clone, Default)]
pub(super) struct GoodsHeads {
    heads: Vec<String>,
    not: Vec<String>,
}

impl GoodsHeads {
    pub(super) fn new(heads: &[String], not: &[String]) -> GoodsHeads {
        let fold = |l: &[String]| l.iter().map(|w| fold_term(w)).filter(|w| !w.is_empty()).collect();
        GoodsHeads {
            heads: fold(heads),
            not: fold(not),
        }
    }

    /// Whether `tag` (a tag's text or a hashtag's, without its `#`) names a kind of goods.
    fn names_goods(&self, tag: &str) -> bool {
        let tag = fold_term(tag);
        (2..=8).contains(&tag.chars().count())
            && self.heads.iter().any(|h| tag.ends_with(h.as_str()) && tag != *h)
            && !self.not.iter().any(|n| tag.ends_with(n.as_str()))
    }

    /// Whether `text` shows a thing with a demonstrative and its kind (这个瘦腿霜, 这款颈枕, 那罐
    /// 蓝色盖子的修护霜): a product held up, as a review does. The kind is a run of one to nine Han
    /// characters after 这个/这款/那瓶… ending in a goods head that does not begin a word with the
    /// character after it (这个机会, 这个包括 are no goods) and is no tag of the `not` list (这个体贴).
    pub(super) fn shown(&self, text: &str) -> bool {
        self.shown_within(text, 9)
    }

    /// [`GoodsHeads::shown`] with a kind of at most `longest` characters: across a whole note a
    /// long run reaches past the noun into what is said of it (这个表情演技真滴服了).
    pub(super) fn shown_within(&self, text: &str, longest: usize) -> bool {
        if self.heads.is_empty() {
            return false;
        }
        let mut rest = text;
        while let Some(at) = rest.find(['这', '那']) {
            // (那个 is as often a filler or a pronoun as a pointer: 那个奔现的, 就那个)
            let far = rest[at..].starts_with('那');
            // (这 and 那 are both three bytes)
            let after = &rest[at + '这'.len_utf8()..];
            rest = after;
            let Some(measure) = after
                .chars()
                .next()
                .filter(|&c| DEMONSTRATIVE_MEASURES.contains(c) && !(far && c == '个'))
            else {
                continue;
            };
            if self.kind_at(&after[measure.len_utf8()..], measure, longest) {
                return true;
            }
        }
        false
    }

    /// Whether `noun` opens with a kind of goods (see [`GoodsHeads::shown`]); `measure` is the
    /// measure word before it, for the `not` list (这个体贴: 个体贴 ends with 体贴); `longest`, the
    /// most characters the kind may have.
    fn kind_at(&self, noun: &str, measure: char, longest: usize) -> bool {
        let han = noun
            .char_indices()
            .take_while(|&(_, c)| crate::normalize::reading::is_han(c))
            .take(longest);
        for (i, c) in han {
            let end = i + c.len_utf8();
            let kind = &noun[..end];
            let Some(head) = self.heads.iter().find(|h| kind.ends_with(h.as_str())) else {
                continue;
            };
            let starts_word = noun[end..].chars().next().is_some_and(|n| {
                let from = end - head.len();
                crate::words::is_word(&noun[from..end + n.len_utf8()])
            });
            // (a `not` word may reach back over the measure word: 个体贴)
            let named_not = |n: &String| match n.strip_suffix(kind) {
                Some(rest) => rest.is_empty() || rest.chars().eq([measure]),
                None => kind.ends_with(n.as_str()),
            };
            if !starts_word && !self.not.iter().any(named_not) {
                return true;
            }
        }
        false
    }

    /// Whether a field tags goods: a tag field by its whole text, any other by its hashtags
    /// (`#暴汗服 #居家健身`, Weibo's `#话题#`).
    fn tags_goods(&self, field: Field, text: &str) -> bool {
        if self.heads.is_empty() {
            return false;
        }
        if matches!(field, Field::Tag(_)) {
            return self.names_goods(text.trim().trim_start_matches(['#', '＃']));
        }
        text.split(['#', '＃'])
            .skip(1)
            .map(|rest| {
                rest.split(|c: char| c.is_whitespace() || matches!(c, '#' | '＃' | '[' | '［'))
                    .next()
                    .unwrap_or("")
            })
            .any(|t| self.names_goods(t))
    }
}

/// The longest kind of goods, in characters, that holds up a thing for the whole note
/// ([`FieldFacts::shows_goods`]): 这个护腰带, 这台按摩仪, 这瓶修护精华.
const SHOWN_KIND_LONGEST: usize = 4;

/// The measure words after 这 that hold up a thing (这个, 这款, 这瓶…): not 这样, 这里, 这次.
const DEMONSTRATIVE_MEASURES: &str = "个款瓶支盒罐袋套台把只双件条片颗副顶张块";

/// What a note as a whole does, decided once from all its fields: the law binds what
/// promotes, and a warning quotes what it warns about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stance {
    /// It reviews, recommends or sells: a product or a price named in its title, tags or
    /// body, or a recommending word. A claim anywhere in it counts.
    Promoting,
    /// It warns or reports more than it recommends: what it quotes is information.
    Warning,
    /// A person's illness or treatment (a doctor, a hospital, a diagnosis, twice or more) that
    /// recommends nothing: a drug or an injection named in it was prescribed, not sold.
    Care,
    /// Neither: a diary, a story. Claims count only where their sentence sells something.
    Narrating,
}

impl Stance {
    /// A note promotes when its title or a tag names something sold (it is about it), when
    /// it recommends (推荐, 测评, 回购) and names two things sold, when it recommends twice
    /// (a 空瓶 note where 下单 was easy), or when it names four (a
    /// review: the product, its texture, its price, where it was bought). One commercial word
    /// in a diary (门票, 店) does not make it a review.
    pub(super) fn of(facts: &[FieldFacts], sponsored: bool) -> Stance {
        let commercial: usize = facts.iter().map(|f| f.commercial).sum();
        let promotion: usize = facts.iter().map(|f| f.promotion).sum();
        // (a kind of goods tagged makes the note about it when the note also recommends or
        // names something sold: #电竞椅 over a review; not #墨镜 over a guide to choosing them)
        let about = facts.iter().any(|f| f.field != Some(Field::Body) && f.commercial > 0)
            || (facts.iter().any(|f| f.tagged_goods) && (promotion > 0 || commercial >= 1));
        // (a warning the writer files the note under, a tag #避雷, weighs twice: it says what
        // the whole note is; a title's 别乱买 is as often a hook over a recommendation)
        let warning: usize = facts
            .iter()
            .map(|f| match f.field {
                Some(Field::Tag(_)) => 2 * f.warning,
                _ => f.warning,
            })
            .sum();
        let narrative: usize = facts.iter().map(|f| f.narrative).sum();
        if sponsored {
            Stance::Promoting
        } else if warning > 0 && warning >= promotion {
            Stance::Warning
        } else if facts.iter().any(|f| f.sells) {
            // a note that makes a sales call sells what it names (赶紧囤两瓶)
            Stance::Promoting
        } else if narrative >= 2
            && (promotion == 0 || (promotion == 1 && narrative >= 6))
            && !facts.iter().any(|f| f.field != Some(Field::Body) && f.names_goods)
        {
            Stance::Care
        } else if about
            || (promotion > 0 && commercial >= 2)
            || promotion >= 2
            || commercial >= 4
            || facts.iter().any(|f| f.shows_goods)
        {
            Stance::Promoting
        } else {
            Stance::Narrating
        }
    }
}

impl FieldFacts {
    /// Whether the field tells of illness or care (a doctor, a hospital, a diagnosis).
    pub(super) fn tells_care(&self) -> bool {
        self.narrative > 0
    }

    /// What a field tells: its context words, except those inside its violations (recommending
    /// and warning words inside a violation are what the note says, not how it says it: 链接
    /// of a quoted 点击链接), and the different things sold it names. `plain_word` tells a word
    /// that says nothing of the note by itself (恰饭, which may be eating; 清仓, 秒杀, a sale
    /// told): it neither sells nor counts as recommending.
    pub(super) fn of(
        field: Field,
        text: &str,
        anchors: &[(Anchor, Span)],
        found: &[Violation],
        heads: &GoodsHeads,
        plain_word: impl Fn(&Violation) -> bool,
    ) -> FieldFacts {
        // what the violations cover, as disjoint sorted ranges (they are sorted by start); for
        // recommending words, what those but a prohibited product's cover (a call to buy a drink,
        // 闭眼冲, is the note recommending it; 链接 of a quoted 点击链接 is what the note says)
        let cover = |of: &dyn Fn(&Violation) -> bool| {
            let mut covered: Vec<(usize, usize)> = Vec::new();
            for v in found.iter().filter(|v| of(v)) {
                match covered.last_mut() {
                    Some(last) if v.span.start <= last.1 => last.1 = last.1.max(v.span.end),
                    _ => covered.push((v.span.start, v.span.end)),
                }
            }
            covered
        };
        let covered = cover(&|_| true);
        // (the same ranges unless a prohibited product was found)
        let covered_calls = found
            .iter()
            .any(|v| v.category == Category::ProhibitedProduct)
            .then(|| cover(&|v| v.category != Category::ProhibitedProduct));
        let within = |covered: &[(usize, usize)], s: Span| {
            let i = covered.partition_point(|&(start, _)| start <= s.start);
            i > 0 && covered[i - 1].1 >= s.end
        };
        let inside = |s: Span| within(&covered, s);
        // a warning word inside a recommending phrase is the phrase's (翻车 of 不翻车, 踩雷 of 零踩雷)
        let praised = |s: Span| {
            anchors
                .iter()
                .any(|&(a, p)| a == Anchor::Promotion && p.contains(s) && p != s)
        };
        // whether one of `words` ends right before `s`
        let after = |s: Span, words: &[&str]| {
            let before = text[..s.start].trim_end();
            words.iter().any(|w| before.ends_with(w))
        };
        // a warning word denied is praise whatever the negator (不会踩雷, 从没翻车, 绝不踩坑),
        // but never again is a lesson learned (再也不上当)
        let denied = |s: Span| after(s, &NEGATORS) && !after(s, &NEVER_AGAIN);
        let misbelief = |s: Span| {
            after(s, &MISBELIEF) || {
                let clause = &text[crate::context::clause(text, s.start, s.end).0..s.start];
                clause.chars().count() <= 16 && PAST_BELIEF.iter().any(|w| clause.contains(w))
            }
        };
        let advised = |s: Span| {
            let before = text[..s.start].trim_end();
            let before = before
                .strip_suffix(['还', '也', '又', '都', '就', '则'])
                .unwrap_or(before);
            let before = before.strip_suffix(['们']).unwrap_or(before);
            ADVISERS.iter().any(|w| before.ends_with(w))
        };
        // a warning word that is the second half of an A-not-A question (要不要买, 该不该买) asks,
        // it does not warn
        let asked = |s: Span| {
            let mut word = text[s.range()].chars();
            let (Some('不'), Some(verb)) = (word.next(), word.next()) else {
                return false;
            };
            text[..s.start].ends_with(verb)
        };
        // a caveat for a part of the readers (胃不好的姐妹不建议空腹喝)
        let caveat = |s: Span| CAVEATS.contains(&&text[s.range()]) && after(s, &SUBGROUPS);
        // a warning word of two characters whose second begins the next word (没收|拾: 收拾,
        // not 没收), or whose first ends the word before (晚上|当: 晚上, not 上当): the
        // segmentation around it puts its edge inside a word (a construction's
        // edges are its own). Segmented only where the second character and the next make a
        // word at all.
        let cut = |s: Span| {
            let mut chars = text[s.range()].char_indices();
            let (Some(_), Some((i, _)), None) = (chars.next(), chars.next(), chars.next()) else {
                return false;
            };
            let Some(next) = text[s.end..].chars().next() else {
                return false;
            };
            let second_at = s.start + i;
            let ahead = crate::words::is_word(&text[second_at..s.end + next.len_utf8()]);
            // ...or whose first ends the word before, a word more common than the warning word
            // (晚上|当睡眠面膜用: 晚上, not 上当; 小坑 of 小坑人 is no such word)
            let behind = text[..s.start].chars().next_back().is_some_and(|prev| {
                let before = &text[s.start - prev.len_utf8()..second_at];
                crate::words::frequency(before) > crate::words::frequency(&text[s.range()])
            });
            (ahead || behind) && {
                let words = crate::words::words_around(text, s.start, s.end);
                crate::words::splits(text, &words, s.start, s.end)
                    && words.iter().any(|&(a, b)| {
                        (ahead && a == second_at && b > s.end) || (behind && a < s.start && b == second_at)
                    })
            }
        };
        // the news watched or listened to as a pastime (边喝边看十分钟新闻, 看新闻联播), not news
        // reported (看到新闻说)
        let pastime = |s: Span| {
            &text[s.range()] == "新闻" && {
                let near = text[..s.start].char_indices().rev().nth(5).map_or(0, |(i, _)| i);
                let before = &text[near..s.start];
                text[s.end..].starts_with("联播")
                    || before
                        .char_indices()
                        .any(|(i, c)| matches!(c, '看' | '听' | '刷') && !before[i + c.len_utf8()..].starts_with('到'))
            }
        };
        // the context words outside the violations, by kind, in one pass
        let (mut promotion, mut warning, mut narrative, mut goods) = (0, 0, 0, 0);
        for &(a, s) in anchors.iter().filter(|&&(a, s)| match (a, &covered_calls) {
            (Anchor::Promotion, Some(calls)) => !within(calls, s),
            _ => !inside(s),
        }) {
            match a {
                Anchor::Promotion if advised(s) => narrative += 1,
                Anchor::Promotion if after(s, &DISCLAIMERS) || after(s, &SERVERS) => {}
                Anchor::Promotion => promotion += 1,
                Anchor::Narrative => narrative += 1,
                Anchor::Commercial => goods += 1,
                Anchor::Warning if praised(s) || misbelief(s) || asked(s) || caveat(s) || cut(s) || pastime(s) => {}
                Anchor::Warning if denied(s) => promotion += 1,
                Anchor::Warning => warning += 1,
            }
        }
        // a countdown lowered for want of a sale in its own sentence still says the note may sell
        // (最后3小时 below a product and its price): it counts as a recommending word
        // (once, in the body: a title that repeats it is the same countdown)
        if field == Field::Body
            && found
                .iter()
                .any(|v| v.category == Category::Advertorial && v.why == Some(Why::NoProduct) && !plain_word(v))
        {
            promotion += 1;
        }
        let mut things: Vec<&str> = anchors
            .iter()
            .filter(|&&(a, _)| a == Anchor::Commercial)
            .map(|(_, s)| &text[s.range()])
            .collect();
        things.sort_unstable();
        things.dedup();
        FieldFacts {
            field: Some(field),
            commercial: things.len(),
            promotion,
            warning,
            sells: found
                .iter()
                .any(|v| v.category == Category::Advertorial && v.severity >= Severity::Warning && !plain_word(v)),
            narrative,
            names_goods: goods > 0,
            tagged_goods: heads.tags_goods(field, text),
            shows_goods: heads.shown_within(text, SHOWN_KIND_LONGEST),
        }
    }
}

impl Linter {
    /// The note's stance, applied to the violations of all its fields: in a note that
    /// promotes, a claim lowered for want of a product in its sentence counts (the product is
    /// the note's); in a note that warns, what it quotes is information. Pattern hits of the
    /// redirect pack (a number, a handle, a link) are the writer's own contact whatever the
    /// note says, and stay.
    /// `business`: in a care note, whether the writer speaks somewhere as the business that
    /// sells (the lexicon's `seller_voice`: 我们是…宠物医院, 我们会所是…机构), as a clinic's or a
    /// confinement centre's own note does (asked by the caller of a care note only).
    pub(super) fn apply_stance(
        &self,
        stance: Stance,
        business: bool,
        facts: &[FieldFacts],
        note: &Note,
        out: &mut [Violation],
    ) {
        if stance == Stance::Narrating {
            // a word with an everyday sense in a note that promotes nothing is that sense
            // (看我家猫咪恰饭: eating)
            for v in out
                .iter_mut()
                .filter(|v| v.severity >= Severity::Warning && v.why != Some(Why::Sponsored))
            {
                if self.everyday(v) {
                    severity::settle(v, Why::Everyday, || None);
                }
            }
            return;
        }
        if out.is_empty() {
            return;
        }
        // a product recommended only where it is (a drink): the note is about it when it is
        // named in the title or a tag, or recommended in a clause of its own
        let mut promoted: Vec<String> = Vec::new();
        // a title or a tag that recommends (…推荐, 必买清单) makes the note a list of things to buy
        let headline_recommends = facts.iter().any(|f| f.field != Some(Field::Body) && f.promotion > 0);
        if stance == Stance::Promoting && out.iter().any(|v| v.why == Some(Why::NotPromoted)) {
            // (a title's or a tag's drink is the note's subject unless the writer says they do
            // not drink, 德国的啤酒节…我不太会喝酒, or the note teaches about it, 冷知识)
            // (read once, and only when a violation stands above the body)
            let scene_only = out.iter().any(|v| v.field != Field::Body)
                && [note.title.as_str(), note.body.as_str()].iter().any(|t| {
                    let t = crate::normalize::simplified_in_place(t);
                    ABSTAINED.iter().chain(&TAUGHT).any(|w| t.contains(w))
                });
            promoted = out
                .iter()
                .filter(|v| {
                    (v.field != Field::Body && !scene_only) || (v.why.is_none() && v.severity >= Severity::Warning)
                })
                .map(|v| v.rule.clone())
                .collect();
            // ...and a rule promoted by another's violation anywhere in the note (a drink by a
            // call to buy it, 姐妹们冲: the rule's `promoted_by`)
            let calls = |id: &String| out.iter().any(|c| &c.rule == id && c.severity >= Severity::Warning);
            for v in out.iter().filter(|v| v.why == Some(Why::NotPromoted)) {
                if self.rule(&v.rule).is_some_and(|r| r.promoted_by.iter().any(calls)) {
                    promoted.push(v.rule.clone());
                }
            }
            // ...and a drink tasted on its own line (its degrees, 入口, 泡沫) in a body that
            // recommends in a clause of its own (推荐你们去便利店, 姐妹们冲, 网上旗舰店也能买): a
            // note about a drink recommends the drink, wherever it is named; a drink named in
            // passing (a diary's 两杯冰啤酒, a novel's 香槟, a candle's 热红酒) is tasted nowhere
            if facts.iter().any(|f| f.field == Some(Field::Body) && f.promotion > 0) {
                for v in out
                    .iter()
                    .filter(|v| v.why == Some(Why::NotPromoted) && tasted(note.field_text(v.field), v.span))
                {
                    promoted.push(v.rule.clone());
                }
            }
            promoted.sort_unstable();
            promoted.dedup();
        }
        // each field's text in simplified characters at the same offsets, made once per field
        // (for the warning stance's words around a hit)
        let mut plain: Vec<(Field, std::borrow::Cow<'_, str>)> = Vec::new();
        for v in out.iter_mut() {
            let lowered = match v.why {
                Some(Why::NoProduct) => true,
                // a cure told as a construction (结节小了一半, 比吃药还管用) in a note that
                // recommends the thing is its testimonial; a bare medical word in an illness
                // told beside a review (孩子住院治疗了一周) stays the story's
                // (unless the note tells a course of the thing taken, 喝了三个月, 吃了半年: the
                // family's testimonial is how health food is sold)
                Some(Why::IllnessStory) => !self.is_plain_term(v) || took_a_course(note.field_text(v.field)),
                Some(Why::NotPromoted) => headline_recommends || promoted.binary_search(&v.rule).is_ok(),
                _ => false,
            };
            match stance {
                Stance::Promoting if lowered => {
                    let rule = self.rule(&v.rule);
                    severity::settle(v, Why::Promotes, || rule);
                }
                Stance::Warning if v.severity >= Severity::Warning && v.why != Some(Why::Sponsored) => {
                    // the writer's own contact, not a quote: a number, handle or link (a
                    // pattern's) or a disguised channel; a place its rule counts only after a
                    // call (要完整版的戳头像), or a channel followed by the writer's own name to
                    // find there (小绿软件搜一搜「装修避坑君」), unless the clause reports someone
                    // else's call (骗子让我加他); never inside quotation marks (对方说“加我微信…”)
                    let text: &str = match plain.iter().position(|(f, _)| *f == v.field) {
                        Some(i) => &plain[i].1,
                        None => {
                            plain.push((v.field, crate::normalize::simplified_in_place(note.field_text(v.field))));
                            &plain[plain.len() - 1].1
                        }
                    };
                    // (a construction of a rule of places, 在闲鱼上挂了, names only a place
                    // unless it holds letters or digits: it needs what a plain term needs; a
                    // call's construction, 需要的私聊, is the writer's own,
                    // unless its sentence says someone bid the reader make it: 陌生人让你私聊领福利)
                    let own_contact = v.category == Category::OffPlatform
                        && !quoted(text, v.span)
                        && ((!self.is_plain_term(v)
                            && (contact_like(v) || !self.needs_call(v) && !bidden(text, v.span)))
                            || ((self.needs_call(v) || named_after(text, v.span)) && !reported(text, v.span)))
                        && !someone_elses(text, v.span);
                    // (and a claim written in disguise, zui好用, is the writer's: nobody disguises
                    // a word they quote)
                    // (unless it stands in quotation marks: the scam's "安mian药" quoted as it was sold)
                    let own_claim = matches!(v.category, Category::BannedWord | Category::ProhibitedProduct)
                        && (spelled_out(v)
                            || recommended_here(text, v.span)
                            || (v.category == Category::BannedWord && said_of_the_thing_at_hand(text, v.span)))
                        && !quoted(text, v.span);
                    if matches!(
                        v.category,
                        Category::BannedWord
                            | Category::ProhibitedProduct
                            | Category::Advertorial
                            | Category::OffPlatform
                    ) && !own_contact
                        && !own_claim
                    {
                        severity::settle(v, Why::Warns, || None);
                    }
                }
                // (a claim written in disguise, kang癌, 降xue压, 顶.级, hides from review: no care
                // note does that)
                // (nor a drug bought online, past the prescription: 在网路上买柔沛)
                // (nor a claim of a clinic telling its own care: 我们是全市唯一24小时坐诊的宠物医院
                // sells it, where a clinic saying what it does not do, 我们是口腔诊所，不做瘦脸针,
                // is care still)
                Stance::Care
                    if v.severity >= Severity::Warning
                        && matches!(v.category, Category::BannedWord | Category::ProhibitedProduct)
                        && !(v.category == Category::BannedWord && (written_in_disguise(v) || business))
                        && !spelled_out(v)
                        && !(v.category == Category::ProhibitedProduct
                            && bought_online(note.field_text(v.field), v.span)) =>
                {
                    severity::settle(v, Why::IllnessStory, || None);
                }
                _ => {}
            }
        }
    }

    /// Whether `v` matched, as written, one of its rule's terms with an everyday sense (恰饭).
    /// (Folded once when the linter is built; `matched` folded only for a rule that has some.)
    pub(super) fn everyday(&self, v: &Violation) -> bool {
        listed(&self.inner.everyday, v)
    }

    /// Whether `v` only urges a reader to buy (its rule's `urging` matches its whole folded
    /// text: 快去买, 赶紧囤, 直接下单), written in words alone: a picture inside it (戳🔗直接拍)
    /// points at a channel, which folding would drop.
    fn urges(&self, v: &Violation) -> bool {
        v.matched
            .chars()
            .all(|c| crate::normalize::reading::is_han(c) || c.is_whitespace())
            && self
                .inner
                .rules
                .iter()
                .find(|r| r.rule.id == v.rule)
                .and_then(|r| r.urging.as_ref())
                .is_some_and(|re| re.is_match(&fold_term(&v.matched)))
    }

    /// A reader urged to buy (姐妹们快去买, 赶紧囤起来, 网上药店直接下单) in an organic note that
    /// sells nothing itself, no link, cart, coupon, price mechanics or contact (no other
    /// advertorial or redirect violation at warning or above), is a reviewer's enthusiasm:
    /// reported at info. Beside anything that sells (点左下角直接下单, 领券后到手69，快冲), it
    /// is the sale's call and counts.
    pub(super) fn urged_without_a_sale(&self, out: &mut [Violation]) {
        let selling = |v: &Violation| matches!(v.category, Category::Advertorial | Category::OffPlatform);
        lower_when_alone(out, |v| selling(v) && self.urges(v), |_, w| selling(w), Why::Urged);
    }

    /// A sale told but nobody called to it (清仓, 先到先得: a rule's `supporting` terms) counts
    /// only beside another violation of its category at warning or above (清仓价39，点左下角
    /// 🛒): alone (毕业清仓，宿舍的台灯便宜出) it is reported at info.
    pub(super) fn unsupported(&self, out: &mut [Violation]) {
        if self.inner.supporting.is_empty() {
            return;
        }
        lower_when_alone(out, |v| self.supports(v), |v, w| v.category == w.category, Why::Alone);
    }

    /// Whether `v` matched, as written, one of its rule's `supporting` terms (清仓, 秒杀): a
    /// sale told, which says nothing of the note's stance by itself.
    pub(super) fn supports(&self, v: &Violation) -> bool {
        listed(&self.inner.supporting, v)
    }

    /// A violation lowered for its own sentence (no product there, recommended to nobody, an
    /// illness told, a warning note, an everyday sense, a reader urged) or a mention its rule
    /// reports at info (微信), in a note that stands by another of its category at warning or
    /// above, counts: the note makes claims (this one among them), sells the thing or
    /// redirects (微信 beside the handle), and a reviewer marks each place. Raised to its
    /// rule's level, warning at least ([`Why::Kindred`]). A word quoted as a word and an effect
    /// that is a flagged product's stay where they are: they are no claim of the note's.
    ///
    /// A drug its sentence lowered (an illness told, nothing recommended) counts the same way
    /// in a note that gives its own contact at warning or above: a prescription offered with a
    /// handle is sold through it (the rule's `sold_by_contact`).
    pub(super) fn kindred(&self, note: &Note, out: &mut [Violation]) {
        let mut standing: Vec<Category> = out
            .iter()
            .filter(|v| v.severity >= Severity::Warning)
            .map(|v| v.category)
            .collect();
        if standing.is_empty() {
            return;
        }
        standing.sort_unstable();
        standing.dedup();
        let contact = standing.binary_search(&Category::OffPlatform).is_ok();
        // the sales of the note: a hard sell or a sponsorship of the advertorial pack, or the
        // writer's own contact, at warning or above, by place
        let sales: Vec<(Field, Span)> = out
            .iter()
            .filter(|w| {
                w.severity >= Severity::Warning && matches!(w.category, Category::Advertorial | Category::OffPlatform)
            })
            .map(|w| (w.field, w.span))
            .collect();
        // (a thing promoted, a drink, on the line of a sale is among what it sells: 全场酒水买一送一,
        // 自酿的米酒…淘宝搜; a drink on another line, a flavour or a colour listed under a
        // candle's or a bread's price, is not)
        let on_a_sales_line = |v: &Violation| {
            let text = note.field_text(v.field);
            sales.iter().any(|&(f, s)| {
                f == v.field && {
                    let (a, b) = (s.start.min(v.span.start), s.end.max(v.span.end));
                    text.get(a..b).is_some_and(|t| !t.contains('\n'))
                }
            })
        };
        for v in
            out.iter_mut().filter(|v| {
                if v.severity >= Severity::Warning {
                    return false;
                }
                // (a drink its sentence recommended to nobody, in a note that sells: the drink
                // is among what it sells, 全场酒水买一送一 beside 限时抢购)
                let sold = self.rule(&v.rule).is_some_and(|r| {
                    (contact && r.sold_by_contact)
                        || (r.scope == Some(Scope::Promotion) && v.why == Some(Why::NotPromoted) && on_a_sales_line(v))
                });
                (sold || standing.binary_search(&v.category).is_ok())
                    && match v.why {
                        None
                        | Some(
                            Why::NoProduct | Why::NotPromoted | Why::Warns | Why::Everyday | Why::Urged | Why::Alone,
                        ) => true,
                        // (a bare medical word in an illness told beside a review stays the story's:
                        // 孩子住院治疗了一周, as in a promoting note)
                        Some(Why::IllnessStory) => sold || !self.is_plain_term(v),
                        _ => false,
                    }
            })
        {
            let rule = self.rule(&v.rule);
            severity::settle(v, Why::Kindred, || rule);
        }
    }

    /// Whether `v`'s rule counts its terms only after a call or before a pointer (`before`,
    /// `after`): a place or a channel named, not a word mentioned.
    fn needs_call(&self, v: &Violation) -> bool {
        self.rule(&v.rule)
            .is_some_and(|r| !r.before.is_empty() || r.after.is_some())
    }

    /// Whether `v` matched a term of its own rule as written (not a construction of its patterns).
    pub(super) fn is_plain_term(&self, v: &Violation) -> bool {
        let inner = &*self.inner;
        inner.ids.get(&fold_term(&v.matched)).is_some_and(|&id| {
            inner.roles[id]
                .iter()
                .any(|role| matches!(role, Role::Term { rule, .. } if inner.rules[*rule as usize].rule.id == v.rule))
        })
    }

    /// An efficacy word inside the name of a prohibited thing (溶脂 of 溶脂针, 排油 of 排油丸)
    /// is part of that name: the thing is reported, not a claim besides. (A grade before it,
    /// 顶级 of 顶级复刻, is still a claim.) And in a note flagged for a drug or an injection
    /// (a prohibited thing that has effects), the effects it tells (生发, 两个月瘦了14斤, and a
    /// result had, 一个月掉了九斤) are that thing's: lowered to info, the thing is what is
    /// reported.
    pub(super) fn names_hold_their_words(&self, out: &mut Vec<Violation>) {
        let names: Vec<(Field, Span)> = out
            .iter()
            .filter(|v| v.category == Category::ProhibitedProduct)
            .map(|v| (v.field, v.span))
            .collect();
        if names.is_empty() {
            return;
        }
        let efficacy = |v: &Violation| {
            v.category == Category::BannedWord && self.rule(&v.rule).and_then(|r| r.scope) == Some(Scope::Efficacy)
        };
        out.retain(|v| {
            !efficacy(v)
                || !names
                    .iter()
                    .any(|&(f, s)| f == v.field && s.contains(v.span) && s != v.span)
        });
        let takes_effect = out.iter().any(|v| {
            v.category == Category::ProhibitedProduct
                && v.severity >= Severity::Warning
                && self.rule(&v.rule).is_some_and(|r| r.effects)
        });
        if takes_effect {
            for v in out.iter_mut().filter(|v| {
                (efficacy(v) || told_result(v)) && v.severity >= Severity::Warning && v.why != Some(Why::Sponsored)
            }) {
                severity::settle(v, Why::ProductsEffect, || None);
            }
        }
    }
}

/// Whether `v` matched, as written, one of its rule's words in `words` (folded, with their
/// rule's id: the `everyday` or `supporting` lists); `matched` folded only for a rule that has
/// some.
fn listed(words: &[(String, String)], v: &Violation) -> bool {
    let mut words = words.iter().filter(|(id, _)| *id == v.rule).peekable();
    if words.peek().is_none() {
        return false;
    }
    let matched = fold_term(&v.matched);
    words.any(|(_, w)| *w == matched)
}

/// Lowers to info, for `why`, every violation at warning or above that `picked` picks and
/// that no other at warning or above, not picked itself, stands `beside` (`beside(v, w)`: `w`
/// is the kind of thing that makes `v` count).
fn lower_when_alone(
    out: &mut [Violation],
    picked: impl Fn(&Violation) -> bool,
    beside: impl Fn(&Violation, &Violation) -> bool,
    why: Why,
) {
    let picked: Vec<bool> = out
        .iter()
        .map(|v| v.severity >= Severity::Warning && picked(v))
        .collect();
    let alone: Vec<usize> = (0..out.len())
        .filter(|&i| {
            picked[i]
                && !out
                    .iter()
                    .zip(&picked)
                    .any(|(w, &p)| !p && w.severity >= Severity::Warning && beside(&out[i], w))
        })
        .collect();
    for i in alone {
        severity::settle(&mut out[i], why, || None);
    }
}

/// Whether a claim tells a result already had (一个月掉了九斤, 瘦了10斤): in a note about a drug
/// or an injection that is what it did, its effect; a promise (7天瘦10斤, 立竿见影, 无效退款) is
/// a claim whatever it is made of. (A result over months without 了, 三个月掉秤28斤, was tried
/// as told too: three read sets call 一个月保证瘦15斤 and 一个月掉15斤 a seller's promise.)
fn told_result(v: &Violation) -> bool {
    v.category == Category::BannedWord && v.matched.contains('了')
}

/// Words of a drug bought online or past the prescription (网上买, 网路上买, 不用处方, 代购).
const BOUGHT_ONLINE: [&str; 12] = [
    "网上买",
    "网路上买",
    "网络上买",
    "网购",
    "网上下单",
    "网上就能买",
    "网上药房",
    "不用处方",
    "不要处方",
    "免处方",
    "代购",
    "海淘",
];

/// ...and the words that make such a sentence advice against it (医生说不要自己网上买安眠药).
const BUT_NOT: [&str; 9] = ["不要", "别", "不能", "千万", "切勿", "禁止", "提醒", "不可以", "不建议"];

/// Whether the sentence of `span` says its drug was bought online or without a prescription
/// ([`BOUGHT_ONLINE`]), and nobody in it says not to ([`BUT_NOT`]).
fn bought_online(text: &str, span: Span) -> bool {
    let (from, to) = context::sentence(text, span.start, span.end);
    let sentence = crate::normalize::simplified_in_place(&text[from..to]);
    BOUGHT_ONLINE.iter().any(|w| sentence.contains(w)) && !BUT_NOT.iter().any(|w| sentence.contains(w))
}

/// Whether a violation's own text shows a disguise: read by sound, pinyin, initials or emoji,
/// or its characters set apart by a symbol (顶.级, 极·致).
fn written_in_disguise(v: &Violation) -> bool {
    (v.reading.is_some() && !two_initials(v)) || spelled_out(v) || {
        // (between two Han characters: No.1 is how it is written)
        let c: Vec<char> = v.matched.chars().collect();
        c.windows(3).any(|w| {
            !w[1].is_alphanumeric()
                && !w[0].is_ascii()
                && !w[2].is_ascii()
                && w[0].is_alphanumeric()
                && w[2].is_alphanumeric()
        })
    }
}

/// Whether a violation is a name read from two initials alone (rd, yk): the trade's own short
/// names, which a warning writes too, so no sign of a disguise.
fn two_initials(v: &Violation) -> bool {
    v.reading.as_ref().is_some_and(|r| r.how == ["initials"])
        && v.matched.chars().filter(char::is_ascii_alphabetic).count() == 2
        && v.matched.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
}

/// Whether a violation was spelled in Latin letters for characters: read as pinyin or initials,
/// or a lowercase syllable glued to a Han character (含西bu, zui好用). Nobody spells out a word
/// they quote, nor a drug they were prescribed.
fn spelled_out(v: &Violation) -> bool {
    let c: Vec<char> = v.matched.chars().collect();
    let han = |c: char| crate::normalize::reading::is_han(c);
    v.reading.as_ref().is_some_and(|r| {
        r.how
            .iter()
            .any(|h| h == "pinyin" || (h == "initials" && !two_initials(v)))
    }) || c.windows(3).any(|w| {
        (han(w[0]) && w[1].is_ascii_lowercase() && w[2].is_ascii_lowercase())
            || (w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase() && han(w[2]))
    })
}

/// Whether an off-platform violation holds what reaches someone: a reading (a disguised
/// channel), letters or digits (a handle, a number, a link).
fn contact_like(v: &Violation) -> bool {
    v.reading.is_some() || v.matched.chars().any(|c| c.is_ascii_alphanumeric() || c.is_numeric())
}

/// Whether a name to look up follows `span` in its clause: a search (搜, 搜一搜, 搜索) and a
/// name in quotation marks or brackets, or a colon and a handle of letters and digits.
fn named_after(text: &str, span: Span) -> bool {
    let (_, to) = context::sentence(text, span.start, span.end);
    let clause: String = text[span.end..to].chars().take(16).collect();
    let searched = ["搜", "搜一搜", "搜索"].iter().any(|w| {
        clause.find(w).is_some_and(|i| {
            clause[i + w.len()..]
                .trim_start()
                .starts_with(['「', '“', '"', '『', '【', '《'])
        })
    });
    let handle = clause.find([':', '：']).is_some_and(|i| {
        let rest = clause[i..].trim_start_matches([':', '：', ' ']);
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .count()
            >= 4
    });
    searched || handle
}

/// Whether the clause before `span` reports a call someone else made (骗子让我加他, 对方说戳头像,
/// 客服叫我私聊): words of reported speech between the last clause break and the hit.
fn reported(text: &str, span: Span) -> bool {
    /// Reported speech and those who speak it, besides the words of bidding ([`BIDDING`]).
    const REPORTING: [&str; 9] = ["说", "问我", "对方", "骗子", "客服", "他们", "她们", "商家", "中介"];
    said_before(text, span, &BIDDING) || said_before(text, span, &REPORTING)
}

/// Words of bidding someone do something (让你, 叫我): see [`bidden`].
const BIDDING: [&str; 7] = ["让我", "叫我", "要我", "让你", "叫你", "让大家", "让人"];

/// Whether `span`'s sentence says, before it, that someone bid the reader or the writer do
/// what it says (陌生人让你私聊领福利): a call reported, not made. (Not 骗子 or 说 alone: a seller's
/// 骗子勿扰，要的私聊 makes its own call.)
fn bidden(text: &str, span: Span) -> bool {
    said_before(text, span, &BIDDING)
}

/// Whether the contact at `span` is said in its sentence to be someone else's, the one who
/// asked to be added (让我加他vx：…, 对方的微信号是…): in a warning note, a scammer's handle
/// reported, not the writer's own.
fn someone_elses(text: &str, span: Span) -> bool {
    const OTHERS: [&str; 10] = [
        "让我加",
        "叫我加",
        "要我加",
        "让我添加",
        "加他",
        "加她",
        "他的",
        "她的",
        "对方的",
        "骗子的",
    ];
    said_before(text, span, &OTHERS)
}

/// Whether one of `words` stands in `span`'s sentence before it.
fn said_before(text: &str, span: Span, words: &[&str]) -> bool {
    let (from, _) = context::sentence(text, span.start, span.end);
    let before = &text[from..span.start];
    words.iter().any(|w| before.contains(w))
}

/// Whether `span` of `text` stands inside quotation marks on its line: an opening mark before
/// it that is not closed, and a closing one after it.
fn quoted(text: &str, span: Span) -> bool {
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return false;
    };
    let line_before = before.rsplit('\n').next().unwrap_or("");
    let line_after = after.split('\n').next().unwrap_or("");
    let count = |s: &str, marks: &[char]| s.chars().filter(|c| marks.contains(c)).count();
    let (open, close) = (['“', '「', '『', '‘'], ['”', '」', '』', '’']);
    let typographic = count(line_before, &open) > count(line_before, &close) && count(line_after, &close) > 0;
    let straight = |q: char| count(line_before, &[q]) % 2 == 1 && count(line_after, &[q]) > 0;
    typographic || straight('"') || straight('\'')
}
