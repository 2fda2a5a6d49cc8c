"""The questions the registry answers, for young people, parents and professionals.

- `find_help`: where to start for an age, area and needs; `emergency`: help now.
- `routes`: how help flows from one provider to another; `sip`: who belongs at a SIP.
- `guidance`: what each mechanism asks of a professional; `sentences`: facts in plain words.
- `audit`: what is missing or wrong in the registry; `export`: the graph as data.
"""
