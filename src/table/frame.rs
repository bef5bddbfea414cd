//! `FrameBuilder`: a DataFrame assembled column by column, in the order the columns are added.

use polars::prelude::*;

use crate::features::{self, Values};

/// Builds a DataFrame from plain vectors.
#[derive(Default)]
pub struct FrameBuilder {
    columns: Vec<Column>,
}

impl FrameBuilder {
    /// A text column, from owned or borrowed strings.
    pub fn text<S: AsRef<str>>(mut self, name: &str, values: &[S]) -> Self {
        let borrowed: Vec<&str> = values.iter().map(AsRef::as_ref).collect();
        self.columns.push(Column::new(name.into(), borrowed));
        self
    }

    /// A binary column (bytes that are not text, such as an encoded state).
    pub fn bytes(mut self, name: &str, values: &[Vec<u8>]) -> Self {
        let borrowed: Vec<&[u8]> = values.iter().map(Vec::as_slice).collect();
        self.columns.push(Column::new(name.into(), borrowed));
        self
    }

    /// A count column.
    pub fn count(mut self, name: &str, values: Vec<u64>) -> Self {
        self.columns.push(Column::new(name.into(), values));
        self
    }

    /// A count that may be missing (written as an empty cell).
    pub fn maybe_count(mut self, name: &str, values: Vec<Option<u64>>) -> Self {
        self.columns.push(Column::new(name.into(), values));
        self
    }

    /// A measure; `None` (undefined, e.g. a share of nothing) is written as an empty cell.
    pub fn measure(mut self, name: &str, values: Vec<Option<f64>>) -> Self {
        self.columns.push(Column::new(name.into(), values));
        self
    }

    /// A column of plain values (a signal's column).
    pub fn plain(self, column: &features::Column) -> Self {
        match &column.values {
            Values::Text(v) => self.text(&column.name, v),
            Values::Count(v) => self.count(&column.name, v.clone()),
            Values::MaybeCount(v) => self.maybe_count(&column.name, v.clone()),
            Values::Measure(v) => self.measure(&column.name, v.clone()),
            Values::Ratio(v) => self.measure(&column.name, v.iter().map(|r| r.value()).collect()),
        }
    }

    /// The DataFrame. Panics if columns differ in length (a bug, not bad input).
    pub fn build(self) -> DataFrame {
        DataFrame::new_infer_height(self.columns).expect("columns of one table have one length")
    }
}

pub use crate::features::ratio;
