//! Loading: problems named with file and line, limits, and what is kept when a file fails.

use super::*;
use crate::lexicon::Gender;

const HEADER: &str = "[lexicon]\nid = \"t\"\nversion = \"1\"\n[frames]\nviolence = \"v\"\n";

fn problems(body: &str) -> Vec<String> {
    let text = format!("{HEADER}{body}");
    load(&[Source { name: "t.toml".into(), text }]).problems.iter().map(ToString::to_string).collect()
}

fn one_problem(body: &str) -> String {
    let found = problems(body);
    assert_eq!(found.len(), 1, "{found:#?}");
    found[0].clone()
}

#[test]
fn syntax_error_names_file_and_line() {
    let p = one_problem("[[concept]]\nid = \"a\"\nlabels = [ { text = \"x\", connotation = \"neutral\" }\n");
    assert!(p.starts_with("t.toml:8:"), "{p}");
}

#[test]
fn given_names_are_checked_and_a_later_file_wins() {
    let found = problems("[given_names]\nmale = [\"jo\", \"mary ann\"]\nfemale = [\"Jo\"]\n");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("t.toml:7:") && found[0].contains("`mary ann` is not one word"), "{}", found[0]);
    assert!(found[1].starts_with("t.toml:8:") && found[1].contains("`jo` is listed as both"), "{}", found[1]);
    let general = format!("{HEADER}[given_names]\nmale = [\"Lindsey\", \"tom\"]\n");
    let story = format!("{HEADER}[given_names]\nfemale = [\"lindsey\"]\n");
    let loaded =
        load(&[Source { name: "g.toml".into(), text: general }, Source { name: "s.toml".into(), text: story }]);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let names = &loaded.set.given_names;
    assert_eq!(
        (names.gender("lindsey"), names.gender("tom"), names.len()),
        (Some(Gender::Female), Some(Gender::Male), 2)
    );
}

#[test]
fn a_file_that_takes_the_labels_past_the_limit_is_refused_and_the_others_kept() {
    let file = |id: &str, words: &[&str]| {
        let labels: Vec<String> =
            words.iter().map(|w| format!("{{ text = \"{w}\", connotation = \"neutral\" }}")).collect();
        let text = format!("{HEADER}[[concept]]\nid = \"{id}\"\nlabels = [{}]\n", labels.join(", "));
        Source { name: format!("{id}.toml"), text }
    };
    let sources = [file("first", &["vote", "ballot"]), file("second", &["troops", "forces"])];
    let loaded = load_at_most(&sources, 3);
    let found: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("second.toml:1:") && found[0].contains("4 labels"), "{}", found[0]);
    assert_eq!(loaded.set.concepts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["first"]);
    assert!(load_at_most(&sources, 4).problems.is_empty());
}

#[test]
fn unknown_field_is_refused() {
    let p = one_problem(
        "[[concept]]\nid = \"a\"\nlabels = [{ text = \"x\", connotation = \"neutral\", colour = \"red\" }]\n",
    );
    assert!(p.starts_with("t.toml:8:") && p.contains("colour"), "{p}");
}

#[test]
fn an_anchored_label_needs_anchors_with_words() {
    let label = "[[concept]]\nid = \"strike\"\nlabels = [{ text = \"strike\", connotation = \"neutral\", anchored = true }, { text = \"raid\", connotation = \"neutral\" }]\n";
    let problem = one_problem(label);
    assert!(problem.contains("label `strike` is anchored but concept `strike` has no anchors"), "{problem}");
    assert!(problem.contains("t.toml:8:"), "{problem}");
    let problem = one_problem(&format!("{label}anchors = [\"  \"]\n"));
    assert!(problem.contains("of concept `strike` has no words"), "{problem}");
    assert!(problems(&format!("{label}anchors = [\"the dam\"]\n")).is_empty());
}

#[test]
fn a_label_without_the_verb_forms_its_alternative_has_is_warned_about() {
    let concept = |killing_forms: &str| {
        format!(
            "[[concept]]\nid = \"strike\"\nlabels = [\n  {{ text = \"assassination\", connotation = \"negative\", inflect = \"exact\", forms = [\"assassinated\"] }},\n  {{ text = \"killing\", connotation = \"neutral\", inflect = \"exact\", forms = [{killing_forms}] }},\n]\n"
        )
    };
    let problem = one_problem(&concept("\"killings\""));
    assert!(problem.contains("warning: label `killing` of concept `strike` matches no verb forms"), "{problem}");
    assert!(problem.contains("`assassination` matches `assassinated`"), "{problem}");
    assert!(problems(&concept("\"killings\", \"killed\"")).is_empty());
}

#[test]
fn an_unknown_loaded_class_is_refused_with_its_line_and_the_known_classes() {
    let problem = one_problem("[[loaded]]\ntext = \"slammed\"\nclass = \"spicy\"\npolarity = \"negative\"\n");
    assert!(problem.contains("t.toml:8:") && problem.contains("unknown class `spicy`"), "{problem}");
    assert!(problem.contains("pejorative, attack_verb, intensifier, evaluative, loaded_noun"), "{problem}");
    assert!(!problem.contains("scare_quote"), "scare quotes are found, not listed: {problem}");
}

#[test]
fn a_deferring_lexicon_gives_way_to_a_story_label_and_concept() {
    let general = "[lexicon]\nid = \"labels\"\nversion = \"1\"\ndefer = true\n[frames]\nv = \"v\"\n\
        [[concept]]\nid = \"armed_groups\"\nlabels = [{ text = \"militants\", connotation = \"neutral\" }, { text = \"rebels\", connotation = \"neutral\" }, { text = \"fighters\", connotation = \"neutral\" }]\n\
        [[concept]]\nid = \"pair\"\nlabels = [{ text = \"militia\", connotation = \"neutral\" }, { text = \"posse\", connotation = \"neutral\" }]\n\
        [[concept]]\nid = \"strike\"\nlabels = [{ text = \"sortie\", connotation = \"neutral\" }, { text = \"raid\", connotation = \"neutral\" }]\n";
    let story = "[lexicon]\nid = \"story\"\nversion = \"1\"\n\
        [[concept]]\nid = \"strike\"\nlabels = [{ text = \"strike\", connotation = \"neutral\" }, { text = \"militia\", connotation = \"neutral\" }, { text = \"militants\", connotation = \"neutral\" }]\n";
    // The deferring file comes first here; it is still read after the story.
    let loaded = load(&[
        Source { name: "labels.toml".into(), text: general.into() },
        Source { name: "story.toml".into(), text: story.into() },
    ]);
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    let ids: Vec<&str> = loaded.set.concepts.iter().map(|c| c.id.as_str()).collect();
    // `pair` kept one label only, and the story's `strike` takes the general one's place.
    assert_eq!(ids, ["strike", "armed_groups"]);
    let armed: Vec<&str> = loaded.set.concepts[1].labels.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(armed, ["rebels", "fighters"]);
    assert_eq!(loaded.set.concepts[0].labels.len(), 3);
}

#[test]
fn bad_connotation_is_refused() {
    let p = one_problem("[[concept]]\nid = \"a\"\nlabels = [{ text = \"x\", connotation = \"loaded\" }]\n");
    assert!(p.contains("t.toml:8:") && p.contains("loaded"), "{p}");
}

#[test]
fn every_problem_is_reported_at_once_with_its_line() {
    let body = "[[concept]]\nid = \"Bad-Id\"\nlabels = [\n  { text = \"strike\", connotation = \"neutral\", frames = [\"violnce\"] },\n  { text = \"strikes\", connotation = \"neutral\" },\n]\n[[concept]]\nid = \"empty\"\n[[concept]]\nid = \"other\"\nlabels = [{ text = \"Strike\", connotation = \"negative\" }]\n";
    let found = problems(body);
    let expected = [
        ("t.toml:7:", "not snake_case"),
        ("t.toml:9:", "unknown frame tag `violnce`"),
        ("t.toml:10:", "duplicates `strike`"),
        ("t.toml:12:", "has no labels"),
        ("t.toml:16:", "collides with `strike`"),
        ("t.toml:14:", "warning: concept `other` has a single label"),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((at, what), p) in expected.iter().zip(&found) {
        assert!(p.starts_with(at) && p.contains(what), "{p} should be at {at} and say {what}");
    }
}

#[test]
fn a_concept_id_twice_in_one_file_and_pattern_labels_are_errors() {
    let body = "[[concept]]\nid = \"a\"\nlabels = [{ text = \"x\", connotation = \"neutral\" }, { text = \"y\", connotation = \"neutral\" }]\n\
        [[concept]]\nid = \"a\"\nlabels = [{ text = \"z\", connotation = \"neutral\" }, { text = \"w\", connotation = \"neutral\" }]\n\
        [[concept]]\nid = \"b\"\nlabels = [{ text = \".*\", connotation = \"neutral\" }, { text = \"“”\", connotation = \"neutral\" }, { text = \"v\", connotation = \"neutral\" }]\n";
    let found = problems(body);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("t.toml:10:") && p.contains("`a` is defined twice in this file (first on line 7)")),
        "{found:#?}"
    );
    assert!(found.iter().any(|p| p.contains("label `.*` in concept `b` has no letters or digits")), "{found:#?}");
    assert!(found.iter().any(|p| p.contains("label `“”` in concept `b`")), "{found:#?}");
}

#[test]
fn a_bad_file_is_left_out_and_the_good_one_used() {
    let good = Source {
        name: "good.toml".into(),
        text: format!("{HEADER}[[concept]]\nid = \"a\"\nlabels = [{{ text = \"x\", connotation = \"neutral\" }}]\n"),
    };
    let bad = Source { name: "bad.toml".into(), text: "[lexicon\n".into() };
    let loaded = load(&[bad, good]);
    assert!(loaded.has_errors());
    assert_eq!(loaded.set.concepts.len(), 1);
    assert_eq!(loaded.set.files.len(), 1);
    assert!(loaded.problems[0].to_string().starts_with("bad.toml:1:"));
}

#[test]
fn concept_defined_twice_across_files_is_an_error() {
    let text = format!("{HEADER}[[concept]]\nid = \"a\"\nlabels = [{{ text = \"x\", connotation = \"neutral\" }}]\n");
    let other = text.replace("id = \"t\"", "id = \"u\"").replace("text = \"x\"", "text = \"y\"");
    let loaded = load(&[Source { name: "one.toml".into(), text }, Source { name: "two.toml".into(), text: other }]);
    let messages: Vec<String> =
        loaded.problems.iter().filter(|p| p.severity == Severity::Error).map(ToString::to_string).collect();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(messages[0].starts_with("two.toml:7:") && messages[0].contains("already defined in one.toml"));
}
