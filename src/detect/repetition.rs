//! Repetition, which a regex cannot see (the regex crate has no back-references):
//! - `doubled-word`: the same word twice in a row, "the the", a typo more often than not. Words that
//!   English doubles on purpose ("had had", "that that", "bye bye") are in the pack's `allowed` list;
//! - `repeated-phrase`: a word or a short phrase three or more times in a row, "again and again and
//!   again", "test, test, test", "day after day after day", where a connector word may sit between
//!   the repeats.

use super::{Detector, Word, words};
use crate::finding::Hit;
use crate::prose::BARRIER;
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DoubledSettings {
    #[serde(default)]
    allowed: Vec<String>,
}

#[derive(Debug)]
pub struct DoubledWord {
    allowed: HashSet<String>,
}

impl DoubledWord {
    pub fn new(settings: DoubledSettings) -> Self {
        DoubledWord {
            allowed: settings
                .allowed
                .into_iter()
                .map(|word| word.to_lowercase())
                .collect(),
        }
    }
}

impl Detector for DoubledWord {
    fn find(&self, block: &str, base: usize, rule: usize, hits: &mut Vec<Hit>) {
        let words = words(block);
        let same = |a: usize, b: usize| {
            words
                .get(a)
                .zip(words.get(b))
                .is_some_and(|(x, y)| x.text == y.text)
        };
        for i in 1..words.len() {
            let (first, second) = (&words[i - 1], &words[i]);
            // Three or more in a row belong to `repeated-phrase`.
            let part_of_a_run = (i >= 2 && same(i - 2, i)) || same(i - 1, i + 1);
            let gap = &block[first.range.end..second.range.start];
            let doubled = first.text == second.text
                && first.text.chars().any(char::is_alphabetic)
                && gap.chars().all(char::is_whitespace)
                && !self.allowed.contains(&first.text)
                && !part_of_a_run;
            if doubled {
                hits.push(Hit {
                    rule,
                    start: base + first.range.start,
                    end: base + second.range.end,
                    mention: false,
                });
            }
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RepeatedSettings {
    #[serde(default = "default_min_repeats")]
    min_repeats: usize,
    #[serde(default = "default_max_words")]
    max_words: usize,
    #[serde(default)]
    connectors: Vec<String>,
}

fn default_min_repeats() -> usize {
    3
}

fn default_max_words() -> usize {
    3
}

#[derive(Debug)]
pub struct RepeatedPhrase {
    min_repeats: usize,
    max_words: usize,
    connectors: HashSet<String>,
}

impl RepeatedPhrase {
    pub fn new(settings: RepeatedSettings) -> Result<Self, String> {
        if settings.min_repeats < 2 {
            return Err("`min-repeats` must be at least 2".to_owned());
        }
        if settings.max_words == 0 {
            return Err("`max-words` must be at least 1".to_owned());
        }
        Ok(RepeatedPhrase {
            min_repeats: settings.min_repeats,
            max_words: settings.max_words,
            connectors: settings
                .connectors
                .into_iter()
                .map(|word| word.to_lowercase())
                .collect(),
        })
    }

    /// Where a run of repeats of `words[start..start + n]` ends (exclusive word index), and how many
    /// repeats it holds.
    fn run(&self, block: &str, words: &[Word], start: usize, n: usize) -> (usize, usize) {
        let chunk: Vec<&str> = words[start..start + n]
            .iter()
            .map(|word| word.text.as_str())
            .collect();
        let mut repeats = 1;
        let mut end = start + n;
        loop {
            let mut next = end;
            if words
                .get(next)
                .is_some_and(|word| self.connectors.contains(&word.text))
                && !self.connectors.contains(chunk[0])
            {
                next += 1;
            }
            let matches = next + n <= words.len()
                && words[next..next + n]
                    .iter()
                    .map(|word| word.text.as_str())
                    .eq(chunk.iter().copied())
                && !block[words[end - 1].range.end..words[next].range.start].contains(BARRIER);
            if !matches {
                return (end, repeats);
            }
            repeats += 1;
            end = next + n;
        }
    }
}

impl Detector for RepeatedPhrase {
    fn find(&self, block: &str, base: usize, rule: usize, hits: &mut Vec<Hit>) {
        let words = words(block);
        let mut i = 0;
        while i < words.len() {
            let found = (1..=self.max_words)
                .filter(|&n| i + n <= words.len())
                .filter(|&n| {
                    words[i..i + n]
                        .iter()
                        .any(|word| word.text.chars().any(char::is_alphabetic))
                })
                .map(|n| self.run(block, &words, i, n))
                .find(|&(_, repeats)| repeats >= self.min_repeats);
            match found {
                Some((end, _)) => {
                    hits.push(Hit {
                        rule,
                        start: base + words[i].range.start,
                        end: base + words[end - 1].range.end,
                        mention: false,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doubled(text: &str) -> Vec<&str> {
        let detector = DoubledWord::new(DoubledSettings {
            allowed: vec!["had".to_owned(), "that".to_owned()],
        });
        let mut hits = Vec::new();
        detector.find(text, 0, 0, &mut hits);
        hits.iter().map(|hit| &text[hit.start..hit.end]).collect()
    }

    fn repeated(text: &str) -> Vec<&str> {
        let detector = RepeatedPhrase::new(RepeatedSettings {
            min_repeats: 3,
            max_words: 3,
            connectors: vec!["and".to_owned(), "after".to_owned(), "or".to_owned()],
        })
        .unwrap();
        let mut hits = Vec::new();
        detector.find(text, 0, 0, &mut hits);
        hits.iter().map(|hit| &text[hit.start..hit.end]).collect()
    }

    #[test]
    fn doubled_words_are_found_in_any_case_but_not_across_punctuation() {
        assert_eq!(doubled("Send it to the The team."), ["the The"]);
        assert!(doubled("It had had an effect, and we knew that that was true.").is_empty());
        assert!(doubled("Yes, yes: we know. 10 10 is a score.").is_empty());
        assert!(doubled("again and again and again").is_empty());
        assert!(doubled("no no no").is_empty());
    }

    #[test]
    fn three_repeats_of_a_word_or_phrase_are_found() {
        assert_eq!(
            repeated("We said it again and again and again."),
            ["again and again and again"]
        );
        assert_eq!(repeated("Test, test, test, then ship."), ["Test, test, test"]);
        assert_eq!(
            repeated("Day after day after day, the queue grew."),
            ["Day after day after day"]
        );
        assert_eq!(
            repeated("More calls, more calls, more calls."),
            ["More calls, more calls, more calls"]
        );
        assert!(repeated("Again and again we tried.").is_empty());
        assert!(repeated("We tried again. And again.").is_empty());
        assert!(repeated("1, 1, 1").is_empty());
    }
}
