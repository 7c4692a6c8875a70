"""Commands over the search index: search, reindex, check."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from corpus.errors import ConfigError, StoreError
from corpus.messages import Message
from corpus.model import KINDS_HELP
from corpus.store import DATABASE
from index.build import rebuild
from index.labels import facet_label
from index.results import Fragment, SearchResult
from index.searcher import MODES, Filters, Searcher
from pipeline.cli.app import (
    DataOption,
    JsonOption,
    app,
    console,
    console_err,
    open_store,
    print_json,
    settings_for,
    state,
)
from pipeline.ingest.integrity import (
    check_archive,
)
from pipeline.minutes.names import speaker_key
from pipeline.wiring import open_searcher

#: typer reads these from the annotations; it needs `Optional` on Python 3.11.
OptionalText = Optional[str]  # noqa: UP045
OptionalPath = Optional[Path]  # noqa: UP045


@app.command("search")
def search_command(
    query: Annotated[
        OptionalText, typer.Argument(help='words, "a phrase", prefix*, AND/OR/NOT')
    ] = None,
    lang: Annotated[
        OptionalText, typer.Option("--lang", help="only blocks in this language (ru, en, ...)")
    ] = None,
    kind: Annotated[OptionalText, typer.Option(help=KINDS_HELP)] = None,
    city: Annotated[OptionalText, typer.Option(help="only documents of this city")] = None,
    session: Annotated[OptionalText, typer.Option(help="only documents of this session")] = None,
    date_from: Annotated[
        OptionalText, typer.Option("--from", help="documents dated on or after (YYYY[-MM[-DD]])")
    ] = None,
    date_to: Annotated[
        OptionalText, typer.Option("--to", help="documents dated on or before")
    ] = None,
    entity: Annotated[
        OptionalText, typer.Option(help="only blocks mentioning this entity key")
    ] = None,
    speaker: Annotated[
        OptionalText,
        typer.Option(help="only what this speaker said in minutes (a name in any case, or a key)"),
    ] = None,
    item: Annotated[
        OptionalText,
        typer.Option(help="only blocks of this agenda item of minutes (its number or title words)"),
    ] = None,
    voted: Annotated[
        OptionalText,
        typer.Option(help="only the votes (and decisions) where this person's vote is listed"),
    ] = None,
    mode: Annotated[
        OptionalText,
        typer.Option(help="lexical, semantic or hybrid (default: hybrid when embeddings exist)"),
    ] = None,
    limit: Annotated[int, typer.Option(help="documents to show")] = 10,
    batch: Annotated[
        OptionalPath,
        typer.Option(help="file of queries: one a line, or CSV with a 'query' column"),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Search the archive in any language; results are grouped by document.

    A query is analysed in its own language (Russian and Ukrainian words by lemma), and an
    English or Ukrainian query also finds Russian blocks through translations and embeddings.
    --json prints {"query", "mode", "language", "total", "message", "facets", "hits"} (see
    docs/search.md). --batch FILE runs many queries with the index and models loaded once:
    with --json one JSON line per query, otherwise CSV (query, rank, document, source_name,
    block_id, score, fragment).

    Example: sekretar search "водоканал Рязань" --kind report --from 2024

    Example: sekretar search бюджет --speaker "Иванов И.И." --item 2

    Example: sekretar search взносы --voted "Белов С.Н."
    """
    if mode is not None and mode not in MODES:
        raise typer.BadParameter(f"must be one of {', '.join(MODES)}", param_hint="--mode")
    if (query is None) == (batch is None):
        raise typer.BadParameter("give a QUERY or --batch FILE (not both)")
    filters = Filters(
        language=lang,
        kind=kind,
        city=city,
        session=session,
        date_from=date_from,
        date_to=date_to,
        entity=entity,
        speaker=speaker_key(speaker) if speaker else None,
        item=item,
        voted=speaker_key(voted) if voted else None,
    )
    note = _note_printer()
    with open_store(data, readonly=True) as store, open_searcher(store, mode, note) as searcher:
        if not searcher.has_index and not store.is_empty():
            raise StoreError("the search index is missing or cannot be read: run "
                             "'sekretar reindex' (the archive itself is intact)")
        if batch is not None:
            _run_batch(searcher, batch, filters, mode, limit, as_json)
            return
        assert query is not None
        result = searcher.search(query, filters, mode, limit)
    if as_json:
        print_json(result.to_json())
    else:
        _print_result(result)


def _note_printer() -> Callable[[str], None]:
    def note(text: str) -> None:
        console_err.print(f"[yellow]note:[/] {escape(text)}", highlight=False)

    return note


def _queries(path: Path) -> Iterator[str]:
    """Queries from a text file (one a line) or a CSV file with a `query` column."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"cannot read the batch file {path}: {err}") from err
    lines = text.splitlines()
    if path.suffix.lower() == ".csv" and lines and "query" in next(csv.reader(lines[:1])):
        yield from (row["query"] for row in csv.DictReader(lines) if row.get("query", "").strip())
        return
    for line in lines:
        line = line.strip()
        if line.startswith("{"):
            try:
                line = str(json.loads(line).get("query", ""))
            except (ValueError, AttributeError):
                pass
        if line:
            yield line


def _run_batch(
    searcher: Searcher, path: Path, filters: Filters, mode: str | None, limit: int, as_json: bool
) -> None:
    writer = None if as_json else csv.writer(sys.stdout)
    if writer is not None:
        writer.writerow(
            ["query", "rank", "document", "source_name", "block_id", "score", "fragment"]
        )
    for text in _queries(path):
        result = searcher.search(text, filters, mode, limit)
        if writer is None:
            sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            continue
        for rank, hit in enumerate(result.hits, 1):
            block = hit.blocks[0] if hit.blocks else None
            fragment = block.fragments[0].text if block and block.fragments else ""
            writer.writerow(
                [
                    text,
                    rank,
                    hit.document_id,
                    hit.source_name,
                    block.block_id if block else "",
                    f"{hit.score:.6f}",
                    fragment,
                ]
            )


def _print_result(result: SearchResult) -> None:
    plain = not console.is_terminal  # piped: mark highlights with ** instead of colour
    if result.message:
        console.print(f"[yellow]{escape(result.message)}[/]")
    console.print(
        f"[bold]{result.total}[/] document(s) · {result.mode} · query language {result.language}"
    )
    # cities and entities by name, in the query's language (the JSON keeps the keys)
    language = result.language if result.language in ("ru", "uk", "en") else "en"
    for rank, hit in enumerate(result.hits, 1):
        city = facet_label("city", hit.city, language) if hit.city else None
        where = " · ".join(x for x in (hit.kind, city, hit.session, hit.date) if x)
        console.print(
            f"\n{rank}. [bold]{escape(hit.title or hit.source_name)}[/] "
            f"[dim]{escape(hit.source_name)} · {escape(where)} · {hit.document_id[:12]}[/]"
        )
        for block in hit.blocks:
            place = (
                f"p.{block.page}"
                if block.page
                else (f"¶{block.paragraph}" if block.paragraph else f"#{block.order}")
            )
            for fragment in block.fragments:
                console.print(f"   [dim]{place}[/] {_marked(fragment, plain)}")
    facets = {k: v for k, v in result.facets.items() if v}
    if facets:
        console.print()
        for name, values in facets.items():
            shown = ", ".join(
                f"{escape(facet_label(name, v['value'], language, v.get('name')))} {v['count']}"
                for v in values[:8]
            )
            console.print(f"[dim]{name}:[/] {shown}")


def _marked(fragment: Fragment, plain: bool = False) -> str:
    """The fragment with its highlights in reverse video, or between ** when not a terminal."""
    out, last = [], 0
    for start, end in fragment.highlights:
        out.append(escape(fragment.text[last:start]))
        word = escape(fragment.text[start:end])
        out.append(f"**{word}**" if plain else f"[bold reverse]{word}[/]")
        last = end
    out.append(escape(fragment.text[last:]))
    suffix = f" [dim]({fragment.language})[/]" if fragment.language else ""
    return "".join(out) + suffix


@app.command("reindex")
def reindex_command(data: DataOption = None, as_json: JsonOption = False) -> None:
    """Rebuild the search index from the archive (the store is the source of truth).

    Run it after deleting or damaging the index folder, or after an upgrade that changes the
    index format. Searches keep working on the old index until the new one is swapped in.

    Example: sekretar reindex
    """
    with open_store(data) as store:
        count = rebuild(store)
        documents = len(store.document_ids())
    if as_json:
        print_json({"documents": documents, "blocks": count})
    else:
        console.print(f"indexed {count} blocks of {documents} documents")


@app.command("check")
def check_command(
    fix: Annotated[
        bool,
        typer.Option("--repair", help="re-index what differs and re-run out-of-date stages"),
    ] = False,
    full: Annotated[
        bool,
        typer.Option("--full", help="check the database file in full (slower: every index "
                     "against its table)"),
    ] = False,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check the archive: the database file passes SQLite's own check, the index holds every
    stored block and nothing else, every kept source file still has its sha256, and every
    document's analysis stages are this version's and consistent. Exits 1 on a problem (after
    --repair: on one left).

    Example: sekretar check --repair
    """
    with open_store(data, readonly=not fix) as store:
        report = check_archive(store, settings_for(data), repair_found=fix, full=full)
    if as_json:
        print_json(report.to_json())
    else:
        for line in report.found:
            console.print(f"[red]problem:[/] {escape(line)}")
        if report.database_problems:
            console.print(escape(Message(
                "damaged_archive", path=str(store.data / DATABASE),
                detail=f"{len(report.database_problems)} problem(s) found")))
        if report.repaired_documents:
            console.print(f"repaired the index of {report.repaired_documents} document(s)")
        if report.rerun_documents:
            console.print(f"re-ran out-of-date stages on {report.rerun_documents} document(s)")
        console.print("ok" if not report.left else f"{len(report.left)} problem(s) left")
    state.exit_code = 1 if report.left else 0
