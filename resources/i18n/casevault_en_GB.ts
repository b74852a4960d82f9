<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
        <name />
        <message>
            <source>About casevault</source>
            <translation>About casevault</translation>
        </message>
        <message>
            <source>casevault %1: an encrypted case vault for union reps. Everything stays on this computer, encrypted.</source>
            <translation>casevault %1: an encrypted case vault for union reps. Everything stays on this computer, encrypted.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>ActionPointsPanel</name>
        <message>
            <source>Action points</source>
            <translation>Action points</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Action point</source>
            <translation>Action point</translation>
        </message>
        <message>
            <source>What is to be done</source>
            <translation>What is to be done</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>Due date</translation>
        </message>
        <message>
            <source>No due date</source>
            <translation>No due date</translation>
        </message>
        <message>
            <source>Add &amp;action point</source>
            <translation>Add &amp;action point</translation>
        </message>
        <message>
            <source>Add action point</source>
            <translation>Add action point</translation>
        </message>
        <message>
            <source>Action points status</source>
            <translation>Action points status</translation>
        </message>
        <message>
            <source>Action point added.</source>
            <translation>Action point added.</translation>
        </message>
    </context>
    <context>
        <name>AddOriginalDialog</name>
        <message>
            <source>Add original document</source>
            <translation>Add original document</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>e.g. Payslips, January to March (originals)</source>
            <translation>e.g. Payslips, January to March (originals)</translation>
        </message>
        <message>
            <source>Date received</source>
            <translation>Date received</translation>
        </message>
        <message>
            <source>Where kept</source>
            <translation>Where kept</translation>
        </message>
        <message>
            <source>e.g. Locked drawer, branch office</source>
            <translation>e.g. Locked drawer, branch office</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Description:</translation>
        </message>
        <message>
            <source>&amp;Received:</source>
            <translation>&amp;Received:</translation>
        </message>
        <message>
            <source>&amp;Where kept:</source>
            <translation>&amp;Where kept:</translation>
        </message>
        <message>
            <source>Give the date it was received.</source>
            <translation>Give the date it was received.</translation>
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
            <translation>What falls due in the next %1 days</translation>
        </message>
        <message>
            <source>Agenda period</source>
            <translation>Agenda period</translation>
        </message>
        <message>
            <source>Agenda items</source>
            <translation>Agenda items</translation>
        </message>
        <message>
            <source>Day / time</source>
            <translation>Day / time</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Today, %1</source>
            <translation>Today, %1</translation>
        </message>
        <message>
            <source>All day</source>
            <translation>All day</translation>
        </message>
        <message>
            <source>Hearing</source>
            <translation>Hearing</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Nothing falls due.</source>
            <translation>Nothing falls due.</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more after these</source>
            <translation>
                <numerusform>… and %n more after these</numerusform>
                <numerusform>… and %n more after these</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>casevault was locked</source>
            <translation>casevault was locked</translation>
        </message>
    </context>
    <context>
        <name>AttachQueue</name>
        <message>
            <source>Importing the email {0} into the paper trail ({1} of {2})…</source>
            <translation>Importing the email {0} into the paper trail ({1} of {2})…</translation>
        </message>
        <message>
            <source>Encrypting {0} ({1} of {2})…</source>
            <translation>Encrypting {0} ({1} of {2})…</translation>
        </message>
        <message>
            <source>Attaching was cancelled; that file was not added.</source>
            <translation>Attaching was cancelled; that file was not added.</translation>
        </message>
        <message>
            <source>Something went wrong while encrypting the file; it was not added.</source>
            <translation>Something went wrong while encrypting the file; it was not added.</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>Backup</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>A backup is one encrypted file holding the whole vault. Keep it somewhere else, such as a USB stick. It opens with the vault passphrase (not the system keychain, which stays on this computer).</source>
            <translation>A backup is one encrypted file holding the whole vault. Keep it somewhere else, such as a USB stick. It opens with the vault passphrase (not the system keychain, which stays on this computer).</translation>
        </message>
        <message>
            <source>About backups</source>
            <translation>About backups</translation>
        </message>
        <message>
            <source>A case deleted after this backup can still be read from this backup by anyone with the passphrase at the time; destroy old backups like the vault, or make a new backup after deleting and destroy the old one.</source>
            <translation>A case deleted after this backup can still be read from this backup by anyone with the passphrase at the time; destroy old backups like the vault, or make a new backup after deleting and destroy the old one.</translation>
        </message>
        <message>
            <source>Deleted cases and old backups</source>
            <translation>Deleted cases and old backups</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Never</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Remind me to back up every</source>
            <translation>Remind me to back up every</translation>
        </message>
        <message>
            <source>Passphrase for verifying</source>
            <translation>Passphrase for verifying</translation>
        </message>
        <message>
            <source>Passphrase (to verify)</source>
            <translation>Passphrase (to verify)</translation>
        </message>
        <message>
            <source>&amp;Back up to…</source>
            <translation>&amp;Back up to…</translation>
        </message>
        <message>
            <source>Back up to a file</source>
            <translation>Back up to a file</translation>
        </message>
        <message>
            <source>&amp;Verify a backup…</source>
            <translation>&amp;Verify a backup…</translation>
        </message>
        <message>
            <source>Verify a backup</source>
            <translation>Verify a backup</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>Cancel the backup</source>
            <translation>Cancel the backup</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Back up the vault to</source>
            <translation>Back up the vault to</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Backing up…</translation>
        </message>
        <message>
            <source>The backup is written. Verify it with the passphrase to be sure.</source>
            <translation>The backup is written. Verify it with the passphrase to be sure.</translation>
        </message>
        <message>
            <source>Cancelled; no backup file was left behind.</source>
            <translation>Cancelled; no backup file was left behind.</translation>
        </message>
        <message>
            <source>The backup failed; nothing was written.</source>
            <translation>The backup failed; nothing was written.</translation>
        </message>
        <message>
            <source>Choose a backup to verify</source>
            <translation>Choose a backup to verify</translation>
        </message>
        <message>
            <source>Type the passphrase the vault had when the backup was made.</source>
            <translation>Type the passphrase the vault had when the backup was made.</translation>
        </message>
        <message>
            <source>Verifying: restoring into a private temporary folder…</source>
            <translation>Verifying: restoring into a private temporary folder…</translation>
        </message>
        <message>
            <source>This backup would not restore cleanly: %1</source>
            <translation>This backup would not restore cleanly: %1</translation>
        </message>
        <message>
            <source>The backup is good: it restores, opens and passes the check.</source>
            <translation>The backup is good: it restores, opens and passes the check.</translation>
        </message>
        <message>
            <source>Verification cancelled.</source>
            <translation>Verification cancelled.</translation>
        </message>
        <message>
            <source>The backup could not be verified.</source>
            <translation>The backup could not be verified.</translation>
        </message>
    </context>
    <context>
        <name>BreachDialog</name>
        <message>
            <source>Export the breach report</source>
            <translation>Export the breach report</translation>
        </message>
        <message>
            <source>Report a confidentiality breach</source>
            <translation>Report a confidentiality breach</translation>
        </message>
        <message>
            <source>The union's policy</source>
            <translation>The union's policy</translation>
        </message>
        <message>
            <source>Describe what happened by case reference only: no names or details of members or anyone else in a case.</source>
            <translation>Describe what happened by case reference only: no names or details of members or anyone else in a case.</translation>
        </message>
        <message>
            <source>How to fill in this form</source>
            <translation>How to fill in this form</translation>
        </message>
        <message>
            <source>When it happened</source>
            <translation>When it happened</translation>
        </message>
        <message>
            <source>When it was discovered</source>
            <translation>When it was discovered</translation>
        </message>
        <message>
            <source>Kind of breach</source>
            <translation>Kind of breach</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>What happened</translation>
        </message>
        <message>
            <source>Cases affected</source>
            <translation>Cases affected</translation>
        </message>
        <message>
            <source>Case references, e.g. CV-2026-0001, CV-2026-0002</source>
            <translation>Case references, e.g. CV-2026-0001, CV-2026-0002</translation>
        </message>
        <message>
            <source>When they were informed</source>
            <translation>When they were informed</translation>
        </message>
        <message>
            <source>Actions taken</source>
            <translation>Actions taken</translation>
        </message>
        <message>
            <source>&amp;Happened:</source>
            <translation>&amp;Happened:</translation>
        </message>
        <message>
            <source>&amp;Discovered:</source>
            <translation>&amp;Discovered:</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>&amp;What happened:</source>
            <translation>&amp;What happened:</translation>
        </message>
        <message>
            <source>&amp;Cases affected:</source>
            <translation>&amp;Cases affected:</translation>
        </message>
        <message>
            <source>Informed:</source>
            <translation>Informed:</translation>
        </message>
        <message>
            <source>Informed &amp;on:</source>
            <translation>Informed &amp;on:</translation>
        </message>
        <message>
            <source>&amp;Actions taken:</source>
            <translation>&amp;Actions taken:</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>&amp;Record the breach</source>
            <translation>&amp;Record the breach</translation>
        </message>
        <message>
            <source>Record the breach</source>
            <translation>Record the breach</translation>
        </message>
        <message>
            <source>&amp;Export report…</source>
            <translation>&amp;Export report…</translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>Export report</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>The breach is recorded. Export the report to send it on; it holds case references only.</source>
            <translation>The breach is recorded. Export the report to send it on; it holds case references only.</translation>
        </message>
        <message>
            <source>The report was exported.</source>
            <translation>The report was exported.</translation>
        </message>
    </context>
    <context>
        <name>BreachLogDialog</name>
        <message>
            <source>Breach records</source>
            <translation>Breach records</translation>
        </message>
        <message>
            <source>Breaches recorded</source>
            <translation>Breaches recorded</translation>
        </message>
        <message>
            <source>Discovered</source>
            <translation>Discovered</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>72 hours end</source>
            <translation>72 hours end</translation>
        </message>
        <message>
            <source>&amp;Export report…</source>
            <translation>&amp;Export report…</translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>Export report</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>%1 (passed)</source>
            <translation>%1 (passed)</translation>
        </message>
        <message numerus="yes">
            <source>%1 (%n hour(s) left)</source>
            <translation>
                <numerusform>%1 (%n hour left)</numerusform>
                <numerusform>%1 (%n hours left)</numerusform>
            </translation>
        </message>
        <message>
            <source>The report was exported.</source>
            <translation>The report was exported.</translation>
        </message>
    </context>
    <context>
        <name>BulkDeleteDialog</name>
        <message>
            <source>Delete all expired cases</source>
            <translation>Delete all expired cases</translation>
        </message>
        <message>
            <source>Cases past their archive period: %1. Deleting them is permanent and cannot be undone; a deletion record of each (no name, no content) is kept in the deletion log.</source>
            <translation>Cases past their archive period: %1. Deleting them is permanent and cannot be undone; a deletion record of each (no name, no content) is kept in the deletion log.</translation>
        </message>
        <message>
            <source>Cases that still hold the member's originals are left for you to delete one by one: %1</source>
            <translation>Cases that still hold the member's originals are left for you to delete one by one: %1</translation>
        </message>
        <message>
            <source>Type the number of cases to confirm</source>
            <translation>Type the number of cases to confirm</translation>
        </message>
        <message>
            <source>&amp;Type the number of cases (%1) to confirm:</source>
            <translation>&amp;Type the number of cases (%1) to confirm:</translation>
        </message>
        <message>
            <source>&amp;Delete all permanently</source>
            <translation>&amp;Delete all permanently</translation>
        </message>
        <message>
            <source>Delete all permanently</source>
            <translation>Delete all permanently</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>What will be deleted</source>
            <translation>What will be deleted</translation>
        </message>
    </context>
    <context>
        <name>BulkPurge</name>
        <message>
            <source>Deleting cases permanently…</source>
            <translation>Deleting cases permanently…</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>&amp;Stop</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Deleting cases</source>
            <translation>Deleting cases</translation>
        </message>
        <message>
            <source>Deleted %1 of %2 cases…</source>
            <translation>Deleted %1 of %2 cases…</translation>
        </message>
    </context>
    <context>
        <name>CalendarExport</name>
        <message>
            <source>Export deadlines to a calendar</source>
            <translation>Export deadlines to a calendar</translation>
        </message>
        <message>
            <source>The calendar file is not encrypted. It holds case references and kinds of date only, never names, but keep it where only you can read it, and export it again when dates change. Export it?</source>
            <translation>The calendar file is not encrypted. It holds case references and kinds of date only, never names, but keep it where only you can read it, and export it again when dates change. Export it?</translation>
        </message>
        <message numerus="yes">
            <source>%n date(s) written to the calendar file.</source>
            <translation>
                <numerusform>%n date written to the calendar file.</numerusform>
                <numerusform>%n dates written to the calendar file.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaseDatesPanel</name>
        <message>
            <source>Hearing</source>
            <translation>Hearing</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Hearings and meetings</source>
            <translation>Hearings and meetings</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Date kind</source>
            <translation>Date kind</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Date note</source>
            <translation>Date note</translation>
        </message>
        <message>
            <source>Where, with whom (optional)</source>
            <translation>Where, with whom (optional)</translation>
        </message>
        <message>
            <source>Add &amp;date</source>
            <translation>Add &amp;date</translation>
        </message>
        <message>
            <source>Add hearing or meeting</source>
            <translation>Add hearing or meeting</translation>
        </message>
        <message>
            <source>Remo&amp;ve date</source>
            <translation>Remo&amp;ve date</translation>
        </message>
        <message>
            <source>Remove hearing or meeting</source>
            <translation>Remove hearing or meeting</translation>
        </message>
        <message>
            <source>Hearings and meetings status</source>
            <translation>Hearings and meetings status</translation>
        </message>
        <message>
            <source>Please choose when it is.</source>
            <translation>Please choose when it is.</translation>
        </message>
        <message>
            <source>Added. You will be reminded two days before.</source>
            <translation>Added. You will be reminded two days before.</translation>
        </message>
        <message>
            <source>Removed.</source>
            <translation>Removed.</translation>
        </message>
    </context>
    <context>
        <name>CaseHeader</name>
        <message>
            <source>Case header</source>
            <translation>Case header</translation>
        </message>
        <message>
            <source>Case reference</source>
            <translation>Case reference</translation>
        </message>
        <message>
            <source>Case member</source>
            <translation>Case member</translation>
        </message>
        <message>
            <source>Case type</source>
            <translation>Case type</translation>
        </message>
        <message>
            <source>Case status</source>
            <translation>Case status</translation>
        </message>
        <message>
            <source>Procedure stage</source>
            <translation>Procedure stage</translation>
        </message>
        <message>
            <source>Next deadline</source>
            <translation>Next deadline</translation>
        </message>
        <message>
            <source>No procedure</source>
            <translation>No procedure</translation>
        </message>
        <message>
            <source>Procedure finished</source>
            <translation>Procedure finished</translation>
        </message>
        <message>
            <source>Stage: %1</source>
            <translation>Stage: %1</translation>
        </message>
        <message>
            <source>No deadline ahead</source>
            <translation>No deadline ahead</translation>
        </message>
        <message>
            <source>Next deadline: %1 (%2)</source>
            <translation>Next deadline: %1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>CaseHistory</name>
        <message>
            <source>Case opened</source>
            <translation>Case opened</translation>
        </message>
        <message>
            <source>Case handed over to a colleague</source>
            <translation>Case handed over to a colleague</translation>
        </message>
        <message>
            <source>Case received by handover</source>
            <translation>Case received by handover</translation>
        </message>
        <message>
            <source>Case closed</source>
            <translation>Case closed</translation>
        </message>
        <message>
            <source>Case reopened</source>
            <translation>Case reopened</translation>
        </message>
        <message>
            <source>Document attached</source>
            <translation>Document attached</translation>
        </message>
        <message>
            <source>Document previewed</source>
            <translation>Document previewed</translation>
        </message>
        <message>
            <source>Decrypted copy saved</source>
            <translation>Decrypted copy saved</translation>
        </message>
        <message>
            <source>Document sent out in an encrypted zip</source>
            <translation>Document sent out in an encrypted zip</translation>
        </message>
        <message>
            <source>Encrypted zip made for sending</source>
            <translation>Encrypted zip made for sending</translation>
        </message>
        <message>
            <source>Case summary PDF saved</source>
            <translation>Case summary PDF saved</translation>
        </message>
        <message>
            <source>Case deleted</source>
            <translation>Case deleted</translation>
        </message>
        <message>
            <source>Person added to the case</source>
            <translation>Person added to the case</translation>
        </message>
        <message>
            <source>Person removed from the case</source>
            <translation>Person removed from the case</translation>
        </message>
        <message>
            <source>Consent recorded</source>
            <translation>Consent recorded</translation>
        </message>
        <message>
            <source>Consent withdrawn</source>
            <translation>Consent withdrawn</translation>
        </message>
        <message>
            <source>Escalation recorded</source>
            <translation>Escalation recorded</translation>
        </message>
        <message>
            <source>Paper-trail entry added</source>
            <translation>Paper-trail entry added</translation>
        </message>
        <message>
            <source>Paper-trail entry edited (new version)</source>
            <translation>Paper-trail entry edited (new version)</translation>
        </message>
        <message>
            <source>First meeting saved</source>
            <translation>First meeting saved</translation>
        </message>
        <message>
            <source>Originals from the first meeting recorded as returned</source>
            <translation>Originals from the first meeting recorded as returned</translation>
        </message>
        <message>
            <source>Originals from the first meeting recorded as still held</source>
            <translation>Originals from the first meeting recorded as still held</translation>
        </message>
        <message>
            <source>Action point added</source>
            <translation>Action point added</translation>
        </message>
        <message>
            <source>Action point done</source>
            <translation>Action point done</translation>
        </message>
        <message>
            <source>Action point marked as not done</source>
            <translation>Action point marked as not done</translation>
        </message>
        <message>
            <source>Hearing or meeting date added</source>
            <translation>Hearing or meeting date added</translation>
        </message>
        <message>
            <source>Hearing or meeting date removed</source>
            <translation>Hearing or meeting date removed</translation>
        </message>
        <message>
            <source>Letter saved as a PDF</source>
            <translation>Letter saved as a PDF</translation>
        </message>
        <message>
            <source>Original document received</source>
            <translation>Original document received</translation>
        </message>
        <message>
            <source>Original document returned</source>
            <translation>Original document returned</translation>
        </message>
        <message>
            <source>Procedure started</source>
            <translation>Procedure started</translation>
        </message>
        <message>
            <source>Deadline counted</source>
            <translation>Deadline counted</translation>
        </message>
        <message>
            <source>Deadline extended</source>
            <translation>Deadline extended</translation>
        </message>
        <message>
            <source>Stage time limit changed to the policy</source>
            <translation>Stage time limit changed to the policy</translation>
        </message>
        <message>
            <source>Deadline met: stage recorded as done</source>
            <translation>Deadline met: stage recorded as done</translation>
        </message>
        <message>
            <source>Overdue deadline set aside, with a reason</source>
            <translation>Overdue deadline set aside, with a reason</translation>
        </message>
        <message>
            <source>Deadline removed</source>
            <translation>Deadline removed</translation>
        </message>
        <message>
            <source>Case history</source>
            <translation>Case history</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
    </context>
    <context>
        <name>CaseListModel</name>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Next date due</source>
            <translation>Next date due</translation>
        </message>
        <message>
            <source>Last updated</source>
            <translation>Last updated</translation>
        </message>
        <message>
            <source>Found in</source>
            <translation>Found in</translation>
        </message>
        <message>
            <source>Member's name</source>
            <translation>Member's name</translation>
        </message>
        <message>
            <source>Case title</source>
            <translation>Case title</translation>
        </message>
        <message>
            <source>Paper trail</source>
            <translation>Paper trail</translation>
        </message>
        <message>
            <source>Document name</source>
            <translation>Document name</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>First meeting</source>
            <translation>First meeting</translation>
        </message>
        <message>
            <source>Action point</source>
            <translation>Action point</translation>
        </message>
        <message>
            <source>People</source>
            <translation>People</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>No case matches this search. Check the spelling, or try fewer or shorter words.</source>
            <translation>No case matches this search. Check the spelling, or try fewer or shorter words.</translation>
        </message>
        <message>
            <source>Only the cases the Show filter lists are searched: choose All to search every case.</source>
            <translation>Only the cases the Show filter lists are searched: choose All to search every case.</translation>
        </message>
        <message>
            <source>No cases yet. Press New case to record a member's first meeting.</source>
            <translation>No cases yet. Press New case to record a member's first meeting.</translation>
        </message>
        <message>
            <source>No open cases. Choose All in Show to see the closed ones, or press New case.</source>
            <translation>No open cases. Choose All in Show to see the closed ones, or press New case.</translation>
        </message>
        <message>
            <source>No closed cases. A case is listed here once it is closed.</source>
            <translation>No closed cases. A case is listed here once it is closed.</translation>
        </message>
    </context>
    <context>
        <name>CasePage</name>
        <message>
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>← &amp;Back to cases</source>
            <translation>← &amp;Back to cases</translation>
        </message>
        <message>
            <source>Back to cases</source>
            <translation>Back to cases</translation>
        </message>
        <message>
            <source>Case sections</source>
            <translation>Case sections</translation>
        </message>
        <message>
            <source>Documents will appear here.</source>
            <translation>Documents will appear here.</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>&amp;Overview</source>
            <translation>&amp;Overview</translation>
        </message>
        <message>
            <source>&amp;First meeting</source>
            <translation>&amp;First meeting</translation>
        </message>
        <message>
            <source>&amp;Paper trail</source>
            <translation>&amp;Paper trail</translation>
        </message>
        <message>
            <source>&amp;Action points</source>
            <translation>&amp;Action points</translation>
        </message>
        <message>
            <source>&amp;Documents</source>
            <translation>&amp;Documents</translation>
        </message>
        <message>
            <source>P&amp;eople</source>
            <translation>P&amp;eople</translation>
        </message>
        <message>
            <source>Re&amp;view</source>
            <translation>Re&amp;view</translation>
        </message>
        <message>
            <source>O&amp;riginals</source>
            <translation>O&amp;riginals</translation>
        </message>
        <message>
            <source>Proced&amp;ure</source>
            <translation>Proced&amp;ure</translation>
        </message>
        <message>
            <source>Still open</source>
            <translation>Still open</translation>
        </message>
        <message>
            <source>Due for deletion on %1</source>
            <translation>Due for deletion on %1</translation>
        </message>
        <message>
            <source>Not closed</source>
            <translation>Not closed</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Member name</source>
            <translation>Member name</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Opened</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Deletion</source>
            <translation>Deletion</translation>
        </message>
        <message>
            <source>Preferred contact address</source>
            <translation>Preferred contact address</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <source>%1:</source>
            <translation>%1:</translation>
        </message>
        <message>
            <source>Work email warning</source>
            <translation>Work email warning</translation>
        </message>
        <message>
            <source>Delete case &amp;permanently…</source>
            <translation>Delete case &amp;permanently…</translation>
        </message>
        <message>
            <source>Delete case permanently</source>
            <translation>Delete case permanently</translation>
        </message>
        <message>
            <source>Erase this case and its documents for good; only closed cases can be deleted.</source>
            <translation>Erase this case and its documents for good; only closed cases can be deleted.</translation>
        </message>
        <message>
            <source>&amp;Reopen case</source>
            <translation>&amp;Reopen case</translation>
        </message>
        <message>
            <source>Reopen case</source>
            <translation>Reopen case</translation>
        </message>
        <message>
            <source>C&amp;lose case…</source>
            <translation>C&amp;lose case…</translation>
        </message>
        <message>
            <source>Close case</source>
            <translation>Close case</translation>
        </message>
        <message>
            <source>&amp;Write to the member…</source>
            <translation>&amp;Write to the member…</translation>
        </message>
        <message>
            <source>Write to the member</source>
            <translation>Write to the member</translation>
        </message>
        <message>
            <source>Opens a draft in your email program with the address in Bcc and no attachment: send documents as an encrypted zip instead.</source>
            <translation>Opens a draft in your email program with the address in Bcc and no attachment: send documents as an encrypted zip instead.</translation>
        </message>
        <message>
            <source>&amp;History:</source>
            <translation>&amp;History:</translation>
        </message>
        <message>
            <source>Write a le&amp;tter…</source>
            <translation>Write a le&amp;tter…</translation>
        </message>
        <message>
            <source>Write a letter</source>
            <translation>Write a letter</translation>
        </message>
        <message>
            <source>A letter from a template, filled in from this case, to edit, file, save or email.</source>
            <translation>A letter from a template, filled in from this case, to edit, file, save or email.</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>E&amp;xport…</translation>
        </message>
        <message>
            <source>Export as an encrypted zip</source>
            <translation>Export as an encrypted zip</translation>
        </message>
        <message>
            <source>&amp;Hand over…</source>
            <translation>&amp;Hand over…</translation>
        </message>
        <message>
            <source>Hand over to a colleague</source>
            <translation>Hand over to a colleague</translation>
        </message>
    </context>
    <context>
        <name>ClockSettingsDialog</name>
        <message>
            <source>Deadlines and working days</source>
            <translation>Deadlines and working days</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>Jurisdiction</translation>
        </message>
        <message>
            <source>Refer tribunal cases, weeks before the limit</source>
            <translation>Refer tribunal cases, weeks before the limit</translation>
        </message>
        <message>
            <source>Deadline warnings, days before</source>
            <translation>Deadline warnings, days before</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>&amp;Jurisdiction:</source>
            <translation>&amp;Jurisdiction:</translation>
        </message>
        <message>
            <source>&amp;Refer tribunal cases (weeks before):</source>
            <translation>&amp;Refer tribunal cases (weeks before):</translation>
        </message>
        <message>
            <source>Deadline &amp;warnings (days before):</source>
            <translation>Deadline &amp;warnings (days before):</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Employer closure days</source>
            <translation>Employer closure days</translation>
        </message>
        <message>
            <source>Closure day to add</source>
            <translation>Closure day to add</translation>
        </message>
        <message>
            <source>&amp;Add closure day</source>
            <translation>&amp;Add closure day</translation>
        </message>
        <message>
            <source>Add closure day</source>
            <translation>Add closure day</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>Re&amp;move</translation>
        </message>
        <message>
            <source>Remove closure day</source>
            <translation>Remove closure day</translation>
        </message>
        <message>
            <source>Employer closure days (not counted as working days by procedure stages):</source>
            <translation>Employer closure days (not counted as working days by procedure stages):</translation>
        </message>
        <message>
            <source>Give the warnings as whole days, such as 28, 14, 7, 2, 1.</source>
            <translation>Give the warnings as whole days, such as 28, 14, 7, 2, 1.</translation>
        </message>
    </context>
    <context>
        <name>CloseCaseDialog</name>
        <message>
            <source>Close case</source>
            <translation>Close case</translation>
        </message>
        <message>
            <source>Closing %1 keeps it for its archive period; then casevault reminds you to delete it permanently. You can reopen it until then.</source>
            <translation>Closing %1 keeps it for its archive period; then casevault reminds you to delete it permanently. You can reopen it until then.</translation>
        </message>
        <message>
            <source>Archive period in days</source>
            <translation>Archive period in days</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Due for deletion on</source>
            <translation>Due for deletion on</translation>
        </message>
        <message>
            <source>&amp;Archive period:</source>
            <translation>&amp;Archive period:</translation>
        </message>
        <message>
            <source>Due for deletion on:</source>
            <translation>Due for deletion on:</translation>
        </message>
        <message>
            <source>The member's original documents are not recorded as returned. Return them before closing if you can; a reminder will ask until they are.</source>
            <translation>The member's original documents are not recorded as returned. Return them before closing if you can; a reminder will ask until they are.</translation>
        </message>
        <message>
            <source>Originals warning</source>
            <translation>Originals warning</translation>
        </message>
        <message>
            <source>Close case message</source>
            <translation>Close case message</translation>
        </message>
        <message>
            <source>&amp;Close case</source>
            <translation>&amp;Close case</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Choose how the case ended…</source>
            <translation>Choose how the case ended…</translation>
        </message>
        <message>
            <source>Remedy</source>
            <translation>Remedy</translation>
        </message>
        <message>
            <source>What was won, if anything (e.g. back pay, a warning removed)</source>
            <translation>What was won, if anything (e.g. back pay, a warning removed)</translation>
        </message>
        <message>
            <source>&amp;Outcome:</source>
            <translation>&amp;Outcome:</translation>
        </message>
        <message>
            <source>Re&amp;medy:</source>
            <translation>Re&amp;medy:</translation>
        </message>
        <message>
            <source>The first meeting prompted an escalation (dismissal threatened or discrimination alleged) and none is recorded. Record the escalation, or give the reason for closing without one; it goes into the paper trail.</source>
            <translation>The first meeting prompted an escalation (dismissal threatened or discrimination alleged) and none is recorded. Record the escalation, or give the reason for closing without one; it goes into the paper trail.</translation>
        </message>
        <message>
            <source>Escalation warning</source>
            <translation>Escalation warning</translation>
        </message>
        <message>
            <source>&amp;Reason for closing without escalation:</source>
            <translation>&amp;Reason for closing without escalation:</translation>
        </message>
        <message>
            <source>Reason for closing without escalation</source>
            <translation>Reason for closing without escalation</translation>
        </message>
        <message>
            <source>Record &amp;escalation…</source>
            <translation>Record &amp;escalation…</translation>
        </message>
        <message>
            <source>Record escalation</source>
            <translation>Record escalation</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Possible conflict of interest</source>
            <translation>Possible conflict of interest</translation>
        </message>
        <message>
            <source>Someone with a similar name is already in these cases (shown by reference and role only):</source>
            <translation>Someone with a similar name is already in these cases (shown by reference and role only):</translation>
        </message>
        <message>
            <source>Matching cases</source>
            <translation>Matching cases</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Role there</source>
            <translation>Role there</translation>
        </message>
        <message>
            <source>The guide on conflicting interests</source>
            <translation>The guide on conflicting interests</translation>
        </message>
        <message>
            <source>Your decision (recorded in the paper trail):</source>
            <translation>Your decision (recorded in the paper trail):</translation>
        </message>
        <message>
            <source>&amp;No conflict</source>
            <translation>&amp;No conflict</translation>
        </message>
        <message>
            <source>No conflict</source>
            <translation>No conflict</translation>
        </message>
        <message>
            <source>&amp;Step aside</source>
            <translation>&amp;Step aside</translation>
        </message>
        <message>
            <source>Step aside</source>
            <translation>Step aside</translation>
        </message>
        <message>
            <source>&amp;Refer on</source>
            <translation>&amp;Refer on</translation>
        </message>
        <message>
            <source>Refer on</source>
            <translation>Refer on</translation>
        </message>
        <message>
            <source>&amp;Record decision</source>
            <translation>&amp;Record decision</translation>
        </message>
        <message>
            <source>Record decision</source>
            <translation>Record decision</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ConsentPanel</name>
        <message>
            <source>Consent</source>
            <translation>Consent</translation>
        </message>
        <message>
            <source>Consents</source>
            <translation>Consents</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>Scope</translation>
        </message>
        <message>
            <source>Given</source>
            <translation>Given</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Consent scope</source>
            <translation>Consent scope</translation>
        </message>
        <message>
            <source>Consent given on</source>
            <translation>Consent given on</translation>
        </message>
        <message>
            <source>Consent note</source>
            <translation>Consent note</translation>
        </message>
        <message>
            <source>How it was given (optional)</source>
            <translation>How it was given (optional)</translation>
        </message>
        <message>
            <source>Record &amp;consent</source>
            <translation>Record &amp;consent</translation>
        </message>
        <message>
            <source>Record consent</source>
            <translation>Record consent</translation>
        </message>
        <message>
            <source>&amp;Withdraw</source>
            <translation>&amp;Withdraw</translation>
        </message>
        <message>
            <source>Withdraw consent</source>
            <translation>Withdraw consent</translation>
        </message>
        <message>
            <source>Consent message</source>
            <translation>Consent message</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>In force</translation>
        </message>
        <message>
            <source>Withdrawn on %1</source>
            <translation>Withdrawn on %1</translation>
        </message>
        <message>
            <source>Consent recorded.</source>
            <translation>Consent recorded.</translation>
        </message>
        <message>
            <source>Consent recorded as withdrawn.</source>
            <translation>Consent recorded as withdrawn.</translation>
        </message>
    </context>
    <context>
        <name>CreateVaultDialog</name>
        <message>
            <source>Create your casevault</source>
            <translation>Create your casevault</translation>
        </message>
        <message>
            <source>Create vault</source>
            <translation>Create vault</translation>
        </message>
        <message>
            <source>Choose a passphrase for your new vault. Everything in it is encrypted with this passphrase. If this computer's keychain is ever lost or reset, the passphrase is the only way back in: write it down and keep it somewhere safe.</source>
            <translation>Choose a passphrase for your new vault. Everything in it is encrypted with this passphrase. If this computer's keychain is ever lost or reset, the passphrase is the only way back in: write it down and keep it somewhere safe.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>Repeat passphrase</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Passphrase strength</translation>
        </message>
        <message>
            <source>&amp;Remember on this computer (use the system keychain)</source>
            <translation>&amp;Remember on this computer (use the system keychain)</translation>
        </message>
        <message>
            <source>Remember on this computer</source>
            <translation>Remember on this computer</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Passphrase:</translation>
        </message>
        <message>
            <source>Re&amp;peat it:</source>
            <translation>Re&amp;peat it:</translation>
        </message>
        <message>
            <source>&amp;Create vault</source>
            <translation>&amp;Create vault</translation>
        </message>
        <message>
            <source>Strong: several words make a passphrase that is hard to guess.</source>
            <translation>Strong: several words make a passphrase that is hard to guess.</translation>
        </message>
        <message>
            <source>Acceptable. A few more words would make it stronger.</source>
            <translation>Acceptable. A few more words would make it stronger.</translation>
        </message>
        <message>
            <source>The passphrase is too short: use at least %1 characters (a few unrelated words work well).</source>
            <translation>The passphrase is too short: use at least %1 characters (a few unrelated words work well).</translation>
        </message>
        <message>
            <source>The passphrase repeats too few different characters to be safe.</source>
            <translation>The passphrase repeats too few different characters to be safe.</translation>
        </message>
        <message>
            <source>The two passphrases differ. Please type the same one twice.</source>
            <translation>The two passphrases differ. Please type the same one twice.</translation>
        </message>
        <message>
            <source>Creating the vault…</source>
            <translation>Creating the vault…</translation>
        </message>
    </context>
    <context>
        <name>DeleteCaseDialog</name>
        <message>
            <source>Delete case permanently</source>
            <translation>Delete case permanently</translation>
        </message>
        <message>
            <source>Deleting a case is permanent and cannot be undone. Its notes, first meeting, action points and documents are erased from this vault, and its key is destroyed. A deletion record (reference, type and dates, with no name and no content) is kept in the deletion log.</source>
            <translation>Deleting a case is permanent and cannot be undone. Its notes, first meeting, action points and documents are erased from this vault, and its key is destroyed. A deletion record (reference, type and dates, with no name and no content) is kept in the deletion log.</translation>
        </message>
        <message>
            <source>What deletion means</source>
            <translation>What deletion means</translation>
        </message>
        <message>
            <source>Not closed</source>
            <translation>Not closed</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Due for deletion on</source>
            <translation>Due for deletion on</translation>
        </message>
        <message>
            <source>%1:</source>
            <translation>%1:</translation>
        </message>
        <message>
            <source>Type the reference to confirm</source>
            <translation>Type the reference to confirm</translation>
        </message>
        <message>
            <source>&amp;Type the reference %1 to confirm:</source>
            <translation>&amp;Type the reference %1 to confirm:</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Why the originals are not returned</source>
            <translation>Why the originals are not returned</translation>
        </message>
        <message>
            <source>Choose a reason…</source>
            <translation>Choose a reason…</translation>
        </message>
        <message>
            <source>&lt;b&gt;The member's original documents are not recorded as returned.&lt;/b&gt; Return them first if you can; otherwise choose why they are not being returned.</source>
            <translation>&lt;b&gt;The member's original documents are not recorded as returned.&lt;/b&gt; Return them first if you can; otherwise choose why they are not being returned.</translation>
        </message>
        <message>
            <source>Originals warning</source>
            <translation>Originals warning</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Reason:</translation>
        </message>
        <message>
            <source>&amp;Delete permanently</source>
            <translation>&amp;Delete permanently</translation>
        </message>
        <message>
            <source>Delete permanently</source>
            <translation>Delete permanently</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Case %1 was deleted permanently on %2.</source>
            <translation>Case %1 was deleted permanently on %2.</translation>
        </message>
    </context>
    <context>
        <name>DeletionLogDialog</name>
        <message>
            <source>Deletion log</source>
            <translation>Deletion log</translation>
        </message>
        <message>
            <source>Cases deleted permanently from this vault. The records hold no names and no content; export them as proof for the union as data controller.</source>
            <translation>Cases deleted permanently from this vault. The records hold no names and no content; export them as proof for the union as data controller.</translation>
        </message>
        <message>
            <source>About the deletion log</source>
            <translation>About the deletion log</translation>
        </message>
        <message>
            <source>Deletion records</source>
            <translation>Deletion records</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Opened</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <source>Originals</source>
            <translation>Originals</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Export the deletion log</source>
            <translation>Export the deletion log</translation>
        </message>
        <message>
            <source>%1 already exists; choose a new file name.</source>
            <translation>%1 already exists; choose a new file name.</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>Could not write %1: %2</translation>
        </message>
        <message>
            <source>Exported the deletion log to %1.</source>
            <translation>Exported the deletion log to %1.</translation>
        </message>
    </context>
    <context>
        <name>DeviceCheckDialog</name>
        <message>
            <source>Check this device</source>
            <translation>Check this device</translation>
        </message>
        <message>
            <source>Casework files must be kept encrypted, and the computer locked when you are not using it. casevault checks what it can on this computer.</source>
            <translation>Casework files must be kept encrypted, and the computer locked when you are not using it. casevault checks what it can on this computer.</translation>
        </message>
        <message>
            <source>About the device check</source>
            <translation>About the device check</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Disk encryption</source>
            <translation>Disk encryption</translation>
        </message>
        <message>
            <source>Screen lock</source>
            <translation>Screen lock</translation>
        </message>
        <message>
            <source>What to do</source>
            <translation>What to do</translation>
        </message>
        <message>
            <source>Check &amp;again</source>
            <translation>Check &amp;again</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Check again</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>Good</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Needs attention</translation>
        </message>
        <message>
            <source>Could not tell</source>
            <translation>Could not tell</translation>
        </message>
        <message>
            <source>%1: %2. %3</source>
            <translation>%1: %2. %3</translation>
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
            <translation>Document list</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Added</translation>
        </message>
        <message>
            <source>&amp;Attach documents…</source>
            <translation>&amp;Attach documents…</translation>
        </message>
        <message>
            <source>Attach documents</source>
            <translation>Attach documents</translation>
        </message>
        <message>
            <source>Attach documents (Ctrl+O); you can also drop files here</source>
            <translation>Attach documents (Ctrl+O); you can also drop files here</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Preview</translation>
        </message>
        <message>
            <source>Preview document</source>
            <translation>Preview document</translation>
        </message>
        <message>
            <source>Save a &amp;decrypted copy…</source>
            <translation>Save a &amp;decrypted copy…</translation>
        </message>
        <message>
            <source>Save a decrypted copy</source>
            <translation>Save a decrypted copy</translation>
        </message>
        <message>
            <source>Encryption progress</source>
            <translation>Encryption progress</translation>
        </message>
        <message>
            <source>Attaching status</source>
            <translation>Attaching status</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>Cancel attaching</source>
            <translation>Cancel attaching</translation>
        </message>
        <message>
            <source>Documents message</source>
            <translation>Documents message</translation>
        </message>
        <message>
            <source>Please wait until the copy is saved, then attach the documents again.</source>
            <translation>Please wait until the copy is saved, then attach the documents again.</translation>
        </message>
        <message>
            <source>The email was stored and added to the paper trail.</source>
            <translation>The email was stored and added to the paper trail.</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <source>This document is too large to preview; save a decrypted copy instead.</source>
            <translation>This document is too large to preview; save a decrypted copy instead.</translation>
        </message>
        <message>
            <source>This document could not be opened.</source>
            <translation>This document could not be opened.</translation>
        </message>
        <message>
            <source>Saving a decrypted copy…</source>
            <translation>Saving a decrypted copy…</translation>
        </message>
        <message>
            <source>Saved a decrypted copy. It is not protected by the vault.</source>
            <translation>Saved a decrypted copy. It is not protected by the vault.</translation>
        </message>
        <message>
            <source>Saving was cancelled; no copy was written.</source>
            <translation>Saving was cancelled; no copy was written.</translation>
        </message>
        <message>
            <source>The copy could not be saved.</source>
            <translation>The copy could not be saved.</translation>
        </message>
    </context>
    <context>
        <name>EditEntryDialog</name>
        <message>
            <source>Edit entry</source>
            <translation>Edit entry</translation>
        </message>
        <message>
            <source>The entry is sealed: saving adds a new version, and every earlier version is kept.</source>
            <translation>The entry is sealed: saving adds a new version, and every earlier version is kept.</translation>
        </message>
        <message>
            <source>New text</source>
            <translation>New text</translation>
        </message>
        <message>
            <source>&amp;Save new version</source>
            <translation>&amp;Save new version</translation>
        </message>
        <message>
            <source>Save new version</source>
            <translation>Save new version</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>EmailPane</name>
        <message>
            <source>Email preview</source>
            <translation>Email preview</translation>
        </message>
        <message>
            <source>Email sender</source>
            <translation>Email sender</translation>
        </message>
        <message>
            <source>Email recipients</source>
            <translation>Email recipients</translation>
        </message>
        <message>
            <source>Email copied to</source>
            <translation>Email copied to</translation>
        </message>
        <message>
            <source>Email date</source>
            <translation>Email date</translation>
        </message>
        <message>
            <source>Email subject</source>
            <translation>Email subject</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>From:</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>To:</translation>
        </message>
        <message>
            <source>Cc:</source>
            <translation>Cc:</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>Subject:</source>
            <translation>Subject:</translation>
        </message>
        <message>
            <source>Email notes</source>
            <translation>Email notes</translation>
        </message>
        <message>
            <source>Email body</source>
            <translation>Email body</translation>
        </message>
        <message>
            <source>Attachments:</source>
            <translation>Attachments:</translation>
        </message>
        <message>
            <source>Email attachments</source>
            <translation>Email attachments</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Not dated</source>
            <translation>Not dated</translation>
        </message>
        <message>
            <source>(no name: %1)</source>
            <translation>(no name: %1)</translation>
        </message>
    </context>
    <context>
        <name>EscalationDialog</name>
        <message>
            <source>Record escalation</source>
            <translation>Record escalation</translation>
        </message>
        <message>
            <source>Escalated to</source>
            <translation>Escalated to</translation>
        </message>
        <message>
            <source>e.g. the branch's senior caseworker</source>
            <translation>e.g. the branch's senior caseworker</translation>
        </message>
        <message>
            <source>When escalated</source>
            <translation>When escalated</translation>
        </message>
        <message>
            <source>How escalated</source>
            <translation>How escalated</translation>
        </message>
        <message>
            <source>The &amp;regional office was notified</source>
            <translation>The &amp;regional office was notified</translation>
        </message>
        <message>
            <source>Regional office notified</source>
            <translation>Regional office notified</translation>
        </message>
        <message>
            <source>Escalation message</source>
            <translation>Escalation message</translation>
        </message>
        <message>
            <source>Escalated &amp;to:</source>
            <translation>Escalated &amp;to:</translation>
        </message>
        <message>
            <source>&amp;When:</source>
            <translation>&amp;When:</translation>
        </message>
        <message>
            <source>&amp;How:</source>
            <translation>&amp;How:</translation>
        </message>
        <message>
            <source>&amp;Record escalation</source>
            <translation>&amp;Record escalation</translation>
        </message>
        <message>
            <source>Save escalation</source>
            <translation>Save escalation</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Send the case as an encrypted zip</source>
            <translation>Send the case as an encrypted zip</translation>
        </message>
        <message>
            <source>Documents to send</source>
            <translation>Documents to send</translation>
        </message>
        <message>
            <source>&amp;Documents:</source>
            <translation>&amp;Documents:</translation>
        </message>
        <message>
            <source>Include a case &amp;summary PDF</source>
            <translation>Include a case &amp;summary PDF</translation>
        </message>
        <message>
            <source>Include a case summary PDF</source>
            <translation>Include a case summary PDF</translation>
        </message>
        <message>
            <source>&amp;Neutral file names inside the zip (document-01.pdf…)</source>
            <translation>&amp;Neutral file names inside the zip (document-01.pdf…)</translation>
        </message>
        <message>
            <source>Neutral file names inside the zip</source>
            <translation>Neutral file names inside the zip</translation>
        </message>
        <message>
            <source>The names of the files inside a zip can be read without its password.</source>
            <translation>The names of the files inside a zip can be read without its password.</translation>
        </message>
        <message>
            <source>Everything held about the &amp;member (subject access request)</source>
            <translation>Everything held about the &amp;member (subject access request)</translation>
        </message>
        <message>
            <source>Subject access request</source>
            <translation>Subject access request</translation>
        </message>
        <message>
            <source>For the member themselves: a summary of each of their cases and all their documents, in one encrypted zip.</source>
            <translation>For the member themselves: a summary of each of their cases and all their documents, in one encrypted zip.</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <source>&amp;Recipient:</source>
            <translation>&amp;Recipient:</translation>
        </message>
        <message>
            <source>Kind of recipient</source>
            <translation>Kind of recipient</translation>
        </message>
        <message>
            <source>Another rep</source>
            <translation>Another rep</translation>
        </message>
        <message>
            <source>The regional office</source>
            <translation>The regional office</translation>
        </message>
        <message>
            <source>The member</source>
            <translation>The member</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>Consent problem</source>
            <translation>Consent problem</translation>
        </message>
        <message>
            <source>Zip password</source>
            <translation>Zip password</translation>
        </message>
        <message>
            <source>&amp;Generate password</source>
            <translation>&amp;Generate password</translation>
        </message>
        <message>
            <source>Generate password</source>
            <translation>Generate password</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>Copy the password</source>
            <translation>Copy the password</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>Pass&amp;word:</translation>
        </message>
        <message>
            <source>Send this password by a different channel from the zip (a phone call or a text message, not the same email).</source>
            <translation>Send this password by a different channel from the zip (a phone call or a text message, not the same email).</translation>
        </message>
        <message>
            <source>The zip opens with 7-Zip on Windows, or Keka or The Unarchiver on macOS; Windows Explorer and macOS Archive Utility cannot open this kind of encrypted zip.</source>
            <translation>The zip opens with 7-Zip on Windows, or Keka or The Unarchiver on macOS; Windows Explorer and macOS Archive Utility cannot open this kind of encrypted zip.</translation>
        </message>
        <message>
            <source>Password advice</source>
            <translation>Password advice</translation>
        </message>
        <message>
            <source>Save the zip as</source>
            <translation>Save the zip as</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>C&amp;hoose…</translation>
        </message>
        <message>
            <source>Choose where to save the zip</source>
            <translation>Choose where to save the zip</translation>
        </message>
        <message>
            <source>Save &amp;as:</source>
            <translation>Save &amp;as:</translation>
        </message>
        <message>
            <source>Export progress</source>
            <translation>Export progress</translation>
        </message>
        <message>
            <source>Export status</source>
            <translation>Export status</translation>
        </message>
        <message>
            <source>&amp;Print summary…</source>
            <translation>&amp;Print summary…</translation>
        </message>
        <message>
            <source>Print the case summary</source>
            <translation>Print the case summary</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Export</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Save the encrypted zip as</source>
            <translation>Save the encrypted zip as</translation>
        </message>
        <message>
            <source>Writing the encrypted zip…</source>
            <translation>Writing the encrypted zip…</translation>
        </message>
        <message>
            <source>The encrypted zip was saved. Send the password by a different channel.</source>
            <translation>The encrypted zip was saved. Send the password by a different channel.</translation>
        </message>
        <message>
            <source>The export was cancelled; no file was written.</source>
            <translation>The export was cancelled; no file was written.</translation>
        </message>
        <message>
            <source>Something went wrong while writing the zip; no file was written.</source>
            <translation>Something went wrong while writing the zip; no file was written.</translation>
        </message>
    </context>
    <context>
        <name>FigureCharts</name>
        <message>
            <source>Still open</source>
            <translation>Still open</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <source>No procedure</source>
            <translation>No procedure</translation>
        </message>
        <message>
            <source>Procedure not started</source>
            <translation>Procedure not started</translation>
        </message>
        <message>
            <source>hidden</source>
            <translation>hidden</translation>
        </message>
        <message>
            <source>Not shown: too few cases to count without picking someone out.</source>
            <translation>Not shown: too few cases to count without picking someone out.</translation>
        </message>
    </context>
    <context>
        <name>FiguresPdf</name>
        <message>
            <source>Cases by type</source>
            <translation>Cases by type</translation>
        </message>
        <message>
            <source>Cases by outcome</source>
            <translation>Cases by outcome</translation>
        </message>
        <message>
            <source>Cases by furthest procedure stage done</source>
            <translation>Cases by furthest procedure stage done</translation>
        </message>
        <message>
            <source>Cases by month opened</source>
            <translation>Cases by month opened</translation>
        </message>
        <message>
            <source>Cases by month closed</source>
            <translation>Cases by month closed</translation>
        </message>
        <message>
            <source>All cases in this vault, open and closed.</source>
            <translation>All cases in this vault, open and closed.</translation>
        </message>
        <message>
            <source>Cases opened on or after %1, open and closed.</source>
            <translation>Cases opened on or after %1, open and closed.</translation>
        </message>
        <message>
            <source>A count under %1 cases is hidden, and so is any count that would let one be worked out. The figures hold codes and counts only: no names, references or notes.</source>
            <translation>A count under %1 cases is hidden, and so is any count that would let one be worked out. The figures hold codes and counts only: no names, references or notes.</translation>
        </message>
        <message>
            <source>Branch figures</source>
            <translation>Branch figures</translation>
        </message>
        <message>
            <source>Made on %1.</source>
            <translation>Made on %1.</translation>
        </message>
        <message>
            <source>Cases opened per month</source>
            <translation>Cases opened per month</translation>
        </message>
        <message>
            <source>How cases ended</source>
            <translation>How cases ended</translation>
        </message>
        <message>
            <source>Tables</source>
            <translation>Tables</translation>
        </message>
        <message>
            <source>Median days to resolution, all closed cases:</source>
            <translation>Median days to resolution, all closed cases:</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>Share</translation>
        </message>
        <message>
            <source>Median days to resolution</source>
            <translation>Median days to resolution</translation>
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
            <translation>Branch figures</translation>
        </message>
        <message>
            <source>Cases counted by type, outcome, stage and month: codes and counts only, no names, references or notes. A hatched bar or “hidden” is a count under the threshold, or one hidden so that a small count cannot be worked out.</source>
            <translation>Cases counted by type, outcome, stage and month: codes and counts only, no names, references or notes. A hatched bar or “hidden” is a count under the threshold, or one hidden so that a small count cannot be worked out.</translation>
        </message>
        <message>
            <source>About the branch figures</source>
            <translation>About the branch figures</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>Figures status</source>
            <translation>Figures status</translation>
        </message>
        <message>
            <source>Only cases opened on or &amp;after:</source>
            <translation>Only cases opened on or &amp;after:</translation>
        </message>
        <message>
            <source>Only cases opened on or after a date</source>
            <translation>Only cases opened on or after a date</translation>
        </message>
        <message>
            <source>Opened on or after</source>
            <translation>Opened on or after</translation>
        </message>
        <message>
            <source>Hide counts under</source>
            <translation>Hide counts under</translation>
        </message>
        <message>
            <source> cases</source>
            <translation> cases</translation>
        </message>
        <message>
            <source>&amp;Hide counts under:</source>
            <translation>&amp;Hide counts under:</translation>
        </message>
        <message>
            <source>Cases opened per month</source>
            <translation>Cases opened per month</translation>
        </message>
        <message>
            <source>How cases ended</source>
            <translation>How cases ended</translation>
        </message>
        <message>
            <source>How cases ended (share of all cases counted)</source>
            <translation>How cases ended (share of all cases counted)</translation>
        </message>
        <message>
            <source>Figures tables</source>
            <translation>Figures tables</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Figure</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>Share</translation>
        </message>
        <message>
            <source>Median days</source>
            <translation>Median days</translation>
        </message>
        <message>
            <source>Median days from opening to closing, closed cases only</source>
            <translation>Median days from opening to closing, closed cases only</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Export &amp;CSV…</source>
            <translation>Export &amp;CSV…</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Export CSV</translation>
        </message>
        <message>
            <source>Export &amp;PDF…</source>
            <translation>Export &amp;PDF…</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>The figures could not be counted.</source>
            <translation>The figures could not be counted.</translation>
        </message>
        <message>
            <source>Too few cases to show any figures without picking someone out.</source>
            <translation>Too few cases to show any figures without picking someone out.</translation>
        </message>
        <message>
            <source>%1 cases counted; counts under %2 are hidden.</source>
            <translation>%1 cases counted; counts under %2 are hidden.</translation>
        </message>
        <message>
            <source>Median days to resolution, all closed cases</source>
            <translation>Median days to resolution, all closed cases</translation>
        </message>
        <message>
            <source>Export the figures as CSV</source>
            <translation>Export the figures as CSV</translation>
        </message>
        <message>
            <source>Export the figures as PDF</source>
            <translation>Export the figures as PDF</translation>
        </message>
        <message>
            <source>Saved the figures to %1. The file is not encrypted: it holds codes and counts only, with small counts hidden. Say which period it covers when you share it.</source>
            <translation>Saved the figures to %1. The file is not encrypted: it holds codes and counts only, with small counts hidden. Say which period it covers when you share it.</translation>
        </message>
    </context>
    <context>
        <name>FileDialogs</name>
        <message>
            <source>Save a decrypted copy</source>
            <translation>Save a decrypted copy</translation>
        </message>
        <message>
            <source>The copy you save is not protected by the vault: anyone who can open that folder can read it. Keep it only as long as you need it. Save a copy?</source>
            <translation>The copy you save is not protected by the vault: anyone who can open that folder can read it. Keep it only as long as you need it. Save a copy?</translation>
        </message>
    </context>
    <context>
        <name>FirstMeetingForm</name>
        <message>
            <source>Date held</source>
            <translation>Date held</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <source>Issues identified and agreed</source>
            <translation>Issues identified and agreed</translation>
        </message>
        <message>
            <source>New issue</source>
            <translation>New issue</translation>
        </message>
        <message>
            <source>Type an issue, then Add issue</source>
            <translation>Type an issue, then Add issue</translation>
        </message>
        <message>
            <source>Add issue</source>
            <translation>Add issue</translation>
        </message>
        <message>
            <source>Remove issue</source>
            <translation>Remove issue</translation>
        </message>
        <message>
            <source>Narrative agreed</source>
            <translation>Narrative agreed</translation>
        </message>
        <message>
            <source>Dismissal threatened?</source>
            <translation>Dismissal threatened?</translation>
        </message>
        <message>
            <source>Discrimination alleged?</source>
            <translation>Discrimination alleged?</translation>
        </message>
        <message>
            <source>Escalation advice</source>
            <translation>Escalation advice</translation>
        </message>
        <message>
            <source>Confidentiality explained to the member</source>
            <translation>Confidentiality explained to the member</translation>
        </message>
        <message>
            <source>Original documents received</source>
            <translation>Original documents received</translation>
        </message>
        <message>
            <source>&amp;Returned to the member</source>
            <translation>&amp;Returned to the member</translation>
        </message>
        <message>
            <source>Originals returned to the member</source>
            <translation>Originals returned to the member</translation>
        </message>
        <message>
            <source>Recorded at once. A case cannot be deleted while its originals are held. List each original, where it is kept and its return on the Originals tab.</source>
            <translation>Recorded at once. A case cannot be deleted while its originals are held. List each original, where it is kept and its return on the Originals tab.</translation>
        </message>
        <message>
            <source>Member's decision (in the member's own words)</source>
            <translation>Member's decision (in the member's own words)</translation>
        </message>
        <message>
            <source>First meeting status</source>
            <translation>First meeting status</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Date &amp;held:</source>
            <translation>Date &amp;held:</translation>
        </message>
        <message>
            <source>&amp;Issues identified and agreed:</source>
            <translation>&amp;Issues identified and agreed:</translation>
        </message>
        <message>
            <source>&amp;Narrative agreed:</source>
            <translation>&amp;Narrative agreed:</translation>
        </message>
        <message>
            <source>&amp;Original documents received:</source>
            <translation>&amp;Original documents received:</translation>
        </message>
        <message>
            <source>Member's &amp;decision
(in the member's own words):</source>
            <translation>Member's &amp;decision
(in the member's own words):</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Recorded: the originals were returned.</source>
            <translation>Recorded: the originals were returned.</translation>
        </message>
        <message>
            <source>Recorded: the originals are still held.</source>
            <translation>Recorded: the originals are still held.</translation>
        </message>
        <message>
            <source>Unsaved changes.</source>
            <translation>Unsaved changes.</translation>
        </message>
    </context>
    <context>
        <name>HandoverDialog</name>
        <message>
            <source>Hand over a case</source>
            <translation>Hand over a case</translation>
        </message>
        <message>
            <source>My handover key</source>
            <translation>My handover key</translation>
        </message>
        <message>
            <source>Share this with colleagues who hand cases to you.</source>
            <translation>Share this with colleagues who hand cases to you.</translation>
        </message>
        <message>
            <source>This vault's handover key</source>
            <translation>This vault's handover key</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>Copy my handover key</source>
            <translation>Copy my handover key</translation>
        </message>
        <message>
            <source>My signing fingerprint (read it to colleagues by phone):</source>
            <translation>My signing fingerprint (read it to colleagues by phone):</translation>
        </message>
        <message>
            <source>This vault's signing fingerprint</source>
            <translation>This vault's signing fingerprint</translation>
        </message>
        <message>
            <source>Colleague's handover key</source>
            <translation>Colleague's handover key</translation>
        </message>
        <message>
            <source>age1…</source>
            <translation>age1…</translation>
        </message>
        <message>
            <source>&amp;Hand over case…</source>
            <translation>&amp;Hand over case…</translation>
        </message>
        <message>
            <source>Hand over case</source>
            <translation>Hand over case</translation>
        </message>
        <message>
            <source>Hand over %1</source>
            <translation>Hand over %1</translation>
        </message>
        <message>
            <source>Hand over this case</source>
            <translation>Hand over this case</translation>
        </message>
        <message>
            <source>Paste your colleague's handover key:</source>
            <translation>Paste your colleague's handover key:</translation>
        </message>
        <message>
            <source>&amp;Delete my copy…</source>
            <translation>&amp;Delete my copy…</translation>
        </message>
        <message>
            <source>Delete my copy</source>
            <translation>Delete my copy</translation>
        </message>
        <message>
            <source>Closes the case now, then asks you to confirm its permanent deletion by typing its reference.</source>
            <translation>Closes the case now, then asks you to confirm its permanent deletion by typing its reference.</translation>
        </message>
        <message>
            <source>&amp;Receive a case…</source>
            <translation>&amp;Receive a case…</translation>
        </message>
        <message>
            <source>Receive a case</source>
            <translation>Receive a case</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Dialog buttons</source>
            <translation>Dialog buttons</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>Sender</translation>
        </message>
        <message>
            <source>I have compared it &amp;by phone</source>
            <translation>I have compared it &amp;by phone</translation>
        </message>
        <message>
            <source>Confirm sender by phone</source>
            <translation>Confirm sender by phone</translation>
        </message>
        <message>
            <source>Your handover key is copied.</source>
            <translation>Your handover key is copied.</translation>
        </message>
        <message>
            <source>Stopped; nothing was kept.</source>
            <translation>Stopped; nothing was kept.</translation>
        </message>
        <message>
            <source>Something went wrong; nothing was kept.</source>
            <translation>Something went wrong; nothing was kept.</translation>
        </message>
        <message>
            <source>Save the handover bundle</source>
            <translation>Save the handover bundle</translation>
        </message>
        <message>
            <source>Encrypting the case for your colleague…</source>
            <translation>Encrypting the case for your colleague…</translation>
        </message>
        <message>
            <source>The case is handed over: only your colleague's key opens the bundle. Once they confirm they have it, delete your copy so the case is kept in one place only.</source>
            <translation>The case is handed over: only your colleague's key opens the bundle. Once they confirm they have it, delete your copy so the case is kept in one place only.</translation>
        </message>
        <message>
            <source>Choose a handover bundle</source>
            <translation>Choose a handover bundle</translation>
        </message>
        <message>
            <source>Checking the bundle…</source>
            <translation>Checking the bundle…</translation>
        </message>
        <message>
            <source>Received as %1.</source>
            <translation>Received as %1.</translation>
        </message>
        <message>
            <source>Signed by a colleague whose fingerprint you compared by phone: %1</source>
            <translation>Signed by a colleague whose fingerprint you compared by phone: %1</translation>
        </message>
        <message>
            <source>Signed by a colleague you have received from before, but whose fingerprint you have not compared by phone: %1. Ask them to read theirs to you.</source>
            <translation>Signed by a colleague you have received from before, but whose fingerprint you have not compared by phone: %1. Ask them to read theirs to you.</translation>
        </message>
        <message>
            <source>Signed by a key this vault has never received from: %1. Phone the colleague who sent it (on a number you already have) and ask them to read their signing fingerprint to you; it must match exactly.</source>
            <translation>Signed by a key this vault has never received from: %1. Phone the colleague who sent it (on a number you already have) and ask them to read their signing fingerprint to you; it must match exactly.</translation>
        </message>
        <message>
            <source>You compared this sender's fingerprint by phone: %1</source>
            <translation>You compared this sender's fingerprint by phone: %1</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>Entry history</source>
            <translation>Entry history</translation>
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
            <translation>Recorded</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
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
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>LetterDialog</name>
        <message>
            <source>Write a letter</source>
            <translation>Write a letter</translation>
        </message>
        <message>
            <source>Letter template</source>
            <translation>Letter template</translation>
        </message>
        <message>
            <source>Letter text</source>
            <translation>Letter text</translation>
        </message>
        <message>
            <source>Work email warning</source>
            <translation>Work email warning</translation>
        </message>
        <message>
            <source>To copy anyone else in, put them in Bcc, so they do not see the member's address.</source>
            <translation>To copy anyone else in, put them in Bcc, so they do not see the member's address.</translation>
        </message>
        <message>
            <source>Letter message</source>
            <translation>Letter message</translation>
        </message>
        <message>
            <source>E&amp;dit template…</source>
            <translation>E&amp;dit template…</translation>
        </message>
        <message>
            <source>&amp;New template…</source>
            <translation>&amp;New template…</translation>
        </message>
        <message>
            <source>&amp;Template:</source>
            <translation>&amp;Template:</translation>
        </message>
        <message>
            <source>&amp;File in the case</source>
            <translation>&amp;File in the case</translation>
        </message>
        <message>
            <source>Keeps the letter in this case: the PDF in Documents and its text in the Paper trail.</source>
            <translation>Keeps the letter in this case: the PDF in Documents and its text in the Paper trail.</translation>
        </message>
        <message>
            <source>Save as &amp;PDF…</source>
            <translation>Save as &amp;PDF…</translation>
        </message>
        <message>
            <source>&amp;Email draft…</source>
            <translation>&amp;Email draft…</translation>
        </message>
        <message>
            <source>Opens a draft in your email program to the member's address.</source>
            <translation>Opens a draft in your email program to the member's address.</translation>
        </message>
        <message>
            <source>Another template</source>
            <translation>Another template</translation>
        </message>
        <message>
            <source>Replace the letter you edited with one from this template?</source>
            <translation>Replace the letter you edited with one from this template?</translation>
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation>&amp;Replace</translation>
        </message>
        <message>
            <source>&amp;Keep my letter</source>
            <translation>&amp;Keep my letter</translation>
        </message>
        <message>
            <source>Filed in the case: the PDF is in Documents and the text in the Paper trail.</source>
            <translation>Filed in the case: the PDF is in Documents and the text in the Paper trail.</translation>
        </message>
        <message>
            <source>Save the letter as a PDF</source>
            <translation>Save the letter as a PDF</translation>
        </message>
        <message>
            <source>Saved the PDF. It is not protected by the vault.</source>
            <translation>Saved the PDF. It is not protected by the vault.</translation>
        </message>
        <message>
            <source>A work address</source>
            <translation>A work address</translation>
        </message>
        <message>
            <source>Open the draft to this address anyway?</source>
            <translation>Open the draft to this address anyway?</translation>
        </message>
        <message>
            <source>&amp;Open the draft</source>
            <translation>&amp;Open the draft</translation>
        </message>
        <message>
            <source>The member's address cannot be used for an email draft.</source>
            <translation>The member's address cannot be used for an email draft.</translation>
        </message>
        <message>
            <source>The draft is in your email program. File the letter here too, to keep it in the case.</source>
            <translation>The draft is in your email program. File the letter here too, to keep it in the case.</translation>
        </message>
    </context>
    <context>
        <name>LetterTemplateDialog</name>
        <message>
            <source>Letter template</source>
            <translation>Letter template</translation>
        </message>
        <message>
            <source>New letter template</source>
            <translation>New letter template</translation>
        </message>
        <message>
            <source>Template name</source>
            <translation>Template name</translation>
        </message>
        <message>
            <source>e.g. pay-claim</source>
            <translation>e.g. pay-claim</translation>
        </message>
        <message>
            <source>Letter title</source>
            <translation>Letter title</translation>
        </message>
        <message>
            <source>Template text</source>
            <translation>Template text</translation>
        </message>
        <message>
            <source>Merge fields, written as {{ member.name }}:</source>
            <translation>Merge fields, written as {{ member.name }}:</translation>
        </message>
        <message>
            <source>Merge fields</source>
            <translation>Merge fields</translation>
        </message>
        <message>
            <source>Template message</source>
            <translation>Template message</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Title:</translation>
        </message>
        <message>
            <source>&amp;Save template</source>
            <translation>&amp;Save template</translation>
        </message>
        <message>
            <source>Save template</source>
            <translation>Save template</translation>
        </message>
        <message>
            <source>&amp;Reset to casevault's text</source>
            <translation>&amp;Reset to casevault's text</translation>
        </message>
        <message>
            <source>&amp;Delete template</source>
            <translation>&amp;Delete template</translation>
        </message>
    </context>
    <context>
        <name>LibraryDialog</name>
        <message>
            <source>Policy library</source>
            <translation>Policy library</translation>
        </message>
        <message>
            <source>Your employer's policies and procedures, kept encrypted in the vault. Check the relevant policy before advising a member.</source>
            <translation>Your employer's policies and procedures, kept encrypted in the vault. Check the relevant policy before advising a member.</translation>
        </message>
        <message>
            <source>About the policy library</source>
            <translation>About the policy library</translation>
        </message>
        <message>
            <source>Library documents</source>
            <translation>Library documents</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Added</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Add…</translation>
        </message>
        <message>
            <source>Add to the library</source>
            <translation>Add to the library</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Preview</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>&amp;Save a copy…</source>
            <translation>&amp;Save a copy…</translation>
        </message>
        <message>
            <source>Save a copy</source>
            <translation>Save a copy</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>Remove from the library</source>
            <translation>Remove from the library</translation>
        </message>
        <message>
            <source>Add policies and procedures</source>
            <translation>Add policies and procedures</translation>
        </message>
        <message>
            <source>Remove this document from the library? Its encrypted copy is deleted.</source>
            <translation>Remove this document from the library? Its encrypted copy is deleted.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Encrypting into the library…</source>
            <translation>Encrypting into the library…</translation>
        </message>
        <message>
            <source>Added to the library.</source>
            <translation>Added to the library.</translation>
        </message>
        <message>
            <source>Adding was cancelled; nothing was added.</source>
            <translation>Adding was cancelled; nothing was added.</translation>
        </message>
        <message>
            <source>The document could not be added.</source>
            <translation>The document could not be added.</translation>
        </message>
        <message>
            <source>This document is too large to preview; save a copy instead.</source>
            <translation>This document is too large to preview; save a copy instead.</translation>
        </message>
        <message>
            <source>This document could not be opened.</source>
            <translation>This document could not be opened.</translation>
        </message>
        <message>
            <source>Saving a copy…</source>
            <translation>Saving a copy…</translation>
        </message>
        <message>
            <source>Saved a copy. It is not protected by the vault.</source>
            <translation>Saved a copy. It is not protected by the vault.</translation>
        </message>
        <message>
            <source>Saving was cancelled; no copy was written.</source>
            <translation>Saving was cancelled; no copy was written.</translation>
        </message>
        <message>
            <source>The copy could not be saved.</source>
            <translation>The copy could not be saved.</translation>
        </message>
        <message>
            <source>Removed from the library.</source>
            <translation>Removed from the library.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Case list</source>
            <translation>Case list</translation>
        </message>
        <message>
            <source>Show cases</source>
            <translation>Show cases</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>S&amp;how:</source>
            <translation>S&amp;how:</translation>
        </message>
        <message>
            <source>Search cases</source>
            <translation>Search cases</translation>
        </message>
        <message>
            <source>Search names, notes and documents</source>
            <translation>Search names, notes and documents</translation>
        </message>
        <message>
            <source>&amp;New case</source>
            <translation>&amp;New case</translation>
        </message>
        <message>
            <source>&amp;Lock now</source>
            <translation>&amp;Lock now</translation>
        </message>
        <message>
            <source>&amp;Back to cases</source>
            <translation>&amp;Back to cases</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Find</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>&amp;Today</source>
            <translation>&amp;Today</translation>
        </message>
        <message>
            <source>&amp;All cases</source>
            <translation>&amp;All cases</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Preferences…</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>All cases</source>
            <translation>All cases</translation>
        </message>
        <message>
            <source>New case</source>
            <translation>New case</translation>
        </message>
        <message>
            <source>Lock now</source>
            <translation>Lock now</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <source>← &amp;Back to Today</source>
            <translation>← &amp;Back to Today</translation>
        </message>
        <message>
            <source>Back to Today</source>
            <translation>Back to Today</translation>
        </message>
        <message>
            <source>Menu bar</source>
            <translation>Menu bar</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Casework</source>
            <translation>&amp;Casework</translation>
        </message>
        <message>
            <source>Policy &amp;library…</source>
            <translation>Policy &amp;library…</translation>
        </message>
        <message>
            <source>Report a confidentiality &amp;breach…</source>
            <translation>Report a confidentiality &amp;breach…</translation>
        </message>
        <message>
            <source>Breach &amp;records…</source>
            <translation>Breach &amp;records…</translation>
        </message>
        <message>
            <source>Export deadlines to a &amp;calendar…</source>
            <translation>Export deadlines to a &amp;calendar…</translation>
        </message>
        <message>
            <source>Branch &amp;figures…</source>
            <translation>Branch &amp;figures…</translation>
        </message>
        <message>
            <source>Recei&amp;ve a case…</source>
            <translation>Recei&amp;ve a case…</translation>
        </message>
        <message>
            <source>My &amp;handover key…</source>
            <translation>My &amp;handover key…</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>&amp;Check this device…</source>
            <translation>&amp;Check this device…</translation>
        </message>
        <message>
            <source>&amp;Backup…</source>
            <translation>&amp;Backup…</translation>
        </message>
        <message>
            <source>&amp;Deadlines and working days…</source>
            <translation>&amp;Deadlines and working days…</translation>
        </message>
        <message>
            <source>S&amp;ync…</source>
            <translation>S&amp;ync…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts…</source>
            <translation>&amp;Keyboard shortcuts…</translation>
        </message>
        <message>
            <source>&amp;About casevault</source>
            <translation>&amp;About casevault</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>The first meeting form has changes that are not saved.</source>
            <translation>The first meeting form has changes that are not saved.</translation>
        </message>
        <message>
            <source>Case %1 opened.</source>
            <translation>Case %1 opened.</translation>
        </message>
        <message>
            <source>Showing the first %1 matching cases: add a word to narrow the search.</source>
            <translation>Showing the first %1 matching cases: add a word to narrow the search.</translation>
        </message>
    </context>
    <context>
        <name>NewCaseDialog</name>
        <message>
            <source>New case</source>
            <translation>New case</translation>
        </message>
        <message>
            <source>Member name</source>
            <translation>Member name</translation>
        </message>
        <message>
            <source>Case type</source>
            <translation>Case type</translation>
        </message>
        <message>
            <source>Email address</source>
            <translation>Email address</translation>
        </message>
        <message>
            <source>Employer's email domain</source>
            <translation>Employer's email domain</translation>
        </message>
        <message>
            <source>e.g. university.ac.uk</source>
            <translation>e.g. university.ac.uk</translation>
        </message>
        <message>
            <source>Work email warning</source>
            <translation>Work email warning</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Member &amp;name:</source>
            <translation>Member &amp;name:</translation>
        </message>
        <message>
            <source>Case &amp;type:</source>
            <translation>Case &amp;type:</translation>
        </message>
        <message>
            <source>&amp;Email:</source>
            <translation>&amp;Email:</translation>
        </message>
        <message>
            <source>Em&amp;ployer's email domain:</source>
            <translation>Em&amp;ployer's email domain:</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>OriginalsPanel</name>
        <message>
            <source>Originals</source>
            <translation>Originals</translation>
        </message>
        <message>
            <source>Original documents the member handed over: keep them safe and return them at the end of the case.</source>
            <translation>Original documents the member handed over: keep them safe and return them at the end of the case.</translation>
        </message>
        <message>
            <source>Originals register</source>
            <translation>Originals register</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Where kept</source>
            <translation>Where kept</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>&amp;Add original…</source>
            <translation>&amp;Add original…</translation>
        </message>
        <message>
            <source>Add original</source>
            <translation>Add original</translation>
        </message>
        <message>
            <source>&amp;Mark returned…</source>
            <translation>&amp;Mark returned…</translation>
        </message>
        <message>
            <source>Mark returned</source>
            <translation>Mark returned</translation>
        </message>
        <message>
            <source>Originals status</source>
            <translation>Originals status</translation>
        </message>
        <message>
            <source>Not returned</source>
            <translation>Not returned</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1 not returned</source>
            <translation>%1 not returned</translation>
        </message>
        <message>
            <source>Nothing held</source>
            <translation>Nothing held</translation>
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
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Advice given orally</source>
            <translation>Advice given orally</translation>
        </message>
        <message>
            <source>Advice confirmed in writing</source>
            <translation>Advice confirmed in writing</translation>
        </message>
        <message>
            <source>Phone call</source>
            <translation>Phone call</translation>
        </message>
        <message>
            <source>Contact with management</source>
            <translation>Contact with management</translation>
        </message>
        <message>
            <source>Escalated (caseworker, regional office)</source>
            <translation>Escalated (caseworker, regional office)</translation>
        </message>
        <message>
            <source>Conflict of interest check</source>
            <translation>Conflict of interest check</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Ordinary</source>
            <translation>Ordinary</translation>
        </message>
        <message>
            <source>Off the record</source>
            <translation>Off the record</translation>
        </message>
        <message>
            <source>Without prejudice</source>
            <translation>Without prejudice</translation>
        </message>
        <message>
            <source>Paper trail</source>
            <translation>Paper trail</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Entry</source>
            <translation>Entry</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Edit entry</source>
            <translation>Edit entry</translation>
        </message>
        <message>
            <source>Add a new version of the selected entry; the original is kept.</source>
            <translation>Add a new version of the selected entry; the original is kept.</translation>
        </message>
        <message>
            <source>Histor&amp;y…</source>
            <translation>Histor&amp;y…</translation>
        </message>
        <message>
            <source>Entry history</source>
            <translation>Entry history</translation>
        </message>
        <message>
            <source>Entry kind</source>
            <translation>Entry kind</translation>
        </message>
        <message>
            <source>Terms of the conversation</source>
            <translation>Terms of the conversation</translation>
        </message>
        <message>
            <source>Off the record or without prejudice: tell the member beforehand and get their agreement, and tell the manager that what they say will be reported back.</source>
            <translation>Off the record or without prejudice: tell the member beforehand and get their agreement, and tell the manager that what they say will be reported back.</translation>
        </message>
        <message>
            <source>Entry date</source>
            <translation>Entry date</translation>
        </message>
        <message>
            <source>Look it up before advising: the employer's policy, the guide, ACAS, or your regional office. Don't advise from a hazy recollection.</source>
            <translation>Look it up before advising: the employer's policy, the guide, ACAS, or your regional office. Don't advise from a hazy recollection.</translation>
        </message>
        <message>
            <source>Advice hint</source>
            <translation>Advice hint</translation>
        </message>
        <message>
            <source>Entry text</source>
            <translation>Entry text</translation>
        </message>
        <message>
            <source>&amp;Add entry</source>
            <translation>&amp;Add entry</translation>
        </message>
        <message>
            <source>Add entry</source>
            <translation>Add entry</translation>
        </message>
        <message>
            <source>Paper trail status</source>
            <translation>Paper trail status</translation>
        </message>
        <message>
            <source>New entry:</source>
            <translation>New entry:</translation>
        </message>
        <message>
            <source>Text:</source>
            <translation>Text:</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message>
            <source>%1 (edited)</source>
            <translation>%1 (edited)</translation>
        </message>
        <message>
            <source>Edited %1</source>
            <translation>Edited %1</translation>
        </message>
        <message>
            <source>Entry edited; the earlier version is kept in its history.</source>
            <translation>Entry edited; the earlier version is kept in its history.</translation>
        </message>
        <message>
            <source>Write the entry first.</source>
            <translation>Write the entry first.</translation>
        </message>
        <message>
            <source>Entry added.</source>
            <translation>Entry added.</translation>
        </message>
        <message>
            <source>Written follow-up</source>
            <translation>Written follow-up</translation>
        </message>
        <message>
            <source>Was a written follow-up sent?</source>
            <translation>Was a written follow-up sent?</translation>
        </message>
        <message>
            <source>Advice given orally should be followed up with an email or a written note.</source>
            <translation>Advice given orally should be followed up with an email or a written note.</translation>
        </message>
        <message>
            <source>&amp;Yes, record it</source>
            <translation>&amp;Yes, record it</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>&amp;No, not yet</source>
            <translation>&amp;No, not yet</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>A reminder to send a written follow-up will appear if none is recorded within a week.</source>
            <translation>A reminder to send a written follow-up will appear if none is recorded within a week.</translation>
        </message>
        <message>
            <source>Written follow-up sent for the advice given orally.</source>
            <translation>Written follow-up sent for the advice given orally.</translation>
        </message>
        <message>
            <source>Entry added, with its written follow-up.</source>
            <translation>Entry added, with its written follow-up.</translation>
        </message>
    </context>
    <context>
        <name>PartiesPanel</name>
        <message>
            <source>People</source>
            <translation>People</translation>
        </message>
        <message>
            <source>Escalation</source>
            <translation>Escalation</translation>
        </message>
        <message>
            <source>Escalation status</source>
            <translation>Escalation status</translation>
        </message>
        <message>
            <source>Record &amp;escalation…</source>
            <translation>Record &amp;escalation…</translation>
        </message>
        <message>
            <source>Record escalation</source>
            <translation>Record escalation</translation>
        </message>
        <message>
            <source>People in this case</source>
            <translation>People in this case</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Person's name</source>
            <translation>Person's name</translation>
        </message>
        <message>
            <source>Person's role</source>
            <translation>Person's role</translation>
        </message>
        <message>
            <source>Person note</source>
            <translation>Person note</translation>
        </message>
        <message>
            <source>Note (optional)</source>
            <translation>Note (optional)</translation>
        </message>
        <message>
            <source>Add &amp;person…</source>
            <translation>Add &amp;person…</translation>
        </message>
        <message>
            <source>Add person</source>
            <translation>Add person</translation>
        </message>
        <message>
            <source>Adds the person after checking other cases for a conflict of interest.</source>
            <translation>Adds the person after checking other cases for a conflict of interest.</translation>
        </message>
        <message>
            <source>&amp;Remove person</source>
            <translation>&amp;Remove person</translation>
        </message>
        <message>
            <source>Remove person</source>
            <translation>Remove person</translation>
        </message>
        <message>
            <source>People message</source>
            <translation>People message</translation>
        </message>
        <message>
            <source>Enter the person's name first.</source>
            <translation>Enter the person's name first.</translation>
        </message>
        <message>
            <source>Person added; your decision is recorded in the paper trail.</source>
            <translation>Person added; your decision is recorded in the paper trail.</translation>
        </message>
        <message>
            <source>Person added; no conflict found in other cases.</source>
            <translation>Person added; no conflict found in other cases.</translation>
        </message>
        <message>
            <source>Person removed.</source>
            <translation>Person removed.</translation>
        </message>
        <message numerus="yes">
            <source>%n escalation(s) recorded.</source>
            <translation>
                <numerusform>%n escalation recorded.</numerusform>
                <numerusform>%n escalations recorded.</numerusform>
            </translation>
        </message>
        <message>
            <source>The first meeting prompted an escalation and none is recorded yet.</source>
            <translation>The first meeting prompted an escalation and none is recorded yet.</translation>
        </message>
        <message>
            <source>No escalation recorded.</source>
            <translation>No escalation recorded.</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <source>Lock after idle (minutes)</source>
            <translation>Lock after idle (minutes)</translation>
        </message>
        <message>
            <source>&amp;Lock after idle (minutes):</source>
            <translation>&amp;Lock after idle (minutes):</translation>
        </message>
        <message>
            <source>casevault also locks when the screen locks.</source>
            <translation>casevault also locks when the screen locks.</translation>
        </message>
        <message>
            <source>This system does not report screen locks to casevault: use Lock now (Ctrl+L) before leaving the computer.</source>
            <translation>This system does not report screen locks to casevault: use Lock now (Ctrl+L) before leaving the computer.</translation>
        </message>
        <message>
            <source>Screen lock</source>
            <translation>Screen lock</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Document preview</source>
            <translation>Document preview</translation>
        </message>
        <message>
            <source>Choose a document to preview it.</source>
            <translation>Choose a document to preview it.</translation>
        </message>
        <message>
            <source>Preview message</source>
            <translation>Preview message</translation>
        </message>
        <message>
            <source>Picture preview</source>
            <translation>Picture preview</translation>
        </message>
        <message>
            <source>Text preview</source>
            <translation>Text preview</translation>
        </message>
        <message>
            <source>Opening the preview…</source>
            <translation>Opening the preview…</translation>
        </message>
        <message>
            <source>PDF preview is not available on this computer.</source>
            <translation>PDF preview is not available on this computer.</translation>
        </message>
        <message>
            <source>This PDF cannot be previewed; it may be damaged.</source>
            <translation>This PDF cannot be previewed; it may be damaged.</translation>
        </message>
        <message>
            <source>There is no preview for this kind of file.</source>
            <translation>There is no preview for this kind of file.</translation>
        </message>
    </context>
    <context>
        <name>ProcedurePanel</name>
        <message>
            <source>Next deadline</source>
            <translation>Next deadline</translation>
        </message>
        <message>
            <source>Procedure template</source>
            <translation>Procedure template</translation>
        </message>
        <message>
            <source>&amp;Start procedure</source>
            <translation>&amp;Start procedure</translation>
        </message>
        <message>
            <source>Start procedure</source>
            <translation>Start procedure</translation>
        </message>
        <message>
            <source>Employer's policy</source>
            <translation>Employer's policy</translation>
        </message>
        <message>
            <source>The employer's policy from the policy library, to follow beside it.</source>
            <translation>The employer's policy from the policy library, to follow beside it.</translation>
        </message>
        <message>
            <source>No policy linked</source>
            <translation>No policy linked</translation>
        </message>
        <message>
            <source>Jurisdiction of the case</source>
            <translation>Jurisdiction of the case</translation>
        </message>
        <message>
            <source>Stages and deadlines</source>
            <translation>Stages and deadlines</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>Time limit</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Started</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>How the date was reached</source>
            <translation>How the date was reached</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Its &amp;event happened on this date</source>
            <translation>Its &amp;event happened on this date</translation>
        </message>
        <message>
            <source>Record the event that starts the stage</source>
            <translation>Record the event that starts the stage</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Outcome (optional)</source>
            <translation>Outcome (optional)</translation>
        </message>
        <message>
            <source>&amp;Done on this date</source>
            <translation>&amp;Done on this date</translation>
        </message>
        <message>
            <source>Record the stage as done</source>
            <translation>Record the stage as done</translation>
        </message>
        <message>
            <source>Extension agreed with</source>
            <translation>Extension agreed with</translation>
        </message>
        <message>
            <source>Agreed with (for an extension)</source>
            <translation>Agreed with (for an extension)</translation>
        </message>
        <message>
            <source>E&amp;xtend to this date</source>
            <translation>E&amp;xtend to this date</translation>
        </message>
        <message>
            <source>Extend the deadline</source>
            <translation>Extend the deadline</translation>
        </message>
        <message>
            <source>Procedure status</source>
            <translation>Procedure status</translation>
        </message>
        <message>
            <source>casevault helps you count; it is not legal advice. Refer the case to the regional office early.</source>
            <translation>casevault helps you count; it is not legal advice. Refer the case to the regional office early.</translation>
        </message>
        <message>
            <source>Stage time limit in days</source>
            <translation>Stage time limit in days</translation>
        </message>
        <message>
            <source>No set limit</source>
            <translation>No set limit</translation>
        </message>
        <message>
            <source>Days counted</source>
            <translation>Days counted</translation>
        </message>
        <message>
            <source>calendar days</source>
            <translation>calendar days</translation>
        </message>
        <message>
            <source>Set the stage's &amp;limit</source>
            <translation>Set the stage's &amp;limit</translation>
        </message>
        <message>
            <source>Set the stage's time limit</source>
            <translation>Set the stage's time limit</translation>
        </message>
        <message>
            <source>Follow the employer's own policy where it sets other limits.</source>
            <translation>Follow the employer's own policy where it sets other limits.</translation>
        </message>
        <message>
            <source>Time limit:</source>
            <translation>Time limit:</translation>
        </message>
        <message>
            <source>Tribunal time limit</source>
            <translation>Tribunal time limit</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>Claim</translation>
        </message>
        <message>
            <source>Act or dismissal date</source>
            <translation>Act or dismissal date</translation>
        </message>
        <message>
            <source>ACAS early conciliation</source>
            <translation>ACAS early conciliation</translation>
        </message>
        <message>
            <source>ACAS contacted (Day A)</source>
            <translation>ACAS contacted (Day A)</translation>
        </message>
        <message>
            <source>Certificate received (Day B)</source>
            <translation>Certificate received (Day B)</translation>
        </message>
        <message>
            <source>Count the &amp;tribunal limit</source>
            <translation>Count the &amp;tribunal limit</translation>
        </message>
        <message>
            <source>Count the tribunal time limit</source>
            <translation>Count the tribunal time limit</translation>
        </message>
        <message>
            <source>from</source>
            <translation>from</translation>
        </message>
        <message>
            <source>Claim:</source>
            <translation>Claim:</translation>
        </message>
        <message>
            <source>Right to be accompanied</source>
            <translation>Right to be accompanied</translation>
        </message>
        <message>
            <source>The companion may put and sum up the member's case, respond on their behalf to any view put at the hearing, and confer with them during it. The companion may not answer questions for the member. (Employment Relations Act 1999 s.10)</source>
            <translation>The companion may put and sum up the member's case, respond on their behalf to any view put at the hearing, and confer with them during it. The companion may not answer questions for the member. (Employment Relations Act 1999 s.10)</translation>
        </message>
        <message>
            <source>What the companion may do</source>
            <translation>What the companion may do</translation>
        </message>
        <message>
            <source>Companion cannot come: latest &amp;other date</source>
            <translation>Companion cannot come: latest &amp;other date</translation>
        </message>
        <message>
            <source>Latest alternative hearing date</source>
            <translation>Latest alternative hearing date</translation>
        </message>
        <message>
            <source>From the hearing date chosen in the date box above.</source>
            <translation>From the hearing date chosen in the date box above.</translation>
        </message>
        <message>
            <source>Done %1</source>
            <translation>Done %1</translation>
        </message>
        <message>
            <source>No time limit</source>
            <translation>No time limit</translation>
        </message>
        <message>
            <source>Waiting for its event</source>
            <translation>Waiting for its event</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Running (extended, agreed with %1)</source>
            <translation>Running (extended, agreed with %1)</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Running</translation>
        </message>
        <message>
            <source>By law</source>
            <translation>By law</translation>
        </message>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <source>working days</source>
            <translation>working days</translation>
        </message>
        <message>
            <source>days</source>
            <translation>days</translation>
        </message>
        <message>
            <source>No deadline is running.</source>
            <translation>No deadline is running.</translation>
        </message>
        <message numerus="yes">
            <source>overdue by %n day(s)</source>
            <translation>
                <numerusform>overdue by %n day</numerusform>
                <numerusform>overdue by %n days</numerusform>
            </translation>
        </message>
        <message>
            <source>today</source>
            <translation>today</translation>
        </message>
        <message numerus="yes">
            <source>in %n day(s)</source>
            <translation>
                <numerusform>in %n day</numerusform>
                <numerusform>in %n days</numerusform>
            </translation>
        </message>
        <message>
            <source>Next deadline: %1, %2 (%3)</source>
            <translation>Next deadline: %1, %2 (%3)</translation>
        </message>
        <message>
            <source>Choose a stage to see how its deadline was reached.</source>
            <translation>Choose a stage to see how its deadline was reached.</translation>
        </message>
        <message>
            <source>Its clock starts with %1.</source>
            <translation>Its clock starts with %1.</translation>
        </message>
        <message>
            <source>The procedure has started.</source>
            <translation>The procedure has started.</translation>
        </message>
        <message>
            <source>The stage's time limit is changed; its deadline is counted again.</source>
            <translation>The stage's time limit is changed; its deadline is counted again.</translation>
        </message>
        <message>
            <source>Its deadline is counted.</source>
            <translation>Its deadline is counted.</translation>
        </message>
        <message>
            <source>Recorded as done.</source>
            <translation>Recorded as done.</translation>
        </message>
        <message>
            <source>The extension is recorded.</source>
            <translation>The extension is recorded.</translation>
        </message>
        <message>
            <source>The member may propose another time up to %1 (%2).</source>
            <translation>The member may propose another time up to %1 (%2).</translation>
        </message>
        <message>
            <source>The tribunal time limit is counted; refer the case to the regional office well before it.</source>
            <translation>The tribunal time limit is counted; refer the case to the regional office well before it.</translation>
        </message>
    </context>
    <context>
        <name>ReminderKinds</name>
        <message>
            <source>Action point due</source>
            <translation>Action point due</translation>
        </message>
        <message>
            <source>Hearing or meeting soon</source>
            <translation>Hearing or meeting soon</translation>
        </message>
        <message>
            <source>Confirm advice in writing</source>
            <translation>Confirm advice in writing</translation>
        </message>
        <message>
            <source>Return the originals</source>
            <translation>Return the originals</translation>
        </message>
        <message>
            <source>Escalation not recorded</source>
            <translation>Escalation not recorded</translation>
        </message>
        <message>
            <source>Archive period ended</source>
            <translation>Archive period ended</translation>
        </message>
        <message>
            <source>Time to back up</source>
            <translation>Time to back up</translation>
        </message>
        <message>
            <source>Deadline coming up</source>
            <translation>Deadline coming up</translation>
        </message>
        <message>
            <source>Deadline day</source>
            <translation>Deadline day</translation>
        </message>
        <message>
            <source>Deadline passed: stage not done</source>
            <translation>Deadline passed: stage not done</translation>
        </message>
    </context>
    <context>
        <name>ReminderWatch</name>
        <message>
            <source>1 casework reminder is due</source>
            <translation>1 casework reminder is due</translation>
        </message>
        <message numerus="yes">
            <source>%n casework reminders are due</source>
            <translation>
                <numerusform>%n casework reminder is due</numerusform>
                <numerusform>%n casework reminders are due</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RemindersPanel</name>
        <message>
            <source>Due reminders</source>
            <translation>Due reminders</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Reminder</source>
            <translation>Reminder</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>&amp;Open case</source>
            <translation>&amp;Open case</translation>
        </message>
        <message>
            <source>Open case</source>
            <translation>Open case</translation>
        </message>
        <message>
            <source>&amp;Snooze</source>
            <translation>&amp;Snooze</translation>
        </message>
        <message>
            <source>Snooze</source>
            <translation>Snooze</translation>
        </message>
        <message>
            <source>Snooze for</source>
            <translation>Snooze for</translation>
        </message>
        <message>
            <source>For a &amp;day</source>
            <translation>For a &amp;day</translation>
        </message>
        <message>
            <source>For a &amp;week</source>
            <translation>For a &amp;week</translation>
        </message>
        <message>
            <source>D&amp;ismiss</source>
            <translation>D&amp;ismiss</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
        <message>
            <source>&amp;Delete permanently…</source>
            <translation>&amp;Delete permanently…</translation>
        </message>
        <message>
            <source>Delete permanently</source>
            <translation>Delete permanently</translation>
        </message>
        <message>
            <source>Delete all e&amp;xpired…</source>
            <translation>Delete all e&amp;xpired…</translation>
        </message>
        <message>
            <source>Delete all expired</source>
            <translation>Delete all expired</translation>
        </message>
        <message>
            <source>More reminders due</source>
            <translation>More reminders due</translation>
        </message>
        <message>
            <source>Nothing is due. Deadlines, hearings, action points and follow-ups appear here when they fall due.</source>
            <translation>Nothing is due. Deadlines, hearings, action points and follow-ups appear here when they fall due.</translation>
        </message>
        <message numerus="yes">
            <source>%n more due after these: act on or dismiss these to reach them.</source>
            <translation>
                <numerusform>%n more due after these: act on or dismiss these to reach it.</numerusform>
                <numerusform>%n more due after these: act on or dismiss these to reach them.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RemindersUi</name>
        <message>
            <source>Reminders</source>
            <translation>Reminders</translation>
        </message>
        <message>
            <source>Reminders panel</source>
            <translation>Reminders panel</translation>
        </message>
        <message>
            <source>Reminders banner</source>
            <translation>Reminders banner</translation>
        </message>
        <message>
            <source>&amp;Reminders</source>
            <translation>&amp;Reminders</translation>
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
            <translation>Deletion &amp;log</translation>
        </message>
        <message>
            <source>Deletion log</source>
            <translation>Deletion log</translation>
        </message>
        <message>
            <source>A&amp;rchive periods…</source>
            <translation>A&amp;rchive periods…</translation>
        </message>
        <message>
            <source>Archive periods</source>
            <translation>Archive periods</translation>
        </message>
        <message>
            <source>&amp;Reminders (%1)</source>
            <translation>&amp;Reminders (%1)</translation>
        </message>
        <message>
            <source>Show reminders</source>
            <translation>Show reminders</translation>
        </message>
        <message>
            <source>Cases deleted permanently: %1.</source>
            <translation>Cases deleted permanently: %1.</translation>
        </message>
        <message>
            <source>Not deleted: %1</source>
            <translation>Not deleted: %1</translation>
        </message>
    </context>
    <context>
        <name>RetentionDialog</name>
        <message>
            <source>Archive periods</source>
            <translation>Archive periods</translation>
        </message>
        <message>
            <source>How many days a closed case is kept before it is due for permanent deletion. A change applies to cases closed from now on.</source>
            <translation>How many days a closed case is kept before it is due for permanent deletion. A change applies to cases closed from now on.</translation>
        </message>
        <message>
            <source>About archive periods</source>
            <translation>About archive periods</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>Default</translation>
        </message>
        <message>
            <source>Archive period for %1</source>
            <translation>Archive period for %1</translation>
        </message>
        <message>
            <source>&amp;Default (any other type):</source>
            <translation>&amp;Default (any other type):</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ReturnOriginalDialog</name>
        <message>
            <source>Mark original returned</source>
            <translation>Mark original returned</translation>
        </message>
        <message>
            <source>Original document</source>
            <translation>Original document</translation>
        </message>
        <message>
            <source>Date returned</source>
            <translation>Date returned</translation>
        </message>
        <message>
            <source>How returned</source>
            <translation>How returned</translation>
        </message>
        <message>
            <source>e.g. By hand to the member, recorded delivery</source>
            <translation>e.g. By hand to the member, recorded delivery</translation>
        </message>
        <message>
            <source>Document:</source>
            <translation>Document:</translation>
        </message>
        <message>
            <source>&amp;Returned:</source>
            <translation>&amp;Returned:</translation>
        </message>
        <message>
            <source>&amp;How:</source>
            <translation>&amp;How:</translation>
        </message>
        <message>
            <source>Give the date it was returned.</source>
            <translation>Give the date it was returned.</translation>
        </message>
    </context>
    <context>
        <name>ReviewView</name>
        <message>
            <source>Review</source>
            <translation>Review</translation>
        </message>
        <message>
            <source>Review the case against what was agreed at the first meeting: the issues, and whether each action point has been taken forward.</source>
            <translation>Review the case against what was agreed at the first meeting: the issues, and whether each action point has been taken forward.</translation>
        </message>
        <message>
            <source>An issue counts as covered once a paper-trail entry or an action point after the meeting uses its key words; open an issue to see what was found.</source>
            <translation>An issue counts as covered once a paper-trail entry or an action point after the meeting uses its key words; open an issue to see what was found.</translation>
        </message>
        <message>
            <source>Review summary</source>
            <translation>Review summary</translation>
        </message>
        <message>
            <source>Issues and action points</source>
            <translation>Issues and action points</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Not covered yet</source>
            <translation>Not covered yet</translation>
        </message>
        <message numerus="yes">
            <source>%n action point(s)</source>
            <translation>
                <numerusform>%n action point</numerusform>
                <numerusform>%n action points</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 and %2</source>
            <translation>%1 and %2</translation>
        </message>
        <message>
            <source>Every issue has something recorded against it.</source>
            <translation>Every issue has something recorded against it.</translation>
        </message>
        <message>
            <source>No issue has anything recorded against it yet: have we covered all the issues?</source>
            <translation>No issue has anything recorded against it yet: have we covered all the issues?</translation>
        </message>
        <message numerus="yes">
            <source>%n entry(ies)</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
        <message>
            <source>Covered by %1, latest %2</source>
            <translation>Covered by %1, latest %2</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>No date</source>
            <translation>No date</translation>
        </message>
        <message>
            <source>Overdue (due %1)</source>
            <translation>Overdue (due %1)</translation>
        </message>
        <message>
            <source>Due on %1</source>
            <translation>Due on %1</translation>
        </message>
        <message>
            <source>This issue has no words to look for: reword it to check it against the paper trail.</source>
            <translation>This issue has no words to look for: reword it to check it against the paper trail.</translation>
        </message>
        <message>
            <source>Looked for by the word: %1</source>
            <translation>Looked for by the word: %1</translation>
        </message>
        <message>
            <source>Looked for by all of these words: %1</source>
            <translation>Looked for by all of these words: %1</translation>
        </message>
        <message>
            <source>Looked for by at least %1 of these words: %2</source>
            <translation>Looked for by at least %1 of these words: %2</translation>
        </message>
        <message numerus="yes">
            <source>%n of %1 issues have nothing recorded against them: have we covered all the issues?</source>
            <translation>
                <numerusform>%n of %1 issues has nothing recorded against it: have we covered all the issues?</numerusform>
                <numerusform>%n of %1 issues have nothing recorded against them: have we covered all the issues?</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to review yet: agree the issues and action points at the first meeting.</source>
            <translation>Nothing to review yet: agree the issues and action points at the first meeting.</translation>
        </message>
        <message>
            <source>%1 of %2 action points open</source>
            <translation>%1 of %2 action points open</translation>
        </message>
        <message>
            <source>%1, %2 overdue</source>
            <translation>%1, %2 overdue</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>Action point</source>
            <translation>Action point</translation>
        </message>
        <message>
            <source>Paper-trail entry</source>
            <translation>Paper-trail entry</translation>
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
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Shortcuts</source>
            <translation>Shortcuts</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
        <message>
            <source>Tab and Shift+Tab move between controls; Enter opens the case on a selected line; Alt with an underlined letter presses that button or opens that menu.</source>
            <translation>Tab and Shift+Tab move between controls; Enter opens the case on a selected line; Alt with an underlined letter presses that button or opens that menu.</translation>
        </message>
    </context>
    <context>
        <name>SyncDialog</name>
        <message>
            <source>the first meeting's narrative</source>
            <translation>the first meeting's narrative</translation>
        </message>
        <message>
            <source>the originals received</source>
            <translation>the originals received</translation>
        </message>
        <message>
            <source>the member's decision</source>
            <translation>the member's decision</translation>
        </message>
        <message>
            <source>the remedy sought</source>
            <translation>the remedy sought</translation>
        </message>
        <message>
            <source>an issue</source>
            <translation>an issue</translation>
        </message>
        <message>
            <source>an action point</source>
            <translation>an action point</translation>
        </message>
        <message>
            <source>a note</source>
            <translation>a note</translation>
        </message>
        <message>
            <source>a paper-trail entry</source>
            <translation>a paper-trail entry</translation>
        </message>
        <message>
            <source>an original's description</source>
            <translation>an original's description</translation>
        </message>
        <message>
            <source>a deadline's extension note</source>
            <translation>a deadline's extension note</translation>
        </message>
        <message>
            <source>a deadline's overdue reason</source>
            <translation>a deadline's overdue reason</translation>
        </message>
        <message>
            <source>a breach's actions</source>
            <translation>a breach's actions</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Sync status</source>
            <translation>Sync status</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>&amp;Sync now</translation>
        </message>
        <message>
            <source>Conflicts to resolve</source>
            <translation>Conflicts to resolve</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <source>The version's text</source>
            <translation>The version's text</translation>
        </message>
        <message>
            <source>&amp;Keep this version</source>
            <translation>&amp;Keep this version</translation>
        </message>
        <message>
            <source>What the last sync said</source>
            <translation>What the last sync said</translation>
        </message>
        <message>
            <source>Devices asking to join</source>
            <translation>Devices asking to join</translation>
        </message>
        <message>
            <source>&amp;Accept the device...</source>
            <translation>&amp;Accept the device...</translation>
        </message>
        <message>
            <source>Devices asking to join (run `casevault sync join` on the new device):</source>
            <translation>Devices asking to join (run `casevault sync join` on the new device):</translation>
        </message>
        <message>
            <source>Conflicts: text two devices changed apart. Choose the version to keep:</source>
            <translation>Conflicts: text two devices changed apart. Choose the version to keep:</translation>
        </message>
        <message>
            <source>this device</source>
            <translation>this device</translation>
        </message>
        <message>
            <source>This device syncs through %1 with %2 other device(s); %3 change(s) not sent yet.</source>
            <translation>This device syncs through %1 with %2 other device(s); %3 change(s) not sent yet.</translation>
        </message>
        <message>
            <source>Last synced %1.</source>
            <translation>Last synced %1.</translation>
        </message>
        <message>
            <source>Not synced yet.</source>
            <translation>Not synced yet.</translation>
        </message>
        <message>
            <source>Not accepted: the codes must match on both screens.</source>
            <translation>Not accepted: the codes must match on both screens.</translation>
        </message>
        <message>
            <source>Accepted. The new device finishes joining once the folder has synced.</source>
            <translation>Accepted. The new device finishes joining once the folder has synced.</translation>
        </message>
        <message>
            <source>Accept the device?</source>
            <translation>Accept the device?</translation>
        </message>
        <message>
            <source>Does %1 show this code?

%2

Accept it only if every digit is the same.</source>
            <translation>Does %1 show this code?

%2

Accept it only if every digit is the same.</translation>
        </message>
        <message>
            <source> (shown now)</source>
            <translation> (shown now)</translation>
        </message>
        <message>
            <source>Sent %1 from %2%3</source>
            <translation>Sent %1 from %2%3</translation>
        </message>
        <message>
            <source>Kept, and written to the sync folder for the other devices.</source>
            <translation>Kept, and written to the sync folder for the other devices.</translation>
        </message>
        <message>
            <source>Sent %1 change(s); took in %2.</source>
            <translation>Sent %1 change(s); took in %2.</translation>
        </message>
    </context>
    <context>
        <name>SyncWatch</name>
        <message>
            <source>Sync refused %1 change set(s); Settings &gt; Sync says why.</source>
            <translation>Sync refused %1 change set(s); Settings &gt; Sync says why.</translation>
        </message>
        <message>
            <source>Synced: %1 change(s) from other devices.</source>
            <translation>Synced: %1 change(s) from other devices.</translation>
        </message>
    </context>
    <context>
        <name>TodayView</name>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Today's date</source>
            <translation>Today's date</translation>
        </message>
        <message>
            <source>&amp;All cases</source>
            <translation>&amp;All cases</translation>
        </message>
        <message>
            <source>All cases</source>
            <translation>All cases</translation>
        </message>
        <message>
            <source>Coming up</source>
            <translation>Coming up</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Reminders due</source>
            <translation>Reminders due</translation>
        </message>
        <message>
            <source>Waiting on you</source>
            <translation>Waiting on you</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Open cases by stage</source>
            <translation>Open cases by stage</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Today, %1</source>
            <translation>Today, %1</translation>
        </message>
        <message>
            <source>Hearing</source>
            <translation>Hearing</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Overdue since %1</source>
            <translation>Overdue since %1</translation>
        </message>
        <message>
            <source>No deadlines or hearings in the next %1 days.</source>
            <translation>No deadlines or hearings in the next %1 days.</translation>
        </message>
        <message>
            <source>And %1 more: see the agenda.</source>
            <translation>And %1 more: see the agenda.</translation>
        </message>
        <message>
            <source>Show all reminders</source>
            <translation>Show all reminders</translation>
        </message>
        <message>
            <source>No reminders due.</source>
            <translation>No reminders due.</translation>
        </message>
        <message>
            <source>%1 reminders due.</source>
            <translation>%1 reminders due.</translation>
        </message>
        <message>
            <source>No date</source>
            <translation>No date</translation>
        </message>
        <message>
            <source>No action points are waiting on you.</source>
            <translation>No action points are waiting on you.</translation>
        </message>
        <message>
            <source>And %1 more.</source>
            <translation>And %1 more.</translation>
        </message>
        <message>
            <source>No procedure</source>
            <translation>No procedure</translation>
        </message>
        <message>
            <source>Procedure finished</source>
            <translation>Procedure finished</translation>
        </message>
        <message>
            <source>No open cases</source>
            <translation>No open cases</translation>
        </message>
    </context>
    <context>
        <name>TypedInputDialog</name>
        <message>
            <source>Discard what you typed?</source>
            <translation>Discard what you typed?</translation>
        </message>
        <message>
            <source>What you typed in this window has not been saved.</source>
            <translation>What you typed in this window has not been saved.</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Discard</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Discard</translation>
        </message>
        <message>
            <source>&amp;Keep editing</source>
            <translation>&amp;Keep editing</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>Keep editing</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Unlock casevault</source>
            <translation>Unlock casevault</translation>
        </message>
        <message>
            <source>Why the passphrase is needed</source>
            <translation>Why the passphrase is needed</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Passphrase:</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Unlock</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>Enter your passphrase to unlock the vault.</source>
            <translation>Enter your passphrase to unlock the vault.</translation>
        </message>
        <message>
            <source>%1, so please enter your passphrase.</source>
            <translation>%1, so please enter your passphrase.</translation>
        </message>
        <message>
            <source>Please type your passphrase.</source>
            <translation>Please type your passphrase.</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>Unlocking…</translation>
        </message>
        <message>
            <source>That passphrase did not open the vault. Please check it and try again in a moment.</source>
            <translation>That passphrase did not open the vault. Please check it and try again in a moment.</translation>
        </message>
        <message>
            <source>That passphrase did not open the vault. Please try again.</source>
            <translation>That passphrase did not open the vault. Please try again.</translation>
        </message>
    </context>
    <context>
        <name>_FormDialog</name>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>casevault</name>
        <message>
            <source>This is the demo vault. Its passphrase is: %1</source>
            <translation>This is the demo vault. Its passphrase is: %1</translation>
        </message>
    </context>
    <context>
        <name>casework</name>
        <message>
            <source>Lost or stolen device</source>
            <translation>Lost or stolen device</translation>
        </message>
        <message>
            <source>Sent to the wrong person</source>
            <translation>Sent to the wrong person</translation>
        </message>
        <message>
            <source>Seen by someone not entitled to see it</source>
            <translation>Seen by someone not entitled to see it</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>The General Secretary</source>
            <translation>The General Secretary</translation>
        </message>
        <message>
            <source>The Executive Committee</source>
            <translation>The Executive Committee</translation>
        </message>
        <message>
            <source>Any breach of confidentiality must be reported immediately to the General Secretary or Executive Committee.</source>
            <translation>Any breach of confidentiality must be reported immediately to the General Secretary or Executive Committee.</translation>
        </message>
        <message>
            <source>The text names someone whose details are in the vault; describe the breach by case reference instead.</source>
            <translation>The text names someone whose details are in the vault; describe the breach by case reference instead.</translation>
        </message>
        <message>
            <source>Choose what kind of breach it was.</source>
            <translation>Choose what kind of breach it was.</translation>
        </message>
        <message>
            <source>Say what happened.</source>
            <translation>Say what happened.</translation>
        </message>
        <message>
            <source>The text is longer than 4000 characters.</source>
            <translation>The text is longer than 4000 characters.</translation>
        </message>
        <message>
            <source>The breach cannot be discovered before it happened.</source>
            <translation>The breach cannot be discovered before it happened.</translation>
        </message>
        <message>
            <source>The dates cannot be in the future.</source>
            <translation>The dates cannot be in the future.</translation>
        </message>
        <message>
            <source>Choose who was informed from the list.</source>
            <translation>Choose who was informed from the list.</translation>
        </message>
        <message>
            <source>Say when they were informed.</source>
            <translation>Say when they were informed.</translation>
        </message>
        <message>
            <source>They cannot be informed before the breach or in the future.</source>
            <translation>They cannot be informed before the breach or in the future.</translation>
        </message>
        <message>
            <source>A case reference is not one of this vault's cases.</source>
            <translation>A case reference is not one of this vault's cases.</translation>
        </message>
        <message>
            <source>This looks like a work email address at the member's employer. The reps' guide says it is usually best not to use a member's work email account, and that casework should be kept separate from the employer's business. Check with the member which address they would prefer you to use.</source>
            <translation>This looks like a work email address at the member's employer. The reps' guide says it is usually best not to use a member's work email account, and that casework should be kept separate from the employer's business. Check with the member which address they would prefer you to use.</translation>
        </message>
        <message>
            <source>Consider escalating this case to a more experienced caseworker and notifying the regional office: the guide says this is normally appropriate where dismissal is threatened or discrimination is alleged.</source>
            <translation>Consider escalating this case to a more experienced caseworker and notifying the regional office: the guide says this is normally appropriate where dismissal is threatened or discrimination is alleged.</translation>
        </message>
        <message>
            <source>ACAS</source>
            <translation>ACAS</translation>
        </message>
        <message>
            <source>Government services information (GOV.UK: Working)</source>
            <translation>Government services information (GOV.UK: Working)</translation>
        </message>
        <message>
            <source>UCU Support Centre</source>
            <translation>UCU Support Centre</translation>
        </message>
        <message>
            <source>Your UCU regional office (contact details)</source>
            <translation>Your UCU regional office (contact details)</translation>
        </message>
        <message>
            <source>Before advising on a point of law, take your time and look it up, or ask your regional office for guidance.</source>
            <translation>Before advising on a point of law, take your time and look it up, or ask your regional office for guidance.</translation>
        </message>
        <message>
            <source>Be conscious of, and avoid, conflicting interests. If a member seeks help about another member, or another non-union employee, reflect on whether you, or UCU, may have any conflicting interests. If you think you may have, it will usually require you, or UCU, to step aside from advising the member.</source>
            <translation>Be conscious of, and avoid, conflicting interests. If a member seeks help about another member, or another non-union employee, reflect on whether you, or UCU, may have any conflicting interests. If you think you may have, it will usually require you, or UCU, to step aside from advising the member.</translation>
        </message>
        <message>
            <source>If you are asked by management to have an 'off the record' or 'without prejudice' conversation, make sure that you tell the member beforehand and obtain their agreement.</source>
            <translation>If you are asked by management to have an 'off the record' or 'without prejudice' conversation, make sure that you tell the member beforehand and obtain their agreement.</translation>
        </message>
        <message>
            <source>No conflict</source>
            <translation>No conflict</translation>
        </message>
        <message>
            <source>Step aside</source>
            <translation>Step aside</translation>
        </message>
        <message>
            <source>Refer on</source>
            <translation>Refer on</translation>
        </message>
        <message>
            <source>member</source>
            <translation>member</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>manager</translation>
        </message>
        <message>
            <source>witness</source>
            <translation>witness</translation>
        </message>
        <message>
            <source>colleague</source>
            <translation>colleague</translation>
        </message>
        <message>
            <source>complainant</source>
            <translation>complainant</translation>
        </message>
        <message>
            <source>respondent</source>
            <translation>respondent</translation>
        </message>
        <message>
            <source>other</source>
            <translation>other</translation>
        </message>
        <message>
            <source>Keep the member's data</source>
            <translation>Keep the member's data</translation>
        </message>
        <message>
            <source>Share with other reps</source>
            <translation>Share with other reps</translation>
        </message>
        <message>
            <source>Share with the regional office</source>
            <translation>Share with the regional office</translation>
        </message>
        <message>
            <source>'Off the record' conversation</source>
            <translation>'Off the record' conversation</translation>
        </message>
        <message>
            <source>'Without prejudice' conversation</source>
            <translation>'Without prejudice' conversation</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>An action point is due.</source>
            <translation>An action point is due.</translation>
        </message>
        <message>
            <source>A hearing or meeting is coming up.</source>
            <translation>A hearing or meeting is coming up.</translation>
        </message>
        <message>
            <source>Advice given orally has not been confirmed in writing yet.</source>
            <translation>Advice given orally has not been confirmed in writing yet.</translation>
        </message>
        <message>
            <source>The member's original documents have not been returned.</source>
            <translation>The member's original documents have not been returned.</translation>
        </message>
        <message>
            <source>Escalation was prompted at the first meeting but none is recorded.</source>
            <translation>Escalation was prompted at the first meeting but none is recorded.</translation>
        </message>
        <message>
            <source>The archive period has ended: delete this case permanently.</source>
            <translation>The archive period has ended: delete this case permanently.</translation>
        </message>
        <message>
            <source>Time to back up the vault (Vault &gt; Backup…).</source>
            <translation>Time to back up the vault (Vault &gt; Backup…).</translation>
        </message>
        <message>
            <source>A deadline is coming up.</source>
            <translation>A deadline is coming up.</translation>
        </message>
        <message>
            <source>A deadline falls today.</source>
            <translation>A deadline falls today.</translation>
        </message>
        <message>
            <source>A deadline has passed without its stage being recorded as done.</source>
            <translation>A deadline has passed without its stage being recorded as done.</translation>
        </message>
        <message>
            <source>The originals were returned; it was not recorded here.</source>
            <translation>The originals were returned; it was not recorded here.</translation>
        </message>
        <message>
            <source>The member did not want the originals back.</source>
            <translation>The member did not want the originals back.</translation>
        </message>
        <message>
            <source>The member did not collect the originals.</source>
            <translation>The member did not collect the originals.</translation>
        </message>
        <message>
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <source>Disciplinary</source>
            <translation>Disciplinary</translation>
        </message>
        <message>
            <source>Grievance</source>
            <translation>Grievance</translation>
        </message>
        <message>
            <source>Sickness absence</source>
            <translation>Sickness absence</translation>
        </message>
        <message>
            <source>Capability</source>
            <translation>Capability</translation>
        </message>
        <message>
            <source>Discrimination</source>
            <translation>Discrimination</translation>
        </message>
        <message>
            <source>Bullying or harassment</source>
            <translation>Bullying or harassment</translation>
        </message>
        <message>
            <source>Redundancy</source>
            <translation>Redundancy</translation>
        </message>
        <message>
            <source>Pay and conditions</source>
            <translation>Pay and conditions</translation>
        </message>
        <message>
            <source>Health and safety</source>
            <translation>Health and safety</translation>
        </message>
        <message>
            <source>Resolved informally</source>
            <translation>Resolved informally</translation>
        </message>
        <message>
            <source>Upheld</source>
            <translation>Upheld</translation>
        </message>
        <message>
            <source>Partly upheld</source>
            <translation>Partly upheld</translation>
        </message>
        <message>
            <source>Not upheld</source>
            <translation>Not upheld</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <source>Settled</source>
            <translation>Settled</translation>
        </message>
        <message>
            <source>Referred to the regional office</source>
            <translation>Referred to the regional office</translation>
        </message>
        <message>
            <source>Tribunal claim lodged</source>
            <translation>Tribunal claim lodged</translation>
        </message>
        <message>
            <source>England and Wales</source>
            <translation>England and Wales</translation>
        </message>
        <message>
            <source>Scotland</source>
            <translation>Scotland</translation>
        </message>
        <message>
            <source>Northern Ireland</source>
            <translation>Northern Ireland</translation>
        </message>
    </context>
    <context>
        <name>email</name>
        <message>
            <source>The message has no readable date; this entry is dated when it was imported.</source>
            <translation>The message has no readable date; this entry is dated when it was imported.</translation>
        </message>
        <message>
            <source>The sender was too long to read in full; it is cut short.</source>
            <translation>The sender was too long to read in full; it is cut short.</translation>
        </message>
        <message>
            <source>The list of recipients was too long to read in full; it is cut short.</source>
            <translation>The list of recipients was too long to read in full; it is cut short.</translation>
        </message>
        <message>
            <source>The subject was too long to read in full; it is cut short.</source>
            <translation>The subject was too long to read in full; it is cut short.</translation>
        </message>
        <message>
            <source>The message's headers were too long to read in full; some may be missing.</source>
            <translation>The message's headers were too long to read in full; some may be missing.</translation>
        </message>
        <message>
            <source>The message is too long to show in full; its end is left out.</source>
            <translation>The message is too long to show in full; its end is left out.</translation>
        </message>
        <message>
            <source>The message has too many parts, or parts too deeply nested, to read them all; some may be missing.</source>
            <translation>The message has too many parts, or parts too deeply nested, to read them all; some may be missing.</translation>
        </message>
        <message>
            <source>The message is written in HTML; it is shown as plain text, and nothing it links to (pictures included) was loaded.</source>
            <translation>The message is written in HTML; it is shown as plain text, and nothing it links to (pictures included) was loaded.</translation>
        </message>
        <message>
            <source>The message has no text to show.</source>
            <translation>The message has no text to show.</translation>
        </message>
        <message>
            <source>The message took too long to read in full; some of its attachments were not filed.</source>
            <translation>The message took too long to read in full; some of its attachments were not filed.</translation>
        </message>
        <message>
            <source>The message's text is held only in Outlook's RTF form, which casevault does not read; the message itself is kept whole.</source>
            <translation>The message's text is held only in Outlook's RTF form, which casevault does not read; the message itself is kept whole.</translation>
        </message>
        <message>
            <source>The message has too many attachments, or attachments nested too deeply; some were not filed.</source>
            <translation>The message has too many attachments, or attachments nested too deeply; some were not filed.</translation>
        </message>
        <message>
            <source>The message is damaged or is not an Outlook message.</source>
            <translation>The message is damaged or is not an Outlook message.</translation>
        </message>
    </context>
</TS>
