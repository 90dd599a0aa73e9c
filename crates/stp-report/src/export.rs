//! Writing report tables as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet
//! programs read Vietnamese correctly) and as one XLSX workbook, a sheet per table.

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
        let cells: Vec<String> = row.iter().map(|c| quote(&c.raw())).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
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
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut sheet = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut sheet,
        )
        .unwrap();
        assert!(sheet.contains("<v>0.5</v>"), "{sheet}");
        let mut book = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut book)
            .unwrap();
        assert!(book.contains("name=\"quotas\""), "{book}");
    }
}
