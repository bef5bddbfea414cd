//! `framelens._framelens`: the native part of the Python package.
//!
//! The command line's own code (`../src/cli`) is compiled in, so every Python function runs the
//! same command, in-process, with the same checks and messages. The GIL is released while Rust
//! works. Tables cross into Python as Arrow C streams (the Arrow PyCapsule interface), which
//! polars and pyarrow import without a copy per row; data frames come in the same way.

#[path = "../../src/cli/mod.rs"]
#[allow(dead_code, unused_imports)]
mod cli;

use std::path::PathBuf;

use clap::Parser;
use polars::prelude::{CompatLevel, DataFrame, ParquetReader, ParquetWriter, SerReader};
use polars_arrow::array::{Array, StructArray};
use polars_arrow::datatypes::{ArrowDataType, Field};
use polars_arrow::ffi::{ArrowArrayStream, ArrowArrayStreamReader, export_iterator};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};

create_exception!(
    _framelens,
    FramelensError,
    PyException,
    "A framelens command failed; the message is the command line's (with file and line)."
);

const STREAM: &std::ffi::CStr = c"arrow_array_stream";

/// The command line's allocator (see src/main.rs), for the Rust side of the module.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The size of rayon's global pool, set by the first call (see [`run`]).
static GLOBAL_THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// Run `framelens ARGS...` in this process, on `threads` threads (all cores when not given).
/// Returns the exit code: 0, or 1 when some inputs were skipped (named in the run's messages
/// and manifest). Raises `FramelensError` with the command line's message.
///
/// The first call sizes rayon's global pool, as `--threads` does for the command line, so that
/// every part of a run (measuring, and writing tables on the writer thread) stays within it: a
/// Dask worker with one thread then uses one core, not one plus idle spinning threads. A later
/// call that asks for another number of threads runs on a pool of its own.
#[pyfunction]
#[pyo3(signature = (args, threads=None))]
fn run(py: Python<'_>, args: Vec<String>, threads: Option<usize>) -> PyResult<u8> {
    let argv = std::iter::once("framelens".to_string()).chain(args);
    let parsed = cli::Cli::try_parse_from(argv).map_err(|e| FramelensError::new_err(e.to_string()))?;
    py.detach(move || {
        let global = *GLOBAL_THREADS.get_or_init(|| {
            let _ = rayon::ThreadPoolBuilder::new().num_threads(threads.unwrap_or(0)).build_global();
            rayon::current_num_threads()
        });
        match threads {
            Some(n) if n != global => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| anyhow::anyhow!("cannot start {n} threads: {e}"))?
                .install(|| cli::run(parsed)),
            _ => cli::run(parsed),
        }
    })
    .map(cli::Outcome::code)
    .map_err(|e| FramelensError::new_err(format!("{e:#}")))
}

/// A table on its way to Python: an object with `__arrow_c_stream__`.
#[pyclass(module = "framelens._framelens", frozen)]
struct ArrowTable {
    frame: DataFrame,
}

#[pymethods]
impl ArrowTable {
    /// The table as an Arrow C stream of record batches.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema; // the table's own schema is given; consumers cast
        let mut frame = self.frame.clone();
        frame.rechunk_mut();
        let batches: Vec<_> = frame.iter_chunks(CompatLevel::newest(), false).collect();
        let fields: Vec<Field> = frame.columns().iter().map(|c| c.field().to_arrow(CompatLevel::newest())).collect();
        let struct_type = ArrowDataType::Struct(fields);
        let arrays: Vec<polars::error::PolarsResult<Box<dyn Array>>> = if batches.is_empty() {
            let empty = StructArray::new_empty(struct_type.clone());
            vec![Ok(Box::new(empty) as Box<dyn Array>)]
        } else {
            batches
                .into_iter()
                .map(|batch| {
                    let length = batch.height();
                    let columns: Vec<Box<dyn Array>> = batch.into_arrays();
                    Ok(Box::new(StructArray::new(struct_type.clone(), length, columns, None)) as Box<dyn Array>)
                })
                .collect()
        };
        let stream = export_iterator(Box::new(arrays.into_iter()), Field::new("".into(), struct_type, false));
        PyCapsule::new_with_value(py, stream, STREAM)
    }

    /// Rows.
    #[getter]
    fn height(&self) -> usize {
        self.frame.height()
    }
}

/// The Parquet tables `names` of the run folder `dir` (those that exist), as
/// `{name: ArrowTable}`.
#[pyfunction]
fn read_tables<'py>(py: Python<'py>, dir: PathBuf, names: Vec<String>) -> PyResult<Bound<'py, PyDict>> {
    let frames = py.detach(|| -> Result<Vec<(String, DataFrame)>, String> {
        let mut out = Vec::new();
        for name in names {
            let path = dir.join(format!("{name}.parquet"));
            let Ok(file) = std::fs::File::open(&path) else { continue };
            let frame = ParquetReader::new(file).finish().map_err(|e| format!("{}: {e}", path.display()))?;
            out.push((name, frame));
        }
        Ok(out)
    });
    let dict = PyDict::new(py);
    for (name, frame) in frames.map_err(FramelensError::new_err)? {
        dict.set_item(name, Bound::new(py, ArrowTable { frame })?)?;
    }
    Ok(dict)
}

/// Write `data` (any object with `__arrow_c_stream__`: a polars DataFrame, a pyarrow Table) to
/// the Parquet file `path`, for a command to read. Returns the rows written.
#[pyfunction]
fn write_parquet(py: Python<'_>, data: &Bound<'_, PyAny>, path: PathBuf) -> PyResult<usize> {
    let capsule = data.call_method0("__arrow_c_stream__")?.cast_into::<PyCapsule>()?;
    let pointer = capsule.pointer_checked(Some(STREAM))?.cast::<ArrowArrayStream>();
    // Take the stream out of the capsule, leaving a released one (the capsule's destructor then
    // does nothing), as the PyCapsule interface asks of a consumer.
    // SAFETY: the capsule is named `arrow_array_stream`, so it holds an ArrowArrayStream.
    let stream = unsafe { std::ptr::replace(pointer.as_ptr(), ArrowArrayStream::empty()) };
    py.detach(move || -> Result<usize, String> {
        // SAFETY: the stream came from a producer that follows the C stream interface.
        let mut reader = unsafe { ArrowArrayStreamReader::try_new(Box::new(stream)) }.map_err(|e| e.to_string())?;
        let mut frame: Option<DataFrame> = None;
        // SAFETY: as above.
        while let Some(array) = unsafe { reader.next() } {
            let array = array.map_err(|e| e.to_string())?;
            let batch = array.as_any().downcast_ref::<StructArray>().ok_or("the stream's batches are not records")?;
            let batch = DataFrame::try_from(batch.clone()).map_err(|e| e.to_string())?;
            match &mut frame {
                Some(frame) => {
                    frame.vstack_mut_owned(batch).map_err(|e| e.to_string())?;
                }
                None => frame = Some(batch),
            }
        }
        let mut frame = frame.ok_or("the data has no rows")?;
        let file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        ParquetWriter::new(file).finish(&mut frame).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(frame.height())
    })
    .map_err(FramelensError::new_err)
}

/// Problems as dicts, and (outlet, share of words touched) pairs.
type Problems<'py> = (Vec<Bound<'py, PyDict>>, Vec<(String, f64)>);

/// Check lexicon files (and their coverage of `corpus`): every problem as a dict with
/// severity, file, line, column, message and fix, and the share of each outlet's words touched.
#[pyfunction]
#[pyo3(signature = (paths, corpus=None))]
fn check_lexicons<'py>(py: Python<'py>, paths: Vec<PathBuf>, corpus: Option<PathBuf>) -> PyResult<Problems<'py>> {
    let checked = py
        .detach(|| cli::lexicon_checked(&paths, corpus.as_deref()))
        .map_err(|e| FramelensError::new_err(format!("{e:#}")))?;
    let mut problems = Vec::new();
    for p in &checked.loaded.problems {
        let dict = PyDict::new(py);
        let severity = match p.severity {
            framelens::lexicon::Severity::Error => "error",
            framelens::lexicon::Severity::Warning => "warning",
        };
        dict.set_item("severity", severity)?;
        dict.set_item("file", &p.file)?;
        dict.set_item("line", p.line)?;
        dict.set_item("column", p.column)?;
        dict.set_item("message", &p.message)?;
        dict.set_item("fix", &p.fix)?;
        problems.push(dict);
    }
    Ok((problems, checked.touched))
}

/// The native module.
#[pymodule]
fn _framelens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("FramelensError", m.py().get_type::<FramelensError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<ArrowTable>()?;
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(read_tables, m)?)?;
    m.add_function(wrap_pyfunction!(write_parquet, m)?)?;
    m.add_function(wrap_pyfunction!(check_lexicons, m)?)?;
    Ok(())
}
