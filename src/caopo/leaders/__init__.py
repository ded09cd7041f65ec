"""School leaders: director funding, career patterns, the garantietoelage and the
school-leader allowances."""
