# The designations flows for a Prefect Docker work pool (prefect.yaml, README "Prefect across machines").
#   docker build -t designations:latest .
FROM python:3.11-slim

WORKDIR /opt/designations
COPY pyproject.toml README.md prefect.yaml ./
COPY flows flows
COPY parsers parsers
COPY storage storage
RUN pip install --no-cache-dir . prefect-docker

# Nothing leaves the machine but the requests to the sources (PREFECT.md); the data directory is shared storage.
ENV DO_NOT_TRACK=1 \
    PREFECT_SERVER_ANALYTICS_ENABLED=false \
    DESIGNATIONS_DATA_DIR=/data
