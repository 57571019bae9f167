//! `_headers`: HTTP headers for hosts that read this file from the site's root (Netlify,
//! Cloudflare Pages; others ignore it and serve it as a file). Every file gets a short cache
//! lifetime, because status changes and a visitor must not be shown an old page for long; the
//! stylesheet is linked by its content hash, so even a short cache never serves an old theme.
//! `api/` allows any origin, so browser-side clients written for Statuspage can read the JSON.
//! A site's own `static/_headers` replaces this one.

use crate::context::BuildContext;
use crate::error::Result;
use crate::output::OutputFile;

/// Seconds a browser or CDN may keep any file before asking again.
pub const MAX_AGE_SECONDS: u32 = 60;

pub fn render(_ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    // One Cache-Control rule only: hosts merge the headers of every rule that matches a path,
    // and two Cache-Control values would contradict each other.
    let text = format!(
        "# Written by beacon build, for hosts that read _headers (Netlify, Cloudflare Pages).\n\
         /*\n  \
           Cache-Control: public, max-age={MAX_AGE_SECONDS}, must-revalidate\n  \
           X-Content-Type-Options: nosniff\n\
         /api/*\n  \
           Access-Control-Allow-Origin: *\n"
    );
    Ok(vec![OutputFile::new("_headers", text.into_bytes())])
}
