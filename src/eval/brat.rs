//! brat standoff files: `T` lines (typed spans, possibly discontinuous) and `E` lines joining
//! them into attributions (`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`). Offsets are
//! character offsets; they are turned into byte offsets of the text here.

use std::collections::HashMap;

use crate::text::Span;

/// One gold attribution, as byte spans into the article text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    /// Content (several spans when split around the cue or given a second part, `Content2`).
    pub content: Vec<Span>,
    /// Cue.
    pub cue: Vec<Span>,
    /// Source.
    pub source: Vec<Span>,
}

/// Parse an `.ann` file for `text`. Lines that are not `T` or `E` records are ignored (brat
/// files may hold notes, and span texts that run over several lines).
pub fn read_ann(ann: &str, text: &str) -> Vec<GoldAttribution> {
    let bytes_at = char_to_byte(text);
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else { continue };
        if is_id(id, 'T') {
            if let Some(found) = parse_spans(body, &bytes_at) {
                spans.insert(id, found);
            }
        } else if is_id(id, 'E') {
            events.push(body);
        }
    }
    events
        .iter()
        .map(|body| {
            let mut gold = GoldAttribution::default();
            for arg in body.split_whitespace() {
                let Some((role, id)) = arg.split_once(':') else { continue };
                let found = spans.get(id).cloned().unwrap_or_default();
                match role {
                    "Content" => gold.content.extend(found),
                    // A content in two places (`Content:T18 Content2:T22`, 67 times in PolNeAR):
                    // both are the attribution's words.
                    _ if role.starts_with("Content") => gold.content.extend(found),
                    "Cue" => gold.cue = found,
                    "Source" => gold.source = found,
                    _ => {}
                }
            }
            gold.content.sort_by_key(|s| s.start);
            gold
        })
        .filter(|g| !g.content.is_empty())
        .collect()
}

fn is_id(id: &str, kind: char) -> bool {
    id.starts_with(kind) && id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit())
}

/// `Source 10 20;30 40` → spans (the type is ignored: roles come from the `E` line).
fn parse_spans(body: &str, bytes_at: &[usize]) -> Option<Vec<Span>> {
    let (_, ranges) = body.split_once(' ')?;
    ranges
        .split(';')
        .map(|range| {
            let (start, end) = range.trim().split_once(' ')?;
            let (start, end): (usize, usize) = (start.parse().ok()?, end.parse().ok()?);
            Some(Span::new(*bytes_at.get(start)?, *bytes_at.get(end)?))
        })
        .collect()
}

/// `bytes_at[c]` is the byte offset of character `c` (one extra entry for the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    offsets.push(text.len());
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributions_join_their_spans_in_bytes() {
        let text = "“Ça va,” he said.";
        let ann = "T1\tSource 9 11\the\nT2\tCue 12 16\tsaid\nT3\tContent 1 6\tÇa va\nT4\tAttribution 12 16\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\n";
        let gold = read_ann(ann, text);
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].content[0].slice(text), "Ça va");
        assert_eq!(gold[0].source[0].slice(text), "he");
        assert_eq!(gold[0].cue[0].slice(text), "said");
    }

    #[test]
    fn discontinuous_content_has_several_spans() {
        let text = "A one, he said, B two.";
        let ann = "T1\tContent 0 5;16 21\tA one B two\nE1\tAttribution:T9 Content:T1\n";
        let gold = read_ann(ann, text);
        let parts: Vec<&str> = gold[0].content.iter().map(|s| s.slice(text)).collect();
        assert_eq!(parts, ["A one", "B two"]);
    }

    #[test]
    fn a_second_content_joins_the_first_in_text_order() {
        let text = "\"A one,\" he said. \"B two.\"";
        let ann = "T1\tContent 19 25\tB two.\nT2\tContent 1 7\tA one,\nE1\tAttribution:T9 Content2:T1 Content:T2\n";
        let gold = read_ann(ann, text);
        let parts: Vec<&str> = gold[0].content.iter().map(|s| s.slice(text)).collect();
        assert_eq!(parts, ["A one,", "B two."]);
    }
}
