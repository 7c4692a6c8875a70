"""The `sekretar` command line: a thin layer over the library.

Each command parses its arguments, calls one library function and prints the result. Errors of
the project's own types are shown as one plain line (a trace only with `--debug`). Exit codes:
0 ok, 1 some files failed or an operation failed, 2 usage or configuration error.
"""

from __future__ import annotations

import importlib
import sys

from corpus.database import DATABASE, inspect
from corpus.errors import ConfigError, NotFound, SekretarError
from pipeline.cli.app import app, console_err, state

#: the module of each command: a run imports only its command's module (each pulls in a tree
#: of libraries, and on a loaded 2-core machine every module tree costs seconds of start-up);
#: help and unknown names import them all.
COMMAND_MODULE = {
    "ingest": "pipeline.cli.documents", "status": "pipeline.cli.documents",
    "show": "pipeline.cli.documents",
    "entities": "pipeline.cli.analysis", "entity": "pipeline.cli.analysis",
    "translate": "pipeline.cli.translation", "models": "pipeline.cli.translation",
    "tm": "pipeline.cli.translation", "export": "pipeline.cli.translation",
    "review": "pipeline.cli.reviewing",
    "search": "pipeline.cli.searching", "reindex": "pipeline.cli.searching",
    "check": "pipeline.cli.searching",
    "minutes": "pipeline.cli.minutes", "resolution": "pipeline.cli.minutes",
    "sessions": "pipeline.cli.meetings", "exchange": "pipeline.cli.exchange",
    "serve": "pipeline.cli.serving",
    "backup": "pipeline.cli.safekeeping",
    "settings": "pipeline.cli.configuring",
    "users": "pipeline.cli.users",
    **dict.fromkeys(("documents", "history", "edit", "supersede", "delete", "restore", "purge",
                     "log"), "pipeline.cli.lifecycle"),
}
#: command modules; each registers its commands on `app` when imported.
COMMAND_MODULES = tuple(dict.fromkeys(COMMAND_MODULE.values()))


def load_commands(argv: list[str] | None = None) -> None:
    """Import the module of the command `argv` names, or every command module."""
    args = sys.argv[1:] if argv is None else argv
    name = next((arg for arg in args if not arg.startswith("-")), None)
    wanted = COMMAND_MODULE.get(name or "")
    for module in (wanted,) if wanted else COMMAND_MODULES:
        importlib.import_module(module)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning our errors into one line and an exit code."""
    load_commands(argv)
    state.exit_code, state.debug = 0, False
    try:
        app(args=argv, prog_name="sekretar")  # standalone: usage errors print and exit 2
    except SekretarError as err:
        if state.debug:
            raise
        console_err.print(f"[bold red]error:[/] {err}", highlight=False)
        return 2 if isinstance(err, ConfigError | NotFound) else 1
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
        return code or state.exit_code
    except KeyboardInterrupt:
        console_err.print("interrupted")
        return 130
    except Exception:
        damage = _damage()
        if damage is None or state.debug:
            raise
        console_err.print(f"[bold red]error:[/] {damage}", highlight=False)
        return 1
    return state.exit_code


def _damage() -> SekretarError | None:
    """What explains an unexpected failure in words: the archive's database failing SQLite's
    own check (a damaged page may be read as any value, so any step may fail on it)."""
    if state.data is None:
        return None
    return inspect(state.data / DATABASE)


def run() -> None:
    sys.exit(main())
