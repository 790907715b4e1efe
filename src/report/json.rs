//! `--format json`: one object with every file, every error and a summary. The field names are the
//! contract of DESIGN.md that scripts rely on: fields may be added, never renamed or removed.

use super::Summary;
use crate::check::{FileError, FileReport, RunReport};
use serde::Serialize;
use std::io::{self, Write};

/// Version of the JSON layout; raised only for a change that breaks readers.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files: &'a [FileReport],
    errors: &'a [FileError],
    summary: Summary,
}

/// Writes the run as pretty-printed JSON followed by a newline.
pub fn write(out: &mut dyn Write, run: &RunReport) -> io::Result<()> {
    let document = Document {
        version: VERSION,
        files: &run.files,
        errors: &run.errors,
        summary: Summary::of(run),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
