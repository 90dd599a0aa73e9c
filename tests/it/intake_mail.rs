//! `stp intake` on e-mail: `.eml` messages with Word documents, pictures and PDFs
//! attached, headers in UTF-8, windows-1258 and TCVN3, Maildir folders, and legal
//! documents with a signed or unsigned PDF (Điều 9.1.a–c, 11.1).

use crate::kit::intake::*;
use crate::kit::{stderr, stdout};
use image::ImageFormat;

const FROM: &str = "From: =?UTF-8?B?VHLhuqduIFRo4buLIELDrG5o?= <binh@budang.gov.vn>\r\n";

fn article_doc(dir: &std::path::Path) -> Vec<u8> {
    let body = format!(
        "<text:h text:outline-level=\"1\">Tuyên truyền pháp luật ở cơ sở</text:h><text:p>Phòng Tư pháp đã tổ chức <text:span text:style-name=\"B\">12 buổi</text:span> tuyên truyền.</text:p><text:p>{}</text:p>",
        fodt_picture(&picture(ImageFormat::Png, 4, 4), "Buổi tuyên truyền")
    );
    std::fs::read(convert(dir, "bai", &fodt(&body), "docx")).unwrap()
}

#[test]
fn mail_with_document_pictures_and_pdf() {
    let dir = site();
    let root = root(&dir);
    let docx = article_doc(dir.path());
    let gif = picture(ImageFormat::Gif, 3, 3);
    let bmp = picture(ImageFormat::Bmp, 2, 3);
    let jpg = picture(ImageFormat::Jpeg, 8, 8);
    let pdf = pdf(false);
    let eml = mail(
        &format!(
            "{FROM}Subject: =?windows-1258?Q?Tin_tuy=EAn_truy=EA=ECn?=\r\nDate: Sat, 02 May 2026 09:15:00 +0700\r\nMessage-ID: <m1@budang.gov.vn>\r\n"
        ),
        "Kính gửi Ban Biên tập,\nĐơn vị: Phòng Tư pháp huyện Bù Đăng\nChức vụ: Chuyên viên\nĐiện thoại: 0271 3879 123\n",
        &[
            Part {
                name: "bai viet.docx",
                mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                bytes: &docx,
            },
            Part {
                name: "anh-1.gif",
                mime: "image/gif",
                bytes: &gif,
            },
            Part {
                name: "hoi truong.bmp",
                mime: "image/bmp",
                bytes: &bmp,
            },
            Part {
                name: "le.jpg",
                mime: "image/jpeg",
                bytes: &jpg,
            },
            Part {
                name: "Kế hoạch.pdf",
                mime: "application/pdf",
                bytes: &pdf,
            },
        ],
    );
    let path = dir.path().join("thu.eml");
    std::fs::write(&path, &eml).unwrap();
    let out = stp(
        &root,
        &[
            "intake",
            path.to_str().unwrap(),
            "--section",
            "pho-bien-phap-luat",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rel = stdout(&out);
    assert_eq!(
        rel.trim(),
        "content/pho-bien-phap-luat/tuyen-truyen-phap-luat-o-co-so/index.md"
    );
    let (front, body) = article(&root, &rel);
    // The embedded picture is anh-1.png, so the attached anh-1.gif becomes anh-1-2.png.
    assert_eq!(
        body,
        "Phòng Tư pháp đã tổ chức **12 buổi** tuyên truyền.\n\n![Buổi tuyên truyền](anh-1-2.png)\n\n![](anh-1.png)\n\n![](hoi-truong.png)\n\n![](le.jpg)\n"
    );
    let s = &front["sender"];
    assert_eq!(
        s["organisation"].as_str(),
        Some("Phòng Tư pháp huyện Bù Đăng")
    );
    assert_eq!(s["name"].as_str(), Some("Trần Thị Bình"));
    assert_eq!(s["title"].as_str(), Some("Chuyên viên"));
    assert_eq!(s["email"].as_str(), Some("binh@budang.gov.vn"));
    assert_eq!(s["phone"].as_str(), Some("0271 3879 123"));
    assert_eq!(front["date"].as_str(), Some("2026-05-02T09:15:00+07:00"));
    assert_eq!(
        front["intake"]["message_id"].as_str(),
        Some("m1@budang.gov.vn")
    );
    assert_eq!(
        front["attachments"][0]["file"].as_str(),
        Some("ke-hoach.pdf")
    );
    assert_eq!(
        front["attachments"][0]["title"].as_str(),
        Some("Kế hoạch.pdf")
    );
    let bundle = root.join("content/pho-bien-phap-luat/tuyen-truyen-phap-luat-o-co-so");
    assert_eq!(std::fs::read(bundle.join("nguon/thu.eml")).unwrap(), eml);
    assert_eq!(std::fs::read(bundle.join("ke-hoach.pdf")).unwrap(), pdf);
    assert_eq!(
        pixels(&std::fs::read(bundle.join("anh-1.png")).unwrap()),
        pixels(&gif)
    );
    assert_eq!(
        pixels(&std::fs::read(bundle.join("hoi-truong.png")).unwrap()),
        pixels(&bmp)
    );
    // Pictures sent without a description are the one thing left for the secretary.
    let check = stp(&root, &["check"]);
    let problems: Vec<String> = stdout(&check)
        .lines()
        .map(|l| l.split(": ").nth(1).unwrap_or("").to_string())
        .collect();
    assert_eq!(problems, ["alt", "alt", "alt"], "{}", stdout(&check));
}

#[test]
fn mail_without_document_uses_subject_and_text_with_tcvn3_header() {
    let dir = site();
    let root = root(&dir);
    // "Thông báo lịch tiếp công dân" in TCVN3, labelled Latin-1 by an old mail program.
    let eml = mail(
        &format!("{FROM}Subject: =?iso-8859-1?Q?Th=ABng_b=B8o_lÞch_tiÕp_c=F4ng_d=A9n?=\r\nDate: Mon, 04 May 2026 08:00:00 +0700\r\n")
            .replace("lÞch", "l=DEch")
            .replace("tiÕp", "ti=D5p")
            .replace("c=F4ng", "c=ABng"),
        "Sở Tư pháp tiếp công dân vào thứ Năm hằng tuần.\nĐơn vị: Văn phòng Sở\nĐiện thoại: 0271 3879 000\n",
        &[],
    );
    let path = dir.path().join("tb.eml");
    std::fs::write(&path, &eml).unwrap();
    let out = stp(
        &root,
        &["intake", path.to_str().unwrap(), "--section", "tin-tuc"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let (front, body) = article(&root, &stdout(&out));
    assert_eq!(
        front["title"].as_str(),
        Some("Thông báo lịch tiếp công dân")
    );
    assert_eq!(body, "Sở Tư pháp tiếp công dân vào thứ Năm hằng tuần.\n");
}

fn decision_doc(dir: &std::path::Path) -> Vec<u8> {
    let body = "<text:p>ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC</text:p>
<text:p>Số: 12/2026/QĐ-UBND</text:p>
<text:p>Bình Phước, ngày 01 tháng 3 năm 2026</text:p>
<text:h text:outline-level=\"1\">Ban hành Quy chế phối hợp phổ biến pháp luật</text:h>
<text:p>QUYẾT ĐỊNH</text:p>
<text:p>Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.</text:p>
<text:p>Điều 2. Quyết định này có hiệu lực thi hành từ ngày 15 tháng 3 năm 2026.</text:p>
<text:p>Đơn vị: Văn phòng UBND tỉnh</text:p>
<text:p>Điện thoại: 0271 3879 999</text:p>";
    std::fs::read(convert(dir, "qd", &fodt(body), "odt")).unwrap()
}

#[test]
fn legal_document_goes_to_its_section_with_the_pdf_and_an_unsigned_pdf_is_flagged() {
    for signed in [true, false] {
        let dir = site();
        let root = root(&dir);
        let odt = decision_doc(dir.path());
        let eml = mail(
            &format!("{FROM}Subject: QD 12\r\n"),
            "Kính gửi Ban Biên tập.",
            &[
                Part {
                    name: "qd.odt",
                    mime: "application/vnd.oasis.opendocument.text",
                    bytes: &odt,
                },
                Part {
                    name: "QD-12-2026.pdf",
                    mime: "application/pdf",
                    bytes: &pdf(signed),
                },
            ],
        );
        let path = dir.path().join("qd.eml");
        std::fs::write(&path, &eml).unwrap();
        // No --section: a `Số:` line and a PDF make it a legal document (Điều 9.1.c).
        let out = stp(&root, &["intake", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let rel = stdout(&out);
        assert_eq!(
            rel.trim(),
            "content/van-ban/ban-hanh-quy-che-phoi-hop-pho-bien-phap-luat/index.md"
        );
        let (front, _) = article(&root, &rel);
        let d = &front["document"];
        assert_eq!(d["type"].as_str(), Some("Quyết định"));
        assert_eq!(d["number"].as_str(), Some("12/2026/QĐ-UBND"));
        assert_eq!(
            d["issuer"].as_str(),
            Some("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC")
        );
        assert_eq!(d["issued"].as_str(), Some("2026-03-01"));
        assert_eq!(d["effective"].as_str(), Some("2026-03-15"));
        assert_eq!(d["file"].as_str(), Some("qd-12-2026.pdf"));
        let flags = &front["intake"]["flags"];
        if signed {
            assert!(flags.is_null(), "{flags:?}");
        } else {
            assert_eq!(
                flags[0].as_str(),
                Some(
                    "`qd-12-2026.pdf` carries no digital signature; check the signed paper or ask for the digitally signed file (Điều 9.1.c)"
                )
            );
            assert!(stderr(&out).contains("flag: "), "{}", stderr(&out));
        }
        assert!(stp(&root, &["check"]).status.success());
    }
}

#[test]
fn maildir_messages_each_become_an_article() {
    let dir = site();
    let root = root(&dir);
    let maildir = dir.path().join("Maildir");
    for sub in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    let body = "Nội dung.\nĐơn vị: Phòng Tư pháp huyện Lộc Ninh\nĐiện thoại: 0271 3000 111\n";
    std::fs::write(
        maildir.join("new/1.eml"),
        mail(&format!("{FROM}Subject: Tin thứ nhất\r\n"), body, &[]),
    )
    .unwrap();
    std::fs::write(
        maildir.join("cur/2:2,S"),
        mail(&format!("{FROM}Subject: Tin thứ hai\r\n"), body, &[]),
    )
    .unwrap();
    std::fs::write(maildir.join("tmp/3"), b"still being written").unwrap();
    let out = stp(
        &root,
        &["intake", maildir.to_str().unwrap(), "--section", "tin-tuc"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "content/tin-tuc/tin-thu-nhat/index.md\ncontent/tin-tuc/tin-thu-hai/index.md\n"
    );
}

#[test]
fn attachments_named_like_articles_or_web_pages_are_kept_as_text_and_flagged() {
    let dir = site();
    let root = root(&dir);
    let eml = mail(
        &format!("{FROM}Subject: Tin có tệp lạ\r\nDate: Mon, 04 May 2026 08:00:00 +0700\r\n"),
        "Nội dung.\nĐơn vị: Phòng Tư pháp huyện Lộc Ninh\nĐiện thoại: 0271 3000 111\n",
        &[
            Part {
                name: "index.md",
                mime: "text/markdown",
                bytes: b"---\ntitle: X\n---\nx\n",
            },
            Part {
                name: "ghi-chu.md",
                mime: "text/markdown",
                bytes: b"# Ghi chu\n",
            },
            Part {
                name: "trang.html",
                mime: "text/html",
                bytes: b"<script>alert(1)</script>",
            },
            Part {
                name: "index.pdf",
                mime: "application/pdf",
                bytes: &pdf(true),
            },
        ],
    );
    let path = dir.path().join("la.eml");
    std::fs::write(&path, &eml).unwrap();
    let out = stp(
        &root,
        &["intake", path.to_str().unwrap(), "--section", "tin-tuc"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rel = stdout(&out);
    let bundle = root.join(rel.trim()).parent().unwrap().to_path_buf();
    for name in [
        "index-md.txt",
        "ghi-chu-md.txt",
        "trang-html.txt",
        "tep-index.pdf",
    ] {
        assert!(bundle.join(name).is_file(), "{name} missing");
    }
    for name in ["index-2.md", "ghi-chu.md", "trang.html", "index.pdf"] {
        assert!(!bundle.join(name).exists(), "{name} written");
    }
    let (front, _) = article(&root, &rel);
    let flags: Vec<&str> = front["intake"]["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.as_str())
        .collect();
    assert_eq!(
        flags.iter().filter(|f| f.contains("as text")).count(),
        3,
        "{flags:?}"
    );
    assert!(
        flags
            .iter()
            .any(|f| f.contains("`index.md` was saved as `index-md.txt`"))
    );
    // The preview and check take the bundle as it is.
    let preview = dir.path().join("xem-truoc");
    let o = stp(
        &root,
        &["build", "--preview", "--out", preview.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let check = stp(&root, &["check"]);
    assert!(
        check.status.success(),
        "{}{}",
        stdout(&check),
        stderr(&check)
    );
}
