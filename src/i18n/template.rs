//! `t(key="...", name=value, ...)`: the Tera function templates get their words from.
//!
//! It returns HTML: the message's text and every text argument are escaped; an argument whose
//! name ends in `_html` (a link, a `<time>` element a macro made) goes in as it is. Numbers pick
//! plural forms: `t(key="bars-days-ago", days=90)`. A message without arguments is a hash-map
//! lookup of text formatted once per build; a call with arguments is formatted the first time
//! those arguments come, then looked up (most come on every page: the footer's time zone).

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use fluent_bundle::{FluentArgs, FluentValue};
use tera::Value;

use super::I18n;
use crate::escape::escape_html;

pub struct Translate {
    i18n: Arc<I18n>,
    /// Every argument-less message, escaped. Keyed by message id, from the catalogue and the
    /// templates: FxHash, not SipHash, which is a fifth of a call's cost.
    escaped: rustc_hash::FxHashMap<String, String>,
    /// Calls with arguments made so far, by [`call_id`], and the HTML each gave.
    formatted: RwLock<rustc_hash::FxHashMap<Vec<u8>, String>>,
}

/// The message id and the arguments of a call, in name order, as bytes, each text preceded by
/// its length and each number by its kind, so that no two calls share one; `None` when an
/// argument is neither a string nor a number (such a call fails, and is not kept). Bytes and
/// not `write!`: the footer of every page makes several such calls.
fn call_id(key: &str, args: &HashMap<String, Value>) -> Option<Vec<u8>> {
    fn text(id: &mut Vec<u8>, text: &str) {
        id.extend_from_slice(&(text.len() as u64).to_le_bytes());
        id.extend_from_slice(text.as_bytes());
    }
    let mut named: Vec<(&String, &Value)> = args.iter().filter(|(name, _)| name.as_str() != "key").collect();
    named.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut id = Vec::with_capacity(64);
    text(&mut id, key);
    for (name, value) in named {
        text(&mut id, name);
        match value {
            Value::String(value) => {
                id.push(b's');
                text(&mut id, value);
            }
            Value::Number(n) => {
                let (kind, bits) = match (n.as_u64(), n.as_i64()) {
                    (Some(u), _) => (b'u', u),
                    (None, Some(i)) => (b'i', i as u64),
                    (None, None) => (b'f', n.as_f64().unwrap_or_default().to_bits()),
                };
                id.push(kind);
                id.extend_from_slice(&bits.to_le_bytes());
            }
            _ => return None,
        }
    }
    Some(id)
}

impl Translate {
    pub fn new(i18n: Arc<I18n>) -> Translate {
        let escaped = i18n
            .catalogue()
            .plain_messages()
            .map(|(id, text)| (id.to_string(), escape_html(text).into_owned()))
            .collect();
        Translate {
            i18n,
            escaped,
            formatted: RwLock::default(),
        }
    }
}

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = match args.get("key") {
            Some(Value::String(key)) => key,
            _ => return Err("t() needs `key`, the id of a message (see docs/i18n.md)".into()),
        };
        if args.len() == 1 {
            if let Some(text) = self.escaped.get(key) {
                return Ok(Value::String(text.clone()));
            }
        }
        if !self.i18n.catalogue().has(key) {
            return Err(format!("t(): no message `{key}` in the catalogue (see locales/en.ftl)").into());
        }
        let id = call_id(key, args);
        if let Some(id) = &id {
            let formatted = self.formatted.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(html) = formatted.get(id) {
                return Ok(Value::String(html.clone()));
            }
        }
        let mut fluent = FluentArgs::with_capacity(args.len());
        let mut strings: Vec<(char, String)> = Vec::new();
        for (name, value) in args.iter().filter(|(name, _)| name.as_str() != "key") {
            let fluent_value = match value {
                Value::Number(n) => match n.as_i64() {
                    Some(i) => FluentValue::from(i),
                    None => FluentValue::from(n.as_f64().unwrap_or_default()),
                },
                Value::String(s) => {
                    let mark = super::placeholder(strings.len());
                    let html = if name.ends_with("_html") {
                        s.clone()
                    } else {
                        escape_html(s).into_owned()
                    };
                    strings.push((mark, html));
                    FluentValue::from(mark.to_string())
                }
                other => {
                    return Err(format!(
                        "t(key=\"{key}\"): argument `{name}` is {other}, expected a string or a number"
                    )
                    .into())
                }
            };
            fluent.set(name.clone(), fluent_value);
        }
        let formatted = self.i18n.catalogue().format(key, Some(&fluent));
        let values: Vec<&str> = strings.iter().map(|(_, value)| value.as_str()).collect();
        let html = super::fill_placeholders(&escape_html(&formatted), &values);
        if let Some(id) = id {
            let mut formatted = self.formatted.write().unwrap_or_else(PoisonError::into_inner);
            formatted.insert(id, html.clone());
        }
        Ok(Value::String(html))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Function;

    fn call(t: &Translate, args: &[(&str, Value)]) -> String {
        let args = args.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        t.call(&args).unwrap().as_str().unwrap().to_string()
    }

    #[test]
    fn text_is_escaped_html_arguments_are_not_and_numbers_pick_plurals() {
        let t = Translate::new(Arc::new(I18n::shipped("fr").unwrap()));
        assert_eq!(call(&t, &[("key", "bars-today".into())]), "Aujourd’hui");
        assert_eq!(
            call(&t, &[("key", "bars-days-ago".into()), ("days", 1.into())]),
            "il y a 1 jour"
        );
        assert_eq!(
            call(&t, &[("key", "bars-days-ago".into()), ("days", 90.into())]),
            "il y a 90 jours"
        );
        assert_eq!(
            call(
                &t,
                &[
                    ("key", "component-no-incidents".into()),
                    ("component", "<b>VPN</b>".into())
                ]
            ),
            "Aucun incident enregistré pour &lt;b&gt;VPN&lt;/b&gt;."
        );
        assert_eq!(
            call(
                &t,
                &[
                    ("key", "front-as-of".into()),
                    ("time_html", "<time>x</time>".into())
                ]
            ),
            "État au <time>x</time>"
        );
        // A private-use character in a text argument stays itself: placeholders are filled in
        // one pass, so it cannot pull another argument's HTML into the text.
        let args: HashMap<String, Value> = [
            ("key", Value::from("card-window")),
            ("start_html", Value::from("\u{E000}\u{E001}\u{E002}")),
            ("end_html", Value::from("<time>b</time>")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let html = t.call(&args).unwrap().as_str().unwrap().to_string();
        assert_eq!(html.matches("<time>b</time>").count(), 1, "{html}");
        assert!(html.contains("\u{E000}\u{E001}\u{E002}"), "{html}");
        let args = [("key".to_string(), Value::from("nope"))].into_iter().collect();
        assert!(t.call(&args).is_err());
    }

    /// A call with arguments is formatted once and then looked up; no text argument can pass
    /// for other arguments, and a call that fails is not kept.
    #[test]
    fn calls_with_arguments_are_kept_by_all_their_arguments() {
        let t = Translate::new(Arc::new(I18n::shipped("en").unwrap()));
        let days = |n: i64| call(&t, &[("key", "bars-days-ago".into()), ("days", n.into())]);
        let (one, ninety) = (days(1), days(90));
        assert_ne!(one, ninety);
        assert_eq!((days(1), days(90)), (one.clone(), ninety.clone()));
        assert_eq!(t.formatted.read().unwrap().len(), 2);

        let since = |start: &str, duration: &str| {
            call(
                &t,
                &[
                    ("key", "card-since".into()),
                    ("start_html", start.into()),
                    ("duration", duration.into()),
                ],
            )
        };
        // Without each text's length, these two would give the same bytes: `duration`, `s`,
        // `D`, `start_html`, `s`, `x`, `start_html`, `s`, `y`.
        let first = since("xstart_htmlsy", "D");
        let second = since("y", "Dstart_htmlsx");
        assert_ne!(first, second);
        assert!(second.starts_with("Since y"), "{second}");
        assert_eq!(since("xstart_htmlsy", "D"), first);

        let bad = [("key", Value::from("bars-days-ago")), ("days", Value::Bool(true))];
        let bad: HashMap<String, Value> = bad.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        assert!(t.call(&bad).is_err());
        assert!(t.call(&bad).is_err());
    }
}
