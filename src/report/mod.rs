//! RENDER: report files. Owns writing tables as CSV and Parquet (whole, or streamed in batches
//! for tables that grow with the corpus) and the run manifest that makes a report reproducible.
//! Does not decide what goes into a table: that is `table`.

mod manifest;
mod markdown;
mod write;

pub use manifest::{InputFile, RunManifest, hash_inputs};
pub use markdown::render_markdown;
pub use write::{ReportError, StreamedTable, write_table};
