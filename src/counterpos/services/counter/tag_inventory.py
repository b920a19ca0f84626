"""Animal tag stock: blocks of the year's numbers per station, issue, return on void, lost tags.

A station only ever issues numbers from blocks assigned to its own code, so two stations
working offline can never hand out the same number. Blocks come down from the central database
or, where there is none, a supervisor assigns them (`counterpos tags assign-block`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from counterpos.store import plain_read
from counterpos.store.models import TagBlock, TagMovement

MAX_TAG = 999_999


def format_tag(year: int, number: int) -> str:
    return f"{year}-{number:05d}"


@dataclass(frozen=True)
class BlockView:
    year: int
    station_code: str
    first_no: int
    last_no: int
    issued: int


def assign_block(
    station: Station, actor: Actor, station_code: str, year: int, first_no: int, last_no: int
) -> BlockView:
    """Give a station numbers first_no..last_no of a year. Refuses any overlap known here."""
    actor.require("edit_fees", "hand out tag blocks")
    station_code = station_code.strip().upper()
    if not station_code:
        raise InputError("Name the station that gets the block.", field="station")
    if not 2000 <= year <= 2100:
        raise InputError("{year} is not a license year.", field="year", year=year)
    if not 1 <= first_no <= last_no <= MAX_TAG:
        raise InputError(
            "A block runs from a first to a last number between 1 and {max_tag}.",
            field="first",
            max_tag=MAX_TAG,
        )
    with station.store.write() as s:
        clash = s.scalar(
            select(TagBlock).where(
                TagBlock.year == year, TagBlock.first_no <= last_no, TagBlock.last_no >= first_no
            )
        )
        if clash is not None:
            raise InputError(
                "Tags {first_no}–{last_no} of {year} already belong to {station_code}; choose numbers "
                "outside that block.",
                field="first",
                first_no=clash.first_no,
                last_no=clash.last_no,
                year=year,
                station_code=clash.station_code,
            )
        s.add(
            TagBlock(
                year=year,
                station_code=station_code,
                first_no=first_no,
                last_no=last_no,
                assigned_by=actor.username,
            )
        )
        audit.record(
            s,
            station.code,
            "tag_block_assigned",
            actor=actor.username,
            target=f"{station_code} {year}",
            details={"first": first_no, "last": last_no},
        )
    return BlockView(year, station_code, first_no, last_no, 0)


def list_blocks(station: Station, year: int | None = None) -> list[BlockView]:
    with station.store.read() as s:
        query = select(TagBlock).order_by(TagBlock.year, TagBlock.first_no)
        if year is not None:
            query = query.where(TagBlock.year == year)
        out = []
        for b in s.scalars(query):
            out.append(
                BlockView(
                    b.year,
                    b.station_code,
                    b.first_no,
                    b.last_no,
                    len(_out_numbers(s, b.year, b.first_no, b.last_no)),
                )
            )
        return out


def _states(session: Session, year: int, low: int, high: int) -> dict[int, str]:
    """The last movement of every number in low..high that has moved."""
    states: dict[int, str] = {}
    for number, kind in session.execute(
        select(TagMovement.number, TagMovement.kind)
        .where(TagMovement.year == year, TagMovement.number.between(low, high))
        .order_by(TagMovement.created_at, TagMovement.id)
    ):
        states[number] = kind
    return states


def _out_numbers(session: Session, year: int, low: int, high: int) -> set[int]:
    return {n for n, kind in _states(session, year, low, high).items() if kind != "return"}


_BLOCKS = (
    select(TagBlock.first_no, TagBlock.last_no)
    .where(TagBlock.year == bindparam("year"), TagBlock.station_code == bindparam("station"))
    .order_by(TagBlock.first_no)
)
_IN_BLOCK = (
    TagMovement.year == bindparam("year"),
    TagMovement.number.between(bindparam("low"), bindparam("high")),
)
# Issues and returns of a number alternate, so it is back in stock when it has been returned
# as often as issued (and never reported lost).
_RETURNS = func.sum(case((TagMovement.kind == "return", 1), else_=0))
_ISSUES = func.sum(case((TagMovement.kind == "issue", 1), else_=0))
_LOST = func.sum(case((TagMovement.kind == "lost", 1), else_=0))
# The block's range is the subquery's alone: the movements of only its returned numbers are
# then read (by year and number), not the block's every movement.
_BACK_IN_STOCK = (
    select(TagMovement.number)
    .where(TagMovement.year == bindparam("year"))
    .where(
        TagMovement.number.in_(
            select(TagMovement.number).where(*_IN_BLOCK, TagMovement.kind == "return")
        )
    )
    .group_by(TagMovement.number)
    .having(_RETURNS > 0, _RETURNS >= _ISSUES, _LOST == 0)
    .order_by(TagMovement.number)
)
_HIGHEST = select(func.max(TagMovement.number)).where(*_IN_BLOCK)


def next_tag(session: Session, station_code: str, year: int, taken: Collection[int] = ()) -> int:
    """The lowest returned number of this station's blocks, else the next never issued one.

    Numbers are handed out in order, so only returned tags (few) and the highest number that
    ever moved in a block need looking at, not every tag of the block. `taken`: numbers this
    sale has already given out but not yet written (plain reads: the sale's hot path).
    """
    if session.new:  # plain reads: what the ORM holds unwritten must be in the database first
        session.flush()
    conn = session.connection()
    blocks = plain_read.rows(conn, _BLOCKS, {"year": year, "station": station_code})
    if not blocks:
        raise StateError(
            "Station {station_code} has no animal tags for {year}; a supervisor must assign a block "
            "(counterpos tags assign-block).",
            station_code=station_code,
            year=year,
        )
    for first_no, last_no in blocks:
        key = {"year": year, "low": first_no, "high": last_no}
        for (number,) in plain_read.rows(conn, _BACK_IN_STOCK, key):
            if number not in taken:
                return int(number)
        highest = plain_read.scalar(conn, _HIGHEST, key)
        candidate = first_no if highest is None else highest + 1
        while candidate in taken:
            candidate += 1
        if candidate <= last_no:
            return candidate
    raise StateError(
        "Station {station_code} has issued every {year} tag of its blocks; a supervisor must "
        "assign another block.",
        station_code=station_code,
        year=year,
    )


def issue(
    session: Session, station_code: str, year: int, sale_line_id: str, license_no: str = ""
) -> int:
    number = next_tag(session, station_code, year)
    session.add(
        TagMovement(
            year=year,
            number=number,
            station_code=station_code,
            kind="issue",
            sale_line_id=sale_line_id,
            license_no=license_no,
        )
    )
    session.flush()
    return number


def return_tags(session: Session, station_code: str, sale_line_id: str) -> list[str]:
    """The void of a sale line gives its tag back to stock (call inside the void's transaction)."""
    returned = []
    for mv in session.scalars(
        select(TagMovement).where(
            TagMovement.sale_line_id == sale_line_id, TagMovement.kind == "issue"
        )
    ):
        session.add(
            TagMovement(
                year=mv.year,
                number=mv.number,
                station_code=station_code,
                kind="return",
                sale_line_id=sale_line_id,
                license_no=mv.license_no,
            )
        )
        returned.append(format_tag(mv.year, mv.number))
    session.flush()
    return returned


def mark_lost(session: Session, station_code: str, year: int, number: int, license_no: str) -> None:
    """A tag reported lost never goes back to stock."""
    session.add(
        TagMovement(
            year=year, number=number, station_code=station_code, kind="lost", license_no=license_no
        )
    )


def issued_count(session: Session, station_code: str, year: int) -> int:
    return int(
        session.scalar(
            select(func.count()).where(
                TagMovement.station_code == station_code,
                TagMovement.year == year,
                TagMovement.kind == "issue",
            )
        )
        or 0
    )
