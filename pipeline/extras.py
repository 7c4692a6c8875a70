"""The optional parts of an installation (pyproject's extras), and the one check that names a
missing one.

Every module of the project is always installed; what may be missing are the third-party
libraries an extra brings. Code that needs one asks `require("search")` (or `installed`)
instead of guarding its own imports, so a missing library is reported once, by the extra's
name, with the command that installs it.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec

from corpus.errors import ConfigError

#: each extra of pyproject.toml, with the importable modules that show it is installed.
EXTRAS: dict[str, tuple[str, ...]] = {
    "nlp": ("spacy", "natasha", "pymorphy3", "py3langid", "razdel"),
    "translate": ("argostranslate", "apertium"),
    "search": ("whoosh", "numpy"),
    "web": ("fastapi", "uvicorn", "jinja2", "argon2", "multipart"),
    "ocr": ("pytesseract", "PIL"),
}


@cache
def missing_modules(extra: str) -> tuple[str, ...]:
    """The modules of `extra` that cannot be imported here (empty when it is installed)."""
    if extra not in EXTRAS:
        raise ConfigError(f"unknown extra {extra!r}; known: {', '.join(EXTRAS)}")
    return tuple(name for name in EXTRAS[extra] if find_spec(name) is None)


def installed(extra: str) -> bool:
    """Whether every library of `extra` can be imported."""
    return not missing_modules(extra)


def require(extra: str, needed_for: str = "") -> None:
    """Raise `ConfigError` naming the extra and how to install it when it is missing."""
    missing = missing_modules(extra)
    if missing:
        purpose = f"{needed_for} needs" if needed_for else "this needs"
        raise ConfigError(
            f"{purpose} the '{extra}' extra ({', '.join(missing)} missing): "
            f"pip install 'sekretar[{extra}]'"
        )
