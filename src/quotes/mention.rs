//! The words of a speaker mention: how a mention as written ("Marine Brigadier General William
//! H. Seely III", "officials familiar with the matter") splits into words, a head, a name and a
//! surname key, and the word tests that tell people, bodies, documents and poll shares apart.
//! [`super::speaker`] describes speakers with them.

use crate::text::english;

/// The head of a mention: its last word before a preposition ("spokesperson" in "a spokesperson
/// for the embassy", "officials" in "officials familiar with the matter").
pub(super) fn head_noun(lower: &[String]) -> &str {
    let before =
        lower.iter().position(|w| english().head_postmodifier_openers.contains(&w.as_str())).unwrap_or(lower.len());
    lower[..before].last().map_or("", String::as_str)
}

/// A plural noun of people or records that speaks without a name ("Republicans", "Prosecutors",
/// "Polls"), whatever its capital.
pub(crate) fn is_plural_speaker(lower: &str) -> bool {
    let e = english();
    lower.ends_with('s') && (e.speaking_heads.contains(&lower) || e.role_nouns.contains(&lower))
}

/// A share of a poll's respondents ("26%", "Nine in 10 voters", "about half of voters",
/// "those surveyed"): the public speaking through a poll, not an anonymous source.
pub(super) fn is_share_of_respondents(lower: &[String]) -> bool {
    let Some(first) = lower.first() else { return false };
    let numeric = first.starts_with(|c: char| c.is_ascii_digit()) || first.ends_with('%');
    // "Nine in 10", "one in four": not "officials in both cities" or "polls in New Hampshire".
    let one_in = lower.get(1).is_some_and(|w| w == "in")
        && lower.len() >= 3
        && (numeric || english().quantifiers.contains(&first.as_str()));
    numeric
        || english().respondent_shares.contains(&first.as_str())
        || one_in
        || lower.iter().any(|w| english().respondent_words.contains(&w.as_str()))
}

/// True when a phrase names an organisation or a document ("Senate Foreign Relations Committee").
pub fn is_body(lower: &str) -> bool {
    lower.split_whitespace().any(|w| {
        english().body_words.contains(&w) || english().documents.contains(&w) || english().body_plurals.contains(&w)
    })
}

/// The words of a mention: whitespace-separated, outer punctuation and possessives removed.
pub(super) fn words(mention: &str) -> Vec<String> {
    mention
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')'));
            let w = crate::text::strip_possessive(w);
            w.trim_end_matches(['’', '\'']).to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

pub(super) fn is_name_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let particle = lower.split('-').next().is_some_and(|p| english().name_particles.contains(&p));
    (word.chars().next().is_some_and(char::is_uppercase) || particle) && !english().titles.contains(&lower.as_str())
}

/// Where a prepositional phrase after the head of a mention starts ("in" of "protesters in
/// the south"); "of" belongs to titles and bodies ("Secretary of State", "Ministry of Defence").
pub(super) fn postmodifier_start(tokens: &[String]) -> Option<usize> {
    tokens.iter().skip(1).position(|w| english().place_postmodifiers.contains(&w.as_str())).map(|i| i + 1)
}

/// Where the name begins: the trailing run of capitalised words that are not titles.
pub(super) fn name_start(tokens: &[String]) -> usize {
    let mut start = tokens.len();
    while start > 0 {
        let word = &tokens[start - 1];
        let suffix = english().name_suffixes.contains(&word.to_lowercase().as_str());
        if !(is_name_word(word) || suffix && start == tokens.len()) {
            break;
        }
        start -= 1;
    }
    // A name must hold a capitalised word that is not a particle or suffix.
    let real = tokens[start..].iter().any(|w| {
        let lower = w.to_lowercase();
        w.chars().any(char::is_uppercase) && !english().name_suffixes.contains(&lower.as_str())
    });
    if real { start } else { tokens.len() }
}

/// The key that merges spellings of a name: the surname, lower case, without an `al-`-style
/// particle, initials or suffixes ("Adil Abd al-Mahdi" and "Abdul-Mahdi" → `mahdi`).
pub fn surname_key(name: &[String]) -> String {
    let last = name
        .iter()
        .rev()
        .map(|w| w.to_lowercase())
        .find(|w| !(english().name_suffixes.contains(&w.as_str()) || w.len() <= 2 && w.ends_with('.')))
        .unwrap_or_default();
    let last = last.rsplit('-').next().unwrap_or(&last).to_string();
    last.chars().filter(|c| c.is_alphanumeric()).collect()
}

pub(super) fn strip_articles(lower: &[String]) -> &[String] {
    match lower.first() {
        Some(first) if english().mention_determiners.contains(&first.as_str()) => &lower[1..],
        _ => lower,
    }
}

/// The pronoun a mention is, after nothing but linking words ("he", "who", "to which she"),
/// lower-cased.
pub(super) fn unresolved_pronoun(tokens: &[String]) -> Option<String> {
    let (last, before) = tokens.split_last()?;
    let lower = last.to_lowercase();
    (before.iter().all(|w| english().stop_words.contains(&w.to_lowercase().as_str()))
        && english().speaker_pronouns.contains(&lower.as_str()))
    .then_some(lower)
}

/// A count, not a poll's share: a number first that is no percentage, with no word of
/// respondents ("12 lawmakers", "a $40 million lawsuit"; not "26% of voters" or "78 percent").
pub(super) fn is_count(lower: &[String]) -> bool {
    lower.first().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()) && !w.ends_with('%'))
        && !lower.iter().any(|w| english().respondent_words.contains(&w.as_str()))
}

/// "former Florida Gov.", "ex-Sen.", "a onetime aide": the mention names a former holder of its
/// title (`former_words`, alone or as an "ex-" prefix); "current and former officials" do not.
pub(super) fn is_former(lower: &[String]) -> bool {
    let former = lower.iter().any(|w| english().former_words.contains(&w.as_str()) || without_former(w) != w);
    former && !lower.iter().any(|w| w == "current")
}

/// A word without its "ex-" prefix ("ex-sen" is the title "sen").
pub(super) fn without_former(word: &str) -> &str {
    word.split_once('-').filter(|(ex, _)| english().former_words.contains(ex)).map_or(word, |(_, rest)| rest)
}
