"""Turn a `Minutes` description into layout elements, the way secretariats really lay them out.

Options (in `Minutes.options`) choose the layout:

- header: "lines" (labelled paragraphs) or "table" (label | value rows);
- agenda: "num" (a numbered list), "table" (№ | item | rapporteur), "lines" ("1. …" paragraphs);
- marker: how an item's body opens: "heading" ("1. Title"), "question" («По первому вопросу
  повестки дня»), "numbered_label" («1. СЛУШАЛИ: …»), "item" ("Item 1: Title");
- labels: "own" (bold label alone), "inline" (bold label then text), "table" (label | text
  rows), "spaced" («С Л У Ш А Л И:»), "sentence" («Слушали:»), "none" (English speakers);
- speaker: "dash" («Name — role, city. Text»), "paren" ("Name (City): text"), "said";
- decisions: "numbered", "plain", "resolved_each" ("RESOLVED that …"), "agreed";
- votes: "digits", "words", "table_rows", "table_cols", "triple", "en_inline";
- split: decision texts cut in two at " | " (a soft break) or at " || " (a page break).
"""

from __future__ import annotations

from typing import Any

from minutes_spec import Decision, Item, Minutes, Speaker, Tally
from minutes_write import Element

VOCAB: dict[str, dict[str, Any]] = {
    "ru": dict(title="ПРОТОКОЛ № {n}", of="заседания {body} Международной ассамблеи столиц и "
               "крупных городов", chair="Председательствующий", secretary="Секретарь",
               present="Присутствовали", present_text="члены Совета — {n} человек (список "
               "прилагается)", invited="Приглашённые", agenda="ПОВЕСТКА ДНЯ", heard="СЛУШАЛИ",
               spoke="ВЫСТУПИЛИ", decided="ПОСТАНОВИЛИ", voted="ГОЛОСОВАЛИ",
               keys=("«за»", "«против»", "«воздержались»"), adopted="Решение принято.",
               unanimous="Решение принято единогласно.", rejected="Решение не принято.",
               vote_unanimous="единогласно.", rapporteur="Докладчик",
               question="По {o} вопросу повестки дня", more="В выступлении приведены данные "
               "за последние три года и предложения по дальнейшей совместной работе городов.",
               ordinals=("первому", "второму", "третьему", "четвёртому")),
    "uk": dict(title="ПРОТОКОЛ № {n}", of="засідання {body} Міжнародної асамблеї столиць і "
               "великих міст", chair="Головуючий", secretary="Секретар", present="Присутні",
               present_text="члени Ради — {n} осіб", invited="Запрошені",
               agenda="ПОРЯДОК ДЕННИЙ", heard="СЛУХАЛИ", spoke="ВИСТУПИЛИ", decided="ВИРІШИЛИ",
               voted="ГОЛОСУВАЛИ", keys=("«за»", "«проти»", "«утрималися»"),
               adopted="Рішення прийнято.", unanimous="Рішення прийнято одноголосно.",
               rejected="Рішення не прийнято.", vote_unanimous="одноголосно.",
               rapporteur="Доповідач", question="З {o} питання порядку денного",
               more="У виступі наведено дані за останні три роки та пропозиції щодо подальшої "
               "спільної роботи міст.",
               ordinals=("першого", "другого", "третього", "четвертого")),
    "en": dict(title="MINUTES No. {n}", of="of meeting No. {n} of the {body} of the International "
               "Assembly of Capitals and Large Cities", chair="Chair", secretary="Secretary",
               present="Present", present_text="{n} members of the Council (list attached)",
               invited="Invited", agenda="AGENDA", heard="Presentation", spoke="Discussion",
               decided="Resolved", voted="Vote", keys=("For", "Against", "Abstained"),
               adopted="Motion carried.", unanimous="Carried unanimously.",
               rejected="Motion lost.", vote_unanimous="unanimous.", rapporteur="Rapporteur",
               more="The presentation gave figures for the last three years and proposals for "
               "further joint work of the cities.",
               question="Item {n}", ordinals=()),
}  # fmt: skip

_ONES = {
    "ru": "нет один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
          "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать",
    "uk": "немає один два три чотири п'ять шість сім вісім дев'ять десять одинадцять дванадцять "
          "тринадцять чотирнадцять п'ятнадцять шістнадцять сімнадцять вісімнадцять дев'ятнадцять",
    "en": "none one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen",
}  # fmt: skip
_TENS = {"ru": "двадцать тридцать сорок", "uk": "двадцять тридцять сорок",
         "en": "twenty thirty forty"}


def say(n: int, language: str) -> str:
    """A count in words (0–49), as a secretary writes it in a tally."""
    ones = _ONES[language].split()
    if n < 20:
        return ones[n]
    tens = _TENS[language].split()[n // 10 - 2]
    if n % 10 == 0:
        return tens
    return f"{tens}-{ones[n % 10]}" if language == "en" else f"{tens} {ones[n % 10]}"


def render(m: Minutes) -> list[Element]:
    """The whole document's elements."""
    v = VOCAB[m.language]
    out: list[Element] = _head(m, v)
    if m.agenda:
        out += _agenda(m, v)
    for n, item in enumerate(m.items):
        out += _item(m, v, n, item)
    if m.chair:
        out.append(("tab", (v["chair"], m.options.get("signature_chair", m.chair))))
    return out


def _opt(m: Minutes, name: str, default: str) -> str:
    return str(m.options.get(name, default))


def _head(m: Minutes, v: dict[str, Any]) -> list[Element]:
    out: list[Element] = [("center", m.options.get("assembly", "МЕЖДУНАРОДНАЯ АССАМБЛЕЯ СТОЛИЦ И "
                                                    "КРУПНЫХ ГОРОДОВ"))]
    title = m.options.get("title_text", v["title"].format(n=m.number))
    out.append(("title", title))
    out.append(("center", v["of"].format(n=m.number, body=m.body)))
    out.append(("tab", (m.options.get("place_written", m.place or ""), m.date_written)))
    present = v["present_text"].format(n=m.present_count) if m.present_count else None
    rows = [(v["chair"], m.options.get("chair_written", m.chair)),
            (v["secretary"], m.options.get("secretary_written", m.secretary)),
            (v["present"], present)]
    if m.invited:
        rows.append((v["invited"], m.invited))
    rows = [(label, value) for label, value in rows if value]
    if _opt(m, "header", "lines") == "table":
        out.append(("table", [[label, value] for label, value in rows]))
    else:
        out += [("p", f"{label}: {value}") for label, value in rows]
    if m.options.get("present_names"):
        out.append(("p", f"{v['present']}:"))
        out += [("bullet", name) for name in m.options["present_names"]]
    return out


def _agenda(m: Minutes, v: dict[str, Any]) -> list[Element]:
    style = _opt(m, "agenda", "num")
    out: list[Element] = [("bold", v["agenda"])]
    if style == "table":
        rows: list[list[Any]] = [["№", "Вопрос", v["rapporteur"]]]
        rows += [[f"{i.number}.", i.title, i.heard[0].name if i.heard else ""] for i in m.items]
        return out + [("table", rows)]
    for item in m.items:
        title = item.title.replace(" | ", "\n") + m.options.get("agenda_end", ".")
        if style == "num":
            out.append(("num", title))
        else:
            out.append(("p", f"{item.number}. {title}"))
        if m.options.get("rapporteur") and item.heard:
            out.append(("p", f"{v['rapporteur']}: {item.heard[0].name}"))
    return out


def _item(m: Minutes, v: dict[str, Any], n: int, item: Item) -> list[Element]:
    marker = _opt(m, "marker", "heading")
    out: list[Element] = []
    if n in m.options.get("break_before_items", ()):
        out.append(("pagebreak", None))
    title = item.title.replace(" | ", " ")
    if marker == "heading":
        out.append(("h", f"{item.number}. {title}"))
    elif marker == "question":
        out.append(("p", v["question"].format(o=v["ordinals"][n], n=item.number)))
    elif marker == "item":
        out.append(("h", f"Item {item.number}: {title}"))
    out += _speakers(m, v, item, n)
    out += _decisions(m, v, item)
    return out


def _label(m: Minutes, name: str, v: dict[str, Any], rest: str = "") -> list[Element]:
    style = _opt(m, "labels", "own")
    word = m.options.get(f"{name}_word", v[name])
    if style == "spaced":
        word = " ".join(word)
    elif style == "sentence":
        word = word.capitalize()
    if rest and style in ("inline", "spaced", "sentence"):
        return [("boldrun", (f"{word}:", rest))]
    out: list[Element] = [("bold", f"{word}:")]
    return out + ([("p", rest)] if rest else [])


def _speaker_text(m: Minutes, s: Speaker) -> str:
    """The speaker's paragraph; in PDFs speeches run to several lines, as they do in real
    minutes (the PDF parser tells paragraphs apart by the spacing inside them)."""
    style = _opt(m, "speaker", "dash")
    text = f"{s.text} {VOCAB[m.language]['more']}" if m.fmt == "pdf" else s.text
    if style == "paren":
        return f"{s.written} ({s.city}): {text}"
    if style == "said":
        return f"{s.written} ({s.city}) {text}"
    header = ", ".join(p for p in (s.role, s.city) if p)
    return f"{s.written} — {header}. {text}".replace(" — . ", ". ")


def _speakers(m: Minutes, v: dict[str, Any], item: Item, n: int) -> list[Element]:
    labels = _opt(m, "labels", "own")
    if labels == "none":
        return [("p", _speaker_text(m, s)) for s in item.heard + item.spoke]
    if labels == "table":
        rows: list[list[Any]] = []
        if item.heard:
            rows.append([f"{v['heard']}:", [_speaker_text(m, s) for s in item.heard]])
        if item.spoke:
            rows.append([f"{v['spoke']}:", [_speaker_text(m, s) for s in item.spoke]])
        return [("table", rows)] if rows else []
    out: list[Element] = []
    if item.heard:
        first, *others = [_speaker_text(m, s) for s in item.heard]
        if _opt(m, "marker", "heading") == "numbered_label":
            out.append(("boldrun", (f"{item.number}. {v['heard']}:", first)))
        else:
            out += _label(m, "heard", v, first)
        out += [("p", t) for t in others]
    if item.spoke:
        first, *others = [_speaker_text(m, s) for s in item.spoke]
        out += _label(m, "spoke", v, first) + [("p", t) for t in others]
    return out


def _decisions(m: Minutes, v: dict[str, Any], item: Item) -> list[Element]:
    style = _opt(m, "decisions", "numbered")
    out: list[Element] = []
    if style in ("numbered", "plain") and _opt(m, "labels", "own") == "table":
        texts = [_decision_text(d, style) for d in item.decisions]
        out.append(("table", [[f"{v['decided']}:", [t.replace(" | ", " ") for t in texts]]]))
    elif style in ("numbered", "plain") and item.decisions:
        out += _label(m, "decided", v)
    for decision in item.decisions:
        if style in ("numbered", "plain") and _opt(m, "labels", "own") == "table":
            pass
        elif style == "resolved_each":
            out += _split(f"RESOLVED that {decision.text[0].lower()}{decision.text[1:]}")
        elif style == "agreed":
            out += _split(f"It was agreed that {decision.text[0].lower()}{decision.text[1:]}")
        else:
            out += _split(_decision_text(decision, style))
        if decision.vote is not None:
            out += _vote(m, v, decision.vote)
    if item.vote is not None:
        out += _vote(m, v, item.vote)
    return out


def _decision_text(decision: Decision, style: str) -> str:
    return f"{decision.number}. {decision.text}" if style == "numbered" else decision.text


def _split(text: str) -> list[Element]:
    """A decision written over a soft break (" | ") or a page break (" || ")."""
    if " || " in text:
        head, tail = text.split(" || ", 1)
        return [("p", head), ("pagebreak", None), ("p", tail)]
    return [("p", text.replace(" | ", "\n"))]


def _vote(m: Minutes, v: dict[str, Any], tally: Tally) -> list[Element]:
    style = _opt(m, "votes", "digits")
    counts = (tally.votes_for, tally.against, tally.abstained)
    outcome = _outcome_text(v, tally)
    if style == "triple" and tally.votes_for is not None:
        word = "carried" if tally.outcome == "adopted" else "lost"
        return [("p", f"Motion {word} {'-'.join(str(c) for c in counts)}.")]
    out: list[Element] = []
    if all(c is None for c in counts):
        if tally.unanimous and not m.options.get("unanimous_outcome_only"):
            out += _label(m, "voted", v, v["vote_unanimous"])
            return out
        return [("p", outcome)] if outcome else []
    if style in ("table_rows", "table_cols"):
        out += _label(m, "voted", v)
        keys = [k.strip("«»") for k in v["keys"]]
        values = [str(c) for c in counts]
        rows = [[k, c] for k, c in zip(keys, values, strict=True)] if style == "table_rows" \
            else [keys, values]
        out.append(("table", rows))
    else:
        out += _label(m, "voted", v, _tally_line(m, v, counts, style))
    return out + ([("p", outcome)] if outcome else [])


def _tally_line(m: Minutes, v: dict[str, Any], counts: tuple[Any, ...], style: str) -> str:
    if style == "words":
        parts = [f"{k.strip('«»')} — {say(c, m.language)}" for k, c in zip(v["keys"], counts,
                                                                           strict=True)]
        return ", ".join(parts) + "."
    if style == "en_inline":
        return f"{counts[0]} for, {counts[1]} against, {counts[2]} abstention."
    separator = ": " if m.language == "en" else " — "
    return ", ".join(f"{k}{separator}{c}" for k, c in zip(v["keys"], counts, strict=True)) + "."


def _outcome_text(v: dict[str, Any], tally: Tally) -> str | None:
    if tally.outcome is None:
        return None
    if tally.outcome == "rejected":
        return str(v["rejected"])
    return str(v["unanimous"] if tally.unanimous else v["adopted"])
