//! RENDER: report files. Owns writing tables as CSV and Parquet (whole, or streamed in batches
//! for tables that grow with the corpus), the run manifest that makes a report reproducible, the
//! comparison files and charts, and `report.md`.
//! Does not decide what goes into a table: that is `table`.

mod compare_text;
mod comparison;
mod manifest;
mod markdown;
mod markdown_parts;
mod output;
mod signals_text;
mod stats_text;
mod write;

pub use compare_text::replace_comparison_section;
pub use comparison::{
    COMPARISON_TABLES, ChartOutcome, CompareFilesError, CompareSettings, ComparisonFiles, is_comparison_file,
    write_comparison,
};
pub use manifest::{InputFile, RunManifest, StoryArticles, hash_inputs, write_atomically};
pub use markdown::{MarkdownInput, render_markdown};
pub use output::{LOCK_FILE, MANIFEST_FILE, OutputError, OutputFolder, is_complete, manifest_option, written_files};
pub use write::{Formats, ReportError, StreamedTable, write_table, write_table_as};
