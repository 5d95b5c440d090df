"""Plain-Python extraction of government information disclosure annual reports."""
