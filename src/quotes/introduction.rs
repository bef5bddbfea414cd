//! Introductions: how an article first presents a person, with a title or role before the name
//! ("Sen. Ted Cruz", "Secretary of State Hillary Clinton", "President Obama").
//!
//! News names a person with a role once and by surname after that, so the speaker of "Cruz
//! said" has no role of its own. A speaker whose mention gives no group (a named person,
//! `unclassified`) takes the role and group of the first introduction of the same surname key
//! in the same article: the words read back from that surname (capitalised words, initials, words
//! of role phrases, title abbreviations, "of") are described as if they were the speaker mention, and
//! count only when they name the same key and give a group. The introduction's bytes are kept
//! with the speaker, so that the group traces back to the text that gave it.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::speaker::{ANONYMOUS, UNCLASSIFIED, UNRESOLVED};
use super::tokens::{abbreviation_dot, hyphen_joined, in_title_case_headline, initial_dot, is_capitalized};
use super::{Speaker, SpeakerBook};
use crate::text::{Document, Span, TokenKind, english, strip_possessive, token_key};

/// Words read back from a surname, at most, for its title and first names.
const MOST_WORDS: usize = 8;

/// An introduction found: the speaker it describes and the first name before the surname.
struct Found {
    speaker: Speaker,
    first_name: Option<String>,
}

/// The first introduction in `doc` of each of `keys` (surname keys), described, with its first
/// name. A key the article gives two first names ("President Bill Clinton", "Hillary Clinton")
/// is ambiguous and gets none. In a Title Case headline every word is capitalised, so neither a
/// title nor a first name can be told from the words around a surname ("White House Used Bill
/// Clinton", "Right After This Big-Name Senator Trump…"): headlines give neither.
fn introductions(doc: &Document, book: &SpeakerBook, keys: &FxHashSet<&str>) -> FxHashMap<String, Found> {
    let mut found: FxHashMap<String, Found> = FxHashMap::default();
    let mut first_names: FxHashMap<&str, FxHashSet<&str>> = FxHashMap::default();
    let tokens = &doc.tokens;
    // The first bytes of the keys: most capitalised words are no key, and fail here unhashed.
    let mut first_bytes = [false; 256];
    for key in keys {
        if let Some(&b) = key.as_bytes().first() {
            first_bytes[usize::from(b)] = true;
        }
    }
    for (i, token) in tokens.iter().enumerate() {
        // Most tokens fail the cheap tests, before any lookup.
        if token.kind != TokenKind::Word || !is_capitalized(doc, i) {
            continue;
        }
        let key = token.key.as_str();
        if !key.as_bytes().first().is_some_and(|&b| first_bytes[usize::from(b)]) {
            continue;
        }
        // "the Romney-Ryan plan": a word joined by a hyphen is no first name of the surname.
        if !keys.contains(key)
            || tokens.get(i + 1).is_some_and(|next| next.kind == TokenKind::Word && is_capitalized(doc, i + 1))
            || in_title_case_headline(doc, i)
            || hyphen_joined(doc, i)
        {
            continue;
        }
        let (start, name) = title_start(doc, book, i);
        let first_name = (name < i).then(|| tokens[name].key.as_str());
        if let Some(first) = first_name {
            first_names.entry(key).or_default().insert(first);
        }
        if found.contains_key(key) {
            continue;
        }
        if start == name {
            // "Mike Huckabee, the former governor of Arkansas, said": a role after the name.
            if let Some(found_after) = appositive(doc, book, i) {
                let first_name = first_name.map(str::to_string);
                found.insert(key.to_string(), Found { speaker: found_after, first_name });
            }
            continue;
        }
        // "Representative Paul D. Ryan’s budget": the possessive is no part of the name.
        let surface = token.span.slice(doc.text);
        let span =
            Span::new(tokens[start].span.start, token.span.end - (surface.len() - strip_possessive(surface).len()));
        let speaker = book.describe(span.slice(doc.text));
        if speaker.person && speaker.key == key && speaker.group != UNCLASSIFIED && !speaker.anonymous {
            let first_name = first_name.map(str::to_string);
            found.insert(
                key.to_string(),
                Found { speaker: Speaker { introduction: Some(span), ..speaker }, first_name },
            );
        }
    }
    found.retain(|key, _| first_names.get(key.as_str()).is_none_or(|names| names.len() < 2));
    found
}

/// Give each speaker that needs one ([`Speaker::needs_introduction`]) the role and group of its
/// introduction in `doc`, if the article has one with the same first name or none.
///
/// A spokesperson or aide with no group of their own takes the group of the person they speak
/// for ([`principal_key`]: "Clinton spokesman Brian Fallon", "a Ryan spokesman"): that person's
/// known voice, else their introduction in the article.
pub fn introduce<'s>(doc: &Document, book: &SpeakerBook, speakers: impl Iterator<Item = &'s mut Speaker>) {
    let mut waiting: Vec<(&mut Speaker, Option<String>)> = speakers
        .map(|s| {
            let principal = principal_key(s);
            (s, principal)
        })
        .filter(|(s, principal)| s.needs_introduction() || principal.is_some())
        .collect();
    if waiting.is_empty() {
        return;
    }
    let found = {
        let keys: FxHashSet<&str> = waiting
            .iter()
            .flat_map(|(s, principal)| std::iter::once(s.key.as_str()).chain(principal.as_deref()))
            .collect();
        introductions(doc, book, &keys)
    };
    for (speaker, principal) in &mut waiting {
        if speaker.needs_introduction()
            && let Some(intro) = found.get(&speaker.key)
        {
            let words: Vec<&str> = speaker.name.split_whitespace().collect();
            let own_first = (words.len() > 1).then(|| token_key(words[0]));
            if own_first.zip(intro.first_name.as_deref()).is_none_or(|(own, theirs)| own == theirs) {
                speaker.role.clone_from(&intro.speaker.role);
                speaker.group.clone_from(&intro.speaker.group);
                speaker.introduction = intro.speaker.introduction;
                continue;
            }
        }
        let Some(principal) = principal.as_deref() else { continue };
        if let Some(group) = book.known_group(principal) {
            speaker.group = group.to_string();
        } else if let Some(intro) = found.get(principal) {
            speaker.group.clone_from(&intro.speaker.group);
            speaker.introduction = intro.speaker.introduction;
        }
    }
}

/// The surname key of the person a spokesperson or aide with no group speaks for: the word
/// before the head (`person_heads`) in a named speaker's role ("Clinton spokesman" of "Clinton
/// spokesman Brian Fallon", "Ms. Merkel's spokesman") or in an unnamed speaker's phrase ("a Ryan
/// spokesman"). A word that is no surname in the article ("a school spokesman", "NRSC
/// spokesman") finds no introduction and gives nothing.
fn principal_key(speaker: &Speaker) -> Option<String> {
    if speaker.group != UNCLASSIFIED && speaker.group != ANONYMOUS {
        return None;
    }
    let text = if speaker.person { &speaker.role } else { &speaker.name };
    let words: Vec<&str> = text.split_whitespace().collect();
    let head = words.iter().rposition(|w| english().person_heads.contains(&token_key(w).as_str()))?;
    let before = words[..head].last()?;
    let key = token_key(before.trim_end_matches(['\'', '’']));
    (key.len() > 1 && key.chars().all(char::is_alphabetic)).then(|| key.to_string())
}

/// Most words of an appositive read as a role after a name.
const APPOSITIVE_WORDS: usize = 10;

/// The role an appositive gives the surname at `at`: ", the former governor of Arkansas," or
/// ", a spokesman for the DNC." right after the name, opened by an article and closed by a comma
/// or the sentence's end. Its head (the words before "of", "for"…) must name the role: a role
/// phrase ("the former governor"), or a spokesperson or a generic office (`person_heads`,
/// `generic_offices`) whose body after it has a group ("a spokesman for the Obama campaign",
/// "the chairman of the Republican National Committee"). "A critic of the president", "the
/// president of the N.A.A.C.P." and "a Republican from Arkansas" give none.
fn appositive(doc: &Document, book: &SpeakerBook, at: usize) -> Option<Speaker> {
    let tokens = &doc.tokens;
    let sentence = doc.sentence_of(at)?;
    let opens = at + 2;
    if tokens.get(at + 1)?.key != ","
        || opens >= sentence.tokens.end
        || !english().articles.contains(&&*tokens[opens].key)
    {
        return None;
    }
    let end = (opens..sentence.tokens.end.min(opens + APPOSITIVE_WORDS + 1))
        .find(|&t| tokens[t].kind == TokenKind::Punct && !abbreviation_dot(doc, t))?;
    if end == opens + 1 || !matches!(tokens[end].key.as_str(), "," | ".") {
        return None;
    }
    let text = |range: Range<usize>| Span::new(tokens[range.start].span.start, tokens[range.end - 1].span.end);
    let grouped = |span: Span| {
        let group = book.describe(span.slice(doc.text)).group;
        // ("Bush, the reports show, …": a document is no role of a person.)
        (![UNCLASSIFIED, ANONYMOUS, UNRESOLVED, "document"].contains(&group.as_str())).then_some(group)
    };
    let head_end =
        (opens + 1..end).find(|&t| english().head_postmodifier_openers.contains(&&*tokens[t].key)).unwrap_or(end);
    let last = tokens[head_end - 1].key.as_str();
    let speaks_for = english().person_heads.contains(&last) || english().generic_offices.contains(&last);
    let group = if speaks_for {
        // The body after the head, or before it ("the White House counsel"; not "the group's
        // president and chief executive", whose "president" is another generic office).
        let before = opens..head_end - 1;
        let plain_before = !before.clone().any(|t| english().generic_offices.contains(&&*tokens[t].key));
        (head_end + 1 < end)
            .then(|| grouped(text(head_end + 1..end)))
            .flatten()
            .or_else(|| (!before.is_empty() && plain_before).then(|| grouped(text(before))).flatten())
    } else {
        grouped(text(opens..head_end))
    }?;
    let span = text(opens..end);
    Some(Speaker {
        role: span.slice(doc.text).to_string(),
        group,
        introduction: Some(span),
        ..book.describe(tokens[at].span.slice(doc.text))
    })
}

/// Where the title before the surname at `at` starts, and where its name starts (its first
/// names, then the surname), within its paragraph; both `at` when there are none. A title
/// whose last word is "of" ("the source of Rubio's attack") is none.
fn title_start(doc: &Document, book: &SpeakerBook, at: usize) -> (usize, usize) {
    let tokens = &doc.tokens;
    let paragraph = doc.paragraphs.partition_point(|p| p.tokens.end <= at);
    let floor = doc.paragraphs.get(paragraph).map_or(at, |p| p.tokens.start).max(at.saturating_sub(MOST_WORDS));
    let mut start = at;
    while start > floor && belongs_to_title(doc, book, start - 1) {
        start -= 1;
    }
    let mut name = at;
    while name > start && is_name_word(doc, book, name - 1) {
        name -= 1;
    }
    if name > start && tokens[name - 1].key == "of" {
        return (name, name);
    }
    // "of" opens no title, and a capitalised sentence opener that is no title or role word
    // ("Yesterday President Obama") is not part of one.
    while start < name {
        let t = &tokens[start];
        let opener = doc.sentence_of(start).is_some_and(|s| s.tokens.start == start)
            && !english().titles.contains(&t.key.as_str())
            && !book.is_role_word(&t.key);
        if t.key == "of" || t.kind == TokenKind::Punct || opener {
            start += 1;
        } else {
            break;
        }
    }
    (start, name)
}

/// A first name or initial: a capitalised word that is no title, role word or determiner ("A
/// Sanders spokesman", "The Clinton campaign" name no first name), or an initial's full stop.
fn is_name_word(doc: &Document, book: &SpeakerBook, i: usize) -> bool {
    let t = &doc.tokens[i];
    (t.kind == TokenKind::Word
        && is_capitalized(doc, i)
        && !english().titles.contains(&t.key.as_str())
        && !english().determiners.contains(&t.key.as_str())
        && !book.is_role_word(&t.key))
        || initial_dot(doc, i)
}

/// Whether token `i` can be part of a title or the first names before a surname.
fn belongs_to_title(doc: &Document, book: &SpeakerBook, i: usize) -> bool {
    let t = &doc.tokens[i];
    let key = t.key.as_str();
    match t.kind {
        TokenKind::Word => {
            !english().stop_words.contains(&key)
                && !english().not_titles.contains(&key)
                && (is_capitalized(doc, i) || book.is_role_word(key) || key == "of")
        }
        // The dot of an abbreviated title ("Sen. Ted Cruz") or of an initial; never the full
        // stop after a title word ("… vice president. There").
        TokenKind::Punct => abbreviation_dot(doc, i),
        TokenKind::Number => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{load, shipped_with_stories};
    use crate::text::TextOptions;

    /// The general lexicons' roles, without a story's.
    fn book() -> SpeakerBook {
        SpeakerBook::new(&load(&shipped_with_stories(&[])).set)
    }

    /// The group and role each speaker mention gets in `text`, with the introduction's text.
    fn introduced(text: &str, mentions: &[&str]) -> Vec<(String, String, Option<String>)> {
        let doc = Document::parse(text, TextOptions::default());
        let book = book();
        let mut speakers: Vec<Speaker> = mentions.iter().map(|m| book.describe(m)).collect();
        introduce(&doc, &book, speakers.iter_mut());
        speakers
            .into_iter()
            .map(|s| (s.group, s.role, s.introduction.map(|span| span.slice(text).to_string())))
            .collect()
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_string())
    }

    #[test]
    fn a_bare_surname_takes_the_first_titled_mention_of_its_article() {
        let text = "Sen. Ted Cruz spoke first.\nLater, Secretary of State Hillary Clinton \
                    answered.\n\"No,\" Cruz said. \"Yes,\" Clinton said.";
        assert_eq!(
            introduced(text, &["Cruz", "Clinton", "Hillary Clinton"]),
            [
                ("legislator".into(), "Sen.".into(), some("Sen. Ted Cruz")),
                ("government".into(), "Secretary of State".into(), some("Secretary of State Hillary Clinton")),
                ("government".into(), "Secretary of State".into(), some("Secretary of State Hillary Clinton")),
            ]
        );
    }

    #[test]
    fn no_introduction_leaves_the_speaker_unclassified() {
        // No title before the name; a title before another surname; the surname as part of a
        // longer name ("Trump Tower"); a mention that already has a group keeps its own.
        let text = "Donald Trump spoke. President Obama left. At Trump Tower, Rep. Smith waited.";
        let got = introduced(text, &["Trump", "Jones", "President Obama", "Sen. Smith"]);
        assert_eq!(got[0], ("unclassified".into(), String::new(), None));
        assert_eq!(got[1], ("unclassified".into(), String::new(), None));
        assert_eq!(got[2], ("government".into(), "President".into(), None));
        assert_eq!(got[3].2, None, "a speaker with a group of its own is not introduced again");
    }

    #[test]
    fn a_title_case_headline_gives_neither_a_title_nor_a_first_name() {
        // The headline's capitalised verb would read as a first name ("Used Clinton"), making
        // the surname ambiguous, and its capitalised words as a title ("This Big-Name Senator").
        let text = "White House Used Bill Clinton to Ask Sestak to Drop Out\nThe chief of staff used \
                    former President Bill Clinton as an intermediary. Later, Clinton left.";
        let got = introduced(text, &["Clinton"]);
        assert_eq!(got[0], ("government".into(), "President".into(), some("President Bill Clinton")));
        let text = "Right After This Big-Name Senator Endorses Trump, Trump Says Thanks\nTrump spoke.";
        assert_eq!(introduced(text, &["Trump"])[0], ("unclassified".into(), String::new(), None));
    }

    #[test]
    fn a_spokesperson_takes_the_group_of_the_person_spoken_for() {
        // "A" and "The" before a surname are no first names, so Sanders stays one person.
        let text = "Sen. Bernie Sanders spoke. A Sanders spokesman answered. The Sanders campaign \
                    left. Later, Clinton spokesman Brian Fallon and a school spokesman spoke.";
        let got = introduced(text, &["A Sanders spokesman", "Clinton spokesman Brian Fallon", "a school spokesman"]);
        assert_eq!(got[0], ("legislator".into(), String::new(), some("Sen. Bernie Sanders")));
        // No introduction of Clinton, no surname "school": nothing to take.
        assert_eq!(got[1], ("unclassified".into(), "Clinton spokesman".into(), None));
        assert_eq!(got[2], ("anonymous".into(), String::new(), None));
    }

    #[test]
    fn a_possessive_or_a_hyphened_word_is_no_part_of_a_name() {
        // (Nor is "Romney" of "the Romney-Ryan plan" a first name.)
        let text = "WASHINGTON - Representative Paul D. Ryan’s budget assumes cuts. The Romney-Ryan plan \
                    passed. Later, Mr. Ryan spoke.";
        let got = introduced(text, &["Mr. Ryan"]);
        assert_eq!(got[0], ("legislator".into(), "Representative".into(), some("Representative Paul D. Ryan")));
    }

    #[test]
    fn an_appositive_after_the_name_introduces_when_its_head_names_the_role() {
        let text = "Mike Huckabee, the former governor of Arkansas, spoke. Reince Priebus, the chairman \
                    of the Republican National Committee, spoke. Glenn Beck, an outspoken critic of the \
                    president, spoke. Matt Kibbe, the group's president and chief executive, spoke. \
                    Later, Huckabee, Priebus, Beck and Kibbe left.";
        let got = introduced(text, &["Huckabee", "Priebus", "Beck", "Kibbe"]);
        assert_eq!(
            got[0],
            (
                "former_official".into(),
                "the former governor of Arkansas".into(),
                some("the former governor of Arkansas")
            )
        );
        assert_eq!(got[1].0, "party");
        // The role is the president's, not the critic's; a generic office of an unnamed group.
        assert_eq!(got[2].0, "unclassified");
        assert_eq!(got[3].0, "unclassified");
        // A head with nothing after its preposition names no body (and is read safely).
        let got = introduced("Jane Roe, a spokesman for, spoke. Later, Roe left.", &["Roe"]);
        assert_eq!(got[0].0, "unclassified");
    }

    #[test]
    fn middle_initials_belong_to_the_name() {
        let text = "Attorney General Loretta E. Lynch spoke. Later, Lynch left.";
        let got = introduced(text, &["Lynch", "Loretta Lynch", "Jane Lynch"]);
        assert_eq!(got[0], ("government".into(), "Attorney General".into(), some("Attorney General Loretta E. Lynch")));
        assert_eq!(got[1].2, some("Attorney General Loretta E. Lynch"));
        assert_eq!(got[2].2, None, "another first name");
    }

    #[test]
    fn a_sentence_opener_or_another_paragraph_is_no_part_of_the_title() {
        let text = "Yesterday President Obama left.\nSenator\nWarren spoke.";
        let got = introduced(text, &["Obama", "Warren"]);
        assert_eq!(got[0], ("government".into(), "President".into(), some("President Obama")));
        assert_eq!(got[1], ("unclassified".into(), String::new(), None));
    }

    #[test]
    fn two_first_names_or_a_thing_before_the_name_introduce_no_one() {
        // One surname, two people: no introduction for either.
        let text = "Former President Bill Clinton spoke. Hillary Clinton listened.";
        assert_eq!(introduced(text, &["Clinton", "Hillary Clinton"])[0].2, None);
        // Another first name than the speaker's own.
        let text = "Sen. Ted Cruz spoke.";
        assert_eq!(introduced(text, &["Rafael Cruz", "Ted Cruz"])[0].2, None);
        assert_eq!(introduced(text, &["Rafael Cruz", "Ted Cruz"])[1].2, some("Sen. Ted Cruz"));
        // Documents, sources and media are no titles, nor is a phrase ending in "of".
        let text = "Look at the statement Mr. Trump put out. The source of Rubio's attack is unclear. \
                    The Times reports Beck will endorse him.";
        assert_eq!(
            introduced(text, &["Trump", "Rubio", "Beck"]),
            vec![("unclassified".to_string(), String::new(), None); 3]
        );
    }
}
