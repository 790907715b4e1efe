//! The freshness score: one pure function from a post's findings and length to a number from 0 to 100.
//!
//! ```text
//! points     P = Σ severity weight × (0.25 if the finding is a mention, else 1)
//! density    D = 100 × P / max(words, 100)          points per hundred prose words
//! freshness  F = 100 × e^(−D / K)                   K = 10
//! ```
//!
//! Why this shape: F is 100 with no findings, tends to 0 and never goes below it; it only falls when
//! a finding is added (P grows, D grows); the same findings cost less in a longer post (D falls as
//! words grow), and a very short text is treated as 100 words long so one phrase in a tweet-length
//! draft does not sink it to zero. K sets how fast freshness decays: at K = 10, two warnings per
//! hundred words (D = 4) leave 67, five per hundred (D = 10) leave 37.
//!
//! A mention (a phrase in quotation marks or in a block quote: talked about, not used) is reported
//! at info severity, so it costs 0.5 × 0.25 = 0.125 points, a sixteenth of a warning.
//!
//! The breakdown shares the points lost (100 − F) among categories in proportion to their points, so
//! a writer sees which kind of problem costs most.

use crate::finding::{Finding, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

/// Decay constant: the density at which freshness falls to 1/e (about 37).
pub const DECAY: f64 = 10.0;
/// Shorter posts count as this long.
pub const MIN_WORDS: usize = 100;
/// A quoted phrase is talked about, not used: it costs this share of a finding.
pub const MENTION_FACTOR: f64 = 0.25;

/// Points a finding of each severity costs.
pub fn severity_weight(severity: Severity) -> f64 {
    match severity {
        Severity::Error => 3.0,
        Severity::Warning => 2.0,
        Severity::Info => 0.5,
    }
}

/// The score of one post and how it came about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// 0–100, one decimal.
    pub freshness: f64,
    /// Total points, P.
    pub points: f64,
    /// Points per hundred words, D.
    pub density: f64,
    /// Per category: findings, points, and the share of (100 − freshness) they account for.
    pub categories: BTreeMap<String, CategoryLoss>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryLoss {
    pub findings: usize,
    pub mentions: usize,
    pub points: f64,
    /// Freshness points lost to this category, one decimal.
    pub lost: f64,
}

/// Scores a post.
pub fn freshness(findings: &[Finding], words: usize) -> Score {
    let mut categories: BTreeMap<String, CategoryLoss> = BTreeMap::new();
    let mut points = 0.0;
    for finding in findings {
        let factor = if finding.mention { MENTION_FACTOR } else { 1.0 };
        let cost = severity_weight(finding.severity) * factor;
        points += cost;
        let entry = categories
            .entry(finding.category.clone())
            .or_insert(CategoryLoss {
                findings: 0,
                mentions: 0,
                points: 0.0,
                lost: 0.0,
            });
        entry.findings += 1;
        entry.mentions += usize::from(finding.mention);
        entry.points += cost;
    }
    let density = 100.0 * points / words.max(MIN_WORDS) as f64;
    let exact = 100.0 * (-density / DECAY).exp();
    let lost = 100.0 - exact;
    for category in categories.values_mut() {
        category.lost = round1(if points > 0.0 {
            lost * category.points / points
        } else {
            0.0
        });
    }
    Score {
        freshness: round1(exact),
        points,
        density,
        categories,
    }
}

/// The word-weighted mean of several posts' freshness; a plain mean if none has words; 100 for none.
pub fn mean_freshness(scores: impl IntoIterator<Item = (f64, usize)>) -> f64 {
    let (mut weighted, mut words, mut plain, mut count) = (0.0, 0usize, 0.0, 0usize);
    for (freshness, post_words) in scores {
        weighted += freshness * post_words as f64;
        words += post_words;
        plain += freshness;
        count += 1;
    }
    match (words, count) {
        (_, 0) => 100.0,
        (0, _) => round1(plain / count as f64),
        _ => round1(weighted / words as f64),
    }
}

/// Named bands a score falls in.
pub fn band(freshness: f64) -> &'static str {
    if freshness >= 80.0 {
        "fresh"
    } else if freshness >= 50.0 {
        "tired"
    } else {
        "stale"
    }
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(category: &str, severity: Severity, mention: bool) -> Finding {
        Finding {
            rule: format!("{category}.x"),
            category: category.to_owned(),
            severity,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 2,
            byte_start: 0,
            byte_end: 1,
            text: "x".to_owned(),
            message: String::new(),
            critique: String::new(),
            instead: Vec::new(),
            mention,
            excerpt: Vec::new(),
        }
    }

    #[test]
    fn no_findings_is_fully_fresh() {
        assert_eq!(freshness(&[], 0).freshness, 100.0);
        assert_eq!(freshness(&[], 5000).freshness, 100.0);
    }

    #[test]
    fn worked_example_from_the_readme() {
        // 400 words, 6 warnings and 1 info: P = 12.5, D = 3.125, F = 100·e^(−0.3125) = 73.2.
        let mut findings = vec![finding("cliche", Severity::Warning, false); 4];
        findings.extend(vec![finding("buzzword", Severity::Warning, false); 2]);
        findings.push(finding("weasel", Severity::Info, false));
        let score = freshness(&findings, 400);
        assert_eq!(score.points, 12.5);
        assert_eq!(score.freshness, 73.2);
        assert_eq!(score.categories["cliche"].lost, 17.2);
        assert_eq!(score.categories["buzzword"].lost, 8.6);
        assert_eq!(score.categories["weasel"].lost, 1.1);
    }

    #[test]
    fn each_added_finding_lowers_the_score_and_it_stays_in_bounds() {
        let mut findings = Vec::new();
        let mut previous = freshness(&findings, 150).freshness;
        for i in 0..200 {
            let severity = [Severity::Info, Severity::Warning, Severity::Error][i % 3];
            findings.push(finding("cliche", severity, i % 5 == 0));
            let score = freshness(&findings, 150).freshness;
            assert!(score <= previous && score >= 0.0, "{score} after {previous}");
            previous = score;
        }
        assert_eq!(previous, 0.0);
    }

    #[test]
    fn longer_posts_with_the_same_findings_score_higher() {
        let findings = vec![finding("cliche", Severity::Warning, false); 3];
        let short = freshness(&findings, 200).freshness;
        let long = freshness(&findings, 400).freshness;
        assert!(long > short);
        assert_eq!(
            freshness(&findings, 10).freshness,
            freshness(&findings, MIN_WORDS).freshness
        );
    }

    #[test]
    fn mentions_cost_a_quarter_of_their_severity() {
        let used = freshness(&[finding("cliche", Severity::Info, false)], 100);
        let quoted = freshness(&vec![finding("cliche", Severity::Info, true); 4], 100);
        assert_eq!(used.points, quoted.points);
        assert_eq!(quoted.categories["cliche"].mentions, 4);
    }

    #[test]
    fn the_mean_is_weighted_by_words() {
        assert_eq!(mean_freshness([(100.0, 300), (50.0, 100)]), 87.5);
        assert_eq!(mean_freshness([(100.0, 0), (50.0, 0)]), 75.0);
        assert_eq!(mean_freshness([]), 100.0);
    }
}
