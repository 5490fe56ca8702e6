//! Detection: bytes in, findings out. Knows nothing of where the bytes came from (that is
//! [`crate::sources`]) or what becomes of the findings ([`crate::results`], [`crate::report`]).
//!
//! ```text
//!  bytes ──► matcher ──────────────► matches ──────────► engine ──────────► findings
//!           (SIMD literal search      (shape checked,     (lines, columns,   (redacted,
//!            for every anchor, then    placeholders and    once per secret,   fingerprinted)
//!            each rule's regex in a    published examples  across chunk and
//!            window around the hit)    set apart)          block edges)
//! ```
//!
//! * [`rules`]: the rule schema; the built-in rules are `rules/*.toml`, embedded at build time.
//!   [`rulecheck`] runs every rule's examples and negative examples.
//! * `anchors`: the literal search every rule starts from; `matcher`: the windows around its hits
//!   and the context layer ([`contextual`]); [`decode`] looks inside base64, UTF-16 and
//!   percent-encoded text, [`unescape`] turns `%21`, `\u0021`, `\!`, `&#33;` back into `!`.
//! * `shape`: what a value must look like to be reported: per-rule shape checks, placeholders,
//!   published examples.
//! * [`context`]: what surrounds a secret (instance host, consumer key, username), captured only
//!   for live validation.
//! * [`engine`]: in-memory buffers, parallel chunks and bounded-memory streams, each secret
//!   reported exactly once with its line and column; [`allow`] reads inline allow markers and
//!   [`timestamp`] the time a log line starts with while the line is still in the buffer.
//! * [`learned`]: the line model, a second look at the lines of a small Salesforce file near an
//!   anchor word where no rule reported anything (its weights are `rules/line-model.toml`).
//! * [`finding`]: what detection hands on, never holding a full secret in its printable fields.

pub mod allow;
pub(crate) mod anchors;
pub mod context;
pub mod contextual;
pub mod decode;
pub mod engine;
pub mod finding;
pub(crate) mod keyvalue;
pub mod learned;
pub mod markup;
pub(crate) mod matcher;
pub(crate) mod plausible;
pub mod rulecheck;
pub mod rules;
pub(crate) mod scope;
pub(crate) mod shape;
pub mod timestamp;
pub mod unescape;
pub mod vocabulary;

pub use engine::{Engine, EngineOptions};
pub use finding::Finding;
pub use rules::RuleBook;
