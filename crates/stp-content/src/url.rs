//! The one rule for links a contributor writes, in the body or in the front matter: a
//! relative path, an anchor, or an http(s), mailto or tel link; nothing else. And the file
//! formats a bundle may not publish, because a browser runs script from them.

use std::path::{Path, PathBuf};

use super::error::ContentError;

/// Relative links, anchors, and http(s), mailto and tel links; nothing else.
/// Control characters and whitespace are skipped, as browsers do, and case is ignored.
pub fn safe_url(url: &str) -> bool {
    match scheme(url) {
        None => true,
        Some(s) => matches!(s.as_str(), "http" | "https" | "mailto" | "tel"),
    }
}

/// Whether `url` is a web link (http or https, in any case): a named file that is not one
/// is a file of the bundle.
pub fn is_web_link(url: &str) -> bool {
    matches!(scheme(url).as_deref(), Some("http" | "https"))
}

/// The scheme of `url` in lower case (`javascript` for ` JaVa\tScript:x`), or `None` for a
/// relative link. Control characters and whitespace are skipped, as browsers do.
fn scheme(url: &str) -> Option<String> {
    let mut scheme = String::new();
    for c in url
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
    {
        match c {
            // A path, query or fragment starts before any `:`, so there is no scheme.
            '/' | '?' | '#' => return None,
            ':' => return Some(scheme),
            _ => scheme.extend(c.to_lowercase()),
        }
    }
    None
}

/// Refuses a front-matter link (`procedure.portal_url`) that is not [`safe_url`], naming
/// the file, the line and the field.
pub fn check_link(file: &Path, line: usize, field: &str, value: &str) -> Result<(), ContentError> {
    if safe_url(value) {
        return Ok(());
    }
    Err(ContentError::at(
        file,
        line,
        format!(
            "`{field}` is `{value}`, which is not a web link; write an http:// or https:// address, or a path on this site"
        ),
    ))
}

/// Refuses a file an article names (`attachments`, `image.src`, `document.file`,
/// `draft.file`) unless it is an http(s) link or a plain file name with no scheme, and
/// unless its format is one a browser runs no script from.
pub fn check_named_file(
    file: &Path,
    line: usize,
    field: &str,
    value: &str,
) -> Result<(), ContentError> {
    match scheme(value).as_deref() {
        None => {}
        Some("http" | "https") => return Ok(()),
        Some(_) => {
            return Err(ContentError::at(
                file,
                line,
                format!(
                    "`{field}` is `{value}`, which is neither a file beside the article nor an http(s) link; give the file's name, or an https:// address"
                ),
            ));
        }
    }
    if let Some(ext) = active_extension(Path::new(value)) {
        return Err(ContentError::at(
            file,
            line,
            format!("`{field}` names `{value}`, {}", active_advice(&ext)),
        ));
    }
    Ok(())
}

/// File formats a browser runs script from when it opens them from the site: web pages,
/// SVG pictures, XML (with its style sheets) and JavaScript.
const ACTIVE: [&str; 17] = [
    "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "svg", "svgz", "xml", "xsl", "xslt",
    "js", "mjs", "cjs", "swf", "hta",
];

/// The extension of `path`, lower case, when it is an active format.
pub fn active_extension(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    ACTIVE.contains(&ext.as_str()).then_some(ext)
}

fn active_advice(ext: &str) -> String {
    format!(
        "a .{ext} file, which a browser can run script from, so the site does not publish it; convert it to PDF (or PNG for a picture), or remove it"
    )
}

/// Refuses a file beside the bundle article `article` in an active format
/// ([`active_extension`]): the public build, the preview and `stp check` all call this
/// with every bundle file. The submission record (`nguon/`) is never published, so its
/// files are let be.
pub fn check_bundle_files(article: &Path, files: &[PathBuf]) -> Result<(), ContentError> {
    let record = article
        .parent()
        .unwrap_or(Path::new(""))
        .join(super::paths::RECORD_DIR);
    for f in files.iter().filter(|f| !f.starts_with(&record)) {
        if let Some(ext) = active_extension(f) {
            return Err(ContentError::file(f, active_advice(&ext)));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_links_are_told_apart_from_file_names_whatever_their_case() {
        assert!(is_web_link("HTTPS://x.vn/a.pdf"));
        assert!(is_web_link(" http://x.vn"));
        assert!(!is_web_link("http-huong-dan.pdf"));
        assert!(!is_web_link("files/a.pdf"));
        assert!(!is_web_link("mailto:a@b.vn"));
    }

    #[test]
    fn only_known_schemes_are_safe() {
        for url in [
            "/tin-tuc/a/",
            "a/b:c",
            "?q=a:b",
            "#muc:1",
            "",
            "bai-viet",
            "HTTPS://x.vn/",
            " http://x.vn",
            "mailto:a@b.vn",
            "tel:0271",
        ] {
            assert!(safe_url(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:x",
            "java\u{0}script:x",
            "data:text/html,x",
            "vbscript:x",
            "ftp://x",
        ] {
            assert!(!safe_url(url), "{url}");
        }
    }

    #[test]
    fn named_files_are_names_or_web_links_in_passive_formats() {
        let f = Path::new("content/a.md");
        assert!(check_named_file(f, 5, "attachments", "qd-12.pdf").is_ok());
        assert!(check_named_file(f, 5, "attachments", "https://x.vn/a.pdf").is_ok());
        let err = check_named_file(f, 5, "image.src", "javascript:alert(1)").unwrap_err();
        assert!(
            err.to_string().starts_with("content/a.md:5: `image.src`"),
            "{err}"
        );
        let err = check_named_file(f, 6, "attachments", "trang.HTML").unwrap_err();
        assert!(err.to_string().contains(".html file"), "{err}");
        let article = Path::new("content/t/a/index.md");
        let files = |names: &[&str]| -> Vec<PathBuf> {
            names
                .iter()
                .map(|n| Path::new("content/t/a").join(n))
                .collect()
        };
        let err = check_bundle_files(article, &files(&["a.pdf", "hinh.svg"])).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("content/t/a/hinh.svg: a .svg file"),
            "{err}"
        );
        assert!(check_bundle_files(article, &files(&["hinh.png", "nguon/thu.html"])).is_ok());
        assert!(check_link(f, 9, "procedure.portal_url", "https://dichvucong.gov.vn").is_ok());
        let err = check_link(f, 9, "procedure.portal_url", "javascript:alert(1)").unwrap_err();
        assert!(
            err.to_string()
                .contains("content/a.md:9: `procedure.portal_url`"),
            "{err}"
        );
    }
}
