//! Pictures are published without what the camera or the editing program wrote about them:
//! in JPEG the EXIF and XMP (APP1: GPS positions of a citizen's photo, the camera, the
//! time), IPTC (APP13), comments and other programs' APPn segments; in PNG the `eXIf`,
//! text (`tEXt`, `zTXt`, `iTXt`) and `tIME` chunks. What draws the picture stays, with its
//! colour profile (ICC, APP2 / `iCCP`), JFIF (APP0) and Adobe (APP14) colour segments,
//! and the EXIF orientation, which browsers follow to show a phone's photo upright: when
//! the picture had one other than "as stored", it gets a new EXIF holding only that.
//! The signed file in the repository is not touched: the original stays in history and in
//! a submission's kept source. A file with a picture's extension that does not parse as
//! one is published as it is (a browser would not show it either).

use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;
use img_parts::{Bytes, ImageEXIF};

/// `data` as published: without metadata when `rel` names a JPEG or PNG picture.
pub fn stripped(rel: &str, data: Vec<u8>) -> Vec<u8> {
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "jpg" | "jpeg" => jpeg(data),
        "png" => png(data),
        _ => data,
    }
}

/// JPEG segments that only describe the picture.
fn metadata_segment(marker: u8) -> bool {
    let app = markers::APP0..=markers::APP15;
    marker == markers::COM
        || (app.contains(&marker)
            && ![markers::APP0, markers::APP2, markers::APP14].contains(&marker))
}

fn jpeg(data: Vec<u8>) -> Vec<u8> {
    // `Bytes` shares the buffer: a picture with nothing to strip is handed back, not copied.
    let data = Bytes::from(data);
    let Ok(mut jpeg) = Jpeg::from_bytes(data.clone()) else {
        return data.into();
    };
    let before = jpeg.segments().len();
    let turned = jpeg.exif().and_then(|e| orientation(&e));
    jpeg.segments_mut()
        .retain(|s| !metadata_segment(s.marker()));
    if jpeg.segments().len() == before {
        drop(jpeg);
        return data.into();
    }
    jpeg.set_exif(turned.map(only_orientation));
    jpeg.encoder().bytes().to_vec()
}

/// PNG chunks that only describe the picture.
const PNG_METADATA: [&[u8; 4]; 5] = [b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"];

fn png(data: Vec<u8>) -> Vec<u8> {
    let data = Bytes::from(data);
    let Ok(mut png) = Png::from_bytes(data.clone()) else {
        return data.into();
    };
    let before = png.chunks().len();
    let turned = png.exif().and_then(|e| orientation(&e));
    png.chunks_mut()
        .retain(|c| !PNG_METADATA.contains(&&c.kind()));
    if png.chunks().len() == before {
        drop(png);
        return data.into();
    }
    png.set_exif(turned.map(only_orientation));
    png.encoder().bytes().to_vec()
}

/// The orientation (tag 0x0112 of the first IFD) in TIFF-form EXIF data, unless it is 1
/// ("as stored") or not there.
fn orientation(exif: &[u8]) -> Option<u16> {
    let big = match exif.get(..4)? {
        b"MM\0*" => true,
        b"II*\0" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b: [u8; 2] = exif.get(at..at + 2)?.try_into().ok()?;
        Some(if big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b: [u8; 4] = exif.get(at..at + 4)?.try_into().ok()?;
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    (0..count)
        .map(|i| ifd + 2 + 12 * i)
        .find(|&entry| u16_at(entry) == Some(0x0112))
        .and_then(|entry| u16_at(entry + 8))
        .filter(|o| (2..=8).contains(o))
}

/// EXIF data holding only `orientation`: a big-endian TIFF header and one IFD of one entry.
fn only_orientation(orientation: u16) -> Bytes {
    let mut out = Vec::with_capacity(26);
    out.extend_from_slice(b"MM\0*");
    out.extend_from_slice(&8u32.to_be_bytes());
    out.extend_from_slice(&1u16.to_be_bytes());
    out.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    out.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    out.extend_from_slice(&1u32.to_be_bytes()); // one value
    out.extend_from_slice(&orientation.to_be_bytes());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use img_parts::jpeg::JpegSegment;
    use img_parts::png::PngChunk;

    /// A real picture, encoded by the `image` crate's encoders as a browser would get it.
    fn picture(format: &str) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let img =
            image::RgbImage::from_fn(8, 8, |x, y| image::Rgb([x as u8 * 30, y as u8 * 30, 90]));
        let fmt = if format == "png" {
            image::ImageFormat::Png
        } else {
            image::ImageFormat::Jpeg
        };
        img.write_to(&mut out, fmt).unwrap();
        out.into_inner()
    }

    const GPS: &[u8] = b"Exif\0\0MM\0*GPSLatitude 11.53N GPSLongitude 106.89E";

    #[test]
    fn a_jpeg_loses_exif_xmp_and_comments_and_still_decodes() {
        let mut jpeg = Jpeg::from_bytes(picture("jpg").into()).unwrap();
        jpeg.set_exif(Some(Bytes::from_static(&GPS[6..])));
        let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Nguyen Van An</x:xmpmeta>";
        let segments = jpeg.segments_mut();
        segments.insert(
            1,
            JpegSegment::new_with_contents(markers::APP1, Bytes::from_static(xmp)),
        );
        segments.insert(
            1,
            JpegSegment::new_with_contents(markers::COM, Bytes::from_static(b"Nokia 3.4")),
        );
        let sent = jpeg.encoder().bytes().to_vec();
        assert!(sent.windows(11).any(|w| w == b"GPSLatitude"));
        let out = stripped("content/tin-tuc/a/anh.JPG", sent);
        for secret in [&b"GPSLatitude"[..], b"xmpmeta", b"Nokia"] {
            assert!(
                !out.windows(secret.len()).any(|w| w == secret),
                "{secret:?} left"
            );
        }
        let img = image::load_from_memory(&out).expect("still a picture");
        assert_eq!((img.width(), img.height()), (8, 8));
    }

    #[test]
    fn a_png_loses_its_text_and_exif_chunks_and_still_decodes() {
        let mut png = Png::from_bytes(picture("png").into()).unwrap();
        let at = png.chunks().len() - 1;
        png.chunks_mut().insert(
            at,
            PngChunk::new(*b"tEXt", Bytes::from_static(b"Author\0Nguyen Van An")),
        );
        png.chunks_mut()
            .insert(at, PngChunk::new(*b"eXIf", Bytes::from_static(&GPS[6..])));
        let out = stripped("static/logo.png", png.encoder().bytes().to_vec());
        for secret in [&b"GPSLatitude"[..], b"Nguyen Van An"] {
            assert!(
                !out.windows(secret.len()).any(|w| w == secret),
                "{secret:?} left"
            );
        }
        image::load_from_memory(&out).expect("still a picture");
    }

    /// Little-endian EXIF with a camera model and orientation 6 (turned 90° clockwise).
    fn turned_exif() -> Vec<u8> {
        let mut e = b"II*\0".to_vec();
        e.extend_from_slice(&8u32.to_le_bytes());
        e.extend_from_slice(&2u16.to_le_bytes());
        // Model (0x0110), ASCII, 6 bytes at offset 38.
        e.extend_from_slice(&0x0110u16.to_le_bytes());
        e.extend_from_slice(&2u16.to_le_bytes());
        e.extend_from_slice(&6u32.to_le_bytes());
        e.extend_from_slice(&38u32.to_le_bytes());
        e.extend_from_slice(&0x0112u16.to_le_bytes());
        e.extend_from_slice(&3u16.to_le_bytes());
        e.extend_from_slice(&1u32.to_le_bytes());
        e.extend_from_slice(&6u16.to_le_bytes());
        e.extend_from_slice(&[0, 0]);
        e.extend_from_slice(&0u32.to_le_bytes());
        e.extend_from_slice(b"Nokia\0");
        e
    }

    #[test]
    fn a_turned_photo_keeps_only_its_orientation() {
        for format in ["jpg", "png"] {
            let data = picture(format);
            let sent = if format == "jpg" {
                let mut jpeg = Jpeg::from_bytes(data.into()).unwrap();
                jpeg.set_exif(Some(turned_exif().into()));
                jpeg.encoder().bytes().to_vec()
            } else {
                let mut png = Png::from_bytes(data.into()).unwrap();
                png.set_exif(Some(turned_exif().into()));
                png.encoder().bytes().to_vec()
            };
            assert_eq!(orientation(&turned_exif()), Some(6));
            let out = stripped(&format!("a/b.{format}"), sent);
            assert!(
                !out.windows(5).any(|w| w == b"Nokia"),
                "{format}: model left"
            );
            let exif = if format == "jpg" {
                Jpeg::from_bytes(out.clone().into()).unwrap().exif()
            } else {
                Png::from_bytes(out.clone().into()).unwrap().exif()
            };
            let exif = exif.expect("the orientation is kept");
            assert_eq!(orientation(&exif), Some(6), "{format}");
            assert_eq!(exif.len(), 26, "{format}: nothing but the orientation");
            image::load_from_memory(&out).expect("still a picture");
        }
    }

    #[test]
    fn other_files_and_what_does_not_parse_are_published_as_they_are() {
        let pdf = b"%PDF-1.4 Exif GPSLatitude".to_vec();
        assert_eq!(stripped("a/b.pdf", pdf.clone()), pdf);
        let broken = b"\xff\xd8 not really a jpeg".to_vec();
        assert_eq!(stripped("a/b.jpg", broken.clone()), broken);
        let clean = picture("png");
        assert_eq!(stripped("a/b.png", clean.clone()), clean);
    }
}
