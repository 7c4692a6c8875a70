"""The labelled set of `bench/kinds.py`: generated documents, the bundled samples, the minutes
quality set and files of `../shared/corpus/`, each with its true kind.

Generated documents are written (DOCX, PDF or text) from the fixtures in `bench/data/kinds/`:
one file per language (ru, uk, be, kk, en), written with the classifier, and `heldout.txt`,
written after its words and weights were settled and never tuned on. A fixture starts with
`=== FILE KIND` (`=== FILE KIND LANGUAGE` in `heldout.txt`); then each line is one element of
the document:

    # text        the title (Title style)          ## text    a heading
    **text        a bold line (letterheads)        ^text      a centred line
    + text        an item of a numbered list       - text     a bulleted item
    > left | right  a line with a tab (place and date, or an addressee on the right)
    | a | b |     a table row (rows in a row make a table)
    ---           a page break
    anything else a paragraph; "1. text" stays a paragraph with its number written out

Lines starting with "#" before the first document are comments. The samples and the shared
files are read in place (never copied); their kinds were labelled by reading them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "kinds"
SHARED = ROOT.parent / "shared" / "corpus"
MINUTES_TESTS = ROOT / "tests" / "pipeline" / "minutes"
LANGUAGES = ("ru", "uk", "be", "kk", "en")

#: the bundled samples, labelled by reading them. The Bishkek note announces a seminar to the
#: Secretariat, asks for the delegations' lists by a date and names a contact person, under an
#: outgoing number: correspondence, so a letter.
SAMPLES: dict[str, tuple[str, str]] = {
    "report_ryazan_water_ru.docx": ("report", "ru"),
    "minutes_session_ru.docx": ("minutes", "ru"),
    "report_kyiv_tourism_uk.docx": ("report", "uk"),
    "report_minsk_informatization_ru.pdf": ("report", "ru"),
    "report_astana_cooperation_en.pdf": ("report", "en"),
    "note_bishkek_cp1251.txt": ("letter", "ru"),
}
#: files of ../shared/corpus/ that parse, read one by one: test documents of other projects
#: (lorem ipsum, lists, headers, a BBC news item, a Russian poem and an encyclopaedia entry, a
#: sample "Глава 1 / Статья 1" page): none is a report, minutes, agenda, resolution or letter.
SHARED_FILES: dict[str, str] = {name: "other" for name in (
    "docx/docling__docx_grouped_images.docx", "docx/docling__docx_list_resumed_numbering.docx",
    "docx/docling__docx_page_header_footer_first_page.docx", "docx/docling__docx_rich_cells.docx",
    "docx/docling__legacy_sample.doc", "docx/mammoth__comments.docx",
    "docx/mammoth__footnotes.docx", "docx/pythondocx__comments-rich-para.docx",
    "docx/pythondocx__sct-first-page-hdrftr.docx", "docx/tika__NullHeader.docx",
    "docx/tika__testWORD_2006ml.docx", "docx/tika__testWORD_embedded_pdf.docx",
    "docx/tika__testWORD_endnote_table.docx", "docx/tika__testWORD_null_style.docx",
    "docx/tika__testWORD_numbered_list.docx", "docx/tika__testWORD_override_list_numbering.docx",
    "docx/tika__testWORD_tableInRunInsideParagraph.docx", "docx/tika__testWORD_various.docx",
    "docx/tika__testWORD6.doc", "text/dedoc__cp1251.txt", "text/dedoc__example_koi.html",
    "text/tika__russian.cp866.txt",
)}  # fmt: skip
#: the shared files of the short form (no LibreOffice conversions).
SHARED_SHORT = ("docx/tika__NullHeader.docx", "docx/tika__testWORD_2006ml.docx",
                "text/dedoc__example_koi.html", "text/dedoc__cp1251.txt")


@dataclass
class Case:
    """A labelled file: where it is, its true kind, its language and where it comes from."""

    path: Path
    kind: str
    language: str
    source: str


@dataclass
class Fixture:
    name: str
    kind: str
    language: str
    elements: list[tuple[str, Any]] = field(default_factory=list)


def fixtures(file_name: str) -> list[Fixture]:
    """The documents of one fixture file (`ru.txt`: Russian; `heldout.txt`: as they say)."""
    found: list[Fixture] = []
    for raw in (DATA / file_name).read_text("utf-8").splitlines():
        line = raw.strip()
        if line.startswith("=== "):
            name, kind, *language = line[4:].split()
            found.append(Fixture(name, kind, language[0] if language else file_name[:2]))
        elif line and found:
            _add(found[-1].elements, line)
    return found


def _add(elements: list[tuple[str, Any]], line: str) -> None:
    marks = (("## ", "h"), ("# ", "title"), ("**", "bold"), ("^", "center"), ("+ ", "num"),
             ("- ", "bullet"))
    for mark, kind in marks:
        if line.startswith(mark):
            elements.append((kind, line[len(mark):].strip()))
            return
    if line.startswith("|"):
        row = [cell.strip() for cell in line.strip("|").split("|")]
        if elements and elements[-1][0] == "table":
            elements[-1][1].append(row)
        else:
            elements.append(("table", [row]))
    elif line.startswith("> "):
        left, _, right = line[2:].partition("|")
        elements.append(("tab", (left.strip(), right.strip())))
    elif line == "---":
        elements.append(("pagebreak", None))
    else:
        elements.append(("p", line))


def _writer() -> Any:
    """The quality set's writers (`tests/pipeline/minutes/minutes_write.py`)."""
    if str(MINUTES_TESTS) not in sys.path:
        sys.path.insert(0, str(MINUTES_TESTS))
    import minutes_write

    return minutes_write.write


def generated(folder: Path, held_out: bool = False) -> Iterator[Case]:
    """Write the fixtures of the languages' files (or of `heldout.txt`) into `folder`; yields
    the labelled files."""
    write = _writer()
    folder.mkdir(parents=True, exist_ok=True)
    names = ["heldout.txt"] if held_out else [f"{language}.txt" for language in LANGUAGES]
    for fixture in (fixture for name in names for fixture in fixtures(name)):
        path = write(folder / fixture.name, fixture.elements, {})
        yield Case(path, fixture.kind, fixture.language, "held out" if held_out else "generated")


def minutes_set(folder: Path) -> Iterator[Case]:
    """The minutes quality set (tests/pipeline/minutes), every document minutes."""
    if str(MINUTES_TESTS) not in sys.path:
        sys.path.insert(0, str(MINUTES_TESTS))
    from make_minutes_set import all_minutes, all_real, make_set

    languages = {minutes.filename: minutes.language for minutes in all_minutes()}
    languages.update({real.filename: real.name.split("_")[0] for real in all_real()})
    for path in make_set(folder):
        yield Case(path, "minutes", languages.get(path.name, ""), "minutes set")


def samples() -> Iterator[Case]:
    for name, (kind, language) in SAMPLES.items():
        yield Case(ROOT / "samples" / name, kind, language, "samples")


def shared(short: bool) -> Iterator[Case]:
    """The shared files, read in place (none when the folder is absent)."""
    names = SHARED_SHORT if short else tuple(SHARED_FILES)
    for name in names:
        path = SHARED / name
        if path.exists():
            yield Case(path, SHARED_FILES[name], "", "shared corpus")


def all_cases(folder: Path, short: bool = False) -> list[Case]:
    """The whole labelled set; the generated files go into `folder`."""
    return [*generated(folder / "generated"), *generated(folder / "held-out", held_out=True),
            *samples(), *minutes_set(folder / "minutes"), *shared(short)]
