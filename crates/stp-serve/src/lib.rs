//! The local preview server: serves a build on 127.0.0.1, watches the repository, rebuilds
//! what a change touches, and tells open browsers to reload.

mod http;
mod watch;

pub use http::{Report, Reporter, serve, serve_static, spawn_static};
