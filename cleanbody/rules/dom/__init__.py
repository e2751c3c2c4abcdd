"""DOM rules: one module per rule, each ending in ``RULE = DomRule(...)``; listed in :mod:`cleanbody.rules`."""
