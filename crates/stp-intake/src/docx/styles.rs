//! Word styles and list numbering: each paragraph and character style's font, bold,
//! italic, heading level and numbering (a style such as "List Number", or one with a
//! localised name, whose `w:pPr` has `w:numPr`), followed through `basedOn`; and the
//! numbering definitions, counted as Word counts them: per list, from `w:start` or a
//! `w:startOverride`, lower levels restarting after a higher one unless `w:lvlRestart`
//! says otherwise, and a list continuing across the paragraphs between its items.

use std::collections::HashMap;

use crate::document::Script;
use crate::numbering::{Format, Marker};
use crate::xml::Node;

#[derive(Debug, Clone, Default)]
pub(super) struct Style {
    based_on: Option<String>,
    pub font: Option<String>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub script: Option<Script>,
    pub heading: Option<u8>,
    /// `w:numPr` in the style: its list and level.
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// One level of a numbering definition.
#[derive(Debug, Clone)]
struct Level {
    format: Format,
    /// `w:lvlText`: `%1.`, `%2)`, `Điều %1.`.
    text: String,
    start: u32,
    /// `w:lvlRestart`: restart after a use of a level above this (1-based), 0 never.
    restart: Option<usize>,
}

/// A list (`w:num`): its definition and the levels it starts anew.
#[derive(Debug, Clone)]
struct Num {
    abstract_id: String,
    start_overrides: HashMap<usize, u32>,
    /// Levels the list defines anew (`w:lvlOverride` with a `w:lvl`).
    level_overrides: HashMap<usize, Level>,
}

pub(super) const MAX_LEVEL: usize = 9;

/// Styles, the document's default font, and numbering with its counters.
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    pub default_font: Option<String>,
    abstracts: HashMap<String, Vec<Option<Level>>>,
    /// A definition that is a numbering style's (`w:numStyleLink`): the style.
    style_links: HashMap<String, String>,
    nums: HashMap<String, Num>,
    /// Counters by list (the definition, or the list itself when it restarts).
    counters: HashMap<String, [Option<u32>; MAX_LEVEL]>,
}

pub(super) fn on(n: Option<&Node>) -> Option<bool> {
    n.map(|n| !matches!(n.attr("w:val"), Some("0" | "false" | "off" | "none")))
}

/// A run's `w:vertAlign`: raised, lowered or on the line.
pub(super) fn script_of(rpr: Option<&Node>) -> Option<Script> {
    match val(rpr, "w:vertAlign")? {
        "superscript" => Some(Script::Super),
        "subscript" => Some(Script::Sub),
        _ => Some(Script::Normal),
    }
}

pub(super) fn font_of(rpr: Option<&Node>) -> Option<String> {
    let f = rpr?.child("w:rFonts")?;
    f.attr("w:ascii")
        .or(f.attr("w:hAnsi"))
        .or(f.attr("w:cs"))
        .map(str::to_string)
}

/// A numbering level (`w:lvl`) and its index.
fn level_of(l: &Node) -> Option<(usize, Level)> {
    let i = l
        .attr("w:ilvl")?
        .parse::<usize>()
        .ok()
        .filter(|i| *i < MAX_LEVEL)?;
    let level = Level {
        format: Format::from_word(val(Some(l), "w:numFmt").unwrap_or("decimal")),
        text: val(Some(l), "w:lvlText").unwrap_or("").to_string(),
        start: val(Some(l), "w:start")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1),
        restart: val(Some(l), "w:lvlRestart").and_then(|v| v.parse().ok()),
    };
    Some((i, level))
}

fn val<'a>(n: Option<&'a Node>, child: &str) -> Option<&'a str> {
    n?.child(child)?.attr("w:val")
}

impl Styles {
    pub fn read_styles(&mut self, styles: &Node) {
        if let Some(d) = styles.child("w:docDefaults") {
            self.default_font = font_of(d.find("w:rPr"));
        }
        for s in styles.elements().filter(|e| e.name == "w:style") {
            let Some(id) = s.attr("w:styleId") else {
                continue;
            };
            let name = val(Some(s), "w:name").unwrap_or("").to_lowercase();
            let rpr = s.child("w:rPr");
            let ppr = s.child("w:pPr");
            let outline = val(ppr, "w:outlineLvl").and_then(|v| v.parse::<u8>().ok());
            let heading = if name == "title" {
                Some(1)
            } else if let Some(n) = name.strip_prefix("heading ") {
                n.trim().parse::<u8>().ok()
            } else {
                outline.filter(|l| *l < 6).map(|l| l + 1)
            };
            let num = ppr.and_then(|p| p.child("w:numPr"));
            let style = Style {
                based_on: val(Some(s), "w:basedOn").map(str::to_string),
                font: font_of(rpr),
                bold: on(rpr.and_then(|r| r.child("w:b"))),
                italic: on(rpr.and_then(|r| r.child("w:i"))),
                script: script_of(rpr),
                heading: heading.map(|h| h.clamp(1, 6)),
                num_id: val(num, "w:numId").map(str::to_string),
                ilvl: val(num, "w:ilvl").and_then(|v| v.parse().ok()),
            };
            self.styles.insert(id.to_string(), style);
        }
    }

    pub fn read_numbering(&mut self, n: &Node) {
        for a in n.elements().filter(|e| e.name == "w:abstractNum") {
            let mut levels = vec![None; MAX_LEVEL];
            for l in a.elements().filter(|l| l.name == "w:lvl") {
                if let Some((i, level)) = level_of(l) {
                    levels[i] = Some(level);
                }
            }
            let id = a.attr("w:abstractNumId").unwrap_or("").to_string();
            if let Some(style) = val(Some(a), "w:numStyleLink") {
                self.style_links.insert(id.clone(), style.to_string());
            }
            self.abstracts.insert(id, levels);
        }
        for num in n.elements().filter(|e| e.name == "w:num") {
            let Some(id) = num.attr("w:numId") else {
                continue;
            };
            let overrides = || num.elements().filter(|o| o.name == "w:lvlOverride");
            let start_overrides = overrides()
                .filter_map(|o| {
                    let level = o.attr("w:ilvl")?.parse().ok()?;
                    let start = val(Some(o), "w:startOverride")?.parse().ok()?;
                    Some((level, start))
                })
                .collect();
            let level_overrides = overrides()
                .filter_map(|o| level_of(o.child("w:lvl")?))
                .collect();
            let abstract_id = val(Some(num), "w:abstractNumId").unwrap_or("").to_string();
            self.nums.insert(
                id.to_string(),
                Num {
                    abstract_id,
                    start_overrides,
                    level_overrides,
                },
            );
        }
    }

    /// A style property, following `basedOn` (at most 32 steps: loops end there).
    pub fn prop<T>(&self, id: Option<&str>, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut id = id?.to_string();
        for _ in 0..32 {
            let s = self.styles.get(&id)?;
            if let Some(v) = get(s) {
                return Some(v);
            }
            id = s.based_on.clone()?;
        }
        None
    }

    /// The list and level of a paragraph: its own `w:numPr`, else its style's; `None`
    /// when it is not numbered (or `numId` 0 takes the style's numbering off).
    pub fn numbering_of(&self, ppr: Option<&Node>, style: Option<&str>) -> Option<(String, usize)> {
        let own = ppr.and_then(|p| p.child("w:numPr"));
        let num_id = val(own, "w:numId")
            .map(str::to_string)
            .or_else(|| self.prop(style, |s| s.num_id.clone()))?;
        if num_id == "0" || !self.nums.contains_key(&num_id) {
            return None;
        }
        let ilvl = val(own, "w:ilvl")
            .and_then(|v| v.parse().ok())
            .or_else(|| self.prop(style, |s| s.ilvl))
            .unwrap_or(0);
        Some((num_id, ilvl.min(MAX_LEVEL - 1)))
    }

    /// A definition's levels; one that only links to a numbering style
    /// (`w:numStyleLink`) has the levels of the definition that style numbers with.
    fn levels(&self, abstract_id: &str) -> Option<Vec<Option<Level>>> {
        let mut id = abstract_id.to_string();
        for _ in 0..8 {
            let levels = self.abstracts.get(&id)?;
            if levels.iter().any(Option::is_some) {
                return Some(levels.clone());
            }
            let style = self.style_links.get(&id)?;
            let num = self.prop(Some(style), |s| s.num_id.clone())?;
            id = self.nums.get(&num)?.abstract_id.clone();
        }
        None
    }

    /// Counts one item of list `num_id` at `level` and returns what it shows.
    pub fn count(&mut self, num_id: &str, level: usize) -> Option<Marker> {
        let num = self.nums.get(num_id)?;
        let mut levels = self.levels(&num.abstract_id).unwrap_or_default();
        for (l, level) in &num.level_overrides {
            if levels.len() <= *l {
                levels.resize(*l + 1, None);
            }
            levels[*l] = Some(level.clone());
        }
        let this = levels.get(level)?.as_ref()?;
        // A list that sets its own start counts on its own; the others of one
        // definition continue each other, as in Word.
        let key = if num.start_overrides.is_empty() && num.level_overrides.is_empty() {
            format!("a{}", num.abstract_id)
        } else {
            format!("n{num_id}")
        };
        let start = |l: usize| {
            num.start_overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(l).and_then(|x| x.as_ref()).map(|x| x.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(key).or_insert([None; MAX_LEVEL]);
        let n = counters[level].map_or(start(level), |n| n.saturating_add(1));
        counters[level] = Some(n);
        for (deeper, counter) in counters.iter_mut().enumerate().skip(level + 1) {
            let restart = levels
                .get(deeper)
                .and_then(|x| x.as_ref())
                .and_then(|x| x.restart);
            if restart.is_none_or(|r| r > level) {
                *counter = None;
            }
        }
        let mut label = this.text.clone();
        for (l, lvl) in levels.iter().enumerate().rev() {
            let placeholder = format!("%{}", l + 1);
            if label.contains(&placeholder) {
                let value = counters[l].unwrap_or_else(|| start(l));
                let format = lvl.as_ref().map_or(Format::Decimal, |x| x.format);
                label = label.replace(&placeholder, &format.write(value));
            }
        }
        Some(Marker::of(this.format, n, label))
    }
}
