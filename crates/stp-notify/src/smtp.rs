//! Sending over SMTP with `lettre` (rustls, no OpenSSL): the transport the `[notify]`
//! settings describe (plain, STARTTLS or TLS, with a login when a user name is set),
//! a check that the server answers before anything is sent, and one UTF-8 plain-text mail
//! per person whose Vietnamese subject is encoded for mail headers (RFC 2047). A refusal
//! keeps the server's own answer.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message as Mail};
use lettre::transport::smtp::SmtpTransport;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Address, Transport};
use stp_workflow::notify_settings::{NotifySettings, Security};

use super::message::Message;

/// Why mail could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("`{0}` is not a mail address")]
    BadAddress(String),
    #[error("a user name is set for the mail server but no password was given")]
    NoPassword,
    #[error(
        "a login (`username`) needs `security = \"starttls\"` or `\"tls\"`: with `none` the password would cross the network in clear"
    )]
    LoginWithoutTls,
    #[error("cannot reach the mail server {server}: {why}")]
    Unreachable { server: String, why: String },
    #[error("cannot make the message: {0}")]
    Build(String),
    #[error("the mail server refused: {0}")]
    Refused(String),
}

/// A connection recipe for one mail server and sender.
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
    server: String,
}

/// `Name <address>` or a bare address.
pub fn mailbox(text: &str) -> Result<Mailbox, MailError> {
    text.trim()
        .parse::<Mailbox>()
        .map_err(|_| MailError::BadAddress(text.to_string()))
}

/// The mail to `to` from `from`: UTF-8 plain text, the subject encoded by lettre.
pub fn build(from: &Mailbox, to: Mailbox, message: &Message) -> Result<Mail, MailError> {
    Mail::builder()
        .from(from.clone())
        .to(to)
        .subject(message.subject.as_str())
        .header(ContentType::TEXT_PLAIN)
        .body(message.body.clone())
        .map_err(|e| MailError::Build(e.to_string()))
}

impl Mailer {
    /// The transport for `settings`, logging in with `password` when a user name is set.
    pub fn new(settings: &NotifySettings, password: Option<String>) -> Result<Mailer, MailError> {
        let from = mailbox(&settings.from)?;
        let host = settings.smtp_host.trim();
        let server = format!("{host}:{}", settings.port());
        let unreachable = |e: lettre::transport::smtp::Error| MailError::Unreachable {
            server: server.clone(),
            why: e.to_string(),
        };
        let tls = || TlsParameters::new(host.to_string()).map_err(unreachable);
        let mut builder = SmtpTransport::builder_dangerous(host)
            .port(settings.port())
            .timeout(Some(Duration::from_secs(30)));
        builder = match settings.security {
            Security::None => builder.tls(Tls::None),
            Security::Starttls => builder.tls(Tls::Required(tls()?)),
            Security::Tls => builder.tls(Tls::Wrapper(tls()?)),
        };
        if let Some(user) = settings.username.as_deref().filter(|u| !u.is_empty()) {
            if settings.security == Security::None {
                return Err(MailError::LoginWithoutTls);
            }
            let password = password.ok_or(MailError::NoPassword)?;
            builder = builder.credentials(Credentials::new(user.to_string(), password));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
            server,
        })
    }

    /// `host:port`.
    pub fn server(&self) -> &str {
        &self.server
    }

    /// Connects, greets and leaves: whether the server can be reached at all.
    pub fn check(&self) -> Result<(), MailError> {
        match self.transport.test_connection() {
            Ok(true) => Ok(()),
            Ok(false) => Err(MailError::Unreachable {
                server: self.server.clone(),
                why: "it did not answer the greeting".into(),
            }),
            Err(e) => Err(MailError::Unreachable {
                server: self.server.clone(),
                why: e.to_string(),
            }),
        }
    }

    /// Sends `message` to `name <email>`.
    pub fn send(&self, name: &str, email: &str, message: &Message) -> Result<(), MailError> {
        let address: Address = email
            .trim()
            .parse()
            .map_err(|_| MailError::BadAddress(email.to_string()))?;
        let mail = build(
            &self.from,
            Mailbox::new(Some(name.to_string()), address),
            message,
        )?;
        self.transport.send(&mail).map(|_| ()).map_err(|e| {
            if e.is_permanent() || e.is_transient() {
                MailError::Refused(e.to_string())
            } else {
                MailError::Unreachable {
                    server: self.server.clone(),
                    why: e.to_string(),
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mail_is_utf8_plain_text_with_the_vietnamese_subject_encoded() {
        let from = mailbox("Ban Biên tập <bbt@example.vn>").unwrap();
        let to = mailbox("Nguyễn Văn An <an@example.vn>").unwrap();
        let message = Message {
            subject: "2 tin, bài chờ anh/chị xử lý: phê duyệt".into(),
            body: "Kính gửi Nguyễn Văn An,\n".into(),
        };
        let raw = build(&from, to, &message).unwrap().formatted();
        let head = String::from_utf8_lossy(&raw);
        // The raw header is ASCII (encoded words), never the bare Vietnamese text.
        let subject_line = head.lines().find(|l| l.starts_with("Subject:")).unwrap();
        assert!(subject_line.is_ascii(), "{subject_line}");
        assert!(
            head.contains("Content-Type: text/plain; charset=utf-8"),
            "{head}"
        );
        let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
        assert_eq!(parsed.subject(), Some(message.subject.as_str()));
        // Mail lines end in CRLF.
        assert_eq!(
            parsed.body_text(0).unwrap().replace("\r\n", "\n"),
            message.body
        );
        assert_eq!(
            parsed.from().unwrap().first().unwrap().name(),
            Some("Ban Biên tập")
        );
    }

    #[test]
    fn a_bad_sender_a_login_in_clear_and_a_user_name_without_a_password_are_refused() {
        let mut s = NotifySettings {
            smtp_host: "127.0.0.1".into(),
            smtp_port: Some(2525),
            security: Security::None,
            from: "not an address".into(),
            username: None,
        };
        assert!(matches!(
            Mailer::new(&s, None),
            Err(MailError::BadAddress(_))
        ));
        s.from = "bbt@example.vn".into();
        s.username = Some("bbt".into());
        assert!(matches!(
            Mailer::new(&s, Some("secret".into())),
            Err(MailError::LoginWithoutTls)
        ));
        s.security = Security::Starttls;
        assert!(matches!(Mailer::new(&s, None), Err(MailError::NoPassword)));
        assert!(Mailer::new(&s, Some("secret".into())).is_ok());
    }
}
