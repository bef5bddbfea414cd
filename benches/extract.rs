//! Extraction benchmark: a large corpus generated from the five example articles (paragraphs
//! shuffled per article, 100 outlets) runs through the whole pipeline, tables and evidence
//! written, as `framelens extract` does. Prints throughput (MB/s, MB/s per core, articles/s),
//! the per-article work alone (with and without the signals), and the pipeline's peak memory, and
//! checks the counts it produced.
//!
//! The per-article work is also timed with the learned cue model on (`--learned-cues`).
//!
//! `cargo bench --bench extract` (50,000 articles, about 200 MB); FRAMELENS_BENCH_ARTICLES=N for
//! another size; FRAMELENS_BENCH_EXTRACT_ONLY=1 to time only the per-article work (for profiling).

mod common;

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use framelens::corpus::{self, KnownOutlet, OutletGuesser, ReadOptions};
use framelens::features::Extractor;
use framelens::lexicon::{LexiconMatcher, load, shipped_sources};
use framelens::pipeline::{self, Event, Keep};
use framelens::quotes::CueModel;
use framelens::report::Formats;
use framelens::text::{Stemmer, TextOptions};
use rayon::prelude::*;

/// The binary's allocator, so the figures are the ones `framelens` gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let articles: usize = std::env::var("FRAMELENS_BENCH_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(50_000);
    let work = std::env::temp_dir().join(format!("framelens-bench-{}", std::process::id()));
    fs::create_dir_all(&work).expect("temp dir");
    let corpus = work.join("corpus.jsonl");
    let text_bytes = common::generate(&corpus, articles);
    let mb = text_bytes as f64 / 1e6;
    let rss_before = peak_rss_kib();

    let loaded = load(&shipped_sources());
    let known: Vec<KnownOutlet> = loaded
        .set
        .outlets
        .iter()
        .map(|o| KnownOutlet { name: o.name.clone(), aliases: o.aliases.clone(), domains: o.domains.clone() })
        .collect();
    let matcher = LexiconMatcher::new(&loaded.set);
    let extractor = Extractor::new(&loaded.set, &matcher, TextOptions::default());
    let learned =
        Extractor::new(&loaded.set, &matcher, TextOptions::default()).with_cue_model(Some(CueModel::shipped()));
    let threads = rayon::current_num_threads();

    if std::env::var_os("FRAMELENS_BENCH_EXTRACT_ONLY").is_some() {
        let (seconds, ..) = extraction_only(&corpus, &extractor, Stage::All);
        println!("extraction only: {seconds:.2} s for {mb:.1} MB ({:.1} MB/s per core)", mb / seconds / threads as f64);
        let (seconds, ..) = extraction_only(&corpus, &extractor, Stage::WordsAndVoices);
        println!("without signals: {seconds:.2} s for {mb:.1} MB ({:.1} MB/s per core)", mb / seconds / threads as f64);
        let (seconds, ..) = extraction_only(&corpus, &learned, Stage::WordsAndVoices);
        println!("learned cues:    {seconds:.2} s for {mb:.1} MB ({:.1} MB/s per core)", mb / seconds / threads as f64);
        fs::remove_dir_all(&work).ok();
        return;
    }

    let out = work.join("out");
    let (seconds, summary) = full_run(&corpus, &known, &extractor, &out, Formats::BOTH);
    let pipeline_peak = peak_rss_kib();
    assert_eq!(summary.articles as usize, articles, "every generated article is measured");
    assert_eq!(summary.outlets.len(), articles.min(100));
    let parquet_out = work.join("out-parquet");
    let parquet_only = Formats { csv: false, parquet: true, raw_csv: false };
    let (parquet_seconds, parquet_summary) = full_run(&corpus, &known, &extractor, &parquet_out, parquet_only);
    assert_eq!(parquet_summary.articles, summary.articles);
    assert!(parquet_out.join("evidence.parquet").is_file() && !parquet_out.join("evidence.csv").exists());
    let evidence_rows = count_lines(&out.join("evidence.csv")) - 1;
    let (extract_seconds, matches, _) = extraction_only(&corpus, &extractor, Stage::All);
    assert_eq!(matches, evidence_rows, "evidence.csv holds every label match and signal hit");
    let (core_seconds, label_matches, attributions) = extraction_only(&corpus, &extractor, Stage::WordsAndVoices);
    let (learned_seconds, learned_matches, learned_attributions) =
        extraction_only(&corpus, &learned, Stage::WordsAndVoices);
    assert_eq!(learned_matches, label_matches, "the cue model changes attributions, not word choice");
    assert!(learned_attributions > attributions, "the cue model finds cues the rules miss in the example articles");
    assert!(label_matches < matches, "without signals, only label matches are counted");
    assert!(matches > articles * 10, "about 48 label matches per article, got {matches}");

    println!("articles:          {articles}");
    println!("article text:      {mb:.1} MB");
    println!("threads:           {threads}");
    println!(
        "extraction only:   {extract_seconds:.2} s ({:.1} MB/s per core): reading, text layer, quotes, matching, signals",
        mb / extract_seconds / threads as f64
    );
    println!(
        "without signals:   {core_seconds:.2} s ({:.1} MB/s per core): word choice and attributions, no hedges, credits, facts, agency or tone",
        mb / core_seconds / threads as f64
    );
    println!(
        "learned cues:      {learned_seconds:.2} s ({:.1} MB/s per core): the same with --learned-cues ({attributions} → {learned_attributions} attributions)",
        mb / learned_seconds / threads as f64
    );
    println!("full pipeline:     {seconds:.2} s (tables and evidence written as CSV and Parquet)");
    println!("throughput:        {:.1} MB/s ({:.1} MB/s per core)", mb / seconds, mb / seconds / threads as f64);
    println!(
        "Parquet only:      {parquet_seconds:.2} s, {:.1} MB/s ({:.1} MB/s per core): --formats parquet",
        mb / parquet_seconds,
        mb / parquet_seconds / threads as f64
    );
    println!("articles/s:        {:.0}", articles as f64 / seconds);
    println!("evidence rows:     {evidence_rows}");
    println!(
        "peak memory (RSS): {:.0} MB (before the run: {:.0} MB)",
        pipeline_peak as f64 / 1024.0,
        rss_before as f64 / 1024.0
    );
    fs::remove_dir_all(&work).ok();
}

/// Run the whole pipeline into `out` as `extract` does; returns the seconds and the summary.
fn full_run(
    corpus: &Path,
    known: &[KnownOutlet],
    extractor: &Extractor,
    out: &Path,
    formats: Formats,
) -> (f64, pipeline::RunSummary) {
    fs::create_dir_all(out).expect("out dir");
    let started = Instant::now();
    let stream = corpus::read(corpus, &ReadOptions::default(), &OutletGuesser::new(known)).expect("corpus opens");
    let mut skipped = 0;
    let summary = pipeline::extract_to(
        out,
        stream,
        extractor,
        pipeline::Plan { formats, keep: Keep::Nothing, drop_copies: false, evidence_text: false },
        None,
        &mut |event| {
            if let Event::Skipped(_) = event {
                skipped += 1;
            }
        },
    )
    .expect("tables written");
    assert_eq!(skipped, 0, "no generated article is skipped");
    (started.elapsed().as_secs_f64(), summary)
}

/// What the per-article timing covers.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    /// Everything `extract` measures.
    All,
    /// Word choice and attributions, without the signals (hedges, credits, facts, agency, tone).
    WordsAndVoices,
}

/// Time the per-article work alone (read, text layer, quotes, matching, and signals unless
/// left out), writing nothing; returns the seconds, the evidence rows the results make and the
/// attributions found.
fn extraction_only(corpus: &Path, extractor: &Extractor, stage: Stage) -> (f64, usize, usize) {
    let started = Instant::now();
    let mut stream =
        corpus::read(corpus, &ReadOptions::default(), &OutletGuesser::default()).expect("corpus opens").flatten();
    let (mut matches, mut attributions) = (0, 0);
    loop {
        let chunk: Vec<_> = stream.by_ref().take(pipeline::CHUNK_SIZE).collect();
        if chunk.is_empty() {
            break;
        }
        let (chunk_matches, chunk_attributions) = chunk
            .into_par_iter()
            .map_init(Stemmer::default, |stemmer, a| {
                let result = match stage {
                    Stage::All => extractor.extract(a, stemmer),
                    Stage::WordsAndVoices => extractor.extract_without_signals(a, stemmer),
                };
                (result.word_choice.evidence.len() + result.signals.len(), result.voices.len())
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        matches += chunk_matches;
        attributions += chunk_attributions;
    }
    (started.elapsed().as_secs_f64(), matches, attributions)
}

/// Lines of a file, read in blocks (the evidence table is larger than the corpus).
fn count_lines(path: &Path) -> usize {
    let mut file = File::open(path).expect("evidence.csv");
    let mut block = vec![0u8; 1 << 20];
    let mut lines = 0;
    loop {
        let n = file.read(&mut block).expect("read evidence.csv");
        if n == 0 {
            return lines;
        }
        lines += block[..n].iter().filter(|&&b| b == b'\n').count();
    }
}

/// Peak resident memory of this process (VmHWM), in KiB; 0 where /proc is missing.
fn peak_rss_kib() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
