"""Errors that end a run with exit code 2 and a one-line message (never a traceback)."""

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class MedlintError(Exception):
    """A usage, configuration, data or input error; `str()` is the one-line message."""


class InputError(MedlintError):
    """A draft could not be read (missing, binary, wrong encoding, too large)."""


class DataError(MedlintError):
    """A fact base, rule pack or config file is invalid."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(self.problems[0] if self.problems else "invalid data")
