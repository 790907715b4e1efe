//! Rule packs: the TOML schema, loading, and validation. A `RuleSet` is plain, checked data: every rule
//! has one way to match (phrases or a regex), the words a writer reads, its examples, and the file and
//! line it came from. Nothing here compiles automata or sees a document; `matcher` does the first and
//! `check` the second.
//!
//! The default packs live in `rules/` and are compiled into the binary, so chaff works with no set-up.

use crate::error::{Error, Result};
use crate::finding::Severity;
use crate::lines::LineIndex;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The default packs, embedded at build time. `tests/rules.rs` checks that every file in `rules/` is
/// listed here.
pub const EMBEDDED_PACKS: &[(&str, &str)] = &[
    ("rules/cliche.toml", include_str!("../rules/cliche.toml")),
    ("rules/buzzword.toml", include_str!("../rules/buzzword.toml")),
    ("rules/listicle.toml", include_str!("../rules/listicle.toml")),
    (
        "rules/empty-words.toml",
        include_str!("../rules/empty-words.toml"),
    ),
    ("rules/repetition.toml", include_str!("../rules/repetition.toml")),
];

/// The text of one pack and where it came from.
#[derive(Debug, Clone)]
pub struct PackSource {
    pub path: PathBuf,
    pub text: String,
    /// Compiled into the binary rather than read from disk.
    pub embedded: bool,
}

impl PackSource {
    /// The packs chaff uses when nobody asks for others.
    pub fn defaults() -> Vec<PackSource> {
        EMBEDDED_PACKS
            .iter()
            .map(|(path, text)| PackSource {
                path: PathBuf::from(path),
                text: (*text).to_owned(),
                embedded: true,
            })
            .collect()
    }

    /// Reads a pack file, or every `*.toml` in a folder (sorted, not recursive).
    pub fn read(path: &Path) -> Result<Vec<PackSource>> {
        let io_error = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let metadata = std::fs::metadata(path).map_err(io_error)?;
        let files = if metadata.is_dir() {
            let mut files = Vec::new();
            for entry in std::fs::read_dir(path).map_err(io_error)? {
                let file = entry.map_err(io_error)?.path();
                if file.extension().is_some_and(|ext| ext == "toml") && file.is_file() {
                    files.push(file);
                }
            }
            files.sort();
            if files.is_empty() {
                return Err(Error::Config(format!(
                    "{}: no rule packs (*.toml files) in this folder",
                    path.display()
                )));
            }
            files
        } else {
            vec![path.to_path_buf()]
        };
        files
            .into_iter()
            .map(|file| {
                let bytes = std::fs::read(&file).map_err(|source| Error::Io {
                    path: file.clone(),
                    source,
                })?;
                let mut text = String::from_utf8(bytes).map_err(|_| Error::NotText {
                    path: file.clone(),
                    reason: "a rule pack must be UTF-8 TOML".to_owned(),
                })?;
                // Editors on some systems save a byte-order mark; TOML does not allow one.
                if text.starts_with('\u{feff}') {
                    text.drain(..3);
                }
                Ok(PackSource {
                    path: file,
                    text,
                    embedded: false,
                })
            })
            .collect()
    }
}

/// Which kinds of text a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Paragraphs, list items, table cells, block quotes, link and alt text.
    Prose,
    /// Headings and the front-matter title.
    Heading,
}

/// The set of scopes a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scopes {
    pub prose: bool,
    pub heading: bool,
}

impl Scopes {
    pub const ALL: Scopes = Scopes {
        prose: true,
        heading: true,
    };

    fn from_list(list: &[Scope]) -> Scopes {
        Scopes {
            prose: list.contains(&Scope::Prose),
            heading: list.contains(&Scope::Heading),
        }
    }

    pub fn contains(self, scope: Scope) -> bool {
        match scope {
            Scope::Prose => self.prose,
            Scope::Heading => self.heading,
        }
    }
}

impl fmt::Display for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.prose, self.heading) {
            (true, true) => f.write_str("prose, heading"),
            (true, false) => f.write_str("prose"),
            (false, true) => f.write_str("heading"),
            (false, false) => f.write_str("nothing"),
        }
    }
}

/// How a rule finds its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    /// Phrases, matched as whole words after normalisation, with their variants.
    Phrases(Vec<String>),
    /// One regex, run on the normalised text.
    Regex(String),
    /// A detector in `src/detect/`, configured by the pack's `[detector.<name>]` table.
    Detector(String),
}

/// Where a rule was defined, for error messages and `chaff explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub embedded: bool,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)?;
        if self.embedded {
            f.write_str(" (built in)")?;
        }
        Ok(())
    }
}

/// One validated rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Full id: `<pack>.<rule>`.
    pub id: String,
    /// Id of the pack that defined it.
    pub pack: String,
    pub category: String,
    pub severity: Severity,
    pub pattern: Pattern,
    /// May contain `{match}`, replaced by the matched text.
    pub message: String,
    pub critique: String,
    pub instead: Vec<String>,
    pub scopes: Scopes,
    /// A catch-all: reported only where no other rule of its category matched.
    pub fallback: bool,
    pub bad_examples: Vec<String>,
    pub good_examples: Vec<String>,
    pub origin: Origin,
}

impl Rule {
    /// The message with `{match}` filled in.
    pub fn message_for(&self, matched: &str) -> String {
        self.message.replace("{match}", matched)
    }
}

/// A pack's header, kept for listing.
#[derive(Debug, Clone)]
pub struct Pack {
    pub id: String,
    pub description: String,
    pub origin: Origin,
}

/// Every rule of every loaded pack, in load order, ids unique.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    packs: Vec<Pack>,
    by_id: HashMap<String, usize>,
    detector_tables: Vec<DetectorTable>,
}

/// The settings of one detector for one pack: its `[detector.<name>]` tables, merged in load order.
#[derive(Debug, Clone)]
pub struct DetectorTable {
    pub pack: String,
    pub name: String,
    pub table: toml::Table,
    /// Where the first table for this pack and detector was defined.
    pub origin: Origin,
}

impl RuleSet {
    /// Loads and validates packs. Every problem in every pack is returned, not just the first, so a
    /// pack author fixes them in one round.
    pub fn load(sources: &[PackSource]) -> Result<RuleSet, Vec<Error>> {
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        for source in sources {
            set.add_pack(source, &mut errors);
        }
        set.check_detector_tables(&mut errors);
        if errors.is_empty() { Ok(set) } else { Err(errors) }
    }

    /// The settings of detector `name` for the rules of pack `pack`, if any pack gave some.
    pub fn detector_table(&self, pack: &str, name: &str) -> Option<&DetectorTable> {
        self.detector_tables
            .iter()
            .find(|table| table.pack == pack && table.name == name)
    }

    /// A later table for the same pack and detector extends the earlier one, so a user's pack can
    /// add words to a built-in vocabulary: lists are appended, other values replaced.
    fn add_detector_table(&mut self, pack: &str, name: &str, table: toml::Table, origin: Origin) {
        if let Some(existing) = self
            .detector_tables
            .iter_mut()
            .find(|existing| existing.pack == pack && existing.name == name)
        {
            for (key, value) in table {
                match (existing.table.get_mut(&key), value) {
                    (Some(toml::Value::Array(list)), toml::Value::Array(more)) => list.extend(more),
                    (_, value) => {
                        existing.table.insert(key, value);
                    }
                }
            }
            return;
        }
        self.detector_tables.push(DetectorTable {
            pack: pack.to_owned(),
            name: name.to_owned(),
            table,
            origin,
        });
    }

    /// A detector table that no rule uses is a mistake (a misspelt name, a rule left out).
    fn check_detector_tables(&self, errors: &mut Vec<Error>) {
        for table in &self.detector_tables {
            let used = self.rules.iter().any(|rule| {
                rule.pack == table.pack
                    && matches!(&rule.pattern, Pattern::Detector(name) if *name == table.name)
            });
            if !used {
                errors.push(Error::Toml {
                    path: table.origin.path.clone(),
                    line: table.origin.line,
                    column: table.origin.column,
                    message: format!(
                        "`[detector.{}]` is used by no rule of pack `{}`; a rule needs `detector = \"{}\"`",
                        table.name, table.pack, table.name
                    ),
                });
            }
        }
    }

    /// The embedded default packs.
    pub fn defaults() -> Result<RuleSet, Vec<Error>> {
        RuleSet::load(&PackSource::defaults())
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&index| &self.rules[index])
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Ids that look like `id`, best first, for "did you mean" messages.
    pub fn similar_ids(&self, id: &str) -> Vec<&str> {
        let wanted = id.to_lowercase();
        let tail = wanted.rsplit('.').next().unwrap_or(&wanted);
        let mut scored: Vec<(usize, &str)> = self
            .rules
            .iter()
            .map(|rule| {
                let rule_tail = rule.id.rsplit('.').next().unwrap_or(&rule.id);
                let distance = edit_distance(&wanted, &rule.id).min(edit_distance(tail, rule_tail));
                let contains = rule.id.contains(tail) && tail.len() >= 3;
                (if contains { 0 } else { distance }, rule.id.as_str())
            })
            .filter(|&(distance, _)| distance <= 3)
            .collect();
        scored.sort();
        scored.into_iter().take(5).map(|(_, id)| id).collect()
    }

    fn add_pack(&mut self, source: &PackSource, errors: &mut Vec<Error>) {
        let index = LineIndex::new(&source.text);
        let locate = |offset: usize| index.position(&source.text, offset);
        let file: PackFile = match toml::from_str(&source.text) {
            Ok(file) => file,
            Err(error) => {
                let (line, column) = error.span().map_or((1, 1), |span| locate(span.start));
                errors.push(Error::Toml {
                    path: source.path.clone(),
                    line,
                    column,
                    message: error.message().trim().to_owned(),
                });
                return;
            }
        };
        let origin_at = |offset: usize| {
            let (line, column) = locate(offset);
            Origin {
                path: source.path.clone(),
                line,
                column,
                embedded: source.embedded,
            }
        };
        let toml_error = |offset: usize, message: String| {
            let (line, column) = locate(offset);
            Error::Toml {
                path: source.path.clone(),
                line,
                column,
                message,
            }
        };

        let header = file.pack;
        let pack_id = header.id.get_ref().clone();
        if !is_kebab_case(&pack_id) {
            errors.push(toml_error(
                header.id.span().start,
                format!(
                    "pack id `{pack_id}` must be kebab-case (lower-case letters, digits and single hyphens)"
                ),
            ));
            return;
        }
        if !is_kebab_case(header.category.get_ref()) {
            errors.push(toml_error(
                header.category.span().start,
                format!("category `{}` must be kebab-case", header.category.get_ref()),
            ));
        }
        for (name, table) in file.detector {
            let origin = origin_at(table.span().start);
            if !crate::detect::NAMES.contains(&name.as_str()) {
                errors.push(toml_error(
                    table.span().start,
                    format!(
                        "unknown detector `{name}`; chaff has: {}",
                        crate::detect::NAMES.join(", ")
                    ),
                ));
                continue;
            }
            self.add_detector_table(&pack_id, &name, table.into_inner(), origin);
        }
        self.packs.push(Pack {
            id: pack_id.clone(),
            description: header.description,
            origin: origin_at(header.id.span().start),
        });

        for spanned in file.rule {
            let offset = spanned.span().start;
            let definition = spanned.into_inner();
            let id = format!("{pack_id}.{}", definition.id.get_ref());
            let rule_error = |offset: usize, message: String| {
                let (line, column) = locate(offset);
                Error::Rule {
                    path: source.path.clone(),
                    line,
                    column,
                    rule: id.clone(),
                    message,
                }
            };
            let before = errors.len();

            if !is_kebab_case(definition.id.get_ref()) {
                errors.push(rule_error(
                    definition.id.span().start,
                    "rule id must be kebab-case (lower-case letters, digits and single hyphens)".to_owned(),
                ));
            }
            if let Some(&existing) = self.by_id.get(&id) {
                errors.push(rule_error(
                    definition.id.span().start,
                    format!(
                        "duplicate rule id; first defined at {}",
                        self.rules[existing].origin
                    ),
                ));
            }
            let matchers = [
                definition.phrases.as_ref().map(|phrases| phrases.span()),
                definition.regex.as_ref().map(|regex| regex.span()),
                definition.detector.as_ref().map(|detector| detector.span()),
            ];
            let given: Vec<_> = matchers.into_iter().flatten().collect();
            if given.len() != 1 {
                let (at, message) = match given.get(1) {
                    Some(second) => (
                        second.start,
                        "a rule has one of `phrases`, `regex` and `detector`, not several",
                    ),
                    None => (
                        offset,
                        "a rule needs `phrases`, `regex` or `detector` to match anything",
                    ),
                };
                errors.push(rule_error(at, message.to_owned()));
                continue;
            }
            let pattern = if let Some(phrases) = definition.phrases {
                let span = phrases.span();
                let phrases = phrases.into_inner();
                if phrases.is_empty() {
                    errors.push(rule_error(span.start, "`phrases` is empty".to_owned()));
                }
                for phrase in &phrases {
                    if !phrase.chars().any(char::is_alphanumeric) {
                        errors.push(rule_error(
                            span.start,
                            format!("phrase {phrase:?} has no words in it"),
                        ));
                    }
                }
                Pattern::Phrases(phrases)
            } else if let Some(regex) = definition.regex {
                if let Err(error) = crate::matcher::compile_regex(regex.get_ref()) {
                    errors.push(rule_error(
                        regex.span().start,
                        format!("regex does not compile: {error}"),
                    ));
                }
                Pattern::Regex(regex.into_inner())
            } else if let Some(detector) = definition.detector {
                if !crate::detect::NAMES.contains(&detector.get_ref().as_str()) {
                    errors.push(rule_error(
                        detector.span().start,
                        format!(
                            "unknown detector `{}`; chaff has: {}",
                            detector.get_ref(),
                            crate::detect::NAMES.join(", ")
                        ),
                    ));
                }
                Pattern::Detector(detector.into_inner())
            } else {
                continue;
            };
            for (field, text) in [
                ("message", &definition.message),
                ("critique", &definition.critique),
            ] {
                if text.trim().is_empty() {
                    errors.push(rule_error(offset, format!("`{field}` is empty")));
                }
            }
            let examples = definition.examples.unwrap_or_default();
            if examples.bad.is_empty() || examples.good.is_empty() {
                errors.push(rule_error(
                    offset,
                    "every rule needs `examples.bad` and `examples.good` (at least one each)".to_owned(),
                ));
            }
            let category = definition
                .category
                .unwrap_or_else(|| header.category.get_ref().clone());
            if !is_kebab_case(&category) {
                errors.push(rule_error(
                    offset,
                    format!("category `{category}` must be kebab-case"),
                ));
            }
            let scopes = definition
                .scope
                .as_deref()
                .or(header.scope.as_deref())
                .map_or(Scopes::ALL, Scopes::from_list);
            if scopes == Scopes::from_list(&[]) {
                errors.push(rule_error(
                    offset,
                    "`scope` is empty: the rule could never match".to_owned(),
                ));
            }
            if errors.len() > before {
                continue;
            }
            self.by_id.insert(id.clone(), self.rules.len());
            self.rules.push(Rule {
                id,
                pack: pack_id.clone(),
                category,
                severity: definition
                    .severity
                    .or(header.severity)
                    .unwrap_or(Severity::Warning),
                pattern,
                message: definition.message,
                critique: definition.critique,
                instead: definition.instead,
                scopes,
                fallback: definition.fallback,
                bad_examples: examples.bad,
                good_examples: examples.good,
                origin: origin_at(offset),
            });
        }
    }
}

/// `a`, `a-b`, `a1-b2`: lower-case ASCII words joined by single hyphens.
fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Levenshtein distance over characters; ids are short, so the quadratic table is fine.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

// ---- the file schema -------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    pack: PackHeader,
    #[serde(default)]
    rule: Vec<Spanned<RuleDefinition>>,
    #[serde(default)]
    detector: std::collections::BTreeMap<String, Spanned<toml::Table>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackHeader {
    id: Spanned<String>,
    #[serde(default)]
    description: String,
    category: Spanned<String>,
    severity: Option<Severity>,
    scope: Option<Vec<Scope>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDefinition {
    id: Spanned<String>,
    phrases: Option<Spanned<Vec<String>>>,
    regex: Option<Spanned<String>>,
    detector: Option<Spanned<String>>,
    message: String,
    critique: String,
    #[serde(default)]
    instead: Vec<String>,
    severity: Option<Severity>,
    category: Option<String>,
    scope: Option<Vec<Scope>>,
    #[serde(default)]
    fallback: bool,
    examples: Option<Examples>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Examples {
    #[serde(default)]
    bad: Vec<String>,
    #[serde(default)]
    good: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(text: &str) -> Result<RuleSet, Vec<Error>> {
        RuleSet::load(&[PackSource {
            path: PathBuf::from("test.toml"),
            text: text.to_owned(),
            embedded: false,
        }])
    }

    const HEADER: &str = "[pack]\nid = \"t\"\ncategory = \"cliche\"\n\n";

    const GOOD_RULE: &str = "[[rule]]\nid = \"a\"\nphrases = [\"think outside the box\"]\nmessage = \"m\"\ncritique = \"c\"\nexamples.bad = [\"b\"]\nexamples.good = [\"g\"]\n";

    #[test]
    fn a_valid_pack_loads_with_full_ids_and_origins() {
        let set = pack(&format!("{HEADER}{GOOD_RULE}")).unwrap();
        let rule = set.get("t.a").unwrap();
        assert_eq!(rule.origin.line, 5);
        assert_eq!(rule.severity, Severity::Warning);
        assert_eq!(rule.scopes, Scopes::ALL);
    }

    #[test]
    fn unknown_keys_are_located() {
        let errors = pack(&format!("{HEADER}{GOOD_RULE}colour = \"red\"\n")).unwrap_err();
        let message = errors[0].to_string();
        assert!(message.starts_with("test.toml:12:1:"), "{message}");
        assert!(message.contains("colour"), "{message}");
    }

    #[test]
    fn duplicate_ids_name_the_rule_and_both_places() {
        let errors = pack(&format!("{HEADER}{GOOD_RULE}\n{GOOD_RULE}")).unwrap_err();
        let message = errors[0].to_string();
        assert!(message.contains("rule `t.a`"), "{message}");
        assert!(message.contains("first defined at test.toml:5"), "{message}");
    }

    #[test]
    fn a_rule_needs_exactly_one_matcher_and_a_compiling_regex() {
        let both = GOOD_RULE.replace("phrases", "regex = 'x'\nphrases");
        let neither = GOOD_RULE.replace("phrases = [\"think outside the box\"]\n", "");
        let broken = GOOD_RULE.replace("phrases = [\"think outside the box\"]", "regex = '(unclosed'");
        for (text, expected) in [
            (both, "not several"),
            (neither, "needs `phrases`, `regex` or `detector`"),
            (broken, "regex does not compile"),
        ] {
            let errors = pack(&format!("{HEADER}{text}")).unwrap_err();
            assert!(errors[0].to_string().contains(expected), "{}", errors[0]);
        }
    }

    #[test]
    fn missing_examples_are_an_error() {
        let text = GOOD_RULE.replace("examples.good = [\"g\"]\n", "");
        let errors = pack(&format!("{HEADER}{text}")).unwrap_err();
        assert!(errors[0].to_string().contains("examples.good"));
    }

    #[test]
    fn similar_ids_suggest_near_misses() {
        let set = pack(&format!("{HEADER}{GOOD_RULE}")).unwrap();
        assert_eq!(set.similar_ids("t.b"), vec!["t.a"]);
        assert!(set.similar_ids("completely-different").is_empty());
    }
}
