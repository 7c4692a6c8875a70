"""The `settings` command: every setting, its value, where the value came from, and its help."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer
from rich.markup import escape

from corpus.errors import ConfigError
from pipeline.cli.app import DataOption, JsonOption, app, console, print_json
from pipeline.settings import describe_settings, shown

_STYLE = {"default": "dim", "environment": "cyan", "flag": "yellow"}


@app.command("settings")
def settings_command(
    assignments: Annotated[
        Optional[list[str]],  # noqa: UP045 - Typer reads the annotation at run time
        typer.Option("--set", metavar="NAME=VALUE",
                     help="set a setting for this run, as a command's flag would (repeatable)"),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show every setting: its value, where the value came from (default, environment or flag)
    and what it means.

    Example: SEKRETAR_WORKERS=4 sekretar settings --set deadline=300 --json
    """
    flags: dict[str, Any] = {"data": data, **_parse_assignments(assignments or [])}
    rows = describe_settings(None, **flags)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        source = row["source"]
        default = shown(row["default"]) or "empty"
        origin = source if source == "default" else f"{source}; default {default}"
        console.print(f"[bold]{row['name']}[/] = {escape(shown(row['value']))}  "
                      f"[{_STYLE[source]}]({escape(origin)})[/]")
        console.print(f"    [dim]{escape(row['help'])}; env {row['env']}[/]")


def _parse_assignments(assignments: list[str]) -> dict[str, str]:
    """`["deadline=300"]` as `{"deadline": "300"}`; a malformed one is a usage error."""
    given: dict[str, str] = {}
    for assignment in assignments:
        name, sign, value = assignment.partition("=")
        if not sign or not name.strip():
            raise ConfigError(f"--set takes NAME=VALUE, got {assignment!r}")
        given[name.strip().replace("-", "_")] = value
    return given
