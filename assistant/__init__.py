"""govstack-assistant: cited answers and building-block suggestions over the GovStack specification.

Public API (everything the CLI, UI and evals use):

    from assistant import Assistant, Settings, ingest
    a = Assistant(Settings.from_env())
    a.ask("What is the Consent BB?").text
"""
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.types import Answer, Citation, Suggestion

__all__ = ["Assistant", "Settings", "AssistantError", "Answer", "Citation", "Suggestion", "ingest"]


def __getattr__(name):  # lazy: importing the package must stay cheap (no torch, no chroma)
    if name in ("Assistant", "ingest"):
        from assistant import api

        return getattr(api, name)
    raise AttributeError(name)
