//! The normalised view of an article: typographic variants folded, every byte mapped back to the original.
//!
//! Owns the folding table (quotes, apostrophes, spaces, dashes, invisible characters). HTML
//! character references that scraped plain text keeps (`&amp;`, `&#8217;`) are decoded and then
//! folded, each mapped back to the whole reference. Case is not folded here, because speaker
//! detection needs capitals; token keys are lower-cased in `tokenize`.

use super::{Span, entity_at};

/// Text after folding, with a map from each normalised byte to its original byte offset.
#[derive(Clone, Debug)]
pub struct Normalized {
    text: String,
    /// `origin[i]` is the original offset of the character behind normalised byte `i`;
    /// one extra entry for the end of the text.
    origin: Vec<u32>,
    /// `origin_end[i]` is where that original character ends.
    origin_end: Vec<u32>,
}

impl Normalized {
    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Map a span of the normalised text back to the original text.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.origin[span.start] as usize;
        if span.end == span.start {
            return Span::new(start, start);
        }
        Span::new(start, self.origin_end[span.end - 1] as usize)
    }
}

/// What one original character becomes in the normalised view.
enum Fold {
    Keep,
    Into(&'static str),
    Drop,
}

/// The folding table. Keep it in one place so that labels and articles fold identically.
fn fold(c: char) -> Fold {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '\u{02BC}' => Fold::Into("'"),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => Fold::Into("\""),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => Fold::Into(" "),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Fold::Into("-"),
        '\u{2026}' => Fold::Into("..."),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' | '\u{FEFF}' => Fold::Drop,
        '\r' => Fold::Into("\n"),
        _ => Fold::Keep,
    }
}

/// Fold `original` into its normalised view.
pub fn normalize(original: &str) -> Normalized {
    let bytes = original.as_bytes();
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len() + 1);
    let mut origin_end = Vec::with_capacity(original.len());
    let mut utf8 = [0u8; 4];
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        // Plain ASCII (all but tab, CR and `&`) maps to itself: the common case, kept cheap.
        let plain = |c: u8| c.is_ascii() && c != b'\t' && c != b'\r' && c != b'&';
        if plain(b) {
            let run = bytes[at..].iter().position(|&c| !plain(c)).unwrap_or(bytes.len() - at);
            text.push_str(&original[at..at + run]);
            origin.extend((at..at + run).map(|i| i as u32));
            origin_end.extend((at + 1..=at + run).map(|i| i as u32));
            at += run;
            continue;
        }
        let (c, width) = match b {
            b'&' => entity_at(&original[at..]).unwrap_or(('&', 1)),
            _ => {
                let c = original[at..].chars().next().expect("char boundary");
                (c, c.len_utf8())
            }
        };
        // CR LF is one line break, so line numbers agree with editors.
        if c == '\r' && bytes.get(at + 1) == Some(&b'\n') {
            at += 1;
            continue;
        }
        let piece: &str = match fold(c) {
            Fold::Keep => c.encode_utf8(&mut utf8),
            Fold::Into(s) => s,
            Fold::Drop => {
                at += width;
                continue;
            }
        };
        text.push_str(piece);
        origin.extend(std::iter::repeat_n(at as u32, piece.len()));
        origin_end.extend(std::iter::repeat_n((at + width) as u32, piece.len()));
        at += width;
    }
    origin.push(original.len() as u32);
    Normalized { text, origin, origin_end }
}

/// The compact key two spellings of a name share, case, a leading "the" and punctuation
/// ignored: "The Epoch Times" → `epochtimes`, "the AP" → `ap`. Outlet names are matched by it.
pub fn name_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_and_apostrophes_fold_to_straight() {
        let n = normalize("“End” the ‘Presence’ CBS’");
        assert_eq!(n.as_str(), "\"End\" the 'Presence' CBS'");
    }

    #[test]
    fn no_break_and_thin_spaces_become_spaces() {
        assert_eq!(normalize("according\u{a0}to\u{202f}Reuters").as_str(), "according to Reuters");
    }

    #[test]
    fn dashes_fold_and_zero_width_characters_vanish() {
        assert_eq!(normalize("Iran\u{2013}US \u{2014} soft\u{ad}ware\u{200b}").as_str(), "Iran-US - software");
    }

    #[test]
    fn spans_map_back_to_original_bytes() {
        let original = "“Death to America” — chanted";
        let n = normalize(original);
        let at = n.as_str().find("Death").unwrap();
        let span = n.to_original(Span::new(at, at + "Death to America".len()));
        assert_eq!(span.slice(original), "Death to America");
        let q = n.as_str().find('"').unwrap();
        assert_eq!(n.to_original(Span::new(q, q + 1)).slice(original), "“");
        let dash = n.as_str().find('-').unwrap();
        assert_eq!(n.to_original(Span::new(dash, dash + 1)).slice(original), "—");
    }

    #[test]
    fn ellipsis_expands_but_maps_to_one_character() {
        let original = "dynamic … of";
        let n = normalize(original);
        assert_eq!(n.as_str(), "dynamic ... of");
        let at = n.as_str().find("...").unwrap();
        assert_eq!(n.to_original(Span::new(at, at + 3)).slice(original), "…");
    }

    #[test]
    fn crlf_is_one_line_break_and_lone_cr_becomes_one() {
        let original = "a\r\nb\rc\td";
        let n = normalize(original);
        assert_eq!(n.as_str(), "a\nb\nc d");
        let b = n.as_str().find('b').unwrap();
        assert_eq!(n.to_original(Span::new(b, b + 1)).slice(original), "b");
        assert_eq!(n.to_original(Span::new(0, n.as_str().len())), Span::new(0, original.len()));
    }

    #[test]
    fn html_references_decode_fold_and_map_to_the_whole_reference() {
        let original = "Iraq&#8217;s &ldquo;vote&rdquo; &amp; AT&T&nbsp;said";
        let n = normalize(original);
        assert_eq!(n.as_str(), "Iraq's \"vote\" & AT&T said");
        let q = n.as_str().find('"').unwrap();
        assert_eq!(n.to_original(Span::new(q, q + 1)).slice(original), "&ldquo;");
        let vote = n.as_str().find("vote").unwrap();
        assert_eq!(n.to_original(Span::new(vote, vote + 4)).slice(original), "vote");
        let amp = n.as_str().find(" & ").unwrap() + 1;
        assert_eq!(n.to_original(Span::new(amp, amp + 1)).slice(original), "&amp;");
        let said = n.as_str().find("said").unwrap();
        assert_eq!(n.to_original(Span::new(said, said + 4)).slice(original), "said");
    }

    #[test]
    fn normalisation_is_idempotent() {
        let once = normalize("“It’s\u{a0}a — test…”").as_str().to_string();
        assert_eq!(normalize(&once).as_str(), once);
    }

    #[test]
    fn spellings_of_one_name_share_a_key() {
        assert_eq!(name_key("The Epoch Times"), "epochtimes");
        assert_eq!(name_key(" the  Epoch-Times "), "epochtimes");
        assert_eq!(name_key("the AP"), name_key("AP"));
        assert_eq!(name_key("Theater Weekly"), "theaterweekly", "only a leading word \"the\" is dropped");
    }
}
