"""Why a translation needs an editor's review, stored with it and said in the reader's language.

The quality checks of the translate stage store each reason as a code and the words it is
about, `untranslated:Рекомендовать,Присутствовали|repeated:Поручить`, in the translation's
`review_reason`. The CLI, the exports and the web page read it through `describe`, so the
same reason is worded in English, Russian or Ukrainian without parsing sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.memory import HUMAN
from corpus.model import UNDETERMINED, Document

#: reason code -> wording per language; `{words}` are the words the reason is about.
REASONS: dict[str, dict[str, str]] = {
    "untranslated": {
        "en": "words left in the source language: {words}",
        "ru": "слова остались на языке оригинала: {words}",
        "uk": "слова залишилися мовою оригіналу: {words}",
    },
    "unknown": {
        "en": "words the engine did not know: {words}",
        "ru": "слова, которых не знает система перевода: {words}",
        "uk": "слова, яких не знає система перекладу: {words}",
    },
    "repeated": {
        "en": "a word repeated: {words}",
        "ru": "повтор слова: {words}",
        "uk": "повтор слова: {words}",
    },
    "lost": {
        "en": "missing from the translation: {words}",
        "ru": "пропало в переводе: {words}",
        "uk": "зникло в перекладі: {words}",
    },
    "length": {
        "en": "the translation is {words} times the length of the source",
        "ru": "перевод в {words} раза длиннее или короче оригинала",
        "uk": "переклад у {words} раза довший або коротший за оригінал",
    },
}
_FALLBACK = {"en": "{code}: {words}", "ru": "{code}: {words}", "uk": "{code}: {words}"}


def encode(reasons: list[tuple[str, list[str]]]) -> str:
    """`[("repeated", ["Поручить"])]` to the stored form `repeated:Поручить`."""
    return "|".join(
        f"{code}:{','.join(w.replace('|', ' ').replace(',', ' ') for w in words)}"
        for code, words in reasons
    )


def decode(stored: str) -> list[tuple[str, list[str]]]:
    """The stored form back to (code, words) pairs; empty for no reason."""
    found = []
    for part in filter(None, stored.split("|")):
        code, _, words = part.partition(":")
        found.append((code, [w for w in words.split(",") if w]))
    return found


def describe(stored: str, language: str = "en") -> str:
    """The reasons in plain words in `language` (English when it has no wording), `; `-joined."""
    sentences = []
    for code, words in decode(stored):
        wording = REASONS.get(code, _FALLBACK)
        template = wording.get(language) or wording["en"]
        sentences.append(template.format(code=code, words=", ".join(words)))
    return "; ".join(sentences)


def status(engine: str, needs_review: bool) -> str:
    """What a stored translation is, for readers: `approved` (an editor's), `needs review`
    (machine output the checks flagged), `machine` (machine output that passed them) or
    `original` (the text itself, copied)."""
    if engine == HUMAN:
        return "approved"
    if engine == "identity":
        return "original"
    return "needs review" if needs_review else "machine"


@dataclass(frozen=True)
class ReviewItem:
    """One flagged translation of a block: what `sekretar review` lists and the editors' desk
    shows beside its source."""

    block: str
    source: str
    source_language: str
    translation: str
    reason: str
    said: str


def needing_review(document: Document, target: str) -> list[ReviewItem]:
    """The block translations into `target` flagged for review, in reading order."""
    items = []
    for block in document.blocks:
        t = block.translation(target)
        if t is not None and t.needs_review:
            own = block.language if block.language != UNDETERMINED else document.language
            items.append(ReviewItem(block.id, block.text, own, t.text, t.review_reason,
                                    describe(t.review_reason)))
    return items
