"""French translations of casevault's messages, by English source text.

scripts/translations.py writes these into casevault_fr.ts. Keep `&` accelerators, `%1`/`%n`
and `{0}` placeholders, and trailing "…" or ":" as the English has them. `IN_CONTEXT` overrides
`FR` where one English text needs different French in one context (class name or QT_TRANSLATE_NOOP
context). Numerus messages (`%n`) give a tuple of French forms: (singular, plural)."""

# ruff: noqa: E501 - one message a line where it fits; this is data
from __future__ import annotations

# fmt: off
FR: dict[str, str | tuple[str, ...]] = {
    # Search
    "Showing the first %1 matching cases: add a word to narrow the search.": "Affichage des %1 premiers dossiers trouvés : ajoutez un mot pour affiner la recherche.",
    # Search snippets and empty lists (issue 18)
    "Found in": "Trouvé dans",
    "Member's name": "Nom de l'adhérent",
    "Case title": "Titre du dossier",
    "Document name": "Nom du document",
    "First meeting": "Premier entretien",
    "No case matches this search. Check the spelling, or try fewer or shorter words.": "Aucun dossier ne correspond à cette recherche. Vérifiez l'orthographe, ou essayez des mots moins nombreux ou plus courts.",
    "Only the cases the Show filter lists are searched: choose All to search every case.": "Seuls les dossiers que liste le filtre Afficher sont cherchés : choisissez Tous pour chercher dans tous les dossiers.",
    "No cases yet. Press New case to record a member's first meeting.": "Aucun dossier pour l'instant. Appuyez sur Nouveau dossier pour noter le premier entretien d'un adhérent.",
    "No open cases. Choose All in Show to see the closed ones, or press New case.": "Aucun dossier ouvert. Choisissez Tous dans Afficher pour voir les dossiers clos, ou appuyez sur Nouveau dossier.",
    "No closed cases. A case is listed here once it is closed.": "Aucun dossier clos. Un dossier apparaît ici une fois clos.",
    "Nothing is due. Deadlines, hearings, action points and follow-ups appear here when they fall due.": "Rien n'est à échéance. Les échéances, audiences, actions à mener et suivis apparaissent ici quand ils arrivent à échéance.",
    # Action points
    "Action points": "Actions à mener",
    "What": "Quoi",
    "Who": "Qui",
    "Due": "Échéance",
    "Done": "Fait",
    "Action point": "Action à mener",
    "What is to be done": "Ce qu'il faut faire",
    "Owner": "Responsable",
    "Due date": "Date d'échéance",
    "No due date": "Sans échéance",
    "Add &action point": "Ajouter une &action",
    "Add action point": "Ajouter une action",
    "Action points status": "État des actions à mener",
    "Action point added.": "Action ajoutée.",
    # Originals
    "Add original document": "Ajouter un document original",
    "Description": "Description",
    "e.g. Payslips, January to March (originals)": "p. ex. Bulletins de paie, janvier à mars (originaux)",
    "Date received": "Date de réception",
    "Where kept": "Lieu de conservation",
    "e.g. Locked drawer, branch office": "p. ex. Tiroir fermé à clé, local de la section",
    "&Description:": "&Description :",
    "&Received:": "&Reçu le :",
    "&Where kept:": "&Conservé où :",
    "Give the date it was received.": "Indiquez la date de réception.",
    # Agenda
    "Agenda": "Agenda",
    "What falls due in the next %1 days": "Ce qui arrive à échéance dans les %1 prochains jours",
    "Agenda period": "Période de l'agenda",
    "Agenda items": "Éléments de l'agenda",
    "Day / time": "Jour / heure",
    "Reference": "Référence",
    "Member": "Adhérent",
    "Close": "Fermer",
    "Overdue": "En retard",
    "Today, %1": "Aujourd'hui, %1",
    "Nothing falls due.": "Rien n'arrive à échéance.",
    "casevault was locked": "casevault a été verrouillé",
    # Attach queue
    "Importing the email {0} into the paper trail ({1} of {2})…":
        "Import du courriel {0} dans les traces écrites ({1} sur {2})…",
    "Encrypting {0} ({1} of {2})…": "Chiffrement de {0} ({1} sur {2})…",
    "Attaching was cancelled; that file was not added.": "Ajout annulé ; ce fichier n'a pas été ajouté.",
    "Something went wrong while encrypting the file; it was not added.":
        "Un problème est survenu pendant le chiffrement du fichier ; il n'a pas été ajouté.",
    # Backup
    "Backup": "Sauvegarde",
    "A backup is one encrypted file holding the whole vault. Keep it somewhere else, such as a USB stick. "
    "It opens with the vault passphrase (not the system keychain, which stays on this computer).":
        "Une sauvegarde est un seul fichier chiffré contenant tout le coffre. Conservez-la ailleurs, "
        "par exemple sur une clé USB. Elle s'ouvre avec la phrase de passe du coffre (pas avec le "
        "trousseau du système, qui reste sur cet ordinateur).",
    "About backups": "À propos des sauvegardes",
    "A case deleted after this backup can still be read from this backup by anyone with the passphrase "
    "at the time; destroy old backups like the vault, or make a new backup after deleting and destroy "
    "the old one.":
        "Un dossier supprimé après cette sauvegarde reste lisible dans celle-ci par toute personne "
        "connaissant la phrase de passe de l'époque ; détruisez les anciennes sauvegardes comme le coffre, "
        "ou faites une nouvelle sauvegarde après la suppression et détruisez l'ancienne.",
    "Deleted cases and old backups": "Dossiers supprimés et anciennes sauvegardes",
    "Never": "Jamais",
    " days": " jours",
    "Remind me to back up every": "Me rappeler de sauvegarder tous les",
    "Passphrase for verifying": "Phrase de passe pour la vérification",
    "Passphrase (to verify)": "Phrase de passe (pour vérifier)",
    "&Back up to…": "&Sauvegarder vers…",
    "Back up to a file": "Sauvegarder dans un fichier",
    "&Verify a backup…": "&Vérifier une sauvegarde…",
    "Verify a backup": "Vérifier une sauvegarde",
    "&Cancel": "&Annuler",
    "Cancel the backup": "Annuler la sauvegarde",
    "Progress": "Progression",
    "Status": "État",
    "Back up the vault to": "Sauvegarder le coffre dans",
    "Backing up…": "Sauvegarde en cours…",
    "The backup is written. Verify it with the passphrase to be sure.":
        "La sauvegarde est écrite. Vérifiez-la avec la phrase de passe pour en être sûr.",
    "Cancelled; no backup file was left behind.": "Annulé ; aucun fichier de sauvegarde n'a été laissé.",
    "The backup failed; nothing was written.": "La sauvegarde a échoué ; rien n'a été écrit.",
    "Choose a backup to verify": "Choisir une sauvegarde à vérifier",
    "Type the passphrase the vault had when the backup was made.":
        "Saisissez la phrase de passe qu'avait le coffre lors de la sauvegarde.",
    "Verifying: restoring into a private temporary folder…":
        "Vérification : restauration dans un dossier temporaire privé…",
    "This backup would not restore cleanly: %1": "Cette sauvegarde ne se restaurerait pas correctement : %1",
    "The backup is good: it restores, opens and passes the check.":
        "La sauvegarde est bonne : elle se restaure, s'ouvre et passe la vérification.",
    "Verification cancelled.": "Vérification annulée.",
    "The backup could not be verified.": "La sauvegarde n'a pas pu être vérifiée.",
    # Breach
    "Report a confidentiality breach": "Signaler une violation de confidentialité",
    "The union's policy": "La politique du syndicat",
    "Describe what happened by case reference only: no names or details of members or anyone else in a case.":
        "Décrivez ce qui s'est passé uniquement par référence de dossier : aucun nom ni détail "
        "concernant des adhérents ou toute autre personne d'un dossier.",
    "How to fill in this form": "Comment remplir ce formulaire",
    "When it happened": "Date des faits",
    "When it was discovered": "Date de la découverte",
    "Kind of breach": "Type de violation",
    "What happened": "Ce qui s'est passé",
    "Cases affected": "Dossiers concernés",
    "Case references, e.g. CV-2026-0001, CV-2026-0002": "Références des dossiers, p. ex. CV-2026-0001, CV-2026-0002",
    "When they were informed": "Date à laquelle ils ont été informés",
    "Actions taken": "Mesures prises",
    "&Happened:": "&Survenue le :",
    "&Discovered:": "&Découverte le :",
    "&Kind:": "&Type :",
    "&What happened:": "&Ce qui s'est passé :",
    "&Cases affected:": "Dossiers &concernés :",
    "Informed:": "Informé(s) :",
    "Informed &on:": "Informé(s) &le :",
    "&Actions taken:": "&Mesures prises :",
    "Message": "Message",
    "&Record the breach": "&Enregistrer la violation",
    "Record the breach": "Enregistrer la violation",
    "&Export report…": "E&xporter le rapport…",
    "Export report": "Exporter le rapport",
    "The breach is recorded. Export the report to send it on; it holds case references only.":
        "La violation est enregistrée. Exportez le rapport pour le transmettre ; il ne contient que "
        "des références de dossiers.",
    "The report was exported.": "Le rapport a été exporté.",
    "Breach records": "Registre des violations",
    "Breaches recorded": "Violations enregistrées",
    "Discovered": "Découverte",
    "Kind": "Type",
    "Cases": "Dossiers",
    # Bulk delete
    "Delete all expired cases": "Supprimer tous les dossiers expirés",
    "Cases past their archive period: %1. Deleting them is permanent and cannot be undone; a deletion "
    "record of each (no name, no content) is kept in the deletion log.":
        "Dossiers dont la durée d'archivage est écoulée : %1. Leur suppression est définitive et "
        "irréversible ; une trace de suppression de chacun (sans nom ni contenu) est conservée dans "
        "le journal des suppressions.",
    "Cases that still hold the member's originals are left for you to delete one by one: %1":
        "Les dossiers qui contiennent encore des originaux de l'adhérent sont à supprimer un par un : %1",
    "Type the number of cases to confirm": "Saisissez le nombre de dossiers pour confirmer",
    "&Type the number of cases (%1) to confirm:": "&Saisissez le nombre de dossiers (%1) pour confirmer :",
    "&Delete all permanently": "&Tout supprimer définitivement",
    "Delete all permanently": "Tout supprimer définitivement",
    "Cancel": "Annuler",
    # Typed input is never thrown away unasked (issue 13)
    "Discard what you typed?": "Abandonner ce que vous avez saisi ?",
    "What you typed in this window has not been saved.":
        "Ce que vous avez saisi dans cette fenêtre n'a pas été enregistré.",
    "&Discard": "&Abandonner",
    "Discard": "Abandonner",
    "&Keep editing": "&Continuer la saisie",
    "Keep editing": "Continuer la saisie",
    "What will be deleted": "Ce qui sera supprimé",
    "Deleting cases permanently…": "Suppression définitive des dossiers…",
    "&Stop": "&Arrêter",
    "Stop": "Arrêter",
    "Deleting cases": "Suppression des dossiers",
    "Deleted %1 of %2 cases…": "%1 dossiers supprimés sur %2…",
    # Case dates
    "Hearing": "Audience",
    "Meeting": "Réunion",
    "Hearings and meetings": "Audiences et réunions",
    "When": "Quand",
    "Note": "Note",
    "Date kind": "Type de date",
    "Date and time": "Date et heure",
    "Date note": "Note sur la date",
    "Where, with whom (optional)": "Où, avec qui (facultatif)",
    "Add &date": "Ajouter une &date",
    "Add hearing or meeting": "Ajouter une audience ou une réunion",
    "Remo&ve date": "Su&pprimer la date",
    "Remove hearing or meeting": "Supprimer l'audience ou la réunion",
    "Hearings and meetings status": "État des audiences et réunions",
    "Please choose when it is.": "Veuillez choisir la date.",
    "Added. You will be reminded two days before.": "Ajouté. Un rappel vous sera présenté deux jours avant.",
    "Removed.": "Supprimé.",
    # Case history
    "Case opened": "Dossier ouvert",
    "Case handed over to a colleague": "Dossier transmis à un collègue",
    "Case received by handover": "Dossier reçu par transmission",
    "Case closed": "Dossier clos",
    "Case reopened": "Dossier rouvert",
    "Document attached": "Document joint",
    "Document previewed": "Document prévisualisé",
    "Decrypted copy saved": "Copie déchiffrée enregistrée",
    "Document sent out in an encrypted zip": "Document envoyé dans un zip chiffré",
    "Encrypted zip made for sending": "Zip chiffré créé pour l'envoi",
    "Case summary PDF saved": "Résumé PDF du dossier enregistré",
    "Case deleted": "Dossier supprimé",
    "Person added to the case": "Personne ajoutée au dossier",
    "Person removed from the case": "Personne retirée du dossier",
    "Consent recorded": "Consentement enregistré",
    "Consent withdrawn": "Consentement retiré",
    "Escalation recorded": "Escalade enregistrée",
    "Paper-trail entry edited (new version)": "Entrée des traces écrites modifiée (nouvelle version)",
    "Original document received": "Document original reçu",
    "Original document returned": "Document original rendu",
    "Case history": "Historique du dossier",
    # Case list
    "Type": "Type",
    "Next date due": "Prochaine échéance",
    "Last updated": "Dernière mise à jour",
    "Open": "Ouvert",
    "Closed": "Clos",
    # Case page
    "Case": "Dossier",
    "← &Back to cases": "← &Retour aux dossiers",
    "Back to cases": "Retour aux dossiers",
    "Case reference": "Référence du dossier",
    "Case sections": "Sections du dossier",
    "Documents will appear here.": "Les documents apparaîtront ici.",
    "Documents": "Documents",
    "&Overview": "&Vue d'ensemble",
    "&First meeting": "Premier &entretien",
    "&Paper trail": "&Traces écrites",
    "&Action points": "&Actions à mener",
    "&Documents": "&Documents",
    "P&eople": "P&ersonnes",
    "Re&view": "&Bilan",
    "O&riginals": "&Originaux",
    "Still open": "Toujours ouvert",
    "Due for deletion on %1": "À supprimer le %1",
    "Not closed": "Non clos",
    "Member name": "Nom de l'adhérent",
    "Opened": "Ouvert le",
    "Deletion": "Suppression",
    "Preferred contact address": "Adresse de contact préférée",
    "Not recorded": "Non renseigné",
    "%1:": "%1 :",
    "Work email warning": "Avertissement sur l'adresse professionnelle",
    "Delete case &permanently…": "Supprimer le dossier &définitivement…",
    "Delete case permanently": "Supprimer le dossier définitivement",
    "Erase this case and its documents for good; only closed cases can be deleted.":
        "Effacer définitivement ce dossier et ses documents ; seuls les dossiers clos peuvent être supprimés.",
    "&Reopen case": "&Rouvrir le dossier",
    "Reopen case": "Rouvrir le dossier",
    "C&lose case…": "C&lore le dossier…",
    "Close case": "Clore le dossier",
    "&Write to the member…": "É&crire à l'adhérent…",
    "Write to the member": "Écrire à l'adhérent",
    "Opens a draft in your email program with the address in Bcc and no attachment: send documents as an "
    "encrypted zip instead.":
        "Ouvre un brouillon dans votre messagerie avec l'adresse en Cci et sans pièce jointe : envoyez "
        "plutôt les documents dans un zip chiffré.",
    "&History:": "&Historique :",
    "E&xport…": "E&xporter…",
    "Export as an encrypted zip": "Exporter dans un zip chiffré",
    "&Hand over…": "&Transmettre…",
    "Hand over to a colleague": "Transmettre à un collègue",
    # Close case
    "Closing %1 keeps it for its archive period; then casevault reminds you to delete it permanently. "
    "You can reopen it until then.":
        "Clore %1 le conserve pendant sa durée d'archivage ; casevault vous rappelle ensuite de le "
        "supprimer définitivement. Vous pouvez le rouvrir d'ici là.",
    "Archive period in days": "Durée d'archivage en jours",
    "Due for deletion on": "À supprimer le",
    "&Archive period:": "Durée d'&archivage :",
    "Due for deletion on:": "À supprimer le :",
    "The member's original documents are not recorded as returned. Return them before closing if you "
    "can; a reminder will ask until they are.":
        "Les documents originaux de l'adhérent ne sont pas enregistrés comme rendus. Rendez-les avant de "
        "clore si possible ; un rappel vous le demandera jusqu'à ce qu'ils le soient.",
    "Originals warning": "Avertissement sur les originaux",
    "Close case message": "Message de clôture du dossier",
    "&Close case": "&Clore le dossier",
    "The first meeting prompted an escalation (dismissal threatened or discrimination alleged) and none "
    "is recorded. Record the escalation, or give the reason for closing without one; it goes into the "
    "paper trail.":
        "Le premier entretien appelait une escalade (menace de licenciement ou discrimination alléguée) "
        "et aucune n'est enregistrée. Enregistrez l'escalade, ou indiquez pourquoi vous clôturez sans "
        "escalade ; ce motif est ajouté aux traces écrites.",
    "Escalation warning": "Avertissement sur l'escalade",
    "&Reason for closing without escalation:": "&Motif de clôture sans escalade :",
    "Reason for closing without escalation": "Motif de clôture sans escalade",
    "Record &escalation…": "Enregistrer une &escalade…",
    "Record escalation": "Enregistrer une escalade",
    # Conflict
    "Possible conflict of interest": "Conflit d'intérêts possible",
    "Someone with a similar name is already in these cases (shown by reference and role only):":
        "Une personne au nom semblable figure déjà dans ces dossiers (indiqués par référence et rôle "
        "uniquement) :",
    "Matching cases": "Dossiers correspondants",
    "Role there": "Rôle dans ce dossier",
    "The guide on conflicting interests": "Le guide sur les conflits d'intérêts",
    "Your decision (recorded in the paper trail):": "Votre décision (enregistrée dans les traces écrites) :",
    "&No conflict": "&Pas de conflit",
    "No conflict": "Pas de conflit",
    "&Step aside": "&Se retirer",
    "Step aside": "Se retirer",
    "&Refer on": "&Orienter ailleurs",
    "Refer on": "Orienter ailleurs",
    "&Record decision": "&Enregistrer la décision",
    "Record decision": "Enregistrer la décision",
    # Consent
    "Consent": "Consentement",
    "Consents": "Consentements",
    "Scope": "Portée",
    "Given": "Donné le",
    "Consent scope": "Portée du consentement",
    "Consent given on": "Consentement donné le",
    "Consent note": "Note sur le consentement",
    "How it was given (optional)": "Comment il a été donné (facultatif)",
    "Record &consent": "Enregistrer le &consentement",
    "Record consent": "Enregistrer le consentement",
    "&Withdraw": "&Retirer",
    "Withdraw consent": "Retirer le consentement",
    "Consent message": "Message sur le consentement",
    "In force": "En vigueur",
    "Withdrawn on %1": "Retiré le %1",
    "Consent recorded.": "Consentement enregistré.",
    "Consent recorded as withdrawn.": "Consentement enregistré comme retiré.",
    # Create vault
    "Create your casevault": "Créer votre casevault",
    "Create vault": "Créer le coffre",
    "Choose a passphrase for your new vault. Everything in it is encrypted with this passphrase. If this "
    "computer's keychain is ever lost or reset, the passphrase is the only way back in: write it down "
    "and keep it somewhere safe.":
        "Choisissez une phrase de passe pour votre nouveau coffre. Tout son contenu est chiffré avec "
        "cette phrase de passe. Si le trousseau de cet ordinateur est perdu ou réinitialisé, la phrase "
        "de passe est le seul moyen d'y accéder : notez-la et conservez-la en lieu sûr.",
    "Passphrase": "Phrase de passe",
    "Repeat passphrase": "Répéter la phrase de passe",
    "Passphrase strength": "Solidité de la phrase de passe",
    "&Remember on this computer (use the system keychain)":
        "&Mémoriser sur cet ordinateur (utiliser le trousseau du système)",
    "Remember on this computer": "Mémoriser sur cet ordinateur",
    "&Passphrase:": "&Phrase de passe :",
    "Re&peat it:": "&Répétez-la :",
    "&Create vault": "&Créer le coffre",
    "Strong: several words make a passphrase that is hard to guess.":
        "Solide : plusieurs mots font une phrase de passe difficile à deviner.",
    "Acceptable. A few more words would make it stronger.":
        "Acceptable. Quelques mots de plus la rendraient plus solide.",
    "The passphrase is too short: use at least %1 characters (a few unrelated words work well).":
        "La phrase de passe est trop courte : utilisez au moins %1 caractères (quelques mots sans "
        "rapport entre eux conviennent bien).",
    "The passphrase repeats too few different characters to be safe.":
        "La phrase de passe contient trop peu de caractères différents pour être sûre.",
    "The two passphrases differ. Please type the same one twice.":
        "Les deux phrases de passe diffèrent. Veuillez saisir deux fois la même.",
    "Creating the vault…": "Création du coffre…",
    # Delete case
    "Deleting a case is permanent and cannot be undone. Its notes, first meeting, action points and "
    "documents are erased from this vault, and its key is destroyed. A deletion record (reference, type "
    "and dates, with no name and no content) is kept in the deletion log.":
        "La suppression d'un dossier est définitive et irréversible. Ses notes, son premier entretien, "
        "ses actions à mener et ses documents sont effacés de ce coffre, et sa clé est détruite. Une "
        "trace de suppression (référence, type et dates, sans nom ni contenu) est conservée dans le "
        "journal des suppressions.",
    "What deletion means": "Ce que signifie la suppression",
    "Type the reference to confirm": "Saisissez la référence pour confirmer",
    "&Type the reference %1 to confirm:": "&Saisissez la référence %1 pour confirmer :",
    "Why the originals are not returned": "Pourquoi les originaux ne sont pas rendus",
    "Choose a reason…": "Choisissez un motif…",
    "<b>The member's original documents are not recorded as returned.</b> Return them first if you can; "
    "otherwise choose why they are not being returned.":
        "<b>Les documents originaux de l'adhérent ne sont pas enregistrés comme rendus.</b> Rendez-les "
        "d'abord si possible ; sinon, indiquez pourquoi ils ne sont pas rendus.",
    "&Reason:": "&Motif :",
    "&Delete permanently": "&Supprimer définitivement",
    "Delete permanently": "Supprimer définitivement",
    "&Close": "&Fermer",
    "Case %1 was deleted permanently on %2.": "Le dossier %1 a été supprimé définitivement le %2.",
    # Deletion log
    "Deletion log": "Journal des suppressions",
    "Cases deleted permanently from this vault. The records hold no names and no content; export them "
    "as proof for the union as data controller.":
        "Dossiers supprimés définitivement de ce coffre. Les traces ne contiennent ni nom ni contenu ; "
        "exportez-les comme preuve pour le syndicat en tant que responsable du traitement.",
    "About the deletion log": "À propos du journal des suppressions",
    "Deletion records": "Traces de suppression",
    "Deleted": "Supprimé le",
    "Originals": "Originaux",
    "&Export…": "&Exporter…",
    "Export": "Exporter",
    "Export the deletion log": "Exporter le journal des suppressions",
    "%1 already exists; choose a new file name.": "%1 existe déjà ; choisissez un autre nom de fichier.",
    "Could not write %1: %2": "Impossible d'écrire %1 : %2",
    "Exported the deletion log to %1.": "Journal des suppressions exporté vers %1.",
    # Device check
    "Check this device": "Vérifier cet appareil",
    "Casework files must be kept encrypted, and the computer locked when you are not using it. casevault "
    "checks what it can on this computer.":
        "Les dossiers doivent rester chiffrés, et l'ordinateur verrouillé lorsque vous ne l'utilisez "
        "pas. casevault vérifie ce qu'il peut sur cet ordinateur.",
    "About the device check": "À propos de la vérification de l'appareil",
    "Checking…": "Vérification…",
    "Disk encryption": "Chiffrement du disque",
    "Screen lock": "Verrouillage de l'écran",
    "What to do": "Que faire",
    "Check &again": "&Vérifier à nouveau",
    "Check again": "Vérifier à nouveau",
    "Good": "Bon",
    "Needs attention": "À surveiller",
    "Could not tell": "Impossible à déterminer",
    "%1: %2. %3": "%1 : %2. %3",
    # Documents
    "Document list": "Liste des documents",
    "Name": "Nom",
    "Size": "Taille",
    "Added": "Ajouté le",
    "&Attach documents…": "&Joindre des documents…",
    "Attach documents": "Joindre des documents",
    "Attach documents (Ctrl+O); you can also drop files here":
        "Joindre des documents (Ctrl+O) ; vous pouvez aussi déposer des fichiers ici",
    "&Preview": "&Aperçu",
    "Preview document": "Aperçu du document",
    "Save a &decrypted copy…": "Enregistrer une copie &déchiffrée…",
    "Save a decrypted copy": "Enregistrer une copie déchiffrée",
    "Encryption progress": "Progression du chiffrement",
    "Attaching status": "État de l'ajout",
    "Cancel attaching": "Annuler l'ajout",
    "Documents message": "Message sur les documents",
    "Please wait until the copy is saved, then attach the documents again.":
        "Veuillez attendre que la copie soit enregistrée, puis joignez à nouveau les documents.",
    "The email was stored and added to the paper trail.":
        "Le courriel a été conservé et ajouté aux traces écrites.",
    "Cancelling…": "Annulation…",
    "This document is too large to preview; save a decrypted copy instead.":
        "Ce document est trop volumineux pour l'aperçu ; enregistrez plutôt une copie déchiffrée.",
    "This document could not be opened.": "Ce document n'a pas pu être ouvert.",
    "Saving a decrypted copy…": "Enregistrement d'une copie déchiffrée…",
    "Saved a decrypted copy. It is not protected by the vault.":
        "Copie déchiffrée enregistrée. Elle n'est pas protégée par le coffre.",
    "Saving was cancelled; no copy was written.": "Enregistrement annulé ; aucune copie n'a été écrite.",
    "The copy could not be saved.": "La copie n'a pas pu être enregistrée.",
    # Edit entry
    "Edit entry": "Modifier l'entrée",
    "The entry is sealed: saving adds a new version, and every earlier version is kept.":
        "L'entrée est scellée : enregistrer ajoute une nouvelle version, et toutes les versions "
        "précédentes sont conservées.",
    "New text": "Nouveau texte",
    "&Save new version": "&Enregistrer la nouvelle version",
    "Save new version": "Enregistrer la nouvelle version",
    # Escalation
    "Escalated to": "Transmis à",
    "e.g. the branch's senior caseworker": "p. ex. le chargé de dossiers expérimenté de la section",
    "When escalated": "Date de l'escalade",
    "How escalated": "Moyen de l'escalade",
    "The &regional office was notified": "Le &bureau régional a été informé",
    "Regional office notified": "Bureau régional informé",
    "Escalation message": "Message sur l'escalade",
    "Escalated &to:": "&Transmis à :",
    "&When:": "&Quand :",
    "&How:": "&Comment :",
    "&Record escalation": "&Enregistrer l'escalade",
    "Save escalation": "Enregistrer l'escalade",
    # Export
    "Send the case as an encrypted zip": "Envoyer le dossier dans un zip chiffré",
    "Documents to send": "Documents à envoyer",
    "&Documents:": "&Documents :",
    "Include a case &summary PDF": "Inclure un ré&sumé PDF du dossier",
    "Include a case summary PDF": "Inclure un résumé PDF du dossier",
    "&Neutral file names inside the zip (document-01.pdf…)":
        "Noms de fichiers &neutres dans le zip (document-01.pdf…)",
    "Neutral file names inside the zip": "Noms de fichiers neutres dans le zip",
    "The names of the files inside a zip can be read without its password.":
        "Les noms des fichiers d'un zip sont lisibles sans son mot de passe.",
    "Recipient": "Destinataire",
    "&Recipient:": "Desti&nataire :",
    "Kind of recipient": "Type de destinataire",
    "Another rep": "Un autre délégué",
    "The regional office": "Le bureau régional",
    "The member": "L'adhérent",
    "Consent problem": "Problème de consentement",
    "Zip password": "Mot de passe du zip",
    "&Generate password": "&Générer un mot de passe",
    "Generate password": "Générer un mot de passe",
    "&Copy": "Co&pier",
    "Copy the password": "Copier le mot de passe",
    "Pass&word:": "&Mot de passe :",
    "Send this password by a different channel from the zip (a phone call or a text message, not the "
    "same email).":
        "Envoyez ce mot de passe par un autre canal que le zip (un appel ou un SMS, pas le même "
        "courriel).",
    "The zip opens with 7-Zip on Windows, or Keka or The Unarchiver on macOS; Windows Explorer and macOS "
    "Archive Utility cannot open this kind of encrypted zip.":
        "Le zip s'ouvre avec 7-Zip sous Windows, ou Keka ou The Unarchiver sous macOS ; l'Explorateur "
        "Windows et l'Utilitaire d'archive de macOS ne savent pas ouvrir ce type de zip chiffré.",
    "Password advice": "Conseil sur le mot de passe",
    "Save the zip as": "Enregistrer le zip sous",
    "C&hoose…": "C&hoisir…",
    "Choose where to save the zip": "Choisir où enregistrer le zip",
    "Save &as:": "Enregistrer &sous :",
    "Export progress": "Progression de l'export",
    "Export status": "État de l'export",
    "&Print summary…": "&Imprimer le résumé…",
    "Print the case summary": "Imprimer le résumé du dossier",
    "&Export": "&Exporter",
    "Save the encrypted zip as": "Enregistrer le zip chiffré sous",
    "Writing the encrypted zip…": "Écriture du zip chiffré…",
    "The encrypted zip was saved. Send the password by a different channel.":
        "Le zip chiffré a été enregistré. Envoyez le mot de passe par un autre canal.",
    "The export was cancelled; no file was written.": "L'export a été annulé ; aucun fichier n'a été écrit.",
    "Something went wrong while writing the zip; no file was written.":
        "Un problème est survenu pendant l'écriture du zip ; aucun fichier n'a été écrit.",
    # First meeting
    "Date held": "Date de l'entretien",
    "Issues identified and agreed": "Points identifiés et convenus",
    "New issue": "Nouveau point",
    "Type an issue, then Add issue": "Saisissez un point, puis Ajouter le point",
    "Add issue": "Ajouter le point",
    "Remove issue": "Retirer le point",
    "Narrative agreed": "Récit convenu",
    "Dismissal threatened?": "Menace de licenciement ?",
    "Discrimination alleged?": "Discrimination alléguée ?",
    "Escalation advice": "Conseil d'escalade",
    "Confidentiality explained to the member": "Confidentialité expliquée à l'adhérent",
    "Original documents received": "Documents originaux reçus",
    "&Returned to the member": "&Rendus à l'adhérent",
    "Originals returned to the member": "Originaux rendus à l'adhérent",
    "Recorded at once. A case cannot be deleted while its originals are held. List each original, where "
    "it is kept and its return on the Originals tab.":
        "Enregistré immédiatement. Un dossier ne peut pas être supprimé tant que ses originaux sont "
        "détenus. Listez chaque original, son lieu de conservation et sa restitution dans l'onglet "
        "Originaux.",
    "Member's decision (in the member's own words)": "Décision de l'adhérent (dans ses propres mots)",
    "First meeting status": "État du premier entretien",
    "&Save": "&Enregistrer",
    "Save": "Enregistrer",
    "Date &held:": "&Date de l'entretien :",
    "&Issues identified and agreed:": "&Points identifiés et convenus :",
    "&Narrative agreed:": "Récit &convenu :",
    "&Original documents received:": "Documents &originaux reçus :",
    "Member's &decision\n(in the member's own words):": "Dé&cision de l'adhérent\n(dans ses propres mots) :",
    "Saved.": "Enregistré.",
    "Recorded: the originals were returned.": "Enregistré : les originaux ont été rendus.",
    "Recorded: the originals are still held.": "Enregistré : les originaux sont toujours détenus.",
    "Unsaved changes.": "Modifications non enregistrées.",
    # Handover
    "Hand over a case": "Transmettre un dossier",
    "My handover key": "Ma clé de transmission",
    "Share this with colleagues who hand cases to you.":
        "Communiquez-la aux collègues qui vous transmettent des dossiers.",
    "This vault's handover key": "La clé de transmission de ce coffre",
    "Copy my handover key": "Copier ma clé de transmission",
    "Colleague's handover key": "Clé de transmission du collègue",
    "age1…": "age1…",
    "&Hand over case…": "&Transmettre le dossier…",
    "Hand over case": "Transmettre le dossier",
    "Hand over %1": "Transmettre %1",
    "Hand over this case": "Transmettre ce dossier",
    "Paste your colleague's handover key:": "Collez la clé de transmission de votre collègue :",
    "&Receive a case…": "&Recevoir un dossier…",
    "Receive a case": "Recevoir un dossier",
    "Dialog buttons": "Boutons de la boîte de dialogue",
    "Your handover key is copied.": "Votre clé de transmission est copiée.",
    "Stopped; nothing was kept.": "Arrêté ; rien n'a été conservé.",
    "Something went wrong; nothing was kept.": "Un problème est survenu ; rien n'a été conservé.",
    "Save the handover bundle": "Enregistrer le paquet de transmission",
    "Encrypting the case for your colleague…": "Chiffrement du dossier pour votre collègue…",
    "The case is handed over: only your colleague's key opens the bundle. Once they confirm they have "
    "it, close the case and use Delete case permanently on its Overview to remove your copy.":
        "Le dossier est transmis : seule la clé de votre collègue ouvre le paquet. Dès qu'il confirme "
        "l'avoir reçu, clôturez le dossier et utilisez « Supprimer le dossier définitivement » dans sa "
        "Vue d'ensemble pour retirer votre copie.",
    "Choose a handover bundle": "Choisir un paquet de transmission",
    "Checking the bundle…": "Vérification du paquet…",
    "Received as %1.": "Reçu sous la référence %1.",
    # Handover senders (issue 13)
    "My signing fingerprint (read it to colleagues by phone):":
        "Mon empreinte de signature (à lire à vos collègues par téléphone) :",
    "This vault's signing fingerprint": "L'empreinte de signature de ce coffre",
    "Sender": "Expéditeur",
    "I have compared it &by phone": "Je l'ai comparée &par téléphone",
    "Confirm sender by phone": "Confirmer l'expéditeur par téléphone",
    "Signed by a colleague whose fingerprint you compared by phone: %1":
        "Signé par un collègue dont vous avez comparé l'empreinte par téléphone : %1",
    "Signed by a colleague you have received from before, but whose fingerprint you have not compared "
    "by phone: %1. Ask them to read theirs to you.":
        "Signé par un collègue dont vous avez déjà reçu des dossiers, mais dont vous n'avez pas comparé "
        "l'empreinte par téléphone : %1. Demandez-lui de vous lire la sienne.",
    "Signed by a key this vault has never received from: %1. Phone the colleague who sent it (on a "
    "number you already have) and ask them to read their signing fingerprint to you; it must match "
    "exactly.":
        "Signé par une clé dont ce coffre n'a jamais rien reçu : %1. Appelez le collègue qui l'a envoyé "
        "(à un numéro que vous avez déjà) et demandez-lui de vous lire son empreinte de signature ; "
        "elle doit correspondre exactement.",
    "You compared this sender's fingerprint by phone: %1":
        "Vous avez comparé l'empreinte de cet expéditeur par téléphone : %1",
    "Everything held about the &member (subject access request)":
        "Tout ce qui est détenu sur l'&adhérent (demande d'accès aux données)",
    "Subject access request": "Demande d'accès aux données",
    "For the member themselves: a summary of each of their cases and all their documents, in one "
    "encrypted zip.":
        "Pour l'adhérent lui-même : un résumé de chacun de ses dossiers et tous ses documents, dans un "
        "seul zip chiffré.",
    "&Delete my copy…": "&Supprimer ma copie…",
    "Delete my copy": "Supprimer ma copie",
    "Closes the case now, then asks you to confirm its permanent deletion by typing its reference.":
        "Clôt le dossier maintenant, puis vous demande de confirmer sa suppression définitive en "
        "saisissant sa référence.",
    "The case is handed over: only your colleague's key opens the bundle. Once they confirm they have "
    "it, delete your copy so the case is kept in one place only.":
        "Le dossier est transmis : seule la clé de votre collègue ouvre le paquet. Dès qu'il confirme "
        "l'avoir reçu, supprimez votre copie pour que le dossier ne soit conservé qu'à un seul endroit.",
    # Entry history
    "Entry history": "Historique de l'entrée",
    "Versions": "Versions",
    "Version": "Version",
    "Recorded": "Enregistré le",
    "Text": "Texte",
    "Original": "Original",
    "Version %1": "Version %1",
    # Library
    "Policy library": "Bibliothèque des politiques",
    "Your employer's policies and procedures, kept encrypted in the vault. Check the relevant policy "
    "before advising a member.":
        "Les politiques et procédures de votre employeur, conservées chiffrées dans le coffre. "
        "Consultez la politique concernée avant de conseiller un adhérent.",
    "About the policy library": "À propos de la bibliothèque des politiques",
    "Library documents": "Documents de la bibliothèque",
    "Title": "Titre",
    "&Add…": "&Ajouter…",
    "Add to the library": "Ajouter à la bibliothèque",
    "Preview": "Aperçu",
    "&Save a copy…": "&Enregistrer une copie…",
    "Save a copy": "Enregistrer une copie",
    "&Remove": "&Retirer",
    "Remove from the library": "Retirer de la bibliothèque",
    "Encrypting into the library…": "Chiffrement dans la bibliothèque…",
    "Added to the library.": "Ajouté à la bibliothèque.",
    "Adding was cancelled; nothing was added.": "Ajout annulé ; rien n'a été ajouté.",
    "The document could not be added.": "Le document n'a pas pu être ajouté.",
    "This document is too large to preview; save a copy instead.":
        "Ce document est trop volumineux pour l'aperçu ; enregistrez plutôt une copie.",
    "Saving a copy…": "Enregistrement d'une copie…",
    "Saved a copy. It is not protected by the vault.":
        "Copie enregistrée. Elle n'est pas protégée par le coffre.",
    "Removed from the library.": "Retiré de la bibliothèque.",
    # Main window
    "Case list": "Liste des dossiers",
    "Show cases": "Dossiers affichés",
    "All": "Tous",
    "S&how:": "Affic&her :",
    "Search cases": "Rechercher dans les dossiers",
    "Search names, notes and documents": "Rechercher noms, notes et documents",
    "&New case": "&Nouveau dossier",
    "&Lock now": "&Verrouiller",
    "&Back to cases": "&Retour aux dossiers",
    "&Find": "Rec&hercher",
    "Actions": "Actions",
    "&Preferences…": "&Préférences…",
    "New case": "Nouveau dossier",
    "Lock now": "Verrouiller maintenant",
    "Preferences": "Préférences",
    "Menu bar": "Barre de menus",
    "&Casework": "&Dossiers",
    "Policy &library…": "&Bibliothèque des politiques…",
    "Report a confidentiality &breach…": "Signaler une &violation de confidentialité…",
    "Breach &records…": "&Registre des violations…",
    "Recei&ve a case…": "Re&cevoir un dossier…",
    "My &handover key…": "Ma clé de &transmission…",
    "&Settings": "&Paramètres",
    "&Check this device…": "&Vérifier cet appareil…",
    "&Backup…": "&Sauvegarde…",
    "&Help": "&Aide",
    "&About casevault": "À &propos de casevault",
    "About casevault": "À propos de casevault",
    "casevault %1: an encrypted case vault for union reps. Everything stays on this computer, encrypted.":
        "casevault %1 : un coffre de dossiers chiffré pour les délégués syndicaux. Tout reste sur cet "
        "ordinateur, chiffré.",
    "Unsaved changes": "Modifications non enregistrées",
    "The first meeting form has changes that are not saved.":
        "Le formulaire du premier entretien contient des modifications non enregistrées.",
    "Case %1 opened.": "Dossier %1 ouvert.",
    # New case
    "e.g. disciplinary, grievance, sickness": "p. ex. disciplinaire, réclamation, maladie",
    "Case type": "Type de dossier",
    "Email address": "Adresse électronique",
    "Employer's email domain": "Domaine de messagerie de l'employeur",
    "e.g. university.ac.uk": "p. ex. university.ac.uk",
    "Member &name:": "&Nom de l'adhérent :",
    "Case &type:": "&Type de dossier :",
    "&Email:": "&Courriel :",
    "Em&ployer's email domain:": "Domaine de messagerie de l'em&ployeur :",
    # Originals panel
    "Original documents the member handed over: keep them safe and return them at the end of the case.":
        "Documents originaux remis par l'adhérent : conservez-les en lieu sûr et rendez-les à la fin "
        "du dossier.",
    "Originals register": "Registre des originaux",
    "Received": "Reçu le",
    "Returned": "Rendu le",
    "&Add original…": "&Ajouter un original…",
    "Add original": "Ajouter un original",
    "&Mark returned…": "&Marquer comme rendu…",
    "Mark returned": "Marquer comme rendu",
    "Originals status": "État des originaux",
    "Not returned": "Non rendu",
    "%1: %2": "%1 : %2",
    "%1 not returned": "%1 non rendu(s)",
    "Nothing held": "Aucun original détenu",
    # Paper trail
    "Advice given orally": "Conseil donné oralement",
    "Advice confirmed in writing": "Conseil confirmé par écrit",
    "Phone call": "Appel téléphonique",
    "Contact with management": "Contact avec la direction",
    "Escalated (caseworker, regional office)": "Escalade (chargé de dossiers, bureau régional)",
    "Conflict of interest check": "Vérification des conflits d'intérêts",
    "Email": "Courriel",
    "Ordinary": "Ordinaire",
    "Off the record": "Officieuse",
    "Without prejudice": "Sous toutes réserves",
    "Paper trail": "Traces écrites",
    "Date": "Date",
    "Entry": "Entrée",
    "&Edit…": "&Modifier…",
    "Add a new version of the selected entry; the original is kept.":
        "Ajouter une nouvelle version de l'entrée sélectionnée ; l'original est conservé.",
    "Histor&y…": "Histori&que…",
    "Entry kind": "Type d'entrée",
    "Terms of the conversation": "Conditions de l'échange",
    "Off the record or without prejudice: tell the member beforehand and get their agreement, and tell "
    "the manager that what they say will be reported back.":
        "Officieux ou sous toutes réserves : prévenez l'adhérent à l'avance et obtenez son accord, et "
        "dites au responsable que ses propos seront rapportés.",
    "Entry date": "Date de l'entrée",
    "Look it up before advising: the employer's policy, the guide, ACAS, or your regional office. Don't "
    "advise from a hazy recollection.":
        "Vérifiez avant de conseiller : la politique de l'employeur, le guide, l'ACAS ou votre bureau "
        "régional. Ne conseillez pas sur la base d'un vague souvenir.",
    "Advice hint": "Conseil",
    "Entry text": "Texte de l'entrée",
    "&Add entry": "&Ajouter l'entrée",
    "Add entry": "Ajouter l'entrée",
    "Paper trail status": "État des traces écrites",
    "New entry:": "Nouvelle entrée :",
    "Text:": "Texte :",
    "%1, %2": "%1, %2",
    "%1 (edited)": "%1 (modifié)",
    "Edited %1": "Modifié le %1",
    "Entry edited; the earlier version is kept in its history.":
        "Entrée modifiée ; la version précédente est conservée dans son historique.",
    "Write the entry first.": "Rédigez d'abord l'entrée.",
    "Entry added.": "Entrée ajoutée.",
    "Written follow-up": "Suivi écrit",
    "Was a written follow-up sent?": "Un suivi écrit a-t-il été envoyé ?",
    "Advice given orally should be followed up with an email or a written note.":
        "Un conseil donné oralement doit être confirmé par un courriel ou une note écrite.",
    "&Yes, record it": "&Oui, l'enregistrer",
    "Yes": "Oui",
    "&No, not yet": "&Non, pas encore",
    "No": "Non",
    "A reminder to send a written follow-up will appear if none is recorded within a week.":
        "Un rappel d'envoyer un suivi écrit apparaîtra si aucun n'est enregistré dans la semaine.",
    "Written follow-up sent for the advice given orally.": "Suivi écrit envoyé pour le conseil donné oralement.",
    "Entry added, with its written follow-up.": "Entrée ajoutée, avec son suivi écrit.",
    # People
    "People": "Personnes",
    "Escalation": "Escalade",
    "Escalation status": "État de l'escalade",
    "People in this case": "Personnes de ce dossier",
    "Role": "Rôle",
    "Person's name": "Nom de la personne",
    "Person's role": "Rôle de la personne",
    "Person note": "Note sur la personne",
    "Note (optional)": "Note (facultative)",
    "Add &person…": "Ajouter une &personne…",
    "Add person": "Ajouter une personne",
    "Adds the person after checking other cases for a conflict of interest.":
        "Ajoute la personne après avoir recherché un conflit d'intérêts dans les autres dossiers.",
    "&Remove person": "&Retirer la personne",
    "Remove person": "Retirer la personne",
    "People message": "Message sur les personnes",
    "Enter the person's name first.": "Saisissez d'abord le nom de la personne.",
    "Person added; your decision is recorded in the paper trail.":
        "Personne ajoutée ; votre décision est enregistrée dans les traces écrites.",
    "Person added; no conflict found in other cases.":
        "Personne ajoutée ; aucun conflit trouvé dans les autres dossiers.",
    "Person removed.": "Personne retirée.",
    "%n escalation(s) recorded.": ("%n escalade enregistrée.", "%n escalades enregistrées."),
    "The first meeting prompted an escalation and none is recorded yet.":
        "Le premier entretien appelait une escalade et aucune n'est encore enregistrée.",
    "No escalation recorded.": "Aucune escalade enregistrée.",
    # Preferences
    "Lock after idle (minutes)": "Verrouiller après inactivité (minutes)",
    "&Lock after idle (minutes):": "&Verrouiller après inactivité (minutes) :",
    "casevault also locks when the screen locks.": "casevault se verrouille aussi quand l'écran se verrouille.",
    "This system does not report screen locks to casevault: use Lock now (Ctrl+L) before leaving the "
    "computer.":
        "Ce système ne signale pas le verrouillage de l'écran à casevault : utilisez « Verrouiller "
        "maintenant » (Ctrl+L) avant de quitter l'ordinateur.",
    "OK": "OK",
    # Preview
    "Document preview": "Aperçu du document",
    "Choose a document to preview it.": "Choisissez un document pour en afficher l'aperçu.",
    "Preview message": "Message d'aperçu",
    "Picture preview": "Aperçu de l'image",
    "Text preview": "Aperçu du texte",
    "Opening the preview…": "Ouverture de l'aperçu…",
    "PDF preview is not available on this computer.": "L'aperçu des PDF n'est pas disponible sur cet ordinateur.",
    "This PDF cannot be previewed; it may be damaged.": "Ce PDF ne peut pas être prévisualisé ; il est peut-être endommagé.",
    "There is no preview for this kind of file.": "Il n'y a pas d'aperçu pour ce type de fichier.",
    # Reminders
    "Action point due": "Action à échéance",
    "Hearing or meeting soon": "Audience ou réunion prochaine",
    "Confirm advice in writing": "Confirmer le conseil par écrit",
    "Return the originals": "Rendre les originaux",
    "Escalation not recorded": "Escalade non enregistrée",
    "Archive period ended": "Durée d'archivage écoulée",
    "Time to back up": "Il est temps de sauvegarder",
    "1 casework reminder is due": "1 rappel de dossier est arrivé à échéance",
    "… and %n more after these": ("… et %n autre après ceux-ci", "… et %n autres après ceux-ci"),
    "More reminders due": "Autres rappels arrivés à échéance",
    "%n more due after these: act on or dismiss these to reach them.": (
        "%n autre rappel après ceux-ci : traitez ou ignorez ceux-ci pour l'atteindre.",
        "%n autres rappels après ceux-ci : traitez ou ignorez ceux-ci pour les atteindre.",
    ),
    "%n casework reminders are due": (
        "%n rappel de dossier est arrivé à échéance",
        "%n rappels de dossier sont arrivés à échéance",
    ),
    "Due reminders": "Rappels à échéance",
    "Reminder": "Rappel",
    "&Open case": "&Ouvrir le dossier",
    "Open case": "Ouvrir le dossier",
    "&Snooze": "&Reporter",
    "Snooze": "Reporter",
    "Snooze for": "Reporter de",
    "For a &day": "D'un &jour",
    "For a &week": "D'une &semaine",
    "D&ismiss": "&Ignorer",
    "Dismiss": "Ignorer",
    "&Delete permanently…": "&Supprimer définitivement…",
    "Delete all e&xpired…": "Supprimer tous les e&xpirés…",
    "Delete all expired": "Supprimer tous les expirés",
    "Reminders": "Rappels",
    "Reminders panel": "Panneau des rappels",
    "Reminders banner": "Bandeau des rappels",
    "&Reminders": "&Rappels",
    "A&genda": "A&genda",
    "Deletion &log": "&Journal des suppressions",
    "A&rchive periods…": "&Durées d'archivage…",
    "Archive periods": "Durées d'archivage",
    "&Reminders (%1)": "&Rappels (%1)",
    "Show reminders": "Afficher les rappels",
    "Cases deleted permanently: %1.": "Dossiers supprimés définitivement : %1.",
    "Not deleted: %1": "Non supprimés : %1",
    # Retention
    "How many days a closed case is kept before it is due for permanent deletion. A change applies to "
    "cases closed from now on.":
        "Nombre de jours pendant lesquels un dossier clos est conservé avant sa suppression définitive. "
        "Une modification s'applique aux dossiers clos à partir de maintenant.",
    "About archive periods": "À propos des durées d'archivage",
    "Default": "Par défaut",
    "Archive period for %1": "Durée d'archivage pour %1",
    "&Default (any other type):": "&Par défaut (tout autre type) :",
    # Return original
    "Mark original returned": "Marquer l'original comme rendu",
    "Original document": "Document original",
    "Date returned": "Date de restitution",
    "How returned": "Mode de restitution",
    "e.g. By hand to the member, recorded delivery": "p. ex. En main propre à l'adhérent, envoi recommandé",
    "Document:": "Document :",
    "&Returned:": "&Rendu le :",
    "Give the date it was returned.": "Indiquez la date de restitution.",
    # Review
    "Review": "Bilan",
    "Review the case against what was agreed at the first meeting: the issues, and whether each action "
    "point has been taken forward.":
        "Faites le bilan du dossier par rapport à ce qui a été convenu au premier entretien : les points "
        "soulevés, et si chaque action à mener a avancé.",
    "Review summary": "Résumé du bilan",
    "Issues and action points": "Points et actions à mener",
    "No date": "Sans date",
    "Overdue (due %1)": "En retard (échéance le %1)",
    "Due on %1": "Échéance le %1",
    "Nothing to review yet: agree the issues and action points at the first meeting.":
        "Rien à passer en revue pour l'instant : convenez des points et des actions à mener lors du "
        "premier entretien.",
    "%1 of %2 action points open": "%1 actions à mener ouvertes sur %2",
    "%1, %2 overdue": "%1, %2 en retard",
    "Issue": "Point",
    "%1 (%2)": "%1 (%2)",
    "An issue counts as covered once a paper-trail entry or an action point after the meeting uses its "
    "key words; open an issue to see what was found.":
        "Un point est considéré comme traité dès qu'une entrée des traces écrites ou une action à mener "
        "postérieure à l'entretien reprend ses mots clés ; ouvrez un point pour voir ce qui a été trouvé.",
    "Not covered yet": "Pas encore traité",
    "%n entry(ies)": ("%n entrée", "%n entrées"),
    "%n action point(s)": ("%n action à mener", "%n actions à mener"),
    "%1 and %2": "%1 et %2",
    "Covered by %1, latest %2": "Traité par %1, en dernier le %2",
    "This issue has no words to look for: reword it to check it against the paper trail.":
        "Ce point n'a aucun mot à rechercher : reformulez-le pour le comparer aux traces écrites.",
    "Looked for by the word: %1": "Recherché par le mot : %1",
    "Looked for by all of these words: %1": "Recherché par tous ces mots : %1",
    "Looked for by at least %1 of these words: %2": "Recherché par au moins %1 de ces mots : %2",
    "Every issue has something recorded against it.": "Chaque point a quelque chose d'enregistré à son sujet.",
    "No issue has anything recorded against it yet: have we covered all the issues?":
        "Aucun point n'a encore quoi que ce soit d'enregistré à son sujet : avons-nous traité tous les points ?",
    "%n of %1 issues have nothing recorded against them: have we covered all the issues?": (
        "%n point sur %1 n'a rien d'enregistré à son sujet : avons-nous traité tous les points ?",
        "%n points sur %1 n'ont rien d'enregistré à leur sujet : avons-nous traité tous les points ?",
    ),
    "Paper-trail entry": "Entrée des traces écrites",
    # Unlock
    "Unlock casevault": "Déverrouiller casevault",
    "Why the passphrase is needed": "Pourquoi la phrase de passe est nécessaire",
    "&Unlock": "&Déverrouiller",
    "Unlock": "Déverrouiller",
    "Enter your passphrase to unlock the vault.": "Saisissez votre phrase de passe pour déverrouiller le coffre.",
    "%1, so please enter your passphrase.": "%1 ; veuillez donc saisir votre phrase de passe.",
    "Please type your passphrase.": "Veuillez saisir votre phrase de passe.",
    "Unlocking…": "Déverrouillage…",
    "That passphrase did not open the vault. Please check it and try again in a moment.":
        "Cette phrase de passe n'a pas ouvert le coffre. Vérifiez-la et réessayez dans un instant.",
    "That passphrase did not open the vault. Please try again.":
        "Cette phrase de passe n'a pas ouvert le coffre. Veuillez réessayer.",
    "Problem": "Problème",
    "This is the demo vault. Its passphrase is: %1": "Ceci est le coffre de démonstration. Sa phrase de passe est : %1",
    # casework (domain text)
    "Lost or stolen device": "Appareil perdu ou volé",
    "Sent to the wrong person": "Envoyé à la mauvaise personne",
    "Seen by someone not entitled to see it": "Vu par une personne non autorisée",
    "Other": "Autre",
    "The General Secretary": "Le Secrétaire général",
    "The Executive Committee": "Le Comité exécutif",
    "Any breach of confidentiality must be reported immediately to the General Secretary or Executive "
    "Committee.":
        "Toute violation de confidentialité doit être signalée immédiatement au Secrétaire général ou "
        "au Comité exécutif.",
    "The text names someone whose details are in the vault; describe the breach by case reference instead.":
        "Le texte nomme une personne dont les coordonnées sont dans le coffre ; décrivez plutôt la "
        "violation par référence de dossier.",
    "Choose what kind of breach it was.": "Choisissez le type de violation.",
    "Say what happened.": "Indiquez ce qui s'est passé.",
    "The text is longer than 4000 characters.": "Le texte dépasse 4000 caractères.",
    "The breach cannot be discovered before it happened.":
        "La violation ne peut pas avoir été découverte avant d'être survenue.",
    "The dates cannot be in the future.": "Les dates ne peuvent pas être dans le futur.",
    "Choose who was informed from the list.": "Choisissez dans la liste qui a été informé.",
    "Say when they were informed.": "Indiquez quand ils ont été informés.",
    "They cannot be informed before the breach or in the future.":
        "Ils ne peuvent pas avoir été informés avant la violation ni dans le futur.",
    "A case reference is not one of this vault's cases.":
        "Une référence ne correspond à aucun dossier de ce coffre.",
    "This looks like a work email address at the member's employer. The reps' guide says it is usually "
    "best not to use a member's work email account, and that casework should be kept separate from the "
    "employer's business. Check with the member which address they would prefer you to use.":
        "Cela ressemble à une adresse électronique professionnelle chez l'employeur de l'adhérent. Le "
        "guide des délégués indique qu'il vaut généralement mieux ne pas utiliser la messagerie "
        "professionnelle d'un adhérent, et que le suivi des dossiers doit rester séparé des affaires de "
        "l'employeur. Demandez à l'adhérent quelle adresse il préfère que vous utilisiez.",
    "Consider escalating this case to a more experienced caseworker and notifying the regional office: "
    "the guide says this is normally appropriate where dismissal is threatened or discrimination is "
    "alleged.":
        "Envisagez de confier ce dossier à un chargé de dossiers plus expérimenté et d'informer le "
        "bureau régional : selon le guide, c'est normalement indiqué en cas de menace de licenciement "
        "ou de discrimination alléguée.",
    "ACAS": "ACAS",
    "Government services information (GOV.UK: Working)":
        "Informations des services publics (GOV.UK : Working)",
    "UCU Support Centre": "Centre d'assistance de l'UCU",
    "Your UCU regional office (contact details)": "Votre bureau régional de l'UCU (coordonnées)",
    "Before advising on a point of law, take your time and look it up, or ask your regional office for "
    "guidance.":
        "Avant de conseiller sur un point de droit, prenez le temps de vérifier, ou demandez conseil à "
        "votre bureau régional.",
    "Be conscious of, and avoid, conflicting interests. If a member seeks help about another member, or "
    "another non-union employee, reflect on whether you, or UCU, may have any conflicting interests. If "
    "you think you may have, it will usually require you, or UCU, to step aside from advising the member.":
        "Soyez attentif aux conflits d'intérêts et évitez-les. Si un adhérent demande de l'aide au sujet "
        "d'un autre adhérent, ou d'un autre salarié non syndiqué, demandez-vous si vous-même, ou l'UCU, "
        "pourriez avoir des intérêts contradictoires. Si vous pensez que c'est le cas, vous-même, ou "
        "l'UCU, devrez généralement vous retirer et ne pas conseiller l'adhérent.",
    "If you are asked by management to have an 'off the record' or 'without prejudice' conversation, make "
    "sure that you tell the member beforehand and obtain their agreement.":
        "Si la direction vous propose un échange « officieux » ou « sous toutes réserves », veillez à "
        "prévenir l'adhérent à l'avance et à obtenir son accord.",
    "member": "adhérent",
    "manager": "responsable",
    "witness": "témoin",
    "colleague": "collègue",
    "complainant": "plaignant",
    "respondent": "mis en cause",
    "other": "autre",
    "Keep the member's data": "Conserver les données de l'adhérent",
    "Share with other reps": "Partager avec d'autres délégués",
    "Share with the regional office": "Partager avec le bureau régional",
    "'Off the record' conversation": "Échange « officieux »",
    "'Without prejudice' conversation": "Échange « sous toutes réserves »",
    "Phone": "Téléphone",
    "An action point is due.": "Une action à mener arrive à échéance.",
    "A hearing or meeting is coming up.": "Une audience ou une réunion approche.",
    "Advice given orally has not been confirmed in writing yet.":
        "Un conseil donné oralement n'a pas encore été confirmé par écrit.",
    "The member's original documents have not been returned.":
        "Les documents originaux de l'adhérent n'ont pas été rendus.",
    "Escalation was prompted at the first meeting but none is recorded.":
        "Le premier entretien appelait une escalade, mais aucune n'est enregistrée.",
    "The archive period has ended: delete this case permanently.":
        "La durée d'archivage est écoulée : supprimez ce dossier définitivement.",
    "Time to back up the vault (Vault > Backup…).": "Il est temps de sauvegarder le coffre (Paramètres > Sauvegarde…).",
    "The originals were returned; it was not recorded here.":
        "Les originaux ont été rendus ; cela n'a pas été enregistré ici.",
    "The member did not want the originals back.": "L'adhérent n'a pas voulu récupérer les originaux.",
    "The member did not collect the originals.": "L'adhérent n'est pas venu chercher les originaux.",
    "The message has no readable date; this entry is dated when it was imported.":
        "Le message n'a pas de date lisible ; cette entrée est datée du moment de l'import.",
    "The sender was too long to read in full; it is cut short.":
        "L'expéditeur était trop long pour être lu en entier ; il est tronqué.",
    "The list of recipients was too long to read in full; it is cut short.":
        "La liste des destinataires était trop longue pour être lue en entier ; elle est tronquée.",
    "The subject was too long to read in full; it is cut short.":
        "L'objet était trop long pour être lu en entier ; il est tronqué.",
    "The message's headers were too long to read in full; some may be missing.":
        "Les en-têtes du message étaient trop longs pour être lus en entier ; certains peuvent manquer.",
    "Export the breach report": "Exporter le rapport de violation",
    "The copy you save is not protected by the vault: anyone who can open that folder can read it. Keep "
    "it only as long as you need it. Save a copy?":
        "La copie enregistrée n'est pas protégée par le coffre : toute personne pouvant ouvrir ce "
        "dossier peut la lire. Ne la conservez que le temps nécessaire. Enregistrer une copie ?",
    "Add policies and procedures": "Ajouter des politiques et procédures",
    "The copy you save is not protected by the vault: anyone who can open that folder can read it. Save "
    "a copy?":
        "La copie enregistrée n'est pas protégée par le coffre : toute personne pouvant ouvrir ce "
        "dossier peut la lire. Enregistrer une copie ?",
    "Remove this document from the library? Its encrypted copy is deleted.":
        "Retirer ce document de la bibliothèque ? Sa copie chiffrée est supprimée.",
    # Issue 16: the casework clock.
    "Procedure started": "Procédure engagée",
    "Deadline counted": "Échéance calculée",
    "Deadline extended": "Échéance prolongée",
    "Deadline met: stage recorded as done": "Échéance tenue : étape enregistrée comme faite",
    "Overdue deadline set aside, with a reason": "Échéance dépassée écartée, avec un motif",
    "Deadline removed": "Échéance supprimée",
    "Proced&ure": "Procéd&ure",
    "Next deadline": "Prochaine échéance",
    "Procedure template": "Modèle de procédure",
    "&Start procedure": "&Engager la procédure",
    "Start procedure": "Engager la procédure",
    "Stages and deadlines": "Étapes et échéances",
    "Stage": "Étape",
    "Time limit": "Délai",
    "Started": "Début",
    "Deadline": "Échéance",
    "State": "État",
    "How the date was reached": "Comment la date a été obtenue",
    "Its &event happened on this date": "Son év&énement a eu lieu à cette date",
    "Record the event that starts the stage": "Enregistrer l'événement qui ouvre l'étape",
    "Outcome": "Issue",
    "Outcome (optional)": "Issue (facultatif)",
    "&Done on this date": "&Faite à cette date",
    "Record the stage as done": "Enregistrer l'étape comme faite",
    "Extension agreed with": "Prolongation convenue avec",
    "Agreed with (for an extension)": "Convenue avec (pour une prolongation)",
    "E&xtend to this date": "Pro&longer jusqu'à cette date",
    "Extend the deadline": "Prolonger l'échéance",
    "Procedure status": "État de la procédure",
    "casevault helps you count; it is not legal advice. Refer the case to the regional office early.":
        "casevault vous aide à compter ; ce n'est pas un conseil juridique. Transmettez le dossier au "
        "bureau régional suffisamment tôt.",
    "Tribunal time limit": "Délai de saisine du tribunal",
    "Claim": "Demande",
    "Act or dismissal date": "Date de l'acte ou du licenciement",
    "ACAS early conciliation": "Conciliation préalable ACAS",
    "ACAS contacted (Day A)": "ACAS saisi (jour A)",
    "Certificate received (Day B)": "Certificat reçu (jour B)",
    "Count the &tribunal limit": "Calculer le délai du &tribunal",
    "Count the tribunal time limit": "Calculer le délai de saisine du tribunal",
    "from": "à partir du",
    "Claim:": "Demande :",
    "Right to be accompanied": "Droit d'être accompagné",
    "The companion may put and sum up the member's case, respond on their behalf to any view put at "
    "the hearing, and confer with them during it. The companion may not answer questions for the "
    "member. (Employment Relations Act 1999 s.10)":
        "L'accompagnateur peut présenter et résumer la position de l'adhérent, répondre en son nom à "
        "tout point de vue exprimé pendant l'entretien et s'entretenir avec lui pendant celui-ci. Il ne "
        "peut pas répondre aux questions à la place de l'adhérent. (Employment Relations Act 1999 s.10)",
    "What the companion may do": "Ce que l'accompagnateur peut faire",
    "Companion cannot come: latest &other date": "Accompagnateur indisponible : autre date au plus &tard",
    "Latest alternative hearing date": "Date de remplacement au plus tard",
    "From the hearing date chosen in the date box above.": "À partir de la date d'entretien choisie ci-dessus.",
    "Done %1": "Faite le %1",
    "No time limit": "Sans délai",
    "Waiting for its event": "En attente de son événement",
    "Running (extended, agreed with %1)": "En cours (prolongée, convenue avec %1)",
    "Running": "En cours",
    "By law": "Fixé par la loi",
    "None": "Aucun",
    "working days": "jours ouvrables",
    "days": "jours",
    "No deadline is running.": "Aucune échéance en cours.",
    "overdue by %n day(s)": ("dépassée de %n jour", "dépassée de %n jours"),
    "today": "aujourd'hui",
    "in %n day(s)": ("dans %n jour", "dans %n jours"),
    "Next deadline: %1, %2 (%3)": "Prochaine échéance : %1, %2 (%3)",
    "Choose a stage to see how its deadline was reached.":
        "Choisissez une étape pour voir comment son échéance a été obtenue.",
    "Its clock starts with %1.": "Son délai court à partir de %1.",
    "The procedure has started.": "La procédure est engagée.",
    "Its deadline is counted.": "Son échéance est calculée.",
    "Recorded as done.": "Enregistrée comme faite.",
    "The extension is recorded.": "La prolongation est enregistrée.",
    "The member may propose another time up to %1 (%2).":
        "L'adhérent peut proposer une autre date jusqu'au %1 (%2).",
    "The tribunal time limit is counted; refer the case to the regional office well before it.":
        "Le délai de saisine est calculé ; transmettez le dossier au bureau régional bien avant.",
    "A deadline is coming up.": "Une échéance approche.",
    "Deadline coming up": "Échéance proche",
    "Deadline day": "Jour de l'échéance",
    "Deadline passed: stage not done": "Échéance passée : étape non faite",
    "All day": "Toute la journée",
    "A deadline falls today.": "Une échéance tombe aujourd'hui.",
    "A deadline has passed without its stage being recorded as done.":
        "Une échéance est passée sans que son étape soit enregistrée comme faite.",
    # Breach clock, calendar export, stage limits (issue 16)
    "72 hours end": "Fin des 72 heures",
    "%1 (passed)": "%1 (dépassé)",
    "%1 (%n hour(s) left)": ("%1 (%n heure restante)", "%1 (%n heures restantes)"),
    "Export deadlines to a &calendar…": "&Exporter les échéances vers un calendrier…",
    "Export deadlines to a calendar": "Exporter les échéances vers un calendrier",
    "The calendar file is not encrypted. It holds case references and kinds of date only, never names, but keep it where only you can read it, and export it again when dates change. Export it?":
        "Le fichier de calendrier n'est pas chiffré. Il ne contient que des références de dossier et des types de date, jamais de noms, mais gardez-le là où vous seul pouvez le lire, et exportez-le de nouveau quand les dates changent. L'exporter ?",
    "%n date(s) written to the calendar file.": (
        "%n date écrite dans le fichier de calendrier.",
        "%n dates écrites dans le fichier de calendrier.",
    ),
    "Employer's policy": "Politique de l'employeur",
    "The employer's policy from the policy library, to follow beside it.":
        "La politique de l'employeur, tirée de la bibliothèque, à suivre en parallèle.",
    "No policy linked": "Aucune politique liée",
    "Stage time limit in days": "Délai de l'étape en jours",
    "No set limit": "Pas de délai fixé",
    "Days counted": "Jours comptés",
    "calendar days": "jours calendaires",
    "Set the stage's &limit": "Fixer le &délai de l'étape",
    "Set the stage's time limit": "Fixer le délai de l'étape",
    "Follow the employer's own policy where it sets other limits.":
        "Suivez la politique de l'employeur là où elle fixe d'autres délais.",
    "Time limit:": "Délai :",
    "The stage's time limit is changed; its deadline is counted again.":
        "Le délai de l'étape est modifié ; son échéance est recalculée.",
    # Deadlines and working days (issue 16)
    "Deadlines and working days": "Échéances et jours ouvrables",
    "&Deadlines and working days…": "É&chéances et jours ouvrables…",
    "Jurisdiction": "Juridiction",
    "Jurisdiction of the case": "Juridiction du dossier",
    "Stage time limit changed to the policy": "Délai de l'étape aligné sur la politique",
    "England and Wales": "Angleterre et pays de Galles",
    "Scotland": "Écosse",
    "Northern Ireland": "Irlande du Nord",
    "Refer tribunal cases, weeks before the limit": "Transmettre les dossiers de tribunal, semaines avant le délai",
    "Deadline warnings, days before": "Alertes d'échéance, jours avant",
    "&Jurisdiction:": "&Juridiction :",
    "&Refer tribunal cases (weeks before):": "&Transmettre les dossiers de tribunal (semaines avant) :",
    "Deadline &warnings (days before):": "Alert&es d'échéance (jours avant) :",
    "Employer closure days": "Jours de fermeture de l'employeur",
    "Closure day to add": "Jour de fermeture à ajouter",
    "&Add closure day": "&Ajouter un jour de fermeture",
    "Add closure day": "Ajouter un jour de fermeture",
    "Re&move": "&Retirer",
    "Remove closure day": "Retirer le jour de fermeture",
    "Employer closure days (not counted as working days by procedure stages):":
        "Jours de fermeture de l'employeur (non comptés comme jours ouvrables pour les étapes de procédure) :",
    "Give the warnings as whole days, such as 28, 14, 7, 2, 1.":
        "Indiquez les alertes en jours entiers, par exemple 28, 14, 7, 2, 1.",
    # Outcomes and case types (issue 17)
    "Choose how the case ended…": "Choisissez l'issue du dossier…",
    "Remedy": "Réparation obtenue",
    "What was won, if anything (e.g. back pay, a warning removed)":
        "Ce qui a été obtenu, le cas échéant (p. ex. rappel de salaire, avertissement retiré)",
    "&Outcome:": "&Issue :",
    "Re&medy:": "Ré&paration :",
    "General": "Général",
    "Disciplinary": "Disciplinaire",
    "Grievance": "Réclamation",
    "Sickness absence": "Absence pour maladie",
    "Capability": "Aptitude professionnelle",
    "Discrimination": "Discrimination",
    "Bullying or harassment": "Harcèlement",
    "Redundancy": "Licenciement économique",
    "Pay and conditions": "Salaire et conditions",
    "Health and safety": "Santé et sécurité",
    "Resolved informally": "Résolu à l'amiable",
    "Upheld": "Fondé",
    "Partly upheld": "Partiellement fondé",
    "Not upheld": "Non fondé",
    "Withdrawn": "Retiré",
    "Settled": "Transaction conclue",
    "Referred to the regional office": "Transmis au bureau régional",
    "Tribunal claim lodged": "Recours devant le tribunal déposé",
    # Branch figures window and PDF (issue 17)
    "Branch &figures…": "&Statistiques de la section…",
    "Branch figures": "Statistiques de la section",
    "No procedure": "Aucune procédure",
    "Procedure not started": "Procédure non commencée",
    "hidden": "masqué",
    "Not shown: too few cases to count without picking someone out.": "Non affiché : trop peu de dossiers pour compter sans désigner quelqu'un.",
    "Cases by type": "Dossiers par type",
    "Cases by outcome": "Dossiers par issue",
    "Cases by furthest procedure stage done": "Dossiers par étape de procédure la plus avancée",
    "Cases by month opened": "Dossiers par mois d'ouverture",
    "Cases by month closed": "Dossiers par mois de clôture",
    "All cases in this vault, open and closed.": "Tous les dossiers de ce coffre, ouverts et clos.",
    "Cases opened on or after %1, open and closed.": "Dossiers ouverts à partir du %1, ouverts et clos.",
    "A count under %1 cases is hidden, and so is any count that would let one be worked out. The figures hold codes and counts only: no names, references or notes.":
        "Un effectif inférieur à %1 dossiers est masqué, ainsi que tout effectif qui permettrait de le "
        "retrouver. Les chiffres ne contiennent que des codes et des effectifs : aucun nom, aucune "
        "référence, aucune note.",
    "Made on %1.": "Établi le %1.",
    "Cases opened per month": "Dossiers ouverts par mois",
    "How cases ended": "Issue des dossiers",
    "How cases ended (share of all cases counted)": "Issue des dossiers (part de tous les dossiers comptés)",
    "Tables": "Tableaux",
    "Median days to resolution, all closed cases:": "Durée médiane de résolution en jours, tous les dossiers clos :",
    "Median days to resolution, all closed cases": "Durée médiane de résolution en jours, tous les dossiers clos",
    "Median days to resolution": "Durée médiane de résolution (jours)",
    "Share": "Part",
    "Total": "Total",
    "Cases counted by type, outcome, stage and month: codes and counts only, no names, references or notes. A hatched bar or “hidden” is a count under the threshold, or one hidden so that a small count cannot be worked out.":
        "Dossiers comptés par type, issue, étape et mois : des codes et des effectifs seulement, sans "
        "nom, référence ni note. Une barre hachurée ou « masqué » est un effectif inférieur au seuil, "
        "ou masqué pour qu'un petit effectif ne puisse pas être retrouvé.",
    "About the branch figures": "À propos des statistiques de la section",
    "Counting…": "Comptage…",
    "Figures status": "État des statistiques",
    "Only cases opened on or &after:": "Seulement les dossiers ou&verts à partir du :",
    "Only cases opened on or after a date": "Seulement les dossiers ouverts à partir d'une date",
    "Opened on or after": "Ouverts à partir du",
    "Hide counts under": "Masquer les effectifs inférieurs à",
    "&Hide counts under:": "&Masquer les effectifs inférieurs à :",
    " cases": " dossiers",
    "Figures tables": "Tableaux des statistiques",
    "Figure": "Catégorie",
    "Median days": "Jours (médiane)",
    "Median days from opening to closing, closed cases only": "Nombre médian de jours entre l'ouverture et la clôture, dossiers clos seulement",
    "Export &CSV…": "Exporter en &CSV…",
    "Export CSV": "Exporter en CSV",
    "Export &PDF…": "Exporter en &PDF…",
    "Export PDF": "Exporter en PDF",
    "Too few cases to show any figures without picking someone out.": "Trop peu de dossiers pour afficher des chiffres sans désigner quelqu'un.",
    "%1 cases counted; counts under %2 are hidden.": "%1 dossiers comptés ; les effectifs inférieurs à %2 sont masqués.",
    "Export the figures as CSV": "Exporter les statistiques en CSV",
    "Export the figures as PDF": "Exporter les statistiques en PDF",
    "Saved the figures to %1. The file is not encrypted: it holds codes and counts only, with small counts hidden. Say which period it covers when you share it.":
        "Statistiques enregistrées dans %1. Le fichier n'est pas chiffré : il ne contient que des codes "
        "et des effectifs, les petits effectifs étant masqués. Indiquez la période couverte quand vous "
        "le partagez.",
    # Letters (issue 17)
    "Write a le&tter…": "Écrire u&n courrier…",
    "Write a letter": "Écrire un courrier",
    "A letter from a template, filled in from this case, to edit, file, save or email.": "Un courrier tiré d'un modèle, rempli à partir de ce dossier, à modifier, classer, enregistrer ou envoyer par courriel.",
    "Letter template": "Modèle de courrier",
    "Letter text": "Texte du courrier",
    "To copy anyone else in, put them in Bcc, so they do not see the member's address.": "Pour mettre quelqu'un d'autre en copie, utilisez Cci, afin qu'il ne voie pas l'adresse de l'adhérent.",
    "Letter message": "Message du courrier",
    "E&dit template…": "&Modifier le modèle…",
    "&New template…": "&Nouveau modèle…",
    "&Template:": "Mo&dèle :",
    "&File in the case": "&Classer dans le dossier",
    "Keeps the letter in this case: the PDF in Documents and its text in the Paper trail.": "Conserve le courrier dans ce dossier : le PDF dans Documents et son texte dans Traces écrites.",
    "Save as &PDF…": "Enregistrer en &PDF…",
    "&Email draft…": "Brouillon de c&ourriel…",
    "Opens a draft in your email program to the member's address.": "Ouvre un brouillon dans votre messagerie, à l'adresse de l'adhérent.",
    "Another template": "Un autre modèle",
    "Replace the letter you edited with one from this template?": "Remplacer le courrier que vous avez modifié par celui de ce modèle ?",
    "&Replace": "&Remplacer",
    "&Keep my letter": "&Garder mon courrier",
    "Filed in the case: the PDF is in Documents and the text in the Paper trail.": "Classé dans le dossier : le PDF est dans Documents et le texte dans Traces écrites.",
    "Save the letter as a PDF": "Enregistrer le courrier en PDF",
    "Saved the PDF. It is not protected by the vault.": "PDF enregistré. Il n'est pas protégé par le coffre.",
    "A work address": "Une adresse professionnelle",
    "Open the draft to this address anyway?": "Ouvrir quand même le brouillon à cette adresse ?",
    "&Open the draft": "&Ouvrir le brouillon",
    "The member's address cannot be used for an email draft.": "L'adresse de l'adhérent ne peut pas servir pour un brouillon de courriel.",
    "The draft is in your email program. File the letter here too, to keep it in the case.": "Le brouillon est dans votre messagerie. Classez aussi le courrier ici, pour le garder dans le dossier.",
    "New letter template": "Nouveau modèle de courrier",
    "Template name": "Nom du modèle",
    "e.g. pay-claim": "p. ex. reclamation-salaire",
    "Letter title": "Titre du courrier",
    "Template text": "Texte du modèle",
    "Merge fields, written as {{ member.name }}:": "Champs de fusion, écrits comme {{ member.name }} :",
    "Merge fields": "Champs de fusion",
    "Template message": "Message du modèle",
    "&Name:": "&Nom :",
    "&Title:": "&Titre :",
    "&Save template": "&Enregistrer le modèle",
    "Save template": "Enregistrer le modèle",
    "&Reset to casevault's text": "&Revenir au texte de casevault",
    "&Delete template": "&Supprimer le modèle",
    # Today and the shortcuts (issue 18)
    "&Today": "Au&jourd'hui",
    "&All cases": "&Tous les dossiers",
    "Today": "Aujourd'hui",
    "All cases": "Tous les dossiers",
    "&File": "&Fichier",
    "&Quit": "&Quitter",
    "&Keyboard shortcuts…": "&Raccourcis clavier…",
    "Keyboard shortcuts": "Raccourcis clavier",
    "Shortcuts": "Raccourcis",
    "Action": "Action",
    "Keys": "Touches",
    "Tab and Shift+Tab move between controls; Enter opens the case on a selected line; Alt with an underlined letter presses that button or opens that menu.": "Tab et Maj+Tab passent d'une commande à l'autre ; Entrée ouvre le dossier de la ligne choisie ; Alt avec une lettre soulignée actionne ce bouton ou ouvre ce menu.",
    "Today's date": "Date du jour",
    "Coming up": "À venir",
    "Reminders due": "Rappels dus",
    "Waiting on you": "En attente de vous",
    "Open cases by stage": "Dossiers ouverts par étape",
    "Overdue since %1": "En retard depuis le %1",
    "No deadlines or hearings in the next %1 days.": "Aucune échéance ni audience dans les %1 prochains jours.",
    "And %1 more: see the agenda.": "Et %1 de plus : voir l'agenda.",
    "No reminders due.": "Aucun rappel dû.",
    "%1 reminders due.": "%1 rappels dus.",
    "No action points are waiting on you.": "Aucune action à mener ne vous attend.",
    "And %1 more.": "Et %1 de plus.",
    "Procedure finished": "Procédure terminée",
    "No open cases": "Aucun dossier ouvert",
    "Show all reminders": "Voir tous les rappels",
    # The case header (issue 18)
    "← &Back to Today": "← &Retour à aujourd'hui",
    "Back to Today": "Retour à aujourd'hui",
    "Case header": "En-tête du dossier",
    "Case member": "Adhérent du dossier",
    "Case status": "État du dossier",
    "Procedure stage": "Étape de la procédure",
    "Stage: %1": "Étape : %1",
    "No deadline ahead": "Aucune échéance à venir",
    "Next deadline: %1 (%2)": "Prochaine échéance : %1 (%2)",
    # Content (issue 18): email previews, the case history, the agenda's hearings
    "Email preview": "Aperçu du courriel",
    "Email sender": "Expéditeur du courriel",
    "Email recipients": "Destinataires du courriel",
    "Email copied to": "Copie du courriel à",
    "Email date": "Date du courriel",
    "Email subject": "Objet du courriel",
    "From:": "De :",
    "To:": "À :",
    "Cc:": "Cc :",
    "Date:": "Date :",
    "Subject:": "Objet :",
    "Email notes": "Remarques sur le courriel",
    "Email body": "Texte du courriel",
    "Attachments:": "Pièces jointes :",
    "Email attachments": "Pièces jointes du courriel",
    "(none)": "(aucun)",
    "Not dated": "Non daté",
    "(no name: %1)": "(sans nom : %1)",
    "The message is too long to show in full; its end is left out.": "Le message est trop long pour être affiché en entier ; la fin n'est pas montrée.",
    "The message has too many parts, or parts too deeply nested, to read them all; some may be missing.": "Le message a trop de parties, ou des parties trop imbriquées, pour toutes les lire ; certaines peuvent manquer.",
    "The message is written in HTML; it is shown as plain text, and nothing it links to (pictures included) was loaded.": "Le message est écrit en HTML ; il est affiché en texte brut, et rien de ce vers quoi il renvoie (images comprises) n'a été chargé.",
    "The message has no text to show.": "Le message n'a pas de texte à afficher.",
    "The message took too long to read in full; some of its attachments were not filed.": "La lecture complète du message a pris trop de temps ; certaines de ses pièces jointes n'ont pas été classées.",
    "The message's text is held only in Outlook's RTF form, which casevault does not read; the message itself is kept whole.": "Le texte du message n'existe que sous la forme RTF d'Outlook, que casevault ne lit pas ; le message lui-même est conservé en entier.",
    "The message has too many attachments, or attachments nested too deeply; some were not filed.": "Le message a trop de pièces jointes, ou des pièces jointes trop imbriquées ; certaines n'ont pas été classées.",
    "The message is damaged or is not an Outlook message.": "Le message est endommagé ou n'est pas un message Outlook.",
    "Paper-trail entry added": "Entrée ajoutée aux traces écrites",
    "First meeting saved": "Premier entretien enregistré",
    "Originals from the first meeting recorded as returned": "Originaux du premier entretien notés comme rendus",
    "Originals from the first meeting recorded as still held": "Originaux du premier entretien notés comme toujours détenus",
    "Action point added": "Action à mener ajoutée",
    "Action point done": "Action à mener faite",
    "Action point marked as not done": "Action à mener marquée comme non faite",
    "Hearing or meeting date added": "Date d'audience ou de réunion ajoutée",
    "Hearing or meeting date removed": "Date d'audience ou de réunion retirée",
    "Letter saved as a PDF": "Lettre enregistrée en PDF",
    "The figures could not be counted.": "Les statistiques n’ont pas pu être comptées.",
    # Today and the agenda, read on a worker (issue 15)
    "Loading…": "Chargement…",
    # Sync (issue 20)
    "S&ync…": "S&ynchronisation…",
    "Sync": "Synchronisation",
    "Sync status": "État de la synchronisation",
    "&Sync now": "&Synchroniser maintenant",
    "Conflicts to resolve": "Conflits à résoudre",
    "The version's text": "Le texte de la version",
    "&Keep this version": "&Garder cette version",
    "What the last sync said": "Ce qu'a dit la dernière synchronisation",
    "Conflicts: text two devices changed apart. Choose the version to keep:": "Conflits : un texte modifié séparément sur deux appareils. Choisissez la version à garder :",
    "this device": "cet appareil",
    "This device syncs through %1 with %2 other device(s); %3 change(s) not sent yet.": "Cet appareil se synchronise par %1 avec %2 autre(s) appareil(s) ; %3 modification(s) pas encore envoyée(s).",
    "Devices asking to join": "Appareils qui demandent à rejoindre",
    "Last synced %1.": "Dernière synchronisation : %1.",
    "Not synced yet.": "Pas encore synchronisé.",
    "&Accept the device...": "&Accepter l'appareil...",
    "Devices asking to join (run `casevault sync join` on the new device):": "Appareils qui demandent à rejoindre (lancez `casevault sync join` sur le nouvel appareil) :",
    "Not accepted: the codes must match on both screens.": "Non accepté : les codes doivent être identiques sur les deux écrans.",
    "Accepted. The new device finishes joining once the folder has synced.": "Accepté. Le nouvel appareil finit de rejoindre une fois le dossier synchronisé.",
    "Accept the device?": "Accepter l'appareil ?",
    "Does %1 show this code?\n\n%2\n\nAccept it only if every digit is the same.": "%1 affiche-t-il ce code ?\n\n%2\n\nN'acceptez que si chaque chiffre est identique.",
    " (shown now)": " (affichée)",
    "Sent %1 from %2%3": "Envoyée le %1 depuis %2%3",
    "Kept, and written to the sync folder for the other devices.": "Gardée, et écrite dans le dossier de synchronisation pour les autres appareils.",
    "Sent %1 change(s); took in %2.": "%1 modification(s) envoyée(s) ; %2 reçue(s).",
    "the first meeting's narrative": "le récit du premier entretien",
    "the originals received": "les originaux reçus",
    "the member's decision": "la décision de l'adhérent",
    "the remedy sought": "la réparation demandée",
    "an issue": "un point soulevé",
    "an action point": "une action à mener",
    "a note": "une note",
    "a paper-trail entry": "une entrée du suivi",
    "an original's description": "la description d'un original",
    "a deadline's extension note": "la note de prolongation d'une échéance",
    "a deadline's overdue reason": "la raison du retard d'une échéance",
    "a breach's actions": "les mesures prises après une violation",
    "Sync refused %1 change set(s); Settings > Sync says why.": "La synchronisation a refusé %1 lot(s) de modifications ; Paramètres > Synchronisation dit pourquoi.",
    "Synced: %1 change(s) from other devices.": "Synchronisé : %1 modification(s) venue(s) d'autres appareils.",
}

# The same English, different French in one context.
IN_CONTEXT: dict[tuple[str, str], str] = {
    ("MainWindow", "Open"): "Ouverts",
    ("MainWindow", "Closed"): "Clos",
    ("CasePage", "Type"): "Type",
    ("PaperTrail", "Meeting"): "Réunion",
    ("casework", "Email"): "Courriel",
    ("casework", "Other"): "Autre",
    ("RemindersPanel", "Due"): "Échéance",
}
# fmt: on
