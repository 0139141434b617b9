"""Spreadsheets for people who work in Excel: ticket exports and the monthly report."""
