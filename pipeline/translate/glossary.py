"""The assembly's glossary: approved terms that machine translation must not touch.

Terms come from `corpus/reference/glossary.tsv` (one row per term and grammatical case, so
"Международной ассамблеи…" becomes "Міжнародної асамблеї…", not the nominative) and, when the
reference module is installed, from the nominative names of member cities, countries and
organisations in `corpus/reference`. Before translation each term found in a segment is replaced
by a placeholder (`ZZ0ZZ`) that both engines pass through unchanged; afterwards the placeholder
becomes the approved target term. A translation where an expected target term is missing (the
engine dropped or mangled the placeholder) is flagged for review, never silently accepted.

Matching works on words, not one large regular expression, so its cost stays a small fraction
of Apertium's even with hundreds of city names: each word is looked up by its folded form and
only the few terms starting with it are compared further.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from corpus import reference

DEFAULT_FILE = reference.FOLDER / "glossary.tsv"
PLACEHOLDER = "ZZ{}ZZ"
_PLACEHOLDER = re.compile(r"ZZ\s?(\d+)\s?ZZ", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:[-‐'’]\w+)*")


@dataclass(frozen=True)
class Term:
    """One grammatical form of a term in every language it has an approved name in."""

    key: str
    form: str
    names: dict[str, str]


@dataclass
class Protected:
    """A segment with its terms replaced by placeholders, and what each placeholder becomes."""

    text: str
    replacements: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)


@dataclass
class _Candidate:
    words: tuple[str, ...]
    source: str
    target: str
    key: str


def fold(text: str) -> str:
    """Comparison form: lower case, ё as е."""
    return text.lower().replace("ё", "е")


class Glossary:
    """Terms by key; per-pair lookup tables are built on first use and kept."""

    def __init__(self, terms: list[Term], origin: str = "") -> None:
        self.terms = terms
        self.origin = origin
        self._tables: dict[tuple[str, str], dict[str, list[_Candidate]]] = {}
        self._names: dict[str, dict[str, set[str]]] = {}

    @classmethod
    def load(cls, path: Path | None = None, with_reference: bool = True) -> Glossary:
        """The glossary file (the assembly's by default) plus the reference names."""
        file = Path(path) if path else DEFAULT_FILE
        terms = read_terms(file)
        if with_reference:
            terms += reference_terms({(t.key, t.form) for t in terms})
        return cls(terms, str(file))

    def protect(self, text: str, source: str, target: str) -> Protected:
        """Replace every glossary term of `source` that has a `target` name by a placeholder."""
        protected = Protected(text)
        pieces, last = [], 0
        for n, (start, end, candidate) in enumerate(self.find(text, source, target)):
            pieces += [text[last:start], PLACEHOLDER.format(n)]
            protected.replacements.append(candidate.target)
            protected.keys.append(candidate.key)
            last = end
        if pieces:
            protected.text = "".join(pieces) + text[last:]
        return protected

    @staticmethod
    def restore(text: str, protected: Protected) -> str:
        """Put the approved target terms where the placeholders came back."""

        def term(match: re.Match[str]) -> str:
            n = int(match[1])
            return protected.replacements[n] if n < len(protected.replacements) else match[0]

        return _PLACEHOLDER.sub(term, text) if protected.replacements else text

    def lost_terms(self, source_text: str, target_text: str, source: str, target: str) -> list[str]:
        """Keys of source terms whose approved target name is missing from the translation."""
        found = fold(target_text)
        lost = []
        names_of = self._target_names(target)
        for _, _, candidate in self.find(source_text, source, target):
            names = names_of.get(candidate.key, ())
            if not any(fold(name) in found for name in names):
                lost.append(candidate.key)
        if _PLACEHOLDER.search(target_text):
            lost.append("placeholder")
        return lost

    def find(self, text: str, source: str, target: str) -> list[tuple[int, int, _Candidate]]:
        """Non-overlapping term occurrences, longest first at each word, in text order."""
        table = self._table(source, target)
        words = list(_WORD.finditer(text))
        found: list[tuple[int, int, _Candidate]] = []
        i = 0
        while i < len(words):
            match = _match_at(text, words, i, table.get(fold(words[i][0]), ()))
            if match is None:
                i += 1
                continue
            candidate, length = match
            found.append((words[i].start(), words[i + length - 1].end(), candidate))
            i += length
        return found

    def fingerprint(self, source: str, target: str) -> str:
        """Changes when any term of the pair changes (part of the memory key)."""
        table = self._table(source, target)
        lines = sorted(f"{c.source}\t{c.target}" for group in table.values() for c in group)
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:8]

    def _target_names(self, target: str) -> dict[str, set[str]]:
        if target not in self._names:
            names: dict[str, set[str]] = {}
            for term in self.terms:
                if term.names.get(target):
                    names.setdefault(term.key, set()).add(term.names[target])
            self._names[target] = names
        return self._names[target]

    def _table(self, source: str, target: str) -> dict[str, list[_Candidate]]:
        if (source, target) not in self._tables:
            self._tables[(source, target)] = self._build(source, target)
        return self._tables[(source, target)]

    def _build(self, source: str, target: str) -> dict[str, list[_Candidate]]:
        nominative = {t.key: t.names.get(target, "") for t in self.terms if t.form == "nom"}
        table: dict[str, list[_Candidate]] = {}
        seen: set[str] = set()
        for term in self.terms:
            text = term.names.get(source, "")
            goal = term.names.get(target) or nominative.get(term.key, "")
            words = tuple(fold(w) for w in _WORD.findall(text))
            if not words or not goal or text in seen:
                continue
            seen.add(text)
            table.setdefault(words[0], []).append(_Candidate(words, text, goal, term.key))
        for group in table.values():
            group.sort(key=lambda c: -len(c.words))
        return table


def _match_at(
    text: str, words: list[re.Match[str]], i: int, candidates: list[_Candidate] | tuple[()]
) -> tuple[_Candidate, int] | None:
    for candidate in candidates:
        n = len(candidate.words)
        window = words[i : i + n]
        if len(window) == n and all(
            fold(w[0]) == c for w, c in zip(window, candidate.words, strict=True)
        ):
            if _case_fits(text[window[0].start() : window[-1].end()], candidate.source):
                return candidate, n
    return None


def _case_fits(found: str, term: str) -> bool:
    """Abbreviations match exactly; other terms need the capital their first letter has."""
    if term.isupper() and len(term) > 1:
        return found.split() == term.split()
    return not term[:1].isupper() or found[:1].isupper()


def read_terms(path: Path) -> list[Term]:
    """Rows of a glossary file: `key form LANG...` with a header naming the languages."""
    header: list[str] = []
    terms = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header:
            header = cells
            continue
        row = dict(zip(header, cells, strict=False))
        names = {lang: row[lang] for lang in header[2:] if row.get(lang)}
        terms.append(Term(row["key"], row.get("form") or "nom", names))
    return terms


def reference_terms(known: set[tuple[str, str]]) -> list[Term]:
    """Nominative names of cities, countries and organisations from `corpus.reference`.

    Names that are also ordinary words (the reference's `ambiguous` column) are left out: a
    placeholder there would replace a common word.
    """
    terms = []
    for entry in reference.entries():
        if (entry.key, "nom") in known:
            continue
        names = {
            lang: name for lang, name in entry.names.items() if name and name not in entry.ambiguous
        }
        if len(names) > 1:
            terms.append(Term(entry.key, "nom", names))
    return terms
