//! The machine-readable outputs, one file per format. Each `render` takes the build context
//! and returns its files; none touches the disk.

pub mod api;
pub mod badges;
pub mod feeds;
pub mod headers;
pub mod ical;
pub mod published;
pub mod uptime;
