<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="156"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="157"/>
        <source>Caption for the next files</source>
        <translation>下一批文件的说明</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="158"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="159"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="160"/>
        <source>Paste a screenshot or copied files (Ctrl+V)</source>
        <translation>粘贴截图或已复制的文件（Ctrl+V）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="161"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="162"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="189"/>
        <source>%1 · %2
Added by %3 at %4</source>
        <translation>%1 · %2
由 %3 于 %4 添加</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="216"/>
        <source>Save the sheet first; then add photos and files here (or drop them onto this box).</source>
        <translation>请先保存抱怨单，然后在此添加照片和文件（或拖放到此框中）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="219"/>
        <source>Drop files or a picture here, or paste a screenshot with Ctrl+V.</source>
        <translation>可将文件或图片拖放到此处，或用 Ctrl+V 粘贴截图。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="277"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="317"/>
        <source>Remove attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/attachments_panel.py" line="318"/>
        <source>Why is “%1” removed? (kept in the audit trail)</source>
        <translation>为什么删除“%1”？（记入审计记录）</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="45"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="49"/>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="115"/>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="52"/>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="135"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="60"/>
        <source>Back up automatically every day</source>
        <translation>每天自动备份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="64"/>
        <source>e.g. E:\Helpdesk backups (a USB drive)</source>
        <translation>如 E:\Helpdesk 备份（U盘）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="66"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="74"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="77"/>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="109"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="78"/>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="98"/>
        <source>Last backup: %1</source>
        <translation>上次备份：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="100"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="125"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="129"/>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="136"/>
        <source>Helpdesk database (*.db);;All files (*)</source>
        <translation>Helpdesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="140"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="141"/>
        <source>Replace the database with %1? Close Helpdesk on every other desk first. The current database is kept as a backup.</source>
        <translation>用 %1 替换数据库？请先关闭其他电脑上的 Helpdesk。当前数据库会先保存为备份。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="153"/>
        <source>Restored from %1. Log in again to work on it.</source>
        <translation>已从 %1 恢复。请重新登录后继续工作。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/backup_dialog.py" line="167"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="433"/>
        <source>Open</source>
        <translation>营业</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="434"/>
        <source>Make-up day hours:</source>
        <translation>调休日营业时间：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="435"/>
        <source>Public holidays (closed):</source>
        <translation>法定节假日（休息）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="436"/>
        <source>Make-up working days (调休, open):</source>
        <translation>调休工作日（营业）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="438"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="439"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="440"/>
        <source>to (optional)</source>
        <translation>至（可选）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="441"/>
        <source>Load official holidays</source>
        <translation>载入法定节假日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="442"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="493"/>
        <source>Import list…</source>
        <translation>导入列表…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="444"/>
        <source>A text file with one date or range per line, e.g. 2027-10-01~2027-10-07; a line with 补班 or workday is a make-up working day</source>
        <translation>文本文件，每行一个日期或日期范围，如 2027-10-01~2027-10-07；含“补班”或 workday 的行是调休上班日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="446"/>
        <source>Deadlines such as “30 minutes” or “before the end of the working day” run on these hours. Changes apply to sheets registered from now on.</source>
        <translation>“30分钟”“下班前”等时限按这些营业时间计算。修改只对今后登记的抱怨单生效。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="461"/>
        <source>%1: %2 days off and %3 make-up working days added; press Save to keep them.</source>
        <translation>%1 年：已添加 %2 天休息日和 %3 天调休上班日；请按“保存”保留。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="488"/>
        <source>%1 days off and %2 make-up working days added; press Save to keep them.</source>
        <translation>已添加 %1 天休息日和 %2 天调休上班日；请按“保存”保留。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="494"/>
        <source>Text (*.txt *.csv);;All files (*)</source>
        <translation>文本 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="864"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="864"/>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="864"/>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="865"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="866"/>
        <source>Add category</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="867"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="868"/>
        <source>Leave the code of a new category empty: it is made from the pinyin of the Simplified Chinese name when you save. A category used by complaint sheets cannot be removed.</source>
        <translation>新类别的代码可以留空：保存时由简体中文名称的拼音生成。已被抱怨单使用的类别不能删除。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="929"/>
        <source>Row %1: </source>
        <translation>第 %1 行：</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="174"/>
        <source>Your input and the saved sheet</source>
        <translation>您的输入与已保存的抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="178"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="178"/>
        <source>Your input</source>
        <translation>您的输入</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="178"/>
        <source>Saved now</source>
        <translation>当前已保存的内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="192"/>
        <source>Differences are in bold. Copy what you need (select a cell and press Ctrl+C), then reload.</source>
        <translation>不同之处以粗体显示。请复制需要的内容（选中单元格后按 Ctrl+C），再重新载入。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="196"/>
        <source>&amp;Reload now</source>
        <translation>立即重新载入(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ComplaintListPage</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="200"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="202"/>
        <source>Number or its last digits, name, pinyin (zs), phone tail, plate, VIN tail, order, words in the text (Ctrl+F)</source>
        <translation>单号或其末几位、姓名、拼音（zs）、电话尾号、车牌、车架号尾号、订单号、内容中的文字（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="204"/>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="205"/>
        <source>&amp;New sheet</source>
        <translation>新建抱怨单(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="206"/>
        <source>Register a new complaint (Ctrl+N)</source>
        <translation>登记新的抱怨（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="207"/>
        <source>&amp;Mine</source>
        <translation>我负责的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="208"/>
        <source>Only sheets I am responsible for</source>
        <translation>只显示我负责的抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="209"/>
        <source>Re&amp;gistered by me</source>
        <translation>我登记的(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="210"/>
        <source>Only sheets I registered</source>
        <translation>只显示我登记的抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="211"/>
        <source>Received from</source>
        <translation>接收日期从</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="212"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="213"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="214"/>
        <source>Open (not closed)</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="214"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="219"/>
        <source>Any deadline</source>
        <translation>不限时限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="222"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="226"/>
        <source>All severities</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="230"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="234"/>
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="415"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="441"/>
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n 张抱怨单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/list_page.py" line="442"/>
        <source>searched in %1 s</source>
        <translation>用时 %1 秒</translation>
    </message>
</context>
<context>
    <name>ConcurrentNotice</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="53"/>
        <source>Vehicle or order</source>
        <translation>车辆或订单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="54"/>
        <source>Rework</source>
        <translation>返修</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="60"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="73"/>
        <source>Corrective actions</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="74"/>
        <source>Return visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="75"/>
        <source>Progress log</source>
        <translation>处理进展</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="76"/>
        <source>Linked sheet</source>
        <translation>关联的抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="102"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="103"/>
        <source>the sheet</source>
        <translation>抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="133"/>
        <source>&amp;Merge into my input</source>
        <translation>合并到我的输入(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="134"/>
        <source>Co&amp;mpare…</source>
        <translation>对比(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="135"/>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="141"/>
        <source>Another user</source>
        <translation>另一位用户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="143"/>
        <source>%1 changed this sheet at %2: %3.</source>
        <translation>%1 于 %2 修改了这张抱怨单：%3。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="147"/>
        <source>You changed %1 too: saving would be refused. Compare, copy your text, then reload.</source>
        <translation>您也修改了%1：保存将被拒绝。请先对比并复制您的内容，再重新载入。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="150"/>
        <source>Your input is in other fields: merge it into their version, then save.</source>
        <translation>您的输入在其他栏目：可合并到对方的版本后再保存。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="125"/>
        <source>Saved by someone else</source>
        <translation>已被他人保存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="127"/>
        <source>Another user</source>
        <translation>另一位用户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="130"/>
        <source>%1 saved this sheet at %2, after you opened it. Your changes were NOT saved, and nothing of theirs was overwritten.

Reload to see their version (your input is lost unless you copy it), or compare the two first.</source>
        <translation>%1 在 %2 保存了这张抱怨单，晚于您打开的时间。您的修改没有保存，对方的内容也没有被覆盖。

重新载入可查看对方的版本（您的输入若不复制将会丢失），也可以先对比两者。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="137"/>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="140"/>
        <source>&amp;Compare…</source>
        <translation>对比(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/dialogs.py" line="143"/>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../helpdesk/ui/crash.py" line="39"/>
        <source>Helpdesk — unexpected error</source>
        <translation>Helpdesk — 意外错误</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/crash.py" line="41"/>
        <source>Something went wrong, and what you were doing may not have been finished. Helpdesk is still running: check your last change, then carry on.

If it happens again, send the log file to your support contact:
%1</source>
        <translation>出现了问题，刚才的操作可能没有完成。Helpdesk 仍在运行：请检查最后一次修改，然后继续工作。

如果再次出现，请把日志文件发给技术支持人员：
%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/crash.py" line="46"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>CustomerFinder</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="123"/>
        <source>Name, pinyin (zs), phone or last 4 digits, plate, VIN tail, order no.</source>
        <translation>姓名、拼音（zs）、电话或后4位、车牌、车架号尾号、订单号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="124"/>
        <source>New c&amp;ustomer</source>
        <translation>新客户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="125"/>
        <source>The customer is not on file yet: type their name and phone; they are saved with the sheet</source>
        <translation>客户尚未建档：请输入姓名和电话，将与抱怨单一起保存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="127"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="128"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="172"/>
        <source>No customer chosen yet.</source>
        <translation>尚未选择客户。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="214"/>
        <source>Matched: %1</source>
        <translation>匹配：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="219"/>
        <source>Showing the best %1 matches: type more of the name, phone or plate to find others.</source>
        <translation>只显示最匹配的 %1 位：再多输入姓名、电话或车牌可找到其他客户。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="226"/>
        <source>Nobody found. Check the spelling, or register a new customer.</source>
        <translation>没有找到。请检查输入，或登记新客户。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/customer_finder.py" line="248"/>
        <source>Use %1 instead</source>
        <translation>改用 %1</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="178"/>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="243"/>
        <source>Open now: %1</source>
        <translation>当前打开：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="246"/>
        <source>One desk: a SQLite file on this computer (never on a network drive). Several desks: a PostgreSQL server, e.g. postgresql://helpdesk:password@server/helpdesk. Leave empty for the default file in your data folder. The new location is used from the next start.</source>
        <translation>单台电脑：本机上的 SQLite 文件（切勿放在网络驱动器上）。多台电脑共用：PostgreSQL 服务器，例如 postgresql://helpdesk:password@server/helpdesk。留空则使用数据文件夹中的默认文件。新位置在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="251"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="252"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="253"/>
        <source>Use from next start</source>
        <translation>下次启动时使用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="254"/>
        <source>Default file</source>
        <translation>默认文件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="258"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="259"/>
        <source>Helpdesk database (*.db);;All files (*)</source>
        <translation>Helpdesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="269"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="280"/>
        <source>Testing the database connection…</source>
        <translation>正在测试数据库连接…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="285"/>
        <source>✗ Cannot connect: %1</source>
        <translation>✗ 无法连接：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="290"/>
        <source>✓ Connected: a Helpdesk database, ready to use.</source>
        <translation>✓ 已连接：Helpdesk 数据库，可以使用。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="292"/>
        <source>✓ Connected: a Helpdesk database of an older version; it is upgraded (after a backup) when opened.</source>
        <translation>✓ 已连接：旧版本的 Helpdesk 数据库；打开时会先备份再升级。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="295"/>
        <source>✓ Connected: empty; Helpdesk will offer the first-run setup.</source>
        <translation>✓ 已连接：空数据库；Helpdesk 将引导初始设置。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="308"/>
        <source>Saved: Helpdesk opens %1 from the next start.</source>
        <translation>已保存：下次启动时 Helpdesk 将打开 %1。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="311"/>
        <source>The password is kept in the system&apos;s credential store.</source>
        <translation>密码保存在系统的凭据管理器中。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="314"/>
        <source>This computer has no credential store: the password is kept in the configuration file, readable only by you.</source>
        <translation>这台电脑没有凭据管理器：密码保存在配置文件中，只有您能读取。</translation>
    </message>
</context>
<context>
    <name>DeskTray</name>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/tray.py" line="176"/>
        <source>%n sheet(s) need attention</source>
        <translation>
            <numerusform>%n 张抱怨单需要处理</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="194"/>
        <source>Due soon: %1</source>
        <translation>即将到期：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="195"/>
        <source>%1 — due at %2</source>
        <translation>%1 — %2 到期</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="197"/>
        <source>Overdue: %1</source>
        <translation>已超时：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="198"/>
        <source>%1 — was due at %2</source>
        <translation>%1 — 应于 %2 完成</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="200"/>
        <source>Assigned to you: %1</source>
        <translation>已分派给您：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="206"/>
        <source>New complaint (%1): %2</source>
        <translation>新抱怨（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="214"/>
        <source>Mine: %1 due soon, %2 overdue · Store: %3 due soon, %4 overdue</source>
        <translation>我的：%1 即将到期，%2 已超时 · 全店：%3 即将到期，%4 已超时</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="227"/>
        <source>Show Helpdesk</source>
        <translation>显示 Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/tray.py" line="228"/>
        <source>Sound with notifications</source>
        <translation>通知时播放提示音</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="171"/>
        <source>Welcome to Helpdesk</source>
        <translation>欢迎使用 Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="173"/>
        <source>This database is empty. Set up your store and its first administrator — or load the demo data to look around first.</source>
        <translation>这个数据库是空的。请设置您的门店和首位管理员，或者先载入演示数据看看。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="175"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="176"/>
        <source>First administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="178"/>
        <source>Store &amp;name:</source>
        <translation>门店名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="178"/>
        <source>Store &amp;code:</source>
        <translation>门店代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="179"/>
        <source>&amp;Deadlines:</source>
        <translation>时限规则(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="179"/>
        <source>Working &amp;hours:</source>
        <translation>营业时间(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="180"/>
        <source>Open on:</source>
        <translation>营业日：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="180"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="181"/>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="181"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="182"/>
        <source>Password &amp;again:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="186"/>
        <source>Empty: the pinyin initials of the name (天顺 → TS); starts every sheet number</source>
        <translation>留空则取名称的拼音首字母（天顺 → TS）；用作每张抱怨单编号的开头</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="188"/>
        <source>e.g. 天顺汽车4S店</source>
        <translation>如 天顺汽车4S店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="190"/>
        <source>at least 8 characters, letters and digits</source>
        <translation>至少8位，包含字母和数字</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="197"/>
        <source>&amp;Set up</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="198"/>
        <source>&amp;Load demo data</source>
        <translation>载入演示数据(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="199"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="244"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="254"/>
        <source>Setting up…</source>
        <translation>正在设置…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="297"/>
        <source>Loading the demo data…</source>
        <translation>正在载入演示数据…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="307"/>
        <source>Setting up the store and its staff…</source>
        <translation>正在设置门店和员工…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="308"/>
        <source>Inventing customers…</source>
        <translation>正在生成客户…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="309"/>
        <source>Inventing complaint sheets…</source>
        <translation>正在生成抱怨单…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="310"/>
        <source>Building the search index…</source>
        <translation>正在建立搜索索引…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="320"/>
        <source>The demo data is loaded. Log in as one of these users, all with the password %1:</source>
        <translation>演示数据已载入。请用以下任一用户登录，密码均为 %1：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/first_run.py" line="333"/>
        <source>Demo logins</source>
        <translation>演示账号</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="128"/>
        <source>Log in — Helpdesk</source>
        <translation>登录 — Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="129"/>
        <source>Complaint desk</source>
        <translation>客诉管理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="130"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="131"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="132"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="133"/>
        <source>Log &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="134"/>
        <source>&amp;Database…</source>
        <translation>数据库(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="136"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="163"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="178"/>
        <source>Checking the password…</source>
        <translation>正在验证密码…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/login.py" line="201"/>
        <source>This computer&apos;s clock is %n minute(s) behind the database server&apos;s.</source>
        <translation>
            <numerusform>这台电脑的时钟比数据库服务器慢 %n 分钟。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/login.py" line="203"/>
        <source>This computer&apos;s clock is %n minute(s) ahead of the database server&apos;s.</source>
        <translation>
            <numerusform>这台电脑的时钟比数据库服务器快 %n 分钟。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="205"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="206"/>
        <source>Helpdesk uses the server&apos;s time for every sheet; please have the computer&apos;s clock set right.</source>
        <translation>Helpdesk 对每张抱怨单都使用服务器时间；请让人把这台电脑的时钟调准。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="353"/>
        <source>Helpdesk — complaint desk</source>
        <translation>Helpdesk — 客诉管理</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="354"/>
        <source>Open &amp;archive…</source>
        <translation>打开归档(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="356"/>
        <source>Read an archive of old closed sheets (read-only)</source>
        <translation>查看已归档的旧抱怨单（只读）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="357"/>
        <source>&amp;New sheet</source>
        <translation>新建抱怨单(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="358"/>
        <source>Register a new complaint (Ctrl+N)</source>
        <translation>登记新的抱怨（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="359"/>
        <source>&amp;Open sheet by number…</source>
        <translation>按单号打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="360"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="361"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="362"/>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="363"/>
        <source>&amp;Close archive</source>
        <translation>关闭归档(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="364"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="365"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="366"/>
        <source>&amp;About Helpdesk</source>
        <translation>关于 Helpdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="369"/>
        <source>&amp;Import complaint sheets…</source>
        <translation>导入抱怨单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="370"/>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="372"/>
        <source>&amp;Verify the audit trail</source>
        <translation>校验审计记录(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="373"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="374"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="375"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="380"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="383"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="460"/>
        <source>Archive (read-only): %1</source>
        <translation>归档（只读）: %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="466"/>
        <source>Open archive</source>
        <translation>打开归档</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="467"/>
        <source>Helpdesk archives (*.db);;All files (*)</source>
        <translation>Helpdesk 归档文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="486"/>
        <source>Open sheet</source>
        <translation>打开抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="525"/>
        <source>Unsaved sheets found</source>
        <translation>发现未保存的抱怨单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../helpdesk/ui/main_window.py" line="526"/>
        <source>%n complaint sheet(s) were not saved when the program last ended. Restore them now?</source>
        <translation>
            <numerusform>上次程序结束时有 %n 张抱怨单未保存。现在恢复吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="529"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="530"/>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="531"/>
        <source>Ask me &amp;later</source>
        <translation>以后再说(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="583"/>
        <source>New complaint sheet</source>
        <translation>新建抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="584"/>
        <source>Open a sheet by its number</source>
        <translation>按单号打开抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="585"/>
        <source>Search the complaint list</source>
        <translation>搜索抱怨单列表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="586"/>
        <source>Complaints, customers, reports, settings</source>
        <translation>抱怨、客户、报表、设置</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="587"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="588"/>
        <source>Save the sheet</source>
        <translation>保存抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="589"/>
        <source>Print the sheet</source>
        <translation>打印抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="590"/>
        <source>Close the dialog or sheet window</source>
        <translation>关闭对话框或抱怨单窗口</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="591"/>
        <source>Next / previous field</source>
        <translation>下一项 / 上一项</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="593"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="608"/>
        <source>About Helpdesk</source>
        <translation>关于 Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="620"/>
        <source>Verifying the audit trail…</source>
        <translation>正在校验审计记录…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="625"/>
        <source>The audit trail is intact: %1 entries, each linked to the one before it.</source>
        <translation>审计记录完好：共 %1 条，每条都与前一条链接。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="631"/>
        <source>The audit trail was altered: entry #%1 (%2, %3) and every entry after it no longer match their hash chain.</source>
        <translation>审计记录被改动过：第 %1 条（%2，%3）及其后的每一条都与哈希链不符。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="636"/>
        <source>The audit trail was cut short: the last %1 entries are missing (it held %2).</source>
        <translation>审计记录被截短：最后 %1 条记录缺失（原有 %2 条）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="641"/>
        <source>The audit trail does not end where its signed anchor says: entries were added or replaced at its end, or the anchor was changed.</source>
        <translation>审计记录的结尾与其签名锚点不符：末尾的记录被添加或替换，或锚点本身被改动。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="645"/>
        <source>The database&apos;s guards of the audit trail were removed or switched off: %1.</source>
        <translation>数据库中保护审计记录的触发器已被删除或停用：%1。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="650"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="602"/>
        <source>Helpdesk %1 — the complaint desk (客诉管理) for dealership after-sales and retail stores.

Database: %2
Data folder: %3
Log file: %4</source>
        <translation>Helpdesk %1 — 面向4S店售后和零售门店的客诉管理系统。

数据库：%2
数据文件夹：%3
日志文件：%4</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="286"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="287"/>
        <source>The database was restored. Helpdesk closes now; start it again to work on the restored data.</source>
        <translation>数据库已恢复。Helpdesk 现在关闭；请重新启动以使用恢复后的数据。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="316"/>
        <source>Last backup: %1</source>
        <translation>上次备份：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="317"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="319"/>
        <source>Older than 2 days: back up now (File &gt; Backups…)</source>
        <translation>已超过2天：请立即备份（文件 &gt; 备份…）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="332"/>
        <source>No public holidays for next year yet (%1): Settings &gt; Calendar &gt; Load official holidays</source>
        <translation>明年还没有法定节假日（%1）：设置 &gt; 营业时间 &gt; 载入法定节假日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="367"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="368"/>
        <source>Copy &amp;diagnostics</source>
        <translation>复制诊断信息(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="487"/>
        <source>Sheet number or its last digits (e.g. TS-2026-000123 or 123):</source>
        <translation>抱怨单号或其末几位（例如 TS-2026-000123 或 123）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/main_window.py" line="612"/>
        <source>Diagnostics copied to the clipboard</source>
        <translation>诊断信息已复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>PersonalTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="371"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="371"/>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="371"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="372"/>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="374"/>
        <source>My password</source>
        <translation>我的密码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="375"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="399"/>
        <source>Your password is changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
<context>
    <name>PhrasesTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="795"/>
        <source>One phrase per line. A root cause or long-term measure made only of these words is refused; with concrete content (what changes, who, by when) it passes.</source>
        <translation>每行一条短语。只由这些空话组成的根本原因或长期措施将被拒绝；含有具体内容（改变什么、由谁、何时完成）的可以通过。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="798"/>
        <source>Back to the built-in list</source>
        <translation>恢复内置列表</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <source>Channel</source>
        <translation>接收渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="583"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="584"/>
        <source>Amount</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="584"/>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="584"/>
        <source>Escalate to maker</source>
        <translation>上报厂家</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="585"/>
        <source>Note for staff</source>
        <translation>员工须知</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="586"/>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="587"/>
        <source>Remove row</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="588"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="732"/>
        <source>Replace by preset</source>
        <translation>替换为预设</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="591"/>
        <source>The most specific row wins; one row must be for any channel and any severity. Amounts are minutes or days, as the kind says. Changes apply to sheets registered from now on.</source>
        <translation>以最具体的一行为准；必须有一行适用于任意渠道和任意严重程度。数值按类型表示分钟或天数。修改只对今后登记的抱怨单生效。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="616"/>
        <source>(any)</source>
        <translation>（任意）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="715"/>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="733"/>
        <source>Replace the rows of the table by the preset “%1”? Nothing is saved until you press Save; Refresh (F5) brings the saved table back.</source>
        <translation>用预设“%1”替换表中的规则？按“保存”之前不会保存；“刷新”（F5）可恢复已保存的表。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="744"/>
        <source>Preset loaded: press Save to keep it.</source>
        <translation>已载入预设：按“保存”后生效。</translation>
    </message>
</context>
<context>
    <name>RepeatPanel</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="147"/>
        <source>This customer&apos;s complaints (open, or in the last %1 days): %2</source>
        <translation>该客户的抱怨（未关闭的，或最近 %1 天内的）：%2</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="151"/>
        <source>Repeats %1</source>
        <translation>重复投诉，关联 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="152"/>
        <source>Not linked to an earlier complaint.</source>
        <translation>未关联以前的抱怨单。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="180"/>
        <source>Complaint</source>
        <translation>抱怨内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="181"/>
        <source>Open sheet</source>
        <translation>打开该单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="182"/>
        <source>Link this sheet to it</source>
        <translation>将本单关联到它</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/repeat_panel.py" line="183"/>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="486"/>
        <source>Store:</source>
        <translation>门店：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="488"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="488"/>
        <source>Working hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="489"/>
        <source>Deadlines (SLA)</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="489"/>
        <source>Banned phrases</source>
        <translation>禁用空话</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="490"/>
        <source>Categories</source>
        <translation>抱怨类别</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="490"/>
        <source>Users and roles</source>
        <translation>用户和角色</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="491"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="491"/>
        <source>Language and password</source>
        <translation>语言和密码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="492"/>
        <source>Time and warnings</source>
        <translation>时间与预警</translation>
    </message>
</context>
<context>
    <name>SheetForm</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="351"/>
        <source>Deadlines</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="352"/>
        <source>Response:</source>
        <translation>响应：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="353"/>
        <source>Resolution:</source>
        <translation>解决：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="318"/>
        <source>Sheet</source>
        <translation>抱怨单信息</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="376"/>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="505"/>
        <source>Vehicle or order</source>
        <translation>车辆信息 / 订单信息</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="552"/>
        <source>Complaint</source>
        <translation>抱怨/投诉内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="618"/>
        <source>Responsibility</source>
        <translation>责任</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="728"/>
        <source>Root cause, correction and measure</source>
        <translation>根本原因、缺点纠正与措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="792"/>
        <source>Corrective and preventive actions</source>
        <translation>纠正与预防措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="815"/>
        <source>Return visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="871"/>
        <source>Progress log</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="904"/>
        <source>Close-out</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="924"/>
        <source>History</source>
        <translation>处理历程</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="320"/>
        <source>Number:</source>
        <translation>单号：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="321"/>
        <source>&amp;Store:</source>
        <translation>门店(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="322"/>
        <source>&amp;Received:</source>
        <translation>接收时间(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="323"/>
        <source>Received by:</source>
        <translation>接待人：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="324"/>
        <source>C&amp;hannel:</source>
        <translation>接收渠道(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="325"/>
        <source>Se&amp;verity:</source>
        <translation>严重程度(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="326"/>
        <source>Cate&amp;gory:</source>
        <translation>抱怨类别(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="507"/>
        <source>Vehicle / &amp;order:</source>
        <translation>车辆 / 订单(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="508"/>
        <source>VIN:</source>
        <translation>车架号：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="509"/>
        <source>Plate:</source>
        <translation>车牌号：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="510"/>
        <source>Brand:</source>
        <translation>品牌：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="511"/>
        <source>Model:</source>
        <translation>车型：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="512"/>
        <source>Mileage (km):</source>
        <translation>里程（公里）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="515"/>
        <source>17 characters, or the last 6 or more</source>
        <translation>17位，或至少后6位</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="554"/>
        <source>What the customer sa&amp;ys:</source>
        <translation>抱怨内容(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="555"/>
        <source>What the customer as&amp;ks for:</source>
        <translation>客户诉求(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="620"/>
        <source>Responsible &amp;area:</source>
        <translation>责任部门(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="621"/>
        <source>Responsible perso&amp;n:</source>
        <translation>责任人(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="730"/>
        <source>Roo&amp;t cause:</source>
        <translation>根本原因(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="731"/>
        <source>Immediate &amp;correction:</source>
        <translation>缺点纠正(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="732"/>
        <source>Compensation (¥):</source>
        <translation>补偿（元）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="733"/>
        <source>&amp;Long-term measure:</source>
        <translation>长期措施(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="734"/>
        <source>Rework:</source>
        <translation>返修：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="558"/>
        <source>In the customer&apos;s own words</source>
        <translation>用客户自己的话记录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="737"/>
        <source>What actually went wrong, where and why</source>
        <translation>究竟哪里出了问题、在哪个环节、为什么</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="738"/>
        <source>What was done for this customer: repair, refund, exchange, apology…</source>
        <translation>为该客户做了什么：维修、退款、换货、道歉…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="740"/>
        <source>What changes so it does not happen again, who owns it and by when (not just “strengthen training”)</source>
        <translation>为防止再次发生要改变什么、由谁负责、何时完成（不能只写“加强培训”）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="743"/>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="514"/>
        <source>e.g. 35000</source>
        <translation>如 35000</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="517"/>
        <source>e.g. 京A12345</source>
        <translation>如 京A12345</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="744"/>
        <source>Needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="745"/>
        <source>Completed at</source>
        <translation>完成于</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="873"/>
        <source>What was done or told to the customer</source>
        <translation>做了什么或告诉了客户什么</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="874"/>
        <source>Customer told</source>
        <translation>已告知客户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="875"/>
        <source>A&amp;dd entry</source>
        <translation>添加记录(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="793"/>
        <source>Add action…</source>
        <translation>添加措施…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="794"/>
        <source>Check effectiveness…</source>
        <translation>验证效果…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="356"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="357"/>
        <source>Save the sheet (Ctrl+S)</source>
        <translation>保存抱怨单（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="358"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="359"/>
        <source>Print the sheet for signatures (Ctrl+P)</source>
        <translation>打印抱怨单以供签字（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="360"/>
        <source>Reply l&amp;etter…</source>
        <translation>回复函(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="361"/>
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="362"/>
        <source>Close this window (Esc)</source>
        <translation>关闭此窗口（Esc）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="796"/>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="796"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="797"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="797"/>
        <source>Effectiveness</source>
        <translation>效果</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="817"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="877"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="926"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="817"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="877"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="926"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="818"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="818"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="819"/>
        <source>Feedback</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="878"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="927"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="927"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="623"/>
        <source>(not decided)</source>
        <translation>（未确定）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="592"/>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="627"/>
        <source>(nobody yet)</source>
        <translation>（尚未指定）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="421"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="431"/>
        <source>Order %1 (%2, %3)</source>
        <translation>订单 %1（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="435"/>
        <source>New vehicle…</source>
        <translation>新车辆…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="423"/>
        <source>New complaint sheet</source>
        <translation>新建抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="280"/>
        <source>(given when saved)</source>
        <translation>（保存时生成）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="108"/>
        <source>Save the sheet first.</source>
        <translation>请先保存抱怨单。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/panels.py" line="899"/>
        <source>Closed by %1 at %2.</source>
        <translation>由 %1 于 %2 关闭。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="462"/>
        <source>Possible only when the sheet is: %1 (now: %2).</source>
        <translation>仅当抱怨单处于以下状态时可用：%1（当前：%2）。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="470"/>
        <source>Record that the complaint was answered now</source>
        <translation>记录现在已响应该抱怨</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="471"/>
        <source>Give the sheet to the responsible area and person chosen above</source>
        <translation>把抱怨单交给上面选定的责任部门和责任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="473"/>
        <source>Stop the resolution clock while the customer must act</source>
        <translation>在需要客户处理期间暂停解决计时</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="474"/>
        <source>Start the resolution clock again</source>
        <translation>重新开始解决计时</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="475"/>
        <source>Needs the root cause, the correction and a concrete long-term measure</source>
        <translation>需要根本原因、缺点纠正和具体的长期措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="477"/>
        <source>Record the customer&apos;s feedback and satisfaction</source>
        <translation>记录客户的反馈和满意度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="478"/>
        <source>Close the sheet (service director)</source>
        <translation>关闭抱怨单（服务总监）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="479"/>
        <source>Work on the sheet again</source>
        <translation>重新处理该抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="486"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="487"/>
        <source>set when saved</source>
        <translation>保存时确定</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="490"/>
        <source>The deadlines follow the store&apos;s policy for the channel and severity chosen.</source>
        <translation>时限按门店对所选接收渠道和严重程度的规定计算。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="504"/>
        <source>Answered %1</source>
        <translation>已于 %1 响应</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="505"/>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="505"/>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="526"/>
        <source>Major media complaint: escalated to the manufacturer&apos;s PR department.</source>
        <translation>重大媒体抱怨：已上报厂家公关部门。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="56"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="787"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="57"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="789"/>
        <source>Channel</source>
        <translation>接收渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="58"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="791"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="59"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="793"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="62"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="795"/>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="63"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="797"/>
        <source>What the customer says</source>
        <translation>抱怨内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="64"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="798"/>
        <source>What the customer asks for</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="68"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="800"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="69"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="801"/>
        <source>Immediate correction</source>
        <translation>缺点纠正</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="70"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="802"/>
        <source>Compensation (¥)</source>
        <translation>补偿（元）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="71"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="804"/>
        <source>Long-term measure</source>
        <translation>长期措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="65"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="805"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/concurrent.py" line="52"/>
        <location filename="../../helpdesk/ui/complaints/form.py" line="806"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="930"/>
        <source>What the customer must do:</source>
        <translation>需要客户做什么：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="936"/>
        <source>The resolution clock stops until you resume the sheet.</source>
        <translation>在您恢复处理之前，解决计时暂停。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="940"/>
        <source>(choose 1–5)</source>
        <translation>（请选择1–5）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="950"/>
        <source>Satisfaction (1 = very dissatisfied, 5 = very satisfied):</source>
        <translation>满意度（1 = 非常不满意，5 = 非常满意）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="953"/>
        <source>What the customer said:</source>
        <translation>客户的反馈：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="955"/>
        <source>Kind of visit:</source>
        <translation>回访类型：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="956"/>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="967"/>
        <source>Closing remark:</source>
        <translation>关闭说明：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="973"/>
        <source>Closing ends the work on this complaint. It can be reopened by the service director.</source>
        <translation>关闭后该抱怨的处理即告结束。服务总监可以重新打开。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="977"/>
        <source>Why it is reopened:</source>
        <translation>重新打开的原因：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1023"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1029"/>
        <source>What changes:</source>
        <translation>改变内容：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1031"/>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1032"/>
        <source>Due:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1040"/>
        <source>Add a corrective action</source>
        <translation>添加纠正措施</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1057"/>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1058"/>
        <source>How it was checked:</source>
        <translation>验证方法：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1067"/>
        <source>Effectiveness of: %1</source>
        <translation>效果验证：%1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1096"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1097"/>
        <source>Save your changes to this sheet?</source>
        <translation>保存对这张抱怨单的修改吗？</translation>
    </message>
</context>
<context>
    <name>SheetTableModel</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="55"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="56"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="57"/>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="58"/>
        <source>Plate / order</source>
        <translation>车牌 / 订单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="59"/>
        <source>Channel</source>
        <translation>接收渠道</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="60"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="61"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="62"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="63"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="64"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="65"/>
        <source>Text match</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="141"/>
        <source>Searching complaints…</source>
        <translation>正在搜索抱怨单…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/complaints/model.py" line="160"/>
        <source>Due %1</source>
        <translation>期限 %1</translation>
    </message>
</context>
<context>
    <name>SheetWindow</name>
    <message>
        <location filename="../../helpdesk/ui/complaints/form.py" line="1150"/>
        <source>%1 — archive (read-only)</source>
        <translation>%1 — 归档（只读）</translation>
    </message>
</context>
<context>
    <name>StoreTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="159"/>
        <source>Store &amp;name:</source>
        <translation>门店名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="159"/>
        <source>Store code:</source>
        <translation>门店代码：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="159"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="160"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="160"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="161"/>
        <source>Keep closed sheets (&amp;years):</source>
        <translation>已关闭抱怨单保存年限(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="161"/>
        <source>Largest attachment:</source>
        <translation>单个附件最大：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="162"/>
        <source>All attachments of a sheet:</source>
        <translation>每张抱怨单附件合计最大：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="164"/>
        <source>The code starts every sheet number; it cannot change.</source>
        <translation>门店代码是每个抱怨单号的开头，不能修改。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="167"/>
        <source>Closed sheets are kept at least this long. Older ones can be written to an archive file (which the program opens read-only) and then, only if you ask, removed here; nothing is removed by age alone.</source>
        <translation>已关闭的抱怨单至少保存这么久。更早的可以写入归档文件（程序以只读方式打开），然后仅在您要求时从这里删除；不会仅因时间到期而删除任何数据。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="170"/>
        <source>Archive older closed sheets…</source>
        <translation>归档更早的已关闭抱怨单…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="176"/>
        <source>Archive file</source>
        <translation>归档文件</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="177"/>
        <source>Archive (*.db)</source>
        <translation>归档文件 (*.db)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="180"/>
        <source>Remove archived sheets</source>
        <translation>删除已归档的抱怨单</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="181"/>
        <source>%1 closed sheet(s) were written to the archive and checked. Remove them from this database now? (The archive keeps them.)</source>
        <translation>%1 张已关闭的抱怨单已写入归档并校验无误。现在从本数据库中删除它们吗？（归档文件会保留它们。）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="196"/>
        <source>%1 sheet(s) archived to %2</source>
        <translation>已将 %1 张抱怨单归档到 %2</translation>
    </message>
</context>
<context>
    <name>TimeAndWarningsTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="75"/>
        <source>Store &amp;time zone:</source>
        <translation>门店时区(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="75"/>
        <source>Warn in the &amp;last:</source>
        <translation>预警时段为最后(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="76"/>
        <source>…but at least (&amp;minutes):</source>
        <translation>…但至少（分钟）(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="78"/>
        <source>Share of the time a deadline allows</source>
        <translation>占时限总时间的比例</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/live_tab.py" line="80"/>
        <source>Every desk shows and stores times in the store&apos;s time zone, whatever the time zone of its computer. A deadline turns amber, and its responsible person is notified, in the last part of the time allowed (a third of a 2-hour response: 40 minutes), never shorter than the minimum. Other desks use the new values within seconds.</source>
        <translation>每台电脑都按门店时区显示和保存时间，与电脑本身的时区无关。时限进入最后这段时间时变为琥珀色并通知负责人（2小时响应的三分之一：40分钟），且不短于最短时间。其他电脑几秒钟内即使用新设置。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="88"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="89"/>
        <source>Last login</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="90"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="91"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="92"/>
        <source>Set password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="98"/>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="98"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="100"/>
        <source>Active, no login</source>
        <translation>在职，不能登录</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="133"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="134"/>
        <location filename="../../helpdesk/ui/settings/page.py" line="157"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="135"/>
        <location filename="../../helpdesk/ui/settings/page.py" line="158"/>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="137"/>
        <source>Password (empty: cannot log in):</source>
        <translation>密码（留空则不能登录）：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="146"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="153"/>
        <source>May log in and be chosen</source>
        <translation>可以登录并被指定为责任人</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="160"/>
        <source>Active:</source>
        <translation>启用：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="168"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="177"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="184"/>
        <source>Password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/page.py" line="189"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="76"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="78"/>
        <location filename="../../helpdesk/ui/settings/store_tabs.py" line="104"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../helpdesk/ui/login.py" line="215"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="269"/>
        <source>Choose the database to open.</source>
        <translation>请选择要打开的数据库。</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="297"/>
        <source>Preparing customer figures…</source>
        <translation>正在准备客户价值数据…</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="26"/>
        <source>Dealership after-sales (seed 003)</source>
        <translation>4S店售后（抱怨处理流程）</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="27"/>
        <source>Retail store (seed 004)</source>
        <translation>零售门店</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="28"/>
        <source>General customer service (seed 002)</source>
        <translation>通用客户服务</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="32"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="33"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="34"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="35"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="36"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="37"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="38"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="42"/>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="43"/>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="44"/>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="45"/>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="46"/>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="47"/>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/labels.py" line="48"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="49"/>
        <source>Complaints</source>
        <translation>抱怨/投诉</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="50"/>
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="51"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="52"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/app.py" line="53"/>
        <source>Issued reports</source>
        <translation>已签发报告</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../helpdesk/ui/widgets.py" line="206"/>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <location filename="../../helpdesk/ui/widgets.py" line="346"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
</TS>
