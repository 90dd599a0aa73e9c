//! Writing report tables as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet
//! programs read Vietnamese correctly) and as one XLSX workbook, a sheet per table.
//!
//! Text in a report comes partly from outside (a sender's name and unit, an article's
//! title), and a spreadsheet program reads a cell starting with `=`, `+`, `-`, `@`, a tab
//! or a carriage return as a formula (CSV injection). Such a text cell is written so that
//! it stays text: in CSV with a leading `'` (OWASP's advice; the program shows the rest),
//! in XLSX as a string cell with Excel's quote prefix, so that editing it keeps it text.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::table::{Cell, Table};

/// The CSV text of a table.
pub fn to_csv(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = table.headers.iter().map(|h| quote(h)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(t) if formula_like(t) => quote(&format!("'{t}")),
                other => quote(&other.raw()),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Whether a spreadsheet program would read `text` as the start of a formula.
fn formula_like(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Writes the tables into one workbook at `path`.
pub fn write_xlsx(tables: &[&Table], path: &Path) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    let thousands = Format::new().set_num_format("#,##0");
    let as_text = Format::new().set_quote_prefix();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.id)?;
        sheet.write_string_with_format(0, 0, &table.title, &bold)?;
        for (c, h) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(2, c as u16, *h, &bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 3;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(s) if formula_like(s) => {
                        sheet.write_string_with_format(r, c, s, &as_text)?
                    }
                    Cell::Text(s) => sheet.write_string(r, c, s)?,
                    Cell::Int(n) => sheet.write_number_with_format(r, c, *n as f64, &thousands)?,
                    Cell::Percent(Some(p)) => sheet.write_number_with_format(r, c, *p, &percent)?,
                    Cell::Percent(None) => sheet.write_string(r, c, "")?,
                };
            }
        }
        sheet.autofit();
    }
    book.save(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it() {
        let t = Table {
            id: "t",
            title: "T".into(),
            headers: vec!["Đơn vị", "Số bài"],
            rows: vec![vec![Cell::text("Phòng \"A\", B"), Cell::int(2)]],
        };
        assert_eq!(
            to_csv(&t),
            "\u{feff}Đơn vị,Số bài\r\n\"Phòng \"\"A\"\", B\",2\r\n"
        );
    }

    /// The text of part `name` of the workbook at `path`.
    fn part(path: &Path, name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    }

    #[test]
    fn text_that_looks_like_a_formula_stays_text() {
        let evil = [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
        ];
        let t = Table {
            id: "t",
            title: "T".into(),
            headers: vec!["Người gửi", "Số bài"],
            rows: evil
                .iter()
                .map(|e| vec![Cell::text(*e), Cell::int(-1)])
                .collect(),
        };
        let csv = to_csv(&t);
        let lines: Vec<&str> = csv.lines().skip(1).collect();
        assert_eq!(lines[0], "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1");
        assert_eq!(lines[1], "'+1+1,-1");
        assert_eq!(lines[3], "'@SUM(A1),-1");
        // A number is a number, even a negative one.
        assert!(lines.iter().all(|l| l.ends_with(",-1")), "{csv}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.xlsx");
        write_xlsx(&[&t], &path).unwrap();
        let sheet = part(&path, "xl/worksheets/sheet1.xml");
        assert!(!sheet.contains("<f>"), "no formula: {sheet}");
        let styles = part(&path, "xl/styles.xml");
        assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
    }

    #[test]
    fn xlsx_is_a_zip_with_a_sheet_per_table() {
        let t = Table {
            id: "quotas",
            title: "T".into(),
            headers: vec!["Đơn vị", "Tỷ lệ"],
            rows: vec![vec![Cell::text("Văn phòng Sở"), Cell::Percent(Some(0.5))]],
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.xlsx");
        write_xlsx(&[&t], &path).unwrap();
        let sheet = part(&path, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("<v>0.5</v>"), "{sheet}");
        let book = part(&path, "xl/workbook.xml");
        assert!(book.contains("name=\"quotas\""), "{book}");
    }
}
