//! The people a corpus quotes most whom no role or title put in a voice group: the draft
//! lexicon's candidate `[[voice]]` entries ("Cruz said" on a story no lexicon names).

use std::collections::BTreeMap;

use crate::quotes::{Speaker, UNCLASSIFIED};

/// A person to name in a `[[voice]]` entry, with the counts behind the proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoiceCandidate {
    /// The name to give: the shortest of the person's names of two words or more (of those, the
    /// commonest), else the commonest.
    pub name: String,
    /// How the corpus writes the name, with the attributions of each, commonest first (at most
    /// [`NAMES`]): one key may merge two people ("Hillary Clinton", "Bill Clinton").
    pub written: Vec<(String, u32)>,
    /// Attributions to the person.
    pub attributions: u32,
    /// Articles that quote the person.
    pub articles: u32,
}

/// Counts the unclassified named speakers of each article, by surname key.
#[derive(Default)]
pub struct VoiceCounter {
    people: BTreeMap<String, Person>,
}

#[derive(Default)]
struct Person {
    names: BTreeMap<String, u32>,
    attributions: u32,
    articles: u32,
}

/// Spellings kept per candidate.
pub const NAMES: usize = 4;

impl VoiceCounter {
    /// Count the speakers of one article's attributions, one per attribution.
    pub fn add_article<'s>(&mut self, speakers: impl Iterator<Item = &'s Speaker>) {
        let mut seen: Vec<&str> = Vec::new();
        for speaker in speakers {
            if !speaker.person || speaker.group != UNCLASSIFIED {
                continue;
            }
            let person = self.people.entry(speaker.key.clone()).or_default();
            *person.names.entry(speaker.name.clone()).or_default() += 1;
            person.attributions += 1;
            if !seen.contains(&speaker.key.as_str()) {
                seen.push(&speaker.key);
                person.articles += 1;
            }
        }
    }

    /// The `top` people with at least `min_attributions`, most quoted first (ties by name).
    pub fn candidates(&self, top: usize, min_attributions: u32) -> Vec<VoiceCandidate> {
        let mut found: Vec<VoiceCandidate> = self
            .people
            .values()
            .filter(|p| p.attributions >= min_attributions)
            .map(|p| {
                let mut names: Vec<(&String, u32)> = p.names.iter().map(|(n, c)| (n, *c)).collect();
                names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                // The shortest full name, so that a headline's words run into one ("CPAC Crowd
                // Glenn Beck") give way to the name itself; of equal lengths the commonest.
                let words = |n: &str| n.split_whitespace().count();
                let full = names
                    .iter()
                    .filter(|(n, _)| words(n) >= 2)
                    .min_by_key(|(n, c)| (words(n), std::cmp::Reverse(*c)))
                    .unwrap_or(&names[0])
                    .0;
                let written = names.iter().take(NAMES).map(|(n, c)| ((*n).clone(), *c)).collect();
                VoiceCandidate { name: full.clone(), written, attributions: p.attributions, articles: p.articles }
            })
            .collect();
        found.sort_by(|a, b| b.attributions.cmp(&a.attributions).then(a.name.cmp(&b.name)));
        found.truncate(top);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, key: &str, group: &str) -> Speaker {
        Speaker {
            name: name.into(),
            key: key.into(),
            role: String::new(),
            group: group.into(),
            person: true,
            anonymous: false,
            introduction: None,
        }
    }

    #[test]
    fn the_most_quoted_unclassified_people_come_first_with_their_full_name() {
        let mut counter = VoiceCounter::default();
        let first = [
            person("Donald Trump", "trump", UNCLASSIFIED),
            person("Trump", "trump", UNCLASSIFIED),
            person("Trump", "trump", UNCLASSIFIED),
            person("Ted Cruz", "cruz", "legislator"),
            person("Rally Crowd Glenn Beck", "beck", UNCLASSIFIED),
            person("Rally Crowd Glenn Beck", "beck", UNCLASSIFIED),
            person("Glenn Beck", "beck", UNCLASSIFIED),
        ];
        counter.add_article(first.iter());
        counter.add_article([person("Trump", "trump", UNCLASSIFIED), person("Hollis", "hollis", UNCLASSIFIED)].iter());
        let found = counter.candidates(10, 1);
        assert_eq!(
            found[0],
            VoiceCandidate {
                name: "Donald Trump".into(),
                written: vec![("Trump".into(), 3), ("Donald Trump".into(), 1)],
                attributions: 4,
                articles: 2
            }
        );
        assert_eq!((found[1].name.as_str(), found[1].attributions), ("Glenn Beck", 3));
        assert_eq!((found[2].name.as_str(), found[2].attributions), ("Hollis", 1));
        assert_eq!(found.len(), 3, "a classified speaker is no candidate");
        assert!(counter.candidates(10, 2).iter().all(|c| c.name != "Hollis"));
    }
}
