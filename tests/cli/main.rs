//! CLI integration tests: one binary, one module per subcommand or topic.

mod util;

mod bad_input;
mod compare;
mod copies;
mod determinism;
mod example_corpus;
mod formats;
mod hostile;
mod inputs;
mod lexicon;
mod merge;
mod quotes;
mod signals;
mod stats;
mod stories;
mod suggest;
