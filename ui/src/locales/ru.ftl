## Drafting: preview, history, statements

preview = Предварительный просмотр
preview_show = Показать проект, составленный по записи заседания
preview_title = Составлено по записи заседания
preview_lang = Язык просмотра
preview_meeting_lang = Язык заседания
preview_empty = Пока нечего составлять.
preview_loading = Составление…
history = История
history_show = Показать версии этого документа
history_title = Версии
history_empty = Версий пока нет.
history_hint = Отметьте две версии, чтобы сравнить их, или одну, чтобы сравнить её с текущим текстом.
history_compare = Сравнить
history_view = Просмотреть
history_restore = Восстановить эту версию
history_restored = Версия восстановлена.
history_no_diff = Различий нет.
history_current = текущий текст
history_diff_title = Изменения с { $from } по { $to }
history_version_title = Версия от { $time }
history_by = автор: { $replica }
change_edit = правка
change_regenerate = созданные разделы обновлены
change_restore = восстановление
change_import = импорт
change_created = создание
change_suggestion_accepted = предложение принято
change_suggestion = предложение
change_comment = комментарий
change_status_change = статус согласования
change_corrigendum = исправление
change_synced = получено при синхронизации
statement_drafted = Подготовлено
statement_delivered = Зачитано { $date }
statement_delivered_by = Зачитано { $date }, выступающий: { $speaker }
delivered_on = Дата выступления
mark_delivered = Отметить как зачитанное
mark_drafted = Вернуть в проект

## Main screens

app_name = Rapporteur
search_placeholder = Поиск по всем заседаниям…
new_meeting = Новое заседание
import_json = Импорт JSON…
export_json = Экспорт JSON…
delete_meeting = Удалить заседание
confirm_delete = Удалить это заседание с этого компьютера? Отменить это действие невозможно.
meetings = Заседания
no_meetings = Заседаний пока нет. Создайте заседание или импортируйте запись.
open_example = Открыть пример заседания
no_results = Ничего не найдено.
search_hits =
    { $count ->
        [one] { $count } результат
        [few] { $count } результата
        [many] { $count } результатов
       *[other] { $count } результата
    }
tracker = Контроль исполнения
tracker_meeting = { $title } · { $date }
settings = Настройки
help = Сочетания клавиш
close = Закрыть
untitled = Заседание без названия
select_meeting = Выберите заседание на боковой панели или создайте новое клавишами Ctrl+N.
tab_overview = Общие сведения
tab_attendance = Участники
tab_speakers = Ораторы
tab_actions = Меры
tab_notes = Мои заметки
tab_documents = Резюме и заявления
title = Название
kind = Вид
convened_by = Созвано
date = Дата
end_date = Дата окончания
venue = Место проведения
language = Язык
symbol = Условное обозначение
chair = Председатель
chair_name = Имя
chair_title = Должность
chair_role = Роль
status = Статус
saved = Сохранено
saving = Сохранение…
add_state = Добавить государство (введите название)…
add_other = Добавить другого участника (подразделение ООН, НПО…)
name = Название
category = Категория
add = Добавить
remove = Удалить
present = Присутствует
absent = Отсутствует
headcounts = Численность участников
derived = рассчитано
typed = введено
count = Число
clear = Очистить
delegations = Делегации
attendance_hint = Пробел или P отмечает присутствие в выбранной строке; Delete удаляет её.
add_speaker = Добавить оратора (введите делегацию)…
give_floor = Предоставить слово
next_speaker = Следующий оратор
stop_timer = Стоп
on_the_floor = Выступает
speaking_time = Время выступления
speaking_minutes = { $minutes ->
    [one] { $minutes } минута выступления
    [few] { $minutes } минуты выступления
   *[other] { $minutes } минут выступления
}
intervention_notes = Содержание выступления (сохраняется автоматически)
person = Лицо
time = Время
agenda_item = Пункт повестки дня
speakers_hint = Alt+↑/↓ перемещает выбранного оратора; Enter предоставляет слово; строки можно перетаскивать.
no_speakers = Ораторов пока нет.
select_speaker = Выберите оратора, чтобы записать содержание выступления.
add_action = Добавить меру
from = От кого
to = Кому
text = Текст
due = Срок
overdue = Просрочено
open_only = Только невыполненные
owner = Ответственный
all_owners = Все ответственные
meeting = Заседание
no_actions = Мер нет.
notes_meeting = Заметки об этом заседании
notes_intervention = Заметки о выступлении
notes_private = Конфиденциально: эти заметки хранятся только на этом компьютере. Синхронизация их не передаёт.
summary = Резюме
statements = Заявления
statement = Заявление
add_statement = Добавить заявление
remove_statement = Удалить заявление
statement_title = Название заявления
summary_title = Название резюме
change_speaker = Другой оратор… (государство или имя)
speaker = Оратор
regenerate = Обновить созданные разделы
regenerate_confirm = Эти созданные разделы были изменены вручную и будут перезаписаны: { $sections }. Перезаписать их? (Прежний текст сохранится в истории.)
undo = Отменить
redo = Повторить
bold = Полужирный
italic = Курсив
heading = Заголовок
bullet_list = Маркированный список
ordered_list = Нумерованный список
formatting = Форматирование
export = Экспорт…
format = Формат
restore = Восстановить
data_location = Расположение данных
ui_language = Язык интерфейса
theme = Тема
theme_light = Светлая
theme_dark = Тёмная
theme_system = Системная
replica_name = Имя этого компьютера (видно коллегам)
sync_folder = Общая папка синхронизации
choose_folder = Выбрать…
sync_now = Синхронизировать
sync_done = Синхронизация завершена.
imported = Заседание импортировано.
exported = Экспортировано.
error = Ошибка
dismiss = Скрыть
shortcut = Сочетание клавиш
action = Действие
sc_new = Новое заседание
sc_search = Перейти к поиску
sc_tabs = Переключение между разделами заседания
sc_next = Следующий оратор (предоставляет слово)
sc_import = Импортировать запись (JSON)
sc_export = Экспортировать заседание (JSON)
sc_tracker = Контроль исполнения
sc_settings = Настройки
sc_help = Эта справка
sc_toggle = Участники: отметить присутствие в выбранной строке
sc_move = Ораторы: переместить выбранного оратора
sc_floor = Ораторы: предоставить слово выбранному оратору
sc_undo = Редактор: отменить / повторить
sc_escape = Закрыть панель или список подсказок
kind_briefing = Брифинг
kind_consultation = Консультации
kind_annual_meeting = Ежегодное совещание
kind_plenary = Пленарное заседание
kind_working_group = Рабочая группа
kind_side_event = Параллельное мероприятие
kind_other = Другое
status_draft = Проект
status_final = Окончательный вариант
status_circulated = Распространено
cat_member_state = Государства-члены
cat_observer_state = Государства-наблюдатели
cat_un_system = Система Организации Объединённых Наций
cat_intergovernmental_organization = Межправительственные организации
cat_civil_society = Гражданское общество
cat_special_procedure = Специальные процедуры
cat_other = Другие
ik_statement = Заявление
ik_question = Вопрос
ik_right_of_reply = Право на ответ
ak_request = Просьба
ak_commitment = Обязательство
ak_invitation = Приглашение
ak_decision = Решение
ak_next_step = Следующий шаг
as_open = Открыто
as_in_progress = Выполняется
as_done = Выполнено
as_dropped = Снято
hit_meeting = Заседание
hit_delegation = Делегация
hit_intervention = Выступление
hit_action = Мера
hit_document = Документ

statement_numbered = Заявление { $n }
count_invalid = Число: { $value } не является целым числом
count_derived = { $count } (рассчитано)
count_of = Число: { $category }
group_label_of = Обозначение в резюме: { $category }
group_label_singular_of = Обозначение в резюме (единственное число): { $category }
group_label_plural_of = Обозначение в резюме (множественное число): { $category }

## Export

tab_export = Экспорт
ex_options = Параметры экспорта
ex_fmt_pdf = PDF для распространения
ex_fmt_docx = Word (DOCX)
ex_fmt_md = Markdown
ex_fmt_html = Веб-страница (HTML)
ex_fmt_csv = Таблица (CSV)
ex_fmt_ics = Сроки (календарь ICS)
ex_document = Документ
ex_table = Таблица
ex_table_attendance = Участники
ex_table_actions = Меры
ex_lang_meeting = Язык заседания ({ $lang })
ex_annex = Приложение: участники и список ораторов
ex_notes = Включить мои заметки
ex_comments = Включить открытые комментарии (в виде сносок)
ex_notes_private = Мои заметки конфиденциальны и хранятся только на этом компьютере: они попадают в экспорт, только если вы этого попросите.
ex_go = Экспорт { $format }…
ex_save_title = Экспорт документа
ex_exporting = Экспорт… { $s } с
ex_done = Экспортировано в { $file }.
ex_preview = Предварительный просмотр
ex_preview_alt = Страница { $page } из { $pages } файла PDF
ex_page_of = Страница { $page } из { $pages }
ex_prev_page = Предыдущая страница
ex_next_page = Следующая страница
ex_previewing = Обновление предварительного просмотра… { $s } с
ex_preview_other = Файл { $format } содержит тот же текст и ту же структуру; здесь показана вёрстка PDF.
ex_preview_csv = Файл CSV — это таблица для электронных таблиц: страницы для просмотра нет.
ex_preview_ics = Файл ICS переносит сроки мер в календарь: страницы для просмотра нет.
ex_preview_failed = Просмотр недоступен: { $message }
ex_no_summary = Резюме ещё не написано: это проект, составленный по записи заседания, и экспорт будет таким же.

## Sync and letterhead

sy_off = Синхронизация отключена
sy_running = Синхронизация…
sy_progress_sending = Отправлено { $done } из { $total }
sy_progress_receiving = Получено { $done } из { $total }
sy_failed = Ошибка синхронизации
sy_failed_because = Ошибка синхронизации: { $message }
sy_ok = Синхронизировано { $ago }
sy_never = Ещё не синхронизировано
sy_replicas =
    { $count ->
        [one] { $count } коллега
        [few] { $count } коллеги
        [many] { $count } коллег
       *[other] { $count } коллеги
    }
sy_skipped =
    { $count ->
        [one] { $count } файл пропущен
        [few] { $count } файла пропущено
        [many] { $count } файлов пропущено
       *[other] { $count } файла пропущено
    }
sy_just_now = только что
sy_section = Синхронизация
sy_folder_hint = Любая папка, доступная и вашим коллегам: сетевой диск, папка Dropbox или OneDrive, USB-накопитель.
sy_interval = Интервал синхронизации (секунды)
sy_no_folder = Папка не выбрана
sy_stop = Прекратить синхронизацию
sy_url = Или адрес WebDAV, S3 или SFTP
sy_url_hint = Например, https://dav.example.org/team. Никогда не указывайте пароль в адресе: введите его ниже.
sy_url_placeholder = https://dav.example.org/team
sy_use_url = Использовать этот URL
sy_user = Имя пользователя
sy_password = Пароль
sy_passphrase = Парольная фраза группы (зашифрованное место)
sy_save_credentials = Сохранить учётные данные
sy_encryption = Шифрование группы
sy_encryption_hint = Чтобы зашифровать новую папку, введите здесь парольную фразу группы (не менее 12 символов) до выбора папки. Чтобы присоединиться к зашифрованному месту, введите её и выберите «Зашифровать или присоединиться». Чтобы сменить её, введите текущую и новую. Она сохраняется так же, как учётные данные.
sy_encrypt = Зашифровать или присоединиться
sy_new_passphrase = Новая парольная фраза группы
sy_change_passphrase = Сменить парольную фразу
sy_encrypted = Место зашифровано этой парольной фразой; фраза сохранена.
sy_passphrase_changed = Парольная фраза группы изменена и сохранена. Сообщите новую коллегам.
sy_forget_credentials = Забыть учётные данные
sy_key_file = Файл закрытого ключа
sy_choose_key = Выбрать файл ключа…
sy_remove_key = Убрать файл ключа
sy_no_key = Не выбран: используются агент SSH и ключи из ~/.ssh.
sy_key_dialog = Закрытый ключ для сервера SFTP
sy_test_connection = Проверить соединение
sy_testing = Проверка…
sy_connection_ok = Соединение с { $location } установлено.
sy_kept_keyring = Учётные данные сохранены в системном хранилище секретов.
sy_kept_file = Учётные данные сохранены в файле, доступном только вам (в системе нет хранилища секретов).
sy_kept_none = Для этого места учётные данные не сохранены.
sy_last_round = Последний цикл
sy_sent_received = отправлено: { $sent }, получено: { $received }
sy_replicas_seen = Компьютеры коллег, замеченные в папке
sy_none_seen = Ни один другой компьютер ещё не синхронизировался с этой папкой.
sy_replica = Компьютер
sy_applied = Применено изменений
sy_caught_up = актуально
sy_behind = { $applied } из { $last }
sy_skipped_files = Пропущенные файлы (повторная попытка в каждом цикле)
sy_file = Файл
sy_reason = Причина
sy_write_error = Не удалось записать в папку: { $message }
sy_read_error = Не удалось прочитать папку: { $message }
sy_unnamed = (без имени)
sy_identity_renewed = Теперь эта установка синхронизируется под новым идентификатором (прежний: { $former }): её папка данных является копией папки другой установки, поэтому всё её содержимое отправляется заново под новым идентификатором. Ничего не теряется.
sy_healed = Файлы этого компьютера, отсутствовавшие или повреждённые в папке и замещённые новым снимком
sy_waiting_for_me = Компьютеры коллег, ожидающие файл с этого компьютера
lh_section = Бланк
lh_hint = Печатается в верхней части первой страницы каждого файла PDF, DOCX и HTML, экспортированного на этом компьютере.
lh_organisation = Организация
lh_unit = Вторая строка (подразделение, секретариат или адрес)
lh_logo = Логотип
lh_choose_logo = Выбрать изображение…
lh_remove_logo = Удалить логотип
lh_no_logo = Без логотипа

## Attachments

at_title = Вложения
at_none = Вложенных файлов нет.
at_attach = Вложить файл…
at_save = Сохранить как…
at_remove = Удалить
at_pending = ещё не получено
at_confirm_remove = Удалить вложение { $name }? Коллеги тоже потеряют его при следующей синхронизации.
at_saved = Сохранено: { $name }.
at_pick = Выберите файл для вложения (не более 50 МБ)
at_pending_count =
    { $count ->
        [one] { $count } вложение в пути
        [few] { $count } вложения в пути
        [many] { $count } вложений в пути
       *[other] { $count } вложения в пути
    }
at_pending_files = Ещё не полученные вложения (запрашиваются заново в каждом цикле)
at_name = Вложение

## Record

date_invalid = { $field }: { $value } не является датой (формат: { $pattern })
date_required = { $field }: нужна дата (формат: { $pattern })
date_before = { $field }: { $value } раньше, чем { $other } ({ $limit })
date_after = { $field }: { $value } позже, чем { $other } ({ $limit })
date_hint = Введите дату в формате { $pattern } или, например, 12 декабря 2019 г.
date_pattern = ДД.ММ.ГГГГ

# The drafter's generated sections, as the editor labels them and the refresh question names them.
section_heading = Заголовок
section_opening = Открытие
section_before = Документы, находившиеся на рассмотрении
section_related = Связанные заседания
section_statements = Заявления
section_speakers = Выступающие
section_requests = Просьбы
section_commitments = Обязательства
section_invitations = Приглашения
section_decisions = Решения
section_next_steps = Дальнейшие шаги

time_invalid = { $field }: { $value } не является временем (формат: ЧЧ:ММ)
the_start_date = дата начала
the_end_date = дата окончания
the_meeting_date = дата заседания
related_meetings = Связанные заседания
related_title = Название связанного заседания
related_date = Дата связанного заседания
related_outcome = Итоги
related_outcome_hint = Чем оно завершилось
related_new = Название связанного заседания…
related_add = Добавить связанное заседание
related_none = Связанных заседаний нет.
related_remove = Удалить связанное заседание
related_title_missing = У связанного заседания должно быть название.
display_name = Название на этом заседании
display_name_hint = Как эта делегация должна называться в записи этого заседания (например, Соединённое Королевство); пусто — { $name }
group_label = Обозначение в резюме
group_label_singular = Единственное число
group_label_plural = Множественное число
group_label_hint = Как резюме называет каждую группу, например "представитель Сети ООН" / "представители Сети ООН"; пусто — встроенное название.
group_remove = Удалить эту численность
group_singular_needs_plural = Укажите и множественное число: единственное используется только для числа 1.

## Data entry

act_missing = Чтобы добавить меру, заполните: { $fields }.
act_bad_due = Срок указан не полностью: допишите его или очистите поле.
pick_add_as = Добавить «{ $name }» как новое название в категорию:
pick_add_as_category = Добавить «{ $name }» как новое название в категорию { $category }

# Record @2: the meeting's session, agenda and documents; decisions; speaking on behalf of others.
chair_state = Государство Председателя
session = Сессия
summary_code = Код резюме
status_line = Строка статуса
agenda = Повестка дня
agenda_number = Пункт
agenda_title = Название пункта
agenda_add = Добавить пункт
documents_before = Документы, находившиеся на рассмотрении
document_symbol = Условное обозначение
document_title = Название
documents_before_add = Добавить документ
not_set = —
due_month = Месяц срока (ГГГГ-ММ)
act_bad_due_month = Месяц срока указан неверно: запишите его как 2020-04 или очистите поле.
adoption = Принятие
adoption_without_vote = Без голосования
adoption_vote = Путем голосования
adoption_recorded_vote = Путем заносимого в отчет голосования
votes_yes = За
votes_no = Против
votes_abstentions = Воздержались
on_behalf_of = От имени
on_behalf_of_name = Использовать «{ $name }» как название группы
also_on_behalf_of = Также от имени
## Record @2 in the window: a speaker's role, a delegation's persons, what was said besides the speakers list
speaker_role = Роль на этом заседании
speaker_role_hint = участник дискуссии
persons = Члены делегации
person_name = Имя
person_function = Должность
person_head = Глава делегации
person_add = Добавить человека
person_duplicate = Это имя уже есть в списке: дважды оно не сохраняется.
floor_section = Сказанное вне списка ораторов
floor_positions = Позиции неназванных ораторов
floor_position_add = Добавить позицию
floor_holders = Кто
holders_one_delegation = Одна делегация
holders_some_delegations = Некоторые делегации
holders_several_delegations = Ряд делегаций
holders_many_delegations = Многие делегации
holders_speakers = Ораторы
holders_several_speakers = Ряд ораторов
floor_position_text = Что они сказали («приветствовали достигнутый прогресс…»)
floor_remarks = Выступления президиума
floor_remark_add = Добавить выступление президиума
remark_kind = Вид выступления
remark_opening = Вступительное слово
remark_answer = Ответ
remark_closing = Заключительное слово
remark_other = Другое выступление
remark_by = Кто (должность: «Председатель»)
remark_in_reply_to = В ответ на
remark_summary = Что было сказано
floor_announcements = Объявления
floor_announcement_add = Добавить объявление
announcement_by = Кем объявлено
announcement_text = Что было объявлено («план будет опубликован…»)
move_up = Переместить вверх
move_down = Переместить вниз
all_agenda_items = Все пункты повестки дня
all_sessions = Все сессии
## Clearance: status, comments and suggestions of a document
review_status = Согласование
review_status_draft = Проект
review_status_for_clearance = На согласовании
review_status_cleared = Согласовано
review_status_final = Окончательный
review_status_circulated = Распространён
review_move_to = Перевести в статус «{ $status }»
review_reopen = Открыть заново
review_corrigendum = Исправление
review_corrigendum_number = Corr.{ $n }
review_last_change = { $by }, { $time }
review_locked = Текст окончательный, и его нельзя изменить. Откройте его заново, чтобы внести изменения.
review_locked_circulated = Текст распространён, и его нельзя изменить. Откройте исправление, чтобы внести изменения.
review_panel = Комментарии
review_panel_show = Показать комментарии и предложения к этому документу
review_comment_label = Комментарий к выделенному тексту
review_comment_add = Прокомментировать
review_suggest_label = Заменить выделенный текст на
review_suggest_add = Предложить
review_suggesting = Предложения
review_suggesting_show = Режим предложений: записывать вводимый текст как предложения, не изменяя текст
review_suggesting_note = Режим предложений: вводимый текст записывается как ваши предложения, перечисленные в разделе «Комментарии»; сохранённый текст меняется только после их принятия.
review_select_first = Сначала выделите слова в тексте.
review_selection_missing = Выделенные слова не найдены в сохранённом тексте: выделяйте слова в пределах одного абзаца и без пересекающего их форматирования.
review_comments = Комментарии
review_no_comments = Комментариев пока нет.
review_reply_label = Ответ
review_reply_add = Ответить
review_resolve = Закрыть
review_reopen_comment = Открыть заново
review_resolved = Закрыт
review_suggestions = Предложения
review_no_suggestions = Открытых предложений нет.
review_suggestion_change = «{ $old }» → «{ $new }»
review_accept = Принять
review_reject = Отклонить
review_accept_all = Принять все
review_reject_all = Отклонить все
review_by = автор: { $author }

## Errors from the backend, by sentence (the `MessageId`s of crates/app/src/local.rs). `$detail` is quoted as
## the lower layer wrote it (the operating system, a parser, a server).
error_record_invalid = { $file }: поле { $field } отклонено: { $detail }
error_record_invalid_at = { $file }, строка { $line }, столбец { $column }: поле { $field } отклонено: { $detail }
error_record_too_large = Размер файла { $file } ({ $size } Б) превышает предел { $limit } Б для файла заседания
error_value_refused = Значение отклонено: { $detail }
error_template_failed = Ошибка шаблона резюме: { $detail }
error_file_unreadable = Не удалось использовать { $file }: { $detail }
error_not_found = Не найдено: { $kind ->
    [meeting] заседание
    [statement] заявление
    [attachment] вложение
    [intervention] выступление
   *[other] элемент
  } { $id }
error_not_found_in_meeting = Не найдено в заседании { $meeting }: { $kind ->
    [meeting] заседание
    [statement] заявление
    [attachment] вложение
    [intervention] выступление
   *[other] элемент
  } { $id }
error_field_invalid = Заседание { $meeting }: поле { $field } отклонено: { $detail }
error_stored_unreadable = Заседание { $meeting }: сохраненный документ не читается в поле { $field }: { $detail }
error_merge_failed = Заседание { $meeting }: не удалось объединить изменения: { $detail }
error_unknown_version = Заседание { $meeting }: версии { $version } не существует
error_database_unavailable = Не удалось открыть базу данных { $file }: { $detail }
error_database_failed = Ошибка базы данных: { $detail }
error_setting_invalid = Не удалось прочитать настройку { $key }: { $detail }
error_attachment_too_large = Размер вложения { $name } ({ $size } Б) превышает предел { $limit } Б
error_attachment_missing = Вложение { $name } еще не получено; синхронизируйте снова, когда копия коллеги появится в общем месте
error_attachment_damaged = Локальная копия вложения { $name } была повреждена и удалена; синхронизируйте снова, чтобы получить ее
error_sync_folder_unavailable = Папка синхронизации { $location } недоступна: { $detail }
error_sync_location_unavailable = Место синхронизации { $location } недоступно: { $detail }
error_sync_location_refused = Место синхронизации { $location } отклонило синхронизацию: { $detail }
error_sync_busy = Уже идет другой сеанс синхронизации; повторите попытку, когда он завершится
error_sync_failed = Ошибка синхронизации: { $detail }
error_sync_url_refused = Этот адрес синхронизации отклонен: { $detail }
error_sync_url_not_url = { $url } — не адрес (https://, webdav://, s3://, sftp://); для папки используйте «Выбрать…»
error_key_file_invalid = Файл ключа группы { $file } непригоден: { $detail }
error_passphrase_wrong = Неверная парольная фраза группы, или файл ключа { $file } был изменен
error_passphrase_short = Парольная фраза группы слишком короткая: нужно не менее { $min } { $min ->
    [one] символа
   *[other] символов
  }
error_file_sealed = Не удается открыть зашифрованный файл: он поврежден, изменен или перемещен либо записан с другим ключом группы
error_export_too_large = Документ слишком велик для экспорта: { $size } Б текста при пределе { $limit } Б
error_logo_unusable = Логотип бланка не является пригодным изображением: { $detail }
error_document_not_found = Документ для экспорта не найден ({ $detail })
error_masthead_refused = Невозможно напечатать шапку документа ООН: { $detail }
error_format_unknown = Неизвестный формат экспорта { $format }: ожидается PDF, DOCX, Markdown, HTML, CSV или ICS
error_typesetting_failed = Ошибка верстки: { $detail }
error_encoding_failed = Не удалось создать файл { $format }: { $detail }
error_not_replaceable = Экспорт не может заменить { $file }: { $detail }
error_review_unreadable = Не удается прочитать рецензированный документ { $file }: { $detail }
error_file_exists = { $file } уже существует
error_write_failed = Не удалось записать { $file }: { $detail }
error_file_too_large = Файл { $file } превышает предел { $limit } Б
error_file_is_folder = { $file } — папка, а не файл
error_file_not_regular = { $file } — не обычный файл, поэтому он не читается
error_file_not_utf8 = { $file } — не текст в кодировке UTF-8 (байт { $byte })
error_sync_location_missing = Сначала выберите папку синхронизации или введите адрес
error_sync_interval_short = Интервал синхронизации должен быть не менее { $min } { $min ->
    [one] секунды
   *[other] секунд
  }
