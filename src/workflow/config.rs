//! `workflow/workflow.toml`: the regulation's settings as data. This module owns the
//! pipeline's keys (`four_eyes`); the `[deadlines]`, `[quotas]` and `[royalties]` tables are
//! kept here as opaque tables and read by `workflow::deadlines`. Any other key is an error
//! naming its line.

use serde::Deserialize;

use super::error::WorkflowError;

pub const WORKFLOW_FILE: &str = "workflow/workflow.toml";

/// The settings of the editorial pipeline.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkflowConfig {
    /// The verifier and the approver of a revision differ from its editor (default true).
    #[serde(default = "yes")]
    pub four_eyes: bool,
    /// Deadlines per kind of information (Điều 9.3, 11.2); parsed by `workflow::deadlines`.
    #[serde(default)]
    pub deadlines: Option<toml::Table>,
    /// Articles per unit and month (Điều 9.4, 13.1); parsed by `workflow::deadlines`.
    #[serde(default)]
    pub quotas: Option<toml::Table>,
    /// Royalty coefficients (Điều 8); parsed by `workflow::deadlines`.
    #[serde(default)]
    pub royalties: Option<toml::Table>,
}

fn yes() -> bool {
    true
}

impl Default for WorkflowConfig {
    fn default() -> Self {
        WorkflowConfig {
            four_eyes: true,
            deadlines: None,
            quotas: None,
            royalties: None,
        }
    }
}

impl WorkflowConfig {
    pub fn parse(text: &str) -> Result<WorkflowConfig, WorkflowError> {
        toml::from_str(text).map_err(|e| WorkflowError::from_toml(WORKFLOW_FILE, text, &e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn teammates_tables_are_kept_and_unknown_keys_refused_with_their_line() {
        let c =
            WorkflowConfig::parse("[deadlines]\nnews = \"12h\"\n[quotas]\n[royalties]\n").unwrap();
        assert!(c.deadlines.is_some() && c.quotas.is_some() && c.royalties.is_some());
        let err = WorkflowConfig::parse("four_eyes = true\nfour_eye = false\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("workflow/workflow.toml:2:"), "{err}");
    }
}
