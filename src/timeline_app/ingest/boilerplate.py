"""Lines that are not the story: sign-up prompts, share bars, ads, and verbatim repeats.

The text is never edited: these lines come back as character ranges (`ignored`) so that
every offset into the article stays valid. The rules are general shapes of web furniture,
not the lines of any one article, and each applies only to short lines, so a sentence of
reporting that merely mentions a newsletter is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Range = tuple[int, int]

_MAX_WORDS = 30  # web furniture is short; reporting that mentions it is not ignored
_MAX_CHARS = 300
_SOCIAL = (
    r"share|shares|tweet|email|e-mail|mail|print|facebook|twitter|x|whatsapp|linkedin|reddit|"
    r"pinterest|telegram|messenger|copy|link|copy link|save|comments?|flipboard|bluesky|"
    r"threads|instagram|youtube|tiktok|sms|more"
)
_SHARE_BAR = re.compile(rf"^(?:\W*(?:{_SOCIAL})\b\W*){{1,12}}$", re.I)
_PATTERNS = [
    # newsletters and sign-up prompts
    r"\bsign(?:ing)?[ -]?up\b.*\b(?:newsletters?|alerts?|updates|inbox|email|free)\b",
    r"\b(?:newsletters?|alerts?)\b.*\bsign(?:ing)?[ -]?up\b",
    r"\bsign up (?:here|now|today|for (?:more|our|the|free))\b",
    r"\bthank you for (?:signing up|subscribing|registering|your interest)\b",
    r"\bthanks for (?:signing up|subscribing)\b",
    r"\bsubscribe (?:to|for|now|today|here)\b",
    r"^(?:subscribe|sign up|log ?in|register|sign in)\W*$",
    r"\bin your inbox\b",
    r"\b(?:delivered|sent) (?:to your inbox|(?:straight )?to you|every (?:morning|day|weekday|"
    r"evening|week)|each (?:morning|day|week)|daily|weekly)\b",
    r"\bget (?:today'?s|the day'?s|our|the latest|breaking|the best of)\b.*"
    r"\b(?:headlines|news|stories|newsletter|updates|alerts)\b",
    r"\b(?:enter|your) (?:your )?e-?mail(?: address)?\b",
    r"\bnewsletters?\b.*\b(?:here|now|free)\W*$",
    # advertising and promotion
    r"^\W*(?:advertisement|advertising|sponsored(?: content)?|promoted|paid content|ad|"
    r"story continues (?:below|after)(?: (?:this |the )?(?:advertisement|ad))?|"
    r"continue reading(?: (?:below|the main story))?|scroll to continue(?: with content)?)\W*$",
    # sharing and following
    r"^\W*share (?:this|on|via|the|article|story|page)\b",
    r"^\W*(?:follow|like) (?:us|me|@\w+)\b",
    r"\bfollow us on\b",
    r"^\W*follow (?:[\w@'’.]+ ){1,3}on (?:twitter|x|facebook|instagram|telegram|linkedin|threads|"
    r"bluesky|youtube|tiktok|whatsapp)\b",
    r"^\W*(?:follow|for more|more on|read more)\b.{0,120}\bhttps?://\S+\W*$",
    r"^\W*(?:click|tap) here\b",
    # navigation and page furniture
    r"^\W*(?:read|see) (?:more|also|next|the full story)\b\W*(?::.*)?$",
    r"^\W*(?:related|recommended|more (?:from|on|stories|news)|most (?:read|popular|viewed)|"
    r"trending|top stories|you may also like|you might also like|more coverage)\b\W*:?.{0,80}$",
    r"^\W*skip to (?:main )?(?:content|navigation)\b",
    r"\ball rights reserved\b",
    r"^\W*(?:©|\(c\)|copyright\b)",
    r"\b(?:we use|this (?:site|website) uses) cookies\b",
    r"^\W*(?:accept (?:all )?cookies|cookie (?:settings|policy)|privacy policy|terms of "
    r"(?:use|service))\W*$",
    r"^\W*(?:back to top|print this (?:page|article)|download (?:the|our) app)\W*$",
    r"^\W*(?:listen to (?:this )?(?:article|story)|\d+ min(?:ute)?s? (?:read|listen))\W*"
    r"(?:\d+ min(?:ute)?s?)?\W*$",
    # captions' labels and credits, agency small print
    r"^\W*(?:image|photo|picture|media|video) (?:caption|source|copyright|credit)\b",
    r"^\W*(?:getty images|shutterstock|reuters|ap|afp|epa)(?: photo)?\W*$",
    r"^\W*(?:photo|photograph|picture|image|credit)s?\s*:\s*.{0,120}$",
    r"^[\w .'’-]{0,60}/\s*(?:getty images|afp|ap|reuters|epa|anadolu|bloomberg|ap photo)"
    r"(?: via getty images)?\W*$",
    r"^\W*this (?:story|article|report) (?:has been|was) (?:corrected|updated|amended)\b.{0,200}$",
    r"^\W*\((?:corrects|updates|adds|recasts|refiles)\b.{0,200}\)\W*$",
    r"^\W*(?:close|loading|play(?:back)?|watch|listen|enlarge(?: this image)?|toggle caption|"
    r"hide caption|show caption|expand|view (?:image|gallery|comments))\W*$",
    r"^\W*(?:supported by|gift this article|save (?:this )?(?:article|story)|"
    r"(?:show|view|hide) comments|comments?(?: \(\d+\))?|topics?:.{0,120})\W*$",
    r"^\W*(?:(?:additional )?reporting|writing|editing|compiled) by\b.{0,160}$",
    r"^\W*(?:edited|produced|written|translated|fact-checked|illustrated|designed) by\b.{0,120}$",
    r"^\W*(?:with files from|with reporting from|with additional reporting)\b.{0,120}$",
    r"\bcontributed (?:to )?this (?:report|story|article)\W*$",
    # bylines and datestamps of the page, not the story
    r"^\W*by\s+(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){0,3}(?:(?:,|\s+and)\s+"
    r"(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){0,3}){0,3}\W*$",
    r"^\W*by (?:a |an |our )?(?:staff |special |foreign |diplomatic )?(?:correspondent|reporter|"
    r"writer|editor|staff)\b.{0,40}$",
    r"^\W*(?:updated|posted|published|modified)\b.{0,60}$",
    r"^\W*filed under\b.{0,100}$",
    r"^\W*\((?:ap|afp|reuters|epa)? ?photo\b.{0,80}\)\W*$",
    r"^\W*(?:watch|live|video|listen)\s*:.{0,100}$",
    r"^\W*this (?:article|story|piece) (?:was|is) (?:originally|first) published\b.{0,150}$",
    r"^\W*(?:contact (?:the )?(?:author|reporter|writer|us)|have a (?:news )?tip|got a tip|"
    r"send (?:us )?(?:a )?tips?)\b.{0,120}$",
    r"\btrust principles\b",
    r"\bmay not be (?:published|reproduced|redistributed)\b",
    r"^\W*(?:sent from my|unsubscribe|manage (?:your )?(?:subscription|preferences)|"
    r"view (?:this email )?in (?:your|a) browser)\b",
]
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)
_NEIGHBOUR_WORDS = 12
_REPEAT_ANYWHERE = 60  # a line this long printed again later (a pull quote) is a repeat too


def lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    start = 0
    length = len(text)
    while start <= length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        yield start, end
        start = end + 1


def is_furniture(line: str) -> bool:
    """True for a line shaped like page furniture (sign-up prompt, share bar, ad marker)."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_CHARS or len(stripped.split()) > _MAX_WORDS:
        return False
    return bool(_FURNITURE.search(stripped) or _SHARE_BAR.match(stripped))


def boilerplate_ranges(text: str) -> list[Range]:
    """Ranges of furniture lines and of verbatim repeats of earlier lines.

    A short line squeezed between two furniture lines with no blank line around it (the
    strap line of a sign-up box) goes with them. A line printed twice in a row (blank lines
    aside; a photo caption) is a repeat from 20 characters on; a line of 60 characters or
    more printed again anywhere later (a pull quote) is one too. The first copy is kept.
    """
    spans = [(s, e) for s, e in lines(text)]
    kinds: list[str] = []  # "blank", "furniture", "repeat", "text"
    previous: str | None = None
    seen: set[str] = set()
    for start, end in spans:
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            kinds.append("blank")
            continue
        if is_furniture(line):
            kinds.append("furniture")
        elif len(stripped) >= 20 and (stripped == previous or
                                      (len(stripped) >= _REPEAT_ANYWHERE and stripped in seen)):
            kinds.append("repeat")
        else:
            kinds.append("text")
        previous = stripped
        if len(stripped) >= _REPEAT_ANYWHERE:
            seen.add(stripped)
    for i in range(1, len(kinds) - 1):
        if kinds[i] == "text" and kinds[i - 1] == "furniture" and kinds[i + 1] == "furniture":
            words = len(text[spans[i][0]:spans[i][1]].split())
            if words <= _NEIGHBOUR_WORDS:
                kinds[i] = "furniture"
    return merge(
        [(s, e) for (s, e), kind in zip(spans, kinds, strict=True)
         if kind in ("furniture", "repeat")]
    )


def merge(ranges: list[Range]) -> list[Range]:
    """Sorted, non-overlapping ranges; ranges that touch stay separate lines."""
    out: list[Range] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
