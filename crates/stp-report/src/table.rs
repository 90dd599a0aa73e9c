//! A report table as plain data: a name for its file, a title, column headers and rows of
//! typed cells, so that HTML, CSV and XLSX are written from the same figures.

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A share in [0, 1]; `None` when there is nothing to divide.
    Percent(Option<f64>),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn int(n: impl TryInto<i64>) -> Cell {
        Cell::Int(n.try_into().unwrap_or(i64::MAX))
    }

    /// As people read it: `1.404.000`, `87,5%`, `—`.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => group_thousands(*n),
            Cell::Percent(Some(p)) => format!("{:.1}%", p * 100.0).replace('.', ","),
            Cell::Percent(None) => "—".into(),
        }
    }

    /// As a machine reads it (CSV): `1404000`, `0.875`, empty.
    pub fn raw(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Percent(Some(p)) => format!("{p:.4}"),
            Cell::Percent(None) => String::new(),
        }
    }
}

/// `1404000` → `1.404.000` (the Vietnamese grouping).
pub fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A titled table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// File and sheet name: ASCII, e.g. `views-by-section`.
    pub id: &'static str,
    pub title: String,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_for_people_and_machines() {
        assert_eq!(Cell::int(1_404_000).display(), "1.404.000");
        assert_eq!(Cell::int(999).display(), "999");
        assert_eq!(Cell::Percent(Some(0.875)).display(), "87,5%");
        assert_eq!(Cell::Percent(Some(0.875)).raw(), "0.8750");
        assert_eq!(Cell::Percent(None).raw(), "");
    }
}
