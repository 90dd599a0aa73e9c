//! An article's summary as a template value that reads its fields when the template asks
//! for them. Lists and each article's related articles show ten to twenty summaries a page;
//! copying each whole into template values (its tags, its legal-document, procedure and
//! other facts) took 3 % of a 10,000-article build and 8 % at 100,000, for the two or three
//! fields a list shows. The value has every field a serialised `Summary` has, with the
//! same values, in the same order.

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, Serde};

use stp_site::Summary;

/// The fields, in `Summary`'s order.
const FIELDS: [&str; 13] = [
    "title",
    "url",
    "section",
    "lang",
    "kind",
    "date",
    "date_display",
    "summary",
    "tags",
    "featured",
    "weight",
    "state",
    "meta",
];

#[derive(Debug)]
struct SummaryValue(Arc<Summary>);

impl Object for SummaryValue {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        let s = &self.0;
        Some(match key {
            "title" => Value::from(s.title.as_str()),
            "url" => Value::from(s.url.as_str()),
            "section" => Value::from(s.section.as_str()),
            "lang" => Value::from(s.lang.as_str()),
            "kind" => Value::from(s.kind),
            "date" => Value::from(s.date.as_str()),
            "date_display" => Value::from(s.date_display.as_str()),
            "summary" => Value::from(s.summary.as_str()),
            "tags" => Value::from(Serde(&s.tags)),
            "featured" => Value::from(s.featured),
            "weight" => Value::from(Serde(s.weight)),
            "state" => Value::from(Serde(&s.state)),
            "meta" => Value::from(Serde(&s.meta)),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&FIELDS)
    }
}

/// `summary` as a template value.
pub fn summary_value(summary: &Arc<Summary>) -> Value {
    Value::from_object(SummaryValue(Arc::clone(summary)))
}

/// `summaries` as a template list.
pub fn summaries_value<'a>(summaries: impl IntoIterator<Item = &'a Arc<Summary>>) -> Value {
    Value::from(summaries.into_iter().map(summary_value).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use minijinja::value::Serde;
    use minijinja::{Environment, Value, context};
    use stp_site::{KindMeta, Summary, TagRef};

    use super::summary_value;

    fn summary() -> Summary {
        Summary {
            title: "Nghị định 15/2026".into(),
            url: "/van-ban/nd-15/".into(),
            section: "van-ban".into(),
            lang: "vi".into(),
            kind: "legal_document",
            date: "2026-11-20".into(),
            date_display: "20/11/2026".into(),
            summary: "Quy định <b>xử phạt</b>".into(),
            tags: vec![TagRef {
                name: "hộ tịch".into(),
                url: "/the/ho-tich/".into(),
            }],
            featured: true,
            weight: Some(3),
            state: None,
            meta: KindMeta::default(),
        }
    }

    #[test]
    fn reads_as_the_serialised_summary_does() {
        let s = Arc::new(summary());
        let lazy = summary_value(&s);
        let eager = Value::from(Serde(&*s));
        let env = Environment::new();
        let template = "{% for k in s %}{{ k }}={{ s[k] }};{% endfor %}|{{ s.tags[0].name }}|\
            {{ s.summary }}|{{ s.meta.document is none }}|{{ s.state is none }}|{{ s.weight + 1 }}|\
            {{ s.missing is undefined }}|{{ s|tojson }}";
        let render = |v: &Value| {
            env.render_str(template, context! { s => v.clone() })
                .unwrap()
        };
        assert_eq!(render(&lazy), render(&eager));
        assert!(render(&lazy).contains("title=Nghị định 15/2026;url=/van-ban/nd-15/;"));
    }
}
