//! Ratio benchmark: `framelens extract` against `wc -w` on the same bytes, in the same run, on
//! two generated corpora (see `common`): the benchmark corpus (dense with story-lexicon matches)
//! and a news-like corpus (the match density of ordinary news). Each tool runs as a child
//! process; its CPU time (user + system, from `/proc/self/stat`) is what is compared, so the
//! ratio stays meaningful on a machine whose other load changes from minute to minute.
//!
//! framelens runs as the throughput target states it: `extract --formats parquet --threads 1`,
//! every signal on, no intervals. Each pair of runs is repeated (`FRAMELENS_BENCH_REPEATS`, 3)
//! and the median ratio is printed, with framelens' MB/s per CPU-second.
//!
//! `cargo bench --bench ratio` (20,000 articles per corpus, about 80 and 40 MB);
//! FRAMELENS_BENCH_ARTICLES=N for another size; FRAMELENS_BENCH_SIGNALS=LIST passes `--signals
//! LIST` (to see what a signal costs); FRAMELENS_BENCH_WORK=DIR keeps the corpora in DIR. Linux
//! only (`/proc`).

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use polars::prelude::{DataType, ParquetReader, SerReader};

/// Clock ticks per second of the CPU times in `/proc` (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND: f64 = 100.0;

fn main() {
    let articles: usize = env_number("FRAMELENS_BENCH_ARTICLES").unwrap_or(20_000);
    let repeats: usize = env_number("FRAMELENS_BENCH_REPEATS").unwrap_or(3).max(1);
    let signals = std::env::var("FRAMELENS_BENCH_SIGNALS").unwrap_or_else(|_| "all".into());
    // FRAMELENS_BENCH_WORK=DIR keeps the generated corpora there (to profile one by itself).
    let kept = std::env::var_os("FRAMELENS_BENCH_WORK").map(std::path::PathBuf::from);
    let work =
        kept.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("framelens-ratio-{}", std::process::id())));
    fs::create_dir_all(&work).expect("temp dir");
    println!(
        "framelens extract --formats parquet --threads 1 --signals {signals} against wc -w, CPU seconds, {articles} articles each"
    );
    println!(
        "| corpus | MB of text | evidence rows per 1,000 words | framelens s | wc -w s | ratio | framelens MB/s per CPU-second |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (name, generate) in
        [("benchmark", common::generate as fn(&Path, usize) -> usize), ("news-like", common::generate_news_like)]
    {
        let corpus = work.join(format!("{name}.jsonl"));
        let text_bytes = generate(&corpus, articles);
        let out = work.join(format!("{name}-out"));
        let mut runs = Vec::new();
        for _ in 0..repeats {
            let framelens = cpu_seconds_of(
                Command::new(env!("CARGO_BIN_EXE_framelens"))
                    .args(["extract", "--formats", "parquet", "--threads", "1", "--intervals", "0", "-q"])
                    .args(["--signals", &signals, "--out"])
                    .arg(&out)
                    .arg(&corpus),
            );
            let wc = cpu_seconds_of(Command::new("wc").arg("-w").arg(&corpus));
            runs.push((framelens, wc));
        }
        let (rows, words) = density(&out);
        assert!(rows > 0 && words > 0, "the run wrote evidence and articles");
        let mut ratios: Vec<f64> = runs.iter().map(|(f, w)| f / w.max(1.0 / TICKS_PER_SECOND)).collect();
        ratios.sort_by(f64::total_cmp);
        let median = ratios[ratios.len() / 2];
        let (framelens, wc) = runs.iter().copied().find(|(f, w)| f / w.max(1.0 / TICKS_PER_SECOND) == median).unwrap();
        let mb = text_bytes as f64 / 1e6;
        println!(
            "| {name} | {mb:.1} | {:.1} | {framelens:.2} | {wc:.2} | {median:.1}× | {:.1} |",
            rows as f64 * 1000.0 / words as f64,
            mb / framelens
        );
    }
    if kept.is_none() {
        fs::remove_dir_all(&work).ok();
    }
}

fn env_number(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Run `command` to completion (it must succeed) and return the CPU seconds it used.
fn cpu_seconds_of(command: &mut Command) -> f64 {
    let before = children_cpu_ticks();
    let output = command.output().expect("the command starts");
    assert!(output.status.success(), "{command:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    (children_cpu_ticks() - before) as f64 / TICKS_PER_SECOND
}

/// User and system CPU ticks of this process's finished children (`cutime` + `cstime`).
fn children_cpu_ticks() -> u64 {
    let stat = fs::read_to_string("/proc/self/stat").expect("/proc/self/stat (Linux only)");
    // Fields after the command name, which is in parentheses and may hold spaces: state is
    // field 3, cutime and cstime are fields 16 and 17.
    let rest = &stat[stat.rfind(')').expect("stat has a command name") + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    fields[13].parse::<u64>().expect("cutime") + fields[14].parse::<u64>().expect("cstime")
}

/// Evidence rows and words of the run in `out`.
fn density(out: &Path) -> (usize, u64) {
    let read = |name: &str| {
        let file = fs::File::open(out.join(format!("{name}.parquet"))).expect("table written");
        ParquetReader::new(file).finish().expect("table reads")
    };
    let words = read("articles").column("words").expect("words").cast(&DataType::UInt64).expect("counts");
    let words: u64 = words.u64().expect("u64").iter().flatten().sum();
    (read("evidence").height(), words)
}
