"""The words that say what kind a document is, in Russian, Ukrainian, Belarusian, Kazakh and
English, declared once (regular-expression fragments, matched case-insensitively).

- Title words: the name a document gives itself in a title or lead line («ДОКЛАД», «Отчёт о…»,
  «ПРОТОКОЛ № 12», «ПОВЕСТКА ДНЯ», «РЕШЕНИЕ», "Provisional Agenda", «БАЯНДАМА»). In ru, uk,
  be and en the name comes first, in the nominative (a few modifiers may precede it: «Итоговый
  доклад», "Draft Resolution"); a genitive after "draft" or "extract" is written out
  («Проект решения», «Выписка из протокола»). Kazakh puts the name last («… туралы есеп»,
  «отырысының ХАТТАМАСЫ»), so its words are a list of their own.
- Structure words: what each kind is made of (salutations and closings of letters, the
  operative verbs of resolutions, the standard items and rapporteurs of agendas). The minutes
  labels of ru, uk and en are the minutes reader's own (`pipeline.minutes.labels`); those of be
  and kk are here.

How much each piece of evidence weighs is `pipeline.kind.evidence`'s business, not this
module's.
"""

from __future__ import annotations

from typing import Final

REPORT: Final = "report"
MINUTES: Final = "minutes"
AGENDA: Final = "agenda"
RESOLUTION: Final = "resolution"
LETTER: Final = "letter"
OTHER: Final = "other"
#: the kinds the text can show, in the order that breaks a tie (corpus.model.DOCUMENT_KINDS).
FOUND_KINDS: Final[tuple[str, ...]] = (MINUTES, RESOLUTION, AGENDA, REPORT, LETTER)

#: «Протокол о сотрудничестве», «Протокол о намерениях»: an agreement, not minutes.
_NOT_AN_AGREEMENT: Final = r"(?!\s+(?:о|об|про|аб|пра|намерений|намірів|разногласий)(?![\w-]))"
#: title words of the languages that name the document first (ru, uk, be, en).
TITLE_WORDS: Final[dict[str, tuple[str, ...]]] = {
    REPORT: (
        r"доклад", r"содоклад", r"отч[её]т", r"информация\s+(?:о|об|по)", r"справка\s+(?:о|об|по)",
        r"выступление",
        r"доповідь", r"співдоповідь", r"звіт", r"інформація\s+(?:про|щодо)",
        r"довідка\s+(?:про|щодо)", r"виступ",
        r"даклад", r"садаклад", r"справаздача", r"інфармацыя\s+(?:аб|пра|па)",
        r"даведка\s+(?:аб|пра)", r"выступленне",
        r"report", r"speech",
    ),
    MINUTES: (
        rf"протокол{_NOT_AN_AGREEMENT}", r"стенограмма", r"выписка\s+из\s+протокола",
        r"стенограма", r"витяг\s+(?:з|із)\s+протоколу",
        rf"пратакол{_NOT_AN_AGREEMENT}", r"стэнаграма", r"выпіска\s+з\s+пратакола",
        r"minutes", r"summary\s+record", r"verbatim\s+record", r"transcript",
        r"notes\s+of\s+(?:the\s+)?meeting",
        r"record\s+of\s+(?:the\s+)?(?:meeting|proceedings|session|sitting)",
        r"extract\s+from\s+(?:the\s+)?minutes",
    ),
    AGENDA: (
        r"повестка\s+(?:дня|заседания)", r"проект\s+повестки\s+дня",
        r"порядок\s+денний", r"про[єе]кт\s+порядку\s+денного",
        r"парадак\s+дня", r"праект\s+парадку\s+дня",
        r"agenda", r"order\s+of\s+business",
    ),
    RESOLUTION: (
        r"решение", r"постановление", r"резолюция", r"распоряжение",
        r"(?:проект|выписка\s+из)\s+(?:решения|постановления|резолюции)",
        r"рішення", r"постанова", r"резолюція", r"розпорядження",
        r"(?:про[єе]кт|витяг\s+(?:з|із))\s+(?:рішення|постанови|резолюції)",
        r"рашэнне", r"пастанова", r"рэзалюцыя", r"распараджэнне",
        r"(?:праект|выпіска\s+з)\s+(?:рашэння|пастановы|рэзалюцыі)",
        r"resolutions?", r"decisions?", r"extract\s+from\s+(?:the\s+)?(?:decision|resolution)",
    ),
    LETTER: (
        r"письмо", r"(?:информационная|служебная)\s+записка",
        r"лист", r"(?:інформаційна|службова)\s+записка",
        r"ліст", r"(?:інфармацыйная|службовая)\s+запіска",
        r"letter", r"note\s+verbale",
    ),
}  # fmt: skip

#: Kazakh title words: the last one in a title line names the document («… шешімнің орындалуы
#: туралы есеп» is a report); genitive and other case forms never match.
KAZAKH_TITLE_WORDS: Final[dict[str, tuple[str, ...]]] = {
    REPORT: (r"баяндама(?:сы)?", r"есеп", r"есебі", r"ақпарат(?:ы)?"),
    MINUTES: (r"хаттама(?:сы)?", r"стенограмма(?:сы)?", r"хаттамадан\s+үзінді"),
    AGENDA: (r"күн\s+тәртібі", r"күн\s+тәртібінің\s+жобасы"),
    RESOLUTION: (r"шешім(?:і)?", r"қаулы(?:сы)?", r"қарар(?:ы)?", r"өкім(?:і)?",
                 r"шешім(?:інің)?\s+жобасы"),
    LETTER: (r"хат(?:ы)?", r"ақпараттық\s+хат"),
}  # fmt: skip

#: words that, written before a title word, make it the object of a phrase («О ходе выполнения
#: решения», "Approval of the minutes"), or point at another text («этот отчёт»).
NOT_BEFORE_A_TITLE: Final[frozenset[str]] = frozenset("""
    о об обо по к ко на в во из для от про при с со за под над между и или как
    про щодо до з із зі від у в на за при для та і й або як
    аб пра па да з ад у ў на за пры для і ці як
    of on to for in with from about regarding concerning under by at re and or as
    этот эта это настоящий настоящая данный данная наш наша ваш ваша
    цей ця це наш наша ваш ваша гэты гэтая наш наша ваш ваша
    this that these our your my its their
""".split())

#: a letter's subject line: what follows it is the letter's topic, not its kind.
SUBJECT_LINE: Final = r"(?:re|subject|subj|тема|предмет|щодо|тэма|тақырыбы)\s*[:.]"

#: salutations to one person («Уважаемый Иван Петрович!», "Dear Ms Jones,").
SALUTATIONS_PERSONAL: Final[tuple[str, ...]] = (
    r"(?:глубоко)?уважаем(?:ый|ая)\b", r"(?:вельми)?шановн(?:ий|а)\b",
    r"(?:глыбока)?паважан(?:ы|ая)\b", r"шаноўн(?:ы|ая)\b", r"құрметті\b",
    r"dear\s+(?:mr|mrs|ms|miss|dr|prof|sir|madam|colleague\b|[^\W\d_]+\s*,)",
    r"(?:your\s+)?excellency\b",
)  # fmt: skip
#: salutations to many (a speech opens so too, so they weigh less).
SALUTATIONS_COLLECTIVE: Final[tuple[str, ...]] = (
    r"(?:глубоко)?уважаемые\b", r"(?:вельми)?шановні\b", r"паважаныя\b", r"шаноўныя\b",
    r"құрметті\s+(?:әріптестер|қатысушылар|достар|депутаттар)",
    r"dear\s+(?:colleagues|friends|members|all|participants|delegates)",
    r"ladies\s+and\s+gentlemen", r"дамы\s+и\s+господа", r"пані\s+та\s+панове",
)  # fmt: skip
#: a letter's closing, at the start of a short line.
CLOSINGS: Final[tuple[str, ...]] = (
    r"с\s+(?:глубоким\s+|искренним\s+)?уважением", r"искренне\s+ваш",
    r"з\s+(?:глибокою\s+|щирою\s+)?повагою", r"з\s+(?:глыбокай\s+)?павагай",
    r"(?:терең\s+)?құрметпен",
    r"(?:yours\s+)?(?:sincerely|faithfully|truly)", r"(?:kind|best|warm)\s+regards",
    r"with\s+(?:best|kind)\s+(?:regards|wishes)", r"respectfully(?:\s+yours)?",
)  # fmt: skip
#: the closing of a note verbale, anywhere in a line.
CLOSING_PHRASES: Final[tuple[str, ...]] = (
    r"assurances?\s+of\s+(?:my|its|his|her|our)\s+(?:highest|high|most\s+distinguished)"
    r"\s+consideration",
    r"уверени[яе]\s+в\s+(?:сво[её]м\s+)?(?:высоком|глубоком|неизменном)\s+уважении",
    r"запевнення\s+(?:у|в)\s+(?:своїй\s+)?(?:високій|глибокій)\s+повазі",
)  # fmt: skip
#: an enclosure line with its size («Приложение: доклад на 8 л. в 1 экз.»).
ENCLOSURE_SHEETS: Final = (r"\bна\s+\d+\s+(?:л|листах|листе|арк|аркушах)(?:\W|$)"
                           r"|\bin\s+\d+\s+(?:pages|copies)\b|\b\d+\s+парақ")
#: an enclosure line without its size.
ENCLOSURE: Final = (r"(?:приложени[ея]|додатки?|додаток|дадатак|дадаткі|қосымша(?:лар)?"
                    r"|enclosures?|encl\.?|attachments?)\s*[:.]")
#: the addressee, at the start of a line near the top («Председателю Совета…», "To: …").
ADDRESSEES: Final[tuple[str, ...]] = (
    r"председателю", r"заместителю", r"(?:генеральному|ответственному)\s+секретарю",
    r"секретарю", r"главе", r"мэру", r"акиму", r"хокиму", r"министру", r"директору",
    r"руководителю", r"начальнику", r"президенту", r"господину", r"госпоже", r"г-ну", r"г-же",
    r"голові", r"заступнику", r"генеральному\s+секретарю", r"меру", r"керівнику", r"пану",
    r"пані",
    r"старшыні", r"намесніку", r"(?:генеральнаму|адказнаму)\s+сакратару", r"сакратару",
    r"кіраўніку", r"дырэктару", r"начальніку", r"спадару", r"спадарыні",
    r"to\s*:", r"attn\.?\s*:", r"attention\s*:", r"for\s+the\s+attention\s+of",
)  # fmt: skip
#: Kazakh addressees end the line (dative): «Ассамблея Кеңесінің Төрағасына».
KAZAKH_ADDRESSEES: Final = (r"(?:төрағасына|төрағаға|хатшысына|әкіміне|басшысына|директорына"
                            r"|министріне|мырзаға|ханымға)")
#: reference numbers of correspondence («Исх. № 01-15/2345», «На № 12 от …», "Our ref").
REFERENCES: Final[tuple[str, ...]] = (
    r"(?:исх|вих|выход|шығыс)\.?\s*№", r"\bна\s+№\s*\S+\s+(?:от|від|ад)\b",
    r"\b(?:our|your)\s+ref(?:erence)?\b", r"^ref(?:erence)?\.?\s*(?:no\.?)?\s*:",
)  # fmt: skip
#: what a letter says at the start of a sentence («Направляем…», "Please find enclosed").
LETTER_PHRASES: Final[tuple[str, ...]] = (
    r"(?:настоящим\s+)?(?:направляем|направляю|прошу|просим|сообщаем|сообщаю|информируем"
    r"|информирую|благодарим|выражаем|приглашаем|доводим\s+до\s+вашего\s+сведения"
    r"|в\s+ответ\s+на|обращаюсь|обращаемся|ставим\s+вас\s+в\s+известность)\b",
    r"(?:надсилаємо|надсилаю|просимо|прошу|повідомляємо|повідомляю|інформуємо|дякуємо"
    r"|висловлюємо|запрошуємо|у\s+відповідь\s+на|звертаюся|звертаємося)\b",
    r"(?:накіроўваем|накіроўваю|просім|прашу|паведамляем|паведамляю|інфармуем|дзякуем"
    r"|выказваем|запрашаем|у\s+адказ\s+на|звяртаюся|звяртаемся)\b",
    r"(?:i|we)\s+(?:am|are)\s+(?:writing|pleased\s+to\s+inform)|(?:i|we)\s+have\s+the\s+honou?r"
    r"|please\s+find\s+(?:enclosed|attached)|(?:enclosed|attached)\s+(?:please\s+find|is|are)\b"
    r"|further\s+to\b|in\s+reply\s+to\b|with\s+reference\s+to\s+your|thank\s+you\s+for\s+your"
    r"\s+letter|(?:i|we)\s+would\s+be\s+grateful|(?:i|we)\s+kindly\s+ask",
)  # fmt: skip
#: the same in the third person, after the sender («Мэрия города Бишкек сообщает, что…»).
SENDER_PHRASES: Final = (r"\s(?:сообщает|информирует|уведомляет|направляет|просит|приглашает"
                         r"|повідомляє|інформує|надсилає|просить|запрошує|паведамляе|інфармуе"
                         r"|накіроўвае|просіць|запрашае|has\s+the\s+honou?r\s+to)\b")
#: Kazakh puts the verb last: «…жолдаймыз.», «…сұраймыз.».
KAZAKH_LETTER_PHRASES: Final = (r"(?:жолдаймыз|жіберіп\s+отырмыз|сұраймыз|сұраймын|хабарлаймыз"
                                r"|хабарлаймын|алғыс\s+білдіреміз|шақырамыз|хабарлайды)\b")
#: who to ask («Контактное лицо: …», «Исполнитель: …»).
CONTACTS: Final = (r"(?:контактное\s+лицо|исполнитель|контактна\s+особа|виконавець"
                   r"|кантактная\s+асоба|выканаўца|орындаған|орындаушы|байланыс\s+телефоны"
                   r"|contact\s+(?:person|details)|contact)\s*[:.—-]")
#: how a report read aloud ends.
SPEECH_ENDINGS: Final = (r"(?:благодарю|спасибо)\s+за\s+внимание|дякую\s+за\s+увагу"
                         r"|дзякуй(?:у)?\s+за\s+ўвагу|назарларыңызға\s+рахмет"
                         r"|thank\s+you\s+for\s+your\s+attention")

#: minutes labels of be and kk (ru, uk and en: `pipeline.minutes.labels`), keyed by the
#: minutes reader's label names.
MINUTES_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "heard": (r"слухалі", r"заслухалі", r"тыңдалды", r"тыңдады(?:қ)?"),
    "spoke": (r"выступілі", r"сөз\s+сөйлегендер", r"сөйлегендер", r"сөйледі"),
    "decided": (r"пастанавілі", r"вырашылі", r"ухвалілі", r"қаулы\s+етті", r"шешті",
                r"шешім\s+қабылданды"),
    "voted": (r"галасавалі", r"вынікі\s+галасавання", r"дауыс\s+берді",
              r"дауыс\s+беру(?:\s+қорытындысы)?", r"дауыс\s+берілді"),
    "present": (r"прысутнічалі", r"прысутныя", r"қатысқандар", r"қатысты"),
    "chair": (r"старшынстваваў", r"старшынствавала", r"старшыня\s+пасяджэння",
              r"төрағалық\s+етті", r"төрағалық\s+етуші", r"төраға"),
    "secretary": (r"сакратар(?:\s+пасяджэння)?", r"хатшы"),
    "invited": (r"запрошаныя", r"шақырылғандар"),
}  # fmt: skip

#: the operative words of a resolution, before a colon or in capitals («Совет РЕШИЛ:»,
#: «ПОСТАНОВЛЯЕТ:», "DECIDES:"); minutes say ПОСТАНОВИЛИ / РЕШИЛИ (plural) instead.
OPERATIVE: Final[tuple[str, ...]] = (
    r"постановляет", r"постановил", r"постанавливает", r"решил", r"решила", r"решило",
    r"решает",
    r"постановляє", r"постановив", r"постановила", r"вирішив", r"вирішила", r"вирішило",
    r"вирішує", r"ухвалює", r"ухвалив", r"ухвалила", r"ухвалило",
    r"пастанаўляе", r"пастанавіў", r"пастанавіла", r"вырашыў", r"вырашыла", r"вырашае",
    r"қаулы\s+етеді", r"шешім\s+етеді", r"шешеді", r"шешім\s+қабылда(?:йды|ды)",
    r"resolves", r"decides", r"hereby\s+(?:resolves|decides)", r"has\s+(?:decided|resolved)",
)  # fmt: skip
#: a resolution's preamble, at the start of a line («Заслушав и обсудив…», "Recalling…").
PREAMBLE: Final[tuple[str, ...]] = (
    r"заслушав", r"рассмотрев", r"обсудив", r"руководствуясь", r"принимая\s+во\s+внимание",
    r"учитывая", r"отмечая", r"признавая",
    r"заслухавши", r"розглянувши", r"обговоривши", r"керуючись", r"беручи\s+до\s+уваги",
    r"враховуючи", r"відзначаючи", r"визнаючи",
    r"заслухаўшы", r"разгледзеўшы", r"абмеркаваўшы", r"кіруючыся", r"прымаючы\s+пад\s+увагу",
    r"улічваючы", r"адзначаючы",
    r"having\s+(?:considered|heard|examined|reviewed|discussed)", r"noting", r"recalling",
    r"recogni[sz]ing", r"taking\s+(?:into\s+account|note)", r"bearing\s+in\s+mind",
    r"guided\s+by", r"welcoming", r"convinced", r"mindful", r"acknowledging",
)  # fmt: skip
#: the Kazakh preamble ends its clause: «…басшылыққа ала отырып».
KAZAKH_PREAMBLE: Final = (r"басшылыққа\s+ала\s+отырып|назарға\s+ала\s+отырып"
                          r"|ескере\s+отырып|тыңдап\s+(?:және\s+)?талқылап")
#: a resolution speaking of itself («Контроль за исполнением настоящего решения…»).
SELF_REFERENCE: Final = (
    r"настоящ(?:его|ее|им|ему)\s+(?:решени|постановлени|распоряжени)"
    r"|настоящ(?:ей|ую|ая)\s+резолюци|вступает\s+в\s+силу\s+со\s+дня"
    r"|(?:цього|даного|цим)\s+(?:рішення|розпорядження)|ц(?:ієї|ю|ією)\s+(?:постанов|резолюці)"
    r"|набирає\s+чинності"
    r"|(?:гэтага|дадзенага)\s+(?:рашэння|распараджэння)|гэт(?:ай|ую)\s+(?:пастанов|рэзалюцы)"
    r"|уступае\s+ў\s+сілу"
    r"|осы\s+(?:шешім|қаулы|қарар)|күшіне\s+енеді"
    r"|this\s+(?:resolution|decision)\b|(?:enters?|comes?)\s+into\s+force"
)  # fmt: skip
#: what a numbered clause of a resolution starts with («1. Утвердить…», "2. Requests…").
CLAUSE_VERBS: Final[tuple[str, ...]] = (
    r"утвердить", r"одобрить", r"рекомендовать", r"поручить", r"принять", r"создать",
    r"провести", r"предложить", r"обратиться", r"считать", r"признать", r"направить",
    r"включить", r"установить", r"возложить", r"контроль\s+за",
    r"затвердити", r"схвалити", r"рекомендувати", r"доручити", r"взяти\s+до\s+відома",
    r"створити", r"запропонувати", r"звернутися", r"вважати", r"визнати", r"покласти",
    r"зацвердзіць", r"ухваліць", r"рэкамендаваць", r"даручыць", r"прыняць", r"стварыць",
    r"правесці", r"прапанаваць", r"лічыць", r"прызнаць", r"накіраваць", r"ускласці",
    r"кантроль\s+за",
    r"decides", r"requests", r"approves", r"endorses", r"urges", r"calls\s+upon", r"invites",
    r"encourages", r"recommends", r"instructs", r"welcomes", r"takes\s+note", r"notes",
    r"adopts", r"authori[sz]es", r"reaffirms",
)  # fmt: skip
#: a Kazakh clause ends in the passive imperative: «…бекітілсін.», «…тапсырылсын.».
KAZAKH_CLAUSE_END: Final = r"[^\W\d_]+(?:ылсын|ілсін|лсын|лсін|нсын|нсін)\.?\s*$"

#: who presents an agenda item («Докладчик: …», "Rapporteur: …").
RAPPORTEURS: Final = (r"(?:докладчик|содокладчик|доповідач|співдоповідач|дакладчык|садакладчык"
                      r"|қосымша\s+баяндамашы|баяндамашы|rapporteur|presenter|introduced\s+by)"
                      r"\s*[:—–-]")
#: a time slot of a programme («10.00–10.30»).
TIME_SLOT: Final = r"\d{1,2}[.:]\d{2}\s*[-–—]\s*\d{1,2}[.:]\d{2}"
#: items every agenda has, after their number.
STANDARD_ITEMS: Final[tuple[str, ...]] = (
    r"открытие\s+(?:заседания|сессии)", r"утверждение\s+повестки\s+дня", r"разное\b",
    r"о\s+дате\s+и\s+месте\s+(?:проведения\s+)?(?:следующего|очередного)\s+заседания",
    r"закрытие\s+(?:заседания|сессии)",
    r"відкриття\s+засідання", r"затвердження\s+порядку\s+денного", r"різне\b",
    r"про\s+дату\s+(?:і|та)\s+місце\s+(?:проведення\s+)?наступного\s+засідання",
    r"закриття\s+засідання",
    r"адкрыццё\s+пасяджэння", r"зацвярджэнне\s+парадку\s+дня", r"рознае\b",
    r"аб\s+даце\s+і\s+месцы\s+(?:правядзення\s+)?наступнага\s+пасяджэння",
    r"закрыццё\s+пасяджэння",
    r"отырыстың\s+ашылуы", r"күн\s+тәртібін\s+бекіту", r"әртүрлі\b",
    r"келесі\s+отырыстың\s+(?:өтетін\s+)?(?:күні|уақыты|орны)", r"отырыстың\s+жабылуы",
    r"opening\s+of\s+the\s+(?:meeting|session)", r"adoption\s+of\s+the\s+agenda",
    r"approval\s+of\s+the\s+(?:agenda|minutes)", r"any\s+other\s+business",
    r"date\s+(?:and\s+(?:venue|place)\s+)?of\s+(?:the\s+)?next\s+meeting",
    r"clos(?:e|ing)\s+of\s+the\s+(?:meeting|session)", r"welcome\s+and\s+apologies",
    r"matters\s+arising",
)  # fmt: skip
