"""Rule components for DATE (`sek_dates`), MONEY (`sek_money`) and PERCENT (`sek_percent`).

Regular expressions over the doc's text, each with a converter to a normal form that is the
same in every language (2009-04-09, 5000000 RUB, 12.5%), so the key (`date:2009-04-09`)
finds the same date or sum across documents. Rule spans win over the NER model's on overlap;
a sum ends at its currency word, so the country after it (долларов США) stays a place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.dates import date_patterns
from pipeline.entities.spans import make_span, merge, new_wins, register_component

Converter = Callable[[re.Match[str]], str | None]

NUMBER = r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
SCALES = {
    1_000: r"тыс\.|тысяч[аи]?|тис\.|тисяч[аі]?|thousand",
    1_000_000: r"млн\.?|миллион(?:а|ов)?|мільйон(?:а|ів)?|million|mln",
    1_000_000_000: r"млрд\.?|миллиард(?:а|ов)?|мільярд(?:а|ів)?|billion|bn",
}
CURRENCIES = {
    "RUB": r"руб(?:лей|ля|ль|\.)?|₽|рос\.\s*руб\.|roubles?|rubles?|RUB",
    "USD": r"доллар(?:ов|а)?|долар(?:ів|а)?|US\$|\$|dollars?|USD",
    "EUR": r"евро|євро|€|euros?|EUR",
    "KZT": r"тенге|tenge|KZT",
    "UAH": r"гривен|гривн[аыи]|гривень|гривні|грн\.?|hryvnias?|UAH",
    "BYN": r"бел(?:орусских|\.)\s*руб(?:лей|\.)?|BYN",
    "KGS": r"сом(?:ов|а)?|KGS",
    "UZS": r"сум(?:ов|а)?|UZS",
    "TJS": r"сомони|TJS",
    "AMD": r"драм(?:ов|а)?|AMD",
    "AZN": r"манат(?:ов|а)?|AZN",
    "GEL": r"лари|GEL",
    "MDL": r"ле[йи]|леев|MDL",
}
PERCENT_WORDS = r"%|процент(?:а|ов)?|проц\.|відсот(?:ок|ки|ків|ка)|per\s?cent|percent"
_EDGE = r"(?<![\w.,])"


def amount(text: str) -> float:
    """1 500 000,5 → 1500000.5 (spaces group thousands; comma or point is the decimal mark)."""
    return float(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))


def plain(value: float) -> str:
    """5000000.0 → '5000000', 12.5 → '12.5'."""
    return str(int(value)) if value == int(value) else f"{value:.6g}"


def _scale(word: str | None) -> int:
    if not word:
        return 1
    return next((n for n, p in SCALES.items() if re.fullmatch(p, word, re.IGNORECASE)), 1)


def _currency(word: str) -> str | None:
    return next((c for c, p in CURRENCIES.items() if re.fullmatch(p, word, re.IGNORECASE)), None)


def _money(match: re.Match[str]) -> str | None:
    code = _currency(re.sub(r"\s+", " ", match["cur"]))
    if code is None:
        return None
    return f"{plain(amount(match['num']) * _scale(match['scale']))} {code}"


def _percent(match: re.Match[str]) -> str | None:
    return f"{plain(amount(match['num']))}%"


def money_patterns() -> list[tuple[re.Pattern[str], Converter]]:
    scale = "|".join(SCALES.values())
    currency = "|".join(CURRENCIES.values())
    before = rf"(?P<cur>US\$|\$|€|₽)\s?{NUMBER}(?:\s*(?P<scale>{scale})(?!\w))?"
    after = rf"{_EDGE}{NUMBER}(?:\s*(?P<scale>{scale}))?\s*(?P<cur>{currency})(?!\w)"
    return [(re.compile(before, re.IGNORECASE), _money), (re.compile(after, re.IGNORECASE), _money)]


def percent_patterns() -> list[tuple[re.Pattern[str], Converter]]:
    pattern = rf"{_EDGE}{NUMBER}\s*(?:{PERCENT_WORDS})(?!\w)"
    return [(re.compile(pattern, re.IGNORECASE), _percent)]


class RuleComponent:
    """Adds a span for each pattern match whose converter gives a normal form."""

    def __init__(self, label: str, patterns: list[tuple[re.Pattern[str], Converter]]) -> None:
        self.label = label
        self.patterns = patterns

    def __call__(self, doc: Doc) -> Doc:
        found = []
        text = doc.text
        for pattern, convert in self.patterns:
            for match in pattern.finditer(text):
                normal = convert(match)
                if normal is None:
                    continue
                key = f"{self.label.lower()}:{normal.replace(' ', '-').rstrip('%')}"
                span = make_span(doc, match.start(), match.end(), self.label, "rule", key, normal)
                if span is not None:
                    found.append(span)
        if found:
            merge(doc, found, keeps=new_wins)
        return doc


@register_component("sek_dates", default_config={"language": "ru"})
def make_dates(nlp: Language, name: str, language: str) -> RuleComponent:
    return RuleComponent("DATE", date_patterns(language))


@register_component("sek_money", default_config={"language": "ru"})
def make_money(nlp: Language, name: str, language: str) -> RuleComponent:
    return RuleComponent("MONEY", money_patterns())


@register_component("sek_percent", default_config={"language": "ru"})
def make_percent(nlp: Language, name: str, language: str) -> RuleComponent:
    return RuleComponent("PERCENT", percent_patterns())
