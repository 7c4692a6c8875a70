"""Case endings of Russian adjectival surnames in Ukrainian and Belarusian.

Letter rules keep a Russian ending as it is, which is right for Петров/Петрова/Петровым but
not for the adjectival declension: Бродский is «Бродський» in Ukrainian and «Бродскі» in
Belarusian; Мамонтовой (genitive, dative, instrumental or prepositional of Мамонтова) is
«Мамонтової» / «Мамонтовій» / «Мамонтовою» in Ukrainian and «Мамонтовай» in Belarusian. The
Russian -ой form does not tell the case; for Ukrainian the preposition before the name does
(с → instrumental, к and по → dative, о, об, при, в, на → locative), and the genitive, the
most frequent in minutes («доклад Мамонтовой»), is taken otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

#: Russian ending -> (letters that must precede it, Ukrainian, Belarusian); `{oblique}` is
#: the Ukrainian feminine ending of the case.
ENDINGS: dict[str, tuple[str, str, str]] = {
    "ский": ("", "ський", "скі"),
    "цкий": ("", "цький", "цкі"),
    "ского": ("", "ського", "скага"),
    "цкого": ("", "цького", "цкага"),
    "скому": ("", "ському", "скаму"),
    "цкому": ("", "цькому", "цкаму"),
    "ским": ("", "ським", "скім"),
    "цким": ("", "цьким", "цкім"),
    "ская": ("", "ська", "ская"),
    "цкая": ("", "цька", "цкая"),
    "скую": ("", "ську", "скую"),
    "цкую": ("", "цьку", "цкую"),
    "ской": ("", "ськ{oblique}", "скай"),
    "цкой": ("", "цьк{oblique}", "цкай"),
    "вой": ("оеё", "в{oblique}", "вай"),
    "ной": ("иы", "н{oblique}", "най"),
}
#: the Ukrainian feminine oblique ending by case.
OBLIQUE = {"gen": "ої", "dat": "ій", "ins": "ою", "loc": "ій"}
#: the case a Russian preposition before a name asks for.
PREPOSITION_CASE = {
    "с": "ins", "со": "ins", "к": "dat", "ко": "dat", "по": "dat",
    "о": "loc", "об": "loc", "при": "loc", "в": "loc", "на": "loc",
}
MIN_STEM = 3


def with_ending(word: str, target: str, letters: Callable[[str], str], case: str = "gen") -> str:
    """`word` (lower case Russian) written for `target` by the letter rules `letters`, with an
    adjectival surname ending in the target's form."""
    for ending in sorted(ENDINGS, key=len, reverse=True):
        before, ukrainian, belarusian = ENDINGS[ending]
        stem = word[: len(word) - len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_STEM and (
            not before or stem[-1] in before
        ):
            lookahead = "а" if ending[0] in "аеёиоуыэюя" else "к"
            written = letters(stem + lookahead)[:-1]
            new = ukrainian if target == "uk" else belarusian
            return written + new.replace("{oblique}", OBLIQUE.get(case, OBLIQUE["gen"]))
    return letters(word)
