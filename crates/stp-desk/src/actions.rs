//! The requests that change something (POST only, each with the form token): a step on an
//! article, a sync with the shared remote, and the intake of dropped files. Each makes
//! exactly the signed commit the command line makes (the same ledger functions, the same
//! key), and answers with a page saying what happened.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use serde::Deserialize;
use stp_content::{Sender, SiteConfig};
use stp_ledger::{StepRequest, SyncReport, has_remote, perform_step, submit_new_bundle, sync};
use stp_workflow::{Action, Ground};

use crate::board::{self, article_path};
use crate::pages::frame;
use crate::secret::same;
use crate::{Desk, said, words};
use stp_i18n::{Arg, tr};

#[derive(Debug, Deserialize)]
pub struct StepForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    bai: String,
    #[serde(default)]
    buoc: String,
    #[serde(default)]
    ly_do: String,
    #[serde(default)]
    can_cu: String,
}

#[derive(Debug, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    token: String,
}

pub async fn step(State(desk): State<Arc<Desk>>, Form(form): Form<StepForm>) -> Response {
    if !same(&form.token, &desk.form_token) {
        return bad_token(&desk);
    }
    let lang = desk.view.lang;
    let Some(action) = Action::ALL.into_iter().find(|a| a.as_str() == form.buoc) else {
        return desk.view.problem(
            StatusCode::BAD_REQUEST,
            &tr(lang, "desk-no-step", &[]),
            &tr(lang, "desk-no-step-why", &[("step", Arg::from(&form.buoc))]),
            &tr(lang, "desk-use-buttons", &[]),
        );
    };
    // Publishing from the queue without an article publishes every approved one, as
    // `stp publish` does.
    let articles = if form.bai.is_empty() && action == Action::Publish {
        Vec::new()
    } else if article_path(&form.bai).is_some() {
        vec![form.bai.clone()]
    } else {
        return desk.view.problem(
            StatusCode::BAD_REQUEST,
            &tr(lang, "desk-no-article", &[]),
            &tr(
                lang,
                "desk-no-article-why",
                &[("path", Arg::from(&form.bai))],
            ),
            &tr(lang, "desk-use-buttons", &[]),
        );
    };
    let reason = Some(form.ly_do.trim().to_string()).filter(|r| !r.is_empty());
    let ground = Ground::ALL.into_iter().find(|g| g.as_str() == form.can_cu);
    let request = StepRequest {
        action,
        articles,
        reason,
        ground,
    };
    let outcome = perform_step(&desk.root, &desk.signer, &request, &desk.options);
    board::forget(&desk);
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(e) => return refused(&desk, &form.bai, &said::ledger(desk.view.lang, &e)),
    };
    let touched: Vec<String> = outcome.steps.iter().map(|(p, _, _)| p.clone()).collect();
    desk.preview.changed(&desk.root, &touched);
    // Publishing sends to the shared remote when there is one, as `stp publish` does.
    let sent = (action == Action::Publish && has_remote(&desk.root, &desk.remote)).then(|| {
        let report = sync(&desk.root, Some(&desk.signer), &desk.remote, &desk.options);
        board::forget(&desk);
        sync_summary(&report.map_err(|e| said::ledger(desk.view.lang, &e)))
    });
    let steps: Vec<Value> = outcome
        .steps
        .iter()
        .map(|(path, from, to)| {
            context! { path, from => words::state(lang, *from), to => words::state(lang, *to) }
        })
        .collect();
    let ctx = context! {
        heading => tr(lang, "desk-done", &[("step", Arg::from(words::step(lang, action)))]),
        ok => true,
        article => form.bai,
        steps,
        commit => outcome.commit[..12.min(outcome.commit.len())].to_string(),
        notes => outcome.notes,
        sent,
    };
    result(&desk, StatusCode::OK, ctx)
}

pub async fn sync_now(State(desk): State<Arc<Desk>>, Form(form): Form<TokenForm>) -> Response {
    if !same(&form.token, &desk.form_token) {
        return bad_token(&desk);
    }
    let report = sync(&desk.root, Some(&desk.signer), &desk.remote, &desk.options);
    board::forget(&desk);
    desk.preview.changed(&desk.root, &["content".to_string()]);
    let ok = report.as_ref().is_ok_and(|r| r.parked.is_empty());
    let ctx = context! {
        heading => tr(desk.view.lang, "desk-sync-heading", &[]),
        ok,
        sent => sync_summary(&report.map_err(|e| said::ledger(desk.view.lang, &e))),
    };
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    result(&desk, status, ctx)
}

pub async fn intake(State(desk): State<Arc<Desk>>, mut form: Multipart) -> Response {
    let lang = desk.view.lang;
    let dropped = match tempfile::Builder::new().prefix("stp-nhan-").tempdir() {
        Ok(d) => d,
        Err(e) => return refused(&desk, "", &e.to_string()),
    };
    let (mut token, mut files) = (String::new(), Vec::new());
    let mut fields = std::collections::BTreeMap::new();
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                let why = tr(
                    lang,
                    "desk-upload-broke",
                    &[("error", Arg::from(e.to_string()))],
                );
                return refused(&desk, "", &why);
            }
        };
        if field.name() == Some("token") {
            token = field.text().await.unwrap_or_default();
            continue;
        }
        if field.file_name().is_none() {
            let name = field.name().unwrap_or_default().to_string();
            fields.insert(name, field.text().await.unwrap_or_default());
            continue;
        }
        let Some(name) = field.file_name().map(safe_name) else {
            continue;
        };
        let Some(name) = name else {
            return refused(&desk, "", &tr(lang, "desk-file-name", &[]));
        };
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => {
                let why = tr(
                    lang,
                    "desk-upload-broke",
                    &[("error", Arg::from(e.to_string()))],
                );
                return refused(&desk, "", &format!("{name}: {why}"));
            }
        };
        let path = dropped.path().join(&name);
        if let Err(e) = std::fs::write(&path, &bytes) {
            return refused(&desk, "", &format!("{name}: {e}"));
        }
        files.push(path);
    }
    if !same(&token, &desk.form_token) {
        return bad_token(&desk);
    }
    if files.is_empty() {
        return desk.view.problem(
            StatusCode::BAD_REQUEST,
            &tr(lang, "desk-no-files", &[]),
            &tr(lang, "desk-no-files-why", &[]),
            &tr(lang, "desk-no-files-hint", &[]),
        );
    }
    let given = |name: &str| {
        fields
            .get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let stated = Sender {
        organisation: given("don_vi"),
        name: given("nguoi_gui"),
        title: given("chuc_vu"),
        email: given("thu"),
        phone: given("dien_thoai"),
        address: given("dia_chi"),
    };
    if let Some(e) = stated.email.as_deref().filter(|e| !e.contains('@')) {
        return desk.view.problem(
            StatusCode::BAD_REQUEST,
            &tr(lang, "desk-bad-email", &[]),
            &tr(lang, "desk-bad-email-why", &[("email", Arg::from(e))]),
            &tr(lang, "desk-bad-email-hint", &[]),
        );
    }
    let section = given("chuyen_muc");
    let taken = take_in(&desk, &files, section.as_deref(), &stated);
    board::forget(&desk);
    let written: Vec<String> = taken.iter().filter_map(|t| t.article.clone()).collect();
    desk.preview.changed(&desk.root, &written);
    let refused = taken.iter().any(|t| t.why.is_some());
    let ctx = context! {
        heading => tr(lang, "desk-nav-intake", &[]),
        ok => !refused,
        taken => taken.iter().map(Taken::value).collect::<Vec<_>>(),
    };
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    result(&desk, status, ctx)
}

/// One dropped submission: the file it came from, and either the article written and the
/// commit that signed it, or why it was refused.
#[derive(Debug, Default)]
struct Taken {
    file: String,
    article: Option<String>,
    commit: Option<String>,
    why: Option<String>,
}

impl Taken {
    /// What the result page shows of it.
    fn value(&self) -> Value {
        context! {
            file => &self.file, article => &self.article,
            commit => &self.commit, why => &self.why,
        }
    }

    fn refused(file: impl Into<String>, why: impl ToString) -> Taken {
        Taken {
            file: file.into(),
            why: Some(why.to_string()),
            ..Taken::default()
        }
    }
}

/// Takes each dropped submission in as `stp intake` does: assembled into a bundle, written
/// in one rename, and signed as a `submit` by the secretary (removed again if refused).
fn take_in(
    desk: &Desk,
    files: &[std::path::PathBuf],
    section: Option<&str>,
    stated: &Sender,
) -> Vec<Taken> {
    let site = match SiteConfig::load(&desk.root.join("site.toml")) {
        Ok(s) => s,
        Err(e) => return vec![Taken::refused("site.toml", e)],
    };
    let inputs = match stp_intake::inputs(files) {
        Ok(i) => i,
        Err(e) => return vec![Taken::refused("", e)],
    };
    let now = (desk.clock)().format("%Y-%m-%dT%H:%M:%S+07:00").to_string();
    inputs
        .iter()
        .map(|input| {
            let file = match input {
                stp_intake::Input::Mail(p) => Some(p),
                stp_intake::Input::Files(f) => f.first(),
            }
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
            let written = stp_intake::assemble_from(input, &site, section, &now, stated)
                .and_then(|s| stp_intake::write(&desk.root, &site, &s));
            let path = match written {
                Ok(path) => path.to_string_lossy().replace('\\', "/"),
                Err(e) => return Taken::refused(file, e),
            };
            match submit_new_bundle(&desk.root, &desk.signer, &path, &desk.options) {
                Ok(outcome) => Taken {
                    file,
                    article: Some(path),
                    commit: Some(outcome.commit[..12.min(outcome.commit.len())].to_string()),
                    why: None,
                },
                Err(e) => Taken::refused(file, e),
            }
        })
        .collect()
}

/// A dropped file's own name, without any folder; `None` for a name that is not plain.
fn safe_name(name: &str) -> Option<String> {
    let plain =
        !name.is_empty() && !name.contains(['/', '\\', '\0']) && name != "." && name != "..";
    plain.then(|| name.to_string())
}

/// What a sync did, in words.
fn sync_summary(report: &Result<SyncReport, String>) -> Value {
    match report {
        Ok(r) => context! {
            remote => &r.remote,
            received => r.received,
            sent => r.sent,
            redone => r.redone.len(),
            parked => r.parked.len(),
            kept_on => &r.kept_on,
        },
        Err(e) => context! { error => e },
    }
}

fn result(desk: &Desk, status: StatusCode, ctx: Value) -> Response {
    match board::current(desk) {
        Ok(board) => {
            let ctx = context! { ..frame(desk, &board, "result"), ..ctx };
            desk.view.page(status, "result.html", ctx)
        }
        Err(e) => crate::pages::unreadable(desk, &said::desk(desk.view.lang, &e)),
    }
}

fn refused(desk: &Desk, article: &str, why: &str) -> Response {
    let ctx = context! {
        heading => tr(desk.view.lang, "desk-refused", &[]),
        ok => false,
        article,
        why,
    };
    result(desk, StatusCode::CONFLICT, ctx)
}

fn bad_token(desk: &Desk) -> Response {
    let lang = desk.view.lang;
    desk.view.problem(
        StatusCode::FORBIDDEN,
        &tr(lang, "desk-bad-token", &[]),
        &tr(lang, "desk-bad-token-why", &[]),
        &tr(lang, "desk-bad-token-hint", &[]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_file_names_hold_no_folder() {
        assert_eq!(safe_name("bai viet.docx").as_deref(), Some("bai viet.docx"));
        assert_eq!(safe_name("../x.eml"), None);
        assert_eq!(safe_name("a/b.odt"), None);
        assert_eq!(safe_name("a\\b.odt"), None);
        assert_eq!(safe_name(".."), None);
        assert_eq!(safe_name(""), None);
    }
}
