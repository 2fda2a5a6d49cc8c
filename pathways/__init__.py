"""Vårdkedjan's domain: the care-pathway registry and the questions it answers.

Pure Python with no web imports. The registry core sits here (errors, vocab, models,
validation, loader, limits, registry, graph, messages, question); the wings are `yamlio`
(YAML text), `store` (the editable registry), `queries` (the answers), `reading` (free
text) and the organisation map.
"""
