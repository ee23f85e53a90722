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
    let error = |e: image::ImageError| match e {
        image::ImageError::Limits(l) => ImageError::TooLarge(l.to_string()),
        other => ImageError::Decode(other.to_string()),
    };
    // a phone's photo is stored as the sensor saw it and turned by its EXIF orientation: text
    // is read, and boxes given, in the picture as people see it
    let mut decoder = image::ImageReader::into_decoder(reader).map_err(error)?;
    let orientation =
        image::ImageDecoder::orientation(&mut decoder).unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = image::DynamicImage::from_decoder(decoder).map_err(error)?;
    img.apply_orientation(orientation);
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

    /// A PNG of `w`×`h`, black on its left half, with an EXIF orientation tag when given.
    fn png(w: u32, h: u32, orientation: Option<u8>) -> Vec<u8> {
        use image::ImageEncoder;
        let img = image::RgbImage::from_fn(w, h, |x, _| {
            if x < w / 2 {
                image::Rgb([0; 3])
            } else {
                image::Rgb([255; 3])
            }
        });
        let mut out = Vec::new();
        let mut encoder = image::codecs::png::PngEncoder::new(&mut out);
        if let Some(o) = orientation {
            // a little-endian TIFF header and one IFD entry: tag 0x0112 (orientation), SHORT, 1
            let exif = vec![
                0x49, 0x49, 0x2A, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, o, 0, 0, 0, 0, 0, 0, 0,
            ];
            encoder.set_exif_metadata(exif).unwrap();
        }
        encoder.write_image(&img, w, h, image::ExtendedColorType::Rgb8).unwrap();
        out
    }

    #[test]
    fn a_photo_is_turned_as_its_exif_orientation_says() {
        let plain = decode(&png(40, 20, None)).unwrap();
        assert_eq!(plain.dimensions(), (40, 20));
        // 6: turned 90° clockwise to be seen; the black left half becomes the top
        let turned = decode(&png(40, 20, Some(6))).unwrap();
        assert_eq!(turned.dimensions(), (20, 40));
        assert_eq!(turned.get_pixel(10, 5).0, [0, 0, 0]);
        assert_eq!(turned.get_pixel(10, 35).0, [255, 255, 255]);
        // 1: as stored
        assert_eq!(decode(&png(40, 20, Some(1))).unwrap().dimensions(), (40, 20));
    }

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
