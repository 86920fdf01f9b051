"""Errors that end a run with a one-line message (never a traceback), and the exit codes."""

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERNAL = 3


class MedlintError(Exception):
    """A usage, configuration, data or input error; `str()` is the one-line message."""


class InputError(MedlintError):
    """A draft could not be read (missing, binary, wrong encoding, too large, not a file)."""


class DataError(MedlintError):
    """A fact base, rule pack or config file is invalid."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(self.problems[0] if self.problems else "invalid data")


class Problem(str):
    """One reported problem with one input: the one-line message, and the exit code it calls for
    (EXIT_ERROR for bad input, EXIT_INTERNAL for a failure of medlint itself)."""

    exit_code = EXIT_ERROR


class InternalProblem(Problem):
    exit_code = EXIT_INTERNAL


def internal_problem(where: str, err: BaseException) -> InternalProblem:
    detail = str(err).splitlines()[0][:200] if str(err) else ""
    return InternalProblem(f"{where}: internal error: {type(err).__name__}"
                           f"{': ' + detail if detail else ''} (set MEDLINT_DEBUG=1 for details)")
