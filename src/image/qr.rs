//! QR codes: found and decoded by `rqrr` (pure Rust), and told apart: does a code lead off
//! the platform?

use super::{BoxXywh, Code};

/// From this many pixels a side, codes are looked for at half size first (each 2×2 pixels
/// averaged), at full size only when none is found there: a code in a note's picture is large
/// (its modules stay a few pixels wide at half size), and a quarter of the pixels is a
/// quarter of the time. A huge photo's large code is found more surely at half size too.
const HALVE_FROM: u32 = 1000;

/// Every QR code that decodes in the image, each once.
pub fn find_codes(rgb: &image::RgbImage) -> Vec<Code> {
    let (w, h) = (rgb.width() as usize, rgb.height() as usize);
    let grey: Vec<u8> = rgb
        .pixels()
        .map(|p| ((p.0[0] as u32 * 299 + p.0[1] as u32 * 587 + p.0[2] as u32 * 114) / 1000) as u8)
        .collect();
    if rgb.width().max(rgb.height()) >= HALVE_FROM {
        let (hw, hh) = (w / 2, h / 2);
        let mut half = Vec::with_capacity(hw * hh);
        for y in 0..hh {
            let (top, bottom) = (&grey[2 * y * w..][..w], &grey[(2 * y + 1) * w..][..w]);
            half.extend((0..hw).map(|x| {
                let sum = top[2 * x] as u32 + top[2 * x + 1] as u32 + bottom[2 * x] as u32 + bottom[2 * x + 1] as u32;
                (sum / 4) as u8
            }));
        }
        let codes = scan(&half, hw, hh, 2.0);
        if !codes.is_empty() {
            return codes;
        }
    }
    scan(&grey, w, h, 1.0)
}

/// The codes in a `w` × `h` grey image, their boxes scaled by `scale`.
fn scan(grey: &[u8], w: usize, h: usize, scale: f32) -> Vec<Code> {
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| grey[y * w + x]);
    let mut out: Vec<Code> = Vec::new();
    for grid in prepared.detect_grids() {
        let Ok((_, payload)) = grid.decode() else { continue };
        let xs = grid.bounds.iter().map(|p| p.x.max(0) as f32 * scale);
        let ys = grid.bounds.iter().map(|p| p.y.max(0) as f32 * scale);
        let (x0, x1) = xs.fold((f32::MAX, 0f32), |(a, b), v| (a.min(v), b.max(v)));
        let (y0, y1) = ys.fold((f32::MAX, 0f32), |(a, b), v| (a.min(v), b.max(v)));
        let bbox: BoxXywh = [x0 as u32, y0 as u32, (x1 - x0).ceil() as u32, (y1 - y0).ceil() as u32];
        if !out.iter().any(|c| c.payload == payload && c.bbox == bbox) {
            out.push(Code { payload, bbox });
        }
    }
    out
}

/// Hosts that are Xiaohongshu's own: a link to them stays on the platform.
const OWN_HOSTS: &[&str] = &[
    "xiaohongshu.com",
    "xhslink.com",
    "xhscdn.com",
    "xiaohongshu.cn",
    "rednote.com",
];

/// Hosts of WeChat's personal, group and payment codes.
const WECHAT_HOSTS: &[&str] = &["weixin.qq.com", "u.wechat.com", "wechat.com", "wx.qq.com"];

/// Why a code's payload leads off the platform, or `None` when it does not (or is not a
/// contact at all: a Wi-Fi login, a product number, plain words). `text_is_off` tells whether
/// the linter finds an off-platform contact in the payload read as text (share codes, phone
/// numbers, handles), for what is not a link.
pub fn off_platform(payload: &str, text_is_off: impl FnOnce(&str) -> bool) -> Option<&'static str> {
    let p = payload.trim();
    let lower = p.to_ascii_lowercase();
    if let Some(host) = host_of(&lower) {
        if WECHAT_HOSTS.iter().any(|h| on_host(&host, h)) {
            return Some("a WeChat code");
        }
        if OWN_HOSTS.iter().any(|h| on_host(&host, h)) {
            return None;
        }
        return Some("a link off the platform");
    }
    const SCHEMES: &[(&str, &str)] = &[
        ("weixin:", "a WeChat code"),
        ("wxp:", "a WeChat code"),
        ("tel:", "a phone number"),
        ("sms:", "a phone number"),
        ("smsto:", "a phone number"),
        ("mailto:", "an e-mail address"),
        ("mecard:", "a contact card"),
        ("begin:vcard", "a contact card"),
        ("alipays:", "an Alipay code"),
        ("taobao:", "a shop link"),
        ("tbopen:", "a shop link"),
        ("openapp.jdmobile:", "a shop link"),
        ("pinduoduo:", "a shop link"),
        ("snssdk1128:", "a Douyin link"),
        ("mqqapi:", "a QQ code"),
        ("mqqopensdkapi:", "a QQ code"),
        ("xhsdiscover:", ""),
    ];
    if let Some((_, why)) = SCHEMES.iter().find(|(s, _)| lower.starts_with(s)) {
        return (!why.is_empty()).then_some(*why);
    }
    let digits: String = p.chars().filter(char::is_ascii_digit).collect();
    let phone_like = p.chars().all(|c| c.is_ascii_digit() || " -+()".contains(c));
    if phone_like && (digits.len() == 11 && digits.starts_with('1') || digits.len() == 13 && digits.starts_with("861"))
    {
        return Some("a phone number");
    }
    text_is_off(p).then_some("an off-platform contact")
}

fn on_host(host: &str, own: &str) -> bool {
    host == own || host.strip_suffix(own).is_some_and(|rest| rest.ends_with('.'))
}

/// The host of a URL or of something written like one (`www.x.com/…`, `x.cn/abc`), lowercased.
fn host_of(lower: &str) -> Option<String> {
    let rest = match lower.split_once("://") {
        Some(("http" | "https" | "ftp", rest)) => rest,
        Some(_) => return None,
        None => lower,
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last()?;
    let looks_like_host = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic());
    (looks_like_host && (lower.contains("://") || !host.contains(' '))).then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn off(p: &str) -> Option<&'static str> {
        off_platform(p, |t| t.contains("口令"))
    }

    #[test]
    fn links_off_and_on_the_platform() {
        assert!(off("https://u.wechat.com/EHr3xyz").is_some());
        assert!(off("https://weixin.qq.com/g/AbCdEf").is_some());
        assert!(off("http://example.com/shop").is_some());
        assert!(off("www.taobao.com").is_some());
        assert!(off("t.cn/A6xyz").is_some());
        assert!(off("https://www.xiaohongshu.com/user/profile/5f00").is_none());
        assert!(off("http://xhslink.com/a/Bc1").is_none());
        assert!(off("https://evilxiaohongshu.com/").is_some());
        assert!(off("tel:13812345678").is_some());
        assert!(off("138 1234 5678").is_some());
        assert!(off("WIFI:S:cafe;T:WPA;P:secret;;").is_none());
        assert!(off("谢谢光临").is_none());
        assert!(off("6901234567892").is_none());
        assert!(off("复制口令打开").is_some());
    }
}
