//! Turning what a page shows into HTML: the desk's templates (MiniJinja, the engine the
//! theme uses, with HTML escaping on for every value) and the answers built from them.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::value::Kwargs;
use minijinja::{Environment, Value, context};
use stp_i18n::{Arg, Lang, tr};

use crate::error::DeskError;

/// The desk's templates, built into the binary.
const TEMPLATES: [(&str, &str); 9] = [
    ("layout.html", include_str!("../templates/layout.html")),
    ("parts.html", include_str!("../templates/parts.html")),
    ("queue.html", include_str!("../templates/queue.html")),
    ("board.html", include_str!("../templates/board.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("result.html", include_str!("../templates/result.html")),
    ("intake.html", include_str!("../templates/intake.html")),
    ("report.html", include_str!("../templates/report.html")),
    ("problem.html", include_str!("../templates/problem.html")),
];

/// The desk's stylesheet.
pub const STYLESHEET: &str = include_str!("../templates/desk.css");

pub struct View {
    env: Environment<'static>,
    pub lang: Lang,
}

impl View {
    /// The templates, speaking `lang`: `t("desk-…", name=value)` is a message of the
    /// command line's Fluent files.
    pub fn new(lang: Lang) -> Result<View, DeskError> {
        let mut env = Environment::new();
        env.add_global("lang", lang.tag());
        env.add_function(
            "t",
            move |id: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
                let names: Vec<String> = kwargs.args().map(str::to_string).collect();
                let mut args = Vec::new();
                for name in &names {
                    let value: Value = kwargs.get(name)?;
                    let arg = match value.as_i64() {
                        Some(n) => Arg::from(n),
                        None => Arg::from(value.to_string()),
                    };
                    args.push((name.as_str(), arg));
                }
                kwargs.assert_all_used()?;
                Ok(tr(lang, id, &args))
            },
        );
        // Every template ends in .html, so every value is escaped.
        for (name, source) in TEMPLATES {
            env.add_template(name, source)?;
        }
        Ok(View { env, lang })
    }

    /// The page `name` with `ctx`, or the problem page if the template fails.
    pub fn page(&self, status: StatusCode, name: &str, ctx: Value) -> Response {
        match self.env.get_template(name).and_then(|t| t.render(ctx)) {
            Ok(html) => html_response(status, html),
            Err(e) => self.problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                &tr(self.lang, "desk-page-failed", &[]),
                &DeskError::from(e).to_string(),
                &tr(self.lang, "desk-page-failed-hint", &[]),
            ),
        }
    }

    /// A page saying what went wrong and what to do.
    pub fn problem(&self, status: StatusCode, title: &str, message: &str, hint: &str) -> Response {
        let ctx = context! { title, message, hint };
        match self
            .env
            .get_template("problem.html")
            .and_then(|t| t.render(ctx))
        {
            Ok(html) => html_response(status, html),
            Err(e) => (status, format!("{title}: {message} ({e})")).into_response(),
        }
    }
}

fn html_response(status: StatusCode, html: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}
