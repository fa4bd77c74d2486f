"""Spreadsheet import and export (CSV, XLSX): the store's Excel ledgers in, customer
lists out. Reads and checks files, then writes through the use cases' unit of work with
permissions and the audit trail."""

# What can be imported (the command line's words; light, so `helpdesk --help` loads
# nothing else of this package).
CUSTOMERS = "customers"
SHEETS = "sheets"
