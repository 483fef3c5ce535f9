"""Batch audit of archive folders: parallel (local pool or Dask), resumable, streamed to outputs.

Entry point: ``run_audit(AuditOptions(...)) -> AuditOutcome`` in ``thethuc.audit.runner``.
"""
