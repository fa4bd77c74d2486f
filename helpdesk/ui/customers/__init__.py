"""The customer-record browser (客户档案) and customer value analytics."""

from helpdesk.ui.customers.browser import CustomerBrowser

__all__ = ["CustomerBrowser"]
