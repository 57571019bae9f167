//! The theme: Tera templates and static files, layered. For templates, the site's `templates/`
//! beats `themes/<theme>/templates/`, which beats the default theme compiled into the binary;
//! for static files, the site's `static/` beats `themes/<theme>/static/`, which beats the
//! embedded default. Template problems become diagnostics naming the template file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use tera::{Context, Tera};

use super::template_error::{named_template, template_diagnostic};
use crate::error::{Diagnostic, Error, Result};

/// The default theme's templates, compiled in from `themes/default/` (the one source of truth).
const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "component.html",
        include_str!("../../themes/default/templates/component.html"),
    ),
    (
        "history.html",
        include_str!("../../themes/default/templates/history.html"),
    ),
    (
        "incident.html",
        include_str!("../../themes/default/templates/incident.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "macros.html",
        include_str!("../../themes/default/templates/macros.html"),
    ),
    (
        "page.html",
        include_str!("../../themes/default/templates/page.html"),
    ),
    (
        "uptime.html",
        include_str!("../../themes/default/templates/uptime.html"),
    ),
    (
        "subscribe.html",
        include_str!("../../themes/default/templates/subscribe.html"),
    ),
    (
        "embed.html",
        include_str!("../../themes/default/templates/embed.html"),
    ),
];

/// The default theme's static files.
const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    ("stale.js", include_bytes!("../../themes/default/static/stale.js")),
    (
        "history-filter.js",
        include_bytes!("../../themes/default/static/history-filter.js"),
    ),
    (
        "local-time.js",
        include_bytes!("../../themes/default/static/local-time.js"),
    ),
];

/// Parsed templates, and where each came from (for error messages). Loaded once per build;
/// each language's edition renders with a copy that speaks its language.
#[derive(Clone)]
pub struct Theme {
    tera: Tera,
    /// Template name -> the file as the user knows it (`templates/index.html`,
    /// `themes/default/templates/index.html`, or `(built-in default theme) index.html`).
    sources: BTreeMap<String, String>,
    /// Template name -> its text, to point at the spot a render error names.
    texts: BTreeMap<String, String>,
}

impl Theme {
    /// Loads the templates of theme `name` for the site under `root`.
    pub fn load(root: &Path, name: &str) -> Result<Theme> {
        let theme_dir = theme_dir(root, name)?;
        let mut templates: BTreeMap<String, (String, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, text)| {
                (
                    n.to_string(),
                    (format!("(built-in default theme) {n}"), text.to_string()),
                )
            })
            .collect();
        if let Some(dir) = &theme_dir {
            read_layer(root, &format!("{dir}/templates"), &mut templates, to_text)?;
        }
        read_layer(root, "templates", &mut templates, to_text)?;

        let sources: BTreeMap<String, String> = templates
            .iter()
            .map(|(n, (src, _))| (n.clone(), src.clone()))
            .collect();
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".htm", ".xml"]);
        tera.set_escape_fn(|text| crate::escape::escape_html(text).into_owned());
        // `| escape` escapes the same way (no `&#x2F;` either), for macros rendered unescaped.
        tera.register_filter("escape", EscapeFilter);
        let added =
            tera.add_raw_templates(templates.iter().map(|(n, (_, text))| (n.as_str(), text.as_str())));
        if let Err(error) = added {
            // Parse every template on its own so one run reports each broken file.
            let mut problems: Vec<Diagnostic> = templates
                .iter()
                .filter_map(|(n, (src, text))| {
                    tera::Template::new(n, None, text).err().map(|e| (src, text, e))
                })
                .map(|(src, text, e)| template_diagnostic(src, Some(text), &e))
                .collect();
            if problems.is_empty() {
                let source = named_template(&error, &sources).map_or("templates", |(_, s)| s.as_str());
                problems.push(template_diagnostic(source, None, &error));
            }
            return Err(Error::Content(problems));
        }
        let texts = templates.into_iter().map(|(n, (_, text))| (n, text)).collect();
        Ok(Theme { tera, sources, texts })
    }

    /// A hash of every template's text, for the hashes of what a page is made from.
    pub fn fingerprint(&self) -> u128 {
        use std::hash::Hash;
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        self.texts.hash(&mut h);
        h.digest128()
    }

    /// Gives templates the `t()` function in `i18n`'s language (see [`crate::i18n::template`]).
    /// Each `{{ }}` that writes the same on every page becomes that HTML here, once for the
    /// edition: `shared` is the context every page starts from, and `names` the names of its
    /// values, which no page gives values of its own (see [`super::fold`]).
    pub fn speak(&mut self, i18n: std::sync::Arc<crate::i18n::I18n>, shared: &Context, names: &[&str]) {
        self.tera
            .register_function("t", crate::i18n::template::Translate::new(i18n));
        super::fold::constant_outputs(&mut self.tera, "t", shared, names);
    }

    /// Gives templates `status_of()`: the `status` macro's HTML for each of `statuses`,
    /// rendered now (see [`super::status_html`]). After [`Theme::speak`], which the macro may use.
    pub fn render_statuses(&mut self, statuses: &[super::view::StatusView]) {
        let status_of = super::status_html::StatusOf::render(&mut self.tera, statuses);
        self.tera.register_function("status_of", status_of);
    }

    /// Renders `template` into bytes; a failure names the template's file.
    ///
    /// Through `render_to` rather than `render`: Tera's `render` writes into a 2,000-byte buffer
    /// that grows (an incident's page is about 7,000 bytes) and then checks the whole page for
    /// UTF-8 again, which the output, bytes, does not need (Tera writes only `str`s).
    pub fn render(&self, template: &str, context: &Context) -> std::result::Result<Vec<u8>, Diagnostic> {
        let mut page = Vec::with_capacity(PAGE_CAPACITY);
        self.tera
            .render_to(template, context, &mut page)
            .map(|()| page)
            .map_err(|e| {
                let (source, text) = named_template(&e, &self.sources)
                    .map_or((template, None), |(name, source)| {
                        (source.as_str(), self.texts.get(name).map(String::as_str))
                    });
                template_diagnostic(source, text, &e)
            })
    }
}

/// The room a page is rendered into at first: an incident's page fits, a longer page grows it.
const PAGE_CAPACITY: usize = 12 * 1024;

/// The static files of theme `name` with the site's `static/` on top, by output path.
pub fn load_static(root: &Path, name: &str) -> Result<BTreeMap<String, Vec<u8>>> {
    // The built-in files are the bottom layer for every theme, as its templates are: a theme
    // that overrides only some templates still gets the stylesheet they link to.
    let mut files: BTreeMap<String, (String, Vec<u8>)> = DEFAULT_STATIC
        .iter()
        .map(|(path, bytes)| (path.to_string(), (String::new(), bytes.to_vec())))
        .collect();
    if let Some(dir) = theme_dir(root, name)? {
        read_layer(root, &format!("{dir}/static"), &mut files, |_, b| Ok(b))?;
    }
    Ok(files.into_iter().map(|(k, (_, bytes))| (k, bytes)).collect())
}

/// The site's own `static/` folder, by output path.
pub fn load_site_static(root: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    read_layer(root, "static", &mut files, |_, b| Ok(b))?;
    Ok(files.into_iter().map(|(k, (_, bytes))| (k, bytes)).collect())
}

/// `themes/<name>` (relative to the root) if that folder exists. A missing folder is fine for
/// `default` (it is built in) and a content error in config.toml for any other name. The name
/// is one folder name (config.toml checks it), so the theme is always inside `themes/`.
fn theme_dir(root: &Path, name: &str) -> Result<Option<String>> {
    if !crate::config::is_theme_name(name) {
        // config.toml refuses such a name; this guards callers that did not read it from there.
        return Err(Error::Usage(format!(
            "theme `{name}` is not a folder name inside themes/"
        )));
    }
    let dir = format!("themes/{name}");
    if root.join(&dir).is_dir() {
        return Ok(Some(dir));
    }
    if name == "default" {
        return Ok(None);
    }
    // `content::load_config` refuses a config naming a missing theme, where it can point at
    // the line; this is a site whose folder went away since.
    Err(Error::Usage(format!(
        "theme `{name}` not found: there is no folder themes/{name}/ (the built-in theme is `default`)"
    )))
}

/// Reads every file below `root/dir` into `files` (relative path with `/` -> (display path,
/// value)), replacing what a lower layer put there. Hidden files are skipped, and nothing
/// outside the site is read (see [`crate::site_files`]).
fn read_layer<T>(
    root: &Path,
    dir: &str,
    files: &mut BTreeMap<String, (String, T)>,
    convert: impl Fn(&Path, Vec<u8>) -> Result<T>,
) -> Result<()> {
    let listed = crate::site_files::list(root, dir)?;
    let dir = root.join(dir);
    for path in listed {
        let path = path.as_path();
        let relative = path
            .strip_prefix(&dir)
            .expect("the listing holds paths below its folder")
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let display = path.strip_prefix(root).unwrap_or(path);
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let value = convert(display, bytes)?;
        files.insert(relative, (display.display().to_string(), value));
    }
    Ok(())
}

fn to_text(display: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes)
        .map_err(|_| Error::Content(vec![Diagnostic::file(display, "template is not valid UTF-8")]))
}

/// Tera's `escape` filter with the theme's escaping. Templates need it where Tera does not
/// autoescape: inside macros whose output is an `_html` argument of `t()`, which Tera renders
/// with escaping off (it evaluates function arguments unescaped).
struct EscapeFilter;

impl tera::Filter for EscapeFilter {
    fn filter(
        &self,
        value: &tera::Value,
        _: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let text = match value {
            tera::Value::String(s) => crate::escape::escape_html(s).into_owned(),
            other => crate::escape::escape_html(&other.to_string()).into_owned(),
        };
        Ok(tera::Value::String(text))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Names of the templates every theme has (at least through the built-in fallback).
pub fn template_names() -> BTreeSet<&'static str> {
    DEFAULT_TEMPLATES.iter().map(|(n, _)| *n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tera (vendor/tera, patched) finds a value by a path whose parts hold `/` or `~`, which
    /// it escapes as `~1` and `~0` and unescapes again, as well as by plain parts, borrowed.
    #[test]
    fn template_paths_find_keys_with_slashes_and_tildes() {
        let mut tera = tera::Tera::default();
        tera.add_raw_template(
            "t",
            r#"{{ m.plain.deep }}|{{ m["a/b"] }}|{{ m["a~b"] }}|{% for x in l %}{{ x.k }}{% endfor %}"#,
        )
        .unwrap();
        let mut context = tera::Context::new();
        context.insert(
            "m",
            &serde_json::json!({"plain": {"deep": "p"}, "a/b": "slash", "a~b": "tilde"}),
        );
        context.insert("l", &serde_json::json!([{"k": 1}, {"k": 2}]));
        assert_eq!(tera.render("t", &context).unwrap(), "p|slash|tilde|12");
    }

    // Protects the "one source of truth" rule: every file of themes/default/ is compiled in.
    #[test]
    fn embedded_default_theme_lists_every_file_of_themes_default() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        for (sub, embedded) in [
            ("templates", template_names()),
            ("static", DEFAULT_STATIC.iter().map(|(n, _)| *n).collect()),
        ] {
            let mut on_disk = BTreeMap::new();
            read_layer(&dir, sub, &mut on_disk, |_, b| Ok(b)).unwrap();
            let on_disk: BTreeSet<&str> = on_disk.keys().map(String::as_str).collect();
            assert_eq!(
                on_disk, embedded,
                "themes/default/{sub} and the embedded list differ"
            );
        }
    }

    #[test]
    fn parse_errors_name_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::write(
            dir.path().join("templates/page.html"),
            "line one\n<p>{{ oops( }}</p>\n",
        )
        .unwrap();
        let Err(Error::Content(problems)) = Theme::load(dir.path(), "default") else {
            panic!("expected a content error");
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        let d = &problems[0];
        assert_eq!(d.path, Path::new("templates/page.html"));
        assert_eq!(d.line, 2);
        assert!(d.message.starts_with("template error: expected"), "{}", d.message);
    }
}
