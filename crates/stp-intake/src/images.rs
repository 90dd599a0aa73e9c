//! Pictures from submissions (Điều 9.1.a: jpg, gif, bmp; png too): the format is read
//! from the bytes, never the name; JPEG and PNG are kept as sent (after a check that they
//! decode), BMP and GIF become PNG. Decoding is capped in size and memory.

use std::io::Cursor;
use std::path::Path;

use image::{ImageFormat, ImageReader};

use super::ImportError;

/// No picture may be larger than this on either side, or need more memory than
/// `MAX_DECODE_BYTES` to decode (a "pixel bomb" is a tiny file claiming huge sizes).
const MAX_SIDE: u32 = 16_384;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// A picture ready for the bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct WebPicture {
    pub bytes: Vec<u8>,
    /// `jpg` or `png`.
    pub extension: &'static str,
    /// The format it arrived in, when it was converted.
    pub converted_from: Option<&'static str>,
}

/// The format of picture bytes, by their signature.
pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Some(ImageFormat::Jpeg),
        [0x89, b'P', b'N', b'G', ..] => Some(ImageFormat::Png),
        [b'G', b'I', b'F', b'8', ..] => Some(ImageFormat::Gif),
        [b'B', b'M', ..] => Some(ImageFormat::Bmp),
        _ => None,
    }
}

/// What picture bytes are, in words, for a flag about a picture the web cannot show.
pub fn kind_of(bytes: &[u8]) -> &'static str {
    match bytes {
        [0x01, 0, 0, 0, ..] if bytes.get(40..44) == Some(b" EMF") => "an EMF drawing",
        [0xD7, 0xCD, 0xC6, 0x9A, ..] | [0x01 | 0x02, 0x00, 0x09, 0x00, ..] => "a WMF drawing",
        [b'V', b'C', b'L', b'M', b'T', b'F', ..] => {
            "an SVM drawing (the preview of a formula or an embedded object)"
        }
        [b'<', ..] => "an SVG or other XML drawing",
        _ if sniff(bytes).is_some() => {
            "a picture that cannot be decoded (damaged, cut short or too large)"
        }
        _ => "not a JPG, PNG, GIF or BMP picture",
    }
}

/// Checks and, for BMP and GIF, converts a picture. `name` says which one in errors.
pub fn for_web(file: &Path, name: &str, bytes: &[u8]) -> Result<WebPicture, ImportError> {
    let format = sniff(bytes).ok_or_else(|| {
        ImportError::file(
            file,
            format!("picture `{name}` is not a JPG, PNG, GIF or BMP file; save it as JPG or PNG and send it again"),
        )
    })?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let decoded = reader.decode().map_err(|e| {
        ImportError::file(
            file,
            format!("picture `{name}` cannot be read ({e}); it is damaged, too large or cut short"),
        )
    })?;
    Ok(match format {
        ImageFormat::Jpeg => WebPicture {
            bytes: bytes.to_vec(),
            extension: "jpg",
            converted_from: None,
        },
        ImageFormat::Png => WebPicture {
            bytes: bytes.to_vec(),
            extension: "png",
            converted_from: None,
        },
        other => {
            let mut out = Cursor::new(Vec::new());
            decoded.write_to(&mut out, ImageFormat::Png).map_err(|e| {
                ImportError::file(
                    file,
                    format!("picture `{name}` cannot be converted to PNG ({e})"),
                )
            })?;
            WebPicture {
                bytes: out.into_inner(),
                extension: "png",
                converted_from: Some(if other == ImageFormat::Gif {
                    "gif"
                } else {
                    "bmp"
                }),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(format: ImageFormat) -> Vec<u8> {
        let img =
            image::RgbImage::from_fn(3, 2, |x, y| image::Rgb([x as u8 * 80, y as u8 * 120, 7]));
        let mut out = Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(img)
            .write_to(&mut out, format)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn bmp_and_gif_become_png_with_the_same_pixels() {
        for format in [ImageFormat::Bmp, ImageFormat::Gif] {
            let pic = for_web(Path::new("a.eml"), "x", &encoded(format)).unwrap();
            assert_eq!(pic.extension, "png");
            assert!(pic.converted_from.is_some());
            let back = image::load_from_memory_with_format(&pic.bytes, ImageFormat::Png).unwrap();
            assert_eq!((back.width(), back.height()), (3, 2));
        }
    }

    #[test]
    fn jpeg_kept_as_sent_and_garbage_refused() {
        let jpg = encoded(ImageFormat::Jpeg);
        assert_eq!(for_web(Path::new("a"), "x", &jpg).unwrap().bytes, jpg);
        let err = for_web(Path::new("a.docx"), "image1.emf", b"\x01\x00\x00\x00EMF").unwrap_err();
        assert!(err.to_string().contains("image1.emf"), "{err}");
        let cut = &jpg[..jpg.len() / 3];
        assert!(for_web(Path::new("a"), "x", cut).is_err());
        assert_eq!(
            kind_of(cut),
            "a picture that cannot be decoded (damaged, cut short or too large)"
        );
        assert_eq!(
            kind_of(b"VCLMTF\x01\x00"),
            "an SVM drawing (the preview of a formula or an embedded object)"
        );
    }
}
