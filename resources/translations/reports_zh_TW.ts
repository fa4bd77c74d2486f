<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ReplyLetterDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="271"/>
        <source>Reply letter %1</source>
        <translation>回覆函 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="272"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="273"/>
        <source>&amp;Redraft</source>
        <translation>重新起草(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="274"/>
        <source>Draft the letter again from the sheet</source>
        <translation>根據抱怨單重新起草回覆函</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="275"/>
        <source>Pre&amp;view</source>
        <translation>預覽(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="277"/>
        <source>Drafted from the sheet: acknowledge, admit where justified, explain, say how and when it is put right, promise it will not recur, apologise. Edit it, then preview, print or save. Separate paragraphs with a blank line.</source>
        <translation>根據抱怨單起草：確認收到、屬實則承認過失、說明原因、說明如何及何時糾正、保證不再發生、致歉。修改後可預覽、列印或儲存。段落之間用空行分隔。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="289"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="303"/>
        <source>Drafting the letter…</source>
        <translation>正在起草回覆函…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="299"/>
        <source>Draft ready; edit it, then preview.</source>
        <translation>草稿已生成；請修改後預覽。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="314"/>
        <source>Redraft the letter</source>
        <translation>重新起草回覆函</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="315"/>
        <source>Replace your edited text by a new draft?</source>
        <translation>用新草稿取代您已修改的內容嗎？</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="331"/>
        <source>The letter is empty.</source>
        <translation>回覆函內容為空。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="335"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="340"/>
        <source>Preparing the preview…</source>
        <translation>正在準備預覽…</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="134"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="155"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="209"/>
        <source>All stores</source>
        <translation>全部門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="142"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="143"/>
        <source>S&amp;tore:</source>
        <translation>門店(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="144"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="145"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="147"/>
        <source>Make the monthly complaint analysis report for the chosen month</source>
        <translation>生成所選月份的月度抱怨/投訴分析報告</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="148"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="149"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存為 P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="150"/>
        <source>Export &amp;CSV…</source>
        <translation>匯出 &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="151"/>
        <source>Export &amp;XLSX…</source>
        <translation>匯出 &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="152"/>
        <source>The report&apos;s tables, every row, for a spreadsheet</source>
        <translation>報告中的全部表格（完整清單），供試算表使用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="201"/>
        <source>Your role may not see reports.</source>
        <translation>您的角色無權查看報告。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="205"/>
        <source>Choose a month and press Generate. The report is compiled by customer care for the service director and the general manager.</source>
        <translation>選擇月份後點擊「生成」。本報告由客戶關愛部編製，報送服務總監和總經理審閱。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/view.py" line="210"/>
        <source>Monthly report %1, %2: %n page(s).</source>
        <translation>
            <numerusform>%1 月度報告（%2）：共 %n 頁。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="214"/>
        <source>Sheets have changed since; generate again for the latest figures.</source>
        <translation>此後抱怨單有變動；請重新生成以取得最新數據。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="227"/>
        <source>Making the report…</source>
        <translation>正在生成報告…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="238"/>
        <source>Making the monthly report…</source>
        <translation>正在生成月度報告…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="263"/>
        <source>complaint-report</source>
        <translation>投訴分析報告</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="274"/>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="278"/>
        <source>Saved %1.</source>
        <translation>已儲存 %1。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="289"/>
        <source>Save the report as PDF</source>
        <translation>將報告另存為 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="298"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="299"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="300"/>
        <source>Export the report&apos;s tables</source>
        <translation>匯出報告表格</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="306"/>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="315"/>
        <source>Exporting the report…</source>
        <translation>正在匯出報告…</translation>
    </message>
</context>
<context>
    <name>SheetPrintDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="193"/>
        <source>Print complaint sheet %1</source>
        <translation>列印抱怨/投訴單 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="195"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="200"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="214"/>
        <source>Preparing the printout…</source>
        <translation>正在準備列印稿…</translation>
    </message>
</context>
<context>
    <name>_DocumentDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="116"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="117"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存為 P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="118"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/actions.py" line="134"/>
        <source>%n page(s).</source>
        <translation>
            <numerusform>共 %n 頁。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="152"/>
        <source>Save as PDF</source>
        <translation>另存為 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="162"/>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="166"/>
        <source>Saved %1.</source>
        <translation>已儲存 %1。</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../helpdesk/ui/reports/preview.py" line="151"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
</TS>
