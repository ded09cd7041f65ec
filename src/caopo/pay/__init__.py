"""A year of pay: employment, the month plan, the pay components, projection, annual income
and back pay."""
