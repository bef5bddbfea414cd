//! `Document`: an article's text split into kept paragraphs, tokens and sentences.

use std::ops::Range;

use super::boilerplate::{self, KeptRules, Line};
use super::{Normalized, Span, Token, normalize, split_sentences, tokenize};

/// How to read an article's text.
#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    /// Set aside site furniture (see [`boilerplate::RULES`]).
    pub remove_boilerplate: bool,
    /// Rules not applied when `remove_boilerplate` is on.
    pub kept_rules: KeptRules,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions { remove_boilerplate: true, kept_rules: KeptRules::default() }
    }
}

impl TextOptions {
    /// Every line kept: text read as it is.
    pub const KEEP_ALL: TextOptions = TextOptions { remove_boilerplate: false, kept_rules: KeptRules::NONE };
}

/// A kept paragraph (one non-empty line of the source).
#[derive(Clone, Debug)]
pub struct Paragraph {
    /// Original bytes, surrounding white space trimmed.
    pub span: Span,
    /// 1-based line number in the source text.
    pub line: usize,
    /// Its tokens, as indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// A sentence of a kept paragraph.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// Original bytes from the first to the last token.
    pub span: Span,
    /// Index of its paragraph in [`Document::paragraphs`].
    pub paragraph: usize,
    /// Its tokens, as indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// A line set aside as boilerplate.
#[derive(Clone, Debug)]
pub struct RemovedLine {
    /// Original bytes, trimmed.
    pub span: Span,
    /// 1-based line number.
    pub line: usize,
    /// Name of the rule that removed it.
    pub rule: &'static str,
}

/// An article's text, analysed.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    /// The original text, unchanged.
    pub text: &'t str,
    /// The normalised view.
    pub normalized: Normalized,
    /// Kept paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Lines removed as boilerplate, in order.
    pub removed: Vec<RemovedLine>,
    /// Tokens of the kept paragraphs, in order.
    pub tokens: Vec<Token>,
    /// Sentences of the kept paragraphs, in order.
    pub sentences: Vec<Sentence>,
}

/// What parsing builds, before it becomes a [`Document`].
#[derive(Default)]
struct Parts {
    paragraphs: Vec<Paragraph>,
    removed: Vec<RemovedLine>,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
}

impl Parts {
    fn push_paragraph(&mut self, normalized: &Normalized, line: &RawLine) {
        let first = self.tokens.len();
        tokenize(normalized, line.norm, &mut self.tokens);
        let range = first..self.tokens.len();
        let index = self.paragraphs.len();
        for sentence in split_sentences(&self.tokens, range.clone(), normalized.as_str()) {
            let span = Span::new(self.tokens[sentence.start].span.start, self.tokens[sentence.end - 1].span.end);
            self.sentences.push(Sentence { span, paragraph: index, tokens: sentence });
        }
        let span = normalized.to_original(line.norm);
        self.paragraphs.push(Paragraph { span, line: line.number, tokens: range });
    }
}

/// A non-empty line of the normalised text.
struct RawLine<'n> {
    norm: Span,
    text: &'n str,
    number: usize,
}

fn raw_lines(normalized: &str) -> Vec<RawLine<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, line) in normalized.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches('\n');
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let at = start + lead;
            lines.push(RawLine { norm: Span::new(at, at + trimmed.len()), text: trimmed, number: i + 1 });
        }
        start += line.len();
    }
    lines
}

impl<'t> Document<'t> {
    /// Analyse `text`.
    pub fn parse(text: &'t str, options: TextOptions) -> Document<'t> {
        let normalized = normalize(text);
        let mut parts = Parts::default();
        // About one token in five bytes of news text: one allocation instead of a dozen.
        parts.tokens.reserve(normalized.as_str().len() / 5);
        {
            let lines = raw_lines(normalized.as_str());
            let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
            let mut lower = String::new();
            let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
            for (index, line) in lines.iter().enumerate() {
                let repeated = !seen.insert(line.text);
                let rule = if options.remove_boilerplate {
                    lower.clear();
                    lower.push_str(line.text);
                    lower.make_ascii_lowercase();
                    let next = texts.get(index + 1).copied().unwrap_or("");
                    let line = Line {
                        text: line.text,
                        lower: &lower,
                        keywords: boilerplate::keyword_families(line.text),
                        index,
                        earlier: &texts[..index],
                        next,
                        repeated,
                    };
                    boilerplate::classify(&line, options.kept_rules)
                } else {
                    None
                };
                match rule {
                    Some(rule) => parts.removed.push(RemovedLine {
                        span: normalized.to_original(line.norm),
                        line: line.number,
                        rule: rule.name,
                    }),
                    None => parts.push_paragraph(&normalized, line),
                }
            }
        }
        let Parts { paragraphs, removed, tokens, sentences } = parts;
        Document { text, normalized, paragraphs, removed, tokens, sentences }
    }

    /// Original spans of the kept paragraphs.
    pub fn paragraph_spans(&self) -> Vec<Span> {
        self.paragraphs.iter().map(|p| p.span).collect()
    }

    /// Number of word and number tokens in the kept text.
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.is_wordlike()).count()
    }

    /// The sentence holding token `index` (sentences are sorted, so a binary search finds it).
    pub fn sentence_of(&self, token: usize) -> Option<&Sentence> {
        let at = self.sentences.partition_point(|s| s.tokens.end <= token);
        self.sentences.get(at).filter(|s| s.tokens.contains(&token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Iraq votes to expel\n\nIraq votes to expel\nJack Phillips\n\nThe parliament\u{a0}voted. It left.\r\nSee all Video\n";

    #[test]
    fn boilerplate_lines_are_set_aside_with_their_rule_and_line() {
        let doc = Document::parse(PAGE, TextOptions::default());
        let removed: Vec<(usize, &str, &str)> =
            doc.removed.iter().map(|r| (r.line, r.rule, r.span.slice(PAGE))).collect();
        assert_eq!(
            removed,
            [
                (3, "duplicate_line", "Iraq votes to expel"),
                (4, "byline", "Jack Phillips"),
                (7, "site_navigation", "See all Video")
            ]
        );
        let kept: Vec<&str> = doc.paragraphs.iter().map(|p| p.span.slice(PAGE)).collect();
        assert_eq!(kept, ["Iraq votes to expel", "The parliament\u{a0}voted. It left."]);
    }

    #[test]
    fn removal_can_be_turned_off() {
        let doc = Document::parse(PAGE, TextOptions::KEEP_ALL);
        assert!(doc.removed.is_empty());
        assert_eq!(doc.paragraphs.len(), 5);
    }

    #[test]
    fn sentences_know_their_paragraph() {
        let doc = Document::parse(PAGE, TextOptions::default());
        let sentences: Vec<(&str, usize)> = doc.sentences.iter().map(|s| (s.span.slice(PAGE), s.paragraph)).collect();
        assert_eq!(sentences, [("Iraq votes to expel", 0), ("The parliament\u{a0}voted.", 1), ("It left.", 1)]);
        assert_eq!(doc.word_count(), 9);
    }
}
