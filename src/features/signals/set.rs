//! Which signals a run measures (`--signals`). A signal left out is not computed (its phrases
//! are not even compiled), and its evidence rows, feature columns, table and `report.md` section
//! are absent rather than zero, so that "not measured" never reads as "never found".

use std::fmt;
use std::str::FromStr;

use super::{SIGNALS, SignalEntry, SignalKind};

/// A set of the signals of the registry. The default is every signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SignalSet(u32);

impl Default for SignalSet {
    fn default() -> SignalSet {
        SignalSet::all()
    }
}

impl SignalSet {
    /// Every signal of [`SIGNALS`].
    pub fn all() -> SignalSet {
        SignalSet((1 << SIGNALS.len()) - 1)
    }

    /// No signal: word choice and voices only.
    pub fn none() -> SignalSet {
        SignalSet(0)
    }

    /// This set with `kind` added.
    pub fn with(self, kind: SignalKind) -> SignalSet {
        SignalSet(self.0 | 1 << kind as u32)
    }

    /// Whether `kind` is measured.
    pub fn contains(self, kind: SignalKind) -> bool {
        self.0 & (1 << kind as u32) != 0
    }

    /// Whether no signal is measured.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The measured signals' entries, in registry order.
    pub fn entries(self) -> impl Iterator<Item = &'static SignalEntry> {
        SIGNALS.iter().filter(move |e| self.contains(e.kind))
    }

    /// The signals left out, in registry order.
    pub fn left_out(self) -> impl Iterator<Item = &'static SignalEntry> {
        SIGNALS.iter().filter(move |e| !self.contains(e.kind))
    }
}

/// `all`, `none`, or the measured signals' names joined by commas, in registry order: the form
/// [`SignalSet::from_str`] reads back.
impl fmt::Display for SignalSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == SignalSet::all() {
            return f.write_str("all");
        }
        if self.is_empty() {
            return f.write_str("none");
        }
        let names: Vec<&str> = self.entries().map(|e| e.name).collect();
        f.write_str(&names.join(","))
    }
}

impl FromStr for SignalSet {
    type Err = String;

    /// A comma-separated list of signal names (`evidence.signal`), or `all`, or `none`.
    /// Spaces around names are ignored; an unknown name is an error that lists the known ones.
    fn from_str(list: &str) -> Result<SignalSet, String> {
        let mut set = SignalSet::none();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "all" => set = SignalSet::all(),
                "none" => {}
                _ => match SIGNALS.iter().find(|e| e.name == name) {
                    Some(entry) => set = set.with(entry.kind),
                    None => {
                        let known: Vec<&str> = SIGNALS.iter().map(|e| e.name).collect();
                        return Err(format!(
                            "unknown signal `{name}`; the signals are {}, or all, or none",
                            known.join(", ")
                        ));
                    }
                },
            }
        }
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_reads_back_from_its_display() {
        let set: SignalSet = "tone, hedge".parse().unwrap();
        assert!(set.contains(SignalKind::Tone) && set.contains(SignalKind::Hedge));
        assert!(!set.contains(SignalKind::Loaded) && !set.contains(SignalKind::Credit));
        assert_eq!(set.to_string(), "hedge,tone");
        assert_eq!(set.to_string().parse::<SignalSet>().unwrap(), set);
        assert_eq!(SignalSet::all().to_string(), "all");
        assert_eq!("all".parse::<SignalSet>().unwrap(), SignalSet::all());
        assert_eq!("none".parse::<SignalSet>().unwrap(), SignalSet::none());
        assert_eq!(SignalSet::none().to_string(), "none");
        assert_eq!(SignalSet::all().entries().count(), SIGNALS.len());
        assert_eq!(set.left_out().count(), SIGNALS.len() - 2);
    }

    #[test]
    fn an_unknown_name_is_refused_with_the_known_ones() {
        let err = "hedges".parse::<SignalSet>().unwrap_err();
        assert!(err.contains("`hedges`") && err.contains("hedge, credit"), "{err}");
    }
}
