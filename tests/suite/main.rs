//! One integration-test binary; a module per area. See tests/README.md.

mod common;

mod architecture;
mod authoring;
mod check;
mod clients;
mod confinement;
mod content_rules;
mod deploy;
mod docs;
mod emit;
mod fuzz_cli;
mod hardening;
mod home;
mod i18n;
mod import;
mod ingest;
mod monthly;
mod multilingual;
mod nesting;
mod never_panics;
mod notify;
mod output;
mod posting;
mod probe;
mod serve;
mod site;
mod status;
mod subscribe;
mod subscribe_page;
