"""A small typed client for the Lisan gRPC service (lisan.v1.TextService).

    from lisan_client import LisanClient

    with LisanClient("127.0.0.1:50051") as lisan:
        analysis = lisan.analyze("في 23 يوليو 2024").analysis
        for entity in analysis.extraction.entities:
            print(entity.text, entity.date_time.value)

Calls failing with UNAVAILABLE or RESOURCE_EXHAUSTED are retried by gRPC's
own retry policy (exponential backoff with jitter); every call has a
deadline (``timeout`` seconds). The generated messages are in
``lisan.v1.lisan_pb2`` (re-exported here as ``pb``).
"""

from __future__ import annotations

import json
from typing import Iterable, Iterator, Optional, Sequence, Tuple, Union

import grpc

from lisan.v1 import lisan_pb2 as pb
from lisan.v1 import lisan_pb2_grpc as pb_grpc

__all__ = ["LisanClient", "pb"]

DocumentLike = Union[str, "pb.Document"]

_RETRY_CODES = ["UNAVAILABLE", "RESOURCE_EXHAUSTED"]


def _service_config(attempts: int) -> str:
    return json.dumps(
        {
            "methodConfig": [
                {
                    "name": [{"service": "lisan.v1.TextService"}],
                    "retryPolicy": {
                        "maxAttempts": max(2, attempts),
                        "initialBackoff": "0.05s",
                        "maxBackoff": "2s",
                        "backoffMultiplier": 2,
                        "retryableStatusCodes": _RETRY_CODES,
                    },
                }
            ]
        }
    )


def _document(document: DocumentLike, id: str = "", language: str = "") -> "pb.Document":
    if isinstance(document, pb.Document):
        return document
    return pb.Document(id=id, text=document, language_code=language)


class LisanClient:
    """One channel to a Lisan server (``host:port``).

    ``token``: sent as ``authorization: Bearer <token>``.
    ``root_certificates`` (PEM bytes) turns TLS on; ``private_key`` and
    ``certificate_chain`` add a client certificate (mutual TLS).
    ``timeout``: the deadline of each call, in seconds.
    ``max_attempts``: attempts per unary call (retries on UNAVAILABLE and
    RESOURCE_EXHAUSTED); 1 turns retries off.
    """

    def __init__(
        self,
        target: str,
        token: Optional[str] = None,
        *,
        root_certificates: Optional[bytes] = None,
        private_key: Optional[bytes] = None,
        certificate_chain: Optional[bytes] = None,
        timeout: float = 30.0,
        max_attempts: int = 5,
    ) -> None:
        options = [("grpc.enable_retries", int(max_attempts > 1))]
        if max_attempts > 1:
            options.append(("grpc.service_config", _service_config(max_attempts)))
        if root_certificates is not None:
            credentials = grpc.ssl_channel_credentials(
                root_certificates, private_key, certificate_chain
            )
            self._channel = grpc.secure_channel(target, credentials, options=options)
        else:
            self._channel = grpc.insecure_channel(target, options=options)
        self._stub = pb_grpc.TextServiceStub(self._channel)
        self._metadata: Sequence[Tuple[str, str]] = (
            (("authorization", f"Bearer {token}"),) if token else ()
        )
        self.timeout = timeout

    def __enter__(self) -> "LisanClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._channel.close()

    def _call(self, method, request):
        return method(request, timeout=self.timeout, metadata=self._metadata)

    def normalize(
        self,
        document: DocumentLike,
        *,
        profile: "pb.NormalizationProfile.ValueType" = pb.NORMALIZATION_PROFILE_UNSPECIFIED,
        offset_unit: "pb.OffsetUnit.ValueType" = pb.OFFSET_UNIT_UNSPECIFIED,
        id: str = "",
    ) -> "pb.NormalizeResponse":
        """Normalizes ``document`` (a string or a ``pb.Document``)."""
        request = pb.NormalizeRequest(
            document=_document(document, id),
            options=pb.NormalizeOptions(profile=profile),
            offset_unit=offset_unit,
        )
        return self._call(self._stub.Normalize, request)

    def segment(
        self,
        document: DocumentLike,
        *,
        offset_unit: "pb.OffsetUnit.ValueType" = pb.OFFSET_UNIT_UNSPECIFIED,
        id: str = "",
    ) -> "pb.SegmentResponse":
        """Paragraphs, sentences and tokens of ``document``."""
        request = pb.SegmentRequest(document=_document(document, id), offset_unit=offset_unit)
        return self._call(self._stub.Segment, request)

    def extract(
        self,
        document: DocumentLike,
        *,
        offset_unit: "pb.OffsetUnit.ValueType" = pb.OFFSET_UNIT_UNSPECIFIED,
        id: str = "",
    ) -> "pb.ExtractResponse":
        """Entities (dates, numbers, money, links...) of ``document``."""
        request = pb.ExtractRequest(document=_document(document, id), offset_unit=offset_unit)
        return self._call(self._stub.Extract, request)

    def analyze(
        self,
        document: DocumentLike,
        *,
        options: Optional["pb.AnalyzeOptions"] = None,
        id: str = "",
    ) -> "pb.AnalyzeResponse":
        """Normalize, segment and extract in one pass."""
        request = pb.AnalyzeRequest(document=_document(document, id), options=options)
        return self._call(self._stub.Analyze, request)

    def analyze_stream(
        self,
        documents: Iterable[DocumentLike],
        *,
        options: Optional["pb.AnalyzeOptions"] = None,
    ) -> Iterator["pb.AnalyzeStreamResponse"]:
        """One response per document, in order; a failed document carries
        its ``error`` and the stream goes on. Strings get their position as id.
        Not retried (a stream cannot be replayed)."""

        def requests() -> Iterator["pb.AnalyzeStreamRequest"]:
            for index, document in enumerate(documents):
                yield pb.AnalyzeStreamRequest(
                    document=_document(document, id=str(index)), options=options
                )

        return self._stub.AnalyzeStream(
            requests(), timeout=self.timeout, metadata=self._metadata
        )

    def info(self) -> "pb.GetServiceInfoResponse":
        """Version, limits, profiles, levels and entity types of the server."""
        return self._call(self._stub.GetServiceInfo, pb.GetServiceInfoRequest())
