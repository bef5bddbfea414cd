//! House style, set apart from framing. Outlets differ in how they write as much as in what
//! they call things: their own and other media's names ("told Fox News", "HuffPost"),
//! abbreviations and initials ("Sen.", "Rep.", "U.S.", the "R" of a party tag "(R-Ohio)"), and
//! spellings of one term ("e-mail" / "email", "Rep." / "Representative"). These rank high in
//! any outlet contrast and name no referent, so `suggest` lists them apart (`style.csv`) and
//! keeps them out of the groups of alternatives and the draft.

use std::collections::{BTreeMap, BTreeSet};

use polars::prelude::DataFrame;

use super::rank::{Candidate, SuggestOptions, rank};
use super::terms::TermTable;
use crate::lexicon::{LexiconSet, OutletEntry};
use crate::table::FrameBuilder;
use crate::text::english;

/// Why a term is house style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Holding a medium's whole name or alias (the media lexicon): "fox news", "told fox"; or a
    /// piece of one where the example sentence has the whole name ("huffington").
    MediumName,
    /// Holding a single letter (an initial, a party tag's "R") or a title abbreviation
    /// ("Sen.").
    Abbreviation,
    /// The less used spelling of a term: the same letters without spaces or stops ("e mail"
    /// against "email", "f.b.i. director" against "fbi director"; the more used spelling stays a
    /// candidate and stands for both), or the full form of a title abbreviation that the corpus
    /// also has ("representative" where others write "rep").
    Spelling,
}

impl Style {
    /// Name in `style.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Style::MediumName => "medium name",
            Style::Abbreviation => "abbreviation",
            Style::Spelling => "spelling variant",
        }
    }
}

/// A candidate set apart as house style, with why.
pub type Styled = (Candidate, Style);

/// One row of [`style_table`]: group, rank, candidate, style.
type StyleRow<'a> = (usize, usize, &'a Candidate, Style);

/// The style tests for one corpus's terms.
pub struct StyleRules {
    /// The lower-case words of every medium name and alias (matched on terms as written, not
    /// on stems: "reasonable" is not the magazine Reason).
    media: Vec<Vec<String>>,
    /// The same names as written, without a leading "The" ("Huffington Post").
    written: Vec<Vec<String>>,
    /// Title abbreviations (`lexicons/language/english.toml`).
    abbreviations: BTreeSet<&'static str>,
    /// Each title's full form, with its abbreviation.
    full_forms: BTreeMap<&'static str, &'static str>,
    /// Term keys by their most written form's letters alone, for spelling variants.
    squashed: BTreeMap<String, Vec<String>>,
}

impl StyleRules {
    /// Rules for `table`'s terms, with the media names and aliases `media`.
    pub fn new<'a>(table: &TermTable, media: impl IntoIterator<Item = &'a str>) -> StyleRules {
        let written: Vec<Vec<String>> = media
            .into_iter()
            .map(|name| {
                let name = name.strip_prefix("The ").unwrap_or(name);
                name.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .filter(|words| !words.is_empty())
            .collect();
        let media = written.iter().map(|name| name.iter().map(|w| w.to_lowercase()).collect()).collect();
        let mut squashed: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, stats) in &table.terms {
            squashed.entry(squash(stats.surface())).or_default().push(key.clone());
        }
        let full_forms = english()
            .title_full_forms
            .iter()
            .filter_map(|pair| pair.split_once(' '))
            .map(|(short, full)| (full, short))
            .collect();
        StyleRules {
            media,
            written,
            abbreviations: english().title_abbreviations.iter().copied().collect(),
            full_forms,
            squashed,
        }
    }

    /// Whether the term `key` of `table` is house style, and why.
    pub fn classify(&self, table: &TermTable, key: &str) -> Option<Style> {
        let surface = table.terms.get(key).map_or(key, |t| t.surface());
        let words: Vec<&str> = surface.split(' ').collect();
        let holds = |name: &[String]| {
            name.len() <= words.len() && words.windows(name.len()).any(|w| w.iter().zip(name).all(|(a, b)| a == b))
        };
        // A one-word name that is also a common word ("Time", "Reason") counts only where an
        // example sentence writes it capitalised after the sentence's first word.
        let named = |name: &[String]| {
            name.len() > 1 || {
                let examples = table.terms.get(key).map(|t| t.examples.iter().flatten());
                examples.is_some_and(|mut e| e.any(|s| capitalised_inside(s, &name[0])))
            }
        };
        // A piece of a longer name ("huffington", the "news" of "Fox News") counts where an
        // example sentence writes the whole name, capitals kept ("foreign policy" is not the
        // magazine Foreign Policy).
        // So does a term that runs into a name ("told the huffington" of "told The Huffington
        // Post"): its last words are the name's first.
        // `written` is the name as written, `name` the same in lower case.
        let same = |a: &[String], b: &[&str]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y);
        let piece = |written: &[String], name: &[String]| {
            let inside = name.len() > words.len() && name.windows(words.len()).any(|w| same(w, &words));
            let runs_into = (1..name.len().min(words.len())).any(|k| same(&name[..k], &words[words.len() - k..]));
            (inside || runs_into)
                && table.terms.get(key).is_some_and(|t| t.examples.iter().flatten().any(|s| writes(s, written)))
        };
        if self
            .written
            .iter()
            .zip(&self.media)
            .any(|(written, name)| (holds(name) && named(name)) || piece(written, name))
        {
            return Some(Style::MediumName);
        }
        // An initial or a party tag's letter, or a title abbreviation ("Republican Sen."). A
        // dotted abbreviation is a spelling only where the corpus also has it undotted: "U.S."
        // stays a candidate, a label against "America" (against "United States", the words it
        // stands for, it is a spelling, and groups never pair the two: `slots::one_name`).
        let abbreviated = words.iter().any(|w| {
            let letters = w.trim_end_matches('.');
            (letters.chars().count() == 1 && letters != "a" && letters != "i") || self.abbreviations.contains(letters)
        });
        if abbreviated {
            return Some(Style::Abbreviation);
        }
        // The less used of two spellings is style; the more used stays, standing for both.
        let uses = |k: &str| table.terms.get(k).map_or(0, |t| t.total());
        let mine = uses(key);
        let outspelled = self
            .squashed
            .get(&squash(surface))
            .is_some_and(|keys| keys.iter().any(|k| k != key && (uses(k), k.as_str()) > (mine, key)));
        let expands = self.full_forms.get(surface).is_some_and(|short| uses(short) > 0);
        (outspelled || expands).then_some(Style::Spelling)
    }

    /// The other spellings of the term `key` in the corpus (the same letters and digits, as
    /// written: "f.b.i." beside "fbi"), for a draft label's `forms`.
    pub fn spellings(&self, table: &TermTable, key: &str) -> Vec<String> {
        let Some(stats) = table.terms.get(key) else { return Vec::new() };
        let mut out: Vec<String> = self
            .squashed
            .get(&squash(stats.surface()))
            .into_iter()
            .flatten()
            .filter(|k| *k != key)
            .map(|k| table.terms[k].surface().to_string())
            .filter(|surface| surface != stats.surface())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Rules for `table`'s terms, with the media of `set`.
    pub fn for_lexicons(table: &TermTable, set: &LexiconSet) -> StyleRules {
        StyleRules::new(table, set.outlets.iter().flat_map(OutletEntry::names))
    }

    /// Each group's candidates as [`rank`] orders them, split into framing and house style,
    /// `options.top` of each: twice as many are ranked, so that setting style apart leaves
    /// `top` framing candidates.
    pub fn rank(&self, table: &TermTable, options: &SuggestOptions) -> (Vec<Vec<Candidate>>, Vec<Vec<Styled>>) {
        let ranked = rank(table, &SuggestOptions { top: options.top * 2, ..*options });
        self.partition(table, ranked, options.top)
    }

    /// Split each group's candidates into framing and style, keeping at most `top` of each in
    /// rank order.
    fn partition(
        &self,
        table: &TermTable,
        ranked: Vec<Vec<Candidate>>,
        top: usize,
    ) -> (Vec<Vec<Candidate>>, Vec<Vec<Styled>>) {
        let mut framing = Vec::new();
        let mut styled = Vec::new();
        for list in ranked {
            let (mut f, mut s) = (Vec::new(), Vec::new());
            for candidate in list {
                match self.classify(table, &candidate.key) {
                    Some(style) => s.push((candidate, style)),
                    None => f.push(candidate),
                }
            }
            f.truncate(top);
            s.truncate(top);
            framing.push(f);
            styled.push(s);
        }
        (framing, styled)
    }
}

/// `style`: one row per house-style candidate of each outlet, in rank order: `outlet`, `rank`,
/// `term`, `key`, `uses`, `rest_uses`, `z`, `style` (why it is style), `example`.
pub fn style_table(table: &TermTable, styled: &[Vec<Styled>]) -> DataFrame {
    let rows: Vec<StyleRow> = styled
        .iter()
        .enumerate()
        .flat_map(|(g, list)| list.iter().enumerate().map(move |(r, (c, s))| (g, r, c, *s)))
        .collect();
    let text = |f: &dyn Fn(&StyleRow) -> String| rows.iter().map(f).collect::<Vec<_>>();
    let surface = |key: &str| table.terms.get(key).map_or(key.to_string(), |s| s.surface().to_string());
    FrameBuilder::default()
        .text("outlet", &text(&|r| table.groups[r.0].clone()))
        .count("rank", rows.iter().map(|r| r.1 as u64 + 1).collect())
        .text("term", &text(&|r| surface(&r.2.key)))
        .text("key", &text(&|r| r.2.key.clone()))
        .count("uses", rows.iter().map(|r| u64::from(r.2.uses)).collect())
        .count("rest_uses", rows.iter().map(|r| u64::from(r.2.rest)).collect())
        .measure("z", rows.iter().map(|r| Some(r.2.odds.z)).collect())
        .text("style", &text(&|r| r.3.as_str().to_string()))
        .text("example", &text(&|r| table.terms[&r.2.key].examples[r.0].clone().unwrap_or_default()))
        .build()
}

/// Whether `sentence` writes the name `name` (words as written, capitals kept) as a run of words.
fn writes(sentence: &str, name: &[String]) -> bool {
    let words: Vec<&str> = sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.windows(name.len()).any(|w| w.iter().zip(name).all(|(a, b)| a == b))
}

/// Whether `sentence` has `word` (lower case) written with a capital after its first word.
fn capitalised_inside(sentence: &str, word: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && w.to_lowercase() == word)
}

/// A term's letters and digits alone.
fn squash(key: &str) -> String {
    key.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::VoiceFilter;
    use crate::text::{Stemmer, TextOptions};

    fn table(articles: &[(&str, &str)]) -> TermTable {
        let mut t = TermTable::default();
        let stemmer = Stemmer::default();
        for (group, text) in articles {
            t.add_article("", group, text, VoiceFilter::Own, TextOptions::default(), &stemmer);
        }
        t
    }

    #[test]
    fn media_abbreviations_and_spellings_are_style_and_labels_are_not() {
        let t = table(&[
            (
                "A",
                "Rep. Smith told Fox News the e-mail was a scheme. The U.S. Senate met. Rep. Lee agreed at the time.",
            ),
            ("B", "Representative Smith said the email was a reasonable plan. Sen. Jones (R-Ohio) agreed on email."),
            ("B", "Officials in York said The New York Times reported it first."),
            ("B", "The senator spoke on foreign policy."),
            ("A", "She told The Huffington Post on Monday that critics backed the new plan."),
        ]);
        let stemmer = Stemmer::default();
        let rules = StyleRules::new(
            &t,
            ["Fox News", "Fox", "The New York Times", "Reason", "Time", "Foreign Policy", "The Huffington Post"],
        );
        let style = |term: &str| rules.classify(&t, &stemmer_key(&stemmer, term));
        assert_eq!(style("fox news"), Some(Style::MediumName));
        assert_eq!(style("told fox"), Some(Style::MediumName), "holds a whole alias");
        assert_eq!(style("rep"), Some(Style::Abbreviation));
        assert_eq!(style("r"), Some(Style::Abbreviation), "a party tag's letter");
        assert_eq!(style("representative"), Some(Style::Spelling), "the full form of rep");
        assert_eq!(style("e mail"), Some(Style::Abbreviation), "the e of e-mail is a single letter");
        assert_eq!(style("email"), None, "the more used spelling stands for both");
        assert_eq!(rules.spellings(&t, &stemmer_key(&stemmer, "email")), ["e mail"], "folded into its label");
        assert!(rules.spellings(&t, &stemmer_key(&stemmer, "scheme")).is_empty());
        assert_eq!(style("u.s."), None, "a label (against United States), with no undotted spelling");
        assert_eq!(style("scheme"), None);
        assert_eq!(style("reason"), None, "the stem of reasonable is not the magazine");
        assert_eq!(style("time"), None, "\"at the time\" is not the magazine Time");
        assert_eq!(style("york"), Some(Style::MediumName), "a piece of The New York Times, written whole");
        assert!(t.terms.contains_key("polici"));
        assert_eq!(style("policy"), None, "foreign policy in lower case is not the magazine");
        assert_eq!(style("plan"), None);
        assert_eq!(style("senate"), None, "not the full form of sen");
        assert_eq!(style("told the huffington"), Some(Style::MediumName), "runs into a name written whole");
        assert!(t.terms.contains_key(&stemmer_key(&stemmer, "backed the new")));
        assert_eq!(style("backed the new"), None, "runs into no name in its sentence");
    }

    fn stemmer_key(stemmer: &Stemmer, term: &str) -> String {
        term.split(' ').map(|w| stemmer.stem(w).to_string()).collect::<Vec<_>>().join(" ")
    }
}
