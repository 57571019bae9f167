//! beacon: a static-site generator for public status pages.
//!
//! The pipeline is load → validate → compute → render → write. [`content::load_site`] reads
//! `config.toml` and the content files into a checked [`content::Site`]; [`status`] cuts it to
//! what was public at `now` and computes each component's status and uptime; [`build`] renders
//! every output file in memory ([`render`] for pages, [`outputs`] for feeds, calendar, API and
//! badges); [`write`] swaps them into the output folder atomically. `beacon check` stops after
//! loading.

pub mod authoring;
pub mod build;
pub mod cli;
pub mod config;
pub mod content;
pub mod context;
pub mod error;
pub mod markdown;
pub mod outputs;
pub mod render;
pub mod serve;
pub mod status;
pub mod time;
pub mod watch;
pub mod write;

pub use error::{Diagnostic, Error, Result};
