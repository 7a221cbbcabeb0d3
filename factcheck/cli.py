"""The command line: a thin layer that wires the pipeline stages together.

Exit codes: 0 clean, 1 findings or drift, 2 bad input or usage.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
import typer.core

from factcheck import __version__
from factcheck.report.formats import CompareFormat, TableFormat

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
# Killed by the user (Ctrl-C), and the reader of our output gone: the shell's codes for SIGINT, SIGPIPE.
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


class _Command(typer.core.TyperCommand):
    """Plain help (it reads the same in a CI log as on a terminal) whose arguments are named by
    their metavar: typer's own help shows `{paths}...` and `<list[str]>` for them."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, typer.core.TyperArgument):
                pieces.append(_argument_label(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        arguments = [(_argument_label(param), param.help or "") for param in params
                     if isinstance(param, typer.core.TyperArgument)]
        options = [record for param in params if not isinstance(param, typer.core.TyperArgument)
                   and (record := param.get_help_record(ctx)) is not None]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _argument_label(param: Any) -> str:
    label = param.metavar or param.name.upper()
    label = label if param.required else f"[{label}]"
    return label + ("..." if param.nargs != 1 else "")


def _choice(enum: type[StrEnum]) -> Callable[[str], StrEnum]:
    """Parse an option's value into `enum`, refusing anything else with the choices listed."""

    def parse(value: str) -> StrEnum:
        if isinstance(value, enum):
            return value
        try:
            return enum(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(enum)}") from None

    return parse


def _choices(enum: type[StrEnum]) -> str:
    return "[" + "|".join(enum) + "]"


app = typer.Typer(
    name="factcheck",
    help="Numeric fact checker for reported figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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


def _guarded(action: Callable[[], int]) -> NoReturn:
    """Run a corpus command and exit with its code. A file system error (a report folder that is
    read-only, full, or holds a link; an unwritable output file or `GITHUB_STEP_SUMMARY`) is bad
    input, not findings: one line naming the path, exit 2. Ctrl-C exits 130 once the command has
    said what it left behind."""
    try:
        code = action()
    except BrokenPipeError:  # the reader of our output went away (`factcheck ... | head`): end quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_BROKEN_PIPE) from None
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except KeyboardInterrupt:
        _error("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    raise typer.Exit(code)


def _max_bytes(ctx: typer.Context, value: str | None) -> str | None:
    """Validate --max-bytes (or $FACTCHECK_MAX_BYTES) and pass it on in that environment variable,
    where the reader finds it, for as long as the command runs."""
    from factcheck.documents import MAX_BYTES_ENV, default_max_bytes, parse_size

    try:
        if value is not None:
            previous = os.environ.get(MAX_BYTES_ENV)
            os.environ[MAX_BYTES_ENV] = str(parse_size(value))
            ctx.call_on_close(lambda: _restore_environment(MAX_BYTES_ENV, previous))
        default_max_bytes()
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    return value


def _restore_environment(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


# Options every corpus command (extract, check, compare) takes.
JobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, metavar="N", help="Worker processes. Default: all cores.")]
CacheDirOption = Annotated[Path | None, typer.Option(
    "--cache-dir", metavar="DIR", help="Cache folder. Default: $XDG_CACHE_HOME/factcheck.")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")]
ProgressOption = Annotated[bool, typer.Option(
    "--progress/--no-progress",
    help="Progress bar on stderr (only on a terminal, never under CI or NO_COLOR).")]

# Read by the callback only: the limit travels in the environment.
MaxBytesOption = Annotated[str | None, typer.Option(
    "--max-bytes", metavar="SIZE", callback=_max_bytes,
    help="Refuse any file, stdin or JSONL record above SIZE (e.g. 10MB, 512KiB). "
         "Default: $FACTCHECK_MAX_BYTES, else 10MB.")]


@app.command(cls=_Command)
def extract(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Article files, folders, or - for stdin.")],
    fmt: Annotated[TableFormat, typer.Option(
        "--format", "-f", metavar=_choices(TableFormat), parser=_choice(TableFormat),
        help="Output format (parquet needs the extra 'parquet').")] = TableFormat.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE, not stdout.")] = None,
    jobs: JobsOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    progress: ProgressOption = True,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Extract every quantity into a table (one row per figure), documents in input order."""
    if fmt is TableFormat.parquet and output is None:
        _error("--format parquet needs --output FILE")
        raise typer.Exit(EXIT_BAD_INPUT)
    if fmt is TableFormat.parquet and importlib.util.find_spec("pyarrow") is None:
        _error("--format parquet needs pyarrow: pip install 'factcheck[parquet]'")
        raise typer.Exit(EXIT_BAD_INPUT)
    from factcheck.corpus.extracting import run_extract

    settings = _corpus_settings(_load_config(), jobs, cache_dir, no_cache, progress, None, None, None)
    _guarded(lambda: run_extract(tuple(paths), settings, fmt, output, sys.stdout, sys.stderr))


@app.command(cls=_Command)
def compare(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH",
        help="Versions of one story (files or - for stdin); or folders holding one sub-folder per story, "
             "or JSONL corpora whose records carry a `story` field.")],
    fmt: Annotated[CompareFormat, typer.Option(
        "--format", "-f", metavar=_choices(CompareFormat), parser=_choice(CompareFormat),
        help="Output format.")] = CompareFormat.md,
    report_dir: Annotated[Path | None, typer.Option(
        "--report-dir", metavar="DIR",
        help="Write one comparison per story (STORY.compare.md and STORY.compare.html, or "
             "STORY.compare.json) into DIR.")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="With --report-dir: write nothing; exit 1 if any comparison would change.")] = False,
    jobs: JobsOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    progress: ProgressOption = True,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Compare one story's figures across its versions: conflicts, single-source figures, agreements.

    Exit 1 when versions conflict (with --check: when a comparison report would change).
    """
    if check and report_dir is None:
        _error("--check needs --report-dir")
        raise typer.Exit(EXIT_BAD_INPUT)
    from factcheck.corpus.comparisons import run_compare

    settings = _corpus_settings(_load_config(), jobs, cache_dir, no_cache, progress, None, None, None)
    _guarded(lambda: run_compare(tuple(paths), settings, fmt, report_dir, check, sys.stdout, sys.stderr))


class CheckFormat(StrEnum):
    md = "md"
    json = "json"
    junit = "junit"
    github = "github"
    sarif = "sarif"
    html = "html"
    terse = "terse"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


def _command() -> Any:
    """The click command typer builds from `app` (building it is a visible share of a short
    command's start-up, and calling `app()` builds it again: `main` builds it once, for
    `_prestart_workers` and the run)."""
    import typer.main

    return typer.main.get_command(app)


def _prestart_workers(argv: list[str], group: Any = None) -> None:
    """When the command line runs a corpus on local workers (the local pool's, or a local Dask
    cluster's), start their fork server now, before typer parses it: the server's preloading can
    overlap that parsing (which imports pydantic) and the command's own imports instead of
    following them. A run that then needs no worker leaves the server idle. A `check` hands the server its
    choice of rules to compile, and starts it only at its first document not in the cache when it
    may be served wholly from the cache (`factcheck.corpus.rulesets.start_server`).

    The command line is read by the command's own parser (click's, without typer's conversions);
    one it cannot read starts nothing, and typer reports what is wrong with it.
    """
    name = argv[0] if argv else ""
    if name not in ("extract", "check", "compare"):
        return
    group = group or _command()
    root = typer.Context(group, info_name=app.info.name)
    command = group.get_command(root, name)
    try:
        values, _, _ = command.make_parser(typer.Context(command, parent=root)).parse_args(argv[1:])
    except Exception:  # a usage error: typer's to report
        return
    paths = [str(path) for path in values.get("paths") or ()]
    if values.get("help") or not (len(paths) > 1 or any(
            path.endswith(".jsonl") or os.path.isdir(path) for path in paths)):
        return
    streamed = None
    if name == "extract" and values.get("fmt") in {fmt.value for fmt in TableFormat if fmt.streams}:
        streamed = TableFormat(values["fmt"])
    from factcheck.corpus.pool import PRELOAD_DASK, prestart, worker_preload

    preload = worker_preload(name == "check", streamed)
    if name == "check":
        config = _config_or_none()
        engine = values.get("engine") or (config.engine if config else None)
        if engine == "dask" and not _scheduler(config, values.get("engine"), values.get("scheduler")):
            preload = PRELOAD_DASK  # a local cluster, whose workers fork from the server too
        elif engine not in (None, "local"):
            return
        if config is not None:  # the server compiles the run's rules for its workers
            from factcheck.corpus.cache import Cache, default_cache_dir
            from factcheck.corpus.rulesets import start_server

            folder = values.get("cache_dir") or config.cache_dir or default_cache_dir()
            choice = _rule_choice(config, *(values.get(option) for option in (
                "rules", "extend_rules", "select", "ignore")))
            start_server(choice, Cache(None if values.get("no_cache") else Path(folder)), preload)
            return
    prestart(preload)


def _config_or_none() -> Any:
    """`[tool.factcheck]`, or None when the file is wrong (`check` reports it)."""
    from factcheck.corpus.config import ConfigError, find_config, load_config

    try:
        return load_config(find_config())
    except ConfigError:
        return None


def _scheduler(config: Any, engine: str | None, scheduler: str | None) -> str | None:
    """The Dask scheduler a run sends its documents to (None: a local cluster, or no Dask): the
    option's, else the configuration's, but only with `--engine` on the command line."""
    return scheduler or (config.scheduler if config is not None and engine is not None else None)


def _corpus_settings(config: object, jobs: int | None, cache_dir: Path | None, no_cache: bool,
                     progress: bool, engine: EngineName | None, scheduler: str | None,
                     time_limit: float | None) -> object:
    """Run settings from the options, else `[tool.factcheck]`, else the defaults."""
    from factcheck.corpus.cache import Cache, default_cache_dir
    from factcheck.corpus.pool import default_jobs
    from factcheck.corpus.runner import DEFAULT_TIME_LIMIT, Settings

    folder = cache_dir or (Path(config.cache_dir) if config.cache_dir else default_cache_dir())
    if config.scheduler and not scheduler and engine is None and config.engine == "dask":
        # A repository's configuration must not send its articles to another machine on its own.
        _error(f"warning: ignoring scheduler {config.scheduler!r} from {config.source}: a remote Dask "
               "scheduler is used only with --engine dask on the command line")
    return Settings(
        jobs=jobs or config.jobs or default_jobs(),
        cache=Cache(None if no_cache else folder),
        engine=str(engine or config.engine or "local"),
        scheduler=_scheduler(config, engine, scheduler),
        time_limit=time_limit or config.time_limit or DEFAULT_TIME_LIMIT,
        progress=progress,
    )


def _load_config() -> object:
    from factcheck.corpus.config import ConfigError, find_config, load_config

    try:
        return load_config(find_config())
    except ConfigError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_BAD_INPUT) from exc


# Options every command that loads rules (check, rules list|show|test|reference) takes.
RulesOption = Annotated[list[str] | None, typer.Option(
    "--rules", "-r", metavar="PATH",
    help="Rule file or folder to use instead of the shipped packs (repeatable). "
         "Default: rules in [tool.factcheck], else the shipped packs.")]
ExtendRulesOption = Annotated[list[str] | None, typer.Option(
    "--extend-rules", metavar="PATH",
    help="Rule file or folder to add to the rules (repeatable; also extend-rules in [tool.factcheck]).")]
SelectOption = Annotated[list[str] | None, typer.Option(
    "--select", metavar="ID",
    help="Apply only these rules: rule ids or packs (the part of an id before '/'), repeatable or "
         "comma-separated. Default: select in [tool.factcheck], else every rule.")]
IgnoreOption = Annotated[list[str] | None, typer.Option(
    "--ignore", metavar="ID",
    help="Leave out these rule ids or packs (repeatable or comma-separated; wins over --select). "
         "Default: ignore in [tool.factcheck].")]


def _rule_choice(config: Any, rules: list[str] | None, extend_rules: list[str] | None,
                 select: list[str] | None, ignore: list[str] | None) -> Any:
    """The rules a command applies: options win over `[tool.factcheck]`; `--rules` replaces the
    configured rules and their `extend-rules` too, `--extend-rules` adds to whichever rules apply."""
    from factcheck.rules.selection import RuleChoice

    def split(values: list[str] | None) -> tuple[str, ...] | None:
        if values is None:
            return None
        return tuple(part.strip() for value in values for part in value.split(",") if part.strip())

    extend = (() if rules else config.extend_rules) + tuple(extend_rules or ())
    return RuleChoice(rules=tuple(rules or config.rules or ()), extend=extend,
                      select=split(select) or config.select or (),
                      ignore=split(ignore) or config.ignore or (), severity=config.severity)


def _load_chosen(choice: Any, cache: Any = None) -> Any:
    """The chosen rule set, or exit 2 with the rule file's `file:line:col: what is wrong`. Given
    the run's `cache`, rules that loaded before are compiled only when needed (`run_rules`)."""
    from factcheck.rules.model import RuleError
    from factcheck.rules.selection import load_chosen

    try:
        if cache is not None:
            from factcheck.corpus.rulesets import run_rules

            return run_rules(choice, cache)
        return load_chosen(choice)
    except RuleError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_BAD_INPUT) from exc


@app.command(cls=_Command)
def check(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH",
        help="Articles: files, folders (searched recursively), JSONL corpora, or - for stdin.")],
    rules: RulesOption = None,
    extend_rules: ExtendRulesOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    report_dir: Annotated[Path | None, typer.Option(
        "--report-dir", metavar="DIR",
        help="Write one report per article (NAME.md and NAME.html), and index.md and index.html, "
             "into DIR.")] = None,
    fmt: Annotated[CheckFormat | None, typer.Option(
        "--format", "-f", metavar=_choices(CheckFormat), parser=_choice(CheckFormat),
        help="Output on stdout: md, html (one page), json, junit, github (annotations), sarif, or "
             "terse (one line per fail). Default: md (or format in [tool.factcheck]).")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", metavar=_choices(FailOn), parser=_choice(FailOn),
        help="Exit 1 when a fail verdict is at least this severe. Default: error.")] = None,
    check_only: Annotated[bool, typer.Option(
        "--check", help="With --report-dir: write nothing; exit 1 if any report would change, "
                        "printing the verdict drift and a diff.")] = False,
    jobs: JobsOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    progress: ProgressOption = True,
    engine: Annotated[EngineName | None, typer.Option(
        "--engine", metavar=_choices(EngineName), parser=_choice(EngineName),
        help="Where documents are processed: local processes, or a Dask cluster (extra 'dask'). "
             "Default: local.")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="Dask scheduler address (with --engine dask). Default: a local cluster.")] = None,
    time_limit: Annotated[float | None, typer.Option(
        "--time-limit", min=0.1, metavar="SECONDS",
        help="Seconds allowed per document before it is reported as an error. Default: 300.")] = None,
    max_bytes: MaxBytesOption = None,
    stories: Annotated[bool | None, typer.Option(
        "--stories/--no-stories",
        help="Check the versions of each story together, so that cross_source rules compare them "
             "(stories as for compare: articles named together, a sub-folder per story, a JSONL "
             "'story' field). Reads the whole corpus before checking. Default: off.")] = None,
) -> None:
    """Check articles' figures against the rules and report each verdict.

    Exit 0 when no fail verdict is at or above --fail-on, 1 when one is (with --check: when a
    report would change), 2 for bad input or usage (other documents are still checked and reported).
    """
    config = _load_config()
    report_dir = report_dir or (Path(config.report_dir) if config.report_dir else None)
    if check_only and report_dir is None:
        _error("--check needs --report-dir (or report-dir in pyproject.toml's [tool.factcheck])")
        raise typer.Exit(EXIT_BAD_INPUT)
    from factcheck.corpus.commands import CheckOptions, run_check
    from factcheck.corpus.pool import PoolError
    from factcheck.rules.findings import Severity
    from factcheck.rules.model import RuleError

    settings = _corpus_settings(config, jobs, cache_dir, no_cache, progress, engine, scheduler, time_limit)
    ruleset = _load_chosen(_rule_choice(config, rules, extend_rules, select, ignore), settings.cache)
    options = CheckOptions(
        paths=tuple(paths),
        settings=settings,
        fmt=str(fmt or config.format or "md"),
        fail_on=Severity(str(fail_on or config.fail_on or "error")),
        report_dir=report_dir,
        check=check_only,
        stories=bool(stories if stories is not None else config.stories),
    )

    def run() -> int:
        try:
            return run_check(options, ruleset, sys.stdout, sys.stderr)
        except (PoolError, RuntimeError, RuleError) as exc:  # a broken rule file the server compiled
            _error(str(exc))
            return EXIT_BAD_INPUT

    _guarded(run)


cache_app = typer.Typer(name="cache", help="Show or clear the result cache.", no_args_is_help=True,
                        rich_markup_mode=None)
app.add_typer(cache_app)


def _cache(cache_dir: Path | None) -> object:
    """The cache a corpus command would use: --cache-dir, else `[tool.factcheck]`, else the default."""
    from factcheck.corpus.cache import Cache, default_cache_dir

    config = _load_config()
    return Cache(cache_dir or (Path(config.cache_dir) if config.cache_dir else default_cache_dir()))


@cache_app.command("info", cls=_Command)
def cache_info(cache_dir: CacheDirOption = None) -> None:
    """Where the cache is, how many entries it holds, their size and the size limit."""
    from factcheck.corpus.cache import KINDS, SIZE_ENV, cache_limit

    cache = _cache(cache_dir)
    entries = list(cache.entries())
    size = sum(info.st_size for _, info in entries)
    kinds = ", ".join(f"{sum(name.startswith(kind + '/') for name, _ in entries)} {kind}"
                      for kind in KINDS)
    typer.echo(f"{cache.folder}: {len(entries)} entries ({kinds}), {size / 1e6:.1f} MB "
               f"of a {cache_limit() / 1e6:.0f} MB limit (${SIZE_ENV}); least recently used entries "
               "are pruned after a run that wrote any")


@cache_app.command("clear", cls=_Command)
def cache_clear(cache_dir: CacheDirOption = None) -> None:
    """Delete every cache entry (files factcheck wrote there; nothing else is touched)."""
    cache = _cache(cache_dir)
    typer.echo(f"{cache.folder}: deleted {cache.clear()} entries")


rules_app = typer.Typer(name="rules", help="List, show, test and document the YAML rules.",
                        no_args_is_help=True, rich_markup_mode=None)
app.add_typer(rules_app)


def _ruleset(rules: list[str] | None, extend_rules: list[str] | None, select: list[str] | None,
             ignore: list[str] | None) -> Any:
    """The rule set the options and `[tool.factcheck]` choose, as `check` would apply it."""
    return _load_chosen(_rule_choice(_load_config(), rules, extend_rules, select, ignore))


@rules_app.command("list", cls=_Command)
def rules_list(rules: RulesOption = None, extend_rules: ExtendRulesOption = None,
               select: SelectOption = None, ignore: IgnoreOption = None) -> None:
    """List every rule: id, kind, severity and title."""
    ruleset = _ruleset(rules, extend_rules, select, ignore)
    width = max((len(rule.id) for rule in ruleset), default=0)
    for rule in ruleset:
        typer.echo(f"{rule.id:<{width}}  {rule.kind:<15} {rule.severity:<8} {rule.title}")
    typer.echo(f"{len(ruleset)} rules from {', '.join(ruleset.files)}", err=True)


@rules_app.command("show", cls=_Command)
def rules_show(
    rule_id: Annotated[str, typer.Argument(metavar="ID",
                                           help="Rule id, e.g. munitions/shells-per-container.")],
    rules: RulesOption = None,
    extend_rules: ExtendRulesOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
) -> None:
    """Show one rule: what it checks, why it holds, its sources and examples."""
    import json

    ruleset = _ruleset(rules, extend_rules, select, ignore)
    rule = ruleset.get(rule_id)
    if rule is None:
        close = [other.id for other in ruleset if rule_id in other.id]
        _error(f"no rule {rule_id!r}" + (f"; did you mean {', '.join(close)}?" if close else
                                         "; see `factcheck rules list`"))
        raise typer.Exit(EXIT_BAD_INPUT)
    lines = [rule.id, f"  {rule.title}", "", f"kind: {rule.kind}    severity: {rule.severity}    "
             f"defined at: {rule.origin}", "", "why:", *_indent(rule.rationale), "", "sources:"]
    lines += [f"  - {source}" for source in rule.sources]
    lines += ["", "checks:"] + [f"  {key}: {json.dumps(value, ensure_ascii=False)}"
                                for key, value in rule.fields.items()]
    lines += ["", "examples:"]
    for example in rule.examples:
        lines += [f"  [{example.expect}] {example.text}"]
        lines += [f"      other version: {version}" for version in example.versions]
    typer.echo("\n".join(lines))


def _indent(text: str, width: int = 100) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="  ")


@rules_app.command("test", cls=_Command)
def rules_test(
    rules: RulesOption = None,
    extend_rules: ExtendRulesOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show every example, not only mismatches.")]
    = False,
) -> None:
    """Run every rule's examples through the pipeline; exit 1 when any gives another verdict."""
    from factcheck.rules.examples import run_examples

    ruleset = _ruleset(rules, extend_rules, select, ignore)
    total = mismatched = 0
    for outcome in run_examples(ruleset):
        total += 1
        mismatched += not outcome.ok
        if outcome.ok and not verbose:
            continue
        status = "ok" if outcome.ok else "MISMATCH"
        typer.echo(f"{outcome.example.origin}: {status}: {outcome.rule.id}: "
                   f"expected {outcome.example.expect}, got {outcome.verdict}")
        typer.echo(f"    {outcome.example.text}")
        for version in outcome.example.versions:
            typer.echo(f"    other version: {version}")
        for finding in outcome.findings:
            typer.echo(f"    {finding.verdict}: {finding.arithmetic or finding.message}")
        if outcome.crashed:
            typer.echo(f"    CRASHED: {outcome.crashed}")
        elif not outcome.findings:
            typer.echo("    (the rule found nothing to check)")
        if outcome.missed:
            typer.echo(f"    no {outcome.example.expect} finding on: {', '.join(outcome.missed)}")
    typer.echo(f"{total} examples in {len(ruleset)} rules: {total - mismatched} as expected, "
               f"{mismatched} mismatched")
    raise typer.Exit(EXIT_FINDINGS if mismatched else EXIT_CLEAN)


@rules_app.command("reference", cls=_Command)
def rules_reference(
    rules: RulesOption = None,
    extend_rules: ExtendRulesOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE, not stdout.")] = None,
    check_only: Annotated[bool, typer.Option(
        "--check", help="With --output: write nothing; exit 1 if FILE would change.")] = False,
) -> None:
    """Write the rules reference (markdown): every rule by pack, with id, severity, rationale,
    sources and examples. The shipped packs' page is docs/rules-reference.md."""
    from factcheck.report.rules_reference import render_reference

    if check_only and output is None:
        _error("--check needs --output")
        raise typer.Exit(EXIT_BAD_INPUT)
    page = render_reference(_ruleset(rules, extend_rules, select, ignore))
    if output is None:
        typer.echo(page, nl=False)
        raise typer.Exit(EXIT_CLEAN)
    current = output.read_text(encoding="utf-8") if output.is_file() else None
    if check_only:
        if current != page:
            _error(f"{output} is out of date: run factcheck rules reference --output {output}")
            raise typer.Exit(EXIT_FINDINGS)
        raise typer.Exit(EXIT_CLEAN)
    if current != page:
        output.write_text(page, encoding="utf-8")


facts_app = typer.Typer(name="facts", no_args_is_help=True, rich_markup_mode=None,
                        help="Show the reference facts the `reference` rules compare figures with.")
app.add_typer(facts_app)


class FactsFormat(StrEnum):
    text = "text"
    json = "json"


class FactKind(StrEnum):
    world = "world"
    country = "country"
    region = "region"
    city = "city"
    currency = "currency"
    yardstick = "yardstick"


_FACTS_FORMAT = typer.Option("--format", "-f", metavar=_choices(FactsFormat), parser=_choice(FactsFormat),
                             help="text for people, json for programs.")


@facts_app.command("list", cls=_Command)
def facts_list(
    kind: Annotated[FactKind | None, typer.Option(
        "--kind", metavar=_choices(FactKind), parser=_choice(FactKind),
        help="Only this kind of fact.")] = None,
    fmt: Annotated[FactsFormat, _FACTS_FORMAT] = FactsFormat.text,
) -> None:
    """List the places, currencies and yardsticks the checker knows, with their main figures."""
    import json

    from factcheck.facts import reference_facts
    from factcheck.report.facts import listing, listing_line

    facts = reference_facts()
    rows = listing(facts, kind.value if kind else None)
    if fmt is FactsFormat.json:
        typer.echo(json.dumps({"snapshot": facts.snapshot, "facts": rows}, ensure_ascii=False, indent=1))
    else:
        typer.echo("\n".join(listing_line(row) for row in rows))
        typer.echo(f"{len(rows)} facts (snapshot {facts.snapshot}); `factcheck facts show NAME` for sources",
                   err=True)


@facts_app.command("show", cls=_Command)
def facts_show(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A place (Wales, U.S., Lagos), a currency "
                                        "(GBP, euro) or a yardstick (olympic-pool).")],
    year: Annotated[int | None, typer.Option("--year", min=1900, max=2100, metavar="YEAR",
                                             help="Read the figures for this year. Default: any year "
                                             "2000-2025, as for an article of unknown date.")] = None,
    fmt: Annotated[FactsFormat, _FACTS_FORMAT] = FactsFormat.text,
) -> None:
    """Show what the checker believes about NAME, for which year, and where each figure comes from."""
    import json

    from factcheck.facts import reference_facts
    from factcheck.report.facts import as_text, describe, lookup

    facts = reference_facts()
    found = lookup(facts, name)
    if not found:
        _error(f"no reference facts for {name!r}; see `factcheck facts list`")
        raise typer.Exit(EXIT_BAD_INPUT)
    entries = [describe(facts, entry, year) for entry in found]
    if fmt is FactsFormat.json:
        typer.echo(json.dumps({"snapshot": facts.snapshot, "facts": entries}, ensure_ascii=False, indent=1))
    else:
        typer.echo("\n\n".join(as_text(entry) for entry in entries))


def _main_as_module() -> None:
    """Have the processes a run starts take the `factcheck` console script for `python -m factcheck`.

    multiprocessing runs a script that is the main module again in every process it starts (the
    workers, forked from the fork server, and the process asking it for the rules' verdict), which
    for the console script imports this module and typer in each before it does anything; a main
    module named `....__main__` it never runs again. The workers need nothing from the script."""
    script = sys.modules.get("__main__")
    if script is not None and getattr(script, "__spec__", None) is None:
        script.__spec__ = importlib.util.find_spec("factcheck.__main__")


def main() -> None:
    """Console-script entry point.

    Starts the workers' fork server first when the command line runs a corpus (`_prestart_workers`).
    Ends with `os._exit` once the standard streams are flushed, as mypy does: by then a command has
    closed its workers and written its files, and the interpreter's teardown of pandas, numpy and
    the unit tables would only delay the caller.
    """
    _main_as_module()
    command = _command()
    _prestart_workers(sys.argv[1:], command)
    try:
        command()  # as `app()` runs it (with pretty exceptions off, typer adds nothing else)
        code: object = EXIT_CLEAN
    except SystemExit as end:
        code = end.code
    if "factcheck.corpus.pool" in sys.modules:
        from factcheck.corpus.pool import stop_unused_server

        stop_unused_server()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = EXIT_BROKEN_PIPE if code in (None, EXIT_CLEAN) else code
    if code is None:
        code = EXIT_CLEAN
    elif not isinstance(code, int):  # sys.exit("message"): printed, status 1, as Python does
        print(code, file=sys.stderr, flush=True)
        code = 1
    os._exit(code)


__all__ = ["app", "main"]
