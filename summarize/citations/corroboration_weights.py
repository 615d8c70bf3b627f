"""The corroboration judge's learned weights: written by `python bench/corroboration_fit.py`
(a logistic regression on the labelled set's tune part; see bench/corroboration/README.md), not by
hand. The judge lists a candidate when the logistic of intercept + weights . features reaches THRESHOLD."""

# small features, C=0.03; tune cross-validated by cluster: precision 96.9%, recall 24.2% at the threshold (target 95%)
WEIGHTS = {
    "similarity": 4.3344,
    "shared_words": 2.6403,
    "same_detail": 0.7807,
    "in_cluster": 0.4303,
}
INTERCEPT = -5.0001
THRESHOLD = 0.7619
