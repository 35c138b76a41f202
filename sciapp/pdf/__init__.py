"""PDF documents from plain data with ReportLab: no Qt, no database session.

Imported only when a document is rendered, so ReportLab costs nothing at start-up.
"""
