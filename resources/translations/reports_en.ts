<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ArchivedReportsPage</name>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="94"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="94"/>
        <source>Stores</source>
        <translation>Stores</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="94"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="94"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="95"/>
        <source>SHA-256 of the PDF</source>
        <translation>SHA-256 of the PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="96"/>
        <source>This archive holds no issued monthly report.</source>
        <translation>This archive holds no issued monthly report.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="97"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="98"/>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="109"/>
        <source>All stores</source>
        <translation>All stores</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="156"/>
        <source>complaint-report</source>
        <translation>complaint-report</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="157"/>
        <source>Save the issued report as PDF</source>
        <translation>Save the issued report as PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/archived.py" line="168"/>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
</context>
<context>
    <name>ReplyLetterDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="274"/>
        <source>Reply letter %1</source>
        <translation>Reply letter %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="275"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="276"/>
        <source>&amp;Redraft</source>
        <translation>&amp;Redraft</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="277"/>
        <source>Draft the letter again from the sheet</source>
        <translation>Draft the letter again from the sheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="278"/>
        <source>Pre&amp;view</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="280"/>
        <source>Drafted from the sheet: acknowledge, admit where justified, explain, say how and when it is put right, promise it will not recur, apologise. Edit it, then preview, print or save. Separate paragraphs with a blank line.</source>
        <translation>Drafted from the sheet: acknowledge, admit where justified, explain, say how and when it is put right, promise it will not recur, apologise. Edit it, then preview, print or save. Separate paragraphs with a blank line.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="292"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="306"/>
        <source>Drafting the letter…</source>
        <translation>Drafting the letter…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="302"/>
        <source>Draft ready; edit it, then preview.</source>
        <translation>Draft ready; edit it, then preview.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="317"/>
        <source>Redraft the letter</source>
        <translation>Redraft the letter</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="318"/>
        <source>Replace your edited text by a new draft?</source>
        <translation>Replace your edited text by a new draft?</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="334"/>
        <source>The letter is empty.</source>
        <translation>The letter is empty.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="338"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="343"/>
        <source>Preparing the preview…</source>
        <translation>Preparing the preview…</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="147"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="175"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="237"/>
        <source>All stores</source>
        <translation>All stores</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="155"/>
        <source>&amp;Month:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="156"/>
        <source>S&amp;tore:</source>
        <translation>S&amp;tore:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="157"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="158"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="160"/>
        <source>Make the monthly complaint analysis report for the chosen month</source>
        <translation>Make the monthly complaint analysis report for the chosen month</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="161"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="162"/>
        <source>Save as P&amp;DF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="163"/>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="164"/>
        <source>Export &amp;XLSX…</source>
        <translation>Export &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="165"/>
        <source>&amp;Issue</source>
        <translation>&amp;Issue</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="167"/>
        <source>Issue the finished month&apos;s report: the PDF and its figures are kept, and every reprint gives that document</source>
        <translation>Issue the finished month&apos;s report: the PDF and its figures are kept, and every reprint gives that document</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="169"/>
        <source>Customer &amp;KPIs</source>
        <translation>Customer &amp;KPIs</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="171"/>
        <source>Satisfaction, retention, lifetime value, pyramid and RFM for the chosen month</source>
        <translation>Satisfaction, retention, lifetime value, pyramid and RFM for the chosen month</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="172"/>
        <source>The report&apos;s tables, every row, for a spreadsheet</source>
        <translation>The report&apos;s tables, every row, for a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="229"/>
        <source>Your role may not see reports.</source>
        <translation>Your role may not see reports.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="233"/>
        <source>Choose a month and press Generate. The report is compiled by customer care for the service director and the general manager.</source>
        <translation>Choose a month and press Generate. The report is compiled by customer care for the service director and the general manager.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/view.py" line="238"/>
        <source>Monthly report %1, %2: %n page(s).</source>
        <translation>
            <numerusform>Monthly report %1, %2: %n page.</numerusform>
            <numerusform>Monthly report %1, %2: %n pages.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="242"/>
        <source>Sheets have changed since; generate again for the latest figures.</source>
        <translation>Sheets have changed since; generate again for the latest figures.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="255"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="304"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="315"/>
        <source>Making the report…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="267"/>
        <source>Making the monthly report…</source>
        <translation>Making the monthly report…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="276"/>
        <location filename="../../helpdesk/ui/reports/view.py" line="290"/>
        <source>Issuing the report…</source>
        <translation>Issuing the report…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="284"/>
        <source>Issued %1 on %2; reprints give this document.</source>
        <translation>Issued %1 on %2; reprints give this document.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="311"/>
        <source>Customer KPI report %1.</source>
        <translation>Customer KPI report %1.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="340"/>
        <source>complaint-report</source>
        <translation>complaint-report</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="348"/>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="352"/>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="363"/>
        <source>Save the report as PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="372"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="373"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="374"/>
        <source>Export the report&apos;s tables</source>
        <translation>Export the report&apos;s tables</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="380"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/view.py" line="389"/>
        <source>Exporting the report…</source>
        <translation>Exporting the report…</translation>
    </message>
</context>
<context>
    <name>SheetPrintDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="196"/>
        <source>Print complaint sheet %1</source>
        <translation>Print complaint sheet %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="198"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="203"/>
        <location filename="../../helpdesk/ui/reports/actions.py" line="217"/>
        <source>Preparing the printout…</source>
        <translation>Preparing the printout…</translation>
    </message>
</context>
<context>
    <name>_DocumentDialog</name>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="122"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="123"/>
        <source>Save as P&amp;DF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="124"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/reports/actions.py" line="140"/>
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n page.</numerusform>
            <numerusform>%n pages.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="158"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="165"/>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/reports/actions.py" line="169"/>
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
