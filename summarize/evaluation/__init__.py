"""Evaluation: ROUGE as ROUGE-1.5.5 computes it, and the baseline summarizers we compare against."""
