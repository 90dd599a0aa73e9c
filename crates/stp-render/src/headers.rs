//! The HTTP headers the site should be served with, written as `_headers` at the root of
//! every build (the format static hosts such as Netlify and Cloudflare Pages read; the
//! nginx configuration in docs/deploy.md sets the same, and tests/it/nginx_serves.rs fails
//! when the two differ). The Content-Security-Policy is
//! one the theme passes: its scripts and styles are files of the site (no inline script,
//! no inline style, no `style` attribute survives the sanitiser), pictures may also come
//! from `https:` and `data:` URLs, nothing may frame the site, and forms post only to it.
//! Fingerprinted files never change, so they are cached for a year: the assets
//! (`/assets/name.HASH.ext`) and the search index's fragments (`/tim-kiem/t/N.HASH.json`,
//! `/tim-kiem/d/…`, and the same under each other language's folder); pages for five
//! minutes. A target that sets headers per file (object storage) takes each file's
//! Content-Type and Cache-Control from here too, and sends the fingerprinted files first.

/// The Content-Security-Policy of every page.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Headers for every response: (name, value).
pub const EVERYWHERE: [(&str, &str); 4] = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Cache-Control", "public, max-age=300"),
];

/// Headers for the fingerprinted files.
pub const ASSETS: [(&str, &str); 1] = [("Cache-Control", "public, max-age=31536000, immutable")];

/// Whether the file at `path` (relative to the build's root, with `/`) is named by its
/// content, so never changes: under `assets/`, or a fragment of a search index
/// (`tim-kiem/t/NAME` or `tim-kiem/d/NAME`, at the root or in one language's folder).
pub fn is_fingerprinted(path: &str) -> bool {
    if path.starts_with("assets/") {
        return true;
    }
    let index = path
        .strip_prefix("tim-kiem/")
        .or_else(|| path.split_once('/')?.1.strip_prefix("tim-kiem/"));
    matches!(
        index.and_then(|rest| rest.split_once('/')),
        Some(("t" | "d", name)) if !name.is_empty() && !name.contains('/')
    )
}

/// The Cache-Control of the file at `path` (relative to the build's root, with `/`): the
/// fingerprinted files' for one that `is_fingerprinted`, else the one for every path, as
/// `_headers` says.
pub fn cache_control(path: &str) -> &'static str {
    let table: &[(&str, &str)] = if is_fingerprinted(path) {
        &ASSETS
    } else {
        &EVERYWHERE
    };
    table
        .iter()
        .find(|(name, _)| *name == "Cache-Control")
        .map(|(_, value)| *value)
        .expect("both tables set Cache-Control")
}

/// The Content-Type of the file at `path`, by its extension; text is UTF-8, as the build
/// writes it. An unknown extension is `application/octet-stream`.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == "_headers" {
        return "text/plain; charset=utf-8";
    }
    let ext = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    };
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json; charset=utf-8",
        "xml" | "xsl" => "application/xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "rss" => "application/rss+xml; charset=utf-8",
        "map" => "application/json; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

/// Whether the file at `path` is text (its Content-Type names UTF-8, or it is SVG): what
/// compresses well.
pub fn is_text(path: &str) -> bool {
    let kind = content_type(path);
    kind.ends_with("charset=utf-8") || kind == "image/svg+xml"
}

/// The `_headers` file of a site in `languages` (the search index of each but Vietnamese
/// is under its own folder, `/en/tim-kiem/`).
pub fn headers_file(languages: &[String]) -> Vec<u8> {
    let mut out = String::from("/*\n");
    for (name, value) in EVERYWHERE {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    let mut fingerprinted = vec!["/assets/*".to_string()];
    for lang in languages {
        let prefix = super::pages::prefix(lang);
        fingerprinted.extend(["t", "d"].map(|kind| format!("{prefix}/tim-kiem/{kind}/*")));
    }
    for path in fingerprinted {
        out.push_str(&path);
        out.push('\n');
        for (name, value) in ASSETS {
            out.push_str(&format!("  {name}: {value}\n"));
        }
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headers_file_sets_the_policy_everywhere_and_long_caching_for_assets() {
        let text = String::from_utf8(headers_file(&["vi".into(), "en".into()])).unwrap();
        let (all, assets) = text.split_once("/assets/*\n").unwrap();
        assert!(all.starts_with("/*\n"));
        assert!(all.contains(&format!("  Content-Security-Policy: {CSP}\n")));
        assert!(all.contains("  X-Content-Type-Options: nosniff\n"));
        assert!(assets.contains("immutable"));
        for fragments in [
            "/tim-kiem/t/*",
            "/tim-kiem/d/*",
            "/en/tim-kiem/t/*",
            "/en/tim-kiem/d/*",
        ] {
            let (_, rules) = text.split_once(&format!("{fragments}\n")).unwrap();
            let first = rules.lines().next().unwrap();
            assert!(
                first.ends_with("max-age=31536000, immutable"),
                "{fragments}"
            );
        }
        assert!(!CSP.contains("unsafe"), "no unsafe-inline or unsafe-eval");
    }

    #[test]
    fn each_file_gets_its_type_and_the_caching_of_its_place() {
        assert_eq!(
            cache_control("assets/style.0a1b2c.css"),
            "public, max-age=31536000, immutable"
        );
        for fragment in [
            "tim-kiem/t/3.0a1b2c3d.json",
            "tim-kiem/d/0.0a1b2c3d.json.gz",
            "en/tim-kiem/d/12.0a1b2c3d.json",
        ] {
            assert!(is_fingerprinted(fragment), "{fragment}");
            assert_eq!(cache_control(fragment), ASSETS[0].1, "{fragment}");
        }
        for page in [
            "index.html",
            "tin-tuc/a/index.html",
            "x/assets/y.css",
            "tim-kiem/index.html",
            "en/tim-kiem/index.html",
            "tim-kiem/t/",
            "tim-kiem/x/0.json",
            "a/b/tim-kiem/t/0.json",
            "tim-kiem/t/a/0.json",
        ] {
            assert!(!is_fingerprinted(page), "{page}");
            assert_eq!(cache_control(page), "public, max-age=300", "{page}");
        }
        assert!(
            headers_file(&["vi".into()])
                .windows(b"max-age=300".len())
                .any(|w| w == b"max-age=300")
        );
        assert_eq!(
            content_type("tin-tuc/a/index.html"),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type("assets/APP.JS"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type("van-ban/qd.pdf"), "application/pdf");
        assert_eq!(content_type("_headers"), "text/plain; charset=utf-8");
        assert_eq!(
            content_type("tin-tuc/feed.atom"),
            "application/atom+xml; charset=utf-8"
        );
        for text in ["a/index.html", "feed.xml", "APP.JS", "logo.svg", "lich.ics"] {
            assert!(is_text(text), "{text}");
        }
        for binary in ["anh.png", "qd.pdf", "x.unknown", "page.html.gz"] {
            assert!(!is_text(binary), "{binary}");
        }
        for odd in [".htaccess", "Makefile", "a.b/c", "x.unknown"] {
            assert_eq!(content_type(odd), "application/octet-stream", "{odd}");
        }
    }
}
