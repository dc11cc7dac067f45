"""DEMO data: fictitious enterprises and persons for the reference service, demos and tests.

Everything here is invented and marked 演示 (demo). The credit codes and ID numbers carry valid
check characters (so they pass validation) but belong to no real enterprise or person: the
credit codes contain ``DEM`` in the organisation part, and every name contains 演示.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Enterprise, Person


@dataclass(frozen=True)
class DemoEnterprise:
    enterprise: Enterprise
    others: tuple[Person, ...]  # people to add as managers or authorise as agents in a demo


def _person(name: str, id_number: str, mobile: str) -> Person:
    return Person(name, id_number, mobile)


DEMO_ENTERPRISES: tuple[DemoEnterprise, ...] = (
    DemoEnterprise(
        Enterprise(
            "91110108MA001DEMXY",
            "演示科技有限公司",
            "北京市海淀区",
            _person("张演示", "110108198001010015", "13800138001"),
        ),
        (
            _person("李演示", "110108198503150026", "13800138002"),
            _person("王演示", "110108199007200033", "13800138003"),
        ),
    ),
    DemoEnterprise(
        Enterprise(
            "91350100MA002DEMY4",
            "演示建设工程有限公司",
            "福建省福州市",
            _person("陈演示", "35010219820214004X", "13900139001"),
        ),
        (_person("林演示", "35010219881109005X", "13900139002"),),
    ),
    DemoEnterprise(
        Enterprise(
            "91440300MA003DEMXM",
            "演示咨询服务有限公司",
            "广东省深圳市",
            _person("刘演示", "440305197906060061", "13700137001"),
        ),
        (
            _person("黄演示", "440305199501010073", "13700137002"),
            _person("周演示", "440305199209300081", "13700137003"),
        ),
    ),
)


def load_demo(authority) -> list[Enterprise]:
    """Register every demo enterprise (and its legal representative) that is not there yet."""
    added = []
    for demo in DEMO_ENTERPRISES:
        if authority.repo.get_enterprise(demo.enterprise.credit_code) is None:
            added.append(authority.register_enterprise(demo.enterprise))
    return added
