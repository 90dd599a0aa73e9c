//! The roles of the editorial board (Điều 14, 15, 19) and of the site's administrator.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a person may do. `admin` changes the trust data (people and workflow settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Sends articles in and resubmits after a return (Điều 9.1, 4.2).
    Contributor,
    /// Step 1: compiles and edits (Điều 15.1).
    Editor,
    /// Step 2: verifies accuracy (Điều 15.2): the head or a member the head authorised.
    Verifier,
    /// Step 3: final check (Điều 15.3); also withdraws published content.
    Approver,
    /// The board's secretary posts approved content (Điều 15.3).
    Secretary,
    /// Keeps `workflow/*.toml`: people, keys, roles, delegations, settings.
    Admin,
    /// The network administrator (Điều 6.3, "chuyên viên quản trị mạng"): prepares and
    /// signs changes to the site files (`site.toml`, `themes/`, `static/`), which the
    /// approver then approves (Điều 19.3) and the secretary posts with the next publish.
    #[serde(rename = "site-admin")]
    SiteAdmin,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Contributor,
        Role::Editor,
        Role::Verifier,
        Role::Approver,
        Role::Secretary,
        Role::Admin,
        Role::SiteAdmin,
    ];

    /// Whether holding this role gives `other` too. The board's secretary is its point of
    /// intake (Điều 11.1: the secretary receives the articles sent in), so a secretary
    /// submits as a contributor does, without being given that role as well.
    pub fn includes(self, other: Role) -> bool {
        self == other || (self == Role::Secretary && other == Role::Contributor)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Contributor => "contributor",
            Role::Editor => "editor",
            Role::Verifier => "verifier",
            Role::Approver => "approver",
            Role::Secretary => "secretary",
            Role::Admin => "admin",
            Role::SiteAdmin => "site-admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown role `{s}`; the roles are {}",
                    Role::ALL.map(Role::as_str).join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_secretary_includes_another_role_and_only_contributor() {
        for role in Role::ALL {
            for other in Role::ALL {
                let expected =
                    role == other || (role == Role::Secretary && other == Role::Contributor);
                assert_eq!(role.includes(other), expected, "{role} includes {other}");
            }
        }
    }
}
