//! `stp` runs a government agency's website as a git repository: articles are Markdown
//! files, the editorial board moves them through the regulation's steps as signed git
//! commits, and the builder turns only what was validly published into a static site.
//!
//! The modules form layers; each depends only on those listed before it:
//! `workflow` (pure rules) → `content` (articles, settings, text checks) → `ledger`
//! (git, signatures, the live set) → `site` (the site model) → `render` (HTML and files)
//! → `serve` (dev server) → `report` (boards and reports) → `cli` (commands).

pub mod cli;
pub mod content;
pub mod ledger;
pub mod render;
pub mod report;
pub mod serve;
pub mod site;
pub mod workflow;
