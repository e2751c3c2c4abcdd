"""The plain-text stages: normalise, segment into blocks, measure blocks."""
