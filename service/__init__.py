"""Hongqiao domain core and HTTP service: plain functions over a SQLAlchemy session."""
