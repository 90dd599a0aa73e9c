//! `stp` runs a government agency's website as a git repository: articles are Markdown
//! files, the editorial board moves them through the regulation's steps as signed git
//! commits, and the builder turns only what was validly published into a static site.
//!
//! This crate is the command line (`cli`); the layers below it are crates of their own
//! (docs/architecture.md), each depending only on those listed before it:
//! `stp-workflow` (pure rules) → `stp-content` (articles, settings, text checks) →
//! `stp-intake` (submissions to bundles) → `stp-ledger` (git, signatures, the live set) →
//! `stp-site` (the site model) → `stp-render` (HTML and files) → `stp-serve` (preview
//! server) → `stp-report` (boards and reports) → `stp-notify` (hand-off mail). They are re-exported here under their
//! short names so that tools and tests reach them as `stp::ledger`, `stp::render`, ….

pub mod cli;
pub use stp_content as content;
pub use stp_deploy as deploy;
pub use stp_intake as intake;
pub use stp_ledger as ledger;
pub use stp_notify as notify;
pub use stp_render as render;
pub use stp_report as report;
pub use stp_serve as serve;
pub use stp_site as site;
pub use stp_workflow as workflow;
