"""View models of the home page's lists and the browse pages: rows of documents and meetings,
the names of kinds and cities in the interface's language, and the links between pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from corpus import reference
from pipeline.web.views import document_url, session_url, titled

#: the ways to browse, in the order the browse page shows them, with their heading's word.
GROUP_WORDS = {"kind": "facet_kind", "city": "facet_city", "year": "facet_year",
               "meeting": "meeting"}


def browse_url(group: str | None, value: str | None = None, page: int = 1) -> str:
    """The browse page of one value of a group (every document when `group` is None)."""
    url = "/browse/all" if group is None else f"/browse/{group}/{quote(value or '', safe='')}"
    return url + (f"?page={page}" if page > 1 else "")


def kind_name(t: dict[str, str], kind: str | None) -> str:
    """A kind's label in the interface's language (the kind itself when it has none)."""
    return t.get(f"kind_{kind}", kind or "")


def city_name(city: str | None, ui: str) -> str:
    """A member city's name in the interface's language; any other value as written."""
    if not city:
        return ""
    entry = reference.lookup(city)
    if entry is None:
        return city
    names = dict(entry.names)
    return str(names.get(ui) or names.get("ru") or city)


def value_name(t: dict[str, str], ui: str, group: str | None, value: str | None) -> str:
    """How a browsed value is shown: kinds and cities by name, years and meetings as they are."""
    if group == "kind":
        return kind_name(t, value)
    if group == "city":
        return city_name(value, ui)
    return value or ""


@dataclass
class DocumentRow:
    """A document in a list: its title (the file name when it has none) shown once."""

    url: str
    title: str
    source_name: str | None
    details: list[str]


def document_rows(t: dict[str, str], ui: str, documents: list[dict[str, Any]]
                  ) -> list[DocumentRow]:
    rows = []
    for doc in documents:
        title, source_name = titled(doc.get("title"), doc["source_name"])
        language = doc.get("language") or ""
        details = [kind_name(t, doc.get("kind")), city_name(doc.get("city"), ui),
                   doc.get("date") or "", t.get(f"language_{language}", language)]
        rows.append(DocumentRow(
            url=document_url(doc["id"]),
            title=title,
            source_name=source_name,
            details=[d for d in details if d and d != "und"],
        ))
    return rows


@dataclass
class MeetingRow:
    url: str
    key: str
    details: list[str]


def meeting_rows(ui: str, meetings: list[dict[str, Any]]) -> list[MeetingRow]:
    rows = []
    for m in meetings:
        details = [m.get("date") or "", m.get("place") or city_name(m.get("city"), ui)]
        rows.append(MeetingRow(url=session_url(m["session"]), key=m["session"],
                               details=[d for d in details if d]))
    return rows


@dataclass
class GroupValue:
    name: str
    count: int
    url: str


@dataclass
class Group:
    name: str
    label: str
    values: list[GroupValue]


def groups(t: dict[str, str], ui: str, counts: dict[str, dict[str, int]]) -> list[Group]:
    """The browse page's lists: each group's values with their counts and links."""
    found = []
    for group, word in GROUP_WORDS.items():
        values = [GroupValue(value_name(t, ui, group, v), n, browse_url(group, v))
                  for v, n in counts.get(group, {}).items()]
        if group == "year":
            values.sort(key=lambda v: v.name, reverse=True)
        found.append(Group(group, t[word], values))
    return found


def page_urls(group: str | None, value: str | None, page: int, pages: int
              ) -> tuple[str | None, str | None]:
    """The previous and the next page's links (None at either end)."""
    previous = browse_url(group, value, page - 1) if page > 1 else None
    following = browse_url(group, value, page + 1) if page < pages else None
    return previous, following
