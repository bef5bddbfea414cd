//! Corpora the benchmarks generate, deterministically, from what ships in the repository.
//!
//! - The **benchmark corpus** ([`generate`]): the five example articles with their paragraphs
//!   shuffled, 100 outlets. Every article is about the example story, so the iraq-2020 story
//!   lexicon applies and label matches are dense (about 190 evidence rows per 1,000 words).
//! - The **news-like corpus** ([`generate_news_like`]): one article in three is an example
//!   article's paragraphs, shuffled; the other two are made of the text cases of `tests/cases`
//!   (short passages written to exercise attributions, credits, hedges, loaded words and
//!   boilerplate), a dozen each. Fewer than half of the articles are about the example story,
//!   so no story lexicon applies, as on an archive of ordinary news, and the general lexicons
//!   give about 21 evidence rows per 1,000 words (PolNeAR's 84 dev articles, real news, give
//!   16; see docs/performance.md).

#![allow(dead_code)] // each benchmark uses its own part

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Outlet names of the five example articles, in file order.
pub const OUTLETS: &[&str] = &["HuffPost", "The Hill", "The Epoch Times", "Sputnik", "France 24"];

/// Write the benchmark corpus of `n` articles as JSON Lines; returns the bytes of article text.
pub fn generate(path: &Path, n: usize) -> usize {
    let examples = example_articles();
    let mut corpus = Corpus::create(path);
    for i in 0..n {
        let base = i % examples.len();
        let mut paragraphs: Vec<&str> = examples[base].split("\n\n").collect();
        shuffle(&mut paragraphs, &mut corpus.seed);
        let outlet = format!("{} {:02}", OUTLETS[base], (i / examples.len()) % 20);
        corpus.write(i, &outlet, &paragraphs.join("\n\n"));
    }
    corpus.finish()
}

/// Text cases joined per news-like article that is not an example article.
const CASES_PER_ARTICLE: usize = 12;

/// Write the news-like corpus of `n` articles as JSON Lines; returns the bytes of article text.
pub fn generate_news_like(path: &Path, n: usize) -> usize {
    let examples = example_articles();
    let cases = case_texts();
    assert!(cases.len() > CASES_PER_ARTICLE, "the text cases are found");
    let mut corpus = Corpus::create(path);
    let mut next_case = 0;
    for i in 0..n {
        let base = (i / 3) % examples.len();
        let mut paragraphs: Vec<&str> = if i % 3 == 0 {
            examples[base].split("\n\n").collect()
        } else {
            let first = next_case;
            next_case += 1;
            (0..CASES_PER_ARTICLE).map(|k| cases[(first + k * 7) % cases.len()].as_str()).collect()
        };
        shuffle(&mut paragraphs, &mut corpus.seed);
        let outlet = format!("{} {:02}", OUTLETS[base], (i / 15) % 20);
        corpus.write(i, &outlet, &paragraphs.join("\n\n"));
    }
    corpus.finish()
}

struct Corpus {
    writer: BufWriter<File>,
    seed: u64,
    text_bytes: usize,
}

impl Corpus {
    fn create(path: &Path) -> Corpus {
        Corpus {
            writer: BufWriter::new(File::create(path).expect("corpus file")),
            seed: 0x9E37_79B9_7F4A_7C15,
            text_bytes: 0,
        }
    }

    fn write(&mut self, i: usize, outlet: &str, text: &str) {
        self.text_bytes += text.len();
        let row = serde_json::json!({ "id": format!("a{i:06}"), "outlet": outlet, "text": text });
        writeln!(self.writer, "{row}").expect("write corpus");
    }

    fn finish(mut self) -> usize {
        self.writer.flush().expect("flush corpus");
        self.text_bytes
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example articles, in file order.
pub fn example_articles() -> Vec<String> {
    let dir = root().join("corpora/iraq-2020/articles");
    let mut files: Vec<PathBuf> = fs::read_dir(dir).expect("example corpus").flatten().map(|e| e.path()).collect();
    files.sort();
    files.iter().map(|f| fs::read_to_string(f).expect("article")).collect()
}

/// The `text` of every `[[case]]` under `tests/cases`, files in name order, paragraphs (lines)
/// kept apart by blank lines.
pub fn case_texts() -> Vec<String> {
    let mut files = Vec::new();
    let mut folders = vec![root().join("tests/cases")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).expect("tests/cases").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut texts = Vec::new();
    for file in files {
        let table: toml::Table = fs::read_to_string(&file).expect("case file").parse().expect("case file parses");
        let Some(cases) = table.get("case").and_then(|c| c.as_array()) else { continue };
        for case in cases {
            if let Some(text) = case.get("text").and_then(|t| t.as_str()).filter(|t| !t.trim().is_empty()) {
                texts.push(text.trim().lines().collect::<Vec<_>>().join("\n\n"));
            }
        }
    }
    texts
}

/// Fisher–Yates with a xorshift generator: deterministic, no dependency.
pub fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        items.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}
