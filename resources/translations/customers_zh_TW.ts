<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AnalyticsView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="85"/>
        <source>%1: %2 customers · %3 of revenue</source>
        <translation>%1：%2 位客戶 · 佔收入 %3</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="91"/>
        <source>%1: %2 customers</source>
        <translation>%1：%2 位客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="103"/>
        <source>No figures yet.</source>
        <translation>暫無資料。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="175"/>
        <source>All stores</source>
        <translation>全部門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="179"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="180"/>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="181"/>
        <source>Last 12 months</source>
        <translation>最近 12 個月</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="185"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="192"/>
        <source>Store</source>
        <translation>門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="194"/>
        <source>Retention and CSAT over</source>
        <translation>留存率和滿意度統計期間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="201"/>
        <source>Customer pyramid (active = a purchase in 12 months)</source>
        <translation>客戶金字塔（活躍 = 12 個月內有購買）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="207"/>
        <source>RFM class</source>
        <translation>RFM 分類</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="208"/>
        <source>Number of customers</source>
        <translation>客戶數</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="209"/>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="210"/>
        <source>Avg R/F/M</source>
        <translation>平均 R/F/M</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="211"/>
        <source>Meaning</source>
        <translation>含義</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="216"/>
        <source>RFM classes</source>
        <translation>RFM 客戶分層</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="219"/>
        <source>Key figures</source>
        <translation>關鍵指標</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="223"/>
        <source>Retention rate</source>
        <translation>客戶留存率</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="224"/>
        <source>Repurchase rate</source>
        <translation>回購率</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="225"/>
        <source>CSAT (satisfaction ≥ 4)</source>
        <translation>客戶滿意度 CSAT（滿意度 ≥ 4）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="226"/>
        <source>Average satisfaction</source>
        <translation>平均滿意度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="227"/>
        <source>Lifecycle</source>
        <translation>生命週期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="237"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="238"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="239"/>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="251"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="240"/>
        <source>Tier</source>
        <translation>客戶等級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="241"/>
        <source>Marketing consent</source>
        <translation>行銷授權</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="248"/>
        <source>Due</source>
        <translation>應回訪時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="249"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="250"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="252"/>
        <source>Sheet / order</source>
        <translation>抱怨單 / 訂單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="267"/>
        <source>Birthdays this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="268"/>
        <source>Return visits due</source>
        <translation>待回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="321"/>
        <source>Computing…</source>
        <translation>正在計算…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="327"/>
        <source>Computing customer analytics…</source>
        <translation>正在計算客戶分析…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="341"/>
        <source>%1 — %2 of %3 customers who bought in the previous period bought again</source>
        <translation>%1 —— 上一期購買的 %3 位客戶中有 %2 位再次購買</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="350"/>
        <source>%1 — %2 of %3 buyers bought twice or more</source>
        <translation>%1 —— %3 位購買客戶中有 %2 位購買兩次以上</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="356"/>
        <source>%1 — %2 of %3 return visits</source>
        <translation>%1 —— %3 次回訪中有 %2 次</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="369"/>
        <source>Birthdays this month (%1)</source>
        <translation>本月生日（%1）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="375"/>
        <source>Return visits due (%1)</source>
        <translation>待回訪（%1）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="380"/>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="415"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="417"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="424"/>
        <source>Since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="429"/>
        <source>Overdue since %1</source>
        <translation>自 %1 起已逾時</translation>
    </message>
</context>
<context>
    <name>CustomerBrowser</name>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="57"/>
        <location filename="../../helpdesk/ui/customers/browser.py" line="138"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="102"/>
        <source>Name, pinyin (zs / zhangsan), phone or last 4 digits, plate, VIN or last 6, order number, company</source>
        <translation>姓名、拼音（zs / zhangsan）、電話或後 4 碼、車牌、車身號碼或後 6 碼、訂單號、單位名稱</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="112"/>
        <source>Import…</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="115"/>
        <source>Export list…</source>
        <translation>匯出清單…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="131"/>
        <source>All stores</source>
        <translation>全部門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="134"/>
        <source>Any advisor</source>
        <translation>全部顧問</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="139"/>
        <source>With open complaints</source>
        <translation>有未結案的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="140"/>
        <source>Without open complaints</source>
        <translation>沒有未結案的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="143"/>
        <source>Birthday this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="145"/>
        <source>Return visit due</source>
        <translation>待回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="150"/>
        <source>Best match / name</source>
        <translation>最佳符合 / 姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="151"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="152"/>
        <source>Last purchase</source>
        <translation>最近購買</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="153"/>
        <source>Revenue (12 months)</source>
        <translation>收入（12 個月）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="154"/>
        <source>Last complaint</source>
        <translation>最近抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="157"/>
        <source>Reverse</source>
        <translation>反向</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="161"/>
        <source>Tier</source>
        <translation>客戶等級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="162"/>
        <source>Pyramid</source>
        <translation>金字塔</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="163"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="164"/>
        <source>Lifecycle</source>
        <translation>生命週期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="167"/>
        <source>Complaints</source>
        <translation>抱怨/投訴</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="178"/>
        <source>Sort by</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="221"/>
        <source>Customers</source>
        <translation>客戶檔案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="222"/>
        <source>Analytics</source>
        <translation>客戶分析</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="223"/>
        <source>Duplicates</source>
        <translation>重複客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="242"/>
        <source>Exporting personal data needs the service manager&apos;s or director&apos;s right.</source>
        <translation>匯出個人資料需要服務經理或服務總監的權限。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="346"/>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/browser.py" line="351"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 位客戶</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/browser.py" line="441"/>
        <source>%Ln customer(s) exported</source>
        <translation>
            <numerusform>已匯出 %Ln 位客戶</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="420"/>
        <source>Export customers</source>
        <translation>匯出客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="422"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 活頁簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="450"/>
        <source>Exporting customers…</source>
        <translation>正在匯出客戶…</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="82"/>
        <source>Phone numbers and addresses are hidden for your role.</source>
        <translation>您的角色無權查看電話號碼和地址，已隱藏。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="89"/>
        <source>New complaint</source>
        <translation>新增抱怨單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="99"/>
        <source>Profile</source>
        <translation>基本資料</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="102"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="208"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="103"/>
        <source>Role</source>
        <translation>職務</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="104"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="105"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="228"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="112"/>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="116"/>
        <source>Plate</source>
        <translation>車牌號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="117"/>
        <source>VIN</source>
        <translation>車身號碼</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="118"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="119"/>
        <source>Model</source>
        <translation>車型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="120"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="121"/>
        <source>Purchased</source>
        <translation>購車日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="135"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="136"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="161"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="173"/>
        <source>Number</source>
        <translation>單號</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="137"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="138"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="139"/>
        <source>Items</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="152"/>
        <source>Vehicles</source>
        <translation>車輛</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="154"/>
        <source>Orders and service visits</source>
        <translation>訂單與維修保養</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="156"/>
        <source>Vehicles and orders</source>
        <translation>車輛與訂單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="159"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="160"/>
        <source>What</source>
        <translation>事項</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="162"/>
        <source>Amount / score</source>
        <translation>金額 / 評分</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="163"/>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="170"/>
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="174"/>
        <source>Received</source>
        <translation>接收時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="175"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="176"/>
        <source>Time left</source>
        <translation>剩餘時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="183"/>
        <source>Open complaints</source>
        <translation>未結案的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="184"/>
        <source>Value</source>
        <translation>客戶價值</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="212"/>
        <source>Individual or company</source>
        <translation>個人或單位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="216"/>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="219"/>
        <source>Several numbers: separate with commas</source>
        <translation>多個號碼請用逗號分隔</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="224"/>
        <source>Phones</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="230"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="232"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="236"/>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="245"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="249"/>
        <source>Tier</source>
        <translation>客戶等級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="254"/>
        <source>Industry (company)</source>
        <translation>行業（單位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="257"/>
        <source>Size (company)</source>
        <translation>規模（單位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="259"/>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="261"/>
        <source>May be contacted for marketing (consent given)</source>
        <translation>同意接收行銷聯絡（已授權）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="263"/>
        <source>Consent</source>
        <translation>授權</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="266"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="267"/>
        <source>Save changes</source>
        <translation>儲存修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="291"/>
        <source>Revenue, last 12 months</source>
        <translation>最近 12 個月收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="292"/>
        <source>Revenue so far</source>
        <translation>累計收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="293"/>
        <source>Lifecycle</source>
        <translation>生命週期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="294"/>
        <source>Pyramid segment</source>
        <translation>金字塔層級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="295"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="296"/>
        <source>Lifetime value (estimate)</source>
        <translation>客戶生命週期價值（估算）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="364"/>
        <source>Loading customer…</source>
        <translation>正在載入客戶…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/detail.py" line="431"/>
        <source>Sum of the orders of the last 365 days (%n order(s)).</source>
        <translation>
            <numerusform>最近 365 天訂單的合計（%n 筆）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/detail.py" line="442"/>
        <source>Sum of all %n order(s) since %1.</source>
        <translation>
            <numerusform>自 %1 以來全部 %n 筆訂單的合計。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="449"/>
        <source>No purchase yet, so no RFM score.</source>
        <translation>尚無購買，沒有 RFM 評分。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="454"/>
        <source>Scores 1–5 by quintile among all buying customers (5 = best 20 %) of the last purchase date, the number of orders and the revenue. </source>
        <translation>在所有購買客戶中，依最近購買日期、購買次數和收入各分五等評 1–5 分（5 = 最好的 20 %）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="464"/>
        <source>Revenue so far + the last 12 months&apos; revenue × %1 more years.</source>
        <translation>累計收入 + 最近 12 個月收入 × 未來 %1 年。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="532"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="550"/>
        <source>Complaint</source>
        <translation>抱怨/投訴</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="552"/>
        <source>Return visit</source>
        <translation>回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="563"/>
        <source>Satisfaction %1/5</source>
        <translation>滿意度 %1/5</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="578"/>
        <source>Awaiting return visit</source>
        <translation>待回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="585"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="597"/>
        <source>No purchase yet.</source>
        <translation>尚無購買。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="586"/>
        <source>First purchase within the last 90 days.</source>
        <translation>首次購買在最近 90 天內。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="587"/>
        <source>A purchase within the last 12 months.</source>
        <translation>最近 12 個月內有購買。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="588"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="599"/>
        <source>Bought before, but nothing in the last 12 months.</source>
        <translation>以前購買過，但最近 12 個月沒有購買。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="601"/>
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
        <location filename="../../helpdesk/ui/customers/model.py" line="121"/>
        <source>Searching customers…</source>
        <translation>正在搜尋客戶…</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="56"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="58"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="68"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="69"/>
        <source>Phones</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="70"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="71"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="72"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="73"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="74"/>
        <source>Tier</source>
        <translation>客戶等級</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="75"/>
        <source>Marketing consent</source>
        <translation>行銷授權</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="76"/>
        <source>Vehicles</source>
        <translation>車輛</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="77"/>
        <source>Orders</source>
        <translation>訂單</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="78"/>
        <source>Complaints</source>
        <translation>抱怨/投訴</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="79"/>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="101"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="102"/>
        <source>Keep (older record)</source>
        <translation>保留（較早的記錄）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="103"/>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="123"/>
        <source>Duplicate</source>
        <translation>重複記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="122"/>
        <source>Kept record</source>
        <translation>保留的記錄</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="124"/>
        <source>After the merge</source>
        <translation>合併後</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="131"/>
        <source>Every phone, contact, vehicle, order and complaint of the duplicate moves to the kept record; empty fields are filled from the duplicate, which stays hidden (audited).</source>
        <translation>重複記錄的所有電話、聯絡人、車輛、訂單和抱怨單都會轉到保留的記錄；保留記錄中空白的欄位由重複記錄補全，重複記錄隱藏保存（留有稽核記錄）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="139"/>
        <source>Keep the other one</source>
        <translation>改為保留另一筆</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="142"/>
        <source>Merge</source>
        <translation>合併</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="145"/>
        <source>Find duplicates</source>
        <translation>尋找重複客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="182"/>
        <source>Only a service manager or director may merge.</source>
        <translation>只有服務經理或服務總監可以合併。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="202"/>
        <source>%1 suggestion(s)</source>
        <translation>%1 條建議</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="215"/>
        <source>Looking for duplicates…</source>
        <translation>正在尋找重複客戶…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="291"/>
        <source>Merge customers</source>
        <translation>合併客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="292"/>
        <source>Merge %1 into %2? The duplicate&apos;s records move to the kept customer.</source>
        <translation>將 %1 合併到 %2？重複記錄的資料將轉到保留的客戶。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="312"/>
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
    <name>customer_labels</name>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="18"/>
        <source>Top (1 %)</source>
        <translation>頂端客戶（1 %）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="19"/>
        <source>High (4 %)</source>
        <translation>高端客戶（4 %）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="20"/>
        <source>Middle (15 %)</source>
        <translation>中端客戶（15 %）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="21"/>
        <source>Low (80 %)</source>
        <translation>低端客戶（80 %）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="22"/>
        <source>Inactive</source>
        <translation>不活躍客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="23"/>
        <source>Prospect</source>
        <translation>潛在客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="26"/>
        <source>High value</source>
        <translation>高價值客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="27"/>
        <source>Potential</source>
        <translation>潛力客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="28"/>
        <source>Ordinary</source>
        <translation>普通客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="29"/>
        <source>At risk</source>
        <translation>流失風險客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="30"/>
        <source>Silent</source>
        <translation>沉默客戶</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="33"/>
        <source>Same phone</source>
        <translation>電話相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="34"/>
        <source>Same name, similar phone</source>
        <translation>姓名相同、電話相近</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="39"/>
        <source>Satisfaction check after resolution</source>
        <translation>解決後滿意度回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="42"/>
        <source>First visit after delivery</source>
        <translation>交付後首次回訪</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="49"/>
        <source>Bought recently, often and much (R ≥ 3, F ≥ 4, M ≥ 4).</source>
        <translation>近期購買、購買頻繁且金額高（R ≥ 3，F ≥ 4，M ≥ 4）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="52"/>
        <source>Bought recently and buys often or much (R ≥ 3, F or M ≥ 3).</source>
        <translation>近期購買，且購買較頻繁或金額較高（R ≥ 3，F 或 M ≥ 3）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="55"/>
        <source>Bought recently, seldom and little (R ≥ 3, F and M ≤ 2).</source>
        <translation>近期購買，但次數少、金額低（R ≥ 3，F 和 M ≤ 2）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="58"/>
        <source>Valuable, but has not been back for a while (R ≤ 2, F or M ≥ 4).</source>
        <translation>有價值，但較長時間未再購買（R ≤ 2，F 或 M ≥ 4）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="61"/>
        <source>Has not been back for a while and bought little (R ≤ 2).</source>
        <translation>較長時間未再購買，且購買不多（R ≤ 2）。</translation>
    </message>
</context>
</TS>
