"""A workshop's own tables: the lead's choices and the group's points, nothing else (no case data).

Retention, the registry and the migrations reach them through bot/modes/workshop/spec.py.
"""
from __future__ import annotations

import uuid

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import relationship

from bot.storage.store import ACTIVE, Base, utcnow


class WorkshopSession(Base):
    __tablename__ = "workshop_sessions"

    id = Column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    sender_id = Column(String(255), nullable=False, index=True)
    status = Column(String(20), nullable=False, default=ACTIVE)
    minutes = Column(Integer)  # None until chosen
    group = Column(String(40))  # a group id from workshop.yml
    themes = Column(JSON)  # theme ids, in order
    current_item = Column(Integer)  # None until the workshop starts; then the part open now
    privacy_reminded = Column(Boolean, nullable=False, default=False)
    # "Is a child in danger right now?" asked and not yet answered: the next message answers it first.
    danger_check = Column(Boolean, nullable=False, default=False, server_default=false())
    pack_path = Column(Text)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    points = relationship("WorkshopPoint", cascade="all, delete-orphan", lazy="selectin",
                          order_by="WorkshopPoint.id")


class WorkshopPoint(Base):
    __tablename__ = "workshop_points"

    id = Column(Integer, primary_key=True)
    session_id = Column(String(36), ForeignKey("workshop_sessions.id", ondelete="CASCADE"),
                        nullable=False, index=True)
    item_id = Column(String(120), nullable=False)  # the plan part it was said in
    text = Column(Text, nullable=False)  # verbatim as typed
    created_at = Column(DateTime, nullable=False, default=utcnow)


WORKSHOP_TABLES = (WorkshopSession.__table__, WorkshopPoint.__table__)
