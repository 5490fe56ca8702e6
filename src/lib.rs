//! forcescan: find leaked Salesforce credentials in source trees, git history and log archives.
pub mod detect;
pub mod error;

pub mod report;
pub mod results;
pub mod scan;
pub mod sources;
#[doc(hidden)]
pub mod testing;
pub mod validation;

pub use detect::{Engine, EngineOptions, Finding, RuleBook};
