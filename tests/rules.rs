//! The built-in packs: they load, every file in `rules/` is embedded, every rule's examples behave
//! as the pack says, and the packs hold what issue 2 asks of them.

mod common;

use chaff::rules::EMBEDDED_PACKS;
use std::collections::BTreeMap;

#[test]
fn every_rule_example_behaves_as_its_pack_says() {
    let failures = common::engine().test_examples();
    let report: Vec<String> = failures
        .iter()
        .map(|failure| {
            let expected = if failure.should_fire {
                "should fire"
            } else {
                "should stay silent"
            };
            format!(
                "{} {expected} on {:?} (fired: {:?})",
                failure.rule, failure.example, failure.fired
            )
        })
        .collect();
    assert!(
        report.is_empty(),
        "{} example failures:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn every_pack_file_is_embedded_as_it_is_on_disk() {
    let mut on_disk: Vec<String> = std::fs::read_dir(common::repo().join("rules"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| format!("rules/{}", path.file_name().unwrap().to_string_lossy()))
        .collect();
    on_disk.sort();
    let mut embedded: Vec<String> = EMBEDDED_PACKS
        .iter()
        .map(|(path, _)| (*path).to_owned())
        .collect();
    embedded.sort();
    assert_eq!(on_disk, embedded);
    for (path, text) in EMBEDDED_PACKS {
        assert_eq!(
            std::fs::read_to_string(common::repo().join(path)).unwrap(),
            *text,
            "{path}"
        );
    }
}

#[test]
fn the_default_packs_are_big_enough() {
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    for rule in common::engine().rules().rules() {
        *per_category.entry(rule.category.as_str()).or_default() += 1;
    }
    for (category, minimum) in [("cliche", 60), ("buzzword", 40), ("listicle", 10)] {
        let count = per_category.get(category).copied().unwrap_or(0);
        assert!(
            count >= minimum,
            "{category}: {count} rules, want at least {minimum}"
        );
    }
}

#[test]
fn default_rules_only_warn_so_a_default_run_never_fails_on_style_alone() {
    // `--fail-on error` is the default: built-in style rules must not break a CI run by themselves.
    for rule in common::engine().rules().rules() {
        assert_ne!(rule.severity, chaff::Severity::Error, "{} is an error", rule.id);
    }
}

#[test]
fn the_readme_counts_the_rules_of_each_pack() {
    let readme = std::fs::read_to_string(common::repo().join("README.md")).unwrap();
    let mut per_pack: BTreeMap<String, usize> = BTreeMap::new();
    for rule in common::engine().rules().rules() {
        let pack = rule.id.split('.').next().unwrap().to_owned();
        *per_pack.entry(pack).or_default() += 1;
    }
    for (pack, count) in per_pack {
        let row = format!("| `{pack}` | {count} |");
        assert!(readme.contains(&row), "README.md should have the row {row:?}");
    }
}
