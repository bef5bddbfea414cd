//! Messages to stderr: problems, skipped inputs, how each outlet was decided, and progress.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Print a warning or error line.
pub fn problem(message: impl std::fmt::Display) {
    eprintln!("framelens: {message}");
}

/// Print a skipped input as it is met; other events are silent.
#[allow(clippy::needless_pass_by_value, reason = "the pipeline passes events to callbacks by value")]
pub fn report_skipped(event: framelens::pipeline::Event) {
    if let framelens::pipeline::Event::Skipped(err) = event {
        problem(format!("skipped {err}"));
    }
}

/// Show on a progress display that `what` is being worked on, after the articles.
pub fn stage(bar: &ProgressBar, what: &str) {
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} articles measured; {msg} ({elapsed})").expect("valid template"),
    );
    bar.set_message(what.to_string());
}

/// A spinner naming long work that is not per article (the comparison of outlets); hidden
/// when stderr is not a terminal or `quiet`.
pub fn working(quiet: bool, what: &str) -> ProgressBar {
    let bar = spinner(quiet, "{spinner} {msg} ({elapsed})");
    bar.set_message(what.to_string());
    bar
}

/// A counter of measured articles on stderr; hidden when stderr is not a terminal or `quiet`.
pub fn progress(quiet: bool) -> ProgressBar {
    spinner(quiet, "{spinner} {pos} articles ({per_sec}, {elapsed})")
}

/// A ticking display in `template` on stderr, or a hidden one.
fn spinner(quiet: bool, template: &str) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(ProgressStyle::with_template(template).expect("valid template"));
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
