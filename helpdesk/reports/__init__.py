"""Printed documents: the monthly complaint analysis report, the sheet printout and the
reply letter.

``monthly`` assembles the report's figures from the SQL in
``helpdesk.storage.report_queries``; ``render_monthly``, ``sheet_print`` and
``reply_letter`` lay documents out with reportlab (``layout``, ``charts``, ``fonts``);
``documents`` says what they read of a sheet; ``tables`` exports the report's tables as
CSV/XLSX; ``i18n`` holds their words in Simplified Chinese, Traditional Chinese and
English. The reports sit below the services and never import them: the use cases that
check permissions, read the clock and audit live in ``helpdesk.services.reporting``.
"""
