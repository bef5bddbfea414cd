//! Groups of alternative labels: terms that fill the same slot ("parliament voted to ___ foreign
//! troops") in different groups' texts, named after the most frequent one.

use std::collections::{BTreeMap, BTreeSet};

use super::disagree::{Disagreement, disagreement};
use super::rank::{Candidate, Contexts, SuggestOptions, frequent_terms, similarity, unit_contexts};
use super::terms::TermTable;
use crate::text::english;

/// A proposed concept: alternative terms for one referent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SlotGroup {
    /// The most frequent member (the group's name).
    pub name: String,
    /// Member keys, the name first, then by similarity to it.
    pub members: Vec<String>,
    /// Similarity of each member to the name (1 for the name).
    pub similarity: Vec<f64>,
    /// How much outlets disagree over the members, within stories.
    pub disagreement: Disagreement,
    /// Names written beside the members: what they point to (filled by
    /// [`AnchorCounter`](super::AnchorCounter), empty until then).
    pub anchors: Vec<String>,
}

/// Most members per group.
const MAX_MEMBERS: usize = 8;
/// Frequent terms that may seed or join a group, besides the candidates.
const POOL: usize = 300;

/// Propose groups among the candidates and the corpus's frequent terms, leaving out house style
/// (`is_style`), ranked by how much outlets disagree over them ([`Disagreement::g`], then name).
/// In one story, a term joins the group of a more frequent term when their contexts are similar, they share no word, and the groups (outlets) using them differ; each
/// term is in at most one group. Across stories, see [`pairs_across_stories`].
pub fn slot_groups(
    table: &TermTable,
    candidates: &[Vec<Candidate>],
    options: &SuggestOptions,
    is_style: &dyn Fn(&str) -> bool,
) -> Vec<SlotGroup> {
    let mut groups = proposed(table, candidates, options, is_style);
    for group in &mut groups {
        group.disagreement = disagreement(table, &group.members);
    }
    groups.sort_by(|a, b| b.disagreement.g.total_cmp(&a.disagreement.g).then_with(|| a.name.cmp(&b.name)));
    groups
}

fn proposed(
    table: &TermTable,
    candidates: &[Vec<Candidate>],
    options: &SuggestOptions,
    is_style: &dyn Fn(&str) -> bool,
) -> Vec<SlotGroup> {
    let mut pool: Vec<String> = frequent_terms(table, POOL);
    for c in candidates.iter().flatten() {
        if !pool.contains(&c.key) {
            pool.push(c.key.clone());
        }
    }
    pool.retain(|k| !is_style(k));
    pool.sort_by(|a, b| table.terms[b].total().cmp(&table.terms[a].total()).then(a.cmp(b)));
    let contexts = unit_contexts(table, pool.iter());
    let names = Initials::of(table);
    if table.stories.len() > 1 {
        return pairs_across_stories(table, &names, &contexts, &pool, options.similarity * ACROSS_STORIES);
    }
    pool.retain(|k| table.terms[k].total() >= MIN_USES_IN_STORY);
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut groups = Vec::new();
    for seed in &pool {
        if taken.contains(seed) {
            continue;
        }
        let group = grow(table, &names, &contexts, &pool, seed, &taken, options.similarity);
        if group.members.len() >= 2 {
            taken.extend(group.members.iter().cloned());
            groups.push(group);
        }
    }
    groups
}

/// In one story, the fewest uses of a group's terms: a term used once has one context, and the
/// term nearest to it is chance ("stand" / "Tapachula", each written once in five articles).
const MIN_USES_IN_STORY: u32 = 2;

/// Across stories a context is a context within one story, so similarities run an order of
/// magnitude lower than in one story: the threshold is scaled by this.
const ACROSS_STORIES: f64 = 0.1;
/// Across stories, the least [`complementarity`] of a pair.
const MIN_COMPLEMENTARITY: f64 = 0.5;
/// Across stories, the fewest uses of each term of a pair: a rare phrase has few contexts, and
/// its nearest neighbour is chance.
const MIN_USES_ACROSS: u32 = 5;

/// Across stories, contexts shared within a story are few, and terms of one topic share them
/// as much as alternatives do. A pair is proposed when the two are each other's most similar
/// term (mutual nearest neighbours among the terms that share no word and that different
/// outlets lean to), with similarity at least `threshold`, and when outlets choose between
/// them: in the stories where both occur, at least half of the outlets writing either write
/// only one ([`complementarity`]).
fn pairs_across_stories(
    table: &TermTable,
    names: &Initials,
    contexts: &Contexts,
    pool: &[String],
    threshold: f64,
) -> Vec<SlotGroup> {
    let pool: Vec<String> = pool.iter().filter(|k| table.terms[*k].total() >= MIN_USES_ACROSS).cloned().collect();
    let nearest: Vec<Option<(f64, usize)>> = (0..pool.len())
        .map(|i| {
            (0..pool.len())
                .filter(|&j| {
                    j != i
                        && may_alternate(table, names, &pool[i], &pool[j])
                        && used_differently(table, &pool[i], &pool[j])
                })
                .map(|j| (similarity(contexts, &pool[i], &pool[j]), j))
                .filter(|(s, _)| *s > 0.0)
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        })
        .collect();
    (0..pool.len())
        .filter_map(|i| {
            let (s, j) = nearest[i]?;
            let mutual = nearest[j].is_some_and(|(_, k)| k == i);
            (i < j && mutual && s >= threshold && complementarity(table, &pool[i], &pool[j]) >= MIN_COMPLEMENTARITY)
                .then(|| SlotGroup {
                    name: pool[i].clone(),
                    members: vec![pool[i].clone(), pool[j].clone()],
                    similarity: vec![1.0, s],
                    ..SlotGroup::default()
                })
        })
        .collect()
}

/// In the stories where both terms occur, the share of the (story, outlet) cells using either
/// that use only one of them: near 1 when outlets choose between the two, 0 when every outlet
/// writing one also writes the other (two names of one topic: "Colorado" and "marijuana").
pub fn complementarity(table: &TermTable, a: &str, b: &str) -> f64 {
    let (a, b) = (&table.terms[a].by_story, &table.terms[b].by_story);
    let stories = |m: &std::collections::BTreeMap<(usize, usize), u32>| m.keys().map(|k| k.0).collect::<BTreeSet<_>>();
    let both: BTreeSet<usize> = stories(a).intersection(&stories(b)).copied().collect();
    let cells: BTreeSet<&(usize, usize)> = a.keys().chain(b.keys()).filter(|k| both.contains(&k.0)).collect();
    let one = cells.iter().filter(|k| a.contains_key(k) != b.contains_key(k)).count();
    if cells.is_empty() { 0.0 } else { one as f64 / cells.len() as f64 }
}

/// Whether different outlets choose `a` and `b`: the outlets using them differ, or, across
/// several stories (where most frequent terms are used by every outlet somewhere), the outlet
/// that uses each most often, for its length, differs.
fn used_differently(table: &TermTable, a: &str, b: &str) -> bool {
    users(table, a) != users(table, b) || (table.stories.len() > 1 && leaning(table, a) != leaning(table, b))
}

/// The group that uses `key` most for its length (terms of the same number of words).
fn leaning(table: &TermTable, key: &str) -> usize {
    let stats = &table.terms[key];
    let totals = &table.totals[stats.n - 1];
    let rate = |g: usize| if totals[g] > 0.0 { f64::from(stats.uses[g]) / totals[g] } else { 0.0 };
    (0..stats.uses.len()).max_by(|&x, &y| rate(x).total_cmp(&rate(y)).then(y.cmp(&x))).unwrap_or(0)
}

fn users(table: &TermTable, key: &str) -> Vec<bool> {
    table.terms[key].uses.iter().map(|&u| u > 0).collect()
}

/// Whether `a` and `b` (term keys) could be alternative labels. Not when they
/// - share a word;
/// - include a word of a date, a time or a quantity ("week" / "month", "last" / "recent"): facts,
///   not word choice;
/// - are two single words of different forms, -ing, past or neither ("wants" / "seemed",
///   "meeting" / "met" share a slot by chance; alternatives fill it in the same form). A phrase's
///   form is not its last word's ("illegally entered" / "made their way"), so phrases pass;
/// - are mostly one phrase ([`one_phrase`]);
/// - are one name written out and as initials ("u.s." / "united states", "eu" / "european
///   union"): spellings of one label, not alternatives; or one is a piece of a name whose
///   initials are the other ("service" of "Internal Revenue Service" / "irs"): [`one_name`].
///
/// Forms and classes are read from the surface written most often.
fn may_alternate(table: &TermTable, names: &Initials, a: &str, b: &str) -> bool {
    let (x, y) = (table.terms[a].surface(), table.terms[b].surface());
    let words = |t: &str| t.contains(' ');
    !shares_a_word(a, b)
        && !is_date_or_quantity(x)
        && !is_date_or_quantity(y)
        && (words(x) || words(y) || form(x) == form(y))
        && !one_phrase(table, a, b)
        && !one_name(names, x, y)
        && !one_name(names, y, x)
}

/// The corpus's phrases by their initials ("irs" → "internal revenue service"), for
/// [`one_name`].
struct Initials(BTreeMap<String, Vec<String>>);

impl Initials {
    fn of(table: &TermTable) -> Initials {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for stats in table.terms.values() {
            let phrase = stats.surface();
            if phrase.contains(' ') {
                map.entry(initials(phrase)).or_default().push(phrase.to_string());
            }
        }
        Initials(map)
    }
}

fn initials(phrase: &str) -> String {
    phrase.split(' ').filter_map(|w| w.chars().next()).collect()
}

/// Whether `short` (as written most often) is the initials of `long`, or of a phrase of the
/// corpus that holds `long`'s words.
fn one_name(names: &Initials, short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| *c != '.').collect();
    if short.contains(' ') || !(2..=5).contains(&letters.chars().count()) || !letters.chars().all(char::is_alphabetic) {
        return false;
    }
    let holds = |phrase: &str| {
        let words: Vec<&str> = phrase.split(' ').collect();
        long.split(' ').all(|w| words.contains(&w))
    };
    initials(long) == letters || names.0.get(&letters).is_some_and(|phrases| phrases.iter().any(|p| holds(p)))
}

/// Whether `a` and `b` are mostly written side by side, as one phrase ("President Barack",
/// "Rodham Clinton"): at least a fifth of the rarer one's uses. Parts of one name fill
/// neighbouring slots, not the same one.
fn one_phrase(table: &TermTable, a: &str, b: &str) -> bool {
    let rarer = table.terms[a].total().min(table.terms[b].total());
    let together: u32 =
        [format!("{a} {b}"), format!("{b} {a}")].iter().filter_map(|k| table.terms.get(k)).map(|t| t.total()).sum();
    together > 0 && together * 5 >= rarer
}

fn is_date_or_quantity(term: &str) -> bool {
    let e = english();
    [&e.calendar_words, &e.time_words, &e.quantifiers, &e.determiners].iter().any(|class| class.contains(&term))
}

/// How a single word ends, for [`may_alternate`].
#[derive(PartialEq, Eq)]
enum Form {
    Ing,
    Past,
    Other,
}

fn form(word: &str) -> Form {
    let e = english();
    if word.len() >= 5 && word.ends_with("ing") {
        Form::Ing
    } else if (word.len() >= 4 && word.ends_with("ed") && !word.ends_with("eed"))
        || e.irregular_past_forms.contains(&word)
        || e.irregular_participles.contains(&word)
    {
        Form::Past
    } else {
        Form::Other
    }
}

fn shares_a_word(a: &str, b: &str) -> bool {
    let words: BTreeSet<&str> = a.split(' ').collect();
    b.split(' ').any(|w| words.contains(w))
}

fn grow(
    table: &TermTable,
    names: &Initials,
    contexts: &Contexts,
    pool: &[String],
    seed: &str,
    taken: &BTreeSet<String>,
    threshold: f64,
) -> SlotGroup {
    let mut near: Vec<(f64, &String)> = pool
        .iter()
        .filter(|t| t.as_str() != seed && !taken.contains(*t))
        .filter(|t| used_differently(table, seed, t) && may_alternate(table, names, seed, t))
        .map(|t| (similarity(contexts, seed, t), t))
        .filter(|(s, _)| *s >= threshold)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut group = SlotGroup {
        name: seed.to_string(),
        members: vec![seed.to_string()],
        similarity: vec![1.0],
        ..SlotGroup::default()
    };
    for (s, term) in near {
        if group.members.len() >= MAX_MEMBERS {
            break;
        }
        if group.members.iter().any(|m| !may_alternate(table, names, m, term)) {
            continue;
        }
        group.members.push(term.clone());
        group.similarity.push(s);
    }
    group
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::{VoiceFilter, rank};
    use crate::text::{Stemmer, TextOptions};

    /// Six stories; in each, A writes "scheme" and B "plan" in the same slot, and both write
    /// the story's own topic words side by side.
    fn table() -> TermTable {
        let mut t = TermTable::default();
        let stemmer = Stemmer::default();
        let topics = ["flood town", "budget vote", "border wall", "school board", "trade deal", "court case"];
        for (s, topic) in topics.iter().enumerate() {
            for (outlet, word) in [("A", "scheme"), ("B", "plan")] {
                for k in 0..3 {
                    let text = format!(
                        "Critics said the {word} would fail, and the {topic} dominated day {k}. Officials defended the {word} again."
                    );
                    t.add_article(&format!("s{s}"), outlet, &text, VoiceFilter::Own, TextOptions::default(), &stemmer);
                }
            }
        }
        t
    }

    #[test]
    fn dates_quantities_and_other_word_forms_are_not_alternatives() {
        let mut t = TermTable::default();
        let text = "The plan and the proposal came last week, a month after he wants what seemed a meeting they met, he told reporters. President Barack Obama spoke; the president left. The EU and the European Union, the U.S. and the United States; the IRS, the Internal Revenue Service and its service; the union.";
        t.add_article("s", "A", text, VoiceFilter::Own, TextOptions::default(), &Stemmer::default());
        let key = |surface: &str| {
            t.terms.iter().find(|(_, stats)| stats.surface() == surface).map(|(k, _)| k.clone()).expect(surface)
        };
        let names = Initials::of(&t);
        let may = |a: &str, b: &str| may_alternate(&t, &names, &key(a), &key(b));
        assert!(may("plan", "proposal"));
        assert!(!may("week", "month"), "units of time");
        assert!(!may("last", "plan"), "a date word");
        assert!(!may("wants", "seemed") && !may("meeting", "met"), "other forms");
        assert!(may("seemed", "told"), "past and past");
        assert!(!may("president", "barack"), "mostly one phrase: parts of one name");
        assert!(may("president", "plan"), "written apart");
        assert!(!may("eu", "european union") && !may("u.s.", "united states"), "initials of the same words");
        assert!(!may("irs", "service"), "a piece of the name the initials stand for");
        assert!(may("irs", "plan") && may("eu", "plan"), "a word the name lacks");
    }

    #[test]
    fn in_one_story_a_term_written_once_joins_no_group() {
        let mut t = TermTable::default();
        let stemmer = Stemmer::default();
        let said = |word: &str| format!("Critics said the {word} would fail. Officials defended the {word} again.");
        for (outlet, text) in [
            ("A", said("scheme")),
            ("B", said("plan")),
            ("C", said("ruse").replace(" Officials defended the ruse again.", "")),
        ] {
            t.add_article("s", outlet, &text, VoiceFilter::Own, TextOptions::default(), &stemmer);
        }
        let options = SuggestOptions::default();
        let groups = slot_groups(&t, &rank(&t, &options), &options, &|_| false);
        let members: Vec<&str> = groups.iter().flat_map(|g| g.members.iter().map(String::as_str)).collect();
        assert!(members.contains(&"scheme") && members.contains(&"plan"), "{members:?}");
        assert!(!members.contains(&"ruse"), "written once: {members:?}");
    }

    #[test]
    fn across_stories_alternatives_pair_up_and_words_of_one_topic_do_not() {
        let t = table();
        assert_eq!(complementarity(&t, "scheme", "plan"), 1.0, "each outlet writes one of them");
        assert_eq!(complementarity(&t, "flood", "town"), 0.0, "every outlet writes both");
        let options = SuggestOptions::default();
        let groups = slot_groups(&t, &rank(&t, &options), &options, &|_| false);
        let pairs: Vec<Vec<&str>> = groups.iter().map(|g| g.members.iter().map(String::as_str).collect()).collect();
        assert!(pairs.iter().any(|p| p.contains(&"scheme") && p.contains(&"plan")), "{pairs:?}");
        assert!(!pairs.iter().flatten().any(|m| ["flood", "town", "budget", "vote"].contains(m)), "{pairs:?}");
        let none = slot_groups(&t, &rank(&t, &options), &options, &|k| k == "scheme");
        assert!(!none.iter().any(|g| g.members.iter().any(|m| m == "scheme")), "style is left out of groups");
    }
}
