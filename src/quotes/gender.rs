//! Whether a speaker mention names a man or a woman, as far as the article says: a title or a
//! gendered role word in the mention ("Mr.", "spokeswoman"), a given name from the lexicons'
//! `[given_names]`, and for a bare surname the titles and given names it stands with elsewhere
//! in the article ("Mr. Trump", "Hillary Clinton"). Used only to keep "he" and "she" from
//! resolving to a speaker of the other gender; a speaker whose gender is unknown fits both.

use crate::text::english;
use std::cell::OnceCell;
use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use super::tokens::is_capitalized;
use crate::lexicon::{Gender, GivenNames};
use crate::text::{Document, Span, TokenKind};

/// The gender a title or role word marks ("Mr.", "spokeswoman"), whatever its case.
fn marked_gender(key: &str) -> Option<Gender> {
    let key = key.strip_suffix('.').unwrap_or(key);
    if english().male_words.contains(&key) {
        Some(Gender::Male)
    } else if english().female_words.contains(&key) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a personal pronoun refers to: "he" and "she" only.
pub(super) fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match pronoun {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// What an article's titles and given names say of one surname.
#[derive(Clone, Copy)]
struct Evidence {
    gender: Option<Gender>,
    /// Two occurrences disagree ("Bill Clinton", "Hillary Clinton").
    conflict: bool,
}

impl Evidence {
    fn add(&mut self, gender: Option<Gender>) {
        match (self.gender, gender) {
            (None, Some(g)) if !self.conflict => self.gender = Some(g),
            (Some(had), Some(g)) if had != g => {
                self.gender = None;
                self.conflict = true;
            }
            _ => {}
        }
    }

    /// The gender every occurrence that tells one agrees on.
    fn gender(&self) -> Option<Gender> {
        self.gender
    }
}

/// The genders of one article's speaker mentions.
pub(super) struct Genders<'a> {
    doc: &'a Document<'a>,
    names: &'a GivenNames,
    /// Surname key → what its titles and given names say, built on first use.
    surnames: OnceCell<FxHashMap<&'a str, Evidence>>,
}

impl<'a> Genders<'a> {
    pub(super) fn new(doc: &'a Document<'a>, names: &'a GivenNames) -> Genders<'a> {
        Genders { doc, names, surnames: OnceCell::new() }
    }

    /// The gender `mention` names, if the article says: a title or role word in it, else the
    /// given name before its surname ("Mike Pompeo", "William H. Seely III"), else what the
    /// article says of the surname elsewhere, else a lone word as a given name ("Hillary
    /// said"). A possessive ("Mrs. Clinton's aides") names someone else: unknown.
    pub(super) fn of(&self, mention: Span) -> Option<Gender> {
        let text = mention.slice(self.doc.text);
        if text.contains("'s ") || text.contains("’s ") {
            return None;
        }
        let tokens = &self.doc.tokens;
        let start = tokens.partition_point(|t| t.span.start < mention.start);
        let end = tokens.partition_point(|t| t.span.end <= mention.end).max(start);
        let words: Vec<usize> = (start..end).filter(|&i| tokens[i].kind == TokenKind::Word).collect();
        if let Some(gender) = words.iter().find_map(|&i| marked_gender(&tokens[i].key)) {
            return Some(gender);
        }
        let key = |i: usize| tokens[i].key.as_str();
        let capitals: Vec<usize> = words
            .into_iter()
            .filter(|&i| is_capitalized(self.doc, i) && !english().gender_name_suffixes.contains(&key(i)))
            .collect();
        let (&surname, before) = capitals.split_last()?;
        let given = before.iter().rev().find(|&&i| key(i).chars().count() > 1);
        if let Some(gender) = given.and_then(|&i| self.given_name(i)) {
            return Some(gender);
        }
        match self.surnames().get(key(surname)) {
            // "Henry" alone, after "Mary Kay Henry": a surname here, whatever it is elsewhere.
            Some(evidence) => evidence.gender(),
            None if before.is_empty() => self.given_name(surname),
            None => None,
        }
    }

    /// The gender token `i` marks as a capitalised given name.
    fn given_name(&self, i: usize) -> Option<Gender> {
        if is_capitalized(self.doc, i) { self.names.gender(&self.doc.tokens[i].key) } else { None }
    }

    /// Every capitalised word right after another capitalised word: a surname, with the gender
    /// the word before it marks as a title or a given name ("Mr. Trump", "Hillary Clinton"),
    /// None when none does or two disagree ("Bill Clinton" and "Hillary Clinton").
    fn surnames(&self) -> &FxHashMap<&'a str, Evidence> {
        self.surnames.get_or_init(|| {
            let tokens = &self.doc.tokens;
            let mut surnames: FxHashMap<&'a str, Evidence> = FxHashMap::default();
            for i in 1..tokens.len() {
                if tokens[i].kind != TokenKind::Word || !is_capitalized(self.doc, i) {
                    continue;
                }
                // "Mr. Trump": the title's full stop may be a token of its own.
                let full_stop = tokens[i - 1].span.slice(self.doc.text) == ".";
                let before = if full_stop && i >= 2 { i - 2 } else { i - 1 };
                if tokens[before].kind != TokenKind::Word || !is_capitalized(self.doc, before) {
                    continue;
                }
                let gender = marked_gender(&tokens[before].key).or_else(|| self.given_name(before));
                match surnames.entry(tokens[i].key.as_str()) {
                    Entry::Vacant(entry) => _ = entry.insert(Evidence { gender, conflict: false }),
                    Entry::Occupied(mut entry) => entry.get_mut().add(gender),
                }
            }
            surnames
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextOptions;

    fn genders_in(text: &str, mentions: &[&str]) -> Vec<Option<Gender>> {
        let mut names = GivenNames::default();
        names.insert("william".into(), Gender::Male);
        names.insert("mary".into(), Gender::Female);
        names.insert("henry".into(), Gender::Male);
        let doc = Document::parse(text, TextOptions::KEEP_ALL);
        let genders = Genders::new(&doc, &names);
        let span = |m: &str| {
            let start = text.find(m).unwrap_or_else(|| panic!("{m} not in text"));
            Span::new(start, start + m.len())
        };
        mentions.iter().map(|m| genders.of(span(m))).collect()
    }

    #[test]
    fn titles_given_names_and_surnames_tell_gender() {
        let text = "Marine Brigadier General William H. Seely III wrote. Mrs. Clinton's aides met Ms. Ortiz. \
                    The spokeswoman left. Mary Kay Henry spoke, then Henry left. Billie Jean King won. Ortiz said.";
        let found = genders_in(
            text,
            &[
                "William H. Seely III",
                "Mrs. Clinton's aides",
                "The spokeswoman",
                "Henry left",
                "Billie Jean King",
                "Ortiz said",
            ],
        );
        assert_eq!(
            found,
            [
                Some(Gender::Male),   // the given name before the surname, past an initial and a suffix
                None,                 // a possessive names someone else
                Some(Gender::Female), // a role word
                None,                 // "Henry" is a surname in this article, not a given name
                None,                 // King is a surname, not a title
                Some(Gender::Female), // "Ms. Ortiz" elsewhere in the article
            ]
        );
    }
}
