//! The monthly report as one self-contained HTML page: inline CSS, SVG bar charts (views
//! per section, articles per unit against the quota, on-time rate per kind, returns and
//! rejections by ground) and every table. No script, no outside file: it can be mailed
//! or printed for the meeting as it is.

use std::fmt::Write;

use super::monthly::MonthlyReport;
use super::table::{Cell, Table};

/// One bar: its label, its length and the text shown at its end.
struct Bar {
    label: String,
    value: f64,
    shown: String,
}

const CSS: &str = "body{font-family:system-ui,'Segoe UI',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:2px solid #a31d1d;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;margin:.8rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left}
th{background:#f2e8e8}td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1rem 0}
figcaption{font-weight:600;margin-bottom:.3rem}svg text{font-size:12px;fill:#1a1a1a}@media print{h2{break-after:avoid}}";

/// The whole page.
pub fn render_html(report: &MonthlyReport, agency: &str) -> String {
    let mut out = String::new();
    let month = format!("{:02}/{}", report.month.month, report.month.year);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>Báo cáo tháng {month}</title><style>{CSS}</style></head><body>\n\
<h1>Báo cáo hoạt động Cổng thông tin điện tử tháng {month}</h1>\n<p>{} — Ban Biên tập, báo cáo giao ban tháng (Điều 18.5 Quy chế).</p>\n",
        escape(agency)
    );
    if let Some(day) = report.figures_until {
        let _ = writeln!(
            out,
            "<p class=\"until\"><strong>Số liệu tính đến ngày {}</strong>: tháng chưa kết thúc (figures up to {day}).</p>",
            day.format("%d/%m/%Y")
        );
    }
    write_table(&mut out, &report.summary);

    out.push_str("<h2>Truy cập</h2>\n");
    let bars: Vec<Bar> = rows_as_bars(&report.views_by_section, 0, 2, |c| c.display());
    out.push_str(&bar_chart("Lượt xem theo chuyên mục", &bars, None, &[]));
    write_table(&mut out, &report.views_by_section);
    write_table(&mut out, &report.top_pages);

    out.push_str("<h2>Tin, bài của các đơn vị (Điều 9.4)</h2>\n");
    let (min, max) = report.quota_range;
    let bars = rows_as_bars(&report.quotas, 0, 1, |c| c.display());
    let marks = [(f64::from(min), "tối thiểu"), (f64::from(max), "tối đa")];
    out.push_str(&bar_chart("Số bài so với định mức", &bars, None, &marks));
    write_table(&mut out, &report.quotas);

    out.push_str("<h2>Thời hạn đăng tải (Điều 9.3, 11.2)</h2>\n");
    let bars = rows_as_bars(&report.deadlines, 0, 4, |c| c.display());
    out.push_str(&bar_chart(
        "Tỷ lệ đúng hạn theo loại",
        &bars,
        Some(1.0),
        &[],
    ));
    write_table(&mut out, &report.deadlines);

    out.push_str("<h2>Trả lại và từ chối (Điều 4.2, 12.3)</h2>\n");
    let bars = rows_as_bars(&report.returns, 0, 2, |c| c.display());
    out.push_str(&bar_chart("Số lượt theo căn cứ", &bars, None, &[]));
    write_table(&mut out, &report.returns);

    out.push_str("<h2>Cập nhật thông tin (Điều 13.1)</h2>\n");
    if report.freshness.rows.is_empty() {
        out.push_str("<p>Ngày làm việc nào cũng có tin, bài mới.</p>\n");
    } else {
        write_table(&mut out, &report.freshness);
    }

    out.push_str("<h2>Nhuận bút (Điều 8)</h2>\n");
    write_table(&mut out, &report.royalties);
    write_table(&mut out, &report.royalty_items);
    out.push_str("</body></html>\n");
    out
}

fn rows_as_bars(
    table: &Table,
    label: usize,
    value: usize,
    shown: impl Fn(&Cell) -> String,
) -> Vec<Bar> {
    table
        .rows
        .iter()
        .map(|row| Bar {
            label: row.get(label).map(Cell::display).unwrap_or_default(),
            value: match row.get(value) {
                Some(Cell::Int(n)) => *n as f64,
                Some(Cell::Percent(Some(p))) => *p,
                _ => 0.0,
            },
            shown: row.get(value).map(&shown).unwrap_or_default(),
        })
        .collect()
}

/// A horizontal bar chart; `scale` fixes the full length (1.0 for rates), `marks` draws
/// dashed lines at values (the quota's bounds).
fn bar_chart(caption: &str, bars: &[Bar], scale: Option<f64>, marks: &[(f64, &str)]) -> String {
    if bars.is_empty() {
        return format!("<p><em>{}: không có số liệu.</em></p>\n", escape(caption));
    }
    let (label_w, bar_w, row_h, top) = (220.0, 380.0, 22.0, 18.0);
    let largest = bars
        .iter()
        .map(|b| b.value)
        .chain(marks.iter().map(|m| m.0))
        .fold(0.0, f64::max);
    let full = scale.unwrap_or(largest).max(f64::MIN_POSITIVE);
    let height = top + row_h * bars.len() as f64 + 6.0;
    let width = label_w + bar_w + 90.0;
    let mut svg = format!(
        "<figure><figcaption>{}</figcaption><svg role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n",
        escape(caption),
        escape(caption)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = top + row_h * i as f64;
        let len = (b.value / full * bar_w).max(0.0);
        let label: String = b.label.chars().take(34).collect();
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{label_w}\" y=\"{}\" width=\"{len:.1}\" height=\"{}\" fill=\"#a31d1d\"/><text x=\"{:.1}\" y=\"{}\">{}</text>",
            label_w - 6.0,
            y + 15.0,
            escape(&label),
            y + 4.0,
            row_h - 8.0,
            label_w + len + 4.0,
            y + 15.0,
            escape(&b.shown)
        );
    }
    for (value, name) in marks {
        let x = label_w + value / full * bar_w;
        let _ = writeln!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"12\" x2=\"{x:.1}\" y2=\"{height}\" stroke=\"#1d5fa3\" stroke-dasharray=\"4 3\"/><text x=\"{x:.1}\" y=\"10\" text-anchor=\"middle\">{} {}</text>",
            escape(name),
            value
        );
    }
    svg.push_str("</svg></figure>\n");
    svg
}

fn write_table(out: &mut String, table: &Table) {
    let _ = write!(
        out,
        "<table id=\"{}\"><caption>{}</caption><thead><tr>",
        table.id,
        escape(&table.title)
    );
    for h in &table.headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            let class = if matches!(cell, Cell::Text(_)) {
                ""
            } else {
                " class=\"n\""
            };
            let _ = write!(out, "<td{class}>{}</td>", escape(&cell.display()));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

/// Escapes text for HTML and SVG (the builder's XML escaping: `&`, `<`, `>`, quotes, and
/// no control characters).
pub fn escape(text: &str) -> String {
    stp_render::xml_escape(text)
}
