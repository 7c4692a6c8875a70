"""Meaningless texts, to tell a query's meaning from its noise.

A multilingual embedding gives every pair of texts a similarity well above zero: with e5-small
even "xyzzyqwerty" scores 0.73-0.79 against every block of an archive, while an English
question scores its Russian answer 0.77-0.90. What separates them is how far the best block
stands above what the same query scores against text that means nothing. These strings of
random letters are that text: a query of nonsense lies near them in the embedding's space (it
is nonsense too), a question far from them, so the query's mean similarity to them is its
background (`index.meaning.SEMANTIC_MARGIN`).

Why nonsense and not unrelated sentences (a recipe, a football match): a sentence is unrelated
only to some archives, and an encyclopedia or a report on sport would find its answers
"unrelated" too. On 122 long news texts, the best block of every one of 20 nonsense queries
stood at most 0.062 above these strings and the archive's median together, while the answers of
97% of 271 English questions stood higher; against 20 unrelated sentences, 95% did
(bench/calibrate.py). They are embedded once per process, as passages, with the model the
archive's blocks were embedded with. The strings were drawn once at random (fixed seed), and
none is one of the benchmark's nonsense queries.

An archive of a few passages has no telling median, and there a short real query («water
losses in the pipes») sits as near the random strings as nonsense does. There the query's
background is its mean similarity to these strings and to sentences on unrelated subjects
together (`UNRELATED_TEXTS`): nonsense stood at most 0.026 above it, the answers of English
questions 0.039 on short paragraphs and mostly more than 0.038 on long texts.
"""

from __future__ import annotations

NOISE_TEXTS = (
    "cyiukrzlm haoujbop kuuexmwz", "wvjmggfcw emvul apaxuhf", "qqqyr jwxu vcgpcry", "wdndjpmo",
    "faaesaby igdpkodld", "evb dteaoouyh nhmy", "pdfph rgago tzzwnr", "tqyy xedbsgm",
    "abvvmaqo qomlawk kjrrq", "yrrlpotpd zvyszen", "qurpynz", "tcc",
    "ytd hefif", "gkvzbed kpgposd qhoaa", "tbfuli", "extusyww qcivvkldd",
    "sdydwvud hzqyg", "vjtkm", "kwe", "bcv rgytq jluh",
    "жкл", "жбсеэчь ршуьццхщы рцсюбщб", "шзв ейкунррп жгдюрвм", "ячфей",
    "ьутд щиргюлеум", "бфзп чдомймцр пэщиб", "ьлпххтэхц", "уэьощвзб швы вмуктцта",
    "йльтщшчзь", "гнизрцоу вмгуэ гуь", "люиьтвуь", "юмлвг",
    "сюк", "цкжш тчь", "фгкцущяб цяедфысз дяфыэ", "люлвть хдрьх фгфшпоц",
    "ячбж шзожоэяхю", "пзза", "счпй фрйн", "эиафяр эпфпнепюм пчщнщых",
)

#: sentences far from what an assembly writes about (the small-archive reference only).
UNRELATED_TEXTS = (
    "Тесто для пирога замешивают на холодном масле и оставляют в холодильнике на час.",
    "Нападающий обвёл двух защитников и забил гол в правый верхний угол.",
    "Кошка спала на подоконнике, пока за окном шёл снег.",
    "Юпитер — самая большая планета Солнечной системы, у неё десятки спутников.",
    "Скрипач исполнил сонату Баха без единой ошибки, и зал аплодировал стоя.",
    "В сказке лиса обманула ворону и унесла кусочек сыра.",
    "Чтобы связать шарф, нужно два мотка шерсти и спицы четвёртого размера.",
    "Динозавры вымерли около шестидесяти шести миллионов лет назад.",
    "Борщ варять з буряком, капустою та квасолею, а подають зі сметаною.",
    "Лелеки повертаються з вирію навесні й будують гнізда на дахах.",
    "Гітарист настроїв інструмент і заграв стару народну пісню.",
    "Дитина складала пазл із тисячі деталей цілий тиждень.",
    "Whisk the eggs with sugar until the mixture turns pale and doubles in volume.",
    "The chess champion sacrificed her queen and won the game eight moves later.",
    "A hummingbird beats its wings up to eighty times a second.",
    "The novel follows a young wizard through his first year at a school of magic.",
    "Surfers waited for the big waves that roll in after a storm at sea.",
    "The telescope revealed rings around the distant planet for the first time.",
    "Our dog learned to fetch the newspaper and bring it to the kitchen.",
    "The jazz band played until dawn in a small club by the river.",
)
