//! The engine: a compiled rule set applied to documents, one at a time or many in parallel.
//!
//! `Engine::check_str` is a pure function of text: prose extraction, matching, placing each hit in the
//! file, scoring. `Engine::check_inputs` reads files on rayon's pool and returns the reports in input
//! order, which `walk::discover` has already sorted, so the output is the same at any thread count.

use crate::detect::{self, BoundDetector};
use crate::error::{Error, Result};
use crate::finding::{Finding, Hit, Severity};
use crate::lines::LineIndex;
use crate::matcher::{Matcher, Scratch};
use crate::prose::{self, Prose};
use crate::rules::{RuleSet, Scope};
use crate::score::{self, Score};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::cell::RefCell;
use std::io::Read;
use std::path::PathBuf;

/// Everything known about one checked document.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub path: String,
    /// Prose words: code and front matter excluded.
    pub words: usize,
    pub freshness: f64,
    pub findings: Vec<Finding>,
    /// How the freshness score came about.
    #[serde(skip)]
    pub score: Score,
}

/// A document that could not be checked, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// Something to check.
#[derive(Debug, Clone)]
pub struct Input {
    /// As given or as found by walking; `-` for standard input.
    pub path: String,
    pub source: Source,
}

#[derive(Debug, Clone)]
pub enum Source {
    /// A file named on the command line: checked whatever it looks like.
    Named(PathBuf),
    /// A file met while walking a folder: skipped if it turns out to be binary.
    Walked(PathBuf),
    /// Standard input, read when its turn comes.
    Stdin,
    /// Text already in memory.
    Bytes(Vec<u8>),
}

/// The result of a run: reports and errors, each in input order.
#[derive(Debug, Clone, Default)]
pub struct RunReport {
    pub files: Vec<FileReport>,
    pub errors: Vec<FileError>,
}

/// A rule example that does not behave as its pack says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule: String,
    pub example: String,
    /// A bad example (it should fire the rule) or a good one (it should not).
    pub should_fire: bool,
    /// The rules that did fire on it.
    pub fired: Vec<String>,
}

enum Outcome {
    Checked(FileReport),
    Failed(FileError),
    Skipped,
}

/// A rule set compiled for matching.
#[derive(Debug)]
pub struct Engine {
    rules: RuleSet,
    matcher: Matcher,
    detectors: Vec<BoundDetector>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Engine {
    pub fn new(rules: RuleSet) -> Result<Engine> {
        let matcher = Matcher::compile(&rules)?;
        let detectors = detect::build(&rules)?;
        Ok(Engine {
            rules,
            matcher,
            detectors,
        })
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Checks one markdown document.
    pub fn check_str(&self, path: &str, source: &str) -> FileReport {
        let prose = Prose::extract(source);
        let hits = self.hits(&prose);
        let findings = self.place(&prose, &hits, source);
        let words = prose.words();
        let score = score::freshness(&findings, words);
        FileReport {
            path: path.to_owned(),
            words,
            freshness: score.freshness,
            findings,
            score,
        }
    }

    /// Checks a document given as bytes: it must be UTF-8 (a byte-order mark is allowed).
    pub fn check_bytes(&self, path: &str, bytes: &[u8]) -> Result<FileReport> {
        let text = std::str::from_utf8(bytes).map_err(|error| Error::NotText {
            path: PathBuf::from(path),
            reason: not_utf8_reason(bytes, &error),
        })?;
        Ok(self.check_str(path, text))
    }

    /// Checks many inputs in parallel on the current rayon pool. Reports come back in input order.
    pub fn check_inputs(&self, inputs: &[Input]) -> RunReport {
        let outcomes: Vec<Outcome> = inputs.par_iter().map(|input| self.check_input(input)).collect();
        let mut run = RunReport::default();
        for outcome in outcomes {
            match outcome {
                Outcome::Checked(report) => run.files.push(report),
                Outcome::Failed(error) => run.errors.push(error),
                Outcome::Skipped => {}
            }
        }
        run
    }

    fn check_input(&self, input: &Input) -> Outcome {
        let failed = |message: String| {
            Outcome::Failed(FileError {
                path: input.path.clone(),
                message,
            })
        };
        let read = match &input.source {
            Source::Bytes(bytes) => Ok(Cow::Borrowed(bytes.as_slice())),
            Source::Named(path) | Source::Walked(path) => std::fs::read(path).map(Cow::Owned),
            Source::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .map(|_| Cow::Owned(bytes))
            }
        };
        let bytes = match read {
            Ok(bytes) => bytes,
            Err(error) => return failed(io_message(&error)),
        };
        let walked = matches!(input.source, Source::Walked(_));
        if is_utf16(&bytes) {
            return failed(UTF16_MESSAGE.to_owned());
        }
        if looks_binary(&bytes) {
            // A folder may hold anything; a file the user named deserves an answer.
            if walked {
                return Outcome::Skipped;
            }
            return failed("looks like a binary file (it contains NUL bytes); chaff checks text".to_owned());
        }
        match self.check_bytes(&input.path, &bytes) {
            Ok(report) => Outcome::Checked(report),
            Err(Error::NotText { reason, .. }) => failed(reason),
            Err(error) => failed(error.to_string()),
        }
    }

    /// Runs every rule's examples: each bad example must fire its rule, no good example may. An
    /// example is checked as a heading when its rule only looks at headings.
    pub fn test_examples(&self) -> Vec<ExampleFailure> {
        let mut failures = Vec::new();
        for rule in self.rules.rules() {
            let as_markdown = |example: &str| {
                if rule.scopes.prose {
                    example.to_owned()
                } else {
                    format!("# {example}")
                }
            };
            let cases = rule
                .bad_examples
                .iter()
                .map(|example| (example, true))
                .chain(rule.good_examples.iter().map(|example| (example, false)));
            for (example, should_fire) in cases {
                let report = self.check_str("example", &as_markdown(example));
                let fired = report.findings.iter().any(|finding| finding.rule == rule.id);
                if fired != should_fire {
                    failures.push(ExampleFailure {
                        rule: rule.id.clone(),
                        example: example.clone(),
                        should_fire,
                        fired: report
                            .findings
                            .iter()
                            .map(|finding| finding.rule.clone())
                            .collect(),
                    });
                }
            }
        }
        failures
    }

    /// Every rule match in the prose, in order.
    fn hits(&self, prose: &Prose) -> Vec<Hit> {
        let mut hits = Vec::new();
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            for block in &prose.blocks {
                let scope: Scope = block.kind.scope();
                let text = prose.block_text(block);
                let first = hits.len();
                self.matcher
                    .find(text, scope, block.start, &mut scratch, &mut hits);
                for bound in &self.detectors {
                    if bound.scopes.contains(scope) {
                        bound.detector.find(text, block.start, bound.rule, &mut hits);
                    }
                }
                let quotes = if block.quoted {
                    Vec::new()
                } else {
                    prose::quoted_spans(text)
                };
                mark_mentions(&quotes, block.start, block.quoted, &mut hits[first..]);
                if scope == Scope::Prose {
                    self.headlines_in_quotes(text, block.start, &quotes, &mut scratch, &mut hits);
                }
            }
        });
        hits
    }

    /// A headline quoted in prose ("posts titled “7 trends you need to know” get clicks") is a
    /// mention of a formula headline. Rules that only look at headings run on each quoted span, and
    /// what they find is reported as a mention.
    fn headlines_in_quotes(
        &self,
        block: &str,
        base: usize,
        quotes: &[std::ops::Range<usize>],
        scratch: &mut Scratch,
        hits: &mut Vec<Hit>,
    ) {
        for quote in quotes {
            let Some(inner) = prose::inside_quotes(block, quote.clone()) else {
                continue;
            };
            let first = hits.len();
            self.matcher.find(
                &block[inner.clone()],
                Scope::Heading,
                base + inner.start,
                scratch,
                hits,
            );
            let mut kept = first;
            for index in first..hits.len() {
                if !self.rules.rules()[hits[index].rule].scopes.prose {
                    hits[kept] = Hit {
                        mention: true,
                        ..hits[index]
                    };
                    kept += 1;
                }
            }
            hits.truncate(kept);
        }
    }

    /// Places hits in the file: byte range, line and column, the file's own text, the message.
    fn place(&self, prose: &Prose, hits: &[Hit], source: &str) -> Vec<Finding> {
        if hits.is_empty() {
            return Vec::new();
        }
        let lines = LineIndex::new(source);
        let mut findings: Vec<Finding> = hits
            .iter()
            .map(|hit| {
                let rule = &self.rules.rules()[hit.rule];
                let range = prose.source_range(hit.start, hit.end);
                let (line, column) = lines.position(source, range.start);
                let (end_line, end_column) = lines.position(source, range.end);
                let matched = collapse_whitespace(&prose.text[hit.start..hit.end]);
                Finding {
                    rule: rule.id.clone(),
                    category: rule.category.clone(),
                    // A quoted phrase is talked about, not used: worth knowing, never a failure.
                    severity: if hit.mention {
                        Severity::Info
                    } else {
                        rule.severity
                    },
                    line,
                    column,
                    end_line,
                    end_column,
                    byte_start: range.start,
                    byte_end: range.end,
                    text: source[range.clone()].to_owned(),
                    message: rule.message_for(&matched),
                    critique: rule.critique.clone(),
                    instead: rule.instead.clone(),
                    mention: hit.mention,
                    excerpt: lines.excerpt(source, range.clone()),
                }
            })
            .collect();
        findings
            .sort_by(|a, b| (a.byte_start, a.byte_end, &a.rule).cmp(&(b.byte_start, b.byte_end, &b.rule)));
        findings
    }
}

/// A phrase in quotation marks, or in a block quote, is talked about rather than used: a mention.
fn mark_mentions(quotes: &[std::ops::Range<usize>], base: usize, in_block_quote: bool, hits: &mut [Hit]) {
    for hit in hits {
        let (start, end) = (hit.start - base, hit.end - base);
        hit.mention |= in_block_quote || quotes.iter().any(|span| span.start < start && end < span.end);
    }
}

/// The text a message quotes: the prose of the match, on one line.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// NUL bytes do not occur in text files (UTF-16 aside, which is not UTF-8 either).
fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

const UTF16_MESSAGE: &str = "is UTF-16 text; chaff reads UTF-8 (convert it with `iconv -f UTF-16 -t UTF-8`)";

/// A UTF-16 byte-order mark, either way round.
fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff])
}

fn not_utf8_reason(bytes: &[u8], error: &std::str::Utf8Error) -> String {
    if is_utf16(bytes) {
        return UTF16_MESSAGE.to_owned();
    }
    let valid = &bytes[..error.valid_up_to()];
    let valid = std::str::from_utf8(valid).unwrap_or_default();
    let lines = LineIndex::new(valid);
    let (line, column) = lines.position(valid, valid.len());
    format!(
        "is not valid UTF-8: invalid byte 0x{:02x} at line {line}, column {column}",
        bytes[error.valid_up_to()]
    )
}

/// An I/O error without the "(os error N)" noise.
pub fn io_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}
