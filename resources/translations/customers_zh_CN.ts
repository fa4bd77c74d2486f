<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalyticsView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="87"/>
        <source>%1: %2 customers · %3 of revenue</source>
        <translation>%1：%2 位客户 · 占收入 %3</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="93"/>
        <source>%1: %2 customers</source>
        <translation>%1：%2 位客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="105"/>
        <source>No figures yet.</source>
        <translation>暂无数据。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="177"/>
        <source>All stores</source>
        <translation>全部门店</translation>
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
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="187"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="194"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="196"/>
        <source>Retention and CSAT over</source>
        <translation>留存率和满意度统计期间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="203"/>
        <source>Customer pyramid (active = a purchase in 12 months)</source>
        <translation>客户金字塔（活跃 = 12 个月内有购买）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="209"/>
        <source>RFM class</source>
        <translation>RFM 分类</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="210"/>
        <source>Number of customers</source>
        <translation>客户数</translation>
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
        <translation>含义</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="218"/>
        <source>RFM classes</source>
        <translation>RFM 客户分层</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="221"/>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="225"/>
        <source>Retention rate</source>
        <translation>客户留存率</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="226"/>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="227"/>
        <source>CSAT (satisfaction ≥ 4)</source>
        <translation>客户满意度 CSAT（满意度 ≥ 4）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="228"/>
        <source>Average satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="229"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
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
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="242"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="243"/>
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="250"/>
        <source>Due</source>
        <translation>应回访时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="251"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="252"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="254"/>
        <source>Sheet / order</source>
        <translation>抱怨单 / 订单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="269"/>
        <source>Record first visit after delivery…</source>
        <translation>记录交付后首次回访…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="283"/>
        <source>Birthdays this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="284"/>
        <source>Return visits due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="312"/>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="318"/>
        <source>First visit after delivery</source>
        <translation>交付后首次回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="313"/>
        <source>Satisfaction of %1 (1–5):</source>
        <translation>%1 的满意度（1–5）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="319"/>
        <source>What the customer said:</source>
        <translation>客户的反馈：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="370"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="376"/>
        <source>Computing customer analytics…</source>
        <translation>正在计算客户分析…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="390"/>
        <source>%1 — %2 of %3 customers who bought in the previous period bought again</source>
        <translation>%1 —— 上一期购买的 %3 位客户中有 %2 位再次购买</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="399"/>
        <source>%1 — %2 of %3 buyers bought twice or more</source>
        <translation>%1 —— %3 位购买客户中有 %2 位购买两次及以上</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="405"/>
        <source>%1 — %2 of %3 return visits</source>
        <translation>%1 —— %3 次回访中有 %2 次</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="418"/>
        <source>Birthdays this month (%1)</source>
        <translation>本月生日（%1）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="424"/>
        <source>Return visits due (%1)</source>
        <translation>待回访（%1）</translation>
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
        <translation>自 %1 起已超时</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="60"/>
        <source>When</source>
        <translation>时间</translation>
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
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="64"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="94"/>
        <source>Reading the audit trail…</source>
        <translation>正在读取审计记录…</translation>
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
        <translation>所有记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="139"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="142"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="149"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="151"/>
        <source>Open the record</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="157"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="186"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="187"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="188"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="250"/>
        <source>%Ln entry(ies)</source>
        <translation>
            <numerusform>%Ln 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="283"/>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
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
            <numerusform>已导出 %Ln 条记录</numerusform>
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
        <translation>姓名、拼音（zs / zhangsan）、电话或后 4 位、车牌、车架号或后 6 位、订单号、单位名称</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="114"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="117"/>
        <source>Export list…</source>
        <translation>导出列表…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="133"/>
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="136"/>
        <source>Any advisor</source>
        <translation>全部顾问</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="141"/>
        <source>With open complaints</source>
        <translation>有未关闭的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="142"/>
        <source>Without open complaints</source>
        <translation>没有未关闭的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="145"/>
        <source>Birthday this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="147"/>
        <source>Return visit due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="154"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="155"/>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="156"/>
        <source>Revenue (12 months)</source>
        <translation>收入（12 个月）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="157"/>
        <source>Last complaint</source>
        <translation>最近抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="160"/>
        <source>Reverse</source>
        <translation>倒序</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="164"/>
        <source>Tier</source>
        <translation>客户等级</translation>
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
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="170"/>
        <source>Complaints</source>
        <translation>抱怨/投诉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="181"/>
        <source>Sort by</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="235"/>
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="236"/>
        <source>Analytics</source>
        <translation>客户分析</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="237"/>
        <source>Duplicates</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="241"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="263"/>
        <source>Exporting personal data needs the service manager&apos;s or director&apos;s right.</source>
        <translation>导出个人信息需要服务经理或服务总监的权限。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="368"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/browser.py" line="373"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/browser.py" line="565"/>
        <source>%Ln customer(s) exported</source>
        <translation>
            <numerusform>已导出 %Ln 位客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="529"/>
        <source>Export customers</source>
        <translation>导出客户</translation>
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
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="574"/>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="86"/>
        <source>Phone numbers and addresses are hidden for your role.</source>
        <translation>您的角色无权查看电话号码和地址，已隐藏。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="93"/>
        <source>New complaint</source>
        <translation>新建抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="103"/>
        <source>Profile</source>
        <translation>基本资料</translation>
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
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="108"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="109"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="291"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="123"/>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="126"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="186"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="205"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="129"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="134"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="137"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="138"/>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="139"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="140"/>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="141"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="142"/>
        <source>Purchased</source>
        <translation>购车日期</translation>
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
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="160"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="161"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="162"/>
        <source>Items</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="175"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="183"/>
        <source>Add vehicle…</source>
        <translation>添加车辆…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="189"/>
        <source>Retire / reinstate</source>
        <translation>停用 / 恢复</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="194"/>
        <source>Orders and service visits</source>
        <translation>订单与维修保养</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="202"/>
        <source>Add order or service visit…</source>
        <translation>添加订单或维修保养…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="208"/>
        <source>Vehicles and orders</source>
        <translation>车辆与订单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="211"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="212"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="214"/>
        <source>Amount / score</source>
        <translation>金额 / 评分</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="215"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="222"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="226"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="227"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="228"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="235"/>
        <source>Open complaints</source>
        <translation>未关闭的抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="236"/>
        <source>Value</source>
        <translation>客户价值</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="275"/>
        <source>Individual or company</source>
        <translation>个人或单位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="279"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="282"/>
        <source>Several numbers: separate with commas</source>
        <translation>多个号码请用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="287"/>
        <source>Phones</source>
        <translation>电话</translation>
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
        <translation>18位（旧证15位）；可不填</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="311"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="315"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="320"/>
        <source>Industry (company)</source>
        <translation>行业（单位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="323"/>
        <source>Size (company)</source>
        <translation>规模（单位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="325"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="327"/>
        <source>May be contacted for marketing (consent given)</source>
        <translation>同意接收营销联系（已授权）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="329"/>
        <source>Consent</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="332"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="333"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="357"/>
        <source>Revenue, last 12 months</source>
        <translation>最近 12 个月收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="358"/>
        <source>Revenue so far</source>
        <translation>累计收入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="359"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="360"/>
        <source>Pyramid segment</source>
        <translation>金字塔层级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="361"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="362"/>
        <source>Lifetime value (estimate)</source>
        <translation>客户生命周期价值（估算）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="440"/>
        <source>Loading customer…</source>
        <translation>正在加载客户…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/detail.py" line="510"/>
        <source>Sum of the orders of the last 365 days (%n order(s)).</source>
        <translation>
            <numerusform>最近 365 天订单的合计（%n 笔）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/detail.py" line="521"/>
        <source>Sum of all %n order(s) since %1.</source>
        <translation>
            <numerusform>自 %1 以来全部 %n 笔订单的合计。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="528"/>
        <source>No purchase yet, so no RFM score.</source>
        <translation>尚无购买，没有 RFM 评分。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="533"/>
        <source>Scores 1–5 by quintile among all buying customers (5 = best 20 %) of the last purchase date, the number of orders and the revenue. </source>
        <translation>在所有购买客户中，按最近购买日期、购买次数和收入各分五等评 1–5 分（5 = 最好的 20 %）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="543"/>
        <source>Revenue so far + the last 12 months&apos; revenue × %1 more years.</source>
        <translation>累计收入 + 最近 12 个月收入 × 未来 %1 年。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="613"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="639"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="640"/>
        <source>Save the changes to %1 first?</source>
        <translation>先保存对 %1 的修改吗？</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="759"/>
        <source>Complaint</source>
        <translation>抱怨/投诉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="761"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="772"/>
        <source>Satisfaction %1/5</source>
        <translation>满意度 %1/5</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="787"/>
        <source>Awaiting return visit</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="794"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="806"/>
        <source>No purchase yet.</source>
        <translation>尚无购买。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="795"/>
        <source>First purchase within the last 90 days.</source>
        <translation>首次购买在最近 90 天内。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="796"/>
        <source>A purchase within the last 12 months.</source>
        <translation>最近 12 个月内有购买。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="797"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="808"/>
        <source>Bought before, but nothing in the last 12 months.</source>
        <translation>以前购买过，但最近 12 个月没有购买。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="810"/>
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
        <location filename="../../helpdesk/ui/customers/model.py" line="146"/>
        <source>Click to sort</source>
        <extracomment>The sort a click on a column header asks for (columns not listed do not sort).</extracomment>
        <translation>点击排序</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="152"/>
        <source>Searching customers…</source>
        <translation>正在查找客户…</translation>
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
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="90"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
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
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="89"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="93"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="94"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="95"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="96"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="97"/>
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="98"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="99"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="100"/>
        <source>Advisor</source>
        <translation>顾问</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="108"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="109"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="110"/>
        <source>Complaints</source>
        <translation>抱怨/投诉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="111"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="138"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="139"/>
        <source>Keep (older record)</source>
        <translation>保留（较早的记录）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="140"/>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="160"/>
        <source>Duplicate</source>
        <translation>重复记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="159"/>
        <source>Kept record</source>
        <translation>保留的记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="161"/>
        <source>Take</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="162"/>
        <source>After the merge</source>
        <translation>合并后</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="176"/>
        <source>Every phone, contact, vehicle, order and complaint of the duplicate moves to the kept record. Fields the two records fill differently are highlighted: choose whose value to take. Marketing consent takes the narrower answer unless you choose otherwise (recorded in the audit trail). The duplicate stays hidden.</source>
        <translation>重复记录的所有电话、联系人、车辆、订单和抱怨都转到保留的记录。两条记录填写不同的字段以底色标出：请选择采用哪一方的值。营销授权默认采用较窄的答复，除非您另行选择（记入审计记录）。重复记录保留但隐藏。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="191"/>
        <source>Keep the other one</source>
        <translation>改为保留另一条</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="194"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="197"/>
        <source>Find duplicates</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="235"/>
        <source>Only a service manager or director may merge.</source>
        <translation>只有服务经理或服务总监可以合并。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="255"/>
        <source>The first %1 suggestions: merge or correct these to see the next ones.</source>
        <translation>只列出前 %1 条建议：合并或更正这些后可看到其余的。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="258"/>
        <source>%1 suggestion(s)</source>
        <translation>%1 条建议</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="273"/>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复客户…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="384"/>
        <source>You chose to keep the marketing consent although one record says no: the merge records your choice in the audit trail.</source>
        <translation>您选择保留营销授权，尽管其中一条记录为“否”：合并时会将您的选择记入审计记录。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="391"/>
        <source>%1 field(s) differ</source>
        <translation>%1 个字段不同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="399"/>
        <source>Kept record&apos;s</source>
        <translation>保留记录的</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="400"/>
        <source>Duplicate&apos;s</source>
        <translation>重复记录的</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="434"/>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="435"/>
        <source>Merge %1 into %2? The duplicate&apos;s records move to the kept customer.</source>
        <translation>将 %1 合并到 %2？重复记录的资料将转到保留的客户。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="451"/>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="456"/>
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
    <name>RecordDialog</name>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="64"/>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="189"/>
        <source>VIN (17 characters, or the last 6 or more)</source>
        <translation>车架号（17位，或至少后6位）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="191"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="192"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="193"/>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="194"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="197"/>
        <source>Purchased</source>
        <translation>购车日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="203"/>
        <source>Add a vehicle</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="205"/>
        <source>Edit the vehicle</source>
        <translation>编辑车辆</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="233"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="241"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="246"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="254"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="258"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="259"/>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="262"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="271"/>
        <source>Add an order or service visit</source>
        <translation>添加订单或维修保养</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="273"/>
        <source>Edit order %1</source>
        <translation>编辑订单 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="295"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="296"/>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="299"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="305"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="311"/>
        <source>Add a contact person</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="313"/>
        <source>Edit the contact person</source>
        <translation>编辑联系人</translation>
    </message>
</context>
<context>
    <name>customer_labels</name>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="21"/>
        <source>Same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="22"/>
        <source>Same name, similar phone</source>
        <translation>姓名相同、电话相近</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="26"/>
        <source>Same plate</source>
        <translation>车牌相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="27"/>
        <source>Same name and address</source>
        <translation>姓名和地址相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="28"/>
        <source>Same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="29"/>
        <source>Similar name + same address</source>
        <translation>姓名相近 + 地址相同</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="34"/>
        <source>Satisfaction check after resolution</source>
        <translation>解决后满意度回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="37"/>
        <source>First visit after delivery</source>
        <translation>交付后首次回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="44"/>
        <source>Bought recently, often and much (R ≥ 3, F ≥ 4, M ≥ 4).</source>
        <translation>近期购买、购买频繁且金额高（R ≥ 3，F ≥ 4，M ≥ 4）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="47"/>
        <source>Bought recently and buys often or much (R ≥ 3, F or M ≥ 3).</source>
        <translation>近期购买，且购买较频繁或金额较高（R ≥ 3，F 或 M ≥ 3）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="50"/>
        <source>Bought recently, seldom and little (R ≥ 3, F and M ≤ 2).</source>
        <translation>近期购买，但次数少、金额低（R ≥ 3，F 和 M ≤ 2）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="53"/>
        <source>Valuable, but has not been back for a while (R ≤ 2, F or M ≥ 4).</source>
        <translation>有价值，但较长时间未再购买（R ≤ 2，F 或 M ≥ 4）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="56"/>
        <source>Has not been back for a while and bought little (R ≤ 2).</source>
        <translation>较长时间未再购买，且购买不多（R ≤ 2）。</translation>
    </message>
</context>
</TS>
