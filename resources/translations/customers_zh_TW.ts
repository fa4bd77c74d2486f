<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AnalyticsView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="87"/>
        <source>%1: %2 customers · %3 of revenue</source>
        <translation>%1：%2 位客戶 · 佔收入 %3</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="93"/>
        <source>%1: %2 customers</source>
        <translation>%1：%2 位客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="105"/>
        <source>No figures yet.</source>
        <translation>暫無資料。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="177"/>
        <source>All stores</source>
        <translation>全部門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="181"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="182"/>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="183"/>
        <source>Last 12 months</source>
        <translation>最近 12 個月</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="187"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="194"/>
        <source>Store</source>
        <translation>門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="196"/>
        <source>Retention and CSAT over</source>
        <translation>留存率和滿意度統計期間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="203"/>
        <source>Customer pyramid (active = a purchase in 12 months)</source>
        <translation>客戶金字塔（活躍 = 12 個月內有購買）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="209"/>
        <source>RFM class</source>
        <translation>RFM 分類</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="210"/>
        <source>Number of customers</source>
        <translation>客戶數</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="211"/>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="212"/>
        <source>Avg R/F/M</source>
        <translation>平均 R/F/M</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="213"/>
        <source>Meaning</source>
        <translation>含義</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="218"/>
        <source>RFM classes</source>
        <translation>RFM 客戶分層</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="221"/>
        <source>Key figures</source>
        <translation>關鍵指標</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="225"/>
        <source>Retention rate</source>
        <translation>客戶留存率</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="226"/>
        <source>Repurchase rate</source>
        <translation>回購率</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="227"/>
        <source>CSAT (satisfaction ≥ 4)</source>
        <translation>客戶滿意度 CSAT（滿意度 ≥ 4）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="228"/>
        <source>Average satisfaction</source>
        <translation>平均滿意度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="229"/>
        <source>Lifecycle</source>
        <translation>生命週期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="239"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="240"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="241"/>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="253"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="242"/>
        <source>Tier</source>
        <translation>客戶等級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="243"/>
        <source>Marketing consent</source>
        <translation>行銷授權</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="250"/>
        <source>Due</source>
        <translation>應回訪時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="251"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="252"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="254"/>
        <source>Sheet / order</source>
        <translation>抱怨單 / 訂單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="269"/>
        <source>Record first visit after delivery…</source>
        <translation>記錄交付後首次回訪…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="283"/>
        <source>Birthdays this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="284"/>
        <source>Return visits due</source>
        <translation>待回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="312"/>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="318"/>
        <source>First visit after delivery</source>
        <translation>交付後首次回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="313"/>
        <source>Satisfaction of %1 (1–5):</source>
        <translation>%1 的滿意度（1–5）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="319"/>
        <source>What the customer said:</source>
        <translation>客戶的反饋：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="370"/>
        <source>Computing…</source>
        <translation>正在計算…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="376"/>
        <source>Computing customer analytics…</source>
        <translation>正在計算客戶分析…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="390"/>
        <source>%1 — %2 of %3 customers who bought in the previous period bought again</source>
        <translation>%1 —— 上一期購買的 %3 位客戶中有 %2 位再次購買</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="399"/>
        <source>%1 — %2 of %3 buyers bought twice or more</source>
        <translation>%1 —— %3 位購買客戶中有 %2 位購買兩次以上</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="405"/>
        <source>%1 — %2 of %3 return visits</source>
        <translation>%1 —— %3 次回訪中有 %2 次</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="418"/>
        <source>Birthdays this month (%1)</source>
        <translation>本月生日（%1）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="424"/>
        <source>Return visits due (%1)</source>
        <translation>待回訪（%1）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="429"/>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="464"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="466"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="473"/>
        <source>Since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="478"/>
        <source>Overdue since %1</source>
        <translation>自 %1 起已逾時</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="60"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="61"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="62"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="63"/>
        <source>Record</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="64"/>
        <source>Changes</source>
        <translation>變更內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="94"/>
        <source>Reading the audit trail…</source>
        <translation>正在讀取審計記錄…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="130"/>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="132"/>
        <source>Any action</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="134"/>
        <source>Any record</source>
        <translation>所有記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="139"/>
        <source>Record no.</source>
        <translation>記錄編號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="142"/>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="149"/>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="151"/>
        <source>Open the record</source>
        <translation>打開記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="157"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="186"/>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="187"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="188"/>
        <source>After</source>
        <translation>修改後</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="250"/>
        <source>%Ln entry(ies)</source>
        <translation>
            <numerusform>%Ln 筆記錄</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="283"/>
        <source>Export the audit trail</source>
        <translation>匯出審計記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="285"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="294"/>
        <source>%Ln entry(ies) exported</source>
        <translation>
            <numerusform>已匯出 %Ln 筆記錄</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerBrowser</name>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="58"/>
        <location filename="../../helpdesk/ui/customers/browser.py" line="140"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="104"/>
        <source>Name, pinyin (zs / zhangsan), phone or last 4 digits, plate, VIN or last 6, order number, company</source>
        <translation>姓名、拼音（zs / zhangsan）、電話或後 4 碼、車牌、車身號碼或後 6 碼、訂單號、單位名稱</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="114"/>
        <source>Import…</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="117"/>
        <source>Export list…</source>
        <translation>匯出清單…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="133"/>
        <source>All stores</source>
        <translation>全部門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="136"/>
        <source>Any advisor</source>
        <translation>全部顧問</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="141"/>
        <source>With open complaints</source>
        <translation>有未結案的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="142"/>
        <source>Without open complaints</source>
        <translation>沒有未結案的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="145"/>
        <source>Birthday this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="147"/>
        <source>Return visit due</source>
        <translation>待回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="154"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="155"/>
        <source>Last purchase</source>
        <translation>最近購買</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="156"/>
        <source>Revenue (12 months)</source>
        <translation>收入（12 個月）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="157"/>
        <source>Last complaint</source>
        <translation>最近抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="160"/>
        <source>Reverse</source>
        <translation>反向</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="164"/>
        <source>Tier</source>
        <translation>客戶等級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="165"/>
        <source>Pyramid</source>
        <translation>金字塔</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="166"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="167"/>
        <source>Lifecycle</source>
        <translation>生命週期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="170"/>
        <source>Complaints</source>
        <translation>抱怨/投訴</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="181"/>
        <source>Sort by</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="235"/>
        <source>Customers</source>
        <translation>客戶檔案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="236"/>
        <source>Analytics</source>
        <translation>客戶分析</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="237"/>
        <source>Duplicates</source>
        <translation>重複客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="241"/>
        <source>Audit trail</source>
        <translation>審計記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="263"/>
        <source>Exporting personal data needs the service manager&apos;s or director&apos;s right.</source>
        <translation>匯出個人資料需要服務經理或服務總監的權限。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="368"/>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/browser.py" line="373"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 位客戶</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/browser.py" line="565"/>
        <source>%Ln customer(s) exported</source>
        <translation>
            <numerusform>已匯出 %Ln 位客戶</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="529"/>
        <source>Export customers</source>
        <translation>匯出客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="152"/>
        <source>Best match / most recent</source>
        <translation>最佳匹配 / 最近</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="153"/>
        <source>Most recent</source>
        <translation>最近新建或修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="531"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 活頁簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="574"/>
        <source>Exporting customers…</source>
        <translation>正在匯出客戶…</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="86"/>
        <source>Phone numbers and addresses are hidden for your role.</source>
        <translation>您的角色無權查看電話號碼和地址，已隱藏。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="93"/>
        <source>New complaint</source>
        <translation>新增抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="103"/>
        <source>Profile</source>
        <translation>基本資料</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="106"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="271"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="107"/>
        <source>Role</source>
        <translation>職務</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="108"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="109"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="291"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="123"/>
        <source>Add contact…</source>
        <translation>新增聯絡人…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="126"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="186"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="205"/>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="129"/>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="134"/>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="137"/>
        <source>Plate</source>
        <translation>車牌號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="138"/>
        <source>VIN</source>
        <translation>車身號碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="139"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="140"/>
        <source>Model</source>
        <translation>車型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="141"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="142"/>
        <source>Purchased</source>
        <translation>購車日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="143"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="158"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="159"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="213"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="225"/>
        <source>Number</source>
        <translation>單號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="160"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="161"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="162"/>
        <source>Items</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="175"/>
        <source>Vehicles</source>
        <translation>車輛</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="183"/>
        <source>Add vehicle…</source>
        <translation>新增車輛…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="189"/>
        <source>Retire / reinstate</source>
        <translation>停用 / 恢復</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="194"/>
        <source>Orders and service visits</source>
        <translation>訂單與維修保養</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="202"/>
        <source>Add order or service visit…</source>
        <translation>新增訂單或維修保養…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="208"/>
        <source>Vehicles and orders</source>
        <translation>車輛與訂單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="211"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="212"/>
        <source>What</source>
        <translation>事項</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="214"/>
        <source>Amount / score</source>
        <translation>金額 / 評分</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="215"/>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="222"/>
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="226"/>
        <source>Received</source>
        <translation>接收時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="227"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="228"/>
        <source>Time left</source>
        <translation>剩餘時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="235"/>
        <source>Open complaints</source>
        <translation>未結案的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="236"/>
        <source>Value</source>
        <translation>客戶價值</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="275"/>
        <source>Individual or company</source>
        <translation>個人或單位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="279"/>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="282"/>
        <source>Several numbers: separate with commas</source>
        <translation>多個號碼請用逗號分隔</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="287"/>
        <source>Phones</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="293"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="295"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="299"/>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="305"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="309"/>
        <source>18 characters (old cards: 15); optional</source>
        <translation>18位（舊證15位）；可不填</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="311"/>
        <source>ID number</source>
        <translation>身分證號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="315"/>
        <source>Tier</source>
        <translation>客戶等級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="320"/>
        <source>Industry (company)</source>
        <translation>行業（單位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="323"/>
        <source>Size (company)</source>
        <translation>規模（單位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="325"/>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="327"/>
        <source>May be contacted for marketing (consent given)</source>
        <translation>同意接收行銷聯絡（已授權）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="329"/>
        <source>Consent</source>
        <translation>授權</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="332"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="333"/>
        <source>Save changes</source>
        <translation>儲存修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="357"/>
        <source>Revenue, last 12 months</source>
        <translation>最近 12 個月收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="358"/>
        <source>Revenue so far</source>
        <translation>累計收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="359"/>
        <source>Lifecycle</source>
        <translation>生命週期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="360"/>
        <source>Pyramid segment</source>
        <translation>金字塔層級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="361"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="362"/>
        <source>Lifetime value (estimate)</source>
        <translation>客戶生命週期價值（估算）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="440"/>
        <source>Loading customer…</source>
        <translation>正在載入客戶…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/detail.py" line="510"/>
        <source>Sum of the orders of the last 365 days (%n order(s)).</source>
        <translation>
            <numerusform>最近 365 天訂單的合計（%n 筆）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/detail.py" line="521"/>
        <source>Sum of all %n order(s) since %1.</source>
        <translation>
            <numerusform>自 %1 以來全部 %n 筆訂單的合計。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="528"/>
        <source>No purchase yet, so no RFM score.</source>
        <translation>尚無購買，沒有 RFM 評分。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="533"/>
        <source>Scores 1–5 by quintile among all buying customers (5 = best 20 %) of the last purchase date, the number of orders and the revenue. </source>
        <translation>在所有購買客戶中，依最近購買日期、購買次數和收入各分五等評 1–5 分（5 = 最好的 20 %）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="543"/>
        <source>Revenue so far + the last 12 months&apos; revenue × %1 more years.</source>
        <translation>累計收入 + 最近 12 個月收入 × 未來 %1 年。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="613"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="639"/>
        <source>Unsaved changes</source>
        <translation>未儲存的修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="640"/>
        <source>Save the changes to %1 first?</source>
        <translation>先儲存對 %1 的修改嗎？</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="759"/>
        <source>Complaint</source>
        <translation>抱怨/投訴</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="761"/>
        <source>Return visit</source>
        <translation>回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="772"/>
        <source>Satisfaction %1/5</source>
        <translation>滿意度 %1/5</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="787"/>
        <source>Awaiting return visit</source>
        <translation>待回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="794"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="806"/>
        <source>No purchase yet.</source>
        <translation>尚無購買。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="795"/>
        <source>First purchase within the last 90 days.</source>
        <translation>首次購買在最近 90 天內。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="796"/>
        <source>A purchase within the last 12 months.</source>
        <translation>最近 12 個月內有購買。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="797"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="808"/>
        <source>Bought before, but nothing in the last 12 months.</source>
        <translation>以前購買過，但最近 12 個月沒有購買。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="810"/>
        <source>Rank %1 of %2 active customers by revenue of the last 12 months: top 1 %, then high 4 %, middle 15 %, low 80 %.</source>
        <translation>依最近 12 個月收入在 %2 位活躍客戶中排第 %1 名：前 1 % 為頂端，其後 4 % 為高端，15 % 為中端，80 % 為低端。</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="69"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="70"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="71"/>
        <source>Plate</source>
        <translation>車牌號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="72"/>
        <source>Tier</source>
        <translation>客戶等級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="73"/>
        <source>Lifecycle</source>
        <translation>生命週期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="74"/>
        <source>Last purchase</source>
        <translation>最近購買</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="75"/>
        <source>Revenue (12 months)</source>
        <translation>收入（12 個月）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="76"/>
        <source>Open complaints</source>
        <translation>未結案的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="77"/>
        <source>Last complaint</source>
        <translation>最近抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="78"/>
        <source>Store</source>
        <translation>門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="79"/>
        <source>Advisor</source>
        <translation>顧問</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="146"/>
        <source>Click to sort</source>
        <extracomment>The sort a click on a column header asks for (columns not listed do not sort).</extracomment>
        <translation>點擊排序</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="152"/>
        <source>Searching customers…</source>
        <translation>正在搜尋客戶…</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="55"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="55"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="86"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="107"/>
        <source>Phones</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="90"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="91"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="92"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="88"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="87"/>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="89"/>
        <source>ID number</source>
        <translation>身分證號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="93"/>
        <source>Industry</source>
        <translation>行業</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="94"/>
        <source>Company size</source>
        <translation>公司規模</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="95"/>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="96"/>
        <source>Tier</source>
        <translation>客戶等級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="97"/>
        <source>Marketing consent</source>
        <translation>行銷授權</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="98"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="99"/>
        <source>Store</source>
        <translation>門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="100"/>
        <source>Advisor</source>
        <translation>顧問</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="108"/>
        <source>Vehicles</source>
        <translation>車輛</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="109"/>
        <source>Orders</source>
        <translation>訂單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="110"/>
        <source>Complaints</source>
        <translation>抱怨/投訴</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="111"/>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="138"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="139"/>
        <source>Keep (older record)</source>
        <translation>保留（較早的記錄）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="140"/>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="160"/>
        <source>Duplicate</source>
        <translation>重複記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="159"/>
        <source>Kept record</source>
        <translation>保留的記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="161"/>
        <source>Take</source>
        <translation>採用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="162"/>
        <source>After the merge</source>
        <translation>合併後</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="176"/>
        <source>Every phone, contact, vehicle, order and complaint of the duplicate moves to the kept record. Fields the two records fill differently are highlighted: choose whose value to take. Marketing consent takes the narrower answer unless you choose otherwise (recorded in the audit trail). The duplicate stays hidden.</source>
        <translation>重複記錄的所有電話、聯絡人、車輛、訂單和抱怨都轉到保留的記錄。兩筆記錄填寫不同的欄位以底色標出：請選擇採用哪一方的值。行銷授權預設採用較窄的答覆，除非您另行選擇（記入審計記錄）。重複記錄保留但隱藏。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="191"/>
        <source>Keep the other one</source>
        <translation>改為保留另一筆</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="194"/>
        <source>Merge</source>
        <translation>合併</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="197"/>
        <source>Find duplicates</source>
        <translation>尋找重複客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="235"/>
        <source>Only a service manager or director may merge.</source>
        <translation>只有服務經理或服務總監可以合併。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="255"/>
        <source>The first %1 suggestions: merge or correct these to see the next ones.</source>
        <translation>只列出前 %1 條建議：合併或更正這些後可看到其餘的。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="258"/>
        <source>%1 suggestion(s)</source>
        <translation>%1 條建議</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="273"/>
        <source>Looking for duplicates…</source>
        <translation>正在尋找重複客戶…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="384"/>
        <source>You chose to keep the marketing consent although one record says no: the merge records your choice in the audit trail.</source>
        <translation>您選擇保留行銷授權，儘管其中一筆記錄為「否」：合併時會將您的選擇記入審計記錄。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="391"/>
        <source>%1 field(s) differ</source>
        <translation>%1 個欄位不同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="399"/>
        <source>Kept record&apos;s</source>
        <translation>保留記錄的</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="400"/>
        <source>Duplicate&apos;s</source>
        <translation>重複記錄的</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="434"/>
        <source>Merge customers</source>
        <translation>合併客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="435"/>
        <source>Merge %1 into %2? The duplicate&apos;s records move to the kept customer.</source>
        <translation>將 %1 合併到 %2？重複記錄的資料將轉到保留的客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="451"/>
        <source>Merging…</source>
        <translation>正在合併…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="456"/>
        <source>Merged into %1.</source>
        <translation>已合併到 %1。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="78"/>
        <source>Import customers</source>
        <translation>匯入客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="77"/>
        <source>Import complaint sheets</source>
        <translation>匯入抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="83"/>
        <source>A .csv, .xlsx or .xls file: your own ledger or the template</source>
        <translation>.csv、.xlsx 或 .xls 檔案：您自己的台帳或範本</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="86"/>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="89"/>
        <source>Template…</source>
        <translation>下載範本…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="91"/>
        <source>Save an empty template with Chinese and English headers, an example row and the allowed words</source>
        <translation>儲存空白範本：中英文欄標題、範例列和可填寫的詞</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="95"/>
        <source>Check</source>
        <translation>檢查</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="107"/>
        <source>Automatic</source>
        <translation>自動識別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="114"/>
        <source>Worksheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="115"/>
        <source>Encoding (CSV):</source>
        <translation>編碼（CSV）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="124"/>
        <source>Your column</source>
        <translation>您的欄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="125"/>
        <source>Read as</source>
        <translation>讀作</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="135"/>
        <source>Line</source>
        <translation>列號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="136"/>
        <source>Column</source>
        <translation>欄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="137"/>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="154"/>
        <source>Skip bad rows and import the good ones</source>
        <translation>略過有問題的列，只匯入正確的列</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="159"/>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="201"/>
        <source>Tables (*.csv *.xlsx *.xls *.xlsm *.ods *.txt)</source>
        <translation>表格 (*.csv *.xlsx *.xls *.xlsm *.ods *.txt)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="209"/>
        <source>Save the template</source>
        <translation>儲存範本</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="211"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 活頁簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="223"/>
        <source>Template saved: %1</source>
        <translation>範本已儲存：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="271"/>
        <source>— choose a worksheet —</source>
        <translation>— 請選擇工作表 —</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="283"/>
        <source>(ignored)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="312"/>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="313"/>
        <source>Checking every row…</source>
        <translation>正在檢查每一列…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="316"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="369"/>
        <source>%1 rows imported, %2 rows skipped.</source>
        <translation>已匯入 %1 列，略過 %2 列。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="338"/>
        <source>%1 rows, all correct: ready to import.</source>
        <translation>共 %1 列，全部正確，可以匯入。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="344"/>
        <source>%1 rows: %2 correct, %3 with problems (listed below by line). Fix the file and check again, or tick &quot;skip bad rows&quot;.</source>
        <translation>共 %1 列：%2 列正確，%3 列有問題（下表按列號列出）。請修改檔案後重新檢查，或勾選「略過有問題的列」。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="377"/>
        <source>Nothing was imported: the file has problems.</source>
        <translation>未匯入任何資料：檔案有問題。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="64"/>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="189"/>
        <source>VIN (17 characters, or the last 6 or more)</source>
        <translation>車架號（17位，或至少後6位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="191"/>
        <source>Plate</source>
        <translation>車牌</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="192"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="193"/>
        <source>Model</source>
        <translation>車型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="194"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="197"/>
        <source>Purchased</source>
        <translation>購車日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="203"/>
        <source>Add a vehicle</source>
        <translation>新增車輛</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="205"/>
        <source>Edit the vehicle</source>
        <translation>編輯車輛</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="233"/>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="241"/>
        <source>Number</source>
        <translation>單號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="246"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="254"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="258"/>
        <source>Amount (yuan)</source>
        <translation>金額（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="259"/>
        <source>Items</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="262"/>
        <source>Vehicle</source>
        <translation>車輛</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="271"/>
        <source>Add an order or service visit</source>
        <translation>新增訂單或維修保養</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="273"/>
        <source>Edit order %1</source>
        <translation>編輯訂單 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="295"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="296"/>
        <source>Role</source>
        <translation>職務</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="299"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="305"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="311"/>
        <source>Add a contact person</source>
        <translation>新增聯絡人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="313"/>
        <source>Edit the contact person</source>
        <translation>編輯聯絡人</translation>
    </message>
</context>
<context>
    <name>customer_labels</name>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="21"/>
        <source>Same phone</source>
        <translation>電話相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="22"/>
        <source>Same name, similar phone</source>
        <translation>姓名相同、電話相近</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="26"/>
        <source>Same plate</source>
        <translation>車牌相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="27"/>
        <source>Same name and address</source>
        <translation>姓名和地址相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="28"/>
        <source>Same ID number</source>
        <translation>身分證號相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="29"/>
        <source>Similar name + same address</source>
        <translation>姓名相近 + 地址相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="34"/>
        <source>Satisfaction check after resolution</source>
        <translation>解決後滿意度回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="37"/>
        <source>First visit after delivery</source>
        <translation>交付後首次回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="44"/>
        <source>Bought recently, often and much (R ≥ 3, F ≥ 4, M ≥ 4).</source>
        <translation>近期購買、購買頻繁且金額高（R ≥ 3，F ≥ 4，M ≥ 4）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="47"/>
        <source>Bought recently and buys often or much (R ≥ 3, F or M ≥ 3).</source>
        <translation>近期購買，且購買較頻繁或金額較高（R ≥ 3，F 或 M ≥ 3）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="50"/>
        <source>Bought recently, seldom and little (R ≥ 3, F and M ≤ 2).</source>
        <translation>近期購買，但次數少、金額低（R ≥ 3，F 和 M ≤ 2）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="53"/>
        <source>Valuable, but has not been back for a while (R ≤ 2, F or M ≥ 4).</source>
        <translation>有價值，但較長時間未再購買（R ≤ 2，F 或 M ≥ 4）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="56"/>
        <source>Has not been back for a while and bought little (R ≤ 2).</source>
        <translation>較長時間未再購買，且購買不多（R ≤ 2）。</translation>
    </message>
</context>
</TS>
