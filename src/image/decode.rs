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
    Ok(img.into_rgb8())
}
