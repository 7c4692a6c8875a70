"""Signature lines at the end of the minutes: «Председательствующий В.И. Ресин»,
«Председательствующий ____________ В.И. Ресин», «Секретарь: (подпись) Е.А. Ткачук»,
«Председательствующий, Мэр Москвы В.И. Ресин», "Chair    Anahit Harutyunyan", or the office
on one line and the name on the next.

A signature names who chaired or kept the minutes; it is never a speech. Between the office and
the name may stand only a line to sign on, «(подпись)», the office's own words («на заседании»,
«комиссии») or capitalised titles («Мэр Москвы»), so «Председательствующий предложил избрать
секретарём Е.А. Ткачук» stays a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.minutes.labels import Label

_U = "А-ЯЁІЇЄҐЎӘҒҚҢӨҰҮҺA-Z"
_L = "а-яёіїєґўәғқңөұүһa-z'’ʼ"
_OFFICES: dict[Label, str] = {
    Label.CHAIR: r"председательствующий|председатель|головуючий|головуюча|голова|старшыня"
                 r"|төраға|chair(?:man|woman|person)?|president",
    Label.SECRETARY: r"секретарь|секретар|сакратар|хатшы|протокол\s+в[её]л[аи]?|протокол\s+вів"
                     r"|протокол\s+вела|secretary|minutes\s+taken\s+by",
}
_OFFICE = re.compile(
    r"^(?:" + "|".join(f"(?P<{label.value}>{words})" for label, words in _OFFICES.items())
    + r")(?=\W|$)", re.IGNORECASE)
_NAME_AT_END = re.compile(
    rf"(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
    rf"(?:(?:[{_U}]\.\s?){{1,2}}\s?[{_U}][{_L}]+(?:-[{_U}][{_L}]+)?"
    rf"|[{_U}][{_L}]+(?:-[{_U}][{_L}]+)?\s+(?:[{_U}]\.\s?){{1,2}}"
    rf"|[{_U}][{_L}]+\s+[{_U}][{_L}]+))"
    r"\s*(?:\((?:подпись|підпис|signed)\)|/[^/]*/)?\s*$")
_SIGNED = re.compile(r"\((?:подпись|підпис|signed)\)", re.IGNORECASE)
#: lower-case words that may stand between the office and the name.
_FILLER_WORDS = {
    "на", "заседании", "заседания", "засіданні", "засідання", "комиссии", "комісії", "совета",
    "ради", "собрания", "зборів", "подпись", "підпис", "signed", "of", "the", "meeting", "м.п",
    "рабочей", "группы", "комитета", "правления", "бюро", "президиума", "исполкома", "робочої",
    "групи", "комітету", "виконавчого", "board", "committee", "group", "working", "council",
}


@dataclass(frozen=True)
class Signature:
    """An office (CHAIR or SECRETARY) and the name signed under it (None: on the next line)."""

    office: Label
    name: str | None


def read_signature(text: str) -> Signature | None:
    """The signature a line holds, or None when it is anything else."""
    text = " ".join(text.replace("\t", " ").split())
    found = _OFFICE.match(text)
    if found is None or found.lastgroup is None:
        return None
    office = Label(found.lastgroup)
    rest = text[found.end():]
    if not rest.strip(" _:.,—–-"):
        return Signature(office, None)
    name = _NAME_AT_END.search(rest)
    if name is None or not _filler_only(rest[: name.start()]):
        return None
    return Signature(office, _tidy(name.group("name")))


def read_signed_name(text: str) -> str | None:
    """A name standing alone on the line under an office («В.И. Ресин»), or None."""
    text = " ".join(text.replace("\t", " ").split()).strip(" _")
    found = _NAME_AT_END.fullmatch(text)
    return _tidy(found.group("name")) if found else None


def _filler_only(text: str) -> bool:
    """Only a signing line, «(подпись)», office words or capitalised titles."""
    words = re.findall(r"[^\W\d_]+(?:\.[^\W\d_]+)?", _SIGNED.sub(" ", text))
    if len(words) > 6:
        return False
    return all(w[:1].isupper() or w.lower() in _FILLER_WORDS for w in words)


def _tidy(name: str) -> str:
    return re.sub(r"\.\s+(?=[^\W\d_]\.)", ".", name.strip())
