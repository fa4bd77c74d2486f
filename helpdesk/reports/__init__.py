"""Printed documents: the monthly complaint analysis report, the sheet printout and the
reply letter.

``monthly`` computes the report's figures in SQL; ``render_monthly``, ``sheet_print``
and ``reply_letter`` lay documents out with reportlab (``layout``, ``charts``,
``fonts``); ``tables`` exports the report's tables as CSV/XLSX; ``i18n`` holds their
words in Simplified Chinese, Traditional Chinese and English. The use cases that check
permissions and audit live in ``helpdesk.services.reporting``.
"""
