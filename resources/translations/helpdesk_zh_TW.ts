<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="303"/>
        <source>Open</source>
        <translation>營業</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="304"/>
        <source>Make-up day hours:</source>
        <translation>調休日營業時間：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="305"/>
        <source>Public holidays (closed):</source>
        <translation>法定節假日（休息）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="306"/>
        <source>Make-up working days (调休, open):</source>
        <translation>調休工作日（營業）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="308"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="309"/>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="310"/>
        <source>Deadlines such as “30 minutes” or “before the end of the working day” run on these hours. Changes apply to sheets registered from now on.</source>
        <translation>“30分鐘”“下班前”等時限按這些營業時間計算。修改只對今後登記的抱怨單生效。</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="641"/>
        <source>Code</source>
        <translation>程式碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="641"/>
        <source>Simplified Chinese</source>
        <translation>簡體中文</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="641"/>
        <source>Traditional Chinese</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="642"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="643"/>
        <source>Add category</source>
        <translation>新增類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="644"/>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="684"/>
        <source>Row %1: </source>
        <translation>第 %1 行：</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="169"/>
        <source>Your input and the saved sheet</source>
        <translation>您的輸入與已儲存的抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="173"/>
        <source>Field</source>
        <translation>專案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="173"/>
        <source>Your input</source>
        <translation>您的輸入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="173"/>
        <source>Saved now</source>
        <translation>當前已儲存的內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="187"/>
        <source>Differences are in bold. Copy what you need (select a cell and press Ctrl+C), then reload.</source>
        <translation>不同之處以粗體顯示。請複製需要的內容（選中單元格後按 Ctrl+C），再重新載入。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="191"/>
        <source>&amp;Reload now</source>
        <translation>立即重新載入(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ComplaintListPage</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="187"/>
        <source>&amp;Search:</source>
        <translation>搜尋(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="189"/>
        <source>Number, name, pinyin (zs), phone tail, plate, VIN tail, order (Ctrl+F)</source>
        <translation>單號、姓名、拼音（zs）、電話尾號、車牌、車架號尾號、訂單號（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="190"/>
        <source>S&amp;tatus:</source>
        <translation>狀態(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="191"/>
        <source>&amp;New sheet</source>
        <translation>新建抱怨單(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="192"/>
        <source>Register a new complaint (Ctrl+N)</source>
        <translation>登記新的抱怨（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="193"/>
        <source>&amp;Mine</source>
        <translation>我負責的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="194"/>
        <source>Only sheets I am responsible for</source>
        <translation>只顯示我負責的抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="195"/>
        <source>Received from</source>
        <translation>接收日期從</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="196"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="197"/>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="198"/>
        <source>Open (not closed)</source>
        <translation>未關閉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="198"/>
        <source>All statuses</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="203"/>
        <source>Any deadline</source>
        <translation>不限時限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="206"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="210"/>
        <source>All severities</source>
        <translation>全部嚴重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="214"/>
        <source>All categories</source>
        <translation>全部類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="218"/>
        <source>All stores</source>
        <translation>全部門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="338"/>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="355"/>
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n 張抱怨單</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="356"/>
        <source>searched in %1 s</source>
        <translation>用時 %1 秒</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="124"/>
        <source>Saved by someone else</source>
        <translation>已被他人儲存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="126"/>
        <source>Another user</source>
        <translation>另一位使用者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="129"/>
        <source>%1 saved this sheet at %2, after you opened it. Your changes were NOT saved, and nothing of theirs was overwritten.

Reload to see their version (your input is lost unless you copy it), or compare the two first.</source>
        <translation>%1 在 %2 儲存了這張抱怨單，晚於您打開的時間。您的修改沒有儲存，對方的內容也沒有被覆蓋。

重新載入可檢視對方的版本（您的輸入若不復制將會丟失），也可以先對比兩者。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="136"/>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="139"/>
        <source>&amp;Compare…</source>
        <translation>對比(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="142"/>
        <source>&amp;Keep editing</source>
        <translation>繼續編輯(&amp;K)</translation>
    </message>
</context>
<context>
    <name>CustomerFinder</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="118"/>
        <source>Name, pinyin (zs), phone or last 4 digits, plate, VIN tail, order no.</source>
        <translation>姓名、拼音（zs）、電話或後4位、車牌、車架號尾號、訂單號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="119"/>
        <source>New c&amp;ustomer</source>
        <translation>新客戶(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="120"/>
        <source>The customer is not on file yet: type their name and phone; they are saved with the sheet</source>
        <translation>客戶尚未建檔：請輸入姓名和電話，將與抱怨單一起儲存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="122"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="123"/>
        <source>Phone:</source>
        <translation>電話：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="162"/>
        <source>No customer chosen yet.</source>
        <translation>尚未選擇客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="203"/>
        <source>Matched: %1</source>
        <translation>匹配：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="209"/>
        <source>Nobody found. Check the spelling, or register a new customer.</source>
        <translation>沒有找到。請檢查輸入，或登記新客戶。</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="111"/>
        <source>The database cannot be opened</source>
        <translation>無法打開資料庫</translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="242"/>
        <source>Open now: %1</source>
        <translation>當前打開：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="245"/>
        <source>One desk: a SQLite file on this computer (never on a network drive). Several desks: a PostgreSQL server, e.g. postgresql://helpdesk:password@server/helpdesk. Leave empty for the default file in your data folder. The new location is used from the next start.</source>
        <translation>單臺電腦：本機上的 SQLite 檔案（切勿放在網路驅動器上）。多臺電腦共用：PostgreSQL 伺服器，例如 postgresql://helpdesk:password@server/helpdesk。留空則使用資料資料夾中的預設檔案。新位置在下次啟動時生效。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="250"/>
        <source>Choose file…</source>
        <translation>選擇檔案…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="251"/>
        <source>&amp;Test connection</source>
        <translation>測試連線(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="252"/>
        <source>Use from next start</source>
        <translation>下次啟動時使用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="253"/>
        <source>Default file</source>
        <translation>預設檔案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="257"/>
        <source>Database file</source>
        <translation>資料庫檔案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="258"/>
        <source>Helpdesk database (*.db);;All files (*)</source>
        <translation>Helpdesk 資料庫 (*.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="268"/>
        <source>Connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="279"/>
        <source>Testing the database connection…</source>
        <translation>正在測試資料庫連線…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="284"/>
        <source>✗ Cannot connect: %1</source>
        <translation>✗ 無法連線：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="289"/>
        <source>✓ Connected: a Helpdesk database, ready to use.</source>
        <translation>✓ 已連線：Helpdesk 資料庫，可以使用。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="291"/>
        <source>✓ Connected: a Helpdesk database of an older version; it is upgraded (after a backup) when opened.</source>
        <translation>✓ 已連線：舊版本的 Helpdesk 資料庫；打開時會先備份再升級。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="294"/>
        <source>✓ Connected: empty; Helpdesk will offer the first-run setup.</source>
        <translation>✓ 已連線：空資料庫；Helpdesk 將引導初始設定。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="307"/>
        <source>Saved: Helpdesk opens %1 from the next start.</source>
        <translation>已儲存：下次啟動時 Helpdesk 將打開 %1。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="167"/>
        <source>Welcome to Helpdesk</source>
        <translation>歡迎使用 Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="169"/>
        <source>This database is empty. Set up your store and its first administrator — or load the demo data to look around first.</source>
        <translation>這個資料庫是空的。請設定您的門店和首位管理員，或者先載入演示資料看看。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="171"/>
        <source>Store</source>
        <translation>門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="172"/>
        <source>First administrator</source>
        <translation>首位管理員</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="174"/>
        <source>Store &amp;name:</source>
        <translation>門店名稱(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="174"/>
        <source>Store &amp;code:</source>
        <translation>門店程式碼(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="175"/>
        <source>&amp;Deadlines:</source>
        <translation>時限規則(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="175"/>
        <source>Working &amp;hours:</source>
        <translation>營業時間(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="176"/>
        <source>Open on:</source>
        <translation>營業日：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="176"/>
        <source>&amp;User name:</source>
        <translation>使用者名稱(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="177"/>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="177"/>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="178"/>
        <source>Password &amp;again:</source>
        <translation>再次輸入密碼(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="182"/>
        <source>e.g. TS — starts every sheet number</source>
        <translation>如 TS — 用作每個抱怨單號的開頭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="183"/>
        <source>e.g. 天顺汽车4S店</source>
        <translation>如 天順汽車4S店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="185"/>
        <source>at least 8 characters, letters and digits</source>
        <translation>至少8位，包含字母和數字</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="192"/>
        <source>&amp;Set up</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="193"/>
        <source>&amp;Load demo data</source>
        <translation>載入演示資料(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="194"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="237"/>
        <source>Administrator</source>
        <translation>系統管理員</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="245"/>
        <source>Setting up…</source>
        <translation>正在設定…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="277"/>
        <source>Loading the demo data…</source>
        <translation>正在載入演示資料…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="287"/>
        <source>Setting up the store and its staff…</source>
        <translation>正在設定門店和員工…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="288"/>
        <source>Inventing customers…</source>
        <translation>正在生成客戶…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="289"/>
        <source>Inventing complaint sheets…</source>
        <translation>正在生成抱怨單…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="290"/>
        <source>Building the search index…</source>
        <translation>正在建立搜尋索引…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="296"/>
        <source>The demo data is loaded. Log in as one of these users, all with the password %1:</source>
        <translation>演示資料已載入。請用以下任一使用者登入，密碼均為 %1：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="309"/>
        <source>Demo logins</source>
        <translation>演示賬號</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="113"/>
        <source>Log in — Helpdesk</source>
        <translation>登入 — Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="114"/>
        <source>Complaint desk</source>
        <translation>客訴管理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="115"/>
        <source>&amp;User name:</source>
        <translation>使用者名稱(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="116"/>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="117"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="118"/>
        <source>Log &amp;in</source>
        <translation>登入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="119"/>
        <source>&amp;Database…</source>
        <translation>資料庫(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="120"/>
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="137"/>
        <source>Enter your user name.</source>
        <translation>請輸入使用者名稱。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="144"/>
        <source>Checking the password…</source>
        <translation>正在驗證密碼…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="205"/>
        <source>Helpdesk — complaint desk</source>
        <translation>Helpdesk — 客訴管理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="206"/>
        <source>&amp;New sheet</source>
        <translation>新建抱怨單(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="207"/>
        <source>Register a new complaint (Ctrl+N)</source>
        <translation>登記新的抱怨（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="208"/>
        <source>&amp;Open sheet by number…</source>
        <translation>按單號打開(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="209"/>
        <source>&amp;Find</source>
        <translation>查詢(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="210"/>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="211"/>
        <source>&amp;Log out</source>
        <translation>登出(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="212"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="213"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷鍵(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="214"/>
        <source>&amp;About Helpdesk</source>
        <translation>關於 Helpdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="215"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="216"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="217"/>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="222"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="224"/>
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="303"/>
        <source>Open sheet</source>
        <translation>打開抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="304"/>
        <source>Sheet number (e.g. TS-2026-000123):</source>
        <translation>抱怨單號（如 TS-2026-000123）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="341"/>
        <source>Unsaved sheets found</source>
        <translation>發現未儲存的抱怨單</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/main_window.py" line="342"/>
        <source>%n complaint sheet(s) were not saved when the program last ended. Restore them now?</source>
        <translation>
            <numerusform>上次程序結束時有 %n 張抱怨單未儲存。現在恢復嗎？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="345"/>
        <source>&amp;Restore</source>
        <translation>恢復(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="346"/>
        <source>&amp;Discard</source>
        <translation>丟棄(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="347"/>
        <source>Ask me &amp;later</source>
        <translation>以後再說(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="388"/>
        <source>New complaint sheet</source>
        <translation>新建抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="389"/>
        <source>Open a sheet by its number</source>
        <translation>按單號打開抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="390"/>
        <source>Search the complaint list</source>
        <translation>搜尋抱怨單列表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="391"/>
        <source>Complaints, customers, reports, settings</source>
        <translation>抱怨、客戶、報表、設定</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="392"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="393"/>
        <source>Save the sheet</source>
        <translation>儲存抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="394"/>
        <source>Print the sheet</source>
        <translation>列印抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="395"/>
        <source>Close the dialog or sheet window</source>
        <translation>關閉對話方塊或抱怨單視窗</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="396"/>
        <source>Next / previous field</source>
        <translation>下一項 / 上一項</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="399"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷鍵</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="405"/>
        <source>About Helpdesk</source>
        <translation>關於 Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="406"/>
        <source>Helpdesk — the complaint desk (客诉管理) for dealership after-sales and retail stores.
Database: %1</source>
        <translation>Helpdesk — 面向4S店售後和零售門店的客訴管理系統。
資料庫：%1</translation>
    </message>
</context>
<context>
    <name>PersonalTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="363"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="363"/>
        <source>Current password:</source>
        <translation>當前密碼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="363"/>
        <source>New password:</source>
        <translation>新密碼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="364"/>
        <source>New password again:</source>
        <translation>再次輸入新密碼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="366"/>
        <source>My password</source>
        <translation>我的密碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="367"/>
        <source>Change my password</source>
        <translation>修改我的密碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="391"/>
        <source>Your password is changed.</source>
        <translation>您的密碼已修改。</translation>
    </message>
</context>
<context>
    <name>PhrasesTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="576"/>
        <source>One phrase per line. A root cause or long-term measure made only of these words is refused; with concrete content (what changes, who, by when) it passes.</source>
        <translation>每行一條短語。只由這些空話組成的根本原因或長期措施將被拒絕；含有具體內容（改變什麼、由誰、何時完成）的可以通過。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="579"/>
        <source>Back to the built-in list</source>
        <translation>恢復內建列表</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="394"/>
        <source>Channel</source>
        <translation>接收渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="394"/>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="394"/>
        <source>Response</source>
        <translation>響應</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="394"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="395"/>
        <source>Amount</source>
        <translation>數值</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="395"/>
        <source>Resolution</source>
        <translation>解決</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="395"/>
        <source>Escalate to maker</source>
        <translation>上報廠家</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="396"/>
        <source>Note for staff</source>
        <translation>員工須知</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="397"/>
        <source>Add row</source>
        <translation>新增一行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="398"/>
        <source>Remove row</source>
        <translation>刪除一行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="399"/>
        <source>Replace by preset</source>
        <translation>替換為預設</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="402"/>
        <source>The most specific row wins; one row must be for any channel and any severity. Amounts are minutes or days, as the kind says. Changes apply to sheets registered from now on.</source>
        <translation>以最具體的一行為準；必須有一行適用於任意渠道和任意嚴重程度。數值按型別表示分鐘或天數。修改只對今後登記的抱怨單生效。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="422"/>
        <source>(any)</source>
        <translation>（任意）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="517"/>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="459"/>
        <source>Store:</source>
        <translation>門店：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="461"/>
        <source>Store</source>
        <translation>門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="461"/>
        <source>Working hours</source>
        <translation>營業時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="462"/>
        <source>Deadlines (SLA)</source>
        <translation>處理時限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="462"/>
        <source>Banned phrases</source>
        <translation>停用空話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="463"/>
        <source>Categories</source>
        <translation>抱怨類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="463"/>
        <source>Users and roles</source>
        <translation>使用者和角色</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="464"/>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="464"/>
        <source>Language and password</source>
        <translation>語言和密碼</translation>
    </message>
</context>
<context>
    <name>SheetForm</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="493"/>
        <source>Deadlines</source>
        <translation>處理時限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="494"/>
        <source>Response:</source>
        <translation>響應：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="495"/>
        <source>Resolution:</source>
        <translation>解決：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="496"/>
        <source>Sheet</source>
        <translation>抱怨單資訊</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="497"/>
        <source>Customer</source>
        <translation>客戶資訊</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="498"/>
        <source>Vehicle or order</source>
        <translation>車輛資訊 / 訂單資訊</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="499"/>
        <source>Complaint</source>
        <translation>抱怨/投訴內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="500"/>
        <source>Responsibility</source>
        <translation>責任</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="501"/>
        <source>Root cause, correction and measure</source>
        <translation>根本原因、缺點糾正與措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="502"/>
        <source>Corrective and preventive actions</source>
        <translation>糾正與預防措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="503"/>
        <source>Return visits</source>
        <translation>回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="504"/>
        <source>Progress log</source>
        <translation>處理記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="505"/>
        <source>Close-out</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="506"/>
        <source>History</source>
        <translation>處理歷程</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="508"/>
        <source>Number:</source>
        <translation>單號：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="509"/>
        <source>&amp;Store:</source>
        <translation>門店(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="510"/>
        <source>&amp;Received:</source>
        <translation>接收時間(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="511"/>
        <source>Received by:</source>
        <translation>接待人：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="512"/>
        <source>C&amp;hannel:</source>
        <translation>接收渠道(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="513"/>
        <source>Se&amp;verity:</source>
        <translation>嚴重程度(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="514"/>
        <source>Cate&amp;gory:</source>
        <translation>抱怨類別(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="515"/>
        <source>Vehicle / &amp;order:</source>
        <translation>車輛 / 訂單(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="516"/>
        <source>VIN:</source>
        <translation>車架號：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="517"/>
        <source>Plate:</source>
        <translation>車牌號：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="518"/>
        <source>Brand:</source>
        <translation>品牌：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="519"/>
        <source>Model:</source>
        <translation>車型：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="520"/>
        <source>Mileage (km):</source>
        <translation>里程（公里）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="521"/>
        <source>What the customer sa&amp;ys:</source>
        <translation>抱怨內容(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="522"/>
        <source>What the customer as&amp;ks for:</source>
        <translation>客戶訴求(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="523"/>
        <source>Responsible &amp;area:</source>
        <translation>責任部門(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="524"/>
        <source>Responsible perso&amp;n:</source>
        <translation>責任人(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="525"/>
        <source>Roo&amp;t cause:</source>
        <translation>根本原因(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="526"/>
        <source>Immediate &amp;correction:</source>
        <translation>缺點糾正(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="527"/>
        <source>Compensation (¥):</source>
        <translation>補償（元）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="528"/>
        <source>&amp;Long-term measure:</source>
        <translation>長期措施(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="529"/>
        <source>Rework:</source>
        <translation>返修：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="533"/>
        <source>In the customer&apos;s own words</source>
        <translation>用客戶自己的話記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="534"/>
        <source>What actually went wrong, where and why</source>
        <translation>究竟哪裡出了問題、在哪個環節、為什麼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="536"/>
        <source>What was done for this customer: repair, refund, exchange, apology…</source>
        <translation>為該客戶做了什麼：維修、退款、換貨、道歉…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="538"/>
        <source>What changes so it does not happen again, who owns it and by when (not just “strengthen training”)</source>
        <translation>為防止再次發生要改變什麼、由誰負責、何時完成（不能只寫“加強培訓”）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="540"/>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="541"/>
        <source>e.g. 35000</source>
        <translation>如 35000</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="542"/>
        <source>17 characters</source>
        <translation>17位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="543"/>
        <source>e.g. 京A12345</source>
        <translation>如 京A12345</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="544"/>
        <source>Needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="545"/>
        <source>Completed at</source>
        <translation>完成於</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="546"/>
        <source>What was done or told to the customer</source>
        <translation>做了什麼或告訴了客戶什麼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="547"/>
        <source>Customer told</source>
        <translation>已告知客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="548"/>
        <source>A&amp;dd entry</source>
        <translation>新增記錄(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="549"/>
        <source>Add action…</source>
        <translation>新增措施…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="550"/>
        <source>Check effectiveness…</source>
        <translation>驗證效果…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="551"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="552"/>
        <source>Save the sheet (Ctrl+S)</source>
        <translation>儲存抱怨單（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="553"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="554"/>
        <source>Print the sheet for signatures (Ctrl+P)</source>
        <translation>列印抱怨單以供簽字（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="555"/>
        <source>Reply l&amp;etter…</source>
        <translation>回覆函(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="556"/>
        <source>Close window</source>
        <translation>關閉視窗</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="557"/>
        <source>Close this window (Esc)</source>
        <translation>關閉此視窗（Esc）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="559"/>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="559"/>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="559"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="559"/>
        <source>Effectiveness</source>
        <translation>效果</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="561"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="564"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="566"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="561"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="564"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="566"/>
        <source>By</source>
        <translation>經辦人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="561"/>
        <source>Satisfaction</source>
        <translation>滿意度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="561"/>
        <source>Kind</source>
        <translation>型別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="562"/>
        <source>Feedback</source>
        <translation>客戶反饋</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="564"/>
        <source>Entry</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="566"/>
        <source>Step</source>
        <translation>步驟</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="566"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="573"/>
        <source>(not decided)</source>
        <translation>（未確定）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="577"/>
        <source>(nobody yet)</source>
        <translation>（尚未指定）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="662"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="669"/>
        <source>Order %1 (%2, %3)</source>
        <translation>訂單 %1（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="675"/>
        <source>New vehicle…</source>
        <translation>新車輛…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="738"/>
        <source>New complaint sheet</source>
        <translation>新建抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="740"/>
        <source>(given when saved)</source>
        <translation>（儲存時生成）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="772"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="787"/>
        <source>Save the sheet first.</source>
        <translation>請先儲存抱怨單。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="802"/>
        <source>Closed by %1 at %2.</source>
        <translation>由 %1 於 %2 關閉。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="828"/>
        <source>Possible only when the sheet is: %1 (now: %2).</source>
        <translation>僅當抱怨單處於以下狀態時可用：%1（當前：%2）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="836"/>
        <source>Record that the complaint was answered now</source>
        <translation>記錄現在已響應該抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="837"/>
        <source>Give the sheet to the responsible area and person chosen above</source>
        <translation>把抱怨單交給上面選定的責任部門和責任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="839"/>
        <source>Stop the resolution clock while the customer must act</source>
        <translation>在需要客戶處理期間暫停解決計時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="840"/>
        <source>Start the resolution clock again</source>
        <translation>重新開始解決計時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="841"/>
        <source>Needs the root cause, the correction and a concrete long-term measure</source>
        <translation>需要根本原因、缺點糾正和具體的長期措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="843"/>
        <source>Record the customer&apos;s feedback and satisfaction</source>
        <translation>記錄客戶的反饋和滿意度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="844"/>
        <source>Close the sheet (service director)</source>
        <translation>關閉抱怨單（服務總監）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="845"/>
        <source>Work on the sheet again</source>
        <translation>重新處理該抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="858"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="859"/>
        <source>set when saved</source>
        <translation>儲存時確定</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="862"/>
        <source>The deadlines follow the store&apos;s policy for the channel and severity chosen.</source>
        <translation>時限按門店對所選接收渠道和嚴重程度的規定計算。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="873"/>
        <source>Answered %1</source>
        <translation>已於 %1 響應</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="874"/>
        <source>on time</source>
        <translation>按時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="874"/>
        <source>late</source>
        <translation>超時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="893"/>
        <source>Major media complaint: escalated to the manufacturer&apos;s PR department.</source>
        <translation>重大媒體抱怨：已上報廠家公關部門。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1105"/>
        <source>Received</source>
        <translation>接收時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1107"/>
        <source>Channel</source>
        <translation>接收渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1109"/>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1111"/>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1113"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1115"/>
        <source>What the customer says</source>
        <translation>抱怨內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1116"/>
        <source>What the customer asks for</source>
        <translation>客戶訴求</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1118"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1119"/>
        <source>Immediate correction</source>
        <translation>缺點糾正</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1120"/>
        <source>Compensation (¥)</source>
        <translation>補償（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1122"/>
        <source>Long-term measure</source>
        <translation>長期措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1123"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1124"/>
        <source>Responsible</source>
        <translation>責任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1267"/>
        <source>What the customer must do:</source>
        <translation>需要客戶做什麼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1273"/>
        <source>The resolution clock stops until you resume the sheet.</source>
        <translation>在您恢復處理之前，解決計時暫停。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1277"/>
        <source>(choose 1–5)</source>
        <translation>（請選擇1–5）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1287"/>
        <source>Satisfaction (1 = very dissatisfied, 5 = very satisfied):</source>
        <translation>滿意度（1 = 非常不滿意，5 = 非常滿意）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1290"/>
        <source>What the customer said:</source>
        <translation>客戶的反饋：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1292"/>
        <source>Kind of visit:</source>
        <translation>回訪型別：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1293"/>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1304"/>
        <source>Closing remark:</source>
        <translation>關閉說明：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1310"/>
        <source>Closing ends the work on this complaint. It can be reopened by the service director.</source>
        <translation>關閉後該抱怨的處理即告結束。服務總監可以重新打開。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1314"/>
        <source>Why it is reopened:</source>
        <translation>重新打開的原因：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1361"/>
        <source>(choose)</source>
        <translation>（請選擇）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1369"/>
        <source>What changes:</source>
        <translation>改變內容：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1371"/>
        <source>Owner:</source>
        <translation>負責人：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1372"/>
        <source>Due:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1380"/>
        <source>Add a corrective action</source>
        <translation>新增糾正措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1398"/>
        <source>Result:</source>
        <translation>結果：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1399"/>
        <source>How it was checked:</source>
        <translation>驗證方法：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1408"/>
        <source>Effectiveness of: %1</source>
        <translation>效果驗證：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1438"/>
        <source>Unsaved changes</source>
        <translation>未儲存的修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1439"/>
        <source>Save your changes to this sheet?</source>
        <translation>儲存對這張抱怨單的修改嗎？</translation>
    </message>
</context>
<context>
    <name>SheetTableModel</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="59"/>
        <source>Number</source>
        <translation>單號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="60"/>
        <source>Received</source>
        <translation>接收時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="61"/>
        <source>Customer</source>
        <translation>客戶資訊</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="62"/>
        <source>Plate / order</source>
        <translation>車牌 / 訂單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="63"/>
        <source>Channel</source>
        <translation>接收渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="64"/>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="65"/>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="66"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="67"/>
        <source>Responsible</source>
        <translation>責任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="68"/>
        <source>Time left</source>
        <translation>剩餘時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="131"/>
        <source>Searching complaints…</source>
        <translation>正在搜尋抱怨單…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="246"/>
        <source>Due %1</source>
        <translation>期限 %1</translation>
    </message>
</context>
<context>
    <name>StoreTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="129"/>
        <source>Store &amp;name:</source>
        <translation>門店名稱(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="129"/>
        <source>Store code:</source>
        <translation>門店程式碼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="129"/>
        <source>Preset:</source>
        <translation>預設：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="130"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="130"/>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="131"/>
        <source>Keep closed sheets (&amp;years):</source>
        <translation>已關閉抱怨單儲存年限(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="133"/>
        <source>The code starts every sheet number; it cannot change.</source>
        <translation>門店程式碼是每個抱怨單號的開頭，不能修改。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="86"/>
        <source>User name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="86"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="86"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="86"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="87"/>
        <source>Last login</source>
        <translation>上次登入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>Add user…</source>
        <translation>新增使用者…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="89"/>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="90"/>
        <source>Set password…</source>
        <translation>設定密碼…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="96"/>
        <source>Active</source>
        <translation>在職</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="96"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="98"/>
        <source>Active, no login</source>
        <translation>在職，不能登入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="131"/>
        <source>User name:</source>
        <translation>使用者名稱：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="132"/>
        <location filename="../../helpdesk/ui/settings/page.py" line="155"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="133"/>
        <location filename="../../helpdesk/ui/settings/page.py" line="156"/>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="135"/>
        <source>Password (empty: cannot log in):</source>
        <translation>密碼（留空則不能登入）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="144"/>
        <source>Add user</source>
        <translation>新增使用者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="151"/>
        <source>May log in and be chosen</source>
        <translation>可以登入並被指定為責任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="158"/>
        <source>Active:</source>
        <translation>啟用：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="166"/>
        <source>Edit %1</source>
        <translation>編輯 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="175"/>
        <source>New password:</source>
        <translation>新密碼：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="182"/>
        <source>Password of %1</source>
        <translation>%1 的密碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="187"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="67"/>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="89"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="141"/>
        <source>Opening the database…</source>
        <translation>正在打開資料庫…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="186"/>
        <source>Choose the database to open.</source>
        <translation>請選擇要打開的資料庫。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="200"/>
        <source>Preparing customer figures…</source>
        <translation>正在準備客戶價值資料…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="29"/>
        <source>Enter the VIN.</source>
        <translation>請輸入車架號（VIN）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="30"/>
        <source>A VIN has exactly 17 characters; {value} has {length}.</source>
        <translation>車架號應為17位；{value} 有 {length} 位。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="32"/>
        <source>{value} contains “{character}” at position {position}; a VIN uses only digits and the letters A–Z except I, O and Q.</source>
        <translation>{value} 的第 {position} 位是“{character}”；車架號只使用數字和除 I、O、Q 以外的字母 A–Z。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="35"/>
        <source>The VIN {value} fails its check: the 9th character should be “{expected}” but is “{found}”. Check for a mistyped character.</source>
        <translation>車架號 {value} 校驗不通過：第9位應為“{expected}”，實際為“{found}”。請檢查是否輸錯。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="38"/>
        <source>This VIN belongs to another customer (#{customer_id}); pick that customer.</source>
        <translation>該車架號屬於另一位客戶（#{customer_id}），請選擇該客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="40"/>
        <source>The same VIN is given twice.</source>
        <translation>同一車架號填寫了兩次。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="41"/>
        <source>Vehicle details are filled in but the VIN is empty.</source>
        <translation>已填寫車輛資訊，但車架號為空。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="43"/>
        <source>Enter the plate number.</source>
        <translation>請輸入車牌號。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="44"/>
        <source>{value} is not a Chinese plate number (for example 京A12345, or 粤BD12345 for a new-energy vehicle).</source>
        <translation>{value} 不是有效的車牌號（例如 京A12345，新能源車如 粵BD12345）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="47"/>
        <source>This customer has no vehicle {value}; give the VIN too.</source>
        <translation>該客戶沒有車牌為 {value} 的車輛；請同時填寫車架號。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="49"/>
        <source>Enter a phone number.</source>
        <translation>請輸入電話號碼。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="50"/>
        <source>{value} is not a valid phone number (for example 13812345678, 010-62345678 or +44 20 7946 0958; digits only).</source>
        <translation>{value} 不是有效的電話號碼（例如 13812345678、010-62345678 或 +44 20 7946 0958，只填數字）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="53"/>
        <source>A phone number is needed for the return visit.</source>
        <translation>回訪需要客戶的電話號碼。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="55"/>
        <source>This phone number belongs to customer #{customer_id} already: pick that customer instead.</source>
        <translation>該電話號碼已屬於客戶 #{customer_id}，請直接選擇該客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="58"/>
        <source>Enter the e-mail address.</source>
        <translation>請輸入電子郵箱。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="59"/>
        <source>{value} is not an e-mail address (for example wang.lei@example.com).</source>
        <translation>{value} 不是有效的電子郵箱（例如 wang.lei@example.com）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="61"/>
        <source>Enter the name.</source>
        <translation>請輸入姓名。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="62"/>
        <source>The name has {length} characters; at most {max_length} are allowed.</source>
        <translation>姓名有 {length} 個字元，最多允許 {max_length} 個。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="64"/>
        <source>{value} is not a name: it must contain letters or Chinese characters.</source>
        <translation>{value} 不是姓名：必須包含漢字或字母。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="66"/>
        <location filename="../../helpdesk/ui/messages.py" line="295"/>
        <source>This field is required.</source>
        <translation>此項必填。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="67"/>
        <source>The text has {length} characters; at most {max_length} are allowed.</source>
        <translation>內容有 {length} 個字元，最多允許 {max_length} 個。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="69"/>
        <source>The text contains an invisible control character ({codepoint}) at position {position}; remove it (it often comes with pasted text).</source>
        <translation>內容在第 {position} 個字元處含有不可見的控制字元（{codepoint}），請刪除（常隨貼上帶入）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="73"/>
        <source>This is empty: say concretely what changes, who owns it and by when.</source>
        <translation>此項為空：請具體寫明改變什麼、由誰負責、何時完成。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="75"/>
        <source>{phrases} is not a concrete measure: say what changes, who owns it and by when.</source>
        <translation>{phrases} 不是具體措施：請寫明改變什麼、由誰負責、何時完成。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="78"/>
        <source>“{value}” is too vague: say concretely what changes, who owns it and by when.</source>
        <translation>“{value}”過於空泛：請具體寫明改變什麼、由誰負責、何時完成。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="82"/>
        <source>Enter the amount.</source>
        <translation>請輸入金額。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="83"/>
        <source>{value} is not an amount of money (for example 1,234.50).</source>
        <translation>{value} 不是有效金額（例如 1,234.50）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="85"/>
        <source>The amount cannot be negative.</source>
        <translation>金額不能為負數。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="86"/>
        <source>The amount {value} has more than two decimals (fen are the smallest unit).</source>
        <translation>金額 {value} 超過兩位小數（最小單位為分）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="88"/>
        <source>The amount {value} is too large.</source>
        <translation>金額 {value} 過大。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="89"/>
        <source>The mileage must be a whole number of kilometres.</source>
        <translation>里程必須是整數公里數。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="91"/>
        <source>{value} is not a satisfaction score; enter a whole number from 1 to 5.</source>
        <translation>{value} 不是滿意度評分，請輸入1到5的整數。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="93"/>
        <source>The satisfaction score {value} is out of range; enter 1 to 5.</source>
        <translation>滿意度 {value} 超出範圍，請輸入1到5。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="95"/>
        <source>Enter the satisfaction (1–5) of the return visit.</source>
        <translation>請輸入回訪的滿意度（1–5）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="97"/>
        <source>{value} is in the future (it is now {now}).</source>
        <translation>{value} 是將來的時間（現在是 {now}）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="99"/>
        <source>{month} has not begun yet; choose a past month.</source>
        <translation>{month} 還沒有開始；請選擇已經開始的月份。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="99"/>
        <source>This date is too far back (a complaint older than a year belongs in an import; a birthday cannot be before 1900).</source>
        <translation>日期太早（超過一年的抱怨請用匯入登記；生日不能早於1900年）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="102"/>
        <source>This cannot be earlier than the time the complaint was received.</source>
        <translation>不能早於接收抱怨的時間。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="104"/>
        <source>{value} is not a date (use 2026-11-20 or 2026-11-20 14:30).</source>
        <translation>{value} 不是日期（請寫成 2026-11-20 或 2026-11-20 14:30）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="106"/>
        <source>{value} should be a date only.</source>
        <translation>{value} 只應填寫日期。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="107"/>
        <source>This time is earlier than a step that must come before it.</source>
        <translation>該時間早於必須在它之前發生的步驟。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="109"/>
        <source>A return visit cannot be earlier than the resolution.</source>
        <translation>回訪時間不能早於解決時間。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="111"/>
        <source>{value} is not 是/否 (yes/no).</source>
        <translation>{value} 不是“是/否”。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="112"/>
        <source>{value} is not a sheet number (up to 32 letters, digits, - _ /).</source>
        <translation>{value} 不是抱怨單號（最多32位字母、數字、- _ /）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="114"/>
        <source>The sheet {value} exists already.</source>
        <translation>抱怨單 {value} 已存在。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="115"/>
        <source>Enter the order number.</source>
        <translation>請輸入訂單號。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="116"/>
        <source>{value} is not an order number: use up to 40 letters, digits, ‘-’, ‘_’ or ‘/’.</source>
        <translation>{value} 不是訂單號：最多40位字母、數字、‘-’、‘_’或‘/’。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="119"/>
        <source>The order {number} exists already.</source>
        <translation>訂單 {number} 已存在。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="120"/>
        <source>Order details are filled in but the order number is empty.</source>
        <translation>已填寫訂單資訊，但訂單號為空。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="122"/>
        <source>That order does not belong to the customer.</source>
        <translation>該訂單不屬於此客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="125"/>
        <source>Find or create the customer first.</source>
        <translation>請先查詢或新建客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="126"/>
        <source>That customer does not exist (or was merged into another).</source>
        <translation>該客戶不存在（或已合併到其他客戶）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="128"/>
        <source>That customer was merged into another record.</source>
        <translation>該客戶已合併到另一條客戶檔案。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="130"/>
        <source>That vehicle does not belong to the customer.</source>
        <translation>該車輛不屬於此客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="132"/>
        <source>A sheet refers to a vehicle or an order, not both.</source>
        <translation>一張抱怨單隻能關聯車輛或訂單之一，不能同時關聯。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="134"/>
        <source>That complaint sheet does not exist.</source>
        <translation>該抱怨單不存在。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="135"/>
        <source>Choose a category from the list.</source>
        <translation>請從列表中選擇抱怨類別。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="136"/>
        <source>Choose the store.</source>
        <translation>請選擇門店。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="137"/>
        <source>Choose an active member of staff.</source>
        <translation>請選擇一位在職員工。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="138"/>
        <source>Several staff members are called {value}; use the user name.</source>
        <translation>有多位員工名叫 {value}，請使用使用者名稱。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="140"/>
        <source>There is no staff member {value}; add them first.</source>
        <translation>沒有員工 {value}，請先新增。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="142"/>
        <source>Choose the responsible area before resolving.</source>
        <translation>解決前請先選擇責任部門。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="144"/>
        <source>Choose the responsible person before resolving.</source>
        <translation>解決前請先選擇責任人。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="146"/>
        <source>Describe what was done for this customer before resolving.</source>
        <translation>解決前請寫明為該客戶做了哪些糾正。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="148"/>
        <source>The rework is not completed yet: enter when it was completed.</source>
        <translation>返修尚未完成：請填寫返修完成時間。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="150"/>
        <source>Every action needs an owner.</source>
        <translation>每項措施都需要負責人。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="151"/>
        <source>Every action needs a due date.</source>
        <translation>每項措施都需要完成期限。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="152"/>
        <source>That action belongs to another sheet.</source>
        <translation>該措施屬於另一張抱怨單。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="153"/>
        <source>That action is not on this sheet.</source>
        <translation>該措施不在這張抱怨單上。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="154"/>
        <source>Unknown state.</source>
        <translation>未知狀態。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="155"/>
        <source>This value does not fit the sheet&apos;s state (fill the state, or clear it).</source>
        <translation>該值與抱怨單的狀態不符（請填寫狀態，或清空此項）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="158"/>
        <source>“{action}” is not possible while the sheet is “{state}”.</source>
        <translation>抱怨單處於“{state}”狀態，不能執行“{action}”。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="160"/>
        <source>The sheet is closed; reopen it to change it.</source>
        <translation>抱怨單已關閉；如需修改請先重新打開。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="162"/>
        <source>Closing needs a return visit with the customer&apos;s satisfaction recorded.</source>
        <translation>關閉前需要一次記錄了客戶滿意度的回訪。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="164"/>
        <source>{saved_by} saved this record at {saved_at}, after you opened it. Your input is kept; reload to see their changes.</source>
        <translation>{saved_by} 在 {saved_at} 儲存了這條記錄，晚於您打開的時間。您的輸入仍然保留；重新載入可檢視對方的修改。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="168"/>
        <source>Wrong user name or password.</source>
        <translation>使用者名稱或密碼錯誤。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="169"/>
        <source>Too many failed attempts: this account is locked until {until}. Try again then, or ask the administrator to set a new password.</source>
        <translation>失敗次數過多：該賬號已鎖定至 {until}。請屆時再試，或請管理員重設密碼。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="172"/>
        <source>Log in as an administrator to add users.</source>
        <translation>請以管理員身份登入後再新增使用者。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="173"/>
        <source>Your user no longer exists; log in again.</source>
        <translation>您的使用者已不存在，請重新登入。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="175"/>
        <source>This user is deactivated; ask the administrator.</source>
        <translation>該使用者已停用，請聯絡管理員。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="177"/>
        <source>User names use 2–60 letters, digits, ‘.’, ‘_’ or ‘-’.</source>
        <translation>使用者名稱由2–60位字母、數字、‘.’、‘_’或‘-’組成。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="180"/>
        <source>The user name {username} is taken.</source>
        <translation>使用者名稱 {username} 已被使用。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="181"/>
        <source>Unknown role {role}.</source>
        <translation>未知角色 {role}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="182"/>
        <source>You cannot remove your own administrator access.</source>
        <translation>不能取消您自己的管理員許可權。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="184"/>
        <source>The password needs at least {minimum} characters.</source>
        <translation>密碼至少需要 {minimum} 個字元。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="186"/>
        <source>Use letters and digits (or other characters) together.</source>
        <translation>請同時使用字母和數字（或其他字元）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="188"/>
        <source>The current password is wrong.</source>
        <translation>當前密碼不正確。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="189"/>
        <source>The two passwords differ.</source>
        <translation>兩次輸入的密碼不一致。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="191"/>
        <source>This database is set up already.</source>
        <translation>該資料庫已完成初始設定。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="192"/>
        <source>The store code is 1–8 letters or digits starting with a letter (it prefixes sheet numbers, e.g. TS-2026-000123).</source>
        <translation>門店程式碼為1–8位以字母開頭的字母或數字（用作抱怨單號字首，如 TS-2026-000123）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="195"/>
        <source>A store with the code {store_code} exists already.</source>
        <translation>門店程式碼 {store_code} 已存在。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="197"/>
        <source>Unknown preset {preset}.</source>
        <translation>未知預設 {preset}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="198"/>
        <source>The opening time {opening} must be before the closing time {closing}.</source>
        <translation>開門時間 {opening} 必須早於關門時間 {closing}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="200"/>
        <source>{date} is both a holiday and a make-up working day.</source>
        <translation>{date} 不能既是節假日又是調休工作日。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="202"/>
        <source>The store is never open: set the opening hours of at least one weekday.</source>
        <translation>門店從不營業：請至少設定一個工作日的營業時間。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="204"/>
        <source>Enter a time like 08:30.</source>
        <translation>請輸入時間，如 08:30。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="205"/>
        <source>Enter a date like 2026-10-01.</source>
        <translation>請輸入日期，如 2026-10-01。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="206"/>
        <source>Unknown weekday {weekday}.</source>
        <translation>未知星期 {weekday}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="207"/>
        <source>The amount must be a positive whole number.</source>
        <translation>數值必須是正整數。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="209"/>
        <source>“Before end of working day” takes no amount.</source>
        <translation>“下班前”不需要填寫數值。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="211"/>
        <source>This row is for the same channel and severity as another row.</source>
        <translation>此行與另一行的接收渠道和嚴重程度相同。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="213"/>
        <source>The policy needs a row for any channel and any severity.</source>
        <translation>時限規則需要一行適用於任意渠道和任意嚴重程度。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="215"/>
        <location filename="../../helpdesk/ui/messages.py" line="294"/>
        <source>{value} is not one of the choices.</source>
        <translation>{value} 不是可選項之一。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="216"/>
        <source>The duration must be a positive whole number of minutes.</source>
        <translation>時長必須是正整數分鐘。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="218"/>
        <source>The policy needs a key.</source>
        <translation>時限規則需要程式碼。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="219"/>
        <source>The policy needs a name.</source>
        <translation>時限規則需要名稱。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="220"/>
        <source>{key} is missing from the policy.</source>
        <translation>時限規則缺少 {key}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="221"/>
        <source>Expected {expected}, got {value}.</source>
        <translation>應為 {expected}，實際為 {value}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="222"/>
        <source>This policy was written by a newer program (format {version}).</source>
        <translation>該時限規則由更新版本的程序寫入（格式 {version}）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="224"/>
        <source>A pause cannot end before it starts.</source>
        <translation>暫停的結束時間不能早於開始時間。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="225"/>
        <source>Line {line} contains a control character.</source>
        <translation>第 {line} 行含有控制字元。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="226"/>
        <source>Line {line} has {length} characters; a phrase has at most {max_length}.</source>
        <translation>第 {line} 行有 {length} 個字元；每條短語最多 {max_length} 個。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="228"/>
        <source>Keep at least one phrase.</source>
        <translation>請至少保留一條短語。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="229"/>
        <source>At most {maximum} phrases.</source>
        <translation>最多 {maximum} 條短語。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="230"/>
        <source>{value} is not a category code: use lower-case letters, digits and ‘_’, starting with a letter.</source>
        <translation>{value} 不是類別程式碼：請使用小寫字母、數字和‘_’，並以字母開頭。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="233"/>
        <source>The code {value} is used twice.</source>
        <translation>程式碼 {value} 重複使用。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="234"/>
        <source>The category “{name}” is used by complaint sheets and cannot be removed.</source>
        <translation>類別“{name}”已被抱怨單使用，不能刪除。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="237"/>
        <source>Keep at least one category.</source>
        <translation>請至少保留一個類別。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="238"/>
        <source>At most {maximum} categories.</source>
        <translation>最多 {maximum} 個類別。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="239"/>
        <source>Keep records from 1 to 30 years.</source>
        <translation>記錄儲存期限為1至30年。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="240"/>
        <source>Unknown language {value}.</source>
        <translation>未知語言 {value}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="241"/>
        <source>The period must end after it starts.</source>
        <translation>期間的結束必須晚於開始。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="242"/>
        <source>The period must be 1 to 3660 days long.</source>
        <translation>期間長度必須為1至3660天。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="243"/>
        <source>Choose two different customers.</source>
        <translation>請選擇兩位不同的客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="244"/>
        <source>One of the customers was merged already.</source>
        <translation>其中一位客戶已被合併。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="246"/>
        <source>Unknown template {kind}.</source>
        <translation>未知模板 {kind}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="247"/>
        <source>The file is neither UTF-8 nor GB18030 text; save it as “CSV UTF-8” or as an Excel workbook.</source>
        <translation>檔案既不是 UTF-8 也不是 GB18030 文本；請另存為“CSV UTF-8”或 Excel 工作簿。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="250"/>
        <source>The CSV file cannot be read.</source>
        <translation>無法讀取該 CSV 檔案。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="251"/>
        <source>This is not a readable Excel workbook.</source>
        <translation>這不是可讀取的 Excel 工作簿。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="252"/>
        <source>The file does not exist.</source>
        <translation>檔案不存在。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="253"/>
        <source>Use a .csv or .xlsx file.</source>
        <translation>請使用 .csv 或 .xlsx 檔案。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="254"/>
        <source>The file is empty: the first line must hold the column headers.</source>
        <translation>檔案為空：第一行必須是列標題。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="256"/>
        <source>The file has more than {maximum} rows; split it.</source>
        <translation>檔案超過 {maximum} 行，請拆分。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="258"/>
        <source>Line 1: check the columns {columns} against the template&apos;s headers.</source>
        <translation>第1行：請對照模板的列標題檢查這些列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="260"/>
        <source>Choose CSV or Excel.</source>
        <translation>請選擇 CSV 或 Excel。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="262"/>
        <source>The number of customers must be 1 to 5,000,000.</source>
        <translation>客戶數必須在1到5,000,000之間。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="264"/>
        <source>The number of sheets must be 0 to 20,000,000.</source>
        <translation>抱怨單數必須在0到20,000,000之間。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="265"/>
        <source>This database already has customers or complaint sheets; demo data goes only into an empty one.</source>
        <translation>該資料庫已有客戶或抱怨單；演示資料只能載入空資料庫。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="268"/>
        <source>Demo data needs a SQL database.</source>
        <translation>演示資料需要 SQL 資料庫。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="269"/>
        <source>Unknown format {value}; choose PDF, CSV or Excel.</source>
        <translation>未知格式 {value}；請選擇 PDF、CSV 或 Excel。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="271"/>
        <source>The letter is empty.</source>
        <translation>回覆函為空。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="272"/>
        <source>The letter is longer than {max} characters.</source>
        <translation>回覆函超過 {max} 個字元。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="275"/>
        <source>The database file is on a network drive, where SQLite cannot be shared safely. Use a local file, or a PostgreSQL server for several desks.</source>
        <translation>資料庫檔案位於網路驅動器上，SQLite 無法在那裡安全共享。請使用本機檔案，多臺電腦共用請使用 PostgreSQL 伺服器。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="278"/>
        <source>The database {location} cannot be opened: {reason}</source>
        <translation>無法打開資料庫 {location}：{reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="280"/>
        <source>Enter a file path or a postgresql:// address.</source>
        <translation>請輸入檔案路徑或 postgresql:// 地址。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="282"/>
        <source>This is not a database address: {reason}</source>
        <translation>這不是資料庫地址：{reason}</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="283"/>
        <source>The configuration file cannot be read; fix or delete it.</source>
        <translation>無法讀取配置檔案；請修復或刪除它。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="285"/>
        <source>There is no database to back up.</source>
        <translation>沒有可備份的資料庫。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="286"/>
        <source>The backup file does not exist.</source>
        <translation>備份檔案不存在。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="287"/>
        <source>This file is not a SQLite database.</source>
        <translation>該檔案不是 SQLite 資料庫。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="288"/>
        <source>This file is not a Helpdesk database.</source>
        <translation>該檔案不是 Helpdesk 資料庫。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="289"/>
        <source>This database file is damaged.</source>
        <translation>該資料庫檔案已損壞。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="296"/>
        <source>The same value is on line {line} already.</source>
        <translation>第 {line} 行已有相同的值。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="297"/>
        <source>It does not exist (any more).</source>
        <translation>它不存在（或已不存在）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="298"/>
        <source>It does not belong to the customer.</source>
        <translation>它不屬於此客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="301"/>
        <source>Only {roles} may {what}.</source>
        <translation>只有{roles}可以{what}。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="305"/>
        <source>see complaint sheets</source>
        <translation>檢視抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="306"/>
        <source>register complaints</source>
        <translation>登記抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="307"/>
        <source>correct complaint sheets</source>
        <translation>更正抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="308"/>
        <source>acknowledge complaints</source>
        <translation>響應抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="309"/>
        <source>assign the responsible person</source>
        <translation>指定責任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="310"/>
        <source>add to the progress log</source>
        <translation>新增處理記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="311"/>
        <source>record the root cause, correction and measures</source>
        <translation>填寫根本原因、缺點糾正和措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="313"/>
        <source>pause a sheet for the customer</source>
        <translation>將抱怨單暫停等待客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="314"/>
        <source>resolve complaints</source>
        <translation>解決抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="315"/>
        <source>record return visits</source>
        <translation>記錄回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="316"/>
        <source>make the return visit after rework</source>
        <translation>進行返修後的回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="318"/>
        <source>close complaint sheets</source>
        <translation>關閉抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="319"/>
        <source>reopen complaint sheets</source>
        <translation>重新打開抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="320"/>
        <source>reopen closed complaint sheets</source>
        <translation>重新打開已關閉的抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="321"/>
        <source>accept a VIN whose check digit does not match</source>
        <translation>接受校驗位不符的車架號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="323"/>
        <source>create and edit customers</source>
        <translation>新建和編輯客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="324"/>
        <source>merge customers</source>
        <translation>合併客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="325"/>
        <source>see personal data</source>
        <translation>檢視個人資訊</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="326"/>
        <source>export personal data</source>
        <translation>匯出個人資訊</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="327"/>
        <source>import data</source>
        <translation>匯入資料</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="328"/>
        <source>see reports</source>
        <translation>檢視報表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="329"/>
        <source>manage users</source>
        <translation>管理使用者</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="330"/>
        <source>change settings</source>
        <translation>修改設定</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="331"/>
        <source>see the audit trail</source>
        <translation>檢視審計記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/messages.py" line="334"/>
        <source>Something went wrong: {message}</source>
        <translation>出現了問題：{message}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="39"/>
        <source>%1 d %2 h</source>
        <translation>%1天%2小時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="41"/>
        <source>%1 d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="44"/>
        <source>%1 h %2 min</source>
        <translation>%1小時%2分鐘</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="46"/>
        <source>%1 h</source>
        <translation>%1小時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="48"/>
        <source>%1 min</source>
        <translation>%1分鐘</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="49"/>
        <source>&lt; 1 min</source>
        <translation>不到1分鐘</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="78"/>
        <source>Response overdue %1</source>
        <translation>響應超時 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="79"/>
        <source>Overdue %1</source>
        <translation>超時 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="82"/>
        <source>Respond soon: %1 left</source>
        <translation>即將超時：響應剩餘 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="83"/>
        <source>Due soon: %1 left</source>
        <translation>即將超時：剩餘 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="86"/>
        <source>Paused (waiting for customer)</source>
        <translation>已暫停（等待客戶）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="89"/>
        <source>Done on time</source>
        <translation>按時完成</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="91"/>
        <source>Done %1 late</source>
        <translation>超時 %1 完成</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="93"/>
        <source>Respond within %1</source>
        <translation>響應剩餘 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/formatting.py" line="94"/>
        <source>%1 left</source>
        <translation>剩餘 %1</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="36"/>
        <source>Customer-care return visit</source>
        <translation>客戶關愛回訪中發現</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="37"/>
        <source>Service reception</source>
        <translation>服務顧問接待中</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="38"/>
        <source>Manufacturer 400 hotline</source>
        <translation>廠家400熱線</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="39"/>
        <source>Media / consumer association / regulator</source>
        <translation>媒體/消協/行業管理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="40"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="41"/>
        <source>Online / WeChat / e-mail</source>
        <translation>網路/微信/郵件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="42"/>
        <source>In store</source>
        <translation>門店現場</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="45"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="46"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="49"/>
        <source>Registered</source>
        <translation>已登記</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="50"/>
        <source>Acknowledged</source>
        <translation>已響應</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="51"/>
        <source>In progress</source>
        <translation>處理中</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="52"/>
        <source>Waiting for customer</source>
        <translation>等待客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="53"/>
        <source>Resolved, awaiting visit</source>
        <translation>已解決，待回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="54"/>
        <source>Visited</source>
        <translation>已回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="55"/>
        <source>Closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="58"/>
        <source>Technical</source>
        <translation>技術</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="59"/>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="60"/>
        <location filename="../../helpdesk/ui/labels.py" line="116"/>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="61"/>
        <source>Sales</source>
        <translation>銷售</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="62"/>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="63"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="66"/>
        <source>After rework</source>
        <translation>返修後回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="67"/>
        <source>Satisfaction check</source>
        <translation>滿意度確認</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="68"/>
        <source>Follow-up</source>
        <translation>跟蹤回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="71"/>
        <source>Not checked yet</source>
        <translation>尚未驗證</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="72"/>
        <source>Effective</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="73"/>
        <source>Not effective</source>
        <translation>無效</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="76"/>
        <source>Acknowledge</source>
        <translation>響應</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="77"/>
        <source>Assign</source>
        <translation>指定責任</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="78"/>
        <source>Wait for customer</source>
        <translation>等待客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="79"/>
        <source>Resume</source>
        <translation>恢復處理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="80"/>
        <source>Resolve</source>
        <translation>解決</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="81"/>
        <source>Record return visit</source>
        <translation>記錄回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="82"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="83"/>
        <source>Reopen</source>
        <translation>重新打開</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="86"/>
        <source>Front desk / service advisor</source>
        <translation>前臺/服務顧問</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="87"/>
        <source>Customer-care specialist</source>
        <translation>客戶關愛專員</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="88"/>
        <source>Service manager</source>
        <translation>服務經理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="89"/>
        <source>Service director</source>
        <translation>服務總監</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="90"/>
        <source>General manager</source>
        <translation>總經理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="91"/>
        <source>Administrator</source>
        <translation>系統管理員</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="94"/>
        <source>Regular</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="95"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="96"/>
        <source>Senior VIP</source>
        <translation>高級VIP</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="99"/>
        <source>Individual</source>
        <translation>個人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="100"/>
        <source>Company</source>
        <translation>單位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="103"/>
        <source>Not given</source>
        <translation>未填寫</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="104"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="105"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="108"/>
        <source>New</source>
        <translation>新客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="109"/>
        <source>Prospect</source>
        <translation>潛在客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="110"/>
        <source>Active</source>
        <translation>活躍客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="111"/>
        <source>Inactive</source>
        <translation>沉睡客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="114"/>
        <source>Vehicle sale</source>
        <translation>整車銷售</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="115"/>
        <source>Service and maintenance</source>
        <translation>維修保養</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="117"/>
        <source>Retail order</source>
        <translation>門店零售訂單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="120"/>
        <source>Dealership after-sales</source>
        <translation>4S店售後</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="121"/>
        <source>Retail store</source>
        <translation>零售門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="124"/>
        <source>Working minutes</source>
        <translation>工作分鐘</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="125"/>
        <source>Minutes (clock)</source>
        <translation>分鐘（自然時間）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="126"/>
        <source>Before end of working day</source>
        <translation>下班前</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="127"/>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="128"/>
        <source>Days (calendar)</source>
        <translation>天（自然日）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="131"/>
        <source>On time</source>
        <translation>按時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="132"/>
        <source>Late</source>
        <translation>超時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="133"/>
        <source>Running</source>
        <translation>計時中</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="134"/>
        <source>Due soon</source>
        <translation>即將到期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="135"/>
        <location filename="../../helpdesk/ui/labels.py" line="139"/>
        <source>Overdue</source>
        <translation>已超時</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="136"/>
        <source>Paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="140"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="145"/>
        <source>Dealership after-sales (seed 003)</source>
        <translation>4S店售後（抱怨處理流程）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="146"/>
        <source>Retail store (seed 004)</source>
        <translation>零售門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="147"/>
        <source>General customer service (seed 002)</source>
        <translation>通用客戶服務</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="151"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="152"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="153"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="154"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="155"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="156"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="157"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="161"/>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="162"/>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="163"/>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="164"/>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="165"/>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="166"/>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="167"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="171"/>
        <source>Phone call</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="172"/>
        <source>In person</source>
        <translation>當面</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="173"/>
        <source>WeChat / message</source>
        <translation>微信/簡訊</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="43"/>
        <source>Complaints</source>
        <translation>抱怨/投訴</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="44"/>
        <source>Customers</source>
        <translation>客戶檔案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="45"/>
        <source>Reports</source>
        <translation>報表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="46"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../helpdesk/ui/widgets.py" line="169"/>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
</context>
</TS>
