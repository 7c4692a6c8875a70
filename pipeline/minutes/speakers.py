"""Speaker lines: «Кузнецов Д.П. — заместитель главы администрации, г. Рязань. Доложил …»,
«Петрову Анну Сергеевну, заместителя мэра (г. Минск), — о проекте …», "Ms Anna Petrova
(Minsk): the city …", "Mr Ivanov said that …".

A line starts with a speaker only if its first words are a name: a surname with initials (either
order) is enough; two or three capitalised words need more evidence (a given name or patronymic
pymorphy3 knows, a title such as Ms or г-н, or a "(City)", colon or speech verb right after), so
"The Council noted" or «Совет Ассамблеи» never become speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.minutes.names import morph_language, parses

_U = "А-ЯЁІЇЄҐЎӘҒҚҢӨҰҮҺA-Z"
_L = "а-яёіїєґўәғқңөұүһa-z'’ʼ"
_WORD = rf"[{_U}][{_L}]+(?:-[{_U}][{_L}]+)?"
_INIT = rf"[{_U}]\.\s?(?:[{_U}]\.?)?(?=[\s,;:()—–-]|$)"
_INIT_BEFORE = rf"[{_U}]\.\s?(?:[{_U}]\.)?"
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mx|г-н|г-жа|пан|пані)\.?\s+)"
_SURNAME_INITIALS = re.compile(rf"^{_TITLE}?(?P<surname>{_WORD})\s+(?P<initials>{_INIT})")
_INITIALS_SURNAME = re.compile(rf"^{_TITLE}?(?P<initials>{_INIT_BEFORE})\s?(?P<surname>{_WORD})\b")
_WORDS = re.compile(rf"^(?P<title>{_TITLE})?(?P<words>{_WORD}(?:\s+{_WORD}){{0,2}})\b")
_VERBS = (
    r"(?:said|stated|noted|reported|presented|informed|proposed|suggested|supported|welcomed"
    r"|asked|thanked|introduced|explained|highlighted|emphasi[sz]ed|added|recalled|pointed"
    r"|expressed|briefed|outlined|raised|underlined|drew|spoke|objected|requested|moved"
    r"|seconded|agreed|opposed|reminded|described|announced|invited|walked|confirmed|shared"
    r"|gave|summari[sz]ed|mentioned|commented|questioned|volunteered|wondered|demonstrated"
    r"|clarified|responded|replied|argued|acknowledged|updated|led)\b"
    r"|(?:сообщил|доложил|отметил|предложил|рассказал|поддержал|проинформировал|выступил"
    r"|подчеркнул|обратил|представил|заявил|пояснил|информировал|повідомив|повідомил|доповів"
    r"|доповіла|зазначив|зазначил|запропонував|запропонувал|наголосив|наголосил|підтримав"
    r"|підтримал|розповів|розповіла|поінформував|поінформувал|представив|представил)[а-яі]*")
_SPEECH_VERB = re.compile(rf"^(?:{_VERBS})", re.IGNORECASE)
_VERB_AFTER_COMMA = re.compile(rf"(?:,|\))\s+(?={_VERBS})", re.IGNORECASE)
_NOT_NAMES = re.compile(
    r"^(?:the|this|that|it|a|an|in|on|for|members|delegates|council|assembly|secretariat|chair"
    r"|board|committee|item|motion|resolution|vote|votes|совет|ассамблея|секретариат|рада"
    r"|асамблея|секретаріат|комиссия|комісія|решение|рішення|информацию|інформацію"
    r"|everyone|everybody|nobody|all|some|several|participants|he|she|they|we|there)$",
    re.IGNORECASE)
_CITY = re.compile(
    rf"(?:\(|,\s*|^|\s)(?:г\.|гор\.|город|м\.|місто)\s*(?P<city>[{_U}][{_L}]+(?:[-\s][{_U}][{_L}]+)?)\)?"
    rf"|\((?P<paren>[{_U}][{_L}]+(?:[-\s][{_U}][{_L}]+)?)\)")
_ABBREVIATIONS = ("г", "м", "гор", "ул", "им", "обл", "пос", "просп", "пр", "с", "St", "No", "Mr",
                  "Ms", "Mrs", "Dr", "т", "д", "вул", "ім")
_SENTENCE_END = re.compile(rf"[.;!?]\s+(?=[{_U}«\"])")
#: a topic where a role would stand: «— о бюджете», «— аб даце …», «— … туралы» (kk).
#: «…, который доложил о …», «…, яка представила …», "…, who presented …": the role ends.
_RELATIVE = re.compile(r",\s+(?=(?:котор(?:ый|ая|ое|ые)|який|яка|які|who)\s)", re.IGNORECASE)
_TOPIC = re.compile(r"^(?:о|об|обо|про|щодо|аб|on|about)\s|\sтуралы\.?$", re.IGNORECASE)

#: "The Chair noted that …", «Председательствующий отметил …»: the chair (or secretary)
#: speaks without being named; `people.settle` puts the name in from the head.
OFFICER_SPEAKS = re.compile(
    r"^(?:the\s+)?(?:(?P<chair>chair(?:man|woman|person)?|president|председательствующий"
    r"|председатель|головуючий|головуюча)|(?P<secretary>secretary|секретарь|секретар))"
    r"\s+(?=(?:said|stated|noted|reported|informed|proposed|suggested|thanked|explained|added"
    r"|recalled|reminded|announced|invited|asked|welcomed|opened|closed|summed|concluded"
    r"|сообщил|отметил|предложил|напомнил|поблагодарил|открыл|закрыл|пояснил|зазначив"
    r"|повідомив|запропонував|нагадав|подякував|відкрив|закрив)\w*)", re.IGNORECASE)


@dataclass
class SpeakerLine:
    """What a speaker line says: the name's words as written, role, city and the speech."""

    words: list[str]
    role: str | None
    city: str | None
    text: str
    #: the part played at the meeting when the line says it («содокладчик», "invited").
    capacity: str | None = None


def read_speaker(text: str, language: str, strict: bool = False) -> SpeakerLine | None:
    """The speaker a line starts with, or None. `strict` (outside СЛУШАЛИ/ВЫСТУПИЛИ) asks for
    more evidence than a bare name."""
    text = text.strip()
    found = _name_at_start(text, language, strict)
    if found is None:
        return None
    words, end = found
    role, city, speech = _split_rest(text[end:])
    return SpeakerLine(words=words, role=role, city=city, text=speech)


def name_at_start(text: str, language: str, strict: bool = False) -> tuple[list[str], int] | None:
    """The words of the name a text starts with and where the name ends, or None."""
    return _name_at_start(text, language, strict)


def _name_at_start(text: str, language: str, strict: bool) -> tuple[list[str], int] | None:
    for pattern in (_SURNAME_INITIALS, _INITIALS_SURNAME):
        found = pattern.match(text)
        if found and not _NOT_NAMES.match(found.group("surname")):
            ordered = sorted(("surname", "initials"), key=found.start)
            words = [found.group(g) for g in ordered]
            return [_tidy_initials(w) if g == "initials" else w
                    for w, g in zip(words, ordered, strict=True)], found.end()
    found = _WORDS.match(text)
    if not found:
        return None
    words = found.group("words").split()
    if any(_NOT_NAMES.match(w) for w in words):
        return None
    rest = text[found.end():]
    if _full_name_ok(words, bool(found.group("title")), rest, language, strict):
        return words, found.end()
    return None


def _tidy_initials(value: str) -> str:
    """"Д. П." → "Д.П."; a missing final dot is added."""
    value = value.replace(" ", "")
    return value if value.endswith(".") else value + "."


def _full_name_ok(words: list[str], titled: bool, rest: str, language: str,
                  strict: bool) -> bool:
    """Capitalised words are a name with a title, or when a given name or patronymic is among
    them (Cyrillic), or when a "(City)", colon or speech verb follows (Latin)."""
    rest = rest.lstrip()
    if titled:
        return True
    morph = morph_language(language, " ".join(words))
    if morph:
        known = any({"Name", "Patr"} & p.tag.grammemes for w in words for p in parses(morph, w))
        return known and len(words) >= 2 and (not strict or bool(re.match(r"[—–(,:-]", rest)))
    if len(words) < 2:
        # "Aliyev asked …": a surname alone is a speaker only when a speech verb follows.
        return bool(_SPEECH_VERB.match(rest)) and len(words[0]) > 2
    return bool(re.match(r"\(|:|,[^.:;]{1,120}\)", rest) or _SPEECH_VERB.match(rest))


def _split_rest(rest: str) -> tuple[str | None, str | None, str]:
    """Role, city and speech from what follows the name."""
    rest = rest.strip()
    if rest.startswith(":"):
        return None, None, rest[1:].strip()
    if rest.startswith("(") and ")" in rest:
        inside, after = rest[1:].split(")", 1)
        role, city, speech = _split_rest(after)
        return role, _city_name(inside) or city, speech
    if not re.match(r"[,—–-]", rest):
        return None, None, rest
    header, speech = _header_and_speech(rest.lstrip(",—–- "))
    if _TOPIC.search(header):
        return None, None, (header + " " + speech).strip()
    return _role_and_city(header) + (speech,)


def _header_and_speech(text: str) -> tuple[str, str]:
    """Split at the first sentence end that is not an abbreviation (г. Рязань) or an initial;
    a colon or a dash before a lower-case word ends the header too."""
    for found in _SENTENCE_END.finditer(text):
        word = re.search(r"(\w+)$", text[: found.start()])
        if word and (word.group(1) in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        return text[: found.start()].strip(), text[found.end():].strip()
    colon = re.search(r":\s+|\s[—–]\s+(?=[a-zа-яёіїєґ])", text) or _VERB_AFTER_COMMA.search(text) \
        or _RELATIVE.search(text)
    if colon:
        return text[: colon.start()].strip(), text[colon.end():].strip()
    return text.strip().rstrip("."), ""


def _role_and_city(header: str) -> tuple[str | None, str | None]:
    """The city is cut from the role when it closes it («…, г. Рязань», "(Baku)"); inside the
    role («заместитель мэра г. Минска») it is read but the role keeps it."""
    city = None
    matches = list(_CITY.finditer(header))
    found = matches[-1] if matches else None
    if found:
        city = found.group("city") or found.group("paren")
        closes = not header[found.end():].strip(" ,;.)")
        if closes and found.group(0).lstrip()[:1] in (",", "("):
            header = header[: found.start()] + header[found.end():]
    role = re.sub(r"\s+", " ", header).strip(" ,;—–-(")
    if role.count(")") > role.count("("):
        role = role.rstrip(")")
    return role or None, city


def _city_name(text: str) -> str | None:
    found = _CITY.search(f"({text.strip()})")
    return (found.group("city") or found.group("paren")) if found else None


def read_name_list(text: str, language: str) -> list[list[str]] | None:
    """«Иванов И.И., Петрова А.С. и Сидоренко О.П.»: each part a whole name, or None."""
    parts = [p.strip() for p in re.split(r"[,;]|\s(?:и|та|і|and)\s", text.strip().rstrip(".")) if p.strip()]
    if len(parts) < 2:
        return None
    names = []
    for part in parts:
        found = _name_at_start(part, language, strict=False)
        if found is None or found[1] != len(part):
            return None
        names.append(found[0])
    return names


def speech_gender(text: str, language: str) -> str | None:
    """masc or femn from the first past-tense verb of a speech («Доложила об …»), or None."""
    morph = morph_language(language, text)
    if morph is None:
        return None
    for word in re.findall(r"[^\W\d_]+", text)[:8]:
        for parse in parses(morph, word.lower())[:2]:
            if "VERB" in parse.tag.grammemes and "past" in parse.tag.grammemes:
                gender = next((g for g in ("masc", "femn") if g in parse.tag.grammemes), None)
                if gender:
                    return gender
    return None


def narrates(text: str, language: str) -> bool:
    """A line of a narrative record: "Ms Harutyunyan reported that …", "The Chair noted …"."""
    if OFFICER_SPEAKS.match(text.strip()):
        return True
    speaker = read_speaker(text, language, strict=True)
    return speaker is not None and bool(_SPEECH_VERB.match(speaker.text))
