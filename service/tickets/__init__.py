"""Tickets: one resident request from intake to rating."""
