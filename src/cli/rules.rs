//! `framelens rules`: the attribution rules, in the order they apply, with what each does.

use std::io::{self, Write};

use framelens::quotes::{RULES, RuleKind};

use super::Outcome;

/// Arguments of `framelens rules`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `framelens rules`.
pub fn run(_args: &Args) -> anyhow::Result<Outcome> {
    let mut out = io::stdout().lock();
    write_rules(&mut out)?;
    out.flush()?;
    Ok(Outcome::unless_skipped(false))
}

/// The rules table: name, whether it finds or shapes attributions, and what it does.
fn write_rules(out: &mut impl Write) -> io::Result<()> {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for rule in RULES {
        let kind = match rule.kind {
            RuleKind::Finds => "finds ",
            RuleKind::Shapes => "shapes",
        };
        writeln!(out, "{:width$}  {kind}  {}", rule.name, rule.description)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_one_line_in_order() {
        let mut out = Vec::new();
        write_rules(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let names: Vec<&str> = text.lines().map(|l| l.split_whitespace().next().unwrap()).collect();
        assert_eq!(names, RULES.iter().map(|r| r.name).collect::<Vec<_>>());
        assert!(text.lines().next().unwrap().contains("finds"));
    }
}
