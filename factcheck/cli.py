"""The command line: a thin layer that wires the pipeline stages together.

Exit codes: 0 clean, 1 findings or drift, 2 bad input or usage.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck import __version__
from factcheck.documents import DocumentError, read_documents
from factcheck.report.quantities import TableFormat, write_table

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

app = typer.Typer(
    name="factcheck",
    help="Numeric fact checker for reported figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Numeric fact checker for reported figures."""


def _error(message: str) -> None:
    typer.echo(f"factcheck: {message}", err=True)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders, or - for stdin.")],
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE, not stdout.")] = None,
) -> None:
    """Extract every quantity into a table (one row per figure)."""
    import pandas as pd

    from factcheck.extract import extract_document

    tables, failed = [], False
    for item in read_documents(paths):
        if isinstance(item, DocumentError):
            _error(f"{item.doc}: {item.message}")
            failed = True
            continue
        tables.append(extract_document(item))
    table = pd.concat(tables, ignore_index=True) if tables else None
    if table is not None:
        table = table.sort_values(["doc", "start", "end"], kind="stable").reset_index(drop=True)
        write_table(table, fmt, sys.stdout, output)
    raise typer.Exit(EXIT_BAD_INPUT if failed else EXIT_CLEAN)


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
