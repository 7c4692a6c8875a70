"""Known defects of the rule-based engines, corrected by a table kept as data.

Some Apertium entries are wrong for an assembly's prose: «следующего заседания» is analysed as
a participle («котрий наслідувати засідання»), «к сведению» becomes «к зведенню», and common
minutes words are missing from the Russian–Ukrainian dictionary («Присутствовали»). Each
correction is a row of `postedit.tsv` (pair, the engine's wrong words, the right ones, a
source sentence that shows it, which the tests translate); nothing of it is in code. The
table is applied to the engine's raw output, where the engine's marks may stand before any of
the wrong words, so the corrected words are not reported as unknown afterwards.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FILE = Path(__file__).with_name("postedit.tsv")
_WORD = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Correction:
    """One row of the table."""

    source: str
    target: str
    wrong: str
    right: str
    example: str


class PostEdit:
    """The corrections of one table, compiled per pair."""

    def __init__(self, corrections: list[Correction]) -> None:
        self.corrections = corrections
        self._patterns: dict[tuple[str, str], list[tuple[re.Pattern[str], str]]] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> PostEdit:
        return _load(Path(path or DEFAULT_FILE))

    def apply(self, text: str, source: str, target: str) -> str:
        """The engine's output with every known defect of the pair corrected."""
        for pattern, right in self._for(source, target):
            text = pattern.sub(functools.partial(_with_case, right), text)
        return text

    def fingerprint(self, source: str, target: str) -> str:
        """Changes when a row of the pair changes (part of the memory key)."""
        rows = sorted(f"{c.wrong}\t{c.right}" for c in self.corrections
                      if (c.source, c.target) == (source, target))
        return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:8]

    def _for(self, source: str, target: str) -> list[tuple[re.Pattern[str], str]]:
        if (source, target) not in self._patterns:
            rows = [c for c in self.corrections if (c.source, c.target) == (source, target)]
            rows.sort(key=lambda c: -len(c.wrong))
            self._patterns[(source, target)] = [(_pattern(c.wrong), c.right) for c in rows]
        return self._patterns[(source, target)]


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> PostEdit:
    corrections = []
    header: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = cells
            continue
        row = dict(zip(header, cells, strict=False))
        source, _, target = row["pair"].partition("-")
        corrections.append(
            Correction(source, target, row["wrong"], row["right"], row.get("example", ""))
        )
    return PostEdit(corrections)


def _pattern(wrong: str) -> re.Pattern[str]:
    """The wrong words with an optional engine mark before each and any white space between."""
    pieces = []
    for token in _WORD.findall(wrong):
        word = re.escape(token)
        if token[0].isalpha():
            word = f"[*#@]?(?:{word[0].upper()}|{word[0].lower()}){word[1:]}"
        pieces.append(word)
    return re.compile(r"(?<!\w)" + r"\s*".join(pieces) + r"(?!\w)")


def _with_case(right: str, match: re.Match[str]) -> str:
    """Capital where the engine's words had one or a sentence starts, else lower case."""
    found = match[0].lstrip("*#@")
    before = match.string[: match.start()].rstrip()
    if found[:1].isupper() or not before or before[-1] in ".!?:;\n":
        return right[:1].upper() + right[1:]
    return right[:1].lower() + right[1:]
