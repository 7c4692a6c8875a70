"""The labels of session minutes in Russian, Ukrainian and English, as regular expressions.

Minutes are written from a template the secretariat inherited, so the labels are few but their
spelling varies: «СЛУШАЛИ:», «Слушали:», «С Л У Ш А Л И», «1. СЛУШАЛИ:», a label alone in a
table cell, or «По первому вопросу повестки дня СЛУШАЛИ:». `match_label` reads all of these.

A label word that is also an ordinary word («Решили провести…», "Present at the meeting were")
counts only when it is written in capitals, followed by a colon or a dash, or alone on its line;
the strong labels of the template (СЛУШАЛИ, ПОСТАНОВИЛИ…) never start an ordinary sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Label(Enum):
    """What a labelled line introduces."""

    TITLE = "title"
    AGENDA = "agenda"
    HEARD = "heard"
    SPOKE = "spoke"
    DECIDED = "decided"
    VOTED = "voted"
    CHAIR = "chair"
    SECRETARY = "secretary"
    PRESENT = "present"
    INVITED = "invited"
    ABSENT = "absent"
    PLACE = "place"
    DATE = "date"
    RAPPORTEUR = "rapporteur"


#: label words per kind; strong labels (the template's own) may be followed by anything.
_STRONG: dict[Label, str] = {
    Label.AGENDA: r"повестка\s+дня|повестка\s+заседания|порядок\s+денний|парадак\s+дня"
                  r"|күн\s+тәртібі|agenda",
    Label.HEARD: r"слушали|слухали|заслушали|заслухали|слухалі|тыңдалды|тыңдады",
    Label.SPOKE: r"выступили|виступили|в\s+прениях\s+выступили|в\s+обговоренні\s+виступили"
                 r"|выступілі|сөйлегендер|сөз\s+сөйлегендер",
    Label.DECIDED: r"постановили|решили|вирішили|ухвалили|пастанавілі|вырашылі|қаулы\s+етті"
                   r"|шешті|resolved|decided",
    Label.VOTED: r"голосовали|голосували|итоги\s+голосования|результаты\s+голосования"
                 r"|підсумки\s+голосування|результати\s+голосування|галасавалі"
                 r"|дауыс\s+бергендер|дауыс\s+берді|дауыс\s+беру\s+қорытындысы",
}  # fmt: skip
_WEAK: dict[Label, str] = {
    Label.DECIDED: r"решение|рішення|принято\s+решение|прийнято\s+рішення|agreed|decision"
                   r"|resolution",
    Label.VOTED: r"vote|votes|voting|result\s+of\s+the\s+vote",
    Label.HEARD: r"heard|presentation|report",
    Label.SPOKE: r"discussion|speakers|выступил[аи]?|виступил[аи]?",
    Label.CHAIR: r"председательствующий|председательствовал[аи]?|председатель\s+заседания"
                 r"|председатель\s+собрания|председатель|вел[аи]?\s+заседание"
                 r"|головуючий|головуюча|головува(?:в|ла)|голова\s+засідання|голова"
                 r"|старшынстваваў|старшынствавала|старшыня|төрағалық\s+етті|төраға"
                 r"|chair(?:person|man|woman)?|chaired\s+by|presiding",
    Label.SECRETARY: r"секретарь\s+заседания|секретарь|протокол\s+в[её]л[аи]?"
                     r"|секретар\s+засідання|секретар|протокол\s+вела?|протокол\s+вів"
                     r"|сакратар|хатшы|secretary|minutes\s+taken\s+by|recorder",
    Label.PRESENT: r"присутствовали|присутствуют|присутствовало|присутні|були\s+присутні"
                   r"|прысутнічалі|қатысқандар|қатысты"
                   r"|members\s+present|present|in\s+attendance|attendance|attendees",
    Label.INVITED: r"приглаш[её]нные|приглашены|запрошені|запрошаныя|шақырылғандар|invited"
                   r"|guests|also\s+present|in\s+attendance\s+by\s+invitation",
    Label.ABSENT: r"отсутствовали|не\s+присутствовали|відсутні|адсутнічалі|қатыспағандар"
                  r"|members\s+absent|absent|apologies(?:\s+for\s+absence)?|regrets",
    Label.PLACE: r"место\s+проведения|место|місце\s+проведення|місце|месца\s+правядзення"
                 r"|өткізілген\s+орны|өтетін\s+орны|venue|place|location",
    Label.DATE: r"дата\s+проведения|дата\s+засідання|дата\s+правядзення|дата|күні|date",
    Label.RAPPORTEUR: r"докладчик|докладчики|доповідач|доповідачі|rapporteur|presenter",
}  # fmt: skip

_NUMBER = r"(?:(?P<number>\d{1,3})(?:[.)]\s*|\s+))?"
_SEP = r"(?P<sep>\s*[:：]\s*|\s*[—–-]\s+|\s*\.\s+|\t+|\s*$|\s+)"


def _compile(words: dict[Label, str], tail: str) -> list[tuple[Label, re.Pattern[str]]]:
    return [(label, re.compile(rf"^{_NUMBER}(?P<word>{pattern}){tail}(?P<rest>.*)$",
                               re.IGNORECASE | re.DOTALL))
            for label, pattern in words.items()]  # fmt: skip


_STRONG_RE = _compile(_STRONG, r"(?P<sep>\s*[:：.,]?\s*[—–-]?\s*)(?=\W|$)")
_WEAK_RE = _compile(_WEAK, _SEP)
#: "It was resolved that …", "The Council agreed to …", "The TSC agreed to …", "Agreed to …",
#: "Consensus to …": a decision recorded in prose, which says by itself that it was taken.
_ENGLISH_DECISION = re.compile(
    r"^(?:(?:it\s+was|the\s+(?:council|assembly|board|committee|bureau|meeting|tsc|cpc|group"
    r"|team|members|working\s+group|steering\s+committee|wg)|we|members|participants)"
    r"(?:\s+(?:unanimously|therefore|also))?\s+(?:resolved|agreed|decided)"
    r"|(?:agreed|decided|consensus|there\s+was\s+consensus))\s+(?P<rest>(?:that|to)\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "The Board approved the report.", "The minutes … were approved as a true record.": a decision
#: recorded as a sentence, kept whole.
_APPROVED = re.compile(
    r"^the\s+(?:board|council|committee|bureau|meeting|assembly|tsc|members|group)\s+"
    r"(?:unanimously\s+)?(?:approved|adopted|endorsed|accepted)\b"
    r"|^the\s+[^.;:]{3,160}?\s+(?:was|were|has\s+been|have\s+been)\s+(?:unanimously\s+)?"
    r"(?:approved|adopted|endorsed|accepted)\b", re.IGNORECASE)
#: English decision words that record the decision as taken (an outcome when no vote follows).
_TAKEN_WORDS = ("resolved", "decided", "agreed", "decision", "consensus")
_TITLE = re.compile(r"^(?P<word>протокол|пратакол|хаттама|minutes)(?!\w)\s*(?P<rest>.*)$",
                    re.IGNORECASE | re.DOTALL)
_TITLE_REST = re.compile(r"(?:№|n[o°]\.?\s*\d|of\b|засіданн|заседани|собрани|зборів|пасяджэнн)",
                         re.IGNORECASE)
#: label words that are verbs or participles and so may run straight into the sentence.
_VERB_WORDS = re.compile(
    r"^(?:присутствовали|присутствовало|присутні|приглашены|отсутствовали|відсутні"
    r"|прысутнічалі|адсутнічалі|председательствовал[аи]?|головува(?:в|ла)"
    r"|старшынстваваў|старшынствавала)$", re.IGNORECASE)
#: a signature: «Председательствующий    А.В. Соколов», "Chair Rashad Mammadov".
_BARE_NAME = re.compile(
    r"^(?:[A-ZА-ЯЁІЇЄҐ]\.\s?){1,2}\s?[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’-]+$"
    r"|^[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’-]+\s+(?:[A-ZА-ЯЁІЇЄҐ]\.\s?){1,2}$|^[A-Z][a-z]+\s+[A-Z][a-z]+$")
_SPACED = re.compile(r"^(?:\d{1,3}[.)]?\s+)?((?:[^\W\d_] ){3,}[^\W\d_])(?=\W|$)")
_ORDINALS = {
    "перв": 1, "втор": 2, "трет": 3, "четв": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
    "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
    "перш": 1, "друг": 2, "четверт": 4, "п'ят": 5, "п’ят": 5, "шост": 6, "сьом": 7,
    "дев'ят": 9, "дев’ят": 9, "одинадцят": 11, "дванадцят": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_QUESTION = re.compile(
    r"^(?:по|з|із|on\s+the)\s+(?P<ordinal>[^\W\d_][\w'’]*|\d{1,3}(?:-?[^\W\d_]{1,3})?)\s+"
    r"(?:вопросу|питанню|питання|item)(?:\s+(?:повестки\s+дня|порядку\s+денного|of\s+the\s+agenda))?"
    r"\s*[:.,—–-]?\s*(?P<rest>.*)$"
    r"|^(?:по\s+вопросу|вопрос|питання|з\s+питання|(?:agenda\s+)?item|question)\s*№?\s*"
    r"(?P<number>\d{1,3})\s*[:.)—–-]?\s*(?P<rest2>.*)$",
    re.IGNORECASE | re.DOTALL,
)  # fmt: skip


@dataclass(frozen=True)
class LabelMatch:
    """A labelled line: the label, an item number written before it, and the text after it."""

    label: Label
    rest: str
    number: str | None = None
    #: an English decision that says it was taken ("Agreed to …", "Decision: …", "RESOLVED").
    taken: bool = False


def collapse_spaced(text: str) -> str:
    """«С Л У Ш А Л И:» → «СЛУШАЛИ:» (letter-spaced labels are common in typed minutes)."""
    match = _SPACED.match(text)
    if not match:
        return text
    return text[: match.start(1)] + match.group(1).replace(" ", "") + text[match.end(1) :]


def match_label(text: str) -> LabelMatch | None:
    """The label a line starts with, if it starts with one (see the module's rules)."""
    line = collapse_spaced(text.strip())
    title = _TITLE.match(line)
    if title and not re.match(r"(?:в[её]л|вела|вів|taken)\b", title.group("rest"), re.I) and (
            title.group("word").isupper() or not title.group("rest")
            or _TITLE_REST.match(title.group("rest"))):
        return LabelMatch(Label.TITLE, title.group("rest").strip())
    for label, pattern in _STRONG_RE:
        found = pattern.match(line)
        if found and _strong_ok(found) and not _agenda_item(label, found):
            return LabelMatch(label, found.group("rest").strip(), found.group("number"),
                              _taken(label, found))
    decision = _ENGLISH_DECISION.match(line)
    if decision:
        return LabelMatch(Label.DECIDED, _sentence_case(decision.group("rest")), taken=True)
    if _APPROVED.match(line) and len(line) <= 300:
        return LabelMatch(Label.DECIDED, line, taken=True)
    for label, pattern in _WEAK_RE:
        found = pattern.match(line)
        if found and _weak_ok(found, label):
            return LabelMatch(label, found.group("rest").strip(), found.group("number"),
                              _taken(label, found))
    return None


def _taken(label: Label, found: re.Match[str]) -> bool:
    return label is Label.DECIDED and found.group("word").lower() in _TAKEN_WORDS


def _agenda_item(label: Label, found: re.Match[str]) -> bool:
    """"AGENDA ITEM 3" is an item marker, not the agenda's heading."""
    return label is Label.AGENDA and bool(re.match(r"items?\b", found.group("rest").strip(), re.I))


def _strong_ok(found: re.Match[str]) -> bool:
    """A strong label is one when capitalised, followed by a separator, or alone."""
    word, rest = found.group("word"), found.group("rest").strip()
    if word.isupper() or not rest.strip() or found.group("sep").strip():
        return True
    if word.lower() in ("resolved", "decided"):
        return bool(re.match(r"(?:that|to)\b", rest, re.IGNORECASE))
    return False


def _weak_ok(found: re.Match[str], label: Label) -> bool:
    """A weak label needs a colon, a dash or a tab after it, or capitals, or to stand alone."""
    sep, word, rest = found.group("sep"), found.group("word"), found.group("rest")
    if _VERB_WORDS.match(word):
        return True
    if label in (Label.CHAIR, Label.SECRETARY) and _BARE_NAME.match(rest.strip()):
        return True
    if not rest.strip():
        return label not in (Label.DECIDED, Label.VOTED) or sep.strip() in (":", "：")
    if ":" in sep or "：" in sep or "\t" in sep:
        return True
    return word.isupper() and bool(sep.strip(" .")) and label is not Label.DECIDED


def _sentence_case(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]


def match_question(text: str) -> tuple[str, str] | None:
    """«По второму вопросу … СЛУШАЛИ: …», «Вопрос № 2», "Item 2:" → ("2", the rest)."""
    found = _QUESTION.match(text.strip())
    if not found:
        return None
    if found.group("number"):
        return found.group("number"), found.group("rest2").strip()
    stem = found.group("ordinal").lower()
    if stem[:1].isdigit():
        return re.match(r"\d+", stem).group(0), found.group("rest").strip()  # type: ignore[union-attr]
    for prefix, value in sorted(_ORDINALS.items(), key=lambda kv: -len(kv[0])):
        if stem.startswith(prefix):
            return str(value), found.group("rest").strip()
    return None
