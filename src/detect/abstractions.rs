//! `abstraction-cluster`: a sentence that strings abstractions together ("built on trust,
//! authenticity, collaboration and transparency") instead of saying anything a reader could check.
//!
//! Two shapes are flagged, sentence by sentence:
//! - a list: `min-list` or more different abstractions joined only by commas, "and", "or",
//!   slashes or ampersands, each perhaps with a modifier from `modifiers` ("radical transparency");
//! - a fog: a sentence with no digits in which `min-sentence` or more different abstractions make up
//!   at least `min-density` of the content words ("Trust and transparency drive engagement and
//!   innovation").

use super::{Detector, Word, words};
use crate::finding::Hit;
use crate::prose::sentences;
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    #[serde(default = "default_min_list")]
    min_list: usize,
    #[serde(default = "default_min_sentence")]
    min_sentence: usize,
    #[serde(default = "default_min_density")]
    min_density: f64,
    #[serde(default)]
    abstractions: Vec<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

fn default_min_list() -> usize {
    3
}

fn default_min_sentence() -> usize {
    4
}

fn default_min_density() -> f64 {
    0.5
}

/// Words that join the items of a list.
const CONNECTORS: &[&str] = &["and", "or", "plus", "nor"];

/// Words that carry grammar, not content; they do not count towards a sentence's content words.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
    "is", "are", "was", "were", "be", "been", "being", "it", "its", "it's", "this", "that", "these", "those",
    "we", "our", "us", "you", "your", "they", "their", "them", "he", "she", "his", "her", "i", "my", "me",
    "not", "no", "so", "than", "then", "into", "about", "all", "every", "each", "more", "most", "very",
    "can", "will", "should", "must", "may", "might", "would", "could", "has", "have", "had", "do", "does",
    "did", "what", "which", "who", "how", "why", "when", "where", "there", "here", "also", "only", "just",
    "both", "through", "across", "over", "under", "up", "out", "between",
];

#[derive(Debug)]
pub struct AbstractionCluster {
    min_list: usize,
    min_sentence: usize,
    min_density: f64,
    abstractions: HashSet<String>,
    modifiers: HashSet<String>,
}

impl AbstractionCluster {
    pub fn new(settings: Settings) -> Result<Self, String> {
        if settings.abstractions.is_empty() {
            return Err("`abstractions` is empty, so nothing could ever match".to_owned());
        }
        if settings.min_list < 2 || settings.min_sentence < 2 {
            return Err("`min-list` and `min-sentence` must be at least 2".to_owned());
        }
        if !(0.0..=1.0).contains(&settings.min_density) {
            return Err("`min-density` is a share, from 0 to 1".to_owned());
        }
        let lower = |list: Vec<String>| list.into_iter().map(|word| word.to_lowercase()).collect();
        Ok(AbstractionCluster {
            min_list: settings.min_list,
            min_sentence: settings.min_sentence,
            min_density: settings.min_density,
            abstractions: lower(settings.abstractions),
            modifiers: lower(settings.modifiers),
        })
    }

    /// The vocabulary form of a word: itself, or its singular when only that is listed.
    fn abstraction<'w>(&self, word: &'w str) -> Option<std::borrow::Cow<'w, str>> {
        if self.abstractions.contains(word) {
            return Some(word.into());
        }
        if let Some(stem) = word.strip_suffix("ies") {
            let singular = format!("{stem}y");
            if self.abstractions.contains(&singular) {
                return Some(singular.into());
            }
        }
        let singular = word.strip_suffix('s')?;
        self.abstractions.contains(singular).then(|| singular.into())
    }

    /// The first list of enough abstractions in a sentence, as a range of the sentence.
    ///
    /// A run is a stretch of abstractions, modifiers and connectors with nothing but commas,
    /// semicolons, slashes and ampersands between them. An abstraction counts as an item of the list
    /// only where an item ends: before a separator, a connector or the end of the run. Otherwise it
    /// modifies the next word ("service excellence", or a verb: "we value radical transparency").
    fn list_run(&self, sentence: &str, words: &[Word]) -> Option<std::ops::Range<usize>> {
        let mut start = 0;
        while start < words.len() {
            let mut end = start;
            while end < words.len() && self.fits_list(&words[end].text) {
                end += 1;
                let joined = end < words.len() && {
                    let gap = &sentence[words[end - 1].range.end..words[end].range.start];
                    gap.chars()
                        .all(|c| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '&'))
                };
                if !joined {
                    break;
                }
            }
            if let Some(found) = self.items(sentence, &words[start..end]) {
                return Some(found);
            }
            start = end.max(start + 1);
        }
        None
    }

    fn fits_list(&self, word: &str) -> bool {
        self.abstraction(word).is_some() || CONNECTORS.contains(&word) || self.modifiers.contains(word)
    }

    /// The span from the first to the last item of a run, if it has enough different items.
    fn items(&self, sentence: &str, run: &[Word]) -> Option<std::ops::Range<usize>> {
        let mut distinct: HashSet<String> = HashSet::new();
        let mut span: Option<std::ops::Range<usize>> = None;
        for (k, word) in run.iter().enumerate() {
            let Some(form) = self.abstraction(&word.text) else {
                continue;
            };
            let ends_item = run.get(k + 1).is_none_or(|next| {
                let gap = &sentence[word.range.end..next.range.start];
                gap.contains([',', ';', '/', '&']) || CONNECTORS.contains(&next.text.as_str())
            });
            if ends_item {
                distinct.insert(form.into_owned());
                let start = span.as_ref().map_or(word.range.start, |span| span.start);
                span = Some(start..word.range.end);
            }
        }
        span.filter(|_| distinct.len() >= self.min_list)
    }

    /// A sentence that is mostly abstractions, without a single figure.
    fn is_fog(&self, sentence: &str, words: &[Word]) -> bool {
        if sentence.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        let content: Vec<&Word> = words
            .iter()
            .filter(|word| !FUNCTION_WORDS.contains(&word.text.as_str()))
            .collect();
        let distinct: HashSet<String> = content
            .iter()
            .filter_map(|word| self.abstraction(&word.text).map(|form| form.into_owned()))
            .collect();
        let abstract_words = content
            .iter()
            .filter(|word| self.abstraction(&word.text).is_some())
            .count();
        distinct.len() >= self.min_sentence
            && !content.is_empty()
            && abstract_words as f64 / content.len() as f64 >= self.min_density
    }
}

impl Detector for AbstractionCluster {
    fn find(&self, block: &str, base: usize, rule: usize, hits: &mut Vec<Hit>) {
        for sentence_range in sentences(block) {
            let sentence = &block[sentence_range.clone()];
            let words = words(sentence);
            let found = self.list_run(sentence, &words).or_else(|| {
                self.is_fog(sentence, &words)
                    .then(|| 0..sentence.trim_end_matches(['.', '!', '?']).len())
            });
            if let Some(range) = found {
                hits.push(Hit {
                    rule,
                    start: base + sentence_range.start + range.start,
                    end: base + sentence_range.start + range.end,
                    mention: false,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detector() -> AbstractionCluster {
        let words = [
            "trust",
            "authenticity",
            "collaboration",
            "transparency",
            "empathy",
            "engagement",
            "innovation",
            "excellence",
            "integrity",
            "community",
            "value",
            "growth",
            "purpose",
        ];
        AbstractionCluster::new(Settings {
            min_list: 3,
            min_sentence: 4,
            min_density: 0.5,
            abstractions: words.iter().map(|word| (*word).to_owned()).collect(),
            modifiers: vec!["radical".to_owned(), "genuine".to_owned()],
        })
        .unwrap()
    }

    fn found(text: &str) -> Vec<&str> {
        let mut hits = Vec::new();
        detector().find(text, 0, 0, &mut hits);
        hits.iter().map(|hit| &text[hit.start..hit.end]).collect()
    }

    #[test]
    fn a_list_of_three_abstractions_is_flagged() {
        assert_eq!(
            found("Our culture is built on trust, authenticity, collaboration and transparency."),
            ["trust, authenticity, collaboration and transparency"]
        );
        assert_eq!(
            found("We value radical transparency, genuine empathy & communities."),
            ["transparency, genuine empathy & communities"]
        );
    }

    #[test]
    fn a_sentence_of_abstractions_without_a_list_is_flagged() {
        assert_eq!(
            found("Trust and transparency drive engagement and innovation."),
            ["Trust and transparency drive engagement and innovation"]
        );
    }

    #[test]
    fn concrete_sentences_and_short_lists_pass() {
        assert!(found("We built trust with tenants by publishing repair times every week.").is_empty());
        assert!(found("Trust and transparency matter, so we publish 12 figures.").is_empty());
        assert!(found("Trust, growth: 4 in 2024, value and community.").is_empty());
        assert!(found("Trust and empathy.").is_empty());
    }

    #[test]
    fn settings_that_cannot_work_are_refused() {
        let empty = Settings {
            min_list: 3,
            min_sentence: 4,
            min_density: 0.5,
            abstractions: Vec::new(),
            modifiers: Vec::new(),
        };
        assert!(AbstractionCluster::new(empty).is_err());
    }
}
