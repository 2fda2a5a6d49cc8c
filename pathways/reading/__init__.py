"""Reading what people type: their own words turned into needs.

- `freetext`: folding, stemming and typo-tolerant matching of free text.
- `synonyms`: the words young people and parents use for each need.
"""
