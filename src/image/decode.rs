//! Image bytes to pixels, within limits.

use super::ImageError;

/// The largest image taken, in pixels a side (Xiaohongshu's own limit is far below).
const MAX_SIDE: u32 = 12_000;
/// The most memory a decoder may take.
const MAX_ALLOC: u64 = 512 << 20;

pub(super) fn decode(bytes: &[u8]) -> Result<image::RgbImage, ImageError> {
    let format = image::guess_format(bytes).map_err(|e| ImageError::Decode(e.to_string()))?;
    if !matches!(
        format,
        image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP
    ) {
        return Err(ImageError::Decode(format!("{format:?} is not read")));
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(l) => ImageError::TooLarge(l.to_string()),
        other => ImageError::Decode(other.to_string()),
    })?;
    if img.width() == 0 || img.height() == 0 {
        return Err(ImageError::Decode("the image is empty".to_owned()));
    }
    if !img.color().has_alpha() {
        return Ok(img.into_rgb8());
    }
    // transparent pixels over white (a transparent PNG's hidden colour is often black, and so
    // is its text)
    let rgba = img.into_rgba8();
    Ok(image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((c as u32 * a as u32 + 255 * (255 - a as u32)) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transparency_is_shown_over_white() {
        let img = image::RgbaImage::from_fn(4, 4, |x, _| {
            if x < 2 {
                image::Rgba([0, 0, 0, 0])
            } else {
                image::Rgba([0, 0, 0, 255])
            }
        });
        let mut png = std::io::Cursor::new(Vec::new());
        img.write_to(&mut png, image::ImageFormat::Png).unwrap();
        let rgb = decode(png.get_ref()).unwrap();
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(rgb.get_pixel(3, 0).0, [0, 0, 0]);
    }
}
