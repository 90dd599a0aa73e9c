//! The HTTP headers the site should be served with, written as `_headers` at the root of
//! every build (the format static hosts such as Netlify and Cloudflare Pages read; the
//! nginx configuration in docs/deploy.md sets the same, and tests/it/nginx_serves.rs fails
//! when the two differ). The Content-Security-Policy is
//! one the theme passes: its scripts and styles are files of the site (no inline script,
//! no inline style, no `style` attribute survives the sanitiser), pictures may also come
//! from `https:` and `data:` URLs, nothing may frame the site, and forms post only to it.
//! Fingerprinted assets (`/assets/name.HASH.ext`) never change, so they are cached for a
//! year; pages for five minutes.

/// The Content-Security-Policy of every page.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Headers for every response: (name, value).
pub const EVERYWHERE: [(&str, &str); 4] = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Cache-Control", "public, max-age=300"),
];

/// Headers for the fingerprinted assets.
pub const ASSETS: [(&str, &str); 1] = [("Cache-Control", "public, max-age=31536000, immutable")];

/// The `_headers` file.
pub fn headers_file() -> Vec<u8> {
    let mut out = String::from("/*\n");
    for (name, value) in EVERYWHERE {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out.push_str("/assets/*\n");
    for (name, value) in ASSETS {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headers_file_sets_the_policy_everywhere_and_long_caching_for_assets() {
        let text = String::from_utf8(headers_file()).unwrap();
        let (all, assets) = text.split_once("/assets/*\n").unwrap();
        assert!(all.starts_with("/*\n"));
        assert!(all.contains(&format!("  Content-Security-Policy: {CSP}\n")));
        assert!(all.contains("  X-Content-Type-Options: nosniff\n"));
        assert!(assets.contains("immutable"));
        assert!(!CSP.contains("unsafe"), "no unsafe-inline or unsafe-eval");
    }
}
