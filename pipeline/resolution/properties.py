"""The file properties of a written resolution draft: what Word shows under File > Properties
and what document management systems index.

- title: the draft's title and its meeting line in the first language («ПРОЕКТ РЕШЕНИЯ —
  Заседание № 12, 9 апреля 2025 г., Москва»);
- author and last modified by: the name given (`sekretar resolution --author`), else the
  assembly's name in the first language;
- language: the first language (the sections' order follows `--to`);
- subject: the assembly's name; keywords: the meeting key, the place and the agenda items
  whose decisions the draft holds;
- created and modified: the moment the file is written (see `docx.new_document`).

`stamp` writes them into a saved draft, so every way of writing one ends the same.
"""

from __future__ import annotations

from pathlib import Path

import docx

from corpus.store import Store
from pipeline.resolution.compile import compile_draft, find_meetings
from pipeline.resolution.docx import FileInfo, describe
from pipeline.resolution.model import Draft
from pipeline.resolution.words import assembly_name, long_date, place_name, words


def file_info(draft: Draft, languages: list[str], author: str | None = None) -> FileInfo:
    """The properties of a draft written in these languages (see the module's rules)."""
    language = languages[0] if languages else "en"
    w = words(language)
    place = place_name(draft.city, draft.place, language)
    meeting = [w["meeting"].format(number=draft.number)] if draft.number else []
    meeting += [p for p in (long_date(draft.date, language), place) if p]
    title = w["title"] + (" — " + ", ".join(meeting) if meeting else "")
    items = [d.item_title for group in draft.groups for d in group[0].decisions if d.item_title]
    return FileInfo(title=title, author=(author or "").strip() or assembly_name(language),
                    language=language, subject=assembly_name(language),
                    keywords=[draft.key, place or "", *items])


def stamp(path: Path, store: Store, meeting: str, languages: list[str],
          author: str | None = None) -> FileInfo:
    """Write the properties of the draft of `meeting` into the saved file at `path`."""
    found = dict(find_meetings(store, meeting))
    documents = found.get(meeting) or next(iter(found.values()), [])
    info = file_info(compile_draft(documents, meeting), languages, author) if documents else \
        FileInfo(title=words(languages[0] if languages else "en")["title"],
                 author=(author or "").strip() or assembly_name("en"),
                 language=languages[0] if languages else "en", keywords=[meeting])
    document = docx.Document(str(path))
    describe(document, info)
    document.save(str(path))
    return info
