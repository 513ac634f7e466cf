"""Starts the real `lisan` binary on a free loopback port.

The binary: $LISAN_BIN, else $CARGO_TARGET_DIR/debug/lisan, else
target/debug/lisan of the repository (build it with `cargo build`).
"""

import os
import socket
import subprocess
import time
from pathlib import Path

import grpc
import pytest

from lisan_client import LisanClient

REPO = Path(__file__).resolve().parents[3]


def lisan_binary() -> str:
    if "LISAN_BIN" in os.environ:
        return os.environ["LISAN_BIN"]
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = target / "debug" / "lisan"
    if not binary.exists():
        pytest.fail(f"{binary} not found: run `cargo build` or set LISAN_BIN")
    return str(binary)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, *args: str) -> None:
        self.address = f"127.0.0.1:{free_port()}"
        self.process = subprocess.Popen(
            [lisan_binary(), "serve", "--listen", self.address, "--log", "warn", *args]
        )
        deadline = time.monotonic() + 30
        # grpc.health.v1.Health/Check with an empty request (service ""):
        # open even when tokens guard the service.
        with grpc.insecure_channel(self.address) as channel:
            check = channel.unary_unary(
                "/grpc.health.v1.Health/Check",
                request_serializer=lambda raw: raw,
                response_deserializer=lambda raw: raw,
            )
            while True:
                try:
                    check(b"", timeout=1)
                    return
                except Exception:
                    if time.monotonic() > deadline or self.process.poll() is not None:
                        self.stop()
                        raise RuntimeError("the lisan server did not start")
                    time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def server():
    running = Server()
    yield running
    running.stop()


@pytest.fixture()
def client(server):
    with LisanClient(server.address, timeout=10) as c:
        yield c
