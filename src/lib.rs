//! chaff: a crap detector for customer-care, CX and marketing writing.
//!
//! chaff reads markdown the way a sceptical editor does: it flags stock phrases, buzzwords and
//! formula headlines, asks the question the writer should have asked, and gives each post a 0–100
//! freshness score. The data flows one way:
//!
//! ```text
//! rules::PackSource ─▶ RuleSet ─▶ Engine (matcher compiled once)
//! walk::discover ─▶ [Input] ─▶ Engine::check_inputs ─▶ RunReport ─▶ report::{human, json}
//!                        per file: prose::Prose ─▶ hits ─▶ [Finding] ─▶ score::freshness
//! ```
//!
//! ```
//! let engine = chaff::Engine::new(chaff::RuleSet::defaults().unwrap()).unwrap();
//! let report = engine.check_str("draft.md", "We need to think outside the box.\n");
//! assert_eq!(report.findings[0].rule, "cliche.outside-the-box");
//! assert!(report.freshness < 100.0);
//! ```
//!
//! The library never prints; the `chaff` binary decides what goes to stdout and stderr.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod detect;
pub mod error;
pub mod finding;
pub mod lines;
pub mod matcher;
pub mod prose;
pub mod report;
pub mod rules;
pub mod score;
pub mod walk;

pub use check::{Engine, ExampleFailure, FileError, FileReport, Input, RunReport, Source};
pub use error::{Error, Result};
pub use finding::{Finding, Severity};
pub use rules::{PackSource, Rule, RuleSet};
