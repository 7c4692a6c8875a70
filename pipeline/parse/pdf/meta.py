"""PDF metadata and passwords: the info dictionary into the document, PDF dates into ISO.

Kept apart from the page reading because it is plain string work, tested on its own.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone

from corpus.model import Document
from pipeline.parse.pdf.layout import clean_text

_PDF_DATE = re.compile(
    r"^(?:D:)?(?P<year>\d{4})(?P<month>\d{2})?(?P<day>\d{2})?"
    r"(?P<hour>\d{2})?(?P<minute>\d{2})?(?P<second>\d{2})?"
    r"\s*(?P<zone>Z|[+\-]\d{2})?'?(?P<zone_minute>\d{2})?'?"
)
#: values some producers write instead of leaving a field empty.
_PLACEHOLDERS = {"untitled", "unspecified", "(unspecified)", "anonymous", "(anonymous)", "unknown"}
_FILE_NAME = re.compile(r"^\S+\.(?:docx?|rtf|odt|xlsx?|pptx?|txt|pdf)$", re.IGNORECASE)
_TITLE_PREFIXES = ("Microsoft Word - ", "Microsoft PowerPoint - ", "Microsoft Excel - ")
#: characters SASLprep maps to nothing (RFC 3454 table B.1), as AES-256 (R6) passwords need.
_SASL_NOTHING = re.compile(
    "[\u00ad\u034f\u1806\u180b-\u180d\u200b-\u200d\u2060\ufe00-\ufe0f\ufeff]"
)


def pdf_date(value: str | None) -> str | None:
    """A PDF date ("D:20090409123456+02'00'") as ISO 8601, at the precision it was given.

    "D:2009" gives "2009", "D:20090409" gives "2009-04-09", a full date-time gives
    "2009-04-09T12:34:56+02:00". A value that is not a real date gives None.
    """
    match = _PDF_DATE.match((value or "").strip())
    if not match:
        return None
    parts = match.groupdict()
    try:
        if parts["hour"] is None:
            return _date_only(parts)
        return _date_time(parts).isoformat()
    except ValueError:
        return None


def _date_only(parts: dict[str, str | None]) -> str:
    year, month, day = parts["year"] or "", parts["month"], parts["day"]
    datetime(int(year), int(month or 1), int(day or 1))  # raises ValueError if not a date
    return "-".join(p for p in (year, month, day) if p)


def _date_time(parts: dict[str, str | None]) -> datetime:
    numbers = [int(parts[k] or default) for k, default in _FIELDS]
    moment = datetime(*numbers)  # type: ignore[arg-type]
    zone = parts["zone"]
    if zone is None:
        return moment
    if zone == "Z":
        return moment.replace(tzinfo=UTC)
    minutes = int(zone[1:]) * 60 + int(parts["zone_minute"] or 0)
    sign = -1 if zone[0] == "-" else 1
    return moment.replace(tzinfo=timezone(timedelta(minutes=sign * minutes)))


_FIELDS = (
    ("year", "0"),
    ("month", "1"),
    ("day", "1"),
    ("hour", "0"),
    ("minute", "0"),
    ("second", "0"),
)


def apply_metadata(document: Document, info: dict[str, str], version: int | None) -> None:
    """Fill title, author, dates and the other info-dictionary fields into the document."""
    document.title = _title(info.get("Title"))
    document.author = _value(info.get("Author"))
    document.created = pdf_date(info.get("CreationDate"))
    document.modified = pdf_date(info.get("ModDate"))
    for key in ("Subject", "Keywords", "Creator", "Producer"):
        value = _value(info.get(key))
        if value:
            document.properties[key.lower()] = value
    if version:
        document.properties["pdf_version"] = f"{version // 10}.{version % 10}"


def _value(raw: str | None) -> str | None:
    value = clean_text(raw or "")
    return value if value and value.casefold() not in _PLACEHOLDERS else None


def _title(raw: str | None) -> str | None:
    """The title, unless it is only the file name that printing to PDF put there."""
    title = _value(raw)
    for prefix in _TITLE_PREFIXES:
        if title and title.startswith(prefix):
            title = _value(title[len(prefix) :])
    return None if title and _FILE_NAME.match(title) else title


def password_candidates(password: str | None) -> list[str | None]:
    """The password as given, then as SASLprep would prepare it (AES-256 files expect that).

    pdfium passes the password through unchanged, so a password typed with a soft hyphen or a
    compatibility character opens the file only in its prepared form.
    """
    if not password:
        return [None]
    prepared = unicodedata.normalize("NFKC", _SASL_NOTHING.sub("", password))
    prepared = "".join(" " if ch.isspace() else ch for ch in prepared)
    return [password] if prepared == password else [password, prepared]
