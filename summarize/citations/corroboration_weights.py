"""The corroboration judge's learned weights: written by `python bench/corroboration_fit.py`
(a logistic regression on the labelled tune set, pairs.jsonl, pairs_test2.jsonl and pairs_test3.jsonl;
see bench/corroboration/README.md), not by hand. The judge lists a candidate when the logistic of
intercept + weights . features reaches THRESHOLD."""

# small+main features, C=0.03; tune cross-validated by cluster: precision 96.1%, recall 23.9% at the threshold (target 95%)
WEIGHTS = {
    "similarity": 3.8289,
    "shared_words": 1.9850,
    "same_detail": 0.6389,
    "in_cluster": 0.5831,
    "covers_main": 2.2368,
}
INTERCEPT = -5.4332
THRESHOLD = 0.8857
