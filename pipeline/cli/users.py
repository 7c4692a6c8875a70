"""The `users` commands: accounts of the web page (`store.users`).

A password is never taken from the command line alone, where other users of the machine see it
in the process list and it stays in the shell's history: it is typed at a prompt (twice), read
from the first line of a file (`--password-file`), or from the environment variable
`SEKRETAR_PASSWORD`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from corpus.errors import ConfigError, InputError
from corpus.users import ROLES
from pipeline.cli.app import DataOption, JsonOption, app, console, open_store, print_json
from pipeline.extras import require

users_app = typer.Typer(
    help="Accounts of the web page: delegate, editor or secretariat.\n\n"
         "Example: sekretar users add anna --role secretariat",
    no_args_is_help=True,
)
app.add_typer(users_app, name="users")

PASSWORD_VARIABLE = "SEKRETAR_PASSWORD"
ROLE_HELP = f"one of {', '.join(ROLES)}"
OptionalPath = Optional[Path]  # noqa: UP045 - Typer reads it at run time
PasswordFile = Annotated[OptionalPath, typer.Option(
    "--password-file", help="read the password from the first line of this file "
    f"(else ${PASSWORD_VARIABLE}, else a prompt)")]
NameArgument = Annotated[str, typer.Argument(help="the account's name")]


def read_password(file: Path | None) -> str:
    """The password from the file, the environment or a prompt (see the module doc)."""
    if file is not None:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(f"{file}: cannot read the password file ({err})") from err
        if not lines or not lines[0]:
            raise InputError(f"{file}: the first line, the password, is empty")
        return lines[0]
    given = os.environ.get(PASSWORD_VARIABLE)
    if given:
        return given
    typed: str = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    return typed


@users_app.command("add")
def add_command(
    name: NameArgument,
    role: Annotated[str, typer.Option(help=ROLE_HELP)] = "delegate",
    ui: Annotated[Optional[str], typer.Option(  # noqa: UP045
        help="the interface language shown after sign-in: ru, uk or en")] = None,
    password_file: PasswordFile = None,
    data: DataOption = None,
) -> None:
    """Add an account that signs in to the web page.

    Example: sekretar users add anna --role secretariat --password-file anna.txt
    """
    require("web", "accounts")
    from pipeline.web.i18n import UI_LANGUAGES

    if ui is not None and ui not in UI_LANGUAGES:
        raise ConfigError(f"the interface language must be one of {', '.join(UI_LANGUAGES)}")
    password = read_password(password_file)
    with open_store(data) as store:
        store.users.add(name, role, password, ui)
    console.print(f"added {name} ({role})")


@users_app.command("list")
def list_command(data: DataOption = None, as_json: JsonOption = False) -> None:
    """The accounts: name, role, interface language, whether disabled.

    Example: sekretar users list
    """
    with open_store(data) as store:
        accounts = store.users.list()
    if as_json:
        print_json(accounts)
        return
    if not accounts:
        console.print("no accounts: the web page is open to anyone who reaches it, read-only, "
                      "published documents only")
    for account in accounts:
        state = f"disabled {account['disabled']}" if account["disabled"] else "active"
        console.print(f"{account['name']}  {account['role']}  {account['ui'] or '-'}  {state}")


@users_app.command("set-role")
def set_role_command(name: NameArgument,
                     role: Annotated[str, typer.Argument(help=ROLE_HELP)],
                     data: DataOption = None) -> None:
    """Give an account another role; it takes effect at its next page.

    Example: sekretar users set-role anna editor
    """
    with open_store(data) as store:
        store.users.set_role(name, role)
    console.print(f"{name} is now {role}")


@users_app.command("disable")
def disable_command(
    name: NameArgument,
    enable: Annotated[bool, typer.Option("--enable", help="enable it again instead")] = False,
    data: DataOption = None,
) -> None:
    """Stop an account from signing in (its sessions end, its API tokens are deleted).

    Example: sekretar users disable anna
    """
    with open_store(data) as store:
        if enable:
            store.users.enable(name)
        else:
            store.users.disable(name)
    console.print(f"{name} {'enabled' if enable else 'disabled'}")


@users_app.command("reset-password")
def reset_password_command(name: NameArgument, password_file: PasswordFile = None,
                           data: DataOption = None) -> None:
    """Set a new password; every session signed in with the old one ends.

    Example: SEKRETAR_PASSWORD=... sekretar users reset-password anna
    """
    require("web", "accounts")
    password = read_password(password_file)
    with open_store(data) as store:
        store.users.reset_password(name, password)
    console.print(f"new password set for {name}")


@users_app.command("token")
def token_command(
    name: NameArgument,
    revoke: Annotated[bool, typer.Option("--revoke", help="delete the account's tokens")] = False,
    data: DataOption = None,
) -> None:
    """Make an API token for the account (printed once; send it as
    `Authorization: Bearer TOKEN`), or delete its tokens with --revoke.

    Example: sekretar users token anna
    """
    with open_store(data) as store:
        if revoke:
            console.print(f"deleted {store.users.revoke_tokens(name)} token(s) of {name}")
            return
        if store.users.get(name) is None:
            raise ConfigError(f"no account {name!r} (see 'sekretar users list')")
        token = store.users.new_token(name)
    print(token)
