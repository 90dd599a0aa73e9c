//! The theme: MiniJinja templates, interface strings per language and static assets. The
//! `default` theme is embedded in the binary; a site overrides any file of it by placing
//! one with the same name under `themes/<name>/`. Assets get a content hash in their name.

use std::collections::BTreeMap;
use std::sync::Arc;
use stp_content::SiteFiles;

use minijinja::{AutoEscape, Environment, Value};
use sha2::{Digest, Sha256};

use super::RenderError;

macro_rules! embedded {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../theme/", $path)) as &[u8])),*]
    };
}

/// The default theme's files, relative to `themes/default/`.
pub const DEFAULT_THEME: &[(&str, &[u8])] = embedded![
    "templates/base.html",
    "templates/macros.html",
    "templates/home.html",
    "templates/article.html",
    "templates/list.html",
    "templates/sitemap.html",
    "templates/search.html",
    "templates/404.html",
    "i18n.toml",
    "static/style.css",
    "static/print.css",
    "static/site.js",
    "static/search.js",
    "static/logo.svg",
];

/// A loaded theme: a template environment and the fingerprinted assets.
pub struct Theme {
    pub env: Environment<'static>,
    /// Asset name (`style.css`) → URL path (`/assets/style.3f2a1b9c.css`).
    pub asset_urls: BTreeMap<String, String>,
    /// URL path (without the leading `/`) → bytes.
    pub asset_files: Vec<(String, Vec<u8>)>,
    /// Interface strings per language.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
}

impl Theme {
    /// Loads the default theme with the site's overrides from `themes/<name>/` of the
    /// site files. A name that is not one plain folder name is refused.
    pub fn load(site: &SiteFiles, name: &str) -> Result<Theme, RenderError> {
        let plain = !name.is_empty()
            && name != "."
            && name != ".."
            && !name.contains(['/', '\\', '\0'])
            && !name.starts_with('.');
        if !plain {
            return Err(RenderError::Theme(format!(
                "site.toml names theme `{name}`, which is not a folder name under themes/; use a plain name such as `default`"
            )));
        }
        let mut files: BTreeMap<String, Vec<u8>> = DEFAULT_THEME
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        let dir = format!("themes/{name}");
        let mut found = false;
        for (rel, bytes) in site.under(&dir) {
            found = true;
            files.insert(rel.to_string(), bytes.to_vec());
        }
        if !found && name != "default" {
            return Err(RenderError::Theme(format!(
                "site.toml names theme `{name}`, but themes/{name}/ does not exist; create it or use `default`"
            )));
        }
        Self::from_files(files)
    }

    fn from_files(files: BTreeMap<String, Vec<u8>>) -> Result<Theme, RenderError> {
        let mut asset_urls = BTreeMap::new();
        let mut asset_files = Vec::new();
        let mut templates = Vec::new();
        let mut strings = BTreeMap::new();
        for (path, bytes) in files {
            if let Some(name) = path.strip_prefix("static/") {
                let hash = Sha256::digest(&bytes);
                let short = base16ct::lower::encode_string(&hash[..4]);
                let url = match name.rsplit_once('.') {
                    Some((stem, ext)) => format!("assets/{stem}.{short}.{ext}"),
                    None => format!("assets/{name}.{short}"),
                };
                asset_urls.insert(name.to_string(), format!("/{url}"));
                asset_files.push((url, bytes));
            } else if let Some(name) = path.strip_prefix("templates/") {
                let text = String::from_utf8(bytes)
                    .map_err(|_| RenderError::Theme(format!("templates/{name} is not UTF-8")))?;
                templates.push((name.to_string(), text));
            } else if path == "i18n.toml" {
                let text = String::from_utf8_lossy(&bytes);
                strings = toml::from_str(&text)
                    .map_err(|e| RenderError::Theme(format!("i18n.toml: {}", e.message())))?;
            }
        }
        let mut env = Environment::new();
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".xml") || name.ends_with(".html") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        env.set_formatter(html_formatter);
        for (name, text) in templates {
            env.add_template_owned(name.clone(), text)
                .map_err(|e| RenderError::Theme(format!("templates/{name}: {e}")))?;
        }
        env.add_filter("day", day);
        env.add_filter("weekday", weekday);
        let urls = asset_urls.clone();
        env.add_function(
            "asset",
            move |name: &str| -> Result<String, minijinja::Error> {
                urls.get(name).cloned().ok_or_else(|| {
                    minijinja::Error::new(
                        minijinja::ErrorKind::InvalidOperation,
                        format!("the theme has no asset `{name}`"),
                    )
                })
            },
        );
        Ok(Theme {
            env,
            asset_urls,
            asset_files,
            strings,
        })
    }

    /// The interface strings of `lang` as a template value.
    pub fn strings_for(&self, lang: &str) -> Value {
        let strings = self.strings.get(lang).or_else(|| self.strings.get("vi"));
        Value::from_object(Strings(
            (strings.into_iter().flatten())
                .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
                .collect(),
        ))
    }

    /// Renders `template` with `ctx`.
    pub fn render(&self, template: &str, ctx: Value) -> Result<String, RenderError> {
        let tmpl = self
            .env
            .get_template(template)
            .map_err(|e| RenderError::Theme(format!("templates/{template}: {e}")))?;
        tmpl.render(ctx)
            .map_err(|e| RenderError::Theme(format!("templates/{template}: {e:#}")))
    }
}

/// A language's interface strings (`t` in templates), looked up by name as a string:
/// a page's templates look up some fifty of them, and a map of template values
/// compares each key as a value, several times a lookup.
#[derive(Debug)]
struct Strings(BTreeMap<String, Value>);

impl minijinja::value::Object for Strings {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.0.get(key.as_str()?).cloned()
    }

    fn enumerate(self: &Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Values(
            self.0.keys().map(|k| Value::from(k.as_str())).collect(),
        )
    }
}

/// Writes a value into a page. A string in an HTML or XML template is escaped as
/// pulldown-cmark escapes text (`&`, `<`, `>`, `"` and `'`, enough for text and for
/// attributes in either quote), not also `/` as MiniJinja's own escaping does: a page's
/// addresses then read `/tin-tuc/` rather than `&#x2f;tin-tuc&#x2f;`, which was 3 % of
/// the bytes a 10,000-article site wrote. Anything else, a value marked safe included,
/// goes to MiniJinja's formatter.
fn html_formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(text) if *state.auto_escape() == AutoEscape::Html && !value.is_safe() => {
            pulldown_cmark_escape::escape_html(pulldown_cmark_escape::FmtWriter(out), text).map_err(
                |e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()),
            )
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// `2026-11-20` (or an RFC 3339 date-time) → `20/11/2026`, as Vietnamese readers write
/// dates; anything else is returned unchanged.
fn day(value: &str) -> String {
    match chrono::NaiveDate::parse_from_str(value.get(..10).unwrap_or(value), "%Y-%m-%d") {
        Ok(d) => d.format("%d/%m/%Y").to_string(),
        Err(_) => value.to_string(),
    }
}

/// The day of the week of `2026-11-23` in `lang`: `Thứ Hai` or `Monday`; empty when the
/// value is not a date.
fn weekday(value: &str, lang: Option<&str>) -> String {
    use chrono::Datelike;
    let Ok(d) = chrono::NaiveDate::parse_from_str(value.get(..10).unwrap_or(value), "%Y-%m-%d")
    else {
        return String::new();
    };
    let i = d.weekday().num_days_from_monday() as usize;
    let names = if lang == Some("vi") {
        [
            "Thứ Hai",
            "Thứ Ba",
            "Thứ Tư",
            "Thứ Năm",
            "Thứ Sáu",
            "Thứ Bảy",
            "Chủ nhật",
        ]
    } else {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ]
    };
    names[i].to_string()
}

#[cfg(test)]
mod tests {
    use super::{DEFAULT_THEME, Theme, day, weekday};

    #[test]
    fn dates_read_the_vietnamese_way() {
        assert_eq!(day("2026-11-20"), "20/11/2026");
        assert_eq!(day("2026-11-20T08:30:00+07:00"), "20/11/2026");
        assert_eq!(day("Sáng"), "Sáng");
        assert_eq!(weekday("2026-11-23", Some("vi")), "Thứ Hai");
        assert_eq!(weekday("2026-11-29", Some("en")), "Sunday");
        assert_eq!(weekday("not a date", Some("vi")), "");
    }

    #[test]
    fn strings_are_escaped_for_html_except_the_slash() {
        let mut files: std::collections::BTreeMap<String, Vec<u8>> = DEFAULT_THEME
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        let body =
            b"<p title='{{ x }}' data-u=\"{{ u }}\">{{ x }} {{ safe }} {{ n }} {{ none }}</p>";
        files.insert("templates/t.html".into(), body.to_vec());
        files.insert("templates/t.txt".into(), b"{{ x }}".to_vec());
        let theme = Theme::from_files(files).expect("loads");
        let ctx = minijinja::context! {
            x => "<b onclick='a()'>\"Hòa\" & /x/</b>",
            u => "/tin-tuc/?q=a&b",
            safe => minijinja::Value::from_safe_string("<em>/</em>".into()),
            n => 15,
            none => (),
        };
        let html = theme.render("t.html", ctx.clone()).expect("renders");
        let x = "&lt;b onclick=&#39;a()&#39;&gt;&quot;Hòa&quot; &amp; /x/&lt;/b&gt;";
        assert_eq!(
            html,
            format!("<p title='{x}' data-u=\"/tin-tuc/?q=a&amp;b\">{x} <em>/</em> 15 None</p>")
        );
        // Not an HTML template: nothing escaped.
        assert_eq!(
            theme.render("t.txt", ctx).expect("renders"),
            "<b onclick='a()'>\"Hòa\" & /x/</b>"
        );
    }

    #[test]
    fn default_theme_loads_and_every_template_parses() {
        let files = DEFAULT_THEME
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        let theme = Theme::from_files(files).expect("the default theme loads");
        for (path, _) in DEFAULT_THEME {
            if let Some(name) = path.strip_prefix("templates/") {
                assert!(theme.env.get_template(name).is_ok(), "{name}");
            }
        }
        for lang in ["vi", "en"] {
            let strings = &theme.strings[lang];
            for key in theme.strings["vi"].keys() {
                assert!(
                    strings.contains_key(key),
                    "i18n.toml [{lang}] lacks `{key}`"
                );
            }
        }
    }
}
