"""Recognizers, one per file.

The recognizers here follow the interface of phi_core/extractors/rules/recognizer.py
(a ``name``, its ``categories``, ``find(doc)``). The morphology and NER based
ones (sudachi_*, ginza_entities) and the identifier-shape one are NOT put in
the rules' registry: they run only in the profiles that list them
(phi_core/extractors/profiles_recall_first.py), so ``balanced`` stays as it is.
"""
