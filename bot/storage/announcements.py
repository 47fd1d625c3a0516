"""Announcements and their deliveries: one row per announcement and recipient."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from bot.storage.database import Database, Row
from bot.storage.models import Announcement, AnnouncementStatus, Delivery, DeliveryCounts, DeliveryStatus

__all__ = ["AnnouncementRepository"]

_SELECT = (
    "SELECT id, key, created, author, text_tr, text_en, audience, status, due, finished, progress_chat_id, "
    "progress_message_id, progress_lang, source_chat_id, source_tr, source_en FROM announcements"
)
_Status = AnnouncementStatus


class AnnouncementRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create_announcement(
        self,
        *,
        key: str | None,
        author: int | None,
        text: dict[str, str],
        audience: str,
        status: AnnouncementStatus | str,
        due: float | None = None,
        source_chat_id: int | None = None,
        sources: Mapping[str, Sequence[int]] | None = None,
    ) -> int | None:
        """Store an announcement; None when one with the same ``key`` exists already
        (also when another process stored it a moment ago). ``sources`` are the message
        ids to copy per language, from ``source_chat_id``."""
        sources = sources or {}
        created = await self.db.fetch_value(
            "INSERT INTO announcements (key, created, author, text_tr, text_en, audience, status, due, "
            "source_chat_id, source_tr, source_en) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
            key,
            time.time(),
            author,
            text["tr"],
            text["en"],
            audience,
            str(_Status(status)),
            due,
            source_chat_id,
            _ids(sources.get("tr")),
            _ids(sources.get("en")),
        )
        return None if created is None else int(created)

    async def get_announcement(self, announcement_id: int) -> Announcement | None:
        row = await self.db.fetch_one(_SELECT + " WHERE id = ?", announcement_id)
        return _announcement(row) if row else None

    async def announcement_by_key(self, key: str) -> Announcement | None:
        row = await self.db.fetch_one(_SELECT + " WHERE key = ?", key)
        return _announcement(row) if row else None

    async def announcements(
        self, *, status: AnnouncementStatus | str | None = None, limit: int = 10
    ) -> list[Announcement]:
        """The newest announcements first, optionally only those with ``status`` (else all but drafts)."""
        if status:
            rows = await self.db.fetch_all(f"{_SELECT} WHERE status = ? ORDER BY id DESC LIMIT ?", str(status), limit)
        else:
            rows = await self.db.fetch_all(
                f"{_SELECT} WHERE status != ? ORDER BY id DESC LIMIT ?", str(_Status.DRAFT), limit
            )
        return [_announcement(r) for r in rows]

    async def set_announcement_status(self, announcement_id: int, status: AnnouncementStatus | str) -> None:
        status = _Status(status)
        await self.db.execute(
            "UPDATE announcements SET status = ?, finished = ? WHERE id = ?",
            str(status),
            time.time() if status.finished else None,
            announcement_id,
        )

    async def cancel_draft(self, announcement_id: int) -> bool:
        """Cancel an announcement only if it is still a draft, in one statement: a Send
        pressed at the same moment either fixed the recipients first (False) or finds it
        cancelled (its start_sending returns False)."""
        changed = await self.db.execute(
            "UPDATE announcements SET status = ?, finished = ? WHERE id = ? AND status = ?",
            str(_Status.CANCELLED),
            time.time(),
            announcement_id,
            str(_Status.DRAFT),
        )
        return changed == 1

    async def set_version(
        self, announcement_id: int, lang: str, *, text: str, source_chat_id: int, message_ids: Sequence[int]
    ) -> bool:
        """Give a draft its version in ``lang``: messages to copy (and their text, for the
        lists); False when it is no longer a draft."""
        if lang not in ("tr", "en"):
            raise ValueError(f"no language {lang!r}")
        changed = await self.db.execute(
            f"UPDATE announcements SET text_{lang} = ?, source_{lang} = ?, source_chat_id = ? "
            "WHERE id = ? AND status = ?",
            text,
            _ids(message_ids),
            source_chat_id,
            announcement_id,
            str(_Status.DRAFT),
        )
        return changed == 1

    async def change_status(
        self, announcement_id: int, before: AnnouncementStatus, after: AnnouncementStatus, *, due: float | None = None
    ) -> bool:
        """Atomically move an announcement from ``before`` to ``after`` (and set ``due`` when
        given); False when it was not ``before`` (pressed twice, or another process was first)."""
        changed = await self.db.execute(
            "UPDATE announcements SET status = ?, finished = ?, due = COALESCE(?, due) WHERE id = ? AND status = ?",
            str(after),
            time.time() if after.finished else None,
            due,
            announcement_id,
            str(before),
        )
        return changed == 1

    async def set_progress_message(self, announcement_id: int, chat_id: int, message_id: int, lang: str) -> None:
        await self.db.execute(
            "UPDATE announcements SET progress_chat_id = ?, progress_message_id = ?, progress_lang = ? WHERE id = ?",
            chat_id,
            message_id,
            lang,
            announcement_id,
        )

    async def start_sending(self, announcement_id: int, recipients: list[tuple[str, str]]) -> bool:
        """Atomically fix the recipients (target, language) and mark the announcement as
        sending; False when it is no longer a draft or pending (confirmed twice, or
        started by another process)."""
        now = time.time()
        async with self.db.transaction(write=True):
            changed = await self.db.execute(
                "UPDATE announcements SET status = ? WHERE id = ? AND status IN (?, ?)",
                str(_Status.SENDING),
                announcement_id,
                str(_Status.DRAFT),
                str(_Status.PENDING),
            )
            if changed != 1:
                return False
            await self.db.execute_many(
                "INSERT INTO deliveries (announcement_id, target, lang, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [(announcement_id, target, lang, now) for target, lang in recipients],
            )
        return True

    async def pending_deliveries(self, announcement_id: int, limit: int = 500) -> list[Delivery]:
        """The next deliveries still to be made, in the order the recipients were fixed."""
        rows = await self.db.fetch_all(
            "SELECT announcement_id, target, lang, status, message_id, reason, attempts, resends FROM deliveries "
            "WHERE announcement_id = ? AND status = ? ORDER BY rowid LIMIT ?",
            announcement_id,
            str(DeliveryStatus.PENDING),
            limit,
        )
        return [Delivery(int(r[0]), r[1], r[2], DeliveryStatus(r[3]), r[4], r[5], int(r[6]), int(r[7])) for r in rows]

    async def mark_attempt(self, announcement_id: int, target: str) -> None:
        """Count an attempt before sending, so a crash right after it is visible."""
        await self.db.execute(
            "UPDATE deliveries SET attempts = attempts + 1, updated = ? WHERE announcement_id = ? AND target = ?",
            time.time(),
            announcement_id,
            target,
        )

    async def mark_resend(self, announcement_id: int, target: str) -> None:
        """Count a send repeated because the one before may or may not have arrived."""
        await self.db.execute(
            "UPDATE deliveries SET resends = resends + 1, updated = ? WHERE announcement_id = ? AND target = ?",
            time.time(),
            announcement_id,
            target,
        )

    async def finish_delivery(
        self,
        announcement_id: int,
        target: str,
        *,
        sent: bool,
        message_id: int | None = None,
        reason: str | None = None,
        status: DeliveryStatus | None = None,
    ) -> None:
        """Record the outcome of one delivery as soon as it is known (``status`` overrides
        what ``sent`` says, for :attr:`DeliveryStatus.UNCONFIRMED`)."""
        if status is None:
            status = DeliveryStatus.SENT if sent else DeliveryStatus.FAILED
        await self.db.execute(
            "UPDATE deliveries SET status = ?, message_id = ?, reason = ?, updated = ? "
            "WHERE announcement_id = ? AND target = ?",
            str(status),
            message_id,
            reason,
            time.time(),
            announcement_id,
            target,
        )

    async def delivery_counts(self, announcement_id: int) -> DeliveryCounts:
        row = await self.db.fetch_one(
            "SELECT COUNT(*), "
            "SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) "
            "FROM deliveries WHERE announcement_id = ?",
            str(DeliveryStatus.SENT),
            str(DeliveryStatus.FAILED),
            str(DeliveryStatus.PENDING),
            str(DeliveryStatus.UNCONFIRMED),
            announcement_id,
        )
        total, sent, failed, pending, unconfirmed = (int(v or 0) for v in (row or (0, 0, 0, 0, 0)))
        return DeliveryCounts(total, sent, failed, pending, unconfirmed)

    async def forget_target(self, target: str) -> int:
        return await self.db.execute("DELETE FROM deliveries WHERE target = ?", target)


def _ids(ids: Sequence[int] | None) -> str | None:
    return ",".join(str(int(i)) for i in ids) if ids else None


def _parse_ids(text: str | None) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip()) if text else ()


def _announcement(row: Row | Any) -> Announcement:
    return Announcement(
        int(row[0]),
        row[1],
        float(row[2]),
        row[3],
        {"tr": row[4], "en": row[5]},
        row[6],
        _Status(row[7]),
        row[8],
        row[9],
        row[10],
        row[11],
        row[12] or "tr",
        None if row[13] is None else int(row[13]),
        {lang: ids for lang, ids in (("tr", _parse_ids(row[14])), ("en", _parse_ids(row[15]))) if ids},
    )
