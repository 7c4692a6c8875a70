"""Messages a delegate may read, in English, Russian and Ukrainian.

The library, the CLI and the JSON API speak English; the web page speaks the delegate's
language. A `Message` is the English sentence (so every caller that treats it as a string keeps
working) that also remembers its key and values, so the web page can say it again in Russian
or Ukrainian without parsing English. Values that are words of ours (a facet's name, "none
yet") are put in the other language too; values from the archive (a city, a query) are shown
as given.
"""

from __future__ import annotations

from typing import Any

ENGLISH: dict[str, str] = {
    "empty_archive": "the archive is empty: no documents yet (run 'sekretar ingest')",
    "no_archive": "no archive at {folder} (run 'sekretar ingest' first)",
    "no_document": "no document with id or file name {ref!r}",
    "ambiguous_document": "{ref!r} matches more than one document; give more of the id",
    "no_entity": "no entity {key!r} in the archive or the reference data",
    "no_session": "no documents of session {name!r} in the archive",
    "no_source_file": "the source file of {name} is not in the archive",
    "no_export": "DOCX export is not available in this server",
    "export_language": "say which language to export into (lang=uk, for example)",
    "page_not_found": "page not found",
    "internal": "internal error: the server log has the details",
    "unknown_mode": "unknown mode {mode!r}; use one of {known}",
    "unknown_kind": "unknown kind {kind!r}; use one of {known}",
    "no_meeting": "no meeting, date, collection or minutes document {ref!r} in the archive "
    "(see 'sekretar sessions')",
    "not_minutes": "{ref!r} holds no minutes with decisions: akn, akn-resolution and popolo "
    "write a meeting's minutes",
    "no_minutes_match": "no {what} {value!r} in the minutes of the archive "
    "(see 'sekretar minutes DOC')",
    "no_column_match": "no blocks with {name} {value!r} in the archive; known: {known}",
    "no_entity_filter": "no entity {key!r} in the archive (see 'sekretar entity KEY')",
    "not_a_date": "not a date: {given!r} (use YYYY, YYYY-MM or YYYY-MM-DD)",
    "no_matches": "no matches",
    "query_cut": "the query was cut to its first {limit} characters",
    "no_words": "nothing to search for: the query has no words",
    "common_words": "nothing to search for: the query has only common words",
    "common_or_punctuation": "nothing to search for: the query has only common words or punctuation",
    "unreadable_query": "the query could not be read: {reason}",
    "sign_in_needed": "sign in first: this archive is open to its accounts only",
    "sign_in_failed": "wrong name or password",
    "too_many_attempts": "too many failed sign-ins: try again in {minutes} min",
    "csrf_failed": "the form has expired or came from another site: reload the page and "
    "send it again",
    "not_allowed": "your account may not do this",
    "upload_busy": "a batch is still being ingested: wait until it ends",
    "upload_empty": "choose at least one file",
    "upload_too_large": "{name} is larger than {mb} MB, the largest file accepted",
    "damaged_archive": "the archive database {path} is damaged ({detail}); nothing was "
    "changed. Restore the last backup with 'sekretar restore BACKUP', or keep a copy of the "
    "folder for a specialist; 'sekretar check --full' lists the damage",
    "readonly_archive": "the archive at {folder} can only be read here ({detail}); search "
    "and serve it, or copy it to a folder that can be written",
    "search_too_long": "the search took longer than {seconds} s and was stopped waiting for; "
    "make it narrower (more words, a filter)",
    "server_busy": "the server is busy with long searches; try again in a moment",
    "unmatched_quote": "an unmatched quote or parenthesis was dropped from the query",
    "range_syntax": "ranges such as [a TO b] are not part of the query language; "
    "use --from and --to for dates",
    "short_prefix": "{word!r} is too short to expand: write at least {letters} letters "
    "before * or ?",
    "expansions_cut": "a prefix or wildcard matched too many words: only the {limit} most "
    "frequent were searched; write more letters before *",
    "nothing_related": "no matches: no block contains these words, and none is close enough "
    "in meaning",
    "review_gone": "this translation no longer needs review: reload the page",
    "review_text_needed": "write the corrected translation, or accept it as it is",
    "resolution_meeting": "say which meeting the draft is of (meeting=...)",
}

RUSSIAN: dict[str, str] = {
    "empty_archive": "Архив пуст: документов ещё нет (добавьте их командой «sekretar ingest»)",
    "no_archive": "Архива в папке {folder} нет (сначала выполните «sekretar ingest»)",
    "no_document": "Документа с номером или именем файла «{ref}» нет",
    "ambiguous_document": "«{ref}» подходит к нескольким документам; укажите номер длиннее",
    "no_entity": "Сущности «{key}» нет ни в архиве, ни в справочниках",
    "no_session": "Документов сессии «{name}» в архиве нет",
    "no_source_file": "Исходного файла документа {name} в архиве нет",
    "no_export": "Выгрузка в DOCX на этом сервере недоступна",
    "export_language": "Укажите язык выгрузки (например, lang=uk)",
    "page_not_found": "Страница не найдена",
    "internal": "Внутренняя ошибка: подробности в журнале сервера",
    "unknown_mode": "Неизвестный режим «{mode}»; возможны: {known}",
    "unknown_kind": "Неизвестный вид «{kind}»; возможны: {known}",
    "no_meeting": "Заседания, даты, собрания или протокола «{ref}» в архиве нет "
    "(см. «sekretar sessions»)",
    "not_minutes": "В «{ref}» нет протокола с решениями: akn, akn-resolution и popolo "
    "выгружают протоколы заседаний",
    "no_minutes_match": "В протоколах архива нет: {what} «{value}»",
    "no_column_match": "В архиве нет фрагментов, где {name} — «{value}»; есть: {known}",
    "no_entity_filter": "Сущности «{key}» в архиве нет",
    "not_a_date": "«{given}» — не дата (пишите ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)",
    "no_matches": "Ничего не найдено",
    "query_cut": "Запрос сокращён до первых {limit} знаков",
    "no_words": "Искать нечего: в запросе нет слов",
    "common_words": "Искать нечего: в запросе только служебные слова",
    "common_or_punctuation": "Искать нечего: в запросе только служебные слова и знаки",
    "unreadable_query": "Запрос не удалось прочитать: {reason}",
    "sign_in_needed": "Сначала войдите: архив открыт только для его учётных записей",
    "sign_in_failed": "Неверное имя или пароль",
    "too_many_attempts": "Слишком много неудачных попыток входа: повторите через {minutes} мин",
    "csrf_failed": "Форма устарела или отправлена с другого сайта: обновите страницу и "
    "отправьте её снова",
    "not_allowed": "Вашей учётной записи это не разрешено",
    "upload_busy": "Предыдущая партия файлов ещё обрабатывается: дождитесь её окончания",
    "upload_empty": "Выберите хотя бы один файл",
    "upload_too_large": "Файл {name} больше {mb} МБ — наибольшего допустимого размера",
    "damaged_archive": "База данных архива {path} повреждена ({detail}); ничего не изменено. "
    "Восстановите последнюю резервную копию командой «sekretar restore КОПИЯ» или сохраните "
    "копию папки для специалиста; «sekretar check --full» покажет повреждения",
    "readonly_archive": "Архив в папке {folder} здесь доступен только для чтения ({detail}); "
    "в нём можно искать и открывать его на сервере, а для записи скопируйте его в другую папку",
    "search_too_long": "Поиск занял больше {seconds} с, и ждать его перестали; сузьте запрос "
    "(больше слов, фильтр)",
    "server_busy": "Сервер занят долгими поисками; повторите через минуту",
    "unmatched_quote": "Непарная кавычка или скобка в запросе пропущена",
    "range_syntax": "Диапазоны вида [а TO я] в запросах не поддерживаются; для дат есть "
    "--from и --to",
    "short_prefix": "«{word}» — слишком короткое начало слова: до * или ? нужно не меньше "
    "{letters} букв",
    "expansions_cut": "Под шаблон подходит слишком много слов: искались только {limit} самых "
    "частых; допишите начало слова",
    "nothing_related": "Ничего не найдено: этих слов нет ни в одном фрагменте, и близких по "
    "смыслу тоже нет",
    "review_gone": "Этот перевод уже не требует проверки: обновите страницу",
    "review_text_needed": "Напишите исправленный перевод или примите его как есть",
    "resolution_meeting": "Укажите, к какому заседанию составить проект (meeting=...)",
}

UKRAINIAN: dict[str, str] = {
    "empty_archive": "Архів порожній: документів ще немає (додайте їх командою «sekretar ingest»)",
    "no_archive": "Архіву в теці {folder} немає (спочатку виконайте «sekretar ingest»)",
    "no_document": "Документа з номером або іменем файлу «{ref}» немає",
    "ambiguous_document": "«{ref}» підходить до кількох документів; вкажіть довший номер",
    "no_entity": "Сутності «{key}» немає ні в архіві, ні в довідниках",
    "no_session": "Документів сесії «{name}» в архіві немає",
    "no_source_file": "Вихідного файлу документа {name} в архіві немає",
    "no_export": "Вивантаження в DOCX на цьому сервері недоступне",
    "export_language": "Вкажіть мову вивантаження (наприклад, lang=uk)",
    "page_not_found": "Сторінку не знайдено",
    "internal": "Внутрішня помилка: подробиці в журналі сервера",
    "unknown_mode": "Невідомий режим «{mode}»; можливі: {known}",
    "unknown_kind": "Невідомий вид «{kind}»; можливі: {known}",
    "no_meeting": "Засідання, дати, збірки чи протоколу «{ref}» в архіві немає "
    "(див. «sekretar sessions»)",
    "not_minutes": "У «{ref}» немає протоколу з рішеннями: akn, akn-resolution і popolo "
    "вивантажують протоколи засідань",
    "no_minutes_match": "У протоколах архіву немає: {what} «{value}»",
    "no_column_match": "В архіві немає фрагментів, де {name} — «{value}»; є: {known}",
    "no_entity_filter": "Сутності «{key}» в архіві немає",
    "not_a_date": "«{given}» — не дата (пишіть РРРР, РРРР-ММ або РРРР-ММ-ДД)",
    "no_matches": "Нічого не знайдено",
    "query_cut": "Запит скорочено до перших {limit} знаків",
    "no_words": "Шукати нічого: у запиті немає слів",
    "common_words": "Шукати нічого: у запиті лише службові слова",
    "common_or_punctuation": "Шукати нічого: у запиті лише службові слова та знаки",
    "unreadable_query": "Запит не вдалося прочитати: {reason}",
    "sign_in_needed": "Спочатку увійдіть: архів відкритий лише для його облікових записів",
    "sign_in_failed": "Неправильне ім'я або пароль",
    "too_many_attempts": "Забагато невдалих спроб входу: повторіть через {minutes} хв",
    "csrf_failed": "Форма застаріла або надіслана з іншого сайту: оновіть сторінку й "
    "надішліть її знову",
    "not_allowed": "Вашому обліковому запису це не дозволено",
    "upload_busy": "Попередня партія файлів ще обробляється: дочекайтеся її завершення",
    "upload_empty": "Виберіть хоча б один файл",
    "upload_too_large": "Файл {name} більший за {mb} МБ — найбільший допустимий розмір",
    "damaged_archive": "База даних архіву {path} пошкоджена ({detail}); нічого не змінено. "
    "Відновіть останню резервну копію командою «sekretar restore КОПІЯ» або збережіть копію "
    "теки для фахівця; «sekretar check --full» покаже пошкодження",
    "readonly_archive": "Архів у теці {folder} тут доступний лише для читання ({detail}); "
    "у ньому можна шукати й відкривати його на сервері, а для запису скопіюйте його в іншу теку",
    "search_too_long": "Пошук тривав довше за {seconds} с, і чекати його перестали; звузьте "
    "запит (більше слів, фільтр)",
    "server_busy": "Сервер зайнятий довгими пошуками; повторіть за хвилину",
    "unmatched_quote": "Непарну лапку або дужку в запиті пропущено",
    "range_syntax": "Діапазони на кшталт [а TO я] у запитах не підтримуються; для дат є "
    "--from і --to",
    "short_prefix": "«{word}» — закороткий початок слова: до * або ? потрібно щонайменше "
    "{letters} літер",
    "expansions_cut": "Під шаблон підходить забагато слів: шукали лише {limit} найчастіших; "
    "допишіть початок слова",
    "nothing_related": "Нічого не знайдено: цих слів немає в жодному фрагменті, і близьких за "
    "змістом теж немає",
    "review_gone": "Цей переклад уже не потребує перевірки: оновіть сторінку",
    "review_text_needed": "Напишіть виправлений переклад або прийміть його як є",
    "resolution_meeting": "Вкажіть, до якого засідання скласти проєкт (meeting=...)",
}

#: our own words that appear as values, by language
VALUE_WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "kind": "вид",
        "language": "язык",
        "city": "город",
        "session": "сессия",
        "speaker": "выступающий",
        "agenda item": "пункт повестки",
        "none yet": "пока ничего",
    },
    "uk": {
        "kind": "вид",
        "language": "мова",
        "city": "місто",
        "session": "сесія",
        "speaker": "доповідач",
        "agenda item": "пункт порядку денного",
        "none yet": "поки нічого",
    },
}

LANGUAGES: dict[str, dict[str, str]] = {"en": ENGLISH, "ru": RUSSIAN, "uk": UKRAINIAN}


class Message(str):
    """An English message that can be said again in another language (see the module doc)."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Message:
        made = super().__new__(cls, ENGLISH[key].format(**params))
        made.key = key
        made.params = params
        return made

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, Any]]:  # type: ignore[override]
        return (self.key,), self.params

    def said_in(self, language: str) -> str:
        """The message in `language` (English when there is no such template)."""
        template = LANGUAGES.get(language, {}).get(self.key)
        if template is None:
            return str(self)
        ours = VALUE_WORDS.get(language, {})
        values = {k: ours.get(v, v) if isinstance(v, str) else v for k, v in self.params.items()}
        return template.format(**values)


def say(text: object, language: str) -> str:
    """Any message (or error) in `language`: a `Message` is translated, anything else is
    shown as it is."""
    if isinstance(text, BaseException) and text.args:
        text = text.args[0]
    if isinstance(text, Message):
        return text.said_in(language)
    return str(text)
