//! Detectors: what a phrase list or a regex cannot say, written as code. A rule names its detector
//! (`detector = "abstraction-cluster"`) and the detector reads its settings, vocabularies included,
//! from the pack's `[detector.<name>]` table, so users tune it without recompiling. A user's pack
//! with the same pack id and a table for the same detector extends the built-in settings.
//!
//! Each detector looks at one block of prose at a time and reports hits in prose offsets, like the
//! matcher does.

mod abstractions;
mod repetition;

use crate::error::{Error, Result};
use crate::finding::Hit;
use crate::rules::{Pattern, Rule, RuleSet, Scopes};
use serde::de::DeserializeOwned;
use std::fmt::Debug;
use std::ops::Range;
use std::sync::LazyLock;

/// The detectors this version of chaff has.
pub const NAMES: &[&str] = &["abstraction-cluster", "doubled-word", "repeated-phrase"];

/// Something that finds one kind of problem in a block of prose.
pub trait Detector: Send + Sync + Debug {
    /// Appends the hits in `block` (whose prose offset is `base`) for rule `rule`.
    fn find(&self, block: &str, base: usize, rule: usize, hits: &mut Vec<Hit>);
}

/// A detector bound to the rule that reports what it finds.
#[derive(Debug)]
pub struct BoundDetector {
    pub rule: usize,
    pub scopes: Scopes,
    pub detector: Box<dyn Detector>,
}

/// Builds the detector of every detector rule, reading each one's settings from its pack.
pub fn build(rules: &RuleSet) -> Result<Vec<BoundDetector>> {
    let mut detectors = Vec::new();
    for (index, rule) in rules.rules().iter().enumerate() {
        let Pattern::Detector(name) = &rule.pattern else {
            continue;
        };
        let table = rules.detector_table(&rule.pack, name);
        let settings = table.map(|table| table.table.clone()).unwrap_or_default();
        let located = |message: String| {
            let origin = table.map_or(&rule.origin, |table| &table.origin);
            Error::Rule {
                path: origin.path.clone(),
                line: origin.line,
                column: origin.column,
                rule: rule.id.clone(),
                message,
            }
        };
        let detector: Box<dyn Detector> = match name.as_str() {
            "abstraction-cluster" => Box::new(
                abstractions::AbstractionCluster::new(settings_of(rule, settings)?).map_err(located)?,
            ),
            "doubled-word" => Box::new(repetition::DoubledWord::new(settings_of(rule, settings)?)),
            "repeated-phrase" => {
                Box::new(repetition::RepeatedPhrase::new(settings_of(rule, settings)?).map_err(located)?)
            }
            other => return Err(located(format!("unknown detector `{other}`"))),
        };
        detectors.push(BoundDetector {
            rule: index,
            scopes: rule.scopes,
            detector,
        });
    }
    Ok(detectors)
}

/// Reads a detector's typed settings from its table; unknown keys are errors.
fn settings_of<T: DeserializeOwned>(rule: &Rule, table: toml::Table) -> Result<T> {
    let Pattern::Detector(name) = &rule.pattern else {
        return Err(Error::Config(format!("{} is not a detector rule", rule.id)));
    };
    T::deserialize(toml::Value::Table(table)).map_err(|error| Error::Rule {
        path: rule.origin.path.clone(),
        line: rule.origin.line,
        column: rule.origin.column,
        rule: rule.id.clone(),
        message: format!("`[detector.{name}]`: {}", error.message().trim()),
    })
}

/// A word of prose: its lower-cased text (straight apostrophes) and its range in the block.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    range: Range<usize>,
}

static WORD: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"[\p{L}\p{N}](?:[\p{L}\p{N}'’]*[\p{L}\p{N}])?")
        .expect("the word pattern is a valid regex")
});

/// The words of a piece of prose, in order.
fn words(text: &str) -> Vec<Word> {
    WORD.find_iter(text)
        .map(|found| Word {
            text: found.as_str().to_lowercase().replace('’', "'"),
            range: found.range(),
        })
        .collect()
}
