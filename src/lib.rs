//! beacon: a static-site generator for public status pages.
//!
//! The pipeline is load → validate → compute → render → write. [`content::load_config`] reads
//! `config.toml` once, and [`content::load_site_with`] the content files, into a checked
//! [`content::Site`]; [`status`] cuts it to what was public at `now` and computes each
//! component's status and uptime; [`build`] renders every source of the [`plan`] ([`render`]
//! for pages, [`outputs`] for feeds, calendar, API and badges, over the shared types in
//! [`context`]) and hands each file on as soon as it is done; [`write`] writes only what
//! changed into the output folder, and only into a folder beacon owns. `beacon check` runs
//! every stage but the writing, so it meets every problem a build would. ARCHITECTURE.md is
//! the map of the modules and the one-way rule between them.

pub mod authoring;
pub mod build;
pub mod cli;
pub mod config;
pub mod content;
pub mod context;
pub mod deployed;
pub mod editions;
pub mod error;
pub mod escape;
pub mod i18n;
pub mod import;
pub mod ingest;
pub mod keys;
pub mod markdown;
pub mod nesting;
pub mod notify;
pub mod output;
pub mod outputs;
pub mod plan;
pub mod probe;
pub mod render;
pub mod serve;
pub mod site_files;

pub mod bidi;
pub mod languages;
pub mod site_url;
pub mod slug;
pub mod status;
pub mod time;
pub mod watch;
pub mod wording;
pub mod write;

pub use error::{Diagnostic, Error, Result};
