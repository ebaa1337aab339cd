"""Month names as a date header or a date line spells them (case-insensitive patterns)."""

from __future__ import annotations

# "jan", "january", "sept", "september": full names and the usual abbreviations, no dot
MONTH_PATTERN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
