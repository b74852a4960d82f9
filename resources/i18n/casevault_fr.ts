<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en_GB">
    <context>
        <name />
        <message>
            <source>About casevault</source>
            <translation>À propos de casevault</translation>
        </message>
        <message>
            <source>casevault %1: an encrypted case vault for union reps. Everything stays on this computer, encrypted.</source>
            <translation>casevault %1 : un coffre de dossiers chiffré pour les délégués syndicaux. Tout reste sur cet ordinateur, chiffré.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>ActionPointsPanel</name>
        <message>
            <source>Action points</source>
            <translation>Actions à mener</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Quoi</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Qui</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Échéance</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fait</translation>
        </message>
        <message>
            <source>Action point</source>
            <translation>Action à mener</translation>
        </message>
        <message>
            <source>What is to be done</source>
            <translation>Ce qu'il faut faire</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Responsable</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>Date d'échéance</translation>
        </message>
        <message>
            <source>No due date</source>
            <translation>Sans échéance</translation>
        </message>
        <message>
            <source>Add &amp;action point</source>
            <translation>Ajouter une &amp;action</translation>
        </message>
        <message>
            <source>Add action point</source>
            <translation>Ajouter une action</translation>
        </message>
        <message>
            <source>Action points status</source>
            <translation>État des actions à mener</translation>
        </message>
        <message>
            <source>Action point added.</source>
            <translation>Action ajoutée.</translation>
        </message>
    </context>
    <context>
        <name>AddOriginalDialog</name>
        <message>
            <source>Add original document</source>
            <translation>Ajouter un document original</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>e.g. Payslips, January to March (originals)</source>
            <translation>p. ex. Bulletins de paie, janvier à mars (originaux)</translation>
        </message>
        <message>
            <source>Date received</source>
            <translation>Date de réception</translation>
        </message>
        <message>
            <source>Where kept</source>
            <translation>Lieu de conservation</translation>
        </message>
        <message>
            <source>e.g. Locked drawer, branch office</source>
            <translation>p. ex. Tiroir fermé à clé, local de la section</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Description :</translation>
        </message>
        <message>
            <source>&amp;Received:</source>
            <translation>&amp;Reçu le :</translation>
        </message>
        <message>
            <source>&amp;Where kept:</source>
            <translation>&amp;Conservé où :</translation>
        </message>
        <message>
            <source>Give the date it was received.</source>
            <translation>Indiquez la date de réception.</translation>
        </message>
    </context>
    <context>
        <name>AgendaDialog</name>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>What falls due in the next %1 days</source>
            <translation>Ce qui arrive à échéance dans les %1 prochains jours</translation>
        </message>
        <message>
            <source>Agenda period</source>
            <translation>Période de l'agenda</translation>
        </message>
        <message>
            <source>Agenda items</source>
            <translation>Éléments de l'agenda</translation>
        </message>
        <message>
            <source>Day / time</source>
            <translation>Jour / heure</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Échéance</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Adhérent</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>En retard</translation>
        </message>
        <message>
            <source>Today, %1</source>
            <translation>Aujourd'hui, %1</translation>
        </message>
        <message>
            <source>All day</source>
            <translation>Toute la journée</translation>
        </message>
        <message>
            <source>Hearing</source>
            <translation>Audience</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Réunion</translation>
        </message>
        <message>
            <source>Nothing falls due.</source>
            <translation>Rien n'arrive à échéance.</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more after these</source>
            <translation>
                <numerusform>… et %n autre après ceux-ci</numerusform>
                <numerusform>… et %n autres après ceux-ci</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>casevault was locked</source>
            <translation>casevault a été verrouillé</translation>
        </message>
    </context>
    <context>
        <name>AttachQueue</name>
        <message>
            <source>Importing the email {0} into the paper trail ({1} of {2})…</source>
            <translation>Import du courriel {0} dans les traces écrites ({1} sur {2})…</translation>
        </message>
        <message>
            <source>Encrypting {0} ({1} of {2})…</source>
            <translation>Chiffrement de {0} ({1} sur {2})…</translation>
        </message>
        <message>
            <source>Attaching was cancelled; that file was not added.</source>
            <translation>Ajout annulé ; ce fichier n'a pas été ajouté.</translation>
        </message>
        <message>
            <source>Something went wrong while encrypting the file; it was not added.</source>
            <translation>Un problème est survenu pendant le chiffrement du fichier ; il n'a pas été ajouté.</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>Backup</source>
            <translation>Sauvegarde</translation>
        </message>
        <message>
            <source>A backup is one encrypted file holding the whole vault. Keep it somewhere else, such as a USB stick. It opens with the vault passphrase (not the system keychain, which stays on this computer).</source>
            <translation>Une sauvegarde est un seul fichier chiffré contenant tout le coffre. Conservez-la ailleurs, par exemple sur une clé USB. Elle s'ouvre avec la phrase de passe du coffre (pas avec le trousseau du système, qui reste sur cet ordinateur).</translation>
        </message>
        <message>
            <source>About backups</source>
            <translation>À propos des sauvegardes</translation>
        </message>
        <message>
            <source>A case deleted after this backup can still be read from this backup by anyone with the passphrase at the time; destroy old backups like the vault, or make a new backup after deleting and destroy the old one.</source>
            <translation>Un dossier supprimé après cette sauvegarde reste lisible dans celle-ci par toute personne connaissant la phrase de passe de l'époque ; détruisez les anciennes sauvegardes comme le coffre, ou faites une nouvelle sauvegarde après la suppression et détruisez l'ancienne.</translation>
        </message>
        <message>
            <source>Deleted cases and old backups</source>
            <translation>Dossiers supprimés et anciennes sauvegardes</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Jamais</translation>
        </message>
        <message>
            <source> days</source>
            <translation> jours</translation>
        </message>
        <message>
            <source>Remind me to back up every</source>
            <translation>Me rappeler de sauvegarder tous les</translation>
        </message>
        <message>
            <source>Passphrase for verifying</source>
            <translation>Phrase de passe pour la vérification</translation>
        </message>
        <message>
            <source>Passphrase (to verify)</source>
            <translation>Phrase de passe (pour vérifier)</translation>
        </message>
        <message>
            <source>&amp;Back up to…</source>
            <translation>&amp;Sauvegarder vers…</translation>
        </message>
        <message>
            <source>Back up to a file</source>
            <translation>Sauvegarder dans un fichier</translation>
        </message>
        <message>
            <source>&amp;Verify a backup…</source>
            <translation>&amp;Vérifier une sauvegarde…</translation>
        </message>
        <message>
            <source>Verify a backup</source>
            <translation>Vérifier une sauvegarde</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>Cancel the backup</source>
            <translation>Annuler la sauvegarde</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progression</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Back up the vault to</source>
            <translation>Sauvegarder le coffre dans</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Sauvegarde en cours…</translation>
        </message>
        <message>
            <source>The backup is written. Verify it with the passphrase to be sure.</source>
            <translation>La sauvegarde est écrite. Vérifiez-la avec la phrase de passe pour en être sûr.</translation>
        </message>
        <message>
            <source>Cancelled; no backup file was left behind.</source>
            <translation>Annulé ; aucun fichier de sauvegarde n'a été laissé.</translation>
        </message>
        <message>
            <source>The backup failed; nothing was written.</source>
            <translation>La sauvegarde a échoué ; rien n'a été écrit.</translation>
        </message>
        <message>
            <source>Choose a backup to verify</source>
            <translation>Choisir une sauvegarde à vérifier</translation>
        </message>
        <message>
            <source>Type the passphrase the vault had when the backup was made.</source>
            <translation>Saisissez la phrase de passe qu'avait le coffre lors de la sauvegarde.</translation>
        </message>
        <message>
            <source>Verifying: restoring into a private temporary folder…</source>
            <translation>Vérification : restauration dans un dossier temporaire privé…</translation>
        </message>
        <message>
            <source>This backup would not restore cleanly: %1</source>
            <translation>Cette sauvegarde ne se restaurerait pas correctement : %1</translation>
        </message>
        <message>
            <source>The backup is good: it restores, opens and passes the check.</source>
            <translation>La sauvegarde est bonne : elle se restaure, s'ouvre et passe la vérification.</translation>
        </message>
        <message>
            <source>Verification cancelled.</source>
            <translation>Vérification annulée.</translation>
        </message>
        <message>
            <source>The backup could not be verified.</source>
            <translation>La sauvegarde n'a pas pu être vérifiée.</translation>
        </message>
    </context>
    <context>
        <name>BreachDialog</name>
        <message>
            <source>Export the breach report</source>
            <translation>Exporter le rapport de violation</translation>
        </message>
        <message>
            <source>Report a confidentiality breach</source>
            <translation>Signaler une violation de confidentialité</translation>
        </message>
        <message>
            <source>The union's policy</source>
            <translation>La politique du syndicat</translation>
        </message>
        <message>
            <source>Describe what happened by case reference only: no names or details of members or anyone else in a case.</source>
            <translation>Décrivez ce qui s'est passé uniquement par référence de dossier : aucun nom ni détail concernant des adhérents ou toute autre personne d'un dossier.</translation>
        </message>
        <message>
            <source>How to fill in this form</source>
            <translation>Comment remplir ce formulaire</translation>
        </message>
        <message>
            <source>When it happened</source>
            <translation>Date des faits</translation>
        </message>
        <message>
            <source>When it was discovered</source>
            <translation>Date de la découverte</translation>
        </message>
        <message>
            <source>Kind of breach</source>
            <translation>Type de violation</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Ce qui s'est passé</translation>
        </message>
        <message>
            <source>Cases affected</source>
            <translation>Dossiers concernés</translation>
        </message>
        <message>
            <source>Case references, e.g. CV-2026-0001, CV-2026-0002</source>
            <translation>Références des dossiers, p. ex. CV-2026-0001, CV-2026-0002</translation>
        </message>
        <message>
            <source>When they were informed</source>
            <translation>Date à laquelle ils ont été informés</translation>
        </message>
        <message>
            <source>Actions taken</source>
            <translation>Mesures prises</translation>
        </message>
        <message>
            <source>&amp;Happened:</source>
            <translation>&amp;Survenue le :</translation>
        </message>
        <message>
            <source>&amp;Discovered:</source>
            <translation>&amp;Découverte le :</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Type :</translation>
        </message>
        <message>
            <source>&amp;What happened:</source>
            <translation>&amp;Ce qui s'est passé :</translation>
        </message>
        <message>
            <source>&amp;Cases affected:</source>
            <translation>Dossiers &amp;concernés :</translation>
        </message>
        <message>
            <source>Informed:</source>
            <translation>Informé(s) :</translation>
        </message>
        <message>
            <source>Informed &amp;on:</source>
            <translation>Informé(s) &amp;le :</translation>
        </message>
        <message>
            <source>&amp;Actions taken:</source>
            <translation>&amp;Mesures prises :</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>&amp;Record the breach</source>
            <translation>&amp;Enregistrer la violation</translation>
        </message>
        <message>
            <source>Record the breach</source>
            <translation>Enregistrer la violation</translation>
        </message>
        <message>
            <source>&amp;Export report…</source>
            <translation>E&amp;xporter le rapport…</translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>Exporter le rapport</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>The breach is recorded. Export the report to send it on; it holds case references only.</source>
            <translation>La violation est enregistrée. Exportez le rapport pour le transmettre ; il ne contient que des références de dossiers.</translation>
        </message>
        <message>
            <source>The report was exported.</source>
            <translation>Le rapport a été exporté.</translation>
        </message>
    </context>
    <context>
        <name>BreachLogDialog</name>
        <message>
            <source>Breach records</source>
            <translation>Registre des violations</translation>
        </message>
        <message>
            <source>Breaches recorded</source>
            <translation>Violations enregistrées</translation>
        </message>
        <message>
            <source>Discovered</source>
            <translation>Découverte</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Dossiers</translation>
        </message>
        <message>
            <source>72 hours end</source>
            <translation>Fin des 72 heures</translation>
        </message>
        <message>
            <source>&amp;Export report…</source>
            <translation>E&amp;xporter le rapport…</translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>Exporter le rapport</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>%1 (passed)</source>
            <translation>%1 (dépassé)</translation>
        </message>
        <message numerus="yes">
            <source>%1 (%n hour(s) left)</source>
            <translation>
                <numerusform>%1 (%n heure restante)</numerusform>
                <numerusform>%1 (%n heures restantes)</numerusform>
            </translation>
        </message>
        <message>
            <source>The report was exported.</source>
            <translation>Le rapport a été exporté.</translation>
        </message>
    </context>
    <context>
        <name>BulkDeleteDialog</name>
        <message>
            <source>Delete all expired cases</source>
            <translation>Supprimer tous les dossiers expirés</translation>
        </message>
        <message>
            <source>Cases past their archive period: %1. Deleting them is permanent and cannot be undone; a deletion record of each (no name, no content) is kept in the deletion log.</source>
            <translation>Dossiers dont la durée d'archivage est écoulée : %1. Leur suppression est définitive et irréversible ; une trace de suppression de chacun (sans nom ni contenu) est conservée dans le journal des suppressions.</translation>
        </message>
        <message>
            <source>Cases that still hold the member's originals are left for you to delete one by one: %1</source>
            <translation>Les dossiers qui contiennent encore des originaux de l'adhérent sont à supprimer un par un : %1</translation>
        </message>
        <message>
            <source>Type the number of cases to confirm</source>
            <translation>Saisissez le nombre de dossiers pour confirmer</translation>
        </message>
        <message>
            <source>&amp;Type the number of cases (%1) to confirm:</source>
            <translation>&amp;Saisissez le nombre de dossiers (%1) pour confirmer :</translation>
        </message>
        <message>
            <source>&amp;Delete all permanently</source>
            <translation>&amp;Tout supprimer définitivement</translation>
        </message>
        <message>
            <source>Delete all permanently</source>
            <translation>Tout supprimer définitivement</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>What will be deleted</source>
            <translation>Ce qui sera supprimé</translation>
        </message>
    </context>
    <context>
        <name>BulkPurge</name>
        <message>
            <source>Deleting cases permanently…</source>
            <translation>Suppression définitive des dossiers…</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>&amp;Arrêter</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
        <message>
            <source>Deleting cases</source>
            <translation>Suppression des dossiers</translation>
        </message>
        <message>
            <source>Deleted %1 of %2 cases…</source>
            <translation>%1 dossiers supprimés sur %2…</translation>
        </message>
    </context>
    <context>
        <name>CalendarExport</name>
        <message>
            <source>Export deadlines to a calendar</source>
            <translation>Exporter les échéances vers un calendrier</translation>
        </message>
        <message>
            <source>The calendar file is not encrypted. It holds case references and kinds of date only, never names, but keep it where only you can read it, and export it again when dates change. Export it?</source>
            <translation>Le fichier de calendrier n'est pas chiffré. Il ne contient que des références de dossier et des types de date, jamais de noms, mais gardez-le là où vous seul pouvez le lire, et exportez-le de nouveau quand les dates changent. L'exporter ?</translation>
        </message>
        <message numerus="yes">
            <source>%n date(s) written to the calendar file.</source>
            <translation>
                <numerusform>%n date écrite dans le fichier de calendrier.</numerusform>
                <numerusform>%n dates écrites dans le fichier de calendrier.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaseDatesPanel</name>
        <message>
            <source>Hearing</source>
            <translation>Audience</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Réunion</translation>
        </message>
        <message>
            <source>Hearings and meetings</source>
            <translation>Audiences et réunions</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Quand</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Date kind</source>
            <translation>Type de date</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>Date et heure</translation>
        </message>
        <message>
            <source>Date note</source>
            <translation>Note sur la date</translation>
        </message>
        <message>
            <source>Where, with whom (optional)</source>
            <translation>Où, avec qui (facultatif)</translation>
        </message>
        <message>
            <source>Add &amp;date</source>
            <translation>Ajouter une &amp;date</translation>
        </message>
        <message>
            <source>Add hearing or meeting</source>
            <translation>Ajouter une audience ou une réunion</translation>
        </message>
        <message>
            <source>Remo&amp;ve date</source>
            <translation>Su&amp;pprimer la date</translation>
        </message>
        <message>
            <source>Remove hearing or meeting</source>
            <translation>Supprimer l'audience ou la réunion</translation>
        </message>
        <message>
            <source>Hearings and meetings status</source>
            <translation>État des audiences et réunions</translation>
        </message>
        <message>
            <source>Please choose when it is.</source>
            <translation>Veuillez choisir la date.</translation>
        </message>
        <message>
            <source>Added. You will be reminded two days before.</source>
            <translation>Ajouté. Un rappel vous sera présenté deux jours avant.</translation>
        </message>
        <message>
            <source>Removed.</source>
            <translation>Supprimé.</translation>
        </message>
    </context>
    <context>
        <name>CaseHeader</name>
        <message>
            <source>Case header</source>
            <translation>En-tête du dossier</translation>
        </message>
        <message>
            <source>Case reference</source>
            <translation>Référence du dossier</translation>
        </message>
        <message>
            <source>Case member</source>
            <translation>Adhérent du dossier</translation>
        </message>
        <message>
            <source>Case type</source>
            <translation>Type de dossier</translation>
        </message>
        <message>
            <source>Case status</source>
            <translation>État du dossier</translation>
        </message>
        <message>
            <source>Procedure stage</source>
            <translation>Étape de la procédure</translation>
        </message>
        <message>
            <source>Next deadline</source>
            <translation>Prochaine échéance</translation>
        </message>
        <message>
            <source>No procedure</source>
            <translation>Aucune procédure</translation>
        </message>
        <message>
            <source>Procedure finished</source>
            <translation>Procédure terminée</translation>
        </message>
        <message>
            <source>Stage: %1</source>
            <translation>Étape : %1</translation>
        </message>
        <message>
            <source>No deadline ahead</source>
            <translation>Aucune échéance à venir</translation>
        </message>
        <message>
            <source>Next deadline: %1 (%2)</source>
            <translation>Prochaine échéance : %1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>CaseHistory</name>
        <message>
            <source>Case opened</source>
            <translation>Dossier ouvert</translation>
        </message>
        <message>
            <source>Case handed over to a colleague</source>
            <translation>Dossier transmis à un collègue</translation>
        </message>
        <message>
            <source>Case received by handover</source>
            <translation>Dossier reçu par transmission</translation>
        </message>
        <message>
            <source>Case closed</source>
            <translation>Dossier clos</translation>
        </message>
        <message>
            <source>Case reopened</source>
            <translation>Dossier rouvert</translation>
        </message>
        <message>
            <source>Document attached</source>
            <translation>Document joint</translation>
        </message>
        <message>
            <source>Document previewed</source>
            <translation>Document prévisualisé</translation>
        </message>
        <message>
            <source>Decrypted copy saved</source>
            <translation>Copie déchiffrée enregistrée</translation>
        </message>
        <message>
            <source>Document sent out in an encrypted zip</source>
            <translation>Document envoyé dans un zip chiffré</translation>
        </message>
        <message>
            <source>Encrypted zip made for sending</source>
            <translation>Zip chiffré créé pour l'envoi</translation>
        </message>
        <message>
            <source>Case summary PDF saved</source>
            <translation>Résumé PDF du dossier enregistré</translation>
        </message>
        <message>
            <source>Case deleted</source>
            <translation>Dossier supprimé</translation>
        </message>
        <message>
            <source>Person added to the case</source>
            <translation>Personne ajoutée au dossier</translation>
        </message>
        <message>
            <source>Person removed from the case</source>
            <translation>Personne retirée du dossier</translation>
        </message>
        <message>
            <source>Consent recorded</source>
            <translation>Consentement enregistré</translation>
        </message>
        <message>
            <source>Consent withdrawn</source>
            <translation>Consentement retiré</translation>
        </message>
        <message>
            <source>Escalation recorded</source>
            <translation>Escalade enregistrée</translation>
        </message>
        <message>
            <source>Paper-trail entry added</source>
            <translation>Entrée ajoutée aux traces écrites</translation>
        </message>
        <message>
            <source>Paper-trail entry edited (new version)</source>
            <translation>Entrée des traces écrites modifiée (nouvelle version)</translation>
        </message>
        <message>
            <source>First meeting saved</source>
            <translation>Premier entretien enregistré</translation>
        </message>
        <message>
            <source>Originals from the first meeting recorded as returned</source>
            <translation>Originaux du premier entretien notés comme rendus</translation>
        </message>
        <message>
            <source>Originals from the first meeting recorded as still held</source>
            <translation>Originaux du premier entretien notés comme toujours détenus</translation>
        </message>
        <message>
            <source>Action point added</source>
            <translation>Action à mener ajoutée</translation>
        </message>
        <message>
            <source>Action point done</source>
            <translation>Action à mener faite</translation>
        </message>
        <message>
            <source>Action point marked as not done</source>
            <translation>Action à mener marquée comme non faite</translation>
        </message>
        <message>
            <source>Hearing or meeting date added</source>
            <translation>Date d'audience ou de réunion ajoutée</translation>
        </message>
        <message>
            <source>Hearing or meeting date removed</source>
            <translation>Date d'audience ou de réunion retirée</translation>
        </message>
        <message>
            <source>Letter saved as a PDF</source>
            <translation>Lettre enregistrée en PDF</translation>
        </message>
        <message>
            <source>Original document received</source>
            <translation>Document original reçu</translation>
        </message>
        <message>
            <source>Original document returned</source>
            <translation>Document original rendu</translation>
        </message>
        <message>
            <source>Procedure started</source>
            <translation>Procédure engagée</translation>
        </message>
        <message>
            <source>Deadline counted</source>
            <translation>Échéance calculée</translation>
        </message>
        <message>
            <source>Deadline extended</source>
            <translation>Échéance prolongée</translation>
        </message>
        <message>
            <source>Stage time limit changed to the policy</source>
            <translation>Délai de l'étape aligné sur la politique</translation>
        </message>
        <message>
            <source>Deadline met: stage recorded as done</source>
            <translation>Échéance tenue : étape enregistrée comme faite</translation>
        </message>
        <message>
            <source>Overdue deadline set aside, with a reason</source>
            <translation>Échéance dépassée écartée, avec un motif</translation>
        </message>
        <message>
            <source>Deadline removed</source>
            <translation>Échéance supprimée</translation>
        </message>
        <message>
            <source>Case history</source>
            <translation>Historique du dossier</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Quand</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Quoi</translation>
        </message>
    </context>
    <context>
        <name>CaseListModel</name>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Adhérent</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Next date due</source>
            <translation>Prochaine échéance</translation>
        </message>
        <message>
            <source>Last updated</source>
            <translation>Dernière mise à jour</translation>
        </message>
        <message>
            <source>Found in</source>
            <translation>Trouvé dans</translation>
        </message>
        <message>
            <source>Member's name</source>
            <translation>Nom de l'adhérent</translation>
        </message>
        <message>
            <source>Case title</source>
            <translation>Titre du dossier</translation>
        </message>
        <message>
            <source>Paper trail</source>
            <translation>Traces écrites</translation>
        </message>
        <message>
            <source>Document name</source>
            <translation>Nom du document</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <source>First meeting</source>
            <translation>Premier entretien</translation>
        </message>
        <message>
            <source>Action point</source>
            <translation>Action à mener</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Personnes</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvert</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Clos</translation>
        </message>
        <message>
            <source>No case matches this search. Check the spelling, or try fewer or shorter words.</source>
            <translation>Aucun dossier ne correspond à cette recherche. Vérifiez l'orthographe, ou essayez des mots moins nombreux ou plus courts.</translation>
        </message>
        <message>
            <source>Only the cases the Show filter lists are searched: choose All to search every case.</source>
            <translation>Seuls les dossiers que liste le filtre Afficher sont cherchés : choisissez Tous pour chercher dans tous les dossiers.</translation>
        </message>
        <message>
            <source>No cases yet. Press New case to record a member's first meeting.</source>
            <translation>Aucun dossier pour l'instant. Appuyez sur Nouveau dossier pour noter le premier entretien d'un adhérent.</translation>
        </message>
        <message>
            <source>No open cases. Choose All in Show to see the closed ones, or press New case.</source>
            <translation>Aucun dossier ouvert. Choisissez Tous dans Afficher pour voir les dossiers clos, ou appuyez sur Nouveau dossier.</translation>
        </message>
        <message>
            <source>No closed cases. A case is listed here once it is closed.</source>
            <translation>Aucun dossier clos. Un dossier apparaît ici une fois clos.</translation>
        </message>
    </context>
    <context>
        <name>CasePage</name>
        <message>
            <source>Case</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>← &amp;Back to cases</source>
            <translation>← &amp;Retour aux dossiers</translation>
        </message>
        <message>
            <source>Back to cases</source>
            <translation>Retour aux dossiers</translation>
        </message>
        <message>
            <source>Case sections</source>
            <translation>Sections du dossier</translation>
        </message>
        <message>
            <source>Documents will appear here.</source>
            <translation>Les documents apparaîtront ici.</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>&amp;Overview</source>
            <translation>&amp;Vue d'ensemble</translation>
        </message>
        <message>
            <source>&amp;First meeting</source>
            <translation>Premier &amp;entretien</translation>
        </message>
        <message>
            <source>&amp;Paper trail</source>
            <translation>&amp;Traces écrites</translation>
        </message>
        <message>
            <source>&amp;Action points</source>
            <translation>&amp;Actions à mener</translation>
        </message>
        <message>
            <source>&amp;Documents</source>
            <translation>&amp;Documents</translation>
        </message>
        <message>
            <source>P&amp;eople</source>
            <translation>P&amp;ersonnes</translation>
        </message>
        <message>
            <source>Re&amp;view</source>
            <translation>&amp;Bilan</translation>
        </message>
        <message>
            <source>O&amp;riginals</source>
            <translation>&amp;Originaux</translation>
        </message>
        <message>
            <source>Proced&amp;ure</source>
            <translation>Procéd&amp;ure</translation>
        </message>
        <message>
            <source>Still open</source>
            <translation>Toujours ouvert</translation>
        </message>
        <message>
            <source>Due for deletion on %1</source>
            <translation>À supprimer le %1</translation>
        </message>
        <message>
            <source>Not closed</source>
            <translation>Non clos</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Member name</source>
            <translation>Nom de l'adhérent</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Ouvert le</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Clos</translation>
        </message>
        <message>
            <source>Deletion</source>
            <translation>Suppression</translation>
        </message>
        <message>
            <source>Preferred contact address</source>
            <translation>Adresse de contact préférée</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Non renseigné</translation>
        </message>
        <message>
            <source>%1:</source>
            <translation>%1 :</translation>
        </message>
        <message>
            <source>Work email warning</source>
            <translation>Avertissement sur l'adresse professionnelle</translation>
        </message>
        <message>
            <source>Delete case &amp;permanently…</source>
            <translation>Supprimer le dossier &amp;définitivement…</translation>
        </message>
        <message>
            <source>Delete case permanently</source>
            <translation>Supprimer le dossier définitivement</translation>
        </message>
        <message>
            <source>Erase this case and its documents for good; only closed cases can be deleted.</source>
            <translation>Effacer définitivement ce dossier et ses documents ; seuls les dossiers clos peuvent être supprimés.</translation>
        </message>
        <message>
            <source>&amp;Reopen case</source>
            <translation>&amp;Rouvrir le dossier</translation>
        </message>
        <message>
            <source>Reopen case</source>
            <translation>Rouvrir le dossier</translation>
        </message>
        <message>
            <source>C&amp;lose case…</source>
            <translation>C&amp;lore le dossier…</translation>
        </message>
        <message>
            <source>Close case</source>
            <translation>Clore le dossier</translation>
        </message>
        <message>
            <source>&amp;Write to the member…</source>
            <translation>É&amp;crire à l'adhérent…</translation>
        </message>
        <message>
            <source>Write to the member</source>
            <translation>Écrire à l'adhérent</translation>
        </message>
        <message>
            <source>Opens a draft in your email program with the address in Bcc and no attachment: send documents as an encrypted zip instead.</source>
            <translation>Ouvre un brouillon dans votre messagerie avec l'adresse en Cci et sans pièce jointe : envoyez plutôt les documents dans un zip chiffré.</translation>
        </message>
        <message>
            <source>&amp;History:</source>
            <translation>&amp;Historique :</translation>
        </message>
        <message>
            <source>Write a le&amp;tter…</source>
            <translation>Écrire u&amp;n courrier…</translation>
        </message>
        <message>
            <source>Write a letter</source>
            <translation>Écrire un courrier</translation>
        </message>
        <message>
            <source>A letter from a template, filled in from this case, to edit, file, save or email.</source>
            <translation>Un courrier tiré d'un modèle, rempli à partir de ce dossier, à modifier, classer, enregistrer ou envoyer par courriel.</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>E&amp;xporter…</translation>
        </message>
        <message>
            <source>Export as an encrypted zip</source>
            <translation>Exporter dans un zip chiffré</translation>
        </message>
        <message>
            <source>&amp;Hand over…</source>
            <translation>&amp;Transmettre…</translation>
        </message>
        <message>
            <source>Hand over to a colleague</source>
            <translation>Transmettre à un collègue</translation>
        </message>
    </context>
    <context>
        <name>ClockSettingsDialog</name>
        <message>
            <source>Deadlines and working days</source>
            <translation>Échéances et jours ouvrables</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>Juridiction</translation>
        </message>
        <message>
            <source>Refer tribunal cases, weeks before the limit</source>
            <translation>Transmettre les dossiers de tribunal, semaines avant le délai</translation>
        </message>
        <message>
            <source>Deadline warnings, days before</source>
            <translation>Alertes d'échéance, jours avant</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>&amp;Jurisdiction:</source>
            <translation>&amp;Juridiction :</translation>
        </message>
        <message>
            <source>&amp;Refer tribunal cases (weeks before):</source>
            <translation>&amp;Transmettre les dossiers de tribunal (semaines avant) :</translation>
        </message>
        <message>
            <source>Deadline &amp;warnings (days before):</source>
            <translation>Alert&amp;es d'échéance (jours avant) :</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Employer closure days</source>
            <translation>Jours de fermeture de l'employeur</translation>
        </message>
        <message>
            <source>Closure day to add</source>
            <translation>Jour de fermeture à ajouter</translation>
        </message>
        <message>
            <source>&amp;Add closure day</source>
            <translation>&amp;Ajouter un jour de fermeture</translation>
        </message>
        <message>
            <source>Add closure day</source>
            <translation>Ajouter un jour de fermeture</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>&amp;Retirer</translation>
        </message>
        <message>
            <source>Remove closure day</source>
            <translation>Retirer le jour de fermeture</translation>
        </message>
        <message>
            <source>Employer closure days (not counted as working days by procedure stages):</source>
            <translation>Jours de fermeture de l'employeur (non comptés comme jours ouvrables pour les étapes de procédure) :</translation>
        </message>
        <message>
            <source>Give the warnings as whole days, such as 28, 14, 7, 2, 1.</source>
            <translation>Indiquez les alertes en jours entiers, par exemple 28, 14, 7, 2, 1.</translation>
        </message>
    </context>
    <context>
        <name>CloseCaseDialog</name>
        <message>
            <source>Close case</source>
            <translation>Clore le dossier</translation>
        </message>
        <message>
            <source>Closing %1 keeps it for its archive period; then casevault reminds you to delete it permanently. You can reopen it until then.</source>
            <translation>Clore %1 le conserve pendant sa durée d'archivage ; casevault vous rappelle ensuite de le supprimer définitivement. Vous pouvez le rouvrir d'ici là.</translation>
        </message>
        <message>
            <source>Archive period in days</source>
            <translation>Durée d'archivage en jours</translation>
        </message>
        <message>
            <source> days</source>
            <translation> jours</translation>
        </message>
        <message>
            <source>Due for deletion on</source>
            <translation>À supprimer le</translation>
        </message>
        <message>
            <source>&amp;Archive period:</source>
            <translation>Durée d'&amp;archivage :</translation>
        </message>
        <message>
            <source>Due for deletion on:</source>
            <translation>À supprimer le :</translation>
        </message>
        <message>
            <source>The member's original documents are not recorded as returned. Return them before closing if you can; a reminder will ask until they are.</source>
            <translation>Les documents originaux de l'adhérent ne sont pas enregistrés comme rendus. Rendez-les avant de clore si possible ; un rappel vous le demandera jusqu'à ce qu'ils le soient.</translation>
        </message>
        <message>
            <source>Originals warning</source>
            <translation>Avertissement sur les originaux</translation>
        </message>
        <message>
            <source>Close case message</source>
            <translation>Message de clôture du dossier</translation>
        </message>
        <message>
            <source>&amp;Close case</source>
            <translation>&amp;Clore le dossier</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>Choose how the case ended…</source>
            <translation>Choisissez l'issue du dossier…</translation>
        </message>
        <message>
            <source>Remedy</source>
            <translation>Réparation obtenue</translation>
        </message>
        <message>
            <source>What was won, if anything (e.g. back pay, a warning removed)</source>
            <translation>Ce qui a été obtenu, le cas échéant (p. ex. rappel de salaire, avertissement retiré)</translation>
        </message>
        <message>
            <source>&amp;Outcome:</source>
            <translation>&amp;Issue :</translation>
        </message>
        <message>
            <source>Re&amp;medy:</source>
            <translation>Ré&amp;paration :</translation>
        </message>
        <message>
            <source>The first meeting prompted an escalation (dismissal threatened or discrimination alleged) and none is recorded. Record the escalation, or give the reason for closing without one; it goes into the paper trail.</source>
            <translation>Le premier entretien appelait une escalade (menace de licenciement ou discrimination alléguée) et aucune n'est enregistrée. Enregistrez l'escalade, ou indiquez pourquoi vous clôturez sans escalade ; ce motif est ajouté aux traces écrites.</translation>
        </message>
        <message>
            <source>Escalation warning</source>
            <translation>Avertissement sur l'escalade</translation>
        </message>
        <message>
            <source>&amp;Reason for closing without escalation:</source>
            <translation>&amp;Motif de clôture sans escalade :</translation>
        </message>
        <message>
            <source>Reason for closing without escalation</source>
            <translation>Motif de clôture sans escalade</translation>
        </message>
        <message>
            <source>Record &amp;escalation…</source>
            <translation>Enregistrer une &amp;escalade…</translation>
        </message>
        <message>
            <source>Record escalation</source>
            <translation>Enregistrer une escalade</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Possible conflict of interest</source>
            <translation>Conflit d'intérêts possible</translation>
        </message>
        <message>
            <source>Someone with a similar name is already in these cases (shown by reference and role only):</source>
            <translation>Une personne au nom semblable figure déjà dans ces dossiers (indiqués par référence et rôle uniquement) :</translation>
        </message>
        <message>
            <source>Matching cases</source>
            <translation>Dossiers correspondants</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>Role there</source>
            <translation>Rôle dans ce dossier</translation>
        </message>
        <message>
            <source>The guide on conflicting interests</source>
            <translation>Le guide sur les conflits d'intérêts</translation>
        </message>
        <message>
            <source>Your decision (recorded in the paper trail):</source>
            <translation>Votre décision (enregistrée dans les traces écrites) :</translation>
        </message>
        <message>
            <source>&amp;No conflict</source>
            <translation>&amp;Pas de conflit</translation>
        </message>
        <message>
            <source>No conflict</source>
            <translation>Pas de conflit</translation>
        </message>
        <message>
            <source>&amp;Step aside</source>
            <translation>&amp;Se retirer</translation>
        </message>
        <message>
            <source>Step aside</source>
            <translation>Se retirer</translation>
        </message>
        <message>
            <source>&amp;Refer on</source>
            <translation>&amp;Orienter ailleurs</translation>
        </message>
        <message>
            <source>Refer on</source>
            <translation>Orienter ailleurs</translation>
        </message>
        <message>
            <source>&amp;Record decision</source>
            <translation>&amp;Enregistrer la décision</translation>
        </message>
        <message>
            <source>Record decision</source>
            <translation>Enregistrer la décision</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>ConsentPanel</name>
        <message>
            <source>Consent</source>
            <translation>Consentement</translation>
        </message>
        <message>
            <source>Consents</source>
            <translation>Consentements</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>Portée</translation>
        </message>
        <message>
            <source>Given</source>
            <translation>Donné le</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Consent scope</source>
            <translation>Portée du consentement</translation>
        </message>
        <message>
            <source>Consent given on</source>
            <translation>Consentement donné le</translation>
        </message>
        <message>
            <source>Consent note</source>
            <translation>Note sur le consentement</translation>
        </message>
        <message>
            <source>How it was given (optional)</source>
            <translation>Comment il a été donné (facultatif)</translation>
        </message>
        <message>
            <source>Record &amp;consent</source>
            <translation>Enregistrer le &amp;consentement</translation>
        </message>
        <message>
            <source>Record consent</source>
            <translation>Enregistrer le consentement</translation>
        </message>
        <message>
            <source>&amp;Withdraw</source>
            <translation>&amp;Retirer</translation>
        </message>
        <message>
            <source>Withdraw consent</source>
            <translation>Retirer le consentement</translation>
        </message>
        <message>
            <source>Consent message</source>
            <translation>Message sur le consentement</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>En vigueur</translation>
        </message>
        <message>
            <source>Withdrawn on %1</source>
            <translation>Retiré le %1</translation>
        </message>
        <message>
            <source>Consent recorded.</source>
            <translation>Consentement enregistré.</translation>
        </message>
        <message>
            <source>Consent recorded as withdrawn.</source>
            <translation>Consentement enregistré comme retiré.</translation>
        </message>
    </context>
    <context>
        <name>CreateVaultDialog</name>
        <message>
            <source>Create your casevault</source>
            <translation>Créer votre casevault</translation>
        </message>
        <message>
            <source>Create vault</source>
            <translation>Créer le coffre</translation>
        </message>
        <message>
            <source>Choose a passphrase for your new vault. Everything in it is encrypted with this passphrase. If this computer's keychain is ever lost or reset, the passphrase is the only way back in: write it down and keep it somewhere safe.</source>
            <translation>Choisissez une phrase de passe pour votre nouveau coffre. Tout son contenu est chiffré avec cette phrase de passe. Si le trousseau de cet ordinateur est perdu ou réinitialisé, la phrase de passe est le seul moyen d'y accéder : notez-la et conservez-la en lieu sûr.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Phrase de passe</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>Répéter la phrase de passe</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Solidité de la phrase de passe</translation>
        </message>
        <message>
            <source>&amp;Remember on this computer (use the system keychain)</source>
            <translation>&amp;Mémoriser sur cet ordinateur (utiliser le trousseau du système)</translation>
        </message>
        <message>
            <source>Remember on this computer</source>
            <translation>Mémoriser sur cet ordinateur</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Phrase de passe :</translation>
        </message>
        <message>
            <source>Re&amp;peat it:</source>
            <translation>&amp;Répétez-la :</translation>
        </message>
        <message>
            <source>&amp;Create vault</source>
            <translation>&amp;Créer le coffre</translation>
        </message>
        <message>
            <source>Strong: several words make a passphrase that is hard to guess.</source>
            <translation>Solide : plusieurs mots font une phrase de passe difficile à deviner.</translation>
        </message>
        <message>
            <source>Acceptable. A few more words would make it stronger.</source>
            <translation>Acceptable. Quelques mots de plus la rendraient plus solide.</translation>
        </message>
        <message>
            <source>The passphrase is too short: use at least %1 characters (a few unrelated words work well).</source>
            <translation>La phrase de passe est trop courte : utilisez au moins %1 caractères (quelques mots sans rapport entre eux conviennent bien).</translation>
        </message>
        <message>
            <source>The passphrase repeats too few different characters to be safe.</source>
            <translation>La phrase de passe contient trop peu de caractères différents pour être sûre.</translation>
        </message>
        <message>
            <source>The two passphrases differ. Please type the same one twice.</source>
            <translation>Les deux phrases de passe diffèrent. Veuillez saisir deux fois la même.</translation>
        </message>
        <message>
            <source>Creating the vault…</source>
            <translation>Création du coffre…</translation>
        </message>
    </context>
    <context>
        <name>DeleteCaseDialog</name>
        <message>
            <source>Delete case permanently</source>
            <translation>Supprimer le dossier définitivement</translation>
        </message>
        <message>
            <source>Deleting a case is permanent and cannot be undone. Its notes, first meeting, action points and documents are erased from this vault, and its key is destroyed. A deletion record (reference, type and dates, with no name and no content) is kept in the deletion log.</source>
            <translation>La suppression d'un dossier est définitive et irréversible. Ses notes, son premier entretien, ses actions à mener et ses documents sont effacés de ce coffre, et sa clé est détruite. Une trace de suppression (référence, type et dates, sans nom ni contenu) est conservée dans le journal des suppressions.</translation>
        </message>
        <message>
            <source>What deletion means</source>
            <translation>Ce que signifie la suppression</translation>
        </message>
        <message>
            <source>Not closed</source>
            <translation>Non clos</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Due for deletion on</source>
            <translation>À supprimer le</translation>
        </message>
        <message>
            <source>%1:</source>
            <translation>%1 :</translation>
        </message>
        <message>
            <source>Type the reference to confirm</source>
            <translation>Saisissez la référence pour confirmer</translation>
        </message>
        <message>
            <source>&amp;Type the reference %1 to confirm:</source>
            <translation>&amp;Saisissez la référence %1 pour confirmer :</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Why the originals are not returned</source>
            <translation>Pourquoi les originaux ne sont pas rendus</translation>
        </message>
        <message>
            <source>Choose a reason…</source>
            <translation>Choisissez un motif…</translation>
        </message>
        <message>
            <source>&lt;b&gt;The member's original documents are not recorded as returned.&lt;/b&gt; Return them first if you can; otherwise choose why they are not being returned.</source>
            <translation>&lt;b&gt;Les documents originaux de l'adhérent ne sont pas enregistrés comme rendus.&lt;/b&gt; Rendez-les d'abord si possible ; sinon, indiquez pourquoi ils ne sont pas rendus.</translation>
        </message>
        <message>
            <source>Originals warning</source>
            <translation>Avertissement sur les originaux</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motif :</translation>
        </message>
        <message>
            <source>&amp;Delete permanently</source>
            <translation>&amp;Supprimer définitivement</translation>
        </message>
        <message>
            <source>Delete permanently</source>
            <translation>Supprimer définitivement</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Fermer</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Case %1 was deleted permanently on %2.</source>
            <translation>Le dossier %1 a été supprimé définitivement le %2.</translation>
        </message>
    </context>
    <context>
        <name>DeletionLogDialog</name>
        <message>
            <source>Deletion log</source>
            <translation>Journal des suppressions</translation>
        </message>
        <message>
            <source>Cases deleted permanently from this vault. The records hold no names and no content; export them as proof for the union as data controller.</source>
            <translation>Dossiers supprimés définitivement de ce coffre. Les traces ne contiennent ni nom ni contenu ; exportez-les comme preuve pour le syndicat en tant que responsable du traitement.</translation>
        </message>
        <message>
            <source>About the deletion log</source>
            <translation>À propos du journal des suppressions</translation>
        </message>
        <message>
            <source>Deletion records</source>
            <translation>Traces de suppression</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Ouvert le</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Clos</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Supprimé le</translation>
        </message>
        <message>
            <source>Originals</source>
            <translation>Originaux</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exporter…</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>Export the deletion log</source>
            <translation>Exporter le journal des suppressions</translation>
        </message>
        <message>
            <source>%1 already exists; choose a new file name.</source>
            <translation>%1 existe déjà ; choisissez un autre nom de fichier.</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>Impossible d'écrire %1 : %2</translation>
        </message>
        <message>
            <source>Exported the deletion log to %1.</source>
            <translation>Journal des suppressions exporté vers %1.</translation>
        </message>
    </context>
    <context>
        <name>DeviceCheckDialog</name>
        <message>
            <source>Check this device</source>
            <translation>Vérifier cet appareil</translation>
        </message>
        <message>
            <source>Casework files must be kept encrypted, and the computer locked when you are not using it. casevault checks what it can on this computer.</source>
            <translation>Les dossiers doivent rester chiffrés, et l'ordinateur verrouillé lorsque vous ne l'utilisez pas. casevault vérifie ce qu'il peut sur cet ordinateur.</translation>
        </message>
        <message>
            <source>About the device check</source>
            <translation>À propos de la vérification de l'appareil</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Vérification…</translation>
        </message>
        <message>
            <source>Disk encryption</source>
            <translation>Chiffrement du disque</translation>
        </message>
        <message>
            <source>Screen lock</source>
            <translation>Verrouillage de l'écran</translation>
        </message>
        <message>
            <source>What to do</source>
            <translation>Que faire</translation>
        </message>
        <message>
            <source>Check &amp;again</source>
            <translation>&amp;Vérifier à nouveau</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Vérifier à nouveau</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>Bon</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>À surveiller</translation>
        </message>
        <message>
            <source>Could not tell</source>
            <translation>Impossible à déterminer</translation>
        </message>
        <message>
            <source>%1: %2. %3</source>
            <translation>%1 : %2. %3</translation>
        </message>
    </context>
    <context>
        <name>DocumentsPanel</name>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>Document list</source>
            <translation>Liste des documents</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Ajouté le</translation>
        </message>
        <message>
            <source>&amp;Attach documents…</source>
            <translation>&amp;Joindre des documents…</translation>
        </message>
        <message>
            <source>Attach documents</source>
            <translation>Joindre des documents</translation>
        </message>
        <message>
            <source>Attach documents (Ctrl+O); you can also drop files here</source>
            <translation>Joindre des documents (Ctrl+O) ; vous pouvez aussi déposer des fichiers ici</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Aperçu</translation>
        </message>
        <message>
            <source>Preview document</source>
            <translation>Aperçu du document</translation>
        </message>
        <message>
            <source>Save a &amp;decrypted copy…</source>
            <translation>Enregistrer une copie &amp;déchiffrée…</translation>
        </message>
        <message>
            <source>Save a decrypted copy</source>
            <translation>Enregistrer une copie déchiffrée</translation>
        </message>
        <message>
            <source>Encryption progress</source>
            <translation>Progression du chiffrement</translation>
        </message>
        <message>
            <source>Attaching status</source>
            <translation>État de l'ajout</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>Cancel attaching</source>
            <translation>Annuler l'ajout</translation>
        </message>
        <message>
            <source>Documents message</source>
            <translation>Message sur les documents</translation>
        </message>
        <message>
            <source>Please wait until the copy is saved, then attach the documents again.</source>
            <translation>Veuillez attendre que la copie soit enregistrée, puis joignez à nouveau les documents.</translation>
        </message>
        <message>
            <source>The email was stored and added to the paper trail.</source>
            <translation>Le courriel a été conservé et ajouté aux traces écrites.</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Annulation…</translation>
        </message>
        <message>
            <source>This document is too large to preview; save a decrypted copy instead.</source>
            <translation>Ce document est trop volumineux pour l'aperçu ; enregistrez plutôt une copie déchiffrée.</translation>
        </message>
        <message>
            <source>This document could not be opened.</source>
            <translation>Ce document n'a pas pu être ouvert.</translation>
        </message>
        <message>
            <source>Saving a decrypted copy…</source>
            <translation>Enregistrement d'une copie déchiffrée…</translation>
        </message>
        <message>
            <source>Saved a decrypted copy. It is not protected by the vault.</source>
            <translation>Copie déchiffrée enregistrée. Elle n'est pas protégée par le coffre.</translation>
        </message>
        <message>
            <source>Saving was cancelled; no copy was written.</source>
            <translation>Enregistrement annulé ; aucune copie n'a été écrite.</translation>
        </message>
        <message>
            <source>The copy could not be saved.</source>
            <translation>La copie n'a pas pu être enregistrée.</translation>
        </message>
    </context>
    <context>
        <name>EditEntryDialog</name>
        <message>
            <source>Edit entry</source>
            <translation>Modifier l'entrée</translation>
        </message>
        <message>
            <source>The entry is sealed: saving adds a new version, and every earlier version is kept.</source>
            <translation>L'entrée est scellée : enregistrer ajoute une nouvelle version, et toutes les versions précédentes sont conservées.</translation>
        </message>
        <message>
            <source>New text</source>
            <translation>Nouveau texte</translation>
        </message>
        <message>
            <source>&amp;Save new version</source>
            <translation>&amp;Enregistrer la nouvelle version</translation>
        </message>
        <message>
            <source>Save new version</source>
            <translation>Enregistrer la nouvelle version</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>EmailPane</name>
        <message>
            <source>Email preview</source>
            <translation>Aperçu du courriel</translation>
        </message>
        <message>
            <source>Email sender</source>
            <translation>Expéditeur du courriel</translation>
        </message>
        <message>
            <source>Email recipients</source>
            <translation>Destinataires du courriel</translation>
        </message>
        <message>
            <source>Email copied to</source>
            <translation>Copie du courriel à</translation>
        </message>
        <message>
            <source>Email date</source>
            <translation>Date du courriel</translation>
        </message>
        <message>
            <source>Email subject</source>
            <translation>Objet du courriel</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>De :</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>À :</translation>
        </message>
        <message>
            <source>Cc:</source>
            <translation>Cc :</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>Date :</translation>
        </message>
        <message>
            <source>Subject:</source>
            <translation>Objet :</translation>
        </message>
        <message>
            <source>Email notes</source>
            <translation>Remarques sur le courriel</translation>
        </message>
        <message>
            <source>Email body</source>
            <translation>Texte du courriel</translation>
        </message>
        <message>
            <source>Attachments:</source>
            <translation>Pièces jointes :</translation>
        </message>
        <message>
            <source>Email attachments</source>
            <translation>Pièces jointes du courriel</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(aucun)</translation>
        </message>
        <message>
            <source>Not dated</source>
            <translation>Non daté</translation>
        </message>
        <message>
            <source>(no name: %1)</source>
            <translation>(sans nom : %1)</translation>
        </message>
    </context>
    <context>
        <name>EscalationDialog</name>
        <message>
            <source>Record escalation</source>
            <translation>Enregistrer une escalade</translation>
        </message>
        <message>
            <source>Escalated to</source>
            <translation>Transmis à</translation>
        </message>
        <message>
            <source>e.g. the branch's senior caseworker</source>
            <translation>p. ex. le chargé de dossiers expérimenté de la section</translation>
        </message>
        <message>
            <source>When escalated</source>
            <translation>Date de l'escalade</translation>
        </message>
        <message>
            <source>How escalated</source>
            <translation>Moyen de l'escalade</translation>
        </message>
        <message>
            <source>The &amp;regional office was notified</source>
            <translation>Le &amp;bureau régional a été informé</translation>
        </message>
        <message>
            <source>Regional office notified</source>
            <translation>Bureau régional informé</translation>
        </message>
        <message>
            <source>Escalation message</source>
            <translation>Message sur l'escalade</translation>
        </message>
        <message>
            <source>Escalated &amp;to:</source>
            <translation>&amp;Transmis à :</translation>
        </message>
        <message>
            <source>&amp;When:</source>
            <translation>&amp;Quand :</translation>
        </message>
        <message>
            <source>&amp;How:</source>
            <translation>&amp;Comment :</translation>
        </message>
        <message>
            <source>&amp;Record escalation</source>
            <translation>&amp;Enregistrer l'escalade</translation>
        </message>
        <message>
            <source>Save escalation</source>
            <translation>Enregistrer l'escalade</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Send the case as an encrypted zip</source>
            <translation>Envoyer le dossier dans un zip chiffré</translation>
        </message>
        <message>
            <source>Documents to send</source>
            <translation>Documents à envoyer</translation>
        </message>
        <message>
            <source>&amp;Documents:</source>
            <translation>&amp;Documents :</translation>
        </message>
        <message>
            <source>Include a case &amp;summary PDF</source>
            <translation>Inclure un ré&amp;sumé PDF du dossier</translation>
        </message>
        <message>
            <source>Include a case summary PDF</source>
            <translation>Inclure un résumé PDF du dossier</translation>
        </message>
        <message>
            <source>&amp;Neutral file names inside the zip (document-01.pdf…)</source>
            <translation>Noms de fichiers &amp;neutres dans le zip (document-01.pdf…)</translation>
        </message>
        <message>
            <source>Neutral file names inside the zip</source>
            <translation>Noms de fichiers neutres dans le zip</translation>
        </message>
        <message>
            <source>The names of the files inside a zip can be read without its password.</source>
            <translation>Les noms des fichiers d'un zip sont lisibles sans son mot de passe.</translation>
        </message>
        <message>
            <source>Everything held about the &amp;member (subject access request)</source>
            <translation>Tout ce qui est détenu sur l'&amp;adhérent (demande d'accès aux données)</translation>
        </message>
        <message>
            <source>Subject access request</source>
            <translation>Demande d'accès aux données</translation>
        </message>
        <message>
            <source>For the member themselves: a summary of each of their cases and all their documents, in one encrypted zip.</source>
            <translation>Pour l'adhérent lui-même : un résumé de chacun de ses dossiers et tous ses documents, dans un seul zip chiffré.</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Destinataire</translation>
        </message>
        <message>
            <source>&amp;Recipient:</source>
            <translation>Desti&amp;nataire :</translation>
        </message>
        <message>
            <source>Kind of recipient</source>
            <translation>Type de destinataire</translation>
        </message>
        <message>
            <source>Another rep</source>
            <translation>Un autre délégué</translation>
        </message>
        <message>
            <source>The regional office</source>
            <translation>Le bureau régional</translation>
        </message>
        <message>
            <source>The member</source>
            <translation>L'adhérent</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Type :</translation>
        </message>
        <message>
            <source>Consent problem</source>
            <translation>Problème de consentement</translation>
        </message>
        <message>
            <source>Zip password</source>
            <translation>Mot de passe du zip</translation>
        </message>
        <message>
            <source>&amp;Generate password</source>
            <translation>&amp;Générer un mot de passe</translation>
        </message>
        <message>
            <source>Generate password</source>
            <translation>Générer un mot de passe</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>Co&amp;pier</translation>
        </message>
        <message>
            <source>Copy the password</source>
            <translation>Copier le mot de passe</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>&amp;Mot de passe :</translation>
        </message>
        <message>
            <source>Send this password by a different channel from the zip (a phone call or a text message, not the same email).</source>
            <translation>Envoyez ce mot de passe par un autre canal que le zip (un appel ou un SMS, pas le même courriel).</translation>
        </message>
        <message>
            <source>The zip opens with 7-Zip on Windows, or Keka or The Unarchiver on macOS; Windows Explorer and macOS Archive Utility cannot open this kind of encrypted zip.</source>
            <translation>Le zip s'ouvre avec 7-Zip sous Windows, ou Keka ou The Unarchiver sous macOS ; l'Explorateur Windows et l'Utilitaire d'archive de macOS ne savent pas ouvrir ce type de zip chiffré.</translation>
        </message>
        <message>
            <source>Password advice</source>
            <translation>Conseil sur le mot de passe</translation>
        </message>
        <message>
            <source>Save the zip as</source>
            <translation>Enregistrer le zip sous</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>C&amp;hoisir…</translation>
        </message>
        <message>
            <source>Choose where to save the zip</source>
            <translation>Choisir où enregistrer le zip</translation>
        </message>
        <message>
            <source>Save &amp;as:</source>
            <translation>Enregistrer &amp;sous :</translation>
        </message>
        <message>
            <source>Export progress</source>
            <translation>Progression de l'export</translation>
        </message>
        <message>
            <source>Export status</source>
            <translation>État de l'export</translation>
        </message>
        <message>
            <source>&amp;Print summary…</source>
            <translation>&amp;Imprimer le résumé…</translation>
        </message>
        <message>
            <source>Print the case summary</source>
            <translation>Imprimer le résumé du dossier</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Exporter</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Save the encrypted zip as</source>
            <translation>Enregistrer le zip chiffré sous</translation>
        </message>
        <message>
            <source>Writing the encrypted zip…</source>
            <translation>Écriture du zip chiffré…</translation>
        </message>
        <message>
            <source>The encrypted zip was saved. Send the password by a different channel.</source>
            <translation>Le zip chiffré a été enregistré. Envoyez le mot de passe par un autre canal.</translation>
        </message>
        <message>
            <source>The export was cancelled; no file was written.</source>
            <translation>L'export a été annulé ; aucun fichier n'a été écrit.</translation>
        </message>
        <message>
            <source>Something went wrong while writing the zip; no file was written.</source>
            <translation>Un problème est survenu pendant l'écriture du zip ; aucun fichier n'a été écrit.</translation>
        </message>
    </context>
    <context>
        <name>FigureCharts</name>
        <message>
            <source>Still open</source>
            <translation>Toujours ouvert</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Non renseigné</translation>
        </message>
        <message>
            <source>No procedure</source>
            <translation>Aucune procédure</translation>
        </message>
        <message>
            <source>Procedure not started</source>
            <translation>Procédure non commencée</translation>
        </message>
        <message>
            <source>hidden</source>
            <translation>masqué</translation>
        </message>
        <message>
            <source>Not shown: too few cases to count without picking someone out.</source>
            <translation>Non affiché : trop peu de dossiers pour compter sans désigner quelqu'un.</translation>
        </message>
    </context>
    <context>
        <name>FiguresPdf</name>
        <message>
            <source>Cases by type</source>
            <translation>Dossiers par type</translation>
        </message>
        <message>
            <source>Cases by outcome</source>
            <translation>Dossiers par issue</translation>
        </message>
        <message>
            <source>Cases by furthest procedure stage done</source>
            <translation>Dossiers par étape de procédure la plus avancée</translation>
        </message>
        <message>
            <source>Cases by month opened</source>
            <translation>Dossiers par mois d'ouverture</translation>
        </message>
        <message>
            <source>Cases by month closed</source>
            <translation>Dossiers par mois de clôture</translation>
        </message>
        <message>
            <source>All cases in this vault, open and closed.</source>
            <translation>Tous les dossiers de ce coffre, ouverts et clos.</translation>
        </message>
        <message>
            <source>Cases opened on or after %1, open and closed.</source>
            <translation>Dossiers ouverts à partir du %1, ouverts et clos.</translation>
        </message>
        <message>
            <source>A count under %1 cases is hidden, and so is any count that would let one be worked out. The figures hold codes and counts only: no names, references or notes.</source>
            <translation>Un effectif inférieur à %1 dossiers est masqué, ainsi que tout effectif qui permettrait de le retrouver. Les chiffres ne contiennent que des codes et des effectifs : aucun nom, aucune référence, aucune note.</translation>
        </message>
        <message>
            <source>Branch figures</source>
            <translation>Statistiques de la section</translation>
        </message>
        <message>
            <source>Made on %1.</source>
            <translation>Établi le %1.</translation>
        </message>
        <message>
            <source>Cases opened per month</source>
            <translation>Dossiers ouverts par mois</translation>
        </message>
        <message>
            <source>How cases ended</source>
            <translation>Issue des dossiers</translation>
        </message>
        <message>
            <source>Tables</source>
            <translation>Tableaux</translation>
        </message>
        <message>
            <source>Median days to resolution, all closed cases:</source>
            <translation>Durée médiane de résolution en jours, tous les dossiers clos :</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Dossiers</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>Part</translation>
        </message>
        <message>
            <source>Median days to resolution</source>
            <translation>Durée médiane de résolution (jours)</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>FiguresWindow</name>
        <message>
            <source>Branch figures</source>
            <translation>Statistiques de la section</translation>
        </message>
        <message>
            <source>Cases counted by type, outcome, stage and month: codes and counts only, no names, references or notes. A hatched bar or “hidden” is a count under the threshold, or one hidden so that a small count cannot be worked out.</source>
            <translation>Dossiers comptés par type, issue, étape et mois : des codes et des effectifs seulement, sans nom, référence ni note. Une barre hachurée ou « masqué » est un effectif inférieur au seuil, ou masqué pour qu'un petit effectif ne puisse pas être retrouvé.</translation>
        </message>
        <message>
            <source>About the branch figures</source>
            <translation>À propos des statistiques de la section</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Comptage…</translation>
        </message>
        <message>
            <source>Figures status</source>
            <translation>État des statistiques</translation>
        </message>
        <message>
            <source>Only cases opened on or &amp;after:</source>
            <translation>Seulement les dossiers ou&amp;verts à partir du :</translation>
        </message>
        <message>
            <source>Only cases opened on or after a date</source>
            <translation>Seulement les dossiers ouverts à partir d'une date</translation>
        </message>
        <message>
            <source>Opened on or after</source>
            <translation>Ouverts à partir du</translation>
        </message>
        <message>
            <source>Hide counts under</source>
            <translation>Masquer les effectifs inférieurs à</translation>
        </message>
        <message>
            <source> cases</source>
            <translation> dossiers</translation>
        </message>
        <message>
            <source>&amp;Hide counts under:</source>
            <translation>&amp;Masquer les effectifs inférieurs à :</translation>
        </message>
        <message>
            <source>Cases opened per month</source>
            <translation>Dossiers ouverts par mois</translation>
        </message>
        <message>
            <source>How cases ended</source>
            <translation>Issue des dossiers</translation>
        </message>
        <message>
            <source>How cases ended (share of all cases counted)</source>
            <translation>Issue des dossiers (part de tous les dossiers comptés)</translation>
        </message>
        <message>
            <source>Figures tables</source>
            <translation>Tableaux des statistiques</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Catégorie</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Dossiers</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>Part</translation>
        </message>
        <message>
            <source>Median days</source>
            <translation>Jours (médiane)</translation>
        </message>
        <message>
            <source>Median days from opening to closing, closed cases only</source>
            <translation>Nombre médian de jours entre l'ouverture et la clôture, dossiers clos seulement</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Export &amp;CSV…</source>
            <translation>Exporter en &amp;CSV…</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Exporter en CSV</translation>
        </message>
        <message>
            <source>Export &amp;PDF…</source>
            <translation>Exporter en &amp;PDF…</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>Exporter en PDF</translation>
        </message>
        <message>
            <source>The figures could not be counted.</source>
            <translation>Les statistiques n’ont pas pu être comptées.</translation>
        </message>
        <message>
            <source>Too few cases to show any figures without picking someone out.</source>
            <translation>Trop peu de dossiers pour afficher des chiffres sans désigner quelqu'un.</translation>
        </message>
        <message>
            <source>%1 cases counted; counts under %2 are hidden.</source>
            <translation>%1 dossiers comptés ; les effectifs inférieurs à %2 sont masqués.</translation>
        </message>
        <message>
            <source>Median days to resolution, all closed cases</source>
            <translation>Durée médiane de résolution en jours, tous les dossiers clos</translation>
        </message>
        <message>
            <source>Export the figures as CSV</source>
            <translation>Exporter les statistiques en CSV</translation>
        </message>
        <message>
            <source>Export the figures as PDF</source>
            <translation>Exporter les statistiques en PDF</translation>
        </message>
        <message>
            <source>Saved the figures to %1. The file is not encrypted: it holds codes and counts only, with small counts hidden. Say which period it covers when you share it.</source>
            <translation>Statistiques enregistrées dans %1. Le fichier n'est pas chiffré : il ne contient que des codes et des effectifs, les petits effectifs étant masqués. Indiquez la période couverte quand vous le partagez.</translation>
        </message>
    </context>
    <context>
        <name>FileDialogs</name>
        <message>
            <source>Save a decrypted copy</source>
            <translation>Enregistrer une copie déchiffrée</translation>
        </message>
        <message>
            <source>The copy you save is not protected by the vault: anyone who can open that folder can read it. Keep it only as long as you need it. Save a copy?</source>
            <translation>La copie enregistrée n'est pas protégée par le coffre : toute personne pouvant ouvrir ce dossier peut la lire. Ne la conservez que le temps nécessaire. Enregistrer une copie ?</translation>
        </message>
    </context>
    <context>
        <name>FirstMeetingForm</name>
        <message>
            <source>Date held</source>
            <translation>Date de l'entretien</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Non renseigné</translation>
        </message>
        <message>
            <source>Issues identified and agreed</source>
            <translation>Points identifiés et convenus</translation>
        </message>
        <message>
            <source>New issue</source>
            <translation>Nouveau point</translation>
        </message>
        <message>
            <source>Type an issue, then Add issue</source>
            <translation>Saisissez un point, puis Ajouter le point</translation>
        </message>
        <message>
            <source>Add issue</source>
            <translation>Ajouter le point</translation>
        </message>
        <message>
            <source>Remove issue</source>
            <translation>Retirer le point</translation>
        </message>
        <message>
            <source>Narrative agreed</source>
            <translation>Récit convenu</translation>
        </message>
        <message>
            <source>Dismissal threatened?</source>
            <translation>Menace de licenciement ?</translation>
        </message>
        <message>
            <source>Discrimination alleged?</source>
            <translation>Discrimination alléguée ?</translation>
        </message>
        <message>
            <source>Escalation advice</source>
            <translation>Conseil d'escalade</translation>
        </message>
        <message>
            <source>Confidentiality explained to the member</source>
            <translation>Confidentialité expliquée à l'adhérent</translation>
        </message>
        <message>
            <source>Original documents received</source>
            <translation>Documents originaux reçus</translation>
        </message>
        <message>
            <source>&amp;Returned to the member</source>
            <translation>&amp;Rendus à l'adhérent</translation>
        </message>
        <message>
            <source>Originals returned to the member</source>
            <translation>Originaux rendus à l'adhérent</translation>
        </message>
        <message>
            <source>Recorded at once. A case cannot be deleted while its originals are held. List each original, where it is kept and its return on the Originals tab.</source>
            <translation>Enregistré immédiatement. Un dossier ne peut pas être supprimé tant que ses originaux sont détenus. Listez chaque original, son lieu de conservation et sa restitution dans l'onglet Originaux.</translation>
        </message>
        <message>
            <source>Member's decision (in the member's own words)</source>
            <translation>Décision de l'adhérent (dans ses propres mots)</translation>
        </message>
        <message>
            <source>First meeting status</source>
            <translation>État du premier entretien</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>Date &amp;held:</source>
            <translation>&amp;Date de l'entretien :</translation>
        </message>
        <message>
            <source>&amp;Issues identified and agreed:</source>
            <translation>&amp;Points identifiés et convenus :</translation>
        </message>
        <message>
            <source>&amp;Narrative agreed:</source>
            <translation>Récit &amp;convenu :</translation>
        </message>
        <message>
            <source>&amp;Original documents received:</source>
            <translation>Documents &amp;originaux reçus :</translation>
        </message>
        <message>
            <source>Member's &amp;decision
(in the member's own words):</source>
            <translation>Dé&amp;cision de l'adhérent
(dans ses propres mots) :</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Enregistré.</translation>
        </message>
        <message>
            <source>Recorded: the originals were returned.</source>
            <translation>Enregistré : les originaux ont été rendus.</translation>
        </message>
        <message>
            <source>Recorded: the originals are still held.</source>
            <translation>Enregistré : les originaux sont toujours détenus.</translation>
        </message>
        <message>
            <source>Unsaved changes.</source>
            <translation>Modifications non enregistrées.</translation>
        </message>
    </context>
    <context>
        <name>HandoverDialog</name>
        <message>
            <source>Hand over a case</source>
            <translation>Transmettre un dossier</translation>
        </message>
        <message>
            <source>My handover key</source>
            <translation>Ma clé de transmission</translation>
        </message>
        <message>
            <source>Share this with colleagues who hand cases to you.</source>
            <translation>Communiquez-la aux collègues qui vous transmettent des dossiers.</translation>
        </message>
        <message>
            <source>This vault's handover key</source>
            <translation>La clé de transmission de ce coffre</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>Co&amp;pier</translation>
        </message>
        <message>
            <source>Copy my handover key</source>
            <translation>Copier ma clé de transmission</translation>
        </message>
        <message>
            <source>My signing fingerprint (read it to colleagues by phone):</source>
            <translation>Mon empreinte de signature (à lire à vos collègues par téléphone) :</translation>
        </message>
        <message>
            <source>This vault's signing fingerprint</source>
            <translation>L'empreinte de signature de ce coffre</translation>
        </message>
        <message>
            <source>Colleague's handover key</source>
            <translation>Clé de transmission du collègue</translation>
        </message>
        <message>
            <source>age1…</source>
            <translation>age1…</translation>
        </message>
        <message>
            <source>&amp;Hand over case…</source>
            <translation>&amp;Transmettre le dossier…</translation>
        </message>
        <message>
            <source>Hand over case</source>
            <translation>Transmettre le dossier</translation>
        </message>
        <message>
            <source>Hand over %1</source>
            <translation>Transmettre %1</translation>
        </message>
        <message>
            <source>Hand over this case</source>
            <translation>Transmettre ce dossier</translation>
        </message>
        <message>
            <source>Paste your colleague's handover key:</source>
            <translation>Collez la clé de transmission de votre collègue :</translation>
        </message>
        <message>
            <source>&amp;Delete my copy…</source>
            <translation>&amp;Supprimer ma copie…</translation>
        </message>
        <message>
            <source>Delete my copy</source>
            <translation>Supprimer ma copie</translation>
        </message>
        <message>
            <source>Closes the case now, then asks you to confirm its permanent deletion by typing its reference.</source>
            <translation>Clôt le dossier maintenant, puis vous demande de confirmer sa suppression définitive en saisissant sa référence.</translation>
        </message>
        <message>
            <source>&amp;Receive a case…</source>
            <translation>&amp;Recevoir un dossier…</translation>
        </message>
        <message>
            <source>Receive a case</source>
            <translation>Recevoir un dossier</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progression</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Dialog buttons</source>
            <translation>Boutons de la boîte de dialogue</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>Expéditeur</translation>
        </message>
        <message>
            <source>I have compared it &amp;by phone</source>
            <translation>Je l'ai comparée &amp;par téléphone</translation>
        </message>
        <message>
            <source>Confirm sender by phone</source>
            <translation>Confirmer l'expéditeur par téléphone</translation>
        </message>
        <message>
            <source>Your handover key is copied.</source>
            <translation>Votre clé de transmission est copiée.</translation>
        </message>
        <message>
            <source>Stopped; nothing was kept.</source>
            <translation>Arrêté ; rien n'a été conservé.</translation>
        </message>
        <message>
            <source>Something went wrong; nothing was kept.</source>
            <translation>Un problème est survenu ; rien n'a été conservé.</translation>
        </message>
        <message>
            <source>Save the handover bundle</source>
            <translation>Enregistrer le paquet de transmission</translation>
        </message>
        <message>
            <source>Encrypting the case for your colleague…</source>
            <translation>Chiffrement du dossier pour votre collègue…</translation>
        </message>
        <message>
            <source>The case is handed over: only your colleague's key opens the bundle. Once they confirm they have it, delete your copy so the case is kept in one place only.</source>
            <translation>Le dossier est transmis : seule la clé de votre collègue ouvre le paquet. Dès qu'il confirme l'avoir reçu, supprimez votre copie pour que le dossier ne soit conservé qu'à un seul endroit.</translation>
        </message>
        <message>
            <source>Choose a handover bundle</source>
            <translation>Choisir un paquet de transmission</translation>
        </message>
        <message>
            <source>Checking the bundle…</source>
            <translation>Vérification du paquet…</translation>
        </message>
        <message>
            <source>Received as %1.</source>
            <translation>Reçu sous la référence %1.</translation>
        </message>
        <message>
            <source>Signed by a colleague whose fingerprint you compared by phone: %1</source>
            <translation>Signé par un collègue dont vous avez comparé l'empreinte par téléphone : %1</translation>
        </message>
        <message>
            <source>Signed by a colleague you have received from before, but whose fingerprint you have not compared by phone: %1. Ask them to read theirs to you.</source>
            <translation>Signé par un collègue dont vous avez déjà reçu des dossiers, mais dont vous n'avez pas comparé l'empreinte par téléphone : %1. Demandez-lui de vous lire la sienne.</translation>
        </message>
        <message>
            <source>Signed by a key this vault has never received from: %1. Phone the colleague who sent it (on a number you already have) and ask them to read their signing fingerprint to you; it must match exactly.</source>
            <translation>Signé par une clé dont ce coffre n'a jamais rien reçu : %1. Appelez le collègue qui l'a envoyé (à un numéro que vous avez déjà) et demandez-lui de vous lire son empreinte de signature ; elle doit correspondre exactement.</translation>
        </message>
        <message>
            <source>You compared this sender's fingerprint by phone: %1</source>
            <translation>Vous avez comparé l'empreinte de cet expéditeur par téléphone : %1</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>Entry history</source>
            <translation>Historique de l'entrée</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>Enregistré le</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texte</translation>
        </message>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>Version %1</source>
            <translation>Version %1</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Fermer</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>LetterDialog</name>
        <message>
            <source>Write a letter</source>
            <translation>Écrire un courrier</translation>
        </message>
        <message>
            <source>Letter template</source>
            <translation>Modèle de courrier</translation>
        </message>
        <message>
            <source>Letter text</source>
            <translation>Texte du courrier</translation>
        </message>
        <message>
            <source>Work email warning</source>
            <translation>Avertissement sur l'adresse professionnelle</translation>
        </message>
        <message>
            <source>To copy anyone else in, put them in Bcc, so they do not see the member's address.</source>
            <translation>Pour mettre quelqu'un d'autre en copie, utilisez Cci, afin qu'il ne voie pas l'adresse de l'adhérent.</translation>
        </message>
        <message>
            <source>Letter message</source>
            <translation>Message du courrier</translation>
        </message>
        <message>
            <source>E&amp;dit template…</source>
            <translation>&amp;Modifier le modèle…</translation>
        </message>
        <message>
            <source>&amp;New template…</source>
            <translation>&amp;Nouveau modèle…</translation>
        </message>
        <message>
            <source>&amp;Template:</source>
            <translation>Mo&amp;dèle :</translation>
        </message>
        <message>
            <source>&amp;File in the case</source>
            <translation>&amp;Classer dans le dossier</translation>
        </message>
        <message>
            <source>Keeps the letter in this case: the PDF in Documents and its text in the Paper trail.</source>
            <translation>Conserve le courrier dans ce dossier : le PDF dans Documents et son texte dans Traces écrites.</translation>
        </message>
        <message>
            <source>Save as &amp;PDF…</source>
            <translation>Enregistrer en &amp;PDF…</translation>
        </message>
        <message>
            <source>&amp;Email draft…</source>
            <translation>Brouillon de c&amp;ourriel…</translation>
        </message>
        <message>
            <source>Opens a draft in your email program to the member's address.</source>
            <translation>Ouvre un brouillon dans votre messagerie, à l'adresse de l'adhérent.</translation>
        </message>
        <message>
            <source>Another template</source>
            <translation>Un autre modèle</translation>
        </message>
        <message>
            <source>Replace the letter you edited with one from this template?</source>
            <translation>Remplacer le courrier que vous avez modifié par celui de ce modèle ?</translation>
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation>&amp;Remplacer</translation>
        </message>
        <message>
            <source>&amp;Keep my letter</source>
            <translation>&amp;Garder mon courrier</translation>
        </message>
        <message>
            <source>Filed in the case: the PDF is in Documents and the text in the Paper trail.</source>
            <translation>Classé dans le dossier : le PDF est dans Documents et le texte dans Traces écrites.</translation>
        </message>
        <message>
            <source>Save the letter as a PDF</source>
            <translation>Enregistrer le courrier en PDF</translation>
        </message>
        <message>
            <source>Saved the PDF. It is not protected by the vault.</source>
            <translation>PDF enregistré. Il n'est pas protégé par le coffre.</translation>
        </message>
        <message>
            <source>A work address</source>
            <translation>Une adresse professionnelle</translation>
        </message>
        <message>
            <source>Open the draft to this address anyway?</source>
            <translation>Ouvrir quand même le brouillon à cette adresse ?</translation>
        </message>
        <message>
            <source>&amp;Open the draft</source>
            <translation>&amp;Ouvrir le brouillon</translation>
        </message>
        <message>
            <source>The member's address cannot be used for an email draft.</source>
            <translation>L'adresse de l'adhérent ne peut pas servir pour un brouillon de courriel.</translation>
        </message>
        <message>
            <source>The draft is in your email program. File the letter here too, to keep it in the case.</source>
            <translation>Le brouillon est dans votre messagerie. Classez aussi le courrier ici, pour le garder dans le dossier.</translation>
        </message>
    </context>
    <context>
        <name>LetterTemplateDialog</name>
        <message>
            <source>Letter template</source>
            <translation>Modèle de courrier</translation>
        </message>
        <message>
            <source>New letter template</source>
            <translation>Nouveau modèle de courrier</translation>
        </message>
        <message>
            <source>Template name</source>
            <translation>Nom du modèle</translation>
        </message>
        <message>
            <source>e.g. pay-claim</source>
            <translation>p. ex. reclamation-salaire</translation>
        </message>
        <message>
            <source>Letter title</source>
            <translation>Titre du courrier</translation>
        </message>
        <message>
            <source>Template text</source>
            <translation>Texte du modèle</translation>
        </message>
        <message>
            <source>Merge fields, written as {{ member.name }}:</source>
            <translation>Champs de fusion, écrits comme {{ member.name }} :</translation>
        </message>
        <message>
            <source>Merge fields</source>
            <translation>Champs de fusion</translation>
        </message>
        <message>
            <source>Template message</source>
            <translation>Message du modèle</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nom :</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Titre :</translation>
        </message>
        <message>
            <source>&amp;Save template</source>
            <translation>&amp;Enregistrer le modèle</translation>
        </message>
        <message>
            <source>Save template</source>
            <translation>Enregistrer le modèle</translation>
        </message>
        <message>
            <source>&amp;Reset to casevault's text</source>
            <translation>&amp;Revenir au texte de casevault</translation>
        </message>
        <message>
            <source>&amp;Delete template</source>
            <translation>&amp;Supprimer le modèle</translation>
        </message>
    </context>
    <context>
        <name>LibraryDialog</name>
        <message>
            <source>Policy library</source>
            <translation>Bibliothèque des politiques</translation>
        </message>
        <message>
            <source>Your employer's policies and procedures, kept encrypted in the vault. Check the relevant policy before advising a member.</source>
            <translation>Les politiques et procédures de votre employeur, conservées chiffrées dans le coffre. Consultez la politique concernée avant de conseiller un adhérent.</translation>
        </message>
        <message>
            <source>About the policy library</source>
            <translation>À propos de la bibliothèque des politiques</translation>
        </message>
        <message>
            <source>Library documents</source>
            <translation>Documents de la bibliothèque</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Ajouté le</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Ajouter…</translation>
        </message>
        <message>
            <source>Add to the library</source>
            <translation>Ajouter à la bibliothèque</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Aperçu</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Aperçu</translation>
        </message>
        <message>
            <source>&amp;Save a copy…</source>
            <translation>&amp;Enregistrer une copie…</translation>
        </message>
        <message>
            <source>Save a copy</source>
            <translation>Enregistrer une copie</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Retirer</translation>
        </message>
        <message>
            <source>Remove from the library</source>
            <translation>Retirer de la bibliothèque</translation>
        </message>
        <message>
            <source>Add policies and procedures</source>
            <translation>Ajouter des politiques et procédures</translation>
        </message>
        <message>
            <source>Remove this document from the library? Its encrypted copy is deleted.</source>
            <translation>Retirer ce document de la bibliothèque ? Sa copie chiffrée est supprimée.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progression</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Encrypting into the library…</source>
            <translation>Chiffrement dans la bibliothèque…</translation>
        </message>
        <message>
            <source>Added to the library.</source>
            <translation>Ajouté à la bibliothèque.</translation>
        </message>
        <message>
            <source>Adding was cancelled; nothing was added.</source>
            <translation>Ajout annulé ; rien n'a été ajouté.</translation>
        </message>
        <message>
            <source>The document could not be added.</source>
            <translation>Le document n'a pas pu être ajouté.</translation>
        </message>
        <message>
            <source>This document is too large to preview; save a copy instead.</source>
            <translation>Ce document est trop volumineux pour l'aperçu ; enregistrez plutôt une copie.</translation>
        </message>
        <message>
            <source>This document could not be opened.</source>
            <translation>Ce document n'a pas pu être ouvert.</translation>
        </message>
        <message>
            <source>Saving a copy…</source>
            <translation>Enregistrement d'une copie…</translation>
        </message>
        <message>
            <source>Saved a copy. It is not protected by the vault.</source>
            <translation>Copie enregistrée. Elle n'est pas protégée par le coffre.</translation>
        </message>
        <message>
            <source>Saving was cancelled; no copy was written.</source>
            <translation>Enregistrement annulé ; aucune copie n'a été écrite.</translation>
        </message>
        <message>
            <source>The copy could not be saved.</source>
            <translation>La copie n'a pas pu être enregistrée.</translation>
        </message>
        <message>
            <source>Removed from the library.</source>
            <translation>Retiré de la bibliothèque.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Case list</source>
            <translation>Liste des dossiers</translation>
        </message>
        <message>
            <source>Show cases</source>
            <translation>Dossiers affichés</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouverts</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Clos</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Tous</translation>
        </message>
        <message>
            <source>S&amp;how:</source>
            <translation>Affic&amp;her :</translation>
        </message>
        <message>
            <source>Search cases</source>
            <translation>Rechercher dans les dossiers</translation>
        </message>
        <message>
            <source>Search names, notes and documents</source>
            <translation>Rechercher noms, notes et documents</translation>
        </message>
        <message>
            <source>&amp;New case</source>
            <translation>&amp;Nouveau dossier</translation>
        </message>
        <message>
            <source>&amp;Lock now</source>
            <translation>&amp;Verrouiller</translation>
        </message>
        <message>
            <source>&amp;Back to cases</source>
            <translation>&amp;Retour aux dossiers</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>Rec&amp;hercher</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>&amp;Today</source>
            <translation>Au&amp;jourd'hui</translation>
        </message>
        <message>
            <source>&amp;All cases</source>
            <translation>&amp;Tous les dossiers</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Préférences…</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Aujourd'hui</translation>
        </message>
        <message>
            <source>All cases</source>
            <translation>Tous les dossiers</translation>
        </message>
        <message>
            <source>New case</source>
            <translation>Nouveau dossier</translation>
        </message>
        <message>
            <source>Lock now</source>
            <translation>Verrouiller maintenant</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Préférences</translation>
        </message>
        <message>
            <source>← &amp;Back to Today</source>
            <translation>← &amp;Retour à aujourd'hui</translation>
        </message>
        <message>
            <source>Back to Today</source>
            <translation>Retour à aujourd'hui</translation>
        </message>
        <message>
            <source>Menu bar</source>
            <translation>Barre de menus</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Casework</source>
            <translation>&amp;Dossiers</translation>
        </message>
        <message>
            <source>Policy &amp;library…</source>
            <translation>&amp;Bibliothèque des politiques…</translation>
        </message>
        <message>
            <source>Report a confidentiality &amp;breach…</source>
            <translation>Signaler une &amp;violation de confidentialité…</translation>
        </message>
        <message>
            <source>Breach &amp;records…</source>
            <translation>&amp;Registre des violations…</translation>
        </message>
        <message>
            <source>Export deadlines to a &amp;calendar…</source>
            <translation>&amp;Exporter les échéances vers un calendrier…</translation>
        </message>
        <message>
            <source>Branch &amp;figures…</source>
            <translation>&amp;Statistiques de la section…</translation>
        </message>
        <message>
            <source>Recei&amp;ve a case…</source>
            <translation>Re&amp;cevoir un dossier…</translation>
        </message>
        <message>
            <source>My &amp;handover key…</source>
            <translation>Ma clé de &amp;transmission…</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Paramètres</translation>
        </message>
        <message>
            <source>&amp;Check this device…</source>
            <translation>&amp;Vérifier cet appareil…</translation>
        </message>
        <message>
            <source>&amp;Backup…</source>
            <translation>&amp;Sauvegarde…</translation>
        </message>
        <message>
            <source>&amp;Deadlines and working days…</source>
            <translation>É&amp;chéances et jours ouvrables…</translation>
        </message>
        <message>
            <source>S&amp;ync…</source>
            <translation>S&amp;ynchronisation…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts…</source>
            <translation>&amp;Raccourcis clavier…</translation>
        </message>
        <message>
            <source>&amp;About casevault</source>
            <translation>À &amp;propos de casevault</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
        <message>
            <source>The first meeting form has changes that are not saved.</source>
            <translation>Le formulaire du premier entretien contient des modifications non enregistrées.</translation>
        </message>
        <message>
            <source>Case %1 opened.</source>
            <translation>Dossier %1 ouvert.</translation>
        </message>
        <message>
            <source>Showing the first %1 matching cases: add a word to narrow the search.</source>
            <translation>Affichage des %1 premiers dossiers trouvés : ajoutez un mot pour affiner la recherche.</translation>
        </message>
    </context>
    <context>
        <name>NewCaseDialog</name>
        <message>
            <source>New case</source>
            <translation>Nouveau dossier</translation>
        </message>
        <message>
            <source>Member name</source>
            <translation>Nom de l'adhérent</translation>
        </message>
        <message>
            <source>Case type</source>
            <translation>Type de dossier</translation>
        </message>
        <message>
            <source>Email address</source>
            <translation>Adresse électronique</translation>
        </message>
        <message>
            <source>Employer's email domain</source>
            <translation>Domaine de messagerie de l'employeur</translation>
        </message>
        <message>
            <source>e.g. university.ac.uk</source>
            <translation>p. ex. university.ac.uk</translation>
        </message>
        <message>
            <source>Work email warning</source>
            <translation>Avertissement sur l'adresse professionnelle</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Member &amp;name:</source>
            <translation>&amp;Nom de l'adhérent :</translation>
        </message>
        <message>
            <source>Case &amp;type:</source>
            <translation>&amp;Type de dossier :</translation>
        </message>
        <message>
            <source>&amp;Email:</source>
            <translation>&amp;Courriel :</translation>
        </message>
        <message>
            <source>Em&amp;ployer's email domain:</source>
            <translation>Domaine de messagerie de l'em&amp;ployeur :</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>OriginalsPanel</name>
        <message>
            <source>Originals</source>
            <translation>Originaux</translation>
        </message>
        <message>
            <source>Original documents the member handed over: keep them safe and return them at the end of the case.</source>
            <translation>Documents originaux remis par l'adhérent : conservez-les en lieu sûr et rendez-les à la fin du dossier.</translation>
        </message>
        <message>
            <source>Originals register</source>
            <translation>Registre des originaux</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Reçu le</translation>
        </message>
        <message>
            <source>Where kept</source>
            <translation>Lieu de conservation</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Rendu le</translation>
        </message>
        <message>
            <source>&amp;Add original…</source>
            <translation>&amp;Ajouter un original…</translation>
        </message>
        <message>
            <source>Add original</source>
            <translation>Ajouter un original</translation>
        </message>
        <message>
            <source>&amp;Mark returned…</source>
            <translation>&amp;Marquer comme rendu…</translation>
        </message>
        <message>
            <source>Mark returned</source>
            <translation>Marquer comme rendu</translation>
        </message>
        <message>
            <source>Originals status</source>
            <translation>État des originaux</translation>
        </message>
        <message>
            <source>Not returned</source>
            <translation>Non rendu</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1 : %2</translation>
        </message>
        <message>
            <source>%1 not returned</source>
            <translation>%1 non rendu(s)</translation>
        </message>
        <message>
            <source>Nothing held</source>
            <translation>Aucun original détenu</translation>
        </message>
    </context>
    <context>
        <name>PaperTrail</name>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Réunion</translation>
        </message>
        <message>
            <source>Advice given orally</source>
            <translation>Conseil donné oralement</translation>
        </message>
        <message>
            <source>Advice confirmed in writing</source>
            <translation>Conseil confirmé par écrit</translation>
        </message>
        <message>
            <source>Phone call</source>
            <translation>Appel téléphonique</translation>
        </message>
        <message>
            <source>Contact with management</source>
            <translation>Contact avec la direction</translation>
        </message>
        <message>
            <source>Escalated (caseworker, regional office)</source>
            <translation>Escalade (chargé de dossiers, bureau régional)</translation>
        </message>
        <message>
            <source>Conflict of interest check</source>
            <translation>Vérification des conflits d'intérêts</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <source>Ordinary</source>
            <translation>Ordinaire</translation>
        </message>
        <message>
            <source>Off the record</source>
            <translation>Officieuse</translation>
        </message>
        <message>
            <source>Without prejudice</source>
            <translation>Sous toutes réserves</translation>
        </message>
        <message>
            <source>Paper trail</source>
            <translation>Traces écrites</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Entry</source>
            <translation>Entrée</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Modifier…</translation>
        </message>
        <message>
            <source>Edit entry</source>
            <translation>Modifier l'entrée</translation>
        </message>
        <message>
            <source>Add a new version of the selected entry; the original is kept.</source>
            <translation>Ajouter une nouvelle version de l'entrée sélectionnée ; l'original est conservé.</translation>
        </message>
        <message>
            <source>Histor&amp;y…</source>
            <translation>Histori&amp;que…</translation>
        </message>
        <message>
            <source>Entry history</source>
            <translation>Historique de l'entrée</translation>
        </message>
        <message>
            <source>Entry kind</source>
            <translation>Type d'entrée</translation>
        </message>
        <message>
            <source>Terms of the conversation</source>
            <translation>Conditions de l'échange</translation>
        </message>
        <message>
            <source>Off the record or without prejudice: tell the member beforehand and get their agreement, and tell the manager that what they say will be reported back.</source>
            <translation>Officieux ou sous toutes réserves : prévenez l'adhérent à l'avance et obtenez son accord, et dites au responsable que ses propos seront rapportés.</translation>
        </message>
        <message>
            <source>Entry date</source>
            <translation>Date de l'entrée</translation>
        </message>
        <message>
            <source>Look it up before advising: the employer's policy, the guide, ACAS, or your regional office. Don't advise from a hazy recollection.</source>
            <translation>Vérifiez avant de conseiller : la politique de l'employeur, le guide, l'ACAS ou votre bureau régional. Ne conseillez pas sur la base d'un vague souvenir.</translation>
        </message>
        <message>
            <source>Advice hint</source>
            <translation>Conseil</translation>
        </message>
        <message>
            <source>Entry text</source>
            <translation>Texte de l'entrée</translation>
        </message>
        <message>
            <source>&amp;Add entry</source>
            <translation>&amp;Ajouter l'entrée</translation>
        </message>
        <message>
            <source>Add entry</source>
            <translation>Ajouter l'entrée</translation>
        </message>
        <message>
            <source>Paper trail status</source>
            <translation>État des traces écrites</translation>
        </message>
        <message>
            <source>New entry:</source>
            <translation>Nouvelle entrée :</translation>
        </message>
        <message>
            <source>Text:</source>
            <translation>Texte :</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message>
            <source>%1 (edited)</source>
            <translation>%1 (modifié)</translation>
        </message>
        <message>
            <source>Edited %1</source>
            <translation>Modifié le %1</translation>
        </message>
        <message>
            <source>Entry edited; the earlier version is kept in its history.</source>
            <translation>Entrée modifiée ; la version précédente est conservée dans son historique.</translation>
        </message>
        <message>
            <source>Write the entry first.</source>
            <translation>Rédigez d'abord l'entrée.</translation>
        </message>
        <message>
            <source>Entry added.</source>
            <translation>Entrée ajoutée.</translation>
        </message>
        <message>
            <source>Written follow-up</source>
            <translation>Suivi écrit</translation>
        </message>
        <message>
            <source>Was a written follow-up sent?</source>
            <translation>Un suivi écrit a-t-il été envoyé ?</translation>
        </message>
        <message>
            <source>Advice given orally should be followed up with an email or a written note.</source>
            <translation>Un conseil donné oralement doit être confirmé par un courriel ou une note écrite.</translation>
        </message>
        <message>
            <source>&amp;Yes, record it</source>
            <translation>&amp;Oui, l'enregistrer</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>&amp;No, not yet</source>
            <translation>&amp;Non, pas encore</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Non</translation>
        </message>
        <message>
            <source>A reminder to send a written follow-up will appear if none is recorded within a week.</source>
            <translation>Un rappel d'envoyer un suivi écrit apparaîtra si aucun n'est enregistré dans la semaine.</translation>
        </message>
        <message>
            <source>Written follow-up sent for the advice given orally.</source>
            <translation>Suivi écrit envoyé pour le conseil donné oralement.</translation>
        </message>
        <message>
            <source>Entry added, with its written follow-up.</source>
            <translation>Entrée ajoutée, avec son suivi écrit.</translation>
        </message>
    </context>
    <context>
        <name>PartiesPanel</name>
        <message>
            <source>People</source>
            <translation>Personnes</translation>
        </message>
        <message>
            <source>Escalation</source>
            <translation>Escalade</translation>
        </message>
        <message>
            <source>Escalation status</source>
            <translation>État de l'escalade</translation>
        </message>
        <message>
            <source>Record &amp;escalation…</source>
            <translation>Enregistrer une &amp;escalade…</translation>
        </message>
        <message>
            <source>Record escalation</source>
            <translation>Enregistrer une escalade</translation>
        </message>
        <message>
            <source>People in this case</source>
            <translation>Personnes de ce dossier</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Person's name</source>
            <translation>Nom de la personne</translation>
        </message>
        <message>
            <source>Person's role</source>
            <translation>Rôle de la personne</translation>
        </message>
        <message>
            <source>Person note</source>
            <translation>Note sur la personne</translation>
        </message>
        <message>
            <source>Note (optional)</source>
            <translation>Note (facultative)</translation>
        </message>
        <message>
            <source>Add &amp;person…</source>
            <translation>Ajouter une &amp;personne…</translation>
        </message>
        <message>
            <source>Add person</source>
            <translation>Ajouter une personne</translation>
        </message>
        <message>
            <source>Adds the person after checking other cases for a conflict of interest.</source>
            <translation>Ajoute la personne après avoir recherché un conflit d'intérêts dans les autres dossiers.</translation>
        </message>
        <message>
            <source>&amp;Remove person</source>
            <translation>&amp;Retirer la personne</translation>
        </message>
        <message>
            <source>Remove person</source>
            <translation>Retirer la personne</translation>
        </message>
        <message>
            <source>People message</source>
            <translation>Message sur les personnes</translation>
        </message>
        <message>
            <source>Enter the person's name first.</source>
            <translation>Saisissez d'abord le nom de la personne.</translation>
        </message>
        <message>
            <source>Person added; your decision is recorded in the paper trail.</source>
            <translation>Personne ajoutée ; votre décision est enregistrée dans les traces écrites.</translation>
        </message>
        <message>
            <source>Person added; no conflict found in other cases.</source>
            <translation>Personne ajoutée ; aucun conflit trouvé dans les autres dossiers.</translation>
        </message>
        <message>
            <source>Person removed.</source>
            <translation>Personne retirée.</translation>
        </message>
        <message numerus="yes">
            <source>%n escalation(s) recorded.</source>
            <translation>
                <numerusform>%n escalade enregistrée.</numerusform>
                <numerusform>%n escalades enregistrées.</numerusform>
            </translation>
        </message>
        <message>
            <source>The first meeting prompted an escalation and none is recorded yet.</source>
            <translation>Le premier entretien appelait une escalade et aucune n'est encore enregistrée.</translation>
        </message>
        <message>
            <source>No escalation recorded.</source>
            <translation>Aucune escalade enregistrée.</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>Préférences</translation>
        </message>
        <message>
            <source>Lock after idle (minutes)</source>
            <translation>Verrouiller après inactivité (minutes)</translation>
        </message>
        <message>
            <source>&amp;Lock after idle (minutes):</source>
            <translation>&amp;Verrouiller après inactivité (minutes) :</translation>
        </message>
        <message>
            <source>casevault also locks when the screen locks.</source>
            <translation>casevault se verrouille aussi quand l'écran se verrouille.</translation>
        </message>
        <message>
            <source>This system does not report screen locks to casevault: use Lock now (Ctrl+L) before leaving the computer.</source>
            <translation>Ce système ne signale pas le verrouillage de l'écran à casevault : utilisez « Verrouiller maintenant » (Ctrl+L) avant de quitter l'ordinateur.</translation>
        </message>
        <message>
            <source>Screen lock</source>
            <translation>Verrouillage de l'écran</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Document preview</source>
            <translation>Aperçu du document</translation>
        </message>
        <message>
            <source>Choose a document to preview it.</source>
            <translation>Choisissez un document pour en afficher l'aperçu.</translation>
        </message>
        <message>
            <source>Preview message</source>
            <translation>Message d'aperçu</translation>
        </message>
        <message>
            <source>Picture preview</source>
            <translation>Aperçu de l'image</translation>
        </message>
        <message>
            <source>Text preview</source>
            <translation>Aperçu du texte</translation>
        </message>
        <message>
            <source>Opening the preview…</source>
            <translation>Ouverture de l'aperçu…</translation>
        </message>
        <message>
            <source>PDF preview is not available on this computer.</source>
            <translation>L'aperçu des PDF n'est pas disponible sur cet ordinateur.</translation>
        </message>
        <message>
            <source>This PDF cannot be previewed; it may be damaged.</source>
            <translation>Ce PDF ne peut pas être prévisualisé ; il est peut-être endommagé.</translation>
        </message>
        <message>
            <source>There is no preview for this kind of file.</source>
            <translation>Il n'y a pas d'aperçu pour ce type de fichier.</translation>
        </message>
    </context>
    <context>
        <name>ProcedurePanel</name>
        <message>
            <source>Next deadline</source>
            <translation>Prochaine échéance</translation>
        </message>
        <message>
            <source>Procedure template</source>
            <translation>Modèle de procédure</translation>
        </message>
        <message>
            <source>&amp;Start procedure</source>
            <translation>&amp;Engager la procédure</translation>
        </message>
        <message>
            <source>Start procedure</source>
            <translation>Engager la procédure</translation>
        </message>
        <message>
            <source>Employer's policy</source>
            <translation>Politique de l'employeur</translation>
        </message>
        <message>
            <source>The employer's policy from the policy library, to follow beside it.</source>
            <translation>La politique de l'employeur, tirée de la bibliothèque, à suivre en parallèle.</translation>
        </message>
        <message>
            <source>No policy linked</source>
            <translation>Aucune politique liée</translation>
        </message>
        <message>
            <source>Jurisdiction of the case</source>
            <translation>Juridiction du dossier</translation>
        </message>
        <message>
            <source>Stages and deadlines</source>
            <translation>Étapes et échéances</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Étape</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>Délai</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Début</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Échéance</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>How the date was reached</source>
            <translation>Comment la date a été obtenue</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Its &amp;event happened on this date</source>
            <translation>Son év&amp;énement a eu lieu à cette date</translation>
        </message>
        <message>
            <source>Record the event that starts the stage</source>
            <translation>Enregistrer l'événement qui ouvre l'étape</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>Outcome (optional)</source>
            <translation>Issue (facultatif)</translation>
        </message>
        <message>
            <source>&amp;Done on this date</source>
            <translation>&amp;Faite à cette date</translation>
        </message>
        <message>
            <source>Record the stage as done</source>
            <translation>Enregistrer l'étape comme faite</translation>
        </message>
        <message>
            <source>Extension agreed with</source>
            <translation>Prolongation convenue avec</translation>
        </message>
        <message>
            <source>Agreed with (for an extension)</source>
            <translation>Convenue avec (pour une prolongation)</translation>
        </message>
        <message>
            <source>E&amp;xtend to this date</source>
            <translation>Pro&amp;longer jusqu'à cette date</translation>
        </message>
        <message>
            <source>Extend the deadline</source>
            <translation>Prolonger l'échéance</translation>
        </message>
        <message>
            <source>Procedure status</source>
            <translation>État de la procédure</translation>
        </message>
        <message>
            <source>casevault helps you count; it is not legal advice. Refer the case to the regional office early.</source>
            <translation>casevault vous aide à compter ; ce n'est pas un conseil juridique. Transmettez le dossier au bureau régional suffisamment tôt.</translation>
        </message>
        <message>
            <source>Stage time limit in days</source>
            <translation>Délai de l'étape en jours</translation>
        </message>
        <message>
            <source>No set limit</source>
            <translation>Pas de délai fixé</translation>
        </message>
        <message>
            <source>Days counted</source>
            <translation>Jours comptés</translation>
        </message>
        <message>
            <source>calendar days</source>
            <translation>jours calendaires</translation>
        </message>
        <message>
            <source>Set the stage's &amp;limit</source>
            <translation>Fixer le &amp;délai de l'étape</translation>
        </message>
        <message>
            <source>Set the stage's time limit</source>
            <translation>Fixer le délai de l'étape</translation>
        </message>
        <message>
            <source>Follow the employer's own policy where it sets other limits.</source>
            <translation>Suivez la politique de l'employeur là où elle fixe d'autres délais.</translation>
        </message>
        <message>
            <source>Time limit:</source>
            <translation>Délai :</translation>
        </message>
        <message>
            <source>Tribunal time limit</source>
            <translation>Délai de saisine du tribunal</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>Demande</translation>
        </message>
        <message>
            <source>Act or dismissal date</source>
            <translation>Date de l'acte ou du licenciement</translation>
        </message>
        <message>
            <source>ACAS early conciliation</source>
            <translation>Conciliation préalable ACAS</translation>
        </message>
        <message>
            <source>ACAS contacted (Day A)</source>
            <translation>ACAS saisi (jour A)</translation>
        </message>
        <message>
            <source>Certificate received (Day B)</source>
            <translation>Certificat reçu (jour B)</translation>
        </message>
        <message>
            <source>Count the &amp;tribunal limit</source>
            <translation>Calculer le délai du &amp;tribunal</translation>
        </message>
        <message>
            <source>Count the tribunal time limit</source>
            <translation>Calculer le délai de saisine du tribunal</translation>
        </message>
        <message>
            <source>from</source>
            <translation>à partir du</translation>
        </message>
        <message>
            <source>Claim:</source>
            <translation>Demande :</translation>
        </message>
        <message>
            <source>Right to be accompanied</source>
            <translation>Droit d'être accompagné</translation>
        </message>
        <message>
            <source>The companion may put and sum up the member's case, respond on their behalf to any view put at the hearing, and confer with them during it. The companion may not answer questions for the member. (Employment Relations Act 1999 s.10)</source>
            <translation>L'accompagnateur peut présenter et résumer la position de l'adhérent, répondre en son nom à tout point de vue exprimé pendant l'entretien et s'entretenir avec lui pendant celui-ci. Il ne peut pas répondre aux questions à la place de l'adhérent. (Employment Relations Act 1999 s.10)</translation>
        </message>
        <message>
            <source>What the companion may do</source>
            <translation>Ce que l'accompagnateur peut faire</translation>
        </message>
        <message>
            <source>Companion cannot come: latest &amp;other date</source>
            <translation>Accompagnateur indisponible : autre date au plus &amp;tard</translation>
        </message>
        <message>
            <source>Latest alternative hearing date</source>
            <translation>Date de remplacement au plus tard</translation>
        </message>
        <message>
            <source>From the hearing date chosen in the date box above.</source>
            <translation>À partir de la date d'entretien choisie ci-dessus.</translation>
        </message>
        <message>
            <source>Done %1</source>
            <translation>Faite le %1</translation>
        </message>
        <message>
            <source>No time limit</source>
            <translation>Sans délai</translation>
        </message>
        <message>
            <source>Waiting for its event</source>
            <translation>En attente de son événement</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>En retard</translation>
        </message>
        <message>
            <source>Running (extended, agreed with %1)</source>
            <translation>En cours (prolongée, convenue avec %1)</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>En cours</translation>
        </message>
        <message>
            <source>By law</source>
            <translation>Fixé par la loi</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Aucun</translation>
        </message>
        <message>
            <source>working days</source>
            <translation>jours ouvrables</translation>
        </message>
        <message>
            <source>days</source>
            <translation>jours</translation>
        </message>
        <message>
            <source>No deadline is running.</source>
            <translation>Aucune échéance en cours.</translation>
        </message>
        <message numerus="yes">
            <source>overdue by %n day(s)</source>
            <translation>
                <numerusform>dépassée de %n jour</numerusform>
                <numerusform>dépassée de %n jours</numerusform>
            </translation>
        </message>
        <message>
            <source>today</source>
            <translation>aujourd'hui</translation>
        </message>
        <message numerus="yes">
            <source>in %n day(s)</source>
            <translation>
                <numerusform>dans %n jour</numerusform>
                <numerusform>dans %n jours</numerusform>
            </translation>
        </message>
        <message>
            <source>Next deadline: %1, %2 (%3)</source>
            <translation>Prochaine échéance : %1, %2 (%3)</translation>
        </message>
        <message>
            <source>Choose a stage to see how its deadline was reached.</source>
            <translation>Choisissez une étape pour voir comment son échéance a été obtenue.</translation>
        </message>
        <message>
            <source>Its clock starts with %1.</source>
            <translation>Son délai court à partir de %1.</translation>
        </message>
        <message>
            <source>The procedure has started.</source>
            <translation>La procédure est engagée.</translation>
        </message>
        <message>
            <source>The stage's time limit is changed; its deadline is counted again.</source>
            <translation>Le délai de l'étape est modifié ; son échéance est recalculée.</translation>
        </message>
        <message>
            <source>Its deadline is counted.</source>
            <translation>Son échéance est calculée.</translation>
        </message>
        <message>
            <source>Recorded as done.</source>
            <translation>Enregistrée comme faite.</translation>
        </message>
        <message>
            <source>The extension is recorded.</source>
            <translation>La prolongation est enregistrée.</translation>
        </message>
        <message>
            <source>The member may propose another time up to %1 (%2).</source>
            <translation>L'adhérent peut proposer une autre date jusqu'au %1 (%2).</translation>
        </message>
        <message>
            <source>The tribunal time limit is counted; refer the case to the regional office well before it.</source>
            <translation>Le délai de saisine est calculé ; transmettez le dossier au bureau régional bien avant.</translation>
        </message>
    </context>
    <context>
        <name>ReminderKinds</name>
        <message>
            <source>Action point due</source>
            <translation>Action à échéance</translation>
        </message>
        <message>
            <source>Hearing or meeting soon</source>
            <translation>Audience ou réunion prochaine</translation>
        </message>
        <message>
            <source>Confirm advice in writing</source>
            <translation>Confirmer le conseil par écrit</translation>
        </message>
        <message>
            <source>Return the originals</source>
            <translation>Rendre les originaux</translation>
        </message>
        <message>
            <source>Escalation not recorded</source>
            <translation>Escalade non enregistrée</translation>
        </message>
        <message>
            <source>Archive period ended</source>
            <translation>Durée d'archivage écoulée</translation>
        </message>
        <message>
            <source>Time to back up</source>
            <translation>Il est temps de sauvegarder</translation>
        </message>
        <message>
            <source>Deadline coming up</source>
            <translation>Échéance proche</translation>
        </message>
        <message>
            <source>Deadline day</source>
            <translation>Jour de l'échéance</translation>
        </message>
        <message>
            <source>Deadline passed: stage not done</source>
            <translation>Échéance passée : étape non faite</translation>
        </message>
    </context>
    <context>
        <name>ReminderWatch</name>
        <message>
            <source>1 casework reminder is due</source>
            <translation>1 rappel de dossier est arrivé à échéance</translation>
        </message>
        <message numerus="yes">
            <source>%n casework reminders are due</source>
            <translation>
                <numerusform>%n rappel de dossier est arrivé à échéance</numerusform>
                <numerusform>%n rappels de dossier sont arrivés à échéance</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RemindersPanel</name>
        <message>
            <source>Due reminders</source>
            <translation>Rappels à échéance</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Échéance</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Reminder</source>
            <translation>Rappel</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Adhérent</translation>
        </message>
        <message>
            <source>&amp;Open case</source>
            <translation>&amp;Ouvrir le dossier</translation>
        </message>
        <message>
            <source>Open case</source>
            <translation>Ouvrir le dossier</translation>
        </message>
        <message>
            <source>&amp;Snooze</source>
            <translation>&amp;Reporter</translation>
        </message>
        <message>
            <source>Snooze</source>
            <translation>Reporter</translation>
        </message>
        <message>
            <source>Snooze for</source>
            <translation>Reporter de</translation>
        </message>
        <message>
            <source>For a &amp;day</source>
            <translation>D'un &amp;jour</translation>
        </message>
        <message>
            <source>For a &amp;week</source>
            <translation>D'une &amp;semaine</translation>
        </message>
        <message>
            <source>D&amp;ismiss</source>
            <translation>&amp;Ignorer</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Ignorer</translation>
        </message>
        <message>
            <source>&amp;Delete permanently…</source>
            <translation>&amp;Supprimer définitivement…</translation>
        </message>
        <message>
            <source>Delete permanently</source>
            <translation>Supprimer définitivement</translation>
        </message>
        <message>
            <source>Delete all e&amp;xpired…</source>
            <translation>Supprimer tous les e&amp;xpirés…</translation>
        </message>
        <message>
            <source>Delete all expired</source>
            <translation>Supprimer tous les expirés</translation>
        </message>
        <message>
            <source>More reminders due</source>
            <translation>Autres rappels arrivés à échéance</translation>
        </message>
        <message>
            <source>Nothing is due. Deadlines, hearings, action points and follow-ups appear here when they fall due.</source>
            <translation>Rien n'est à échéance. Les échéances, audiences, actions à mener et suivis apparaissent ici quand ils arrivent à échéance.</translation>
        </message>
        <message numerus="yes">
            <source>%n more due after these: act on or dismiss these to reach them.</source>
            <translation>
                <numerusform>%n autre rappel après ceux-ci : traitez ou ignorez ceux-ci pour l'atteindre.</numerusform>
                <numerusform>%n autres rappels après ceux-ci : traitez ou ignorez ceux-ci pour les atteindre.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RemindersUi</name>
        <message>
            <source>Reminders</source>
            <translation>Rappels</translation>
        </message>
        <message>
            <source>Reminders panel</source>
            <translation>Panneau des rappels</translation>
        </message>
        <message>
            <source>Reminders banner</source>
            <translation>Bandeau des rappels</translation>
        </message>
        <message>
            <source>&amp;Reminders</source>
            <translation>&amp;Rappels</translation>
        </message>
        <message>
            <source>A&amp;genda</source>
            <translation>A&amp;genda</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>Deletion &amp;log</source>
            <translation>&amp;Journal des suppressions</translation>
        </message>
        <message>
            <source>Deletion log</source>
            <translation>Journal des suppressions</translation>
        </message>
        <message>
            <source>A&amp;rchive periods…</source>
            <translation>&amp;Durées d'archivage…</translation>
        </message>
        <message>
            <source>Archive periods</source>
            <translation>Durées d'archivage</translation>
        </message>
        <message>
            <source>&amp;Reminders (%1)</source>
            <translation>&amp;Rappels (%1)</translation>
        </message>
        <message>
            <source>Show reminders</source>
            <translation>Afficher les rappels</translation>
        </message>
        <message>
            <source>Cases deleted permanently: %1.</source>
            <translation>Dossiers supprimés définitivement : %1.</translation>
        </message>
        <message>
            <source>Not deleted: %1</source>
            <translation>Non supprimés : %1</translation>
        </message>
    </context>
    <context>
        <name>RetentionDialog</name>
        <message>
            <source>Archive periods</source>
            <translation>Durées d'archivage</translation>
        </message>
        <message>
            <source>How many days a closed case is kept before it is due for permanent deletion. A change applies to cases closed from now on.</source>
            <translation>Nombre de jours pendant lesquels un dossier clos est conservé avant sa suppression définitive. Une modification s'applique aux dossiers clos à partir de maintenant.</translation>
        </message>
        <message>
            <source>About archive periods</source>
            <translation>À propos des durées d'archivage</translation>
        </message>
        <message>
            <source> days</source>
            <translation> jours</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>Par défaut</translation>
        </message>
        <message>
            <source>Archive period for %1</source>
            <translation>Durée d'archivage pour %1</translation>
        </message>
        <message>
            <source>&amp;Default (any other type):</source>
            <translation>&amp;Par défaut (tout autre type) :</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>ReturnOriginalDialog</name>
        <message>
            <source>Mark original returned</source>
            <translation>Marquer l'original comme rendu</translation>
        </message>
        <message>
            <source>Original document</source>
            <translation>Document original</translation>
        </message>
        <message>
            <source>Date returned</source>
            <translation>Date de restitution</translation>
        </message>
        <message>
            <source>How returned</source>
            <translation>Mode de restitution</translation>
        </message>
        <message>
            <source>e.g. By hand to the member, recorded delivery</source>
            <translation>p. ex. En main propre à l'adhérent, envoi recommandé</translation>
        </message>
        <message>
            <source>Document:</source>
            <translation>Document :</translation>
        </message>
        <message>
            <source>&amp;Returned:</source>
            <translation>&amp;Rendu le :</translation>
        </message>
        <message>
            <source>&amp;How:</source>
            <translation>&amp;Comment :</translation>
        </message>
        <message>
            <source>Give the date it was returned.</source>
            <translation>Indiquez la date de restitution.</translation>
        </message>
    </context>
    <context>
        <name>ReviewView</name>
        <message>
            <source>Review</source>
            <translation>Bilan</translation>
        </message>
        <message>
            <source>Review the case against what was agreed at the first meeting: the issues, and whether each action point has been taken forward.</source>
            <translation>Faites le bilan du dossier par rapport à ce qui a été convenu au premier entretien : les points soulevés, et si chaque action à mener a avancé.</translation>
        </message>
        <message>
            <source>An issue counts as covered once a paper-trail entry or an action point after the meeting uses its key words; open an issue to see what was found.</source>
            <translation>Un point est considéré comme traité dès qu'une entrée des traces écrites ou une action à mener postérieure à l'entretien reprend ses mots clés ; ouvrez un point pour voir ce qui a été trouvé.</translation>
        </message>
        <message>
            <source>Review summary</source>
            <translation>Résumé du bilan</translation>
        </message>
        <message>
            <source>Issues and action points</source>
            <translation>Points et actions à mener</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Quoi</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Not covered yet</source>
            <translation>Pas encore traité</translation>
        </message>
        <message numerus="yes">
            <source>%n action point(s)</source>
            <translation>
                <numerusform>%n action à mener</numerusform>
                <numerusform>%n actions à mener</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 and %2</source>
            <translation>%1 et %2</translation>
        </message>
        <message>
            <source>Every issue has something recorded against it.</source>
            <translation>Chaque point a quelque chose d'enregistré à son sujet.</translation>
        </message>
        <message>
            <source>No issue has anything recorded against it yet: have we covered all the issues?</source>
            <translation>Aucun point n'a encore quoi que ce soit d'enregistré à son sujet : avons-nous traité tous les points ?</translation>
        </message>
        <message numerus="yes">
            <source>%n entry(ies)</source>
            <translation>
                <numerusform>%n entrée</numerusform>
                <numerusform>%n entrées</numerusform>
            </translation>
        </message>
        <message>
            <source>Covered by %1, latest %2</source>
            <translation>Traité par %1, en dernier le %2</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fait</translation>
        </message>
        <message>
            <source>No date</source>
            <translation>Sans date</translation>
        </message>
        <message>
            <source>Overdue (due %1)</source>
            <translation>En retard (échéance le %1)</translation>
        </message>
        <message>
            <source>Due on %1</source>
            <translation>Échéance le %1</translation>
        </message>
        <message>
            <source>This issue has no words to look for: reword it to check it against the paper trail.</source>
            <translation>Ce point n'a aucun mot à rechercher : reformulez-le pour le comparer aux traces écrites.</translation>
        </message>
        <message>
            <source>Looked for by the word: %1</source>
            <translation>Recherché par le mot : %1</translation>
        </message>
        <message>
            <source>Looked for by all of these words: %1</source>
            <translation>Recherché par tous ces mots : %1</translation>
        </message>
        <message>
            <source>Looked for by at least %1 of these words: %2</source>
            <translation>Recherché par au moins %1 de ces mots : %2</translation>
        </message>
        <message numerus="yes">
            <source>%n of %1 issues have nothing recorded against them: have we covered all the issues?</source>
            <translation>
                <numerusform>%n point sur %1 n'a rien d'enregistré à son sujet : avons-nous traité tous les points ?</numerusform>
                <numerusform>%n points sur %1 n'ont rien d'enregistré à leur sujet : avons-nous traité tous les points ?</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to review yet: agree the issues and action points at the first meeting.</source>
            <translation>Rien à passer en revue pour l'instant : convenez des points et des actions à mener lors du premier entretien.</translation>
        </message>
        <message>
            <source>%1 of %2 action points open</source>
            <translation>%1 actions à mener ouvertes sur %2</translation>
        </message>
        <message>
            <source>%1, %2 overdue</source>
            <translation>%1, %2 en retard</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>Point</translation>
        </message>
        <message>
            <source>Action point</source>
            <translation>Action à mener</translation>
        </message>
        <message>
            <source>Paper-trail entry</source>
            <translation>Entrée des traces écrites</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Shortcuts</source>
            <translation>Raccourcis</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <source>Tab and Shift+Tab move between controls; Enter opens the case on a selected line; Alt with an underlined letter presses that button or opens that menu.</source>
            <translation>Tab et Maj+Tab passent d'une commande à l'autre ; Entrée ouvre le dossier de la ligne choisie ; Alt avec une lettre soulignée actionne ce bouton ou ouvre ce menu.</translation>
        </message>
    </context>
    <context>
        <name>SyncDialog</name>
        <message>
            <source>the first meeting's narrative</source>
            <translation>le récit du premier entretien</translation>
        </message>
        <message>
            <source>the originals received</source>
            <translation>les originaux reçus</translation>
        </message>
        <message>
            <source>the member's decision</source>
            <translation>la décision de l'adhérent</translation>
        </message>
        <message>
            <source>the remedy sought</source>
            <translation>la réparation demandée</translation>
        </message>
        <message>
            <source>an issue</source>
            <translation>un point soulevé</translation>
        </message>
        <message>
            <source>an action point</source>
            <translation>une action à mener</translation>
        </message>
        <message>
            <source>a note</source>
            <translation>une note</translation>
        </message>
        <message>
            <source>a paper-trail entry</source>
            <translation>une entrée du suivi</translation>
        </message>
        <message>
            <source>an original's description</source>
            <translation>la description d'un original</translation>
        </message>
        <message>
            <source>a deadline's extension note</source>
            <translation>la note de prolongation d'une échéance</translation>
        </message>
        <message>
            <source>a deadline's overdue reason</source>
            <translation>la raison du retard d'une échéance</translation>
        </message>
        <message>
            <source>a breach's actions</source>
            <translation>les mesures prises après une violation</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Synchronisation</translation>
        </message>
        <message>
            <source>Sync status</source>
            <translation>État de la synchronisation</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>&amp;Synchroniser maintenant</translation>
        </message>
        <message>
            <source>Conflicts to resolve</source>
            <translation>Conflits à résoudre</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <source>The version's text</source>
            <translation>Le texte de la version</translation>
        </message>
        <message>
            <source>&amp;Keep this version</source>
            <translation>&amp;Garder cette version</translation>
        </message>
        <message>
            <source>What the last sync said</source>
            <translation>Ce qu'a dit la dernière synchronisation</translation>
        </message>
        <message>
            <source>Devices asking to join</source>
            <translation>Appareils qui demandent à rejoindre</translation>
        </message>
        <message>
            <source>&amp;Accept the device...</source>
            <translation>&amp;Accepter l'appareil...</translation>
        </message>
        <message>
            <source>Devices asking to join (run `casevault sync join` on the new device):</source>
            <translation>Appareils qui demandent à rejoindre (lancez `casevault sync join` sur le nouvel appareil) :</translation>
        </message>
        <message>
            <source>Conflicts: text two devices changed apart. Choose the version to keep:</source>
            <translation>Conflits : un texte modifié séparément sur deux appareils. Choisissez la version à garder :</translation>
        </message>
        <message>
            <source>this device</source>
            <translation>cet appareil</translation>
        </message>
        <message>
            <source>This device syncs through %1 with %2 other device(s); %3 change(s) not sent yet.</source>
            <translation>Cet appareil se synchronise par %1 avec %2 autre(s) appareil(s) ; %3 modification(s) pas encore envoyée(s).</translation>
        </message>
        <message>
            <source>Last synced %1.</source>
            <translation>Dernière synchronisation : %1.</translation>
        </message>
        <message>
            <source>Not synced yet.</source>
            <translation>Pas encore synchronisé.</translation>
        </message>
        <message>
            <source>Not accepted: the codes must match on both screens.</source>
            <translation>Non accepté : les codes doivent être identiques sur les deux écrans.</translation>
        </message>
        <message>
            <source>Accepted. The new device finishes joining once the folder has synced.</source>
            <translation>Accepté. Le nouvel appareil finit de rejoindre une fois le dossier synchronisé.</translation>
        </message>
        <message>
            <source>Accept the device?</source>
            <translation>Accepter l'appareil ?</translation>
        </message>
        <message>
            <source>Does %1 show this code?

%2

Accept it only if every digit is the same.</source>
            <translation>%1 affiche-t-il ce code ?

%2

N'acceptez que si chaque chiffre est identique.</translation>
        </message>
        <message>
            <source> (shown now)</source>
            <translation> (affichée)</translation>
        </message>
        <message>
            <source>Sent %1 from %2%3</source>
            <translation>Envoyée le %1 depuis %2%3</translation>
        </message>
        <message>
            <source>Kept, and written to the sync folder for the other devices.</source>
            <translation>Gardée, et écrite dans le dossier de synchronisation pour les autres appareils.</translation>
        </message>
        <message>
            <source>Sent %1 change(s); took in %2.</source>
            <translation>%1 modification(s) envoyée(s) ; %2 reçue(s).</translation>
        </message>
    </context>
    <context>
        <name>SyncWatch</name>
        <message>
            <source>Sync refused %1 change set(s); Settings &gt; Sync says why.</source>
            <translation>La synchronisation a refusé %1 lot(s) de modifications ; Paramètres &gt; Synchronisation dit pourquoi.</translation>
        </message>
        <message>
            <source>Synced: %1 change(s) from other devices.</source>
            <translation>Synchronisé : %1 modification(s) venue(s) d'autres appareils.</translation>
        </message>
    </context>
    <context>
        <name>TodayView</name>
        <message>
            <source>Today</source>
            <translation>Aujourd'hui</translation>
        </message>
        <message>
            <source>Today's date</source>
            <translation>Date du jour</translation>
        </message>
        <message>
            <source>&amp;All cases</source>
            <translation>&amp;Tous les dossiers</translation>
        </message>
        <message>
            <source>All cases</source>
            <translation>Tous les dossiers</translation>
        </message>
        <message>
            <source>Coming up</source>
            <translation>À venir</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Quand</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Adhérent</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Quoi</translation>
        </message>
        <message>
            <source>Reminders due</source>
            <translation>Rappels dus</translation>
        </message>
        <message>
            <source>Waiting on you</source>
            <translation>En attente de vous</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Échéance</translation>
        </message>
        <message>
            <source>Open cases by stage</source>
            <translation>Dossiers ouverts par étape</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Étape</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Dossiers</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <source>Today, %1</source>
            <translation>Aujourd'hui, %1</translation>
        </message>
        <message>
            <source>Hearing</source>
            <translation>Audience</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Réunion</translation>
        </message>
        <message>
            <source>Overdue since %1</source>
            <translation>En retard depuis le %1</translation>
        </message>
        <message>
            <source>No deadlines or hearings in the next %1 days.</source>
            <translation>Aucune échéance ni audience dans les %1 prochains jours.</translation>
        </message>
        <message>
            <source>And %1 more: see the agenda.</source>
            <translation>Et %1 de plus : voir l'agenda.</translation>
        </message>
        <message>
            <source>Show all reminders</source>
            <translation>Voir tous les rappels</translation>
        </message>
        <message>
            <source>No reminders due.</source>
            <translation>Aucun rappel dû.</translation>
        </message>
        <message>
            <source>%1 reminders due.</source>
            <translation>%1 rappels dus.</translation>
        </message>
        <message>
            <source>No date</source>
            <translation>Sans date</translation>
        </message>
        <message>
            <source>No action points are waiting on you.</source>
            <translation>Aucune action à mener ne vous attend.</translation>
        </message>
        <message>
            <source>And %1 more.</source>
            <translation>Et %1 de plus.</translation>
        </message>
        <message>
            <source>No procedure</source>
            <translation>Aucune procédure</translation>
        </message>
        <message>
            <source>Procedure finished</source>
            <translation>Procédure terminée</translation>
        </message>
        <message>
            <source>No open cases</source>
            <translation>Aucun dossier ouvert</translation>
        </message>
    </context>
    <context>
        <name>TypedInputDialog</name>
        <message>
            <source>Discard what you typed?</source>
            <translation>Abandonner ce que vous avez saisi ?</translation>
        </message>
        <message>
            <source>What you typed in this window has not been saved.</source>
            <translation>Ce que vous avez saisi dans cette fenêtre n'a pas été enregistré.</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Abandonner</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Abandonner</translation>
        </message>
        <message>
            <source>&amp;Keep editing</source>
            <translation>&amp;Continuer la saisie</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>Continuer la saisie</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Unlock casevault</source>
            <translation>Déverrouiller casevault</translation>
        </message>
        <message>
            <source>Why the passphrase is needed</source>
            <translation>Pourquoi la phrase de passe est nécessaire</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Phrase de passe</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Phrase de passe :</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Déverrouiller</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Déverrouiller</translation>
        </message>
        <message>
            <source>Enter your passphrase to unlock the vault.</source>
            <translation>Saisissez votre phrase de passe pour déverrouiller le coffre.</translation>
        </message>
        <message>
            <source>%1, so please enter your passphrase.</source>
            <translation>%1 ; veuillez donc saisir votre phrase de passe.</translation>
        </message>
        <message>
            <source>Please type your passphrase.</source>
            <translation>Veuillez saisir votre phrase de passe.</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>Déverrouillage…</translation>
        </message>
        <message>
            <source>That passphrase did not open the vault. Please check it and try again in a moment.</source>
            <translation>Cette phrase de passe n'a pas ouvert le coffre. Vérifiez-la et réessayez dans un instant.</translation>
        </message>
        <message>
            <source>That passphrase did not open the vault. Please try again.</source>
            <translation>Cette phrase de passe n'a pas ouvert le coffre. Veuillez réessayer.</translation>
        </message>
    </context>
    <context>
        <name>_FormDialog</name>
        <message>
            <source>Problem</source>
            <translation>Problème</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>casevault</name>
        <message>
            <source>This is the demo vault. Its passphrase is: %1</source>
            <translation>Ceci est le coffre de démonstration. Sa phrase de passe est : %1</translation>
        </message>
    </context>
    <context>
        <name>casework</name>
        <message>
            <source>Lost or stolen device</source>
            <translation>Appareil perdu ou volé</translation>
        </message>
        <message>
            <source>Sent to the wrong person</source>
            <translation>Envoyé à la mauvaise personne</translation>
        </message>
        <message>
            <source>Seen by someone not entitled to see it</source>
            <translation>Vu par une personne non autorisée</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <source>The General Secretary</source>
            <translation>Le Secrétaire général</translation>
        </message>
        <message>
            <source>The Executive Committee</source>
            <translation>Le Comité exécutif</translation>
        </message>
        <message>
            <source>Any breach of confidentiality must be reported immediately to the General Secretary or Executive Committee.</source>
            <translation>Toute violation de confidentialité doit être signalée immédiatement au Secrétaire général ou au Comité exécutif.</translation>
        </message>
        <message>
            <source>The text names someone whose details are in the vault; describe the breach by case reference instead.</source>
            <translation>Le texte nomme une personne dont les coordonnées sont dans le coffre ; décrivez plutôt la violation par référence de dossier.</translation>
        </message>
        <message>
            <source>Choose what kind of breach it was.</source>
            <translation>Choisissez le type de violation.</translation>
        </message>
        <message>
            <source>Say what happened.</source>
            <translation>Indiquez ce qui s'est passé.</translation>
        </message>
        <message>
            <source>The text is longer than 4000 characters.</source>
            <translation>Le texte dépasse 4000 caractères.</translation>
        </message>
        <message>
            <source>The breach cannot be discovered before it happened.</source>
            <translation>La violation ne peut pas avoir été découverte avant d'être survenue.</translation>
        </message>
        <message>
            <source>The dates cannot be in the future.</source>
            <translation>Les dates ne peuvent pas être dans le futur.</translation>
        </message>
        <message>
            <source>Choose who was informed from the list.</source>
            <translation>Choisissez dans la liste qui a été informé.</translation>
        </message>
        <message>
            <source>Say when they were informed.</source>
            <translation>Indiquez quand ils ont été informés.</translation>
        </message>
        <message>
            <source>They cannot be informed before the breach or in the future.</source>
            <translation>Ils ne peuvent pas avoir été informés avant la violation ni dans le futur.</translation>
        </message>
        <message>
            <source>A case reference is not one of this vault's cases.</source>
            <translation>Une référence ne correspond à aucun dossier de ce coffre.</translation>
        </message>
        <message>
            <source>This looks like a work email address at the member's employer. The reps' guide says it is usually best not to use a member's work email account, and that casework should be kept separate from the employer's business. Check with the member which address they would prefer you to use.</source>
            <translation>Cela ressemble à une adresse électronique professionnelle chez l'employeur de l'adhérent. Le guide des délégués indique qu'il vaut généralement mieux ne pas utiliser la messagerie professionnelle d'un adhérent, et que le suivi des dossiers doit rester séparé des affaires de l'employeur. Demandez à l'adhérent quelle adresse il préfère que vous utilisiez.</translation>
        </message>
        <message>
            <source>Consider escalating this case to a more experienced caseworker and notifying the regional office: the guide says this is normally appropriate where dismissal is threatened or discrimination is alleged.</source>
            <translation>Envisagez de confier ce dossier à un chargé de dossiers plus expérimenté et d'informer le bureau régional : selon le guide, c'est normalement indiqué en cas de menace de licenciement ou de discrimination alléguée.</translation>
        </message>
        <message>
            <source>ACAS</source>
            <translation>ACAS</translation>
        </message>
        <message>
            <source>Government services information (GOV.UK: Working)</source>
            <translation>Informations des services publics (GOV.UK : Working)</translation>
        </message>
        <message>
            <source>UCU Support Centre</source>
            <translation>Centre d'assistance de l'UCU</translation>
        </message>
        <message>
            <source>Your UCU regional office (contact details)</source>
            <translation>Votre bureau régional de l'UCU (coordonnées)</translation>
        </message>
        <message>
            <source>Before advising on a point of law, take your time and look it up, or ask your regional office for guidance.</source>
            <translation>Avant de conseiller sur un point de droit, prenez le temps de vérifier, ou demandez conseil à votre bureau régional.</translation>
        </message>
        <message>
            <source>Be conscious of, and avoid, conflicting interests. If a member seeks help about another member, or another non-union employee, reflect on whether you, or UCU, may have any conflicting interests. If you think you may have, it will usually require you, or UCU, to step aside from advising the member.</source>
            <translation>Soyez attentif aux conflits d'intérêts et évitez-les. Si un adhérent demande de l'aide au sujet d'un autre adhérent, ou d'un autre salarié non syndiqué, demandez-vous si vous-même, ou l'UCU, pourriez avoir des intérêts contradictoires. Si vous pensez que c'est le cas, vous-même, ou l'UCU, devrez généralement vous retirer et ne pas conseiller l'adhérent.</translation>
        </message>
        <message>
            <source>If you are asked by management to have an 'off the record' or 'without prejudice' conversation, make sure that you tell the member beforehand and obtain their agreement.</source>
            <translation>Si la direction vous propose un échange « officieux » ou « sous toutes réserves », veillez à prévenir l'adhérent à l'avance et à obtenir son accord.</translation>
        </message>
        <message>
            <source>No conflict</source>
            <translation>Pas de conflit</translation>
        </message>
        <message>
            <source>Step aside</source>
            <translation>Se retirer</translation>
        </message>
        <message>
            <source>Refer on</source>
            <translation>Orienter ailleurs</translation>
        </message>
        <message>
            <source>member</source>
            <translation>adhérent</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>responsable</translation>
        </message>
        <message>
            <source>witness</source>
            <translation>témoin</translation>
        </message>
        <message>
            <source>colleague</source>
            <translation>collègue</translation>
        </message>
        <message>
            <source>complainant</source>
            <translation>plaignant</translation>
        </message>
        <message>
            <source>respondent</source>
            <translation>mis en cause</translation>
        </message>
        <message>
            <source>other</source>
            <translation>autre</translation>
        </message>
        <message>
            <source>Keep the member's data</source>
            <translation>Conserver les données de l'adhérent</translation>
        </message>
        <message>
            <source>Share with other reps</source>
            <translation>Partager avec d'autres délégués</translation>
        </message>
        <message>
            <source>Share with the regional office</source>
            <translation>Partager avec le bureau régional</translation>
        </message>
        <message>
            <source>'Off the record' conversation</source>
            <translation>Échange « officieux »</translation>
        </message>
        <message>
            <source>'Without prejudice' conversation</source>
            <translation>Échange « sous toutes réserves »</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Réunion</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <source>An action point is due.</source>
            <translation>Une action à mener arrive à échéance.</translation>
        </message>
        <message>
            <source>A hearing or meeting is coming up.</source>
            <translation>Une audience ou une réunion approche.</translation>
        </message>
        <message>
            <source>Advice given orally has not been confirmed in writing yet.</source>
            <translation>Un conseil donné oralement n'a pas encore été confirmé par écrit.</translation>
        </message>
        <message>
            <source>The member's original documents have not been returned.</source>
            <translation>Les documents originaux de l'adhérent n'ont pas été rendus.</translation>
        </message>
        <message>
            <source>Escalation was prompted at the first meeting but none is recorded.</source>
            <translation>Le premier entretien appelait une escalade, mais aucune n'est enregistrée.</translation>
        </message>
        <message>
            <source>The archive period has ended: delete this case permanently.</source>
            <translation>La durée d'archivage est écoulée : supprimez ce dossier définitivement.</translation>
        </message>
        <message>
            <source>Time to back up the vault (Vault &gt; Backup…).</source>
            <translation>Il est temps de sauvegarder le coffre (Paramètres &gt; Sauvegarde…).</translation>
        </message>
        <message>
            <source>A deadline is coming up.</source>
            <translation>Une échéance approche.</translation>
        </message>
        <message>
            <source>A deadline falls today.</source>
            <translation>Une échéance tombe aujourd'hui.</translation>
        </message>
        <message>
            <source>A deadline has passed without its stage being recorded as done.</source>
            <translation>Une échéance est passée sans que son étape soit enregistrée comme faite.</translation>
        </message>
        <message>
            <source>The originals were returned; it was not recorded here.</source>
            <translation>Les originaux ont été rendus ; cela n'a pas été enregistré ici.</translation>
        </message>
        <message>
            <source>The member did not want the originals back.</source>
            <translation>L'adhérent n'a pas voulu récupérer les originaux.</translation>
        </message>
        <message>
            <source>The member did not collect the originals.</source>
            <translation>L'adhérent n'est pas venu chercher les originaux.</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Général</translation>
        </message>
        <message>
            <source>Disciplinary</source>
            <translation>Disciplinaire</translation>
        </message>
        <message>
            <source>Grievance</source>
            <translation>Réclamation</translation>
        </message>
        <message>
            <source>Sickness absence</source>
            <translation>Absence pour maladie</translation>
        </message>
        <message>
            <source>Capability</source>
            <translation>Aptitude professionnelle</translation>
        </message>
        <message>
            <source>Discrimination</source>
            <translation>Discrimination</translation>
        </message>
        <message>
            <source>Bullying or harassment</source>
            <translation>Harcèlement</translation>
        </message>
        <message>
            <source>Redundancy</source>
            <translation>Licenciement économique</translation>
        </message>
        <message>
            <source>Pay and conditions</source>
            <translation>Salaire et conditions</translation>
        </message>
        <message>
            <source>Health and safety</source>
            <translation>Santé et sécurité</translation>
        </message>
        <message>
            <source>Resolved informally</source>
            <translation>Résolu à l'amiable</translation>
        </message>
        <message>
            <source>Upheld</source>
            <translation>Fondé</translation>
        </message>
        <message>
            <source>Partly upheld</source>
            <translation>Partiellement fondé</translation>
        </message>
        <message>
            <source>Not upheld</source>
            <translation>Non fondé</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>Retiré</translation>
        </message>
        <message>
            <source>Settled</source>
            <translation>Transaction conclue</translation>
        </message>
        <message>
            <source>Referred to the regional office</source>
            <translation>Transmis au bureau régional</translation>
        </message>
        <message>
            <source>Tribunal claim lodged</source>
            <translation>Recours devant le tribunal déposé</translation>
        </message>
        <message>
            <source>England and Wales</source>
            <translation>Angleterre et pays de Galles</translation>
        </message>
        <message>
            <source>Scotland</source>
            <translation>Écosse</translation>
        </message>
        <message>
            <source>Northern Ireland</source>
            <translation>Irlande du Nord</translation>
        </message>
    </context>
    <context>
        <name>email</name>
        <message>
            <source>The message has no readable date; this entry is dated when it was imported.</source>
            <translation>Le message n'a pas de date lisible ; cette entrée est datée du moment de l'import.</translation>
        </message>
        <message>
            <source>The sender was too long to read in full; it is cut short.</source>
            <translation>L'expéditeur était trop long pour être lu en entier ; il est tronqué.</translation>
        </message>
        <message>
            <source>The list of recipients was too long to read in full; it is cut short.</source>
            <translation>La liste des destinataires était trop longue pour être lue en entier ; elle est tronquée.</translation>
        </message>
        <message>
            <source>The subject was too long to read in full; it is cut short.</source>
            <translation>L'objet était trop long pour être lu en entier ; il est tronqué.</translation>
        </message>
        <message>
            <source>The message's headers were too long to read in full; some may be missing.</source>
            <translation>Les en-têtes du message étaient trop longs pour être lus en entier ; certains peuvent manquer.</translation>
        </message>
        <message>
            <source>The message is too long to show in full; its end is left out.</source>
            <translation>Le message est trop long pour être affiché en entier ; la fin n'est pas montrée.</translation>
        </message>
        <message>
            <source>The message has too many parts, or parts too deeply nested, to read them all; some may be missing.</source>
            <translation>Le message a trop de parties, ou des parties trop imbriquées, pour toutes les lire ; certaines peuvent manquer.</translation>
        </message>
        <message>
            <source>The message is written in HTML; it is shown as plain text, and nothing it links to (pictures included) was loaded.</source>
            <translation>Le message est écrit en HTML ; il est affiché en texte brut, et rien de ce vers quoi il renvoie (images comprises) n'a été chargé.</translation>
        </message>
        <message>
            <source>The message has no text to show.</source>
            <translation>Le message n'a pas de texte à afficher.</translation>
        </message>
        <message>
            <source>The message took too long to read in full; some of its attachments were not filed.</source>
            <translation>La lecture complète du message a pris trop de temps ; certaines de ses pièces jointes n'ont pas été classées.</translation>
        </message>
        <message>
            <source>The message's text is held only in Outlook's RTF form, which casevault does not read; the message itself is kept whole.</source>
            <translation>Le texte du message n'existe que sous la forme RTF d'Outlook, que casevault ne lit pas ; le message lui-même est conservé en entier.</translation>
        </message>
        <message>
            <source>The message has too many attachments, or attachments nested too deeply; some were not filed.</source>
            <translation>Le message a trop de pièces jointes, ou des pièces jointes trop imbriquées ; certaines n'ont pas été classées.</translation>
        </message>
        <message>
            <source>The message is damaged or is not an Outlook message.</source>
            <translation>Le message est endommagé ou n'est pas un message Outlook.</translation>
        </message>
    </context>
</TS>
