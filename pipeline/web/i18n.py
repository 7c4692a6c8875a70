"""The interface's words in Russian, Ukrainian (words_uk.py) and English.

Document text is never translated here: only the labels around it, including the names of our
own values (kinds, statuses, vote outcomes, languages). The chosen language comes from
`?ui=ru|uk|en` (the switch, remembered in a cookie), else the cookie, else the signed-in
account's language (auth.py), else the browser's Accept-Language, else Russian, the assembly's
working language.
"""

from __future__ import annotations

from functools import cache

from pipeline.web.words_uk import UKRAINIAN

UI_LANGUAGES = ("ru", "uk", "en")
#: each interface language named in itself, for the switch.
UI_NAMES = {"ru": "Русский", "uk": "Українська", "en": "English"}
DEFAULT_UI = "ru"
COOKIE = "sekretar_ui"

_WORDS: dict[str, tuple[str, str]] = {
    # key: (ru, en)
    "app": ("Секретарь: архив документов", "Sekretar: document archive"),
    "search": ("Поиск", "Search"),
    "query": ("Запрос", "Query"),
    "find": ("Найти", "Search"),
    "show_in": ("Показывать переводы на", "Show translations in"),
    "original_only": ("только оригинал", "original only"),
    "filters": ("Фильтры", "Filters"),
    "clear_filters": ("Сбросить фильтры", "Clear filters"),
    "facet_kind": ("Вид", "Kind"),
    "facet_language": ("Язык", "Language"),
    "facet_city": ("Город", "City"),
    "facet_session": ("Сессия", "Session"),
    "facet_year": ("Год", "Year"),
    "facet_entity": ("Упоминания", "Mentions"),
    "found": ("Найдено документов", "Documents found"),
    "empty_archive": ("Архив пуст: документов ещё нет.", "The archive is empty: no documents yet."),
    "empty_archive_hint": ("Добавьте их командой «sekretar ingest».",
                           "Add some with 'sekretar ingest'."),
    "no_results": ("Ничего не найдено.", "Nothing found."),
    "bad_query": ("Запрос не удалось выполнить", "The query could not be run"),
    "type_query": (
        "Введите слова, «фразу в кавычках», приставку* или И / ИЛИ / НЕ.",
        'Type words, "a phrase", prefix* or AND / OR / NOT.',
    ),
    "page": ("стр.", "p."),
    "paragraph": ("абз.", "para."),
    "block": ("блок", "block"),
    "previous": ("← Назад", "← Previous"),
    "next": ("Далее →", "Next →"),
    "page_of": ("Страница {page} из {pages}", "Page {page} of {pages}"),
    "translation": ("перевод", "translation"),
    "from_translation": ("найдено в переводе", "found in the translation"),
    "document": ("Документ", "Document"),
    "outline": ("Содержание", "Outline"),
    "metadata": ("Сведения", "Details"),
    "source_name": ("Файл", "File"),
    "kind": ("Вид", "Kind"),
    "language": ("Язык", "Language"),
    "city": ("Город", "City"),
    "session": ("Сессия", "Session"),
    "date": ("Дата", "Date"),
    "status": ("Состояние", "Status"),
    "problems": ("Замечания", "Problems"),
    "original": ("Оригинал", "Original"),
    "translate_to": ("Перевод на", "Translation into"),
    "no_translation": ("нет перевода", "no translation"),
    "no_translations": (
        "Переводов этого документа в архиве нет.",
        "The archive holds no translations of this document.",
    ),
    "download_original": ("Скачать оригинал", "Download the original"),
    "renditions": ("Тот же документ в других форматах", "The same document in other formats"),
    "export_docx": ("Перевод в DOCX", "Translation as DOCX"),
    "export_side": ("Оригинал и перевод рядом (DOCX)", "Side by side (DOCX)"),
    "entity": ("Сущность", "Entity"),
    "entity_docs": ("Документы, где она упоминается", "Documents that mention it"),
    "mentions": ("упоминаний", "mentions"),
    "forms": ("формы", "forms"),
    "names": ("Названия", "Names"),
    "no_mentions": ("Упоминаний в архиве нет.", "No mentions in the archive."),
    "session_title": ("Сессия", "Session"),
    "session_docs": ("Документы сессии", "Documents of the session"),
    "meeting": ("Заседание", "Meeting"),
    "meeting_docs": ("Документы заседания", "Documents of the meeting"),
    "other_docs": ("Другие документы", "Other documents"),
    "collection": ("Собрание документов", "Collection"),
    "agenda": ("Повестка дня", "Agenda"),
    "speakers": ("Выступили", "Speakers"),
    "decisions": ("Решения", "Decisions"),
    "vote": ("Голосование", "Vote"),
    "votes_for": ("за", "for"),
    "against": ("против", "against"),
    "abstained": ("воздержались", "abstained"),
    "unanimous": ("единогласно", "unanimously"),
    "chair": ("Председатель", "Chair"),
    "secretary": ("Секретарь", "Secretary"),
    "met_body": ("Орган", "Body that met"),
    "place": ("Место", "Place"),
    "present": ("Присутствовали", "Present"),
    "no_minutes": (
        "Протокол этой сессии не разобран; ниже её документы.",
        "No minutes of this session have been read; its documents are below.",
    ),
    "not_found": ("Не найдено", "Not found"),
    "error": ("Ошибка", "Error"),
    "back_to_search": ("К поиску", "Back to search"),
    "api": ("API", "API"),
    "browse": ("Обзор", "Browse"),
    "latest_meetings": ("Последние заседания", "Latest meetings"),
    "latest_documents": ("Последние документы", "Latest documents"),
    "all_meetings": ("Все заседания", "All meetings"),
    "all_documents": ("Все документы", "All documents"),
    "documents_total": ("Документов", "Documents"),
    "no_meetings": ("Протоколов заседаний в архиве нет.", "The archive holds no minutes yet."),
    "sign_in": ("Войти", "Sign in"),
    "sign_out": ("Выйти", "Sign out"),
    "account_name": ("Имя", "Name"),
    "password": ("Пароль", "Password"),
    "role_delegate": ("делегат", "delegate"),
    "role_editor": ("редактор", "editor"),
    "role_secretariat": ("секретариат", "secretariat"),
    "visibility": ("Доступ", "Visibility"),
    "visibility_published": ("опубликован", "published"),
    "visibility_internal": ("внутренний", "internal"),
    "visibility_draft": ("черновик", "draft"),
    "status_ok": ("обработан", "processed"),
    "status_partial": ("обработан частично", "partly processed"),
    "status_failed": ("не обработан", "not processed"),
    "outcome_adopted": ("принято", "adopted"),
    "outcome_rejected": ("не принято", "rejected"),
    "corrections": ("Исправления", "Corrections"),
    "title": ("Заголовок", "Title"),
    "save": ("Сохранить", "Save"),
    "delete": ("Удалить в корзину", "Move to the trash"),
    "restore": ("Вернуть из корзины", "Restore from the trash"),
    "supersede": ("Заменить новой редакцией", "Replace with a newer version"),
    "supersede_by": ("Новая редакция (номер или имя файла)", "Newer version (id or file name)"),
    "history": ("Журнал изменений", "Change log"),
    "by_command_line": ("командная строка", "command line"),
    "state": ("Состояние в архиве", "State in the archive"),
    "state_current": ("действующий", "current"),
    "state_superseded": ("заменён новой редакцией", "superseded"),
    "state_trashed": ("в корзине", "in the trash"),
    "done_edit": ("Исправление сохранено.", "The correction is saved."),
    "done_delete": ("Документ перемещён в корзину.", "The document is in the trash."),
    "done_restore": ("Документ возвращён из корзины.", "The document is restored."),
    "done_supersede": ("Старая редакция заменена этой.", "This document replaces the older one."),
    "upload": ("Загрузка", "Upload"),
    "upload_files": ("Файлы (можно выбрать несколько)", "Files (choose several at once)"),
    "upload_collection": ("Собрание документов (необязательно)", "Collection (optional)"),
    "upload_start": ("Загрузить и обработать", "Upload and ingest"),
    "upload_limit": ("Наибольший размер файла: {mb} МБ.", "Largest file: {mb} MB."),
    "upload_busy": ("Идёт обработка предыдущей партии; новая — после её окончания.",
                    "A batch is being ingested; the next one can start when it ends."),
    "upload_latest": ("Последняя загрузка", "Latest upload"),
    "upload_counts": ("Обработано {done} из {total}", "{done} of {total} processed"),
    "upload_current": ("Сейчас", "Now"),
    "phase_waiting": ("ожидает начала", "waiting to start"),
    "phase_ingesting": ("обрабатывается", "being ingested"),
    "phase_done": ("готово", "done"),
    "outcome_ok": ("принят", "stored"),
    "outcome_partial": ("принят частично", "partly stored"),
    "outcome_failed": ("не принят", "failed"),
    "outcome_unchanged": ("уже в архиве", "already in the archive"),
    "tstatus_machine": ("машинный перевод", "machine translation"),
    "tstatus_needs_review": ("требует проверки", "needs review"),
    "tstatus_approved": ("одобрен редактором", "approved by an editor"),
    "tstatus_original": ("текст оригинала", "the original text"),
    "review": ("Проверка перевода", "Translation review"),
    "review_link": ("Проверить перевод", "Review the translation"),
    "review_none": ("Все переводы на этот язык проверены.",
                    "No translation into this language needs review."),
    "review_count": ("Требуют проверки: {count}", "Needing review: {count}"),
    "review_accept": ("Принять", "Accept"),
    "review_correct": ("Сохранить исправление", "Save the correction"),
    "review_accept_all": ("Принять все как есть", "Accept all as they are"),
    "review_done": ("Одобрено переводов: {count}. Они будут использоваться и в новых переводах.",
                    "Approved {count} translation(s); later translations use them too."),
    "review_back": ("К документу", "Back to the document"),
    "resolution": ("Проект решения", "Draft resolution"),
    "resolution_make": ("Составить проект решения", "Compile a draft resolution"),
    "resolution_languages": ("Языки проекта", "Languages of the draft"),
    "resolution_download": ("Скачать DOCX", "Download the DOCX"),
    "resolution_counts": ("Принятых решений: {adopted}; в приложении: {not_adopted}",
                          "Adopted decisions: {adopted}; in the appendix: {not_adopted}"),
    "resolution_untranslated": ("Без перевода ({language}): {count}",
                                "Without a translation ({language}): {count}"),
    "resolution_translated": ("Все решения переведены на выбранные языки.",
                              "Every decision is in every chosen language."),
}
#: the name of each language the archive knows (corpus.languages.LANGUAGES), as `language_<code>`.
LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "ru": ("русский", "Russian"),
    "uk": ("украинский", "Ukrainian"),
    "be": ("белорусский", "Belarusian"),
    "kk": ("казахский", "Kazakh"),
    "uz": ("узбекский", "Uzbek"),
    "ky": ("киргизский", "Kyrgyz"),
    "tg": ("таджикский", "Tajik"),
    "hy": ("армянский", "Armenian"),
    "az": ("азербайджанский", "Azerbaijani"),
    "ka": ("грузинский", "Georgian"),
    "ro": ("румынский", "Romanian"),
    "tk": ("туркменский", "Turkmen"),
    "en": ("английский", "English"),
}
_WORDS |= {f"language_{code}": pair for code, pair in LANGUAGE_NAMES.items()}
#: the name of each document kind (corpus.model.DOCUMENT_KINDS), as `kind_<kind>`.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "report": ("Доклад, отчёт", "Report"),
    "minutes": ("Протокол", "Minutes"),
    "agenda": ("Повестка дня", "Agenda"),
    "resolution": ("Решение, постановление", "Resolution, decision"),
    "letter": ("Письмо", "Letter"),
    "other": ("Другое", "Other"),
}
_WORDS |= {f"kind_{kind}": pair for kind, pair in KIND_LABELS.items()}


@cache
def words(language: str) -> dict[str, str]:
    """Every label in `language` (Russian for a language the interface does not speak)."""
    if language == "uk":
        return {key: UKRAINIAN[key] for key in _WORDS}
    column = 1 if language == "en" else 0
    return {key: pair[column] for key, pair in _WORDS.items()}


def value_word(t: dict[str, str], group: str, value: str | None) -> str:
    """One of our own values (a kind, status, outcome, language code) named in the interface's
    language; a value without a name is shown as it is."""
    return t.get(f"{group}_{value}", value or "")


def choose(asked: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The interface language: asked in the URL, else remembered, else the browser's."""
    for value in (asked, cookie):
        if value in UI_LANGUAGES:
            return value
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in UI_LANGUAGES:
            return code
    return DEFAULT_UI
