//! RENDER: report files. Owns writing tables as CSV and Parquet (whole, or streamed in batches
//! for tables that grow with the corpus), the run manifest that makes a report reproducible, the
//! comparison files and charts, and `report.md`.
//! Does not decide what goes into a table: that is `table`.

mod compare_text;
mod comparison;
mod manifest;
mod markdown;
mod markdown_parts;
mod signals_text;
mod stats_text;
mod write;

pub use comparison::{ChartOutcome, CompareFilesError, CompareSettings, ComparisonFiles, write_comparison};
pub use manifest::{InputFile, RunManifest, hash_inputs};
pub use markdown::{MarkdownInput, render_markdown};
pub use write::{Formats, ReportError, StreamedTable, write_table, write_table_as};
