//! The `chaff` command as users and CI pipelines run it: exit codes, standard input, bad input, bad
//! packs, determinism across thread counts, colour, and the promise never to write to checked files.

mod common;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;

const STALE: &str = "# 5 customer service trends you need to know\n\nIn today's fast-paced world we must think outside the box and delight our customers.\n";
const CLEAN: &str =
    "# How we cut refund time\n\nWe moved refunds under £20 to the first agent who answers.\n";

fn chaff() -> assert_cmd::Command {
    let mut command = cargo_bin_cmd!("chaff");
    command.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    command
}

fn json(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output).expect("stdout is JSON")
}

#[test]
fn checking_the_corpus_succeeds_with_critiques_and_a_summary() {
    chaff()
        .current_dir(common::repo())
        .args(["check", "corpus/"])
        .assert()
        .success()
        .stdout(predicate::str::contains("= ask:"))
        .stdout(predicate::str::contains("freshness"))
        .stdout(predicate::str::contains("Checked "));
}

#[test]
fn fail_on_sets_the_severity_that_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    std::fs::write(&post, STALE).unwrap();
    // The default packs raise warnings and infos; the default threshold is error.
    chaff().arg("check").arg(&post).assert().code(0);
    chaff()
        .arg("check")
        .arg(&post)
        .args(["--fail-on", "warning"])
        .assert()
        .code(1);
    chaff()
        .arg("check")
        .arg(&post)
        .args(["--fail-on", "never"])
        .assert()
        .code(0);
    let clean = dir.path().join("clean.md");
    std::fs::write(&clean, CLEAN).unwrap();
    chaff()
        .arg("check")
        .arg(&clean)
        .args(["--fail-on", "info"])
        .assert()
        .code(0);
}

#[test]
fn min_score_fails_a_run_with_a_post_below_it() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    std::fs::write(&post, STALE).unwrap();
    chaff()
        .arg("check")
        .arg(&post)
        .args(["--min-score", "90"])
        .assert()
        .code(1);
    chaff()
        .arg("check")
        .arg(&post)
        .args(["--min-score", "0"])
        .assert()
        .code(0);
    chaff()
        .arg("check")
        .arg(&post)
        .args(["--min-score", "120"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("outside 0–100"));
}

#[test]
fn standard_input_is_checked_as_dash() {
    let output = chaff()
        .args(["check", "-", "--format", "json"])
        .write_stdin(STALE)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let document = json(&output);
    assert_eq!(document["files"][0]["path"], "-");
    let rules: Vec<&str> = document["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| finding["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"cliche.outside-the-box"), "{rules:?}");
}

#[test]
fn unreadable_inputs_are_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.md");
    let latin1 = dir.path().join("latin1.md");
    let missing = dir.path().join("missing.md");
    std::fs::write(&good, STALE).unwrap();
    std::fs::write(&latin1, b"Caf\xe9 au lait, think outside the box.\n").unwrap();
    let output = chaff()
        .arg("check")
        .arg(&missing)
        .arg(&good)
        .arg(&latin1)
        .args(["--format", "json"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(missing.to_string_lossy().as_ref())
                .and(predicate::str::contains("No such file")),
        )
        .stderr(predicate::str::contains(
            "latin1.md: is not valid UTF-8: invalid byte 0xe9 at line 1, column 4",
        ))
        .get_output()
        .stdout
        .clone();
    let document = json(&output);
    assert_eq!(document["files"].as_array().unwrap().len(), 1);
    assert_eq!(document["files"][0]["path"], good.to_string_lossy().as_ref());
    let errors: Vec<&str> = document["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["path"].as_str().unwrap())
        .collect();
    assert_eq!(errors.len(), 2);
    assert!(errors.contains(&missing.to_string_lossy().as_ref()));
}

#[test]
fn binary_files_are_skipped_when_walking_and_refused_when_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("post.md"), STALE).unwrap();
    std::fs::write(dir.path().join("image.md"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let output = chaff()
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let document = json(&output);
    assert_eq!(document["files"].as_array().unwrap().len(), 1);
    assert!(document["errors"].as_array().unwrap().is_empty());
    chaff()
        .arg("check")
        .arg(dir.path().join("image.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binary"));
}

#[test]
fn a_broken_pack_stops_the_run_before_anything_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    std::fs::write(&post, STALE).unwrap();
    let rule = |body: &str| {
        format!(
            "[pack]\nid = \"house\"\ncategory = \"cliche\"\n\n[[rule]]\nid = \"x\"\n{body}\nmessage = \"m\"\ncritique = \"c\"\nexamples.bad = [\"b\"]\nexamples.good = [\"g\"]\n"
        )
    };
    let cases = [
        ("syntax.toml", "[pack\nid = 1\n".to_owned(), "syntax.toml:1:"),
        (
            "unknown.toml",
            rule("phrases = [\"a b\"]\nweight = 3"),
            "unknown.toml:8:1:",
        ),
        (
            "regex.toml",
            rule("regex = '(unclosed'"),
            "regex.toml:7:9: rule `house.x`: regex does not compile",
        ),
        (
            "neither.toml",
            rule(""),
            "neither.toml:5:1: rule `house.x`: a rule needs `phrases`, `regex` or `detector`",
        ),
        (
            "both.toml",
            rule("phrases = [\"a b\"]\nregex = 'a'"),
            "both.toml:8:9: rule `house.x`: a rule has one of `phrases`, `regex` and `detector`, not several",
        ),
    ];
    for (name, text, expected) in cases {
        let pack = dir.path().join(name);
        std::fs::write(&pack, text).unwrap();
        chaff()
            .arg("check")
            .arg(&post)
            .arg("--rules")
            .arg(&pack)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(expected));
    }
    let duplicate = dir.path().join("duplicate.toml");
    std::fs::write(
        &duplicate,
        "[pack]\nid = \"cliche\"\ncategory = \"cliche\"\n\n[[rule]]\nid = \"outside-the-box\"\nphrases = [\"a b\"]\nmessage = \"m\"\ncritique = \"c\"\nexamples.bad = [\"b\"]\nexamples.good = [\"g\"]\n",
    )
    .unwrap();
    chaff()
        .arg("check")
        .arg(&post)
        .arg("--rules")
        .arg(&duplicate)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "duplicate.toml:6:6: rule `cliche.outside-the-box`: duplicate rule id",
        ));
    let empty = dir.path().join("empty-folder");
    std::fs::create_dir(&empty).unwrap();
    chaff()
        .arg("check")
        .arg(&post)
        .arg("--rules")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty-folder: no rule packs"));
    chaff()
        .arg("check")
        .arg(&post)
        .arg("--rules")
        .arg(dir.path().join("no-such-pack.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-pack.toml"));
}

#[test]
fn an_extra_pack_adds_rules_even_saved_with_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    std::fs::write(&post, "Our refund process is bulletproof.\n").unwrap();
    let packs = dir.path().join("packs");
    std::fs::create_dir(&packs).unwrap();
    std::fs::write(
        packs.join("house.toml"),
        "\u{feff}[pack]\nid = \"house\"\ncategory = \"house-style\"\nseverity = \"error\"\n\n[[rule]]\nid = \"bulletproof\"\nphrases = [\"bulletproof\"]\nmessage = \"Avoid “{match}”.\"\ncritique = \"Against what?\"\nexamples.bad = [\"A bulletproof plan.\"]\nexamples.good = [\"A tested plan.\"]\n",
    )
    .unwrap();
    chaff()
        .arg("check")
        .arg(&post)
        .arg("--rules")
        .arg(&packs)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[house.bulletproof]: Avoid “bulletproof”.",
        ));
}

#[test]
fn output_is_identical_for_one_thread_and_eight() {
    for format in ["json", "human"] {
        let run = |threads: &str| {
            chaff()
                .current_dir(common::repo())
                .args(["check", "corpus", "--format", format, "-j", threads])
                .output()
                .unwrap()
                .stdout
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(one, run("8"), "{format} output differs between -j1 and -j8");
    }
}

#[test]
fn files_are_listed_in_path_order() {
    let output = chaff()
        .current_dir(common::repo())
        .args(["check", "corpus", "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    let document = json(&output);
    let paths: Vec<&str> = document["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| file["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), common::corpus().len());
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let escape = predicate::str::contains("\u{1b}[");
    chaff()
        .args(["check", "-", "--color", "always"])
        .write_stdin(STALE)
        .assert()
        .stdout(escape.clone());
    chaff()
        .args(["check", "-", "--color", "never"])
        .write_stdin(STALE)
        .assert()
        .stdout(escape.clone().not());
    // Not a terminal, so auto means no colour; NO_COLOR also wins over CLICOLOR_FORCE-less auto.
    chaff()
        .args(["check", "-"])
        .write_stdin(STALE)
        .assert()
        .stdout(escape.clone().not());
    chaff()
        .args(["check", "-"])
        .env("NO_COLOR", "1")
        .write_stdin(STALE)
        .assert()
        .stdout(escape.not());
}

#[test]
fn explain_prints_the_rule_and_suggests_near_misses() {
    chaff()
        .args(["explain", "cliche.outside-the-box"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Ask:"))
        .stdout(predicate::str::contains("Defined in rules/cliche.toml:"));
    chaff()
        .args(["explain", "cliche.outside-the-bx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean cliche.outside-the-box?"));
}

#[test]
fn rules_list_and_rules_test() {
    let output = chaff()
        .args(["rules", "list"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listing = String::from_utf8(output).unwrap();
    assert_eq!(listing.lines().count(), common::engine().rules().len());
    assert!(listing.contains("cliche.outside-the-box"));
    chaff()
        .args(["rules", "test"])
        .assert()
        .success()
        .stdout(predicate::str::contains("all behave as their packs say"));
}

#[test]
fn usage_errors_exit_2() {
    chaff().args(["check", "--format", "xml"]).assert().code(2);
    chaff().args(["check", "-j", "0"]).assert().code(2);
    chaff().arg("frobnicate").assert().code(2);
}

#[test]
fn checked_files_are_never_written_and_nothing_is_added_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    std::fs::write(&post, STALE).unwrap();
    let before = std::fs::metadata(&post).unwrap().modified().unwrap();
    chaff()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json"])
        .assert()
        .success();
    chaff()
        .current_dir(dir.path())
        .args(["check", "."])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&post).unwrap(), STALE);
    assert_eq!(std::fs::metadata(&post).unwrap().modified().unwrap(), before);
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "chaff created files in the checked folder");
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        std::fs::write(dir.path().join(format!("post-{i:03}.md")), STALE).unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("chaff"))
        .arg("check")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here, so chaff's next writes fail with a broken pipe.
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert!(stderr.is_empty(), "stderr: {stderr}");
}

#[test]
fn walking_respects_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".gitignore"), "drafts/\n").unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join("drafts/wip.md"), STALE).unwrap();
    std::fs::write(dir.path().join("post.md"), CLEAN).unwrap();
    let output = chaff()
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap()
        .stdout;
    let document = json(&output);
    let files = document["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert!(Path::new(files[0]["path"].as_str().unwrap()).ends_with("post.md"));
}
