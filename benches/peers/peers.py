"""The Python peers of the comparison run by benches/peers/run.sh.

    python peers.py bench CORPUS SECONDS OUT_DIR
        Times, on the corpus, CAMeL Tools' normalization (dediac_ar, then
        normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar)
        and simple_word_tokenize, and PyArabic's (strip_tashkeel,
        normalize_alef, alef maqsura to yeh, normalize_teh) and tokenize;
        compares CAMeL's output with Lisan's (written by the Rust example to
        OUT_DIR); prints one JSON object.

    python peers.py serve PORT STUBS_DIR
        A grpcio server of lisan.v1.TextService whose Normalize runs CAMeL
        Tools' normalization (the other RPCs are UNIMPLEMENTED), for
        `lisan loadtest --rpc normalize`.
"""

import json
import sys
import time
from concurrent import futures
from pathlib import Path

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)
import pyarabic.araby as araby


def camel_normalize(text):
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))


def pyarabic_normalize(text):
    text = araby.normalize_alef(araby.strip_tashkeel(text))
    return araby.normalize_teh(text.replace(araby.ALEF_MAKSURA, araby.YEH))


def rate(size, seconds, work):
    """MB/s (10^6 bytes) of work() on size bytes, repeated for seconds."""
    started, runs = time.perf_counter(), 0
    while runs == 0 or time.perf_counter() - started < seconds:
        work()
        runs += 1
    return size * runs / 1e6 / (time.perf_counter() - started)


def bench(corpus, seconds, out_dir):
    text = Path(corpus).read_text(encoding="utf-8")
    size = len(text.encode("utf-8"))
    camel = camel_normalize(text)
    lisan = (Path(out_dir) / "lisan_normalized.txt").read_text(encoding="utf-8")
    camel_lines, lisan_lines = camel.split("\n"), lisan.split("\n")
    same = sum(a == b for a, b in zip(camel_lines, lisan_lines))
    lisan_tokens = (Path(out_dir) / "lisan_tokens.txt").read_text(encoding="utf-8").split("\n")
    camel_tokens = simple_word_tokenize(text)
    print(json.dumps({
        "bytes": size,
        "camel_normalize_mb_s": round(rate(size, seconds, lambda: camel_normalize(text)), 2),
        "camel_simple_word_tokenize_mb_s": round(rate(size, seconds, lambda: simple_word_tokenize(text)), 2),
        "pyarabic_normalize_mb_s": round(rate(size, seconds, lambda: pyarabic_normalize(text)), 2),
        "pyarabic_tokenize_mb_s": round(rate(size, seconds, lambda: araby.tokenize(text)), 2),
        "normalized_identical": camel == lisan,
        "normalized_lines_identical": f"{same}/{max(len(camel_lines), len(lisan_lines))}",
        "tokens_camel": len(camel_tokens),
        "tokens_lisan": len(lisan_tokens),
    }))


def serve(port, stubs):
    sys.path.insert(0, stubs)
    import grpc
    from lisan.v1 import lisan_pb2, lisan_pb2_grpc

    class Peer(lisan_pb2_grpc.TextServiceServicer):
        def Normalize(self, request, context):
            return lisan_pb2.NormalizeResponse(text=camel_normalize(request.document.text))

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    lisan_pb2_grpc.add_TextServiceServicer_to_server(Peer(), server)
    server.add_insecure_port(f"127.0.0.1:{port}")
    server.start()
    print(f"python peer serving on 127.0.0.1:{port}", flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    if sys.argv[1] == "bench":
        bench(sys.argv[2], float(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "serve":
        serve(int(sys.argv[2]), sys.argv[3])
    else:
        raise SystemExit(__doc__)
