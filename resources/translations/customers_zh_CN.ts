<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalyticsView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="85"/>
        <source>%1: %2 customers · %3 of revenue</source>
        <translation>%1：%2 位客户 · 占收入 %3</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="91"/>
        <source>%1: %2 customers</source>
        <translation>%1：%2 位客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="103"/>
        <source>No figures yet.</source>
        <translation>暂无数据。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="175"/>
        <source>All stores</source>
        <translation>全部门店</translation>
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
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="185"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="192"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="194"/>
        <source>Retention and CSAT over</source>
        <translation>留存率和满意度统计期间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="201"/>
        <source>Customer pyramid (active = a purchase in 12 months)</source>
        <translation>客户金字塔（活跃 = 12 个月内有购买）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="207"/>
        <source>RFM class</source>
        <translation>RFM 分类</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="208"/>
        <source>Number of customers</source>
        <translation>客户数</translation>
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
        <translation>含义</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="216"/>
        <source>RFM classes</source>
        <translation>RFM 客户分层</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="219"/>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="223"/>
        <source>Retention rate</source>
        <translation>客户留存率</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="224"/>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="225"/>
        <source>CSAT (satisfaction ≥ 4)</source>
        <translation>客户满意度 CSAT（满意度 ≥ 4）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="226"/>
        <source>Average satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="227"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
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
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="240"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="241"/>
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="248"/>
        <source>Due</source>
        <translation>应回访时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="249"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="250"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="252"/>
        <source>Sheet / order</source>
        <translation>抱怨单 / 订单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="267"/>
        <source>Birthdays this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="268"/>
        <source>Return visits due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="321"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="327"/>
        <source>Computing customer analytics…</source>
        <translation>正在计算客户分析…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="341"/>
        <source>%1 — %2 of %3 customers who bought in the previous period bought again</source>
        <translation>%1 —— 上一期购买的 %3 位客户中有 %2 位再次购买</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="350"/>
        <source>%1 — %2 of %3 buyers bought twice or more</source>
        <translation>%1 —— %3 位购买客户中有 %2 位购买两次及以上</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="356"/>
        <source>%1 — %2 of %3 return visits</source>
        <translation>%1 —— %3 次回访中有 %2 次</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="369"/>
        <source>Birthdays this month (%1)</source>
        <translation>本月生日（%1）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="375"/>
        <source>Return visits due (%1)</source>
        <translation>待回访（%1）</translation>
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
        <translation>自 %1 起已超时</translation>
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
        <translation>姓名、拼音（zs / zhangsan）、电话或后 4 位、车牌、车架号或后 6 位、订单号、单位名称</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="112"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="115"/>
        <source>Export list…</source>
        <translation>导出列表…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="131"/>
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="134"/>
        <source>Any advisor</source>
        <translation>全部顾问</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="139"/>
        <source>With open complaints</source>
        <translation>有未关闭的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="140"/>
        <source>Without open complaints</source>
        <translation>没有未关闭的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="143"/>
        <source>Birthday this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="145"/>
        <source>Return visit due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="150"/>
        <source>Best match / name</source>
        <translation>最佳匹配 / 姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="151"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="152"/>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="153"/>
        <source>Revenue (12 months)</source>
        <translation>收入（12 个月）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="154"/>
        <source>Last complaint</source>
        <translation>最近抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="157"/>
        <source>Reverse</source>
        <translation>倒序</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="161"/>
        <source>Tier</source>
        <translation>客户等级</translation>
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
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="167"/>
        <source>Complaints</source>
        <translation>抱怨/投诉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="178"/>
        <source>Sort by</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="221"/>
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="222"/>
        <source>Analytics</source>
        <translation>客户分析</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="223"/>
        <source>Duplicates</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="242"/>
        <source>Exporting personal data needs the service manager&apos;s or director&apos;s right.</source>
        <translation>导出个人信息需要服务经理或服务总监的权限。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="346"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/browser.py" line="351"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/browser.py" line="441"/>
        <source>%Ln customer(s) exported</source>
        <translation>
            <numerusform>已导出 %Ln 位客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="420"/>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="422"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="450"/>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="82"/>
        <source>Phone numbers and addresses are hidden for your role.</source>
        <translation>您的角色无权查看电话号码和地址，已隐藏。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="89"/>
        <source>New complaint</source>
        <translation>新建抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="99"/>
        <source>Profile</source>
        <translation>基本资料</translation>
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
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="104"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="105"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="228"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="112"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="116"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="117"/>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="118"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="119"/>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="120"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="121"/>
        <source>Purchased</source>
        <translation>购车日期</translation>
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
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="137"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="138"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="139"/>
        <source>Items</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="152"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="154"/>
        <source>Orders and service visits</source>
        <translation>订单与维修保养</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="156"/>
        <source>Vehicles and orders</source>
        <translation>车辆与订单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="159"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="160"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="162"/>
        <source>Amount / score</source>
        <translation>金额 / 评分</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="163"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="170"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="174"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="175"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="176"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="183"/>
        <source>Open complaints</source>
        <translation>未关闭的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="184"/>
        <source>Value</source>
        <translation>客户价值</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="212"/>
        <source>Individual or company</source>
        <translation>个人或单位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="216"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="219"/>
        <source>Several numbers: separate with commas</source>
        <translation>多个号码请用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="224"/>
        <source>Phones</source>
        <translation>电话</translation>
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
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="254"/>
        <source>Industry (company)</source>
        <translation>行业（单位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="257"/>
        <source>Size (company)</source>
        <translation>规模（单位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="259"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="261"/>
        <source>May be contacted for marketing (consent given)</source>
        <translation>同意接收营销联系（已授权）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="263"/>
        <source>Consent</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="266"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="267"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="291"/>
        <source>Revenue, last 12 months</source>
        <translation>最近 12 个月收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="292"/>
        <source>Revenue so far</source>
        <translation>累计收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="293"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="294"/>
        <source>Pyramid segment</source>
        <translation>金字塔层级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="295"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="296"/>
        <source>Lifetime value (estimate)</source>
        <translation>客户生命周期价值（估算）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="364"/>
        <source>Loading customer…</source>
        <translation>正在加载客户…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/detail.py" line="431"/>
        <source>Sum of the orders of the last 365 days (%n order(s)).</source>
        <translation>
            <numerusform>最近 365 天订单的合计（%n 笔）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/detail.py" line="442"/>
        <source>Sum of all %n order(s) since %1.</source>
        <translation>
            <numerusform>自 %1 以来全部 %n 笔订单的合计。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="449"/>
        <source>No purchase yet, so no RFM score.</source>
        <translation>尚无购买，没有 RFM 评分。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="454"/>
        <source>Scores 1–5 by quintile among all buying customers (5 = best 20 %) of the last purchase date, the number of orders and the revenue. </source>
        <translation>在所有购买客户中，按最近购买日期、购买次数和收入各分五等评 1–5 分（5 = 最好的 20 %）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="464"/>
        <source>Revenue so far + the last 12 months&apos; revenue × %1 more years.</source>
        <translation>累计收入 + 最近 12 个月收入 × 未来 %1 年。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="532"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="550"/>
        <source>Complaint</source>
        <translation>抱怨/投诉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="552"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="563"/>
        <source>Satisfaction %1/5</source>
        <translation>满意度 %1/5</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="578"/>
        <source>Awaiting return visit</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="585"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="597"/>
        <source>No purchase yet.</source>
        <translation>尚无购买。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="586"/>
        <source>First purchase within the last 90 days.</source>
        <translation>首次购买在最近 90 天内。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="587"/>
        <source>A purchase within the last 12 months.</source>
        <translation>最近 12 个月内有购买。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="588"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="599"/>
        <source>Bought before, but nothing in the last 12 months.</source>
        <translation>以前购买过，但最近 12 个月没有购买。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="601"/>
        <source>Rank %1 of %2 active customers by revenue of the last 12 months: top 1 %, then high 4 %, middle 15 %, low 80 %.</source>
        <translation>按最近 12 个月收入在 %2 位活跃客户中排第 %1 名：前 1 % 为顶端，其后 4 % 为高端，15 % 为中端，80 % 为低端。</translation>
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
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="71"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="72"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="73"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="74"/>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="75"/>
        <source>Revenue (12 months)</source>
        <translation>收入（12 个月）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="76"/>
        <source>Open complaints</source>
        <translation>未关闭的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="77"/>
        <source>Last complaint</source>
        <translation>最近抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="78"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="79"/>
        <source>Advisor</source>
        <translation>顾问</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="121"/>
        <source>Searching customers…</source>
        <translation>正在查找客户…</translation>
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
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="70"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
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
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="75"/>
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="76"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="77"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="78"/>
        <source>Complaints</source>
        <translation>抱怨/投诉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="79"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="101"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="102"/>
        <source>Keep (older record)</source>
        <translation>保留（较早的记录）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="103"/>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="123"/>
        <source>Duplicate</source>
        <translation>重复记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="122"/>
        <source>Kept record</source>
        <translation>保留的记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="124"/>
        <source>After the merge</source>
        <translation>合并后</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="131"/>
        <source>Every phone, contact, vehicle, order and complaint of the duplicate moves to the kept record; empty fields are filled from the duplicate, which stays hidden (audited).</source>
        <translation>重复记录的所有电话、联系人、车辆、订单和抱怨单都会转到保留的记录；保留记录中为空的字段由重复记录补全，重复记录隐藏保存（留有审计记录）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="139"/>
        <source>Keep the other one</source>
        <translation>改为保留另一条</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="142"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="145"/>
        <source>Find duplicates</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="182"/>
        <source>Only a service manager or director may merge.</source>
        <translation>只有服务经理或服务总监可以合并。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="202"/>
        <source>%1 suggestion(s)</source>
        <translation>%1 条建议</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="215"/>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复客户…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="291"/>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="292"/>
        <source>Merge %1 into %2? The duplicate&apos;s records move to the kept customer.</source>
        <translation>将 %1 合并到 %2？重复记录的资料将转到保留的客户。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="312"/>
        <source>Merged into %1.</source>
        <translation>已合并到 %1。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="78"/>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="77"/>
        <source>Import complaint sheets</source>
        <translation>导入抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="83"/>
        <source>A .csv, .xlsx or .xls file: your own ledger or the template</source>
        <translation>.csv、.xlsx 或 .xls 文件：您自己的台账或模板</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="86"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="89"/>
        <source>Template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="91"/>
        <source>Save an empty template with Chinese and English headers, an example row and the allowed words</source>
        <translation>保存空白模板：中英文列标题、示例行和可填写的词</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="95"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="107"/>
        <source>Automatic</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="114"/>
        <source>Worksheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="115"/>
        <source>Encoding (CSV):</source>
        <translation>编码（CSV）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="124"/>
        <source>Your column</source>
        <translation>您的列</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="125"/>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="135"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="136"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="137"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="154"/>
        <source>Skip bad rows and import the good ones</source>
        <translation>跳过有问题的行，只导入正确的行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="159"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="201"/>
        <source>Tables (*.csv *.xlsx *.xls *.xlsm *.ods *.txt)</source>
        <translation>表格 (*.csv *.xlsx *.xls *.xlsm *.ods *.txt)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="209"/>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="211"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="223"/>
        <source>Template saved: %1</source>
        <translation>模板已保存：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="271"/>
        <source>— choose a worksheet —</source>
        <translation>— 请选择工作表 —</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="283"/>
        <source>(ignored)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="312"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="313"/>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="316"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="369"/>
        <source>%1 rows imported, %2 rows skipped.</source>
        <translation>已导入 %1 行，跳过 %2 行。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="338"/>
        <source>%1 rows, all correct: ready to import.</source>
        <translation>共 %1 行，全部正确，可以导入。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="344"/>
        <source>%1 rows: %2 correct, %3 with problems (listed below by line). Fix the file and check again, or tick &quot;skip bad rows&quot;.</source>
        <translation>共 %1 行：%2 行正确，%3 行有问题（下表按行号列出）。请修改文件后重新检查，或勾选“跳过有问题的行”。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="377"/>
        <source>Nothing was imported: the file has problems.</source>
        <translation>未导入任何数据：文件有问题。</translation>
    </message>
</context>
<context>
    <name>customer_labels</name>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="18"/>
        <source>Top (1 %)</source>
        <translation>顶端客户（1 %）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="19"/>
        <source>High (4 %)</source>
        <translation>高端客户（4 %）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="20"/>
        <source>Middle (15 %)</source>
        <translation>中端客户（15 %）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="21"/>
        <source>Low (80 %)</source>
        <translation>低端客户（80 %）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="22"/>
        <source>Inactive</source>
        <translation>不活跃客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="23"/>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="26"/>
        <source>High value</source>
        <translation>高价值客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="27"/>
        <source>Potential</source>
        <translation>潜力客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="28"/>
        <source>Ordinary</source>
        <translation>普通客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="29"/>
        <source>At risk</source>
        <translation>流失风险客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="30"/>
        <source>Silent</source>
        <translation>沉默客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="33"/>
        <source>Same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="34"/>
        <source>Same name, similar phone</source>
        <translation>姓名相同、电话相近</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="39"/>
        <source>Satisfaction check after resolution</source>
        <translation>解决后满意度回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="42"/>
        <source>First visit after delivery</source>
        <translation>交付后首次回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="49"/>
        <source>Bought recently, often and much (R ≥ 3, F ≥ 4, M ≥ 4).</source>
        <translation>近期购买、购买频繁且金额高（R ≥ 3，F ≥ 4，M ≥ 4）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="52"/>
        <source>Bought recently and buys often or much (R ≥ 3, F or M ≥ 3).</source>
        <translation>近期购买，且购买较频繁或金额较高（R ≥ 3，F 或 M ≥ 3）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="55"/>
        <source>Bought recently, seldom and little (R ≥ 3, F and M ≤ 2).</source>
        <translation>近期购买，但次数少、金额低（R ≥ 3，F 和 M ≤ 2）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="58"/>
        <source>Valuable, but has not been back for a while (R ≤ 2, F or M ≥ 4).</source>
        <translation>有价值，但较长时间未再购买（R ≤ 2，F 或 M ≥ 4）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="61"/>
        <source>Has not been back for a while and bought little (R ≤ 2).</source>
        <translation>较长时间未再购买，且购买不多（R ≤ 2）。</translation>
    </message>
</context>
</TS>
