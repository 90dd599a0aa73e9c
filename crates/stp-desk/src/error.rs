//! Why the desk could not start or answer, as one `thiserror` enum. Refusals of a step
//! (the ledger's) are shown on the page with what to do; these are the desk's own.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum DeskError {
    /// The server could not start (no port, no random numbers, the preview failed).
    #[error("{0}")]
    Start(String),
    #[error(transparent)]
    Ledger(#[from] stp_ledger::LedgerError),
    #[error(transparent)]
    Content(#[from] stp_content::ContentError),
    #[error(transparent)]
    Render(#[from] stp_render::RenderError),
    #[error("{0}")]
    History(String),
    #[error("a page of the desk could not be made: {0}")]
    Template(#[from] minijinja::Error),
}
