//! The command line's words in Vietnamese (the default) and English: one Fluent file per
//! language (`locales/vi.ftl`, `locales/en.ftl`), embedded in the binary; the languages
//! and how one is chosen from the `--lang` flag, `STP_LANG` and the locale variables
//! (given here as values: reading the environment is the command line's); the language of
//! the run, set once at start; and `tr`/`t!`, which turn a message id and its variables
//! into text. A message missing from a language, or using other variables than in the
//! other language, fails this crate's tests.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language the command line speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Vietnamese, the default: the board reads Vietnamese.
    Vi,
    /// English, on request.
    En,
}

/// A language tag that names no language stp speaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`; stp speaks vi (Vietnamese) and en (English)")]
pub struct UnknownLang(pub String);

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The language's tag: `vi` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language of a tag as a person types it after `--lang` or in `STP_LANG`: `vi`,
    /// `en`, or one with a region (`vi-VN`, `en_US`), in any case.
    pub fn from_tag(tag: &str) -> Result<Lang, UnknownLang> {
        let language = tag
            .trim()
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(tag.to_string())),
        }
    }

    /// The language a POSIX locale value asks for (`en_US.UTF-8` → English, `vi_VN.UTF-8`
    /// → Vietnamese); `None` for any other (`C`, `POSIX`, `fr_FR.UTF-8`).
    pub fn from_locale(value: &str) -> Option<Lang> {
        let language = value.split(['_', '.', '@']).next().unwrap_or_default();
        match language {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the run: `flag` (`--lang`), else `stp_lang` (`STP_LANG`), else
    /// the first locale variable that is set and not empty among `LC_ALL`, `LC_MESSAGES`
    /// and `LANG` (in that order, as POSIX reads them) when it names English or
    /// Vietnamese, else Vietnamese. An empty flag or variable counts as not given; a tag
    /// that names no language is refused.
    pub fn choose(
        flag: Option<&str>,
        stp_lang: Option<&str>,
        locale: [Option<&str>; 3],
    ) -> Result<Lang, UnknownLang> {
        fn given(v: Option<&str>) -> Option<&str> {
            v.filter(|v| !v.trim().is_empty())
        }
        if let Some(tag) = given(flag).or(given(stp_lang)) {
            return Lang::from_tag(tag);
        }
        Ok(locale
            .into_iter()
            .find_map(given)
            .and_then(Lang::from_locale)
            .unwrap_or(Lang::Vi))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The language of this run, set once at start (`set_current`); Vietnamese until then.
static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Sets the language of the run. Only the first call counts (the run's language does not
/// change halfway); returns whether this call set it.
pub fn set_current(lang: Lang) -> bool {
    CURRENT.set(lang).is_ok()
}

/// The language of the run: as set by `set_current`, else Vietnamese.
pub fn current() -> Lang {
    CURRENT.get().copied().unwrap_or(Lang::Vi)
}

/// The text of each language's file.
fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => include_str!("../locales/vi.ftl"),
        Lang::En => include_str!("../locales/en.ftl"),
    }
}

/// One language's messages, parsed once.
struct Messages {
    bundle: FluentBundle<FluentResource>,
}

fn messages(lang: Lang) -> &'static Messages {
    static VI: OnceLock<Messages> = OnceLock::new();
    static EN: OnceLock<Messages> = OnceLock::new();
    let cell = match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        // The files are this crate's own and its tests parse them without error; were one
        // ever to hold a mistake, the entries that did parse are still used.
        let resource = FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(r, _)| r);
        let langid: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // No Unicode isolation marks around variables: the text goes to a terminal, where
        // they are invisible characters that break copying and searching.
        bundle.set_use_isolating(false);
        // A message defined twice is kept as first defined (the tests refuse duplicates).
        let _ = bundle.add_resource(resource);
        Messages { bundle }
    })
}

/// A value for a message's variable: text, a whole number (numbers choose plural
/// forms), or a number with decimals (`Arg::decimal`), written as the language writes it.
#[derive(Debug, Clone)]
pub struct Arg(Value);

#[derive(Debug, Clone)]
enum Value {
    Fluent(FluentValue<'static>),
    /// A number and how many digits after its decimal sign.
    Decimal(f64, usize),
}

impl Arg {
    /// `value` with `digits` digits after the decimal sign, which is a comma in
    /// Vietnamese (`242,6 MB`, `1,56 giây`) and a point in English (`242.6 MB`).
    pub fn decimal(value: f64, digits: usize) -> Arg {
        Arg(Value::Decimal(value, digits))
    }

    /// A number the layers below wrote as text with a decimal point (`"1.5"`): as
    /// `decimal`, so it is said in each language's way; any other text as it is.
    pub fn number_or_text(text: &str) -> Arg {
        let decimal = text.split_once('.').filter(|(whole, part)| {
            !whole.is_empty()
                && !part.is_empty()
                && (whole.bytes().chain(part.bytes())).all(|b| b.is_ascii_digit())
        });
        match decimal.and_then(|(_, part)| Some((text.parse::<f64>().ok()?, part.len()))) {
            Some((value, digits)) => Arg::decimal(value, digits),
            None => Arg::from(text),
        }
    }

    fn in_lang(&self, lang: Lang) -> FluentValue<'static> {
        match &self.0 {
            Value::Fluent(v) => v.clone(),
            Value::Decimal(v, digits) => {
                let text = format!("{v:.digits$}");
                FluentValue::from(match lang {
                    Lang::Vi => text.replace('.', ","),
                    Lang::En => text,
                })
            }
        }
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg(Value::Fluent(FluentValue::from(v.to_string())))
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg(Value::Fluent(FluentValue::from(v)))
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Arg {
        Arg(Value::Fluent(FluentValue::from(v.clone())))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg(Value::Fluent(FluentValue::from(v)))
            }
        }
    )*};
}
number_arg!(usize, u8, u16, u32, u64, i32, i64);

/// The message `id` in `lang` with its variables. A message the file lacks comes out as
/// its id (the tests keep every id the command line uses in both files).
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = &messages(lang).bundle;
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.in_lang(lang));
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Whether `lang`'s file has the message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    messages(lang)
        .bundle
        .get_message(id)
        .is_some_and(|m| m.value().is_some())
}

/// The message `id` in the run's language (`current()`), with its variables:
/// `t!("id")`, `t!("id", name = value, …)`; each value is text or a number.
#[macro_export]
macro_rules! t {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::tr(
            $crate::current(),
            $id,
            &[$((stringify!($name), $crate::Arg::from($value))),*],
        )
    };
}

/// Every message id of `lang`'s file, in the file's order.
pub fn all_ids(lang: Lang) -> Vec<&'static str> {
    entries(lang).map(|(id, _)| id).collect()
}

/// The messages of `lang`'s file as parsed: each id and the variables its text uses.
fn entries(lang: Lang) -> impl Iterator<Item = (&'static str, BTreeSet<&'static str>)> {
    use fluent_syntax::ast::Entry;
    static PARSED: OnceLock<[fluent_syntax::ast::Resource<&'static str>; 2]> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        Lang::ALL.map(|l| fluent_syntax::parser::parse(source(l)).unwrap_or_else(|(r, _)| r))
    });
    let resource = &parsed[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)];
    resource.body.iter().filter_map(|entry| match entry {
        Entry::Message(m) => {
            let mut vars = BTreeSet::new();
            if let Some(pattern) = &m.value {
                pattern_variables(pattern, &mut vars);
            }
            Some((m.id.name, vars))
        }
        _ => None,
    })
}

/// The variables `pattern` refers to, in its placeables and selectors.
fn pattern_variables(
    pattern: &fluent_syntax::ast::Pattern<&'static str>,
    vars: &mut BTreeSet<&'static str>,
) {
    use fluent_syntax::ast::PatternElement;
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars);
        }
    }
}

fn expression_variables(
    expression: &fluent_syntax::ast::Expression<&'static str>,
    vars: &mut BTreeSet<&'static str>,
) {
    use fluent_syntax::ast::Expression;
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, vars);
            for variant in variants {
                pattern_variables(&variant.value, vars);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, vars),
    }
}

fn inline_variables(
    inline: &fluent_syntax::ast::InlineExpression<&'static str>,
    vars: &mut BTreeSet<&'static str>,
) {
    use fluent_syntax::ast::InlineExpression;
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name);
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_variables(arg, vars);
            }
            for arg in &arguments.named {
                inline_variables(&arg.value, vars);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use unicode_normalization::is_nfc;

    use super::*;

    fn messages_of(lang: Lang) -> BTreeMap<&'static str, BTreeSet<&'static str>> {
        entries(lang).collect()
    }

    /// A decimal is written with a comma in Vietnamese and a point in English, in a real
    /// message; text that only looks like a number stays as it is.
    #[test]
    fn decimals_take_each_language_s_sign() {
        let args = |mb: Arg| {
            [
                ("kind", Arg::from("preview")),
                ("articles", Arg::from(3usize)),
                ("files", Arg::from(7usize)),
                ("mb", mb),
                ("variants", Arg::from("")),
                ("out", Arg::from("_site")),
                ("secs", Arg::decimal(1.5, 2)),
            ]
        };
        let vi = tr(Lang::Vi, "build-done", &args(Arg::decimal(242.64, 1)));
        assert!(
            vi.contains("242,6 MB") && vi.contains("(1,50 giây)"),
            "{vi}"
        );
        let en = tr(Lang::En, "build-done", &args(Arg::decimal(242.64, 1)));
        assert!(en.contains("242.6 MB") && en.contains("(1.50 s)"), "{en}");
        let from_text = tr(Lang::Vi, "build-done", &args(Arg::number_or_text("0.5")));
        assert!(from_text.contains("0,5 MB"), "{from_text}");
        for text in ["1.2.3", "v1.5", ".5", "5.", "15/2026"] {
            let kept = tr(Lang::Vi, "build-done", &args(Arg::number_or_text(text)));
            assert!(kept.contains(&format!("{text} MB")), "{kept}");
        }
    }

    #[test]
    fn both_files_parse_without_error_and_define_each_id_once() {
        for lang in Lang::ALL {
            if let Err((_, errors)) = fluent_syntax::parser::parse(source(lang)) {
                panic!("locales/{lang}.ftl: {errors:?}");
            }
            let ids = all_ids(lang);
            let unique: BTreeSet<_> = ids.iter().collect();
            assert_eq!(ids.len(), unique.len(), "locales/{lang}.ftl repeats an id");
            assert!(!ids.is_empty());
        }
    }

    #[test]
    fn every_message_is_in_both_languages_with_the_same_variables() {
        let (vi, en) = (messages_of(Lang::Vi), messages_of(Lang::En));
        let only_vi: Vec<_> = vi.keys().filter(|id| !en.contains_key(*id)).collect();
        let only_en: Vec<_> = en.keys().filter(|id| !vi.contains_key(*id)).collect();
        assert!(only_vi.is_empty(), "only in vi.ftl: {only_vi:?}");
        assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
        let differ: Vec<_> = vi
            .iter()
            .filter(|(id, vars)| en.get(*id) != Some(vars))
            .map(|(id, vars)| format!("{id}: vi {vars:?}, en {:?}", en[id]))
            .collect();
        assert!(
            differ.is_empty(),
            "different variables:\n{}",
            differ.join("\n")
        );
    }

    #[test]
    fn the_vietnamese_file_is_nfc_with_its_diacritics() {
        let text = source(Lang::Vi);
        assert!(is_nfc(text), "locales/vi.ftl is not NFC");
        assert!(
            text.contains("phê duyệt"),
            "locales/vi.ftl has no diacritics"
        );
    }

    #[test]
    fn a_message_formats_with_its_variables_and_no_isolation_marks() {
        let vi = tr(Lang::Vi, "error-label", &[]);
        let en = tr(Lang::En, "error-label", &[]);
        assert_eq!(en, "error");
        assert_eq!(vi, "lỗi");
        let signed = tr(
            Lang::En,
            "step-signed",
            &[
                ("person", "truong-ban".into()),
                ("commit", "0123456789ab".into()),
            ],
        );
        assert_eq!(signed, "signed by truong-ban in commit 0123456789ab");
        assert!(!signed.contains(['\u{2068}', '\u{2069}']));
        assert_eq!(tr(Lang::En, "no-such-message", &[]), "no-such-message");
        assert!(has(Lang::Vi, "error-label") && !has(Lang::Vi, "no-such-message"));
    }

    #[test]
    fn english_counts_choose_the_plural() {
        let one = tr(Lang::En, "status-days", &[("days", 1u32.into())]);
        let many = tr(Lang::En, "status-days", &[("days", 3u32.into())]);
        assert_eq!((one.as_str(), many.as_str()), ("1 day", "3 days"));
        assert_eq!(
            tr(Lang::Vi, "status-days", &[("days", 3u32.into())]),
            "3 ngày"
        );
    }

    #[test]
    fn tags_and_locales_name_the_languages() {
        for (tag, lang) in [("vi", Lang::Vi), ("VI-vn", Lang::Vi), ("en", Lang::En)] {
            assert_eq!(Lang::from_tag(tag), Ok(lang));
        }
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Ok(Lang::En));
        let err = Lang::from_tag("fr").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown language `fr`; stp speaks vi (Vietnamese) and en (English)"
        );
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("en"), Some(Lang::En));
        assert_eq!(Lang::from_locale("vi_VN.UTF-8"), Some(Lang::Vi));
        assert_eq!(Lang::from_locale("C"), None);
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), None);
    }

    #[test]
    fn the_flag_beats_stp_lang_which_beats_the_locale() {
        let en_locale = [None, None, Some("en_US.UTF-8")];
        let vi_locale = [Some("vi_VN.UTF-8"), None, None];
        assert_eq!(Lang::choose(None, None, [None; 3]), Ok(Lang::Vi));
        assert_eq!(Lang::choose(None, None, en_locale), Ok(Lang::En));
        assert_eq!(Lang::choose(Some("en"), None, vi_locale), Ok(Lang::En));
        assert_eq!(Lang::choose(None, Some("vi"), en_locale), Ok(Lang::Vi));
        assert_eq!(
            Lang::choose(Some("vi"), Some("en"), en_locale),
            Ok(Lang::Vi)
        );
        // LC_ALL, then LC_MESSAGES, then LANG: the first set one decides.
        let c_first = [Some("C"), Some("en_US.UTF-8"), None];
        assert_eq!(Lang::choose(None, None, c_first), Ok(Lang::Vi));
        let messages_first = [Some(""), Some("en_GB.UTF-8"), Some("vi_VN.UTF-8")];
        assert_eq!(Lang::choose(None, None, messages_first), Ok(Lang::En));
        // An empty flag or variable is not given; a wrong one is refused, not ignored.
        assert_eq!(Lang::choose(Some(""), Some("en"), [None; 3]), Ok(Lang::En));
        assert_eq!(
            Lang::choose(Some("xx"), None, [None; 3]),
            Err(UnknownLang("xx".into()))
        );
        assert_eq!(
            Lang::choose(None, Some("de"), en_locale),
            Err(UnknownLang("de".into()))
        );
    }

    #[test]
    fn the_run_language_is_vietnamese_until_set_once() {
        // This test alone sets it in this test binary.
        assert_eq!(current(), Lang::Vi);
        assert_eq!(t!("error-label"), "lỗi");
        assert!(set_current(Lang::En));
        assert!(!set_current(Lang::Vi));
        assert_eq!(current(), Lang::En);
        assert_eq!(
            t!("step-signed", person = "a", commit = "b"),
            "signed by a in commit b"
        );
    }
}
