//! The engine with the built-in packs, end to end on small documents: variants a writer never spells
//! out, uses against mentions, and the detectors.

mod common;

use chaff::Severity;

fn rules_found(markdown: &str) -> Vec<(String, String, bool)> {
    common::engine()
        .check_str("test.md", markdown)
        .findings
        .into_iter()
        .map(|finding| (finding.rule, finding.text, finding.mention))
        .collect()
}

fn fires(markdown: &str, rule: &str) -> bool {
    rules_found(markdown).iter().any(|(id, _, _)| id == rule)
}

#[test]
fn one_phrase_entry_matches_the_forms_writers_use() {
    for text in [
        "We must think outside the box.",
        "She thinks outside the box.",
        "Thinking outside the box again.",
        "They thought outside the box.",
        "THINK OUTSIDE THE BOX",
        "think outside-the-box",
        "think outside the\nbox",
        "think *outside* the box",
    ] {
        assert!(fires(text, "cliche.outside-the-box"), "{text:?}");
    }
    for text in [
        "Our customer-centric culture.",
        "A customer centric culture.",
        "A customer-\ncentric culture.",
    ] {
        assert!(fires(text, "buzzword.customer-centric"), "{text:?}");
    }
    for text in [
        "We put the customer at the heart of the organisation.",
        "We put the customer at the heart of the organization.",
    ] {
        assert!(fires(text, "cliche.customer-at-the-heart"), "{text:?}");
    }
    for text in [
        "In today’s fast-paced world, speed wins.",
        "In today's fast-paced world, speed wins.",
    ] {
        assert!(fires(text, "cliche.in-todays-world"), "{text:?}");
    }
}

#[test]
fn quoted_phrases_and_block_quotes_are_mentions_at_info() {
    let report = common::engine().check_str(
        "test.md",
        "Our style guide bans “think outside the box”.\n\n> Think outside the box, said the poster.\n\nWe think outside the box.\n",
    );
    let summary: Vec<(bool, Severity)> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == "cliche.outside-the-box")
        .map(|finding| (finding.mention, finding.severity))
        .collect();
    assert_eq!(
        summary,
        [
            (true, Severity::Info),
            (true, Severity::Info),
            (false, Severity::Warning)
        ]
    );
    let used_once = common::engine().check_str("test.md", "Our style guide bans think outside the box.\n");
    let quoted_once =
        common::engine().check_str("test.md", "Our style guide bans “think outside the box”.\n");
    assert!(quoted_once.freshness > used_once.freshness);
}

#[test]
fn the_detectors_run_on_prose() {
    let found = rules_found(
        "We value trust, authenticity, collaboration and transparency.\n\nWe said it again and again and again.\n\nSend the the form.\n",
    );
    let rules: Vec<&str> = found.iter().map(|(rule, _, _)| rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "empty-words.abstraction-cluster",
            "repetition.repeated-phrase",
            "repetition.doubled-word"
        ]
    );
    assert_eq!(found[0].1, "trust, authenticity, collaboration and transparency");
}

#[test]
fn a_user_pack_extends_a_built_in_detector_vocabulary() {
    let sentence = "Our team runs on velocity, momentum and alacrity.\n";
    let fires_with = |extra: Option<&str>| {
        let mut sources = chaff::PackSource::defaults();
        if let Some(text) = extra {
            sources.push(chaff::PackSource {
                path: "house.toml".into(),
                text: text.to_owned(),
                embedded: false,
            });
        }
        let engine = chaff::Engine::new(chaff::RuleSet::load(&sources).unwrap()).unwrap();
        engine
            .check_str("test.md", sentence)
            .findings
            .iter()
            .any(|finding| finding.rule == "empty-words.abstraction-cluster")
    };
    assert!(!fires_with(None));
    let extension = "[pack]\nid = \"empty-words\"\ncategory = \"empty-words\"\n\n[detector.abstraction-cluster]\nabstractions = [\"velocity\", \"momentum\", \"alacrity\"]\n";
    assert!(fires_with(Some(extension)));
    let orphan = "[pack]\nid = \"house\"\ncategory = \"house\"\n\n[detector.abstraction-cluster]\nabstractions = [\"velocity\"]\n";
    let mut sources = chaff::PackSource::defaults();
    sources.push(chaff::PackSource {
        path: "orphan.toml".into(),
        text: orphan.to_owned(),
        embedded: false,
    });
    let errors = chaff::RuleSet::load(&sources).unwrap_err();
    assert!(
        errors[0].to_string().starts_with("orphan.toml:5:1:"),
        "{}",
        errors[0]
    );
    assert!(errors[0].to_string().contains("used by no rule"), "{}", errors[0]);
}
