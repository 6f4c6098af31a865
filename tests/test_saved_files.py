"""Which saved files (records and workshop packs) the page may offer a practitioner, and serve."""
from __future__ import annotations

from datetime import timedelta

from bot.records.saved_files import PACK, RECORD, latest_file, owned_file, saved_files
from bot.storage.store import Store, SupervisionSession, make_engine, utcnow
from bot.modes.workshop.workshop_tables import WorkshopSession


def make(tmp_path):
    store = Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}"))
    folder = tmp_path / "records"
    folder.mkdir()
    return store, folder


def add(store, model, sender, path, minutes_ago):
    column = "record_path" if model is SupervisionSession else "pack_path"
    extra = {"kind": "supervision"} if model is SupervisionSession else {}
    with store.transaction() as db:
        db.add(model(sender_id=sender, status="complete", updated_at=utcnow() - timedelta(minutes=minutes_ago),
                     **{column: str(path)}, **extra))


def test_the_newest_file_of_either_mode_is_offered(tmp_path):
    store, folder = make(tmp_path)
    record, pack = folder / "supervision-TEST-0001.docx", folder / "workshop-pack.docx"
    record.write_bytes(b"PK"), pack.write_bytes(b"PK")
    add(store, SupervisionSession, "me", record, minutes_ago=10)
    add(store, WorkshopSession, "me", pack, minutes_ago=1)
    assert [(f.path.name, f.kind) for f in saved_files(store, "me")] == [(pack.name, PACK), (record.name, RECORD)]
    assert latest_file(store, "me").kind == PACK
    assert latest_file(store, "someone else") is None


def test_a_deleted_file_is_not_offered(tmp_path):
    store, folder = make(tmp_path)
    add(store, WorkshopSession, "me", folder / "gone.docx", minutes_ago=1)
    assert saved_files(store, "me") == []


def test_only_the_owner_gets_a_file_and_only_from_the_records_folder(tmp_path):
    store, folder = make(tmp_path)
    pack = folder / "workshop-pack.docx"
    pack.write_bytes(b"PK")
    outside = tmp_path / "elsewhere.docx"
    outside.write_bytes(b"PK")
    add(store, WorkshopSession, "me", pack, minutes_ago=1)
    add(store, WorkshopSession, "me", outside, minutes_ago=2)
    assert owned_file(store, folder, "me", pack.name) == pack
    assert owned_file(store, folder, "someone else", pack.name) is None
    assert owned_file(store, folder, "me", outside.name) is None  # saved, but not in the records folder
    for name in ("../workshop-pack.docx", "a.db", "records/workshop-pack.docx", ""):
        assert owned_file(store, folder, "me", name) is None
