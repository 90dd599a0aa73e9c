//! A citizen's photo carries where it was taken: the public site and the preview publish
//! every JPEG and PNG without its EXIF, XMP and comments, while the signed file in the
//! repository keeps them. Through the real binary, on a signed history.

use crate::kit::intake::{picture, pixels};
use crate::kit::repo::Env;

const SECRET: &[u8] = b"GPSLatitude 11.5342N 106.8921E";

/// A JPEG with an APP1 EXIF segment and a comment holding `SECRET`, spliced in after SOI.
fn photo_with_gps() -> Vec<u8> {
    let plain = picture(image::ImageFormat::Jpeg, 12, 8);
    let mut exif = b"Exif\0\0MM\0*\0\0\0\x08\0\0\0\0\0\0".to_vec();
    exif.extend_from_slice(SECRET);
    let segment = |marker: u8, payload: &[u8]| {
        let mut s = vec![0xff, marker];
        s.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        s.extend_from_slice(payload);
        s
    };
    let mut out = plain[..2].to_vec();
    out.extend(segment(0xe1, &exif));
    out.extend(segment(0xfe, b"Chup tai nha ong Nguyen Van An"));
    out.extend_from_slice(&plain[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn published_photos_lose_their_gps_and_the_signed_file_keeps_it() {
    let env = Env::board();
    let article = "content/tin-tuc/anh-hoi-nghi/index.md";
    env.write(
        article,
        "---\ntitle: \"Ảnh hội nghị\"\ndate: 2026-11-20\nstatus: draft\n---\n\n![Hội nghị hòa giải](anh.jpg)\n",
    );
    let sent = photo_with_gps();
    std::fs::write(env.site.join("content/tin-tuc/anh-hoi-nghi/anh.jpg"), &sent).unwrap();
    assert!(contains(&sent, SECRET));
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", "draft with a photo"]);
    env.publish(article);
    env.ok(&["build"]);
    env.ok(&["build", "--preview"]);
    for out in ["public", "preview"] {
        let published =
            std::fs::read(env.site.join(format!("{out}/tin-tuc/anh-hoi-nghi/anh.jpg"))).unwrap();
        assert!(
            !contains(&published, SECRET),
            "{out}: the GPS position is published"
        );
        assert!(
            !contains(&published, b"Nguyen Van An"),
            "{out}: the comment is published"
        );
        assert_eq!(
            pixels(&published),
            pixels(&sent),
            "{out}: the picture itself is unchanged"
        );
    }
    // The signed original in history is untouched.
    let committed = std::process::Command::new("git")
        .args([
            "-C",
            env.site.to_str().unwrap(),
            "show",
            "HEAD:content/tin-tuc/anh-hoi-nghi/anh.jpg",
        ])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(committed, sent);
}
