//! The one error type of the library. Every variant names the file it is about, and pack errors carry
//! the line and column, because an error a user cannot locate is an error they cannot fix. Errors are
//! values here; `main` decides how to print them and which exit code they mean.

use std::io;
use std::path::PathBuf;

/// Everything that can go wrong while loading packs or reading documents.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// A document is not UTF-8 text (chaff checks prose, and prose is text).
    #[error("{path}: {reason}")]
    NotText { path: PathBuf, reason: String },

    /// A rule pack is not valid TOML, or does not fit the pack schema.
    #[error("{path}:{line}:{column}: {message}")]
    Toml {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    /// A rule pack parsed, but a rule in it is unusable (duplicate id, bad regex, missing examples…).
    #[error("{path}:{line}:{column}: rule `{rule}`: {message}")]
    Rule {
        path: PathBuf,
        line: usize,
        column: usize,
        rule: String,
        message: String,
    },

    /// Settings that cannot work together, or a request for something that does not exist.
    #[error("{0}")]
    Config(String),
}

impl Error {
    /// The file the error is about, when there is one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Io { path, .. }
            | Error::NotText { path, .. }
            | Error::Toml { path, .. }
            | Error::Rule { path, .. } => Some(path),
            Error::Config(_) => None,
        }
    }
}

/// Short for results whose error is chaff's own.
pub type Result<T, E = Error> = std::result::Result<T, E>;
