"""Read-side views for the staff dashboard and the API: search, figures, charts, health."""
