//! Where a deploy goes, as the person types it: a folder (`/var/www/stp`), a host over ssh
//! (`web1:/var/www/stp`, `deploy@web1:/srv/site`, `ssh://deploy@web1:2222/srv/site`) or
//! S3-compatible object storage (`s3://bucket/prefix`). Anything else with a `scheme://`
//! is refused by name rather than taken for a folder.

use std::path::PathBuf;

use super::error::DeployError;
use super::s3::S3Target;

/// The build record's name (the ledger's `BUILD_RECORD`): a deployed target keeps it, so
/// the next deploy knows which signed commit the site was built from.
pub const RECORD: &str = ".stp-build.json";

/// What a target holds before a deploy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deployed {
    /// Nothing: it is new, empty or missing.
    Nothing,
    /// Files that stp did not deploy (no build record).
    Foreign,
    /// The text of the build record it was last deployed with.
    Record(String),
}

/// A deploy target, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A local folder, a web server's document root.
    Folder(PathBuf),
    /// A folder on another machine, reached with the system's `ssh` and `rsync`.
    Ssh {
        /// What ssh is given: `[user@]host`, a name from the user's ssh configuration.
        host: String,
        /// The port of an `ssh://` address, when it names one.
        port: Option<u16>,
        /// The folder there.
        path: String,
    },
    /// A bucket and a key prefix (without a leading or trailing `/`; empty for the
    /// bucket's root).
    S3(S3Target),
}

impl Target {
    pub fn parse(text: &str) -> Result<Target, DeployError> {
        let refuse = |why: &str| DeployError::BadTarget {
            target: text.to_string(),
            why: why.to_string(),
        };
        if text.trim().is_empty() {
            return Err(refuse("is empty"));
        }
        if text.chars().any(char::is_control) {
            return Err(refuse("holds a control character"));
        }
        if let Some(rest) = text.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            if bucket.is_empty() {
                return Err(refuse("names no bucket (s3://bucket/prefix)"));
            }
            let prefix = prefix.trim_matches('/');
            if prefix.split('/').any(|p| p == ".." || p == ".") {
                return Err(refuse("has `.` or `..` in its prefix"));
            }
            return Ok(Target::S3(S3Target {
                bucket: bucket.to_string(),
                prefix: prefix.to_string(),
            }));
        }
        if let Some(rest) = text.strip_prefix("ssh://") {
            let (authority, path) = rest
                .split_once('/')
                .ok_or_else(|| refuse("names no folder (ssh://[user@]host[:port]/folder)"))?;
            let (host, port) = match authority.rsplit_once(':') {
                Some((host, port)) => (
                    host,
                    Some(
                        port.parse::<u16>()
                            .map_err(|_| refuse("has a port that is not a number"))?,
                    ),
                ),
                None => (authority, None),
            };
            return ssh(host, port, &format!("/{path}")).map_err(|why| refuse(&why));
        }
        if let Some((scheme, _)) = text.split_once("://") {
            return Err(refuse(&format!(
                "uses `{scheme}://`, which stp does not deploy to (a folder, [user@]host:/folder, ssh://… or s3://…)"
            )));
        }
        // scp-like `[user@]host:folder`: a colon before any slash, as rsync and scp read it.
        if let Some((host, path)) = text.split_once(':')
            && !host.is_empty()
            && !host.contains('/')
        {
            return ssh(host, None, path).map_err(|why| refuse(&why));
        }
        Ok(Target::Folder(PathBuf::from(text)))
    }
}

fn ssh(host: &str, port: Option<u16>, path: &str) -> Result<Target, String> {
    let name = host.rsplit_once('@').map_or(host, |(_, h)| h);
    if name.is_empty() || host.starts_with('-') {
        return Err("names no host".into());
    }
    if path.is_empty() {
        return Err("names no folder on the host (host:/var/www/stp)".into());
    }
    if path.starts_with('-') {
        return Err(
            "has a folder starting with `-`, which a command would take for an option".into(),
        );
    }
    if path.contains('\'') {
        return Err("has a `'` in its folder".into());
    }
    if path.split('/').any(|p| p == "..") {
        return Err("has `..` in its folder".into());
    }
    if path.trim_end_matches('/').is_empty() || path == "~" {
        return Err("is the host's root or home folder; deploy into a folder of its own".into());
    }
    Ok(Target::Ssh {
        host: host.to_string(),
        port,
        path: path.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ssh(host: &str, port: Option<u16>, path: &str) -> Target {
        Target::Ssh {
            host: host.into(),
            port,
            path: path.into(),
        }
    }

    #[test]
    fn each_kind_of_target_is_read_as_typed() {
        let cases = [
            ("/var/www/stp", Target::Folder("/var/www/stp".into())),
            ("public-copy", Target::Folder("public-copy".into())),
            ("./a:b", Target::Folder("./a:b".into())),
            ("web1:/var/www/stp", ssh("web1", None, "/var/www/stp")),
            ("deploy@web1:site", ssh("deploy@web1", None, "site")),
            (
                "ssh://deploy@web1:2222/srv/site",
                ssh("deploy@web1", Some(2222), "/srv/site"),
            ),
            (
                "s3://so-tu-phap/www/",
                Target::S3(S3Target {
                    bucket: "so-tu-phap".into(),
                    prefix: "www".into(),
                }),
            ),
            (
                "s3://so-tu-phap",
                Target::S3(S3Target {
                    bucket: "so-tu-phap".into(),
                    prefix: String::new(),
                }),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Target::parse(text).unwrap(), want, "{text}");
        }
    }

    #[test]
    fn a_target_that_would_go_astray_is_refused_with_why() {
        for (text, why) in [
            ("", "empty"),
            ("ftp://host/x", "ftp://"),
            ("s3:///prefix", "no bucket"),
            ("s3://b/../x", ".."),
            ("web1:", "no folder"),
            ("web1:/", "root"),
            ("web1:/srv/../etc", ".."),
            ("web1:/srv/it's", "'"),
            ("web1:-rf", "option"),
            ("-oProxyCommand=x:/srv", "no host"),
            ("ssh://web1:port/srv", "port"),
            ("web1:/srv\nx", "control"),
        ] {
            let err = Target::parse(text).unwrap_err().to_string();
            assert!(err.contains(why), "{text:?}: {err}");
        }
    }
}
