//! The intake corpus (`tests/corpus/`, made by `make.py` with python-docx and
//! LibreOffice): each document is taken in as a USB submission would be, its Markdown
//! kept as a snapshot, and the points that matter asserted one by one: tracked changes
//! resolved, text boxes and content controls read, merged cells spanned, links kept,
//! list labels as written, no stray emphasis, the title rule, packages read through
//! their relationships, and pictures the web cannot show left out with a flag.

use std::path::{Path, PathBuf};

use stp_content::SiteConfig;
use stp_intake::{ImportError, Input, Submission, assemble};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

fn intake(name: &str) -> Result<Submission, ImportError> {
    let input = if name.ends_with(".eml") {
        Input::Mail(corpus(name))
    } else {
        Input::Files(vec![corpus(name)])
    };
    // The example site the project ships (`stp init --example`): its `tin-tuc` section.
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/site/site.toml");
    let config = SiteConfig::load(&site).expect("examples/site/site.toml");
    assemble(
        &input,
        &config,
        Some("tin-tuc"),
        "2026-05-02T09:15:00+07:00",
    )
}

/// The submission, which must be taken in.
fn taken(name: &str) -> Submission {
    match intake(name) {
        Ok(s) => s,
        Err(e) => panic!("{name} refused: {e}"),
    }
}

fn flags(s: &Submission) -> Vec<String> {
    s.front
        .intake
        .as_ref()
        .map(|i| i.flags.clone())
        .unwrap_or_default()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The Markdown of a document taken in, checked against its snapshot.
fn body(name: &str) -> (Submission, String) {
    let s = taken(name);
    let snapshot = name.replace('.', "_");
    insta::assert_snapshot!(snapshot, format!("title: {}\n\n{}", s.front.title, s.body));
    let body = s.body.clone();
    (s, body)
}

#[test]
fn tracked_changes_resolve_to_the_final_text() {
    let (s, md) = body("tracked.docx");
    assert!(
        md.contains("Hội nghị diễn ra sáng thứ Hai tại hội trường tỉnh."),
        "{md}"
    );
    assert!(!md.contains("chiều thứ Ba"), "deleted text kept: {md}");
    assert!(
        !md.contains("Câu này đã bị xoá"),
        "deleted paragraph kept: {md}"
    );
    // The moved paragraph once, where it was moved to.
    assert_eq!(
        count(&md, "Kết luận: giao Văn phòng tổng hợp ý kiến."),
        1,
        "{md}"
    );
    let moved = md.find("Kết luận").unwrap();
    assert!(md.find("Các đại biểu phát biểu").unwrap() < moved, "{md}");
    // The table row deleted with tracked changes is gone, the others stay.
    assert!(!md.contains("Chứng thực đã bỏ"), "{md}");
    assert!(md.contains("| Hộ tịch | 120 |"), "{md}");
    assert_eq!(s.front.title, "Báo cáo có sửa đổi được theo dõi");
}

#[test]
fn text_boxes_are_read_once_in_reading_order() {
    let (_, md) = body("textbox.docx");
    let order = [
        "Mở đầu bài viết.",
        "Hộp văn bản: Sở Tư pháp tổ chức hội nghị.",
        "Đoạn thứ hai trong hộp.",
        "Hộp văn bản kiểu cũ (VML).",
        "Đoạn sau các hộp văn bản.",
    ];
    let mut at = 0;
    for text in order {
        // mc:Choice and mc:Fallback hold the same box: read once.
        assert_eq!(count(&md, text), 1, "{text}: {md}");
        let here = md.find(text).unwrap();
        assert!(here >= at, "{text} out of order: {md}");
        at = here;
    }
    // Each box paragraph is a paragraph of its own.
    assert!(md.contains("\n\nĐoạn thứ hai trong hộp.\n\n"), "{md}");
    // A drop cap joins the paragraph it begins.
    assert!(md.contains("\n\nĐoạn có chữ hoa đầu dòng.\n"), "{md}");
}

#[test]
fn an_article_all_in_a_text_box_is_not_empty() {
    let (s, md) = body("textbox-only.docx");
    assert_eq!(md.trim(), "Toàn bộ nội dung nằm trong hộp văn bản.");
    assert_eq!(s.front.title, "Bài chỉ có hộp văn bản");
}

#[test]
fn content_controls_at_every_level_are_read() {
    let (_, md) = body("content-controls.docx");
    assert!(md.contains("Đoạn văn trong điều khiển nội dung."), "{md}");
    assert!(md.contains("Ngày họp: 02/05/2026"), "{md}");
    // A control still showing its placeholder has no content to publish.
    assert!(md.contains("Địa điểm:"), "{md}");
    assert!(
        !md.contains("Nhấp vào đây") && !md.contains("Bấm hoặc gõ"),
        "{md}"
    );
    // A row in a content control, a cell in one, a cell's paragraph in one.
    assert!(md.contains("| Nguyễn Văn An | Giám đốc |"), "{md}");
    assert!(md.contains("| Lê Thị Hoa | Phó Giám đốc |"), "{md}");
}

#[test]
fn merged_cells_span_and_cell_paragraphs_break_without_backslash() {
    let (_, md) = body("tables.docx");
    assert!(
        md.contains("<th colspan=\"2\">\n\nLĩnh vực và đơn vị\n\n</th>"),
        "{md}"
    );
    assert!(
        md.contains("<td rowspan=\"2\">\n\nHộ tịch\n\n</td>"),
        "{md}"
    );
    // The covered cells are not written again.
    assert_eq!(count(&md, "Hộ tịch"), 1, "{md}");
    assert_eq!(count(&md, "<tr>"), 4, "{md}");
    // The table without merged cells stays a pipe table; two paragraphs in a cell.
    assert!(md.contains("| Hoà giải | Dòng một<br>Dòng hai |"), "{md}");
    // A table of one cell is its content: a paragraph and a real list.
    assert!(
        md.contains("Lưu ý khi nộp hồ sơ:\n\n- Mang theo bản chính\n- Nộp lệ phí tại chỗ\n"),
        "{md}"
    );
    // A row that starts one grid column in keeps its cells under their columns.
    assert!(
        md.contains("| Năm | Quý | Số vụ |\n| --- | --- | --- |\n|  | Quý I | 12 |"),
        "{md}"
    );
    assert!(!md.contains('\\'), "a literal backslash: {md}");
}

#[test]
fn links_in_notes_anchors_and_fields_are_kept() {
    let (s, md) = body("links.docx");
    assert!(
        md.contains("[Điều 5](https://moj.gov.vn/van-ban#dieu-5)"),
        "{md}"
    );
    // Links inside the document lead to the heading holding their bookmark, by the id
    // the renderer gives it; one to no heading keeps its text, flagged.
    assert!(
        md.contains(
            "Xem mục [Phạm vi áp dụng](#pham-vi-ap-dung) hoặc [phần dưới](#pham-vi-ap-dung)."
        ),
        "{md}"
    );
    assert!(md.contains(" và Mục 2 và "), "{md}");
    let f = flags(&s);
    assert!(
        f.iter()
            .any(|f| f.contains("`Mục 2` to `#muc-2` leads to no heading")),
        "{f:?}"
    );
    assert!(
        md.contains("[tin mới](https://moj.gov.vn/#tin-moi)"),
        "{md}"
    );
    assert!(
        md.contains("[Cổng Thông tin điện tử Chính phủ](https://chinhphu.vn/#tin-moi)"),
        "{md}"
    );
    assert!(
        md.contains("[Cơ sở dữ liệu văn bản](https://vbpl.vn/)"),
        "{md}"
    );
    // Another field shows its result, without its instruction.
    assert!(md.contains(", trang 3."), "{md}");
    assert!(!md.contains("PAGE") && !md.contains("HYPERLINK"), "{md}");
    // The note's link is resolved through the notes part's own relationships (the
    // body's rId1 is something else).
    assert!(
        md.contains("[^1]: Xem [Thư viện pháp luật](https://thuvienphapluat.vn/van-ban/)."),
        "{md}"
    );
}

#[test]
fn list_labels_are_kept_as_written() {
    let (_, md) = body("lists.docx");
    // Vietnamese legal numbering: Roman parts, articles numbered on across parts,
    // clauses as a Markdown list, points as `a)` text.
    for line in [
        "I. **QUY ĐỊNH CHUNG**",
        "Điều 1. **Phạm vi điều chỉnh**",
        "1. Quy chế này quy định việc tiếp nhận văn bản gồm:",
        "   a) Hồ sơ đăng ký;",
        "   b) Thời hạn giải quyết.",
        "2. Đối tượng áp dụng là các cơ quan, đơn vị.",
        "Điều 2. **Giải thích từ ngữ**",
        "II. **TỔ CHỨC THỰC HIỆN**",
        "Điều 3. **Hiệu lực thi hành**",
        "1. Quy chế có hiệu lực từ ngày ký.",
    ] {
        assert!(md.lines().any(|l| l == line), "no line `{line}`: {md}");
    }
    // List styles ("List Bullet", "List Number", a style with a Vietnamese name).
    assert!(
        md.contains("- Mục gạch đầu dòng thứ nhất\n- Mục gạch đầu dòng thứ hai"),
        "{md}"
    );
    assert!(md.contains("1. Bước một\n2. Bước hai"), "{md}");
    assert!(md.contains("a) Điểm thứ nhất;\n\nb) Điểm thứ hai."), "{md}");
    // A list continued after a paragraph, and one started anew.
    assert!(md.contains("3. Bước ba, tiếp tục đánh số"), "{md}");
    assert!(md.contains("1. Lại từ một\n2. Lại hai"), "{md}");
    // Formats Markdown cannot number: as text; `1)` escaped so it stays text.
    assert!(md.contains("iii. Mục iii\n\niv. Mục iv"), "{md}");
    assert!(md.contains("A. Phương án A\n\nB. Phương án B"), "{md}");
    assert!(md.contains("1\\) Khoản có ngoặc"), "{md}");
    // A definition that links to a numbering style numbers with that style's list.
    assert!(md.contains("(1) Khoản một\n\n(2) Khoản hai"), "{md}");
    // A list that defines a level anew (w:lvlOverride with a w:lvl) numbers with it.
    assert!(
        md.contains("A) Phương án thứ nhất\n\nB) Phương án thứ hai"),
        "{md}"
    );
}

#[test]
fn emphasis_leaves_no_stray_markers() {
    let (s, md) = body("emphasis.docx");
    for stray in ["*.*", "**.**", "** **", "* *", "****", "**,**", "**(**"] {
        assert!(!md.contains(stray), "`{stray}` in {md}");
    }
    assert!(md.contains("**Sở Tư pháp**. *Hội nghị* tổng kết."), "{md}");
    assert!(md.contains("**Điều 1 Phạm vi**"), "{md}");
    assert!(md.contains("(**ghi chú**)hết"), "{md}");
    assert!(md.contains("**Quan trọng**: văn bản có hiệu lực."), "{md}");
    // A symbol Unicode has is kept; one only a symbol font has is left out, flagged.
    assert!(md.contains("Nhiệt độ 30°C, đã kiểm tra ."), "{md}");
    let f = flags(&s);
    assert!(
        f.iter().any(|f| f.contains("`Wingdings` (code F0FC)")),
        "{f:?}"
    );
    // Raised and lowered text.
    assert!(
        md.contains("Diện tích 100 m<sup>2</sup>, nước H<sub>2</sub>O."),
        "{md}"
    );
    // Raised and lowered text.
    assert!(
        md.contains("Diện tích 100 m<sup>2</sup>, nước H<sub>2</sub>O."),
        "{md}"
    );
    // Hidden text is left out, and flagged; text hidden on the web, silently.
    assert!(md.trim_end().ends_with("Câu hiển thị. Trang"), "{md}");
    assert!(
        !md.contains("Ghi chú ẩn") && !md.contains("Trang 12"),
        "{md}"
    );
    assert!(
        f.iter()
            .any(|f| f.contains("hidden text") && f.contains("Ghi chú ẩn của tác giả.")),
        "{f:?}"
    );
}

#[test]
fn title_is_the_heading_at_the_top_else_the_property() {
    let (s, md) = body("title-top.docx");
    assert_eq!(s.front.title, "Tiêu đề ở đầu văn bản");
    assert!(!md.contains("Tiêu đề ở đầu văn bản"), "{md}");
    assert!(md.contains("# Phần sau"), "{md}");

    // A heading further down is no title: it stays in the body.
    let (s, md) = body("title-property.docx");
    assert_eq!(s.front.title, "Tên trong thuộc tính");
    assert!(
        md.contains("Nội dung mở đầu.\n\n# Mục ở giữa\n\nNội dung sau."),
        "{md}"
    );
}

#[test]
fn an_administrative_header_may_come_before_the_title() {
    let (s, md) = body("legal-header.docx");
    assert_eq!(
        s.front.title,
        "Ban hành Quy chế phối hợp phổ biến pháp luật"
    );
    // The header stays in the body; the heading further down stays in place.
    assert!(
        md.starts_with("| ỦY BAN NHÂN DÂN<br>TỈNH BÌNH PHƯỚC |"),
        "{md}"
    );
    assert!(
        md.contains("Căn cứ Luật Tổ chức chính quyền địa phương;\n\n## Điều 1. Ban hành Quy chế"),
        "{md}"
    );
    assert!(!md.contains("# Ban hành Quy chế phối hợp"), "{md}");
}

#[test]
fn without_a_title_the_first_line_past_the_header_is_used_and_flagged() {
    let (s, md) = body("legal-untitled.docx");
    assert_eq!(
        s.front.title,
        "Về việc ban hành Quy chế phối hợp phổ biến pháp luật"
    );
    assert!(md.contains("QUYẾT ĐỊNH\n\nVề việc ban hành"), "{md}");
    let f = flags(&s);
    assert!(
        f.iter()
            .any(|f| f.contains("has no title") && f.contains("Về việc ban hành")),
        "{f:?}"
    );
}

#[test]
fn a_title_property_of_a_dot_is_no_title_and_no_refusal() {
    let (s, md) = body("title-dot.docx");
    assert_eq!(
        s.front.title,
        "Sáng 2/5, Sở Tư pháp tổ chức hội nghị tổng kết."
    );
    assert!(md.contains("# Kết quả"), "{md}");
    let f = flags(&s);
    assert!(f.iter().any(|f| f.contains("has no title")), "{f:?}");
    assert_eq!(s.slug, "sang-2-5-so-tu-phap-to-chuc-hoi-nghi-tong-ket");
}

#[test]
fn a_mailed_document_without_a_title_takes_the_subject() {
    // title-dot.docx (a title property of `.`, no heading at the top) by e-mail.
    let s = taken("title-subject.eml");
    assert_eq!(s.front.title, "Tin hội nghị tổng kết");
    assert!(
        s.body
            .starts_with("Sáng 2/5, Sở Tư pháp tổ chức hội nghị tổng kết."),
        "{}",
        s.body
    );
    assert!(s.body.contains("# Kết quả"), "{}", s.body);
    let f = flags(&s);
    assert!(!f.iter().any(|f| f.contains("has no title")), "{f:?}");
    // A title property with letters comes before the subject.
    let s = taken("title-property.eml");
    assert_eq!(s.front.title, "Tên trong thuộc tính");
}

#[test]
fn the_main_part_is_found_through_relationships() {
    let (s, md) = body("package.docx");
    // word/noi-dung.xml, styles at word/kieu/kieu-chu.xml, a picture at a target
    // written from the package root.
    assert_eq!(s.front.title, "Gói văn bản đặt tên khác");
    assert!(md.contains("## Mục hai"), "{md}");
    assert!(md.contains("![Ô màu đỏ](anh-1.png)"), "{md}");
    assert!(s.files.iter().any(|f| f.name == "anh-1.png"));
}

#[test]
fn a_strict_package_reads_as_a_transitional_one() {
    let (s, md) = body("strict.docx");
    assert_eq!(s.front.title, "Văn bản theo chuẩn Strict");
    assert!(md.contains("Nội dung theo chuẩn nghiêm ngặt."), "{md}");
    assert!(md.contains("1. Mục một"), "{md}");
    assert!(md.contains("![Ô xanh](anh-1.png)"), "{md}");
    assert_eq!(
        s.front.sender.as_ref().and_then(|x| x.email.as_deref()),
        Some("binh@budang.gov.vn")
    );
}

#[test]
fn pictures_the_web_cannot_show_are_left_out_and_flagged() {
    let (s, md) = body("pictures.docx");
    assert!(md.contains("![Hình 1](anh-1.png)"), "{md}");
    assert_eq!(count(&md, "!["), 1, "{md}");
    assert!(md.contains("Hết bài."), "{md}");
    let f = flags(&s);
    for part in ["word/media/image2.emf", "word/media/image3.wmf"] {
        assert!(
            f.iter().any(|f| f.contains(part)),
            "no flag for {part}: {f:?}"
        );
    }
    assert!(f.iter().any(|f| f.contains("EMF drawing")), "{f:?}");
    assert!(
        f.iter()
            .any(|f| f.contains("a chart `Biểu đồ 1` was left out")),
        "{f:?}"
    );
    let pictures: Vec<&str> = s
        .files
        .iter()
        .map(|f| f.name.as_str())
        .filter(|n| n.starts_with("anh-"))
        .collect();
    assert_eq!(pictures, ["anh-1.png"]);
}

#[test]
fn an_article_left_empty_is_refused_naming_the_file() {
    let err = intake("empty-body.docx").expect_err("refused");
    let msg = err.to_string();
    assert!(msg.contains("empty-body.docx: "), "{msg}");
    assert!(msg.contains("empty"), "{msg}");
}

/// The same Vietnamese legal text, written by LibreOffice as `.odt` and as `.docx`.
#[test]
fn libreoffice_documents_keep_changes_boxes_spans_and_labels() {
    for name in ["lo-legal.odt", "lo-legal.docx"] {
        let (s, md) = body(name);
        assert_eq!(
            s.front.title, "Quyết định ban hành Quy chế tiếp nhận văn bản",
            "{name}"
        );
        // Tracked changes: the insertion kept, the deletion never shown.
        assert!(
            md.contains("Quy chế được soạn và đã bổ sung ý kiến của các sở."),
            "{name}: {md}"
        );
        assert!(!md.contains("theo dự thảo cũ"), "{name}: {md}");
        assert!(md.contains("Diện tích 100 m<sup>2</sup>."), "{name}: {md}");
        assert!(md.contains("Diện tích 100 m<sup>2</sup>."), "{name}: {md}");
        // A link to a bookmark in a heading leads to that heading; one to nothing is text.
        assert!(
            md.contains("Xem [Chương I](#chuong-i-nhung-quy-dinh-chung) và mục không có."),
            "{name}: {md}"
        );
        if name.ends_with(".odt") {
            // A heading in a numbered list keeps its label.
            assert!(md.contains("\n## Chương I NHỮNG QUY ĐỊNH CHUNG\n"), "{md}");
        }
        // Roman parts continued across the article between them, `1.` clauses as a
        // Markdown list, `a)` points as text.
        for line in [
            "I. **QUY ĐỊNH CHUNG**",
            "II. **TỔ CHỨC THỰC HIỆN**",
            "1. Quy chế này quy định việc tiếp nhận văn bản gồm:",
            "   a) Hồ sơ đăng ký;",
            "   b) Thời hạn giải quyết.",
            "2. Đối tượng áp dụng là các cơ quan, đơn vị.",
            "i. Mục một",
            "ii. Mục hai",
            "B. Phương án B",
            "C. Phương án C",
            "- Gạch đầu dòng",
        ] {
            assert!(
                md.lines().any(|l| l == line),
                "{name}: no line `{line}`: {md}"
            );
        }
        // Merged cells span; the covered ones are not written; two paragraphs in a cell.
        assert!(md.contains("<th colspan=\"2\">"), "{name}: {md}");
        assert!(
            md.contains("<td rowspan=\"2\">\n\nHộ tịch\n\n</td>"),
            "{name}: {md}"
        );
        assert!(md.contains("Xã Nghĩa Trung<br>(hai thôn)"), "{name}: {md}");
        assert_eq!(count(&md, "<td"), 5, "{name}: {md}");
        // The text box once, as a paragraph of its own after its anchor.
        assert_eq!(
            count(&md, "Nội dung trong khung văn bản."),
            1,
            "{name}: {md}"
        );
        assert!(
            md.contains("\n\nNội dung trong khung văn bản.\n"),
            "{name}: {md}"
        );
        // The note's link, and no stray emphasis on the full stop.
        assert!(
            md.contains("[^1]: Theo [cơ sở dữ liệu văn bản](https://vbpl.vn/botuphap)."),
            "{name}: {md}"
        );
        assert!(
            md.contains("**Điều 2. Hiệu lực thi hành**. Xem thêm[^1]."),
            "{name}: {md}"
        );
        assert!(!md.contains("**.**"), "{name}: {md}");
        // The formula (MathML in .odt, Office Math in .docx) is kept as its text, flagged;
        // the .odt's preview picture (SVM) is not used.
        assert!(md.contains("Công thức: x=2"), "{name}: {md}");
        let f = flags(&s);
        assert!(
            f.iter()
                .any(|f| f.contains("formula") && f.contains("`x=2`")),
            "{name}: {f:?}"
        );
        assert!(!f.iter().any(|f| f.contains("ObjectReplacements")), "{f:?}");
    }
}

/// The renderer (and its sanitiser) keeps what intake writes for tables: the spans,
/// the cells' paragraphs as `<br>`, and the cells' Markdown.
#[test]
fn rendered_tables_keep_spans_and_breaks() {
    let html = stp_render::markdown::render(&taken("lo-legal.odt").body).html;
    assert!(html.contains("<th colspan=\"2\">"), "{html}");
    assert!(html.contains("<td rowspan=\"2\">"), "{html}");
    assert!(html.contains("Xã Nghĩa Trung<br>(hai thôn)"), "{html}");
    assert!(!html.contains("&lt;"), "{html}");
    let html = stp_render::markdown::render(&taken("tables.docx").body).html;
    assert!(html.contains("Dòng một<br>Dòng hai"), "{html}");
    assert!(html.contains("<td rowspan=\"2\">"), "{html}");
    assert!(!html.contains('\\'), "{html}");
}

/// The corpus with its Word and OpenOffice XML forged into nonsense a reader must
/// survive: spans, levels and numbers out of range, lists, relationships and objects
/// that do not exist, fields ended before they begin, merges with nothing above. Each is
/// taken in or refused, never a panic.
#[test]
fn forged_corpus_documents_never_panic() {
    use std::io::{Cursor, Read, Write};
    let forgeries: &[(&str, &str)] = &[
        ("w:gridSpan w:val=\"2\"", "w:gridSpan w:val=\"4000000000\""),
        ("<w:tcPr>", "<w:tcPr><w:vMerge/><w:gridSpan w:val=\"64\"/>"),
        ("<w:ilvl w:val=\"", "<w:ilvl w:val=\"9"),
        ("<w:numId w:val=\"", "<w:numId w:val=\"9"),
        ("w:fldCharType=\"begin\"", "w:fldCharType=\"end\""),
        ("w:fldCharType=\"separate\"", "w:fldCharType=\"begin\""),
        ("<w:start w:val=\"1\"/>", "<w:start w:val=\"4294967295\"/>"),
        ("w:lvlText w:val=\"%1", "w:lvlText w:val=\"%9%9%9%1"),
        ("r:id=\"", "r:id=\"x"),
        ("w:anchor=\"", "w:anchor=\"#"),
        (
            "<w:footnoteReference w:id=\"1\"/>",
            "<w:footnoteReference w:id=\"1\"/><w:footnoteReference w:id=\"1\"/>",
        ),
        (
            "<mc:Choice Requires=\"wps\">",
            "<mc:Choice Requires=\"zzz\">",
        ),
        // OpenOffice.
        (
            "table:number-columns-spanned=\"2\"",
            "table:number-columns-spanned=\"4000000000\" table:number-columns-repeated=\"99999\"",
        ),
        (
            "table:number-rows-spanned=\"2\"",
            "table:number-rows-spanned=\"-7\"",
        ),
        (
            "style:num-format=\"1\"",
            "style:num-format=\"1\" text:start-value=\"4294967295\" text:display-levels=\"10\"",
        ),
        ("text:continue-list=\"", "text:continue-list=\"x"),
        ("xlink:href=\"./Object 1\"", "xlink:href=\"../Object 1\""),
        ("xlink:href=\"#", "xlink:href=\"#|outline"),
    ];
    let mut names: Vec<String> = std::fs::read_dir(corpus(""))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".docx") || n.ends_with(".odt"))
        .collect();
    names.sort();
    let dir = std::env::temp_dir().join(format!("stp-intake-forged-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut met = vec![false; forgeries.len()];
    for name in &names {
        for (k, (from, to)) in forgeries.iter().enumerate() {
            let bytes = std::fs::read(corpus(name)).unwrap();
            let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
            let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
            let mut changed = false;
            for i in 0..zin.len() {
                let mut f = zin.by_index(i).unwrap();
                let part = f.name().unwrap().to_string();
                let mut data = Vec::new();
                f.read_to_end(&mut data).unwrap();
                if part.ends_with(".xml") {
                    let text = String::from_utf8(data).unwrap();
                    changed |= text.contains(from);
                    data = text.replace(from, to).into_bytes();
                }
                w.start_file(part.as_str(), zip::write::SimpleFileOptions::default())
                    .unwrap();
                w.write_all(&data).unwrap();
            }
            if !changed {
                continue;
            }
            met[k] = true;
            let path = dir.join(name);
            std::fs::write(&path, w.finish().unwrap().into_inner()).unwrap();
            let config = SiteConfig::load(
                &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/site/site.toml"),
            )
            .unwrap();
            let input = Input::Files(vec![path.clone()]);
            let read = std::panic::catch_unwind(|| {
                assemble(
                    &input,
                    &config,
                    Some("tin-tuc"),
                    "2026-05-02T09:15:00+07:00",
                )
                .is_ok()
            });
            assert!(read.is_ok(), "{name} with `{to}` panicked");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    // Every forgery met some document.
    assert!(met.iter().all(|m| *m), "{met:?}");
}
