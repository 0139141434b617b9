"""Types shared by the API's slices."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

RowId = Annotated[int, Field(ge=1, le=2**31 - 1)]
