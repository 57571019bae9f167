//! The plan of a build: every file of the output by its path, and what makes it. The layering
//! of static and generated files is decided here, once, for both ways a build is used: a full
//! build renders every source of the plan in parallel ([`crate::build::Published::render_into`]), and
//! `serve` renders the one source a request's path names, when it is first asked for.

use std::collections::{BTreeMap, HashMap};

use crate::context::BuildContext;
use crate::outputs::{Scope, RENDERERS};
use crate::render::pages::{Job, Pages};

/// What makes a generated file. `usize` fields index the language editions (0 is the default
/// language, at the root).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    Page(usize, Job),
    Sitemap,
    Robots,
    /// One of [`RENDERERS`] (the second index) in one edition, which renders all its files at
    /// once.
    Output(usize, usize),
}

impl Source {
    /// The language edition whose context renders it: the sitemap and robots.txt, which exist
    /// once for the site, are the default edition's.
    pub fn edition(self) -> usize {
        match self {
            Source::Page(edition, _) | Source::Output(edition, _) => edition,
            Source::Sitemap | Source::Robots => 0,
        }
    }
}

/// Every file of one build.
pub struct Plan<'a> {
    /// Each generated path that is published, and its source. A path of the site's `static/`
    /// is not generated: the site's file wins.
    pub generated: HashMap<String, Source>,
    /// The static files at the paths where they are published: the site's `static/`, and the
    /// theme's where neither the site nor a generated file has the path.
    pub statics: BTreeMap<&'a str, &'a [u8]>,
}

impl<'a> Plan<'a> {
    /// The plan of a site's editions, over the theme's and the site's static files. Every
    /// edition has the same pages and outputs, at its own `prefixes` entry (the default
    /// language's, empty, first), so the default edition's context and pages name them all.
    /// Layers, lowest first: the theme's static files, generated files, the site's `static/`
    /// (so a site can ship its own robots.txt or 404.html).
    pub fn new(
        ctx: &BuildContext,
        pages: &Pages,
        prefixes: &[String],
        theme_static: &'a BTreeMap<String, Vec<u8>>,
        site_static: &'a BTreeMap<String, Vec<u8>>,
    ) -> Plan<'a> {
        let mut generated: HashMap<String, Source> = HashMap::new();
        for (edition, prefix) in prefixes.iter().enumerate() {
            for &job in pages.jobs() {
                generated.insert(format!("{prefix}{}", pages.path(job)), Source::Page(edition, job));
            }
            for (index, renderer) in RENDERERS.iter().enumerate() {
                if renderer.scope == Scope::Edition || edition == 0 {
                    for path in (renderer.paths)(ctx) {
                        generated.insert(format!("{prefix}{path}"), Source::Output(edition, index));
                    }
                }
            }
        }
        // One sitemap for the whole site, listing every edition's pages.
        generated.insert("sitemap.xml".into(), Source::Sitemap);
        generated.insert("robots.txt".into(), Source::Robots);
        generated.retain(|path, _| !site_static.contains_key(path));
        let mut statics: BTreeMap<&str, &[u8]> = theme_static
            .iter()
            .filter(|(path, _)| !generated.contains_key(path.as_str()))
            .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
            .collect();
        statics.extend(
            site_static
                .iter()
                .map(|(path, bytes)| (path.as_str(), bytes.as_slice())),
        );
        Plan { generated, statics }
    }

    /// Every source of `edition` once, in a fixed order, the longest to render first: its
    /// outputs (each renders many files, the API and the feeds all the site's incidents), then
    /// (for the default edition) the sitemap and robots.txt, then its pages.
    pub fn sources(&self, edition: usize) -> Vec<Source> {
        let mut sources: Vec<Source> = self
            .generated
            .values()
            .filter(|source| source.edition() == edition)
            .copied()
            .collect();
        let rank = |source: Source| match source {
            Source::Output(..) => 0,
            Source::Sitemap | Source::Robots => 1,
            Source::Page(..) => 2,
        };
        sources.sort_by_key(|&source| (rank(source), source));
        sources.dedup();
        sources
    }

    /// Whether the file a source made at `path` is published (not replaced by the site's
    /// `static/`).
    pub fn publishes(&self, path: &str) -> bool {
        self.generated.contains_key(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outputs start first, then the sitemap and robots.txt, then the pages: a source that
    /// renders every page's URL must not be left to run alone at the end.
    #[test]
    fn sources_start_longest_first() {
        let generated: HashMap<String, Source> = [
            ("index.html", Source::Page(0, Job::Index)),
            ("incidents/a/index.html", Source::Page(0, Job::Incident(0))),
            ("robots.txt", Source::Robots),
            ("de/index.html", Source::Page(1, Job::Index)),
            ("sitemap.xml", Source::Sitemap),
            ("feed.xml", Source::Output(0, 1)),
            ("atom.xml", Source::Output(0, 1)),
            ("api/v2/summary.json", Source::Output(0, 0)),
            ("de/feed.xml", Source::Output(1, 1)),
        ]
        .into_iter()
        .map(|(path, source)| (path.to_string(), source))
        .collect();
        let plan = Plan {
            generated,
            statics: BTreeMap::new(),
        };
        assert_eq!(
            plan.sources(0),
            [
                Source::Output(0, 0),
                Source::Output(0, 1),
                Source::Sitemap,
                Source::Robots,
                Source::Page(0, Job::Index),
                Source::Page(0, Job::Incident(0)),
            ]
        );
        assert_eq!(
            plan.sources(1),
            [Source::Output(1, 1), Source::Page(1, Job::Index)]
        );
    }
}
