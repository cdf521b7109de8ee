"""The shell: HTTP clients for each source, the ingestion pipeline, Prefect flows and the CLI."""
