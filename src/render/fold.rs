//! Folds what the templates write the same on every page of a language edition into text,
//! once, when the edition's copy of the templates learns its language.
//!
//! The page frame writes a few dozen such values on every page: `t(key="skip-to-content")`,
//! the footer's `t(key="footer-time-zone", zone=site.timezone)` and its "status as of" with
//! the `time` macro of `site.now`, `site.title`, `site.versions | get(key="style.css")`. In
//! Tera each costs hundreds of instructions (a lookup, a copy to escape) to thousands (a
//! function's argument map of new strings; a macro call more): together about a tenth of a
//! cold build. Folded, the template holds the HTML as text, which Tera copies as it is.
//!
//! A `{{ }}` is folded when what it reads is closed: literals, `site` (the one value every
//! page's context starts from, [`constant_outputs`]' `shared`), what `t()` and `range()` make of
//! closed arguments, and what a macro makes of closed arguments when its body reads nothing
//! but its arguments and what it binds itself. Each is rendered by Tera itself, through a
//! one-off template that imports the same macros and escapes as the pages do, with the shared
//! values as its context: the HTML is what the page would get. Something that fails to render
//! is left in place, so the page that reaches it fails as before, naming its template.
//!
//! Left alone:
//! - a `{{ }}` that reads `site` when any template gives that name a value of its own (`set`,
//!   a `for` loop's variable, a macro's argument);
//! - in a macro's body, and in a template a macro includes, all but a `{{ t(…) }}` alone that
//!   does not read `site`: a macro's text is escaped or not by where it is called (Tera renders
//!   a function's arguments unescaped), and `status_of` renders the `status` macro without the
//!   page's context;
//! - anything but a `t()` call alone when the templates do not all escape alike (by their
//!   names, `.html` or not), since the page's template decides (`t()` is safe: never escaped).
//!
//! It reads and rewrites Tera's parsed templates (`tera::ast`, which Tera keeps out of its
//! stable API), so `Cargo.toml` asks for tera `=1.20.1`: the version this is written against.

use std::collections::{HashMap, HashSet};

use tera::ast::{Expr, ExprVal, FunctionCall, Node, WS};
use tera::{Context, Template, Tera};

/// The functions whose result depends on their arguments alone, in an edition. Filters are
/// all taken as such: beacon registers only `escape`, and Tera's own are.
const PURE: &[&str] = &["t", "range"];

/// The one-off template a value is rendered through (with the pages' extension when they
/// autoescape).
const ONE_OFF: &str = "__beacon_fold";

/// Replaces, in every template of `tera`, each closed `{{ }}` with the HTML it renders to (see
/// the module's documentation). `shared` is the context every page's starts from, and `names`
/// the names of its values, which no page gives values of its own; `function`, registered and
/// pure (one of `PURE`), is the safe function whose calls alone fold in macros too (`t`).
pub fn constant_outputs(tera: &mut Tera, function: &str, shared: &Context, names: &[&str]) {
    let escapes: Vec<bool> = tera.templates.values().map(|t| autoescapes(tera, t)).collect();
    let escape = escapes.first().copied().unwrap_or(false);
    let alike = escapes.iter().all(|&e| e == escape);
    let one_off = match tera.autoescape_suffixes.first() {
        Some(suffix) if escape => format!("{ONE_OFF}{suffix}"),
        _ => ONE_OFF.to_string(),
    };
    if tera.templates.contains_key(&one_off) || !PURE.contains(&function) {
        return;
    }
    let shared_names: &[&str] = if binds_any(tera, names) { &[] } else { names };
    // A template a macro includes renders where the macro does: its nodes count as a macro's.
    let in_macros = included_by_macros(tera);
    let as_macro = |file: &str| in_macros.contains(file);
    // Everything that can be folded, as it stands in the templates, by `key`.
    let mut closed: HashMap<Key, Expr> = HashMap::new();
    let reader = Reader { tera };
    for (name, template) in &tera.templates {
        let mut found = |nodes: &[Node], file: &str, in_macro: bool| {
            for_each_output(nodes, in_macro, &mut |expr, in_macro| {
                let shared = match (in_macro, call_alone(expr, function)) {
                    (false, Some(_)) => shared_names,
                    (false, None) if alike => shared_names,
                    (true, Some(_)) => &[][..],
                    _ => return,
                };
                let key = key(file, in_macro, expr);
                if !closed.contains_key(&key) && reader.expr_closed(expr, &Scope::new(shared), file, 0) {
                    closed.insert(key, expr.clone());
                }
            })
        };
        found(&template.ast, name, as_macro(name));
        for (file, block) in template.blocks_definitions.values().flatten() {
            found(&block.body, file, as_macro(file));
        }
        for definition in template.macros.values() {
            found(&definition.body, name, true);
        }
    }
    let folded: HashMap<Key, String> = closed
        .into_iter()
        .filter_map(|(key, expr)| {
            let html = render_one_off(tera, &one_off, &key.0, &expr, shared)?;
            Some((key, html))
        })
        .collect();
    if folded.is_empty() {
        return;
    }
    let fold = |nodes: &mut Vec<Node>, file: &str, in_macro: bool| replace(nodes, file, in_macro, &folded);
    for (name, template) in tera.templates.iter_mut() {
        fold(&mut template.ast, name, as_macro(name));
        for (file, block) in template.blocks_definitions.values_mut().flatten() {
            fold(&mut block.body, file, as_macro(file));
        }
        for block in template.blocks.values_mut() {
            fold(&mut block.body, name, as_macro(name));
        }
        for definition in template.macros.values_mut() {
            fold(&mut definition.body, name, true);
        }
    }
}

/// A `{{ }}` as it stands in the templates: the template whose macros it may name, whether it
/// is inside a macro, and its expression written out (`Debug`). Two that print the same are the
/// same; a copy that printed its arguments in another order would only be left unfolded. A
/// hash-map key: comparing each `{{ }}` with each took a template of 40,000 of them 36 s.
type Key = (String, bool, String);

fn key(file: &str, in_macro: bool, expr: &Expr) -> Key {
    (file.to_string(), in_macro, format!("{expr:?}"))
}

/// Whether Tera autoescapes a page rendered from `template` (by its path, else its name).
fn autoescapes(tera: &Tera, template: &Template) -> bool {
    let name = template.path.as_deref().unwrap_or(&template.name);
    tera.autoescape_suffixes
        .iter()
        .any(|suffix| name.ends_with(suffix))
}

/// What `{{ expr }}` renders to in `file` (whose macros it may call) with `shared` as the
/// page's context, through the one-off template `name`; `None` when it fails.
fn render_one_off(tera: &mut Tera, name: &str, file: &str, expr: &Expr, shared: &Context) -> Option<String> {
    let source = tera.templates.get(file)?;
    let mut one_off = Template::new(name, None, "").ok()?;
    one_off.ast = vec![Node::VariableBlock(WS::default(), expr.clone())];
    // Importing `file` as `self` gives the one-off `file`'s macros as `self`, and every other
    // namespace `file` knows (Tera merges the imported file's own), without copying a macro.
    one_off.imported_macro_files = vec![(source.name.clone(), "self".to_string())];
    tera.templates.insert(name.to_string(), one_off);
    let html = tera.render(name, shared).ok();
    tera.templates.remove(name);
    html
}

/// Calls `each` with every `{{ }}` of `nodes` and whether it stands in a macro (`in_macro`, or
/// a macro defined in `nodes`).
fn for_each_output(nodes: &[Node], in_macro: bool, each: &mut dyn FnMut(&Expr, bool)) {
    for node in nodes {
        if let Node::VariableBlock(_, expr) = node {
            each(expr, in_macro);
        }
        let in_macro = in_macro || matches!(node, Node::MacroDefinition(..));
        for body in bodies(node) {
            for_each_output(body, in_macro, each);
        }
    }
}

/// Puts the HTML of each of `folded` in place of its `{{ }}` in `nodes`.
fn replace(nodes: &mut [Node], file: &str, in_macro: bool, folded: &HashMap<Key, String>) {
    for node in nodes {
        if let Node::VariableBlock(_, expr) = node {
            if let Some(html) = folded.get(&key(file, in_macro, expr)) {
                *node = Node::Text(html.clone());
            }
            continue;
        }
        let in_macro = in_macro || matches!(node, Node::MacroDefinition(..));
        for body in bodies_mut(node) {
            replace(body, file, in_macro, folded);
        }
    }
}

/// The call of `function` that `expr` is, with nothing done to its result.
fn call_alone<'e>(expr: &'e Expr, function: &str) -> Option<&'e FunctionCall> {
    match &expr.val {
        ExprVal::FunctionCall(call) if call.name == function && !expr.negated && expr.filters.is_empty() => {
            Some(call)
        }
        _ => None,
    }
}

/// The node lists a node holds (a block's, a loop's, each branch of an `if`...).
fn bodies(node: &Node) -> Vec<&Vec<Node>> {
    match node {
        Node::MacroDefinition(_, definition, _) => vec![&definition.body],
        Node::FilterSection(_, section, _) => vec![&section.body],
        Node::Block(_, block, _) => vec![&block.body],
        Node::Forloop(_, forloop, _) => std::iter::once(&forloop.body)
            .chain(&forloop.empty_body)
            .collect(),
        Node::If(branches, _) => branches
            .conditions
            .iter()
            .map(|(_, _, body)| body)
            .chain(branches.otherwise.as_ref().map(|(_, body)| body))
            .collect(),
        _ => Vec::new(),
    }
}

fn bodies_mut(node: &mut Node) -> Vec<&mut Vec<Node>> {
    match node {
        Node::MacroDefinition(_, definition, _) => vec![&mut definition.body],
        Node::FilterSection(_, section, _) => vec![&mut section.body],
        Node::Block(_, block, _) => vec![&mut block.body],
        Node::Forloop(_, forloop, _) => std::iter::once(&mut forloop.body)
            .chain(&mut forloop.empty_body)
            .collect(),
        Node::If(branches, _) => branches
            .conditions
            .iter_mut()
            .map(|(_, _, body)| body)
            .chain(branches.otherwise.as_mut().map(|(_, body)| body))
            .collect(),
        _ => Vec::new(),
    }
}

/// The templates a macro includes, and those they include in turn.
fn included_by_macros(tera: &Tera) -> HashSet<String> {
    fn includes(nodes: &[Node], found: &mut Vec<String>) {
        for node in nodes {
            if let Node::Include(_, names, _) = node {
                found.extend(names.iter().cloned());
            }
            for body in bodies(node) {
                includes(body, found);
            }
        }
    }
    let mut to_read = Vec::new();
    for template in tera.templates.values() {
        for definition in template.macros.values() {
            includes(&definition.body, &mut to_read);
        }
    }
    let mut found = HashSet::new();
    while let Some(name) = to_read.pop() {
        if let Some(template) = tera.templates.get(&name).filter(|_| !found.contains(&name)) {
            includes(&template.ast, &mut to_read);
        }
        found.insert(name);
    }
    found
}

/// Whether any template gives one of `names` a value of its own: `set`, a `for` loop's
/// variable, a macro's argument.
fn binds_any(tera: &Tera, names: &[&str]) -> bool {
    fn binds(nodes: &[Node], names: &[&str]) -> bool {
        nodes.iter().any(|node| {
            let here = match node {
                Node::Set(_, set) => names.contains(&set.key.as_str()),
                Node::Forloop(_, forloop, _) => {
                    names.contains(&forloop.value.as_str())
                        || forloop.key.as_deref().is_some_and(|key| names.contains(&key))
                }
                Node::MacroDefinition(_, definition, _) => {
                    definition.args.keys().any(|arg| names.contains(&arg.as_str()))
                }
                _ => false,
            };
            here || bodies(node).into_iter().any(|body| binds(body, names))
        })
    }
    tera.templates.values().any(|template| {
        binds(&template.ast, names)
            || template.macros.values().any(|definition| {
                definition.args.keys().any(|arg| names.contains(&arg.as_str()))
                    || binds(&definition.body, names)
            })
            || template
                .blocks_definitions
                .values()
                .flatten()
                .any(|(_, block)| binds(&block.body, names))
    })
}

/// Reads templates to tell whether an expression is closed (see the module's documentation).
#[derive(Clone, Copy)]
struct Reader<'t> {
    tera: &'t Tera,
}

/// How deep macros may call macros before a call counts as not closed (recursion).
const MACRO_DEPTH: usize = 8;

impl Reader<'_> {
    fn expr_closed(&self, expr: &Expr, scope: &Scope, file: &str, depth: usize) -> bool {
        expr.filters
            .iter()
            .all(|filter| self.args_closed(filter.args.values(), scope, file, depth))
            && self.val_closed(&expr.val, scope, file, depth)
    }

    fn args_closed<'e>(
        &self,
        mut args: impl Iterator<Item = &'e Expr>,
        scope: &Scope,
        file: &str,
        depth: usize,
    ) -> bool {
        args.all(|arg| self.expr_closed(arg, scope, file, depth))
    }

    fn val_closed(&self, val: &ExprVal, scope: &Scope, file: &str, depth: usize) -> bool {
        let closed = |expr: &Expr| self.expr_closed(expr, scope, file, depth);
        match val {
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => true,
            ExprVal::Ident(path) => scope.reads(path),
            ExprVal::Math(math) => closed(&math.lhs) && closed(&math.rhs),
            ExprVal::Logic(logic) => closed(&logic.lhs) && closed(&logic.rhs),
            ExprVal::In(within) => closed(&within.lhs) && closed(&within.rhs),
            ExprVal::Test(test) => scope.reads(&test.ident) && test.args.iter().all(closed),
            ExprVal::FunctionCall(call) => {
                PURE.contains(&call.name.as_str()) && self.args_closed(call.args.values(), scope, file, depth)
            }
            ExprVal::MacroCall(call) => {
                self.args_closed(call.args.values(), scope, file, depth)
                    && self.macro_closed(file, &call.namespace, &call.name, depth + 1)
            }
            ExprVal::Array(items) => items.iter().all(closed),
            ExprVal::StringConcat(concat) => concat
                .values
                .iter()
                .all(|val| self.val_closed(val, scope, file, depth)),
        }
    }

    /// Whether macro `namespace::name`, called in `file`, reads nothing but its arguments.
    /// Its namespace is looked up as Tera looks it up first (`self`, then `file`'s imports); a
    /// macro only a parent template imports is not followed.
    fn macro_closed(&self, file: &str, namespace: &str, name: &str, depth: usize) -> bool {
        if depth > MACRO_DEPTH {
            return false;
        }
        let Some(template) = self.tera.templates.get(file) else {
            return false;
        };
        let macro_file = if namespace == "self" {
            Some(file)
        } else {
            template
                .imported_macro_files
                .iter()
                .find(|(_, ns)| ns == namespace)
                .map(|(imported, _)| imported.as_str())
        };
        let Some(definition) = macro_file
            .and_then(|f| self.tera.templates.get(f))
            .and_then(|t| t.macros.get(name))
        else {
            return false;
        };
        let macro_file = macro_file.expect("found above");
        // Defaults are evaluated where the macro is called, before its arguments exist.
        let defaults_closed = definition
            .args
            .values()
            .flatten()
            .all(|default| self.expr_closed(default, &Scope::new(&[]), file, depth));
        let mut scope = Scope::new(&[]);
        scope.bound.extend(definition.args.keys().cloned());
        defaults_closed && self.nodes_closed(&definition.body, &mut scope, macro_file, depth)
    }

    fn nodes_closed(&self, nodes: &[Node], scope: &mut Scope, file: &str, depth: usize) -> bool {
        nodes.iter().all(|node| match node {
            Node::Text(_) | Node::Raw(..) | Node::Comment(..) | Node::Break(_) | Node::Continue(_) => true,
            Node::VariableBlock(_, expr) => self.expr_closed(expr, scope, file, depth),
            // A global `set` would reach the frame of the page that called the macro.
            Node::Set(_, set) if !set.global => {
                let closed = self.expr_closed(&set.value, scope, file, depth);
                scope.bound.push(set.key.clone());
                closed
            }
            Node::Forloop(_, forloop, _) => {
                if !self.expr_closed(&forloop.container, scope, file, depth) {
                    return false;
                }
                let before = scope.bound.len();
                scope.bound.extend(forloop.key.iter().cloned());
                scope.bound.push(forloop.value.clone());
                scope.bound.push("loop".to_string());
                let closed = self.nodes_closed(&forloop.body, scope, file, depth)
                    && forloop
                        .empty_body
                        .as_ref()
                        .is_none_or(|body| self.nodes_closed(body, scope, file, depth));
                scope.bound.truncate(before);
                closed
            }
            Node::If(branches, _) => {
                branches.conditions.iter().all(|(_, condition, body)| {
                    self.expr_closed(condition, scope, file, depth)
                        && self.nodes_closed(body, scope, file, depth)
                }) && branches
                    .otherwise
                    .as_ref()
                    .is_none_or(|(_, body)| self.nodes_closed(body, scope, file, depth))
            }
            Node::FilterSection(_, section, _) => {
                self.args_closed(section.filter.args.values(), scope, file, depth)
                    && self.nodes_closed(&section.body, scope, file, depth)
            }
            _ => false,
        })
    }
}

/// The names an expression may read where it stands: what the macro or loop around it binds,
/// and the shared values.
struct Scope<'s> {
    bound: Vec<String>,
    shared: &'s [&'s str],
}

impl<'s> Scope<'s> {
    fn new(shared: &'s [&'s str]) -> Scope<'s> {
        Scope {
            bound: Vec::new(),
            shared,
        }
    }

    /// Whether a lookup of `path` reads only what this scope may read. A path with brackets
    /// looks up what is inside them too, so it is not followed.
    fn reads(&self, path: &str) -> bool {
        if path.contains('[') {
            return false;
        }
        let first = path.split('.').next().unwrap_or(path);
        self.bound.iter().any(|name| name == first) || self.shared.contains(&first)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::error::Error as _;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use tera::{Function, Value};

    use super::*;

    /// `t()` for the tests: "key(name=value,...)", arguments in name order; fails on
    /// `key="fail"`. Counts its calls.
    #[derive(Clone, Default)]
    struct Words(Arc<AtomicUsize>);

    impl Function for Words {
        fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
            self.0.fetch_add(1, Ordering::Relaxed);
            let key = args["key"].as_str().unwrap_or_default();
            if key == "fail" {
                return Err("no such message".into());
            }
            let mut named: Vec<_> = args.iter().filter(|(name, _)| *name != "key").collect();
            named.sort_by_key(|(name, _)| *name);
            let named: Vec<String> = named
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            Ok(Value::String(format!("{key}({})", named.join(","))))
        }

        fn is_safe(&self) -> bool {
            true
        }
    }

    impl Words {
        fn calls(&self) -> usize {
            self.0.load(Ordering::Relaxed)
        }
    }

    const MACROS: &str = r#"{% macro time(t) %}<time>{{ t }}</time>{% endmacro time %}
{% macro peek(v) %}{{ v }}{{ page.title }}{% endmacro peek %}
{% macro inside() %}{{ t(key="lit") }}{{ t(key="zone", zone=site.tz) }}{% endmacro inside %}
{% macro count(n) %}{% for i in range(end=n) %}{{ i }}{% set last = loop.index %}{% endfor %}{% endmacro count %}"#;

    const BASE: &str = r#"{% import "macros.html" as m %}<p>{{ t(key="lit") }}|{{ t(key="zone", zone=site.tz) }}|{{ t(key="as-of", time_html=m::time(t=site.now)) }}|{{ t(key="peek", v_html=m::peek(v="x")) }}|{{ t(key="page", title=page.title) }}|{{ t(key="lit") | upper }}|{{ not t(key="lit") }}|{{ t(key="count", l_html=m::count(n=2)) }}|{{ t(key="nested", inner=t(key="lit")) }}|{{ m::inside() }}|{{ site.name }}|{{ m::time(t=site.now) }}</p>{% block main %}{% endblock main %}"#;

    const PAGE: &str = r#"{% extends "base.html" %}{% block main %}{% for x in [1, 2] %}{{ t(key="lit") }}{{ t(key="n", n=x) }}{% endfor %}{% endblock main %}"#;

    /// The templates, with `t` counted by `words`, folded with `shared` when it is given.
    fn tera(words: &Words, extra: &[(&str, &str)], fold: Option<&Context>) -> Tera {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        let mut templates = vec![("macros.html", MACROS), ("base.html", BASE), ("page.html", PAGE)];
        templates.extend(extra);
        tera.add_raw_templates(templates).unwrap();
        tera.register_function("t", words.clone());
        if let Some(shared) = fold {
            constant_outputs(&mut tera, "t", shared, &["site"]);
        }
        tera
    }

    fn contexts() -> (Context, Context) {
        let mut shared = Context::new();
        shared.insert(
            "site",
            &serde_json::json!({"tz": "Europe/Paris", "now": "<9 May>", "name": "A<B"}),
        );
        let mut page = shared.clone();
        page.insert("page", &serde_json::json!({"title": "A & B"}));
        (shared, page)
    }

    /// What rendering `name` gives, and how many calls of `t` it made.
    fn render(tera: &Tera, words: &Words, name: &str, context: &Context) -> (tera::Result<String>, usize) {
        let before = words.calls();
        let html = tera.render(name, context);
        (html, words.calls() - before)
    }

    /// How many `{{ }}` are left in `name`'s own nodes (not its macros').
    fn outputs_left(tera: &Tera, name: &str) -> usize {
        let template = &tera.templates[name];
        let mut left = 0;
        for_each_output(&template.ast, false, &mut |_, in_macro| {
            left += usize::from(!in_macro)
        });
        left
    }

    /// Each template renders the same bytes folded as not. Left to render are the `{{ }}` that
    /// read the page (`page.title`, also through a macro), stand in a loop over a variable,
    /// or call a macro that reads `site`; `t()` calls inside a macro that read `site`.
    #[test]
    fn folded_templates_render_the_same_bytes_with_fewer_calls() {
        let (shared, page) = contexts();
        let (plain_words, folded_words) = (Words::default(), Words::default());
        let plain = tera(&plain_words, &[], None);
        let folded = tera(&folded_words, &[], Some(&shared));
        let base_left = 3; // peek, page, and `inside`'s zone
        for (name, left) in [("base.html", base_left), ("page.html", base_left + 2)] {
            let (want, all) = render(&plain, &plain_words, name, &page);
            let (got, made) = render(&folded, &folded_words, name, &page);
            let want = want.unwrap();
            assert_eq!(got.unwrap(), want, "{name}");
            assert_eq!(made, left, "{name}: calls made while rendering, of {all}");
        }
        assert_eq!(outputs_left(&folded, "base.html"), 3, "peek, page, m::inside()");
        let (html, _) = render(&plain, &plain_words, "base.html", &page);
        assert!(
            html.unwrap().starts_with(concat!(
                r#"<p>lit()|zone(zone="Europe/Paris")|as-of(time_html="<time><9 May></time>")|"#,
                r#"peek(v_html="xA & B")|page(title="A & B")|LIT()|false|count(l_html="01")|"#,
                r#"nested(inner="lit()")|lit()zone(zone="Europe/Paris")|A&lt;B|<time>&lt;9 May&gt;</time></p>"#
            )),
            "the spot the test reads"
        );
    }

    /// When the templates do not all escape alike, only `t()` calls alone fold: the page's
    /// template decides whether `site.name` is escaped.
    #[test]
    fn templates_that_escape_differently_fold_only_safe_calls() {
        let (shared, page) = contexts();
        let text = [("plain.txt", r#"{{ site.name }}"#)];
        let (plain_words, folded_words) = (Words::default(), Words::default());
        let plain = tera(&plain_words, &text, None);
        let folded = tera(&folded_words, &text, Some(&shared));
        for name in ["base.html", "plain.txt"] {
            let (want, _) = render(&plain, &plain_words, name, &page);
            let (got, _) = render(&folded, &folded_words, name, &page);
            assert_eq!(got.unwrap(), want.unwrap(), "{name}");
        }
        assert_eq!(
            outputs_left(&folded, "base.html"),
            7,
            "peek, page, upper, not, m::inside(), site.name, m::time()"
        );
        assert_eq!(outputs_left(&folded, "plain.txt"), 1);
    }

    /// A template that gives `site` a value of its own (here a loop's variable) stops every
    /// call that reads `site` from folding, in every template; literal calls still fold.
    #[test]
    fn a_template_that_binds_a_shared_name_keeps_its_readers_unfolded() {
        let (shared, page) = contexts();
        for binding in [
            r#"{% for site in [1] %}{{ site }}{% endfor %}"#,
            r#"{% set site = "x" %}"#,
            r#"{% macro m(site) %}{{ site }}{% endmacro m %}"#,
        ] {
            let words = Words::default();
            let folded = tera(&words, &[("shadow.html", binding)], Some(&shared));
            let (_, made) = render(&folded, &words, "base.html", &page);
            assert_eq!(made, 3 + 2, "{binding}: zone and as-of are left to call too");
            assert_eq!(
                outputs_left(&folded, "base.html"),
                3 + 4,
                "{binding}: and site.name, m::time()"
            );
        }
    }

    /// A template a macro includes renders where the macro does: as a function's argument it
    /// is not escaped, and it folds only as a macro's body does.
    #[test]
    fn a_template_a_macro_includes_folds_as_a_macro_does() {
        let (shared, page) = contexts();
        let extra = [
            (
                "inc.html",
                r#"{{ "a<b" }}{{ site.name }}{% include "deeper.html" %}"#,
            ),
            ("deeper.html", r#"{{ "c<d" }}{{ t(key="lit") }}"#),
            (
                "uses.html",
                r#"{% import "incl.html" as i %}{{ t(key="arg", x_html=i::incl()) }}|{{ i::incl() }}|{% include "inc.html" %}"#,
            ),
            (
                "incl.html",
                r#"{% macro incl() %}{% include "inc.html" %}{% endmacro incl %}"#,
            ),
        ];
        let (plain_words, folded_words) = (Words::default(), Words::default());
        let plain = tera(&plain_words, &extra, None);
        let folded = tera(&folded_words, &extra, Some(&shared));
        let (want, _) = render(&plain, &plain_words, "uses.html", &page);
        let (got, _) = render(&folded, &folded_words, "uses.html", &page);
        let want = want.unwrap();
        assert_eq!(got.unwrap(), want);
        assert_eq!(
            want,
            r#"arg(x_html="a<bA<Bc<dlit()")|a&lt;bA&lt;Bc&lt;dlit()|a&lt;bA&lt;Bc&lt;dlit()"#
        );
        assert_eq!(outputs_left(&folded, "inc.html"), 2, "both, as in a macro");
        assert_eq!(
            outputs_left(&folded, "deeper.html"),
            1,
            "the t() call alone folds"
        );
    }

    /// A call that fails is left in place: the page that reaches it fails as it did, at render.
    #[test]
    fn a_failing_call_is_left_to_fail_at_render() {
        let (shared, page) = contexts();
        let fail = [("fail.html", r#"<p>{{ t(key="fail") }}</p>"#)];
        let (plain_words, folded_words) = (Words::default(), Words::default());
        let plain = tera(&plain_words, &fail, None);
        let folded = tera(&folded_words, &fail, Some(&shared));
        let (want, _) = render(&plain, &plain_words, "fail.html", &page);
        let (got, made) = render(&folded, &folded_words, "fail.html", &page);
        assert_eq!(made, 1);
        let cause = |r: tera::Result<String>| r.unwrap_err().source().map(ToString::to_string);
        assert_eq!(cause(got), cause(want));
    }
}
