"""Bodies of the e-bidding platform's JSON API (they become part of the OpenAPI schema)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class ProjectOut(BaseModel):
    code: str
    name: str
    tenderee: str
    sections: list[str]
    bid_deadline: datetime
    opening_time: datetime


class ReceiptOut(BaseModel):
    submission_id: str
    project: str
    section: str
    file_name: str
    size: int
    sm3: str
    received_at: datetime
    receipt: str = Field(description="the canonical JSON the platform signed (UTF-8)")
    signature: str = Field(description="base64 DER SM2 signature of the platform over receipt")


class KeyIn(BaseModel):
    label: str = Field(min_length=1, max_length=100, description="device name")
    public_key: str = Field(max_length=1024, description="base64 DER SubjectPublicKeyInfo (SM2)")


class KeyOut(BaseModel):
    key_id: str
    label: str
    person_id: str
    serial: str
    public_key: str
    created_at: datetime
