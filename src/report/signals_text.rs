//! The parts of `report.md` about hedges and media credits, agency, tone toward actors, loaded
//! language, naming and coverage of facts, each with findings that name their evidence rows.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::copies::OutletCopies;

use super::comparison::ComparisonFiles;
use super::markdown_parts::{chart_link, share};
use crate::features::{Agency, NameForm, SignalKind, SignalSet};

/// A cell of a signal left out of the run (`--signals`).
const NOT_MEASURED: &str = "not measured";
use crate::lexicon::{LexiconSet, LoadedClass};
use crate::quotes::Voice;
use crate::table::Totals;

/// Hedges per 1,000 own-voice words and credits to other media, per outlet; the cells of a
/// signal not in `signals` say it was not measured.
pub fn hedges_and_credits_section(md: &mut String, outlets: &BTreeMap<String, Totals>, signals: SignalSet) {
    let (hedged, credited) = (signals.contains(SignalKind::Hedge), signals.contains(SignalKind::Credit));
    if !hedged && !credited {
        return;
    }
    let _ = writeln!(md, "### Hedges and credits to other media\n");
    let _ = writeln!(
        md,
        "| outlet | hedges (own voice) | per 1,000 own words | media credited | attributions credited to a wire agency |"
    );
    let _ = writeln!(md, "|---|---:|---:|---|---:|");
    for (outlet, t) in outlets {
        let hedges = t.signals.own_hedges();
        let per_1k = if t.own_words > 0 { hedges as f64 * 1000.0 / t.own_words as f64 } else { 0.0 };
        let credits: Vec<String> = t.signals.credits().iter().map(|(m, n, _)| format!("{m} ({n})")).collect();
        let wire = share(t.voices.credited.1 as f64, t.voices.attributions() as f64);
        let (hedges, per_1k) = if hedged {
            (hedges.to_string(), format!("{per_1k:.1}"))
        } else {
            (NOT_MEASURED.into(), NOT_MEASURED.into())
        };
        let (credits, wire) = if credited {
            (or_dash(&credits.join(", ")).to_string(), format!("{:.0}%", wire * 100.0))
        } else {
            (NOT_MEASURED.into(), NOT_MEASURED.into())
        };
        let _ = writeln!(md, "| {outlet} | {hedges} | {per_1k} | {credits} | {wire} |");
    }
    md.push('\n');
    let most_hedged = outlets
        .iter()
        .filter(|(_, t)| t.signals.own_hedges() > 0)
        .max_by(|a, b| per_1k(a.1).total_cmp(&per_1k(b.1)).then(b.0.cmp(a.0)));
    if let Some((outlet, t)) = most_hedged {
        let forms: Vec<&str> = t.signals.hedges().iter().filter(|(_, own, _)| *own > 0).map(|(h, _, _)| *h).collect();
        let _ = writeln!(
            md,
            "- {outlet} hedges most: {:.1} per 1,000 own-voice words ({}). Evidence: `evidence.csv` where `signal = hedge` and `outlet = {outlet}`.",
            per_1k(t),
            forms.join(", ")
        );
    }
    for (outlet, t) in outlets.iter().filter(|(_, t)| !t.signals.credits().is_empty()) {
        let media: Vec<&str> = t.signals.credits().iter().map(|(m, _, _)| *m).collect();
        let _ = writeln!(
            md,
            "- {outlet} credits {}. Evidence: `media_credits.csv`, and `evidence.csv` where `signal = credit` and `outlet = {outlet}`.",
            media.join(", ")
        );
    }
    md.push('\n');
}

fn per_1k(t: &Totals) -> f64 {
    if t.own_words > 0 { t.signals.own_hedges() as f64 * 1000.0 / t.own_words as f64 } else { 0.0 }
}

/// A count per 1,000 words as a table cell ("–" without words).
fn rate(n: u64, words: u64) -> String {
    if words > 0 { format!("{:.1}", n as f64 * 1000.0 / words as f64) } else { "–".into() }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "–" } else { s }
}

/// Agency of each key event: active, passive or nominal, with or without a named agent.
pub fn agency_section(md: &mut String, outlets: &BTreeMap<String, Totals>, set: &LexiconSet) {
    if set.events.is_empty() {
        return;
    }
    let _ = writeln!(md, "## Agency\n");
    for event in &set.events {
        let _ = writeln!(md, "### {} — {}\n", event.id, event.description);
        let classes: Vec<&str> = Agency::ALL.iter().map(|a| a.as_str()).collect();
        let _ = writeln!(md, "| outlet | {} |", classes.join(" | "));
        let _ = writeln!(md, "|---|{}", "---:|".repeat(classes.len()));
        let mut named: Vec<(&String, f64, u64)> = Vec::new();
        for (outlet, t) in outlets {
            let count = |c: &str| Agency::named(c).map_or(0, |class| t.signals.agency(&event.id, class));
            let cells: Vec<String> = classes.iter().map(|c| count(c).to_string()).collect();
            let _ = writeln!(md, "| {outlet} | {} |", cells.join(" | "));
            let all: u64 = classes.iter().map(|c| count(c)).sum();
            let with_agent = count("active_agent") + count("passive_agent") + count("nominal_agent");
            if all > 0 {
                named.push((outlet, with_agent as f64 / all as f64, all));
            }
        }
        md.push('\n');
        named.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        if let (Some(most), Some(least)) = (named.first(), named.last())
            && named.len() > 1
            && most.1 > least.1
        {
            let _ = writeln!(
                md,
                "- {} names who did it in {:.0}% of its {} mentions; {} in {:.0}% of {}. Evidence: `evidence.csv` where `signal = agency` and `concept = {}`.\n",
                most.0,
                most.1 * 100.0,
                most.2,
                least.0,
                least.1 * 100.0,
                least.2,
                event.id
            );
        }
    }
}

/// Mean tone (VADER compound) of sentences mentioning each actor, own voice and quoted.
pub fn tone_section(md: &mut String, outlets: &BTreeMap<String, Totals>, set: &LexiconSet) {
    if set.actors.is_empty() {
        return;
    }
    let _ = writeln!(md, "## Tone toward actors\n");
    let _ = writeln!(
        md,
        "Mean VADER compound score (−1 to +1) of the sentences that mention each actor, in the outlet's own voice (sentences in brackets). Sentences about a violent story score negative whoever is blamed: compare outlets, not signs.\n"
    );
    let names: Vec<&String> = outlets.keys().collect();
    let _ = writeln!(md, "| actor | {} |", names.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" | "));
    let _ = writeln!(md, "|---|{}", "---:|".repeat(names.len()));
    for actor in &set.actors {
        let cells: Vec<String> = outlets
            .values()
            .map(|t| match t.signals.tone(&actor.id, Voice::Own) {
                Some(s) if s.count > 0 => format!("{:+.2} ({})", s.score / s.count as f64, s.count),
                _ => "–".to_string(),
            })
            .collect();
        let _ = writeln!(md, "| {} | {} |", actor.id, cells.join(" | "));
    }
    md.push('\n');
    for actor in &set.actors {
        let means: Vec<(&String, f64)> = outlets
            .iter()
            .filter_map(|(o, t)| {
                t.signals.tone(&actor.id, Voice::Own).filter(|s| s.count >= 2).map(|s| (o, s.score / s.count as f64))
            })
            .collect();
        let low = means.iter().min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(b.0)));
        let high = means.iter().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(a.0)));
        if let (Some(low), Some(high)) = (low, high)
            && means.len() > 1
            && high.1 - low.1 >= 0.2
        {
            let _ = writeln!(
                md,
                "- Sentences about {} read most negative at {} ({:+.2}) and least at {} ({:+.2}). Evidence: `evidence.csv` where `signal = tone` and `concept = {}`.",
                actor.id, low.0, low.1, high.0, high.1, actor.id
            );
        }
    }
    md.push('\n');
}

/// Which facts each outlet reports, and where first.
pub fn coverage_section(
    md: &mut String,
    outlets: &BTreeMap<String, Totals>,
    set: &LexiconSet,
    files: Option<&ComparisonFiles>,
) {
    if set.facts.is_empty() {
        return;
    }
    let _ = writeln!(md, "## Coverage of facts\n");
    chart_link(md, files, "coverage");
    let names: Vec<&String> = outlets.keys().collect();
    let _ = writeln!(md, "Cells: mentions (first paragraph, from 0).\n");
    let _ = writeln!(md, "| fact | {} |", names.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" | "));
    let _ = writeln!(md, "|---|{}", "---:|".repeat(names.len()));
    for fact in &set.facts {
        let cells: Vec<String> = outlets
            .values()
            .map(|t| {
                t.signals.fact(&fact.id).map_or("–".to_string(), |f| format!("{} ({})", f.count, f.first_paragraph))
            })
            .collect();
        let _ = writeln!(md, "| {} | {} |", fact.id, cells.join(" | "));
    }
    md.push('\n');
    for fact in &set.facts {
        let with: Vec<&str> =
            outlets.iter().filter(|(_, t)| t.signals.fact(&fact.id).is_some()).map(|(o, _)| o.as_str()).collect();
        if with.len() == 1 && outlets.len() > 2 {
            let _ = writeln!(
                md,
                "- Only {} reports {} ({}). Evidence: `evidence.csv` where `signal = fact` and `concept = {}`.",
                with[0],
                fact.id,
                fact.description.trim_end_matches('.'),
                fact.id
            );
        }
    }
    md.push('\n');
}

/// Loaded language per outlet: flags per 1,000 words of each voice, and own-voice rates by class.
pub fn loaded_section(md: &mut String, outlets: &BTreeMap<String, Totals>) {
    if outlets.values().all(|t| t.signals.loaded(None, Voice::Own) + t.signals.loaded(None, Voice::Quoted) == 0) {
        return;
    }
    let _ = writeln!(md, "## Loaded language\n");
    let _ = writeln!(
        md,
        "Flags per 1,000 words of each voice: loaded words from `lexicons/general/loaded.toml` (pejorative labels, attack verbs, intensifiers, evaluative words, loaded nouns) and scare quotes (short quoted fragments no speaker is credited with, which count in the outlet's own voice, and \"so-called\" before a word, in the voice it stands in). The class columns are own-voice rates. Evidence: `evidence.csv` where `signal = loaded`.\n"
    );
    let classes: Vec<LoadedClass> = LoadedClass::ALL.to_vec();
    let names: Vec<&str> = classes.iter().map(|c| c.as_str()).collect();
    let _ = writeln!(md, "| outlet | own voice | quoted | {} |", names.join(" | "));
    let _ = writeln!(md, "|---|---:|---:|{}", "---:|".repeat(classes.len()));
    for (outlet, t) in outlets {
        let cells: Vec<String> =
            classes.iter().map(|c| rate(t.signals.loaded(Some(*c), Voice::Own), t.own_words)).collect();
        let _ = writeln!(
            md,
            "| {outlet} | {} | {} | {} |",
            rate(t.signals.loaded(None, Voice::Own), t.own_words),
            rate(t.signals.loaded(None, Voice::Quoted), t.quoted_words()),
            cells.join(" | ")
        );
    }
    md.push('\n');
}

/// How outlets name people: names after a courtesy title or a title of office per 1,000 words of
/// each voice, and the courtesy share of titled names in the outlet's own voice.
pub fn naming_section(md: &mut String, outlets: &BTreeMap<String, Totals>) {
    let named = |t: &Totals, voice| NameForm::ALL.iter().map(|f| t.signals.names(*f, voice)).sum::<u64>();
    if outlets.values().all(|t| named(t, Voice::Own) + named(t, Voice::Quoted) == 0) {
        return;
    }
    let _ = writeln!(md, "## Naming\n");
    let _ = writeln!(
        md,
        "Names after a courtesy title (\"Mr. Obama\") or a title of office, rank or profession (\"President Obama\", \"Sen. Reid\"), per 1,000 words of each voice, and the share of the outlet's own titled names that take a courtesy title. A title gives its holder standing; courtesy titles on every later reference are also some outlets' house style, so read a difference in them as one of convention as much as of deference. Evidence: `evidence.csv` where `signal = naming`.\n"
    );
    let _ = writeln!(
        md,
        "| outlet | courtesy (own) | title (own) | courtesy (quoted) | title (quoted) | courtesy share (own) |"
    );
    let _ = writeln!(md, "|---|---:|---:|---:|---:|---:|");
    for (outlet, t) in outlets {
        let n = |form, voice| t.signals.names(form, voice);
        let own = named(t, Voice::Own);
        let courtesy_share = if own > 0 {
            format!("{:.0}%", 100.0 * share(n(NameForm::Courtesy, Voice::Own) as f64, own as f64))
        } else {
            "–".into()
        };
        let _ = writeln!(
            md,
            "| {outlet} | {} | {} | {} | {} | {courtesy_share} |",
            rate(n(NameForm::Courtesy, Voice::Own), t.own_words),
            rate(n(NameForm::Title, Voice::Own), t.own_words),
            rate(n(NameForm::Courtesy, Voice::Quoted), t.quoted_words()),
            rate(n(NameForm::Title, Voice::Quoted), t.quoted_words()),
        );
    }
    md.push('\n');
}

/// Near-duplicate articles: how many copy an earlier one, and each outlet's wire dependence.
pub(super) fn copies_section(md: &mut String, copies: &[OutletCopies], dropped: bool) {
    let total: u64 = copies.iter().map(|c| c.copies).sum();
    let _ = writeln!(md, "## Copies\n");
    if total == 0 {
        let _ = writeln!(md, "No article copies an earlier one (near-duplicate own-voice text; `duplicates.csv`).\n");
        return;
    }
    let articles: u64 = copies.iter().map(|c| c.articles).sum();
    let _ = writeln!(
        md,
        "{total} of {articles} articles copy most of an earlier article's own-voice text: wire copies and republications, listed with the article they copy in `duplicates.csv`. {}\n",
        if dropped {
            "They are left out of the outlet tables, intervals and comparison below (`--drop-copies`)."
        } else {
            "They count in every outlet table below; `--drop-copies` leaves them out."
        }
    );
    let _ = writeln!(md, "| outlet | articles | copies | of another outlet | wire-dependent share |");
    let _ = writeln!(md, "|---|---:|---:|---:|---:|");
    for c in copies.iter().filter(|c| c.copies > 0 || c.wire_dependent > 0) {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {:.0}% |",
            c.outlet,
            c.articles,
            c.copies,
            c.copies_of_other_outlets,
            share(c.wire_dependent as f64, c.articles as f64) * 100.0
        );
    }
    let _ = writeln!(
        md,
        "\nWire-dependent: in a group of copies that holds a wire agency's article (`wire = true` in the media list). Per-outlet counts: `copies.csv`.\n"
    );
}
