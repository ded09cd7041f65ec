"""Salary scales: the salary lookup, the one scale code and its registry, renames between
CAO editions, conversions, the periodiek and career timelines."""
