"""The looks shared by the faces that write workbooks (the template and the report): cell styles
and conditional formats (``style``), chart builders and the palette (``charts``), and values safe to
write where a user's text lands (``safe``: text never a live formula, JSON-safe values).

It imports the schema (formats and flag words) and nothing above it; importing the package loads
nothing (openpyxl only when ``style`` or ``charts`` is imported).
"""
