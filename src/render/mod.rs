//! The HTML pages. Placeholder until the site issue lands: renders nothing yet.

use crate::build::{BuildContext, OutputFile};
use crate::error::Result;

pub fn render_pages(_ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    Ok(Vec::new())
}
