"""Broken files: a reader either reads them or refuses them with UnreadableFile, whose detail says
what is wrong with the file and what to do; no other exception ever leaves a reader.

The property-based cases (hypothesis) cut and scramble a real file of every supported type; they
are derandomized (the same cases every run) and bounded (examples and time per example)."""
from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from extractors.readers import UnreadableFile, read_document

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = {
    "report.pdf": (FIXTURES / "documents" / "report_2021.pdf").read_bytes(),
    "report.docx": (FIXTURES / "documents" / "report_2019_trial.docx").read_bytes(),
    "report.html": (FIXTURES / "readers" / "report_page.html").read_bytes(),
    "report.md": (FIXTURES / "readers" / "report.md").read_bytes(),
    "report.txt": (FIXTURES / "readers" / "report_traditional.txt").read_bytes(),
}
BOUNDED = settings(max_examples=25, deadline=timedelta(seconds=30), derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/word/document.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELATIONSHIPS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')


def read_or_refuse(data: bytes, name: str) -> None:
    try:
        read_document(data, name)
    except UnreadableFile as refusal:
        assert refusal.reason and refusal.detail


def word_file(document_xml: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELATIONSHIPS)
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


@pytest.mark.parametrize("document_xml", [
    '<?xml version="1.0"?><a/>',  # a main part that is no Word document: was AttributeError
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
], ids=["wrong_root", "no_body"])  # no_body was a TypeError out of the reader
def test_a_word_file_without_a_body_is_refused_in_words(document_xml):
    with pytest.raises(UnreadableFile) as caught:
        read_document(word_file(document_xml), "report.docx")
    assert caught.value.reason == "unreadable_docx"
    assert "no document body" in caught.value.detail and "save it again" in caught.value.detail
    assert not caught.value.detail.split(":")[1].strip().startswith(("AttributeError", "TypeError"))


def test_a_truncated_word_or_pdf_file_says_so_and_what_to_do():
    for name, cut_to in (("report.docx", 0.5), ("report.pdf", 0.5)):
        data = SAMPLES[name]
        with pytest.raises(UnreadableFile) as caught:
            read_document(data[:int(len(data) * cut_to)], name)
        detail = caught.value.detail
        assert "truncated or damaged" in detail and ("fresh copy" in detail or "save it again" in detail), detail


@pytest.mark.parametrize("name", sorted(SAMPLES))
@BOUNDED
@given(cut=st.floats(min_value=0, max_value=1))
def test_a_truncated_file_of_every_type_never_crashes_a_reader(name, cut):
    data = SAMPLES[name]
    read_or_refuse(data[:int(len(data) * cut)], name)


@pytest.mark.parametrize("name", sorted(SAMPLES))
@BOUNDED
@given(data=st.data())
def test_a_scrambled_file_of_every_type_never_crashes_a_reader(name, data):
    sample = bytearray(SAMPLES[name])
    positions = data.draw(st.lists(st.integers(0, len(sample) - 1), min_size=1, max_size=40))
    for position in positions:
        sample[position] = data.draw(st.integers(0, 255))
    read_or_refuse(bytes(sample), name)


@pytest.mark.parametrize("name", sorted(SAMPLES))
@BOUNDED
@given(data=st.binary(max_size=4096))
def test_random_bytes_named_as_every_type_never_crash_a_reader(name, data):
    read_or_refuse(data, name)


@BOUNDED
@given(document_xml=st.text(max_size=400))
def test_random_text_in_a_word_file_never_crashes_the_reader(document_xml):
    read_or_refuse(word_file(document_xml), "report.docx")
