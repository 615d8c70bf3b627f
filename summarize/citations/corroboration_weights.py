"""The corroboration judge's learned weights: written by `python bench/corroboration_fit.py`
(a logistic regression on the labelled tune set, pairs.jsonl; see bench/corroboration/README.md), not by
hand. The judge lists a candidate when the logistic of intercept + weights . features reaches THRESHOLD."""

# small features, C=0.1; tune cross-validated by cluster: precision 95.6%, recall 26.2% at the threshold (target 95%)
WEIGHTS = {
    "similarity": 5.2378,
    "shared_words": 4.1387,
    "same_detail": 1.0521,
    "in_cluster": 0.4725,
}
INTERCEPT = -6.4361
THRESHOLD = 0.8518
