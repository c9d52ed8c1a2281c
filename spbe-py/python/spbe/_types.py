"""The option types, as ``Literal`` so that type checkers catch a misspelt
option (``missing="lowst"``)."""
from __future__ import annotations

from typing import Literal

#: The missing-indicator policy: only ``"error"`` is official.
MissingPolicy = Literal["error", "lowest", "renormalize"]
#: What the predicate is read from (``None``: the edition's rule for the year).
PredicateBasis = Literal["reported", "exact"]
#: A track to score.
TrackName = Literal["levels", "mandiri", "dokumen", "interviu", "visitasi", "target", "final"]
#: What a frame does with a bad row.
OnError = Literal["raise", "collect"]
#: What a frame does with a column named like an indicator the rubric lacks.
Extra = Literal["error", "ignore"]
