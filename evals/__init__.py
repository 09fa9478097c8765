"""Evaluation suite: gold sets, metrics (pure functions), runner, reports and the regression gate.

Everything here talks to the assistant only through its public API (`Assistant.ask`, `Assistant.suggest`,
`assistant.api.ingest`), the same entry points the CLI and the UI use.
"""
