//! `workflow/workflow.toml`: the regulation's settings as data. This module owns the
//! pipeline's keys (`four_eyes`), the hand-off mail settings (`[notify]`, read by
//! `workflow::notify_settings`), and hands the `[deadlines]`, `[quotas]` and `[royalties]`
//! tables to `workflow::deadlines`, so a version that the ledger trusts is checked whole.
//! Any other key is an error naming its line.

use std::path::Path;

use serde::Deserialize;

use super::deadlines::{DeadlineConfig, parse_deadline_config};
use super::error::WorkflowError;
use super::notify_settings::NotifySettings;

pub const WORKFLOW_FILE: &str = "workflow/workflow.toml";

/// The settings of the editorial pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowConfig {
    /// The verifier and the approver of a revision differ from its editor (default true).
    pub four_eyes: bool,
    /// Deadlines per kind of information (Điều 9.3, 11.2), quotas (Điều 9.4, 13.1) and
    /// royalties (Điều 8).
    pub deadlines: DeadlineConfig,
    /// How `stp notify` sends hand-off mail; `None` (no `[notify]` table): it sends none.
    pub notify: Option<NotifySettings>,
}

/// The file's top level; the three tables are read by `parse_deadline_config`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default = "yes")]
    four_eyes: bool,
    #[serde(default)]
    #[allow(dead_code)]
    deadlines: Option<toml::Table>,
    #[serde(default)]
    #[allow(dead_code)]
    quotas: Option<toml::Table>,
    #[serde(default)]
    #[allow(dead_code)]
    royalties: Option<toml::Table>,
    #[serde(default)]
    notify: Option<NotifySettings>,
}

fn yes() -> bool {
    true
}

impl Default for WorkflowConfig {
    fn default() -> Self {
        WorkflowConfig {
            four_eyes: true,
            deadlines: DeadlineConfig::default(),
            notify: None,
        }
    }
}

impl WorkflowConfig {
    pub fn parse(text: &str) -> Result<WorkflowConfig, WorkflowError> {
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| WorkflowError::from_toml(WORKFLOW_FILE, text, &e))?;
        let deadlines = parse_deadline_config(Path::new(WORKFLOW_FILE), text)?;
        Ok(WorkflowConfig {
            four_eyes: raw.four_eyes,
            deadlines,
            notify: raw.notify,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadlines::{ArticleKind, DeadlineRule};

    #[test]
    fn four_eyes_is_on_unless_turned_off() {
        assert!(WorkflowConfig::parse("").unwrap().four_eyes);
        assert!(
            !WorkflowConfig::parse("four_eyes = false")
                .unwrap()
                .four_eyes
        );
    }

    #[test]
    fn the_deadline_tables_are_read_and_unknown_keys_refused_with_their_line() {
        let c = WorkflowConfig::parse("[deadlines]\nnews = { admin_hours = 12 }\n").unwrap();
        assert_eq!(
            c.deadlines.deadlines[&ArticleKind::News],
            DeadlineRule::AdminHours(12)
        );
        let err = WorkflowConfig::parse("four_eyes = true\nfour_eye = false\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("workflow/workflow.toml:2:"), "{err}");
        let err = WorkflowConfig::parse("four_eyes = true\n[deadlines]\nnewz = { days = 1 }\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("workflow/workflow.toml:3:"), "{err}");
    }

    #[test]
    fn the_notify_table_is_read_and_its_unknown_keys_refused_with_their_line() {
        assert_eq!(WorkflowConfig::parse("").unwrap().notify, None);
        let c = WorkflowConfig::parse(
            "[notify]\nsmtp_host = \"mail.example.vn\"\nsecurity = \"none\"\nsmtp_port = 2525\nfrom = \"bbt@example.vn\"\n",
        )
        .unwrap();
        let n = c.notify.unwrap();
        assert_eq!((n.smtp_host.as_str(), n.port()), ("mail.example.vn", 2525));
        let err = WorkflowConfig::parse(
            "[notify]\nsmtp_host = \"m\"\nfrom = \"a@b.vn\"\npassword = \"x\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("workflow/workflow.toml:4:"), "{err}");
    }

    #[test]
    fn the_repositorys_workflow_file_parses() {
        let c = WorkflowConfig::parse(include_str!(
            "../../../examples/site/workflow/workflow.toml"
        ))
        .unwrap();
        assert_eq!(c.deadlines.quotas.units.len(), 6);
        assert!(
            c.deadlines
                .royalties
                .coefficients
                .contains_key(&ArticleKind::News)
        );
    }
}
