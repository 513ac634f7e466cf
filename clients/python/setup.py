"""Generates the lisan.v1 stubs from proto/ with grpcio-tools at build time.

The proto folder is ../../proto (this package lives in clients/python of the
Lisan repository), or LISAN_PROTO_DIR. google/rpc comes from
googleapis-common-protos at run time, so only lisan/v1 is generated; the
stubs land in the build folder as the package `lisan.v1`.
"""

import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
PROTO_DIR = Path(os.environ.get("LISAN_PROTO_DIR", HERE.parent.parent / "proto"))


def generate(out: Path) -> None:
    import grpc_tools
    from grpc_tools import protoc

    proto = PROTO_DIR / "lisan" / "v1" / "lisan.proto"
    if not proto.exists():
        raise SystemExit(f"lisan.proto not found under {PROTO_DIR} (set LISAN_PROTO_DIR)")
    well_known = Path(grpc_tools.__file__).parent / "_proto"
    out.mkdir(parents=True, exist_ok=True)
    args = [
        "grpc_tools.protoc",
        f"-I{PROTO_DIR}",
        f"-I{well_known}",
        f"--python_out={out}",
        f"--pyi_out={out}",
        f"--grpc_python_out={out}",
        str(proto),
    ]
    if protoc.main(args) != 0:
        raise SystemExit("grpc_tools.protoc failed")
    for package in (out / "lisan", out / "lisan" / "v1"):
        (package / "__init__.py").touch()


class BuildPyWithStubs(build_py):
    def run(self) -> None:
        super().run()
        generate(Path(self.build_lib))


def runtime_requirements() -> list:
    """The generated code checks that the protobuf runtime is at least the
    version of the gencode: require the protobuf grpcio-tools builds with."""
    try:
        from google.protobuf import __version__ as gencode
    except ImportError:  # metadata-only builds
        gencode = "6.31"
    major = int(gencode.split(".")[0])
    return [
        "grpcio>=1.62,<2",
        f"protobuf>={gencode},<{major + 1}",
        "googleapis-common-protos>=1.62,<2",
    ]


setup(cmdclass={"build_py": BuildPyWithStubs}, install_requires=runtime_requirements())
