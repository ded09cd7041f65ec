"""The schemas of the table files, one module per ``data/`` folder.

Importing one schema module imports only it and :mod:`caopo.schema.base`; the registry that
says which schema reads a file by its ``kind`` is :mod:`caopo.schema.registry`, imported by
the catalog loader.
"""
