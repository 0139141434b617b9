"""Chinese numerals to Arabic digits, for place numbers (三号楼, 二十三栋, 三零二)."""

from __future__ import annotations

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "洞": 0,
    "一": 1,
    "幺": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS = {"十": 10, "百": 100}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS)


def cn_to_int(text: str) -> int | None:
    """Positional reading: 十 → 10, 十七 → 17, 二十三 → 23, 一百零一 → 101.

    Without 十/百 the characters are read digit by digit (三零二 → 302). Returns None
    for anything that is not a numeral.
    """
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if not any(ch in CN_UNITS for ch in text):
        digits = cn_digits(text)
        return int(digits) if digits else None
    total = 0
    pending: int | None = None
    for ch in text:
        if ch in CN_DIGITS:
            pending = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (1 if pending is None else pending) * CN_UNITS[ch]
            pending = None
        else:
            return None
    return total + (pending or 0)


def cn_digits(text: str) -> str | None:
    """Digit-by-digit reading used for room numbers said aloud: 三零二 → "302"."""
    out = []
    for ch in text:
        if ch.isdigit():
            out.append(ch)
        elif ch in CN_DIGITS:
            out.append(str(CN_DIGITS[ch]))
        else:
            return None
    return "".join(out) or None
