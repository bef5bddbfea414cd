//! Arguments shared by the subcommands that read a corpus.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use framelens::corpus::Columns;
use framelens::lexicon::{self, Loaded, Source, StoryChoice};
use framelens::quotes::CueModel;
use framelens::report::Formats;
use framelens::stats::StatsOptions;
use framelens::text::boilerplate::KeptRules;

use super::messages;

/// The names `--keep-lines` takes.
fn boilerplate_rule_names() -> impl Iterator<Item = &'static str> {
    framelens::text::boilerplate::RULES.iter().map(|rule| rule.name)
}

/// Where the articles come from.
#[derive(Debug, clap::Args)]
pub struct CorpusArgs {
    /// A folder of articles (.txt, .md, .html; optional manifest.csv or manifest.toml), or a
    /// .jsonl, .csv or .parquet file with one article per row.
    pub input: PathBuf,
    /// Column (or JSON field) holding the article text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_column: String,
    /// Column holding the outlet; without it the outlet is inferred from the text.
    #[arg(long, default_value = "outlet", value_name = "NAME")]
    pub outlet_column: String,
    /// Column holding the headline.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_column: String,
    /// Column holding the date.
    #[arg(long, default_value = "date", value_name = "NAME")]
    pub date_column: String,
    /// Column holding the url.
    #[arg(long, default_value = "url", value_name = "NAME")]
    pub url_column: String,
    /// Column holding the story.
    #[arg(long, default_value = "story", value_name = "NAME")]
    pub story_column: String,
    /// Column holding an article id (default: file:line).
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_column: String,
    /// Keep site furniture (bylines, "See all Video", newsletter lines…) instead of setting it aside.
    #[arg(long)]
    pub keep_boilerplate: bool,
    /// Keep the lines these boilerplate rules would set aside, comma-separated, e.g.
    /// `--keep-lines byline,teaser`; the other rules still apply (`framelens rules` says what
    /// each removes).
    #[arg(long, value_delimiter = ',', value_name = "RULE", conflicts_with = "keep_boilerplate",
          value_parser = clap::builder::PossibleValuesParser::new(boilerplate_rule_names()))]
    pub keep_lines: Vec<String>,
    /// Follow symbolic links inside the INPUT folder (never to a place outside it; loops are
    /// read once). Without it, links are skipped with a message.
    #[arg(long)]
    pub follow_links: bool,
    /// Skip (with a message, never cut) an article longer than this many megabytes.
    #[arg(long, default_value_t = 5.0, value_name = "MB")]
    pub max_article_mb: f64,
    /// Read only the lines of a .jsonl INPUT that start in bytes START..STOP (`START..` to the
    /// end), so that jobs split one large file without copying it. Line numbers and `file:line`
    /// ids still count from the file's start. Example: `framelens extract big.jsonl --byte-range
    /// 0..2000000000 --out part-0`; a Slurm array over one file: docs/scale-out.md.
    #[arg(long, value_name = "START..STOP")]
    pub byte_range: Option<framelens::corpus::ByteRange>,
    /// With --byte-range: the number of the first line read, when known (saves counting the
    /// lines before it). Example: `--byte-range 2000000000..4000000000 --first-line 500001`.
    #[arg(long, value_name = "N", requires = "byte_range", value_parser = clap::value_parser!(u64).range(1..))]
    pub first_line: Option<u64>,
    /// Read only rows START..STOP (from 0, STOP excluded; `START..` to the end) of a .parquet
    /// INPUT, one job's part of a large file. Row numbers in messages and `file:row N` ids stay
    /// the file's. Example: `framelens extract big.parquet --rows 0..100000 --out part-0`.
    #[arg(long, value_name = "START..STOP")]
    pub rows: Option<framelens::corpus::RowRange>,
}

impl CorpusArgs {
    /// Default options for reading `input`.
    pub fn for_input(input: &std::path::Path) -> CorpusArgs {
        let name = |s: &str| s.to_string();
        CorpusArgs {
            input: input.to_path_buf(),
            text_column: name("text"),
            outlet_column: name("outlet"),
            title_column: name("title"),
            date_column: name("date"),
            url_column: name("url"),
            story_column: name("story"),
            id_column: name("id"),
            keep_boilerplate: false,
            keep_lines: Vec::new(),
            follow_links: false,
            max_article_mb: 5.0,
            byte_range: None,
            first_line: None,
            rows: None,
        }
    }

    /// How to read the corpus.
    pub fn read_options(&self) -> framelens::corpus::ReadOptions {
        framelens::corpus::ReadOptions {
            columns: self.columns(),
            follow_links: self.follow_links,
            max_article_bytes: (self.max_article_mb.max(0.0) * 1e6) as u64,
            byte_range: self
                .byte_range
                .map(|range| framelens::corpus::ByteRange { first_line: self.first_line, ..range }),
            rows: self.rows,
        }
    }

    /// The column names.
    pub fn columns(&self) -> Columns {
        Columns {
            text: self.text_column.clone(),
            outlet: self.outlet_column.clone(),
            title: self.title_column.clone(),
            date: self.date_column.clone(),
            url: self.url_column.clone(),
            story: self.story_column.clone(),
            id: self.id_column.clone(),
        }
    }
}

/// Which lexicons to use.
#[derive(Debug, Default, clap::Args)]
pub struct LexiconArgs {
    /// Lexicon file or folder (repeatable). Default: the lexicons shipped with framelens. The
    /// shipped frame vocabulary, media list, reporting cues and voice roles are added when the
    /// given files define none.
    #[arg(long = "lexicon", short = 'l', value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// A story lexicon shipped with framelens, by id (repeatable): `iraq-2020` or `caravan-2018`.
    /// Without it (and without --lexicon), a shipped story lexicon applies only when the corpus is
    /// about its story: a `story` column equal to its id, or most articles (of the corpus, or of
    /// one of its stories) naming two of its anchors. Each run says which applied and why. In a
    /// corpus of several stories a story lexicon measures only the articles about its story (by
    /// the `story` column, else its anchors), and each run says how many.
    #[arg(long = "story-lexicon", value_name = "ID")]
    pub stories: Vec<String>,
    /// Choose the shipped story lexicons from the first 2,000 articles of FILE (a whole file,
    /// read with the same columns) instead of INPUT, so that the shards of one corpus choose
    /// alike and merge (`framelens.dask` passes the dataset's first file). Example:
    /// `framelens extract big.jsonl --byte-range 0..50000000 --choose-stories-from big.jsonl --out part-0`.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["stories", "paths"])]
    pub choose_stories_from: Option<PathBuf>,
    /// Also find attributions whose cue is in no list, with the learned cue model
    /// (models/attribution-cues.tsv, trained on PolNeAR): more recall on reported speech, beliefs
    /// and plans, less precision. Its rows say `found_by = model`.
    #[arg(long)]
    pub learned_cues: bool,
    /// With --learned-cues: the score above which a word is a cue (default: the model's own,
    /// written in its file). Lower finds more attributions, less precisely.
    #[arg(long, value_name = "SCORE", requires = "learned_cues", allow_hyphen_values = true)]
    pub cue_threshold: Option<f32>,
    /// With --learned-cues: use this model file instead of the shipped one, for example one
    /// trained by `framelens train cues` on your own annotations.
    #[arg(long, value_name = "TSV", requires = "learned_cues")]
    pub cue_model: Option<PathBuf>,
}

impl LexiconArgs {
    /// The learned cue model when `--learned-cues` is given: the one `--cue-model` names, or the
    /// shipped one, with `--cue-threshold` applied.
    pub fn cue_model(&self) -> anyhow::Result<Option<CueModel>> {
        if !self.learned_cues {
            return Ok(None);
        }
        let model = match &self.cue_model {
            Some(path) => read_cue_model(path)?,
            None => CueModel::shipped(),
        };
        Ok(Some(match self.cue_threshold {
            Some(threshold) => model.with_threshold(threshold),
            None => model,
        }))
    }

    /// Where the cue model comes from, for run manifests: empty without `--learned-cues`.
    pub fn cue_model_source(&self) -> String {
        match (&self.cue_model, self.learned_cues) {
            (_, false) => String::new(),
            (Some(path), true) => {
                match framelens::report::hash_inputs(path, &framelens::corpus::ReadOptions::default()).first() {
                    Some(file) => format!("{} (sha256 {})", path.display(), file.sha256),
                    None => path.display().to_string(),
                }
            }
            (None, true) => framelens::quotes::SHIPPED_CUE_MODEL.to_string(),
        }
    }

    /// Load and check the lexicons, printing every problem. Files with errors are left out.
    pub fn load(&self) -> Loaded {
        let loaded = self.load_silently();
        for problem in &loaded.problems {
            messages::problem(problem);
        }
        loaded
    }

    /// Load and check the lexicons without printing: the general ones, with the story lexicons
    /// named by `--story-lexicon` and no other.
    pub fn load_silently(&self) -> Loaded {
        let stories: Vec<&str> = self.stories.iter().map(String::as_str).collect();
        self.load_with_stories(&stories)
    }

    /// Which shipped story lexicons apply to the corpus, and why: those named with
    /// `--story-lexicon`, none besides the files named with `--lexicon`, and without either, those
    /// the corpus's story column or text points to (see `framelens::lexicon::choose_stories`).
    pub fn story_choices(&self, corpus: &CorpusArgs) -> anyhow::Result<Vec<StoryChoice>> {
        let all = lexicon::shipped_stories();
        if !self.paths.is_empty() || !self.stories.is_empty() {
            let named: Vec<&str> = self.stories.iter().map(String::as_str).collect();
            return Ok(lexicon::named_stories(&all, &named, !self.paths.is_empty()));
        }
        // The choice reads texts and story columns only: no outlet is guessed.
        let guesser = framelens::corpus::OutletGuesser::not_guessing();
        let (input, options) = match &self.choose_stories_from {
            // A whole file: no byte or row range of INPUT applies to it.
            Some(file) => {
                (file, framelens::corpus::ReadOptions { byte_range: None, rows: None, ..corpus.read_options() })
            }
            None => (&corpus.input, corpus.read_options()),
        };
        if let Some(file) = self.choose_stories_from.as_ref().filter(|f| !f.is_file()) {
            anyhow::bail!("--choose-stories-from {}: no such file (give one file of the corpus)", file.display());
        }
        let stream = framelens::corpus::read(input, &options, &guesser)?;
        let articles: Vec<framelens::corpus::Article> =
            stream.filter_map(Result::ok).take(lexicon::ARTICLES_READ).collect();
        let texts = articles.iter().map(|a| (a.text.as_str(), a.story.as_str()));
        Ok(lexicon::choose_stories(texts, &lexicon::story_candidates()))
    }

    /// Load and check the general lexicons (or the files of `--lexicon`) with `stories`.
    fn load_with_stories(&self, stories: &[&str]) -> Loaded {
        let stories = stories.to_vec();
        let (sources, mut problems) = if self.paths.is_empty() {
            (lexicon::shipped_with_stories(&stories), Vec::new())
        } else {
            let (mut sources, problems) = lexicon::read_sources(&self.paths);
            let shipped = lexicon::shipped_with_stories(&stories);
            sources.extend(shipped.into_iter().filter(|s| s.name.starts_with("lexicons/stories/")));
            (with_shipped_base(sources), problems)
        };
        let known = lexicon::shipped_stories();
        for story in self.stories.iter().map(String::as_str).filter(|s| !known.contains(s)) {
            problems.push(lexicon::Problem {
                severity: lexicon::Severity::Error,
                file: format!("--story-lexicon {story}"),
                line: 0,
                column: 0,
                message: format!("no shipped story lexicon `{story}`"),
                fix: format!("use one of: {}", known.join(", ")),
            });
        }
        let mut loaded = lexicon::load(&sources);
        problems.append(&mut loaded.problems);
        loaded.problems = problems;
        loaded
    }
}

/// The ids of the story lexicons that apply.
fn applied(choices: &[StoryChoice]) -> Vec<&str> {
    choices.iter().filter(|c| c.applied).map(|c| c.id.as_str()).collect()
}

/// Add the shipped frame vocabulary and media list when the user's files define none.
fn with_shipped_base(mut sources: Vec<Source>) -> Vec<Source> {
    /// A shipped general file, and the table whose absence from the user's files adds it.
    const BASE: &[(&str, &str)] = &[
        ("[frames]", "frames.toml"),
        ("[[outlet]]", "media.toml"),
        ("[[hedge]]", "hedges.toml"),
        ("[[loaded]]", "loaded.toml"),
        ("[[cue]]", "reporting.toml"),
    ];
    let shipped = lexicon::shipped_sources();
    let defines = |marker: &str| sources.iter().any(|s| s.text.lines().any(|l| l.trim() == marker));
    let file = |name: &str| shipped.iter().filter(|s| s.name.ends_with(name)).cloned().collect::<Vec<_>>();
    let mut base: Vec<Source> =
        BASE.iter().filter(|(marker, _)| !defines(marker)).flat_map(|(_, name)| file(name)).collect();
    // Roles without voices of their own still get the shipped voice groups.
    if !sources.iter().any(|s| s.text.contains("[[role]]") && !s.text.contains("[[voice]]")) {
        base.extend(file("general/voices.toml"));
    }
    base.append(&mut sources);
    base
}

/// Where and how to write.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Output folder (created if missing).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
    /// Worker threads, 1 to 1024 (default: one per core). Output does not depend on it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub threads: Option<u16>,
    /// No progress display and no per-article outlet lines.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Files to write each table as: csv, parquet, or both (the default). Parquet alone is
    /// faster and about a fifteenth of the disk (the CSV files are several times the corpus); `report` and
    /// `compare` read the Parquet files back, so they need parquet.
    #[arg(long, value_name = "LIST", value_delimiter = ',', default_value = "csv,parquet")]
    pub formats: Vec<TableFormat>,
    /// Write CSV text cells exactly as they are. By default a cell that starts with =, +, -, @,
    /// tab or carriage return gets a leading apostrophe, so that a spreadsheet shows it instead
    /// of running it as a formula (Parquet always keeps the raw value).
    #[arg(long)]
    pub raw_csv: bool,
    /// Repeat each evidence row's sentence in `evidence` (a `sentence_text` column) for reading
    /// the CSV by eye. By default the text of each sentence with evidence is written once, in
    /// `sentences`, which `evidence` joins on (article, sentence).
    #[arg(long)]
    pub evidence_text: bool,
}

/// Outlet intervals and differences (`outlet_intervals`, `differences`).
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Bootstrap resamples for the 95% intervals of every outlet share, rate and mean, and of
    /// every difference (default: 1000 for `report`; `extract` computes none unless asked; 0:
    /// no intervals and no tests).
    #[arg(long, value_name = "N")]
    pub intervals: Option<usize>,
    /// Most permutations per test, 1 to 1,000,000 (a test stops early once its p-value is
    /// settled).
    #[arg(long, default_value_t = 9999, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub permutations: u64,
    /// Also compare two outlets directly, e.g. `--pairs "Fox News,HuffPost"` (repeatable).
    #[arg(long, value_name = "A,B")]
    pub pairs: Vec<String>,
    /// q-value below which `report.md` calls a difference one.
    #[arg(long, default_value_t = 0.05, value_name = "Q")]
    pub alpha: f64,
    /// Seed of the resamples, permutations, k-means and cluster bootstrap (recorded in the run
    /// manifest and comparison.json).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Leave articles that copy an earlier article (wire copies and republications, listed in
    /// duplicates.csv) out of the outlet tables, intervals and comparison. They stay in the
    /// per-article tables.
    #[arg(long)]
    pub drop_copies: bool,
}

impl StatsArgs {
    /// The options, or `None` when no intervals are asked for (`default_resamples` when
    /// `--intervals` is not given).
    pub fn options(&self, default_resamples: usize) -> anyhow::Result<Option<StatsOptions>> {
        let resamples = self.intervals.unwrap_or(default_resamples);
        anyhow::ensure!(resamples <= MAX_RESAMPLES, "--intervals {resamples} is more than {MAX_RESAMPLES}");
        anyhow::ensure!(
            (1..=MAX_PERMUTATIONS).contains(&self.permutations),
            "--permutations must be between 1 and {MAX_PERMUTATIONS}"
        );
        anyhow::ensure!(self.alpha > 0.0 && self.alpha < 1.0, "--alpha must be between 0 and 1");
        let pairs = self
            .pairs
            .iter()
            .map(|p| match p.split_once(',') {
                Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() && !b.contains(',') => {
                    Ok((a.trim().to_string(), b.trim().to_string()))
                }
                _ => anyhow::bail!("--pairs {p:?}: give two outlet names separated by one comma, e.g. \"A,B\""),
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok((resamples > 0).then_some(StatsOptions {
            resamples,
            permutations: self.permutations,
            seed: self.seed,
            pairs,
            alpha: self.alpha,
        }))
    }
}

/// Most bootstrap resamples `--intervals` takes (memory grows with outlets × tested features × N).
const MAX_RESAMPLES: usize = 100_000;
/// Most permutations `--permutations` takes.
const MAX_PERMUTATIONS: u64 = 1_000_000;

/// A file format for the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// `NAME.csv`.
    Csv,
    /// `NAME.parquet`.
    Parquet,
}

impl OutputArgs {
    /// The formats asked for.
    pub fn formats(&self) -> Formats {
        Formats {
            csv: self.formats.contains(&TableFormat::Csv),
            parquet: self.formats.contains(&TableFormat::Parquet),
            raw_csv: self.raw_csv,
        }
    }
}

/// What every corpus-reading command builds first: the lexicons and the article stream.
pub struct Prepared {
    /// The lexicons, checked (problems already printed).
    pub loaded: Loaded,
    /// Which shipped story lexicons apply, and why.
    pub stories: Vec<StoryChoice>,
    /// The articles.
    pub stream: framelens::corpus::ArticleStream,
}

impl Prepared {
    /// Decide which story lexicons apply, load the lexicons (printing their problems) and open
    /// the corpus.
    pub fn new(corpus: &CorpusArgs, lexicon: &LexiconArgs) -> anyhow::Result<Prepared> {
        let stories = lexicon.story_choices(corpus)?;
        let loaded = lexicon.load_with_stories(&applied(&stories));
        for problem in &loaded.problems {
            messages::problem(problem);
        }
        Prepared::open(corpus, loaded, stories)
    }

    /// Like [`Prepared::new`], without printing lexicon problems (the caller already has).
    pub fn quiet(corpus: &CorpusArgs, lexicon: &LexiconArgs) -> anyhow::Result<Prepared> {
        let stories = lexicon.story_choices(corpus)?;
        Prepared::open(corpus, lexicon.load_with_stories(&applied(&stories)), stories)
    }

    fn open(corpus: &CorpusArgs, loaded: Loaded, stories: Vec<StoryChoice>) -> anyhow::Result<Prepared> {
        let stream = Prepared::reopen(corpus, &loaded.set)?;
        Ok(Prepared { loaded, stories, stream })
    }

    /// The article stream again, for a command that reads the corpus more than once: with the
    /// lexicons already loaded (their media names guess outlets), so story lexicons are not
    /// chosen again.
    pub fn reopen(
        corpus: &CorpusArgs,
        set: &framelens::lexicon::LexiconSet,
    ) -> anyhow::Result<framelens::corpus::ArticleStream> {
        let known: Vec<framelens::corpus::KnownOutlet> = set
            .outlets
            .iter()
            .map(|o| framelens::corpus::KnownOutlet {
                name: o.name.clone(),
                aliases: o.aliases.clone(),
                domains: o.domains.clone(),
            })
            .collect();
        let guesser = framelens::corpus::OutletGuesser::new(&known);
        Ok(framelens::corpus::read(&corpus.input, &corpus.read_options(), &guesser)?)
    }

    /// Text options from the corpus flags.
    pub fn text_options(corpus: &CorpusArgs) -> framelens::text::TextOptions {
        let kept_rules = KeptRules::named(&corpus.keep_lines).expect("clap checks the rule names");
        framelens::text::TextOptions { remove_boilerplate: !corpus.keep_boilerplate, kept_rules }
    }
}

/// Read a cue model file; a bad line is named with the file and its number.
fn read_cue_model(path: &Path) -> anyhow::Result<CueModel> {
    let source = std::fs::read_to_string(path).with_context(|| format!("cannot read cue model {}", path.display()))?;
    CueModel::parse(&source).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}: {}; a cue model is what `framelens train cues` writes: `# threshold<TAB>T`, then `feature<TAB>weight` lines",
            path.display(),
            e.line,
            e.message
        )
    })
}
