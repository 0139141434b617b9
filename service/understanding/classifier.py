"""First keyword version; replaced by the full lexicon-driven classifier."""

from __future__ import annotations

import re

from service.understanding.model import Understanding

_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("emergency", "火情", ("着火", "冒烟", "起火")),
    ("emergency", "燃气", ("煤气味", "燃气味", "漏气")),
    ("emergency", "被困", ("被困", "困在")),
    ("maintenance", "照明", ("灯",)),
    ("maintenance", "电梯", ("电梯",)),
    ("maintenance", "给排水", ("漏水", "堵", "停水")),
    ("dispute", "噪音", ("吵", "噪音", "扰民")),
)
_BUILDING = re.compile(r"(\d+)\s*(?:号楼|栋|幢)")
_UNIT = re.compile(r"(\d+)\s*单元")


class Classifier:
    @classmethod
    def default(cls) -> Classifier:
        return cls()

    def classify(self, text: str) -> Understanding:
        for category, sub, words in _RULES:
            hits = tuple(w for w in words if w in text)
            if hits:
                b = _BUILDING.search(text)
                u = _UNIT.search(text)
                return Understanding(
                    category=category,
                    subcategory=sub,
                    building=b.group(1) if b else None,
                    unit=u.group(1) if u else None,
                    emergency=category == "emergency",
                    keywords=hits,
                    summary=text.strip()[:20],
                )
        return Understanding(category="none")
