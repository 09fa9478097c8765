"""Library error types; the CLI and UI turn them into one clear sentence each."""


class AssistantError(Exception):
    """Base class: its message is what a user sees (what went wrong, what to do)."""


class CorpusNotFound(AssistantError):
    pass


class UnknownRelease(AssistantError):
    pass


class IndexMissing(AssistantError):
    pass


class IndexCorrupted(AssistantError):
    pass


class IndexNotWritable(AssistantError):
    pass


class SourceUnreachable(AssistantError):
    pass


class BadQuestion(AssistantError):
    pass


class LLMUnavailable(AssistantError):
    pass
