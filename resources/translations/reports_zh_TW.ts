<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
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
        <translation>門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="94"/>
        <source>Issued</source>
        <translation>簽發時間</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="94"/>
        <source>By</source>
        <translation>簽發人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="95"/>
        <source>SHA-256 of the PDF</source>
        <translation>PDF 的 SHA-256</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="96"/>
        <source>This archive holds no issued monthly report.</source>
        <translation>此歸檔中沒有已簽發的月度報告。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="97"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="98"/>
        <source>&amp;Save PDF…</source>
        <translation>儲存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="109"/>
        <source>All stores</source>
        <translation>全部門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="156"/>
        <source>complaint-report</source>
        <translation>投訴分析報告</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="157"/>
        <source>Save the issued report as PDF</source>
        <translation>將已簽發的報告儲存為 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="168"/>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ReplyLetterDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="274"/>
        <source>Reply letter %1</source>
        <translation>回覆函 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="275"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="276"/>
        <source>&amp;Redraft</source>
        <translation>重新起草(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="277"/>
        <source>Draft the letter again from the sheet</source>
        <translation>根據抱怨單重新起草回覆函</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="278"/>
        <source>Pre&amp;view</source>
        <translation>預覽(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="280"/>
        <source>Drafted from the sheet: acknowledge, admit where justified, explain, say how and when it is put right, promise it will not recur, apologise. Edit it, then preview, print or save. Separate paragraphs with a blank line.</source>
        <translation>根據抱怨單起草：確認收到、屬實則承認過失、說明原因、說明如何及何時糾正、保證不再發生、致歉。修改後可預覽、列印或儲存。段落之間用空行分隔。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="292"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="306"/>
        <source>Drafting the letter…</source>
        <translation>正在起草回覆函…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="302"/>
        <source>Draft ready; edit it, then preview.</source>
        <translation>草稿已生成；請修改後預覽。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="317"/>
        <source>Redraft the letter</source>
        <translation>重新起草回覆函</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="318"/>
        <source>Replace your edited text by a new draft?</source>
        <translation>用新草稿取代您已修改的內容嗎？</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="334"/>
        <source>The letter is empty.</source>
        <translation>回覆函內容為空。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="338"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="343"/>
        <source>Preparing the preview…</source>
        <translation>正在準備預覽…</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="147"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="175"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="237"/>
        <source>All stores</source>
        <translation>全部門店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="155"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="156"/>
        <source>S&amp;tore:</source>
        <translation>門店(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="157"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="158"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="160"/>
        <source>Make the monthly complaint analysis report for the chosen month</source>
        <translation>生成所選月份的月度抱怨/投訴分析報告</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="161"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="162"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存為 P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="163"/>
        <source>Export &amp;CSV…</source>
        <translation>匯出 &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="164"/>
        <source>Export &amp;XLSX…</source>
        <translation>匯出 &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="165"/>
        <source>&amp;Issue</source>
        <translation>簽發(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="167"/>
        <source>Issue the finished month&apos;s report: the PDF and its figures are kept, and every reprint gives that document</source>
        <translation>簽發已結束月份的報告：保存該 PDF 及其數字，以後重印都給出這份文件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="169"/>
        <source>Customer &amp;KPIs</source>
        <translation>客戶指標(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="171"/>
        <source>Satisfaction, retention, lifetime value, pyramid and RFM for the chosen month</source>
        <translation>所選月份的滿意度、保持率、終身價值、客戶金字塔與 RFM</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="172"/>
        <source>The report&apos;s tables, every row, for a spreadsheet</source>
        <translation>報告中的全部表格（完整清單），供試算表使用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="229"/>
        <source>Your role may not see reports.</source>
        <translation>您的角色無權查看報告。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="233"/>
        <source>Choose a month and press Generate. The report is compiled by customer care for the service director and the general manager.</source>
        <translation>選擇月份後點擊「生成」。本報告由客戶關愛部編製，報送服務總監和總經理審閱。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/view.py" line="238"/>
        <source>Monthly report %1, %2: %n page(s).</source>
        <translation>
            <numerusform>%1 月度報告（%2）：共 %n 頁。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="242"/>
        <source>Sheets have changed since; generate again for the latest figures.</source>
        <translation>此後抱怨單有變動；請重新生成以取得最新數據。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="255"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="304"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="315"/>
        <source>Making the report…</source>
        <translation>正在生成報告…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="267"/>
        <source>Making the monthly report…</source>
        <translation>正在生成月度報告…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="276"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="290"/>
        <source>Issuing the report…</source>
        <translation>正在簽發報告…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="284"/>
        <source>Issued %1 on %2; reprints give this document.</source>
        <translation>已於 %2 簽發 %1 的報告；重印將給出這份文件。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="311"/>
        <source>Customer KPI report %1.</source>
        <translation>客戶關鍵指標報告 %1。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="340"/>
        <source>complaint-report</source>
        <translation>投訴分析報告</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="348"/>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="352"/>
        <source>Saved %1.</source>
        <translation>已儲存 %1。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="363"/>
        <source>Save the report as PDF</source>
        <translation>將報告另存為 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="372"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="373"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="374"/>
        <source>Export the report&apos;s tables</source>
        <translation>匯出報告表格</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="380"/>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="389"/>
        <source>Exporting the report…</source>
        <translation>正在匯出報告…</translation>
    </message>
</context>
<context>
    <name>SheetPrintDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="196"/>
        <source>Print complaint sheet %1</source>
        <translation>列印抱怨/投訴單 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="198"/>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="203"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="217"/>
        <source>Preparing the printout…</source>
        <translation>正在準備列印稿…</translation>
    </message>
</context>
<context>
    <name>_DocumentDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="122"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="123"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存為 P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="124"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/actions.py" line="140"/>
        <source>%n page(s).</source>
        <translation>
            <numerusform>共 %n 頁。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="158"/>
        <source>Save as PDF</source>
        <translation>另存為 PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="165"/>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="169"/>
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
