"""English minutes of the quality set (names and events are invented)."""

from __future__ import annotations

from minutes_spec import Decision, Item, Minutes, Speaker, Tally

_ASSEMBLY = "INTERNATIONAL ASSEMBLY OF CAPITALS AND LARGE CITIES"


def en_paren() -> Minutes:
    """DOCX: speakers as "Name (City): …", a Resolved: label with numbered decisions."""
    return Minutes(
        "en_paren", "en", "docx", "english", "21", "2025-07-03", "3 July 2025", "Astana",
        "city:astana", "Daniyar Seitkali", "Elena Kim", 13, body="Council",
        options={"assembly": _ASSEMBLY, "labels": "none", "speaker": "paren",
                 "place_written": "Astana"},
        items=[
            Item("1", "Smart city platforms",
                 heard=[Speaker("Marat Akhmetov", "Marat Akhmetov", "ahmetov m", None, "Astana", "city:astana",
                                "the city has connected 40 public services to one platform.")],
                 spoke=[Speaker("Olga Sidorenko", "Olga Sidorenko", "sidorenko o", None, "Minsk", "city:minsk",
                                "proposed a joint data standard for member cities.")],
                 decisions=[Decision("1.1", "To take note of the report on smart city platforms."),
                            Decision("1.2", "To set up a working group on open data standards.")],
                 vote=Tally(12, 0, 1)),
            Item("2", "Cooperation of city museums",
                 heard=[Speaker("Gulnara Ismailova", "Gulnara Ismailova", "ismailova g", None, "Tashkent",
                                "city:tashkent", "presented the joint exhibition project.")],
                 decisions=[Decision("2.1", "To support the joint exhibition project of city museums.")],
                 vote=Tally(13, 0, 0, unanimous=True)),
        ])  # fmt: skip


def en_motion() -> Minutes:
    """PDF: "Item N:" headings, "Mr X (City) said …", one RESOLVED per decision, motions
    carried or lost 12-0-3, a page break before the second item."""
    return Minutes(
        "en_motion", "en", "pdf", "english", "22", "2025-12-04", "December 4, 2025", "Baku",
        "city:baku", "Rashad Mammadov", "Leyla Aliyeva", 15, body="Council",
        options={"assembly": _ASSEMBLY, "labels": "none", "speaker": "said", "marker": "item",
                 "decisions": "resolved_each", "votes": "triple", "place_written": "Baku",
                 "break_before_items": (1,), "agenda_end": ""},
        items=[
            Item("1", "Water loss reduction",
                 heard=[Speaker("Mr Rashid Aliyev", "Rashid Aliyev", "aliev r", None, "Baku", "city:baku",
                                "said that zoning cut water losses by a fifth.")],
                 spoke=[Speaker("Ms Aigul Zhumabayeva", "Aigul Zhumabayeva", "zhumabaeva a", None, "Astana",
                                "city:astana", "supported the proposal and offered training for engineers.")],
                 decisions=[Decision(None, "The Council establishes a working group on water loss reduction.")],
                 vote=Tally(12, 0, 3)),
            Item("2", "Joint purchase of electric buses",
                 heard=[Speaker("Dr Timur Asanov", "Timur Asanov", "asanov t", None, "Bishkek", "city:bishkek",
                                "presented a proposal for joint procurement.")],
                 decisions=[Decision(None, "Member cities purchase electric buses jointly from 2026.")],
                 vote=Tally(4, 9, 2, "rejected")),
            Item("3", "Date of the next meeting",
                 decisions=[Decision(None, "The next meeting be held in Tashkent in April 2026.")],
                 vote=Tally(15, 0, 0)),
        ])  # fmt: skip


def en_agreed() -> Minutes:
    """A text file: "It was agreed that …", a vote in a sentence, "Carried unanimously"."""
    return Minutes(
        "en_agreed", "en", "txt", "english", "23", "2026-04-16", "16 April 2026", "Tashkent",
        "city:tashkent", "Bakhodir Yusupov", "Nodira Karimova", 14, body="Council",
        options={"assembly": _ASSEMBLY, "labels": "none", "speaker": "paren", "agenda": "lines",
                 "decisions": "agreed", "votes": "en_inline", "unanimous_outcome_only": True,
                 "place_written": "Tashkent"},
        items=[
            Item("1", "Heritage tourism routes",
                 heard=[Speaker("Dilshod Nazarov", "Dilshod Nazarov", "nazarov d", None, "Tashkent",
                                "city:tashkent", "the route now links six cities of the Silk Road.")],
                 decisions=[Decision(None, "The Silk Road route be extended to Dushanbe.")],
                 vote=Tally(13, 0, 1)),
            Item("2", "Youth exchange programme",
                 heard=[Speaker("Madina Saidova", "Madina Saidova", "saidova m", None, "Dushanbe",
                                "city:dushanbe", "proposed summer exchanges for students.")],
                 decisions=[Decision(None, "A youth exchange programme be launched in 2026.")],
                 vote=Tally(None, None, None, unanimous=True)),
        ])  # fmt: skip


ALL = (en_paren, en_motion, en_agreed)
