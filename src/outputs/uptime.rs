//! Placeholder until the issue that owns this output lands: it renders nothing yet.

use crate::build::{BuildContext, OutputFile};
use crate::error::Result;

pub fn render(_ctx: &BuildContext) -> Result<Vec<OutputFile>> {
    Ok(Vec::new())
}
