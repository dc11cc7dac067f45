"""The home page's guide: the licence manual's preparation flow (手册 §1 准备内容), in order, for
the person using this device, each step with its state here and the page that does it.

Legal representative and licence manager: 领用电子营业执照 → 印模上传与领章 → 申请密钥并备份 →
扫码认证 / 签章 / 加密. Agent (办事人): 接受授权（下载执照） → 领章与印章授权 → 申请密钥并备份 → 扫码.
Everything is judged from this device's keystore, without the password or the service (a seal
is "collected" once it is in the keystore; a key "backed up" once a holder's verification came
back); the pages themselves say the rest. Pure data (no widgets).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class StepState(Enum):
    DONE = "done"
    NEXT = "next"  # the first step not done: the guide's button goes there
    LATER = "later"


@dataclass(frozen=True)
class Step:
    key: str  # licence / seal / key / scan
    page_id: str  # where the step is done
    state: StepState
    detail: str = ""  # what is there already (a seal name, a key id), for the step's text


def steps(store) -> tuple[str, list[Step]]:
    """(the role the guide follows, its steps). With no licence yet, the representative's flow."""
    from ...core.pki.info import Role

    ready = store.is_initialised()
    licences = store.list_licences() if ready else []
    role = licences[0].role if licences else Role.LEGAL_REPRESENTATIVE.value
    seals = store.list_seals() if ready else []
    keys = [k for k in store.list_encryption_keys() if k.registry_id] if ready else []
    verified = [k for k in keys if any(b.state == "verified" for b in store.backups.sent_backups(k.id))
                or k.origin == "recovered"]
    answered = store.task_history(limit=1) if ready else []
    done = [
        ("licence", "licences", bool(licences), licences[0].holder_name if licences else ""),
        ("seal", "seals", bool(seals), seals[0].name if seals else ""),
        ("key", "keys", bool(verified), (verified or keys)[0].registry_id if (verified or keys) else ""),
        ("scan", "scan", bool(answered), ""),
    ]
    found, next_given = [], False
    for key, page, is_done, detail in done:
        if is_done:
            state = StepState.DONE
        elif not next_given:
            state, next_given = StepState.NEXT, True
        else:
            state = StepState.LATER
        found.append(Step(key, page, state, detail))
    return role, found
