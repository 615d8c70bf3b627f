"""Citations: which other sources report each brief sentence's fact, and which differ."""
