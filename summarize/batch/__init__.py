"""Batch: many clusters briefed in this process, in worker processes or on Dask."""
