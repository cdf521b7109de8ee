"""A real S3-compatible server (moto's standalone server) on 127.0.0.1, started once per test session."""
from __future__ import annotations

import itertools
import logging
import os

import pytest

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1"}
_buckets = itertools.count(1)


@pytest.fixture(scope="session")
def s3_endpoint():
    """The server's URL; the AWS variables of every process started from here point at it."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    saved = {name: os.environ.get(name) for name in [*CREDENTIALS, "AWS_ENDPOINT_URL"]}
    os.environ.update(CREDENTIALS, AWS_ENDPOINT_URL=endpoint)
    yield endpoint
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    server.stop()


def new_bucket(endpoint: str) -> str:
    """A fresh, empty bucket's name."""
    import boto3

    name = f"designations-{os.getpid()}-{next(_buckets)}"
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                 aws_access_key_id="testing", aws_secret_access_key="testing").create_bucket(Bucket=name)
    return name


@pytest.fixture
def s3_data_dir(s3_endpoint) -> str:
    """An empty data directory on the S3 server: s3://<fresh bucket>/data."""
    return f"s3://{new_bucket(s3_endpoint)}/data"
