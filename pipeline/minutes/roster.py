"""A delegate roster: who may speak at a session, under which names, for which city and role.

The roster is a CSV or TSV file with a header row (delimiter sniffed):

    names	city	role	from	to	key
    Иванов Иван Иванович|Ivan Ivanov|Іванов Іван	Москва	заместитель мэра	2023-01-01	2025-12-31

`names` holds the written variants, separated by `|` or `;`; `from` and `to` (ISO dates, either
may be empty) bound the mandate, so the same name can stand for two people at different times;
`key` (optional) is the id the archive uses for the person, by default the person key of the
first variant ("ivanov i"). A speech is linked when exactly one delegate matches its person key
at the session's date; a name without initials ("Mr Ivanov") is linked by surname when only one
delegate of that surname sits at that date.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import ConfigError
from corpus.model import Session
from pipeline.minutes.header import city_of
from pipeline.minutes.names import NOMINATIVE, normalise_name

REQUIRED_COLUMNS = ("names",)


@dataclass(frozen=True)
class Delegate:
    """One roster row."""

    key: str
    names: tuple[str, ...]
    person_keys: tuple[str, ...]
    city: str | None = None
    role: str | None = None
    start: str | None = None
    end: str | None = None

    def sits_on(self, date: str | None) -> bool:
        """Whether the mandate covers the date (an unknown date is covered)."""
        if date is None:
            return True
        return (self.start or "0000") <= date <= (self.end or "9999")


class Roster:
    """Delegates, looked up by person key and date."""

    def __init__(self, delegates: list[Delegate]) -> None:
        self.delegates = delegates

    @classmethod
    def load(cls, path: Path) -> Roster:
        """Read a roster file; a missing file or column is a `ConfigError` saying which."""
        try:
            text = Path(path).read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError(f"cannot read roster {path}: {err}") from err
        rows = _rows(text)
        if not rows or any(c not in rows[0] for c in REQUIRED_COLUMNS):
            raise ConfigError(f"roster {path} needs a header row with a 'names' column")
        return cls([_delegate(row) for row in rows if (row.get("names") or "").strip()])

    def find(self, person_key: str | None, date: str | None) -> Delegate | None:
        """The one delegate with this key at this date, or None (unknown or ambiguous)."""
        if not person_key:
            return None
        sitting = [d for d in self.delegates if d.sits_on(date)]
        exact = [d for d in sitting if person_key in d.person_keys]
        if not exact and " " not in person_key:
            exact = [d for d in sitting if any(k.split(" ")[0] == person_key
                                               for k in d.person_keys)]
        return exact[0] if len({d.key for d in exact}) == 1 else None

    def link(self, session: Session, language: str) -> int:
        """Point every speech that matches a delegate at the delegate; returns how many."""
        linked = 0
        for item in session.agenda:
            for speech in item.speeches:
                delegate = self.find(speech.person_key, session.date)
                if delegate is None:
                    continue
                speech.person_key = delegate.key
                speech.role = speech.role or delegate.role
                speech.city = speech.city or city_of(delegate.city, language)
                linked += 1
        return linked


def _rows(text: str) -> list[dict[str, str]]:
    sample = text[:4096]
    delimiter = "\t" if "\t" in sample.splitlines()[0] else (
        ";" if sample.splitlines()[0].count(";") > sample.splitlines()[0].count(",") else ",")
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    reader.fieldnames = [f.strip().lower() for f in reader.fieldnames or []]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _delegate(row: dict[str, str]) -> Delegate:
    names = tuple(n.strip() for n in re.split(r"[|;]", row["names"]) if n.strip())
    keys = tuple(dict.fromkeys(_key_of(name) for name in names))
    return Delegate(key=row.get("key") or keys[0], names=names, person_keys=keys,
                    city=row.get("city") or None, role=row.get("role") or None,
                    start=row.get("from") or None, end=row.get("to") or None)


def _key_of(name: str) -> str:
    joined = re.sub(r"(\w\.)\s+(?=\w\.)", r"\1", name.strip())
    words = [w for w in joined.split() if w]
    language = "uk" if re.search("[іїєґ]", name, re.IGNORECASE) else "ru"
    return normalise_name(words, language, NOMINATIVE).key
