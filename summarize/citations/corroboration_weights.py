"""The corroboration judge's learned weights: written by `python bench/corroboration_fit.py`
(a logistic regression on the labelled tune set, pairs.jsonl; see bench/corroboration/README.md), not by
hand. The judge lists a candidate when the logistic of intercept + weights . features reaches THRESHOLD."""

# small features, C=0.03; tune cross-validated by cluster: precision 95.5%, recall 25.6% at the threshold (target 95%)
WEIGHTS = {
    "similarity": 4.2447,
    "shared_words": 3.1218,
    "same_detail": 0.8587,
    "in_cluster": 0.5231,
}
INTERCEPT = -5.3459
THRESHOLD = 0.7717
