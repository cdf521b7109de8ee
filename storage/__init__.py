"""Files and Parquet: the raw archive, the event ledger, derived lists and published versions."""
