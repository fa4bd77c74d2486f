<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ArchivedReportsPage</name>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="88"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="88"/>
        <source>Stores</source>
        <translation>Stores</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="88"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="88"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="89"/>
        <source>SHA-256 of the PDF</source>
        <translation>SHA-256 of the PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="90"/>
        <source>This archive holds no issued monthly report.</source>
        <translation>This archive holds no issued monthly report.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="91"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="92"/>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="103"/>
        <source>All stores</source>
        <translation>All stores</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="150"/>
        <source>complaint-report</source>
        <translation>complaint-report</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="151"/>
        <source>Save the issued report as PDF</source>
        <translation>Save the issued report as PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="162"/>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
</context>
<context>
    <name>ReplyLetterDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="271"/>
        <source>Reply letter %1</source>
        <translation>Reply letter %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="272"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="273"/>
        <source>&amp;Redraft</source>
        <translation>&amp;Redraft</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="274"/>
        <source>Draft the letter again from the sheet</source>
        <translation>Draft the letter again from the sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="275"/>
        <source>Pre&amp;view</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="277"/>
        <source>Drafted from the sheet: acknowledge, admit where justified, explain, say how and when it is put right, promise it will not recur, apologise. Edit it, then preview, print or save. Separate paragraphs with a blank line.</source>
        <translation>Drafted from the sheet: acknowledge, admit where justified, explain, say how and when it is put right, promise it will not recur, apologise. Edit it, then preview, print or save. Separate paragraphs with a blank line.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="289"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="303"/>
        <source>Drafting the letter…</source>
        <translation>Drafting the letter…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="299"/>
        <source>Draft ready; edit it, then preview.</source>
        <translation>Draft ready; edit it, then preview.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="314"/>
        <source>Redraft the letter</source>
        <translation>Redraft the letter</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="315"/>
        <source>Replace your edited text by a new draft?</source>
        <translation>Replace your edited text by a new draft?</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="331"/>
        <source>The letter is empty.</source>
        <translation>The letter is empty.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="335"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="340"/>
        <source>Preparing the preview…</source>
        <translation>Preparing the preview…</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="141"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="169"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="231"/>
        <source>All stores</source>
        <translation>All stores</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="149"/>
        <source>&amp;Month:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="150"/>
        <source>S&amp;tore:</source>
        <translation>S&amp;tore:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="151"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="152"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="154"/>
        <source>Make the monthly complaint analysis report for the chosen month</source>
        <translation>Make the monthly complaint analysis report for the chosen month</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="155"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="156"/>
        <source>Save as P&amp;DF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="157"/>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="158"/>
        <source>Export &amp;XLSX…</source>
        <translation>Export &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="159"/>
        <source>&amp;Issue</source>
        <translation>&amp;Issue</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="161"/>
        <source>Issue the finished month&apos;s report: the PDF and its figures are kept, and every reprint gives that document</source>
        <translation>Issue the finished month&apos;s report: the PDF and its figures are kept, and every reprint gives that document</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="163"/>
        <source>Customer &amp;KPIs</source>
        <translation>Customer &amp;KPIs</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="165"/>
        <source>Satisfaction, retention, lifetime value, pyramid and RFM for the chosen month</source>
        <translation>Satisfaction, retention, lifetime value, pyramid and RFM for the chosen month</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="166"/>
        <source>The report&apos;s tables, every row, for a spreadsheet</source>
        <translation>The report&apos;s tables, every row, for a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="223"/>
        <source>Your role may not see reports.</source>
        <translation>Your role may not see reports.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="227"/>
        <source>Choose a month and press Generate. The report is compiled by customer care for the service director and the general manager.</source>
        <translation>Choose a month and press Generate. The report is compiled by customer care for the service director and the general manager.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/view.py" line="232"/>
        <source>Monthly report %1, %2: %n page(s).</source>
        <translation>
            <numerusform>Monthly report %1, %2: %n page.</numerusform>
            <numerusform>Monthly report %1, %2: %n pages.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="236"/>
        <source>Sheets have changed since; generate again for the latest figures.</source>
        <translation>Sheets have changed since; generate again for the latest figures.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="249"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="298"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="309"/>
        <source>Making the report…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="261"/>
        <source>Making the monthly report…</source>
        <translation>Making the monthly report…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="270"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="284"/>
        <source>Issuing the report…</source>
        <translation>Issuing the report…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="278"/>
        <source>Issued %1 on %2; reprints give this document.</source>
        <translation>Issued %1 on %2; reprints give this document.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="305"/>
        <source>Customer KPI report %1.</source>
        <translation>Customer KPI report %1.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="334"/>
        <source>complaint-report</source>
        <translation>complaint-report</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="345"/>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="349"/>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="360"/>
        <source>Save the report as PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="369"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="370"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="371"/>
        <source>Export the report&apos;s tables</source>
        <translation>Export the report&apos;s tables</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="377"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="386"/>
        <source>Exporting the report…</source>
        <translation>Exporting the report…</translation>
    </message>
</context>
<context>
    <name>SheetPrintDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="193"/>
        <source>Print complaint sheet %1</source>
        <translation>Print complaint sheet %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="195"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="200"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="214"/>
        <source>Preparing the printout…</source>
        <translation>Preparing the printout…</translation>
    </message>
</context>
<context>
    <name>_DocumentDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="116"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="117"/>
        <source>Save as P&amp;DF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="118"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/actions.py" line="134"/>
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n page.</numerusform>
            <numerusform>%n pages.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="152"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="162"/>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="166"/>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../helpdesk/ui/reports/preview.py" line="151"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
</TS>
