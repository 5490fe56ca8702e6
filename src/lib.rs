//! forcescan: find leaked Salesforce credentials in source trees, git history and log archives.
//!
//! The pipeline, one module per step:
//!
//! ```text
//!  sources ──► bytes ──► matcher ──► matches ──► engine ──► findings ──► report
//!  (fs, stdin)          (anchors +   (validated,  (lines,     (redacted,    (text, json,
//!                        windowed     in context)  dedupe)     fingerprint)  jsonl, sarif)
//!                        regex)
//! ```
//!
//! * [`rules`]: the rule schema; built-in rules are `rules/*.toml`, embedded at build time.
//! * [`matcher`]: one Aho-Corasick automaton over every anchor, then each rule's regex in a window.
//! * [`validate`]: placeholders, published examples, per-rule shape checks.
//! * [`unescape`]: `%21`, `\u0021`, `\!`, `&#33;` → `!` for the secret's value.
//! * [`engine`]: buffers, chunks and streams to findings with line/column.
//! * [`sources`]: walking and reading files; [`sources::archive`] opens compressed files and
//!   archives as streams.
//! * [`report`]: text, JSON, JSON Lines and SARIF (GitHub code scanning) output; [`report::dedupe`]
//!   folds findings into one record per distinct secret.
//! * [`context`]: what surrounds a secret (instance host, consumer key, username), captured only
//!   for live validation.
//! * [`hooks`]: git pre-push and pre-commit hooks, and installing them.
//! * [`suppress`]: inline allow markers, `.forcescan.toml` and baselines, applied by the reporter.
//! * [`verify`]: opt-in live validation and revocation against Salesforce (`--validate`).
//! * [`timestamp`]: log-line timestamps, so a record says when a secret leaked.
//! * [`sweep`]: the incident-response sweep: sharding, checkpoints, progress, the rotation table.
//!
//! ```
//! let engine = forcescan::Engine::builtin();
//! let log = "Authorization: Bearer 00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm";
//! let findings = engine.scan_bytes("app.log", log.as_bytes());
//! assert_eq!(findings[0].rule, "salesforce-access-token");
//! assert_eq!(findings[0].column, 23);
//! assert_eq!(findings[0].secret, "00Dh…Vm"); // redacted
//! ```

pub mod context;
pub mod correlate;
pub mod decode;
pub mod engine;
pub mod finding;
pub mod hooks;
pub mod matcher;
pub mod report;
pub mod rulecheck;
pub mod rules;
pub mod sources;
pub mod suppress;
pub mod sweep;
#[doc(hidden)]
pub mod testing;
pub mod timestamp;
pub mod unescape;
pub mod validate;
pub mod verify;

pub use engine::{Engine, EngineOptions};
pub use finding::Finding;
pub use rules::RuleBook;
