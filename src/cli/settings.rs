//! A person's own settings, kept outside every site repository: the key they sign with and
//! the trust root (the first admin's fingerprint) they were given, in
//! `$XDG_CONFIG_HOME/stp/config.toml` (else `~/.config/stp/config.toml`). `stp setup`
//! writes it; the signing commands and the ledger's readers fall back to it after `--key`
//! / `STP_KEY` and `--trust-root` / `STP_TRUST_ROOT`, so nobody types `--key` again.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::{CliError, CliResult};

/// What the settings file holds. Unknown keys are refused, so that a misspelt `kye` is
/// said rather than silently ignored.
#[derive(Debug, Default, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PersonSettings {
    /// The private key (or `.pub` held by ssh-agent) that signs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<PathBuf>,
    /// The fingerprint (`SHA256:…`) of the first admin's key, as the admin gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust_root: Option<String>,
}

/// The settings file's path, when there is a home or config folder to keep it in.
pub fn settings_path() -> Option<PathBuf> {
    super::surroundings::config_dir().map(|d| d.join("stp").join("config.toml"))
}

impl PersonSettings {
    /// The settings in `path`; none when the file does not exist. A file that cannot be
    /// read or parsed is an error naming it (and the line).
    pub fn read(path: &Path) -> CliResult<PersonSettings> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(PersonSettings::default());
            }
            Err(e) => {
                return Err(CliError::failed(format!("{}: {e}", path.display())));
            }
        };
        toml::from_str(&text).map_err(|e| {
            // An unknown key's span is its whole table: find the key's own line.
            let unknown = e
                .message()
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next());
            let line = match unknown {
                Some(key) => crate::content::line_of_key(&text, key, 1),
                None => e
                    .span()
                    .map(|s| text[..s.start.min(text.len())].lines().count().max(1))
                    .unwrap_or(1),
            };
            CliError::failed(format!("{}:{line}: {}", path.display(), e.message())).hint(format!(
                "correct the line, or delete {} and run `stp setup` again",
                path.display()
            ))
        })
    }

    /// The settings of this person, or none when there are none. For the fallbacks,
    /// which must not stop a command: a file that cannot be read is warned about (with its
    /// line) and not used.
    /// Read once per run, so the warning is said once.
    pub fn current() -> PersonSettings {
        static CURRENT: std::sync::OnceLock<PersonSettings> = std::sync::OnceLock::new();
        CURRENT
            .get_or_init(|| {
                let Some(path) = settings_path() else {
                    return PersonSettings::default();
                };
                PersonSettings::read(&path).unwrap_or_else(|e| {
                    eprintln!("warning: {}; its settings are not used", e.message);
                    PersonSettings::default()
                })
            })
            .clone()
    }

    /// Writes the settings to `path` whole or not at all (a temporary file renamed over
    /// it), making its folder.
    pub fn write(&self, path: &Path) -> CliResult {
        let folder = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder)
            .map_err(|e| CliError::failed(format!("{}: {e}", folder.display())))?;
        let body = toml::to_string(self)
            .map_err(|e| CliError::failed(format!("{}: {e}", path.display())))?;
        let text =
            format!("# stp: the settings of the person using this account (stp setup)\n{body}");
        let mut file = tempfile::NamedTempFile::new_in(folder)
            .map_err(|e| CliError::failed(format!("{}: {e}", folder.display())))?;
        std::io::Write::write_all(&mut file, text.as_bytes())
            .map_err(|e| CliError::failed(format!("{}: {e}", path.display())))?;
        file.persist(path)
            .map_err(|e| CliError::failed(format!("{}: {}", path.display(), e.error)))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_settings_read_back_and_a_bad_line_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stp/config.toml");
        assert_eq!(
            PersonSettings::read(&path).unwrap(),
            PersonSettings::default()
        );
        let settings = PersonSettings {
            key: Some(PathBuf::from("/home/lan/.ssh/stp_ed25519")),
            trust_root: Some("SHA256:abc".into()),
        };
        settings.write(&path).unwrap();
        assert_eq!(PersonSettings::read(&path).unwrap(), settings);

        std::fs::write(&path, "key = \"/a\"\n\nkye = \"/b\"\n").unwrap();
        let err = PersonSettings::read(&path).unwrap_err();
        assert!(
            err.message.contains("config.toml:3:") && err.message.contains("kye"),
            "{}",
            err.message
        );
        std::fs::write(&path, "key = [\n").unwrap();
        assert!(PersonSettings::read(&path).is_err());
    }
}
