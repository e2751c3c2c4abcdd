"""Text rules: one module per rule, each ending in ``RULE = Rule(...)``; listed in :mod:`cleanbody.rules`."""
