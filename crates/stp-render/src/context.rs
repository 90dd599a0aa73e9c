//! The values every page's template sees: the site, the agency, the menu, the language's
//! interface strings, the other language's home, and whether this is a preview.
//!
//! The menu lists every Điều 5 section marked `in_menu`. In a language other than the
//! default one (the English part of the site, Điều 4.1) it lists only the sections that
//! have articles in that language, so an English reader never lands on an empty section
//! from the menu; the rest stay reachable in Vietnamese from the English home page.

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use stp_site::Site;

use super::pages::prefix;
use super::theme::Theme;

/// A menu entry.
#[derive(Debug, Clone, Serialize)]
pub struct MenuEntry {
    pub name: String,
    pub url: String,
    pub key: String,
    /// Whether it leads to the page shown or to its section (`aria-current`).
    pub current: bool,
}

/// The menu of `lang`.
pub fn menu(site: &Site, lang: &str) -> Vec<MenuEntry> {
    let c = &site.config;
    let english = lang != "vi";
    let prefix = prefix(lang);
    let mut menu: Vec<MenuEntry> = c
        .sections
        .iter()
        .filter(|s| s.in_menu)
        .filter(|s| {
            !english
                || site
                    .section(&s.slug, lang)
                    .is_some_and(|l| !l.items.is_empty())
        })
        .map(|s| MenuEntry {
            name: if english {
                s.name_en.clone().unwrap_or_else(|| s.name.clone())
            } else {
                s.name.clone()
            },
            url: format!("{prefix}/{}/", s.slug),
            key: s.slug.clone(),
            current: false,
        })
        .collect();
    for m in &c.menu {
        menu.push(MenuEntry {
            name: if english {
                m.name_en.clone().unwrap_or_else(|| m.name.clone())
            } else {
                m.name.clone()
            },
            url: if english && m.url.starts_with('/') {
                format!("{prefix}{}", m.url)
            } else {
                m.url.clone()
            },
            key: String::new(),
            current: false,
        });
    }
    menu
}

/// Each language's menu as template values: with no entry current, and with each one
/// current in turn, made once so that a page only picks one (the loop over the menu was
/// 5 % of a build when each page's template compared every entry with the page).
pub struct Menus(Vec<(String, Vec<MenuEntry>, Vec<Value>)>);

impl Menus {
    pub fn new(site: &Site) -> Menus {
        let menus = (site.config.languages.iter())
            .map(|lang| {
                let entries = menu(site, lang);
                let variants = (0..=entries.len())
                    .map(|k| Self::value(&entries, |i| i + 1 == k))
                    .collect();
                (lang.clone(), entries, variants)
            })
            .collect();
        Menus(menus)
    }

    fn value(entries: &[MenuEntry], current: impl Fn(usize) -> bool) -> Value {
        let marked: Vec<MenuEntry> = (entries.iter().enumerate())
            .map(|(i, e)| MenuEntry {
                current: current(i),
                ..e.clone()
            })
            .collect();
        Value::from(Serde(marked))
    }

    /// The menu of `lang` on a page of the section `section` (its key) at one of `urls`
    /// (the page's and its listing's address): an entry is current when it is that
    /// section or leads to one of those addresses.
    pub fn on(&self, lang: &str, section: Option<&str>, urls: &[&str]) -> PageMenu {
        let Some((_, entries, variants)) = (self.0.iter())
            .find(|(l, _, _)| l == lang)
            .or_else(|| self.0.first())
        else {
            return PageMenu {
                value: Value::from(Vec::<Value>::new()),
                key: String::new(),
            };
        };
        let is_current = |i: usize| {
            let e = &entries[i];
            section.is_some_and(|k| k == e.key) || urls.contains(&e.url.as_str())
        };
        let current: Vec<usize> = (0..entries.len()).filter(|&i| is_current(i)).collect();
        let key = positions_key(&current);
        let value = match current[..] {
            [] => variants[0].clone(),
            [k] => variants[k + 1].clone(),
            _ => Self::value(entries, is_current),
        };
        PageMenu { value, key }
    }
}

/// The menu of one page: `menu` and `menu_key` in its template.
pub struct PageMenu {
    pub value: Value,
    /// Which entries are current (their positions, `2` or `1,4`; empty for none): the
    /// same for two pages of a language exactly when their menus are the same, a key
    /// for the header's `fragment` that costs nothing to compare.
    pub key: String,
}

/// Positions as a `fragment` key: `2`, `1,4`, or empty for none (the menu's current
/// entries, an article sidebar's articles).
pub fn positions_key(positions: &[usize]) -> String {
    (positions.iter().map(usize::to_string))
        .collect::<Vec<_>>()
        .join(",")
}

/// The shared context of one language.
pub fn base(site: &Site, theme: &Theme, lang: &str, preview: bool) -> Value {
    let c = &site.config;
    let english = lang != "vi";
    let prefix = prefix(lang);
    let a = &c.agency;
    let pick = |vi: &String, en: &Option<String>| -> String {
        if english {
            en.clone().unwrap_or_else(|| vi.clone())
        } else {
            vi.clone()
        }
    };
    let other_lang = c
        .languages
        .iter()
        .find(|l| l.as_str() != lang)
        .cloned()
        .unwrap_or_else(|| lang.to_string());
    let other_home = if other_lang == "vi" {
        "/".to_string()
    } else {
        format!("/{other_lang}/")
    };
    context! {
        lang => lang,
        other_lang => other_lang,
        other_home => other_home,
        preview => preview,
        home_url => if english { format!("{prefix}/") } else { "/".to_string() },
        prefix => prefix,
        base_url => c.base(),
        site_title => if english { c.title_en.clone().unwrap_or_else(|| c.title.clone()) } else { c.title.clone() },
        agency => context! {
            name => pick(&a.name, &a.name_en),
            parent => a.parent.as_ref().map(|p| pick(p, &a.parent_en)),
            address => pick(&a.address, &a.address_en),
            phone => &a.phone,
            fax => &a.fax,
            email => &a.email,
            board_email => &a.board_email,
            responsible => pick(&a.responsible, &a.responsible_en),
            license => &a.license,
        },
        languages => Value::from(Serde(&c.languages)),
        t => theme.strings_for(lang),
        feeds => c.feeds,
        fragment => super::fragments::Fragments::value(),
    }
}
