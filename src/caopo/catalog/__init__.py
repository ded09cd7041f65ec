"""The table catalog: the strict YAML reader, the loader (shipped and user folders), typed
date-versioned series, derived tables, the inventory and the CSV importer."""
