//! Totals per group (an outlet, or a single article), summed from article rows as they stream by.

use std::collections::BTreeMap;

use super::{ArticleRow, VoiceMark};
use crate::features::{LabelCount, RowTotals, SignalTotals};
use crate::quotes::{UNCLASSIFIED, UNRESOLVED};

/// Sums over the articles of one group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    /// Articles.
    pub articles: u64,
    /// Words in kept text.
    pub words: u64,
    /// Words outside quotation marks.
    pub own_words: u64,
    /// Label counts.
    pub counts: LabelCount,
    /// Matches of anchored labels left out because their sentence names no anchor.
    pub unanchored: u64,
    /// Quoted voices.
    pub voices: VoiceTotals,
    /// Hedges, credits, facts, agency and tone.
    pub signals: SignalTotals,
    /// Articles measured by each story lexicon (by its number in `LexiconSet::stories`; missing
    /// at the end where none was).
    pub story_articles: Vec<u64>,
}

/// Sums over attributions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VoiceTotals {
    /// Direct quotations.
    pub direct: u64,
    /// Indirect (reported) attributions.
    pub indirect: u64,
    /// Direct quotations that are fragments.
    pub fragments: u64,
    /// Words in direct quotations.
    pub direct_words: u64,
    /// Words in indirect attributions.
    pub indirect_words: u64,
    /// Attributions to unnamed sources.
    pub anonymous: u64,
    /// Attributions per reporting-cue class (`""` for attributions without a known cue).
    pub by_cue_class: BTreeMap<&'static str, u64>,
    /// Attributions whose sentence credits a medium, and those crediting a wire agency.
    pub credited: (u64, u64),
    /// Attributions per (cue class, voice group).
    pub by_cue_and_group: BTreeMap<(&'static str, String), u64>,
    /// Per group: (attributions, direct, words).
    pub by_group: BTreeMap<String, VoiceCount>,
    /// Per speaker key: counts, with the longest name seen and its group.
    pub by_speaker: BTreeMap<String, SpeakerCount>,
    /// How many articles quote each group first.
    pub first_groups: BTreeMap<String, u64>,
    /// The first speaker quoted directly in the first article that quotes anyone.
    pub first_speaker: Option<(String, String)>,
}

/// Attribution counts of one group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VoiceCount {
    /// Attributions.
    pub attributions: u64,
    /// Of which direct.
    pub direct: u64,
    /// Words attributed.
    pub words: u64,
}

/// Attribution counts of one speaker.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeakerCount {
    /// Longest name seen for the key.
    pub name: String,
    /// The group most of its attributions have, a classified one before `unclassified` and
    /// `unresolved` (ties: the first by name). Each article classifies a speaker from its own
    /// text, so one speaker can be `former_official` in one article and `unclassified` in another.
    pub group: String,
    /// Its attributions by group.
    pub groups: BTreeMap<String, u64>,
    /// Counts.
    pub count: VoiceCount,
}

impl SpeakerCount {
    /// The group for [`SpeakerCount::group`] from [`SpeakerCount::groups`].
    fn main_group(&self) -> String {
        let classified = |g: &str| g != UNCLASSIFIED && g != UNRESOLVED;
        let rank = |(g, n): (&String, &u64)| (classified(g), *n, std::cmp::Reverse(g.clone()));
        self.groups.iter().max_by_key(|&entry| rank(entry)).map(|(g, _)| g.clone()).unwrap_or_default()
    }
}

impl VoiceTotals {
    fn add(&mut self, marks: &[VoiceMark]) {
        for m in marks {
            if m.direct {
                self.direct += 1;
                self.direct_words += m.words;
                self.fragments += u64::from(m.fragment);
            } else {
                self.indirect += 1;
                self.indirect_words += m.words;
            }
            self.anonymous += u64::from(m.anonymous);
            *self.by_cue_class.entry(m.cue_class).or_default() += 1;
            *self.by_cue_and_group.entry((m.cue_class, m.group.clone())).or_default() += 1;
            if let Some(wire) = m.credited {
                self.credited.0 += 1;
                self.credited.1 += u64::from(wire);
            }
            let count = |c: &mut VoiceCount| {
                c.attributions += 1;
                c.direct += u64::from(m.direct);
                c.words += m.words;
            };
            count(self.by_group.entry(m.group.clone()).or_default());
            let speaker = self.by_speaker.entry(m.key.clone()).or_default();
            if m.name.len() > speaker.name.len() {
                speaker.name = m.name.clone();
            }
            *speaker.groups.entry(m.group.clone()).or_default() += 1;
            speaker.group = speaker.main_group();
            count(&mut speaker.count);
        }
        if let Some(first) = marks.iter().find(|m| m.direct && m.key != "unattributed") {
            *self.first_groups.entry(first.group.clone()).or_default() += 1;
            self.first_speaker.get_or_insert_with(|| (first.name.clone(), first.group.clone()));
        }
    }

    /// All attributions.
    pub fn attributions(&self) -> u64 {
        self.direct + self.indirect
    }

    /// Shannon entropy (bits) of attributed words over speakers: 0 when one voice has all the words.
    pub fn entropy(&self) -> Option<f64> {
        let total: u64 = self.by_speaker.values().map(|s| s.count.words).sum();
        (total > 0).then(|| {
            self.by_speaker
                .values()
                .filter(|s| s.count.words > 0)
                .map(|s| {
                    let p = s.count.words as f64 / total as f64;
                    -p * p.log2()
                })
                .sum::<f64>()
                .max(0.0)
        })
    }

    /// Distinct speakers (unattributed content not counted).
    pub fn distinct(&self) -> u64 {
        self.by_speaker.keys().filter(|k| k.as_str() != "unattributed").count() as u64
    }

    /// The group most articles quote first (ties: alphabetical).
    pub fn first_group(&self) -> Option<&str> {
        let best = self.first_groups.values().max()?;
        self.first_groups.iter().find(|(_, n)| *n == best).map(|(g, _)| g.as_str())
    }
}

impl Totals {
    /// What the signals' columns and tables read of this group.
    pub fn row(&self) -> RowTotals<'_> {
        RowTotals {
            articles: self.articles,
            words: self.words,
            own_words: self.own_words,
            attributions: self.voices.attributions(),
            credited: self.voices.credited,
            signals: &self.signals,
            story_articles: &self.story_articles,
        }
    }

    /// Add one article.
    pub fn add(&mut self, row: &ArticleRow) {
        self.articles += 1;
        self.words += row.words;
        self.own_words += row.own_words;
        for (key, n) in &row.counts {
            *self.counts.entry(*key).or_default() += n;
        }
        self.unanchored += row.unanchored;
        self.voices.add(&row.voices);
        self.signals.add(&row.signals);
        for &story in &row.stories {
            let story = story as usize;
            if self.story_articles.len() <= story {
                self.story_articles.resize(story + 1, 0);
            }
            self.story_articles[story] += 1;
        }
    }

    /// Words inside quotation marks.
    pub fn quoted_words(&self) -> u64 {
        self.words - self.own_words
    }
}

/// A named group and its totals: key columns (name, value) first.
#[derive(Clone, Debug)]
pub struct Group {
    /// Key columns, e.g. `[("outlet", "HuffPost")]` or `[("article", id), ("outlet", o)]`.
    pub keys: Vec<(&'static str, String)>,
    /// The sums.
    pub totals: Totals,
}

/// Outlet groups, sorted by outlet name.
pub fn group_by_outlet(outlets: &BTreeMap<String, Totals>) -> Vec<Group> {
    outlets
        .iter()
        .map(|(outlet, totals)| Group { keys: vec![("outlet", outlet.clone())], totals: totals.clone() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(group: &str) -> VoiceMark {
        VoiceMark { key: "ryan".into(), name: "Paul Ryan".into(), group: group.into(), ..VoiceMark::default() }
    }

    #[test]
    fn a_speaker_takes_the_group_most_of_its_attributions_have_a_classified_one_first() {
        let group = |groups: &[&str]| {
            let mut voices = VoiceTotals::default();
            voices.add(&groups.iter().map(|g| mark(g)).collect::<Vec<_>>());
            voices.by_speaker["ryan"].group.clone()
        };
        assert_eq!(group(&["unclassified", "unclassified", "legislator"]), "legislator");
        assert_eq!(group(&["party", "legislator", "legislator", "unresolved"]), "legislator");
        assert_eq!(group(&["party", "legislator"]), "legislator", "ties: the first by name");
        assert_eq!(group(&["unresolved", "unclassified", "unclassified"]), "unclassified");
        let mut voices = VoiceTotals::default();
        voices.add(&[mark("unclassified"), mark("legislator"), mark("unclassified")]);
        assert_eq!(voices.by_speaker["ryan"].groups.get("unclassified"), Some(&2));
    }
}
