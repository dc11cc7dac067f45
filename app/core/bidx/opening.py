"""Opening by re-wrap (docs/formats/bidx.md §11): at the opening, the holder's device opens the
container's header with its own key and wraps the file key again to a one-time key the platform
made for this opening; the platform then decrypts the stored container itself. Only the header
(a few KiB) travels to the device, and only a wrapped file key travels back: the device's private
key stays on the device and the bid's bulk data never leaves the platform.

The device re-wraps only after the header MAC verified under the file key it recovered, so a
header altered at the platform gets no key; the platform checks the same MAC again under the
re-wrapped key before it decrypts a byte, so a wrong or stale stanza fails there, named.
"""

from __future__ import annotations

from ..gm import SM2PrivateKey, SM2PublicKey
from .format import Header, Stanza, parse_header
from .recipients import unwrap_file_key, wrap_file_key
from .sealing import check_header_mac


def rewrap_for_opening(header: Header | bytes, key: SM2PrivateKey, opening_key: SM2PublicKey) -> Stanza:
    """The device's step: the file key of ``header`` (opened with this device's ``key``, its MAC
    verified) wrapped to the platform's one-time ``opening_key``."""
    header = parse_header(header) if isinstance(header, bytes) else header
    file_key = unwrap_file_key(key, header.stanzas)
    check_header_mac(header, file_key)
    return wrap_file_key(opening_key, file_key)

