//! `framelens compare`: cluster and chart an existing report's tables again, with other
//! options; and the comparison flags `report` shares.

use std::path::PathBuf;

use framelens::chart::{ChartFormat, ChartSize};
use framelens::compare::{CompareOptions, Level, read_run_tables};
use framelens::report::{
    CompareSettings, ComparisonFiles, Formats, MANIFEST_FILE, OutputFolder, is_comparison_file, is_complete,
    manifest_option, replace_comparison_section, write_atomically, write_comparison, written_files,
};

use super::{Outcome, messages};

/// What to compare, and how to draw it.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Compare outlets, or single articles (then also: how well clusters recover outlets and
    /// stories, as adjusted Rand index).
    #[arg(long, value_enum, default_value = "outlet")]
    pub level: LevelArg,
    /// Feature groups to compare on, comma-separated (default: all present), e.g.
    /// word_choice,voices,attribution.
    #[arg(long, value_delimiter = ',', value_name = "GROUP")]
    pub groups: Vec<String>,
    /// Number of clusters (default: the k in 2..=10 with the best silhouette).
    #[arg(long)]
    pub k: Option<usize>,
    /// Bootstrap rounds for cluster stability over articles, 0 (none) to 10,000 (each round
    /// clusters the outlets again, so time grows with N).
    #[arg(long, default_value_t = 200, value_name = "N", value_parser = clap::value_parser!(u16).range(0..=10_000))]
    pub bootstrap: u16,
    /// Chart image format.
    #[arg(long, value_enum, default_value = "png")]
    pub chart_format: FormatArg,
    /// Chart size: `column` (1200×900, a paper column at 300 dpi) or `slide` (1920×1080).
    #[arg(long, value_enum, default_value = "column")]
    pub chart_size: SizeArg,
}

/// `--level`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LevelArg {
    /// One row per outlet.
    Outlet,
    /// One row per article.
    Article,
}

/// `--chart-format`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    /// PNG.
    Png,
    /// SVG.
    Svg,
}

/// `--chart-size`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SizeArg {
    /// 1200×900.
    Column,
    /// 1920×1080.
    Slide,
}

impl CompareArgs {
    /// The library settings, with the seed of k-means and the cluster bootstrap, and the q-value
    /// line of the forest plot.
    pub fn settings(&self, seed: u64, alpha: f64) -> CompareSettings {
        CompareSettings {
            options: CompareOptions {
                level: match self.level {
                    LevelArg::Outlet => Level::Outlet,
                    LevelArg::Article => Level::Article,
                },
                groups: self.groups.clone(),
                k: self.k,
                seed,
                bootstrap: usize::from(self.bootstrap),
            },
            format: match self.chart_format {
                FormatArg::Png => ChartFormat::Png,
                FormatArg::Svg => ChartFormat::Svg,
            },
            size: match self.chart_size {
                SizeArg::Column => ChartSize::Column,
                SizeArg::Slide => ChartSize::Slide,
            },
            alpha,
        }
    }
}

/// Arguments of `framelens compare`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A folder written by `framelens report` or `framelens extract`.
    pub report: PathBuf,
    #[command(flatten)]
    pub compare: CompareArgs,
    /// Seed for k-means and the bootstrap (recorded in comparison.json).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// No summary lines.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Run `framelens compare`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let dir = &args.report;
    anyhow::ensure!(
        is_complete(dir),
        "{} holds no finished run: its {MANIFEST_FILE} is missing or not marked complete (the run was interrupted or is still going, or the folder is from an older framelens); run `framelens report` or `framelens extract` into it again",
        dir.display()
    );
    let _folder = OutputFolder::lock(dir).map_err(|e| anyhow::anyhow!("{e} ({})", e.fix()))?;
    let settings = args.compare.settings(args.seed, run_alpha(dir));
    let tables = read_run_tables(dir, settings.options.level)?;
    // Incomplete while the comparison is replaced; the old comparison files go first.
    let manifest_path = dir.join(MANIFEST_FILE);
    let mut manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&manifest_path)?)?;
    manifest["complete"] = false.into();
    write_atomically(&manifest_path, (serde_json::to_string_pretty(&manifest)? + "\n").as_bytes())?;
    let previous = written_files(&manifest.to_string());
    for file in previous.iter().filter(|f| is_comparison_file(f)) {
        let _ = std::fs::remove_file(dir.join(file));
    }
    let bar = super::messages::working(args.quiet, "comparing outlets: distances, clusters, charts");
    let files = write_comparison(dir, &settings, &tables, Formats::BOTH)?;
    bar.finish_and_clear();
    // report.md's comparison section must describe this comparison, not the one it replaced.
    let report = dir.join("report.md");
    if previous.iter().any(|f| f == "report.md")
        && let Ok(text) = std::fs::read_to_string(&report)
    {
        std::fs::write(&report, replace_comparison_section(&text, &files))?;
    }
    let mut kept: Vec<String> = previous.into_iter().filter(|f| !is_comparison_file(f)).collect();
    kept.extend(files.written.iter().cloned());
    kept.sort();
    manifest["files"] = kept.into();
    manifest["complete"] = true.into();
    write_atomically(&manifest_path, (serde_json::to_string_pretty(&manifest)? + "\n").as_bytes())?;
    tell(&files, args.quiet);
    Ok(Outcome::Success)
}

/// The `--alpha` the report folder was made with (from `run_manifest.json`), or 0.05.
fn run_alpha(report: &std::path::Path) -> f64 {
    let manifest = std::fs::read_to_string(report.join("run_manifest.json")).unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(&manifest).unwrap_or_default();
    manifest_option(&json, "alpha").and_then(|value| value.parse().ok()).unwrap_or(0.05)
}

/// Print the notes, the clustering and the skipped charts to stderr.
pub fn tell(files: &ComparisonFiles, quiet: bool) {
    let c = &files.comparison;
    for note in &c.notes {
        messages::problem(format!("note: {note}"));
    }
    for chart in &files.charts {
        if let Some(why) = &chart.skipped {
            messages::problem(format!("note: chart {} skipped: {why}", chart.name));
        }
    }
    if quiet {
        return;
    }
    if let Some(k) = &c.kmeans {
        let silhouette = k.silhouette.map_or("–".to_string(), |s| format!("{s:.2}"));
        messages::problem(format!("{} rows in {} clusters (silhouette {silhouette})", c.matrix.rows(), k.k));
    }
    if let Some(ari) = c.outlet_agreement {
        messages::problem(format!("clusters vs outlets: adjusted Rand index {ari:.3}"));
    }
    if let Some(ari) = c.story_agreement {
        messages::problem(format!("clusters vs stories: adjusted Rand index {ari:.3}"));
    }
}
