"""Staff accounts for the dashboard and the REST API: passwords, roles, tokens."""
