//! Reporters: turn a `RunReport` into text for people or programs. They write to any `io::Write`
//! that `main` hands them, and never change a finding or a score.

pub mod human;
pub mod json;
pub mod rules;

use crate::check::RunReport;
use crate::score;
use serde::Serialize;
use std::collections::BTreeMap;

/// Totals over a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub words: usize,
    pub findings: usize,
    /// Word-weighted mean of the files' freshness.
    pub freshness: f64,
    pub by_category: BTreeMap<String, usize>,
}

impl Summary {
    pub fn of(run: &RunReport) -> Summary {
        let mut by_category: BTreeMap<String, usize> = BTreeMap::new();
        for finding in run.files.iter().flat_map(|file| &file.findings) {
            *by_category.entry(finding.category.clone()).or_default() += 1;
        }
        Summary {
            files: run.files.len(),
            words: run.files.iter().map(|file| file.words).sum(),
            findings: by_category.values().sum(),
            freshness: score::mean_freshness(run.files.iter().map(|file| (file.freshness, file.words))),
            by_category,
        }
    }
}
