//! The normalised form that phrases and regexes are matched against, with a map back to the prose.
//!
//! Writers vary what a reader never notices: case, curly or straight quotes, a hyphen or a space or a
//! line break between two words. Matching on a normalised copy means one phrase entry covers all of
//! them. The rules, applied to text and phrases alike:
//! - letters are lower-cased (full Unicode lower-casing);
//! - curly single quotes and apostrophes become `'`, curly double quotes become `"`;
//! - every run of spaces, tabs, other Unicode spaces and hyphens becomes one space;
//! - soft hyphens and zero-width characters disappear.

/// A normalised copy of one block of prose. `origin[i]` is the offset, in the original, of the
/// character that produced byte `i`.
#[derive(Debug, Default, Clone)]
pub struct Normalized {
    pub text: String,
    origin: Vec<u32>,
}

impl Normalized {
    /// Normalises `original` into `self`, reusing the buffers.
    pub fn fill(&mut self, original: &str) {
        self.text.clear();
        self.origin.clear();
        let mut gap_start: Option<usize> = None;
        for (offset, c) in original.char_indices() {
            if is_gap(c) {
                gap_start.get_or_insert(offset);
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            if let Some(start) = gap_start.take() {
                self.push(' ', start);
            }
            if c.is_ascii() {
                self.push(c.to_ascii_lowercase(), offset);
            } else if let Some(quote) = straight_quote(c) {
                self.push(quote, offset);
            } else {
                for lower in c.to_lowercase() {
                    self.push(lower, offset);
                }
            }
        }
        if let Some(start) = gap_start {
            self.push(' ', start);
        }
    }

    fn push(&mut self, c: char, origin: usize) {
        self.text.push(c);
        // Offsets past u32::MAX cannot occur: blocks are far smaller, and `Prose` splits text into
        // blocks before anything is normalised.
        let origin = u32::try_from(origin).unwrap_or(u32::MAX);
        self.origin.extend(std::iter::repeat_n(origin, c.len_utf8()));
    }

    /// The range of the original that normalised bytes `start..end` came from. `end` is exclusive and
    /// must be greater than `start`.
    pub fn original_range(&self, original: &str, start: usize, end: usize) -> std::ops::Range<usize> {
        let first = self.origin[start] as usize;
        let last = self.origin[end - 1] as usize;
        let last_len = original[last..].chars().next().map_or(0, char::len_utf8);
        first..last + last_len
    }
}

/// Normalises a phrase the way text is normalised, without the position map, trimmed.
pub fn normalize(phrase: &str) -> String {
    let mut normalized = Normalized::default();
    normalized.fill(phrase);
    normalized.text.trim().to_owned()
}

/// Characters that separate words without changing them: spaces and hyphens. A line feed is not one:
/// blocks never contain it, and it must stay a barrier if one ever appears.
fn is_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '-' | '\u{a0}' | '\u{2010}' | '\u{2011}' | '\u{2007}' | '\u{202f}'
    ) || (c != '\n' && c.is_whitespace())
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

fn straight_quote(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => Some('\''),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => Some('"'),
        _ => None,
    }
}

/// A character that can be part of a word, for whole-word matching.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_quotes_hyphens_and_spaces_fold() {
        assert_eq!(normalize("Customer-Centric"), "customer centric");
        assert_eq!(normalize("customer -\t centric"), "customer centric");
        assert_eq!(normalize("it\u{2019}s \u{201c}Great\u{201d}"), "it's \"great\"");
        assert_eq!(normalize("cus\u{ad}tomer"), "customer");
        assert_eq!(normalize("ORGANISATION"), "organisation");
        assert_eq!(normalize("CAFÉ"), "café");
    }

    #[test]
    fn ranges_map_back_to_the_original() {
        let original = "Think   Outside-the\u{2011}BOX, café";
        let mut normalized = Normalized::default();
        normalized.fill(original);
        let start = normalized.text.find("outside the box").unwrap();
        let range = normalized.original_range(original, start, start + "outside the box".len());
        assert_eq!(&original[range], "Outside-the\u{2011}BOX");
        let start = normalized.text.find("café").unwrap();
        let range = normalized.original_range(original, start, start + "café".len());
        assert_eq!(&original[range], "café");
    }
}
