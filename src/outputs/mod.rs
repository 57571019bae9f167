//! The machine-readable outputs, one file per format. Each `render` takes the build context
//! and hands its files to an [`Output`](crate::output::Output); none touches the disk.

pub mod api;
pub mod badges;
pub mod embed;
pub mod feeds;
pub mod headers;
pub mod history_index;
pub mod ical;
pub mod latency;
pub mod monthly;
pub mod published;
pub mod uptime;

use crate::context::BuildContext;
use crate::error::Result;
use crate::output::{OutputFile, Sink};

/// One machine-readable output: the paths it writes, known without rendering it (so `serve`
/// can tell a file from a 404 and render only what is asked for), how to render them, and
/// whether each language's edition has its own.
pub struct Renderer {
    pub paths: fn(&BuildContext) -> Vec<String>,
    pub render: fn(&BuildContext, &Sink) -> Result<()>,
    pub scope: Scope,
}

/// Where an output's files exist on a multilingual site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Once, at the root, in the default language (for tools; the figures are the same in
    /// every language).
    Site,
    /// In every language's edition (paths relative to the edition's folder).
    Edition,
}

/// Every machine-readable output. `paths` must name exactly what `render` writes: the serve
/// tests compare both with a full build.
pub const RENDERERS: [Renderer; 11] = [
    Renderer {
        paths: |_| {
            [
                "api/v2/summary.json",
                "api/v2/status.json",
                "api/v2/components.json",
                "api/v2/incidents.json",
                "api/v2/incidents/unresolved.json",
                "api/v2/scheduled-maintenances.json",
                "api/v2/scheduled-maintenances/upcoming.json",
                "api/v2/scheduled-maintenances/active.json",
            ]
            .map(String::from)
            .to_vec()
        },
        render: api::render,
        scope: Scope::Site,
    },
    Renderer {
        paths: |ctx| {
            with_components(
                ctx,
                &[
                    "feed.xml",
                    "atom.xml",
                    crate::output::UPDATES_RSS,
                    crate::output::UPDATES_ATOM,
                ],
                "feed.xml",
            )
        },
        render: feeds::render,
        scope: Scope::Edition,
    },
    Renderer {
        paths: |_| vec!["maintenance.ics".into()],
        render: |ctx, sink| put_all(ical::render(ctx)?, sink),
        scope: Scope::Edition,
    },
    Renderer {
        paths: |_| vec![uptime::PATH.into()],
        render: uptime::render,
        scope: Scope::Site,
    },
    Renderer {
        paths: |_| vec![monthly::JSON.into(), monthly::CSV.into()],
        render: |ctx, sink| put_all(monthly::render(ctx)?, sink),
        scope: Scope::Site,
    },
    Renderer {
        paths: |ctx| with_components(ctx, &["badge.svg"], "badge.svg"),
        render: |ctx, sink| put_all(badges::render(ctx)?, sink),
        scope: Scope::Edition,
    },
    Renderer {
        paths: |_| vec![latency::PATH.into()],
        render: |ctx, sink| put_all(latency::api(ctx)?, sink),
        scope: Scope::Site,
    },
    Renderer {
        paths: latency::badge_paths,
        render: |ctx, sink| put_all(latency::badges(ctx)?, sink),
        scope: Scope::Edition,
    },
    Renderer {
        paths: |_| vec![history_index::PATH.into()],
        render: history_index::render,
        scope: Scope::Edition,
    },
    Renderer {
        paths: |_| vec![embed::PATH.into()],
        render: |ctx, sink| put_all(embed::render(ctx)?, sink),
        scope: Scope::Edition,
    },
    Renderer {
        paths: |_| vec!["_headers".into()],
        render: |ctx, sink| put_all(headers::render(ctx)?, sink),
        scope: Scope::Site,
    },
];

/// `site_wide` files, then `components/<id>/<per_component>` for each component.
fn with_components(ctx: &BuildContext, site_wide: &[&str], per_component: &str) -> Vec<String> {
    let mut paths: Vec<String> = site_wide.iter().map(|p| p.to_string()).collect();
    paths.extend(
        ctx.site
            .config
            .components
            .iter()
            .map(|c| format!("components/{}/{per_component}", c.id)),
    );
    paths
}

fn put_all(files: Vec<OutputFile>, sink: &Sink) -> Result<()> {
    files.into_iter().try_for_each(|f| sink.put(f))
}
