//! Quote spans: which stretches of an article sit inside quotation marks.
//!
//! Owns the pairing of quotation marks. It reads the original characters, because only there
//! can an opening ‘ be told from a closing ’. Rules:
//! - Double marks (“ ” " „ « » and the two-apostrophe '' of some archives) pair within a paragraph;
//!   a curly one typed the wrong way round (`”Luckily, …”`) acts by its position.
//! - A paragraph that ends inside a quote continues it when the next paragraph opens with a
//!   quotation mark (the news convention for multi-paragraph quotes); otherwise the quote is
//!   closed at the paragraph end and flagged unclosed, so a stray mark never swallows the rest
//!   of the article.
//! - Single marks (‘ ’ ') are quotes only when an opening mark before a word is later closed by
//!   a mark after a word in the same paragraph; every other single mark is an apostrophe
//!   (CBS’, Kata’ib, they’ve, The Epoch Times', ’90s).

use crate::text::Span;

/// Which kind of mark encloses the quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuoteMark {
    /// “…”, "…", '' … ''
    Double,
    /// ‘…’, '…'
    Single,
}

/// One quoted stretch of one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// The quoted words, marks excluded.
    pub inner: Span,
    /// Double or single marks.
    pub mark: QuoteMark,
    /// False when no closing mark was found before the paragraph ended.
    pub closed: bool,
    /// True when the quote goes on in the next paragraph.
    pub continues: bool,
    /// True when this span continues a quote from the previous paragraph.
    pub continuation: bool,
}

/// Find the quote spans of an article, given its paragraphs (original spans, in order).
pub fn find_quote_spans(text: &str, paragraphs: &[Span]) -> Vec<QuoteSpan> {
    let mut quotes = Vec::new();
    let mut carried = false;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let next_opens = paragraphs.get(i + 1).is_some_and(|next| opens_with_quote(next.slice(text)));
        let before = quotes.len();
        double_quotes(text, *paragraph, next_opens, &mut quotes);
        let doubles: Vec<Span> = quotes[before..].iter().map(|q| q.span).collect();
        if carried && let Some(first) = quotes.get_mut(before) {
            first.continuation = true;
        }
        carried = quotes[before..].last().is_some_and(|q| q.continues);
        single_quotes(text, *paragraph, &doubles, &mut quotes);
    }
    quotes.sort_by_key(|q| q.span);
    quotes
}

fn opens_with_quote(paragraph: &str) -> bool {
    let trimmed = paragraph.trim_start();
    trimmed.starts_with(['“', '"', '„', '«', '‘']) || trimmed.starts_with("''") || trimmed.starts_with("``")
}

/// How a double mark may act, from its glyph and its neighbours.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

struct Mark {
    at: usize,
    len: usize,
    role: Role,
}

/// The quotation-mark characters of a paragraph, with their offsets. Skips to the next byte that
/// can start a mark (ASCII quotes, and the lead bytes of “ ” ‘ ’ „ « ») and decodes only there:
/// most text has none.
fn mark_chars(body: &str) -> MarkChars<'_> {
    MarkChars { body, at: 0 }
}

/// Bytes that can start a quotation mark.
static MAY_START_MARK: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[b'`' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table
};

struct MarkChars<'a> {
    body: &'a str,
    at: usize,
}

impl Iterator for MarkChars<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        let bytes = self.body.as_bytes();
        while let Some(step) = bytes[self.at..].iter().position(|&b| MAY_START_MARK[b as usize]) {
            let offset = self.at + step;
            self.at = offset + 1;
            let b = bytes[offset];
            if b.is_ascii() {
                return Some((offset, b as char));
            }
            let c = self.body[offset..].chars().next().expect("a lead byte starts a character");
            if "“”‘’„‟«»‚‛".contains(c) {
                return Some((offset, c));
            }
        }
        self.at = bytes.len();
        None
    }
}

fn double_marks(text: &str, paragraph: Span) -> Vec<Mark> {
    let body = paragraph.slice(text);
    let mut marks = Vec::new();
    let mut chars = mark_chars(body).peekable();
    let mut in_attribute = false;
    while let Some((offset, c)) = chars.next() {
        // `<tweet id="…">`: a straight quote after `=` opens a markup attribute, not speech.
        if c == '"' && (in_attribute || body[..offset].ends_with('=')) {
            in_attribute = !in_attribute;
            continue;
        }
        let at = paragraph.start + offset;
        let (role, len) = match c {
            // `”Luckily, …”`, `“Mostly False.“`: a curly mark typed the wrong way round acts by
            // its position, as a straight one does.
            '“' => {
                (mirrored(straight_role(text, paragraph, at, c.len_utf8()), Role::Close, Role::Open), c.len_utf8())
            }
            '”' => {
                (mirrored(straight_role(text, paragraph, at, c.len_utf8()), Role::Open, Role::Close), c.len_utf8())
            }
            '„' | '«' => (Role::Open, c.len_utf8()),
            '»' => (Role::Close, c.len_utf8()),
            '"' => (straight_role(text, paragraph, at, 1), 1),
            '\'' | '`' if chars.peek().is_some_and(|&(o, n)| n == c && o == offset + 1) => {
                chars.next();
                let role = if c == '`' { Role::Open } else { straight_role(text, paragraph, at, 2) };
                (role, 2)
            }
            _ => continue,
        };
        marks.push(Mark { at, len, role });
    }
    marks
}

/// The role of a curly mark: `wrong` when its position clearly asks for it, else `usual`.
fn mirrored(position: Role, wrong: Role, usual: Role) -> Role {
    if position == wrong { wrong } else { usual }
}

/// A straight mark opens after a space and before a word, closes after a word and before a space.
fn straight_role(text: &str, paragraph: Span, at: usize, len: usize) -> Role {
    let prev = text[paragraph.start..at].chars().next_back();
    let next = text[at + len..paragraph.end].chars().next();
    let open_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let close_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-".contains(n));
    match (open_before, close_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

fn double_quotes(text: &str, paragraph: Span, next_opens: bool, out: &mut Vec<QuoteSpan>) {
    let mut open: Option<&Mark> = None;
    let marks = double_marks(text, paragraph);
    for mark in &marks {
        match (open, mark.role) {
            (None, Role::Open | Role::Either) => open = Some(mark),
            (None, Role::Close) => {} // a stray closing mark: nothing to close
            (Some(_), Role::Open) => open = Some(mark), // the earlier opener was stray
            (Some(start), Role::Close | Role::Either) => {
                out.push(quote(start, mark.at, mark.at + mark.len, QuoteMark::Double, true));
                open = None;
            }
        }
    }
    if let Some(start) = open {
        let end = trimmed_end(text, paragraph);
        if end > start.at + start.len {
            let mut q = quote(start, end, end, QuoteMark::Double, false);
            q.continues = next_opens;
            out.push(q);
        }
    }
}

fn trimmed_end(text: &str, paragraph: Span) -> usize {
    paragraph.start + paragraph.slice(text).trim_end().len()
}

fn quote(open: &Mark, inner_end: usize, end: usize, mark: QuoteMark, closed: bool) -> QuoteSpan {
    QuoteSpan {
        span: Span::new(open.at, end),
        inner: Span::new(open.at + open.len, inner_end),
        mark,
        closed,
        continues: false,
        continuation: false,
    }
}

/// Single-mark candidates outside double quotes: (offset, can open, can close).
fn single_marks(text: &str, paragraph: Span, doubles: &[Span]) -> Vec<(usize, bool, bool)> {
    let body = paragraph.slice(text);
    let mut marks = Vec::new();
    for (offset, c) in mark_chars(body) {
        if !matches!(c, '‘' | '’' | '\'') {
            continue;
        }
        let at = paragraph.start + offset;
        if doubles.iter().any(|d| d.start <= at && at < d.end) {
            continue;
        }
        let prev = body[..offset].chars().next_back();
        let next = body[offset + c.len_utf8()..].chars().next();
        let word_before = prev.is_some_and(|p| p.is_alphanumeric() || ".,!?".contains(p));
        let word_after = next.is_some_and(char::is_alphanumeric);
        let can_open = c != '’' && !word_before && word_after && prev.is_none_or(|p| !p.is_alphanumeric());
        let can_close = c != '‘' && word_before && !word_after;
        if can_open || can_close {
            marks.push((at, can_open, can_close));
        }
    }
    marks
}

fn single_quotes(text: &str, paragraph: Span, doubles: &[Span], out: &mut Vec<QuoteSpan>) {
    let marks = single_marks(text, paragraph, doubles);
    let mut i = 0;
    while i < marks.len() {
        let (at, can_open, _) = marks[i];
        let closer = marks[i + 1..].iter().position(|&(_, _, can_close)| can_close).map(|p| i + 1 + p);
        match (can_open, closer) {
            (true, Some(j)) => {
                let close_at = marks[j].0;
                let close_len = text[close_at..].chars().next().map_or(1, char::len_utf8);
                let open_len = text[at..].chars().next().map_or(1, char::len_utf8);
                let opener = Mark { at, len: open_len, role: Role::Open };
                out.push(quote(&opener, close_at, close_at + close_len, QuoteMark::Single, true));
                i = j + 1;
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs are the non-empty lines, as in `text::Document`.
    fn paragraphs(text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_end_matches('\n');
            if !trimmed.trim().is_empty() {
                spans.push(Span::new(start, start + trimmed.len()));
            }
            start += line.len();
        }
        spans
    }

    fn quoted(text: &str) -> Vec<&str> {
        find_quote_spans(text, &paragraphs(text)).iter().map(|q| q.inner.slice(text)).collect()
    }

    #[test]
    fn curly_double_quotes_pair() {
        assert_eq!(quoted("Abdul Mahdi called it a “political assassination” and left."), ["political assassination"]);
    }

    #[test]
    fn straight_double_quotes_pair_by_context() {
        assert_eq!(
            quoted(r#""We'll watch," he told CBS' "Face the Nation." Then"#),
            ["We'll watch,", "Face the Nation."]
        );
    }

    #[test]
    fn two_apostrophes_act_as_a_double_quote() {
        assert_eq!(quoted("''It is over,'' she said."), ["It is over,"]);
    }

    #[test]
    fn curly_single_quotes_in_a_headline_are_a_quote() {
        assert_eq!(quoted("Iraqi MPs Back Resolution to ‘End the Presence’ of Any US Soldiers"), ["End the Presence"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("CBS’ show, Kata’ib Hezbollah, they’ve seen The Epoch Times' team in the ’90s.").is_empty());
        assert!(quoted("It's the protesters’ camp and Iraq’s parliament.").is_empty());
    }

    #[test]
    fn quote_inside_quote_is_one_span() {
        assert_eq!(quoted("“He told me ‘never again’ twice,” she said."), ["He told me ‘never again’ twice,"]);
    }

    #[test]
    fn no_break_space_before_quote_still_opens() {
        assert_eq!(quoted("protesters called them\u{a0}\"occupiers\" today"), ["occupiers"]);
    }

    #[test]
    fn unbalanced_mark_stops_at_paragraph_end() {
        let text = "He said “we will stay and fight\nThe next paragraph is the writer's.\n“A real quote,” she said.";
        let spans = find_quote_spans(text, &paragraphs(text));
        let inner: Vec<&str> = spans.iter().map(|q| q.inner.slice(text)).collect();
        assert_eq!(inner, ["we will stay and fight", "A real quote,"]);
        assert!(!spans[0].closed && !spans[0].continues);
    }

    #[test]
    fn quote_continues_into_next_paragraph() {
        let text = "“The first paragraph of the statement.\n“And the second,” the statement said.";
        let spans = find_quote_spans(text, &paragraphs(text));
        assert_eq!(spans.len(), 2);
        assert!(spans[0].continues && !spans[0].closed);
        assert!(spans[1].continuation && spans[1].closed);
        assert_eq!(spans[1].inner.slice(text), "And the second,");
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        assert_eq!(quoted(r#"<tweet id="6721" author="@x">Text</tweet> and "a quote" here"#), ["a quote"]);
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert_eq!(quoted("a 6” pipe and “a quote” here"), ["a quote"]);
    }
}
