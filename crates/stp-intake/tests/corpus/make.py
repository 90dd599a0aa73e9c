#!/usr/bin/env python3
"""Makes the intake corpus: real Word and OpenOffice packages with the features that
real-world documents use and intake once damaged (tracked changes, text boxes, content
controls, merged cells, links in notes and fields, list numbering, character-style
emphasis, titles, packages laid out through relationships, pictures the web cannot show).

The .docx files are made with python-docx (`pip install python-docx`); what it cannot
make (tracked changes, text boxes, fields, notes, content controls) is written into the
package's XML afterwards with zipfile, so each is still a real Word package. The `lo-*`
files are made by LibreOffice headless (`soffice --convert-to`) from `lo-legal.fodt`.
The generated files are committed: the tests do not need python-docx or LibreOffice.

Run from anywhere: python3 crates/stp-intake/tests/corpus/make.py
"""

import io
import os
import re
import shutil
import struct
import subprocess
import tempfile
import unicodedata
import zipfile
import zlib

import docx
from docx.enum.style import WD_STYLE_TYPE

HERE = os.path.dirname(os.path.abspath(__file__))

SENDER = [
    "Đơn vị: Phòng Tư pháp huyện Bù Đăng",
    "Người gửi: Trần Thị Bình",
    "Email: binh@budang.gov.vn",
    "Điện thoại: 0271 3879 123",
]

W_TRACK = 'w:author="Biên tập viên" w:date="2026-05-02T09:00:00Z"'


def nfc(s):
    return unicodedata.normalize("NFC", s)


def png(width, height, rgb):
    """A small PNG of one colour, written without any imaging library."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def emf():
    """An Enhanced Metafile: its header record and its end record."""
    header = struct.pack(
        "<II4i4i4sIIIHHIII2i2i",
        1, 88, 0, 0, 10, 10, 0, 0, 264, 264, b" EMF", 0x10000, 108, 2, 1, 0, 0, 0, 0,
        1024, 768, 320, 240,
    )
    eof = struct.pack("<IIIII", 14, 20, 0, 16, 20)
    return header + eof


def wmf():
    """A placeable Windows Metafile: its headers and its end record."""
    placeable = struct.pack("<IHhhhhHIH", 0x9AC6CDD7, 0, 0, 0, 100, 100, 1440, 0, 0)
    header = struct.pack("<HHHIHIH", 1, 9, 0x300, 12, 0, 3, 0)
    return placeable + header + struct.pack("<IH", 3, 0)


def new_doc():
    d = docx.Document()
    d.core_properties.title = ""
    d.core_properties.author = "Trần Thị Bình"
    return d


class Raw:
    """Paragraph-sized XML put into document.xml after python-docx saves it: a marker
    paragraph is written first, then replaced."""

    def __init__(self):
        self.parts = {}

    def add(self, d, xml):
        key = f"@@RAW{len(self.parts)}@@"
        d.add_paragraph(key)
        self.parts[key] = xml

    def apply(self, text):
        for key, xml in self.parts.items():
            text, n = re.subn(r"<w:p>(?:(?!<w:p>).)*?" + key + r".*?</w:p>", lambda _m: xml, text, flags=re.S)
            assert n == 1, key
        return text


def sender(d):
    for line in SENDER:
        d.add_paragraph(line)


def rewrite(path, edits=None, add=None, rename=None):
    """Rewrites a package: `edits` maps a part to a function of its text, `add` adds
    parts, `rename` moves parts."""
    edits, add, rename = edits or {}, add or {}, rename or {}
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name in edits:
                data = edits[name](data.decode("utf-8")).encode("utf-8")
            z.writestr(rename.get(name, name), data)
        for name, data in add.items():
            z.writestr(name, data if isinstance(data, bytes) else data.encode("utf-8"))


def r(text, props=""):
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{nfc(text)}</w:t></w:r>'


def p(*runs, ppr=""):
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def save(d, name, raw=None, **kw):
    path = os.path.join(HERE, name)
    d.save(path)
    edits = kw.pop("edits", {})
    if raw is not None:
        prev = edits.get("word/document.xml", lambda t: t)
        edits["word/document.xml"] = lambda t: raw.apply(prev(t))
    rewrite(path, edits=edits, **kw)
    return path


# --- 1. Tracked changes -------------------------------------------------------------


def tracked():
    d = new_doc()
    d.add_heading(nfc("Báo cáo có sửa đổi được theo dõi"), 0)
    raw = Raw()
    raw.add(d, p(
        r("Hội nghị diễn ra "),
        f'<w:ins w:id="1" {W_TRACK}>{r("sáng thứ Hai ")}</w:ins>',
        f'<w:del w:id="2" {W_TRACK}><w:r><w:delText xml:space="preserve">chiều thứ Ba </w:delText></w:r></w:del>',
        r("tại hội trường tỉnh."),
    ))
    raw.add(d, p(
        f'<w:moveFromRangeStart w:id="3" w:name="move1" {W_TRACK}/>',
        f'<w:moveFrom w:id="4" {W_TRACK}>{r("Kết luận: giao Văn phòng tổng hợp ý kiến.")}</w:moveFrom>',
        '<w:moveFromRangeEnd w:id="3"/>',
        ppr=f'<w:pPr><w:rPr><w:moveFrom w:id="5" {W_TRACK}/></w:rPr></w:pPr>',
    ))
    raw.add(d, p(
        f'<w:del w:id="6" {W_TRACK}><w:r><w:delText>Câu này đã bị xoá khỏi bản cuối.</w:delText></w:r></w:del>',
        ppr=f'<w:pPr><w:rPr><w:del w:id="7" {W_TRACK}/></w:rPr></w:pPr>',
    ))
    d.add_paragraph(nfc("Các đại biểu phát biểu ý kiến."))
    # A deletion across a paragraph mark: the two paragraphs become one.
    raw.add(d, p(
        r("Thời gian: "),
        f'<w:del w:id="11" {W_TRACK}><w:r><w:delText xml:space="preserve">sáng nay tại </w:delText></w:r></w:del>',
        ppr=f'<w:pPr><w:rPr><w:del w:id="12" {W_TRACK}/></w:rPr></w:pPr>',
    ))
    raw.add(d, p(
        f'<w:del w:id="13" {W_TRACK}><w:r><w:delText xml:space="preserve">hội trường, </w:delText></w:r></w:del>',
        r("chiều 5/5."),
    ))
    raw.add(d, p(
        f'<w:moveToRangeStart w:id="8" w:name="move1" {W_TRACK}/>',
        f'<w:moveTo w:id="9" {W_TRACK}>{r("Kết luận: giao Văn phòng tổng hợp ý kiến.")}</w:moveTo>',
        '<w:moveToRangeEnd w:id="8"/>',
    ))
    t = d.add_table(rows=3, cols=2)
    for row, (a, b) in zip(t.rows, [("Lĩnh vực", "Số vụ"), ("Hộ tịch", "120"), ("Chứng thực đã bỏ", "7")]):
        row.cells[0].text, row.cells[1].text = nfc(a), nfc(b)
    sender(d)

    def deleted_row(text):
        return text.replace(
            "<w:tr><w:tc><w:tcPr><w:tcW w:type=\"dxa\" w:w=\"4320\"/></w:tcPr><w:p><w:r><w:t>" + nfc("Chứng thực"),
            f"<w:tr><w:trPr><w:del w:id=\"10\" {W_TRACK}/></w:trPr><w:tc><w:tcPr><w:tcW w:type=\"dxa\" w:w=\"4320\"/></w:tcPr><w:p><w:r><w:t>" + nfc("Chứng thực"),
        )

    save(d, "tracked.docx", raw, edits={"word/document.xml": deleted_row})


# --- 2. Text boxes -------------------------------------------------------------------


def txbx(*paras):
    return "<w:txbxContent>" + "".join(p(r(t)) for t in paras) + "</w:txbxContent>"


def textboxes():
    d = new_doc()
    d.core_properties.title = nfc("Tin trong hộp văn bản")
    raw = Raw()
    box = ["Hộp văn bản: Sở Tư pháp tổ chức hội nghị.", "Đoạn thứ hai trong hộp."]
    anchor = (
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2743200" cy="914400"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="1" name="Text Box 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{txbx(*box)}</wps:txbx><wps:bodyPr/></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor>"
    )
    fallback = (
        '<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"/>'
        f'<v:shape id="Text Box 1" type="#_x0000_t202"><v:textbox>{txbx(*box)}</v:textbox></v:shape></w:pict>'
    )
    raw.add(d, p(
        r("Mở đầu bài viết."),
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{anchor}</w:drawing></mc:Choice>'
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>",
    ))
    raw.add(d, p(
        '<w:r><w:pict><v:shape id="Old box" type="#_x0000_t202">'
        f'<v:textbox>{txbx("Hộp văn bản kiểu cũ (VML).")}</v:textbox></v:shape></w:pict></w:r>'
    ))
    d.add_paragraph(nfc("Đoạn sau các hộp văn bản."))
    # A drop cap: Word keeps the large first letter in a framed paragraph of its own.
    raw.add(d, p(
        r("Đ"),
        ppr='<w:pPr><w:keepNext/><w:framePr w:dropCap="drop" w:lines="3" w:wrap="around" '
        'w:vAnchor="text" w:hAnchor="text"/><w:spacing w:line="1000" w:lineRule="exact"/></w:pPr>',
    ))
    d.add_paragraph(nfc("oạn có chữ hoa đầu dòng."))
    sender(d)
    save(d, "textbox.docx", raw)


def textbox_only():
    """The whole article in a text box: the body must not come out empty."""
    d = new_doc()
    d.core_properties.title = nfc("Bài chỉ có hộp văn bản")
    raw = Raw()
    raw.add(d, p(
        '<w:r><w:pict><v:shape id="Box" type="#_x0000_t202">'
        f'<v:textbox>{txbx("Toàn bộ nội dung nằm trong hộp văn bản.")}</v:textbox></v:shape></w:pict></w:r>'
    ))
    sender(d)
    save(d, "textbox-only.docx", raw)


# --- 3. Content controls -------------------------------------------------------------


def tc(text):
    return f'<w:tc><w:tcPr><w:tcW w:w="4320" w:type="dxa"/></w:tcPr>{p(r(text))}</w:tc>'


def sdt(inner, alias="Trường"):
    return f'<w:sdt><w:sdtPr><w:alias w:val="{nfc(alias)}"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>'


def placeholder(inner):
    return (
        '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>'
        f'<w:sdtContent>{inner}</w:sdtContent></w:sdt>'
    )


def content_controls():
    d = new_doc()
    d.add_heading(nfc("Biểu mẫu có điều khiển nội dung"), 1)
    raw = Raw()
    raw.add(d, sdt(p(r("Đoạn văn trong điều khiển nội dung."))))
    raw.add(d, p(r("Ngày họp: "), sdt(r("02/05/2026"))))
    # Controls still showing their placeholder: no content of the document.
    raw.add(d, p(r("Địa điểm: "), placeholder(r("Nhấp vào đây để nhập văn bản."))))
    raw.add(d, placeholder(p(r("Bấm hoặc gõ vào đây để nhập nội dung."))))
    table = (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4320"/><w:gridCol w:w="4320"/></w:tblGrid>'
        f"<w:tr>{tc('Họ tên')}{tc('Chức vụ')}</w:tr>"
        + sdt(f"<w:tr>{tc('Nguyễn Văn An')}{sdt(tc('Giám đốc'))}</w:tr>", "Hàng")
        + "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"4320\" w:type=\"dxa\"/></w:tcPr>"
        + sdt(p(r("Lê Thị Hoa")))
        + f"</w:tc>{tc('Phó Giám đốc')}</w:tr></w:tbl>"
    )
    raw.add(d, sdt(table, "Bảng"))
    sender(d)
    save(d, "content-controls.docx", raw)


# --- 4. Tables -----------------------------------------------------------------------


def tables():
    d = new_doc()
    d.add_heading(nfc("Bảng có ô gộp"), 1)
    t = d.add_table(rows=4, cols=3)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(0, 1)).text = nfc("Lĩnh vực và đơn vị")
    t.cell(0, 2).text = nfc("Số vụ")
    t.cell(1, 0).merge(t.cell(2, 0)).text = nfc("Hộ tịch")
    for (row, col), text in {
        (1, 1): "Xã Đức Liễu",
        (1, 2): "120",
        (2, 1): "Xã Nghĩa Trung",
        (2, 2): "85",
        (3, 0): "Chứng thực",
        (3, 1): "Toàn huyện",
        (3, 2): "40",
    }.items():
        t.cell(row, col).text = nfc(text)
    d.add_paragraph(nfc("Bảng không có ô gộp:"))
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = nfc("Việc"), nfc("Ghi chú")
    t.cell(1, 0).text = nfc("Hoà giải")
    cell = t.cell(1, 1)
    cell.text = nfc("Dòng một")
    cell.add_paragraph(nfc("Dòng hai"))
    # A table of one cell framing a note: read as its content.
    t = d.add_table(rows=1, cols=1)
    t.style = "Table Grid"
    cell = t.cell(0, 0)
    cell.text = nfc("Lưu ý khi nộp hồ sơ:")
    cell.add_paragraph(nfc("Mang theo bản chính"), style="List Bullet")
    cell.add_paragraph(nfc("Nộp lệ phí tại chỗ"), style="List Bullet")
    d.add_paragraph(nfc("Bảng có hàng lùi một cột (w:gridBefore):"))
    raw = Raw()
    raw.add(d, (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="2880"/><w:gridCol w:w="2880"/><w:gridCol w:w="2880"/></w:tblGrid>'
        f"<w:tr>{tc('Năm')}{tc('Quý')}{tc('Số vụ')}</w:tr>"
        f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{tc("Quý I")}{tc("12")}</w:tr>'
        "</w:tbl>"
    ))
    sender(d)
    save(d, "tables.docx", raw)


# --- 5. Links --------------------------------------------------------------------------

FOOTNOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Xem </w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>Thư viện pháp luật</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""

FOOTNOTE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://thuvienphapluat.vn/van-ban/" TargetMode="External"/></Relationships>"""


def links():
    d = new_doc()
    d.add_heading(nfc("Văn bản có liên kết"), 1)
    raw = Raw()
    raw.add(d, p(
        r("Xem "),
        '<w:hyperlink r:id="rIdL1"><w:r><w:t>Điều 5</w:t></w:r></w:hyperlink>',
        r(" và "),
        '<w:hyperlink w:anchor="muc-2"><w:r><w:t>Mục 2</w:t></w:r></w:hyperlink>',
        r(" và "),
        '<w:hyperlink r:id="rIdL2" w:anchor="tin-moi"><w:r><w:t>tin mới</w:t></w:r></w:hyperlink>',
        r("."),
    ))
    raw.add(d, p(
        r("Trang "),
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://chinhphu.vn/" \\l "tin-moi" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r("Cổng Thông tin điện tử Chính phủ", "<w:rStyle w:val=\"Hyperlink\"/>"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        r(" và "),
        '<w:fldSimple w:instr=" HYPERLINK &quot;https://vbpl.vn/&quot; ">' + r("Cơ sở dữ liệu văn bản") + "</w:fldSimple>",
        r(", trang "),
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        r("."),
    ))
    raw.add(d, p(r("Căn cứ Luật Ban hành văn bản"), '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>', r(".")))
    # A link to a heading's bookmark, and a field link to it by \l alone.
    raw.add(d, p(
        r("Xem mục "),
        '<w:hyperlink w:anchor="_Toc100"><w:r><w:t>Phạm vi áp dụng</w:t></w:r></w:hyperlink>',
        r(" hoặc "),
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK \\l "_Toc100" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r("phần dưới"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        r("."),
    ))
    raw.add(d, p(
        '<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>',
        '<w:bookmarkStart w:id="5" w:name="_Toc100"/>',
        r("Phạm vi áp dụng"),
        '<w:bookmarkEnd w:id="5"/>',
    ))
    d.add_paragraph(nfc("Quy định này áp dụng cho các sở."))
    sender(d)

    def rels(text):
        return text.replace(
            "</Relationships>",
            '<Relationship Id="rIdL1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://moj.gov.vn/van-ban#dieu-5" TargetMode="External"/>'
            '<Relationship Id="rIdL2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://moj.gov.vn/" TargetMode="External"/>'
            '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
            "</Relationships>",
        )

    def types(text):
        return text.replace(
            "</Types>",
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
        )

    save(
        d,
        "links.docx",
        raw,
        edits={"word/_rels/document.xml.rels": rels, "[Content_Types].xml": types},
        add={"word/footnotes.xml": nfc(FOOTNOTES), "word/_rels/footnotes.xml.rels": FOOTNOTE_RELS},
    )


# --- 6. Lists --------------------------------------------------------------------------


def lvl(ilvl, fmt, text, start=1, restart=None):
    rs = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{rs}'
        f'<w:lvlText w:val="{nfc(text)}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{360 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
    )


NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="0">' + lvl(0, "bullet", "•") + lvl(1, "bullet", "◦") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1">' + lvl(0, "decimal", "%1.") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="2">'
    + lvl(0, "upperRoman", "%1.")
    + lvl(1, "decimal", "Điều %2.", restart=0)
    + lvl(2, "decimal", "%3.")
    + lvl(3, "lowerLetter", "%4)")
    + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="3">' + lvl(0, "lowerRoman", "%1.") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="4">' + lvl(0, "upperLetter", "%1.") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="5">' + lvl(0, "lowerLetter", "%1)") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="6">' + lvl(0, "decimal", "%1)", start=1) + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="DanhSachKhoan"/></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="8"><w:styleLink w:val="DanhSachKhoan"/>' + lvl(0, "decimal", "(%1)") + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="20"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="30"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
    '<w:num w:numId="40"><w:abstractNumId w:val="4"/></w:num>'
    '<w:num w:numId="50"><w:abstractNumId w:val="5"/></w:num>'
    '<w:num w:numId="60"><w:abstractNumId w:val="6"/></w:num>'
    '<w:num w:numId="70"><w:abstractNumId w:val="8"/></w:num>'
    '<w:num w:numId="71"><w:abstractNumId w:val="7"/></w:num>'
    '<w:num w:numId="80"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
    + lvl(0, "upperLetter", "%1)")
    + "</w:lvlOverride></w:num>"
    "</w:numbering>"
)

LOCAL_STYLE = (
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="DanhSachChu">'
    '<w:name w:val="Danh sách chữ"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="50"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="numbering" w:customStyle="1" w:styleId="DanhSachKhoan">'
    '<w:name w:val="Danh sách khoản"/><w:pPr><w:numPr><w:numId w:val="70"/></w:numPr></w:pPr></w:style>'
)


def numbered(ilvl, num, *runs):
    return p(*runs, ppr=f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>')


def lists():
    d = new_doc()
    d.add_heading(nfc("Quyết định ban hành Quy chế tiếp nhận văn bản"), 0)
    raw = Raw()
    bold = "<w:b/>"
    for ilvl, text, props in [
        (0, "QUY ĐỊNH CHUNG", bold),
        (1, "Phạm vi điều chỉnh", bold),
        (2, "Quy chế này quy định việc tiếp nhận văn bản gồm:", ""),
        (3, "Hồ sơ đăng ký;", ""),
        (3, "Thời hạn giải quyết.", ""),
        (2, "Đối tượng áp dụng là các cơ quan, đơn vị.", ""),
        (1, "Giải thích từ ngữ", bold),
        (0, "TỔ CHỨC THỰC HIỆN", bold),
        (1, "Hiệu lực thi hành", bold),
        (2, "Quy chế có hiệu lực từ ngày ký.", ""),
    ]:
        raw.add(d, numbered(ilvl, 20, r(text, props)))
    d.add_paragraph(nfc("Danh sách theo kiểu đoạn:"))
    d.add_paragraph(nfc("Mục gạch đầu dòng thứ nhất"), style="List Bullet")
    d.add_paragraph(nfc("Mục gạch đầu dòng thứ hai"), style="List Bullet")
    d.add_paragraph(nfc("Bước một"), style="List Number")
    d.add_paragraph(nfc("Bước hai"), style="List Number")
    d.add_paragraph(nfc("Một đoạn xen giữa danh sách."))
    d.add_paragraph(nfc("Bước ba, tiếp tục đánh số"), style="List Number")
    # Each list after its caption: (caption, numId, items); numId None is the
    # paragraph style with a Vietnamese name.
    for caption, num, items in [
        ("Danh sách đánh số lại:", 6, ["Lại từ một", "Lại hai"]),
        ("Số La Mã thường, bắt đầu từ ba:", 30, ["Mục iii", "Mục iv"]),
        ("Chữ in hoa:", 40, ["Phương án A", "Phương án B"]),
        ("Kiểu đoạn có tên tiếng Việt:", None, ["Điểm thứ nhất;", "Điểm thứ hai."]),
        ("Số có ngoặc:", 60, ["Khoản có ngoặc"]),
        ("Kiểu danh sách (numStyleLink):", 71, ["Khoản một", "Khoản hai"]),
        ("Danh sách định nghĩa lại mức (lvlOverride):", 80, ["Phương án thứ nhất", "Phương án thứ hai"]),
    ]:
        d.add_paragraph(nfc(caption))
        for t in items:
            if num is None:
                raw.add(d, p(r(t), ppr='<w:pPr><w:pStyle w:val="DanhSachChu"/></w:pPr>'))
            else:
                raw.add(d, numbered(0, num, r(t)))
    sender(d)
    save(
        d,
        "lists.docx",
        raw,
        edits={
            "word/numbering.xml": lambda _t: nfc(NUMBERING),
            "word/styles.xml": lambda t: t.replace("</w:styles>", nfc(LOCAL_STYLE) + "</w:styles>"),
        },
    )


# --- 7. Emphasis -----------------------------------------------------------------------


def emphasis():
    d = new_doc()
    d.add_heading(nfc("Chữ đậm và chữ nghiêng"), 1)
    para = d.add_paragraph()
    for text, b, i in [
        ("Sở Tư pháp", True, False),
        (".", True, False),
        (" Hội nghị", False, True),
        (" ", False, True),
        ("tổng kết", False, False),
        (".", False, True),
        (" Điều 1", True, False),
        (" ", True, False),
        ("Phạm vi", True, False),
        (",", False, False),
        (" ", True, True),
        ("kết thúc", False, False),
        (" ", False, False),
        ("(", True, False),
        ("ghi chú", True, False),
        (")", True, False),
        ("hết", False, False),
    ]:
        run = para.add_run(nfc(text))
        run.bold, run.italic = b or None, i or None
    para = d.add_paragraph()
    para.add_run(nfc("Quan trọng"), style="Strong")
    para.add_run(":", style="Strong")
    para.add_run(nfc(" văn bản có hiệu lực"))
    para.add_run(".", style="Strong")
    # Symbols inserted from a font: one Unicode has, one only Wingdings has.
    raw = Raw()
    raw.add(d, p(
        r("Nhiệt độ 30"),
        '<w:r><w:sym w:font="Times New Roman" w:char="00B0"/></w:r>',
        r("C, đã kiểm tra "),
        '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',
        r("."),
    ))
    # Raised and lowered text.
    raw.add(d, p(
        r("Diện tích 100 m"),
        r("2", '<w:vertAlign w:val="superscript"/>'),
        r(", nước H"),
        r("2", '<w:vertAlign w:val="subscript"/>'),
        r("O."),
    ))
    # Hidden text, and text hidden on the web (a contents' page number).
    raw.add(d, p(
        r("Câu hiển thị."),
        r(" Ghi chú ẩn của tác giả.", "<w:vanish/>"),
        r(" Trang "),
        r("12", "<w:webHidden/>"),
    ))
    sender(d)
    save(d, "emphasis.docx", raw)


# --- 8. Titles -------------------------------------------------------------------------


def title_property_dot():
    d = new_doc()
    d.core_properties.title = "."
    d.add_paragraph(nfc("Sáng 2/5, Sở Tư pháp tổ chức hội nghị tổng kết."))
    d.add_heading(nfc("Kết quả"), 1)
    d.add_paragraph(nfc("Hội nghị đã thông qua kế hoạch."))
    sender(d)
    save(d, "title-dot.docx")


def titled(name, heading_at_top):
    """A title in the properties; a heading at the top (after an empty paragraph) or
    only further down."""
    d = new_doc()
    d.core_properties.title = nfc("Tên trong thuộc tính")
    if heading_at_top:
        d.add_paragraph("")
        d.add_heading(nfc("Tiêu đề ở đầu văn bản"), 0)
    d.add_paragraph(nfc("Nội dung mở đầu."))
    d.add_heading(nfc("Phần sau" if heading_at_top else "Mục ở giữa"), 1)
    d.add_paragraph(nfc("Nội dung phần sau." if heading_at_top else "Nội dung sau."))
    sender(d)
    save(d, name)


def legal_header(name, heading):
    """An administrative document: its header (issuer, motto, number, place and date)
    in a table, before the heading that is its title, or with no heading and a title
    property of `.`, so that the title is its first line past the header."""
    d = new_doc()
    d.core_properties.title = "."
    t = d.add_table(rows=2, cols=2)
    for (row, col), lines in {
        (0, 0): ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"],
        (0, 1): ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        (1, 0): ["Số: 12/2026/QĐ-UBND"],
        (1, 1): ["Bình Phước, ngày 01 tháng 3 năm 2026"],
    }.items():
        cell = t.cell(row, col)
        cell.text = nfc(lines[0])
        for line in lines[1:]:
            cell.add_paragraph(nfc(line))
    d.add_paragraph("")
    if heading:
        d.add_heading(nfc("Ban hành Quy chế phối hợp phổ biến pháp luật"), 1)
    else:
        d.add_paragraph(nfc("QUYẾT ĐỊNH"))
        d.add_paragraph(nfc("Về việc ban hành Quy chế phối hợp phổ biến pháp luật"))
    d.add_paragraph(nfc("Căn cứ Luật Tổ chức chính quyền địa phương;"))
    d.add_heading(nfc("Điều 1. Ban hành Quy chế"), 2)
    d.add_paragraph(nfc("Ban hành kèm theo Quyết định này Quy chế phối hợp."))
    sender(d)
    save(d, name)


def mails():
    """The same documents sent by e-mail: the subject is the title only when the
    document has no heading at its top and no title property with letters."""
    from email.message import EmailMessage
    from email import policy

    for doc, name in [("title-dot.docx", "title-subject.eml"), ("title-property.docx", "title-property.eml")]:
        m = EmailMessage(policy=policy.SMTP)
        m["From"] = nfc("Trần Thị Bình <binh@budang.gov.vn>")
        m["To"] = "bbt@example.gov.vn"
        m["Subject"] = nfc("Fwd: [BBT] Tin hội nghị tổng kết")
        m["Date"] = "Sat, 02 May 2026 09:15:00 +0700"
        m["Message-ID"] = f"<{name}@budang.gov.vn>"
        m.set_content(nfc("Kính gửi Ban biên tập, xin gửi bài.\n"))
        with open(os.path.join(HERE, doc), "rb") as f:
            m.add_attachment(
                f.read(),
                maintype="application",
                subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                filename=doc,
            )
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(m.as_bytes())


# --- 9. Packages laid out through relationships --------------------------------------------


def package():
    d = new_doc()
    d.add_heading(nfc("Gói văn bản đặt tên khác"), 1)
    d.add_paragraph(nfc("Phần chính nằm ở word/noi-dung.xml."))
    d.add_picture(io.BytesIO(png(4, 3, (200, 30, 30))))
    d.add_heading(nfc("Mục hai"), 2)
    sender(d)
    path = save(d, "package.docx")
    with zipfile.ZipFile(path) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(media) == 1, media

    def rels(text):
        return text.replace('Target="styles.xml"', 'Target="kieu/kieu-chu.xml"').replace(
            'Target="media/', 'Target="/word/media/'
        )

    def root_rels(text):
        return (
            text.replace('Target="word/document.xml"', 'Target="/word/noi-dung.xml"')
            .replace('Target="docProps/core.xml"', 'Target="docProps/thuoc-tinh.xml"')
        )

    def types(text):
        return (
            text.replace("/word/document.xml", "/word/noi-dung.xml")
            .replace("/word/styles.xml", "/word/kieu/kieu-chu.xml")
            .replace("/docProps/core.xml", "/docProps/thuoc-tinh.xml")
        )

    def descr(text):
        return re.sub(r'(<wp:docPr id="\d+" name="[^"]*")', r'\1 descr="Ô màu đỏ"', text)

    rewrite(
        path,
        edits={
            "word/_rels/document.xml.rels": rels,
            "_rels/.rels": root_rels,
            "[Content_Types].xml": types,
            "word/document.xml": descr,
        },
        rename={
            "word/document.xml": "word/noi-dung.xml",
            "word/_rels/document.xml.rels": "word/_rels/noi-dung.xml.rels",
            "word/styles.xml": "word/kieu/kieu-chu.xml",
            "docProps/core.xml": "docProps/thuoc-tinh.xml",
        },
    )


STRICT = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "http://purl.oclc.org/ooxml/drawingml/picture",
}


def strict():
    """An ISO 29500 Strict package: the same parts under the Strict namespaces and
    relationship types."""
    d = new_doc()
    d.add_heading(nfc("Văn bản theo chuẩn Strict"), 1)
    d.add_paragraph(nfc("Nội dung theo chuẩn nghiêm ngặt."))
    d.add_paragraph(nfc("Mục một"), style="List Number")
    d.add_picture(io.BytesIO(png(3, 3, (0, 128, 0))))
    sender(d)
    path = save(d, "strict.docx")
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")]

    def to_strict(text):
        for old, new in STRICT.items():
            text = text.replace(f'"{old}"', f'"{new}"')
        text = text.replace(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
            "http://purl.oclc.org/ooxml/officeDocument/relationships/",
        )
        text = re.sub(r'(<wp:docPr id="\d+" name="[^"]*")', r'\1 descr="Ô xanh"', text)
        return text.replace("<w:document ", '<w:document w:conformance="strict" ', 1)

    rewrite(path, edits={n: to_strict for n in names})


# --- 10. Pictures the web cannot show ------------------------------------------------------


def pictures():
    d = new_doc()
    d.add_heading(nfc("Bài có hình vẽ"), 1)
    d.add_paragraph(nfc("Ảnh chụp hội nghị:"))
    d.add_picture(io.BytesIO(png(4, 3, (30, 120, 200))))
    d.add_paragraph(nfc("Sơ đồ vẽ bằng Word (EMF):"))
    d.add_picture(io.BytesIO(png(5, 3, (10, 10, 10))))
    d.add_paragraph(nfc("Hình cũ (WMF):"))
    d.add_picture(io.BytesIO(png(6, 3, (90, 90, 90))))
    raw = Raw()
    raw.add(d, p(
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5486400" cy="3200400"/>'
        f'<wp:docPr id="90" name="{nfc("Biểu đồ 1")}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    ))
    d.add_paragraph(nfc("Hết bài."))
    sender(d)
    path = save(d, "pictures.docx", raw)
    metafiles(path, {2: ("emf", emf()), 3: ("wmf", wmf())})


def metafiles(path, swaps):
    """Turns the n-th picture python-docx wrote into a metafile (EMF, WMF)."""
    with zipfile.ZipFile(path) as z:
        media = sorted(n for n in z.namelist() if n.startswith("word/media/"))
    rename, add = {}, {}
    for n, (ext, data) in swaps.items():
        old = media[n - 1]
        new = old.rsplit(".", 1)[0] + "." + ext
        rename[old] = new
        add[new] = data

    def rels(text):
        for old, new in rename.items():
            text = text.replace(old.removeprefix("word/"), new.removeprefix("word/"))
        return text

    def types(text):
        extra = "".join(
            f'<Default Extension="{e}" ContentType="image/x-{e}"/>' for e, _ in swaps.values()
        )
        return text.replace("</Types>", extra + "</Types>")

    def descr(text):
        return re.sub(r'(<wp:docPr id="(\d+)" name="[^"]*")', lambda m: m.group(1) + f' descr="Hình {m.group(2)}"', text)

    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name in rename:
                z.writestr(rename[name], add[rename[name]])
                continue
            if name == "word/_rels/document.xml.rels":
                data = rels(data.decode()).encode()
            elif name == "[Content_Types].xml":
                data = types(data.decode()).encode()
            elif name == "word/document.xml":
                data = nfc(descr(data.decode())).encode()
            z.writestr(name, data)


def empty_after_pictures():
    """Nothing but an EMF picture: once it is dropped the body is empty."""
    d = new_doc()
    d.core_properties.title = nfc("Chỉ có hình EMF")
    d.add_picture(io.BytesIO(png(4, 4, (1, 2, 3))))
    sender(d)
    path = save(d, "empty-body.docx")
    metafiles(path, {1: ("emf", emf())})


# --- LibreOffice ---------------------------------------------------------------------------


def libreoffice():
    src = os.path.join(HERE, "lo-legal.fodt")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ["docx", "odt"]:
            subprocess.run(
                ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                 "--convert-to", fmt, "--outdir", tmp, src],
                check=True, capture_output=True,
            )
            shutil.copy(os.path.join(tmp, f"lo-legal.{fmt}"), os.path.join(HERE, f"lo-legal.{fmt}"))


def main():
    tracked()
    textboxes()
    textbox_only()
    content_controls()
    tables()
    links()
    lists()
    emphasis()
    title_property_dot()
    titled("title-top.docx", True)
    titled("title-property.docx", False)
    legal_header("legal-header.docx", True)
    legal_header("legal-untitled.docx", False)
    mails()
    package()
    strict()
    pictures()
    empty_after_pictures()
    libreoffice()


if __name__ == "__main__":
    main()
