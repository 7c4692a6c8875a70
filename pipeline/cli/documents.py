"""Commands that fill and inspect the archive: ingest, status, show."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from corpus.errors import ConfigError
from corpus.model import DOCUMENT_KINDS, Document
from pipeline.cli.app import (
    DataOption,
    JsonOption,
    app,
    console,
    open_store,
    print_json,
    setting_option,
    settings_for,
    state,
)
from pipeline.ingest.batch import BatchReport, IngestOptions, ingest
from pipeline.ingest.report import Progress as BatchProgress
from pipeline.ingest.versions import version_id
from pipeline.translate.router import INSTALL_COMMAND
from pipeline.wiring import Library

_STYLE = {"ok": "green", "partial": "yellow", "failed": "red", "unchanged": "dim"}


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="files and folders (searched recursively)")],
    collection: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--collection", "--session",
        help="a label for these files, such as \"Council 2025-04\"; minutes keep the meeting "
             "their header names as their session")] = None,
    kind: Annotated[Optional[str], typer.Option(  # noqa: UP045
        help=f"the files' kind, instead of the one read from their text: {', '.join(DOCUMENT_KINDS)}")] = None,
    password: Annotated[Optional[str], typer.Option(  # noqa: UP045
        envvar="SEKRETAR_PASSWORD",
        help="password for encrypted files (other programs can see it in the process list: "
             "prefer SEKRETAR_PASSWORD, --password-file or --ask-password)")] = None,
    password_file: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--password-file", help="read the password from the first line of this file")] = None,
    ask_password: Annotated[bool, typer.Option(
        "--ask-password", help="ask for the password (typed without being shown)")] = False,
    workers: Annotated[Optional[int], setting_option("workers")] = None,  # noqa: UP045
    deadline: Annotated[Optional[float], setting_option("deadline")] = None,  # noqa: UP045
    memory_mb: Annotated[Optional[int], setting_option("memory_mb")] = None,  # noqa: UP045
    stages: Annotated[Optional[str], setting_option("stages")] = None,  # noqa: UP045
    strict: Annotated[bool, typer.Option(help="stop at the first failed file: start no further "
                                         "file and end the batch with its reason")] = False,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Ingest files and folders into the archive.

    Each file is parsed and analysed in a worker process under a deadline and a memory cap; one
    bad file never stops the batch (unless --strict). Re-ingesting an unchanged file does
    nothing. A file is partial when something of it was lost; translations waiting for a
    model are listed once. Exits 1 if any file failed. The --collection label (--session is the
    same option) is kept with every file; it is also the session of files that are not minutes
    naming their own meeting.

    Example: sekretar ingest samples/ --collection "Council 2025-04"
    """
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise typer.BadParameter(f"must be one of {', '.join(DOCUMENT_KINDS)}", param_hint="--kind")
    settings = settings_for(data, workers=workers, deadline=deadline, memory_mb=memory_mb,
                            stages=stages)
    password = _password(password, password_file, ask_password)
    options = IngestOptions(kind=kind, collection=collection, password=password, strict=strict)
    with Library.open(settings) as library:
        caught_up = library.catch_up()
        if caught_up and not as_json:
            console.print(f"indexed {caught_up} document(s) stored by an earlier, interrupted run")
        report = _run_with_progress(library.store, paths, settings, options, library.on_saved(),
                                    quiet=as_json)
    if as_json:
        print_json(report.to_json() | {"report_path": report.report_path})
    else:
        _print_summary(report)
    state.exit_code = 1 if report.failed else 0


def _password(given: str | None, path: Path | None, ask: bool) -> str | None:
    """The password from the prompt, the file or the option (or SEKRETAR_PASSWORD)."""
    if ask:
        return str(typer.prompt("password", hide_input=True))
    if path is not None:
        try:
            lines = path.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError(f"cannot read the password file {path}: {err}") from err
        return lines[0] if lines else ""
    return given


def _run_with_progress(store: Any, paths: list[Path], settings: Any, options: IngestOptions,
                       hooks: Any, quiet: bool) -> BatchReport:
    """One bar over every phase of the batch, embedding included (its total counts each
    file's embedding pass), named by the phase the latest file entered."""
    columns = (TextColumn("{task.description:<9}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("[dim]{task.fields[current]}"))
    with Progress(*columns, console=console, transient=True, disable=quiet) as progress:
        task = progress.add_task("checking", total=None, current="")

        def moved(state: BatchProgress) -> None:
            progress.update(task, description=state.phase, completed=state.done,
                            total=state.total, current=state.name)

        return ingest(store, paths, settings, options, on_progress=moved, on_saved=hooks)


def _print_summary(report: BatchReport) -> None:
    counts = report.counts()
    table = Table(title=f"Batch {report.batch_id}", show_edge=False)
    for name in ("ok", "partial", "failed", "unchanged"):
        table.add_column(name, justify="right", style=_STYLE[name])
    table.add_row(*(str(counts[n]) for n in ("ok", "partial", "failed", "unchanged")))
    console.print(table)
    problems = [f for f in report.files if f.outcome in ("failed", "partial")]
    if problems:
        detail = Table(show_edge=False, show_header=True)
        detail.add_column("file")
        detail.add_column("outcome")
        detail.add_column("reason")
        for f in problems:
            detail.add_row(f.path, f"[{_STYLE[f.outcome]}]{f.outcome}", f.reason or "")
        console.print(detail)
    _print_waiting(report.waiting())
    if report.stopped:
        console.print(f"[red]{report.stopped}[/]")
    console.print(f"report: {report.report_path}")


def _print_waiting(waiting: dict[str, int]) -> None:
    """The pairs waiting for a translation model, once for the whole batch: no loss, and
    installing one fills them in on the next run."""
    if not waiting:
        return
    pairs = ", ".join(f"{pair} ({n} document{'s' if n != 1 else ''})"
                      for pair, n in waiting.items())
    console.print(f"translations waiting for a model: {pairs}. Install one with: "
                  f"{INSTALL_COMMAND}, then run ingest again to add them.")


@app.command("status")
def status_command(data: DataOption = None, as_json: JsonOption = False) -> None:
    """Show what the archive holds: documents by kind, language and status, and the failures of
    the last batch.

    Example: sekretar status --json
    """
    with open_store(data, readonly=True) as store:
        store.refuse_damaged()  # a summary of a damaged file would look sound
        summary: dict[str, Any] = {"documents": len(store.document_ids()),
                                   "blocks": store.block_count(), **store.counts(),
                                   "last_batch": store.last_batch()}
    if as_json:
        print_json(summary)
        return
    console.print(f"[bold]{summary['documents']}[/] documents, {summary['blocks']} blocks")
    for group in ("kind", "language", "status"):
        values = ", ".join(f"{k} {v}" for k, v in summary[group].items()) or "none"
        console.print(f"  by {group}: {values}")
    _print_last_batch(summary["last_batch"])


def _print_last_batch(batch: dict[str, Any] | None) -> None:
    if not batch:
        console.print("no batch has run yet")
        return
    files = batch["files"]
    counts = {o: sum(1 for f in files if f["outcome"] == o) for o in _STYLE}
    console.print(f"last batch {batch['batch']} ({batch['started']}): "
                  + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for f in files:
        if f["outcome"] == "failed":
            console.print(f"  [red]failed[/] {f['path']}: {f['reason']}")


@app.command("show")
def show_command(
    doc: Annotated[str, typer.Argument(help="document id, id prefix or source file name")],
    entities: Annotated[bool, typer.Option("--entities", help="mark entities in the text")] = False,
    version: Annotated[Optional[int], typer.Option(  # noqa: UP045
        "--version", help="this version (see 'sekretar history')", min=1)] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Print a document's metadata and its blocks in order.

    Example: sekretar show report_ryazan_water_ru.docx --version 1
    """
    with open_store(data, readonly=True) as store:
        document = store.load_document(
            version_id(store, doc, version) if version else store.resolve(doc))
        info = store.document_info(document.id)
        info["renditions"] = renditions(document, info, store.renditions.of(document.id))
    if as_json:
        print_json(document_json(document, info))
        return
    _print_document(document, info, entities)


def renditions(document: Document, info: dict[str, Any], others: list[dict[str, Any]]
               ) -> list[dict[str, Any]]:
    """The formats a document is kept in: its own file first, then its renditions (the same
    minutes in another format), each {"sha256", "source_name", "media_type", "source_path",
    "added"}."""
    own = {"sha256": document.id, "source_name": document.source_name,
           "media_type": document.media_type, "source_path": info.get("source_path"),
           "added": info.get("ingested")}
    return [own] + [{k: v for k, v in r.items() if k != "document_id"} for r in others]


def document_json(document: Document, info: dict[str, Any]) -> dict[str, Any]:
    """The stable JSON form of a document (`show --json`): what the archive stores (pairs
    waiting for a model are worked out by each translate run, and said by its batch)."""
    data = asdict(document)
    data.pop("waiting", None)
    data["version"] = info.get("version")
    data["ingested"] = info.get("ingested")
    data["renditions"] = info.get("renditions", [])
    return data


def _print_document(document: Document, info: dict[str, Any], with_entities: bool) -> None:
    console.print(f"[bold]{document.title or document.source_name}[/]")
    meta = [("id", document.id), ("file", f"{document.source_name} (version {info['version']})"),
            ("type", document.media_type), ("kind", document.kind),
            ("language", document.language), ("status", document.status),
            ("session", document.session), ("collection", document.collection),
            ("author", document.author),
            ("created", document.created), ("pages", document.pages)]
    for name, value in meta:
        if value is not None:
            console.print(f"  {name}: {value}")
    for problem in document.problems:
        console.print(f"  [yellow]problem:[/] {problem}")
    for other in info.get("renditions", [])[1:]:
        console.print(f"  also as: {other['source_name']} ({other['media_type']}, "
                      f"{other['sha256'][:12]})")
    console.print()
    from rich.markup import escape

    for block in document.blocks:
        # escaped: rich took "[p.2 paragraph OCR 93% ru]" for a markup tag and dropped it
        console.print(f"[dim]{escape(_place(block))}[/] {_block_text(block, with_entities)}")
        for line in review_lines(block):
            console.print(f"    [yellow]{escape(line)}[/]")


def review_lines(block: Any) -> list[str]:
    """One line per translation of the block that needs an editor's review, with the reason."""
    from corpus.review import describe

    return [f"{t.language} translation needs review: {describe(t.review_reason) or 'flagged'}"
            for t in block.translations if t.needs_review]


def _place(block: Any) -> str:
    where = f"p.{block.page}" if block.page else f"¶{block.paragraph}" if block.paragraph else ""
    kind = block.kind + (f" {block.level}" if block.level is not None else "")
    if block.table is not None:
        kind += f" t{block.table} r{block.row} c{block.col}"
    if block.list_label:
        kind += f" {block.list_label}"
    if block.ocr:
        kind += " OCR" + (f" {block.confidence:.0%}" if block.confidence is not None else "")
    if block.needs_ocr:
        kind += " needs OCR"
    return f"[{where} {kind} {block.language}]".replace("[ ", "[")


def _block_text(block: Any, with_entities: bool) -> str:
    from rich.markup import escape
    text = block.text
    if not with_entities or not block.entities:
        return escape(text)
    out, last = [], 0
    for e in sorted(block.entities, key=lambda e: e.start):
        if e.start < last:
            continue
        out.append(escape(text[last:e.start]))
        out.append(f"[reverse]{escape(text[e.start:e.end])}[/][dim]({e.label} {escape(e.key)})[/]")
        last = e.end
    out.append(escape(text[last:]))
    return "".join(out)
