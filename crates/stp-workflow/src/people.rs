//! `workflow/people.toml`: the people of the board, their unit, roles and public keys, and
//! the signed delegations by which a deputy acts for the head (Điều 19.2). This is trust
//! data: the ledger only believes a version an admin signed. Parsing is strict; every error
//! names the file and line.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::{WorkflowError, line_of};
use super::public_key::parse_public_key;
use super::roles::Role;

/// The file's name, for errors.
pub const PEOPLE_FILE: &str = "workflow/people.toml";

/// One person and the key that signs for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub roles: Vec<Role>,
    /// The OpenSSH public key line (`ssh-ed25519 AAAA… comment`).
    pub key: String,
    /// `SHA256:…`, as `ssh-keygen -l` prints it.
    pub fingerprint: String,
    pub unit: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
}

impl Person {
    /// Whether the person holds `role`, given or included in a role they were given
    /// (`Role::includes`: the secretary submits as a contributor does).
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|r| r.includes(role))
    }
}

/// A role held for someone else between two dates, both included (Điều 19.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delegation {
    pub from: String,
    pub to: String,
    pub role: Role,
    pub start: NaiveDate,
    pub until: NaiveDate,
}

/// How a person holds a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum RoleGrant {
    Direct,
    /// Acting for `from` under a delegation.
    Delegated {
        from: String,
        start: NaiveDate,
        until: NaiveDate,
    },
}

/// Everyone in `workflow/people.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    pub persons: Vec<Person>,
    pub delegations: Vec<Delegation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    person: Vec<RawPerson>,
    #[serde(default)]
    delegation: Vec<RawDelegation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    id: String,
    name: String,
    roles: Vec<Role>,
    key: String,
    unit: Option<String>,
    title: Option<String>,
    email: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDelegation {
    from: String,
    to: String,
    role: Role,
    start: String,
    until: String,
}

/// Whether `id` is a usable person id: lowercase ASCII letters, digits and dashes.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl People {
    /// Parses the text of `workflow/people.toml`.
    pub fn parse(text: &str) -> Result<People, WorkflowError> {
        let raw: RawFile =
            toml::from_str(text).map_err(|e| WorkflowError::from_toml(PEOPLE_FILE, text, &e))?;
        let mut people = People::default();
        for p in raw.person {
            let at = |msg: String| {
                WorkflowError::at(PEOPLE_FILE, line_of(text, &format!("\"{}\"", p.id)), msg)
            };
            if !is_valid_id(&p.id) {
                return Err(at(format!(
                    "person id `{}` must be lowercase letters, digits and dashes",
                    p.id
                )));
            }
            if people.person(&p.id).is_some() {
                return Err(at(format!("person `{}` is listed twice", p.id)));
            }
            if p.roles.is_empty() {
                return Err(at(format!("person `{}` has no roles", p.id)));
            }
            let key =
                parse_public_key(&p.key).map_err(|e| at(format!("the key of `{}` {e}", p.id)))?;
            let fingerprint = key.fingerprint;
            if let Some(other) = people.by_fingerprint(&fingerprint) {
                return Err(at(format!(
                    "`{}` has the same key as `{}`; each person signs with their own key",
                    p.id, other.id
                )));
            }
            people.persons.push(Person {
                id: p.id,
                name: p.name,
                roles: p.roles,
                key: key.text,
                fingerprint,
                unit: p.unit,
                title: p.title,
                email: p.email,
            });
        }
        for d in raw.delegation {
            let line = line_of(text, &format!("to = \"{}\"", d.to));
            let date = |s: &str| {
                NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
                    WorkflowError::at(
                        PEOPLE_FILE,
                        line,
                        format!("`{s}` is not a date (YYYY-MM-DD)"),
                    )
                })
            };
            let delegation = Delegation {
                start: date(&d.start)?,
                until: date(&d.until)?,
                from: d.from,
                to: d.to,
                role: d.role,
            };
            people
                .check_delegation(&delegation)
                .map_err(|m| WorkflowError::at(PEOPLE_FILE, line, m))?;
            people.delegations.push(delegation);
        }
        Ok(people)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.persons.iter().find(|p| p.id == id)
    }

    pub fn by_fingerprint(&self, fingerprint: &str) -> Option<&Person> {
        self.persons.iter().find(|p| p.fingerprint == fingerprint)
    }

    pub fn admins(&self) -> impl Iterator<Item = &Person> {
        self.persons.iter().filter(|p| p.has_role(Role::Admin))
    }

    /// How `id` holds `role` on `date`: directly, or by a delegation from someone who holds
    /// it directly and whose window contains `date`. Without a date only direct roles count.
    pub fn grant(&self, id: &str, role: Role, date: Option<NaiveDate>) -> Option<RoleGrant> {
        let person = self.person(id)?;
        if person.has_role(role) {
            return Some(RoleGrant::Direct);
        }
        let date = date?;
        self.delegations
            .iter()
            .find(|d| {
                d.to == id
                    && d.role == role
                    && d.start <= date
                    && date <= d.until
                    && self.person(&d.from).is_some_and(|f| f.has_role(role))
            })
            .map(|d| RoleGrant::Delegated {
                from: d.from.clone(),
                start: d.start,
                until: d.until,
            })
    }

    /// Whether any delegation gives `id` the `role` at some date (used to explain refusals).
    pub fn delegations_to(&self, id: &str, role: Role) -> impl Iterator<Item = &Delegation> {
        self.delegations
            .iter()
            .filter(move |d| d.to == id && d.role == role)
    }

    /// Adds a person, or updates the one with the same id: the name and key are replaced,
    /// the roles given are added to the ones they hold (none is taken away: that is
    /// `revoke_role`), and the unit, title and e-mail are replaced only when given.
    /// Returns what changed, one line each (empty: nothing did).
    pub fn merge(&mut self, person: Person) -> Result<Vec<String>, String> {
        let Some(old) = self.person(&person.id).cloned() else {
            let roles = role_names(&person.roles);
            self.upsert(person)?;
            return Ok(vec![format!("new person, roles: {roles}")]);
        };
        let mut merged = person.clone();
        merged.roles = old.roles.clone();
        let mut changes = Vec::new();
        for role in &person.roles {
            if !merged.roles.contains(role) {
                merged.roles.push(*role);
                changes.push(format!("role granted: {role}"));
            }
        }
        merged.roles.sort();
        if merged.name != old.name {
            changes.push(format!("name: {} → {}", old.name, merged.name));
        }
        if merged.fingerprint != old.fingerprint {
            changes.push(format!("key: {} → {}", old.fingerprint, merged.fingerprint));
        }
        for (label, new, was) in [
            ("unit", &mut merged.unit, &old.unit),
            ("title", &mut merged.title, &old.title),
            ("email", &mut merged.email, &old.email),
        ] {
            match new {
                None => new.clone_from(was),
                Some(value) if was.as_deref() != Some(value.as_str()) => {
                    changes.push(format!("{label}: {}", value));
                }
                Some(_) => {}
            }
        }
        self.upsert(merged)?;
        Ok(changes)
    }

    /// Gives `id` one more role, keeping the rest. Returns false when they held it already.
    pub fn grant_role(&mut self, id: &str, role: Role) -> Result<bool, String> {
        let person = self.person_mut(id)?;
        if person.roles.contains(&role) {
            return Ok(false);
        }
        person.roles.push(role);
        person.roles.sort();
        Ok(true)
    }

    /// Takes one role from `id`, keeping the rest. Returns false when they did not hold it.
    /// A person keeps at least one role: removing the last is `remove`.
    pub fn revoke_role(&mut self, id: &str, role: Role) -> Result<bool, String> {
        let person = self.person_mut(id)?;
        if !person.roles.contains(&role) {
            return Ok(false);
        }
        if person.roles.len() == 1 {
            return Err(format!(
                "`{role}` is the only role of `{id}`: remove the person instead (`stp people remove {id}`)"
            ));
        }
        person.roles.retain(|r| *r != role);
        Ok(true)
    }

    /// Who holds `role` directly, by id.
    pub fn holders(&self, role: Role) -> Vec<&str> {
        self.persons
            .iter()
            .filter(|p| p.has_role(role))
            .map(|p| p.id.as_str())
            .collect()
    }

    fn person_mut(&mut self, id: &str) -> Result<&mut Person, String> {
        self.persons
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| format!("no person `{id}` in {PEOPLE_FILE}"))
    }

    /// Adds a person, or replaces the one with the same id.
    pub fn upsert(&mut self, person: Person) -> Result<(), String> {
        if !is_valid_id(&person.id) {
            return Err(format!(
                "person id `{}` must be lowercase letters, digits and dashes",
                person.id
            ));
        }
        if let Some(other) = self.by_fingerprint(&person.fingerprint)
            && other.id != person.id
        {
            return Err(format!("that key already belongs to `{}`", other.id));
        }
        match self.persons.iter_mut().find(|p| p.id == person.id) {
            Some(existing) => *existing = person,
            None => self.persons.push(person),
        }
        Ok(())
    }

    /// Removes a person and every delegation from or to them.
    pub fn remove(&mut self, id: &str) -> Result<Person, String> {
        let index = self
            .persons
            .iter()
            .position(|p| p.id == id)
            .ok_or_else(|| format!("no person `{id}` in {PEOPLE_FILE}"))?;
        self.delegations.retain(|d| d.from != id && d.to != id);
        Ok(self.persons.remove(index))
    }

    /// Adds a delegation after checking it; it replaces one with the same people and role
    /// (so an admin shortens or ends a window by delegating again).
    pub fn delegate(&mut self, delegation: Delegation) -> Result<(), String> {
        self.check_delegation(&delegation)?;
        self.delegations.retain(|d| {
            !(d.from == delegation.from && d.to == delegation.to && d.role == delegation.role)
        });
        self.delegations.push(delegation);
        Ok(())
    }

    fn check_delegation(&self, d: &Delegation) -> Result<(), String> {
        let from = self
            .person(&d.from)
            .ok_or_else(|| format!("delegation from unknown person `{}`", d.from))?;
        if self.person(&d.to).is_none() {
            return Err(format!("delegation to unknown person `{}`", d.to));
        }
        if d.from == d.to {
            return Err("a person cannot delegate to themselves".to_string());
        }
        if !from.has_role(d.role) {
            return Err(format!(
                "`{}` does not hold the {} role, so cannot delegate it",
                d.from, d.role
            ));
        }
        if d.role == Role::Admin {
            return Err("the admin role is not delegated; add a second admin instead".into());
        }
        if d.start > d.until {
            return Err(format!(
                "the delegation starts ({}) after it ends ({})",
                d.start, d.until
            ));
        }
        Ok(())
    }

    /// The file's text, in a canonical order, as stp writes it.
    pub fn to_toml(&self) -> String {
        let mut s = String::from(
            "# The people of the editorial board, their roles and public keys (Điều 14, 15, 19).\n\
             # Trust data: only a commit signed by an admin of the previous trusted version\n\
             # changes it. Edit it with `stp people add/remove/delegate`, never by hand.\n",
        );
        for p in &self.persons {
            s.push_str("\n[[person]]\n");
            s.push_str(&format!("id = {}\n", quote(&p.id)));
            s.push_str(&format!("name = {}\n", quote(&p.name)));
            let roles: Vec<String> = p.roles.iter().map(|r| quote(r.as_str())).collect();
            s.push_str(&format!("roles = [{}]\n", roles.join(", ")));
            s.push_str(&format!("key = {}\n", quote(&p.key)));
            for (field, value) in [("unit", &p.unit), ("title", &p.title), ("email", &p.email)] {
                if let Some(v) = value {
                    s.push_str(&format!("{field} = {}\n", quote(v)));
                }
            }
        }
        for d in &self.delegations {
            s.push_str("\n[[delegation]]\n");
            s.push_str(&format!("from = {}\n", quote(&d.from)));
            s.push_str(&format!("to = {}\n", quote(&d.to)));
            s.push_str(&format!("role = {}\n", quote(d.role.as_str())));
            s.push_str(&format!("start = \"{}\"\n", d.start));
            s.push_str(&format!("until = \"{}\"\n", d.until));
        }
        s
    }
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Role names joined for a message: `editor, verifier`.
fn role_names(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY_A: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmue0e2bZyN2gZksBaxSFP7cUVLAUS063aeci/dsZ7h a";
    const KEY_B: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICeh0SCZv0iGrTdHgOr3VkRT0she0rxHj0q8bTphB2So b";

    fn sample() -> String {
        format!(
            "[[person]]\nid = \"truong-ban\"\nname = \"Trưởng ban\"\nroles = [\"approver\", \"admin\"]\nkey = \"{KEY_A}\"\n\n\
             [[person]]\nid = \"pho-ban\"\nname = \"Phó ban\"\nroles = [\"verifier\"]\nkey = \"{KEY_B}\"\n\n\
             [[delegation]]\nfrom = \"truong-ban\"\nto = \"pho-ban\"\nrole = \"approver\"\nstart = \"2026-03-01\"\nuntil = \"2026-03-10\"\n"
        )
    }

    #[test]
    fn a_deputy_holds_the_role_only_inside_the_window_dieu_19_2() {
        let people = People::parse(&sample()).unwrap();
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert!(matches!(
            people.grant("pho-ban", Role::Approver, day("2026-03-05")),
            Some(RoleGrant::Delegated { .. })
        ));
        assert_eq!(
            people.grant("pho-ban", Role::Approver, day("2026-03-11")),
            None
        );
        assert_eq!(people.grant("pho-ban", Role::Approver, None), None);
        assert_eq!(
            people.grant("truong-ban", Role::Approver, None),
            Some(RoleGrant::Direct)
        );
    }

    #[test]
    fn the_canonical_text_parses_back_to_the_same_people() {
        let people = People::parse(&sample()).unwrap();
        assert_eq!(People::parse(&people.to_toml()).unwrap(), people);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let text = sample().replace("roles = [\"verifier\"]", "roles = [\"boss\"]");
        let err = People::parse(&text).unwrap_err().to_string();
        assert!(err.starts_with("workflow/people.toml:10:"), "{err}");
        let text = sample().replace("until = ", "ends = ");
        let err = People::parse(&text).unwrap_err().to_string();
        assert!(err.contains("ends"), "{err}");
    }

    #[test]
    fn adding_an_existing_person_keeps_their_other_roles_and_details() {
        let mut people = People::parse(&sample()).unwrap();
        people.persons[1].unit = Some("Văn phòng Sở".into());
        let mut again = people.person("pho-ban").unwrap().clone();
        again.roles = vec![Role::Editor];
        again.unit = None;
        let changes = people.merge(again).unwrap();
        assert_eq!(changes, vec!["role granted: editor".to_string()]);
        let p = people.person("pho-ban").unwrap();
        assert_eq!(p.roles, vec![Role::Editor, Role::Verifier]);
        assert_eq!(p.unit.as_deref(), Some("Văn phòng Sở"));
        let same = people.person("pho-ban").unwrap().clone();
        assert!(people.merge(same).unwrap().is_empty());
    }

    #[test]
    fn granting_and_revoking_one_role_keep_the_rest() {
        let mut people = People::parse(&sample()).unwrap();
        assert!(people.grant_role("pho-ban", Role::Editor).unwrap());
        assert!(!people.grant_role("pho-ban", Role::Editor).unwrap());
        assert!(people.revoke_role("truong-ban", Role::Approver).unwrap());
        assert!(!people.revoke_role("truong-ban", Role::Approver).unwrap());
        assert_eq!(
            people.person("truong-ban").unwrap().roles,
            vec![Role::Admin]
        );
        assert_eq!(people.holders(Role::Editor), vec!["pho-ban"]);
        let last = people.revoke_role("truong-ban", Role::Admin).unwrap_err();
        assert!(last.contains("stp people remove truong-ban"), "{last}");
        assert!(
            people
                .grant_role("nobody", Role::Editor)
                .unwrap_err()
                .contains("nobody")
        );
    }

    #[test]
    fn removing_a_person_drops_their_delegations() {
        let mut people = People::parse(&sample()).unwrap();
        people.remove("truong-ban").unwrap();
        assert!(people.delegations.is_empty());
    }

    #[test]
    fn the_example_board_parses() {
        let people =
            People::parse(include_str!("../../../examples/site/workflow/people.toml")).unwrap();
        assert_eq!(people.admins().count(), 1);
        assert_eq!(people.delegations.len(), 1);
        super::super::WorkflowConfig::parse(include_str!(
            "../../../examples/site/workflow/workflow.toml"
        ))
        .unwrap();
    }
}
