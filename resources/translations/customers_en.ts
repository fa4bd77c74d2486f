<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnalyticsView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="87"/>
        <source>%1: %2 customers · %3 of revenue</source>
        <translation>%1: %2 customers · %3 of revenue</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="93"/>
        <source>%1: %2 customers</source>
        <translation>%1: %2 customers</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="105"/>
        <source>No figures yet.</source>
        <translation>No figures yet.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="177"/>
        <source>All stores</source>
        <translation>All stores</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="181"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="182"/>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="183"/>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="187"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="194"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="196"/>
        <source>Retention and CSAT over</source>
        <translation>Retention and CSAT over</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="203"/>
        <source>Customer pyramid (active = a purchase in 12 months)</source>
        <translation>Customer pyramid (active = a purchase in 12 months)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="209"/>
        <source>RFM class</source>
        <translation>RFM class</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="210"/>
        <source>Number of customers</source>
        <translation>Number of customers</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="211"/>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="212"/>
        <source>Avg R/F/M</source>
        <translation>Avg R/F/M</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="213"/>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="218"/>
        <source>RFM classes</source>
        <translation>RFM classes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="221"/>
        <source>Key figures</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="225"/>
        <source>Retention rate</source>
        <translation>Retention rate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="226"/>
        <source>Repurchase rate</source>
        <translation>Repurchase rate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="227"/>
        <source>CSAT (satisfaction ≥ 4)</source>
        <translation>CSAT (satisfaction ≥ 4)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="228"/>
        <source>Average satisfaction</source>
        <translation>Average satisfaction</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="229"/>
        <source>Lifecycle</source>
        <translation>Lifecycle</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="239"/>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="240"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="241"/>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="253"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="242"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="243"/>
        <source>Marketing consent</source>
        <translation>Marketing consent</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="250"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="251"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="252"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="254"/>
        <source>Sheet / order</source>
        <translation>Sheet / order</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="269"/>
        <source>Record first visit after delivery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="283"/>
        <source>Birthdays this month</source>
        <translation>Birthdays this month</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="284"/>
        <source>Return visits due</source>
        <translation>Return visits due</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="312"/>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="318"/>
        <source>First visit after delivery</source>
        <translation type="unfinished">First visit after delivery</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="313"/>
        <source>Satisfaction of %1 (1–5):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="319"/>
        <source>What the customer said:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="370"/>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="376"/>
        <source>Computing customer analytics…</source>
        <translation>Computing customer analytics…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="390"/>
        <source>%1 — %2 of %3 customers who bought in the previous period bought again</source>
        <translation>%1 — %2 of %3 customers who bought in the previous period bought again</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="399"/>
        <source>%1 — %2 of %3 buyers bought twice or more</source>
        <translation>%1 — %2 of %3 buyers bought twice or more</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="405"/>
        <source>%1 — %2 of %3 return visits</source>
        <translation>%1 — %2 of %3 return visits</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="418"/>
        <source>Birthdays this month (%1)</source>
        <translation>Birthdays this month (%1)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="424"/>
        <source>Return visits due (%1)</source>
        <translation>Return visits due (%1)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="429"/>
        <source>As of %1</source>
        <translation>As of %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="464"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="466"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="473"/>
        <source>Since %1</source>
        <translation>Since %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/analytics_view.py" line="478"/>
        <source>Overdue since %1</source>
        <translation>Overdue since %1</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="60"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="61"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="62"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="63"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="64"/>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="94"/>
        <source>Reading the audit trail…</source>
        <translation>Reading the audit trail…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="130"/>
        <source>Anyone</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="132"/>
        <source>Any action</source>
        <translation>Any action</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="134"/>
        <source>Any record</source>
        <translation>Any record</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="139"/>
        <source>Record no.</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="142"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="149"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="151"/>
        <source>Open the record</source>
        <translation>Open the record</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="157"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="186"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="187"/>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="188"/>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="250"/>
        <source>%Ln entry(ies)</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/audit_view.py" line="283"/>
        <source>Export the audit trail</source>
        <translation>Export the audit trail</translation>
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
            <numerusform>%Ln entry exported</numerusform>
            <numerusform>%Ln entries exported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerBrowser</name>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="58"/>
        <location filename="../../helpdesk/ui/customers/browser.py" line="140"/>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="104"/>
        <source>Name, pinyin (zs / zhangsan), phone or last 4 digits, plate, VIN or last 6, order number, company</source>
        <translation>Name, pinyin (zs / zhangsan), phone or last 4 digits, plate, VIN or last 6, order number, company</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="114"/>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="117"/>
        <source>Export list…</source>
        <translation>Export list…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="133"/>
        <source>All stores</source>
        <translation>All stores</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="136"/>
        <source>Any advisor</source>
        <translation>Any advisor</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="141"/>
        <source>With open complaints</source>
        <translation>With open complaints</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="142"/>
        <source>Without open complaints</source>
        <translation>Without open complaints</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="145"/>
        <source>Birthday this month</source>
        <translation>Birthday this month</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="147"/>
        <source>Return visit due</source>
        <translation>Return visit due</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="154"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="155"/>
        <source>Last purchase</source>
        <translation>Last purchase</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="156"/>
        <source>Revenue (12 months)</source>
        <translation>Revenue (12 months)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="157"/>
        <source>Last complaint</source>
        <translation>Last complaint</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="160"/>
        <source>Reverse</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="164"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="165"/>
        <source>Pyramid</source>
        <translation>Pyramid</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="166"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="167"/>
        <source>Lifecycle</source>
        <translation>Lifecycle</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="170"/>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="181"/>
        <source>Sort by</source>
        <translation>Sort by</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="235"/>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="236"/>
        <source>Analytics</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="237"/>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="241"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="263"/>
        <source>Exporting personal data needs the service manager&apos;s or director&apos;s right.</source>
        <translation>Exporting personal data needs the service manager&apos;s or director&apos;s right.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="368"/>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/browser.py" line="373"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/browser.py" line="565"/>
        <source>%Ln customer(s) exported</source>
        <translation>
            <numerusform>%Ln customer exported</numerusform>
            <numerusform>%Ln customers exported</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="529"/>
        <source>Export customers</source>
        <translation>Export customers</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="152"/>
        <source>Best match / most recent</source>
        <translation>Best match / most recent</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="153"/>
        <source>Most recent</source>
        <translation>Most recent</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="531"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/browser.py" line="574"/>
        <source>Exporting customers…</source>
        <translation>Exporting customers…</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="86"/>
        <source>Phone numbers and addresses are hidden for your role.</source>
        <translation>Phone numbers and addresses are hidden for your role.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="93"/>
        <source>New complaint</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="103"/>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="106"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="271"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="107"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="108"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="109"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="291"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="123"/>
        <source>Add contact…</source>
        <translation>Add contact…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="126"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="186"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="205"/>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="129"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="134"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="137"/>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="138"/>
        <source>VIN</source>
        <translation>VIN</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="139"/>
        <source>Brand</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="140"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="141"/>
        <source>Mileage (km)</source>
        <translation>Mileage (km)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="142"/>
        <source>Purchased</source>
        <translation>Purchased</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="143"/>
        <source>Retired</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="158"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="159"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="213"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="225"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="160"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="161"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="162"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="175"/>
        <source>Vehicles</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="183"/>
        <source>Add vehicle…</source>
        <translation>Add vehicle…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="189"/>
        <source>Retire / reinstate</source>
        <translation>Retire / reinstate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="194"/>
        <source>Orders and service visits</source>
        <translation>Orders and service visits</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="202"/>
        <source>Add order or service visit…</source>
        <translation>Add order or service visit…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="208"/>
        <source>Vehicles and orders</source>
        <translation>Vehicles and orders</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="211"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="212"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="214"/>
        <source>Amount / score</source>
        <translation>Amount / score</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="215"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="222"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="226"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="227"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="228"/>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="235"/>
        <source>Open complaints</source>
        <translation>Open complaints</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="236"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="275"/>
        <source>Individual or company</source>
        <translation>Individual or company</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="279"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="282"/>
        <source>Several numbers: separate with commas</source>
        <translation>Several numbers: separate with commas</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="287"/>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="293"/>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="295"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="299"/>
        <source>Known</source>
        <translation>Known</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="305"/>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="309"/>
        <source>18 characters (old cards: 15); optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="311"/>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="315"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="320"/>
        <source>Industry (company)</source>
        <translation>Industry (company)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="323"/>
        <source>Size (company)</source>
        <translation>Size (company)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="325"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="327"/>
        <source>May be contacted for marketing (consent given)</source>
        <translation>May be contacted for marketing (consent given)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="329"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="332"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="333"/>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="357"/>
        <source>Revenue, last 12 months</source>
        <translation>Revenue, last 12 months</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="358"/>
        <source>Revenue so far</source>
        <translation>Revenue so far</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="359"/>
        <source>Lifecycle</source>
        <translation>Lifecycle</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="360"/>
        <source>Pyramid segment</source>
        <translation>Pyramid segment</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="361"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="362"/>
        <source>Lifetime value (estimate)</source>
        <translation>Lifetime value (estimate)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="440"/>
        <source>Loading customer…</source>
        <translation>Loading customer…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/detail.py" line="510"/>
        <source>Sum of the orders of the last 365 days (%n order(s)).</source>
        <translation>
            <numerusform>Sum of the orders of the last 365 days (%n order).</numerusform>
            <numerusform>Sum of the orders of the last 365 days (%n orders).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/customers/detail.py" line="521"/>
        <source>Sum of all %n order(s) since %1.</source>
        <translation>
            <numerusform>Sum of the %n order since %1.</numerusform>
            <numerusform>Sum of all %n orders since %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="528"/>
        <source>No purchase yet, so no RFM score.</source>
        <translation>No purchase yet, so no RFM score.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="533"/>
        <source>Scores 1–5 by quintile among all buying customers (5 = best 20 %) of the last purchase date, the number of orders and the revenue. </source>
        <translation>Scores 1–5 by quintile among all buying customers (5 = best 20 %) of the last purchase date, the number of orders and the revenue. </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="543"/>
        <source>Revenue so far + the last 12 months&apos; revenue × %1 more years.</source>
        <translation>Revenue so far + the last 12 months&apos; revenue × %1 more years.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="613"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="639"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="640"/>
        <source>Save the changes to %1 first?</source>
        <translation>Save the changes to %1 first?</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="759"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="761"/>
        <source>Return visit</source>
        <translation>Return visit</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="772"/>
        <source>Satisfaction %1/5</source>
        <translation>Satisfaction %1/5</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="787"/>
        <source>Awaiting return visit</source>
        <translation>Awaiting return visit</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="794"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="806"/>
        <source>No purchase yet.</source>
        <translation>No purchase yet.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="795"/>
        <source>First purchase within the last 90 days.</source>
        <translation>First purchase within the last 90 days.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="796"/>
        <source>A purchase within the last 12 months.</source>
        <translation>A purchase within the last 12 months.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="797"/>
        <location filename="../../helpdesk/ui/customers/detail.py" line="808"/>
        <source>Bought before, but nothing in the last 12 months.</source>
        <translation>Bought before, but nothing in the last 12 months.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/detail.py" line="810"/>
        <source>Rank %1 of %2 active customers by revenue of the last 12 months: top 1 %, then high 4 %, middle 15 %, low 80 %.</source>
        <translation>Rank %1 of %2 active customers by revenue of the last 12 months: top 1 %, then high 4 %, middle 15 %, low 80 %.</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="69"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="70"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="71"/>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="72"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="73"/>
        <source>Lifecycle</source>
        <translation>Lifecycle</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="74"/>
        <source>Last purchase</source>
        <translation>Last purchase</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="75"/>
        <source>Revenue (12 months)</source>
        <translation>Revenue (12 months)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="76"/>
        <source>Open complaints</source>
        <translation>Open complaints</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="77"/>
        <source>Last complaint</source>
        <translation>Last complaint</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="78"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="79"/>
        <source>Advisor</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="146"/>
        <source>Click to sort</source>
        <extracomment>The sort a click on a column header asks for (columns not listed do not sort).</extracomment>
        <translation>Click to sort</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/model.py" line="152"/>
        <source>Searching customers…</source>
        <translation>Searching customers…</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="55"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="55"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="86"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="107"/>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="90"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="91"/>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="92"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="88"/>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="87"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="89"/>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="93"/>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="94"/>
        <source>Company size</source>
        <translation>Company size</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="95"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="96"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="97"/>
        <source>Marketing consent</source>
        <translation>Marketing consent</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="98"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="99"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="100"/>
        <source>Advisor</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="108"/>
        <source>Vehicles</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="109"/>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="110"/>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="111"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="138"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="139"/>
        <source>Keep (older record)</source>
        <translation>Keep (older record)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="140"/>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="160"/>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="159"/>
        <source>Kept record</source>
        <translation>Kept record</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="161"/>
        <source>Take</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="162"/>
        <source>After the merge</source>
        <translation>After the merge</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="176"/>
        <source>Every phone, contact, vehicle, order and complaint of the duplicate moves to the kept record. Fields the two records fill differently are highlighted: choose whose value to take. Marketing consent takes the narrower answer unless you choose otherwise (recorded in the audit trail). The duplicate stays hidden.</source>
        <translation>Every phone, contact, vehicle, order and complaint of the duplicate moves to the kept record. Fields the two records fill differently are highlighted: choose whose value to take. Marketing consent takes the narrower answer unless you choose otherwise (recorded in the audit trail). The duplicate stays hidden.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="191"/>
        <source>Keep the other one</source>
        <translation>Keep the other one</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="194"/>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="197"/>
        <source>Find duplicates</source>
        <translation>Find duplicates</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="235"/>
        <source>Only a service manager or director may merge.</source>
        <translation>Only a service manager or director may merge.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="255"/>
        <source>The first %1 suggestions: merge or correct these to see the next ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="258"/>
        <source>%1 suggestion(s)</source>
        <translation>%1 suggestion(s)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="273"/>
        <source>Looking for duplicates…</source>
        <translation>Looking for duplicates…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="384"/>
        <source>You chose to keep the marketing consent although one record says no: the merge records your choice in the audit trail.</source>
        <translation>You chose to keep the marketing consent although one record says no: the merge records your choice in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="391"/>
        <source>%1 field(s) differ</source>
        <translation>%1 field(s) differ</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="399"/>
        <source>Kept record&apos;s</source>
        <translation>Kept record&apos;s</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="400"/>
        <source>Duplicate&apos;s</source>
        <translation>Duplicate&apos;s</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="434"/>
        <source>Merge customers</source>
        <translation>Merge customers</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="435"/>
        <source>Merge %1 into %2? The duplicate&apos;s records move to the kept customer.</source>
        <translation>Merge %1 into %2? The duplicate&apos;s records move to the kept customer.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="451"/>
        <source>Merging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/duplicates.py" line="456"/>
        <source>Merged into %1.</source>
        <translation>Merged into %1.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="78"/>
        <source>Import customers</source>
        <translation>Import customers</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="77"/>
        <source>Import complaint sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="83"/>
        <source>A .csv, .xlsx or .xls file: your own ledger or the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="86"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="89"/>
        <source>Template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="91"/>
        <source>Save an empty template with Chinese and English headers, an example row and the allowed words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="95"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="107"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="114"/>
        <source>Worksheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="115"/>
        <source>Encoding (CSV):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="124"/>
        <source>Your column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="125"/>
        <source>Read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="135"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="136"/>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="137"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="154"/>
        <source>Skip bad rows and import the good ones</source>
        <translation>Skip bad rows and import the good ones</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="159"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="201"/>
        <source>Tables (*.csv *.xlsx *.xls *.xlsm *.ods *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="209"/>
        <source>Save the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="211"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished">Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="223"/>
        <source>Template saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="271"/>
        <source>— choose a worksheet —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="283"/>
        <source>(ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="312"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="313"/>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="316"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="369"/>
        <source>%1 rows imported, %2 rows skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="338"/>
        <source>%1 rows, all correct: ready to import.</source>
        <translation>%1 rows, all correct: ready to import.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="344"/>
        <source>%1 rows: %2 correct, %3 with problems (listed below by line). Fix the file and check again, or tick &quot;skip bad rows&quot;.</source>
        <translation>%1 rows: %2 correct, %3 with problems (listed below by line). Fix the file and check again, or tick &quot;skip bad rows&quot;.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/import_dialog.py" line="377"/>
        <source>Nothing was imported: the file has problems.</source>
        <translation>Nothing was imported: the file has problems.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="64"/>
        <source>Known</source>
        <translation>Known</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="189"/>
        <source>VIN (17 characters, or the last 6 or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="191"/>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="192"/>
        <source>Brand</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="193"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="194"/>
        <source>Mileage (km)</source>
        <translation>Mileage (km)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="197"/>
        <source>Purchased</source>
        <translation>Purchased</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="203"/>
        <source>Add a vehicle</source>
        <translation>Add a vehicle</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="205"/>
        <source>Edit the vehicle</source>
        <translation>Edit the vehicle</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="233"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="241"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="246"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="254"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="258"/>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="259"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="262"/>
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="271"/>
        <source>Add an order or service visit</source>
        <translation>Add an order or service visit</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="273"/>
        <source>Edit order %1</source>
        <translation>Edit order %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="295"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="296"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="299"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="305"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="311"/>
        <source>Add a contact person</source>
        <translation>Add a contact person</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/record_dialogs.py" line="313"/>
        <source>Edit the contact person</source>
        <translation>Edit the contact person</translation>
    </message>
</context>
<context>
    <name>customer_labels</name>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="21"/>
        <source>Same phone</source>
        <translation>Same phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="22"/>
        <source>Same name, similar phone</source>
        <translation>Same name, similar phone</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="26"/>
        <source>Same plate</source>
        <translation>Same plate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="27"/>
        <source>Same name and address</source>
        <translation>Same name and address</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="28"/>
        <source>Same ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="29"/>
        <source>Similar name + same address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="34"/>
        <source>Satisfaction check after resolution</source>
        <translation>Satisfaction check after resolution</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="37"/>
        <source>First visit after delivery</source>
        <translation>First visit after delivery</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="44"/>
        <source>Bought recently, often and much (R ≥ 3, F ≥ 4, M ≥ 4).</source>
        <translation>Bought recently, often and much (R ≥ 3, F ≥ 4, M ≥ 4).</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="47"/>
        <source>Bought recently and buys often or much (R ≥ 3, F or M ≥ 3).</source>
        <translation>Bought recently and buys often or much (R ≥ 3, F or M ≥ 3).</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="50"/>
        <source>Bought recently, seldom and little (R ≥ 3, F and M ≤ 2).</source>
        <translation>Bought recently, seldom and little (R ≥ 3, F and M ≤ 2).</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="53"/>
        <source>Valuable, but has not been back for a while (R ≤ 2, F or M ≥ 4).</source>
        <translation>Valuable, but has not been back for a while (R ≤ 2, F or M ≥ 4).</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/customers/labels.py" line="56"/>
        <source>Has not been back for a while and bought little (R ≤ 2).</source>
        <translation>Has not been back for a while and bought little (R ≤ 2).</translation>
    </message>
</context>
</TS>
