## Drafting: preview, history, statements

preview = Aperçu
preview_show = Afficher le projet généré à partir du dossier
preview_title = Généré à partir du dossier
preview_lang = Langue de l’aperçu
preview_meeting_lang = Langue de la réunion
preview_empty = Rien à rédiger pour l’instant.
preview_loading = Rédaction…
history = Historique
history_show = Afficher les versions de ce document
history_title = Versions
history_empty = Aucune version pour l’instant.
history_hint = Cochez deux versions pour les comparer, ou une seule pour la comparer au texte actuel.
history_compare = Comparer
history_view = Afficher
history_restore = Rétablir cette version
history_restored = Version rétablie.
history_no_diff = Aucune différence.
history_current = texte actuel
history_diff_title = Modifications de { $from } à { $to }
history_version_title = Version du { $time }
history_by = par { $replica }
change_edit = modification
change_regenerate = sections générées actualisées
change_restore = rétablissement
change_import = importation
change_created = création
change_suggestion_accepted = suggestion acceptée
change_suggestion = suggestion
change_comment = commentaire
change_status_change = statut de validation
change_corrigendum = rectificatif
change_synced = reçue par synchronisation
statement_drafted = Projet
statement_delivered = Prononcée le { $date }
statement_delivered_by = Prononcée le { $date } par { $speaker }
delivered_on = Prononcée le
mark_delivered = Marquer comme prononcée
mark_drafted = Revenir au projet

## Main screens

app_name = Rapporteur
search_placeholder = Rechercher dans toutes les réunions…
new_meeting = Nouvelle réunion
import_json = Importer un JSON…
export_json = Exporter en JSON…
delete_meeting = Supprimer la réunion
confirm_delete = Supprimer cette réunion de cet ordinateur ? Cette action est définitive.
meetings = Réunions
no_meetings = Aucune réunion. Créez-en une ou importez un dossier.
open_example = Ouvrir la réunion d’exemple
no_results = Aucun résultat.
search_hits =
    { $count ->
        [one] { $count } résultat
       *[other] { $count } résultats
    }
tracker = Suivi des actions
tracker_meeting = { $title } · { $date }
settings = Paramètres
help = Raccourcis clavier
close = Fermer
untitled = Réunion sans titre
select_meeting = Choisissez une réunion dans la barre latérale, ou créez-en une avec Ctrl+N.
tab_overview = Aperçu
tab_attendance = Participation
tab_speakers = Orateurs
tab_actions = Suites à donner
tab_notes = Mes notes
tab_documents = Résumé et déclarations
title = Titre
kind = Type
convened_by = Organisée par
date = Date
end_date = Date de fin
venue = Lieu
language = Langue
symbol = Cote
chair = Présidence
chair_name = Nom
chair_title = Titre
chair_role = Fonction
status = Statut
saved = Enregistré
saving = Enregistrement…
add_state = Ajouter un État (tapez un nom)…
add_other = Ajouter un autre participant (entité de l’ONU, ONG…)
name = Nom
category = Catégorie
add = Ajouter
remove = Retirer
present = Présent
absent = Absent
headcounts = Effectifs
derived = calculé
typed = saisi
count = Nombre
clear = Effacer
delegations = Délégations
attendance_hint = Espace ou P bascule la présence de la ligne choisie ; Suppr la retire.
add_speaker = Ajouter un orateur (tapez une délégation)…
give_floor = Donner la parole
next_speaker = Orateur suivant
stop_timer = Arrêter
on_the_floor = A la parole
speaking_time = Temps de parole
speaking_minutes = { $minutes ->
    [one] { $minutes } minute de parole
   *[other] { $minutes } minutes de parole
}
intervention_notes = Ce qui a été dit (enregistré automatiquement)
person = Personne
time = Heure
agenda_item = Point de l’ordre du jour
speakers_hint = Alt+↑/↓ déplace l’orateur choisi ; Entrée donne la parole ; glissez les lignes pour réordonner.
no_speakers = Aucun orateur.
select_speaker = Choisissez un orateur pour noter ce qui a été dit.
add_action = Ajouter une suite à donner
from = De
to = À
text = Texte
due = Échéance
overdue = En retard
open_only = Ouvertes seulement
owner = Responsable
all_owners = Tous les responsables
meeting = Réunion
no_actions = Aucune suite à donner.
notes_meeting = Notes sur cette réunion
notes_intervention = Notes sur une intervention
notes_private = Privé : ces notes restent sur cet ordinateur. La synchronisation ne les transmet jamais.
summary = Résumé
statements = Déclarations
statement = Déclaration
add_statement = Ajouter une déclaration
remove_statement = Retirer la déclaration
statement_title = Titre de la déclaration
summary_title = Titre du résumé
change_speaker = Autre orateur… (un État ou un nom)
speaker = Orateur
regenerate = Actualiser les sections générées
regenerate_confirm = Ces sections générées ont été modifiées à la main et seraient remplacées : { $sections }. Les remplacer ? (L’ancien texte reste dans l’historique.)
undo = Annuler
redo = Rétablir
bold = Gras
italic = Italique
heading = Titre
bullet_list = Liste à puces
ordered_list = Liste numérotée
formatting = Mise en forme
export = Exporter…
format = Format
restore = Restaurer
data_location = Emplacement des données
ui_language = Langue de l’interface
theme = Thème
theme_light = Clair
theme_dark = Sombre
theme_system = Système
replica_name = Nom de cet ordinateur (vu par les collègues)
sync_folder = Dossier partagé de synchronisation
choose_folder = Choisir…
sync_now = Synchroniser
sync_done = Synchronisation terminée.
imported = Réunion importée.
exported = Exporté.
error = Erreur
dismiss = Fermer
shortcut = Raccourci
action = Action
sc_new = Nouvelle réunion
sc_search = Aller à la recherche
sc_tabs = Passer d’une vue de la réunion à l’autre
sc_next = Orateur suivant (donne la parole)
sc_import = Importer un dossier (JSON)
sc_export = Exporter la réunion (JSON)
sc_tracker = Suivi des actions
sc_settings = Paramètres
sc_help = Cette aide
sc_toggle = Participation : basculer la présence de la ligne choisie
sc_move = Orateurs : déplacer l’orateur choisi
sc_floor = Orateurs : donner la parole à l’orateur choisi
sc_undo = Éditeur : annuler / rétablir
sc_escape = Fermer un panneau ou une liste de suggestions
kind_briefing = Séance d’information
kind_consultation = Consultation
kind_annual_meeting = Réunion annuelle
kind_plenary = Plénière
kind_working_group = Groupe de travail
kind_side_event = Manifestation parallèle
kind_other = Autre
status_draft = Projet
status_final = Définitif
status_circulated = Diffusé
cat_member_state = États Membres
cat_observer_state = États observateurs
cat_un_system = Système des Nations Unies
cat_intergovernmental_organization = Organisations intergouvernementales
cat_civil_society = Société civile
cat_special_procedure = Procédures spéciales
cat_other = Autres
ik_statement = Déclaration
ik_question = Question
ik_right_of_reply = Droit de réponse
ak_request = Demande
ak_commitment = Engagement
ak_invitation = Invitation
ak_decision = Décision
ak_next_step = Prochaine étape
as_open = Ouverte
as_in_progress = En cours
as_done = Faite
as_dropped = Abandonnée
hit_meeting = Réunion
hit_delegation = Délégation
hit_intervention = Intervention
hit_action = Suite à donner
hit_document = Document

statement_numbered = Déclaration { $n }
count_invalid = Nombre : { $value } n’est pas un nombre entier
count_derived = { $count } (calculé)
count_of = Nombre : { $category }
group_label_of = Libellé dans le résumé : { $category }
group_label_singular_of = Libellé dans le résumé (singulier) : { $category }
group_label_plural_of = Libellé dans le résumé (pluriel) : { $category }

## Export

tab_export = Exporter
ex_options = Options d’export
ex_fmt_pdf = PDF, pour diffusion
ex_fmt_docx = Word (DOCX)
ex_fmt_md = Markdown
ex_fmt_html = Page web (HTML)
ex_fmt_csv = Tableau (CSV)
ex_fmt_ics = Échéances (agenda ICS)
ex_document = Document
ex_table = Tableau
ex_table_attendance = Participation
ex_table_actions = Suites à donner
ex_lang_meeting = Langue de la réunion ({ $lang })
ex_annex = Annexe : participation et liste des orateurs
ex_notes = Inclure mes notes
ex_comments = Inclure les commentaires ouverts (en notes de bas de page)
ex_notes_private = Mes notes sont privées et restent sur cet ordinateur : un export ne les contient que si vous le demandez.
ex_go = Exporter en { $format }…
ex_save_title = Exporter le document
ex_exporting = Export en cours… { $s } s
ex_done = Exporté vers { $file }.
ex_preview = Aperçu
ex_preview_alt = Page { $page } sur { $pages } du PDF
ex_page_of = Page { $page } sur { $pages }
ex_prev_page = Page précédente
ex_next_page = Page suivante
ex_previewing = Mise à jour de l’aperçu… { $s } s
ex_preview_other = Le fichier { $format } a le même texte et la même structure ; voici la mise en page du PDF.
ex_preview_csv = Un fichier CSV est un tableau pour tableur : il n’y a pas de page à prévisualiser.
ex_preview_ics = Un fichier ICS inscrit les échéances des suites à donner dans un agenda : il n’y a pas de page à prévisualiser.
ex_preview_failed = Pas d’aperçu : { $message }
ex_no_summary = Aucun résumé rédigé : voici le projet généré à partir du dossier, et l’export sera le même.

## Sync and letterhead

sy_off = Synchronisation désactivée
sy_running = Synchronisation…
sy_progress_sending = Envoi { $done } sur { $total }
sy_progress_receiving = Réception { $done } sur { $total }
sy_failed = Échec de la synchronisation
sy_failed_because = Échec de la synchronisation : { $message }
sy_ok = Synchronisé { $ago }
sy_never = Pas encore synchronisé
sy_replicas =
    { $count ->
        [one] { $count } collègue
       *[other] { $count } collègues
    }
sy_skipped =
    { $count ->
        [one] { $count } fichier ignoré
       *[other] { $count } fichiers ignorés
    }
sy_just_now = à l’instant
sy_section = Synchronisation
sy_folder_hint = Tout dossier que vos collègues atteignent aussi : lecteur réseau, dossier Dropbox ou OneDrive, clé USB.
sy_interval = Synchroniser toutes les (secondes)
sy_no_folder = Aucun dossier choisi
sy_stop = Arrêter la synchronisation
sy_url = Ou une adresse WebDAV, S3 ou SFTP
sy_url_hint = Par exemple https://dav.example.org/equipe. Ne mettez jamais de mot de passe dans l’adresse : saisissez-le ci-dessous.
sy_url_placeholder = https://dav.example.org/team
sy_use_url = Utiliser cette URL
sy_user = Nom d’utilisateur
sy_password = Mot de passe
sy_passphrase = Phrase secrète de l’équipe (emplacement chiffré)
sy_save_credentials = Enregistrer les identifiants
sy_encryption = Chiffrement d’équipe
sy_encryption_hint = Pour chiffrer un nouveau dossier, saisissez ici la phrase secrète de l’équipe (12 caractères au moins) avant de choisir le dossier. Pour rejoindre un emplacement chiffré, saisissez-la et choisissez Chiffrer ou rejoindre. Pour la changer, saisissez l’actuelle et une nouvelle. Elle est enregistrée comme les identifiants.
sy_encrypt = Chiffrer ou rejoindre
sy_new_passphrase = Nouvelle phrase secrète de l’équipe
sy_change_passphrase = Changer la phrase secrète
sy_encrypted = L’emplacement est chiffré avec cette phrase secrète, qui est enregistrée.
sy_passphrase_changed = La phrase secrète de l’équipe est changée et enregistrée. Communiquez la nouvelle à vos collègues.
sy_forget_credentials = Oublier les identifiants
sy_key_file = Fichier de clé privée
sy_choose_key = Choisir le fichier de clé…
sy_remove_key = Retirer le fichier de clé
sy_no_key = Aucun : l’agent SSH et les clés de ~/.ssh sont utilisés.
sy_key_dialog = Clé privée du serveur SFTP
sy_test_connection = Tester la connexion
sy_testing = Test en cours…
sy_connection_ok = Connecté à { $location }.
sy_kept_keyring = Les identifiants sont enregistrés dans le trousseau du système.
sy_kept_file = Les identifiants sont enregistrés dans un fichier que vous seul pouvez lire (pas de trousseau sur ce système).
sy_kept_none = Aucun identifiant enregistré pour cet emplacement.
sy_last_round = Dernière synchronisation
sy_sent_received = { $sent } envoyés, { $received } reçus
sy_replicas_seen = Ordinateurs de collègues vus dans le dossier
sy_none_seen = Aucun autre ordinateur ne s’est encore synchronisé avec ce dossier.
sy_replica = Ordinateur
sy_applied = Modifications appliquées
sy_caught_up = à jour
sy_behind = { $applied } sur { $last }
sy_skipped_files = Fichiers ignorés (réessayés à chaque synchronisation)
sy_file = Fichier
sy_reason = Motif
sy_write_error = Impossible d’écrire dans le dossier : { $message }
sy_read_error = Impossible de lire le dossier : { $message }
sy_unnamed = (sans nom)
sy_identity_renewed = Cette installation se synchronise désormais sous un nouvel identifiant ({ $former } auparavant) : son dossier de données est une copie de celui d’une autre installation, donc tout y est renvoyé sous le nouvel identifiant. Rien n’est perdu.
sy_healed = Fichiers de cet ordinateur manquants ou endommagés dans le dossier, couverts par un nouvel instantané
sy_waiting_for_me = Ordinateurs de collègues qui attendent un fichier de celui-ci
lh_section = En-tête
lh_hint = Imprimé en haut de la première page de chaque export PDF, DOCX et HTML fait sur cet ordinateur.
lh_organisation = Organisation
lh_unit = Deuxième ligne (service, secrétariat ou adresse)
lh_logo = Logo
lh_choose_logo = Choisir une image…
lh_remove_logo = Retirer le logo
lh_no_logo = Aucun logo

## Attachments

at_title = Pièces jointes
at_none = Aucun fichier joint.
at_attach = Joindre un fichier…
at_save = Enregistrer sous…
at_remove = Retirer
at_pending = pas encore arrivé
at_confirm_remove = Retirer la pièce jointe { $name } ? Vos collègues la perdront aussi à la prochaine synchronisation.
at_saved = { $name } enregistré.
at_pick = Choisir un fichier à joindre (50 Mo au plus)
at_pending_count =
    { $count ->
        [one] { $count } pièce jointe en route
       *[other] { $count } pièces jointes en route
    }
at_pending_files = Pièces jointes pas encore arrivées (recherchées à chaque synchronisation)
at_name = Pièce jointe

## Record

date_invalid = { $field } : { $value } n’est pas une date (écrire { $pattern })
date_required = { $field } : une date est nécessaire (écrire { $pattern })
date_before = { $field } : { $value } est antérieure à { $other } ({ $limit })
date_after = { $field } : { $value } est postérieure à { $other } ({ $limit })
date_hint = Écrire la date sous la forme { $pattern }, ou comme 12 décembre 2019
date_pattern = JJ/MM/AAAA

# The drafter's generated sections, as the editor labels them and the refresh question names them.
section_heading = En-tête
section_opening = Ouverture
section_before = Documents dont la réunion était saisie
section_related = Réunions connexes
section_statements = Déclarations
section_speakers = Orateurs
section_requests = Demandes
section_commitments = Engagements
section_invitations = Invitations
section_decisions = Décisions
section_next_steps = Prochaines étapes

time_invalid = { $field } : { $value } n’est pas une heure (écrire HH:MM)
the_start_date = la date de début
the_end_date = la date de fin
the_meeting_date = la date de la réunion
related_meetings = Réunions connexes
related_title = Titre de la réunion connexe
related_date = Date de la réunion connexe
related_outcome = Résultat
related_outcome_hint = Ce qu’elle a produit
related_new = Titre d’une réunion connexe…
related_add = Ajouter une réunion connexe
related_none = Aucune réunion connexe.
related_remove = Retirer la réunion connexe
related_title_missing = Une réunion connexe doit avoir un titre.
display_name = Nom dans cette réunion
display_name_hint = Comme le dossier doit nommer cette délégation ici (p. ex. R.-U.) ; vide : { $name }
group_label = Libellé dans le résumé
group_label_singular = Singulier
group_label_plural = Pluriel
group_label_hint = Comment le résumé nomme chaque groupe, p. ex. « représentant du Réseau » / « représentants du Réseau » ; vide : le nom intégré.
group_remove = Retirer cet effectif
group_singular_needs_plural = Indiquez aussi le pluriel : le singulier ne sert que pour un effectif de 1.

## Data entry

act_missing = Pour ajouter la suite à donner, remplissez : { $fields }.
act_bad_due = La date d’échéance est incomplète : complétez-la ou effacez-la.
pick_add_as = Ajouter « { $name } » comme nouveau nom, dans la catégorie :
pick_add_as_category = Ajouter « { $name } » comme nouveau nom, dans la catégorie { $category }

# Record @2: the meeting's session, agenda and documents; decisions; speaking on behalf of others.
chair_state = État de la présidence
session = Session
summary_code = Code du résumé
status_line = Mention de statut
agenda = Ordre du jour
agenda_number = Point
agenda_title = Intitulé du point
agenda_add = Ajouter un point
documents_before = Documents dont la réunion était saisie
document_symbol = Cote
document_title = Titre
documents_before_add = Ajouter un document
not_set = —
due_month = Mois d’échéance (AAAA-MM)
act_bad_due_month = Le mois d’échéance n’est pas un mois : écrivez-le 2020-04, ou effacez-le.
adoption = Adoption
adoption_without_vote = Sans vote
adoption_vote = Par un vote
adoption_recorded_vote = Par un vote enregistré
votes_yes = Pour
votes_no = Contre
votes_abstentions = Abstentions
on_behalf_of = Au nom de
on_behalf_of_name = Utiliser « { $name } » comme nom du groupe
also_on_behalf_of = Au nom également de
## Record @2 in the window: a speaker's role, a delegation's persons, what was said besides the speakers list
speaker_role = Rôle à cette séance
speaker_role_hint = intervenant
persons = Membres de la délégation
person_name = Nom
person_function = Fonction
person_head = Chef de délégation
person_add = Ajouter une personne
person_duplicate = Ce nom figure déjà dans la liste : il n’est pas enregistré deux fois.
floor_section = Hors de la liste des orateurs
floor_positions = Positions d’orateurs non nommés
floor_position_add = Ajouter une position
floor_holders = Qui
holders_one_delegation = Une délégation
holders_some_delegations = Certaines délégations
holders_several_delegations = Plusieurs délégations
holders_many_delegations = De nombreuses délégations
holders_speakers = Les orateurs
holders_several_speakers = Plusieurs orateurs
floor_position_text = Ce qu’ils ont dit (« se sont félicitées des progrès… »)
floor_remarks = Interventions de la présidence et du secrétariat
floor_remark_add = Ajouter une intervention de la tribune
remark_kind = Type d’intervention
remark_opening = Déclaration liminaire
remark_answer = Réponse
remark_closing = Déclaration de clôture
remark_other = Autre intervention
remark_by = Par (fonction : « le Président »)
remark_in_reply_to = En réponse à
remark_summary = Ce qui a été dit
floor_announcements = Annonces
floor_announcement_add = Ajouter une annonce
announcement_by = Annoncé par
announcement_text = Ce qui a été annoncé (« le plan serait publié… »)
move_up = Monter
move_down = Descendre
all_agenda_items = Tous les points de l’ordre du jour
all_sessions = Toutes les sessions
## Clearance: status, comments and suggestions of a document
review_status = Validation
review_status_draft = Projet
review_status_for_clearance = En validation
review_status_cleared = Validé
review_status_final = Définitif
review_status_circulated = Distribué
review_move_to = Passer à « { $status } »
review_reopen = Rouvrir
review_corrigendum = Rectificatif
review_corrigendum_number = Corr.{ $n }
review_last_change = { $by }, { $time }
review_locked = Ce texte est définitif et ne peut pas être modifié. Rouvrez-le pour le changer.
review_locked_circulated = Ce texte est distribué et ne peut pas être modifié. Ouvrez un rectificatif pour le changer.
review_panel = Commentaires
review_panel_show = Afficher les commentaires et suggestions sur ce document
review_comment_label = Commentaire sur le texte sélectionné
review_comment_add = Commenter
review_suggest_label = Remplacer le texte sélectionné par
review_suggest_add = Suggérer
review_suggesting = Suggestions
review_suggesting_show = Mode suggestion : enregistrer ce que vous tapez comme suggestions au lieu de modifier le texte
review_suggesting_note = Mode suggestion : ce que vous tapez est enregistré comme vos suggestions, listées sous Commentaires ; le texte enregistré ne change que lorsqu’elles sont acceptées.
review_select_first = Sélectionnez d’abord les mots dans le texte.
review_selection_missing = Les mots sélectionnés sont introuvables dans le texte enregistré : sélectionnez des mots d’un seul paragraphe, sans mise en forme qui les traverse.
review_comments = Commentaires
review_no_comments = Aucun commentaire.
review_reply_label = Réponse
review_reply_add = Répondre
review_resolve = Résoudre
review_reopen_comment = Rouvrir
review_resolved = Résolu
review_suggestions = Suggestions
review_no_suggestions = Aucune suggestion ouverte.
review_suggestion_change = « { $old } » → « { $new } »
review_accept = Accepter
review_reject = Refuser
review_accept_all = Tout accepter
review_reject_all = Tout refuser
review_by = par { $author }

## Errors from the backend, by sentence (the `MessageId`s of crates/app/src/local.rs). `$detail` is quoted as
## the lower layer wrote it (the operating system, a parser, a server).
error_record_invalid = { $file } : champ { $field } refusé : { $detail }
error_record_invalid_at = { $file }, ligne { $line }, colonne { $column } : champ { $field } refusé : { $detail }
error_record_too_large = { $file } fait { $size } octets, au-delà de la limite de { $limit } octets pour un fichier de réunion
error_value_refused = Valeur refusée : { $detail }
error_template_failed = Le modèle de résumé a échoué : { $detail }
error_file_unreadable = Impossible d’utiliser { $file } : { $detail }
error_not_found = { $kind ->
    [meeting] Réunion
    [statement] Déclaration
    [attachment] Pièce jointe
    [intervention] Intervention
   *[other] Élément
  } { $id } introuvable
error_not_found_in_meeting = { $kind ->
    [meeting] Réunion
    [statement] Déclaration
    [attachment] Pièce jointe
    [intervention] Intervention
   *[other] Élément
  } { $id } introuvable dans la réunion { $meeting }
error_field_invalid = Réunion { $meeting } : champ { $field } refusé : { $detail }
error_stored_unreadable = Réunion { $meeting } : le document enregistré est illisible à { $field } : { $detail }
error_merge_failed = Réunion { $meeting } : impossible de fusionner les modifications : { $detail }
error_unknown_version = Réunion { $meeting } : la version { $version } n’existe pas
error_database_unavailable = Impossible d’ouvrir la base de données { $file } : { $detail }
error_database_failed = Erreur de la base de données : { $detail }
error_setting_invalid = Impossible de lire le réglage { $key } : { $detail }
error_attachment_too_large = { $name } fait { $size } octets, au-delà de la limite de { $limit } octets pour les pièces jointes
error_attachment_missing = La pièce jointe { $name } n’est pas encore arrivée ; synchronisez de nouveau quand la copie d’un collègue aura atteint l’emplacement partagé
error_attachment_damaged = La copie locale de la pièce jointe { $name } était endommagée et a été supprimée ; synchronisez de nouveau pour la récupérer
error_sync_folder_unavailable = Le dossier de synchronisation { $location } n’est pas disponible : { $detail }
error_sync_location_unavailable = L’emplacement de synchronisation { $location } n’est pas disponible : { $detail }
error_sync_location_refused = L’emplacement de synchronisation { $location } a refusé la synchronisation : { $detail }
error_sync_busy = Une autre synchronisation est déjà en cours ; réessayez quand elle sera terminée
error_sync_failed = Échec de la synchronisation : { $detail }
error_sync_url_refused = Cette adresse de synchronisation a été refusée : { $detail }
error_sync_url_not_url = { $url } n’est pas une adresse (https://, webdav://, s3://, sftp://) ; pour un dossier, utilisez « Choisir… »
error_key_file_invalid = Le fichier de clé de l’équipe { $file } est inutilisable : { $detail }
error_passphrase_wrong = La phrase secrète de l’équipe est erronée, ou le fichier de clé { $file } a été modifié
error_passphrase_short = La phrase secrète de l’équipe est trop courte : au moins { $min } caractères
error_file_sealed = Impossible d’ouvrir un fichier chiffré : il est endommagé, modifié ou déplacé, ou a été écrit avec une autre clé d’équipe
error_export_too_large = Le document est trop volumineux pour être exporté : { $size } octets de texte, au-delà de la limite de { $limit } octets
error_logo_unusable = Le logo de l’en-tête n’est pas une image utilisable : { $detail }
error_document_not_found = Le document à exporter est introuvable ({ $detail })
error_masthead_refused = Impossible d’imprimer l’en-tête de document de l’ONU : { $detail }
error_format_unknown = Format d’exportation inconnu { $format } : PDF, DOCX, Markdown, HTML, CSV ou ICS attendu
error_typesetting_failed = La composition a échoué : { $detail }
error_encoding_failed = Impossible de produire le fichier { $format } : { $detail }
error_not_replaceable = Une exportation ne peut pas remplacer { $file } : { $detail }
error_review_unreadable = Impossible de lire le document relu { $file } : { $detail }
error_file_exists = { $file } existe déjà
error_write_failed = Impossible d’écrire { $file } : { $detail }
error_file_too_large = { $file } dépasse la limite de { $limit } octets
error_file_is_folder = { $file } est un dossier, pas un fichier
error_file_not_regular = { $file } n’est pas un fichier ordinaire ; il n’est pas lu
error_file_not_utf8 = { $file } n’est pas du texte UTF-8 (à l’octet { $byte })
error_sync_location_missing = Choisissez d’abord un dossier de synchronisation ou saisissez une adresse
error_sync_interval_short = L’intervalle de synchronisation doit être d’au moins { $min } secondes
