//! The theme: MiniJinja templates, interface strings per language and static assets. The
//! `default` theme is embedded in the binary; a site overrides any file of it by placing
//! one with the same name under `themes/<name>/`. Assets get a content hash in their name.

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::{AutoEscape, Environment, Value};
use sha2::{Digest, Sha256};

use super::RenderError;

macro_rules! embedded {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../themes/default/", $path)) as &[u8])),*]
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
    /// Loads the default theme with the site's overrides from `root/themes/<name>/`.
    pub fn load(root: &Path, name: &str) -> Result<Theme, RenderError> {
        let mut files: BTreeMap<String, Vec<u8>> = DEFAULT_THEME
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry =
                    entry.map_err(|e| RenderError::Theme(format!("{}: {e}", dir.display())))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                crate::content::check_inside(root, entry.path())?;
                let rel = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                let bytes =
                    std::fs::read(entry.path()).map_err(|e| RenderError::io(entry.path(), e))?;
                files.insert(rel, bytes);
            }
        } else if name != "default" {
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
                let short: String = hash.iter().take(4).map(|b| format!("{b:02x}")).collect();
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
        for (name, text) in templates {
            env.add_template_owned(name.clone(), text)
                .map_err(|e| RenderError::Theme(format!("templates/{name}: {e}")))?;
        }
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
        Value::from(minijinja::value::Serde(
            self.strings.get(lang).or_else(|| self.strings.get("vi")),
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
