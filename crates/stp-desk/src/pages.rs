//! The pages the desk shows (GET, never changing anything): the person's queue, the status
//! board, an article (as readers will see it, its diff against the live version, its
//! signed trail, its sender and the steps this person may take), the intake form and the
//! monthly report.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};
use stp_content::{MAX_FILE_BYTES, check_inside, parse_article, read_limited};
use stp_ledger::{EventKind, StepRequest, has_remote, live_text, preview_step_on};
use stp_workflow::{Action, Ground, Role, State as ArticleState};

use crate::board::{self, Board};
use crate::preview::Standing;
use crate::view::STYLESHEET;
use crate::{Desk, said, words};
use stp_i18n::{Arg, tr};

/// Rows per page of the status board.
const BOARD_PAGE: usize = 100;
/// Items shown per queue on the first page (the board lists the rest).
const QUEUE_SHOWN: usize = 200;

type Params = Query<HashMap<String, String>>;

pub async fn queue(State(desk): State<Arc<Desk>>) -> Response {
    let board = match board::current(&desk) {
        Ok(b) => b,
        Err(e) => return unreadable(&desk, &said::desk(desk.view.lang, &e)),
    };
    let lang = desk.view.lang;
    let queues: Vec<Value> = board
        .queues
        .iter()
        .map(|(action, items)| {
            let shown: Vec<Value> = items
                .iter()
                .take(QUEUE_SHOWN)
                .map(|(path, state, _)| item(&desk, &board, path, *state))
                .collect();
            context! {
                heading => words::queue(lang, *action),
                id => action.as_str(),
                total => items.len(),
                more => items.len().saturating_sub(QUEUE_SHOWN),
                items => shown,
            }
        })
        .collect();
    let mut counts: Vec<(ArticleState, usize)> = Vec::new();
    for row in &board.rows {
        match counts.iter_mut().find(|(s, _)| *s == row.state) {
            Some((_, n)) => *n += 1,
            None => counts.push((row.state, 1)),
        }
    }
    counts.sort();
    let counts: Vec<Value> = counts
        .into_iter()
        .map(|(s, n)| context! { state => words::state(lang, s), key => s.to_string(), n })
        .collect();
    let overdue: Vec<Value> = board
        .rows
        .iter()
        .filter(|r| r.overdue)
        .take(QUEUE_SHOWN)
        .map(|r| item(&desk, &board, &r.article, r.state))
        .collect();
    let read_at = tr(
        lang,
        "desk-read-at",
        &[
            ("time", Arg::from(board.read_at.format("%H:%M").to_string())),
            (
                "date",
                Arg::from(board.read_at.format("%d/%m/%Y").to_string()),
            ),
        ],
    );
    let ctx = context! {
        ..frame(&desk, &board, "queue"),
        ..context! {
            queues,
            counts,
            overdue,
            overdue_total => board.rows.iter().filter(|r| r.overdue).count(),
            read_at,
        }
    };
    desk.view.page(StatusCode::OK, "queue.html", ctx)
}

pub async fn status_board(State(desk): State<Arc<Desk>>, Query(params): Params) -> Response {
    let board = match board::current(&desk) {
        Ok(b) => b,
        Err(e) => return unreadable(&desk, &said::desk(desk.view.lang, &e)),
    };
    let filter = params
        .get("loc")
        .filter(|s| !s.is_empty())
        .and_then(|s| s.parse::<ArticleState>().ok());
    let rows: Vec<_> = board
        .rows
        .iter()
        .filter(|r| filter.is_none_or(|f| r.state == f))
        .collect();
    let pages = rows.len().div_ceil(BOARD_PAGE).max(1);
    let page = params
        .get("trang")
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, pages);
    let shown: Vec<Value> = rows
        .iter()
        .skip((page - 1) * BOARD_PAGE)
        .take(BOARD_PAGE)
        .map(|r| item(&desk, &board, &r.article, r.state))
        .collect();
    let states: Vec<Value> = ArticleState::ALL[1..]
        .iter()
        .map(|s| {
            context! {
                key => s.to_string(),
                name => words::state(desk.view.lang, *s),
                chosen => filter == Some(*s),
            }
        })
        .collect();
    let ctx = context! {
        ..frame(&desk, &board, "board"),
        ..context! {
            rows => shown,
            total => rows.len(),
            page,
            pages,
            filter => filter.map(|s| s.to_string()).unwrap_or_default(),
            states,
        }
    };
    desk.view.page(StatusCode::OK, "board.html", ctx)
}

pub async fn article(State(desk): State<Arc<Desk>>, Query(params): Params) -> Response {
    let board = match board::current(&desk) {
        Ok(b) => b,
        Err(e) => return unreadable(&desk, &said::desk(desk.view.lang, &e)),
    };
    let asked = params.get("p").map(String::as_str).unwrap_or("");
    let Some(path) = board::article_path(asked) else {
        return not_an_article(&desk, asked);
    };
    let record = board.ledger.state.articles.get(asked);
    // The working file, read as the content layer reads one: no link out of the site, no
    // file over the size limit.
    let full = desk.root.join(&path);
    let read = match full.symlink_metadata() {
        Err(_) => Ok(None),
        Ok(_) => check_inside(&desk.root, &full)
            .and_then(|()| read_limited(&full, MAX_FILE_BYTES))
            .map(Some),
    };
    let (file, unreadable_file) = match read {
        Ok(file) => (file, None),
        Err(e) => (None, Some(said::content(desk.view.lang, &e))),
    };
    let live = record.and_then(|r| r.live.as_ref());
    let live_bytes = live.and_then(|l| live_text(&desk.root, l).ok());
    let Some(bytes) = file.clone().or_else(|| live_bytes.clone()) else {
        return match unreadable_file {
            Some(why) => desk.view.problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                &tr(desk.view.lang, "desk-no-article", &[]),
                &why,
                &tr(desk.view.lang, "desk-no-article-hint", &[]),
            ),
            None => not_an_article(&desk, asked),
        };
    };
    let standing = desk.preview.standing();
    let (title, body, preview, sender, problem) = match parse_article(&path, &bytes, &board.site) {
        Ok(a) => {
            let html = stp_render::markdown::render_in(&a.body.text(), &a.lang).html;
            let preview = match &standing {
                Standing::Ready => Some(desk.preview.url(&a.url_path())),
                _ => None,
            };
            let sender = a.front.sender.as_ref().map(|s| {
                context! {
                    organisation => &s.organisation, name => &s.name, title => &s.title,
                    email => &s.email, phone => &s.phone, address => &s.address,
                }
            });
            let intake = a.front.intake.as_ref().map(|i| {
                context! { received => &i.received, sources => &i.sources, flags => &i.flags,
                converted => &i.converted, stated => i.sender_stated }
            });
            (
                a.front.title.clone(),
                Value::from_safe_string(html),
                preview,
                context! { sender, intake },
                None,
            )
        }
        Err(e) => (
            asked.to_string(),
            Value::from(()),
            None,
            Value::from(()),
            Some(said::content(desk.view.lang, &e)),
        ),
    };
    let diff = match (&live_bytes, &file) {
        (Some(old), Some(new)) if old != new => Some(diff_lines(old, new)),
        _ => None,
    };
    let trail: Vec<Value> = record
        .map(|r| r.events.iter().map(|e| event(&desk, &board, e)).collect())
        .unwrap_or_default();
    let state = record.map(|r| r.state).unwrap_or(ArticleState::Draft);
    let steps = allowed_steps(&desk, &board, asked);
    let row = board.row(asked);
    let grounds: Vec<Value> = Ground::ALL
        .iter()
        .map(|g| context! { key => g.as_str(), meaning => g.meaning() })
        .collect();
    let ctx = context! {
        ..frame(&desk, &board, "article"),
        ..context! {
            path => asked,
            title,
            body,
            problem,
            preview,
            preview_building => matches!(standing, Standing::Building),
            preview_failed => match &standing { Standing::Failed(e) => Some(e.clone()), _ => None },
            state => words::state(desk.view.lang, state),
            due => row.and_then(|r| r.due.clone()),
            overdue => row.is_some_and(|r| r.overdue),
            live => live.map(|l| context! { at => &l.at, by => &l.by_name }),
            diff,
            trail,
            steps,
            grounds,
            sender,
        }
    };
    desk.view.page(StatusCode::OK, "article.html", ctx)
}

pub async fn intake_form(State(desk): State<Arc<Desk>>) -> Response {
    let board = match board::current(&desk) {
        Ok(b) => b,
        Err(e) => return unreadable(&desk, &said::desk(desk.view.lang, &e)),
    };
    let ctx = context! {
        ..frame(&desk, &board, "intake"),
        ..context! {
            may => board.person.has_role(Role::Secretary),
            sections => board.site.sections.iter()
                .map(|s| context! { slug => &s.slug, name => &s.name })
                .collect::<Vec<_>>(),
        }
    };
    desk.view.page(StatusCode::OK, "intake.html", ctx)
}

pub async fn report(State(desk): State<Arc<Desk>>, Query(params): Params) -> Response {
    let board = match board::current(&desk) {
        Ok(b) => b,
        Err(e) => return unreadable(&desk, &said::desk(desk.view.lang, &e)),
    };
    let now = (desk.clock)();
    let asked = params.get("thang").cloned().unwrap_or_default();
    let month = if asked.is_empty() {
        stp_report::monthly::Month::parse(&now.format("%Y-%m").to_string())
    } else {
        stp_report::monthly::Month::parse(&asked)
    };
    let lang = desk.view.lang;
    let Some(month) = month else {
        return desk.view.problem(
            StatusCode::BAD_REQUEST,
            &tr(lang, "desk-bad-month", &[]),
            &tr(lang, "desk-bad-month-why", &[("month", Arg::from(asked))]),
            &tr(lang, "desk-bad-month-hint", &[]),
        );
    };
    let tables = match crate::report::tables(&board, month, now, lang) {
        Ok(t) => t,
        Err(message) => {
            return desk.view.problem(
                StatusCode::CONFLICT,
                &tr(lang, "desk-no-report", &[]),
                &message,
                &tr(lang, "desk-no-report-hint", &[]),
            );
        }
    };
    let ctx = context! {
        ..frame(&desk, &board, "report"),
        ..context! { month => month.to_string(), tables }
    };
    desk.view.page(StatusCode::OK, "report.html", ctx)
}

pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        STYLESHEET,
    )
        .into_response()
}

pub async fn not_found(State(desk): State<Arc<Desk>>) -> Response {
    let lang = desk.view.lang;
    desk.view.problem(
        StatusCode::NOT_FOUND,
        &tr(lang, "desk-not-found", &[]),
        &tr(lang, "desk-not-found-why", &[]),
        &tr(lang, "desk-not-found-hint", &[]),
    )
}

/// What every page shows around its content: who is signed in, the form token, the menu.
pub fn frame(desk: &Desk, board: &Board, current: &str) -> Value {
    let roles: Vec<String> = board
        .person
        .roles
        .iter()
        .map(|r| words::role(desk.view.lang, *r))
        .collect();
    context! {
        person => context! { id => &board.person.id, name => &board.person.name, roles },
        token => &desk.form_token,
        current,
        secretary => board.person.has_role(Role::Secretary),
        can_sync => has_remote(&desk.root, &desk.remote),
        remote => &desk.remote,
        agency => &board.site.agency.name,
    }
}

/// One article in a list: its title, state, due date and how long it has waited.
fn item(desk: &Desk, board: &Board, path: &str, state: ArticleState) -> Value {
    let row = board.row(path);
    context! {
        path,
        title => row.and_then(|r| r.title.clone()).unwrap_or_else(|| path.to_string()),
        state => words::state(desk.view.lang, state),
        due => row.and_then(|r| r.due.clone()),
        overdue => row.is_some_and(|r| r.overdue),
        days => row.map(|r| r.age_days),
        held_by => row.map(|r| r.held_by.iter().map(|h| h.name.clone()).collect::<Vec<_>>()),
    }
}

/// One entry of the signed trail.
fn event(desk: &Desk, board: &Board, e: &stp_ledger::Event) -> Value {
    let lang = desk.view.lang;
    let date = e.date.map(|d| d.format("%d/%m/%Y").to_string());
    let commit = e.commit[..10.min(e.commit.len())].to_string();
    match &e.kind {
        EventKind::Step {
            action,
            name,
            role,
            reason,
            ground,
            ..
        } => context! {
            date, commit, valid => true,
            what => words::step(lang, *action), who => name, role => words::role(lang, *role),
            reason, ground,
        },
        EventKind::Adopted { name, .. } => context! {
            date, commit, valid => true, what => tr(lang, "desk-trail-adopted", &[]), who => name,
        },
        EventKind::Voided { was } => context! {
            date, commit, valid => false,
            what => tr(lang, "desk-trail-voided", &[("state", Arg::from(words::state(lang, *was)))]),
        },
        EventKind::Invalid { signer, why, .. } => {
            let who = signer.as_ref().map(|s| {
                board
                    .ledger
                    .trusted
                    .as_ref()
                    .and_then(|t| t.people.person(s))
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| s.clone())
            });
            context! { date, commit, valid => false, what => tr(lang, "desk-trail-invalid", &[]), who, reason => why }
        }
    }
}

/// The steps this person may take on `article` now: each asked of the ledger exactly as
/// the command line's step would be, without signing.
fn allowed_steps(desk: &Desk, board: &Board, article: &str) -> Vec<Value> {
    [
        Action::Submit,
        Action::Review,
        Action::Verify,
        Action::Approve,
        Action::Publish,
        Action::Return,
        Action::Reject,
        Action::Withdraw,
    ]
    .into_iter()
    .filter(|&action| {
        let request = StepRequest {
            action,
            articles: vec![article.to_string()],
            reason: action.needs_reason().then(|| "?".to_string()),
            ground: (action == Action::Reject).then_some(Ground::A),
        };
        preview_step_on(&board.ledger, &desk.signer, &request, &desk.options).is_ok()
    })
    .map(|action| {
        context! {
            action => action.as_str(),
            button => words::button(desk.view.lang, action),
            step => words::step(desk.view.lang, action),
            reason => action.needs_reason(),
            ground => action == Action::Reject,
        }
    })
    .collect()
}

/// The lines that differ between the live version and the working one, with three lines
/// of context around each change.
fn diff_lines(old: &[u8], new: &[u8]) -> Vec<Value> {
    let (old, new) = (String::from_utf8_lossy(old), String::from_utf8_lossy(new));
    let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
    let mut lines = Vec::new();
    for (n, group) in diff.grouped_ops(3).iter().enumerate() {
        if n > 0 {
            lines.push(context! { kind => "gap", sign => "⋯", text => "" });
        }
        for op in group {
            for change in diff.iter_changes(op) {
                let (kind, sign) = match change.tag() {
                    similar::ChangeTag::Delete => ("del", "−"),
                    similar::ChangeTag::Insert => ("ins", "+"),
                    similar::ChangeTag::Equal => ("same", " "),
                };
                lines.push(context! {
                    kind, sign, text => change.value().trim_end_matches('\n'),
                });
            }
        }
    }
    lines
}

pub fn unreadable(desk: &Desk, message: &str) -> Response {
    let lang = desk.view.lang;
    desk.view.problem(
        StatusCode::INTERNAL_SERVER_ERROR,
        &tr(lang, "desk-unreadable", &[]),
        message,
        &tr(lang, "desk-unreadable-hint", &[]),
    )
}

fn not_an_article(desk: &Desk, asked: &str) -> Response {
    let lang = desk.view.lang;
    desk.view.problem(
        StatusCode::NOT_FOUND,
        &tr(lang, "desk-no-article", &[]),
        &tr(lang, "desk-no-article-why", &[("path", Arg::from(asked))]),
        &tr(lang, "desk-no-article-hint", &[]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_marks_removed_and_added_lines_with_signs_not_only_colour() {
        let lines = diff_lines(b"a\nb\nc\n", b"a\nB\nc\n");
        let signs: Vec<String> = lines
            .iter()
            .map(|l| l.get_attr("sign").unwrap().to_string())
            .collect();
        assert_eq!(signs, [" ", "−", "+", " "]);
        let text = lines[2].get_attr("text").unwrap().to_string();
        assert_eq!(text, "B");
    }
}
