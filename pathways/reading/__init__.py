"""Reading what people type: their own words turned into needs, and danger into help.

- `crisis`: the one place that decides whether a text shows danger now, and of what kind
  (`crisis_phrases` and `crisis_words` are its data).
- `freetext`: folding, stemming and typo-tolerant matching of free text into needs.
- `synonyms`: the words young people and parents use for each need.
- `folding`: å, ä, ö and accents folded the same way for both readers.
"""
