//! The integration tests, as one test binary (one link instead of one per file). Each
//! module is one former `tests/<name>.rs`; `kit` holds the helpers they share. Run one
//! file's tests with `cargo test --test it <name>::`.
//!
//! All tests run on threads of this one process: a test must not change process-wide
//! state (environment variables, the current directory). Set what a command needs on the
//! command (`Command::env`, `Command::current_dir`); a test whose in-process library calls
//! read the environment runs in a process of its own (`kit::in_own_process`).

mod architecture;
mod article_names;
mod kit;

mod adopt_existing_site;
mod at_scale;
mod bad_input;
mod board_friction;
mod build_compress;
mod build_keeps_unchanged;
mod build_packed_bodies;
mod build_preview;
mod calendar_cli;
mod ci_recipe;
mod cli_help;
mod cli_output;
mod cli_snapshots;
mod completions_man;
mod content_trust;
mod demo_walk;
mod deploy_folder;
mod deploy_s3;
mod deploy_ssh;
mod desk;
mod error_messages;
mod exit_status;
mod intake_check_fix;
mod intake_corpus;
mod intake_documents;
mod intake_mail;
mod intake_refusals;
mod intake_signed;
mod json_outputs;
mod key_passphrase;
mod lang;
mod nginx_serves;
mod notify_mail;
mod package_deb;
mod picture_metadata;
mod pipeline_cache;
mod pipeline_cache_forged;
mod pipeline_forgery;
mod pipeline_future_date;
mod pipeline_malformed;
mod pipeline_path;
mod pipeline_plan;
mod pipeline_revision;
mod pipeline_size;
mod pipeline_time;
mod public_active_files;
mod publish_selective;
mod publish_sends;
mod report_pipeline;
mod search_rebuild;
mod serve_incremental;
mod serve_public;
mod setup;
mod setup_guide;
mod sync_over_ssh;
mod sync_two_clones;
mod theme;
mod trust_history;
mod trust_key_text;
mod trust_site_files;
