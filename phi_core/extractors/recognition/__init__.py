"""What the recognizers stand on: candidates, the registry, the resolver, shared helpers.

* candidates.py   the Candidate record and the ranks
* recognizer.py   Recognizer, Document, Region and the registry (name -> recognizer)
* resolve.py      the one resolver (label context, date cross-checks, propagation, overlaps)
* consistency.py  dates re-typed by the labelled ones, values propagated to every occurrence
* profiles.py     profiles read from data/rules/profiles.toml
* name_parts.py, prose_names.py, name_forms.py        person names
* label_words.py, label_hits.py                       labels and the values after them
* value_patterns.py, pattern_families.py              context-free value patterns
* fields.py                                           HL7/DICOM field tables and value readers

Nothing here imports phi_core.extractors.recognizers: recognizers import these
modules, never the other way round.
"""
