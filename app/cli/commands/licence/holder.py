"""Holder commands of ``ebid licence`` (added to the group by the package): download a licence into
the keystore, list/show/export what it holds, and act through the service with a stored
licence: managers, agent authorisations, revocation.

Every service call is signed with the licence's key, which needs the licence password
(``--password-file``, ``EBID_PASSWORD_FILE`` or a prompt).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ....core.errors import InvalidInput
from ...common import iso_time, read_password, shown, write_bytes
from ...connection import service_client
from ..keystore import open_keystore

if TYPE_CHECKING:
    from ....core.client import HolderClient
    from ....core.keystore import Keystore, Unlocked


def add_commands(sub: argparse._SubParsersAction) -> None:
    _add_download(sub)
    p = sub.add_parser("list", help="licences stored on this device")
    p.set_defaults(func=_list)
    p = sub.add_parser("show", help="what a stored licence says")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(func=_show)
    p = sub.add_parser("export-cert", help="write a stored licence's certificate as PEM")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="CERT.pem")
    p.add_argument("--chain", action="store_true", help="append the authority root (from the service)")
    p.set_defaults(func=_export)
    _add_managers(sub)
    _add_authorise(sub)
    _add_revoke(sub)


def holder_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--licence", type=int, metavar="ID", help="stored licence to act with (default: the only one)")
    p.add_argument("--password-file", metavar="F", help="licence password (else EBID_PASSWORD_FILE, else a prompt)")


@dataclass
class Acting:
    """A stored licence acting through the service, and what a command may need beside it."""

    store: Keystore
    unlocked: Unlocked
    licence_id: int
    holder: HolderClient


@contextmanager
def acting_session(args: argparse.Namespace, *, purpose: str) -> Iterator[Acting]:
    """The licence chosen with ``--licence``, unlocked with the licence password, acting through
    the service. Unlock, holder and lock are core's ``acting_as``: the keystore session is locked
    when the block ends. The password is read before the service starts and checked right
    before ``acting_as``, so nothing can fail between unlocking and the block that locks."""
    from ....core.client.wallet import acting_as

    with open_keystore() as store:
        licence_id = _choose_licence(store, args.licence)
        password = read_password(args.password_file, prompt="Licence password: ")
        with service_client(args) as client:
            unlocked = store.unlock(password)
            with acting_as(client, store, unlocked, licence_id, purpose=purpose) as holder:
                yield Acting(store, unlocked, licence_id, holder)


@contextmanager
def holder_session(args: argparse.Namespace, *, purpose: str) -> Iterator[HolderClient]:
    """Unlock the chosen licence and yield a client that signs with it."""
    with acting_session(args, purpose=purpose) as acting:
        yield acting.holder


def _choose_licence(store, wanted: int | None) -> int:
    if wanted is not None:
        return store.get_licence(wanted).id
    licences = store.list_licences()
    if len(licences) != 1:
        raise InvalidInput(
            "{n} licences are stored on this device: choose one with --licence ID (see `ebid licence list`)",
            n=len(licences),
        )
    return licences[0].id




# download / list / show / export ------------------------------------------------------------

def _add_download(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("download", help="real-name check and download a licence to this device")
    p.add_argument("--place", required=True, help="registration place (登记地) of the enterprise")
    p.add_argument("--credit-code", required=True, help="unified social credit code")
    p.add_argument("--name", required=True, help="your name")
    p.add_argument("--id-number", required=True, help="your resident identity number")
    p.add_argument("--phone", help="your mobile number")
    p.add_argument("--authorisation", default="", metavar="ID", help="download under this agent authorisation")
    p.add_argument("--password-file", metavar="F", help="licence password (else EBID_PASSWORD_FILE, else a prompt)")
    p.set_defaults(func=_download)
    p = sub.add_parser("enterprises", help="the enterprises registered at a place (DEMO ones marked)")
    p.add_argument("--place", required=True, help="registration place (登记地), as `licence places` lists")
    p.set_defaults(func=_enterprises)
    p = sub.add_parser("places", help="the registration places the authority knows")
    p.set_defaults(func=_places)


def _places(args: argparse.Namespace) -> int:
    with service_client(args) as client:
        for place in client.registration_places():
            print(shown(place))
    return 0


def _enterprises(args: argparse.Namespace) -> int:
    with service_client(args) as client:
        found = client.enterprises_at(args.place)
    if not found:
        print(f"No enterprise is registered at {shown(args.place)}")
        return 1
    for e in found:
        print(f"{e.credit_code}\t{shown(e.name)}" + ("\tDEMO" if e.demo else ""))
    return 0


def _download(args: argparse.Namespace) -> int:
    from ....core.client.wallet import download_licence

    with open_keystore() as store:
        unlocked = store.unlock(read_password(args.password_file, prompt="Licence password: "))
        try:
            with service_client(args) as client:
                info = download_licence(
                    client, store, unlocked, place=args.place, credit_code=args.credit_code,
                    name=args.name, id_number=args.id_number, phone=args.phone,
                    authorisation_id=args.authorisation,
                )
        finally:
            unlocked.lock()
    print(f"Licence {info.id} stored: {info.role} of {info.enterprise_name} ({info.enterprise_code}), "
          f"valid {info.not_before.isoformat()} to {info.not_after.isoformat()}")
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_keystore() as store:
        licences = store.list_licences()
    if not licences:
        print("No licences on this device: download one with `ebid licence download`")
    for lic in licences:
        print(f"{lic.id}\t{lic.enterprise_code}\t{lic.enterprise_name}\t{lic.holder_name}\t{lic.role}\t"
              f"{lic.not_before.isoformat()} to {lic.not_after.isoformat()}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from ....core.pki import Certificate, parse_licence
    from .local import _print_info

    with open_keystore() as store:
        info = store.get_licence(args.id)
    _print_info(parse_licence(Certificate.load(info.certificate)))
    return 0


def _export(args: argparse.Namespace) -> int:
    from ....core.pki import Certificate

    with open_keystore() as store:
        pem = Certificate.load(store.get_licence(args.id).certificate).to_pem()
    if args.chain:
        with service_client(args) as client:
            pem += client.root_certificate().to_pem()
    write_bytes(args.output, pem)
    print(f"Certificate written to {args.output}" + (" with the authority root" if args.chain else ""))
    return 0


# managers -----------------------------------------------------------------------------------

def _add_managers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("managers", help="licence managers (证照管理员, at most 5)")
    actions = p.add_subparsers(dest="managers_command", metavar="ACTION")
    actions.required = True
    q = actions.add_parser("list", help="the enterprise's managers")
    holder_options(q)
    q.set_defaults(func=_managers_list)
    q = actions.add_parser("add", help="add a manager (legal representative only)")
    q.add_argument("--name", required=True)
    q.add_argument("--id-number", required=True)
    q.add_argument("--phone")
    holder_options(q)
    q.set_defaults(func=_managers_add)
    q = actions.add_parser("remove", help="remove a manager and revoke their licences")
    q.add_argument("person_id", metavar="PERSON_ID", help="as shown by `managers list`")
    holder_options(q)
    q.set_defaults(func=_managers_remove)


def _managers_list(args: argparse.Namespace) -> int:
    with holder_session(args, purpose="list managers") as holder:
        managers = holder.managers()
    if not managers:
        print("No licence managers")
    for m in managers:
        print(f"{m.person_id}\t{m.name}\t{m.masked_id_number}\tadded {m.added_at.isoformat()}")
    return 0


def _managers_add(args: argparse.Namespace) -> int:
    with holder_session(args, purpose="add manager") as holder:
        m = holder.add_manager(args.name, args.id_number, args.phone)
    print(f"Manager added: {m.name} ({m.person_id})")
    return 0


def _managers_remove(args: argparse.Namespace) -> int:
    with holder_session(args, purpose="remove manager") as holder:
        revoked = holder.remove_manager(args.person_id)
    print(f"Manager removed; licences revoked: {', '.join(revoked) or 'none'}")
    return 0


# agent authorisations and revocation ------------------------------------------------------------

def _add_authorise(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("authorise", help="authorise an agent (办事人): all business or --matter …")
    p.add_argument("--name", required=True)
    p.add_argument("--id-number", required=True)
    p.add_argument("--phone")
    p.add_argument("--matter", action="append", default=[], metavar="CODE",
                   help="a matter code (repeat); none means all business")
    p.add_argument("--start", type=iso_time, metavar="TIME", help="ISO 8601 with a zone (default now)")
    p.add_argument("--end", type=iso_time, metavar="TIME", help="ISO 8601 with a zone (default start + 3 days)")
    holder_options(p)
    p.set_defaults(func=_authorise)
    p = sub.add_parser("authorisations", help="the enterprise's agent authorisations")
    holder_options(p)
    p.set_defaults(func=_authorisations)


def _authorise(args: argparse.Namespace) -> int:
    with holder_session(args, purpose="authorise agent") as holder:
        a = holder.authorise(args.name, args.id_number, phone=args.phone, matters=args.matter,
                             start=args.start, end=args.end)
    print(f"Authorisation {a.authorisation_id}: {a.agent_name}, {a.mode} "
          f"{' '.join(a.matters)}, {a.start.isoformat()} to {a.end.isoformat()} ({a.status})")
    return 0


def _authorisations(args: argparse.Namespace) -> int:
    with holder_session(args, purpose="list authorisations") as holder:
        grants = holder.authorisations()
    if not grants:
        print("No agent authorisations")
    for a in grants:
        print(f"{a.authorisation_id}\t{a.agent_name}\t{a.mode}\t{' '.join(a.matters) or '-'}\t"
              f"{a.start.isoformat()} to {a.end.isoformat()}\t{a.status}")
    return 0


def _add_revoke(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("revoke", help="revoke a licence copy (default: your own) or an authorisation")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--serial", metavar="HEX", help="licence serial (legal representative: any of the enterprise)")
    which.add_argument("--authorisation", metavar="ID", help="withdraw an agent authorisation")
    p.add_argument("--reason", default="cessation_of_operation",
                   choices=["cessation_of_operation", "key_compromise", "superseded", "affiliation_changed"])
    holder_options(p)
    p.set_defaults(func=_revoke)


def _revoke(args: argparse.Namespace) -> int:
    with holder_session(args, purpose="revoke") as holder:
        if args.authorisation:
            revoked = holder.revoke_authorisation(args.authorisation)
        else:
            revoked = holder.revoke_licence(args.serial, reason=args.reason)
    print(f"Revoked: {', '.join(revoked) or 'no licence copies'}")
    return 0
