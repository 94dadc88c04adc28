## Drafting: preview, history, statements

preview = Vista previa
preview_show = Mostrar el borrador generado a partir del acta
preview_title = Generado a partir del acta
preview_lang = Idioma de la vista previa
preview_meeting_lang = Idioma de la reunión
preview_empty = Todavía no hay nada que redactar.
preview_loading = Redactando…
history = Historial
history_show = Mostrar las versiones de este documento
history_title = Versiones
history_empty = Todavía no hay versiones.
history_hint = Marque dos versiones para compararlas, o una para compararla con el texto actual.
history_compare = Comparar
history_view = Ver
history_restore = Restablecer esta versión
history_restored = Versión restablecida.
history_no_diff = No hay diferencias.
history_current = texto actual
history_diff_title = Cambios de { $from } a { $to }
history_version_title = Versión del { $time }
history_by = por { $replica }
change_edit = edición
change_regenerate = secciones generadas actualizadas
change_restore = restablecimiento
change_import = importación
change_created = creación
change_suggestion_accepted = sugerencia aceptada
change_suggestion = sugerencia
change_comment = comentario
change_status_change = estado de autorización
change_corrigendum = corrección
change_synced = recibido por sincronización
statement_drafted = Redactada
statement_delivered = Pronunciada el { $date }
statement_delivered_by = Pronunciada el { $date } por { $speaker }
delivered_on = Pronunciada el
mark_delivered = Marcar como pronunciada
mark_drafted = Volver a borrador

## Main screens

app_name = Rapporteur
search_placeholder = Buscar en todas las reuniones…
new_meeting = Nueva reunión
import_json = Importar JSON…
export_json = Exportar JSON…
delete_meeting = Eliminar la reunión
confirm_delete = ¿Eliminar esta reunión de este equipo? Esta acción no se puede deshacer.
meetings = Reuniones
no_meetings = Todavía no hay reuniones. Cree una o importe un acta.
open_example = Abrir la reunión de ejemplo
no_results = No hay resultados.
search_hits =
    { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
tracker = Seguimiento de medidas
tracker_meeting = { $title } · { $date }
settings = Configuración
help = Atajos de teclado
close = Cerrar
untitled = Reunión sin título
select_meeting = Seleccione una reunión en la barra lateral o cree una con Ctrl+N.
tab_overview = Resumen general
tab_attendance = Asistencia
tab_speakers = Oradores
tab_actions = Medidas
tab_notes = Mis notas
tab_documents = Resumen y declaraciones
title = Título
kind = Tipo
convened_by = Convocada por
date = Fecha
end_date = Fecha de clausura
venue = Lugar
language = Idioma
symbol = Signatura
chair = Presidencia
chair_name = Nombre
chair_title = Cargo
chair_role = Función
status = Estado
saved = Guardado
saving = Guardando…
add_state = Añadir un Estado (escriba un nombre)…
add_other = Añadir otro participante (entidad de las Naciones Unidas, ONG…)
name = Nombre
category = Categoría
add = Añadir
remove = Quitar
present = Presente
absent = Ausente
headcounts = Número de participantes
derived = calculado
typed = introducido
count = Número
clear = Borrar
delegations = Delegaciones
attendance_hint = Espacio o P marca la presencia de la fila seleccionada; Supr la quita.
add_speaker = Añadir un orador (escriba una delegación)…
give_floor = Dar la palabra
next_speaker = Siguiente orador
stop_timer = Detener
on_the_floor = En el uso de la palabra
speaking_time = Tiempo de uso de la palabra
speaking_minutes = { $minutes ->
    [one] { $minutes } minuto de uso de la palabra
   *[other] { $minutes } minutos de uso de la palabra
}
intervention_notes = Lo que se dijo (guardado automático)
person = Persona
time = Hora
agenda_item = Tema del programa
speakers_hint = Alt+↑/↓ mueve al orador seleccionado; Intro le da la palabra; arrastre las filas para reordenarlas.
no_speakers = Todavía no hay oradores.
select_speaker = Seleccione un orador para anotar lo que dijo.
add_action = Añadir medida
from = De
to = A
text = Texto
due = Plazo
overdue = Vencida
open_only = Solo pendientes
owner = Responsable
all_owners = Todos los responsables
meeting = Reunión
no_actions = No hay medidas.
notes_meeting = Notas sobre esta reunión
notes_intervention = Notas sobre una intervención
notes_private = Privado: estas notas permanecen en este equipo. La sincronización nunca las transmite.
summary = Resumen
statements = Declaraciones
statement = Declaración
add_statement = Añadir declaración
remove_statement = Quitar declaración
statement_title = Título de la declaración
summary_title = Título del resumen
change_speaker = Otro orador… (un Estado o un nombre)
speaker = Orador
regenerate = Actualizar las secciones generadas
regenerate_confirm = Estas secciones generadas se modificaron a mano y se sobrescribirían: { $sections }. ¿Desea sobrescribirlas? (El texto anterior queda en el historial.)
undo = Deshacer
redo = Rehacer
bold = Negrita
italic = Cursiva
heading = Título de sección
bullet_list = Lista con viñetas
ordered_list = Lista numerada
formatting = Formato del texto
export = Exportar…
format = Formato
restore = Restablecer
data_location = Ubicación de los datos
ui_language = Idioma de la interfaz
theme = Tema
theme_light = Claro
theme_dark = Oscuro
theme_system = Del sistema
replica_name = Nombre de este equipo (visible para los colegas)
sync_folder = Carpeta de sincronización compartida
choose_folder = Elegir…
sync_now = Sincronizar ahora
sync_done = Sincronización terminada.
imported = Reunión importada.
exported = Exportado.
error = Error
dismiss = Descartar
shortcut = Atajo
action = Acción
sc_new = Nueva reunión
sc_search = Ir a la búsqueda
sc_tabs = Pasar de una vista de la reunión a otra
sc_next = Siguiente orador (le da la palabra)
sc_import = Importar un acta (JSON)
sc_export = Exportar la reunión (JSON)
sc_tracker = Seguimiento de medidas
sc_settings = Configuración
sc_help = Esta ayuda
sc_toggle = Asistencia: marcar la presencia de la fila seleccionada
sc_move = Oradores: mover al orador seleccionado
sc_floor = Oradores: dar la palabra al orador seleccionado
sc_undo = Editor: deshacer / rehacer
sc_escape = Cerrar un panel o una lista de sugerencias
kind_briefing = Reunión informativa
kind_consultation = Consulta
kind_annual_meeting = Reunión anual
kind_plenary = Sesión plenaria
kind_working_group = Grupo de trabajo
kind_side_event = Acto paralelo
kind_other = Otro
status_draft = Borrador
status_final = Definitivo
status_circulated = Distribuido
cat_member_state = Estados Miembros
cat_observer_state = Estados observadores
cat_un_system = Sistema de las Naciones Unidas
cat_intergovernmental_organization = Organizaciones intergubernamentales
cat_civil_society = Sociedad civil
cat_special_procedure = Procedimientos especiales
cat_other = Otros
ik_statement = Declaración
ik_question = Pregunta
ik_right_of_reply = Derecho de respuesta
ak_request = Solicitud
ak_commitment = Compromiso
ak_invitation = Invitación
ak_decision = Decisión
ak_next_step = Próximo paso
as_open = Pendiente
as_in_progress = En curso
as_done = Terminada
as_dropped = Abandonada
hit_meeting = Reunión
hit_delegation = Delegación
hit_intervention = Intervención
hit_action = Medida
hit_document = Documento

statement_numbered = Declaración { $n }
count_invalid = Número: { $value } no es un número entero
count_derived = { $count } (calculado)
count_of = Número: { $category }
group_label_of = Denominación en el resumen: { $category }
group_label_singular_of = Denominación en el resumen (singular): { $category }
group_label_plural_of = Denominación en el resumen (plural): { $category }

## Export

tab_export = Exportar
ex_options = Opciones de exportación
ex_fmt_pdf = PDF, para distribución
ex_fmt_docx = Word (DOCX)
ex_fmt_md = Markdown
ex_fmt_html = Página web (HTML)
ex_fmt_csv = Tabla (CSV)
ex_fmt_ics = Plazos (calendario ICS)
ex_document = Documento
ex_table = Tabla
ex_table_attendance = Asistencia
ex_table_actions = Medidas
ex_lang_meeting = Idioma de la reunión ({ $lang })
ex_annex = Anexo: asistencia y lista de oradores
ex_notes = Incluir mis notas
ex_comments = Incluir los comentarios abiertos (como notas al pie)
ex_notes_private = Mis notas son privadas y permanecen en este equipo: solo se exportan si usted lo pide.
ex_go = Exportar { $format }…
ex_save_title = Exportar el documento
ex_exporting = Exportando… { $s } s
ex_done = Exportado a { $file }.
ex_preview = Vista previa
ex_preview_alt = Página { $page } de { $pages } del PDF
ex_page_of = Página { $page } de { $pages }
ex_prev_page = Página anterior
ex_next_page = Página siguiente
ex_previewing = Actualizando la vista previa… { $s } s
ex_preview_other = El archivo { $format } tiene el mismo texto y la misma estructura; esta es la maquetación del PDF.
ex_preview_csv = Un archivo CSV es una tabla para hojas de cálculo: no hay página que previsualizar.
ex_preview_ics = Un archivo ICS lleva los plazos de las medidas a un calendario: no hay página que previsualizar.
ex_preview_failed = Sin vista previa: { $message }
ex_no_summary = Todavía no se ha redactado ningún resumen: este es el borrador generado a partir del acta, y la exportación será igual.

## Sync and letterhead

sy_off = Sincronización desactivada
sy_running = Sincronizando…
sy_progress_sending = Enviando { $done } de { $total }
sy_progress_receiving = Recibiendo { $done } de { $total }
sy_failed = Error de sincronización
sy_failed_because = Error de sincronización: { $message }
sy_ok = Sincronizado { $ago }
sy_never = Todavía no sincronizado
sy_replicas =
    { $count ->
        [one] { $count } colega
       *[other] { $count } colegas
    }
sy_skipped =
    { $count ->
        [one] { $count } archivo omitido
       *[other] { $count } archivos omitidos
    }
sy_just_now = ahora mismo
sy_section = Sincronización
sy_folder_hint = Cualquier carpeta a la que también accedan sus colegas: una unidad de red, una carpeta de Dropbox o OneDrive, una memoria USB.
sy_interval = Sincronizar cada (segundos)
sy_no_folder = Ninguna carpeta elegida
sy_stop = Dejar de sincronizar
sy_url = O una dirección WebDAV, S3 o SFTP
sy_url_hint = Por ejemplo https://dav.example.org/equipo. No ponga nunca una contraseña en la dirección: escríbala abajo.
sy_url_placeholder = https://dav.example.org/team
sy_use_url = Usar esta URL
sy_user = Nombre de usuario
sy_password = Contraseña
sy_passphrase = Frase de contraseña del equipo (ubicación cifrada)
sy_save_credentials = Guardar credenciales
sy_encryption = Cifrado del equipo
sy_encryption_hint = Para cifrar una carpeta nueva, escriba aquí la frase de contraseña del equipo (12 caracteres como mínimo) antes de elegir la carpeta. Para unirse a una ubicación cifrada, escríbala y elija Cifrar o unirse. Para cambiarla, escriba la actual y una nueva. Se guarda como las credenciales.
sy_encrypt = Cifrar o unirse
sy_new_passphrase = Nueva frase de contraseña del equipo
sy_change_passphrase = Cambiar la frase de contraseña
sy_encrypted = La ubicación está cifrada con esta frase de contraseña, que queda guardada.
sy_passphrase_changed = La frase de contraseña del equipo se ha cambiado y guardado. Comunique la nueva a sus colegas.
sy_forget_credentials = Olvidar credenciales
sy_key_file = Archivo de clave privada
sy_choose_key = Elegir archivo de clave…
sy_remove_key = Quitar el archivo de clave
sy_no_key = Ninguno: se usan el agente SSH y las claves de ~/.ssh.
sy_key_dialog = Clave privada del servidor SFTP
sy_test_connection = Probar la conexión
sy_testing = Probando…
sy_connection_ok = Conectado a { $location }.
sy_kept_keyring = Las credenciales se guardan en el almacén de secretos del sistema.
sy_kept_file = Las credenciales se guardan en un archivo que solo usted puede leer (no hay almacén de secretos en este sistema).
sy_kept_none = No hay credenciales guardadas para esta ubicación.
sy_last_round = Última ronda
sy_sent_received = { $sent } enviados, { $received } recibidos
sy_replicas_seen = Equipos de colegas vistos en la carpeta
sy_none_seen = Ningún otro equipo se ha sincronizado todavía con esta carpeta.
sy_replica = Equipo
sy_applied = Cambios aplicados
sy_caught_up = al día
sy_behind = { $applied } de { $last }
sy_skipped_files = Archivos omitidos (se reintentan en cada ronda)
sy_file = Archivo
sy_reason = Motivo
sy_write_error = No se pudo escribir en la carpeta: { $message }
sy_read_error = No se pudo leer la carpeta: { $message }
sy_unnamed = (sin nombre)
sy_identity_renewed = Esta instalación se sincroniza ahora con un nuevo identificador (antes { $former }): su carpeta de datos es una copia de la de otra instalación, así que todo lo que contiene se envía de nuevo con el nuevo identificador. No se pierde nada.
sy_healed = Archivos de este equipo que faltaban o estaban dañados en la carpeta, cubiertos por una nueva instantánea
sy_waiting_for_me = Equipos de colegas que esperan un archivo de este
lh_section = Membrete
lh_hint = Se imprime en la parte superior de la primera página de cada exportación PDF, DOCX y HTML hecha en este equipo.
lh_organisation = Organización
lh_unit = Segunda línea (dependencia, secretaría o dirección)
lh_logo = Logotipo
lh_choose_logo = Elegir imagen…
lh_remove_logo = Quitar el logotipo
lh_no_logo = Sin logotipo

## Attachments

at_title = Archivos adjuntos
at_none = No hay archivos adjuntos.
at_attach = Adjuntar archivo…
at_save = Guardar como…
at_remove = Quitar
at_pending = todavía no ha llegado
at_confirm_remove = ¿Quitar el archivo adjunto { $name }? Los colegas también lo perderán en la próxima sincronización.
at_saved = { $name } guardado.
at_pick = Elija un archivo para adjuntar (hasta 50 MB)
at_pending_count =
    { $count ->
        [one] { $count } archivo adjunto en camino
       *[other] { $count } archivos adjuntos en camino
    }
at_pending_files = Archivos adjuntos que todavía no han llegado (se vuelven a buscar en cada ronda)
at_name = Archivo adjunto

## Record

date_invalid = { $field }: { $value } no es una fecha (use { $pattern })
date_required = { $field }: se necesita una fecha (use { $pattern })
date_before = { $field }: { $value } es anterior a { $other } ({ $limit })
date_after = { $field }: { $value } es posterior a { $other } ({ $limit })
date_hint = Escriba la fecha como { $pattern }, o como en 12 de diciembre de 2019
date_pattern = DD/MM/AAAA

# The drafter's generated sections, as the editor labels them and the refresh question names them.
section_heading = Encabezado
section_opening = Apertura
section_before = Documentos que la reunión tuvo ante sí
section_related = Reuniones conexas
section_statements = Declaraciones
section_speakers = Oradores
section_requests = Solicitudes
section_commitments = Compromisos
section_invitations = Invitaciones
section_decisions = Decisiones
section_next_steps = Próximos pasos

time_invalid = { $field }: { $value } no es una hora (use HH:MM)
the_start_date = la fecha de apertura
the_end_date = la fecha de clausura
the_meeting_date = la fecha de la reunión
related_meetings = Reuniones conexas
related_title = Título de la reunión conexa
related_date = Fecha de la reunión conexa
related_outcome = Resultado
related_outcome_hint = Lo que produjo
related_new = Título de una reunión conexa…
related_add = Añadir reunión conexa
related_none = No hay reuniones conexas.
related_remove = Quitar la reunión conexa
related_title_missing = Una reunión conexa necesita un título.
display_name = Nombre en esta reunión
display_name_hint = Como el acta debe llamar aquí a esta delegación (p. ej., Reino Unido); vacío para { $name }
group_label = Denominación en el resumen
group_label_singular = Singular
group_label_plural = Plural
group_label_hint = Cómo nombra el resumen a cada grupo, p. ej. "representante de la Red de las Naciones Unidas" / "representantes de la Red de las Naciones Unidas"; vacío para el nombre predeterminado.
group_remove = Quitar este número de participantes
group_singular_needs_plural = Indique también el plural: el singular solo se usa para un número igual a 1.

## Data entry

act_missing = Para añadir la medida, rellene: { $fields }.
act_bad_due = El plazo está incompleto: complételo o bórrelo.
pick_add_as = Añadir «{ $name }» como nuevo nombre, clasificado en:
pick_add_as_category = Añadir «{ $name }» como nuevo nombre, clasificado en { $category }

# Record @2: the meeting's session, agenda and documents; decisions; speaking on behalf of others.
chair_state = Estado de la Presidencia
session = Período de sesiones
summary_code = Código del resumen
status_line = Línea de estado
agenda = Programa
agenda_number = Tema
agenda_title = Título del tema
agenda_add = Añadir un tema
documents_before = Documentos que la reunión tuvo ante sí
document_symbol = Signatura
document_title = Título
documents_before_add = Añadir un documento
not_set = —
due_month = Mes de vencimiento (AAAA-MM)
act_bad_due_month = El mes de vencimiento no es un mes: escríbalo 2020-04 o bórrelo.
adoption = Aprobación
adoption_without_vote = Sin votación
adoption_vote = En votación
adoption_recorded_vote = En votación registrada
votes_yes = A favor
votes_no = En contra
votes_abstentions = Abstenciones
on_behalf_of = En nombre de
on_behalf_of_name = Usar «{ $name }» como nombre del grupo
also_on_behalf_of = También en nombre de
## Record @2 in the window: a speaker's role, a delegation's persons, what was said besides the speakers list
speaker_role = Función en esta sesión
speaker_role_hint = panelista
persons = Miembros de la delegación
person_name = Nombre
person_function = Cargo
person_head = Jefe de la delegación
person_add = Añadir una persona
person_duplicate = Este nombre ya figura en la lista: no se guarda dos veces.
floor_section = Fuera de la lista de oradores
floor_positions = Posiciones de oradores no nombrados
floor_position_add = Añadir una posición
floor_holders = Quién
holders_one_delegation = Una delegación
holders_some_delegations = Algunas delegaciones
holders_several_delegations = Varias delegaciones
holders_many_delegations = Muchas delegaciones
holders_speakers = Los oradores
holders_several_speakers = Varios oradores
floor_position_text = Lo que dijeron («acogieron con beneplácito los progresos…»)
floor_remarks = Intervenciones de la Mesa
floor_remark_add = Añadir una intervención de la Mesa
remark_kind = Tipo de intervención
remark_opening = Declaración de apertura
remark_answer = Respuesta
remark_closing = Declaración de clausura
remark_other = Otra intervención
remark_by = Por (cargo: «el Presidente»)
remark_in_reply_to = En respuesta a
remark_summary = Lo que se dijo
floor_announcements = Anuncios
floor_announcement_add = Añadir un anuncio
announcement_by = Anunciado por
announcement_text = Lo que se anunció («el plan se publicaría…»)
move_up = Subir
move_down = Bajar
all_agenda_items = Todos los temas del programa
all_sessions = Todos los períodos de sesiones
## Clearance: status, comments and suggestions of a document
review_status = Autorización
review_status_draft = Borrador
review_status_for_clearance = En autorización
review_status_cleared = Autorizado
review_status_final = Definitivo
review_status_circulated = Distribuido
review_move_to = Pasar a «{ $status }»
review_reopen = Reabrir
review_corrigendum = Corrección
review_corrigendum_number = Corr.{ $n }
review_last_change = { $by }, { $time }
review_locked = Este texto es definitivo y no se puede modificar. Reábralo para cambiarlo.
review_locked_circulated = Este texto está distribuido y no se puede modificar. Abra una corrección para cambiarlo.
review_panel = Comentarios
review_panel_show = Mostrar los comentarios y sugerencias de este documento
review_comment_label = Comentario sobre el texto seleccionado
review_comment_add = Comentar
review_suggest_label = Sustituir el texto seleccionado por
review_suggest_add = Sugerir
review_suggesting = Sugerencias
review_suggesting_show = Modo sugerencia: registrar lo que escribe como sugerencias en lugar de cambiar el texto
review_suggesting_note = Modo sugerencia: lo que escribe se registra como sus sugerencias, que figuran en Comentarios; el texto guardado solo cambia cuando se aceptan.
review_select_first = Seleccione primero las palabras en el texto.
review_selection_missing = Las palabras seleccionadas no se encuentran en el texto guardado: seleccione palabras de un solo párrafo, sin formato que las atraviese.
review_comments = Comentarios
review_no_comments = Aún no hay comentarios.
review_reply_label = Respuesta
review_reply_add = Responder
review_resolve = Resolver
review_reopen_comment = Reabrir
review_resolved = Resuelto
review_suggestions = Sugerencias
review_no_suggestions = No hay sugerencias abiertas.
review_suggestion_change = «{ $old }» → «{ $new }»
review_accept = Aceptar
review_reject = Rechazar
review_accept_all = Aceptar todas
review_reject_all = Rechazar todas
review_by = por { $author }

## Errors from the backend, by sentence (the `MessageId`s of crates/app/src/local.rs). `$detail` is quoted as
## the lower layer wrote it (the operating system, a parser, a server).
error_record_invalid = { $file }: campo { $field } rechazado: { $detail }
error_record_invalid_at = { $file }, línea { $line }, columna { $column }: campo { $field } rechazado: { $detail }
error_record_too_large = { $file } ocupa { $size } bytes, más del límite de { $limit } bytes para un archivo de reunión
error_value_refused = Valor rechazado: { $detail }
error_template_failed = La plantilla del resumen falló: { $detail }
error_file_unreadable = No se pudo usar { $file }: { $detail }
error_not_found = No se encontró { $kind ->
    [meeting] la reunión
    [statement] la declaración
    [attachment] el archivo adjunto
    [intervention] la intervención
   *[other] el elemento
  } { $id }
error_not_found_in_meeting = No se encontró { $kind ->
    [meeting] la reunión
    [statement] la declaración
    [attachment] el archivo adjunto
    [intervention] la intervención
   *[other] el elemento
  } { $id } en la reunión { $meeting }
error_field_invalid = Reunión { $meeting }: campo { $field } rechazado: { $detail }
error_stored_unreadable = Reunión { $meeting }: el documento guardado no se puede leer en { $field }: { $detail }
error_merge_failed = Reunión { $meeting }: no se pudieron combinar los cambios: { $detail }
error_unknown_version = Reunión { $meeting }: no existe la versión { $version }
error_database_unavailable = No se pudo abrir la base de datos { $file }: { $detail }
error_database_failed = Error de la base de datos: { $detail }
error_setting_invalid = No se pudo leer el ajuste { $key }: { $detail }
error_attachment_too_large = { $name } ocupa { $size } bytes, más del límite de { $limit } bytes para archivos adjuntos
error_attachment_missing = El archivo adjunto { $name } aún no ha llegado; sincronice de nuevo cuando la copia de un colega llegue a la ubicación compartida
error_attachment_damaged = La copia local del archivo adjunto { $name } estaba dañada y se eliminó; sincronice de nuevo para obtenerla
error_sync_folder_unavailable = La carpeta de sincronización { $location } no está disponible: { $detail }
error_sync_location_unavailable = La ubicación de sincronización { $location } no está disponible: { $detail }
error_sync_location_refused = La ubicación de sincronización { $location } rechazó la sincronización: { $detail }
error_sync_busy = Ya hay otra sincronización en curso; vuelva a intentarlo cuando termine
error_sync_failed = La sincronización falló: { $detail }
error_sync_url_refused = Se rechazó esta dirección de sincronización: { $detail }
error_sync_url_not_url = { $url } no es una dirección (https://, webdav://, s3://, sftp://); para una carpeta, use «Elegir…»
error_key_file_invalid = El archivo de clave del equipo { $file } no se puede usar: { $detail }
error_passphrase_wrong = La frase de contraseña del equipo es incorrecta, o el archivo de clave { $file } fue alterado
error_passphrase_short = La frase de contraseña del equipo es demasiado corta: use al menos { $min } caracteres
error_file_sealed = No se puede abrir un archivo cifrado: está dañado, alterado o fuera de lugar, o se escribió con otra clave de equipo
error_export_too_large = El documento es demasiado grande para exportarlo: { $size } bytes de texto, más del límite de { $limit } bytes
error_logo_unusable = El logotipo del membrete no es una imagen utilizable: { $detail }
error_document_not_found = No se encontró el documento que se quiere exportar ({ $detail })
error_masthead_refused = No se puede imprimir el encabezado de documento de las Naciones Unidas: { $detail }
error_format_unknown = Formato de exportación desconocido { $format }: se espera PDF, DOCX, Markdown, HTML, CSV o ICS
error_typesetting_failed = La composición tipográfica falló: { $detail }
error_encoding_failed = No se pudo generar el archivo { $format }: { $detail }
error_not_replaceable = Una exportación no puede reemplazar { $file }: { $detail }
error_review_unreadable = No se puede leer el documento revisado { $file }: { $detail }
error_file_exists = { $file } ya existe
error_write_failed = No se pudo escribir { $file }: { $detail }
error_file_too_large = { $file } supera el límite de { $limit } bytes
error_file_is_folder = { $file } es una carpeta, no un archivo
error_file_not_regular = { $file } no es un archivo normal, así que no se lee
error_file_not_utf8 = { $file } no es texto UTF-8 (en el byte { $byte })
error_sync_location_missing = Primero elija una carpeta de sincronización o escriba una dirección
error_sync_interval_short = El intervalo de sincronización debe ser de al menos { $min } segundos
