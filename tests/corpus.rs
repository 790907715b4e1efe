//! The corpus posts, end to end: reviewed snapshots of the human and JSON output of every post, and
//! the invariants every finding must hold (its text is the file's bytes, its position is right, and
//! it never lies in code, HTML or front matter).

mod common;

use chaff::RunReport;
use chaff::report::{human, json};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::ops::Range;

fn run_of(path: &str, text: &str) -> RunReport {
    RunReport {
        files: vec![common::engine().check_str(path, text)],
        errors: Vec::new(),
    }
}

#[test]
fn human_output_of_every_corpus_post() {
    for (path, text) in common::corpus() {
        let mut out = Vec::new();
        human::write(&mut out, &run_of(&path, &text), false).unwrap();
        let name = path
            .trim_start_matches("corpus/")
            .trim_end_matches(".md")
            .replace('/', "__");
        insta::assert_snapshot!(format!("human__{name}"), String::from_utf8(out).unwrap());
    }
}

#[test]
fn json_output_of_every_corpus_post() {
    for (path, text) in common::corpus() {
        let mut out = Vec::new();
        json::write(&mut out, &run_of(&path, &text)).unwrap();
        let name = path
            .trim_start_matches("corpus/")
            .trim_end_matches(".md")
            .replace('/', "__");
        insta::assert_snapshot!(format!("json__{name}"), String::from_utf8(out).unwrap());
    }
}

#[test]
fn every_finding_is_the_files_own_text_at_its_own_position() {
    for (path, text) in common::corpus() {
        let report = common::engine().check_str(&path, &text);
        for finding in &report.findings {
            let at = format!("{path}:{}:{} {}", finding.line, finding.column, finding.rule);
            assert_eq!(
                text.get(finding.byte_start..finding.byte_end),
                Some(finding.text.as_str()),
                "{at}"
            );
            assert_eq!(
                position(&text, finding.byte_start),
                (finding.line, finding.column),
                "{at}"
            );
            assert_eq!(
                position(&text, finding.byte_end),
                (finding.end_line, finding.end_column),
                "{at}"
            );
        }
    }
}

#[test]
fn nothing_is_reported_inside_code_html_urls_or_front_matter() {
    let mut checked = 0;
    for (path, text) in common::corpus() {
        let forbidden = not_prose(&text);
        let report = common::engine().check_str(&path, &text);
        for finding in &report.findings {
            let span = finding.byte_start..finding.byte_end;
            for range in &forbidden {
                assert!(
                    span.end <= range.start || span.start >= range.end,
                    "{path}:{}:{}: {} reported inside {:?}",
                    finding.line,
                    finding.column,
                    finding.rule,
                    &text[range.clone()]
                );
            }
            assert!(!finding.text.contains("://"), "{path}: {} in a URL", finding.rule);
            checked += 1;
        }
    }
    assert!(
        checked > 50,
        "the corpus should produce findings to check, got {checked}"
    );
}

/// Ranges that are not prose, found independently of chaff's extraction: whole code blocks, HTML
/// blocks, code spans, inline HTML, autolinks and link destinations (from pulldown-cmark's start
/// events, which cover the whole construct), and the front matter minus its title value.
fn not_prose(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut body_start = 0;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if let Some(first) = lines.first() {
        let fence = first.trim_end();
        if fence == "---" || fence == "+++" {
            let mut offset = first.len();
            for line in &lines[1..] {
                offset += line.len();
                if line.trim_end() == fence || (fence == "---" && line.trim_end() == "...") {
                    body_start = offset;
                    break;
                }
            }
        }
    }
    if body_start > 0 {
        // The title line is checked; every other front-matter line is not.
        let mut offset = 0;
        for line in text[..body_start].split_inclusive('\n') {
            if !line.starts_with("title") {
                ranges.push(offset..offset + line.len());
            }
            offset += line.len();
        }
    }
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(&text[body_start..], options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_) => {
                ranges.push(range);
            }
            Event::Start(Tag::Link {
                link_type, dest_url, ..
            }) => {
                if matches!(
                    link_type,
                    pulldown_cmark::LinkType::Autolink | pulldown_cmark::LinkType::Email
                ) {
                    ranges.push(range);
                } else if let Some(at) = text[range.clone()].rfind(dest_url.as_ref()) {
                    let start = range.start + at;
                    ranges.push(start..start + dest_url.len());
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some(at) = text[range.clone()].rfind(dest_url.as_ref()) {
                    let start = range.start + at;
                    ranges.push(start..start + dest_url.len());
                }
            }
            _ => {}
        }
    }
    ranges
}

/// Line and column by counting, the slow obvious way: a second opinion on `LineIndex`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut line = 1;
    let mut column = 1;
    let mut chars = text[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        let crlf = c == '\r' && chars.peek() == Some(&'\n');
        if c == '\n' || (c == '\r' && !crlf) {
            line += 1;
            column = 1;
        } else if !crlf {
            column += 1;
        }
    }
    (line, column)
}

#[test]
fn every_stale_post_scores_below_every_fresh_one() {
    let scores: Vec<(String, f64)> = common::corpus()
        .into_iter()
        .map(|(path, text)| {
            let freshness = common::engine().check_str(&path, &text).freshness;
            (path, freshness)
        })
        .collect();
    let stale: Vec<&(String, f64)> = scores
        .iter()
        .filter(|(path, _)| path.starts_with("corpus/stale/"))
        .collect();
    let fresh: Vec<&(String, f64)> = scores
        .iter()
        .filter(|(path, _)| path.starts_with("corpus/fresh/"))
        .collect();
    assert!(
        stale.len() >= 5 && fresh.len() >= 5,
        "the corpus needs stale and fresh posts"
    );
    for (stale_path, stale_score) in &stale {
        for (fresh_path, fresh_score) in &fresh {
            assert!(
                stale_score < fresh_score,
                "{stale_path} ({stale_score}) should score below {fresh_path} ({fresh_score})"
            );
        }
    }
    for (path, score) in &stale {
        assert!(*score < 50.0, "{path} is stale but scores {score}");
    }
    for (path, score) in &fresh {
        assert!(*score >= 80.0, "{path} is fresh but scores {score}");
    }
}

#[test]
fn the_json_of_the_corpus_keeps_the_contract() {
    let inputs: Vec<chaff::Input> = common::corpus()
        .into_iter()
        .map(|(path, text)| chaff::Input {
            path,
            source: chaff::Source::Bytes(text.into_bytes()),
        })
        .collect();
    let run = common::engine().check_inputs(&inputs);
    let mut out = Vec::new();
    json::write(&mut out, &run).unwrap();
    let document: serde_json::Value = serde_json::from_slice(&out).unwrap();

    assert_eq!(document["version"], 1);
    assert!(document["errors"].as_array().unwrap().is_empty());
    let files = document["files"].as_array().unwrap();
    assert_eq!(files.len(), inputs.len());
    let (mut words, mut findings, mut weighted) = (0u64, 0usize, 0.0);
    let mut by_category: std::collections::BTreeMap<String, u64> = Default::default();
    for file in files {
        for key in ["path", "words", "freshness", "findings"] {
            assert!(file.get(key).is_some(), "file without {key}");
        }
        let file_words = file["words"].as_u64().unwrap();
        let freshness = file["freshness"].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&freshness));
        words += file_words;
        weighted += freshness * file_words as f64;
        let text = std::fs::read_to_string(common::repo().join(file["path"].as_str().unwrap())).unwrap();
        for finding in file["findings"].as_array().unwrap() {
            findings += 1;
            *by_category
                .entry(finding["category"].as_str().unwrap().to_owned())
                .or_default() += 1;
            for key in ["rule", "category", "severity", "text", "message", "critique"] {
                assert!(
                    finding[key].is_string(),
                    "finding without string {key}: {finding}"
                );
            }
            for key in [
                "line",
                "column",
                "end_line",
                "end_column",
                "byte_start",
                "byte_end",
            ] {
                assert!(
                    finding[key]
                        .as_u64()
                        .is_some_and(|n| key.starts_with("byte") || n >= 1),
                    "{key}: {finding}"
                );
            }
            assert!(["error", "warning", "info"].contains(&finding["severity"].as_str().unwrap()));
            let rule = finding["rule"].as_str().unwrap();
            let parts: Vec<&str> = rule.split('.').collect();
            assert!(
                parts.len() == 2
                    && parts.iter().all(|part| !part.is_empty()
                        && part
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')),
                "rule id {rule} is not <pack>.<rule> in kebab-case"
            );
            let range = finding["byte_start"].as_u64().unwrap() as usize
                ..finding["byte_end"].as_u64().unwrap() as usize;
            assert_eq!(&text[range], finding["text"].as_str().unwrap());
        }
    }
    let summary = &document["summary"];
    assert_eq!(summary["files"].as_u64().unwrap() as usize, files.len());
    assert_eq!(summary["words"].as_u64().unwrap(), words);
    assert_eq!(summary["findings"].as_u64().unwrap() as usize, findings);
    let expected_mean = (weighted / words as f64 * 10.0).round() / 10.0;
    assert_eq!(summary["freshness"].as_f64().unwrap(), expected_mean);
    let summary_categories: std::collections::BTreeMap<String, u64> =
        serde_json::from_value(summary["by_category"].clone()).unwrap();
    assert_eq!(summary_categories, by_category);
}

#[test]
fn truncated_and_crlf_converted_posts_keep_every_invariant() {
    // Cutting posts anywhere leaves unterminated code fences, front matter, links and emphasis;
    // converting line endings moves every offset. Neither may panic or misplace a finding.
    for (path, text) in common::corpus() {
        let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
        for variant in [&text, &crlf] {
            let cuts = (0..variant.len())
                .step_by(53)
                .filter(|&cut| variant.is_char_boundary(cut));
            for cut in cuts {
                let prefix = &variant[..cut];
                let report = common::engine().check_str(&path, prefix);
                assert!((0.0..=100.0).contains(&report.freshness));
                for finding in &report.findings {
                    let at = format!("{path} cut at {cut}: {}", finding.rule);
                    assert_eq!(
                        prefix.get(finding.byte_start..finding.byte_end),
                        Some(finding.text.as_str()),
                        "{at}"
                    );
                    assert_eq!(
                        position(prefix, finding.byte_start),
                        (finding.line, finding.column),
                        "{at}"
                    );
                }
            }
        }
    }
}
