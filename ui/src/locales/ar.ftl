## Drafting: preview, history, statements

preview = معاينة
preview_show = عرض المسودة المُعدّة من السجل
preview_title = مُعدّ من السجل
preview_lang = لغة المعاينة
preview_meeting_lang = لغة الاجتماع
preview_empty = لا يوجد بعدُ ما يمكن صياغته.
preview_loading = جارٍ الإعداد…
history = السجل التاريخي
history_show = عرض نسخ هذه الوثيقة
history_title = النسخ
history_empty = لا توجد نسخ بعد.
history_hint = حدِّد نسختين للمقارنة بينهما، أو نسخة واحدة لمقارنتها بالنص الحالي.
history_compare = مقارنة
history_view = عرض
history_restore = استعادة هذه النسخة
history_restored = استُعيدت النسخة.
history_no_diff = لا توجد فروق.
history_current = النص الحالي
history_diff_title = التغييرات من { $from } إلى { $to }
history_version_title = نسخة { $time }
history_by = بواسطة { $replica }
change_edit = تعديل
change_regenerate = تحديث الأجزاء المُعدّة تلقائياً
change_restore = استعادة
change_import = استيراد
change_created = إنشاء
change_suggestion_accepted = اقتراح مقبول
change_suggestion = اقتراح
change_comment = تعليق
change_status_change = حالة الإجازة
change_corrigendum = تصويب
change_synced = وارد بالمزامنة
statement_drafted = مُعدّ
statement_delivered = أُلقي في { $date }
statement_delivered_by = ألقاه { $speaker } في { $date }
delivered_on = تاريخ الإلقاء
mark_delivered = وضع علامة "أُلقي"
mark_drafted = إعادة إلى المسودة

## Main screens

app_name = Rapporteur
search_placeholder = البحث في جميع الاجتماعات…
new_meeting = اجتماع جديد
import_json = استيراد JSON…
export_json = تصدير JSON…
delete_meeting = حذف الاجتماع
confirm_delete = هل تريد حذف هذا الاجتماع من هذا الجهاز؟ لا يمكن التراجع عن ذلك.
meetings = الاجتماعات
no_meetings = لا توجد اجتماعات بعد. أنشئ اجتماعاً أو استورد سجلاً.
open_example = فتح الاجتماع النموذجي
no_results = لا توجد نتائج.
search_hits =
    { $count ->
        [zero] لا نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجة
       *[other] { $count } نتيجة
    }
tracker = متابعة بنود العمل
tracker_meeting = { $title } · { $date }
settings = الإعدادات
help = اختصارات لوحة المفاتيح
close = إغلاق
untitled = اجتماع بلا عنوان
select_meeting = اختر اجتماعاً من الشريط الجانبي، أو أنشئ اجتماعاً جديداً بالضغط على Ctrl+N.
tab_overview = لمحة عامة
tab_attendance = الحضور
tab_speakers = المتكلمون
tab_actions = بنود العمل
tab_notes = ملاحظاتي
tab_documents = الموجز والبيانات
title = العنوان
kind = النوع
convened_by = الجهة الداعية
date = التاريخ
end_date = تاريخ الانتهاء
venue = المكان
language = اللغة
symbol = الرمز
chair = الرئيس
chair_name = الاسم
chair_title = المنصب
chair_role = الدور
status = الحالة
saved = حُفظ
saving = جارٍ الحفظ…
add_state = إضافة دولة (اكتب اسماً)…
add_other = إضافة مشارك آخر (كيان تابع للأمم المتحدة، منظمة غير حكومية…)
name = الاسم
category = الفئة
add = إضافة
remove = إزالة
present = حاضر
absent = غائب
headcounts = أعداد الحضور
derived = محسوب
typed = مُدخَل يدوياً
count = العدد
clear = مسح
delegations = الوفود
attendance_hint = تبدّل المسافة أو P حضورَ الصف المحدد؛ ويزيله Delete.
add_speaker = إضافة متكلم (اكتب اسم وفد)…
give_floor = إعطاء الكلمة
next_speaker = المتكلم التالي
stop_timer = إيقاف
on_the_floor = المتكلم الحالي
speaking_time = مدة الكلمة
speaking_minutes = { $minutes ->
    [one] دقيقة واحدة من مدة الكلمة
    [two] دقيقتان من مدة الكلمة
    [few] { $minutes } دقائق من مدة الكلمة
   *[other] { $minutes } دقيقة من مدة الكلمة
}
intervention_notes = ما قيل (يُحفظ تلقائياً)
person = الشخص
time = الوقت
agenda_item = بند جدول الأعمال
speakers_hint = ينقل Alt+↑/↓ المتكلم المحدد؛ ويعطيه Enter الكلمة؛ اسحب الصفوف لإعادة ترتيبها.
no_speakers = لا يوجد متكلمون بعد.
select_speaker = اختر متكلماً لتدوين ما قاله.
add_action = إضافة بند عمل
from = من
to = إلى
text = النص
due = الموعد النهائي
overdue = متأخر
open_only = المفتوحة فقط
owner = الجهة المسؤولة
all_owners = جميع الجهات المسؤولة
meeting = الاجتماع
no_actions = لا توجد بنود عمل.
notes_meeting = ملاحظات عن هذا الاجتماع
notes_intervention = ملاحظات عن مداخلة
notes_private = خاص: تبقى هذه الملاحظات على هذا الجهاز ولا تنقلها المزامنة أبداً.
summary = الموجز
statements = البيانات
statement = البيان
add_statement = إضافة بيان
remove_statement = إزالة البيان
statement_title = عنوان البيان
summary_title = عنوان الموجز
change_speaker = متكلم آخر… (دولة أو اسم)
speaker = المتكلم
regenerate = تحديث الأجزاء المُعدّة تلقائياً
regenerate_confirm = عُدّلت هذه الأجزاء المُعدّة تلقائياً يدوياً وستُستبدل: { $sections }. هل تريد استبدالها؟ (يبقى النص القديم في السجل التاريخي.)
undo = تراجع
redo = إعادة
bold = غامق
italic = مائل
heading = عنوان فرعي
bullet_list = قائمة نقطية
ordered_list = قائمة مرقمة
formatting = التنسيق
export = تصدير…
format = الصيغة
restore = استعادة
data_location = موقع البيانات
ui_language = لغة الواجهة
theme = المظهر
theme_light = فاتح
theme_dark = داكن
theme_system = حسب النظام
replica_name = اسم هذا الجهاز (يراه الزملاء)
sync_folder = مجلد المزامنة المشترك
choose_folder = اختيار…
sync_now = المزامنة الآن
sync_done = انتهت المزامنة.
imported = استُورد الاجتماع.
exported = تم التصدير.
error = خطأ
dismiss = إخفاء
shortcut = الاختصار
action = الإجراء
sc_new = اجتماع جديد
sc_search = الانتقال إلى البحث
sc_tabs = التنقل بين طرق عرض الاجتماع
sc_next = المتكلم التالي (يعطيه الكلمة)
sc_import = استيراد سجل (JSON)
sc_export = تصدير الاجتماع (JSON)
sc_tracker = متابعة بنود العمل
sc_settings = الإعدادات
sc_help = هذه المساعدة
sc_toggle = الحضور: تبديل حضور الصف المحدد
sc_move = المتكلمون: نقل المتكلم المحدد
sc_floor = المتكلمون: إعطاء الكلمة للمتكلم المحدد
sc_undo = المحرر: تراجع / إعادة
sc_escape = إغلاق لوحة أو قائمة اقتراحات
kind_briefing = إحاطة
kind_consultation = مشاورات
kind_annual_meeting = اجتماع سنوي
kind_plenary = جلسة عامة
kind_working_group = فريق عامل
kind_side_event = مناسبة جانبية
kind_other = غير ذلك
status_draft = مسودة
status_final = نهائي
status_circulated = معمَّم
cat_member_state = الدول الأعضاء
cat_observer_state = الدول المراقبة
cat_un_system = منظومة الأمم المتحدة
cat_intergovernmental_organization = المنظمات الحكومية الدولية
cat_civil_society = المجتمع المدني
cat_special_procedure = الإجراءات الخاصة
cat_other = جهات أخرى
ik_statement = بيان
ik_question = سؤال
ik_right_of_reply = حق الرد
ak_request = طلب
ak_commitment = التزام
ak_invitation = دعوة
ak_decision = مقرر
ak_next_step = الخطوة التالية
as_open = مفتوح
as_in_progress = قيد التنفيذ
as_done = منجز
as_dropped = متروك
hit_meeting = اجتماع
hit_delegation = وفد
hit_intervention = مداخلة
hit_action = بند عمل
hit_document = وثيقة

statement_numbered = البيان { $n }
count_invalid = العدد: { $value } ليس عدداً صحيحاً
count_derived = { $count } (محسوب)
count_of = العدد: { $category }
group_label_of = التسمية في الموجز: { $category }
group_label_singular_of = التسمية في الموجز (المفرد): { $category }
group_label_plural_of = التسمية في الموجز (الجمع): { $category }

## Export

tab_export = تصدير
ex_options = خيارات التصدير
ex_fmt_pdf = PDF، للتعميم
ex_fmt_docx = Word (DOCX)
ex_fmt_md = Markdown
ex_fmt_html = صفحة ويب (HTML)
ex_fmt_csv = جدول (CSV)
ex_fmt_ics = المواعيد النهائية (تقويم ICS)
ex_document = الوثيقة
ex_table = الجدول
ex_table_attendance = الحضور
ex_table_actions = بنود العمل
ex_lang_meeting = لغة الاجتماع ({ $lang })
ex_annex = المرفق: الحضور وقائمة المتكلمين
ex_notes = تضمين ملاحظاتي
ex_comments = تضمين التعليقات المفتوحة (كحواشٍ)
ex_notes_private = ملاحظاتي خاصة وتبقى على هذا الجهاز: لا يتضمنها التصدير إلا إذا طلبت ذلك.
ex_go = تصدير { $format }…
ex_save_title = تصدير الوثيقة
ex_exporting = جارٍ التصدير… { $s } ث
ex_done = صُدِّر إلى { $file }.
ex_preview = معاينة
ex_preview_alt = الصفحة { $page } من { $pages } من ملف PDF
ex_page_of = الصفحة { $page } من { $pages }
ex_prev_page = الصفحة السابقة
ex_next_page = الصفحة التالية
ex_previewing = جارٍ تحديث المعاينة… { $s } ث
ex_preview_other = يحمل ملف { $format } النص نفسه والبنية نفسها؛ وهذا هو تخطيط PDF.
ex_preview_csv = ملف CSV جدول لبرامج الجداول الإلكترونية: لا توجد صفحة لمعاينتها.
ex_preview_ics = يضع ملف ICS المواعيد النهائية لبنود العمل في تقويم: لا توجد صفحة لمعاينتها.
ex_preview_failed = لا معاينة: { $message }
ex_no_summary = لم يُكتب موجز بعد: هذه هي المسودة المُعدّة من السجل، وسيكون التصدير مطابقاً لها.

## Sync and letterhead

sy_off = المزامنة متوقفة
sy_running = جارٍ المزامنة…
sy_progress_sending = إرسال { $done } من { $total }
sy_progress_receiving = استلام { $done } من { $total }
sy_failed = فشلت المزامنة
sy_failed_because = فشلت المزامنة: { $message }
sy_ok = تمت المزامنة { $ago }
sy_never = لم تتم المزامنة بعد
sy_replicas =
    { $count ->
        [zero] لا زملاء
        [one] زميل واحد
        [two] زميلان
        [few] { $count } زملاء
        [many] { $count } زميلاً
       *[other] { $count } زميل
    }
sy_skipped =
    { $count ->
        [zero] لم يُتخطَّ أي ملف
        [one] تم تخطي ملف واحد
        [two] تم تخطي ملفين
        [few] تم تخطي { $count } ملفات
        [many] تم تخطي { $count } ملفاً
       *[other] تم تخطي { $count } ملف
    }
sy_just_now = للتو
sy_section = المزامنة
sy_folder_hint = أي مجلد يصل إليه زملاؤك أيضاً: محرك أقراص شبكي، أو مجلد Dropbox أو OneDrive، أو ذاكرة USB.
sy_interval = المزامنة كل (ثانية)
sy_no_folder = لم يُختر أي مجلد
sy_stop = إيقاف المزامنة
sy_url = أو عنوان WebDAV أو S3 أو SFTP
sy_url_hint = مثلاً https://dav.example.org/team. لا تضع كلمة مرور في العنوان أبداً: أدخلها أدناه.
sy_url_placeholder = https://dav.example.org/team
sy_use_url = استخدام هذا العنوان
sy_user = اسم المستخدم
sy_password = كلمة المرور
sy_passphrase = عبارة مرور الفريق (موقع مشفّر)
sy_save_credentials = حفظ بيانات الاعتماد
sy_encryption = تشفير الفريق
sy_encryption_hint = لتشفير مجلد جديد، اكتب عبارة مرور الفريق هنا (12 حرفاً على الأقل) قبل اختيار المجلد. للانضمام إلى موقع مشفّر، اكتبها واختر «تشفير أو انضمام». لتغييرها، اكتب العبارة الحالية وعبارة جديدة. تُحفظ العبارة كما تُحفظ بيانات الاعتماد.
sy_encrypt = تشفير أو انضمام
sy_new_passphrase = عبارة مرور الفريق الجديدة
sy_change_passphrase = تغيير عبارة المرور
sy_encrypted = الموقع مشفّر بعبارة المرور هذه، وقد حُفظت العبارة.
sy_passphrase_changed = غُيّرت عبارة مرور الفريق وحُفظت. أبلغ زملاءك بالعبارة الجديدة.
sy_forget_credentials = نسيان بيانات الاعتماد
sy_key_file = ملف المفتاح الخاص
sy_choose_key = اختيار ملف المفتاح…
sy_remove_key = إزالة ملف المفتاح
sy_no_key = لا يوجد: يُستخدم وكيل SSH والمفاتيح الموجودة في ~/.ssh.
sy_key_dialog = المفتاح الخاص لخادم SFTP
sy_test_connection = اختبار الاتصال
sy_testing = جارٍ الاختبار…
sy_connection_ok = تم الاتصال بـ { $location }.
sy_kept_keyring = بيانات الاعتماد محفوظة في مخزن الأسرار في النظام.
sy_kept_file = بيانات الاعتماد محفوظة في ملف لا يقرؤه سواك (لا يوجد مخزن أسرار في هذا النظام).
sy_kept_none = لا توجد بيانات اعتماد محفوظة لهذا الموقع.
sy_last_round = الجولة الأخيرة
sy_sent_received = أُرسل { $sent }، واستُلم { $received }
sy_replicas_seen = أجهزة الزملاء المرئية في المجلد
sy_none_seen = لم يُزامن أي جهاز آخر مع هذا المجلد بعد.
sy_replica = الجهاز
sy_applied = التغييرات المطبقة
sy_caught_up = محدَّث
sy_behind = { $applied } من { $last }
sy_skipped_files = الملفات المتخطاة (يُعاد المحاولة في كل جولة)
sy_file = الملف
sy_reason = السبب
sy_write_error = تعذرت الكتابة في المجلد: { $message }
sy_read_error = تعذرت قراءة المجلد: { $message }
sy_unnamed = (بلا اسم)
sy_identity_renewed = أصبح هذا التثبيت يُزامن الآن بمعرِّف جديد (كان { $former } من قبل): مجلد بياناته نسخة من مجلد تثبيت آخر، ولذلك يُرسل كل ما فيه من جديد بالمعرِّف الجديد. لا يضيع شيء.
sy_healed = ملفات هذا الجهاز المفقودة أو التالفة في المجلد، التي غطّتها لقطة جديدة
sy_waiting_for_me = أجهزة الزملاء التي تنتظر ملفاً من هذا الجهاز
lh_section = الترويسة
lh_hint = تُطبع أعلى الصفحة الأولى من كل ملف PDF وDOCX وHTML يُصدَّر من هذا الجهاز.
lh_organisation = المنظمة
lh_unit = السطر الثاني (الوحدة أو الأمانة أو العنوان)
lh_logo = الشعار
lh_choose_logo = اختيار صورة…
lh_remove_logo = إزالة الشعار
lh_no_logo = بلا شعار

## Attachments

at_title = المرفقات
at_none = لا توجد ملفات مرفقة.
at_attach = إرفاق ملف…
at_save = حفظ باسم…
at_remove = إزالة
at_pending = لم يصل بعد
at_confirm_remove = هل تريد إزالة المرفق { $name }؟ سيفقده الزملاء أيضاً في المزامنة التالية.
at_saved = حُفظ { $name }.
at_pick = اختر ملفاً لإرفاقه (حتى 50 ميغابايت)
at_pending_count =
    { $count ->
        [zero] لا مرفقات في الطريق
        [one] مرفق واحد في الطريق
        [two] مرفقان في الطريق
        [few] { $count } مرفقات في الطريق
        [many] { $count } مرفقاً في الطريق
       *[other] { $count } مرفق في الطريق
    }
at_pending_files = المرفقات التي لم تصل بعد (يُعاد جلبها في كل جولة)
at_name = المرفق

## Record

date_invalid = { $field }: { $value } ليس تاريخاً (استخدم { $pattern })
date_required = { $field }: يلزم تاريخ (استخدم { $pattern })
date_before = { $field }: { $value } يسبق { $other } ({ $limit })
date_after = { $field }: { $value } يلي { $other } ({ $limit })
date_hint = اكتب التاريخ بالصيغة { $pattern }، أو على نحو 12 ديسمبر 2019
date_pattern = DD/MM/YYYY

# The drafter's generated sections, as the editor labels them and the refresh question names them.
section_heading = العنوان
section_opening = الافتتاح
section_before = الوثائق المعروضة على الاجتماع
section_related = الاجتماعات ذات الصلة
section_statements = البيانات
section_speakers = المتكلمون
section_requests = الطلبات
section_commitments = الالتزامات
section_invitations = الدعوات
section_decisions = القرارات
section_next_steps = الخطوات التالية

time_invalid = { $field }: { $value } ليس وقتاً (استخدم HH:MM)
the_start_date = تاريخ البدء
the_end_date = تاريخ الانتهاء
the_meeting_date = تاريخ الاجتماع
related_meetings = الاجتماعات ذات الصلة
related_title = عنوان الاجتماع ذي الصلة
related_date = تاريخ الاجتماع ذي الصلة
related_outcome = النتائج
related_outcome_hint = ما أسفر عنه
related_new = عنوان اجتماع ذي صلة…
related_add = إضافة اجتماع ذي صلة
related_none = لا توجد اجتماعات ذات صلة.
related_remove = إزالة الاجتماع ذي الصلة
related_title_missing = يلزم عنوان للاجتماع ذي الصلة.
display_name = الاسم في هذا الاجتماع
display_name_hint = الاسم الذي ينبغي أن يطلقه السجل على هذا الوفد هنا (مثل المملكة المتحدة)؛ يُترك فارغاً لاستخدام { $name }
group_label = التسمية في الموجز
group_label_singular = المفرد
group_label_plural = الجمع
group_label_hint = كيف يسمّي الموجز كل مجموعة، مثل "ممثل شبكة الأمم المتحدة" / "ممثلو شبكة الأمم المتحدة"؛ يُترك فارغاً للاسم المدمج.
group_remove = إزالة هذا العدد
group_singular_needs_plural = أدخل صيغة الجمع أيضاً: لا تُستخدم صيغة المفرد إلا للعدد 1.

## Data entry

act_missing = لإضافة البند، املأ: { $fields }.
act_bad_due = الموعد النهائي غير مكتمل: أكمله أو امسحه.
pick_add_as = إضافة «{ $name }» اسماً جديداً، مصنفاً تحت:
pick_add_as_category = إضافة «{ $name }» اسماً جديداً، مصنفاً تحت { $category }

# Record @2: the meeting's session, agenda and documents; decisions; speaking on behalf of others.
chair_state = دولة الرئاسة
session = الدورة
summary_code = رمز الموجز
status_line = سطر الحالة
agenda = جدول الأعمال
agenda_number = البند
agenda_title = عنوان البند
agenda_add = إضافة بند
documents_before = الوثائق المعروضة على الاجتماع
document_symbol = الرمز
document_title = العنوان
documents_before_add = إضافة وثيقة
not_set = —
due_month = شهر الاستحقاق (YYYY-MM)
act_bad_due_month = شهر الاستحقاق ليس شهراً: اكتبه بالشكل 2020-04 أو امسحه.
adoption = الاعتماد
adoption_without_vote = دون تصويت
adoption_vote = بالتصويت
adoption_recorded_vote = بتصويت مسجل
votes_yes = المؤيدون
votes_no = المعارضون
votes_abstentions = الممتنعون
on_behalf_of = باسم
on_behalf_of_name = استخدام «{ $name }» اسماً للمجموعة
also_on_behalf_of = باسم الدول التالية أيضاً
## Record @2 in the window: a speaker's role, a delegation's persons, what was said besides the speakers list
speaker_role = الدور في هذه الجلسة
speaker_role_hint = عضو في فريق النقاش
persons = أعضاء الوفد
person_name = الاسم
person_function = الوظيفة
person_head = رئيس الوفد
person_add = إضافة شخص
person_duplicate = هذا الاسم مدرج بالفعل: لا يُحفظ مرتين.
floor_section = ما قيل خارج قائمة المتكلمين
floor_positions = مواقف متكلمين غير مسمَّين
floor_position_add = إضافة موقف
floor_holders = من
holders_one_delegation = وفد واحد
holders_some_delegations = بعض الوفود
holders_several_delegations = عدة وفود
holders_many_delegations = وفود كثيرة
holders_speakers = المتكلمون
holders_several_speakers = عدة متكلمين
floor_position_text = ما قالوه («رحّبت بالتقدم المحرز…»)
floor_remarks = ملاحظات المنصة
floor_remark_add = إضافة ملاحظة من المنصة
remark_kind = نوع الملاحظة
remark_opening = ملاحظات افتتاحية
remark_answer = رد
remark_closing = ملاحظات ختامية
remark_other = ملاحظات أخرى
remark_by = من (الصفة: «الرئيس»)
remark_in_reply_to = ردًّا على
remark_summary = ما قيل
floor_announcements = الإعلانات
floor_announcement_add = إضافة إعلان
announcement_by = أعلنه
announcement_text = ما أُعلن («ستصدر الخطة…»)
move_up = نقل إلى أعلى
move_down = نقل إلى أسفل
all_agenda_items = جميع بنود جدول الأعمال
all_sessions = جميع الدورات
## Clearance: status, comments and suggestions of a document
review_status = الإجازة
review_status_draft = مسودة
review_status_for_clearance = قيد الإجازة
review_status_cleared = مُجاز
review_status_final = نهائي
review_status_circulated = مُعمَّم
review_move_to = النقل إلى «{ $status }»
review_reopen = إعادة الفتح
review_corrigendum = تصويب
review_corrigendum_number = Corr.{ $n }
review_last_change = { $by }، { $time }
review_locked = هذا النص نهائي ولا يمكن تعديله. أعد فتحه لتغييره.
review_locked_circulated = هذا النص مُعمَّم ولا يمكن تعديله. افتح تصويبًا لتغييره.
review_panel = التعليقات
review_panel_show = عرض التعليقات والاقتراحات على هذه الوثيقة
review_comment_label = تعليق على النص المحدد
review_comment_add = تعليق
review_suggest_label = استبدال النص المحدد بـ
review_suggest_add = اقتراح
review_suggesting = الاقتراحات
review_suggesting_show = وضع الاقتراحات: تسجيل ما تكتبه كاقتراحات بدلاً من تغيير النص
review_suggesting_note = وضع الاقتراحات: يُسجَّل ما تكتبه كاقتراحات منك تُدرج تحت التعليقات؛ ولا يتغير النص المحفوظ إلا عند قبولها.
review_select_first = حدد الكلمات في النص أولًا.
review_selection_missing = تعذر العثور على الكلمات المحددة في النص المحفوظ: حدد كلمات داخل فقرة واحدة، دون تنسيق يمتد عبرها.
review_comments = التعليقات
review_no_comments = لا توجد تعليقات بعد.
review_reply_label = رد
review_reply_add = رد
review_resolve = حل
review_reopen_comment = إعادة الفتح
review_resolved = تم الحل
review_suggestions = الاقتراحات
review_no_suggestions = لا توجد اقتراحات مفتوحة.
review_suggestion_change = «{ $old }» ← «{ $new }»
review_accept = قبول
review_reject = رفض
review_accept_all = قبول الكل
review_reject_all = رفض الكل
review_by = بقلم { $author }

## Errors from the backend, by sentence (the `MessageId`s of crates/app/src/local.rs). `$detail` is quoted as
## the lower layer wrote it (the operating system, a parser, a server).
error_record_invalid = { $file }: رُفض الحقل { $field }: { $detail }
error_record_invalid_at = { $file }، السطر { $line }، العمود { $column }: رُفض الحقل { $field }: { $detail }
error_record_too_large = حجم الملف { $file } هو { $size } بايت، وهو ما يتجاوز الحد البالغ { $limit } بايت لملف الاجتماع
error_value_refused = رُفضت القيمة: { $detail }
error_template_failed = تعذّر تطبيق قالب الموجز: { $detail }
error_file_unreadable = تعذّر استخدام { $file }: { $detail }
error_not_found = لم يُعثر على { $kind ->
    [meeting] الاجتماع
    [statement] البيان
    [attachment] المرفق
    [intervention] المداخلة
   *[other] العنصر
  } { $id }
error_not_found_in_meeting = لم يُعثر على { $kind ->
    [meeting] الاجتماع
    [statement] البيان
    [attachment] المرفق
    [intervention] المداخلة
   *[other] العنصر
  } { $id } في الاجتماع { $meeting }
error_field_invalid = الاجتماع { $meeting }: رُفض الحقل { $field }: { $detail }
error_stored_unreadable = الاجتماع { $meeting }: تتعذّر قراءة الوثيقة المخزّنة عند { $field }: { $detail }
error_merge_failed = الاجتماع { $meeting }: تعذّر دمج التغييرات: { $detail }
error_unknown_version = الاجتماع { $meeting }: لا توجد نسخة { $version }
error_database_unavailable = تعذّر فتح قاعدة البيانات { $file }: { $detail }
error_database_failed = خطأ في قاعدة البيانات: { $detail }
error_setting_invalid = تعذّرت قراءة الإعداد { $key }: { $detail }
error_attachment_too_large = حجم المرفق { $name } هو { $size } بايت، وهو ما يتجاوز الحد البالغ { $limit } بايت للمرفقات
error_attachment_missing = لم يصل المرفق { $name } بعد؛ أعد المزامنة عندما تصل نسخة أحد الزملاء إلى الموقع المشترك
error_attachment_damaged = كانت النسخة المحلية من المرفق { $name } تالفة فحُذفت؛ أعد المزامنة لجلبها
error_sync_folder_unavailable = مجلد المزامنة { $location } غير متاح: { $detail }
error_sync_location_unavailable = موقع المزامنة { $location } غير متاح: { $detail }
error_sync_location_refused = رفض موقع المزامنة { $location } جولة المزامنة: { $detail }
error_sync_busy = هناك جولة مزامنة أخرى جارية؛ أعد المحاولة عند انتهائها
error_sync_failed = فشلت المزامنة: { $detail }
error_sync_url_refused = رُفض عنوان المزامنة هذا: { $detail }
error_sync_url_not_url = { $url } ليس عنواناً (https://‏، webdav://‏، s3://‏، sftp://‏)؛ لاختيار مجلد، استخدم «اختيار…»
error_key_file_invalid = ملف مفتاح الفريق { $file } غير صالح للاستخدام: { $detail }
error_passphrase_wrong = عبارة مرور الفريق خاطئة، أو أن ملف المفتاح { $file } قد عُدّل
error_passphrase_short = عبارة مرور الفريق قصيرة جداً: استخدم { $min ->
    [one] حرفاً واحداً
    [two] حرفين
    [few] { $min } أحرف
    [many] { $min } حرفاً
   *[other] { $min } حرف
  } على الأقل
error_file_sealed = تعذّر فتح ملف مشفّر: إنه تالف أو معدّل أو في غير موضعه، أو كُتب بمفتاح فريق آخر
error_export_too_large = الوثيقة أكبر من أن تُصدَّر: { $size } بايت من النص، وهو ما يتجاوز الحد البالغ { $limit } بايت
error_logo_unusable = شعار الترويسة ليس صورة صالحة للاستخدام: { $detail }
error_document_not_found = لم يُعثر على الوثيقة المطلوب تصديرها ({ $detail })
error_masthead_refused = تتعذّر طباعة ترويسة وثائق الأمم المتحدة: { $detail }
error_format_unknown = صيغة تصدير غير معروفة { $format }: المتوقع PDF أو DOCX أو Markdown أو HTML أو CSV أو ICS
error_typesetting_failed = فشل التنضيد: { $detail }
error_encoding_failed = تعذّر إنشاء ملف { $format }: { $detail }
error_not_replaceable = لا يمكن للتصدير أن يستبدل { $file }: { $detail }
error_review_unreadable = تتعذّر قراءة الوثيقة المراجَعة { $file }: { $detail }
error_file_exists = { $file } موجود بالفعل
error_write_failed = تعذّرت الكتابة في { $file }: { $detail }
error_file_too_large = يتجاوز { $file } الحد البالغ { $limit } بايت
error_file_is_folder = { $file } مجلد وليس ملفاً
error_file_not_regular = { $file } ليس ملفاً عادياً، ولذلك لم تجرِ قراءته
error_file_not_utf8 = { $file } ليس نصاً بترميز UTF-8 (عند البايت { $byte })
error_sync_location_missing = اختر أولاً مجلد مزامنة أو أدخل عنواناً
error_sync_interval_short = يجب ألا تقل فترة المزامنة عن { $min ->
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $min } ثوانٍ
    [many] { $min } ثانية
   *[other] { $min } ثانية
  }
