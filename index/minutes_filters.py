"""Search filters over the minutes structure: blocks of a speaker, of a member's votes in a
roll call, and of an agenda item.

The minutes stage links every speech, decision and vote to the blocks it came from, and the
store keeps those links (read through `store.minutes`). A filter is the set
of those block ids; the search turns it into a mask over its catalog rows. Nothing here needs
the Whoosh index, so the index schema does not change and no rebuild is needed.

A speaker is given as a person key ("ivanov i"), a surname key ("ivanov") or a name as the
minutes show it after normalisation («Иванов И.И.»); the CLI turns a typed name into a key
first; a surname in another case («Кузнецова», «Кузнецову») still finds Кузнецов, so a
filter errs on the side of finding. An item is given by its number ("2") or by words of its title («туризм»).
"""

from __future__ import annotations

import re

from corpus.minutes_store import Minutes


def speaker_blocks(minutes: Minutes, value: str) -> set[str]:
    """Block ids of the speeches of the person `value` names (see the module's rules)."""
    wanted = _fold(value)
    found: set[str] = set()
    for speech in minutes.speeches():
        key = _fold(speech.person_key or "")
        if wanted == _fold(speech.speaker) or _same_person(wanted, key):
            found.update(speech.block_ids)
    return found


def voter_blocks(minutes: Minutes, value: str) -> set[str]:
    """Block ids of the votes (and the decisions voted on) where the person `value` names is
    listed in a roll call; the person is matched as a speaker is."""
    wanted = _fold(value)
    found: set[str] = set()
    for vote in minutes.member_votes():
        key = _fold(vote.person_key or "")
        if wanted == _fold(vote.member) or _same_person(wanted, key):
            found.update(vote.block_ids)
    return found


def _same_person(wanted: str, key: str) -> bool:
    """"kuznecov d" is asked for as "kuznecov d", "kuznecov", or in another case of the
    surname ("kuznecova d", "kuznecovu"): a search filter errs on the side of finding."""
    surname, _, initial = key.partition(" ")
    asked, _, asked_initial = wanted.partition(" ")
    if not surname or (asked_initial and initial and asked_initial != initial):
        return False
    return asked == surname or (asked.startswith(surname) and len(asked) - len(surname) <= 2
                                and len(surname) >= 4)


def item_blocks(minutes: Minutes, value: str) -> set[str]:
    """Block ids of the agenda items numbered `value`, or whose title holds all its words:
    the item's own lines, its speeches, decisions and votes."""
    wanted = _fold(value).strip(" .")
    words = re.findall(r"\w+", wanted)
    found: set[str] = set()
    for item in minutes.agenda_items():
        title = _fold(item.title or "")
        by_number = item.number is not None and _fold(item.number) == wanted
        if by_number or (words and not wanted.isdigit() and all(w in title for w in words)):
            found.update(item.block_ids)
            found.update(minutes.item_block_ids(item.id))
    return found


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())
