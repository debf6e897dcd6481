"""The library's JSON format for stored entries, written and read with orjson.

Same bytes on disk as the library's own JSONTranscoder (custom types as
`{"_type_": name, "_data_": value}`), so stored history reads either way; orjson does the
parsing and printing in C, and a walk over the (small) entry handles the custom types.
"""

from __future__ import annotations

from typing import Any

import orjson
from eventsourcing.persistence import (
    JSONTranscoder,
    Transcoder,
    TranscodingNotRegisteredError,
)

PLAIN = (str, int, float, bool, type(None))
LEAVES = frozenset(PLAIN)  # what orjson gives for JSON's scalars


class FastJSONTranscoder(JSONTranscoder):
    @classmethod
    def like(cls, transcoder: Transcoder) -> FastJSONTranscoder:
        """One with the same transcodings registered."""
        if not isinstance(transcoder, JSONTranscoder):
            raise TypeError(f"cannot read {type(transcoder).__name__}'s transcodings")
        fast = cls()
        for transcoding in transcoder.names.values():
            fast.register(transcoding)
        return fast

    def encode(self, obj: Any) -> bytes:
        return orjson.dumps(self._marked(obj))

    def decode(self, data: bytes) -> Any:
        return self._unmarked(orjson.loads(data))

    def _marked(self, obj: Any) -> Any:
        if isinstance(obj, PLAIN):
            return obj
        if isinstance(obj, dict):
            return {key: self._marked(value) for key, value in obj.items()}
        if isinstance(obj, list | tuple):
            return [self._marked(value) for value in obj]
        transcoding = self.types.get(type(obj))
        if transcoding is None:
            msg = f"Object of type {type(obj)} is not serializable: register a transcoding"
            raise TranscodingNotRegisteredError(msg)
        return {"_type_": transcoding.name, "_data_": self._marked(transcoding.encode(obj))}

    def _unmarked(self, obj: Any) -> Any:
        # Leaves (most values) are returned in place without a call: the hot path of a
        # rebuild decodes every stored entry.
        if type(obj) is dict:
            if len(obj) == 2 and "_type_" in obj and "_data_" in obj:
                transcoding = self.names.get(obj["_type_"])
                if transcoding is None:
                    msg = f"Data of type {obj['_type_']} is not deserialisable"
                    raise TranscodingNotRegisteredError(msg)
                data = obj["_data_"]
                return transcoding.decode(data if type(data) in LEAVES else self._unmarked(data))
            # In place: orjson's output is this walk's own (values replaced, keys kept).
            for key, value in obj.items():
                if type(value) not in LEAVES:
                    obj[key] = self._unmarked(value)
            return obj
        if type(obj) is list:
            for i, value in enumerate(obj):
                if type(value) not in LEAVES:
                    obj[i] = self._unmarked(value)
            return obj
        return obj
