//! Compiles every rule of a `RuleSet` into one matcher and runs it over blocks of prose.
//!
//! All phrases of all packs, with all their variants, go into ONE Aho-Corasick automaton, so a block
//! is scanned once whatever the number of phrases. Regex rules go into a `RegexSet` per scope, which
//! tells in one pass which regexes can match; only those run again to find where. Matching happens on
//! the normalised text (see `normalize`), and every match is mapped back to the prose.
//!
//! Matches must start and end on word boundaries. When matches overlap, one problem is not reported
//! twice: within a category only the leftmost-longest match stays, and a match lying wholly inside a
//! kept match of any category is dropped ("seamless" inside "seamless experience"). In a heading, a
//! rule reports once: a headline is one claim however many times it repeats its formula.

mod normalize;
mod variants;

pub use normalize::{Normalized, is_word_char, normalize};
pub use variants::expand;

use crate::error::{Error, Result};
use crate::finding::Hit;
use crate::rules::{Pattern, RuleSet, Scope};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use std::collections::HashMap;

/// Compiled size limits for one regex and for a set: generous for real rules, bounded so a hostile
/// pack cannot exhaust memory.
const REGEX_SIZE_LIMIT: usize = 16 << 20;
const REGEX_SET_SIZE_LIMIT: usize = 256 << 20;

/// Compiles a rule's regex the way the matcher will run it.
pub fn compile_regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).size_limit(REGEX_SIZE_LIMIT).build()
}

/// The compiled form of a `RuleSet`.
#[derive(Debug)]
pub struct Matcher {
    phrases: Option<AhoCorasick>,
    /// Pattern index → rule index.
    pattern_rule: Vec<u32>,
    prose_regexes: RegexGroup,
    heading_regexes: RegexGroup,
    /// Per rule: its scopes and a small category number.
    rule_scope: Vec<crate::rules::Scopes>,
    rule_category: Vec<u32>,
    /// Catch-all rules, kept only where no specific rule of their category matched.
    rule_fallback: Vec<bool>,
    category_count: usize,
}

/// Buffers reused from block to block, so matching allocates nothing in the steady state. One per
/// thread.
#[derive(Debug, Default)]
pub struct Scratch {
    normalized: Normalized,
    candidates: Vec<Candidate>,
    kept: Vec<Candidate>,
    category_end: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    rule: u32,
    category: u32,
    start: usize,
    end: usize,
}

impl Matcher {
    pub fn compile(rules: &RuleSet) -> Result<Matcher> {
        let mut categories: HashMap<&str, u32> = HashMap::new();
        let mut rule_category = Vec::with_capacity(rules.len());
        let mut rule_scope = Vec::with_capacity(rules.len());
        let rule_fallback = rules.rules().iter().map(|rule| rule.fallback).collect();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_rule: Vec<u32> = Vec::new();
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut prose_regexes = RegexGroupBuilder::default();
        let mut heading_regexes = RegexGroupBuilder::default();

        for (index, rule) in rules.rules().iter().enumerate() {
            let rule_index =
                u32::try_from(index).map_err(|_| Error::Config("more than 4 billion rules".to_owned()))?;
            let next_category = u32::try_from(categories.len()).unwrap_or(u32::MAX);
            rule_category.push(*categories.entry(rule.category.as_str()).or_insert(next_category));
            rule_scope.push(rule.scopes);
            match &rule.pattern {
                Pattern::Phrases(phrases) => {
                    for phrase in phrases {
                        for form in expand(&normalize(phrase)) {
                            // The first rule to claim a form keeps it.
                            if let std::collections::hash_map::Entry::Vacant(slot) = seen.entry(form) {
                                patterns.push(slot.key().clone());
                                pattern_rule.push(rule_index);
                                slot.insert(rule_index);
                            }
                        }
                    }
                }
                Pattern::Regex(pattern) => {
                    if rule.scopes.prose {
                        prose_regexes.push(index, pattern);
                    }
                    if rule.scopes.heading {
                        heading_regexes.push(index, pattern);
                    }
                }
                // Detectors are code, run by `check` beside the matcher.
                Pattern::Detector(_) => {}
            }
        }

        let phrases = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .map_err(|error| Error::Config(format!("cannot compile the phrase rules: {error}")))?,
            )
        };
        Ok(Matcher {
            phrases,
            pattern_rule,
            prose_regexes: prose_regexes.build()?,
            heading_regexes: heading_regexes.build()?,
            rule_scope,
            rule_category,
            rule_fallback,
            category_count: categories.len(),
        })
    }

    /// Number of phrase forms in the automaton, variants included.
    pub fn phrase_forms(&self) -> usize {
        self.pattern_rule.len()
    }

    /// Finds every rule match in one block of prose and appends them to `hits`, with offsets into
    /// the prose (`base` is where the block starts there), sorted by position.
    pub fn find(&self, block: &str, scope: Scope, base: usize, scratch: &mut Scratch, hits: &mut Vec<Hit>) {
        let Scratch {
            normalized,
            candidates,
            kept,
            category_end,
        } = scratch;
        normalized.fill(block);
        candidates.clear();
        let text = normalized.text.as_str();

        let mut consider = |rule: usize, start: usize, end: usize| {
            if start == end || !self.rule_scope[rule].contains(scope) || !on_word_boundaries(text, start, end)
            {
                return;
            }
            candidates.push(Candidate {
                rule: rule as u32,
                category: self.rule_category[rule],
                start,
                end,
            });
        };
        if let Some(automaton) = &self.phrases {
            for found in automaton.find_overlapping_iter(text) {
                consider(
                    self.pattern_rule[found.pattern().as_usize()] as usize,
                    found.start(),
                    found.end(),
                );
            }
        }
        let regexes = match scope {
            Scope::Prose => &self.prose_regexes,
            Scope::Heading => &self.heading_regexes,
        };
        regexes.find(text, &mut consider);

        candidates.sort_unstable_by_key(|c| (c.start, std::cmp::Reverse(c.end), c.rule));
        kept.clear();
        // Specific rules first, leftmost-longest, in one pass: a candidate is dropped when it overlaps
        // a kept match of its category or lies inside any kept match.
        category_end.clear();
        category_end.resize(self.category_count, 0);
        let mut kept_end = 0;
        for candidate in candidates.iter().filter(|c| !self.rule_fallback[c.rule as usize]) {
            let category = candidate.category as usize;
            let overlaps_same_kind = category_end[category] > candidate.start;
            let inside_another = kept_end >= candidate.end;
            // A heading is one claim: "Delight is dead. Long live delight." is one formula, not two.
            let repeats_in_heading =
                scope == Scope::Heading && kept.iter().any(|other| other.rule == candidate.rule);
            if overlaps_same_kind || inside_another || repeats_in_heading {
                continue;
            }
            category_end[category] = candidate.end;
            kept_end = kept_end.max(candidate.end);
            kept.push(*candidate);
        }
        // Then catch-all rules, only where nothing was kept: the specific critique is the useful one.
        let specific = kept.len();
        let longest_specific = kept.iter().map(|k| k.end - k.start).max().unwrap_or(0);
        for candidate in candidates.iter().filter(|c| self.rule_fallback[c.rule as usize]) {
            let (earlier, fallbacks) = kept.split_at(specific);
            let longest_fallback = fallbacks.iter().map(|k| k.end - k.start).max().unwrap_or(0);
            let repeats_in_heading =
                scope == Scope::Heading && kept.iter().any(|other| other.rule == candidate.rule);
            if repeats_in_heading
                || clashes(earlier, longest_specific, candidate)
                || clashes(fallbacks, longest_fallback, candidate)
            {
                continue;
            }
            kept.push(*candidate);
        }
        kept.sort_unstable_by_key(|k| (k.start, k.end));
        for candidate in kept.iter() {
            let range = normalized.original_range(block, candidate.start, candidate.end);
            hits.push(Hit {
                rule: candidate.rule as usize,
                mention: false,
                start: base + range.start,
                end: base + range.end,
            });
        }
    }
}

/// Whether `candidate` overlaps a match of its own category in `kept`, or lies inside any match
/// there. `kept` is sorted by start and `longest` is its longest match, so only a short stretch of
/// it can reach the candidate.
fn clashes(kept: &[Candidate], longest: usize, candidate: &Candidate) -> bool {
    let upper = kept.partition_point(|k| k.start < candidate.end);
    let lower = kept.partition_point(|k| k.start + longest <= candidate.start);
    kept[lower..upper.max(lower)].iter().any(|k| {
        let overlaps = k.start < candidate.end && candidate.start < k.end;
        let contains = k.start <= candidate.start && candidate.end <= k.end;
        (overlaps && k.category == candidate.category) || contains
    })
}

/// A match must not begin or end in the middle of a word.
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let starts_word = text[start..].chars().next().is_some_and(is_word_char);
    let ends_word = text[..end].chars().next_back().is_some_and(is_word_char);
    let before_is_word = text[..start].chars().next_back().is_some_and(is_word_char);
    let after_is_word = text[end..].chars().next().is_some_and(is_word_char);
    let splits_a_word = (starts_word && before_is_word) || (ends_word && after_is_word);
    !splits_a_word
}

#[derive(Debug, Default)]
struct RegexGroupBuilder {
    rules: Vec<usize>,
    patterns: Vec<String>,
}

impl RegexGroupBuilder {
    fn push(&mut self, rule: usize, pattern: &str) {
        self.rules.push(rule);
        self.patterns.push(pattern.to_owned());
    }

    fn build(self) -> Result<RegexGroup> {
        let too_large =
            |error: regex::Error| Error::Config(format!("cannot compile the regex rules: {error}"));
        let set = RegexSetBuilder::new(&self.patterns)
            .size_limit(REGEX_SET_SIZE_LIMIT)
            .build()
            .map_err(too_large)?;
        let regexes = self
            .patterns
            .iter()
            .map(|pattern| compile_regex(pattern))
            .collect::<Result<Vec<_>, _>>()
            .map_err(too_large)?;
        let reports_group = regexes
            .iter()
            .map(|regex| regex.capture_names().flatten().any(|name| name == MATCH_GROUP))
            .collect();
        Ok(RegexGroup {
            set,
            rules: self.rules,
            regexes,
            reports_group,
        })
    }
}

/// The regex rules of one scope.
#[derive(Debug)]
struct RegexGroup {
    set: RegexSet,
    rules: Vec<usize>,
    regexes: Vec<Regex>,
    /// The regex has a group named `match`: that group, not the whole match, is what it reports.
    reports_group: Vec<bool>,
}

/// A regex rule may report only part of what it matches, the part in `(?P<match>…)`, so it can
/// require context (the start of a sentence, a comma after) without underlining it.
pub const MATCH_GROUP: &str = "match";

impl RegexGroup {
    fn find(&self, text: &str, found: &mut impl FnMut(usize, usize, usize)) {
        if self.regexes.is_empty() {
            return;
        }
        for index in self.set.matches(text).iter() {
            let regex = &self.regexes[index];
            if self.reports_group[index] {
                for captures in regex.captures_iter(text) {
                    if let Some(group) = captures.name(MATCH_GROUP) {
                        found(self.rules[index], group.start(), group.end());
                    }
                }
            } else {
                for m in regex.find_iter(text) {
                    found(self.rules[index], m.start(), m.end());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::PackSource;

    fn matcher(rules: &str) -> (RuleSet, Matcher) {
        let text = format!("[pack]\nid = \"t\"\ncategory = \"cliche\"\n\n{rules}");
        let set = RuleSet::load(&[PackSource {
            path: "t.toml".into(),
            text,
            embedded: false,
        }])
        .unwrap();
        let matcher = Matcher::compile(&set).unwrap();
        (set, matcher)
    }

    fn rule(id: &str, matcher: &str) -> String {
        format!(
            "[[rule]]\nid = \"{id}\"\n{matcher}\nmessage = \"m\"\ncritique = \"c\"\nexamples.bad = [\"b\"]\nexamples.good = [\"g\"]\n\n"
        )
    }

    fn found(matcher: &Matcher, set: &RuleSet, text: &str) -> Vec<(String, String)> {
        let mut hits = Vec::new();
        matcher.find(text, Scope::Prose, 0, &mut Scratch::default(), &mut hits);
        hits.iter()
            .map(|hit| {
                (
                    set.rules()[hit.rule].id.clone(),
                    text[hit.start..hit.end].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn phrases_match_whole_words_in_any_form() {
        let (set, matcher) = matcher(&rule("box", "phrases = [\"think outside the box\"]"));
        let text =
            "We kept Thinking outside-the\u{2011}box. Rethink outside the boxes? unthink outside the box";
        assert_eq!(
            found(&matcher, &set, text),
            vec![("t.box".to_owned(), "Thinking outside-the\u{2011}box".to_owned())]
        );
    }

    #[test]
    fn the_longest_match_of_a_category_wins_and_contained_matches_go() {
        let rules = rule("seamless", "phrases = [\"seamless\"]")
            + &rule("seamless-experience", "phrases = [\"seamless experience\"]")
            + &rule("experience-journey", "phrases = [\"experience journey\"]");
        let (set, matcher) = matcher(&rules);
        let hits = found(
            &matcher,
            &set,
            "A seamless experience journey, and seamless ones.",
        );
        assert_eq!(
            hits,
            vec![
                (
                    "t.seamless-experience".to_owned(),
                    "seamless experience".to_owned()
                ),
                ("t.seamless".to_owned(), "seamless".to_owned()),
            ]
        );
    }

    #[test]
    fn regex_rules_run_on_normalised_text_and_respect_word_boundaries() {
        let (set, matcher) = matcher(&rule(
            "breakfast",
            "regex = '''\\b\\w+ eats \\w+ for breakfast'''",
        ));
        let hits = found(
            &matcher,
            &set,
            "Culture EATS strategy for\u{a0}breakfast, and data eats opinion for breakfasts.",
        );
        assert_eq!(
            hits,
            vec![(
                "t.breakfast".to_owned(),
                "Culture EATS strategy for\u{a0}breakfast".to_owned()
            )]
        );
    }

    #[test]
    fn a_rule_reports_once_per_heading_but_every_time_in_prose() {
        let (_, matcher) = matcher(&rule("dead", r"regex = '''\b\w+ is dead\b'''"));
        let text = "Delight is dead. Loyalty is dead.";
        let mut hits = Vec::new();
        matcher.find(text, Scope::Heading, 0, &mut Scratch::default(), &mut hits);
        assert_eq!(hits.len(), 1);
        hits.clear();
        matcher.find(text, Scope::Prose, 0, &mut Scratch::default(), &mut hits);
        assert_eq!(hits.len(), 2);
    }

    #[test]
    fn a_match_group_reports_only_its_part() {
        let (set, matcher) = matcher(&rule(
            "day",
            r"regex = '''(?:^|[.!?] )(?P<match>at the end of the day),'''",
        ));
        let text = "It rained. At the end of the day, we closed. We left at the end of the day.";
        assert_eq!(
            found(&matcher, &set, text),
            vec![("t.day".to_owned(), "At the end of the day".to_owned())]
        );
    }

    #[test]
    fn hits_map_back_to_the_prose_offsets() {
        let (_, matcher) = matcher(&rule("box", "phrases = [\"think outside the box\"]"));
        let mut hits = Vec::new();
        let text = "Stop saying \u{201c}Think outside the box.\u{201d}";
        matcher.find(text, Scope::Prose, 10, &mut Scratch::default(), &mut hits);
        assert_eq!(hits[0].start, 10 + text.find("Think").unwrap());
        assert_eq!(hits[0].end, 10 + text.find(".").unwrap());
    }
}
