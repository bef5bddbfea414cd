"""Type stubs of the native module (python/src/lib.rs)."""

from typing import Any, Optional

__version__: str

class FramelensError(Exception):
    """A framelens command failed; the message is the command line's (with file and line)."""

class ArrowTable:
    """A table on its way to Python; ``polars.DataFrame(table)`` imports it."""

    @property
    def height(self) -> int: ...
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...

def run(args: list[str], threads: Optional[int] = None) -> int: ...
def read_tables(dir: str, names: list[str]) -> dict[str, ArrowTable]: ...
def write_parquet(data: Any, path: str) -> int: ...
def check_lexicons(
    paths: list[str], corpus: Optional[str] = None
) -> tuple[list[dict[str, Any]], list[tuple[str, float]]]: ...
