//! Speakers: from a mention as written ("Marine Brigadier General William H. Seely III") to a
//! canonical speaker (name "William H. Seely III", key `seely`, role "Marine Brigadier General")
//! and a voice group (`us_military`).
//!
//! Owns the split of a mention into role and name, and the group rules: a known voice, else the
//! longest role phrase, else `anonymous` for unnamed people, else `unclassified` (`unresolved`
//! for a pronoun no name resolved). Nothing is dropped. The words of a mention and the key that
//! merges spellings of one name (Abdul Mahdi / Adel Abdul Mahdi / Abdul-Mahdi / Adil Abd
//! al-Mahdi / al-Mahdi all become `mahdi`) are in [`super::mention`].

use std::ops::Range;

use crate::text::{Span, english, name_key};
use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use crate::lexicon::LexiconSet;

use super::mention::{
    head_noun, is_body, is_count, is_former, is_plural_speaker, is_share_of_respondents, name_start,
    postmodifier_start, strip_articles, surname_key, unresolved_pronoun, without_former, words,
};

/// A speaker, described.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name: the known voice's name, the person's name without titles, or the phrase
    /// without its determiner for non-persons ("resolution").
    pub name: String,
    /// What merges mentions of one speaker: a surname key for persons, the phrase otherwise.
    pub key: String,
    /// Titles and roles stripped from the mention ("Marine Brigadier General").
    pub role: String,
    /// Voice group.
    pub group: String,
    /// True for a named person.
    pub person: bool,
    /// True for an unnamed source ("officials", "one demonstrator", "a source familiar with…").
    pub anonymous: bool,
    /// Where the article introduced this person with the role that gave `role` and `group`
    /// ("Sen. Ted Cruz"), when the mention itself gave none ("Cruz said"): see
    /// [`super::introduction`].
    pub introduction: Option<Span>,
}

/// The group of a speaker that nothing classified.
pub const UNCLASSIFIED: &str = "unclassified";

/// The group of an unnamed source that nothing else classified ("officials said").
pub const ANONYMOUS: &str = "anonymous";

/// The group of a former holder of an office ("former Florida Gov. Jeb Bush", "a former
/// Pentagon official"): someone who no longer speaks for the government, a legislature, the
/// military or the police (or a story's finer groups of them, such as `us_military`).
pub const FORMER_OFFICIAL: &str = "former_official";

/// Groups a former holder leaves: any whose name contains one of these.
const OFFICE_GROUPS: [&str; 4] = ["government", "legislator", "military", "police"];

/// The group of a pronoun that resolution tied to no name ("he said" with no "he" before it):
/// who it stands for is not known, so it is neither a group nor an anonymous source.
pub const UNRESOLVED: &str = "unresolved";

impl Speaker {
    /// A speaker who is no named person: a body, a document, unnamed people or a pronoun, named
    /// and keyed by its phrase.
    fn unnamed(phrase: String, group: String, anonymous: bool) -> Speaker {
        Speaker {
            name: phrase.clone(),
            key: phrase,
            role: String::new(),
            group,
            person: false,
            anonymous,
            introduction: None,
        }
    }

    /// A named person whom neither a known voice nor a role in the mention put in a group: an
    /// introduction elsewhere in the article may.
    pub fn needs_introduction(&self) -> bool {
        self.person && self.group == UNCLASSIFIED && self.introduction.is_none()
    }
}

/// Describes speakers with the voices and roles of the loaded lexicons.
pub struct SpeakerBook {
    known: HashMap<String, (String, String)>,
    media: HashMap<String, String>,
    roles: Vec<(Vec<String>, String, bool)>,
    roles_by_first: HashMap<String, Vec<usize>>,
    /// Every word of every role phrase, lower case.
    role_words: FxHashSet<String>,
}

impl SpeakerBook {
    /// A book for the `[[voice]]` and `[[role]]` entries of `set`.
    pub fn new(set: &LexiconSet) -> SpeakerBook {
        let mut known = HashMap::default();
        for voice in &set.voices {
            for name in std::iter::once(&voice.name).chain(&voice.aliases) {
                let key = surname_key(&words(name));
                known.entry(key).or_insert_with(|| (voice.name.clone(), voice.group.clone()));
            }
        }
        // Each role also matches with a plural last word ("lawmaker" finds "lawmakers").
        let mut roles = Vec::new();
        for role in &set.roles {
            let phrase = words(&role.text.to_lowercase());
            let mut plural = phrase.clone();
            if let Some(last) = plural.last_mut() {
                last.push('s');
            }
            roles.push((phrase, role.group.clone(), role.story));
            roles.push((plural, role.group.clone(), role.story));
        }
        let mut media = HashMap::default();
        for outlet in &set.outlets {
            for name in std::iter::once(&outlet.name).chain(&outlet.aliases) {
                media.entry(name_key(name)).or_insert_with(|| outlet.name.clone());
            }
        }
        let mut roles_by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, (phrase, _, _)) in roles.iter().enumerate() {
            if let Some(first) = phrase.first() {
                roles_by_first.entry(first.clone()).or_default().push(i);
            }
        }
        // Tokens split hyphens ("front-runner" is `front` `runner`), so the parts count too.
        let role_words = roles
            .iter()
            .flat_map(|(phrase, _, _)| phrase.iter())
            .flat_map(|word| std::iter::once(word.as_str()).chain(word.split('-')))
            .map(str::to_string)
            .collect();
        SpeakerBook { known, media, roles, roles_by_first, role_words }
    }

    /// True for a noun that names a person or people: a role word, a source noun, or one by its
    /// ending ("strategist", "organizers", "businessman").
    fn is_people_noun(&self, head: &str) -> bool {
        let e = english();
        self.role_words.contains(head)
            || e.role_nouns.contains(&head)
            || e.person_nouns.contains(&head)
            || e.person_endings.iter().any(|end| head.len() >= end.len() + 3 && head.ends_with(end))
    }

    /// True for a word of some role phrase ("secretary", "lawmakers").
    pub fn is_role_word(&self, lower: &str) -> bool {
        self.role_words.contains(lower)
    }

    /// The group of the known voice (`[[voice]]`) with this surname key, if any.
    pub fn known_group(&self, key: &str) -> Option<&str> {
        self.known.get(key).map(|(_, group)| group.as_str())
    }

    /// Describe a mention.
    pub fn describe(&self, mention: &str) -> Speaker {
        // "The Observer said" is the newspaper; "the observer said" is a person.
        let capitalised = mention.chars().any(char::is_uppercase);
        if capitalised && let Some(outlet) = self.media.get(&name_key(mention)) {
            let key = name_key(outlet);
            return Speaker {
                name: outlet.clone(),
                key,
                role: String::new(),
                group: "media".into(),
                person: false,
                anonymous: false,
                introduction: None,
            };
        }
        let tokens = words(mention);
        if let Some(pronoun) = unresolved_pronoun(&tokens) {
            return Speaker::unnamed(pronoun, UNRESOLVED.into(), false);
        }
        // "Protesters in the south", "a spokesman for Hillary Clinton": the name, if any, is in
        // the head before the prepositional phrase, never the place or body it names.
        let head_end = postmodifier_start(&tokens).unwrap_or(tokens.len());
        let name_start = name_start(&tokens[..head_end]);
        let name = &tokens[name_start..head_end];
        // "Pompeo and Esper", "Secretary Pompeo and Defense Secretary Esper": the speaker is the
        // last conjunct (one person per speaker), and the first is no part of its role.
        let role_start = tokens[..name_start].iter().rposition(|t| t == "and" || t == "&").map_or(0, |i| i + 1);
        let role = tokens[role_start..name_start].join(" ");
        let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
        // "The Ministry of Foreign Affairs": a body's "of" name ends in a word that is no person.
        let body_of = name.len() == 1
            && lower[..name_start].windows(2).any(|w| english().body_words.contains(&w[0].as_str()) && w[1] == "of")
            && !lower[..name_start].iter().any(|w| english().person_heads.contains(&w.as_str()));
        let lower_name = &lower[name_start..head_end];
        let name_is_body = body_of || lower_name.iter().any(|t| english().body_words.contains(&t.as_str()));
        // "Rep." and "Col." match the roles "rep" and "col", "ex-Sen." the role "sen".
        let undotted: Vec<String> = lower.iter().map(|w| without_former(w.trim_end_matches('.')).to_string()).collect();
        // Before a name, of two titles the one next to it is the title ("presidential candidate
        // Sen. Ted Cruz"); in a phrase, the first names the body ("Pentagon officials").
        let title = (!name.is_empty()).then_some(role_start..name_start);
        let role_group = self.mention_group(&undotted, head_end, title).map(|group| {
            if is_former(&lower[..head_end]) && OFFICE_GROUPS.iter().any(|office| group.contains(office)) {
                FORMER_OFFICIAL.to_string()
            } else {
                group
            }
        });
        // "Nine in 10 Democrats": a share of respondents is the public, whatever its capitals.
        let share = is_share_of_respondents(&lower);
        // "Critics say": a common noun capitalised by the sentence start is not a name; nor is a
        // capitalised plural of people ("Republicans", "Senate Democrats", "Fellow Republicans").
        let generic = lower_name.last().is_some_and(|last| {
            name.len() == 1 && english().generic_sources.contains(&last.as_str()) || is_plural_speaker(last)
        });
        if !name.is_empty() && !name_is_body && !share && !generic {
            let key = surname_key(name);
            if let Some((canonical, group)) = self.known.get(&key) {
                return Speaker {
                    name: canonical.clone(),
                    key,
                    role,
                    group: group.clone(),
                    person: true,
                    anonymous: false,
                    introduction: None,
                };
            }
            let group = role_group.unwrap_or_else(|| UNCLASSIFIED.to_string());
            let name = name.join(" ");
            return Speaker { name, key, role, group, person: true, anonymous: false, introduction: None };
        }
        self.describe_unnamed(&tokens, &lower, share, role_group)
    }

    /// A mention that names no person: a body, a document, a poll's share, unnamed people
    /// ("officials", "a young man") or no one ("the pictures show").
    fn describe_unnamed(
        &self,
        tokens: &[String],
        lower: &[String],
        share: bool,
        role_group: Option<String>,
    ) -> Speaker {
        // "One in five voters" keeps its "one".
        let phrase = if share { lower.join(" ") } else { strip_articles(lower).join(" ") };
        // "the statement", "multiple reports".
        let document = lower.iter().any(|w| {
            let singular = w.strip_suffix('s').unwrap_or(w);
            english().documents.contains(&singular) || english().records.contains(&w.as_str())
        });
        // "The Pentagon" is named; "The retired neurosurgeon" and "Officials familiar with …"
        // only open a sentence.
        let after_article = tokens.len() - strip_articles(lower).len();
        let named_body = tokens[after_article..].iter().enumerate().any(|(k, t)| {
            t.chars().next().is_some_and(char::is_uppercase)
                && !(k == 0 && english().generic_sources.contains(&lower[after_article].as_str()))
                && !is_plural_speaker(&lower[after_article + k])
        });
        // "the coalition", "the ministry": an institution speaking is identified, not anonymous;
        // "a senior administration official", "U.S. officials" and "a spokesperson for the
        // embassy" are people from one, unnamed.
        let head = head_noun(lower);
        let institution = is_body(head) || head == "police";
        let unnamed_person = english().generic_sources.contains(&head) || english().person_heads.contains(&head);
        // "the president", "the former secretary of state": the one holder of an office, whom
        // the article or its reader can name ("the official" and "the spokesman" stay unnamed).
        let office_holder = lower.first().is_some_and(|w| w == "the") && english().office_heads.contains(&head);
        // Only people are sources: "the pictures show" and "the evening began" are no one.
        // "many of his supporters": a quantifier's people are its last word.
        let last = lower.last().map_or("", String::as_str);
        let quantified = english().quantifiers.contains(&head) && self.is_people_noun(last);
        let people = unnamed_person || self.is_people_noun(head) || quantified;
        let anonymous =
            !document && !share && !office_holder && (unnamed_person || !named_body && !institution && people);
        let fallback = if share {
            "citizens"
        } else if anonymous {
            ANONYMOUS
        } else {
            UNCLASSIFIED
        };
        // "Nine in 10 Democrats" and "26% of Republicans" are respondents to a poll, whatever role
        // their noun has; "12 lawmakers" and "a $40 million lawsuit" keep theirs.
        let group = if share && !is_count(lower) {
            fallback.to_string()
        } else {
            role_group.unwrap_or_else(|| fallback.to_string())
        };
        Speaker::unnamed(phrase, group, anonymous)
    }

    /// The group a mention's roles give: its head's ("Protesters in Baghdad" are protesters),
    /// except that a spokesperson takes the group of the body named ("a spokesman for the
    /// Pentagon", "a Pentagon spokesman", and before a name, the `title` words: "DNC spokesman
    /// Brad Woodhouse"), and none of its own: "a spokesman", "Cruz spokesman Rick Tyler" and
    /// "spokesman Alex Conant" speak for a campaign, a senator's office or a ministry alike. The
    /// rest of the mention when the head gives none. With a name, of two role phrases of one
    /// length the nearer one wins.
    fn mention_group(&self, lower: &[String], head_end: usize, title: Option<Range<usize>>) -> Option<String> {
        let nearest = title.is_some();
        if let Some((last, body)) = title.and_then(|t| lower[t].split_last())
            && english().person_heads.contains(&last.as_str())
        {
            return self.role_group(body, true);
        }
        let (head, tail) = lower.split_at(head_end);
        let speaks_for_body = head.last().is_some_and(|w| english().person_heads.contains(&w.as_str()));
        if speaks_for_body && !tail.is_empty() {
            self.role_group(tail, nearest)
        } else if speaks_for_body {
            // "a Pentagon spokesman": the body named before the head.
            self.role_group(&head[..head.len() - 1], nearest)
        } else {
            self.role_group(head, nearest).or_else(|| self.role_group(tail, nearest))
        }
    }

    /// The group of the longest role phrase in the mention; story roles win ties, then, when
    /// `nearest`, the phrase nearer the end (the name), else the first.
    fn role_group(&self, lower: &[String], nearest: bool) -> Option<String> {
        let mut best: Option<((usize, bool, usize), &str)> = None;
        let candidates = lower.iter().filter_map(|w| self.roles_by_first.get(w)).flatten();
        for &i in candidates {
            let (phrase, group, story) = &self.roles[i];
            let Some(at) = lower.windows(phrase.len()).rposition(|w| w == phrase.as_slice()) else { continue };
            let rank = (phrase.len(), *story, if nearest { at } else { 0 });
            if best.is_none_or(|(r, _)| rank > r) {
                best = Some((rank, group));
            }
        }
        best.map(|(_, g)| g.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{RoleEntry, VoiceEntry};

    fn book() -> SpeakerBook {
        let mut set = LexiconSet::default();
        set.voices.push(VoiceEntry {
            name: "Adel Abdul Mahdi".into(),
            aliases: vec!["Adil Abd al-Mahdi".into()],
            group: "iraqi_government".into(),
        });
        for (text, group) in [
            ("secretary of state", "government"),
            ("lawmaker", "legislator"),
            ("resolution", "document"),
            ("rep", "legislator"),
            ("spokesman", "government"),
            ("pentagon", "us_military"),
            ("protesters", "citizens"),
            ("democrats", "party"),
        ] {
            set.roles.push(RoleEntry { text: text.into(), group: group.into(), story: false });
        }
        SpeakerBook::new(&set)
    }

    #[test]
    fn titles_are_stripped_and_kept_as_role() {
        let s = book().describe("Marine Brigadier General William H. Seely III");
        assert_eq!(
            (s.name.as_str(), s.key.as_str(), s.role.as_str()),
            ("William H. Seely III", "seely", "Marine Brigadier General")
        );
        assert!(s.person && !s.anonymous);
    }

    #[test]
    fn name_variants_merge_on_one_key_and_known_voice() {
        let b = book();
        for mention in [
            "Abdul Mahdi",
            "Adel Abdul Mahdi",
            "Abdul-Mahdi",
            "Adil Abd al-Mahdi",
            "al-Mahdi",
            "Iraqi Prime Minister Adil Abd al-Mahdi",
        ] {
            let s = b.describe(mention);
            assert_eq!(
                (s.key.as_str(), s.name.as_str(), s.group.as_str()),
                ("mahdi", "Adel Abdul Mahdi", "iraqi_government"),
                "{mention}"
            );
        }
    }

    #[test]
    fn a_coordinated_mention_is_its_last_conjunct_without_the_first_in_its_role() {
        let s = book().describe("Pompeo and Esper");
        assert_eq!((s.key.as_str(), s.role.as_str()), ("esper", ""));
        let s = book().describe("Secretary of State Mike Pompeo and Defense Secretary Mark Esper");
        assert_eq!((s.key.as_str(), s.role.as_str()), ("esper", "Defense Secretary"));
    }

    #[test]
    fn role_phrases_give_the_group() {
        let s = book().describe("US Secretary of State Mike Pompeo");
        assert_eq!(
            (s.name.as_str(), s.role.as_str(), s.group.as_str()),
            ("Mike Pompeo", "US Secretary of State", "government")
        );
        assert_eq!(book().describe("a Shi'ite lawmaker").group, "legislator");
    }

    #[test]
    fn a_place_or_body_after_the_head_is_not_the_name() {
        let s = book().describe("Protesters in the Shiite-majority South");
        assert_eq!(
            (s.name.as_str(), s.role.as_str(), s.group.as_str()),
            ("protesters in the shiite-majority south", "", "citizens")
        );
        assert!(!s.person);
        // A spokesperson speaks for the body named after the head, whatever the head's own role.
        let spokesman = book().describe("a spokesman for the Pentagon");
        assert_eq!((spokesman.group.as_str(), spokesman.anonymous), ("us_military", true));
        assert_eq!(book().describe("a spokesman for the Hill Farm Cooperative").group, "anonymous");
        assert_eq!(book().describe("a Pentagon spokesman").group, "us_military");
    }

    #[test]
    fn only_unnamed_people_are_anonymous_sources() {
        let b = book();
        let pair = |mention: &str| {
            let s = b.describe(mention);
            (s.group, s.anonymous)
        };
        // A pronoun no name resolved is not known to be anyone, named or not.
        for pronoun in ["he", "He’s", "they", "who", "It", "To which she"] {
            assert_eq!(pair(pronoun), (UNRESOLVED.to_string(), false), "{pronoun}");
        }
        // The one holder of an office is identifiable; an official or a spokesman is not.
        assert_eq!(pair("the former secretary of state"), ("former_official".into(), false));
        assert!(b.describe("the official").anonymous && b.describe("The spokesman").anonymous);
        // Things are no one; people named by an ending, a person noun or after a quantifier are.
        assert_eq!(pair("The pictures"), (UNCLASSIFIED.into(), false));
        assert_eq!(pair("the evening began"), (UNCLASSIFIED.into(), false));
        assert_eq!(pair("multiple reports"), (UNCLASSIFIED.into(), false));
        for people in ["Seasoned political observers", "A young man", "the strategist", "many of his supporters"] {
            assert_eq!(pair(people), ("anonymous".into(), true), "{people}");
        }
        // A capitalised plural of people is no name: "Prosecutors" are unnamed people.
        assert!(!b.describe("Senate Republicans").person && !b.describe("Republicans").person);
        assert_eq!(pair("Prosecutors"), ("anonymous".into(), true));
        // A poll's share is the public whatever its noun; a count or a place keeps its role.
        assert_eq!(pair("Nine in 10 Democrats").0, "citizens");
        assert_eq!(pair("Senate Democrats"), ("party".into(), false));
        assert_eq!(pair("12 lawmakers").0, "legislator");
        assert_eq!(pair("Protesters in the south"), ("citizens".into(), true));
        // A campaign or an association speaking is a body, not an unnamed source.
        assert!(!b.describe("the campaign").anonymous && !b.describe("The group").anonymous);
    }

    #[test]
    fn documents_bodies_and_unnamed_sources() {
        let b = book();
        let resolution = b.describe("the resolution");
        assert_eq!(
            (resolution.name.as_str(), resolution.group.as_str(), resolution.anonymous),
            ("resolution", "document", false)
        );
        let sources = b.describe("medical sources");
        assert!(sources.anonymous && !sources.person);
        assert_eq!(sources.group, "anonymous");
        let department = b.describe("The Defense Department");
        assert!(!department.person && !department.anonymous);
        assert_eq!(b.describe("one demonstrator").group, "anonymous");
        // A capital that only opens the sentence does not name anyone.
        assert!(b.describe("The retired neurosurgeon").anonymous);
        assert!(b.describe("the retired neurosurgeon").anonymous);
        assert!(!b.describe("The Pentagon").anonymous);
        assert!(!b.describe("The coalition").anonymous && !b.describe("the ministry").anonymous);
        // Countries speak as states ("the two countries would discuss …"), not as unnamed people.
        assert!(!b.describe("the two countries").anonymous);
        assert!(b.describe("A senior administration official").anonymous);
        assert!(b.describe("U.S. officials").anonymous && b.describe("a Pentagon spokesman").anonymous);
        assert!(b.describe("a spokesperson for the embassy").anonymous);
        assert!(!b.describe("the Department of Defense").anonymous);
        let ministry = b.describe("The Ministry of Foreign Affairs");
        assert_eq!((ministry.name.as_str(), ministry.person), ("ministry of foreign affairs", false));
        assert!(b.describe("Officials familiar with the matter").anonymous);
        assert!(b.describe("Critics").anonymous);
        let he = b.describe("He");
        assert_eq!((he.group.as_str(), he.anonymous, he.person), (b.describe("he").group.as_str(), false, false));
        assert!(!b.describe("Police").anonymous && !b.describe("the state department").anonymous);
        let share = b.describe("Nine in 10 Democrats");
        assert_eq!(
            (share.name.as_str(), share.group.as_str(), share.person),
            ("nine in 10 democrats", "citizens", false)
        );
        assert_eq!(b.describe("One in five voters").name, "one in five voters");
        assert_eq!(b.describe("Rep. Adam Schiff").group, "legislator");
        let doctor = b.describe("Doctor Kim Lee");
        assert_eq!((doctor.name.as_str(), doctor.role.as_str()), ("Kim Lee", "Doctor"));
        // Polls and data cited with "according to" are not anonymous sources.
        assert!(!b.describe("a new poll").anonymous);
        assert!(!b.describe("recent data from comScore").anonymous);
        // A share of a poll's respondents is the public, not an anonymous source.
        for share in ["26%", "Nine in 10 voters", "about half of voters", "those surveyed"] {
            let speaker = b.describe(share);
            assert!(!speaker.anonymous, "{share}");
            assert_eq!(speaker.group, "citizens", "{share}");
        }
    }

    #[test]
    fn shipped_roles_group_polls_and_networks() {
        let shipped = SpeakerBook::new(&crate::lexicon::load(&crate::lexicon::shipped_sources()).set);
        assert_eq!(shipped.describe("a new poll").group, "document");
        assert_eq!(shipped.describe("three television networks").group, "media");
        assert_eq!(shipped.describe("Republican National Committee Chairman Reince Priebus").group, "party");
        assert_eq!(shipped.describe("a campaign spokesman").group, "party");
        assert_eq!(shipped.describe("The Obama administration").group, "government");
        assert_eq!(shipped.describe("the documents").group, "document");
        // Without a story (the iraq-2020 story makes its coalition `us_military`).
        let general = SpeakerBook::new(&crate::lexicon::load(&crate::lexicon::shipped_with_stories(&[])).set);
        assert_eq!(general.describe("A coalition of civil rights groups").group, "organisation");
        assert_eq!(general.describe("the US-led military coalition").group, "military");
    }

    #[test]
    fn governors_mayors_and_candidates_and_the_title_next_to_the_name() {
        let shipped = SpeakerBook::new(&crate::lexicon::load(&crate::lexicon::shipped_with_stories(&[])).set);
        let described = |mention: &str| {
            let s = shipped.describe(mention);
            (s.name, s.role, s.group)
        };
        let expect = |name: &str, role: &str, group: &str| (name.to_string(), role.to_string(), group.to_string());
        assert_eq!(described("Gov. Chris Christie"), expect("Chris Christie", "Gov.", "government"));
        // "lieutenant governor" is longer than the rank "lieutenant".
        assert_eq!(described("Texas Lt. Gov. Dan Patrick"), expect("Dan Patrick", "Texas Lt. Gov.", "government"));
        assert_eq!(described("Mayor Bill de Blasio").2, "government");
        assert_eq!(described("Democratic front-runner Hillary Clinton").2, "party");
        // Two titles of one length before a name: the one next to it; in a phrase without a
        // name, the first, which names the body.
        assert_eq!(described("Republican presidential candidate Sen. Ted Cruz").2, "legislator");
        assert_eq!(described("Sen. Ted Cruz").2, "legislator");
        assert_eq!(described("Texas senator and presidential candidate Ted Cruz").2, "party");
        assert_eq!(described("Pentagon officials").2, "military");
        // A named spokesperson speaks for the body before the title.
        assert_eq!(described("DNC spokesman Brad Woodhouse").2, "party");
        assert_eq!(described("White House spokesman Eric Schultz").2, "government");
        assert_eq!(described("Pentagon spokesman John Kirby").2, "military");
        // A spokesperson's own title names no body: Jim Manley spoke for a Senate leader, and
        // "Cruz spokesman Rick Tyler" for a campaign (the person spoken for gives the group in
        // an article that introduces them: see `introduction`).
        assert_eq!(described("spokesman Jim Manley").2, "unclassified");
        assert_eq!(described("Cruz spokesman Rick Tyler").2, "unclassified");
        assert_eq!(described("a spokeswoman").2, "anonymous");
        assert_eq!(described("A Justice Department spokeswoman").2, "government");
        // A former holder of an office no longer speaks for it; a party role stays.
        assert_eq!(described("Former Florida Gov. Jeb Bush").2, "former_official");
        assert_eq!(described("ex-Sen. Scott Brown").2, "former_official");
        let unnamed = shipped.describe("a former NSA official");
        assert_eq!((unnamed.group.as_str(), unnamed.anonymous), ("former_official", true));
        assert_eq!(described("the former vice president").2, "former_official");
        assert_eq!(described("current and former State Department officials").2, "government");
        assert_eq!(described("former campaign manager Corey Lewandowski").2, "party");
        // "Chair" and "Congressman" are titles, not first names.
        assert_eq!(
            described("DNC Chair Debbie Wasserman Schultz"),
            expect("Debbie Wasserman Schultz", "DNC Chair", "party")
        );
        assert_eq!(described("Congressman Chris Collins"), expect("Chris Collins", "Congressman", "legislator"));
    }

    #[test]
    fn unknown_speakers_are_unclassified_not_dropped() {
        let s = book().describe("Raad Ismail");
        assert_eq!((s.name.as_str(), s.group.as_str()), ("Raad Ismail", "unclassified"));
    }
}
