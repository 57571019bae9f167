//! The types every renderer shares: what a build is asked to do ([`BuildOptions`]) and what it
//! reads ([`BuildContext`]); what it produces is [`crate::output`]. They live here, below both
//! `build` (which calls the renderers) and the renderers, so neither imports the other.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::content::Site;
use crate::i18n::I18n;
use crate::status::StatusReport;

/// Everything a build needs besides the site itself.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (config.toml, content/, themes/, templates/, static/).
    pub root: PathBuf,
    /// The instant the site shows.
    pub now: DateTime<Utc>,
    /// Overrides `base_url` from the config (e.g. for `serve` or a preview host).
    pub base_url: Option<String>,
    /// Include files marked `draft = true`.
    pub drafts: bool,
    /// Inject the live-reload script into pages (serve mode only).
    pub live_reload: bool,
    /// Response times measured by `beacon probe` (its record in the output folder); empty
    /// when the site has no probes.
    pub latency: Arc<crate::status::latency::History>,
}

/// What every renderer reads: the published site, its status, and the build settings.
pub struct BuildContext<'a> {
    /// The site as of `now` (see [`crate::status::as_of`]); `base_url` already overridden.
    pub site: &'a Site,
    pub report: &'a StatusReport,
    pub options: &'a BuildOptions,
    /// Where this language's edition lives in the output: empty for the default language (at
    /// the root), `fr/` for another (see [`crate::editions::edition_prefix`]). Renderers write
    /// paths and URLs relative to their edition; `build` puts this in front of every path.
    pub edition_prefix: &'a str,
    /// The language every reader-facing word is written in: `site.config.language`'s
    /// catalogue with the site's overrides (see [`I18n::for_site`]).
    pub i18n: Arc<I18n>,
}

impl BuildContext<'_> {
    pub fn now(&self) -> DateTime<Utc> {
        self.report.now
    }

    /// The absolute URL of `path` in this edition (`path` relative to the edition's root, no
    /// leading `/`).
    pub fn absolute_url(&self, path: &str) -> String {
        format!(
            "{}{}{}",
            self.site.config.base_url,
            self.edition_prefix,
            path.trim_start_matches('/')
        )
    }

    /// The absolute URL of `path` in the edition of language `code`.
    pub fn absolute_url_in(&self, code: &str, path: &str) -> String {
        format!(
            "{}{}{}",
            self.site.config.base_url,
            crate::editions::edition_prefix(&self.site.config.languages, code),
            path.trim_start_matches('/')
        )
    }

    /// A hash of what every renderer of this edition reads besides the site's incidents and
    /// pages: the config (its base URL as built), the options (`now` among them), the
    /// language with its catalogue's overrides, and the edition's folder. Part of each
    /// rendered file's inputs (see [`crate::output::Output::unchanged`]).
    pub fn fingerprint(&self) -> u128 {
        use std::hash::Hash;
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        format!("{:?}", self.site.config).hash(&mut h);
        format!("{:?}", self.options).hash(&mut h);
        self.i18n.fingerprint().hash(&mut h);
        self.edition_prefix.hash(&mut h);
        h.digest128()
    }

    /// Whether the site is published in more than one language.
    pub fn is_multilingual(&self) -> bool {
        self.site.config.languages.len() > 1
    }
}
