//! `framelens rules`: the attribution rules, then the boilerplate rules (which `--keep-lines`
//! names), each in the order they apply, with what each does.

use std::io::{self, Write};

use framelens::quotes::{RULES, RuleKind};
use framelens::text::boilerplate;

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

/// The rules table: name, whether it finds or shapes attributions or removes lines, and what
/// it does.
fn write_rules(out: &mut impl Write) -> io::Result<()> {
    let attribution = RULES.iter().map(|rule| {
        let kind = match rule.kind {
            RuleKind::Finds => "finds",
            RuleKind::Shapes => "shapes",
        };
        (rule.name, kind, rule.description)
    });
    let lines = boilerplate::RULES.iter().map(|rule| (rule.name, "removes", rule.description));
    let rows: Vec<_> = attribution.chain(lines).collect();
    let width = rows.iter().map(|(name, _, _)| name.len()).max().unwrap_or(0);
    for (name, kind, description) in rows {
        writeln!(out, "{name:width$}  {kind:7}  {description}")?;
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
        let expected: Vec<&str> =
            RULES.iter().map(|r| r.name).chain(boilerplate::RULES.iter().map(|r| r.name)).collect();
        assert_eq!(names, expected);
        assert!(text.lines().next().unwrap().contains("finds"));
        assert!(text.lines().last().unwrap().contains("removes"));
    }
}
