"""Why an OFD package or one of its signatures is refused: one stable code per kind of failure."""

from __future__ import annotations

from enum import StrEnum

from ..errors import InvalidInput, Refused, VerificationFailed


class Reason(StrEnum):
    # the package itself (input errors: nothing in it is looked at further)
    UNSAFE_PACKAGE = "unsafe_ofd_package"  # member names, sizes, counts, zip bombs
    MALFORMED_PACKAGE = "malformed_ofd_package"  # not a zip, missing or unreadable OFD.xml ...
    XML_DECLARATIONS = "xml_declarations_refused"  # DOCTYPE / ENTITY: never expanded
    # one signature
    NOT_SIGNED = "ofd_not_signed"
    NOT_A_SEAL = "not_a_seal_signature"  # Type="Sign": a bare digital signature
    BAD_SIGNATURE_FILE = "bad_signature_file"  # Signature.xml missing fields, unknown method
    MISSING_FILE = "missing_referenced_file"
    BAD_CHECK_VALUE = "bad_check_value"  # a Reference's SM3 does not match its file
    SIGNATURE_FILE_CHANGED = "signature_file_changed"  # dataHash != SM3(Signature.xml)
    SEAL_FILE_MISMATCH = "seal_file_mismatch"  # Seal.esl is not the seal in SignedValue.dat
    BAD_STAMP = "bad_stamp"  # StampAnnot names no page of the document, or a bad box
    UNTRUSTED_SIGNER = "untrusted_signer"  # signer certificate: no chain to a given anchor
    UNTRUSTED_SEAL_MAKER = "untrusted_seal_maker"  # maker certificate: no chain to an anchor
    SIGNER_NOT_IN_SEAL = "signer_not_in_seal"


class PackageRefused(Refused, InvalidInput):
    """An OFD file we will not read (CLI exit 2): hostile, malformed or not OFD."""

    exit_code = 2


class OfdRefused(Refused, VerificationFailed):
    """A signature in an OFD file that does not verify (CLI exit 1)."""

    exit_code = 1


class UnsafePackage(PackageRefused):
    """Names, sizes or counts no OFD file needs (``unsafe_ofd_package``)."""

    def __init__(self, template: str, /, **params: object) -> None:
        super().__init__(Reason.UNSAFE_PACKAGE, template, **params)


class MalformedPackage(PackageRefused):
    """Not a readable OFD package (``malformed_ofd_package``)."""

    def __init__(self, template: str, /, **params: object) -> None:
        super().__init__(Reason.MALFORMED_PACKAGE, template, **params)
