//! The README shows real output: its sample of `chaff check` and its JSON example are checked
//! against what chaff prints today, so they cannot drift from the code.

mod common;

use chaff::RunReport;
use chaff::report::{human, json};

const SAMPLE_POST: &str = "corpus/stale/delight-is-dead.md";

fn readme() -> String {
    std::fs::read_to_string(common::repo().join("README.md")).unwrap()
}

fn run() -> RunReport {
    let text = std::fs::read_to_string(common::repo().join(SAMPLE_POST)).unwrap();
    RunReport {
        files: vec![common::engine().check_str(SAMPLE_POST, &text)],
        errors: Vec::new(),
    }
}

#[test]
fn the_sample_output_is_what_chaff_prints() {
    let readme = readme();
    let command = format!("$ chaff check {SAMPLE_POST}\n");
    let start = readme.find(&command).expect("README shows a sample run") + command.len();
    let sample = &readme[start..start + readme[start..].find("```").unwrap()];
    let mut out = Vec::new();
    human::write(&mut out, &run(), false).unwrap();
    let actual = String::from_utf8(out).unwrap();
    // The sample leaves findings out where it says "…"; every part it shows must be there as it is.
    for part in sample.split("\n…\n") {
        let part = part.trim_matches('\n');
        assert!(
            actual.contains(part),
            "README sample part not in the output:\n{part}\n\nactual:\n{actual}"
        );
    }
}

#[test]
fn the_json_example_is_what_chaff_prints() {
    let readme = readme();
    let start = readme.find("```json\n").expect("README shows the JSON format") + "```json\n".len();
    let example: serde_json::Value =
        serde_json::from_str(&readme[start..start + readme[start..].find("```").unwrap()]).unwrap();
    let mut out = Vec::new();
    json::write(&mut out, &run()).unwrap();
    let actual: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(example["version"], actual["version"]);
    assert_eq!(example["summary"], actual["summary"]);
    for key in ["path", "words", "freshness"] {
        assert_eq!(example["files"][0][key], actual["files"][0][key], "{key}");
    }
    assert_eq!(
        example["files"][0]["findings"][0],
        actual["files"][0]["findings"][0]
    );
}
