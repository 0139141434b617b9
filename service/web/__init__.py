"""The HTTP service (FastAPI): health, API and staff pages over the domain core."""
