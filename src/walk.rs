//! Which files a run checks. Paths named on the command line are checked whatever their extension;
//! folders are walked for markdown and text files, respecting `.gitignore`, `.ignore` and
//! `.chaffignore` files and skipping hidden entries, as ripgrep does. The result is sorted by path and
//! free of duplicates, which is what makes the output independent of the thread count. This module
//! never reads a file's contents.

use crate::check::{FileError, Input, Source};
use ignore::WalkBuilder;
use std::path::Path;

/// Extensions of the files a folder walk picks up.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt"];

/// Files to check, and the paths that could not be explored.
#[derive(Debug, Default)]
pub struct Discovery {
    pub inputs: Vec<Input>,
    pub errors: Vec<FileError>,
}

/// Finds the inputs named by `paths`; `-` is standard input.
pub fn discover<P: AsRef<Path>>(paths: &[P]) -> Discovery {
    let mut discovery = Discovery::default();
    for path in paths {
        let path = path.as_ref();
        if path == Path::new("-") {
            discovery.inputs.push(Input {
                path: "-".to_owned(),
                source: Source::Stdin,
            });
            continue;
        }
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => walk(path, &mut discovery),
            Ok(_) => discovery.inputs.push(Input {
                path: display(path),
                source: Source::Named(path.to_path_buf()),
            }),
            Err(error) => discovery.errors.push(FileError {
                path: display(path),
                message: crate::check::io_message(&error),
            }),
        }
    }
    discovery.inputs.sort_by(|a, b| a.path.cmp(&b.path));
    discovery.inputs.dedup_by(|a, b| a.path == b.path);
    discovery.errors.sort_by(|a, b| a.path.cmp(&b.path));
    discovery
}

fn walk(root: &Path, discovery: &mut Discovery) {
    let walker = WalkBuilder::new(root)
        .require_git(false)
        .add_custom_ignore_filename(".chaffignore")
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
                if is_file && has_checked_extension(entry.path()) {
                    discovery.inputs.push(Input {
                        path: display(entry.path()),
                        source: Source::Walked(entry.into_path()),
                    });
                }
            }
            Err(error) => discovery.errors.push(FileError {
                path: error_path(&error).map_or_else(|| display(root), display),
                message: error_message(&error),
            }),
        }
    }
}

fn has_checked_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| EXTENSIONS.iter().any(|known| ext.eq_ignore_ascii_case(known)))
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The innermost path an ignore error is about.
fn error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

/// An ignore error's message without the path (reported separately).
fn error_message(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => error_message(err),
        ignore::Error::Io(io) => crate::check::io_message(io),
        ignore::Error::Loop { ancestor, .. } => format!("symbolic link loop back to {}", ancestor.display()),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_markdown_sorted_and_respects_ignore_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "b.md",
            "a.markdown",
            "c.txt",
            "d.MDX",
            "skip.rs",
            "ignored.md",
            ".hidden.md",
        ] {
            std::fs::write(root.join(name), "text").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "ignored.md\n").unwrap();
        let discovery = discover(&[root]);
        let names: Vec<String> = discovery
            .inputs
            .iter()
            .map(|input| {
                Path::new(&input.path)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.markdown", "b.md", "c.txt", "d.MDX"]);
        assert!(discovery.errors.is_empty());
    }

    #[test]
    fn named_files_are_taken_whatever_their_extension_and_missing_ones_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.rst");
        std::fs::write(&file, "text").unwrap();
        let missing = dir.path().join("missing.md");
        let discovery = discover(&[file.clone(), missing.clone(), file]);
        assert_eq!(discovery.inputs.len(), 1);
        assert!(matches!(discovery.inputs[0].source, Source::Named(_)));
        assert_eq!(discovery.errors[0].path, missing.to_string_lossy());
        assert!(
            discovery.errors[0].message.contains("No such file"),
            "{}",
            discovery.errors[0].message
        );
    }
}
