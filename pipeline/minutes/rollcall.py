"""Roll calls: how each member voted, where the minutes list it.

Two layouts are read:

- a table, one member a row: «Иванов И.И. | за», "1 | Anna Petrova | yes", or a name and a
  mark under the column of the choice («ФИО | За | Против | Воздержался» over «Иванов И.И. |
  + | | »); a header row says which column is which;
- after ГОЛОСОВАЛИ / Vote, one member a line: «Иванов И.И. — за», "Anna Petrova: abstain".

The members' votes go to the vote they follow (or make one); a tally the minutes do not state
is counted from them, and one they state is checked against them (`RollCall.problems`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from corpus.model import MemberVote, Vote
from pipeline.minutes.lines import Line
from pipeline.minutes.people import name_of
from pipeline.minutes.speakers import name_at_start

#: a member's choice as the minutes write it, per stored choice.
CHOICES: dict[str, str] = {
    "for": r"за|yes|aye|for|in\s+favou?r|жақтап|так",
    "against": r"против|проти|супраць|қарсы|no|nay|against",
    "abstained": r"воздержал(?:ся|ась|ись)|воздерж\.?|утримав(?:ся)?|утрималася|утримались"
                 r"|устрымаў(?:ся)?|устрымалася|қалыс\s+қалды|abstain(?:ed)?|abstention",
    "absent": r"отсутствовал[аи]?|не\s+голосовал[аи]?|відсутн(?:ій|я)|не\s+голосував(?:ла)?"
              r"|адсутнічаў|absent|did\s+not\s+vote",
}  # fmt: skip
_CHOICE = re.compile(
    r"^(?:" + "|".join(f"(?P<{k}>{v})" for k, v in CHOICES.items()) + r")[.;,]?$", re.IGNORECASE)
_MARK = re.compile(r"^[+✓✔✗xXхХ×vV]$")
_HEADER_WORDS = re.compile(
    r"^(?:№|n[o°]\.?|ф\.?\s*и\.?\s*о\.?|фамилия.*|прізвище.*|член.*|депутат.*|member.*|name"
    r"|голосование|голосування|vote|voting|решение|рішення)$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,3}[.)]?\s+")
_LINE = re.compile(r"^(?P<name>.+?)\s*(?:[—–:-]|\t)\s*(?P<choice>[^\W\d_][\w\s.]*?)[.;,]?$")


def choice_of(text: str) -> str | None:
    """for, against, abstained or absent, for a cell or word that says only that."""
    found = _CHOICE.match(" ".join(text.split()))
    return found.lastgroup if found else None


@dataclass
class RollCall:
    """The roll call being read under one item."""

    language: str
    columns: dict[int, str] = field(default_factory=dict)
    members: list[MemberVote] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def take(self, line: Line, after_vote_label: bool) -> bool:
        """Read the line if it belongs to a roll call; False leaves it to the item reader."""
        if line.table and line.cells:
            return self._header(line) or self._table_row(line)
        if not after_vote_label:
            return False
        found = _LINE.match(line.text.strip())
        choice = choice_of(found.group("choice")) if found else None
        return found is not None and choice is not None and \
            self._add(found.group("name"), choice, line)

    def _header(self, line: Line) -> bool:
        cells = [(col, text) for col, text in line.cells if not _NUMBER.match(text + " ")]
        choices = {col: choice_of(text) for col, text in cells}
        marked = {col: c for col, c in choices.items() if c}
        if len(marked) >= 2 and any(_HEADER_WORDS.match(t) for _, t in cells):
            self.columns = marked
            return True
        return len(cells) >= 2 and all(_HEADER_WORDS.match(t) for _, t in cells)

    def _table_row(self, line: Line) -> bool:
        """A member's row: a name, and a choice written out or marked under its column."""
        name = choice = None
        for col, cell in line.cells:
            text = _NUMBER.sub("", cell + " ").strip()
            said = choice_of(text)
            if said and col not in self.columns:
                choice = choice or said
            elif col in self.columns and (said or _MARK.match(text)):
                choice = choice or self.columns[col]
            elif name is None and text:
                name = text
        return name is not None and choice is not None and self._add(name, choice, line)

    def _add(self, name: str, choice: str, line: Line) -> bool:
        found = name_at_start(name.strip(), self.language)
        words = found[0] if found and found[1] >= len(name.strip()) - 1 else _latin(name)
        if not words:
            return False
        person = name_of(words, self.language)
        self.members.append(MemberVote(member=person.display, choice=choice,
                                       person_key=person.key, block_ids=list(line.block_ids)))
        return True

    def attach(self, vote: Vote, where: str) -> None:
        """Give the members read so far to `vote`: counts where it has none, a problem where
        they disagree with it; the roll call then starts afresh."""
        if not self.members:
            return
        counts = Counter(m.choice for m in self.members)
        keys = {m.person_key for m in self.members}
        if len(keys) < len(self.members):
            self.problems.append(f"{where}: a member votes twice in the roll call")
        stated = (vote.votes_for, vote.against, vote.abstained)
        found = (counts["for"], counts["against"], counts["abstained"])
        if all(v is None for v in stated):
            vote.votes_for, vote.against, vote.abstained = found
        elif any(s is not None and s != f for s, f in zip(stated, found, strict=True)):
            written = "+".join("?" if s is None else str(s) for s in stated)
            self.problems.append(f"{where}: the roll call ({'+'.join(map(str, found))}) does "
                                 f"not match the vote {written}")
        vote.members.extend(self.members)
        vote.block_ids.extend(i for m in self.members for i in m.block_ids
                              if i not in vote.block_ids)
        self.members = []


def _latin(name: str) -> list[str]:
    words = name.split()
    ok = 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z'’-]+", w) for w in words)
    return words if ok else []
