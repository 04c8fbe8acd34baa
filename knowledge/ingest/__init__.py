"""Fact proposals from a new article: `proposals.propose(text)` (the CLI's `propose`, /ingest)."""
