"""English minutes as they are really written (see `minutes_real_spec`)."""

from __future__ import annotations

from pathlib import Path

from minutes_real_spec import Real, dec, item, minutes, sp, vote


def en_narrative() -> Real:
    """Text: a narrative record ("Ms Harutyunyan reported that …", "Mr Aliyev asked …", "The
    Chair noted …"), speakers by surname alone, the number on the line under the title,
    Yerevan written before the date, apologies, a chair's signature."""
    elements = [
        ("title", "MINUTES"),
        ("center", "of the 5th meeting of the Standing Committee on Culture"),
        ("p", "Yerevan, Armenia, 12 March 2025"),
        ("p", "Chair: Ms Anahit Harutyunyan"), ("p", "Secretary: Mr David Petrosyan"),
        ("p", "Present: Ms Anahit Harutyunyan, Mr David Petrosyan, Mr Rashid Aliyev, "
              "Ms Olga Sidorenko"),
        ("p", "Apologies: Mr Timur Asanov"),
        ("bold", "AGENDA"),
        ("p", "1. Restoration of historic city centres"), ("p", "2. Date of the next meeting"),
        ("h", "1. Restoration of historic city centres"),
        ("p", "Ms Harutyunyan reported that the survey of twelve historic centres had been "
              "completed."),
        ("p", "Mr Aliyev asked whether the survey covered wooden buildings."),
        ("p", "The Chair noted that wooden buildings would be covered in the second phase."),
        ("p", "Sidorenko proposed a joint training course for restorers."),
        ("p", "It was agreed that the survey be published on the Assembly's website."),
        ("p", "Vote: For 4, Against 0, Abstained 0. Motion carried."),
        ("h", "2. Date of the next meeting"),
        ("p", "Mr Petrosyan informed the Committee that Tbilisi had offered to host the next "
              "meeting."),
        ("p", "It was agreed that the next meeting be held in Tbilisi in June 2025."),
        ("p", "Carried unanimously."),
        ("tab", ("Chair", "Anahit Harutyunyan")),
    ]
    expected = minutes(
        "en_narrative.txt", body="Standing Committee on Culture",
        number="5", date="2025-03-12", place="Yerevan",
        city="city:yerevan", chair="Ms Anahit Harutyunyan", secretary="Mr David Petrosyan",
        present_count=None, agenda=[
            item("1", "Restoration of historic city centres", [
                sp("Anahit Harutyunyan", "harutiunian a", "chair"),
                sp("Rashid Aliyev", "aliev r"),
                sp("Anahit Harutyunyan", "harutiunian a", "chair"),
                sp("Olga Sidorenko", "sidorenko o"),
            ], [dec("The survey be published on the Assembly's website.")], vote(4, 0, 0)),
            item("2", "Date of the next meeting", [
                sp("David Petrosyan", "petrosian d", "secretary"),
            ], [dec("The next meeting be held in Tbilisi in June 2025.")], vote(unanimous=True)),
        ])
    return Real("en_narrative", "txt", elements, expected, attendance={
        "present": ["Ms Anahit Harutyunyan", "Mr David Petrosyan", "Mr Rashid Aliyev",
                    "Ms Olga Sidorenko"],
        "absent": ["Mr Timur Asanov"], "invited": []})


def en_narrative_pdf() -> Real:
    """PDF: "The meeting was held in Yerevan on …", no agenda list (items announced by
    "Item 1:" headings), a narrative record with "the Chair" and surnames, the secretary
    named in a signature only."""
    elements = [
        ("title", "MINUTES No. 9"),
        ("center", "Bureau of the Council of the International Assembly of Capitals and Large "
                   "Cities"),
        ("p", "The meeting was held in Yerevan on 18 September 2025."),
        ("p", "Chair: Mr Armen Sargsyan"),
        ("p", "Present: 7 members of the Bureau"),
        ("h", "Item 1: Winter maintenance of city roads"),
        ("p", "Mr Grigoryan (Yerevan) presented the winter maintenance plan."),
        ("p", "Ms Nazarova asked about the cost of de-icing agents."),
        ("p", "The Chair proposed that the plan be shared with member cities."),
        ("p", "RESOLVED that the winter maintenance plan be shared with all member cities."),
        ("p", "Motion carried 7-0-0."),
        ("h", "Item 2: Any other business"),
        ("p", "Ms Nazarova (Minsk) informed the Bureau that Minsk would host the next meeting."),
        ("p", "Secretary: Ms Lusine Hakobyan"),
    ]
    expected = minutes(
        "en_narrative_pdf.pdf", body="Bureau of the Council of the International Assembly of Capitals and Large Cities",
        number="9", date="2025-09-18", place="Yerevan",
        city="city:yerevan", chair="Mr Armen Sargsyan", secretary="Ms Lusine Hakobyan",
        present_count=7, problems=("no agenda found", "item 2: no decision recorded"),
        notes=(), agenda=[
            item("1", "Winter maintenance of city roads", [
                sp("Grigoryan", "grigorian", city="city:yerevan"),
                sp("Nazarova", "nazarova"),
                sp("Armen Sargsyan", "sargsian a", "chair"),
            ], [dec("The winter maintenance plan be shared with all member cities.")],
                vote(7, 0, 0)),
            item("2", "Any other business", [sp("Nazarova", "nazarova", city="city:minsk")], []),
        ])
    return Real("en_narrative_pdf", "pdf", elements, expected)


def en_board_docx() -> Real:
    """DOCX: the head in a label | value table, a bulleted Present list, guests invited, a
    guest and a co-rapporteur among the speakers, "Resolved:" with numbered decisions."""
    elements = [
        ("title", "Minutes of the 31st meeting of the Council"),
        ("table", [["Date", "4 December 2025"], ["Venue", "City Hall, Minsk"],
                   ["Chair", "Ms Olga Sidorenko"], ["Secretary", "Mr Pavel Gursky"]]),
        ("p", "Present:"),
        ("bullet", "Ms Olga Sidorenko"), ("bullet", "Mr Pavel Gursky"),
        ("bullet", "Mr Rashid Aliyev"), ("bullet", "Ms Aigul Zhumabayeva"),
        ("p", "Invited: Mr Tigran Avetisyan (UNDP)"),
        ("bold", "Agenda"),
        ("num", "Clean air programme"), ("num", "Budget for 2026"),
        ("h", "1. Clean air programme"),
        ("p", "Mr Rashid Aliyev (Baku): the city has replaced 300 diesel buses."),
        ("p", "Mr Tigran Avetisyan (Yerevan): UNDP can co-finance air quality sensors."),
        ("p", "Resolved:"),
        ("p", "1.1. To take note of the report on clean air."),
        ("p", "1.2. To ask UNDP for a joint sensor project."),
        ("p", "Vote: For 4, Against 0, Abstained 0."),
        ("h", "2. Budget for 2026"),
        ("p", "Mr Pavel Gursky (Minsk): the draft budget keeps contributions unchanged."),
        ("p", "Resolved:"), ("p", "2.1. To approve the budget for 2026."),
        ("p", "Vote: For 3, Against 0, Abstained 1. Motion carried."),
    ]
    expected = minutes(
        "en_board_docx.docx", body="Council",
        number="31", date="2025-12-04", place="City Hall, Minsk",
        city="city:minsk", chair="Ms Olga Sidorenko", secretary="Mr Pavel Gursky",
        present_count=None, agenda=[
            item("1", "Clean air programme", [
                sp("Rashid Aliyev", "aliev r", city="city:baku"),
                sp("Tigran Avetisyan", "avetisian t", "invited", city="city:yerevan"),
            ], [dec("To take note of the report on clean air.", "1.1"),
                dec("To ask UNDP for a joint sensor project.", "1.2")], vote(4, 0, 0, None)),
            item("2", "Budget for 2026", [
                sp("Pavel Gursky", "gurski p", "secretary", city="city:minsk"),
            ], [dec("To approve the budget for 2026.", "2.1")], vote(3, 0, 1)),
        ])
    return Real("en_board_docx", "docx", elements, expected, attendance={
        "present": ["Ms Olga Sidorenko", "Mr Pavel Gursky", "Mr Rashid Aliyev",
                    "Ms Aigul Zhumabayeva"],
        "absent": [], "invited": ["Mr Tigran Avetisyan"]})


NOTES = Path(__file__).resolve().parent / "data" / "tsc-meeting-2025-03-12.md"


def en_tsc_notes() -> Real:
    """Markdown notes of an open-source foundation's steering committee: a Present list with
    the chair marked, guests, an agenda with "Announcements", "Today" and "Last Meeting"
    sub-lists, items wrapped over two lines with issue links, speakers named by the given
    name, and outcomes recorded in prose ("Agreed to …", "Consensus to …", "Decision: …")."""
    taken = vote()
    expected = minutes(
        "en_tsc_notes.md", body="Technical Steering Committee (TSC)",
        number=None, date="2025-03-12", place=None, city=None,
        chair="Anna Kowalska", secretary=None, present_count=None, agenda=[
            item(None, "Release schedule for the v24 line", [
                sp("Anna Kowalska", "kowalska a", "chair"), sp("Chen Wei", "wei c"),
            ], [dec("To ship v24.0.0 on 22 April 2025.")], taken),
            item(None, "Move CI jobs to the new build cluster", [
                sp("Dmitri Volkov", "volkov d"),
            ], [dec("To switch the remaining jobs on 1 April 2025.")], taken),
            item(None, "Adopt the updated Code of Conduct", [sp("Elena Rossi", "rosi e")], [
                dec("The updated Code of Conduct is adopted and takes effect on 1 April 2025.")],
                taken),
            item(None, "Nominate Farah Haddad as a collaborator", [sp("Ben Okafor", "okafor b")],
                 [dec("To nominate Farah Haddad; Anna will open the nomination issue.")], taken),
            item(None, "Sunset the legacy documentation site", [sp("Ben Okafor", "okafor b")],
                 [dec("To defer the sunset until the redirects are in place.")], taken),
            item(None, "Budget request for the security audit", [
                sp("Farah Haddad", "hadad f", "invited"),
            ], [], vote(5, 0, 0)),
            item(None, "Time of the next meeting", [],
                 [dec("To meet on 26 March 2025 at 15:00 UTC.")], taken),
        ])
    return Real("en_tsc_notes", "md", [("raw", NOTES.read_text("utf-8"))], expected,
                attendance={"present": ["Anna Kowalska", "Ben Okafor", "Chen Wei",
                                        "Dmitri Volkov", "Elena Rossi"],
                            "absent": [], "invited": ["Farah Haddad"]})


ALL = (en_narrative, en_narrative_pdf, en_board_docx, en_tsc_notes)
