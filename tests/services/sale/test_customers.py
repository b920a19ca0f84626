"""Type-ahead customer lookup: what it finds, and the order the cashier sees it in."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import text

from counterpos.services.sale import customers
from counterpos.services.sale.customers import rebuild_search_index
from counterpos.store.models import Customer, License, UtilityAccount

_numbers = itertools.count(1)


def add(
    station,
    first: str,
    last: str,
    *,
    phone: str = "",
    account: str | None = None,
    address: str = "1 Main St",
    business: str = "",
    tag: str = "",
    index: bool = True,
) -> str:
    n = next(_numbers)
    with station.store.write() as s:
        c = Customer(
            customer_no=f"C{900000 + n}",
            first_name=first,
            last_name=last,
            business_name=business,
            phone=phone,
            mailing_address=address,
        )
        s.add(c)
        s.flush()
        s.add(
            UtilityAccount(
                account_no=account or f"{70000000 + n * 13:08d}",
                customer_id=c.id,
                service_address=address,
                customer_class="residential_owner",
                status="active",
            )
        )
        if tag:
            s.add(License(customer_id=c.id, kind="animal", license_no=f"AL-{n}", tag_no=tag))
        s.flush()
        if index:
            customers.index_customer(s, c.id)
        return c.id


def names(hits) -> list[str]:
    return [h.name for h in hits]


def test_surname_prefix_lists_surnames_first_then_first_names_then_streets(empty_station):
    st = empty_station
    add(st, "Zoe", "Smith")
    add(st, "Adam", "Smithers")
    add(st, "Smitty", "Adams")
    add(st, "Carl", "Jones", address="12 Smiley Ct")
    add(st, "Ann", "Smith")
    add(st, "Bob", "Brown")
    assert names(customers.search(st, "smi")) == [
        "Ann Smith",
        "Zoe Smith",
        "Adam Smithers",
        "Smitty Adams",  # first name
        "Carl Jones",  # street
    ]


def test_first_and_last_name_in_either_order(empty_station):
    st = empty_station
    add(st, "Maria", "Lopez")
    add(st, "Mariana", "Lopez")
    add(st, "Maria", "Lopes")
    add(st, "Jose", "Lopez")
    assert names(customers.search(st, "maria lopez")) == ["Maria Lopez", "Mariana Lopez"]
    assert names(customers.search(st, "lopez maria")) == ["Maria Lopez", "Mariana Lopez"]
    assert names(customers.search(st, "mar lop")) == ["Maria Lopes", "Maria Lopez", "Mariana Lopez"]


def test_accents_and_case_do_not_matter(empty_station):
    st = empty_station
    add(st, "José", "Peña")
    assert names(customers.search(st, "PENA jose")) == ["José Peña"]
    assert names(customers.search(st, "peña")) == ["José Peña"]


def test_account_number_start_before_middle_digits(empty_station):
    st = empty_station
    add(st, "Middle", "Match", account="40136155")
    add(st, "Start", "Match", account="13619999")
    add(st, "No", "Match", account="40000000")
    assert names(customers.search(st, "1361")) == ["Start Match", "Middle Match"]
    assert names(customers.search(st, "40136155")) == ["Middle Match"]


def test_phone_by_part_with_or_without_punctuation(empty_station):
    st = empty_station
    add(st, "Phone", "Owner", phone="(619) 359-0779")
    add(st, "Other", "Person", phone="(619) 555-1234")
    for typed in ("359-07", "3590779", "619 359", "(619) 359-0779", "0779"):
        assert names(customers.search(st, typed)) == ["Phone Owner"], typed


def test_street_name_and_house_number(empty_station):
    st = empty_station
    add(st, "Bea", "Young", address="310 Alta Loma Dr")
    add(st, "Al", "Young", address="44 Alta Loma Dr")
    add(st, "Cy", "Young", address="9 Loma Linda Ave")
    assert names(customers.search(st, "alta loma")) == ["Al Young", "Bea Young"]
    assert names(customers.search(st, "310 alta")) == ["Bea Young"]


def test_tag_number_is_found(empty_station):
    st = empty_station
    add(st, "Dog", "Owner", tag="2026-0417")
    assert names(customers.search(st, "2026-0417")) == ["Dog Owner"]


def test_business_customers_by_business_name(empty_station):
    st = empty_station
    add(st, "Lisa", "Castillo", business="Vista Taqueria")
    add(st, "", "", business="Acme Plumbing")
    assert names(customers.search(st, "vista")) == ["Vista Taqueria (Lisa Castillo)"]
    assert names(customers.search(st, "acme")) == ["Acme Plumbing"]


def test_twenty_best_in_exact_name_order_even_when_indexed_out_of_order(empty_station):
    """Many people share a name's first letters; the index must still list them exactly."""
    st = empty_station
    firsts = [f"Ma{a}{b}" for a in "zyxwvutsrq" for b in "edcba"]  # 50, added z..a
    for first in firsts:
        add(st, first, "Garcia")
    add(st, "Zed", "Garza")
    add(st, "Amy", "Gardner")
    hits = customers.search(st, "gar")
    assert names(hits) == [f"{f} Garcia" for f in sorted(firsts)][:20]
    assert names(customers.search(st, "gar", limit=60))[-2:] == ["Amy Gardner", "Zed Garza"]


def test_same_name_ties_break_on_customer_number(empty_station):
    st = empty_station
    ids = [add(st, "John", "Smith") for _ in range(3)]
    with st.store.read() as s:
        numbers = {s.get(Customer, i).customer_no: i for i in ids}
    hits = customers.search(st, "john smith")
    assert [h.customer_id for h in hits] == [numbers[n] for n in sorted(numbers)]


def test_rename_moves_the_customer_in_the_index(empty_station):
    st = empty_station
    cid = add(st, "Maria", "Lopez")
    with st.store.write() as s:
        s.get(Customer, cid).last_name = "Vasquez"
        s.flush()
        customers.index_customer(s, cid)
    assert customers.search(st, "lopez") == []
    assert names(customers.search(st, "vasq")) == ["Maria Vasquez"]
    with st.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM customer_search")).scalar() == 1


def test_a_new_license_or_phone_is_indexed_in_place(empty_station):
    """The name keeps the customer's place: the row is rewritten where it is (same rowid),
    the new tag and phone are found, the old phone no longer."""
    st = empty_station
    add(st, "Ann", "Baker")
    cid = add(st, "Dog", "Owner", phone="805-555-0101")
    add(st, "Zed", "Young")

    def rowid() -> int:
        with st.store.read() as s:
            return s.execute(
                text("SELECT search_rowid FROM customer_search_key WHERE customer_id = :c"),
                {"c": cid},
            ).scalar_one()

    before = rowid()
    with st.store.write() as s:
        s.add(License(customer_id=cid, kind="animal", license_no="AL-X1", tag_no="2026-0777"))
        s.get(Customer, cid).phone = "805-555-0199"
        customers.index_customer(s, cid)
    assert rowid() == before
    assert names(customers.search(st, "2026-0777")) == ["Dog Owner"]
    assert names(customers.search(st, "0199")) == ["Dog Owner"]
    assert customers.search(st, "0101") == []
    assert names(customers.search(st, "owner")) == ["Dog Owner"]
    with st.store.read() as s:
        counts = [
            s.execute(text(f"SELECT count(*) FROM {t}")).scalar()
            for t in ("customer_search", "customer_search_digits", "customer_search_name")
        ]
    assert counts == [3, 3, 3]


def test_license_numbers_find_their_holders_once_each_in_name_order(empty_station):
    """Each license is its own document (store/customer_index.py); a customer holding
    several that match is listed once, in name order with the others."""
    st = empty_station
    zed = add(st, "Zed", "Adams", tag="2031-0100")
    add(st, "Ann", "Baker", tag="2031-0200")
    add(st, "Carl", "Cole")
    with st.store.write() as s:
        for n in range(3):
            s.add(
                License(customer_id=zed, kind="animal", license_no=f"AL-Z{n}", tag_no=f"2031-03{n}")
            )
        s.flush()
        customers.index_customer(s, zed)
    assert names(customers.search(st, "2031")) == ["Zed Adams", "Ann Baker"]
    assert names(customers.search(st, "2031-0200")) == ["Ann Baker"]
    assert names(customers.search(st, "310100")) == ["Zed Adams"]  # middle digits
    assert names(customers.search(st, "al-z2")) == ["Zed Adams"]
    assert names(customers.search(st, "2031", limit=1)) == ["Zed Adams"]


def test_rebuild_gives_the_same_answers_as_incremental_indexing(empty_station):
    st = empty_station
    for first, last in [("Ann", "Smith"), ("Zoe", "Smith"), ("Smitty", "Adams"), ("Bo", "Gar")]:
        add(st, first, last, index=False)
    with st.store.write() as s:
        rebuild_search_index(s)
    rebuilt = names(customers.search(st, "smi"))
    assert rebuilt == ["Ann Smith", "Zoe Smith", "Smitty Adams"]
    add(st, "Sam", "Smith")
    assert names(customers.search(st, "smi")) == [
        "Ann Smith",
        "Sam Smith",
        "Zoe Smith",
        "Smitty Adams",
    ]


@pytest.mark.parametrize("typed", ["", "   ", "--", "*", '"', "NEAR(", "a AND", "OR"])
def test_odd_input_never_breaks_the_lookup(empty_station, typed):
    add(empty_station, "Or", "Andrews")
    customers.search(empty_station, typed)  # no FTS5 syntax error reaches the cashier


def test_limit_and_determinism_on_the_demo_customers(station):
    first = customers.search(station, "a")
    assert len(first) == 20
    assert customers.search(station, "a") == first


def test_index_keeps_name_order_when_neighbours_run_out_of_room(empty_station):
    """Ninety customers squeezed one by one into the same gap force the rows to be spread."""
    st = empty_station
    add(st, "w", "Tight", tag="2032-0001")
    add(st, "y", "Tight", tag="2032-0002")
    firsts = [f"x{n}" for n in range(99, 9, -1)]  # each sorts just below the one before
    for first in firsts:
        add(st, first, "Tight", tag=f"2032-1{first[1:]}")
    with st.store.read() as s:
        keys = s.execute(
            text("SELECT sort_key, search_rowid FROM customer_search_key ORDER BY sort_key")
        ).all()
        rowids = [r for _, r in keys]
        assert rowids == sorted(rowids) and len(set(rowids)) == len(rowids) == 92
        for table in ("customer_search", "customer_search_last", "customer_search_digits"):
            stored = s.execute(text(f"SELECT rowid FROM {table} ORDER BY rowid")).scalars().all()
            assert stored == rowids, table
    expected = ["w Tight"] + [f"x{n} Tight" for n in range(10, 100)] + ["y Tight"]
    assert names(customers.search(st, "tight", limit=100)) == expected
    assert names(customers.search(st, "tig")) == expected[:20]
    # The license documents moved with their customers' rows.
    assert names(customers.search(st, "2032", limit=100)) == expected
    assert names(customers.search(st, "2032155")) == ["x55 Tight"]  # middle digits


@pytest.mark.parametrize(
    "pasted", ["1" * 10_000, "garcia " * 2_000, "4111-" * 3_000, "\udcff" * 500 + "lopez"]
)
def test_a_pasted_page_is_cut_before_the_index_is_asked(station, pasted):
    tiers = customers.lookup_tiers(pasted)
    assert all(len(t.match) < 1_000 for t in tiers)  # never a 10,000-character FTS query
    words = customers._tokens(pasted)
    assert len(words) <= customers.MAX_WORDS
    assert all(len(w) <= customers.MAX_WORD_CHARS for w in words)
    assert isinstance(customers.search(station, pasted), list)


def test_the_cap_keeps_what_a_person_types(station):
    with station.store.read() as s:
        last = s.execute(text("SELECT last_name FROM customer ORDER BY customer_no")).scalar()
    assert last.lower() in names(customers.search(station, f"  {last}  "))[0].lower()
