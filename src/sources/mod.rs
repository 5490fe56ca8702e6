//! Sources turn what the user named into units of bytes with a name. They never interpret content.

pub mod archive;
pub mod fs;
pub mod git;
