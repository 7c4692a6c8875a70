"""Speakers as secretaries list them after СЛУШАЛИ / ВЫСТУПИЛИ: several in one line, each with
a city or an organisation in brackets, and a word for the part they play.

- «Абдуллаев Р.Т. (г. Баку), Сидоренко О.П. (г. Минск)»: two speakers, each with a city;
- «Абдуллаев Р.Т. (Сидоренко О.П., Баку)»: a speaker with a co-speaker and the city they
  share written in the brackets (both speak; both are from Baku);
- «Коваль І.П. (КП «Київводоканал»)»: the bracket names an organisation, kept as the role;
- «содокладчик Гордеев Н.С. — …», "Invited: …": the part played (co-rapporteur, invited).

A line is read as a list only when every part of it, split at commas, semicolons and «и» /
«та» / "and" outside brackets, is a whole name with at most one bracket after it; anything else
is left to `read_speaker`, which reads one speaker with a role, city and speech.
"""

from __future__ import annotations

import re

from pipeline.minutes.speakers import SpeakerLine, name_at_start, read_speaker

#: words that say which part a speaker plays, per part, in the languages of the minutes.
CAPACITY_WORDS: dict[str, str] = {
    "co-rapporteur": r"содокладчик(?:и)?|співдоповідач(?:і)?|содакладчык|co-?rapporteurs?",
    "rapporteur": r"докладчик(?:и)?|доповідач(?:і)?|дакладчык|баяндамашы|rapporteurs?"
                  r"|presenters?",
    "invited": r"приглаш[её]нн(?:ый|ая|ые)|запрошен(?:ий|а|і)|запрошаны|шақырылған|invited"
               r"|guests?",
    "chair": r"председательствующий|головуючий|старшыня|chair(?:man|woman|person)?",
    "secretary": r"секретарь|секретар|сакратар|хатшы|secretary",
}  # fmt: skip
_CAPACITY = re.compile(
    r"^(?:" + "|".join(f"(?P<{k.replace('-', '_')}>{v})" for k, v in CAPACITY_WORDS.items())
    + r")\s*[:—–-]?\s+(?=\S)", re.IGNORECASE)
_JOINERS = re.compile(r"\s+(?:и|та|і|й|and)\s+")
_CITY_MARK = re.compile(r"^(?:г\.|гор\.|город|м\.|місто|горад|қ\.|қаласы)\s*", re.IGNORECASE)
_CITY_WORD = re.compile(r"^[А-ЯЁІЇЄҐЎӘҒҚҢӨҰҮҺA-Z][\w'’-]+(?:[\s-][А-ЯЁІЇЄҐЎӘҒҚҢӨҰҮҺA-Z][\w'’-]+)?$")


def capacity_prefix(text: str) -> tuple[str | None, str]:
    """«содокладчик Гордеев Н.С. …» → ("co-rapporteur", «Гордеев Н.С. …»)."""
    found = _CAPACITY.match(text.strip())
    if not found or found.lastgroup is None:
        return None, text.strip()
    return found.lastgroup.replace("_", "-"), text.strip()[found.end():]


def read_speakers(text: str, language: str, strict: bool = False) -> list[SpeakerLine]:
    """The speakers a line names: several for a list, one for a speaker line, none else."""
    capacity, rest = capacity_prefix(text)
    listed = read_speaker_list(rest, language, capacity)
    if listed:
        return listed
    one = read_speaker(rest, language, strict=strict and capacity is None)
    return [_with_capacity(one, capacity)] if one is not None else []


def _with_capacity(speaker: SpeakerLine, capacity: str | None) -> SpeakerLine:
    if capacity is not None and speaker.capacity is None:
        speaker.capacity = capacity
    return speaker


def read_speaker_list(text: str, language: str,
                      capacity: str | None = None) -> list[SpeakerLine] | None:
    """Two or more speakers written in one line (see the module's rules), or None; `capacity`
    is the part a word before the list gave them all."""
    parts = split_outside_brackets(text.strip().rstrip(".;"))
    speakers: list[SpeakerLine] = []
    for part in parts:
        read = _entry(part, language, capacity)
        if read is None:
            return None
        speakers.extend(read)
    return speakers if len(speakers) >= 2 else None


def split_outside_brackets(text: str) -> list[str]:
    """Split at commas, semicolons and «и» / "and" that stand outside brackets and quotes."""
    depths = []
    depth = 0
    for ch in text:
        if ch in "(«":
            depth += 1
        depths.append(depth)
        if ch in ")»":
            depth = max(0, depth - 1)
    cuts = [(n, n + 1) for n, ch in enumerate(text) if ch in ",;" and depths[n] == 0]
    cuts += [(m.start(), m.end()) for m in _JOINERS.finditer(text) if depths[m.start()] == 0]
    parts, start = [], 0
    for begin, end in sorted(cuts):
        parts.append(text[start:begin])
        start = end
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _entry(part: str, language: str, given: str | None) -> list[SpeakerLine] | None:
    """One part of a list: a name with an optional capacity word and bracket."""
    capacity, part = capacity_prefix(part)
    capacity = capacity or given
    found = name_at_start(part, language)
    if found is None:
        return None
    words, end = found
    rest = part[end:].strip()
    if not rest:
        return [SpeakerLine(words, None, None, "", capacity)]
    bracket = re.fullmatch(r"\((?P<inside>.*)\)", rest, re.DOTALL)
    if bracket is None:
        return None
    return _bracketed(words, bracket.group("inside"), capacity, language)


def _bracketed(words: list[str], inside: str, capacity: str | None,
               language: str) -> list[SpeakerLine]:
    """A bracket after a name: co-speakers, a city, an organisation, in any mix."""
    others: list[list[str]] = []
    city: str | None = None
    organisation: list[str] = []
    for piece in split_outside_brackets(inside):
        found = name_at_start(piece, language)
        if found is not None and found[1] == len(piece) and len(found[0]) >= 2:
            others.append(found[0])
        elif city is None and _is_city(piece):
            city = _CITY_MARK.sub("", piece).strip()
        else:
            organisation.append(piece)
    role = ", ".join(organisation) or None
    main = SpeakerLine(words, role, city, "", capacity)
    co = "co-rapporteur" if capacity == "rapporteur" else capacity
    return [main] + [SpeakerLine(w, None, city, "", co) for w in others]


def _is_city(piece: str) -> bool:
    """«г. Баку», «м. Київ» or a single capitalised place name ("Baku", «Минск»)."""
    if _CITY_MARK.match(piece):
        return True
    return bool(_CITY_WORD.match(piece)) and len(piece.split()) <= 2 and not piece.isupper()
