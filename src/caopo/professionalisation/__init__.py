"""Professionalisation: budgets, hours, the carry-over ledger, per-pupil funding and the
Schoolleidersregister."""
