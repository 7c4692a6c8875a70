"""Evidence for each kind, read from a document's lines, each piece with its weight.

Headings weigh most: the name a document gives itself at its top («ПРОТОКОЛ № 12», "Report of
the Akimat…") counts 2 when it stands as a title, less lower down or in a lead sentence, and
the topmost title gets a bonus. Structure adds to it: the minutes labels (СЛУШАЛИ, ПОСТАНОВИЛИ,
ГОЛОСОВАЛИ…) and the minutes reader's own recognition; an agenda's numbered items without
decisions or votes; a resolution's preamble, operative words and self-reference; a letter's
salutation, closing, addressee, enclosure and reference number. Every function returns a list
of `Evidence`; `pipeline.kind.classify` adds them up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.kind import words
from pipeline.kind.reading import Reading, TextLine, any_of, compiled, plain_words
from pipeline.minutes.votes import is_outcome_line

#: a title standing as one (a heading, capitals, a short line) and one in a lead sentence.
TITLE = 2.0
LEAD_TITLE = 1.2
FIRST_TITLE_BONUS = 0.5
#: words a short title line may have before its kind word («Итоговый доклад»).
MODIFIERS = 3
SHORT_LINE = 12
#: a lead sentence names the document only at the top («Доклад администрации города…»).
LEAD_LINES = 4
#: a title word alone («ИНФОРМАЦИЯ», «ОТЧЁТ») may go on in the next line («о ходе…»).
ALONE = 2
#: labels of minutes lines that are not titles («ПОСТАНОВИЛИ: …», "Decision: …").
_TITLE_LABELS = ("title", "agenda")
#: minutes: the reader's recognition, body labels, head labels (Присутствовали, Председатель…).
READER = 1.0
BODY_LABELS = {"decided": 1.2, "voted": 1.0, "heard": 0.8, "spoke": 0.5}
HEAD_LABELS = ("present", "chair", "secretary", "invited", "absent")
HEAD_LABEL, HEAD_LABELS_CAP = 0.25, 0.75
#: agenda: numbered items under an agenda heading, no decisions, rapporteurs and such.
AGENDA_ITEMS, NO_DECISIONS = 0.8, 0.6
AGENDA_DETAIL, AGENDA_DETAIL_CAP = 0.3, 0.9
#: resolution: operative words, preamble, self-reference, numbered clauses.
OPERATIVE, SELF_REFERENCE = 1.2, 0.8
PREAMBLE, PREAMBLE_CAP = 0.4, 0.8
CLAUSE, CLAUSE_CAP = 0.25, 1.0
#: letter: salutation (to one / to many), closing, and the smaller conventions.
SALUTATION, COLLECTIVE_SALUTATION, CLOSING = 2.0, 1.0, 2.0
ENCLOSURE_SHEETS, ENCLOSURE = 1.0, 0.4
ADDRESSEE, REFERENCE, SUBJECT, CONTACT = 0.8, 0.7, 0.8, 0.5
LETTER_PHRASE, LETTER_PHRASES_CAP = 0.4, 1.2
#: report: the way a report read aloud ends.
SPEECH_ENDING = 0.6


@dataclass(frozen=True)
class Evidence:
    """A reason to think a document is of `kind`, and how much it counts."""

    kind: str
    weight: float
    reason: str


def titles(reading: Reading) -> list[Evidence]:
    """The first title line of each kind in the head, weighted by shape and position."""
    found: dict[str, Evidence] = {}
    head = reading.head
    for position, line in enumerate(head):
        if line.word_count <= ALONE and position + 1 < len(head):
            alone, line = line, replace(line, text=f"{line.text} {head[position + 1].text}")
            kind = title_kind(line) or kazakh_title_kind(alone.text)
        else:
            kind = title_kind(line)
        if kind is None or kind in found or (not titled(line) and position >= LEAD_LINES):
            continue
        weight = (TITLE if titled(line) else LEAD_TITLE) * position_factor(position)
        bonus = FIRST_TITLE_BONUS if not found else 0.0
        found[kind] = Evidence(kind, weight + bonus, f"title «{line.text[:60]}»")
    return list(found.values())


def title_kind(line: TextLine) -> str | None:
    """The kind a line names itself as, if it is a title line that names one."""
    text = line.text.lstrip("«\"'“„(—–- ").strip()
    if (line.numbered or line.label not in (None, *_TITLE_LABELS) or _SUBJECT.match(text)
            or _ENCLOSURE.match(text) or is_outcome_line(text)):
        return None
    match = _TITLE.search(text)
    if match is None:
        return kazakh_title_kind(text)
    before = text[: match.start()].split()
    if before and not (titled(line) and len(before) <= MODIFIERS and plain_words(
            text[: match.start()]) and not any(w.lower() in words.NOT_BEFORE_A_TITLE
                                               for w in before)):
        return None
    if not titled(line) and match.group(0).isascii() and not _LEAD_GOES_ON.match(
            text, match.end()):
        return None  # "Minutes after the meeting closed, …" is no title
    return match.lastgroup


def kazakh_title_kind(text: str) -> str | None:
    """The Kazakh title word that ends a line (only a number or a date may follow it:
    «ХАТТАМА № 4», «… туралы есеп»)."""
    matches = list(_KAZAKH_TITLE.finditer(text))
    if not matches or not _KAZAKH_TAIL.fullmatch(text[matches[-1].end():]):
        return None
    return matches[-1].lastgroup


def titled(line: TextLine) -> bool:
    """A line shaped as a title: a heading, capitals, or short without a sentence's end (a
    date's «г.» is no end: «ПРОТОКОЛ № 7 от 14 мая 2025 г.»)."""
    if line.heading or line.upper:
        return True
    ends = line.text.endswith(("!", "?", ";")) or (
        line.text.endswith(".") and not _ABBREVIATION_END.search(line.text))
    return line.word_count <= SHORT_LINE and not ends


def position_factor(position: int) -> float:
    """How much a title counts at this line of the head: the top counts most."""
    if position < 3:
        return 1.0
    return 0.75 if position < 8 else 0.5


def minutes(reading: Reading, reader_says_minutes: bool) -> list[Evidence]:
    """The minutes labels found, and whether the minutes reader would read the document."""
    found = [Evidence(words.MINUTES, weight, f"minutes label {label}")
             for label, weight in BODY_LABELS.items() if label in reading.labels]
    heads = [label for label in HEAD_LABELS if label in reading.labels]
    if heads:
        found.append(Evidence(words.MINUTES, min(HEAD_LABEL * len(heads), HEAD_LABELS_CAP),
                              f"minutes head labels {', '.join(heads)}"))
    if reader_says_minutes:
        found.append(Evidence(words.MINUTES, READER, "the minutes reader recognises it"))
    return found


def agenda(reading: Reading) -> list[Evidence]:
    """Numbered items under an agenda heading with nothing decided; rapporteurs, time slots
    and the items every agenda has."""
    found: list[Evidence] = []
    if any(title_kind(line) == words.AGENDA for line in reading.head) or "agenda" in reading.labels:
        items = sum(1 for line in reading.lines[:80] if line.numbered)
        if items >= 2:
            found.append(Evidence(words.AGENDA, AGENDA_ITEMS, f"{items} numbered items"))
        if not decides(reading):
            found.append(Evidence(words.AGENDA, NO_DECISIONS, "no decisions or votes"))
    details = sum(1 for line in reading.body if _RAPPORTEUR.match(line.body)
                  or _TIME_SLOT.match(line.body) or _STANDARD_ITEM.match(line.body))
    if details:
        found.append(Evidence(words.AGENDA, min(AGENDA_DETAIL * details, AGENDA_DETAIL_CAP),
                              f"{details} rapporteurs, time slots or standard items"))
    return found


def decides(reading: Reading) -> bool:
    """Whether anything is decided or voted: minutes labels, or a resolution's operative
    words."""
    return bool(reading.labels & {"decided", "voted"}) or any(
        operative(line.text) for line in reading.body)


def resolution(reading: Reading) -> list[Evidence]:
    """Operative words, preamble, self-reference and numbered clauses."""
    found: list[Evidence] = []
    if any(operative(line.text) for line in reading.body):
        found.append(Evidence(words.RESOLUTION, OPERATIVE, "operative words"))
    preamble = sum(1 for line in reading.body
                   if _PREAMBLE.match(line.body) or _KAZAKH_PREAMBLE.search(line.text))
    if preamble:
        found.append(Evidence(words.RESOLUTION, min(PREAMBLE * preamble, PREAMBLE_CAP),
                              f"{preamble} preamble lines"))
    if any(_SELF_REFERENCE.search(line.text) for line in reading.lines):
        found.append(Evidence(words.RESOLUTION, SELF_REFERENCE, "speaks of itself"))
    clauses = sum(1 for line in reading.body if (line.numbered and _CLAUSE.match(line.body))
                  or _KAZAKH_CLAUSE.search(line.text))
    if clauses:
        found.append(Evidence(words.RESOLUTION, min(CLAUSE * clauses, CLAUSE_CAP),
                              f"{clauses} operative clauses"))
    return found


def operative(text: str) -> bool:
    """An operative word before a colon or in capitals («Совет РЕШИЛ:», «ПОСТАНОВЛЯЕТ»)."""
    return any(match.group(0).isupper() or text[match.end():].lstrip()[:1] == ":"
               for match in _OPERATIVE.finditer(text))


def letter(reading: Reading) -> list[Evidence]:
    """Salutation, closing, enclosure, addressee, reference, subject, phrases, contact."""
    found = _salutation(reading) + _closing(reading)
    lines = reading.lines
    if any(_ENCLOSURE_SHEETS.search(line.text) for line in lines):
        found.append(Evidence(words.LETTER, ENCLOSURE_SHEETS, "enclosure with its sheets"))
    elif any(_ENCLOSURE.match(line.text) for line in reading.tail):
        found.append(Evidence(words.LETTER, ENCLOSURE, "enclosure"))
    for weight, reason, present in (
        (ADDRESSEE, "addressee", any(_addressee(line) for line in reading.head[:12])),
        (REFERENCE, "reference number", any(p.search(line.text) for p in _REFERENCES
                                            for line in lines[:40])),
        (SUBJECT, "subject line", any(_SUBJECT.match(line.text) for line in reading.head)),
        (CONTACT, "contact person", any(_CONTACT.match(line.text) for line in lines)),
    ):
        if present:
            found.append(Evidence(words.LETTER, weight, reason))
    phrases = sum(1 for line in lines[:40] if _LETTER_PHRASE.match(line.body)
                  or _SENDER_PHRASE.search(line.text[:120]) or _KAZAKH_PHRASE.search(line.text))
    if phrases:
        found.append(Evidence(words.LETTER, min(LETTER_PHRASE * phrases, LETTER_PHRASES_CAP),
                              f"{phrases} letter phrases"))
    return found


def _salutation(reading: Reading) -> list[Evidence]:
    for line in [line for line in reading.lines if not line.table][:20]:
        if line.word_count > 10:
            continue
        if _COLLECTIVE.match(line.text):
            return [Evidence(words.LETTER, COLLECTIVE_SALUTATION, f"salutation «{line.text}»")]
        if _PERSONAL.match(line.text):
            return [Evidence(words.LETTER, SALUTATION, f"salutation «{line.text}»")]
    return []


def _closing(reading: Reading) -> list[Evidence]:
    for line in reading.lines:
        if (line.word_count <= 8 and _CLOSING.match(line.text)) or _CLOSING_PHRASE.search(
                line.text):
            return [Evidence(words.LETTER, CLOSING, f"closing «{line.text[:40]}»")]
    return []


def _addressee(line: TextLine) -> bool:
    if line.heading or line.word_count > SHORT_LINE:
        return False
    return bool(_ADDRESSEE.match(line.text) or _KAZAKH_ADDRESSEE.search(line.text))


def report(reading: Reading) -> list[Evidence]:
    """The way a report read aloud ends («Благодарю за внимание»)."""
    if any(_SPEECH_ENDING.search(line.text) for line in reading.tail):
        return [Evidence(words.REPORT, SPEECH_ENDING, "ends as a speech")]
    return []


def _named(table: dict[str, tuple[str, ...]]) -> str:
    return "|".join(f"(?P<{kind}>{any_of(patterns)})" for kind, patterns in table.items())


_TITLE = compiled(_named(words.TITLE_WORDS))
_ABBREVIATION_END = compiled(r"(?:^|\s)\w{1,3}\.$")
_LEAD_GOES_ON = compiled(r"\s+(?:of|on|by|to|for|from|submitted|adopted|prepared|no\b|\d)")
_KAZAKH_TAIL = compiled(r"[\s\d№/.,:;()«»\"—–-]*(?:жыл\w*[\s\d.,]*)?")
_KAZAKH_TITLE = compiled(_named(words.KAZAKH_TITLE_WORDS))
_SUBJECT = compiled(words.SUBJECT_LINE)
_ENCLOSURE = compiled(words.ENCLOSURE)
_ENCLOSURE_SHEETS = compiled(words.ENCLOSURE_SHEETS)
_PERSONAL = compiled(any_of(words.SALUTATIONS_PERSONAL))
_COLLECTIVE = compiled(any_of(words.SALUTATIONS_COLLECTIVE))
_CLOSING = compiled(any_of(words.CLOSINGS))
_CLOSING_PHRASE = compiled(any_of(words.CLOSING_PHRASES))
_ADDRESSEE = compiled(any_of(words.ADDRESSEES))
_KAZAKH_ADDRESSEE = compiled(words.KAZAKH_ADDRESSEES + r"\s*$")
_REFERENCES = [compiled(p) for p in words.REFERENCES]
_LETTER_PHRASE = compiled(any_of(words.LETTER_PHRASES))
_SENDER_PHRASE = compiled(words.SENDER_PHRASES)
_KAZAKH_PHRASE = compiled(words.KAZAKH_LETTER_PHRASES)
_CONTACT = compiled(words.CONTACTS)
_SPEECH_ENDING = compiled(words.SPEECH_ENDINGS)
_OPERATIVE = compiled(any_of(words.OPERATIVE))
_PREAMBLE = compiled(any_of(words.PREAMBLE))
_KAZAKH_PREAMBLE = compiled(words.KAZAKH_PREAMBLE)
_SELF_REFERENCE = compiled(words.SELF_REFERENCE)
_CLAUSE = compiled(any_of(words.CLAUSE_VERBS))
_KAZAKH_CLAUSE = compiled(words.KAZAKH_CLAUSE_END)
_RAPPORTEUR = compiled(words.RAPPORTEURS)
_TIME_SLOT = compiled(words.TIME_SLOT)
_STANDARD_ITEM = compiled(any_of(words.STANDARD_ITEMS))

__all__ = ["Evidence", "agenda", "decides", "letter", "minutes", "report", "resolution",
           "title_kind", "titles"]
