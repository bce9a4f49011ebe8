"""Structured formats: HL7 v2, DICOM header dumps, CSV/TSV exports."""
