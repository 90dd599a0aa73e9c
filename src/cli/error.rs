//! The one error type commands return: what went wrong, the next thing to try, and the
//! exit status: 1 when the command ran and found something (audit findings, check
//! problems, overdue articles, commits that clash on sync), 2 when it could not run or
//! refused (an error, wrong input, a usage mistake, a refused step). 0 is success.
//!
//! An error from a layer keeps its cause chain: the layer's own message on the `error:`
//! line, then each cause (the git, file system or key error underneath) on a `Caused by:`
//! line, as jj does. Every error's one-line text (`Display`) still holds it all, for the
//! places that keep an error as text.

use std::fmt;

use stp_i18n::t;

/// The exit status of a command that ran and found something (findings, problems,
/// overdue articles).
pub const EXIT_FINDINGS: u8 = 1;
/// The exit status of an error, a refusal or a usage mistake.
pub const EXIT_ERROR: u8 = 2;

/// An error a command reports to its user.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    /// What caused it, outermost first (the `source()` chain of the layer's error).
    pub causes: Vec<String>,
    pub hint: Option<String>,
    pub code: u8,
}

impl CliError {
    /// A refusal or failure: the command could not do what was asked (exit 2).
    pub fn failed(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            causes: Vec::new(),
            hint: None,
            code: EXIT_ERROR,
        }
    }

    /// The command ran and found something its user must see to (exit 1): findings,
    /// problems, overdue articles.
    pub fn findings(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            causes: Vec::new(),
            hint: None,
            code: EXIT_FINDINGS,
        }
    }

    /// A mistake in the command line (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            causes: Vec::new(),
            hint: None,
            code: EXIT_ERROR,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A failure caused by `error`: its own message, and its causes on their own lines.
    pub fn caused_by(error: &(dyn std::error::Error + 'static)) -> Self {
        let (message, causes) = split_chain(error);
        CliError {
            message,
            causes,
            hint: None,
            code: EXIT_ERROR,
        }
    }

    /// The same error said as the outcome of `context`: `context`, then what went wrong
    /// as the first cause.
    pub fn in_context(mut self, context: &str) -> Self {
        let own = std::mem::replace(&mut self.message, context.to_string());
        self.causes.insert(0, own);
        self
    }

    /// The lines printed on stderr: `error: …`, the causes, `hint: …`, labelled in the
    /// run's language (`lỗi: …`, `Nguyên nhân: …`, `gợi ý: …`).
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!("{}: {}", t!("error-label"), self.message)];
        let caused_by = t!("error-caused-by");
        match self.causes.as_slice() {
            [] => {}
            [one] => lines.push(format!("{caused_by}: {one}")),
            many => {
                lines.push(format!("{caused_by}:"));
                for (n, cause) in many.iter().enumerate() {
                    lines.push(format!("{}: {cause}", n + 1));
                }
            }
        }
        if let Some(hint) = &self.hint {
            lines.push(format!("{}: {hint}", t!("error-hint-label")));
        }
        lines
    }
}

/// `error`'s own message and the messages of its causes, outermost first. A message that
/// ends with its cause's text (`context: cause`, the usual one-line form) is cut before
/// it, so that each message is said once.
fn split_chain(error: &(dyn std::error::Error + 'static)) -> (String, Vec<String>) {
    let mut texts = vec![error.to_string()];
    let mut next = error.source();
    while let Some(cause) = next {
        texts.push(cause.to_string());
        next = cause.source();
    }
    for i in 0..texts.len() - 1 {
        let suffix = format!(": {}", texts[i + 1]);
        if let Some(own) = texts[i].strip_suffix(&suffix)
            && !own.trim().is_empty()
        {
            texts[i] = own.to_string();
        }
    }
    // A cause the message already says in full (a transparent wrapper) is not repeated.
    texts.dedup();
    let message = texts.remove(0);
    (message, texts)
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<crate::content::ContentError> for CliError {
    fn from(e: crate::content::ContentError) -> Self {
        CliError {
            message: crate::desk::said::content(stp_i18n::current(), &e),
            ..CliError::caused_by(&e)
        }
    }
}

impl From<crate::render::RenderError> for CliError {
    fn from(e: crate::render::RenderError) -> Self {
        match &e {
            crate::render::RenderError::Content(errors) => CliError::failed(content_list(errors)),
            _ => CliError::caused_by(&e),
        }
    }
}

/// A build's content errors in the run's language, one a line, then how many when there
/// are several.
fn content_list(errors: &[crate::content::ContentError]) -> String {
    crate::desk::said::content_list(stp_i18n::current(), errors)
}

/// A build's error as the command line prints it (`lỗi: …` and its causes), for a
/// report that is not the command's end (`stp serve`'s failed rebuild).
pub fn render_error(e: &crate::render::RenderError) -> String {
    let error = match e {
        crate::render::RenderError::Content(errors) => CliError::failed(content_list(errors)),
        other => CliError::caused_by(other),
    };
    error.lines().join("\n")
}

/// The words of `said` in the run's language (`None` when its Fluent file lacks the id).
pub fn said_words(said: &crate::content::Said) -> Option<String> {
    crate::desk::said::said(stp_i18n::current(), said)
}

impl From<crate::ledger::LedgerError> for CliError {
    fn from(e: crate::ledger::LedgerError) -> Self {
        let hint = super::hints::for_ledger(&e);
        let mut error = CliError {
            hint,
            ..CliError::caused_by(&e)
        };
        // A refused step says what it is about in the run's language.
        if let crate::ledger::LedgerError::Refused { why: Some(why), .. } = &e {
            error.message = super::words::why(why);
        }
        error
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::caused_by(&e)
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

#[cfg(test)]
mod tests {
    use super::*;

    /// An error in the usual one-line form, `context: cause`, with its cause as source.
    #[derive(Debug)]
    struct Context {
        context: &'static str,
        source: Box<dyn std::error::Error + Send + Sync>,
    }

    impl fmt::Display for Context {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{}: {}", self.context, self.source)
        }
    }

    impl std::error::Error for Context {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(self.source.as_ref())
        }
    }

    #[test]
    fn each_cause_is_said_once_on_its_own_line() {
        crate::cli::in_english_for_tests();
        let e = Context {
            context: "cannot read HEAD",
            source: Box::new(Context {
                context: "cannot read the object database",
                source: Box::new(std::io::Error::other("disk on fire")),
            }),
        };
        let cli = CliError::caused_by(&e).hint("run `git fsck`");
        assert_eq!(
            cli.lines(),
            [
                "error: cannot read HEAD",
                "Caused by:",
                "1: cannot read the object database",
                "2: disk on fire",
                "hint: run `git fsck`",
            ]
        );
        let one = CliError::from(crate::ledger::LedgerError::io("site.toml")(
            std::io::Error::other("gone"),
        ));
        assert_eq!(one.lines(), ["error: site.toml", "Caused by: gone"]);
        // An error without a cause is one line, as before.
        assert_eq!(CliError::failed("no").lines(), ["error: no"]);
    }
}
