//! Markdown in, prose out: the text a reader reads, and nothing else.
//!
//! `Prose::extract` walks pulldown-cmark's events with their source offsets and keeps the text of
//! paragraphs, headings, list items, table cells, block quotes, footnote definitions, emphasis, link
//! text and image alt text, plus the front-matter `title`. It drops code (fenced, indented, inline),
//! raw HTML and HTML comments, link and image destinations, autolinks and bare URLs, and the rest of
//! the front matter. Where something is dropped from the middle of a sentence, a barrier character
//! stands in its place so that no phrase can match across it.
//!
//! The prose is a list of blocks joined by `\n`; within a block, a soft or hard line break becomes a
//! space, so a phrase wrapped across two source lines still matches. Every piece of prose remembers
//! the bytes of the file it came from, so any range of prose maps back to an exact range of the file.

use crate::rules::Scope;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Stands in for dropped inline content (code, HTML, URLs). Not a word character and not a space,
/// so matches never cross it.
pub const BARRIER: char = '\u{fffc}';
/// Separates blocks in `Prose::text`.
pub const BLOCK_BREAK: char = '\n';

/// What kind of markdown a block of prose came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The front-matter `title`, checked as a heading.
    Title,
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

impl BlockKind {
    pub fn scope(self) -> Scope {
        match self {
            BlockKind::Title | BlockKind::Heading => Scope::Heading,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::TableCell => Scope::Prose,
        }
    }
}

/// One block of prose: `Prose::text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
    /// Inside a block quote: the words are someone else's, quoted.
    pub quoted: bool,
}

/// A run of prose copied from (or standing for) one range of the file.
#[derive(Debug, Clone, Copy)]
struct Piece {
    prose: usize,
    len: usize,
    source: usize,
    source_len: usize,
    /// The prose bytes are the file's bytes, so offsets inside the piece map one to one. Otherwise
    /// (an entity, an escape, a line break, a barrier) the piece maps as a whole.
    exact: bool,
}

/// The prose of one document.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    /// Blocks of prose separated by `BLOCK_BREAK`.
    pub text: String,
    pub blocks: Vec<Block>,
    /// Prose ranges of link text and footnote references: the marks of a cited source.
    pub links: Vec<Range<usize>>,
    /// File range of the front matter, delimiters included.
    pub front_matter: Option<Range<usize>>,
    pieces: Vec<Piece>,
}

impl Prose {
    /// Extracts the prose of a markdown document. Never fails: any text is some markdown.
    pub fn extract(source: &str) -> Prose {
        let mut builder = Builder {
            source,
            prose: Prose::default(),
            open: None,
            containers: Vec::new(),
            skip: 0,
            quotes: 0,
            links: Vec::new(),
        };
        let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let body_start = match front_matter(source, start) {
            Some(matter) => {
                if let Some(title) = matter.title.clone() {
                    builder.open_block(BlockKind::Title);
                    builder.push_text(&source[title.clone()], title);
                    builder.close_block();
                }
                builder.prose.front_matter = Some(matter.range.clone());
                matter.range.end
            }
            None => start,
        };
        builder.parse(body_start);
        builder.close_block();
        builder.prose
    }

    /// The file range that the prose range `start..end` came from. `start < end`, both on character
    /// boundaries of the prose text.
    pub fn source_range(&self, start: usize, end: usize) -> Range<usize> {
        let first = self.piece_at(start);
        let last = self.piece_at(end - 1);
        let source_start = if first.exact {
            first.source + (start - first.prose)
        } else {
            first.source
        };
        let source_end = if last.exact {
            last.source + (end - last.prose)
        } else {
            last.source + last.source_len
        };
        source_start..source_end.max(source_start)
    }

    fn piece_at(&self, offset: usize) -> Piece {
        let index = self
            .pieces
            .partition_point(|piece| piece.prose + piece.len <= offset);
        self.pieces[index.min(self.pieces.len() - 1)]
    }

    /// The block holding a prose offset.
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        let index = self.blocks.partition_point(|block| block.end <= offset);
        self.blocks.get(index).filter(|block| block.start <= offset)
    }

    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.start..block.end]
    }

    /// Prose words: whitespace-separated tokens with a letter or digit in them. Code, HTML, URLs and
    /// front matter are not prose, so they are not counted.
    pub fn words(&self) -> usize {
        self.text
            .split(|c: char| c.is_whitespace() || c == BARRIER)
            .filter(|token| token.chars().any(char::is_alphanumeric))
            .count()
    }
}

/// The spans of a block of prose inside quotation marks, quotes included: “…”, "…", ‘…’ and '…'.
/// A single quote opens only after a space or an opening bracket and closes only before a space or
/// punctuation, so apostrophes ("customer's", "don't") are not taken for quotes.
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut double: Option<usize> = None;
    let mut single: Option<usize> = None;
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, next)| next);
        let after_gap =
            previous.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '\u{2014}' | '\u{2013}'));
        let before_gap = next.is_none_or(|n| {
            n.is_whitespace() || n.is_ascii_punctuation() || matches!(n, '\u{2014}' | '\u{2013}' | '\u{2026}')
        });
        let end = at + c.len_utf8();
        match c {
            '\u{201c}' if double.is_none() => double = Some(at),
            '\u{201d}' => {
                if let Some(start) = double.take() {
                    spans.push(start..end);
                }
            }
            '"' => match double.take() {
                Some(start) => spans.push(start..end),
                None => double = Some(at),
            },
            '\u{2018}' | '\'' if single.is_none() && after_gap => single = Some(at),
            '\u{2019}' | '\'' if before_gap => {
                if let Some(start) = single.take() {
                    spans.push(start..end);
                }
            }
            _ => {}
        }
        previous = Some(c);
    }
    spans.sort_by_key(|span| span.start);
    spans
}

/// The text inside a quoted span (as found by `quoted_spans`), without its quotation marks and any
/// trailing punctuation or ellipsis; `None` if nothing is left.
pub fn inside_quotes(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let quoted = &text[span.clone()];
    let open = quoted.chars().next()?.len_utf8();
    let close = quoted.chars().next_back()?.len_utf8();
    if quoted.len() <= open + close {
        return None;
    }
    let inner = &quoted[open..quoted.len() - close];
    let trimmed = inner.trim_end_matches(['.', ',', ';', ':', '!', '?', '\u{2026}', ' ']);
    let lead = trimmed.len() - trimmed.trim_start().len();
    let trimmed = trimmed.trim_start();
    (!trimmed.is_empty()).then(|| {
        let start = span.start + open + lead;
        start..start + trimmed.len()
    })
}

/// Splits one block of prose into sentences: ranges of `text`, trimmed, in order.
///
/// A sentence ends at `.`, `!`, `?` or `…` (and runs of them), after any closing quotes or brackets,
/// where whitespace follows and the next word starts with a capital, a digit or an opening quote.
/// Abbreviations ("e.g.", "Dr.", "etc.", "No."), initials ("J. Smith") and decimals do not end one.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            continue;
        }
        // Take the whole run of terminal punctuation and closing quotes or brackets.
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            if matches!(
                next,
                '.' | '!' | '?' | '\u{2026}' | '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}'
            ) {
                end = next_at + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() && !rest.is_empty() {
            continue;
        }
        let starts_new = after_space.chars().next().is_none_or(|next| {
            next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[' | '*' | '_')
        });
        if !starts_new || (c == '.' && ends_with_abbreviation(&text[start..at])) {
            continue;
        }
        push_trimmed(&mut sentences, text, start..end);
        start = end;
    }
    push_trimmed(&mut sentences, text, start..text.len());
    sentences
}

fn push_trimmed(sentences: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        sentences.push(range.start + lead..range.start + lead + trimmed.len());
    }
}

/// The text before a full stop ends with an abbreviation or an initial.
fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    const ABBREVIATIONS: &[&str] = &[
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "st", "no", "nos", "fig", "approx", "inc", "ltd",
        "co", "cf", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "p", "pp", "vol", "ch", "sec", "para", "dept", "est", "prof", "rev", "gen", "govt", "plc",
        "corp",
    ];
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    single_initial || ABBREVIATIONS.contains(&word.as_str())
}

struct Builder<'s> {
    source: &'s str,
    prose: Prose,
    /// The block being filled: its kind and where it starts in the prose.
    open: Option<(BlockKind, usize)>,
    /// Enclosing text containers, innermost last, so text after a nested list resumes its item.
    containers: Vec<BlockKind>,
    /// Depth inside content that is not prose (code blocks, HTML blocks, autolinks).
    skip: usize,
    /// Depth of block quotes.
    quotes: usize,
    /// Open links: whether each is an autolink (skipped), else where its text starts.
    links: Vec<Option<usize>>,
}

impl Builder<'_> {
    fn parse(&mut self, body_start: usize) {
        let body = &self.source[body_start..];
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_GFM
            | Options::ENABLE_DEFINITION_LIST;
        for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
            let range = range.start + body_start..range.end + body_start;
            self.event(event, range);
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.skip == 0 => self.push_text(&text, range),
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
                if self.skip == 0 =>
            {
                self.push_barrier(range);
            }
            Event::FootnoteReference(_) if self.skip == 0 => {
                let start = self.prose.text.len();
                self.push_barrier(range);
                self.prose.links.push(start..self.prose.text.len());
            }
            Event::SoftBreak | Event::HardBreak if self.skip == 0 && self.open.is_some() => {
                self.push_piece(" ", range, false);
            }
            Event::Rule => self.close_block(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                self.enter(BlockKind::Paragraph);
            }
            Tag::Heading { .. } => self.enter(BlockKind::Heading),
            Tag::Item => self.enter(BlockKind::ListItem),
            Tag::TableCell => self.enter(BlockKind::TableCell),
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.close_block();
                self.skip += 1;
            }
            Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            } => {
                if self.skip == 0 {
                    self.push_barrier(range);
                }
                self.links.push(None);
                self.skip += 1;
            }
            Tag::Link { .. } => self.links.push(Some(self.prose.text.len())),
            Tag::BlockQuote(_) => {
                self.close_block();
                self.quotes += 1;
            }
            Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList => self.close_block(),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Image { .. } => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell => {
                self.close_block();
                self.containers.pop();
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.skip = self.skip.saturating_sub(1);
            }
            TagEnd::Link => match self.links.pop() {
                Some(None) => self.skip = self.skip.saturating_sub(1),
                Some(Some(start)) if start < self.prose.text.len() => {
                    self.prose.links.push(start..self.prose.text.len());
                }
                _ => {}
            },
            TagEnd::BlockQuote(_) => {
                self.close_block();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList => self.close_block(),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Image => {}
        }
    }

    fn enter(&mut self, kind: BlockKind) {
        self.close_block();
        self.containers.push(kind);
    }

    fn open_block(&mut self, kind: BlockKind) {
        if self.open.is_none() {
            self.open = Some((kind, self.prose.text.len()));
        }
    }

    fn close_block(&mut self) {
        let Some((kind, start)) = self.open.take() else {
            return;
        };
        let end = self.prose.text.len();
        if end > start {
            self.prose.blocks.push(Block {
                start,
                end,
                kind,
                quoted: self.quotes > 0,
            });
            self.prose.text.push(BLOCK_BREAK);
        }
    }

    /// Adds text from the file, standing barriers in for any bare URL or e-mail address in it.
    fn push_text(&mut self, text: &str, range: Range<usize>) {
        let exact = self.source.get(range.clone()) == Some(text);
        let might_hold_address = text.contains("://") || text.contains("www.") || text.contains('@');
        if !might_hold_address {
            self.push_piece(text, range, exact);
            return;
        }
        if !exact {
            let masked = ADDRESS.replace_all(text, BARRIER.to_string().as_str());
            self.push_piece(&masked, range, false);
            return;
        }
        let mut done = 0;
        for address in ADDRESS.find_iter(text) {
            let end = address.start() + trim_trailing_punctuation(address.as_str()).len();
            if address.start() > done {
                self.push_piece(
                    &text[done..address.start()],
                    range.start + done..range.start + address.start(),
                    true,
                );
            }
            self.push_barrier(range.start + address.start()..range.start + end);
            done = end;
        }
        if done < text.len() {
            self.push_piece(&text[done..], range.start + done..range.end, true);
        }
    }

    fn push_barrier(&mut self, range: Range<usize>) {
        let mut buffer = [0; 4];
        self.push_piece(BARRIER.encode_utf8(&mut buffer), range, false);
    }

    fn push_piece(&mut self, text: &str, range: Range<usize>, exact: bool) {
        if text.is_empty() {
            return;
        }
        let kind = self.containers.last().copied().unwrap_or(BlockKind::Paragraph);
        self.open_block(kind);
        let prose = self.prose.text.len();
        self.prose.text.push_str(text);
        self.prose.pieces.push(Piece {
            prose,
            len: text.len(),
            source: range.start,
            source_len: range.len(),
            exact,
        });
    }
}

/// Bare web and e-mail addresses in text; they are not prose even when not marked up as links.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
        .expect("the address pattern is a valid regex")
});

/// "https://example.com/a." ends a sentence; the full stop is prose, not part of the address.
fn trim_trailing_punctuation(address: &str) -> &str {
    address.trim_end_matches([
        '.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '\u{201d}', '\u{2019}',
    ])
}

/// A front-matter block: YAML between `---` lines or TOML between `+++` lines, at the very top.
struct FrontMatter {
    range: Range<usize>,
    title: Option<Range<usize>>,
}

/// Finds front matter starting at `start` (after a byte-order mark). Unterminated front matter is not
/// front matter: the text is checked as markdown, as static-site generators would render it.
fn front_matter(source: &str, start: usize) -> Option<FrontMatter> {
    let mut lines = LineSpans::new(source, start);
    let (first, _) = lines.next()?;
    let opener = source[first].trim_end();
    let (closers, toml): (&[&str], bool) = match opener {
        "---" => (&["---", "..."], false),
        "+++" => (&["+++"], true),
        _ => return None,
    };
    let mut title = None;
    for (line, end_with_newline) in lines {
        let text = &source[line.clone()];
        if closers.contains(&text.trim_end()) {
            return Some(FrontMatter {
                range: start..end_with_newline,
                title,
            });
        }
        if title.is_none() {
            title = title_value(text, toml).map(|value| line.start + value.start..line.start + value.end);
        }
    }
    None
}

/// The range of a top-level `title` value in one front-matter line, quotes excluded.
fn title_value(line: &str, toml: bool) -> Option<Range<usize>> {
    let rest = line.strip_prefix("title")?;
    let separator = if toml { '=' } else { ':' };
    let after_key = rest.trim_start();
    let value = after_key.strip_prefix(separator)?;
    let value_start = line.len() - value.len();
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return None;
    }
    let lead = value.len() - value.trim_start().len();
    let mut start = value_start + lead;
    let mut end = start + trimmed.len();
    let bytes = trimmed.as_bytes();
    let quoted = bytes.len() >= 2 && matches!(bytes[0], b'"' | b'\'') && bytes[bytes.len() - 1] == bytes[0];
    if quoted {
        start += 1;
        end -= 1;
    } else if toml || trimmed.starts_with(['|', '>', '[', '{', '&', '*', '!']) {
        // TOML strings are always quoted; YAML block scalars and collections are not a title line.
        return None;
    }
    (end > start).then_some(start..end)
}

/// Lines of `source` from `start`: each line's range without its ending, and where the next starts.
struct LineSpans<'s> {
    source: &'s str,
    position: usize,
}

impl<'s> LineSpans<'s> {
    fn new(source: &'s str, start: usize) -> Self {
        LineSpans {
            source,
            position: start,
        }
    }
}

impl Iterator for LineSpans<'_> {
    type Item = (Range<usize>, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.position >= self.source.len() {
            return None;
        }
        let rest = &self.source[self.position..];
        let (line_len, ending_len) = match rest.find(['\n', '\r']) {
            Some(at) if rest[at..].starts_with("\r\n") => (at, 2),
            Some(at) => (at, 1),
            None => (rest.len(), 0),
        };
        let line = self.position..self.position + line_len;
        self.position += line_len + ending_len;
        Some((line, self.position))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(source: &str) -> Vec<(BlockKind, String)> {
        let prose = Prose::extract(source);
        prose
            .blocks
            .iter()
            .map(|block| (block.kind, prose.block_text(block).to_owned()))
            .collect()
    }

    #[test]
    fn code_html_and_urls_are_not_prose() {
        let source = "Say `think outside the box` and <b>x</b> at https://example.com/think-outside. Or <https://a.b/c>.\n\n```\nthink outside the box\n```\n\n<div>\nthink outside the box\n</div>\n\n<!-- think outside the box -->\n";
        let prose = Prose::extract(source);
        assert!(!prose.text.contains("outside"), "{:?}", prose.text);
        assert_eq!(prose.blocks.len(), 1);
        assert!(prose.text.contains(". Or "), "{:?}", prose.text);
    }

    #[test]
    fn soft_breaks_join_and_map_back() {
        let source = "We think outside\nthe box.\n";
        let prose = Prose::extract(source);
        assert_eq!(prose.text, "We think outside the box.\n");
        let start = prose.text.find("think").unwrap();
        let end = prose.text.find(" box").unwrap() + 4;
        assert_eq!(&source[prose.source_range(start, end)], "think outside\nthe box");
    }

    #[test]
    fn blocks_have_kinds_and_emphasis_is_transparent() {
        let source =
            "# Five *trends*\n\n- one\n  - two\n\n| a | b |\n|---|---|\n| c | d |\n\n> quoted **text**\n";
        assert_eq!(
            blocks(source),
            vec![
                (BlockKind::Heading, "Five trends".to_owned()),
                (BlockKind::ListItem, "one".to_owned()),
                (BlockKind::ListItem, "two".to_owned()),
                (BlockKind::TableCell, "a".to_owned()),
                (BlockKind::TableCell, "b".to_owned()),
                (BlockKind::TableCell, "c".to_owned()),
                (BlockKind::TableCell, "d".to_owned()),
                (BlockKind::Paragraph, "quoted text".to_owned()),
            ]
        );
    }

    #[test]
    fn front_matter_yields_only_its_title() {
        let source = "---\ntitle: \"The ultimate guide\"\ntags: [synergy]\n---\nBody text.\n";
        let prose = Prose::extract(source);
        assert_eq!(
            blocks(source)[0],
            (BlockKind::Title, "The ultimate guide".to_owned())
        );
        assert!(!prose.text.contains("synergy"));
        assert_eq!(prose.front_matter, Some(0..52));
        let toml = "+++\ntitle = 'Why it matters'\n+++\nBody.\n";
        assert_eq!(blocks(toml)[0], (BlockKind::Title, "Why it matters".to_owned()));
    }

    #[test]
    fn unterminated_front_matter_is_markdown() {
        let source = "---\ntitle: x\nno end\n";
        assert!(Prose::extract(source).front_matter.is_none());
    }

    #[test]
    fn links_are_marked_and_entities_map_as_a_whole() {
        let source = "See [the report](https://x.org/r) &amp; more[^1].\n\n[^1]: Source.\n";
        let prose = Prose::extract(source);
        assert_eq!(prose.links.len(), 2);
        assert_eq!(&prose.text[prose.links[0].clone()], "the report");
        let amp = prose.text.find('&').unwrap();
        assert_eq!(&source[prose.source_range(amp, amp + 1)], "&amp;");
    }

    #[test]
    fn words_skip_code_and_count_tokens() {
        let prose = Prose::extract("Five customer-centric trends, `code here`!\n");
        assert_eq!(prose.words(), 3);
    }

    #[test]
    fn sentences_end_at_terminal_punctuation_but_not_at_abbreviations() {
        let text =
            "We called Dr. Patel at 9.30, e.g. about the 3.5% fee. She said “yes.” Then? 40 more calls… done";
        let parts: Vec<&str> = sentences(text).into_iter().map(|range| &text[range]).collect();
        assert_eq!(
            parts,
            [
                "We called Dr. Patel at 9.30, e.g. about the 3.5% fee.",
                "She said “yes.”",
                "Then?",
                "40 more calls… done"
            ]
        );
        assert_eq!(sentences("J. Smith wrote it. It works."), [0..18, 19..28]);
        assert!(sentences("  ").is_empty());
    }

    #[test]
    fn quoted_spans_skip_apostrophes() {
        let text =
            "Don't say \u{201c}seamless experience\u{201d}, the customer's 'wow factor' or \"delight\".";
        let spans: Vec<&str> = quoted_spans(text).into_iter().map(|span| &text[span]).collect();
        assert_eq!(
            spans,
            [
                "\u{201c}seamless experience\u{201d}",
                "'wow factor'",
                "\"delight\""
            ]
        );
        assert!(quoted_spans("It's the customers' view, isn't it").is_empty());
        let curly = "the team\u{2019}s \u{2018}think outside the box\u{2019} slide";
        assert_eq!(quoted_spans(curly).len(), 1);
    }

    #[test]
    fn block_quotes_are_marked() {
        let prose = Prose::extract("Plain.\n\n> Quoted.\n>\n> > Nested.\n\nAfter.\n");
        let quoted: Vec<bool> = prose.blocks.iter().map(|block| block.quoted).collect();
        assert_eq!(quoted, [false, true, true, false]);
    }

    #[test]
    fn a_byte_order_mark_is_not_text() {
        let source = "\u{feff}---\ntitle: Hi there\n---\nText.\n";
        let prose = Prose::extract(source);
        let start = prose.text.find("Hi").unwrap();
        assert_eq!(&source[prose.source_range(start, start + 8)], "Hi there");
    }
}
