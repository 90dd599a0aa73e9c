//! `stp intake` on real `.docx` and `.odt` files made by LibreOffice headless from
//! Vietnamese text: in Unicode, in TCVN3 (`.VnTime`, `.VnTimeH`) and in VNI
//! (`VNI-Times`). Each checks the exact Markdown, the front matter, the pictures and
//! the source kept in `nguon/` (Điều 4.1.a, 9.1, 11.1).

use crate::kit::intake::*;
use crate::kit::{stderr, stdout};
use image::ImageFormat;

const SENDER_UNICODE: &str = "<text:p>Đơn vị: Phòng Tư pháp huyện Bù Đăng</text:p>
<text:p>Người gửi: Trần Thị Bình</text:p>
<text:p>Email: binh@budang.gov.vn</text:p>
<text:p>Điện thoại: 0271 3879 123</text:p>";

fn unicode_body(picture: &[u8]) -> String {
    format!(
        r#"<text:h text:outline-level="1">Hội nghị tổng kết công tác tư pháp</text:h>
<text:p>Sáng nay, <text:span text:style-name="B">Sở Tư pháp</text:span> tổ chức <text:span text:style-name="I">hội nghị</text:span><text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Theo Kế hoạch số 15/KH-STP.</text:p></text:note-body></text:note>.</text:p>
<text:h text:outline-level="2">Kết quả</text:h>
<text:list text:style-name="L1"><text:list-item><text:p>Phổ biến pháp luật</text:p></text:list-item><text:list-item><text:p>Hòa giải cơ sở</text:p></text:list-item></text:list>
<text:list text:style-name="L2"><text:list-item><text:p>Hồ sơ</text:p></text:list-item><text:list-item><text:p>Biểu mẫu</text:p></text:list-item></text:list>
<table:table table:name="B"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell><text:p>Lĩnh vực</text:p></table:table-cell><table:table-cell><text:p>Số vụ</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>Hộ tịch</text:p></table:table-cell><table:table-cell><text:p>120</text:p></table:table-cell></table:table-row></table:table>
<text:p>Xem <text:a xlink:type="simple" xlink:href="https://moj.gov.vn/">Bộ Tư pháp</text:a>.</text:p>
<text:p>{}</text:p>
{SENDER_UNICODE}"#,
        fodt_picture(picture, "Quang cảnh hội nghị")
    )
}

const UNICODE_MARKDOWN: &str = "Sáng nay, **Sở Tư pháp** tổ chức *hội nghị*[^1].

## Kết quả

1. Phổ biến pháp luật
2. Hòa giải cơ sở

- Hồ sơ
- Biểu mẫu

| Lĩnh vực | Số vụ |
| --- | --- |
| Hộ tịch | 120 |

Xem [Bộ Tư pháp](https://moj.gov.vn/).

![Quang cảnh hội nghị](anh-1.png)

[^1]: Theo Kế hoạch số 15/KH-STP.
";

fn sender_of(front: &serde_json::Value) -> Vec<String> {
    ["organisation", "name", "email", "phone"]
        .iter()
        .map(|k| front["sender"][*k].as_str().unwrap_or("").to_string())
        .collect()
}

const EXPECTED_SENDER: [&str; 4] = [
    "Phòng Tư pháp huyện Bù Đăng",
    "Trần Thị Bình",
    "binh@budang.gov.vn",
    "0271 3879 123",
];

#[test]
fn unicode_docx_and_odt_keep_text_structure_and_pictures() {
    let png = picture(ImageFormat::Png, 5, 4);
    for format in ["docx", "odt"] {
        let dir = site();
        let root = root(&dir);
        let doc = convert(dir.path(), "hoi-nghi", &fodt(&unicode_body(&png)), format);
        let out = stp(
            &root,
            &["intake", doc.to_str().unwrap(), "--section", "tin-tuc"],
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let rel = stdout(&out);
        assert_eq!(
            rel.trim(),
            "content/tin-tuc/hoi-nghi-tong-ket-cong-tac-tu-phap/index.md"
        );
        let (front, body) = article(&root, &rel);
        assert_eq!(body, UNICODE_MARKDOWN, "{format}");
        assert_eq!(
            front["title"].as_str(),
            Some("Hội nghị tổng kết công tác tư pháp")
        );
        assert_eq!(front["status"].as_str(), Some("submitted"));
        assert_eq!(sender_of(&front), EXPECTED_SENDER, "{format}");
        let bundle = root.join("content/tin-tuc/hoi-nghi-tong-ket-cong-tac-tu-phap");
        assert_eq!(
            pixels(&std::fs::read(bundle.join("anh-1.png")).unwrap()),
            pixels(&png)
        );
        let source = format!("nguon/hoi-nghi.{format}");
        assert_eq!(
            std::fs::read(bundle.join(&source)).unwrap(),
            std::fs::read(&doc).unwrap()
        );
        assert_eq!(
            front["intake"]["sources"][0].as_str(),
            Some(source.as_str())
        );
        // The site accepts it, and the record folder is never published.
        let check = stp(&root, &["check"]);
        assert!(
            check.status.success(),
            "{}{}",
            stdout(&check),
            stderr(&check)
        );
        let public = dir.path().join("preview");
        let build = stp(
            &root,
            &["build", "--preview", "--out", public.to_str().unwrap()],
        );
        assert!(build.status.success(), "{}", stderr(&build));
        let page = public.join("tin-tuc/hoi-nghi-tong-ket-cong-tac-tu-phap");
        assert!(page.join("anh-1.png").is_file());
        assert!(!page.join("nguon").exists(), "nguon/ was published");
    }
}

/// "Hội nghị tổng kết" in .VnTimeH, the rest in .VnTime, one paragraph in a Unicode font
/// (the font was lost: only the text shows it is TCVN3).
const TCVN3_BODY: &str = "<text:h text:outline-level=\"1\"><text:span text:style-name=\"TH\">Héi nghÞ tæng kÕt</text:span></text:h>
<text:p><text:span text:style-name=\"TVB\">Së T\u{ad} ph¸p</text:span><text:span text:style-name=\"TV\"> tØnh B×nh Ph\u{ad}íc tæ chøc héi nghÞ.</text:span></text:p>
<text:list text:style-name=\"L1\"><text:list-item><text:p><text:span text:style-name=\"TV\">Phæ biÕn ph¸p luËt</text:span></text:p></text:list-item></text:list>
<text:p>Phæ biÕn ph¸p luËt cho ng\u{ad}êi d©n.</text:p>
<text:p><text:span text:style-name=\"TV\">§¬n vÞ: Phßng T\u{ad} ph¸p huyÖn Bï §¨ng</text:span></text:p>
<text:p><text:span text:style-name=\"TV\">Ng\u{ad}êi göi: TrÇn ThÞ B×nh</text:span></text:p>
<text:p><text:span text:style-name=\"TV\">Email: binh@budang.gov.vn</text:span></text:p>
<text:p><text:span text:style-name=\"TV\">§iÖn tho¹i: 0271 3879 123</text:span></text:p>";

/// The same in VNI-Times.
const VNI_BODY: &str = "<text:h text:outline-level=\"1\"><text:span text:style-name=\"VN\">Hoäi nghò toång keát</text:span></text:h>
<text:p><text:span text:style-name=\"VN\">Sôû Tö phaùp tænh Bình Phöôùc toå chöùc </text:span><text:span text:style-name=\"VNI\">hoäi nghò</text:span><text:span text:style-name=\"VN\">.</text:span></text:p>
<text:list text:style-name=\"L1\"><text:list-item><text:p><text:span text:style-name=\"VN\">Phoå bieán phaùp luaät</text:span></text:p></text:list-item></text:list>
<text:p><text:span text:style-name=\"VN\">Ñôn vò: Phoøng Tö phaùp huyeän Buø Ñaêng</text:span></text:p>
<text:p><text:span text:style-name=\"VN\">Ngöôøi göûi: Traàn Thò Bình</text:span></text:p>
<text:p><text:span text:style-name=\"VN\">Email: binh@budang.gov.vn</text:span></text:p>
<text:p><text:span text:style-name=\"VN\">Ñieän thoaïi: 0271 3879 123</text:span></text:p>";

#[test]
fn tcvn3_documents_become_unicode() {
    for format in ["docx", "odt"] {
        let dir = site();
        let root = root(&dir);
        let doc = convert(dir.path(), "tcvn3", &fodt(TCVN3_BODY), format);
        let out = stp(
            &root,
            &["intake", doc.to_str().unwrap(), "--section", "tin-tuc"],
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let (front, body) = article(&root, &stdout(&out));
        assert_eq!(
            front["title"].as_str(),
            Some("HỘI NGHỊ TỔNG KẾT"),
            "{format}"
        );
        assert_eq!(
            body,
            "**Sở Tư pháp** tỉnh Bình Phước tổ chức hội nghị.\n\n1. Phổ biến pháp luật\n\nPhổ biến pháp luật cho người dân.\n",
            "{format}"
        );
        assert_eq!(sender_of(&front), EXPECTED_SENDER, "{format}");
        assert_eq!(
            front["intake"]["converted"][0].as_str(),
            Some("TCVN3 (.VnTime)")
        );
        assert!(stp(&root, &["check"]).status.success());
    }
}

#[test]
fn vni_documents_become_unicode() {
    for format in ["docx", "odt"] {
        let dir = site();
        let root = root(&dir);
        let doc = convert(dir.path(), "vni", &fodt(VNI_BODY), format);
        let out = stp(
            &root,
            &["intake", doc.to_str().unwrap(), "--section", "tin-tuc"],
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let (front, body) = article(&root, &stdout(&out));
        assert_eq!(
            front["title"].as_str(),
            Some("Hội nghị tổng kết"),
            "{format}"
        );
        assert_eq!(
            body, "Sở Tư pháp tỉnh Bình Phước tổ chức *hội nghị*.\n\n1. Phổ biến pháp luật\n",
            "{format}"
        );
        assert_eq!(sender_of(&front), EXPECTED_SENDER, "{format}");
        assert_eq!(front["intake"]["converted"][0].as_str(), Some("VNI"));
    }
}

#[test]
fn vni_text_that_does_not_convert_is_refused_naming_the_paragraph() {
    let dir = site();
    let root = root(&dir);
    let body = VNI_BODY.replace("Sôû Tö phaùp tænh", "Sôû Tö phùp tænh");
    let doc = convert(dir.path(), "hong", &fodt(&body), "docx");
    let before = content_files(&root);
    let out = stp(
        &root,
        &["intake", doc.to_str().unwrap(), "--section", "tin-tuc"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("hong.docx: paragraph 2: text `Sôû Tö phùp"),
        "{err}"
    );
    assert!(err.contains("`ù`"), "{err}");
    assert_eq!(content_files(&root), before);
}

#[test]
fn loose_pictures_bmp_and_gif_become_png() {
    let dir = site();
    let root = root(&dir);
    let body = format!(
        "<text:h text:outline-level=\"1\">Ảnh hoạt động</text:h><text:p>Một số hình ảnh.</text:p>{SENDER_UNICODE}"
    );
    let doc = convert(dir.path(), "anh", &fodt(&body), "odt");
    assert_eq!(doc, dir.path().join("anh.odt"));
    let bmp = picture(ImageFormat::Bmp, 3, 2);
    let gif = picture(ImageFormat::Gif, 2, 2);
    let jpg = picture(ImageFormat::Jpeg, 8, 8);
    for (name, bytes) in [
        ("Hội trường.bmp", &bmp),
        ("toan-canh.GIF", &gif),
        ("le.jpg", &jpg),
    ] {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let args = ["anh.odt", "Hội trường.bmp", "toan-canh.GIF", "le.jpg"]
        .map(|n| dir.path().join(n).to_string_lossy().into_owned());
    let mut cmd = vec!["intake", "--section", "tin-tuc"];
    cmd.extend(args.iter().map(String::as_str));
    let out = stp(&root, &cmd);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, body) = article(&root, &stdout(&out));
    assert_eq!(
        body,
        "Một số hình ảnh.\n\n![](hoi-truong.png)\n\n![](toan-canh.png)\n\n![](le.jpg)\n"
    );
    let bundle = root.join("content/tin-tuc/anh-hoat-dong");
    let png = std::fs::read(bundle.join("hoi-truong.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    assert_eq!(pixels(&png), pixels(&bmp));
    assert_eq!(
        pixels(&std::fs::read(bundle.join("toan-canh.png")).unwrap()).0,
        2
    );
    assert_eq!(std::fs::read(bundle.join("le.jpg")).unwrap(), jpg);
    // No description came with them: intake says so.
    assert!(
        stderr(&out).contains("picture `hoi-truong.png` came without a description"),
        "{}",
        stderr(&out)
    );
}
