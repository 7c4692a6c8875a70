"""The Typer application, shared options and output helpers for the command modules."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from corpus.store import Store
from pipeline.settings import Settings, declared, load_settings, shown


@dataclass
class State:
    debug: bool = False
    exit_code: int = 0
    #: the data folder of the archive a command opened (to name a damaged one on an error)
    data: Path | None = None


state = State()
console = Console(highlight=False, soft_wrap=True)
console_err = Console(stderr=True, highlight=False, soft_wrap=True)

app = typer.Typer(
    name="sekretar",
    help="Offline multilingual archive of an assembly's reports and session minutes.\n\n"
    "Example: sekretar ingest samples/ && sekretar status",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)



def setting_option(name: str, **checks: Any) -> Any:
    """The `--NAME` option that sets setting `name`, with its declared help, environment
    variable and default (the option itself defaults to None: environment, then default).
    `checks` go to `typer.Option` as they are (`exists=True`, `min=1`)."""
    row = declared(name)
    default = shown(row.default) or "empty"
    return typer.Option(f"--{name.replace('_', '-')}", show_default=False,
                        help=f"{row.help} (env {row.env}; default {default})", **checks)


DataOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads the annotation at run time
    setting_option("data"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="print stable JSON instead of text")]


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="show full traces on errors")] = False,
) -> None:
    state.debug = debug


def settings_for(data: Path | None, **overrides: Any) -> Settings:
    """Settings from defaults, environment and the command's flags."""
    return load_settings(data=data, **overrides)


def open_store(data: Path | None, readonly: bool = False) -> Store:
    state.data = settings_for(data).data
    return Store(state.data, readonly=readonly)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
