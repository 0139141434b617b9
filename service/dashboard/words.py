"""Small pieces of dashboard wording: durations in the one unit a person reads at a glance."""

from __future__ import annotations

from datetime import timedelta


def duration_zh(value: timedelta, precise: bool = False) -> str:
    """`45 分钟`, `5 小时`, `3 天`: never minutes in the thousands. `precise` keeps one decimal
    under ten hours or days (`2.5 小时`), for averages."""
    minutes = max(value.total_seconds(), 0) / 60
    if minutes < 1:
        return "不到 1 分钟"
    if minutes < 60:
        return f"{int(minutes)} 分钟"
    hours = minutes / 60
    if hours < 48:
        return f"{_number(hours, precise)} 小时"
    return f"{_number(hours / 24, precise)} 天"


def _number(value: float, precise: bool) -> str:
    if precise and value < 10:
        text = f"{value:.1f}"
        return text[:-2] if text.endswith(".0") else text
    return str(int(value))
