//! Byte offsets to 1-based line and column. Everything inside chaff speaks byte offsets (pulldown-cmark,
//! regex and aho-corasick all do); this index turns them into what a person reads, once, at the edge.
//! Line endings are those CommonMark knows: `\n`, `\r\n` and a lone `\r`, so a file with mixed
//! endings gets the same line numbers an editor shows. Columns count Unicode scalar values.

/// Where each line of one text starts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// 1-based line and column of `offset`. An offset past the end is clamped to the end; an offset
    /// inside a character counts as that character.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        // Counting the bytes that start a character counts characters, even for an offset that
        // falls inside one.
        let column = text.as_bytes()[line_start..offset]
            .iter()
            .filter(|&&byte| byte & 0xC0 != 0x80)
            .count()
            + 1;
        (line, column)
    }

    /// Byte range of line `line` (1-based), without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line.clamp(1, self.starts.len()) - 1];
        let end = self.starts.get(line).copied().unwrap_or(text.len());
        let trimmed = text[start..end].trim_end_matches(['\n', '\r']).len();
        start..start + trimmed
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The lines that `range` covers, each with the part of it to underline. A line longer than
    /// `EXCERPT_LINE` characters is cut to `EXCERPT_CONTEXT` characters either side of the span, so
    /// an excerpt of a paragraph written on one line (or of a megabyte-long line) stays readable. A span over many lines keeps its first and last two.
    pub fn excerpt(&self, text: &str, range: std::ops::Range<usize>) -> Vec<ExcerptLine> {
        let (first, _) = self.position(text, range.start);
        let (mut last, end_column) = self.position(text, range.end);
        if end_column == 1 && last > first {
            last -= 1;
        }
        let numbers: Vec<usize> = if last - first >= 4 {
            vec![first, first + 1, last - 1, last]
        } else {
            (first..=last).collect()
        };
        numbers
            .into_iter()
            .map(|number| {
                let line = self.line_range(text, number);
                let underline_start = range.start.clamp(line.start, line.end);
                let underline_end = range.end.clamp(line.start, line.end);
                let short = text[line.clone()].chars().nth(EXCERPT_LINE).is_none();
                let (window_start, window_end) = if short {
                    (line.start, line.end)
                } else {
                    (
                        back_chars(text, underline_start, EXCERPT_CONTEXT).max(line.start),
                        forward_chars(text, underline_end, EXCERPT_CONTEXT).min(line.end),
                    )
                };
                ExcerptLine {
                    number,
                    text: text[window_start..window_end].to_owned(),
                    underline: underline_start - window_start..underline_end - window_start,
                    cut_before: window_start > line.start,
                    cut_after: window_end < line.end,
                }
            })
            .collect()
    }
}

/// Lines up to this many characters are shown whole.
pub const EXCERPT_LINE: usize = 120;
/// Characters of context kept either side of a span on a longer line.
pub const EXCERPT_CONTEXT: usize = 40;

/// One source line of an excerpt: its number, its text (possibly a window of it), and the byte range
/// of that text to underline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExcerptLine {
    pub number: usize,
    pub text: String,
    pub underline: std::ops::Range<usize>,
    /// The window starts after the line does.
    pub cut_before: bool,
    /// The window ends before the line does.
    pub cut_after: bool,
}

/// The offset `count` characters before `offset` (or 0).
fn back_chars(text: &str, offset: usize, count: usize) -> usize {
    text[..offset]
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(at, _)| at)
}

/// The offset `count` characters after `offset` (or the end).
fn forward_chars(text: &str, offset: usize, count: usize) -> usize {
    text[offset..]
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(at, _)| offset + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_every_kind_of_line_ending() {
        let text = "ab\ncd\r\nef\rgh";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, 3), (2, 1));
        assert_eq!(index.position(text, 7), (3, 1));
        assert_eq!(index.position(text, 10), (4, 1));
        assert_eq!(index.position(text, 11), (4, 2));
        assert_eq!(index.line_range(text, 2), 3..5);
        assert_eq!(index.line_count(), 4);
    }

    #[test]
    fn excerpts_underline_each_line_and_window_long_ones() {
        let text = "first line\nwe think outside\r\nthe box here\n";
        let index = LineIndex::new(text);
        let start = text.find("think").unwrap();
        let end = text.find(" here").unwrap();
        let excerpt = index.excerpt(text, start..end);
        assert_eq!(excerpt.len(), 2);
        assert_eq!(excerpt[0].number, 2);
        assert_eq!(&excerpt[0].text[excerpt[0].underline.clone()], "think outside");
        assert_eq!(&excerpt[1].text[excerpt[1].underline.clone()], "the box");

        let long = format!("{}needle{}", "é".repeat(500), "x".repeat(500));
        let index = LineIndex::new(&long);
        let start = long.find("needle").unwrap();
        let excerpt = index.excerpt(&long, start..start + 6);
        assert!(excerpt[0].cut_before && excerpt[0].cut_after);
        assert_eq!(excerpt[0].text.chars().count(), 2 * EXCERPT_CONTEXT + 6);
        assert_eq!(&excerpt[0].text[excerpt[0].underline.clone()], "needle");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "café — ok";
        let index = LineIndex::new(text);
        let ok = text.find("ok").unwrap();
        assert_eq!(index.position(text, ok), (1, 8));
    }
}
