"""Load stage: a .docx file → ``model.Document`` with effective formatting and provenance."""
from thethuc.load.document import load_document
from thethuc.load.safety import Limits

__all__ = ["Limits", "load_document"]
