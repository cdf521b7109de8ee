"""Name normalisation for matching one entity across documents and sources."""
from __future__ import annotations

import re
from functools import lru_cache

from parsers.common import fold_accents

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    """A matching key: case, accents, punctuation, hyphens and a leading article folded away."""
    text = fold_accents(name).casefold().replace("-", " ").replace("'", "").replace("\u2019", "")
    text = _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()
    return _LEADING_THE.sub("", text)


def document_key(number: str) -> str:
    """An FR document number without zero-padding: public inspection writes '2012-07333', the FR '2012-7333'."""
    return re.sub(r"-0+(?=\d)", "-", number.strip())
