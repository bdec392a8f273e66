"""The report's translation tables (``da.json``) and their check (``extract.py``)."""
