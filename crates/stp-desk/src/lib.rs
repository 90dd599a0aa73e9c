//! The board's local web desk (`stp desk`): a small web server on the person's own machine
//! (127.0.0.1 only) that shows their queue, each article as readers will see it, its diff
//! against the live version and its signed trail, and offers exactly the steps their roles
//! allow; each button makes the same signed commit the command line makes, with the key the
//! command line opened. No key ever leaves the process, and nothing else signs.
//!
//! What it owns: the routes and their pages ([`pages`]), the state-changing requests
//! ([`actions`]), the guard every request passes ([`guard`]: Host, Origin, the session
//! and the form token), the board as read at HEAD ([`board`]), the preview of the working
//! tree on an origin of its own ([`preview`]), the Vietnamese words it shows ([`words`]),
//! and the words of what the layers below refuse ([`said`]), which the command line uses
//! too.

mod actions;
mod board;
mod error;
mod guard;
mod pages;
mod preview;
mod report;
pub mod said;
mod secret;
mod view;
mod words;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use chrono::NaiveDateTime;
use stp_ledger::{LedgerOptions, Signer};
use stp_render::RenderOptions;

pub use error::DeskError;

/// What the command line hands the desk.
pub struct DeskConfig {
    /// The site repository.
    pub root: PathBuf,
    /// The person's key, opened once (asking for a passphrase if it has one).
    pub signer: Signer,
    /// How the ledger is read (the trust root, the surroundings).
    pub options: LedgerOptions,
    /// How the preview is built.
    pub render: RenderOptions,
    /// The port on 127.0.0.1 (0: any free port).
    pub port: u16,
    /// The shared remote that publishing and the sync button send to.
    pub remote: String,
    /// The moment now, Vietnam local time (the command line reads the clock).
    pub clock: Box<dyn Fn() -> NaiveDateTime + Send + Sync>,
    /// The language of the pages (the command line's: `--lang`, `STP_LANG`, the locale).
    pub lang: stp_i18n::Lang,
}

/// The desk while it runs: shared by every request.
pub(crate) struct Desk {
    pub root: PathBuf,
    pub signer: Signer,
    pub options: LedgerOptions,
    pub remote: String,
    pub clock: Box<dyn Fn() -> NaiveDateTime + Send + Sync>,
    /// This run's address, `127.0.0.1:PORT`.
    pub host: String,
    pub port: u16,
    /// The secret in the address the desk opens with, kept as the session cookie.
    pub session: String,
    /// The token every form carries.
    pub form_token: String,
    pub board: Mutex<Option<Arc<board::Board>>>,
    pub preview: preview::Preview,
    pub view: view::View,
}

/// The largest upload the intake form takes (the content layer refuses files over its own
/// limit with a message; this only keeps a runaway request from filling memory).
const UPLOAD_LIMIT: usize = 64 * 1024 * 1024;

/// Starts the desk and serves it until the process ends. `ready` is called with the
/// address to open (it carries the session secret) once the desk listens.
pub fn run(config: DeskConfig, ready: impl FnOnce(&str)) -> Result<(), DeskError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .map_err(|e| DeskError::Start(format!("cannot start the desk's server: {e}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", config.port))
            .await
            .map_err(|e| {
                DeskError::Start(format!("cannot listen on 127.0.0.1:{}: {e}", config.port))
            })?;
        let port = listener
            .local_addr()
            .map_err(|e| DeskError::Start(e.to_string()))?
            .port();
        let preview = preview::Preview::start(&config.root, config.render.clone(), config.lang)?;
        let desk = Arc::new(Desk {
            root: config.root,
            signer: config.signer,
            options: config.options,
            remote: config.remote,
            clock: config.clock,
            host: format!("127.0.0.1:{port}"),
            port,
            session: secret::fresh()?,
            form_token: secret::fresh()?,
            board: Mutex::new(None),
            preview,
            view: view::View::new(config.lang)?,
        });
        // Read the board before the first page is asked for.
        board::current(&desk)?;
        let url = format!("http://127.0.0.1:{port}/?khoa={}", desk.session);
        ready(&url);
        axum::serve(listener, router(desk))
            .await
            .map_err(|e| DeskError::Start(format!("the desk's server stopped: {e}")))
    })
}

/// Every route of the desk, behind the guard.
pub(crate) fn router(desk: Arc<Desk>) -> Router {
    Router::new()
        .route("/", get(pages::queue))
        .route("/bang", get(pages::status_board))
        .route("/bai", get(pages::article))
        .route("/bao-cao", get(pages::report))
        .route("/nhan", get(pages::intake_form).post(actions::intake))
        .route("/buoc", post(actions::step))
        .route("/dong-bo", post(actions::sync_now))
        .route("/desk.css", get(pages::stylesheet))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&desk),
            guard::guard,
        ))
        .with_state(desk)
}
