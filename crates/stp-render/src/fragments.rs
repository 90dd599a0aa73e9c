//! Parts of a page that many pages share, rendered once: a template wraps such a part in
//! `{% call fragment("name", a, b, …) %}…{% endcall %}`, and the part is rendered the
//! first time a page gives that name and those values, then reused as it is for every
//! later page that gives the same. The values are the part's key: everything in it that
//! differs from page to page must be among them (the default theme's header keys on the
//! language switch's address, whether the page is the home page and `menu_key`; its
//! footer on the language switch's address; an article's sidebar on `related_key` and the
//! section's address). What is the same for every page of a language (the agency, the
//! interface strings) needs no key: each build, and each language of it, starts with an
//! empty store ([`Fragments`] lives in the language's shared context, which the renderer
//! makes afresh for every build).
//!
//! The site's 15,000 pages at 10,000 articles share a few dozen headers, footers and
//! sidebars; rendering them once spares about 6 % of a build's instructions
//! (docs/bench.md). A key takes plain values only (text, numbers, true/false, none; a
//! list or a map is refused), and two are one key only when they are of one kind, equally
//! safe and render the same text (`1` and `1.0`, `true` and `1`, a safe and an escaped
//! string are different keys), so a part is never reused where its text could differ. A
//! name holds at most [`LIMIT`] keys; past them its part is rendered for every page and
//! not kept, so a key that differs on every page costs what no fragment costs, not
//! memory. `tests/it/theme.rs` builds the fixture and example sites with the default
//! theme and with a copy whose `fragment` calls are taken out, and compares every file.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::{Arc, RwLock};

use minijinja::value::{Kwargs, Object, Rest, Value, ValueKind, from_args};
use minijinja::{Error, ErrorKind, State};

/// Keys kept per fragment name.
pub const LIMIT: usize = 256;

/// The parts rendered so far, by name and then by key (its values written out, see
/// [`key`]); the template's `fragment`.
#[derive(Debug, Default)]
pub struct Fragments {
    kept: RwLock<HashMap<String, HashMap<String, Value>>>,
}

impl Fragments {
    /// A fresh, empty store as a template value.
    pub fn value() -> Value {
        Value::from_object(Fragments::default())
    }
}

impl Object for Fragments {
    fn call(self: &Arc<Self>, state: &mut State<'_, '_>, args: &[Value]) -> Result<Value, Error> {
        let (name, key, kwargs): (&str, Rest<Value>, Kwargs) = from_args(args)?;
        let caller: Value = kwargs.get("caller").map_err(|_| {
            Error::new(
                ErrorKind::InvalidOperation,
                format!(
                    "fragment(\"{name}\") renders a block: write {{% call fragment(\"{name}\", …) %}}…{{% endcall %}}"
                ),
            )
        })?;
        kwargs.assert_all_used()?;
        let key = self::key(name, &key)?;
        if let Some(done) = self.read(name, &key) {
            return Ok(done);
        }
        let done = caller.call(state, &[])?;
        // What the block rendered, kept as it is (a safe string: it is HTML already).
        let done = Value::from_safe_string(done.to_string());
        let mut kept = self.kept.write().unwrap_or_else(|e| e.into_inner());
        let by_key = kept.entry(name.to_string()).or_default();
        if by_key.len() < LIMIT {
            by_key.insert(key, done.clone());
        }
        Ok(done)
    }
}

impl Fragments {
    fn read(&self, name: &str, key: &str) -> Option<Value> {
        let kept = self.kept.read().unwrap_or_else(|e| e.into_inner());
        kept.get(name)?.get(key).cloned()
    }
}

/// The values of a key written out so that two keys are the same text exactly when their
/// values are of the same kinds and render the same: each value is its kind, whether it
/// is safe HTML, and its text with its length before it. Only plain values are taken
/// (text, numbers, yes/no, none): a list or a map would cost more to compare than it
/// spares, so a template keys on something plain that stands for it (`menu_key` for the
/// menu).
fn key(name: &str, values: &[Value]) -> Result<String, Error> {
    let mut key = String::new();
    for v in values {
        let kind = match v.kind() {
            ValueKind::Undefined => 'u',
            ValueKind::None => 'n',
            ValueKind::Bool => 'b',
            ValueKind::Number if v.is_integer() => 'i',
            ValueKind::Number => 'f',
            ValueKind::String if v.is_safe() => 'h',
            ValueKind::String => 's',
            other => {
                return Err(Error::new(
                    ErrorKind::InvalidOperation,
                    format!(
                        "fragment(\"{name}\") is keyed on a {other}; a key takes text, numbers, true/false or none (for the menu, `menu_key`)"
                    ),
                ));
            }
        };
        let text = v.to_string();
        let _ = write!(key, "{kind}{}:{text}", text.len());
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use minijinja::{Environment, context};

    use super::{Fragments, LIMIT};

    fn env(template: &str) -> Environment<'static> {
        let mut env = Environment::new();
        env.add_template_owned("t.html", template.to_string())
            .expect("template parses");
        env
    }

    /// The block is rendered once per key: a counter in the context shows which render
    /// was reused.
    #[test]
    fn a_block_is_rendered_once_per_key_and_reused() {
        let env = env(r#"{% call fragment("h", k) %}<p>{{ k }} {{ n }}</p>{% endcall %}"#);
        let t = env.get_template("t.html").unwrap();
        let store = Fragments::value();
        let render = |k: minijinja::Value, n: i32| {
            t.render(context! { fragment => store.clone(), k => k, n => n })
                .expect("renders")
        };
        assert_eq!(render("a".into(), 1), "<p>a 1</p>");
        // Same key: the first render, not this page's `n`.
        assert_eq!(render("a".into(), 2), "<p>a 1</p>");
        assert_eq!(render("b".into(), 3), "<p>b 3</p>");
        // Equal but not alike: an integer, a float, a bool and a safe string are other keys.
        assert_eq!(render(1.into(), 4), "<p>1 4</p>");
        assert_eq!(render(1.0.into(), 5), "<p>1.0 5</p>");
        assert_eq!(render(true.into(), 6), "<p>True 6</p>");
        assert_eq!(
            render(minijinja::Value::from_safe_string("a".into()), 7),
            "<p>a 7</p>"
        );
        // A fresh store (the next build) renders again.
        let fresh = t
            .render(context! { fragment => Fragments::value(), k => "a", n => 8 })
            .unwrap();
        assert_eq!(fresh, "<p>a 8</p>");
    }

    /// Escaping happens once, when the block renders; the kept part is not escaped again.
    #[test]
    fn a_kept_part_is_not_escaped_twice() {
        let env = env(r#"{% call fragment("h") %}<b>{{ x }}</b>{% endcall %}"#);
        let t = env.get_template("t.html").unwrap();
        let store = Fragments::value();
        for _ in 0..2 {
            let html = t
                .render(context! { fragment => store.clone(), x => "<i>&</i>" })
                .unwrap();
            // MiniJinja's own escaping here (the theme's formatter leaves `/`).
            assert_eq!(html, "<b>&lt;i&gt;&amp;&lt;&#x2f;i&gt;</b>");
        }
    }

    /// Past `LIMIT` keys a name's part is rendered every time and not kept.
    #[test]
    fn past_the_limit_parts_are_rendered_not_kept() {
        let env = env(r#"{% call fragment("h", k) %}{{ k }}/{{ n }}{% endcall %}"#);
        let t = env.get_template("t.html").unwrap();
        let store = Fragments::value();
        for k in 0..LIMIT + 10 {
            t.render(context! { fragment => store.clone(), k => k, n => 0 })
                .unwrap();
        }
        let kept = t
            .render(context! { fragment => store.clone(), k => 0, n => 1 })
            .unwrap();
        assert_eq!(kept, "0/0");
        let over = t
            .render(context! { fragment => store.clone(), k => LIMIT + 5, n => 1 })
            .unwrap();
        assert_eq!(over, format!("{}/1", LIMIT + 5));
        let held = store
            .downcast_object_ref::<Fragments>()
            .map(|f| f.kept.read().unwrap()["h"].len());
        assert_eq!(held, Some(LIMIT));
    }

    /// A list or a map is not a key: the template is told what to key on instead.
    #[test]
    fn a_list_is_refused_as_a_key() {
        let env = env(r#"{% call fragment("h", menu) %}x{% endcall %}"#);
        let err = env
            .get_template("t.html")
            .unwrap()
            .render(context! { fragment => Fragments::value(), menu => vec![1, 2] })
            .expect_err("refused");
        assert!(
            format!("{err:#}").contains("is keyed on a sequence"),
            "{err:#}"
        );
        assert!(format!("{err:#}").contains("menu_key"), "{err:#}");
    }

    /// Used outside a call block, it says how to use it.
    #[test]
    fn without_a_block_it_says_how_to_write_it() {
        let env = env(r#"{{ fragment("h") }}"#);
        let err = env
            .get_template("t.html")
            .unwrap()
            .render(context! { fragment => Fragments::value() })
            .expect_err("refused");
        assert!(
            format!("{err:#}").contains("{% call fragment(\"h\", …) %}"),
            "{err:#}"
        );
    }
}
