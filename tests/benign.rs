//! A wall of ordinary notes that must raise nothing at warning or above: the traps a linter
//! that cries wolf falls into (time words with 最, 第一次, 烟熏妆, 酒店, 微信支付, prices, dates,
//! place names...). Written for this project.

use redlint::{Linter, Note, Severity};

const BENIGN: &[&str] = &[
    "最近天气转凉，翻出了去年的大衣，最后还是穿了卫衣出门",
    "最初以为这家店很远，最终发现地铁两站就到",
    "第一次去迪士尼，第一天就把烟花秀看了",
    "第一步洗脸，第二步拍爽肤水，第三步涂面霜",
    "今天画了一个棕色烟熏妆，配酒红色口红很搭",
    "老街的烟火气让人很放松，晚上还有烟花",
    "酒店的早餐很丰富，房间能看到江景",
    "这件针织开衫是正品，在商场专柜买的",
    "烟酰胺精华用了一个月，肤色均匀了一点",
    "结账可以用微信支付，也可以用支付宝",
    "一共花了13800元装修，比预算多了两千",
    "2024年12月25日的圣诞市集，人超级多",
    "地铁10号线交通大学站出来就是，步行五分钟",
    "评论区有人问色号，统一回复一下是02",
    "非广！自用分享，缺点也说一下：有点油",
    "这不是广告，是我真心喜欢的一本书",
    "衣服价格三百左右，质量还可以",
    "商场周年庆人好多，排队排了半小时",
    "唯一的缺点是有点远，周末人也多",
    "这个颜色绝对不适合黄皮，避雷",
    "去了国家级森林公园，空气很好",
    "期末考试班级第一百名，继续加油吧",
    "最早一班地铁是六点，最晚一班十一点",
    "医院禁止吸烟的标志很显眼",
    "燕麦+牛奶+香蕉，十分钟搞定早餐 #早餐 #打卡",
    "从南锣鼓巷一路走到什刹海，秋天的银杏特别好看",
    "绿萝喜欢散射光，一周浇一次水，叶子发黄就剪掉",
    "帐篷、睡袋、防潮垫、头灯、驱蚊液，第一次露营的朋友可以参考",
    "Made carbonara with guanciale and pecorino, simple and so good",
    "在京东买的，物流很快，第二天就到了",
    "扫码点餐很方便，不用排队",
    "今天步数12345步，腿要断了",
    "夏天太炎热了，病毒式传播的那首歌一直在脑子里",
    "复刻了妈妈的红烧肉，味道有八分像",
    "这家火锅的料酒味有点重",
    "周末去爬山🏔️，山顶风景绝了🙂",
    "小区门口新开了一家面包店🥐，可颂很酥",
    "我最喜欢的一部电影是千与千寻",
    "这学期的第一节课是高数",
];

#[test]
fn ordinary_notes_raise_nothing_at_warning_or_above() {
    let linter = Linter::builtin();
    let mut noisy = Vec::new();
    for text in BENIGN {
        for sponsored in [false] {
            let note = Note::from_body(*text).sponsored(sponsored);
            for v in linter.lint(&note) {
                if v.severity >= Severity::Warning {
                    noisy.push(format!("{text:?}: {} {} {:?}", v.rule, v.severity, v.matched));
                }
            }
        }
    }
    assert!(noisy.is_empty(), "benign notes flagged:\n{}", noisy.join("\n"));
}
