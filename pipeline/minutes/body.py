"""The body that met: which council, committee or commission the minutes record.

Read from the title and the lines right under it: «ПРОТОКОЛ № 12 заседания Совета …»,
«засідання постійної комісії з питань …», «пасяджэння Савета Асамблеі», "Minutes of the 31st
meeting of the Council", "of meeting No. 21 of the Council of …", a line that names the body
on its own («Қалалық кеңестің көлік жөніндегі комиссиясы», "Bureau of the Council of …"), or
the heading of meeting notes ("Technical Steering Committee (TSC) Meeting 2025-03-12"). The
body stops where the place, the date or a head label begins.

Russian and Ukrainian bodies are brought to the nominative with pymorphy3 (the words up to the
first noun: «постоянной комиссии по культуре» → «Постоянная комиссия по культуре»). No
morphology is installed for Belarusian, so its body nouns are listed here with their genitive
(«пастаяннай камісіі па транспарце» → «Пастаянная камісія па транспарце»); Kazakh headers name
the body in the nominative already.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.minutes.dates import find_date
from pipeline.minutes.names import morph_language, parses

#: the meeting words a body follows in the genitive: «заседания Совета», "meeting of the Board".
_MEETING = re.compile(
    r"(?:^|\s)(?:заседани[яе]|собрания|совещания|засідання|зборів|наради|пасяджэння|сходу"
    r"|нарады|meeting(?:\s+(?:No\.?|№)\s*\d+)?\s+of)\s+(?:the\s+)?(?P<body>\S.*)$",
    re.IGNORECASE | re.DOTALL)
#: words that name a body; a line under the title holding one names the body that met.
_BODY_WORD = re.compile(
    r"(?:совет|комисси|комитет|бюро|правлени|коллеги|президиум|секретариат|рада|ради|комісі"
    r"|комітет|правлінн|групп|груп|савет|камісі|камітэт|кеңес|комиссия|алқа|council|committee|commission"
    r"|board|bureau|presidium|secretariat|assembly|group)", re.IGNORECASE)
#: Belarusian body nouns: genitive → nominative (the adjectives before them follow
#: `_BE_ADJECTIVE_ENDINGS`).
_BE_NOUNS = {"савета": "савет", "рады": "рада", "камісіі": "камісія", "камітэта": "камітэт",
             "калегіі": "калегія", "прэзідыума": "прэзідыум", "бюро": "бюро",
             "сакратарыята": "сакратарыят", "праўлення": "праўленне"}
_BE_ADJECTIVE_ENDINGS = (("ай", "ая"), ("ага", "ы"), ("яга", "і"))
#: a body named before the meeting word: "Technical Steering Committee (TSC) Meeting
#: 2025-03-12", "Minutes of the Board meeting held on …".
_BODY_MEETING = re.compile(
    r"(?:^|\bof\s+the\s+)(?P<body>(?:[A-Z][\w&,' -]*?\s)?(?:Committee|Council|Board|Bureau|Group"
    r"|Commission)(?:\s*\([A-Z][\w-]*\))?(?:\s+of\s+[A-Z][\w&' -]*?)?)\s+(?:Meeting|Minutes"
    r"|meeting)\b")
#: where a body ends on a line run together by a PDF: the place, a label, a sentence.
_STOP = re.compile(
    r"\s(?:г\.|гор\.|м\.|The\s+meeting|This\s+meeting|Председател|Головуюч|Головува"
    r"|Старшын|Төраға|Chair\b|Date\b|Venue\b|held\b)|\t|\s{3,}")
#: a body wrapped over two lines ends in a word that joins it to the next.
_OPEN_END = re.compile(r"\s(?:and|of|the|и|і|та|й|по|з|с|па)$", re.IGNORECASE)


def body_in_title(text: str, language: str) -> str | None:
    """The body the title's rest names («№ 12 заседания Совета …» → «Совет …»), or None."""
    found = _MEETING.search(text)
    if found:
        return _finish(found.group("body"), language)
    named = _BODY_MEETING.search(text.strip())
    return named.group("body") if named else None


def body_line(text: str, language: str, after_title: bool) -> str | None:
    """The body an unlabelled head line names: after a meeting word, or (just under the title)
    a line that names a body on its own; a body before the meeting word ("Board meeting")."""
    found = _MEETING.search(text)
    if found:
        return _finish(found.group("body"), language)
    named = _BODY_MEETING.search(text.strip())
    if named:
        return named.group("body")
    line = text.strip()
    if after_title and line[:1].isupper() and _BODY_WORD.search(_cut(line)):
        return _finish(line, language)
    return None


def continue_body(body: str, text: str) -> str | None:
    """A body wrapped over two lines ("… of Capitals and" / "Large Cities"), or None."""
    if not _OPEN_END.search(body):
        return None
    rest = _cut(text.strip())
    return f"{body} {rest}" if rest else None


def _cut(text: str) -> str:
    """The text before the place, the date or a head label begins."""
    stop = _STOP.search(text)
    if stop:
        text = text[: stop.start()]
    date = find_date(text)
    if date:
        text = text[: date[1]]
    return " ".join(text.split()).strip(" ,.;:—–-")


def _finish(text: str, language: str) -> str | None:
    body = _cut(text)
    if not body or not _BODY_WORD.search(body):
        return None
    body = _nominative(body, language)
    return body[0].upper() + body[1:]


def _nominative(body: str, language: str) -> str:
    """The words up to and including the first noun, in the nominative (ru, uk)."""
    words = body.split(" ")
    if language == "be":
        return _belarusian_nominative(words) or body
    morph = morph_language(language, words[0])
    if morph is None or language not in ("ru", "uk"):
        return body
    for n, word in enumerate(words):
        parse = _genitive(morph, word)
        if parse is None:
            return body
        nominative = parse.inflect({"nomn"})
        if nominative is None:
            return body
        words[n] = _like(word, nominative.word)
        if "NOUN" in parse.tag.grammemes:
            return " ".join(words)
    return body


def _belarusian_nominative(words: list[str]) -> str | None:
    """Adjectives and the first body noun of a Belarusian genitive in the nominative."""
    for n, word in enumerate(words):
        noun = _BE_NOUNS.get(word.lower())
        if noun is not None:
            words[n] = _like(word, noun)
            return " ".join(words)
        ending = next((e for e in _BE_ADJECTIVE_ENDINGS if word.lower().endswith(e[0])), None)
        if ending is None:
            return None
        words[n] = word[: -len(ending[0])] + ending[1]
    return None


def _genitive(morph: str, word: str) -> Any | None:
    """A genitive reading of an adjective or noun, the likeliest first."""
    for parse in parses(morph, word.lower()):
        grammemes = parse.tag.grammemes
        if "gent" in grammemes and ({"NOUN", "ADJF", "PRTF"} & grammemes):
            return parse
    return None


def _like(written: str, word: str) -> str:
    """`word` in the letter case of `written` (capitals, or a capital first letter)."""
    if written.isupper() and len(written) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if written[:1].isupper() else word
