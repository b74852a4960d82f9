"""All SQL lives in this package (qutebrowser's misc/sql.py is the model)."""
