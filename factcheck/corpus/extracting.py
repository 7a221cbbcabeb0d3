"""`factcheck extract` over any number of documents: the quantities of each, in input order.

JSON lines and csv stream, written document by document as results arrive; table and parquet
gather every document's table first. pandas is imported only for those gathering formats and csv:
a run streaming JSON lines never loads it, in this process or in its workers.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING

from factcheck.corpus.runner import Runner, Settings, progress_total, sources
from factcheck.fsutil import atomic_output
from factcheck.report.formats import TableFormat

if TYPE_CHECKING:
    import pandas as pd

EXIT_CLEAN, EXIT_BAD_INPUT = 0, 2


def run_extract(paths: tuple[str, ...], settings: Settings, fmt: TableFormat, output: Path | None,
                out: IO[str], err: IO[str]) -> int:
    """Extract every document's quantities; exit 2 when a document could not be read (the others
    are still written) or when there was none. `output` is replaced only once the run has ended
    (a killed or failed run leaves the old file as it was)."""
    if output is None:
        return _extract(paths, settings, fmt, None, out, err)
    with atomic_output(output) as temporary:
        return _extract(paths, settings, fmt, temporary, out, err)


def _extract(paths: tuple[str, ...], settings: Settings, fmt: TableFormat, output: Path | None,
             out: IO[str], err: IO[str]) -> int:
    runner = Runner(settings, streamed=fmt if fmt.streams else None)
    errors = 0
    header = fmt is TableFormat.csv
    tables: list[pd.DataFrame] = []
    handle = output.open("w", encoding="utf-8", newline="") if output is not None and fmt.streams else None
    try:
        stream = handle or out
        documents = sources(paths, time_limit=settings.time_limit)
        for outcome in runner.run(documents, progress_total(paths, settings)):
            if outcome.error is not None:
                errors += 1
                err.write(f"factcheck: {outcome.doc}: {outcome.error}\n")
            elif outcome.value.rows is not None:
                if header:
                    from factcheck.extract.schema import empty_table
                    from factcheck.report.quantities import csv_header

                    stream.write(csv_header(empty_table()))
                    header = False
                stream.write(outcome.value.rows)
            else:
                tables.append(outcome.value.table)  # `to_table` sorted it by offsets already
    finally:
        if handle is not None:
            handle.close()
    if not fmt.streams:
        _write_gathered(tables, fmt, out, output)
    if runner.stats.documents > 1:
        err.write(f"factcheck: {runner.stats.summary(findings=False)}\n")
    return EXIT_BAD_INPUT if errors or runner.stats.documents == 0 else EXIT_CLEAN


def _write_gathered(tables: list[pd.DataFrame], fmt: TableFormat, out: IO[str], output: Path | None) -> None:
    """The documents' tables, in input order, as one table."""
    import pandas as pd

    from factcheck.extract.schema import empty_table
    from factcheck.report.quantities import write_table

    write_table(pd.concat(tables, ignore_index=True) if tables else empty_table(), fmt, out, output)
