"""Vote tallies and outcomes: «ГОЛОСОВАЛИ: «за» — 25, «против» — нет», "Motion carried 12-0-1".

A tally is read only where the minutes put one (after ГОЛОСОВАЛИ, in a vote table, or on a line
that names at least two of for / against / abstained), because «за» is also a preposition. The
outcome is stored as "adopted" or "rejected" only when the minutes say it; a tally without an
outcome keeps `outcome=None` (the resolution compiler decides what to do with it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import Vote
from pipeline.minutes.numbers import leading_number, words_to_int

ADOPTED = "adopted"
REJECTED = "rejected"

_KEYS: dict[str, str] = {
    "for": r"за|жақтап|жақтағандар|қолдап|for|in\s+favou?r|yes|ayes",
    "against": r"против|проти|супраць|қарсы|against|nays?|noes",
    "abstained": r"воздержал(?:ись|ся|ась|ось)|воздержавши(?:хся|еся|йся)|утрима(?:лися|лись|лось|вся|лася|лися)"
                 r"|утрималися|устрымал(?:іся|ася)|устрымаўся|қалыс\s+қал(?:ды|ған|ғандар)"
                 r"|abstain(?:ed|ing|s)?|abstentions?",
}  # fmt: skip
_KEY_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _KEYS.items()) + r")(?![\w])",
    re.IGNORECASE,
)
_AFTER = re.compile(r"^[\s«»\"“”„'’:：=—–-]*")
_BEFORE = re.compile(r"[\s«»\"“”„'’—–-]*$")
_TRIPLE = re.compile(
    r"(?<![\d.])(\d{1,3})\s*[-–—:/]\s*(\d{1,3})\s*[-–—:/]\s*(\d{1,3})(?!\d|\.\d)")
_UNANIMOUS = re.compile(r"единогласн|одноголосн|аднагалосн|бірауыздан|unanimous|nem\.?\s*con",
                        re.IGNORECASE)
_REJECTED = re.compile(
    r"(?<!\w)не\s+(?:был[оа]?\s+)?(?:принят|прийнят|ухвален|одобрен|схвален|підтриман|поддержан)"
    r"|(?<!\w)не\s+прынят|қабылданбады"
    r"|отклон[её]н|відхилен|not\s+(?:been\s+)?(?:carried|adopted|passed|approved|agreed)"
    r"|\b(?:lost|defeated|failed|rejected)\b",
    re.IGNORECASE,
)
_ADOPTED = re.compile(
    r"\bприня(?:т[оаы]?|ли)\b|\bприйня(?:т[оаіе]?|ли)\b|\bухвален[оаіе]?\b|\bодобрен[оаы]?\b"
    r"|\bсхвален[оаіе]?\b|\bпрынят[аыо]?\b|\bқабылданды\b"
    r"|\b(?:carried|adopted|passed|approved|agreed)\b",
    re.IGNORECASE,
)
_OUTCOME_LINE = re.compile(
    r"^(?:(?:итоги?|результат|підсумок|outcome|result)\s*[:—–-]\s*)?"
    r"(?:(?:the\s+)?(?:решение|предложение|постановление|проект\s+решения|вопрос|рішення"
    r"|пропозиці[яю]|проєкт\s+рішення|проект\s+рішення|питання|motion|resolution|proposal|decision"
    r"|recommendation|рашэнне|шешім)\s+)?(?:был[оа]?\s+|was\s+|has\s+been\s+)?"
    r"(?:не\s+)?(?:принят|прийнят|ухвален|одобрен|схвален|отклон|відхилен|единогласн|одноголосн"
    r"|прынят|аднагалосн|қабылдан|бірауыздан"
    r"|carried|adopted|passed|approved|agreed|lost|defeated|failed|rejected|not\s|unanimous)",
    re.IGNORECASE,
)  # fmt: skip
#: an outcome line says the outcome and little more; longer text is a decision or a speech.
OUTCOME_MAX_CHARS = 120
#: what may follow the outcome word ("единогласно", "большинством голосов", a tally).
OUTCOME_TAIL_CHARS = 40


@dataclass
class Tally:
    """What one piece of text says about a vote."""

    votes_for: int | None = None
    against: int | None = None
    abstained: int | None = None
    unanimous: bool = False
    outcome: str | None = None

    @property
    def has_counts(self) -> bool:
        return any(v is not None for v in (self.votes_for, self.against, self.abstained))

    @property
    def empty(self) -> bool:
        return not self.has_counts and not self.unanimous and self.outcome is None


def read_tally(text: str) -> Tally:
    """Counts, unanimity and outcome found in a vote text (empty if it holds none)."""
    tally = Tally()
    _read_counts(text, tally)
    triple = _TRIPLE.search(text)
    if triple and not tally.has_counts:
        tally.votes_for, tally.against, tally.abstained = (int(g) for g in triple.groups())
    tally.unanimous = bool(_UNANIMOUS.search(text))
    tally.outcome = read_outcome(text)
    if tally.unanimous and tally.outcome is None and not tally.has_counts:
        tally.outcome = ADOPTED
    return tally


def _read_counts(text: str, tally: Tally) -> None:
    """Each key takes the number right after it («за» — 25) or, failing that, right before it
    (12 for, 0 against); commas never sit between a key and its number."""
    for found in _KEY_RE.finditer(text):
        key = found.lastgroup
        if key is None or getattr(tally, _FIELD[key]) is not None:
            continue
        value = _number_after(text, found.end())
        if value is None:
            value = _number_before(text, found.start())
        if value is not None:
            setattr(tally, _FIELD[key], value)


_FIELD = {"for": "votes_for", "against": "against", "abstained": "abstained"}


def _number_after(text: str, end: int) -> int | None:
    rest = text[end:]
    skip = _AFTER.match(rest)
    start = skip.end() if skip else 0
    found = leading_number(rest[start:])
    return found[0] if found else None


def _number_before(text: str, start: int) -> int | None:
    head = text[:start]
    skip = _BEFORE.search(head)
    head = head[: skip.start()] if skip else head
    digits = re.search(r"(?<![\d.])(\d{1,4})$", head)
    if digits:
        return int(digits.group(1))
    if not head or not head[-1].isalpha():
        return None
    tail = re.findall(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)?", head[-40:])[-3:]
    for start in range(len(tail)):
        value = words_to_int(" ".join(tail[start:]))
        if value is not None:
            return value
    return None


def count_keys(text: str) -> int:
    """How many different vote keys (for, against, abstained) a text names."""
    return len({m.lastgroup for m in _KEY_RE.finditer(text)})


def looks_like_tally(text: str) -> bool:
    """A line that is a tally without a label: two keys with numbers, or a 12-0-1 triple next
    to an outcome word."""
    if count_keys(text) >= 2:
        tally = Tally()
        _read_counts(text, tally)
        return sum(v is not None for v in (tally.votes_for, tally.against, tally.abstained)) >= 2
    return bool(_TRIPLE.search(text) and read_outcome(text))


def read_outcome(text: str) -> str | None:
    """"adopted", "rejected" or None, from what the text says."""
    if _REJECTED.search(text):
        return REJECTED
    if _ADOPTED.search(text):
        return ADOPTED
    return None


def is_outcome_line(text: str) -> bool:
    """«Решение принято единогласно.», "Motion carried.", «Рішення не прийнято»; only the first
    sentence counts (a signature may follow it on the same line)."""
    text = re.split(r"(?<=[.!])\s+(?=[A-ZА-ЯЁІЇЄҐ])", text.strip(), maxsplit=1)[0]
    found = _OUTCOME_LINE.match(text)
    if not found or len(text) > OUTCOME_MAX_CHARS:
        return False
    tail = text[found.end():]
    short = len(tail) <= OUTCOME_TAIL_CHARS or bool(re.search(r"\d", tail))
    return short and (read_outcome(text) is not None or bool(_UNANIMOUS.search(text)))


def to_vote(tally: Tally, block_ids: list[str]) -> Vote:
    """The model's `Vote` for a tally read from these blocks."""
    return Vote(votes_for=tally.votes_for, against=tally.against, abstained=tally.abstained,
                outcome=tally.outcome, unanimous=tally.unanimous, block_ids=list(block_ids))


def merge(vote: Vote, tally: Tally, block_ids: list[str]) -> None:
    """Add what a further line says (the outcome line after the counts) to a vote."""
    for name in ("votes_for", "against", "abstained"):
        if getattr(vote, name) is None and getattr(tally, name) is not None:
            setattr(vote, name, getattr(tally, name))
    vote.unanimous = vote.unanimous or tally.unanimous
    if tally.outcome is not None:
        vote.outcome = tally.outcome
    vote.block_ids.extend(b for b in block_ids if b not in vote.block_ids)
