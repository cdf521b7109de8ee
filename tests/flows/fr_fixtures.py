"""Mirror documents built from the Federal Register parser fixtures (real documents, our markup)."""
from __future__ import annotations

import json

from tests.conftest import FIXTURES
from tests.mirror.fr_api import MirrorDocument, public_inspection_entry

FR_FIXTURES = FIXTURES / "federal_register"


def fixture_document(name: str) -> MirrorDocument:
    """The fixture's API metadata and full-text XML as the mirror serves them."""
    meta = json.loads((FR_FIXTURES / f"{name}.json").read_text())
    return MirrorDocument(meta, (FR_FIXTURES / f"{name}.xml").read_bytes())


def cartel_de_los_soles() -> MirrorDocument:
    """2025-20750, 90 FR 53045: the FTO designation of Cartel de los Soles, published 2025-11-24."""
    return fixture_document("fto_designation_single")


def cartel_on_public_inspection() -> dict:
    """The same document on the public-inspection desk, filed 2025-11-21."""
    return public_inspection_entry(cartel_de_los_soles(), "2025-11-21T08:45:00.000-05:00")
