//! The `[notify]` table of `workflow/workflow.toml`: how `stp notify` reaches the mail
//! server that tells people an article waits for them (host, port, the connection's
//! security, the sender's address, an optional user name). Trust data like the rest of the
//! file, so only an admin's signed commit turns hand-off mail on or points it elsewhere.
//! The password is never here: the command line reads it from its surroundings.

use serde::Deserialize;

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Plain SMTP (a relay on the same machine or network only).
    None,
    /// Plain SMTP upgraded with STARTTLS before anything is sent (port 587).
    Starttls,
    /// TLS from the first byte (SMTPS, port 465).
    Tls,
}

impl Security {
    /// The port usually served with this security.
    pub fn usual_port(self) -> u16 {
        match self {
            Security::None => 25,
            Security::Starttls => 587,
            Security::Tls => 465,
        }
    }
}

/// The `[notify]` table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifySettings {
    /// The mail server's host name.
    pub smtp_host: String,
    /// Its port; the usual one for `security` when left out.
    #[serde(default)]
    pub smtp_port: Option<u16>,
    /// `none`, `starttls` (the default) or `tls`.
    #[serde(default = "starttls")]
    pub security: Security,
    /// The sender, `Ban Biên tập <bbt@example.gov.vn>` or a bare address.
    pub from: String,
    /// The user name to log in with; the password comes from the environment.
    #[serde(default)]
    pub username: Option<String>,
}

fn starttls() -> Security {
    Security::Starttls
}

impl NotifySettings {
    /// The port to connect to.
    pub fn port(&self) -> u16 {
        self.smtp_port.unwrap_or_else(|| self.security.usual_port())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_port_follows_the_security_unless_given() {
        let s: NotifySettings =
            toml::from_str("smtp_host = \"mail\"\nfrom = \"a@b.vn\"\n").unwrap();
        assert_eq!((s.security, s.port()), (Security::Starttls, 587));
        let s: NotifySettings = toml::from_str(
            "smtp_host = \"mail\"\nfrom = \"a@b.vn\"\nsecurity = \"tls\"\nsmtp_port = 2465\n",
        )
        .unwrap();
        assert_eq!((s.security, s.port()), (Security::Tls, 2465));
    }
}
