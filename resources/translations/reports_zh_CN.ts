<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReplyLetterDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="271"/>
        <source>Reply letter %1</source>
        <translation>回复函 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="272"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="273"/>
        <source>&amp;Redraft</source>
        <translation>重新起草(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="274"/>
        <source>Draft the letter again from the sheet</source>
        <translation>根据抱怨单重新起草回复函</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="275"/>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="277"/>
        <source>Drafted from the sheet: acknowledge, admit where justified, explain, say how and when it is put right, promise it will not recur, apologise. Edit it, then preview, print or save. Separate paragraphs with a blank line.</source>
        <translation>根据抱怨单起草：确认收到、属实则承认过失、说明原因、说明如何及何时纠正、保证不再发生、致歉。修改后可预览、打印或保存。段落之间用空行分隔。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="289"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="303"/>
        <source>Drafting the letter…</source>
        <translation>正在起草回复函…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="299"/>
        <source>Draft ready; edit it, then preview.</source>
        <translation>草稿已生成；请修改后预览。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="314"/>
        <source>Redraft the letter</source>
        <translation>重新起草回复函</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="315"/>
        <source>Replace your edited text by a new draft?</source>
        <translation>用新草稿替换您已修改的内容吗？</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="331"/>
        <source>The letter is empty.</source>
        <translation>回复函内容为空。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="335"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="340"/>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="134"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="155"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="209"/>
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="142"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="143"/>
        <source>S&amp;tore:</source>
        <translation>门店(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="144"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="145"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="147"/>
        <source>Make the monthly complaint analysis report for the chosen month</source>
        <translation>生成所选月份的月度抱怨/投诉分析报告</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="148"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="149"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="150"/>
        <source>Export &amp;CSV…</source>
        <translation>导出 &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="151"/>
        <source>Export &amp;XLSX…</source>
        <translation>导出 &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="152"/>
        <source>The report&apos;s tables, every row, for a spreadsheet</source>
        <translation>报告中的全部表格（完整清单），供电子表格使用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="201"/>
        <source>Your role may not see reports.</source>
        <translation>您的角色无权查看报告。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="205"/>
        <source>Choose a month and press Generate. The report is compiled by customer care for the service director and the general manager.</source>
        <translation>选择月份后点击“生成”。本报告由客户关爱部编制，报送服务总监和总经理审阅。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/view.py" line="210"/>
        <source>Monthly report %1, %2: %n page(s).</source>
        <translation>
            <numerusform>%1 月度报告（%2）：共 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="214"/>
        <source>Sheets have changed since; generate again for the latest figures.</source>
        <translation>此后抱怨单有变动；请重新生成以获得最新数据。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="227"/>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="238"/>
        <source>Making the monthly report…</source>
        <translation>正在生成月度报告…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="263"/>
        <source>complaint-report</source>
        <translation>投诉分析报告</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="274"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="278"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="289"/>
        <source>Save the report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="298"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="299"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="300"/>
        <source>Export the report&apos;s tables</source>
        <translation>导出报告表格</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="306"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="315"/>
        <source>Exporting the report…</source>
        <translation>正在导出报告…</translation>
    </message>
</context>
<context>
    <name>SheetPrintDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="193"/>
        <source>Print complaint sheet %1</source>
        <translation>打印抱怨/投诉单 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="195"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="200"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="214"/>
        <source>Preparing the printout…</source>
        <translation>正在准备打印稿…</translation>
    </message>
</context>
<context>
    <name>_DocumentDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="116"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="117"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="118"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/actions.py" line="134"/>
        <source>%n page(s).</source>
        <translation>
            <numerusform>共 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="152"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="162"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="166"/>
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
