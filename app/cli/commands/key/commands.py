"""The subcommands of ``ebid key``. Each acts with a stored licence (``--licence``, default the
only one) unlocked with the licence password (``--password-file``, ``EBID_PASSWORD_FILE`` or a
prompt), through the service's key registry and mailbox. Exit codes: 0 done; 1 refused (the
reason on stderr); 2 usage or input error."""

from __future__ import annotations

import argparse
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ...common import read_bytes, read_password, shown, write_bytes
from ..keystore import open_keystore
from ..licence.holder import acting_session, holder_options

if TYPE_CHECKING:
    from ....core.keybackup.flows import Device


def add_commands(sub: argparse._SubParsersAction) -> None:
    def command(name: str, func, help: str, *args: tuple[str, dict]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help)
        for flag, options in args:
            p.add_argument(flag, **options)
        holder_options(p)
        p.set_defaults(func=func)
        return p

    key = ("key_id", {"metavar": "KEY_ID", "help": "registry id of the key (K-…), as `ebid key list` shows"})
    message = ("message_id", {"metavar": "MESSAGE_ID", "help": "as `ebid key inbox` shows"})
    wait = ("--wait-hours", {"type": int, "default": 0, "metavar": "H",
                             "help": "recovery takes effect H hours after it is confirmed, during which "
                                     "your other devices may veto (0 to 72, default 0)"})
    record = {"required": True, "metavar": "RECORD_ID", "help": "as `ebid key candidates` shows"}
    command("apply", _apply, "apply for a key on this device (申请密钥) and register it; prints its id",
            ("--label", {"default": None, "help": "device name for the registry (default: host name)"}))
    command("list", _list, "keys on this device (own, held for others, recovered), with backup state")
    command("candidates", _candidates, "keys a backup may be sent to (可备份密钥记录)", key)
    command("backup", _backup, "back up a key to another holder's device (备份)", key,
            ("--to", record), wait)
    command("inbox", _inbox, "messages for this device's keys, one line each")
    command("verify-backup", _verify, "open and check a backup sent to you (备份验证)", message)
    out = {"dest": "output", "default": None, "metavar": "FILE"}
    command("request-recovery", _request, "ask a backup holder for your key on this new device (申请恢复)",
            key, ("--from", dict(record, dest="record")),
            ("-o", dict(out, help="write the request to FILE (offline transport) instead of sending it")))
    p = command("confirm-recovery", _confirm, "give a key back to its owner's new device (确认恢复)",
                ("message_id", dict(message[1], nargs="?")),
                ("--file", {"default": None, "metavar": "REQUEST",
                            "help": "answer a request file (offline transport) instead of an inbox message"}),
                ("-o", dict(out, help="with --file: write the grant to FILE for the owner's new device")))
    p.epilog = "Give MESSAGE_ID, or --file REQUEST -o GRANT."
    command("refuse-recovery", _refuse, "refuse a recovery request", message)
    command("veto", _veto, "stop a pending recovery of your key (from your other device)", message)
    command("withdraw-backup", _withdraw, "take a backup of your key back from its holder: it stops counting, "
            "and their device deletes its copy", key, ("--from", dict(record, dest="record")),
            ("-o", dict(out, help="write the withdrawal to FILE (offline transport) instead of sending it")))
    command("export-backup", _export_backup, "write a backup package to a file (offline transport)", key,
            ("--to", record), ("-o", {"dest": "output", "required": True, "metavar": "FILE"}), wait)
    command("import", _import, "take a key-backup message from a file (offline transport)",
            ("file", {"metavar": "FILE"}),
            ("--answer-to", {"default": None, "metavar": "OUT",
                             "help": "for a backup: write the acknowledgement to OUT for its owner to import "
                                     "(needed when the owner's device is on another service)"}))
    command("export-card", _export_card, "write this device's peer card of a key (offline transport between "
            "services); prints its authority root's fingerprint to read out", key,
            ("-o", {"dest": "output", "required": True, "metavar": "FILE"}))
    command("import-card", _import_card, "keep another device's peer card after confirming its root",
            ("file", {"metavar": "FILE"}),
            ("--trust-root", {"default": None, "metavar": "SHA256_HEX",
                              "help": "the root's SHA-256 fingerprint as its holder read it out to you "
                                      "(not needed for a root this device trusts already)"}))
    p = sub.add_parser("qr", help="show a key-backup file (a bundle, a frame or a card) as a sequence of QR "
                       "codes: one PNG per code in DIR (offline transport, docs/protocols/key-backup.md §2.4)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", dest="output", required=True, metavar="DIR")
    p.set_defaults(func=_qr)
    p = sub.add_parser("qr-join", help="rebuild a key-backup file from images of its QR codes, in any order")
    p.add_argument("images", metavar="IMAGE", nargs="+")
    p.add_argument("-o", dest="output", required=True, metavar="FILE")
    p.set_defaults(func=_qr_join)
    command("export-public", _export_public, "write a key's public key as PEM (for `ebid bid encrypt -r`)",
            key, ("-o", {"dest": "output", "required": True, "metavar": "PUB.pem"}))


@contextmanager
def device_session(args: argparse.Namespace, *, purpose: str) -> Iterator[Device]:
    from ....core.keybackup.flows import Device

    with acting_session(args, purpose=purpose) as acting:
        yield Device(acting.store, acting.unlocked, acting.holder, acting.licence_id)


def _apply(args: argparse.Namespace) -> int:
    from ....core.bidding import apply_for_key, key_hex

    with acting_session(args, purpose="apply for a key") as acting:
        info = apply_for_key(acting.holder, acting.store, acting.unlocked, acting.licence_id,
                             args.label or socket.gethostname() or "this device")
    print(f"{info.registry_id}\tkey applied for and registered (key id {key_hex(info.public_key)[:16]})")
    return 0


def _list(args: argparse.Namespace) -> int:
    from ....core.keybackup.frame import key_sm3

    with device_session(args, purpose="list keys") as device:
        here = set()
        for key in device.store.list_encryption_keys():
            here.add(key.registry_id)
            sent = {b.holder_record: b for b in device.store.backups.sent_backups(key.id)}  # the newest each
            states = [s for s in (device.mailbox.backups(key.registry_id) if key.registry_id else [])
                      if getattr(sent.get(s.holder_key), "state", None) != "withdrawn"]  # withdrawn by file
            shown = [f"{s.holder_name} ({s.holder_key}) {_state(s)}" for s in states]
            # Backups the service does not record: sent, or acknowledged by file (a holder on another service).
            shown += [f"{b.holder_name} ({b.holder_record}) "
                      + ("withdrawn" if b.state == "withdrawn"
                         else f"verified {b.verified_at.isoformat()} (acknowledged by file)" if b.verified_at
                         else "sent, not verified yet")
                      for b in sent.values() if b.holder_record not in {s.holder_key for s in states}]
            print(f"{key.registry_id or '#' + str(key.id)}\t{key.origin}\t{key.label}\t"
                  f"key id {key_sm3(key.public_key)[:16]}\tbackups: {'; '.join(shown) or 'none'}")
        for held in device.store.backups.held_keys():
            print(f"{held.registry_id}\theld for {held.owner_name} ({held.enterprise_name})\t"
                  f"key id {held.key_sm3[:16]}\tsince {held.held_since.isoformat()}")
        for key in device.holder.keys():
            if key.person_id == device.terms.person_id and key.key_id not in here:
                states = device.mailbox.backups(key.key_id)
                shown = [f"{s.holder_name} ({s.holder_key}) {_state(s)}" for s in states]
                print(f"{key.key_id}\ton another device\t{key.label}\tbackups: {'; '.join(shown) or 'none'}")
    return 0


def _state(s) -> str:
    if s.counts:
        return f"verified {s.verified_at.isoformat()}"
    return f"holder's licence {s.state}: this backup no longer counts"


def _candidates(args: argparse.Namespace) -> int:
    import sys

    from ....core.keybackup.flows import own_key

    with device_session(args, purpose="list backup candidates") as device:
        key = own_key(device.store, args.key_id)
        found = device.mailbox.candidates(key.registry_id or args.key_id)
    for r in found.records:
        note = "\tyour key on another device" if r.same_person else ""
        print(f"{r.record_id}\t{r.holder_name}\t{r.role}\t{r.label}{note}")
    for person in found.without_key:
        print(f"ebid: {person.name} ({person.role}) has no key yet: ask them to apply for a key on their "
              "device (申请密钥, `ebid key apply`)", file=sys.stderr)
    if not found.records:
        print("ebid: no holder of your enterprise can receive a backup yet: ask the legal representative, a "
              "licence manager or an agent to download their licence and apply for a key", file=sys.stderr)
    return 0


def _backup(args: argparse.Namespace) -> int:
    from ....core.keybackup.flows import send_backup

    with device_session(args, purpose="back up key") as device:
        message_id, record = send_backup(device, args.key_id, args.to, wait_hours=args.wait_hours)
    print(f"{message_id}\tbackup of {args.key_id} sent to {record.holder_name} ({record.record_id}); "
          "it counts once they verify it (备份验证)")
    return 0


def _inbox(args: argparse.Namespace) -> int:
    from ....core.keybackup.flows import inbox

    with device_session(args, purpose="key-backup inbox") as device:
        entries = inbox(device)
    if not entries:
        print("No messages")
    for e in entries:
        m = e.meta
        print(f"{m.message_id}\t{m.kind}\tfrom {m.sender_name} ({m.sender_serial})\tabout {m.subject}\t"
              f"{m.created_at.isoformat()}\t{e.status}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from ....core.keybackup.flows import Kind, MessageRefused, fetch, verify_backup

    with device_session(args, purpose="verify backup") as device:
        _, frame = fetch(device, args.message_id, Kind.BACKUP)
        try:
            held = verify_backup(device, frame)
        except MessageRefused as exc:
            # Kept, acknowledged and recorded at the relay, yet still in the mailbox: the last run
            # stopped before the deletion below. Finish it rather than call it a replay.
            held = next((h for h in device.store.backups.held_keys() if h.package_id == args.message_id), None)
            if exc.code != "message_replayed" or held is None:
                raise
        device.mailbox.delete(args.message_id)
    print(f"Backup {held.registry_id} of {held.owner_name} verified and kept on this device; "
          "acknowledgement sent")
    return 0


def _request(args: argparse.Namespace) -> int:
    from ....core.keybackup.flows import request_recovery

    with device_session(args, purpose="request recovery") as device:
        to_file = _writer(args.output) if args.output else None
        message_id = request_recovery(device, args.key_id, args.record, to_file=to_file)
    if args.output:
        print(f"{message_id}\trecovery request of {args.key_id} for {args.record} written to {args.output}; they "
              "answer it with `ebid key confirm-recovery --file`, then you import their grant (`ebid key import`)")
    else:
        print(f"{message_id}\trecovery of {args.key_id} requested from {args.record}; "
              "run `ebid key inbox` once they confirm")
    return 0


def _confirm(args: argparse.Namespace) -> int:
    from ....core.errors import InvalidInput
    from ....core.keybackup.flows import confirm_recovery, read_file

    if (args.file is None) == (args.message_id is None) or (args.file is None) != (args.output is None):
        raise InvalidInput("Give MESSAGE_ID, or --file REQUEST -o GRANT")
    with device_session(args, purpose="confirm recovery") as device:
        if args.file is None:
            grant_id, not_before = confirm_recovery(device, args.message_id)
        else:
            frame = read_file(device, _read_message_file(args.file))
            grant_id, not_before = confirm_recovery(device, frame.header.message_id, frame=frame,
                                                    to_file=_writer(args.output))
    where = f"; written to {args.output} for the owner to import" if args.output else ""
    print(f"{grant_id}\trecovery granted; it takes effect {not_before.isoformat()}{where}")
    return 0


def _writer(path: str):
    return lambda data: write_bytes(path, data)


def _read_message_file(path: str) -> bytes:
    from ....core.keybackup.card import MAX_BUNDLE

    return read_bytes(path, "key-backup file", limit=MAX_BUNDLE)


def _refuse(args: argparse.Namespace) -> int:
    from ....core.keybackup.flows import refuse_recovery

    with device_session(args, purpose="refuse recovery") as device:
        refuse_recovery(device, args.message_id)
    print(f"Recovery request {args.message_id} refused")
    return 0


def _veto(args: argparse.Namespace) -> int:
    from ....core.keybackup.flows import veto

    with device_session(args, purpose="veto recovery") as device:
        veto(device, args.message_id)
    print(f"Recovery grant {args.message_id} vetoed: it never takes effect")
    return 0


def _withdraw(args: argparse.Namespace) -> int:
    from ....core.keybackup.flows import withdraw_backup

    with device_session(args, purpose="withdraw backup") as device:
        to_file = _writer(args.output) if args.output else None
        message_id = withdraw_backup(device, args.key_id, args.record, to_file=to_file)
    where = f"written to {args.output} for the holder to import" if args.output else "sent"
    print(f"{message_id}\twithdrawal of the backup of {args.key_id} held by {args.record} {where}; it no "
          "longer counts. A copy the holder kept elsewhere still opens bids encrypted to this key: for "
          "new bids, apply for a new key (`ebid key apply`) and back it up")
    return 0


def _export_backup(args: argparse.Namespace) -> int:
    from ....core.keybackup.flows import bundled, make_backup, own_key

    with device_session(args, purpose="export backup") as device:
        raw, record = make_backup(device, args.key_id, args.to, wait_hours=args.wait_hours)
        # With this device's card of the key: the receiver checks the key against it when it is
        # on another service (a receiver on the same service asks the registry as before).
        write_bytes(args.output, bundled(device, own_key(device.store, args.key_id).registry_id or "", raw))
    print(f"Backup package of {args.key_id} for {record.holder_name} ({record.record_id}) written to "
          f"{args.output}; they take it with `ebid key import`")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ....core.keybackup import frame as fr
    from ....core.keybackup.flows import (
        needs_file_answer,
        read_file,
        take_ack,
        take_grant,
        take_veto,
        take_withdrawal,
        verify_backup,
    )

    raw = _read_message_file(args.file)
    with device_session(args, purpose="import key-backup message") as device:
        frame = read_file(device, raw)
        kind = frame.header.kind
        if kind is fr.Kind.BACKUP:
            if args.answer_to is None and needs_file_answer(device, frame):
                from ....core.errors import InvalidInput

                raise InvalidInput("The owner's device is on another service: give --answer-to OUT for the "
                                   "acknowledgement they import")
            answer = _writer(args.answer_to) if args.answer_to else None
            held = verify_backup(device, frame, answer=answer)
            said = f"backup {held.registry_id} of {held.owner_name} verified and kept on this device"
            if args.answer_to:
                said += f"; acknowledgement written to {args.answer_to} for them to import"
        elif kind is fr.Kind.WITHDRAWAL:
            deleted = take_withdrawal(device, frame)
            said = (f"backup {frame.header.subject} withdrawn by its owner: "
                    + ("the copy on this device is deleted" if deleted else "this device held no copy of that package"))
        elif kind in (fr.Kind.ACK, fr.Kind.GRANT, fr.Kind.VETO):
            {fr.Kind.ACK: take_ack, fr.Kind.GRANT: take_grant, fr.Kind.VETO: take_veto}[kind](device, frame)
            said = f"{kind.label} {frame.header.message_id} taken"
        else:
            raise fr.malformed(f"a {kind.label} is answered with `ebid key confirm-recovery --file`")
    print(shown(said))
    return 0


def _export_card(args: argparse.Namespace) -> int:
    from ....core.keybackup.flows import export_card

    with device_session(args, purpose="export peer card") as device:
        raw, card = export_card(device, args.key_id)
        write_bytes(args.output, raw)
    print(f"Peer card of {card.record_id} ({shown(card.holder_name)}) written to {args.output}; valid until "
          f"{card.expires.isoformat()}")
    print(f"Authority root SHA-256: {_grouped(card.root_fingerprint)}")
    print("Read this fingerprint out to the receiver (by phone or in person); they import the card with "
          "`ebid key import-card FILE --trust-root FINGERPRINT`")
    return 0


def _import_card(args: argparse.Namespace) -> int:
    from ....core.keybackup.flows import import_card

    raw = read_bytes(args.file, "peer card", limit=_card_limit())
    with device_session(args, purpose="import peer card") as device:
        card, outcome = import_card(device, raw, trust_root=args.trust_root)
    said = {"new": "kept", "refreshed": "kept (replaces an older card)", "kept": "already kept"}[outcome]
    print(f"{card.record_id}\t{shown(card.holder_name)}\t{card.role}\t{shown(card.label)}\tpeer card {said}; "
          f"valid until {card.expires.isoformat()}")
    print(f"Authority root SHA-256: {_grouped(card.root_fingerprint)}")
    return 0


def _card_limit() -> int:
    from ....core.keybackup.card import MAX_CARD

    return MAX_CARD


def _grouped(fingerprint: str) -> str:
    """Groups of four, easier to read out and compare."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


def _export_public(args: argparse.Namespace) -> int:
    from ....core import gm
    from ....core.keybackup.flows import own_key

    with open_keystore() as store:
        key = own_key(store, args.key_id)
        # Derived from the sealed private key (hence the password), never the row's readable copy,
        # which anyone able to write the file could have swapped.
        unlocked = store.unlock(read_password(args.password_file, prompt="Licence password: "))
        try:
            public = store.encryption_public_key(key.id, unlocked)
        finally:
            unlocked.lock()
    write_bytes(args.output, gm.public_key_to_pem(public))
    print(f"Public key of {args.key_id} written to {args.output}")
    return 0


def _qr(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ....core.keybackup import qrseq
    from ....core.qr.make import make_png

    texts = qrseq.split(_read_message_file(args.file))
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts, start=1):
        write_bytes(folder / f"part-{i:03d}-of-{len(texts):03d}.png", make_png(text, scale=6))
    print(f"{len(texts)} QR codes written to {folder}; the receiver reads them with the Scan page's camera, or "
          "`ebid key qr-join IMAGE… -o FILE`")
    return 0


def _qr_join(args: argparse.Namespace) -> int:
    from ....core import qr
    from ....core.errors import InvalidInput
    from ....core.keybackup import qrseq

    collector = qrseq.Collector()
    for path in args.images:
        parts = [c.text for c in qr.decode(qr.load_image(path)) if qrseq.is_part(c.text)]
        if not parts:
            raise InvalidInput("No key-backup QR code in {path}", path=path)
        for text in parts:
            collector.add(text)
    data = collector.result()
    if data is None:
        raise InvalidInput("Parts {missing} are still missing", missing=", ".join(map(str, collector.missing())))
    write_bytes(args.output, data)
    print(f"{args.output}: {len(data)} bytes rebuilt from {len(args.images)} images; take it with `ebid key import` "
          "(or `ebid key import-card`)")
    return 0
