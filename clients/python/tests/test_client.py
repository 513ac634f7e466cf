"""Every RPC of the real server through LisanClient, the stream included,
with errors and bearer tokens."""

import grpc
import pytest

from conftest import Server
from lisan_client import LisanClient, pb


def test_normalize_folds_with_the_search_profile(client):
    response = client.normalize("مُحَمَّد إلى المدرسة", profile=pb.NORMALIZATION_PROFILE_SEARCH)
    assert response.text == "محمد الي المدرسه"
    assert response.alignment, "edits are aligned to the input"


def test_segment_splits_sentences_with_offsets(client):
    text = "أهلاً. كيف الحال؟"
    response = client.segment(text)
    assert [s.text for s in response.sentences] == ["أهلاً.", "كيف الحال؟"]
    second = response.sentences[1].span
    assert text.encode()[second.start : second.end].decode() == "كيف الحال؟"


def test_extract_finds_a_date(client):
    response = client.extract("في 23 يوليو 2024")
    values = [e.date_time.value for e in response.entities if e.HasField("date_time")]
    assert values == ["2024-07-23"]


def test_analyze_echoes_the_id_and_runs_every_step(client):
    response = client.analyze("نص. آخر.", id="a1")
    assert response.document_id == "a1"
    assert len(response.analysis.segmentation.sentences) == 2
    assert response.analysis.normalization.text


def test_analyze_stream_answers_each_document_in_order(client):
    documents = ["أ.", pb.Document(id="named", text="ب."), "ج."]
    answers = list(client.analyze_stream(documents))
    assert [a.document_id for a in answers] == ["0", "named", "2"]
    assert [a.index for a in answers] == [0, 1, 2]
    assert all(a.HasField("analysis") for a in answers)


def test_a_bad_item_fails_alone_in_a_stream(client):
    answers = list(client.analyze_stream(["أ.", pb.Document(id="bad", text="x", content=b"x"), "ج."]))
    assert [a.WhichOneof("outcome") for a in answers] == ["analysis", "error", "analysis"]
    assert answers[1].error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]


def test_info_reports_limits(client):
    info = client.info()
    assert info.limits.max_document_bytes > 0
    assert info.version


def test_invalid_arguments_raise_with_the_status(client):
    with pytest.raises(grpc.RpcError) as error:
        client.normalize("x", offset_unit=7)  # a value this server does not know
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_bearer_tokens(tmp_path):
    tokens = tmp_path / "tokens"
    tokens.write_text("s3cret\n")
    guarded = Server("--auth-token-file", str(tokens))
    try:
        with LisanClient(guarded.address, token="s3cret") as good:
            assert good.segment("نص.").sentences
        with LisanClient(guarded.address) as anonymous:
            with pytest.raises(grpc.RpcError) as error:
                anonymous.segment("نص.")
            assert error.value.code() == grpc.StatusCode.UNAUTHENTICATED
    finally:
        guarded.stop()
