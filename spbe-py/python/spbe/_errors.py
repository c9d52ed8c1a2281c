"""The exception hierarchy: one class per code of spbe-core's error registry
(``spbe._lowlevel.error_codes()``), under its family's class. The classes are
written out here so that type checkers and IDEs see them; ``tests/py/test_errors.py``
fails when a registered code has no class, a class has no registered code, or a
class sits under the wrong family."""
from __future__ import annotations

from typing import Any, Dict, Literal, Optional, Type

from . import _lowlevel

#: What kind of problem an error is, as spbe-core decides it (``Error::kind``):
#: ``"value"`` (a value on one indicator that cannot be scored as given: a form
#: field holds it), ``"missing"`` (work not finished: indicators without a
#: level, a track with none, a track not begun) or ``"invalid"`` (the
#: assessment, file, options or request is itself wrong).
IssueKind = Literal["value", "missing", "invalid"]

#: code -> the kind of its problems, from spbe-core's registry.
KIND_BY_CODE: Dict[str, str] = {c: k for c, _f, _s, k in _lowlevel.error_codes()}


class SpbeError(ValueError):
    """Base of every spbe error. A ``ValueError``.

    Attributes: ``code`` (stable machine code, e.g. ``"level_out_of_range"``),
    ``kind`` (``"value"``, ``"missing"`` or ``"invalid"``: see :data:`IssueKind`),
    ``indicator`` (the indicator concerned, if any), ``row`` (the frame row, for
    :func:`spbe.score_frame`), ``message``.
    """

    code: str = "spbe_error"

    def __init__(self, message: str, *, code: Optional[str] = None, indicator: Optional[str] = None, row: Optional[Any] = None, position: Optional[int] = None, kind: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        #: The kind of problem: the core's for its errors, else its registry's for the code.
        self.kind: str = kind if kind is not None else KIND_BY_CODE.get(self.code, "invalid")
        self.indicator = indicator
        #: The frame row: its index label (pandas), else its position.
        self.row = row
        #: The frame row's position (0-based), for frames.
        self.position = position if position is not None else (row if isinstance(row, int) else None)

    def to_dict(self) -> Dict[str, Optional[str]]:
        """``{"code", "kind", "indicator", "message"}``, as :func:`spbe.validate` returns."""
        return {"code": self.code, "kind": self.kind, "indicator": self.indicator, "message": self.message}

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_rebuild, (type(self), self.message, self.code, self.indicator, self.row, self.position, self.kind))


def _rebuild(cls: Type[SpbeError], message: str, code: str, indicator: Optional[str], row: Optional[Any], position: Optional[int] = None, kind: Optional[str] = None) -> SpbeError:
    return cls(message, code=code, indicator=indicator, row=row, position=position, kind=kind)


class InvalidAssessmentError(SpbeError):
    """The assessment cannot be scored as given (the parent of the specific kinds below)."""

    code = "invalid_assessment"


class RubricError(SpbeError):
    """No such edition, or a rubric file that is wrong (the parent of the two below)."""

    code = "rubric_error"


class UnknownRubricError(RubricError):
    code = "unknown_rubric"


class UnknownIndicatorError(InvalidAssessmentError):
    code = "unknown_indicator"


class LevelOutOfRangeError(InvalidAssessmentError):
    code = "level_out_of_range"


class NonIntegerLevelError(InvalidAssessmentError):
    code = "non_integer_level"


class InvalidLevelTypeError(InvalidAssessmentError):
    code = "invalid_level_type"


class TooManyDecimalsError(InvalidAssessmentError):
    code = "too_many_decimals"


class NoLevelsError(InvalidAssessmentError):
    code = "no_levels"


class NotRepeatableError(InvalidAssessmentError):
    code = "not_repeatable"


class WrongItemCountError(InvalidAssessmentError):
    code = "wrong_item_count"


class DuplicateIndicatorError(InvalidAssessmentError):
    code = "duplicate_indicator"


class MissingIndicatorError(InvalidAssessmentError):
    code = "missing_indicator"


class MalformedJsonError(InvalidAssessmentError):
    code = "malformed_json"


class UnknownTrackError(InvalidAssessmentError):
    code = "unknown_track"


class TrackNotPresentError(InvalidAssessmentError):
    code = "track_not_present"


class RubricMismatchError(InvalidAssessmentError):
    code = "rubric_mismatch"


class InputTooLargeError(InvalidAssessmentError):
    code = "input_too_large"


class InvalidRubricError(RubricError):
    code = "invalid_rubric"


class InvalidVectorError(SpbeError):
    code = "invalid_vector"


class InvalidBatchError(SpbeError):
    code = "invalid_batch"


class InvalidOptionsError(SpbeError):
    code = "invalid_options"


class UnreachableTargetError(SpbeError):
    """A plan's target that no allowed rise of levels reaches; the message gives the best reachable index."""

    code = "unreachable_target"


class ArithmeticOverflowError(SpbeError):
    code = "arithmetic_overflow"


class SpbeIOError(SpbeError):
    code = "io_error"


#: The class of each family of the registry.
FAMILIES: Dict[str, Type[SpbeError]] = {"assessment": InvalidAssessmentError, "rubric": RubricError}


def _classes(base: Type[SpbeError]) -> Dict[str, Type[SpbeError]]:
    out: Dict[str, Type[SpbeError]] = {}
    for sub in base.__subclasses__():
        out[sub.code] = sub
        out.update(_classes(sub))
    return out


#: code -> class, for every code of spbe-core's registry.
ERRORS_BY_CODE: Dict[str, Type[SpbeError]] = {
    code: cls for code, cls in _classes(SpbeError).items() if code in KIND_BY_CODE
}


def from_core(args: tuple) -> SpbeError:  # type: ignore[type-arg]
    """Builds the right exception from the compiled module's ``CoreError`` args."""
    code, indicator, message, row, kind = args
    cls = ERRORS_BY_CODE.get(code, SpbeError)
    return cls(message, code=code, indicator=indicator, row=row, kind=kind)
