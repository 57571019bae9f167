//! The user guide against the program: the command reference and the man pages are generated
//! from the clap definitions and must match what is committed, and every key the config and
//! front-matter loaders accept must appear in their references.
//!
//! After changing a command or flag, regenerate with
//! `UPDATE_DOCS=1 cargo test --test suite docs::` and commit the files it rewrites.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use beacon::cli::Cli;
use clap::{Arg, ArgAction, Command, CommandFactory};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares `text` with the committed `path`, or writes it there when UPDATE_DOCS is set.
fn generated(path: &Path, text: &[u8]) {
    if std::env::var_os("UPDATE_DOCS").is_some() {
        fs::create_dir_all(path.parent().expect("a parent folder")).expect("create docs folder");
        fs::write(path, text).expect("write generated doc");
        return;
    }
    let committed = fs::read(path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is stale or missing; regenerate it with `UPDATE_DOCS=1 cargo test --test suite docs::`",
        path.display()
    );
}

/// Every command, with the words that invoke it (`["build"]`, `["new", "incident"]`, ...).
fn commands(cmd: &Command, path: Vec<String>, out: &mut Vec<(Vec<String>, Command)>) {
    out.push((path.clone(), cmd.clone()));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut sub_path = path.clone();
        sub_path.push(sub.get_name().to_string());
        commands(sub, sub_path, out);
    }
}

fn flag_name(arg: &Arg) -> String {
    let value = arg.get_value_names().map(|names| {
        names
            .iter()
            .map(|n| format!("<{n}>"))
            .collect::<Vec<_>>()
            .join(" ")
    });
    let takes_value = matches!(arg.get_action(), ArgAction::Set | ArgAction::Append);
    let mut name = match (arg.get_long(), arg.get_short()) {
        (Some(long), Some(short)) => format!("`-{short}`, `--{long}"),
        (Some(long), None) => format!("`--{long}"),
        (None, Some(short)) => format!("`-{short}"),
        (None, None) => return format!("`{}`", value.unwrap_or_else(|| arg.get_id().to_string())),
    };
    if let (true, Some(value)) = (takes_value, value) {
        name.push(' ');
        name.push_str(&value);
    }
    name.push('`');
    if matches!(arg.get_action(), ArgAction::Append) {
        name.push_str(" (repeatable)");
    }
    name
}

fn arg_row(arg: &Arg) -> String {
    let help = arg
        .get_long_help()
        .or(arg.get_help())
        .map(|h| h.to_string().replace('\n', " "))
        .unwrap_or_default();
    let defaults: Vec<_> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let default = if defaults.is_empty() || matches!(arg.get_action(), ArgAction::SetTrue) {
        String::new()
    } else {
        format!(" Default: `{}`.", defaults.join(" "))
    };
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| format!("`{}`", v.get_name()))
        .collect();
    let values = if values.is_empty() || matches!(arg.get_action(), ArgAction::SetTrue) {
        String::new()
    } else {
        format!(" One of {}.", values.join(", "))
    };
    let required = if arg.is_required_set() { " Required." } else { "" };
    let stop = if help.ends_with('.') || help.is_empty() {
        ""
    } else {
        "."
    };
    format!(
        "| {} | {}{stop}{values}{required}{default} |\n",
        flag_name(arg),
        help.replace('|', "\\|")
    )
}

/// The command reference, in Markdown.
fn command_reference() -> String {
    let mut cli = Cli::command();
    cli.build();
    let mut all = Vec::new();
    commands(&cli, Vec::new(), &mut all);
    let mut md = String::from(
        "# Command reference\n\n\
         <!-- Generated from the clap definitions in src/cli/ by tests/suite/docs.rs; do not edit.\n     \
         Regenerate: UPDATE_DOCS=1 cargo test --test suite docs:: -->\n\n\
         Every command and flag of `beacon`, as `beacon --help` and `beacon COMMAND --help` print\n\
         them. The same text is in the man pages under [`man/`](man/) (`man ./docs/man/beacon.1`).\n\n",
    );
    let globals: Vec<&Arg> = cli.get_arguments().filter(|a| a.is_global_set()).collect();
    for (path, cmd) in &all {
        let title = if path.is_empty() {
            "beacon".to_string()
        } else {
            format!("beacon {}", path.join(" "))
        };
        let _ = writeln!(md, "## `{title}`\n");
        if let Some(about) = cmd.get_long_about().or(cmd.get_about()) {
            let _ = writeln!(md, "{about}\n");
        }
        let mut usage_cmd = cmd.clone().bin_name(&title);
        let usage = usage_cmd.render_usage().to_string();
        let _ = writeln!(md, "```text\n{}\n```\n", usage.trim_start_matches("Usage: "));
        let subs: Vec<_> = cmd.get_subcommands().filter(|s| s.get_name() != "help").collect();
        if !subs.is_empty() {
            md.push_str("| command | what it does |\n|---|---|\n");
            for sub in subs {
                let anchor_title = format!("{title} {}", sub.get_name());
                let _ = writeln!(
                    md,
                    "| [`{}`](#{}) | {} |",
                    sub.get_name(),
                    anchor_title.replace(' ', "-"),
                    sub.get_about().map(|a| a.to_string()).unwrap_or_default()
                );
            }
            md.push('\n');
        }
        let own: Vec<&Arg> = cmd
            .get_arguments()
            .filter(|a| {
                !a.is_hide_set() && !a.is_global_set() && !matches!(a.get_id().as_str(), "help" | "version")
            })
            .collect();
        if !own.is_empty() {
            md.push_str("| argument or flag | meaning |\n|---|---|\n");
            for arg in own {
                md.push_str(&arg_row(arg));
            }
            md.push('\n');
        }
        if path.is_empty() {
            md.push_str("Global flags, accepted by every command:\n\n| flag | meaning |\n|---|---|\n");
            for arg in &globals {
                md.push_str(&arg_row(arg));
            }
            md.push('\n');
            if let Some(after) = cmd.get_after_long_help().or(cmd.get_after_help()) {
                let _ = writeln!(md, "{after}\n");
            }
        }
    }
    md.trim_end().to_string() + "\n"
}

#[test]
fn command_reference_matches_the_command_line() {
    generated(&repo().join("docs/commands.md"), command_reference().as_bytes());
}

#[test]
fn man_pages_match_the_command_line() {
    let mut cli = Cli::command();
    cli.build();
    let mut all = Vec::new();
    commands(&cli, Vec::new(), &mut all);
    for (path, cmd) in all {
        let name = std::iter::once("beacon".to_string())
            .chain(path)
            .collect::<Vec<_>>()
            .join("-");
        let mut page = Vec::new();
        // clap names commands with &'static str; a few bytes per page for the test's life.
        let static_name: &'static str = Box::leak(name.clone().into_boxed_str());
        clap_mangen::Man::new(cmd.name(static_name))
            .render(&mut page)
            .expect("render a man page");
        generated(&repo().join(format!("docs/man/{name}.1")), &page);
    }
}

/// The keys the loader accepts, found by asking it: an unknown key makes it list the keys it
/// expected at that place, and a probe under each of those finds the tables and their keys.
/// `parse` turns a TOML document, with the probe inserted, into the loader's messages.
/// Returns dotted names (`uptime.days`, `components.id`), so new keys and tables are found too.
fn accepted_keys(parse: &dyn Fn(&str) -> Vec<String>) -> Vec<String> {
    fn expected(messages: &[String]) -> Option<Vec<String>> {
        let message = messages.iter().find(|m| m.contains("unknown key `zzz_probe`"))?;
        let list = message.split_once("expected one of ")?.1;
        Some(list.split('`').skip(1).step_by(2).map(str::to_string).collect())
    }
    fn walk(parse: &dyn Fn(&str) -> Vec<String>, table: &[String], found: &mut Vec<String>) {
        let header = table.join(".");
        let probes = if table.is_empty() {
            vec!["zzz_probe = 1\n".to_string()]
        } else {
            vec![
                format!("[{header}]\nzzz_probe = 1\n"),
                format!("[[{header}]]\nzzz_probe = 1\n"),
            ]
        };
        let Some(keys) = probes.iter().find_map(|probe| expected(&parse(probe))) else {
            return;
        };
        for key in keys {
            let mut path = table.to_vec();
            path.push(key);
            found.push(path.join("."));
            walk(parse, &path, found);
        }
    }
    let mut found = Vec::new();
    walk(parse, &[], &mut found);
    found
}

fn messages<T>(result: Result<T, Vec<beacon::Diagnostic>>) -> Vec<String> {
    result
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|d| d.message)
        .collect()
}

const MINIMAL_CONFIG: &str = "title = \"T\"\nbase_url = \"https://status.example.org/\"\n";

fn missing_from(reference: &str, keys: &[String]) -> Vec<String> {
    let text = fs::read_to_string(repo().join(reference)).expect("read the reference");
    keys.iter()
        .filter(|key| !text.contains(&format!("`{key}`")))
        .cloned()
        .collect()
}

#[test]
fn every_config_key_is_in_the_configuration_reference() {
    let keys = accepted_keys(&|probe| {
        messages(beacon::config::parse_config(
            Path::new("config.toml"),
            &format!("{MINIMAL_CONFIG}{probe}"),
        ))
    });
    // The probe itself must work, or this test would pass on an empty list.
    for known in [
        "title",
        "uptime.days",
        "uptime.weights.major",
        "markdown.unsafe_html",
        "components.since",
    ] {
        assert!(
            keys.iter().any(|k| k == known),
            "probe missed `{known}`: {keys:?}"
        );
    }
    let missing = missing_from("docs/configuration.md", &keys);
    assert!(missing.is_empty(), "docs/configuration.md lacks {missing:?}");
}

#[test]
fn every_front_matter_key_is_in_the_front_matter_reference() {
    let config = beacon::config::parse_config(Path::new("config.toml"), MINIMAL_CONFIG).expect("config");
    let incident = accepted_keys(&|probe| {
        let text =
            format!("+++\ntitle = \"T\"\ndate = 2024-01-01T00:00:00Z\nseverity = \"major\"\n{probe}+++\n");
        messages(beacon::content::incident::parse_incident(
            Path::new("x.md"),
            &text,
            &config,
        ))
    });
    let page = accepted_keys(&|probe| {
        messages(beacon::content::page::parse_page(
            Path::new("x.md"),
            &format!("+++\ntitle = \"T\"\n{probe}+++\n"),
        ))
    });
    for known in ["slug", "pinned", "updates.at", "end"] {
        assert!(
            incident.iter().any(|k| k == known),
            "probe missed `{known}`: {incident:?}"
        );
    }
    assert!(
        page.iter().any(|k| k == "weight"),
        "probe missed `weight`: {page:?}"
    );
    let mut missing = missing_from("docs/front-matter.md", &incident);
    missing.extend(
        missing_from("docs/front-matter.md", &page)
            .into_iter()
            .map(|k| format!("page {k}")),
    );
    assert!(missing.is_empty(), "docs/front-matter.md lacks {missing:?}");
}

#[test]
fn every_site_text_key_is_in_the_configuration_reference() {
    let config = beacon::config::parse_config(
        Path::new("config.toml"),
        &format!("{MINIMAL_CONFIG}languages = [\"en\", \"fr\"]\n[[components]]\nid = \"a\"\nname = \"A\"\n"),
    )
    .expect("config");
    let parse = |probe: &str| {
        messages(beacon::content::site_text::parse_site_text(
            Path::new("config.fr.toml"),
            probe,
            &config,
        ))
    };
    let mut keys = accepted_keys(&parse);
    // A component's table is keyed by its id, which the walk cannot guess: probe one, and name
    // its keys `components.<id>.x` as the reference does.
    let probed = parse("[components.a]\nzzz_probe = 1\n");
    let expected = probed
        .iter()
        .find_map(|m| m.split_once("expected one of ").map(|(_, list)| list.to_string()))
        .unwrap_or_else(|| panic!("no key list in {probed:?}"));
    keys.extend(
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|k| format!("components.<id>.{k}")),
    );
    // The probes must work, or this test would pass on an empty list.
    for known in ["title", "groups", "components.<id>.name"] {
        assert!(
            keys.iter().any(|k| k == known),
            "probe missed `{known}`: {keys:?}"
        );
    }
    let missing = missing_from("docs/configuration.md", &keys);
    assert!(missing.is_empty(), "docs/configuration.md lacks {missing:?}");
}
