<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArchivedReportsPage</name>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="94"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="94"/>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="94"/>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="94"/>
        <source>By</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="95"/>
        <source>SHA-256 of the PDF</source>
        <translation>PDF 的 SHA-256</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="96"/>
        <source>This archive holds no issued monthly report.</source>
        <translation>此归档中没有已签发的月度报告。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="97"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="98"/>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="109"/>
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="156"/>
        <source>complaint-report</source>
        <translation>投诉分析报告</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="157"/>
        <source>Save the issued report as PDF</source>
        <translation>将已签发的报告保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="168"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ReplyLetterDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="274"/>
        <source>Reply letter %1</source>
        <translation>回复函 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="275"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="276"/>
        <source>&amp;Redraft</source>
        <translation>重新起草(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="277"/>
        <source>Draft the letter again from the sheet</source>
        <translation>根据抱怨单重新起草回复函</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="278"/>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="280"/>
        <source>Drafted from the sheet: acknowledge, admit where justified, explain, say how and when it is put right, promise it will not recur, apologise. Edit it, then preview, print or save. Separate paragraphs with a blank line.</source>
        <translation>根据抱怨单起草：确认收到、属实则承认过失、说明原因、说明如何及何时纠正、保证不再发生、致歉。修改后可预览、打印或保存。段落之间用空行分隔。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="292"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="306"/>
        <source>Drafting the letter…</source>
        <translation>正在起草回复函…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="302"/>
        <source>Draft ready; edit it, then preview.</source>
        <translation>草稿已生成；请修改后预览。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="317"/>
        <source>Redraft the letter</source>
        <translation>重新起草回复函</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="318"/>
        <source>Replace your edited text by a new draft?</source>
        <translation>用新草稿替换您已修改的内容吗？</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="334"/>
        <source>The letter is empty.</source>
        <translation>回复函内容为空。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="338"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="343"/>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="147"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="175"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="237"/>
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="155"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="156"/>
        <source>S&amp;tore:</source>
        <translation>门店(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="157"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="158"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="160"/>
        <source>Make the monthly complaint analysis report for the chosen month</source>
        <translation>生成所选月份的月度抱怨/投诉分析报告</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="161"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="162"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="163"/>
        <source>Export &amp;CSV…</source>
        <translation>导出 &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="164"/>
        <source>Export &amp;XLSX…</source>
        <translation>导出 &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="165"/>
        <source>&amp;Issue</source>
        <translation>签发(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="167"/>
        <source>Issue the finished month&apos;s report: the PDF and its figures are kept, and every reprint gives that document</source>
        <translation>签发已结束月份的报告：保存该 PDF 及其数字，以后重印都给出这份文件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="169"/>
        <source>Customer &amp;KPIs</source>
        <translation>客户指标(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="171"/>
        <source>Satisfaction, retention, lifetime value, pyramid and RFM for the chosen month</source>
        <translation>所选月份的满意度、保持率、终身价值、客户金字塔与 RFM</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="172"/>
        <source>The report&apos;s tables, every row, for a spreadsheet</source>
        <translation>报告中的全部表格（完整清单），供电子表格使用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="229"/>
        <source>Your role may not see reports.</source>
        <translation>您的角色无权查看报告。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="233"/>
        <source>Choose a month and press Generate. The report is compiled by customer care for the service director and the general manager.</source>
        <translation>选择月份后点击“生成”。本报告由客户关爱部编制，报送服务总监和总经理审阅。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/view.py" line="238"/>
        <source>Monthly report %1, %2: %n page(s).</source>
        <translation>
            <numerusform>%1 月度报告（%2）：共 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="242"/>
        <source>Sheets have changed since; generate again for the latest figures.</source>
        <translation>此后抱怨单有变动；请重新生成以获得最新数据。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="255"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="304"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="315"/>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="267"/>
        <source>Making the monthly report…</source>
        <translation>正在生成月度报告…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="276"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="290"/>
        <source>Issuing the report…</source>
        <translation>正在签发报告…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="284"/>
        <source>Issued %1 on %2; reprints give this document.</source>
        <translation>已于 %2 签发 %1 的报告；重印将给出这份文件。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="311"/>
        <source>Customer KPI report %1.</source>
        <translation>客户关键指标报告 %1。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="340"/>
        <source>complaint-report</source>
        <translation>投诉分析报告</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="348"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="352"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="363"/>
        <source>Save the report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="372"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="373"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="374"/>
        <source>Export the report&apos;s tables</source>
        <translation>导出报告表格</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="380"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="389"/>
        <source>Exporting the report…</source>
        <translation>正在导出报告…</translation>
    </message>
</context>
<context>
    <name>SheetPrintDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="196"/>
        <source>Print complaint sheet %1</source>
        <translation>打印抱怨/投诉单 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="198"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="203"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="217"/>
        <source>Preparing the printout…</source>
        <translation>正在准备打印稿…</translation>
    </message>
</context>
<context>
    <name>_DocumentDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="122"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="123"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="124"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/actions.py" line="140"/>
        <source>%n page(s).</source>
        <translation>
            <numerusform>共 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="158"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="165"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="169"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../helpdesk/ui/reports/preview.py" line="151"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
</TS>
