<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="156"/>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="157"/>
        <source>Caption for the next files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="158"/>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="159"/>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="160"/>
        <source>Paste a screenshot or copied files (Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="161"/>
        <source>Open</source>
        <translation type="unfinished">Open</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="162"/>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="189"/>
        <source>%1 · %2
Added by %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="216"/>
        <source>Save the sheet first; then add photos and files here (or drop them onto this box).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="219"/>
        <source>Drop files or a picture here, or paste a screenshot with Ctrl+V.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="277"/>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="317"/>
        <source>Remove attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="318"/>
        <source>Why is “%1” removed? (kept in the audit trail)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="45"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="49"/>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="115"/>
        <source>Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="52"/>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="135"/>
        <source>Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="60"/>
        <source>Back up automatically every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="64"/>
        <source>e.g. E:\Helpdesk backups (a USB drive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="66"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="74"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="77"/>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="109"/>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="78"/>
        <source>Keep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="98"/>
        <source>Last backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="100"/>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="125"/>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="129"/>
        <source>Backup written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="136"/>
        <source>Helpdesk database (*.db);;All files (*)</source>
        <translation type="unfinished">Helpdesk database (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="140"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="141"/>
        <source>Replace the database with %1? Close Helpdesk on every other desk first. The current database is kept as a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="153"/>
        <source>Restored from %1. Log in again to work on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="167"/>
        <source>Saved.</source>
        <translation type="unfinished">Saved.</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="433"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="434"/>
        <source>Make-up day hours:</source>
        <translation>Make-up day hours:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="435"/>
        <source>Public holidays (closed):</source>
        <translation>Public holidays (closed):</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="436"/>
        <source>Make-up working days (调休, open):</source>
        <translation>Make-up working days (调休, open):</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="438"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="439"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="440"/>
        <source>to (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="441"/>
        <source>Load official holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="442"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="493"/>
        <source>Import list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="444"/>
        <source>A text file with one date or range per line, e.g. 2027-10-01~2027-10-07; a line with 补班 or workday is a make-up working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="446"/>
        <source>Deadlines such as “30 minutes” or “before the end of the working day” run on these hours. Changes apply to sheets registered from now on.</source>
        <translation>Deadlines such as “30 minutes” or “before the end of the working day” run on these hours. Changes apply to sheets registered from now on.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="461"/>
        <source>%1: %2 days off and %3 make-up working days added; press Save to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="488"/>
        <source>%1 days off and %2 make-up working days added; press Save to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="494"/>
        <source>Text (*.txt *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="864"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="864"/>
        <source>Simplified Chinese</source>
        <translation>Simplified Chinese</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="864"/>
        <source>Traditional Chinese</source>
        <translation>Traditional Chinese</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="865"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="866"/>
        <source>Add category</source>
        <translation>Add category</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="867"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="868"/>
        <source>Leave the code of a new category empty: it is made from the pinyin of the Simplified Chinese name when you save. A category used by complaint sheets cannot be removed.</source>
        <translation>Leave the code of a new category empty: it is made from the pinyin of the Simplified Chinese name when you save. A category used by complaint sheets cannot be removed.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="929"/>
        <source>Row %1: </source>
        <translation>Row %1: </translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="174"/>
        <source>Your input and the saved sheet</source>
        <translation>Your input and the saved sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="178"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="178"/>
        <source>Your input</source>
        <translation>Your input</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="178"/>
        <source>Saved now</source>
        <translation>Saved now</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="192"/>
        <source>Differences are in bold. Copy what you need (select a cell and press Ctrl+C), then reload.</source>
        <translation>Differences are in bold. Copy what you need (select a cell and press Ctrl+C), then reload.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="196"/>
        <source>&amp;Reload now</source>
        <translation>&amp;Reload now</translation>
    </message>
</context>
<context>
    <name>ComplaintListPage</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="200"/>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="202"/>
        <source>Number or its last digits, name, pinyin (zs), phone tail, plate, VIN tail, order, words in the text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="204"/>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="205"/>
        <source>&amp;New sheet</source>
        <translation>&amp;New sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="206"/>
        <source>Register a new complaint (Ctrl+N)</source>
        <translation>Register a new complaint (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="207"/>
        <source>&amp;Mine</source>
        <translation>&amp;Mine</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="208"/>
        <source>Only sheets I am responsible for</source>
        <translation>Only sheets I am responsible for</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="209"/>
        <source>Re&amp;gistered by me</source>
        <translation>Re&amp;gistered by me</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="210"/>
        <source>Only sheets I registered</source>
        <translation>Only sheets I registered</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="211"/>
        <source>Received from</source>
        <translation>Received from</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="212"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="213"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="214"/>
        <source>Open (not closed)</source>
        <translation>Open (not closed)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="214"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="219"/>
        <source>Any deadline</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="222"/>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="226"/>
        <source>All severities</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="230"/>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="234"/>
        <source>All stores</source>
        <translation>All stores</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="415"/>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="441"/>
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n sheet</numerusform>
            <numerusform>%n sheets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="442"/>
        <source>searched in %1 s</source>
        <translation>searched in %1 s</translation>
    </message>
</context>
<context>
    <name>ConcurrentNotice</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="53"/>
        <source>Vehicle or order</source>
        <translation>Vehicle or order</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="54"/>
        <source>Rework</source>
        <translation>Rework</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="60"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="73"/>
        <source>Corrective actions</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="74"/>
        <source>Return visits</source>
        <translation>Return visits</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="75"/>
        <source>Progress log</source>
        <translation>Progress log</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="76"/>
        <source>Linked sheet</source>
        <translation>Linked sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="102"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="103"/>
        <source>the sheet</source>
        <translation>the sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="133"/>
        <source>&amp;Merge into my input</source>
        <translation>&amp;Merge into my input</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="134"/>
        <source>Co&amp;mpare…</source>
        <translation>Co&amp;mpare…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="135"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="141"/>
        <source>Another user</source>
        <translation>Another user</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="143"/>
        <source>%1 changed this sheet at %2: %3.</source>
        <translation>%1 changed this sheet at %2: %3.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="147"/>
        <source>You changed %1 too: saving would be refused. Compare, copy your text, then reload.</source>
        <translation>You changed %1 too: saving would be refused. Compare, copy your text, then reload.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="150"/>
        <source>Your input is in other fields: merge it into their version, then save.</source>
        <translation>Your input is in other fields: merge it into their version, then save.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="125"/>
        <source>Saved by someone else</source>
        <translation>Saved by someone else</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="127"/>
        <source>Another user</source>
        <translation>Another user</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="130"/>
        <source>%1 saved this sheet at %2, after you opened it. Your changes were NOT saved, and nothing of theirs was overwritten.

Reload to see their version (your input is lost unless you copy it), or compare the two first.</source>
        <translation>%1 saved this sheet at %2, after you opened it. Your changes were NOT saved, and nothing of theirs was overwritten.

Reload to see their version (your input is lost unless you copy it), or compare the two first.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="137"/>
        <source>&amp;Reload</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="140"/>
        <source>&amp;Compare…</source>
        <translation>&amp;Compare…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="143"/>
        <source>&amp;Keep editing</source>
        <translation>&amp;Keep editing</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../helpdesk/ui/crash.py" line="39"/>
        <source>Helpdesk — unexpected error</source>
        <translation>Helpdesk — unexpected error</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/crash.py" line="41"/>
        <source>Something went wrong, and what you were doing may not have been finished. Helpdesk is still running: check your last change, then carry on.

If it happens again, send the log file to your support contact:
%1</source>
        <translation>Something went wrong, and what you were doing may not have been finished. Helpdesk is still running: check your last change, then carry on.

If it happens again, send the log file to your support contact:
%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/crash.py" line="46"/>
        <source>Open log folder</source>
        <translation>Open log folder</translation>
    </message>
</context>
<context>
    <name>CustomerFinder</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="123"/>
        <source>Name, pinyin (zs), phone or last 4 digits, plate, VIN tail, order no.</source>
        <translation>Name, pinyin (zs), phone or last 4 digits, plate, VIN tail, order no.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="124"/>
        <source>New c&amp;ustomer</source>
        <translation>New c&amp;ustomer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="125"/>
        <source>The customer is not on file yet: type their name and phone; they are saved with the sheet</source>
        <translation>The customer is not on file yet: type their name and phone; they are saved with the sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="127"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="128"/>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="172"/>
        <source>No customer chosen yet.</source>
        <translation>No customer chosen yet.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="214"/>
        <source>Matched: %1</source>
        <translation>Matched: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="219"/>
        <source>Showing the best %1 matches: type more of the name, phone or plate to find others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="226"/>
        <source>Nobody found. Check the spelling, or register a new customer.</source>
        <translation>Nobody found. Check the spelling, or register a new customer.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="248"/>
        <source>Use %1 instead</source>
        <translation>Use %1 instead</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="178"/>
        <source>The database cannot be opened</source>
        <translation>The database cannot be opened</translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="243"/>
        <source>Open now: %1</source>
        <translation>Open now: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="246"/>
        <source>One desk: a SQLite file on this computer (never on a network drive). Several desks: a PostgreSQL server, e.g. postgresql://helpdesk:password@server/helpdesk. Leave empty for the default file in your data folder. The new location is used from the next start.</source>
        <translation>One desk: a SQLite file on this computer (never on a network drive). Several desks: a PostgreSQL server, e.g. postgresql://helpdesk:password@server/helpdesk. Leave empty for the default file in your data folder. The new location is used from the next start.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="251"/>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="252"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="253"/>
        <source>Use from next start</source>
        <translation>Use from next start</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="254"/>
        <source>Default file</source>
        <translation>Default file</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="258"/>
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="259"/>
        <source>Helpdesk database (*.db);;All files (*)</source>
        <translation>Helpdesk database (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="269"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="280"/>
        <source>Testing the database connection…</source>
        <translation>Testing the database connection…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="285"/>
        <source>✗ Cannot connect: %1</source>
        <translation>✗ Cannot connect: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="290"/>
        <source>✓ Connected: a Helpdesk database, ready to use.</source>
        <translation>✓ Connected: a Helpdesk database, ready to use.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="292"/>
        <source>✓ Connected: a Helpdesk database of an older version; it is upgraded (after a backup) when opened.</source>
        <translation>✓ Connected: a Helpdesk database of an older version; it is upgraded (after a backup) when opened.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="295"/>
        <source>✓ Connected: empty; Helpdesk will offer the first-run setup.</source>
        <translation>✓ Connected: empty; Helpdesk will offer the first-run setup.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="308"/>
        <source>Saved: Helpdesk opens %1 from the next start.</source>
        <translation>Saved: Helpdesk opens %1 from the next start.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="311"/>
        <source>The password is kept in the system&apos;s credential store.</source>
        <translation>The password is kept in the system&apos;s credential store.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="314"/>
        <source>This computer has no credential store: the password is kept in the configuration file, readable only by you.</source>
        <translation>This computer has no credential store: the password is kept in the configuration file, readable only by you.</translation>
    </message>
</context>
<context>
    <name>DeskTray</name>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/tray.py" line="176"/>
        <source>%n sheet(s) need attention</source>
        <translation>
            <numerusform>%n sheet needs attention</numerusform>
            <numerusform>%n sheets need attention</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="194"/>
        <source>Due soon: %1</source>
        <translation>Due soon: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="195"/>
        <source>%1 — due at %2</source>
        <translation>%1 — due at %2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="197"/>
        <source>Overdue: %1</source>
        <translation>Overdue: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="198"/>
        <source>%1 — was due at %2</source>
        <translation>%1 — was due at %2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="200"/>
        <source>Assigned to you: %1</source>
        <translation>Assigned to you: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="206"/>
        <source>New complaint (%1): %2</source>
        <translation>New complaint (%1): %2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="214"/>
        <source>Mine: %1 due soon, %2 overdue · Store: %3 due soon, %4 overdue</source>
        <translation>Mine: %1 due soon, %2 overdue · Store: %3 due soon, %4 overdue</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="227"/>
        <source>Show Helpdesk</source>
        <translation>Show Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="228"/>
        <source>Sound with notifications</source>
        <translation>Sound with notifications</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="171"/>
        <source>Welcome to Helpdesk</source>
        <translation>Welcome to Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="173"/>
        <source>This database is empty. Set up your store and its first administrator — or load the demo data to look around first.</source>
        <translation>This database is empty. Set up your store and its first administrator — or load the demo data to look around first.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="175"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="176"/>
        <source>First administrator</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="178"/>
        <source>Store &amp;name:</source>
        <translation>Store &amp;name:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="178"/>
        <source>Store &amp;code:</source>
        <translation>Store &amp;code:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="179"/>
        <source>&amp;Deadlines:</source>
        <translation>&amp;Deadlines:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="179"/>
        <source>Working &amp;hours:</source>
        <translation>Working &amp;hours:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="180"/>
        <source>Open on:</source>
        <translation>Open on:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="180"/>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="181"/>
        <source>Full name:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="181"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="182"/>
        <source>Password &amp;again:</source>
        <translation>Password &amp;again:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="186"/>
        <source>Empty: the pinyin initials of the name (天顺 → TS); starts every sheet number</source>
        <translation>Empty: the pinyin initials of the name (天顺 → TS); starts every sheet number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="188"/>
        <source>e.g. 天顺汽车4S店</source>
        <translation>e.g. 天顺汽车4S店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="190"/>
        <source>at least 8 characters, letters and digits</source>
        <translation>at least 8 characters, letters and digits</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="197"/>
        <source>&amp;Set up</source>
        <translation>&amp;Set up</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="198"/>
        <source>&amp;Load demo data</source>
        <translation>&amp;Load demo data</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="199"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="244"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="254"/>
        <source>Setting up…</source>
        <translation>Setting up…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="297"/>
        <source>Loading the demo data…</source>
        <translation>Loading the demo data…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="307"/>
        <source>Setting up the store and its staff…</source>
        <translation>Setting up the store and its staff…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="308"/>
        <source>Inventing customers…</source>
        <translation>Inventing customers…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="309"/>
        <source>Inventing complaint sheets…</source>
        <translation>Inventing complaint sheets…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="310"/>
        <source>Building the search index…</source>
        <translation>Building the search index…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="320"/>
        <source>The demo data is loaded. Log in as one of these users, all with the password %1:</source>
        <translation>The demo data is loaded. Log in as one of these users, all with the password %1:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="333"/>
        <source>Demo logins</source>
        <translation>Demo logins</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="128"/>
        <source>Log in — Helpdesk</source>
        <translation>Log in — Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="129"/>
        <source>Complaint desk</source>
        <translation>Complaint desk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="130"/>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="131"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="132"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="133"/>
        <source>Log &amp;in</source>
        <translation>Log &amp;in</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="134"/>
        <source>&amp;Database…</source>
        <translation>&amp;Database…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="136"/>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="163"/>
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="178"/>
        <source>Checking the password…</source>
        <translation>Checking the password…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/login.py" line="201"/>
        <source>This computer&apos;s clock is %n minute(s) behind the database server&apos;s.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute behind the database server&apos;s.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes behind the database server&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/login.py" line="203"/>
        <source>This computer&apos;s clock is %n minute(s) ahead of the database server&apos;s.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute ahead of the database server&apos;s.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes ahead of the database server&apos;s.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="205"/>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="206"/>
        <source>Helpdesk uses the server&apos;s time for every sheet; please have the computer&apos;s clock set right.</source>
        <translation>Helpdesk uses the server&apos;s time for every sheet; please have the computer&apos;s clock set right.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="353"/>
        <source>Helpdesk — complaint desk</source>
        <translation>Helpdesk — complaint desk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="354"/>
        <source>Open &amp;archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="356"/>
        <source>Read an archive of old closed sheets (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="357"/>
        <source>&amp;New sheet</source>
        <translation>&amp;New sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="358"/>
        <source>Register a new complaint (Ctrl+N)</source>
        <translation>Register a new complaint (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="359"/>
        <source>&amp;Open sheet by number…</source>
        <translation>&amp;Open sheet by number…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="360"/>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="361"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="362"/>
        <source>&amp;Log out</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="363"/>
        <source>&amp;Close archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="364"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="365"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="366"/>
        <source>&amp;About Helpdesk</source>
        <translation>&amp;About Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="369"/>
        <source>&amp;Import complaint sheets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="370"/>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="372"/>
        <source>&amp;Verify the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="373"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="374"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="375"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="380"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="383"/>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="460"/>
        <source>Archive (read-only): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="466"/>
        <source>Open archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="467"/>
        <source>Helpdesk archives (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="486"/>
        <source>Open sheet</source>
        <translation>Open sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="525"/>
        <source>Unsaved sheets found</source>
        <translation>Unsaved sheets found</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/main_window.py" line="526"/>
        <source>%n complaint sheet(s) were not saved when the program last ended. Restore them now?</source>
        <translation>
            <numerusform>%n complaint sheet was not saved when the program last ended. Restore it now?</numerusform>
            <numerusform>%n complaint sheets were not saved when the program last ended. Restore them now?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="529"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="530"/>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="531"/>
        <source>Ask me &amp;later</source>
        <translation>Ask me &amp;later</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="583"/>
        <source>New complaint sheet</source>
        <translation>New complaint sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="584"/>
        <source>Open a sheet by its number</source>
        <translation>Open a sheet by its number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="585"/>
        <source>Search the complaint list</source>
        <translation>Search the complaint list</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="586"/>
        <source>Complaints, customers, reports, settings</source>
        <translation>Complaints, customers, reports, settings</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="587"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="588"/>
        <source>Save the sheet</source>
        <translation>Save the sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="589"/>
        <source>Print the sheet</source>
        <translation>Print the sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="590"/>
        <source>Close the dialog or sheet window</source>
        <translation>Close the dialog or sheet window</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="591"/>
        <source>Next / previous field</source>
        <translation>Next / previous field</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="593"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="608"/>
        <source>About Helpdesk</source>
        <translation>About Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="620"/>
        <source>Verifying the audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="625"/>
        <source>The audit trail is intact: %1 entries, each linked to the one before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="631"/>
        <source>The audit trail was altered: entry #%1 (%2, %3) and every entry after it no longer match their hash chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="636"/>
        <source>The audit trail was cut short: the last %1 entries are missing (it held %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="641"/>
        <source>The audit trail does not end where its signed anchor says: entries were added or replaced at its end, or the anchor was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="645"/>
        <source>The database&apos;s guards of the audit trail were removed or switched off: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="650"/>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="602"/>
        <source>Helpdesk %1 — the complaint desk (客诉管理) for dealership after-sales and retail stores.

Database: %2
Data folder: %3
Log file: %4</source>
        <translation>Helpdesk %1 — the complaint desk (客诉管理) for dealership after-sales and retail stores.

Database: %2
Data folder: %3
Log file: %4</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="286"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="287"/>
        <source>The database was restored. Helpdesk closes now; start it again to work on the restored data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="316"/>
        <source>Last backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="317"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="319"/>
        <source>Older than 2 days: back up now (File &gt; Backups…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="332"/>
        <source>No public holidays for next year yet (%1): Settings &gt; Calendar &gt; Load official holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="367"/>
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="368"/>
        <source>Copy &amp;diagnostics</source>
        <translation>Copy &amp;diagnostics</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="487"/>
        <source>Sheet number or its last digits (e.g. TS-2026-000123 or 123):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="612"/>
        <source>Diagnostics copied to the clipboard</source>
        <translation>Diagnostics copied to the clipboard</translation>
    </message>
</context>
<context>
    <name>PersonalTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="371"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="371"/>
        <source>Current password:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="371"/>
        <source>New password:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="372"/>
        <source>New password again:</source>
        <translation>New password again:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="374"/>
        <source>My password</source>
        <translation>My password</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="375"/>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="399"/>
        <source>Your password is changed.</source>
        <translation>Your password is changed.</translation>
    </message>
</context>
<context>
    <name>PhrasesTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="795"/>
        <source>One phrase per line. A root cause or long-term measure made only of these words is refused; with concrete content (what changes, who, by when) it passes.</source>
        <translation>One phrase per line. A root cause or long-term measure made only of these words is refused; with concrete content (what changes, who, by when) it passes.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="798"/>
        <source>Back to the built-in list</source>
        <translation>Back to the built-in list</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="584"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="584"/>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="584"/>
        <source>Escalate to maker</source>
        <translation>Escalate to maker</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="585"/>
        <source>Note for staff</source>
        <translation>Note for staff</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="586"/>
        <source>Add row</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="587"/>
        <source>Remove row</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="588"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="732"/>
        <source>Replace by preset</source>
        <translation>Replace by preset</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="591"/>
        <source>The most specific row wins; one row must be for any channel and any severity. Amounts are minutes or days, as the kind says. Changes apply to sheets registered from now on.</source>
        <translation>The most specific row wins; one row must be for any channel and any severity. Amounts are minutes or days, as the kind says. Changes apply to sheets registered from now on.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="616"/>
        <source>(any)</source>
        <translation>(any)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="715"/>
        <source>Row %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="733"/>
        <source>Replace the rows of the table by the preset “%1”? Nothing is saved until you press Save; Refresh (F5) brings the saved table back.</source>
        <translation>Replace the rows of the table by the preset “%1”? Nothing is saved until you press Save; Refresh (F5) brings the saved table back.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="744"/>
        <source>Preset loaded: press Save to keep it.</source>
        <translation>Preset loaded: press Save to keep it.</translation>
    </message>
</context>
<context>
    <name>RepeatPanel</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="147"/>
        <source>This customer&apos;s complaints (open, or in the last %1 days): %2</source>
        <translation>This customer&apos;s complaints (open, or in the last %1 days): %2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="151"/>
        <source>Repeats %1</source>
        <translation>Repeats %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="152"/>
        <source>Not linked to an earlier complaint.</source>
        <translation>Not linked to an earlier complaint.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="181"/>
        <source>Open sheet</source>
        <translation>Open sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="182"/>
        <source>Link this sheet to it</source>
        <translation>Link this sheet to it</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="183"/>
        <source>Unlink</source>
        <translation>Unlink</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="486"/>
        <source>Store:</source>
        <translation>Store:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="488"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="488"/>
        <source>Working hours</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="489"/>
        <source>Deadlines (SLA)</source>
        <translation>Deadlines (SLA)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="489"/>
        <source>Banned phrases</source>
        <translation>Banned phrases</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="490"/>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="490"/>
        <source>Users and roles</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="491"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="491"/>
        <source>Language and password</source>
        <translation>Language and password</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="492"/>
        <source>Time and warnings</source>
        <translation>Time and warnings</translation>
    </message>
</context>
<context>
    <name>SheetForm</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="351"/>
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="352"/>
        <source>Response:</source>
        <translation>Response:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="353"/>
        <source>Resolution:</source>
        <translation>Resolution:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="318"/>
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="376"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="505"/>
        <source>Vehicle or order</source>
        <translation>Vehicle or order</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="552"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="618"/>
        <source>Responsibility</source>
        <translation>Responsibility</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="728"/>
        <source>Root cause, correction and measure</source>
        <translation>Root cause, correction and measure</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="792"/>
        <source>Corrective and preventive actions</source>
        <translation>Corrective and preventive actions</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="815"/>
        <source>Return visits</source>
        <translation>Return visits</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="871"/>
        <source>Progress log</source>
        <translation>Progress log</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="904"/>
        <source>Close-out</source>
        <translation>Close-out</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="924"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="320"/>
        <source>Number:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="321"/>
        <source>&amp;Store:</source>
        <translation>&amp;Store:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="322"/>
        <source>&amp;Received:</source>
        <translation>&amp;Received:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="323"/>
        <source>Received by:</source>
        <translation>Received by:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="324"/>
        <source>C&amp;hannel:</source>
        <translation>C&amp;hannel:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="325"/>
        <source>Se&amp;verity:</source>
        <translation>Se&amp;verity:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="326"/>
        <source>Cate&amp;gory:</source>
        <translation>Cate&amp;gory:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="507"/>
        <source>Vehicle / &amp;order:</source>
        <translation>Vehicle / &amp;order:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="508"/>
        <source>VIN:</source>
        <translation>VIN:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="509"/>
        <source>Plate:</source>
        <translation>Plate:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="510"/>
        <source>Brand:</source>
        <translation>Brand:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="511"/>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="512"/>
        <source>Mileage (km):</source>
        <translation>Mileage (km):</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="515"/>
        <source>17 characters, or the last 6 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="554"/>
        <source>What the customer sa&amp;ys:</source>
        <translation>What the customer sa&amp;ys:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="555"/>
        <source>What the customer as&amp;ks for:</source>
        <translation>What the customer as&amp;ks for:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="620"/>
        <source>Responsible &amp;area:</source>
        <translation>Responsible &amp;area:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="621"/>
        <source>Responsible perso&amp;n:</source>
        <translation>Responsible perso&amp;n:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="730"/>
        <source>Roo&amp;t cause:</source>
        <translation>Roo&amp;t cause:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="731"/>
        <source>Immediate &amp;correction:</source>
        <translation>Immediate &amp;correction:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="732"/>
        <source>Compensation (¥):</source>
        <translation>Compensation (¥):</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="733"/>
        <source>&amp;Long-term measure:</source>
        <translation>&amp;Long-term measure:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="734"/>
        <source>Rework:</source>
        <translation>Rework:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="558"/>
        <source>In the customer&apos;s own words</source>
        <translation>In the customer&apos;s own words</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="737"/>
        <source>What actually went wrong, where and why</source>
        <translation>What actually went wrong, where and why</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="738"/>
        <source>What was done for this customer: repair, refund, exchange, apology…</source>
        <translation>What was done for this customer: repair, refund, exchange, apology…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="740"/>
        <source>What changes so it does not happen again, who owns it and by when (not just “strengthen training”)</source>
        <translation>What changes so it does not happen again, who owns it and by when (not just “strengthen training”)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="743"/>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="514"/>
        <source>e.g. 35000</source>
        <translation>e.g. 35000</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="517"/>
        <source>e.g. 京A12345</source>
        <translation>e.g. 京A12345</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="744"/>
        <source>Needed</source>
        <translation>Needed</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="745"/>
        <source>Completed at</source>
        <translation>Completed at</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="873"/>
        <source>What was done or told to the customer</source>
        <translation>What was done or told to the customer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="874"/>
        <source>Customer told</source>
        <translation>Customer told</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="875"/>
        <source>A&amp;dd entry</source>
        <translation>A&amp;dd entry</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="793"/>
        <source>Add action…</source>
        <translation>Add action…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="794"/>
        <source>Check effectiveness…</source>
        <translation>Check effectiveness…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="356"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="357"/>
        <source>Save the sheet (Ctrl+S)</source>
        <translation>Save the sheet (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="358"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="359"/>
        <source>Print the sheet for signatures (Ctrl+P)</source>
        <translation>Print the sheet for signatures (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="360"/>
        <source>Reply l&amp;etter…</source>
        <translation>Reply l&amp;etter…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="361"/>
        <source>Close window</source>
        <translation>Close window</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="362"/>
        <source>Close this window (Esc)</source>
        <translation>Close this window (Esc)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="796"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="796"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="797"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="797"/>
        <source>Effectiveness</source>
        <translation>Effectiveness</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="817"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="877"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="926"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="817"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="877"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="926"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="818"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="818"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="819"/>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="878"/>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="927"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="927"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="623"/>
        <source>(not decided)</source>
        <translation>(not decided)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="592"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="627"/>
        <source>(nobody yet)</source>
        <translation>(nobody yet)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="421"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="431"/>
        <source>Order %1 (%2, %3)</source>
        <translation>Order %1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="435"/>
        <source>New vehicle…</source>
        <translation>New vehicle…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="423"/>
        <source>New complaint sheet</source>
        <translation>New complaint sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="280"/>
        <source>(given when saved)</source>
        <translation>(given when saved)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="108"/>
        <source>Save the sheet first.</source>
        <translation>Save the sheet first.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="899"/>
        <source>Closed by %1 at %2.</source>
        <translation>Closed by %1 at %2.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="462"/>
        <source>Possible only when the sheet is: %1 (now: %2).</source>
        <translation>Possible only when the sheet is: %1 (now: %2).</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="470"/>
        <source>Record that the complaint was answered now</source>
        <translation>Record that the complaint was answered now</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="471"/>
        <source>Give the sheet to the responsible area and person chosen above</source>
        <translation>Give the sheet to the responsible area and person chosen above</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="473"/>
        <source>Stop the resolution clock while the customer must act</source>
        <translation>Stop the resolution clock while the customer must act</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="474"/>
        <source>Start the resolution clock again</source>
        <translation>Start the resolution clock again</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="475"/>
        <source>Needs the root cause, the correction and a concrete long-term measure</source>
        <translation>Needs the root cause, the correction and a concrete long-term measure</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="477"/>
        <source>Record the customer&apos;s feedback and satisfaction</source>
        <translation>Record the customer&apos;s feedback and satisfaction</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="478"/>
        <source>Close the sheet (service director)</source>
        <translation>Close the sheet (service director)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="479"/>
        <source>Work on the sheet again</source>
        <translation>Work on the sheet again</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="486"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="487"/>
        <source>set when saved</source>
        <translation>set when saved</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="490"/>
        <source>The deadlines follow the store&apos;s policy for the channel and severity chosen.</source>
        <translation>The deadlines follow the store&apos;s policy for the channel and severity chosen.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="504"/>
        <source>Answered %1</source>
        <translation>Answered %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="505"/>
        <source>on time</source>
        <translation>on time</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="505"/>
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="526"/>
        <source>Major media complaint: escalated to the manufacturer&apos;s PR department.</source>
        <translation>Major media complaint: escalated to the manufacturer&apos;s PR department.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="56"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="787"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="57"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="789"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="58"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="791"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="59"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="793"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="62"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="795"/>
        <source>Mileage (km)</source>
        <translation>Mileage (km)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="63"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="797"/>
        <source>What the customer says</source>
        <translation>What the customer says</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="64"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="798"/>
        <source>What the customer asks for</source>
        <translation>What the customer asks for</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="68"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="800"/>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="69"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="801"/>
        <source>Immediate correction</source>
        <translation>Immediate correction</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="70"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="802"/>
        <source>Compensation (¥)</source>
        <translation>Compensation (¥)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="71"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="804"/>
        <source>Long-term measure</source>
        <translation>Long-term measure</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="65"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="805"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="52"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="806"/>
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="930"/>
        <source>What the customer must do:</source>
        <translation>What the customer must do:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="936"/>
        <source>The resolution clock stops until you resume the sheet.</source>
        <translation>The resolution clock stops until you resume the sheet.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="940"/>
        <source>(choose 1–5)</source>
        <translation>(choose 1–5)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="950"/>
        <source>Satisfaction (1 = very dissatisfied, 5 = very satisfied):</source>
        <translation>Satisfaction (1 = very dissatisfied, 5 = very satisfied):</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="953"/>
        <source>What the customer said:</source>
        <translation>What the customer said:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="955"/>
        <source>Kind of visit:</source>
        <translation>Kind of visit:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="956"/>
        <source>How:</source>
        <translation>How:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="967"/>
        <source>Closing remark:</source>
        <translation>Closing remark:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="973"/>
        <source>Closing ends the work on this complaint. It can be reopened by the service director.</source>
        <translation>Closing ends the work on this complaint. It can be reopened by the service director.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="977"/>
        <source>Why it is reopened:</source>
        <translation>Why it is reopened:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1023"/>
        <source>(choose)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1029"/>
        <source>What changes:</source>
        <translation>What changes:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1031"/>
        <source>Owner:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1032"/>
        <source>Due:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1040"/>
        <source>Add a corrective action</source>
        <translation>Add a corrective action</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1057"/>
        <source>Result:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1058"/>
        <source>How it was checked:</source>
        <translation>How it was checked:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1067"/>
        <source>Effectiveness of: %1</source>
        <translation>Effectiveness of: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1096"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1097"/>
        <source>Save your changes to this sheet?</source>
        <translation>Save your changes to this sheet?</translation>
    </message>
</context>
<context>
    <name>SheetTableModel</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="55"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="56"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="57"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="58"/>
        <source>Plate / order</source>
        <translation>Plate / order</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="59"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="60"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="61"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="62"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="63"/>
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="64"/>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="65"/>
        <source>Text match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="141"/>
        <source>Searching complaints…</source>
        <translation>Searching complaints…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="160"/>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
</context>
<context>
    <name>SheetWindow</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1150"/>
        <source>%1 — archive (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="159"/>
        <source>Store &amp;name:</source>
        <translation>Store &amp;name:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="159"/>
        <source>Store code:</source>
        <translation>Store code:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="159"/>
        <source>Preset:</source>
        <translation>Preset:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="160"/>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="160"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="161"/>
        <source>Keep closed sheets (&amp;years):</source>
        <translation>Keep closed sheets (&amp;years):</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="161"/>
        <source>Largest attachment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="162"/>
        <source>All attachments of a sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="164"/>
        <source>The code starts every sheet number; it cannot change.</source>
        <translation>The code starts every sheet number; it cannot change.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="167"/>
        <source>Closed sheets are kept at least this long. Older ones can be written to an archive file (which the program opens read-only) and then, only if you ask, removed here; nothing is removed by age alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="170"/>
        <source>Archive older closed sheets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="176"/>
        <source>Archive file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="177"/>
        <source>Archive (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="180"/>
        <source>Remove archived sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="181"/>
        <source>%1 closed sheet(s) were written to the archive and checked. Remove them from this database now? (The archive keeps them.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="196"/>
        <source>%1 sheet(s) archived to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeAndWarningsTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="75"/>
        <source>Store &amp;time zone:</source>
        <translation>Store &amp;time zone:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="75"/>
        <source>Warn in the &amp;last:</source>
        <translation>Warn in the &amp;last:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="76"/>
        <source>…but at least (&amp;minutes):</source>
        <translation>…but at least (&amp;minutes):</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="78"/>
        <source>Share of the time a deadline allows</source>
        <translation>Share of the time a deadline allows</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="80"/>
        <source>Every desk shows and stores times in the store&apos;s time zone, whatever the time zone of its computer. A deadline turns amber, and its responsible person is notified, in the last part of the time allowed (a third of a 2-hour response: 40 minutes), never shorter than the minimum. Other desks use the new values within seconds.</source>
        <translation>Every desk shows and stores times in the store&apos;s time zone, whatever the time zone of its computer. A deadline turns amber, and its responsible person is notified, in the last part of the time allowed (a third of a 2-hour response: 40 minutes), never shorter than the minimum. Other desks use the new values within seconds.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="89"/>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="90"/>
        <source>Add user…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="91"/>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="92"/>
        <source>Set password…</source>
        <translation>Set password…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="98"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="98"/>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="100"/>
        <source>Active, no login</source>
        <translation>Active, no login</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="133"/>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="134"/>
        <location filename="../../helpdesk/ui/settings/page.py" line="157"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="135"/>
        <location filename="../../helpdesk/ui/settings/page.py" line="158"/>
        <source>Roles:</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="137"/>
        <source>Password (empty: cannot log in):</source>
        <translation>Password (empty: cannot log in):</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="146"/>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="153"/>
        <source>May log in and be chosen</source>
        <translation>May log in and be chosen</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="160"/>
        <source>Active:</source>
        <translation>Active:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="168"/>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="177"/>
        <source>New password:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="184"/>
        <source>Password of %1</source>
        <translation>Password of %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="189"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="76"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="78"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="104"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="215"/>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="269"/>
        <source>Choose the database to open.</source>
        <translation>Choose the database to open.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="297"/>
        <source>Preparing customer figures…</source>
        <translation>Preparing customer figures…</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="26"/>
        <source>Dealership after-sales (seed 003)</source>
        <translation>Dealership after-sales (seed 003)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="27"/>
        <source>Retail store (seed 004)</source>
        <translation>Retail store (seed 004)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="28"/>
        <source>General customer service (seed 002)</source>
        <translation>General customer service (seed 002)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="32"/>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="33"/>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="34"/>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="35"/>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="36"/>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="37"/>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="38"/>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="42"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="43"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="44"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="45"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="46"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="47"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="48"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="49"/>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="50"/>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="51"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="52"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="53"/>
        <source>Issued reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../helpdesk/ui/widgets.py" line="206"/>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets.py" line="346"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
