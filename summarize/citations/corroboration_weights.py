"""The corroboration judge's learned weights: written by `python bench/corroboration_fit.py`
(a logistic regression on the labelled tune set, pairs.jsonl and pairs_test2.jsonl; see bench/corroboration/README.md),
not by hand. The judge lists a candidate when the logistic of intercept + weights . features reaches THRESHOLD."""

# all features, C=3.0; tune cross-validated by cluster: precision 96.4%, recall 21.4% at the threshold (target 95%)
WEIGHTS = {
    "similarity": 5.0967,
    "shared_words": 4.6292,
    "covers_sentence": -3.6011,
    "covers_candidate": -0.3804,
    "same_detail": 0.7393,
    "other_scope": 0.3933,
    "new_names": -0.1014,
    "missing_names": -0.0841,
    "length_ratio": 1.3190,
    "in_cluster": 0.4304,
    "covers_main": 4.2165,
}
INTERCEPT = -7.5053
THRESHOLD = 0.9307
