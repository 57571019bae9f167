//! `status_of(s=...)`: the HTML of the theme's `status` macro for a status, rendered once per
//! build for each status the site can show, then handed out by the Tera function.
//!
//! A status (icon and words) is the most repeated piece of a site: every row of the history
//! and of the component pages has one, every incident page several. Through the macro each
//! costs Tera two macro calls and an `if` chain, about a tenth of a 10,000-incident build; the
//! function looks the same HTML up. It is the macro's own output, so a theme that restyles
//! `status` in its macros.html gets its version everywhere.

use std::collections::HashMap;

use tera::{Context, Tera, Value};

use super::view::StatusView;

/// The one-off template that renders the macro, with the theme's escaping (`.html`).
const TEMPLATE_NAME: &str = "__beacon_status_of.html";
const TEMPLATE: &str = r#"{% import "macros.html" as m %}{{ m::status(s=s) }}"#;

/// The function templates call; see the module's documentation.
pub struct StatusOf {
    /// (key, label, the macro's HTML) of each status; or why the macro could not render, which
    /// a call then reports where the template asks for a status. A dozen statuses at most: a
    /// list searched in order costs less per call than hashing a key made of two new strings.
    rendered: Result<Vec<(String, String, String)>, String>,
}

impl StatusOf {
    /// Renders `macros.html`'s `status` for each of `statuses` with `tera` (the theme's).
    pub fn render(tera: &mut Tera, statuses: &[StatusView]) -> StatusOf {
        let rendered = tera
            .add_raw_template(TEMPLATE_NAME, TEMPLATE)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                statuses
                    .iter()
                    .map(|s| {
                        let mut context = Context::new();
                        context.insert("s", s);
                        let html = tera
                            .render(TEMPLATE_NAME, &context)
                            // The macro's own problem is usually a cause, not the error.
                            .map_err(|e| super::template_error::chain_messages(&e).join(": "))?;
                        Ok((s.key.to_string(), s.label.to_string(), html))
                    })
                    .collect()
            });
        StatusOf { rendered }
    }
}

impl tera::Function for StatusOf {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let field = |name: &str| args.get("s").and_then(|s| s.get(name)).and_then(Value::as_str);
        let (Some(key), Some(label)) = (field("key"), field("label")) else {
            return Err(
                "status_of() needs `s`, a status (`{key, label}`), e.g. status_of(s=i.status)".into(),
            );
        };
        let rendered = self
            .rendered
            .as_ref()
            .map_err(|problem| format!("status_of(): the `status` macro of macros.html failed: {problem}"))?;
        match rendered.iter().find(|(k, l, _)| k == key && l == label) {
            Some((_, _, html)) => Ok(Value::String(html.clone())),
            None => Err(format!("status_of(): `{key}` / `{label}` is not a status this site shows").into()),
        }
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;
    use crate::render::view::every_status;
    use tera::Function;

    fn tera_with(macros: &str) -> Tera {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.add_raw_template("macros.html", macros).unwrap();
        tera
    }

    fn call(f: &StatusOf, s: &StatusView) -> tera::Result<Value> {
        let args = HashMap::from([("s".to_string(), serde_json::to_value(s).unwrap())]);
        f.call(&args)
    }

    #[test]
    fn every_status_gets_the_macros_html() {
        let i18n = I18n::shipped("fr").unwrap();
        let statuses = every_status(&i18n);
        let mut tera = tera_with(
            r#"{% macro status(s) %}<b class="{{ s.key }}">{{ s.label }}</b>{% endmacro status %}"#,
        );
        let status_of = StatusOf::render(&mut tera, &statuses);
        for s in &statuses {
            assert_eq!(
                call(&status_of, s).unwrap(),
                Value::String(format!("<b class=\"{}\">{}</b>", s.key, s.label))
            );
        }
        let stranger = StatusView {
            key: "operational",
            label: "<not a label>",
        };
        assert!(call(&status_of, &stranger).is_err());
    }

    #[test]
    fn a_macros_html_without_status_fails_where_a_status_is_asked_for() {
        let i18n = I18n::shipped("en").unwrap();
        let statuses = every_status(&i18n);
        let mut tera = tera_with("{% macro other() %}x{% endmacro other %}");
        let status_of = StatusOf::render(&mut tera, &statuses);
        let error = call(&status_of, &statuses[0]).unwrap_err().to_string();
        assert!(error.contains("`status` macro"), "{error}");
    }
}
