"""List labels as Word shows them ("1.", "2.3.", "а)", "•"), computed from numbering.xml.

Word stores no label text: a list paragraph names a numbering instance (`w:num`) and a level,
the instance points at an abstract definition (`w:abstractNum`) whose levels say the format
("%1.%2."), the number style and the start value, and the label follows from how many
paragraphs of that list came before. So labels must be counted in document order, once.

Counting follows Word: instances that share an abstract definition share their counters (a
list interrupted by another list resumes); an instance with `w:startOverride` restarts its
levels the first time it is used; a level restarts after any shallower level is used unless
`w:lvlRestart` says otherwise. Formats: decimal, decimalZero, upper/lowerLetter,
upper/lowerRoman, russianUpper/Lower, bullet and none; others are shown as decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.parse.docx.xml import MC_ALTERNATE, MC_FALLBACK, Element, int_val, val, w

LEVELS = 9
BULLET = "•"
MAX_SPELLED = 3999
_PLACEHOLDER = re.compile(r"%([1-9])")
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


@dataclass(frozen=True)
class Level:
    """One level of a list definition: where it starts, how it looks, when it restarts."""

    start: int = 0
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    style_id: str | None = None


@dataclass
class Instance:
    """A `w:num`: which definition it uses and what it overrides."""

    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


def format_number(number: int, fmt: str) -> str:
    """A counter value in one of Word's number formats.

    Letters and roman numerals grow with the number ("zzzz..."), so past `MAX_SPELLED` a
    crafted start value would make huge labels: such numbers are written in decimal.
    """
    if fmt in ("none", "bullet"):
        return ""
    if number > MAX_SPELLED:
        return str(number)
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(number, "abcdefghijklmnopqrstuvwxyz")
    elif fmt in ("russianLower", "russianUpper"):
        text = _letters(number, _RUSSIAN)
    elif fmt in ("lowerRoman", "upperRoman"):
        text = _roman(number)
    elif fmt == "decimalZero":
        return f"{number:02d}"
    else:
        return str(number)
    return text.upper() if fmt.startswith("upper") or fmt == "russianUpper" else text


def _letters(number: int, alphabet: str) -> str:
    """Word's letter numbering: a..z, then aa, bb, cc (the letter repeated), not aa, ab."""
    if number <= 0:
        return str(number)
    index, repeat = (number - 1) % len(alphabet), (number - 1) // len(alphabet) + 1
    return alphabet[index] * repeat


def _roman(number: int) -> str:
    if number <= 0:
        return str(number)
    parts = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


def _bullet(text: str) -> str:
    """A bullet's symbol; Symbol/Wingdings glyphs live in the private-use area, shown as •."""
    cleaned = "".join(BULLET if "\ue000" <= ch <= "\uf8ff" else ch for ch in text).strip()
    return cleaned or BULLET


def read_level(lvl: Element) -> Level:
    """A `w:lvl` element as a `Level`."""
    fmt_el = lvl.find(w("numFmt"))
    if fmt_el is None:
        fmt_el = lvl.find(f"{MC_ALTERNATE}/{MC_FALLBACK}/{w('numFmt')}")
    legal = lvl.find(w("isLgl"))
    return Level(
        start=int_val(lvl.find(w("start")), 0) or 0,
        fmt=val(fmt_el, "decimal") or "decimal",
        text=val(lvl.find(w("lvlText")), "") or "",
        restart=int_val(lvl.find(w("lvlRestart"))),
        legal=legal is not None and val(legal, "1") not in ("0", "false", "off"),
        style_id=val(lvl.find(w("pStyle"))),
    )


def _read_levels(parent: Element) -> dict[int, Level]:
    levels = {}
    for lvl in parent.iter(w("lvl")):
        ilvl = _ilvl(lvl.get(w("ilvl")))
        if ilvl is not None:
            levels[ilvl] = read_level(lvl)
    return levels


def _ilvl(raw: str | None) -> int | None:
    try:
        number = int(raw) if raw is not None else None
    except ValueError:
        return None
    return number if number is not None and 0 <= number < LEVELS else None


class ListNumbering:
    """The numbering definitions of one document and the running counters of its lists."""

    def __init__(self, root: Element | None) -> None:
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._style_links: dict[str, str] = {}
        self._links: dict[str, str] = {}
        self._instances: dict[str, Instance] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()
        if root is not None:
            self._read(root)

    def _read(self, root: Element) -> None:
        for abstract in root.iter(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"), "")
            self._abstracts[abstract_id] = _read_levels(abstract)
            if (link := val(abstract.find(w("styleLink")))) is not None:
                self._style_links[link] = abstract_id
            if (link := val(abstract.find(w("numStyleLink")))) is not None:
                self._links[abstract_id] = link
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"))
            if num_id is not None:
                self._instances[num_id] = self._read_instance(num)

    def _read_instance(self, num: Element) -> Instance:
        instance = Instance(val(num.find(w("abstractNumId")), "") or "")
        for override in num.iter(w("lvlOverride")):
            ilvl = _ilvl(override.get(w("ilvl")))
            if ilvl is None:
                continue
            start = int_val(override.find(w("startOverride")))
            if start is not None:
                instance.starts[ilvl] = start
            lvl = override.find(w("lvl"))
            if lvl is not None:
                instance.levels[ilvl] = read_level(lvl)
        return instance

    def _abstract_id(self, instance: Instance) -> str:
        """The definition an instance really uses, following a numbering-style link once."""
        link = self._links.get(instance.abstract_id)
        return self._style_links.get(link, instance.abstract_id) if link else instance.abstract_id

    def level(self, instance: Instance, ilvl: int) -> Level | None:
        """The effective definition of one level of an instance (overrides applied)."""
        level = instance.levels.get(ilvl) or self._abstracts.get(
            self._abstract_id(instance), {}
        ).get(ilvl)
        if level is not None and ilvl in instance.starts:
            level = replace(level, start=instance.starts[ilvl])
        return level

    def label(
        self, num_id: str | None, ilvl: int | None, style_id: str | None = None
    ) -> str | None:
        """Count one list paragraph and return its label; None if it is not in a list.

        Call it for every numbered paragraph in document order, empty ones included: Word
        counts them too.
        """
        instance = self._instances.get(num_id or "")
        if instance is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self._level_for_style(instance, style_id)
        level = self.level(instance, ilvl)
        if level is None:
            return None
        counters = self._count(num_id or "", instance, ilvl, level)
        return self._render(instance, ilvl, level, counters)

    def _level_for_style(self, instance: Instance, style_id: str | None) -> int:
        """The level whose `w:pStyle` names the paragraph's style (style-linked lists), else 0."""
        levels = self._abstracts.get(self._abstract_id(instance), {})
        return next((i for i, lv in levels.items() if style_id and lv.style_id == style_id), 0)

    def _count(self, num_id: str, instance: Instance, ilvl: int, level: Level) -> list[int | None]:
        counters = self._counters.setdefault(self._abstract_id(instance), [None] * LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            for restarted in instance.starts:
                counters[restarted] = None
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for shallower in range(ilvl):
            if counters[shallower] is None:
                # Word shows a skipped shallower level at its start value and counts from it.
                counters[shallower] = (self.level(instance, shallower) or Level()).start
        for deeper in range(ilvl + 1, LEVELS):
            if ilvl < self._restart_after(instance, deeper):
                counters[deeper] = None
        return counters

    def _restart_after(self, instance: Instance, ilvl: int) -> int:
        """A level restarts when a level shallower than this (0-based) is used; 0: never."""
        level = self.level(instance, ilvl)
        return ilvl if level is None or level.restart is None else level.restart

    def _render(
        self, instance: Instance, ilvl: int, level: Level, counters: list[int | None]
    ) -> str | None:
        if level.fmt == "bullet":
            return _bullet(level.text)

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            source = self.level(instance, index) or Level()
            value = counters[index]
            count = source.start if value is None else value
            fmt = "decimal" if level.legal and source.fmt != "none" else source.fmt
            return format_number(count, fmt)

        text = _PLACEHOLDER.sub(number, level.text).strip()
        return text or None
