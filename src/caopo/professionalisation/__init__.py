"""Professionalisation: one module per concept.

* :mod:`~caopo.professionalisation.budgets`: the individual budget (money) of one budget year;
* :mod:`~caopo.professionalisation.ledger`: the carry-over statement of that budget over years;
* :mod:`~caopo.professionalisation.hours`: professionalisation and duurzame-inzetbaarheid hours;
* :mod:`~caopo.professionalisation.per_pupil`: the per-pupil funding of a school (prestatiebox
  and its successor);
* :mod:`~caopo.professionalisation.register`: the Schoolleidersregister PO status.
"""
