//! Helpers shared by the integration tests.

#![allow(dead_code)]

use chaff::{Engine, RuleSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The engine with the built-in packs, compiled once per test binary.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let rules =
            RuleSet::defaults().unwrap_or_else(|errors| panic!("built-in packs do not load: {errors:?}"));
        Engine::new(rules).expect("built-in packs compile")
    })
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every markdown file under `corpus/`, as (path relative to the repository, contents), sorted.
pub fn corpus() -> Vec<(String, String)> {
    let mut files = Vec::new();
    collect(&repo().join("corpus"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(repo())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{relative}: {error}"));
            (relative, text)
        })
        .collect()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            files.push(path);
        }
    }
}
