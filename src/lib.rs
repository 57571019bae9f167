//! beacon: a static-site generator for public status pages.
//!
//! The pipeline is load → validate → compute → render → write. [`content::load_site`] reads
//! `config.toml` and the content files into a checked [`content::Site`]; `status` computes
//! each component's status and uptime at `now`; `build` renders every output file in memory;
//! `write` swaps them into the output folder atomically. `beacon check` stops after loading.

pub mod cli;
pub mod config;
pub mod content;
pub mod error;
pub mod time;

pub use error::{Diagnostic, Error, Result};
