//! One integration-test binary; a module per area. See tests/README.md.

mod common;

mod authoring;
mod check;
mod deploy;
mod docs;
mod never_panics;
mod serve;
mod site;
mod status;
mod subscribe;
