"""Sealed files are written streaming: no whole pickle of a large value, nor all of a pack's records,
is ever one buffer; what is written reads back identically, and a changed byte is still refused."""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path

from molecule_lint import sealed

KEY = os.urandom(32)
LARGE = [f"value {n}" for n in range(200_000)]  # pickles to ~2.6 MB: many pickle frames


class Recording(io.BytesIO):
    """A file that remembers the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[int] = []

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.writes.append(len(data))
        return super().write(data)


def test_a_sealed_value_is_written_frame_by_frame_and_reads_back() -> None:
    out = Recording()
    sealed.seal(out, KEY, "name", LARGE)
    assert max(out.writes) < len(pickle.dumps(LARGE, pickle.HIGHEST_PROTOCOL)) // 10
    assert sealed.unseal(KEY, "name", out.getvalue()) == LARGE
    assert sealed.unseal(KEY, "other name", out.getvalue()) is None
    spoiled = bytearray(out.getvalue())
    spoiled[len(spoiled) // 2] ^= 1
    assert sealed.unseal(KEY, "name", bytes(spoiled)) is None


def test_a_packs_records_are_in_the_file_as_they_are_added(tmp_path: Path) -> None:
    path = tmp_path / "pack"
    values = [{"n": n, "text": "x" * n} for n in range(50)]
    with open(path, "wb") as handle:
        records = sealed.Records(handle)
        refs = []
        for value in values:
            refs.append(records.add(sealed.dump_data(value)))
            assert handle.tell() == refs[-1][0] + refs[-1][1]  # written, not held for later
        records.close(KEY, "pack", {"refs": refs})
    with open(path, "rb") as handle:
        pack = sealed.Indexed.open(KEY, "pack", handle)
        assert pack is not None and pack.head == {"refs": refs}
        assert [sealed.load_data(data) for ref in refs if (data := pack.record(ref)) is not None] == values
    with open(path, "r+b") as handle:  # a record changed after sealing is refused; the others still read
        os.pwrite(handle.fileno(), b"?", refs[7][0] + refs[7][1] - 2)
    with open(path, "rb") as handle:
        pack = sealed.Indexed.open(KEY, "pack", handle)
        assert pack is not None
        assert [n for n, ref in enumerate(refs) if pack.record(ref) is None] == [7]


def test_classes_are_admitted_once_and_refusals_never_remembered_as_admitted() -> None:
    from molecule_lint.facts import Var

    payload = sealed.dump_data([Var("x", "local"), Var("y", "local")])
    assert sealed.load_data(payload) == [Var("x", "local"), Var("y", "local")]
    assert sealed._ADMITTED[Var.__module__, "Var"] is Var  # later records look it up, not import it again
    refused = pickle.dumps(os.system)  # a callable of another module, named like any class
    for _ in range(2):
        assert sealed.load_data(refused) is None
    assert ("posix", "system") not in sealed._ADMITTED
