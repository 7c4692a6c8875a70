"""Texts far from anything an assembly writes about, to tell a query's meaning from its noise.

A multilingual embedding gives every pair of texts a similarity well above zero: with e5-small
even "xyzzyqwerty" scores 0.73-0.79 against every block of an archive, while an English
question scores its Russian answer 0.77-0.90. What separates them is how far a block stands
above what the same query scores against unrelated text. These passages are that unrelated
text: their mean similarity to the query is its background (`index.ranking.SEMANTIC_MARGIN`).
They are embedded once per process, with the model the archive's blocks were embedded with.
"""

from __future__ import annotations

BACKGROUND_TEXTS = (
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
