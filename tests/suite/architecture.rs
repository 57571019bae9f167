//! The one-way rule of ARCHITECTURE.md, read from the code: every module of `src/` stands on
//! a floor, and a module names (`crate::x`) only modules on floors below its own. A new module
//! must be given a floor here and in ARCHITECTURE.md before it can land.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each top-level module of the library and its floor, ground first. The same table, with
/// what each module owns, is in ARCHITECTURE.md.
const FLOORS: &[(&str, u32)] = &[
    // Ground: text and time helpers that know nothing of a status page.
    ("wording", 0),
    ("time", 0),
    ("site_url", 0),
    ("editions", 0),
    ("markdown", 0),
    ("bidi", 0),
    ("escape", 0),
    ("slug", 0),
    ("nesting", 0),
    ("error", 1),
    ("keys", 2),
    ("languages", 2),
    ("site_files", 2),
    ("output", 2),
    ("deployed", 2),
    // The data of config.toml, and the only writer of the output folder.
    ("config", 3),
    ("write", 3),
    // The site as loaded from disk.
    ("content", 4),
    // What is computed from it, and the commands that edit or import it.
    ("status", 5),
    ("authoring", 5),
    ("import", 5),
    ("watch", 5),
    ("i18n", 6),
    ("context", 7),
    ("notify", 7),
    ("probe", 7),
    ("ingest", 7),
    // The renderers.
    ("render", 8),
    ("outputs", 8),
    ("plan", 9),
    ("build", 10),
    ("serve", 11),
    ("cli", 12),
];

fn floor_of(module: &str) -> Option<u32> {
    FLOORS.iter().find(|(m, _)| *m == module).map(|(_, f)| *f)
}

/// The top-level module a file of `src/` belongs to: `src/x.rs` and `src/x/**` are `x`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("a file of src/");
    let first = relative.components().next().expect("a path below src/");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|x| x == "rs") {
            files.push(path);
        }
    }
}

/// `text` without comments and without `#[cfg(test)]` items (a test may reach anywhere).
fn code_only(text: &str) -> String {
    let mut code = String::with_capacity(text.len());
    for line in text.lines() {
        let line = match line.find("//") {
            // Not inside a string: good enough for the `crate::` paths this test looks for.
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        code.push_str(line);
        code.push('\n');
    }
    while let Some(at) = code.find("#[cfg(test)]") {
        let rest = &code[at..];
        // The item runs to its `;` (a `mod tests;`) or to the brace that closes its body.
        let end = match (rest.find(';'), rest.find('{')) {
            (Some(semi), Some(open)) if semi < open => at + semi + 1,
            (_, Some(open)) => {
                let mut depth = 0;
                let mut end = code.len();
                for (i, c) in rest[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = at + open + i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            _ => code.len(),
        };
        code.replace_range(at..end, "");
    }
    code
}

/// Every top-level module `code` names: `crate::x` and each `x` of `crate::{x::…, y}`.
fn named_modules(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for item in inner.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push(name);
            }
        } else {
            found.push(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    found.retain(|name| !name.is_empty());
    found
}

/// Module -> the modules it names, with a file that names each.
fn arrows() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut arrows: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in files {
        let module = module_of(&src, &file);
        let name = file.file_name().unwrap_or_default();
        // The crate's roots declare every module; unit tests live in their own files too.
        if module == "main"
            || module == "lib"
            || name == "tests.rs"
            || file.components().any(|c| c.as_os_str() == "tests")
        {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("a source file is UTF-8");
        for target in named_modules(&code_only(&text)) {
            if target != module {
                arrows
                    .entry(module.clone())
                    .or_default()
                    .entry(target)
                    .or_insert_with(|| file.clone());
            }
        }
    }
    arrows
}

#[test]
fn every_module_names_only_modules_on_lower_floors() {
    let arrows = arrows();
    let mut wrong = Vec::new();
    for (from, targets) in &arrows {
        let Some(from_floor) = floor_of(from) else {
            wrong.push(format!(
                "{from} has no floor: add it to FLOORS and ARCHITECTURE.md"
            ));
            continue;
        };
        for (to, file) in targets {
            match floor_of(to) {
                None => wrong.push(format!("{to} (named in {}) has no floor", file.display())),
                Some(to_floor) if to_floor >= from_floor => wrong.push(format!(
                    "{} names `crate::{to}` (floor {to_floor}) from `{from}` (floor {from_floor}): \
                     arrows run down only",
                    file.display()
                )),
                Some(_) => {}
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_module_of_the_crate_has_a_floor_and_every_floor_a_module() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';'))
        .collect();
    let mut listed: Vec<&str> = FLOORS.iter().map(|(m, _)| *m).collect();
    let mut declared_sorted = declared.clone();
    listed.sort();
    declared_sorted.sort();
    assert_eq!(declared_sorted, listed, "src/lib.rs and FLOORS disagree");
    let architecture =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md")).unwrap();
    for (module, floor) in FLOORS {
        assert!(
            architecture.contains(&format!("| {floor} | `{module}`")),
            "ARCHITECTURE.md has no row `| {floor} | `{module}`` for {module}"
        );
    }
}

#[test]
fn the_rule_catches_an_arrow_that_runs_up() {
    // The checks above must be able to fail: a ground-floor file naming the CLI is caught.
    let code =
        code_only("use crate::cli::run; // crate::serve\n#[cfg(test)]\nmod tests { use crate::build; }\n");
    assert_eq!(named_modules(&code), ["cli"]);
    assert_eq!(
        named_modules("use crate::{content::Site, error::Result};"),
        ["content", "error"]
    );
    assert!(floor_of("cli") > floor_of("time"));
}
