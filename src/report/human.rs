//! `--format human`: annotated critiques in the manner of rustc, then each file's freshness with its
//! breakdown, then the totals of the run.
//!
//! ```text
//! warning[cliche.outside-the-box]: Stock phrase: “think outside the box”.
//!   --> post.md:12:12
//!    |
//! 12 | We need to think outside the box on refunds.
//!    |            ^^^^^^^^^^^^^^^^^^^^^
//!    = ask: Which box? Name the assumption you are dropping and what you do instead.
//! ```
//!
//! Colour is the caller's decision (`styled`); tabs are shown as four spaces and wide characters
//! are measured, so the underline sits under the span.

use super::Summary;
use crate::check::{FileReport, RunReport};
use crate::finding::{Finding, Severity};
use crate::lines::ExcerptLine;
use crate::score;
use anstyle::{AnsiColor, Effects, Style};
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

const TAB: &str = "    ";

/// Styles for each part of the output; all plain when colour is off.
struct Palette {
    error: Style,
    warning: Style,
    info: Style,
    gutter: Style,
    bold: Style,
    dim: Style,
}

impl Palette {
    fn new(styled: bool) -> Palette {
        if !styled {
            let plain = Style::new();
            return Palette {
                error: plain,
                warning: plain,
                info: plain,
                gutter: plain,
                bold: plain,
                dim: plain,
            };
        }
        Palette {
            error: AnsiColor::BrightRed.on_default().effects(Effects::BOLD),
            warning: AnsiColor::BrightYellow.on_default().effects(Effects::BOLD),
            info: AnsiColor::BrightCyan.on_default().effects(Effects::BOLD),
            gutter: AnsiColor::BrightBlue.on_default().effects(Effects::BOLD),
            bold: Style::new().effects(Effects::BOLD),
            dim: Style::new().effects(Effects::DIMMED),
        }
    }

    fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

/// Writes the whole run.
pub fn write(out: &mut dyn Write, run: &RunReport, styled: bool) -> io::Result<()> {
    let palette = Palette::new(styled);
    for file in &run.files {
        for finding in &file.findings {
            write_finding(out, &file.path, finding, &palette)?;
        }
        write_score(out, file, &palette)?;
        // A file with findings is a section of its own; clean files list one line each.
        if !file.findings.is_empty() {
            writeln!(out)?;
        }
    }
    if run.files.last().is_some_and(|file| file.findings.is_empty()) {
        writeln!(out)?;
    }
    write_summary(out, run, &palette)
}

fn write_finding(out: &mut dyn Write, path: &str, finding: &Finding, palette: &Palette) -> io::Result<()> {
    let level = palette.severity(finding.severity);
    let gutter = palette.gutter;
    let bold = palette.bold;
    writeln!(
        out,
        "{level}{}[{}]{level:#}{bold}: {}{bold:#}",
        finding.severity, finding.rule, finding.message
    )?;
    let width = finding
        .excerpt
        .iter()
        .map(|line| line.number)
        .max()
        .unwrap_or(finding.line)
        .to_string()
        .len();
    let pad = " ".repeat(width);
    writeln!(
        out,
        "{pad}{gutter}-->{gutter:#} {path}:{}:{}",
        finding.line, finding.column
    )?;
    writeln!(out, "{pad} {gutter}|{gutter:#}")?;
    let mut previous: Option<usize> = None;
    for line in &finding.excerpt {
        if previous.is_some_and(|number| line.number > number + 1) {
            writeln!(out, "{gutter}...{gutter:#}")?;
        }
        previous = Some(line.number);
        let (text, underline_at, underline_width) = render_line(line);
        writeln!(out, "{gutter}{:>width$} |{gutter:#} {text}", line.number)?;
        writeln!(
            out,
            "{pad} {gutter}|{gutter:#} {}{level}{}{level:#}",
            " ".repeat(underline_at),
            "^".repeat(underline_width)
        )?;
    }
    writeln!(
        out,
        "{pad} {gutter}={gutter:#} {bold}ask:{bold:#} {}",
        finding.critique
    )?;
    if !finding.instead.is_empty() {
        writeln!(
            out,
            "{pad} {gutter}={gutter:#} {bold}instead:{bold:#} {}",
            finding.instead.join(", ")
        )?;
    }
    if finding.mention {
        writeln!(
            out,
            "{pad} {gutter}={gutter:#} {bold}note:{bold:#} quoted, so it is a mention: info, at a fraction of the cost of a use"
        )?;
    }
    writeln!(out)
}

/// The line as shown (tabs expanded, control characters made visible, cut marks), the display column
/// where the underline starts and its width.
fn render_line(line: &ExcerptLine) -> (String, usize, usize) {
    let mut shown = String::with_capacity(line.text.len() + 8);
    let mut column = 0;
    let (mut underline_at, mut underline_end) = (None, None);
    if line.cut_before {
        shown.push('…');
        column += 1;
    }
    for (offset, c) in line.text.char_indices() {
        if offset == line.underline.start {
            underline_at = Some(column);
        }
        if offset == line.underline.end {
            underline_end = Some(column);
        }
        if c == '\t' {
            shown.push_str(TAB);
            column += TAB.len();
        } else if c.is_control() {
            shown.push('\u{fffd}');
            column += 1;
        } else {
            shown.push(c);
            column += c.width().unwrap_or(0);
        }
    }
    let underline_at = underline_at.unwrap_or(column);
    let underline_end = underline_end.unwrap_or(column);
    if line.cut_after {
        shown.push('…');
    }
    (
        shown,
        underline_at,
        underline_end.saturating_sub(underline_at).max(1),
    )
}

fn write_score(out: &mut dyn Write, file: &FileReport, palette: &Palette) -> io::Result<()> {
    let bold = palette.bold;
    let dim = palette.dim;
    let findings = match file.findings.len() {
        0 => "no findings".to_owned(),
        1 => "1 finding".to_owned(),
        n => format!("{n} findings"),
    };
    writeln!(
        out,
        "{bold}{}{bold:#}: freshness {bold}{:.1}{bold:#} ({}), {} words, {findings}",
        file.path,
        file.freshness,
        score::band(file.freshness),
        thousands(file.words),
    )?;
    let mut losses: Vec<_> = file.score.categories.iter().collect();
    losses.sort_by(|a, b| b.1.lost.total_cmp(&a.1.lost).then(a.0.cmp(b.0)));
    for (category, loss) in losses {
        let quoted = if loss.mentions > 0 {
            format!(", {} quoted", loss.mentions)
        } else {
            String::new()
        };
        let lost = format!("−{:.1}", loss.lost);
        writeln!(
            out,
            "  {dim}{lost:>6}{dim:#}  {category} ({}{quoted})",
            loss.findings
        )?;
    }
    Ok(())
}

fn write_summary(out: &mut dyn Write, run: &RunReport, palette: &Palette) -> io::Result<()> {
    let bold = palette.bold;
    let summary = Summary::of(run);
    let files = if summary.files == 1 { "file" } else { "files" };
    let categories = if summary.by_category.is_empty() {
        String::new()
    } else {
        let parts: Vec<String> = summary
            .by_category
            .iter()
            .map(|(category, count)| format!("{category} {count}"))
            .collect();
        format!(" ({})", parts.join(", "))
    };
    let findings = if summary.findings == 1 {
        "finding"
    } else {
        "findings"
    };
    writeln!(
        out,
        "{bold}Checked {} {files}, {} words: {} {findings}{categories}. Mean freshness {:.1} ({}).{bold:#}",
        summary.files,
        thousands(summary.words),
        summary.findings,
        summary.freshness,
        score::band(summary.freshness),
    )?;
    if !run.errors.is_empty() {
        let count = run.errors.len();
        let noun = if count == 1 { "path" } else { "paths" };
        writeln!(
            out,
            "{} {noun} could not be checked (see the errors above).",
            count
        )?;
    }
    Ok(())
}

/// 12345 → "12,345".
fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_and_wide_characters_keep_the_underline_under_the_span() {
        let line = ExcerptLine {
            number: 1,
            text: "\t日本 box".to_owned(),
            underline: 8..11,
            cut_before: false,
            cut_after: false,
        };
        let (shown, at, width) = render_line(&line);
        assert_eq!(shown, "    日本 box");
        assert_eq!((at, width), (9, 3));
    }

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
