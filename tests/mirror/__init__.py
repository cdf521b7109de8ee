"""Local mirrors of the sources (Federal Register API, State/Treasury/OFAC sites) for end-to-end tests."""
from tests.mirror.corpus import Corpus, ExpectedEvent, backfill_corpus, paging_corpus
from tests.mirror.faults import Faults, MirrorServer, RequestLog, Response
from tests.mirror.fr_api import FRMirror, MirrorDocument, public_inspection_entry
from tests.mirror.sites import SiteMirror

__all__ = [
    "Corpus", "ExpectedEvent", "FRMirror", "Faults", "MirrorDocument", "MirrorServer", "RequestLog", "Response",
    "SiteMirror", "backfill_corpus", "paging_corpus", "public_inspection_entry",
]
