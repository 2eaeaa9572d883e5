"""A teacher's home on the site (/mijn/): her classes, what each had and what is planned,
the lessons she keeps, her recent check-ins, and, for reviewers, what awaits review."""
