//! forcescan: find leaked Salesforce credentials in source trees, git history and log archives.
//!
//! The crate is a pipeline, one module per step, each naming only the steps before it (a test,
//! `tests/layout.rs`, fails when an import points the other way or makes a cycle):
//!
//! ```text
//!  sources ──► units of bytes ──► detect ──► findings ──► results ──► report
//!  (files, archives,  (name and    (anchors, windows,    (suppressions, live   (text, json, jsonl,
//!   stdin, git         provenance)   shape, context:      outcomes, one record  sarif, github:
//!   history, staged                  bytes → findings)    per secret, scan-wide formatting only)
//!   files, pushes)                                        rules, filters, status)
//!                       scan: the one driver that runs a target through them all
//! ```
//!
//! * [`sources`]: what the user named, turned into units of bytes handed to a [`sources::Sink`]:
//!   [`sources::fs`] walks and reads, [`sources::archive`] opens compressed files and archives,
//!   [`sources::git`] reads every blob a scope of history introduced, once.
//! * [`detect`]: bytes in, findings out: the rules ([`detect::rules`], `rules/*.toml` embedded at
//!   build time), one Aho-Corasick pass over every anchor and each rule's regex in a window, the
//!   decoders, shape checks, and the [`Engine`] that handles buffers, chunks and streams.
//! * [`validation`]: opt-in live checks and revocation against Salesforce (`--validate`).
//! * [`results`]: the policy: suppressions, validation outcomes, records, scan-wide conditions,
//!   filters, and the [`results::Status`] of a run.
//! * [`report`]: formats [`results::Results`]; decides nothing.
//! * [`scan`]: the driver every command uses: target → sources → detect → (validation) → results.
//! * [`error`]: [`error::ScanError`] (one input not scanned; the run goes on) and [`error::Error`]
//!   (the run cannot start or finish), and [`error::Diagnostics`], where messages go while a run is
//!   under way. The library never prints: the `forcescan` command (`src/cli/`) does.
//!
//! Scanning bytes needs only the engine:
//!
//! ```
//! let engine = forcescan::Engine::builtin();
//! let log = "Authorization: Bearer 00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm";
//! let findings = engine.scan_bytes("app.log", log.as_bytes());
//! assert_eq!(findings[0].rule, "salesforce-access-token");
//! assert_eq!(findings[0].column, 23);
//! assert_eq!(findings[0].secret, "00Dh…Vm"); // redacted
//! ```
//!
//! Scanning what a command line names (directories, archives, git history) with suppressions and
//! records is [`scan::run`] into a [`results::Collector`]:
//!
//! ```
//! use forcescan::results::{Collector, Policy};
//! use forcescan::scan::{self, Options, Scan, Target};
//! use std::sync::Arc;
//!
//! let engine = forcescan::Engine::builtin();
//! let diagnostics = Arc::new(forcescan::error::Collected::default());
//! let collector = Collector::new(&engine.book, Policy::default(), diagnostics);
//! let progress = Default::default();
//! let s = Scan { engine: &engine, verifier: None, progress: &progress };
//! let target = Target::Paths(vec!["demo".into()]);
//! let results = scan::run(&s, &target, &Options::default(), collector).unwrap().finish();
//! assert_eq!(results.findings().len(), 4);
//! ```

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
