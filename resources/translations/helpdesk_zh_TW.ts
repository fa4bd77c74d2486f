<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="156"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="157"/>
        <source>Caption for the next files</source>
        <translation>下一批檔案的說明</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="158"/>
        <source>Add files…</source>
        <translation>新增檔案…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="159"/>
        <source>Paste</source>
        <translation>貼上</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="160"/>
        <source>Paste a screenshot or copied files (Ctrl+V)</source>
        <translation>貼上截圖或已複製的檔案（Ctrl+V）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="161"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="162"/>
        <source>Remove…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="189"/>
        <source>%1 · %2
Added by %3 at %4</source>
        <translation>%1 · %2
由 %3 於 %4 新增</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="216"/>
        <source>Save the sheet first; then add photos and files here (or drop them onto this box).</source>
        <translation>請先儲存抱怨單，然後在此新增照片和檔案（或拖放到此框中）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="219"/>
        <source>Drop files or a picture here, or paste a screenshot with Ctrl+V.</source>
        <translation>可將檔案或圖片拖放到此處，或用 Ctrl+V 貼上截圖。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="277"/>
        <source>Attach files</source>
        <translation>新增附件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="317"/>
        <source>Remove attachment</source>
        <translation>刪除附件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="318"/>
        <source>Why is “%1” removed? (kept in the audit trail)</source>
        <translation>為什麼刪除“%1”？（記入審計記錄）</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="45"/>
        <source>Backups</source>
        <translation>備份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="49"/>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="115"/>
        <source>Back up now…</source>
        <translation>立即備份…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="52"/>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="135"/>
        <source>Restore from a backup…</source>
        <translation>從備份還原…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="60"/>
        <source>Back up automatically every day</source>
        <translation>每天自動備份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="64"/>
        <source>e.g. E:\Helpdesk backups (a USB drive)</source>
        <translation>如 E:\Helpdesk 備份（隨身碟）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="66"/>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="74"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="77"/>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="109"/>
        <source>Folder:</source>
        <translation>資料夾：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="78"/>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="98"/>
        <source>Last backup: %1</source>
        <translation>上次備份：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="100"/>
        <source>none yet</source>
        <translation>暫無</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="125"/>
        <source>Backing up…</source>
        <translation>正在備份…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="129"/>
        <source>Backup written to %1</source>
        <translation>備份已寫入 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="136"/>
        <source>Helpdesk database (*.db);;All files (*)</source>
        <translation>Helpdesk 資料庫 (*.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="140"/>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="141"/>
        <source>Replace the database with %1? Close Helpdesk on every other desk first. The current database is kept as a backup.</source>
        <translation>用 %1 取代資料庫？請先關閉其他電腦上的 Helpdesk。目前資料庫會先儲存為備份。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="153"/>
        <source>Restored from %1. Log in again to work on it.</source>
        <translation>已從 %1 還原。請重新登入後繼續工作。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="167"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="433"/>
        <source>Open</source>
        <translation>營業</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="434"/>
        <source>Make-up day hours:</source>
        <translation>調休日營業時間：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="435"/>
        <source>Public holidays (closed):</source>
        <translation>法定節假日（休息）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="436"/>
        <source>Make-up working days (调休, open):</source>
        <translation>調休工作日（營業）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="438"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="439"/>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="440"/>
        <source>to (optional)</source>
        <translation>至（可選）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="441"/>
        <source>Load official holidays</source>
        <translation>載入法定節假日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="442"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="493"/>
        <source>Import list…</source>
        <translation>匯入清單…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="444"/>
        <source>A text file with one date or range per line, e.g. 2027-10-01~2027-10-07; a line with 补班 or workday is a make-up working day</source>
        <translation>文字檔，每行一個日期或日期範圍，如 2027-10-01~2027-10-07；含「補班」或 workday 的行是調休上班日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="446"/>
        <source>Deadlines such as “30 minutes” or “before the end of the working day” run on these hours. Changes apply to sheets registered from now on.</source>
        <translation>“30分鐘”“下班前”等時限按這些營業時間計算。修改只對今後登記的抱怨單生效。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="461"/>
        <source>%1: %2 days off and %3 make-up working days added; press Save to keep them.</source>
        <translation>%1 年：已新增 %2 天休息日和 %3 天調休上班日；請按「儲存」保留。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="488"/>
        <source>%1 days off and %2 make-up working days added; press Save to keep them.</source>
        <translation>已新增 %1 天休息日和 %2 天調休上班日；請按「儲存」保留。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="494"/>
        <source>Text (*.txt *.csv);;All files (*)</source>
        <translation>文字 (*.txt *.csv);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="864"/>
        <source>Code</source>
        <translation>程式碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="864"/>
        <source>Simplified Chinese</source>
        <translation>簡體中文</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="864"/>
        <source>Traditional Chinese</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="865"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="866"/>
        <source>Add category</source>
        <translation>新增類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="867"/>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="868"/>
        <source>Leave the code of a new category empty: it is made from the pinyin of the Simplified Chinese name when you save. A category used by complaint sheets cannot be removed.</source>
        <translation>新類別的代碼可以留空：儲存時由簡體中文名稱的拼音生成。已被抱怨單使用的類別不能刪除。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="929"/>
        <source>Row %1: </source>
        <translation>第 %1 行：</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="174"/>
        <source>Your input and the saved sheet</source>
        <translation>您的輸入與已儲存的抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="178"/>
        <source>Field</source>
        <translation>專案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="178"/>
        <source>Your input</source>
        <translation>您的輸入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="178"/>
        <source>Saved now</source>
        <translation>當前已儲存的內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="192"/>
        <source>Differences are in bold. Copy what you need (select a cell and press Ctrl+C), then reload.</source>
        <translation>不同之處以粗體顯示。請複製需要的內容（選中單元格後按 Ctrl+C），再重新載入。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="196"/>
        <source>&amp;Reload now</source>
        <translation>立即重新載入(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ComplaintListPage</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="200"/>
        <source>&amp;Search:</source>
        <translation>搜尋(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="202"/>
        <source>Number or its last digits, name, pinyin (zs), phone tail, plate, VIN tail, order, words in the text (Ctrl+F)</source>
        <translation>單號或其末幾位、姓名、拼音（zs）、電話尾號、車牌、車架號尾號、訂單號、內容中的文字（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="204"/>
        <source>S&amp;tatus:</source>
        <translation>狀態(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="205"/>
        <source>&amp;New sheet</source>
        <translation>新建抱怨單(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="206"/>
        <source>Register a new complaint (Ctrl+N)</source>
        <translation>登記新的抱怨（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="207"/>
        <source>&amp;Mine</source>
        <translation>我負責的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="208"/>
        <source>Only sheets I am responsible for</source>
        <translation>只顯示我負責的抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="209"/>
        <source>Re&amp;gistered by me</source>
        <translation>我登記的(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="210"/>
        <source>Only sheets I registered</source>
        <translation>只顯示我登記的抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="211"/>
        <source>Received from</source>
        <translation>接收日期從</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="212"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="213"/>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="214"/>
        <source>Open (not closed)</source>
        <translation>未關閉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="214"/>
        <source>All statuses</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="219"/>
        <source>Any deadline</source>
        <translation>不限時限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="222"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="226"/>
        <source>All severities</source>
        <translation>全部嚴重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="230"/>
        <source>All categories</source>
        <translation>全部類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="234"/>
        <source>All stores</source>
        <translation>全部門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="415"/>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="441"/>
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n 張抱怨單</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="442"/>
        <source>searched in %1 s</source>
        <translation>用時 %1 秒</translation>
    </message>
</context>
<context>
    <name>ConcurrentNotice</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="53"/>
        <source>Vehicle or order</source>
        <translation>車輛或訂單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="54"/>
        <source>Rework</source>
        <translation>返修</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="60"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="73"/>
        <source>Corrective actions</source>
        <translation>糾正措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="74"/>
        <source>Return visits</source>
        <translation>回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="75"/>
        <source>Progress log</source>
        <translation>處理進展</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="76"/>
        <source>Linked sheet</source>
        <translation>關聯的抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="102"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="103"/>
        <source>the sheet</source>
        <translation>抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="133"/>
        <source>&amp;Merge into my input</source>
        <translation>合併到我的輸入(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="134"/>
        <source>Co&amp;mpare…</source>
        <translation>對比(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="135"/>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="141"/>
        <source>Another user</source>
        <translation>另一位使用者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="143"/>
        <source>%1 changed this sheet at %2: %3.</source>
        <translation>%1 於 %2 修改了這張抱怨單：%3。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="147"/>
        <source>You changed %1 too: saving would be refused. Compare, copy your text, then reload.</source>
        <translation>您也修改了%1：儲存將被拒絕。請先對比並複製您的內容，再重新載入。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="150"/>
        <source>Your input is in other fields: merge it into their version, then save.</source>
        <translation>您的輸入在其他欄目：可合併到對方的版本後再儲存。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="125"/>
        <source>Saved by someone else</source>
        <translation>已被他人儲存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="127"/>
        <source>Another user</source>
        <translation>另一位使用者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="130"/>
        <source>%1 saved this sheet at %2, after you opened it. Your changes were NOT saved, and nothing of theirs was overwritten.

Reload to see their version (your input is lost unless you copy it), or compare the two first.</source>
        <translation>%1 在 %2 儲存了這張抱怨單，晚於您打開的時間。您的修改沒有儲存，對方的內容也沒有被覆蓋。

重新載入可檢視對方的版本（您的輸入若不復制將會丟失），也可以先對比兩者。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="137"/>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="140"/>
        <source>&amp;Compare…</source>
        <translation>對比(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="143"/>
        <source>&amp;Keep editing</source>
        <translation>繼續編輯(&amp;K)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../helpdesk/ui/crash.py" line="39"/>
        <source>Helpdesk — unexpected error</source>
        <translation>Helpdesk — 意外錯誤</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/crash.py" line="41"/>
        <source>Something went wrong, and what you were doing may not have been finished. Helpdesk is still running: check your last change, then carry on.

If it happens again, send the log file to your support contact:
%1</source>
        <translation>出現了問題，剛才的操作可能沒有完成。Helpdesk 仍在執行：請檢查最後一次修改，然後繼續工作。

如果再次出現，請把日誌檔案傳給技術支援人員：
%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/crash.py" line="46"/>
        <source>Open log folder</source>
        <translation>開啟日誌資料夾</translation>
    </message>
</context>
<context>
    <name>CustomerFinder</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="123"/>
        <source>Name, pinyin (zs), phone or last 4 digits, plate, VIN tail, order no.</source>
        <translation>姓名、拼音（zs）、電話或後4位、車牌、車架號尾號、訂單號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="124"/>
        <source>New c&amp;ustomer</source>
        <translation>新客戶(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="125"/>
        <source>The customer is not on file yet: type their name and phone; they are saved with the sheet</source>
        <translation>客戶尚未建檔：請輸入姓名和電話，將與抱怨單一起儲存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="127"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="128"/>
        <source>Phone:</source>
        <translation>電話：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="172"/>
        <source>No customer chosen yet.</source>
        <translation>尚未選擇客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="214"/>
        <source>Matched: %1</source>
        <translation>匹配：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="219"/>
        <source>Showing the best %1 matches: type more of the name, phone or plate to find others.</source>
        <translation>只顯示最相符的 %1 位：再多輸入姓名、電話或車牌可找到其他客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="226"/>
        <source>Nobody found. Check the spelling, or register a new customer.</source>
        <translation>沒有找到。請檢查輸入，或登記新客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="248"/>
        <source>Use %1 instead</source>
        <translation>改用 %1</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="178"/>
        <source>The database cannot be opened</source>
        <translation>無法打開資料庫</translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="243"/>
        <source>Open now: %1</source>
        <translation>當前打開：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="246"/>
        <source>One desk: a SQLite file on this computer (never on a network drive). Several desks: a PostgreSQL server, e.g. postgresql://helpdesk:password@server/helpdesk. Leave empty for the default file in your data folder. The new location is used from the next start.</source>
        <translation>單臺電腦：本機上的 SQLite 檔案（切勿放在網路驅動器上）。多臺電腦共用：PostgreSQL 伺服器，例如 postgresql://helpdesk:password@server/helpdesk。留空則使用資料資料夾中的預設檔案。新位置在下次啟動時生效。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="251"/>
        <source>Choose file…</source>
        <translation>選擇檔案…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="252"/>
        <source>&amp;Test connection</source>
        <translation>測試連線(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="253"/>
        <source>Use from next start</source>
        <translation>下次啟動時使用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="254"/>
        <source>Default file</source>
        <translation>預設檔案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="258"/>
        <source>Database file</source>
        <translation>資料庫檔案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="259"/>
        <source>Helpdesk database (*.db);;All files (*)</source>
        <translation>Helpdesk 資料庫 (*.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="269"/>
        <source>Connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="280"/>
        <source>Testing the database connection…</source>
        <translation>正在測試資料庫連線…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="285"/>
        <source>✗ Cannot connect: %1</source>
        <translation>✗ 無法連線：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="290"/>
        <source>✓ Connected: a Helpdesk database, ready to use.</source>
        <translation>✓ 已連線：Helpdesk 資料庫，可以使用。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="292"/>
        <source>✓ Connected: a Helpdesk database of an older version; it is upgraded (after a backup) when opened.</source>
        <translation>✓ 已連線：舊版本的 Helpdesk 資料庫；打開時會先備份再升級。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="295"/>
        <source>✓ Connected: empty; Helpdesk will offer the first-run setup.</source>
        <translation>✓ 已連線：空資料庫；Helpdesk 將引導初始設定。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="308"/>
        <source>Saved: Helpdesk opens %1 from the next start.</source>
        <translation>已儲存：下次啟動時 Helpdesk 將打開 %1。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="311"/>
        <source>The password is kept in the system&apos;s credential store.</source>
        <translation>密碼保存在系統的憑證管理員中。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="314"/>
        <source>This computer has no credential store: the password is kept in the configuration file, readable only by you.</source>
        <translation>這臺電腦沒有憑證管理員：密碼保存在配置檔案中，只有您能讀取。</translation>
    </message>
</context>
<context>
    <name>DeskTray</name>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/tray.py" line="176"/>
        <source>%n sheet(s) need attention</source>
        <translation>
            <numerusform>%n 張抱怨單需要處理</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="194"/>
        <source>Due soon: %1</source>
        <translation>即將到期：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="195"/>
        <source>%1 — due at %2</source>
        <translation>%1 — %2 到期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="197"/>
        <source>Overdue: %1</source>
        <translation>已逾時：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="198"/>
        <source>%1 — was due at %2</source>
        <translation>%1 — 應於 %2 完成</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="200"/>
        <source>Assigned to you: %1</source>
        <translation>已分派給您：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="206"/>
        <source>New complaint (%1): %2</source>
        <translation>新抱怨（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="214"/>
        <source>Mine: %1 due soon, %2 overdue · Store: %3 due soon, %4 overdue</source>
        <translation>我的：%1 即將到期，%2 已逾時 · 全店：%3 即將到期，%4 已逾時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="227"/>
        <source>Show Helpdesk</source>
        <translation>顯示 Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="228"/>
        <source>Sound with notifications</source>
        <translation>通知時播放提示音</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="171"/>
        <source>Welcome to Helpdesk</source>
        <translation>歡迎使用 Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="173"/>
        <source>This database is empty. Set up your store and its first administrator — or load the demo data to look around first.</source>
        <translation>這個資料庫是空的。請設定您的門店和首位管理員，或者先載入演示資料看看。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="175"/>
        <source>Store</source>
        <translation>門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="176"/>
        <source>First administrator</source>
        <translation>首位管理員</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="178"/>
        <source>Store &amp;name:</source>
        <translation>門店名稱(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="178"/>
        <source>Store &amp;code:</source>
        <translation>門店程式碼(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="179"/>
        <source>&amp;Deadlines:</source>
        <translation>時限規則(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="179"/>
        <source>Working &amp;hours:</source>
        <translation>營業時間(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="180"/>
        <source>Open on:</source>
        <translation>營業日：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="180"/>
        <source>&amp;User name:</source>
        <translation>使用者名稱(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="181"/>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="181"/>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="182"/>
        <source>Password &amp;again:</source>
        <translation>再次輸入密碼(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="186"/>
        <source>Empty: the pinyin initials of the name (天顺 → TS); starts every sheet number</source>
        <translation>留空則取名稱的拼音首字母（天順 → TS）；用作每張抱怨單編號的開頭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="188"/>
        <source>e.g. 天顺汽车4S店</source>
        <translation>如 天順汽車4S店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="190"/>
        <source>at least 8 characters, letters and digits</source>
        <translation>至少8位，包含字母和數字</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="197"/>
        <source>&amp;Set up</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="198"/>
        <source>&amp;Load demo data</source>
        <translation>載入演示資料(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="199"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="244"/>
        <source>Administrator</source>
        <translation>系統管理員</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="254"/>
        <source>Setting up…</source>
        <translation>正在設定…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="297"/>
        <source>Loading the demo data…</source>
        <translation>正在載入演示資料…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="307"/>
        <source>Setting up the store and its staff…</source>
        <translation>正在設定門店和員工…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="308"/>
        <source>Inventing customers…</source>
        <translation>正在生成客戶…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="309"/>
        <source>Inventing complaint sheets…</source>
        <translation>正在生成抱怨單…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="310"/>
        <source>Building the search index…</source>
        <translation>正在建立搜尋索引…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="320"/>
        <source>The demo data is loaded. Log in as one of these users, all with the password %1:</source>
        <translation>演示資料已載入。請用以下任一使用者登入，密碼均為 %1：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="333"/>
        <source>Demo logins</source>
        <translation>演示賬號</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="128"/>
        <source>Log in — Helpdesk</source>
        <translation>登入 — Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="129"/>
        <source>Complaint desk</source>
        <translation>客訴管理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="130"/>
        <source>&amp;User name:</source>
        <translation>使用者名稱(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="131"/>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="132"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="133"/>
        <source>Log &amp;in</source>
        <translation>登入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="134"/>
        <source>&amp;Database…</source>
        <translation>資料庫(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="136"/>
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="163"/>
        <source>Enter your user name.</source>
        <translation>請輸入使用者名稱。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="178"/>
        <source>Checking the password…</source>
        <translation>正在驗證密碼…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/login.py" line="201"/>
        <source>This computer&apos;s clock is %n minute(s) behind the database server&apos;s.</source>
        <translation>
            <numerusform>這台電腦的時鐘比資料庫伺服器慢 %n 分鐘。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/login.py" line="203"/>
        <source>This computer&apos;s clock is %n minute(s) ahead of the database server&apos;s.</source>
        <translation>
            <numerusform>這台電腦的時鐘比資料庫伺服器快 %n 分鐘。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="205"/>
        <source>Clock</source>
        <translation>時鐘</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="206"/>
        <source>Helpdesk uses the server&apos;s time for every sheet; please have the computer&apos;s clock set right.</source>
        <translation>Helpdesk 對每張抱怨單都使用伺服器時間；請讓人把這台電腦的時鐘調準。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="353"/>
        <source>Helpdesk — complaint desk</source>
        <translation>Helpdesk — 客訴管理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="354"/>
        <source>Open &amp;archive…</source>
        <translation>開啟歸檔(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="356"/>
        <source>Read an archive of old closed sheets (read-only)</source>
        <translation>檢視已歸檔的舊抱怨單（唯讀）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="357"/>
        <source>&amp;New sheet</source>
        <translation>新建抱怨單(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="358"/>
        <source>Register a new complaint (Ctrl+N)</source>
        <translation>登記新的抱怨（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="359"/>
        <source>&amp;Open sheet by number…</source>
        <translation>按單號打開(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="360"/>
        <source>&amp;Find</source>
        <translation>查詢(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="361"/>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="362"/>
        <source>&amp;Log out</source>
        <translation>登出(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="363"/>
        <source>&amp;Close archive</source>
        <translation>關閉歸檔(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="364"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="365"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷鍵(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="366"/>
        <source>&amp;About Helpdesk</source>
        <translation>關於 Helpdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="369"/>
        <source>&amp;Import complaint sheets…</source>
        <translation>匯入抱怨單(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="370"/>
        <source>&amp;Backups…</source>
        <translation>備份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="372"/>
        <source>&amp;Verify the audit trail</source>
        <translation>校驗稽核記錄(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="373"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="374"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="375"/>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="380"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="383"/>
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="460"/>
        <source>Archive (read-only): %1</source>
        <translation>歸檔（唯讀）: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="466"/>
        <source>Open archive</source>
        <translation>開啟歸檔</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="467"/>
        <source>Helpdesk archives (*.db);;All files (*)</source>
        <translation>Helpdesk 歸檔檔案 (*.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="486"/>
        <source>Open sheet</source>
        <translation>打開抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="525"/>
        <source>Unsaved sheets found</source>
        <translation>發現未儲存的抱怨單</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/main_window.py" line="526"/>
        <source>%n complaint sheet(s) were not saved when the program last ended. Restore them now?</source>
        <translation>
            <numerusform>上次程序結束時有 %n 張抱怨單未儲存。現在恢復嗎？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="529"/>
        <source>&amp;Restore</source>
        <translation>恢復(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="530"/>
        <source>&amp;Discard</source>
        <translation>丟棄(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="531"/>
        <source>Ask me &amp;later</source>
        <translation>以後再說(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="583"/>
        <source>New complaint sheet</source>
        <translation>新建抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="584"/>
        <source>Open a sheet by its number</source>
        <translation>按單號打開抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="585"/>
        <source>Search the complaint list</source>
        <translation>搜尋抱怨單列表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="586"/>
        <source>Complaints, customers, reports, settings</source>
        <translation>抱怨、客戶、報表、設定</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="587"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="588"/>
        <source>Save the sheet</source>
        <translation>儲存抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="589"/>
        <source>Print the sheet</source>
        <translation>列印抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="590"/>
        <source>Close the dialog or sheet window</source>
        <translation>關閉對話方塊或抱怨單視窗</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="591"/>
        <source>Next / previous field</source>
        <translation>下一項 / 上一項</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="593"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷鍵</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="608"/>
        <source>About Helpdesk</source>
        <translation>關於 Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="620"/>
        <source>Verifying the audit trail…</source>
        <translation>正在校驗稽核記錄…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="625"/>
        <source>The audit trail is intact: %1 entries, each linked to the one before it.</source>
        <translation>稽核記錄完好：共 %1 筆，每筆都與前一筆鏈接。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="631"/>
        <source>The audit trail was altered: entry #%1 (%2, %3) and every entry after it no longer match their hash chain.</source>
        <translation>稽核記錄被改動過：第 %1 筆（%2，%3）及其後的每一筆都與雜湊鏈不符。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="636"/>
        <source>The audit trail was cut short: the last %1 entries are missing (it held %2).</source>
        <translation>稽核記錄被截短：最後 %1 筆記錄缺失（原有 %2 筆）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="641"/>
        <source>The audit trail does not end where its signed anchor says: entries were added or replaced at its end, or the anchor was changed.</source>
        <translation>稽核記錄的結尾與其簽章錨點不符：末尾的記錄被新增或替換，或錨點本身被改動。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="645"/>
        <source>The database&apos;s guards of the audit trail were removed or switched off: %1.</source>
        <translation>資料庫中保護稽核記錄的觸發器已被刪除或停用：%1。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="650"/>
        <source>Audit trail</source>
        <translation>稽核記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="602"/>
        <source>Helpdesk %1 — the complaint desk (客诉管理) for dealership after-sales and retail stores.

Database: %2
Data folder: %3
Log file: %4</source>
        <translation>Helpdesk %1 — 面向4S店售後和零售門店的客訴管理系統。

資料庫：%2
資料資料夾：%3
日誌檔案：%4</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="286"/>
        <source>Backups</source>
        <translation>備份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="287"/>
        <source>The database was restored. Helpdesk closes now; start it again to work on the restored data.</source>
        <translation>資料庫已還原。Helpdesk 現在關閉；請重新啟動以使用還原後的資料。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="316"/>
        <source>Last backup: %1</source>
        <translation>上次備份：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="317"/>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="319"/>
        <source>Older than 2 days: back up now (File &gt; Backups…)</source>
        <translation>已超過2天：請立即備份（檔案 &gt; 備份…）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="332"/>
        <source>No public holidays for next year yet (%1): Settings &gt; Calendar &gt; Load official holidays</source>
        <translation>明年還沒有法定節假日（%1）：設定 &gt; 營業時間 &gt; 載入法定節假日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="367"/>
        <source>Open &amp;log folder</source>
        <translation>開啟日誌資料夾(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="368"/>
        <source>Copy &amp;diagnostics</source>
        <translation>複製診斷資訊(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="487"/>
        <source>Sheet number or its last digits (e.g. TS-2026-000123 or 123):</source>
        <translation>抱怨單號或其末幾位（例如 TS-2026-000123 或 123）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="612"/>
        <source>Diagnostics copied to the clipboard</source>
        <translation>診斷資訊已複製到剪貼簿</translation>
    </message>
</context>
<context>
    <name>PersonalTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="371"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="371"/>
        <source>Current password:</source>
        <translation>當前密碼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="371"/>
        <source>New password:</source>
        <translation>新密碼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="372"/>
        <source>New password again:</source>
        <translation>再次輸入新密碼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="374"/>
        <source>My password</source>
        <translation>我的密碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="375"/>
        <source>Change my password</source>
        <translation>修改我的密碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="399"/>
        <source>Your password is changed.</source>
        <translation>您的密碼已修改。</translation>
    </message>
</context>
<context>
    <name>PhrasesTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="795"/>
        <source>One phrase per line. A root cause or long-term measure made only of these words is refused; with concrete content (what changes, who, by when) it passes.</source>
        <translation>每行一條短語。只由這些空話組成的根本原因或長期措施將被拒絕；含有具體內容（改變什麼、由誰、何時完成）的可以通過。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="798"/>
        <source>Back to the built-in list</source>
        <translation>恢復內建列表</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <source>Channel</source>
        <translation>接收渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <source>Response</source>
        <translation>響應</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="584"/>
        <source>Amount</source>
        <translation>數值</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="584"/>
        <source>Resolution</source>
        <translation>解決</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="584"/>
        <source>Escalate to maker</source>
        <translation>上報廠家</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="585"/>
        <source>Note for staff</source>
        <translation>員工須知</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="586"/>
        <source>Add row</source>
        <translation>新增一行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="587"/>
        <source>Remove row</source>
        <translation>刪除一行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="588"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="732"/>
        <source>Replace by preset</source>
        <translation>替換為預設</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="591"/>
        <source>The most specific row wins; one row must be for any channel and any severity. Amounts are minutes or days, as the kind says. Changes apply to sheets registered from now on.</source>
        <translation>以最具體的一行為準；必須有一行適用於任意渠道和任意嚴重程度。數值按型別表示分鐘或天數。修改只對今後登記的抱怨單生效。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="616"/>
        <source>(any)</source>
        <translation>（任意）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="715"/>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="733"/>
        <source>Replace the rows of the table by the preset “%1”? Nothing is saved until you press Save; Refresh (F5) brings the saved table back.</source>
        <translation>用預設「%1」取代表中的規則？按「儲存」之前不會儲存；「重新整理」（F5）可恢復已儲存的表。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="744"/>
        <source>Preset loaded: press Save to keep it.</source>
        <translation>已載入預設：按「儲存」後生效。</translation>
    </message>
</context>
<context>
    <name>RepeatPanel</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="147"/>
        <source>This customer&apos;s complaints (open, or in the last %1 days): %2</source>
        <translation>該客戶的抱怨（未關閉的，或最近 %1 天內的）：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="151"/>
        <source>Repeats %1</source>
        <translation>重複投訴，關聯 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="152"/>
        <source>Not linked to an earlier complaint.</source>
        <translation>未關聯以前的抱怨單。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Number</source>
        <translation>單號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Received</source>
        <translation>接收時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Complaint</source>
        <translation>抱怨內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="181"/>
        <source>Open sheet</source>
        <translation>開啟該單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="182"/>
        <source>Link this sheet to it</source>
        <translation>將本單關聯到它</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="183"/>
        <source>Unlink</source>
        <translation>取消關聯</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="486"/>
        <source>Store:</source>
        <translation>門店：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="488"/>
        <source>Store</source>
        <translation>門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="488"/>
        <source>Working hours</source>
        <translation>營業時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="489"/>
        <source>Deadlines (SLA)</source>
        <translation>處理時限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="489"/>
        <source>Banned phrases</source>
        <translation>停用空話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="490"/>
        <source>Categories</source>
        <translation>抱怨類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="490"/>
        <source>Users and roles</source>
        <translation>使用者和角色</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="491"/>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="491"/>
        <source>Language and password</source>
        <translation>語言和密碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="492"/>
        <source>Time and warnings</source>
        <translation>時間與預警</translation>
    </message>
</context>
<context>
    <name>SheetForm</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="351"/>
        <source>Deadlines</source>
        <translation>處理時限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="352"/>
        <source>Response:</source>
        <translation>響應：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="353"/>
        <source>Resolution:</source>
        <translation>解決：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="318"/>
        <source>Sheet</source>
        <translation>抱怨單資訊</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="376"/>
        <source>Customer</source>
        <translation>客戶資訊</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="505"/>
        <source>Vehicle or order</source>
        <translation>車輛資訊 / 訂單資訊</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="552"/>
        <source>Complaint</source>
        <translation>抱怨/投訴內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="618"/>
        <source>Responsibility</source>
        <translation>責任</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="728"/>
        <source>Root cause, correction and measure</source>
        <translation>根本原因、缺點糾正與措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="792"/>
        <source>Corrective and preventive actions</source>
        <translation>糾正與預防措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="815"/>
        <source>Return visits</source>
        <translation>回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="871"/>
        <source>Progress log</source>
        <translation>處理記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="904"/>
        <source>Close-out</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="924"/>
        <source>History</source>
        <translation>處理歷程</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="320"/>
        <source>Number:</source>
        <translation>單號：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="321"/>
        <source>&amp;Store:</source>
        <translation>門店(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="322"/>
        <source>&amp;Received:</source>
        <translation>接收時間(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="323"/>
        <source>Received by:</source>
        <translation>接待人：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="324"/>
        <source>C&amp;hannel:</source>
        <translation>接收渠道(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="325"/>
        <source>Se&amp;verity:</source>
        <translation>嚴重程度(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="326"/>
        <source>Cate&amp;gory:</source>
        <translation>抱怨類別(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="507"/>
        <source>Vehicle / &amp;order:</source>
        <translation>車輛 / 訂單(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="508"/>
        <source>VIN:</source>
        <translation>車架號：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="509"/>
        <source>Plate:</source>
        <translation>車牌號：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="510"/>
        <source>Brand:</source>
        <translation>品牌：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="511"/>
        <source>Model:</source>
        <translation>車型：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="512"/>
        <source>Mileage (km):</source>
        <translation>里程（公里）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="515"/>
        <source>17 characters, or the last 6 or more</source>
        <translation>17位，或至少後6位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="554"/>
        <source>What the customer sa&amp;ys:</source>
        <translation>抱怨內容(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="555"/>
        <source>What the customer as&amp;ks for:</source>
        <translation>客戶訴求(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="620"/>
        <source>Responsible &amp;area:</source>
        <translation>責任部門(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="621"/>
        <source>Responsible perso&amp;n:</source>
        <translation>責任人(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="730"/>
        <source>Roo&amp;t cause:</source>
        <translation>根本原因(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="731"/>
        <source>Immediate &amp;correction:</source>
        <translation>缺點糾正(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="732"/>
        <source>Compensation (¥):</source>
        <translation>補償（元）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="733"/>
        <source>&amp;Long-term measure:</source>
        <translation>長期措施(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="734"/>
        <source>Rework:</source>
        <translation>返修：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="558"/>
        <source>In the customer&apos;s own words</source>
        <translation>用客戶自己的話記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="737"/>
        <source>What actually went wrong, where and why</source>
        <translation>究竟哪裡出了問題、在哪個環節、為什麼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="738"/>
        <source>What was done for this customer: repair, refund, exchange, apology…</source>
        <translation>為該客戶做了什麼：維修、退款、換貨、道歉…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="740"/>
        <source>What changes so it does not happen again, who owns it and by when (not just “strengthen training”)</source>
        <translation>為防止再次發生要改變什麼、由誰負責、何時完成（不能只寫“加強培訓”）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="743"/>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="514"/>
        <source>e.g. 35000</source>
        <translation>如 35000</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="517"/>
        <source>e.g. 京A12345</source>
        <translation>如 京A12345</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="744"/>
        <source>Needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="745"/>
        <source>Completed at</source>
        <translation>完成於</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="873"/>
        <source>What was done or told to the customer</source>
        <translation>做了什麼或告訴了客戶什麼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="874"/>
        <source>Customer told</source>
        <translation>已告知客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="875"/>
        <source>A&amp;dd entry</source>
        <translation>新增記錄(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="793"/>
        <source>Add action…</source>
        <translation>新增措施…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="794"/>
        <source>Check effectiveness…</source>
        <translation>驗證效果…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="356"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="357"/>
        <source>Save the sheet (Ctrl+S)</source>
        <translation>儲存抱怨單（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="358"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="359"/>
        <source>Print the sheet for signatures (Ctrl+P)</source>
        <translation>列印抱怨單以供簽字（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="360"/>
        <source>Reply l&amp;etter…</source>
        <translation>回覆函(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="361"/>
        <source>Close window</source>
        <translation>關閉視窗</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="362"/>
        <source>Close this window (Esc)</source>
        <translation>關閉此視窗（Esc）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="796"/>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="796"/>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="797"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="797"/>
        <source>Effectiveness</source>
        <translation>效果</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="817"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="877"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="926"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="817"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="877"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="926"/>
        <source>By</source>
        <translation>經辦人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="818"/>
        <source>Satisfaction</source>
        <translation>滿意度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="818"/>
        <source>Kind</source>
        <translation>型別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="819"/>
        <source>Feedback</source>
        <translation>客戶反饋</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="878"/>
        <source>Entry</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="927"/>
        <source>Step</source>
        <translation>步驟</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="927"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="623"/>
        <source>(not decided)</source>
        <translation>（未確定）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="592"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="627"/>
        <source>(nobody yet)</source>
        <translation>（尚未指定）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="421"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="431"/>
        <source>Order %1 (%2, %3)</source>
        <translation>訂單 %1（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="435"/>
        <source>New vehicle…</source>
        <translation>新車輛…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="423"/>
        <source>New complaint sheet</source>
        <translation>新建抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="280"/>
        <source>(given when saved)</source>
        <translation>（儲存時生成）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="108"/>
        <source>Save the sheet first.</source>
        <translation>請先儲存抱怨單。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="899"/>
        <source>Closed by %1 at %2.</source>
        <translation>由 %1 於 %2 關閉。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="462"/>
        <source>Possible only when the sheet is: %1 (now: %2).</source>
        <translation>僅當抱怨單處於以下狀態時可用：%1（當前：%2）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="470"/>
        <source>Record that the complaint was answered now</source>
        <translation>記錄現在已響應該抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="471"/>
        <source>Give the sheet to the responsible area and person chosen above</source>
        <translation>把抱怨單交給上面選定的責任部門和責任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="473"/>
        <source>Stop the resolution clock while the customer must act</source>
        <translation>在需要客戶處理期間暫停解決計時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="474"/>
        <source>Start the resolution clock again</source>
        <translation>重新開始解決計時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="475"/>
        <source>Needs the root cause, the correction and a concrete long-term measure</source>
        <translation>需要根本原因、缺點糾正和具體的長期措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="477"/>
        <source>Record the customer&apos;s feedback and satisfaction</source>
        <translation>記錄客戶的反饋和滿意度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="478"/>
        <source>Close the sheet (service director)</source>
        <translation>關閉抱怨單（服務總監）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="479"/>
        <source>Work on the sheet again</source>
        <translation>重新處理該抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="486"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="487"/>
        <source>set when saved</source>
        <translation>儲存時確定</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="490"/>
        <source>The deadlines follow the store&apos;s policy for the channel and severity chosen.</source>
        <translation>時限按門店對所選接收渠道和嚴重程度的規定計算。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="504"/>
        <source>Answered %1</source>
        <translation>已於 %1 響應</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="505"/>
        <source>on time</source>
        <translation>按時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="505"/>
        <source>late</source>
        <translation>超時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="526"/>
        <source>Major media complaint: escalated to the manufacturer&apos;s PR department.</source>
        <translation>重大媒體抱怨：已上報廠家公關部門。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="56"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="787"/>
        <source>Received</source>
        <translation>接收時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="57"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="789"/>
        <source>Channel</source>
        <translation>接收渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="58"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="791"/>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="59"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="793"/>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="62"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="795"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="63"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="797"/>
        <source>What the customer says</source>
        <translation>抱怨內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="64"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="798"/>
        <source>What the customer asks for</source>
        <translation>客戶訴求</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="68"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="800"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="69"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="801"/>
        <source>Immediate correction</source>
        <translation>缺點糾正</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="70"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="802"/>
        <source>Compensation (¥)</source>
        <translation>補償（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="71"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="804"/>
        <source>Long-term measure</source>
        <translation>長期措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="65"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="805"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="52"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="806"/>
        <source>Responsible</source>
        <translation>責任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="930"/>
        <source>What the customer must do:</source>
        <translation>需要客戶做什麼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="936"/>
        <source>The resolution clock stops until you resume the sheet.</source>
        <translation>在您恢復處理之前，解決計時暫停。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="940"/>
        <source>(choose 1–5)</source>
        <translation>（請選擇1–5）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="950"/>
        <source>Satisfaction (1 = very dissatisfied, 5 = very satisfied):</source>
        <translation>滿意度（1 = 非常不滿意，5 = 非常滿意）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="953"/>
        <source>What the customer said:</source>
        <translation>客戶的反饋：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="955"/>
        <source>Kind of visit:</source>
        <translation>回訪型別：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="956"/>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="967"/>
        <source>Closing remark:</source>
        <translation>關閉說明：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="973"/>
        <source>Closing ends the work on this complaint. It can be reopened by the service director.</source>
        <translation>關閉後該抱怨的處理即告結束。服務總監可以重新打開。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="977"/>
        <source>Why it is reopened:</source>
        <translation>重新打開的原因：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1023"/>
        <source>(choose)</source>
        <translation>（請選擇）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1029"/>
        <source>What changes:</source>
        <translation>改變內容：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1031"/>
        <source>Owner:</source>
        <translation>負責人：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1032"/>
        <source>Due:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1040"/>
        <source>Add a corrective action</source>
        <translation>新增糾正措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1057"/>
        <source>Result:</source>
        <translation>結果：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1058"/>
        <source>How it was checked:</source>
        <translation>驗證方法：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1067"/>
        <source>Effectiveness of: %1</source>
        <translation>效果驗證：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1096"/>
        <source>Unsaved changes</source>
        <translation>未儲存的修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1097"/>
        <source>Save your changes to this sheet?</source>
        <translation>儲存對這張抱怨單的修改嗎？</translation>
    </message>
</context>
<context>
    <name>SheetTableModel</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="55"/>
        <source>Number</source>
        <translation>單號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="56"/>
        <source>Received</source>
        <translation>接收時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="57"/>
        <source>Customer</source>
        <translation>客戶資訊</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="58"/>
        <source>Plate / order</source>
        <translation>車牌 / 訂單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="59"/>
        <source>Channel</source>
        <translation>接收渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="60"/>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="61"/>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="62"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="63"/>
        <source>Responsible</source>
        <translation>責任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="64"/>
        <source>Time left</source>
        <translation>剩餘時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="65"/>
        <source>Text match</source>
        <translation>符合內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="141"/>
        <source>Searching complaints…</source>
        <translation>正在搜尋抱怨單…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="160"/>
        <source>Due %1</source>
        <translation>期限 %1</translation>
    </message>
</context>
<context>
    <name>SheetWindow</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1150"/>
        <source>%1 — archive (read-only)</source>
        <translation>%1 — 歸檔（唯讀）</translation>
    </message>
</context>
<context>
    <name>StoreTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="159"/>
        <source>Store &amp;name:</source>
        <translation>門店名稱(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="159"/>
        <source>Store code:</source>
        <translation>門店程式碼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="159"/>
        <source>Preset:</source>
        <translation>預設：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="160"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="160"/>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="161"/>
        <source>Keep closed sheets (&amp;years):</source>
        <translation>已關閉抱怨單儲存年限(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="161"/>
        <source>Largest attachment:</source>
        <translation>單個附件最大：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="162"/>
        <source>All attachments of a sheet:</source>
        <translation>每張抱怨單附件合計最大：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="164"/>
        <source>The code starts every sheet number; it cannot change.</source>
        <translation>門店程式碼是每個抱怨單號的開頭，不能修改。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="167"/>
        <source>Closed sheets are kept at least this long. Older ones can be written to an archive file (which the program opens read-only) and then, only if you ask, removed here; nothing is removed by age alone.</source>
        <translation>已關閉的抱怨單至少保存這麼久。更早的可以寫入歸檔檔案（程式以唯讀方式開啟），然後僅在您要求時從這裡刪除；不會僅因時間到期而刪除任何資料。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="170"/>
        <source>Archive older closed sheets…</source>
        <translation>歸檔更早的已關閉抱怨單…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="176"/>
        <source>Archive file</source>
        <translation>歸檔檔案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="177"/>
        <source>Archive (*.db)</source>
        <translation>歸檔檔案 (*.db)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="180"/>
        <source>Remove archived sheets</source>
        <translation>刪除已歸檔的抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="181"/>
        <source>%1 closed sheet(s) were written to the archive and checked. Remove them from this database now? (The archive keeps them.)</source>
        <translation>%1 張已關閉的抱怨單已寫入歸檔並校驗無誤。現在從本資料庫中刪除它們嗎？（歸檔檔案會保留它們。）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="196"/>
        <source>%1 sheet(s) archived to %2</source>
        <translation>已將 %1 張抱怨單歸檔到 %2</translation>
    </message>
</context>
<context>
    <name>TimeAndWarningsTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="75"/>
        <source>Store &amp;time zone:</source>
        <translation>門店時區(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="75"/>
        <source>Warn in the &amp;last:</source>
        <translation>預警時段為最後(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="76"/>
        <source>…but at least (&amp;minutes):</source>
        <translation>…但至少（分鐘）(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="78"/>
        <source>Share of the time a deadline allows</source>
        <translation>佔時限總時間的比例</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="80"/>
        <source>Every desk shows and stores times in the store&apos;s time zone, whatever the time zone of its computer. A deadline turns amber, and its responsible person is notified, in the last part of the time allowed (a third of a 2-hour response: 40 minutes), never shorter than the minimum. Other desks use the new values within seconds.</source>
        <translation>每台電腦都按門店時區顯示和儲存時間，與電腦本身的時區無關。時限進入最後這段時間時變為琥珀色並通知負責人（2小時回應的三分之一：40分鐘），且不短於最短時間。其他電腦幾秒鐘內即使用新設定。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>User name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="89"/>
        <source>Last login</source>
        <translation>上次登入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="90"/>
        <source>Add user…</source>
        <translation>新增使用者…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="91"/>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="92"/>
        <source>Set password…</source>
        <translation>設定密碼…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="98"/>
        <source>Active</source>
        <translation>在職</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="98"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="100"/>
        <source>Active, no login</source>
        <translation>在職，不能登入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="133"/>
        <source>User name:</source>
        <translation>使用者名稱：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="134"/>
        <location filename="../../helpdesk/ui/settings/page.py" line="157"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="135"/>
        <location filename="../../helpdesk/ui/settings/page.py" line="158"/>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="137"/>
        <source>Password (empty: cannot log in):</source>
        <translation>密碼（留空則不能登入）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="146"/>
        <source>Add user</source>
        <translation>新增使用者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="153"/>
        <source>May log in and be chosen</source>
        <translation>可以登入並被指定為責任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="160"/>
        <source>Active:</source>
        <translation>啟用：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="168"/>
        <source>Edit %1</source>
        <translation>編輯 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="177"/>
        <source>New password:</source>
        <translation>新密碼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="184"/>
        <source>Password of %1</source>
        <translation>%1 的密碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="189"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="76"/>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="78"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="104"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="215"/>
        <source>Opening the database…</source>
        <translation>正在打開資料庫…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="269"/>
        <source>Choose the database to open.</source>
        <translation>請選擇要打開的資料庫。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="297"/>
        <source>Preparing customer figures…</source>
        <translation>正在準備客戶價值資料…</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="26"/>
        <source>Dealership after-sales (seed 003)</source>
        <translation>4S店售後（抱怨處理流程）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="27"/>
        <source>Retail store (seed 004)</source>
        <translation>零售門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="28"/>
        <source>General customer service (seed 002)</source>
        <translation>通用客戶服務</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="32"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="33"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="34"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="35"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="36"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="37"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="38"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="42"/>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="43"/>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="44"/>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="45"/>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="46"/>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="47"/>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="48"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="49"/>
        <source>Complaints</source>
        <translation>抱怨/投訴</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="50"/>
        <source>Customers</source>
        <translation>客戶檔案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="51"/>
        <source>Reports</source>
        <translation>報表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="52"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="53"/>
        <source>Issued reports</source>
        <translation>已簽發報告</translation>
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
        <translation>正在儲存…</translation>
    </message>
</context>
</TS>
