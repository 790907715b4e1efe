//! What a check produces. `Hit` is a match in prose coordinates, private to the engine; `Finding` is the
//! same match placed in the file, with everything a reporter prints. The JSON output serialises
//! `Finding` as it is, so its field names are the contract of DESIGN.md: add fields, never rename.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How much a finding matters. Ordered: `Info < Warning < Error`, so "at or above `--fail-on`" is a
/// comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule matched here, in the coordinates of the extracted prose text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the rule in its `RuleSet`.
    pub rule: usize,
    /// Byte range in the prose text.
    pub start: usize,
    pub end: usize,
    /// The match is quoted: the writer is talking about the phrase, not using it.
    pub mention: bool,
}

/// One problem in one file, placed exactly: the unit every reporter prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Full rule id, `<pack>.<rule>`.
    pub rule: String,
    pub category: String,
    pub severity: Severity,
    /// 1-based; columns count Unicode scalar values.
    pub line: usize,
    pub column: usize,
    /// Exclusive end position.
    pub end_line: usize,
    pub end_column: usize,
    /// Byte range in the file, end exclusive.
    pub byte_start: usize,
    pub byte_end: usize,
    /// Exactly the file's bytes in `byte_start..byte_end`.
    pub text: String,
    pub message: String,
    pub critique: String,
    /// Plain words to use instead, when the rule knows some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub instead: Vec<String>,
    /// The phrase is quoted (talked about rather than used), so it costs the score less.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub mention: bool,
    /// The source lines the finding covers, for annotated output. Not part of the JSON.
    #[serde(skip)]
    pub excerpt: Vec<crate::lines::ExcerptLine>,
}
