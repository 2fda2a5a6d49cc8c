"""Reading and rewriting registry YAML text: a leaf that knows YAML, not the registry.

- `fast`: the libyaml loader with line numbers for every value.
- `spans`: where each record and field sits in the text.
- `emit`: writing one record the way the registry's authors write them.
- `edit`: replacing, adding and removing records while keeping every other line as it was.
"""
