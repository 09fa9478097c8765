"""Ingestion pipeline: load → clean → split → embed → store."""
