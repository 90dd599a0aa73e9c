//! List numbers as documents write them: the formats Word (`w:numFmt`) and OpenOffice
//! (`style:num-format`) name, written out (`3`, `c`, `C`, `iii`, `III`), and what a
//! numbered paragraph shows before its text. Only `1.`, `2.`, … becomes a Markdown
//! ordered list; any other label (`a)`, `I.`, `Điều 1.`, `1)`) stays the paragraph's
//! own text, as the document shows it (docs/intake.md, "Lists"); `Lists` gathers
//! numbered items into blocks that way for both readers.

use crate::document::{Block, Inline, Run};

/// How one level counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Decimal,
    /// `01`, `02`, … (Word's `decimalZero`).
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    /// No number shown.
    None,
}

impl Format {
    /// From Word's `w:numFmt`; formats without an equivalent count in decimal.
    pub fn from_word(value: &str) -> Format {
        match value {
            "bullet" => Format::Bullet,
            "none" => Format::None,
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            _ => Format::Decimal,
        }
    }

    /// From OpenOffice's `style:num-format` (empty: no number).
    pub fn from_odf(value: &str) -> Format {
        match value {
            "" => Format::None,
            "a" => Format::LowerLetter,
            "A" => Format::UpperLetter,
            "i" => Format::LowerRoman,
            "I" => Format::UpperRoman,
            _ => Format::Decimal,
        }
    }

    /// The number `n` written in this format.
    pub fn write(self, n: u32) -> String {
        match self {
            Format::Decimal => n.to_string(),
            Format::DecimalZero => format!("{n:02}"),
            Format::LowerLetter => letters(n),
            Format::UpperLetter => letters(n).to_uppercase(),
            Format::LowerRoman => roman(n).to_lowercase(),
            Format::UpperRoman => roman(n),
            Format::Bullet | Format::None => String::new(),
        }
    }
}

/// What a numbered paragraph shows before its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    Bullet,
    /// `n.`: a Markdown ordered list item.
    Number(u32),
    /// Any other label, kept as text (`a)`, `II.`, `Điều 3.`); empty when the level
    /// shows no number.
    Label(String),
}

impl Marker {
    /// The marker of an item whose label is `label`, counted `n` in `format`: a
    /// Markdown list item only for a bullet or a plain `n.` (or a bare `n`, which
    /// Markdown can only write as `n.`).
    pub fn of(format: Format, n: u32, label: String) -> Marker {
        match format {
            Format::Bullet => Marker::Bullet,
            Format::Decimal if label == format!("{n}.") || label == n.to_string() => {
                Marker::Number(n)
            }
            _ => Marker::Label(label),
        }
    }
}

/// Numbered items gathered into blocks: bullets and `1.` items into Markdown lists
/// (a list with another kind of item, or a number out of sequence, starts a new one),
/// labelled items into their paragraphs with the label in front.
#[derive(Default)]
pub struct Lists {
    out: Vec<Block>,
    /// The list being built: ordered, start, items.
    list: Option<(bool, u32, Vec<Vec<Block>>)>,
}

impl Lists {
    /// Adds an item: its marker and its blocks.
    pub fn item(&mut self, marker: &Marker, mut blocks: Vec<Block>) {
        let (ordered, number) = match marker {
            Marker::Label(label) => {
                self.flush();
                match blocks.first_mut() {
                    Some(Block::Paragraph(inl) | Block::Heading(_, inl)) => {
                        *inl = labelled(label, std::mem::take(inl))
                    }
                    _ if !label.trim().is_empty() => {
                        blocks.insert(0, Block::Paragraph(labelled(label, Vec::new())))
                    }
                    _ => {}
                }
                self.out.extend(blocks);
                return;
            }
            Marker::Bullet => (false, 1),
            Marker::Number(n) => (true, *n),
        };
        let continues = self.list.as_ref().is_some_and(|(o, start, items)| {
            *o == ordered
                && (!ordered || u64::from(*start) + items.len() as u64 == u64::from(number))
        });
        if !continues {
            self.flush();
            self.list = Some((ordered, number, Vec::new()));
        }
        if let Some(l) = self.list.as_mut() {
            l.2.push(blocks);
        }
    }

    /// Adds blocks under the last item (deeper items), or after it when it was not a
    /// Markdown list item.
    pub fn nested(&mut self, blocks: Vec<Block>) {
        match self.list.as_mut().and_then(|l| l.2.last_mut()) {
            Some(last) => last.extend(blocks),
            None => self.out.extend(blocks),
        }
    }

    pub fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.out
    }

    fn flush(&mut self) {
        if let Some((ordered, start, items)) = self.list.take() {
            self.out.push(Block::List {
                ordered,
                start,
                items,
            });
        }
    }
}

/// Inlines with a label before them (`a) `, `Điều 1. `).
pub fn labelled(label: &str, mut inlines: Vec<Inline>) -> Vec<Inline> {
    if label.trim().is_empty() {
        return inlines;
    }
    inlines.insert(
        0,
        Inline::Run(Run {
            text: format!("{} ", label.trim()),
            ..Run::default()
        }),
    );
    inlines
}

/// `a` … `z`, then `aa`, `bb` … as Word and LibreOffice count.
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    letter
        .to_string()
        .repeat(((n - 1) / 26 + 1).min(16) as usize)
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const UNITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (value, text) in UNITS {
        while n >= value {
            s.push_str(text);
            n -= value;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_count_as_documents_do() {
        assert_eq!(Format::LowerLetter.write(1), "a");
        assert_eq!(Format::LowerLetter.write(27), "aa");
        assert_eq!(Format::UpperLetter.write(3), "C");
        assert_eq!(Format::UpperRoman.write(14), "XIV");
        assert_eq!(Format::LowerRoman.write(4), "iv");
        assert_eq!(Format::DecimalZero.write(7), "07");
        assert_eq!(
            Marker::of(Format::Decimal, 2, "2.".into()),
            Marker::Number(2)
        );
        assert_eq!(
            Marker::of(Format::Decimal, 2, "2".into()),
            Marker::Number(2)
        );
        assert_eq!(
            Marker::of(Format::Decimal, 2, "2)".into()),
            Marker::Label("2)".into())
        );
    }
}
