//! Tables and feature columns of the signals beyond word choice and voices: attribution style by
//! speaker group, media credits, hedges, tone toward actors, agency of key events, and coverage
//! of facts. Columns are fixed by the lexicons, so per-article tables can stream.

use super::columns;
use polars::prelude::DataFrame;

use super::frame::{FrameBuilder, ratio};
use super::{Group, Totals};
use crate::features::Agency;
use crate::lexicon::LexiconSet;
use crate::quotes::Voice;

/// Feature columns: `hedge_per_1k_own`, `media_credits`, `media_credited_share`,
/// `media_wire_share`, `cov__{fact}_share`, `agency__{event}__{class}_share`,
/// `tone__{actor}__{voice}`.
pub fn signal_columns(mut frame: FrameBuilder, totals: &[&Totals], set: &LexiconSet) -> FrameBuilder {
    let measure = |f: &dyn Fn(&Totals) -> Option<f64>| totals.iter().map(|t| f(t)).collect::<Vec<_>>();
    frame = frame
        .measure(
            columns::HEDGE_PER_1K_OWN,
            measure(&|t| ratio(t.signals.own_hedges() as f64 * 1000.0, t.own_words as f64)),
        )
        .count(columns::MEDIA_CREDITS, totals.iter().map(|t| t.signals.credits.values().map(|c| c.0).sum()).collect())
        .measure(
            "media_credited_share",
            measure(&|t| ratio(t.voices.credited.0 as f64, t.voices.attributions() as f64)),
        )
        .measure(
            columns::MEDIA_WIRE_SHARE,
            measure(&|t| ratio(t.voices.credited.1 as f64, t.voices.attributions() as f64)),
        );
    for fact in &set.facts {
        let share = measure(&|t| ratio(t.signals.facts.get(&fact.id).map_or(0, |f| f.1) as f64, t.articles as f64));
        frame = frame.measure(&columns::coverage_share(&fact.id), share);
    }
    for event in &set.events {
        let all =
            |t: &Totals| t.signals.agency.iter().filter(|((e, _), _)| *e == event.id).map(|(_, n)| n).sum::<u64>();
        for class in Agency::ALL {
            let key = (event.id.clone(), class.as_str());
            let share = measure(&|t| ratio(t.signals.agency.get(&key).copied().unwrap_or(0) as f64, all(t) as f64));
            frame = frame.measure(&columns::agency_share(&event.id, class.as_str()), share);
        }
    }
    for actor in &set.actors {
        for voice in [Voice::Own, Voice::Quoted] {
            let key = (actor.id.clone(), voice);
            let mean = measure(&|t| t.signals.tone.get(&key).and_then(|(sum, n)| ratio(*sum, *n as f64)));
            frame = frame.measure(&columns::tone_mean(&actor.id, voice.as_str()), mean);
        }
    }
    frame
}

fn outlet(g: &Group) -> &str {
    g.keys[0].1.as_str()
}

/// `attribution`: outlet × cue class × speaker group → attributions.
pub fn attribution_table(groups: &[Group]) -> DataFrame {
    let rows: Vec<(&str, &str, &str, u64)> = groups
        .iter()
        .flat_map(|g| {
            g.totals.voices.by_cue_and_group.iter().map(move |((c, grp), n)| (outlet(g), *c, grp.as_str(), *n))
        })
        .collect();
    FrameBuilder::default()
        .text(columns::OUTLET, &rows.iter().map(|r| r.0).collect::<Vec<_>>())
        .text(columns::CUE_CLASS, &rows.iter().map(|r| if r.1.is_empty() { "none" } else { r.1 }).collect::<Vec<_>>())
        .text(columns::GROUP, &rows.iter().map(|r| r.2).collect::<Vec<_>>())
        .count(columns::ATTRIBUTIONS, rows.iter().map(|r| r.3).collect())
        .build()
}

/// `media_credits`: outlet × credited medium → credits, with the wire flag.
pub fn media_credits_table(groups: &[Group]) -> DataFrame {
    let rows: Vec<(&str, &str, bool, u64)> = groups
        .iter()
        .flat_map(|g| g.totals.signals.credits.iter().map(move |(m, (n, wire))| (outlet(g), m.as_str(), *wire, *n)))
        .collect();
    FrameBuilder::default()
        .text(columns::OUTLET, &rows.iter().map(|r| r.0).collect::<Vec<_>>())
        .text(columns::MEDIUM, &rows.iter().map(|r| r.1).collect::<Vec<_>>())
        .text(columns::WIRE, &rows.iter().map(|r| if r.2 { "true" } else { "false" }).collect::<Vec<_>>())
        .count(columns::CREDITS, rows.iter().map(|r| r.3).collect())
        .build()
}

/// `hedges`: outlet × hedge → own-voice and quoted uses, and own-voice uses per 1,000 own words.
pub fn hedges_table(groups: &[Group]) -> DataFrame {
    let rows: Vec<(&Group, &str, (u64, u64))> =
        groups.iter().flat_map(|g| g.totals.signals.hedges.iter().map(move |(h, n)| (g, h.as_str(), *n))).collect();
    FrameBuilder::default()
        .text(columns::OUTLET, &rows.iter().map(|r| outlet(r.0)).collect::<Vec<_>>())
        .text(columns::HEDGE, &rows.iter().map(|r| r.1).collect::<Vec<_>>())
        .count(columns::OWN, rows.iter().map(|r| r.2.0).collect())
        .count(columns::QUOTED, rows.iter().map(|r| r.2.1).collect())
        .measure(
            columns::OWN_PER_1K,
            rows.iter().map(|r| ratio(r.2.0 as f64 * 1000.0, r.0.totals.own_words as f64)).collect(),
        )
        .build()
}

/// `tone`: outlet × actor × voice → sentences and their mean VADER compound score.
pub fn tone_table(groups: &[Group]) -> DataFrame {
    let rows: Vec<(&str, &str, Voice, (f64, u64))> = groups
        .iter()
        .flat_map(|g| g.totals.signals.tone.iter().map(move |((a, v), s)| (outlet(g), a.as_str(), *v, *s)))
        .collect();
    FrameBuilder::default()
        .text(columns::OUTLET, &rows.iter().map(|r| r.0).collect::<Vec<_>>())
        .text(columns::ACTOR, &rows.iter().map(|r| r.1).collect::<Vec<_>>())
        .text(columns::VOICE, &rows.iter().map(|r| r.2.as_str()).collect::<Vec<_>>())
        .count(columns::SENTENCES, rows.iter().map(|r| r.3.1).collect())
        .measure(columns::MEAN_COMPOUND, rows.iter().map(|r| ratio(r.3.0, r.3.1 as f64)).collect())
        .build()
}

/// `agency`: outlet × event × class → mentions and share of the event's mentions; every class
/// listed, zeros included, so outlets line up.
pub fn agency_table(groups: &[Group], set: &LexiconSet) -> DataFrame {
    let mut rows: Vec<(&str, &str, &'static str, u64, u64)> = Vec::new();
    for g in groups {
        for event in &set.events {
            let all: u64 = g.totals.signals.agency.iter().filter(|((e, _), _)| *e == event.id).map(|(_, n)| n).sum();
            for class in Agency::ALL {
                let n = g.totals.signals.agency.get(&(event.id.clone(), class.as_str())).copied().unwrap_or(0);
                rows.push((outlet(g), &event.id, class.as_str(), n, all));
            }
        }
    }
    FrameBuilder::default()
        .text(columns::OUTLET, &rows.iter().map(|r| r.0).collect::<Vec<_>>())
        .text(columns::EVENT, &rows.iter().map(|r| r.1).collect::<Vec<_>>())
        .text(columns::CLASS, &rows.iter().map(|r| r.2).collect::<Vec<_>>())
        .count(columns::MENTIONS, rows.iter().map(|r| r.3).collect())
        .measure(columns::SHARE, rows.iter().map(|r| ratio(r.3 as f64, r.4 as f64)).collect())
        .build()
}

/// A fact's (mentions, articles, earliest paragraph).
type FactSums = (u64, u64, u64);

/// `coverage`: outlet × fact → mentions, articles mentioning it, their share, and the earliest
/// paragraph (empty when never mentioned); every fact listed for every outlet.
pub fn coverage_table(groups: &[Group], set: &LexiconSet) -> DataFrame {
    let mut rows: Vec<(&str, &str, Option<FactSums>, u64)> = Vec::new();
    for g in groups {
        for fact in &set.facts {
            rows.push((outlet(g), &fact.id, g.totals.signals.facts.get(&fact.id).copied(), g.totals.articles));
        }
    }
    FrameBuilder::default()
        .text(columns::OUTLET, &rows.iter().map(|r| r.0).collect::<Vec<_>>())
        .text(columns::FACT, &rows.iter().map(|r| r.1).collect::<Vec<_>>())
        .count(columns::MENTIONS, rows.iter().map(|r| r.2.map_or(0, |f| f.0)).collect())
        .count(columns::ARTICLES, rows.iter().map(|r| r.2.map_or(0, |f| f.1)).collect())
        .measure(
            columns::ARTICLES_SHARE,
            rows.iter().map(|r| ratio(r.2.map_or(0, |f| f.1) as f64, r.3 as f64)).collect(),
        )
        .maybe_count(columns::FIRST_PARAGRAPH, rows.iter().map(|r| r.2.map(|f| f.2)).collect())
        .build()
}
