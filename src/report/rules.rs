//! The rule commands' output: `chaff explain`, `chaff rules list` and `chaff rules test`.

use crate::check::ExampleFailure;
use crate::rules::{Pattern, Rule};
use std::io::{self, Write};

/// Everything a writer needs to know about one rule, in the order they need it.
pub fn explain(out: &mut dyn Write, rule: &Rule) -> io::Result<()> {
    writeln!(out, "{} ({}, {})", rule.id, rule.category, rule.severity)?;
    writeln!(out)?;
    writeln!(out, "{}", rule.message)?;
    writeln!(out)?;
    writeln!(out, "Ask: {}", rule.critique)?;
    if !rule.instead.is_empty() {
        writeln!(out, "Instead: {}", rule.instead.join(", "))?;
    }
    writeln!(out)?;
    match &rule.pattern {
        Pattern::Phrases(phrases) => {
            writeln!(
                out,
                "Matches these phrases and their variants (case, inflection, spelling, hyphens):"
            )?;
            for phrase in phrases {
                writeln!(out, "  {phrase}")?;
            }
        }
        Pattern::Regex(regex) => {
            writeln!(out, "Matches this regex, on normalised text:")?;
            writeln!(out, "  {regex}")?;
        }
        Pattern::Detector(name) => {
            writeln!(
                out,
                "Found by the `{name}` detector, set up in the pack's [detector.{name}] table."
            )?;
        }
    }
    writeln!(out, "In: {}", rule.scopes)?;
    writeln!(out)?;
    writeln!(out, "Flagged:")?;
    for example in &rule.bad_examples {
        writeln!(out, "  ✗ {example}")?;
    }
    writeln!(out, "Not flagged:")?;
    for example in &rule.good_examples {
        writeln!(out, "  ✓ {example}")?;
    }
    writeln!(out)?;
    writeln!(out, "Defined in {}", rule.origin)
}

/// One line per rule, in columns: id, category, severity, pack, what it matches.
pub fn list<'r>(out: &mut dyn Write, rules: impl IntoIterator<Item = &'r Rule>) -> io::Result<()> {
    let rules: Vec<&Rule> = rules.into_iter().collect();
    let width = |field: fn(&Rule) -> usize| rules.iter().map(|rule| field(rule)).max().unwrap_or(0);
    let id_width = width(|rule| rule.id.len());
    let category_width = width(|rule| rule.category.len());
    let pack_width = width(|rule| rule.pack.len());
    for rule in &rules {
        let matches = match &rule.pattern {
            Pattern::Phrases(phrases) if phrases.len() == 1 => format!("1 phrase: {}", phrases[0]),
            Pattern::Phrases(phrases) => format!("{} phrases: {}, …", phrases.len(), phrases[0]),
            Pattern::Regex(_) => "regex".to_owned(),
            Pattern::Detector(name) => format!("detector {name}"),
        };
        writeln!(
            out,
            "{:id_width$}  {:category_width$}  {:7}  {:pack_width$}  {matches}",
            rule.id,
            rule.category,
            rule.severity.as_str(),
            rule.pack
        )?;
    }
    Ok(())
}

/// The failing examples, one per line, then a verdict.
pub fn test_results(
    out: &mut dyn Write,
    failures: &[ExampleFailure],
    rules: usize,
    examples: usize,
) -> io::Result<()> {
    for failure in failures {
        let expectation = if failure.should_fire {
            "bad example did not fire it"
        } else {
            "good example fired it"
        };
        writeln!(out, "{}: {expectation}: {:?}", failure.rule, failure.example)?;
        if !failure.fired.is_empty() {
            writeln!(out, "  fired: {}", failure.fired.join(", "))?;
        }
    }
    let verdict = if failures.is_empty() {
        "all behave as their packs say".to_owned()
    } else {
        format!("{} misbehave", failures.len())
    };
    writeln!(out, "{rules} rules, {examples} examples: {verdict}")
}
