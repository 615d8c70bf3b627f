"""Selection: rankers that choose a brief's sentences (salience, concepts by ILP)."""
